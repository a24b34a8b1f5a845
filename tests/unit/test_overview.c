// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The overview memscope top draws: every number must be the shared
 * model's own answer (ms_frag_*() and ms_atomic_eval() called directly
 * here for comparison), the worst verdict per order is taken over the
 * nodes, and the zones without a GFP_ATOMIC zonelist entry, empty zones
 * and memoryless nodes are handled.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/frag.h"
#include "analysis/overview.h"
#include "lib/banned.h"

#define NR_ORDERS 11

static struct ms_zone mkzone(int node, const char *name, unsigned int index,
			     uint64_t free, uint64_t min, uint64_t low)
{
	struct ms_zone z;

	memset(&z, 0, sizeof(z));
	z.node = node;
	snprintf(z.name, sizeof(z.name), "%s", name);
	z.index = index;
	z.free_pages = free;
	z.min_pages = min;
	z.low_pages = low;
	z.high_pages = low + (low - min);
	z.present_pages = z.managed_pages = z.spanned_pages =
		free ? 1000000 : 0;
	z.nr_protection = 4;
	z.nr_cpus = 4;
	z.pcp_batch = 63;
	z.has = MS_ZONE_HAS_FREE | MS_ZONE_HAS_WMARKS | MS_ZONE_HAS_PROTECTION |
		MS_ZONE_HAS_MANAGED | MS_ZONE_HAS_BOOST |
		MS_ZONE_HAS_HIGHATOMIC;
	return z;
}

static struct ms_buddy_zone mkbz(int node, const char *name,
				 const uint64_t nr[NR_ORDERS])
{
	struct ms_buddy_zone bz;

	memset(&bz, 0, sizeof(bz));
	bz.node = node;
	snprintf(bz.zone, sizeof(bz.zone), "%s", name);
	memcpy(bz.free_blocks, nr, NR_ORDERS * sizeof(nr[0]));
	return bz;
}

/*
 * Node 0: DMA32 (ample), Normal (fragmented), Movable (not usable by
 * GFP_ATOMIC), an empty Device zone. Node 1: Normal below min. Node 2:
 * memoryless (only an empty Normal).
 */
struct fixture {
	struct ms_zone zones[7];
	struct ms_zi_node nodes[3];
	struct ms_zoneinfo zi;
	struct ms_buddy_zone bz[5];
	struct ms_buddyinfo bi;
	struct ms_era era;
};

static void setup_fixture(struct fixture *f)
{
	static const uint64_t dma32[NR_ORDERS] = { 10, 10, 10, 10, 10, 10,
						   10, 10, 10, 10, 100 };
	static const uint64_t normal0[NR_ORDERS] = { 5000, 2000, 100, 3, 0 };
	static const uint64_t movable[NR_ORDERS] = { 0, 0, 0, 0, 0, 0,
						     0, 0, 0, 0, 50 };
	static const uint64_t normal1[NR_ORDERS] = { 100, 20, 1 };
	static const uint64_t none[NR_ORDERS] = { 0 };
	struct ms_kver kv;

	memset(f, 0, sizeof(*f));
	f->zones[0] = mkzone(0, "DMA32", 1, 112410, 1000, 1250);
	f->zones[1] = mkzone(0, "Normal", 2, 9212, 2000, 2500);
	f->zones[2] = mkzone(0, "Movable", 3, 51200, 500, 600);
	f->zones[3] = mkzone(0, "Device", 4, 0, 0, 0);
	f->zones[4] = mkzone(1, "DMA32", 1, 0, 0, 0);
	f->zones[5] = mkzone(1, "Normal", 2, 144, 400, 500);
	f->zones[6] = mkzone(2, "Normal", 2, 0, 0, 0);
	f->nodes[0].node = 0;
	f->nodes[1].node = 1;
	f->nodes[2].node = 2;
	f->zi.zones = f->zones;
	f->zi.nr_zones = 7;
	f->zi.nodes = f->nodes;
	f->zi.nr_nodes = 3;
	f->bz[0] = mkbz(0, "DMA32", dma32);
	f->bz[1] = mkbz(0, "Normal", normal0);
	f->bz[2] = mkbz(0, "Movable", movable);
	f->bz[3] = mkbz(1, "Normal", normal1);
	f->bz[4] = mkbz(2, "Normal", none);
	f->bi.zones = f->bz;
	f->bi.nr_zones = 5;
	f->bi.nr_orders = NR_ORDERS;
	ms_kver_set(&kv, 6, 1, 0);
	ms_era_from_kver(&f->era, &kv);
}

