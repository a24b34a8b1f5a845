// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The live slab screen of memscope slab --watch: slabtop's summary and
 * table, with the change of every cache since the previous and the first
 * sample and the growth marks. It reads the slab model directly and
 * shares only the units with the text output.
 */
#include <ctype.h>
#include <curses.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "out/units.h"
#include "tui/slab.h"
#include "tui/table.h"
#include "tui/term.h"
#include "lib/banned.h"

enum col_id {
	C_FLAG,
	C_OBJS,
	C_ACTIVE,
	C_USE,
	C_OBJSIZE,
	C_SLABS,
	C_OPS,
	C_PPS,
	C_SIZE,
	C_WASTE,
	C_RCL,
	C_DELTA,
	C_RATE,
	C_START,
	C_NR,
};

/*
 * The table's columns; the NAME column follows and takes the rest of
 * the line. On a narrow terminal the columns of lowest @prio go first;
 * NEVER_DROP ones stay.
 */
#define NEVER_DROP 100
#define NAME_MIN   20

static const struct {
	const char *title;
	int width;
	int prio;
} cols[C_NR] = {
	[C_FLAG] = { "", 1, NEVER_DROP },
	[C_OBJS] = { "OBJS", 7, 6 },
	[C_ACTIVE] = { "ACTIVE", 7, 3 },
	[C_USE] = { "USE", 6, 5 },
	[C_OBJSIZE] = { "OBJSIZE", 7, 4 },
	[C_SLABS] = { "SLABS", 7, 2 },
	[C_OPS] = { "OBJ/S", 5, 1 },
	[C_PPS] = { "PG/S", 4, 0 },
	[C_SIZE] = { "CACHE SIZE", 10, NEVER_DROP },
	[C_WASTE] = { "WASTE", 9, 7 },
	[C_RCL] = { "RCL", 3, 6 },
	[C_DELTA] = { "DELTA", 10, 9 },
	[C_RATE] = { "RATE/s", 10, 8 },
	[C_START] = { "SINCE START", 11, 8 },
};

/* The header lines above the table, and the status line below it. */
#define HEAD_LINES 7

struct screen {
	const struct ms_tui_slab_opts *o;
	struct ms_term term;
	struct ms_tui_slab_sample s;
	bool have;
	enum ms_slab_sort_key sort;
	bool reverse;
	struct ms_tui_filter filter;
	struct ms_tui_edit edit;
	struct ms_tui_lines lines;
	bool paused;
	bool quit;
	bool sample_now;
	size_t scroll;
	char status[256];
	const struct ms_slab_row **shown;
	size_t shown_cap;
	size_t nr_shown;
	bool visible[C_NR];
	double start_s;
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *srate(char *buf, size_t size, double v)
{
	if (!isfinite(v) || fabs(v) > 9e18)
		v = 0;
	return ms_tui_sbytes(buf, size, (int64_t)llround(v));
}

static const char *duration(char *buf, size_t size, double s)
{
	unsigned long t = s > 0 ? (unsigned long)s : 0;

	if (t < 60)
		snprintf(buf, size, "%.1fs", s > 0 ? s : 0.0);
	else if (t < 3600)
		snprintf(buf, size, "%lum%02lus", t / 60, t % 60);
	else
		snprintf(buf, size, "%luh%02lum", t / 3600, t / 60 % 60);
	return buf;
}

static void set_status(struct screen *sc, const char *fmt, ...) MS_PRINTF(2, 3);

static void set_status(struct screen *sc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sc->status, sizeof(sc->status), fmt, ap);
	va_end(ap);
}

/* A colour pair, or @fallback on a terminal without colours. */
static attr_t pair(const struct screen *sc, enum ms_term_pair p,
		   attr_t fallback)
{
	return sc->term.color ? (attr_t)COLOR_PAIR(p) : fallback;
}

/* Which columns fit in @width, dropping the least important first. */
static void fit_columns(struct screen *sc, int width)
{
	int total = NAME_MIN, i;

	for (i = 0; i < C_NR; i++) {
		sc->visible[i] = true;
		total += cols[i].width + 1;
	}
	while (total > width) {
		int drop = -1;

		for (i = 0; i < C_NR; i++)
			if (sc->visible[i] && cols[i].prio < NEVER_DROP &&
			    (drop < 0 || cols[i].prio <= cols[drop].prio))
				drop = i;
		if (drop < 0)
			break;
		sc->visible[drop] = false;
		total -= cols[drop].width + 1;
	}
}

