// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope top, tab 1: memory totals, every zone against its watermarks,
 * the worst GFP_ATOMIC verdict per order, the largest slab caches and
 * vmalloc callers, and the reclaim and compaction counters with rates.
 */
#include <curses.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "out/units.h"
#include "tui/top_int.h"
#include "lib/banned.h"

/* Lines the blocks below the zones need at least (see top_draw_overview). */
#define ATOMIC_LINES  3
#define STALL_LINES   6
#define FILES_LINES   1
#define MIN_CONSUMERS 2

static uint64_t mem_kb(const struct ms_kv *mi, const char *key, bool *ok)
{
	uint64_t v = 0;

	if (!ms_kv_get(mi, key, &v))
		*ok = false;
	return v;
}

/* " key VALUE" for a meminfo line, "-" when absent */
static const char *mem(char *buf, size_t size, const struct ms_kv *mi,
		       const char *key)
{
	bool ok = true;
	uint64_t kb = mem_kb(mi, key, &ok);

	if (!ok)
		snprintf(buf, size, "-");
	else
		ms_units_bytes(buf, size, kb * 1024);
	return buf;
}

static int draw_memory(struct top_screen *sc, int y)
{
	const struct ms_top_sample *s = sc->s;
	const struct ms_kv *mi = s->meminfo;
	char a[32], b[32], c[32], d[32], e[32];
	bool ok = true;
	uint64_t st, sf;

	top_section(sc, y, 0, "Memory");
	if (!mi) {
		top_put(y, 8, "unavailable: %s",
			s->files[MS_TOP_F_MEMINFO].why);
		return y + 2;
	}
	st = mem_kb(mi, "SwapTotal", &ok);
	sf = mem_kb(mi, "SwapFree", &ok);
	if (ok && sf <= st) {
		ms_units_bytes(d, sizeof(d), (st - sf) * 1024);
		ms_units_bytes(e, sizeof(e), st * 1024);
	} else {
		snprintf(d, sizeof(d), "-");
		snprintf(e, sizeof(e), "-");
	}
	top_put(y, 8, "total %s  free %s  available %s  swap %s/%s",
		mem(a, sizeof(a), mi, "MemTotal"),
		mem(b, sizeof(b), mi, "MemFree"),
		mem(c, sizeof(c), mi, "MemAvailable"), d, e);
	top_put(y + 1, 8, "anon %s  cached %s  slab %s  vmalloc %s",
		mem(a, sizeof(a), mi, "AnonPages"),
		mem(b, sizeof(b), mi, "Cached"), mem(d, sizeof(d), mi, "Slab"),
		mem(e, sizeof(e), mi, "VmallocUsed"));
	/* the longest values need 84 columns for the lot */
	if (COLS >= 90)
		top_put(y + 1, getcurx(stdscr), "  shmem %s",
			mem(c, sizeof(c), mi, "Shmem"));
	return y + 2;
}

/* The column of @v on a log scale of @width columns up to @max. */
static int log_col(uint64_t v, uint64_t max, int width)
{
	double r;

	if (!max || !v)
		return 0;
	r = log1p((double)v) / log1p((double)max);
	if (r > 1)
		r = 1;
	return (int)lround(r * (width - 1));
}

/*
 * "[####m#l#h######.......]": free pages filled from the left, the
 * watermarks min, low and high marked, on a log scale up to the zone's
 * managed pages (they span five orders of magnitude, so a linear scale
 * would press the marks into the first column).
 */
static void zone_bar(struct top_screen *sc, int y, int x, int width,
		     const struct ms_zone *z, enum ms_zone_state st)
{
	uint64_t max = z->managed_pages ? z->managed_pages : z->present_pages;
	int fill, i;

	if (z->free_pages > max)
		max = z->free_pages;
	if (z->high_pages > max)
		max = z->high_pages;
	fill = z->free_pages ? log_col(z->free_pages, max, width) + 1 : 0;
	top_put(y, x, "[");
	top_color_on(sc, top_state_color(st));
	for (i = 0; i < width; i++)
		mvaddch(y, x + 1 + i, i < fill ? '#' : '.');
	top_color_off(sc, top_state_color(st));
	top_color_on(sc, TC_BOLD);
	mvaddch(y, x + 1 + log_col(z->min_pages, max, width), 'm');
	if (log_col(z->low_pages, max, width) !=
	    log_col(z->min_pages, max, width))
		mvaddch(y, x + 1 + log_col(z->low_pages, max, width), 'l');
	if (log_col(z->high_pages, max, width) !=
	    log_col(z->low_pages, max, width))
		mvaddch(y, x + 1 + log_col(z->high_pages, max, width), 'h');
	top_color_off(sc, TC_BOLD);
	top_put(y, x + 1 + width, "]");
}

