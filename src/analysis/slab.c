// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Slab caches: sizes derived from /proc/slabinfo, slabtop's orders and
 * summary, sample deltas and a growth detector for --watch, and the
 * cross-check against meminfo's Slab.
 *
 * The per-cache size is page-level, num_slabs * pages_per_slab *
 * page_size, as slabtop's CACHE SIZE (procps library/slabinfo.c
 * parse_slabinfo20()) and as the kernel counts NR_SLAB_RECLAIMABLE_B /
 * NR_SLAB_UNRECLAIMABLE_B, which meminfo prints as SReclaimable and
 * SUnreclaim. slabtop's summary line "Active / Total Size" is
 * object-level instead (sum of num_objs * objsize); both are kept.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/slab.h"
#include "lib/banned.h"

static int size_overflow(struct ms_diag *diag, const struct ms_slab_cache *c)
{
	char q[64];

	/* quoted: a name may hold bytes a terminal should not get raw */
	return ms_diag_set(
		diag, "slabinfo", c->line, -EOVERFLOW,
		"expected the sizes of cache '%s' to fit in 64 bits",
		ms_quote_tok(q, sizeof(q), c->name, strlen(c->name)));
}

static int total_overflow(struct ms_diag *diag)
{
	return ms_diag_set(diag, "slabinfo", 0, -EOVERFLOW,
			   "expected the slab totals to fit in 64 bits");
}

/* bytes = num_slabs * pages_per_slab * page_size, overflow checked */
static bool cache_bytes(const struct ms_slab_cache *c, uint64_t page_size,
			uint64_t *bytes)
{
	uint64_t pages;

	return !__builtin_mul_overflow(c->num_slabs, c->pages_per_slab,
				       &pages) &&
	       !__builtin_mul_overflow(pages, page_size, bytes);
}

static int fill_row(struct ms_slab_row *r, const struct ms_slab_cache *c,
		    size_t index, uint64_t page_size, struct ms_diag *diag)
{
	memset(r, 0, sizeof(*r));
	r->cache = c;
	r->index = index;
	if (!cache_bytes(c, page_size, &r->bytes) ||
	    __builtin_mul_overflow(c->active_objs, c->obj_size,
				   &r->active_bytes) ||
	    __builtin_mul_overflow(c->num_objs, c->obj_size, &r->objs_bytes))
		return size_overflow(diag, c);
	if (r->active_bytes > r->bytes)
		r->flags |= MS_SLAB_OVERCOMMIT;
	else
		r->waste_bytes = r->bytes - r->active_bytes;
	if (c->active_objs > c->num_objs)
		r->flags |= MS_SLAB_ACTIVE_OVER_TOTAL;
	if (c->num_objs)
		r->use_pct =
			100.0 * (double)c->active_objs / (double)c->num_objs;
	return 0;
}

static bool add_u64(uint64_t *sum, uint64_t v)
{
	return !__builtin_add_overflow(*sum, v, sum);
}

static int sum_rows(struct ms_slab_model *m, struct ms_diag *diag)
{
	struct ms_slab_totals *t = &m->totals;
	size_t i;

	memset(t, 0, sizeof(*t));
	t->caches = m->nr_rows;
	for (i = 0; i < m->nr_rows; i++) {
		const struct ms_slab_row *r = &m->rows[i];
		const struct ms_slab_cache *c = r->cache;
		uint64_t pages;

		if (c->num_objs)
			t->active_caches++;
		if (__builtin_mul_overflow(c->num_slabs, c->pages_per_slab,
					   &pages))
			return size_overflow(diag, c);
		if (!add_u64(&t->objs, c->num_objs) ||
		    !add_u64(&t->active_objs, c->active_objs) ||
		    !add_u64(&t->slabs, c->num_slabs) ||
		    !add_u64(&t->active_slabs, c->active_slabs) ||
		    !add_u64(&t->pages, pages) ||
		    !add_u64(&t->bytes, r->bytes) ||
		    !add_u64(&t->active_bytes, r->active_bytes) ||
		    !add_u64(&t->objs_bytes, r->objs_bytes) ||
		    !add_u64(&t->waste_bytes, r->waste_bytes))
			return total_overflow(diag);
		if (i == 0 || c->obj_size < t->min_obj_size)
			t->min_obj_size = c->obj_size;
		if (c->obj_size > t->max_obj_size)
			t->max_obj_size = c->obj_size;
	}
	/* slabtop: total_size / nr_objs, integer division */
	if (t->objs)
		t->avg_obj_size = (uint32_t)(t->objs_bytes / t->objs);
	return 0;
}

