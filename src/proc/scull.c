// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/scullpmem and /proc/scullvmem of kmod/ (scull_seq_show() in
 * kmod/scull.c): a "NAME - version: N" header, then per device
 * "device NAME key value ..." and per quantum "  quantum IDX key value
 * ...". Keys are taken by name; keys and line keywords this parser does
 * not know are skipped, as kmod/README asks of readers.
 *
 * Also a minimal scan of /proc/vmallocinfo (start, size, caller, pages),
 * all that matching scullv quanta to their areas needs.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc/scull.h"
#include "proc/vmallocinfo.h"
#include "lib/banned.h"

/* Fields of one line: keyword, name or index, then up to 30 pairs. */
#define MAX_TOKS 64

enum kv_type {
	KV_U64,
	KV_NODE,  /* a NUMA node id, 0..65535 */
	KV_ORDER, /* a page order, 0..63 */
	KV_RANGE, /* "0xSTART-0xEND" */
};

struct kv_want {
	const char *key;
	enum kv_type type;
	void *dst; /* uint64_t (KV_U64), int, unsigned int or uint64_t[2] */
	bool required;
	bool seen;
};

struct scull_parser {
	struct ms_scull *sc;
	const char *name;
	struct ms_diag *diag;
	size_t cap_devs;
	size_t cap_quanta;
	unsigned int lineno;
};

static int fail(struct scull_parser *p, const char *fmt, ...) MS_PRINTF(2, 3);

