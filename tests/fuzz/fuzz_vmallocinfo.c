// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/vmallocinfo, then its analysis (groups, nodes, address-space
 * gaps) with and without a known VMALLOC_START, and a delta of the
 * groups against themselves.
 *
 * memscope parses the file as it reads it, in pieces: the input is fed
 * in pieces of 1 to 128 bytes (1 + the low 7 bits of its first byte),
 * which must give exactly what the parse of the whole text gives,
 * errors included.
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

static int parse_in_pieces(struct ms_vmallocinfo *vi, const char *text,
			   size_t len, struct ms_diag *diag)
{
	struct ms_vmallocinfo_parser *vp;
	size_t piece = len ? 1 + ((unsigned char)text[0] & 0x7f) : 1;
	size_t pos;
	int err;

	err = ms_vmallocinfo_begin(&vp, vi, "vmallocinfo", diag);
	if (err)
		return err;
	for (pos = 0; pos < len; pos += piece)
		ms_vmallocinfo_feed(vp, text + pos,
				    len - pos < piece ? len - pos : piece);
	return ms_vmallocinfo_end(vp);
}

/* the parse of the whole text against the parse in pieces */
static void check_same(int ret, const struct ms_diag *d,
		       const struct ms_vmallocinfo *vi, int wret,
		       const struct ms_diag *wd, const struct ms_vmallocinfo *w)
{
	size_t i;

	if (ret != wret)
		abort();
	if (ret) {
		if (d->line != wd->line || strcmp(d->msg, wd->msg) ||
		    strcmp(d->file, wd->file))
			abort();
		return;
	}
	if (vi->nr_areas != w->nr_areas || vi->nr_callers != w->nr_callers ||
	    vi->nr_node_pages != w->nr_node_pages ||
	    vi->nr_extra != w->nr_extra || vi->nr_phys != w->nr_phys ||
	    vi->addrs != w->addrs || vi->ptr_bits != w->ptr_bits)
		abort();
	for (i = 0; i < vi->nr_areas; i++) {
		const struct ms_vmalloc_area *a = &vi->areas[i],
					     *b = &w->areas[i];

		if (a->start != b->start || a->end != b->end ||
		    a->size_bytes != b->size_bytes || a->pages != b->pages ||
		    a->caller != b->caller || a->flags != b->flags ||
		    a->line != b->line || a->nr_nodes != b->nr_nodes ||
		    a->nr_extra != b->nr_extra || a->has_phys != b->has_phys)
			abort();
	}
	for (i = 0; i < vi->nr_callers; i++)
		if (strcmp(vi->callers[i].text, w->callers[i].text))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ms_vmalloc_opts opts = {
		.page_size_bytes = 4096,
		.total_bytes = 34359738367ull * 1024,
	};
	struct ms_diag diag = { 0 }, wdiag = { 0 };
	struct ms_vmallocinfo vi, whole;
	size_t i;
	int ret, wret;

	wret = ms_vmallocinfo_parse(&whole, (const char *)data, size,
				    "vmallocinfo", &wdiag);
	fuzz_check_diag(wret, &wdiag, 1);
	ret = parse_in_pieces(&vi, (const char *)data, size, &diag);
	fuzz_check_diag(ret, &diag, 1);
	check_same(ret, &diag, &vi, wret, &wdiag, &whole);
	if (!wret)
		ms_vmallocinfo_release(&whole);
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
