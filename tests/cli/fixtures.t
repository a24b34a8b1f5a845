#!/bin/sh
# Every capture under tests/fixtures that holds the kernel's own debugfs
# extfrag files (captured together with its buddyinfo by memscope
# snapshot) must be reproduced byte for byte by "memscope frag --debugfs".
# Captures made in QEMU guests of other shapes count the same way.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
for d in tests/fixtures/*/; do
	d=${d%/}
	x=$d/sys/kernel/debug/extfrag
	[ -f "$x/unusable_index" ] && [ -f "$x/extfrag_index" ] || continue
	{
		echo "==> extfrag/unusable_index <=="
		cat "$x/unusable_index"
		echo
		echo "==> extfrag/extfrag_index <=="
		cat "$x/extfrag_index"
	} >"$tmp/kernel"
	if "$MEMSCOPE" --root "$d" frag --debugfs >"$tmp/ours" 2>"$tmp/err" &&
		diff -u "$tmp/kernel" "$tmp/ours" >"$tmp/diff"; then
		ok "$(basename "$d"): frag equals the captured kernel extfrag files"
	else
		not_ok "$(basename "$d"): frag differs from the captured kernel files"
		sed 's/^/#   /' "$tmp/diff" "$tmp/err" | head -30
	fi
done
done_testing