int ms_slab_model_build(struct ms_slab_model *m, const struct ms_slabinfo *si,
			uint64_t page_size, struct ms_diag *diag)
{
	size_t i;
	int err;

	memset(m, 0, sizeof(*m));
	if (!page_size || (page_size & (page_size - 1)))
		return ms_diag_set(
			diag, NULL, 0, -EINVAL,
			"expected a page size that is a power of two, found %llu",
			(unsigned long long)page_size);
	m->si = si;
	m->page_size = page_size;
	if (si->nr_caches) {
		m->rows = calloc(si->nr_caches, sizeof(*m->rows));
		if (!m->rows)
			return ms_diag_set(diag, NULL, 0, -ENOMEM,
					   "out of memory");
	}
	m->nr_rows = si->nr_caches;
	for (i = 0; i < si->nr_caches; i++) {
		err = fill_row(&m->rows[i], &si->caches[i], i, page_size, diag);
		if (err)
			goto out_release;
	}
	err = sum_rows(m, diag);
	if (err)
		goto out_release;
	return 0;

out_release:
	ms_slab_model_release(m);
	return err;
}

void ms_slab_model_release(struct ms_slab_model *m)
{
	free(m->rows);
	memset(m, 0, sizeof(*m));
}

/* ---- sorting ---- */

static const struct {
	char letter;
	const char *name;
} sort_keys[MS_SLAB_NR_SORT_KEYS] = {
	[MS_SLAB_SORT_ACTIVE_OBJS] = { 'a', "active_objs" },
	[MS_SLAB_SORT_OBJS_PER_SLAB] = { 'b', "objs_per_slab" },
	[MS_SLAB_SORT_CACHE_SIZE] = { 'c', "cache_size" },
	[MS_SLAB_SORT_SLABS] = { 'l', "slabs" },
	[MS_SLAB_SORT_ACTIVE_SLABS] = { 'v', "active_slabs" },
	[MS_SLAB_SORT_NAME] = { 'n', "name" },
	[MS_SLAB_SORT_OBJS] = { 'o', "objs" },
	[MS_SLAB_SORT_PAGES_PER_SLAB] = { 'p', "pages_per_slab" },
	[MS_SLAB_SORT_OBJ_SIZE] = { 's', "obj_size" },
	[MS_SLAB_SORT_USE] = { 'u', "use" },
	[MS_SLAB_SORT_GROWTH] = { 'g', "growth" },
	[MS_SLAB_SORT_WASTE] = { 'w', "waste" },
};

int ms_slab_sort_key_parse(const char *s, enum ms_slab_sort_key *key)
{
	unsigned int k;

	for (k = 0; k < MS_SLAB_NR_SORT_KEYS; k++) {
		if ((s[0] == sort_keys[k].letter && s[1] == '\0') ||
		    !strcmp(s, sort_keys[k].name)) {
			*key = (enum ms_slab_sort_key)k;
			return 0;
		}
	}
	return -EINVAL;
}

const char *ms_slab_sort_key_name(enum ms_slab_sort_key key)
{
	if ((unsigned int)key >= MS_SLAB_NR_SORT_KEYS)
		return "";
	return sort_keys[key].name;
}

char ms_slab_sort_key_letter(enum ms_slab_sort_key key)
{
	if ((unsigned int)key >= MS_SLAB_NR_SORT_KEYS)
		return '\0';
	return sort_keys[key].letter;
}

struct sort_ctx {
	enum ms_slab_sort_key key;
	bool reverse;
};

#define CMP(x, y) ((x) < (y) ? -1 : (x) > (y) ? 1 : 0)

