/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_PARSE_H
#define MS_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/compiler.h"

/**
 * struct ms_diag - where and why parsing failed
 * @file: short name of the input ("zoneinfo", "sys/vm/min_free_kbytes")
 * @line: 1-based line number, 0 when the error is not tied to a line
 * @err:  negative errno-style code (-EINVAL for malformed input)
 * @msg:  what was expected, lowercase, no trailing period
 *
 * Parsers fill this and return its @err; only main.c and cmd_*.c print
 * it, as "memscope: FILE:LINE: MSG".
 */
struct ms_diag {
	char file[96];
	unsigned int line;
	int err;
	char msg[256];
};

/**
 * ms_diag_set() - record an error and return @err
 *
 * Return: @err, so that parsers can write "return ms_diag_set(...)".
 */
int ms_diag_set(struct ms_diag *diag, const char *file, unsigned int line,
		int err, const char *fmt, ...) MS_PRINTF(5, 6);

/**
 * ms_diag_oom() - record "out of memory" for @file, tied to no line
 *
 * Return: -ENOMEM
 */
int ms_diag_oom(struct ms_diag *diag, const char *file);

/**
 * ms_diag_expected() - record "expected WHAT, found 'TOKEN'" at @line
 * @what: what the input should have held ("a block count")
 * @s:    the token found, quoted with ms_quote_tok()
 * @len:  its length
 *
 * Return: -EINVAL
 */
int ms_diag_expected(struct ms_diag *diag, const char *file, unsigned int line,
		     const char *what, const char *s, size_t len);

/**
 * ms_diag_format() - "FILE:LINE: MSG" (or "FILE: MSG") into @buf
 */
void ms_diag_format(const struct ms_diag *diag, char *buf, size_t size);

/**
 * ms_parse_u64() - parse a whole decimal token as an unsigned 64-bit number
 * @s: start of the token
 * @len: its length (no terminator needed)
 * @out: result
 *
 * Accepts only digits (no sign, no spaces, no base prefix) and refuses
 * values that do not fit in 64 bits.
 *
 * Return: 0, -EINVAL (not a number) or -ERANGE (overflow).
 */
int ms_parse_u64(const char *s, size_t len, uint64_t *out);

/**
 * ms_parse_s64() - like ms_parse_u64() with an optional leading '-'
 */
int ms_parse_s64(const char *s, size_t len, int64_t *out);

/**
 * ms_parse_hex_u64() - hexadecimal digits, with or without a 0x prefix
 */
int ms_parse_hex_u64(const char *s, size_t len, uint64_t *out);

/*
 * Scanners for parsers' fast paths. Each reads the longest run of one
 * kind of byte at the start of @s, never past @avail bytes, and reports
 * its length, so that a parser can walk a line without first cutting it
 * into tokens. Eight bytes are tested at a time on little-endian
 * machines (the SWAR tricks of "Bit Twiddling Hacks"); the result is the
 * same as the byte loop's on every input.
 */
#define MS_SWAR_ONES 0x0101010101010101ull
#define MS_SWAR_HIGH 0x8080808080808080ull
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define MS_SWAR 1
#else
#define MS_SWAR 0
#endif

static inline bool ms_is_hex_digit(char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') ||
	       (ch >= 'A' && ch <= 'F');
}

/**
 * ms_span_graph() - the number of leading bytes in '!'..'~'
 *
 * These are the bytes of a token in /proc text: it ends at a blank, a
 * control byte or a byte above 0x7e, which the caller then looks at.
 */
static inline size_t ms_span_graph(const char *s, size_t avail)
{
	size_t i = 0;

#if MS_SWAR
	while (i + 8 <= avail) {
		uint64_t x, m;

		memcpy(&x, s + i, sizeof(x));
		/*
		 * a byte below 0x21, or above 0x7e: the lowest flagged
		 * byte is exact (borrows and carries start at a flagged
		 * byte and only reach higher ones)
		 */
		m = (((x - 0x21 * MS_SWAR_ONES) & ~x) | (x + MS_SWAR_ONES) |
		     x) &
		    MS_SWAR_HIGH;
		if (m)
			return i + (size_t)(__builtin_ctzll(m) >> 3);
		i += 8;
	}
#endif
	while (i < avail && s[i] >= '!' && s[i] <= '~')
		i++;
	return i;
}

/**
 * ms_span_spaces() - the number of leading ' ' bytes (not tabs)
 */
static inline size_t ms_span_spaces(const char *s, size_t avail)
{
	size_t i = 0;

#if MS_SWAR
	while (i + 8 <= avail) {
		uint64_t x;

		memcpy(&x, s + i, sizeof(x));
		x ^= 0x20 * MS_SWAR_ONES;
		if (x)
			return i + (size_t)(__builtin_ctzll(x) >> 3);
		i += 8;
	}
#endif
	while (i < avail && s[i] == ' ')
		i++;
	return i;
}

/**
 * ms_scan_dec() - the leading decimal digits of @s as a number
 * @out: their value, set when the return value is 1 to 19
 *
 * Nineteen digits always fit in 64 bits; a longer run may not, and is
 * left to ms_parse_u64(), which checks for overflow.
 *
 * Return: the number of digits, or 20 for twenty or more.
 */
static inline size_t ms_scan_dec(const char *s, size_t avail, uint64_t *out)
{
	uint64_t v = 0;
	size_t i, max = avail < 20 ? avail : 20;

	for (i = 0; i < max; i++) {
		unsigned int d = (unsigned char)s[i] - '0';

		if (d > 9)
			break;
		v = v * 10 + d;
	}
	if (i < 20)
		*out = v;
	return i;
}

