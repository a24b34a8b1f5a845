// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/pagetypeinfo, printed by pagetypeinfo_show() in mm/vmstat.c once
 * per node with memory:
 *
 *   "Page block order: %d"
 *   "Pages per block:  %lu"
 *   ""
 *   "%-43s " "Free pages count per migrate type at order", "%6d " per order
 *   "Node %4d, zone %8s, type %12s " then "%6lu " per order (5.4+:
 *       "%s%6lu " with a ">" prefix when the walk stopped at 100000)
 *   ""
 *   "%-23s" "Number of blocks type ", "%12s " per migrate type
 *   "Node %d, zone %8s " then "%12lu " per migrate type
 *   optional (CONFIG_PAGE_OWNER with page_owner=on):
 *   "" "Number of mixed blocks " with the same layout
 *
 * Only populated zones are printed. The migrate types and their order
 * depend on the kernel and its configuration, so they are taken from the
 * file; the first zone's rows fix their order, and every other zone and
 * the "Number of blocks type" header must repeat it.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc/pagetypeinfo.h"
#include "lib/banned.h"

/* "Free pages count per migrate type at order" is 8 words. */
#define PT_HEADER_WORDS 8
#define PT_MAX_TOKS	(PT_HEADER_WORDS + MS_MAX_ORDERS + 1)

/* The kernel stops counting one free list at this many entries (5.4+). */
#define PT_CAP_FLOOR 100000

enum pt_state {
	PT_START, /* expecting "Page block order:" */
	PT_ORDER, /* after "Page block order:", expecting "Pages per block:" */
	PT_PER_BLOCK, /* expecting the "Free pages count" header */
	PT_FREE,      /* free count rows */
	PT_BLOCKS,    /* "Number of blocks type" rows */
	PT_MIXED,     /* "Number of mixed blocks" rows, checked and dropped */
};

struct pt_parser {
	struct ms_pagetypeinfo *pt;
	const char *name;
	struct ms_diag *diag;
	unsigned int lineno;
	enum pt_state state;
	size_t zones_cap;
	bool have_order;  /* a node header was read before */
	bool types_fixed; /* the first zone's rows are complete */
	/* free rows of the zone being read */
	struct ms_pt_zone *zone;
	unsigned int zone_rows;
	unsigned int zone_line;
	/* zones of the current node section, for its blocks table */
	size_t section_start;
};

static int oom(struct pt_parser *p)
{
	return ms_diag_oom(p->diag, p->name);
}

static int bad(struct pt_parser *p, const char *what, const char *s, size_t len)
{
	return ms_diag_expected(p->diag, p->name, p->lineno, what, s, len);
}

/* A whole token as an unsigned number; @what names it in messages. */
static int parse_num(struct pt_parser *p, const char *what,
		     const struct ms_tok *t, uint64_t *out)
{
	char q[64];
	int err;

	err = ms_parse_u64(t->s, t->len, out);
	if (!err)
		return 0;
	if (err != -ERANGE)
		return bad(p, what, t->s, t->len);
	return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
			   "%s '%s' does not fit in 64 bits", what,
			   ms_quote_tok(q, sizeof(q), t->s, t->len));
}

/* True when @toks start with the words of @phrase. */
static bool toks_start(const struct ms_tok *toks, int ntok, const char *phrase)
{
	struct ms_tok want[PT_HEADER_WORDS];
	int n, i;

	n = ms_tokenize(phrase, strlen(phrase), want, PT_HEADER_WORDS);
	if (n < 0 || ntok < n)
		return false;
	for (i = 0; i < n; i++)
		if (toks[i].len != want[i].len ||
		    memcmp(toks[i].s, want[i].s, want[i].len))
			return false;
	return true;
}

