// SPDX-License-Identifier: GPL-2.0-or-later
/* memscope zones: /proc/zoneinfo with buddyinfo's free lists. */
#include <inttypes.h>

#include "analysis/wmark.h"
#include "view/view.h"
#include "lib/banned.h"

static void zone_one(struct ms_out *out, const struct ms_zone *z,
		     const struct ms_buddyinfo *bi)
{
	const struct ms_buddy_zone *bz =
		bi ? ms_buddyinfo_find(bi, z->node, z->name) : NULL;
	bool pop = ms_zone_populated(z);
	unsigned int i;

	ms_out_obj_open(out, NULL);
	ms_out_s64(out, "node", "Node %" PRId64, z->node);
	ms_out_str(out, "zone", ", zone %s", z->name);
	ms_out_u64(out, "index", NULL, z->index);
	ms_out_bool(out, "populated", NULL, pop);
	ms_out_str(out, "state", pop ? "  [%s]\n" : "  (%s)\n",
		   ms_zone_state_name(ms_zone_state(z)));
	if (pop) {
		ms_out_pages(out, "free_pages", "  free %10s", z->free_pages);
		ms_out_pages(out, "min_pages", "  min %10s", z->min_pages);
		ms_out_pages(out, "low_pages", "  low %10s", z->low_pages);
		ms_out_pages(out, "high_pages", "  high %10s\n", z->high_pages);
	} else {
		ms_out_u64(out, "free_pages", NULL, z->free_pages);
		ms_out_u64(out, "min_pages", NULL, z->min_pages);
		ms_out_u64(out, "low_pages", NULL, z->low_pages);
		ms_out_u64(out, "high_pages", NULL, z->high_pages);
	}
	if (z->has & MS_ZONE_HAS_PROMO)
		ms_out_pages(out, "promo_pages", pop ? "  promo %9s" : NULL,
			     z->promo_pages);
	else
		ms_out_null(out, "promo_pages", NULL);
	if (z->has & MS_ZONE_HAS_BOOST)
		ms_out_pages(out, "boost_pages", pop ? "  boost %10s" : NULL,
			     z->boost_pages);
	else
		ms_out_null(out, "boost_pages", NULL);
	if (pop && (z->has & (MS_ZONE_HAS_PROMO | MS_ZONE_HAS_BOOST)))
		ms_out_text(out, "\n");
	ms_out_pages(out, "managed_pages", pop ? "  managed %7s" : NULL,
		     z->managed_pages);
	ms_out_pages(out, "present_pages", pop ? "  present %9s" : NULL,
		     z->present_pages);
	ms_out_pages(out, "spanned_pages", pop ? "  spanned %9s\n" : NULL,
		     z->spanned_pages);
	if (z->has & MS_ZONE_HAS_CMA)
		ms_out_u64(out, "cma_pages", NULL, z->cma_pages);
	else
		ms_out_null(out, "cma_pages", NULL);
	ms_out_u64(out, "nr_free_cma_pages", NULL, z->nr_free_cma);
	if (z->has & MS_ZONE_HAS_START_PFN)
		ms_out_u64(out, "start_pfn", NULL, z->start_pfn);
	else
		ms_out_null(out, "start_pfn", NULL);
	ms_out_text(out, "  protection (pages):");
	ms_out_arr_open(out, "protection");
	for (i = 0; i < z->nr_protection; i++)
		ms_out_s64(out, NULL, " %" PRId64, z->protection[i]);
	ms_out_arr_close(out);
	ms_out_text(out, "\n");
	if (bz) {
		ms_out_text(out, "  free blocks by order:");
		ms_out_arr_open(out, "free_blocks");
		for (i = 0; i < bi->nr_orders && i < MS_MAX_ORDERS; i++)
			ms_out_u64(out, NULL, " %" PRIu64, bz->free_blocks[i]);
		ms_out_arr_close(out);
		ms_out_text(out, "\n");
	} else {
		ms_out_null(out, "free_blocks", NULL);
	}
	ms_out_obj_close(out);
}

void ms_view_zones(struct ms_out *out, const struct ms_zoneinfo *zi,
		   const struct ms_buddyinfo *bi,
		   const struct ms_view_filter *f)
{
	size_t i;
	bool first = true;

	ms_out_arr_open(out, "zones");
	for (i = 0; i < zi->nr_zones; i++) {
		const struct ms_zone *z = &zi->zones[i];

		if (f->node >= 0 && z->node != f->node)
			continue;
		if (!first)
			ms_out_text(out, "\n");
		first = false;
		zone_one(out, z, bi);
	}
	ms_out_arr_close(out);
}
