#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# memscope slab against the tools a user would otherwise run:
#
#  1. CPU time over one minute of watching: "memscope slab --watch 1" and
#     "slabtop -d 1", both full-screen in a pseudo-terminal of the same
#     size, run side by side over the same minute; also the NDJSON stream
#     of "memscope slab --watch 1" into /dev/null.
#  2. The cost of one sample: "memscope slab --once" (and variants) and
#     "slabtop --once" against "cat /proc/slabinfo", over many runs.
#
# CPU time is user + system time from wait4(2) (getrusage of the
# children), wall time from the monotonic clock. Needs root
# (/proc/slabinfo is root-only), python3 and procps's slabtop.
#
#   sh bench/slab.sh            (or: make bench)
#   SECONDS_WATCHED=20 RUNS=50 sh bench/slab.sh    (a quicker look)
top=$(cd "$(dirname "$0")/.." && pwd)
: "${MEMSCOPE:=$top/build/memscope}"
: "${SECONDS_WATCHED:=60}"
: "${RUNS:=300}"
export MEMSCOPE SECONDS_WATCHED RUNS

if [ ! -r /proc/slabinfo ]; then
	echo "bench/slab.sh: /proc/slabinfo is not readable (root only); skipped"
	exit 0
fi
for t in python3 slabtop; do
	if ! command -v $t >/dev/null; then
		echo "bench/slab.sh: $t not found; skipped"
		exit 0
	fi
done
if [ ! -x "$MEMSCOPE" ]; then
	echo "bench/slab.sh: $MEMSCOPE not built (make)" >&2
	exit 1
fi

exec python3 - <<'PY'
import fcntl, os, pty, resource, select, signal, struct, subprocess, sys
import termios, time

ms = os.environ["MEMSCOPE"]
secs = int(os.environ["SECONDS_WATCHED"])
runs = int(os.environ["RUNS"])
ROWS, COLS = 40, 120


def cpu(ru):
    return ru.ru_utime + ru.ru_stime


def spawn_pty(argv):
    """Starts argv on a new pseudo-terminal of ROWS x COLS."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("LINES", None)
        os.environ.pop("COLUMNS", None)
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    return pid, fd


def spawn_pipe(argv):
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    return p.pid, None


def watch(jobs):
    """Runs the jobs side by side for secs seconds; their CPU seconds."""
    started = {}
    for name, argv, how in jobs:
        started[name] = spawn_pty(argv) if how == "pty" else spawn_pipe(argv)
    t0 = time.monotonic()
    fds = {fd: n for n, (pid, fd) in started.items() if fd is not None}
    result = {}
    sched = {}
    while len(result) < len(started):
        # On-CPU time from the scheduler, in ns, next to rusage (which
        # some kernels account by timer ticks): a tenth of a second of
        # CPU over a minute is a few ticks.
        for n, (pid, fd) in started.items():
            if n not in result:
                try:
                    with open("/proc/%d/schedstat" % pid) as f:
                        sched[n] = int(f.read().split()[0]) / 1e9
                except (OSError, ValueError, IndexError):
                    pass
        left = t0 + secs - time.monotonic()
        if left <= 0:
            for n, (pid, fd) in started.items():
                if n not in result:
                    os.kill(pid, signal.SIGINT)
            left = 5
        r, _, _ = select.select(list(fds), [], [], min(left, 0.2))
        for fd in r:
            try:
                os.read(fd, 65536)  # the screen updates, discarded
            except OSError:
                fds.pop(fd, None)
        for n, (pid, fd) in started.items():
            if n in result:
                continue
            got, status, ru = os.wait4(pid, os.WNOHANG)
            if got == pid:
                result[n] = (cpu(ru), time.monotonic() - t0, status,
                             sched.get(n, float("nan")))
    return result


def per_run(argv, n):
    """CPU and wall seconds per run of argv, output to /dev/null."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    for _ in range(n):
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (cpu(after) - cpu(before)) / n, wall / n


print("memscope slab benchmark: %s, kernel %s, %d CPUs, %d caches" % (
    os.uname().nodename, os.uname().release, os.cpu_count(),
    len(open("/proc/slabinfo").read().splitlines()) - 2))
print()
print("1. Watching for %d s, one sample a second, side by side" % secs)
jobs = [
    ("slabtop -d 1 (pty)", ["slabtop", "-d", "1"], "pty"),
    ("memscope slab --watch 1 (pty)",
     [ms, "slab", "--watch", "1", "--count", str(secs)], "pty"),
    ("memscope slab --watch 1 (NDJSON)",
     [ms, "slab", "--watch", "1", "--count", str(secs)], "pipe"),
]
res = watch(jobs)
base = res[jobs[0][0]][3]
rbase = res[jobs[0][0]][0]
print("   %-34s %-24s %s" % ("", "on CPU (schedstat)", "rusage (timer ticks)"))
for name, _, _ in jobs:
    c, w, st, sc = res[name]
    print("   %-34s %6.3f s  ratio %5.2f    %6.3f s  ratio %5.2f  over %4.1f s" % (
        name, sc, sc / base if base else float("nan"),
        c, c / rbase if rbase else float("nan"), w))
print()
print("2. One sample, mean of %d runs, output to /dev/null" % runs)
cases = [
    ("cat /proc/slabinfo", ["cat", "/proc/slabinfo"]),
    ("slabtop --once", ["slabtop", "--once"]),
    ("memscope slab --once", [ms, "slab", "--once"]),
    ("memscope slab --once --top 20", [ms, "slab", "--once", "--top", "20"]),
    ("memscope --json slab", [ms, "--json", "slab"]),
]
per = {}
for name, argv in cases:
    per_run(argv, 5)  # warm the caches
    per[name] = per_run(argv, runs)
bc, bw = per["cat /proc/slabinfo"]
for name, _ in cases:
    c, w = per[name]
    print("   %-34s CPU %8.3f ms  wall %8.3f ms  ratio CPU %5.2f  wall %5.2f" % (
        name, 1000 * c, 1000 * w, c / bc, w / bw))
PY
