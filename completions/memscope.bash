# bash completion for memscope(1)
# SPDX-License-Identifier: GPL-2.0-or-later

_memscope()
{
	local cur prev words cword
	_init_completion || return

	local global="--root --json --no-color --page-size --kernel --help --usage --version"
	local commands="summary zones frag slab snapshot"
	local cmd="" i
	for ((i = 1; i < cword; i++)); do
		case "${words[i]}" in
		--root | --page-size | --kernel | -r) ((i++)) ;;
		-*) ;;
		*) cmd=${words[i]}; break ;;
		esac
	done

	case "$prev" in
	--root | -r)
		_filedir -d
		return
		;;
	--page-size)
		COMPREPLY=($(compgen -W "4096 16384 65536" -- "$cur"))
		return
		;;
	--kernel | --node | -n | --order | -o)
		return
		;;
	--sort | -s)
		COMPREPLY=($(compgen -W "a b c l v n o p s u g w active_objs objs_per_slab cache_size slabs active_slabs name objs pages_per_slab obj_size use growth waste" -- "$cur"))
		return
		;;
	--top | -t | --filter | -f | --count | -c | --grow-window | --grow-min)
		return
		;;
	esac

	local opts=""
	case "$cmd" in
	"") COMPREPLY=($(compgen -W "$commands $global" -- "$cur")); return ;;
	summary) opts="" ;;
	zones) opts="--node" ;;
	frag) opts="--node --order --debugfs" ;;
	slab) opts="--sort --top --filter --once --watch --count --grow-window --grow-min" ;;
	snapshot)
		if [[ "$cur" != -* ]]; then
			_filedir -d
			return
		fi
		;;
	esac
	COMPREPLY=($(compgen -W "$opts $global" -- "$cur"))
}
complete -F _memscope memscope
