// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The GFP risk model against hand-computed cases. Every expected number
 * is derived in the comment above its check from the inputs of the test
 * and the kernel's arithmetic (mm/page_alloc.c); the last tests check
 * properties over synthetic zones and compare the bulk headroom with a
 * step-by-step replay of the allocator.
 *
 * Shorthands: F = pages free, R = protection, U = pages left out,
 * reduce_atomic(m) = m - m/2, then minus a quarter of that (integer):
 * reduce_atomic(9149) = 9149 - 4574 = 4575, 4575 - 1143 = 3432.
 * A zone passes while F - U - (2^N - 1) > mark + R, so
 * headroom = floor((F - U - mark - R) / 2^N) when the blocks suffice.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "analysis/atomic.h"
#include "analysis/era.h"

#define NR_ORDERS 11

static struct ms_era era_of(unsigned int major, unsigned int minor,
			    unsigned int patch)
{
	struct ms_kver kv;
	struct ms_era era;

	ms_kver_set(&kv, major, minor, patch);
	ms_era_from_kver(&era, &kv);
	return era;
}

/* A populated zone with its watermarks; highatomic known to be 0. */
static struct ms_zone mkzone(int node, const char *name, unsigned int index,
			     uint64_t free, uint64_t min, uint64_t low)
{
	struct ms_zone z;

	memset(&z, 0, sizeof(z));
	z.node = node;
	snprintf(z.name, sizeof(z.name), "%s", name);
	z.index = index;
	z.free_pages = free;
	z.min_pages = min;
	z.low_pages = low;
	z.high_pages = low + (low - min);
	z.present_pages = 1000000;
	z.managed_pages = 1000000;
	z.spanned_pages = 1000000;
	z.nr_protection = 5;
	z.nr_cpus = 4;
	z.pcp_batch = 63;
	z.has = MS_ZONE_HAS_FREE | MS_ZONE_HAS_WMARKS | MS_ZONE_HAS_PROTECTION |
		MS_ZONE_HAS_MANAGED | MS_ZONE_HAS_BOOST |
		MS_ZONE_HAS_HIGHATOMIC;
	return z;
}

static struct ms_zone empty_zone(int node, const char *name, unsigned int index)
{
	struct ms_zone z = mkzone(node, name, index, 0, 0, 0);

	z.present_pages = z.managed_pages = z.spanned_pages = 0;
	return z;
}

static struct ms_zoneinfo mkzi(struct ms_zone *zones, size_t n)
{
	struct ms_zoneinfo zi;

	memset(&zi, 0, sizeof(zi));
	zi.zones = zones;
	zi.nr_zones = n;
	return zi;
}

static struct ms_buddy_zone mkbz(int node, const char *name, const uint64_t *nr,
				 size_t n)
{
	struct ms_buddy_zone bz;
	size_t i;

	memset(&bz, 0, sizeof(bz));
	bz.node = node;
	snprintf(bz.zone, sizeof(bz.zone), "%s", name);
	for (i = 0; i < n; i++)
		bz.free_blocks[i] = nr[i];
	return bz;
}

static struct ms_buddyinfo mkbi(struct ms_buddy_zone *zones, size_t n)
{
	struct ms_buddyinfo bi;

	memset(&bi, 0, sizeof(bi));
	bi.zones = zones;
	bi.nr_zones = n;
	bi.nr_orders = NR_ORDERS;
	return bi;
}

/* The 4.4+ type set, in enum order. */
enum { T_UNMOVABLE, T_MOVABLE, T_RECLAIMABLE, T_HIGHATOMIC, T_CMA, T_ISOLATE };

static void mkpt(struct ms_pagetypeinfo *pt, struct ms_pt_zone *ptz, int node,
		 const char *zone)
{
	static const char *const names[] = { "Unmovable",   "Movable",
					     "Reclaimable", "HighAtomic",
					     "CMA",	    "Isolate" };
	unsigned int t;

	memset(pt, 0, sizeof(*pt));
	memset(ptz, 0, sizeof(*ptz));
	pt->pageblock_order = 9;
	pt->pages_per_block = 512;
	pt->nr_orders = NR_ORDERS;
	for (t = 0; t < 6; t++)
		snprintf(pt->types[t], sizeof(pt->types[t]), "%s", names[t]);
	pt->nr_types = 6;
	pt->zones = ptz;
	pt->nr_zones = 1;
	ptz->node = node;
	snprintf(ptz->zone, sizeof(ptz->zone), "%s", zone);
	ptz->has_blocks = true;
}

/* Evaluate and return the result; the caller releases it. */
static struct ms_atomic_result
eval(const struct ms_era *era, const struct ms_zoneinfo *zi,
     const struct ms_buddyinfo *bi, const struct ms_pagetypeinfo *pt,
     enum ms_gfp_class cls, enum ms_gfp_zone zone, unsigned int order)
{
	struct ms_atomic_input in = {
		.zi = zi, .bi = bi, .pt = pt, .era = era
	};
	struct ms_atomic_request req = {
		.cls = cls, .zone = zone, .order = order, .node = -1
	};
	struct ms_atomic_result res;

	assert_int_equal(ms_atomic_eval(&in, &req, &res), 0);
	return res;
}

static uint64_t headroom(const struct ms_era *era, const struct ms_zoneinfo *zi,
			 const struct ms_buddyinfo *bi,
			 const struct ms_pagetypeinfo *pt,
			 enum ms_gfp_class cls, unsigned int order)
{
	struct ms_atomic_result res =
		eval(era, zi, bi, pt, cls, MS_GFPZ_NORMAL, order);
	uint64_t h = res.headroom;

	ms_atomic_result_release(&res);
	return h;
}

/*
 * The reference's worked example (§4.7): Normal, min 9149, low 11436,
 * F = 20000, no CMA, no highatomic, R = 0, no boost. Buddyinfo: 20
 * blocks of order 10 (20480 pages: 20480 order-0 or 2560 order-3
 * requests, more than the watermark allows).
 */
static void test_worked_example(void **state)
{
	struct ms_era era = era_of(6, 18, 0);
	struct ms_zone zones[] = { mkzone(0, "Normal", 2, 20000, 9149, 11436) };
	struct ms_zoneinfo zi = mkzi(zones, 1);
	uint64_t nr[NR_ORDERS] = { [10] = 20 };
	struct ms_buddy_zone bz = mkbz(0, "Normal", nr, NR_ORDERS);
	struct ms_buddyinfo bi = mkbi(&bz, 1);
	struct ms_atomic_result res;
	const struct ms_atomic_zone *az;

	(void)state;
	/* atomic, order 0: mark 3432; margin 20000 - 3432 - 1 = 16567;
	 * headroom 20000 - 3432 = 16568 */
	res = eval(&era, &zi, &bi, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.nr_zones, 1);
	az = &res.zones[0];
	assert_int_equal(az->mark_pages, 3432);
	assert_int_equal(az->margin_pages, 16567);
	assert_int_equal(az->headroom, 16568);
	assert_true(az->passes);
	/* fast path: 20000 - 1 > 11436 */
	assert_true(az->passes_fast);
	assert_int_equal(az->limit, MS_LIMIT_WATERMARK);
	assert_int_equal(az->blocks, 20480);
	/* order-0 levels: low, min, reduced min; reserve 9149 - 3432 */
	assert_int_equal(az->levels.kswapd_wake_pages, 11436);
	assert_int_equal(az->levels.direct_reclaim_pages, 9149);
	assert_int_equal(az->levels.atomic_fail_pages, 3432);
	assert_int_equal(az->levels.atomic_reserve_pages, 5717);
	/* 16568 pages >= sum of min (9149), fast path passes: ok */
	assert_int_equal(res.risk, MS_RISK_OK);
	assert_int_equal(res.first, 0);
	assert_int_equal(res.first_fast, 0);
	/* no pagetypeinfo: the buddyinfo blocks are all taken as eligible */
	assert_true(res.assume & MS_ASSUME_NO_PAGETYPEINFO);
	assert_false(res.assume & MS_ASSUME_HA_UNKNOWN);
	ms_atomic_result_release(&res);

	/* atomic, order 3: margin 20000 - 3432 - 8 = 16560;
	 * floor(16568 / 8) = 2071 (2560 blocks suffice) */
	res = eval(&era, &zi, &bi, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 3);
	assert_int_equal(res.zones[0].margin_pages, 16560);
	assert_int_equal(res.headroom, 2071);
	assert_int_equal(res.zones[0].blocks, 2560);
	ms_atomic_result_release(&res);

	/* kernel and nowait, order 0: full min: 20000 - 9149 = 10851 */
	assert_int_equal(headroom(&era, &zi, &bi, NULL, MS_GFP_KERNEL, 0),
			 10851);
	assert_int_equal(headroom(&era, &zi, &bi, NULL, MS_GFP_NOWAIT, 0),
			 10851);
}

