/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_OUT_H
#define MS_OUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "lib/compiler.h"

/* Bumped on any incompatible change of a --json document. */
#define MS_SCHEMA_VERSION 1

enum ms_out_mode {
	MS_OUT_TEXT,
	MS_OUT_JSON,
};

enum ms_color {
	MS_COLOR_NONE,
	MS_COLOR_RED,
	MS_COLOR_YELLOW,
	MS_COLOR_GREEN,
	MS_COLOR_BOLD,
	MS_COLOR_DIM,
};

/*
 * struct ms_out - the one output path of every command.
 *
 * Views write each value once, with a key (used by the JSON backend) and
 * a printf format (used by the text backend), as iproute2's print_*()
 * do, so the two outputs cannot drift apart. A NULL format makes the
 * value JSON-only; ms_out_text() writes text-only decoration. The JSON
 * backend builds a jansson tree under a root object that already holds
 * "schema_version", and writes it once in ms_out_finish(), so stdout
 * holds one complete document or nothing.
 */
struct ms_out;

/**
 * ms_out_new() - a writer on @fp
 * @color: text mode may use ANSI colours
 *
 * Return: the writer, or NULL when out of memory; free with ms_out_free().
 */
struct ms_out *ms_out_new(enum ms_out_mode mode, FILE *fp, bool color);
void ms_out_free(struct ms_out *out);

/**
 * ms_out_finish() - write the JSON document (with "warnings") and flush
 *
 * Return: 0, or -EIO when writing failed.
 */
int ms_out_finish(struct ms_out *out);

bool ms_out_is_json(const struct ms_out *out);

/**
 * ms_out_set_ndjson() - JSON documents are written on one line each
 * (newline-delimited JSON, for --watch samples)
 */
void ms_out_set_ndjson(struct ms_out *out, bool ndjson);

/**
 * ms_out_sample_end() - end one sample of a --watch loop: in JSON, write
 * the document (one line with ms_out_set_ndjson()) and start a new one;
 * in text, flush
 *
 * Return: 0, or -EIO when writing failed.
 */
int ms_out_sample_end(struct ms_out *out);

/**
 * ms_out_reset() - start a new document on the same stream (NDJSON
 * samples of --watch): writes nothing, drops the tree and warnings
 */
void ms_out_reset(struct ms_out *out);

/* Containers. @key is NULL inside arrays. Text mode prints nothing. */
void ms_out_obj_open(struct ms_out *out, const char *key);
void ms_out_obj_close(struct ms_out *out);
void ms_out_arr_open(struct ms_out *out, const char *key);
void ms_out_arr_close(struct ms_out *out);

/* Values. @fmt is a printf format for the value, or NULL (JSON only). */
void ms_out_u64(struct ms_out *out, const char *key, const char *fmt,
		uint64_t v);
void ms_out_s64(struct ms_out *out, const char *key, const char *fmt,
		int64_t v);
void ms_out_double(struct ms_out *out, const char *key, const char *fmt,
		   double v);
void ms_out_str(struct ms_out *out, const char *key, const char *fmt,
		const char *s);
/* Text prints @fmt with "yes" or "no". */
void ms_out_bool(struct ms_out *out, const char *key, const char *fmt, bool v);
/* JSON null; text prints @fmt with "-". */
void ms_out_null(struct ms_out *out, const char *key, const char *fmt);

/**
 * ms_out_milli() - a kernel "thousandths" value (an int printed by the
 * kernel as "%d.%03d"); JSON gets @v / 1000 as a number, text gets
 * @fmt applied to the decimal string ("0.437", "-0.500")
 */
void ms_out_milli(struct ms_out *out, const char *key, const char *fmt, int v);

/**
 * ms_out_set_page_size() - bytes per page, for ms_out_pages()
 */
void ms_out_set_page_size(struct ms_out *out, uint64_t page_size);

/**
 * ms_out_pages() - a page count: JSON gets the number of pages, text gets
 * @fmt applied to the size in human units ("15.9 MiB")
 */
void ms_out_pages(struct ms_out *out, const char *key, const char *fmt,
		  uint64_t pages);

/**
 * ms_out_bytes() - a byte count: JSON gets bytes, text gets @fmt applied
 * to human units
 */
void ms_out_bytes(struct ms_out *out, const char *key, const char *fmt,
		  uint64_t bytes);

/* Text-only decoration: headers, rules, newlines. */
void ms_out_text(struct ms_out *out, const char *fmt, ...) MS_PRINTF(2, 3);

/* Colour for the following text output; MS_COLOR_NONE resets. */
void ms_out_color(struct ms_out *out, enum ms_color c);

/**
 * ms_out_warn() - a warning: "memscope: warning: ..." on stderr in text
 * mode, an entry of the top-level "warnings" array in JSON
 */
void ms_out_warn(struct ms_out *out, const char *fmt, ...) MS_PRINTF(2, 3);

#endif
