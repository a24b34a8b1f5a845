// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope slab [--sort KEY] [--top N] [--filter REGEX] [--once]
 *               [--watch [SECONDS]] [--count N] [--grow-window K]
 *               [--grow-min BYTES]
 *
 * One sample prints slabtop's summary and table through the view. With
 * --watch, samples are taken every SECONDS: on a terminal the live
 * screen shows them, otherwise each sample is one JSON object on one
 * line (NDJSON), flushed as it is written.
 *
 * Every sample re-reads /proc/slabinfo and /proc/meminfo, through
 * descriptors kept open for the run and buffers reused from sample to
 * sample (struct ms_refile). The previous and the first parsed slabinfo
 * are kept for the deltas. SLUB's sysfs facts of a
 * cache do not change while it exists (order can be changed by root,
 * rarely), so they are read once per cache name and kept for the run:
 * reading three sysfs files for each of a few hundred caches costs
 * several times more than reading /proc/slabinfo itself. The live
 * screen reads them only for the caches it shows, as it shows them.
 */
#include <errno.h>
#include <regex.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "cmd_watch.h"
#include "analysis/slab.h"
#include "proc/refile.h"
#include "proc/slub_sysfs.h"
#include "tui/slab.h"
#include "tui/term.h"
#include "view/view.h"
#include "lib/strset.h"
#include "lib/banned.h"

enum {
	OPT_GROW_WINDOW = 0x400,
	OPT_GROW_MIN,
};

#define DEFAULT_GROW_WINDOW    5
#define DEFAULT_GROW_MIN_BYTES (64 * 1024)

/*
 * The SLUB attributes memscope shows: the text table and the live
 * screen show only the reclaimable flag, JSON also the order and the
 * aliases. Each file is an open, a read and a close in sysfs, so only
 * what is shown is read.
 */
#define SLUB_FACTS_TEXT (1u << MS_SLUB_RECLAIM_ACCOUNT)
#define SLUB_FACTS_JSON                                            \
	((1u << MS_SLUB_RECLAIM_ACCOUNT) | (1u << MS_SLUB_ORDER) | \
	 (1u << MS_SLUB_ALIASES))

struct slab_opts {
	enum ms_slab_sort_key sort;
	uint64_t top;
	const char *filter;
	regex_t re;
	bool has_re;
	bool once;
	struct ms_watch_opts w;
	struct ms_slab_growth_opts growth;
};

static const struct argp_option slab_options[] = {
	{ "sort", 's', "KEY", 0,
	  "Sort by KEY: slabtop's letters a (active objects), b (objects per "
	  "slab), c (cache size, the default), l (slabs), v (active slabs), "
	  "n (name), o (objects), p (pages per slab), s (object size), u "
	  "(use), or g (growth rate), w (waste), or their long names",
	  0 },
	{ "top", 't', "N", 0, "List only the first N caches", 0 },
	{ "filter", 'f', "REGEX", 0,
	  "List only caches whose name matches the POSIX extended regular "
	  "expression REGEX",
	  0 },
	{ "once", 'o', NULL, 0,
	  "Print one sample and exit (the default without --watch)", 0 },
	MS_WATCH_ARGP_OPTIONS("Sample every SECONDS (default 2): a live view "
			      "on a terminal, otherwise (or with --json) one "
			      "JSON object per sample and line"),
	{ "grow-window", OPT_GROW_WINDOW, "K", 0,
	  "A cache is growing when its size did not fall over its last K "
	  "samples (default 5) and rose by more than --grow-min",
	  0 },
	{ "grow-min", OPT_GROW_MIN, "BYTES", 0,
	  "The rise over --grow-window samples that marks a cache as "
	  "growing (default 64K; suffixes K, M, G)",
	  0 },
	{ 0 }
};

/* "65536", "64K", "1M", "2G" (binary multiples) */
static int parse_size(const char *arg, uint64_t *bytes)
{
	size_t len = strlen(arg);
	unsigned int shift = 0;
	uint64_t v;

	if (len > 1) {
		switch (arg[len - 1]) {
		case 'k':
		case 'K':
			shift = 10;
			break;
		case 'M':
			shift = 20;
			break;
		case 'G':
			shift = 30;
			break;
		default:
			break;
		}
	}
	if (shift)
		len--;
	if (ms_parse_u64(arg, len, &v) || v > (UINT64_MAX >> shift))
		return -EINVAL;
	*bytes = v << shift;
	return 0;
}

