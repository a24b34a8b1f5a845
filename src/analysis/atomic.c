// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The watermark check of the page allocator, applied to parsed
 * zoneinfo, buddyinfo and pagetypeinfo: __zone_watermark_ok(),
 * zone_watermark_fast(), __zone_watermark_unusable_free() and
 * gfp_to_alloc_flags() of mm/page_alloc.c with the ALLOC_* flags of
 * mm/internal.h, per era (analysis/era.h), and the zonelist of
 * build_zonelists().
 *
 * Where the kernel sources say otherwise than the reference, the
 * sources are followed:
 *
 *  - 4.4-4.14: __zone_watermark_ok() let an ALLOC_HARDER request pass
 *    its high-order test on any non-empty free area, whatever the
 *    migrate type ("if (alloc_harder) return true"), until "mm,
 *    page_alloc: fix potential false positive in __zone_watermark_ok"
 *    (November 2017, 4.15) limited it to the HighAtomic lists. An
 *    Isolate or CMA block then satisfied the check although rmqueue()
 *    could not take it, and the allocator moved to the next zone; the
 *    model counts only blocks rmqueue() can take, which gives the same
 *    success or failure in every era.
 *  - Order 0 never looks at the free lists in the check, but rmqueue()
 *    must still find a page: 4.4-6.11 take HighAtomic pages only for
 *    order > 0 requests with ALLOC_HARDER/ALLOC_HIGHATOMIC; from 6.12
 *    ("let GFP_ATOMIC order-0 allocs access highatomic reserves")
 *    rmqueue_buddy() falls back to them for ALLOC_NON_BLOCK and
 *    ALLOC_OOM at any order. The eligible free blocks below follow this.
 *  - The boost bypass re-runs __zone_watermark_ok() with
 *    _watermark[WMARK_MIN] (the unboosted min), so the class's
 *    reductions apply to min - boost.
 *  - In 4.7-5.8 the order-0 shortcut of zone_watermark_fast() passed on
 *    "free - free CMA > mark + protection" before the full check: an
 *    order-0 request never had the highatomic reserve subtracted.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/atomic.h"
#include "lib/sat.h"
#include "lib/banned.h"

/* alloc_flags bits that matter here, named as in mm/internal.h */
enum {
	AF_HIGH = (1 << 0),	   /* <= 6.2 ALLOC_HIGH (__GFP_HIGH) */
	AF_HARDER = (1 << 1),	   /* <= 6.2 ALLOC_HARDER */
	AF_OOM = (1 << 2),	   /* 4.14+ ALLOC_OOM */
	AF_MIN_RESERVE = (1 << 3), /* 6.3+ ALLOC_MIN_RESERVE, __GFP_HIGH */
	AF_NON_BLOCK = (1 << 4),   /* 6.3+ ALLOC_NON_BLOCK */
	AF_HIGHATOMIC = (1 << 5),  /* 6.3+ ALLOC_HIGHATOMIC */
};

/* Far beyond any real zone; keeps every sum below in int64_t. */
#define PAGES_MAX ((int64_t)1 << 60)

static int64_t clamp_pages(uint64_t v)
{
	return v > (uint64_t)PAGES_MAX ? PAGES_MAX : (int64_t)v;
}

static int64_t clamp_signed(int64_t v)
{
	if (v > PAGES_MAX)
		return PAGES_MAX;
	if (v < -PAGES_MAX)
		return -PAGES_MAX;
	return v;
}

/*
 * gfp_to_alloc_flags() for the slow path. The fast path passes none of
 * these (ALLOC_WMARK_LOW only), whatever the class.
 */
