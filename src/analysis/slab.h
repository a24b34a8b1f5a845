/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_ANALYSIS_SLAB_H
#define MS_ANALYSIS_SLAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"
#include "proc/kv.h"
#include "proc/slabinfo.h"
#include "proc/slub_sysfs.h"

/**
 * enum ms_slab_row_flags - what is notable about one cache's numbers
 * @MS_SLAB_OVERCOMMIT:   active_objs * obj_size exceeds the cache's pages,
 *                        so waste_bytes was clamped at 0 (an inconsistent
 *                        line, or pages_per_slab lowered by SLUB's order
 *                        fallback under memory pressure)
 * @MS_SLAB_ACTIVE_OVER_TOTAL: active_objs > num_objs (use_pct > 100)
 * @MS_SLAB_HAS_DELTA:    the delta_* and *_per_s fields are set
 * @MS_SLAB_NEW:          the cache was absent from the previous sample;
 *                        its deltas count from zero
 * @MS_SLAB_GROWING:      the growth detector flagged the cache
 * @MS_SLAB_GROWTH_FROM_ZERO: the oldest value of the growth window was 0,
 *                        so growth_pct is not defined (left 0) and any
 *                        percentage threshold counts as exceeded
 * @MS_SLAB_HAS_START_DELTA: the start_* fields are set
 *                        (ms_slab_model_delta_start())
 * @MS_SLAB_NEW_SINCE_START: the cache was absent from the first sample
 */
enum ms_slab_row_flags {
	MS_SLAB_OVERCOMMIT = (1 << 0),
	MS_SLAB_ACTIVE_OVER_TOTAL = (1 << 1),
	MS_SLAB_HAS_DELTA = (1 << 2),
	MS_SLAB_NEW = (1 << 3),
	MS_SLAB_GROWING = (1 << 4),
	MS_SLAB_GROWTH_FROM_ZERO = (1 << 5),
	MS_SLAB_HAS_START_DELTA = (1 << 6),
	MS_SLAB_NEW_SINCE_START = (1 << 7),
};

/**
 * struct ms_slab_row - one cache and the values derived from it
 * @cache:        the parsed line (borrowed from the model's ms_slabinfo)
 * @index:        position of the cache in the file
 * @bytes:        num_slabs * pages_per_slab * page_size: the pages the
 *                cache holds, slabtop's CACHE SIZE and what meminfo's
 *                Slab counts
 * @active_bytes: active_objs * obj_size
 * @objs_bytes:   num_objs * obj_size (slabtop's total size)
 * @waste_bytes:  bytes - active_bytes, 0 when negative
 *                (%MS_SLAB_OVERCOMMIT). Under SLUB active_objs counts
 *                objects free in per-CPU slabs as active, so this is a
 *                lower bound there.
 * @use_pct:      100 * active_objs / num_objs, 0 for an empty cache
 *                (slabtop's USE, which truncates it to an integer)
 * @flags:        enum ms_slab_row_flags
 * @delta_bytes, @delta_active_bytes, @delta_objs, @delta_active_objs:
 *                change since the previous sample (ms_slab_model_delta())
 * @bytes_per_s, @objs_per_s, @active_objs_per_s: the same per second
 * @growth_samples: samples in the growth window so far
 *                (ms_slab_growth_update())
 * @growth_bytes: newest minus oldest bytes in the window, when the
 *                window is full and never shrank; else 0
 * @growth_pct:   @growth_bytes in percent of the oldest value
 * @start_delta_bytes, @start_delta_objs, @start_delta_active_objs:
 *                change since the first sample of a --watch run
 *                (ms_slab_model_delta_start())
 * @start_bytes_per_s, @start_objs_per_s: the same per second
 * @sysfs:        SLUB's sysfs facts about the cache, or NULL when they
 *                are unknown (borrowed; never set by this module, the
 *                caller that read them fills it in)
 */
