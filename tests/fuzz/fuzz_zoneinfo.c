// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/zoneinfo (zone indices included), then the watermark state of
 * every zone and the era the fields point to.
 */
#include "analysis/era.h"
#include "analysis/wmark.h"
#include "proc/zoneinfo.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ms_era_features f;
	struct ms_diag diag = { 0 };
	struct ms_zoneinfo zi;
	struct ms_era era;
	size_t i;
	int ret;

	ret = ms_zoneinfo_parse(&zi, (const char *)data, size, "zoneinfo",
				&diag);
	fuzz_check_diag(ret, &diag, 1);
	if (ret) {
		if (zi.zones || zi.nr_zones || zi.nodes || zi.nr_nodes)
			abort();
		return 0;
	}
	if (!zi.nr_zones || !zi.nr_nodes)
		abort();
	for (i = 0; i < zi.nr_zones; i++) {
		const struct ms_zone *z = &zi.zones[i];

		if (z->nr_protection > MS_MAX_ZONES_PER_NODE ||
		    (z->nr_protection && z->index >= z->nr_protection))
			abort();
		/* nodes ascend, zones ascend by index within a node */
		if (i && (z->node < zi.zones[i - 1].node ||
			  (z->node == zi.zones[i - 1].node &&
			   z->index <= zi.zones[i - 1].index)))
			abort();
		if (!ms_zone_state_name(ms_zone_state(z)))
			abort();
	}
	ms_era_features_scan(&f, &zi, NULL);
	ms_era_detect(&era, NULL, &f);
	ms_zoneinfo_release(&zi);
	return 0;
}
