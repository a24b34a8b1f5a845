#!/bin/sh
# Fills DIR/<harness>/ with seed inputs for tests/fuzz/fuzz_<harness>.c:
# the files of tests/fixtures and of the shared corpus ($MS_CORPUS, when
# present). Run at fuzzing time only: seeds are never committed.
#
#   sh tests/fuzz/seeds.sh DIR
set -e
out=${1:?usage: seeds.sh DIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
fx=$top/tests/fixtures
corpus=${MS_CORPUS:-}
if [ -z "$corpus" ]; then
	corpus=$(cd "$top" && git rev-parse --path-format=absolute \
		--git-common-dir 2>/dev/null || true)
	corpus=${corpus%/.git}/../shared/corpus
fi
rm -rf "$out"
for h in buddyinfo zoneinfo pagetypeinfo meminfo vmstat slabinfo \
	slub_sysfs meta vmallocinfo kmsg gfp atomic scull probe; do
	mkdir -p "$out/$h"
done
n=0
# seed HARNESS FILE: copy under a unique name
seed() {
	n=$((n + 1))
	cp "$2" "$out/$1/$n"
}

for f in buddyinfo zoneinfo pagetypeinfo meminfo vmstat slabinfo \
	vmallocinfo; do
	for s in "$fx"/*/proc/$f "$corpus"/$f/*.txt; do
		[ -f "$s" ] && seed "$f" "$s"
	done
done
for s in "$fx"/*/meta; do
	[ -f "$s" ] && seed meta "$s"
done
for s in "$fx"/kmsg/*; do
	[ -f "$s" ] && seed kmsg "$s"
done

# scull: a selector byte (even: scullpmem, odd: scullvmem), the listing,
# "%%" and the zoneinfo or vmallocinfo of the same capture
i=0
for d in "$fx"/*/; do
	for k in p v; do
		[ -f "$d/proc/scull${k}mem" ] || continue
		other=zoneinfo
		sel='\000'
		if [ $k = v ]; then
			other=vmallocinfo
			sel='\001'
		fi
		{
			printf "$sel"
			cat "$d/proc/scull${k}mem"
			if [ -f "$d/proc/$other" ]; then
				printf '%%%%\n'
				cat "$d/proc/$other"
			fi
		} >"$out/scull/$i"
		i=$((i + 1))
	done
done

# probe: what the file reads back after each command
i=0
for r in "alloc order=3 class=atomic node=-1 requested=100 succeeded=97
zone node=0 zone=DMA32 count=60
zone node=0 zone=Normal count=37" "none" "pin order=5 node=1 requested=20 succeeded=20
zone node=1 zone=Normal count=20" "punch stride=4 freed_pages=24576 ms=12
elapsed ms=12" "release freed_pages=640"; do
	printf 'probe - version: 1\nlimits max_order=10 max_count=4194304 max_stride=1024\n%s\npinned blocks=0 pages=0\n' \
		"$r" >"$out/probe/$i"
	i=$((i + 1))
done

# slub_sysfs: a selector byte (the attribute), then the file
i=0
for v in 0 1 3 192 4096 "-1" "  7  "; do
	printf '%b%s\n' "\\$(printf '%03o' $((i % 5)))" "$v" \
		>"$out/slub_sysfs/$i"
	i=$((i + 1))
done

# gfp: a release line, then an expression (those of the kmsg fixtures too)
i=0
for e in "6.8
GFP_KERNEL" "4.4
GFP_ATOMIC|__GFP_DMA" "2.6.32
0x20" "6.19
GFP_KERNEL | __GFP_ZERO" "5.10
GFP_NOWAIT|__GFP_NOWARN|0x100" "3.10
__GFP_WAIT|__GFP_IO|__GFP_FS"; do
	printf '%s' "$e" >"$out/gfp/$i"
	i=$((i + 1))
done
for s in "$fx"/kmsg/*; do
	[ -f "$s" ] || continue
	sed -n 's/.*mode:\(0x[0-9a-f]*\)(\([^)]*\)).*/6.1\n\2/p' "$s" |
		head -2 >"$out/gfp/$i"
	i=$((i + 1))
done

# atomic: a selector byte, zoneinfo, "%%", buddyinfo, "%%", pagetypeinfo
i=0
for d in "$fx"/*/; do
	[ -f "$d/proc/zoneinfo" ] || continue
	for sel in 000 011 022 045 222; do
		{
			printf "\\$sel"
			cat "$d/proc/zoneinfo"
			if [ -f "$d/proc/buddyinfo" ]; then
				printf '%%%%\n'
				cat "$d/proc/buddyinfo"
				if [ -f "$d/proc/pagetypeinfo" ]; then
					printf '%%%%\n'
					cat "$d/proc/pagetypeinfo"
				fi
			fi
		} >"$out/atomic/$i"
		i=$((i + 1))
	done
done
for s in "$corpus"/zoneinfo/*.txt; do
	[ -f "$s" ] || continue
	b="$corpus/buddyinfo/$(basename "$s")"
	{
		printf '\033'
		cat "$s"
		if [ -f "$b" ]; then
			printf '%%%%\n'
			cat "$b"
		fi
	} >"$out/atomic/$i"
	i=$((i + 1))
done
