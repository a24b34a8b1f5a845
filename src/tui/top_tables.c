// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope top, tabs 3 to 5: the slab caches (memscope slab --watch's
 * table, sorted by the slab model itself), the vmalloc callers with
 * their change since the previous read, and the processes' memory.
 * Each table sorts, filters by a regular expression on the name and
 * scrolls; on a narrow terminal its least important columns go first.
 */
#include <curses.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/units.h"
#include "tui/top_int.h"
#include "lib/banned.h"

#define NEVER_DROP 100
#define MAX_COLS   16

struct col {
	const char *title;
	int width;
	int prio;
	int sort; /* the sort key the column shows, -1 for none */
};

/* Lines above a table's header: its summary and the sort/filter line. */
#define SUMMARY_LINES 3

struct table_desc {
	const char *what;
	const struct col *cols;
	unsigned int nr_cols;
	const char *name_title;
	int name_min;
	const char *(*sort_name)(unsigned int key);
	unsigned int nr_sorts;
	unsigned int name_sort;
	/* the rows of the sample, NULL when there are none */
	bool (*have)(const struct ms_top_sample *s);
	size_t (*count)(const struct top_screen *sc);
	const void *(*row)(const struct top_screen *sc, size_t i);
	/* orders the sample's rows, or returns false to sort the pointers */
	bool (*sort_model)(const struct ms_top_sample *s, unsigned int key,
			   bool reverse);
	int (*cmp)(const void *a, const void *b, void *key);
	const char *(*name)(const struct top_screen *sc, char *buf, size_t size,
			    const void *row);
	const char *(*cell)(char *buf, size_t size, unsigned int col,
			    const void *row);
	enum top_color (*color)(const void *row, bool *colored);
	void (*summary)(struct top_screen *sc, int y);
	const char *(*why)(const struct ms_top_sample *s);
};

/* ---- slab ---- */

enum {
	S_FLAG,
	S_OBJS,
	S_ACTIVE,
	S_USE,
	S_OBJSIZE,
	S_SLABS,
	S_SIZE,
	S_WASTE,
	S_DELTA,
	S_RATE,
	S_START,
	S_NR
};

static const struct col slab_cols[S_NR] = {
	[S_FLAG] = { "", 1, NEVER_DROP, -1 },
	[S_OBJS] = { "OBJS", 7, 6, MS_SLAB_SORT_OBJS },
	[S_ACTIVE] = { "ACTIVE", 7, 2, MS_SLAB_SORT_ACTIVE_OBJS },
	[S_USE] = { "USE", 6, 5, MS_SLAB_SORT_USE },
	[S_OBJSIZE] = { "OBJSIZE", 7, 4, MS_SLAB_SORT_OBJ_SIZE },
	[S_SLABS] = { "SLABS", 7, 1, MS_SLAB_SORT_SLABS },
	[S_SIZE] = { "CACHE SIZE", 10, NEVER_DROP, MS_SLAB_SORT_CACHE_SIZE },
	[S_WASTE] = { "WASTE", 9, 3, MS_SLAB_SORT_WASTE },
	[S_DELTA] = { "DELTA", 10, 9, -1 },
	[S_RATE] = { "RATE/s", 10, 7, MS_SLAB_SORT_GROWTH },
	[S_START] = { "SINCE START", 11, 0, -1 },
};

/* The order s steps through: the default first, the name last. */
static const enum ms_slab_sort_key slab_sort_keys[] = {
	MS_SLAB_SORT_CACHE_SIZE,
	MS_SLAB_SORT_GROWTH,
	MS_SLAB_SORT_WASTE,
	MS_SLAB_SORT_OBJS,
	MS_SLAB_SORT_ACTIVE_OBJS,
	MS_SLAB_SORT_OBJ_SIZE,
	MS_SLAB_SORT_USE,
	MS_SLAB_SORT_SLABS,
	MS_SLAB_SORT_ACTIVE_SLABS,
	MS_SLAB_SORT_OBJS_PER_SLAB,
	MS_SLAB_SORT_PAGES_PER_SLAB,
	MS_SLAB_SORT_NAME,
};

static const char *slab_sort_name(unsigned int key)
{
	return ms_slab_sort_key_name(slab_sort_keys[key]);
}

