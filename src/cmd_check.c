// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope check --order N [--gfp CLASS] [--warn H] [--crit H]
 *
 * A monitoring plugin: one status line with performance data, and the
 * exit codes of the Nagios plugin guidelines (0 OK, 1 WARNING,
 * 2 CRITICAL, 3 UNKNOWN), which every Nagios, Icinga, Sensu or
 * check_mk setup understands. Any error, usage errors included, is
 * UNKNOWN.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/atomic.h"
#include "cmd.h"
#include "view/atomic.h"
#include "view/view.h"
#include "lib/banned.h"

enum {
	CHECK_OK = 0,
	CHECK_WARNING = 1,
	CHECK_CRITICAL = 2,
	CHECK_UNKNOWN = 3,
};

enum { OPT_GFP = 0x500, OPT_WARN, OPT_CRIT };

struct check_opts {
	struct ms_atomic_opts a;
	bool have_warn, have_crit;
	uint64_t warn, crit;
};

static const struct argp_option check_options[] = {
	{ "order", 'o', "N", 0, "The order to check (required)", 0 },
	{ "gfp", OPT_GFP, "CLASS", 0,
	  "atomic (default), nowait, kernel, dma or dma32", 0 },
	{ "node", 'n', "N", 0, "Preferred node (default: the lowest)", 0 },
	{ "warn", OPT_WARN, "H", 0,
	  "WARNING when fewer than H requests would succeed", 0 },
	{ "crit", OPT_CRIT, "H", 0,
	  "CRITICAL when fewer than H requests would succeed", 0 },
	{ 0 }
};

static error_t check_parse(int key, char *arg, struct argp_state *state)
{
	struct check_opts *o = state->input;

	switch (key) {
	case 'o':
		o->a.orders.first = o->a.orders.last = (int)ms_parse_uint_arg(
			state, "--order", arg, 0, MS_MAX_ORDERS - 1);
		o->a.single = true;
		break;
	case OPT_GFP:
		if (ms_gfp_parse(arg, &o->a.req.cls, &o->a.req.zone))
			argp_error(state,
				   "--gfp: expected atomic, nowait, "
				   "kernel, dma or dma32, found '%s'",
				   arg);
		o->a.gfp = arg;
		break;
	case 'n':
		o->a.req.node =
			(int)ms_parse_uint_arg(state, "--node", arg, 0, 65535);
		break;
	case OPT_WARN:
		o->warn =
			ms_parse_uint_arg(state, "--warn", arg, 0, UINT64_MAX);
		o->have_warn = true;
		break;
	case OPT_CRIT:
		o->crit =
			ms_parse_uint_arg(state, "--crit", arg, 0, UINT64_MAX);
		o->have_crit = true;
		break;
	case ARGP_KEY_END:
		if (!o->a.single)
			argp_error(state, "--order is required");
		if (o->have_warn && o->have_crit && o->crit > o->warn)
			argp_error(state,
				   "--crit %" PRIu64 " is above --warn "
				   "%" PRIu64 ": headroom thresholds count "
				   "down",
				   o->crit, o->warn);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_check_argp = {
	.options = check_options,
	.parser = check_parse,
	.doc = "A monitoring check of the headroom of order-N requests: one "
	       "status line with performance data and the Nagios exit codes "
	       "0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. Without --warn and "
	       "--crit the model's risk level decides: fail is CRITICAL, high "
	       "is WARNING.",
};

static const char *const status_name[] = { "OK", "WARNING", "CRITICAL",
					   "UNKNOWN" };

int cmd_check(struct ms_ctx *ctx, int argc, char **argv)
{
	struct ms_atomic_result *res;
	struct check_opts o = { 0 };
	const struct ms_atomic_result *r;
	char reason[160];
	struct ms_era era;
	size_t nr, i, passing = 0;
	int status;
	int ret;

	ms_atomic_opts_init(&o.a);
	/* usage errors are UNKNOWN to a monitoring system, not 2 */
	argp_err_exit_status = CHECK_UNKNOWN;
	ctx->output_on_failure = true;
	ret = ms_cmd_parse(ctx, &cmd_check_argp, argc, argv, &o);
	if (ret)
		return CHECK_UNKNOWN;
	ret = ms_cmd_start(ctx);
	if (ret)
		return CHECK_UNKNOWN;
	ret = ms_cmd_atomic_eval(ctx, &o.a, &era, &res, &nr);
	if (ret) {
		ctx->output_on_failure = false;
		printf("MEMSCOPE UNKNOWN - cannot evaluate the model\n");
		return CHECK_UNKNOWN;
	}
	r = &res[0];
	if (o.have_crit && r->headroom < o.crit) {
		status = CHECK_CRITICAL;
		snprintf(reason, sizeof(reason), "below --crit %" PRIu64,
			 o.crit);
	} else if (o.have_warn && r->headroom < o.warn) {
		status = CHECK_WARNING;
		snprintf(reason, sizeof(reason), "below --warn %" PRIu64,
			 o.warn);
	} else if (!o.have_warn && !o.have_crit && r->risk == MS_RISK_FAIL) {
		status = CHECK_CRITICAL;
		snprintf(reason, sizeof(reason), "risk fail");
	} else if (!o.have_warn && !o.have_crit && r->risk == MS_RISK_HIGH) {
		status = CHECK_WARNING;
		snprintf(reason, sizeof(reason), "risk high");
	} else {
		status = CHECK_OK;
		snprintf(reason, sizeof(reason), "risk %s",
			 ms_risk_name(r->risk));
	}
	ms_out_str(ctx->out, "status", "MEMSCOPE %s", status_name[status]);
	ms_out_u64(ctx->out, "exit_code", NULL, (uint64_t)status);
	ms_out_str(ctx->out, "gfp", NULL, o.a.gfp);
	ms_out_text(ctx->out, " - %s", ms_gfp_display(o.a.gfp));
	ms_out_u64(ctx->out, "order", " order %" PRIu64, r->req.order);
	ms_out_u64(ctx->out, "headroom_total",
		   ": %" PRIu64 " more would succeed", r->headroom);
	ms_out_str(ctx->out, "risk", NULL, ms_risk_name(r->risk));
	ms_out_str(ctx->out, "reason", " (%s)", reason);
	if (o.have_warn)
		ms_out_u64(ctx->out, "warn", NULL, o.warn);
	else
		ms_out_null(ctx->out, "warn", NULL);
	if (o.have_crit)
		ms_out_u64(ctx->out, "crit", NULL, o.crit);
	else
		ms_out_null(ctx->out, "crit", NULL);
	ms_out_obj_open(ctx->out, "era");
	ms_out_str(ctx->out, "name", NULL, era.name);
	ms_out_str(ctx->out, "source", NULL, ms_era_source_name(era.source));
	ms_out_obj_close(ctx->out);
	/* Performance data, after "|": 'label'=value;warn;crit;min */
	ms_out_text(ctx->out, " | headroom=%" PRIu64 ";", r->headroom);
	if (o.have_warn)
		ms_out_text(ctx->out, "%" PRIu64, o.warn);
	ms_out_text(ctx->out, ";");
	if (o.have_crit)
		ms_out_text(ctx->out, "%" PRIu64, o.crit);
	for (i = 0; i < r->nr_zones; i++)
		passing += r->zones[i].passes;
	ms_out_text(ctx->out, ";0 zones_passing=%zu;;;0;%zu\n", passing,
		    r->nr_zones);
	ms_out_u64(ctx->out, "zones_passing", NULL, passing);
	ms_atomic_results_free(res, nr);
	/* exit codes are Nagios', not memscope's: see memscope(1) */
	return status;
}
