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
static inline bool ms_starts_with(const char *s, size_t len,
				  const char *prefix)
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
