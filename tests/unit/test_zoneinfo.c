// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/zoneinfo parser: one literal per layout era (modelled on real
 * captures, numbers changed), malformed inputs with their exact message
 * and line, and noise that must never crash the parser.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "proc/zoneinfo.h"
#include "lib/banned.h"

static int parse(struct ms_zoneinfo *zi, const char *text, struct ms_diag *d)
{
	memset(d, 0, sizeof(*d));
	return ms_zoneinfo_parse(zi, text, strlen(text), "zoneinfo", d);
}

static const struct ms_zone *zone(const struct ms_zoneinfo *zi, int node,
				  const char *name)
{
	const struct ms_zone *z = ms_zoneinfo_find(zi, node, name);

	assert_non_null(z);
	return z;
}

static uint64_t zstat(const struct ms_zone *z, const char *name)
{
	uint64_t v = 0;

	assert_true(ms_zone_stat(z, name, &v));
	return v;
}

static uint64_t nstat(const struct ms_zoneinfo *zi, int node, const char *name)
{
	const struct ms_zi_node *n = ms_zoneinfo_node(zi, node);
	uint64_t v = 0;

	assert_non_null(n);
	assert_true(ms_zi_node_stat(n, name, &v));
	return v;
}

/* 2.6.16 (ARM, UP): active/inactive, "scanned (a: i:)", hot/cold pcp. */
static const char era_2_6_16[] = "Node 0, zone      DMA\n"
				 "  pages free     5410\n"
				 "        min      181\n"
				 "        low      226\n"
				 "        high     271\n"
				 "        active   367\n"
				 "        inactive 720\n"
				 "        scanned  0 (a: 3 i: 4)\n"
				 "        spanned  8192\n"
				 "        present  8192\n"
				 "        protection: (0, 0, 0, 0)\n"
				 "  pagesets\n"
				 "    cpu: 0 pcp: 0\n"
				 "              count: 2\n"
				 "              high:  6\n"
				 "              batch: 1\n"
				 "    cpu: 0 pcp: 1\n"
				 "              count: 5\n"
				 "              high:  2\n"
				 "              batch: 1\n"
				 "  all_unreclaimable: 0\n"
				 "  prev_priority:     12\n"
				 "  temp_priority:     12\n"
				 "  start_pfn:         196608\n";

static void test_era_2_6_16(void **state)
{
	struct ms_zoneinfo zi;
	struct ms_diag d;
	const struct ms_zone *z;

	(void)state;
	assert_int_equal(parse(&zi, era_2_6_16, &d), 0);
	assert_int_equal(zi.nr_zones, 1);
	assert_int_equal(zi.nr_nodes, 1);
	assert_true(zi.populated_only);
	z = zone(&zi, 0, "DMA");
	assert_int_equal(z->index, 0);
	assert_int_equal(z->line, 1);
	assert_int_equal(z->free_pages, 5410);
	assert_int_equal(z->min_pages, 181);
	assert_int_equal(z->low_pages, 226);
	assert_int_equal(z->high_pages, 271);
	assert_int_equal(z->spanned_pages, 8192);
	assert_int_equal(z->present_pages, 8192);
	assert_int_equal(z->managed_pages, 0);
	assert_int_equal(z->nr_protection, 4);
	/* One CPU with a hot and a cold list. */
	assert_int_equal(z->nr_cpus, 1);
	assert_int_equal(z->pcp_count, 7);
	assert_int_equal(z->pcp_high, 6);
	assert_int_equal(z->pcp_batch, 1);
	assert_int_equal(z->stats_threshold, 0);
	assert_int_equal(z->start_pfn, 196608);
	assert_int_equal(z->node_unreclaimable, 0);
	assert_int_equal(zstat(z, "active"), 367);
	assert_int_equal(zstat(z, "inactive"), 720);
	assert_int_equal(zstat(z, "scanned"), 0);
	assert_int_equal(zstat(z, "prev_priority"), 12);
	assert_int_equal(zstat(z, "temp_priority"), 12);
	assert_int_equal(zstat(z, "all_unreclaimable"), 0);
	assert_int_equal(z->nr_stats, 7);
	assert_false(ms_zone_stat(z, "nr_free_pages", NULL));
	assert_int_equal(z->has,
			 MS_ZONE_HAS_FREE | MS_ZONE_HAS_WMARKS |
				 MS_ZONE_HAS_SCANNED | MS_ZONE_HAS_PROTECTION |
				 MS_ZONE_HAS_PAGESETS | MS_ZONE_HAS_START_PFN);
	assert_int_equal(zi.nodes[0].nr_stats, 0);
	ms_zoneinfo_release(&zi);
	assert_null(zi.zones);
	assert_int_equal(zi.nr_zones, 0);
}

/*
 * 2.6.16 i386 with HighMem: the zone enum was fixed to DMA, DMA32,
 * Normal, HighMem, so Normal is index 2 although DMA32 is not printed.
 * The protection lists agree: DMA reserves against indices 2 and 3.
 */
#define I386_ZONE(name, free, prot, tail)  \
	"Node 0, zone " name "\n"          \
	"  pages free     " free "\n"      \
	"        min      17\n"            \
	"        low      21\n"            \
	"        high     25\n"            \
	"        active   0\n"             \
	"        inactive 0\n"             \
	"        scanned  0 (a: 0 i: 0)\n" \
	"        spanned  4096\n"          \
	"        present  4096\n"          \
	"        protection: " prot "\n"   \
	"  pagesets\n"                     \
	"    cpu: 0 pcp: 0\n"              \
	"              count: 0\n"         \
	"              high:  0\n"         \
	"              batch: 1\n"         \
	"    cpu: 0 pcp: 1\n"              \
	"              count: 0\n"         \
	"              high:  0\n"         \
	"              batch: 1\n"         \
	"  all_unreclaimable: 0\n"         \
	"  prev_priority:     12\n" tail "  start_pfn:         0\n"