/* Ascending comparison of the key's values. */
static int cmp_key(const struct ms_slab_row *a, const struct ms_slab_row *b,
		   enum ms_slab_sort_key key)
{
	const struct ms_slab_cache *x = a->cache, *y = b->cache;

	switch (key) {
	case MS_SLAB_SORT_ACTIVE_OBJS:
		return CMP(x->active_objs, y->active_objs);
	case MS_SLAB_SORT_OBJS_PER_SLAB:
		return CMP(x->objs_per_slab, y->objs_per_slab);
	case MS_SLAB_SORT_CACHE_SIZE:
		return CMP(a->bytes, b->bytes);
	case MS_SLAB_SORT_SLABS:
		return CMP(x->num_slabs, y->num_slabs);
	case MS_SLAB_SORT_ACTIVE_SLABS:
		return CMP(x->active_slabs, y->active_slabs);
	case MS_SLAB_SORT_NAME:
		return strcmp(x->name, y->name);
	case MS_SLAB_SORT_OBJS:
		return CMP(x->num_objs, y->num_objs);
	case MS_SLAB_SORT_PAGES_PER_SLAB:
		return CMP(x->pages_per_slab, y->pages_per_slab);
	case MS_SLAB_SORT_OBJ_SIZE:
		return CMP(x->obj_size, y->obj_size);
	case MS_SLAB_SORT_USE:
		return CMP(a->use_pct, b->use_pct);
	case MS_SLAB_SORT_GROWTH:
		return CMP(a->bytes_per_s, b->bytes_per_s);
	case MS_SLAB_SORT_WASTE:
		return CMP(a->waste_bytes, b->waste_bytes);
	case MS_SLAB_NR_SORT_KEYS:
		break;
	}
	return 0;
}

static int cmp_rows(const void *pa, const void *pb, void *arg)
{
	const struct ms_slab_row *a = pa, *b = pb;
	const struct sort_ctx *ctx = arg;
	int r = cmp_key(a, b, ctx->key);

	/* slabtop sorts every key but the name from the largest down */
	if (ctx->key != MS_SLAB_SORT_NAME)
		r = -r;
	if (ctx->reverse)
		r = -r;
	if (r)
		return r;
	return CMP(a->index, b->index);
}

static int cmp_row_ptrs(const void *pa, const void *pb, void *arg)
{
	return cmp_rows(*(const struct ms_slab_row *const *)pa,
			*(const struct ms_slab_row *const *)pb, arg);
}

/* A row's place in the order: its key, then its position in the file. */
struct sort_item {
	uint64_t key;
	size_t index;
	size_t at;
};

static bool item_before(const struct sort_item *a, const struct sort_item *b)
{
	return a->key < b->key || (a->key == b->key && a->index < b->index);
}

/*
 * A bottom-up merge sort of the items, through @tmp (as many items):
 * the comparison is two integers, which a call through qsort()'s
 * function pointer for every one would cost several times over.
 */
static void sort_items_merge(struct sort_item *v, struct sort_item *tmp,
			     size_t n)
{
	struct sort_item *src = v, *dst = tmp, *t;
	size_t width, lo;

	for (width = 1; width < n; width *= 2) {
		for (lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;

			while (i < mid && j < hi)
				dst[k++] = item_before(&src[j], &src[i]) ?
						   src[j++] :
						   src[i++];
			while (i < mid)
				dst[k++] = src[i++];
			while (j < hi)
				dst[k++] = src[j++];
		}
		t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof(*v));
}

/* A double as an unsigned number of the same order (-0 as 0). */
static bool double_key(double d, uint64_t *key)
{
	uint64_t bits;

	if (isnan(d))
		return false;
	if (d == 0)
		d = 0;
	memcpy(&bits, &d, sizeof(bits));
	*key = (bits >> 63) ? ~bits : bits | (1ull << 63);
	return true;
}

