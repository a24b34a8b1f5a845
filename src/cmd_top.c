// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope top [-d SECONDS] [-n N] [--tab TAB] [--once]
 *
 * The live dashboard: every sample re-reads the cheap files (meminfo,
 * zoneinfo, buddyinfo, vmstat, slabinfo) and, at most every
 * MS_TOP_SLOW_INTERVAL_S seconds, the expensive ones: pagetypeinfo,
 * whose read walks every free list under the zone lock, and vmallocinfo,
 * which lists every vmalloc area. The parsed expensive files are
 * detached from the snapshot (ms_snapshot_take()) and kept between
 * reads, and so are the previous slabinfo and vmallocinfo, for the
 * changes. With --root the same loop reads the capture, so a tree that
 * another program rewrites is followed too; a plain capture just shows
 * the same numbers with its own time.
 *
 * --once prints the first sample's overview through the view (text or
 * JSON) instead.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "analysis/overview.h"
#include "analysis/slab.h"
#include "analysis/stall.h"
#include "analysis/vmalloc.h"
#include "cmd.h"
#include "cmd_watch.h"
#include "proc/buddyinfo.h"
#include "proc/kv.h"
#include "proc/live_procps.h"
#include "proc/pagetypeinfo.h"
#include "proc/slabinfo.h"
#include "proc/vmallocinfo.h"
#include "proc/zoneinfo.h"
#include "tui/top.h"
#include "view/top.h"
#include "lib/banned.h"

/* top refreshes down to 0.01 s, faster than the --watch of the others */
#define MIN_INTERVAL_MS 10
/* the growth marks of the Slab tab, as memscope slab --watch sets them */
#define GROW_WINDOW    5
#define GROW_MIN_BYTES (64 * 1024)

struct top_opts {
	unsigned int interval_ms;
	bool once;
	uint64_t iterations;
	enum ms_top_tab tab;
};

static const struct argp_option top_options[] = {
	{ "delay", 'd', "SECONDS", 0,
	  "Refresh every SECONDS (default 2; from 0.01, up to 3 decimals)", 0 },
	{ "iterations", 'n', "N", 0, "Stop after N refreshes", 0 },
	{ "tab", 't', "TAB", 0,
	  "Start on TAB: 1 to 5, or overview, zones, slab, vmalloc, "
	  "processes",
	  0 },
	{ "once", 'o', NULL, 0,
	  "Print the overview once (text, or JSON with --json) and exit", 0 },
	{ 0 }
};

