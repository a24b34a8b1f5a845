// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/pagetypeinfo parser: 5.4+ with two nodes, ">100000" floors and
 * the page_owner "mixed blocks" table; <= 4.3 with Reserve; 14 orders
 * (arm64 with 64K pages); malformed inputs with their exact message and
 * line; noise and truncation.
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

#include "proc/pagetypeinfo.h"
#include "lib/banned.h"

static int parse(struct ms_pagetypeinfo *pt, const char *text,
		 struct ms_diag *d)
{
	memset(d, 0, sizeof(*d));
	return ms_pagetypeinfo_parse(pt, text, strlen(text), "pagetypeinfo", d);
}

static const struct ms_pt_zone *zone(const struct ms_pagetypeinfo *pt, int node,
				     const char *name)
{
	const struct ms_pt_zone *z = ms_pagetypeinfo_find(pt, node, name);

	assert_non_null(z);
	return z;
}

static int type(const struct ms_pagetypeinfo *pt, const char *name)
{
	int t = ms_pagetypeinfo_type(pt, name);

	assert_true(t >= 0);
	return t;
}

/* 5.4+: two nodes, CONFIG_CMA, ">100000" floors, page_owner table. */
static const char two_nodes_5_4[] =
	"Page block order: 9\n"
	"Pages per block:  512\n"
	"\n"
	"Free pages count per migrate type at order       0      1      2      3      4      5      6      7      8      9     10 \n"
	"Node    0, zone      DMA, type    Unmovable      0      0      0      1      1      1      1      1      0      0      0 \n"
	"Node    0, zone      DMA, type      Movable      0      0      0      0      0      0      0      0      0      1      3 \n"
	"Node    0, zone      DMA, type  Reclaimable      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone      DMA, type   HighAtomic      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone      DMA, type          CMA      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone      DMA, type      Isolate      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone   Normal, type    Unmovable >100000   5000    300     20      1      0      0      0      0      0      0 \n"
	"Node    0, zone   Normal, type      Movable >100000 >100000  77777     12      8      4      2      1      1      0      1 \n"
	"Node    0, zone   Normal, type  Reclaimable     15     28      1     47     21      3      1      2      0      1      0 \n"
	"Node    0, zone   Normal, type   HighAtomic      4      3      2      1      0      0      0      0      0      0      0 \n"
	"Node    0, zone   Normal, type          CMA      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone   Normal, type      Isolate      0      0      0      0      0      0      0      0      0      0      2 \n"
	"\n"
	"Number of blocks type     Unmovable      Movable  Reclaimable   HighAtomic          CMA      Isolate \n"
	"Node 0, zone      DMA            1            7            0            0            0            0 \n"
	"Node 0, zone   Normal          120          345           47            1            0            2 \n"
	"\n"
	"Number of mixed blocks    Unmovable      Movable  Reclaimable   HighAtomic          CMA      Isolate \n"
	"Node 0, zone      DMA            0            0            0            0            0            0 \n"
	"Node 0, zone   Normal            3            1            0            0            0            0 \n"
	"Page block order: 9\n"
	"Pages per block:  512\n"
	"\n"
	"Free pages count per migrate type at order       0      1      2      3      4      5      6      7      8      9     10 \n"
	"Node    1, zone   Normal, type    Unmovable      9      8      7      6      5      4      3      2      1      0      0 \n"
	"Node    1, zone   Normal, type      Movable      1      2      3      4      5      6      7      8      9     10   2000 \n"
	"Node    1, zone   Normal, type  Reclaimable      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    1, zone   Normal, type   HighAtomic      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    1, zone   Normal, type          CMA      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    1, zone   Normal, type      Isolate      0      0      0      0      0      0      0      0      0      0      0 \n"
	"\n"
	"Number of blocks type     Unmovable      Movable  Reclaimable   HighAtomic          CMA      Isolate \n"
	"Node 1, zone   Normal           10         4000            6            0            0            0 \n"
	"\n"
	"Number of mixed blocks    Unmovable      Movable  Reclaimable   HighAtomic          CMA      Isolate \n"
	"Node 1, zone   Normal            0            2            0            0            0            0 \n";