struct ms_slab_row {
	const struct ms_slab_cache *cache;
	size_t index;
	uint64_t bytes;
	uint64_t active_bytes;
	uint64_t objs_bytes;
	uint64_t waste_bytes;
	double use_pct;
	unsigned int flags;
	int64_t delta_bytes;
	int64_t delta_active_bytes;
	int64_t delta_objs;
	int64_t delta_active_objs;
	double bytes_per_s;
	double objs_per_s;
	double active_objs_per_s;
	unsigned int growth_samples;
	uint64_t growth_bytes;
	double growth_pct;
	int64_t start_delta_bytes;
	int64_t start_delta_objs;
	int64_t start_delta_active_objs;
	double start_bytes_per_s;
	double start_objs_per_s;
	const struct ms_slub_sysfs *sysfs;
};

/**
 * struct ms_slab_totals - the whole file, as slabtop's summary prints it
 * @caches:        number of caches
 * @active_caches: caches with at least one object slot (num_objs > 0)
 * @objs, @active_objs:   sums of num_objs and active_objs
 * @slabs, @active_slabs: sums of num_slabs and active_slabs
 * @pages:         sum of num_slabs * pages_per_slab
 * @bytes, @active_bytes, @objs_bytes, @waste_bytes: sums of the rows'
 * @min_obj_size, @max_obj_size: over all caches, empty ones included
 * @avg_obj_size:  objs_bytes / objs, truncated (0 without objects)
 * @new_caches:    rows flagged %MS_SLAB_NEW (after a delta)
 * @gone_caches:   caches of the previous sample missing from this one
 * @delta_bytes:   change of @bytes since the previous sample, the caches
 *                 that went away included
 * @bytes_per_s:   the same per second
 * @growing_caches: rows flagged %MS_SLAB_GROWING
 * @start_delta_bytes: change of @bytes since the first sample
 * @start_bytes_per_s: the same per second
 */
struct ms_slab_totals {
	size_t caches;
	size_t active_caches;
	uint64_t objs;
	uint64_t active_objs;
	uint64_t slabs;
	uint64_t active_slabs;
	uint64_t pages;
	uint64_t bytes;
	uint64_t active_bytes;
	uint64_t objs_bytes;
	uint64_t waste_bytes;
	uint32_t min_obj_size;
	uint32_t avg_obj_size;
	uint32_t max_obj_size;
	size_t new_caches;
	size_t gone_caches;
	int64_t delta_bytes;
	double bytes_per_s;
	size_t growing_caches;
	int64_t start_delta_bytes;
	double start_bytes_per_s;
};

/**
 * struct ms_slab_model - the caches of one slabinfo sample with derived
 * values
 * @si:         the parsed sample (borrowed: must outlive the model)
 * @page_size:  bytes per page used for @rows[].bytes
 * @rows:       one per cache, in file order until ms_slab_sort()
 * @nr_rows:    number of @rows
 * @totals:     sums over all rows
 * @has_delta:  ms_slab_model_delta() filled the delta fields
 * @elapsed_s:  seconds between the previous sample and this one
 * @has_start_delta: ms_slab_model_delta_start() filled the start_* fields
 * @start_elapsed_s: seconds between the first sample and this one
 */
struct ms_slab_model {
	const struct ms_slabinfo *si;
	uint64_t page_size;
	struct ms_slab_row *rows;
	size_t nr_rows;
	struct ms_slab_totals totals;
	bool has_delta;
	double elapsed_s;
	bool has_start_delta;
	double start_elapsed_s;
};

/**
 * ms_slab_model_build() - derive sizes and totals from a parsed sample
 * @m:         result; release with ms_slab_model_release()
 * @si:        the sample (borrowed, not copied)
 * @page_size: bytes per page of the machine the sample comes from (from
 *             the capture's meta file, not from this machine, with --root)
 *
 * Return: 0, -EINVAL for a page size that is not a power of two,
 * -EOVERFLOW when a size does not fit in 64 bits, or -ENOMEM; @diag
 * says which cache.
 */
int ms_slab_model_build(struct ms_slab_model *m, const struct ms_slabinfo *si,
			uint64_t page_size, struct ms_diag *diag);

void ms_slab_model_release(struct ms_slab_model *m);

