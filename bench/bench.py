#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Time memscope against the tools a user would otherwise run.

    bench/bench.py --memscope BIN --parse BIN --big DIR --fixture DIR

Called by bench/run.sh, which builds the parse helper (bench/parse.c) and
generates the large capture (bench/gen.py). Each comparison runs two
commands on the same input, alternately, and prints their mean wall
time, their CPU time (user + system) and the ratio of memscope to the
reference. hyperfine is used when it is installed, else a loop here that
reads each child's CPU time with wait4(). Then instruction counts per
input byte (valgrind --tool=callgrind, stable on a busy machine) and
peak RSS (GNU time, else getrusage()).
"""
import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time


def fmt_time(s):
    if s < 1e-3:
        return "%.0f us" % (s * 1e6)
    if s < 1:
        return "%.2f ms" % (s * 1e3)
    return "%.2f s" % s


class Timer:
    """Mean wall and CPU seconds of commands, hyperfine or a loop."""

    def __init__(self, runs, warmup):
        self.runs = runs
        self.warmup = warmup
        self.hyperfine = shutil.which("hyperfine")

    def measure(self, cmds):
        if self.hyperfine:
            return self._hyperfine(cmds)
        return self._loop(cmds)

    def _hyperfine(self, cmds):
        with tempfile.NamedTemporaryFile(suffix=".json") as f:
            args = [self.hyperfine, "-N", "--style", "none", "-w",
                    str(self.warmup), "-r", str(self.runs), "--export-json",
                    f.name]
            args += [" ".join(quote(a) for a in c) for c in cmds]
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            res = json.load(open(f.name))["results"]
        return [(r["mean"], r["user"] + r["system"]) for r in res]

    def _loop(self, cmds):
        wall = [0.0] * len(cmds)
        cpu = [0.0] * len(cmds)
        for i in range(self.warmup + self.runs):
            for k, c in enumerate(cmds):
                t0 = time.perf_counter()
                pid = os.posix_spawnp(c[0], c, os.environ, file_actions=[
                    (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                    (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
                _, _, ru = os.wait4(pid, 0)
                t1 = time.perf_counter()
                if i >= self.warmup:
                    wall[k] += t1 - t0
                    cpu[k] += ru.ru_utime + ru.ru_stime
        return [(w / self.runs, c / self.runs) for w, c in zip(wall, cpu)]


def quote(a):
    if re.match(r"^[\w@%+=:,./-]+$", a):
        return a
    return "'" + a.replace("'", "'\"'\"'") + "'"


def files_read(memscope, args, root):
    """The /proc and /sys files a memscope command opens, by strace."""
    if not shutil.which("strace"):
        return None
    r = subprocess.run(["strace", "-f", "-e", "trace=openat", "-o",
                        "/dev/stdout", memscope] + args,
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                       text=True)
    out = []
    for m in re.finditer(r'openat\([^,]*, "([^"]+)", [^)]*\) = \d+',
                         r.stdout):
        p = m.group(1)
        if re.match(r"^(proc|sys)/", p) or p == "meta":
            p = os.path.join(root, p)
            if os.path.isfile(p) and p not in out:
                out.append(p)
    return out


DEFAULT_FILES = ["proc/meminfo", "proc/zoneinfo", "proc/buddyinfo",
                 "proc/vmallocinfo", "proc/pagetypeinfo"]


class Report:
    def __init__(self):
        self.rows = []

    def row(self, what, mine, ref, ref_name, target=None):
        wall = mine[0] / ref[0] if ref[0] else float("inf")
        cpu = mine[1] / ref[1] if ref[1] else float("inf")
        verdict = ""
        if target:
            verdict = "met" if wall <= target else "missed"
            verdict = "%-6s (<= %.2fx)" % (verdict, target)
        print("%-44s %9s %9s  %-7s %9s %9s  %6.2fx %6.2fx  %s" % (
            what, fmt_time(mine[0]), fmt_time(mine[1]), ref_name,
            fmt_time(ref[0]), fmt_time(ref[1]), wall, cpu, verdict))
        sys.stdout.flush()
        self.rows.append((what, wall, cpu, target))


def header():
    print("%-44s %9s %9s  %-7s %9s %9s  %7s %7s" % (
        "", "memscope", "", "ref.", "", "", "ratio", ""))
    print("%-44s %9s %9s  %-7s %9s %9s  %7s %7s" % (
        "comparison", "wall", "cpu", "", "wall", "cpu", "wall", "cpu"))


def callgrind_ir(cmd, toggle=None):
    """Instructions executed by @cmd (only inside @toggle when given)."""
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "cg.out")
        args = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out]
        if toggle:
            args.append("--toggle-collect=" + toggle)
        subprocess.run(args + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        for line in open(out):
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    return None


def peak_rss_kb(cmd):
    gnu_time = "/usr/bin/time"
    if os.access(gnu_time, os.X_OK):
        with tempfile.NamedTemporaryFile("r") as f:
            r = subprocess.run([gnu_time, "-f", "%M", "-o", f.name] + cmd,
                               stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            try:
                return int(f.read().split()[-1]), "GNU time"
            except (ValueError, IndexError):
                pass
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=[
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
    _, _, ru = os.wait4(pid, 0)
    return ru.ru_maxrss, "getrusage, includes the interpreter's fork"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--memscope", required=True)
    ap.add_argument("--parse", required=True)
    ap.add_argument("--big", required=True)
    ap.add_argument("--vm1m", required=True)
    ap.add_argument("--fixture", required=True)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--big-runs", type=int, default=10)
    args = ap.parse_args()
    ms = args.memscope
    words = subprocess.run([ms, "--list-words"], stdout=subprocess.PIPE,
                           text=True).stdout.split("\n")[0].split()[1:]
    timer = Timer(args.runs, 3)
    big_timer = Timer(args.big_runs, 1)
    rep = Report()

    print("memscope bench: %s, %d CPUs, Linux %s; timing with %s" % (
        platform.machine(), os.cpu_count(), platform.release(),
        "hyperfine" if timer.hyperfine else "a wait4() loop"))
    print("ratio = memscope / reference; wall is the target's measure, "
          "cpu = user + system\n")
    header()

    # 1. A full snapshot against cat of the files it reads.
    snaps = [("live /proc", "/", []),
             ("capture " + os.path.basename(args.fixture), args.fixture,
              ["--root", args.fixture]),
             ("64-node capture", args.big, ["--root", args.big])]
    for name, root, rootargs in snaps:
        cmd = [ms] + rootargs + ["--json", "summary"]
        files = files_read(ms, rootargs + ["--json", "summary"], root)
        if files is None:
            files = [os.path.join(root, f) for f in DEFAULT_FILES
                     if os.path.isfile(os.path.join(root, f))]
        mine, ref = timer.measure([cmd, ["cat"] + files])
        rep.row("summary --json, %s" % name, mine, ref, "cat", 1.15)

    # 2. memscope slab against slabtop -o, on this machine.
    if "slab" not in words:
        print("%-44s (no 'memscope slab' in this build)" % "slab vs slabtop -o")
    elif not shutil.which("slabtop"):
        print("%-44s (slabtop is not installed: procps)" % "slab vs slabtop -o")
    elif not os.access("/proc/slabinfo", os.R_OK):
        print("%-44s (/proc/slabinfo is root only)" % "slab vs slabtop -o")
    else:
        mine, ref = timer.measure([[ms, "slab"], ["slabtop", "-o"]])
        rep.row("slab, live /proc", mine, ref, "slabtop")

    # 3. Large generated inputs against wc -l.
    big = [("vmallocinfo", "1 M lines", args.vm1m),
           ("slabinfo", "20 000 caches", args.big),
           ("zoneinfo", "64 nodes", args.big)]
    for f, desc, d in big:
        path = os.path.join(d, "proc", f)
        mine, ref = big_timer.measure([[args.parse, f, path],
                                       ["wc", "-l", path]])
        rep.row("parse %s (%s)" % (f, desc), mine, ref, "wc -l", 3.0)
    cli = [("vmalloc", "vmallocinfo", args.vm1m),
           ("slab", "slabinfo", args.big), ("zones", "zoneinfo", args.big)]
    for word, f, d in cli:
        if word not in words:
            continue
        path = os.path.join(d, "proc", f)
        mine, ref = big_timer.measure([[ms, "--root", d, word],
                                       ["wc", "-l", path]])
        rep.row("memscope %s (%s)" % (word, f), mine, ref, "wc -l", 3.0)

    # 4. Instructions per input byte.
    print()
    if shutil.which("valgrind"):
        print("%-44s %14s %12s %10s" % ("instructions (callgrind)", "total",
                                         "bytes", "per byte"))
        parsers = {"vmallocinfo": "ms_vmallocinfo_parse",
                   "slabinfo": "ms_slabinfo_parse",
                   "zoneinfo": "ms_zoneinfo_parse"}
        # the 64-node capture's files: the counts per byte do not
        # depend on the size, and valgrind is slow on 100 MB
        for f, desc, d in big:
            path = os.path.join(args.big, "proc", f)
            size = os.path.getsize(path)
            for what, toggle in (("process", None),
                                 ("parser only", parsers[f])):
                ir = callgrind_ir([args.parse, f, path], toggle)
                print("%-44s %14d %12d %10.2f" % (
                    "parse %s, %s" % (f, what), ir, size, ir / size))
            ir = callgrind_ir(["wc", "-l", path])
            print("%-44s %14d %12d %10.2f" % ("wc -l %s" % f, ir, size,
                                               ir / size))
        files = files_read(ms, ["--root", args.fixture, "--json", "summary"],
                           args.fixture) or []
        size = sum(os.path.getsize(p) for p in files)
        ir = callgrind_ir([ms, "--root", args.fixture, "--json", "summary"])
        print("%-44s %14d %12d %10.2f" % (
            "summary --json, capture", ir, size, ir / max(size, 1)))
    else:
        print("valgrind is not installed: no instruction counts")

    # 5. Peak RSS.
    print()
    print("%-44s %10s" % ("peak RSS", "KiB"))
    worst = 0
    for name, cmd in [
            ("summary --json, live /proc", [ms, "--json", "summary"]),
            ("zones, live /proc", [ms, "zones"]),
            ("atomic, live /proc", [ms, "atomic"]),
            ("summary --json, 64-node capture",
             [ms, "--root", args.big, "--json", "summary"]),
            ("vmalloc, 1 M-line vmallocinfo", [ms, "--root", args.vm1m,
                                               "vmalloc"]),
            ("parse slabinfo, 20 000 caches",
             [args.parse, "slabinfo", os.path.join(args.big,
                                                   "proc/slabinfo")])]:
        kb, how = peak_rss_kb(cmd)
        print("%-44s %10d  (%s)" % (name, kb, how))
        if "live" in name:
            worst = max(worst, kb)
    print("%-44s %10d  target <= 8192 KiB on this machine: %s" % (
        "largest live", worst, "met" if worst <= 8192 else "missed"))

    print()
    missed = [r for r in rep.rows if r[3] and r[1] > r[3]]
    print("targets met: %d of %d" % (
        len([r for r in rep.rows if r[3]]) - len(missed),
        len([r for r in rep.rows if r[3]])))


if __name__ == "__main__":
    main()
