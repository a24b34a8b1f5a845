// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope top: the screen's frame (title, tabs, status line, help), the
 * keys and the refresh loop. The tabs draw themselves (top_*.c) from the
 * sample the caller hands over; the terminal plumbing is term.c's.
 */
#include <ctype.h>
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "out/units.h"
#include "tui/top_int.h"
#include "lib/banned.h"

static const struct {
	const char *name;
	const char *label;
} tabs[MS_TOP_NR_TABS] = {
	[MS_TOP_OVERVIEW] = { "overview", "Overview" },
	[MS_TOP_ZONES] = { "zones", "Zones" },
	[MS_TOP_SLAB] = { "slab", "Slab" },
	[MS_TOP_VMALLOC] = { "vmalloc", "Vmalloc" },
	[MS_TOP_PROCS] = { "processes", "Processes" },
};

int ms_top_tab_parse(const char *s, enum ms_top_tab *tab)
{
	unsigned int i;

	for (i = 0; i < MS_TOP_NR_TABS; i++) {
		if (!strcmp(s, tabs[i].name) ||
		    (s[0] == (char)('1' + i) && !s[1])) {
			*tab = (enum ms_top_tab)i;
			return 0;
		}
	}
	return -EINVAL;
}

const char *ms_top_tab_name(enum ms_top_tab tab)
{
	return (unsigned int)tab < MS_TOP_NR_TABS ? tabs[tab].name : "?";
}

/* ---- drawing helpers ---- */

void top_put(int y, int x, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ms_tui_vput(y, x, -1, fmt, ap);
	va_end(ap);
}

void top_putw(int y, int x, int width, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ms_tui_vput(y, x, width, fmt, ap);
	va_end(ap);
}

int top_wrap(int y, int x, int width, const char *text)
{
	int lines = 0;

	while (*text && width > 0) {
		int n = (int)strlen(text), cut = n;

		if (n > width) {
			for (cut = width; cut > 0 && text[cut] != ' '; cut--)
				;
			if (!cut)
				cut = width;
		}
		top_putw(y + lines, x, cut, "%s", text);
		text += cut;
		while (*text == ' ')
			text++;
		lines++;
	}
	return lines;
}

static attr_t color_attr(const struct top_screen *sc, enum top_color c)
{
	switch (c) {
	case TC_GOOD:
		return sc->term.color ? COLOR_PAIR(MS_TERM_PAIR_GREEN) :
					A_NORMAL;
	case TC_WARN:
		return sc->term.color ? COLOR_PAIR(MS_TERM_PAIR_YELLOW) :
					A_BOLD;
	case TC_BAD:
		return sc->term.color ? COLOR_PAIR(MS_TERM_PAIR_RED) | A_BOLD :
					A_BOLD | A_UNDERLINE;
	case TC_INFO:
		return sc->term.color ? COLOR_PAIR(MS_TERM_PAIR_CYAN) :
					A_NORMAL;
	case TC_BOLD:
		return A_BOLD;
	case TC_DIM:
		return A_DIM;
	}
	return A_NORMAL;
}

void top_color_on(const struct top_screen *sc, enum top_color c)
{
	attron(color_attr(sc, c));
}

void top_color_off(const struct top_screen *sc, enum top_color c)
{
	attroff(color_attr(sc, c));
}

enum top_color top_risk_color(enum ms_risk risk)
{
	switch (risk) {
	case MS_RISK_OK:
		return TC_GOOD;
	case MS_RISK_LOW:
		return TC_INFO;
	case MS_RISK_HIGH:
		return TC_WARN;
	case MS_RISK_FAIL:
		return TC_BAD;
	}
	return TC_BOLD;
}

enum top_color top_state_color(enum ms_zone_state st)
{
	switch (st) {
	case MS_ZONE_OK:
		return TC_GOOD;
	case MS_ZONE_BELOW_HIGH:
		return TC_INFO;
	case MS_ZONE_BELOW_LOW:
		return TC_WARN;
	case MS_ZONE_BELOW_MIN:
		return TC_BAD;
	case MS_ZONE_EMPTY:
		break;
	}
	return TC_DIM;
}

