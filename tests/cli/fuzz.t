#!/bin/sh
# A short libFuzzer run of every harness (tests/fuzz/): FUZZ_SMOKE_TIME
# seconds each (default 3) under ASan and UBSan, seeded from the fixtures
# and the corpus. "make fuzz" runs them for longer. Skipped when clang or
# its libFuzzer runtime is missing.
. "$(dirname "$0")/lib.sh"
cc=${FUZZ_CC:-clang}
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\n{ return d && n; }\n' >"$tmp/t.c"
if ! command -v "$cc" >/dev/null 2>&1 ||
	! "$cc" -fsanitize=fuzzer,address,undefined -o "$tmp/t" "$tmp/t.c" \
		>/dev/null 2>&1; then
	skip "no $cc with libFuzzer (Debian: clang libclang-rt-14-dev): fuzz smoke run"
	done_testing
	exit 0
fi
cd "$top" || exit 1
# The harnesses build with the sanitizers of their own, not SANITIZE.
if ! ${MAKE:-make} --no-print-directory -s fuzz-build >"$tmp/build" 2>&1; then
	not_ok "build the fuzz harnesses"
	sed 's/^/#   /' "$tmp/build" | tail -20
	done_testing
	exit 0
fi
ok "build the fuzz harnesses"
sh tests/fuzz/run.sh --smoke >"$tmp/run"
# renumbered to follow the build test
awk -v n="$n" '/^(not )?ok /{ n++; sub(/ok [0-9]+/, "ok " n) } !/^1\.\./{ print }' \
	"$tmp/run"
n=$((n + $(grep -c '^\(not \)\{0,1\}ok ' "$tmp/run")))
done_testing
