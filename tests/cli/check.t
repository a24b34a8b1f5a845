#!/bin/sh
# memscope check: the Nagios exit code for each threshold case, on
# hand-written captures whose headroom is worked out by hand:
#   synthetic-tight: Normal free 3442, min 9149; GFP_ATOMIC lowers min to
#     9149 - 4574 = 4575, then 4575 - 1143 = 3432, so 3442 - 3432 = 10
#     order-0 requests succeed (DMA32 and DMA are below their marks plus
#     protection): risk high (10 < min/8 = 1143 pages).
#   synthetic-exhausted: Normal free 3000 < 3432: every zone fails.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures
st() {
	want=$1 d=$2
	shift 2
	"$MEMSCOPE" "$@" >"$tmp/o" 2>"$tmp/e"
	got=$?
	if [ "$got" = "$want" ]; then
		ok "$d (exit $got)"
	else
		not_ok "$d (exit $got, want $want)"
		sed 's/^/#   /' "$tmp/o" "$tmp/e" | head -5
	fi
}
t="--root $fx/synthetic-tight"
x="--root $fx/synthetic-exhausted"
st 1 "risk high is WARNING" $t check --order 0
grep -q '^MEMSCOPE WARNING - GFP_ATOMIC order 0: 10 more would succeed' "$tmp/o" &&
	ok "status line shows the hand-computed headroom 10" ||
	not_ok "status line shows the hand-computed headroom 10"
grep -q '| headroom=10;;;0 ' "$tmp/o" && ok "perfdata headroom=10;;;0" ||
	not_ok "perfdata headroom=10;;;0"
st 2 "risk fail is CRITICAL" $x check --order 0
st 0 "10 left, --warn 10: not below, OK" $t check --order 0 --warn 10
st 1 "10 left, --warn 11: WARNING" $t check --order 0 --warn 11
st 2 "10 left, --crit 11: CRITICAL" $t check --order 0 --warn 20 --crit 11
st 1 "10 left, --crit 10 --warn 11: WARNING" $t check --order 0 --warn 11 --crit 10
st 0 "10 left, --crit 5: OK (thresholds replace the risk level)" $t check --order 0 --crit 5
grep -q '| headroom=10;;5;0 ' "$tmp/o" && ok "perfdata carries the thresholds" ||
	not_ok "perfdata carries the thresholds"
st 2 "order 2 has no block: CRITICAL" $t check --order 2
st 1 "order 1: one block left: WARNING" $t check --order 1
st 3 "no --order: UNKNOWN" $t check
st 3 "bad option: UNKNOWN" $t check --order 0 --bogus
st 3 "--crit above --warn: UNKNOWN" $t check --order 0 --warn 5 --crit 10
st 3 "missing zoneinfo: UNKNOWN" --root "$fx/buddyinfo-only" check --order 0
grep -q '^MEMSCOPE UNKNOWN' "$tmp/o" && ok "UNKNOWN has a status line" ||
	not_ok "UNKNOWN has a status line"
st 3 "order beyond the kernel's: UNKNOWN" $t check --order 11
st 2 "JSON output keeps the exit code" --json $x check --order 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["status"]=="CRITICAL" and d["exit_code"]==2 and d["headroom_total"]==0' "$tmp/o" &&
	ok "JSON status document" || not_ok "JSON status document"
done_testing
