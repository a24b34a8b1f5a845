# bash completion for memscope(1)
# SPDX-License-Identifier: GPL-2.0-or-later

_memscope()
{
	local cur prev words cword
	_init_completion || return

	local global="--root --json --format --no-color --page-size --kernel --help --usage --version"
	local commands="summary zones frag atomic check fleet snapshot"
	local cmd="" i
	for ((i = 1; i < cword; i++)); do
		case "${words[i]}" in
		--root | --page-size | --kernel | --format | -r) ((i++)) ;;
		-*) ;;
		*) cmd=${words[i]}; break ;;
		esac
	done

	case "$prev" in
	--root | -r)
		_filedir -d
		return
		;;
	--format)
		COMPREPLY=($(compgen -W "text json prom" -- "$cur"))
		return
		;;
	--page-size)
		COMPREPLY=($(compgen -W "4096 16384 65536" -- "$cur"))
		return
		;;
	--gfp)
		COMPREPLY=($(compgen -W "atomic nowait kernel dma dma32" -- "$cur"))
		return
		;;
	--kernel | --node | -n | --order | -o | --orders | --warn | --crit | --top | -t)
		return
		;;
	esac

	# snapshot and fleet take directories
	if [[ ( "$cmd" == snapshot || "$cmd" == fleet ) && "$cur" != -* ]]; then
		_filedir -d
		return
	fi

	local opts=""
	case "$cmd" in
	"") COMPREPLY=($(compgen -W "$commands $global" -- "$cur")); return ;;
	summary) opts="" ;;
	zones) opts="--node" ;;
	frag) opts="--node --order --debugfs" ;;
	atomic) opts="--order --orders --gfp --node" ;;
	check) opts="--order --gfp --node --warn --crit" ;;
	fleet) opts="--order --top" ;;
	snapshot) opts="" ;;
	esac
	COMPREPLY=($(compgen -W "$opts $global" -- "$cur"))
}
complete -F _memscope memscope
