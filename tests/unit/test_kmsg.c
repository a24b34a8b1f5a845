// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Parser tests on hand-written kernel logs (the .log files of
 * tests/fixtures/kmsg) in the formats of 2.6.32, 3.10 (RHEL 7, syslog),
 * 4.4 (UMA, hex-only mode), 4.14 (two-line cpuset, journalctl), 5.10
 * (printk caller ids, two reports), 6.8 (NUMA) and 6.1 (cut short), plus
 * inline cases.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "kmsg_fixture.h"

static void parse_text(const char *text, struct ms_kmsg *km)
{
	struct ms_diag diag;

	memset(&diag, 0, sizeof(diag));
	assert_int_equal(ms_kmsg_parse(km, text, strlen(text), "log", &diag),
			 0);
}

static uint64_t kv(const struct ms_kmsg_kvs *kvs, const char *key)
{
	uint64_t v = 0;

	if (!ms_kmsg_kv_get(kvs, key, &v)) {
		print_error("no key '%s'\n", key);
		fail();
	}
	return v;
}

static const struct ms_kmsg_zone *zone(const struct ms_kmsg_report *r, int node,
				       const char *name)
{
	const struct ms_kmsg_zone *z = ms_kmsg_find_zone(r, node, name);

	assert_non_null(z);
	return z;
}

static void expect_blocks(const struct ms_kmsg_zone *z, unsigned int n,
			  const uint64_t *blocks)
{
	unsigned int i;

	assert_int_equal(z->nr_orders, n);
	for (i = 0; i < n; i++)
		assert_int_equal(z->free_blocks[i], blocks[i]);
}

static void expect_types(const struct ms_kmsg_zone *z, unsigned int order,
			 const char *letters)
{
	char buf[16];

	assert_string_equal(
		ms_kmsg_mt_letters(z->types[order], buf, sizeof(buf)), letters);
}

static void test_2_6_period_headline(void **state)
{
	static const uint64_t normal[] = {
		1200, 25, 0, 0, 0, 0, 0, 0, 0, 0, 0
	};
	const struct ms_kmsg_report *r;
	const struct ms_kmsg_zone *z;
	struct ms_kmsg km;

	(void)state;
	fixture_parse("2.6-period.log", &km);
	assert_int_equal(km.nr_reports, 1);
	r = &km.reports[0];
	assert_int_equal(r->kind, MS_KMSG_PAGE_ALLOC);
	assert_true(r->period_headline);
	assert_int_equal(r->line, 1);
	assert_string_equal(r->comm, "swapper");
	assert_int_equal(r->order, 1);
	assert_true(r->has_mode);
	assert_int_equal(r->mode, 0x20);
	assert_false(r->has_flags);
	assert_false(r->has_nodemask);
	assert_false(r->has_cpuset);
	/* "Pid: 0, comm: swapper Not tainted 2.6.32-431.el6.x86_64 #1" */
	assert_string_equal(r->release, "2.6.32-431.el6.x86_64");
	assert_int_equal(r->kver, 0x020600);
	assert_true(r->has_meminfo);
	/* the per-cpu lists before the counters are skipped */
	assert_int_equal(kv(&r->global, "free"), 10225);
	assert_int_equal(kv(&r->global, "active_anon"), 1024587);
	assert_int_equal(kv(&r->global, "bounce"), 0);
	assert_int_equal(r->nr_nodes, 0);
	assert_int_equal(r->nr_zones, 3);
	z = zone(r, 0, "Normal");
	assert_int_equal(z->free_kb, 5000);
	assert_int_equal(z->min_kb, 11460);
	assert_int_equal(z->high_kb, 17188);
	/* 2.6.32 has no managed: and no free_cma: */
	assert_false(z->has & MS_KMSG_ZONE_HAS_MANAGED);
	assert_false(z->has & MS_KMSG_ZONE_HAS_FREE_CMA);
	assert_int_equal(kv(&z->kvs, "pages_scanned"), 0);
	assert_int_equal(kv(&z->kvs, "all_unreclaimable?"), 0);
	assert_int_equal(kv(&zone(r, 0, "DMA")->kvs, "all_unreclaimable?"), 1);
	assert_int_equal(kv(&z->kvs, "isolated(anon)"), 0);
	assert_int_equal(z->nr_lowmem_reserve, 4);
	assert_int_equal(zone(r, 0, "DMA")->lowmem_reserve[2], 7400);
	expect_blocks(z, 11, normal);
	/* no migrate-type letters in 2.6.32 */
	assert_false(z->has & MS_KMSG_ZONE_HAS_TYPES);
	assert_int_equal(z->free_area_total_kb, 5000);
	assert_int_equal(zone(r, 0, "DMA")->free_blocks[10], 3);
	assert_int_equal(r->page_size_kb, 4);
	assert_int_equal(kv(&r->summary, "total_pagecache_pages"), 2043442);
	assert_int_equal(kv(&r->summary, "free_swap_kb"), 8388600);
	assert_int_equal(kv(&r->summary, "ram_pages"), 2097136);
	assert_int_equal(r->nr_warnings, 0);
	ms_kmsg_release(&km);
}

