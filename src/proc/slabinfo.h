/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_SLABINFO_H
#define MS_SLABINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"

/*
 * Longest cache name kept, terminator included. Kernel names are short
 * ("kmalloc-rcl-96", "nf_conntrack_ffff881026e52400", "size-4096(DMA)");
 * a longer one is refused rather than cut, so that two different caches
 * never end up with the same name.
 */
#define MS_SLAB_NAME_MAX 128

/*
 * The most columns the "# name" header may declare after the name,
 * section labels and ':' separators included. The plain header has 15,
 * the SLAB "(statistics)" header 30.
 */
#define MS_SLABINFO_MAX_COLS 96

/**
 * struct ms_slab_cache - one cache line of /proc/slabinfo
 * @name:           cache name, spaces and parentheses kept as printed
 * @dup_index:      0 for the first cache of this name in the file, 1 for
 *                  the second and so on (names can repeat)
 * @line:           1-based line number in the file
 * @active_objs:    objects in use (<active_objs>)
 * @num_objs:       object slots in all slabs (<num_objs>)
 * @obj_size:       bytes per object slot, metadata and alignment
 *                  included (<objsize>: kmem_cache.size)
 * @objs_per_slab:  <objperslab>
 * @pages_per_slab: <pagesperslab>, 2^order
 * @limit:          SLAB per-CPU array limit (<limit>); 0 under SLUB
 * @batchcount:     SLAB refill batch (<batchcount>); 0 under SLUB
 * @shared_factor:  SLAB shared array factor (<sharedfactor>); 0 under SLUB
 * @active_slabs:   slabs holding at least one object (<active_slabs>);
 *                  SLUB prints @num_slabs here
 * @num_slabs:      all slabs of the cache (<num_slabs>)
 * @shared_avail:   objects in the SLAB shared arrays (<sharedavail>)
 */
struct ms_slab_cache {
	char name[MS_SLAB_NAME_MAX];
	unsigned int dup_index;
	unsigned int line;
	uint64_t active_objs;
	uint64_t num_objs;
	uint32_t obj_size;
	uint32_t objs_per_slab;
	uint32_t pages_per_slab;
	uint32_t limit;
	uint32_t batchcount;
	uint32_t shared_factor;
	uint64_t active_slabs;
	uint64_t num_slabs;
	uint64_t shared_avail;
};

/**
 * struct ms_slabinfo - /proc/slabinfo, versions 2.0 and 2.1
 * @version:    the header's version, "2.0" or "2.1"
 * @statistics: the header said "(statistics)" (SLAB with
 *              CONFIG_DEBUG_SLAB: globalstat and cpustat columns follow)
 * @caches:     the cache lines in file order
 * @nr_caches:  number of @caches
 * @text:       the text this was parsed from (borrowed: see
 *              ms_slabinfo_parse_next())
 * @text_len:   its length
 * @head_len:   the bytes of @text up to the first cache line
 * @line_at:    the offset in @text of each cache's line
 */
struct ms_slabinfo {
	char version[8];
	bool statistics;
	struct ms_slab_cache *caches;
	size_t nr_caches;
	const char *text;
	size_t text_len;
	size_t head_len;
	size_t *line_at;
};

/**
 * ms_slabinfo_parse() - parse the text of /proc/slabinfo
 * @si:   result; release with ms_slabinfo_release()
 * @buf:  the file's text (borrowed, need not be NUL-terminated)
 * @len:  its length
 * @name: file name for messages
 * @diag: filled on error
 *
 * Reads the version line and the "# name" column header, then one cache
 * per line. Columns are located by the names in the header, so vendor
 * columns and the different globalstat sets of 2.0 and 2.1 are handled;
 * each cache line is split from the right, because the name may hold
 * spaces and a long name or a wide count pushes the columns out of line.
 *
 * Return: 0, or a negative errno (-EINVAL for malformed input, -ENOMEM)
 * with @diag naming the line.
 */
int ms_slabinfo_parse(struct ms_slabinfo *si, const char *buf, size_t len,
		      const char *name, struct ms_diag *diag);

/**
 * ms_slabinfo_parse_next() - parse a new sample of the same file
 * @prev: the previous sample, or NULL; the text it was parsed from must
 *        still be where it was (@prev->text)
 *
 * As ms_slabinfo_parse(), with the same result, but a cache line that is
 * byte for byte the line of the same cache in @prev, under the same
 * header, is copied from @prev instead of parsed again: between two
 * samples a second apart most caches do not change.
 */
int ms_slabinfo_parse_next(struct ms_slabinfo *si, const char *buf, size_t len,
			   const struct ms_slabinfo *prev, const char *name,
			   struct ms_diag *diag);

/**
 * ms_slabinfo_release() - free what ms_slabinfo_parse() allocated
 *
 * Leaves @si empty; releasing an empty or already released one is fine.
 */
void ms_slabinfo_release(struct ms_slabinfo *si);

/**
 * ms_slabinfo_find() - a cache by name
 * @dup_index: which of the caches called @name, 0 for the first
 *
 * Return: the cache, or NULL.
 */
const struct ms_slab_cache *ms_slabinfo_find(const struct ms_slabinfo *si,
					     const char *name,
					     unsigned int dup_index);

#endif
