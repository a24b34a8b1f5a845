/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_ATOMIC_H
#define MS_ATOMIC_H

/*
 * Would an order-N allocation of a given GFP class succeed right now,
 * and how many more would? The page allocator's own rules, per kernel
 * era (analysis/era.h), applied to /proc/zoneinfo, /proc/buddyinfo and
 * (when readable) /proc/pagetypeinfo.
 *
 * Request classes (the slow-path alloc_flags of gfp_to_alloc_flags()):
 *
 *   atomic  GFP_ATOMIC  = __GFP_HIGH | __GFP_KSWAPD_RECLAIM
 *           (+ __GFP_ATOMIC before 6.3): may dig to 3/8 of min, ignores
 *           the highatomic reserve, uses HighAtomic free lists
 *   nowait  GFP_NOWAIT  = __GFP_KSWAPD_RECLAIM (+ __GFP_NOWARN 6.8+):
 *           full min; 6.3+ reserve-privileged for the highatomic term
 *   kernel  GFP_KERNEL: full min, highatomic reserve excluded; on
 *           failure it reclaims, compacts and retries instead of failing
 *
 * The highest usable zone is a separate choice (enum ms_gfp_zone): "dma"
 * and "dma32" on the command line mean GFP_ATOMIC | __GFP_DMA and
 * GFP_ATOMIC | __GFP_DMA32, because drivers ask for those zones from
 * atomic context (ms_gfp_parse()). None of the classes is movable, so
 * free CMA pages never count.
 *
 * For each zone of the zonelist the model reports the fast-path check
 * (low watermark, no privileges), the slow-path check (min lowered for
 * the class) and the headroom: how many consecutive order-N requests of
 * the class succeed before the check fails. Requests drain the first
 * zone that passes and then move on, so the total headroom is the sum
 * over the zonelist.
 *
 * Risk levels of one (class, order) request, over the zonelist, where
 * pages = total headroom x 2^N, pcp = sum of (CPUs x pcp batch) and
 * min = sum of the min watermarks of the zonelist's zones:
 *
 *   fail  the total headroom is 0: the request fails now (atomic and
 *         nowait: "page allocation failure"; kernel: direct reclaim)
 *   high  fewer than MS_ATOMIC_HIGH_REQUESTS (4) requests left, or
 *         pages < max(pcp, min / 8): within the per-CPU list batching
 *         the model cannot see, or within an eighth of the min reserve
 *   low   not high, but pages < min, or no zone passes the fast path
 *         any more (kswapd is awake and the request lives on the
 *         reserve below the low watermark)
 *   ok    otherwise
 */

#include <stdbool.h>
#include <stdint.h>

#include "analysis/era.h"
#include "proc/buddyinfo.h"
#include "proc/pagetypeinfo.h"
#include "proc/zoneinfo.h"

#define MS_ATOMIC_HIGH_REQUESTS 4

/** enum ms_gfp_class - the request classes modelled */
enum ms_gfp_class {
	MS_GFP_ATOMIC,
	MS_GFP_NOWAIT,
	MS_GFP_KERNEL,
	MS_GFP_NR_CLASSES,
};

/** enum ms_gfp_zone - the highest zone the request may use (gfp_zone()) */
enum ms_gfp_zone {
	MS_GFPZ_NORMAL,
	MS_GFPZ_DMA32,
	MS_GFPZ_DMA,
};

/** enum ms_risk - see the levels above; ordered by severity */
enum ms_risk {
	MS_RISK_OK,
	MS_RISK_LOW,
	MS_RISK_HIGH,
	MS_RISK_FAIL,
};

/**
 * enum ms_atomic_limit - what stops a zone's headroom
 * @MS_LIMIT_WATERMARK: the watermark check fails first
 * @MS_LIMIT_BLOCKS:    no eligible free block of the order is left
 *                      while the watermark would still pass
 */
enum ms_atomic_limit {
	MS_LIMIT_WATERMARK,
	MS_LIMIT_BLOCKS,
};

/**
 * enum ms_atomic_assume - what the model had to assume (flags)
 * @MS_ASSUME_NO_PAGETYPEINFO: free blocks counted from buddyinfo: all
 *                      migrate types assumed eligible (over-estimates)
 * @MS_ASSUME_NO_BUDDYINFO: no per-order counts: a high-order request
 *                      assumes a block exists; the <= 4.3 loop ignores
 *                      the lower orders (optimistic)
 * @MS_ASSUME_HA_UNKNOWN: the highatomic term is unknown (needs
 *                      pagetypeinfo, or 6.19 zoneinfo) and taken as 0:
 *                      optimistic for the classes that must leave it
 * @MS_ASSUME_CAPPED:   pagetypeinfo printed ">100000": counts are floors
 * @MS_ASSUME_BOOST_UNSEEN: the kernel boosts watermarks but zoneinfo
 *                      does not print "boost"; taken as 0
 * @MS_ASSUME_NO_PROTECTION: no protection entry for the reserve index;
 *                      taken as 0
 * @MS_ASSUME_NODE_ORDER: several nodes and no distance table: the
 *                      zonelist takes the preferred node, then the others
 *                      by ascending id (build_zonelists() orders them by
 *                      node distance)
 * @MS_ASSUME_DEFAULT_NODE: no preferred node given: the lowest node id
 */
