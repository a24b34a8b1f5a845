// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope atomic [--order N | --orders A-B] [--gfp CLASS] [--node N]
 *
 * Would an order-N request of the class succeed now, and how many more
 * would: the page allocator's watermark rules (analysis/atomic.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/atomic.h"
#include "cmd.h"
#include "view/atomic.h"
#include "view/view.h"
#include "lib/banned.h"

enum { OPT_ORDERS = 0x400, OPT_GFP };

static const struct argp_option atomic_options[] = {
	{ "order", 'o', "N", 0, "Only order N", 0 },
	{ "orders", OPT_ORDERS, "A-B", 0, "Orders A to B (default: all)", 0 },
	{ "gfp", OPT_GFP, "CLASS", 0,
	  "atomic (default), nowait, kernel, dma (GFP_ATOMIC|GFP_DMA) or "
	  "dma32 (GFP_ATOMIC|GFP_DMA32)",
	  0 },
	{ "node", 'n', "N", 0, "Preferred node (default: the lowest)", 0 },
	{ 0 }
};

int ms_cmd_parse_orders(struct argp_state *state, const char *arg,
			struct ms_order_range *r)
{
	const char *dash = strchr(arg, '-');
	uint64_t a, b;

	if (!dash || ms_parse_u64(arg, (size_t)(dash - arg), &a) ||
	    ms_parse_u64(dash + 1, strlen(dash + 1), &b) || a > b ||
	    b >= MS_MAX_ORDERS) {
		argp_error(state,
			   "--orders: expected A-B with 0 <= A <= B < "
			   "%d, found '%s'",
			   MS_MAX_ORDERS, arg);
		return -EINVAL;
	}
	r->first = (int)a;
	r->last = (int)b;
	return 0;
}

static error_t atomic_parse(int key, char *arg, struct argp_state *state)
{
	struct ms_atomic_opts *o = state->input;

	switch (key) {
	case 'o':
		o->orders.first = o->orders.last = (int)ms_parse_uint_arg(
			state, "--order", arg, 0, MS_MAX_ORDERS - 1);
		o->single = true;
		break;
	case OPT_ORDERS:
		ms_cmd_parse_orders(state, arg, &o->orders);
		o->single = false;
		break;
	case OPT_GFP:
		if (ms_gfp_parse(arg, &o->req.cls, &o->req.zone))
			argp_error(state,
				   "--gfp: expected atomic, nowait, "
				   "kernel, dma or dma32, found '%s'",
				   arg);
		o->gfp = arg;
		break;
	case 'n':
		o->req.node =
			(int)ms_parse_uint_arg(state, "--node", arg, 0, 65535);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_atomic_argp = {
	.options = atomic_options,
	.parser = atomic_parse,
	.doc = "Would an allocation of order N and the GFP class succeed now, "
	       "and how many in a row would, per zone of the zonelist, from "
	       "the kernel's own watermark rules for the kernel in use. Needs "
	       "/proc/zoneinfo; /proc/buddyinfo and /proc/pagetypeinfo make "
	       "it exact for high orders.",
};

void ms_atomic_opts_init(struct ms_atomic_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->orders.first = o->orders.last = -1;
	o->req.cls = MS_GFP_ATOMIC;
	o->req.zone = MS_GFPZ_NORMAL;
	o->req.node = -1;
	o->gfp = "atomic";
}

int ms_cmd_atomic_eval(struct ms_ctx *ctx, struct ms_atomic_opts *o,
		       struct ms_era *era, struct ms_atomic_result **resp,
		       size_t *nrp)
{
	const struct ms_buddyinfo *bi;
	const struct ms_pagetypeinfo *pt;
	struct ms_atomic_input in;
	struct ms_atomic_result *res;
	unsigned int nr_orders;
	size_t nr, i;
	int err;

	if (ms_cmd_need(ctx, MS_FILE_ZONEINFO, true) < 0 ||
	    ms_cmd_need(ctx, MS_FILE_BUDDYINFO, false) < 0 ||
	    ms_cmd_need(ctx, MS_FILE_PAGETYPEINFO, false) < 0)
		return MS_EXIT_FAIL;
	bi = ms_snapshot_get(&ctx->snap, MS_FILE_BUDDYINFO);
	pt = ms_snapshot_get(&ctx->snap, MS_FILE_PAGETYPEINFO);
	nr_orders = bi ? bi->nr_orders : pt ? pt->nr_orders : 11;
	if (o->orders.first < 0) {
		o->orders.first = 0;
		o->orders.last = (int)nr_orders - 1;
	}
	if ((unsigned int)o->orders.last >= nr_orders) {
		ms_error("order %d: this kernel has orders 0 to %u",
			 o->orders.last, nr_orders - 1);
		return MS_EXIT_USAGE;
	}
	ms_cmd_era(ctx, era);
	in.zi = ms_snapshot_get(&ctx->snap, MS_FILE_ZONEINFO);
	in.bi = bi;
	in.pt = pt;
	in.era = era;
	nr = (size_t)(o->orders.last - o->orders.first + 1);
	res = calloc(nr, sizeof(*res));
	if (!res) {
		ms_error("out of memory");
		return MS_EXIT_FAIL;
	}
	for (i = 0; i < nr; i++) {
		struct ms_atomic_request req = o->req;

		req.order = (unsigned int)o->orders.first + (unsigned int)i;
		err = ms_atomic_eval(&in, &req, &res[i]);
		if (err) {
			if (err == -ENOENT)
				ms_error("node %d has no zone that can serve "
					 "%s requests",
					 o->req.node < 0 ? 0 : o->req.node,
					 o->gfp);
			else
				ms_error("cannot model order %zu: %s",
					 (size_t)req.order, strerror(-err));
			ms_atomic_results_free(res, i);
			return err == -ENOENT ? MS_EXIT_USAGE : MS_EXIT_FAIL;
		}
	}
	*resp = res;
	*nrp = nr;
	return MS_EXIT_OK;
}

void ms_atomic_results_free(struct ms_atomic_result *res, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++)
		ms_atomic_result_release(&res[i]);
	free(res);
}

int cmd_atomic(struct ms_ctx *ctx, int argc, char **argv)
{
	struct ms_atomic_result *res;
	struct ms_atomic_opts o;
	struct ms_era era;
	size_t nr;
	int ret;

	ms_atomic_opts_init(&o);
	ret = ms_cmd_parse(ctx, &cmd_atomic_argp, argc, argv, &o);
	if (ret)
		return ret;
	ret = ms_cmd_start(ctx);
	if (ret)
		return ret;
	ret = ms_cmd_atomic_eval(ctx, &o, &era, &res, &nr);
	if (ret)
		return ret;
	ms_view_source(ctx->out, &ctx->snap);
	ms_view_atomic(ctx->out, res, nr, o.single, o.gfp, &era);
	ms_atomic_results_free(res, nr);
	return MS_EXIT_OK;
}
