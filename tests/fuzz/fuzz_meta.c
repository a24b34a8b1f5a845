// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The meta file of a capture, and the kernel release it names taken
 * apart as the era detection does.
 */
#include "analysis/era.h"
#include "lib/kver.h"
#include "proc/snapshot.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ms_diag diag = { 0 };
	struct ms_meta meta;
	struct ms_kver kv;
	struct ms_era era;
	int ret;

	memset(&meta, 0, sizeof(meta));
	ret = ms_meta_parse(&meta, (const char *)data, size, "meta", &diag);
	fuzz_check_diag(ret, &diag, 1);
	if (ret)
		return 0;
	if (meta.page_size &&
	    (meta.page_size < 512 || (meta.page_size & (meta.page_size - 1))))
		abort();
	if (memchr(meta.kernel_release, '\0', sizeof(meta.kernel_release)) ==
	    NULL)
		abort();
	if (!ms_kver_parse(&kv, meta.kernel_release,
			   strlen(meta.kernel_release))) {
		ms_era_from_kver(&era, &kv);
		ms_era_detect(&era, &kv, NULL);
	}
	/* the raw input as a release string, as --kernel takes it */
	if (!ms_kver_parse(&kv, (const char *)data, size))
		ms_era_override(&era, &kv);
	return 0;
}
