#!/bin/sh
# --format prom: the exposition follows the Prometheus text format rules
# (checked by a small parser written against the format, since no
# packaged parser exists on Debian 12), and its values agree with the
# JSON documents of the same capture.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
for fx in x86_64-6.18 synthetic-numa2 arm64-64k-4.4 buddyinfo-only; do
	"$MEMSCOPE" --root "tests/fixtures/$fx" --format prom >"$tmp/prom.$fx" \
		2>/dev/null || not_ok "$fx: --format prom exits 0"
	"$MEMSCOPE" --root "tests/fixtures/$fx" --json zones >"$tmp/zones.$fx" \
		2>/dev/null
	"$MEMSCOPE" --root "tests/fixtures/$fx" --json frag >"$tmp/frag.$fx" \
		2>/dev/null
	"$MEMSCOPE" --root "tests/fixtures/$fx" --json atomic >"$tmp/atomic.$fx" \
		2>/dev/null
	"$MEMSCOPE" --root "tests/fixtures/$fx" --json vmalloc \
		>"$tmp/vmalloc.$fx" 2>/dev/null
done
# captures with vmallocinfo only (no zoneinfo or buddyinfo)
for fx in vmalloc-real vmalloc-real-arm32; do
	"$MEMSCOPE" --root "tests/fixtures/$fx" --format prom >"$tmp/prom.$fx" \
		2>/dev/null || not_ok "$fx: --format prom exits 0"
	"$MEMSCOPE" --root "tests/fixtures/$fx" --json vmalloc \
		>"$tmp/vmalloc.$fx" 2>/dev/null
done
python3 - "$tmp" <<'PY'
import json, os, re, sys
tmp = sys.argv[1]
n = 0
def report(ok, msg):
    global n
    n += 1
    print(("ok" if ok else "not ok"), n, "-", msg)

NAME = r'[a-zA-Z_:][a-zA-Z0-9_:]*'
LABEL = r'[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"'
SAMPLE = re.compile(r'^(%s)(\{(%s(?:,%s)*)?\})? (-?[0-9.e+]+|NaN|[+-]Inf)$' % (NAME, LABEL, LABEL))
def parse(path):
    fams, samples, errors = {}, {}, []
    cur = None
    for i, line in enumerate(open(path), 1):
        line = line.rstrip('\n')
        if line.startswith('# HELP '):
            name = line.split(' ')[2]
            if name in fams:
                errors.append('%d: family %s repeated' % (i, name))
            fams[name] = {'help': line, 'type': None}
            cur = name
        elif line.startswith('# TYPE '):
            _, _, name, typ = line.split(' ', 3)
            if name != cur or typ not in ('gauge', 'counter'):
                errors.append('%d: TYPE for %s out of place' % (i, name))
            fams[name]['type'] = typ
        elif line.startswith('#') or not line:
            errors.append('%d: stray line %r' % (i, line))
        else:
            m = SAMPLE.match(line)
            if not m:
                errors.append('%d: not a sample: %r' % (i, line))
                continue
            name, labels, value = m.group(1), m.group(3) or '', m.group(4)
            if name != cur:
                errors.append('%d: %s outside its family' % (i, name))
            key = (name, labels)
            if key in samples:
                errors.append('%d: duplicate series %s{%s}' % (i, name, labels))
            samples[key] = float(value)
    for name, f in fams.items():
        if not name.startswith('memscope_'):
            errors.append('%s: no memscope_ prefix' % name)
        if f['type'] == 'counter' and not name.endswith('_total'):
            errors.append('%s: counter without _total' % name)
        if f['type'] == 'gauge' and name.endswith('_total'):
            errors.append('%s: gauge named _total' % name)
        if re.search(r'_(kb|kib|mb|pages)$', name):
            errors.append('%s: not a base unit' % name)
    return fams, samples, errors

def lab(d):
    return ','.join('%s="%s"' % kv for kv in d)

