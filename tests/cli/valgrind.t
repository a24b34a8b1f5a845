#!/bin/sh
# Golden cases under valgrind --leak-check=full: for every command word
# (usage errors included) the first case of tests/cases in text, the
# first in JSON and the first in another --format, every case on a bad-*
# scenario, plus
# runs that are not golden files (snapshot, hostile inputs). A case
# passes when valgrind finds no error and no leak of any kind, and the
# output still matches the golden files. tests/valgrind.supp holds the
# one block glibc's argp leaves behind when it exits by itself. Skipped without valgrind or
# under SANITIZE (the sanitizers replace valgrind there).
. "$(dirname "$0")/lib.sh"
if ! command -v valgrind >/dev/null 2>&1; then
	skip "valgrind is not installed"
	done_testing
	exit 0
fi
if [ -n "$SANITIZE" ]; then
	skip "SANITIZE=$SANITIZE: the sanitizers check this build, not valgrind"
	done_testing
	exit 0
fi
cd "$top" || exit 1

# vg LOG COMMAND...: under valgrind, its report in LOG; the command's
# own exit status unless valgrind found something (99)
vg() {
	log=$1
	shift
	valgrind -q --leak-check=full --show-leak-kinds=all \
		--errors-for-leak-kinds=all --error-exitcode=99 \
		--suppressions="$top/tests/valgrind.supp" \
		--log-file="$log" "$@"
}

# The command word of a case's arguments, after the global options.
command_of() {
	skip_value=
	for a in "$@"; do
		if [ -n "$skip_value" ]; then
			skip_value=
			continue
		fi
		case "$a" in
		--kernel | --page-size | --root | --format) skip_value=1 ;;
		-*) ;;
		*)
			echo "$a"
			return
			;;
		esac
	done
	echo summary
}

seen=" "
while read -r scenario case args; do
	case "$scenario" in '#'* | '') continue ;; esac
	set -- $args
	cmd=$(command_of "$@")
	kind=text
	case " $args " in
	*" --json "* | *" --format json "*) kind=json ;;
	*" --format "*) kind=format ;;
	esac
	take=
	case "$seen" in
	*" $kind:$cmd "*) ;;
	*) take=1 ;;
	esac
	case "$scenario" in bad-*) take=1 ;; esac
	[ -n "$take" ] || continue
	seen="$seen$kind:$cmd "
	exp=tests/expected/$scenario
	if [ "$scenario" != - ]; then
		set -- --root "tests/fixtures/$scenario" "$@"
	fi
	vg "$tmp/vg" "$MEMSCOPE" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	echo "exit $rc" >>"$tmp/err"
	if [ "$rc" = 99 ] || [ -s "$tmp/vg" ]; then
		not_ok "$scenario/$case: valgrind report"
		sed 's/^/#   /' "$tmp/vg" | head -40
	elif ! cmp -s "$exp/$case.out" "$tmp/out" ||
		! cmp -s "$exp/$case.err" "$tmp/err"; then
		not_ok "$scenario/$case: output differs from the golden files"
	else
		ok "$scenario/$case ($kind $cmd)"
	fi
done <tests/cases

# vg_ok DESCRIPTION COMMAND...: no valgrind report, whatever the status
vg_ok() {
	d=$1
	shift
	vg "$tmp/vg" "$@" >/dev/null 2>&1
	rc=$?
	if [ "$rc" = 99 ] || [ -s "$tmp/vg" ]; then
		not_ok "$d: valgrind report"
		sed 's/^/#   /' "$tmp/vg" | head -40
	else
		ok "$d (exit $rc)"
	fi
}

fx=tests/fixtures
vg_ok "snapshot of a capture" "$MEMSCOPE" --root "$fx/x86_64-6.18" \
	snapshot "$tmp/snap"
vg_ok "summary of that snapshot, JSON" "$MEMSCOPE" --root "$tmp/snap" \
	--json summary
vg_ok "snapshot refusing an existing directory" "$MEMSCOPE" \
	--root "$fx/x86_64-6.18" snapshot "$tmp/snap"
mkdir -p "$tmp/h/proc"
cp "$fx/x86_64-6.18/meta" "$tmp/h/"
cp "$fx/x86_64-6.18/proc/zoneinfo" "$tmp/h/proc/"
head -c 150 "$fx/x86_64-6.18/proc/buddyinfo" >"$tmp/h/proc/buddyinfo"
vg_ok "a buddyinfo cut short (atomic)" "$MEMSCOPE" --root "$tmp/h" atomic
mkfifo "$tmp/h/proc/pagetypeinfo"
rm "$tmp/h/proc/buddyinfo"
vg_ok "a FIFO as pagetypeinfo (frag, JSON)" "$MEMSCOPE" --root "$tmp/h" \
	--json frag
printf 'x: page allocation failure: order:0\000\n' >"$tmp/nul.log"
vg_ok "a NUL byte in a kernel log (explain)" "$MEMSCOPE" explain "$tmp/nul.log"
cat "$fx"/kmsg/*.log >"$tmp/all.log"
vg_ok "every kernel log fixture at once (explain, JSON)" "$MEMSCOPE" \
	--json explain "$tmp/all.log"
vg_ok "--help" "$MEMSCOPE" --help
vg_ok "a command's --help" "$MEMSCOPE" vmalloc --help
done_testing
