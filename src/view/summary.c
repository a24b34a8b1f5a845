// SPDX-License-Identifier: GPL-2.0-or-later
/* memscope summary: the one-screen overview. */
#include <inttypes.h>

#include "analysis/frag.h"
#include "analysis/wmark.h"
#include "view/view.h"
#include "lib/banned.h"

/* PAGE_ALLOC_COSTLY_ORDER: above it the allocator treats requests as costly */
#define MS_COSTLY_ORDER 3

static void summary_memory(struct ms_out *out, const struct ms_kv *mi)
{
	if (!mi) {
		ms_out_null(out, "memory", NULL);
		return;
	}
	ms_out_obj_open(out, "memory");
	ms_out_text(out, "Memory:");
	ms_view_memory_totals(out, mi);
	ms_view_memory_kernel(out, mi);
	ms_out_obj_close(out);
}

static void summary_zone(struct ms_out *out, const struct ms_zone *z,
			 const struct ms_buddyinfo *bi)
{
	const struct ms_buddy_zone *bz =
		bi ? ms_buddyinfo_find(bi, z->node, z->name) : NULL;

	ms_out_obj_open(out, NULL);
	ms_out_s64(out, "node", "  %4" PRId64, z->node);
	ms_out_str(out, "zone", " %-8s", z->name);
	ms_out_pages(out, "free_pages", " %10s", z->free_pages);
	ms_out_pages(out, "min_pages", " %10s", z->min_pages);
	ms_out_pages(out, "low_pages", " %10s", z->low_pages);
	ms_out_pages(out, "high_pages", NULL, z->high_pages);
	ms_out_str(out, "state", "  %-10s",
		   ms_zone_state_name(ms_zone_state(z)));
	if (bz) {
		struct ms_contig info;
		int largest = -1;
		unsigned int o;

		for (o = 0; o < bi->nr_orders && o < MS_MAX_ORDERS; o++)
			if (bz->free_blocks[o])
				largest = (int)o;
		if (largest >= 0)
			ms_out_s64(out, "largest_free_order", " %7" PRId64,
				   largest);
		else
			ms_out_null(out, "largest_free_order", " %7s");
		ms_frag_contig(bz->free_blocks, bi->nr_orders, MS_COSTLY_ORDER,
			       &info);
		ms_out_milli(out, "unusable_index_order3", " %10s",
			     ms_frag_unusable(&info, MS_COSTLY_ORDER));
	} else {
		ms_out_null(out, "largest_free_order", " %7s");
		ms_out_null(out, "unusable_index_order3", " %10s");
	}
	ms_out_text(out, "\n");
	ms_out_obj_close(out);
}

void ms_view_summary(struct ms_out *out, const struct ms_snapshot *snap,
		     const struct ms_kv *meminfo, const struct ms_zoneinfo *zi,
		     const struct ms_buddyinfo *bi)
{
	const struct ms_meta *m = &snap->meta;
	size_t i;

	ms_out_text(out, "%s, kernel %s, page size %llu B, %s %s\n",
		    m->hostname[0] ? m->hostname : "unknown host",
		    m->kernel_release[0] ? m->kernel_release : "unknown",
		    (unsigned long long)m->page_size,
		    snap->src->root ? "snapshot taken" : "live at",
		    m->time[0] ? m->time : "(time unknown)");
	ms_view_source(out, snap);
	summary_memory(out, meminfo);
	if (!zi) {
		ms_out_null(out, "zones", NULL);
		return;
	}
	ms_out_text(out, "\n  NODE ZONE           FREE        MIN        LOW"
			 "  STATE      LARGEST  UNUSABLE@3\n");
	ms_out_arr_open(out, "zones");
	for (i = 0; i < zi->nr_zones; i++)
		if (ms_zone_populated(&zi->zones[i]))
			summary_zone(out, &zi->zones[i], bi);
	ms_out_arr_close(out);
}
