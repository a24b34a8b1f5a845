// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope vmalloc: /proc/vmallocinfo by type, caller and module, the
 * pages per NUMA node and the free address space of the vmalloc area;
 * one --watch sample; the summary's vmalloc block.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "out/units.h"
#include "view/vmalloc.h"
#include "lib/banned.h"

/* Callers listed by the summary. */
#define SUMMARY_CALLERS 3

static const char *const by_names[] = {
	[MS_VIEW_VMALLOC_BY_CALLER] = "caller",
	[MS_VIEW_VMALLOC_BY_TYPE] = "type",
	[MS_VIEW_VMALLOC_BY_MODULE] = "module",
};

const char *ms_view_vmalloc_by_name(enum ms_view_vmalloc_by by)
{
	return (unsigned int)by < ARRAY_SIZE(by_names) ? by_names[by] : "?";
}

/* What a group without a name stands for, in text. */
static const char *none_label(enum ms_view_vmalloc_by by)
{
	return by == MS_VIEW_VMALLOC_BY_MODULE ?
		       "(not in a module)" :
		       "(no caller: vm_map_ram, unpurged)";
}

/* @s in lines of at most 78 columns, each indented by two spaces. */
static void wrapped_text(struct ms_out *out, const char *s)
{
	const size_t width = 76;

	while (*s) {
		size_t n = strlen(s), cut = n;

		if (n > width) {
			for (cut = width; cut > 0 && s[cut] != ' '; cut--)
				;
			if (!cut)
				cut = strcspn(s, " ");
		}
		ms_out_text(out, "  %.*s\n", (int)cut, s);
		s += cut;
		while (*s == ' ')
			s++;
	}
}

/* "+12.0 KiB", "-4.00 KiB", "0 B" */
static const char *signed_bytes(char *buf, size_t size, int64_t v)
{
	uint64_t a = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
	char u[24];

	ms_units_bytes(u, sizeof(u), a);
	snprintf(buf, size, "%s%s", v < 0 ? "-" : v > 0 ? "+" : "", u);
	return buf;
}

static void name_text(struct ms_out *out, const char *name, const char *module,
		      enum ms_view_vmalloc_by by)
{
	ms_out_text(out, "  %s", name ? name : none_label(by));
	if (module)
		ms_out_text(out, " [%s]", module);
	ms_out_text(out, "\n");
}

/*
 * One group. The name comes first in JSON and last in text, where it
 * has room to be long ("qp_alloc_queue.constprop.0 [vmw_vmci]").
 */
static void group_row(struct ms_out *out, const struct ms_vmalloc_group *g,
		      enum ms_view_vmalloc_by by, bool text)
{
	ms_out_obj_open(out, NULL);
	ms_out_str(out, "name", NULL, g->name);
	if (by == MS_VIEW_VMALLOC_BY_CALLER)
		ms_out_str(out, "module", NULL, g->module);
	ms_out_u64(out, "count", text ? "%8" PRIu64 : NULL, g->count);
	ms_out_bytes(out, "bytes", text ? " %10s" : NULL, g->size_bytes);
	ms_out_pages(out, "pages", text ? " %10s" : NULL, g->pages);
	ms_out_bytes(out, "largest_bytes", text ? " %10s" : NULL,
		     g->largest_bytes);
	if (text)
		name_text(out, g->name, g->module, by);
	ms_out_obj_close(out);
}

static void group_header(struct ms_out *out, const char *what)
{
	ms_out_text(out, "\n   AREAS       SIZE      PAGES    LARGEST  %s\n",
		    what);
}

static void by_type(struct ms_out *out, const struct ms_vmalloc_stats *st)
{
	size_t i;

	group_header(out, "TYPE");
	ms_out_arr_open(out, "by_type");
	for (i = 0; i < MS_VMALLOC_NR_TYPES; i++)
		group_row(out, &st->by_type[i], MS_VIEW_VMALLOC_BY_TYPE,
			  st->by_type[i].count != 0);
	ms_out_arr_close(out);
}

static void groups(struct ms_out *out, const char *key, const char *what,
		   const struct ms_vmalloc_group *g, size_t n, size_t top,
		   enum ms_view_vmalloc_by by, bool text)
{
	size_t i, shown = top && top < n ? top : n;

	if (text)
		group_header(out, what);
	ms_out_arr_open(out, key);
	for (i = 0; i < shown; i++)
		group_row(out, &g[i], by, text);
	ms_out_arr_close(out);
	if (text && shown < n)
		ms_out_text(out, "  (%zu of %zu; --top 0 lists all)\n", shown,
			    n);
}

