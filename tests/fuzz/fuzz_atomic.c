// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The GFP request model on fuzzed files. The input is a selector byte,
 * then zoneinfo, and optionally "%%" lines followed by buddyinfo and
 * pagetypeinfo. The selector picks the request class, the highest zone
 * and the kernel era. Every order is evaluated, and the documented
 * relations between the answers are checked.
 */
#include <errno.h>

#include "analysis/atomic.h"
#include "analysis/era.h"
#include "analysis/overview.h"
#include "lib/kver.h"
#include "proc/buddyinfo.h"
#include "proc/pagetypeinfo.h"
#include "proc/zoneinfo.h"
#include "fuzz.h"

static const unsigned int eras[][2] = {
	{ 0, 0 }, { 2, 6 }, { 4, 3 }, { 4, 19 }, { 5, 10 },
	{ 6, 1 }, { 6, 6 }, { 6, 9 }, { 6, 12 }, { 6, 19 },
};

static void check_result(const struct ms_atomic_result *r)
{
	uint64_t sum = 0;
	size_t i;

	if (r->passes != (r->first >= 0) ||
	    r->passes_fast != (r->first_fast >= 0) ||
	    (r->first >= 0 && (size_t)r->first >= r->nr_zones) ||
	    (r->first_fast >= 0 && (size_t)r->first_fast >= r->nr_zones))
		abort();
	if (r->first >= 0 && !r->zones[r->first].passes)
		abort();
	for (i = 0; i < r->nr_zones; i++) {
		const struct ms_atomic_zone *z = &r->zones[i];

		if (!z->zone || (z->passes && !z->headroom && z->blocks))
			abort();
		sum = sum + z->headroom < sum ? UINT64_MAX : sum + z->headroom;
	}
	if (sum != r->headroom)
		abort();
	if ((r->risk == MS_RISK_FAIL) != (r->headroom == 0))
		abort();
	if (!ms_risk_name(r->risk))
		abort();
}

/* The overview memscope top shows: every zone and order at once. */
static void overview(const struct ms_zoneinfo *zi,
		     const struct ms_buddyinfo *bi,
		     const struct ms_pagetypeinfo *pt, const struct ms_era *era)
{
	struct ms_overview ov;
	size_t i;
	int ret;

	ret = ms_overview_build(&ov, zi, bi, pt, era);
	if (ret == -ERANGE)
		return;
	if (ret)
		abort();
	for (i = 0; i < ov.nr_zones; i++)
		if (!ms_overview_find(&ov, ov.zones[i].node, ov.zones[i].name))
			abort();
	ms_overview_release(&ov);
}

static void model(const struct ms_zoneinfo *zi, const struct ms_buddyinfo *bi,
		  const struct ms_pagetypeinfo *pt, unsigned int sel)
{
	struct ms_atomic_request req = { 0 };
	struct ms_atomic_input in;
	struct ms_era_features f;
	unsigned int k, nr_orders;
	struct ms_era era;
	struct ms_kver kv;

	k = (sel / 9) % ARRAY_SIZE(eras);
	if (eras[k][0]) {
		ms_kver_set(&kv, eras[k][0], eras[k][1], 0);
		ms_era_override(&era, &kv);
	} else {
		ms_era_features_scan(&f, zi, pt);
		ms_era_detect(&era, NULL, &f);
	}
	in.zi = zi;
	in.bi = bi;
	in.pt = pt;
	in.era = &era;
	req.cls = (enum ms_gfp_class)(sel % 3);
	req.zone = (enum ms_gfp_zone)((sel / 3) % 3);
	req.node = sel & 0x80 ? (int)zi->zones[zi->nr_zones - 1].node : -1;
	nr_orders = bi ? bi->nr_orders : pt ? pt->nr_orders : 11;
	for (req.order = 0; req.order <= nr_orders; req.order++) {
		struct ms_atomic_result res;
		int ret = ms_atomic_eval(&in, &req, &res);

		if (ret == -ENOENT || ret == -ERANGE)
			continue;
		if (ret)
			abort();
		check_result(&res);
		ms_atomic_result_release(&res);
	}
	overview(zi, bi, pt, &era);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ms_pagetypeinfo pt, *ptp = NULL;
	struct ms_buddyinfo bi, *bip = NULL;
	const char *rest, *buf = (const char *)data + 1;
	struct ms_diag diag = { 0 };
	size_t n, rest_len, len = size - 1;
	struct ms_zoneinfo zi;

	if (size < 1)
		return 0;
	n = fuzz_split(buf, len, &rest, &rest_len);
	if (ms_zoneinfo_parse(&zi, buf, n, "zoneinfo", &diag))
		return 0;
	buf = rest;
	len = rest_len;
	if (rest != (const char *)data + size) {
		n = fuzz_split(buf, len, &rest, &rest_len);
		if (n && !ms_buddyinfo_parse(&bi, buf, n, "buddyinfo", &diag))
			bip = &bi;
		if (rest != (const char *)data + size &&
		    !ms_pagetypeinfo_parse(&pt, rest, rest_len, "pagetypeinfo",
					   &diag))
			ptp = &pt;
	}
	model(&zi, bip, ptp, data[0]);
	if (ptp)
		ms_pagetypeinfo_release(ptp);
	if (bip)
		ms_buddyinfo_release(bip);
	ms_zoneinfo_release(&zi);
	return 0;
}
