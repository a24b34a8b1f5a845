// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What /proc/vmallocinfo says once summed up: totals by type, caller
 * symbol and module, pages per NUMA node, the free address space
 * (VmallocChunk, which /proc/meminfo stopped computing in 4.4 and has
 * printed as 0 since), and per-group deltas between two samples.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/vmalloc.h"
#include "lib/banned.h"

static const char *const type_names[MS_VMALLOC_NR_TYPES] = {
	[MS_VMALLOC_T_VMALLOC] = "vmalloc",
	[MS_VMALLOC_T_VMAP] = "vmap",
	[MS_VMALLOC_T_IOREMAP] = "ioremap",
	[MS_VMALLOC_T_VM_MAP_RAM] = "vm_map_ram",
	[MS_VMALLOC_T_UNPURGED] = "unpurged",
	[MS_VMALLOC_T_USER] = "user",
	[MS_VMALLOC_T_DMA_COHERENT] = "dma-coherent",
	[MS_VMALLOC_T_OTHER] = "other",
};

const char *ms_vmalloc_type_name(enum ms_vmalloc_type type)
{
	if ((unsigned int)type >= MS_VMALLOC_NR_TYPES)
		return "unknown";
	return type_names[type];
}

enum ms_vmalloc_type ms_vmalloc_area_type(const struct ms_vmalloc_area *a)
{
	if (a->flags & MS_VMALLOC_UNPURGED)
		return MS_VMALLOC_T_UNPURGED;
	if (a->flags & MS_VMALLOC_VM_MAP_RAM)
		return MS_VMALLOC_T_VM_MAP_RAM;
	if (a->flags & MS_VMALLOC_IOREMAP)
		return MS_VMALLOC_T_IOREMAP;
	if (a->flags & MS_VMALLOC_DMA_COHERENT)
		return MS_VMALLOC_T_DMA_COHERENT;
	if (a->flags & MS_VMALLOC_USER)
		return MS_VMALLOC_T_USER;
	if (a->flags & MS_VMALLOC_VMALLOC)
		return MS_VMALLOC_T_VMALLOC;
	if (a->flags & MS_VMALLOC_VMAP)
		return MS_VMALLOC_T_VMAP;
	return MS_VMALLOC_T_OTHER;
}

/* ---------- sorting ---------- */

/* NULL sorts after every name */
static int cmp_str(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (!a)
		return 1;
	if (!b)
		return -1;
	return strcmp(a, b);
}

static int cmp_key(const char *an, const char *am, const char *bn,
		   const char *bm)
{
	int c = cmp_str(an, bn);

	return c ? c : cmp_str(am, bm);
}

static int cmp_u64_desc(uint64_t a, uint64_t b)
{
	return a < b ? 1 : a > b ? -1 : 0;
}

#define DEFINE_GROUP_CMP(fn, field)                                         \
	static int fn(const void *pa, const void *pb)                       \
	{                                                                   \
		const struct ms_vmalloc_group *a = pa, *b = pb;             \
		int c = cmp_u64_desc(a->field, b->field);                   \
                                                                            \
		return c ? c :                                              \
			   cmp_key(a->name, a->module, b->name, b->module); \
	}

DEFINE_GROUP_CMP(cmp_bytes, size_bytes)
DEFINE_GROUP_CMP(cmp_count, count)
DEFINE_GROUP_CMP(cmp_pages, pages)
DEFINE_GROUP_CMP(cmp_largest, largest_bytes)

static int cmp_name(const void *pa, const void *pb)
{
	const struct ms_vmalloc_group *a = pa, *b = pb;

	return cmp_key(a->name, a->module, b->name, b->module);
}

void ms_vmalloc_groups_sort(struct ms_vmalloc_group *groups, size_t n,
			    enum ms_vmalloc_sort key)
{
	int (*cmp)(const void *, const void *);

