#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Write a synthetic /proc/vmallocinfo of N lines, for timing the parser.

    bench/gen-vmallocinfo.py 1000000 > /tmp/vmallocinfo.1M

The mix follows a busy 5.x/6.x x86-64 machine: real addresses rising
from VMALLOC_START, mostly "pages=N vmalloc N0=.. N1=.." lines (thread
stacks, BPF programs) from a few hundred call sites, some of them in
modules, ioremap lines with phys=, vmap and vm_map_ram lines, module
areas at 0xffffffffc0000000, and unpurged areas appended unsorted at
the end, as show_purge_info() prints them. The output is deterministic
for a given N and --seed. Never commit what it writes.
"""
import argparse
import random
import sys

PAGE = 4096


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lines", type=int)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)

    mods = ["ttm", "drm", "e1000", "xfs", "nf_tables", "kvm", "zfs", "i915"]
    sites = []
    for i in range(400):
        sym = rnd.choice(["dup_task_struct", "bpf_prog_alloc_no_stats",
                          "alloc_large_system_hash", "kvmalloc_node",
                          "n_tty_open", "xt_alloc_table_info",
                          "module_alloc", "__vmalloc_node"]) + "_%d" % (i % 37)
        off = rnd.randrange(0x10, 0x400)
        size = off + rnd.randrange(0x10, 0x400)
        text = "%s+0x%x/0x%x" % (sym, off, size)
        if rnd.random() < 0.2:
            text += " [%s]" % rnd.choice(mods)
        sites.append(text)

    out = []
    addr = 0xffffb3c1c0000000
    mod_addr = 0xffffffffc0000000
    unpurged = []
    n_unpurged = args.lines // 20
    for i in range(args.lines - n_unpurged):
        r = rnd.random()
        if r < 0.80:
            pages = rnd.choice([1, 1, 2, 4, 4, 4, 8, 16, 64, 512])
            size = (pages + 1) * PAGE
            n0 = rnd.randrange(0, pages + 1)
            numa = " N0=%d" % n0 if n0 else ""
            if pages - n0:
                numa += " N1=%d" % (pages - n0)
            tail = "%s pages=%d vmalloc%s" % (rnd.choice(sites), pages, numa)
        elif r < 0.88:
            size = rnd.choice([2, 3, 5, 17]) * PAGE
            tail = "%s phys=0x%016x ioremap" % (
                rnd.choice(sites), rnd.randrange(0xf0000, 0xfffff) * PAGE)
        elif r < 0.94:
            size = 5 * PAGE
            tail = "%s vmap" % rnd.choice(sites)
        elif r < 0.995:
            size = 64 * PAGE
            tail = "vm_map_ram"
        else:
            # the 1 GiB module area: keep well inside it
            pages = rnd.choice([2, 4, 8])
            size = (pages + 1) * PAGE
            start = mod_addr
            mod_addr += size
            out.append("0x%016x-0x%016x %7d %s pages=%d vmalloc N0=%d\n" % (
                start, start + size, size, rnd.choice(sites), pages, pages))
            continue
        start = addr
        addr += size + rnd.choice([0, 0, 0, PAGE, 4 * PAGE])
        out.append("0x%016x-0x%016x %7d %s\n" % (start, start + size, size,
                                                 tail))
        if len(out) >= 65536:
            sys.stdout.write("".join(out))
            out = []
    for i in range(n_unpurged):
        size = rnd.choice([2, 5]) * PAGE
        start = addr
        addr += size
        unpurged.append("0x%016x-0x%016x %7d unpurged vm_area\n" % (
            start, start + size, size))
    rnd.shuffle(unpurged)
    out.extend(unpurged)
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