static void test_two_nodes_capped(void **state)
{
	static const char *const want[] = {
		"Unmovable",  "Movable", "Reclaimable",
		"HighAtomic", "CMA",	 "Isolate",
	};
	struct ms_pagetypeinfo pt;
	struct ms_diag d;
	const struct ms_pt_zone *z;
	int mov, unm;
	unsigned int i;

	(void)state;
	assert_int_equal(parse(&pt, two_nodes_5_4, &d), 0);
	assert_int_equal(pt.pageblock_order, 9);
	assert_int_equal(pt.pages_per_block, 512);
	assert_int_equal(pt.nr_orders, 11);
	assert_int_equal(pt.nr_types, 6);
	for (i = 0; i < ARRAY_SIZE(want); i++)
		assert_string_equal(pt.types[i], want[i]);
	assert_int_equal(pt.nr_zones, 3);
	mov = type(&pt, "Movable");
	unm = type(&pt, "Unmovable");
	assert_int_equal(mov, 1);
	assert_int_equal(ms_pagetypeinfo_type(&pt, "Reserve"), -1);

	z = zone(&pt, 0, "Normal");
	assert_int_equal(z->free_blocks[unm][0], 100000);
	assert_true(z->capped[unm][0]);
	assert_false(z->capped[unm][1]);
	assert_int_equal(z->free_blocks[unm][1], 5000);
	assert_true(z->capped[mov][0]);
	assert_true(z->capped[mov][1]);
	assert_false(z->capped[mov][2]);
	assert_int_equal(z->free_blocks[mov][2], 77777);
	assert_int_equal(z->free_blocks[mov][10], 1);
	assert_int_equal(z->free_blocks[type(&pt, "Isolate")][10], 2);
	/* The blocks table, not the page_owner "mixed" one. */
	assert_true(z->has_blocks);
	assert_int_equal(z->blocks[unm], 120);
	assert_int_equal(z->blocks[mov], 345);
	assert_int_equal(z->blocks[type(&pt, "HighAtomic")], 1);
	assert_int_equal(z->blocks[type(&pt, "Isolate")], 2);

	z = zone(&pt, 0, "DMA");
	assert_int_equal(z->free_blocks[mov][10], 3);
	assert_int_equal(z->blocks[mov], 7);
	assert_false(z->capped[mov][10]);

	z = zone(&pt, 1, "Normal");
	assert_ptr_equal(z, &pt.zones[2]);
	assert_int_equal(z->free_blocks[mov][10], 2000);
	assert_int_equal(z->free_blocks[unm][0], 9);
	assert_int_equal(z->blocks[mov], 4000);
	assert_null(ms_pagetypeinfo_find(&pt, 1, "DMA"));
	ms_pagetypeinfo_release(&pt);
	assert_null(pt.zones);
	assert_int_equal(pt.nr_zones, 0);
}

/* 3.2 (<= 4.3): Reserve instead of HighAtomic, no CMA, no final newline. */
static const char reserve_3_2[] =
	"Page block order: 9\n"
	"Pages per block:  512\n"
	"\n"
	"Free pages count per migrate type at order       0      1      2      3      4      5      6      7      8      9     10 \n"
	"Node    0, zone      DMA, type    Unmovable      0      0      0      1      1      1      1      0      1      0      0 \n"
	"Node    0, zone      DMA, type  Reclaimable      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone      DMA, type      Movable      0      0      0      0      0      0      0      0      0      0      3 \n"
	"Node    0, zone      DMA, type      Reserve      0      0      0      0      0      0      0      0      0      1      0 \n"
	"Node    0, zone      DMA, type      Isolate      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone    DMA32, type    Unmovable      0      1      1      1      1      0      0      2      1      1      0 \n"
	"Node    0, zone    DMA32, type  Reclaimable      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone    DMA32, type      Movable      3      1      2      1      4      2      2      1      2      1    805 \n"
	"Node    0, zone    DMA32, type      Reserve      0      0      0      0      0      0      0      0      0      0      2 \n"
	"Node    0, zone    DMA32, type      Isolate      0      0      0      0      0      0      0      0      0      0      0 \n"
	"Node    0, zone   Normal, type    Unmovable    117     48     24     38    678    423    204    107     69     14      2 \n"
	"Node    0, zone   Normal, type  Reclaimable     91     30     13      3      2      1      0      0      0      0      0 \n"
	"Node    0, zone   Normal, type      Movable   2254   1398    700    301     90     30      9      4      1      1      0 \n"
	"Node    0, zone   Normal, type      Reserve      0      0      0      0      0      0      0      0      0      0      2 \n"
	"Node    0, zone   Normal, type      Isolate      0      0      0      0      0      0      0      0      0      0      0 \n"
	"\n"
	"Number of blocks type     Unmovable  Reclaimable      Movable      Reserve      Isolate \n"
	"Node 0, zone      DMA            1            0            6            1            0 \n"
	"Node 0, zone    DMA32            6            0         1648            2            0 \n"
	"Node 0, zone   Normal          280          108         2026            2            0 ";

