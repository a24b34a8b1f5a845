/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_BUDDYINFO_H
#define MS_BUDDYINFO_H

#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"

/*
 * The most orders memscope accepts in one zone. x86-64 and arm64/4K have
 * 11, arm64/64K has 14; the count is always taken from the file.
 */
#define MS_MAX_ORDERS	 32
#define MS_ZONE_NAME_MAX 16

/*
 * The most zones of one node: lowmem_reserve[] has MAX_NR_ZONES entries,
 * at most 8 (DMA DMA32 Normal HighMem Movable Device; 6 in practice).
 */
#define MS_MAX_ZONES_PER_NODE 8

/* The most nodes: MAX_NUMNODES is 1 << CONFIG_NODES_SHIFT, at most 10. */
#define MS_MAX_NODES 1024

/**
 * struct ms_buddy_zone - one line of /proc/buddyinfo
 * @node:  NUMA node id
 * @zone:  zone name as the kernel prints it ("DMA32")
 * @free_blocks: free blocks of each order, all migrate types together
 *         (free_area[order].nr_free)
 */
struct ms_buddy_zone {
	int node;
	char zone[MS_ZONE_NAME_MAX];
	uint64_t free_blocks[MS_MAX_ORDERS];
};

/**
 * struct ms_buddyinfo - /proc/buddyinfo (mm/vmstat.c frag_show())
 * @nr_orders: number of orders, the same on every line
 */
struct ms_buddyinfo {
	struct ms_buddy_zone *zones;
	size_t nr_zones;
	unsigned int nr_orders;
};

/**
 * ms_buddyinfo_parse() - parse the text of /proc/buddyinfo
 * @bi:   result; release with ms_buddyinfo_release()
 * @name: file name for messages
 *
 * Every line must have the same number of orders; nodes must ascend,
 * the zones of a node follow the kernel's zone order (for the names
 * ms_zone_name_rank() knows), no zone may appear twice and a node has
 * at most MS_MAX_ZONES_PER_NODE zones.
 *
 * Return: 0, or a negative errno with @diag naming the line.
 */
int ms_buddyinfo_parse(struct ms_buddyinfo *bi, const char *buf, size_t len,
		       const char *name, struct ms_diag *diag);

void ms_buddyinfo_release(struct ms_buddyinfo *bi);

/** ms_buddyinfo_find() - the line for (@node, @zone), or NULL */
const struct ms_buddy_zone *ms_buddyinfo_find(const struct ms_buddyinfo *bi,
					      int node, const char *zone);

/**
 * ms_zone_name_rank() - the index of zone @name in the kernel's enum
 * zone_type order: DMA 0, DMA32 1, Normal 2, HighMem 3, Movable 4,
 * Device 5
 *
 * Return: the rank, or -1 for a name the kernel does not use.
 */
int ms_zone_name_rank(const char *name);

/**
 * ms_parse_node_zone() - parse the "Node %d, zone %8s" prefix shared by
 * buddyinfo, pagetypeinfo and the debugfs extfrag files; the node must be
 * below MS_MAX_NODES
 * @toks: the line's tokens; on success toks[0..3] are consumed
 *
 * Return: 0 or -EINVAL.
 */
int ms_parse_node_zone(const struct ms_tok *toks, int ntok, int *node,
		       char *zone, size_t zone_size);

#endif
