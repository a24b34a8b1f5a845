// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/slabinfo, versions 2.0 and 2.1.
 *
 * Printed by print_slabinfo_header() and cache_show() in
 * mm/slab_common.c (3.x and later; s_start()/s_show() in mm/slab.c
 * before): a version line, a "# name" line naming the columns, then per
 * cache
 *
 *   "%-17s %6lu %6lu %6u %4u %4d"       name active_objs num_objs objsize
 *                                        objperslab pagesperslab
 *   " : tunables %4u %4u %4u"           limit batchcount sharedfactor
 *   " : slabdata %6lu %6lu %6lu"        active_slabs num_slabs sharedavail
 *
 * SLAB built with CONFIG_DEBUG_SLAB says "2.x (statistics)" and appends
 * " : globalstat ..." and " : cpustat ..." sections whose columns changed
 * over time (7 globalstat columns in 2.0, 8 and then 9 in 2.1), so the
 * columns are located by the names in the header rather than assumed.
 *
 * One exception: the tunables labels cannot be trusted. From 2.6.0 until
 * a fix in 2.6.11 (Feb 2005) the header said "<batchcount> <limit>" while
 * s_show() printed cachep->limit and then cachep->batchcount, the order
 * every version has printed since. A header naming batchcount first is
 * that mislabel, and the values are still read as limit, batchcount
 * (SLAB refuses batchcount > limit, so "54 27" is limit 54).
 *
 * Each cache line is split from the right: a name longer than 17
 * characters, a name with spaces, or a count wider than its column
 * ("dentry            1358896 2903901") pushes the fixed columns out of
 * line, but the number of fields after the name is fixed by the header.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "proc/slabinfo.h"
#include "lib/banned.h"

#define LABEL_MAX 24
#define MAX_SECTIONS 8
/* Name words allowed on top of the columns of a cache line. */
#define MAX_NAME_TOKS 64

enum field {
	F_ACTIVE_OBJS,
	F_NUM_OBJS,
	F_OBJSIZE,
	F_OBJPERSLAB,
	F_PAGESPERSLAB,
	F_LIMIT,
	F_BATCHCOUNT,
	F_SHAREDFACTOR,
	F_ACTIVE_SLABS,
	F_NUM_SLABS,
	F_SHAREDAVAIL,
	NR_FIELDS,
};

/*
 * The columns memscope keeps, by section and header name, with the
 * largest value their printf conversion can produce.
 */
static const struct field_def {
	const char *section;
	const char *column;
	unsigned int bits;
} field_defs[NR_FIELDS] = {
	[F_ACTIVE_OBJS] = { "", "active_objs", 64 },	/* %6lu */
	[F_NUM_OBJS] = { "", "num_objs", 64 },		/* %6lu */
	[F_OBJSIZE] = { "", "objsize", 32 },		/* %6u */
	[F_OBJPERSLAB] = { "", "objperslab", 32 },	/* %4u */
	[F_PAGESPERSLAB] = { "", "pagesperslab", 31 },	/* %4d */
	[F_LIMIT] = { "tunables", "limit", 32 },	/* %4u */
	[F_BATCHCOUNT] = { "tunables", "batchcount", 32 },
	[F_SHAREDFACTOR] = { "tunables", "sharedfactor", 32 },
	[F_ACTIVE_SLABS] = { "slabdata", "active_slabs", 64 },
	[F_NUM_SLABS] = { "slabdata", "num_slabs", 64 },
	[F_SHAREDAVAIL] = { "slabdata", "sharedavail", 64 },
};

enum col_kind {
	COL_FIELD,	/* a value memscope keeps */
	COL_COUNTER,	/* a globalstat/cpustat counter: checked, not kept */
	COL_OTHER,	/* a column this parser does not know: not checked */
};

struct col {
	enum col_kind kind;
	enum field field;
	char label[LABEL_MAX];
};

struct section {
	char label[LABEL_MAX];	/* "" for the columns right after the name */
	unsigned int first;	/* index of its first column in layout.cols */
	unsigned int ncols;
};

struct layout {
	struct col cols[MS_SLABINFO_MAX_COLS];
	unsigned int ncols;
	struct section sect[MAX_SECTIONS];
	unsigned int nsect;
	/* fields tokens after the name: columns plus 2 per ':' label */
	unsigned int ntail;
};

/* Control bytes but the tab, and DEL: 1 */
static const unsigned char control[256] = {
	[0x00 ... 0x08] = 1, [0x0a ... 0x1f] = 1, [0x7f] = 1,
};