static void test_reserve_era(void **state)
{
	static const char *const want[] = {
		"Unmovable", "Reclaimable", "Movable", "Reserve", "Isolate",
	};
	struct ms_pagetypeinfo pt;
	struct ms_diag d;
	const struct ms_pt_zone *z;
	unsigned int i;
	int mov;

	(void)state;
	assert_int_equal(parse(&pt, reserve_3_2, &d), 0);
	assert_int_equal(pt.nr_types, 5);
	for (i = 0; i < ARRAY_SIZE(want); i++)
		assert_string_equal(pt.types[i], want[i]);
	assert_int_equal(ms_pagetypeinfo_type(&pt, "HighAtomic"), -1);
	assert_int_equal(ms_pagetypeinfo_type(&pt, "CMA"), -1);
	mov = type(&pt, "Movable");
	assert_int_equal(mov, 2);
	z = zone(&pt, 0, "DMA32");
	assert_int_equal(z->free_blocks[mov][10], 805);
	assert_int_equal(z->free_blocks[type(&pt, "Reserve")][10], 2);
	assert_int_equal(z->blocks[mov], 1648);
	/* The last row, without a final newline. */
	z = zone(&pt, 0, "Normal");
	assert_int_equal(z->blocks[type(&pt, "Reclaimable")], 108);
	assert_int_equal(z->blocks[type(&pt, "Isolate")], 0);
	assert_int_equal(z->free_blocks[mov][0], 2254);
	ms_pagetypeinfo_release(&pt);
}

/* arm64 with 64K pages: 14 orders, page block order 13, no CMA/Isolate. */
static void test_fourteen_orders(void **state)
{
	static const char text[] =
		"Page block order: 13\n"
		"Pages per block:  8192\n"
		"\n"
		"Free pages count per migrate type at order       0      1      2      3      4      5      6      7      8      9     10     11     12     13 \n"
		"Node    0, zone   Normal, type    Unmovable     10      9      8      7      6      5      4      3      2      1      0      0      0      1 \n"
		"Node    0, zone   Normal, type      Movable    100     90     80     70     60     50     40     30     20     10      5      4      3     60 \n"
		"Node    0, zone   Normal, type  Reclaimable      1      1      1      1      1      1      1      1      1      1      1      1      1      1 \n"
		"Node    0, zone   Normal, type   HighAtomic      0      0      0      0      0      0      0      0      0      0      0      0      0      0 \n"
		"\n"
		"Number of blocks type     Unmovable      Movable  Reclaimable   HighAtomic \n"
		"Node 0, zone   Normal           12          250            3            0 \n";
	struct ms_pagetypeinfo pt;
	struct ms_diag d;
	const struct ms_pt_zone *z;

	(void)state;
	assert_int_equal(parse(&pt, text, &d), 0);
	assert_int_equal(pt.pageblock_order, 13);
	assert_int_equal(pt.pages_per_block, 8192);
	assert_int_equal(pt.nr_orders, 14);
	assert_int_equal(pt.nr_types, 4);
	z = zone(&pt, 0, "Normal");
	assert_int_equal(z->free_blocks[1][13], 60);
	assert_int_equal(z->free_blocks[0][13], 1);
	assert_int_equal(z->blocks[1], 250);
	ms_pagetypeinfo_release(&pt);
}

