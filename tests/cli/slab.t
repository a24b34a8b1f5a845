#!/bin/sh
# memscope slab beyond the golden files: --watch samples against a --root
# tree rewritten between samples (deltas, rates, changes since the start,
# new and gone caches, the growth flag), the NDJSON stream (line count,
# validity, interruption), root-only slabinfo, the SLUB reclaimable flag
# against meminfo, and the live screen driven through tmux.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures

if ! command -v python3 >/dev/null; then
	skip "no python3: slab watch tests"
	done_testing
	exit 0
fi

# ---- --watch against a tree rewritten between samples ----
#
# state K of the tree (4 KiB pages), written by write_state K:
#   leaky     2-page slabs, 10 + 5K of them: +40960 bytes per sample
#   steady    4 one-page slabs throughout
#   shrinking 50 - 3K one-page slabs: -12288 bytes per sample
#   wobbly    6, 7, 6, 7 ... slabs: never monotonic
#   newcomer  only from state 2 on, 3 slabs
#   goner     only in states 0 to 2, 2 slabs
cat >"$tmp/state.py" <<'PY'
import os, sys
root, k = sys.argv[1], int(sys.argv[2])
caches = [("leaky", 10 + 5 * k, 2, 16, 512),
          ("steady", 4, 1, 32, 128),
          ("shrinking", 50 - 3 * k, 1, 8, 512),
          ("wobbly", 6 + k % 2, 1, 4, 1024)]
if k >= 2:
    caches.append(("newcomer", 3, 1, 2, 2048))
if k <= 2:
    caches.append(("goner", 2, 1, 64, 64))
lines = ["slabinfo - version: 2.1",
         "# name            <active_objs> <num_objs> <objsize> <objperslab>"
         " <pagesperslab> : tunables <limit> <batchcount> <sharedfactor>"
         " : slabdata <active_slabs> <num_slabs> <sharedavail>"]
for name, slabs, pps, ops, size in caches:
    n = slabs * ops
    lines.append("%-17s %6d %6d %6d %4d %4d : tunables    0    0    0"
                 " : slabdata %6d %6d      0" % (name, n, n, size, ops, pps,
                                                slabs, slabs))
os.makedirs(root + "/proc", exist_ok=True)
tmp = root + "/proc/.slabinfo.new"
with open(tmp, "w") as f:
    f.write("\n".join(lines) + "\n")
os.rename(tmp, root + "/proc/slabinfo")  # never a half-written file
PY
w=$tmp/watch
mkdir -p "$w/proc"
printf 'format=1\npage_size=4096\nkernel_release=6.1.0\n' >"$w/meta"
printf 'MemTotal: 1000000 kB\nSlab: 1000 kB\nSReclaimable: 200 kB\nSUnreclaim: 800 kB\n' \
	>"$w/proc/meminfo"
python3 "$tmp/state.py" "$w" 0

# The driver reads each NDJSON line as it comes and then writes the next
# state; memscope samples again 0.5 s later.
check "watch: deltas, rates, since-start, new, gone and growth per sample" \
	python3 - "$MEMSCOPE" "$w" "$tmp/state.py" <<'PY'
import json, subprocess, sys
ms, root, state = sys.argv[1:4]
N = 6
p = subprocess.Popen([ms, "--root", root, "slab", "--watch", "0.5",
                      "--count", str(N), "--grow-window", "3",
                      "--grow-min", "0"], stdout=subprocess.PIPE, text=True)
docs = []
for k in range(N):
    line = p.stdout.readline()
    assert line.endswith("\n"), "sample %d: no complete line" % (k + 1)
    docs.append(json.loads(line))
    if k + 1 < N:
        subprocess.check_call(["python3", state, root, str(k + 1)])
assert p.stdout.read() == "", "output after the last sample"
assert p.wait() == 0
PAGE = 4096
def byname(d):
    return {c["name"]: c for c in d["caches"]}
def expected_bytes(k):
    b = {"leaky": (10 + 5 * k) * 2 * PAGE, "steady": 4 * PAGE,
         "shrinking": (50 - 3 * k) * PAGE, "wobbly": (6 + k % 2) * PAGE}
    if k >= 2: b["newcomer"] = 3 * PAGE
    if k <= 2: b["goner"] = 2 * PAGE
    return b
