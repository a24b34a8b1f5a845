// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/zoneinfo, printed by zoneinfo_show_print() in mm/vmstat.c.
 *
 * One block per zone, opened by "Node %d, zone %8s". The lines inside a
 * block changed with nearly every kernel generation (reference §5.3), so
 * the parser recognises lines by their labels, never by position or
 * indentation:
 *
 *   "per-node stats"          4.8+, in the node's first populated zone;
 *                             "name value" lines up to "pages free"
 *   "pages free N"            opens the zone proper
 *   "min N", "low N", ...     watermarks and sizes (one word, a number)
 *   "scanned N (a: N i: N)"   2.6 form of the reclaim scan counter
 *   "protection: (a, b, ...)" lowmem_reserve[]
 *   "name value"              zone, NUMA and 2.6-era counters; 3.x/4.x
 *                             print them before "protection:", 4.8+
 *                             after it
 *   "pagesets"                then "cpu: N" ("cpu: N pcp: M" before
 *                             2.6.25, hot and cold lists) and its
 *                             "count:", "high:", "batch:" (and 6.12+
 *                             "high_min:", "high_max:") lines; "vm
 *                             stats threshold: N" after each CPU on SMP
 *   "name: value"             the tail: all_unreclaimable/
 *                             node_unreclaimable, start_pfn,
 *                             inactive_ratio, prev_priority, ...
 *
 * An unpopulated zone (4.12+) ends right after "protection:".
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lib/strset.h"
#include "proc/zoneinfo.h"
#include "lib/banned.h"

/* Tokens on any zoneinfo line except "protection:", which is split by hand. */
#define ZI_MAX_TOKS 8

/*
 * The value of the nameless node counter of 4.17/4.18-era kernels. Their
 * vmstat_text[] held "" for NR_INDIRECTLY_RECLAIMABLE_BYTES to hide it
 * from /proc/vmstat, but zoneinfo printed it anyway as "%-12s %lu" with
 * an empty name, i.e. a line holding only a number (RHEL 8 kernels too).
 * The value is in bytes, not pages.
 */
#define ZI_HIDDEN_NODE_STAT "nr_indirectly_reclaimable"

enum zi_state {
	ZI_START,      /* before the first "Node" line */
	ZI_HEADER,     /* after "Node N, zone X", before "pages free" */
	ZI_NODE_STATS, /* inside "per-node stats" */
	ZI_ZONE,       /* after "pages free" */
	ZI_PAGESETS,   /* after "pagesets" */
	ZI_TAIL,       /* "name: value" lines after the pagesets */
};

/* Bits of struct zi_parser.fields_seen, in zone_fields[] order. */
static const struct zone_field {
	const char *label;
	size_t offset;
	unsigned int has;
} zone_fields[] = {
	{ "boost", offsetof(struct ms_zone, boost_pages), MS_ZONE_HAS_BOOST },
	{ "min", offsetof(struct ms_zone, min_pages), 0 },
	{ "low", offsetof(struct ms_zone, low_pages), 0 },
	{ "high", offsetof(struct ms_zone, high_pages), 0 },
	{ "promo", offsetof(struct ms_zone, promo_pages), MS_ZONE_HAS_PROMO },
	{ "spanned", offsetof(struct ms_zone, spanned_pages), 0 },
	{ "present", offsetof(struct ms_zone, present_pages), 0 },
	{ "managed", offsetof(struct ms_zone, managed_pages),
	  MS_ZONE_HAS_MANAGED },
	{ "cma", offsetof(struct ms_zone, cma_pages), MS_ZONE_HAS_CMA },
};

#define FIELD_BIT(i)  (1u << (i))
#define FIELD_MIN     FIELD_BIT(1)
#define FIELD_LOW     FIELD_BIT(2)
#define FIELD_HIGH    FIELD_BIT(3)
#define FIELD_SPANNED FIELD_BIT(5)
#define FIELD_PRESENT FIELD_BIT(6)

/* Per-CPU pageset lines, bits of struct zi_parser.pcp_seen. */
enum {
	PCP_COUNT = (1 << 0),
	PCP_HIGH = (1 << 1),
	PCP_BATCH = (1 << 2),
	PCP_HIGH_MIN = (1 << 3),
	PCP_HIGH_MAX = (1 << 4),
};

struct zi_parser {
	struct ms_zoneinfo *zi;
	const char *name;
	struct ms_diag *diag;
	unsigned int lineno;
	enum zi_state state;
	size_t zones_cap;
	size_t nodes_cap;
	size_t stats_cap;		  /* of the current zone's @stats */
	size_t node_stats_cap;		  /* of the current node's @stats */
	struct ms_strset stat_names;	  /* of the current zone's @stats */
	struct ms_strset node_stat_names; /* of the current node's @stats */
	bool node_stats_seen; /* the current node had "per-node stats" */
	unsigned int fields_seen;
	/* pagesets of the current zone */
	unsigned int pagesets_line;
	bool in_cpu;
	int64_t cpu;
	unsigned int cpu_line;
	unsigned int pcp_seen;
	/* protection entries of the first zone that printed them */
	unsigned int nr_protection;
};

