// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Number and line parsing shared by every /proc parser. Nothing here
 * allocates; all text is borrowed from the caller's buffer.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lib/parse.h"
#include "lib/banned.h"

int ms_diag_set(struct ms_diag *diag, const char *file, unsigned int line,
		int err, const char *fmt, ...)
{
	va_list ap;

	if (!diag)
		return err;
	snprintf(diag->file, sizeof(diag->file), "%s", file ? file : "");
	diag->line = line;
	diag->err = err;
	va_start(ap, fmt);
	vsnprintf(diag->msg, sizeof(diag->msg), fmt, ap);
	va_end(ap);
	return err;
}

int ms_diag_oom(struct ms_diag *diag, const char *file)
{
	return ms_diag_set(diag, file, 0, -ENOMEM, "out of memory");
}

int ms_diag_expected(struct ms_diag *diag, const char *file, unsigned int line,
		     const char *what, const char *s, size_t len)
{
	char q[64];

	return ms_diag_set(diag, file, line, -EINVAL, "expected %s, found '%s'",
			   what, ms_quote_tok(q, sizeof(q), s, len));
}

void ms_diag_format(const struct ms_diag *diag, char *buf, size_t size)
{
	if (diag->line)
		snprintf(buf, size, "%s:%u: %s", diag->file, diag->line,
			 diag->msg);
	else if (diag->file[0])
		snprintf(buf, size, "%s: %s", diag->file, diag->msg);
	else
		snprintf(buf, size, "%s", diag->msg);
}

int ms_parse_u64(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (!len)
		return -EINVAL;
	/* 19 digits always fit: no overflow check on the common path */
	if (len <= 19) {
		for (i = 0; i < len; i++) {
			unsigned int d = (unsigned char)s[i] - '0';

			if (d > 9)
				return -EINVAL;
			v = v * 10 + d;
		}
		*out = v;
		return 0;
	}
	for (i = 0; i < len; i++) {
		unsigned int d;

		if (s[i] < '0' || s[i] > '9')
			return -EINVAL;
		d = (unsigned int)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return -ERANGE;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

int ms_parse_s64(const char *s, size_t len, int64_t *out)
{
	uint64_t v;
	int neg = 0;
	int err;

	if (len && s[0] == '-') {
		neg = 1;
		s++;
		len--;
	}
	err = ms_parse_u64(s, len, &v);
	if (err)
		return err;
	if (neg) {
		if (v > (uint64_t)INT64_MAX + 1)
			return -ERANGE;
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
	} else {
		if (v > INT64_MAX)
			return -ERANGE;
		*out = (int64_t)v;
	}
	return 0;
}

/* Hexadecimal digit values plus one; 0 for every other byte */
static const unsigned char hex_digit1[256] = {
	['0'] = 1,  ['1'] = 2,	['2'] = 3,  ['3'] = 4,	['4'] = 5,  ['5'] = 6,
	['6'] = 7,  ['7'] = 8,	['8'] = 9,  ['9'] = 10, ['a'] = 11, ['b'] = 12,
	['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16, ['A'] = 11, ['B'] = 12,
	['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

int ms_parse_hex_u64(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		len -= 2;
	}
	if (!len)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		unsigned int d = hex_digit1[(unsigned char)s[i]];

		if (!d--)
			return -EINVAL;
		if (v >> 60)
			return -ERANGE;
		v = (v << 4) | d;
	}
	*out = v;
	return 0;
}

void ms_cursor_init(struct ms_cursor *c, const char *buf, size_t len)
{
	c->buf = buf;
	c->len = len;
	c->pos = 0;
	c->lineno = 0;
}

int ms_cursor_next(struct ms_cursor *c, const char **line, size_t *line_len)
{
	const char *start, *nl;
	size_t n;

	if (c->pos >= c->len)
		return 0;
	start = c->buf + c->pos;
	nl = memchr(start, '\n', c->len - c->pos);
	n = nl ? (size_t)(nl - start) : c->len - c->pos;
	c->pos += n + (nl ? 1 : 0);
	c->lineno++;
	*line = start;
	*line_len = n;
	if (memchr(start, '\0', n))
		return -EINVAL;
	return 1;
}

/* ' ', '\t', '\r', '\v' and '\f': a table, since every byte is tested */
static const bool blank[256] = {
	[' '] = true,  ['\t'] = true, ['\r'] = true,
	['\v'] = true, ['\f'] = true,
};

static inline bool is_blank(char ch)
{
	return blank[(unsigned char)ch];
}

int ms_tokenize(const char *line, size_t len, struct ms_tok *toks, int max)
{
	const char *p = line, *end = line + len;
	int n = 0;

	for (;;) {
		const char *start;

		/* indentation and column padding: runs of spaces */
		if (end - p > 1 && p[0] == ' ' && p[1] == ' ')
			p += ms_span_spaces(p, (size_t)(end - p));
		while (p < end && is_blank(*p))
			p++;
		if (p == end)
			break;
		start = p;
		while (p < end && !is_blank(*p))
			p++;
		if (n >= max)
			return -E2BIG;
		toks[n].s = start;
		toks[n].len = (size_t)(p - start);
		n++;
	}
	return n;
}

void ms_strip(const char **s, size_t *len)
{
	const char *p = *s, *end = *s + *len;

	if (*len > 1 && p[0] == ' ' && p[1] == ' ')
		p += ms_span_spaces(p, *len);
	while (p < end && is_blank(*p))
		p++;
	while (end > p && is_blank(end[-1]))
		end--;
	*s = p;
	*len = (size_t)(end - p);
}

bool ms_is_word(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] <= ' ' || s[i] > '~')
			return false;
	return true;
}

int ms_tok_copy(char *dst, size_t size, const char *s, size_t len)
{
	if (len >= size)
		return -ENAMETOOLONG;
	memcpy(dst, s, len);
	dst[len] = '\0';
	return 0;
}

const char *ms_quote_tok(char *buf, size_t size, const char *s, size_t len)
{
	size_t i, o = 0;
	size_t keep = len > 40 ? 40 : len;

	if (!size)
		return buf;
	for (i = 0; i < keep && o + 1 < size; i++) {
		unsigned char ch = (unsigned char)s[i];

		buf[o++] = (ch >= 0x20 && ch < 0x7f) ? (char)ch : '?';
	}
	if (len > keep) {
		for (i = 0; i < 3 && o + 1 < size; i++)
			buf[o++] = '.';
	}
	buf[o] = '\0';
	return buf;
}