	switch (key) {
	case MS_VMALLOC_SORT_COUNT:
		cmp = cmp_count;
		break;
	case MS_VMALLOC_SORT_PAGES:
		cmp = cmp_pages;
		break;
	case MS_VMALLOC_SORT_LARGEST:
		cmp = cmp_largest;
		break;
	case MS_VMALLOC_SORT_NAME:
		cmp = cmp_name;
		break;
	case MS_VMALLOC_SORT_BYTES:
	default:
		cmp = cmp_bytes;
		break;
	}
	if (n > 1)
		qsort(groups, n, sizeof(*groups), cmp);
}

/* ---------- aggregation ---------- */

static void group_add(struct ms_vmalloc_group *g,
		      const struct ms_vmalloc_area *a)
{
	g->count++;
	g->size_bytes += a->size_bytes;
	g->pages += a->pages;
	if (a->size_bytes > g->largest_bytes)
		g->largest_bytes = a->size_bytes;
}

static void group_merge(struct ms_vmalloc_group *g,
			const struct ms_vmalloc_group *from)
{
	g->count += from->count;
	g->size_bytes += from->size_bytes;
	g->pages += from->pages;
	if (from->largest_bytes > g->largest_bytes)
		g->largest_bytes = from->largest_bytes;
}

/* for sorting callers by (symbol, module) */
struct caller_ref {
	uint32_t symbol;
	uint32_t module;
	uint32_t id;
};

static int cmp_caller_ref(const void *pa, const void *pb)
{
	const struct caller_ref *a = pa, *b = pb;

	if (a->symbol != b->symbol)
		return a->symbol < b->symbol ? -1 : 1;
	if (a->module != b->module)
		return a->module < b->module ? -1 : 1;
	return 0;
}

/*
 * Per caller first (a dense array indexed by caller id, the last slot
 * for "no caller"), then folded into (symbol, module) groups: a symbol
 * has several call sites ("+0x93" and "+0x1a0").
 */
static int group_by_symbol(struct ms_vmalloc_stats *st,
			   const struct ms_vmallocinfo *vi)
{
	size_t nc = vi->nr_callers, i, n = 0;
	struct ms_vmalloc_group *per_caller, *out;
	struct caller_ref *refs;
	int err = -ENOMEM;

	per_caller = calloc(nc + 1, sizeof(*per_caller));
	if (!per_caller)
		return -ENOMEM;
	refs = malloc((nc ? nc : 1) * sizeof(*refs));
	if (!refs)
		goto out_free_per_caller;
	out = calloc(nc + 1, sizeof(*out));
	if (!out)
		goto out_free_refs;

	for (i = 0; i < vi->nr_areas; i++) {
		const struct ms_vmalloc_area *a = &vi->areas[i];

		group_add(&per_caller[a->caller == MS_VMALLOC_NONE ? nc :
								     a->caller],
			  a);
	}
	for (i = 0; i < nc; i++) {
		refs[i].symbol = vi->callers[i].symbol;
		refs[i].module = vi->callers[i].module;
		refs[i].id = (uint32_t)i;
	}
	if (nc > 1)
		qsort(refs, nc, sizeof(*refs), cmp_caller_ref);
	for (i = 0; i < nc; i++) {
		const struct caller_ref *r = &refs[i];
		struct ms_vmalloc_group *g;

		if (n && refs[i - 1].symbol == r->symbol &&
		    refs[i - 1].module == r->module) {
			g = &out[n - 1];
		} else {
			g = &out[n++];
			g->name = vi->symbols[r->symbol];
			g->module = r->module == MS_VMALLOC_NONE ?
					    NULL :
					    vi->modules[r->module];
		}
		group_merge(g, &per_caller[r->id]);
	}
	if (per_caller[nc].count)
		out[n++] = per_caller[nc]; /* name NULL: no caller */

	ms_vmalloc_groups_sort(out, n, MS_VMALLOC_SORT_BYTES);
	st->by_symbol = out;
	st->nr_by_symbol = n;
	err = 0;
out_free_refs:
	free(refs);
out_free_per_caller:
	free(per_caller);
	return err;
}

