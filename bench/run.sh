#!/bin/sh
# make bench: memscope against cat, slabtop and wc -l on the same inputs,
# instruction counts per byte and peak RSS. See bench/README.
#
#   sh bench/run.sh            (after make; MEMSCOPE= to pick a binary)
#
# Needs python3 and a C compiler; uses hyperfine, strace, valgrind,
# slabtop and GNU time when installed. Writes only to a temporary
# directory, removed at the end.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
: "${MEMSCOPE:=$top/build/memscope}"
: "${CC:=cc}"
if [ ! -x "$MEMSCOPE" ] || [ ! -f build/libmemscope.a ]; then
	echo "bench: build memscope first (make)" >&2
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
$CC -O2 -std=gnu11 -D_GNU_SOURCE -Isrc -o "$tmp/parse" bench/parse.c \
	build/libmemscope.a $(pkg-config --libs jansson 2>/dev/null) -lm ||
	exit 1
echo "bench: generating the large inputs in $tmp"
# a 64-node capture, and a capture whose vmallocinfo has 1 M lines
python3 bench/gen.py "$tmp/big" || exit 1
mkdir -p "$tmp/vm1m/proc"
cp "$tmp/big/meta" "$tmp/vm1m/"
python3 bench/gen-vmallocinfo.py 1000000 >"$tmp/vm1m/proc/vmallocinfo" ||
	exit 1
python3 bench/bench.py --memscope "$MEMSCOPE" --parse "$tmp/parse" \
	--big "$tmp/big" --vm1m "$tmp/vm1m" \
	--fixture "$top/tests/fixtures/x86_64-6.18" "$@"