static int has_binary(const char *line, size_t len)
{
	const unsigned char *u = (const unsigned char *)line;
	unsigned char any = 0;
	size_t i;

	/* a '\r' only as the end of a CRLF line: names are printed */
	if (len && u[len - 1] == '\r')
		len--;
	/* no early exit: the loop stays branch-free over the whole line */
	for (i = 0; i < len; i++)
		any |= control[u[i]];
	return any;
}

/*
 * Header labels are printed in messages: printable ASCII only, as every
 * kernel writes them ("active_objs", "globalstat", "cpustat").
 */
static bool is_label(const char *s)
{
	for (; *s; s++)
		if (*s <= ' ' || *s > '~')
			return false;
	return true;
}

static int parse_version(struct ms_slabinfo *si, const char *line,
			 size_t line_len, const char *name, unsigned int lineno,
			 struct ms_diag *diag)
{
	struct ms_tok t[6];
	char q[64];
	int n;

	n = ms_tokenize(line, line_len, t, ARRAY_SIZE(t));
	if (n < 4 || !ms_tok_eq(&t[0], "slabinfo") || !ms_tok_eq(&t[1], "-") ||
	    !ms_tok_eq(&t[2], "version:"))
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected 'slabinfo - version: 2.x', found '%s'",
				   ms_quote_tok(q, sizeof(q), line, line_len));
	if (!ms_tok_eq(&t[3], "2.0") && !ms_tok_eq(&t[3], "2.1"))
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected slabinfo version 2.0 or 2.1, found '%s'",
				   ms_quote_tok(q, sizeof(q), t[3].s, t[3].len));
	if (n == 5 && ms_tok_eq(&t[4], "(statistics)")) {
		si->statistics = true;
	} else if (n != 4) {
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected '(statistics)' or the end of the line after the version, found '%s'",
				   ms_quote_tok(q, sizeof(q), t[4].s, t[4].len));
	}
	memcpy(si->version, t[3].s, 3);
	si->version[3] = '\0';
	return 0;
}

static int find_field(const char *section, const char *column)
{
	int f;

	for (f = 0; f < NR_FIELDS; f++)
		if (!strcmp(field_defs[f].section, section) &&
		    !strcmp(field_defs[f].column, column))
			return f;
	return -1;
}

/* Classify the columns of every section and check that none is missing. */
static int resolve_fields(struct layout *lay, const char *name,
			  unsigned int lineno, struct ms_diag *diag)
{
	int where[NR_FIELDS];
	unsigned int s, i;
	int f;

	for (f = 0; f < NR_FIELDS; f++)
		where[f] = -1;
	for (s = 0; s < lay->nsect; s++) {
		const struct section *sec = &lay->sect[s];
		bool counters = !strcmp(sec->label, "globalstat") ||
				!strcmp(sec->label, "cpustat");

		for (i = sec->first; i < sec->first + sec->ncols; i++) {
			struct col *c = &lay->cols[i];

			f = find_field(sec->label, c->label);
			if (f < 0) {
				c->kind = counters ? COL_COUNTER : COL_OTHER;
				continue;
			}
			if (where[f] >= 0)
				return ms_diag_set(diag, name, lineno, -EINVAL,
						   "expected column '<%s>' once in the header, found it twice",
						   c->label);
			c->kind = COL_FIELD;
			c->field = (enum field)f;
			where[f] = (int)i;
		}
	}
	for (f = 0; f < NR_FIELDS; f++) {
		if (where[f] >= 0)
			continue;
		if (field_defs[f].section[0])
			return ms_diag_set(diag, name, lineno, -EINVAL,
					   "expected column '<%s>' in the ': %s' section of the header",
					   field_defs[f].column,
					   field_defs[f].section);
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected column '<%s>' in the header",
				   field_defs[f].column);
	}
	/* The 2.0 and early 2.1 mislabel: see the comment at the top. */
	if (where[F_BATCHCOUNT] < where[F_LIMIT]) {
		lay->cols[where[F_BATCHCOUNT]].field = F_LIMIT;
		lay->cols[where[F_LIMIT]].field = F_BATCHCOUNT;
	}
	return 0;
}

/*
 * "# name            <active_objs> ... : tunables <limit> ... : slabdata
 * ..." into sections of column names. The 2.6.0-test1 header lacked some
 * closing '>' ("<limit <sharedfactor>"), so only the '<' is required.
 */
static int parse_header(struct layout *lay, const char *line, size_t line_len,
			const char *name, unsigned int lineno,
			struct ms_diag *diag)
{
	struct ms_tok t[MS_SLABINFO_MAX_COLS + 3];
	struct section *sec;
	char q[64];
	int n, i;

