// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope validate [--gfp CLASS] [--orders A-B] [--node N]
 *
 * The watermark model against the page allocator of this machine: for
 * each order and node, a fresh sample of zoneinfo, buddyinfo and
 * pagetypeinfo, the model's headroom per zone of the node, then the
 * companion module's probe (kmod/README) makes that many requests and
 * a margin more, "alloc ORDER COUNT CLASS NODE" (alloc_pages_node()
 * with __GFP_THISNODE, so only the node's own zones serve them), and
 * says how many each zone served. Predicted against actual per zone,
 * within the tolerance of analysis/validate.h.
 *
 * The probe takes the node's memory down to the class's watermark for
 * a moment (atomic: into the reserves only atomic requests may use):
 * run it on test machines.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analysis/atomic.h"
#include "analysis/validate.h"
#include "cmd.h"
#include "proc/probe.h"
#include "view/atomic.h"
#include "view/validate.h"
#include "view/view.h"
#include "lib/banned.h"

enum { OPT_ORDERS = 0x600, OPT_GFP };

struct validate_opts {
	struct ms_order_range orders;
	enum ms_gfp_class cls;
	const char *gfp;
	int node;
};

static const struct argp_option validate_options[] = {
	{ "gfp", OPT_GFP, "CLASS", 0,
	  "atomic (default), nowait or kernel: the probe's classes", 0 },
	{ "orders", OPT_ORDERS, "A-B", 0,
	  "Orders A to B (default: every order of buddyinfo)", 0 },
	{ "node", 'n', "N", 0, "Only node N (default: every node)", 0 },
	{ 0 }
};

static error_t validate_parse(int key, char *arg, struct argp_state *state)
{
	struct validate_opts *o = state->input;
	enum ms_gfp_zone zone;

	switch (key) {
	case OPT_GFP:
		if (ms_gfp_parse(arg, &o->cls, &zone) || zone != MS_GFPZ_NORMAL)
			argp_error(state,
				   "--gfp: expected atomic, nowait or "
				   "kernel, found '%s'",
				   arg);
		o->gfp = arg;
		break;
	case OPT_ORDERS:
		ms_cmd_parse_orders(state, arg, &o->orders);
		break;
	case 'n':
		o->node =
			(int)ms_parse_uint_arg(state, "--node", arg, 0, 65535);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_validate_argp = {
	.options = validate_options,
	.parser = validate_parse,
	.doc = "Check the watermark model against the kernel: for each order "
	       "and node, predict the headroom of every zone, make the "
	       "memscope_scull probe allocate until it fails, and compare "
	       "per zone. An error within max(5 % of actual, pcp batch x "
	       "CPUs) passes. Root only, this machine only (no --root); the "
	       "probe briefly exhausts the node's memory down to the "
	       "class's watermark, so use test machines. Exit status 1 when "
	       "a prediction misses.",
};

/* Everything a run accumulates. */
struct run {
	struct ms_ctx *ctx;
	struct validate_opts *o;
	const char *probe_path;
	struct ms_probe limits;
	struct ms_validate_row *rows;
	size_t nr_rows, cap_rows;
	struct ms_validate_row *totals;
	size_t nr_totals, cap_totals;
	uint64_t skipped;
	uint64_t missed;
	bool warned;
};

static int push(void **arr, size_t *nr, size_t *cap, size_t size,
		const void *item)
{
	if (*nr == *cap) {
		size_t ncap = *cap ? *cap * 2 : 32;
		void *n = realloc(*arr, ncap * size);

		if (!n)
			return -ENOMEM;
		*arr = n;
		*cap = ncap;
	}
	memcpy((char *)*arr + *nr * size, item, size);
	(*nr)++;
	return 0;
}

static int read_probe(struct run *r, struct ms_probe *p)
{
	struct ms_diag diag = { 0 };
	char *buf;
	size_t len;
	int err;

	err = ms_source_read(&r->ctx->src, r->probe_path, &buf, &len, &diag);
	if (!err) {
		err = ms_probe_parse(p, buf, len,
				     ms_source_label(r->probe_path), &diag);
		free(buf);
	}
	if (err)
		ms_error_diag(&diag);
	return err;
}

/*
 * Fold the per-CPU vmstat deltas into NR_FREE_PAGES (vmstat_refresh(),
 * root only) so that zoneinfo reads what the allocator will check;
 * without it the count may lag by up to CPUs x "vm stats threshold".
 */
static void refresh_stats(struct run *r)
{
	struct ms_diag diag;

	ms_source_write_file(&r->ctx->src, "proc/sys/vm/stat_refresh", "1\n",
			     &diag);
}

/* A fresh sample of the model's inputs. */
static int sample(struct run *r)
{
	struct ms_ctx *ctx = r->ctx;
	struct ms_diag diag = { 0 };
	int err;

	refresh_stats(r);
	ms_snapshot_drop(&ctx->snap);
	if (!r->warned) {
		r->warned = true;
		if (ms_cmd_need(ctx, MS_FILE_ZONEINFO, true) < 0 ||
		    ms_cmd_need(ctx, MS_FILE_BUDDYINFO, false) < 0 ||
		    ms_cmd_need(ctx, MS_FILE_PAGETYPEINFO, false) < 0)
			return -1;
		return 0;
	}
	/* The files were readable before; a failure now is an error. */
	err = ms_snapshot_load(&ctx->snap, MS_FILE_ZONEINFO, &diag);
	if (err) {
		ms_error_diag(&diag);
		return -1;
	}
	err = ms_snapshot_load(&ctx->snap, MS_FILE_BUDDYINFO, &diag);
	if (err == -EINVAL || err == -ENOMEM) {
		ms_error_diag(&diag);
		return -1;
	}
	err = ms_snapshot_load(&ctx->snap, MS_FILE_PAGETYPEINFO, &diag);
	if (err == -EINVAL || err == -ENOMEM) {
		ms_error_diag(&diag);
		return -1;
	}
	return 0;
}

static int eval(struct run *r, unsigned int order, int node, struct ms_era *era,
		struct ms_atomic_result *res)
{
	struct ms_ctx *ctx = r->ctx;
	struct ms_atomic_request req = { r->o->cls, MS_GFPZ_NORMAL, order,
					 node };
	struct ms_atomic_input in;
	int err;

	ms_cmd_era(ctx, era);
	in.zi = ms_snapshot_get(&ctx->snap, MS_FILE_ZONEINFO);
	in.bi = ms_snapshot_get(&ctx->snap, MS_FILE_BUDDYINFO);
	in.pt = ms_snapshot_get(&ctx->snap, MS_FILE_PAGETYPEINFO);
	in.era = era;
	err = ms_atomic_eval(&in, &req, res);
	if (err == -ENOENT)
		return 1; /* no zone of the node can serve the class */
	if (err) {
		ms_error("cannot model order %u: %s", order, strerror(-err));
		return -1;
	}
	return 0;
}

/*
 * The probe, "alloc ORDER COUNT CLASS NODE", and its answer checked
 * against the command.
 */
static int run_probe(struct run *r, unsigned int order, uint64_t count,
		     int node, struct ms_probe *p)
{
	struct ms_diag diag = { 0 };
	char cmd[96];

	snprintf(cmd, sizeof(cmd), "alloc %u %llu %s %d\n", order,
		 (unsigned long long)count, ms_gfp_class_name(r->o->cls), node);
	if (ms_source_write_file(&r->ctx->src, r->probe_path, cmd, &diag)) {
		ms_error_diag(&diag);
		return -1;
	}
	if (read_probe(r, p))
		return -1;
	if (p->cmd != MS_PROBE_ALLOC || p->order != order || p->node != node ||
	    p->requested != count ||
	    strcmp(p->cls, ms_gfp_class_name(r->o->cls))) {
		ms_error("%s: expected the result of 'alloc %u %llu %s %d'",
			 ms_source_label(r->probe_path), order,
			 (unsigned long long)count,
			 ms_gfp_class_name(r->o->cls), node);
		ms_probe_release(p);
		return -1;
	}
	return 0;
}

static bool zone_listed(const struct ms_atomic_result *res, int node,
			const char *zone)
{
	size_t z;

	for (z = 0; z < res->nr_zones; z++)
		if (res->zones[z].zone->node == node &&
		    !strcmp(res->zones[z].zone->name, zone))
			return true;
	return false;
}

static void judge(struct ms_validate_row *row, const struct ms_zone *z)
{
	row->error = ms_validate_error(row->predicted, row->actual);
	row->tolerance = ms_validate_tolerance(z, row->actual);
	row->within = ms_validate_within(row->error, row->tolerance);
}

/* One order on one node: predict, probe, compare. */
static int check_node(struct run *r, unsigned int order, int node,
		      const struct ms_atomic_result *res)
{
	struct ms_validate_row total = { 0 }, row;
	const struct ms_zoneinfo *zi =
		ms_snapshot_get(&r->ctx->snap, MS_FILE_ZONEINFO);
	size_t z, first = r->nr_rows;
	uint64_t slack = 0;
	struct ms_probe p;
	int err = -1;

	total.node = node;
	total.order = order;
	for (z = 0; z < res->nr_zones; z++) {
		const struct ms_atomic_zone *az = &res->zones[z];

		if (az->zone->node != node)
			continue;
		total.predicted += az->headroom;
		slack += ms_validate_tolerance(az->zone, 0);
	}
	total.requested = ms_validate_request(total.predicted, slack,
					      r->limits.max_count);
	if (run_probe(r, order, total.requested, node, &p))
		return -1;
	for (z = 0; z < res->nr_zones; z++) {
		const struct ms_atomic_zone *az = &res->zones[z];

		if (az->zone->node != node)
			continue;
		memset(&row, 0, sizeof(row));
		row.node = node;
		snprintf(row.zone, sizeof(row.zone), "%s", az->zone->name);
		row.order = order;
		row.predicted = az->headroom;
		row.actual = ms_probe_zone_count(&p, node, az->zone->name);
		row.in_model = true;
		judge(&row, az->zone);
		if (push((void **)&r->rows, &r->nr_rows, &r->cap_rows,
			 sizeof(row), &row))
			goto out_nomem;
	}
	/* A zone the model left out (or of another node) that served some. */
	for (z = 0; z < p.nr_zones; z++) {
		const struct ms_probe_zone *pz = &p.zones[z];
		const struct ms_zone *zz;

		if (pz->node == node && zone_listed(res, pz->node, pz->zone))
			continue;
		zz = ms_zoneinfo_find(zi, pz->node, pz->zone);
		memset(&row, 0, sizeof(row));
		row.node = pz->node;
		snprintf(row.zone, sizeof(row.zone), "%s", pz->zone);
		row.order = order;
		row.actual = pz->count;
		judge(&row, zz);
		if (push((void **)&r->rows, &r->nr_rows, &r->cap_rows,
			 sizeof(row), &row))
			goto out_nomem;
	}
	total.actual = p.succeeded;
	total.error = ms_validate_error(total.predicted, total.actual);
	/* every request made succeeded: the limit was not reached */
	total.skipped = total.requested == r->limits.max_count &&
			p.succeeded == total.requested;
	for (z = first; z < r->nr_rows; z++) {
		struct ms_validate_row *zr = &r->rows[z];

		total.tolerance += zr->tolerance;
		zr->skipped = total.skipped;
		if (zr->skipped)
			r->skipped++;
		else if (!zr->within)
			r->missed++;
	}
	total.within = ms_validate_within(total.error, total.tolerance);
	if (push((void **)&r->totals, &r->nr_totals, &r->cap_totals,
		 sizeof(total), &total))
		goto out_nomem;
	ms_view_validate_progress(r->ctx->out, r->rows + first,
				  r->nr_rows - first, &total);
	err = 0;
	goto out_release;

out_nomem:
	ms_error("out of memory");
out_release:
	ms_probe_release(&p);
	return err;
}

/* The probe's file: debugfs, or /proc when the module found no debugfs. */
static const char *find_probe(struct ms_ctx *ctx)
{
	if (ms_source_exists(&ctx->src, MS_PROBE_PATH))
		return MS_PROBE_PATH;
	if (ms_source_exists(&ctx->src, MS_PROBE_PATH_PROC))
		return MS_PROBE_PATH_PROC;
	return NULL;
}

/* Nodes of the zoneinfo, or just --node. */
static bool node_wanted(const struct run *r, const struct ms_zoneinfo *zi,
			size_t i)
{
	return r->o->node < 0 || zi->nodes[i].node == r->o->node;
}

static int validate(struct run *r)
{
	struct ms_ctx *ctx = r->ctx;
	const struct ms_buddyinfo *bi;
	const struct ms_zoneinfo *zi;
	struct ms_atomic_result res;
	struct ms_era era;
	unsigned int order, nr_orders;
	bool begun = false;
	size_t i;
	int err;

	if (sample(r))
		return MS_EXIT_FAIL;
	bi = ms_snapshot_get(&ctx->snap, MS_FILE_BUDDYINFO);
	zi = ms_snapshot_get(&ctx->snap, MS_FILE_ZONEINFO);
	nr_orders = bi ? bi->nr_orders : r->limits.max_order + 1;
	if (nr_orders > r->limits.max_order + 1)
		nr_orders = r->limits.max_order + 1;
	if (r->o->orders.first < 0) {
		r->o->orders.first = 0;
		r->o->orders.last = (int)nr_orders - 1;
	}
	if ((unsigned int)r->o->orders.last >= nr_orders) {
		ms_error("order %d: this kernel and the probe have orders 0 "
			 "to %u",
			 r->o->orders.last, nr_orders - 1);
		return MS_EXIT_USAGE;
	}
	if (r->o->node >= 0 && !ms_zoneinfo_node(zi, r->o->node)) {
		ms_error("node %d: no such node in zoneinfo", r->o->node);
		return MS_EXIT_USAGE;
	}
	for (order = (unsigned int)r->o->orders.first;
	     order <= (unsigned int)r->o->orders.last; order++) {
		for (i = 0; i < zi->nr_nodes; i++) {
			int node = zi->nodes[i].node;

			if (!node_wanted(r, zi, i))
				continue;
			/* the previous probe changed the free lists */
			if (begun && sample(r))
				return MS_EXIT_FAIL;
			zi = ms_snapshot_get(&ctx->snap, MS_FILE_ZONEINFO);
			err = eval(r, order, node, &era, &res);
			if (err < 0)
				return MS_EXIT_FAIL;
			if (err > 0)
				continue;
			if (!begun) {
				ms_view_source(ctx->out, &ctx->snap);
				ms_view_validate_begin(
					ctx->out, r->o->gfp,
					(unsigned int)r->o->orders.first,
					(unsigned int)r->o->orders.last, &era,
					r->probe_path);
			}
			begun = true;
			err = check_node(r, order, node, &res);
			ms_atomic_result_release(&res);
			if (err)
				return MS_EXIT_FAIL;
		}
	}
	if (!begun) {
		ms_error("no node has a zone that can serve %s requests",
			 r->o->gfp);
		return MS_EXIT_FAIL;
	}
	ms_view_validate_end(ctx->out, r->rows, r->nr_rows, r->totals,
			     r->nr_totals, r->skipped, r->missed);
	if (r->missed) {
		/* a verdict, not an error: the document is written */
		ctx->output_on_failure = true;
		ms_error("the model missed %llu of %llu zone/order predictions",
			 (unsigned long long)r->missed,
			 (unsigned long long)(r->nr_rows - r->skipped));
		return MS_EXIT_FAIL;
	}
	return MS_EXIT_OK;
}

int cmd_validate(struct ms_ctx *ctx, int argc, char **argv)
{
	struct validate_opts o = { { -1, -1 }, MS_GFP_ATOMIC, "atomic", -1 };
	struct run r = { 0 };
	int ret;

	ret = ms_cmd_parse(ctx, &cmd_validate_argp, argc, argv, &o);
	if (ret)
		return ret;
	if (ctx->opts.root) {
		ms_error("validate runs the probe on this machine; --root is "
			 "not allowed");
		return MS_EXIT_USAGE;
	}
	ret = ms_cmd_start(ctx);
	if (ret)
		return ret;
	r.ctx = ctx;
	r.o = &o;
	r.probe_path = find_probe(ctx);
	if (!r.probe_path) {
		ms_error("%s: no such file (is memscope_scull loaded?)",
			 MS_PROBE_PATH);
		return MS_EXIT_FAIL;
	}
	if (read_probe(&r, &r.limits))
		return MS_EXIT_FAIL;
	ret = validate(&r);
	ms_probe_release(&r.limits);
	free(r.rows);
	free(r.totals);
	return ret;
}