static bool slab_have(const struct ms_top_sample *s)
{
	return s->slab != NULL;
}

static size_t slab_count(const struct top_screen *sc)
{
	return sc->s->slab->nr_rows;
}

static const void *slab_row(const struct top_screen *sc, size_t i)
{
	return &sc->s->slab->rows[i];
}

static bool slab_sort(const struct ms_top_sample *s, unsigned int key,
		      bool reverse)
{
	ms_slab_sort(s->slab, slab_sort_keys[key], reverse);
	return true;
}

static const char *slab_name(const struct top_screen *sc MS_UNUSED, char *buf,
			     size_t size, const void *row)
{
	snprintf(buf, size, "%s",
		 ((const struct ms_slab_row *)row)->cache->name);
	return buf;
}

static const char *slab_cell(char *buf, size_t size, unsigned int c,
			     const void *row)
{
	const struct ms_slab_row *r = row;
	const struct ms_slab_cache *k = r->cache;

	switch (c) {
	case S_FLAG:
		snprintf(buf, size, "%s",
			 (r->flags & MS_SLAB_GROWING) ? "+" :
			 (r->flags & MS_SLAB_NEW)     ? "*" :
							" ");
		return buf;
	case S_OBJS:
		return ms_units_count(buf, size, k->num_objs);
	case S_ACTIVE:
		return ms_units_count(buf, size, k->active_objs);
	case S_USE:
		snprintf(buf, size, "%.1f%%", r->use_pct);
		return buf;
	case S_OBJSIZE:
		snprintf(buf, size, "%u", (unsigned int)k->obj_size);
		return buf;
	case S_SLABS:
		return ms_units_count(buf, size, k->num_slabs);
	case S_SIZE:
		return ms_units_bytes(buf, size, r->bytes);
	case S_WASTE:
		return ms_units_bytes(buf, size, r->waste_bytes);
	case S_DELTA:
		if (!(r->flags & MS_SLAB_HAS_DELTA))
			break;
		return ms_tui_sbytes(buf, size, r->delta_bytes);
	case S_RATE:
		if (!(r->flags & MS_SLAB_HAS_DELTA) ||
		    !isfinite(r->bytes_per_s))
			break;
		return ms_tui_sbytes(
			buf, size,
			(int64_t)llround(fabs(r->bytes_per_s) < 9e18 ?
						 r->bytes_per_s :
						 0));
	case S_START:
		if (!(r->flags & MS_SLAB_HAS_START_DELTA))
			break;
		return ms_tui_sbytes(buf, size, r->start_delta_bytes);
	default:
		break;
	}
	snprintf(buf, size, "-");
	return buf;
}

static enum top_color slab_color(const void *row, bool *colored)
{
	const struct ms_slab_row *r = row;

	*colored = r->flags & (MS_SLAB_GROWING | MS_SLAB_NEW);
	return (r->flags & MS_SLAB_GROWING) ? TC_BAD : TC_WARN;
}

static void slab_summary(struct top_screen *sc, int y)
{
	const struct ms_slab_model *m = sc->s->slab;
	const struct ms_slab_totals *t = &m->totals;
	char a[32], b[32], c[32], d[32];

	top_put(y, 0,
		"Caches %zu/%zu  objects %s/%s (%.1f%%)  size %s  "
		"waste %s",
		t->active_caches, t->caches,
		ms_units_count(a, sizeof(a), t->active_objs),
		ms_units_count(b, sizeof(b), t->objs),
		t->objs ? 100.0 * (double)t->active_objs / (double)t->objs :
			  0.0,
		ms_units_bytes(c, sizeof(c), t->bytes),
		ms_units_bytes(d, sizeof(d), t->waste_bytes));
	if (!m->has_delta) {
		top_put(y + 1, 0, "Change   - (first sample)");
		return;
	}
	top_put(y + 1, 0,
		"Change   %s in %.1fs (%s/s), %s since start; "
		"new %zu, gone %zu, ",
		ms_tui_sbytes(a, sizeof(a), t->delta_bytes), m->elapsed_s,
		ms_tui_sbytes(
			b, sizeof(b),
			(int64_t)llround(isfinite(t->bytes_per_s) &&
							 fabs(t->bytes_per_s) <
								 9e18 ?
						 t->bytes_per_s :
						 0)),
		ms_tui_sbytes(c, sizeof(c), t->start_delta_bytes),
		t->new_caches, t->gone_caches);
	if (t->growing_caches)
		top_color_on(sc, TC_BAD);
	snprintf(d, sizeof(d), "growing %zu", t->growing_caches);
	if (COLS - getcurx(stdscr) > 0)
		addnstr(d, COLS - getcurx(stdscr));
	if (t->growing_caches)
		top_color_off(sc, TC_BAD);
}

