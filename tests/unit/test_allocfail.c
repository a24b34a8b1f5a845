// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The watermark verdicts on the kmsg fixtures. Every number below was
 * worked out by hand from the fixture's kB values, 4 kB pages and the
 * __zone_watermark_ok() rules of the fixture's kernel (see the comments).
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "kmsg_fixture.h"
#include "analysis/allocfail.h"

#define KV(a, b) MS_GFP_KVER(a, b)
#define CFG	 MS_GFP_CFG_DEFAULT

static const struct ms_allocfail_zone *find(const struct ms_allocfail *af,
					    int node, const char *name)
{
	size_t i;

	for (i = 0; i < af->nr_zones; i++)
		if (af->zones[i].node == node &&
		    !strcmp(af->zones[i].zone, name))
			return &af->zones[i];
	fail_msg("no zone %d %s", node, name);
	return NULL;
}

static void expect_zone(const struct ms_allocfail *af, int node,
			const char *name, int index, int64_t mark,
			int64_t reserve, int64_t headroom,
			enum ms_allocfail_verdict verdict)
{
	const struct ms_allocfail_zone *z = find(af, node, name);

	assert_int_equal(z->index, index);
	assert_int_equal(z->mark_pages, mark);
	assert_int_equal(z->reserve_pages, reserve);
	assert_int_equal(z->headroom_pages, headroom);
	assert_int_equal(z->verdict, verdict);
}

static bool has_note(const struct ms_allocfail *af, const char *part)
{
	unsigned int i;

	for (i = 0; i < af->nr_notes; i++)
		if (strstr(af->notes[i], part))
			return true;
	return false;
}

static void explain_fixture(const char *name, size_t report, uint32_t kver,
			    struct ms_kmsg *km, struct ms_allocfail *af)
{
	fixture_parse(name, km);
	assert_true(report < km->nr_reports);
	assert_int_equal(
		ms_allocfail_explain(&km->reports[report], kver, CFG, af), 0);
}

static void test_2_6_per_order_loop(void **state)
{
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	explain_fixture("2.6-period.log", 0, 0, &km, &af);
	assert_string_equal(af.kver_source, "log");
	assert_int_equal(af.kver, KV(2, 6));
	/* no names before 4.5: decoded with the 2.6 layout */
	assert_true(af.flags_decoded);
	assert_string_equal(af.flags, "GFP_ATOMIC");
	assert_int_equal(af.highest_zone, MS_GFP_ZONE_NORMAL);
	/*
	 * min 11460 kB = 2865 pages; ALLOC_HIGH: 2865 - 1432 = 1433;
	 * ALLOC_HARDER: 1433 - 358 = 1075. Order 1: 1250 - 1 - 1075 = 174
	 * passes the count, but the loop drops the 1200 order-0 pages:
	 * 1249 - 1200 = 49 <= 1075 >> 1 = 537.
	 */
	expect_zone(&af, 0, "Normal", 2, 1075, 0, 174,
		    MS_ALLOCFAIL_TOO_FRAGMENTED);
	/* it failed at order 1, after the order-0 pages were dropped */
	assert_int_equal(find(&af, 0, "Normal")->frag_order, 1);
	assert_int_equal(find(&af, 0, "Normal")->frag_free_pages, 49);
	assert_int_equal(find(&af, 0, "Normal")->frag_mark_pages, 537);
	assert_int_equal(find(&af, 0, "DMA32")->frag_order, -1);
	/* DMA32: 5000 - 1 - 375 - lowmem_reserve[2] 5000 = -376 */
	expect_zone(&af, 0, "DMA32", 1, 375, 5000, -376,
		    MS_ALLOCFAIL_BELOW_WMARK);
	expect_zone(&af, 0, "DMA", 0, 4, 7400, 3975 - 1 - 4 - 7400,
		    MS_ALLOCFAIL_BELOW_WMARK);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_TOO_FRAGMENTED);
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

/*
 * The pre-4.4 loop halves the mark once per lower order: with 600
 * order-0 blocks, 1249 - 600 = 649 > 1075 >> 1 = 537 passes.
 */
