// SPDX-License-Identifier: GPL-2.0-or-later
/* /proc/pagetypeinfo, and the era evidence it carries. */
#include "analysis/era.h"
#include "proc/pagetypeinfo.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ms_pagetypeinfo pt;
	struct ms_diag diag = { 0 };
	struct ms_era_features f;
	unsigned int t;
	size_t i;
	int ret;

	ret = ms_pagetypeinfo_parse(&pt, (const char *)data, size,
				    "pagetypeinfo", &diag);
	fuzz_check_diag(ret, &diag, 1);
	if (ret) {
		if (pt.zones || pt.nr_zones)
			abort();
		return 0;
	}
	if (!pt.nr_orders || pt.nr_orders > MS_MAX_ORDERS || !pt.nr_types ||
	    pt.nr_types > MS_MAX_MIGRATE_TYPES ||
	    pt.pages_per_block != (uint64_t)1 << pt.pageblock_order)
		abort();
	for (t = 0; t < pt.nr_types; t++)
		if (ms_pagetypeinfo_type(&pt, pt.types[t]) != (int)t)
			abort();
	for (i = 0; i < pt.nr_zones; i++)
		if (!ms_pagetypeinfo_find(&pt, pt.zones[i].node,
					  pt.zones[i].zone))
			abort();
	ms_era_features_scan(&f, NULL, &pt);
	ms_pagetypeinfo_release(&pt);
	return 0;
}
