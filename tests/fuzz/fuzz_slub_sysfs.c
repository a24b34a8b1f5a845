// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One /sys/kernel/slab/<cache>/<attr> file; the first byte of the input
 * selects the attribute.
 */
#include "proc/slub_sysfs.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ms_slub_sysfs ss = { 0 };
	struct ms_diag diag = { 0 };
	enum ms_slub_attr attr;
	int ret;

	if (size < 1)
		return 0;
	attr = (enum ms_slub_attr)(data[0] % MS_SLUB_NR_ATTRS);
	ret = ms_slub_attr_parse(&ss, attr, (const char *)data + 1, size - 1,
				 ms_slub_attr_name(attr), &diag);
	fuzz_check_diag(ret, &diag, 1);
	return 0;
}
