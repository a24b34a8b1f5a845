/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_ZONEINFO_H
#define MS_ZONEINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"
#include "proc/buddyinfo.h"

/**
 * struct ms_stat - one "name value" counter line, kept by name
 */
struct ms_stat {
	char *name;
	uint64_t value;
};

/**
 * enum ms_zone_has - which optional lines a zone block had
 *
 * Field sets change with the kernel era (see the reference §5.3); the
 * model uses these bits for feature detection instead of version numbers.
 */
enum ms_zone_has {
	MS_ZONE_HAS_BOOST = (1 << 0),	      /* "boost" (5.15..6.1+) */
	MS_ZONE_HAS_PROMO = (1 << 1),	      /* "promo" (6.8..6.12+) */
	MS_ZONE_HAS_MANAGED = (1 << 2),	      /* "managed" (3.x+) */
	MS_ZONE_HAS_CMA = (1 << 3),	      /* "cma" (5.10..5.15+) */
	MS_ZONE_HAS_NR_FREE_CMA = (1 << 4),   /* "nr_free_cma" stat */
	MS_ZONE_HAS_NR_UNACCEPTED = (1 << 5), /* "nr_unaccepted" stat */
	MS_ZONE_HAS_HIGHATOMIC =
		(1 << 6), /* reserved_/free_highatomic (6.19) */
	MS_ZONE_HAS_START_PFN = (1 << 7),
	MS_ZONE_HAS_PAGESETS = (1 << 8),
	MS_ZONE_HAS_PROTECTION = (1 << 9),
	MS_ZONE_HAS_SCANNED = (1 << 10),    /* "scanned" (<= 4.4) */
	MS_ZONE_HAS_NODE_STATS = (1 << 11), /* "per-node stats" block (4.8+) */
	MS_ZONE_HAS_FREE = (1 << 12),	    /* "pages free" */
	MS_ZONE_HAS_WMARKS = (1 << 13),	    /* min, low and high */
};

/**
 * struct ms_zone - one "Node %d, zone %8s" block of /proc/zoneinfo
 * @node:        NUMA node id
 * @name:        zone name as printed ("DMA32")
 * @index:       zone index: ordinal of the zone in its node's block
 *               (zoneinfo prints every zone in index order from 4.12;
 *               older kernels print populated zones only, see
 *               ms_zoneinfo_fix_indices()); always the position of the
 *               zone in every @protection list
 * @free_pages:  "pages free" (NR_FREE_PAGES)
 * @min_pages, @low_pages, @high_pages, @promo_pages: watermarks as
 *               printed, i.e. including @boost_pages
 * @boost_pages: "boost" (0 when absent)
 * @spanned_pages, @present_pages, @managed_pages: sizes
 * @cma_pages:   "cma" (pages of CMA area in the zone)
 * @protection:  lowmem_reserve[] as printed, @nr_protection entries
 * @nr_free_cma, @nr_unaccepted: stat lines of the same name (0 if absent)
 * @reserved_highatomic, @free_highatomic: 6.19 tail lines
 * @start_pfn:   "start_pfn"
 * @node_unreclaimable: "node_unreclaimable" or 2.6-4.4 "all_unreclaimable"
 * @nr_cpus:     number of CPUs with a "cpu:" pageset entry (the 2.6
 *               hot and cold lists "cpu: 0 pcp: 0", "cpu: 0 pcp: 1"
 *               count as one CPU)
 * @pcp_count:   sum of the per-CPU "count" lines (pages on pcp lists;
 *               2.6 hot and cold lists both included)
 * @pcp_batch:   largest per-CPU "batch" value
 * @pcp_high:    largest per-CPU "high" value
 * @pcp_high_min: largest per-CPU "high_min" value (6.12+, else 0)
 * @pcp_high_max: largest per-CPU "high_max" value (6.12+, else 0)
 * @stats_threshold: largest "vm stats threshold" (0 if absent, as on
 *               uniprocessor kernels)
 * @stats:       every other "name value" line of the zone block (zone
 *               stats including nr_free_pages, nr_free_cma and
 *               nr_unaccepted, numa stats, 2.6-era lines such as
 *               "active", "inactive" and "scanned"), then the tail
 *               lines without their colon ("all_unreclaimable",
 *               "start_pfn", "inactive_ratio", "prev_priority", ...),
 *               in file order
 * @has:         enum ms_zone_has bits
 * @line:        line number of the "Node" header, for messages
 */
struct ms_zone {
	int node;
	char name[MS_ZONE_NAME_MAX];
	unsigned int index;
	uint64_t free_pages;
	uint64_t min_pages;
	uint64_t low_pages;
	uint64_t high_pages;
	uint64_t promo_pages;
	uint64_t boost_pages;
	uint64_t spanned_pages;
	uint64_t present_pages;
	uint64_t managed_pages;
	uint64_t cma_pages;
	int64_t protection[MS_MAX_ZONES_PER_NODE];
	unsigned int nr_protection;
	uint64_t nr_free_cma;
	uint64_t nr_unaccepted;
	uint64_t reserved_highatomic;
	uint64_t free_highatomic;
	uint64_t start_pfn;
	uint64_t node_unreclaimable;
	unsigned int nr_cpus;
	uint64_t pcp_count;
	uint64_t pcp_batch;
	uint64_t pcp_high;
	uint64_t pcp_high_min;
	uint64_t pcp_high_max;
	uint64_t stats_threshold;
	struct ms_stat *stats;
	size_t nr_stats;
	unsigned int has;
	unsigned int line;
};

