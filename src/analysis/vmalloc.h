/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_ANALYSIS_VMALLOC_H
#define MS_ANALYSIS_VMALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proc/vmallocinfo.h"

/**
 * enum ms_vmalloc_type - the one kind each area is counted under
 *
 * A line can carry several flags ("vmalloc user", "vmap dma-coherent"),
 * but the totals by type add up to the grand total, so each area goes
 * to the first of: unpurged, vm_map_ram (the special lines), ioremap,
 * dma-coherent, user (vmalloc_user() and friends), vmalloc, vmap, and
 * other for the rest ("sparse" alone, vendor flags, no flag at all).
 */
enum ms_vmalloc_type {
	MS_VMALLOC_T_VMALLOC,
	MS_VMALLOC_T_VMAP,
	MS_VMALLOC_T_IOREMAP,
	MS_VMALLOC_T_VM_MAP_RAM,
	MS_VMALLOC_T_UNPURGED,
	MS_VMALLOC_T_USER,
	MS_VMALLOC_T_DMA_COHERENT,
	MS_VMALLOC_T_OTHER,
	MS_VMALLOC_NR_TYPES
};

/**
 * ms_vmalloc_area_type() - the type @a is counted under
 */
enum ms_vmalloc_type ms_vmalloc_area_type(const struct ms_vmalloc_area *a);

/**
 * ms_vmalloc_type_name() - "vmalloc", "vmap", "ioremap", "vm_map_ram",
 * "unpurged", "user", "dma-coherent" or "other"
 */
const char *ms_vmalloc_type_name(enum ms_vmalloc_type type);

/**
 * struct ms_vmalloc_group - areas that share a type, caller symbol or module
 * @name:          type name, symbol ("map_irq_stack"; the address text
 *                 for callers printed as bare addresses) or module name;
 *                 NULL for the areas without a caller (by symbol) or not
 *                 in a module (by module)
 * @module:        for a symbol group, the module of the symbol (NULL:
 *                 built-in); NULL otherwise
 * @count:         number of areas
 * @size_bytes:    sum of their size column (guard pages included)
 * @pages:         sum of their "pages="
 * @largest_bytes: the largest size among them
 *
 * The strings belong to the ms_vmallocinfo that was analyzed (not
 * copied).
 */
struct ms_vmalloc_group {
	const char *name;
	const char *module;
	uint64_t count;
	uint64_t size_bytes;
	uint64_t pages;
	uint64_t largest_bytes;
};

/**
 * struct ms_vmalloc_kept - the groups of an earlier sample, with their own
 * copies of the names (the parsed file they point into is freed with its
 * sample): what --watch and top compare the next sample with
 */
struct ms_vmalloc_kept {
	struct ms_vmalloc_group *groups;
	size_t nr;
};

/**
 * ms_vmalloc_kept_set() - replace what @k keeps with a copy of @n groups
 *
 * Return: 0, or -ENOMEM (@k then keeps the groups copied so far).
 */
int ms_vmalloc_kept_set(struct ms_vmalloc_kept *k,
			const struct ms_vmalloc_group *g, size_t n);

/** ms_vmalloc_kept_release() - free what @k keeps; @k is empty after */
void ms_vmalloc_kept_release(struct ms_vmalloc_kept *k);

/**
 * enum ms_vmalloc_sort - order of ms_vmalloc_groups_sort()
 *
 * Numbers sort largest first; ties, and MS_VMALLOC_SORT_NAME, by name
 * then module (NULL last).
 */
enum ms_vmalloc_sort {
	MS_VMALLOC_SORT_BYTES,
	MS_VMALLOC_SORT_COUNT,
	MS_VMALLOC_SORT_PAGES,
	MS_VMALLOC_SORT_LARGEST,
	MS_VMALLOC_SORT_NAME,
};

/**
 * ms_vmalloc_groups_sort() - sort @n groups in place
 *
 * The top N by a key are the first N after sorting by it.
 */
void ms_vmalloc_groups_sort(struct ms_vmalloc_group *groups, size_t n,
			    enum ms_vmalloc_sort key);

/**
 * struct ms_vmalloc_node_total - pages one NUMA node holds ("N<node>=")
 * @areas: number of areas with pages on the node
 */
struct ms_vmalloc_node_total {
	uint32_t node;
	uint64_t pages;
	uint64_t areas;
};