/* The value of @key as an unsigned number of the same order. */
static bool row_key(const struct ms_slab_row *r, enum ms_slab_sort_key key,
		    uint64_t *out)
{
	const struct ms_slab_cache *c = r->cache;

	switch (key) {
	case MS_SLAB_SORT_ACTIVE_OBJS:
		*out = c->active_objs;
		return true;
	case MS_SLAB_SORT_OBJS_PER_SLAB:
		*out = c->objs_per_slab;
		return true;
	case MS_SLAB_SORT_CACHE_SIZE:
		*out = r->bytes;
		return true;
	case MS_SLAB_SORT_SLABS:
		*out = c->num_slabs;
		return true;
	case MS_SLAB_SORT_ACTIVE_SLABS:
		*out = c->active_slabs;
		return true;
	case MS_SLAB_SORT_OBJS:
		*out = c->num_objs;
		return true;
	case MS_SLAB_SORT_PAGES_PER_SLAB:
		*out = c->pages_per_slab;
		return true;
	case MS_SLAB_SORT_OBJ_SIZE:
		*out = c->obj_size;
		return true;
	case MS_SLAB_SORT_USE:
		return double_key(r->use_pct, out);
	case MS_SLAB_SORT_GROWTH:
		return double_key(r->bytes_per_s, out);
	case MS_SLAB_SORT_WASTE:
		*out = r->waste_bytes;
		return true;
	case MS_SLAB_SORT_NAME:
	case MS_SLAB_NR_SORT_KEYS:
		break;
	}
	return false;
}

/*
 * Numeric keys: (key, position) pairs with the key turned so that the
 * ascending order of the pairs is the wanted one. Return: false when
 * the key is not numeric (or a value is not a number).
 */
static bool sort_items(struct sort_item *v, struct sort_item *tmp,
		       const struct ms_slab_model *m,
		       const struct sort_ctx *ctx)
{
	/* every key but the name sorts from the largest down */
	bool down = !ctx->reverse;
	size_t i;

	for (i = 0; i < m->nr_rows; i++) {
		uint64_t k;

		if (!row_key(&m->rows[i], ctx->key, &k))
			return false;
		v[i].key = down ? ~k : k;
		v[i].index = m->rows[i].index;
		v[i].at = i;
	}
	sort_items_merge(v, tmp, m->nr_rows);
	return true;
}

/*
 * A live screen sorts the same rows again on every redraw: a pass that
 * finds them in order already is all it costs then. Otherwise small
 * (key, position) items are sorted rather than the rows, which are
 * large to move around and slow to compare through the key's switch,
 * and the rows copied once into their places. Names are compared as
 * before, through pointers.
 */
void ms_slab_sort(struct ms_slab_model *m, enum ms_slab_sort_key key,
		  bool reverse)
{
	struct sort_ctx ctx = { key, reverse };
	struct sort_item *items = NULL;
	const struct ms_slab_row **v = NULL;
	struct ms_slab_row *tmp;
	size_t i, n = m->nr_rows;

	if ((unsigned int)key >= MS_SLAB_NR_SORT_KEYS || n < 2)
		return;
	for (i = 1; i < n; i++)
		if (cmp_rows(&m->rows[i - 1], &m->rows[i], &ctx) > 0)
			break;
	if (i == n)
		return;
	tmp = malloc(n * sizeof(*tmp));
	items = malloc(2 * n * sizeof(*items));
	if (!tmp || !items)
		goto out_in_place;
	if (sort_items(items, items + n, m, &ctx)) {
		for (i = 0; i < n; i++)
			tmp[i] = m->rows[items[i].at];
	} else {
		v = malloc(n * sizeof(*v));
		if (!v)
			goto out_in_place;
		for (i = 0; i < n; i++)
			v[i] = &m->rows[i];
		qsort_r(v, n, sizeof(*v), cmp_row_ptrs, &ctx);
		for (i = 0; i < n; i++)
			tmp[i] = *v[i];
	}
	memcpy(m->rows, tmp, n * sizeof(*tmp));
	goto out_free;

out_in_place:
	/* no memory for the fast way */
	qsort_r(m->rows, n, sizeof(*m->rows), cmp_rows, &ctx);
out_free:
	free(v);
	free(items);
	free(tmp);
}

/* ---- matching caches between samples ---- */

