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

#define LABEL_MAX    24
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
	[F_ACTIVE_OBJS] = { "", "active_objs", 64 },   /* %6lu */
	[F_NUM_OBJS] = { "", "num_objs", 64 },	       /* %6lu */
	[F_OBJSIZE] = { "", "objsize", 32 },	       /* %6u */
	[F_OBJPERSLAB] = { "", "objperslab", 32 },     /* %4u */
	[F_PAGESPERSLAB] = { "", "pagesperslab", 31 }, /* %4d */
	[F_LIMIT] = { "tunables", "limit", 32 },       /* %4u */
	[F_BATCHCOUNT] = { "tunables", "batchcount", 32 },
	[F_SHAREDFACTOR] = { "tunables", "sharedfactor", 32 },
	[F_ACTIVE_SLABS] = { "slabdata", "active_slabs", 64 },
	[F_NUM_SLABS] = { "slabdata", "num_slabs", 64 },
	[F_SHAREDAVAIL] = { "slabdata", "sharedavail", 64 },
};

enum col_kind {
	COL_FIELD,   /* a value memscope keeps */
	COL_COUNTER, /* a globalstat/cpustat counter: checked, not kept */
	COL_OTHER,   /* a column this parser does not know: not checked */
};

struct col {
	enum col_kind kind;
	enum field field;
	char label[LABEL_MAX];
};

