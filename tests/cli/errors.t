#!/bin/sh
# Inputs that must not hurt memscope: unreadable files, FIFOs, symbolic
# link loops, and a hostile target for snapshot. Each gives one clear
# line and a documented exit status, never a hang or a partial result.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures

# expect STATUS PATTERN DESCRIPTION COMMAND...
expect() {
	want=$1 pat=$2 d=$3
	shift 3
	timeout 10 "$@" >"$tmp/o" 2>"$tmp/e"
	got=$?
	if [ "$got" = "$want" ] && grep -q -e "$pat" "$tmp/e"; then
		ok "$d"
	else
		not_ok "$d (exit $got, want $want)"
		sed 's/^/#   /' "$tmp/e" | head -5
	fi
}

# A FIFO where a file should be: refused at once, not read forever.
mkdir -p "$tmp/fifo/proc"
mkfifo "$tmp/fifo/proc/buddyinfo"
expect 1 "buddyinfo: not a regular file" "a FIFO is refused without blocking" \
	"$MEMSCOPE" --root "$tmp/fifo" frag

# A symbolic link loop under --root.
mkdir -p "$tmp/loop/proc"
ln -s loop2 "$tmp/loop/proc/buddyinfo"
ln -s buddyinfo "$tmp/loop/proc/loop2"
expect 1 "buddyinfo: too many levels of symbolic links" "a symlink loop is an error" \
	"$MEMSCOPE" --root "$tmp/loop" frag

# --root naming a file.
expect 1 "cannot open root: a path component is not a directory\|not a directory" \
	"--root on a file" "$MEMSCOPE" --root "$fx/x86_64-6.18/meta" frag

# A file over the input limit is refused, not loaded whole.
mkdir -p "$tmp/big/proc"
if truncate -s 300M "$tmp/big/proc/buddyinfo" 2>/dev/null; then
	expect 1 "buddyinfo: larger than the 256 MiB input limit" \
		"a 300 MB buddyinfo is refused" "$MEMSCOPE" --root "$tmp/big" frag
fi
rm -rf "$tmp/big"

# Optional files that are missing are warnings; required ones errors.
expect 0 "warning: pagetypeinfo: no such file" "optional file missing: warning" \
	"$MEMSCOPE" --root "$fx/buddyinfo-only" frag
expect 1 "zoneinfo: no such file" "required file missing: error" \
	"$MEMSCOPE" --root "$fx/buddyinfo-only" zones

# Root-only files read by another user: the error says so.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	mkdir -p "$tmp/priv/proc"
	cp "$fx/x86_64-6.18/proc/buddyinfo" "$tmp/priv/proc/"
	cp "$fx/x86_64-6.18/proc/pagetypeinfo" "$tmp/priv/proc/"
	chmod 0400 "$tmp/priv/proc/pagetypeinfo"
	chmod 0755 "$tmp" "$tmp/priv" "$tmp/priv/proc"
	chmod 0644 "$tmp/priv/proc/buddyinfo"
	expect 0 "pagetypeinfo: permission denied (this file is readable by root only)" \
		"unreadable optional file: warning that says root only" \
		setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$MEMSCOPE" --root "$tmp/priv" frag
	chmod 0400 "$tmp/priv/proc/buddyinfo"
	expect 1 "buddyinfo: permission denied (this file is readable by root only)" \
		"unreadable required file: error that says root only" \
		setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$MEMSCOPE" --root "$tmp/priv" frag
else
	skip "not root or no setpriv: permission tests"
fi

# snapshot: never overwrites, never follows a planted symlink, leaves
# nothing behind on failure, and round-trips through --root.
"$MEMSCOPE" --root "$fx/x86_64-6.18" snapshot "$tmp/snap" >/dev/null 2>&1
check "snapshot of a capture succeeds" test -f "$tmp/snap/meta"
check "snapshot keeps buddyinfo byte for byte" \
	cmp "$fx/x86_64-6.18/proc/buddyinfo" "$tmp/snap/proc/buddyinfo"
check "snapshot keeps the page size" grep -q '^page_size=4096$' "$tmp/snap/meta"
"$MEMSCOPE" --root "$fx/x86_64-6.18" --json zones >"$tmp/z1" 2>/dev/null
"$MEMSCOPE" --root "$tmp/snap" --json zones >"$tmp/z2" 2>/dev/null
sed -i '/"root"/d' "$tmp/z1" "$tmp/z2"
check "zones of a snapshot of a snapshot are the same" cmp "$tmp/z1" "$tmp/z2"
expect 1 "already exists; refusing to overwrite it" "snapshot refuses an existing dir" \
	"$MEMSCOPE" --root "$fx/x86_64-6.18" snapshot "$tmp/snap"
mkdir "$tmp/victim"
ln -s "$tmp/victim" "$tmp/link"
expect 1 "already exists; refusing to overwrite it" "snapshot refuses a symlink target" \
	"$MEMSCOPE" --root "$fx/x86_64-6.18" snapshot "$tmp/link"
check "the symlink's target is untouched" test -z "$(ls -A "$tmp/victim")"
ln -s "$tmp/nowhere" "$tmp/dangling"
expect 1 "already exists; refusing to overwrite it" "snapshot refuses a dangling symlink" \
	"$MEMSCOPE" --root "$fx/x86_64-6.18" snapshot "$tmp/dangling"
check "the dangling symlink was not followed" test ! -e "$tmp/nowhere"
mkdir -p "$tmp/ro"
chmod 0555 "$tmp/ro"
if [ "$(id -u)" = 0 ]; then
	cp -r "$fx/buddyinfo-only" "$tmp/pub"
	chmod -R a+rX "$tmp/pub"
	expect 1 "cannot create a directory in" "snapshot into a read-only dir fails cleanly" \
		setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$MEMSCOPE" --root "$tmp/pub" snapshot "$tmp/ro/s"
fi
# No space left: a tiny tmpfs (root only).
if [ "$(id -u)" = 0 ] && mkdir -p "$tmp/full" &&
	mount -t tmpfs -o size=64k tmpfs "$tmp/full" 2>/dev/null; then
	expect 1 "No space left on device\|no space" "snapshot on a full disk fails cleanly" \
		"$MEMSCOPE" --root "$fx/x86_64-6.18" snapshot "$tmp/full/s"
	check "nothing is left behind on the full disk" test -z "$(ls -A "$tmp/full")"
	umount "$tmp/full"
else
	skip "not root: full-disk snapshot test"
fi
done_testing