static void test_3_10_syslog(void **state)
{
	const struct ms_kmsg_report *r;
	const struct ms_kmsg_zone *z;
	struct ms_kmsg km;

	(void)state;
	fixture_parse("3.10-syslog.log", &km);
	assert_int_equal(km.nr_reports, 1);
	r = &km.reports[0];
	assert_false(r->period_headline);
	assert_string_equal(r->comm, "swapper/21");
	assert_int_equal(r->order, 0);
	assert_int_equal(r->mode, 0x20);
	/* RHEL taint text: "Tainted: P OE ------------ 3.10.0-1062..." */
	assert_string_equal(r->release, "3.10.0-1062.el7.x86_64");
	assert_int_equal(r->kver, 0x030a00);
	/* rsyslog "#012" split the counters into their lines */
	assert_int_equal(r->global.nr, 19);
	assert_int_equal(kv(&r->global, "active_file"), 4021338);
	assert_int_equal(kv(&r->global, "free"), 27170);
	assert_int_equal(kv(&r->global, "free_cma"), 0);
	assert_int_equal(r->nr_zones, 4);
	z = zone(r, 1, "Normal");
	assert_int_equal(z->free_kb, 16800);
	assert_int_equal(z->managed_kb, 16515072);
	assert_true(z->has & MS_KMSG_ZONE_HAS_FREE_CMA);
	/* up to 4.3 letters: U E M R C I; 'R' is MIGRATE_RESERVE */
	z = zone(r, 0, "DMA");
	expect_types(z, 9, "R");
	expect_types(z, 10, "M");
	z = zone(r, 0, "DMA32");
	expect_types(z, 7, "UMER");
	expect_types(z, 9, "");
	assert_int_equal(z->free_blocks[0], 1752);
	/* hugepages lines and swap totals */
	assert_int_equal(kv(&r->summary, "reserved_pages"), 163142);
	assert_int_equal(kv(&r->summary, "total_swap_kb"), 0);
	assert_int_equal(r->nr_warnings, 0);
	ms_kmsg_release(&km);
}

static void test_4_4_uma_hex(void **state)
{
	const struct ms_kmsg_report *r;
	const struct ms_kmsg_zone *z;
	struct ms_kmsg km;

	(void)state;
	fixture_parse("4.4-hex.log", &km);
	assert_int_equal(km.nr_reports, 1);
	r = &km.reports[0];
	assert_string_equal(r->comm, "swapper/3");
	assert_int_equal(r->order, 2);
	assert_int_equal(r->mode, 0x2080020);
	assert_false(r->has_flags);
	assert_string_equal(r->flags, "");
	assert_int_equal(r->kver, 0x040400);
	/* a kernel without CONFIG_NUMA: no "Node N " prefixes */
	assert_int_equal(r->nr_zones, 3);
	assert_null(ms_kmsg_find_zone(r, 0, "Normal"));
	z = zone(r, -1, "Normal");
	assert_int_equal(z->free_kb, 12000);
	assert_int_equal(kv(&z->kvs, "local_pcp"), 96);
	expect_types(z, 0, "UME");
	expect_types(z, 2, "I");
	expect_types(zone(r, -1, "DMA32"), 9, "H");
	assert_int_equal(kv(&r->global, "free_pcp"), 412);
	assert_int_equal(kv(&r->summary, "cma_reserved_pages"), 0);
	assert_int_equal(kv(&r->summary, "hwpoisoned_pages"), 0);
	assert_int_equal(kv(&r->summary, "swap_cache_pages"), 22250);
	assert_int_equal(r->nr_warnings, 0);
	ms_kmsg_release(&km);
}

