# bash completion for memscope(1)
# SPDX-License-Identifier: GPL-2.0-or-later

_memscope()
{
	local cur prev words cword
	_init_completion || return

	local global="--root --json --format --no-color --page-size --kernel --help --usage --version"
	local commands="summary zones frag atomic check snapshot scull validate"
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
		if [[ "$cmd" == validate ]]; then
			COMPREPLY=($(compgen -W "atomic nowait kernel" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "atomic nowait kernel dma dma32" -- "$cur"))
		fi
		return
		;;
	--kernel | --node | -n | --order | -o | --orders | --warn | --crit)
		return
		;;
	esac

	local opts=""
	case "$cmd" in
	"") COMPREPLY=($(compgen -W "$commands $global" -- "$cur")); return ;;
	summary) opts="" ;;
	zones) opts="--node" ;;
	frag) opts="--node --order --debugfs" ;;
	atomic) opts="--order --orders --gfp --node" ;;
	check) opts="--order --gfp --node --warn --crit" ;;
	scull) opts="--quanta" ;;
	validate) opts="--gfp --orders --node" ;;
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
