#!/bin/sh
# memscope explain reading standard input: the same answer as from a
# file, a log cut short still gives its report plus warnings, a log with
# no report and input that is no log, and the JSON contract (reports with
# order, mode, gfp_flags and zones of node, zone, free/min/low/high kB
# and free blocks by order).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
kmsg=tests/fixtures/kmsg

# expect STATUS PATTERN DESCRIPTION COMMAND...: exit status and stderr
expect() {
	want=$1 pat=$2 d=$3
	shift 3
	timeout 20 "$@" >"$tmp/o" 2>"$tmp/e"
	got=$?
	if [ "$got" = "$want" ] && grep -q -e "$pat" "$tmp/e"; then
		ok "$d"
	else
		not_ok "$d (exit $got, want $want)"
		sed 's/^/#   /' "$tmp/e" | head -5
	fi
}

# A pipe, '-' or no FILE, reads what a file would.
for f in 6.8-numa 4.4-hex 5.10-two-reports; do
	"$MEMSCOPE" explain - <"$kmsg/$f.log" >"$tmp/dash" 2>/dev/null
	check "$f: explain - equals the golden output" \
		cmp "$tmp/dash" "tests/expected/kmsg/$f.out"
done
cat "$kmsg/6.8-numa.log" | "$MEMSCOPE" explain >"$tmp/none" 2>"$tmp/err"
check "no FILE reads standard input" cmp "$tmp/none" tests/expected/kmsg/6.8-numa.out
check "no FILE: nothing on stderr" test ! -s "$tmp/err"

# The answer of the reference example is there, with its numbers:
# 3800 - 3 = 3797 > 3432 mark, and no block of order 2 or more.
"$MEMSCOPE" explain - <"$kmsg/6.8-numa.log" >"$tmp/dash.6.8" 2>/dev/null
tr -s ' \n' '  ' <"$tmp/dash.6.8" >"$tmp/flat.6.8"
check "6.8: Node 0 Normal passes the count, without a block of order 2" \
	grep -q '0/Normal no block of the order or larger: 3800 free - 3 = 3797 > 3432 mark (min 9149) + 0 reserve; largest block it may use: order 1' "$tmp/flat.6.8"
check "6.8: Node 1 Normal is below the watermark" \
	grep -q '1/Normal below watermark: 2500 free - 3 = 2497 <= 3432 mark' "$tmp/flat.6.8"
check "6.8: the verdict is fragmentation" \
	grep -q '^  verdict  *no block of the order or larger' "$tmp/dash.6.8"

# A log that ends within a report: the report, and warnings that name
# standard input and the line.
head -n 30 "$kmsg/6.8-numa.log" | "$MEMSCOPE" explain - >"$tmp/cut" 2>"$tmp/cut.err"
rc=$?
check "a log cut mid-report exits 0" test "$rc" = 0
check "a log cut mid-report still gives its report" \
	grep -q '^Report 1, line 1: page allocation failure, order 2' "$tmp/cut"
check "a log cut mid-report warns about the missing free-area lines" \
	grep -q "^memscope: warning: (standard input):.*no free-area line for zone 'Node 0 Normal'" "$tmp/cut.err"
expect 0 "warning: (standard input):23: zone line cut short at 'mlo'" \
	"truncated lines are warnings with their line" \
	"$MEMSCOPE" explain - <"$kmsg/truncated.log"
check "the truncated report is still explained" \
	grep -q '^Report 1, line 1: page allocation failure, order 3' "$tmp/o"
"$MEMSCOPE" --json explain - <"$kmsg/truncated.log" >"$tmp/cut.json" 2>"$tmp/cut.err"
check "JSON: the warnings are in the document, not on stderr" \
	grep -q '"(standard input):23: zone line cut short at' "$tmp/cut.json"
check "JSON: stderr stays empty" test ! -s "$tmp/cut.err"

# No report: a message and exit 0; JSON has an empty reports array.
printf 'Nov 22 03:00:00 host kernel: e1000e: eth0 NIC Link is Up\n' >"$tmp/quiet.log"
"$MEMSCOPE" explain - <"$tmp/quiet.log" >"$tmp/q" 2>&1
rc=$?
check "no report: exit 0" test "$rc" = 0
check "no report: says so" grep -q '^no page allocation failure found in (standard input), 1 line read$' "$tmp/q"
"$MEMSCOPE" --json explain - <"$tmp/quiet.log" >"$tmp/q.json"
check "no report: JSON reports is empty" grep -q '"reports": \[\]' "$tmp/q.json"
"$MEMSCOPE" explain - </dev/null >"$tmp/empty" 2>&1
rc=$?
check "empty input: exit 0, no report" test "$rc" = 0
check "empty input: says so" grep -q '^no page allocation failure found' "$tmp/empty"

# Input that is no log: exit 1 and a line that says why.
expect 1 "(standard input):1: expected text, found byte 0x01 (not a kernel log)" \
	"a binary file on standard input is an error" \
	"$MEMSCOPE" explain - <tests/fixtures/bad-buddyinfo-binary/proc/buddyinfo