/* The column that shows the sort key, for the header's mark. */
static int sort_column(enum ms_slab_sort_key k)
{
	switch (k) {
	case MS_SLAB_SORT_ACTIVE_OBJS:
		return C_ACTIVE;
	case MS_SLAB_SORT_OBJS_PER_SLAB:
		return C_OPS;
	case MS_SLAB_SORT_CACHE_SIZE:
		return C_SIZE;
	case MS_SLAB_SORT_SLABS:
		return C_SLABS;
	case MS_SLAB_SORT_OBJS:
		return C_OBJS;
	case MS_SLAB_SORT_PAGES_PER_SLAB:
		return C_PPS;
	case MS_SLAB_SORT_OBJ_SIZE:
		return C_OBJSIZE;
	case MS_SLAB_SORT_USE:
		return C_USE;
	case MS_SLAB_SORT_GROWTH:
		return C_RATE;
	case MS_SLAB_SORT_WASTE:
		return C_WASTE;
	default:
		return -1;
	}
}

static const char *cell(char *buf, size_t size, enum col_id c,
			const struct ms_slab_row *r)
{
	const struct ms_slab_cache *k = r->cache;
	bool d = r->flags & MS_SLAB_HAS_DELTA;

	switch (c) {
	case C_FLAG:
		snprintf(buf, size, "%s",
			 (r->flags & MS_SLAB_GROWING) ? "+" :
			 (r->flags & MS_SLAB_NEW)     ? "*" :
							" ");
		break;
	case C_OBJS:
		return ms_units_count(buf, size, k->num_objs);
	case C_ACTIVE:
		return ms_units_count(buf, size, k->active_objs);
	case C_USE:
		snprintf(buf, size, "%.1f%%", r->use_pct);
		break;
	case C_OBJSIZE:
		snprintf(buf, size, "%u", (unsigned int)k->obj_size);
		break;
	case C_SLABS:
		return ms_units_count(buf, size, k->num_slabs);
	case C_OPS:
		snprintf(buf, size, "%u", (unsigned int)k->objs_per_slab);
		break;
	case C_PPS:
		snprintf(buf, size, "%u", (unsigned int)k->pages_per_slab);
		break;
	case C_SIZE:
		return ms_units_bytes(buf, size, r->bytes);
	case C_WASTE:
		return ms_units_bytes(buf, size, r->waste_bytes);
	case C_RCL:
		snprintf(buf, size, "%s",
			 !r->sysfs		   ? "-" :
			 r->sysfs->reclaim_account ? "yes" :
						     "no");
		break;
	case C_DELTA:
		if (!d)
			snprintf(buf, size, "-");
		else
			ms_tui_sbytes(buf, size, r->delta_bytes);
		break;
	case C_RATE:
		if (!d)
			snprintf(buf, size, "-");
		else
			srate(buf, size, r->bytes_per_s);
		break;
	case C_START:
		if (!(r->flags & MS_SLAB_HAS_START_DELTA))
			snprintf(buf, size, "-");
		else
			ms_tui_sbytes(buf, size, r->start_delta_bytes);
		break;
	case C_NR:
		buf[0] = '\0';
		break;
	}
	return buf;
}

/*
 * Everything a table line is formatted from: a line whose values are
 * the same as at the last redraw is neither formatted nor written.
 */
struct row_key {
	uint64_t num_objs;
	uint64_t active_objs;
	uint64_t num_slabs;
	uint64_t bytes;
	uint64_t waste_bytes;
	int64_t delta_bytes;
	int64_t start_delta_bytes;
	double use_pct;
	double bytes_per_s;
	uint32_t obj_size;
	uint32_t objs_per_slab;
	uint32_t pages_per_slab;
	unsigned int flags;
	unsigned int rcl;
	unsigned int visible;
	char name[MS_SLAB_NAME_MAX];
};

_Static_assert(sizeof(struct row_key) ==
		       offsetof(struct row_key, name) + MS_SLAB_NAME_MAX,
	       "struct row_key has padding");

static size_t row_key(const struct screen *sc, const struct ms_slab_row *r,
		      struct row_key *k)
{
	const struct ms_slab_cache *c = r->cache;
	size_t n = strlen(c->name);
	int i;

	unsigned int visible = 0;