static unsigned int slow_flags(const struct ms_era *era, enum ms_gfp_class cls,
			       unsigned int order)
{
	switch (cls) {
	case MS_GFP_ATOMIC:
		if (era->alloc_rework)
			return AF_MIN_RESERVE | AF_NON_BLOCK |
			       (order > 0 ? AF_HIGHATOMIC : 0);
		/* __GFP_HIGH, and !__GFP_WAIT (<= 4.3) or __GFP_ATOMIC */
		return AF_HIGH | AF_HARDER;
	case MS_GFP_NOWAIT:
		if (era->alloc_rework)
			return AF_NON_BLOCK |
			       (order > 0 && era->nowait_highatomic ?
					AF_HIGHATOMIC :
					0);
		/* <= 4.3: GFP_NOWAIT had no __GFP_WAIT, so ALLOC_HARDER */
		return era->order0_only ? 0 : AF_HARDER;
	case MS_GFP_KERNEL:
	case MS_GFP_NR_CLASSES:
		break;
	}
	return 0;
}

/* The caller may use the highatomic reserve (no subtraction). */
static bool reserve_privileged(const struct ms_era *era, unsigned int flags)
{
	if (era->alloc_rework)
		return flags &
		       (AF_NON_BLOCK | AF_MIN_RESERVE | AF_HIGHATOMIC | AF_OOM);
	return flags & (AF_HARDER | AF_OOM);
}

/* Step 2 of __zone_watermark_ok(): lower the mark for privileged callers. */
static int64_t reduce_mark(const struct ms_era *era, int64_t m,
			   unsigned int flags)
{
	if (era->alloc_rework) {
		if (flags & AF_MIN_RESERVE) {
			m -= m / 2;
			if (flags & AF_NON_BLOCK)
				m -= m / 4;
		}
		if (flags & AF_OOM)
			m -= m / 2;
		return m;
	}
	if (flags & AF_HIGH)
		m -= m / 2;
	if (!era->order0_only) {
		if (flags & AF_HARDER)
			m -= m / 4;
		return m;
	}
	if (flags & AF_OOM)
		m -= m / 2;
	else if (flags & AF_HARDER)
		m -= m / 4;
	return m;
}

/* The highatomic term is subtracted for this check. */
static bool ha_applies(const struct ms_era *era, unsigned int flags,
		       unsigned int order)
{
	if (!era->highatomic)
		return false;
	if (order == 0 && era->fast_ignores_ha)
		return false;
	return !reserve_privileged(era, flags);
}

/* The HighAtomic free lists can serve this request (see the top). */
static bool ha_lists_eligible(const struct ms_era *era, unsigned int flags,
			      unsigned int order)
{
	if (!era->highatomic)
		return false;
	if (order > 0) {
		if (era->alloc_rework)
			return flags & (AF_HIGHATOMIC | AF_OOM);
		return flags & (AF_HARDER | AF_OOM);
	}
	return era->nonblock_ha_fallback && (flags & (AF_NON_BLOCK | AF_OOM));
}

static int pt_type(const struct ms_pagetypeinfo *pt, const char *name)
{
	unsigned int t;

	for (t = 0; t < pt->nr_types && t < MS_MAX_MIGRATE_TYPES; t++)
		if (!strcmp(pt->types[t], name))
			return (int)t;
	return -1;
}

/*
 * The highatomic term of the era (§4.10): free pages on the HighAtomic
 * lists (6.12+) or the whole reserve (4.4-6.11), from zoneinfo (6.19)
 * or pagetypeinfo. *known is false when neither has it.
 */
static int64_t highatomic_pages(const struct ms_era *era,
				const struct ms_zone *z,
				const struct ms_pagetypeinfo *pt,
				const struct ms_pt_zone *ptz, bool *known,
				unsigned int *assume)
{
	uint64_t sum = 0;
	unsigned int i;
	int t;

	*known = true;
	if (!era->highatomic)
		return 0;
	if (z->has & MS_ZONE_HAS_HIGHATOMIC)
		return clamp_pages(era->free_highatomic ?
					   z->free_highatomic :
					   z->reserved_highatomic);
	t = (pt && ptz) ? pt_type(pt, "HighAtomic") : -1;
	if (t < 0) {
		*known = false;
		return 0;
	}
	if (!era->free_highatomic) {
		if (!ptz->has_blocks) {
			*known = false;
			return 0;
		}
		return clamp_pages(
			ms_sat_mul(ptz->blocks[t], pt->pages_per_block));
	}
	for (i = 0; i < pt->nr_orders && i < MS_MAX_ORDERS; i++) {
		sum = ms_sat_add(sum, ms_sat_shl(ptz->free_blocks[t][i], i));
		if (ptz->capped[t][i])
			*assume |= MS_ASSUME_CAPPED;
	}
	return clamp_pages(sum);
}