struct cache_key {
	const char *name;
	unsigned int dup_index;
};

static int cmp_cache_key(const char *name, unsigned int dup, const char *name2,
			 unsigned int dup2)
{
	int r = strcmp(name, name2);

	return r ? r : CMP(dup, dup2);
}

static int cmp_cache_ptr(const void *a, const void *b)
{
	const struct ms_slab_cache *x = *(const struct ms_slab_cache *const *)a;
	const struct ms_slab_cache *y = *(const struct ms_slab_cache *const *)b;

	return cmp_cache_key(x->name, x->dup_index, y->name, y->dup_index);
}

static int cmp_key_cache_ptr(const void *k, const void *e)
{
	const struct cache_key *key = k;
	const struct ms_slab_cache *c = *(const struct ms_slab_cache *const *)e;

	return cmp_cache_key(key->name, key->dup_index, c->name, c->dup_index);
}

static bool to_s64(uint64_t v, int64_t *out)
{
	if (v > INT64_MAX)
		return false;
	*out = (int64_t)v;
	return true;
}

/* *out = a - b for two counters, both below 2^63 */
static bool delta_u64(uint64_t a, uint64_t b, int64_t *out)
{
	int64_t sa, sb;

	if (!to_s64(a, &sa) || !to_s64(b, &sb))
		return false;
	*out = sa - sb;
	return true;
}

/*
 * Finds the caches of a previous sample by (name, dup_index). Two
 * samples of one machine list nearly always the same caches in the same
 * order, so the cache at the row's own position is tried first; the
 * sorted index for a binary search is built on the first miss only.
 */
struct matcher {
	const struct ms_slabinfo *prev;
	const struct ms_slab_cache **sorted;
};

static int match(struct matcher *mt, const struct ms_slab_cache *c,
		 size_t index, const struct ms_slab_cache **out)
{
	const struct ms_slabinfo *prev = mt->prev;
	struct cache_key key = { c->name, c->dup_index };
	const struct ms_slab_cache **hit;
	size_t i;

	*out = NULL;
	if (index < prev->nr_caches) {
		const struct ms_slab_cache *p = &prev->caches[index];

		if (p->dup_index == c->dup_index && !strcmp(p->name, c->name)) {
			*out = p;
			return 0;
		}
	}
	if (!prev->nr_caches)
		return 0;
	if (!mt->sorted) {
		mt->sorted = malloc(prev->nr_caches * sizeof(*mt->sorted));
		if (!mt->sorted)
			return -ENOMEM;
		for (i = 0; i < prev->nr_caches; i++)
			mt->sorted[i] = &prev->caches[i];
		qsort(mt->sorted, prev->nr_caches, sizeof(*mt->sorted),
		      cmp_cache_ptr);
	}
	hit = bsearch(&key, mt->sorted, prev->nr_caches, sizeof(*mt->sorted),
		      cmp_key_cache_ptr);
	if (hit)
		*out = *hit;
	return 0;
}

/*
 * Matches the rows of @m with the caches of @prev and writes the
 * differences to the delta_* fields (or, @since_start, to the start_*
 * fields).
 */
