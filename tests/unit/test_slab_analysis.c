// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Slab analysis: derived sizes and totals (computed by hand below),
 * slabtop's orders, sample deltas, the growth detector and the meminfo
 * cross-check.
 */
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/slab.h"

#define HEAD                                                                 \
	"slabinfo - version: 2.1\n"                                          \
	"# name            <active_objs> <num_objs> <objsize> <objperslab> " \
	"<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "   \
	"slabdata <active_slabs> <num_slabs> <sharedavail>\n"

static void sample(struct ms_slabinfo *si, const char *lines)
{
	char text[8192];
	struct ms_diag d = { 0 };
	int n;

	n = snprintf(text, sizeof(text), HEAD "%s", lines);
	assert_true(n > 0 && (size_t)n < sizeof(text));
	assert_int_equal(ms_slabinfo_parse(si, text, (size_t)n, "slabinfo", &d),
			 0);
}

/*
 * Five caches, 4 KiB pages. By hand:
 *   a      bytes 2*1*4096 = 8192,   active 100*64 = 6400,
 *          objs 128*64 = 8192,      waste 1792,  use 100/128 = 78.125 %
 *   dentry bytes 2*1*4096 = 8192,   active 42*192 = 8064,
 *          objs 8064,               waste 128,   use 100 %
 *   big    bytes 2*8*4096 = 65536,  active 10*4096 = 40960,
 *          objs 16*4096 = 65536,    waste 24576, use 62.5 %
 *   empty  all 0, obj_size 512
 *   odd    bytes 5*1*4096 = 20480,  active 30*1024 = 30720 > bytes:
 *          waste clamped to 0, use 150 %
 */
static const char five[] =
	"a         100    128     64   64    1 : tunables    0    0    0 : slabdata      2      2      0\n"
	"dentry     42     42    192   21    1 : tunables    0    0    0 : slabdata      2      2      0\n"
	"big        10     16   4096    8    8 : tunables    0    0    0 : slabdata      2      2      0\n"
	"empty       0      0    512    8    1 : tunables    0    0    0 : slabdata      0      0      0\n"
	"odd        30     20   1024    4    1 : tunables    0    0    0 : slabdata      5      5      0\n";

struct fixture {
	struct ms_slabinfo si;
	struct ms_slab_model m;
};

static int five_setup(void **state)
{
	static struct fixture f;
	struct ms_diag d = { 0 };

	sample(&f.si, five);
	if (ms_slab_model_build(&f.m, &f.si, 4096, &d))
		return -1;
	*state = &f;
	return 0;
}

static int five_teardown(void **state)
{
	struct fixture *f = *state;

	ms_slab_model_release(&f->m);
	ms_slabinfo_release(&f->si);
	return 0;
}

static void check_row(const struct ms_slab_row *r, const char *name,
		      uint64_t bytes, uint64_t active_bytes,
		      uint64_t objs_bytes, uint64_t waste_bytes, double use_pct,
		      unsigned int flags)
{
	assert_string_equal(r->cache->name, name);
	assert_int_equal(r->bytes, bytes);
	assert_int_equal(r->active_bytes, active_bytes);
	assert_int_equal(r->objs_bytes, objs_bytes);
	assert_int_equal(r->waste_bytes, waste_bytes);
	assert_true(fabs(r->use_pct - use_pct) < 1e-9);
	assert_int_equal(r->flags, flags);
}

static void test_derived(void **state)
{
	struct fixture *f = *state;
	const struct ms_slab_model *m = &f->m;

	assert_int_equal(m->nr_rows, 5);
	assert_int_equal(m->page_size, 4096);
	check_row(&m->rows[0], "a", 8192, 6400, 8192, 1792, 78.125, 0);
	check_row(&m->rows[1], "dentry", 8192, 8064, 8064, 128, 100, 0);
	check_row(&m->rows[2], "big", 65536, 40960, 65536, 24576, 62.5, 0);
	check_row(&m->rows[3], "empty", 0, 0, 0, 0, 0, 0);
	check_row(&m->rows[4], "odd", 20480, 30720, 20480, 0, 150,
		  MS_SLAB_OVERCOMMIT | MS_SLAB_ACTIVE_OVER_TOTAL);
	assert_int_equal(m->rows[4].index, 4);
	assert_ptr_equal(m->rows[4].cache, &f->si.caches[4]);
}