/**
 * enum ms_slab_sort_key - row orders; the letters are slabtop's --sort
 * @MS_SLAB_SORT_ACTIVE_OBJS:    'a' active objects
 * @MS_SLAB_SORT_OBJS_PER_SLAB:  'b' objects per slab
 * @MS_SLAB_SORT_CACHE_SIZE:     'c' bytes (page-level cache size)
 * @MS_SLAB_SORT_SLABS:          'l' number of slabs
 * @MS_SLAB_SORT_ACTIVE_SLABS:   'v' active slabs
 * @MS_SLAB_SORT_NAME:           'n' name, ascending
 * @MS_SLAB_SORT_OBJS:           'o' objects (slabtop's default)
 * @MS_SLAB_SORT_PAGES_PER_SLAB: 'p' pages per slab
 * @MS_SLAB_SORT_OBJ_SIZE:       's' object size
 * @MS_SLAB_SORT_USE:            'u' utilization (use_pct)
 * @MS_SLAB_SORT_GROWTH:         'g' bytes_per_s (memscope's own; rows
 *                               without a delta count as 0)
 * @MS_SLAB_SORT_WASTE:          'w' waste_bytes (memscope's own)
 *
 * Every key but the name sorts from the largest down, as slabtop does.
 */
enum ms_slab_sort_key {
	MS_SLAB_SORT_ACTIVE_OBJS,
	MS_SLAB_SORT_OBJS_PER_SLAB,
	MS_SLAB_SORT_CACHE_SIZE,
	MS_SLAB_SORT_SLABS,
	MS_SLAB_SORT_ACTIVE_SLABS,
	MS_SLAB_SORT_NAME,
	MS_SLAB_SORT_OBJS,
	MS_SLAB_SORT_PAGES_PER_SLAB,
	MS_SLAB_SORT_OBJ_SIZE,
	MS_SLAB_SORT_USE,
	MS_SLAB_SORT_GROWTH,
	MS_SLAB_SORT_WASTE,
	MS_SLAB_NR_SORT_KEYS,
};

/**
 * ms_slab_sort_key_parse() - a sort key from its slabtop letter ("o") or
 * its name ("objs", "cache_size", "growth", ...; see
 * ms_slab_sort_key_name())
 *
 * Return: 0, or -EINVAL for an unknown key.
 */
int ms_slab_sort_key_parse(const char *s, enum ms_slab_sort_key *key);

/** ms_slab_sort_key_name() - the long name of @key ("active_objs") */
const char *ms_slab_sort_key_name(enum ms_slab_sort_key key);

/** ms_slab_sort_key_letter() - slabtop's letter for @key ('a') */
char ms_slab_sort_key_letter(enum ms_slab_sort_key key);

/**
 * ms_slab_sort() - order @m->rows by @key
 * @reverse: the opposite of the key's usual direction
 *
 * Rows that compare equal keep file order, in either direction, so the
 * result never depends on the sorting algorithm.
 */
void ms_slab_sort(struct ms_slab_model *m, enum ms_slab_sort_key key,
		  bool reverse);

/**
 * ms_slab_model_delta() - compare @m with the previous sample
 * @prev:      the previous sample (only read)
 * @elapsed_s: seconds between the two samples, > 0
 *
 * Caches are matched by name and, when a name repeats, by its position
 * among the caches of that name (the second "foo" with the second
 * "foo"). Sets the delta fields of every row and of the totals.
 *
 * Return: 0, -EINVAL for a bad @elapsed_s, -EOVERFLOW or -ENOMEM, with
 * @diag filled.
 */
int ms_slab_model_delta(struct ms_slab_model *m, const struct ms_slabinfo *prev,
			double elapsed_s, struct ms_diag *diag);

/**
 * ms_slab_model_delta_start() - compare @m with the first sample of a
 * series
 * @first:     the first sample (only read)
 * @elapsed_s: seconds since it, > 0
 *
 * The same matching as ms_slab_model_delta(), but the results go to the
 * start_* fields of the rows and totals and to
 * %MS_SLAB_NEW_SINCE_START, so that both the change since the previous
 * sample and the change since the start can be shown. The new and gone
 * counts of the totals are left alone.
 *
 * Return: as ms_slab_model_delta().
 */
int ms_slab_model_delta_start(struct ms_slab_model *m,
			      const struct ms_slabinfo *first, double elapsed_s,
			      struct ms_diag *diag);