	memset(lay, 0, sizeof(*lay));
	n = ms_tokenize(line, line_len, t, ARRAY_SIZE(t));
	if (n == -E2BIG)
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected at most %d columns in the header",
				   MS_SLABINFO_MAX_COLS);
	if (n >= 2 && ms_tok_eq(&t[0], "#") && ms_tok_eq(&t[1], "name"))
		i = 2;
	else if (n >= 1 && ms_tok_eq(&t[0], "#name"))
		i = 1;
	else
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected the '# name' column header, found '%s'",
				   ms_quote_tok(q, sizeof(q), line, line_len));
	lay->nsect = 1;
	sec = &lay->sect[0];
	for (; i < n; i++) {
		const struct ms_tok *tok = &t[i];

		if (ms_tok_eq(tok, ":")) {
			if (sec->ncols == 0)
				break;
			if (i + 1 >= n || t[i + 1].s[0] == '<' ||
			    ms_tok_eq(&t[i + 1], ":"))
				return ms_diag_set(diag, name, lineno, -EINVAL,
						   "expected a section name after ':' in the header");
			if (lay->nsect == MAX_SECTIONS)
				return ms_diag_set(diag, name, lineno, -EINVAL,
						   "expected at most %d sections in the header",
						   MAX_SECTIONS);
			sec = &lay->sect[lay->nsect++];
			if (ms_tok_copy(sec->label, sizeof(sec->label),
					t[i + 1].s, t[i + 1].len))
				return ms_diag_set(diag, name, lineno, -EINVAL,
						   "expected a section name shorter than %d bytes, found '%s'",
						   LABEL_MAX,
						   ms_quote_tok(q, sizeof(q),
								t[i + 1].s,
								t[i + 1].len));
			if (!is_label(sec->label))
				return ms_diag_set(diag, name, lineno, -EINVAL,
						   "expected a section name in the header, found '%s'",
						   ms_quote_tok(q, sizeof(q),
								t[i + 1].s,
								t[i + 1].len));
			sec->first = lay->ncols;
			lay->ntail += 2;
			i++;
			continue;
		}
		if (tok->s[0] == '<') {
			size_t l = tok->len - 1;
			struct col *c;

			if (l && tok->s[tok->len - 1] == '>')
				l--;
			if (!l || memchr(tok->s + 1, '<', l) ||
			    memchr(tok->s + 1, '>', l))
				return ms_diag_set(diag, name, lineno, -EINVAL,
						   "expected a column name in the header, found '%s'",
						   ms_quote_tok(q, sizeof(q),
								tok->s,
								tok->len));
			if (lay->ncols == MS_SLABINFO_MAX_COLS)
				return ms_diag_set(diag, name, lineno, -EINVAL,
						   "expected at most %d columns in the header",
						   MS_SLABINFO_MAX_COLS);
			c = &lay->cols[lay->ncols++];
			if (ms_tok_copy(c->label, sizeof(c->label), tok->s + 1,
					l))
				return ms_diag_set(diag, name, lineno, -EINVAL,
						   "expected a column name shorter than %d bytes, found '%s'",
						   LABEL_MAX,
						   ms_quote_tok(q, sizeof(q),
								tok->s,
								tok->len));
			if (!is_label(c->label))
				return ms_diag_set(diag, name, lineno, -EINVAL,
						   "expected a column name in the header, found '%s'",
						   ms_quote_tok(q, sizeof(q),
								tok->s,
								tok->len));
			sec->ncols++;
			lay->ntail++;
			continue;
		}
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected '<column>' or ':' in the header, found '%s'",
				   ms_quote_tok(q, sizeof(q), tok->s, tok->len));
	}
	if (sec->ncols == 0) {
		if (lay->nsect == 1)
			return ms_diag_set(diag, name, lineno, -EINVAL,
					   "expected column names after '# name' in the header");
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected column names after ': %s' in the header",
				   sec->label);
	}
	if (lay->ntail + 1 > MS_SLABINFO_MAX_COLS)
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected at most %d columns in the header",
				   MS_SLABINFO_MAX_COLS);
	return resolve_fields(lay, name, lineno, diag);
}

static bool is_sep(const struct ms_tok *t, int ntok, int i, const char *label)
{
	return i >= 0 && i + 1 < ntok && ms_tok_eq(&t[i], ":") &&
	       ms_tok_eq(&t[i + 1], label);
}

/* The rightmost ": LABEL" starting before @end, or -1. */
static int find_sep(const struct ms_tok *t, int ntok, int end,
		    const char *label)
{
	int i;

	for (i = end - 1; i >= 0; i--)
		if (is_sep(t, ntok, i, label))
			return i;
	return -1;
}