static void test_old_fixed_enum(void **state)
{
	static const char with_temp[] =
		I386_ZONE("     DMA", "1000", "(0, 0, 3488, 3998)",
			  "  temp_priority:     12\n")
			I386_ZONE("  Normal", "2000", "(0, 0, 0, 4080)",
				  "  temp_priority:     12\n")
				I386_ZONE(" HighMem", "3000", "(0, 0, 0, 0)",
					  "  temp_priority:     12\n");
	/* The same machine on 2.6.23+: DMA, Normal, HighMem, Movable. */
	static const char without_temp[] = I386_ZONE(
		"     DMA", "1000", "(0, 3488, 3998, 3998)", "")
		I386_ZONE("  Normal", "2000", "(0, 0, 4080, 4080)", "")
			I386_ZONE(" HighMem", "3000", "(0, 0, 0, 0)", "");
	struct ms_zoneinfo zi;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&zi, with_temp, &d), 0);
	assert_true(zi.populated_only);
	assert_int_equal(zone(&zi, 0, "DMA")->index, 0);
	assert_int_equal(zone(&zi, 0, "Normal")->index, 2);
	assert_int_equal(zone(&zi, 0, "HighMem")->index, 3);
	ms_zoneinfo_release(&zi);

	assert_int_equal(parse(&zi, without_temp, &d), 0);
	assert_int_equal(zone(&zi, 0, "DMA")->index, 0);
	assert_int_equal(zone(&zi, 0, "Normal")->index, 1);
	assert_int_equal(zone(&zi, 0, "HighMem")->index, 2);
	ms_zoneinfo_release(&zi);
}

/*
 * 3.4 ARM with HighMem: populated zones only, stats before
 * "protection:" with 4-space indentation, "vm stats threshold" after
 * each CPU, the all_unreclaimable/start_pfn/inactive_ratio tail.
 */
static const char era_3_4_arm[] = "Node 0, zone   Normal\n"
				  "  pages free     38277\n"
				  "        min      696\n"
				  "        low      870\n"
				  "        high     1044\n"
				  "        scanned  0\n"
				  "        spanned  122368\n"
				  "        present  121412\n"
				  "    nr_free_pages 38277\n"
				  "    nr_inactive_anon 7\n"
				  "    nr_active_anon 11\n"
				  "    nr_kernel_stack 842\n"
				  "        protection: (0, 4038, 4038)\n"
				  "  pagesets\n"
				  "    cpu: 0\n"
				  "              count: 145\n"
				  "              high:  186\n"
				  "              batch: 31\n"
				  "  vm stats threshold: 6\n"
				  "    cpu: 1\n"
				  "              count: 10\n"
				  "              high:  186\n"
				  "              batch: 31\n"
				  "  vm stats threshold: 6\n"
				  "  all_unreclaimable: 1\n"
				  "  start_pfn:         524288\n"
				  "  inactive_ratio:    1\n"
				  "Node 0, zone  HighMem\n"
				  "  pages free     13452\n"
				  "        min      126\n"
				  "        low      311\n"
				  "        high     496\n"
				  "        scanned  0\n"
				  "        spanned  136448\n"
				  "        present  129238\n"
				  "    nr_free_pages 13452\n"
				  "    nr_inactive_anon 505\n"
				  "    nr_active_anon 67081\n"
				  "    nr_kernel_stack 0\n"
				  "        protection: (0, 0, 0)\n"
				  "  pagesets\n"
				  "    cpu: 0\n"
				  "              count: 160\n"
				  "              high:  186\n"
				  "              batch: 31\n"
				  "  vm stats threshold: 6\n"
				  "    cpu: 1\n"
				  "              count: 0\n"
				  "              high:  186\n"
				  "              batch: 31\n"
				  "  vm stats threshold: 6\n"
				  "  all_unreclaimable: 0\n"
				  "  start_pfn:         646656\n"
				  "  inactive_ratio:    1\n";

static void test_era_3_4_arm_highmem(void **state)
{
	struct ms_zoneinfo zi;
	struct ms_diag d;
	const struct ms_zone *n, *h;

	(void)state;
	assert_int_equal(parse(&zi, era_3_4_arm, &d), 0);
	assert_int_equal(zi.nr_zones, 2);
	assert_true(zi.populated_only);
	n = zone(&zi, 0, "Normal");
	h = zone(&zi, 0, "HighMem");
	/* Configured: Normal, HighMem, Movable = the 3 protection entries. */
	assert_int_equal(n->index, 0);
	assert_int_equal(h->index, 1);
	assert_ptr_equal(n, &zi.zones[0]);
	assert_int_equal(h->line, 28);
	assert_int_equal(n->protection[0], 0);
	assert_int_equal(n->protection[1], 4038);
	assert_int_equal(n->protection[2], 4038);
	assert_int_equal(n->nr_cpus, 2);
	assert_int_equal(n->pcp_count, 155);
	assert_int_equal(n->pcp_high, 186);
	assert_int_equal(n->pcp_batch, 31);
	assert_int_equal(n->stats_threshold, 6);
	assert_int_equal(n->node_unreclaimable, 1);
	assert_int_equal(h->node_unreclaimable, 0);
	assert_int_equal(zstat(n, "nr_free_pages"), 38277);
	assert_int_equal(zstat(n, "nr_kernel_stack"), 842);
	assert_int_equal(zstat(n, "inactive_ratio"), 1);
	assert_int_equal(zstat(h, "nr_active_anon"), 67081);
	assert_false(n->has & MS_ZONE_HAS_MANAGED);
	assert_true(n->has & MS_ZONE_HAS_SCANNED);
	assert_true(ms_zone_populated(h));
	ms_zoneinfo_release(&zi);
}

/* 3.18 ARM uniprocessor: no "vm stats threshold"; nr_free_cma; managed. */
static const char era_3_18_up[] = "Node 0, zone   Normal\n"
				  "  pages free     33393\n"
				  "        min      398\n"
				  "        low      497\n"
				  "        high     597\n"
				  "        scanned  0\n"
				  "        spanned  65536\n"
				  "        present  64000\n"
				  "        managed  41146\n"
				  "    nr_free_pages 33393\n"
				  "    nr_alloc_batch 76\n"
				  "    nr_free_cma  1582\n"
				  "        protection: (0, 0)\n"
				  "  pagesets\n"
				  "    cpu: 0\n"
				  "              count: 11\n"
				  "              high:  42\n"
				  "              batch: 7\n"
				  "  all_unreclaimable: 0\n"
				  "  start_pfn:         524288\n"
				  "  inactive_ratio:    1\n";