static int delta_core(struct ms_slab_model *m, const struct ms_slabinfo *prev,
		      double elapsed_s, bool since_start, struct ms_diag *diag)
{
	struct matcher mt = { prev, NULL };
	struct ms_slab_totals *t = &m->totals;
	unsigned int new_flag =
		since_start ? MS_SLAB_NEW_SINCE_START : MS_SLAB_NEW;
	size_t new_caches = 0, gone_caches = 0;
	uint64_t prev_total = 0;
	int64_t total_delta;
	bool *matched = NULL;
	size_t i;
	int err;

	if (!(elapsed_s > 0) || !isfinite(elapsed_s))
		return ms_diag_set(
			diag, NULL, 0, -EINVAL,
			"expected a positive time between samples, found %g",
			elapsed_s);
	if (prev->nr_caches) {
		matched = calloc(prev->nr_caches, sizeof(*matched));
		if (!matched) {
			err = ms_diag_set(diag, NULL, 0, -ENOMEM,
					  "out of memory");
			goto out_free;
		}
	}
	for (i = 0; i < prev->nr_caches; i++) {
		uint64_t b;

		if (!cache_bytes(&prev->caches[i], m->page_size, &b)) {
			err = size_overflow(diag, &prev->caches[i]);
			goto out_free;
		}
		if (!add_u64(&prev_total, b)) {
			err = total_overflow(diag);
			goto out_free;
		}
	}
	for (i = 0; i < m->nr_rows; i++) {
		struct ms_slab_row *r = &m->rows[i];
		const struct ms_slab_cache *c = r->cache, *p = NULL;
		uint64_t pb = 0, pab = 0, po = 0, pao = 0;
		int64_t db, dab, dobj, daobj;

		if (match(&mt, c, r->index, &p)) {
			err = ms_diag_set(diag, NULL, 0, -ENOMEM,
					  "out of memory");
			goto out_free;
		}
		r->flags &= ~new_flag;
		if (p) {
			matched[p - prev->caches] = true;
			if (!cache_bytes(p, m->page_size, &pb) ||
			    __builtin_mul_overflow(p->active_objs, p->obj_size,
						   &pab)) {
				err = size_overflow(diag, p);
				goto out_free;
			}
			po = p->num_objs;
			pao = p->active_objs;
		} else {
			r->flags |= new_flag;
			new_caches++;
		}
		if (!delta_u64(r->bytes, pb, &db) ||
		    !delta_u64(r->active_bytes, pab, &dab) ||
		    !delta_u64(c->num_objs, po, &dobj) ||
		    !delta_u64(c->active_objs, pao, &daobj)) {
			err = size_overflow(diag, c);
			goto out_free;
		}
		if (since_start) {
			r->start_delta_bytes = db;
			r->start_delta_objs = dobj;
			r->start_delta_active_objs = daobj;
			r->start_bytes_per_s = (double)db / elapsed_s;
			r->start_objs_per_s = (double)dobj / elapsed_s;
			r->flags |= MS_SLAB_HAS_START_DELTA;
		} else {
			r->delta_bytes = db;
			r->delta_active_bytes = dab;
			r->delta_objs = dobj;
			r->delta_active_objs = daobj;
			r->bytes_per_s = (double)db / elapsed_s;
			r->objs_per_s = (double)dobj / elapsed_s;
			r->active_objs_per_s = (double)daobj / elapsed_s;
			r->flags |= MS_SLAB_HAS_DELTA;
		}
	}
	for (i = 0; i < prev->nr_caches; i++)
		if (!matched[i])
			gone_caches++;
	if (!delta_u64(t->bytes, prev_total, &total_delta)) {
		err = total_overflow(diag);
		goto out_free;
	}
	if (since_start) {
		t->start_delta_bytes = total_delta;
		t->start_bytes_per_s = (double)total_delta / elapsed_s;
		m->has_start_delta = true;
		m->start_elapsed_s = elapsed_s;
	} else {
		t->new_caches = new_caches;
		t->gone_caches = gone_caches;
		t->delta_bytes = total_delta;
		t->bytes_per_s = (double)total_delta / elapsed_s;
		m->has_delta = true;
		m->elapsed_s = elapsed_s;
	}
	err = 0;

out_free:
	free(matched);
	free(mt.sorted);
	return err;
}

int ms_slab_model_delta(struct ms_slab_model *m, const struct ms_slabinfo *prev,
			double elapsed_s, struct ms_diag *diag)
{
	return delta_core(m, prev, elapsed_s, false, diag);
}

int ms_slab_model_delta_start(struct ms_slab_model *m,
			      const struct ms_slabinfo *first, double elapsed_s,
			      struct ms_diag *diag)
{
	return delta_core(m, first, elapsed_s, true, diag);
}

/* ---- growth detection ---- */

/*
 * One cache's history: @count values of bytes, oldest at @head, in
 * ring[@slot * window ...].
 */
struct ms_slab_track {
	char name[MS_SLAB_NAME_MAX];
	unsigned int dup_index;
	unsigned int count;
	unsigned int head;
	size_t slot;
};