/*
 * The same zone with F = 5000: below low and below min, above the
 * atomic mark. Atomic: 5000 - 3432 = 1568; kernel: 5000 <= 9149, fails.
 */
static void test_below_low(void **state)
{
	struct ms_era era = era_of(6, 18, 0);
	struct ms_zone zones[] = { mkzone(0, "Normal", 2, 5000, 9149, 11436) };
	struct ms_zoneinfo zi = mkzi(zones, 1);
	struct ms_atomic_result res;

	(void)state;
	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.headroom, 1568);
	assert_true(res.passes);
	assert_false(res.passes_fast);
	assert_int_equal(res.first_fast, -1);
	/*
	 * high threshold: max(4 CPUs x batch 63 = 252, ceil(9149 / 8) =
	 * 1144) = 1144; 1568 >= 1144 but < 9149: low
	 */
	assert_int_equal(res.risk, MS_RISK_LOW);
	/* no buddyinfo at order 0: nothing assumed about blocks */
	assert_false(res.assume & MS_ASSUME_NO_BUDDYINFO);
	assert_int_equal(res.zones[0].blocks, UINT64_MAX);
	ms_atomic_result_release(&res);

	res = eval(&era, &zi, NULL, NULL, MS_GFP_KERNEL, MS_GFPZ_NORMAL, 0);
	/* margin 5000 - 9149 - 1 = -4150 */
	assert_int_equal(res.zones[0].margin_pages, -4150);
	assert_int_equal(res.headroom, 0);
	assert_false(res.passes);
	assert_int_equal(res.first, -1);
	assert_int_equal(res.risk, MS_RISK_FAIL);
	ms_atomic_result_release(&res);

	/* F = 4575: atomic headroom 1143 < ceil(9149 / 8) = 1144: high */
	zones[0].free_pages = 4575;
	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.headroom, 1143);
	assert_int_equal(res.risk, MS_RISK_HIGH);
	ms_atomic_result_release(&res);
	/* F = 4576: 1144, no longer high */
	zones[0].free_pages = 4576;
	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.headroom, 1144);
	assert_int_equal(res.risk, MS_RISK_LOW);
	ms_atomic_result_release(&res);

	/*
	 * min 1000, low 5000, F 4000: atomic 4000 - reduce_atomic(1000) =
	 * 4000 - 375 = 3625 pages, above min, but the fast path fails
	 * (4000 <= 5000): low
	 */
	zones[0].free_pages = 4000;
	zones[0].min_pages = 1000;
	zones[0].low_pages = 5000;
	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.headroom, 3625);
	assert_false(res.passes_fast);
	assert_int_equal(res.risk, MS_RISK_LOW);
	ms_atomic_result_release(&res);
	/* F 7000: the fast path passes, 6625 pages: ok */
	zones[0].free_pages = 7000;
	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.headroom, 6625);
	assert_int_equal(res.risk, MS_RISK_OK);
	ms_atomic_result_release(&res);
	zones[0].min_pages = 9149;
	zones[0].low_pages = 11436;

	/* F = 5000 on 64 CPUs: 64 x 63 = 4032 pcp pages > 1568: high */
	zones[0].free_pages = 5000;
	zones[0].nr_cpus = 64;
	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.headroom, 1568);
	assert_int_equal(res.risk, MS_RISK_HIGH);
	ms_atomic_result_release(&res);
}

/*
 * F = 20000, all of it as order-0 blocks: the watermark allows 2071
 * order-3 requests, no block of order >= 3 exists.
 */
static void test_blocks_limit(void **state)
{
	struct ms_era era = era_of(6, 18, 0);
	struct ms_zone zones[] = { mkzone(0, "Normal", 2, 20000, 9149, 11436) };
	struct ms_zoneinfo zi = mkzi(zones, 1);
	uint64_t nr[NR_ORDERS] = { [0] = 20000 };
	struct ms_buddy_zone bz = mkbz(0, "Normal", nr, NR_ORDERS);
	struct ms_buddyinfo bi = mkbi(&bz, 1);
	struct ms_atomic_result res;

	(void)state;
	res = eval(&era, &zi, &bi, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 3);
	assert_int_equal(res.zones[0].margin_pages, 16560);
	assert_int_equal(res.zones[0].blocks, 0);
	assert_int_equal(res.headroom, 0);
	assert_false(res.passes);
	assert_false(res.passes_fast);
	assert_int_equal(res.zones[0].limit, MS_LIMIT_BLOCKS);
	assert_int_equal(res.risk, MS_RISK_FAIL);
	ms_atomic_result_release(&res);

	/* order 0: min(16568, 20000 pages) = 16568, the watermark binds */
	res = eval(&era, &zi, &bi, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.headroom, 16568);
	assert_int_equal(res.zones[0].limit, MS_LIMIT_WATERMARK);
	ms_atomic_result_release(&res);

	/* 100 order-2 blocks: order 2 allows floor(16568/4) = 4142, gets 100 */
	bz.free_blocks[2] = 100;
	res = eval(&era, &zi, &bi, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 2);
	assert_int_equal(res.headroom, 100);
	assert_int_equal(res.zones[0].limit, MS_LIMIT_BLOCKS);
	/* 100 requests of 4 pages: 400 pages, above max(252, 1144)? no:
	 * 400 < 1144, high */
	assert_int_equal(res.risk, MS_RISK_HIGH);
	ms_atomic_result_release(&res);

	/* without buddyinfo a block is assumed: the watermark's 2071 */
	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 3);
	assert_int_equal(res.headroom, 2071);
	assert_true(res.assume & MS_ASSUME_NO_BUDDYINFO);
	ms_atomic_result_release(&res);
}

/*
 * Node 0 with DMA, DMA32 and Normal (6.18: reserve index = gfp_zone()).
 *   Normal: F 1000, min 9149 -> fails (1000 <= 3432).
 *   DMA32:  F 30000, min 7707, protection[2] = 30000:
 *           reduce_atomic(7707) = 7707 - 3853 = 3854, 3854 - 963 = 2891;
 *           30000 - 2891 - 30000 - 1 < 0: unusable for a Normal request.
 *   DMA:    F 3832, min 68, protection (0, 2871, 3795):
 *           reduce_atomic(68) = 34 - 8 = 26;
 *           Normal request: 3832 - 26 - 3795 = 11 requests.
 * GFP_ATOMIC|__GFP_DMA32 (k = 1): DMA32 30000 - 2891 - 0 = 27109,
 *   DMA 3832 - 26 - 2871 = 935. GFP_ATOMIC|__GFP_DMA (k = 0): 3806.
 */
