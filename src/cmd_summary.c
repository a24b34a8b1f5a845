// SPDX-License-Identifier: GPL-2.0-or-later
/* memscope [summary] */
#include "cmd.h"
#include "view/view.h"
#include "lib/banned.h"

const struct argp cmd_summary_argp = {
	.doc = "A one-screen overview: memory totals, every populated zone "
	       "against its watermarks, and fragmentation. Files that cannot "
	       "be read are reported as warnings (null in JSON).",
};

int cmd_summary(struct ms_ctx *ctx, int argc, char **argv)
{
	int ret;

	ret = ms_cmd_parse(ctx, &cmd_summary_argp, argc, argv, NULL);
	if (ret)
		return ret;
	ret = ms_cmd_start(ctx);
	if (ret)
		return ret;
	if (ms_cmd_need(ctx, MS_FILE_MEMINFO, false) < 0 ||
	    ms_cmd_need(ctx, MS_FILE_ZONEINFO, false) < 0 ||
	    ms_cmd_need(ctx, MS_FILE_BUDDYINFO, false) < 0)
		return MS_EXIT_FAIL;
	ms_view_summary(ctx->out, &ctx->snap,
			ms_snapshot_get(&ctx->snap, MS_FILE_MEMINFO),
			ms_snapshot_get(&ctx->snap, MS_FILE_ZONEINFO),
			ms_snapshot_get(&ctx->snap, MS_FILE_BUDDYINFO));
	return MS_EXIT_OK;
}
