// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Which page allocator rules a kernel follows. Version boundaries are
 * those of the reference (§4.8, §8) corrected where the kernel sources
 * and the mailing-list history say otherwise:
 *
 *  - zone_watermark_fast() came with "mm, page_alloc: shortcut watermark
 *    checks for order-0 pages" (48ee5f3696f6), posted April 2016 for
 *    4.7, not 4.6; its order-0 shortcut subtracted free CMA pages but
 *    not the highatomic reserve until "page_alloc: consider highatomic
 *    reserve in watermark fast" (June 2020, 5.9 believed).
 *  - The GFP_ATOMIC boost bypass ("mm, page_alloc: skip ->watermark_boost
 *    for atomic order-0 allocations") is a June 2020 change (5.8
 *    believed), not 5.0-5.4; 5.4.y has it only as a later backport.
 *  - The 6.3 ALLOC_* rework (Mel Gorman's series) reached 6.1.116 and
 *    5.15.171 together with "mm/page_alloc: let GFP_ATOMIC order-0
 *    allocs access highatomic reserves" (November 2024, 6.12), which
 *    6.6.y also took (6.6.60 believed).
 *  - "mm/page_alloc: only set ALLOC_HIGHATOMIC for __GFP_HIGH
 *    allocations" (6a204d4b14c9, 6.18) reached 6.1.157 (Debian's
 *    linux 6.1.157-1 changelog lists it; 6.1.192's gfp_to_alloc_flags()
 *    has it). Its 6.12.y backport is not pinned.
 *  - Subtracting NR_UNACCEPTED was dropped by "mm: fix endless reclaim
 *    on machines with unaccepted memory" (August 2024, 6.11), with a
 *    stable backport to 6.6.y (6.6.47 believed).
 */
#include <stdio.h>
#include <string.h>

#include "analysis/era.h"
#include "lib/banned.h"

/* The newest kernel whose allocator memscope models. */
#define ERA_NEWEST_MAJOR 6
#define ERA_NEWEST_MINOR 19

static bool series(const struct ms_kver *kv, unsigned int major,
		   unsigned int minor, unsigned int min_patch)
{
	return kv->major == major && kv->minor == minor &&
	       kv->patch >= min_patch;
}

static void set_switches(struct ms_era *era, const struct ms_kver *kv)
{
	uint32_t v = ms_kver_code(kv);

	era->order0_only = v >= MS_KVER(4, 4, 0);
	era->highatomic = v >= MS_KVER(4, 4, 0);
	era->fast_order0 = v >= MS_KVER(4, 7, 0);
	era->fast_ignores_ha = v >= MS_KVER(4, 7, 0) && v < MS_KVER(5, 9, 0);
	era->alloc_oom = v >= MS_KVER(4, 14, 0);
	era->boost = v >= MS_KVER(5, 0, 0);
	era->boost_bypass = v >= MS_KVER(5, 8, 0) || series(kv, 5, 4, 214);
	era->reserve_highest = v >= MS_KVER(5, 8, 0);
	era->alloc_rework = v >= MS_KVER(6, 3, 0) || series(kv, 6, 1, 116) ||
			    series(kv, 5, 15, 171);
	era->nowait_highatomic = era->alloc_rework && v < MS_KVER(6, 18, 0) &&
				 !series(kv, 6, 1, 157);
	era->unaccepted = v >= MS_KVER(6, 5, 0) && v < MS_KVER(6, 11, 0) &&
			  !series(kv, 6, 6, 47);
	era->nonblock_ha_fallback =
		v >= MS_KVER(6, 12, 0) || series(kv, 6, 6, 60) ||
		series(kv, 6, 1, 116) || series(kv, 5, 15, 171);
	era->free_highatomic = v >= MS_KVER(6, 12, 0);
}

/* Mainline ranges with one set of switches each. */
static const struct {
	uint32_t from;
	const char *name;
} era_names[] = {
	{ MS_KVER(6, 18, 0), "6.18+" },	    { MS_KVER(6, 12, 0), "6.12-6.17" },
	{ MS_KVER(6, 11, 0), "6.11" },	    { MS_KVER(6, 5, 0), "6.5-6.10" },
	{ MS_KVER(6, 3, 0), "6.3-6.4" },    { MS_KVER(5, 9, 0), "5.9-6.2" },
	{ MS_KVER(5, 8, 0), "5.8" },	    { MS_KVER(5, 0, 0), "5.0-5.7" },
	{ MS_KVER(4, 14, 0), "4.14-4.20" }, { MS_KVER(4, 7, 0), "4.7-4.13" },
	{ MS_KVER(4, 4, 0), "4.4-4.6" },    { 0, "<=4.3" },
};