static void test_era_3_18_up(void **state)
{
	struct ms_zoneinfo zi;
	struct ms_diag d;
	const struct ms_zone *z;

	(void)state;
	assert_int_equal(parse(&zi, era_3_18_up, &d), 0);
	z = zone(&zi, 0, "Normal");
	assert_int_equal(z->index, 0);
	assert_int_equal(z->managed_pages, 41146);
	assert_int_equal(z->nr_free_cma, 1582);
	assert_int_equal(zstat(z, "nr_free_cma"), 1582);
	assert_int_equal(z->stats_threshold, 0);
	assert_int_equal(z->nr_cpus, 1);
	assert_int_equal(z->pcp_count, 11);
	assert_true(z->has & MS_ZONE_HAS_MANAGED);
	assert_true(z->has & MS_ZONE_HAS_NR_FREE_CMA);
	assert_false(z->has & MS_ZONE_HAS_NR_UNACCEPTED);
	ms_zoneinfo_release(&zi);
}

/*
 * 4.9: "per-node stats" in each node's first zone, but still populated
 * zones only; node 1 has Normal alone, which is index 2 (DMA, DMA32,
 * Normal, Movable, Device = 5 protection entries).
 */
static const char era_4_9_numa[] =
	"Node 0, zone      DMA\n"
	"  per-node stats\n"
	"      nr_inactive_anon 145\n"
	"      nr_active_anon 68583\n"
	"      nr_dirtied   6101\n"
	"  pages free     3975\n"
	"        min      67\n"
	"        low      83\n"
	"        high     99\n"
	"   node_scanned  0\n"
	"        spanned  4095\n"
	"        present  3998\n"
	"        managed  3977\n"
	"      nr_free_pages 3975\n"
	"      numa_hit     1\n"
	"        protection: (0, 2934, 3886, 3886, 3886)\n"
	"  pagesets\n"
	"    cpu: 0\n"
	"              count: 0\n"
	"              high:  0\n"
	"              batch: 1\n"
	"  vm stats threshold: 6\n"
	"  node_unreclaimable:  0\n"
	"  start_pfn:           1\n"
	"  node_inactive_ratio: 0\n"
	"Node 0, zone    DMA32\n"
	"  pages free     757514\n"
	"        min      12709\n"
	"        low      15886\n"
	"        high     19063\n"
	"   node_scanned  0\n"
	"        spanned  1044480\n"
	"        present  782303\n"
	"        managed  757733\n"
	"      nr_free_pages 757514\n"
	"      numa_hit     15\n"
	"        protection: (0, 0, 951, 951, 951)\n"
	"  pagesets\n"
	"    cpu: 0\n"
	"              count: 174\n"
	"              high:  186\n"
	"              batch: 31\n"
	"  vm stats threshold: 36\n"
	"  node_unreclaimable:  0\n"
	"  start_pfn:           4096\n"
	"  node_inactive_ratio: 0\n"
	"Node 0, zone   Normal\n"
	"  pages free     54620\n"
	"        min      4119\n"
	"        low      5148\n"
	"        high     6177\n"
	"   node_scanned  0\n"
	"        spanned  262144\n"
	"        present  262144\n"
	"        managed  243535\n"
	"      nr_free_pages 54620\n"
	"      numa_hit     99\n"
	"        protection: (0, 0, 0, 0, 0)\n"
	"  pagesets\n"
	"    cpu: 0\n"
	"              count: 30\n"
	"              high:  186\n"
	"              batch: 31\n"
	"  vm stats threshold: 24\n"
	"  node_unreclaimable:  0\n"
	"  start_pfn:           1048576\n"
	"  node_inactive_ratio: 0\n"
	"Node 1, zone   Normal\n"
	"  per-node stats\n"
	"      nr_inactive_anon 9\n"
	"      nr_active_anon 10\n"
	"      nr_dirtied   11\n"
	"  pages free     100000\n"
	"        min      4000\n"
	"        low      5000\n"
	"        high     6000\n"
	"   node_scanned  0\n"
	"        spanned  262144\n"
	"        present  262144\n"
	"        managed  250000\n"
	"      nr_free_pages 100000\n"
	"      numa_hit     7\n"
	"        protection: (0, 0, 0, 0, 0)\n"
	"  pagesets\n"
	"    cpu: 0\n"
	"              count: 3\n"
	"              high:  186\n"
	"              batch: 31\n"
	"  vm stats threshold: 24\n"
	"  node_unreclaimable:  1\n"
	"  start_pfn:           1310720\n"
	"  node_inactive_ratio: 0\n";

static void test_era_4_9_numa(void **state)
{
	struct ms_zoneinfo zi;
	struct ms_diag d;
	const struct ms_zone *z;

	(void)state;
	assert_int_equal(parse(&zi, era_4_9_numa, &d), 0);
	assert_int_equal(zi.nr_zones, 4);
	assert_int_equal(zi.nr_nodes, 2);
	assert_true(zi.populated_only);
	assert_int_equal(zone(&zi, 0, "DMA")->index, 0);
	assert_int_equal(zone(&zi, 0, "DMA32")->index, 1);
	assert_int_equal(zone(&zi, 0, "Normal")->index, 2);
	z = zone(&zi, 1, "Normal");
	assert_int_equal(z->index, 2);
	assert_int_equal(z->node_unreclaimable, 1);
	assert_true(z->has & MS_ZONE_HAS_NODE_STATS);
	assert_false(zone(&zi, 0, "DMA32")->has & MS_ZONE_HAS_NODE_STATS);
	assert_true(zone(&zi, 0, "DMA")->has & MS_ZONE_HAS_NODE_STATS);
	/* Node stats stay with the node, not the zone that printed them. */
	assert_int_equal(nstat(&zi, 0, "nr_active_anon"), 68583);
	assert_int_equal(nstat(&zi, 1, "nr_active_anon"), 10);
	assert_int_equal(nstat(&zi, 1, "nr_dirtied"), 11);
	assert_false(ms_zone_stat(zone(&zi, 0, "DMA"), "nr_active_anon", NULL));
	assert_int_equal(zstat(zone(&zi, 0, "DMA"), "node_scanned"), 0);
	assert_int_equal(zstat(zone(&zi, 0, "DMA"), "node_inactive_ratio"), 0);
	assert_int_equal(zi.nodes[0].nr_stats, 3);
	assert_int_equal(zi.nodes[1].node, 1);
	assert_null(ms_zoneinfo_node(&zi, 2));
	assert_null(ms_zoneinfo_find(&zi, 1, "DMA"));
	assert_null(ms_zoneinfo_find(&zi, 2, "Normal"));
	ms_zoneinfo_release(&zi);
}

