/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_TUI_TOP_H
#define MS_TUI_TOP_H

/*
 * memscope top: the full-screen dashboard. It draws the models of one
 * sample as the caller hands them over and keeps only what a screen
 * needs across samples (the history of the sparklines, the user's sort
 * and filter). It parses nothing and computes no kernel formula itself:
 * every number comes from the models (analysis/overview.h,
 * analysis/slab.h, analysis/vmalloc.h, analysis/stall.h,
 * proc/live_procps.h) or is a sum, sort or scale for display.
 */

#include <stdbool.h>
#include <stdint.h>

#include "analysis/era.h"
#include "analysis/overview.h"
#include "analysis/slab.h"
#include "analysis/stall.h"
#include "analysis/vmalloc.h"
#include "lib/parse.h"
#include "proc/kv.h"
#include "proc/live_procps.h"

/** enum ms_top_tab - the tabs, in the order of their keys 1 to 5 */
enum ms_top_tab {
	MS_TOP_OVERVIEW,
	MS_TOP_ZONES,
	MS_TOP_SLAB,
	MS_TOP_VMALLOC,
	MS_TOP_PROCS,
	MS_TOP_NR_TABS,
};

/**
 * ms_top_tab_parse() - a tab from its number ("1".."5") or name
 * ("overview", "zones", "slab", "vmalloc", "processes")
 *
 * Return: 0 or -EINVAL.
 */
int ms_top_tab_parse(const char *s, enum ms_top_tab *tab);

/** ms_top_tab_name() - "overview", "zones", ... */
const char *ms_top_tab_name(enum ms_top_tab tab);

/**
 * enum ms_top_vm_by - how the vmalloc areas are grouped (memscope vmalloc
 * --by)
 */
enum ms_top_vm_by {
	MS_TOP_VM_CALLER,
	MS_TOP_VM_TYPE,
	MS_TOP_VM_MODULE,
	MS_TOP_VM_NR_BY,
};

/**
 * struct ms_top_vmalloc_row - one vmalloc group with its change
 * @group:     the group (borrowed from the sample's stats)
 * @has_delta: an earlier read of vmallocinfo exists; the deltas are set
 * @delta_count, @delta_bytes: change since the previous read
 * @start_delta_count, @start_delta_bytes: change since the first read
 */
struct ms_top_vmalloc_row {
	const struct ms_vmalloc_group *group;
	bool has_delta;
	int64_t delta_count;
	int64_t delta_bytes;
	int64_t start_delta_count;
	int64_t start_delta_bytes;
};

/**
 * struct ms_top_file - the state of one input of the sample
 * @ok:     parsed; the model that uses it is set
 * @why:    why not, or "" (the diag of the read)
 * @age_s:  seconds since it was read (the expensive files are read at
 *          most every MS_TOP_SLOW_INTERVAL_S seconds)
 */
struct ms_top_file {
	bool ok;
	char why[320];
	double age_s;
};

/* The expensive files (pagetypeinfo, vmallocinfo) are read this seldom. */
#define MS_TOP_SLOW_INTERVAL_S 10

/**
 * enum ms_top_want - what a sample must include beyond the system files
 * @MS_TOP_WANT_PROCS: the processes (read only while their tab shows,
 *                     since smaps_rollup costs a page-table walk each)
 */
enum ms_top_want {
	MS_TOP_WANT_PROCS = (1 << 0),
};

/** enum ms_top_file_id - the inputs of a sample, for their state */
enum ms_top_file_id {
	MS_TOP_F_MEMINFO,
	MS_TOP_F_ZONEINFO,
	MS_TOP_F_BUDDYINFO,
	MS_TOP_F_PAGETYPEINFO,
	MS_TOP_F_VMSTAT,
	MS_TOP_F_SLABINFO,
	MS_TOP_F_VMALLOCINFO,
	MS_TOP_F_PROCS,
	MS_TOP_F_NR,
};

/**
 * struct ms_top_sample - one sample, as the caller hands it over
 * @number:   1-based
 * @clock:    the time to show: the wall clock live, the snapshot's
 *            time with --root
 * @meminfo:  /proc/meminfo, or NULL
 * @ov:       the zones (never NULL; empty without zoneinfo)
 * @era:      the rules the GFP_ATOMIC model applied
 * @stall:    the vmstat counters, or NULL without vmstat
 * @rates:    their rates since the previous sample, or NULL on the
 *            first one
 * @slab:     the slab caches with their changes, or NULL; the screen
 *            sorts its rows (borrowed until the next sample)
 * @vmalloc:  vmallocinfo's totals and groups, or NULL
 * @vm_rows:  its groups by caller, type and module with their changes
 *            (@nr_vm_rows of each), in the stats' order (largest first)
 * @procs:    the processes, or NULL (not wanted, not live, or unreadable;
 *            @files[MS_TOP_F_PROCS].why says which)
 * @files:    state of each input (enum ms_top_file_id)
 */
struct ms_top_sample {
	unsigned int number;
	const char *clock;
	const struct ms_kv *meminfo;
	const struct ms_overview *ov;
	const struct ms_era *era;
	const struct ms_stall_counters *stall;
	const struct ms_stall_rates *rates;
	struct ms_slab_model *slab;
	const struct ms_vmalloc_stats *vmalloc;
	const struct ms_top_vmalloc_row *vm_rows[MS_TOP_VM_NR_BY];
	size_t nr_vm_rows[MS_TOP_VM_NR_BY];
	const struct ms_proc_list *procs;
	struct ms_top_file files[MS_TOP_F_NR];
};

/**
 * struct ms_top_opts - how the dashboard starts
 * @tab:         the first tab
 * @interval_ms: time between samples (the + and - keys change it)
 * @iterations:  stop after this many samples; 0 runs until quit
 * @color:       colours allowed (--no-color and NO_COLOR applied)
 * @live:        this machine, not a capture: the Processes tab can work
 * @title:       "host, kernel ..." for the top line
 * @page_size:   bytes per page of the sample's machine
 * @sample:      takes the next sample into *@s; @want is a set of enum
 *               ms_top_want. Return 0, or a negative errno (the caller
 *               keeps the reason and reports it once the terminal is
 *               restored)
 * @arg:         passed to @sample
 */
struct ms_top_opts {
	enum ms_top_tab tab;
	unsigned int interval_ms;
	uint64_t iterations;
	bool color;
	bool live;
	const char *title;
	uint64_t page_size;
	int (*sample)(void *arg, unsigned int want,
		      const struct ms_top_sample **s);
	void *arg;
};

/**
 * ms_tui_top_run() - the dashboard, until the user quits
 *
 * Keys: Tab and 1-5 switch tabs, ? help, s sort, r reverse, / filter,
 * p pause, + and - the interval, arrows and page keys scroll or choose,
 * q quit. Ctrl-C, SIGTERM and SIGHUP quit too; the terminal is always
 * restored.
 *
 * Return: 0 when the user quit or @o->iterations samples were shown,
 * the negative errno of a failed @o->sample, or a negative errno with
 * @diag filled when the terminal cannot be used.
 */
int ms_tui_top_run(const struct ms_top_opts *o, struct ms_diag *diag);

#endif
