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
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "out/units.h"
#include "tui/slab.h"
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
#define NAME_MIN 20

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
#define FILTER_MAX 128

struct screen {
	const struct ms_tui_slab_opts *o;
	struct ms_term term;
	struct ms_tui_slab_sample s;
	bool have;
	enum ms_slab_sort_key sort;
	bool reverse;
	regex_t re;
	bool has_re;
	char filter[FILTER_MAX];
	bool editing;
	char edit[FILTER_MAX];
	size_t edit_len;
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

/* "+1.20 MiB", "-512 B", "0" */
static const char *sbytes(char *buf, size_t size, int64_t v)
{
	char u[32];

	if (!v) {
		snprintf(buf, size, "0");
		return buf;
	}
	ms_units_bytes(u, sizeof(u),
		       v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
	snprintf(buf, size, "%c%s", v < 0 ? '-' : '+', u);
	return buf;
}

static const char *srate(char *buf, size_t size, double v)
{
	if (!isfinite(v) || fabs(v) > 9e18)
		v = 0;
	return sbytes(buf, size, (int64_t)llround(v));
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

/* Writes a formatted line at (@y, @x), cut at the right edge. */
static void put(int y, int x, const char *fmt, ...) MS_PRINTF(3, 4);

static void put(int y, int x, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	if (y < 0 || y >= LINES || x >= COLS)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	mvaddnstr(y, x, buf, COLS - x);
}

static void set_status(struct screen *sc, const char *fmt, ...)
	MS_PRINTF(2, 3);

static void set_status(struct screen *sc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sc->status, sizeof(sc->status), fmt, ap);
	va_end(ap);
}

static void color_on(struct screen *sc, enum ms_term_pair p, attr_t fallback)
{
	if (sc->term.color)
		attron(COLOR_PAIR(p));
	else
		attron(fallback);
}

static void color_off(struct screen *sc, enum ms_term_pair p, attr_t fallback)
{
	if (sc->term.color)
		attroff(COLOR_PAIR(p));
	else
		attroff(fallback);
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
			 !r->sysfs		    ? "-" :
			 r->sysfs->reclaim_account ? "yes" :
						     "no");
		break;
	case C_DELTA:
		if (!d)
			snprintf(buf, size, "-");
		else
			sbytes(buf, size, r->delta_bytes);
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
			sbytes(buf, size, r->start_delta_bytes);
		break;
	case C_NR:
		buf[0] = '\0';
		break;
	}
	return buf;
}

static void draw_row(struct screen *sc, int y, const struct ms_slab_row *r)
{
	char line[1024], v[48];
	size_t off = 0;
	int c;

	for (c = 0; c < C_NR && off < sizeof(line); c++) {
		if (!sc->visible[c])
			continue;
		cell(v, sizeof(v), (enum col_id)c, r);
		off += (size_t)snprintf(line + off, sizeof(line) - off,
					"%*s ", cols[c].width, v);
	}
	if (off < sizeof(line))
		snprintf(line + off, sizeof(line) - off, "%s", r->cache->name);
	if (r->flags & MS_SLAB_GROWING)
		color_on(sc, MS_TERM_PAIR_RED, A_BOLD);
	else if (r->flags & MS_SLAB_NEW)
		color_on(sc, MS_TERM_PAIR_YELLOW, A_NORMAL);
	put(y, 0, "%s", line);
	if (r->flags & MS_SLAB_GROWING)
		color_off(sc, MS_TERM_PAIR_RED, A_BOLD);
	else if (r->flags & MS_SLAB_NEW)
		color_off(sc, MS_TERM_PAIR_YELLOW, A_NORMAL);
}

