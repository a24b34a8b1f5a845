#!/bin/sh
# Runs the libFuzzer harnesses built by "make fuzz-build".
#
#   sh tests/fuzz/run.sh [--smoke] [HARNESS...]
#
# Without --smoke each harness runs for FUZZ_TIME seconds (default 60),
# or FUZZ_RUNS executions when set, FUZZ_JOBS (default 2) at a time;
# what it finds is kept in build-fuzz/corpus/HARNESS/ for the next run.
# --smoke runs each for FUZZ_SMOKE_TIME seconds (default 3) on a copy of
# the seeds, and prints TAP. A crash leaves its input in
# build-fuzz/crashes/ and fails the run.
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
b=build-fuzz
smoke=
if [ "$1" = --smoke ]; then
	smoke=1
	shift
fi
names=$*
if [ -z "$names" ]; then
	for f in tests/fuzz/fuzz_*.c; do
		f=${f##*/fuzz_}
		names="$names ${f%.c}"
	done
fi
sh tests/fuzz/seeds.sh "$b/seeds" || exit 1
# Smoke runs log apart, so that one inside make check cannot mix its
# lines into the log of a long run going on at the same time.
logs=$b/logs
[ -n "$smoke" ] && logs=$b/smoke-logs
mkdir -p "$b/crashes" "$logs"
: "${FUZZ_JOBS:=2}"
: "${FUZZ_SMOKE_TIME:=3}"
: "${FUZZ_TIME:=60}"
# ASan and UBSan stop at the first report; leaks count as crashes.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS UBSAN_OPTIONS

# one NAME: fuzz one harness, log to $logs/NAME.log
one() {
	bin=$b/fuzz_$1
	log=$logs/$1.log
	if [ -n "$smoke" ]; then
		corpus=$b/smoke/$1
		rm -rf "$corpus"
		mkdir -p "$corpus"
		limit=-max_total_time=$FUZZ_SMOKE_TIME
	else
		corpus=$b/corpus/$1
		mkdir -p "$corpus"
		if [ -n "$FUZZ_RUNS" ]; then
			limit=-runs=$FUZZ_RUNS
		else
			limit=-max_total_time=$FUZZ_TIME
		fi
	fi
	# Inputs up to 8 KiB (16 KiB for the three files of atomic): longer
	# seeds are cut there, which keeps every line type and runs faster.
	max_len=8192
	[ "$1" = atomic ] && max_len=16384
	"$bin" "$limit" -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$b/crashes/$1-" \
		"$corpus" "$b/seeds/$1" >"$log" 2>&1
}

# stats NAME: "N execs in S s" from the log
stats() {
	printf '%s execs, %s exec/s' \
		"$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$1.log" | tail -n 1)" \
		"$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logs/$1.log" | tail -n 1)"
}

fail=0
i=0
set -- $names
while [ $# -gt 0 ]; do
	pids=
	batch=
	j=0
	while [ $# -gt 0 ] && [ $j -lt "$FUZZ_JOBS" ]; do
		one "$1" &
		pids="$pids $!"
		batch="$batch $1"
		shift
		j=$((j + 1))
	done
	set -- "$@"
	k=0
	for pid in $pids; do
		k=$((k + 1))
		name=$(echo $batch | cut -d' ' -f$k)
		i=$((i + 1))
		if wait "$pid"; then
			echo "ok $i - fuzz_$name: $(stats "$name")"
		else
			fail=1
			echo "not ok $i - fuzz_$name: see $logs/$name.log"
			grep -aE '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' \
				"$logs/$name.log" | head -8 | sed 's/^/#   /'
		fi
	done
done
echo "1..$i"
exit $fail