static int fail(struct scull_parser *p, const char *fmt, ...)
{
	char msg[sizeof(p->diag->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL, "%s", msg);
}

/*
 * One "0x..." address of a range. "%pK" prints "(____ptrval____)" until
 * the kernel's random pool is ready (early boot): no address, taken as 0
 * like a hidden one.
 */
static int parse_addr(const char *s, size_t len, uint64_t *v)
{
	if (len < 3 || memcmp(s, "0x", 2))
		return -EINVAL;
	if (len == 18 && !memcmp(s + 2, "(____ptrval____)", 16)) {
		*v = 0;
		return 0;
	}
	return ms_parse_hex_u64(s, len, v);
}

/* "0xSTART-0xEND" */
static int parse_range(const struct ms_tok *t, uint64_t *r)
{
	const char *dash = memchr(t->s, '-', t->len);
	size_t a;

	if (!dash)
		return -EINVAL;
	a = (size_t)(dash - t->s);
	if (parse_addr(t->s, a, &r[0]) ||
	    parse_addr(dash + 1, t->len - a - 1, &r[1]))
		return -EINVAL;
	return 0;
}

static int set_value(struct scull_parser *p, struct kv_want *w,
		     const struct ms_tok *t)
{
	char q[64];
	uint64_t v;

	ms_quote_tok(q, sizeof(q), t->s, t->len);
	if (w->type == KV_RANGE) {
		if (parse_range(t, w->dst))
			return fail(p,
				    "key '%s': expected 0xSTART-0xEND, "
				    "found '%s'",
				    w->key, q);
		return 0;
	}
	if (ms_parse_u64(t->s, t->len, &v))
		return fail(p, "key '%s': expected a number, found '%s'",
			    w->key, q);
	switch (w->type) {
	case KV_U64:
		*(uint64_t *)w->dst = v;
		break;
	case KV_NODE:
		if (v > 65535)
			return fail(p,
				    "key '%s': expected a node from 0 to "
				    "65535, found '%s'",
				    w->key, q);
		*(int *)w->dst = (int)v;
		break;
	case KV_ORDER:
		if (v > 63)
			return fail(p,
				    "key '%s': expected an order from 0 "
				    "to 63, found '%s'",
				    w->key, q);
		*(unsigned int *)w->dst = (unsigned int)v;
		break;
	case KV_RANGE:
		break;
	}
	return 0;
}

/* The "key value" pairs of toks[2..ntok) into @want. */
static int parse_pairs(struct scull_parser *p, const struct ms_tok *toks,
		       int ntok, struct kv_want *want, size_t nr_want)
{
	char q[64];
	size_t k;
	int i, err;

	for (i = 2; i < ntok; i += 2) {
		ms_quote_tok(q, sizeof(q), toks[i].s, toks[i].len);
		if (i + 1 >= ntok)
			return fail(p, "expected a value after key '%s'", q);
		for (k = 0; k < nr_want; k++)
			if (ms_tok_eq(&toks[i], want[k].key))
				break;
		if (k == nr_want)
			continue; /* a key of a later version */
		if (want[k].seen)
			return fail(p, "key '%s' repeated", q);
		want[k].seen = true;
		err = set_value(p, &want[k], &toks[i + 1]);
		if (err)
			return err;
	}
	for (k = 0; k < nr_want; k++)
		if (want[k].required && !want[k].seen)
			return fail(p, "expected key '%s'", want[k].key);
	return 0;
}

static int parse_header(struct scull_parser *p, const struct ms_tok *toks,
			int ntok, const char *expect)
{
	const struct ms_tok *v = &toks[3];
	const char *dot;
	uint64_t major;
	char q[64];

	if (ntok != 4 || !ms_tok_eq(&toks[0], expect) ||
	    !ms_tok_eq(&toks[1], "-") || !ms_tok_eq(&toks[2], "version:"))
		return fail(p, "expected '%s - version: N'", expect);
	dot = memchr(v->s, '.', v->len);
	if (ms_parse_u64(v->s, dot ? (size_t)(dot - v->s) : v->len, &major))
		return fail(p, "expected a version number, found '%s'",
			    ms_quote_tok(q, sizeof(q), v->s, v->len));
	if (major != MS_SCULL_VERSION)
		return fail(p,
			    "format version %s is not supported (memscope "
			    "reads version %d)",
			    ms_quote_tok(q, sizeof(q), v->s, v->len),
			    MS_SCULL_VERSION);
	p->sc->version = (unsigned int)major;
	return 0;
}

/* The device before the current one is complete: check its count. */
static int close_dev(struct scull_parser *p)
{
	struct ms_scull *sc = p->sc;
	struct ms_scull_dev *d;
	size_t listed;

	if (!sc->nr_devs)
		return 0;
	d = &sc->devs[sc->nr_devs - 1];
	listed = sc->nr_quanta - d->first;
	if (d->nr_quanta != listed)
		return ms_diag_set(p->diag, p->name, d->line, -EINVAL,
				   "device %s declares %llu quanta but %zu "
				   "quantum lines follow",
				   d->name, (unsigned long long)d->nr_quanta,
				   listed);
	return 0;
}

static int grow(struct scull_parser *p, void **arr, size_t *cap, size_t nr,
		size_t size)
{
	size_t ncap;
	void *n;

	if (nr < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	n = realloc(*arr, ncap * size);
	if (!n)
		return ms_diag_set(p->diag, p->name, 0, -ENOMEM,
				   "out of memory");
	*arr = n;
	*cap = ncap;
	return 0;
}

static int parse_device(struct scull_parser *p, const struct ms_tok *toks,
			int ntok)
{
	struct ms_scull *sc = p->sc;
	struct ms_scull_dev *d;
	bool is_p = sc->kind == MS_SCULL_P;
	char q[64];
	size_t i;
	int err;

	err = close_dev(p);
	if (err)
		return err;
	err = grow(p, (void **)&sc->devs, &p->cap_devs, sc->nr_devs,
		   sizeof(*sc->devs));
	if (err)
		return err;
	d = &sc->devs[sc->nr_devs];
	memset(d, 0, sizeof(*d));
	if (ntok < 2 ||
	    ms_tok_copy(d->name, sizeof(d->name), toks[1].s, toks[1].len))
		return fail(p,
			    "expected a device name of at most %d "
			    "characters after 'device'",
			    MS_SCULL_NAME_MAX - 1);
	if (!ms_is_word(toks[1].s, toks[1].len))
		return fail(p,
			    "expected a device name after 'device', found "
			    "'%s'",
			    ms_quote_tok(q, sizeof(q), toks[1].s, toks[1].len));
	for (i = 0; i < sc->nr_devs; i++)
		if (!strcmp(sc->devs[i].name, d->name))
			return fail(p, "device '%s' listed twice",
				    ms_quote_tok(q, sizeof(q), d->name,
						 strlen(d->name)));
	{
		struct kv_want want[] = {
			{ "qset", KV_U64, &d->qset, true, false },
			{ is_p ? "order" : "pages", is_p ? KV_ORDER : KV_U64,
			  is_p ? (void *)&d->order : (void *)&d->pages, true,
			  false },
			{ "quantum", KV_U64, &d->quantum_bytes, true, false },
			{ "size", KV_U64, &d->size_bytes, true, false },
			{ "quanta", KV_U64, &d->nr_quanta, true, false },
		};

		err = parse_pairs(p, toks, ntok, want, ARRAY_SIZE(want));
		if (err)
			return err;
	}
	if (!d->quantum_bytes)
		return fail(p, "expected a quantum of at least one byte");
	d->first = sc->nr_quanta;
	d->line = p->lineno;
	sc->nr_devs++;
	return 0;
}

static int parse_quantum(struct scull_parser *p, const struct ms_tok *toks,
			 int ntok)
{
	struct ms_scull *sc = p->sc;
	struct ms_scull_quantum *qt;
	const struct ms_scull_dev *d;
	uint64_t range[2] = { 0, 0 };
	char q[64];
	int err;

	if (!sc->nr_devs)
		return fail(p, "expected a 'device' line before 'quantum'");
	d = &sc->devs[sc->nr_devs - 1];
	err = grow(p, (void **)&sc->quanta, &p->cap_quanta, sc->nr_quanta,
		   sizeof(*sc->quanta));
	if (err)
		return err;
	qt = &sc->quanta[sc->nr_quanta];
	memset(qt, 0, sizeof(*qt));
	qt->node = -1;
	qt->line = p->lineno;
	if (ntok < 2 || ms_parse_u64(toks[1].s, toks[1].len, &qt->index))
		return fail(p, "expected a quantum index, found '%s'",
			    ntok < 2 ? "" :
				       ms_quote_tok(q, sizeof(q), toks[1].s,
						    toks[1].len));
	if (sc->nr_quanta > d->first &&
	    qt->index <= sc->quanta[sc->nr_quanta - 1].index)
		return fail(p,
			    "quantum %llu after quantum %llu: expected "
			    "ascending indices",
			    (unsigned long long)qt->index,
			    (unsigned long long)sc->quanta[sc->nr_quanta - 1]
				    .index);
	if (sc->kind == MS_SCULL_P) {
		struct kv_want want[] = {
			{ "pfn", KV_U64, &qt->pfn, true, false },
			{ "order", KV_ORDER, &qt->order, true, false },
			{ "node", KV_NODE, &qt->node, false, false },
		};

		err = parse_pairs(p, toks, ntok, want, ARRAY_SIZE(want));
		if (err)
			return err;
		if (qt->order != d->order)
			return fail(p,
				    "quantum of order %u in device %s of "
				    "order %u",
				    qt->order, d->name, d->order);
		if (qt->pfn & (((uint64_t)1 << qt->order) - 1))
			return fail(p, "pfn %llu is not aligned to order %u",
				    (unsigned long long)qt->pfn, qt->order);
	} else {
		struct kv_want want[] = {
			{ "addr", KV_RANGE, range, true, false },
			{ "pages", KV_U64, &qt->pages, true, false },
		};

		err = parse_pairs(p, toks, ntok, want, ARRAY_SIZE(want));
		if (err)
			return err;
		qt->start = range[0];
		qt->end = range[1];
	}
	sc->nr_quanta++;
	return 0;
}

static int scull_parse(struct ms_scull *sc, enum ms_scull_kind kind,
		       const char *buf, size_t len, const char *name,
		       struct ms_diag *diag)
{
	const char *header = kind == MS_SCULL_P ? "scullpmem" : "scullvmem";
	struct scull_parser p = { sc, name, diag, 0, 0, 0 };
	struct ms_tok toks[MAX_TOKS];
	struct ms_cursor cur;
	const char *line;
	size_t n;
	bool seen_header = false;
	int ret, ntok, err;

	memset(sc, 0, sizeof(*sc));
	sc->kind = kind;
	ms_cursor_init(&cur, buf, len);
	while ((ret = ms_cursor_next(&cur, &line, &n)) != 0) {
		p.lineno = cur.lineno;
		if (ret < 0) {
			err = fail(&p, "unexpected binary data");
			goto out_err;
		}
		ntok = ms_tokenize(line, n, toks, MAX_TOKS);
		if (ntok < 0) {
			err = fail(&p, "more than %d fields", MAX_TOKS);
			goto out_err;
		}
		if (!seen_header) {
			err = parse_header(&p, toks, ntok, header);
			if (err)
				goto out_err;
			seen_header = true;
			continue;
		}
		if (ntok == 0)
			continue;
		if (ms_tok_eq(&toks[0], "device"))
			err = parse_device(&p, toks, ntok);
		else if (ms_tok_eq(&toks[0], "quantum"))
			err = parse_quantum(&p, toks, ntok);
		else
			err = 0; /* a line of a later version */
		if (err)
			goto out_err;
	}
	if (!seen_header) {
		p.lineno = 0;
		err = ms_diag_set(diag, name, 0, -EINVAL,
				  "expected '%s - version: N', found an empty "
				  "file",
				  header);
		goto out_err;
	}
	err = close_dev(&p);
	if (err)
		goto out_err;
	return 0;

out_err:
	ms_scull_release(sc);
	return err;
}

int ms_scullpmem_parse(struct ms_scull *sc, const char *buf, size_t len,
		       const char *name, struct ms_diag *diag)
{
	return scull_parse(sc, MS_SCULL_P, buf, len, name, diag);
}

int ms_scullvmem_parse(struct ms_scull *sc, const char *buf, size_t len,
		       const char *name, struct ms_diag *diag)
{
	return scull_parse(sc, MS_SCULL_V, buf, len, name, diag);
}

void ms_scull_release(struct ms_scull *sc)
{
	free(sc->devs);
	free(sc->quanta);
	memset(sc, 0, sizeof(*sc));
}

static int cmp_area(const void *x, const void *y)
{
	const struct ms_vmarea *a = x, *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return (a->line > b->line) - (a->line < b->line);
}

int ms_vmareas_build(struct ms_vmareas *va, const struct ms_vmallocinfo *vi)
{
	size_t i;

	memset(va, 0, sizeof(*va));
	if (!vi->nr_areas)
		return 0;
	va->areas = calloc(vi->nr_areas, sizeof(*va->areas));
	if (!va->areas)
		return -ENOMEM;
	for (i = 0; i < vi->nr_areas; i++) {
		const struct ms_vmalloc_area *src = &vi->areas[i];
		const struct ms_vmalloc_caller *c =
			ms_vmalloc_area_caller(vi, src);
		struct ms_vmarea *a = &va->areas[i];

		a->start = src->start;
		a->end = src->end;
		a->size_bytes = src->size_bytes;
		a->pages = src->pages;
		a->line = src->line;
		if (c && !c->is_address && c->symbol != MS_VMALLOC_NONE)
			snprintf(a->caller, sizeof(a->caller), "%s",
				 vi->symbols[c->symbol]);
		if (c && ms_vmalloc_caller_module(vi, c))
			snprintf(a->module, sizeof(a->module), "%s",
				 ms_vmalloc_caller_module(vi, c));
	}
	va->nr_areas = vi->nr_areas;
	va->hidden = vi->addrs == MS_VMALLOC_ADDRS_HIDDEN;
	qsort(va->areas, va->nr_areas, sizeof(*va->areas), cmp_area);
	return 0;
}

void ms_vmareas_release(struct ms_vmareas *va)
{
	free(va->areas);
	memset(va, 0, sizeof(*va));
}

const struct ms_vmarea *ms_vmareas_find(const struct ms_vmareas *va,
					uint64_t start)
{
	size_t lo = 0, hi = va->nr_areas;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (va->areas[mid].start < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < va->nr_areas && va->areas[lo].start == start)
		return &va->areas[lo];
	return NULL;
}