/* The longest growth window ms_slab_growth keeps. */
#define MS_SLAB_GROWTH_MAX_WINDOW 64

/**
 * struct ms_slab_growth_opts - when a cache counts as growing
 * @window:    K, the number of samples looked at (2 to
 *             %MS_SLAB_GROWTH_MAX_WINDOW)
 * @min_bytes: growth over the window must exceed this; 0 only asks for
 *             some growth
 * @min_pct:   growth must exceed this percentage of the oldest value;
 *             0 sets no percentage threshold. When both thresholds are
 *             set, both must be exceeded.
 * @strict:    every step must grow; otherwise a step may also stay
 *             level (SLUB grows in whole slabs, so a slow leak often
 *             shows equal values between samples)
 */
struct ms_slab_growth_opts {
	unsigned int window;
	uint64_t min_bytes;
	double min_pct;
	bool strict;
};

/**
 * struct ms_slab_growth - per-cache history of bytes for --watch
 *
 * Keeps the last @opts.window values of bytes of every cache, keyed by
 * (name, dup_index). The fields are private.
 */
struct ms_slab_growth {
	struct ms_slab_growth_opts opts;
	struct ms_slab_track *tracks;
	size_t nr_tracks;
	uint64_t *ring;
};

/**
 * ms_slab_growth_init() - an empty history
 *
 * Return: 0, or -EINVAL for options out of range, with @diag filled.
 */
int ms_slab_growth_init(struct ms_slab_growth *g,
			const struct ms_slab_growth_opts *opts,
			struct ms_diag *diag);

/**
 * ms_slab_growth_update() - add sample @m to the history and judge it
 *
 * Appends every row's bytes to its cache's ring (a cache seen for the
 * first time starts a new one; a cache that went away loses its
 * history), then sets growth_samples, growth_bytes, growth_pct and
 * %MS_SLAB_GROWING on the rows of @m and totals.growing_caches. A cache
 * is growing when the ring is full (@opts.window values), no step
 * shrank (with @opts.strict: every step grew), and the growth from the
 * oldest to the newest value exceeds the thresholds.
 *
 * Return: 0 or -ENOMEM with @diag filled (the history is then unchanged).
 */
int ms_slab_growth_update(struct ms_slab_growth *g, struct ms_slab_model *m,
			  struct ms_diag *diag);

void ms_slab_growth_release(struct ms_slab_growth *g);

/**
 * struct ms_slab_meminfo_check - slabinfo against /proc/meminfo
 * @slabinfo_bytes:     totals.bytes: the pages of all caches
 * @slab_bytes:         meminfo "Slab" in bytes
 * @sreclaimable_bytes: "SReclaimable" in bytes (0 when absent)
 * @sunreclaim_bytes:   "SUnreclaim" in bytes (0 when absent)
 * @has_split:          both SReclaimable and SUnreclaim were present
 * @diff_bytes:         @slabinfo_bytes - @slab_bytes
 * @diff_pct:           @diff_bytes in percent of @slab_bytes (0 when
 *                      @slab_bytes is 0)
 *
 * Both count slab pages: meminfo Slab is NR_SLAB_RECLAIMABLE +
 * NR_SLAB_UNRECLAIMABLE, raised and lowered as slabs are allocated and
 * freed. They agree exactly when the two files are read at the same
 * instant on a kernel whose slabinfo lists every cache.
 */
struct ms_slab_meminfo_check {
	uint64_t slabinfo_bytes;
	uint64_t slab_bytes;
	uint64_t sreclaimable_bytes;
	uint64_t sunreclaim_bytes;
	bool has_split;
	int64_t diff_bytes;
	double diff_pct;
};

/**
 * ms_slab_meminfo_check() - compare @m's page-level total with meminfo
 * @meminfo: parsed /proc/meminfo (values in kB)
 *
 * Return: 0, -ENOENT when meminfo has no "Slab" line, or -EOVERFLOW,
 * with @diag filled.
 */
int ms_slab_meminfo_check(const struct ms_slab_model *m,
			  const struct ms_kv *meminfo,
			  struct ms_slab_meminfo_check *chk,
			  struct ms_diag *diag);

#endif
