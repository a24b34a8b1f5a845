// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope fleet [--order N] [--top N] DIR...
 *
 * Many snapshots at once, one per host (memscope snapshot, or unpacked
 * sosreports): the zones with the least GFP_ATOMIC headroom and the most
 * fragmentation, and the largest slab caches and vmalloc callers across
 * all hosts. Each host is read, reduced to a few rows and released, so
 * memory stays flat however many hosts there are.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/atomic.h"
#include "analysis/frag.h"
#include "analysis/slab.h"
#include "analysis/vmalloc.h"
#include "cmd.h"
#include "out/units.h"
#include "proc/kv.h"
#include "proc/slabinfo.h"
#include "proc/vmallocinfo.h"
#include "view/view.h"
#include "lib/banned.h"

struct fleet_opts {
	unsigned int order;
	unsigned int top;
	char **dirs;
	int nr_dirs;
};

struct zone_row {
	char *host;
	int node;
	char zone[MS_ZONE_NAME_MAX];
	uint64_t free_pages;
	uint64_t page_size;
	uint64_t headroom;
	bool passes;
	int unusable;
	int extfrag;
	bool have_frag;
};

struct use_row {
	char *host;
	char *name;
	uint64_t bytes;
};

struct rows {
	struct zone_row *zones;
	size_t nr_zones, cap_zones;
	struct use_row *slab;
	size_t nr_slab, cap_slab;
	struct use_row *vmalloc;
	size_t nr_vmalloc, cap_vmalloc;
};

static const struct argp_option fleet_options[] = {
	{ "order", 'o', "N", 0,
	  "Rank zones by the headroom of order-N "
	  "GFP_ATOMIC requests and the fragmentation at N (default 3)",
	  0 },
	{ "top", 't', "N", 0, "Rows per table (default 10)", 0 },
	{ 0 }
};

