// SPDX-License-Identifier: GPL-2.0-or-later
/* /proc/vmstat: every key parsed is found again, none twice. */
#include "proc/kv.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
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
	ms_kv_release(&kv);
	return 0;
}
