// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Why a logged allocation failed: the slow-path check of
 * __zone_watermark_ok() (mm/page_alloc.c) for the failing request's
 * class, applied to the kB numbers of the report's Mem-Info block.
 *
 *   4.4+:  fail if free - unusable - (2^o - 1) <= mark + lowmem_reserve[k]
 *          (unusable: highatomic reserve unless privileged, free CMA for
 *          non-movable requests); for o > 0 pass only if some order
 *          >= o has a block on a free list the request may use
 *   <=4.3: the same count test (CMA only, no highatomic), then for each
 *          lower order i < o: free -= nr[i] << i, mark >>= 1, fail if
 *          free <= mark
 *
 * with mark = min reduced as ms_gfp_reduce_min() does, and k the index
 * of the request's highest zone (gfp_zone()).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/allocfail.h"
#include "lib/banned.h"

#define KV(maj, min) MS_GFP_KVER(maj, min)

const char *ms_allocfail_verdict_text(enum ms_allocfail_verdict v)
{
	switch (v) {
	case MS_ALLOCFAIL_BELOW_WMARK:
		return "below watermark";
	case MS_ALLOCFAIL_NO_BLOCK:
		return "no block of the order or larger";
	case MS_ALLOCFAIL_TOO_FRAGMENTED:
		return "too few pages in blocks of the order or larger";
	case MS_ALLOCFAIL_WOULD_PASS:
		return "would pass (transient?)";
	case MS_ALLOCFAIL_NOT_ELIGIBLE:
		return "not eligible (above the request's highest zone)";
	case MS_ALLOCFAIL_NO_DATA:
		return "not enough data in the log";
	}
	return "";
}

static void note(struct ms_allocfail *af, const char *fmt, ...) MS_PRINTF(2, 3);

static void note(struct ms_allocfail *af, const char *fmt, ...)
{
	va_list ap;
	unsigned int i;

	if (af->nr_notes >= ARRAY_SIZE(af->notes))
		return;
	va_start(ap, fmt);
	vsnprintf(af->notes[af->nr_notes], sizeof(af->notes[0]), fmt, ap);
	va_end(ap);
	for (i = 0; i < af->nr_notes; i++)
		if (!strcmp(af->notes[i], af->notes[af->nr_notes]))
			return;
	af->nr_notes++;
}

/*
 * Layouts to try, newest first, when the log has the flag names but not
 * the release: one release per stretch in which both the bits and the
 * %pGg table stayed the same.
 */
static const uint32_t candidates[] = {
	KV(6, 19), KV(6, 15), KV(6, 14), KV(6, 10), KV(6, 9),  KV(6, 8),
	KV(6, 4),  KV(6, 3),  KV(6, 2),	 KV(5, 18), KV(5, 14), KV(5, 1),
	KV(5, 0),  KV(4, 18), KV(4, 15), KV(4, 13), KV(4, 12), KV(4, 10),
	KV(4, 8),  KV(4, 6),  KV(4, 5),
};

static bool any_type(const struct ms_kmsg_report *r, unsigned int bit)
{
	size_t i;
	unsigned int o;

	for (i = 0; i < r->nr_zones; i++)
		for (o = 0; o < r->zones[i].nr_orders; o++)
			if (r->zones[i].types[o] & bit)
				return true;
	return false;
}

uint32_t ms_allocfail_guess_kver(const struct ms_kmsg_report *r,
				 unsigned int cfg, const char **source)
{
	uint32_t lower = 0, upper = UINT32_MAX;
	size_t i;

	if (r->kver) {
		*source = "log";
		return r->kver;
	}
	if (r->cpuset_same_line)
		lower = KV(5, 0);
	else if (r->has_cpuset)
		upper = KV(5, 0);
	if (r->has_mode && r->has_flags) {
		for (i = 0; i < ARRAY_SIZE(candidates); i++) {
			char buf[MS_KMSG_FLAGS_MAX];

			if (candidates[i] < lower || candidates[i] >= upper)
				continue;
			ms_gfp_format(r->mode, candidates[i], cfg, buf,
				      sizeof(buf));
			if (!strcmp(buf, r->flags)) {
				*source = "flags";
				return candidates[i];
			}
		}
	}
	if (r->has_mode && !r->has_flags) {
		if (any_type(r, MS_KMSG_MT_HIGHATOMIC)) {
			*source = "letters";
			return KV(4, 4);
		}
		if (any_type(r, MS_KMSG_MT_RESERVE)) {
			*source = "letters";
			return KV(4, 3);
		}
		*source = "mode bits";
		/* __GFP_KSWAPD_RECLAIM of 4.4 is above 3.x's __GFP_BITS_MASK */
		return (r->mode & 0x2000000) ? KV(4, 4) : KV(4, 3);
	}
	*source = "default";
	return upper == UINT32_MAX ? MS_GFP_KVER_NEWEST : KV(4, 19);
}