static void test_protection(void **state)
{
	struct ms_era era = era_of(6, 18, 0);
	struct ms_zone zones[] = {
		mkzone(0, "DMA", 0, 3832, 68, 85),
		mkzone(0, "DMA32", 1, 30000, 7707, 9633),
		mkzone(0, "Normal", 2, 1000, 9149, 11436),
	};
	struct ms_zoneinfo zi = mkzi(zones, 3);
	struct ms_atomic_result res;
	int i;

	(void)state;
	zones[0].protection[1] = 2871;
	for (i = 2; i < 5; i++) {
		zones[0].protection[i] = 3795;
		zones[1].protection[i] = 30000;
	}
	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.highest_zoneidx, 2);
	assert_int_equal(res.reserve_idx, 2);
	assert_int_equal(res.nr_zones, 3);
	/* the zonelist runs from the highest zone down */
	assert_string_equal(res.zones[0].zone->name, "Normal");
	assert_string_equal(res.zones[1].zone->name, "DMA32");
	assert_string_equal(res.zones[2].zone->name, "DMA");
	assert_int_equal(res.zones[0].headroom, 0);
	assert_int_equal(res.zones[1].mark_pages, 2891);
	assert_int_equal(res.zones[1].protection_pages, 30000);
	assert_int_equal(res.zones[1].headroom, 0);
	assert_false(res.zones[1].passes);
	assert_int_equal(res.zones[2].mark_pages, 26);
	assert_int_equal(res.zones[2].headroom, 11);
	assert_int_equal(res.headroom, 11);
	assert_int_equal(res.first, 2);
	/* the levels carry the protection: 30000 + 9633, + 7707, + 2891 */
	assert_int_equal(res.zones[1].levels.kswapd_wake_pages, 39633);
	assert_int_equal(res.zones[1].levels.direct_reclaim_pages, 37707);
	assert_int_equal(res.zones[1].levels.atomic_fail_pages, 32891);
	ms_atomic_result_release(&res);

	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_DMA32, 0);
	assert_int_equal(res.highest_zoneidx, 1);
	assert_int_equal(res.reserve_idx, 1);
	assert_int_equal(res.nr_zones, 2);
	assert_int_equal(res.zones[0].headroom, 27109);
	assert_int_equal(res.zones[1].headroom, 935);
	assert_int_equal(res.headroom, 28044);
	ms_atomic_result_release(&res);

	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_DMA, 0);
	assert_int_equal(res.nr_zones, 1);
	assert_int_equal(res.headroom, 3806);
	ms_atomic_result_release(&res);
}

/*
 * CMA: F = 20000 of which 15000 free CMA pages; none of the classes is
 * movable. Atomic: 20000 - 15000 - 3432 = 1568; kernel fails. At order
 * 3, CMA and Isolate blocks do not count.
 */
static void test_cma(void **state)
{
	struct ms_era era = era_of(6, 18, 0);
	struct ms_zone zones[] = { mkzone(0, "Normal", 2, 20000, 9149, 11436) };
	struct ms_zoneinfo zi = mkzi(zones, 1);
	struct ms_pagetypeinfo pt;
	struct ms_pt_zone ptz;
	struct ms_atomic_result res;

	(void)state;
	zones[0].nr_free_cma = 15000;
	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.zones[0].cma_pages, 15000);
	assert_int_equal(res.headroom, 1568);
	ms_atomic_result_release(&res);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_KERNEL, 0), 0);

	mkpt(&pt, &ptz, 0, "Normal");
	ptz.free_blocks[T_MOVABLE][0] = 5000;
	ptz.free_blocks[T_CMA][3] = 100;
	ptz.free_blocks[T_CMA][10] = 14;
	ptz.free_blocks[T_ISOLATE][10] = 3;
	/* margin 20000 - 15000 - 3432 - 8 = 1560 >= 0, but no block */
	res = eval(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 3);
	assert_int_equal(res.zones[0].margin_pages, 1560);
	assert_int_equal(res.headroom, 0);
	assert_int_equal(res.zones[0].limit, MS_LIMIT_BLOCKS);
	assert_false(res.assume & MS_ASSUME_NO_PAGETYPEINFO);
	ms_atomic_result_release(&res);
}

/*
 * Highatomic. F = 20000, min 9149; pagetypeinfo: 2 HighAtomic pageblocks
 * of 512 pages (reserve 1024), of which 10 x 1 + 5 x 2 + 2 x 8 = 36 pages
 * are free; 30 Movable order-10 blocks for capacity.
 *   4.4-6.2 (5.10): kernel and nowait leave the reserve:
 *       20000 - 1024 - 9149 = 9827; atomic does not: 16568.
 *   6.3-6.11 (6.6): nowait is reserve-privileged (ALLOC_NON_BLOCK):
 *       20000 - 9149 = 10851; kernel 9827.
 *   6.12+: only the free highatomic pages: 20000 - 36 - 9149 = 10815.
 *   4.7-5.8 (5.4): order 0 skips the term on zone_watermark_fast()'s
 *       shortcut: 10851; order 1 has it: floor((20000 - 1024 - 9149)/2)
 *       = floor(9827 / 2) = 4913.
 */
static void test_highatomic(void **state)
{
	struct ms_zone zones[] = { mkzone(0, "Normal", 2, 20000, 9149, 11436) };
	struct ms_zoneinfo zi = mkzi(zones, 1);
	struct ms_pagetypeinfo pt;
	struct ms_pt_zone ptz;
	struct ms_era era;
	struct ms_atomic_result res;

	(void)state;
	zones[0].has &= ~MS_ZONE_HAS_HIGHATOMIC;
	mkpt(&pt, &ptz, 0, "Normal");
	ptz.blocks[T_HIGHATOMIC] = 2;
	ptz.free_blocks[T_HIGHATOMIC][0] = 10;
	ptz.free_blocks[T_HIGHATOMIC][1] = 5;
	ptz.free_blocks[T_HIGHATOMIC][3] = 2;
	ptz.free_blocks[T_MOVABLE][10] = 30;

	era = era_of(5, 10, 0);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_KERNEL, 0),
			 9827);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_NOWAIT, 0),
			 9827);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, 0),
			 16568);
	res = eval(&era, &zi, NULL, &pt, MS_GFP_KERNEL, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.zones[0].highatomic_pages, 1024);
	ms_atomic_result_release(&res);
	res = eval(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.zones[0].highatomic_pages, 0);
	ms_atomic_result_release(&res);

	era = era_of(6, 6, 0);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_NOWAIT, 0),
			 10851);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_KERNEL, 0),
			 9827);

	era = era_of(6, 12, 0);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_KERNEL, 0),
			 10815);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_NOWAIT, 0),
			 10851);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, 0),
			 16568);

	era = era_of(5, 4, 0);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_KERNEL, 0),
			 10851);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_KERNEL, 1),
			 4913);

	/* 6.19 prints both numbers in zoneinfo: no pagetypeinfo needed */
	zones[0].has |= MS_ZONE_HAS_HIGHATOMIC;
	zones[0].reserved_highatomic = 1024;
	zones[0].free_highatomic = 36;
	era = era_of(6, 19, 0);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_KERNEL, 0),
			 10815);
	/* the same zone judged by 6.6 rules uses the reserve */
	era = era_of(6, 6, 0);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_KERNEL, 0),
			 9827);

	/* neither source: taken as 0 and flagged */
	zones[0].has &= ~MS_ZONE_HAS_HIGHATOMIC;
	res = eval(&era, &zi, NULL, NULL, MS_GFP_KERNEL, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.headroom, 10851);
	assert_true(res.assume & MS_ASSUME_HA_UNKNOWN);
	ms_atomic_result_release(&res);
}