/*
 * Free blocks per order that this request can be served from: the
 * lists __zone_watermark_ok() accepts and rmqueue() takes from.
 * Return: false when nothing is known about free blocks.
 */
static bool
eligible_blocks(const struct ms_era *era, const struct ms_buddy_zone *bz,
		unsigned int nr_orders, const struct ms_pagetypeinfo *pt,
		const struct ms_pt_zone *ptz, unsigned int flags,
		unsigned int order, uint64_t *blocks, unsigned int *assume)
{
	unsigned int t, i;

	memset(blocks, 0, sizeof(*blocks) * MS_MAX_ORDERS);
	if (pt && ptz) {
		for (t = 0; t < pt->nr_types && t < MS_MAX_MIGRATE_TYPES; t++) {
			const char *name = pt->types[t];
			bool ok;

			/* MIGRATE_PCPTYPES, and <= 4.3's last resort */
			ok = !strcmp(name, "Unmovable") ||
			     !strcmp(name, "Movable") ||
			     !strcmp(name, "Reclaimable") ||
			     !strcmp(name, "Reserve");
			if (!strcmp(name, "HighAtomic"))
				ok = ha_lists_eligible(era, flags, order);
			/* CMA (no class is movable), Isolate: never */
			if (!ok)
				continue;
			for (i = 0; i < nr_orders && i < MS_MAX_ORDERS; i++) {
				blocks[i] = ms_sat_add(blocks[i],
						       ptz->free_blocks[t][i]);
				if (ptz->capped[t][i])
					*assume |= MS_ASSUME_CAPPED;
			}
		}
		return true;
	}
	if (bz) {
		for (i = 0; i < nr_orders && i < MS_MAX_ORDERS; i++)
			blocks[i] = bz->free_blocks[i];
		*assume |= MS_ASSUME_NO_PAGETYPEINFO;
		return true;
	}
	if (order > 0)
		*assume |= MS_ASSUME_NO_BUDDYINFO;
	return false;
}

/* Order-@order requests the blocks can serve: sum of 2^(i - order). */
static uint64_t block_capacity(const uint64_t *blocks, unsigned int nr_orders,
			       unsigned int order)
{
	uint64_t sum = 0;
	unsigned int i;

	for (i = order; i < nr_orders && i < MS_MAX_ORDERS; i++)
		sum = ms_sat_add(sum, ms_sat_shl(blocks[i], i - order));
	return sum;
}

uint64_t ms_buddy_take(uint64_t *free_blocks, unsigned int nr_orders,
		       unsigned int order, uint64_t count)
{
	uint64_t taken = 0;
	unsigned int j, b;

	if (nr_orders > MS_MAX_ORDERS)
		nr_orders = MS_MAX_ORDERS;
	/*
	 * Smallest first: the blocks of order j are reached only when every
	 * order in [order, j) is empty, and each of them then serves
	 * 2^(j - order) requests before the next one is split.
	 */
	for (j = order; j < nr_orders && count; j++) {
		uint64_t per = (uint64_t)1 << (j - order);
		uint64_t full, left;

		if (!free_blocks[j])
			continue;
		full = count / per;
		if (full > free_blocks[j])
			full = free_blocks[j];
		free_blocks[j] -= full;
		taken += full * per;
		count -= full * per;
		if (!count || !free_blocks[j])
			continue;
		/*
		 * count < per: split one more block. What stays free of it
		 * is per - count units, one block of order + b for each bit
		 * b set, as repeated halving leaves it.
		 */
		free_blocks[j]--;
		left = per - count;
		for (b = 0; b < j - order; b++)
			if (left & ((uint64_t)1 << b))
				free_blocks[order + b]++;
		taken += count;
		count = 0;
	}
	return taken;
}