static error_t fleet_parse(int key, char *arg, struct argp_state *state)
{
	struct fleet_opts *o = state->input;

	switch (key) {
	case 'o':
		o->order = (unsigned int)ms_parse_uint_arg(
			state, "--order", arg, 0, MS_MAX_ORDERS - 1);
		break;
	case 't':
		o->top = (unsigned int)ms_parse_uint_arg(state, "--top", arg, 1,
							 100000);
		break;
	case ARGP_KEY_ARGS:
		o->dirs = state->argv + state->next;
		o->nr_dirs = state->argc - state->next;
		state->next = state->argc;
		break;
	case ARGP_KEY_NO_ARGS:
		argp_error(state, "expected one or more snapshot directories");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_fleet_argp = {
	.options = fleet_options,
	.parser = fleet_parse,
	.args_doc = "DIR...",
	.doc = "Compare snapshots of many hosts (one directory each, as "
	       "written by memscope snapshot): the zones with the least "
	       "GFP_ATOMIC headroom and the most fragmentation, and the "
	       "largest slab caches and vmalloc callers across hosts. A host "
	       "that cannot be read is a warning.",
};

/* Grows an array of @size-byte rows; false when out of memory. */
static bool grow(void **arr, size_t *cap, size_t n, size_t size)
{
	void *p;
	size_t ncap;

	if (n < *cap)
		return true;
	ncap = *cap ? *cap * 2 : 64;
	p = realloc(*arr, ncap * size);
	if (!p)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

static int add_use(struct use_row **arr, size_t *n, size_t *cap,
		   const char *host, const char *name, const char *module,
		   uint64_t bytes)
{
	struct use_row *r;
	size_t len;

	if (!grow((void **)arr, cap, *n, sizeof(**arr)))
		return -ENOMEM;
	r = &(*arr)[*n];
	r->host = strdup(host);
	len = strlen(name) + (module ? strlen(module) + 3 : 0) + 1;
	r->name = malloc(len);
	if (!r->host || !r->name) {
		free(r->host);
		free(r->name);
		return -ENOMEM;
	}
	snprintf(r->name, len, module ? "%s [%s]" : "%s", name,
		 module ? module : "");
	r->bytes = bytes;
	(*n)++;
	return 0;
}

static int host_zones(struct rows *rows, const char *host,
		      struct ms_snapshot *snap, struct ms_era *era,
		      unsigned int order)
{
	const struct ms_zoneinfo *zi = ms_snapshot_get(snap, MS_FILE_ZONEINFO);
	const struct ms_buddyinfo *bi =
		ms_snapshot_get(snap, MS_FILE_BUDDYINFO);
	struct ms_atomic_input in = {
		zi, bi, ms_snapshot_get(snap, MS_FILE_PAGETYPEINFO), era
	};
	size_t n, z;

	for (n = 0; n < zi->nr_nodes; n++) {
		struct ms_atomic_request req = { MS_GFP_ATOMIC, MS_GFPZ_NORMAL,
						 order, zi->nodes[n].node };
		struct ms_atomic_result res;
		int err = ms_atomic_eval(&in, &req, &res);

		if (err == -ENOENT) /* a memoryless node */
			continue;
		if (err)
			return err;
		for (z = 0; z < res.nr_zones; z++) {
			const struct ms_atomic_zone *az = &res.zones[z];
			const struct ms_buddy_zone *bz;
			struct zone_row *r;

			if (az->zone->node != zi->nodes[n].node)
				continue;
			if (!grow((void **)&rows->zones, &rows->cap_zones,
				  rows->nr_zones, sizeof(*rows->zones))) {
				ms_atomic_result_release(&res);
				return -ENOMEM;
			}
			r = &rows->zones[rows->nr_zones];
			memset(r, 0, sizeof(*r));
			r->host = strdup(host);
			if (!r->host) {
				ms_atomic_result_release(&res);
				return -ENOMEM;
			}
			rows->nr_zones++;
			r->node = az->zone->node;
			snprintf(r->zone, sizeof(r->zone), "%s",
				 az->zone->name);
			r->free_pages = az->zone->free_pages;
			r->page_size = snap->meta.page_size;
			r->headroom = az->headroom;
			r->passes = az->passes;
			bz = bi ? ms_buddyinfo_find(bi, r->node, r->zone) :
				  NULL;
			if (bz && order < bi->nr_orders) {
				struct ms_contig info;

				ms_frag_contig(bz->free_blocks, bi->nr_orders,
					       order, &info);
				r->unusable = ms_frag_unusable(&info, order);
				r->extfrag = ms_frag_extfrag(&info, order);
				r->have_frag = true;
			}
		}
		ms_atomic_result_release(&res);
	}
	return 0;
}

static int host_slab(struct rows *rows, const char *host,
		     struct ms_snapshot *snap)
{
	const struct ms_slabinfo *si = ms_snapshot_get(snap, MS_FILE_SLABINFO);
	struct ms_diag d = { 0 };
	struct ms_slab_model m;
	size_t i;
	int err = 0;

	if (ms_slab_model_build(&m, si, snap->meta.page_size, &d))
		return -ENOMEM;
	for (i = 0; i < m.nr_rows && !err; i++)
		if (m.rows[i].bytes)
			err = add_use(&rows->slab, &rows->nr_slab,
				      &rows->cap_slab, host,
				      m.rows[i].cache->name, NULL,
				      m.rows[i].bytes);
	ms_slab_model_release(&m);
	return err;
}

static int host_vmalloc(struct rows *rows, const char *host,
			struct ms_snapshot *snap)
{
	const struct ms_vmallocinfo *vi =
		ms_snapshot_get(snap, MS_FILE_VMALLOCINFO);
	struct ms_vmalloc_opts vo = { .page_size_bytes = snap->meta.page_size };
	struct ms_vmalloc_stats st;
	size_t i;
	int err = 0;

	if (ms_vmalloc_analyze(&st, vi, &vo))
		return -ENOMEM;
	for (i = 0; i < st.nr_by_symbol && !err; i++)
		err = add_use(&rows->vmalloc, &rows->nr_vmalloc,
			      &rows->cap_vmalloc, host,
			      st.by_symbol[i].name ? st.by_symbol[i].name :
						     "(no caller)",
			      st.by_symbol[i].module,
			      st.by_symbol[i].size_bytes);
	ms_vmalloc_stats_release(&st);
	return err;
}

/* The name of a host: its meta hostname, else the directory's name. */
static void host_name(char *buf, size_t size, const struct ms_snapshot *snap,
		      const char *dir)
{
	const char *base = strrchr(dir, '/');
	size_t n;

	if (snap->meta.hostname[0]) {
		snprintf(buf, size, "%s", snap->meta.hostname);
		return;
	}
	snprintf(buf, size, "%s", base && base[1] ? base + 1 : dir);
	n = strlen(buf);
	while (n > 1 && buf[n - 1] == '/')
		buf[--n] = '\0';
}

static int cmp_zone(const void *a, const void *b)
{
	const struct zone_row *x = a, *y = b;

	if (x->headroom != y->headroom)
		return x->headroom < y->headroom ? -1 : 1;
	if (x->unusable != y->unusable)
		return x->unusable > y->unusable ? -1 : 1;
	return strcmp(x->host, y->host);
}

static int cmp_use(const void *a, const void *b)
{
	const struct use_row *x = a, *y = b;
	int c;

	if (x->bytes != y->bytes)
		return x->bytes > y->bytes ? -1 : 1;
	c = strcmp(x->host, y->host);
	return c ? c : strcmp(x->name, y->name);
}

/* Reads one host; on failure returns the message to warn with. */
static int one_host(struct ms_ctx *ctx, struct fleet_opts *o, struct rows *rows,
		    const char *dir, char *why, size_t why_size)
{
	static const enum ms_file_id opt[] = {
		MS_FILE_BUDDYINFO,
		MS_FILE_PAGETYPEINFO,
		MS_FILE_SLABINFO,
		MS_FILE_VMALLOCINFO,
	};
	struct ms_diag d = { 0 };
	struct ms_snapshot snap;
	struct ms_source src;
	char host[128];
	struct ms_era era;
	int err;
	size_t i;

	err = ms_source_init(&src, dir, &d);
	if (err) {
		ms_diag_format(&d, why, why_size);
		return err;
	}
	err = ms_snapshot_init(&snap, &src, ctx->opts.page_size, &d);
	if (!err)
		err = ms_snapshot_load(&snap, MS_FILE_ZONEINFO, &d);
	for (i = 0; !err && i < ARRAY_SIZE(opt); i++) {
		int e = ms_snapshot_load(&snap, opt[i], &d);

		if (e == -EINVAL || e == -ENOMEM)
			err = e; /* malformed: the host's data is suspect */
	}
	if (err) {
		char msg[400];

		ms_diag_format(&d, msg, sizeof(msg));
		snprintf(why, why_size, "%s: %s", dir, msg);
		goto out;
	}
	host_name(host, sizeof(host), &snap, dir);
	{
		struct ms_ctx hctx = { .opts = ctx->opts, .snap = snap };

		ms_cmd_era(&hctx, &era);
	}
	err = host_zones(rows, host, &snap, &era, o->order);
	if (!err && ms_snapshot_get(&snap, MS_FILE_SLABINFO))
		err = host_slab(rows, host, &snap);
	if (!err && ms_snapshot_get(&snap, MS_FILE_VMALLOCINFO))
		err = host_vmalloc(rows, host, &snap);
	if (err)
		snprintf(why, why_size, "%s: %s", dir, strerror(-err));
out:
	ms_snapshot_release(&snap);
	ms_source_release(&src);
	return err;
}

static void print_zones(struct ms_out *out, struct rows *rows, unsigned int top,
			unsigned int order)
{
	char buf[32];
	size_t i;

	ms_out_text(out,
		    "Zones with the least GFP_ATOMIC headroom at order "
		    "%u:\n%-20s %4s %-8s %10s %10s %9s %8s\n",
		    order, "HOST", "NODE", "ZONE", "FREE", "HEADROOM",
		    "UNUSABLE", "EXTFRAG");
	ms_out_arr_open(out, "zones");
	for (i = 0; i < rows->nr_zones && i < top; i++) {
		const struct zone_row *r = &rows->zones[i];

		ms_out_obj_open(out, NULL);
		ms_out_str(out, "host", "%-20.20s", r->host);
		ms_out_s64(out, "node", " %4" PRId64, r->node);
		ms_out_str(out, "zone", " %-8s", r->zone);
		ms_out_u64(out, "free_pages", NULL, r->free_pages);
		ms_out_text(out, " %10s",
			    ms_units_bytes(buf, sizeof(buf),
					   r->free_pages * r->page_size));
		ms_out_u64(out, "headroom", NULL, r->headroom);
		ms_out_text(out, " %10s",
			    r->passes ? ms_units_count(buf, sizeof(buf),
						       r->headroom) :
					"fails");
		ms_out_bool(out, "passes", NULL, r->passes);
		if (r->have_frag) {
			ms_out_milli(out, "unusable_index", " %9s",
				     r->unusable);
			ms_out_milli(out, "extfrag_index", " %8s", r->extfrag);
		} else {
			ms_out_null(out, "unusable_index", " %9s");
			ms_out_null(out, "extfrag_index", " %8s");
		}
		ms_out_text(out, "\n");
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
}

static void print_use(struct ms_out *out, const char *key, const char *title,
		      const struct use_row *rows, size_t n, unsigned int top)
{
	char buf[32];
	size_t i;

	ms_out_text(out, "\n%s:\n%-20s %-45s %12s\n", title, "HOST", "NAME",
		    "BYTES");
	ms_out_arr_open(out, key);
	for (i = 0; i < n && i < top; i++) {
		ms_out_obj_open(out, NULL);
		ms_out_str(out, "host", "%-20.20s", rows[i].host);
		ms_out_str(out, "name", " %-45.45s", rows[i].name);
		ms_out_u64(out, "bytes", NULL, rows[i].bytes);
		ms_out_text(out, " %12s\n",
			    ms_units_bytes(buf, sizeof(buf), rows[i].bytes));
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
}

static void free_rows(struct rows *rows)
{
	size_t i;

	for (i = 0; i < rows->nr_zones; i++)
		free(rows->zones[i].host);
	for (i = 0; i < rows->nr_slab; i++) {
		free(rows->slab[i].host);
		free(rows->slab[i].name);
	}
	for (i = 0; i < rows->nr_vmalloc; i++) {
		free(rows->vmalloc[i].host);
		free(rows->vmalloc[i].name);
	}
	free(rows->zones);
	free(rows->slab);
	free(rows->vmalloc);
}

int cmd_fleet(struct ms_ctx *ctx, int argc, char **argv)
{
	struct fleet_opts o = { .order = 3, .top = 10 };
	struct rows rows = { 0 };
	int ret, i, read_ok = 0;

	ret = ms_cmd_parse(ctx, &cmd_fleet_argp, argc, argv, &o);
	if (ret)
		return ret;
	if (ctx->opts.root) {
		ms_error("fleet takes the snapshot directories as arguments, "
			 "not --root");
		return MS_EXIT_USAGE;
	}
	ret = ms_cmd_start(ctx);
	if (ret)
		return ret;
	ms_out_arr_open(ctx->out, "hosts");
	for (i = 0; i < o.nr_dirs; i++) {
		char why[512];

		if (one_host(ctx, &o, &rows, o.dirs[i], why, sizeof(why))) {
			ms_out_warn(ctx->out, "%s", why);
			continue;
		}
		ms_out_str(ctx->out, NULL, NULL, o.dirs[i]);
		read_ok++;
	}
	ms_out_arr_close(ctx->out);
	if (!read_ok) {
		ms_error("no snapshot could be read");
		free_rows(&rows);
		return MS_EXIT_FAIL;
	}
	/* qsort() with a NULL array is undefined even for 0 elements */
	if (rows.nr_zones)
		qsort(rows.zones, rows.nr_zones, sizeof(*rows.zones), cmp_zone);
	if (rows.nr_slab)
		qsort(rows.slab, rows.nr_slab, sizeof(*rows.slab), cmp_use);
	if (rows.nr_vmalloc)
		qsort(rows.vmalloc, rows.nr_vmalloc, sizeof(*rows.vmalloc),
		      cmp_use);
	ms_out_u64(ctx->out, "order", NULL, o.order);
	print_zones(ctx->out, &rows, o.top, o.order);
	print_use(ctx->out, "slab", "Largest slab caches", rows.slab,
		  rows.nr_slab, o.top);
	print_use(ctx->out, "vmalloc", "Largest vmalloc callers", rows.vmalloc,
		  rows.nr_vmalloc, o.top);
	free_rows(&rows);
	return MS_EXIT_OK;
}