static int store_value(struct ms_slab_cache *c, const struct col *col,
		       const struct ms_tok *tok, const char *name,
		       unsigned int lineno, struct ms_diag *diag)
{
	unsigned int bits = 64;
	uint64_t v;
	char q[64];
	int err;

	if (col->kind == COL_OTHER)
		return 0;
	if (col->kind == COL_FIELD)
		bits = field_defs[col->field].bits;
	err = ms_parse_u64(tok->s, tok->len, &v);
	if (err == -ERANGE || (!err && bits < 64 && v >> bits))
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected <%s> to fit in %u bits, found '%s'",
				   col->label, bits,
				   ms_quote_tok(q, sizeof(q), tok->s, tok->len));
	if (err)
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected a number for <%s>, found '%s'",
				   col->label,
				   ms_quote_tok(q, sizeof(q), tok->s, tok->len));
	if (col->kind != COL_FIELD)
		return 0;
	switch (col->field) {
	case F_ACTIVE_OBJS:
		c->active_objs = v;
		break;
	case F_NUM_OBJS:
		c->num_objs = v;
		break;
	case F_OBJSIZE:
		c->obj_size = (uint32_t)v;
		break;
	case F_OBJPERSLAB:
		c->objs_per_slab = (uint32_t)v;
		break;
	case F_PAGESPERSLAB:
		c->pages_per_slab = (uint32_t)v;
		break;
	case F_LIMIT:
		c->limit = (uint32_t)v;
		break;
	case F_BATCHCOUNT:
		c->batchcount = (uint32_t)v;
		break;
	case F_SHAREDFACTOR:
		c->shared_factor = (uint32_t)v;
		break;
	case F_ACTIVE_SLABS:
		c->active_slabs = v;
		break;
	case F_NUM_SLABS:
		c->num_slabs = v;
		break;
	case F_SHAREDAVAIL:
		c->shared_avail = v;
		break;
	case NR_FIELDS:
		break;
	}
	return 0;
}

/* One cache line, split from the right by the header's layout. */
static int parse_cache(struct ms_slab_cache *c, const struct layout *lay,
		       const char *line, size_t line_len, const char *name,
		       unsigned int lineno, struct ms_diag *diag)
{
	struct ms_tok t[MS_SLABINFO_MAX_COLS + MAX_NAME_TOKS];
	unsigned int s, i, n0 = lay->sect[0].ncols;
	const char *name_start, *name_end;
	int ntok, pos, err;
	char q[64];

	memset(c, 0, sizeof(*c));
	c->line = lineno;
	ntok = ms_tokenize(line, line_len, t, ARRAY_SIZE(t));
	if (ntok < 0)
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected at most %u fields on a cache line",
				   (unsigned int)ARRAY_SIZE(t));
	for (s = 1; s < lay->nsect; s++)
		if (find_sep(t, ntok, ntok, lay->sect[s].label) < 0)
			return ms_diag_set(diag, name, lineno, -EINVAL,
					   "expected ': %s'",
					   lay->sect[s].label);
	pos = ntok;
	for (s = lay->nsect - 1; s >= 1; s--) {
		const struct section *sec = &lay->sect[s];
		int at = pos - (int)sec->ncols - 2;

		if (!is_sep(t, ntok, at, sec->label)) {
			int p = find_sep(t, ntok, pos - 1, sec->label);

			return ms_diag_set(diag, name, lineno, -EINVAL,
					   "expected %u values after ': %s', found %d",
					   sec->ncols, sec->label,
					   p < 0 ? 0 : pos - p - 2);
		}
		for (i = 0; i < sec->ncols; i++) {
			err = store_value(c, &lay->cols[sec->first + i],
					  &t[at + 2 + (int)i], name, lineno,
					  diag);
			if (err)
				return err;
		}
		pos = at;
	}
	if (pos < (int)n0 + 1)
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected a cache name and %u values before ': %s', found %d fields",
				   n0, lay->sect[1].label, pos);
	for (i = 0; i < n0; i++) {
		err = store_value(c, &lay->cols[i], &t[pos - (int)n0 + (int)i],
				  name, lineno, diag);
		if (err)
			return err;
	}
	name_start = t[0].s;
	name_end = t[pos - (int)n0 - 1].s + t[pos - (int)n0 - 1].len;
	if (ms_tok_copy(c->name, sizeof(c->name), name_start,
			(size_t)(name_end - name_start)))
		return ms_diag_set(diag, name, lineno, -EINVAL,
				   "expected a cache name of at most %d bytes, found '%s'",
				   MS_SLAB_NAME_MAX - 1,
				   ms_quote_tok(q, sizeof(q), name_start,
						(size_t)(name_end - name_start)));
	return 0;
}