static void draw_header(struct screen *sc)
{
	char line[1024];
	size_t off = 0;
	int c, mark = sort_column(sc->sort);

	for (c = 0; c < C_NR && off < sizeof(line); c++) {
		if (!sc->visible[c])
			continue;
		off += (size_t)snprintf(line + off, sizeof(line) - off,
					"%*s ", cols[c].width,
					cols[c].title);
	}
	if (off < sizeof(line))
		snprintf(line + off, sizeof(line) - off, "NAME");
	attron(A_REVERSE);
	mvhline(HEAD_LINES - 1, 0, ' ', COLS);
	put(HEAD_LINES - 1, 0, "%s", line);
	/* the sort column's title in bold */
	off = 0;
	for (c = 0; c < C_NR; c++) {
		if (!sc->visible[c])
			continue;
		if (c == mark) {
			size_t tl = strlen(cols[c].title);

			attron(A_BOLD);
			put(HEAD_LINES - 1,
			    (int)(off + (size_t)cols[c].width - tl), "%s",
			    cols[c].title);
			attroff(A_BOLD);
		}
		off += (size_t)cols[c].width + 1;
	}
	if (sc->sort == MS_SLAB_SORT_NAME) {
		attron(A_BOLD);
		put(HEAD_LINES - 1, (int)off, "NAME");
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
		if (!sc->has_re ||
		    !regexec(&sc->re, m->rows[i].cache->name, 0, NULL, 0))
			sc->shown[sc->nr_shown++] = &m->rows[i];
	}
	return 0;
}

static void draw_title(struct screen *sc)
{
	const struct ms_tui_slab_opts *o = sc->o;
	char right[160], up[32];
	size_t rl;

	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	snprintf(right, sizeof(right), "every %.1fs  sample %u  up %s ",
		 o->interval_ms / 1000.0, sc->have ? sc->s.number : 0,
		 duration(up, sizeof(up), now_s() - sc->start_s));
	rl = strlen(right);
	/* the title gives way to the sample counters on the right */
	put(0, 0, " memscope slab  %.*s",
	    COLS - (int)rl - 18 > 0 ? COLS - (int)rl - 18 : 0, o->title);
	if ((int)rl < COLS)
		put(0, COLS - (int)rl, "%s", right);
	attroff(A_REVERSE);
	if (sc->paused) {
		int x = COLS - (int)rl - 9;

		attron(A_REVERSE | A_BOLD);
		color_on(sc, MS_TERM_PAIR_YELLOW, A_NORMAL);
		put(0, x > 0 ? x : 0, " PAUSED ");
		color_off(sc, MS_TERM_PAIR_YELLOW, A_NORMAL);
		attroff(A_REVERSE | A_BOLD);
	}
}

/* Appends @text at the cursor, cut at the right edge. */
static void append(const char *text)
{
	int room = COLS - getcurx(stdscr);

	if (room > 0)
		addnstr(text, room);
}