static void test_4_14_cpuset_line(void **state)
{
	const struct ms_kmsg_report *r;
	const struct ms_kmsg_zone *z;
	struct ms_kmsg km;

	(void)state;
	fixture_parse("4.14-cpuset.log", &km);
	assert_int_equal(km.nr_reports, 1);
	r = &km.reports[0];
	assert_int_equal(r->line, 2);
	assert_string_equal(r->comm, "kworker/u16:3");
	assert_int_equal(r->order, 4);
	assert_int_equal(r->mode, 0x14040c0);
	assert_true(r->has_flags);
	assert_string_equal(r->flags, "GFP_KERNEL|__GFP_COMP");
	assert_true(r->has_nodemask);
	assert_string_equal(r->nodemask, "(null)");
	/* 4.10-4.19: "kworker/u16:3 cpuset=/ mems_allowed=0" on its own */
	assert_true(r->has_cpuset);
	assert_false(r->cpuset_same_line);
	assert_string_equal(r->cpuset, "/");
	assert_string_equal(r->mems_allowed, "0");
	assert_string_equal(r->release, "4.14.177");
	/* the node line of 4.8+, with 4.19-era "shmem_thp: 0kB" */
	assert_int_equal(r->nr_nodes, 1);
	assert_int_equal(r->nodes[0].node, 0);
	assert_int_equal(kv(&r->nodes[0].kvs, "shmem_thp"), 0);
	assert_int_equal(kv(&r->nodes[0].kvs, "anon_thp"), 409600);
	assert_int_equal(kv(&r->nodes[0].kvs, "isolated(file)"), 0);
	assert_int_equal(kv(&r->nodes[0].kvs, "all_unreclaimable?"), 0);
	assert_int_equal(kv(&r->nodes[0].kvs, "unstable"), 0);
	assert_true(r->nodes[0].kvs.items[0].kb);
	/* interleaved e1000e and audit lines change nothing */
	assert_int_equal(r->nr_zones, 3);
	z = zone(r, 0, "DMA32");
	assert_int_equal(z->free_kb, 110000);
	assert_int_equal(z->nr_lowmem_reserve, 4);
	assert_int_equal(z->lowmem_reserve[2], 27000);
	z = zone(r, 0, "Normal");
	assert_int_equal(z->free_blocks[2], 335);
	assert_int_equal(z->free_blocks[4], 0);
	assert_int_equal(z->lowmem_reserve[0], 0);
	assert_int_equal(kv(&r->summary, "ram_pages"), 2359156);
	assert_int_equal(r->nr_warnings, 0);
	ms_kmsg_release(&km);
}

static void test_5_10_two_reports(void **state)
{
	const struct ms_kmsg_report *r;
	const struct ms_kmsg_zone *z;
	struct ms_kmsg km;

	(void)state;
	fixture_parse("5.10-two-reports.log", &km);
	assert_int_equal(km.nr_reports, 2);
	r = &km.reports[0];
	assert_string_equal(r->comm, "ksoftirqd/0");
	assert_int_equal(r->order, 3);
	assert_int_equal(r->mode, 0x40a20);
	assert_string_equal(r->flags, "GFP_ATOMIC|__GFP_COMP");
	assert_true(r->cpuset_same_line);
	assert_string_equal(r->nodemask, "(null)");
	assert_string_equal(r->cpuset, "/");
	assert_string_equal(r->mems_allowed, "0");
	assert_string_equal(r->release, "5.10.0-23-amd64");
	z = zone(r, 0, "Normal");
	/* "reserved_highatomic:4096KB": a capital K */
	assert_true(z->has & MS_KMSG_ZONE_HAS_RESERVED_HA);
	assert_int_equal(z->reserved_highatomic_kb, 4096);
	assert_int_equal(z->free_cma_kb, 64);
	assert_false(z->has & MS_KMSG_ZONE_HAS_BOOST);
	assert_int_equal(z->nr_lowmem_reserve, 5);
	expect_types(z, 3, "C");
	assert_int_equal(kv(&r->global, "free_cma"), 16);
	assert_int_equal(r->nr_warnings, 0);

	/* the vmalloc failure: warn_alloc() text, no Mem-Info after it */
	r = &km.reports[1];
	assert_int_equal(r->kind, MS_KMSG_VMALLOC);
	assert_int_equal(r->line, 39);
	assert_string_equal(r->comm, "insmod");
	assert_int_equal(r->order, -1);
	assert_int_equal(r->vmalloc_bytes, 1073745920);
	assert_int_equal(r->mode, 0xcc0);
	assert_string_equal(r->flags, "GFP_KERNEL");
	assert_string_equal(r->mems_allowed, "0");
	assert_false(r->has_meminfo);
	assert_int_equal(r->nr_zones, 0);
	assert_int_equal(r->nr_warnings, 1);
	assert_int_equal(r->warnings[0].line, 0);
	assert_string_equal(
		r->warnings[0].msg,
		"no Mem-Info block followed (rate-limited, or the log ends here)");
	ms_kmsg_release(&km);
}