static struct ms_zone *cur_zone(struct zi_parser *p)
{
	return &p->zi->zones[p->zi->nr_zones - 1];
}

static struct ms_zi_node *cur_node(struct zi_parser *p)
{
	return &p->zi->nodes[p->zi->nr_nodes - 1];
}

static int oom(struct zi_parser *p)
{
	return ms_diag_oom(p->diag, p->name);
}

static int bad(struct zi_parser *p, const char *what, const char *s, size_t len)
{
	return ms_diag_expected(p->diag, p->name, p->lineno, what, s, len);
}

static int parse_num(struct zi_parser *p, const char *label,
		     const struct ms_tok *t, uint64_t *out);

/*
 * parse_num() for a label taken from the input: quoted only when the
 * number is bad, since nearly every line goes through here.
 */
static int parse_num_named(struct zi_parser *p, const char *name,
			   size_t name_len, const struct ms_tok *t,
			   uint64_t *out)
{
	char label[64];

	if (!ms_parse_u64(t->s, t->len, out))
		return 0;
	ms_quote_tok(label, sizeof(label), name, name_len);
	return parse_num(p, label, t, out);
}

/* A whole token as an unsigned number; @label names it in messages. */
static int parse_num(struct zi_parser *p, const char *label,
		     const struct ms_tok *t, uint64_t *out)
{
	char q[64];
	int err;

	err = ms_parse_u64(t->s, t->len, out);
	if (!err)
		return 0;
	ms_quote_tok(q, sizeof(q), t->s, t->len);
	if (err == -ERANGE)
		return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
				   "'%s' value '%s' does not fit in 64 bits",
				   label, q);
	return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
			   "expected a number for '%s', found '%s'", label, q);
}

static const struct ms_stat *find_stat(const struct ms_stat *stats, size_t nr,
				       const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < nr; i++)
		if (!strncmp(stats[i].name, s, len) &&
		    stats[i].name[len] == '\0')
			return &stats[i];
	return NULL;
}

/* Appends (@s, @len) = @value to a stat array; a repeated name is an error. */
static int add_stat(struct zi_parser *p, struct ms_stat **stats, size_t *nr,
		    size_t *cap, struct ms_strset *names, const char *s,
		    size_t len, uint64_t value)
{
	struct ms_stat *st;
	char q[64];

	if (ms_strset_has(names, s, len))
		return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
				   "'%s' appears twice",
				   ms_quote_tok(q, sizeof(q), s, len));
	if (*nr == *cap) {
		size_t ncap = *cap ? *cap * 2 : 32;
		struct ms_stat *n = realloc(*stats, ncap * sizeof(*n));

		if (!n)
			return oom(p);
		*stats = n;
		*cap = ncap;
	}
	st = &(*stats)[*nr];
	st->name = strndup(s, len);
	if (!st->name)
		return oom(p);
	st->value = value;
	(*nr)++;
	if (ms_strset_add(names, st->name))
		return oom(p);
	return 0;
}

static int add_zone_stat(struct zi_parser *p, const char *s, size_t len,
			 uint64_t value)
{
	struct ms_zone *z = cur_zone(p);

	return add_stat(p, &z->stats, &z->nr_stats, &p->stats_cap,
			&p->stat_names, s, len, value);
}

/* The current CPU's pageset is complete: count, high and batch seen. */
static int close_cpu(struct zi_parser *p)
{
	static const struct {
		unsigned int bit;
		const char *label;
	} need[] = {
		{ PCP_COUNT, "count" },
		{ PCP_HIGH, "high" },
		{ PCP_BATCH, "batch" },
	};
	size_t i;

	if (!p->in_cpu)
		return 0;
	p->in_cpu = false;
	for (i = 0; i < ARRAY_SIZE(need); i++)
		if (!(p->pcp_seen & need[i].bit))
			return ms_diag_set(
				p->diag, p->name, p->cpu_line, -EINVAL,
				"expected '%s:' in the pageset of cpu %lld",
				need[i].label, (long long)p->cpu);
	return 0;
}

/* Leaves the "pagesets" section; it must have held at least one CPU. */
static int close_pagesets(struct zi_parser *p)
{
	int err;

	if (p->state != ZI_PAGESETS)
		return 0;
	err = close_cpu(p);
	if (err)
		return err;
	if (!cur_zone(p)->nr_cpus)
		return ms_diag_set(p->diag, p->name, p->pagesets_line, -EINVAL,
				   "expected 'cpu: N' after 'pagesets'");
	p->state = ZI_TAIL;
	return 0;
}