static const char *state_word(enum ms_zone_state st)
{
	switch (st) {
	case MS_ZONE_OK:
		return "ok";
	case MS_ZONE_BELOW_HIGH:
		return "below high";
	case MS_ZONE_BELOW_LOW:
		return "BELOW LOW";
	case MS_ZONE_BELOW_MIN:
		return "BELOW MIN";
	case MS_ZONE_EMPTY:
		break;
	}
	return "-";
}

static int draw_zones(struct top_screen *sc, int y, int max_rows)
{
	const struct ms_overview *ov = sc->s->ov;
	bool wide = COLS >= 120;
	int width = COLS - 36 - (wide ? 30 : 0);
	char a[32], b[32], c[32];
	size_t i;
	int rows = 0;

	top_section(sc, y, 0, "Zones");
	if (!ov->nr_zones || !ov->zones[0].zone) {
		top_put(y, 8, "unavailable: %s",
			sc->s->files[MS_TOP_F_ZONEINFO].why);
		return y + 1;
	}
	top_put(y, 12, "free pages against m(in) l(ow) h(igh), log scale");
	if (wide)
		top_put(y, COLS - 30, "%9s %9s %9s", "MIN", "LOW", "HIGH");
	y++;
	for (i = 0; i < ov->nr_zones; i++) {
		const struct ms_overview_zone *oz = &ov->zones[i];
		const struct ms_zone *z = oz->zone;
		uint64_t ps = sc->o->page_size;

		if (rows == max_rows) {
			top_put(y - 1, COLS - 24, " +%zu more: Zones tab ",
				ov->nr_zones - i);
			break;
		}
		top_put(y, 0, "%3d %-8s", oz->node, oz->name);
		zone_bar(sc, y, 13, width, z, oz->state);
		top_put(y, 15 + width, "%9s ",
			ms_units_bytes(a, sizeof(a), z->free_pages * ps));
		top_color_on(sc, top_state_color(oz->state));
		top_put(y, 25 + width, "%s", state_word(oz->state));
		top_color_off(sc, top_state_color(oz->state));
		if (wide)
			top_put(y, COLS - 30, "%9s %9s %9s",
				ms_units_bytes(a, sizeof(a), z->min_pages * ps),
				ms_units_bytes(b, sizeof(b), z->low_pages * ps),
				ms_units_bytes(c, sizeof(c),
					       z->high_pages * ps));
		y++;
		rows++;
	}
	return y;
}

static int draw_atomic(struct top_screen *sc, int y)
{
	const struct ms_overview *ov = sc->s->ov;
	unsigned int o, n = ov->nr_orders;
	int cw, x0 = 10;
	char buf[32];

	top_section(sc, y, 0, "GFP_ATOMIC");
	if (!ov->has_atomic) {
		top_put(y, x0 + 1, "no model: %s",
			sc->s->files[MS_TOP_F_ZONEINFO].ok ?
				"no zone can serve GFP_ATOMIC" :
				sc->s->files[MS_TOP_F_ZONEINFO].why);
		return y + ATOMIC_LINES;
	}
	cw = n ? (COLS - x0) / (int)n : 6;
	if (cw > 8)
		cw = 8;
	top_put(y + 1, 0, " worst");
	top_put(y + 2, 0, " requests");
	for (o = 0; o < n; o++) {
		const struct ms_overview_order *w = &ov->orders[o];
		int x = x0 + (int)o * cw;

		top_putw(y, x, cw, "%*u", cw - 1, o);
		top_color_on(sc, top_risk_color(w->risk));
		top_putw(y + 1, x, cw, "%*s", cw - 1, top_risk_word(w->risk));
		top_color_off(sc, top_risk_color(w->risk));
		top_putw(y + 2, x, cw, "%*s", cw - 1,
			 top_count(buf, sizeof(buf), w->headroom));
	}
	return y + ATOMIC_LINES;
}

