/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_VIEW_VMALLOC_H
#define MS_VIEW_VMALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/vmalloc.h"
#include "out/out.h"
#include "proc/snapshot.h"

/**
 * enum ms_view_vmalloc_by - the grouping of the table (and of the
 * deltas of --watch)
 */
enum ms_view_vmalloc_by {
	MS_VIEW_VMALLOC_BY_CALLER,
	MS_VIEW_VMALLOC_BY_TYPE,
	MS_VIEW_VMALLOC_BY_MODULE,
};

/** ms_view_vmalloc_by_name() - "caller", "type" or "module" */
const char *ms_view_vmalloc_by_name(enum ms_view_vmalloc_by by);

/**
 * struct ms_view_vmalloc - what memscope vmalloc shows of one sample
 * @vi:          the parsed file (for the address class)
 * @st:          its analysis
 * @by:          the grouping listed in text (JSON has them all)
 * @top:         list at most this many groups, 0 for all
 * @total_bytes: VmallocTotal x 1024, valid when @has_total
 * @used_bytes:  meminfo's VmallocUsed x 1024, valid when @has_used
 * @kptr_restrict: /proc/sys/kernel/kptr_restrict of the source, which
 *               decides the address class; -1 when unknown
 */
struct ms_view_vmalloc {
	const struct ms_vmallocinfo *vi;
	const struct ms_vmalloc_stats *st;
	enum ms_view_vmalloc_by by;
	size_t top;
	uint64_t total_bytes;
	uint64_t used_bytes;
	bool has_total;
	bool has_used;
	int kptr_restrict;
};

/**
 * ms_view_vmalloc() - totals, the table by type, by caller or module,
 * pages per node and the free address space (or why it is unknown)
 *
 * JSON: "totals", "addresses", "kptr_restrict", "by_type" (every type, zeros included),
 * "by_caller" and "by_module" (the first @top of each, largest first),
 * "nr_callers", "nr_modules", "nodes" (null without "N<node>=" data),
 * "address_space" (null when unknown), "address_space_unknown" (why, or
 * null) and "largest_free_gap_bytes" (null when unknown).
 */
void ms_view_vmalloc(struct ms_out *out, const struct ms_snapshot *snap,
		     const struct ms_view_vmalloc *v);

/**
 * ms_vmalloc_frag_reason() - why the free address space of @st is
 * unknown, for people; NULL when it is known
 */
const char *ms_vmalloc_frag_reason(const struct ms_vmallocinfo *vi,
				   const struct ms_vmalloc_stats *st);

/**
 * struct ms_view_vmalloc_totals - the totals of an earlier sample
 */
struct ms_view_vmalloc_totals {
	uint64_t regions;
	uint64_t bytes;
	uint64_t pages;
};

/**
 * struct ms_view_vmalloc_sample - one sample of memscope vmalloc --watch
 * @number:       1 for the first sample
 * @time:         wall-clock time of the sample ("2026-...Z")
 * @interval_ms:  nominal time between samples
 * @elapsed_ms:   time since the first sample (JSON "since_start_s")
 * @since_prev_ms: time since the previous sample, 0 for the first (JSON
 *                "elapsed_s")
 * @by:           the grouping of the deltas
 * @top:          list at most this many changed groups, 0 for all
 * @st:           the sample's analysis
 * @prev, @first: totals of the previous and of the first sample (NULL
 *                for the first sample)
 * @deltas:       groups changed since the previous sample, growth first
 * @since_start:  groups changed since the first sample, growth first
 * @largest_gap:  the largest free gap, valid when @has_gap
 * @clear:        the screen was cleared for this sample (text: no blank
 *                line between samples)
 */
struct ms_view_vmalloc_sample {
	unsigned int number;
	const char *time;
	uint64_t interval_ms;
	uint64_t elapsed_ms;
	uint64_t since_prev_ms;
	enum ms_view_vmalloc_by by;
	size_t top;
	const struct ms_vmalloc_stats *st;
	const struct ms_view_vmalloc_totals *prev;
	const struct ms_view_vmalloc_totals *first;
	const struct ms_vmalloc_delta *deltas;
	size_t nr_deltas;
	const struct ms_vmalloc_delta *since_start;
	size_t nr_since_start;
	uint64_t largest_gap;
	bool has_gap;
	bool clear;
};

/**
 * ms_view_vmalloc_sample() - one --watch sample: a refreshed table in
 * text, one NDJSON object in JSON (the "vmalloc_sample" definition of
 * docs/memscope.schema.json)
 */
void ms_view_vmalloc_sample(struct ms_out *out,
			    const struct ms_view_vmalloc_sample *s);

/**
 * ms_view_summary_vmalloc() - the summary's "vmalloc" member: areas,
 * bytes, pages and the three callers with the most bytes; null when
 * @st is NULL (the file could not be read)
 */
void ms_view_summary_vmalloc(struct ms_out *out,
			     const struct ms_vmalloc_stats *st);

#endif
