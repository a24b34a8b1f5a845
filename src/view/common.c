// SPDX-License-Identifier: GPL-2.0-or-later
#include "view/view.h"
#include "lib/banned.h"

void ms_view_source(struct ms_out *out, const struct ms_snapshot *snap)
{
	const struct ms_meta *m = &snap->meta;

	ms_out_obj_open(out, "source");
	ms_out_str(out, "root", NULL, snap->src->root);
	ms_out_str(out, "kernel_release", NULL,
		   m->kernel_release[0] ? m->kernel_release : NULL);
	ms_out_u64(out, "page_size_bytes", NULL, m->page_size);
	ms_out_str(out, "page_size_source", NULL, m->page_size_source);
	ms_out_str(out, "arch", NULL, m->arch[0] ? m->arch : NULL);
	ms_out_str(out, "hostname", NULL, m->hostname[0] ? m->hostname : NULL);
	ms_out_str(out, "time", NULL, m->time[0] ? m->time : NULL);
	ms_out_obj_close(out);
}

void ms_view_meminfo_bytes(struct ms_out *out, const struct ms_kv *mi,
			   const char *key, const char *json_key,
			   const char *fmt)
{
	uint64_t kb;

	if (mi && ms_kv_get(mi, key, &kb))
		ms_out_bytes(out, json_key, fmt, kb * 1024);
	else
		ms_out_null(out, json_key, fmt);
}

void ms_view_memory_totals(struct ms_out *out, const struct ms_kv *mi)
{
	ms_view_meminfo_bytes(out, mi, "MemTotal", "total_bytes", " total %s");
	ms_view_meminfo_bytes(out, mi, "MemFree", "free_bytes", ", free %s");
	ms_view_meminfo_bytes(out, mi, "MemAvailable", "available_bytes",
			      ", available %s\n");
}

void ms_view_memory_kernel(struct ms_out *out, const struct ms_kv *mi)
{
	ms_out_text(out, "       ");
	ms_view_meminfo_bytes(out, mi, "Slab", "slab_bytes", " slab %s");
	ms_view_meminfo_bytes(out, mi, "SReclaimable", "slab_reclaimable_bytes",
			      " (reclaimable %s)");
	ms_view_meminfo_bytes(out, mi, "VmallocUsed", "vmalloc_used_bytes",
			      ", vmalloc %s");
	ms_view_meminfo_bytes(out, mi, "PageTables", "page_tables_bytes",
			      ", page tables %s\n");
}
