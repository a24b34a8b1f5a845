/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_VIEW_VALIDATE_H
#define MS_VIEW_VALIDATE_H

#include <stdbool.h>
#include <stdint.h>

#include "analysis/era.h"
#include "out/out.h"
#include "proc/buddyinfo.h"

/**
 * struct ms_validate_row - one zone (or a node's total) at one order
 * @node, @zone:  where; @zone is "" for a node's total
 * @order:        request order
 * @requested:    requests the probe made (totals only)
 * @predicted:    the model's headroom
 * @actual:       requests the probe got from there
 * @error:        actual - predicted
 * @tolerance:    what the error may be (analysis/validate.h)
 * @within:       |error| <= tolerance
 * @skipped:      not judged: the probe made as many requests as it may
 *                (its max_count) and all succeeded, so where allocation
 *                stops is unknown
 * @in_model:     the zone is in the model's zonelist (false: the probe
 *                got pages from a zone the model did not expect)
 */
struct ms_validate_row {
	int node;
	char zone[MS_ZONE_NAME_MAX];
	unsigned int order;
	uint64_t requested;
	uint64_t predicted;
	uint64_t actual;
	int64_t error;
	uint64_t tolerance;
	bool within;
	bool skipped;
	bool in_model;
};

/**
 * ms_view_validate_begin() - the run's header: class, orders, era and
 * the probe's path
 */
void ms_view_validate_begin(struct ms_out *out, const char *gfp,
			    unsigned int first, unsigned int last,
			    const struct ms_era *era, const char *probe);

/**
 * ms_view_validate_progress() - text only, as the probe runs: the rows
 * of one probe run, "validate: node=N zone=Z order=O predicted=P
 * actual=A error=E tolerance=T ok|MISS" per zone, then the node's
 * "total: ..." line
 * @rows:  the zones, @nr of them
 * @total: the node's total
 */
void ms_view_validate_progress(struct ms_out *out,
			       const struct ms_validate_row *rows, size_t nr,
			       const struct ms_validate_row *total);

/**
 * ms_view_validate_end() - JSON: every row ("results") and total
 * ("totals"); both: how many zone/order pairs were checked, skipped
 * and missed
 */
void ms_view_validate_end(struct ms_out *out,
			  const struct ms_validate_row *rows, size_t nr_rows,
			  const struct ms_validate_row *totals,
			  size_t nr_totals, uint64_t skipped, uint64_t missed);

#endif
