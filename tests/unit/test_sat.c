// SPDX-License-Identifier: GPL-2.0-or-later
/* lib/sat.h: saturating arithmetic at and around the 64-bit edge. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lib/sat.h"
#include "lib/banned.h"

static void test_add(void **state)
{
	(void)state;
	assert_true(ms_sat_add(2, 3) == 5);
	assert_true(ms_sat_add(UINT64_MAX - 1, 1) == UINT64_MAX);
	assert_true(ms_sat_add(UINT64_MAX - 1, 2) == UINT64_MAX);
	assert_true(ms_sat_add(UINT64_MAX, UINT64_MAX) == UINT64_MAX);
	assert_true(ms_sat_add(0, UINT64_MAX) == UINT64_MAX);
}

static void test_mul(void **state)
{
	(void)state;
	assert_true(ms_sat_mul(0, UINT64_MAX) == 0);
	assert_true(ms_sat_mul(UINT64_MAX, 0) == 0);
	/* 2^32 (2^32 - 1) = 2^64 - 2^32: the largest product that fits */
	assert_true(ms_sat_mul(1ULL << 32, (1ULL << 32) - 1) ==
		    UINT64_MAX - (1ULL << 32) + 1);
	assert_true(ms_sat_mul(1ULL << 32, 1ULL << 32) == UINT64_MAX);
	assert_true(ms_sat_mul(3, UINT64_MAX / 3) ==
		    UINT64_MAX - UINT64_MAX % 3);
	assert_true(ms_sat_mul(3, UINT64_MAX / 3 + 1) == UINT64_MAX);
}

static void test_shl(void **state)
{
	(void)state;
	assert_true(ms_sat_shl(0, 200) == 0);
	assert_true(ms_sat_shl(1, 63) == 1ULL << 63);
	assert_true(ms_sat_shl(1, 64) == UINT64_MAX);
	assert_true(ms_sat_shl(3, 62) == 3ULL << 62);
	assert_true(ms_sat_shl(3, 63) == UINT64_MAX);
	assert_true(ms_sat_shl(UINT64_MAX >> 10, 10) == UINT64_MAX - 1023);
	assert_true(ms_sat_shl((UINT64_MAX >> 10) + 1, 10) == UINT64_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_mul),
		cmocka_unit_test(test_shl),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