static const char *slab_why(const struct ms_top_sample *s)
{
	return s->files[MS_TOP_F_SLABINFO].why;
}

/* ---- vmalloc ---- */

enum { V_COUNT, V_SIZE, V_PAGES, V_LARGEST, V_SCOUNT, V_START, V_DELTA, V_NR };
enum {
	VS_SIZE,
	VS_DELTA,
	VS_START,
	VS_COUNT,
	VS_PAGES,
	VS_LARGEST,
	VS_NAME,
	VS_NR
};

static const struct col vm_cols[V_NR] = {
	[V_COUNT] = { "AREAS", 7, 5, VS_COUNT },
	[V_SIZE] = { "SIZE", 10, NEVER_DROP, VS_SIZE },
	[V_PAGES] = { "PAGES", 8, 2, VS_PAGES },
	[V_LARGEST] = { "LARGEST", 10, 3, VS_LARGEST },
	[V_SCOUNT] = { "+AREAS", 7, 4, -1 },
	[V_START] = { "SINCE START", 11, 6, VS_START },
	[V_DELTA] = { "CHANGE", 10, 7, VS_DELTA },
};

static const char *const vm_sort_names[VS_NR] = {
	[VS_SIZE] = "size",   [VS_DELTA] = "change", [VS_START] = "since_start",
	[VS_COUNT] = "areas", [VS_PAGES] = "pages",  [VS_LARGEST] = "largest",
	[VS_NAME] = "name",
};

static const char *vm_sort_name(unsigned int key)
{
	return vm_sort_names[key];
}

static bool vm_have(const struct ms_top_sample *s)
{
	return s->vmalloc != NULL;
}

static size_t vm_count(const struct top_screen *sc)
{
	return sc->s->nr_vm_rows[sc->vm_by];
}

static const void *vm_row(const struct top_screen *sc, size_t i)
{
	return &sc->s->vm_rows[sc->vm_by][i];
}

static bool no_model_sort(const struct ms_top_sample *s MS_UNUSED,
			  unsigned int key MS_UNUSED, bool reverse MS_UNUSED)
{
	return false;
}

static int cmp_str(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (!a)
		return 1; /* NULL last, as ms_vmalloc_groups_sort() */
	if (!b)
		return -1;
	return strcmp(a, b);
}

/* Largest first; ties and the name key by name, then module. */
static int vm_cmp(const void *pa, const void *pb, void *key)
{
	const struct ms_top_vmalloc_row *a = *(const void *const *)pa;
	const struct ms_top_vmalloc_row *b = *(const void *const *)pb;
	const struct ms_vmalloc_group *x = a->group, *y = b->group;
	unsigned int k = *(const unsigned int *)key;
	int c;

	switch (k) {
	case VS_SIZE:
		if (x->size_bytes != y->size_bytes)
			return x->size_bytes > y->size_bytes ? -1 : 1;
		break;
	case VS_DELTA:
		if (a->delta_bytes != b->delta_bytes)
			return a->delta_bytes > b->delta_bytes ? -1 : 1;
		break;
	case VS_START:
		if (a->start_delta_bytes != b->start_delta_bytes)
			return a->start_delta_bytes > b->start_delta_bytes ?
				       -1 :
				       1;
		break;
	case VS_COUNT:
		if (x->count != y->count)
			return x->count > y->count ? -1 : 1;
		break;
	case VS_PAGES:
		if (x->pages != y->pages)
			return x->pages > y->pages ? -1 : 1;
		break;
	case VS_LARGEST:
		if (x->largest_bytes != y->largest_bytes)
			return x->largest_bytes > y->largest_bytes ? -1 : 1;
		break;
	default:
		break;
	}
	c = cmp_str(x->name, y->name);
	return c ? c : cmp_str(x->module, y->module);
}