int ms_slab_growth_init(struct ms_slab_growth *g,
			const struct ms_slab_growth_opts *opts,
			struct ms_diag *diag)
{
	memset(g, 0, sizeof(*g));
	if (opts->window < 2 || opts->window > MS_SLAB_GROWTH_MAX_WINDOW)
		return ms_diag_set(
			diag, NULL, 0, -EINVAL,
			"expected a growth window of 2 to %d samples, found %u",
			MS_SLAB_GROWTH_MAX_WINDOW, opts->window);
	if (!(opts->min_pct >= 0) || !isfinite(opts->min_pct))
		return ms_diag_set(
			diag, NULL, 0, -EINVAL,
			"expected a growth percentage of 0 or more, found %g",
			opts->min_pct);
	g->opts = *opts;
	return 0;
}

void ms_slab_growth_release(struct ms_slab_growth *g)
{
	free(g->tracks);
	free(g->ring);
	memset(g, 0, sizeof(*g));
}

static int cmp_track_ptr(const void *a, const void *b)
{
	const struct ms_slab_track *x = *(const struct ms_slab_track *const *)a;
	const struct ms_slab_track *y = *(const struct ms_slab_track *const *)b;

	return cmp_cache_key(x->name, x->dup_index, y->name, y->dup_index);
}

static int cmp_key_track_ptr(const void *k, const void *e)
{
	const struct cache_key *key = k;
	const struct ms_slab_track *t = *(const struct ms_slab_track *const *)e;

	return cmp_cache_key(key->name, key->dup_index, t->name, t->dup_index);
}

static void judge(const struct ms_slab_growth_opts *o,
		  const struct ms_slab_track *t, const uint64_t *ring,
		  struct ms_slab_row *r)
{
	unsigned int w = o->window, i;
	uint64_t first, last, growth;
	bool growing;

	r->flags &= ~(unsigned int)(MS_SLAB_GROWING | MS_SLAB_GROWTH_FROM_ZERO);
	r->growth_samples = t->count;
	r->growth_bytes = 0;
	r->growth_pct = 0;
	if (t->count < w)
		return;
	for (i = 1; i < w; i++) {
		uint64_t a = ring[(t->head + i - 1) % w];
		uint64_t b = ring[(t->head + i) % w];

		if (b < a || (o->strict && b == a))
			return;
	}
	first = ring[t->head];
	last = ring[(t->head + w - 1) % w];
	growth = last - first;
	r->growth_bytes = growth;
	if (first)
		r->growth_pct = 100.0 * (double)growth / (double)first;
	else if (growth)
		r->flags |= MS_SLAB_GROWTH_FROM_ZERO;
	growing = growth > o->min_bytes;
	if (growing && o->min_pct > 0 && first)
		growing = r->growth_pct > o->min_pct;
	if (growing)
		r->flags |= MS_SLAB_GROWING;
}

/*
 * The history of cache @key, kept at the position @index the cache had
 * in the file; like match(), the position is tried first and a sorted
 * index built on the first miss.
 */
static int find_track(const struct ms_slab_growth *g,
		      const struct ms_slab_track ***sorted,
		      const struct cache_key *key, size_t index,
		      const struct ms_slab_track **out)
{
	const struct ms_slab_track **hit;
	size_t i;

	*out = NULL;
	if (index < g->nr_tracks) {
		const struct ms_slab_track *t = &g->tracks[index];

		if (t->dup_index == key->dup_index &&
		    !strcmp(t->name, key->name)) {
			*out = t;
			return 0;
		}
	}
	if (!g->nr_tracks)
		return 0;
	if (!*sorted) {
		*sorted = malloc(g->nr_tracks * sizeof(**sorted));
		if (!*sorted)
			return -ENOMEM;
		for (i = 0; i < g->nr_tracks; i++)
			(*sorted)[i] = &g->tracks[i];
		qsort(*sorted, g->nr_tracks, sizeof(**sorted), cmp_track_ptr);
	}
	hit = bsearch(key, *sorted, g->nr_tracks, sizeof(**sorted),
		      cmp_key_track_ptr);
	if (hit)
		*out = *hit;
	return 0;
}