static void test_totals(void **state)
{
	struct fixture *f = *state;
	const struct ms_slab_totals *t = &f->m.totals;

	assert_int_equal(t->caches, 5);
	assert_int_equal(t->active_caches, 4);
	assert_int_equal(t->objs, 128 + 42 + 16 + 0 + 20);
	assert_int_equal(t->active_objs, 100 + 42 + 10 + 0 + 30);
	assert_int_equal(t->slabs, 11);
	assert_int_equal(t->active_slabs, 11);
	assert_int_equal(t->pages, 2 + 2 + 16 + 0 + 5);
	assert_int_equal(t->bytes, 102400);
	assert_int_equal(t->bytes, t->pages * 4096);
	assert_int_equal(t->active_bytes, 6400 + 8064 + 40960 + 30720);
	assert_int_equal(t->objs_bytes, 8192 + 8064 + 65536 + 20480);
	assert_int_equal(t->waste_bytes, 1792 + 128 + 24576);
	assert_int_equal(t->min_obj_size, 64);
	assert_int_equal(t->max_obj_size, 4096);
	/* slabtop: 102272 / 206 = 496.46, truncated */
	assert_int_equal(t->avg_obj_size, 496);
	assert_int_equal(t->new_caches, 0);
	assert_int_equal(t->growing_caches, 0);
	assert_false(f->m.has_delta);
}

static void test_page_size(void **state)
{
	struct fixture *f = *state;
	struct ms_slab_model m;
	struct ms_diag d = { 0 };
	char buf[256];

	/* arm64 with 64 KiB pages: the same lines, 16 times the bytes */
	assert_int_equal(ms_slab_model_build(&m, &f->si, 65536, &d), 0);
	assert_int_equal(m.rows[0].bytes, 131072);
	assert_int_equal(m.rows[0].waste_bytes, 131072 - 6400);
	assert_int_equal(m.rows[4].waste_bytes, 327680 - 30720);
	assert_int_equal(m.rows[4].flags, MS_SLAB_ACTIVE_OVER_TOTAL);
	assert_int_equal(m.totals.bytes, 25 * 65536);
	ms_slab_model_release(&m);

	assert_int_equal(ms_slab_model_build(&m, &f->si, 3000, &d), -EINVAL);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(
		buf, "expected a page size that is a power of two, found 3000");
	assert_null(m.rows);
	assert_int_equal(ms_slab_model_build(&m, &f->si, 0, &d), -EINVAL);
}

/*
 * SLAB keeps empty slabs: the cache holds num_slabs (3), not
 * active_slabs (2), slabs of 2 pages: 3 * 2 * 4096 = 24576 bytes, of
 * which 10 * 256 = 2560 are in use.
 */
static void test_slab_free_slabs(void **state)
{
	struct ms_slabinfo si;
	struct ms_slab_model m;
	struct ms_diag d = { 0 };

	(void)state;
	sample(&si,
	       "names_cache 10 24 256 8 2 : tunables 54 27 8 : slabdata 2 3 5\n");
	assert_int_equal(ms_slab_model_build(&m, &si, 4096, &d), 0);
	check_row(&m.rows[0], "names_cache", 24576, 2560, 6144, 22016,
		  100.0 * 10 / 24, 0);
	assert_int_equal(m.totals.slabs, 3);
	assert_int_equal(m.totals.active_slabs, 2);
	assert_int_equal(m.totals.pages, 6);
	assert_int_equal(m.totals.bytes, 24576);
	assert_int_equal(m.totals.avg_obj_size, 256);
	assert_int_equal(m.totals.min_obj_size, 256);
	assert_int_equal(m.totals.max_obj_size, 256);
	ms_slab_model_release(&m);
	ms_slabinfo_release(&si);
}

static void test_overflow(void **state)
{
	struct ms_slabinfo si;
	struct ms_slab_model m;
	struct ms_diag d = { 0 };
	char buf[256];

	(void)state;
	/* 2^62 slabs * 8 pages * 4096 bytes */
	sample(&si,
	       "ok 1 1 8 1 1 : tunables 0 0 0 : slabdata 1 1 0\n"
	       "huge 1 1 8 1 8 : tunables 0 0 0 : slabdata 4611686018427387904 4611686018427387904 0\n");
	assert_int_equal(ms_slab_model_build(&m, &si, 4096, &d), -EOVERFLOW);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(
		buf,
		"slabinfo:4: expected the sizes of cache 'huge' to fit in 64 bits");
	assert_null(m.rows);
	ms_slabinfo_release(&si);

	/* found by fuzz_slabinfo: the name's bytes went into the message raw */
	sample(&si, "xfs_\307dquot 1 1 8 1 8 : tunables 0 0 0 : slabdata "
		    "4611686018427387904 4611686018427387904 0\n");
	assert_int_equal(ms_slab_model_build(&m, &si, 4096, &d), -EOVERFLOW);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(
		buf,
		"slabinfo:3: expected the sizes of cache 'xfs_?dquot' to fit in 64 bits");
	ms_slabinfo_release(&si);

	/* active_objs * obj_size */
	sample(&si,
	       "objs 18446744073709551615 1 8 1 1 : tunables 0 0 0 : slabdata 1 1 0\n");
	assert_int_equal(ms_slab_model_build(&m, &si, 4096, &d), -EOVERFLOW);
	ms_slabinfo_release(&si);

	/* two caches of 2^63 bytes each: the total overflows */
	sample(&si,
	       "x 0 0 8 1 1 : tunables 0 0 0 : slabdata 2251799813685248 2251799813685248 0\n"
	       "y 0 0 8 1 1 : tunables 0 0 0 : slabdata 2251799813685248 2251799813685248 0\n");
	assert_int_equal(ms_slab_model_build(&m, &si, 4096, &d), -EOVERFLOW);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(
		buf, "slabinfo: expected the slab totals to fit in 64 bits");
	ms_slabinfo_release(&si);
}

