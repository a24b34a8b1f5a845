/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_VIEW_TOP_H
#define MS_VIEW_TOP_H

#include "analysis/era.h"
#include "analysis/overview.h"
#include "analysis/slab.h"
#include "analysis/stall.h"
#include "analysis/vmalloc.h"
#include "out/out.h"
#include "proc/kv.h"
#include "proc/snapshot.h"

/* The slab caches and vmalloc callers "top --once" lists. */
#define MS_VIEW_TOP_CONSUMERS 5

/**
 * struct ms_view_top - what memscope top's overview shows of one sample;
 * any member may be NULL when its file is unavailable
 * @meminfo: /proc/meminfo
 * @ov:      the zones (analysis/overview.h)
 * @era:     the rules the GFP_ATOMIC model applied (with @ov->has_atomic)
 * @stall:   the vmstat counters
 * @rates:   their rates since the previous sample (NULL on the first)
 * @slab:    the slab caches, rows sorted by cache size
 * @vmalloc: vmallocinfo's totals and callers (by_symbol largest first)
 */
struct ms_view_top {
	const struct ms_kv *meminfo;
	const struct ms_overview *ov;
	const struct ms_era *era;
	const struct ms_stall_counters *stall;
	const struct ms_stall_rates *rates;
	const struct ms_slab_model *slab;
	const struct ms_vmalloc_stats *vmalloc;
};

/**
 * ms_view_top() - the overview of memscope top: memory totals, each zone
 * against its watermarks with its fragmentation and GFP_ATOMIC headroom
 * per order (those per-order arrays in JSON only), the worst GFP_ATOMIC
 * verdict per order, the largest slab caches and vmalloc callers, and
 * the reclaim and compaction counters
 */
void ms_view_top(struct ms_out *out, const struct ms_snapshot *snap,
		 const struct ms_view_top *v);

#endif
