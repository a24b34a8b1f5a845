// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * GFP flag expressions as --gfp and the kernel log write them. The first
 * line of the input is a kernel release, the rest the expression; the
 * last byte's low bits pick the configuration. A mask that parses must
 * print as names (%pGg) that parse back to the same mask.
 */
#include "analysis/gfp.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *nl;
	struct ms_gfp_explain ex;
	struct ms_diag diag = { 0 };
	uint32_t kver = 0, mask, back;
	unsigned int cfg;
	char text[1024];
	size_t n;
	int ret;

	if (size < 1)
		return 0;
	cfg = data[size - 1] & 7;
	nl = memchr(s, '\n', size);
	if (nl) {
		if (ms_gfp_kver_parse(s, (size_t)(nl - s), &kver))
			kver = 0;
		size -= (size_t)(nl + 1 - s);
		s = nl + 1;
	}
	ret = ms_gfp_mask_parse(s, size, kver, cfg, &mask, &diag);
	fuzz_check_diag(ret, &diag, 0);
	if (ret)
		return 0;
	n = ms_gfp_format(mask, kver, cfg, text, sizeof(text));
	if (n >= sizeof(text))
		abort();
	if (n) {
		memset(&diag, 0, sizeof(diag));
		if (ms_gfp_mask_parse(text, n, kver, cfg, &back, &diag) ||
		    back != mask)
			abort();
	}
	ms_gfp_explain(mask, 3, kver, cfg, &ex);
	return 0;
}
