// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "lib/strset.h"

static void test_add_has(void **state)
{
	struct ms_strset set = { 0 };

	(void)state;
	assert_false(ms_strset_has(&set, "a", 1));
	assert_int_equal(ms_strset_add(&set, "MemFree"), 0);
	assert_int_equal(ms_strset_add(&set, "MemTotal"), 0);
	assert_int_equal(ms_strset_add(&set, "MemFree"), -EEXIST);
	/* (s, len) need not be terminated; a prefix is another string */
	assert_true(ms_strset_has(&set, "MemFree: 12", 7));
	assert_false(ms_strset_has(&set, "MemFre", 6));
	assert_false(ms_strset_has(&set, "MemFreeX", 8));
	assert_false(ms_strset_has(&set, "", 0));
	assert_int_equal(ms_strset_add(&set, ""), 0);
	assert_true(ms_strset_has(&set, "", 0));
	assert_int_equal(set.nr, 3);
	ms_strset_clear(&set);
	assert_int_equal(set.nr, 0);
	assert_false(ms_strset_has(&set, "MemFree", 7));
	assert_int_equal(ms_strset_add(&set, "MemFree"), 0);
	ms_strset_release(&set);
	assert_null(set.slots);
	ms_strset_release(&set);
}

/* find returns the very pointer added, so a caller can reach its record */
static void test_find(void **state)
{
	struct ms_strset set = { 0 };
	char a[] = "kmalloc-64", b[] = "dentry";

	(void)state;
	assert_null(ms_strset_find(&set, "dentry", 6));
	assert_int_equal(ms_strset_add(&set, a), 0);
	assert_int_equal(ms_strset_add(&set, b), 0);
	assert_ptr_equal(ms_strset_find(&set, "dentry", 6), b);
	assert_ptr_equal(ms_strset_find(&set, "kmalloc-64 x", 10), a);
	assert_null(ms_strset_find(&set, "kmalloc-6", 9));
	ms_strset_release(&set);
}

/* Many strings: the set grows and keeps every one. */
static void test_grow(void **state)
{
	static char names[5000][16];
	struct ms_strset set = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 5000; i++) {
		snprintf(names[i], sizeof(names[i]), "nr_%zu", i);
		assert_int_equal(ms_strset_add(&set, names[i]), 0);
	}
	assert_int_equal(set.nr, 5000);
	assert_true(set.nr_slots >= 10000);
	for (i = 0; i < 5000; i++) {
		assert_true(ms_strset_has(&set, names[i], strlen(names[i])));
		assert_int_equal(ms_strset_add(&set, names[i]), -EEXIST);
	}
	assert_false(ms_strset_has(&set, "nr_5000", 7));
	ms_strset_release(&set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_has),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_find),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