for k, d in enumerate(docs):
    c = byname(d)
    exp = expected_bytes(k)
    assert d["sample"] == k + 1, d["sample"]
    assert {n: c[n]["bytes"] for n in c} == exp, (k, c.keys())
    assert d["totals"]["bytes"] == sum(exp.values())
    if k == 0:
        assert d["elapsed_s"] is None and d["since_start_s"] == 0
        assert c["leaky"]["delta_bytes"] is None
        assert d["totals"]["delta_bytes"] is None
        assert d["growing"] == []
        continue
    prev = expected_bytes(k - 1)
    el = d["elapsed_s"]
    assert 0.3 < el < 5, el
    for n, b in exp.items():
        want = b - prev.get(n, 0)
        assert c[n]["delta_bytes"] == want, (k, n, c[n]["delta_bytes"], want)
        assert abs(c[n]["bytes_per_s"] - want / el) <= 1e-6 * abs(want / el) + 1e-9
        assert c[n]["start_delta_bytes"] == b - expected_bytes(0).get(n, 0)
        assert c[n]["new"] == (n not in prev), (k, n)
    assert c["leaky"]["delta_bytes"] == 40960
    assert c["leaky"]["start_delta_bytes"] == 40960 * k
    assert c["shrinking"]["delta_bytes"] == -12288
    assert c["leaky"]["delta_objs"] == 5 * 16
    gone = sum(1 for n in prev if n not in exp)
    assert d["totals"]["gone_caches"] == gone, (k, d["totals"]["gone_caches"])
    assert d["totals"]["new_caches"] == sum(1 for n in exp if n not in prev)
    assert d["totals"]["delta_bytes"] == sum(exp.values()) - sum(prev.values())
    assert abs(d["since_start_s"] - sum(x["elapsed_s"] for x in docs[1:k + 1])) < 1e-6
    # growth: a full window of 3 rising samples from the third on
    grow = sorted(g["name"] for g in d["growing"])
    want = ["leaky"] if k >= 2 else []
    assert grow == want, (k, grow)
    assert c["leaky"]["growing"] == (k >= 2)
    assert c["leaky"]["growth_samples"] == min(k + 1, 3)
    if k >= 2:
        g = d["growing"][0]
        assert g["growth_bytes"] == 2 * 40960, g
        assert abs(g["growth_pct"] - 100.0 * 81920 / ((10 + 5 * (k - 2)) * 2 * PAGE)) < 1e-9
    assert d["totals"]["growing_caches"] == len(want)
print("checked", N, "samples")
PY

# A level cache (newcomer) never counts with the default 64 KiB minimum,
# and the strictly rising leaky one only once its growth passes it.
python3 "$tmp/state.py" "$w" 0
check "watch: the growth flag waits for --grow-min" \
	python3 - "$MEMSCOPE" "$w" "$tmp/state.py" <<'PY'
import json, subprocess, sys
ms, root, state = sys.argv[1:4]
p = subprocess.Popen([ms, "--root", root, "slab", "--watch", "0.5",
                      "--count", "5", "--grow-window", "4",
                      "--grow-min", "100K"], stdout=subprocess.PIPE, text=True)
seen = []
for k in range(5):
    d = json.loads(p.stdout.readline())
    seen.append([g["name"] for g in d["growing"]])
    if k < 4:
        subprocess.check_call(["python3", state, root, str(k + 1)])
assert p.wait() == 0
# window 4 holds 3 steps of 40960: 122880 > 102400 from the 4th sample
assert seen == [[], [], [], ["leaky"], ["leaky"]], seen
PY

# /proc/slabinfo and /proc/meminfo stay open between samples and are read
# again from the start: a file rewritten in place (same inode, as a
# seq_file regenerates its text) is seen as it now is, and so is a file
# renamed over the old one (the other tests) or a meminfo that goes away.
python3 "$tmp/state.py" "$w" 0
check "watch: files rewritten in place are read again each sample" \
	python3 - "$MEMSCOPE" "$w" <<'PY'
import json, os, subprocess, sys
ms, root = sys.argv[1:3]
si = root + "/proc/slabinfo"
mi = root + "/proc/meminfo"
def rewrite(path, old, new):
    with open(path, "r+") as f:
        text = f.read()
        assert old in text, (path, old)
        f.seek(0)
        f.write(text.replace(old, new))
        f.truncate()
