// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/slabinfo, then the slab model: sizes and totals, every sort key
 * in both directions, a delta against itself and the growth detector.
 */
#include <errno.h>

#include "analysis/slab.h"
#include "proc/slabinfo.h"
#include "fuzz.h"

static void check_sorted(const struct ms_slab_model *m)
{
	size_t i;

	/* every row still appears exactly once */
	uint8_t *seen = calloc(m->nr_rows ? m->nr_rows : 1, 1);

	if (!seen)
		abort();
	for (i = 0; i < m->nr_rows; i++) {
		if (m->rows[i].index >= m->nr_rows || seen[m->rows[i].index])
			abort();
		seen[m->rows[i].index] = 1;
	}
	free(seen);
}

static void model(const struct ms_slabinfo *si, uint64_t page_size)
{
	struct ms_slab_growth_opts gopts = { .window = 2 };
	struct ms_diag diag = { 0 };
	struct ms_slab_growth g;
	struct ms_slab_model m;
	int key, ret;
	size_t i;

	ret = ms_slab_model_build(&m, si, page_size, &diag);
	fuzz_check_diag(ret, &diag, 0);
	if (ret) {
		if (ret != -EOVERFLOW)
			abort();
		return;
	}
	if (m.nr_rows != si->nr_caches || m.totals.caches != si->nr_caches)
		abort();
	for (i = 0; i < m.nr_rows; i++)
		if (m.rows[i].waste_bytes > m.rows[i].bytes)
			abort();
	for (key = 0; key < MS_SLAB_NR_SORT_KEYS; key++) {
		ms_slab_sort(&m, (enum ms_slab_sort_key)key, key & 1);
		check_sorted(&m);
	}
	ret = ms_slab_model_delta(&m, si, 1.0, &diag);
	fuzz_check_diag(ret, &diag, 0);
	if (!ret && (m.totals.delta_bytes || m.totals.new_caches ||
		     m.totals.gone_caches))
		abort();
	if (ms_slab_growth_init(&g, &gopts, &diag))
		abort();
	if (ms_slab_growth_update(&g, &m, &diag) ||
	    ms_slab_growth_update(&g, &m, &diag))
		abort();
	if (m.totals.growing_caches)
		abort();
	ms_slab_growth_release(&g);
	ms_slab_model_release(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ms_diag diag = { 0 };
	struct ms_slabinfo si;
	size_t i;
	int ret;

	ret = ms_slabinfo_parse(&si, (const char *)data, size, "slabinfo",
				&diag);
	fuzz_check_diag(ret, &diag, 1);
	if (ret) {
		if (si.caches || si.nr_caches)
			abort();
		return 0;
	}
	for (i = 0; i < si.nr_caches; i++) {
		fuzz_check_name(si.caches[i].name);
		if (ms_slabinfo_find(&si, si.caches[i].name,
				     si.caches[i].dup_index) != &si.caches[i])
			abort();
	}
	model(&si, 4096);
	model(&si, 65536);
	ms_slabinfo_release(&si);
	return 0;
}