static const char *vm_name(const struct top_screen *sc, char *buf, size_t size,
			   const void *row)
{
	const struct ms_vmalloc_group *g =
		((const struct ms_top_vmalloc_row *)row)->group;

	if (!g->name)
		snprintf(buf, size, "%s",
			 sc->vm_by == MS_TOP_VM_MODULE ? "(not in a module)" :
							 "(no caller)");
	else if (sc->vm_by == MS_TOP_VM_CALLER && g->module)
		snprintf(buf, size, "%s [%s]", g->name, g->module);
	else
		snprintf(buf, size, "%s", g->name);
	return buf;
}

static const char *vm_cell(char *buf, size_t size, unsigned int c,
			   const void *row)
{
	const struct ms_top_vmalloc_row *r = row;
	const struct ms_vmalloc_group *g = r->group;

	switch (c) {
	case V_COUNT:
		return ms_units_count(buf, size, g->count);
	case V_SIZE:
		return ms_units_bytes(buf, size, g->size_bytes);
	case V_PAGES:
		return ms_units_count(buf, size, g->pages);
	case V_LARGEST:
		return ms_units_bytes(buf, size, g->largest_bytes);
	case V_SCOUNT:
		if (!r->has_delta)
			break;
		snprintf(buf, size, r->start_delta_count ? "%+" PRId64 : "0",
			 r->start_delta_count);
		return buf;
	case V_START:
		if (!r->has_delta)
			break;
		return ms_tui_sbytes(buf, size, r->start_delta_bytes);
	case V_DELTA:
		if (!r->has_delta)
			break;
		return ms_tui_sbytes(buf, size, r->delta_bytes);
	default:
		break;
	}
	snprintf(buf, size, "-");
	return buf;
}

static enum top_color vm_color(const void *row, bool *colored)
{
	const struct ms_top_vmalloc_row *r = row;

	*colored = r->has_delta && r->start_delta_bytes > 0;
	return TC_WARN;
}

static const char *const vm_by_names[MS_TOP_VM_NR_BY] = {
	[MS_TOP_VM_CALLER] = "caller",
	[MS_TOP_VM_TYPE] = "type",
	[MS_TOP_VM_MODULE] = "module",
};

void top_vmalloc_by_next(struct top_screen *sc)
{
	sc->vm_by = (enum ms_top_vm_by)((sc->vm_by + 1) % MS_TOP_VM_NR_BY);
	sc->tables[TOP_T_VMALLOC].scroll = 0;
}

static void vm_summary(struct top_screen *sc, int y)
{
	const struct ms_vmalloc_stats *st = sc->s->vmalloc;
	const struct ms_top_file *f = &sc->s->files[MS_TOP_F_VMALLOCINFO];
	char a[32], b[32], c[32], age[16];

	top_put(y, 0, "Areas %s  size %s  pages %s  by %s (b)  read %s ago",
		ms_units_count(a, sizeof(a), st->nr_areas),
		ms_units_bytes(b, sizeof(b), st->size_bytes),
		ms_units_count(c, sizeof(c), st->pages), vm_by_names[sc->vm_by],
		top_age(age, sizeof(age), f->age_s));
	if (st->frag.state == MS_VMALLOC_FRAG_OK)
		top_put(y + 1, 0,
			"Address space %s, free %s, largest free "
			"range %s",
			ms_units_bytes(a, sizeof(a),
				       st->frag.end - st->frag.start),
			ms_units_bytes(b, sizeof(b), st->frag.free_bytes),
			ms_units_bytes(c, sizeof(c),
				       st->frag.largest_gap_bytes));
	else
		top_put(y + 1, 0, "Address space: %s",
			st->frag.state == MS_VMALLOC_FRAG_NO_TOTAL ?
				"unknown (no VmallocTotal in meminfo)" :
				"unknown (addresses hidden)");
}

static const char *vm_why(const struct ms_top_sample *s)
{
	return s->files[MS_TOP_F_VMALLOCINFO].why;
}

/* ---- processes ---- */

enum { P_PID, P_USER, P_RSS, P_PSS, P_SWAP, P_ANON, P_FILE, P_SHMEM, P_NR };
enum {
	PS_RSS,
	PS_PSS,
	PS_SWAP,
	PS_ANON,
	PS_FILE,
	PS_SHMEM,
	PS_PID,
	PS_NAME,
	PS_NR
};