/* A file cut before the blocks table still has its free counts. */
static void test_without_blocks(void **state)
{
	static const char text[] =
		"Page block order: 10\n"
		"Pages per block:  1024\n"
		"\n"
		"Free pages count per migrate type at order       0      1 \n"
		"Node    0, zone   Normal, type    Unmovable      5      6 \n"
		"Node    0, zone   Normal, type      Movable      7      8 \n";
	struct ms_pagetypeinfo pt;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&pt, text, &d), 0);
	assert_int_equal(pt.nr_orders, 2);
	assert_false(zone(&pt, 0, "Normal")->has_blocks);
	assert_int_equal(zone(&pt, 0, "Normal")->free_blocks[1][1], 8);
	ms_pagetypeinfo_release(&pt);
}

#define PHDR "Page block order: 9\nPages per block:  512\n\n"
#define FHDR \
	"Free pages count per migrate type at order       0      1      2 \n"
#define DMA_U \
	"Node    0, zone      DMA, type    Unmovable      1      2      3 \n"
#define DMA_M \
	"Node    0, zone      DMA, type      Movable      4      5      6 \n"
#define NOR_U \
	"Node    0, zone   Normal, type    Unmovable      1      2      3 \n"
#define NOR_M \
	"Node    0, zone   Normal, type      Movable      4      5      6 \n"
#define BHDR  "\nNumber of blocks type     Unmovable      Movable \n"
#define DMA_B "Node 0, zone      DMA            1            7 \n"
/* Lines 1-6: the node header, the free header and DMA's two rows. */
#define OK_DMA PHDR FHDR DMA_U DMA_M

struct bad_case {
	const char *text;
	unsigned int line;
	const char *msg;
	size_t len; /* 0: strlen(text); else the bytes, NULs included */
};

#define NUL_TEXT(s) .text = s, .len = sizeof(s) - 1

