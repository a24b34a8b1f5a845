#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Write a large synthetic capture for the benchmarks of bench/run.sh.

    bench/gen.py DIR [--nodes 64] [--cpus 64] [--caches 20000]
                     [--vmalloc-lines 30000]

DIR gets a memscope snapshot layout: meta, proc/zoneinfo and
proc/buddyinfo and proc/pagetypeinfo of a NUMA machine (node 0 has DMA
and DMA32; every node Normal, Movable and Device, 6.18 field set, one
pageset per CPU in every zone), proc/meminfo, proc/slabinfo with the
given number of caches (SLUB 2.1 lines, kmalloc sizes and per-cgroup
names) and proc/vmallocinfo from bench/gen-vmallocinfo.py. The files
are consistent with each other (free pages, watermarks) and
deterministic for the same arguments. Never commit what it writes.
"""
import argparse
import os
import random
import subprocess
import sys

ORDERS = 11
TYPES = ["Unmovable", "Movable", "Reclaimable", "HighAtomic", "Isolate"]

NODE_STATS = [
    "nr_inactive_anon", "nr_active_anon", "nr_inactive_file",
    "nr_active_file", "nr_unevictable", "nr_slab_reclaimable",
    "nr_slab_unreclaimable", "nr_isolated_anon", "nr_isolated_file",
    "workingset_nodes", "workingset_refault_anon", "workingset_refault_file",
    "workingset_activate_anon", "workingset_activate_file",
    "workingset_restore_anon", "workingset_restore_file",
    "workingset_nodereclaim", "nr_anon_pages", "nr_mapped", "nr_file_pages",
    "nr_dirty", "nr_writeback", "nr_shmem", "nr_shmem_hugepages",
    "nr_shmem_pmdmapped", "nr_file_hugepages", "nr_file_pmdmapped",
    "nr_anon_transparent_hugepages", "nr_vmscan_write",
    "nr_vmscan_immediate_reclaim", "nr_dirtied", "nr_written",
    "nr_throttled_written", "nr_kernel_misc_reclaimable",
    "nr_foll_pin_acquired", "nr_foll_pin_released", "nr_kernel_stack",
    "nr_page_table_pages", "nr_sec_page_table_pages", "nr_iommu_pages",
    "nr_swapcached", "pgpromote_success", "pgpromote_candidate",
    "pgpromote_candidate_nrl", "pgdemote_kswapd", "pgdemote_direct",
    "pgdemote_khugepaged", "pgdemote_proactive", "nr_hugetlb",
    "nr_balloon_pages", "nr_kernel_file_pages",
]

ZONE_STATS = [
    "nr_free_pages_blocks", "nr_zone_inactive_anon", "nr_zone_active_anon",
    "nr_zone_inactive_file", "nr_zone_active_file", "nr_zone_unevictable",
    "nr_zone_write_pending", "nr_mlock", "nr_zspages", "nr_free_cma",
    "numa_hit", "numa_miss", "numa_foreign", "numa_interleave", "numa_local",
    "numa_other",
]


def zones_of(node):
    """(name, present pages) of each zone of @node, in index order."""
    if node == 0:
        return [("DMA", 3998), ("DMA32", 782336), ("Normal", 3932160),
                ("Movable", 0), ("Device", 0)]
    return [("DMA", 0), ("DMA32", 0), ("Normal", 4194304), ("Movable", 0),
            ("Device", 0)]


def free_blocks(rnd, present):
    """Free blocks per order for a zone of @present pages."""
    if not present:
        return [0] * ORDERS
    blocks = []
    budget = present // 3
    for order in range(ORDERS):
        n = rnd.randrange(0, max(1, budget >> (order + 2)) + 1)
        blocks.append(n)
    return blocks


def gen_node_zone_files(out, nodes, cpus, rnd):
    zi, bi, pt_free, pt_blocks = [], [], [], []
    memfree = 0
    for node in range(nodes):
        zones = zones_of(node)
        populated = [z for z in zones if z[1]]
        # lowmem_reserve: each zone protects against the higher ones
        for idx, (name, present) in enumerate(zones):
            blocks = free_blocks(rnd, present)
            free = sum(b << o for o, b in enumerate(blocks))
            memfree += free
            zi.append("Node %d, zone %8s\n" % (node, name))
            if idx == 0:
                zi.append("  per-node stats\n")
                for s in NODE_STATS:
                    zi.append("      %s %d\n" % (s, rnd.randrange(0, 1 << 20)))
            mn = present // 170
            prot = []
            for j in range(len(zones)):
                prot.append(0 if j <= idx else
                            sum(z[1] for z in zones[idx + 1:j + 1]) // 256)
            zi.append("  pages free     %d\n" % free)
            zi.append("        boost    0\n")
            zi.append("        min      %d\n" % mn)
            zi.append("        low      %d\n" % (mn * 5 // 4))
            zi.append("        high     %d\n" % (mn * 3 // 2))
            zi.append("        promo    %d\n" % (mn * 7 // 4))
            zi.append("        spanned  %d\n" % (present + present // 64))
            zi.append("        present  %d\n" % present)
            zi.append("        managed  %d\n" % (present - present // 100))
            zi.append("        cma      0\n")
            zi.append("        protection: (%s)\n" %
                      ", ".join(str(p) for p in prot))
            if not present:
                continue
            zi.append("      nr_free_pages %d\n" % free)
            for s in ZONE_STATS:
                zi.append("      %s %d\n" % (s, rnd.randrange(0, 1 << 16)))
            zi.append("  pagesets\n")
            for cpu in range(cpus):
                zi.append("    cpu: %d\n" % cpu)
                zi.append("              count:    %d\n" %
                          rnd.randrange(0, 400))
                zi.append("              high:     %d\n" %
                          rnd.randrange(400, 2000))
                zi.append("              batch:    63\n")
                zi.append("              high_min: 383\n")
                zi.append("              high_max: 4914\n")
                zi.append("  vm stats threshold: 125\n")
            zi.append("  node_unreclaimable:  0\n")
            zi.append("  start_pfn:           %d\n" % (node << 22))
            bi.append("Node %d, zone %8s %s\n" %
                      (node, name, " ".join("%6d" % b for b in blocks)))
            # split each order's blocks over the migrate types
            per_type = [[0] * ORDERS for _ in TYPES]
            for o, b in enumerate(blocks):
                movable = b * 3 // 4
                per_type[1][o] = movable
                per_type[0][o] = b - movable
            for t, name_t in enumerate(TYPES):
                pt_free.append((node, "Node %4d, zone %8s, type %12s %s\n" % (
                    node, name, name_t,
                    " ".join("%6d" % c for c in per_type[t]))))
            nblocks = present // 512
            pt_blocks.append((node, "Node %d, zone %8s %s\n" % (
                node, name, " ".join(
                    "%12d" % c for c in [nblocks // 10, nblocks - nblocks // 10,
                                         0, 0, 0]))))
        del populated
    with open(os.path.join(out, "proc/zoneinfo"), "w") as f:
        f.writelines(zi)
    with open(os.path.join(out, "proc/buddyinfo"), "w") as f:
        f.writelines(bi)
    with open(os.path.join(out, "proc/pagetypeinfo"), "w") as f:
        for node in range(nodes):
            f.write("Page block order: 9\nPages per block:  512\n\n")
            f.write("Free pages count per migrate type at order %s \n" %
                    " ".join("%6d" % o for o in range(ORDERS)))
            f.writelines(line for n, line in pt_free if n == node)
            f.write("\nNumber of blocks type     %s \n" %
                    " ".join("%12s" % t for t in TYPES))
            f.writelines(line for n, line in pt_blocks if n == node)
            f.write("\n")
    return memfree


def gen_meminfo(out, nodes, memfree):
    total = 16 * 1024 * 1024 * nodes  # kB
    lines = [
        ("MemTotal", total), ("MemFree", memfree * 4),
        ("MemAvailable", memfree * 4 + total // 8), ("Buffers", 123456),
        ("Cached", total // 10), ("SwapCached", 0), ("Active", total // 20),
        ("Inactive", total // 20), ("Slab", 4 * 1024 * 1024),
        ("SReclaimable", 3 * 1024 * 1024), ("SUnreclaim", 1024 * 1024),
        ("KernelStack", 65536), ("PageTables", 131072),
        ("VmallocTotal", 34359738367), ("VmallocUsed", 1048576),
        ("VmallocChunk", 0), ("Percpu", 262144),
    ]
    with open(os.path.join(out, "proc/meminfo"), "w") as f:
        for k, v in lines:
            f.write("%-15s %8d kB\n" % (k + ":", v))
        f.write("HugePages_Total:       0\nHugePages_Free:        0\n")


def gen_slabinfo(out, caches, rnd):
    sizes = [8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192]
    with open(os.path.join(out, "proc/slabinfo"), "w") as f:
        f.write("slabinfo - version: 2.1\n")
        f.write("# name            <active_objs> <num_objs> <objsize> "
                "<objperslab> <pagesperslab> : tunables <limit> <batchcount> "
                "<sharedfactor> : slabdata <active_slabs> <num_slabs> "
                "<sharedavail>\n")
        for i in range(caches):
            size = rnd.choice(sizes)
            if i < 200:
                name = "kmalloc-rnd-%02d-%d" % (i % 16, size)
            else:
                name = "cg_%d_%s(%d:%s)" % (i, rnd.choice(
                    ["dentry", "inode_cache", "radix_tree_node", "filp",
                     "sock_inode_cache", "kmalloc-cg-%d" % size]),
                    i, "user.slice")
            order = 0 if size <= 512 else 1 if size <= 2048 else 3
            per = ((4096 << order) // size)
            slabs = rnd.randrange(0, 5000)
            num = slabs * per
            active = num - rnd.randrange(0, per + 1) if num else 0
            f.write("%-17s %6d %6d %6d %4d %4d : tunables %4d %4d %4d : "
                    "slabdata %6d %6d %6d\n" % (
                        name, max(active, 0), num, size, per, 1 << order,
                        0, 0, 0, slabs, slabs, 0))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--nodes", type=int, default=64)
    ap.add_argument("--cpus", type=int, default=64)
    ap.add_argument("--caches", type=int, default=20000)
    ap.add_argument("--vmalloc-lines", type=int, default=30000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    os.makedirs(os.path.join(args.dir, "proc"), exist_ok=True)
    with open(os.path.join(args.dir, "meta"), "w") as f:
        f.write("# memscope snapshot\nformat=1\npage_size=4096\n"
                "kernel_release=6.18.0-bench\narch=x86_64\nhostname=bench\n"
                "time=2026-01-01T00:00:00Z\nsource=bench/gen.py\n")
    memfree = gen_node_zone_files(args.dir, args.nodes, args.cpus, rnd)
    gen_meminfo(args.dir, args.nodes, memfree)
    gen_slabinfo(args.dir, args.caches, rnd)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(args.dir, "proc/vmallocinfo"), "w") as f:
        subprocess.run([sys.executable,
                        os.path.join(here, "gen-vmallocinfo.py"),
                        str(args.vmalloc_lines), "--seed", str(args.seed)],
                       stdout=f, check=True)


if __name__ == "__main__":
    main()