/**
 * enum ms_vmalloc_bound - how the start of the vmalloc window was chosen
 * @MS_VMALLOC_BOUND_GIVEN:  ms_vmalloc_opts.start (VMALLOC_START known)
 * @MS_VMALLOC_BOUND_PERCPU: VmallocTotal below the end of the highest
 *                           "pcpu_get_vm_areas" area
 * @MS_VMALLOC_BOUND_LOWEST: the lowest start address in the file
 */
enum ms_vmalloc_bound {
	MS_VMALLOC_BOUND_GIVEN,
	MS_VMALLOC_BOUND_PERCPU,
	MS_VMALLOC_BOUND_LOWEST,
};

/**
 * enum ms_vmalloc_frag_state - whether fragmentation could be computed
 * @MS_VMALLOC_FRAG_OK:       the fields of ms_vmalloc_frag are valid
 * @MS_VMALLOC_FRAG_NO_ADDRS: addresses are hashed or hidden (or there is
 *                            no area): unknown
 * @MS_VMALLOC_FRAG_NO_TOTAL: the size of the vmalloc area (VmallocTotal)
 *                            is not known: unknown
 */
enum ms_vmalloc_frag_state {
	MS_VMALLOC_FRAG_OK,
	MS_VMALLOC_FRAG_NO_ADDRS,
	MS_VMALLOC_FRAG_NO_TOTAL,
};

/**
 * struct ms_vmalloc_frag - free address space in [VMALLOC_START, VMALLOC_END)
 * @state:          whether the rest is valid
 * @bound:          how @start was chosen
 * @start:          the window's start
 * @end:            @start + VmallocTotal
 * @nr_inside:      busy areas starting inside the window
 * @nr_outside:     busy areas starting outside it (module areas kept in
 *                  the same list on x86-64, arm and arm64; static I/O
 *                  mappings on arm)
 * @used_bytes:     sum of the sizes of the areas inside (the VmallocUsed
 *                  of kernels before 4.4)
 * @span_bytes:     highest end - lowest start of the areas inside
 * @free_bytes:     window size minus the space covered by areas inside
 * @nr_gaps:        free gaps between two consecutive areas inside (the
 *                  space below the first and above the last is not
 *                  counted, but is considered for the largest gap)
 * @largest_gap_bytes: the largest free range: the VmallocChunk that
 *                  kernels before 4.4 printed, computed the same way
 * @largest_gap_start: where it starts
 * @largest_alloc_bytes: the largest vmalloc() that fits in that range:
 *                  the gap minus the guard page that every area carries
 *
 * Unpurged (lazily freed) areas count as free: alloc_vmap_area() purges
 * them and retries before it fails, and get_vmalloc_info() skipped
 * them too.
 */
struct ms_vmalloc_frag {
	enum ms_vmalloc_frag_state state;
	enum ms_vmalloc_bound bound;
	uint64_t start;
	uint64_t end;
	uint64_t nr_inside;
	uint64_t nr_outside;
	uint64_t used_bytes;
	uint64_t span_bytes;
	uint64_t free_bytes;
	uint64_t nr_gaps;
	uint64_t largest_gap_bytes;
	uint64_t largest_gap_start;
	uint64_t largest_alloc_bytes;
};

/**
 * struct ms_vmalloc_opts - what the analysis needs besides the file
 * @page_size_bytes: the page size (the guard page); must not be 0
 * @total_bytes:     VmallocTotal from /proc/meminfo x 1024, 0 when
 *                   unknown (VMALLOC_TOTAL >> 10, so up to 1023 bytes
 *                   are lost; on x86-64 the window ends 1023 bytes early)
 * @start:           VMALLOC_START, when @has_start
 * @has_start:       @start is known
 */
struct ms_vmalloc_opts {
	uint64_t page_size_bytes;
	uint64_t total_bytes;
	uint64_t start;
	bool has_start;
};

/**
 * struct ms_vmalloc_stats - everything memscope derives from one sample
 * @nr_areas:    number of lines
 * @size_bytes:  sum of the size column
 * @pages:       sum of "pages="
 * @by_type:     indexed by enum ms_vmalloc_type; all MS_VMALLOC_NR_TYPES
 *               are present, empty ones with count 0
 * @by_symbol:   one group per (caller symbol, module), largest size first
 * @by_module:   one group per module (NULL: not in a module), largest first
 * @nodes:       the nodes seen in "N<node>=", ascending
 * @numa_pages:  sum of all "N<node>=" values
 * @frag:        address-space fragmentation
 */
