// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What every command shares: the global options, starting the source,
 * snapshot and output, loading files with the right severity, and the
 * error messages.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis/gfp.h"
#include "cmd.h"
#include "lib/kver.h"
#include "proc/pagetypeinfo.h"
#include "proc/zoneinfo.h"
#include "lib/banned.h"

enum {
	OPT_NO_COLOR = 0x100,
	OPT_PAGE_SIZE,
	OPT_KERNEL,
	OPT_FORMAT,
};

static const struct argp_option global_options[] = {
	{ "root", 'r', "DIR", 0,
	  "Read DIR/proc and DIR/sys instead of /proc and /sys (a snapshot "
	  "or an unpacked sosreport)",
	  -1 },
	{ "json", 'j', NULL, 0, "Print one JSON document (--format json)", -1 },
	{ "format", OPT_FORMAT, "FORMAT", 0,
	  "text (default), json, or prom (Prometheus text exposition, "
	  "summary only)",
	  -1 },
	{ "no-color", OPT_NO_COLOR, NULL, 0, "Never use colours", -1 },
	{ "page-size", OPT_PAGE_SIZE, "BYTES", 0,
	  "Page size of a --root capture without a meta file", -1 },
	{ "kernel", OPT_KERNEL, "VERSION", 0,
	  "Model the rules of kernel VERSION instead of the detected one", -1 },
	{ 0 }
};

uint64_t ms_parse_uint_arg(struct argp_state *state, const char *opt,
			   const char *arg, uint64_t min, uint64_t max)
{
	uint64_t v;

	if (ms_parse_u64(arg, strlen(arg), &v) || v < min || v > max)
		argp_error(state,
			   "%s: expected a number from %llu to %llu, "
			   "found '%s'",
			   opt, (unsigned long long)min,
			   (unsigned long long)max, arg);
	return v;
}

