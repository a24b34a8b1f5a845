/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_FRAG_H
#define MS_FRAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * struct ms_contig - the kernel's struct contig_page_info for one order
 * @free_pages:           F = sum nr[i] << i
 * @free_blocks_total:    T = sum nr[i]
 * @free_blocks_suitable: S = sum over i >= order of nr[i] << (i - order)
 *
 * Computed as fill_contig_page_info() in mm/vmstat.c does, from the
 * buddy free-list counts (all migrate types).
 */
struct ms_contig {
	uint64_t free_pages;
	uint64_t free_blocks_total;
	uint64_t free_blocks_suitable;
};

/**
 * ms_frag_contig() - fill @info for @order from @nr_free[0..@nr_orders-1]
 */
void ms_frag_contig(const uint64_t *nr_free, unsigned int nr_orders,
		    unsigned int order, struct ms_contig *info);

/**
 * ms_frag_unusable() - unusable free space index in thousandths
 *
 * The same calculation as unusable_free_index() in mm/vmstat.c: 1000 when
 * the zone has no free pages, else (F - S << order) * 1000 / F with
 * unsigned 64-bit division.
 */
int ms_frag_unusable(const struct ms_contig *info, unsigned int order);

/**
 * ms_frag_extfrag() - fragmentation index in thousandths
 *
 * The same calculation as __fragmentation_index() in mm/vmstat.c: 0 when
 * there are no free blocks, -1000 when a suitable block exists, else
 * 1000 - (1000 + F * 1000 / 2^order) / T computed in unsigned 64-bit and
 * returned as int, which makes it negative when T == 1 (one free block
 * smaller than the request: -500 for one order-0 page at order 1).
 */
int ms_frag_extfrag(const struct ms_contig *info, unsigned int order);

/**
 * ms_frag_format_kernel() - a thousandths value as debugfs prints it
 * @wide: the "%2d.%03d" format of extfrag_index from 5.16 on; otherwise
 *        "%d.%03d" (unusable_index always, extfrag_index up to 5.15)
 *
 * Reproduces C int division and remainder, so -500 prints "0.-500" as the
 * kernel does. Writes into @buf and returns it.
 */
const char *ms_frag_format_kernel(char *buf, size_t size, int v, bool wide);

/**
 * ms_frag_parse_kernel() - read back a value printed as above
 *
 * "-1.000" is -1000, "0.437" is 437, "0.-500" is -500.
 *
 * Return: 0 or -EINVAL.
 */
int ms_frag_parse_kernel(const char *s, size_t len, int *v);

#endif