	for (i = 0; i < C_NR; i++)
		visible |= (unsigned int)sc->visible[i] << i;
	/* keys are compared with memcmp(): the struct has no padding */
	*k = (struct row_key){ c->num_objs,
			       c->active_objs,
			       c->num_slabs,
			       r->bytes,
			       r->waste_bytes,
			       r->delta_bytes,
			       r->start_delta_bytes,
			       r->use_pct,
			       r->bytes_per_s,
			       c->obj_size,
			       c->objs_per_slab,
			       c->pages_per_slab,
			       r->flags & (MS_SLAB_GROWING | MS_SLAB_NEW |
					   MS_SLAB_HAS_DELTA |
					   MS_SLAB_HAS_START_DELTA),
			       !r->sysfs		 ? 1 :
			       r->sysfs->reclaim_account ? 2 :
							   3,
			       visible,
			       "" };
	memcpy(k->name, c->name, n);
	/* the name's unused bytes are not compared */
	return offsetof(struct row_key, name) + n;
}

static void draw_row(struct screen *sc, int y, const struct ms_slab_row *r)
{
	char line[MS_TUI_LINE_MAX], v[48];
	attr_t attr = A_NORMAL;
	struct row_key key;
	size_t off = 0, key_len;
	int c;

	if (r->flags & MS_SLAB_GROWING)
		attr = pair(sc, MS_TERM_PAIR_RED, A_BOLD);
	else if (r->flags & MS_SLAB_NEW)
		attr = pair(sc, MS_TERM_PAIR_YELLOW, A_NORMAL);
	key_len = row_key(sc, r, &key);
	if (!ms_tui_line_changed(&sc->lines, y, attr, &key, key_len))
		return;
	for (c = 0; c < C_NR && off < sizeof(line); c++) {
		if (!sc->visible[c])
			continue;
		cell(v, sizeof(v), (enum col_id)c, r);
		off += (size_t)snprintf(line + off, sizeof(line) - off, "%*s ",
					cols[c].width, v);
	}
	if (off < sizeof(line))
		snprintf(line + off, sizeof(line) - off, "%s", r->cache->name);
	if (attr)
		attron(attr);
	mvaddnstr(y, 0, line, COLS);
	if (attr)
		attroff(attr);
}

static void draw_header(struct screen *sc)
{
	char line[MS_TUI_LINE_MAX];
	size_t off = 0;
	int c, mark = sort_column(sc->sort);

	for (c = 0; c < C_NR && off < sizeof(line); c++) {
		if (!sc->visible[c])
			continue;
		off += (size_t)snprintf(line + off, sizeof(line) - off, "%*s ",
					cols[c].width, cols[c].title);
	}
	if (off < sizeof(line))
		snprintf(line + off, sizeof(line) - off, "NAME");
	/* the line's look: its text and the column in bold */
	if (!ms_tui_line_changed(&sc->lines, HEAD_LINES - 1,
				 (attr_t)(A_REVERSE | (attr_t)(sc->sort + 1)),
				 line, strlen(line) + 1))
		return;
	attron(A_REVERSE);
	mvhline(HEAD_LINES - 1, 0, ' ', COLS);
	ms_tui_put(HEAD_LINES - 1, 0, "%s", line);
	/* the sort column's title in bold */
	off = 0;
	for (c = 0; c < C_NR; c++) {
		if (!sc->visible[c])
			continue;
		if (c == mark) {
			size_t tl = strlen(cols[c].title);

			attron(A_BOLD);
			ms_tui_put(HEAD_LINES - 1,
				   (int)(off + (size_t)cols[c].width - tl),
				   "%s", cols[c].title);
			attroff(A_BOLD);
		}
		off += (size_t)cols[c].width + 1;
	}
	if (sc->sort == MS_SLAB_SORT_NAME) {
		attron(A_BOLD);
		ms_tui_put(HEAD_LINES - 1, (int)off, "NAME");
		attroff(A_BOLD);
	}
	attroff(A_REVERSE);
}

static int select_rows(struct screen *sc)
{
	const struct ms_slab_model *m = sc->s.model;
	size_t i;

	if (m->nr_rows > sc->shown_cap) {
		const struct ms_slab_row **n =
			realloc(sc->shown, m->nr_rows * sizeof(*n));

		if (!n)
			return -ENOMEM;
		sc->shown = n;
		sc->shown_cap = m->nr_rows;
	}
	sc->nr_shown = 0;
	for (i = 0; i < m->nr_rows; i++) {
		if (sc->o->top && sc->nr_shown == sc->o->top)
			break;
		if (ms_tui_filter_match(&sc->filter, m->rows[i].cache->name))
			sc->shown[sc->nr_shown++] = &m->rows[i];
	}
	return 0;
}