const char *top_risk_word(enum ms_risk risk)
{
	switch (risk) {
	case MS_RISK_OK:
		return "ok";
	case MS_RISK_LOW:
		return "low";
	case MS_RISK_HIGH:
		return "HIGH";
	case MS_RISK_FAIL:
		return "FAIL";
	}
	return "?";
}

const char *top_count(char *buf, size_t size, uint64_t n)
{
	static const char sfx[] = "kMGTPE";
	double d = (double)n;
	int i = -1;

	if (n < 1000) {
		snprintf(buf, size, "%llu", (unsigned long long)n);
		return buf;
	}
	while (d >= 999.5 && i < 5) {
		d /= 1000;
		i++;
	}
	if (d < 9.95)
		snprintf(buf, size, "%.1f%c", d, sfx[i]);
	else
		snprintf(buf, size, "%.0f%c", d, sfx[i]);
	return buf;
}

const char *top_rate(char *buf, size_t size, double v, bool valid)
{
	if (!valid || !isfinite(v) || v < 0)
		snprintf(buf, size, "-");
	else if (v < 9.95)
		snprintf(buf, size, "%.1f", v);
	else
		top_count(buf, size, (uint64_t)llround(v < 9e18 ? v : 9e18));
	return buf;
}

const char *top_age(char *buf, size_t size, double s)
{
	unsigned long t = s > 0 ? (unsigned long)s : 0;

	if (t < 60)
		snprintf(buf, size, "%lus", t);
	else if (t < 3600)
		snprintf(buf, size, "%lum%02lus", t / 60, t % 60);
	else
		snprintf(buf, size, "%luh%02lum", t / 3600, t / 60 % 60);
	return buf;
}

void top_spark(const struct top_screen *sc, int y, int x, int width,
	       const double *v, const bool *ok, size_t n, double lo, double hi)
{
	static const char *const utf8[] = { "\u2581", "\u2582", "\u2583",
					    "\u2584", "\u2585", "\u2586",
					    "\u2587", "\u2588" };
	static const char ascii[] = "_.,-=+*#";
	size_t first = n > (size_t)width ? n - (size_t)width : 0, i;
	int col;

	if (y >= LINES || width <= 0)
		return;
	col = x + width - (int)(n - first);
	for (i = first; i < n; i++, col++) {
		int level;

		if (col >= COLS)
			break;
		if (!ok[i])
			continue;
		level = hi > lo ? (int)lround((v[i] - lo) / (hi - lo) * 7) : 7;
		if (level < 0)
			level = 0;
		if (level > 7)
			level = 7;
		if (sc->utf8)
			mvaddstr(y, col, utf8[level]);
		else
			mvaddch(y, col, (chtype)(unsigned char)ascii[level]);
	}
}

void top_section(const struct top_screen *sc, int y, int x, const char *text)
{
	top_color_on(sc, TC_BOLD);
	top_put(y, x, "%s", text);
	top_color_off(sc, TC_BOLD);
}

/* ---- the frame ---- */

static const char *interval_text(char *buf, size_t size, unsigned int ms)
{
	if (ms % 1000 == 0)
		snprintf(buf, size, "%us", ms / 1000);
	else
		snprintf(buf, size, "%gs", ms / 1000.0);
	return buf;
}

static void draw_title(struct top_screen *sc)
{
	char right[160], iv[32];
	int rl, room;

	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	snprintf(right, sizeof(right), "%s%s  every %s ",
		 sc->o->live ? "" : "snapshot ", sc->s ? sc->s->clock : "-",
		 interval_text(iv, sizeof(iv), sc->interval_ms));
	rl = (int)strlen(right);
	room = COLS - rl - 17;
	top_put(0, 0, " memscope top  %.*s", room > 0 ? room : 0, sc->o->title);
	if (rl < COLS)
		top_put(0, COLS - rl, "%s", right);
	attroff(A_REVERSE);
}