static const struct bad_case bad_cases[] = {
	{ "", 0, "empty file, expected 'Page block order: N'" },
	{ "\n \n", 0, "empty file, expected 'Page block order: N'" },
	{ "pagetypeinfo\n" OK_DMA, 1,
	  "expected 'Page block order: N', found 'pagetypeinfo'" },
	{ "Page block order: x\n", 1,
	  "expected a page block order, found 'x'" },
	{ "Page block order:\n", 1,
	  "expected 'Page block order: N', found 'Page block order:'" },
	{ "Page block order: 64\n", 1,
	  "expected a page block order below 64, found 64" },
	{ "Page block order: 18446744073709551616\n", 1,
	  "a page block order '18446744073709551616' does not fit in 64 bits" },
	{ "Page block order: 9\nPages per block:  500\n", 2,
	  "expected 512 pages per block for page block order 9, found 500" },
	{ "Page block order: 9\n" FHDR, 2,
	  "expected 'Pages per block: N', found 'Free pages count per migrate type at ord...'" },
	{ "Page block order: 9\nPage block order: 9\n", 2,
	  "expected 'Pages per block: N', found 'Page block order: 9'" },
	{ PHDR "Number of blocks type     Unmovable \n", 4,
	  "expected 'Free pages count per migrate type at order', found 'Number of blocks type     Unmovable'" },
	{ PHDR, 3,
	  "expected the free counts table, found the end of the file" },
	{ PHDR FHDR, 4, "expected free count rows, found the end of the file" },
	{ PHDR FHDR BHDR, 6,
	  "expected free count rows, found 'Number of blocks type     Unmovable     ...'" },
	{ PHDR "Free pages count per migrate type at order\n", 4,
	  "expected order numbers after 'Free pages count per migrate type at order'" },
	{ PHDR "Free pages count per migrate type at order 0 1 3\n", 4,
	  "expected order 2 in the header, found '3'" },
	{ PHDR "Free pages count per migrate type at order 0 1 x\n", 4,
	  "expected order 2 in the header, found 'x'" },
	{ PHDR FHDR
	  "Node    0, zone      DMA, type    Unmovable      1      2 \n",
	  5, "expected 3 free counts as in the header, found 2" },
	{ PHDR FHDR
	  "Node    0, zone      DMA type    Unmovable      1      2      3 \n",
	  5,
	  "expected 'Node N, zone NAME, type TYPE COUNTS', found 'Node    0, zone      DMA type    Unmovab...'" },
	{ PHDR FHDR
	  "Node    x, zone      DMA, type    Unmovable      1      2      3 \n",
	  5,
	  "expected 'Node N, zone NAME, type TYPE COUNTS', found 'Node    x, zone      DMA, type    Unmova...'" },
	{ PHDR FHDR
	  "Node    0, zone      DMA, kind    Unmovable      1      2      3 \n",
	  5,
	  "expected 'Node N, zone NAME, type TYPE COUNTS', found 'Node    0, zone      DMA, kind    Unmova...'" },
	{ PHDR FHDR
	  "Node    0, zone      DMA, type    Unmovable      1     2a      3 \n",
	  5, "expected an order 1 free count, found '2a'" },
	{ PHDR FHDR
	  "Node    0, zone      DMA, type    Unmovable      1 18446744073709551616      3 \n",
	  5,
	  "an order 1 free count '18446744073709551616' does not fit in 64 bits" },
	{ PHDR FHDR
	  "Node    0, zone      DMA, type    Unmovable      1      2 >99999 \n",
	  5, "expected '>100000' for a capped count, found '>99999'" },
	{ PHDR FHDR "Node    0, zone      DMA, type    Unmovable      > 1 2 \n",
	  5, "expected an order 0 free count, found '>'" },
	{ PHDR FHDR
	  "Node    0, zone      DMA, type    Unmovable     -1      2      3 \n",
	  5, "expected an order 0 free count, found '-1'" },
	{ PHDR FHDR
	  "Node    0, zone      DMA, type ABCDEFGHIJKLMNOPQRSTUVWXYZ 1 2 3\n",
	  5,
	  "expected a migrate type name of at most 23 characters, found 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'" },
	/* found by fuzz_pagetypeinfo: the raw byte reached the message */
	{ OK_DMA
	  "Node    0, zone   Normal, type    Unmovable      1      2      3 \n"
	  "Node    0, zone   Normal, type      Mo\xf6"
	  "able      4      5      6 \n",
	  8, "expected a migrate type name, found 'Mo?able'" },
	{ PHDR FHDR
	  "Node    0, zone      DMA, type    Unmov\033[2Jable 1 2 3\n",
	  5, "expected a migrate type name, found 'Unmov?[2Jable'" },
	{ OK_DMA DMA_U, 7,
	  "migrate type 'Unmovable' appears twice in node 0, zone DMA" },
	{ OK_DMA
	  "Node    0, zone   Normal, type      Movable      4      5      6 \n",
	  7,
	  "expected migrate type 'Unmovable' as in the first zone, found 'Movable'" },
	{ OK_DMA NOR_U BHDR, 7,
	  "expected 2 migrate types in node 0, zone Normal, found 1" },
	{ OK_DMA NOR_U NOR_M
	  "Node    0, zone   Normal, type      Isolate      0      0      0 \n",
	  9,
	  "expected 2 migrate types in node 0, zone Normal as in the first zone" },
	{ OK_DMA NOR_U NOR_M DMA_U DMA_M, 9,
	  "zone DMA of node 0 appears twice" },
	{ PHDR "Free pages count per migrate type at order 0\n"
	       "Node 0, zone A, type U 1\nNode 0, zone B, type U 1\n"
	       "Node 0, zone C, type U 1\nNode 0, zone D, type U 1\n"
	       "Node 0, zone E, type U 1\nNode 0, zone F, type U 1\n"
	       "Node 0, zone G, type U 1\nNode 0, zone H, type U 1\n"
	       "Node 0, zone I, type U 1\n",
	  13, "expected at most 8 zones in node 0" },
	{ OK_DMA "\nNumber of blocks type     Movable  Unmovable \n", 8,
	  "expected migrate type 'Unmovable' as in the free counts, found 'Movable'" },
	{ OK_DMA "\nNumber of blocks type     Unmovable  Movable  Isolate \n",
	  8, "expected 2 migrate types as in the free counts, found 3" },
	{ OK_DMA BHDR "Node 0, zone      DMA            1 \n", 9,
	  "expected 2 block counts as in the header, found 1" },
	{ OK_DMA BHDR "Node 0, zone      DMA            1   x \n", 9,
	  "expected a block count, found 'x'" },
	{ OK_DMA BHDR
	  "Node 0, zone      DMA            1   18446744073709551616 \n",
	  9, "a block count '18446744073709551616' does not fit in 64 bits" },
	{ OK_DMA BHDR "Node 0, zone   Normal            1            7 \n", 9,
	  "expected free counts for node 0, zone Normal before its block counts" },
	{ OK_DMA BHDR DMA_B DMA_B, 10,
	  "block counts of node 0, zone DMA appear twice" },
	{ OK_DMA BHDR DMA_U, 9,
	  "expected 'Node N, zone NAME COUNTS', found 'Node    0, zone      DMA, type    Unmova...'" },
	{ OK_DMA BHDR DMA_B "Node 0 zone DMA 1 2\n", 10,
	  "expected 'Node N, zone NAME COUNTS', found 'Node 0 zone DMA 1 2'" },
	{ OK_DMA "\nNumber of mixed blocks    Unmovable      Movable \n", 8,
	  "expected 'Number of blocks type' before 'Number of mixed blocks', found 'Number of mixed blocks    Unmovable     ...'" },
	{ OK_DMA BHDR DMA_B
	  "\nNumber of mixed blocks    Unmovable      Movable \n"
	  "Node 0, zone      DMA            1            x \n",
	  12, "expected a block count, found 'x'" },
	{ OK_DMA BHDR DMA_B "Page block order: 10\n", 10,
	  "expected page block order 9 as in the first node, found 10" },
	{ OK_DMA BHDR DMA_B PHDR
	  "Free pages count per migrate type at order       0      1 \n",
	  13, "expected 3 orders as in the first header, found 2" },
	{ OK_DMA BHDR DMA_B PHDR FHDR
	  "Node    1, zone   Normal, type      Movable      4      5      6 \n",
	  14,
	  "expected migrate type 'Unmovable' as in the first zone, found 'Movable'" },
	{ OK_DMA
	  "Node    0, zone   Normal, type    Unmovable      1      2      3      4      5      6      7      8      9     10     11     12     13     14     15     16     17     18     19     20     21     22     23     24     25     26     27     28     29     30     31     32     33 \n",
	  7, "expected 3 free counts as in the header, found 33" },
	{ PHDR
	  "Free pages count per migrate type at order 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32\n",
	  4, "expected at most 32 orders, found 33" },
	{ OK_DMA
	  "Node 0, zone Normal, type Unmovable 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36\n",
	  7, "more than 32 orders or migrate types" },
	{ NUL_TEXT(OK_DMA "\0\n"), .line = 7, .msg = "unexpected binary data" },
	{ NUL_TEXT("Page block\0 order: 9\n"), .line = 1,
	  .msg = "unexpected binary data" },
};

