#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Tests kmod/ (memscope_scull.ko) on a real kernel: builds the module
# against the newest installed Debian linux-headers-*-amd64, boots the
# matching Debian kernel in QEMU with software emulation (TCG) and a
# busybox initramfs whose /init is tests/kmod/init, once with one NUMA node
# (2 GiB) and once with two (2 x 2 GiB), and counts the guests' test lines.
#
#   sh tests/kmod/run.sh [--kvm]
#
# Environment:
#   MEMSCOPE      memscope binary to run in the guests too (optional; its
#                 shared libraries are copied along, found with ldd)
#   WORK          work directory (default tests/tmp/kmod)
#   KMOD_BOOTS    boots to run (default "numa1 numa2 small nodebugfs"):
#                 numa1 is the full test with 1 node (2 GiB), numa2 with 2
#                 nodes (2 x 2 GiB), small the memscope tests alone in
#                 512 MiB (no Normal zone), nodebugfs a short test of the
#                 probe's /proc fallback (debugfs=off)
#   KMOD_CAPTURE  a directory: save a "memscope snapshot" of the numa1,
#                 numa2 and small guests there, as qemu-SERIES-1node,
#                 qemu-SERIES-2node and qemu-SERIES-512m (SERIES: 6.1 for
#                 Debian 12), replacing earlier ones; unset, nothing is
#                 saved (tests/fixtures holds the committed captures)
#   KMOD_TIMEOUT  seconds allowed per boot (default 300)
#   KMOD_KVM=1    same as --kvm: first try one boot with KVM, 30 s at most,
#                 for information only (KVM hangs on some nested hosts)
#   CHECKPATCH    the kernel's scripts/checkpatch.pl: also run it --strict
#
# As root, installs what is missing (apt-get, no recommends); otherwise
# prints the apt-get line and fails. Downloads linux-image-<ver> with
# apt-get download and unpacks only its /boot into the work directory:
# nothing is installed into /boot. A guest with a failed check is booted
# once more and the second boot counts (the first boot's failures are
# printed as "# NAME: first boot: not ok ..."). The last line is
# "N passed, N failed"; the exit status is 0 only if nothing failed.

set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-$ROOT/tests/tmp/kmod}
KMOD_BOOTS=${KMOD_BOOTS:-numa1 numa2 small nodebugfs}
KMOD_CAPTURE=${KMOD_CAPTURE:-}
KMOD_TIMEOUT=${KMOD_TIMEOUT:-300}
KMOD_KVM=${KMOD_KVM:-0}
MEMSCOPE=${MEMSCOPE:-}
CHECKPATCH=${CHECKPATCH:-}
APT_PKGS="qemu-system-x86 linux-headers-amd64 busybox-static cpio gcc make"

for arg in "$@"; do
	case $arg in
	--kvm) KMOD_KVM=1 ;;
	*)
		echo "usage: sh tests/kmod/run.sh [--kvm]" >&2
		exit 2
		;;
	esac
done

PASSED=0
FAILED=0
N=0

now() {
	date +%s.%N
}

# since START: seconds elapsed, one decimal
since() {
	awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'
}

pass() {
	N=$((N + 1))
	PASSED=$((PASSED + 1))
	echo "ok $N - host: $*"
}

fail() {
	N=$((N + 1))
	FAILED=$((FAILED + 1))
	echo "not ok $N - host: $*"
}

finish() {
	echo "# total $(since "$T_START") s"
	echo "$PASSED passed, $FAILED failed"
	[ "$FAILED" = 0 ]
	exit
}

# Stops with the failure counted and the summary line printed.
die() {
	fail "$*"
	finish
}

T_START=$(now)
mkdir -p "$WORK" || die "cannot create $WORK"
WORK=$(cd "$WORK" && pwd)
if [ -n "$KMOD_CAPTURE" ]; then
	mkdir -p "$KMOD_CAPTURE" && KMOD_CAPTURE=$(cd "$KMOD_CAPTURE" && pwd) ||
		die "cannot create $KMOD_CAPTURE"
fi

# --- packages ----------------------------------------------------------------
t=$(now)
sh "$ROOT/tests/deps.sh" $APT_PKGS || die "packages missing: $APT_PKGS"
echo "# packages: $(since "$t") s"

newest_headers() {
	ls -d /usr/src/linux-headers-*-amd64 2>/dev/null |
		sed 's|^/usr/src/linux-headers-||' | sort -V | tail -n 1
}