/* Checks the zone block that ends here for its mandatory lines. */
static int close_zone(struct zi_parser *p)
{
	struct ms_zone *z;
	int err;

	if (!p->zi->nr_zones)
		return 0;
	err = close_pagesets(p);
	if (err)
		return err;
	z = cur_zone(p);
	if (!(z->has & MS_ZONE_HAS_FREE))
		return ms_diag_set(p->diag, p->name, z->line, -EINVAL,
				   "expected 'pages free' in node %d, zone %s",
				   z->node, z->name);
	if ((p->fields_seen & (FIELD_MIN | FIELD_LOW | FIELD_HIGH)) !=
	    (FIELD_MIN | FIELD_LOW | FIELD_HIGH))
		return ms_diag_set(
			p->diag, p->name, z->line, -EINVAL,
			"expected 'min', 'low' and 'high' in node %d, zone %s",
			z->node, z->name);
	z->has |= MS_ZONE_HAS_WMARKS;
	if ((p->fields_seen & (FIELD_SPANNED | FIELD_PRESENT)) !=
	    (FIELD_SPANNED | FIELD_PRESENT))
		return ms_diag_set(
			p->diag, p->name, z->line, -EINVAL,
			"expected 'spanned' and 'present' in node %d, zone %s",
			z->node, z->name);
	return 0;
}

static int open_zone(struct zi_parser *p, const struct ms_tok *toks, int ntok,
		     const char *line, size_t len)
{
	struct ms_zoneinfo *zi = p->zi;
	struct ms_zone *z;
	char zone[MS_ZONE_NAME_MAX];
	size_t i;
	int node, err;

	if (ntok != 4 ||
	    ms_parse_node_zone(toks, ntok, &node, zone, sizeof(zone)))
		return bad(p, "'Node N, zone NAME'", line, len);
	err = close_zone(p);
	if (err)
		return err;

	if (!zi->nr_nodes || cur_node(p)->node != node) {
		struct ms_zi_node *n;

		if (zi->nr_nodes && cur_node(p)->node > node)
			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"expected nodes in ascending order, found node %d after node %d",
				node, cur_node(p)->node);
		if (zi->nr_nodes == p->nodes_cap) {
			size_t ncap = p->nodes_cap ? p->nodes_cap * 2 : 4;

			n = realloc(zi->nodes, ncap * sizeof(*n));
			if (!n)
				return oom(p);
			zi->nodes = n;
			p->nodes_cap = ncap;
		}
		n = &zi->nodes[zi->nr_nodes++];
		memset(n, 0, sizeof(*n));
		n->node = node;
		p->node_stats_cap = 0;
		ms_strset_clear(&p->node_stat_names);
		p->node_stats_seen = false;
	} else {
		/* nodes ascend: the node's zones are the last ones */
		for (i = zi->nr_zones; i-- > 0 && zi->zones[i].node == node;) {
			if (!strcmp(zi->zones[i].name, zone))
				return ms_diag_set(
					p->diag, p->name, p->lineno, -EINVAL,
					"zone %s of node %d appears twice",
					zone, node);
			if (zi->nr_zones - i == MS_MAX_ZONES_PER_NODE)
				return ms_diag_set(
					p->diag, p->name, p->lineno, -EINVAL,
					"expected at most %d zones in node %d",
					MS_MAX_ZONES_PER_NODE, node);
		}
	}

	if (zi->nr_zones == p->zones_cap) {
		size_t ncap = p->zones_cap ? p->zones_cap * 2 : 8;

		z = realloc(zi->zones, ncap * sizeof(*z));
		if (!z)
			return oom(p);
		zi->zones = z;
		p->zones_cap = ncap;
	}
	z = &zi->zones[zi->nr_zones++];
	memset(z, 0, sizeof(*z));
	z->node = node;
	memcpy(z->name, zone, sizeof(z->name));
	z->line = p->lineno;
	p->stats_cap = 0;
	ms_strset_clear(&p->stat_names);
	p->fields_seen = 0;
	p->in_cpu = false;
	p->state = ZI_HEADER;
	return 0;
}

/*
 * "protection: (0, 2877, 7826, 7826, 7826)": lowmem_reserve[] of every
 * zone index, "%ld" since 4.4 and "%lu" before.
 */
static int parse_protection(struct zi_parser *p, const char *s, size_t len)
{
	static const char form[] = "'protection: (N, N, ...)'";
	struct ms_zone *z = cur_zone(p);
	const char *full = s, *end;
	size_t full_len = len;
	unsigned int n = 0;

	if (z->has & MS_ZONE_HAS_PROTECTION)
		return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
				   "'protection:' appears twice");
	s += strlen("protection:");
	len -= strlen("protection:");
	ms_strip(&s, &len);
	if (len < 2 || s[0] != '(' || s[len - 1] != ')')
		return bad(p, form, full, full_len);
	end = s + len - 1;
	s++;
	for (;;) {
		const char *comma = memchr(s, ',', (size_t)(end - s));
		const char *item = s;
		size_t item_len = (size_t)((comma ? comma : end) - s);
		char q[64];
		int err;

		ms_strip(&item, &item_len);
		if (!item_len)
			return bad(p, form, full, full_len);
		if (n == MS_MAX_ZONES_PER_NODE)
			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"expected at most %d protection entries",
				MS_MAX_ZONES_PER_NODE);
		err = ms_parse_s64(item, item_len, &z->protection[n]);
		if (err == -ERANGE)
			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"protection entry '%s' does not fit in 64 bits",
				ms_quote_tok(q, sizeof(q), item, item_len));
		if (err)
			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"expected a number in the protection list, found '%s'",
				ms_quote_tok(q, sizeof(q), item, item_len));
		n++;
		if (!comma)
			break;
		s = comma + 1;
	}
	z->nr_protection = n;
	z->has |= MS_ZONE_HAS_PROTECTION;
	if (!p->nr_protection)
		p->nr_protection = n;
	else if (n != p->nr_protection)
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"expected %u protection entries as in the first zone, found %u",
			p->nr_protection, n);
	return 0;
}

