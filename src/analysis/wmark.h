/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_WMARK_H
#define MS_WMARK_H

#include "proc/zoneinfo.h"

/**
 * enum ms_zone_state - where free pages stand against the watermarks
 * @MS_ZONE_EMPTY:      no present pages
 * @MS_ZONE_OK:         free > high: kswapd sleeps
 * @MS_ZONE_BELOW_HIGH: low < free <= high: kswapd, once woken, goes on
 *                      reclaiming up to high
 * @MS_ZONE_BELOW_LOW:  min < free <= low: allocations wake kswapd
 * @MS_ZONE_BELOW_MIN:  free <= min: GFP_KERNEL enters direct reclaim,
 *                      only reserve-privileged (atomic) requests succeed
 */
enum ms_zone_state {
	MS_ZONE_EMPTY,
	MS_ZONE_OK,
	MS_ZONE_BELOW_HIGH,
	MS_ZONE_BELOW_LOW,
	MS_ZONE_BELOW_MIN,
};

enum ms_zone_state ms_zone_state(const struct ms_zone *z);

/** ms_zone_state_name() - "ok", "below_high", ... (stable JSON values) */
const char *ms_zone_state_name(enum ms_zone_state s);

#endif