/*
 * 5.4 layout (4.12+): every zone printed, unpopulated ones ending right
 * after "protection:", stats after "protection:" with 6-space
 * indentation, and no final newline.
 */
static const char era_5_4[] =
	"Node 0, zone      DMA\n"
	"  per-node stats\n"
	"      nr_inactive_anon 547580\n"
	"      nr_active_anon 230981\n"
	"      nr_kernel_misc_reclaimable 0\n"
	"  pages free     3952\n"
	"        min      33\n"
	"        low      41\n"
	"        high     49\n"
	"        spanned  4095\n"
	"        present  3975\n"
	"        managed  3956\n"
	"        protection: (0, 2877, 7826, 7826, 7826)\n"
	"      nr_free_pages 3952\n"
	"      nr_zone_inactive_anon 0\n"
	"      nr_kernel_stack 0\n"
	"      numa_hit     1\n"
	"  pagesets\n"
	"    cpu: 0\n"
	"              count: 0\n"
	"              high:  0\n"
	"              batch: 1\n"
	"  vm stats threshold: 8\n"
	"    cpu: 1\n"
	"              count: 0\n"
	"              high:  0\n"
	"              batch: 1\n"
	"  vm stats threshold: 8\n"
	"  node_unreclaimable:  0\n"
	"  start_pfn:           1\n"
	"Node 0, zone    DMA32\n"
	"  pages free     204252\n"
	"        min      19510\n"
	"        low      21059\n"
	"        high     22608\n"
	"        spanned  1044480\n"
	"        present  759231\n"
	"        managed  742806\n"
	"        protection: (0, 0, 4949, 4949, 4949)\n"
	"      nr_free_pages 204252\n"
	"      nr_zone_inactive_anon 118558\n"
	"      nr_kernel_stack 2208\n"
	"      numa_hit     113952967\n"
	"  pagesets\n"
	"    cpu: 0\n"
	"              count: 357\n"
	"              high:  378\n"
	"              batch: 63\n"
	"  vm stats threshold: 48\n"
	"    cpu: 1\n"
	"              count: 366\n"
	"              high:  378\n"
	"              batch: 63\n"
	"  vm stats threshold: 48\n"
	"  node_unreclaimable:  0\n"
	"  start_pfn:           4096\n"
	"Node 0, zone   Normal\n"
	"  pages free     18553\n"
	"        min      11176\n"
	"        low      13842\n"
	"        high     16508\n"
	"        spanned  1308160\n"
	"        present  1308160\n"
	"        managed  1268711\n"
	"        protection: (0, 0, 0, 0, 0)\n"
	"      nr_free_pages 18553\n"
	"      nr_zone_inactive_anon 112423\n"
	"      nr_kernel_stack 15136\n"
	"      numa_hit     162718019\n"
	"  pagesets\n"
	"    cpu: 0\n"
	"              count: 316\n"
	"              high:  378\n"
	"              batch: 63\n"
	"  vm stats threshold: 56\n"
	"    cpu: 1\n"
	"              count: 300\n"
	"              high:  378\n"
	"              batch: 63\n"
	"  vm stats threshold: 56\n"
	"  node_unreclaimable:  0\n"
	"  start_pfn:           1048576\n"
	"Node 0, zone  Movable\n"
	"  pages free     0\n"
	"        min      0\n"
	"        low      0\n"
	"        high     0\n"
	"        spanned  0\n"
	"        present  0\n"
	"        managed  0\n"
	"        protection: (0, 0, 0, 0, 0)\n"
	"Node 0, zone   Device\n"
	"  pages free     0\n"
	"        min      0\n"
	"        low      0\n"
	"        high     0\n"
	"        spanned  0\n"
	"        present  0\n"
	"        managed  0\n"
	"        protection: (0, 0, 0, 0, 0)";

static void test_era_5_4(void **state)
{
	struct ms_zoneinfo zi;
	struct ms_diag d;
	const struct ms_zone *z;
	size_t i;

	(void)state;
	assert_int_equal(parse(&zi, era_5_4, &d), 0);
	assert_int_equal(zi.nr_zones, 5);
	assert_false(zi.populated_only);
	for (i = 0; i < zi.nr_zones; i++)
		assert_int_equal(zi.zones[i].index, i);
	z = zone(&zi, 0, "DMA32");
	assert_int_equal(z->free_pages, 204252);
	assert_int_equal(z->protection[2], 4949);
	assert_int_equal(z->nr_cpus, 2);
	assert_int_equal(z->pcp_count, 723);
	assert_int_equal(z->stats_threshold, 48);
	assert_int_equal(z->start_pfn, 4096);
	assert_int_equal(zstat(z, "nr_kernel_stack"), 2208);
	assert_int_equal(zstat(z, "numa_hit"), 113952967);
	/* The last zone, without a final newline. */
	z = zone(&zi, 0, "Device");
	assert_int_equal(z->line, 92);
	assert_int_equal(z->nr_protection, 5);
	assert_int_equal(z->nr_stats, 0);
	assert_int_equal(z->nr_cpus, 0);
	assert_false(ms_zone_populated(z));
	assert_false(z->has & MS_ZONE_HAS_PAGESETS);
	assert_true(z->has & MS_ZONE_HAS_WMARKS);
	assert_int_equal(nstat(&zi, 0, "nr_inactive_anon"), 547580);
	assert_int_equal(nstat(&zi, 0, "nr_kernel_misc_reclaimable"), 0);
	assert_false(
		ms_zone_stat(zone(&zi, 0, "Movable"), "nr_free_pages", NULL));
	ms_zoneinfo_release(&zi);
}

/*
 * 6.19 layout: boost, promo, cma, pcp high_min/high_max, the
 * highatomic tail and nr_unaccepted. DMA is unpopulated here, so the
 * per-node stats come with DMA32, the first populated zone.
 */
