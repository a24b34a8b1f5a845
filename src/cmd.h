/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_CMD_H
#define MS_CMD_H

#include <argp.h>
#include <stdbool.h>
#include <stdint.h>

#include "analysis/atomic.h"
#include "analysis/era.h"
#include "out/out.h"
#include "proc/snapshot.h"
#include "proc/source.h"

/* Exit codes, documented in memscope(1) under EXIT STATUS. */
enum ms_exit {
	MS_EXIT_OK = 0,
	MS_EXIT_FAIL = 1,  /* bad input, unreadable file, I/O error */
	MS_EXIT_USAGE = 2, /* bad command line */
	MS_EXIT_RISK = 3,  /* a risk threshold was exceeded */
};

/**
 * struct ms_opts - the global options, accepted before or after the
 * command name
 */
struct ms_opts {
	const char *root;
	bool json;
	bool prom;
	bool no_color;
	uint64_t page_size;
	const char *kernel;
};

/**
 * struct ms_ctx - what a command runs with
 * @opts: global options
 * @src:  the source of /proc and /sys
 * @snap: the current sample
 * @out:  the output (text or JSON)
 * @started: ms_cmd_start() succeeded, so @src, @snap and @out are set up
 * @output_on_failure: write the document even when the exit status is
 *          not 0 (check: its status is a verdict, not an error)
 * @prom_capable: the command writes --format prom (summary)
 * @no_page_size: the command uses no page size, so an unknown one is
 *          not worth a warning (gfp)
 */
struct ms_ctx {
	struct ms_opts opts;
	struct ms_source src;
	struct ms_snapshot snap;
	struct ms_out *out;
	bool started;
	bool output_on_failure;
	bool prom_capable;
	bool no_page_size;
};

/**
 * struct ms_cmd - one subcommand
 * @name: exact name, no prefix matching
 * @fn:   runs it; returns an enum ms_exit value
 * @argp: its options (may be NULL: no options beyond the global ones)
 * @doc:  one line for --help
 */
struct ms_cmd {
	const char *name;
	int (*fn)(struct ms_ctx *ctx, int argc, char **argv);
	const struct argp *argp;
	const char *doc;
};

extern const struct argp ms_global_argp;

/**
 * ms_cmd_parse() - parse a command's arguments with its argp plus the
 * global options
 * @argv: argv[0] is the command name
 *
 * Return: MS_EXIT_OK, or MS_EXIT_USAGE after printing a message.
 */
int ms_cmd_parse(struct ms_ctx *ctx, const struct argp *argp, int argc,
		 char **argv, void *input);

/**
 * ms_cmd_start() - open the source, the snapshot and the output once the
 * options are known
 *
 * Return: MS_EXIT_OK or MS_EXIT_FAIL after printing the error.
 */
int ms_cmd_start(struct ms_ctx *ctx);

/**
 * ms_cmd_start_output() - open only the output, for a command that reads
 * no /proc source (explain reads a log file); --root is not used
 *
 * Return: MS_EXIT_OK, or MS_EXIT_FAIL or MS_EXIT_USAGE after printing
 * the error.
 */
int ms_cmd_start_output(struct ms_ctx *ctx);

/**
 * ms_cmd_gfp_layout() - the GFP bit layout to decode masks with
 * @use_source: fall back to the source's kernel release (needs
 *          ms_cmd_start())
 * @source: receives "override" (--kernel), "release" (the source's) or
 *          "default" (neither: 0 is returned, which means the newest
 *          layout, or for ms_allocfail_explain() a guess from the log)
 *
 * The --kernel option and the source's release are struct ms_kver
 * (lib/kver.h); analysis/gfp.h keys its layouts on MS_GFP_KVER(major,
 * minor), the same encoding without the patch level. A version outside
 * the layouts known is replaced by the nearest one, with a warning.
 *
 * Return: MS_GFP_KVER() of the layout, or 0.
 */
uint32_t ms_cmd_gfp_layout(struct ms_ctx *ctx, bool use_source,
			   const char **source);

/**
 * ms_cmd_need() - load file @id for a command
 * @required: a missing or unreadable file is an error (else a warning)
 *
 * Malformed files are always errors.
 *
 * Return: 0 when loaded, 1 when optional and unavailable (a warning was
 * emitted), or -1 after printing an error (exit with MS_EXIT_FAIL).
 */
