// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope scull [--quanta]
 *
 * The memory of the companion module's devices (kmod/README): per device
 * its quanta, bytes and order from /proc/scullpmem and /proc/scullvmem,
 * every scullp block placed in the node and zone of /proc/zoneinfo whose
 * span holds it, and every scullv quantum matched with its area in
 * /proc/vmallocinfo.
 */
#include <errno.h>
#include <stdlib.h>

#include "analysis/scull.h"
#include "cmd.h"
#include "proc/scull.h"
#include "proc/zoneinfo.h"
#include "view/scull.h"
#include "view/view.h"
#include "lib/banned.h"

enum { OPT_QUANTA = 0x500 };

struct scull_opts {
	bool list;
};

static const struct argp_option scull_options[] = {
	{ "quanta", OPT_QUANTA, NULL, 0,
	  "List every quantum with its zone or vmalloc area (JSON always "
	  "lists them)",
	  0 },
	{ 0 }
};

static error_t scull_parse(int key, char *arg MS_UNUSED,
			   struct argp_state *state)
{
	struct scull_opts *o = state->input;

	switch (key) {
	case OPT_QUANTA:
		o->list = true;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_scull_argp = {
	.options = scull_options,
	.parser = scull_parse,
	.doc = "The devices of the memscope_scull module: quanta, bytes and "
	       "order per device from /proc/scullpmem and /proc/scullvmem, "
	       "the node and zone of every scullp block (from the zone spans "
	       "of /proc/zoneinfo) and the /proc/vmallocinfo area of every "
	       "scullv quantum. Needs the module, or a snapshot taken while "
	       "it was loaded.",
};

/* A listing of the module: its absence says the module is not loaded. */
static int need_listing(struct ms_ctx *ctx, enum ms_file_id id)
{
	struct ms_diag diag = { 0 };
	char buf[512];
	int err = ms_snapshot_load(&ctx->snap, id, &diag);

	if (!err)
		return 0;
	ms_diag_format(&diag, buf, sizeof(buf));
	if (err == -ENOENT)
		ms_error("%s (is memscope_scull loaded?)", buf);
	else
		ms_error("%s", buf);
	return -1;
}

/*
 * /proc/vmallocinfo, indexed for matching. Return: 0 with *va set, 1
 * when unreadable (a warning was emitted and *why says so), -1 after
 * printing an error.
 */
static int load_vmallocinfo(struct ms_ctx *ctx, struct ms_vmareas *va,
			    const char **why)
{
	int ret = ms_cmd_need(ctx, MS_FILE_VMALLOCINFO, false);

	if (ret < 0)
		return -1;
	if (ret > 0) {
		*why = "vmallocinfo unavailable";
		return 1;
	}
	if (ms_vmareas_build(
		    va, ms_snapshot_get(&ctx->snap, MS_FILE_VMALLOCINFO))) {
		ms_error("out of memory");
		return -1;
	}
	if (va->hidden)
		*why = "addresses hidden (kptr_restrict)";
	return 0;
}

int cmd_scull(struct ms_ctx *ctx, int argc, char **argv)
{
	struct scull_opts o = { false };
	const struct ms_scull *sp, *sv;
	const struct ms_zoneinfo *zi;
	struct ms_scullp_map pm;
	struct ms_scullv_map vm;
	struct ms_vmareas va = { 0 };
	const char *why = "addresses hidden (kptr_restrict)";
	int ret, have_va;

	ret = ms_cmd_parse(ctx, &cmd_scull_argp, argc, argv, &o);
	if (ret)
		return ret;
	ret = ms_cmd_start(ctx);
	if (ret)
		return ret;
	if (need_listing(ctx, MS_FILE_SCULLPMEM) ||
	    need_listing(ctx, MS_FILE_SCULLVMEM) ||
	    ms_cmd_need(ctx, MS_FILE_ZONEINFO, true) < 0)
		return MS_EXIT_FAIL;
	sp = ms_snapshot_get(&ctx->snap, MS_FILE_SCULLPMEM);
	sv = ms_snapshot_get(&ctx->snap, MS_FILE_SCULLVMEM);
	zi = ms_snapshot_get(&ctx->snap, MS_FILE_ZONEINFO);
	have_va = load_vmallocinfo(ctx, &va, &why);
	if (have_va < 0)
		return MS_EXIT_FAIL;
	ret = MS_EXIT_FAIL;
	if (ms_scullp_map(&pm, sp, zi)) {
		ms_error("out of memory");
		goto out_free_va;
	}
	if (ms_scullv_map(&vm, sv, have_va ? NULL : &va)) {
		ms_error("out of memory");
		goto out_free_pm;
	}
	ms_view_source(ctx->out, &ctx->snap);
	ms_view_scullp(ctx->out, sp, zi, &pm, o.list);
	ms_out_text(ctx->out, "\n");
	ms_view_scullv(ctx->out, sv, &vm, why, o.list);
	ret = MS_EXIT_OK;
	ms_scullv_map_release(&vm);
out_free_pm:
	ms_scullp_map_release(&pm);
out_free_va:
	ms_vmareas_release(&va);
	return ret;
}
