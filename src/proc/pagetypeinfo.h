/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_PAGETYPEINFO_H
#define MS_PAGETYPEINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"
#include "proc/buddyinfo.h"

#define MS_MAX_MIGRATE_TYPES 12
#define MS_MIGRATE_NAME_MAX  24

/**
 * struct ms_pt_zone - per-migrate-type data of one zone
 * @free_blocks: [type][order] free blocks (list entries, not pages)
 * @capped:      [type][order] the kernel printed ">100000" (5.4+ stops
 *               walking a list at 100000 entries): the count is a floor
 * @blocks:      pageblocks of each type ("Number of blocks type")
 * @has_blocks:  the zone had a "Number of blocks type" row
 */
struct ms_pt_zone {
	int node;
	char zone[MS_ZONE_NAME_MAX];
	uint64_t free_blocks[MS_MAX_MIGRATE_TYPES][MS_MAX_ORDERS];
	bool capped[MS_MAX_MIGRATE_TYPES][MS_MAX_ORDERS];
	uint64_t blocks[MS_MAX_MIGRATE_TYPES];
	bool has_blocks;
};

/**
 * struct ms_pagetypeinfo - /proc/pagetypeinfo (mm/vmstat.c
 * pagetypeinfo_show()); root-only from 5.4
 * @pageblock_order: "Page block order: N"
 * @pages_per_block: "Pages per block:  N"
 * @nr_orders:       columns of the "Free pages count" header
 * @types:           migrate type names in enum order, as the first
 *                   zone's free rows list them; every other zone and the
 *                   "Number of blocks type" header must list the same
 *                   names in the same order (4.4+: Unmovable Movable
 *                   Reclaimable HighAtomic CMA Isolate; <= 4.3:
 *                   Unmovable Reclaimable Movable Reserve CMA Isolate;
 *                   vendor kernels reorder them). Unknown names are kept.
 * @zones:           every populated zone, in file order
 */
struct ms_pagetypeinfo {
	unsigned int pageblock_order;
	uint64_t pages_per_block;
	unsigned int nr_orders;
	char types[MS_MAX_MIGRATE_TYPES][MS_MIGRATE_NAME_MAX];
	unsigned int nr_types;
	struct ms_pt_zone *zones;
	size_t nr_zones;
};

/**
 * ms_pagetypeinfo_parse() - parse the text of /proc/pagetypeinfo
 *
 * Handles several nodes (each repeats the "Page block order" header),
 * the ">100000" floor of 5.4+, five or six types, the optional "Number
 * of mixed blocks" table (checked, then ignored) and kernels without
 * CMA or Isolate. @nr_orders comes from the "Free pages count" header,
 * whose columns must read 0, 1, 2, ...; every row must have that many
 * counts, and every node the same page block order and order count.
 * "Pages per block" must be 2^order. Also refused: an empty input,
 * text before "Page block order", a zone listed twice, block counts for
 * a zone without free rows, more than MS_MAX_ORDERS orders or
 * MS_MAX_MIGRATE_TYPES types, a capped count other than ">100000",
 * numbers that do not fit in 64 bits and NUL bytes.
 *
 * Return: 0, or a negative errno with @diag naming the line; on error
 * @pt is left empty. Release with ms_pagetypeinfo_release().
 */
int ms_pagetypeinfo_parse(struct ms_pagetypeinfo *pt, const char *buf,
			  size_t len, const char *name, struct ms_diag *diag);

/** ms_pagetypeinfo_release() - free what ms_pagetypeinfo_parse() allocated */
void ms_pagetypeinfo_release(struct ms_pagetypeinfo *pt);

/** ms_pagetypeinfo_find() - zone (@node, @zone), or NULL */
const struct ms_pt_zone *ms_pagetypeinfo_find(const struct ms_pagetypeinfo *pt,
					      int node, const char *zone);

/** ms_pagetypeinfo_type() - index of migrate type @name, or -1 */
int ms_pagetypeinfo_type(const struct ms_pagetypeinfo *pt, const char *name);

#endif
