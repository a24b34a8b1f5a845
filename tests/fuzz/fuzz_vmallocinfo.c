// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/vmallocinfo, then its analysis (groups, nodes, address-space
 * gaps) with and without a known VMALLOC_START, and a delta of the
 * groups against themselves.
 */
#include "analysis/vmalloc.h"
#include "proc/vmallocinfo.h"
#include "fuzz.h"

static void analyze(const struct ms_vmallocinfo *vi,
		    const struct ms_vmalloc_opts *opts)
{
	struct ms_vmalloc_delta *d;
	struct ms_vmalloc_stats st;
	size_t nr;

	if (ms_vmalloc_analyze(&st, vi, opts))
		abort();
	if (st.nr_areas != vi->nr_areas)
		abort();
	if (ms_vmalloc_delta(&d, &nr, st.by_symbol, st.nr_by_symbol,
			     st.by_symbol, st.nr_by_symbol, 1000))
		abort();
	if (nr)
		abort();
	free(d);
	ms_vmalloc_stats_release(&st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ms_vmalloc_opts opts = {
		.page_size_bytes = 4096,
		.total_bytes = 34359738367ull * 1024,
	};
	struct ms_diag diag = { 0 };
	struct ms_vmallocinfo vi;
	size_t i;
	int ret;

	ret = ms_vmallocinfo_parse(&vi, (const char *)data, size, "vmallocinfo",
				   &diag);
	fuzz_check_diag(ret, &diag, 1);
	if (ret)
		return 0;
	for (i = 0; i < vi.nr_areas; i++) {
		const struct ms_vmalloc_area *a = &vi.areas[i];

		if ((a->caller != MS_VMALLOC_NONE &&
		     a->caller >= vi.nr_callers) ||
		    (size_t)a->nodes_first + a->nr_nodes > vi.nr_node_pages ||
		    (size_t)a->extra_first + a->nr_extra > vi.nr_extra)
			abort();
	}
	for (i = 0; i < vi.nr_callers; i++)
		fuzz_check_name(vi.callers[i].text);
	for (i = 0; i < vi.nr_modules; i++)
		fuzz_check_name(vi.modules[i]);
	for (i = 0; i < vi.nr_extra_names; i++)
		fuzz_check_name(vi.extra_names[i]);
	analyze(&vi, &opts);
	opts.start = 0xffffc90000000000ull;
	opts.has_start = true;
	analyze(&vi, &opts);
	opts.page_size_bytes = 65536;
	opts.total_bytes = 0;
	opts.has_start = false;
	analyze(&vi, &opts);
	ms_vmallocinfo_release(&vi);
	return 0;
}