/* "scanned N" (2.6.x: "scanned N (a: N i: N)"), <= 4.4 */
static int parse_scanned(struct zi_parser *p, const struct ms_tok *toks,
			 int ntok, const char *line, size_t len)
{
	uint64_t v, a, i;
	struct ms_tok last;
	int err;

	if (ntok != 2 && ntok != 6)
		return bad(p, "'scanned N'", line, len);
	err = parse_num(p, "scanned", &toks[1], &v);
	if (err)
		return err;
	if (ntok == 6) {
		if (!ms_tok_eq(&toks[2], "(a:") || !ms_tok_eq(&toks[4], "i:") ||
		    toks[5].s[toks[5].len - 1] != ')')
			return bad(p, "'scanned N (a: N i: N)'", line, len);
		last = toks[5];
		last.len--;
		err = parse_num(p, "scanned (a:", &toks[3], &a);
		if (!err)
			err = parse_num(p, "scanned i:", &last, &i);
		if (err)
			return err;
	}
	cur_zone(p)->has |= MS_ZONE_HAS_SCANNED;
	return add_zone_stat(p, toks[0].s, toks[0].len, v);
}

/* A "name value" line of the zone proper: a known field or a counter. */
static int zone_line(struct zi_parser *p, const struct ms_tok *toks, int ntok,
		     const char *line, size_t len)
{
	struct ms_zone *z = cur_zone(p);
	uint64_t v;
	size_t i;
	int err;

	if (ms_tok_eq(&toks[0], "scanned"))
		return parse_scanned(p, toks, ntok, line, len);
	if (ntok != 2 || toks[0].s[toks[0].len - 1] == ':')
		return bad(p, "'name value'", line, len);
	for (i = 0; i < ARRAY_SIZE(zone_fields); i++) {
		const struct zone_field *f = &zone_fields[i];

		if (!ms_tok_eq(&toks[0], f->label))
			continue;
		if (p->fields_seen & FIELD_BIT(i))
			return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
					   "'%s' appears twice", f->label);
		err = parse_num(p, f->label, &toks[1], &v);
		if (err)
			return err;
		memcpy((char *)z + f->offset, &v, sizeof(v));
		p->fields_seen |= FIELD_BIT(i);
		z->has |= f->has;
		return 0;
	}
	err = parse_num_named(p, toks[0].s, toks[0].len, &toks[1], &v);
	if (err)
		return err;
	if (ms_tok_eq(&toks[0], "nr_free_cma")) {
		z->nr_free_cma = v;
		z->has |= MS_ZONE_HAS_NR_FREE_CMA;
	} else if (ms_tok_eq(&toks[0], "nr_unaccepted")) {
		z->nr_unaccepted = v;
		z->has |= MS_ZONE_HAS_NR_UNACCEPTED;
	}
	return add_zone_stat(p, toks[0].s, toks[0].len, v);
}

/* After close_cpu(): the pageset of @cpu begins */
static void start_cpu(struct zi_parser *p, struct ms_zone *z, int64_t cpu)
{
	/* A hot/cold pair repeats the CPU number: count the CPU once. */
	if (!z->nr_cpus || cpu != p->cpu)
		z->nr_cpus++;
	p->in_cpu = true;
	p->cpu = cpu;
	p->cpu_line = p->lineno;
	p->pcp_seen = 0;
}

/* "cpu: N", or "cpu: N pcp: M" (2.6.x hot and cold lists of one CPU) */
static int cpu_line(struct zi_parser *p, const struct ms_tok *toks, int ntok,
		    const char *line, size_t len)
{
	struct ms_zone *z = cur_zone(p);
	int64_t cpu, pcp;
	int err;

	if ((ntok != 2 && ntok != 4) ||
	    ms_parse_s64(toks[1].s, toks[1].len, &cpu) || cpu < 0 ||
	    (ntok == 4 &&
	     (!ms_tok_eq(&toks[2], "pcp:") ||
	      ms_parse_s64(toks[3].s, toks[3].len, &pcp) || pcp < 0)))
		return bad(p, "'cpu: N'", line, len);
	err = close_cpu(p);
	if (err)
		return err;
	start_cpu(p, z, cpu);
	return 0;
}

static void pcp_store(struct ms_zone *z, unsigned int bit, uint64_t v);

