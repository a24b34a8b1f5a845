/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_TUI_SLAB_H
#define MS_TUI_SLAB_H

#include <stdbool.h>
#include <stdint.h>

#include "analysis/slab.h"
#include "lib/parse.h"

/**
 * struct ms_tui_slab_sample - one sample as the caller hands it over
 * @model:   the caches with deltas and growth flags; the screen sorts its
 *           rows (borrowed until the next sample)
 * @meminfo: the meminfo cross-check, or NULL when meminfo is unavailable
 * @warning: why something is missing from this sample, or ""
 * @number:  1-based sample number
 */
struct ms_tui_slab_sample {
	struct ms_slab_model *model;
	const struct ms_slab_meminfo_check *meminfo;
	const char *warning;
	unsigned int number;
};

/**
 * struct ms_tui_slab_opts - how the live slab screen starts
 * @sort, @reverse: the initial order
 * @filter:      the initial filter, a valid POSIX extended regular
 *               expression, or NULL
 * @top:         list at most this many caches; 0 lists all
 * @interval_ms: time between samples
 * @count:       stop after this many samples; 0 runs until quit
 * @color:       colours allowed (--no-color and NO_COLOR already applied)
 * @title:       shown at the top left ("host, kernel ...")
 * @growth:      the growth detector's settings, for the header
 * @sample:      takes the next sample into *@s: 0, or a negative errno
 *               (the caller keeps the reason and reports it once the
 *               terminal is restored)
 * @facts:       fills in row->sysfs, SLUB's facts about the cache of
 *               @row, for a row about to be shown in the RCL column (NULL:
 *               the rows come with their facts): 0, or a negative errno
 *               that ends the screen as a failed @sample does
 * @arg:         passed to @sample and @facts
 */
struct ms_tui_slab_opts {
	enum ms_slab_sort_key sort;
	bool reverse;
	const char *filter;
	uint64_t top;
	unsigned int interval_ms;
	uint64_t count;
	bool color;
	const char *title;
	struct ms_slab_growth_opts growth;
	int (*sample)(void *arg, struct ms_tui_slab_sample *s);
	int (*facts)(void *arg, const struct ms_slab_row *row);
	void *arg;
};

/**
 * ms_tui_slab_run() - the live slab screen, until the user quits
 *
 * Shows the summary, the meminfo cross-check, the change since the
 * previous and the first sample, and one line per cache with its growth
 * mark. Keys: slabtop's sort letters (a b c l v n o s u, upper or lower
 * case, with P for pages per slab), g growth, w waste, r reverse, /
 * filter, p pause, space sample now, arrows and page keys scroll, q
 * quit. Ctrl-C, SIGTERM and SIGHUP quit too; the terminal is always
 * restored.
 *
 * Return: 0 when the user quit or @o->count samples were shown, the
 * negative errno of a failed @o->sample or @o->facts, or a negative errno with @diag
 * filled when the terminal cannot be used.
 */
int ms_tui_slab_run(const struct ms_tui_slab_opts *o, struct ms_diag *diag);

#endif
