// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope top --once: the dashboard's overview through the one output
 * path, from the same models the live screen draws.
 */
#include <inttypes.h>

#include "out/units.h"
#include "view/atomic.h"
#include "view/top.h"
#include "view/view.h"
#include "lib/banned.h"

static void memory(struct ms_out *out, const struct ms_kv *mi)
{
	if (!mi) {
		ms_out_null(out, "memory", NULL);
		return;
	}
	ms_out_obj_open(out, "memory");
	ms_out_text(out, "\nMemory:");
	ms_view_memory_totals(out, mi);
	ms_out_text(out, "       ");
	ms_view_meminfo_bytes(out, mi, "AnonPages", "anon_bytes", " anon %s");
	ms_view_meminfo_bytes(out, mi, "Cached", "cached_bytes", ", cached %s");
	ms_view_meminfo_bytes(out, mi, "Shmem", "shmem_bytes", ", shmem %s");
	ms_view_meminfo_bytes(out, mi, "SwapFree", "swap_free_bytes",
			      ", swap free %s");
	ms_view_meminfo_bytes(out, mi, "SwapTotal", "swap_total_bytes",
			      " of %s\n");
	ms_view_memory_kernel(out, mi);
	ms_out_obj_close(out);
}

static void zone_one(struct ms_out *out, const struct ms_overview *ov,
		     const struct ms_overview_zone *oz)
{
	const struct ms_zone *z = oz->zone;
	unsigned int o;

	ms_out_obj_open(out, NULL);
	ms_out_s64(out, "node", "%4" PRId64, oz->node);
	ms_out_str(out, "zone", " %-8s", oz->name);
	if (z) {
		ms_out_pages(out, "free_pages", " %10s", z->free_pages);
		ms_out_pages(out, "min_pages", " %10s", z->min_pages);
		ms_out_pages(out, "low_pages", " %10s", z->low_pages);
		ms_out_pages(out, "high_pages", " %10s", z->high_pages);
		ms_out_str(out, "state", "  %-10s",
			   ms_zone_state_name(oz->state));
	} else {
		ms_out_null(out, "free_pages", " %10s");
		ms_out_null(out, "min_pages", " %10s");
		ms_out_null(out, "low_pages", " %10s");
		ms_out_null(out, "high_pages", " %10s");
		ms_out_null(out, "state", "  %-10s");
	}
	if (oz->largest_free_order >= 0)
		ms_out_s64(out, "largest_free_order", " %7" PRId64,
			   oz->largest_free_order);
	else
		ms_out_null(out, "largest_free_order", " %7s");
	ms_out_text(out, "\n");
	if (oz->buddy) {
		ms_out_arr_open(out, "unusable_index");
		for (o = 0; o < ov->nr_orders; o++)
			ms_out_milli(out, NULL, NULL, oz->unusable[o]);
		ms_out_arr_close(out);
		ms_out_arr_open(out, "extfrag_index");
		for (o = 0; o < ov->nr_orders; o++)
			ms_out_milli(out, NULL, NULL, oz->extfrag[o]);
		ms_out_arr_close(out);
	} else {
		ms_out_null(out, "unusable_index", NULL);
		ms_out_null(out, "extfrag_index", NULL);
	}
	if (oz->has_atomic) {
		ms_out_arr_open(out, "atomic_headroom");
		for (o = 0; o < ov->nr_orders; o++)
			ms_out_u64(out, NULL, NULL, oz->headroom[o]);
		ms_out_arr_close(out);
	} else {
		ms_out_null(out, "atomic_headroom", NULL);
	}
	ms_out_obj_close(out);
}

static void zones(struct ms_out *out, const struct ms_overview *ov)
{
	size_t i;

	if (!ov || !ov->nr_zones) {
		ms_out_null(out, "zones", NULL);
		return;
	}
	ms_out_text(out, "\nNODE ZONE           FREE        MIN        LOW"
			 "       HIGH  STATE       LARGEST\n");
	ms_out_arr_open(out, "zones");
	for (i = 0; i < ov->nr_zones; i++)
		zone_one(out, ov, &ov->zones[i]);
	ms_out_arr_close(out);
}

