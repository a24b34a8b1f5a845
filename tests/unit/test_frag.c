// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The fragmentation indices against hand-checked vectors: the validated
 * table of the reference (§2.6), the F = 0 and T = 0 cases, the one-block
 * case that goes negative, and the debugfs text formats.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "analysis/frag.h"

struct vector {
	uint64_t nr[11];
	int unusable[11];
	int extfrag[11];
};

/*
 * Each line of buddyinfo with the kernel's unusable_index and
 * extfrag_index for orders 0..10, as debugfs printed them on a live
 * kernel (5.16+ format), converted to thousandths.
 */
static const struct vector vectors[] = {
	{ { 4971, 2515, 1234, 834, 486, 312, 297, 444, 362, 276, 438 },
	  { 0, 6, 12, 18, 27, 36, 49, 73, 144, 260, 437 },
	  { -1000, -1000, -1000, -1000, -1000, -1000, -1000, -1000, -1000,
	    -1000, -1000 } },
	{ { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	  { 0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000 },
	  { -1000, -500, -250, -125, -62, -31, -15, -7, -3, -1, 0 } },
	{ { 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	  { 0, 600, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000 },
	  { -1000, -1000, 438, 594, 672, 711, 731, 741, 746, 748, 749 } },
	{ { 1000, 500, 100, 10, 0, 0, 0, 0, 0, 0, 0 },
	  { 0, 403, 806, 967, 1000, 1000, 1000, 1000, 1000, 1000, 1000 },
	  { -1000, -1000, -1000, -1000, 904, 952, 976, 988, 994, 997, 998 } },
	/* a zone with no free memory at all */
	{ { 0 },
	  { 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000 },
	  { 0 } },
};

static void test_vectors(void **state)
{
	size_t v;
	unsigned int o;

	(void)state;
	for (v = 0; v < sizeof(vectors) / sizeof(vectors[0]); v++) {
		for (o = 0; o < 11; o++) {
			struct ms_contig info;

			ms_frag_contig(vectors[v].nr, 11, o, &info);
			assert_int_equal(ms_frag_unusable(&info, o),
					 vectors[v].unusable[o]);
			assert_int_equal(ms_frag_extfrag(&info, o),
					 vectors[v].extfrag[o]);
		}
	}
}

static void test_contig_by_hand(void **state)
{
	/* DMA32 line of the vectors, order 2: F = 5, T = 4, S = 0 */
	const uint64_t nr[11] = { 3, 1 };
	struct ms_contig info;

	(void)state;
	ms_frag_contig(nr, 11, 2, &info);
	assert_int_equal(info.free_pages, 5);
	assert_int_equal(info.free_blocks_total, 4);
	assert_int_equal(info.free_blocks_suitable, 0);
	/* floor(5000/4) = 1250; floor(2250/4) = 562; 1000 - 562 = 438 */
	assert_int_equal(ms_frag_extfrag(&info, 2), 438);
	ms_frag_contig(nr, 11, 1, &info);
	/* S(1) = 1: (5 - 2) * 1000 / 5 = 600 */
	assert_int_equal(info.free_blocks_suitable, 1);
	assert_int_equal(ms_frag_unusable(&info, 1), 600);
}

static void test_fragidx_reaches_1000(void **state)
{
	/* 100000 free order-0 pages at order 10: floor(98656/100000) = 0 */
	const uint64_t nr[11] = { 100000 };
	struct ms_contig info;

	(void)state;
	ms_frag_contig(nr, 11, 10, &info);
	assert_int_equal(ms_frag_extfrag(&info, 10), 1000);
}

static void test_synthetic_log_example(void **state)
{
	/* Mem-Info example of the reference: 3600 x o0, 100 x o1 at order 2 */
	const uint64_t nr[11] = { 3600, 100 };
	struct ms_contig info;

	(void)state;
	ms_frag_contig(nr, 11, 2, &info);
	assert_int_equal(ms_frag_unusable(&info, 2), 1000);
	/* F=3800 T=3700: 950000 -> floor(951000/3700) = 257 -> 743 */
	assert_int_equal(ms_frag_extfrag(&info, 2), 743);
}

static void test_format(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(ms_frag_format_kernel(buf, sizeof(buf), 437, false),
			    "0.437");
	assert_string_equal(ms_frag_format_kernel(buf, sizeof(buf), 437, true),
			    " 0.437");
	assert_string_equal(ms_frag_format_kernel(buf, sizeof(buf), 1000, true),
			    " 1.000");
	assert_string_equal(
		ms_frag_format_kernel(buf, sizeof(buf), -1000, true), "-1.000");
	assert_string_equal(
		ms_frag_format_kernel(buf, sizeof(buf), -500, false), "0.-500");
	assert_string_equal(ms_frag_format_kernel(buf, sizeof(buf), -62, true),
			    " 0.-62");
	assert_string_equal(ms_frag_format_kernel(buf, sizeof(buf), -7, true),
			    " 0.-07");
	assert_string_equal(ms_frag_format_kernel(buf, sizeof(buf), 0, false),
			    "0.000");
}

static void test_parse_kernel(void **state)
{
	static const struct {
		const char *s;
		int v;
	} good[] = {
		{ "0.437", 437 },   { "1.000", 1000 }, { "-1.000", -1000 },
		{ "0.-500", -500 }, { "0.-07", -7 },   { "0.000", 0 },
		{ "0.-01", -1 },
	};
	static const char *const bad[] = { "",	     ".",      "1.",
					   ".5",     "x.000",  "-1.500",
					   "1.-500", "0.1000", "1" };
	size_t i;
	int v;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		assert_int_equal(
			ms_frag_parse_kernel(good[i].s, strlen(good[i].s), &v),
			0);
		assert_int_equal(v, good[i].v);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_not_equal(
			ms_frag_parse_kernel(bad[i], strlen(bad[i]), &v), 0);
}

static void test_roundtrip(void **state)
{
	char buf[32];
	int x, v;

	(void)state;
	for (x = -1000; x <= 1000; x++) {
		ms_frag_format_kernel(buf, sizeof(buf), x, true);
		/* the width pads with a leading space: skip it */
		assert_int_equal(
			ms_frag_parse_kernel(buf + (buf[0] == ' '),
					     strlen(buf) - (buf[0] == ' '), &v),
			0);
		assert_int_equal(v, x);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_contig_by_hand),
		cmocka_unit_test(test_fragidx_reaches_1000),
		cmocka_unit_test(test_synthetic_log_example),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_parse_kernel),
		cmocka_unit_test(test_roundtrip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
