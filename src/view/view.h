/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_VIEW_H
#define MS_VIEW_H

#include <stdbool.h>

#include "analysis/slab.h"
#include "out/out.h"
#include "proc/buddyinfo.h"
#include "proc/kv.h"
#include "proc/pagetypeinfo.h"
#include "proc/snapshot.h"
#include "proc/zoneinfo.h"

/* A node/order filter shared by the views; -1 means all. */
struct ms_view_filter {
	int node;
	int order;
};

/**
 * ms_view_source() - the "source" object: root, kernel, page size, host
 * and time of the sample (JSON only)
 */
void ms_view_source(struct ms_out *out, const struct ms_snapshot *snap);

/**
 * ms_view_meminfo_bytes() - the meminfo value @key (kB) as @json_key in
 * bytes, through @fmt in text; null when @mi is NULL or lacks @key
 */
void ms_view_meminfo_bytes(struct ms_out *out, const struct ms_kv *mi,
			   const char *key, const char *json_key,
			   const char *fmt);

/**
 * ms_view_memory_totals() - total, free and available memory, one text
 * line (the start of a "memory" object)
 */
void ms_view_memory_totals(struct ms_out *out, const struct ms_kv *mi);

/**
 * ms_view_memory_kernel() - slab (and its reclaimable part), vmalloc and
 * page tables, one indented text line
 */
void ms_view_memory_kernel(struct ms_out *out, const struct ms_kv *mi);

/**
 * ms_view_zones() - per node and zone: free pages, watermarks, sizes,
 * protection and (with @bi) free blocks per order
 */
void ms_view_zones(struct ms_out *out, const struct ms_zoneinfo *zi,
		   const struct ms_buddyinfo *bi,
		   const struct ms_view_filter *f);

/**
 * ms_view_frag() - per zone and order: free blocks and the kernel's two
 * fragmentation indices; per migrate type counts when @pt is given
 */
void ms_view_frag(struct ms_out *out, const struct ms_buddyinfo *bi,
		  const struct ms_pagetypeinfo *pt,
		  const struct ms_view_filter *f);

/**
 * ms_view_frag_debugfs() - the text of debugfs extfrag/unusable_index and
 * extfrag/extfrag_index as the kernel would print it (text only)
 * @wide: extfrag_index in the 5.16+ "%2d.%03d" format
 */
void ms_view_frag_debugfs(struct ms_out *out, const struct ms_buddyinfo *bi,
			  bool wide);

/**
 * ms_view_summary() - the one-screen overview; any argument but @snap may
 * be NULL when its file is unavailable
 */
void ms_view_summary(struct ms_out *out, const struct ms_snapshot *snap,
		     const struct ms_kv *meminfo, const struct ms_zoneinfo *zi,
		     const struct ms_buddyinfo *bi);

/**
 * struct ms_view_slab - what memscope slab shows of one sample
 * @model:   the sample, its rows sorted by @sort
 * @rows:    the rows to list, in order (not copied): those of @model
 *           that pass the filter, cut to --top
 * @nr_rows: number of @rows
 * @meminfo: the cross-check with /proc/meminfo, or NULL when meminfo
 *           could not be read
 * @sort:    the order of @rows
 * @reverse: @sort is reversed
 * @filter:  the --filter regular expression, or NULL
 * @watch:   one sample of --watch: the sample fields, the changes since
 *           the previous and the first sample and the growth flags are
 *           printed too
 * @sample:  1-based number of the sample (@watch)
 * @time:    the sample's wall-clock time, ISO 8601 UTC (@watch)
 * @interval_s: the --watch interval (@watch)
 * @growth:  the growth detector's options (@watch)
 */
struct ms_view_slab {
	const struct ms_slab_model *model;
	const struct ms_slab_row *const *rows;
	size_t nr_rows;
	const struct ms_slab_meminfo_check *meminfo;
	enum ms_slab_sort_key sort;
	bool reverse;
	const char *filter;
	bool watch;
	unsigned int sample;
	const char *time;
	double interval_s;
	const struct ms_slab_growth_opts *growth;
};

/**
 * ms_view_slab() - slabtop's summary and table, with page-level cache
 * sizes, waste and SLUB's reclaimable flag; with @v->watch, one NDJSON
 * sample with changes and growth flags
 */
void ms_view_slab(struct ms_out *out, const struct ms_snapshot *snap,
		  const struct ms_view_slab *v);

/* The caches ms_view_summary_slab() lists. */
#define MS_SUMMARY_SLAB_TOP 5

/**
 * ms_view_summary_slab() - the summary's block of the largest slab
 * caches
 * @m: the slab caches, rows sorted by bytes from the largest; NULL when
 *     /proc/slabinfo could not be read ("slab": null)
 */
void ms_view_summary_slab(struct ms_out *out, const struct ms_slab_model *m);

#endif