expect 1 "bin.dat:1: expected text, found a NUL byte" \
	"a file with NUL bytes is an error" \
	sh -c 'printf "page allocation failure\0\n" >"$1/bin.dat" && cd "$1" && "$2" explain bin.dat' \
	sh "$tmp" "$MEMSCOPE"
check "nothing on stdout for a binary file" test ! -s "$tmp/o"
gzip -c "$kmsg/6.8-numa.log" >"$tmp/kern.log.gz"
expect 1 "kern.log.gz: expected text, found a gzip-compressed file (zcat it first)" \
	"a compressed log is named as such" "$MEMSCOPE" explain "$tmp/kern.log.gz"
expect 1 "/dev/zero: not a regular file or a pipe" "a device is refused" \
	"$MEMSCOPE" explain /dev/zero
expect 1 "(standard input): larger than the 256 MiB input limit" \
	"standard input is bounded too" \
	sh -c 'head -c 300000000 /dev/zero | "$1" explain -' sh "$MEMSCOPE"

# dmesg --color=always and CRLF line ends read as plain text.
sed 's/^\(\[[^]]*\]\)/\x1b[32m\1\x1b[0m/; s/page allocation failure/\x1b[1;31m&\x1b[0m/' \
	"$kmsg/6.8-numa.log" >"$tmp/color.log"
"$MEMSCOPE" explain "$tmp/color.log" >"$tmp/color" 2>&1
check "colored dmesg gives the same answer" cmp "$tmp/color" tests/expected/kmsg/6.8-numa.out
sed 's/$/\r/' "$kmsg/4.4-hex.log" | "$MEMSCOPE" explain - >"$tmp/crlf" 2>&1
check "CRLF line ends give the same answer" cmp "$tmp/crlf" tests/expected/kmsg/4.4-hex.out

# Without FILE on a terminal: a usage error, not a wait for input.
if command -v script >/dev/null 2>&1; then
	script -qec "$MEMSCOPE explain" /dev/null </dev/null >"$tmp/tty" 2>&1
	rc=$?
	check "no FILE on a terminal: exit 2" test "$rc" = 2
	check "no FILE on a terminal: says what to do" \
		grep -q "expected a FILE, or '-' for standard input: dmesg | memscope explain -" "$tmp/tty"
else
	skip "no script(1): terminal test"
fi

# The JSON contract.
if command -v python3 >/dev/null 2>&1; then
	for f in "$kmsg"/*.log; do
		"$MEMSCOPE" --json explain - <"$f" >"$tmp/doc.json" 2>/dev/null
		if python3 - "$tmp/doc.json" >"$tmp/py" 2>&1 <<'PY'; then
import json, sys
doc = json.load(open(sys.argv[1]))
assert isinstance(doc["reports"], list)
assert doc["input"] == "-"
for r in doc["reports"]:
    for k in ("order", "mode", "gfp_flags", "zones"):
        assert k in r, k
    assert r["order"] is None or isinstance(r["order"], int)
    assert r["mode"] is None or r["mode"].startswith("0x")
    if r["mode"] is not None:
        assert int(r["mode"], 16) == r["mode_value"]
        assert isinstance(r["gfp_flags"], str)
    for z in r["zones"]:
        for k in ("node", "zone", "free_kb", "min_kb", "low_kb", "high_kb",
                  "free_blocks"):
            assert k in z, k
        if z["free_blocks"] is not None and z["free_area_total_kb"] is not None:
            # the printed total is the sum of the blocks, but for the
            # one line of truncated.log whose total was misprinted
            unit = r["page_size_kb"]
            s = sum(n * unit << o for o, n in enumerate(z["free_blocks"]))
            assert s == z["free_area_total_kb"] or \
                any("differs from the printed total" in w["message"]
                    for w in r["warnings"]), (z["zone"], s)
PY
			ok "$(basename "$f"): JSON has the contract keys"
		else
			not_ok "$(basename "$f"): JSON has the contract keys"
			sed 's/^/#   /' "$tmp/py" | tail -5
		fi
	done
	"$MEMSCOPE" --json explain "$kmsg/5.10-two-reports.log" >"$tmp/two.json"
	check "JSON: one object per report, vmalloc included" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [(r["kind"], r["line"], r["order"]) for r in d["reports"]] == \
    [("page_alloc", 1, 3), ("vmalloc", 39, None)], d["reports"]
z = d["reports"][0]["zones"][2]
assert (z["node"], z["zone"], z["free_kb"], z["min_kb"], z["low_kb"],
        z["high_kb"]) == (0, "Normal", 20000, 45056, 56320, 67584), z
assert z["free_blocks"][:4] == [4200, 392, 0, 2], z["free_blocks"]
assert z["test"]["verdict"] == "no_block"
' "$tmp/two.json"
	"$MEMSCOPE" --json explain "$kmsg/4.4-hex.log" >"$tmp/hex.json"
	check "JSON: names decoded when the kernel printed none" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["reports"][0]
assert (r["mode"], r["gfp_flags"], r["gfp_flags_decoded"]) == \
    ("0x2080020", "GFP_ATOMIC", True), r
assert r["zones"][0]["node"] is None
' "$tmp/hex.json"
else
	skip "no python3: JSON contract"
fi
done_testing
