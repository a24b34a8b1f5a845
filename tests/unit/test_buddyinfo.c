// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "proc/buddyinfo.h"

static int parse(struct ms_buddyinfo *bi, const char *text,
		 struct ms_diag *diag)
{
	memset(diag, 0, sizeof(*diag));
	return ms_buddyinfo_parse(bi, text, strlen(text), "buddyinfo", diag);
}

static void expect_error(const char *text, unsigned int line, const char *msg)
{
	struct ms_buddyinfo bi;
	struct ms_diag diag;

	assert_int_equal(parse(&bi, text, &diag), -EINVAL);
	assert_string_equal(diag.file, "buddyinfo");
	assert_int_equal(diag.line, line);
	assert_string_equal(diag.msg, msg);
	assert_null(bi.zones);
}

static void test_typical(void **state)
{
	/* frag_show_print(): "%6lu " per order, a space before the newline */
	const char *text =
		"Node 0, zone      DMA      1      0      1      0      2      1      1      0      1      1      3 \n"
		"Node 0, zone    DMA32    759    572    791    475    194     45     12      0      0      0      0 \n"
		"Node 0, zone   Normal   4381   1093    185   1530    567    102      4      0      0      0      0 \n";
	struct ms_buddyinfo bi;
	struct ms_diag diag;

	(void)state;
	assert_int_equal(parse(&bi, text, &diag), 0);
	assert_int_equal(bi.nr_zones, 3);
	assert_int_equal(bi.nr_orders, 11);
	assert_string_equal(bi.zones[0].zone, "DMA");
	assert_string_equal(bi.zones[2].zone, "Normal");
	assert_int_equal(bi.zones[2].free_blocks[0], 4381);
	assert_int_equal(bi.zones[1].free_blocks[1], 572);
	assert_int_equal(bi.zones[0].free_blocks[10], 3);
	assert_non_null(ms_buddyinfo_find(&bi, 0, "DMA32"));
	assert_null(ms_buddyinfo_find(&bi, 1, "DMA32"));
	ms_buddyinfo_release(&bi);
}

static void test_numa_14_orders_no_newline(void **state)
{
	/* arm64 with 64K pages: 14 orders; no final newline */
	const char *text =
		"Node 0, zone   Normal 1 2 3 4 5 6 7 8 9 10 11 12 13 14\n"
		"Node 1, zone   Normal 0 0 0 0 0 0 0 0 0 0 0 0 0 18446744073709551615";
	struct ms_buddyinfo bi;
	struct ms_diag diag;

	(void)state;
	assert_int_equal(parse(&bi, text, &diag), 0);
	assert_int_equal(bi.nr_orders, 14);
	assert_int_equal(bi.zones[1].node, 1);
	assert_true(bi.zones[1].free_blocks[13] == UINT64_MAX);
	ms_buddyinfo_release(&bi);
}

static void test_errors(void **state)
{
	(void)state;
	expect_error("", 0, "expected at least one 'Node N, zone NAME' line");
	expect_error("Node 0, zone\nNode 0, zone\n", 1,
		     "expected 'Node N, zone NAME'");
	expect_error("Node 0, zone DMA\n", 1,
		     "expected free block counts after the zone name");
	expect_error("Node 0, zone DMA 1 2 3\nNode 0, zone DMA32 1 2 3 4\n", 2,
		     "expected 3 orders as on the first line, found 4");
	expect_error("Node 0, zone DMA 1 2 x3\n", 1,
		     "order 2: expected a block count, found 'x3'");
	expect_error("Node 0, zone DMA 1 -2 3\n", 1,
		     "order 1: expected a block count, found '-2'");
	expect_error(
		"Node 0, zone DMA 18446744073709551616\n", 1,
		"order 0 count '18446744073709551616' does not fit in 64 bits");
	expect_error("Node 0 zone DMA 1\n", 1, "expected 'Node N, zone NAME'");
	expect_error("Node x, zone DMA 1\n", 1, "expected 'Node N, zone NAME'");
	expect_error("garbage\n", 1, "expected 'Node N, zone NAME'");
	expect_error("Node 0, zone DMA 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 "
		     "0 0 0 0 0 0 0 0 0 0 0 0 0 0\n",
		     1, "more than 32 orders");
}

/* frag_show() prints nodes ascending, zones by index, each zone once. */
static void test_order(void **state)
{
	struct ms_buddyinfo bi;
	struct ms_diag diag;

	(void)state;
	expect_error(
		"Node 1, zone Normal 1 2\nNode 0, zone Normal 1 2\n", 2,
		"expected nodes in ascending order, found node 0 after node 1");
	expect_error("Node 0, zone Normal 1 2\nNode 0, zone DMA 1 2\n", 2,
		     "expected zones in index order, found DMA after Normal");
	expect_error(
		"Node 0, zone Movable 1 2\nNode 0, zone HighMem 1 2\n", 2,
		"expected zones in index order, found HighMem after Movable");
	expect_error("Node 0, zone DMA 1 2\nNode 0, zone Normal 1 2\n"
		     "Node 0, zone DMA 1 2\n",
		     3, "zone DMA of node 0 appears twice");
	expect_error("Node 0, zone Normal 1 2\nNode 0, zone Normal 1 2\n", 2,
		     "zone Normal of node 0 appears twice");
	expect_error("Node 0, zone Foo 1 2\nNode 0, zone Normal 1 2\n"
		     "Node 0, zone Foo 1 2\n",
		     3, "zone Foo of node 0 appears twice");
	expect_error("Node 1024, zone Normal 1 2\n", 1,
		     "expected 'Node N, zone NAME'");
	expect_error("Node 0, zone A 1\nNode 0, zone B 1\nNode 0, zone C 1\n"
		     "Node 0, zone D 1\nNode 0, zone E 1\nNode 0, zone F 1\n"
		     "Node 0, zone G 1\nNode 0, zone H 1\nNode 0, zone I 1\n",
		     9, "expected at most 8 zones in node 0");
	/* a new node starts over; unknown names are not ordered */
	assert_int_equal(parse(&bi,
			       "Node 0, zone Normal 1 2\n"
			       "Node 1, zone DMA 1 2\nNode 1, zone Normal 1 2\n"
			       "Node 1, zone Foo 1 2\nNode 1, zone DMA32x 1 2\n"
			       "Node 1023, zone Normal 3 4\n",
			       &diag),
			 0);
	assert_int_equal(bi.nr_zones, 6);
	ms_buddyinfo_release(&bi);
	assert_int_equal(ms_zone_name_rank("DMA"), 0);
	assert_int_equal(ms_zone_name_rank("Device"), 5);
	assert_int_equal(ms_zone_name_rank("normal"), -1);
}

static void test_binary(void **state)
{
	const char text[] = "Node 0, zone DMA 1 2\0 3\n";
	struct ms_buddyinfo bi;
	struct ms_diag diag = { 0 };

	(void)state;
	assert_int_equal(ms_buddyinfo_parse(&bi, text, sizeof(text) - 1,
					    "buddyinfo", &diag),
			 -EINVAL);
	assert_int_equal(diag.line, 1);
	assert_string_equal(diag.msg, "unexpected binary data");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typical),
		cmocka_unit_test(test_numa_14_orders_no_newline),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_binary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
