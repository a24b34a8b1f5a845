#!/bin/sh
# memscope vmalloc against numbers computed without it: totals summed
# from the files with awk, types classified again in Python, the free
# address space of the hand-written captures worked out in their README,
# --watch deltas against a --root tree rewritten between samples, the
# terminal and signal paths of --watch, and the error of a reader who
# is not root.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
fx=$top/tests/fixtures

# --- totals: memscope --json against an awk sum over the file ---
# totals FILE: "regions bytes pages" as the file itself says
totals() {
	awk 'NF { n++; b += $2
		for (i = 3; i <= NF; i++) if ($i ~ /^pages=[0-9]+$/) p += substr($i, 7) }
		END { printf "%d %d %d\n", n, b, p }' "$1"
}
json_totals() {
	python3 -c 'import json, sys
t = json.load(sys.stdin)["totals"]
print(t["regions"], t["bytes"], t["pages"])'
}
check_totals() {
	name=$1 root=$2
	want=$(totals "$root/proc/vmallocinfo")
	got=$("$MEMSCOPE" --root "$root" --json vmalloc 2>/dev/null | json_totals)
	if [ -n "$want" ] && [ "$want" = "$got" ]; then
		ok "$name: JSON totals equal the file's sum ($want)"
	else
		not_ok "$name: JSON totals '$got', the file sums to '$want'"
	fi
}
for d in x86_64-6.18 x86_64-6.18-kptr1 vmalloc-real vmalloc-real-arm32 \
	vmalloc-hidden; do
	check_totals "$d" "$fx/$d"