static const struct col proc_cols[P_NR] = {
	[P_PID] = { "PID", 7, NEVER_DROP, PS_PID },
	[P_USER] = { "USER", 9, 4, -1 },
	[P_RSS] = { "RSS", 9, NEVER_DROP, PS_RSS },
	[P_PSS] = { "PSS", 9, 8, PS_PSS },
	[P_SWAP] = { "SWAP", 9, 6, PS_SWAP },
	[P_ANON] = { "ANON", 9, 5, PS_ANON },
	[P_FILE] = { "FILE", 9, 3, PS_FILE },
	[P_SHMEM] = { "SHMEM", 9, 2, PS_SHMEM },
};

static const char *const proc_sort_names[PS_NR] = {
	[PS_RSS] = "rss",   [PS_PSS] = "pss",	   [PS_SWAP] = "swap",
	[PS_ANON] = "anon", [PS_FILE] = "file",	   [PS_SHMEM] = "shmem",
	[PS_PID] = "pid",   [PS_NAME] = "command",
};

static const char *proc_sort_name(unsigned int key)
{
	return proc_sort_names[key];
}

static bool proc_have(const struct ms_top_sample *s)
{
	return s->procs != NULL;
}

static size_t proc_count(const struct top_screen *sc)
{
	return sc->s->procs->nr;
}

static const void *proc_row(const struct top_screen *sc, size_t i)
{
	return &sc->s->procs->procs[i];
}

/* Largest first (an unknown PSS below every known one); pid ascending. */
static int proc_cmp(const void *pa, const void *pb, void *key)
{
	const struct ms_proc *a = *(const void *const *)pa;
	const struct ms_proc *b = *(const void *const *)pb;
	unsigned int k = *(const unsigned int *)key;
	uint64_t x = 0, y = 0;
	int c;

	switch (k) {
	case PS_RSS:
		x = a->rss_bytes;
		y = b->rss_bytes;
		break;
	case PS_PSS:
		if (a->has_pss != b->has_pss)
			return a->has_pss ? -1 : 1;
		x = a->pss_bytes;
		y = b->pss_bytes;
		break;
	case PS_SWAP:
		x = a->swap_bytes;
		y = b->swap_bytes;
		break;
	case PS_ANON:
		x = a->anon_bytes;
		y = b->anon_bytes;
		break;
	case PS_FILE:
		x = a->file_bytes;
		y = b->file_bytes;
		break;
	case PS_SHMEM:
		x = a->shmem_bytes;
		y = b->shmem_bytes;
		break;
	case PS_NAME:
		c = strcmp(a->comm, b->comm);
		if (c)
			return c;
		break;
	default:
		break;
	}
	if (x != y)
		return x > y ? -1 : 1;
	return a->pid < b->pid ? -1 : a->pid > b->pid;
}

static const char *proc_name(const struct top_screen *sc MS_UNUSED, char *buf,
			     size_t size, const void *row)
{
	snprintf(buf, size, "%s", ((const struct ms_proc *)row)->comm);
	return buf;
}

static const char *proc_cell(char *buf, size_t size, unsigned int c,
			     const void *row)
{
	const struct ms_proc *p = row;

	switch (c) {
	case P_PID:
		snprintf(buf, size, "%d", p->pid);
		return buf;
	case P_USER:
		snprintf(buf, size, "%.8s", p->user);
		return buf;
	case P_RSS:
		return ms_units_bytes(buf, size, p->rss_bytes);
	case P_PSS:
		if (!p->has_pss)
			break;
		return ms_units_bytes(buf, size, p->pss_bytes);
	case P_SWAP:
		return ms_units_bytes(buf, size, p->swap_bytes);
	case P_ANON:
		return ms_units_bytes(buf, size, p->anon_bytes);
	case P_FILE:
		return ms_units_bytes(buf, size, p->file_bytes);
	case P_SHMEM:
		return ms_units_bytes(buf, size, p->shmem_bytes);
	default:
		break;
	}
	snprintf(buf, size, "-");
	return buf;
}

static enum top_color proc_color(const void *row MS_UNUSED, bool *colored)
{
	*colored = false;
	return TC_BOLD;
}

