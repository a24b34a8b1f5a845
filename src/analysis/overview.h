/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_OVERVIEW_H
#define MS_OVERVIEW_H

/*
 * Everything memscope top shows about the zones of one sample, derived
 * in one place from the parsed files so that the live screen and
 * "top --once" draw the same numbers: each zone against its watermarks
 * (analysis/wmark.h), its fragmentation indices at every order
 * (analysis/frag.h) and its GFP_ATOMIC headroom at every order
 * (analysis/atomic.h), and per order the worst GFP_ATOMIC verdict over
 * the nodes. Nothing here is a formula of its own: it calls the shared
 * ones for every zone and order.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/atomic.h"
#include "analysis/era.h"
#include "analysis/wmark.h"
#include "proc/buddyinfo.h"
#include "proc/pagetypeinfo.h"
#include "proc/zoneinfo.h"

/**
 * struct ms_overview_zone - one zone
 * @node, @name: which zone
 * @zone:     its zoneinfo block, or NULL when zoneinfo is missing (the
 *            zone then comes from buddyinfo alone; borrowed)
 * @buddy:    its buddyinfo line, or NULL (borrowed)
 * @state:    ms_zone_state() (MS_ZONE_EMPTY without @zone)
 * @largest_free_order: the highest order with a free block, -1 if none
 *            or without @buddy
 * @unusable: ms_frag_unusable() at each order (thousandths), when @buddy
 * @extfrag:  ms_frag_extfrag() at each order (thousandths), when @buddy
 * @has_atomic: the zone is in the GFP_ATOMIC zonelist of its own node
 *            (not ZONE_MOVABLE, not above Normal) and @headroom is set
 * @headroom: GFP_ATOMIC requests of each order the zone serves
 *            (ms_atomic_zone.headroom, with the zone's node preferred)
 * @passes:   an order-N GFP_ATOMIC request succeeds in the zone now
 */
struct ms_overview_zone {
	int node;
	char name[MS_ZONE_NAME_MAX];
	const struct ms_zone *zone;
	const struct ms_buddy_zone *buddy;
	enum ms_zone_state state;
	int largest_free_order;
	int unusable[MS_MAX_ORDERS];
	int extfrag[MS_MAX_ORDERS];
	bool has_atomic;
	uint64_t headroom[MS_MAX_ORDERS];
	bool passes[MS_MAX_ORDERS];
};

/**
 * struct ms_overview_order - the worst GFP_ATOMIC verdict at one order
 * @risk:     the highest enum ms_risk over the nodes' zonelists (each
 *            node preferred in turn; memoryless nodes are skipped)
 * @node:     the preferred node of that verdict (the lowest on a tie of
 *            risk and headroom)
 * @headroom: that zonelist's total headroom
 */
struct ms_overview_order {
	enum ms_risk risk;
	int node;
	uint64_t headroom;
};

/**
 * struct ms_overview - the zones of one sample
 * @zones:     populated zones in zoneinfo order (buddyinfo order without
 *             zoneinfo)
 * @nr_orders: orders of buddyinfo (or pagetypeinfo; 11 without either,
 *             as memscope atomic assumes)
 * @has_atomic: the GFP_ATOMIC model ran (needs zoneinfo): @orders and
 *             the zones' headroom are set
 * @orders:    per order, @nr_orders entries
 * @assume:    OR of the model's enum ms_atomic_assume flags
 */
struct ms_overview {
	struct ms_overview_zone *zones;
	size_t nr_zones;
	unsigned int nr_orders;
	bool has_atomic;
	struct ms_overview_order orders[MS_MAX_ORDERS];
	unsigned int assume;
};

/**
 * ms_overview_build() - derive the overview of one sample
 * @ov:  result; release with ms_overview_release()
 * @zi:  zoneinfo, or NULL
 * @bi:  buddyinfo, or NULL
 * @pt:  pagetypeinfo, or NULL
 * @era: the page allocator rules (needed with @zi)
 *
 * The result borrows from @zi and @bi, which must outlive it.
 *
 * Return: 0 or a negative errno from the GFP_ATOMIC model (-ENOMEM,
 * -ERANGE); @ov is then empty.
 */
int ms_overview_build(struct ms_overview *ov, const struct ms_zoneinfo *zi,
		      const struct ms_buddyinfo *bi,
		      const struct ms_pagetypeinfo *pt,
		      const struct ms_era *era);

/** ms_overview_release() - free what ms_overview_build() allocated */
void ms_overview_release(struct ms_overview *ov);

/** ms_overview_find() - zone (@node, @name) of @ov, or NULL */
const struct ms_overview_zone *ms_overview_find(const struct ms_overview *ov,
						int node, const char *name);

#endif
