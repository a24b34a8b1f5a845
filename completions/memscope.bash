# bash completion for memscope(1)
# SPDX-License-Identifier: GPL-2.0-or-later

_memscope()
{
	local cur prev words cword
	_init_completion || return

	local global="--root --json --format --no-color --page-size --kernel --help --usage --version"
	local commands="summary zones frag slab atomic vmalloc check fleet gfp explain top snapshot scull validate"
	local gfp_names="GFP_KERNEL GFP_ATOMIC GFP_NOWAIT GFP_NOIO GFP_NOFS
		GFP_USER GFP_DMA GFP_DMA32 GFP_HIGHUSER GFP_HIGHUSER_MOVABLE
		GFP_KERNEL_ACCOUNT GFP_TRANSHUGE GFP_TRANSHUGE_LIGHT __GFP_DMA
		__GFP_HIGHMEM __GFP_DMA32 __GFP_MOVABLE __GFP_RECLAIMABLE
		__GFP_HIGH __GFP_IO __GFP_FS __GFP_ZERO __GFP_DIRECT_RECLAIM
		__GFP_KSWAPD_RECLAIM __GFP_RECLAIM __GFP_WRITE __GFP_NOWARN
		__GFP_RETRY_MAYFAIL __GFP_NOFAIL __GFP_NORETRY __GFP_MEMALLOC
		__GFP_COMP __GFP_NOMEMALLOC __GFP_HARDWALL __GFP_THISNODE
		__GFP_ACCOUNT __GFP_ATOMIC __GFP_WAIT"
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
	--by | -b)
		COMPREPLY=($(compgen -W "caller type module" -- "$cur"))
		return
		;;
	--sort | -s)
		COMPREPLY=($(compgen -W "a b c l v n o p s u g w active_objs objs_per_slab cache_size slabs active_slabs name objs pages_per_slab obj_size use growth waste" -- "$cur"))
		return
		;;
	--kernel | --node | -n | --order | -o | --orders | --warn | --crit | \
		--top | -t | --start | --count | -c | --filter | -f | \
		--grow-window | --grow-min)
		return
		;;
	--tab)
		COMPREPLY=($(compgen -W "overview zones slab vmalloc processes 1 2 3 4 5" -- "$cur"))
		return
		;;
	--delay | -d | --iterations)
		return
		;;
	esac

	# snapshot and fleet take directories
	if [[ ( "$cmd" == snapshot || "$cmd" == fleet ) && "$cur" != -* ]]; then
		_filedir -d
		return
	fi

	# explain reads a kernel log: a file, or - for standard input
	if [[ "$cmd" == explain && "$cur" != -* ]]; then
		_filedir
		return
	fi
	# gfp takes flag names
	if [[ "$cmd" == gfp && "$cur" != -* ]]; then
		COMPREPLY=($(compgen -W "$gfp_names" -- "$cur"))
		return
	fi

	local opts=""
	case "$cmd" in
	"") COMPREPLY=($(compgen -W "$commands $global" -- "$cur")); return ;;
	summary) opts="" ;;
	zones) opts="--node" ;;
	frag) opts="--node --order --debugfs" ;;
	slab) opts="--sort --top --filter --once --watch --count --grow-window --grow-min" ;;
	atomic) opts="--order --orders --gfp --node" ;;
	vmalloc) opts="--by --top --start --watch --count" ;;
	check) opts="--order --gfp --node --warn --crit" ;;
	fleet) opts="--order --top" ;;
	gfp) opts="--order --list --contexts" ;;
	explain) opts="" ;;
	top) opts="--delay --iterations --tab --once" ;;
	snapshot) opts="" ;;
	scull) opts="--quanta" ;;
	validate) opts="--gfp --orders --node" ;;
	esac
	COMPREPLY=($(compgen -W "$opts $global" -- "$cur"))
}
complete -F _memscope memscope