ino = os.stat(si).st_ino
p = subprocess.Popen([ms, "--root", root, "slab", "--watch", "0.5",
                      "--count", "4"], stdout=subprocess.PIPE, text=True)
docs = [json.loads(p.stdout.readline())]
# steady: 4 one-page slabs become 9 (the line gets no longer)
rewrite(si, "steady               128    128    128   32    1 : tunables    0    0    0 : slabdata      4      4",
            "steady               288    288    128   32    1 : tunables    0    0    0 : slabdata      9      9")
rewrite(mi, "Slab: 1000 kB", "Slab: 2000 kB")
docs.append(json.loads(p.stdout.readline()))
os.unlink(mi)
docs.append(json.loads(p.stdout.readline()))
with open(mi, "w") as f:
    f.write("MemTotal: 1000000 kB\nSlab: 3000 kB\n")
docs.append(json.loads(p.stdout.readline()))
assert p.wait() == 0
assert os.stat(si).st_ino == ino, "the test meant to keep the inode"
steady = [{c["name"]: c for c in d["caches"]}["steady"] for d in docs]
assert steady[0]["bytes"] == 4 * 4096 and steady[1]["bytes"] == 9 * 4096, steady
assert steady[1]["delta_bytes"] == 5 * 4096, steady[1]
assert docs[0]["meminfo"]["slab_bytes"] == 1000 * 1024, docs[0]["meminfo"]
assert docs[1]["meminfo"]["slab_bytes"] == 2000 * 1024, docs[1]["meminfo"]
assert docs[2]["meminfo"] is None, docs[2]["meminfo"]
assert any("meminfo" in w for w in docs[2]["warnings"]), docs[2]["warnings"]
assert docs[3]["meminfo"]["slab_bytes"] == 3000 * 1024, docs[3]["meminfo"]
print("checked", len(docs), "samples")
PY
printf 'MemTotal: 1000000 kB\nSlab: 1000 kB\nSReclaimable: 200 kB\nSUnreclaim: 800 kB\n' \
	>"$w/proc/meminfo"

# ---- the NDJSON stream ----
"$MEMSCOPE" --root "$fx/x86_64-6.18-slub" slab --watch 0.2 --count 4 \
	>"$tmp/nd" 2>"$tmp/nd.err"
check "ndjson: exit status 0" test $? = 0
check "ndjson: one line per sample (--count 4)" test "$(wc -l <"$tmp/nd")" = 4
check "ndjson: every line is one JSON object, samples 1 to 4" \
	python3 -c '
import json, sys
lines = open(sys.argv[1]).read().split("\n")
assert lines[-1] == "", "no newline at the end"
docs = [json.loads(l) for l in lines[:-1]]
assert [d["sample"] for d in docs] == [1, 2, 3, 4]
for d in docs:
    assert d["schema_version"] == 1 and d["warnings"] == []
    assert d["totals"]["caches"] == 235 and len(d["caches"]) == 235
' "$tmp/nd"
check "ndjson: nothing on stderr" test ! -s "$tmp/nd.err"
"$MEMSCOPE" --json --root "$fx/x86_64-6.18-slub" slab -w 0.2 -c 2 --top 3 \
	--filter kmalloc >"$tmp/nd2"
check "ndjson: --json, --top and --filter apply to every line" \
	python3 -c '
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
assert len(docs) == 2
for d in docs:
    assert [c["name"] for c in d["caches"]] == ["kmalloc-512", "kmalloc-4k", "kmalloc-rcl-96"], d["caches"]
    assert d["filter"] == "kmalloc"
' "$tmp/nd2"
if python3 -c 'import jsonschema' 2>/dev/null; then
	check "ndjson: every line validates as slab_sample" python3 -c '
import json, sys, jsonschema
defs = json.load(open(sys.argv[1]))["definitions"]
v = jsonschema.Draft7Validator({"$ref": "#/definitions/slab_sample",
                                "definitions": defs})
for path in sys.argv[2:]:
    for line in open(path):
        errs = sorted(v.iter_errors(json.loads(line)), key=str)
        assert not errs, errs[0].message[:300]
' "$top/docs/memscope.schema.json" "$tmp/nd" "$tmp/nd2"
else
	skip "python3-jsonschema is not installed: NDJSON schema check"