static void test_6_8_numa(void **state)
{
	const struct ms_kmsg_report *r;
	const struct ms_kmsg_zone *z;
	struct ms_kmsg km;

	(void)state;
	fixture_parse("6.8-numa.log", &km);
	assert_int_equal(km.nr_reports, 1);
	r = &km.reports[0];
	assert_string_equal(r->comm, "kworker/u8:2");
	assert_int_equal(r->mode, 0x40820);
	assert_string_equal(r->mems_allowed, "0-1");
	assert_string_equal(r->release, "6.8.0-45-generic");
	assert_int_equal(r->kver, 0x060800);
	assert_int_equal(kv(&r->global, "kernel_misc_reclaimable"), 0);
	assert_int_equal(kv(&r->global, "free"), 16140);
	assert_int_equal(r->nr_nodes, 2);
	assert_int_equal(r->nodes[1].node, 1);
	assert_int_equal(r->nr_zones, 4);
	z = zone(r, 0, "Normal");
	assert_true(z->has & MS_KMSG_ZONE_HAS_BOOST);
	assert_int_equal(z->boost_kb, 0);
	assert_int_equal(z->min_kb, 36596);
	assert_int_equal(z->free_blocks[0], 3600);
	expect_types(z, 1, "U");
	z = zone(r, 1, "Normal");
	assert_int_equal(z->free_kb, 10000);
	assert_int_equal(z->free_blocks[2], 25);
	assert_int_equal(z->free_area_total_kb, 10000);
	assert_int_equal(zone(r, 0, "DMA")->lowmem_reserve[4], 6603);
	assert_int_equal(kv(&r->summary, "free_swap_kb"), 1048572);
	assert_int_equal(r->nr_warnings, 0);
	ms_kmsg_release(&km);
}

static void test_truncated(void **state)
{
	const struct ms_kmsg_report *r;
	const struct ms_kmsg_zone *z;
	struct ms_kmsg km;

	(void)state;
	fixture_parse("truncated.log", &km);
	assert_int_equal(km.nr_reports, 1);
	r = &km.reports[0];
	assert_string_equal(r->comm, "postgres");
	assert_string_equal(r->flags, "GFP_KERNEL|__GFP_COMP|__GFP_ZERO");
	assert_int_equal(r->nr_zones, 3);
	/* the zone line that was cut keeps what it had */
	z = zone(r, 0, "Normal");
	assert_int_equal(z->free_kb, 50000);
	assert_int_equal(z->reserved_highatomic_kb, 2048);
	assert_int_equal(z->managed_kb, 13312000);
	assert_false(z->has & MS_KMSG_ZONE_HAS_FREE_AREA);
	assert_true(z->has & MS_KMSG_ZONE_HAS_LOWMEM);
	/* the free-area line that was cut keeps its first orders */
	z = zone(r, 0, "DMA32");
	assert_int_equal(z->nr_orders, 4);
	assert_int_equal(z->free_blocks[3], 125);
	assert_false(z->has & MS_KMSG_ZONE_HAS_FREE_TOTAL);
	/* a printed total is kept even when the counts disagree with it */
	z = zone(r, 0, "DMA");
	assert_true(z->has & MS_KMSG_ZONE_HAS_FREE_TOTAL);
	assert_int_equal(z->free_area_total_kb, 15364);
	assert_int_equal(r->summary.nr, 0);
	assert_int_equal(r->nr_warnings, 4);
	assert_int_equal(r->warnings[0].line, 23);
	assert_string_equal(r->warnings[0].msg, "zone line cut short at 'mlo'");
	assert_int_equal(r->warnings[1].line, 25);
	assert_string_equal(
		r->warnings[1].msg,
		"free-area sum 15360kB differs from the printed total 15364kB");
	assert_int_equal(r->warnings[2].line, 26);
	assert_string_equal(r->warnings[2].msg,
			    "free-area line cut short at '60*64k'");
	assert_int_equal(r->warnings[3].line, 23);
	assert_string_equal(r->warnings[3].msg,
			    "no free-area line for zone 'Node 0 Normal'");
	ms_kmsg_release(&km);
}

/* 4.19 on 32-bit ARM: no NUMA prefix, the cpuset on its own line */
static void test_4_19_uma(void **state)
{
	const struct ms_kmsg_report *r;
	const struct ms_kmsg_zone *z;
	struct ms_kmsg km;

	(void)state;
	fixture_parse("4.19-arm-highmem.log", &km);
	assert_int_equal(km.nr_reports, 1);
	r = &km.reports[0];
	assert_string_equal(r->release, "4.19.118-v7+");
	assert_true(r->has_cpuset);
	assert_false(r->cpuset_same_line);
	assert_string_equal(r->mems_allowed, "0");
	assert_int_equal(r->nr_zones, 2);
	z = zone(r, -1, "HighMem");
	assert_int_equal(z->free_kb, 5192);
	assert_int_equal(z->nr_lowmem_reserve, 3);
	expect_types(zone(r, -1, "Normal"), 0, "UMEC");
	assert_int_equal(kv(&r->summary, "cma_reserved_pages"), 2048);
	assert_int_equal(r->nr_warnings, 0);
	ms_kmsg_release(&km);
}