static bool same_switches(const struct ms_era *a, const struct ms_era *b)
{
	return a->order0_only == b->order0_only &&
	       a->highatomic == b->highatomic &&
	       a->fast_order0 == b->fast_order0 &&
	       a->fast_ignores_ha == b->fast_ignores_ha &&
	       a->alloc_oom == b->alloc_oom && a->boost == b->boost &&
	       a->boost_bypass == b->boost_bypass &&
	       a->reserve_highest == b->reserve_highest &&
	       a->alloc_rework == b->alloc_rework &&
	       a->nowait_highatomic == b->nowait_highatomic &&
	       a->unaccepted == b->unaccepted &&
	       a->nonblock_ha_fallback == b->nonblock_ha_fallback &&
	       a->free_highatomic == b->free_highatomic;
}

static void set_name(struct ms_era *era)
{
	struct ms_kver first;
	struct ms_era mainline;
	uint32_t v = ms_kver_code(&era->kver);
	size_t i;

	for (i = 0; i < sizeof(era_names) / sizeof(era_names[0]); i++)
		if (v >= era_names[i].from)
			break;
	/* the .0 release of the same series shows what stable added */
	ms_kver_set(&first, era->kver.major, era->kver.minor, 0);
	memset(&mainline, 0, sizeof(mainline));
	set_switches(&mainline, &first);
	snprintf(era->name, sizeof(era->name), "%s%s", era_names[i].name,
		 same_switches(era, &mainline) ? "" : "*");
}

static void era_init(struct ms_era *era, const struct ms_kver *kv,
		     enum ms_era_source source)
{
	memset(era, 0, sizeof(*era));
	era->kver = *kv;
	era->source = source;
	set_switches(era, kv);
	set_name(era);
}

void ms_era_from_kver(struct ms_era *era, const struct ms_kver *kv)
{
	era_init(era, kv, MS_ERA_RELEASE);
}

void ms_era_override(struct ms_era *era, const struct ms_kver *kv)
{
	era_init(era, kv, MS_ERA_OVERRIDE);
}

void ms_era_features_scan(struct ms_era_features *f,
			  const struct ms_zoneinfo *zi,
			  const struct ms_pagetypeinfo *pt)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	for (i = 0; zi && i < zi->nr_zones; i++)
		f->zone_has |= zi->zones[i].has;
	for (i = 0; pt && i < pt->nr_types && i < MS_MAX_MIGRATE_TYPES; i++) {
		if (!strcmp(pt->types[i], "HighAtomic"))
			f->pt_highatomic = true;
		else if (!strcmp(pt->types[i], "Reserve"))
			f->pt_reserve = true;
	}
}

/*
 * The oldest release that prints everything in @f. Where the reference
 * brackets a field's first release ("between 5.15 and 6.1"), the floor
 * is the release after the older bound: no switch of this file changes
 * inside those brackets.
 */
static uint32_t features_floor(const struct ms_era_features *f)
{
	if (f->zone_has & MS_ZONE_HAS_HIGHATOMIC)
		return MS_KVER(6, 19, 0);
	if (f->zone_has & MS_ZONE_HAS_PROMO)
		return MS_KVER(6, 9, 0);
	if (f->zone_has & MS_ZONE_HAS_NR_UNACCEPTED)
		return MS_KVER(6, 5, 0);
	if (f->zone_has & MS_ZONE_HAS_BOOST)
		return MS_KVER(5, 16, 0);
	if (f->zone_has & MS_ZONE_HAS_CMA)
		return MS_KVER(5, 11, 0);
	if (f->zone_has & MS_ZONE_HAS_NODE_STATS)
		return MS_KVER(4, 8, 0);
	if (f->pt_highatomic)
		return MS_KVER(4, 4, 0);
	return 0;
}

void ms_era_detect(struct ms_era *era, const struct ms_kver *release,
		   const struct ms_era_features *f)
{
	uint32_t floor = f ? features_floor(f) : 0;
	struct ms_kver kv;

	if (release && ms_kver_code(release) >= floor) {
		era_init(era, release, MS_ERA_RELEASE);
		return;
	}
	if (floor) {
		ms_kver_set(&kv, floor >> 16, (floor >> 8) & 0xff,
			    floor & 0xff);
		era_init(era, &kv, MS_ERA_FEATURES);
		return;
	}
	if (f && f->pt_reserve) {
		ms_kver_set(&kv, 4, 3, 0);
		era_init(era, &kv, MS_ERA_FEATURES);
		return;
	}
	ms_kver_set(&kv, ERA_NEWEST_MAJOR, ERA_NEWEST_MINOR, 0);
	era_init(era, &kv, MS_ERA_DEFAULT);
}

const char *ms_era_source_name(enum ms_era_source s)
{
	switch (s) {
	case MS_ERA_OVERRIDE:
		return "override";
	case MS_ERA_RELEASE:
		return "release";
	case MS_ERA_FEATURES:
		return "features";
	case MS_ERA_DEFAULT:
		return "default";
	}
	return "?";
}
