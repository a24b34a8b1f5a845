/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_VALIDATE_H
#define MS_VALIDATE_H

/*
 * The watermark model (analysis/atomic.h) against the page allocator
 * itself: the headroom the model predicts for a zone against the number
 * of requests of the same class and order that the companion module's
 * probe got from that zone, with the tolerance of the model's known
 * blind spot, the per-CPU page lists.
 *
 * Pass criterion, per zone and order:
 *
 *   |predicted - actual| <= max(5 % of actual, pcp batch x CPUs)
 *
 * Order 0-3 requests are served from per-CPU lists, which the allocator
 * refills from the buddy lists "batch" pages at a time after the
 * watermark check passed (rmqueue_pcplist()): NR_FREE_PAGES, which the
 * check reads, falls in steps, the last refill overshoots the mark, and
 * pages already on the lists are not in it. zoneinfo's "batch" and the
 * number of CPUs with a pageset bound that effect.
 */

#include <stdbool.h>
#include <stdint.h>

#include "proc/zoneinfo.h"

/**
 * ms_validate_tolerance() - max(5 % of @actual, pcp batch x CPUs) of
 * zone @z, in requests (the 5 % rounded down: an integer error is
 * within 5 % of @actual exactly when it is within its floor)
 * @z: the zone, or NULL for a zone the zoneinfo lacks (0 pcp term)
 */
uint64_t ms_validate_tolerance(const struct ms_zone *z, uint64_t actual);

/** ms_validate_error() - @actual - @predicted, saturated to int64_t */
int64_t ms_validate_error(uint64_t predicted, uint64_t actual);

/** ms_validate_within() - |@error| <= @tolerance */
bool ms_validate_within(int64_t error, uint64_t tolerance);

/**
 * ms_validate_request() - how many requests to ask the probe for, so
 * that it shows where allocation really stops: @predicted plus 10 %,
 * plus @pcp_slack (the zones' pcp batch x CPUs), plus 64, at most
 * @max_count and at least 1
 */
uint64_t ms_validate_request(uint64_t predicted, uint64_t pcp_slack,
			     uint64_t max_count);

#endif
