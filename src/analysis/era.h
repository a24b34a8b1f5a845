/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_ERA_H
#define MS_ERA_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/kver.h"
#include "proc/pagetypeinfo.h"
#include "proc/zoneinfo.h"

/**
 * enum ms_era_source - what the page allocator rules were keyed on
 * @MS_ERA_OVERRIDE: a version the user gave (--kernel), taken as is
 * @MS_ERA_RELEASE:  the kernel release of the machine or capture
 * @MS_ERA_FEATURES: zoneinfo/pagetypeinfo fields that only a newer
 *                   kernel prints (the release was older, e.g. a
 *                   distribution kernel with backports, or unknown)
 * @MS_ERA_DEFAULT:  nothing was known; the newest rules are assumed
 */
enum ms_era_source {
	MS_ERA_OVERRIDE,
	MS_ERA_RELEASE,
	MS_ERA_FEATURES,
	MS_ERA_DEFAULT,
};

/**
 * struct ms_era - the page allocator behaviours that change the answer
 * of the watermark model, one switch each (mm/page_alloc.c, mm/internal.h)
 * @kver:        the version the switches were derived from; for
 *               MS_ERA_FEATURES the oldest kernel that prints every
 *               field seen
 * @source:      enum ms_era_source
 * @name:        printable era, e.g. "6.12-6.17" or "<=4.3"; a trailing
 *               "*" marks stable backports that make a kernel behave
 *               unlike its mainline release
 * @order0_only: 4.4+ (97a16fc82a7c): __zone_watermark_ok() enforces the
 *               watermark at order 0 only, then looks for one free block
 *               of the request's order or more; false means the <= 4.3
 *               loop that halves the mark per lower order
 * @highatomic:  4.4+: MIGRATE_HIGHATOMIC exists (<= 4.3: MIGRATE_RESERVE)
 * @fast_order0: 4.7+ (48ee5f3696f6): zone_watermark_fast() passes an
 *               order-0 request on a shortcut before the full check
 * @fast_ignores_ha: 4.7-5.8: that shortcut did not subtract the
 *               highatomic reserve ("page_alloc: consider highatomic
 *               reserve in watermark fast", 5.9 believed), so order-0
 *               requests never see the highatomic term
 * @alloc_oom:   4.14+: ALLOC_OOM (victims dig to min/2; with it the
 *               highatomic lists and reserve) instead of NO_WATERMARKS
 * @boost:       5.0+: watermark_boost exists (printed from 5.16-6.1)
 * @boost_bypass: 5.8+ ("mm, page_alloc: skip ->watermark_boost for
 *               atomic order-0 allocations", June 2020; 5.4.214+ by
 *               backport): an order-0 GFP_ATOMIC request that fails the
 *               min check of a boosted zone is checked again against
 *               the unboosted min
 * @reserve_highest: 5.8+ (believed): lowmem_reserve[] is indexed by
 *               gfp_zone() of the request; before, by the index of the
 *               preferred zone (the first zone of the zonelist that is
 *               allowed)
 * @alloc_rework: 6.3+ (also 6.1.116+ and 5.15.171+): __GFP_ATOMIC gone;
 *               ALLOC_NON_BLOCK, ALLOC_MIN_RESERVE, ALLOC_HIGHATOMIC and
 *               ALLOC_RESERVES decide reserves; GFP_NOWAIT becomes
 *               reserve-privileged for the highatomic term
 * @nowait_highatomic: 6.3-6.17 (and 6.1.116-6.1.156): a high-order
 *               GFP_NOWAIT request gets ALLOC_HIGHATOMIC (6a204d4b14c9
 *               limits it to __GFP_HIGH in 6.18 and 6.1.157; its 6.12.y
 *               backport is not pinned)
 * @unaccepted:  6.5-6.10 (6.6.y before 6.6.47): NR_UNACCEPTED is
 *               subtracted from free pages
 * @nonblock_ha_fallback: 6.12+ ("let GFP_ATOMIC order-0 allocs access
 *               highatomic reserves"; also 6.6.60+, 6.1.116+,
 *               5.15.171+): a non-blocking request whose normal free lists
 *               are empty takes from the HighAtomic lists, at any order
 * @free_highatomic: 6.12+: the highatomic term is the free pages on the
 *               HighAtomic lists, not the whole reserve
 */
struct ms_era {
	struct ms_kver kver;
	enum ms_era_source source;
	char name[24];
	bool order0_only;
	bool highatomic;
	bool fast_order0;
	bool fast_ignores_ha;
	bool alloc_oom;
	bool boost;
	bool boost_bypass;
	bool reserve_highest;
	bool alloc_rework;
	bool nowait_highatomic;
	bool unaccepted;
	bool nonblock_ha_fallback;
	bool free_highatomic;
};

/**
 * struct ms_era_features - version evidence in the parsed files
 * @zone_has:       OR of enum ms_zone_has over every zone
 * @pt_highatomic:  pagetypeinfo names a "HighAtomic" type (4.4+)
 * @pt_reserve:     pagetypeinfo names a "Reserve" type (<= 4.3)
 */
struct ms_era_features {
	unsigned int zone_has;
	bool pt_highatomic;
	bool pt_reserve;
};

/**
 * ms_era_features_scan() - collect the evidence of @zi and @pt
 * @zi, @pt: either may be NULL
 */
void ms_era_features_scan(struct ms_era_features *f,
			  const struct ms_zoneinfo *zi,
			  const struct ms_pagetypeinfo *pt);

/**
 * ms_era_from_kver() - the switches of release @kv: mainline rules for
 * its major.minor, plus the stable backports memscope knows by patch
 * level. @era->source is MS_ERA_RELEASE.
 */
void ms_era_from_kver(struct ms_era *era, const struct ms_kver *kv);

/**
 * ms_era_override() - the rules of a version the user named; nothing
 * in the data changes them
 */
void ms_era_override(struct ms_era *era, const struct ms_kver *kv);

/**
 * ms_era_detect() - combine the release with the fields actually present
 * @release: the machine's release, or NULL when unknown
 * @f:       evidence from ms_era_features_scan(), or NULL
 *
 * Each field dates the page allocator: a kernel that prints it is at
 * least as new as the release that added the field (free_highatomic
 * 6.19, promo 6.9, nr_unaccepted 6.5, boost 5.16, cma 5.11, per-node
 * stats 4.8, a HighAtomic type 4.4). When that floor is newer than
 * @release (e.g. "5.14.0-325.el9" printing 6.x fields), the rules of
 * the floor are used and @source says MS_ERA_FEATURES. Without a
 * release a "Reserve" type means <= 4.3; without any evidence the
 * newest rules apply (MS_ERA_DEFAULT).
 */
void ms_era_detect(struct ms_era *era, const struct ms_kver *release,
		   const struct ms_era_features *f);

/** ms_era_source_name() - "override", "release", "features", "default" */
const char *ms_era_source_name(enum ms_era_source s);

#endif