/*
 * Which free lists serve which class, per era. F = 20000, min 9149.
 * Only HighAtomic has blocks of order >= 3: 2 order-9 blocks = 2 x 64
 * = 128 order-3 requests; the reserve is those 2 pageblocks (1024).
 *   nowait order 3: 6.6 gets ALLOC_HIGHATOMIC -> 128 (the watermark
 *     would allow floor((20000 - 9149) / 8) = 1356); 6.18 does not -> 0;
 *     5.10 never could -> 0.
 *   atomic order 3: ALLOC_HARDER / ALLOC_HIGHATOMIC -> 128 everywhere.
 *   kernel order 3: 0.
 */
static void test_eras_high_order(void **state)
{
	struct ms_zone zones[] = { mkzone(0, "Normal", 2, 20000, 9149, 11436) };
	struct ms_zoneinfo zi = mkzi(zones, 1);
	struct ms_pagetypeinfo pt;
	struct ms_pt_zone ptz;
	struct ms_era era;
	struct ms_atomic_result res;

	(void)state;
	zones[0].has &= ~MS_ZONE_HAS_HIGHATOMIC;
	mkpt(&pt, &ptz, 0, "Normal");
	ptz.blocks[T_HIGHATOMIC] = 2;
	ptz.free_blocks[T_HIGHATOMIC][9] = 2;
	ptz.free_blocks[T_UNMOVABLE][0] = 20000;

	era = era_of(6, 6, 0);
	res = eval(&era, &zi, NULL, &pt, MS_GFP_NOWAIT, MS_GFPZ_NORMAL, 3);
	assert_int_equal(res.zones[0].margin_pages, 20000 - 9149 - 8);
	assert_int_equal(res.headroom, 128);
	assert_int_equal(res.zones[0].limit, MS_LIMIT_BLOCKS);
	ms_atomic_result_release(&res);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, 3), 128);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_KERNEL, 3), 0);

	era = era_of(6, 18, 0);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_NOWAIT, 3), 0);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, 3), 128);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_KERNEL, 3), 0);

	era = era_of(5, 10, 0);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_NOWAIT, 3), 0);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, 3), 128);
	/* 4.4-4.14: still only the lists rmqueue() can take from */
	era = era_of(4, 9, 0);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, 3), 128);
}

/*
 * Order 0 when only HighAtomic lists hold pages (100 order-0 pages):
 * rmqueue() takes them for non-blocking requests from 6.12 and the
 * backports (6.6.60, 6.1.116, 5.15.171), never before, never for
 * GFP_KERNEL. The watermark allows thousands; the blocks decide.
 */
static void test_order0_highatomic_fallback(void **state)
{
	struct ms_zone zones[] = { mkzone(0, "Normal", 2, 20000, 9149, 11436) };
	struct ms_zoneinfo zi = mkzi(zones, 1);
	struct ms_pagetypeinfo pt;
	struct ms_pt_zone ptz;
	struct ms_era era;

	(void)state;
	mkpt(&pt, &ptz, 0, "Normal");
	ptz.free_blocks[T_HIGHATOMIC][0] = 100;

	era = era_of(6, 6, 0);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, 0), 0);
	era = era_of(6, 6, 60);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, 0), 100);
	era = era_of(5, 15, 171);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, 0), 100);
	era = era_of(5, 10, 0);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, 0), 0);
	era = era_of(6, 18, 0);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_ATOMIC, 0), 100);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_NOWAIT, 0), 100);
	assert_int_equal(headroom(&era, &zi, NULL, &pt, MS_GFP_KERNEL, 0), 0);
}

/*
 * Boost 6000 on base min 9149: zoneinfo prints min 15149, low 17436.
 * F = 5000. Atomic order 0 with the bypass: reduce_atomic(9149) = 3432,
 * 5000 - 3432 = 1568. Without it: reduce_atomic(15149) = 15149 - 7574 =
 * 7575, 7575 - 1893 = 5682 > 5000: fails. Order 1 never bypasses.
 */
/*
 * A miss that memscope validate found on Debian 12's kernel in QEMU:
 * "6.1.0-56-amd64" is 6.1.192, whose backported ALLOC_* rework makes
 * GFP_NOWAIT (ALLOC_NON_BLOCK, one of ALLOC_RESERVES) exempt from the
 * highatomic term. After atomic high-order requests had reserved 2
 * pageblocks of DMA as HighAtomic, the 6.1.0 rules predicted 655
 * order-0 GFP_NOWAIT requests where the probe got 1680 (1024 more).
 * Here: DMA with F = 3000, min 50, 2 HighAtomic blocks of 512 pages
 * (6.1 zoneinfo has no highatomic lines: pagetypeinfo's block count).
 * 6.1.0: U = 1024, headroom = 3000 - 1024 - 50 = 1926. 6.1.192: U = 0,
 * headroom = 3000 - 50 = 2950. The free lists (3 order-10 Movable
 * blocks, 3072 pages) are no limit.
 */
static void test_nowait_reserves_6_1_y(void **state)
{
	struct ms_zone zones[] = { mkzone(0, "DMA", 0, 3000, 50, 62) };
	struct ms_zoneinfo zi = mkzi(zones, 1);
	struct ms_pagetypeinfo pt;
	struct ms_pt_zone ptz;
	struct ms_era old = era_of(6, 1, 0), y = era_of(6, 1, 192);

	(void)state;
	zones[0].has &= ~MS_ZONE_HAS_HIGHATOMIC;
	mkpt(&pt, &ptz, 0, "DMA");
	ptz.blocks[T_HIGHATOMIC] = 2;
	ptz.free_blocks[T_MOVABLE][10] = 3;
	assert_int_equal(headroom(&old, &zi, NULL, &pt, MS_GFP_NOWAIT, 0),
			 1926);
	assert_int_equal(headroom(&y, &zi, NULL, &pt, MS_GFP_NOWAIT, 0), 2950);
	/* GFP_ATOMIC was exempt under both rules */
	assert_int_equal(headroom(&old, &zi, NULL, &pt, MS_GFP_ATOMIC, 0),
			 headroom(&y, &zi, NULL, &pt, MS_GFP_ATOMIC, 0));
}

static void test_boost_bypass(void **state)
{
	struct ms_zone zones[] = { mkzone(0, "Normal", 2, 5000, 15149, 17436) };
	struct ms_zoneinfo zi = mkzi(zones, 1);
	struct ms_atomic_result res;
	struct ms_era era;

	(void)state;
	zones[0].boost_pages = 6000;
	era = era_of(6, 18, 0);
	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.zones[0].mark_pages, 3432);
	assert_int_equal(res.headroom, 1568);
	assert_int_equal(res.zones[0].levels.atomic_fail_pages, 3432);
	ms_atomic_result_release(&res);
	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 1);
	assert_int_equal(res.zones[0].mark_pages, 5682);
	assert_int_equal(res.headroom, 0);
	ms_atomic_result_release(&res);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_KERNEL, 0), 0);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_NOWAIT, 0), 0);

	/* 6.2 (__GFP_ATOMIC test), 5.8, 5.4.214: bypass; 5.4.0, 5.7: not */
	era = era_of(6, 2, 0);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, 0),
			 1568);
	era = era_of(5, 8, 0);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, 0),
			 1568);
	era = era_of(5, 4, 214);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, 0),
			 1568);
	era = era_of(5, 4, 0);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, 0), 0);
	era = era_of(5, 7, 0);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, 0), 0);

	/* a 5.x kernel that does not print boost: flagged */
	zones[0].has &= ~MS_ZONE_HAS_BOOST;
	zones[0].boost_pages = 0;
	era = era_of(5, 10, 0);
	res = eval(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_true(res.assume & MS_ASSUME_BOOST_UNSEEN);
	ms_atomic_result_release(&res);
}