static const char *const zone_types[] = {
	"DMA", "DMA32", "Normal", "HighMem", "Movable", "Device",
};

/*
 * lowmem_reserve[] has one entry per configured zone type, but Mem-Info
 * lists only populated zones. Take the kernel's zone order and leave out
 * types the log does not show until the count matches, dropping first
 * those an x86-64 or arm64 kernel lacks (HighMem, Device) and then the
 * DMA zones a 32-bit kernel may lack.
 */
static int map_zone_types(const struct ms_kmsg_report *r, unsigned int n,
			  const char **out)
{
	static const char *const drop[] = {
		"HighMem", "Device", "DMA32", "DMA", "Movable",
	};
	bool keep[ARRAY_SIZE(zone_types)];
	unsigned int count = ARRAY_SIZE(zone_types), i, k = 0;
	size_t d, z;

	for (i = 0; i < ARRAY_SIZE(zone_types); i++)
		keep[i] = true;
	for (d = 0; d < ARRAY_SIZE(drop) && count > n; d++) {
		bool seen = false;

		for (z = 0; z < r->nr_zones; z++)
			if (!strcmp(r->zones[z].name, drop[d]))
				seen = true;
		if (seen)
			continue;
		for (i = 0; i < ARRAY_SIZE(zone_types); i++)
			if (!strcmp(zone_types[i], drop[d]))
				keep[i] = false;
		count--;
	}
	if (count != n)
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(zone_types); i++)
		if (keep[i])
			out[k++] = zone_types[i];
	return 0;
}

static int type_index(const char **types, unsigned int n, const char *name)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strcmp(types[i], name))
			return (int)i;
	return -1;
}

/* Logical order when lowmem_reserve[] cannot be mapped. */
static int logical_index(const char *name)
{
	return type_index((const char **)zone_types, ARRAY_SIZE(zone_types),
			  name);
}

static int64_t pages(uint64_t kb, unsigned int page_kb)
{
	return (int64_t)(kb / page_kb);
}

static void one_zone(struct ms_allocfail *af, const struct ms_kmsg_zone *kz,
		     struct ms_allocfail_zone *z, int k, bool mapped)
{
	const struct ms_gfp_explain *ex = &af->gfp;
	uint32_t kv = af->kver;
	unsigned int o = af->order, eligible, i;
	int64_t ha = 0, cma = 0, free_adj;
	unsigned int pk = af->page_kb;

