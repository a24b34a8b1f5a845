#!/bin/sh
# What memscope loads at start: libproc2 (with libsystemd and six more
# libraries behind it) is opened only when "memscope top" shows the
# processes, so the commands that read /proc files start without it.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures/x86_64-6.18
for args in "--json summary" "zones" "frag" "atomic --order 0" \
	    "slab --once" "vmalloc" "top --once"; do
	# shellcheck disable=SC2086
	LD_DEBUG=files "$MEMSCOPE" --root "$fx" $args >/dev/null 2>"$tmp/ld"
	rc=$?
	if [ "$rc" = 0 ] && grep -q 'file=libjansson' "$tmp/ld" &&
	   ! grep -Eq 'file=lib(proc2|systemd)' "$tmp/ld"; then
		ok "memscope $args: libproc2 and libsystemd not loaded"
	else
		not_ok "memscope $args: libproc2 and libsystemd not loaded (exit $rc)"
		grep -E 'file=lib' "$tmp/ld" | sed 's/^/#   /' | head -20
	fi
done
done_testing