/*
 * <= 4.3 (3.10): F = 4640, min 400, buddyinfo (2000, 500, 10, 0, 100).
 * Order 2, mark m: fail unless
 *   F - 3 - CMA > m                     (margin F - CMA - m - 4)
 *   F - 3 - 2000 > m >> 1               (order 0 pages unusable)
 *   F - 3 - 2000 - 500*2 > m >> 2       (and order 1)
 * kernel m = 400: margins 4236, 2436, 1536 -> floor(1536/4) + 1 = 385;
 * atomic m = reduce_atomic(400) = 150: 4486, 2561, 4640-4-3000-37 = 1599
 *   -> 400;
 * nowait m = 400 - 100 = 300 (ALLOC_HARDER only): 1561 -> 391.
 * Blocks of order >= 2: 10 + 100 x 4 = 410. A replay of the loop one
 * request at a time gives the same 385, 400 and 391.
 * With 4000 free CMA pages the first test binds: 236 -> 60.
 * 4.4 rules on the same data: floor((4640 - 400) / 4) = 1060 by the
 * watermark, 410 by the blocks.
 */
static void test_halving_loop(void **state)
{
	struct ms_era era = era_of(3, 10, 0);
	struct ms_zone zones[] = { mkzone(0, "Normal", 2, 4640, 400, 500) };
	struct ms_zoneinfo zi = mkzi(zones, 1);
	uint64_t nr[NR_ORDERS] = { 2000, 500, 10, 0, 100 };
	struct ms_buddy_zone bz = mkbz(0, "Normal", nr, NR_ORDERS);
	struct ms_buddyinfo bi = mkbi(&bz, 1);
	struct ms_atomic_result res;

	(void)state;
	zones[0].has = MS_ZONE_HAS_FREE | MS_ZONE_HAS_WMARKS |
		       MS_ZONE_HAS_PROTECTION | MS_ZONE_HAS_SCANNED;
	assert_false(era.order0_only);
	res = eval(&era, &zi, &bi, NULL, MS_GFP_KERNEL, MS_GFPZ_NORMAL, 2);
	assert_int_equal(res.zones[0].margin_pages, 1536);
	assert_int_equal(res.headroom, 385);
	assert_int_equal(res.zones[0].blocks, 410);
	assert_int_equal(res.zones[0].limit, MS_LIMIT_WATERMARK);
	/* no highatomic and no boost before 4.4 / 5.0 */
	assert_false(res.assume &
		     (MS_ASSUME_HA_UNKNOWN | MS_ASSUME_BOOST_UNSEEN));
	ms_atomic_result_release(&res);
	res = eval(&era, &zi, &bi, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 2);
	assert_int_equal(res.zones[0].mark_pages, 150);
	assert_int_equal(res.zones[0].margin_pages, 1599);
	assert_int_equal(res.headroom, 400);
	ms_atomic_result_release(&res);
	res = eval(&era, &zi, &bi, NULL, MS_GFP_NOWAIT, MS_GFPZ_NORMAL, 2);
	assert_int_equal(res.zones[0].mark_pages, 300);
	assert_int_equal(res.headroom, 391);
	ms_atomic_result_release(&res);
	/* order 0: only the first test: 4640 - 400 = 4240 */
	assert_int_equal(headroom(&era, &zi, &bi, NULL, MS_GFP_KERNEL, 0),
			 4240);

	zones[0].nr_free_cma = 4000;
	assert_int_equal(headroom(&era, &zi, &bi, NULL, MS_GFP_KERNEL, 2), 60);
	zones[0].nr_free_cma = 0;

	era = era_of(4, 4, 0);
	res = eval(&era, &zi, &bi, NULL, MS_GFP_KERNEL, MS_GFPZ_NORMAL, 2);
	assert_int_equal(res.zones[0].margin_pages, 4236);
	assert_int_equal(res.headroom, 410);
	assert_int_equal(res.zones[0].limit, MS_LIMIT_BLOCKS);
	ms_atomic_result_release(&res);
}

/*
 * Reserve index. Node 0 has DMA32 only (its Normal is empty), node 1 has
 * Normal. A Normal request preferring node 0 walks N0 DMA32, N1 Normal.
 *   N0 DMA32: F 10000, min 1000, protection[2] = 5000;
 *             reduce_atomic(1000) = 500 - 125 = 375.
 *   N1 Normal: F 3000, min 1000: 3000 - 375 = 2625.
 * <= 5.7 indexes by the preferred zone (DMA32, k = 1, R = 0):
 *   10000 - 375 = 9625, total 12250.
 * 5.8+ by gfp_zone() (Normal, k = 2, R = 5000): 4625, total 7250.
 */
static void test_reserve_index(void **state)
{
	struct ms_zone zones[] = {
		mkzone(0, "DMA32", 1, 10000, 1000, 1250),
		empty_zone(0, "Normal", 2),
		empty_zone(1, "DMA32", 1),
		mkzone(1, "Normal", 2, 3000, 1000, 1250),
	};
	struct ms_zoneinfo zi = mkzi(zones, 4);
	struct ms_atomic_input in = { .zi = &zi };
	struct ms_atomic_request req = { .cls = MS_GFP_ATOMIC,
					 .zone = MS_GFPZ_NORMAL,
					 .node = 0 };
	struct ms_atomic_result res;
	struct ms_era era;
	int i;

	(void)state;
	for (i = 2; i < 5; i++)
		zones[0].protection[i] = 5000;
	era = era_of(5, 4, 0);
	in.era = &era;
	assert_int_equal(ms_atomic_eval(&in, &req, &res), 0);
	assert_int_equal(res.nr_zones, 2);
	assert_int_equal(res.zones[0].zone->node, 0);
	assert_string_equal(res.zones[0].zone->name, "DMA32");
	assert_int_equal(res.zones[1].zone->node, 1);
	assert_int_equal(res.reserve_idx, 1);
	assert_int_equal(res.zones[0].headroom, 9625);
	assert_int_equal(res.zones[1].headroom, 2625);
	assert_int_equal(res.headroom, 12250);
	assert_true(res.assume & MS_ASSUME_NODE_ORDER);
	assert_false(res.assume & MS_ASSUME_DEFAULT_NODE);
	ms_atomic_result_release(&res);

	era = era_of(5, 10, 0);
	assert_int_equal(ms_atomic_eval(&in, &req, &res), 0);
	assert_int_equal(res.reserve_idx, 2);
	assert_int_equal(res.zones[0].headroom, 4625);
	assert_int_equal(res.headroom, 7250);
	ms_atomic_result_release(&res);

	/* preferring node 1: its Normal first, then node 0's DMA32 */
	req.node = 1;
	era = era_of(5, 4, 0);
	assert_int_equal(ms_atomic_eval(&in, &req, &res), 0);
	assert_int_equal(res.zones[0].zone->node, 1);
	assert_int_equal(res.zones[1].zone->node, 0);
	assert_int_equal(res.reserve_idx, 2);
	assert_int_equal(res.headroom, 2625 + 4625);
	ms_atomic_result_release(&res);

	/* no preferred node: the lowest id, flagged */
	req.node = -1;
	assert_int_equal(ms_atomic_eval(&in, &req, &res), 0);
	assert_int_equal(res.zones[0].zone->node, 0);
	assert_true(res.assume & MS_ASSUME_DEFAULT_NODE);
	ms_atomic_result_release(&res);

	/* a node with no zoneinfo block */
	req.node = 7;
	assert_int_equal(ms_atomic_eval(&in, &req, &res), -ENOENT);
	ms_atomic_result_release(&res);
}