/* arm64 64 KiB pages: 14 orders from 64kB to 524288kB */
static void test_5_14_64k_pages(void **state)
{
	const struct ms_kmsg_report *r;
	const struct ms_kmsg_zone *z;
	struct ms_kmsg km;

	(void)state;
	fixture_parse("5.14-arm64-64k.log", &km);
	r = &km.reports[0];
	assert_int_equal(r->page_size_kb, 64);
	z = zone(r, 0, "DMA");
	assert_int_equal(z->nr_orders, 14);
	assert_int_equal(z->free_blocks[12], 1);
	expect_types(z, 12, "M");
	assert_int_equal(z->free_area_total_kb, 262144);
	assert_int_equal(r->nr_warnings, 0);
	ms_kmsg_release(&km);
}

/*
 * 6.19 under dmesg -T: free_highatomic on the zone line, a field after
 * "all_unreclaimable? no" on the node line
 */
static void test_6_19_dmesg_t(void **state)
{
	const struct ms_kmsg_report *r;
	const struct ms_kmsg_zone *z;
	struct ms_kmsg km;

	(void)state;
	fixture_parse("6.19-free-highatomic.log", &km);
	r = &km.reports[0];
	assert_string_equal(r->comm, "ThreadPoolForeg");
	assert_string_equal(r->release, "6.19.2-arch1-1");
	assert_int_equal(r->kver, (6 << 16) | (19 << 8));
	z = zone(r, 0, "Normal");
	assert_true(z->has & MS_KMSG_ZONE_HAS_FREE_HA);
	assert_int_equal(z->free_highatomic_kb, 24576);
	assert_int_equal(z->reserved_highatomic_kb, 32768);
	expect_types(z, 7, "H");
	assert_int_equal(r->nr_nodes, 1);
	assert_int_equal(kv(&r->nodes[0].kvs, "Balloon"), 0);
	assert_int_equal(r->nr_warnings, 0);
	ms_kmsg_release(&km);
}

/* an OOM report's Mem-Info is no allocation failure */
static void test_oom_only(void **state)
{
	struct ms_kmsg km;

	(void)state;
	fixture_parse("oom-only.log", &km);
	assert_int_equal(km.nr_reports, 0);
	assert_int_equal(km.orphan_meminfo, 1);
	assert_int_equal(km.nr_lines, 40);
	ms_kmsg_release(&km);
}

static void test_prefixes(void **state)
{
	static const char *const lines[] = {
		/* console level */
		"<4>[   12.345678] a1: page allocation failure: order:0, mode:0x820(GFP_ATOMIC), nodemask=(null)\n",
		/* dmesg -x */
		"kern  :warn  : [   12.345678] a1: page allocation failure: order:0, mode:0x820(GFP_ATOMIC), nodemask=(null)\n",
		/* dmesg -T */
		"[Sat Nov 22 03:00:00 2025] a1: page allocation failure: order:0, mode:0x820(GFP_ATOMIC), nodemask=(null)\n",
		/* printk caller id, no space between the brackets */
		"[12345.678901][ T123] a1: page allocation failure: order:0, mode:0x820(GFP_ATOMIC), nodemask=(null)\n",
		/* journalctl -o short-monotonic */
		"[ 1234.567890] web01 kernel: a1: page allocation failure: order:0, mode:0x820(GFP_ATOMIC), nodemask=(null)\n",
		/* journalctl -o short-iso */
		"2025-11-22T03:00:00+0000 web01 kernel: a1: page allocation failure: order:0, mode:0x820(GFP_ATOMIC), nodemask=(null)\n",
		/* pasted without any prefix, CRLF */
		"a1: page allocation failure: order:0, mode:0x820(GFP_ATOMIC), nodemask=(null)\r\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(lines); i++) {
		struct ms_kmsg km;

		parse_text(lines[i], &km);
		assert_int_equal(km.nr_reports, 1);
		assert_string_equal(km.reports[0].comm, "a1");
		assert_int_equal(km.reports[0].mode, 0x820);
		assert_string_equal(km.reports[0].flags, "GFP_ATOMIC");
		assert_string_equal(km.reports[0].nodemask, "(null)");
		ms_kmsg_release(&km);
	}
}