static void totals(struct ms_out *out, const struct ms_view_vmalloc *v,
		   uint64_t page_size)
{
	const struct ms_vmalloc_stats *st = v->st;
	char buf[32];

	ms_out_obj_open(out, "totals");
	ms_out_u64(out, "regions", "Areas %" PRIu64, st->nr_areas);
	ms_out_bytes(out, "bytes", ", size %s (guard pages included)",
		     st->size_bytes);
	ms_out_u64(out, "pages", ", pages %" PRIu64, st->pages);
	ms_out_text(out, " (%s)\n",
		    ms_units_bytes(buf, sizeof(buf), st->pages * page_size));
	if (v->has_total) {
		ms_out_bytes(out, "vmalloc_total_bytes", "VmallocTotal %s",
			     v->total_bytes);
		if (v->total_bytes)
			ms_out_double(out, "used_pct",
				      ", the areas' size is %.3g%% of it",
				      100.0 * (double)st->size_bytes /
					      (double)v->total_bytes);
		else
			ms_out_null(out, "used_pct", NULL);
	} else {
		ms_out_null(out, "vmalloc_total_bytes", "VmallocTotal %s");
		ms_out_null(out, "used_pct", NULL);
	}
	if (v->has_used)
		ms_out_bytes(out, "meminfo_vmalloc_used_bytes",
			     "; VmallocUsed %s\n", v->used_bytes);
	else
		ms_out_null(out, "meminfo_vmalloc_used_bytes",
			    "; VmallocUsed %s\n");
	ms_out_obj_close(out);
}

static void nodes(struct ms_out *out, const struct ms_vmalloc_stats *st)
{
	size_t i;

	if (!st->nr_nodes) {
		ms_out_null(out, "nodes", NULL);
		return;
	}
	ms_out_text(out, "\nPages per node:");
	ms_out_arr_open(out, "nodes");
	for (i = 0; i < st->nr_nodes; i++) {
		const struct ms_vmalloc_node_total *n = &st->nodes[i];

		ms_out_text(out, i ? ", " : " ");
		ms_out_obj_open(out, NULL);
		ms_out_u64(out, "node", "N%" PRIu64, n->node);
		ms_out_pages(out, "pages", " %s", n->pages);
		ms_out_u64(out, "regions", " in %" PRIu64 " areas", n->areas);
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
	ms_out_text(out, "\n");
}

/* An address as the kernel prints it: "0x" and 8 or 16 hex digits. */
static void addr(struct ms_out *out, const char *key, const char *fmt,
		 uint64_t a, unsigned int ptr_bits)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "0x%0*" PRIx64, ptr_bits == 32 ? 8 : 16, a);
	ms_out_str(out, key, fmt, buf);
}

static const char *bound_name(enum ms_vmalloc_bound b)
{
	switch (b) {
	case MS_VMALLOC_BOUND_GIVEN:
		return "start_option";
	case MS_VMALLOC_BOUND_PERCPU:
		return "percpu";
	case MS_VMALLOC_BOUND_LOWEST:
	default:
		return "lowest_area";
	}
}

static const char *bound_text(enum ms_vmalloc_bound b)
{
	switch (b) {
	case MS_VMALLOC_BOUND_GIVEN:
		return "start from --start";
	case MS_VMALLOC_BOUND_PERCPU:
		return "start: the end of the highest percpu area less "
		       "VmallocTotal";
	case MS_VMALLOC_BOUND_LOWEST:
	default:
		return "start: the lowest area";
	}
}

const char *ms_vmalloc_frag_reason(const struct ms_vmallocinfo *vi,
				   const struct ms_vmalloc_stats *st)
{
	switch (st->frag.state) {
	case MS_VMALLOC_FRAG_OK:
		return NULL;
	case MS_VMALLOC_FRAG_NO_TOTAL:
		return "the size of the vmalloc area is unknown: it needs "
		       "VmallocTotal from /proc/meminfo";
	case MS_VMALLOC_FRAG_NO_ADDRS:
	default:
		break;
	}
	switch (vi->addrs) {
	case MS_VMALLOC_ADDRS_HASHED:
		return "address-space fragmentation needs the real addresses, "
		       "and these are hashed: with kernel.kptr_restrict=0 the "
		       "kernel prints them hashed (since Linux 4.15, unless "
		       "booted with no_hash_pointers); read the file as root "
		       "with kernel.kptr_restrict=1";
	case MS_VMALLOC_ADDRS_HIDDEN:
		return "address-space fragmentation needs the real addresses, "
		       "and these are hidden (printed as zeros): "
		       "kernel.kptr_restrict=2 hides them from every reader, "
		       "1 from readers without CAP_SYSLOG; read the file as "
		       "root with kernel.kptr_restrict=1";
	case MS_VMALLOC_ADDRS_NONE:
	case MS_VMALLOC_ADDRS_REAL:
	default:
		return "the file lists no area";
	}
}

