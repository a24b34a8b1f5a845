// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope slab: slabtop's summary and table from the slab model, plus
 * the page-level size, waste, SLUB's sysfs facts and the meminfo
 * cross-check; in --watch samples the changes and growth flags too.
 *
 * The summary lines follow slabtop's print_summary() (procps
 * src/slabtop.c): "Active / Total Size" is object-level there (objects
 * times object size), while CACHE SIZE and "Slab pages" count the pages
 * the caches hold, as meminfo's Slab does.
 */
#include <inttypes.h>

#include "view/view.h"
#include "lib/banned.h"

static double pct(uint64_t part, uint64_t whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

static void totals(struct ms_out *out, const struct ms_view_slab *v)
{
	const struct ms_slab_totals *t = &v->model->totals;

	ms_out_obj_open(out, "totals");
	ms_out_text(out, " %-35s: ", "Active / Total Objects (% used)");
	ms_out_u64(out, "active_objs", "%" PRIu64, t->active_objs);
	ms_out_u64(out, "objs", " / %" PRIu64, t->objs);
	ms_out_text(out, " (%.1f%%)\n", pct(t->active_objs, t->objs));
	ms_out_text(out, " %-35s: ", "Active / Total Slabs (% used)");
	ms_out_u64(out, "active_slabs", "%" PRIu64, t->active_slabs);
	ms_out_u64(out, "slabs", " / %" PRIu64, t->slabs);
	ms_out_text(out, " (%.1f%%)\n", pct(t->active_slabs, t->slabs));
	ms_out_text(out, " %-35s: ", "Active / Total Caches (% used)");
	ms_out_u64(out, "active_caches", "%" PRIu64, t->active_caches);
	ms_out_u64(out, "caches", " / %" PRIu64, t->caches);
	ms_out_text(out, " (%.1f%%)\n", pct(t->active_caches, t->caches));
	ms_out_text(out, " %-35s: ", "Active / Total Size (% used)");
	ms_out_bytes(out, "active_bytes", "%s", t->active_bytes);
	ms_out_bytes(out, "objs_bytes", " / %s", t->objs_bytes);
	ms_out_text(out, " (%.1f%%)\n", pct(t->active_bytes, t->objs_bytes));
	ms_out_text(out, " %-35s: ", "Minimum / Average / Maximum Object");
	ms_out_bytes(out, "min_obj_size", "%s", t->min_obj_size);
	ms_out_bytes(out, "avg_obj_size", " / %s", t->avg_obj_size);
	ms_out_bytes(out, "max_obj_size", " / %s\n", t->max_obj_size);
	ms_out_text(out, " %-35s: ", "Slab pages / Waste");
	ms_out_u64(out, "pages", NULL, t->pages);
	ms_out_bytes(out, "bytes", "%s", t->bytes);
	ms_out_bytes(out, "waste_bytes", " / %s", t->waste_bytes);
	ms_out_text(out, " (%.1f%%)\n", pct(t->waste_bytes, t->bytes));
	if (v->watch) {
		const struct ms_slab_model *m = v->model;

		if (m->has_delta) {
			ms_out_s64(out, "delta_bytes", NULL, t->delta_bytes);
			ms_out_double(out, "bytes_per_s", NULL, t->bytes_per_s);
			ms_out_u64(out, "new_caches", NULL, t->new_caches);
			ms_out_u64(out, "gone_caches", NULL, t->gone_caches);
		} else {
			ms_out_null(out, "delta_bytes", NULL);
			ms_out_null(out, "bytes_per_s", NULL);
			ms_out_null(out, "new_caches", NULL);
			ms_out_null(out, "gone_caches", NULL);
		}
		if (m->has_start_delta) {
			ms_out_s64(out, "start_delta_bytes", NULL,
				   t->start_delta_bytes);
			ms_out_double(out, "start_bytes_per_s", NULL,
				      t->start_bytes_per_s);
		} else {
			ms_out_null(out, "start_delta_bytes", NULL);
			ms_out_null(out, "start_bytes_per_s", NULL);
		}
		ms_out_u64(out, "growing_caches", NULL, t->growing_caches);
	}
	ms_out_obj_close(out);
}

static void meminfo(struct ms_out *out, const struct ms_slab_meminfo_check *c)
{
	if (!c) {
		ms_out_null(out, "meminfo", NULL);
		return;
	}
	ms_out_obj_open(out, "meminfo");
	ms_out_text(out, " %-35s: ", "meminfo Slab (reclaim / unreclaim)");
	ms_out_bytes(out, "slab_bytes", "%s", c->slab_bytes);
	if (c->has_split) {
		ms_out_bytes(out, "sreclaimable_bytes", " (%s",
			     c->sreclaimable_bytes);
		ms_out_bytes(out, "sunreclaim_bytes", " / %s)",
			     c->sunreclaim_bytes);
	} else {
		ms_out_null(out, "sreclaimable_bytes", NULL);
		ms_out_null(out, "sunreclaim_bytes", NULL);
	}
	ms_out_u64(out, "slabinfo_bytes", NULL, c->slabinfo_bytes);
	ms_out_s64(out, "diff_bytes", NULL, c->diff_bytes);
	ms_out_double(out, "diff_pct", ", slabinfo %+.1f%%\n", c->diff_pct);
	ms_out_obj_close(out);
}

static void sysfs_facts(struct ms_out *out, const struct ms_slub_sysfs *ss)
{
	if (ss) {
		ms_out_bool(out, "reclaimable", " %3s", ss->reclaim_account);
		ms_out_u64(out, "order", NULL, ss->order);
		ms_out_u64(out, "aliases", NULL, ss->aliases);
	} else {
		ms_out_null(out, "reclaimable", " %3s");
		ms_out_null(out, "order", NULL);
		ms_out_null(out, "aliases", NULL);
	}
}

static void row_watch(struct ms_out *out, const struct ms_slab_row *r)
{
	if (r->flags & MS_SLAB_HAS_DELTA) {
		ms_out_bool(out, "new", NULL, r->flags & MS_SLAB_NEW);
		ms_out_s64(out, "delta_bytes", NULL, r->delta_bytes);
		ms_out_double(out, "bytes_per_s", NULL, r->bytes_per_s);
		ms_out_s64(out, "delta_objs", NULL, r->delta_objs);
		ms_out_double(out, "objs_per_s", NULL, r->objs_per_s);
		ms_out_s64(out, "delta_active_objs", NULL,
			   r->delta_active_objs);
	} else {
		ms_out_null(out, "new", NULL);
		ms_out_null(out, "delta_bytes", NULL);
		ms_out_null(out, "bytes_per_s", NULL);
		ms_out_null(out, "delta_objs", NULL);
		ms_out_null(out, "objs_per_s", NULL);
		ms_out_null(out, "delta_active_objs", NULL);
	}
	if (r->flags & MS_SLAB_HAS_START_DELTA) {
		ms_out_s64(out, "start_delta_bytes", NULL,
			   r->start_delta_bytes);
		ms_out_double(out, "start_bytes_per_s", NULL,
			      r->start_bytes_per_s);
	} else {
		ms_out_null(out, "start_delta_bytes", NULL);
		ms_out_null(out, "start_bytes_per_s", NULL);
	}
	ms_out_bool(out, "growing", NULL, r->flags & MS_SLAB_GROWING);
	ms_out_u64(out, "growth_samples", NULL, r->growth_samples);
	ms_out_u64(out, "growth_bytes", NULL, r->growth_bytes);
}

static void row(struct ms_out *out, const struct ms_slab_row *r, bool watch)
{
	const struct ms_slab_cache *c = r->cache;

	ms_out_obj_open(out, NULL);
	ms_out_str(out, "name", NULL, c->name);
	ms_out_u64(out, "num_objs", "%7" PRIu64, c->num_objs);
	ms_out_u64(out, "active_objs", " %7" PRIu64, c->active_objs);
	ms_out_double(out, "use_pct", " %5.1f%%", r->use_pct);
	ms_out_u64(out, "obj_size", " %7" PRIu64, c->obj_size);
	ms_out_u64(out, "num_slabs", " %6" PRIu64, c->num_slabs);
	ms_out_u64(out, "active_slabs", NULL, c->active_slabs);
	ms_out_u64(out, "objs_per_slab", " %5" PRIu64, c->objs_per_slab);
	ms_out_u64(out, "pages_per_slab", " %4" PRIu64, c->pages_per_slab);
	ms_out_bytes(out, "bytes", " %10s", r->bytes);
	ms_out_u64(out, "active_bytes", NULL, r->active_bytes);
	ms_out_bytes(out, "waste_bytes", " %8s", r->waste_bytes);
	sysfs_facts(out, r->sysfs);
	ms_out_u64(out, "limit", NULL, c->limit);
	ms_out_u64(out, "batchcount", NULL, c->batchcount);
	ms_out_u64(out, "shared_factor", NULL, c->shared_factor);
	ms_out_u64(out, "shared_avail", NULL, c->shared_avail);
	if (watch)
		row_watch(out, r);
	/* the name was written first for JSON; text puts it last */
	ms_out_text(out, " %s\n", c->name);
	ms_out_obj_close(out);
}

static void growing(struct ms_out *out, const struct ms_view_slab *v)
{
	const struct ms_slab_model *m = v->model;
	size_t i;

	if (!v->watch) {
		ms_out_null(out, "growing", NULL);
		return;
	}
	/* every growing cache, filtered or not: a leak must not hide */
	ms_out_arr_open(out, "growing");
	for (i = 0; i < m->nr_rows; i++) {
		const struct ms_slab_row *r = &m->rows[i];

		if (!(r->flags & MS_SLAB_GROWING))
			continue;
		ms_out_obj_open(out, NULL);
		ms_out_str(out, "name", NULL, r->cache->name);
		ms_out_u64(out, "bytes", NULL, r->bytes);
		ms_out_u64(out, "growth_bytes", NULL, r->growth_bytes);
		if (r->flags & MS_SLAB_GROWTH_FROM_ZERO)
			ms_out_null(out, "growth_pct", NULL);
		else
			ms_out_double(out, "growth_pct", NULL, r->growth_pct);
		ms_out_u64(out, "samples", NULL, r->growth_samples);
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
}

void ms_view_slab(struct ms_out *out, const struct ms_snapshot *snap,
		  const struct ms_view_slab *v)
{
	size_t i;

	if (v->watch) {
		ms_out_u64(out, "sample", NULL, v->sample);
		ms_out_str(out, "time", NULL, v->time);
		ms_out_double(out, "interval_s", NULL, v->interval_s);
		if (v->model->has_delta)
			ms_out_double(out, "elapsed_s", NULL,
				      v->model->elapsed_s);
		else
			ms_out_null(out, "elapsed_s", NULL);
		ms_out_double(out, "since_start_s", NULL,
			      v->model->has_start_delta ?
				      v->model->start_elapsed_s :
				      0.0);
	}
	ms_view_source(out, snap);
	ms_out_str(out, "version", NULL, v->model->si->version);
	ms_out_str(out, "sort", NULL, ms_slab_sort_key_name(v->sort));
	ms_out_bool(out, "reverse", NULL, v->reverse);
	ms_out_str(out, "filter", NULL, v->filter);
	totals(out, v);
	meminfo(out, v->meminfo);
	ms_out_text(out, "\n%7s %7s %6s %7s %6s %5s %4s %10s %8s %3s %s\n",
		    "OBJS", "ACTIVE", "USE", "OBJSIZE", "SLABS", "OBJ/S",
		    "PG/S", "CACHE SIZE", "WASTE", "RCL", "NAME");
	ms_out_arr_open(out, "caches");
	for (i = 0; i < v->nr_rows; i++)
		row(out, v->rows[i], v->watch);
	ms_out_arr_close(out);
	growing(out, v);
}

void ms_view_summary_slab(struct ms_out *out, const struct ms_slab_model *m)
{
	size_t i, n;

	if (!m) {
		ms_out_null(out, "slab", NULL);
		return;
	}
	n = m->nr_rows < MS_SUMMARY_SLAB_TOP ? m->nr_rows : MS_SUMMARY_SLAB_TOP;
	ms_out_obj_open(out, "slab");
	ms_out_text(out, "\nSlab:");
	ms_out_bytes(out, "bytes", " %s in", m->totals.bytes);
	ms_out_u64(out, "caches", " %" PRIu64 " caches", m->totals.caches);
	ms_out_bytes(out, "waste_bytes", ", waste %s", m->totals.waste_bytes);
	ms_out_text(out, "; the %zu largest:\n", n);
	ms_out_text(out, "  %-24s %10s %10s %6s\n", "CACHE", "SIZE", "WASTE",
		    "USE");
	ms_out_arr_open(out, "largest");
	for (i = 0; i < n; i++) {
		const struct ms_slab_row *r = &m->rows[i];

		ms_out_obj_open(out, NULL);
		ms_out_str(out, "name", "  %-24s", r->cache->name);
		ms_out_bytes(out, "bytes", " %10s", r->bytes);
		ms_out_bytes(out, "waste_bytes", " %10s", r->waste_bytes);
		ms_out_double(out, "use_pct", " %5.1f%%\n", r->use_pct);
		ms_out_u64(out, "active_objs", NULL, r->cache->active_objs);
		ms_out_u64(out, "num_objs", NULL, r->cache->num_objs);
		ms_out_u64(out, "obj_size", NULL, r->cache->obj_size);
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
	ms_out_obj_close(out);
}