/* The free rows of the zone being read hold every migrate type. */
static int close_zone_rows(struct pt_parser *p)
{
	struct ms_pagetypeinfo *pt = p->pt;

	if (!p->zone)
		return 0;
	if (!p->types_fixed) {
		p->types_fixed = true;
	} else if (p->zone_rows != pt->nr_types) {
		return ms_diag_set(
			p->diag, p->name, p->zone_line, -EINVAL,
			"expected %u migrate types in node %d, zone %s, found %u",
			pt->nr_types, p->zone->node, p->zone->zone,
			p->zone_rows);
	}
	p->zone = NULL;
	return 0;
}

static struct ms_pt_zone *find_zone(struct ms_pagetypeinfo *pt, size_t from,
				    int node, const char *zone)
{
	size_t i;

	for (i = from; i < pt->nr_zones; i++)
		if (pt->zones[i].node == node &&
		    !strcmp(pt->zones[i].zone, zone))
			return &pt->zones[i];
	return NULL;
}

static unsigned int node_zones(const struct ms_pagetypeinfo *pt, int node)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < pt->nr_zones; i++)
		n += pt->zones[i].node == node;
	return n;
}

/* "Node    0, zone   Normal, type    Unmovable      1      2 ..." */
static int free_row(struct pt_parser *p, const struct ms_tok *toks, int ntok,
		    const char *line, size_t len)
{
	static const char form[] = "'Node N, zone NAME, type TYPE COUNTS'";
	struct ms_pagetypeinfo *pt = p->pt;
	char zone[MS_ZONE_NAME_MAX], type[MS_MIGRATE_NAME_MAX];
	struct ms_tok ztok = toks[3], nz[4];
	unsigned int t, o, nr;
	int node;

	if (ntok < 6 || ztok.len < 2 || ztok.s[ztok.len - 1] != ',' ||
	    !ms_tok_eq(&toks[4], "type"))
		return bad(p, form, line, len);
	/* The zone name carries a comma here: "Normal,". */
	ztok.len--;
	nz[0] = toks[0];
	nz[1] = toks[1];
	nz[2] = toks[2];
	nz[3] = ztok;
	if (ms_parse_node_zone(nz, 4, &node, zone, sizeof(zone)))
		return bad(p, form, line, len);
	if (ms_tok_copy(type, sizeof(type), toks[5].s, toks[5].len))
		return bad(p, "a migrate type name of at most 23 characters",
			   toks[5].s, toks[5].len);
	/* Names are kept and printed: no control or non-ASCII bytes. */
	for (t = 0; type[t]; t++)
		if (!isgraph((unsigned char)type[t]))
			return bad(p, "a migrate type name", toks[5].s,
				   toks[5].len);
	nr = (unsigned int)(ntok - 6);
	if (nr != pt->nr_orders)
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"expected %u free counts as in the header, found %u",
			pt->nr_orders, nr);

	/* A new zone begins, or the current one goes on. */
	if (!p->zone || p->zone->node != node || strcmp(p->zone->zone, zone)) {
		struct ms_pt_zone *z;
		int err = close_zone_rows(p);

		if (err)
			return err;
		if (find_zone(pt, 0, node, zone))
			return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
					   "zone %s of node %d appears twice",
					   zone, node);
		/* bounds the zones, and so the search above, to 8 per node */
		if (node_zones(pt, node) == MS_MAX_ZONES_PER_NODE)
			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"expected at most %d zones in node %d",
				MS_MAX_ZONES_PER_NODE, node);
		if (pt->nr_zones == p->zones_cap) {
			size_t ncap = p->zones_cap ? p->zones_cap * 2 : 4;

			z = realloc(pt->zones, ncap * sizeof(*z));
			if (!z)
				return oom(p);
			pt->zones = z;
			p->zones_cap = ncap;
		}
		z = &pt->zones[pt->nr_zones++];
		memset(z, 0, sizeof(*z));
		z->node = node;
		memcpy(z->zone, zone, sizeof(z->zone));
		p->zone = z;
		p->zone_rows = 0;
		p->zone_line = p->lineno;
	}

	t = p->zone_rows;
	if (!p->types_fixed) {
		if (ms_pagetypeinfo_type(pt, type) >= 0)
			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"migrate type '%s' appears twice in node %d, zone %s",
				type, node, zone);
		if (pt->nr_types == MS_MAX_MIGRATE_TYPES)
			return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
					   "expected at most %d migrate types",
					   MS_MAX_MIGRATE_TYPES);
		memcpy(pt->types[pt->nr_types++], type, sizeof(type));
	} else if (t >= pt->nr_types || strcmp(pt->types[t], type)) {
		if (t >= pt->nr_types)
			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"expected %u migrate types in node %d, zone %s as in the first zone",
				pt->nr_types, node, zone);
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"expected migrate type '%s' as in the first zone, found '%s'",
			pt->types[t], type);
	}
	p->zone_rows++;

	for (o = 0; o < nr; o++) {
		struct ms_tok v = toks[6 + o];
		bool capped = false;
		char what[48];

		if (v.len > 1 && v.s[0] == '>') {
			capped = true;
			v.s++;
			v.len--;
		}
		/* nearly every number goes through here: word only errors */
		if (ms_parse_u64(v.s, v.len, &p->zone->free_blocks[t][o])) {
			snprintf(what, sizeof(what), "an order %u free count",
				 o);
			return parse_num(p, what, &v,
					 &p->zone->free_blocks[t][o]);
		}
		if (capped && p->zone->free_blocks[t][o] != PT_CAP_FLOOR)
			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"expected '>%d' for a capped count, found '>%llu'",
				PT_CAP_FLOOR,
				(unsigned long long)p->zone->free_blocks[t][o]);
		p->zone->capped[t][o] = capped;
	}
	return 0;
}

