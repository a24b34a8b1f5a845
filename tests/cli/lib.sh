# Shared by the tests/cli/*.t scripts: a tiny TAP producer.
# shellcheck shell=sh
: "${MEMSCOPE:?MEMSCOPE must name the memscope binary}"
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}
not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
}
# check DESCRIPTION COMMAND...: ok when the command succeeds
check() {
	d=$1
	shift
	if "$@" >"$tmp/check.out" 2>&1; then
		ok "$d"
	else
		not_ok "$d"
		sed 's/^/#   /' "$tmp/check.out" | head -40
	fi
}
skip() {
	echo "# skip: $1"
}
done_testing() {
	echo "1..$n"
}
