/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_CMD_WATCH_H
#define MS_CMD_WATCH_H

#include <argp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cmd.h"

/*
 * What the commands that sample again and again share: the --watch and
 * --count options, the clocks, and the loop that writes one sample per
 * interval until --count samples, a signal or a closed pipe.
 */

#define MS_WATCH_DEFAULT_MS 2000
#define MS_WATCH_MIN_MS	    100
#define MS_WATCH_MAX_MS	    (86400 * 1000)

/**
 * ms_watch_seconds() - "2", "0.5", "1.25": seconds with up to three
 * decimals, into milliseconds
 * @min_ms, @max_ms: the range accepted
 *
 * Return: 0, -EINVAL for text that is not such a number, -ERANGE for one
 * out of the range.
 */
int ms_watch_seconds(const char *arg, unsigned int min_ms, unsigned int max_ms,
		     unsigned int *ms);

/**
 * struct ms_watch_opts - the --watch [SECONDS] and --count N options
 * @watch:          sample repeatedly
 * @interval_given: SECONDS was given
 * @interval_ms:    time between samples (set the default before parsing)
 * @count:          stop after this many samples; 0 runs until stopped
 */
struct ms_watch_opts {
	bool watch;
	bool interval_given;
	unsigned int interval_ms;
	uint64_t count;
};

/* The argp entries of --watch and --count (keys 'w' and 'c'). */
#define MS_WATCH_ARGP_OPTIONS(watch_doc)                                \
	{ "watch", 'w', "SECONDS", OPTION_ARG_OPTIONAL, watch_doc, 0 }, \
	{                                                               \
		"count", 'c', "N", 0,                                   \
			"Stop after N samples (implies --watch)", 0     \
	}

/**
 * ms_watch_parse_opt() - the argp keys of --watch and --count
 *
 * Handles 'w' and 'c', and an ARGP_KEY_ARG right after a --watch without
 * a value ("--watch 1": the optional value as the next word); reports
 * bad values through argp_error().
 *
 * Return: true when @key was one of these.
 */
bool ms_watch_parse_opt(struct ms_watch_opts *w, int key, char *arg,
			struct argp_state *state);

/** ms_mono_s() - CLOCK_MONOTONIC in seconds */
double ms_mono_s(void);

/** ms_wall_time() - the time of day in UTC, "2026-11-22T03:38:21.125Z" */
void ms_wall_time(char *buf, size_t size);

/**
 * ms_watch_run() - one sample every interval, written as it is taken
 * @sample: takes, renders through ctx->out and keeps sample @n (1-based):
 *          an exit status, MS_EXIT_OK to go on (it prints its own
 *          errors)
 *
 * After each sample ms_out_sample_end() writes it out (one line each in
 * NDJSON). Stops after @w->count samples, at SIGINT, SIGTERM, SIGHUP or
 * SIGQUIT (between two samples, so that every one written is whole), or
 * when standard output is closed (EPIPE, not an error). A sample slower
 * than the interval makes the next start an interval later. Frees
 * ctx->out at the end: every sample was written and flushed, and the
 * empty document started for the next one is dropped.
 *
 * Return: an exit status.
 */
int ms_watch_run(struct ms_ctx *ctx, const struct ms_watch_opts *w,
		 int (*sample)(void *arg, unsigned int n), void *arg);

#endif