static void address_space(struct ms_out *out, const struct ms_vmallocinfo *vi,
			  const struct ms_vmalloc_stats *st)
{
	const struct ms_vmalloc_frag *f = &st->frag;
	const char *why = ms_vmalloc_frag_reason(vi, st);
	unsigned int bits = vi->ptr_bits;

	ms_out_text(out, "\nAddress space:");
	if (why) {
		ms_out_text(out, " unknown\n");
		ms_out_null(out, "address_space", NULL);
		ms_out_str(out, "address_space_unknown", NULL, why);
		wrapped_text(out, why);
		ms_out_null(out, "largest_free_gap_bytes", NULL);
		return;
	}
	ms_out_obj_open(out, "address_space");
	addr(out, "window_start", " %s", f->start, bits);
	addr(out, "window_end", "-%s", f->end, bits);
	ms_out_str(out, "window_from", NULL, bound_name(f->bound));
	ms_out_text(out, " (%s)\n", bound_text(f->bound));
	ms_out_u64(out, "areas_inside", "  areas inside %" PRIu64,
		   f->nr_inside);
	ms_out_u64(out, "areas_outside", ", outside %" PRIu64, f->nr_outside);
	ms_out_bytes(out, "used_bytes", "; used %s", f->used_bytes);
	ms_out_bytes(out, "span_bytes", ", span %s", f->span_bytes);
	ms_out_bytes(out, "free_bytes", ", free %s\n", f->free_bytes);
	ms_out_u64(out, "free_gaps", "  free gaps between areas %" PRIu64,
		   f->nr_gaps);
	ms_out_bytes(out, "largest_free_gap_bytes", "; largest free range %s",
		     f->largest_gap_bytes);
	addr(out, "largest_free_gap_start", " at %s\n", f->largest_gap_start,
	     bits);
	ms_out_bytes(out, "largest_alloc_bytes",
		     "  largest vmalloc that would fit %s (the range less "
		     "a guard page)\n",
		     f->largest_alloc_bytes);
	ms_out_obj_close(out);
	ms_out_null(out, "address_space_unknown", NULL);
	ms_out_u64(out, "largest_free_gap_bytes", NULL, f->largest_gap_bytes);
}

void ms_view_vmalloc(struct ms_out *out, const struct ms_snapshot *snap,
		     const struct ms_view_vmalloc *v)
{
	const struct ms_vmalloc_stats *st = v->st;
	bool text_callers = v->by == MS_VIEW_VMALLOC_BY_CALLER;
	bool text_modules = v->by == MS_VIEW_VMALLOC_BY_MODULE;

	totals(out, v, snap->meta.page_size);
	ms_out_str(out, "addresses", "Addresses %s",
		   ms_vmallocinfo_addrs_name(v->vi->addrs));
	if (v->kptr_restrict >= 0)
		ms_out_s64(out, "kptr_restrict",
			   " (kernel.kptr_restrict=%" PRId64 ")",
			   v->kptr_restrict);
	else
		ms_out_null(out, "kptr_restrict", NULL);
	ms_out_text(out, "\n");
	by_type(out, st);
	ms_out_u64(out, "nr_callers", NULL, st->nr_by_symbol);
	groups(out, "by_caller", "CALLER", st->by_symbol, st->nr_by_symbol,
	       v->top, MS_VIEW_VMALLOC_BY_CALLER, text_callers);
	ms_out_u64(out, "nr_modules", NULL, st->nr_by_module);
	groups(out, "by_module", "MODULE", st->by_module, st->nr_by_module,
	       v->top, MS_VIEW_VMALLOC_BY_MODULE, text_modules);
	nodes(out, st);
	address_space(out, v->vi, st);
}

/* ---------- --watch ---------- */

static bool same_str(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

static const struct ms_vmalloc_delta *
find_delta(const struct ms_vmalloc_delta *d, size_t n,
	   const struct ms_vmalloc_delta *like)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (same_str(d[i].name, like->name) &&
		    same_str(d[i].module, like->module))
			return &d[i];
	return NULL;
}