static void test_malformed(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		size_t len = c->len ? c->len : strlen(c->text);
		struct ms_pagetypeinfo pt;
		struct ms_diag d;
		int err;

		memset(&d, 0, sizeof(d));
		err = ms_pagetypeinfo_parse(&pt, c->text, len, "pagetypeinfo",
					    &d);
		if (err != -EINVAL || d.line != c->line ||
		    strcmp(d.msg, c->msg))
			print_error("case %zu: err %d line %u msg '%s'\n", i,
				    err, d.line, d.msg);
		assert_int_equal(err, -EINVAL);
		assert_string_equal(d.msg, c->msg);
		assert_int_equal(d.line, c->line);
		assert_string_equal(d.file, "pagetypeinfo");
		assert_null(pt.zones);
		assert_int_equal(pt.nr_zones, 0);
		assert_int_equal(pt.nr_types, 0);
	}
}

/* Thirteen migrate types in the first zone: one too many. */
static void test_too_many_types(void **state)
{
	char text[4096];
	size_t off;
	struct ms_pagetypeinfo pt;
	struct ms_diag d;
	int i;

	(void)state;
	off = (size_t)snprintf(text, sizeof(text), "%s%s", PHDR, FHDR);
	for (i = 0; i < MS_MAX_MIGRATE_TYPES + 1; i++)
		off += (size_t)snprintf(
			text + off, sizeof(text) - off,
			"Node    0, zone      DMA, type        T%d      1      2      3 \n",
			i);
	assert_int_equal(parse(&pt, text, &d), -EINVAL);
	assert_string_equal(d.msg, "expected at most 12 migrate types");
	assert_int_equal(d.line, 5 + MS_MAX_MIGRATE_TYPES);

	/* Twelve are fine, and unknown names are kept in order. */
	text[0] = '\0';
	off = (size_t)snprintf(text, sizeof(text), "%s%s", PHDR, FHDR);
	for (i = 0; i < MS_MAX_MIGRATE_TYPES; i++)
		off += (size_t)snprintf(
			text + off, sizeof(text) - off,
			"Node    0, zone      DMA, type        T%d      1      2      %d \n",
			i, i);
	assert_int_equal(parse(&pt, text, &d), 0);
	assert_int_equal(pt.nr_types, MS_MAX_MIGRATE_TYPES);
	assert_string_equal(pt.types[11], "T11");
	assert_int_equal(ms_pagetypeinfo_type(&pt, "T7"), 7);
	assert_int_equal(zone(&pt, 0, "DMA")->free_blocks[7][2], 7);
	ms_pagetypeinfo_release(&pt);
}

