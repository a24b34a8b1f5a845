#!/bin/sh
# Installs the Debian packages given as arguments when any is missing:
# with apt-get when running as root, otherwise prints the exact command
# and fails. Used by "make run" and "make check".
missing=
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "memscope: installing build dependencies:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null || exit 1
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null || exit 1
	exit 0
fi
echo "memscope: missing build dependencies; run as root:" >&2
echo "  apt-get install --no-install-recommends$missing" >&2
exit 1