static void test_2_6_loop_halves_the_mark(void **state)
{
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	fixture_parse("2.6-period.log", &km);
	km.reports[0].zones[2].free_blocks[0] = 600;
	assert_int_equal(ms_allocfail_explain(&km.reports[0], 0, CFG, &af), 0);
	expect_zone(&af, 0, "Normal", 2, 1075, 0, 174, MS_ALLOCFAIL_WOULD_PASS);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_WOULD_PASS);
	ms_allocfail_release(&af);
	/* 1249 - 713 = 536 <= 537 fails */
	km.reports[0].zones[2].free_blocks[0] = 713;
	assert_int_equal(ms_allocfail_explain(&km.reports[0], 0, CFG, &af), 0);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_TOO_FRAGMENTED);
	assert_int_equal(find(&af, 0, "Normal")->frag_order, 1);
	assert_int_equal(find(&af, 0, "Normal")->frag_free_pages, 536);
	assert_int_equal(find(&af, 0, "Normal")->frag_mark_pages, 537);
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

static void test_3_10_below_watermark(void **state)
{
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	explain_fixture("3.10-syslog.log", 0, 0, &km, &af);
	/* min 45100 kB = 11275 -> 5638 -> 4229 */
	expect_zone(&af, 0, "Normal", 2, 4229, 0, 4000 - 4229,
		    MS_ALLOCFAIL_BELOW_WMARK);
	expect_zone(&af, 1, "Normal", 2, 4229, 0, 4200 - 4229,
		    MS_ALLOCFAIL_BELOW_WMARK);
	/* 2750 -> 1375 -> 1032; 15000 - 1032 - 15000 */
	expect_zone(&af, 0, "DMA32", 1, 1032, 15000, -1032,
		    MS_ALLOCFAIL_BELOW_WMARK);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_BELOW_WMARK);
	assert_int_equal(af.nr_notes, 0);
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

static void test_4_4_isolated_blocks(void **state)
{
	const struct ms_allocfail_zone *z;
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	explain_fixture("4.4-hex.log", 0, 0, &km, &af);
	assert_string_equal(af.flags, "GFP_ATOMIC");
	assert_true(af.gfp.atomic_bit);
	/*
	 * Normal: min 5500 -> 2750 -> 2063; 3000 - 3 - 2063 = 934 passes
	 * the count, but orders >= 2 hold only Isolate ('I') blocks.
	 */
	expect_zone(&af, -1, "Normal", 2, 2063, 0, 934, MS_ALLOCFAIL_NO_BLOCK);
	z = find(&af, -1, "Normal");
	assert_int_equal(z->largest_order, 1);
	expect_zone(&af, -1, "DMA32", 1, 469, 12000, 10000 - 3 - 469 - 12000,
		    MS_ALLOCFAIL_BELOW_WMARK);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_NO_BLOCK);
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

static void test_4_14_kernel_costly_order(void **state)
{
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	explain_fixture("4.14-cpuset.log", 0, 0, &km, &af);
	assert_false(af.flags_decoded);
	/* GFP_KERNEL: the full min, highatomic reserve unknown (0) */
	expect_zone(&af, 0, "Normal", 2, 16896, 0, 22500 - 15 - 16896,
		    MS_ALLOCFAIL_NO_BLOCK);
	expect_zone(&af, 0, "DMA32", 1, 3250, 27000, 27500 - 15 - 3250 - 27000,
		    MS_ALLOCFAIL_BELOW_WMARK);
	assert_true(has_note(&af, "highatomic reserve is not in the log"));
	assert_false(af.gfp.oom_killer);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_NO_BLOCK);
	ms_allocfail_release(&af);

	/* without the release line: the newest layout before 5.0 (the
	 * cpuset line is separate) that prints 0x14040c0 the same way */
	km.reports[0].kver = 0;
	km.reports[0].release[0] = '\0';
	assert_int_equal(ms_allocfail_explain(&km.reports[0], 0, CFG, &af), 0);
	assert_string_equal(af.kver_source, "flags");
	assert_int_equal(af.kver, KV(4, 15));
	assert_true(has_note(&af, "kernel release not in the log"));
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