static error_t global_parse(int key, char *arg, struct argp_state *state)
{
	struct ms_opts *o = state->input;

	switch (key) {
	case 'r':
		o->root = arg;
		break;
	case 'j':
		o->json = true;
		o->prom = false;
		break;
	case OPT_FORMAT:
		if (!strcmp(arg, "text")) {
			o->json = o->prom = false;
		} else if (!strcmp(arg, "json")) {
			o->json = true;
			o->prom = false;
		} else if (!strcmp(arg, "prom")) {
			o->json = false;
			o->prom = true;
		} else {
			argp_error(state,
				   "--format: expected text, json or "
				   "prom, found '%s'",
				   arg);
		}
		break;
	case OPT_NO_COLOR:
		o->no_color = true;
		break;
	case OPT_PAGE_SIZE:
		o->page_size = ms_parse_uint_arg(state, "--page-size", arg, 512,
						 (uint64_t)1 << 30);
		if (o->page_size & (o->page_size - 1))
			argp_error(state,
				   "--page-size: expected a power of "
				   "two, found '%s'",
				   arg);
		break;
	case OPT_KERNEL: {
		struct ms_kver kv;

		if (ms_kver_parse(&kv, arg, strlen(arg)))
			argp_error(state,
				   "--kernel: expected a kernel release "
				   "such as 5.15 or 6.1.0-13-amd64, found '%s'",
				   arg);
		o->kernel = arg;
		break;
	}
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp ms_global_argp = {
	.options = global_options,
	.parser = global_parse,
};

struct cmd_input {
	struct ms_ctx *ctx;
	void *input;
};

static error_t wrap_parse(int key, char *arg MS_UNUSED,
			  struct argp_state *state)
{
	struct cmd_input *ci = state->input;

	if (key == ARGP_KEY_INIT) {
		state->child_inputs[0] = ci->input;
		state->child_inputs[1] = &ci->ctx->opts;
	}
	return ARGP_ERR_UNKNOWN;
}

int ms_cmd_parse(struct ms_ctx *ctx, const struct argp *argp, int argc,
		 char **argv, void *input)
{
	struct argp child = argp ? *argp : (struct argp){ 0 };
	struct argp_child children[] = { { &child, 0, NULL, 0 },
					 { &ms_global_argp, 0,
					   "Global options:", 0 },
					 { 0 } };
	struct argp wrap = {
		.parser = wrap_parse,
		.children = children,
		.args_doc = argp ? argp->args_doc : NULL,
		.doc = argp ? argp->doc : NULL,
	};
	struct cmd_input ci = { ctx, input };

	/* argp joins the usage of parent and child: say it once */
	child.args_doc = NULL;
	if (argp_parse(&wrap, argc, argv, 0, NULL, &ci))
		return MS_EXIT_USAGE;
	return MS_EXIT_OK;
}

void ms_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("memscope: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void ms_error_diag(const struct ms_diag *diag)
{
	char buf[512];

	ms_diag_format(diag, buf, sizeof(buf));
	ms_error("%s", buf);
}

static bool want_color(const struct ms_opts *o)
{
	const char *term = getenv("TERM");
	const char *nc = getenv("NO_COLOR");

	if (o->no_color || o->json || o->prom || (nc && nc[0]))
		return false;
	if (!term || !strcmp(term, "dumb"))
		return false;
	return isatty(STDOUT_FILENO);
}

int ms_cmd_start(struct ms_ctx *ctx)
{
	struct ms_diag diag = { 0 };

	if (ctx->opts.prom && !ctx->prom_capable) {
		ms_error("--format prom is written by the summary command "
			 "only: memscope --format prom [summary]");
		return MS_EXIT_USAGE;
	}
	if (ms_source_init(&ctx->src, ctx->opts.root, &diag)) {
		ms_error_diag(&diag);
		return MS_EXIT_FAIL;
	}
	if (ms_snapshot_init(&ctx->snap, &ctx->src, ctx->opts.page_size,
			     &diag)) {
		ms_error_diag(&diag);
		ms_source_release(&ctx->src);
		return MS_EXIT_FAIL;
	}
	ctx->out = ms_out_new(ctx->opts.json ? MS_OUT_JSON : MS_OUT_TEXT,
			      stdout, want_color(&ctx->opts));
	if (!ctx->out) {
		ms_error("out of memory");
		ms_snapshot_release(&ctx->snap);
		ms_source_release(&ctx->src);
		return MS_EXIT_FAIL;
	}
	ms_out_set_page_size(ctx->out, ctx->snap.meta.page_size);
	ctx->started = true;
	if (!strcmp(ctx->snap.meta.page_size_source, "default") &&
	    !ctx->no_page_size)
		ms_out_warn(ctx->out, "page size unknown (no meta file and no "
				      "--page-size), assuming 4096 bytes");
	return MS_EXIT_OK;
}

int ms_cmd_start_output(struct ms_ctx *ctx)
{
	if (ctx->opts.prom && !ctx->prom_capable) {
		ms_error("--format prom is written by the summary command "
			 "only: memscope --format prom [summary]");
		return MS_EXIT_USAGE;
	}
	/* nothing opened: what main() releases must be empty */
	memset(&ctx->snap, 0, sizeof(ctx->snap));
	ctx->src.root_fd = -1;
	ctx->src.root = NULL;
	ctx->out = ms_out_new(ctx->opts.json ? MS_OUT_JSON : MS_OUT_TEXT,
			      stdout, want_color(&ctx->opts));
	if (!ctx->out) {
		ms_error("out of memory");
		return MS_EXIT_FAIL;
	}
	ctx->started = true;
	return MS_EXIT_OK;
}

uint32_t ms_cmd_gfp_layout(struct ms_ctx *ctx, bool use_source,
			   const char **source)
{
	const char *rel = ctx->snap.meta.kernel_release;
	struct ms_kver kv;
	uint32_t kver;
	char kb[16];

	if (ctx->opts.kernel &&
	    !ms_kver_parse(&kv, ctx->opts.kernel, strlen(ctx->opts.kernel))) {
		*source = "override";
	} else if (use_source && ctx->started && rel[0] &&
		   !ms_kver_parse(&kv, rel, strlen(rel))) {
		*source = "release";
	} else {
		*source = "default";
		return 0;
	}
	kver = MS_GFP_KVER(kv.major, kv.minor);
	if (kver > MS_GFP_KVER_NEWEST) {
		ms_out_warn(
			ctx->out,
			"kernel %u.%u is newer than the GFP layouts "
			"memscope knows; the layout of %s is used",
			kv.major, kv.minor,
			ms_gfp_kver_format(MS_GFP_KVER_NEWEST, kb, sizeof(kb)));
		kver = MS_GFP_KVER_NEWEST;
	} else if (kver < MS_GFP_KVER(2, 6)) {
		ms_out_warn(ctx->out,
			    "kernel %u.%u is older than the GFP layouts "
			    "memscope knows; the layout of 2.6 is used",
			    kv.major, kv.minor);
		kver = MS_GFP_KVER(2, 6);
	}
	return kver;
}

int ms_cmd_need(struct ms_ctx *ctx, enum ms_file_id id, bool required)
{
	struct ms_diag diag = { 0 };
	int err = ms_snapshot_load(&ctx->snap, id, &diag);

	if (!err)
		return 0;
	if (required || err == -EINVAL || err == -ENOMEM) {
		ms_error_diag(&diag);
		return -1;
	}
	{
		char buf[512];

		ms_diag_format(&diag, buf, sizeof(buf));
		ms_out_warn(ctx->out, "%s", buf);
	}
	return 1;
}

void ms_cmd_era_of(struct ms_ctx *ctx, const struct ms_zoneinfo *zi,
		   const struct ms_pagetypeinfo *pt, struct ms_era *era)
{
	const char *rel = ctx->snap.meta.kernel_release;
	struct ms_era_features f;
	struct ms_kver kv, up;

	if (ctx->opts.kernel &&
	    !ms_kver_parse(&kv, ctx->opts.kernel, strlen(ctx->opts.kernel))) {
		ms_era_override(era, &kv);
		return;
	}
	ms_era_features_scan(&f, zi, pt);
	if (!rel[0] || ms_kver_parse(&kv, rel, strlen(rel))) {
		ms_era_detect(era, NULL, &f);
		return;
	}
	/*
	 * A distribution release such as Debian's "6.1.0-56-amd64" hides
	 * the stable update, whose backports change the rules: take the
	 * version proc/version names when it is the same series, later.
	 */
	if (ctx->snap.meta.kernel_version[0] &&
	    !ms_kver_parse(&up, ctx->snap.meta.kernel_version,
			   strlen(ctx->snap.meta.kernel_version)) &&
	    up.major == kv.major && up.minor == kv.minor && up.patch > kv.patch)
		kv = up;
	ms_era_detect(era, &kv, &f);
}

void ms_cmd_era(struct ms_ctx *ctx, struct ms_era *era)
{
	ms_cmd_era_of(ctx, ms_snapshot_get(&ctx->snap, MS_FILE_ZONEINFO),
		      ms_snapshot_get(&ctx->snap, MS_FILE_PAGETYPEINFO), era);
}

int ms_cmd_finish(struct ms_ctx *ctx, int status)
{
	if (!ctx->out)
		return status;
	/*
	 * A document is written only for a command that succeeded (or
	 * reported a risk), so stdout holds one complete document or
	 * nothing.
	 */
	if (status != MS_EXIT_OK && status != MS_EXIT_RISK &&
	    !ctx->output_on_failure && ms_out_is_json(ctx->out))
		return status;
	if (ms_out_finish(ctx->out)) {
		if (errno == EPIPE)
			return status;
		ms_error("write error on standard output: %s",
			 strerror(errno ? errno : EIO));
		return MS_EXIT_FAIL;
	}
	return status;
}