static void expect_order(const struct ms_slab_model *m, const char *names)
{
	char got[256];
	size_t i, o = 0;

	got[0] = '\0';
	for (i = 0; i < m->nr_rows; i++)
		o += (size_t)snprintf(got + o, sizeof(got) - o, "%s%s",
				      i ? " " : "", m->rows[i].cache->name);
	assert_string_equal(got, names);
}

static void sort_by(struct ms_slab_model *m, const char *key, bool reverse)
{
	enum ms_slab_sort_key k;

	assert_int_equal(ms_slab_sort_key_parse(key, &k), 0);
	ms_slab_sort(m, k, reverse);
}

static void test_sort(void **state)
{
	struct fixture *f = *state;
	struct ms_slab_model *m = &f->m;

	sort_by(m, "o", false);
	expect_order(m, "a dentry odd big empty");
	sort_by(m, "a", false);
	expect_order(m, "a dentry odd big empty");
	sort_by(m, "s", false);
	expect_order(m, "big odd empty dentry a");
	sort_by(m, "n", false);
	expect_order(m, "a big dentry empty odd");
	/* equal sizes keep file order */
	sort_by(m, "c", false);
	expect_order(m, "big odd a dentry empty");
	sort_by(m, "u", false);
	expect_order(m, "odd dentry a big empty");
	sort_by(m, "w", false);
	expect_order(m, "big a dentry empty odd");
	sort_by(m, "l", false);
	expect_order(m, "odd a dentry big empty");
	sort_by(m, "v", false);
	expect_order(m, "odd a dentry big empty");
	sort_by(m, "b", false);
	expect_order(m, "a dentry big empty odd");
	sort_by(m, "p", false);
	expect_order(m, "big a dentry empty odd");
	/* no deltas yet: every growth rate is 0, so file order */
	sort_by(m, "g", false);
	expect_order(m, "a dentry big empty odd");

	sort_by(m, "objs", true);
	expect_order(m, "empty big odd dentry a");
	sort_by(m, "cache_size", true);
	expect_order(m, "empty a dentry odd big");
	sort_by(m, "name", true);
	expect_order(m, "odd empty dentry big a");
	sort_by(m, "use", true);
	expect_order(m, "empty big a dentry odd");
}

static void test_sort_keys(void **state)
{
	static const char letters[] = "abclvnopsugw";
	enum ms_slab_sort_key k;
	unsigned int i;

	(void)state;
	assert_int_equal(strlen(letters), MS_SLAB_NR_SORT_KEYS);
	for (i = 0; i < MS_SLAB_NR_SORT_KEYS; i++) {
		char s[2] = { letters[i], '\0' };

		assert_int_equal(ms_slab_sort_key_parse(s, &k), 0);
		assert_int_equal(k, i);
		assert_int_equal(ms_slab_sort_key_letter(k), letters[i]);
		assert_int_equal(
			ms_slab_sort_key_parse(ms_slab_sort_key_name(k), &k),
			0);
		assert_int_equal(k, i);
	}
	assert_int_equal(ms_slab_sort_key_parse("objs", &k), 0);
	assert_int_equal(k, MS_SLAB_SORT_OBJS);
	assert_int_equal(ms_slab_sort_key_parse("active_slabs", &k), 0);
	assert_int_equal(k, MS_SLAB_SORT_ACTIVE_SLABS);
	assert_int_equal(ms_slab_sort_key_parse("x", &k), -EINVAL);
	assert_int_equal(ms_slab_sort_key_parse("", &k), -EINVAL);
	assert_int_equal(ms_slab_sort_key_parse("oo", &k), -EINVAL);
	assert_int_equal(ms_slab_sort_key_parse("Objs", &k), -EINVAL);
	assert_string_equal(ms_slab_sort_key_name(MS_SLAB_NR_SORT_KEYS), "");
}