static const char era_6_19[] =
	"Node 0, zone      DMA\n"
	"  pages free     0\n"
	"        boost    0\n"
	"        min      0\n"
	"        low      0\n"
	"        high     0\n"
	"        promo    0\n"
	"        spanned  0\n"
	"        present  0\n"
	"        managed  0\n"
	"        cma      0\n"
	"        protection: (0, 1400, 7800, 7800, 7800)\n"
	"Node 0, zone    DMA32\n"
	"  per-node stats\n"
	"      nr_inactive_anon 1234\n"
	"      nr_active_anon 5678\n"
	"  pages free     300000\n"
	"        boost    512\n"
	"        min      8958\n"
	"        low      11183\n"
	"        high     13408\n"
	"        promo    15633\n"
	"        spanned  1044480\n"
	"        present  782288\n"
	"        managed  758708\n"
	"        cma      16384\n"
	"        protection: (0, 0, 6400, 6400, 6400)\n"
	"      nr_free_pages 300000\n"
	"      nr_free_pages_blocks 299000\n"
	"      nr_free_cma  4096\n"
	"      nr_unaccepted 128\n"
	"      numa_hit     42\n"
	"  pagesets\n"
	"    cpu: 0\n"
	"              count:    100\n"
	"              high:     400\n"
	"              batch:    63\n"
	"              high_min: 300\n"
	"              high_max: 1500\n"
	"  vm stats threshold: 24\n"
	"    cpu: 1\n"
	"              count:    50\n"
	"              high:     500\n"
	"              batch:    63\n"
	"              high_min: 350\n"
	"              high_max: 1400\n"
	"  vm stats threshold: 24\n"
	"  node_unreclaimable:  0\n"
	"  start_pfn:           4096\n"
	"  reserved_highatomic: 1024\n"
	"  free_highatomic:     37\n"
	"Node 0, zone   Normal\n"
	"  pages free     0\n"
	"        boost    0\n"
	"        min      0\n"
	"        low      0\n"
	"        high     0\n"
	"        promo    0\n"
	"        spanned  0\n"
	"        present  0\n"
	"        managed  0\n"
	"        cma      0\n"
	"        protection: (0, 0, 0, 0, 0)\n"
	"Node 0, zone  Movable\n"
	"  pages free     0\n"
	"        boost    0\n"
	"        min      0\n"
	"        low      0\n"
	"        high     0\n"
	"        promo    0\n"
	"        spanned  0\n"
	"        present  0\n"
	"        managed  0\n"
	"        cma      0\n"
	"        protection: (0, 0, 0, 0, 0)\n"
	"Node 0, zone   Device\n"
	"  pages free     0\n"
	"        boost    0\n"
	"        min      0\n"
	"        low      0\n"
	"        high     0\n"
	"        promo    0\n"
	"        spanned  0\n"
	"        present  0\n"
	"        managed  0\n"
	"        cma      0\n"
	"        protection: (0, 0, 0, 0, 0)\n";

static void test_era_6_19(void **state)
{
	struct ms_zoneinfo zi;
	struct ms_diag d;
	const struct ms_zone *z;

	(void)state;
	assert_int_equal(parse(&zi, era_6_19, &d), 0);
	assert_int_equal(zi.nr_zones, 5);
	assert_false(zi.populated_only);
	z = zone(&zi, 0, "DMA32");
	assert_int_equal(z->index, 1);
	assert_int_equal(z->boost_pages, 512);
	assert_int_equal(z->min_pages, 8958);
	assert_int_equal(z->promo_pages, 15633);
	assert_int_equal(z->cma_pages, 16384);
	assert_int_equal(z->nr_free_cma, 4096);
	assert_int_equal(z->nr_unaccepted, 128);
	assert_int_equal(z->reserved_highatomic, 1024);
	assert_int_equal(z->free_highatomic, 37);
	assert_int_equal(z->pcp_count, 150);
	assert_int_equal(z->pcp_high, 500);
	assert_int_equal(z->pcp_batch, 63);
	assert_int_equal(z->pcp_high_min, 350);
	assert_int_equal(z->pcp_high_max, 1500);
	assert_int_equal(zstat(z, "nr_free_pages_blocks"), 299000);
	assert_int_equal(zstat(z, "reserved_highatomic"), 1024);
	assert_int_equal(
		z->has,
		MS_ZONE_HAS_BOOST | MS_ZONE_HAS_PROMO | MS_ZONE_HAS_MANAGED |
			MS_ZONE_HAS_CMA | MS_ZONE_HAS_NR_FREE_CMA |
			MS_ZONE_HAS_NR_UNACCEPTED | MS_ZONE_HAS_HIGHATOMIC |
			MS_ZONE_HAS_START_PFN | MS_ZONE_HAS_PAGESETS |
			MS_ZONE_HAS_PROTECTION | MS_ZONE_HAS_NODE_STATS |
			MS_ZONE_HAS_FREE | MS_ZONE_HAS_WMARKS);
	z = zone(&zi, 0, "DMA");
	assert_false(z->has & MS_ZONE_HAS_NODE_STATS);
	assert_true(z->has & MS_ZONE_HAS_BOOST);
	assert_int_equal(z->protection[1], 1400);
	assert_int_equal(nstat(&zi, 0, "nr_active_anon"), 5678);
	ms_zoneinfo_release(&zi);
}

/* Two nodes of a 4.12+ kernel; node 1's stats come with its Normal. */
static void test_numa_all_zones(void **state)
{
	static const char text[] = "Node 0, zone   Normal\n"
				   "  per-node stats\n"
				   "      nr_inactive_anon 1\n"
				   "  pages free     10\n"
				   "        min      1\n"
				   "        low      2\n"
				   "        high     3\n"
				   "        spanned  100\n"
				   "        present  100\n"
				   "        managed  90\n"
				   "        protection: (0, 0)\n"
				   "      nr_free_pages 10\n"
				   "  pagesets\n"
				   "    cpu: 0\n"
				   "              count: 0\n"
				   "              high:  0\n"
				   "              batch: 1\n"
				   "  node_unreclaimable:  0\n"
				   "  start_pfn:           0\n"
				   "Node 0, zone  Movable\n"
				   "  pages free     0\n"
				   "        min      0\n"
				   "        low      0\n"
				   "        high     0\n"
				   "        spanned  0\n"
				   "        present  0\n"
				   "        managed  0\n"
				   "        protection: (0, 0)\n"
				   "Node 1, zone   Normal\n"
				   "  pages free     0\n"
				   "        min      0\n"
				   "        low      0\n"
				   "        high     0\n"
				   "        spanned  0\n"
				   "        present  0\n"
				   "        managed  0\n"
				   "        protection: (0, 0)\n"
				   "Node 1, zone  Movable\n"
				   "  per-node stats\n"
				   "      nr_inactive_anon 2\n"
				   "  pages free     20\n"
				   "        min      1\n"
				   "        low      2\n"
				   "        high     3\n"
				   "        spanned  100\n"
				   "        present  100\n"
				   "        managed  100\n"
				   "        protection: (0, 0)\n"
				   "      nr_free_pages 20\n"
				   "  pagesets\n"
				   "    cpu: 0\n"
				   "              count: 0\n"
				   "              high:  0\n"
				   "              batch: 1\n"
				   "  node_unreclaimable:  0\n"
				   "  start_pfn:           100\n";
	struct ms_zoneinfo zi;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&zi, text, &d), 0);
	assert_false(zi.populated_only);
	assert_int_equal(zi.nr_nodes, 2);
	assert_int_equal(zone(&zi, 1, "Normal")->index, 0);
	assert_int_equal(zone(&zi, 1, "Movable")->index, 1);
	assert_int_equal(nstat(&zi, 0, "nr_inactive_anon"), 1);
	assert_int_equal(nstat(&zi, 1, "nr_inactive_anon"), 2);
	ms_zoneinfo_release(&zi);
}

