// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope gfp [--order N] FLAGS...
 * memscope gfp --list
 *
 * What a GFP mask lets the page allocator do: sleep, reclaim, start I/O,
 * enter the filesystem, which zones, which watermark and reserves, and
 * where such a mask is used (analysis/gfp.h), in the bit layout of the
 * kernel given by --kernel, else of the source's release.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/gfp.h"
#include "cmd.h"
#include "view/gfp.h"
#include "view/view.h"
#include "lib/banned.h"

enum { OPT_LIST = 0x600 };

struct gfp_opts {
	unsigned int order;
	bool list;
	char **words;
	int nr_words;
};

static const struct argp_option gfp_options[] = {
	{ "order", 'o', "N", 0,
	  "The request's order (default 0): changes the watermark test, the "
	  "highatomic reserve (6.3+) and the OOM killer (orders up to 3)",
	  0 },
	{ "list", OPT_LIST, NULL, 0,
	  "The table of which flags to use where, with their values", 0 },
	{ "contexts", OPT_LIST, NULL, OPTION_ALIAS, NULL, 0 },
	{ 0 }
};

static error_t gfp_parse(int key, char *arg, struct argp_state *state)
{
	struct gfp_opts *o = state->input;

	switch (key) {
	case 'o':
		o->order = (unsigned int)ms_parse_uint_arg(
			state, "--order", arg, 0, MS_MAX_ORDERS - 1);
		break;
	case OPT_LIST:
		o->list = true;
		break;
	case ARGP_KEY_ARGS:
		o->words = state->argv + state->next;
		o->nr_words = state->argc - state->next;
		break;
	case ARGP_KEY_END:
		if (o->list && o->nr_words)
			argp_error(state, "--list takes no FLAGS");
		if (!o->list && !o->nr_words)
			argp_error(state, "expected GFP FLAGS (names such as "
					  "GFP_KERNEL, or a number) or --list");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_gfp_argp = {
	.options = gfp_options,
	.parser = gfp_parse,
	.args_doc = "FLAGS...\n--list",
	.doc = "Explain a GFP mask: may the allocation sleep, reclaim, start "
	       "I/O, enter the filesystem; which zones, watermark and reserves "
	       "it gets; what happens when it fails; where such a mask is "
	       "used. FLAGS are names joined by '|' (GFP_ATOMIC|__GFP_DMA; "
	       "words without '|' between them are joined with one) or a "
	       "number (0x480020), in the bit layout of --kernel VERSION, "
	       "else of the source's kernel, else the newest known.",
};

/*
 * The words of the command line as one expression: "GFP_KERNEL" "|"
 * "__GFP_ZERO" and "GFP_KERNEL" "__GFP_ZERO" both give "GFP_KERNEL |
 * __GFP_ZERO", since an unquoted '|' is a shell pipe. Caller frees.
 */
static char *join_words(char **words, int nr)
{
	size_t size = 1;
	char *expr, *p;
	int i;

	for (i = 0; i < nr; i++)
		size += strlen(words[i]) + 3;
	expr = malloc(size);
	if (!expr)
		return NULL;
	p = expr;
	*p = '\0';
	for (i = 0; i < nr; i++) {
		size_t n = strlen(words[i]);
		bool bar = i > 0 && p[-1] != '|' && words[i][0] != '|';

		if (i > 0) {
			memcpy(p, bar ? " | " : " ", bar ? 3 : 1);
			p += bar ? 3 : 1;
		}
		memcpy(p, words[i], n);
		p += n;
		*p = '\0';
	}
	return expr;
}

int cmd_gfp(struct ms_ctx *ctx, int argc, char **argv)
{
	struct gfp_opts o = { 0 };
	struct ms_gfp_explain ex;
	struct ms_diag diag = { 0 };
	const char *source;
	uint32_t kver, mask;
	char *expr;
	int ret;

	ret = ms_cmd_parse(ctx, &cmd_gfp_argp, argc, argv, &o);
	if (ret)
		return ret;
	ctx->no_page_size = true;
	ret = ms_cmd_start(ctx);
	if (ret)
		return ret;
	kver = ms_cmd_gfp_layout(ctx, true, &source);
	if (!kver)
		kver = MS_GFP_KVER_NEWEST;
	if (o.list) {
		ms_view_source(ctx->out, &ctx->snap);
		ms_view_gfp_contexts(ctx->out, kver, MS_GFP_CFG_DEFAULT,
				     source);
		return MS_EXIT_OK;
	}
	expr = join_words(o.words, o.nr_words);
	if (!expr) {
		ms_error("out of memory");
		return MS_EXIT_FAIL;
	}
	if (ms_gfp_mask_parse(expr, strlen(expr), kver, MS_GFP_CFG_DEFAULT,
			      &mask, &diag)) {
		/* a flag the kernel does not have is a bad argument */
		ms_error("%s", diag.msg);
		free(expr);
		return MS_EXIT_USAGE;
	}
	ms_gfp_explain(mask, o.order, kver, MS_GFP_CFG_DEFAULT, &ex);
	ms_view_source(ctx->out, &ctx->snap);
	ms_out_str(ctx->out, "input", NULL, expr);
	ms_view_gfp(ctx->out, &ex, source, "");
	free(expr);
	return MS_EXIT_OK;
}