static void test_5_10_cma_blocks(void **state)
{
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	explain_fixture("5.10-two-reports.log", 0, 0, &km, &af);
	/*
	 * GFP_ATOMIC may use the highatomic reserve (4096 kB, not
	 * subtracted) but not CMA: 5000 - 16 - 7 - 4224 = 753; the order-3
	 * blocks are all CMA.
	 */
	expect_zone(&af, 0, "Normal", 2, 4224, 0, 753, MS_ALLOCFAIL_NO_BLOCK);
	assert_int_equal(find(&af, 0, "Normal")->unusable_pages, 16);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_NO_BLOCK);
	ms_allocfail_release(&af);
	/* the same report read as a GFP_KERNEL request: the reserve counts */
	km.reports[0].mode = 0x40cc0;
	km.reports[0].has_flags = false;
	assert_int_equal(ms_allocfail_explain(&km.reports[0], 0, CFG, &af), 0);
	assert_int_equal(find(&af, 0, "Normal")->unusable_pages, 1024 + 16);
	assert_int_equal(find(&af, 0, "Normal")->verdict,
			 MS_ALLOCFAIL_BELOW_WMARK);
	ms_allocfail_release(&af);

	/* the vmalloc report has no Mem-Info */
	assert_int_equal(ms_allocfail_explain(&km.reports[1], 0, CFG, &af), 0);
	assert_int_equal(af.nr_zones, 0);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_NO_DATA);
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

static void test_6_8_reference_example(void **state)
{
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	explain_fixture("6.8-numa.log", 0, 0, &km, &af);
	/* the reference §6.3 example: 3800 - 3 = 3797 > 3432 */
	expect_zone(&af, 0, "Normal", 2, 3432, 0, 365, MS_ALLOCFAIL_NO_BLOCK);
	expect_zone(&af, 1, "Normal", 2, 3432, 0, 2500 - 3 - 3432,
		    MS_ALLOCFAIL_BELOW_WMARK);
	/* DMA32: 7707 -> 3854 -> 2891, protection[2] 3584 */
	expect_zone(&af, 0, "DMA32", 1, 2891, 3584, 6000 - 3 - 2891 - 3584,
		    MS_ALLOCFAIL_BELOW_WMARK);
	expect_zone(&af, 0, "DMA", 0, 15, 6603, 3840 - 3 - 15 - 6603,
		    MS_ALLOCFAIL_BELOW_WMARK);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_NO_BLOCK);
	assert_true(af.gfp.alloc_highatomic);
	ms_allocfail_release(&af);
	/*
	 * Read with the 4.19 layout, 0x40820 is __GFP_HIGH | __GFP_NOFAIL |
	 * __GFP_THISNODE: no ALLOC_HARDER, so only half of min is given up
	 * (9149 -> 4575) and Node 0 Normal is below it too.
	 */
	assert_int_equal(
		ms_allocfail_explain(&km.reports[0], KV(4, 19), CFG, &af), 0);
	assert_string_equal(af.kver_source, "given");
	assert_true(has_note(
		&af,
		"differ from the 4.19 rendering '__GFP_HIGH|__GFP_NOFAIL|__GFP_THISNODE'"));
	expect_zone(&af, 0, "Normal", 2, 4575, 0, 3800 - 3 - 4575,
		    MS_ALLOCFAIL_BELOW_WMARK);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_BELOW_WMARK);
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

static void test_truncated_is_open(void **state)
{
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	explain_fixture("truncated.log", 0, 0, &km, &af);
	/* 6.1 GFP_KERNEL: reserved_highatomic 2048 kB (512 pages) counts */
	expect_zone(&af, 0, "Normal", 2, 9153, 0, 12500 - 512 - 7 - 9153,
		    MS_ALLOCFAIL_NO_DATA);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_NO_DATA);
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

/*
 * 32-bit ARM without NUMA: zones Normal and HighMem, three zone types
 * (Normal, HighMem, Movable). GFP_ATOMIC stops at Normal; free CMA
 * (1024 kB) is not its to use: 4500 - 256 - (862 -> 431 -> 324) = 3920.
 */
static void test_4_19_arm_highmem(void **state)
{
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	explain_fixture("4.19-arm-highmem.log", 0, 0, &km, &af);
	assert_string_equal(af.kver_source, "log");
	assert_int_equal(af.kver, KV(4, 19));
	assert_false(af.flags_decoded);
	expect_zone(&af, -1, "Normal", 0, 324, 0, 4500 - 256 - 324,
		    MS_ALLOCFAIL_WOULD_PASS);
	assert_int_equal(find(&af, -1, "Normal")->unusable_pages, 256);
	assert_int_equal(find(&af, -1, "HighMem")->index, 1);
	assert_int_equal(find(&af, -1, "HighMem")->verdict,
			 MS_ALLOCFAIL_NOT_ELIGIBLE);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_WOULD_PASS);
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

/*
 * arm64 with 64 KiB pages, 14 orders: DMA 262144 kB = 4096 pages,
 * 4096 - 15 - 92 - 3996 = -7; Normal 32768 - 15 - 5632 passes but has no
 * block above order 3.
 */