static void draw_tabs(struct top_screen *sc)
{
	unsigned int i;
	int x = 1;

	for (i = 0; i < MS_TOP_NR_TABS; i++) {
		bool cur = i == (unsigned int)sc->tab;
		char label[32];

		snprintf(label, sizeof(label), "%c%u %s%c", cur ? '[' : ' ',
			 i + 1, tabs[i].label, cur ? ']' : ' ');
		if (cur)
			attron(A_REVERSE | A_BOLD);
		top_put(1, x, "%s", label);
		if (cur)
			attroff(A_REVERSE | A_BOLD);
		x += (int)strlen(label) + 1;
	}
	if (sc->paused) {
		attron(A_REVERSE | A_BOLD);
		top_color_on(sc, TC_WARN);
		top_put(1, COLS - 9, " PAUSED ");
		top_color_off(sc, TC_WARN);
		attroff(A_REVERSE | A_BOLD);
	}
}

static void draw_status(struct top_screen *sc)
{
	int y = LINES - 1;

	if (sc->edit.on) {
		top_put(y, 0, "Filter (regular expression): %s", sc->edit.buf);
		curs_set(1);
		move(y, 29 + (int)sc->edit.len < COLS ? 29 + (int)sc->edit.len :
							COLS - 1);
		return;
	}
	curs_set(0);
	if (sc->status[0]) {
		top_color_on(sc, TC_WARN);
		top_put(y, 0, "%s", sc->status);
		top_color_off(sc, TC_WARN);
		return;
	}
	top_color_on(sc, TC_DIM);
	top_put(y, 0,
		"? help  q quit  Tab 1-5 tabs  s sort  / filter  "
		"p pause  +/- interval");
	top_color_off(sc, TC_DIM);
}

static const char *const help_lines[] = {
	"Keys",
	"",
	"Tab, 1-5     switch tab (shift-Tab goes back)",
	"s  r         next sort key, reverse the order (tables)",
	"/            filter rows by a regular expression (Esc cancels)",
	"b            group the vmalloc areas by caller, type or module",
	"p            pause; again resumes",
	"space        refresh now",
	"+  -         longer, shorter refresh interval",
	"arrows, PgUp PgDn Home End   scroll a table",
	"left right   choose a zone (Zones tab)",
	"up down      choose the order of the history (Zones tab)",
	"q            quit (Ctrl-C too)",
	"",
	"pagetypeinfo and vmallocinfo are read at most every 10 s.",
	"Press any key to close this help.",
};

/* The help replaces the tab's body until a key is pressed. */
static void draw_help(struct top_screen *sc)
{
	int i;

	for (i = 0; i < (int)ARRAY_SIZE(help_lines); i++) {
		if (i == 0)
			top_section(sc, TOP_FIRST_LINE, 2, help_lines[i]);
		else
			top_put(TOP_FIRST_LINE + i, 2, "%s", help_lines[i]);
	}
}

static void draw(struct top_screen *sc)
{
	erase();
	if (COLS < TOP_MIN_COLS || LINES < TOP_MIN_LINES) {
		top_put(LINES / 2, 0,
			"memscope top needs %dx%d, the terminal "
			"is %dx%d",
			TOP_MIN_COLS, TOP_MIN_LINES, COLS, LINES);
		refresh();
		return;
	}
	draw_title(sc);
	draw_tabs(sc);
	if (sc->help) {
		draw_help(sc);
	} else if (!sc->s) {
		top_put(TOP_FIRST_LINE + 1, 1, "reading ...");
	} else {
		switch (sc->tab) {
		case MS_TOP_OVERVIEW:
			top_draw_overview(sc);
			break;
		case MS_TOP_ZONES:
			top_draw_zones(sc);
			break;
		case MS_TOP_SLAB:
			top_draw_table(sc, TOP_T_SLAB);
			break;
		case MS_TOP_VMALLOC:
			top_draw_table(sc, TOP_T_VMALLOC);
			break;
		case MS_TOP_PROCS:
			top_draw_table(sc, TOP_T_PROCS);
			break;
		case MS_TOP_NR_TABS:
			break;
		}
	}
	draw_status(sc);
	refresh();
}

