/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_VIEW_PROM_H
#define MS_VIEW_PROM_H

#include <stddef.h>
#include <stdio.h>

#include "analysis/atomic.h"
#include "proc/snapshot.h"

/**
 * struct ms_prom_input - what the exposition is made of; any member but
 * @snap may be NULL (or 0) when its file is unavailable
 * @atomic: GFP_ATOMIC results for orders 0..@nr_atomic-1
 */
struct ms_prom_input {
	const struct ms_snapshot *snap;
	const struct ms_atomic_result *atomic;
	size_t nr_atomic;
	const char *era;
};

/**
 * ms_view_prom() - write the Prometheus text exposition of @in to @fp:
 * the metric families listed in memscope(1) under PROMETHEUS METRICS
 */
void ms_view_prom(FILE *fp, const struct ms_prom_input *in);

#endif