/*
 * 4.17/4.18-era kernels print the hidden node counter with an empty
 * name: a line that holds only a number.
 */
static void test_nameless_node_stat(void **state)
{
	static const char text[] = "Node 0, zone   Normal\n"
				   "  per-node stats\n"
				   "      nr_written   260861\n"
				   "                   537792\n"
				   "  pages free     10\n"
				   "        min      1\n"
				   "        low      2\n"
				   "        high     3\n"
				   "        spanned  100\n"
				   "        present  100\n"
				   "        protection: (0, 0)\n";
	struct ms_zoneinfo zi;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&zi, text, &d), 0);
	assert_int_equal(nstat(&zi, 0, "nr_indirectly_reclaimable"), 537792);
	assert_int_equal(nstat(&zi, 0, "nr_written"), 260861);
	ms_zoneinfo_release(&zi);
}

#define ZHEAD "Node 0, zone   Normal\n"
#define ZBODY                    \
	"  pages free     100\n" \
	"        min      1\n"   \
	"        low      2\n"   \
	"        high     3\n"   \
	"        spanned  10\n"  \
	"        present  10\n"
#define ZPROT2 "        protection: (0, 0)\n"
#define ZCPU                       \
	"    cpu: 0\n"             \
	"              count: 1\n" \
	"              high:  2\n" \
	"              batch: 3\n"

static void test_limits(void **state)
{
	static const char eight[] = ZHEAD ZBODY
		"        protection: (0, -1, 2, 3, 4, 5, 6, 9223372036854775807)\n";
	static const char max_u64[] =
		ZHEAD "  pages free     18446744073709551615\n"
		      "        min      1\n"
		      "        low      2\n"
		      "        high     3\n"
		      "        spanned  10\n"
		      "        present  10\n" ZPROT2;
	static const char blanks_crlf[] = "\n" ZHEAD "  pages free     100\r\n"
					  "        min      1\n"
					  "        low      2\n"
					  "        high     3\n"
					  "        spanned  10\n"
					  "        present  10\n" ZPROT2 "\n\n";
	struct ms_zoneinfo zi;
	struct ms_diag d;
	const struct ms_zone *z;

	(void)state;
	assert_int_equal(parse(&zi, eight, &d), 0);
	z = zone(&zi, 0, "Normal");
	assert_int_equal(z->nr_protection, 8);
	assert_int_equal(z->protection[1], -1);
	assert_int_equal(z->protection[7], INT64_MAX);
	/* One zone, eight entries: a populated-only file; Normal is first. */
	assert_true(zi.populated_only);
	assert_int_equal(z->index, 0);
	ms_zoneinfo_release(&zi);

	assert_int_equal(parse(&zi, max_u64, &d), 0);
	assert_true(zone(&zi, 0, "Normal")->free_pages == UINT64_MAX);
	ms_zoneinfo_release(&zi);

	assert_int_equal(parse(&zi, blanks_crlf, &d), 0);
	assert_int_equal(zone(&zi, 0, "Normal")->line, 2);
	assert_int_equal(zone(&zi, 0, "Normal")->free_pages, 100);
	ms_zoneinfo_release(&zi);
}

struct bad_case {
	const char *text;
	unsigned int line;
	const char *msg;
	size_t len; /* 0: strlen(text); else the bytes, NULs included */
};

#define NUL_TEXT(s) .text = s, .len = sizeof(s) - 1