static error_t slab_parse(int key, char *arg, struct argp_state *state)
{
	struct slab_opts *o = state->input;
	char msg[256];
	int err;

	if (ms_watch_parse_opt(&o->w, key, arg, state))
		return 0;
	switch (key) {
	case 's':
		if (ms_slab_sort_key_parse(arg, &o->sort))
			argp_error(state,
				   "--sort: expected one of a b c l v n "
				   "o p s u g w or a long name such as "
				   "cache_size, found '%s'",
				   arg);
		break;
	case 't':
		o->top = ms_parse_uint_arg(state, "--top", arg, 1, UINT32_MAX);
		break;
	case 'f':
		if (o->has_re)
			regfree(&o->re);
		o->has_re = false;
		err = regcomp(&o->re, arg, REG_EXTENDED | REG_NOSUB);
		if (err) {
			regerror(err, &o->re, msg, sizeof(msg));
			argp_error(state,
				   "--filter: expected a regular "
				   "expression, found '%s': %s",
				   arg, msg);
		}
		o->has_re = true;
		o->filter = arg;
		break;
	case 'o':
		o->once = true;
		break;
	case OPT_GROW_WINDOW:
		o->growth.window = (unsigned int)ms_parse_uint_arg(
			state, "--grow-window", arg, 2,
			MS_SLAB_GROWTH_MAX_WINDOW);
		break;
	case OPT_GROW_MIN:
		if (parse_size(arg, &o->growth.min_bytes))
			argp_error(state,
				   "--grow-min: expected a size in "
				   "bytes (suffixes K, M, G), found '%s'",
				   arg);
		break;
	case ARGP_KEY_ARG:
		argp_error(state, "unexpected argument '%s'", arg);
		break;
	case ARGP_KEY_END:
		if (o->once && o->w.watch)
			argp_error(state, "--once cannot be combined with "
					  "--watch or --count");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_slab_argp = {
	.options = slab_options,
	.parser = slab_parse,
	.doc = "The slab caches of /proc/slabinfo, as slabtop shows them, "
	       "with the pages each cache holds, the bytes it wastes, SLUB's "
	       "reclaimable flag, and a cross-check with /proc/meminfo. With "
	       "--watch, the change of every cache since the previous and the "
	       "first sample, and a mark on caches that keep growing. "
	       "/proc/slabinfo is readable by root only.",
};

/* ---- SLUB sysfs facts, read once per cache name ---- */

struct fact {
	char name[MS_SLAB_NAME_MAX];
	bool known;
	struct ms_slub_sysfs ss;
};

/*
 * @names: the facts' names, to find a fact in O(1) (a --watch of
 * thousands of caches looks each one up every sample)
 * @v: every fact, to free them
 * @mask: the attributes read for every cache (SLUB_FACTS_*); the fields
 * of the others stay 0 and are not shown
 */
struct facts {
	struct ms_strset names;
	struct fact **v;
	size_t n;
	size_t cap;
	int dir; /* sys/kernel/slab: -1 not looked at yet, 0 absent, 1 there */
	unsigned int mask;
};

/*
 * The facts of cache @name: NULL when unknown. -EINVAL for a malformed
 * attribute file (an error, as for any malformed input), -ENOMEM.
 */
static int facts_get(struct facts *f, const struct ms_source *src,
		     const char *name, const struct ms_slub_sysfs **out,
		     struct ms_diag *diag)
{
	const char *hit = ms_strset_find(&f->names, name, strlen(name));
	struct fact *nf;
	int err;

	*out = NULL;
	if (hit) {
		nf = (struct fact *)(hit - offsetof(struct fact, name));
		*out = nf->known ? &nf->ss : NULL;
		return 0;
	}
	if (f->dir < 0)
		f->dir = ms_source_exists(src, "sys/kernel/slab");
	if (!f->dir)
		return 0; /* nothing to read or to remember */
	if (f->n == f->cap) {
		size_t ncap = f->cap ? f->cap * 2 : 256;
		struct fact **nv = realloc(f->v, ncap * sizeof(*nv));

		if (!nv)
			return ms_diag_set(diag, NULL, 0, -ENOMEM,
					   "out of memory");
		f->v = nv;
		f->cap = ncap;
	}
	nf = calloc(1, sizeof(*nf));
	if (!nf)
		return ms_diag_set(diag, NULL, 0, -ENOMEM, "out of memory");
	snprintf(nf->name, sizeof(nf->name), "%s", name);
	if (ms_slub_name_ok(name)) {
		err = ms_slub_sysfs_read_attrs(&nf->ss, src, name, f->mask,
					       diag);
		if (err == -EINVAL || err == -ENOMEM) {
			free(nf);
			return err;
		}
		nf->known = !err;
	}
	if (ms_strset_add(&f->names, nf->name) == -ENOMEM) {
		free(nf);
		return ms_diag_set(diag, NULL, 0, -ENOMEM, "out of memory");
	}
	f->v[f->n++] = nf;
	*out = nf->known ? &nf->ss : NULL;
	return 0;
}

static void facts_release(struct facts *f)
{
	size_t i;

	ms_strset_release(&f->names);
	for (i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
	f->dir = -1;
}

/* ---- samples ---- */

/**
 * struct sampler - the samples of one run
 * @slab_file, @mem_file: /proc/slabinfo and /proc/meminfo, kept open
 *               and read again from the start for each sample
 * @first, @cur: the first and the latest parsed slabinfo (owned; the
 *               same object after the first sample)
 * @meminfo:     the latest parsed meminfo
 * @model:       the latest sample, borrowing @cur
 * @chk:         meminfo cross-check, valid when @has_chk
 * @warning:     why meminfo is missing from the latest sample, or ""
 * @n:           samples taken
 * @diag:        why the last sample failed
 */
struct sampler {
	struct ms_ctx *ctx;
	bool watch;
	struct ms_refile slab_file;
	struct ms_refile mem_file;
	struct ms_slabinfo *first;
	struct ms_slabinfo *cur;
	struct ms_kv meminfo;
	struct ms_slab_model model;
	struct ms_slab_growth growth;
	struct facts facts;
	struct ms_slab_meminfo_check chk;
	bool has_chk;
	char warning[512];
	double t_first;
	double t_cur;
	unsigned int n;
	char time[40];
	struct ms_diag diag;
};

static void sampler_meminfo(struct sampler *s)
{
	struct ms_refile *f = &s->mem_file;
	struct ms_diag d = { 0 };

	s->has_chk = false;
	s->warning[0] = '\0';
	ms_kv_release(&s->meminfo);
	if (ms_refile_read(f, &s->ctx->src, &d) ||
	    ms_meminfo_parse(&s->meminfo, f->buf, f->len,
			     ms_source_label(f->path), &d) ||
	    ms_slab_meminfo_check(&s->model, &s->meminfo, &s->chk, &d)) {
		ms_diag_format(&d, s->warning, sizeof(s->warning));
		return;
	}
	s->has_chk = true;
}

static void slabinfo_free(struct ms_slabinfo *si)
{
	if (si)
		ms_slabinfo_release(si);
	free(si);
}

/* Reads and parses /proc/slabinfo again. */
static int read_slabinfo(struct sampler *s, struct ms_slabinfo **out)
{
	struct ms_refile *f = &s->slab_file;
	struct ms_slabinfo *si;
	int err;

	err = ms_refile_read(f, &s->ctx->src, &s->diag);
	if (err)
		return err;
	si = malloc(sizeof(*si));
	if (!si)
		return ms_diag_set(&s->diag, NULL, 0, -ENOMEM, "out of memory");
	/* lines as in the sample before (parsed from f->prev) are copied */
	err = ms_slabinfo_parse_next(
		si, f->buf, f->len,
		s->cur && s->cur->text == f->prev ? s->cur : NULL,
		ms_source_label(f->path), &s->diag);
	if (err) {
		free(si);
		return err;
	}
	*out = si;
	return 0;
}

/*
 * Takes the next sample: slabinfo (required), the model with the changes
 * since the previous and the first sample, growth, meminfo (optional).
 * Return: 0, or a negative errno with s->diag filled.
 */
static int sampler_next(struct sampler *s)
{
	struct ms_snapshot *snap = &s->ctx->snap;
	struct ms_slabinfo *si = NULL;
	double now;
	int err;

	err = read_slabinfo(s, &si);
	if (err)
		return err;
	now = ms_mono_s();
	ms_wall_time(s->time, sizeof(s->time));
	ms_slab_model_release(&s->model);
	err = ms_slab_model_build(&s->model, si, snap->meta.page_size,
				  &s->diag);
	if (!err && s->first) {
		/* the clock may not have moved on a coarse timer */
		double since_prev = now > s->t_cur ? now - s->t_cur : 1e-9;
		double since_first = now > s->t_first ? now - s->t_first : 1e-9;

		err = ms_slab_model_delta_start(&s->model, s->first,
						since_first, &s->diag);
		if (!err)
			err = ms_slab_model_delta(&s->model, s->cur, since_prev,
						  &s->diag);
	}
	if (!err && s->watch)
		err = ms_slab_growth_update(&s->growth, &s->model, &s->diag);
	if (err) {
		ms_slab_model_release(&s->model);
		slabinfo_free(si);
		return err;
	}
	if (s->cur != s->first)
		slabinfo_free(s->cur);
	s->cur = si;
	s->t_cur = now;
	if (!s->first) {
		s->first = si;
		s->t_first = now;
	}
	s->n++;
	sampler_meminfo(s);
	return 0;
}

static void sampler_release(struct sampler *s)
{
	ms_slab_model_release(&s->model);
	ms_slab_growth_release(&s->growth);
	if (s->cur != s->first)
		slabinfo_free(s->cur);
	slabinfo_free(s->first);
	s->cur = s->first = NULL;
	ms_kv_release(&s->meminfo);
	ms_refile_release(&s->slab_file);
	ms_refile_release(&s->mem_file);
	facts_release(&s->facts);
}

/* Fills the sysfs facts of @rows (all rows of the model when NULL). */
static int attach_facts(struct sampler *s, const struct ms_slab_row **rows,
			size_t nr)
{
	size_t i, n = rows ? nr : s->model.nr_rows;
	int err;

	for (i = 0; i < n; i++) {
		/* the rows are the model's own, listed through const */
		struct ms_slab_row *r =
			&s->model.rows[rows ? (size_t)(rows[i] -
						       s->model.rows) :
					      i];

		err = facts_get(&s->facts, &s->ctx->src, r->cache->name,
				&r->sysfs, &s->diag);
		if (err)
			return err;
	}
	return 0;
}

/* The rows to list, in model order: filtered, cut to --top. */
static size_t select_rows(const struct slab_opts *o,
			  const struct ms_slab_model *m,
			  const struct ms_slab_row **rows)
{
	size_t i, n = 0;

	for (i = 0; i < m->nr_rows; i++) {
		if (o->top && n == o->top)
			break;
		if (o->has_re &&
		    regexec(&o->re, m->rows[i].cache->name, 0, NULL, 0))
			continue;
		rows[n++] = &m->rows[i];
	}
	return n;
}

/* Renders the latest sample through ctx->out. */
static int render(struct sampler *s, const struct slab_opts *o)
{
	struct ms_out *out = s->ctx->out;
	const struct ms_slab_row **rows = NULL;
	struct ms_view_slab v = {
		.model = &s->model,
		.meminfo = s->has_chk ? &s->chk : NULL,
		.sort = o->sort,
		.filter = o->filter,
		.watch = s->watch,
		.sample = s->n,
		.time = s->time,
		.interval_s = o->w.interval_ms / 1000.0,
		.growth = &o->growth,
	};
	int err;

	if (s->warning[0])
		ms_out_warn(out, "%s", s->warning);
	ms_slab_sort(&s->model, o->sort, false);
	if (s->model.nr_rows) {
		rows = calloc(s->model.nr_rows, sizeof(*rows));
		if (!rows)
			return ms_diag_set(&s->diag, NULL, 0, -ENOMEM,
					   "out of memory");
	}
	v.nr_rows = select_rows(o, &s->model, rows);
	v.rows = rows;
	/* --watch read every cache's facts; one sample reads the listed */
	err = s->watch ? attach_facts(s, NULL, 0) :
			 attach_facts(s, rows, v.nr_rows);
	if (!err)
		ms_view_slab(out, &s->ctx->snap, &v);
	free(rows);
	return err;
}

struct ndjson_arg {
	struct sampler *s;
	const struct slab_opts *o;
};

static int ndjson_sample(void *arg, unsigned int n MS_UNUSED)
{
	struct ndjson_arg *a = arg;

	if (sampler_next(a->s) || render(a->s, a->o)) {
		ms_error_diag(&a->s->diag);
		return MS_EXIT_FAIL;
	}
	return MS_EXIT_OK;
}

static int run_ndjson(struct sampler *s, const struct slab_opts *o)
{
	struct ndjson_arg a = { s, o };

	ms_out_set_ndjson(s->ctx->out, true);
	return ms_watch_run(s->ctx, &o->w, ndjson_sample, &a);
}

struct tui_arg {
	struct sampler *s;
	bool failed;
};

static int tui_sample(void *arg, struct ms_tui_slab_sample *out)
{
	struct sampler *s = ((struct tui_arg *)arg)->s;
	int err;

	err = sampler_next(s);
	if (err) {
		((struct tui_arg *)arg)->failed = true;
		return err;
	}
	out->model = &s->model;
	out->meminfo = s->has_chk ? &s->chk : NULL;
	out->warning = s->warning;
	out->number = s->n;
	return 0;
}

/* The screen asks for the facts of the rows it shows, as it shows them. */
static int tui_facts(void *arg, const struct ms_slab_row *row)
{
	struct sampler *s = ((struct tui_arg *)arg)->s;
	int err;

	err = attach_facts(s, &row, 1);
	if (err)
		((struct tui_arg *)arg)->failed = true;
	return err;
}

static bool tui_color(const struct ms_opts *opts)
{
	const char *nc = getenv("NO_COLOR");

	return !opts->no_color && !(nc && nc[0]);
}

static int run_tui(struct sampler *s, const struct slab_opts *o)
{
	const struct ms_meta *m = &s->ctx->snap.meta;
	struct tui_arg ta = { s, false };
	struct ms_diag d = { 0 };
	char title[512];
	struct ms_tui_slab_opts to = {
		.sort = o->sort,
		.filter = o->filter,
		.top = o->top,
		.interval_ms = o->w.interval_ms,
		.count = o->w.count,
		.color = tui_color(&s->ctx->opts),
		.title = title,
		.growth = o->growth,
		.sample = tui_sample,
		.facts = tui_facts,
		.arg = &ta,
	};
	int err;

	snprintf(title, sizeof(title), "%s%s%s, kernel %s",
		 s->ctx->src.root ? s->ctx->src.root : "",
		 s->ctx->src.root ? ": " : "",
		 m->hostname[0] ? m->hostname : "unknown host",
		 m->kernel_release[0] ? m->kernel_release : "unknown");
	err = ms_tui_slab_run(&to, &d);
	if (!err)
		return MS_EXIT_OK;
	/* the terminal is restored: the error can be printed now */
	ms_error_diag(ta.failed ? &s->diag : &d);
	return MS_EXIT_FAIL;
}

int cmd_slab(struct ms_ctx *ctx, int argc, char **argv)
{
	struct slab_opts o = {
		.sort = MS_SLAB_SORT_CACHE_SIZE,
		.w = { .interval_ms = MS_WATCH_DEFAULT_MS },
		.growth = { .window = DEFAULT_GROW_WINDOW,
			    .min_bytes = DEFAULT_GROW_MIN_BYTES },
	};
	struct sampler s = {
		.ctx = ctx,
		.facts = { .dir = -1 },
		.slab_file = { .path = "proc/slabinfo" },
		.mem_file = { .path = "proc/meminfo" },
	};
	bool tui = false;
	int ret;

	ret = ms_cmd_parse(ctx, &cmd_slab_argp, argc, argv, &o);
	if (ret)
		goto out_free;
	if (o.w.watch) {
		tui = !ctx->opts.json && isatty(STDOUT_FILENO) &&
		      isatty(STDIN_FILENO);
		/* a pipe or file gets NDJSON, with or without --json */
		if (!tui)
			ctx->opts.json = true;
	}
	s.watch = o.w.watch;
	if (o.w.watch && ms_slab_growth_init(&s.growth, &o.growth, &s.diag)) {
		ms_error_diag(&s.diag);
		ret = MS_EXIT_USAGE;
		goto out_free;
	}
	ret = ms_cmd_start(ctx);
	if (ret)
		goto out_free;
	s.facts.mask = ctx->opts.json ? SLUB_FACTS_JSON : SLUB_FACTS_TEXT;
	if (tui) {
		ret = run_tui(&s, &o);
	} else if (o.w.watch) {
		ret = run_ndjson(&s, &o);
	} else if (sampler_next(&s) || render(&s, &o)) {
		ms_error_diag(&s.diag);
		ret = MS_EXIT_FAIL;
	}
out_free:
	sampler_release(&s);
	if (o.has_re)
		regfree(&o.re);
	return ret;
}