	z->largest_order = -1;
	z->frag_order = -1;
	if ((z->index < 0 || k < 0) ?
		    logical_index(kz->name) > (int)af->highest_zone :
		    z->index > k) {
		z->verdict = MS_ALLOCFAIL_NOT_ELIGIBLE;
		return;
	}
	if (!(kz->has & MS_KMSG_ZONE_HAS_WMARKS)) {
		z->verdict = MS_ALLOCFAIL_NO_DATA;
		return;
	}
	z->free_pages = pages(kz->free_kb, pk);
	z->min_pages = pages(kz->min_kb, pk);
	if (mapped && k >= 0 && (unsigned int)k < kz->nr_lowmem_reserve)
		z->reserve_pages = kz->lowmem_reserve[k];
	if (kv >= KV(4, 4) && !ex->uses_reserves) {
		if (kv >= KV(6, 12)) {
			if (kz->has & MS_KMSG_ZONE_HAS_FREE_HA)
				ha = pages(kz->free_highatomic_kb, pk);
			else
				note(af,
				     "free highatomic pages are not in the log (printed from 6.19); taken as 0");
		} else if (kz->has & MS_KMSG_ZONE_HAS_RESERVED_HA) {
			ha = pages(kz->reserved_highatomic_kb, pk);
		} else {
			note(af,
			     "the highatomic reserve is not in the log (printed from 5.8); taken as 0");
		}
	}
	if (!ex->alloc_cma)
		cma = pages(kz->free_cma_kb, pk);
	z->unusable_pages = ha + cma;
	z->mark_pages = (int64_t)ms_gfp_reduce_min((uint64_t)z->min_pages, ex);
	free_adj = z->free_pages - z->unusable_pages - (((int64_t)1 << o) - 1);
	z->headroom_pages = free_adj - z->mark_pages - z->reserve_pages;
	if (z->headroom_pages <= 0 && o == 0 && kz->boost_kb &&
	    ((kv >= KV(5, 4) && kv < KV(6, 3) && ex->atomic_bit) ||
	     (kv >= KV(6, 3) && ex->alloc_min_reserve))) {
		/* zone_watermark_fast(): retry with the unboosted min */
		int64_t base = z->min_pages - pages(kz->boost_kb, pk);
		int64_t mark = (int64_t)ms_gfp_reduce_min(
			(uint64_t)(base > 0 ? base : 0), ex);

		if (free_adj - mark - z->reserve_pages > 0) {
			z->boost_bypass = true;
			z->mark_pages = mark;
			z->headroom_pages = free_adj - mark - z->reserve_pages;
		}
	}

	/* which free lists the request may take a block from */
	eligible = MS_KMSG_MT_UNMOVABLE | MS_KMSG_MT_MOVABLE |
		   MS_KMSG_MT_RECLAIMABLE | MS_KMSG_MT_RESERVE;
	if (ex->alloc_cma)
		eligible |= MS_KMSG_MT_CMA;
	if (ex->alloc_highatomic)
		eligible |= MS_KMSG_MT_HIGHATOMIC;
	for (i = 0; i < kz->nr_orders; i++)
		if (kz->free_blocks[i] &&
		    (!(kz->has & MS_KMSG_ZONE_HAS_TYPES) ||
		     (kz->types[i] & eligible)))
			z->largest_order = (int)i;

	if (z->headroom_pages <= 0) {
		z->verdict = MS_ALLOCFAIL_BELOW_WMARK;
		return;
	}
	if (o == 0) {
		z->verdict = MS_ALLOCFAIL_WOULD_PASS;
		return;
	}
	if (!(kz->has & MS_KMSG_ZONE_HAS_FREE_AREA) || kz->nr_orders == 0) {
		z->verdict = MS_ALLOCFAIL_NO_DATA;
		return;
	}
	if (kv < KV(4, 4)) {
		/* the pre-4.4 loop: lower orders' pages do not count */
		int64_t f = z->free_pages - (((int64_t)1 << o) - 1);
		int64_t m = z->mark_pages;

		for (i = 0; i < o && i < kz->nr_orders; i++) {
			f -= (int64_t)(kz->free_blocks[i] << i);
			m >>= 1;
			if (f <= m) {
				z->frag_order = (int)i + 1;
				z->frag_free_pages = f;
				z->frag_mark_pages = m;
				z->verdict = MS_ALLOCFAIL_TOO_FRAGMENTED;
				return;
			}
		}
		z->verdict = MS_ALLOCFAIL_WOULD_PASS;
		return;
	}
	if (!(kz->has & MS_KMSG_ZONE_HAS_TYPES))
		note(af,
		     "no migrate-type letters in the log: every free block counted as usable");
	z->verdict = z->largest_order >= (int)o ? MS_ALLOCFAIL_WOULD_PASS :
						  MS_ALLOCFAIL_NO_BLOCK;
}