enum ms_atomic_assume {
	MS_ASSUME_NO_PAGETYPEINFO = (1 << 0),
	MS_ASSUME_NO_BUDDYINFO = (1 << 1),
	MS_ASSUME_HA_UNKNOWN = (1 << 2),
	MS_ASSUME_CAPPED = (1 << 3),
	MS_ASSUME_BOOST_UNSEEN = (1 << 4),
	MS_ASSUME_NO_PROTECTION = (1 << 5),
	MS_ASSUME_NODE_ORDER = (1 << 6),
	MS_ASSUME_DEFAULT_NODE = (1 << 7),
};

#define MS_ASSUME_NR 8

/**
 * struct ms_atomic_request - one question
 * @cls:   enum ms_gfp_class
 * @zone:  enum ms_gfp_zone, the highest usable zone
 * @order: allocation order N (2^N pages)
 * @node:  preferred node, -1 for the lowest node id
 */
struct ms_atomic_request {
	enum ms_gfp_class cls;
	enum ms_gfp_zone zone;
	unsigned int order;
	int node;
};

/**
 * struct ms_atomic_input - the parsed files; only @zi is required
 * @zi:   /proc/zoneinfo
 * @bi:   /proc/buddyinfo, or NULL
 * @pt:   /proc/pagetypeinfo (root only from 5.4), or NULL
 * @era:  the rules to apply (ms_era_detect() or ms_era_override())
 */
struct ms_atomic_input {
	const struct ms_zoneinfo *zi;
	const struct ms_buddyinfo *bi;
	const struct ms_pagetypeinfo *pt;
	const struct ms_era *era;
};

/**
 * struct ms_wmark_levels - order-0 free-page levels of a zone (§4.7):
 * an order-0 request passes while "pages free" is above the level
 * @kswapd_wake_pages:    fast path fails, kswapd is woken (low)
 * @direct_reclaim_pages: GFP_KERNEL must reclaim or compact (min)
 * @atomic_fail_pages:    GFP_ATOMIC fails (min lowered for __GFP_HIGH,
 *                        boost ignored where the kernel does)
 * @atomic_reserve_pages: direct_reclaim - atomic_fail: what only
 *                        atomic requests may take
 *
 * Each level includes the zone's protection for the request's reserve
 * index and the pages the class may not count (CMA, highatomic,
 * unaccepted).
 */
struct ms_wmark_levels {
	int64_t kswapd_wake_pages;
	int64_t direct_reclaim_pages;
	int64_t atomic_fail_pages;
	int64_t atomic_reserve_pages;
};

/**
 * struct ms_atomic_zone - the answer for one zone of the zonelist
 * @zone:            the zoneinfo block (borrowed)
 * @free_pages:      "pages free"
 * @protection_pages: protection[reserve index]
 * @highatomic_pages: highatomic pages left out of free (0 when the
 *                   class is privileged or the era has no term)
 * @cma_pages:       free CMA pages left out (nr_free_cma)
 * @unaccepted_pages: unaccepted pages left out (6.5-6.10)
 * @mark_fast_pages: low, as the fast path tests it
 * @mark_pages:      the slow-path mark: min lowered for the class (the
 *                   unboosted min when the boost bypass applies)
 * @passes_fast:     an order-N request passes the fast path now
 * @passes:          it succeeds now on the slow path
 * @margin_pages:    free - left out - mark - protection - 2^N: >= 0
 *                   while the watermark passes (for <= 4.3 the smallest
 *                   margin of the per-order loop)
 * @limit:           what ends @headroom
 * @headroom:        consecutive order-N requests of the class that
 *                   succeed in this zone
 * @blocks:          order-N requests the eligible free blocks can serve
 *                   (UINT64_MAX when unknown)
 * @levels:          order-0 levels (§4.7)
 * @assume:          enum ms_atomic_assume flags for this zone
 */
struct ms_atomic_zone {
	const struct ms_zone *zone;
	int64_t free_pages;
	int64_t protection_pages;
	int64_t highatomic_pages;
	int64_t cma_pages;
	int64_t unaccepted_pages;
	int64_t mark_fast_pages;
	int64_t mark_pages;
	bool passes_fast;
	bool passes;
	int64_t margin_pages;
	enum ms_atomic_limit limit;
	uint64_t headroom;
	uint64_t blocks;
	struct ms_wmark_levels levels;
	unsigned int assume;
};