static int group_by_module(struct ms_vmalloc_stats *st,
			   const struct ms_vmallocinfo *vi)
{
	size_t nm = vi->nr_modules, i, n = 0;
	struct ms_vmalloc_group *per_module;

	per_module = calloc(nm + 1, sizeof(*per_module));
	if (!per_module)
		return -ENOMEM;
	for (i = 0; i < vi->nr_areas; i++) {
		const struct ms_vmalloc_area *a = &vi->areas[i];
		const struct ms_vmalloc_caller *c =
			ms_vmalloc_area_caller(vi, a);
		uint32_t m = c ? c->module : MS_VMALLOC_NONE;

		group_add(&per_module[m == MS_VMALLOC_NONE ? nm : m], a);
	}
	/* compact: every module has areas, "not in a module" may not */
	for (i = 0; i <= nm; i++) {
		if (!per_module[i].count)
			continue;
		per_module[n] = per_module[i];
		per_module[n].name = i < nm ? vi->modules[i] : NULL;
		per_module[n].module = NULL;
		n++;
	}
	ms_vmalloc_groups_sort(per_module, n, MS_VMALLOC_SORT_BYTES);
	st->by_module = per_module;
	st->nr_by_module = n;
	return 0;
}

static int count_nodes(struct ms_vmalloc_stats *st,
		       const struct ms_vmallocinfo *vi)
{
	struct ms_vmalloc_node_total *per_node, *out;
	size_t i, n = 0;

	if (!vi->nr_node_pages)
		return 0;
	per_node = calloc(MS_VMALLOC_MAX_NODES, sizeof(*per_node));
	if (!per_node)
		return -ENOMEM;
	for (i = 0; i < vi->nr_node_pages; i++) {
		const struct ms_vmalloc_node_pages *np = &vi->node_pages[i];

		/* the parser refuses nodes >= MS_VMALLOC_MAX_NODES */
		per_node[np->node].pages += np->pages;
		per_node[np->node].areas++;
		st->numa_pages += np->pages;
	}
	for (i = 0; i < MS_VMALLOC_MAX_NODES; i++) {
		if (!per_node[i].areas)
			continue;
		per_node[n] = per_node[i];
		per_node[n].node = (uint32_t)i;
		n++;
	}
	out = realloc(per_node, n * sizeof(*out));
	st->nodes = out ? out : per_node;
	st->nr_nodes = n;
	return 0;
}

/* ---------- fragmentation ---------- */

struct range {
	uint64_t start;
	uint64_t end;
};

static int cmp_range(const void *pa, const void *pb)
{
	const struct range *a = pa, *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return 0;
}

/* the window start by the rules documented at ms_vmalloc_analyze() */
static void choose_start(struct ms_vmalloc_frag *f,
			 const struct ms_vmallocinfo *vi,
			 const struct ms_vmalloc_opts *opts,
			 const struct range *busy, size_t nr_busy)
{
	uint32_t pcpu = MS_VMALLOC_NONE;
	uint64_t pcpu_end = 0;
	bool found = false;
	size_t i;

	if (opts->has_start) {
		f->bound = MS_VMALLOC_BOUND_GIVEN;
		f->start = opts->start;
		return;
	}
	for (i = 0; i < vi->nr_symbols; i++) {
		if (!strcmp(vi->symbols[i], "pcpu_get_vm_areas")) {
			pcpu = (uint32_t)i;
			break;
		}
	}
	if (pcpu != MS_VMALLOC_NONE) {
		for (i = 0; i < vi->nr_areas; i++) {
			const struct ms_vmalloc_area *a = &vi->areas[i];
			const struct ms_vmalloc_caller *c =
				ms_vmalloc_area_caller(vi, a);

			if (!c || c->symbol != pcpu ||
			    c->module != MS_VMALLOC_NONE ||
			    (a->flags & MS_VMALLOC_UNPURGED))
				continue;
			if (!found || a->end > pcpu_end)
				pcpu_end = a->end;
			found = true;
		}
	}
	if (found && pcpu_end >= opts->total_bytes) {
		f->bound = MS_VMALLOC_BOUND_PERCPU;
		f->start = pcpu_end - opts->total_bytes;
		return;
	}
	f->bound = MS_VMALLOC_BOUND_LOWEST;
	if (nr_busy) {
		f->start = busy[0].start;
		return;
	}
	/* only unpurged areas: the lowest of those */
	f->start = UINT64_MAX;
	for (i = 0; i < vi->nr_areas; i++)
		if (vi->areas[i].start < f->start)
			f->start = vi->areas[i].start;
}

