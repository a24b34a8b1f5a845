#!/bin/sh
# memscope top draws from the commands' own models, with no parser or
# formula of its own:
#
# 1. top --once --json against the other commands' JSON on every
#    fixture: free pages and watermarks (zones), unusable and
#    fragmentation indices at every order (frag), GFP_ATOMIC headroom
#    per zone and order with each node preferred, and the worst
#    verdict (atomic --node N), the largest slab caches (slab) and
#    vmalloc callers (fleet, the only other reader of vmallocinfo).
#
# 2. A grep over the screen's sources (src/tui/top*.c) and the overview
#    view (src/view/top.c), which take the parsed files and models from
#    the caller:
#    - no number parsing of text (sscanf, strtol and family, atoi,
#      atof, strtod): a second parser would need one;
#    - no file access (fopen, open, read, ms_source_*, ms_snapshot_*,
#      any ms_*_parse): they read nothing, the sample comes from
#      cmd_top.c through the snapshot like every command's;
#    - no call of the formulas: ms_frag_contig/_unusable/_extfrag,
#      ms_atomic_eval/_zone_eval, ms_buddy_take, ms_zone_state,
#      ms_stall_read/_rates and ms_slab_model_* / ms_vmalloc_analyze
#      are called in src/analysis/overview.c and src/cmd_top.c only,
#      and the screen uses their results;
#    - no kernel arithmetic: none of the contig_page_info names
#      (free_blocks_suitable, free_blocks_total), no watermark
#      reduction (min_pages / or >> on a watermark).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
if ! python3 -c 'import json' 2>/dev/null; then
	skip "python3 is not installed"
	done_testing
	exit 0
fi

for fx in x86_64-6.18 synthetic-numa2 synthetic-tight synthetic-exhausted \
	arm64-64k-4.4 sosreport-layout; do
	r=tests/fixtures/$fx
	m() {
		"$MEMSCOPE" --root "$r" --json "$@" 2>/dev/null
	}
	m top --once >"$tmp/top.json"
	m zones >"$tmp/zones.json"
	m frag >"$tmp/frag.json"
	for node in 0 1; do
		m atomic --node $node >"$tmp/atomic$node.json" ||
			rm -f "$tmp/atomic$node.json"
	done
	m slab --top 5 >"$tmp/slab.json" || rm -f "$tmp/slab.json"
	"$MEMSCOPE" --json fleet --top 5 "$r" >"$tmp/fleet.json" 2>/dev/null
	check "$fx: top --once has the other commands' numbers" python3 - "$tmp" <<'PY'
import json, os, sys
d = sys.argv[1]
def load(name):
    p = os.path.join(d, name)
    return json.load(open(p)) if os.path.exists(p) else None
top = load("top.json")
zones, frag, slab, fleet = (load(n) for n in
                            ("zones.json", "frag.json", "slab.json",
                             "fleet.json"))
atomic = {n: load("atomic%d.json" % n) for n in (0, 1)}
checked = 0
tz = {(z["node"], z["zone"]): z for z in top["zones"] or []}
for z in (zones or {}).get("zones") or []:
    if not z["populated"]:
        continue
    t = tz[(z["node"], z["zone"])]
    for k in ("free_pages", "min_pages", "low_pages", "high_pages", "state"):
        assert t[k] == z[k], (k, t[k], z[k])
        checked += 1
for z in (frag or {}).get("zones") or []:
    t = tz.get((z["node"], z["zone"]))
    if t is None:   # frag lists unpopulated zones too
        assert all(o["free_blocks"] == 0 for o in z["orders"]), z["zone"]
        continue
    for o in z["orders"]:
        assert t["unusable_index"][o["order"]] == o["unusable_index"]
        assert t["extfrag_index"][o["order"]] == o["extfrag_index"]
        checked += 2
for n, a in atomic.items():
    if a is None:
        continue
    for o in a["orders"]:
        for z in o["zones"]:
            if z["node"] != n:
                continue
            t = tz[(z["node"], z["zone"])]
            assert t["atomic_headroom"][o["order"]] == z["headroom"], \
                (n, z["zone"], o["order"])
            checked += 1