static void delta_obj(struct ms_out *out, const struct ms_vmalloc_delta *d,
		      enum ms_view_vmalloc_by by)
{
	ms_out_obj_open(out, NULL);
	ms_out_str(out, "name", NULL, d->name);
	ms_out_str(out, "module", NULL,
		   by == MS_VIEW_VMALLOC_BY_CALLER ? d->module : NULL);
	ms_out_u64(out, "count", NULL, d->count);
	ms_out_u64(out, "bytes", NULL, d->size_bytes);
	ms_out_u64(out, "pages", NULL, d->pages);
	ms_out_s64(out, "delta_count", NULL, d->count_delta);
	ms_out_s64(out, "delta_bytes", NULL, d->size_bytes_delta);
	ms_out_s64(out, "delta_pages", NULL, d->pages_delta);
	ms_out_double(out, "bytes_per_s", NULL, d->size_bytes_per_sec);
	ms_out_obj_close(out);
}

static void delta_list(struct ms_out *out, const char *key,
		       const struct ms_vmalloc_delta *d, size_t n, size_t top,
		       enum ms_view_vmalloc_by by, bool present)
{
	size_t i;

	if (!present) {
		ms_out_null(out, key, NULL);
		return;
	}
	ms_out_arr_open(out, key);
	for (i = 0; i < n && (!top || i < top); i++)
		delta_obj(out, &d[i], by);
	ms_out_arr_close(out);
}

static int64_t diff(uint64_t now, uint64_t then)
{
	return now >= then ? (int64_t)(now - then) : -(int64_t)(then - now);
}

/* The totals of the sample and their change (JSON). */
static void sample_totals(struct ms_out *out, const char *key,
			  const struct ms_vmalloc_stats *st,
			  const struct ms_view_vmalloc_totals *then)
{
	if (!then) {
		ms_out_null(out, key, NULL);
		return;
	}
	ms_out_obj_open(out, key);
	ms_out_s64(out, "regions", NULL, diff(st->nr_areas, then->regions));
	ms_out_s64(out, "bytes", NULL, diff(st->size_bytes, then->bytes));
	ms_out_s64(out, "pages", NULL, diff(st->pages, then->pages));
	ms_out_obj_close(out);
}

static void sample_text(struct ms_out *out,
			const struct ms_view_vmalloc_sample *s)
{
	const struct ms_vmalloc_stats *st = s->st;
	char a[32], b[32], c[32], last[32];
	size_t i;

	if (!s->clear && s->number > 1)
		ms_out_text(out, "\n");
	ms_out_text(out,
		    "vmalloc by %s: sample %u at %s, every %.3g s "
		    "(Ctrl-C quits)\n",
		    ms_view_vmalloc_by_name(s->by), s->number,
		    s->time ? s->time : "-", (double)s->interval_ms / 1000.0);
	ms_out_text(out, "Areas %" PRIu64 ", size %s", st->nr_areas,
		    ms_units_bytes(a, sizeof(a), st->size_bytes));
	if (s->first)
		ms_out_text(
			out,
			" (%+" PRId64 " areas, %s since the first "
			"sample)",
			diff(st->nr_areas, s->first->regions),
			signed_bytes(b, sizeof(b),
				     diff(st->size_bytes, s->first->bytes)));
	ms_out_text(out, "\n");
	if (s->has_gap)
		ms_out_text(out, "Largest free gap %s\n",
			    ms_units_bytes(a, sizeof(a), s->largest_gap));
	if (!s->first) {
		ms_out_text(out,
			    "\nFirst sample: the changes of every %s "
			    "show from the next one.\n",
			    ms_view_vmalloc_by_name(s->by));
		return;
	}
	if (!s->nr_since_start) {
		ms_out_text(out, "\nNo %s changed since the first sample.\n",
			    ms_view_vmalloc_by_name(s->by));
		return;
	}
	snprintf(last, sizeof(last), "LAST %.2g s",
		 (double)s->since_prev_ms / 1000.0);
	ms_out_text(out,
		    "\nChanges since the first sample, and in the last "
		    "interval:\n%8s %10s %8s %10s %10s  %s\n",
		    "AREAS", "SIZE", "+AREAS", "+SIZE", last,
		    s->by == MS_VIEW_VMALLOC_BY_CALLER ? "CALLER" :
		    s->by == MS_VIEW_VMALLOC_BY_MODULE ? "MODULE" :
							 "TYPE");
	for (i = 0; i < s->nr_since_start && (!s->top || i < s->top); i++) {
		const struct ms_vmalloc_delta *d = &s->since_start[i];
		const struct ms_vmalloc_delta *p =
			find_delta(s->deltas, s->nr_deltas, d);

		ms_out_text(out, "%8" PRIu64 " %10s %+8" PRId64 " %10s %10s",
			    d->count,
			    ms_units_bytes(a, sizeof(a), d->size_bytes),
			    d->count_delta,
			    signed_bytes(b, sizeof(b), d->size_bytes_delta),
			    signed_bytes(c, sizeof(c),
					 p ? p->size_bytes_delta : 0));
		name_text(out, d->name,
			  s->by == MS_VIEW_VMALLOC_BY_CALLER ? d->module : NULL,
			  s->by);
	}
	if (s->top && s->nr_since_start > s->top)
		ms_out_text(out, "  (%zu of %zu changed; --top 0 lists all)\n",
			    s->top, s->nr_since_start);
}