/* "count: N", "high: N", "batch: N", "high_min: N", "high_max: N" */
static int pcp_line(struct zi_parser *p, const struct ms_tok *toks, int ntok,
		    unsigned int bit, const char *line, size_t len)
{
	struct ms_zone *z = cur_zone(p);
	char label[16];
	uint64_t v;
	int err;

	if (ntok != 2)
		return bad(p, "'NAME: N' in a pageset", line, len);
	if (!p->in_cpu)
		return bad(p, "'cpu: N' before the pageset values", line, len);
	if (ms_tok_copy(label, sizeof(label), toks[0].s, toks[0].len - 1))
		return bad(p, "'NAME: N' in a pageset", line, len);
	if (p->pcp_seen & bit)
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"'%s:' appears twice in the pageset of cpu %lld", label,
			(long long)p->cpu);
	err = parse_num(p, label, &toks[1], &v);
	if (err)
		return err;
	p->pcp_seen |= bit;
	if (bit == PCP_COUNT && v > UINT64_MAX - z->pcp_count)
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"sum of the pageset counts does not fit in 64 bits");
	pcp_store(z, bit, v);
	return 0;
}

/* Records one pageset value; a count is known to fit in the sum. */
static void pcp_store(struct ms_zone *z, unsigned int bit, uint64_t v)
{
	switch (bit) {
	case PCP_COUNT:
		z->pcp_count += v;
		break;
	case PCP_HIGH:
		if (v > z->pcp_high)
			z->pcp_high = v;
		break;
	case PCP_BATCH:
		if (v > z->pcp_batch)
			z->pcp_batch = v;
		break;
	case PCP_HIGH_MIN:
		if (v > z->pcp_high_min)
			z->pcp_high_min = v;
		break;
	default:
		if (v > z->pcp_high_max)
			z->pcp_high_max = v;
		break;
	}
}

/* "vm stats threshold: N", per CPU on SMP kernels; the largest is kept. */
static int threshold_line(struct zi_parser *p, const struct ms_tok *toks)
{
	struct ms_zone *z = cur_zone(p);
	uint64_t v;
	int err;

	err = parse_num(p, "vm stats threshold", &toks[3], &v);
	if (err)
		return err;
	if (v > z->stats_threshold)
		z->stats_threshold = v;
	return 0;
}

/* The "name: value" tail of a zone block. */
static int tail_line(struct zi_parser *p, const struct ms_tok *toks)
{
	static const struct {
		const char *label;
		size_t offset;
		unsigned int has;
	} tail_fields[] = {
		{ "node_unreclaimable:",
		  offsetof(struct ms_zone, node_unreclaimable), 0 },
		{ "all_unreclaimable:",
		  offsetof(struct ms_zone, node_unreclaimable), 0 },
		{ "start_pfn:", offsetof(struct ms_zone, start_pfn),
		  MS_ZONE_HAS_START_PFN },
		{ "reserved_highatomic:",
		  offsetof(struct ms_zone, reserved_highatomic),
		  MS_ZONE_HAS_HIGHATOMIC },
		{ "free_highatomic:", offsetof(struct ms_zone, free_highatomic),
		  MS_ZONE_HAS_HIGHATOMIC },
	};
	struct ms_zone *z = cur_zone(p);
	size_t i, label_len = toks[0].len - 1;
	uint64_t v;
	int err;

	err = parse_num_named(p, toks[0].s, label_len, &toks[1], &v);
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(tail_fields); i++) {
		if (!ms_tok_eq(&toks[0], tail_fields[i].label))
			continue;
		memcpy((char *)z + tail_fields[i].offset, &v, sizeof(v));
		z->has |= tail_fields[i].has;
		break;
	}
	/* Kept as a counter as well, which also catches a repeated line. */
	return add_zone_stat(p, toks[0].s, label_len, v);
}

static int node_stat_line(struct zi_parser *p, const struct ms_tok *toks,
			  int ntok, const char *line, size_t len)
{
	struct ms_zi_node *n = cur_node(p);
	const char *name;
	size_t name_len;
	uint64_t v;
	int err;

	if (ntok == 1 && !ms_parse_u64(toks[0].s, toks[0].len, &v)) {
		name = ZI_HIDDEN_NODE_STAT;
		name_len = strlen(name);
	} else if (ntok == 2 && toks[0].s[toks[0].len - 1] != ':') {
		name = toks[0].s;
		name_len = toks[0].len;
		err = parse_num_named(p, name, name_len, &toks[1], &v);
		if (err)
			return err;
	} else {
		return bad(p, "'name value' in the per-node stats", line, len);
	}
	return add_stat(p, &n->stats, &n->nr_stats, &p->node_stats_cap,
			&p->node_stat_names, name, name_len, v);
}

/*
 * pageset_fast() - the lines of a pageset, nearly all of a zoneinfo on a
 * machine with many CPUs, read without cutting them into tokens: "cpu:
 * N", "count: N", "high: N", "batch: N", "high_min: N", "high_max: N"
 * and "vm stats threshold: N", each well formed and in its place. It
 * reports nothing: any other line, or one that parse_line() would
 * refuse, is left to parse_line(), which says why.
 *
 * Return: 0 when the line was taken, 1 otherwise.
 */