static void draw_title(struct screen *sc)
{
	const struct ms_tui_slab_opts *o = sc->o;
	char right[160], up[32];
	size_t rl;

	snprintf(right, sizeof(right), "every %.1fs  sample %u  up %s ",
		 o->interval_ms / 1000.0, sc->have ? sc->s.number : 0,
		 duration(up, sizeof(up), now_s() - sc->start_s));
	if (!ms_tui_line_changed(&sc->lines, 0,
				 (attr_t)(A_REVERSE | (sc->paused ? 1 : 0)),
				 right, strlen(right) + 1))
		return;
	rl = strlen(right);
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	/* the title gives way to the sample counters on the right */
	ms_tui_put(0, 0, " memscope slab  %.*s",
		   COLS - (int)rl - 18 > 0 ? COLS - (int)rl - 18 : 0, o->title);
	if ((int)rl < COLS)
		ms_tui_put(0, COLS - (int)rl, "%s", right);
	attroff(A_REVERSE);
	if (sc->paused) {
		int x = COLS - (int)rl - 9;

		attron(A_REVERSE | A_BOLD |
		       pair(sc, MS_TERM_PAIR_YELLOW, A_NORMAL));
		ms_tui_put(0, x > 0 ? x : 0, " PAUSED ");
		attroff(A_REVERSE | A_BOLD |
			pair(sc, MS_TERM_PAIR_YELLOW, A_NORMAL));
	}
}

/* A summary line: one space, then the text. */
static void summary_line(struct screen *sc, int y, const char *fmt, ...)
	MS_PRINTF(3, 4);

