/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_TUI_TABLE_H
#define MS_TUI_TABLE_H

#include <curses.h>
#include <regex.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/compiler.h"

/*
 * What the full-screen views share: cut-to-width text output, the
 * signed sizes and durations of their cells, the filter line and its
 * regular expression, scrolling keys, and a cache of the lines on the
 * screen so that a redraw writes only the lines that changed.
 */

/* The longest line remembered or formatted, terminator included. */
#define MS_TUI_LINE_MAX 1024
/* The longest filter expression, terminator included. */
#define MS_TUI_FILTER_MAX 128

/**
 * ms_tui_vput() - formatted text at (@y, @x), cut at the right edge
 * @width: at most this many columns; -1 for the rest of the line
 */
void ms_tui_vput(int y, int x, int width, const char *fmt, va_list ap)
	MS_PRINTF(4, 0);

/** ms_tui_put() - ms_tui_vput() for the rest of the line */
void ms_tui_put(int y, int x, const char *fmt, ...) MS_PRINTF(3, 4);

/** ms_tui_sbytes() - a signed size: "+1.20 MiB", "-512 B", "0" */
const char *ms_tui_sbytes(char *buf, size_t size, int64_t v);

/**
 * struct ms_tui_lines - what each screen line showed at the last redraw
 *
 * A redraw that erased the screen and wrote every line again would make
 * curses compare every cell to find the few that changed. Instead each
 * line is handed over with its text (or a key that stands for its
 * content) and is only cleared and drawn again when that differs. When
 * the terminal's size changes, the screen is erased and every line
 * counts as changed. The fields are private; set the struct to zero
 * before use.
 */
struct ms_tui_lines {
	int lines;
	int cols;
	char (*key)[MS_TUI_LINE_MAX];
	size_t *key_len;
	attr_t *attr;
	bool *valid;
};

/**
 * ms_tui_lines_begin() - start a redraw
 *
 * Return: false when the cache cannot be kept (no memory): the screen
 * was erased and every line must be drawn, which ms_tui_line() and
 * ms_tui_line_changed() then do.
 */
bool ms_tui_lines_begin(struct ms_tui_lines *l);

/** ms_tui_lines_forget() - count every line as changed at the next redraw */
void ms_tui_lines_forget(struct ms_tui_lines *l);

void ms_tui_lines_release(struct ms_tui_lines *l);

/**
 * ms_tui_line_changed() - whether line @y must be drawn again
 * @attr: the line's attributes
 * @key:  what the line shows: its text, or the values it is formatted
 *        from, with anything else that changes its look
 * @len:  bytes at @key, at most MS_TUI_LINE_MAX
 *
 * When it must, the line is cleared and @key remembered: the caller
 * then draws the line.
 */
bool ms_tui_line_changed(struct ms_tui_lines *l, int y, attr_t attr,
			 const void *key, size_t len);

/**
 * ms_tui_line() - line @y shows @text from column 0 with attributes
 * @attr, the rest of the line blank; written only when it changed
 */
void ms_tui_line(struct ms_tui_lines *l, int y, attr_t attr, const char *text);

/**
 * struct ms_tui_filter - a table's filter on row names
 * @re:     the compiled expression, when @has_re
 * @text:   the expression as typed, "" for none
 */
struct ms_tui_filter {
	regex_t re;
	bool has_re;
	char text[MS_TUI_FILTER_MAX];
};

/**
 * ms_tui_filter_set() - filter by the POSIX extended regular expression
 * @text; "" removes the filter
 * @msg: the reason when @text is not a valid expression (the filter then
 *       stays as it was)
 *
 * Return: 0, or -EINVAL with @msg filled.
 */
int ms_tui_filter_set(struct ms_tui_filter *f, const char *text, char *msg,
		      size_t msg_size);

/** ms_tui_filter_match() - @name passes the filter (always without one) */
bool ms_tui_filter_match(const struct ms_tui_filter *f, const char *name);

void ms_tui_filter_release(struct ms_tui_filter *f);

/**
 * struct ms_tui_edit - the line where a filter is typed
 * @on:  the line is open
 * @buf: what was typed
 * @len: its length
 */
struct ms_tui_edit {
	bool on;
	char buf[MS_TUI_FILTER_MAX];
	size_t len;
};

/** ms_tui_edit_start() - open the line with @text already typed */
void ms_tui_edit_start(struct ms_tui_edit *e, const char *text);

/**
 * ms_tui_edit_key() - one key typed into the line: printable ASCII adds
 * a character, Backspace removes one, Ctrl-U clears, Esc closes the line
 *
 * Return: true when Enter closed the line: @e->buf is to be applied.
 */
bool ms_tui_edit_key(struct ms_tui_edit *e, int k);

/**
 * ms_tui_scroll_key() - arrows, Page Up/Down, Home and End move @scroll
 * @page: rows on one page
 *
 * Return: true when @k was one of these keys. End sets a very large
 * value that the drawing code brings back to the last page.
 */
bool ms_tui_scroll_key(size_t *scroll, int k, size_t page);

#endif
