#!/bin/sh
# Every C file of the project is formatted as .clang-format says (make
# format-check; make format applies it).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
if ! command -v clang-format >/dev/null 2>&1; then
	skip "clang-format not installed (apt-get install clang-format)"
	done_testing
	exit 0
fi
[ -f .clang-format ] && ok ".clang-format is there" ||
	not_ok ".clang-format is there"
files=$(ls src/*.c src/*.h src/*/*.c src/*/*.h kmod/*.c kmod/*.h \
	tests/unit/*.c tests/unit/*.h tests/fuzz/*.c tests/fuzz/*.h \
	bench/*.c 2>/dev/null)
bad=
for f in $files; do
	clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad="$bad $f"
done
if [ -z "$bad" ]; then
	ok "$(echo "$files" | wc -l) C files formatted as .clang-format says"
else
	not_ok "formatted as .clang-format says (make format fixes):$bad"
fi
# the Makefile's list is the same
if make --no-print-directory -s format-check >"$tmp/fc" 2>&1; then
	[ -z "$bad" ] && ok "make format-check agrees" ||
		not_ok "make format-check passes where clang-format fails"
else
	[ -n "$bad" ] && ok "make format-check agrees" || {
		not_ok "make format-check fails on formatted files"
		sed 's/^/#   /' "$tmp/fc" | head
	}
fi
done_testing