if top["atomic"]:
    rank = ["ok", "low", "high", "fail"]
    for w in top["atomic"]["orders"]:
        cands = [(rank.index(o["risk"]), -o["headroom_total"])
                 for a in atomic.values() if a
                 for o in a["orders"] if o["order"] == w["order"]]
        worst = max(cands)
        assert (rank.index(w["risk"]), -w["headroom_total"]) == worst, w
        checked += 1
if slab and top["slab"]:
    assert [c["name"] for c in top["slab"]["top"]] == \
        [c["name"] for c in slab["caches"]]
    assert [c["bytes"] for c in top["slab"]["top"]] == \
        [c["bytes"] for c in slab["caches"]]
    assert top["slab"]["total_bytes"] == slab["totals"]["bytes"]
    checked += 1
if top["vmalloc"]:
    mine = [(c["name"] + (" [%s]" % c["module"] if c["module"] else ""),
             c["size_bytes"]) for c in top["vmalloc"]["top"]]
    theirs = [(c["name"], c["bytes"]) for c in fleet["vmalloc"]]
    assert mine == theirs, (mine, theirs)
    checked += 1
assert checked > 0
print("checked", checked)
PY
done

# The grep-level checks; comments are dropped first.
strip() {
	sed -e 's://.*$::' "$1" | awk '
		{ line = $0
		  while (1) {
			if (c) { i = index(line, "*/"); if (!i) { line = ""; break }
				 line = substr(line, i + 2); c = 0 }
			i = index(line, "/*"); if (!i) break
			out = out substr(line, 1, i - 1); line = substr(line, i + 2); c = 1
		  }
		  print out line; out = "" }'
}
srcs="src/tui/top.c src/tui/top_overview.c src/tui/top_zones.c src/tui/top_tables.c src/view/top.c"
for f in $srcs; do
	[ -f "$f" ] || { not_ok "$f exists"; continue; }
	strip "$f" >"$tmp/code"
	if grep -n -E '\b(sscanf|fscanf|strto(u?l|u?ll|d|f|imax|umax)|atoi|atol|atof)\b' "$tmp/code" >"$tmp/hits"; then
		not_ok "$f parses numbers from text"
		sed 's/^/#   /' "$tmp/hits"
	else
		ok "$f parses no text"
	fi
	if grep -n -E '\b(fopen|open|openat|read|pread|ms_source_[a-z_]+|ms_snapshot_[a-z_]+|ms_[a-z]+_parse)[[:space:]]*\(' "$tmp/code" |
		grep -v -E 'ms_top_tab_parse' >"$tmp/hits"; then
		not_ok "$f reads files or calls a parser"
		sed 's/^/#   /' "$tmp/hits"
	else
		ok "$f reads no file and calls no parser"
	fi
	if grep -n -E '\b(ms_frag_(contig|unusable|extfrag)|ms_atomic_(zone_)?eval|ms_buddy_take|ms_zone_state|ms_stall_(read|rates)|ms_slab_model_[a-z_]+|ms_slab_growth_[a-z_]+|ms_vmalloc_(analyze|delta)|ms_overview_build)[[:space:]]*\(' "$tmp/code" >"$tmp/hits"; then
		not_ok "$f computes a model itself"
		sed 's/^/#   /' "$tmp/hits"
	else
		ok "$f uses the models' results only"
	fi
	if grep -n -E 'free_blocks_(suitable|total)|(min|low|high)_pages[[:space:]]*(/|>>)|1000[[:space:]]*-[[:space:]]*\(' "$tmp/code" >"$tmp/hits"; then
		not_ok "$f has kernel arithmetic of its own"
		sed 's/^/#   /' "$tmp/hits"
	else
		ok "$f has no fragmentation or watermark arithmetic"
	fi
done
# ... and the formulas are called where the commands call them.
for fn in ms_frag_unusable ms_frag_extfrag ms_atomic_eval ms_stall_rates \
	ms_slab_model_build ms_vmalloc_analyze; do
	if grep -l -E "\b$fn[[:space:]]*\(" src/analysis/overview.c src/cmd_top.c \
		>/dev/null; then
		ok "the dashboard's sample calls $fn"
	else
		not_ok "the dashboard's sample calls $fn"
	fi
done
done_testing