/*
 * "Number of blocks type     Unmovable ..." or "Number of mixed blocks
 * ...": the migrate type names must be those of the free rows, in order.
 */
static int types_header(struct pt_parser *p, const struct ms_tok *toks,
			int ntok, int skip)
{
	struct ms_pagetypeinfo *pt = p->pt;
	unsigned int i, nr = (unsigned int)(ntok - skip);
	char q[64];

	if (nr != pt->nr_types)
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"expected %u migrate types as in the free counts, found %u",
			pt->nr_types, nr);
	for (i = 0; i < nr; i++)
		if (!ms_tok_eq(&toks[skip + (int)i], pt->types[i]))
			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"expected migrate type '%s' as in the free counts, found '%s'",
				pt->types[i],
				ms_quote_tok(q, sizeof(q),
					     toks[skip + (int)i].s,
					     toks[skip + (int)i].len));
	return 0;
}

/* "Node 0, zone   Normal     14     4    101 ..." of either blocks table */
static int blocks_row(struct pt_parser *p, const struct ms_tok *toks, int ntok,
		      const char *line, size_t len)
{
	struct ms_pagetypeinfo *pt = p->pt;
	struct ms_pt_zone *z;
	char zone[MS_ZONE_NAME_MAX];
	unsigned int t, nr;
	uint64_t v;
	int node, err;

	if (ms_parse_node_zone(toks, ntok, &node, zone, sizeof(zone)) ||
	    zone[strlen(zone) - 1] == ',')
		return bad(p, "'Node N, zone NAME COUNTS'", line, len);
	nr = (unsigned int)(ntok - 4);
	if (nr != pt->nr_types)
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"expected %u block counts as in the header, found %u",
			pt->nr_types, nr);
	z = find_zone(pt, p->section_start, node, zone);
	if (!z)
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"expected free counts for node %d, zone %s before its block counts",
			node, zone);
	if (p->state == PT_BLOCKS && z->has_blocks)
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"block counts of node %d, zone %s appear twice", node,
			zone);
	for (t = 0; t < nr; t++) {
		err = parse_num(p, "a block count", &toks[4 + t], &v);
		if (err)
			return err;
		if (p->state == PT_BLOCKS)
			z->blocks[t] = v;
	}
	if (p->state == PT_BLOCKS)
		z->has_blocks = true;
	return 0;
}