static void proc_summary(struct top_screen *sc, int y)
{
	const struct ms_proc_list *l = sc->s->procs;

	top_put(y, 0,
		"Processes %zu, through libproc2 (status and "
		"smaps_rollup)",
		l->nr);
	if (l->nr_no_pss)
		top_put(y + 1, 0,
			"PSS unknown (-) for %zu: smaps_rollup needs "
			"ptrace access (the same user, or root)",
			l->nr_no_pss);
}

static const char *proc_why(const struct ms_top_sample *s)
{
	return s->files[MS_TOP_F_PROCS].why;
}

static const struct table_desc descs[TOP_NR_TABLES] = {
	[TOP_T_SLAB] = { "slab caches", slab_cols, S_NR, "NAME", 20,
			 slab_sort_name, ARRAY_SIZE(slab_sort_keys),
			 ARRAY_SIZE(slab_sort_keys) - 1, slab_have, slab_count,
			 slab_row, slab_sort, NULL, slab_name, slab_cell,
			 slab_color, slab_summary, slab_why },
	[TOP_T_VMALLOC] = { "vmalloc callers", vm_cols, V_NR, "CALLER [MODULE]",
			    20, vm_sort_name, VS_NR, VS_NAME, vm_have, vm_count,
			    vm_row, no_model_sort, vm_cmp, vm_name, vm_cell,
			    vm_color, vm_summary, vm_why },
	[TOP_T_PROCS] = { "processes", proc_cols, P_NR, "COMMAND", 16,
			  proc_sort_name, PS_NR, PS_NAME, proc_have, proc_count,
			  proc_row, no_model_sort, proc_cmp, proc_name,
			  proc_cell, proc_color, proc_summary, proc_why },
};

/* ---- the generic table ---- */

const char *top_table_sort_name(const struct top_screen *sc,
				enum top_table_id t)
{
	return descs[t].sort_name(sc->tables[t].sort);
}

void top_table_sort_next(struct top_screen *sc, enum top_table_id t)
{
	struct top_table *tb = &sc->tables[t];

	tb->sort = (tb->sort + 1) % descs[t].nr_sorts;
	tb->reverse = false;
}

void top_table_release(struct top_table *tb)
{
	ms_tui_filter_release(&tb->filter);
	free(tb->rows);
	tb->rows = NULL;
	tb->nr_rows = tb->cap_rows = 0;
}

/* The sort key table @t's column @c shows is the current one. */
static bool sorted_by(const struct top_screen *sc, enum top_table_id t,
		      unsigned int c)
{
	const struct col *col = &descs[t].cols[c];
	unsigned int key = sc->tables[t].sort;

	if (col->sort < 0)
		return false;
	if (t == TOP_T_SLAB)
		return (unsigned int)col->sort ==
		       (unsigned int)slab_sort_keys[key];
	return (unsigned int)col->sort == key;
}

/*
 * Which columns fit in @width, the least important dropped first; the
 * column of the sort key stays.
 */
static void fit(const struct top_screen *sc, enum top_table_id t, bool *visible,
		int width)
{
	const struct table_desc *d = &descs[t];
	int total = d->name_min, i;

	for (i = 0; i < (int)d->nr_cols; i++) {
		visible[i] = true;
		total += d->cols[i].width + 1;
	}
	while (total > width) {
		int drop = -1;

		for (i = 0; i < (int)d->nr_cols; i++)
			if (visible[i] && d->cols[i].prio < NEVER_DROP &&
			    !sorted_by(sc, t, (unsigned int)i) &&
			    (drop < 0 || d->cols[i].prio < d->cols[drop].prio))
				drop = i;
		if (drop < 0)
			break;
		visible[drop] = false;
		total -= d->cols[drop].width + 1;
	}
}

