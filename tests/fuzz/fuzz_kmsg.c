// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Kernel log text: the "page allocation failure" reports found in it,
 * and each report explained with the rules of the kernel it names (or
 * the one guessed from it), every other report with those of 4.4.
 */
#include <errno.h>

#include "analysis/allocfail.h"
#include "analysis/gfp.h"
#include "proc/kmsg.h"
#include "fuzz.h"

static void explain(const struct ms_kmsg_report *r, uint32_t kver)
{
	struct ms_allocfail af;
	int ret;

	ret = ms_allocfail_explain(r, kver, MS_GFP_CFG_DEFAULT, &af);
	if (ret == -EINVAL || ret == -ENOMEM)
		return;
	if (ret)
		abort();
	if (!ms_allocfail_verdict_text(af.verdict))
		abort();
	ms_allocfail_release(&af);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ms_diag diag = { 0 };
	const char *source;
	struct ms_kmsg km;
	char letters[16];
	size_t i, z;
	int ret;

	ret = ms_kmsg_parse(&km, (const char *)data, size, "kmsg", &diag);
	fuzz_check_diag(ret, &diag, 1);
	if (ret)
		return 0;
	for (i = 0; i < km.nr_reports; i++) {
		const struct ms_kmsg_report *r = &km.reports[i];

		if (r->nr_zones && !r->zones)
			abort();
		fuzz_check_name(r->comm);
		fuzz_check_name(r->flags);
		for (z = 0; z < r->nr_zones; z++) {
			if (r->zones[z].nr_orders > MS_MAX_ORDERS)
				abort();
			ms_kmsg_mt_letters(r->zones[z].types[0], letters,
					   sizeof(letters));
			if (ms_kmsg_find_zone(r, r->zones[z].node,
					      r->zones[z].name) == NULL)
				abort();
		}
		/* explain() guesses the release for the even reports */
		if (i & 1)
			ms_allocfail_guess_kver(r, MS_GFP_CFG_DEFAULT, &source);
		/* a fixed old era as well: 4.4 has other bits and names */
		explain(r, (i & 1) ? MS_GFP_KVER(4, 4) : 0);
	}
	ms_kmsg_release(&km);
	return 0;
}