/* "Free pages count per migrate type at order       0      1 ..." */
static int free_header(struct pt_parser *p, const struct ms_tok *toks, int ntok)
{
	struct ms_pagetypeinfo *pt = p->pt;
	unsigned int nr = (unsigned int)(ntok - PT_HEADER_WORDS), o;
	uint64_t v;

	if (ntok <= PT_HEADER_WORDS)
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"expected order numbers after 'Free pages count per migrate type at order'");
	if (nr > MS_MAX_ORDERS)
		return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
				   "expected at most %d orders, found %u",
				   MS_MAX_ORDERS, nr);
	for (o = 0; o < nr; o++) {
		const struct ms_tok *t = &toks[PT_HEADER_WORDS + o];

		if (ms_parse_u64(t->s, t->len, &v) || v != o) {
			char q[64];

			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"expected order %u in the header, found '%s'",
				o, ms_quote_tok(q, sizeof(q), t->s, t->len));
		}
	}
	if (pt->nr_orders && nr != pt->nr_orders)
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"expected %u orders as in the first header, found %u",
			pt->nr_orders, nr);
	pt->nr_orders = nr;
	return 0;
}

/* "Page block order: N" and "Pages per block:  N", repeated per node */
static int node_header(struct pt_parser *p, const struct ms_tok *toks, int ntok,
		       const char *line, size_t len, bool order)
{
	struct ms_pagetypeinfo *pt = p->pt;
	uint64_t v;
	int err;

	if (ntok != 4)
		return bad(p,
			   order ? "'Page block order: N'" :
				   "'Pages per block: N'",
			   line, len);
	err = parse_num(
		p, order ? "a page block order" : "a number of pages per block",
		&toks[3], &v);
	if (err)
		return err;
	if (order) {
		if (v >= 64)
			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"expected a page block order below 64, found %llu",
				(unsigned long long)v);
		if (p->have_order && v != pt->pageblock_order)
			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"expected page block order %u as in the first node, found %llu",
				pt->pageblock_order, (unsigned long long)v);
		pt->pageblock_order = (unsigned int)v;
		p->have_order = true;
		return 0;
	}
	/* pageblock_nr_pages is (1UL << pageblock_order) in every kernel. */
	if (v != (uint64_t)1 << pt->pageblock_order)
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"expected %llu pages per block for page block order %u, found %llu",
			(unsigned long long)1 << pt->pageblock_order,
			pt->pageblock_order, (unsigned long long)v);
	pt->pages_per_block = v;
	return 0;
}

