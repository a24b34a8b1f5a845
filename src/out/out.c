// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Text and JSON backends of struct ms_out. Text is written as it comes;
 * JSON is collected in a jansson tree and dumped once.
 */
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "out/out.h"
#include "out/units.h"
#include "lib/banned.h"

#define MS_OUT_DEPTH 32

struct ms_out {
	enum ms_out_mode mode;
	FILE *fp;
	bool color;
	bool colored;
	json_t *root;
	json_t *stack[MS_OUT_DEPTH];
	int depth;
	json_t *warnings;
	uint64_t page_size;
	bool ndjson;
	int err;
	/* the JSON text of a document, reused from sample to sample */
	char *text;
	size_t text_len;
	size_t text_cap;
};

static void json_init(struct ms_out *out)
{
	out->root = json_object();
	out->warnings = json_array();
	if (!out->root || !out->warnings) {
		out->err = -ENOMEM;
		return;
	}
	json_object_set_new(out->root, "schema_version",
			    json_integer(MS_SCHEMA_VERSION));
	out->stack[0] = out->root;
	out->depth = 1;
}

struct ms_out *ms_out_new(enum ms_out_mode mode, FILE *fp, bool color)
{
	struct ms_out *out = calloc(1, sizeof(*out));

	if (!out)
		return NULL;
	out->mode = mode;
	out->fp = fp;
	out->color = color && mode == MS_OUT_TEXT;
	out->page_size = 4096;
	if (mode == MS_OUT_JSON)
		json_init(out);
	return out;
}

void ms_out_free(struct ms_out *out)
{
	if (!out)
		return;
	json_decref(out->root);
	json_decref(out->warnings);
	free(out->text);
	free(out);
}

bool ms_out_is_json(const struct ms_out *out)
{
	return out->mode == MS_OUT_JSON;
}

void ms_out_reset(struct ms_out *out)
{
	if (out->mode != MS_OUT_JSON)
		return;
	json_decref(out->root);
	json_decref(out->warnings);
	out->root = NULL;
	out->warnings = NULL;
	out->depth = 0;
	json_init(out);
}

/*
 * Jansson's dump hands over the text a few bytes at a time: collected in
 * one buffer, a document is one fwrite() instead of thousands.
 */
static int collect(const char *buf, size_t size, void *data)
{
	struct ms_out *out = data;

	if (out->text_len + size > out->text_cap) {
		size_t ncap = out->text_cap ? out->text_cap : 65536;
		char *nt;

		while (ncap < out->text_len + size)
			ncap *= 2;
		nt = realloc(out->text, ncap);
		if (!nt)
			return -1;
		out->text = nt;
		out->text_cap = ncap;
	}
	memcpy(out->text + out->text_len, buf, size);
	out->text_len += size;
	return 0;
}

int ms_out_finish(struct ms_out *out)
{
	if (out->colored)
		ms_out_color(out, MS_COLOR_NONE);
	if (out->mode == MS_OUT_JSON && out->root) {
		json_object_set(out->root, "warnings", out->warnings);
		/*
		 * 15 significant digits print thousandths exactly (0.437,
		 * not 0.43699999999999999) and lose nothing memscope
		 * computes.
		 */
		size_t flags = JSON_REAL_PRECISION(15) |
			       (out->ndjson ? JSON_COMPACT : JSON_INDENT(2));

		out->text_len = 0;
		if (json_dump_callback(out->root, collect, out, flags) < 0 ||
		    collect("\n", 1, out) < 0)
			out->err = -EIO;
		else if (fwrite(out->text, 1, out->text_len, out->fp) !=
			 out->text_len)
			out->err = -EIO;
	}
	if (fflush(out->fp) == EOF || ferror(out->fp))
		out->err = -EIO;
	return out->err;
}

void ms_out_set_ndjson(struct ms_out *out, bool ndjson)
{
	out->ndjson = ndjson;
}

int ms_out_sample_end(struct ms_out *out)
{
	int err = ms_out_finish(out);

	ms_out_reset(out);
	return err;
}

static json_t *top(struct ms_out *out)
{
	return out->depth > 0 ? out->stack[out->depth - 1] : NULL;
}

/* Adds @v (a new reference, stolen) under @key in the current container. */
static void add(struct ms_out *out, const char *key, json_t *v)
{
	json_t *t = top(out);

	if (!v || !t) {
		json_decref(v);
		out->err = -ENOMEM;
		return;
	}
	if (json_is_array(t))
		json_array_append_new(t, v);
	else
		json_object_set_new(t, key ? key : "?", v);
}

static void push(struct ms_out *out, const char *key, json_t *v)
{
	if (out->depth >= MS_OUT_DEPTH) {
		json_decref(v);
		out->err = -E2BIG;
		return;
	}
	json_incref(v);
	add(out, key, v);
	out->stack[out->depth++] = v;
	json_decref(v);
}

void ms_out_obj_open(struct ms_out *out, const char *key)
{
	if (out->mode == MS_OUT_JSON)
		push(out, key, json_object());
}