/*
 * Two samples 2 s apart. The second "foo" (dup_index 1) must be matched
 * with the second "foo" of the previous sample, whatever the positions.
 *
 *   prev: foo  (16 objs, 1 slab)  bar (1 slab)  foo#1 (1 slab)  gone
 *   cur:  bar  foo (3 slabs)  newc  foo#1 (unchanged)
 */
static void test_delta(void **state)
{
	struct ms_slabinfo prev, cur;
	struct ms_slab_model m;
	struct ms_diag d = { 0 };
	const struct ms_slab_row *r;

	(void)state;
	sample(&prev, "foo 10 16 256 16 1 : tunables 0 0 0 : slabdata 1 1 0\n"
		      "bar 50 64 64 64 1 : tunables 0 0 0 : slabdata 1 1 0\n"
		      "foo 5 32 128 32 1 : tunables 0 0 0 : slabdata 1 1 0\n"
		      "gone 1 8 512 8 1 : tunables 0 0 0 : slabdata 1 1 0\n");
	sample(&cur, "bar 40 64 64 64 1 : tunables 0 0 0 : slabdata 1 1 0\n"
		     "foo 40 48 256 16 1 : tunables 0 0 0 : slabdata 3 3 0\n"
		     "newc 2 4 1024 4 1 : tunables 0 0 0 : slabdata 1 1 0\n"
		     "foo 5 32 128 32 1 : tunables 0 0 0 : slabdata 1 1 0\n");
	assert_int_equal(ms_slab_model_build(&m, &cur, 4096, &d), 0);
	assert_int_equal(ms_slab_model_delta(&m, &prev, 2.0, &d), 0);
	assert_true(m.has_delta);
	assert_true(m.elapsed_s == 2.0);

	r = &m.rows[0]; /* bar: 10 fewer active objects */
	assert_int_equal(r->delta_bytes, 0);
	assert_int_equal(r->delta_active_bytes, -640);
	assert_int_equal(r->delta_objs, 0);
	assert_int_equal(r->delta_active_objs, -10);
	assert_true(r->active_objs_per_s == -5.0);
	assert_int_equal(r->flags, MS_SLAB_HAS_DELTA);

	r = &m.rows[1]; /* foo: 1 -> 3 slabs */
	assert_int_equal(r->delta_bytes, 8192);
	assert_int_equal(r->delta_active_bytes, 10240 - 2560);
	assert_int_equal(r->delta_objs, 32);
	assert_int_equal(r->delta_active_objs, 30);
	assert_true(r->bytes_per_s == 4096.0);
	assert_true(r->objs_per_s == 16.0);
	assert_true(r->active_objs_per_s == 15.0);

	r = &m.rows[2]; /* newc: counted from zero */
	assert_int_equal(r->flags, MS_SLAB_HAS_DELTA | MS_SLAB_NEW);
	assert_int_equal(r->delta_bytes, 4096);
	assert_int_equal(r->delta_active_bytes, 2048);
	assert_int_equal(r->delta_objs, 4);
	assert_int_equal(r->delta_active_objs, 2);
	assert_true(r->bytes_per_s == 2048.0);

	r = &m.rows[3]; /* foo#1: its own previous values, unchanged */
	assert_int_equal(r->cache->dup_index, 1);
	assert_int_equal(r->delta_bytes, 0);
	assert_int_equal(r->delta_active_bytes, 0);
	assert_int_equal(r->delta_objs, 0);
	assert_int_equal(r->flags, MS_SLAB_HAS_DELTA);

	/* 4 slabs before, 6 now; "gone" went away, "newc" came */
	assert_int_equal(m.totals.delta_bytes, 8192);
	assert_true(m.totals.bytes_per_s == 4096.0);
	assert_int_equal(m.totals.new_caches, 1);
	assert_int_equal(m.totals.gone_caches, 1);

	ms_slab_sort(&m, MS_SLAB_SORT_GROWTH, false);
	expect_order(&m, "foo newc bar foo");
	assert_int_equal(m.rows[3].cache->dup_index, 1);
	ms_slab_sort(&m, MS_SLAB_SORT_GROWTH, true);
	expect_order(&m, "bar foo newc foo");
	assert_int_equal(m.rows[1].cache->dup_index, 1);

	/* a second delta against the same sample gives the same answer */
	assert_int_equal(ms_slab_model_delta(&m, &cur, 1.0, &d), 0);
	assert_int_equal(m.totals.delta_bytes, 0);
	assert_int_equal(m.totals.new_caches, 0);
	assert_int_equal(m.totals.gone_caches, 0);
	assert_int_equal(m.rows[2].flags, MS_SLAB_HAS_DELTA);

	ms_slab_model_release(&m);
	ms_slabinfo_release(&cur);
	ms_slabinfo_release(&prev);
}