/* ---- keys ---- */

static void set_status(struct top_screen *sc, const char *fmt, ...)
	MS_PRINTF(2, 3);

static void set_status(struct top_screen *sc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sc->status, sizeof(sc->status), fmt, ap);
	va_end(ap);
}

/* The refresh intervals + and - step through. */
static const unsigned int steps_ms[] = { 100,	250,	500,	1000,  2000,
					 3000,	5000,	10000,	15000, 30000,
					 60000, 120000, 300000, 600000 };

static void change_interval(struct top_screen *sc, bool longer)
{
	char iv[32];
	size_t i;

	if (longer) {
		for (i = 0; i < ARRAY_SIZE(steps_ms); i++)
			if (steps_ms[i] > sc->interval_ms) {
				sc->interval_ms = steps_ms[i];
				break;
			}
	} else {
		for (i = ARRAY_SIZE(steps_ms); i-- > 0;)
			if (steps_ms[i] < sc->interval_ms) {
				sc->interval_ms = steps_ms[i];
				break;
			}
	}
	set_status(sc, "refresh every %s",
		   interval_text(iv, sizeof(iv), sc->interval_ms));
}

static int table_of(enum ms_top_tab tab)
{
	switch (tab) {
	case MS_TOP_SLAB:
		return TOP_T_SLAB;
	case MS_TOP_VMALLOC:
		return TOP_T_VMALLOC;
	case MS_TOP_PROCS:
		return TOP_T_PROCS;
	default:
		return -1;
	}
}

static void set_tab(struct top_screen *sc, enum ms_top_tab tab)
{
	if (tab == sc->tab)
		return;
	sc->tab = tab;
	/* the processes are read only while their tab shows */
	if (tab == MS_TOP_PROCS && sc->o->live)
		sc->sample_now = true;
}

static void apply_filter(struct top_screen *sc)
{
	int t = table_of(sc->tab);
	struct top_table *tb;
	char msg[128];

	if (t < 0)
		return;
	tb = &sc->tables[t];
	if (ms_tui_filter_set(&tb->filter, sc->edit.buf, msg, sizeof(msg))) {
		set_status(sc, "filter '%s': %s", sc->edit.buf, msg);
		return;
	}
	tb->scroll = 0;
}