int ms_cmd_need(struct ms_ctx *ctx, enum ms_file_id id, bool required);

/**
 * ms_cmd_era() - the page allocator rules to model: --kernel when given,
 * else the release of the source refined by the fields of the loaded
 * zoneinfo and pagetypeinfo (analysis/era.h)
 */
void ms_cmd_era(struct ms_ctx *ctx, struct ms_era *era);

struct ms_zoneinfo;
struct ms_pagetypeinfo;

/**
 * ms_cmd_era_of() - ms_cmd_era() from the zoneinfo and pagetypeinfo
 * given (either may be NULL), for a command that keeps files across
 * samples
 */
void ms_cmd_era_of(struct ms_ctx *ctx, const struct ms_zoneinfo *zi,
		   const struct ms_pagetypeinfo *pt, struct ms_era *era);

/** ms_error() - "memscope: MSG" on stderr */
void ms_error(const char *fmt, ...) MS_PRINTF(1, 2);

/** ms_error_diag() - "memscope: FILE:LINE: MSG" on stderr */
void ms_error_diag(const struct ms_diag *diag);

/** ms_cmd_finish() - finish the output; MS_EXIT_FAIL on a write error */
int ms_cmd_finish(struct ms_ctx *ctx, int status);

/**
 * ms_parse_uint_arg() - parse a numeric option value for argp
 *
 * Return: 0 or calls argp_error() (which exits with MS_EXIT_USAGE).
 */
uint64_t ms_parse_uint_arg(struct argp_state *state, const char *opt,
			   const char *arg, uint64_t min, uint64_t max);

/* Options shared by atomic and check. */
struct ms_order_range {
	int first;
	int last;
};

struct ms_atomic_opts {
	struct ms_atomic_request req;
	struct ms_order_range orders;
	bool single;
	const char *gfp;
};

void ms_atomic_opts_init(struct ms_atomic_opts *o);

/** ms_cmd_parse_orders() - "A-B" for --orders, argp_error() otherwise */
int ms_cmd_parse_orders(struct argp_state *state, const char *arg,
			struct ms_order_range *r);

/**
 * ms_cmd_atomic_eval() - load the files and run the model for every
 * order of @o
 * @resp: results; free with ms_atomic_results_free()
 *
 * Return: MS_EXIT_OK, or an exit status after printing the error.
 */
int ms_cmd_atomic_eval(struct ms_ctx *ctx, struct ms_atomic_opts *o,
		       struct ms_era *era, struct ms_atomic_result **resp,
		       size_t *nrp);
void ms_atomic_results_free(struct ms_atomic_result *res, size_t nr);

int cmd_summary(struct ms_ctx *ctx, int argc, char **argv);
int cmd_atomic(struct ms_ctx *ctx, int argc, char **argv);
int cmd_check(struct ms_ctx *ctx, int argc, char **argv);
int cmd_fleet(struct ms_ctx *ctx, int argc, char **argv);
int cmd_zones(struct ms_ctx *ctx, int argc, char **argv);
int cmd_frag(struct ms_ctx *ctx, int argc, char **argv);
int cmd_snapshot(struct ms_ctx *ctx, int argc, char **argv);
int cmd_slab(struct ms_ctx *ctx, int argc, char **argv);
int cmd_vmalloc(struct ms_ctx *ctx, int argc, char **argv);
int cmd_gfp(struct ms_ctx *ctx, int argc, char **argv);
int cmd_explain(struct ms_ctx *ctx, int argc, char **argv);
int cmd_scull(struct ms_ctx *ctx, int argc, char **argv);
int cmd_validate(struct ms_ctx *ctx, int argc, char **argv);
int cmd_top(struct ms_ctx *ctx, int argc, char **argv);

extern const struct argp cmd_atomic_argp;
extern const struct argp cmd_check_argp;
extern const struct argp cmd_fleet_argp;
extern const struct argp cmd_zones_argp;
extern const struct argp cmd_frag_argp;
extern const struct argp cmd_snapshot_argp;
extern const struct argp cmd_gfp_argp;
extern const struct argp cmd_explain_argp;
extern const struct argp cmd_summary_argp;
extern const struct argp cmd_slab_argp;
extern const struct argp cmd_vmalloc_argp;
extern const struct argp cmd_scull_argp;
extern const struct argp cmd_validate_argp;
extern const struct argp cmd_top_argp;

#endif
