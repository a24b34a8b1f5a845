// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The listings of the companion module. The first byte picks scullpmem
 * (even) or scullvmem (odd); the listing may be followed by a "%%" line
 * and a zoneinfo (scullp: every quantum placed in a zone) or a
 * vmallocinfo (scullv: every quantum matched with its area).
 */
#include "analysis/scull.h"
#include "proc/scull.h"
#include "proc/vmallocinfo.h"
#include "proc/zoneinfo.h"
#include "fuzz.h"

static void check(const struct ms_scull *sc)
{
	uint64_t total = 0;
	size_t i;

	for (i = 0; i < sc->nr_devs; i++) {
		if (sc->devs[i].first != total ||
		    sc->devs[i].nr_quanta > sc->nr_quanta - sc->devs[i].first)
			abort();
		fuzz_check_name(sc->devs[i].name);
		total += sc->devs[i].nr_quanta;
	}
	if (total != sc->nr_quanta)
		abort();
}

static void place(const struct ms_scull *sc, const char *buf, size_t len)
{
	struct ms_diag diag = { 0 };
	struct ms_scullp_map m;
	struct ms_zoneinfo zi;

	if (ms_zoneinfo_parse(&zi, buf, len, "zoneinfo", &diag))
		return;
	if (ms_scullp_map(&m, sc, &zi))
		abort();
	ms_scullp_map_release(&m);
	ms_zoneinfo_release(&zi);
}

static void match(const struct ms_scull *sc, const char *buf, size_t len)
{
	struct ms_diag diag = { 0 };
	struct ms_scullv_map m;
	struct ms_vmallocinfo vi;
	struct ms_vmareas va;

	if (!ms_vaddrs_name(ms_scullv_addrs(sc)))
		abort();
	if (ms_scullv_map(&m, sc, NULL))
		abort();
	ms_scullv_map_release(&m);
	if (ms_vmallocinfo_parse(&vi, buf, len, "vmallocinfo", &diag))
		return;
	if (ms_vmareas_build(&va, &vi))
		abort();
	if (ms_scullv_map(&m, sc, &va))
		abort();
	ms_scullv_map_release(&m);
	ms_vmareas_release(&va);
	ms_vmallocinfo_release(&vi);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data + 1, *rest;
	struct ms_diag diag = { 0 };
	size_t n, rest_len;
	struct ms_scull sc;
	int ret;

	if (size < 1)
		return 0;
	n = fuzz_split(buf, size - 1, &rest, &rest_len);
	ret = data[0] & 1 ?
		      ms_scullvmem_parse(&sc, buf, n, "scullvmem", &diag) :
		      ms_scullpmem_parse(&sc, buf, n, "scullpmem", &diag);
	fuzz_check_diag(ret, &diag, 1);
	if (ret) {
		if (sc.devs || sc.quanta || sc.nr_devs || sc.nr_quanta)
			abort();
		return 0;
	}
	check(&sc);
	if (data[0] & 1)
		match(&sc, rest, rest_len);
	else
		place(&sc, rest, rest_len);
	ms_scull_release(&sc);
	return 0;
}