static int pageset_fast(struct zi_parser *p, const char *line, size_t len)
{
	struct ms_zone *z = cur_zone(p);
	unsigned int bit;
	size_t tl, n;
	uint64_t v;
	bool cpu_done = !p->in_cpu ||
			(p->pcp_seen & (PCP_COUNT | PCP_HIGH | PCP_BATCH)) ==
				(PCP_COUNT | PCP_HIGH | PCP_BATCH);

	bool threshold = len > 20 && !memcmp(line, "vm stats threshold:", 19);

	tl = threshold ? 19 : ms_span_graph(line, len);
	n = ms_span_spaces(line + tl, len - tl);
	if (!n || tl < 2 || line[tl - 1] != ':' ||
	    ms_scan_dec(line + tl + n, len - tl - n, &v) != len - tl - n ||
	    len - tl - n > 19)
		return 1;
	switch (tl) {
	case 4:
		if (memcmp(line, "cpu:", 4) || v > INT64_MAX || !cpu_done)
			return 1;
		p->in_cpu = false;
		start_cpu(p, z, (int64_t)v);
		return 0;
	case 19:
		if (!threshold || !cpu_done)
			return 1;
		p->in_cpu = false;
		if (v > z->stats_threshold)
			z->stats_threshold = v;
		return 0;
	case 5:
		if (memcmp(line, "high:", 5))
			return 1;
		bit = PCP_HIGH;
		break;
	case 6:
		if (!memcmp(line, "count:", 6))
			bit = PCP_COUNT;
		else if (!memcmp(line, "batch:", 6))
			bit = PCP_BATCH;
		else
			return 1;
		break;
	case 9:
		if (!memcmp(line, "high_min:", 9))
			bit = PCP_HIGH_MIN;
		else if (!memcmp(line, "high_max:", 9))
			bit = PCP_HIGH_MAX;
		else
			return 1;
		break;
	default:
		return 1;
	}
	if (!p->in_cpu || (p->pcp_seen & bit) ||
	    (bit == PCP_COUNT && v > UINT64_MAX - z->pcp_count))
		return 1;
	p->pcp_seen |= bit;
	pcp_store(z, bit, v);
	return 0;
}

static int parse_line(struct zi_parser *p, const char *line, size_t len)
{
	struct ms_tok toks[ZI_MAX_TOKS];
	struct ms_zone *z;
	unsigned int bit = 0;
	int ntok, err;

	if (ms_starts_with(line, len, "Node")) {
		ntok = ms_tokenize(line, len, toks, ZI_MAX_TOKS);
		return open_zone(p, toks, ntok, line, len);
	}
	if (p->state == ZI_START)
		return bad(p, "'Node N, zone NAME'", line, len);
	z = cur_zone(p);

	if (ms_starts_with(line, len, "protection:")) {
		if (p->state == ZI_ZONE)
			return parse_protection(p, line, len);
		if (p->state == ZI_HEADER || p->state == ZI_NODE_STATS)
			return bad(p, "'pages free'", line, len);
		return bad(p, "'protection:' before 'pagesets'", line, len);
	}

	ntok = ms_tokenize(line, len, toks, ZI_MAX_TOKS);
	if (ntok < 0)
		return bad(p, "'name value'", line, len);

	if (ntok == 2 && ms_tok_eq(&toks[0], "per-node") &&
	    ms_tok_eq(&toks[1], "stats")) {
		if (p->state != ZI_HEADER)
			return bad(
				p,
				"'per-node stats' right after the zone header",
				line, len);
		if (p->node_stats_seen)
			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"'per-node stats' appears twice for node %d",
				z->node);
		z->has |= MS_ZONE_HAS_NODE_STATS;
		p->node_stats_seen = true;
		p->state = ZI_NODE_STATS;
		return 0;
	}
	if (ntok >= 2 && ms_tok_eq(&toks[0], "pages") &&
	    ms_tok_eq(&toks[1], "free")) {
		if (p->state != ZI_HEADER && p->state != ZI_NODE_STATS)
			return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
					   "'pages free' appears twice");
		if (ntok != 3)
			return bad(p, "'pages free N'", line, len);
		err = parse_num(p, "pages free", &toks[2], &z->free_pages);
		if (err)
			return err;
		z->has |= MS_ZONE_HAS_FREE;
		p->state = ZI_ZONE;
		return 0;
	}

	switch (p->state) {
	case ZI_HEADER:
		return bad(p, "'pages free'", line, len);
	case ZI_NODE_STATS:
		return node_stat_line(p, toks, ntok, line, len);
	default:
		break;
	}

	if (ntok == 1 && ms_tok_eq(&toks[0], "pagesets")) {
		if (p->state != ZI_ZONE)
			return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
					   "'pagesets' appears twice");
		p->state = ZI_PAGESETS;
		p->pagesets_line = p->lineno;
		z->has |= MS_ZONE_HAS_PAGESETS;
		return 0;
	}
	if (ms_tok_eq(&toks[0], "cpu:")) {
		if (p->state != ZI_PAGESETS)
			return bad(p, "'pagesets' before 'cpu:'", line, len);
		return cpu_line(p, toks, ntok, line, len);
	}
	if (ms_tok_eq(&toks[0], "count:"))
		bit = PCP_COUNT;
	else if (ms_tok_eq(&toks[0], "high:"))
		bit = PCP_HIGH;
	else if (ms_tok_eq(&toks[0], "batch:"))
		bit = PCP_BATCH;
	else if (ms_tok_eq(&toks[0], "high_min:"))
		bit = PCP_HIGH_MIN;
	else if (ms_tok_eq(&toks[0], "high_max:"))
		bit = PCP_HIGH_MAX;
	if (bit) {
		if (p->state != ZI_PAGESETS)
			return bad(p, "'pagesets' before pageset values", line,
				   len);
		return pcp_line(p, toks, ntok, bit, line, len);
	}
	if (ntok == 4 && ms_tok_eq(&toks[0], "vm") &&
	    ms_tok_eq(&toks[1], "stats") && ms_tok_eq(&toks[2], "threshold:")) {
		if (p->state == ZI_ZONE)
			return bad(p, "'pagesets' before 'vm stats threshold:'",
				   line, len);
		err = close_cpu(p);
		if (err)
			return err;
		return threshold_line(p, toks);
	}
	if (ntok == 2 && toks[0].len > 1 && toks[0].s[toks[0].len - 1] == ':') {
		err = close_pagesets(p);
		if (err)
			return err;
		p->state = ZI_TAIL;
		return tail_line(p, toks);
	}
	if (p->state == ZI_ZONE)
		return zone_line(p, toks, ntok, line, len);
	if (p->state == ZI_PAGESETS)
		return bad(p, "'cpu: N' or a pageset value", line, len);
	return bad(p, "'name: value' after the pagesets", line, len);
}