static void draw_summary(struct screen *sc)
{
	const struct ms_slab_model *m = sc->s.model;
	const struct ms_slab_totals *t = &m->totals;
	const struct ms_slab_meminfo_check *mi = sc->s.meminfo;
	char a[32], b[32], c[32], d[32], g[160];

	put(1, 1, "Objects  %llu/%llu (%.1f%%)  Slabs %llu  Caches %zu/%zu  "
		  "Obj min/avg/max %s/%s/%s",
	    (unsigned long long)t->active_objs, (unsigned long long)t->objs,
	    t->objs ? 100.0 * (double)t->active_objs / (double)t->objs : 0.0,
	    (unsigned long long)t->slabs, t->active_caches, t->caches,
	    ms_units_bytes(a, sizeof(a), t->min_obj_size),
	    ms_units_bytes(b, sizeof(b), t->avg_obj_size),
	    ms_units_bytes(c, sizeof(c), t->max_obj_size));
	put(2, 1, "Size     %s in slab pages, %s in objects, waste %s (%.1f%%)",
	    ms_units_bytes(a, sizeof(a), t->bytes),
	    ms_units_bytes(b, sizeof(b), t->active_bytes),
	    ms_units_bytes(c, sizeof(c), t->waste_bytes),
	    t->bytes ? 100.0 * (double)t->waste_bytes / (double)t->bytes : 0.0);
	if (mi && mi->has_split)
		put(3, 1, "meminfo  Slab %s = SReclaimable %s + SUnreclaim %s;"
			  " slabinfo %+.1f%%",
		    ms_units_bytes(a, sizeof(a), mi->slab_bytes),
		    ms_units_bytes(b, sizeof(b), mi->sreclaimable_bytes),
		    ms_units_bytes(c, sizeof(c), mi->sunreclaim_bytes),
		    mi->diff_pct);
	else if (mi)
		put(3, 1, "meminfo  Slab %s; slabinfo %+.1f%%",
		    ms_units_bytes(a, sizeof(a), mi->slab_bytes),
		    mi->diff_pct);
	else
		put(3, 1, "meminfo  unavailable");
	if (m->has_delta)
		put(4, 1, "Change   %s in %s (%s/s), %s since start  "
			  "new %zu gone %zu  ",
		    sbytes(a, sizeof(a), t->delta_bytes),
		    duration(b, sizeof(b), m->elapsed_s),
		    srate(c, sizeof(c), t->bytes_per_s),
		    sbytes(d, sizeof(d), t->start_delta_bytes),
		    t->new_caches, t->gone_caches);
	else
		put(4, 1, "Change   - (first sample)  ");
	if (t->growing_caches)
		color_on(sc, MS_TERM_PAIR_RED, A_BOLD);
	snprintf(g, sizeof(g), "growing %zu", t->growing_caches);
	append(g);
	if (t->growing_caches)
		color_off(sc, MS_TERM_PAIR_RED, A_BOLD);
	snprintf(g, sizeof(g), " (%u samples, >%s)", sc->o->growth.window,
		 ms_units_bytes(a, sizeof(a), sc->o->growth.min_bytes));
	append(g);
	put(5, 1, "Sort %s [%c]%s   Filter %s   showing %zu of %zu",
	    ms_slab_sort_key_name(sc->sort),
	    sc->sort == MS_SLAB_SORT_PAGES_PER_SLAB ?
		    'P' :
		    ms_slab_sort_key_letter(sc->sort),
	    sc->reverse ? " reversed" : "",
	    sc->has_re ? sc->filter : "(none)", sc->nr_shown, m->nr_rows);
}

static void draw_status(struct screen *sc)
{
	int y = LINES - 1;

	if (sc->editing) {
		put(y, 0, "Filter (regular expression): %s", sc->edit);
		curs_set(1);
		return;
	}
	curs_set(0);
	if (sc->status[0]) {
		color_on(sc, MS_TERM_PAIR_YELLOW, A_BOLD);
		put(y, 0, "%s", sc->status);
		color_off(sc, MS_TERM_PAIR_YELLOW, A_BOLD);
		return;
	}
	attron(A_DIM);
	put(y, 0, "q quit  p pause  / filter  r reverse  "
		  "a b c l v n o P s u g w sort  space refresh  "
		  "arrows scroll");
	attroff(A_DIM);
}

static void draw(struct screen *sc)
{
	int y, rows;
	size_t i;

	erase();
	fit_columns(sc, COLS);
	draw_title(sc);
	if (!sc->have) {
		put(2, 1, "reading /proc/slabinfo ...");
		draw_status(sc);
		refresh();
		return;
	}
	ms_slab_sort(sc->s.model, sc->sort, sc->reverse);
	if (select_rows(sc)) {
		set_status(sc, "out of memory");
		sc->nr_shown = 0;
	}
	draw_summary(sc);
	draw_header(sc);
	rows = LINES - HEAD_LINES - 1;
	if (rows < 0)
		rows = 0;
	if (sc->nr_shown <= (size_t)rows)
		sc->scroll = 0;
	else if (sc->scroll > sc->nr_shown - (size_t)rows)
		sc->scroll = sc->nr_shown - (size_t)rows;
	for (y = 0, i = sc->scroll; y < rows && i < sc->nr_shown; y++, i++)
		draw_row(sc, HEAD_LINES + y, sc->shown[i]);
	if (sc->s.warning && sc->s.warning[0] && !sc->status[0])
		set_status(sc, "warning: %s", sc->s.warning);
	draw_status(sc);
	if (sc->editing)
		move(LINES - 1, 30 + (int)sc->edit_len < COLS ?
					30 + (int)sc->edit_len :
					COLS - 1);
	refresh();
}