int ms_slab_growth_update(struct ms_slab_growth *g, struct ms_slab_model *m,
			  struct ms_diag *diag)
{
	unsigned int w = g->opts.window;
	const struct ms_slab_track **sorted = NULL;
	struct ms_slab_track *tracks = NULL;
	uint64_t *ring = NULL;
	size_t i;

	if (m->nr_rows) {
		tracks = calloc(m->nr_rows, sizeof(*tracks));
		ring = calloc(m->nr_rows * w, sizeof(*ring));
		if (!tracks || !ring)
			goto out_nomem;
	}
	m->totals.growing_caches = 0;
	for (i = 0; i < m->nr_rows; i++) {
		struct ms_slab_row *r = &m->rows[i];
		struct cache_key key = { r->cache->name, r->cache->dup_index };
		/* the rows are m's caches in some order: index is unique */
		struct ms_slab_track *t = &tracks[r->index];
		const struct ms_slab_track *old;
		uint64_t *slice = ring + r->index * w;

		if (find_track(g, &sorted, &key, r->index, &old))
			goto out_nomem;
		memcpy(t->name, r->cache->name, sizeof(t->name));
		t->dup_index = r->cache->dup_index;
		t->slot = r->index;
		if (old) {
			memcpy(slice, g->ring + old->slot * w,
			       w * sizeof(*slice));
			t->count = old->count;
			t->head = old->head;
		}
		if (t->count < w) {
			slice[(t->head + t->count) % w] = r->bytes;
			t->count++;
		} else {
			slice[t->head] = r->bytes;
			t->head = (t->head + 1) % w;
		}
		judge(&g->opts, t, slice, r);
		if (r->flags & MS_SLAB_GROWING)
			m->totals.growing_caches++;
	}
	free(sorted);
	free(g->tracks);
	free(g->ring);
	g->tracks = tracks;
	g->ring = ring;
	g->nr_tracks = m->nr_rows;
	return 0;

out_nomem:
	free(sorted);
	free(tracks);
	free(ring);
	return ms_diag_set(diag, NULL, 0, -ENOMEM, "out of memory");
}

/* ---- meminfo ---- */

static bool kb_to_bytes(uint64_t kb, uint64_t *bytes)
{
	return !__builtin_mul_overflow(kb, 1024, bytes);
}

int ms_slab_meminfo_check(const struct ms_slab_model *m,
			  const struct ms_kv *meminfo,
			  struct ms_slab_meminfo_check *chk,
			  struct ms_diag *diag)
{
	uint64_t slab_kb, rec_kb = 0, unrec_kb = 0;
	bool has_rec, has_unrec;

	memset(chk, 0, sizeof(*chk));
	if (!ms_kv_get(meminfo, "Slab", &slab_kb))
		return ms_diag_set(diag, "meminfo", 0, -ENOENT,
				   "expected a 'Slab' line");
	has_rec = ms_kv_get(meminfo, "SReclaimable", &rec_kb);
	has_unrec = ms_kv_get(meminfo, "SUnreclaim", &unrec_kb);
	if (!kb_to_bytes(slab_kb, &chk->slab_bytes) ||
	    !kb_to_bytes(rec_kb, &chk->sreclaimable_bytes) ||
	    !kb_to_bytes(unrec_kb, &chk->sunreclaim_bytes))
		return ms_diag_set(
			diag, "meminfo", 0, -EOVERFLOW,
			"expected the slab sizes in bytes to fit in 64 bits");
	chk->has_split = has_rec && has_unrec;
	chk->slabinfo_bytes = m->totals.bytes;
	if (!delta_u64(chk->slabinfo_bytes, chk->slab_bytes, &chk->diff_bytes))
		return ms_diag_set(
			diag, "meminfo", 0, -EOVERFLOW,
			"expected the slab sizes in bytes to fit in 63 bits");
	if (chk->slab_bytes)
		chk->diff_pct = 100.0 * (double)chk->diff_bytes /
				(double)chk->slab_bytes;
	return 0;
}