struct ms_vmalloc_stats {
	uint64_t nr_areas;
	uint64_t size_bytes;
	uint64_t pages;
	struct ms_vmalloc_group by_type[MS_VMALLOC_NR_TYPES];
	struct ms_vmalloc_group *by_symbol;
	size_t nr_by_symbol;
	struct ms_vmalloc_group *by_module;
	size_t nr_by_module;
	struct ms_vmalloc_node_total *nodes;
	size_t nr_nodes;
	uint64_t numa_pages;
	struct ms_vmalloc_frag frag;
};

/**
 * ms_vmalloc_analyze() - totals, groups, nodes and fragmentation of @vi
 * @st:   result; release with ms_vmalloc_stats_release(). Its strings
 *        point into @vi, which must outlive it.
 * @vi:   a parsed /proc/vmallocinfo
 * @opts: page size and the bounds of the vmalloc area
 *
 * The window [start, start + total_bytes) is VMALLOC_START..VMALLOC_END.
 * /proc shows neither bound, only their difference (VmallocTotal), so
 * the start is, in this order of preference:
 *
 * 1. @opts->start when given;
 * 2. VmallocTotal below the end of the highest area whose caller is
 *    pcpu_get_vm_areas(): the percpu allocator places its chunks at the
 *    very top of the vmalloc area (VMALLOC_END aligned down to its
 *    atom) to stay clear of ordinary vmallocs;
 * 3. the lowest start in the file: alloc_vmap_area() hands out the
 *    lowest free range first, so the first boot-time areas sit at
 *    VMALLOC_START. This is wrong where a module area lies below
 *    VMALLOC_START (arm, arm64) and the kernel has no percpu chunk to
 *    anchor on (uniprocessor builds): the window then starts in the
 *    module area and ends that much below VMALLOC_END.
 *
 * Areas starting outside the window are left out of the gaps, as
 * get_vmalloc_info() did ("some archs keep another range for modules").
 *
 * Return: 0, -EINVAL when @opts->page_size_bytes is 0, or -ENOMEM.
 */
int ms_vmalloc_analyze(struct ms_vmalloc_stats *st,
		       const struct ms_vmallocinfo *vi,
		       const struct ms_vmalloc_opts *opts);

void ms_vmalloc_stats_release(struct ms_vmalloc_stats *st);

/**
 * struct ms_vmalloc_delta - how one group changed between two samples
 * @name, @module:     the group (borrowed from the samples' strings)
 * @count, @size_bytes, @pages: the newer values (0: the group is gone)
 * @count_delta, @size_bytes_delta, @pages_delta: newer minus older
 * @count_per_sec, @size_bytes_per_sec, @pages_per_sec: the deltas over
 *                     the interval (0 when the interval is 0)
 */
struct ms_vmalloc_delta {
	const char *name;
	const char *module;
	uint64_t count;
	uint64_t size_bytes;
	uint64_t pages;
	int64_t count_delta;
	int64_t size_bytes_delta;
	int64_t pages_delta;
	double count_per_sec;
	double size_bytes_per_sec;
	double pages_per_sec;
};

/**
 * ms_vmalloc_delta() - per-group change from @old to @new, for leak hunting
 * @out:         result array, caller frees with free(); NULL when empty
 * @nr_out:      its length
 * @old, @nr_old: groups of the older sample (e.g. its by_symbol)
 * @new, @nr_new: the same kind of groups of the newer sample
 * @interval_ms: time between the samples
 *
 * Groups are matched by name and module. Groups whose count, size and
 * pages did not change are left out. The result is sorted by
 * @size_bytes_delta, growth first, then by name.
 *
 * Return: 0 or -ENOMEM (or -ERANGE for a change that does not fit in
 * 63 bits).
 */
int ms_vmalloc_delta(struct ms_vmalloc_delta **out, size_t *nr_out,
		     const struct ms_vmalloc_group *old, size_t nr_old,
		     const struct ms_vmalloc_group *new, size_t nr_new,
		     uint64_t interval_ms);

#endif