static void summary_line(struct screen *sc, int y, const char *fmt, ...)
{
	char line[MS_TUI_LINE_MAX];
	va_list ap;

	line[0] = ' ';
	va_start(ap, fmt);
	vsnprintf(line + 1, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	ms_tui_line(&sc->lines, y, A_NORMAL, line);
}

static void draw_change(struct screen *sc)
{
	const struct ms_slab_model *m = sc->s.model;
	const struct ms_slab_totals *t = &m->totals;
	char a[32], b[32], c[32], d[32], head[256], tail[160];
	attr_t grow = t->growing_caches ? pair(sc, MS_TERM_PAIR_RED, A_BOLD) :
					  A_NORMAL;
	char line[MS_TUI_LINE_MAX];
	int x;

	if (m->has_delta)
		snprintf(head, sizeof(head),
			 " Change   %s in %s (%s/s), %s since start  "
			 "new %zu gone %zu  ",
			 ms_tui_sbytes(a, sizeof(a), t->delta_bytes),
			 duration(b, sizeof(b), m->elapsed_s),
			 srate(c, sizeof(c), t->bytes_per_s),
			 ms_tui_sbytes(d, sizeof(d), t->start_delta_bytes),
			 t->new_caches, t->gone_caches);
	else
		snprintf(head, sizeof(head), " Change   - (first sample)  ");
	snprintf(tail, sizeof(tail), " (%u samples, >%s)", sc->o->growth.window,
		 ms_units_bytes(a, sizeof(a), sc->o->growth.min_bytes));
	snprintf(line, sizeof(line), "%sgrowing %zu%s", head, t->growing_caches,
		 tail);
	if (!ms_tui_line_changed(&sc->lines, 4, grow, line, strlen(line) + 1))
		return;
	/* "growing N" in red */
	ms_tui_put(4, 0, "%s", head);
	x = (int)strlen(head);
	attron(grow);
	ms_tui_put(4, x, "growing %zu", t->growing_caches);
	attroff(grow);
	x += snprintf(a, sizeof(a), "growing %zu", t->growing_caches);
	ms_tui_put(4, x, "%s", tail);
}

static void draw_summary(struct screen *sc)
{
	const struct ms_slab_model *m = sc->s.model;
	const struct ms_slab_totals *t = &m->totals;
	const struct ms_slab_meminfo_check *mi = sc->s.meminfo;
	char a[32], b[32], c[32];

	summary_line(
		sc, 1,
		"Objects  %llu/%llu (%.1f%%)  Slabs %llu  "
		"Caches %zu/%zu  Obj min/avg/max %s/%s/%s",
		(unsigned long long)t->active_objs, (unsigned long long)t->objs,
		t->objs ? 100.0 * (double)t->active_objs / (double)t->objs :
			  0.0,
		(unsigned long long)t->slabs, t->active_caches, t->caches,
		ms_units_bytes(a, sizeof(a), t->min_obj_size),
		ms_units_bytes(b, sizeof(b), t->avg_obj_size),
		ms_units_bytes(c, sizeof(c), t->max_obj_size));
	summary_line(sc, 2,
		     "Size     %s in slab pages, %s in objects, "
		     "waste %s (%.1f%%)",
		     ms_units_bytes(a, sizeof(a), t->bytes),
		     ms_units_bytes(b, sizeof(b), t->active_bytes),
		     ms_units_bytes(c, sizeof(c), t->waste_bytes),
		     t->bytes ?
			     100.0 * (double)t->waste_bytes / (double)t->bytes :
			     0.0);
	if (mi && mi->has_split)
		summary_line(
			sc, 3,
			"meminfo  Slab %s = SReclaimable %s + "
			"SUnreclaim %s; slabinfo %+.1f%%",
			ms_units_bytes(a, sizeof(a), mi->slab_bytes),
			ms_units_bytes(b, sizeof(b), mi->sreclaimable_bytes),
			ms_units_bytes(c, sizeof(c), mi->sunreclaim_bytes),
			mi->diff_pct);
	else if (mi)
		summary_line(sc, 3, "meminfo  Slab %s; slabinfo %+.1f%%",
			     ms_units_bytes(a, sizeof(a), mi->slab_bytes),
			     mi->diff_pct);
	else
		summary_line(sc, 3, "meminfo  unavailable");
	draw_change(sc);
	summary_line(sc, 5, "Sort %s [%c]%s   Filter %s   showing %zu of %zu",
		     ms_slab_sort_key_name(sc->sort),
		     sc->sort == MS_SLAB_SORT_PAGES_PER_SLAB ?
			     'P' :
			     ms_slab_sort_key_letter(sc->sort),
		     sc->reverse ? " reversed" : "",
		     sc->filter.has_re ? sc->filter.text : "(none)",
		     sc->nr_shown, m->nr_rows);
}

static void draw_status(struct screen *sc)
{
	char line[MS_TUI_LINE_MAX];
	int y = LINES - 1;

	if (sc->edit.on) {
		snprintf(line, sizeof(line), "Filter (regular expression): %s",
			 sc->edit.buf);
		ms_tui_line(&sc->lines, y, A_NORMAL, line);
		curs_set(1);
		return;
	}
	curs_set(0);
	if (sc->status[0]) {
		ms_tui_line(&sc->lines, y,
			    pair(sc, MS_TERM_PAIR_YELLOW, A_BOLD), sc->status);
		return;
	}
	ms_tui_line(&sc->lines, y, A_DIM,
		    "q quit  p pause  / filter  r reverse  "
		    "a b c l v n o P s u g w sort  space refresh  "
		    "arrows scroll");
}

/*
 * The sysfs facts of the rows on the screen, when the RCL column shows:
 * a cache's are read the first time it is drawn.
 */
static int shown_facts(struct screen *sc, size_t first, size_t n)
{
	size_t i;
	int err;

	if (!sc->visible[C_RCL] || !sc->o->facts)
		return 0;
	for (i = first; i < first + n && i < sc->nr_shown; i++) {
		err = sc->o->facts(sc->o->arg, sc->shown[i]);
		if (err)
			return err;
	}
	return 0;
}

/*
 * Draws the screen: only the lines that changed since the last redraw
 * are written (struct ms_tui_lines), and curses sends only the cells
 * that changed on those.
 */
static int draw(struct screen *sc)
{
	int y, rows, err;
	size_t i;

	ms_tui_lines_begin(&sc->lines);
	fit_columns(sc, COLS);
	draw_title(sc);
	if (!sc->have) {
		for (y = 1; y < LINES - 1; y++)
			ms_tui_line(&sc->lines, y, A_NORMAL,
				    y == 2 ? " reading /proc/slabinfo ..." :
					     "");
		draw_status(sc);
		refresh();
		return 0;
	}
	ms_slab_sort(sc->s.model, sc->sort, sc->reverse);
	if (select_rows(sc)) {
		set_status(sc, "out of memory");
		sc->nr_shown = 0;
	}
	rows = LINES - HEAD_LINES - 1;
	if (rows < 0)
		rows = 0;
	if (sc->nr_shown <= (size_t)rows)
		sc->scroll = 0;
	else if (sc->scroll > sc->nr_shown - (size_t)rows)
		sc->scroll = sc->nr_shown - (size_t)rows;
	err = shown_facts(sc, sc->scroll, (size_t)rows);
	if (err)
		return err;
	draw_summary(sc);
	draw_header(sc);
	for (y = 0, i = sc->scroll; y < rows; y++, i++) {
		if (i < sc->nr_shown)
			draw_row(sc, HEAD_LINES + y, sc->shown[i]);
		else
			ms_tui_line(&sc->lines, HEAD_LINES + y, A_NORMAL, "");
	}
	if (sc->s.warning && sc->s.warning[0] && !sc->status[0])
		set_status(sc, "warning: %s", sc->s.warning);
	draw_status(sc);
	if (sc->edit.on)
		move(LINES - 1, 30 + (int)sc->edit.len < COLS ?
					30 + (int)sc->edit.len :
					COLS - 1);
	refresh();
	return 0;
}

static void apply_filter(struct screen *sc)
{
	char msg[128];

	if (ms_tui_filter_set(&sc->filter, sc->edit.buf, msg, sizeof(msg))) {
		set_status(sc, "filter '%s': %s", sc->edit.buf, msg);
		return;
	}
	sc->scroll = 0;
}

static void key(void *arg, int k)
{
	struct screen *sc = arg;
	int page = LINES - HEAD_LINES - 1 > 1 ? LINES - HEAD_LINES - 1 : 1;
	enum ms_slab_sort_key sk;
	char s[2];

	if (sc->edit.on) {
		if (ms_tui_edit_key(&sc->edit, k))
			apply_filter(sc);
		return;
	}
	sc->status[0] = '\0';
	switch (k) {
	case 'q':
	case 'Q':
		sc->quit = true;
		return;
	case 'p': /* P sorts by pages per slab, as in slabtop */
		sc->paused = !sc->paused;
		if (!sc->paused)
			sc->sample_now = true;
		return;
	case '/':
		ms_tui_edit_start(&sc->edit, sc->filter.text);
		return;
	case 'r':
	case 'R':
		sc->reverse = !sc->reverse;
		return;
	case ' ':
		sc->sample_now = true;
		return;
	case 12: /* Ctrl-L */
		clearok(curscr, TRUE);
		return;
	case KEY_RESIZE:
		return;
	default:
		break;
	}
	if (ms_tui_scroll_key(&sc->scroll, k, (size_t)page))
		return;
	if (k > 0 && k < 128 && isalpha(k)) {
		s[0] = (char)tolower(k);
		s[1] = '\0';
		if (!ms_slab_sort_key_parse(s, &sk)) {
			sc->sort = sk;
			sc->reverse = false;
			sc->scroll = 0;
			return;
		}
	}
	if (k > 0 && k < 128 && isprint(k))
		set_status(sc, "unknown key '%c'", k);
}

int ms_tui_slab_run(const struct ms_tui_slab_opts *o, struct ms_diag *diag)
{
	struct screen sc = { .o = o, .sort = o->sort, .reverse = o->reverse };
	unsigned int taken = 0;
	double next, now;
	int ret = 0;

	if (o->filter && o->filter[0]) {
		char msg[128];

		if (ms_tui_filter_set(&sc.filter, o->filter, msg, sizeof(msg)))
			return ms_diag_set(
				diag, "filter", 0, -EINVAL,
				"expected a regular expression, found '%s'",
				o->filter);
	}
	ret = ms_term_start(&sc.term, o->color, diag);
	if (ret)
		goto out_free;
	sc.start_s = now_s();
	next = sc.start_s;
	for (;;) {
		int timeout;

		now = now_s();
		if (sc.sample_now || (!sc.paused && now >= next)) {
			if (o->count && taken >= o->count)
				break;
			ret = o->sample(o->arg, &sc.s);
			if (ret)
				break;
			taken++;
			sc.have = true;
			sc.sample_now = false;
			next += o->interval_ms / 1000.0;
			now = now_s();
			if (next < now)
				next = now + o->interval_ms / 1000.0;
		}
		ret = draw(&sc);
		if (ret)
			break;
		timeout = sc.paused ? -1 : (int)ceil((next - now) * 1000.0);
		if (timeout < -1)
			timeout = 0;
		ret = ms_term_wait_keys(&sc.term, timeout, key, &sc, &sc.quit,
					diag);
		if (ret) {
			ret = ret < 0 ? ret : 0;
			break;
		}
	}
	ms_term_stop(&sc.term);
out_free:
	ms_tui_filter_release(&sc.filter);
	ms_tui_lines_release(&sc.lines);
	free(sc.shown);
	return ret;
}