void ms_out_arr_open(struct ms_out *out, const char *key)
{
	if (out->mode == MS_OUT_JSON)
		push(out, key, json_array());
}

static void pop(struct ms_out *out)
{
	if (out->mode == MS_OUT_JSON && out->depth > 1)
		out->depth--;
}

void ms_out_obj_close(struct ms_out *out)
{
	pop(out);
}

void ms_out_arr_close(struct ms_out *out)
{
	pop(out);
}

/*
 * The text backend passes the caller's format through; formats are
 * string literals chosen by the views, so -Wformat-nonliteral is
 * silenced here only.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

void ms_out_u64(struct ms_out *out, const char *key, const char *fmt,
		uint64_t v)
{
	if (out->mode == MS_OUT_JSON)
		add(out, key,
		    json_integer(v > INT64_MAX ? INT64_MAX : (json_int_t)v));
	else if (fmt)
		fprintf(out->fp, fmt, v);
}

void ms_out_s64(struct ms_out *out, const char *key, const char *fmt, int64_t v)
{
	if (out->mode == MS_OUT_JSON)
		add(out, key, json_integer((json_int_t)v));
	else if (fmt)
		fprintf(out->fp, fmt, v);
}

void ms_out_double(struct ms_out *out, const char *key, const char *fmt,
		   double v)
{
	if (out->mode == MS_OUT_JSON)
		add(out, key, json_real(v));
	else if (fmt)
		fprintf(out->fp, fmt, v);
}

void ms_out_str(struct ms_out *out, const char *key, const char *fmt,
		const char *s)
{
	if (out->mode == MS_OUT_JSON)
		add(out, key, s ? json_string(s) : json_null());
	else if (fmt)
		fprintf(out->fp, fmt, s ? s : "-");
}

void ms_out_bool(struct ms_out *out, const char *key, const char *fmt, bool v)
{
	if (out->mode == MS_OUT_JSON)
		add(out, key, json_boolean(v));
	else if (fmt)
		fprintf(out->fp, fmt, v ? "yes" : "no");
}

void ms_out_null(struct ms_out *out, const char *key, const char *fmt)
{
	if (out->mode == MS_OUT_JSON)
		add(out, key, json_null());
	else if (fmt)
		fprintf(out->fp, fmt, "-");
}

void ms_out_milli(struct ms_out *out, const char *key, const char *fmt, int v)
{
	char buf[32];
	int a = v < 0 ? -v : v;

	if (out->mode == MS_OUT_JSON) {
		add(out, key, json_real(v / 1000.0));
		return;
	}
	if (!fmt)
		return;
	snprintf(buf, sizeof(buf), "%s%d.%03d", v < 0 ? "-" : "", a / 1000,
		 a % 1000);
	fprintf(out->fp, fmt, buf);
}

void ms_out_bytes(struct ms_out *out, const char *key, const char *fmt,
		  uint64_t bytes)
{
	char buf[32];

	if (out->mode == MS_OUT_JSON)
		ms_out_u64(out, key, NULL, bytes);
	else if (fmt)
		fprintf(out->fp, fmt, ms_units_bytes(buf, sizeof(buf), bytes));
}

void ms_out_pages(struct ms_out *out, const char *key, const char *fmt,
		  uint64_t pages)
{
	char buf[32];

	if (out->mode == MS_OUT_JSON)
		ms_out_u64(out, key, NULL, pages);
	else if (fmt)
		fprintf(out->fp, fmt,
			ms_units_bytes(buf, sizeof(buf),
				       pages * out->page_size));
}

#pragma GCC diagnostic pop

void ms_out_set_page_size(struct ms_out *out, uint64_t page_size)
{
	out->page_size = page_size;
}

void ms_out_text(struct ms_out *out, const char *fmt, ...)
{
	va_list ap;

	if (out->mode != MS_OUT_TEXT)
		return;
	va_start(ap, fmt);
	vfprintf(out->fp, fmt, ap);
	va_end(ap);
}

void ms_out_color(struct ms_out *out, enum ms_color c)
{
	static const char *const seq[] = {
		[MS_COLOR_NONE] = "\033[0m",	[MS_COLOR_RED] = "\033[31m",
		[MS_COLOR_YELLOW] = "\033[33m", [MS_COLOR_GREEN] = "\033[32m",
		[MS_COLOR_BOLD] = "\033[1m",	[MS_COLOR_DIM] = "\033[2m",
	};

	if (!out->color)
		return;
	fputs(seq[c], out->fp);
	out->colored = c != MS_COLOR_NONE;
}

void ms_out_warn(struct ms_out *out, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (out->mode == MS_OUT_JSON) {
		size_t i;
		json_t *w;

		/* The same warning from two samples is listed once. */
		json_array_foreach(
			out->warnings, i,
			w) if (!strcmp(json_string_value(w), buf)) return;
		json_array_append_new(out->warnings, json_string(buf));
	} else {
		fflush(out->fp);
		fprintf(stderr, "memscope: warning: %s\n", buf);
	}
}