static void test_split_headline(void **state)
{
	/* 4.9 printed the headline in pieces that other CPUs could split */
	const char *text =
		"[73797.116745] swapper/8: \n"
		"[73797.116750] page allocation failure: order:0, mode:0x2080020(GFP_ATOMIC)\n";
	struct ms_kmsg km;

	(void)state;
	parse_text(text, &km);
	assert_int_equal(km.nr_reports, 1);
	assert_string_equal(km.reports[0].comm, "swapper/8");
	assert_int_equal(km.reports[0].line, 2);
	assert_int_equal(km.reports[0].mode, 0x2080020);
	ms_kmsg_release(&km);
}

static void test_vmalloc_forms(void **state)
{
	const char *old =
		"vmalloc: allocation failure: 8392704 bytes\n"
		"modprobe: page allocation failure: order:0, mode:0x24000c2\n";
	const char *partial =
		"qemu: vmalloc: allocation failure, allocated 4096 of 8192 bytes, mode:0x6000c0(GFP_KERNEL), nodemask=(null)\n";
	const char *new =
		"modprobe: vmalloc error: size 8392704, page order 0, failed to allocate pages, mode:0xdc2(GFP_KERNEL|__GFP_HIGHMEM|__GFP_ZERO), nodemask=(null),cpuset=/,mems_allowed=0\n";
	struct ms_kmsg km;

	(void)state;
	/* up to 4.8: the vmalloc line comes first, then the page headline */
	parse_text(old, &km);
	assert_int_equal(km.nr_reports, 1);
	assert_int_equal(km.reports[0].kind, MS_KMSG_VMALLOC);
	assert_int_equal(km.reports[0].vmalloc_bytes, 8392704);
	assert_int_equal(km.reports[0].order, 0);
	assert_string_equal(km.reports[0].comm, "modprobe");
	assert_int_equal(km.reports[0].mode, 0x24000c2);
	ms_kmsg_release(&km);

	/* a vmalloc line not followed by its headline is forgotten */
	parse_text("vmalloc: allocation failure: 4096 bytes\n"
		   "e1000e: eth0 NIC Link is Up\n"
		   "a1: page allocation failure: order:0, mode:0x20\n",
		   &km);
	assert_int_equal(km.nr_reports, 1);
	assert_int_equal(km.reports[0].kind, MS_KMSG_PAGE_ALLOC);
	assert_int_equal(km.reports[0].vmalloc_bytes, 0);
	ms_kmsg_release(&km);

	parse_text(partial, &km);
	assert_int_equal(km.nr_reports, 1);
	assert_int_equal(km.reports[0].kind, MS_KMSG_VMALLOC);
	assert_string_equal(km.reports[0].comm, "qemu");
	assert_int_equal(km.reports[0].vmalloc_bytes, 8192);
	assert_string_equal(km.reports[0].vmalloc_reason,
			    "allocated 4096 of 8192 bytes");
	ms_kmsg_release(&km);

	parse_text(new, &km);
	assert_int_equal(km.nr_reports, 1);
	assert_int_equal(km.reports[0].kind, MS_KMSG_VMALLOC);
	assert_int_equal(km.reports[0].order, -1);
	assert_int_equal(km.reports[0].vmalloc_bytes, 8392704);
	assert_string_equal(km.reports[0].vmalloc_reason,
			    "page order 0, failed to allocate pages");
	assert_string_equal(km.reports[0].flags,
			    "GFP_KERNEL|__GFP_HIGHMEM|__GFP_ZERO");
	ms_kmsg_release(&km);
}

static void test_oom_meminfo_is_not_attached(void **state)
{
	/* a failure without its dump, then an OOM report's dump */
	const char *text =
		"a1: page allocation failure: order:0, mode:0x820(GFP_ATOMIC), nodemask=(null),cpuset=/,mems_allowed=0\n"
		"CPU: 0 PID: 1 Comm: a1 Not tainted 6.6.0 #1\n"
		"b2 invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0\n"
		"Mem-Info:\n"
		"active_anon:1 inactive_anon:2 isolated_anon:0\n"
		"Normal free:100kB min:200kB low:300kB high:400kB\n"
		"Mem-Info:\n";
	/* 4.9-4.14: a stall warning ends in show_mem() too */
	const char *stall =
		"a1: page allocation failure: order:0, mode:0x1080020(GFP_ATOMIC), nodemask=(null)\n"
		"b2: page allocation stalls for 10012ms, order:0, mode:0x14200ca(GFP_HIGHUSER_MOVABLE), nodemask=(null)\n"
		"Mem-Info:\n";
	struct ms_kmsg km;

	(void)state;
	parse_text(stall, &km);
	assert_int_equal(km.nr_reports, 1);
	assert_int_equal(km.orphan_meminfo, 1);
	assert_false(km.reports[0].has_meminfo);
	ms_kmsg_release(&km);

	parse_text(text, &km);
	assert_int_equal(km.nr_reports, 1);
	assert_int_equal(km.orphan_meminfo, 2);
	assert_false(km.reports[0].has_meminfo);
	assert_int_equal(km.reports[0].kver, 0x060600);
	assert_int_equal(km.reports[0].nr_zones, 0);
	ms_kmsg_release(&km);
}

