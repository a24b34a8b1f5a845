# fish completion for memscope(1)
# SPDX-License-Identifier: GPL-2.0-or-later

set -l commands summary zones frag slab snapshot

complete -c memscope -f
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a summary -d 'One-screen overview (the default)'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a zones -d 'Free pages, watermarks and protection per zone'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a frag -d 'Free blocks and fragmentation indices per order'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a slab -d 'Slab caches: sizes, waste, growth'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a snapshot -d 'Capture the files memscope reads'

complete -c memscope -s r -l root -r -a '(__fish_complete_directories)' -d 'Read DIR/proc and DIR/sys'
complete -c memscope -s j -l json -d 'Print one JSON document'
complete -c memscope -l no-color -d 'Never use colours'
complete -c memscope -l page-size -x -a '4096 16384 65536' -d 'Page size of a capture without meta'
complete -c memscope -l kernel -x -d 'Model the rules of kernel VERSION'
complete -c memscope -l help -d 'Print help'
complete -c memscope -l usage -d 'Print a short usage message'
complete -c memscope -l version -d 'Print the version'

complete -c memscope -n "__fish_seen_subcommand_from zones frag" -s n -l node -x -d 'Only node N'
complete -c memscope -n "__fish_seen_subcommand_from frag" -s o -l order -x -d 'Only order N'
complete -c memscope -n "__fish_seen_subcommand_from frag" -l debugfs -d 'Print the kernel debugfs extfrag text'
complete -c memscope -n "__fish_seen_subcommand_from slab" -s s -l sort -x -a 'a b c l v n o p s u g w' -d 'Sort by KEY'
complete -c memscope -n "__fish_seen_subcommand_from slab" -s t -l top -x -d 'List only the first N caches'
complete -c memscope -n "__fish_seen_subcommand_from slab" -s f -l filter -x -d 'List only caches matching REGEX'
complete -c memscope -n "__fish_seen_subcommand_from slab" -s o -l once -d 'Print one sample and exit'
complete -c memscope -n "__fish_seen_subcommand_from slab" -s w -l watch -d 'Sample every SECONDS (default 2)'
complete -c memscope -n "__fish_seen_subcommand_from slab" -s c -l count -x -d 'Stop after N samples'
complete -c memscope -n "__fish_seen_subcommand_from slab" -l grow-window -x -d 'Growing: did not fall over the last K samples'
complete -c memscope -n "__fish_seen_subcommand_from slab" -l grow-min -x -d 'Growing: rose by more than BYTES'
complete -c memscope -n "__fish_seen_subcommand_from snapshot" -a '(__fish_complete_directories)'
