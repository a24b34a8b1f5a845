// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SLUB's /sys/kernel/slab/<cache>/ attributes: the parser on text, and
 * the reader on a small tree made under $TMPDIR.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "proc/slub_sysfs.h"

static int parse(struct ms_slub_sysfs *ss, enum ms_slub_attr a,
		 const char *text, struct ms_diag *d)
{
	memset(d, 0, sizeof(*d));
	return ms_slub_attr_parse(ss, a, text, strlen(text), "order", d);
}

static void expect_error(enum ms_slub_attr a, const char *text, size_t len,
			 const char *msg)
{
	struct ms_slub_sysfs ss = { 0 };
	struct ms_diag d = { 0 };
	char buf[256];

	assert_int_equal(ms_slub_attr_parse(&ss, a, text, len, "order", &d),
			 -EINVAL);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(buf, msg);
}

#define EXPECT_ERROR(a, text, msg) expect_error(a, text, strlen(text), msg)

static void test_parse(void **state)
{
	struct ms_slub_sysfs ss;
	struct ms_diag d;

	(void)state;
	memset(&ss, 0, sizeof(ss));
	assert_int_equal(parse(&ss, MS_SLUB_RECLAIM_ACCOUNT, "1\n", &d), 0);
	assert_true(ss.reclaim_account);
	assert_int_equal(parse(&ss, MS_SLUB_RECLAIM_ACCOUNT, "0\n", &d), 0);
	assert_false(ss.reclaim_account);
	assert_int_equal(parse(&ss, MS_SLUB_ORDER, "3\n", &d), 0);
	assert_int_equal(ss.order, 3);
	assert_int_equal(parse(&ss, MS_SLUB_ORDER, "0", &d), 0);
	assert_int_equal(ss.order, 0);
	assert_int_equal(parse(&ss, MS_SLUB_ALIASES, "12\n", &d), 0);
	assert_int_equal(ss.aliases, 12);
	/* 2.6 printed refcount - 1 unclamped */
	assert_int_equal(parse(&ss, MS_SLUB_ALIASES, "-1\n", &d), 0);
	assert_int_equal(ss.aliases, 0);
	assert_int_equal(parse(&ss, MS_SLUB_OBJECT_SIZE, "192\n", &d), 0);
	assert_int_equal(ss.object_size_bytes, 192);
	assert_int_equal(parse(&ss, MS_SLUB_SLAB_SIZE, "4294967295\n", &d), 0);
	assert_int_equal(ss.slab_size_bytes, UINT32_MAX);
	/* only the attribute's own field changes */
	assert_int_equal(ss.object_size_bytes, 192);
	assert_int_equal(ss.order, 0);
	assert_string_equal(ms_slub_attr_name(MS_SLUB_SLAB_SIZE), "slab_size");
	assert_string_equal(ms_slub_attr_name(MS_SLUB_NR_ATTRS), "");
}

static void test_parse_errors(void **state)
{
	(void)state;
	EXPECT_ERROR(MS_SLUB_ORDER, "",
		     "order:1: expected a number, found an empty file");
	EXPECT_ERROR(MS_SLUB_ORDER, "\n",
		     "order:1: expected a number, found an empty file");
	EXPECT_ERROR(MS_SLUB_ORDER, "abc\n",
		     "order:1: expected a number, found 'abc'");
	EXPECT_ERROR(MS_SLUB_ORDER, "3\n4\n",
		     "order:1: expected a number, found '3?4'");
	EXPECT_ERROR(MS_SLUB_ORDER, "-1\n",
		     "order:1: expected an order from 0 to 31, found '-1'");
	EXPECT_ERROR(MS_SLUB_ORDER, "32\n",
		     "order:1: expected an order from 0 to 31, found '32'");
	EXPECT_ERROR(MS_SLUB_RECLAIM_ACCOUNT, "2\n",
		     "order:1: expected 0 or 1, found '2'");
	EXPECT_ERROR(
		MS_SLUB_SLAB_SIZE, "4294967296\n",
		"order:1: expected a number that fits in 32 bits, found '4294967296'");
	EXPECT_ERROR(
		MS_SLUB_SLAB_SIZE, "99999999999999999999\n",
		"order:1: expected a number that fits in 32 bits, found '99999999999999999999'");
	EXPECT_ERROR(MS_SLUB_OBJECT_SIZE, "-8\n",
		     "order:1: expected a size in bytes, found '-8'");
	expect_error(MS_SLUB_ORDER, "3\0\n", 3,
		     "order:1: unexpected binary data");
	EXPECT_ERROR(MS_SLUB_NR_ATTRS, "1\n",
		     "order: expected a known slub attribute");
}

/* A capture tree: ROOT/sys/kernel/slab/<cache>/<attr> */
struct tree {
	char root[256];
};

static void put(const struct tree *t, const char *rel, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", t->root, rel);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static void mkdir_rel(const struct tree *t, const char *rel)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", t->root, rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

static const char *const cache_files[] = {
	"reclaim_account", "order", "aliases", "object_size", "slab_size",
};

static void rm_rel(const struct tree *t, const char *rel)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", t->root, rel);
	unlink(path);
	rmdir(path);
}