/* Canonical zone order: ms_zone_name_rank(), bit N for rank N. */
enum {
	ZO_DMA = (1 << 0),
	ZO_DMA32 = (1 << 1),
	ZO_NORMAL = (1 << 2),
	ZO_HIGHMEM = (1 << 3),
	ZO_MOVABLE = (1 << 4),
};

static int zone_order_pos(const char *name)
{
	return ms_zone_name_rank(name);
}

/*
 * Whether @set (bits of zone ranks) places every zone at an index
 * that fits in @nr_prot entries and agrees with its protection list:
 * setup_per_zone_lowmem_reserve() only ever sets lowmem_reserve[j] of
 * zone i for j > i, so entries 0..i are 0 in every kernel.
 */
static bool placement_fits(const struct ms_zoneinfo *zi, unsigned int set,
			   unsigned int nr_prot)
{
	size_t i;

	for (i = 0; i < zi->nr_zones; i++) {
		const struct ms_zone *z = &zi->zones[i];
		int o = zone_order_pos(z->name), k;
		unsigned int idx = 0;

		if (!(set & (1u << o)))
			return false;
		for (k = 0; k < o; k++)
			if (set & (1u << k))
				idx++;
		if (idx >= nr_prot)
			return false;
		for (k = 0; k <= (int)idx && k < (int)z->nr_protection; k++)
			if (z->protection[k])
				return false;
	}
	return true;
}

static unsigned int set_size(unsigned int set)
{
	return (unsigned int)__builtin_popcount(set);
}

int ms_zoneinfo_fix_indices(struct ms_zoneinfo *zi, const char *name,
			    struct ms_diag *diag)
{
	unsigned int cand[3], nr_cand = 0, nr_prot = 0, printed = 0, set = 0;
	bool populated_only = false, old_enum = false;
	size_t i, start;
	unsigned int c;

	for (i = 0; i < zi->nr_zones; i++) {
		const struct ms_zone *z = &zi->zones[i];

		if (z->nr_protection > nr_prot)
			nr_prot = z->nr_protection;
		if (ms_zone_stat(z, "temp_priority", NULL))
			old_enum = true;
	}
	/*
	 * Ordinals within each node; a node shorter than lowmem_reserve[]
	 * means the kernel skipped unpopulated zones.
	 */
	for (start = 0; start < zi->nr_zones; start = i) {
		unsigned int k = 0;

		for (i = start; i < zi->nr_zones &&
				zi->zones[i].node == zi->zones[start].node;
		     i++)
			zi->zones[i].index = k++;
		if (nr_prot && k > nr_prot)
			return ms_diag_set(
				diag, name, zi->zones[start].line, -EINVAL,
				"expected at most %u zones in node %d as in the protection list, found %u",
				nr_prot, zi->zones[start].node, k);
		if (k < nr_prot)
			populated_only = true;
	}
	zi->populated_only = populated_only;
	if (!populated_only)
		return 0;