KVER=$(newest_headers)
[ -n "$KVER" ] || die "no /usr/src/linux-headers-*-amd64"

# Fetches Debian's image for $KVER and unpacks only its ./boot.
fetch_image() {
	rm -rf "$WORK/dl" && mkdir -p "$WORK/dl" "$WORK/boot" || return 1
	(cd "$WORK/dl" && apt-get download -q "linux-image-$KVER" \
		>"$WORK/dl/apt.log" 2>&1) || return 1
	dpkg-deb --fsys-tarfile "$WORK"/dl/linux-image-*.deb |
		tar -x -C "$WORK" ./boot || return 1
	rm -rf "$WORK/dl"
	[ -f "$WORK/boot/vmlinuz-$KVER" ]
}

t=$(now)
if [ ! -f "$WORK/boot/vmlinuz-$KVER" ]; then
	if ! fetch_image && [ "$(id -u)" = 0 ]; then
		# The archive drops an ABI once a newer one is out: update,
		# and if the image is still missing, upgrade the headers.
		apt-get update -qq >/dev/null 2>&1
		if ! fetch_image; then
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				--no-install-recommends linux-headers-amd64 \
				>/dev/null 2>&1
			KVER=$(newest_headers)
			fetch_image
		fi
	fi
	[ -f "$WORK/boot/vmlinuz-$KVER" ] ||
		die "cannot download linux-image-$KVER (see $WORK/dl/apt.log; as root: apt-get update && apt-get install --no-install-recommends linux-headers-amd64)"
fi
VMLINUZ=$WORK/boot/vmlinuz-$KVER
SERIES=$(echo "$KVER" | cut -d. -f1-2)
KDIR=/usr/src/linux-headers-$KVER
echo "# kernel $KVER: $VMLINUZ ($(since "$t") s)"

