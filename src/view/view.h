/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_VIEW_H
#define MS_VIEW_H

#include <stdbool.h>

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

#endif