fi
"$MEMSCOPE" --root "$fx/x86_64-6.18-slub" slab --watch 1 --count 2 --top 1 \
	>"$tmp/nd3"
check "ndjson: '--watch 1' takes the interval as the next word" \
	python3 -c '
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
assert [d["interval_s"] for d in docs] == [1.0, 1.0]
assert 0.9 < docs[1]["elapsed_s"] < 3
' "$tmp/nd3"

for sig in INT TERM HUP QUIT; do
	rm -f "$tmp/sig"
	"$MEMSCOPE" --root "$fx/x86_64-6.18-slub" slab --watch 0.2 --top 2 \
		>"$tmp/sig" 2>"$tmp/sig.err" &
	pid=$!
	tries=0
	while [ "$(cat "$tmp/sig" 2>/dev/null | wc -l)" -lt 3 ] &&
		[ $tries -lt 100 ]; do
		sleep 0.1
		tries=$((tries + 1))
	done
	kill -$sig $pid
	wait $pid
	rc=$?
	check "ndjson: SIG$sig ends the stream with status 0 (got $rc)" test $rc = 0
	check "ndjson: after SIG$sig every line is complete JSON" python3 -c '
import json, sys
data = open(sys.argv[1]).read()
assert data.endswith("\n")
lines = data.split("\n")[:-1]
assert len(lines) >= 3
for i, l in enumerate(lines):
    assert json.loads(l)["sample"] == i + 1
' "$tmp/sig"
done

# ---- SLUB's reclaimable flag against the kernel's own counter ----
# On a capture, the page-level size of the caches SLUB marks
# reclaim_account adds up to meminfo's SReclaimable, to the byte.
"$MEMSCOPE" --root "$fx/x86_64-6.18-slub" --json slab >"$tmp/slub.json"
check "reclaimable caches sum to meminfo SReclaimable on the capture" \
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert all(c["reclaimable"] is not None for c in d["caches"])
r = sum(c["bytes"] for c in d["caches"] if c["reclaimable"])
assert r == d["meminfo"]["sreclaimable_bytes"], (r, d["meminfo"])
' "$tmp/slub.json"
# bytes = num_slabs * pages_per_slab * page size; waste = bytes - active
check "every cache: bytes and waste from the slabinfo columns" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for c in d["caches"]:
    assert c["bytes"] == c["num_slabs"] * c["pages_per_slab"] * 4096, c
    assert c["waste_bytes"] == max(0, c["bytes"] - c["active_objs"] * c["obj_size"]), c
    assert c["order"] is not None and 2 ** c["order"] == c["pages_per_slab"], c
t = d["totals"]
assert t["bytes"] == sum(c["bytes"] for c in d["caches"])
assert t["active_bytes"] == sum(c["active_objs"] * c["obj_size"] for c in d["caches"])
' "$tmp/slub.json"

# ---- snapshot keeps SLUB's sysfs facts ----
"$MEMSCOPE" --root "$fx/x86_64-6.18-slub" snapshot "$tmp/snap" >"$tmp/snap.out" 2>&1
check "snapshot: sys/kernel/slab is captured" \
	test "$(find "$tmp/snap/sys/kernel/slab" -type f | wc -l)" = 705
check "snapshot: one line for the sysfs files" \
	grep -q -x '  sys/kernel/slab/ (705 files of 235 caches)' "$tmp/snap.out"
check "snapshot: the attribute files are copied byte for byte" \
	diff -r "$fx/x86_64-6.18-slub/sys/kernel/slab" "$tmp/snap/sys/kernel/slab"
"$MEMSCOPE" --root "$tmp/snap" --json slab | sed '/"root"/d' >"$tmp/s2.json"
sed '/"root"/d' "$tmp/slub.json" >"$tmp/s1.json"
check "snapshot: slab of the snapshot equals slab of the capture" \
	cmp "$tmp/s1.json" "$tmp/s2.json"
"$MEMSCOPE" --root "$fx/slab-2.0" snapshot "$tmp/snap20" >/dev/null 2>&1
check "snapshot: no sys/kernel/slab without one to copy" \
	test ! -e "$tmp/snap20/sys/kernel/slab"

