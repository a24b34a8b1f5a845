#!/bin/sh
# memscope frag on this machine against the kernel's own answer,
# /sys/kernel/debug/extfrag/{unusable_index,extfrag_index}. debugfs is
# mounted when root and not mounted; the test is skipped when not root.
#
# buddyinfo and the debugfs files are separate reads, so the three are
# read until buddyinfo is the same before and after the debugfs reads
# (each line of each file is one consistent snapshot under the zone
# lock, see mm/vmstat.c); then memscope reads that buddyinfo.
. "$(dirname "$0")/lib.sh"
d=/sys/kernel/debug
if [ "$(id -u)" != 0 ]; then
	skip "not root: cannot read debugfs"
	done_testing
	exit 0
fi
if [ ! -r $d/extfrag/unusable_index ]; then
	mount -t debugfs none $d 2>/dev/null
fi
if [ ! -r $d/extfrag/unusable_index ]; then
	skip "no debugfs extfrag files (CONFIG_DEBUG_FS or CONFIG_COMPACTION off)"
	done_testing
	exit 0
fi
mkdir -p "$tmp/root/proc"
tries=0
while :; do
	tries=$((tries + 1))
	cat /proc/buddyinfo >"$tmp/b1"
	cat $d/extfrag/unusable_index >"$tmp/unusable"
	cat $d/extfrag/extfrag_index >"$tmp/extfrag"
	cat /proc/buddyinfo >"$tmp/b2"
	cmp -s "$tmp/b1" "$tmp/b2" && break
	if [ $tries -ge 200 ]; then
		not_ok "buddyinfo kept changing over 200 reads"
		done_testing
		exit 0
	fi
done
echo "# consistent read after $tries tries"
cp "$tmp/b1" "$tmp/root/proc/buddyinfo"
uname -r >"$tmp/release"
{
	echo "==> extfrag/unusable_index <=="
	cat "$tmp/unusable"
	echo
	echo "==> extfrag/extfrag_index <=="
	cat "$tmp/extfrag"
} >"$tmp/kernel"
"$MEMSCOPE" --root "$tmp/root" --kernel "$(uname -r)" frag --debugfs \
	>"$tmp/ours" 2>"$tmp/err"
if diff -u "$tmp/kernel" "$tmp/ours" >"$tmp/diff"; then
	ok "frag --debugfs equals the kernel's extfrag files byte for byte"
else
	not_ok "frag --debugfs differs from the kernel"
	sed 's/^/#   /' "$tmp/diff"
fi
# The JSON numbers, compared as numbers with the kernel's text.
"$MEMSCOPE" --root "$tmp/root" --json frag >"$tmp/json" 2>/dev/null
check "frag --json equals the kernel's indices" python3 - "$tmp/json" \
	"$tmp/unusable" "$tmp/extfrag" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
def kernel(path):
    out = {}
    for line in open(path):
        f = line.split()
        node, zone = int(f[1].rstrip(',')), f[3]
        vals = []
        for v in f[4:]:
            whole, frac = v.split('.')
            vals.append(int(whole) * 1000 + int(frac))
        out[(node, zone)] = vals
    return out
u, e = kernel(sys.argv[2]), kernel(sys.argv[3])
zones = {(z['node'], z['zone']): z for z in doc['zones']}
assert set(zones) == set(u) == set(e), (set(zones), set(u))
n = 0
for key, z in zones.items():
    for o in z['orders']:
        i = o['order']
        assert round(o['unusable_index'] * 1000) == u[key][i], (key, i)
        assert round(o['extfrag_index'] * 1000) == e[key][i], (key, i)
        n += 2
print("compared", n, "values")
PY
# The live run (no --root) reads the same files and succeeds.
check "frag runs live" "$MEMSCOPE" frag
check "zones runs live" "$MEMSCOPE" zones
check "summary runs live" "$MEMSCOPE"
done_testing
