// SPDX-License-Identifier: GPL-2.0-or-later
/* What the probe file of the companion module reads back. */
#include "proc/probe.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ms_diag diag = { 0 };
	struct ms_probe p;
	uint64_t sum = 0;
	size_t i;
	int ret;

	ret = ms_probe_parse(&p, (const char *)data, size, "probe", &diag);
	fuzz_check_diag(ret, &diag, 1);
	if (ret) {
		if (p.zones || p.nr_zones)
			abort();
		return 0;
	}
	if (p.succeeded > p.requested)
		abort();
	for (i = 0; i < p.nr_zones; i++) {
		fuzz_check_name(p.zones[i].zone);
		if (ms_probe_zone_count(&p, p.zones[i].node, p.zones[i].zone) <
		    p.zones[i].count)
			abort();
		sum += p.zones[i].count;
	}
	if (p.cmd == MS_PROBE_ALLOC && sum != p.succeeded)
		abort();
	fuzz_check_name(p.cls);
	ms_probe_release(&p);
	return 0;
}