# --- module --------------------------------------------------------------------
t=$(now)
rm -rf "$WORK/module" && mkdir -p "$WORK/module" || die "cannot create $WORK/module"
cp "$ROOT"/kmod/Kbuild "$ROOT"/kmod/Makefile "$ROOT"/kmod/*.c \
	"$ROOT"/kmod/*.h "$WORK/module/" || die "cannot copy kmod/"
if make -C "$WORK/module" KDIR="$KDIR" W=1 >"$WORK/build.log" 2>&1; then
	pass "module builds against $KVER"
else
	sed 's/^/# /' "$WORK/build.log" | tail -n 30
	die "module builds against $KVER"
fi
if grep -Eq 'warning:|error:' "$WORK/build.log"; then
	grep -E 'warning:|error:' "$WORK/build.log" | sed 's/^/# /'
	fail "module builds without warnings (W=1)"
else
	pass "module builds without warnings (W=1)"
fi
KO=$WORK/module/memscope_scull.ko
objcopy -O binary --only-section=.modinfo "$KO" "$WORK/modinfo.bin"
tr '\0' '\n' <"$WORK/modinfo.bin" >"$WORK/modinfo"
if grep -q "^vermagic=$KVER SMP" "$WORK/modinfo" &&
   grep -q '^license=GPL$' "$WORK/modinfo" &&
   grep -q '^description=' "$WORK/modinfo"; then
	pass "modinfo: vermagic $KVER, license GPL, description"
else
	sed 's/^/# /' "$WORK/modinfo"
	fail "modinfo: vermagic $KVER, license GPL, description"
fi
echo "# module build: $(since "$t") s"

if [ -n "$CHECKPATCH" ]; then
	if perl "$CHECKPATCH" --no-tree --strict --quiet -f \
		"$ROOT"/kmod/*.c "$ROOT"/kmod/*.h >"$WORK/checkpatch.log" 2>&1; then
		pass "checkpatch --strict"
	else
		sed 's/^/# /' "$WORK/checkpatch.log"
		fail "checkpatch --strict"
	fi
fi

# --- initramfs -----------------------------------------------------------------
t=$(now)
IR=$WORK/initramfs
rm -rf "$IR" && mkdir -p "$IR/bin" "$IR/proc" "$IR/sys" "$IR/dev" "$IR/tmp" ||
	die "cannot create $IR"
cp /bin/busybox "$IR/bin/busybox" || die "no /bin/busybox (busybox-static)"
for applet in $("$IR/bin/busybox" --list-full); do
	mkdir -p "$IR/$(dirname "$applet")"
	[ -e "$IR/$applet" ] || ln -s /bin/busybox "$IR/$applet"
done
cp "$ROOT/tests/kmod/init" "$IR/init" && chmod 755 "$IR/init" &&
	cp "$KO" "$IR/" || die "cannot fill $IR"
if [ -n "$MEMSCOPE" ]; then
	if [ ! -x "$MEMSCOPE" ]; then
		die "MEMSCOPE=$MEMSCOPE is not an executable"
	fi
	cp "$MEMSCOPE" "$IR/bin/memscope" || die "cannot copy $MEMSCOPE"
	# Shared libraries and the loader, at the paths ldd names.
	for lib in $(ldd "$MEMSCOPE" 2>/dev/null |
		     awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i }'); do
		mkdir -p "$IR/$(dirname "$lib")" &&
			cp -L "$lib" "$IR/$lib" || die "cannot copy $lib"
	done
else
	echo "# MEMSCOPE not set: the guests skip the memscope checks"
fi
(cd "$IR" && find . | cpio -o -H newc --owner=0:0 --quiet | gzip -1) \
	>"$WORK/initramfs.cpio.gz" || die "cannot pack the initramfs"
echo "# initramfs: $(since "$t") s, $(du -k "$WORK/initramfs.cpio.gz" | cut -f1) KiB"

# --- boots ---------------------------------------------------------------------
APPEND="console=ttyS0 panic=-1 init_on_alloc=0 loglevel=2"

# boot NAME LAYOUT TIMEOUT ACCEL: one guest with the layout LAYOUT (numa1,
# numa2 or nodebugfs); its console goes to $WORK/serial-NAME.log.
boot() {
	b_name=$1
	b_timeout=$3
	b_accel=$4
	case $2 in
	numa1)
		b_args="-m 2G -smp 2"
		b_append="ms_nodes=1"
		;;
	numa2)
		b_args="-m 4G -smp 2,sockets=2,cores=1,threads=1
			-object memory-backend-ram,id=m0,size=2G
			-object memory-backend-ram,id=m1,size=2G
			-numa node,nodeid=0,cpus=0,memdev=m0
			-numa node,nodeid=1,cpus=1,memdev=m1"
		b_append="ms_nodes=2"
		;;
	nodebugfs)
		b_args="-m 512M -smp 1"
		b_append="ms_nodes=1 ms_test=nodebugfs debugfs=off"
		;;
	small)
		b_args="-m 512M -smp 2"
		b_append="ms_nodes=1 ms_test=small"
		;;
	*)
		echo "# unknown memory layout $2" >&2
		return 2
		;;
	esac
	if [ -n "$KMOD_CAPTURE" ]; then
		case $2 in
		numa1) b_append="$b_append ms_capture=qemu-$SERIES-1node" ;;
		numa2) b_append="$b_append ms_capture=qemu-$SERIES-2node" ;;
		small) b_append="$b_append ms_capture=qemu-$SERIES-512m" ;;
		esac
	fi
	rm -f "$WORK/serial-$b_name.raw"
	# shellcheck disable=SC2086
	timeout -k 10 "$b_timeout" qemu-system-x86_64 -accel "$b_accel" $b_args \
		-kernel "$VMLINUZ" -initrd "$WORK/initramfs.cpio.gz" \
		-append "$APPEND $b_append" \
		-nographic -serial "file:$WORK/serial-$b_name.raw" \
		-monitor none -nic none -no-reboot \
		</dev/null >"$WORK/qemu-$b_name.stderr" 2>&1
	b_rc=$?
	tr -d '\r' <"$WORK/serial-$b_name.raw" 2>/dev/null |
		sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\x1bc//g' \
		>"$WORK/serial-$b_name.log"
	return $b_rc
}

# blobs NAME LOG: the files the guest printed between "MS-BLOB-BEGIN X"
# and "MS-BLOB-END X" (a gzipped tar in base64): the JSON document of
# memscope validate is checked against docs/memscope.schema.json, and
# captures are saved into $KMOD_CAPTURE.
blobs() {
	bl_dir=$WORK/blobs-$1
	rm -rf "$bl_dir" && mkdir -p "$bl_dir" || return
	for bl in $(sed -n 's/^MS-BLOB-BEGIN \([A-Za-z0-9._-]*\)$/\1/p' "$2"); do
		mkdir -p "$bl_dir/$bl"
		if ! sed -n "/^MS-BLOB-BEGIN $bl\$/,/^MS-BLOB-END $bl\$/p" "$2" |
			sed '1d;$d' | base64 -d | tar -xzf - -C "$bl_dir/$bl"; then
			fail "$1: blob $bl decodes"
			continue
		fi
		case $bl in
		validate-json)
			schema_check "$1" validate "$bl_dir/$bl/ms.val.json"
			;;
		capture-*)
			[ -n "$KMOD_CAPTURE" ] || continue
			bl_to=$KMOD_CAPTURE/${bl#capture-}
			mkdir -p "$KMOD_CAPTURE" && rm -rf "$bl_to" &&
				cp -R "$bl_dir/$bl" "$bl_to" &&
				pass "$1: capture saved as $bl_to" ||
				fail "$1: capture saved as $bl_to"
			;;
		esac
	done
}

# schema_check NAME DEFINITION FILE: FILE is a document of the schema's
# DEFINITION (skipped without python3-jsonschema).
schema_check() {
	if ! python3 -c 'import jsonschema' 2>/dev/null; then
		echo "# $1: python3-jsonschema missing, $2 JSON not checked"
		return
	fi
	if python3 - "$ROOT/docs/memscope.schema.json" "$2" "$3" <<'PY' >"$WORK/schema.log" 2>&1
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
v = jsonschema.Draft7Validator({"$ref": "#/definitions/" + sys.argv[2],
                                "definitions": schema["definitions"]})
errs = sorted(v.iter_errors(json.load(open(sys.argv[3]))), key=str)
for e in errs[:5]:
    print(e.message[:300])
sys.exit(1 if errs else 0)
PY
	then
		pass "$1: memscope $2 JSON of the guest matches the schema"
	else
		sed 's/^/# /' "$WORK/schema.log"
		fail "$1: memscope $2 JSON of the guest matches the schema"
	fi
}

if [ "$KMOD_KVM" = 1 ]; then
	t=$(now)
	if [ ! -w /dev/kvm ]; then
		echo "# kvm: no writable /dev/kvm, skipped"
	elif boot kvm numa1 30 kvm &&
	     grep -q '^KMOD-GUEST-DONE$' "$WORK/serial-kvm.log"; then
		echo "# kvm: guest ran to the end in $(since "$t") s (not counted)"
	else
		echo "# kvm: no result within 30 s (exit $?), see $WORK/serial-kvm.log; TCG is used (not counted)"
	fi
fi

# guest_ok NAME: the guest NAME ran to the end without a failed check
guest_ok() {
	grep -q '^KMOD-GUEST-DONE$' "$WORK/serial-$1.log" &&
		! grep -Eq '^not ok [0-9]+ - ' "$WORK/serial-$1.log"
}

for b in $KMOD_BOOTS; do
	t=$(now)
	boot "$b" "$b" "$KMOD_TIMEOUT" tcg
	rc=$?
	# A guest shares the host with whatever else runs there: when a check
	# fails, the guest is booted once more and that boot is counted. The
	# first boot's failures stay in the log, marked, and a check that
	# fails twice fails the run.
	if ! guest_ok "$b"; then
		echo "# $b: the first boot failed these checks; booting it again:"
		grep -E '^not ok [0-9]+ - ' "$WORK/serial-$b.log" |
			sed "s/^/# $b: first boot: /"
		grep -q '^KMOD-GUEST-DONE$' "$WORK/serial-$b.log" ||
			echo "# $b: first boot: did not run to the end (qemu exit $rc)"
		cp "$WORK/serial-$b.log" "$WORK/serial-$b.first.log"
		t=$(now)
		boot "$b" "$b" "$KMOD_TIMEOUT" tcg
		rc=$?
	fi
	secs=$(since "$t")
	log=$WORK/serial-$b.log
	awk -v name="$b" '
	/^(not )?ok [0-9]+ - / { print name ": " $0; show = /^not ok/; next }
	show && /^# / { print name ": " $0; next }
	{ show = 0 }' "$log"
	p=$(grep -Ec '^ok [0-9]+ - ' "$log")
	f=$(grep -Ec '^not ok [0-9]+ - ' "$log")
	PASSED=$((PASSED + p))
	FAILED=$((FAILED + f))
	N=$((N + p + f))
	blobs "$b" "$log"
	if grep -q '^KMOD-GUEST-DONE$' "$log"; then
		pass "$b: guest ran to the end"
	else
		tail -n 30 "$log" | sed 's/^/# /'
		fail "$b: guest ran to the end (qemu exit $rc, see $log)"
	fi
	echo "# $b: $p passed, $f failed, boot $secs s (TCG), $(grep '^# guest:' "$log" | sed 's/^# guest: //')"
done

finish