/**
 * struct ms_zi_node - per-node facts
 * @node:  node id
 * @stats: the "per-node stats" block (4.8+), empty before. 4.17/4.18-era
 *         kernels (RHEL 8 too) print NR_INDIRECTLY_RECLAIMABLE_BYTES
 *         there with an empty name, i.e. a line holding only a number;
 *         it is kept as "nr_indirectly_reclaimable" (bytes, not pages)
 */
struct ms_zi_node {
	int node;
	struct ms_stat *stats;
	size_t nr_stats;
};

/**
 * struct ms_zoneinfo - /proc/zoneinfo (mm/vmstat.c zoneinfo_show())
 * @zones: every zone block in file order (nodes ascending, zones by index)
 * @nodes: one entry per node seen, in file order
 * @populated_only: the kernel printed populated zones only (before
 *         4.12), detected as a node block with fewer zones than
 *         protection entries; a zone absent from such a file is
 *         unpopulated, not missing
 */
struct ms_zoneinfo {
	struct ms_zone *zones;
	size_t nr_zones;
	struct ms_zi_node *nodes;
	size_t nr_nodes;
	bool populated_only;
};

/**
 * ms_zoneinfo_parse() - parse the text of /proc/zoneinfo, any era
 *
 * Accepts 2.6 (active/inactive, hot/cold pagesets), 3.x/4.x layouts
 * (stats before protection, 4-space indent), 4.8+ per-node blocks,
 * empty zones ending right after "protection:", and the later
 * boost/promo/cma/high_min/highatomic lines. Unknown "name value" lines
 * are kept in @stats. A zone without "pages free", without min/low/high
 * or without spanned/present is an error naming the line of its header.
 * Also refused: text before the first "Node" line, nodes out of
 * ascending order, a zone printed twice, a repeated line, numbers that
 * do not fit in 64 bits, a protection list that is not "(a, b, ...)" or
 * has more than MS_MAX_ZONES_PER_NODE entries or another length than
 * the first zone's, a "pagesets" section without a CPU or a CPU without
 * count/high/batch, NUL bytes, and an empty input.
 *
 * Return: 0, or a negative errno with @diag naming the line; on error
 * @zi is left empty. Release with ms_zoneinfo_release().
 */
int ms_zoneinfo_parse(struct ms_zoneinfo *zi, const char *buf, size_t len,
		      const char *name, struct ms_diag *diag);

/**
 * ms_zoneinfo_fix_indices() - set @index of every zone of @zi
 * @name: file name for messages
 *
 * From 4.12 zoneinfo prints every zone, so the index is the ordinal of
 * the zone within its node. Older kernels print populated zones only:
 * when a node block has fewer zones than the protection list has
 * entries (lowmem_reserve[] always has one per configured zone), the
 * index is the zone's position in the canonical order DMA, DMA32,
 * Normal, HighMem, Movable, Device restricted to the zones configured on
 * the machine, taken as every name printed on any node plus Normal and
 * Movable (which always exist). If that list's length is not the
 * protection length, kernels without Movable (before 2.6.23) are tried,
 * then the fixed DMA, DMA32, Normal, HighMem enum of 2.6.15-2.6.18;
 * files that print "temp_priority" (2.6.19 and older) skip the first
 * guess. Example: ARM Normal and HighMem with 3 entries gives Normal 0,
 * HighMem 1 (Movable 2). Sets @zi->populated_only. Called by
 * ms_zoneinfo_parse().
 *
 * Return: 0, or -EINVAL with @diag filled when a node has more zones
 * than protection entries, a zone name is unknown in a populated-only
 * file or a zone does not fit in the protection list.
 */
int ms_zoneinfo_fix_indices(struct ms_zoneinfo *zi, const char *name,
			    struct ms_diag *diag);

/** ms_zoneinfo_release() - free what ms_zoneinfo_parse() allocated */
void ms_zoneinfo_release(struct ms_zoneinfo *zi);

/** ms_zoneinfo_find() - zone (@node, @name), or NULL */
const struct ms_zone *ms_zoneinfo_find(const struct ms_zoneinfo *zi, int node,
				       const char *name);

/** ms_zoneinfo_node() - per-node facts of @node, or NULL */
const struct ms_zi_node *ms_zoneinfo_node(const struct ms_zoneinfo *zi,
					  int node);

/**
 * ms_zone_stat() - value of stat @name in @z; false when absent
 * @value: result, may be NULL to test for presence only
 */
bool ms_zone_stat(const struct ms_zone *z, const char *name, uint64_t *value);

/**
 * ms_zi_node_stat() - value of per-node stat @name; false when absent
 * @value: result, may be NULL to test for presence only
 */
bool ms_zi_node_stat(const struct ms_zi_node *n, const char *name,
		     uint64_t *value);

/** ms_zone_populated() - the zone has present pages */
static inline bool ms_zone_populated(const struct ms_zone *z)
{
	return z->present_pages > 0;
}

#endif