static int cmp_by_name(const void *a, const void *b)
{
	const struct ms_slab_cache *x = *(const struct ms_slab_cache *const *)a;
	const struct ms_slab_cache *y = *(const struct ms_slab_cache *const *)b;
	int r = strcmp(x->name, y->name);

	if (r)
		return r;
	return x < y ? -1 : x > y;
}

/* Number repeated names in file order: sort pointers by (name, position). */
static int set_dup_index(struct ms_slabinfo *si)
{
	struct ms_slab_cache **v;
	size_t i;

	if (si->nr_caches < 2)
		return 0;
	v = malloc(si->nr_caches * sizeof(*v));
	if (!v)
		return -ENOMEM;
	for (i = 0; i < si->nr_caches; i++)
		v[i] = &si->caches[i];
	qsort(v, si->nr_caches, sizeof(*v), cmp_by_name);
	for (i = 1; i < si->nr_caches; i++)
		if (!strcmp(v[i]->name, v[i - 1]->name))
			v[i]->dup_index = v[i - 1]->dup_index + 1;
	free(v);
	return 0;
}

int ms_slabinfo_parse(struct ms_slabinfo *si, const char *buf, size_t len,
		      const char *name, struct ms_diag *diag)
{
	struct ms_cursor cur;
	struct layout *lay;
	const char *line;
	size_t line_len, cap = 0;
	int ret, err, state = 0;

	memset(si, 0, sizeof(*si));
	lay = malloc(sizeof(*lay));
	if (!lay)
		return ms_diag_set(diag, name, 0, -ENOMEM, "out of memory");
	ms_cursor_init(&cur, buf, len);
	while ((ret = ms_cursor_next(&cur, &line, &line_len)) != 0) {
		const char *s = line;
		size_t sl = line_len;

		if (ret < 0 || has_binary(line, line_len)) {
			err = ms_diag_set(diag, name, cur.lineno, -EINVAL,
					  "unexpected binary data");
			goto out_err;
		}
		ms_strip(&s, &sl);
		if (sl == 0)
			continue;
		if (state == 0) {
			err = parse_version(si, s, sl, name, cur.lineno, diag);
			if (err)
				goto out_err;
			state = 1;
			continue;
		}
		if (state == 1) {
			err = parse_header(lay, s, sl, name, cur.lineno, diag);
			if (err)
				goto out_err;
			state = 2;
			continue;
		}
		if (si->nr_caches == cap) {
			size_t ncap = cap ? cap * 2 : 128;
			struct ms_slab_cache *nc;

			nc = realloc(si->caches, ncap * sizeof(*nc));
			if (!nc) {
				err = ms_diag_set(diag, name, 0, -ENOMEM,
						  "out of memory");
				goto out_err;
			}
			si->caches = nc;
			cap = ncap;
		}
		err = parse_cache(&si->caches[si->nr_caches], lay, s, sl, name,
				  cur.lineno, diag);
		if (err)
			goto out_err;
		si->nr_caches++;
	}
	if (state == 0) {
		err = ms_diag_set(diag, name, 0, -EINVAL,
				  "expected 'slabinfo - version: 2.x', found an empty file");
		goto out_err;
	}
	if (state == 1) {
		err = ms_diag_set(diag, name, 0, -EINVAL,
				  "expected the '# name' column header after the version line");
		goto out_err;
	}
	if (si->nr_caches == 0) {
		err = ms_diag_set(diag, name, 0, -EINVAL,
				  "expected at least one cache line after the header");
		goto out_err;
	}
	if (set_dup_index(si)) {
		err = ms_diag_set(diag, name, 0, -ENOMEM, "out of memory");
		goto out_err;
	}
	free(lay);
	return 0;

out_err:
	free(lay);
	ms_slabinfo_release(si);
	return err;
}

void ms_slabinfo_release(struct ms_slabinfo *si)
{
	free(si->caches);
	memset(si, 0, sizeof(*si));
}

const struct ms_slab_cache *ms_slabinfo_find(const struct ms_slabinfo *si,
					     const char *name,
					     unsigned int dup_index)
{
	size_t i;

	for (i = 0; i < si->nr_caches; i++)
		if (si->caches[i].dup_index == dup_index &&
		    !strcmp(si->caches[i].name, name))
			return &si->caches[i];
	return NULL;
}
