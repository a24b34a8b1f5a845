// SPDX-License-Identifier: GPL-2.0-or-later
/* memscope frag [--node N] [--order N] [--debugfs] */
#include <string.h>

#include "cmd.h"
#include "lib/kver.h"
#include "view/view.h"
#include "lib/banned.h"

enum { OPT_DEBUGFS = 0x300 };

struct frag_opts {
	struct ms_view_filter f;
	bool debugfs;
};

static const struct argp_option frag_options[] = {
	{ "node", 'n', "N", 0, "Only NUMA node N", 0 },
	{ "order", 'o', "N", 0, "Only order N", 0 },
	{ "debugfs", OPT_DEBUGFS, NULL, 0,
	  "Print the text of the kernel's debugfs extfrag/unusable_index and "
	  "extfrag/extfrag_index files, computed from buddyinfo",
	  0 },
	{ 0 }
};

static error_t frag_parse(int key, char *arg, struct argp_state *state)
{
	struct frag_opts *o = state->input;

	switch (key) {
	case 'n':
		o->f.node =
			(int)ms_parse_uint_arg(state, "--node", arg, 0, 65535);
		break;
	case 'o':
		o->f.order = (int)ms_parse_uint_arg(state, "--order", arg, 0,
						    MS_MAX_ORDERS - 1);
		break;
	case OPT_DEBUGFS:
		o->debugfs = true;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_frag_argp = {
	.options = frag_options,
	.parser = frag_parse,
	.doc = "Free blocks per order and the kernel's unusable free space "
	       "index and fragmentation index (as debugfs extfrag/ prints "
	       "them), from /proc/buddyinfo; per migrate type counts when "
	       "/proc/pagetypeinfo is readable.",
};

/*
 * extfrag_index is printed "%2d.%03d" from 5.16 on ("mm: vmstat.c: make
 * extfrag_index show more pretty"); unknown releases get the new format.
 */
static bool wide_extfrag(const char *release)
{
	struct ms_kver kv;

	if (ms_kver_parse(&kv, release, strlen(release)))
		return true;
	return ms_kver_code(&kv) >= MS_KVER(5, 16, 0);
}

int cmd_frag(struct ms_ctx *ctx, int argc, char **argv)
{
	struct frag_opts o = { .f = { .node = -1, .order = -1 } };
	const struct ms_buddyinfo *bi;
	int ret;

	ret = ms_cmd_parse(ctx, &cmd_frag_argp, argc, argv, &o);
	if (ret)
		return ret;
	if (o.debugfs && ctx->opts.json) {
		ms_error("--debugfs prints the kernel's text format and cannot "
			 "be combined with --json");
		return MS_EXIT_USAGE;
	}
	ret = ms_cmd_start(ctx);
	if (ret)
		return ret;
	if (ms_cmd_need(ctx, MS_FILE_BUDDYINFO, true) < 0)
		return MS_EXIT_FAIL;
	bi = ms_snapshot_get(&ctx->snap, MS_FILE_BUDDYINFO);
	if (o.f.order >= 0 && (unsigned int)o.f.order >= bi->nr_orders) {
		ms_error("--order %d: this kernel has orders 0 to %u",
			 o.f.order, bi->nr_orders - 1);
		return MS_EXIT_USAGE;
	}
	if (o.debugfs) {
		const char *rel = ctx->opts.kernel ?
					  ctx->opts.kernel :
					  ctx->snap.meta.kernel_release;

		ms_view_frag_debugfs(ctx->out, bi, wide_extfrag(rel));
		return MS_EXIT_OK;
	}
	if (ms_cmd_need(ctx, MS_FILE_PAGETYPEINFO, false) < 0)
		return MS_EXIT_FAIL;
	ms_view_source(ctx->out, &ctx->snap);
	ms_view_frag(ctx->out, bi,
		     ms_snapshot_get(&ctx->snap, MS_FILE_PAGETYPEINFO), &o.f);
	return MS_EXIT_OK;
}