static void test_inline_warnings(void **state)
{
	const char *text =
		"a1: page allocation failure: order:1, mode:0x820(GFP_ATO\n"
		"Mem-Info:\n"
		"active_anon:1 inactive_anon:2 isolated_an\n"
		"Normal free:100kB min:200kB low:300kB high:400kB\n"
		"lowmem_reserve[]: 0 0 x\n"
		"Normal: 1*4kB (X) 1*16kB = 20kB\n"
		"b2: page allocation failure: order:2\n";
	const struct ms_kmsg_report *r;
	struct ms_kmsg km;

	(void)state;
	parse_text(text, &km);
	assert_int_equal(km.nr_reports, 2);
	r = &km.reports[0];
	assert_true(r->has_flags);
	assert_string_equal(r->flags, "GFP_ATO");
	assert_int_equal(kv(&r->global, "inactive_anon"), 2);
	assert_int_equal(r->zones[0].nr_lowmem_reserve, 2);
	assert_int_equal(r->zones[0].nr_orders, 1);
	assert_int_equal(r->nr_warnings, 5);
	assert_string_equal(r->warnings[0].msg,
			    "flag names cut short: '(GFP_ATO'");
	assert_int_equal(r->warnings[1].line, 3);
	assert_string_equal(r->warnings[1].msg,
			    "Mem-Info counters cut short at 'isolated_an'");
	assert_string_equal(r->warnings[2].msg,
			    "lowmem_reserve[] cut short at 'x'");
	assert_string_equal(r->warnings[3].msg,
			    "unknown migrate type 'X' in '(X)'");
	assert_string_equal(
		r->warnings[4].msg,
		"free-area line: order 1 has block size 16kB, expected 8kB");
	/* the second headline lacks its mode, then the log ends */
	r = &km.reports[1];
	assert_int_equal(r->order, 2);
	assert_false(r->has_mode);
	assert_int_equal(r->nr_warnings, 2);
	assert_string_equal(r->warnings[0].msg,
			    "headline without 'mode:' (cut short?)");
	ms_kmsg_release(&km);
}

static void test_64k_pages(void **state)
{
	const char *text =
		"a1: page allocation failure: order:2, mode:0x40820(GFP_ATOMIC|__GFP_COMP), nodemask=(null),cpuset=/,mems_allowed=0\n"
		"Mem-Info:\n"
		"Node 0 Normal free:1024kB min:2048kB low:2560kB high:3072kB\n"
		"lowmem_reserve[]: 0 0 0\n"
		"Node 0 Normal: 10*64kB (U) 1*128kB (M) 2*256kB (M) 0*512kB 0*1024kB 0*2048kB 0*4096kB 0*8192kB 0*16384kB 0*32768kB 0*65536kB 0*131072kB 0*262144kB 0*524288kB = 1280kB\n";
	const struct ms_kmsg_report *r;
	struct ms_kmsg km;

	(void)state;
	parse_text(text, &km);
	r = &km.reports[0];
	assert_int_equal(r->page_size_kb, 64);
	assert_int_equal(r->zones[0].nr_orders, 14);
	assert_int_equal(r->zones[0].free_blocks[2], 2);
	/* 640 + 128 + 512 = 1280 */
	assert_int_equal(r->nr_warnings, 0);
	ms_kmsg_release(&km);
}

/*
 * Found by fuzz_kmsg: a control byte in a line that is not a known
 * prefix became part of the task name, and names are printed as they
 * are kept. Control bytes are replaced by '?' in every kept string.
 */