#if MS_SWAR
/*
 * ms_hex8_() - the leading hex digits of the eight bytes in @x (the first
 * byte in the low bits), their number and, in @val, their value
 */
static inline unsigned int ms_hex8_(uint64_t x, uint64_t *val)
{
	uint64_t hi = x & MS_SWAR_HIGH, x7 = x & ~MS_SWAR_HIGH, l, digit, alpha,
		 bad, v;
	unsigned int k;

	/* x7's bytes are below 0x80: x7 + (0x80 - c) sets bit 7 iff >= c */
#define MS_GE_(y, c) (((y) + (0x80 - (c)) * MS_SWAR_ONES) & MS_SWAR_HIGH)
	digit = MS_GE_(x7, '0') & ~MS_GE_(x7, '9' + 1);
	l = x7 | 0x20 * MS_SWAR_ONES;
	alpha = MS_GE_(l, 'a') & ~MS_GE_(l, 'f' + 1);
#undef MS_GE_
	bad = ~(digit | alpha) | hi;
	bad &= MS_SWAR_HIGH;
	k = bad ? (unsigned int)__builtin_ctzll(bad) >> 3 : 8;
	/* one nibble per byte, at most 15: no carry between bytes */
	v = (x7 & 0x0f * MS_SWAR_ONES) + (alpha >> 7) * 9;
	v = ((v & 0x000f000f000f000full) << 4) |
	    ((v >> 8) & 0x000f000f000f000full);
	v = ((v & 0x000000ff000000ffull) << 8) |
	    ((v >> 16) & 0x000000ff000000ffull);
	v = ((v & 0xffffull) << 16) | ((v >> 32) & 0xffffull);
	*val = v >> (4 * (8 - k));
	return k;
}
#endif

/**
 * ms_scan_hex() - the leading hexadecimal digits of @s as a number
 * @out: their value, set when the return value is 1 to 16
 *
 * No "0x" prefix is taken: the caller checks it.
 *
 * Return: the number of digits, or 17 for more than sixteen (which
 * ms_parse_hex_u64() may still accept when they start with zeros).
 */
static inline size_t ms_scan_hex(const char *s, size_t avail, uint64_t *out)
{
	uint64_t v = 0;
	size_t i, max;

#if MS_SWAR
	if (avail >= 16) {
		uint64_t x, v1, v2;
		unsigned int k;

		memcpy(&x, s, sizeof(x));
		k = ms_hex8_(x, &v1);
		if (k < 8) {
			*out = v1;
			return k;
		}
		memcpy(&x, s + 8, sizeof(x));
		k = ms_hex8_(x, &v2);
		if (k < 8) {
			*out = (v1 << (4 * k)) | v2;
			return 8 + k;
		}
		if (avail > 16 && ms_is_hex_digit(s[16]))
			return 17;
		*out = (v1 << 32) | v2;
		return 16;
	}
#endif
	max = avail < 17 ? avail : 17;
	for (i = 0; i < max && ms_is_hex_digit(s[i]); i++) {
		unsigned int d = (unsigned char)s[i];

		d = d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10;
		v = (v << 4) | d;
	}
	if (i <= 16)
		*out = v;
	return i;
}

/**
 * struct ms_cursor - walks a buffer line by line, counting lines
 *
 * The buffer is borrowed (not copied) and need not be NUL-terminated.
 * A missing final newline is accepted. A NUL byte inside a line is
 * reported by ms_cursor_next() as binary data.
 */
struct ms_cursor {
	const char *buf;
	size_t len;
	size_t pos;
	unsigned int lineno;
};

void ms_cursor_init(struct ms_cursor *c, const char *buf, size_t len);

/**
 * ms_cursor_next() - the next line, without its newline
 *
 * Return: 1 and sets @line/@line_len, 0 at the end of the buffer,
 * -EINVAL if the line holds a NUL byte.
 */
int ms_cursor_next(struct ms_cursor *c, const char **line, size_t *line_len);

/**
 * struct ms_tok - a whitespace-separated token, borrowed from its line
 */
struct ms_tok {
	const char *s;
	size_t len;
};

/**
 * ms_tokenize() - split @line on blanks (spaces and tabs)
 * @max: capacity of @toks
 *
 * Return: the number of tokens, or -E2BIG when there are more than @max.
 */
int ms_tokenize(const char *line, size_t len, struct ms_tok *toks, int max);

/*
 * ms_tok_eq() - the token equals the C string @s
 *
 * Inline: @s is nearly always a literal, so its length is a constant and
 * the comparison a few instructions, on every line of every file.
 */
static inline bool ms_tok_eq(const struct ms_tok *t, const char *s)
{
	size_t n = strlen(s);

	return t->len == n && !memcmp(t->s, s, n);
}

/** ms_strip() - trim blanks (and a trailing '\r') from both ends */
void ms_strip(const char **s, size_t *len);

/** ms_starts_with() - @len bytes at @s start with the C string @prefix */
static inline bool ms_starts_with(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && !memcmp(s, prefix, n);
}

/**
 * ms_is_word() - @len bytes of printable ASCII other than the space
 *
 * For names kept from the input and printed later (device, zone and
 * class names): control bytes in them would reach the terminal.
 */
bool ms_is_word(const char *s, size_t len);

/**
 * ms_tok_copy() - copy a token into a fixed buffer, NUL-terminated
 *
 * Return: 0, or -ENAMETOOLONG when it does not fit.
 */
int ms_tok_copy(char *dst, size_t size, const char *s, size_t len);

/**
 * ms_quote_tok() - a short printable rendering of input text for messages
 *
 * Non-printable bytes become '?', and text longer than 40 bytes is cut
 * with "...". Writes into @buf and returns it.
 */
const char *ms_quote_tok(char *buf, size_t size, const char *s, size_t len);

#endif