static void test_5_14_arm64_64k(void **state)
{
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	explain_fixture("5.14-arm64-64k.log", 0, 0, &km, &af);
	assert_int_equal(km.reports[0].page_size_kb, 64);
	assert_int_equal(km.reports[0].zones[1].nr_orders, 14);
	assert_int_equal(af.page_kb, 64);
	assert_int_equal(af.order, 4);
	expect_zone(&af, 0, "DMA", 0, 92, 3996, -7, MS_ALLOCFAIL_BELOW_WMARK);
	expect_zone(&af, 0, "Normal", 2, 5632, 0, 32768 - 15 - 5632,
		    MS_ALLOCFAIL_NO_BLOCK);
	assert_int_equal(find(&af, 0, "Normal")->largest_order, 3);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_NO_BLOCK);
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

/*
 * 6.19 prints free_highatomic: 24576 kB = 6144 pages held back from a
 * GFP_KERNEL request, which fails by 1145 pages where the free count
 * alone (50000 - 1 > 45000) would pass.
 */
static void test_6_19_free_highatomic(void **state)
{
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	explain_fixture("6.19-free-highatomic.log", 0, 0, &km, &af);
	assert_int_equal(af.kver, KV(6, 19));
	expect_zone(&af, 0, "Normal", 2, 45000, 0, 50000 - 6144 - 1 - 45000,
		    MS_ALLOCFAIL_BELOW_WMARK);
	assert_int_equal(find(&af, 0, "Normal")->unusable_pages, 6144);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_BELOW_WMARK);
	assert_int_equal(af.nr_notes, 0);
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

static void parse_inline(const char *text, struct ms_kmsg *km)
{
	struct ms_diag diag;

	memset(&diag, 0, sizeof(diag));
	assert_int_equal(ms_kmsg_parse(km, text, strlen(text), "log", &diag),
			 0);
	assert_int_equal(km->nr_reports, 1);
}

static void test_boost_bypass(void **state)
{
	/*
	 * min 44788 kB = 11197 pages including a boost of 2048 pages:
	 * 11197 -> 5599 -> 4200 fails (3500 - 4200), the unboosted 9149
	 * -> 4575 -> 3432 passes (3500 - 3432 = 68).
	 */
	const char *text =
		"a1: page allocation failure: order:0, mode:0x820(GFP_ATOMIC), nodemask=(null),cpuset=/,mems_allowed=0\n"
		"CPU: 0 PID: 1 Comm: a1 Not tainted 6.8.0 #1\n"
		"Mem-Info:\n"
		"Normal free:14000kB boost:8192kB min:44788kB low:53936kB high:63084kB reserved_highatomic:0KB\n"
		"lowmem_reserve[]: 0 0 0 0\n"
		"Normal: 3500*4kB (UME) 0*8kB = 14000kB\n";
	const struct ms_allocfail_zone *z;
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	parse_inline(text, &km);
	assert_int_equal(ms_allocfail_explain(&km.reports[0], 0, CFG, &af), 0);
	z = find(&af, -1, "Normal");
	assert_true(z->boost_bypass);
	assert_int_equal(z->mark_pages, 3432);
	assert_int_equal(z->headroom_pages, 68);
	assert_int_equal(z->verdict, MS_ALLOCFAIL_WOULD_PASS);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_WOULD_PASS);
	ms_allocfail_release(&af);
	/* a GFP_KERNEL request gets no such bypass */
	km.reports[0].mode = 0xcc0;
	km.reports[0].has_flags = false;
	assert_int_equal(ms_allocfail_explain(&km.reports[0], 0, CFG, &af), 0);
	z = find(&af, -1, "Normal");
	assert_false(z->boost_bypass);
	assert_int_equal(z->verdict, MS_ALLOCFAIL_BELOW_WMARK);
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

