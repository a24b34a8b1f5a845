# fish completion for memscope(1)
# SPDX-License-Identifier: GPL-2.0-or-later

set -l commands summary zones frag atomic check fleet gfp explain top snapshot

complete -c memscope -f
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a summary -d 'One-screen overview (the default)'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a zones -d 'Free pages, watermarks and protection per zone'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a frag -d 'Free blocks and fragmentation indices per order'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a atomic -d 'Would an order-N GFP_ATOMIC request succeed'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a check -d 'Monitoring check of order-N headroom'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a fleet -d 'Worst zones and largest consumers across snapshots'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a gfp -d 'What a GFP mask lets an allocation do'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a explain -d 'Why the page allocation failures of a log failed'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a top -d 'Live dashboard of zones, slab, vmalloc, processes'
complete -c memscope -n "not __fish_seen_subcommand_from $commands" -a snapshot -d 'Capture the files memscope reads'

complete -c memscope -s r -l root -r -a '(__fish_complete_directories)' -d 'Read DIR/proc and DIR/sys'
complete -c memscope -s j -l json -d 'Print one JSON document'
complete -c memscope -l format -x -a 'text json prom' -d 'Output format'
complete -c memscope -l no-color -d 'Never use colours'
complete -c memscope -l page-size -x -a '4096 16384 65536' -d 'Page size of a capture without meta'
complete -c memscope -l kernel -x -d 'Model the rules of kernel VERSION'
complete -c memscope -l help -d 'Print help'
complete -c memscope -l usage -d 'Print a short usage message'
complete -c memscope -l version -d 'Print the version'

complete -c memscope -n "__fish_seen_subcommand_from zones frag atomic check" -s n -l node -x -d 'Only node N'
complete -c memscope -n "__fish_seen_subcommand_from frag atomic check fleet gfp" -s o -l order -x -d 'Only order N'
complete -c memscope -n "__fish_seen_subcommand_from fleet" -s t -l top -x -d 'Rows per table'
complete -c memscope -n "__fish_seen_subcommand_from fleet" -a '(__fish_complete_directories)'
complete -c memscope -n "__fish_seen_subcommand_from atomic" -l orders -x -d 'Orders A-B'
complete -c memscope -n "__fish_seen_subcommand_from atomic check" -l gfp -x -a 'atomic nowait kernel dma dma32' -d 'GFP class'
complete -c memscope -n "__fish_seen_subcommand_from check" -l warn -x -d 'WARNING below H requests'
complete -c memscope -n "__fish_seen_subcommand_from check" -l crit -x -d 'CRITICAL below H requests'
complete -c memscope -n "__fish_seen_subcommand_from frag" -l debugfs -d 'Print the kernel debugfs extfrag text'
complete -c memscope -n "__fish_seen_subcommand_from snapshot" -a '(__fish_complete_directories)'
complete -c memscope -n "__fish_seen_subcommand_from gfp" -l list -d 'Which flags to use where'
complete -c memscope -n "__fish_seen_subcommand_from gfp" -l contexts -d 'Which flags to use where'
complete -c memscope -n "__fish_seen_subcommand_from gfp" -a 'GFP_KERNEL GFP_ATOMIC GFP_NOWAIT GFP_NOIO GFP_NOFS GFP_USER GFP_DMA GFP_DMA32 GFP_HIGHUSER GFP_HIGHUSER_MOVABLE GFP_KERNEL_ACCOUNT __GFP_HIGH __GFP_IO __GFP_FS __GFP_ZERO __GFP_COMP __GFP_NOWARN __GFP_NORETRY __GFP_RETRY_MAYFAIL __GFP_NOFAIL __GFP_NOMEMALLOC __GFP_DMA __GFP_DMA32 __GFP_HIGHMEM __GFP_MOVABLE'
complete -c memscope -n "__fish_seen_subcommand_from explain" -F
complete -c memscope -n "__fish_seen_subcommand_from top" -s d -l delay -x -d 'Refresh every SECONDS'
complete -c memscope -n "__fish_seen_subcommand_from top" -s n -l iterations -x -d 'Stop after N refreshes'
complete -c memscope -n "__fish_seen_subcommand_from top" -s t -l tab -x -a 'overview zones slab vmalloc processes' -d 'Start on TAB'
complete -c memscope -n "__fish_seen_subcommand_from top" -s o -l once -d 'Print the overview once and exit'