static uint64_t rng_state = 0x2545f4914f6cdd1dULL;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void parse_any(const char *buf, size_t len)
{
	struct ms_pagetypeinfo pt;
	struct ms_diag d;
	int err;

	memset(&d, 0, sizeof(d));
	err = ms_pagetypeinfo_parse(&pt, buf, len, "pagetypeinfo", &d);
	if (err) {
		assert_int_equal(err, -EINVAL);
		assert_true(d.msg[0] != '\0');
		assert_null(pt.zones);
		return;
	}
	assert_true(pt.nr_zones > 0);
	assert_true(pt.nr_types > 0 && pt.nr_types <= MS_MAX_MIGRATE_TYPES);
	assert_true(pt.nr_orders > 0 && pt.nr_orders <= MS_MAX_ORDERS);
	ms_pagetypeinfo_release(&pt);
}

static void test_truncated_and_noise(void **state)
{
	static const char alphabet[] =
		"Node 0,zone:type>\n 0123456789Pagblockr";
	size_t len = strlen(two_nodes_5_4), n, i, j;
	char *buf;

	(void)state;
	for (n = 0; n <= len; n++) {
		buf = malloc(n ? n : 1);
		assert_non_null(buf);
		memcpy(buf, two_nodes_5_4, n);
		parse_any(buf, n);
		free(buf);
	}
	for (i = 0; i < 300; i++) {
		n = (size_t)(rng() % 2048);
		buf = malloc(n ? n : 1);
		assert_non_null(buf);
		for (j = 0; j < n; j++)
			buf[j] = (i & 1) ? (char)rng() :
					   alphabet[rng() %
						    (sizeof(alphabet) - 1)];
		parse_any(buf, n);
		free(buf);
	}
	for (i = 0; i < 300; i++) {
		buf = malloc(len);
		assert_non_null(buf);
		memcpy(buf, two_nodes_5_4, len);
		for (j = 0; j < 1 + rng() % 4; j++)
			buf[rng() % len] = (char)rng();
		parse_any(buf, len);
		free(buf);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_nodes_capped),
		cmocka_unit_test(test_reserve_era),
		cmocka_unit_test(test_fourteen_orders),
		cmocka_unit_test(test_without_blocks),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_too_many_types),
		cmocka_unit_test(test_truncated_and_noise),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