/* Sorts and filters the sample's rows into @tb->rows. */
static int select_rows(struct top_screen *sc, enum top_table_id t)
{
	const struct table_desc *d = &descs[t];
	struct top_table *tb = &sc->tables[t];
	size_t n = d->count(sc), i;
	char name[160];

	if (n > tb->cap_rows) {
		const void **nr = realloc(tb->rows, n * sizeof(*nr));

		if (!nr)
			return -1;
		tb->rows = nr;
		tb->cap_rows = n;
	}
	d->sort_model(sc->s, tb->sort, tb->reverse);
	tb->nr_rows = 0;
	for (i = 0; i < n; i++) {
		const void *r = d->row(sc, i);

		if (tb->filter.has_re &&
		    !ms_tui_filter_match(&tb->filter,
					 d->name(sc, name, sizeof(name), r)))
			continue;
		tb->rows[tb->nr_rows++] = r;
	}
	if (d->cmp && tb->nr_rows) {
		unsigned int key = tb->sort;

		qsort_r(tb->rows, tb->nr_rows, sizeof(*tb->rows), d->cmp, &key);
		if (tb->reverse)
			for (i = 0; i < tb->nr_rows / 2; i++) {
				const void *x = tb->rows[i];

				tb->rows[i] = tb->rows[tb->nr_rows - 1 - i];
				tb->rows[tb->nr_rows - 1 - i] = x;
			}
	}
	return 0;
}

static void draw_head(struct top_screen *sc, enum top_table_id t, int y,
		      const bool *visible)
{
	const struct table_desc *d = &descs[t];
	const struct top_table *tb = &sc->tables[t];
	int x = 0;
	unsigned int c;

	attron(A_REVERSE);
	mvhline(y, 0, ' ', COLS);
	for (c = 0; c < d->nr_cols; c++) {
		bool mark = sorted_by(sc, t, c);

		if (!visible[c])
			continue;
		if (mark)
			attron(A_BOLD);
		top_put(y, x, "%*s", d->cols[c].width, d->cols[c].title);
		if (mark)
			attroff(A_BOLD);
		x += d->cols[c].width + 1;
	}
	if (tb->sort == d->name_sort)
		attron(A_BOLD);
	top_put(y, x, "%s",
		t != TOP_T_VMALLOC	      ? d->name_title :
		sc->vm_by == MS_TOP_VM_TYPE   ? "TYPE" :
		sc->vm_by == MS_TOP_VM_MODULE ? "MODULE" :
						d->name_title);
	if (tb->sort == d->name_sort)
		attroff(A_BOLD);
	attroff(A_REVERSE);
}

void top_draw_table(struct top_screen *sc, enum top_table_id t)
{
	const struct table_desc *d = &descs[t];
	struct top_table *tb = &sc->tables[t];
	bool visible[MAX_COLS];
	int y = TOP_FIRST_LINE, rows, r;
	size_t i;

	if (!d->have(sc->s)) {
		char msg[512];

		snprintf(msg, sizeof(msg), "No %s: %s", d->what, d->why(sc->s));
		top_wrap(y + 1, 1, COLS - 2, msg);
		return;
	}
	if (select_rows(sc, t)) {
		top_put(y + 1, 1, "out of memory");
		return;
	}
	d->summary(sc, y);
	top_put(y + 2, 0,
		"Sort %s%s (s, r)   Filter %s (/)   showing %zu of "
		"%zu",
		d->sort_name(tb->sort), tb->reverse ? " reversed" : "",
		tb->filter.has_re ? tb->filter.text : "none", tb->nr_rows,
		d->count(sc));
	y += SUMMARY_LINES;
	fit(sc, t, visible, COLS);
	draw_head(sc, t, y, visible);
	y++;
	rows = LINES - 1 - y;
	if (rows < 0)
		rows = 0;
	if (tb->nr_rows <= (size_t)rows)
		tb->scroll = 0;
	else if (tb->scroll > tb->nr_rows - (size_t)rows)
		tb->scroll = tb->nr_rows - (size_t)rows;
	for (r = 0, i = tb->scroll; r < rows && i < tb->nr_rows; r++, i++) {
		const void *row = tb->rows[i];
		char line[1024], v[64], name[160];
		size_t off = 0;
		unsigned int c;
		bool colored;
		enum top_color color = d->color(row, &colored);

		for (c = 0; c < d->nr_cols && off < sizeof(line); c++) {
			if (!visible[c])
				continue;
			off += (size_t)snprintf(line + off, sizeof(line) - off,
						"%*s ", d->cols[c].width,
						d->cell(v, sizeof(v), c, row));
		}
		if (off < sizeof(line))
			snprintf(line + off, sizeof(line) - off, "%s",
				 d->name(sc, name, sizeof(name), row));
		if (colored)
			top_color_on(sc, color);
		top_put(y + r, 0, "%s", line);
		if (colored)
			top_color_off(sc, color);
	}
}