static int tree_setup(void **state)
{
	struct tree *t = calloc(1, sizeof(*t));
	const char *tmp = getenv("TMPDIR");

	if (!t)
		return -1;
	snprintf(t->root, sizeof(t->root), "%s/ms-slub-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(t->root)) {
		free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static int tree_teardown(void **state)
{
	struct tree *t = *state;
	static const char *const dirs[] = {
		"sys/kernel/slab/dentry",
		"sys/kernel/slab/broken",
		"sys/kernel/slab/half",
		"sys/kernel/slab",
		"sys/kernel",
		"sys",
	};
	char rel[256];
	size_t d, f;

	for (d = 0; d < 3; d++)
		for (f = 0; f < 5; f++) {
			snprintf(rel, sizeof(rel), "%s/%s", dirs[d],
				 cache_files[f]);
			rm_rel(t, rel);
		}
	for (d = 0; d < 6; d++)
		rm_rel(t, dirs[d]);
	rmdir(t->root);
	free(t);
	return 0;
}

static void make_cache(const struct tree *t, const char *cache,
		       const char *const values[5])
{
	char rel[256];
	size_t f;

	snprintf(rel, sizeof(rel), "sys/kernel/slab/%s", cache);
	mkdir_rel(t, rel);
	for (f = 0; f < 5; f++) {
		if (!values[f])
			continue;
		snprintf(rel, sizeof(rel), "sys/kernel/slab/%s/%s", cache,
			 cache_files[f]);
		put(t, rel, values[f]);
	}
}

static void test_read(void **state)
{
	static const char *const dentry[5] = { "1\n", "1\n", "0\n", "192\n",
					       "192\n" };
	static const char *const broken[5] = { "1\n", "x\n", "0\n", "8\n",
					       "8\n" };
	static const char *const half[5] = { "0\n", "0\n", "2\n", NULL, NULL };
	const struct tree *t = *state;
	struct ms_source src;
	struct ms_slub_sysfs ss;
	struct ms_diag d = { 0 };
	char buf[512];

	mkdir_rel(t, "sys");
	mkdir_rel(t, "sys/kernel");
	mkdir_rel(t, "sys/kernel/slab");
	make_cache(t, "dentry", dentry);
	make_cache(t, "broken", broken);
	make_cache(t, "half", half);
	assert_int_equal(ms_source_init(&src, t->root, &d), 0);

	assert_int_equal(ms_slub_sysfs_read(&ss, &src, "dentry", &d), 0);
	assert_true(ss.reclaim_account);
	assert_int_equal(ss.order, 1);
	assert_int_equal(ss.aliases, 0);
	assert_int_equal(ss.object_size_bytes, 192);
	assert_int_equal(ss.slab_size_bytes, 192);

	assert_int_equal(ms_slub_sysfs_read(&ss, &src, "nosuch", &d), -ENOENT);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(
		buf, "sys/kernel/slab/nosuch/reclaim_account: no such file");

	assert_int_equal(ms_slub_sysfs_read(&ss, &src, "half", &d), -ENOENT);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(buf,
			    "sys/kernel/slab/half/object_size: no such file");

	assert_int_equal(ms_slub_sysfs_read(&ss, &src, "broken", &d), -EINVAL);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(
		buf,
		"sys/kernel/slab/broken/order:1: expected a number, found 'x'");

	assert_int_equal(ms_slub_sysfs_read(&ss, &src, "../slab/dentry", &d),
			 -EINVAL);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(
		buf,
		"sys/kernel/slab: expected a cache name usable as a directory name, found '../slab/dentry'");
	assert_int_equal(ms_slub_sysfs_read(&ss, &src, "..", &d), -EINVAL);
	assert_int_equal(ms_slub_sysfs_read(&ss, &src, "", &d), -EINVAL);

	/* Only some attributes: "half" lacks object_size and slab_size. */
	assert_int_equal(
		ms_slub_sysfs_read_attrs(&ss, &src, "half",
					 (1u << MS_SLUB_RECLAIM_ACCOUNT) |
						 (1u << MS_SLUB_ALIASES),
					 &d),
		0);
	assert_false(ss.reclaim_account);
	assert_int_equal(ss.aliases, 2);
	assert_int_equal(ss.order, 0);
	assert_int_equal(ms_slub_sysfs_read_attrs(&ss, &src, "dentry",
						  1u << MS_SLUB_ORDER, &d),
			 0);
	assert_int_equal(ss.order, 1);
	assert_false(ss.reclaim_account);
	assert_int_equal(ss.object_size_bytes, 0);
	assert_int_equal(ms_slub_sysfs_read_attrs(&ss, &src, "half",
						  MS_SLUB_ALL_ATTRS, &d),
			 -ENOENT);
	assert_true(ms_slub_name_ok("kmalloc-rcl-96"));
	assert_true(ms_slub_name_ok("size-4096(DMA)"));
	assert_false(ms_slub_name_ok("a/b"));
	assert_false(ms_slub_name_ok("."));
	assert_false(ms_slub_name_ok(""));
	ms_source_release(&src);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test_setup_teardown(test_read, tree_setup,
						tree_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