/* The index in @m's rows of the @k-th largest cache, for k = 0, 1, ... */
static size_t nth_largest(const struct ms_slab_model *m, size_t *taken,
			  size_t nr_taken)
{
	size_t i, j, best = (size_t)-1;

	for (i = 0; i < m->nr_rows; i++) {
		bool used = false;

		for (j = 0; j < nr_taken; j++)
			if (taken[j] == i)
				used = true;
		if (used)
			continue;
		/* ties: file order, as memscope slab sorts */
		if (best == (size_t)-1 ||
		    m->rows[i].bytes > m->rows[best].bytes ||
		    (m->rows[i].bytes == m->rows[best].bytes &&
		     m->rows[i].index < m->rows[best].index))
			best = i;
	}
	return best;
}

static void draw_slab_top(struct top_screen *sc, int y, int x, int w, int rows)
{
	const struct ms_slab_model *m = sc->s->slab;
	size_t taken[64], n = 0;
	char a[32], b[32], t[64];

	if (!m) {
		char msg[400];

		top_section(sc, y, x, "Slab");
		snprintf(msg, sizeof(msg), "unavailable: %s",
			 sc->s->files[MS_TOP_F_SLABINFO].why);
		top_wrap(y + 1, x, w - 1, msg);
		return;
	}
	snprintf(t, sizeof(t), "Slab caches %s",
		 ms_units_bytes(a, sizeof(a), m->totals.bytes));
	top_section(sc, y, x, t);
	if (m->has_delta)
		top_putw(y, x + w - 10, 10, "%10s", "CHANGE");
	while ((int)n < rows && n < ARRAY_SIZE(taken)) {
		size_t i = nth_largest(m, taken, n);
		const struct ms_slab_row *r;

		if (i == (size_t)-1)
			break;
		taken[n++] = i;
		r = &m->rows[i];
		top_putw(y + (int)n, x, w - 11, "%9s %s",
			 ms_units_bytes(a, sizeof(a), r->bytes),
			 r->cache->name);
		if (r->flags & MS_SLAB_HAS_DELTA)
			top_putw(y + (int)n, x + w - 10, 10, "%10s",
				 ms_tui_sbytes(b, sizeof(b), r->delta_bytes));
	}
}

static void draw_vmalloc_top(struct top_screen *sc, int y, int x, int w,
			     int rows)
{
	const struct ms_vmalloc_stats *st = sc->s->vmalloc;
	const struct ms_top_file *f = &sc->s->files[MS_TOP_F_VMALLOCINFO];
	const struct ms_top_vmalloc_row *callers =
		sc->s->vm_rows[MS_TOP_VM_CALLER];
	size_t nr = sc->s->nr_vm_rows[MS_TOP_VM_CALLER], i;
	char a[32], b[32], t[96], age[16];

	if (!st) {
		char msg[400];

		top_section(sc, y, x, "Vmalloc");
		snprintf(msg, sizeof(msg), "unavailable: %s", f->why);
		top_wrap(y + 1, x, w - 1, msg);
		return;
	}
	snprintf(t, sizeof(t), "Vmalloc %s",
		 ms_units_bytes(a, sizeof(a), st->size_bytes));
	top_section(sc, y, x, t);
	top_putw(y, x + (int)strlen(t) + 1, w - (int)strlen(t) - 12,
		 "read %s ago", top_age(age, sizeof(age), f->age_s));
	if (nr && callers[0].has_delta)
		top_putw(y, x + w - 10, 10, "%10s", "CHANGE");
	for (i = 0; (int)i < rows && i < nr; i++) {
		const struct ms_top_vmalloc_row *r = &callers[i];
		const struct ms_vmalloc_group *g = r->group;
		char name[96];

		snprintf(name, sizeof(name), "%s%s%s%s",
			 g->name ? g->name : "(no caller)",
			 g->module ? " [" : "", g->module ? g->module : "",
			 g->module ? "]" : "");
		top_putw(y + 1 + (int)i, x, w - 11, "%9s %s",
			 ms_units_bytes(a, sizeof(a), g->size_bytes), name);
		if (r->has_delta)
			top_putw(y + 1 + (int)i, x + w - 10, 10, "%10s",
				 ms_tui_sbytes(b, sizeof(b), r->delta_bytes));
	}
}

