/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_STALL_H
#define MS_STALL_H

/*
 * The /proc/vmstat event counters that say the page allocator had to
 * work for its pages: direct compaction, direct reclaim and kswapd, and
 * their rates between two samples.
 *
 * The names changed with the kernel (mm/vmstat.c vmstat_text[]): up to
 * 4.7 reclaim was counted per zone ("pgscan_direct_dma32",
 * "pgsteal_kswapd_normal", ...) and allocation stalls in one
 * "allocstall"; from 4.8 the node-based LRU counts reclaim once
 * ("pgscan_direct") and stalls per zone ("allocstall_normal"). Before
 * 3.4 there was no kswapd/direct split of pgsteal ("pgsteal_normal").
 * Each counter here is the plain name when the file has it, otherwise
 * the sum of the per-zone names (suffixes _dma, _dma32, _normal, _high,
 * _movable, _device), so the same counter reads the same on every
 * kernel; "pgscan_direct_throttle" is not a zone and is never summed.
 */

#include <stdbool.h>
#include <stdint.h>

#include "proc/kv.h"

/**
 * enum ms_stall_id - the counters
 * @MS_STALL_COMPACT_STALL:   direct compaction attempts (2.6.35+)
 * @MS_STALL_COMPACT_FAIL:    ... that did not produce a page
 * @MS_STALL_COMPACT_SUCCESS: ... that did
 * @MS_STALL_COMPACT_DAEMON_WAKE: kcompactd wake-ups (4.6+)
 * @MS_STALL_ALLOCSTALL:      allocations that entered direct reclaim
 *                            ("allocstall", or the sum of allocstall_*)
 * @MS_STALL_PGSCAN_DIRECT:   pages scanned by direct reclaim
 * @MS_STALL_PGSCAN_KSWAPD:   pages scanned by kswapd
 * @MS_STALL_PGSTEAL_DIRECT:  pages reclaimed by direct reclaim
 * @MS_STALL_PGSTEAL_KSWAPD:  pages reclaimed by kswapd
 * @MS_STALL_OOM_KILL:        OOM kills (4.13+)
 */
enum ms_stall_id {
	MS_STALL_COMPACT_STALL,
	MS_STALL_COMPACT_FAIL,
	MS_STALL_COMPACT_SUCCESS,
	MS_STALL_COMPACT_DAEMON_WAKE,
	MS_STALL_ALLOCSTALL,
	MS_STALL_PGSCAN_DIRECT,
	MS_STALL_PGSCAN_KSWAPD,
	MS_STALL_PGSTEAL_DIRECT,
	MS_STALL_PGSTEAL_KSWAPD,
	MS_STALL_OOM_KILL,
	MS_STALL_NR,
};

/**
 * struct ms_stall_counters - the counters of one vmstat sample
 * @value:   the count since boot (0 when absent)
 * @present: bit (1 << id) set when the file had the counter
 */
struct ms_stall_counters {
	uint64_t value[MS_STALL_NR];
	unsigned int present;
};

/**
 * struct ms_stall_rates - counts per second between two samples
 * @per_s: the rate of each counter
 * @valid: bit (1 << id) set when @per_s is meaningful: the counter is in
 *         both samples and did not go down (a counter that goes down
 *         means the samples are from different boots or machines)
 */
struct ms_stall_rates {
	double per_s[MS_STALL_NR];
	unsigned int valid;
};

/**
 * ms_stall_read() - pick the counters out of a parsed /proc/vmstat
 *
 * A sum that does not fit in 64 bits saturates at UINT64_MAX.
 */
void ms_stall_read(struct ms_stall_counters *c, const struct ms_kv *vmstat);

/**
 * ms_stall_rates() - the rates from @prev to @cur
 * @elapsed_s: seconds between the samples; no rate is valid unless > 0
 */
void ms_stall_rates(struct ms_stall_rates *r,
		    const struct ms_stall_counters *prev,
		    const struct ms_stall_counters *cur, double elapsed_s);

/**
 * ms_stall_name() - the counter's name, used as its JSON key
 * ("compact_stall", "allocstall", "pgscan_direct", ...)
 */
const char *ms_stall_name(enum ms_stall_id id);

#endif