# ---- root-only slabinfo ----
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	mkdir -p "$tmp/priv/proc"
	cp "$fx/x86_64-6.18/proc/slabinfo" "$fx/x86_64-6.18/proc/meminfo" \
		"$fx/x86_64-6.18/meta" "$tmp/priv/proc/"
	mv "$tmp/priv/proc/meta" "$tmp/priv/meta"
	chmod 0755 "$tmp" "$tmp/priv" "$tmp/priv/proc"
	chmod 0644 "$tmp/priv/meta" "$tmp/priv/proc/meminfo"
	chmod 0400 "$tmp/priv/proc/slabinfo"
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$MEMSCOPE" --root "$tmp/priv" slab >"$tmp/o" 2>"$tmp/e"
	rc=$?
	check "not root: slab exits 1" test $rc = 1
	check "not root: slab says slabinfo is root-only" test \
		"$(cat "$tmp/e")" = "memscope: slabinfo: permission denied (this file is readable by root only)"
	check "not root: nothing on stdout" test ! -s "$tmp/o"
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$MEMSCOPE" --root "$tmp/priv" --json slab --watch 0.2 --count 2 \
		>"$tmp/o" 2>"$tmp/e"
	check "not root: slab --watch exits 1 too" test $? = 1
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$MEMSCOPE" --root "$tmp/priv" --json summary >"$tmp/o" 2>"$tmp/e"
	check "not root: summary exits 0" test $? = 0
	check "not root: summary has slab null and a warning" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["slab"] is None
assert "slabinfo: permission denied (this file is readable by root only)" in d["warnings"], d["warnings"]
' "$tmp/o"
else
	skip "not root or no setpriv: root-only slabinfo tests"
fi

# ---- this machine ----
if [ -r /proc/slabinfo ]; then
	check "live: slab --once runs" "$MEMSCOPE" slab --once --top 3
	"$MEMSCOPE" --json slab >"$tmp/live.json"
	check "live: one cache per line of /proc/slabinfo" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
n = len(open("/proc/slabinfo").read().splitlines()) - 2
assert abs(d["totals"]["caches"] - n) <= 2, (d["totals"]["caches"], n)
assert d["meminfo"] is not None
' "$tmp/live.json"
else
	skip "/proc/slabinfo not readable: live slab tests"
fi

# ---- the live screen, through tmux ----
if ! command -v tmux >/dev/null; then
	skip "no tmux: live screen tests"
	done_testing
	exit 0
fi
sock=$tmp/tmux.sock
tm() {
	tmux -S "$sock" "$@"
}
pane() {
	tm capture-pane -p -t t
}
# wait_for PATTERN [LINE]: until the pane (or one line of it) matches
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		if [ -n "$2" ]; then
			pane | sed -n "${2}p" | grep -q -e "$1" && return 0
		else
			pane | grep -q -e "$1" && return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	pane | sed 's/^/#   /'
	return 1
}
# The first cache line of the table (line 8: 7 header lines first).
first_row() {
	pane | sed -n 8p
}
tm -f /dev/null new-session -d -s t -x 100 -y 30 "env PS1='ready\$ ' sh"
wait_for 'ready\$'
run="$MEMSCOPE --root $fx/x86_64-6.18-slub slab --watch 0.5"
tm send-keys -t t "clear; stty -g >$tmp/stty.before; sh -c 'echo \$\$ >$tmp/tui.pid; exec $run' 2>$tmp/tui.err; echo tui-exit=\$?; stty -g >$tmp/stty.after" Enter
check "tui: title and summary appear" wait_for 'memscope slab' 1
check "tui: the table header appears" wait_for 'CACHE SIZE.*NAME' 7
check "tui: sorted by cache size, the largest first" wait_for 'ext4_inode_cache' 8
check "tui: a second sample with deltas" wait_for 'sample [2-9]' 1
tm send-keys -t t n
check "tui: 'n' sorts by name" wait_for ' AF_VSOCK$' 8
check "tui: the sort line says so" wait_for 'Sort name \[n\]' 6
tm send-keys -t t r
check "tui: 'r' reverses" wait_for 'Sort name \[n\] reversed' 6
tm send-keys -t t P
check "tui: 'P' sorts by pages per slab" wait_for 'Sort pages_per_slab \[P\]' 6
tm send-keys -t t / '^kmalloc-' Enter
check "tui: '/' sets a filter" wait_for 'Filter \^kmalloc-' 6
check "tui: only matching caches are listed" sh -c '
	rows=$(tmux -S "$1" capture-pane -p -t t | sed -n "8,29p" | awk "NF" | awk "{print \$NF}")
	[ -n "$rows" ] && ! echo "$rows" | grep -v "^kmalloc-"' sh "$sock"