/*
 * Three samples: the change since the previous one and since the first
 * are kept apart. foo: 1, 3, 4 slabs of one 4 KiB page; bar: 2 slabs
 * throughout; newc appears in the second sample, late in the third.
 */
static void test_delta_start(void **state)
{
	struct ms_slabinfo s1, s2, s3;
	struct ms_slab_model m;
	struct ms_diag d = { 0 };
	const struct ms_slab_row *r;

	(void)state;
	sample(&s1, "foo 10 16 256 16 1 : tunables 0 0 0 : slabdata 1 1 0\n"
		    "bar 50 128 64 64 1 : tunables 0 0 0 : slabdata 2 2 0\n");
	sample(&s2, "foo 40 48 256 16 1 : tunables 0 0 0 : slabdata 3 3 0\n"
		    "bar 50 128 64 64 1 : tunables 0 0 0 : slabdata 2 2 0\n"
		    "newc 2 4 1024 4 1 : tunables 0 0 0 : slabdata 1 1 0\n");
	sample(&s3, "foo 60 64 256 16 1 : tunables 0 0 0 : slabdata 4 4 0\n"
		    "bar 50 128 64 64 1 : tunables 0 0 0 : slabdata 2 2 0\n"
		    "newc 2 4 1024 4 1 : tunables 0 0 0 : slabdata 1 1 0\n"
		    "late 1 8 512 8 1 : tunables 0 0 0 : slabdata 1 1 0\n");
	assert_int_equal(ms_slab_model_build(&m, &s3, 4096, &d), 0);
	assert_int_equal(ms_slab_model_delta_start(&m, &s1, 4.0, &d), 0);
	assert_int_equal(ms_slab_model_delta(&m, &s2, 2.0, &d), 0);
	assert_true(m.has_delta && m.has_start_delta);
	assert_true(m.elapsed_s == 2.0 && m.start_elapsed_s == 4.0);

	r = &m.rows[0]; /* foo: +1 slab since s2, +3 since s1 */
	assert_int_equal(r->delta_bytes, 4096);
	assert_int_equal(r->start_delta_bytes, 3 * 4096);
	assert_int_equal(r->delta_objs, 16);
	assert_int_equal(r->start_delta_objs, 48);
	assert_int_equal(r->start_delta_active_objs, 50);
	assert_true(r->bytes_per_s == 2048.0);
	assert_true(r->start_bytes_per_s == 3072.0);
	assert_true(r->start_objs_per_s == 12.0);
	assert_int_equal(r->flags, MS_SLAB_HAS_DELTA | MS_SLAB_HAS_START_DELTA);

	r = &m.rows[1]; /* bar: unchanged */
	assert_int_equal(r->delta_bytes, 0);
	assert_int_equal(r->start_delta_bytes, 0);

	r = &m.rows[2]; /* newc: new since the start, not since s2 */
	assert_int_equal(r->delta_bytes, 0);
	assert_int_equal(r->start_delta_bytes, 4096);
	assert_int_equal(r->flags, MS_SLAB_HAS_DELTA | MS_SLAB_HAS_START_DELTA |
					   MS_SLAB_NEW_SINCE_START);

	r = &m.rows[3]; /* late: new for both */
	assert_int_equal(r->delta_bytes, 4096);
	assert_int_equal(r->start_delta_bytes, 4096);
	assert_int_equal(r->flags, MS_SLAB_HAS_DELTA | MS_SLAB_HAS_START_DELTA |
					   MS_SLAB_NEW |
					   MS_SLAB_NEW_SINCE_START);

	/* totals: 3 -> 6 -> 8 pages; new and gone count against s2 only */
	assert_int_equal(m.totals.delta_bytes, 2 * 4096);
	assert_int_equal(m.totals.start_delta_bytes, 5 * 4096);
	assert_true(m.totals.start_bytes_per_s == 5 * 1024.0);
	assert_int_equal(m.totals.new_caches, 1);
	assert_int_equal(m.totals.gone_caches, 0);

	/* errors as for ms_slab_model_delta() */
	assert_int_equal(ms_slab_model_delta_start(&m, &s1, 0, &d), -EINVAL);
	assert_int_equal(m.totals.start_delta_bytes, 5 * 4096);

	ms_slab_model_release(&m);
	ms_slabinfo_release(&s3);
	ms_slabinfo_release(&s2);
	ms_slabinfo_release(&s1);
}