static const struct bad_case bad_cases[] = {
	{ "", 0, "expected at least one 'Node N, zone NAME' block" },
	{ "\n\n  \n", 0, "expected at least one 'Node N, zone NAME' block" },
	{ "zoneinfo:\n" ZHEAD ZBODY ZPROT2, 1,
	  "expected 'Node N, zone NAME', found 'zoneinfo:'" },
	{ "Node 0 zone Normal\n" ZBODY ZPROT2, 1,
	  "expected 'Node N, zone NAME', found 'Node 0 zone Normal'" },
	{ "Node -1, zone Normal\n" ZBODY ZPROT2, 1,
	  "expected 'Node N, zone NAME', found 'Node -1, zone Normal'" },
	{ "Node 0, zone Normal extra\n" ZBODY ZPROT2, 1,
	  "expected 'Node N, zone NAME', found 'Node 0, zone Normal extra'" },
	{ ZHEAD "        min      1\n", 2,
	  "expected 'pages free', found 'min      1'" },
	{ ZHEAD "Node 0, zone  Movable\n" ZBODY ZPROT2, 1,
	  "expected 'pages free' in node 0, zone Normal" },
	{ ZHEAD, 1, "expected 'pages free' in node 0, zone Normal" },
	{ ZHEAD "  per-node stats\n      nr_active_anon 1\n", 1,
	  "expected 'pages free' in node 0, zone Normal" },
	{ ZHEAD
	  "  pages free     100\n        min      1\n"
	  "        high     3\n        spanned  10\n        present  10\n",
	  1, "expected 'min', 'low' and 'high' in node 0, zone Normal" },
	{ ZHEAD "  pages free     100\n        min      1\n"
		"        low      2\n        high     3\n        spanned  10\n",
	  1, "expected 'spanned' and 'present' in node 0, zone Normal" },
	{ ZHEAD "  pages free     12x\n", 2,
	  "expected a number for 'pages free', found '12x'" },
	{ ZHEAD "  pages free     -1\n", 2,
	  "expected a number for 'pages free', found '-1'" },
	{ ZHEAD "  pages free\n", 2,
	  "expected 'pages free N', found 'pages free'" },
	{ ZHEAD "  pages free     18446744073709551616\n", 2,
	  "'pages free' value '18446744073709551616' does not fit in 64 bits" },
	{ ZHEAD ZBODY "        managed  18446744073709551616\n", 8,
	  "'managed' value '18446744073709551616' does not fit in 64 bits" },
	{ ZHEAD ZBODY "      nr_free_pages 99999999999999999999\n", 8,
	  "'nr_free_pages' value '99999999999999999999' does not fit in 64 bits" },
	{ ZHEAD ZBODY "      nr_free_pages 0x10\n", 8,
	  "expected a number for 'nr_free_pages', found '0x10'" },
	{ ZHEAD ZBODY "        min      5\n", 8, "'min' appears twice" },
	{ ZHEAD ZBODY "      numa_hit 1\n      numa_hit 2\n", 9,
	  "'numa_hit' appears twice" },
	{ ZHEAD ZBODY "  pages free     100\n", 8,
	  "'pages free' appears twice" },
	{ ZHEAD ZBODY "        protection: 0, 0\n", 8,
	  "expected 'protection: (N, N, ...)', found 'protection: 0, 0'" },
	{ ZHEAD ZBODY "        protection: (0, 0\n", 8,
	  "expected 'protection: (N, N, ...)', found 'protection: (0, 0'" },
	{ ZHEAD ZBODY "        protection: (0, , 0)\n", 8,
	  "expected 'protection: (N, N, ...)', found 'protection: (0, , 0)'" },
	{ ZHEAD ZBODY "        protection: ()\n", 8,
	  "expected 'protection: (N, N, ...)', found 'protection: ()'" },
	{ ZHEAD ZBODY "        protection: (0, x)\n", 8,
	  "expected a number in the protection list, found 'x'" },
	{ ZHEAD ZBODY "        protection: (0, 9223372036854775808)\n", 8,
	  "protection entry '9223372036854775808' does not fit in 64 bits" },
	{ ZHEAD ZBODY "        protection: (0, 1, 2, 3, 4, 5, 6, 7, 8)\n", 8,
	  "expected at most 8 protection entries" },
	{ ZHEAD ZBODY ZPROT2 ZPROT2, 9, "'protection:' appears twice" },
	{ ZHEAD ZBODY ZPROT2 "Node 0, zone  Movable\n" ZBODY
			     "        protection: (0, 0, 0)\n",
	  16, "expected 2 protection entries as in the first zone, found 3" },
	{ ZHEAD ZBODY ZPROT2 "Node 0, zone  Movable\n" ZBODY ZPROT2
			     "Node 0, zone   Device\n" ZBODY ZPROT2,
	  1,
	  "expected at most 2 zones in node 0 as in the protection list, found 3" },
	{ ZHEAD ZBODY ZPROT2 ZHEAD ZBODY ZPROT2, 9,
	  "zone Normal of node 0 appears twice" },
	/* a ninth zone in a node: refused at once, not after the file */
	{ "Node 0, zone Z1\n" ZBODY "Node 0, zone Z2\n" ZBODY
	  "Node 0, zone Z3\n" ZBODY "Node 0, zone Z4\n" ZBODY
	  "Node 0, zone Z5\n" ZBODY "Node 0, zone Z6\n" ZBODY
	  "Node 0, zone Z7\n" ZBODY "Node 0, zone Z8\n" ZBODY
	  "Node 0, zone Z9\n" ZBODY,
	  57, "expected at most 8 zones in node 0" },
	{ "Node 1, zone   Normal\n" ZBODY ZPROT2 ZHEAD ZBODY ZPROT2, 9,
	  "expected nodes in ascending order, found node 0 after node 1" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n", 9,
	  "expected 'cpu: N' after 'pagesets'" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n  node_unreclaimable:  0\n", 9,
	  "expected 'cpu: N' after 'pagesets'" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n    cpu: 0\n"
			     "              count: 1\n              high:  2\n",
	  10, "expected 'batch:' in the pageset of cpu 0" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n    cpu: 0\n"
			     "    cpu: 1\n              count: 1\n",
	  10, "expected 'count:' in the pageset of cpu 0" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n    cpu: 0\n"
			     "              count: 1\n              count: 2\n",
	  12, "'count:' appears twice in the pageset of cpu 0" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n              count: 1\n", 10,
	  "expected 'cpu: N' before the pageset values, found 'count: 1'" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n    cpu: x\n", 10,
	  "expected 'cpu: N', found 'cpu: x'" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n    cpu: 0 pcp:\n", 10,
	  "expected 'cpu: N', found 'cpu: 0 pcp:'" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n" ZCPU
			     "              high:  18446744073709551616\n",
	  14, "'high:' appears twice in the pageset of cpu 0" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n    cpu: 0\n"
			     "              count: 18446744073709551616\n",
	  11, "'count' value '18446744073709551616' does not fit in 64 bits" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n" ZCPU "    cpu: 1\n"
			     "              count: 18446744073709551615\n",
	  15, "sum of the pageset counts does not fit in 64 bits" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n" ZCPU "      nr_free_pages 1\n", 14,
	  "expected 'cpu: N' or a pageset value, found 'nr_free_pages 1'" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n" ZCPU "  start_pfn: 1\n"
			     "      nr_free_pages 1\n",
	  15,
	  "expected 'name: value' after the pagesets, found 'nr_free_pages 1'" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n" ZCPU "  pagesets\n", 14,
	  "'pagesets' appears twice" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n" ZCPU "  start_pfn: 1\n"
			     "  start_pfn: 2\n",
	  15, "'start_pfn' appears twice" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n" ZCPU "  start_pfn: x1\n", 14,
	  "expected a number for 'start_pfn', found 'x1'" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n" ZCPU "  vm stats threshold: -3\n",
	  14, "expected a number for 'vm stats threshold', found '-3'" },
	{ ZHEAD ZBODY ZPROT2 "  vm stats threshold: 3\n", 9,
	  "expected 'pagesets' before 'vm stats threshold:', found 'vm stats threshold: 3'" },
	{ ZHEAD ZBODY ZPROT2 "    cpu: 0\n", 9,
	  "expected 'pagesets' before 'cpu:', found 'cpu: 0'" },
	{ ZHEAD ZBODY ZPROT2 "  pagesets\n" ZCPU ZPROT2, 14,
	  "expected 'protection:' before 'pagesets', found 'protection: (0, 0)'" },
	{ ZHEAD "  per-node stats\n" ZPROT2, 3,
	  "expected 'pages free', found 'protection: (0, 0)'" },
	{ ZHEAD ZBODY "  per-node stats\n", 8,
	  "expected 'per-node stats' right after the zone header, found 'per-node stats'" },
	{ ZHEAD "  per-node stats\n      nr_a 1 2\n", 3,
	  "expected 'name value' in the per-node stats, found 'nr_a 1 2'" },
	{ ZHEAD "  per-node stats\n      nr_a 1\n      nr_a 1\n", 4,
	  "'nr_a' appears twice" },
	{ ZHEAD "  per-node stats\n      nr_a 1\n" ZBODY ZPROT2
		"Node 0, zone  Movable\n  per-node stats\n",
	  12, "'per-node stats' appears twice for node 0" },
	{ ZHEAD ZBODY "        scanned  0 (a: 1 i: x)\n", 8,
	  "expected a number for 'scanned i:', found 'x'" },
	{ ZHEAD ZBODY "        scanned  0 (b: 1 i: 2)\n", 8,
	  "expected 'scanned N (a: N i: N)', found 'scanned  0 (b: 1 i: 2)'" },
	{ ZHEAD ZBODY "        scanned  0 1\n", 8,
	  "expected 'scanned N', found 'scanned  0 1'" },
	{ ZHEAD ZBODY "        spanned\n", 8,
	  "expected 'name value', found 'spanned'" },
	{ ZHEAD ZBODY "a b c d e f g h i\n", 8,
	  "expected 'name value', found 'a b c d e f g h i'" },
	{ NUL_TEXT(ZHEAD ZBODY "      nr_free_pages 1\0"
			       "00\n"),
	  .line = 8, .msg = "unexpected binary data" },
	{ NUL_TEXT("\0"), .line = 1, .msg = "unexpected binary data" },
	/* 2 zones per node, 4 entries: DMA then HighMem cannot be placed. */
	{ "Node 0, zone  HighMem\n" ZBODY "        protection: (0, 0, 0, 0)\n"
	  "Node 0, zone      DMA\n" ZBODY "        protection: (0, 5, 5, 5)\n",
	  9, "expected zones in index order, found DMA after HighMem" },
	{ "Node 0, zone    Weird\n" ZBODY "        protection: (0, 0, 0)\n", 1,
	  "expected a known zone name (DMA, DMA32, Normal, HighMem, Movable, Device), found 'Weird'" },
	/* Normal's own entry (index 0) must be 0 in any placement. */
	{ ZHEAD ZBODY "        protection: (7, 0, 0)\n", 1,
	  "expected the printed zones to fit the 3-entry protection lists" },
};