static error_t top_parse(int key, char *arg, struct argp_state *state)
{
	struct top_opts *o = state->input;

	switch (key) {
	case 'd':
		if (ms_watch_seconds(arg, MIN_INTERVAL_MS, MS_WATCH_MAX_MS,
				     &o->interval_ms))
			argp_error(state,
				   "--delay: expected seconds from 0.01 "
				   "to 86400 (up to 3 decimals), found '%s'",
				   arg);
		break;
	case 'n':
		o->iterations = ms_parse_uint_arg(state, "--iterations", arg, 1,
						  UINT32_MAX);
		break;
	case 't':
		if (ms_top_tab_parse(arg, &o->tab))
			argp_error(state,
				   "--tab: expected 1 to 5 or overview, "
				   "zones, slab, vmalloc, processes, found "
				   "'%s'",
				   arg);
		break;
	case 'o':
		o->once = true;
		break;
	case ARGP_KEY_ARG:
		argp_error(state, "unexpected argument '%s'", arg);
		break;
	case ARGP_KEY_END:
		if (o->once && o->iterations)
			argp_error(state, "--once cannot be combined with "
					  "--iterations");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_top_argp = {
	.options = top_options,
	.parser = top_parse,
	.doc = "A live dashboard, as htop is for processes: memory totals, "
	       "every zone against its watermarks, the worst GFP_ATOMIC "
	       "verdict per order, fragmentation and its history, the slab "
	       "caches and vmalloc callers with their changes, reclaim and "
	       "compaction counters with rates, and the processes' memory "
	       "(live, through libproc2). With --root it shows the capture. "
	       "--once prints the overview as text or JSON.",
};

/* ---- samples ---- */

/**
 * struct kept - an expensive file, parsed at most every
 * MS_TOP_SLOW_INTERVAL_S seconds and kept in between
 * @data:    the parsed object (owned), NULL when unavailable
 * @read_at: when it was last read (monotonic seconds)
 * @tried:   it was read at least once
 * @why:     why it is unavailable, or ""
 */
struct kept {
	void *data;
	double read_at;
	bool tried;
	char why[320];
};

/*
 * The groups of an earlier read of vmallocinfo, with their own copies of
 * the names (the parsed file they pointed into is freed with its read),
 * as memscope vmalloc --watch keeps them.
 */
/**
 * struct sampler - the samples of one run
 * @pt:        pagetypeinfo
 * @vi:        the latest vmallocinfo, analysed into @vst
 * @vm_first, @vm_prev: the groups of the first and of the previous read
 *             of vmallocinfo, by caller, type and module, for the changes
 * @si_first, @si_cur: the first and the latest slabinfo (owned; the same
 *             object after the first sample)
 * @slab:      the latest slab sample, borrowing @si_cur
 * @stall, @stall_prev: the latest two vmstat samples
 * @ov, @era:  the zones of the latest sample (borrowing the snapshot)
 * @diag:      why the last sample failed
 */
struct sampler {
	struct ms_ctx *ctx;
	unsigned int n;
	struct kept pt;
	struct kept vi;
	struct ms_vmalloc_stats vst;
	bool has_vst;
	struct ms_vmalloc_kept vm_first[MS_TOP_VM_NR_BY];
	struct ms_vmalloc_kept vm_prev[MS_TOP_VM_NR_BY];
	bool vm_have_prev;
	double vm_first_at;
	double vm_prev_at;
	struct ms_top_vmalloc_row *vm_rows[MS_TOP_VM_NR_BY];
	size_t nr_vm_rows[MS_TOP_VM_NR_BY];
	struct ms_slabinfo *si_first;
	struct ms_slabinfo *si_cur;
	double t_si_first;
	double t_si_cur;
	struct ms_slab_model slab;
	bool has_slab;
	struct ms_slab_growth growth;
	struct ms_stall_counters stall;
	struct ms_stall_counters stall_prev;
	bool has_stall;
	bool has_stall_prev;
	double t_stall;
	double t_stall_prev;
	struct ms_stall_rates rates;
	struct ms_overview ov;
	struct ms_era era;
	struct ms_procs *procs;
	bool procs_tried;
	char procs_why[320];
	struct ms_proc_list plist;
	char clock[40];
	struct ms_top_sample s;
	struct ms_diag diag;
};

static bool fatal(int err)
{
	return err == -EINVAL || err == -ENOMEM || err == -EOVERFLOW;
}

/*
 * Loads a cheap file into the snapshot. A missing or unreadable file
 * is recorded in @f; a malformed one fails the sample.
 */
static int load(struct sampler *s, enum ms_file_id id, struct ms_top_file *f)
{
	struct ms_diag d = { 0 };
	int err = ms_snapshot_load(&s->ctx->snap, id, &d);

	f->ok = !err;
	f->age_s = 0;
	f->why[0] = '\0';
	if (!err)
		return 0;
	if (fatal(err)) {
		s->diag = d;
		return err;
	}
	ms_diag_format(&d, f->why, sizeof(f->why));
	return 0;
}

/*
 * Reads an expensive file when it is due. *@fresh says whether a new
 * object was taken (returned in *@obj, to be owned by the caller); when
 * the file became unreadable, *@obj is NULL and @k->why says why.
 */
static int load_slow(struct sampler *s, enum ms_file_id id, struct kept *k,
		     double now, bool *fresh, void **obj)
{
	struct ms_diag d = { 0 };
	int err;

	*fresh = false;
	*obj = NULL;
	if (k->tried && now - k->read_at < MS_TOP_SLOW_INTERVAL_S)
		return 0;
	k->tried = true;
	k->read_at = now;
	k->why[0] = '\0';
	err = ms_snapshot_load(&s->ctx->snap, id, &d);
	if (fatal(err)) {
		s->diag = d;
		return err;
	}
	*fresh = true;
	if (err) {
		ms_diag_format(&d, k->why, sizeof(k->why));
		return 0;
	}
	*obj = ms_snapshot_take(&s->ctx->snap, id);
	return 0;
}

static void file_state(struct ms_top_file *f, const struct kept *k, double now)
{
	f->ok = k->data != NULL;
	f->age_s = k->tried ? now - k->read_at : 0;
	snprintf(f->why, sizeof(f->why), "%s", k->why);
}

static int sample_pagetypeinfo(struct sampler *s, double now)
{
	bool fresh;
	void *obj;
	int err;

	err = load_slow(s, MS_FILE_PAGETYPEINFO, &s->pt, now, &fresh, &obj);
	if (err)
		return err;
	if (fresh) {
		ms_snapshot_data_free(MS_FILE_PAGETYPEINFO, s->pt.data);
		s->pt.data = obj;
	}
	file_state(&s->s.files[MS_TOP_F_PAGETYPEINFO], &s->pt, now);
	return 0;
}

/* The groups of @st for @by. */
static const struct ms_vmalloc_group *
vm_groups(const struct ms_vmalloc_stats *st, enum ms_top_vm_by by, size_t *n)
{
	switch (by) {
	case MS_TOP_VM_TYPE:
		*n = MS_VMALLOC_NR_TYPES;
		return st->by_type;
	case MS_TOP_VM_MODULE:
		*n = st->nr_by_module;
		return st->by_module;
	default:
		*n = st->nr_by_symbol;
		return st->by_symbol;
	}
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* The change of group @g in @d, NULL when it did not change. */
static const struct ms_vmalloc_delta *
find_delta(const struct ms_vmalloc_delta *d, size_t n,
	   const struct ms_vmalloc_group *g)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (same_str(d[i].name, g->name) &&
		    same_str(d[i].module, g->module))
			return &d[i];
	return NULL;
}

/* The current groups by @by with their changes, into s->vm_rows[by]. */
static int vm_rows(struct sampler *s, enum ms_top_vm_by by, double now)
{
	struct ms_vmalloc_delta *dp = NULL, *df = NULL;
	const struct ms_vmalloc_group *g;
	size_t n, ndp = 0, ndf = 0, i;
	int err = 0;

	free(s->vm_rows[by]);
	s->vm_rows[by] = NULL;
	s->nr_vm_rows[by] = 0;
	g = vm_groups(&s->vst, by, &n);
	if (s->vm_have_prev) {
		err = ms_vmalloc_delta(
			&dp, &ndp, s->vm_prev[by].groups, s->vm_prev[by].nr, g,
			n, (uint64_t)((now - s->vm_prev_at) * 1000));
		if (!err)
			err = ms_vmalloc_delta(
				&df, &ndf, s->vm_first[by].groups,
				s->vm_first[by].nr, g, n,
				(uint64_t)((now - s->vm_first_at) * 1000));
		if (err)
			goto out;
	}
	if (n) {
		s->vm_rows[by] = calloc(n, sizeof(*s->vm_rows[by]));
		if (!s->vm_rows[by]) {
			err = -ENOMEM;
			goto out;
		}
	}
	for (i = 0; i < n; i++) {
		struct ms_top_vmalloc_row *r = &s->vm_rows[by][i];
		const struct ms_vmalloc_delta *d;

		r->group = &g[i];
		r->has_delta = s->vm_have_prev;
		if ((d = find_delta(dp, ndp, &g[i]))) {
			r->delta_count = d->count_delta;
			r->delta_bytes = d->size_bytes_delta;
		}
		if ((d = find_delta(df, ndf, &g[i]))) {
			r->start_delta_count = d->count_delta;
			r->start_delta_bytes = d->size_bytes_delta;
		}
	}
	s->nr_vm_rows[by] = n;
	err = ms_vmalloc_kept_set(&s->vm_prev[by], g, n);
	if (!err && !s->vm_have_prev)
		err = ms_vmalloc_kept_set(&s->vm_first[by], g, n);
out:
	free(dp);
	free(df);
	if (err)
		return ms_diag_set(&s->diag, "vmallocinfo", 0, err,
				   "cannot compare samples: %s",
				   strerror(-err));
	return 0;
}

/* The latest read of vmallocinfo and its rows; the earlier reads stay. */
static void vmalloc_release(struct sampler *s)
{
	unsigned int by;

	if (s->has_vst)
		ms_vmalloc_stats_release(&s->vst);
	s->has_vst = false;
	ms_snapshot_data_free(MS_FILE_VMALLOCINFO, s->vi.data);
	s->vi.data = NULL;
	for (by = 0; by < MS_TOP_VM_NR_BY; by++) {
		free(s->vm_rows[by]);
		s->vm_rows[by] = NULL;
		s->nr_vm_rows[by] = 0;
	}
}

static int sample_vmalloc(struct sampler *s, const struct ms_kv *mi, double now)
{
	struct ms_vmalloc_opts vo = {
		.page_size_bytes = s->ctx->snap.meta.page_size,
	};
	unsigned int by;
	uint64_t kb;
	bool fresh;
	void *obj;
	int err;

	err = load_slow(s, MS_FILE_VMALLOCINFO, &s->vi, now, &fresh, &obj);
	if (err)
		return err;
	if (!fresh)
		goto out;
	vmalloc_release(s);
	if (!obj)
		goto out;
	s->vi.data = obj;
	if (mi && ms_kv_get(mi, "VmallocTotal", &kb))
		vo.total_bytes = kb * 1024;
	err = ms_vmalloc_analyze(&s->vst, obj, &vo);
	if (err)
		return ms_diag_set(&s->diag, "vmallocinfo", 0, err,
				   "cannot analyse: %s", strerror(-err));
	s->has_vst = true;
	for (by = 0; by < MS_TOP_VM_NR_BY; by++) {
		err = vm_rows(s, (enum ms_top_vm_by)by, now);
		if (err)
			return err;
	}
	if (!s->vm_have_prev)
		s->vm_first_at = now;
	s->vm_have_prev = true;
	s->vm_prev_at = now;
out:
	file_state(&s->s.files[MS_TOP_F_VMALLOCINFO], &s->vi, now);
	return 0;
}

/* slabinfo with the changes since the previous and the first sample */
static int sample_slab(struct sampler *s, double now)
{
	struct ms_snapshot *snap = &s->ctx->snap;
	struct ms_slabinfo *si;
	int err;

	err = load(s, MS_FILE_SLABINFO, &s->s.files[MS_TOP_F_SLABINFO]);
	if (err)
		return err;
	ms_slab_model_release(&s->slab);
	s->has_slab = false;
	if (!s->s.files[MS_TOP_F_SLABINFO].ok)
		return 0;
	si = ms_snapshot_take(snap, MS_FILE_SLABINFO);
	err = ms_slab_model_build(&s->slab, si, snap->meta.page_size, &s->diag);
	if (!err && s->si_first) {
		/* the clock may not have moved on a coarse timer */
		double since_prev =
			now > s->t_si_cur ? now - s->t_si_cur : 1e-9;
		double since_first =
			now > s->t_si_first ? now - s->t_si_first : 1e-9;

		err = ms_slab_model_delta_start(&s->slab, s->si_first,
						since_first, &s->diag);
		if (!err)
			err = ms_slab_model_delta(&s->slab, s->si_cur,
						  since_prev, &s->diag);
	}
	if (!err)
		err = ms_slab_growth_update(&s->growth, &s->slab, &s->diag);
	if (err) {
		ms_slab_model_release(&s->slab);
		ms_snapshot_data_free(MS_FILE_SLABINFO, si);
		return err;
	}
	if (s->si_cur != s->si_first)
		ms_snapshot_data_free(MS_FILE_SLABINFO, s->si_cur);
	s->si_cur = si;
	s->t_si_cur = now;
	if (!s->si_first) {
		s->si_first = si;
		s->t_si_first = now;
	}
	s->has_slab = true;
	return 0;
}

static void sample_stall(struct sampler *s, double now)
{
	const struct ms_kv *vm = ms_snapshot_get(&s->ctx->snap, MS_FILE_VMSTAT);

	s->s.stall = NULL;
	s->s.rates = NULL;
	if (!vm)
		return;
	s->stall_prev = s->stall;
	s->has_stall_prev = s->has_stall;
	s->t_stall_prev = s->t_stall;
	ms_stall_read(&s->stall, vm);
	s->has_stall = true;
	s->t_stall = now;
	s->s.stall = &s->stall;
	if (s->has_stall_prev) {
		ms_stall_rates(&s->rates, &s->stall_prev, &s->stall,
			       now - s->t_stall_prev);
		s->s.rates = &s->rates;
	}
}

static void sample_procs(struct sampler *s, unsigned int want)
{
	struct ms_top_file *f = &s->s.files[MS_TOP_F_PROCS];
	struct ms_diag d = { 0 };

	s->s.procs = NULL;
	f->ok = false;
	f->age_s = 0;
	if (!ms_source_is_live(&s->ctx->src)) {
		snprintf(f->why, sizeof(f->why),
			 "a capture (--root) holds no processes: memscope "
			 "reads them from this machine through libproc2");
		return;
	}
	if (!(want & MS_TOP_WANT_PROCS)) {
		snprintf(f->why, sizeof(f->why), "not read yet");
		return;
	}
	if (!s->procs_tried) {
		s->procs_tried = true;
		if (ms_procs_new(&s->procs, &d))
			ms_diag_format(&d, s->procs_why, sizeof(s->procs_why));
	}
	if (!s->procs) {
		snprintf(f->why, sizeof(f->why), "%s", s->procs_why);
		return;
	}
	if (ms_procs_read(s->procs, &s->plist, &d)) {
		ms_diag_format(&d, f->why, sizeof(f->why));
		return;
	}
	f->ok = true;
	f->why[0] = '\0';
	s->s.procs = &s->plist;
}

static void set_clock(struct sampler *s)
{
	const struct ms_meta *m = &s->ctx->snap.meta;
	time_t now = time(NULL);
	struct tm tm;

	if (!ms_source_is_live(&s->ctx->src)) {
		snprintf(s->clock, sizeof(s->clock), "%s",
			 m->time[0] ? m->time : "time unknown");
		return;
	}
	if (!localtime_r(&now, &tm) ||
	    !strftime(s->clock, sizeof(s->clock), "%H:%M:%S", &tm))
		snprintf(s->clock, sizeof(s->clock), "?");
}

/*
 * Takes the next sample into s->s.
 * Return: 0, or a negative errno with s->diag filled (malformed input,
 * out of memory).
 */
static int sampler_next(struct sampler *s, unsigned int want)
{
	struct ms_snapshot *snap = &s->ctx->snap;
	struct ms_top_file *f = s->s.files;
	const struct ms_zoneinfo *zi;
	const struct ms_buddyinfo *bi;
	const struct ms_kv *mi;
	double now = ms_mono_s();
	unsigned int i;
	int err;

	if (s->n)
		ms_snapshot_drop(snap);
	ms_overview_release(&s->ov);
	if ((err = load(s, MS_FILE_MEMINFO, &f[MS_TOP_F_MEMINFO])) ||
	    (err = load(s, MS_FILE_ZONEINFO, &f[MS_TOP_F_ZONEINFO])) ||
	    (err = load(s, MS_FILE_BUDDYINFO, &f[MS_TOP_F_BUDDYINFO])) ||
	    (err = load(s, MS_FILE_VMSTAT, &f[MS_TOP_F_VMSTAT])))
		return err;
	mi = ms_snapshot_get(snap, MS_FILE_MEMINFO);
	zi = ms_snapshot_get(snap, MS_FILE_ZONEINFO);
	bi = ms_snapshot_get(snap, MS_FILE_BUDDYINFO);
	err = sample_pagetypeinfo(s, now);
	if (err)
		return err;
	ms_cmd_era_of(s->ctx, zi, s->pt.data, &s->era);
	err = ms_overview_build(&s->ov, zi, bi, s->pt.data,
				zi ? &s->era : NULL);
	if (err)
		return ms_diag_set(&s->diag, "zoneinfo", 0, err,
				   "cannot model the zones: %s",
				   strerror(-err));
	sample_stall(s, now);
	err = sample_slab(s, now);
	if (!err)
		err = sample_vmalloc(s, mi, now);
	if (err)
		return err;
	sample_procs(s, want);
	set_clock(s);
	s->n++;
	s->s.number = s->n;
	s->s.clock = s->clock;
	s->s.meminfo = mi;
	s->s.ov = &s->ov;
	s->s.era = &s->era;
	s->s.slab = s->has_slab ? &s->slab : NULL;
	s->s.vmalloc = s->has_vst ? &s->vst : NULL;
	for (i = 0; i < MS_TOP_VM_NR_BY; i++) {
		s->s.vm_rows[i] = s->vm_rows[i];
		s->s.nr_vm_rows[i] = s->nr_vm_rows[i];
	}
	return 0;
}

static void sampler_release(struct sampler *s)
{
	unsigned int i;

	ms_overview_release(&s->ov);
	ms_snapshot_data_free(MS_FILE_PAGETYPEINFO, s->pt.data);
	s->pt.data = NULL;
	vmalloc_release(s);
	for (i = 0; i < MS_TOP_VM_NR_BY; i++) {
		ms_vmalloc_kept_release(&s->vm_first[i]);
		ms_vmalloc_kept_release(&s->vm_prev[i]);
	}
	ms_slab_model_release(&s->slab);
	ms_slab_growth_release(&s->growth);
	if (s->si_cur != s->si_first)
		ms_snapshot_data_free(MS_FILE_SLABINFO, s->si_cur);
	ms_snapshot_data_free(MS_FILE_SLABINFO, s->si_first);
	s->si_cur = s->si_first = NULL;
	ms_proc_list_release(&s->plist);
	ms_procs_free(s->procs);
	s->procs = NULL;
}

/* ---- outputs ---- */

static int run_once(struct sampler *s)
{
	struct ms_out *out = s->ctx->out;
	struct ms_view_top v = { 0 };
	unsigned int i;

	if (sampler_next(s, 0)) {
		ms_error_diag(&s->diag);
		return MS_EXIT_FAIL;
	}
	for (i = 0; i < MS_TOP_F_PROCS; i++)
		if (!s->s.files[i].ok)
			ms_out_warn(out, "%s", s->s.files[i].why);
	if (s->s.slab)
		ms_slab_sort(s->s.slab, MS_SLAB_SORT_CACHE_SIZE, false);
	v.meminfo = s->s.meminfo;
	v.ov = s->s.ov;
	v.era = s->s.ov->has_atomic ? s->s.era : NULL;
	v.stall = s->s.stall;
	v.rates = s->s.rates;
	v.slab = s->s.slab;
	v.vmalloc = s->s.vmalloc;
	ms_view_top(out, &s->ctx->snap, &v);
	return MS_EXIT_OK;
}

struct tui_arg {
	struct sampler *s;
	bool failed;
};

static int tui_sample(void *arg, unsigned int want,
		      const struct ms_top_sample **out)
{
	struct tui_arg *ta = arg;
	int err = sampler_next(ta->s, want);

	if (err) {
		ta->failed = true;
		return err;
	}
	*out = &ta->s->s;
	return 0;
}

static bool tui_color(const struct ms_opts *opts)
{
	const char *nc = getenv("NO_COLOR");

	return !opts->no_color && !(nc && nc[0]);
}

static int run_tui(struct sampler *s, const struct top_opts *o)
{
	const struct ms_meta *m = &s->ctx->snap.meta;
	struct tui_arg ta = { s, false };
	struct ms_diag d = { 0 };
	char title[512];
	struct ms_top_opts to = {
		.tab = o->tab,
		.interval_ms = o->interval_ms,
		.iterations = o->iterations,
		.color = tui_color(&s->ctx->opts),
		.live = ms_source_is_live(&s->ctx->src),
		.title = title,
		.page_size = m->page_size,
		.sample = tui_sample,
		.arg = &ta,
	};
	int err;

	snprintf(title, sizeof(title), "%s, %s",
		 m->hostname[0] ? m->hostname : "unknown host",
		 m->kernel_release[0] ? m->kernel_release : "kernel unknown");
	err = ms_tui_top_run(&to, &d);
	if (!err)
		return MS_EXIT_OK;
	/* the terminal is restored: the error can be printed now */
	ms_error_diag(ta.failed ? &s->diag : &d);
	return MS_EXIT_FAIL;
}

int cmd_top(struct ms_ctx *ctx, int argc, char **argv)
{
	struct top_opts o = { .interval_ms = MS_WATCH_DEFAULT_MS };
	struct ms_slab_growth_opts g = { .window = GROW_WINDOW,
					 .min_bytes = GROW_MIN_BYTES };
	struct sampler s = { .ctx = ctx };
	int ret;

	ret = ms_cmd_parse(ctx, &cmd_top_argp, argc, argv, &o);
	if (ret)
		return ret;
	if (!o.once && (ctx->opts.json || ctx->opts.prom)) {
		ms_error("the live screen is text only: add --once for a "
			 "JSON document of the overview");
		return MS_EXIT_USAGE;
	}
	if (!o.once && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		ms_error("terminal: expected a terminal on standard input and "
			 "output; --once prints the overview as text");
		return MS_EXIT_FAIL;
	}
	if (ms_slab_growth_init(&s.growth, &g, &s.diag)) {
		ms_error_diag(&s.diag);
		return MS_EXIT_FAIL;
	}
	ret = ms_cmd_start(ctx);
	if (ret)
		goto out_release;
	ret = o.once ? run_once(&s) : run_tui(&s, &o);
out_release:
	sampler_release(&s);
	return ret;
}