static void test_free_highatomic_and_dma32(void **state)
{
	/*
	 * 6.19 prints free_highatomic, which 6.12+ subtracts for requests
	 * without reserves. A GFP_DMA32 request: Normal is not eligible and
	 * DMA32 uses its own lowmem_reserve[1] (0).
	 */
	const char *text =
		"a1: page allocation failure: order:0, mode:0xcc4(GFP_KERNEL|GFP_DMA32), nodemask=(null),cpuset=/,mems_allowed=0\n"
		"CPU: 0 UID: 0 PID: 1 Comm: a1 Not tainted 6.19.0 #1\n"
		"Mem-Info:\n"
		"Node 0 DMA32 free:40000kB boost:0kB min:30828kB low:38532kB high:46236kB reserved_highatomic:8192KB free_highatomic:4096KB managed:3091660kB free_cma:0kB\n"
		"lowmem_reserve[]: 0 0 3584 3584 3584\n"
		"Node 0 Normal free:40000kB boost:0kB min:36596kB low:45744kB high:54892kB reserved_highatomic:0KB free_highatomic:0KB managed:3670016kB free_cma:0kB\n"
		"lowmem_reserve[]: 0 0 0 0 0\n"
		"Node 0 DMA32: 10000*4kB (UME) = 40000kB\n"
		"Node 0 Normal: 10000*4kB (UME) = 40000kB\n";
	const struct ms_allocfail_zone *z;
	struct ms_allocfail af;
	struct ms_kmsg km;

	(void)state;
	parse_inline(text, &km);
	assert_int_equal(km.reports[0].kver, KV(6, 19));
	assert_int_equal(ms_allocfail_explain(&km.reports[0], 0, CFG, &af), 0);
	assert_int_equal(af.highest_zone, MS_GFP_ZONE_DMA32);
	z = find(&af, 0, "Normal");
	assert_int_equal(z->verdict, MS_ALLOCFAIL_NOT_ELIGIBLE);
	/* 10000 - 1024 free highatomic - 7707 - 0 = 1269 */
	expect_zone(&af, 0, "DMA32", 1, 7707, 0, 1269, MS_ALLOCFAIL_WOULD_PASS);
	assert_int_equal(find(&af, 0, "DMA32")->unusable_pages, 1024);
	assert_int_equal(af.verdict, MS_ALLOCFAIL_WOULD_PASS);
	ms_allocfail_release(&af);
	ms_kmsg_release(&km);
}

static void test_guess_without_release(void **state)
{
	struct ms_kmsg_report r;
	const char *source;
	struct ms_kmsg km;

	(void)state;
	fixture_parse("4.4-hex.log", &km);
	r = km.reports[0];
	r.kver = 0;
	/* 'H' letters exist from 4.4 */
	assert_int_equal(ms_allocfail_guess_kver(&r, CFG, &source), KV(4, 4));
	assert_string_equal(source, "letters");
	/* no letters: 0x2000000 is 4.4's __GFP_KSWAPD_RECLAIM */
	r.nr_zones = 0;
	assert_int_equal(ms_allocfail_guess_kver(&r, CFG, &source), KV(4, 4));
	assert_string_equal(source, "mode bits");
	r.mode = 0x20;
	assert_int_equal(ms_allocfail_guess_kver(&r, CFG, &source), KV(4, 3));
	ms_kmsg_release(&km);

	fixture_parse("3.10-syslog.log", &km);
	r = km.reports[0];
	r.kver = 0;
	/* 'R' (MIGRATE_RESERVE) exists up to 4.3 */
	assert_int_equal(ms_allocfail_guess_kver(&r, CFG, &source), KV(4, 3));
	assert_string_equal(source, "letters");
	ms_kmsg_release(&km);

	fixture_parse("5.10-two-reports.log", &km);
	r = km.reports[0];
	r.kver = 0;
	/* 0x40a20(GFP_ATOMIC|__GFP_COMP): the 5.1 - 6.2 layout */
	assert_int_equal(ms_allocfail_guess_kver(&r, CFG, &source), KV(6, 2));
	assert_string_equal(source, "flags");
	ms_kmsg_release(&km);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_2_6_per_order_loop),
		cmocka_unit_test(test_2_6_loop_halves_the_mark),
		cmocka_unit_test(test_3_10_below_watermark),
		cmocka_unit_test(test_4_4_isolated_blocks),
		cmocka_unit_test(test_4_14_kernel_costly_order),
		cmocka_unit_test(test_5_10_cma_blocks),
		cmocka_unit_test(test_6_8_reference_example),
		cmocka_unit_test(test_truncated_is_open),
		cmocka_unit_test(test_boost_bypass),
		cmocka_unit_test(test_free_highatomic_and_dma32),
		cmocka_unit_test(test_guess_without_release),
		cmocka_unit_test(test_4_19_arm_highmem),
		cmocka_unit_test(test_5_14_arm64_64k),
		cmocka_unit_test(test_6_19_free_highatomic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