static void apply_filter(struct screen *sc)
{
	regex_t re;
	int err;

	sc->editing = false;
	if (!sc->edit_len) {
		if (sc->has_re)
			regfree(&sc->re);
		sc->has_re = false;
		sc->filter[0] = '\0';
		sc->scroll = 0;
		return;
	}
	err = regcomp(&re, sc->edit, REG_EXTENDED | REG_NOSUB);
	if (err) {
		char msg[128];

		regerror(err, &re, msg, sizeof(msg));
		set_status(sc, "filter '%s': %s", sc->edit, msg);
		return;
	}
	if (sc->has_re)
		regfree(&sc->re);
	sc->re = re;
	sc->has_re = true;
	snprintf(sc->filter, sizeof(sc->filter), "%s", sc->edit);
	sc->scroll = 0;
}

static void edit_key(struct screen *sc, int k)
{
	switch (k) {
	case '\n':
	case '\r':
	case KEY_ENTER:
		apply_filter(sc);
		break;
	case 27: /* Esc */
		sc->editing = false;
		break;
	case KEY_BACKSPACE:
	case 127:
	case 8:
		if (sc->edit_len)
			sc->edit[--sc->edit_len] = '\0';
		break;
	case 21: /* Ctrl-U */
		sc->edit_len = 0;
		sc->edit[0] = '\0';
		break;
	default:
		if (k >= 32 && k < 127 && sc->edit_len + 1 < sizeof(sc->edit)) {
			sc->edit[sc->edit_len++] = (char)k;
			sc->edit[sc->edit_len] = '\0';
		}
		break;
	}
}

static void key(struct screen *sc, int k)
{
	int page = LINES - HEAD_LINES - 1 > 1 ? LINES - HEAD_LINES - 1 : 1;
	enum ms_slab_sort_key sk;
	char s[2];

	if (sc->editing) {
		edit_key(sc, k);
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
		sc->editing = true;
		snprintf(sc->edit, sizeof(sc->edit), "%s", sc->filter);
		sc->edit_len = strlen(sc->edit);
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
	case KEY_UP:
		if (sc->scroll)
			sc->scroll--;
		return;
	case KEY_DOWN:
		sc->scroll++;
		return;
	case KEY_PPAGE:
		sc->scroll = sc->scroll > (size_t)page ?
				     sc->scroll - (size_t)page :
				     0;
		return;
	case KEY_NPAGE:
		sc->scroll += (size_t)page;
		return;
	case KEY_HOME:
		sc->scroll = 0;
		return;
	case KEY_END:
		sc->scroll = (size_t)-1 / 2;
		return;
	default:
		break;
	}
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
		if (regcomp(&sc.re, o->filter, REG_EXTENDED | REG_NOSUB))
			return ms_diag_set(diag, "filter", 0, -EINVAL,
					   "expected a regular expression, found '%s'",
					   o->filter);
		sc.has_re = true;
		snprintf(sc.filter, sizeof(sc.filter), "%s", o->filter);
	}
	ret = ms_term_start(&sc.term, o->color, diag);
	if (ret)
		goto out_free;
	sc.start_s = now_s();
	next = sc.start_s;
	for (;;) {
		enum ms_term_event ev;
		int k, timeout;

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
		draw(&sc);
		timeout = sc.paused ? -1 : (int)ceil((next - now) * 1000.0);
		if (timeout < -1)
			timeout = 0;
		ev = ms_term_wait(&sc.term, timeout);
		if (ev == MS_TERM_QUIT)
			break;
		if (ev == MS_TERM_ERROR) {
			ret = ms_diag_set(diag, "terminal", 0, -EIO,
					  "cannot wait for input: %s",
					  strerror(errno));
			break;
		}
		if (ev == MS_TERM_INPUT)
			while (!sc.quit && (k = ms_term_key(&sc.term)) >= 0)
				key(&sc, k);
		if (sc.quit)
			break;
	}
	ms_term_stop(&sc.term);
out_free:
	if (sc.has_re)
		regfree(&sc.re);
	free(sc.shown);
	return ret;
}
