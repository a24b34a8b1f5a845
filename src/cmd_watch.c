// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --watch and --count, the clocks and the sampling loop of the commands
 * that sample again and again (slab, vmalloc; top has its own screen).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cmd_watch.h"
#include "tui/term.h"
#include "lib/banned.h"

int ms_watch_seconds(const char *arg, unsigned int min_ms, unsigned int max_ms,
		     unsigned int *ms)
{
	const char *dot = strchr(arg, '.');
	size_t ilen = dot ? (size_t)(dot - arg) : strlen(arg);
	uint64_t whole, frac = 0;
	size_t flen, i;

	if (!ilen || ms_parse_u64(arg, ilen, &whole))
		return -EINVAL;
	if (dot) {
		flen = strlen(dot + 1);
		if (!flen || flen > 3 || ms_parse_u64(dot + 1, flen, &frac))
			return -EINVAL;
		for (i = flen; i < 3; i++)
			frac *= 10;
	}
	if (whole > max_ms / 1000)
		return -ERANGE;
	whole = whole * 1000 + frac;
	if (whole < min_ms || whole > max_ms)
		return -ERANGE;
	*ms = (unsigned int)whole;
	return 0;
}

static void watch_value(struct ms_watch_opts *w, const char *arg,
			struct argp_state *state)
{
	if (ms_watch_seconds(arg, MS_WATCH_MIN_MS, MS_WATCH_MAX_MS,
			     &w->interval_ms))
		argp_error(state,
			   "--watch: expected seconds from 0.1 to 86400 "
			   "(up to 3 decimals), found '%s'",
			   arg);
	w->interval_given = true;
}

bool ms_watch_parse_opt(struct ms_watch_opts *w, int key, char *arg,
			struct argp_state *state)
{
	switch (key) {
	case 'w':
		w->watch = true;
		if (arg)
			watch_value(w, arg, state);
		return true;
	case 'c':
		w->count =
			ms_parse_uint_arg(state, "--count", arg, 1, UINT32_MAX);
		w->watch = true;
		return true;
	case ARGP_KEY_ARG:
		if (!w->watch || w->interval_given)
			return false;
		watch_value(w, arg, state);
		return true;
	default:
		return false;
	}
}

double ms_mono_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void ms_wall_time(char *buf, size_t size)
{
	struct timespec ts;
	struct tm tm;
	char sec[32];

	buf[0] = '\0';
	clock_gettime(CLOCK_REALTIME, &ts);
	if (!gmtime_r(&ts.tv_sec, &tm) ||
	    !strftime(sec, sizeof(sec), "%Y-%m-%dT%H:%M:%S", &tm))
		return;
	snprintf(buf, size, "%.20s.%03dZ", sec, (int)(ts.tv_nsec / 1000000));
}

/* Waits until @next; false when a signal asked to stop. */
static bool wait_until(struct ms_term *term, double next)
{
	for (;;) {
		double now = ms_mono_s();
		enum ms_term_event ev;

		if (now >= next)
			return true;
		ev = ms_term_wait(term, (int)((next - now) * 1000.0) + 1);
		if (ev == MS_TERM_QUIT || ev == MS_TERM_ERROR)
			return false;
	}
}

int ms_watch_run(struct ms_ctx *ctx, const struct ms_watch_opts *w,
		 int (*sample)(void *arg, unsigned int n), void *arg)
{
	double interval_s = w->interval_ms / 1000.0, next;
	struct ms_term term = { 0 };
	struct ms_diag d = { 0 };
	int ret = MS_EXIT_OK;
	unsigned int n;

	if (ms_term_signals_init(&term, &d)) {
		ms_error_diag(&d);
		return MS_EXIT_FAIL;
	}
	next = ms_mono_s();
	for (n = 1;; n++) {
		double now;

		ret = sample(arg, n);
		if (ret)
			break;
		if (ms_out_sample_end(ctx->out)) {
			if (errno != EPIPE) {
				ms_error("write error on standard output: %s",
					 strerror(errno ? errno : EIO));
				ret = MS_EXIT_FAIL;
			}
			break;
		}
		if (w->count && n >= w->count)
			break;
		next += interval_s;
		now = ms_mono_s();
		/* a slow sample: the next one starts an interval from now */
		if (now > next)
			next = now + interval_s;
		if (!wait_until(&term, next))
			break;
	}
	ms_term_stop(&term);
	ms_out_free(ctx->out);
	ctx->out = NULL;
	return ret;
}