static void test_malformed(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		size_t len = c->len ? c->len : strlen(c->text);
		struct ms_zoneinfo zi;
		struct ms_diag d;
		int err;

		memset(&d, 0, sizeof(d));
		err = ms_zoneinfo_parse(&zi, c->text, len, "zoneinfo", &d);
		if (err != -EINVAL || d.line != c->line ||
		    strcmp(d.msg, c->msg))
			print_error("case %zu: err %d line %u msg '%s'\n", i,
				    err, d.line, d.msg);
		assert_int_equal(err, -EINVAL);
		assert_string_equal(d.msg, c->msg);
		assert_int_equal(d.line, c->line);
		assert_string_equal(d.file, "zoneinfo");
		assert_int_equal(d.err, -EINVAL);
		assert_null(zi.zones);
		assert_null(zi.nodes);
		assert_int_equal(zi.nr_zones, 0);
	}
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rng(void)
{
	/* xorshift64: deterministic, so a failure can be replayed. */
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void parse_any(const char *buf, size_t len)
{
	struct ms_zoneinfo zi;
	struct ms_diag d;
	int err;

	memset(&d, 0, sizeof(d));
	err = ms_zoneinfo_parse(&zi, buf, len, "zoneinfo", &d);
	if (err) {
		assert_int_equal(err, -EINVAL);
		assert_true(d.msg[0] != '\0');
		assert_null(zi.zones);
		return;
	}
	assert_true(zi.nr_zones > 0);
	ms_zoneinfo_release(&zi);
}

/* Every prefix of a real layout: a truncated read never crashes. */
static void test_truncated(void **state)
{
	static const char *const texts[] = {
		era_2_6_16, era_3_4_arm, era_4_9_numa, era_5_4, era_6_19,
	};
	size_t t, n;

	(void)state;
	for (t = 0; t < ARRAY_SIZE(texts); t++) {
		size_t len = strlen(texts[t]);

		for (n = 0; n <= len; n++) {
			/* A heap copy of exactly n bytes, so ASan sees overreads. */
			char *copy = malloc(n ? n : 1);

			assert_non_null(copy);
			memcpy(copy, texts[t], n);
			parse_any(copy, n);
			free(copy);
		}
	}
}

/* Random bytes, and valid text with random bytes changed. */
static void test_noise(void **state)
{
	static const char alphabet[] = "Node 0,zone:()pagesfr\n\t 0123456789-";
	size_t i, j, len;
	char *buf;

	(void)state;
	for (i = 0; i < 300; i++) {
		len = (size_t)(rng() % 2048);
		buf = malloc(len ? len : 1);
		assert_non_null(buf);
		for (j = 0; j < len; j++)
			buf[j] = (i & 1) ? (char)rng() :
					   alphabet[rng() %
						    (sizeof(alphabet) - 1)];
		parse_any(buf, len);
		free(buf);
	}
	len = strlen(era_5_4);
	for (i = 0; i < 300; i++) {
		buf = malloc(len);
		assert_non_null(buf);
		memcpy(buf, era_5_4, len);
		for (j = 0; j < 1 + rng() % 4; j++)
			buf[rng() % len] = (char)rng();
		parse_any(buf, len);
		free(buf);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_era_2_6_16),
		cmocka_unit_test(test_old_fixed_enum),
		cmocka_unit_test(test_era_3_4_arm_highmem),
		cmocka_unit_test(test_era_3_18_up),
		cmocka_unit_test(test_era_4_9_numa),
		cmocka_unit_test(test_era_5_4),
		cmocka_unit_test(test_era_6_19),
		cmocka_unit_test(test_numa_all_zones),
		cmocka_unit_test(test_nameless_node_stat),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_noise),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
