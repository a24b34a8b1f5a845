// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope top, tab 2: one zone at a time, its free blocks by order as
 * a bar chart with the kernel's unusable and fragmentation indices and
 * the GFP_ATOMIC headroom at each order, and sparklines of its free
 * pages and of its unusable index at a chosen order over the samples.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/frag.h"
#include "out/units.h"
#include "tui/top_int.h"
#include "lib/banned.h"

static struct top_zone_hist *hist_find(struct top_screen *sc, int node,
				       const char *name, bool add)
{
	struct top_zone_hist *h;
	size_t i;

	for (i = 0; i < sc->nr_hist; i++)
		if (sc->hist[i]->node == node &&
		    !strcmp(sc->hist[i]->name, name))
			return sc->hist[i];
	if (!add || sc->nr_hist == TOP_MAX_HIST_ZONES)
		return NULL;
	h = calloc(1, sizeof(*h));
	if (!h)
		return NULL;
	h->node = node;
	snprintf(h->name, sizeof(h->name), "%s", name);
	sc->hist[sc->nr_hist++] = h;
	return h;
}

void top_zones_record(struct top_screen *sc)
{
	const struct ms_overview *ov = sc->s->ov;
	size_t i;
	unsigned int o;

	if (sc->s->number == sc->last_number)
		return;
	/* the Zones tab starts on the largest zone, usually Normal */
	if (!sc->last_number)
		for (i = 0; i < ov->nr_zones; i++)
			if (ov->zones[i].zone &&
			    ov->zones[i].zone->present_pages >
				    (ov->zones[sc->zone_sel].zone ?
					     ov->zones[sc->zone_sel]
						     .zone->present_pages :
					     0))
				sc->zone_sel = i;
	sc->last_number = sc->s->number;
	for (i = 0; i < ov->nr_zones; i++) {
		const struct ms_overview_zone *oz = &ov->zones[i];
		struct top_zone_hist *h =
			hist_find(sc, oz->node, oz->name, true);

		if (!h)
			continue;
		h->free_pages[h->head] = oz->zone ? oz->zone->free_pages : 0;
		h->has_frag[h->head] = oz->buddy != NULL;
		for (o = 0; o < MS_MAX_ORDERS; o++)
			h->unusable[h->head][o] =
				(int16_t)(oz->buddy ? oz->unusable[o] : 0);
		h->head = (h->head + 1) % TOP_HISTORY;
		if (h->len < TOP_HISTORY)
			h->len++;
	}
}

void top_zones_release(struct top_screen *sc)
{
	size_t i;

	for (i = 0; i < sc->nr_hist; i++)
		free(sc->hist[i]);
	sc->nr_hist = 0;
}

void top_zones_key(struct top_screen *sc, int k)
{
	const struct ms_overview *ov = sc->s ? sc->s->ov : NULL;
	unsigned int nr_orders = ov ? ov->nr_orders : 0;

	switch (k) {
	case KEY_LEFT:
		if (sc->zone_sel)
			sc->zone_sel--;
		break;
	case KEY_RIGHT:
		if (ov && sc->zone_sel + 1 < ov->nr_zones)
			sc->zone_sel++;
		break;
	case KEY_UP:
		if (sc->frag_order)
			sc->frag_order--;
		break;
	case KEY_DOWN:
		if (sc->frag_order + 1 < nr_orders)
			sc->frag_order++;
		break;
	default:
		break;
	}
}

/* The @i-th oldest sample of @h (0 <= i < len) in ring order. */
static size_t slot(const struct top_zone_hist *h, size_t i)
{
	return (h->head + TOP_HISTORY - h->len + i) % TOP_HISTORY;
}

/* "pagetypeinfo read 4s ago" */
static const char *read_ago(char *buf, size_t size, const struct ms_top_file *f)
{
	char age[16];

	snprintf(buf, size, "pagetypeinfo read %s ago",
		 top_age(age, sizeof(age), f->age_s));
	return buf;
}

static void draw_history(struct top_screen *sc, int y,
			 const struct ms_overview_zone *oz)
{
	const struct top_zone_hist *h =
		hist_find(sc, oz->node, oz->name, false);
	const struct ms_top_file *pt = &sc->s->files[MS_TOP_F_PAGETYPEINFO];
	double v[TOP_HISTORY];
	bool ok[TOP_HISTORY];
	int x = 14, width = COLS - x - 12;
	double hi = 0;
	char a[40], b[32];
	size_t i;

	if (!h || !h->len)
		return;
	for (i = 0; i < h->len; i++) {
		size_t k = slot(h, i);

		v[i] = (double)h->free_pages[k];
		ok[i] = oz->zone != NULL;
		if (v[i] > hi)
			hi = v[i];
	}
	top_put(y, 0, "free pages");
	top_spark(sc, y, x, width, v, ok, h->len, 0, hi);
	if (oz->zone)
		top_put(y, COLS - 11, "%10s",
			ms_units_bytes(a, sizeof(a),
				       oz->zone->free_pages *
					       sc->o->page_size));
	for (i = 0; i < h->len; i++) {
		size_t k = slot(h, i);

		v[i] = h->unusable[k][sc->frag_order];
		ok[i] = h->has_frag[k];
	}
	top_put(y + 1, 0, "unusable@%u", sc->frag_order);
	/* the index runs from 0 to 1000 thousandths */
	top_spark(sc, y + 1, x, width, v, ok, h->len, 0, 1000);
	if (oz->buddy)
		top_put(y + 1, COLS - 11, "%10s",
			ms_frag_format_kernel(b, sizeof(b),
					      oz->unusable[sc->frag_order],
					      false));
	top_color_on(sc, TC_DIM);
	top_put(y + 2, x, "%zu sample%s, newest at the right", h->len,
		h->len == 1 ? "" : "s");
	if (pt->ok)
		top_put(y + 2, COLS - 30, "%30s", read_ago(a, sizeof(a), pt));
	top_color_off(sc, TC_DIM);
}