static void test_delta_errors(void **state)
{
	struct ms_slabinfo si;
	struct ms_slab_model m;
	struct ms_diag d = { 0 };
	char buf[256];

	(void)state;
	sample(&si, "foo 10 16 256 16 1 : tunables 0 0 0 : slabdata 1 1 0\n");
	assert_int_equal(ms_slab_model_build(&m, &si, 4096, &d), 0);
	assert_int_equal(ms_slab_model_delta(&m, &si, 0, &d), -EINVAL);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(
		buf, "expected a positive time between samples, found 0");
	assert_int_equal(ms_slab_model_delta(&m, &si, -1, &d), -EINVAL);
	assert_int_equal(ms_slab_model_delta(&m, &si, NAN, &d), -EINVAL);
	assert_int_equal(ms_slab_model_delta(&m, &si, INFINITY, &d), -EINVAL);
	assert_false(m.has_delta);
	ms_slab_model_release(&m);
	ms_slabinfo_release(&si);
}

/*
 * Growth: a sequence of samples, num_slabs per cache given as a list;
 * pages_per_slab 1 and 4 KiB pages, so bytes = slabs * 4096. A -1 leaves
 * the cache out of that sample.
 */
#define NSAMPLES 4

struct trajectory {
	const char *name;
	long slabs[NSAMPLES];
};

static const struct trajectory paths[] = {
	{ "leak", { 1, 2, 3, 4 } },    { "flat", { 5, 5, 5, 5 } },
	{ "plateau", { 1, 2, 2, 3 } }, { "dip", { 3, 4, 2, 5 } },
	{ "zero", { 0, 0, 1, 1 } },    { "late", { -1, 1, 2, 3 } },
	{ "vanish", { 1, 2, -1, 3 } }, { "dup", { 1, 2, 3, 4 } },
	{ "dup", { 4, 3, 2, 1 } },
};

static void make_sample(struct ms_slabinfo *si, int s)
{
	char lines[4096];
	size_t i, o = 0;

	lines[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(paths); i++) {
		long n = paths[i].slabs[s];

		if (n < 0)
			continue;
		o += (size_t)snprintf(
			lines + o, sizeof(lines) - o,
			"%s 1 %ld 64 64 1 : tunables 0 0 0 : slabdata %ld %ld 0\n",
			paths[i].name, n * 64, n, n);
	}
	sample(si, lines);
}

struct growth_result {
	unsigned int samples[ARRAY_SIZE(paths)];
	uint64_t growth_bytes[ARRAY_SIZE(paths)];
	double growth_pct[ARRAY_SIZE(paths)];
	unsigned int flags[ARRAY_SIZE(paths)];
	size_t growing;
};

/* Runs samples 0..@upto and returns the judgement of the last one. */
static void run_growth(const struct ms_slab_growth_opts *opts, int upto,
		       struct growth_result *res)
{
	struct ms_slab_growth g;
	struct ms_diag d = { 0 };
	int s;

	memset(res, 0, sizeof(*res));
	assert_int_equal(ms_slab_growth_init(&g, opts, &d), 0);
	for (s = 0; s <= upto; s++) {
		struct ms_slabinfo si;
		struct ms_slab_model m;
		size_t i, r;

		make_sample(&si, s);
		assert_int_equal(ms_slab_model_build(&m, &si, 4096, &d), 0);
		/* sorting must not matter: tracks are keyed by name */
		ms_slab_sort(&m, s % 2 ? MS_SLAB_SORT_NAME : MS_SLAB_SORT_OBJS,
			     s % 3 == 0);
		assert_int_equal(ms_slab_growth_update(&g, &m, &d), 0);
		if (s == upto) {
			for (i = 0; i < ARRAY_SIZE(paths); i++) {
				unsigned int dup = i == 8;

				res->flags[i] = ~0u;
				for (r = 0; r < m.nr_rows; r++) {
					const struct ms_slab_row *row =
						&m.rows[r];

					if (strcmp(row->cache->name,
						   paths[i].name) ||
					    row->cache->dup_index != dup)
						continue;
					res->samples[i] = row->growth_samples;
					res->growth_bytes[i] =
						row->growth_bytes;
					res->growth_pct[i] = row->growth_pct;
					res->flags[i] =
						row->flags &
						(MS_SLAB_GROWING |
						 MS_SLAB_GROWTH_FROM_ZERO);
				}
			}
			res->growing = m.totals.growing_caches;
		}
		ms_slab_model_release(&m);
		ms_slabinfo_release(&si);
	}
	ms_slab_growth_release(&g);
}

enum { LEAK, FLAT, PLATEAU, DIP, ZERO, LATE, VANISH, DUP0, DUP1 };