static void atomic(struct ms_out *out, const struct ms_overview *ov,
		   const struct ms_era *era)
{
	char buf[32];
	unsigned int o;

	if (!ov || !ov->has_atomic || !era) {
		ms_out_null(out, "atomic", NULL);
		return;
	}
	ms_out_obj_open(out, "atomic");
	ms_out_text(out, "\nGFP_ATOMIC by order, the worst node (");
	ms_out_str(out, "era", "rules of %s):\n", era->name);
	ms_out_arr_open(out, "orders");
	for (o = 0; o < ov->nr_orders; o++) {
		const struct ms_overview_order *w = &ov->orders[o];

		ms_out_obj_open(out, NULL);
		ms_out_u64(out, "order", " %2" PRIu64 ":", o);
		ms_view_color_risk(out, w->risk);
		ms_out_str(out, "risk", "%-4s", ms_risk_name(w->risk));
		ms_out_color(out, MS_COLOR_NONE);
		ms_out_s64(out, "node", NULL, w->node);
		ms_out_u64(out, "headroom_total", NULL, w->headroom);
		ms_out_text(out, " %6s%s",
			    ms_units_count(buf, sizeof(buf), w->headroom),
			    o % 6 == 5 || o + 1 == ov->nr_orders ? "\n" : "");
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
	ms_view_assumptions(out, ov->assume);
	ms_out_obj_close(out);
}

static void slab(struct ms_out *out, const struct ms_slab_model *m)
{
	char a[32];
	size_t i;

	if (!m) {
		ms_out_null(out, "slab", NULL);
		return;
	}
	ms_out_obj_open(out, "slab");
	ms_out_bytes(out, "total_bytes", "\nLargest slab caches (%s",
		     m->totals.bytes);
	ms_out_u64(out, "caches", " in %" PRIu64 " caches):\n",
		   m->totals.caches);
	ms_out_arr_open(out, "top");
	for (i = 0; i < m->nr_rows && i < MS_VIEW_TOP_CONSUMERS; i++) {
		const struct ms_slab_row *r = &m->rows[i];

		ms_out_obj_open(out, NULL);
		ms_out_u64(out, "bytes", NULL, r->bytes);
		ms_out_text(out, "  %10s  ",
			    ms_units_bytes(a, sizeof(a), r->bytes));
		ms_out_str(out, "name", "%s\n", r->cache->name);
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
	ms_out_obj_close(out);
}

static void vmalloc(struct ms_out *out, const struct ms_vmalloc_stats *st)
{
	char a[32];
	size_t i;

	if (!st) {
		ms_out_null(out, "vmalloc", NULL);
		return;
	}
	ms_out_obj_open(out, "vmalloc");
	ms_out_bytes(out, "size_bytes", "\nLargest vmalloc callers (%s",
		     st->size_bytes);
	ms_out_u64(out, "areas", " in %" PRIu64 " areas):\n", st->nr_areas);
	ms_out_u64(out, "pages", NULL, st->pages);
	ms_out_arr_open(out, "top");
	for (i = 0; i < st->nr_by_symbol && i < MS_VIEW_TOP_CONSUMERS; i++) {
		const struct ms_vmalloc_group *g = &st->by_symbol[i];

		ms_out_obj_open(out, NULL);
		ms_out_u64(out, "size_bytes", NULL, g->size_bytes);
		ms_out_text(out, "  %10s ",
			    ms_units_bytes(a, sizeof(a), g->size_bytes));
		ms_out_u64(out, "count", " %6" PRIu64 "  ", g->count);
		ms_out_str(out, "name", "%s",
			   g->name ? g->name : "(no caller)");
		if (g->module)
			ms_out_str(out, "module", " [%s]", g->module);
		else
			ms_out_null(out, "module", NULL);
		ms_out_text(out, "\n");
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
	ms_out_obj_close(out);
}

static void stalls(struct ms_out *out, const struct ms_stall_counters *c,
		   const struct ms_stall_rates *r)
{
	unsigned int id;

	if (!c) {
		ms_out_null(out, "stalls", NULL);
		return;
	}
	ms_out_obj_open(out, "stalls");
	ms_out_text(out, "\nReclaim and compaction since boot%s:\n",
		    r ? " (rate per second)" : "");
	ms_out_obj_open(out, "counters");
	for (id = 0; id < MS_STALL_NR; id++) {
		const char *name = ms_stall_name(id);

		ms_out_text(out, "  %-20s", name);
		if (c->present & (1u << id))
			ms_out_u64(out, name, "%12" PRIu64, c->value[id]);
		else
			ms_out_null(out, name, "%12s");
		if (r && (r->valid & (1u << id)))
			ms_out_text(out, " %10.1f/s", r->per_s[id]);
		else if (r)
			ms_out_text(out, " %12s", "-");
		ms_out_text(out, "%s", id % 2 || r ? "\n" : "  ");
	}
	ms_out_obj_close(out);
	if (r) {
		ms_out_obj_open(out, "rates_per_s");
		for (id = 0; id < MS_STALL_NR; id++) {
			if (r->valid & (1u << id))
				ms_out_double(out, ms_stall_name(id), NULL,
					      r->per_s[id]);
			else
				ms_out_null(out, ms_stall_name(id), NULL);
		}
		ms_out_obj_close(out);
	} else {
		ms_out_null(out, "rates_per_s", NULL);
	}
	ms_out_obj_close(out);
}

void ms_view_top(struct ms_out *out, const struct ms_snapshot *snap,
		 const struct ms_view_top *v)
{
	const struct ms_meta *m = &snap->meta;

	ms_out_text(out, "%s, kernel %s, page size %llu B, %s %s\n",
		    m->hostname[0] ? m->hostname : "unknown host",
		    m->kernel_release[0] ? m->kernel_release : "unknown",
		    (unsigned long long)m->page_size,
		    snap->src->root ? "snapshot taken" : "live at",
		    m->time[0] ? m->time : "(time unknown)");
	ms_view_source(out, snap);
	memory(out, v->meminfo);
	zones(out, v->ov);
	atomic(out, v->ov, v->era);
	slab(out, v->slab);
	vmalloc(out, v->vmalloc);
	stalls(out, v->stall, v->rates);
}