def vmalloc_families(fx, fams, samples):
    try:
        vm = json.load(open(os.path.join(tmp, 'vmalloc.' + fx)))
    except ValueError:
        vm = None
    readable = samples.get(('memscope_file_readable', 'file="vmallocinfo"'))
    if vm:
        bad = []
        for t in vm['by_type']:
            l = lab([('type', t['name'])])
            if samples.get(('memscope_vmalloc_bytes', l)) != t['bytes']:
                bad.append(t['name'] + '/bytes')
            if samples.get(('memscope_vmalloc_regions', l)) != t['count']:
                bad.append(t['name'] + '/regions')
        n_types = len([k for k in samples if k[0] == 'memscope_vmalloc_bytes'])
        report(not bad and n_types == len(vm['by_type']) == 8 and readable == 1,
               '%s: vmalloc families equal vmalloc --json by_type %s' % (fx, bad))
        total = sum(v for k, v in samples.items() if k[0] == 'memscope_vmalloc_bytes')
        report(total == vm['totals']['bytes'],
               '%s: vmalloc bytes by type add up to the total' % fx)
    else:
        report(readable == 0 and 'memscope_vmalloc_bytes' not in fams and
               'memscope_vmalloc_regions' not in fams,
               '%s: no vmallocinfo: readable 0 and no vmalloc family' % fx)

for fx in ('x86_64-6.18', 'synthetic-numa2', 'arm64-64k-4.4', 'buddyinfo-only'):
    fams, samples, errors = parse(os.path.join(tmp, 'prom.' + fx))
    report(not errors, '%s: exposition is well formed%s' % (fx, '' if not errors else ': ' + '; '.join(errors[:3])))
    report(('memscope_info' in fams), '%s: has memscope_info' % fx)
    try:
        zones = json.load(open(os.path.join(tmp, 'zones.' + fx)))
        ps = zones['source']['page_size_bytes']
    except ValueError:
        zones = None
    if zones:
        bad = []
        for z in zones['zones']:
            if not z['populated']:
                continue
            key = ('memscope_zone_free_bytes', lab([('node', str(z['node'])), ('zone', z['zone'])]))
            if samples.get(key) != z['free_pages'] * ps:
                bad.append(z['zone'])
            for lvl in ('min', 'low', 'high'):
                key = ('memscope_zone_watermark_bytes', lab([('node', str(z['node'])), ('zone', z['zone']), ('level', lvl)]))
                if samples.get(key) != z[lvl + '_pages'] * ps:
                    bad.append(z['zone'] + '/' + lvl)
        report(not bad, '%s: zone bytes equal zones --json x page size %s' % (fx, bad))
    frag = json.load(open(os.path.join(tmp, 'frag.' + fx)))
    bad = []
    for z in frag['zones']:
        for o in z['orders']:
            base = [('node', str(z['node'])), ('zone', z['zone']), ('order', str(o['order']))]
            if samples.get(('memscope_buddy_free_blocks', lab(base))) != o['free_blocks']:
                bad.append('blocks')
            if samples.get(('memscope_buddy_unusable_free_ratio', lab(base))) != o['unusable_index']:
                bad.append('unusable')
            if samples.get(('memscope_buddy_fragmentation_index', lab(base))) != o['extfrag_index']:
                bad.append('extfrag')
    report(not bad, '%s: buddy families equal frag --json %s' % (fx, sorted(set(bad))))
    try:
        atomic = json.load(open(os.path.join(tmp, 'atomic.' + fx)))
    except ValueError:
        atomic = None
    if atomic:
        bad = [o['order'] for o in atomic['orders']
               if samples.get(('memscope_atomic_headroom_requests', lab([('gfp', 'atomic'), ('order', str(o['order']))]))) != o['headroom_total']]
        report(not bad, '%s: headroom equals atomic --json %s' % (fx, bad))
    vmalloc_families(fx, fams, samples)

for fx in ('vmalloc-real', 'vmalloc-real-arm32'):
    fams, samples, errors = parse(os.path.join(tmp, 'prom.' + fx))
    report(not errors, '%s: exposition is well formed%s' % (fx, '' if not errors else ': ' + '; '.join(errors[:3])))
    vmalloc_families(fx, fams, samples)
print('1..%d' % n)
PY
# Only summary writes the exposition.
"$MEMSCOPE" --root tests/fixtures/x86_64-6.18 --format prom zones >/dev/null 2>"$tmp/e"
[ $? = 2 ] && grep -q "written by the summary command only" "$tmp/e" &&
	echo "ok - other commands refuse --format prom" ||
	echo "not ok - other commands refuse --format prom"
