#!/bin/sh
# Runs every test of "make check" and ends with "N passed, N failed".
#
#   unit tests   build/tests/test_* (cmocka): their own pass/fail counts
#   cli tests    tests/cli/*.t (TAP, run with sh): one count per ok/not ok
#
# Environment: MEMSCOPE (the binary), BUILD (build directory), MS_CORPUS
# (the shared corpus, default ../shared/corpus), SANITIZE (set by make).
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
: "${BUILD:=build}"
: "${MEMSCOPE:=$top/$BUILD/memscope}"
: "${MS_CORPUS:=$top/../shared/corpus}"
: "${MS_FIXTURES:=$top/tests/fixtures}"
# Debian's python3 first: it has python3-jsonschema, which make check
# installs; an interpreter earlier in PATH (pyenv, venv) may not.
PATH=/usr/bin:$PATH
LC_ALL=C
TZ=UTC
COLUMNS=80
export MEMSCOPE MS_CORPUS MS_FIXTURES LC_ALL TZ COLUMNS BUILD PATH
[ -d "$MS_CORPUS" ] || echo "note: no corpus at $MS_CORPUS; corpus tests skip"
# Sanitizer runs: leaks are errors, and the first report fails the test.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

passed=0
failed=0
log=$(mktemp)
fails=$(mktemp)
again=$(mktemp)
trap 'rm -f "$log" "$fails" "$again"' EXIT

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	case "$t" in *.d) continue ;; esac
	"$t" >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # crashed or sanitizer report
	fi
	if [ "$f" -ne 0 ]; then
		cat "$log"
		grep '^\[  FAILED  \] [^0-9]' "$log" |
			sed "s|^|unit: $(basename "$t"): |" >>"$fails"
		[ "$rc" -ne 0 ] && echo "unit: $(basename "$t"): exit status $rc" >>"$fails"
	fi
	echo "unit: $(basename "$t"): $p passed, $f failed"
	passed=$((passed + p))
	failed=$((failed + f))
done

for t in tests/cli/*.t; do
	[ -f "$t" ] || continue
	sh "$t" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $t exited with status $rc" >>"$log"
	fi
	grep -v "^ok " "$log" | grep -v "^1\.\." | head -200
	grep '^not ok ' "$log" | sed "s|^|cli: $(basename "$t"): |" >>"$fails"
	grep '^# skip' "$log"
	echo "cli: $(basename "$t"): $p passed, $f failed"
	passed=$((passed + p))
	failed=$((failed + f))
done

# The companion module in QEMU guests (KMOD=0 skips it).
if [ "${KMOD:-1}" != 0 ]; then
	sh tests/kmod/run.sh >"$log" 2>&1
	rc=$?
	line=$(tail -1 "$log")
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		p=0
		f=1
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	[ "$f" -ne 0 ] && grep -v '^ok ' "$log" | tail -60
	grep '^[^#]*not ok ' "$log" | sed 's|^|kmod: |' >>"$fails"
	grep '^# .*: first boot: ' "$log" | sed 's|^# |kmod: |' >>"$again"
	[ "$f" -ne 0 ] && [ -z "$(grep '^[^#]*not ok ' "$log")" ] &&
		echo "kmod: exit status $rc: $line" >>"$fails"
	echo "kmod: tests/kmod/run.sh: $p passed, $f failed"
	passed=$((passed + p))
	failed=$((failed + f))
fi

# What failed, again, just above the last line: a long log's tail shows it.
if [ -s "$again" ]; then
	echo "# failed on a guest's first boot, counted from its second:"
	sed 's/^/#   /' "$again"
fi
if [ -s "$fails" ]; then
	echo "# failed:"
	sed 's/^/#   /' "$fails"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