/*
 * Requests that pass the watermark before it fails, from the margin of
 * the first one: each takes 2^order pages off free.
 */
static uint64_t allowance(int64_t margin, unsigned int order)
{
	if (margin < 0)
		return 0;
	return ((uint64_t)margin >> order) + 1;
}

/*
 * The margin of one check: >= 0 when it passes. 4.4+: free -
 * unusable - 2^order - mark - protection (free - (2^order - 1) - U >
 * mark + R). <= 4.3: the order-0 test with free CMA pages left out,
 * then, for each lower order i, the pages of orders below i are
 * unusable and the mark halves (free - (2^order - 1) - L_i > mark >> i).
 */
static int64_t wmark_margin(const struct ms_era *era, int64_t free_pages,
			    int64_t unusable, int64_t mark, int64_t protection,
			    unsigned int order, const uint64_t *all_blocks,
			    unsigned int nr_orders, unsigned int *assume)
{
	int64_t size = (int64_t)1 << order;
	int64_t margin = free_pages - unusable - mark - protection - size;
	int64_t lower = 0;
	unsigned int i;

	if (era->order0_only)
		return margin;
	if (order > 0 && !all_blocks)
		*assume |= MS_ASSUME_NO_BUDDYINFO;
	for (i = 1; i <= order; i++) {
		int64_t slack;

		if (all_blocks && i - 1 < nr_orders)
			lower = clamp_signed(
				lower + clamp_pages(ms_sat_shl(
						all_blocks[i - 1], i - 1)));
		slack = free_pages - size - lower - (mark >> i);
		if (slack < margin)
			margin = slack;
	}
	return margin;
}

/* Subtracted pages of one check: highatomic (maybe), CMA, unaccepted. */
struct terms {
	int64_t ha;
	bool ha_known;
	int64_t cma;
	int64_t unaccepted;
};

static int64_t unusable(const struct ms_era *era, const struct terms *t,
			unsigned int flags, unsigned int order,
			unsigned int *assume)
{
	int64_t u = t->cma + t->unaccepted;

	if (ha_applies(era, flags, order)) {
		u += t->ha;
		if (!t->ha_known)
			*assume |= MS_ASSUME_HA_UNKNOWN;
	}
	return u;
}

/* The slow-path mark of the class, after the boost bypass. */
static int64_t slow_mark(const struct ms_era *era, const struct ms_zone *z,
			 enum ms_gfp_class cls, unsigned int order,
			 unsigned int flags)
{
	int64_t min = clamp_pages(z->min_pages);
	int64_t boost = clamp_pages(z->boost_pages);
	int64_t m = reduce_mark(era, min, flags);

	/*
	 * zone_watermark_fast(): an order-0 __GFP_ATOMIC (<= 6.2) or
	 * ALLOC_MIN_RESERVE (6.3+) request that fails at min is checked
	 * again at the unboosted min; the second check is the weaker one.
	 */
	if (order == 0 && cls == MS_GFP_ATOMIC && era->boost_bypass &&
	    boost > 0 && boost <= min)
		m = reduce_mark(era, min - boost, flags);
	return m;
}

static void wmark_levels(const struct ms_era *era, const struct ms_zone *z,
			 const struct terms *t, int64_t protection,
			 struct ms_wmark_levels *lv, unsigned int *assume)
{
	unsigned int atomic = slow_flags(era, MS_GFP_ATOMIC, 0);

