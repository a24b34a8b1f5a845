// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Drawing and key helpers shared by the full-screen views (slab.c and
 * the tabs of top).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/units.h"
#include "tui/table.h"
#include "lib/banned.h"

void ms_tui_vput(int y, int x, int width, const char *fmt, va_list ap)
{
	char buf[MS_TUI_LINE_MAX];
	int room;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	vsnprintf(buf, sizeof(buf), fmt, ap);
	room = COLS - x;
	if (width >= 0 && width < room)
		room = width;
	if (room > 0)
		mvaddnstr(y, x, buf, room);
}

void ms_tui_put(int y, int x, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ms_tui_vput(y, x, -1, fmt, ap);
	va_end(ap);
}

const char *ms_tui_sbytes(char *buf, size_t size, int64_t v)
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

/* ---- the line cache ---- */

void ms_tui_lines_release(struct ms_tui_lines *l)
{
	free(l->key);
	free(l->key_len);
	free(l->attr);
	free(l->valid);
	memset(l, 0, sizeof(*l));
}

void ms_tui_lines_forget(struct ms_tui_lines *l)
{
	if (l->valid)
		memset(l->valid, 0, (size_t)l->lines * sizeof(*l->valid));
}

bool ms_tui_lines_begin(struct ms_tui_lines *l)
{
	if (l->valid && l->lines == LINES && l->cols == COLS)
		return true;
	/* a new size: nothing on the screen can be trusted */
	ms_tui_lines_release(l);
	erase();
	if (LINES <= 0)
		return false;
	l->key = malloc((size_t)LINES * sizeof(*l->key));
	l->key_len = malloc((size_t)LINES * sizeof(*l->key_len));
	l->attr = malloc((size_t)LINES * sizeof(*l->attr));
	l->valid = calloc((size_t)LINES, sizeof(*l->valid));
	if (!l->key || !l->key_len || !l->attr || !l->valid) {
		ms_tui_lines_release(l);
		return false;
	}
	l->lines = LINES;
	l->cols = COLS;
	return true;
}

bool ms_tui_line_changed(struct ms_tui_lines *l, int y, attr_t attr,
			 const void *key, size_t len)
{
	if (y < 0 || y >= LINES)
		return false;
	if (y < l->lines && l->valid) {
		if (l->valid[y] && l->attr[y] == attr && l->key_len[y] == len &&
		    !memcmp(l->key[y], key, len))
			return false;
		/* a longer key is not remembered: the line is always drawn */
		l->valid[y] = len <= sizeof(l->key[y]);
		if (l->valid[y])
			memcpy(l->key[y], key, len);
		l->key_len[y] = len;
		l->attr[y] = attr;
	}
	move(y, 0);
	clrtoeol();
	return true;
}

void ms_tui_line(struct ms_tui_lines *l, int y, attr_t attr, const char *text)
{
	if (!ms_tui_line_changed(l, y, attr, text, strlen(text) + 1))
		return;
	if (attr)
		attron(attr);
	mvaddnstr(y, 0, text, COLS);
	if (attr)
		attroff(attr);
}

/* ---- filter and its edit line ---- */

int ms_tui_filter_set(struct ms_tui_filter *f, const char *text, char *msg,
		      size_t msg_size)
{
	regex_t re;
	int err;

	if (!text[0]) {
		ms_tui_filter_release(f);
		return 0;
	}
	err = regcomp(&re, text, REG_EXTENDED | REG_NOSUB);
	if (err) {
		regerror(err, &re, msg, msg_size);
		return -EINVAL;
	}
	ms_tui_filter_release(f);
	f->re = re;
	f->has_re = true;
	snprintf(f->text, sizeof(f->text), "%s", text);
	return 0;
}

bool ms_tui_filter_match(const struct ms_tui_filter *f, const char *name)
{
	return !f->has_re || !regexec(&f->re, name, 0, NULL, 0);
}

void ms_tui_filter_release(struct ms_tui_filter *f)
{
	if (f->has_re)
		regfree(&f->re);
	f->has_re = false;
	f->text[0] = '\0';
}

void ms_tui_edit_start(struct ms_tui_edit *e, const char *text)
{
	e->on = true;
	snprintf(e->buf, sizeof(e->buf), "%s", text);
	e->len = strlen(e->buf);
}

bool ms_tui_edit_key(struct ms_tui_edit *e, int k)
{
	switch (k) {
	case '\n':
	case '\r':
	case KEY_ENTER:
		e->on = false;
		return true;
	case 27: /* Esc */
		e->on = false;
		break;
	case KEY_BACKSPACE:
	case 127:
	case 8:
		if (e->len)
			e->buf[--e->len] = '\0';
		break;
	case 21: /* Ctrl-U */
		e->len = 0;
		e->buf[0] = '\0';
		break;
	default:
		if (k >= 32 && k < 127 && e->len + 1 < sizeof(e->buf)) {
			e->buf[e->len++] = (char)k;
			e->buf[e->len] = '\0';
		}
		break;
	}
	return false;
}

bool ms_tui_scroll_key(size_t *scroll, int k, size_t page)
{
	switch (k) {
	case KEY_UP:
		if (*scroll)
			(*scroll)--;
		return true;
	case KEY_DOWN:
		(*scroll)++;
		return true;
	case KEY_PPAGE:
		*scroll = *scroll > page ? *scroll - page : 0;
		return true;
	case KEY_NPAGE:
		*scroll += page;
		return true;
	case KEY_HOME:
		*scroll = 0;
		return true;
	case KEY_END:
		*scroll = (size_t)-1 / 2;
		return true;
	default:
		return false;
	}
}
