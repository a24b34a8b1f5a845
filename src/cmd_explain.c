// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope explain [FILE|-]
 *
 * Why each "page allocation failure" of a kernel log failed: the report's
 * order and mode, the zones of its Mem-Info block, and the watermark test
 * of the page allocator applied to those numbers (proc/kmsg.h,
 * analysis/allocfail.h). Reads a file or standard input, never the live
 * /proc: the log may come from another machine.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis/allocfail.h"
#include "cmd.h"
#include "proc/kmsg.h"
#include "view/explain.h"
#include "lib/banned.h"

struct explain_opts {
	const char *file;
};

static error_t explain_parse(int key, char *arg, struct argp_state *state)
{
	struct explain_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_ARG:
		if (o->file)
			argp_error(state, "expected one FILE, found '%s' too",
				   arg);
		o->file = arg;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp cmd_explain_argp = {
	.parser = explain_parse,
	.args_doc = "[FILE|-]",
	.doc = "Explain the page allocation failures of a kernel log (dmesg, "
	       "journalctl -k, syslog, or a pasted report; '-' or no FILE "
	       "reads standard input): for each report the order, the decoded "
	       "mode, the zones of its Mem-Info block, and why the page "
	       "allocator's watermark test failed there, below the watermark "
	       "or for want of a large enough block. The kernel's rules come "
	       "from the log's CPU line, else --kernel, else a guess.",
};

/* Files that are not text but hold a log, and how to read them. */
static const struct {
	const char *magic;
	size_t len;
	const char *what;
} packed[] = {
	{ "\x1f\x8b", 2, "a gzip-compressed file (zcat it first)" },
	{ "\xfd"
	  "7zXZ",
	  5, "an xz-compressed file (xzcat it first)" },
	{ "\x28\xb5\x2f\xfd", 4, "a zstd-compressed file (zstdcat it first)" },
	{ "LPKSHHRH", 8,
	  "a systemd journal file (journalctl -k --file=FILE | memscope "
	  "explain -)" },
};

/*
 * A kernel log is text: dmesg, journalctl and rsyslog escape control
 * characters in messages (\x01, #001), so one in the input means it is
 * something else. Tabs, form feeds, carriage returns and the escape
 * sequences of "dmesg --color=always" are text. NUL bytes are left to
 * ms_kmsg_parse(), which refuses them.
 */
static int check_text(const char *buf, size_t len, const char *label,
		      struct ms_diag *diag)
{
	unsigned int line = 1;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(packed); i++)
		if (len >= packed[i].len &&
		    !memcmp(buf, packed[i].magic, packed[i].len))
			return ms_diag_set(diag, label, 0, -EINVAL,
					   "expected text, found %s",
					   packed[i].what);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c == '\n')
			line++;
		else if ((c && c < 0x20 && c != '\t' && c != '\r' &&
			  c != '\f' && c != '\v' && c != 0x1b) ||
			 c == 0x7f)
			return ms_diag_set(diag, label, line, -EINVAL,
					   "expected text, found byte 0x%02x "
					   "(not a kernel log)",
					   c);
	}
	return 0;
}

/*
 * Removes the ANSI escape sequences of "dmesg --color=always" (ESC '['
 * parameters, one final byte) in place; line numbers do not change.
 * Return: the new length.
 */
static size_t strip_ansi(char *buf, size_t len)
{
	size_t i = 0, o = 0;

	while (i < len) {
		if (buf[i] == 0x1b && i + 1 < len && buf[i + 1] == '[') {
			i += 2;
			while (i < len && ((buf[i] >= '0' && buf[i] <= '9') ||
					   buf[i] == ';' || buf[i] == '?'))
				i++;
			if (i < len && buf[i] != '\n')
				i++;
			continue;
		}
		buf[o++] = buf[i++];
	}
	if (o < len)
		buf[o] = '\0';
	return o;
}

static int explain_reports(struct ms_ctx *ctx, const struct ms_kmsg *km,
			   const char *label, struct ms_allocfail *afs,
			   struct ms_view_explained *items)
{
	const char *source;
	uint32_t given = ms_cmd_gfp_layout(ctx, false, &source);
	size_t i;

	for (i = 0; i < km->nr_reports; i++) {
		const struct ms_kmsg_report *r = &km->reports[i];
		char a[16], b[16];
		int err;

		items[i].r = r;
		items[i].af = NULL;
		if (!r->has_mode)
			continue;
		/* the log's own release beats --kernel */
		err = ms_allocfail_explain(r, r->kver ? 0 : given,
					   MS_GFP_CFG_DEFAULT, &afs[i]);
		if (err == -ENOMEM) {
			ms_error("out of memory");
			return MS_EXIT_FAIL;
		}
		if (err)
			continue;
		items[i].af = &afs[i];
		if (r->kver && given && r->kver != given)
			ms_out_warn(ctx->out,
				    "%s:%u: the rules of kernel %s from the "
				    "log are used, not those of --kernel %s",
				    label, r->line,
				    ms_gfp_kver_format(r->kver, a, sizeof(a)),
				    ms_gfp_kver_format(given, b, sizeof(b)));
	}
	return MS_EXIT_OK;
}

int cmd_explain(struct ms_ctx *ctx, int argc, char **argv)
{
	struct explain_opts o = { 0 };
	struct ms_view_explained *items = NULL;
	struct ms_allocfail *afs = NULL;
	struct ms_diag diag = { 0 };
	struct ms_kmsg km = { 0 };
	const char *label;
	size_t len, i, nr;
	char *buf;
	int ret;

	ret = ms_cmd_parse(ctx, &cmd_explain_argp, argc, argv, &o);
	if (ret)
		return ret;
	if (!o.file) {
		/* a terminal would wait for a paste the user did not mean */
		if (isatty(STDIN_FILENO)) {
			ms_error("expected a FILE, or '-' for standard input: "
				 "dmesg | memscope explain -");
			return MS_EXIT_USAGE;
		}
		o.file = "-";
	}
	ret = ms_cmd_start_output(ctx);
	if (ret)
		return ret;
	if (ms_read_path(o.file, &buf, &len, &diag)) {
		ms_error_diag(&diag);
		return MS_EXIT_FAIL;
	}
	label = strcmp(o.file, "-") ? o.file : MS_STDIN_LABEL;
	if (check_text(buf, len, label, &diag)) {
		ms_error_diag(&diag);
		ret = MS_EXIT_FAIL;
		goto out_free_buf;
	}
	if (memchr(buf, 0x1b, len))
		len = strip_ansi(buf, len);
	if (ms_kmsg_parse(&km, buf, len, label, &diag)) {
		ms_error_diag(&diag);
		ret = MS_EXIT_FAIL;
		goto out_free_buf;
	}
	nr = km.nr_reports ? km.nr_reports : 1;
	afs = calloc(nr, sizeof(*afs));
	items = calloc(nr, sizeof(*items));
	if (!afs || !items) {
		ms_error("out of memory");
		ret = MS_EXIT_FAIL;
		goto out_free;
	}
	ret = explain_reports(ctx, &km, label, afs, items);
	if (ret)
		goto out_free;
	ms_view_explain(ctx->out, o.file, label, &km, items);
	ret = MS_EXIT_OK;

out_free:
	for (i = 0; afs && i < km.nr_reports; i++)
		ms_allocfail_release(&afs[i]);
	free(afs);
	free(items);
	ms_kmsg_release(&km);
out_free_buf:
	free(buf);
	return ret;
}
