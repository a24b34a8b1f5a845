// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/buddyinfo, printed by frag_show_print() in mm/vmstat.c:
 * "Node %d, zone %8s " then "%6lu " per order. The text has not changed
 * since 2.6; only the number of orders varies by architecture and
 * configuration, so it is taken from the first line and every other line
 * must agree.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "proc/buddyinfo.h"
#include "lib/banned.h"

int ms_parse_node_zone(const struct ms_tok *toks, int ntok, int *node,
		       char *zone, size_t zone_size)
{
	int64_t n;
	size_t i;

	if (ntok < 4 || !ms_tok_eq(&toks[0], "Node"))
		return -EINVAL;
	/* "0," : the node number carries the comma */
	if (toks[1].len < 2 || toks[1].s[toks[1].len - 1] != ',')
		return -EINVAL;
	if (ms_parse_s64(toks[1].s, toks[1].len - 1, &n) || n < 0 ||
	    n >= MS_MAX_NODES)
		return -EINVAL;
	if (!ms_tok_eq(&toks[2], "zone"))
		return -EINVAL;
	if (ms_tok_copy(zone, zone_size, toks[3].s, toks[3].len))
		return -EINVAL;
	for (i = 0; zone[i]; i++)
		if (!isalnum((unsigned char)zone[i]) && zone[i] != '_')
			return -EINVAL;
	*node = (int)n;
	return 0;
}

int ms_zone_name_rank(const char *name)
{
	/* zone_names[] in mm/page_alloc.c, in enum zone_type order */
	static const char *const names[] = {
		"DMA", "DMA32", "Normal", "HighMem", "Movable", "Device",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(names[i], name))
			return (int)i;
	return -1;
}

/*
 * frag_show() walks the online nodes in ascending order and each node's
 * populated zones by index, so a line out of that order (or a zone seen
 * twice) is not something a kernel printed. Zone names memscope does
 * not know are only checked for repeats.
 */
static int check_order(const struct ms_buddyinfo *bi,
		       const struct ms_buddy_zone *z, const char *name,
		       unsigned int lineno, struct ms_diag *diag)
{
	const struct ms_buddy_zone *prev;
	size_t i;

	if (!bi->nr_zones)
		return 0;
	prev = &bi->zones[bi->nr_zones - 1];
	if (z->node < prev->node)
		return ms_diag_set(
			diag, name, lineno, -EINVAL,
			"expected nodes in ascending order, found node %d after node %d",
			z->node, prev->node);
	for (i = bi->nr_zones; i-- > 0 && bi->zones[i].node == z->node;) {
		if (!strcmp(bi->zones[i].zone, z->zone))
			return ms_diag_set(diag, name, lineno, -EINVAL,
					   "zone %s of node %d appears twice",
					   z->zone, z->node);
		if (bi->nr_zones - i == MS_MAX_ZONES_PER_NODE)
			return ms_diag_set(
				diag, name, lineno, -EINVAL,
				"expected at most %d zones in node %d",
				MS_MAX_ZONES_PER_NODE, z->node);
	}
	if (prev->node == z->node && ms_zone_name_rank(z->zone) >= 0 &&
	    ms_zone_name_rank(z->zone) < ms_zone_name_rank(prev->zone))
		return ms_diag_set(
			diag, name, lineno, -EINVAL,
			"expected zones in index order, found %s after %s",
			z->zone, prev->zone);
	return 0;
}

int ms_buddyinfo_parse(struct ms_buddyinfo *bi, const char *buf, size_t len,
		       const char *name, struct ms_diag *diag)
{
	struct ms_tok toks[4 + MS_MAX_ORDERS + 1];
	struct ms_cursor cur;
	const char *line;
	size_t line_len, cap = 0;
	int ret, err;

	memset(bi, 0, sizeof(*bi));
	ms_cursor_init(&cur, buf, len);
	while ((ret = ms_cursor_next(&cur, &line, &line_len)) != 0) {
		struct ms_buddy_zone *z;
		unsigned int nr, i;
		int ntok;

		if (ret < 0) {
			err = ms_diag_set(diag, name, cur.lineno, -EINVAL,
					  "unexpected binary data");
			goto out_err;
		}
		ntok = ms_tokenize(line, line_len, toks, ARRAY_SIZE(toks));
		if (ntok == 0)
			continue;
		if (ntok < 0 || ntok > 4 + MS_MAX_ORDERS) {
			err = ms_diag_set(diag, name, cur.lineno, -EINVAL,
					  "more than %d orders", MS_MAX_ORDERS);
			goto out_err;
		}
		if (bi->nr_zones == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct ms_buddy_zone *nz;

			nz = realloc(bi->zones, ncap * sizeof(*nz));
			if (!nz) {
				err = ms_diag_set(diag, name, 0, -ENOMEM,
						  "out of memory");
				goto out_err;
			}
			bi->zones = nz;
			cap = ncap;
		}
		z = &bi->zones[bi->nr_zones];
		memset(z, 0, sizeof(*z));
		if (ms_parse_node_zone(toks, ntok, &z->node, z->zone,
				       sizeof(z->zone))) {
			err = ms_diag_set(diag, name, cur.lineno, -EINVAL,
					  "expected 'Node N, zone NAME'");
			goto out_err;
		}
		err = check_order(bi, z, name, cur.lineno, diag);
		if (err)
			goto out_err;
		nr = (unsigned int)(ntok - 4);
		if (nr == 0) {
			err = ms_diag_set(
				diag, name, cur.lineno, -EINVAL,
				"expected free block counts after the zone name");
			goto out_err;
		}
		if (bi->nr_zones == 0) {
			bi->nr_orders = nr;
		} else if (nr != bi->nr_orders) {
			err = ms_diag_set(
				diag, name, cur.lineno, -EINVAL,
				"expected %u orders as on the first line, found %u",
				bi->nr_orders, nr);
			goto out_err;
		}
		for (i = 0; i < nr; i++) {
			const struct ms_tok *t = &toks[4 + i];
			char q[64];

			err = ms_parse_u64(t->s, t->len, &z->free_blocks[i]);
			if (err) {
				err = ms_diag_set(
					diag, name, cur.lineno, -EINVAL,
					err == -ERANGE ?
						"order %u count '%s' does not fit in 64 bits" :
						"order %u: expected a block count, found '%s'",
					i,
					ms_quote_tok(q, sizeof(q), t->s,
						     t->len));
				goto out_err;
			}
		}
		bi->nr_zones++;
	}
	if (bi->nr_zones == 0) {
		err = ms_diag_set(
			diag, name, 0, -EINVAL,
			"expected at least one 'Node N, zone NAME' line");
		goto out_err;
	}
	return 0;

out_err:
	ms_buddyinfo_release(bi);
	return err;
}

void ms_buddyinfo_release(struct ms_buddyinfo *bi)
{
	free(bi->zones);
	memset(bi, 0, sizeof(*bi));
}

const struct ms_buddy_zone *ms_buddyinfo_find(const struct ms_buddyinfo *bi,
					      int node, const char *zone)
{
	size_t i;

	for (i = 0; i < bi->nr_zones; i++)
		if (bi->zones[i].node == node &&
		    !strcmp(bi->zones[i].zone, zone))
			return &bi->zones[i];
	return NULL;
}