tm send-keys -t t p
check "tui: 'p' pauses" wait_for 'PAUSED' 1
tm send-keys -t t p
check "tui: 'p' again resumes" sh -c '
	i=0; while [ $i -lt 50 ]; do
		tmux -S "$1" capture-pane -p -t t | sed -n 1p | grep -q PAUSED || exit 0
		sleep 0.1; i=$((i + 1)); done; exit 1' sh "$sock"
check "tui: 100 columns hold the USE column" wait_for ' USE .*CACHE SIZE' 7
tm resize-window -t t -x 80 -y 24
check "tui: follows a resize (80 columns drop USE)" sh -c '
	i=0; while [ $i -lt 50 ]; do
		h=$(tmux -S "$1" capture-pane -p -t t | sed -n 7p)
		case "$h" in *"CACHE SIZE"*) echo "$h" | grep -q USE || exit 0 ;; esac
		sleep 0.1; i=$((i + 1)); done; exit 1' sh "$sock"
# Only changed lines are written: after a resize every line is drawn
# again, the table's rows down to the last line above the status line.
check "tui: rows fill the table after the resize (lines 8 to 23 of 24)" sh -c '
	i=0; while [ $i -lt 50 ]; do
		p=$(tmux -S "$1" capture-pane -p -t t)
		n=$(echo "$p" | sed -n "8,23p" | grep -c " kmalloc-")
		[ "$n" = 16 ] && exit 0
		sleep 0.1; i=$((i + 1)); done; echo "$p" | sed "s/^/#   /"; exit 1' sh "$sock"
tm resize-window -t t -x 100 -y 30
check "tui: and after growing again (lines 8 to 29 of 30, USE back)" sh -c '
	i=0; while [ $i -lt 50 ]; do
		p=$(tmux -S "$1" capture-pane -p -t t)
		n=$(echo "$p" | sed -n "8,29p" | grep -c " kmalloc-")
		if [ "$n" = 22 ] && echo "$p" | sed -n 7p | grep -q " USE "; then
			exit 0
		fi
		sleep 0.1; i=$((i + 1)); done; echo "$p" | sed "s/^/#   /"; exit 1' sh "$sock"
tm send-keys -t t q
check "tui: 'q' quits with status 0" wait_for 'tui-exit=0'
# the shell prints tui-exit before it runs stty
i=0
while [ ! -s "$tmp/stty.after" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "tui: the terminal modes are restored after q" \
	cmp "$tmp/stty.before" "$tmp/stty.after"
check "tui: the screen is given back (no table left)" sh -c '
	! tmux -S "$1" capture-pane -p -t t | grep -q "CACHE SIZE"' sh "$sock"
check "tui: nothing on stderr" test ! -s "$tmp/tui.err"

# SIGTERM and Ctrl-C restore the terminal too.
for how in TERM C-c; do
	rm -f "$tmp/stty.after" "$tmp/tui.pid"
	tm send-keys -t t "clear; sh -c 'echo \$\$ >$tmp/tui.pid; exec $run' 2>$tmp/tui.err; echo tui-exit=\$?; stty -g >$tmp/stty.after" Enter
	wait_for 'CACHE SIZE.*NAME' 7 >/dev/null
	if [ $how = TERM ]; then
		kill -TERM "$(cat "$tmp/tui.pid")"
	else
		tm send-keys -t t C-c
	fi
	check "tui: $how quits with status 0" wait_for 'tui-exit=0'
	i=0
	while [ ! -s "$tmp/stty.after" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	check "tui: the terminal modes are restored after $how" \
		cmp "$tmp/stty.before" "$tmp/stty.after"
done

# The screen refuses a terminal type it cannot use, and says so.
tm send-keys -t t "clear; TERM=no-such-terminal $run 2>$tmp/nt.err; echo nt-exit=\$?" Enter
check "tui: an unknown TERM is an error" wait_for 'nt-exit=1'
check "tui: the error names the terminal type" grep -q -x \
	"memscope: terminal: cannot use terminal type 'no-such-terminal'" "$tmp/nt.err"
tm kill-server
done_testing
