// SPDX-License-Identifier: GPL-2.0-or-later
#include "analysis/wmark.h"
#include "lib/banned.h"

enum ms_zone_state ms_zone_state(const struct ms_zone *z)
{
	if (!ms_zone_populated(z))
		return MS_ZONE_EMPTY;
	if (z->free_pages <= z->min_pages)
		return MS_ZONE_BELOW_MIN;
	if (z->free_pages <= z->low_pages)
		return MS_ZONE_BELOW_LOW;
	if (z->free_pages <= z->high_pages)
		return MS_ZONE_BELOW_HIGH;
	return MS_ZONE_OK;
}

const char *ms_zone_state_name(enum ms_zone_state s)
{
	switch (s) {
	case MS_ZONE_EMPTY:
		return "empty";
	case MS_ZONE_OK:
		return "ok";
	case MS_ZONE_BELOW_HIGH:
		return "below_high";
	case MS_ZONE_BELOW_LOW:
		return "below_low";
	case MS_ZONE_BELOW_MIN:
		return "below_min";
	}
	return "?";
}