struct section {
	char label[LABEL_MAX]; /* "" for the columns right after the name */
	unsigned int first;    /* index of its first column in layout.cols */
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
	[0x00 ... 0x08] = 1,
	[0x0a ... 0x1f] = 1,
	[0x7f] = 1,
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
		return ms_diag_set(
			diag, name, lineno, -EINVAL,
			"expected 'slabinfo - version: 2.x', found '%s'",
			ms_quote_tok(q, sizeof(q), line, line_len));
	if (!ms_tok_eq(&t[3], "2.0") && !ms_tok_eq(&t[3], "2.1"))
		return ms_diag_set(
			diag, name, lineno, -EINVAL,
			"expected slabinfo version 2.0 or 2.1, found '%s'",
			ms_quote_tok(q, sizeof(q), t[3].s, t[3].len));
	if (n == 5 && ms_tok_eq(&t[4], "(statistics)")) {
		si->statistics = true;
	} else if (n != 4) {
		return ms_diag_set(
			diag, name, lineno, -EINVAL,
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
				return ms_diag_set(
					diag, name, lineno, -EINVAL,
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
			return ms_diag_set(
				diag, name, lineno, -EINVAL,
				"expected column '<%s>' in the ': %s' section of the header",
				field_defs[f].column, field_defs[f].section);
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
		return ms_diag_set(
			diag, name, lineno, -EINVAL,
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
				return ms_diag_set(
					diag, name, lineno, -EINVAL,
					"expected a section name after ':' in the header");
			if (lay->nsect == MAX_SECTIONS)
				return ms_diag_set(
					diag, name, lineno, -EINVAL,
					"expected at most %d sections in the header",
					MAX_SECTIONS);
			sec = &lay->sect[lay->nsect++];
			if (ms_tok_copy(sec->label, sizeof(sec->label),
					t[i + 1].s, t[i + 1].len))
				return ms_diag_set(
					diag, name, lineno, -EINVAL,
					"expected a section name shorter than %d bytes, found '%s'",
					LABEL_MAX,
					ms_quote_tok(q, sizeof(q), t[i + 1].s,
						     t[i + 1].len));
			if (!is_label(sec->label))
				return ms_diag_set(
					diag, name, lineno, -EINVAL,
					"expected a section name in the header, found '%s'",
					ms_quote_tok(q, sizeof(q), t[i + 1].s,
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
				return ms_diag_set(
					diag, name, lineno, -EINVAL,
					"expected a column name in the header, found '%s'",
					ms_quote_tok(q, sizeof(q), tok->s,
						     tok->len));
			if (lay->ncols == MS_SLABINFO_MAX_COLS)
				return ms_diag_set(
					diag, name, lineno, -EINVAL,
					"expected at most %d columns in the header",
					MS_SLABINFO_MAX_COLS);
			c = &lay->cols[lay->ncols++];
			if (ms_tok_copy(c->label, sizeof(c->label), tok->s + 1,
					l))
				return ms_diag_set(
					diag, name, lineno, -EINVAL,
					"expected a column name shorter than %d bytes, found '%s'",
					LABEL_MAX,
					ms_quote_tok(q, sizeof(q), tok->s,
						     tok->len));
			if (!is_label(c->label))
				return ms_diag_set(
					diag, name, lineno, -EINVAL,
					"expected a column name in the header, found '%s'",
					ms_quote_tok(q, sizeof(q), tok->s,
						     tok->len));
			sec->ncols++;
			lay->ntail++;
			continue;
		}
		return ms_diag_set(
			diag, name, lineno, -EINVAL,
			"expected '<column>' or ':' in the header, found '%s'",
			ms_quote_tok(q, sizeof(q), tok->s, tok->len));
	}
	if (sec->ncols == 0) {
		if (lay->nsect == 1)
			return ms_diag_set(
				diag, name, lineno, -EINVAL,
				"expected column names after '# name' in the header");
		return ms_diag_set(
			diag, name, lineno, -EINVAL,
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

static void set_field(struct ms_slab_cache *c, enum field f, uint64_t v)
{
	switch (f) {
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
		return ms_diag_set(
			diag, name, lineno, -EINVAL,
			"expected <%s> to fit in %u bits, found '%s'",
			col->label, bits,
			ms_quote_tok(q, sizeof(q), tok->s, tok->len));
	if (err)
		return ms_diag_set(
			diag, name, lineno, -EINVAL,
			"expected a number for <%s>, found '%s'", col->label,
			ms_quote_tok(q, sizeof(q), tok->s, tok->len));
	if (col->kind != COL_FIELD)
		return 0;
	set_field(c, col->field, v);
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

			return ms_diag_set(
				diag, name, lineno, -EINVAL,
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
		return ms_diag_set(
			diag, name, lineno, -EINVAL,
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
		return ms_diag_set(
			diag, name, lineno, -EINVAL,
			"expected a cache name of at most %d bytes, found '%s'",
			MS_SLAB_NAME_MAX - 1,
			ms_quote_tok(q, sizeof(q), name_start,
				     (size_t)(name_end - name_start)));
	return 0;
}

/*
 * ---- the fast path ----
 *
 * Nearly every line of a real file is "name" followed by the header's
 * columns, numbers of at most 19 digits and the ': label' separators,
 * with blanks and tabs between them and a name without blanks or
 * control bytes. fast_cache() reads such a line in one pass from the
 * right, without tokenizing it, and gives up (false) on anything else:
 * parse_cache() then reads the line again and either accepts it (a name
 * with spaces, a 20-digit count, a vendor column holding text) or says
 * what is wrong with it. The fast path accepts nothing the slow one
 * would refuse, so both give the same result and the same messages.
 */

/* One token of the tail, left to right. */
struct tail_tok {
	const char *label; /* a section label to match, or NULL */
	bool sep;	   /* the ':' before a label */
	int col;	   /* index in layout.cols, or -1 */
};

struct fast {
	struct tail_tok tok[MS_SLABINFO_MAX_COLS];
	unsigned int ntok;
	unsigned int nfirst; /* columns before the first ':' */
};

static void fast_init(struct fast *fp, const struct layout *lay)
{
	unsigned int s, i, n = 0;

	for (s = 0; s < lay->nsect; s++) {
		const struct section *sec = &lay->sect[s];

		if (s) {
			fp->tok[n++] = (struct tail_tok){ NULL, true, -1 };
			fp->tok[n++] =
				(struct tail_tok){ sec->label, false, -1 };
		}
		for (i = 0; i < sec->ncols; i++)
			fp->tok[n++] =
				(struct tail_tok){ NULL, false,
						   (int)(sec->first + i) };
	}
	fp->ntok = n;
	fp->nfirst = lay->sect[0].ncols;
}

#define FNV_BASIS 2166136261u
#define FNV_PRIME 16777619u

/* Bytes that send a line to the slow path when in its name. */
static const unsigned char name_slow[256] = {
	[0x00 ... 0x20] = 1,
	[0x7f] = 1,
};

static bool is_tab_or_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

static bool fast_cache(struct ms_slab_cache *c, const struct fast *fp,
		       const struct layout *lay, const char *line,
		       const char *end, uint32_t *hash)
{
	uint32_t h = FNV_BASIS;
	const char *p = end, *name;
	unsigned int k;
	size_t nlen;

	for (k = fp->ntok; k-- > 0;) {
		const struct tail_tok *t = &fp->tok[k];
		const char *tend;

		while (p > line && is_tab_or_space(p[-1]))
			p--;
		if (p == line || (k + 1 == fp->ntok && p != end))
			return false;
		tend = p;
		if (t->col >= 0) {
			const struct col *col = &lay->cols[t->col];
			uint64_t v = 0, scale = 1;
			unsigned int bits;

			while (p > line && (unsigned char)(p[-1] - '0') <= 9) {
				if (tend - p == 19)
					return false;
				v += (uint64_t)(p[-1] - '0') * scale;
				scale *= 10;
				p--;
			}
			if (p == tend || (p > line && !is_tab_or_space(p[-1])))
				return false;
			if (col->kind != COL_FIELD)
				continue;
			bits = field_defs[col->field].bits;
			if (bits < 64 && v >> bits)
				return false;
			set_field(c, col->field, v);
			continue;
		}
		while (p > line && !is_tab_or_space(p[-1]))
			p--;
		if (t->sep) {
			if (tend - p != 1 || *p != ':')
				return false;
		} else {
			size_t l = strlen(t->label);

			if ((size_t)(tend - p) != l || memcmp(p, t->label, l))
				return false;
		}
	}
	while (p > line && is_tab_or_space(p[-1]))
		p--;
	name = line;
	while (name < p && is_tab_or_space(*name))
		name++;
	nlen = (size_t)(p - name);
	if (!nlen || nlen >= MS_SLAB_NAME_MAX)
		return false;
	for (k = 0; k < nlen; k++) {
		unsigned char ch = (unsigned char)name[k];

		if (name_slow[ch])
			return false;
		h = (h ^ ch) * FNV_PRIME;
		c->name[k] = (char)ch;
	}
	c->name[nlen] = '\0';
	*hash = h;
	return true;
}

/* ---- repeated names ---- */

static uint32_t name_hash(const char *s)
{
	uint32_t h = FNV_BASIS;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * FNV_PRIME;
	return h;
}

/*
 * Repeated names are numbered in file order as the lines are read, in
 * an open-addressing table of cache indexes, at most half full; each
 * slot holds the latest cache of its name.
 */
struct dups {
	uint32_t *slot;
	size_t mask;
};

static int dups_init(struct dups *d, size_t nr_caches)
{
	size_t size = 16;

	while (size < 2 * nr_caches)
		size *= 2;
	d->mask = size - 1;
	d->slot = malloc(size * sizeof(*d->slot));
	if (!d->slot)
		return -ENOMEM;
	memset(d->slot, 0xff, size * sizeof(*d->slot));
	return 0;
}

static void dups_add(struct dups *d, struct ms_slabinfo *si, size_t i,
		     uint32_t hash)
{
	struct ms_slab_cache *c = &si->caches[i];
	size_t h = hash & d->mask;

	while (d->slot[h] != UINT32_MAX) {
		const struct ms_slab_cache *o = &si->caches[d->slot[h]];

		if (!strcmp(o->name, c->name)) {
			c->dup_index = o->dup_index + 1;
			break;
		}
		h = (h + 1) & d->mask;
	}
	d->slot[h] = (uint32_t)i;
}

/* The header's layout and the fast path's view of it. */
struct parse_state {
	struct layout lay;
	struct fast fp;
};

/* Lines in @buf: an upper bound of the caches it holds. */
static size_t count_lines(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;
	size_t n = 1;

	while ((p = memchr(p, '\n', (size_t)(end - p)))) {
		n++;
		p++;
	}
	return n;
}

/* Line @line (ending at @lend) is @prev's line of cache @i. */
static bool same_line(const struct ms_slabinfo *prev, size_t i,
		      const char *line, const char *lend)
{
	size_t l = (size_t)(lend - line), at;

	if (i >= prev->nr_caches)
		return false;
	at = prev->line_at[i];
	return at + l <= prev->text_len &&
	       (at + l == prev->text_len || prev->text[at + l] == '\n') &&
	       !memcmp(prev->text + at, line, l);
}

int ms_slabinfo_parse(struct ms_slabinfo *si, const char *buf, size_t len,
		      const char *name, struct ms_diag *diag)
{
	return ms_slabinfo_parse_next(si, buf, len, NULL, name, diag);
}

int ms_slabinfo_parse_next(struct ms_slabinfo *si, const char *buf, size_t len,
			   const struct ms_slabinfo *prev, const char *name,
			   struct ms_diag *diag)
{
	const char *p = buf, *end = buf + len;
	struct dups dups = { NULL, 0 };
	struct parse_state *st;
	struct layout *lay;
	struct fast *fp;
	size_t cap = 0;
	uint32_t hash;
	bool reuse = false;
	unsigned int lineno = 0;
	int err, state = 0;

	memset(si, 0, sizeof(*si));
	si->text = buf;
	si->text_len = len;
	st = malloc(sizeof(*st));
	if (!st)
		return ms_diag_set(diag, name, 0, -ENOMEM, "out of memory");
	lay = &st->lay;
	fp = &st->fp;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line = p, *lend = nl ? nl : end;
		const char *s = line;
		size_t sl = (size_t)(lend - line);

		p = nl ? nl + 1 : end;
		lineno++;
		if (state == 2) {
			struct ms_slab_cache *c;

			if (si->nr_caches == cap) {
				/* lines left: an upper bound of the caches */
				size_t ncap =
					si->nr_caches +
					count_lines(line, (size_t)(end - line));
				struct ms_slab_cache *nc;

				/* the line offsets after the caches */
				if (ncap > UINT32_MAX ||
				    !(nc = malloc(ncap * (sizeof(*nc) +
							  sizeof(size_t))))) {
					err = ms_diag_set(diag, name, 0,
							  -ENOMEM,
							  "out of memory");
					goto out_err;
				}
				si->caches = nc;
				si->line_at = (size_t *)(nc + ncap);
				cap = ncap;
				if (dups_init(&dups, cap)) {
					err = ms_diag_set(diag, name, 0,
							  -ENOMEM,
							  "out of memory");
					goto out_err;
				}
			}
			c = &si->caches[si->nr_caches];
			si->line_at[si->nr_caches] = (size_t)(line - buf);
			if (reuse &&
			    same_line(prev, si->nr_caches, line, lend)) {
				*c = prev->caches[si->nr_caches];
				c->line = lineno;
				c->dup_index = 0;
				dups_add(&dups, si, si->nr_caches++,
					 name_hash(c->name));
				continue;
			}
			memset(c, 0, sizeof(*c));
			if (fast_cache(c, fp, lay, line, lend, &hash)) {
				c->line = lineno;
				dups_add(&dups, si, si->nr_caches++, hash);
				continue;
			}
		}
		if (has_binary(line, sl)) {
			err = ms_diag_set(diag, name, lineno, -EINVAL,
					  "unexpected binary data");
			goto out_err;
		}
		ms_strip(&s, &sl);
		if (sl == 0)
			continue;
		if (state == 0) {
			err = parse_version(si, s, sl, name, lineno, diag);
			if (err)
				goto out_err;
			state = 1;
			continue;
		}
		if (state == 1) {
			err = parse_header(lay, s, sl, name, lineno, diag);
			if (err)
				goto out_err;
			fast_init(fp, lay);
			state = 2;
			/* the same header: the same lines read the same */
			si->head_len = (size_t)(p - buf);
			reuse = prev && prev->line_at &&
				prev->head_len == si->head_len &&
				!memcmp(prev->text, buf, si->head_len);
			continue;
		}
		err = parse_cache(&si->caches[si->nr_caches], lay, s, sl, name,
				  lineno, diag);
		if (err)
			goto out_err;
		hash = name_hash(si->caches[si->nr_caches].name);
		dups_add(&dups, si, si->nr_caches++, hash);
	}
	if (state == 0) {
		err = ms_diag_set(
			diag, name, 0, -EINVAL,
			"expected 'slabinfo - version: 2.x', found an empty file");
		goto out_err;
	}
	if (state == 1) {
		err = ms_diag_set(
			diag, name, 0, -EINVAL,
			"expected the '# name' column header after the version line");
		goto out_err;
	}
	if (si->nr_caches == 0) {
		err = ms_diag_set(
			diag, name, 0, -EINVAL,
			"expected at least one cache line after the header");
		goto out_err;
	}
	free(dups.slot);
	free(st);
	return 0;

out_err:
	free(dups.slot);
	free(st);
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