/*
 * The walk of get_vmalloc_info() (fs/proc/mmu.c up to 3.x, mm/vmalloc.c
 * until 4.3) over the address-sorted areas: skip those below
 * VMALLOC_START, stop at VMALLOC_END, track the largest distance from
 * the previous end (initially VMALLOC_START) to the next start, then
 * from the last end to VMALLOC_END.
 */
static int fragmentation(struct ms_vmalloc_frag *f,
			 const struct ms_vmallocinfo *vi,
			 const struct ms_vmalloc_opts *opts)
{
	struct range *busy;
	size_t nr_busy = 0, i;
	uint64_t prev_end, covered = 0, lowest = 0, highest = 0;
	bool any = false;

	memset(f, 0, sizeof(*f));
	if (vi->addrs != MS_VMALLOC_ADDRS_REAL) {
		f->state = MS_VMALLOC_FRAG_NO_ADDRS;
		return 0;
	}
	if (!opts->total_bytes) {
		f->state = MS_VMALLOC_FRAG_NO_TOTAL;
		return 0;
	}
	busy = malloc(vi->nr_areas * sizeof(*busy));
	if (!busy)
		return -ENOMEM;
	for (i = 0; i < vi->nr_areas; i++) {
		const struct ms_vmalloc_area *a = &vi->areas[i];

		if (a->flags & MS_VMALLOC_UNPURGED)
			continue;
		busy[nr_busy].start = a->start;
		busy[nr_busy].end = a->end;
		nr_busy++;
	}
	/*
	 * The kernel prints its busy list in address order (6.9+: each
	 * vmap node's), so the sort is mostly a check that finds nothing
	 * to do: done first, in one pass.
	 */
	for (i = 1; i < nr_busy; i++)
		if (cmp_range(&busy[i - 1], &busy[i]) > 0)
			break;
	if (i < nr_busy)
		qsort(busy, nr_busy, sizeof(*busy), cmp_range);

	f->state = MS_VMALLOC_FRAG_OK;
	choose_start(f, vi, opts, busy, nr_busy);
	if (f->start > UINT64_MAX - opts->total_bytes)
		f->end = UINT64_MAX;
	else
		f->end = f->start + opts->total_bytes;

	prev_end = f->start;
	for (i = 0; i < nr_busy; i++) {
		const struct range *r = &busy[i];
		uint64_t end = r->end < f->end ? r->end : f->end;

		if (r->start < f->start || r->start >= f->end) {
			f->nr_outside++;
			continue;
		}
		f->nr_inside++;
		f->used_bytes += r->end - r->start;
		if (!any)
			lowest = r->start;
		if (r->end > highest)
			highest = r->end;
		if (r->start > prev_end) {
			uint64_t gap = r->start - prev_end;

			if (any)
				f->nr_gaps++;
			if (gap > f->largest_gap_bytes) {
				f->largest_gap_bytes = gap;
				f->largest_gap_start = prev_end;
			}
		}
		any = true;
		/* areas never overlap; damaged input may, count once */
		if (end > prev_end) {
			covered += end -
				   (r->start > prev_end ? r->start : prev_end);
			prev_end = end;
		}
	}
	if (f->end - prev_end > f->largest_gap_bytes) {
		f->largest_gap_bytes = f->end - prev_end;
		f->largest_gap_start = prev_end;
	}
	f->span_bytes = any ? highest - lowest : 0;
	f->free_bytes = (f->end - f->start) - covered;
	f->largest_alloc_bytes =
		f->largest_gap_bytes > opts->page_size_bytes ?
			f->largest_gap_bytes - opts->page_size_bytes :
			0;
	free(busy);
	return 0;
}

