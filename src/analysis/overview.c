// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The zones of one sample for memscope top: the shared watermark,
 * fragmentation and GFP_ATOMIC models applied to every zone and order.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/frag.h"
#include "analysis/overview.h"
#include "lib/banned.h"

/* The order count memscope atomic uses without buddyinfo/pagetypeinfo. */
#define DEFAULT_ORDERS 11

static void zone_frag(struct ms_overview_zone *oz, unsigned int nr_orders)
{
	unsigned int o;

	oz->largest_free_order = -1;
	if (!oz->buddy)
		return;
	for (o = 0; o < nr_orders; o++) {
		struct ms_contig info;

		if (oz->buddy->free_blocks[o])
			oz->largest_free_order = (int)o;
		ms_frag_contig(oz->buddy->free_blocks, nr_orders, o, &info);
		oz->unusable[o] = ms_frag_unusable(&info, o);
		oz->extfrag[o] = ms_frag_extfrag(&info, o);
	}
}

static struct ms_overview_zone *find_zone(struct ms_overview *ov,
					  const struct ms_zone *z)
{
	size_t i;

	for (i = 0; i < ov->nr_zones; i++)
		if (ov->zones[i].zone == z)
			return &ov->zones[i];
	return NULL;
}

/* GFP_ATOMIC with each node preferred in turn, at every order. */
static int atomic_all(struct ms_overview *ov, const struct ms_zoneinfo *zi,
		      const struct ms_buddyinfo *bi,
		      const struct ms_pagetypeinfo *pt,
		      const struct ms_era *era)
{
	struct ms_atomic_input in = { zi, bi, pt, era };
	bool seen[MS_MAX_ORDERS] = { false };
	unsigned int o;
	size_t n, z;

	for (n = 0; n < zi->nr_nodes; n++) {
		for (o = 0; o < ov->nr_orders; o++) {
			struct ms_atomic_request req = { MS_GFP_ATOMIC,
							 MS_GFPZ_NORMAL, o,
							 zi->nodes[n].node };
			struct ms_overview_order *w = &ov->orders[o];
			struct ms_atomic_result res;
			int err = ms_atomic_eval(&in, &req, &res);

			if (err == -ENOENT) /* a memoryless node */
				break;
			if (err)
				return err;
			ov->has_atomic = true;
			ov->assume |= res.assume;
			if (!seen[o] || res.risk > w->risk ||
			    (res.risk == w->risk &&
			     res.headroom < w->headroom)) {
				w->risk = res.risk;
				w->node = req.node;
				w->headroom = res.headroom;
				seen[o] = true;
			}
			for (z = 0; z < res.nr_zones; z++) {
				const struct ms_atomic_zone *az = &res.zones[z];
				struct ms_overview_zone *oz;

				if (az->zone->node != req.node)
					continue;
				oz = find_zone(ov, az->zone);
				if (!oz)
					continue;
				oz->has_atomic = true;
				oz->headroom[o] = az->headroom;
				oz->passes[o] = az->passes;
			}
			ms_atomic_result_release(&res);
		}
	}
	return 0;
}

int ms_overview_build(struct ms_overview *ov, const struct ms_zoneinfo *zi,
		      const struct ms_buddyinfo *bi,
		      const struct ms_pagetypeinfo *pt,
		      const struct ms_era *era)
{
	size_t i, n = 0, cap;
	int err;

	memset(ov, 0, sizeof(*ov));
	ov->nr_orders = bi ? bi->nr_orders :
			pt ? pt->nr_orders :
			     DEFAULT_ORDERS;
	if (ov->nr_orders > MS_MAX_ORDERS)
		ov->nr_orders = MS_MAX_ORDERS;
	cap = zi ? zi->nr_zones : bi ? bi->nr_zones : 0;
	if (!cap)
		return 0;
	ov->zones = calloc(cap, sizeof(*ov->zones));
	if (!ov->zones)
		return -ENOMEM;
	for (i = 0; i < cap; i++) {
		struct ms_overview_zone *oz = &ov->zones[n];

		if (zi) {
			const struct ms_zone *z = &zi->zones[i];

			if (!ms_zone_populated(z))
				continue;
			oz->zone = z;
			oz->node = z->node;
			memcpy(oz->name, z->name, sizeof(oz->name));
			oz->state = ms_zone_state(z);
			oz->buddy =
				bi ? ms_buddyinfo_find(bi, z->node, z->name) :
				     NULL;
		} else {
			oz->buddy = &bi->zones[i];
			oz->node = oz->buddy->node;
			memcpy(oz->name, oz->buddy->zone, sizeof(oz->name));
			oz->state = MS_ZONE_EMPTY;
		}
		zone_frag(oz, bi ? bi->nr_orders : 0);
		n++;
	}
	ov->nr_zones = n;
	if (!zi || !era)
		return 0;
	err = atomic_all(ov, zi, bi, pt, era);
	if (err)
		ms_overview_release(ov);
	return err;
}

void ms_overview_release(struct ms_overview *ov)
{
	free(ov->zones);
	memset(ov, 0, sizeof(*ov));
}

const struct ms_overview_zone *ms_overview_find(const struct ms_overview *ov,
						int node, const char *name)
{
	size_t i;

	for (i = 0; i < ov->nr_zones; i++)
		if (ov->zones[i].node == node &&
		    !strcmp(ov->zones[i].name, name))
			return &ov->zones[i];
	return NULL;
}
