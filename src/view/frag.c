// SPDX-License-Identifier: GPL-2.0-or-later
/* memscope frag: free blocks and fragmentation indices per order. */
#include <inttypes.h>
#include <string.h>

#include "analysis/frag.h"
#include "view/view.h"
#include "lib/banned.h"

/* The letters of show_free_areas() for the migrate types, by name. */
static char type_letter(const char *name)
{
	static const struct {
		const char *name;
		char letter;
	} map[] = {
		{ "Unmovable", 'U' },	{ "Movable", 'M' },
		{ "Reclaimable", 'E' }, { "HighAtomic", 'H' },
		{ "CMA", 'C' },		{ "Isolate", 'I' },
		{ "Reserve", 'R' },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (!strcmp(map[i].name, name))
			return map[i].letter;
	return '?';
}

static void order_types(struct ms_out *out, const struct ms_pagetypeinfo *pt,
			const struct ms_pt_zone *pz, unsigned int order)
{
	char letters[MS_MAX_MIGRATE_TYPES + 1];
	unsigned int t, n = 0;

	ms_out_obj_open(out, "free_blocks_by_type");
	for (t = 0; t < pt->nr_types; t++) {
		ms_out_u64(out, pt->types[t], NULL, pz->free_blocks[t][order]);
		if (pz->free_blocks[t][order])
			letters[n++] = type_letter(pt->types[t]);
	}
	ms_out_obj_close(out);
	letters[n] = '\0';
	if (n)
		ms_out_text(out, "  %s", letters);
}

static void frag_zone(struct ms_out *out, const struct ms_buddyinfo *bi,
		      const struct ms_buddy_zone *bz,
		      const struct ms_pagetypeinfo *pt,
		      const struct ms_view_filter *f)
{
	const struct ms_pt_zone *pz =
		pt ? ms_pagetypeinfo_find(pt, bz->node, bz->zone) : NULL;
	struct ms_contig all;
	unsigned int o;

	ms_frag_contig(bz->free_blocks, bi->nr_orders, 0, &all);
	if (pz && pt->nr_orders != bi->nr_orders)
		pz = NULL;
	ms_out_obj_open(out, NULL);
	ms_out_s64(out, "node", "Node %" PRId64, bz->node);
	ms_out_str(out, "zone", ", zone %s:", bz->zone);
	ms_out_pages(out, "free_pages", " %s free", all.free_pages);
	ms_out_u64(out, "free_blocks_total", " in %" PRIu64 " blocks\n",
		   all.free_blocks_total);
	ms_out_text(out,
		    "  order     blocks       free  unusable   extfrag%s\n",
		    pz ? "  types" : "");
	ms_out_arr_open(out, "orders");
	for (o = 0; o < bi->nr_orders && o < MS_MAX_ORDERS; o++) {
		struct ms_contig info;

		if (f->order >= 0 && (unsigned int)f->order != o)
			continue;
		ms_frag_contig(bz->free_blocks, bi->nr_orders, o, &info);
		ms_out_obj_open(out, NULL);
		ms_out_u64(out, "order", "  %5" PRIu64, o);
		ms_out_u64(out, "free_blocks", " %10" PRIu64,
			   bz->free_blocks[o]);
		ms_out_pages(out, "free_pages", " %10s",
			     bz->free_blocks[o] << o);
		ms_out_milli(out, "unusable_index", " %9s",
			     ms_frag_unusable(&info, o));
		ms_out_milli(out, "extfrag_index", " %9s",
			     ms_frag_extfrag(&info, o));
		if (pz)
			order_types(out, pt, pz, o);
		ms_out_text(out, "\n");
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
	ms_out_obj_close(out);
}

void ms_view_frag(struct ms_out *out, const struct ms_buddyinfo *bi,
		  const struct ms_pagetypeinfo *pt,
		  const struct ms_view_filter *f)
{
	bool first = true;
	size_t i;

	if (pt) {
		ms_out_u64(out, "pageblock_order", NULL, pt->pageblock_order);
	} else {
		ms_out_null(out, "pageblock_order", NULL);
	}
	ms_out_u64(out, "nr_orders", NULL, bi->nr_orders);
	ms_out_arr_open(out, "zones");
	for (i = 0; i < bi->nr_zones; i++) {
		if (f->node >= 0 && bi->zones[i].node != f->node)
			continue;
		if (!first)
			ms_out_text(out, "\n");
		first = false;
		frag_zone(out, bi, &bi->zones[i], pt, f);
	}
	ms_out_arr_close(out);
	if (pt)
		ms_out_text(out,
			    "\ntypes: U unmovable, M movable, E reclaimable, "
			    "H high-atomic, C CMA, I isolate, R reserve\n");
}

static void debugfs_block(struct ms_out *out, const struct ms_buddyinfo *bi,
			  bool extfrag, bool wide)
{
	size_t i;

	for (i = 0; i < bi->nr_zones; i++) {
		const struct ms_buddy_zone *bz = &bi->zones[i];
		unsigned int o;

		ms_out_text(out, "Node %d, zone %8s ", bz->node, bz->zone);
		for (o = 0; o < bi->nr_orders && o < MS_MAX_ORDERS; o++) {
			struct ms_contig info;
			char buf[32];
			int v;

			ms_frag_contig(bz->free_blocks, bi->nr_orders, o,
				       &info);
			v = extfrag ? ms_frag_extfrag(&info, o) :
				      ms_frag_unusable(&info, o);
			ms_out_text(out, "%s ",
				    ms_frag_format_kernel(buf, sizeof(buf), v,
							  extfrag && wide));
		}
		ms_out_text(out, "\n");
	}
}

void ms_view_frag_debugfs(struct ms_out *out, const struct ms_buddyinfo *bi,
			  bool wide)
{
	ms_out_text(out, "==> extfrag/unusable_index <==\n");
	debugfs_block(out, bi, false, wide);
	ms_out_text(out, "\n==> extfrag/extfrag_index <==\n");
	debugfs_block(out, bi, true, wide);
}