/* ---------- the whole analysis ---------- */

int ms_vmalloc_analyze(struct ms_vmalloc_stats *st,
		       const struct ms_vmallocinfo *vi,
		       const struct ms_vmalloc_opts *opts)
{
	size_t i;
	int err;

	memset(st, 0, sizeof(*st));
	if (!opts->page_size_bytes)
		return -EINVAL;
	for (i = 0; i < MS_VMALLOC_NR_TYPES; i++)
		st->by_type[i].name = type_names[i];
	for (i = 0; i < vi->nr_areas; i++) {
		const struct ms_vmalloc_area *a = &vi->areas[i];

		st->nr_areas++;
		st->size_bytes += a->size_bytes;
		st->pages += a->pages;
		group_add(&st->by_type[ms_vmalloc_area_type(a)], a);
	}
	err = group_by_symbol(st, vi);
	if (err)
		goto out_release;
	err = group_by_module(st, vi);
	if (err)
		goto out_release;
	err = count_nodes(st, vi);
	if (err)
		goto out_release;
	err = fragmentation(&st->frag, vi, opts);
	if (err)
		goto out_release;
	return 0;

out_release:
	ms_vmalloc_stats_release(st);
	return err;
}

void ms_vmalloc_stats_release(struct ms_vmalloc_stats *st)
{
	free(st->by_symbol);
	free(st->by_module);
	free(st->nodes);
	memset(st, 0, sizeof(*st));
}

/* ---------- deltas ---------- */

static int cmp_group_ptr(const void *pa, const void *pb)
{
	const struct ms_vmalloc_group *a =
		*(const struct ms_vmalloc_group *const *)pa;
	const struct ms_vmalloc_group *b =
		*(const struct ms_vmalloc_group *const *)pb;

	return cmp_key(a->name, a->module, b->name, b->module);
}

static int cmp_delta(const void *pa, const void *pb)
{
	const struct ms_vmalloc_delta *a = pa, *b = pb;

	if (a->size_bytes_delta != b->size_bytes_delta)
		return a->size_bytes_delta > b->size_bytes_delta ? -1 : 1;
	return cmp_key(a->name, a->module, b->name, b->module);
}

/* @new - @old as a signed number, -ERANGE when it does not fit */
static int sub_u64(uint64_t new, uint64_t old, int64_t *out)
{
	if (new >= old) {
		if (new - old > INT64_MAX)
			return -ERANGE;
		*out = (int64_t)(new - old);
	} else {
		if (old - new > INT64_MAX)
			return -ERANGE;
		*out = -(int64_t)(old - new);
	}
	return 0;
}

static int delta_one(struct ms_vmalloc_delta *d,
		     const struct ms_vmalloc_group *o,
		     const struct ms_vmalloc_group *n, uint64_t interval_ms)
{
	static const struct ms_vmalloc_group zero;
	const struct ms_vmalloc_group *id = n ? n : o;
	double secs = (double)interval_ms / 1000.0;

	if (!o)
		o = &zero;
	if (!n)
		n = &zero;
	memset(d, 0, sizeof(*d));
	d->name = id->name;
	d->module = id->module;
	d->count = n->count;
	d->size_bytes = n->size_bytes;
	d->pages = n->pages;
	if (sub_u64(n->count, o->count, &d->count_delta) ||
	    sub_u64(n->size_bytes, o->size_bytes, &d->size_bytes_delta) ||
	    sub_u64(n->pages, o->pages, &d->pages_delta))
		return -ERANGE;
	if (interval_ms) {
		d->count_per_sec = (double)d->count_delta / secs;
		d->size_bytes_per_sec = (double)d->size_bytes_delta / secs;
		d->pages_per_sec = (double)d->pages_delta / secs;
	}
	return 0;
}

