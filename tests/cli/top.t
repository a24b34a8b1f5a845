#!/bin/sh
# memscope top, driven in a detached tmux session of its own: the tabs,
# keys and sizes against golden screens (tests/expected/tui/, written
# when missing, rewritten with UPDATE_GOLDEN=1), a resize, colour and
# NO_COLOR, the terminal modes after q, Ctrl-C, SIGTERM and a malformed
# file (stty -a before and after), the live Processes tab, and memory
# that stays flat over 1000 refreshes of a --root tree rewritten under
# it. A capture's screen is fixed: its time is the snapshot's, and with
# -d 60 no second sample comes while a test runs, so every age reads 0s.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
if ! command -v tmux >/dev/null 2>&1; then
	skip "tmux is not installed"
	done_testing
	exit 0
fi
exp=tests/expected/tui
fx=tests/fixtures/x86_64-6.18
mkdir -p "$exp"
# A server of our own, without the user's configuration or status line.
printf 'set -g status off\nset -g default-terminal screen\n' >"$tmp/tmux.conf"
T() {
	tmux -S "$tmp/sock" -f "$tmp/tmux.conf" "$@"
}
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
ms="env LC_ALL=C TERM=screen $MEMSCOPE"
# A session that outlives the others, so that the server never exits
# between two tests (a new session could race with its exit).
T new-session -d -s keep -x 80 -y 24 "sleep 3600"

# start WIDTH HEIGHT COMMAND: a new session running COMMAND
start() {
	T kill-session -t top 2>/dev/null
	T new-session -d -s top -x "$1" -y "$2" "$3"
}

capture() {
	T capture-pane -p -t top >"$tmp/screen" 2>/dev/null
}

# wait_for PATTERN: until the screen shows PATTERN (5 s at most)
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		capture
		grep -q -e "$1" "$tmp/screen" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# wait_gone PATTERN: until the screen no longer shows PATTERN (5 s)