void ms_view_vmalloc_sample(struct ms_out *out,
			    const struct ms_view_vmalloc_sample *s)
{
	const struct ms_vmalloc_stats *st = s->st;

	if (!ms_out_is_json(out)) {
		sample_text(out, s);
		return;
	}
	ms_out_u64(out, "sample", NULL, s->number);
	ms_out_str(out, "time", NULL, s->time);
	ms_out_double(out, "interval_s", NULL, (double)s->interval_ms / 1000.0);
	if (s->prev)
		ms_out_double(out, "elapsed_s", NULL,
			      (double)s->since_prev_ms / 1000.0);
	else
		ms_out_null(out, "elapsed_s", NULL);
	ms_out_double(out, "since_start_s", NULL,
		      (double)s->elapsed_ms / 1000.0);
	ms_out_str(out, "by", NULL, ms_view_vmalloc_by_name(s->by));
	ms_out_obj_open(out, "totals");
	ms_out_u64(out, "regions", NULL, st->nr_areas);
	ms_out_u64(out, "bytes", NULL, st->size_bytes);
	ms_out_u64(out, "pages", NULL, st->pages);
	ms_out_obj_close(out);
	sample_totals(out, "totals_delta", st, s->prev);
	sample_totals(out, "totals_since_start", st, s->first);
	if (s->has_gap)
		ms_out_u64(out, "largest_free_gap_bytes", NULL, s->largest_gap);
	else
		ms_out_null(out, "largest_free_gap_bytes", NULL);
	delta_list(out, "deltas", s->deltas, s->nr_deltas, s->top, s->by,
		   s->prev != NULL);
	delta_list(out, "deltas_since_start", s->since_start, s->nr_since_start,
		   s->top, s->by, s->first != NULL);
}

/* ---------- summary ---------- */

void ms_view_summary_vmalloc(struct ms_out *out,
			     const struct ms_vmalloc_stats *st)
{
	size_t i, n = 0;

	if (!st) {
		ms_out_null(out, "vmalloc", NULL);
		return;
	}
	ms_out_obj_open(out, "vmalloc");
	ms_out_u64(out, "regions", "\nVmalloc: %" PRIu64 " areas",
		   st->nr_areas);
	ms_out_bytes(out, "bytes", ", size %s", st->size_bytes);
	ms_out_pages(out, "pages", ", pages %s", st->pages);
	ms_out_text(out, "; top callers:\n");
	ms_out_arr_open(out, "top_callers");
	/* areas without a caller (unpurged, vm_map_ram) are not a caller */
	for (i = 0; i < st->nr_by_symbol && n < SUMMARY_CALLERS; i++) {
		const struct ms_vmalloc_group *g = &st->by_symbol[i];

		if (!g->name)
			continue;
		ms_out_obj_open(out, NULL);
		ms_out_str(out, "name", NULL, g->name);
		ms_out_str(out, "module", NULL, g->module);
		ms_out_u64(out, "count", NULL, g->count);
		ms_out_bytes(out, "bytes", "  %10s", g->size_bytes);
		ms_out_u64(out, "pages", NULL, g->pages);
		name_text(out, g->name, g->module, MS_VIEW_VMALLOC_BY_CALLER);
		ms_out_obj_close(out);
		n++;
	}
	ms_out_arr_close(out);
	if (!n)
		ms_out_text(out, "  none\n");
	ms_out_obj_close(out);
}