int ms_vmalloc_delta(struct ms_vmalloc_delta **out, size_t *nr_out,
		     const struct ms_vmalloc_group *old, size_t nr_old,
		     const struct ms_vmalloc_group *new, size_t nr_new,
		     uint64_t interval_ms)
{
	const struct ms_vmalloc_group **po, **pn;
	struct ms_vmalloc_delta *d;
	size_t i = 0, j = 0, n = 0, k;
	int err = -ENOMEM;

	*out = NULL;
	*nr_out = 0;
	po = malloc((nr_old ? nr_old : 1) * sizeof(*po));
	if (!po)
		return -ENOMEM;
	pn = malloc((nr_new ? nr_new : 1) * sizeof(*pn));
	if (!pn)
		goto out_free_po;
	d = malloc((nr_old + nr_new ? nr_old + nr_new : 1) * sizeof(*d));
	if (!d)
		goto out_free_pn;
	for (k = 0; k < nr_old; k++)
		po[k] = &old[k];
	for (k = 0; k < nr_new; k++)
		pn[k] = &new[k];
	qsort(po, nr_old, sizeof(*po), cmp_group_ptr);
	qsort(pn, nr_new, sizeof(*pn), cmp_group_ptr);

	/* a merge of the two sorted lists */
	while (i < nr_old || j < nr_new) {
		const struct ms_vmalloc_group *o = NULL, *g = NULL;
		int c;

		if (i >= nr_old)
			c = 1;
		else if (j >= nr_new)
			c = -1;
		else
			c = cmp_group_ptr(&po[i], &pn[j]);
		if (c <= 0)
			o = po[i++];
		if (c >= 0)
			g = pn[j++];
		err = delta_one(&d[n], o, g, interval_ms);
		if (err)
			goto out_free_d;
		if (d[n].count_delta || d[n].size_bytes_delta ||
		    d[n].pages_delta)
			n++;
	}
	if (n > 1)
		qsort(d, n, sizeof(*d), cmp_delta);
	if (n) {
		*out = d;
		*nr_out = n;
	} else {
		free(d);
	}
	err = 0;
	goto out_free_pn;

out_free_d:
	free(d);
out_free_pn:
	free(pn);
out_free_po:
	free(po);
	return err;
}

void ms_vmalloc_kept_release(struct ms_vmalloc_kept *k)
{
	size_t i;

	for (i = 0; i < k->nr; i++) {
		free((char *)k->groups[i].name);
		free((char *)k->groups[i].module);
	}
	free(k->groups);
	k->groups = NULL;
	k->nr = 0;
}

int ms_vmalloc_kept_set(struct ms_vmalloc_kept *k,
			const struct ms_vmalloc_group *g, size_t n)
{
	struct ms_vmalloc_group *c = calloc(n ? n : 1, sizeof(*c));
	size_t i;

	if (!c)
		return -ENOMEM;
	ms_vmalloc_kept_release(k);
	k->groups = c;
	for (i = 0; i < n; i++) {
		c[i] = g[i];
		c[i].name = g[i].name ? strdup(g[i].name) : NULL;
		c[i].module = g[i].module ? strdup(g[i].module) : NULL;
		k->nr = i + 1;
		if ((g[i].name && !c[i].name) || (g[i].module && !c[i].module))
			return -ENOMEM;
	}
	return 0;
}
