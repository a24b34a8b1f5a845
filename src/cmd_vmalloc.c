// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope vmalloc [--by caller|type|module] [--top N] [--start ADDR]
 *                  [--watch [SECONDS]] [--count N]
 *
 * One sample: /proc/vmallocinfo by type and by caller or module, the
 * pages per node and the free address space (analysis/vmalloc.h).
 *
 * With --watch, a sample every SECONDS and the change of every group
 * since the previous and since the first sample, for leak hunting (a
 * driver's growing vmalloc, BPF programs that are never freed). On a
 * terminal each sample redraws a text table; otherwise, or with --json,
 * each sample is one JSON object on one line (NDJSON), flushed as it is
 * written. The loop stays small so that a full-screen view can drive it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "analysis/vmalloc.h"
#include "cmd.h"
#include "cmd_watch.h"
#include "proc/kv.h"
#include "proc/vmallocinfo.h"
#include "view/view.h"
#include "view/vmalloc.h"
#include "lib/banned.h"

enum { OPT_START = 0x400 };

#define DEFAULT_TOP 20

struct vmalloc_opts {
	enum ms_view_vmalloc_by by;
	uint64_t top;
	uint64_t start;
	bool has_start;
	struct ms_watch_opts w;
};

static const struct argp_option vmalloc_options[] = {
	{ "by", 'b', "KEY", 0,
	  "List the areas by caller (the default), type or module", 0 },
	{ "top", 't', "N", 0,
	  "List the first N groups, largest first (default 20, 0 for all)", 0 },
	{ "start", OPT_START, "ADDR", 0,
	  "VMALLOC_START of the machine, in hex, for the free address space "
	  "(default: derived from the areas)",
	  0 },
	MS_WATCH_ARGP_OPTIONS("Sample every SECONDS (default 2) and show "
			      "what changed: a table on a terminal, otherwise "
			      "(or with --json) one JSON object per sample "
			      "and line"),
	{ 0 }
};

static error_t vmalloc_parse(int key, char *arg, struct argp_state *state)
{
	struct vmalloc_opts *o = state->input;

	if (ms_watch_parse_opt(&o->w, key, arg, state))
		return 0;
	switch (key) {
	case 'b':
		if (!strcmp(arg, "caller"))
			o->by = MS_VIEW_VMALLOC_BY_CALLER;
		else if (!strcmp(arg, "type"))
			o->by = MS_VIEW_VMALLOC_BY_TYPE;
		else if (!strcmp(arg, "module"))
			o->by = MS_VIEW_VMALLOC_BY_MODULE;
		else
			argp_error(state,
				   "--by: expected caller, type or "
				   "module, found '%s'",
				   arg);
		break;
	case 't':
		o->top = ms_parse_uint_arg(state, "--top", arg, 0, UINT32_MAX);
		break;
	case OPT_START:
		if (ms_parse_hex_u64(arg, strlen(arg), &o->start))
			argp_error(state,
				   "--start: expected a hexadecimal "
				   "address such as 0xffffc90000000000, found "
				   "'%s'",
				   arg);
		o->has_start = true;
		break;
	case ARGP_KEY_ARG:
		argp_error(state, "unexpected argument '%s'", arg);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_vmalloc_argp = {
	.options = vmalloc_options,
	.parser = vmalloc_parse,
	.doc = "The areas of /proc/vmallocinfo by type and by caller or "
	       "module: count, size (guard pages included), pages and the "
	       "largest; pages per NUMA node; and, when the addresses are "
	       "real, the free address space of the vmalloc area (the "
	       "VmallocChunk that /proc/meminfo no longer computes). "
	       "/proc/vmallocinfo is readable by root only.",
};

/* ---------- one sample ---------- */

/* A meminfo size in bytes; false when absent or out of range. */
static bool meminfo_bytes(const struct ms_kv *mi, const char *key,
			  uint64_t *bytes)
{
	uint64_t kb;

	if (!mi || !ms_kv_get(mi, key, &kb) || kb > UINT64_MAX / 1024)
		return false;
	*bytes = kb * 1024;
	return true;
}

/*
 * Loads and analyzes the current sample into @st (and @v, when not
 * NULL). Return: MS_EXIT_OK or MS_EXIT_FAIL after printing the error.
 */
static int sample(struct ms_ctx *ctx, const struct vmalloc_opts *o,
		  struct ms_vmalloc_stats *st, struct ms_view_vmalloc *v)
{
	struct ms_vmalloc_opts ao = {
		.page_size_bytes = ctx->snap.meta.page_size,
		.start = o->start,
		.has_start = o->has_start,
	};
	const struct ms_vmallocinfo *vi;
	const struct ms_kv *mi;
	int err;

	if (ms_cmd_need(ctx, MS_FILE_VMALLOCINFO, true) < 0 ||
	    ms_cmd_need(ctx, MS_FILE_MEMINFO, false) < 0)
		return MS_EXIT_FAIL;
	vi = ms_snapshot_get(&ctx->snap, MS_FILE_VMALLOCINFO);
	mi = ms_snapshot_get(&ctx->snap, MS_FILE_MEMINFO);
	if (mi && !meminfo_bytes(mi, "VmallocTotal", &ao.total_bytes))
		ms_out_warn(ctx->out, "meminfo: no 'VmallocTotal' line; the "
				      "free address space is unknown");
	if (!vi->nr_areas)
		ms_out_warn(ctx->out, "vmallocinfo: no area listed (a copy "
				      "made without root is empty)");
	err = ms_vmalloc_analyze(st, vi, &ao);
	if (err) {
		ms_error("vmallocinfo: %s", strerror(-err));
		return MS_EXIT_FAIL;
	}
	if (v) {
		v->vi = vi;
		v->st = st;
		v->has_total = ao.total_bytes != 0;
		v->total_bytes = ao.total_bytes;
		v->has_used = meminfo_bytes(mi, "VmallocUsed", &v->used_bytes);
	}
	return MS_EXIT_OK;
}

/* kernel.kptr_restrict of the source (0, 1 or 2), or -1 when unknown. */
static int kptr_restrict(const struct ms_source *src)
{
	struct ms_diag diag;
	uint64_t v;
	size_t len;
	char *buf;
	int ret = -1;

	if (ms_source_read(src, "proc/sys/kernel/kptr_restrict", &buf, &len,
			   &diag))
		return -1;
	while (len && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
		len--;
	if (!ms_parse_u64(buf, len, &v) && v <= 2)
		ret = (int)v;
	free(buf);
	return ret;
}

static int run_once(struct ms_ctx *ctx, const struct vmalloc_opts *o)
{
	struct ms_view_vmalloc v = {
		.by = o->by,
		.top = (size_t)o->top,
		.kptr_restrict = kptr_restrict(&ctx->src),
	};
	struct ms_vmalloc_stats st;
	int ret;

	ret = sample(ctx, o, &st, &v);
	if (ret)
		return ret;
	ms_view_source(ctx->out, &ctx->snap);
	ms_view_vmalloc(ctx->out, &ctx->snap, &v);
	ms_vmalloc_stats_release(&st);
	return MS_EXIT_OK;
}

/* ---------- --watch ---------- */

/* The groups and totals of an earlier sample */
struct kept {
	struct ms_vmalloc_kept g;
	struct ms_view_vmalloc_totals totals;
};

static int kept_set(struct kept *k, const struct ms_vmalloc_group *g, size_t n,
		    const struct ms_vmalloc_stats *st)
{
	k->totals.regions = st->nr_areas;
	k->totals.bytes = st->size_bytes;
	k->totals.pages = st->pages;
	return ms_vmalloc_kept_set(&k->g, g, n);
}

static const struct ms_vmalloc_group *
groups_by(const struct ms_vmalloc_stats *st, enum ms_view_vmalloc_by by,
	  size_t *n)
{
	switch (by) {
	case MS_VIEW_VMALLOC_BY_TYPE:
		*n = MS_VMALLOC_NR_TYPES;
		return st->by_type;
	case MS_VIEW_VMALLOC_BY_MODULE:
		*n = st->nr_by_module;
		return st->by_module;
	case MS_VIEW_VMALLOC_BY_CALLER:
	default:
		*n = st->nr_by_symbol;
		return st->by_symbol;
	}
}

/* Whether to redraw a terminal: --no-color and NO_COLOR ask for plain text. */
static bool want_clear(const struct ms_opts *opts)
{
	const char *term = getenv("TERM");
	const char *nc = getenv("NO_COLOR");

	return !opts->no_color && !(nc && nc[0]) && term &&
	       strcmp(term, "dumb") != 0;
}

struct watch {
	struct kept first;
	struct kept prev;
	uint64_t t_first;
	uint64_t t_prev;
	struct ms_vmalloc_delta *deltas;
	size_t nr_deltas;
	struct ms_vmalloc_delta *since_start;
	size_t nr_since_start;
};

/* Takes, shows and keeps sample @n. Return: an exit status. */
static int watch_one(struct ms_ctx *ctx, const struct vmalloc_opts *o,
		     struct watch *w, unsigned int n, bool clear)
{
	struct ms_view_vmalloc_sample s = {
		.number = n,
		.interval_ms = o->w.interval_ms,
		.by = o->by,
		.top = (size_t)o->top,
		.clear = clear,
	};
	const struct ms_vmalloc_group *g;
	struct ms_vmalloc_stats st;
	char when[40];
	uint64_t now;
	size_t nr;
	int ret, err = 0;

	if (n > 1)
		ms_snapshot_drop(&ctx->snap);
	if (clear)
		ms_out_text(ctx->out, "\033[H\033[2J");
	ret = sample(ctx, o, &st, NULL);
	if (ret)
		return ret;
	now = (uint64_t)(ms_mono_s() * 1000.0);
	ms_wall_time(when, sizeof(when));
	g = groups_by(&st, o->by, &nr);
	if (n > 1) {
		err = ms_vmalloc_delta(&w->deltas, &w->nr_deltas,
				       w->prev.g.groups, w->prev.g.nr, g, nr,
				       now - w->t_prev);
		if (!err)
			err = ms_vmalloc_delta(&w->since_start,
					       &w->nr_since_start,
					       w->first.g.groups, w->first.g.nr,
					       g, nr, now - w->t_first);
		s.prev = &w->prev.totals;
		s.first = &w->first.totals;
		s.since_prev_ms = now - w->t_prev;
	} else {
		w->t_first = now;
	}
	if (!err) {
		s.time = when;
		s.elapsed_ms = now - w->t_first;
		s.st = &st;
		s.deltas = w->deltas;
		s.nr_deltas = w->nr_deltas;
		s.since_start = w->since_start;
		s.nr_since_start = w->nr_since_start;
		s.has_gap = st.frag.state == MS_VMALLOC_FRAG_OK;
		s.largest_gap = st.frag.largest_gap_bytes;
		ms_view_vmalloc_sample(ctx->out, &s);
		err = kept_set(&w->prev, g, nr, &st);
		if (!err && n == 1)
			err = kept_set(&w->first, g, nr, &st);
		w->t_prev = now;
	}
	free(w->deltas);
	free(w->since_start);
	w->deltas = w->since_start = NULL;
	w->nr_deltas = w->nr_since_start = 0;
	ms_vmalloc_stats_release(&st);
	if (err) {
		ms_error("vmalloc --watch: %s", strerror(-err));
		return MS_EXIT_FAIL;
	}
	return MS_EXIT_OK;
}

struct watch_arg {
	struct ms_ctx *ctx;
	const struct vmalloc_opts *o;
	struct watch w;
	bool clear;
};

static int watch_sample(void *arg, unsigned int n)
{
	struct watch_arg *a = arg;

	return watch_one(a->ctx, a->o, &a->w, n, a->clear);
}

static int run_watch(struct ms_ctx *ctx, const struct vmalloc_opts *o,
		     bool terminal)
{
	struct watch_arg a = {
		.ctx = ctx,
		.o = o,
		.clear = terminal && want_clear(&ctx->opts),
	};
	int ret;

	if (!terminal)
		ms_out_set_ndjson(ctx->out, true);
	ret = ms_watch_run(ctx, &o->w, watch_sample, &a);
	ms_vmalloc_kept_release(&a.w.first.g);
	ms_vmalloc_kept_release(&a.w.prev.g);
	return ret;
}

int cmd_vmalloc(struct ms_ctx *ctx, int argc, char **argv)
{
	struct vmalloc_opts o = {
		.by = MS_VIEW_VMALLOC_BY_CALLER,
		.top = DEFAULT_TOP,
		.w = { .interval_ms = MS_WATCH_DEFAULT_MS },
	};
	bool terminal = false;
	int ret;

	ret = ms_cmd_parse(ctx, &cmd_vmalloc_argp, argc, argv, &o);
	if (ret)
		return ret;
	if (o.w.watch) {
		terminal = !ctx->opts.json && !ctx->opts.prom &&
			   isatty(STDOUT_FILENO);
		/* a pipe or a file gets NDJSON, with or without --json */
		if (!terminal && !ctx->opts.prom)
			ctx->opts.json = true;
	}
	ret = ms_cmd_start(ctx);
	if (ret)
		return ret;
	return o.w.watch ? run_watch(ctx, &o, terminal) : run_once(ctx, &o);
}
