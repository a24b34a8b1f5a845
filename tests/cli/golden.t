#!/bin/sh
# Golden tests: each line of tests/cases is "SCENARIO CASE ARGS...". The
# runner runs "memscope --root tests/fixtures/SCENARIO ARGS" (no --root
# for scenario "-") from the top directory and compares stdout with
# tests/expected/SCENARIO/CASE.out, and stderr plus the exit status with
# CASE.err. A missing expected file is written and the case fails, as in
# git's t4013; "make update-golden" rewrites them all (review the diff).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
while read -r scenario case args; do
	case "$scenario" in '#'* | '') continue ;; esac
	exp=tests/expected/$scenario
	if [ "$scenario" = - ]; then
		set -- $args
	else
		set -- --root "tests/fixtures/$scenario" $args
	fi
	"$MEMSCOPE" "$@" >"$tmp/out" 2>"$tmp/err"
	echo "exit $?" >>"$tmp/err"
	# sanitizer reports are never part of a golden file
	if grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' \
		-e 'ERROR: LeakSanitizer' "$tmp/err"; then
		not_ok "$scenario/$case: sanitizer report"
		sed 's/^/#   /' "$tmp/err" | head -40
		continue
	fi
	if [ -n "$UPDATE_GOLDEN" ] || [ ! -f "$exp/$case.out" ]; then
		mkdir -p "$exp"
		new=
		[ -f "$exp/$case.out" ] || new=1
		cp "$tmp/out" "$exp/$case.out"
		cp "$tmp/err" "$exp/$case.err"
		if [ -n "$new" ] && [ -z "$UPDATE_GOLDEN" ]; then
			not_ok "$scenario/$case: expected output missing; written, review it"
			continue
		fi
	fi
	if diff -u "$exp/$case.out" "$tmp/out" >"$tmp/diff" &&
		diff -u "$exp/$case.err" "$tmp/err" >>"$tmp/diff"; then
		ok "$scenario/$case"
	else
		not_ok "$scenario/$case: $*"
		sed 's/^/#   /' "$tmp/diff" | head -60
	fi
done <tests/cases
done_testing