/* Two columns of counters: the compaction ones, then reclaim. */
static void draw_stalls(struct top_screen *sc, int y)
{
	static const enum ms_stall_id left[] = {
		MS_STALL_COMPACT_STALL,	  MS_STALL_COMPACT_FAIL,
		MS_STALL_COMPACT_SUCCESS, MS_STALL_COMPACT_DAEMON_WAKE,
		MS_STALL_OOM_KILL,
	};
	static const enum ms_stall_id right[] = {
		MS_STALL_ALLOCSTALL,	 MS_STALL_PGSCAN_DIRECT,
		MS_STALL_PGSTEAL_DIRECT, MS_STALL_PGSCAN_KSWAPD,
		MS_STALL_PGSTEAL_KSWAPD,
	};
	const struct ms_stall_counters *c = sc->s->stall;
	const struct ms_stall_rates *r = sc->s->rates;
	int half = COLS / 2, row, side;

	top_section(sc, y, 0, "Compaction");
	top_section(sc, y, half, "Reclaim");
	if (!c) {
		top_put(y + 1, 2, "unavailable: %s",
			sc->s->files[MS_TOP_F_VMSTAT].why);
		return;
	}
	for (side = 0; side < 2; side++) {
		int x = side ? half : 0;

		top_put(y, x + 21, "%8s %8s", "TOTAL", "PER SEC");
		for (row = 0; row < 5; row++) {
			enum ms_stall_id id = side ? right[row] : left[row];
			bool present = c->present & (1u << id);
			char a[32], b[32];

			top_put(y + 1 + row, x + 1, "%-19s %8s %8s",
				ms_stall_name(id),
				present ?
					top_count(a, sizeof(a), c->value[id]) :
					"-",
				top_rate(b, sizeof(b), r ? r->per_s[id] : 0,
					 r && (r->valid & (1u << id))));
		}
	}
}

/* pagetypeinfo's and vmallocinfo's age, and the files that are missing */
static void draw_files(struct top_screen *sc, int y)
{
	static const char *const names[MS_TOP_F_PROCS] = {
		"meminfo", "zoneinfo", "buddyinfo",   "pagetypeinfo",
		"vmstat",  "slabinfo", "vmallocinfo",
	};
	static const enum ms_top_file_id slow[] = { MS_TOP_F_PAGETYPEINFO,
						    MS_TOP_F_VMALLOCINFO };
	const struct ms_top_file *f = sc->s->files;
	char line[512] = "", age[16];
	size_t off = 0;
	unsigned int i;
	bool missing = false;

	for (i = 0; i < ARRAY_SIZE(slow); i++) {
		if (!f[slow[i]].ok)
			continue;
		off += (size_t)snprintf(
			line + off, sizeof(line) - off, "%s%s read %s ago",
			off ? ", " : "", names[slow[i]],
			top_age(age, sizeof(age), f[slow[i]].age_s));
	}
	for (i = 0; i < MS_TOP_F_PROCS && off < sizeof(line); i++) {
		if (f[i].ok)
			continue;
		off += (size_t)snprintf(line + off, sizeof(line) - off, "%s%s",
					missing ? ", " :
					off	? "; unavailable: " :
						  "unavailable: ",
					names[i]);
		missing = true;
	}
	top_color_on(sc, TC_DIM);
	top_put(y, 0, "%s", line);
	top_color_off(sc, TC_DIM);
}

void top_draw_overview(struct top_screen *sc)
{
	int y = TOP_FIRST_LINE, bottom = LINES - 1, stall_y, zone_rows;
	int half = COLS / 2, rows;

	y = draw_memory(sc, y);
	/* the zones get what the other blocks leave */
	zone_rows = bottom - y - 1 - ATOMIC_LINES - 1 - MIN_CONSUMERS -
		    STALL_LINES - FILES_LINES;
	if (zone_rows < 1)
		zone_rows = 1;
	y = draw_zones(sc, y, zone_rows);
	y = draw_atomic(sc, y);
	stall_y = bottom - FILES_LINES - STALL_LINES;
	rows = stall_y - y - 1;
	draw_slab_top(sc, y, 0, half - 1, rows);
	draw_vmalloc_top(sc, y, half, COLS - half, rows);
	draw_stalls(sc, stall_y);
	draw_files(sc, bottom - FILES_LINES);
}
