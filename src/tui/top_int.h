/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_TUI_TOP_INT_H
#define MS_TUI_TOP_INT_H

/*
 * Shared by the files of memscope top's screen (top.c and the tab files
 * top_*.c); not a public interface.
 */

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/compiler.h"
#include "tui/table.h"
#include "tui/term.h"
#include "tui/top.h"

/* Lines above and below every tab: the title, the tab bar, the status. */
#define TOP_FIRST_LINE 2
#define TOP_MIN_COLS   80
#define TOP_MIN_LINES  24

/* Samples of history kept per zone for the sparklines. */
#define TOP_HISTORY 256

/* The tables: one per tab that lists rows. */
enum top_table_id {
	TOP_T_SLAB,
	TOP_T_VMALLOC,
	TOP_T_PROCS,
	TOP_NR_TABLES,
};

/**
 * struct top_table - what the user chose for one table
 * @sort:      index into the table's sort keys
 * @reverse:   the opposite of the key's usual direction
 * @filter:    the filter on the rows' names
 * @scroll:    first row shown
 * @rows:      the rows that pass the filter, in order (pointers into the
 *             sample's model, valid until the next sample)
 */
struct top_table {
	unsigned int sort;
	bool reverse;
	struct ms_tui_filter filter;
	size_t scroll;
	const void **rows;
	size_t nr_rows;
	size_t cap_rows;
};

/**
 * struct top_zone_hist - the history of one zone, oldest first in a ring
 * @node, @name: the zone
 * @free_pages:  "pages free" of each sample
 * @unusable:    the unusable free space index at every order, when
 *               @has_frag
 * @has_frag:    [i] the sample had buddyinfo for the zone
 * @head:        next slot to write
 * @len:         samples stored (at most TOP_HISTORY)
 */
struct top_zone_hist {
	int node;
	char name[MS_ZONE_NAME_MAX];
	uint64_t free_pages[TOP_HISTORY];
	int16_t unusable[TOP_HISTORY][MS_MAX_ORDERS];
	bool has_frag[TOP_HISTORY];
	size_t head;
	size_t len;
};

/* The most zones whose history is kept. */
#define TOP_MAX_HIST_ZONES 256

/* Colours (or, without colour, attributes) of the screen's meanings. */
enum top_color {
	TC_GOOD,
	TC_WARN,
	TC_BAD,
	TC_INFO,
	TC_BOLD,
	TC_DIM,
};

struct top_screen {
	const struct ms_top_opts *o;
	struct ms_term term;
	const struct ms_top_sample *s;
	unsigned int last_number;
	enum ms_top_tab tab;
	unsigned int interval_ms;
	bool utf8;
	bool paused;
	bool quit;
	bool sample_now;
	bool help;
	struct ms_tui_edit edit;
	char status[256];
	struct top_table tables[TOP_NR_TABLES];
	enum ms_top_vm_by vm_by;
	size_t zone_sel;
	unsigned int frag_order;
	struct top_zone_hist *hist[TOP_MAX_HIST_ZONES];
	size_t nr_hist;
};

/* ---- drawing helpers (top.c) ---- */

/** top_put() - formatted text at (@y, @x), cut at the right edge */
void top_put(int y, int x, const char *fmt, ...) MS_PRINTF(3, 4);

/** top_putw() - the same, cut at @width columns as well */
void top_putw(int y, int x, int width, const char *fmt, ...) MS_PRINTF(4, 5);

/**
 * top_wrap() - @text at (@y, @x) wrapped at blanks into @width columns
 *
 * Return: the lines used.
 */
int top_wrap(int y, int x, int width, const char *text);

void top_color_on(const struct top_screen *sc, enum top_color c);
void top_color_off(const struct top_screen *sc, enum top_color c);

/** top_risk_color() - the colour of a GFP verdict */
enum top_color top_risk_color(enum ms_risk risk);

/** top_state_color() - the colour of a zone's watermark state */
enum top_color top_state_color(enum ms_zone_state st);

/** top_risk_word() - "ok", "low", "HIGH", "FAIL": the severe ones stand
 * out without colour */
const char *top_risk_word(enum ms_risk risk);

/** top_count() - a count in at most 4 characters ("999", "1.2k", "12k") */
const char *top_count(char *buf, size_t size, uint64_t n);

/** top_rate() - events per second: "0.5", "12", "1.2k"; "-" when !@valid */
const char *top_rate(char *buf, size_t size, double v, bool valid);

/** top_age() - "4s", "2m05s" */
const char *top_age(char *buf, size_t size, double s);

/**
 * top_spark() - a sparkline of @n values (oldest first) in @width
 * columns at (@y, @x): the newest value at the right, one column per
 * sample, scaled from @lo to @hi; missing samples (@ok[i] false) blank
 */
void top_spark(const struct top_screen *sc, int y, int x, int width,
	       const double *v, const bool *ok, size_t n, double lo, double hi);

/** top_section() - a section heading in bold at (@y, @x) */
void top_section(const struct top_screen *sc, int y, int x, const char *text);

/* ---- the tabs ---- */

void top_draw_overview(struct top_screen *sc);
void top_draw_zones(struct top_screen *sc);
void top_zones_key(struct top_screen *sc, int key);
void top_zones_record(struct top_screen *sc);
void top_zones_release(struct top_screen *sc);

void top_draw_table(struct top_screen *sc, enum top_table_id t);
/** top_table_sort_next() - the next sort key of table @t */
void top_table_sort_next(struct top_screen *sc, enum top_table_id t);
/** top_table_sort_name() - the name of table @t's sort key */
const char *top_table_sort_name(const struct top_screen *sc,
				enum top_table_id t);
void top_table_release(struct top_table *tb);
/** top_vmalloc_by_next() - group the vmalloc areas the next way */
void top_vmalloc_by_next(struct top_screen *sc);

#endif
