#!/bin/sh
# Every golden JSON document (tests/expected/*/*.out of a --json case)
# validates against docs/memscope.schema.json, under the definition of
# its command; and every command that prints JSON has a definition.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
# Debian's interpreter has python3-jsonschema (installed by make check);
# a python3 earlier in PATH may not.
py=python3
/usr/bin/python3 -c 'import jsonschema' 2>/dev/null && py=/usr/bin/python3
if ! $py -c 'import jsonschema' 2>/dev/null; then
	skip "python3-jsonschema is not installed"
	done_testing
	exit 0
fi
"$MEMSCOPE" --list-words | sed -n 's/^commands //p' >"$tmp/commands"
$py - "$tmp/commands" <<'PY'
import json, sys, jsonschema
schema = json.load(open("docs/memscope.schema.json"))
jsonschema.Draft7Validator.check_schema(schema)
commands = open(sys.argv[1]).read().split()
n = 0
def report(ok, msg):
    global n
    n += 1
    print(("ok" if ok else "not ok"), n, "-", msg)
for c in commands:
    report(c in schema["definitions"], "schema has a definition for %s" % c)
for line in open("tests/cases"):
    f = line.split()
    if not f or f[0].startswith("#") or "--json" not in f[2:]:
        continue
    scenario, case, args = f[0], f[1], f[2:]
    cmd = next((a for a in args if a in commands), "summary")
    path = "tests/expected/%s/%s.out" % (scenario, case)
    text = open(path).read()
    if not text.strip():
        continue  # an error case: stdout holds nothing, as it must
    try:
        doc = json.loads(text)
        v = jsonschema.Draft7Validator(
            {"$ref": "#/definitions/" + cmd, "definitions": schema["definitions"]})
        errs = sorted(v.iter_errors(doc), key=str)
        report(not errs, "%s/%s validates as %s%s" % (scenario, case, cmd,
               "" if not errs else ": " + errs[0].message[:200]))
    except ValueError as e:
        report(False, "%s/%s is JSON: %s" % (scenario, case, e))
PY