static void test_control_bytes(void **state)
{
	static const char text[] =
		"[  \x19 C0] ksoftirqd/0: page allocation failure: order:0, "
		"mode:0x20(GFP_ATOMIC\x1b[2J), nodemask=(null)\n"
		"Mem-Info:\n"
		"Node 0 active_anon:4kB in\x07"
		"active_anon:8kB\n";
	const struct ms_kmsg_report *r;
	struct ms_kmsg km;

	(void)state;
	parse_text(text, &km);
	assert_int_equal(km.nr_reports, 1);
	r = &km.reports[0];
	assert_string_equal(r->comm, "[  ? C0] ksoftirqd/0");
	assert_string_equal(r->flags, "GFP_ATOMIC?[2J");
	assert_int_equal(r->nr_nodes, 1);
	assert_int_equal(r->nodes[0].kvs.nr, 2);
	assert_string_equal(r->nodes[0].kvs.items[1].key, "in?active_anon");
	ms_kmsg_release(&km);
}

/*
 * Zones are kept up to MS_KMSG_MAX_ZONES per report, with one warning;
 * lookups stay fast however many zone lines a log holds.
 */
static void test_many_zones(void **state)
{
	size_t cap = 200 + (MS_KMSG_MAX_ZONES + 1) * 40, off, i, n;
	char *text = malloc(cap);
	const struct ms_kmsg_report *r;
	struct ms_kmsg km;

	(void)state;
	assert_non_null(text);
	off = (size_t)snprintf(text, cap,
			       "x: page allocation failure: order:0, "
			       "mode:0x20(GFP_ATOMIC)\nMem-Info:\n");
	for (i = 0; i <= MS_KMSG_MAX_ZONES; i++)
		off += (size_t)snprintf(text + off, cap - off,
					"Node %zu Z%zu free:%zukB\n", i / 8,
					i % 8, i);
	/* a zone seen before is still found */
	off += (size_t)snprintf(text + off, cap - off,
				"Node 3 Z5: 1*4kB = 4kB\n");
	parse_text(text, &km);
	r = &km.reports[0];
	assert_int_equal(r->nr_zones, MS_KMSG_MAX_ZONES);
	/* once, on the first zone too many (the others say what is missing) */
	for (i = 0, n = 0; i < r->nr_warnings; i++) {
		if (strcmp(r->warnings[i].msg,
			   "more than 8192 zones: the others are ignored"))
			continue;
		assert_int_equal(r->warnings[i].line, MS_KMSG_MAX_ZONES + 3);
		n++;
	}
	assert_int_equal(n, 1);
	assert_int_equal(ms_kmsg_find_zone(r, 3, "Z5")->free_kb, 29);
	assert_int_equal(ms_kmsg_find_zone(r, 3, "Z5")->free_blocks[0], 1);
	assert_int_equal(ms_kmsg_find_zone(r, 1023, "Z7")->free_kb, 8191);
	assert_null(ms_kmsg_find_zone(r, 1024, "Z0"));
	ms_kmsg_release(&km);
	free(text);
}

static void test_no_report_and_binary(void **state)
{
	const char bin[] = "a1: page allocation failure: order:0\0x\n";
	struct ms_diag diag;
	struct ms_kmsg km;

	(void)state;
	parse_text("", &km);
	assert_int_equal(km.nr_reports, 0);
	ms_kmsg_release(&km);
	parse_text("[    0.000000] Linux version 6.8.0\nMem-Info:\n", &km);
	assert_int_equal(km.nr_reports, 0);
	assert_int_equal(km.orphan_meminfo, 1);
	assert_int_equal(km.nr_lines, 2);
	ms_kmsg_release(&km);
	memset(&diag, 0, sizeof(diag));
	assert_int_equal(ms_kmsg_parse(&km, bin, sizeof(bin) - 1, "-", &diag),
			 -EINVAL);
	assert_string_equal(diag.file, "-");
	assert_int_equal(diag.line, 1);
	assert_string_equal(diag.msg, "expected text, found a NUL byte");
	assert_null(km.reports);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_2_6_period_headline),
		cmocka_unit_test(test_3_10_syslog),
		cmocka_unit_test(test_4_4_uma_hex),
		cmocka_unit_test(test_4_14_cpuset_line),
		cmocka_unit_test(test_5_10_two_reports),
		cmocka_unit_test(test_6_8_numa),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_4_19_uma),
		cmocka_unit_test(test_5_14_64k_pages),
		cmocka_unit_test(test_6_19_dmesg_t),
		cmocka_unit_test(test_oom_only),
		cmocka_unit_test(test_prefixes),
		cmocka_unit_test(test_split_headline),
		cmocka_unit_test(test_vmalloc_forms),
		cmocka_unit_test(test_oom_meminfo_is_not_attached),
		cmocka_unit_test(test_inline_warnings),
		cmocka_unit_test(test_64k_pages),
		cmocka_unit_test(test_control_bytes),
		cmocka_unit_test(test_many_zones),
		cmocka_unit_test(test_no_report_and_binary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