static void draw_header(struct top_screen *sc, int y,
			const struct ms_overview_zone *oz, size_t nr)
{
	const struct ms_zone *z = oz->zone;
	uint64_t ps = sc->o->page_size;
	char a[32], b[32], c[32], d[32];

	top_color_on(sc, TC_BOLD);
	top_put(y, 0, "Zone %zu/%zu: node %d %s", sc->zone_sel + 1, nr,
		oz->node, oz->name);
	top_color_off(sc, TC_BOLD);
	top_color_on(sc, TC_DIM);
	top_put(y, 36, "left/right zone, up/down order");
	top_color_off(sc, TC_DIM);
	if (!z) {
		top_put(y + 1, 0, "no zoneinfo: %s",
			sc->s->files[MS_TOP_F_ZONEINFO].why);
		return;
	}
	top_put(y + 1, 0, "free %s  min %s  low %s  high %s  ",
		ms_units_bytes(a, sizeof(a), z->free_pages * ps),
		ms_units_bytes(b, sizeof(b), z->min_pages * ps),
		ms_units_bytes(c, sizeof(c), z->low_pages * ps),
		ms_units_bytes(d, sizeof(d), z->high_pages * ps));
	top_color_on(sc, top_state_color(oz->state));
	addnstr(ms_zone_state_name(oz->state),
		COLS - getcurx(stdscr) > 0 ? COLS - getcurx(stdscr) : 0);
	top_color_off(sc, top_state_color(oz->state));
}

void top_draw_zones(struct top_screen *sc)
{
	const struct ms_overview *ov = sc->s->ov;
	const struct ms_overview_zone *oz;
	int y = TOP_FIRST_LINE, bar_x = 16, bar_w, yo;
	uint64_t max_blocks = 0;
	unsigned int o;
	char a[32], b[32], c[32], d[32];

	if (!ov->nr_zones) {
		top_put(y, 0, "No zones: %s",
			sc->s->files[MS_TOP_F_ZONEINFO].ok ?
				sc->s->files[MS_TOP_F_BUDDYINFO].why :
				sc->s->files[MS_TOP_F_ZONEINFO].why);
		return;
	}
	if (sc->zone_sel >= ov->nr_zones)
		sc->zone_sel = ov->nr_zones - 1;
	if (sc->frag_order >= ov->nr_orders)
		sc->frag_order = ov->nr_orders ? ov->nr_orders - 1 : 0;
	oz = &ov->zones[sc->zone_sel];
	draw_header(sc, y, oz, ov->nr_zones);
	y += 2;
	bar_w = COLS - bar_x - 43;
	top_color_on(sc, TC_BOLD);
	top_put(y, 0, "ORDER    BLOCKS  FREE BLOCKS");
	top_put(y, bar_x + bar_w, "%10s %9s %8s %9s", "PAGES", "UNUSABLE",
		"EXTFRAG", "ATOMIC");
	top_color_off(sc, TC_BOLD);
	y++;
	if (!oz->buddy) {
		top_put(y, 0, "no buddyinfo: %s",
			sc->s->files[MS_TOP_F_BUDDYINFO].why);
		draw_history(sc, LINES - 4, oz);
		return;
	}
	for (o = 0; o < ov->nr_orders; o++)
		if (oz->buddy->free_blocks[o] > max_blocks)
			max_blocks = oz->buddy->free_blocks[o];
	for (o = 0, yo = y; o < ov->nr_orders && yo < LINES - 4; o++, yo++) {
		uint64_t n = oz->buddy->free_blocks[o];
		int len = max_blocks ? (int)((double)n / (double)max_blocks *
						     (double)bar_w +
					     0.5) :
				       0;
		bool sel = o == sc->frag_order;

		if (n && !len)
			len = 1;
		if (sel)
			top_color_on(sc, TC_BOLD);
		top_put(yo, 0, "%c%4u %9s  ", sel ? '>' : ' ', o,
			top_count(a, sizeof(a), n));
		if (sel)
			top_color_off(sc, TC_BOLD);
		top_color_on(sc, TC_INFO);
		if (len)
			mvhline(yo, bar_x, '#', len);
		top_color_off(sc, TC_INFO);
		top_put(yo, bar_x + bar_w, "%10s %9s %8s %9s",
			ms_units_bytes(b, sizeof(b),
				       (n << o) * sc->o->page_size),
			ms_frag_format_kernel(c, sizeof(c), oz->unusable[o],
					      false),
			ms_frag_format_kernel(d, sizeof(d), oz->extfrag[o],
					      false),
			oz->has_atomic ?
				top_count(a, sizeof(a), oz->headroom[o]) :
				"-");
	}
	draw_history(sc, LINES - 4, oz);
}
