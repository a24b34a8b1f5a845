// SPDX-License-Identifier: GPL-2.0-or-later
/* memscope zones [--node N] */
#include "cmd.h"
#include "view/view.h"
#include "lib/banned.h"

struct zones_opts {
	struct ms_view_filter f;
};

static const struct argp_option zones_options[] = { { "node", 'n', "N", 0,
						      "Only NUMA node N", 0 },
						    { 0 } };

static error_t zones_parse(int key, char *arg, struct argp_state *state)
{
	struct zones_opts *o = state->input;

	switch (key) {
	case 'n':
		o->f.node =
			(int)ms_parse_uint_arg(state, "--node", arg, 0, 65535);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_zones_argp = {
	.options = zones_options,
	.parser = zones_parse,
	.doc = "Free pages, watermarks, sizes and protection of every zone "
	       "(/proc/zoneinfo), with free blocks per order from "
	       "/proc/buddyinfo when it is readable.",
};

int cmd_zones(struct ms_ctx *ctx, int argc, char **argv)
{
	struct zones_opts o = { .f = { .node = -1, .order = -1 } };
	const struct ms_buddyinfo *bi;
	int ret;

	ret = ms_cmd_parse(ctx, &cmd_zones_argp, argc, argv, &o);
	if (ret)
		return ret;
	ret = ms_cmd_start(ctx);
	if (ret)
		return ret;
	if (ms_cmd_need(ctx, MS_FILE_ZONEINFO, true) < 0)
		return MS_EXIT_FAIL;
	if (ms_cmd_need(ctx, MS_FILE_BUDDYINFO, false) < 0)
		return MS_EXIT_FAIL;
	bi = ms_snapshot_get(&ctx->snap, MS_FILE_BUDDYINFO);
	ms_view_source(ctx->out, &ctx->snap);
	ms_view_zones(ctx->out, ms_snapshot_get(&ctx->snap, MS_FILE_ZONEINFO),
		      bi, &o.f);
	return MS_EXIT_OK;
}
