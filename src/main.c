// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope - how Linux kernel memory is doing, and when it will fail.
 *
 * The root argp takes the global options; the first positional argument
 * selects a command (exact names only), whose own argp parses the rest.
 */
#include <argp.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "lib/banned.h"

const char *argp_program_version = "memscope " MS_VERSION;

static const struct ms_cmd commands[] = {
	{ "summary", cmd_summary, &cmd_summary_argp,
	  "One-screen overview (the default)" },
	{ "zones", cmd_zones, &cmd_zones_argp,
	  "Free pages, watermarks and protection per zone" },
	{ "frag", cmd_frag, &cmd_frag_argp,
	  "Free blocks, unusable and fragmentation index per order" },
	{ "slab", cmd_slab, &cmd_slab_argp,
	  "Slab caches: sizes, waste, growth (slabtop, with --watch)" },
	{ "atomic", cmd_atomic, &cmd_atomic_argp,
	  "Would an order-N GFP_ATOMIC (or other) request succeed, how many" },
	{ "vmalloc", cmd_vmalloc, &cmd_vmalloc_argp,
	  "The vmalloc area by caller, type and module; free address space" },
	{ "check", cmd_check, &cmd_check_argp,
	  "Monitoring check (Nagios exit codes) of order-N headroom" },
	{ "fleet", cmd_fleet, &cmd_fleet_argp,
	  "Worst zones and largest consumers across many snapshots" },
	{ "top", cmd_top, &cmd_top_argp,
	  "Live dashboard of zones, fragmentation, slab, vmalloc, processes" },
	{ "gfp", cmd_gfp, &cmd_gfp_argp,
	  "What a GFP mask lets an allocation do, per kernel version" },
	{ "explain", cmd_explain, &cmd_explain_argp,
	  "Why the page allocation failures of a kernel log failed" },
	{ "snapshot", cmd_snapshot, &cmd_snapshot_argp,
	  "Capture the files memscope reads into a directory" },
	{ "scull", cmd_scull, &cmd_scull_argp,
	  "Where the memscope_scull module's device memory lies" },
	{ "validate", cmd_validate, &cmd_validate_argp,
	  "Check the GFP model against real allocations (memscope_scull)" },
};

enum { OPT_LIST_WORDS = 0x200 };

struct root_state {
	struct ms_ctx *ctx;
	int cmd_argc;
	char **cmd_argv;
	bool list_words;
};

static const struct argp_option root_options[] = {
	{ "list-words", OPT_LIST_WORDS, NULL, OPTION_HIDDEN,
	  "List commands and long options (for completion and tests)", 0 },
	{ 0 }
};

static error_t root_parse(int key, char *arg, struct argp_state *state)
{
	struct root_state *rs = state->input;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = &rs->ctx->opts;
		break;
	case OPT_LIST_WORDS:
		rs->list_words = true;
		break;
	case ARGP_KEY_ARG:
		/* The command and everything after it belong to the command. */
		rs->cmd_argc = state->argc - state->next + 1;
		rs->cmd_argv = &state->argv[state->next - 1];
		state->next = state->argc;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	(void)arg;
	return 0;
}

static char *commands_doc(void)
{
	static char doc[2048];
	size_t i, off;

	off = (size_t)snprintf(doc, sizeof(doc),
			       "Show how Linux kernel memory is doing and "
			       "predict when it will fail.\v"
			       "Commands:\n");
	for (i = 0; i < ARRAY_SIZE(commands) && off < sizeof(doc); i++)
		off += (size_t)snprintf(doc + off, sizeof(doc) - off,
					"  %-10s %s\n", commands[i].name,
					commands[i].doc);
	if (off < sizeof(doc))
		snprintf(doc + off, sizeof(doc) - off,
			 "\nRun 'memscope COMMAND --help' for a command's "
			 "options. See memscope(1).");
	return doc;
}

static void list_options(const char *scope, const struct argp *argp)
{
	const struct argp_option *o;

	printf("%s", scope);
	if (argp && argp->options)
		for (o = argp->options; o->name || o->key || o->doc; o++)
			if (o->name && !(o->flags & OPTION_HIDDEN))
				printf(" --%s", o->name);
	if (!strcmp(scope, "global"))
		printf(" --help --usage --version");
	printf("\n");
}

static void list_words(void)
{
	size_t i;

	printf("commands");
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		printf(" %s", commands[i].name);
	printf("\n");
	list_options("global", &ms_global_argp);
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		list_options(commands[i].name, commands[i].argp);
}

int main(int argc, char **argv)
{
	static char name_buf[64];
	struct argp_child children[] = {
		{ &ms_global_argp, 0, "Global options:", 0 }, { 0 }
	};
	struct ms_ctx ctx = { 0 };
	struct root_state rs = { .ctx = &ctx };
	struct argp root = {
		.options = root_options,
		.parser = root_parse,
		.args_doc = "[COMMAND [ARGS...]]",
		.doc = commands_doc(),
		.children = children,
	};
	char *default_argv[] = { (char *)"summary", NULL };
	const struct ms_cmd *cmd = NULL;
	int status;
	size_t i;

	argp_err_exit_status = MS_EXIT_USAGE;
	/* A closed pipe ends the output quietly, as for cat(1). */
	signal(SIGPIPE, SIG_DFL);
	if (argp_parse(&root, argc, argv, ARGP_IN_ORDER, NULL, &rs))
		return MS_EXIT_USAGE;
	if (rs.list_words) {
		list_words();
		return MS_EXIT_OK;
	}
	if (!rs.cmd_argv) {
		rs.cmd_argc = 1;
		rs.cmd_argv = default_argv;
	}
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(rs.cmd_argv[0], commands[i].name))
			cmd = &commands[i];
	if (!cmd) {
		ms_error("unknown command '%s'; see 'memscope --help'",
			 rs.cmd_argv[0]);
		return MS_EXIT_USAGE;
	}
	/* argp names the program after argv[0] in messages and --help. */
	snprintf(name_buf, sizeof(name_buf), "memscope %s", cmd->name);
	rs.cmd_argv[0] = name_buf;
	status = cmd->fn(&ctx, rs.cmd_argc, rs.cmd_argv);
	status = ms_cmd_finish(&ctx, status);
	if (ctx.started) {
		ms_out_free(ctx.out);
		ms_snapshot_release(&ctx.snap);
		ms_source_release(&ctx.src);
	}
	return status;
}
