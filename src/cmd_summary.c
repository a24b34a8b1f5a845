// SPDX-License-Identifier: GPL-2.0-or-later
/* memscope [summary] */
#include "cmd.h"
#include "analysis/slab.h"
#include "view/view.h"
#include "lib/banned.h"

const struct argp cmd_summary_argp = {
	.doc = "A one-screen overview: memory totals, every populated zone "
	       "against its watermarks, fragmentation, and the largest slab "
	       "caches. Files that cannot be read are reported as warnings "
	       "(null in JSON).",
};

int cmd_summary(struct ms_ctx *ctx, int argc, char **argv)
{
	const struct ms_slabinfo *si;
	struct ms_slab_model m;
	struct ms_diag d = { 0 };
	bool have_slab = false;
	int ret;

	ret = ms_cmd_parse(ctx, &cmd_summary_argp, argc, argv, NULL);
	if (ret)
		return ret;
	ret = ms_cmd_start(ctx);
	if (ret)
		return ret;
	if (ms_cmd_need(ctx, MS_FILE_MEMINFO, false) < 0 ||
	    ms_cmd_need(ctx, MS_FILE_ZONEINFO, false) < 0 ||
	    ms_cmd_need(ctx, MS_FILE_BUDDYINFO, false) < 0 ||
	    ms_cmd_need(ctx, MS_FILE_SLABINFO, false) < 0)
		return MS_EXIT_FAIL;
	si = ms_snapshot_get(&ctx->snap, MS_FILE_SLABINFO);
	if (si) {
		if (ms_slab_model_build(&m, si, ctx->snap.meta.page_size,
					&d)) {
			ms_error_diag(&d);
			return MS_EXIT_FAIL;
		}
		ms_slab_sort(&m, MS_SLAB_SORT_CACHE_SIZE, false);
		have_slab = true;
	}
	ms_view_summary(ctx->out, &ctx->snap,
			ms_snapshot_get(&ctx->snap, MS_FILE_MEMINFO),
			ms_snapshot_get(&ctx->snap, MS_FILE_ZONEINFO),
			ms_snapshot_get(&ctx->snap, MS_FILE_BUDDYINFO));
	ms_view_summary_slab(ctx->out, have_slab ? &m : NULL);
	if (have_slab)
		ms_slab_model_release(&m);
	return MS_EXIT_OK;
}