done
if [ -d "$MS_CORPUS/vmallocinfo" ]; then
	for f in "$MS_CORPUS"/vmallocinfo/*.txt; do
		r=$tmp/corpus/$(basename "$f" .txt)
		mkdir -p "$r/proc"
		cp "$f" "$r/proc/vmallocinfo"
		check_totals "corpus $(basename "$f")" "$r"
	done
else
	skip "no corpus at $MS_CORPUS: corpus totals"
fi

# --- types and callers: an independent classification in Python ---
for d in x86_64-6.18 x86_64-6.18-kptr1 vmalloc-real vmalloc-real-arm32; do
	"$MEMSCOPE" --root "$fx/$d" --json vmalloc --top 0 >"$tmp/$d.json" 2>/dev/null
done
python3 - "$fx" "$tmp" <<'PY'
import json, re, sys
fx, tmp = sys.argv[1], sys.argv[2]
n = 0
def report(ok, msg):
    global n
    n += 1
    print(("ok" if ok else "not ok"), n, "-", msg)
# the first flag of this list that a line carries names its type
ORDER = [("unpurged", "unpurged"), ("vm_map_ram", "vm_map_ram"),
         ("ioremap", "ioremap"), ("dma-coherent", "dma-coherent"),
         ("user", "user"), ("vmalloc", "vmalloc"), ("vmap", "vmap")]
for d in ("x86_64-6.18", "x86_64-6.18-kptr1", "vmalloc-real", "vmalloc-real-arm32"):
    types, callers = {}, {}
    for line in open("%s/%s/proc/vmallocinfo" % (fx, d)):
        f = line.split()
        if not f:
            continue
        size = int(f[1])
        words = set(f[2:])
        if line.rstrip().endswith("unpurged vm_area"):
            words = {"unpurged"}
        t = next((t for flag, t in ORDER if flag in words), "other")
        c = types.setdefault(t, [0, 0])
        c[0] += 1
        c[1] += size
        m = re.match(r"([^ +]+)\+0x[0-9a-f]+/0x[0-9a-f]+( \[([^\]]+)\])?", " ".join(f[2:]))
        key = (m.group(1), m.group(3)) if m else (None, None)
        c = callers.setdefault(key, [0, 0])
        c[0] += 1
        c[1] += size
    doc = json.load(open("%s/%s.json" % (tmp, d)))
    got = {t["name"]: [t["count"], t["bytes"]] for t in doc["by_type"] if t["count"]}
    report(got == types, "%s: by_type equals a classification of the lines %s" % (d, "" if got == types else (got, types)))
    got = {(c["name"], c["module"]): [c["count"], c["bytes"]] for c in doc["by_caller"]}
    report(got == callers, "%s: by_caller equals the callers of the lines" % d)
    report(doc["nr_callers"] == len(callers), "%s: nr_callers %d" % (d, len(callers)))
print("1..%d" % n)
PY

# --- the free address space: the walk of get_vmalloc_info() again ---
for d in x86_64-6.18-kptr1 vmalloc-real vmalloc-real-arm32; do
	"$MEMSCOPE" --root "$fx/$d" --json vmalloc >"$tmp/$d.walk.json" 2>/dev/null
done
python3 - "$fx" "$tmp" <<'PY'
import json, sys
fx, tmp = sys.argv[1], sys.argv[2]
n = 0
def report(ok, msg):
    global n
    n += 1
    print(("ok" if ok else "not ok"), n, "-", msg)
for d in ("x86_64-6.18-kptr1", "vmalloc-real", "vmalloc-real-arm32"):
    total = None
    for line in open("%s/%s/proc/meminfo" % (fx, d)):
        if line.startswith("VmallocTotal:"):
            total = int(line.split()[1]) * 1024
    busy, pcpu_end = [], None
    for line in open("%s/%s/proc/vmallocinfo" % (fx, d)):
        f = line.split()
        if not f or line.rstrip().endswith("unpurged vm_area"):
            continue
        a, b = (int(x, 16) for x in f[0].split("-"))
        busy.append((a, b))
        if len(f) > 2 and f[2].startswith("pcpu_get_vm_areas+") and "[" not in line:
            pcpu_end = max(pcpu_end or 0, b)
    busy.sort()
    start = pcpu_end - total if pcpu_end else busy[0][0]
    end = start + total
    inside = [(a, b) for a, b in busy if start <= a < end]
    prev, gaps, best = start, 0, (0, start)
    for i, (a, b) in enumerate(inside):
        if a > prev:
            gaps += i > 0
            best = max(best, (a - prev, -prev))
        prev = max(prev, min(b, end))
    best = max(best, (end - prev, -prev))
    got = json.load(open("%s/%s.walk.json" % (tmp, d)))["address_space"]
    want = {"areas_inside": len(inside), "areas_outside": len(busy) - len(inside),
            "free_gaps": gaps, "largest_free_gap_bytes": best[0],
            "largest_free_gap_start": -best[1],
            "used_bytes": sum(b - a for a, b in inside),
            "window_start": start}
    have = dict((k, got[k]) for k in want)
    for k in ("largest_free_gap_start", "window_start"):
        have[k] = int(have[k], 16)
    report(have == want, "%s: the free address space walked again: %s" % (d, "" if have == want else (have, want)))
print("1..%d" % n)
PY

# --- the free address space, worked out by hand in the READMEs ---
# field FILE PYTHON-EXPRESSION-ON-d
field() {
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
v = eval(sys.argv[2])
print("null" if v is None else v)' "$1" "$2"
}
expect_field() {
	got=$(field "$1" "$2")
	if [ "$got" = "$3" ]; then
		ok "$4: $2 = $3"
	else
		not_ok "$4: $2 = $got, want $3"
	fi
}
j=$tmp/vmalloc-real-arm32.json
a='d["address_space"]'
expect_field "$j" "$a[\"window_start\"]" 0xf0000000 arm32
expect_field "$j" "$a[\"window_end\"]" 0xff800000 arm32
expect_field "$j" "$a[\"window_from\"]" percpu arm32
expect_field "$j" "$a[\"areas_inside\"]" 9 arm32
expect_field "$j" "$a[\"areas_outside\"]" 1 arm32
expect_field "$j" "$a[\"free_gaps\"]" 7 arm32
expect_field "$j" 'd["largest_free_gap_bytes"]' 66973696 arm32
expect_field "$j" "$a[\"largest_free_gap_start\"]" 0xf4021000 arm32
expect_field "$j" "$a[\"largest_alloc_bytes\"]" 66969600 arm32
expect_field "$j" "$a[\"used_bytes\"]" 81047552 arm32
expect_field "$j" "$a[\"free_bytes\"]" 178999296 arm32
expect_field "$j" 'd["nodes"]' null arm32
j=$tmp/vmalloc-real.json
expect_field "$j" "$a[\"window_start\"]" 0xffffc8ffffe00400 x86-64
expect_field "$j" "$a[\"free_gaps\"]" 6 x86-64
expect_field "$j" 'd["largest_free_gap_bytes"]' 35184361598976 x86-64
expect_field "$j" "$a[\"largest_alloc_bytes\"]" 35184361594880 x86-64
expect_field "$j" "$a[\"free_bytes\"]" 35184365440000 x86-64
expect_field "$j" "$a[\"span_bytes\"]" 35184369991680 x86-64
expect_field "$j" '[(x["node"], x["pages"], x["regions"]) for x in d["nodes"]]' \
	"[(0, 296, 7), (1, 284, 4)]" x86-64
expect_field "$j" '[(c["count"], c["bytes"], c["pages"]) for c in d["by_caller"] if c["module"] == "memscope_scull"]' \
	"[(2, 73728, 16)]" x86-64
"$MEMSCOPE" --root "$fx/vmalloc-real" --json vmalloc \
	--start 0xffffc90000000000 >"$tmp/start.json" 2>/dev/null
j=$tmp/start.json
expect_field "$j" "$a[\"window_end\"]" 0xffffe8fffffffc00 "--start"
expect_field "$j" "$a[\"window_from\"]" start_option "--start"
expect_field "$j" 'd["largest_free_gap_bytes"]' 35184361598976 "--start"
for d in x86_64-6.18 vmalloc-hidden; do
	"$MEMSCOPE" --root "$fx/$d" --json vmalloc >"$tmp/h.json" 2>/dev/null
	expect_field "$tmp/h.json" 'd["largest_free_gap_bytes"]' null "$d"
	expect_field "$tmp/h.json" '"kptr_restrict=1" in d["address_space_unknown"]' True "$d"
done

# --- without meminfo the window is unknown: a warning, null, exit 0 ---
mkdir -p "$tmp/nomem"
cp -r "$fx/vmalloc-real/meta" "$fx/vmalloc-real/proc" "$tmp/nomem/"
rm "$tmp/nomem/proc/meminfo"
"$MEMSCOPE" --root "$tmp/nomem" --json vmalloc >"$tmp/nomem.json" 2>"$tmp/e"
rc=$?
if [ $rc = 0 ] && [ "$(field "$tmp/nomem.json" 'd["largest_free_gap_bytes"]')" = null ] &&
	[ "$(field "$tmp/nomem.json" 'd["warnings"]')" = "['meminfo: no such file']" ] &&
	[ "$(field "$tmp/nomem.json" '"VmallocTotal" in d["address_space_unknown"]')" = True ]; then
	ok "no meminfo: gap null, a warning, exit 0"
else
	not_ok "no meminfo: exit $rc"
	sed 's/^/#   /' "$tmp/nomem.json" "$tmp/e" | head -20
fi

# --- --watch: NDJSON against a tree rewritten between samples ---
python3 - "$MEMSCOPE" "$fx/vmalloc-real" "$tmp/watch" <<'PY'
import json, os, shutil, signal, subprocess, sys, time
memscope, src, root = sys.argv[1], sys.argv[2], sys.argv[3]
n = 0
def report(ok, msg):
    global n
    n += 1
    print(("ok" if ok else "not ok"), n, "-", msg)
try:
    import jsonschema
    schema = json.load(open("docs/memscope.schema.json"))
    sample_v = jsonschema.Draft7Validator({"$ref": "#/definitions/vmalloc_sample",
                                           "definitions": schema["definitions"]})
except ImportError:
    sample_v = None
    print("# skip: python3-jsonschema is not installed")

shutil.copytree(src, root)
base = open(os.path.join(src, "proc/vmallocinfo")).read().splitlines(True)
def write(lines):
    # a new file renamed over the old one: memscope reads one or the other
    p = os.path.join(root, "proc/vmallocinfo")
    with open(p + ".new", "w") as f:
        f.writelines(lines)
    os.rename(p + ".new", p)

SCULL = ("0xffffc900000c4000-0xffffc900000cd000   36864 scullv_write+0x11c/0x2a0 [memscope_scull] pages=8 vmalloc N0=8\n",
         "0xffffc900000cd000-0xffffc900000d6000   36864 scullv_write+0x11c/0x2a0 [memscope_scull] pages=8 vmalloc N1=8\n")
BPF = "0xffffc900000d6000-0xffffc900000e0000   40960 bpf_prog_alloc_no_stats+0x4f/0x2a0 pages=9 vmalloc N0=9\n"
# sample 2: two more scullv areas, one kernel_clone area less (line 5)
step2 = [l for i, l in enumerate(base) if i != 4] + list(SCULL)
# sample 3: one more BPF program
step3 = step2 + [BPF]

def run(args, steps):
    write(base)
    p = subprocess.Popen([memscope, "--root", root, "vmalloc"] + args,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    lines = []
    for s in steps + [None]:
        line = p.stdout.readline()
        if not line:
            break
        lines.append(line)
        if s is not None:
            write(s)
    rest = p.stdout.read()
    err = p.stderr.read()
    rc = p.wait(timeout=30)
    return rc, lines + ([rest] if rest else []), err

rc, lines, err = run(["--watch", "1", "--count", "3"], [step2, step3])
report(rc == 0 and not err, "watch --count 3 exits 0 quietly (%d %r)" % (rc, err[:200]))
report(len(lines) == 3, "three samples, three lines (%d)" % len(lines))
docs = []
for i, l in enumerate(lines, 1):
    try:
        docs.append(json.loads(l))
        ok = l.endswith("\n") and "\n" not in l[:-1]
    except ValueError:
        ok = False
    report(ok, "line %d is one JSON object" % i)
    if sample_v and ok:
        errs = list(sample_v.iter_errors(docs[-1]))
        report(not errs, "line %d validates as vmalloc_sample %s" % (i, errs[0].message[:200] if errs else ""))
if len(docs) == 3:
    d1, d2, d3 = docs
    report([d["sample"] for d in docs] == [1, 2, 3], "samples are numbered 1, 2, 3")
    report(d1["deltas"] is None and d1["totals_delta"] is None,
           "the first sample has no deltas")
    report(d1["totals"] == {"regions": 17, "bytes": 6684672, "pages": 580},
           "sample 1 totals are the fixture's")
    want = {"regions": 1, "bytes": 2 * 36864 - 20480, "pages": 16 - 4}
    report(d2["totals_delta"] == want, "sample 2 totals_delta %s" % d2["totals_delta"])
    by = {(x["name"], x["module"]): x for x in d2["deltas"]}
    s = by.get(("scullv_write", "memscope_scull"), {})
    report((s.get("count"), s.get("delta_count"), s.get("delta_bytes"), s.get("delta_pages")) == (4, 2, 73728, 16),
           "sample 2: scullv_write grew by 2 areas, 73728 bytes, 16 pages")
    k = by.get(("kernel_clone", None), {})
    report((k.get("delta_count"), k.get("delta_bytes"), k.get("delta_pages")) == (-1, -20480, -4),
           "sample 2: kernel_clone shrank by one area")
    report(len(by) == 2 and d2["deltas"][0]["name"] == "scullv_write",
           "sample 2: only the changed callers, growth first")
    report(d2["deltas"][0]["bytes_per_s"] > 0, "sample 2: a positive rate for growth")
    by = {(x["name"], x["module"]): x for x in d3["deltas"]}
    b = by.get(("bpf_prog_alloc_no_stats", None), {})
    report(list(by) == [("bpf_prog_alloc_no_stats", None)] and
           (b.get("delta_count"), b.get("delta_bytes"), b.get("delta_pages")) == (1, 40960, 9),
           "sample 3: only the new BPF program changed since sample 2")
    by = {(x["name"], x["module"]): x for x in d3["deltas_since_start"]}
    report(by.get(("scullv_write", "memscope_scull"), {}).get("delta_bytes") == 73728 and
           by.get(("bpf_prog_alloc_no_stats", None), {}).get("delta_bytes") == 40960 and
           by.get(("kernel_clone", None), {}).get("delta_bytes") == -20480 and len(by) == 3,
           "sample 3: deltas since the first sample")
    report(d3["totals_since_start"] == {"regions": 2, "bytes": 73728 - 20480 + 40960, "pages": 12 + 9},
           "sample 3: totals since the first sample")
    report(d3["largest_free_gap_bytes"] == 35184361598976 and d3["since_start_s"] >= 1.5 and
           0.5 <= d3["elapsed_s"] < d3["since_start_s"] and d1["elapsed_s"] is None and d3["interval_s"] == 1,
           "sample 3: the free gap and the time since the start")

rc, lines, err = run(["--by", "module", "--count", "2", "--watch=1"], [step2])
docs = [json.loads(l) for l in lines]
report(rc == 0 and len(docs) == 2, "--by module --count 2: two lines")
if len(docs) == 2:
    by = {x["name"]: x for x in docs[1]["deltas"]}
    report(docs[1]["by"] == "module" and
           (by.get("memscope_scull", {}).get("delta_count"), by.get(None, {}).get("delta_count")) == (2, -1),
           "--by module: memscope_scull +2 areas, built-in code -1")

rc, lines, err = run(["--by", "type", "--count", "2", "--top", "1"], [step3])
docs = [json.loads(l) for l in lines]
if len(docs) == 2:
    report([(x["name"], x["delta_count"]) for x in docs[1]["deltas"]] == [("vmalloc", 2)],
           "--by type --top 1: vmalloc +2 areas, one group listed")
else:
    report(False, "--by type: two lines (%d)" % len(docs))

# on a terminal: a redrawn table of the changes, read through a pty
import pty, select
def pty_run(args, steps):
    """runs memscope on a pty; the tree becomes steps[0] after screen 1"""
    write(base)
    master, slave = pty.openpty()
    p = subprocess.Popen([memscope, "--root", root] + args, stdin=slave,
                         stdout=slave, stderr=slave,
                         env=dict(os.environ, TERM="xterm"))
    os.close(slave)
    out, steps = b"", list(steps)
    while True:
        r, _, _ = select.select([master], [], [], 10)
        if not r:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        # the first screen is whole: the tree changes for the second
        if steps and b"show from the next one.\r\n" in out:
            write(steps.pop(0))
    rc = p.wait(timeout=10)
    os.close(master)
    return rc, out.decode().replace("\r", "")
rc, screen = pty_run(["vmalloc", "--watch", "1", "--count", "2"], [step2])
last = screen.split("\033[H\033[2J")[-1].splitlines()
want = ["       4    144 KiB       +2  +72.0 KiB  +72.0 KiB  scullv_write [memscope_scull]",
        "       1   20.0 KiB       -1  -20.0 KiB  -20.0 KiB  kernel_clone"]
report(rc == 0 and screen.count("\033[H\033[2J") == 2 and last[-2:] == want and
       "Areas 18, size 6.43 MiB (+1 areas, +52.0 KiB since the first sample)" in last,
       "terminal: the second screen lists the changed callers %s" % ("" if last[-2:] == want else last))

# a signal ends the loop between two complete samples, with status 0
for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
    write(base)
    p = subprocess.Popen([memscope, "--root", root, "vmalloc", "--watch", "0.2"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = p.stdout.readline()
    second = p.stdout.readline()
    p.send_signal(sig)
    try:
        rc = p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        rc = "hung"
    rest = p.stdout.read().splitlines()
    ok = True
    for l in [first, second] + rest:
        try:
            json.loads(l)
        except ValueError:
            ok = False
    report(rc == 0 and ok and first and second,
           "%s ends --watch with status 0 after whole lines (%s)" % (sig.name, rc))
print("1..%d" % n)
PY

# --- --watch on a terminal: the screen redrawn, or plain with --no-color ---
if command -v script >/dev/null; then
	TERM=xterm script -qec "'$MEMSCOPE' --root '$fx/vmalloc-real' vmalloc --watch 0.1 --count 2" \
		/dev/null >"$tmp/tty" 2>&1 </dev/null
	rc=$?
	clears=$(grep -c "$(printf '\033\\[H\033\\[2J')" "$tmp/tty")
	if [ $rc = 0 ] && [ "$clears" = 2 ] && grep -q "sample 2" "$tmp/tty" &&
		grep -q "No caller changed since the first sample" "$tmp/tty"; then
		ok "terminal: each sample clears the screen and redraws"
	else
		not_ok "terminal: exit $rc, $clears clears"
		sed 's/^/#   /' "$tmp/tty" | cat -v | head -20
	fi
	TERM=xterm script -qec "'$MEMSCOPE' --root '$fx/vmalloc-real' --no-color vmalloc --watch 0.1 --count 2" \
		/dev/null >"$tmp/tty" 2>&1 </dev/null
	if ! grep -q "$(printf '\033')" "$tmp/tty" && [ "$(grep -c '^vmalloc by caller: sample' "$tmp/tty")" = 2 ]; then
		ok "terminal with --no-color: no escape sequence, samples one after the other"
	else
		not_ok "terminal with --no-color"
		sed 's/^/#   /' "$tmp/tty" | cat -v | head -20
	fi
	TERM=xterm script -qec "'$MEMSCOPE' --root '$fx/vmalloc-real' --json vmalloc --watch 0.1 --count 2" \
		/dev/null >"$tmp/tty" 2>&1 </dev/null
	if tr -d '\r' <"$tmp/tty" | python3 -c 'import json, sys
lines = sys.stdin.read().splitlines()
assert len(lines) == 2, lines
for l in lines:
    json.loads(l)'; then
		ok "terminal with --json: NDJSON"
	else
		not_ok "terminal with --json: NDJSON"
	fi
else
	skip "no script(1): terminal tests"
fi

# --- not root: the file is root-only, and memscope says so ---
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null &&
	[ -r /proc/vmallocinfo ]; then
	setpriv --reuid=65534 --regid=65534 --clear-groups "$MEMSCOPE" vmalloc \
		>"$tmp/o" 2>"$tmp/e"
	rc=$?
	if [ $rc = 1 ] && [ ! -s "$tmp/o" ] && [ "$(cat "$tmp/e")" = \
		"memscope: vmallocinfo: permission denied (this file is readable by root only)" ]; then
		ok "not root: vmalloc says the file is root-only, exit 1"
	else
		not_ok "not root: exit $rc"
		sed 's/^/#   /' "$tmp/e"
	fi
	setpriv --reuid=65534 --regid=65534 --clear-groups "$MEMSCOPE" --json \
		summary >"$tmp/o" 2>"$tmp/e"
	rc=$?
	if [ $rc = 0 ] && [ "$(field "$tmp/o" 'd["vmalloc"]')" = null ] &&
		grep -q "vmallocinfo: permission denied" "$tmp/o"; then
		ok "not root: summary warns and has vmalloc null"
	else
		not_ok "not root: summary exit $rc"
	fi
	"$MEMSCOPE" vmalloc >/dev/null 2>"$tmp/e" && ok "root: vmalloc runs live" ||
		not_ok "root: vmalloc runs live: $(cat "$tmp/e")"
else
	skip "not root or no setpriv: permission tests"
fi
done_testing