/*
 * NR_UNACCEPTED, 5000 pages: subtracted in 6.5-6.10 (and 6.6.y before
 * the backport), not in 6.4 or 6.11+. Atomic: 20000 - 5000 - 3432 =
 * 11568, else 16568.
 */
static void test_unaccepted(void **state)
{
	struct ms_zone zones[] = { mkzone(0, "Normal", 2, 20000, 9149, 11436) };
	struct ms_zoneinfo zi = mkzi(zones, 1);
	struct ms_era era;

	(void)state;
	zones[0].nr_unaccepted = 5000;
	zones[0].has |= MS_ZONE_HAS_NR_UNACCEPTED;
	era = era_of(6, 6, 0);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, 0),
			 11568);
	era = era_of(6, 10, 3);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, 0),
			 11568);
	era = era_of(6, 6, 47);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, 0),
			 16568);
	era = era_of(6, 4, 0);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, 0),
			 16568);
	era = era_of(6, 11, 0);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, 0),
			 16568);
	era = era_of(6, 12, 0);
	assert_int_equal(headroom(&era, &zi, NULL, NULL, MS_GFP_ATOMIC, 0),
			 16568);
}

/*
 * gfp_zone(): without a DMA zone, __GFP_DMA means Normal. A pre-4.12
 * zoneinfo of a small machine lists DMA and DMA32 only: ZONE_NORMAL is
 * index 2 and both zones serve a Normal request. Orders beyond the
 * largest are refused.
 */
static void test_gfp_zone(void **state)
{
	struct ms_era era = era_of(6, 18, 0);
	struct ms_zone normal_only[] = {
		mkzone(0, "Normal", 0, 5000, 100, 125),
		empty_zone(0, "Movable", 1),
	};
	struct ms_zone small[] = {
		mkzone(0, "DMA", 0, 3000, 100, 125),
		mkzone(0, "DMA32", 1, 5000, 100, 125),
	};
	struct ms_zoneinfo zi = mkzi(normal_only, 2);
	uint64_t nr[NR_ORDERS] = { [10] = 8 };
	struct ms_buddy_zone bz = mkbz(0, "Normal", nr, NR_ORDERS);
	struct ms_buddyinfo bi = mkbi(&bz, 1);
	struct ms_atomic_input in = { .zi = &zi, .bi = &bi, .era = &era };
	struct ms_atomic_request req = { .cls = MS_GFP_ATOMIC,
					 .zone = MS_GFPZ_DMA,
					 .order = 0,
					 .node = -1 };
	struct ms_atomic_result res;

	(void)state;
	assert_int_equal(ms_atomic_eval(&in, &req, &res), 0);
	assert_int_equal(res.highest_zoneidx, 0);
	assert_int_equal(res.nr_zones, 1);
	assert_string_equal(res.zones[0].zone->name, "Normal");
	ms_atomic_result_release(&res);

	req.order = NR_ORDERS;
	assert_int_equal(ms_atomic_eval(&in, &req, &res), -ERANGE);
	ms_atomic_result_release(&res);

	zi = mkzi(small, 2);
	in.bi = NULL;
	req.zone = MS_GFPZ_NORMAL;
	req.order = 0;
	assert_int_equal(ms_atomic_eval(&in, &req, &res), 0);
	assert_int_equal(res.highest_zoneidx, 2);
	assert_int_equal(res.nr_zones, 2);
	assert_string_equal(res.zones[0].zone->name, "DMA32");
	/* reduce_atomic(100) = 50 - 12 = 38: 4962 + 2962 */
	assert_int_equal(res.headroom, 4962 + 2962);
	ms_atomic_result_release(&res);
}

/*
 * The splitting replay. One order-10 block serves 1024 order-0
 * requests; after 1 the halves 512..1 are left (one block of each order
 * 0..9); after 3, 1021 = 0b1111111101 pages: orders 0 and 2..9.
 * Order 3 with one block each of orders 3, 5 and 10: 1 + 4 + 128 = 133;
 * after 2 requests the order-3 block is gone and the order-5 block was
 * split: 3 units left = one block of order 3 and one of order 4.
 */
static void test_buddy_take(void **state)
{
	uint64_t b[NR_ORDERS];
	unsigned int i;

	(void)state;
	memset(b, 0, sizeof(b));
	b[10] = 1;
	assert_int_equal(ms_buddy_take(b, NR_ORDERS, 0, 5000), 1024);
	for (i = 0; i < NR_ORDERS; i++)
		assert_int_equal(b[i], 0);

	memset(b, 0, sizeof(b));
	b[10] = 1;
	assert_int_equal(ms_buddy_take(b, NR_ORDERS, 0, 1), 1);
	for (i = 0; i < 10; i++)
		assert_int_equal(b[i], 1);
	assert_int_equal(b[10], 0);

	memset(b, 0, sizeof(b));
	b[10] = 1;
	assert_int_equal(ms_buddy_take(b, NR_ORDERS, 0, 3), 3);
	assert_int_equal(b[0], 1);
	assert_int_equal(b[1], 0);
	for (i = 2; i < 10; i++)
		assert_int_equal(b[i], 1);

	memset(b, 0, sizeof(b));
	b[3] = b[5] = b[10] = 1;
	assert_int_equal(ms_buddy_take(b, NR_ORDERS, 3, 2), 2);
	assert_int_equal(b[3], 1);
	assert_int_equal(b[4], 1);
	assert_int_equal(b[5], 0);
	assert_int_equal(b[10], 1);
	memset(b, 0, sizeof(b));
	b[3] = b[5] = b[10] = 1;
	assert_int_equal(ms_buddy_take(b, NR_ORDERS, 3, 1000), 133);
	/* lower orders are never touched */
	memset(b, 0, sizeof(b));
	b[0] = 7;
	b[2] = 1;
	b[6] = 1;
	assert_int_equal(ms_buddy_take(b, NR_ORDERS, 3, 100), 8);
	assert_int_equal(b[0], 7);
	assert_int_equal(b[2], 1);
	assert_int_equal(b[6], 0);
}

/* The same replay inside a zone: min(2071, 133) order-3 requests. */
static void test_split_in_zone(void **state)
{
	struct ms_era era = era_of(6, 18, 0);
	struct ms_zone zones[] = { mkzone(0, "Normal", 2, 20000, 9149, 11436) };
	struct ms_zoneinfo zi = mkzi(zones, 1);
	uint64_t nr[NR_ORDERS] = { [3] = 1, [5] = 1, [10] = 1 };
	struct ms_buddy_zone bz = mkbz(0, "Normal", nr, NR_ORDERS);
	struct ms_buddyinfo bi = mkbi(&bz, 1);
	struct ms_atomic_result res;

	(void)state;
	res = eval(&era, &zi, &bi, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 3);
	assert_int_equal(res.headroom, 133);
	assert_int_equal(res.zones[0].blocks, 133);
	assert_int_equal(res.zones[0].limit, MS_LIMIT_BLOCKS);
	ms_atomic_result_release(&res);
	/* 1024 order-0 requests from one order-10 block when F allows */
	memset(nr, 0, sizeof(nr));
	nr[10] = 1;
	bz = mkbz(0, "Normal", nr, NR_ORDERS);
	res = eval(&era, &zi, &bi, NULL, MS_GFP_ATOMIC, MS_GFPZ_NORMAL, 0);
	assert_int_equal(res.headroom, 1024);
	ms_atomic_result_release(&res);
}