static int parse_line(struct pt_parser *p, const char *line, size_t len)
{
	struct ms_tok toks[PT_MAX_TOKS];
	int ntok, err;

	ntok = ms_tokenize(line, len, toks, PT_MAX_TOKS);
	if (ntok < 0)
		return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
				   "more than %d orders or migrate types",
				   MS_MAX_ORDERS);

	if (toks_start(toks, ntok, "Page block order:")) {
		if (p->state != PT_START && p->state != PT_BLOCKS &&
		    p->state != PT_MIXED && p->state != PT_FREE)
			return bad(p, "'Pages per block: N'", line, len);
		if (p->state == PT_FREE && !p->zone)
			return bad(p, "free count rows", line, len);
		err = close_zone_rows(p);
		if (err)
			return err;
		p->state = PT_ORDER;
		return node_header(p, toks, ntok, line, len, true);
	}
	switch (p->state) {
	case PT_START:
		return bad(p, "'Page block order: N'", line, len);
	case PT_ORDER:
		if (!toks_start(toks, ntok, "Pages per block:"))
			return bad(p, "'Pages per block: N'", line, len);
		p->state = PT_PER_BLOCK;
		return node_header(p, toks, ntok, line, len, false);
	case PT_PER_BLOCK:
		if (!toks_start(toks, ntok,
				"Free pages count per migrate type at order"))
			return bad(
				p,
				"'Free pages count per migrate type at order'",
				line, len);
		p->state = PT_FREE;
		p->section_start = p->pt->nr_zones;
		return free_header(p, toks, ntok);
	default:
		break;
	}
	if (toks_start(toks, ntok, "Number of blocks type")) {
		if (p->state != PT_FREE)
			return bad(p, "'Page block order: N'", line, len);
		if (!p->zone)
			return bad(p, "free count rows", line, len);
		err = close_zone_rows(p);
		if (err)
			return err;
		p->state = PT_BLOCKS;
		return types_header(p, toks, ntok, 4);
	}
	if (toks_start(toks, ntok, "Number of mixed blocks")) {
		if (p->state != PT_BLOCKS)
			return bad(
				p,
				"'Number of blocks type' before 'Number of mixed blocks'",
				line, len);
		p->state = PT_MIXED;
		return types_header(p, toks, ntok, 4);
	}
	if (p->state == PT_FREE)
		return free_row(p, toks, ntok, line, len);
	return blocks_row(p, toks, ntok, line, len);
}

int ms_pagetypeinfo_parse(struct ms_pagetypeinfo *pt, const char *buf,
			  size_t len, const char *name, struct ms_diag *diag)
{
	struct pt_parser p = {
		.pt = pt,
		.name = name,
		.diag = diag,
		.state = PT_START,
	};
	struct ms_cursor cur;
	const char *line;
	size_t line_len;
	int ret, err;

	memset(pt, 0, sizeof(*pt));
	ms_cursor_init(&cur, buf, len);
	while ((ret = ms_cursor_next(&cur, &line, &line_len)) != 0) {
		p.lineno = cur.lineno;
		if (ret < 0) {
			err = ms_diag_set(diag, name, cur.lineno, -EINVAL,
					  "unexpected binary data");
			goto out_err;
		}
		ms_strip(&line, &line_len);
		if (!line_len)
			continue;
		err = parse_line(&p, line, line_len);
		if (err)
			goto out_err;
	}
	p.lineno = cur.lineno;
	switch (p.state) {
	case PT_START:
		err = ms_diag_set(diag, name, 0, -EINVAL,
				  "empty file, expected 'Page block order: N'");
		goto out_err;
	case PT_ORDER:
	case PT_PER_BLOCK:
		err = ms_diag_set(
			diag, name, cur.lineno, -EINVAL,
			"expected the free counts table, found the end of the file");
		goto out_err;
	case PT_FREE:
		if (!p.zone) {
			err = ms_diag_set(
				diag, name, cur.lineno, -EINVAL,
				"expected free count rows, found the end of the file");
			goto out_err;
		}
		break;
	default:
		break;
	}
	err = close_zone_rows(&p);
	if (err)
		goto out_err;
	return 0;

out_err:
	ms_pagetypeinfo_release(pt);
	return err;
}

void ms_pagetypeinfo_release(struct ms_pagetypeinfo *pt)
{
	free(pt->zones);
	memset(pt, 0, sizeof(*pt));
}

const struct ms_pt_zone *ms_pagetypeinfo_find(const struct ms_pagetypeinfo *pt,
					      int node, const char *zone)
{
	size_t i;

	for (i = 0; i < pt->nr_zones; i++)
		if (pt->zones[i].node == node &&
		    !strcmp(pt->zones[i].zone, zone))
			return &pt->zones[i];
	return NULL;
}

int ms_pagetypeinfo_type(const struct ms_pagetypeinfo *pt, const char *name)
{
	unsigned int i;

	for (i = 0; i < pt->nr_types; i++)
		if (!strcmp(pt->types[i], name))
			return (int)i;
	return -1;
}
