#!/bin/sh
# Hostile and broken inputs, generated here in a temporary directory:
# empty files, truncated lines, binary noise, 10 MB lines, numbers that
# overflow 64 bits, negative numbers, order counts that differ, zones in
# an order no kernel prints, a directory, an unreadable file, FIFOs that
# never end, a 1 GB file, symbolic link loops, and files whose size made
# memscope quadratic. Each case expects one exact line on stderr, an
# empty stdout and an exit status, within a time limit: never a hang, a
# crash or a partial result.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures
cap=x86_64-6.18
ZI=$fx/$cap/proc/zoneinfo
BI=$fx/$cap/proc/buddyinfo
PT=$fx/$cap/proc/pagetypeinfo
MI=$fx/$cap/proc/meminfo
VI=$fx/$cap/proc/vmallocinfo
NUMA=$fx/synthetic-numa2/proc/zoneinfo
# The setpriv cases run memscope as nobody: it must reach $tmp.
chmod 0755 "$tmp"

# mk NAME [FILE...]: a capture $tmp/NAME with the meta file of $cap and
# copies of the FILEs in proc/
mk() {
	d=$tmp/$1
	shift
	mkdir -p "$d/proc"
	cp "$fx/$cap/meta" "$d/"
	[ $# -gt 0 ] && cp "$@" "$d/proc/"
	return 0
}

# bad STATUS LINE DESCRIPTION COMMAND...: stderr is exactly LINE,
# stdout is empty and the exit status is STATUS, within 30 seconds
bad() {
	want=$1 line=$2 d=$3
	shift 3
	timeout 30 "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ] && [ "$(cat "$tmp/err")" = "$line" ] &&
		[ ! -s "$tmp/out" ]; then
		ok "$d"
	else
		not_ok "$d (exit $got, want $want)"
		echo "#   want: $line"
		sed 's/^/#   got:  /' "$tmp/err" | head -3
		[ -s "$tmp/out" ] && echo "#   and $(wc -c <"$tmp/out") bytes on stdout"
	fi
}

# ---- empty files ----
mk empty-bi
: >"$tmp/empty-bi/proc/buddyinfo"
bad 1 "memscope: buddyinfo: expected at least one 'Node N, zone NAME' line" \
	"empty buddyinfo (frag)" "$MEMSCOPE" --root "$tmp/empty-bi" frag
mk empty-zi
: >"$tmp/empty-zi/proc/zoneinfo"
bad 1 "memscope: zoneinfo: expected at least one 'Node N, zone NAME' block" \
	"empty zoneinfo (zones)" "$MEMSCOPE" --root "$tmp/empty-zi" zones
mk empty-mi "$ZI" "$BI"
: >"$tmp/empty-mi/proc/meminfo"
bad 1 "memscope: meminfo: empty file, expected counters" \
	"empty meminfo (summary)" "$MEMSCOPE" --root "$tmp/empty-mi" summary
mk empty-pt "$BI"
: >"$tmp/empty-pt/proc/pagetypeinfo"
bad 1 "memscope: pagetypeinfo: empty file, expected 'Page block order: N'" \
	"empty pagetypeinfo, an optional file, is still an error (frag)" \
	"$MEMSCOPE" --root "$tmp/empty-pt" frag
mk empty-scull "$ZI"
: >"$tmp/empty-scull/proc/scullpmem"
bad 1 "memscope: scullpmem: expected 'scullpmem - version: N', found an empty file" \
	"empty scullpmem (scull)" "$MEMSCOPE" --root "$tmp/empty-scull" scull

# ---- truncated lines ----
mk cut-bi
head -c 150 "$BI" >"$tmp/cut-bi/proc/buddyinfo"
bad 1 "memscope: buddyinfo:2: expected 11 orders as on the first line, found 4" \
	"buddyinfo cut in its second line (frag)" "$MEMSCOPE" --root "$tmp/cut-bi" frag
mk cut-zi
sed -n 1,56p "$ZI" >"$tmp/cut-zi/proc/zoneinfo"
bad 1 "memscope: zoneinfo:1: expected 'min', 'low' and 'high' in node 0, zone DMA" \
	"zoneinfo cut inside the first zone (zones)" "$MEMSCOPE" --root "$tmp/cut-zi" zones
mk cut-pt "$BI"
head -c 700 "$PT" >"$tmp/cut-pt/proc/pagetypeinfo"
bad 1 "memscope: pagetypeinfo:9: expected 11 free counts as in the header, found 0" \
	"pagetypeinfo cut after a migrate type name (frag)" "$MEMSCOPE" --root "$tmp/cut-pt" frag
mk cut-vi "$MI"
printf '0xffffb3c1c0000000-0xffffb3c1c0002000    8192 f+0x1/0x2 pages=1 vmalloc N0=1\n0xffffb3c1c0002000-0xffff' \
	>"$tmp/cut-vi/proc/vmallocinfo"
bad 1 "memscope: vmallocinfo:2: expected a newline at the end of the line: the file is truncated" \
	"vmallocinfo cut in the middle of an address (vmalloc)" "$MEMSCOPE" --root "$tmp/cut-vi" vmalloc
mk cut-scull "$ZI"
printf 'scullpmem - version: 1\ndevice scullp0 qset 1 order 0 quantum 4096 size 4096 quanta 2\n  quantum 0 pfn 5 order 0\n' \
	>"$tmp/cut-scull/proc/scullpmem"
bad 1 "memscope: scullpmem:2: device scullp0 declares 2 quanta but 1 quantum lines follow" \
	"scullpmem missing its last quantum line (scull)" "$MEMSCOPE" --root "$tmp/cut-scull" scull

# ---- binary noise ----
mk noise-bi
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000>\000' \
	>"$tmp/noise-bi/proc/buddyinfo"
bad 1 "memscope: buddyinfo:1: unexpected binary data" \
	"an ELF header as buddyinfo (frag)" "$MEMSCOPE" --root "$tmp/noise-bi" frag
mk noise-zi "$BI"
printf 'Node 0, zone DMA\n  pages free 1\n\000\001\002\n' >"$tmp/noise-zi/proc/zoneinfo"
bad 1 "memscope: zoneinfo:3: unexpected binary data" \
	"NUL bytes in zoneinfo (atomic)" "$MEMSCOPE" --root "$tmp/noise-zi" atomic
printf 'x: page allocation failure: order:0\000\n' >"$tmp/nul.log"
bad 1 "memscope: $tmp/nul.log:1: expected text, found a NUL byte" \
	"a NUL byte in a kernel log (explain)" "$MEMSCOPE" explain "$tmp/nul.log"
printf '\177ELF\002\001\001\000' >"$tmp/elf.log"
bad 1 "memscope: $tmp/elf.log:1: expected text, found byte 0x7f (not a kernel log)" \
	"a binary as a kernel log (explain)" "$MEMSCOPE" explain "$tmp/elf.log"

# ---- 10 MB lines ----
ten_mb() {
	head -c 10000000 /dev/zero | tr '\0' "$1"
}
mk long-bi
{
	printf 'Node 0, zone   Normal '
	ten_mb 7
	echo
} >"$tmp/long-bi/proc/buddyinfo"
bad 1 "memscope: buddyinfo:1: order 0 count '7777777777777777777777777777777777777777...' does not fit in 64 bits" \
	"a 10 MB number in buddyinfo (frag)" "$MEMSCOPE" --root "$tmp/long-bi" frag
mk long-bi2
{
	printf 'Node 0, zone   Normal'
	ten_mb 1 | sed 's/1/ 1/g'
	echo
} >"$tmp/long-bi2/proc/buddyinfo"
bad 1 "memscope: buddyinfo:1: more than 32 orders" \
	"a 10 MB line of counts in buddyinfo (frag)" "$MEMSCOPE" --root "$tmp/long-bi2" frag
mk long-zi
{
	ten_mb x
	echo
} >"$tmp/long-zi/proc/zoneinfo"
bad 1 "memscope: zoneinfo:1: expected 'Node N, zone NAME', found 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'" \
	"a 10 MB word as zoneinfo (zones)" "$MEMSCOPE" --root "$tmp/long-zi" zones
mk long-mi "$ZI" "$BI"
{
	printf 'MemTotal: '
	ten_mb 9
	echo ' kB'
} >"$tmp/long-mi/proc/meminfo"
bad 1 "memscope: meminfo:1: value '9999999999999999999999999999999999999999...' does not fit in 64 bits" \
	"a 10 MB number in meminfo (summary)" "$MEMSCOPE" --root "$tmp/long-mi" summary
mk long-vi "$MI"
{
	printf '0xffffb3c1c0000000-0xffffb3c1c0002000    8192 '
	ten_mb a
	echo
} >"$tmp/long-vi/proc/vmallocinfo"
bad 1 "memscope: vmallocinfo:1: expected a field of at most 600 bytes, found 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'" \
	"a 10 MB caller in vmallocinfo (vmalloc)" "$MEMSCOPE" --root "$tmp/long-vi" vmalloc

# ---- numbers that overflow 64 bits ----
mk big-bi
echo 'Node 0, zone   Normal 1 18446744073709551616 3' >"$tmp/big-bi/proc/buddyinfo"
bad 1 "memscope: buddyinfo:1: order 1 count '18446744073709551616' does not fit in 64 bits" \
	"2^64 in buddyinfo (frag)" "$MEMSCOPE" --root "$tmp/big-bi" frag
mk big-zi "$BI"
sed 's/^  pages free     3840$/  pages free     99999999999999999999/' "$ZI" \
	>"$tmp/big-zi/proc/zoneinfo"
bad 1 "memscope: zoneinfo:54: 'pages free' value '99999999999999999999' does not fit in 64 bits" \
	"10^20 free pages in zoneinfo (zones)" "$MEMSCOPE" --root "$tmp/big-zi" zones
mk big-mi "$ZI" "$BI"
sed 's/^MemFree: .*/MemFree:        18446744073709551616 kB/' "$MI" \
	>"$tmp/big-mi/proc/meminfo"
bad 1 "memscope: meminfo:2: value '18446744073709551616' does not fit in 64 bits" \
	"2^64 kB free in meminfo (summary)" "$MEMSCOPE" --root "$tmp/big-mi" summary
mk big-pt
echo 'Node 0, zone   Normal 1 2 3' >"$tmp/big-pt/proc/buddyinfo"
printf 'Page block order: 9\nPages per block:  512\n\nFree pages count per migrate type at order 0 1 2\nNode 0, zone Normal, type Unmovable 1 2 340282366920938463463374607431768211456\n' \
	>"$tmp/big-pt/proc/pagetypeinfo"
bad 1 "memscope: pagetypeinfo:5: an order 2 free count '340282366920938463463374607431768211456' does not fit in 64 bits" \
	"2^128 in pagetypeinfo (frag)" "$MEMSCOPE" --root "$tmp/big-pt" frag
mk big-vi "$MI"
echo '0xffffb3c1c0000000-0xffffb3c1c0002000 99999999999999999999 f+0x1/0x2 vmalloc' \
	>"$tmp/big-vi/proc/vmallocinfo"
bad 1 "memscope: vmallocinfo:1: size '99999999999999999999' does not fit in 64 bits" \
	"a 10^20-byte area in vmallocinfo (vmalloc)" "$MEMSCOPE" --root "$tmp/big-vi" vmalloc

# ---- negative numbers ----
mk neg-bi
echo 'Node 0, zone   Normal 1 -1 3' >"$tmp/neg-bi/proc/buddyinfo"
bad 1 "memscope: buddyinfo:1: order 1: expected a block count, found '-1'" \
	"a negative count in buddyinfo (frag --json)" "$MEMSCOPE" --root "$tmp/neg-bi" --json frag
mk neg-zi "$BI"
sed 's/^        min      30$/        min      -30/' "$ZI" >"$tmp/neg-zi/proc/zoneinfo"
bad 1 "memscope: zoneinfo:56: expected a number for 'min', found '-30'" \
	"a negative watermark in zoneinfo (zones)" "$MEMSCOPE" --root "$tmp/neg-zi" zones
mk neg-mi "$ZI" "$BI"
sed 's/^MemFree: *[0-9]*/MemFree:        -5/' "$MI" >"$tmp/neg-mi/proc/meminfo"
bad 1 "memscope: meminfo:2: expected a number, found '-5'" \
	"negative free memory in meminfo (summary --json)" "$MEMSCOPE" --root "$tmp/neg-mi" --json summary
mk neg-node
echo 'Node -1, zone   Normal 1 1 3' >"$tmp/neg-node/proc/buddyinfo"
bad 1 "memscope: buddyinfo:1: expected 'Node N, zone NAME'" \
	"node -1 in buddyinfo (frag)" "$MEMSCOPE" --root "$tmp/neg-node" frag

# ---- order counts that differ ----
mk orders-bi
printf 'Node 0, zone      DMA 1 1 1\nNode 0, zone   Normal 1 2 3 4\n' \
	>"$tmp/orders-bi/proc/buddyinfo"
bad 1 "memscope: buddyinfo:2: expected 3 orders as on the first line, found 4" \
	"zones with 3 and 4 orders in buddyinfo (frag)" "$MEMSCOPE" --root "$tmp/orders-bi" frag
mk orders-pt "$BI"
printf 'Page block order: 9\nPages per block:  512\n\nFree pages count per migrate type at order 0 1 2\nNode 0, zone Normal, type Unmovable 1 2 3\n' \
	>"$tmp/orders-pt/proc/pagetypeinfo"
bad 1 "memscope: pagetypeinfo: expected 11 orders as in buddyinfo, found 3" \
	"pagetypeinfo with other orders than buddyinfo (frag)" "$MEMSCOPE" --root "$tmp/orders-pt" frag
mk orders-pt2 "$ZI" "$PT"
printf 'Node 0, zone      DMA 1 1 1\nNode 0, zone    DMA32 1 1 1\nNode 0, zone   Normal 1 1 1\n' \
	>"$tmp/orders-pt2/proc/buddyinfo"
bad 1 "memscope: pagetypeinfo: expected 3 orders as in buddyinfo, found 11" \
	"buddyinfo with other orders than pagetypeinfo (atomic)" "$MEMSCOPE" --root "$tmp/orders-pt2" atomic
mk orders-row "$BI"
printf 'Page block order: 9\nPages per block:  512\n\nFree pages count per migrate type at order 0 1 2\nNode 0, zone Normal, type Unmovable 1 2\n' \
	>"$tmp/orders-row/proc/pagetypeinfo"
bad 1 "memscope: pagetypeinfo:5: expected 3 free counts as in the header, found 2" \
	"a pagetypeinfo row shorter than its header (frag)" "$MEMSCOPE" --root "$tmp/orders-row" frag

# ---- zones in an order no kernel prints ----
mk order-node
awk '/^Node 1/ { f = 1 } f' "$NUMA" >"$tmp/order-node/proc/zoneinfo"
awk '/^Node 1/ { exit } 1' "$NUMA" >>"$tmp/order-node/proc/zoneinfo"
bad 1 "memscope: zoneinfo:94: expected nodes in ascending order, found node 0 after node 1" \
	"zoneinfo with node 1 before node 0 (zones)" "$MEMSCOPE" --root "$tmp/order-node" zones
mk order-zone
awk '/^Node 0, zone   Normal/ { f = 1 } /^Node 0, zone  Movable/ { f = 0 } f' \
	"$NUMA" >"$tmp/order-zone/proc/zoneinfo"
awk '/^Node 0, zone      DMA/ { f = 1 } /^Node 0, zone    DMA32/ { f = 0 } f' \
	"$NUMA" >>"$tmp/order-zone/proc/zoneinfo"
bad 1 "memscope: zoneinfo:38: expected zones in index order, found DMA after Normal" \
	"zoneinfo with Normal before DMA (atomic)" "$MEMSCOPE" --root "$tmp/order-zone" atomic
mk order-twice "$BI"
cat "$ZI" "$ZI" >"$tmp/order-twice/proc/zoneinfo"
bad 1 "memscope: zoneinfo:215: zone DMA of node 0 appears twice" \
	"zoneinfo printed twice (zones)" "$MEMSCOPE" --root "$tmp/order-twice" zones
mk order-bi-node
printf 'Node 1, zone   Normal 1 2\nNode 0, zone   Normal 1 2\n' \
	>"$tmp/order-bi-node/proc/buddyinfo"
bad 1 "memscope: buddyinfo:2: expected nodes in ascending order, found node 0 after node 1" \
	"buddyinfo with node 1 before node 0 (frag)" "$MEMSCOPE" --root "$tmp/order-bi-node" frag
mk order-bi-zone
printf 'Node 0, zone   Normal 1 2\nNode 0, zone      DMA 1 2\n' \
	>"$tmp/order-bi-zone/proc/buddyinfo"
bad 1 "memscope: buddyinfo:2: expected zones in index order, found DMA after Normal" \
	"buddyinfo with Normal before DMA (frag)" "$MEMSCOPE" --root "$tmp/order-bi-zone" frag

# ---- a directory where a file should be ----
mk dir-bi
mkdir "$tmp/dir-bi/proc/buddyinfo"
bad 1 "memscope: buddyinfo: is a directory, expected a file" \
	"buddyinfo is a directory (frag)" "$MEMSCOPE" --root "$tmp/dir-bi" frag
mk dir-zi
mkdir "$tmp/dir-zi/proc/zoneinfo"
bad 1 "memscope: zoneinfo: is a directory, expected a file" \
	"zoneinfo is a directory (atomic)" "$MEMSCOPE" --root "$tmp/dir-zi" atomic
mkdir "$tmp/dir.log"
bad 1 "memscope: $tmp/dir.log: is a directory, expected a file" \
	"a directory as a kernel log (explain)" "$MEMSCOPE" explain "$tmp/dir.log"

# ---- unreadable files ----
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
	mk perm-zi "$BI"
	cp "$ZI" "$tmp/perm-zi/proc/"
	chmod -R a+rX "$tmp/perm-zi"
	chmod 0400 "$tmp/perm-zi/proc/zoneinfo"
	bad 1 "memscope: zoneinfo: permission denied (this file is readable by root only)" \
		"unreadable zoneinfo (zones, as nobody)" \
		$nobody "$MEMSCOPE" --root "$tmp/perm-zi" zones
	mk perm-dir "$BI"
	chmod -R a+rX "$tmp/perm-dir"
	chmod 0700 "$tmp/perm-dir/proc"
	bad 1 "memscope: buddyinfo: permission denied (this file is readable by root only)" \
		"unreadable proc directory (frag, as nobody)" \
		$nobody "$MEMSCOPE" --root "$tmp/perm-dir" frag
	cp "$fx/kmsg/6.8-numa.log" "$tmp/perm.log"
	chmod 0600 "$tmp/perm.log"
	bad 1 "memscope: $tmp/perm.log: permission denied" \
		"unreadable kernel log (explain, as nobody)" \
		$nobody "$MEMSCOPE" explain "$tmp/perm.log"
else
	skip "not "$MEMSCOPE" --root "$tmp/or" no setpriv: unreadable-file cases"
fi

# ---- FIFOs and devices that never end ----
mk fifo-zi "$BI"
mkfifo "$tmp/fifo-zi/proc/zoneinfo"
yes >"$tmp/fifo-zi/proc/zoneinfo" 2>/dev/null &
writer=$!
bad 1 "memscope: zoneinfo: not a regular file" \
	"a FIFO with an endless writer as zoneinfo: refused, not read (zones)" \
	"$MEMSCOPE" --root "$tmp/fifo-zi" zones
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
mk dev-bi
ln -s /dev/zero "$tmp/dev-bi/proc/buddyinfo"
bad 1 "memscope: buddyinfo: not a regular file" \
	"buddyinfo linked to /dev/zero (frag)" "$MEMSCOPE" --root "$tmp/dev-bi" frag
bad 1 "memscope: /dev/zero: not a regular file or a pipe" \
	"/dev/zero as a kernel log (explain)" "$MEMSCOPE" explain /dev/zero
# A pipe is read, but only up to the documented limit (MS_READ_MAX).
mkfifo "$tmp/endless.fifo"
yes >"$tmp/endless.fifo" 2>/dev/null &
writer=$!
bad 1 "memscope: $tmp/endless.fifo: larger than the 256 MiB input limit" \
	"a FIFO that never ends as a kernel log: read up to the limit (explain)" \
	"$MEMSCOPE" explain "$tmp/endless.fifo"
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
bad 1 "memscope: (standard input): larger than the 256 MiB input limit" \
	"an endless standard input: read up to the limit (explain -)" \
	sh -c 'yes | "$1" explain -' sh "$MEMSCOPE"

# ---- a 1 GB file: refused from its size, without reading it ----
# peak_kb COMMAND...: runs it, prints its peak RSS in KiB. GNU time
# measures the command alone; Python's getrusage() also counts the
# forked interpreter before exec, some 10 MiB more.
if [ -n "$SANITIZE" ]; then
	peak_limit= # the sanitizers' shadow memory is most of the RSS
elif /usr/bin/time -f %M true >/dev/null 2>&1; then
	peak_limit=8192
	peak_kb() {
		/usr/bin/time -f %M -o "$tmp/peak" "$@" >/dev/null 2>&1
		tail -1 "$tmp/peak"
	}
elif command -v python3 >/dev/null; then
	peak_limit=32768
	peak_kb() {
		python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
	}
else
	peak_limit=
fi
mk huge-bi
if truncate -s 1G "$tmp/huge-bi/proc/buddyinfo" 2>/dev/null; then
	bad 1 "memscope: buddyinfo: larger than the 256 MiB input limit" \
		"a 1 GB buddyinfo (frag)" "$MEMSCOPE" --root "$tmp/huge-bi" frag
	truncate -s 1G "$tmp/huge.log"
	bad 1 "memscope: $tmp/huge.log: larger than the 256 MiB input limit" \
		"a 1 GB kernel log (explain)" "$MEMSCOPE" explain "$tmp/huge.log"
	if [ -n "$peak_limit" ]; then
		kb=$(peak_kb "$MEMSCOPE" --root "$tmp/huge-bi" frag)
		check "the 1 GB buddyinfo is refused in under $peak_limit KiB (peak ${kb} KiB)" \
			test "$kb" -lt "$peak_limit"
		kb=$(peak_kb "$MEMSCOPE" explain "$tmp/huge.log")
		check "the 1 GB log is refused in under $peak_limit KiB (peak ${kb} KiB)" \
			test "$kb" -lt "$peak_limit"
	else
		skip "SANITIZE, or neither GNU time nor python3: peak memory of the 1 GB cases"
	fi
	rm -f "$tmp/huge-bi/proc/buddyinfo" "$tmp/huge.log"
else
	skip "truncate failed: 1 GB cases"
fi

# ---- symbolic link loops under --root ----
mk loop-file
ln -s loop2 "$tmp/loop-file/proc/zoneinfo"
ln -s zoneinfo "$tmp/loop-file/proc/loop2"
bad 1 "memscope: zoneinfo: too many levels of symbolic links" \
	"zoneinfo in a symlink loop (zones)" "$MEMSCOPE" --root "$tmp/loop-file" zones
mk loop-self
ln -s ../proc/buddyinfo "$tmp/loop-self/proc/buddyinfo"
bad 1 "memscope: buddyinfo: too many levels of symbolic links" \
	"buddyinfo linked to itself (frag)" "$MEMSCOPE" --root "$tmp/loop-self" frag
mkdir "$tmp/loop-proc"
cp "$fx/$cap/meta" "$tmp/loop-proc/"
ln -s proc2 "$tmp/loop-proc/proc"
ln -s proc "$tmp/loop-proc/proc2"
bad 1 "memscope: buddyinfo: too many levels of symbolic links" \
	"proc/ itself in a symlink loop (frag)" "$MEMSCOPE" --root "$tmp/loop-proc" frag
ln -s root2 "$tmp/root1"
ln -s root1 "$tmp/root2"
bad 1 "memscope: $tmp/root1: cannot open root: too many levels of symbolic links" \
	"--root in a symlink loop (zones)" "$MEMSCOPE" --root "$tmp/root1" zones

# ---- slabinfo, through memscope slab when this build has it ----
if "$MEMSCOPE" --list-words | head -1 | grep -q ' slab\( \|$\)'; then
	SI=$fx/$cap/proc/slabinfo
	# slab_case NAME: a capture whose slabinfo is the header of $SI and
	# standard input
	slab_case() {
		mk "$1"
		{
			head -2 "$SI"
			cat
		} >"$tmp/$1/proc/slabinfo"
	}
	mk slab-empty
	: >"$tmp/slab-empty/proc/slabinfo"
	bad 1 "memscope: slabinfo: expected 'slabinfo - version: 2.x', found an empty file" \
		"empty slabinfo (slab)" "$MEMSCOPE" --root "$tmp/slab-empty" slab
	mk slab-cut
	head -c 300 "$SI" >"$tmp/slab-cut/proc/slabinfo"
	bad 1 "memscope: slabinfo:3: expected 3 values after ': slabdata', found 1" \
		"slabinfo cut in its first cache line (slab)" \
		"$MEMSCOPE" --root "$tmp/slab-cut" slab
	echo 'kmalloc-64 18446744073709551616 100 64 64 1 : tunables 0 0 0 : slabdata 2 2 0' |
		slab_case slab-big
	bad 1 "memscope: slabinfo:3: expected <active_objs> to fit in 64 bits, found '18446744073709551616'" \
		"2^64 objects in slabinfo (slab --json)" \
		"$MEMSCOPE" --root "$tmp/slab-big" --json slab
	echo 'kmalloc-64 -5 100 64 64 1 : tunables 0 0 0 : slabdata 2 2 0' |
		slab_case slab-neg
	bad 1 "memscope: slabinfo:3: expected a number for <active_objs>, found '-5'" \
		"a negative count in slabinfo (slab)" \
		"$MEMSCOPE" --root "$tmp/slab-neg" slab
	{
		ten_mb n
		echo ' 1 2 64 64 1 : tunables 0 0 0 : slabdata 2 2 0'
	} | slab_case slab-long
	bad 1 "memscope: slabinfo:3: expected a cache name of at most 127 bytes, found 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...'" \
		"a 10 MB cache name in slabinfo (slab)" \
		"$MEMSCOPE" --root "$tmp/slab-long" slab
else
	skip "no 'memscope slab' in this build: slabinfo cases"
fi

# ---- memscope top --once reads every file: the first bad one ----
if "$MEMSCOPE" --list-words | head -1 | grep -q ' top\( \|$\)'; then
	bad 1 "memscope: buddyinfo:2: expected zones in index order, found DMA after Normal" \
		"buddyinfo with Normal before DMA (top --once)" \
		"$MEMSCOPE" --root "$tmp/order-bi-zone" top --once
	mk top-slab "$ZI" "$BI"
	echo 'slabinfo - version: 2.1' >"$tmp/top-slab/proc/slabinfo"
	bad 1 "memscope: slabinfo: expected the '# name' column header after the version line" \
		"slabinfo without its column header (top --once --json)" \
		"$MEMSCOPE" --root "$tmp/top-slab" top --once --json
else
	skip "no 'memscope top' in this build: top cases"
fi

# ---- sizes that made parsing quadratic ----
mk many-keys "$ZI" "$BI"
python3 -c '
import sys
w = sys.stdout.write
w("MemTotal: 1000 kB\n")
for i in range(200000):
    w("K%d: %d kB\n" % (i, i))
w("MemTotal: 1000 kB\n")' >"$tmp/many-keys/proc/meminfo"
bad 1 "memscope: meminfo:200002: 'MemTotal' appears twice" \
	"200 000 meminfo keys, the last one repeated (summary)" "$MEMSCOPE" --root "$tmp/many-keys" summary
mk many-zones
python3 -c '
import sys
w = sys.stdout.write
w("Page block order: 9\nPages per block:  512\n\n")
w("Free pages count per migrate type at order 0 1\n")
for z in range(100000):
    w("Node 0, zone Z%d, type Unmovable 1 2\n" % z)' >"$tmp/many-zones/proc/pagetypeinfo"
echo 'Node 0, zone   Normal 1 2' >"$tmp/many-zones/proc/buddyinfo"
bad 1 "memscope: pagetypeinfo:13: expected at most 8 zones in node 0" \
	"100 000 zones in pagetypeinfo (frag)" "$MEMSCOPE" --root "$tmp/many-zones" frag

done_testing