static void test_era(void **state)
{
	struct ms_era_features f;
	struct ms_kver kv;
	struct ms_era era;

	(void)state;
	era = era_of(6, 18, 44);
	assert_string_equal(era.name, "6.18+");
	assert_true(era.alloc_rework && era.free_highatomic);
	assert_false(era.nowait_highatomic);
	era = era_of(6, 12, 0);
	assert_string_equal(era.name, "6.12-6.17");
	assert_true(era.nowait_highatomic);
	era = era_of(6, 1, 0);
	assert_string_equal(era.name, "5.9-6.2");
	assert_false(era.alloc_rework);
	era = era_of(6, 1, 116);
	assert_string_equal(era.name, "5.9-6.2*");
	assert_true(era.alloc_rework && era.nonblock_ha_fallback);
	assert_false(era.free_highatomic);
	assert_true(era.nowait_highatomic);
	/* 6.1.157 took 6a204d4b14c9: GFP_NOWAIT no longer ALLOC_HIGHATOMIC */
	era = era_of(6, 1, 157);
	assert_true(era.alloc_rework && era.nonblock_ha_fallback);
	assert_false(era.nowait_highatomic);
	era = era_of(5, 15, 171);
	assert_string_equal(era.name, "5.9-6.2*");
	era = era_of(6, 6, 60);
	assert_string_equal(era.name, "6.5-6.10*");
	assert_false(era.unaccepted);
	era = era_of(2, 6, 16);
	assert_string_equal(era.name, "<=4.3");
	assert_false(era.order0_only || era.highatomic || era.boost);
	era = era_of(4, 4, 0);
	assert_string_equal(era.name, "4.4-4.6");
	assert_false(era.fast_order0);
	era = era_of(4, 9, 0);
	assert_string_equal(era.name, "4.7-4.13");
	assert_true(era.fast_ignores_ha);
	assert_false(era.alloc_oom);
	era = era_of(5, 4, 214);
	assert_string_equal(era.name, "5.0-5.7*");
	assert_true(era.boost_bypass);
	assert_false(era.reserve_highest);

	/* el9: an old release printing 6.x fields takes the fields' rules */
	assert_int_equal(ms_kver_parse(&kv, "5.14.0-325.el9.x86_64", 21), 0);
	memset(&f, 0, sizeof(f));
	f.zone_has = MS_ZONE_HAS_BOOST | MS_ZONE_HAS_CMA | MS_ZONE_HAS_PROMO;
	ms_era_detect(&era, &kv, &f);
	assert_int_equal(era.source, MS_ERA_FEATURES);
	assert_int_equal(ms_kver_code(&era.kver), MS_KVER(6, 9, 0));
	assert_true(era.alloc_rework);
	/* the same release without them keeps its own rules */
	f.zone_has = MS_ZONE_HAS_CMA;
	ms_era_detect(&era, &kv, &f);
	assert_int_equal(era.source, MS_ERA_RELEASE);
	assert_string_equal(era.kver.release, "5.14.0-325.el9.x86_64");
	assert_false(era.alloc_rework);
	/* a newer release than the fields imply wins */
	ms_kver_set(&kv, 6, 12, 3);
	f.zone_has = MS_ZONE_HAS_BOOST;
	ms_era_detect(&era, &kv, &f);
	assert_int_equal(era.source, MS_ERA_RELEASE);
	assert_true(era.free_highatomic);
	/* no release: 6.19 lines; a Reserve type; nothing at all */
	f.zone_has = MS_ZONE_HAS_HIGHATOMIC | MS_ZONE_HAS_BOOST;
	ms_era_detect(&era, NULL, &f);
	assert_int_equal(era.source, MS_ERA_FEATURES);
	assert_string_equal(era.name, "6.18+");
	memset(&f, 0, sizeof(f));
	f.pt_reserve = true;
	ms_era_detect(&era, NULL, &f);
	assert_string_equal(era.name, "<=4.3");
	ms_era_detect(&era, NULL, NULL);
	assert_int_equal(era.source, MS_ERA_DEFAULT);
	assert_string_equal(era.name, "6.18+");
	/* --kernel: the given version, whatever the data says */
	ms_kver_set(&kv, 4, 19, 0);
	ms_era_override(&era, &kv);
	assert_int_equal(era.source, MS_ERA_OVERRIDE);
	assert_string_equal(era.name, "4.14-4.20");
	assert_string_equal(ms_era_source_name(era.source), "override");
}

static void test_features_scan(void **state)
{
	struct ms_zone zones[] = {
		mkzone(0, "DMA", 0, 1, 1, 1),
		mkzone(0, "Normal", 2, 1, 1, 1),
	};
	struct ms_zoneinfo zi = mkzi(zones, 2);
	struct ms_pagetypeinfo pt;
	struct ms_pt_zone ptz;
	struct ms_era_features f;

	(void)state;
	zones[0].has = MS_ZONE_HAS_CMA;
	zones[1].has = MS_ZONE_HAS_NODE_STATS;
	mkpt(&pt, &ptz, 0, "Normal");
	ms_era_features_scan(&f, &zi, &pt);
	assert_int_equal(f.zone_has, MS_ZONE_HAS_CMA | MS_ZONE_HAS_NODE_STATS);
	assert_true(f.pt_highatomic);
	assert_false(f.pt_reserve);
	ms_era_features_scan(&f, NULL, NULL);
	assert_int_equal(f.zone_has, 0);
}

static void test_names(void **state)
{
	enum ms_gfp_class cls;
	enum ms_gfp_zone zone;
	unsigned int bit;

	(void)state;
	assert_int_equal(ms_gfp_parse("dma32", &cls, &zone), 0);
	assert_int_equal(cls, MS_GFP_ATOMIC);
	assert_int_equal(zone, MS_GFPZ_DMA32);
	assert_int_equal(ms_gfp_parse("dma", &cls, &zone), 0);
	assert_int_equal(zone, MS_GFPZ_DMA);
	assert_int_equal(ms_gfp_parse("kernel", &cls, &zone), 0);
	assert_int_equal(cls, MS_GFP_KERNEL);
	assert_int_equal(zone, MS_GFPZ_NORMAL);
	assert_int_equal(ms_gfp_parse("GFP_ATOMIC", &cls, &zone), -EINVAL);
	assert_string_equal(ms_gfp_class_name(MS_GFP_NOWAIT), "nowait");
	assert_string_equal(ms_gfp_zone_name(MS_GFPZ_DMA32), "DMA32");
	assert_string_equal(ms_risk_name(MS_RISK_HIGH), "high");
	assert_string_equal(ms_atomic_limit_name(MS_LIMIT_BLOCKS), "blocks");
	for (bit = 0; bit < MS_ASSUME_NR; bit++)
		assert_non_null(ms_atomic_assume_text(1u << bit));
	assert_null(ms_atomic_assume_text(1u << MS_ASSUME_NR));
	assert_string_equal(ms_atomic_assume_text(MS_ASSUME_NO_PAGETYPEINFO),
			    "all blocks eligible (no pagetypeinfo)");
}

/* Deterministic generator for the synthetic zones (64-bit LCG, MMIX). */
static uint64_t rng_state = 42;

static uint64_t rnd(uint64_t n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return n ? (rng_state >> 33) % n : 0;
}

/*
 * A random zone with buddyinfo and, every other time, pagetypeinfo
 * splitting the same counts over the types. HighAtomic free lists stay
 * empty where order 0 cannot use them (before the 6.12 fallback): only
 * then is the eligible set the same at every order.
 */
static void random_zone(const struct ms_era *era, struct ms_zone *z,
			struct ms_buddy_zone *bz, struct ms_pagetypeinfo *pt,
			struct ms_pt_zone *ptz, bool *with_pt)
{
	uint64_t base_min = rnd(3000), boost = rnd(3) ? 0 : rnd(2000);
	uint64_t dist = rnd(1000), fb = 0;
	unsigned int i, t;

