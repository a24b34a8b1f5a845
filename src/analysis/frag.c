// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fragmentation indices, bit-exact with the kernel's debugfs files
 * extfrag/unusable_index and extfrag/extfrag_index (mm/vmstat.c).
 */
#include <errno.h>
#include <stdio.h>

#include "analysis/frag.h"
#include "lib/parse.h"
#include "lib/banned.h"

void ms_frag_contig(const uint64_t *nr_free, unsigned int nr_orders,
		    unsigned int order, struct ms_contig *info)
{
	unsigned int i;

	info->free_pages = 0;
	info->free_blocks_total = 0;
	info->free_blocks_suitable = 0;
	for (i = 0; i < nr_orders; i++) {
		uint64_t blocks = nr_free[i];

		info->free_blocks_total += blocks;
		info->free_pages += blocks << i;
		if (i >= order)
			info->free_blocks_suitable += blocks << (i - order);
	}
}

int ms_frag_unusable(const struct ms_contig *info, unsigned int order)
{
	if (!info->free_pages)
		return 1000;
	return (int)(((info->free_pages -
		       (info->free_blocks_suitable << order)) *
		      1000ULL) /
		     info->free_pages);
}

int ms_frag_extfrag(const struct ms_contig *info, unsigned int order)
{
	uint64_t requested = 1ULL << order;
	uint64_t q;

	if (!info->free_blocks_total)
		return 0;
	if (info->free_blocks_suitable)
		return -1000;
	q = (1000 + (info->free_pages * 1000ULL) / requested) /
	    info->free_blocks_total;
	/* unsigned long in the kernel, returned as int: wraps below 0 */
	return (int)(int64_t)(1000 - q);
}

const char *ms_frag_format_kernel(char *buf, size_t size, int v, bool wide)
{
	if (wide)
		snprintf(buf, size, "%2d.%03d", v / 1000, v % 1000);
	else
		snprintf(buf, size, "%d.%03d", v / 1000, v % 1000);
	return buf;
}

int ms_frag_parse_kernel(const char *s, size_t len, int *v)
{
	int64_t whole, frac;
	size_t dot;

	for (dot = 0; dot < len && s[dot] != '.'; dot++)
		;
	if (dot == 0 || dot >= len - 1)
		return -EINVAL;
	if (ms_parse_s64(s, dot, &whole) ||
	    ms_parse_s64(s + dot + 1, len - dot - 1, &frac))
		return -EINVAL;
	if (whole < -1000000 || whole > 1000000 || frac <= -1000 ||
	    frac >= 1000)
		return -EINVAL;
	/*
	 * C division and remainder give both parts the sign of the value:
	 * "-1.000" is -1000 and "0.-500" is -500. Mixed signs never come
	 * from the kernel.
	 */
	if ((whole < 0 && frac > 0) || (whole > 0 && frac < 0))
		return -EINVAL;
	*v = (int)(whole * 1000 + frac);
	return 0;
}