wait_gone() {
	i=0
	while [ $i -lt 50 ]; do
		capture
		grep -q -e "$1" "$tmp/screen" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# screen NAME DESCRIPTION: the screen equals tests/expected/tui/NAME.txt,
# polled for 5 s so that a key has been handled
screen() {
	g=$exp/$1.txt
	if [ -n "$UPDATE_GOLDEN" ] || [ ! -f "$g" ]; then
		sleep 0.5
		capture
		new=
		[ -f "$g" ] || new=1
		cp "$tmp/screen" "$g"
		if [ -n "$new" ] && [ -z "$UPDATE_GOLDEN" ]; then
			not_ok "$2: $g was missing; written, review it"
			return
		fi
	fi
	i=0
	while [ $i -lt 50 ]; do
		capture
		if cmp -s "$g" "$tmp/screen"; then
			ok "$2"
			return
		fi
		sleep 0.1
		i=$((i + 1))
	done
	not_ok "$2"
	diff -u "$g" "$tmp/screen" | sed 's/^/#   /' | head -40
}

# gone: the session ended (memscope exited), 5 s at most
gone() {
	i=0
	while [ $i -lt 50 ]; do
		T has-session -t top 2>/dev/null || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# wait_file FILE [SECONDS]: until FILE exists (10 s unless given)
wait_file() {
	i=0
	while [ $i -lt $((${2:-10} * 10)) ]; do
		[ -s "$1" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# memscope_pid: the memscope process of the session's pane
memscope_pid() {
	pp=$(T display-message -p -t top '#{pane_pid}')
	for p in $pp $(pgrep -P "$pp"); do
		if [ "$(cat /proc/$p/comm 2>/dev/null)" = memscope ]; then
			echo "$p"
			return
		fi
	done
}

# ---- the tabs at 80x24 ----
start 80 24 "$ms --root $fx top -d 60"
wait_for 'Compaction' || not_ok "the first screen did not come"
screen overview-80x24 "80x24: the Overview tab"
T send-keys -t top 2
screen zones-80x24 "key 2: the Zones tab (the largest zone first)"
T send-keys -t top Left
screen zones-left-80x24 "Left: the zone before"
T send-keys -t top Down Down
screen zones-order5-80x24 "Down Down: the history at order 5"
T send-keys -t top 3
screen slab-80x24 "key 3: the Slab tab"
T send-keys -t top s s
screen slab-sort-waste-80x24 "s s: the slab caches by waste"
T send-keys -t top r
screen slab-sort-waste-rev-80x24 "r: reversed"
T send-keys -t top /
T send-keys -t top -l '^kmalloc-[0-9]+$'
T send-keys -t top Enter
screen slab-filter-80x24 "/: only the caches the regular expression matches"
T send-keys -t top / C-u Enter
T send-keys -t top s s s s s s s s s s r r
screen slab-80x24 "the filter cleared, s back to cache size"
T send-keys -t top 4
screen vmalloc-80x24 "key 4: the Vmalloc tab"
T send-keys -t top s
screen vmalloc-sort-change-80x24 "s: the vmalloc callers by change"
T send-keys -t top b
screen vmalloc-by-type-80x24 "b: the vmalloc areas by type"
T send-keys -t top b b
screen vmalloc-by-caller-again-80x24 "b b: by module, then by caller again"
T send-keys -t top 5
screen procs-root-80x24 "key 5: no processes in a capture, and why"
T send-keys -t top Tab
screen overview-80x24 "Tab: from the last tab back to the first"
T send-keys -t top BTab
screen procs-root-80x24 "shift-Tab: back to the last"
T send-keys -t top 1 '?'
screen help-80x24 "?: the help"
T send-keys -t top x
screen overview-80x24 "any key closes the help"
T send-keys -t top /
screen overview-filter-80x24 "/ outside a table says where it works"
T send-keys -t top p
screen overview-paused-80x24 "p: paused"
T send-keys -t top +
if wait_for '^ memscope top .*every 120s *$'; then
	ok "+: a longer interval (120s)"
else
	not_ok "+: a longer interval"
fi
T send-keys -t top - -
if wait_for '^ memscope top .*every 30s *$'; then
	ok "- -: a shorter interval (30s)"
else
	not_ok "-: a shorter interval"
fi
T send-keys -t top p
if wait_gone PAUSED && wait_for 'every 30s'; then
	ok "p again: resumed"
else
	not_ok "p again: resumed"
fi
T send-keys -t top q
if gone; then ok "q quits"; else not_ok "q quits"; fi

# ---- 132x43, and a resize both ways ----
start 132 43 "$ms --root $fx top -d 60"
wait_for 'Compaction'
screen overview-132x43 "132x43: the Overview tab"
T send-keys -t top 2
screen zones-132x43 "132x43: the Zones tab"
T send-keys -t top 3
screen slab-132x43 "132x43: the Slab tab, every column"
T kill-session -t top 2>/dev/null
start 80 24 "$ms --root $fx top -d 60"
wait_for 'Compaction'
T resize-window -t top -x 132 -y 43
screen overview-132x43 "resized to 132x43: redrawn for the new size"
T resize-window -t top -x 80 -y 24
screen overview-80x24 "resized back to 80x24"
T resize-window -t top -x 60 -y 20
if wait_for 'needs 80x24, the terminal is 60x20'; then
	ok "smaller than 80x24: says so"
else
	not_ok "smaller than 80x24: says so"
fi
T kill-session -t top 2>/dev/null

# ---- another capture: two nodes, files missing ----
start 80 24 "$ms --root tests/fixtures/synthetic-numa2 top -d 60"
wait_for 'Compaction'
screen numa2-overview-80x24 "two nodes: BELOW MIN, and the missing files named"
T send-keys -t top 3
screen numa2-slab-80x24 "no slabinfo: the Slab tab says why"
T kill-session -t top 2>/dev/null
start 80 24 "$ms --root tests/fixtures/arm64-64k-4.4 top -d 60"
wait_for 'Compaction'
screen arm64-overview-80x24 "64 KiB pages, 14 orders: the GFP_ATOMIC row fits"
T send-keys -t top 2
screen arm64-zones-80x24 "64 KiB pages, 14 orders: the Zones tab"
T kill-session -t top 2>/dev/null

# ---- a second sample: rates and changes ----
mkdir -p "$tmp/two"
cp -R "$fx/." "$tmp/two/"
start 80 24 "$ms --root $tmp/two top -d 60"
wait_for 'Compaction'
sed -e 's/^compact_stall 0$/compact_stall 500000/' "$fx/proc/vmstat" \
	>"$tmp/two/proc/vmstat.new"
mv "$tmp/two/proc/vmstat.new" "$tmp/two/proc/vmstat"
sed -e 's/^dentry             80745  80745    192   21    1 : tunables    0    0    0 : slabdata   3845   3845/dentry             84000  84000    192   21    1 : tunables    0    0    0 : slabdata   4000   4000/' \
	"$fx/proc/slabinfo" >"$tmp/two/proc/slabinfo.new"
mv "$tmp/two/proc/slabinfo.new" "$tmp/two/proc/slabinfo"
sleep 0.2
T send-keys -t top ' '
# 500000 stalls since the first sample: a rate in the thousands per second
if wait_for '^ compact_stall  *500k  *[0-9.]*[0-9][kM] '; then
	ok "space: a second sample, the counters with their rate"
else
	not_ok "space: a second sample, the counters with their rate"
	sed 's/^/#   /' "$tmp/screen"
fi
if wait_for '^ compact_fail  *0  *0\.0 '; then
	ok "a counter that did not move: 0.0 per second"
else
	not_ok "a counter that did not move: 0.0 per second"
fi
# dentry: 155 slabs of one page more, 620 KiB, since the previous sample
if wait_for '^ 15.6 MiB dentry  *+620 KiB '; then
	ok "the largest slab caches with their change"
else
	not_ok "the largest slab caches with their change"
	sed 's/^/#   /' "$tmp/screen"
fi
T send-keys -t top 3
if wait_for '^ *84.0k 100.0% *192 *15.6 MiB *+620 KiB .* dentry$' &&
	wait_for '^Change   +620 KiB in '; then
	ok "Slab tab: the change since the previous sample"
else
	not_ok "Slab tab: the change since the previous sample"
	sed 's/^/#   /' "$tmp/screen"
fi
T kill-session -t top 2>/dev/null

# ---- colour ----
start 80 24 "$ms --root tests/fixtures/synthetic-numa2 top -d 60"
wait_for 'Compaction'
T capture-pane -e -p -t top >"$tmp/color"
start 80 24 "env NO_COLOR=1 $ms --root tests/fixtures/synthetic-numa2 top -d 60"
wait_for 'Compaction'
T capture-pane -e -p -t top >"$tmp/nocolor"
start 80 24 "$ms --no-color --root tests/fixtures/synthetic-numa2 top -d 60"
wait_for 'Compaction'
T capture-pane -e -p -t top >"$tmp/nocolor2"
T kill-session -t top 2>/dev/null
esc=$(printf '\033')
if grep -q "$esc\[3[1-6]m" "$tmp/color"; then
	ok "colours by default"
else
	not_ok "colours by default"
fi
if ! grep -q "$esc\[3[1-6]m" "$tmp/nocolor"; then
	ok "NO_COLOR: no colour"
else
	not_ok "NO_COLOR: no colour"
fi
if ! grep -q "$esc\[3[1-6]m" "$tmp/nocolor2"; then
	ok "--no-color: no colour"
else
	not_ok "--no-color: no colour"
fi

# ---- the terminal after q, Ctrl-C, SIGTERM and a malformed file ----
# run_stty NAME ARGS: memscope top ARGS in a shell that saves stty -a
# before and after and memscope's exit status and standard error
run_stty() {
	d=$tmp/$1
	mkdir -p "$d"
	shift
	start 80 24 "sh -c 'trap : INT; stty -a >$d/before; $ms $* 2>$d/err; echo \$? >$d/rc; stty -a >$d/after; sleep 30'"
}
# stty_same NAME STATUS DESCRIPTION
stty_same() {
	d=$tmp/$1
	if ! wait_file "$d/after"; then
		not_ok "$3: memscope did not end"
		T kill-session -t top
		return
	fi
	if cmp -s "$d/before" "$d/after" && [ "$(cat "$d/rc")" = "$2" ]; then
		ok "$3"
	else
		not_ok "$3 (exit $(cat "$d/rc"), want $2)"
		diff "$d/before" "$d/after" | sed 's/^/#   /'
		sed 's/^/#   /' "$d/err"
	fi
	T kill-session -t top
}
run_stty q --root $fx top -d 60
wait_for 'Compaction'
T send-keys -t top q
stty_same q 0 "q: the terminal modes are restored (stty -a unchanged)"
run_stty int --root $fx top -d 60
wait_for 'Compaction'
T send-keys -t top C-c
stty_same int 0 "Ctrl-C: the terminal modes are restored"
run_stty term --root $fx top -d 60 --tab 2
wait_for 'ORDER'
pid=$(memscope_pid)
if [ -n "$pid" ]; then
	kill -TERM "$pid"
	stty_same term 0 "SIGTERM: the terminal modes are restored"
else
	not_ok "SIGTERM: memscope not found in the pane"
fi
# a file turning malformed: exit 1 with the error after the screen
mkdir -p "$tmp/bad"
cp -R "$fx/." "$tmp/bad/"
run_stty bad --root "$tmp/bad" top -d 0.2
wait_for 'Compaction'
printf 'Node 0, zone Normal 1 2 x\n' >"$tmp/bad/proc/buddyinfo.new"
mv "$tmp/bad/proc/buddyinfo.new" "$tmp/bad/proc/buddyinfo"
stty_same bad 1 "a malformed file: exit 1, the terminal modes restored"
if grep -q '^memscope: buddyinfo:1: ' "$tmp/bad/err"; then
	ok "a malformed file: the error names file and line"
else
	not_ok "a malformed file: the error names file and line"
	sed 's/^/#   /' "$tmp/bad/err"
fi

# ---- the processes of this machine ----
start 100 30 "$ms top -d 60 --tab 5"
if wait_for 'built without libproc2'; then
	ok "Processes: without libproc2 the tab says so"
elif wait_for 'COMMAND'; then
	T send-keys -t top /
	T send-keys -t top -l '^memscope$'
	T send-keys -t top Enter
	if wait_for "^ *[0-9][0-9]* .*memscope\$"; then
		ok "Processes: this memscope is listed, filtered by name"
	else
		not_ok "Processes: this memscope is listed"
		sed 's/^/#   /' "$tmp/screen"
	fi
	if wait_for '^ *PID  *USER  *RSS  *PSS  *SWAP  *ANON'; then
		ok "Processes: PID, USER, RSS, PSS, SWAP, ANON at 100 columns"
	else
		not_ok "Processes: the columns"
		sed 's/^/#   /' "$tmp/screen"
	fi
else
	not_ok "Processes: no table"
	sed 's/^/#   /' "$tmp/screen"
fi
T kill-session -t top 2>/dev/null

# libproc2 is opened on first use: a library of that name without the
# pids API makes the tab say why, and the rest of top still works.
mkdir -p "$tmp/fakeproc2"
echo 'int ms_not_libproc2;' >"$tmp/fakeproc2/f.c"
if ${CC:-cc} -shared -fPIC -Wl,-soname,libproc2.so.0 \
	-o "$tmp/fakeproc2/libproc2.so.0" "$tmp/fakeproc2/f.c" 2>/dev/null &&
   ! grep -q 'built without libproc2' "$tmp/screen"; then
	start 100 30 "env LD_LIBRARY_PATH=$tmp/fakeproc2 $ms top -d 60 --tab 5"
	if wait_for 'libproc2 cannot be loaded: libproc2.so.0 lacks the pids API'; then
		ok "Processes: a libproc2 without the pids API is named, not a crash"
	else
		not_ok "Processes: a libproc2 without the pids API is named"
		sed 's/^/#   /' "$tmp/screen"
	fi
	T send-keys -t top 2
	if wait_for 'Normal'; then
		ok "Processes: the other tabs still work without libproc2"
	else
		not_ok "Processes: the other tabs still work without libproc2"
		sed 's/^/#   /' "$tmp/screen"
	fi
	T kill-session -t top 2>/dev/null
else
	skip "no C compiler, or memscope built without libproc2"
fi

# ---- memory over 1000 refreshes of a tree rewritten under it ----
# Two versions of the files that change: B grows a cache, adds one and
# drops another, frees buddy pages, counts stalls and adds a vmalloc
# area. A loop renames them into place (a reader never sees half a
# file) while memscope refreshes every 10 ms and the keys visit every
# tab; VmRSS is sampled from /proc/PID/status until it exits.
mem=$tmp/mem
mkdir -p "$mem" "$tmp/va" "$tmp/vb"
cp -R "$fx/." "$mem/"
for f in buddyinfo slabinfo vmstat meminfo vmallocinfo; do
	cp "$fx/proc/$f" "$tmp/va/$f"
done
sed -e 's/^\(Node 0, zone   Normal\)    538/\1    600/' \
	"$fx/proc/buddyinfo" >"$tmp/vb/buddyinfo"
sed -e '/^btrfs_delayed_node /d' \
	-e 's/^dentry             80745  80745    192   21    1 : tunables    0    0    0 : slabdata   3845   3845/dentry             84000  84000    192   21    1 : tunables    0    0    0 : slabdata   4000   4000/' \
	"$fx/proc/slabinfo" >"$tmp/vb/slabinfo"
echo 'memscope_test        1000   1024     64   64    1 : tunables    0    0    0 : slabdata     16     16      0' >>"$tmp/vb/slabinfo"
sed -e 's/^compact_stall 0$/compact_stall 100/' \
	-e 's/^allocstall_normal 0$/allocstall_normal 5/' \
	"$fx/proc/vmstat" >"$tmp/vb/vmstat"
sed -e 's/^MemFree: .*/MemFree:        23000000 kB/' "$fx/proc/meminfo" \
	>"$tmp/vb/meminfo"
cp "$fx/proc/vmallocinfo" "$tmp/vb/vmallocinfo"
echo '0x00000000deadbeef-0x00000000feedf00d  1052672 memscope_test+0x10/0x20 pages=256 vmalloc N0=256' \
	>>"$tmp/vb/vmallocinfo"
for f in buddyinfo slabinfo vmstat meminfo vmallocinfo; do
	cp "$tmp/vb/$f" "$mem/proc/$f"
done
if "$MEMSCOPE" --root "$mem" top --once >/dev/null 2>"$tmp/vb.err" &&
	! grep -q warning "$tmp/vb.err"; then
	ok "the second version of the tree is valid"
else
	not_ok "the second version of the tree is valid"
	sed 's/^/#   /' "$tmp/vb.err"
fi
(
	while [ ! -f "$tmp/stop" ]; do
		for v in va vb; do
			for f in buddyinfo slabinfo vmstat meminfo vmallocinfo; do
				cp "$tmp/$v/$f" "$mem/proc/.$f" &&
					mv "$mem/proc/.$f" "$mem/proc/$f"
			done
			sleep 0.02
		done
	done
) &
writer=$!
run_stty mem --root "$mem" top -d 0.01 -n 1000
wait_for 'Compaction'
pid=$(memscope_pid)
: >"$tmp/rss"
t0=$(cut -d' ' -f1 /proc/uptime)
k=0
while [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; do
	r=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' \
		"/proc/$pid/status" 2>/dev/null)
	[ -n "$r" ] && echo "$(cut -d' ' -f1 /proc/uptime) $r" >>"$tmp/rss"
	k=$((k + 1))
	# visit every tab, twice a second
	[ $((k % 5)) = 0 ] && T send-keys -t top $((k / 5 % 5 + 1)) 2>/dev/null
	sleep 0.1
done
touch "$tmp/stop"
wait "$writer"
stty_same mem 0 "1000 refreshes of a changing tree: exit 0, terminal restored"
# From 3 s (every tab and file seen once) to the end, but before 9.5 s:
# at 10 s pagetypeinfo and vmallocinfo are read again, and then the
# previous vmallocinfo is kept for the changes, a step that is no leak
# (the heap profile below covers those reads).
awk -v t0="$t0" '{ t = $1 - t0 } t >= 3 && t < 9.5 { if (!f) f = $2; l = $2; n++ }
	END { print f + 0, l + 0, n + 0 }' "$tmp/rss" >"$tmp/rss.sum"
read -r first last samples <"$tmp/rss.sum"
echo "# VmRSS from 3 s to 9.5 s: $first kB to $last kB ($samples samples; the run: $(wc -l <"$tmp/rss") samples, $(tail -1 "$tmp/rss" | cut -d' ' -f2) kB at the end)"
if [ -n "$SANITIZE" ]; then
	skip "RSS under a sanitizer: ASan's quarantine keeps freed memory (LeakSanitizer checked the exit above)"
elif [ "$samples" -ge 30 ] && [ $((last - first)) -lt 128 ]; then
	ok "memory stays flat over 1000 refreshes (grew $((last - first)) kB)"
else
	not_ok "memory grew over 1000 refreshes: $first -> $last kB ($samples samples)"
fi

# Under valgrind, two runs side by side while the tree keeps changing
# and the keys visit every tab (each refresh waits 0.1 s, so the runs
# last at least 12 and 22 s however slow valgrind is):
# - memcheck, 120 refreshes: pagetypeinfo and vmallocinfo are read again
#   at 10 s; no invalid access, nothing lost, and nothing left at exit
#   but what libc and curses keep;
# - massif, 260 refreshes: the expensive files are read at 0, 10 and
#   20 s, and after the second and the third read the program holds the
#   same things, so the smallest live heap (between two refreshes) of
#   23 s to the end must not exceed that of 13-19 s (massif's clock starts a
#   little before memscope's, and each read holds the old and the new
#   file for a moment).
if [ -n "$SANITIZE" ] || ! command -v valgrind >/dev/null 2>&1; then
	skip "valgrind: not installed, or a sanitizer build"
	done_testing
	exit 0
fi
rm -f "$tmp/stop"
(
	while [ ! -f "$tmp/stop" ]; do
		for v in va vb; do
			for f in buddyinfo slabinfo vmstat meminfo vmallocinfo; do
				cp "$tmp/$v/$f" "$mem/proc/.$f" &&
					mv "$mem/proc/.$f" "$mem/proc/$f"
			done
			sleep 0.05
		done
	done
) &
writer=$!
vg=$tmp/vg
ma=$tmp/massif
mkdir -p "$vg" "$ma"
start 80 24 "sh -c 'stty -a >$vg/before; env LC_ALL=C TERM=screen valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=9 --log-file=$vg/log $MEMSCOPE --root $mem top -d 0.1 -n 120 2>$vg/err; echo \$? >$vg/rc; stty -a >$vg/after; sleep 60'"
T new-session -d -s massif -x 80 -y 24 "sh -c 'env LC_ALL=C TERM=screen valgrind --tool=massif --time-unit=ms --massif-out-file=$ma/out $MEMSCOPE --root $mem top -d 0.1 -n 260 2>$ma/err; echo \$? >$ma/rc; sleep 60'"
if wait_for 'Compaction'; then
	ok "valgrind: the dashboard runs"
else
	not_ok "valgrind: the dashboard runs"
	sed 's/^/#   /' "$tmp/screen" "$vg/err"
fi
k=0
while [ ! -s "$ma/rc" ] && [ $k -lt 900 ]; do
	sleep 0.1
	k=$((k + 1))
	if [ $((k % 10)) = 0 ]; then
		T send-keys -t top $((k / 10 % 5 + 1)) 2>/dev/null
		T send-keys -t massif $((k / 10 % 5 + 1)) 2>/dev/null
	fi
done
wait_file "$vg/after" 30
touch "$tmp/stop"
wait "$writer"
if [ "$(cat "$vg/rc" 2>/dev/null)" = 0 ] &&
	cmp -s "$vg/before" "$vg/after" &&
	grep -q 'ERROR SUMMARY: 0 errors' "$vg/log" &&
	{ grep -q 'definitely lost: 0 bytes' "$vg/log" ||
		grep -q 'All heap blocks were freed' "$vg/log"; }; then
	ok "memcheck: no error and no leak over 120 refreshes"
else
	not_ok "memcheck found errors or leaks (exit $(cat "$vg/rc" 2>/dev/null))"
	sed 's/^/#   /' "$vg/log" "$vg/err" | tail -40
fi
inuse=$(sed -n 's/.*in use at exit: \([0-9,]*\) bytes.*/\1/p' "$vg/log" | tr -d ,)
if [ -n "$inuse" ] && [ "$inuse" -lt 65536 ]; then
	ok "memcheck: $inuse bytes in use at exit (curses and libc)"
else
	not_ok "memcheck: ${inuse:-?} bytes in use at exit"
fi
# (the last snapshot is taken at exit, after everything was freed)
awk -F= '/^time=/ { t[n] = $2 / 1000 } /^mem_heap_B=/ { h[n++] = $2 }
END {
	for (i = 0; i < n - 1; i++) {
		if (t[i] >= 13 && t[i] < 19 && (!na++ || h[i] < a)) a = h[i]
		if (t[i] >= 23 && (!nb++ || h[i] < b)) b = h[i]
		if (h[i] > p) p = h[i]
	}
	print a + 0, b + 0, p + 0, na + 0, nb + 0
}' "$ma/out" >"$ma/sum" 2>/dev/null
read -r a b peak na nb <"$ma/sum"
echo "# live heap between refreshes: $a B at 13-19 s ($na snapshots), $b B from 23 s ($nb), peak $peak B"
if [ "$(cat "$ma/rc" 2>/dev/null)" = 0 ] && [ "$na" -gt 0 ] &&
	[ "$nb" -gt 0 ] && [ $((b - a)) -lt 32768 ]; then
	ok "massif: the live heap stays flat across re-reads of the expensive files"
else
	not_ok "massif: the live heap changed: $a -> $b bytes (exit $(cat "$ma/rc" 2>/dev/null))"
fi
T kill-server

done_testing