	lv->kswapd_wake_pages = clamp_pages(z->low_pages) + protection +
				unusable(era, t, 0, 0, assume);
	lv->direct_reclaim_pages = clamp_pages(z->min_pages) + protection +
				   unusable(era, t, 0, 0, assume);
	lv->atomic_fail_pages = slow_mark(era, z, MS_GFP_ATOMIC, 0, atomic) +
				protection +
				unusable(era, t, atomic, 0, assume);
	lv->atomic_reserve_pages =
		lv->direct_reclaim_pages - lv->atomic_fail_pages;
}

void ms_atomic_zone_eval(const struct ms_era *era, const struct ms_zone *z,
			 const struct ms_buddy_zone *bz, unsigned int nr_orders,
			 const struct ms_pagetypeinfo *pt,
			 const struct ms_pt_zone *ptz,
			 const struct ms_atomic_request *req,
			 unsigned int reserve_idx, struct ms_atomic_zone *out)
{
	uint64_t fast_blocks[MS_MAX_ORDERS], blocks[MS_MAX_ORDERS];
	uint64_t all_blocks[MS_MAX_ORDERS];
	const uint64_t *all = NULL;
	unsigned int order = req->order;
	unsigned int flags = slow_flags(era, req->cls, order);
	uint64_t fast_allow, allow, fast_cap;
	bool known;
	struct terms t;
	int64_t margin_fast;

	memset(out, 0, sizeof(*out));
	out->zone = z;
	if (nr_orders > MS_MAX_ORDERS)
		nr_orders = MS_MAX_ORDERS;
	out->free_pages = clamp_pages(z->free_pages);
	if (reserve_idx < z->nr_protection &&
	    reserve_idx < MS_MAX_ZONES_PER_NODE)
		out->protection_pages =
			clamp_signed(z->protection[reserve_idx]);
	else
		out->assume |= MS_ASSUME_NO_PROTECTION;
	if (era->boost && !(z->has & MS_ZONE_HAS_BOOST))
		out->assume |= MS_ASSUME_BOOST_UNSEEN;

	/* free blocks of every migrate type, for the <= 4.3 loop */
	if (bz) {
		all = bz->free_blocks;
	} else if (pt && ptz) {
		unsigned int ty, i;

		memset(all_blocks, 0, sizeof(all_blocks));
		for (ty = 0; ty < pt->nr_types && ty < MS_MAX_MIGRATE_TYPES;
		     ty++)
			for (i = 0; i < nr_orders; i++)
				all_blocks[i] = ms_sat_add(
					all_blocks[i], ptz->free_blocks[ty][i]);
		all = all_blocks;
	}

	t.ha = highatomic_pages(era, z, pt, ptz, &t.ha_known, &out->assume);
	t.cma = clamp_pages(z->nr_free_cma);
	t.unaccepted = era->unaccepted ? clamp_pages(z->nr_unaccepted) : 0;
	out->cma_pages = t.cma;
	out->unaccepted_pages = t.unaccepted;
	out->highatomic_pages = ha_applies(era, flags, order) ? t.ha : 0;

	/* fast path: low watermark, no privileges */
	out->mark_fast_pages = clamp_pages(z->low_pages);
	margin_fast = wmark_margin(era, out->free_pages,
				   unusable(era, &t, 0, order, &out->assume),
				   out->mark_fast_pages, out->protection_pages,
				   order, all, nr_orders, &out->assume);
	fast_allow = allowance(margin_fast, order);

	/* slow path: min lowered for the class */
	out->mark_pages = slow_mark(era, z, req->cls, order, flags);
	out->margin_pages = wmark_margin(
		era, out->free_pages,
		unusable(era, &t, flags, order, &out->assume), out->mark_pages,
		out->protection_pages, order, all, nr_orders, &out->assume);
	allow = allowance(out->margin_pages, order);

	known = eligible_blocks(era, bz, nr_orders, pt, ptz, flags, order,
				blocks, &out->assume);
	eligible_blocks(era, bz, nr_orders, pt, ptz, 0, order, fast_blocks,
			&out->assume);
	if (known) {
		out->blocks = block_capacity(blocks, nr_orders, order);
		out->headroom = ms_buddy_take(blocks, nr_orders, order, allow);
		fast_cap = block_capacity(fast_blocks, nr_orders, order);
	} else {
		out->blocks = UINT64_MAX;
		out->headroom = allow;
		fast_cap = UINT64_MAX;
	}
	out->passes = out->headroom > 0;
	out->passes_fast = fast_allow > 0 && fast_cap > 0;
	out->limit = allow > 0 && out->headroom < allow ? MS_LIMIT_BLOCKS :
							  MS_LIMIT_WATERMARK;
	wmark_levels(era, z, &t, out->protection_pages, &out->levels,
		     &out->assume);
}