	for (i = 0; i < zi->nr_zones; i++) {
		int o = zone_order_pos(zi->zones[i].name);

		if (o < 0)
			return ms_diag_set(
				diag, name, zi->zones[i].line, -EINVAL,
				"expected a known zone name (DMA, DMA32, Normal, HighMem, Movable, Device), found '%s'",
				zi->zones[i].name);
		printed |= 1u << o;
	}
	/*
	 * The zones configured on the machine: every name printed on any
	 * node, plus Normal and Movable which always exist. Kernels before
	 * 2.6.23 had no Movable zone; 2.6.15-2.6.18 had the fixed enum DMA,
	 * DMA32, Normal, HighMem. Files that print "temp_priority" come
	 * from 2.6.19 or older and skip the Movable guess.
	 */
	if (!old_enum)
		cand[nr_cand++] = printed | ZO_NORMAL | ZO_MOVABLE;
	cand[nr_cand++] = printed | ZO_NORMAL;
	if (old_enum &&
	    !(printed & ~(ZO_DMA | ZO_DMA32 | ZO_NORMAL | ZO_HIGHMEM)))
		cand[nr_cand++] = ZO_DMA | ZO_DMA32 | ZO_NORMAL | ZO_HIGHMEM;
	/* The first list as long as lowmem_reserve[], else the first fit. */
	for (c = 0; c < nr_cand && !set; c++)
		if (set_size(cand[c]) == nr_prot &&
		    placement_fits(zi, cand[c], nr_prot))
			set = cand[c];
	for (c = 0; c < nr_cand && !set; c++)
		if (placement_fits(zi, cand[c], nr_prot))
			set = cand[c];
	if (!set)
		return ms_diag_set(
			diag, name, zi->zones[0].line, -EINVAL,
			"expected the printed zones to fit the %u-entry protection lists",
			nr_prot);

	for (i = 0; i < zi->nr_zones; i++) {
		struct ms_zone *z = &zi->zones[i];
		int o = zone_order_pos(z->name), k;

		z->index = 0;
		for (k = 0; k < o; k++)
			if (set & (1u << k))
				z->index++;
	}
	for (i = 1; i < zi->nr_zones; i++) {
		const struct ms_zone *a = &zi->zones[i - 1];
		const struct ms_zone *b = &zi->zones[i];

		if (a->node == b->node && a->index >= b->index)
			return ms_diag_set(
				diag, name, b->line, -EINVAL,
				"expected zones in index order, found %s after %s",
				b->name, a->name);
	}
	return 0;
}

int ms_zoneinfo_parse(struct ms_zoneinfo *zi, const char *buf, size_t len,
		      const char *name, struct ms_diag *diag)
{
	struct zi_parser p = {
		.zi = zi,
		.name = name,
		.diag = diag,
		.state = ZI_START,
	};
	struct ms_cursor cur;
	const char *line;
	size_t line_len;
	int ret, err;

	memset(zi, 0, sizeof(*zi));
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
		if (p.state == ZI_PAGESETS && !pageset_fast(&p, line, line_len))
			continue;
		err = parse_line(&p, line, line_len);
		if (err)
			goto out_err;
	}
	if (!zi->nr_zones) {
		err = ms_diag_set(
			diag, name, 0, -EINVAL,
			"expected at least one 'Node N, zone NAME' block");
		goto out_err;
	}
	err = close_zone(&p);
	if (err)
		goto out_err;
	err = ms_zoneinfo_fix_indices(zi, name, diag);
	if (err)
		goto out_err;
	ms_strset_release(&p.stat_names);
	ms_strset_release(&p.node_stat_names);
	return 0;

out_err:
	ms_strset_release(&p.stat_names);
	ms_strset_release(&p.node_stat_names);
	ms_zoneinfo_release(zi);
	return err;
}

static void free_stats(struct ms_stat *stats, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++)
		free(stats[i].name);
	free(stats);
}

void ms_zoneinfo_release(struct ms_zoneinfo *zi)
{
	size_t i;

	for (i = 0; i < zi->nr_zones; i++)
		free_stats(zi->zones[i].stats, zi->zones[i].nr_stats);
	for (i = 0; i < zi->nr_nodes; i++)
		free_stats(zi->nodes[i].stats, zi->nodes[i].nr_stats);
	free(zi->zones);
	free(zi->nodes);
	memset(zi, 0, sizeof(*zi));
}

const struct ms_zone *ms_zoneinfo_find(const struct ms_zoneinfo *zi, int node,
				       const char *name)
{
	size_t i;

	for (i = 0; i < zi->nr_zones; i++)
		if (zi->zones[i].node == node &&
		    !strcmp(zi->zones[i].name, name))
			return &zi->zones[i];
	return NULL;
}

const struct ms_zi_node *ms_zoneinfo_node(const struct ms_zoneinfo *zi,
					  int node)
{
	size_t i;

	for (i = 0; i < zi->nr_nodes; i++)
		if (zi->nodes[i].node == node)
			return &zi->nodes[i];
	return NULL;
}

static bool stat_lookup(const struct ms_stat *stats, size_t nr,
			const char *name, uint64_t *value)
{
	const struct ms_stat *st = find_stat(stats, nr, name, strlen(name));

	if (!st)
		return false;
	if (value)
		*value = st->value;
	return true;
}

bool ms_zone_stat(const struct ms_zone *z, const char *name, uint64_t *value)
{
	return stat_lookup(z->stats, z->nr_stats, name, value);
}

bool ms_zi_node_stat(const struct ms_zi_node *n, const char *name,
		     uint64_t *value)
{
	return stat_lookup(n->stats, n->nr_stats, name, value);
}