static void test_growth_window(void **state)
{
	struct ms_slab_growth_opts o = { .window = 3 };
	struct growth_result res;

	(void)state;
	/* sample 2 (third): windows are full for caches seen from the start */
	run_growth(&o, 1, &res);
	assert_int_equal(res.samples[LEAK], 2);
	assert_int_equal(res.flags[LEAK], 0);
	assert_int_equal(res.growing, 0);

	run_growth(&o, 2, &res);
	assert_int_equal(res.samples[LEAK], 3);
	assert_int_equal(res.flags[LEAK], MS_SLAB_GROWING);
	assert_int_equal(res.growth_bytes[LEAK], 2 * 4096);
	assert_true(res.growth_pct[LEAK] == 200.0);
	assert_int_equal(res.flags[FLAT], 0);
	assert_int_equal(res.growth_bytes[FLAT], 0);
	assert_int_equal(res.flags[PLATEAU], MS_SLAB_GROWING);
	assert_int_equal(res.growth_bytes[PLATEAU], 4096);
	assert_int_equal(res.flags[DIP], 0);
	assert_int_equal(res.growth_bytes[DIP], 0);
	assert_int_equal(res.flags[ZERO],
			 MS_SLAB_GROWING | MS_SLAB_GROWTH_FROM_ZERO);
	assert_true(res.growth_pct[ZERO] == 0.0);
	assert_int_equal(res.samples[LATE], 2);
	assert_int_equal(res.flags[LATE], 0);
	assert_int_equal(res.flags[VANISH], ~0u); /* absent */
	assert_int_equal(res.flags[DUP0], MS_SLAB_GROWING);
	assert_int_equal(res.flags[DUP1], 0);
	assert_int_equal(res.growing, 4);

	run_growth(&o, 3, &res);
	assert_int_equal(res.flags[LEAK], MS_SLAB_GROWING);
	assert_true(res.growth_pct[LEAK] == 100.0);
	assert_int_equal(res.flags[PLATEAU], MS_SLAB_GROWING);
	assert_true(res.growth_pct[PLATEAU] == 50.0);
	assert_int_equal(res.flags[DIP], 0);
	/* window [0, 1, 1]: still counted from zero */
	assert_int_equal(res.flags[ZERO],
			 MS_SLAB_GROWING | MS_SLAB_GROWTH_FROM_ZERO);
	assert_int_equal(res.samples[LATE], 3);
	assert_int_equal(res.flags[LATE], MS_SLAB_GROWING);
	assert_true(res.growth_pct[LATE] == 200.0);
	/* came back: its history starts again */
	assert_int_equal(res.samples[VANISH], 1);
	assert_int_equal(res.flags[VANISH], 0);
	assert_int_equal(res.flags[DUP0], MS_SLAB_GROWING);
	assert_int_equal(res.flags[DUP1], 0);
	assert_int_equal(res.growing, 5);
}

static void test_growth_thresholds(void **state)
{
	struct ms_slab_growth_opts o = { .window = 3 };
	struct growth_result res;

	(void)state;
	o.strict = true;
	run_growth(&o, 2, &res);
	assert_int_equal(res.flags[LEAK], MS_SLAB_GROWING);
	assert_int_equal(res.flags[PLATEAU], 0);
	/* [0, 0, 1] has a level step */
	assert_int_equal(res.flags[ZERO], 0);
	assert_int_equal(res.growing, 2);

	/* more than 4096 bytes: the plateau's 4096 is not enough */
	o.strict = false;
	o.min_bytes = 4096;
	run_growth(&o, 2, &res);
	assert_int_equal(res.flags[LEAK], MS_SLAB_GROWING);
	assert_int_equal(res.flags[PLATEAU], 0);
	assert_int_equal(res.flags[ZERO], MS_SLAB_GROWTH_FROM_ZERO);
	o.min_bytes = 4095;
	run_growth(&o, 2, &res);
	assert_int_equal(res.flags[PLATEAU], MS_SLAB_GROWING);

	/* more than 150 %: leak 200 % at sample 2, 100 % at sample 3 */
	o.min_bytes = 0;
	o.min_pct = 150;
	run_growth(&o, 2, &res);
	assert_int_equal(res.flags[LEAK], MS_SLAB_GROWING);
	assert_int_equal(res.flags[PLATEAU], 0);
	/* from zero, a percentage threshold counts as exceeded */
	assert_int_equal(res.flags[ZERO],
			 MS_SLAB_GROWING | MS_SLAB_GROWTH_FROM_ZERO);
	run_growth(&o, 3, &res);
	assert_int_equal(res.flags[LEAK], 0);
	assert_true(res.growth_pct[LEAK] == 100.0);
	assert_int_equal(res.flags[LATE], MS_SLAB_GROWING);

	/* both thresholds: both must be exceeded */
	o.min_pct = 150;
	o.min_bytes = 8192;
	run_growth(&o, 2, &res);
	assert_int_equal(res.flags[LEAK], 0);
	o.min_bytes = 8191;
	run_growth(&o, 2, &res);
	assert_int_equal(res.flags[LEAK], MS_SLAB_GROWING);

	/* window 2: one step */
	memset(&o, 0, sizeof(o));
	o.window = 2;
	run_growth(&o, 1, &res);
	assert_int_equal(res.flags[LEAK], MS_SLAB_GROWING);
	assert_int_equal(res.flags[DIP], MS_SLAB_GROWING);
	assert_int_equal(res.flags[DUP1], 0);
	run_growth(&o, 2, &res);
	assert_int_equal(res.flags[DIP], 0);
	assert_int_equal(res.flags[PLATEAU], 0);
}