static const char *const gfp_zone_names[] = {
	[MS_GFPZ_NORMAL] = "Normal",
	[MS_GFPZ_DMA32] = "DMA32",
	[MS_GFPZ_DMA] = "DMA",
};

static bool find_zone_index(const struct ms_zoneinfo *zi, const char *name,
			    unsigned int *idx)
{
	size_t i;

	for (i = 0; i < zi->nr_zones; i++) {
		if (!strcmp(zi->zones[i].name, name)) {
			*idx = zi->zones[i].index;
			return true;
		}
	}
	return false;
}

/*
 * gfp_zone(): __GFP_DMA and __GFP_DMA32 without their zone configured
 * mean ZONE_NORMAL. Kernels before 4.12 print populated zones only: a
 * machine without a Normal zone then has ZONE_NORMAL right above the
 * highest of DMA and DMA32.
 */
static int highest_zoneidx(const struct ms_zoneinfo *zi, enum ms_gfp_zone zone,
			   unsigned int *idx)
{
	unsigned int dma;
	bool found = false;

	if (zone != MS_GFPZ_NORMAL &&
	    find_zone_index(zi, gfp_zone_names[zone], idx))
		return 0;
	if (find_zone_index(zi, "Normal", idx))
		return 0;
	*idx = 0;
	if (find_zone_index(zi, "DMA", &dma)) {
		*idx = dma + 1;
		found = true;
	}
	if (find_zone_index(zi, "DMA32", &dma) && dma + 1 > *idx) {
		*idx = dma + 1;
		found = true;
	}
	return found ? 0 : -ENOENT;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int cmp_zone_desc(const void *a, const void *b)
{
	const struct ms_zone *x = *(const struct ms_zone *const *)a;
	const struct ms_zone *y = *(const struct ms_zone *const *)b;

	return (x->index < y->index) - (x->index > y->index);
}

static const struct ms_pt_zone *pt_find(const struct ms_pagetypeinfo *pt,
					int node, const char *zone)
{
	size_t i;

	for (i = 0; pt && i < pt->nr_zones; i++)
		if (pt->zones[i].node == node &&
		    !strcmp(pt->zones[i].zone, zone))
			return &pt->zones[i];
	return NULL;
}

/*
 * build_zonelists(): the preferred node, then the others (by distance
 * in the kernel; by ascending id here), each with its populated zones
 * from @highest down. Fills @list (room for every zone) and @n.
 */
static int build_zonelist(const struct ms_zoneinfo *zi, int preferred,
			  unsigned int highest, const struct ms_zone **list,
			  size_t *n, size_t *nr_nodes)
{
	int *nodes;
	size_t nn = 0, i, k;

	*n = 0;
	nodes = malloc((zi->nr_zones + 1) * sizeof(*nodes));
	if (!nodes)
		return -ENOMEM;
	for (i = 0; i < zi->nr_zones; i++) {
		for (k = 0; k < nn; k++)
			if (nodes[k] == zi->zones[i].node)
				break;
		if (k == nn)
			nodes[nn++] = zi->zones[i].node;
	}
	qsort(nodes, nn, sizeof(*nodes), cmp_int);
	*nr_nodes = nn;
	for (k = 0; k < nn; k++)
		if (nodes[k] == preferred)
			break;
	if (k == nn) {
		free(nodes);
		return -ENOENT;
	}
	memmove(nodes + 1, nodes, k * sizeof(*nodes));
	nodes[0] = preferred;
	for (k = 0; k < nn; k++) {
		size_t start = *n;

		for (i = 0; i < zi->nr_zones; i++) {
			const struct ms_zone *z = &zi->zones[i];

			if (z->node == nodes[k] && z->index <= highest &&
			    ms_zone_populated(z))
				list[(*n)++] = z;
		}
		qsort(list + start, *n - start, sizeof(*list), cmp_zone_desc);
	}
	free(nodes);
	return 0;
}

static enum ms_risk risk_of(const struct ms_atomic_result *res)
{
	uint64_t pages = ms_sat_shl(res->headroom, res->req.order);
	uint64_t pcp = 0, min = 0, high;
	size_t i;

	if (!res->headroom)
		return MS_RISK_FAIL;
	for (i = 0; i < res->nr_zones; i++) {
		const struct ms_zone *z = res->zones[i].zone;

		pcp = ms_sat_add(pcp, ms_sat_mul(z->nr_cpus, z->pcp_batch));
		min = ms_sat_add(min, z->min_pages);
	}
	high = min / 8 + (min % 8 != 0);
	if (pcp > high)
		high = pcp;
	if (res->headroom < MS_ATOMIC_HIGH_REQUESTS || pages < high)
		return MS_RISK_HIGH;
	if (pages < min || !res->passes_fast)
		return MS_RISK_LOW;
	return MS_RISK_OK;
}

int ms_atomic_eval(const struct ms_atomic_input *in,
		   const struct ms_atomic_request *req,
		   struct ms_atomic_result *res)
{
	const struct ms_zoneinfo *zi = in->zi;
	const struct ms_zone **list;
	unsigned int nr_orders = MS_MAX_ORDERS;
	size_t n, nr_nodes, i;
	int preferred = req->node, err;

	memset(res, 0, sizeof(*res));
	res->req = *req;
	res->first = -1;
	res->first_fast = -1;
	if (in->bi && in->bi->nr_orders)
		nr_orders = in->bi->nr_orders;
	else if (in->pt && in->pt->nr_orders)
		nr_orders = in->pt->nr_orders;
	if (nr_orders > MS_MAX_ORDERS)
		nr_orders = MS_MAX_ORDERS;
	if (req->order >= nr_orders)
		return -ERANGE;
	if (!zi->nr_zones)
		return -ENOENT;
	err = highest_zoneidx(zi, req->zone, &res->highest_zoneidx);
	if (err)
		return err;
	if (preferred < 0) {
		preferred = zi->zones[0].node;
		for (i = 1; i < zi->nr_zones; i++)
			if (zi->zones[i].node < preferred)
				preferred = zi->zones[i].node;
	}
	list = malloc(zi->nr_zones * sizeof(*list));
	if (!list)
		return -ENOMEM;
	err = build_zonelist(zi, preferred, res->highest_zoneidx, list, &n,
			     &nr_nodes);
	if (err)
		goto out_free_list;
	if (nr_nodes > 1) {
		res->assume |= MS_ASSUME_NODE_ORDER;
		if (req->node < 0)
			res->assume |= MS_ASSUME_DEFAULT_NODE;
	}
	/* <= 5.7: the classzone is the preferred zone, the list's first */
	res->reserve_idx = res->highest_zoneidx;
	if (!in->era->reserve_highest && n)
		res->reserve_idx = list[0]->index;
	res->zones = calloc(n ? n : 1, sizeof(*res->zones));
	if (!res->zones) {
		err = -ENOMEM;
		goto out_free_list;
	}
	res->nr_zones = n;
	for (i = 0; i < n; i++) {
		const struct ms_zone *z = list[i];
		const struct ms_buddy_zone *bz = NULL;
		struct ms_atomic_zone *az = &res->zones[i];

		if (in->bi)
			bz = ms_buddyinfo_find(in->bi, z->node, z->name);
		ms_atomic_zone_eval(in->era, z, bz, nr_orders, in->pt,
				    pt_find(in->pt, z->node, z->name), req,
				    res->reserve_idx, az);
		res->assume |= az->assume;
		res->headroom = ms_sat_add(res->headroom, az->headroom);
		if (az->passes_fast && res->first_fast < 0)
			res->first_fast = (int)i;
		if (az->passes && res->first < 0)
			res->first = (int)i;
	}
	res->passes_fast = res->first_fast >= 0;
	res->passes = res->first >= 0;
	res->risk = risk_of(res);
	err = 0;
out_free_list:
	free(list);
	return err;
}

void ms_atomic_result_release(struct ms_atomic_result *res)
{
	free(res->zones);
	res->zones = NULL;
	res->nr_zones = 0;
}

int ms_gfp_parse(const char *s, enum ms_gfp_class *cls, enum ms_gfp_zone *zone)
{
	static const struct {
		const char *name;
		enum ms_gfp_class cls;
		enum ms_gfp_zone zone;
	} names[] = {
		{ "atomic", MS_GFP_ATOMIC, MS_GFPZ_NORMAL },
		{ "nowait", MS_GFP_NOWAIT, MS_GFPZ_NORMAL },
		{ "kernel", MS_GFP_KERNEL, MS_GFPZ_NORMAL },
		{ "dma", MS_GFP_ATOMIC, MS_GFPZ_DMA },
		{ "dma32", MS_GFP_ATOMIC, MS_GFPZ_DMA32 },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(s, names[i].name)) {
			*cls = names[i].cls;
			*zone = names[i].zone;
			return 0;
		}
	}
	return -EINVAL;
}