static void key(void *arg, int k)
{
	struct top_screen *sc = arg;
	int t = table_of(sc->tab);

	if (sc->edit.on) {
		if (ms_tui_edit_key(&sc->edit, k))
			apply_filter(sc);
		return;
	}
	if (k == KEY_RESIZE)
		return;
	sc->status[0] = '\0';
	if (sc->help) {
		sc->help = false;
		if (k != 'q' && k != 'Q')
			return;
	}
	switch (k) {
	case 'q':
	case 'Q':
		sc->quit = true;
		return;
	case '?':
	case 'h':
	case KEY_F(1):
		sc->help = true;
		return;
	case '\t':
		set_tab(sc, (enum ms_top_tab)((sc->tab + 1) % MS_TOP_NR_TABS));
		return;
	case KEY_BTAB:
		set_tab(sc, (enum ms_top_tab)((sc->tab + MS_TOP_NR_TABS - 1) %
					      MS_TOP_NR_TABS));
		return;
	case '1':
	case '2':
	case '3':
	case '4':
	case '5':
		set_tab(sc, (enum ms_top_tab)(k - '1'));
		return;
	case 'p':
	case 'P':
		sc->paused = !sc->paused;
		if (!sc->paused)
			sc->sample_now = true;
		return;
	case ' ':
		sc->sample_now = true;
		return;
	case '+':
	case '=':
		change_interval(sc, true);
		return;
	case '-':
	case '_':
		change_interval(sc, false);
		return;
	case 12: /* Ctrl-L */
		clearok(curscr, TRUE);
		return;
	case 's':
	case 'S':
		if (t < 0) {
			set_status(sc, "s sorts the Slab, Vmalloc and "
				       "Processes tables");
			return;
		}
		top_table_sort_next(sc, (enum top_table_id)t);
		sc->tables[t].scroll = 0;
		set_status(sc, "sorted by %s",
			   top_table_sort_name(sc, (enum top_table_id)t));
		return;
	case 'r':
	case 'R':
		if (t < 0)
			return;
		sc->tables[t].reverse = !sc->tables[t].reverse;
		return;
	case 'b':
	case 'B':
		if (sc->tab != MS_TOP_VMALLOC) {
			set_status(sc, "b groups the Vmalloc tab by caller, "
				       "type or module");
			return;
		}
		top_vmalloc_by_next(sc);
		return;
	case '/':
		if (t < 0) {
			set_status(sc, "/ filters the Slab, Vmalloc and "
				       "Processes tables");
			return;
		}
		ms_tui_edit_start(&sc->edit, sc->tables[t].filter.text);
		return;
	default:
		break;
	}
	if (sc->tab == MS_TOP_ZONES) {
		top_zones_key(sc, k);
		return;
	}
	if (t >= 0 && ms_tui_scroll_key(&sc->tables[t].scroll, k,
					LINES > 12 ? (size_t)LINES - 8 : 1))
		return;
	if (k > 0 && k < 128 && isprint(k))
		set_status(sc, "unknown key '%c'; ? shows the keys", k);
}

/* ---- the loop ---- */

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void release(struct top_screen *sc)
{
	unsigned int i;

	for (i = 0; i < TOP_NR_TABLES; i++)
		top_table_release(&sc->tables[i]);
	top_zones_release(sc);
}

int ms_tui_top_run(const struct ms_top_opts *o, struct ms_diag *diag)
{
	struct top_screen sc = {
		.o = o,
		.tab = o->tab,
		.interval_ms = o->interval_ms,
		.frag_order = 3, /* PAGE_ALLOC_COSTLY_ORDER */
	};
	const char *cs;
	uint64_t taken = 0;
	double next, now;
	int ret;

	/* multibyte output for the sparklines, when the locale has it */
	setlocale(LC_CTYPE, "");
	cs = nl_langinfo(CODESET);
	sc.utf8 = cs && !strcmp(cs, "UTF-8");
	ret = ms_term_start(&sc.term, o->color, diag);
	if (ret)
		goto out_release;
	next = now_s();
	for (;;) {
		int timeout;

		now = now_s();
		if (sc.sample_now || (!sc.paused && now >= next)) {
			unsigned int want =
				sc.tab == MS_TOP_PROCS ? MS_TOP_WANT_PROCS : 0;

			if (o->iterations && taken >= o->iterations)
				break;
			ret = o->sample(o->arg, want, &sc.s);
			if (ret) {
				sc.s = NULL;
				break;
			}
			taken++;
			top_zones_record(&sc);
			sc.sample_now = false;
			next += sc.interval_ms / 1000.0;
			now = now_s();
			if (next < now)
				next = now + sc.interval_ms / 1000.0;
		}
		draw(&sc);
		if (sc.paused)
			timeout = -1;
		else if (next - now > 86400.0)
			timeout = 86400 * 1000;
		else
			timeout = (int)ceil((next - now) * 1000.0);
		if (timeout < -1)
			timeout = 0;
		ret = ms_term_wait_keys(&sc.term, timeout, key, &sc, &sc.quit,
					diag);
		if (ret) {
			ret = ret < 0 ? ret : 0;
			break;
		}
		/* a shorter interval takes effect now */
		if (next - now_s() > sc.interval_ms / 1000.0)
			next = now_s() + sc.interval_ms / 1000.0;
	}
	ms_term_stop(&sc.term);
out_release:
	release(&sc);
	return ret;
}