int ms_allocfail_explain(const struct ms_kmsg_report *r, uint32_t kver,
			 unsigned int cfg, struct ms_allocfail *af)
{
	const char *types[MS_KMSG_MAX_ZONE_TYPES];
	unsigned int nr_types = 0;
	bool mapped = false, any_pass = false, any_frag = false;
	bool any_below = false, any_missing = false;
	char kb[16], rendered[MS_KMSG_FLAGS_MAX];
	int k = -1;
	size_t i;

	memset(af, 0, sizeof(*af));
	if (!r->has_mode)
		return -EINVAL;
	if (kver) {
		af->kver = kver;
		af->kver_source = "given";
	} else {
		af->kver = ms_allocfail_guess_kver(r, cfg, &af->kver_source);
	}
	af->order = r->order > 0 ? (unsigned int)r->order : 0;
	af->page_kb = r->page_size_kb ? r->page_size_kb : 4;
	if (!r->page_size_kb && r->nr_zones)
		note(af, "no free-area line gives the page size; 4 kB assumed");
	ms_gfp_format(r->mode, af->kver, cfg, rendered, sizeof(rendered));
	ms_gfp_kver_format(af->kver, kb, sizeof(kb));
	if (r->has_flags) {
		memcpy(af->flags, r->flags, sizeof(af->flags));
		if (strcmp(rendered, r->flags))
			note(af,
			     "printed flags '%s' differ from the %s rendering '%s' (kernel options?)",
			     r->flags, kb, rendered);
	} else {
		memcpy(af->flags, rendered, sizeof(af->flags));
		af->flags_decoded = true;
	}
	if (strcmp(af->kver_source, "log") && strcmp(af->kver_source, "given"))
		note(af,
		     "kernel release not in the log; %s rules used (from the %s)",
		     kb, af->kver_source);
	ms_gfp_explain(r->mode, af->order, af->kver, cfg, &af->gfp);
	af->highest_zone = af->gfp.zone;

	for (i = 0; i < r->nr_zones; i++)
		if (r->zones[i].nr_lowmem_reserve) {
			nr_types = r->zones[i].nr_lowmem_reserve;
			break;
		}
	if (nr_types && !map_zone_types(r, nr_types, types)) {
		const char *want = ms_gfp_mask_zone_name(af->highest_zone);

		mapped = true;
		k = type_index(types, nr_types, want);
		/* OPT_ZONE_*: a type the kernel lacks falls back to Normal */
		if (k < 0)
			k = type_index(types, nr_types, "Normal");
	} else if (r->nr_zones) {
		note(af, "zone indices unknown: lowmem_reserve[] not applied");
	}

	af->zones = calloc(r->nr_zones ? r->nr_zones : 1, sizeof(*af->zones));
	if (!af->zones)
		return -ENOMEM;
	af->nr_zones = r->nr_zones;
	for (i = 0; i < r->nr_zones; i++) {
		const struct ms_kmsg_zone *kz = &r->zones[i];
		struct ms_allocfail_zone *z = &af->zones[i];

		z->node = kz->node;
		memcpy(z->zone, kz->name, sizeof(z->zone));
		z->index = mapped ? type_index(types, nr_types, kz->name) : -1;
		one_zone(af, kz, z, k, mapped);
		switch (z->verdict) {
		case MS_ALLOCFAIL_WOULD_PASS:
			any_pass = true;
			break;
		case MS_ALLOCFAIL_NO_BLOCK:
		case MS_ALLOCFAIL_TOO_FRAGMENTED:
			any_frag = true;
			break;
		case MS_ALLOCFAIL_BELOW_WMARK:
			any_below = true;
			break;
		case MS_ALLOCFAIL_NO_DATA:
			any_missing = true;
			break;
		case MS_ALLOCFAIL_NOT_ELIGIBLE:
			break;
		}
	}
	/* one zone that passes is enough; one without data leaves it open */
	if (any_pass) {
		af->verdict = MS_ALLOCFAIL_WOULD_PASS;
	} else if (any_missing || (!any_frag && !any_below)) {
		af->verdict = MS_ALLOCFAIL_NO_DATA;
	} else if (any_frag) {
		af->verdict = MS_ALLOCFAIL_NO_BLOCK;
		for (i = 0; i < af->nr_zones; i++)
			if (af->zones[i].verdict == MS_ALLOCFAIL_TOO_FRAGMENTED)
				af->verdict = MS_ALLOCFAIL_TOO_FRAGMENTED;
	} else {
		af->verdict = MS_ALLOCFAIL_BELOW_WMARK;
	}
	return 0;
}

void ms_allocfail_release(struct ms_allocfail *af)
{
	free(af->zones);
	memset(af, 0, sizeof(*af));
}