const char *ms_gfp_class_name(enum ms_gfp_class cls)
{
	switch (cls) {
	case MS_GFP_ATOMIC:
		return "atomic";
	case MS_GFP_NOWAIT:
		return "nowait";
	case MS_GFP_KERNEL:
		return "kernel";
	case MS_GFP_NR_CLASSES:
		break;
	}
	return "?";
}

const char *ms_gfp_zone_name(enum ms_gfp_zone zone)
{
	if ((unsigned int)zone < ARRAY_SIZE(gfp_zone_names))
		return gfp_zone_names[zone];
	return "?";
}

const char *ms_risk_name(enum ms_risk risk)
{
	switch (risk) {
	case MS_RISK_OK:
		return "ok";
	case MS_RISK_LOW:
		return "low";
	case MS_RISK_HIGH:
		return "high";
	case MS_RISK_FAIL:
		return "fail";
	}
	return "?";
}

const char *ms_atomic_limit_name(enum ms_atomic_limit limit)
{
	return limit == MS_LIMIT_BLOCKS ? "blocks" : "watermark";
}

const char *ms_atomic_assume_text(unsigned int bit)
{
	switch (bit) {
	case MS_ASSUME_NO_PAGETYPEINFO:
		return "all blocks eligible (no pagetypeinfo)";
	case MS_ASSUME_NO_BUDDYINFO:
		return "free blocks unknown (no buddyinfo): "
		       "a block of the order is assumed to exist";
	case MS_ASSUME_HA_UNKNOWN:
		return "highatomic reserve unknown, taken as 0 (optimistic)";
	case MS_ASSUME_CAPPED:
		return "pagetypeinfo counts printed as >100000 are floors";
	case MS_ASSUME_BOOST_UNSEEN:
		return "watermark boost not printed by this kernel, taken as 0";
	case MS_ASSUME_NO_PROTECTION:
		return "no protection entry for the reserve index, taken as 0";
	case MS_ASSUME_NODE_ORDER:
		return "no node distances: zonelist is the preferred node, "
		       "then ascending node ids";
	case MS_ASSUME_DEFAULT_NODE:
		return "no preferred node given: the lowest node id";
	}
	return NULL;
}
