// SPDX-License-Identifier: GPL-2.0-or-later
/* memscope [summary] */
#include <string.h>

#include "analysis/slab.h"
#include "analysis/vmalloc.h"
#include "cmd.h"
#include "view/atomic.h"
#include "view/prom.h"
#include "view/view.h"
#include "view/vmalloc.h"
#include "lib/banned.h"

const struct argp cmd_summary_argp = {
	.doc = "A one-screen overview: memory totals, every populated zone "
	       "against its watermarks, fragmentation, and the largest slab "
	       "caches. Files that cannot be read are reported as warnings "
	       "(null in JSON).",
};

/* GFP_ATOMIC at every order: the risk and the headroom, one line. */
static int summary_atomic(struct ms_ctx *ctx)
{
	struct ms_atomic_result *res;
	struct ms_atomic_opts o;
	struct ms_era era;
	size_t nr;
	int ret;

	if (!ms_snapshot_get(&ctx->snap, MS_FILE_ZONEINFO)) {
		if (ctx->opts.prom) {
			struct ms_prom_input in = { &ctx->snap, NULL, 0, NULL };

			ms_view_prom(stdout, &in);
		}
		ms_out_null(ctx->out, "atomic", NULL);
		return MS_EXIT_OK;
	}
	ms_atomic_opts_init(&o);
	ret = ms_cmd_atomic_eval(ctx, &o, &era, &res, &nr);
	if (ret)
		return ret;
	if (ctx->opts.prom) {
		struct ms_prom_input in = { &ctx->snap, res, nr, era.name };

		ms_view_prom(stdout, &in);
	} else {
		ms_view_summary_atomic(ctx->out, res, nr, &era);
	}
	ms_atomic_results_free(res, nr);
	return MS_EXIT_OK;
}

/* Areas, bytes and the top callers of /proc/vmallocinfo, when readable. */
static int summary_vmalloc(struct ms_ctx *ctx)
{
	const struct ms_vmallocinfo *vi =
		ms_snapshot_get(&ctx->snap, MS_FILE_VMALLOCINFO);
	struct ms_vmalloc_opts ao = {
		.page_size_bytes = ctx->snap.meta.page_size,
	};
	struct ms_vmalloc_stats st;
	int err;

	if (!vi) {
		ms_view_summary_vmalloc(ctx->out, NULL);
		return MS_EXIT_OK;
	}
	err = ms_vmalloc_analyze(&st, vi, &ao);
	if (err) {
		ms_error("vmallocinfo: %s", strerror(-err));
		return MS_EXIT_FAIL;
	}
	ms_view_summary_vmalloc(ctx->out, &st);
	ms_vmalloc_stats_release(&st);
	return MS_EXIT_OK;
}

/* The largest slab caches, when /proc/slabinfo is readable. */
static int summary_slab(struct ms_ctx *ctx)
{
	const struct ms_slabinfo *si;
	struct ms_slab_model m;
	struct ms_diag d = { 0 };

	if (ms_cmd_need(ctx, MS_FILE_SLABINFO, false) < 0)
		return MS_EXIT_FAIL;
	si = ms_snapshot_get(&ctx->snap, MS_FILE_SLABINFO);
	if (!si) {
		ms_view_summary_slab(ctx->out, NULL);
		return MS_EXIT_OK;
	}
	if (ms_slab_model_build(&m, si, ctx->snap.meta.page_size, &d)) {
		ms_error_diag(&d);
		return MS_EXIT_FAIL;
	}
	ms_slab_sort(&m, MS_SLAB_SORT_CACHE_SIZE, false);
	ms_view_summary_slab(ctx->out, &m);
	ms_slab_model_release(&m);
	return MS_EXIT_OK;
}

int cmd_summary(struct ms_ctx *ctx, int argc, char **argv)
{
	int ret;

	ret = ms_cmd_parse(ctx, &cmd_summary_argp, argc, argv, NULL);
	if (ret)
		return ret;
	ctx->prom_capable = true;
	ret = ms_cmd_start(ctx);
	if (ret)
		return ret;
	if (ms_cmd_need(ctx, MS_FILE_MEMINFO, false) < 0 ||
	    ms_cmd_need(ctx, MS_FILE_ZONEINFO, false) < 0 ||
	    ms_cmd_need(ctx, MS_FILE_BUDDYINFO, false) < 0 ||
	    ms_cmd_need(ctx, MS_FILE_VMALLOCINFO, false) < 0)
		return MS_EXIT_FAIL;
	if (!ctx->opts.prom) {
		ms_view_summary(ctx->out, &ctx->snap,
				ms_snapshot_get(&ctx->snap, MS_FILE_MEMINFO),
				ms_snapshot_get(&ctx->snap, MS_FILE_ZONEINFO),
				ms_snapshot_get(&ctx->snap, MS_FILE_BUDDYINFO));
		ret = summary_vmalloc(ctx);
		if (!ret)
			ret = summary_slab(ctx);
		if (ret)
			return ret;
	}
	return summary_atomic(ctx);
}