/**
 * struct ms_atomic_result - the answer over the zonelist
 * @req:            the request
 * @highest_zoneidx: gfp_zone() of the request as a zone index
 * @reserve_idx:    the lowmem_reserve[] index used
 * @zones:          the zonelist in the order the allocator walks it
 * @first_fast:     index in @zones of the zone the fast path would take
 *                  the request from, -1 if none
 * @first:          the same for the slow path, -1 if none (fails now)
 * @passes_fast, @passes: some zone passes
 * @headroom:       sum of the zones' headroom (saturating)
 * @risk:           enum ms_risk
 * @assume:         OR of the zones' flags and the zonelist's own
 */
struct ms_atomic_result {
	struct ms_atomic_request req;
	unsigned int highest_zoneidx;
	unsigned int reserve_idx;
	struct ms_atomic_zone *zones;
	size_t nr_zones;
	int first_fast;
	int first;
	bool passes_fast;
	bool passes;
	uint64_t headroom;
	enum ms_risk risk;
	unsigned int assume;
};

/**
 * ms_atomic_eval() - answer @req over the zonelist of its preferred node
 * @res: result; release with ms_atomic_result_release()
 *
 * The zonelist is build_zonelists()'s: for each node (preferred first)
 * its populated zones from the highest index allowed down to 0.
 *
 * Return: 0; -ENOENT when the preferred node has no zoneinfo block or
 * no zone can serve the request's zone; -ERANGE when the order is not
 * below the number of orders of buddyinfo/pagetypeinfo (or
 * MS_MAX_ORDERS); -ENOMEM.
 */
int ms_atomic_eval(const struct ms_atomic_input *in,
		   const struct ms_atomic_request *req,
		   struct ms_atomic_result *res);

void ms_atomic_result_release(struct ms_atomic_result *res);

/**
 * ms_atomic_zone_eval() - the answer for one zone
 * @bz:          its buddyinfo line, or NULL
 * @nr_orders:   orders in @bz (and @ptz)
 * @pt, @ptz:    pagetypeinfo and its block for the zone, or NULL
 * @reserve_idx: lowmem_reserve[] index
 * @out:         result (@out->zone = @z)
 */
void ms_atomic_zone_eval(const struct ms_era *era, const struct ms_zone *z,
			 const struct ms_buddy_zone *bz, unsigned int nr_orders,
			 const struct ms_pagetypeinfo *pt,
			 const struct ms_pt_zone *ptz,
			 const struct ms_atomic_request *req,
			 unsigned int reserve_idx, struct ms_atomic_zone *out);

/**
 * ms_buddy_take() - __rmqueue_smallest() for @count order-@order
 * requests, in bulk
 * @free_blocks: free blocks per order, updated to what is left
 * @nr_orders:   entries of @free_blocks
 *
 * Each request takes the smallest block of order >= @order and puts the
 * halves it splits off back at the orders below; blocks below @order
 * are never touched. Within one source order the blocks are used at a
 * fixed rate of 2^(j - order) requests each, so this costs
 * O(nr_orders^2) whatever @count is.
 *
 * Return: the requests served (less than @count when blocks run out).
 */
uint64_t ms_buddy_take(uint64_t *free_blocks, unsigned int nr_orders,
		       unsigned int order, uint64_t count);

/**
 * ms_gfp_parse() - a class name as the command line takes it
 *
 * "atomic", "nowait", "kernel"; "dma" and "dma32" are GFP_ATOMIC
 * limited to that zone. @zone is set to MS_GFPZ_NORMAL for the others.
 *
 * Return: 0 or -EINVAL.
 */
int ms_gfp_parse(const char *s, enum ms_gfp_class *cls, enum ms_gfp_zone *zone);

/** ms_gfp_class_name() - "atomic", "nowait", "kernel" (JSON values) */
const char *ms_gfp_class_name(enum ms_gfp_class cls);

/** ms_gfp_zone_name() - "Normal", "DMA32", "DMA" */
const char *ms_gfp_zone_name(enum ms_gfp_zone zone);

/** ms_risk_name() - "ok", "low", "high", "fail" (JSON values) */
const char *ms_risk_name(enum ms_risk risk);

/** ms_atomic_limit_name() - "watermark" or "blocks" (JSON values) */
const char *ms_atomic_limit_name(enum ms_atomic_limit limit);

/**
 * ms_atomic_assume_text() - one line explaining assumption flag @bit
 * (a single enum ms_atomic_assume value), or NULL for an unknown bit
 */
const char *ms_atomic_assume_text(unsigned int bit);

#endif