static void test_growth_opts(void **state)
{
	struct ms_slab_growth_opts o = { .window = 1 };
	struct ms_slab_growth g;
	struct ms_diag d = { 0 };
	char buf[256];

	(void)state;
	assert_int_equal(ms_slab_growth_init(&g, &o, &d), -EINVAL);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(
		buf, "expected a growth window of 2 to 64 samples, found 1");
	o.window = MS_SLAB_GROWTH_MAX_WINDOW + 1;
	assert_int_equal(ms_slab_growth_init(&g, &o, &d), -EINVAL);
	o.window = MS_SLAB_GROWTH_MAX_WINDOW;
	assert_int_equal(ms_slab_growth_init(&g, &o, &d), 0);
	ms_slab_growth_release(&g);
	o.min_pct = -1;
	assert_int_equal(ms_slab_growth_init(&g, &o, &d), -EINVAL);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(
		buf, "expected a growth percentage of 0 or more, found -1");
	o.min_pct = NAN;
	assert_int_equal(ms_slab_growth_init(&g, &o, &d), -EINVAL);
	ms_slab_growth_release(&g);
}

static void test_meminfo_check(void **state)
{
	static const char meminfo[] = "MemTotal:       16000000 kB\n"
				      "Slab:             100 kB\n"
				      "SReclaimable:      60 kB\n"
				      "SUnreclaim:        40 kB\n";
	static const char meminfo_big[] = "Slab:             200 kB\n"
					  "SReclaimable:     200 kB\n";
	static const char meminfo_none[] = "MemTotal:       16000000 kB\n";
	struct fixture *f = *state;
	struct ms_slab_meminfo_check chk;
	struct ms_diag d = { 0 };
	struct ms_kv kv;
	char buf[256];

	assert_int_equal(
		ms_meminfo_parse(&kv, meminfo, strlen(meminfo), "meminfo", &d),
		0);
	assert_int_equal(ms_slab_meminfo_check(&f->m, &kv, &chk, &d), 0);
	assert_int_equal(chk.slabinfo_bytes, 102400);
	assert_int_equal(chk.slab_bytes, 102400);
	assert_int_equal(chk.sreclaimable_bytes, 61440);
	assert_int_equal(chk.sunreclaim_bytes, 40960);
	assert_true(chk.has_split);
	assert_int_equal(chk.diff_bytes, 0);
	assert_true(chk.diff_pct == 0.0);
	ms_kv_release(&kv);

	assert_int_equal(ms_meminfo_parse(&kv, meminfo_big, strlen(meminfo_big),
					  "meminfo", &d),
			 0);
	assert_int_equal(ms_slab_meminfo_check(&f->m, &kv, &chk, &d), 0);
	assert_false(chk.has_split);
	assert_int_equal(chk.diff_bytes, -102400);
	assert_true(chk.diff_pct == -50.0);
	ms_kv_release(&kv);

	assert_int_equal(ms_meminfo_parse(&kv, meminfo_none,
					  strlen(meminfo_none), "meminfo", &d),
			 0);
	assert_int_equal(ms_slab_meminfo_check(&f->m, &kv, &chk, &d), -ENOENT);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(buf, "meminfo: expected a 'Slab' line");
	ms_kv_release(&kv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_derived, five_setup,
						five_teardown),
		cmocka_unit_test_setup_teardown(test_totals, five_setup,
						five_teardown),
		cmocka_unit_test_setup_teardown(test_page_size, five_setup,
						five_teardown),
		cmocka_unit_test(test_slab_free_slabs),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test_setup_teardown(test_sort, five_setup,
						five_teardown),
		cmocka_unit_test(test_sort_keys),
		cmocka_unit_test(test_delta),
		cmocka_unit_test(test_delta_start),
		cmocka_unit_test(test_delta_errors),
		cmocka_unit_test(test_growth_window),
		cmocka_unit_test(test_growth_thresholds),
		cmocka_unit_test(test_growth_opts),
		cmocka_unit_test_setup_teardown(test_meminfo_check, five_setup,
						five_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
