// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/vmstat: every key parsed is found again, none twice; then the
 * allocation stall counters and their rates against a zeroed sample.
 */
#include "analysis/stall.h"
#include "proc/kv.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ms_stall_counters prev, cur;
	struct ms_stall_rates rates;
	struct ms_diag diag = { 0 };
	struct ms_kv kv;
	uint64_t v;
	size_t i;
	int ret;

	ret = ms_vmstat_parse(&kv, (const char *)data, size, "vmstat", &diag);
	fuzz_check_diag(ret, &diag, 1);
	if (ret) {
		if (kv.items || kv.nr_items)
			abort();
		return 0;
	}
	for (i = 0; i < kv.nr_items; i++)
		if (!ms_kv_get(&kv, kv.items[i].key, &v) ||
		    v != kv.items[i].value)
			abort();
	ms_stall_read(&cur, &kv);
	memset(&prev, 0, sizeof(prev));
	prev.present = cur.present;
	ms_stall_rates(&rates, &prev, &cur, 1.0);
	/* from zero, every counter present went up or stayed */
	if (rates.valid != cur.present)
		abort();
	ms_stall_rates(&rates, &cur, &prev, 0.5);
	ms_kv_release(&kv);
	return 0;
}