	*z = mkzone(0, "Normal", 2, 0, base_min + boost,
		    base_min + dist + boost);
	z->boost_pages = boost;
	z->nr_free_cma = rnd(4) ? 0 : rnd(500);
	z->has &= ~MS_ZONE_HAS_HIGHATOMIC;
	for (i = 0; i < 5; i++)
		z->protection[i] = rnd(3) ? 0 : (int64_t)rnd(800);
	memset(bz, 0, sizeof(*bz));
	bz->node = 0;
	snprintf(bz->zone, sizeof(bz->zone), "Normal");
	for (i = 0; i < NR_ORDERS; i++) {
		bz->free_blocks[i] = rnd(2) ? 0 : rnd(40 >> (i / 3));
		fb += bz->free_blocks[i] << i;
	}
	/* pages free near the buddy lists' sum, as on a live system */
	z->free_pages = fb + rnd(200) - (rnd(2) ? 0 : rnd(fb / 4 + 1));
	*with_pt = rnd(2);
	if (!*with_pt)
		return;
	mkpt(pt, ptz, 0, "Normal");
	ptz->blocks[T_HIGHATOMIC] = rnd(3);
	for (i = 0; i < NR_ORDERS; i++) {
		uint64_t left = bz->free_blocks[i];

		for (t = 0; t < 6 && left; t++) {
			uint64_t n = t == 5 ? left : rnd(left + 1);

			if (t == T_HIGHATOMIC && !era->nonblock_ha_fallback)
				n = 0;
			ptz->free_blocks[t][i] = n;
			left -= n;
		}
		ptz->free_blocks[T_ISOLATE][i] += left;
	}
}

/*
 * One request at a time, as the allocator would: check the watermark
 * with the current free count, take the smallest eligible block and
 * split it. Only for 4.4+ and the zone's own numbers (mark, pages left
 * out, protection); the bulk arithmetic must agree.
 */
static uint64_t replay(const struct ms_atomic_zone *az, const uint64_t *elig,
		       unsigned int order, uint64_t limit)
{
	uint64_t b[NR_ORDERS], n = 0;
	int64_t f = az->free_pages;
	int64_t left_out =
		az->highatomic_pages + az->cma_pages + az->unaccepted_pages;
	unsigned int j;

	memcpy(b, elig, sizeof(b));
	while (n < limit) {
		if (f - ((1 << order) - 1) - left_out <=
		    az->mark_pages + az->protection_pages)
			break;
		for (j = order; j < NR_ORDERS && !b[j]; j++)
			;
		if (j == NR_ORDERS)
			break;
		b[j]--;
		while (j-- > order)
			b[j]++;
		f -= 1 << order;
		n++;
	}
	return n;
}

static void test_properties(void **state)
{
	static const unsigned int eras[][3] = {
		{ 3, 10, 0 }, { 4, 4, 0 }, { 4, 19, 0 }, { 5, 4, 0 },
		{ 5, 10, 0 }, { 6, 6, 0 }, { 6, 12, 0 }, { 6, 18, 0 },
	};
	size_t e;
	int round;

	(void)state;
	for (e = 0; e < sizeof(eras) / sizeof(eras[0]); e++) {
		struct ms_era era = era_of(eras[e][0], eras[e][1], eras[e][2]);

		for (round = 0; round < 150; round++) {
			struct ms_zone z;
			struct ms_buddy_zone bz;
			struct ms_pagetypeinfo pt;
			struct ms_pt_zone ptz;
			struct ms_zoneinfo zi;
			struct ms_buddyinfo bi;
			uint64_t prev[MS_GFP_NR_CLASSES];
			bool with_pt;
			unsigned int order, c;

			random_zone(&era, &z, &bz, &pt, &ptz, &with_pt);
			zi = mkzi(&z, 1);
			bi = mkbi(&bz, 1);
			for (c = 0; c < MS_GFP_NR_CLASSES; c++)
				prev[c] = UINT64_MAX;
			for (order = 0; order < NR_ORDERS; order++) {
				uint64_t h[MS_GFP_NR_CLASSES];

				for (c = 0; c < MS_GFP_NR_CLASSES; c++) {
					struct ms_atomic_result res =
						eval(&era, &zi, &bi,
						     with_pt ? &pt : NULL, c,
						     MS_GFPZ_NORMAL, order);
					const struct ms_atomic_zone *az =
						&res.zones[0];

					h[c] = res.headroom;
					/* a zone that fails has no headroom */
					assert_int_equal(az->passes,
							 az->headroom > 0);
					assert_int_equal(res.passes,
							 res.headroom > 0);
					/* non-increasing in the order */
					assert_true(h[c] <= prev[c]);
					/* never beyond free - mark */
					if (h[c])
						assert_true(
							(int64_t)(h[c]
								  << order) <=
							az->free_pages -
								az->mark_pages);
					assert_true(h[c] <= az->blocks);
					prev[c] = h[c];
					ms_atomic_result_release(&res);
				}
				assert_true(h[MS_GFP_ATOMIC] >=
					    h[MS_GFP_NOWAIT]);
				assert_true(h[MS_GFP_NOWAIT] >=
					    h[MS_GFP_KERNEL]);
			}
		}
	}
}

/* The bulk headroom equals a request-by-request replay (4.4+ rules). */
static void test_replay(void **state)
{
	static const unsigned int eras[][3] = {
		{ 4, 9, 0 },
		{ 5, 10, 0 },
		{ 6, 6, 0 },
		{ 6, 18, 0 },
	};
	size_t e;
	int round;

	(void)state;
	for (e = 0; e < sizeof(eras) / sizeof(eras[0]); e++) {
		struct ms_era era = era_of(eras[e][0], eras[e][1], eras[e][2]);

		for (round = 0; round < 40; round++) {
			struct ms_zone z;
			struct ms_buddy_zone bz;
			struct ms_pagetypeinfo pt;
			struct ms_pt_zone ptz;
			struct ms_zoneinfo zi;
			struct ms_buddyinfo bi;
			bool with_pt;
			unsigned int order, c;

			random_zone(&era, &z, &bz, &pt, &ptz, &with_pt);
			zi = mkzi(&z, 1);
			bi = mkbi(&bz, 1);
			for (order = 0; order < NR_ORDERS; order += 2) {
				for (c = 0; c < MS_GFP_NR_CLASSES; c++) {
					struct ms_atomic_result res =
						eval(&era, &zi, &bi, NULL, c,
						     MS_GFPZ_NORMAL, order);

					/* no pagetypeinfo: every buddy block */
					assert_int_equal(res.headroom,
							 replay(&res.zones[0],
								bz.free_blocks,
								order,
								UINT64_MAX));
					ms_atomic_result_release(&res);
				}
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worked_example),
		cmocka_unit_test(test_below_low),
		cmocka_unit_test(test_blocks_limit),
		cmocka_unit_test(test_protection),
		cmocka_unit_test(test_cma),
		cmocka_unit_test(test_highatomic),
		cmocka_unit_test(test_eras_high_order),
		cmocka_unit_test(test_order0_highatomic_fallback),
		cmocka_unit_test(test_nowait_reserves_6_1_y),
		cmocka_unit_test(test_boost_bypass),
		cmocka_unit_test(test_halving_loop),
		cmocka_unit_test(test_reserve_index),
		cmocka_unit_test(test_unaccepted),
		cmocka_unit_test(test_gfp_zone),
		cmocka_unit_test(test_buddy_take),
		cmocka_unit_test(test_split_in_zone),
		cmocka_unit_test(test_era),
		cmocka_unit_test(test_features_scan),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_properties),
		cmocka_unit_test(test_replay),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