static void test_zones_and_frag(void **state)
{
	struct fixture f;
	struct ms_overview ov;
	unsigned int o;
	size_t i;

	(void)state;
	setup_fixture(&f);
	assert_int_equal(ms_overview_build(&ov, &f.zi, &f.bi, NULL, &f.era), 0);
	/* populated zones only, in zoneinfo order */
	assert_int_equal(ov.nr_zones, 4);
	assert_string_equal(ov.zones[0].name, "DMA32");
	assert_string_equal(ov.zones[1].name, "Normal");
	assert_string_equal(ov.zones[2].name, "Movable");
	assert_int_equal(ov.zones[3].node, 1);
	assert_int_equal(ov.nr_orders, NR_ORDERS);
	assert_int_equal(ov.zones[0].state, MS_ZONE_OK);
	assert_int_equal(ov.zones[3].state, MS_ZONE_BELOW_MIN);
	assert_int_equal(ov.zones[0].largest_free_order, 10);
	assert_int_equal(ov.zones[1].largest_free_order, 3);
	assert_int_equal(ov.zones[3].largest_free_order, 2);
	/* the indices are the shared functions' answers at every order */
	for (i = 0; i < ov.nr_zones; i++) {
		for (o = 0; o < NR_ORDERS; o++) {
			struct ms_contig info;

			ms_frag_contig(ov.zones[i].buddy->free_blocks,
				       NR_ORDERS, o, &info);
			assert_int_equal(ov.zones[i].unusable[o],
					 ms_frag_unusable(&info, o));
			assert_int_equal(ov.zones[i].extfrag[o],
					 ms_frag_extfrag(&info, o));
		}
	}
	/*
	 * Hand-checked: node 0 Normal at order 4 has no block of order >= 4,
	 * so all F = 5000 + 4000 + 400 + 24 = 9424 pages are unusable
	 * (1.000), and T = 7103 blocks give the fragmentation index
	 * 1000 - (1000 + 9424 * 1000 / 16) / 7103 = 1000 - 590000 / 7103
	 * = 1000 - 83 = 917.
	 */
	assert_int_equal(ov.zones[1].unusable[4], 1000);
	assert_int_equal(ov.zones[1].extfrag[4], 917);
	ms_overview_release(&ov);
}

static void test_atomic_matches_model(void **state)
{
	struct ms_atomic_input in;
	struct fixture f;
	struct ms_overview ov;
	unsigned int o;
	size_t i, z;

	(void)state;
	setup_fixture(&f);
	in.zi = &f.zi;
	in.bi = &f.bi;
	in.pt = NULL;
	in.era = &f.era;
	assert_int_equal(ms_overview_build(&ov, &f.zi, &f.bi, NULL, &f.era), 0);
	assert_true(ov.has_atomic);
	/* GFP_ATOMIC never uses ZONE_MOVABLE */
	assert_false(ov.zones[2].has_atomic);
	assert_true(ov.zones[0].has_atomic);
	assert_true(ov.zones[3].has_atomic);
	for (o = 0; o < NR_ORDERS; o++) {
		enum ms_risk worst = MS_RISK_OK;
		uint64_t worst_headroom = UINT64_MAX;
		int n;

		for (n = 0; n <= 1; n++) {
			struct ms_atomic_request req = { MS_GFP_ATOMIC,
							 MS_GFPZ_NORMAL, o, n };
			struct ms_atomic_result res;

			assert_int_equal(ms_atomic_eval(&in, &req, &res), 0);
			if (res.risk > worst ||
			    (res.risk == worst &&
			     res.headroom < worst_headroom)) {
				worst = res.risk;
				worst_headroom = res.headroom;
			}
			/* each zone's headroom from its own node's zonelist */
			for (z = 0; z < res.nr_zones; z++) {
				const struct ms_atomic_zone *az = &res.zones[z];
				const struct ms_overview_zone *oz;

				if (az->zone->node != n)
					continue;
				oz = ms_overview_find(&ov, n, az->zone->name);
				assert_non_null(oz);
				assert_true(oz->headroom[o] == az->headroom);
				assert_int_equal(oz->passes[o], az->passes);
			}
			ms_atomic_result_release(&res);
		}
		assert_int_equal(ov.orders[o].risk, worst);
		assert_true(ov.orders[o].headroom == worst_headroom);
	}
	/*
	 * Both zonelists hold the same zones (node 1's falls back to node
	 * 0's and the other way round), so the totals tie and the lowest
	 * node is named; node 1's own Normal, below min, serves nothing.
	 */
	assert_int_equal(ov.orders[0].node, 0);
	assert_true(ov.orders[0].headroom ==
		    ov.zones[0].headroom[0] + ov.zones[1].headroom[0]);
	assert_false(ov.zones[3].passes[0]);
	for (i = 0; i < ov.nr_zones; i++)
		if (ov.zones[i].has_atomic)
			assert_true(ov.zones[i].zone->index <= 2);
	ms_overview_release(&ov);
}

/* buddyinfo alone: zones from its lines, indices but no model */
static void test_buddyinfo_only(void **state)
{
	struct fixture f;
	struct ms_overview ov;

	(void)state;
	setup_fixture(&f);
	assert_int_equal(ms_overview_build(&ov, NULL, &f.bi, NULL, NULL), 0);
	assert_int_equal(ov.nr_zones, 5);
	assert_false(ov.has_atomic);
	assert_null(ov.zones[0].zone);
	assert_int_equal(ov.zones[0].state, MS_ZONE_EMPTY);
	assert_int_equal(ov.zones[4].largest_free_order, -1);
	assert_int_equal(ov.zones[4].unusable[0], 1000);
	ms_overview_release(&ov);
	/* nothing at all */
	assert_int_equal(ms_overview_build(&ov, NULL, NULL, NULL, NULL), 0);
	assert_int_equal(ov.nr_zones, 0);
	assert_int_equal(ov.nr_orders, 11);
	ms_overview_release(&ov);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zones_and_frag),
		cmocka_unit_test(test_atomic_matches_model),
		cmocka_unit_test(test_buddyinfo_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
