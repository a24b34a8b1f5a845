// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/slabinfo parser: every layout the kernel has printed, and
 * malformed input with the exact message.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "proc/slabinfo.h"

#define V21 "slabinfo - version: 2.1\n"
#define HDR21                                                                \
	"# name            <active_objs> <num_objs> <objsize> <objperslab> " \
	"<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "   \
	"slabdata <active_slabs> <num_slabs> <sharedavail>\n"

/* 2.6.0 to 2.6.11-rc: the tunables labels in the wrong order */
#define HDR20                                                                \
	"# name            <active_objs> <num_objs> <objsize> <objperslab> " \
	"<pagesperslab> : tunables <batchcount> <limit> <sharedfactor> : "   \
	"slabdata <active_slabs> <num_slabs> <sharedavail>\n"

static int parse(struct ms_slabinfo *si, const char *text, struct ms_diag *d)
{
	memset(d, 0, sizeof(*d));
	return ms_slabinfo_parse(si, text, strlen(text), "slabinfo", d);
}

static void expect_error(const char *text, size_t len, const char *msg)
{
	struct ms_slabinfo si;
	struct ms_diag d = { 0 };
	char buf[512];
	int err;

	err = ms_slabinfo_parse(&si, text, len, "slabinfo", &d);
	ms_diag_format(&d, buf, sizeof(buf));
	assert_string_equal(buf, msg);
	assert_int_equal(err, -EINVAL);
	assert_int_equal(d.err, -EINVAL);
	assert_null(si.caches);
	assert_int_equal(si.nr_caches, 0);
}

#define EXPECT_ERROR(text, msg) expect_error(text, strlen(text), msg)

static void check_cache(const struct ms_slab_cache *c, const char *name,
			uint64_t active_objs, uint64_t num_objs,
			uint32_t obj_size, uint32_t objs_per_slab,
			uint32_t pages_per_slab, uint32_t limit,
			uint32_t batchcount, uint32_t shared_factor,
			uint64_t active_slabs, uint64_t num_slabs,
			uint64_t shared_avail)
{
	assert_non_null(c);
	assert_string_equal(c->name, name);
	assert_int_equal(c->active_objs, active_objs);
	assert_int_equal(c->num_objs, num_objs);
	assert_int_equal(c->obj_size, obj_size);
	assert_int_equal(c->objs_per_slab, objs_per_slab);
	assert_int_equal(c->pages_per_slab, pages_per_slab);
	assert_int_equal(c->limit, limit);
	assert_int_equal(c->batchcount, batchcount);
	assert_int_equal(c->shared_factor, shared_factor);
	assert_int_equal(c->active_slabs, active_slabs);
	assert_int_equal(c->num_slabs, num_slabs);
	assert_int_equal(c->shared_avail, shared_avail);
}

static void test_slub_21(void **state)
{
	static const char text[] = V21 HDR21
		"ext4_groupinfo_4k    224    224    144   56    2 : tunables    0    0    0 : slabdata      4      4      0\n"
		"kmem_cache          1728   1728    448   36    4 : tunables    0    0    0 : slabdata     48     48      0\n";
	struct ms_slabinfo si;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&si, text, &d), 0);
	assert_string_equal(si.version, "2.1");
	assert_false(si.statistics);
	assert_int_equal(si.nr_caches, 2);
	check_cache(&si.caches[0], "ext4_groupinfo_4k", 224, 224, 144, 56, 2, 0,
		    0, 0, 4, 4, 0);
	check_cache(&si.caches[1], "kmem_cache", 1728, 1728, 448, 36, 4, 0, 0,
		    0, 48, 48, 0);
	assert_int_equal(si.caches[0].line, 3);
	assert_int_equal(si.caches[1].line, 4);
	assert_int_equal(si.caches[0].dup_index, 0);
	ms_slabinfo_release(&si);
	assert_null(si.caches);
	assert_int_equal(si.nr_caches, 0);
	ms_slabinfo_release(&si);
}

/* SLAB (zynq 4.4 and arm720t 2.6.16 captures): real tunables */
static void test_slab_tunables(void **state)
{
	static const char text[] = V21 HDR21
		"can_gw                 0      0    480    8    1 : tunables   54   27    8 : slabdata      0      0      0\n"
		"TIPC                   0      0    320   12    1 : tunables   54   27    0 : slabdata      0      0      0\n"
		"size-4096(DMA)         0      0   4096    1    1 : tunables   24   12    8 : slabdata      0      0      0\n"
		"size-64             2201   2242     64   59    1 : tunables  120   60    8 : slabdata     38     38     12\n";
	struct ms_slabinfo si;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&si, text, &d), 0);
	assert_int_equal(si.nr_caches, 4);
	check_cache(&si.caches[0], "can_gw", 0, 0, 480, 8, 1, 54, 27, 8, 0, 0,
		    0);
	check_cache(&si.caches[1], "TIPC", 0, 0, 320, 12, 1, 54, 27, 0, 0, 0,
		    0);
	check_cache(&si.caches[2], "size-4096(DMA)", 0, 0, 4096, 1, 1, 24, 12,
		    8, 0, 0, 0);
	check_cache(&si.caches[3], "size-64", 2201, 2242, 64, 59, 1, 120, 60, 8,
		    38, 38, 12);
	ms_slabinfo_release(&si);
}

/*
 * 2.0 as 2.6.0-2.6.10 printed it (lkml report, 2004): the header names
 * batchcount first, the values are limit first.
 */
static void test_v20_mislabelled_tunables(void **state)
{
	static const char text[] =
		"slabinfo - version: 2.0\n" HDR20
		"udf_inode_cache        0      0    352   11    1 : tunables   54   27    0 : slabdata      0      0      0\n"
		"sgpool-128            32     32   2048    2    1 : tunables   24   12    0 : slabdata     16     16      0\n"
		"rpc_tasks              8     25    160   25    1 : tunables  120   60    0 : slabdata      1      1      0\n";
	struct ms_slabinfo si;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&si, text, &d), 0);
	assert_string_equal(si.version, "2.0");
	assert_false(si.statistics);
	assert_int_equal(si.nr_caches, 3);
	check_cache(&si.caches[0], "udf_inode_cache", 0, 0, 352, 11, 1, 54, 27,
		    0, 0, 0, 0);
	check_cache(&si.caches[1], "sgpool-128", 32, 32, 2048, 2, 1, 24, 12, 0,
		    16, 16, 0);
	check_cache(&si.caches[2], "rpc_tasks", 8, 25, 160, 25, 1, 120, 60, 0,
		    1, 1, 0);
	ms_slabinfo_release(&si);
}

/* 2.6.11-rc: already 2.1, still the 2.0 labels */
static void test_v21_mislabelled_tunables(void **state)
{
	static const char text[] = V21 HDR20
		"fib6_nodes             5    119     32  119    1 : tunables  120   60    8 : slabdata      1      1      0\n";
	struct ms_slabinfo si;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&si, text, &d), 0);
	check_cache(&si.caches[0], "fib6_nodes", 5, 119, 32, 119, 1, 120, 60, 8,
		    1, 1, 0);
	ms_slabinfo_release(&si);
}

/*
 * 2.0 (statistics) with the 2.6.0-test1 header and its missing '>'s;
 * globalstat has 7 columns. Values from an lkml report of the time.
 */
static void test_v20_statistics(void **state)
{
	static const char text[] =
		"slabinfo - version: 2.0 (statistics)\n"
		"# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
		" : tunables <batchcount> <limit <sharedfactor>"
		" : slabdata <active_slabs> <num_slabs> <sharedavail>"
		" : globalstat <listallocs> <maxobjs> <grown> <reaped> <error> <maxfreeable> <freelimit>"
		" : cpustat <allochit <allocmiss <freehit <freemiss>\n"
		"broken               128   2486    180   22    1 : tunables   32   16    8 : slabdata    113    113    128"
		" : globalstat  664846 590238 26829    0    0    1   70"
		" : cpustat 1974008  78670 1990714  61964\n";
	struct ms_slabinfo si;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&si, text, &d), 0);
	assert_string_equal(si.version, "2.0");
	assert_true(si.statistics);
	assert_int_equal(si.nr_caches, 1);
	check_cache(&si.caches[0], "broken", 128, 2486, 180, 22, 1, 32, 16, 8,
		    113, 113, 128);
	ms_slabinfo_release(&si);
}

/* 2.1 (statistics) as mm/slab_common.c printed it until 6.7 */
#define HDR21_STATS                                                          \
	"# name            <active_objs> <num_objs> <objsize> <objperslab> " \
	"<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "   \
	"slabdata <active_slabs> <num_slabs> <sharedavail> : globalstat "    \
	"<listallocs> <maxobjs> <grown> <reaped> <error> <maxfreeable> "     \
	"<nodeallocs> <remotefrees> <alienoverflow> : cpustat <allochit> "   \
	"<allocmiss> <freehit> <freemiss>\n"

static void test_v21_statistics(void **state)
{
	static const char text[] =
		"slabinfo - version: 2.1 (statistics)\n" HDR21_STATS
		"kmalloc-192          630    630    192   21    1 : tunables  120   60    8 : slabdata     30     30      0"
		" : globalstat    1650    630    30    0    0    0    0    0    0"
		" : cpustat   1217    110    704      2\n"
		"very long cache name (x) 1 2 3 4 8 : tunables 1 2 3 : slabdata 4 5 6"
		" : globalstat 1 2 3 4 5 6 7 8 9 : cpustat 1 2 3 4\n";
	struct ms_slabinfo si;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&si, text, &d), 0);
	assert_string_equal(si.version, "2.1");
	assert_true(si.statistics);
	check_cache(&si.caches[0], "kmalloc-192", 630, 630, 192, 21, 1, 120, 60,
		    8, 30, 30, 0);
	check_cache(&si.caches[1], "very long cache name (x)", 1, 2, 3, 4, 8, 1,
		    2, 3, 4, 5, 6);
	ms_slabinfo_release(&si);

	/* the counters are checked even though they are not kept */
	EXPECT_ERROR(
		"slabinfo - version: 2.1 (statistics)\n" HDR21_STATS
		"a 1 2 3 4 8 : tunables 1 2 3 : slabdata 4 5 6"
		" : globalstat 1 2 3 4 5 x 7 8 9 : cpustat 1 2 3 4\n",
		"slabinfo:3: expected a number for <maxfreeable>, found 'x'");
	EXPECT_ERROR("slabinfo - version: 2.1 (statistics)\n" HDR21_STATS
		     "a 1 2 3 4 8 : tunables 1 2 3 : slabdata 4 5 6"
		     " : globalstat 1 2 3 4 5 6 7 8 9\n",
		     "slabinfo:3: expected ': cpustat'");
	EXPECT_ERROR(
		"slabinfo - version: 2.1 (statistics)\n" HDR21_STATS
		"a 1 2 3 4 8 : tunables 1 2 3 : slabdata 4 5 6"
		" : globalstat 1 2 3 4 5 6 7 8 : cpustat 1 2 3 4\n",
		"slabinfo:3: expected 9 values after ': globalstat', found 8");
}

/* Names: spaces, parentheses, hex suffixes, longer than the column. */
static void test_names(void **state)
{
	static const char text[] = V21 HDR21
		"nf_conntrack_ffff881026e52400      0      0    320   51    4 : tunables    0    0    0 : slabdata      0      0      0\n"
		"dm_uevent 2 (x)        0      0   2608   12    8 : tunables    0    0    0 : slabdata      0      0      0\n"
		"dentry(1234:init.scope)   42     42    192   21    1 : tunables    0    0    0 : slabdata      2      2      0\n"
		"   leading   blanks  7   7   8  512  1 : tunables 0 0 0 : slabdata 1 1 0   \n"
		"123 1 2 3 4 8 : tunables 0 0 0 : slabdata 0 0 0\n";
	struct ms_slabinfo si;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&si, text, &d), 0);
	assert_int_equal(si.nr_caches, 5);
	check_cache(&si.caches[0], "nf_conntrack_ffff881026e52400", 0, 0, 320,
		    51, 4, 0, 0, 0, 0, 0, 0);
	check_cache(&si.caches[1], "dm_uevent 2 (x)", 0, 0, 2608, 12, 8, 0, 0,
		    0, 0, 0, 0);
	check_cache(&si.caches[2], "dentry(1234:init.scope)", 42, 42, 192, 21,
		    1, 0, 0, 0, 2, 2, 0);
	check_cache(&si.caches[3], "leading   blanks", 7, 7, 8, 512, 1, 0, 0, 0,
		    1, 1, 0);
	check_cache(&si.caches[4], "123", 1, 2, 3, 4, 8, 0, 0, 0, 0, 0, 0);
	ms_slabinfo_release(&si);
}

/* Counts wider than %6lu (ncollectd and telegraf captures). */
static void test_wide_counts(void **state)
{
	static const char text[] = V21 HDR21
		"dentry            1358896 2903901    192   42    2 : tunables    0    0    0 : slabdata  69285  69285      0\n"
		"kmalloc-64        5233667 9069248     64   64    1 : tunables    0    0    0 : slabdata 141707 141707      0\n"
		"kmalloc-16        885605 1062656     16  256    1 : tunables    0    0    0 : slabdata   4151   4151      0\n"
		"big 18446744073709551615 18446744073709551615 4294967295 4294967295 2147483647 : tunables 4294967295 1 2 : slabdata 18446744073709551615 18446744073709551615 18446744073709551615\n";
	struct ms_slabinfo si;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&si, text, &d), 0);
	check_cache(&si.caches[0], "dentry", 1358896, 2903901, 192, 42, 2, 0, 0,
		    0, 69285, 69285, 0);
	check_cache(&si.caches[1], "kmalloc-64", 5233667, 9069248, 64, 64, 1, 0,
		    0, 0, 141707, 141707, 0);
	check_cache(&si.caches[2], "kmalloc-16", 885605, 1062656, 16, 256, 1, 0,
		    0, 0, 4151, 4151, 0);
	check_cache(&si.caches[3], "big", UINT64_MAX, UINT64_MAX, UINT32_MAX,
		    UINT32_MAX, INT32_MAX, UINT32_MAX, 1, 2, UINT64_MAX,
		    UINT64_MAX, UINT64_MAX);
	ms_slabinfo_release(&si);
}

static void test_duplicates(void **state)
{
	static const char text[] = V21 HDR21
		"foo 1 10 8 512 1 : tunables 0 0 0 : slabdata 1 1 0\n"
		"bar 2 20 8 512 1 : tunables 0 0 0 : slabdata 1 1 0\n"
		"foo 3 30 8 512 1 : tunables 0 0 0 : slabdata 1 1 0\n"
		"foo 4 40 8 512 1 : tunables 0 0 0 : slabdata 1 1 0\n";
	struct ms_slabinfo si;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&si, text, &d), 0);
	assert_int_equal(si.nr_caches, 4);
	assert_string_equal(si.caches[0].name, "foo");
	assert_string_equal(si.caches[2].name, "foo");
	assert_int_equal(si.caches[0].dup_index, 0);
	assert_int_equal(si.caches[1].dup_index, 0);
	assert_int_equal(si.caches[2].dup_index, 1);
	assert_int_equal(si.caches[3].dup_index, 2);
	assert_ptr_equal(ms_slabinfo_find(&si, "foo", 0), &si.caches[0]);
	assert_ptr_equal(ms_slabinfo_find(&si, "foo", 1), &si.caches[2]);
	assert_ptr_equal(ms_slabinfo_find(&si, "foo", 2), &si.caches[3]);
	assert_null(ms_slabinfo_find(&si, "foo", 3));
	assert_ptr_equal(ms_slabinfo_find(&si, "bar", 0), &si.caches[1]);
	assert_null(ms_slabinfo_find(&si, "ba", 0));
	assert_null(ms_slabinfo_find(&si, "baz", 0));
	ms_slabinfo_release(&si);
}

/* CRLF, blank lines, no final newline; line numbers stay right. */
static void test_line_endings(void **state)
{
	static const char text[] =
		"slabinfo - version: 2.1\r\n" HDR21 "\n"
		"a 1 2 3 4 8 : tunables 0 0 0 : slabdata 4 5 6\r\n"
		"\n"
		"b 1 2 3 4 8 : tunables 0 0 0 : slabdata 4 5 6";
	struct ms_slabinfo si;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&si, text, &d), 0);
	assert_int_equal(si.nr_caches, 2);
	assert_int_equal(si.caches[0].line, 4);
	assert_int_equal(si.caches[1].line, 6);
	check_cache(&si.caches[1], "b", 1, 2, 3, 4, 8, 0, 0, 0, 4, 5, 6);
	ms_slabinfo_release(&si);

	EXPECT_ERROR(
		V21 HDR21 "a 1 2 3 4 8 : tunables 0 0 0 : slabdata 4 5 6\n"
			  "\n\nb 1 2 3 4 8 : tunables 0 0 0 : slabdata 4 5\n",
		"slabinfo:6: expected 3 values after ': slabdata', found 2");
}

/*
 * A vendor header with extra columns (an Android 5.x capture): columns
 * are found by name, unknown ones (hex <flags> here) are skipped.
 */
static void test_vendor_columns(void **state)
{
	static const char text[] =
		"slabinfo - version: 2.0\n"
		"#name       <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> <flags> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <num_pool> <sharedavail> <reclaimable>\n"
		"slab-[16]                  48459  54432     16    252      1 0x40000    : tunables 0 0 0 : slabdata    215    216      4 7 1\n";
	struct ms_slabinfo si;
	struct ms_diag d;

	(void)state;
	assert_int_equal(parse(&si, text, &d), 0);
	check_cache(&si.caches[0], "slab-[16]", 48459, 54432, 16, 252, 1, 0, 0,
		    0, 215, 216, 7);
	ms_slabinfo_release(&si);
}

static void test_bad_version(void **state)
{
	(void)state;
	EXPECT_ERROR(
		"",
		"slabinfo: expected 'slabinfo - version: 2.x', found an empty file");
	EXPECT_ERROR(
		"\n\n",
		"slabinfo: expected 'slabinfo - version: 2.x', found an empty file");
	EXPECT_ERROR(
		"hello world\n",
		"slabinfo:1: expected 'slabinfo - version: 2.x', found 'hello world'");
	EXPECT_ERROR(
		HDR21,
		"slabinfo:1: expected 'slabinfo - version: 2.x', found '# name            <active_objs> <num_obj...'");
	EXPECT_ERROR(
		"slabinfo - version: 1.1\n"
		"kmem_cache            80     80    244    1    1    1 :  252  126\n",
		"slabinfo:1: expected slabinfo version 2.0 or 2.1, found '1.1'");
	EXPECT_ERROR(
		"slabinfo - version: 2.2\n" HDR21,
		"slabinfo:1: expected slabinfo version 2.0 or 2.1, found '2.2'");
	EXPECT_ERROR(
		"slabinfo - version: 2.1 (stats)\n" HDR21,
		"slabinfo:1: expected '(statistics)' or the end of the line after the version, found '(stats)'");
	EXPECT_ERROR(
		"slabinfo - version:\n",
		"slabinfo:1: expected 'slabinfo - version: 2.x', found 'slabinfo - version:'");
}

static void test_bad_header(void **state)
{
	(void)state;
	EXPECT_ERROR(
		V21,
		"slabinfo: expected the '# name' column header after the version line");
	EXPECT_ERROR(
		V21 HDR21,
		"slabinfo: expected at least one cache line after the header");
	EXPECT_ERROR(
		V21 "kmalloc-8 1 2 3 4 8 : tunables 0 0 0 : slabdata 4 5 6\n",
		"slabinfo:2: expected the '# name' column header, found 'kmalloc-8 1 2 3 4 8 : tunables 0 0 0 : s...'");
	EXPECT_ERROR(
		V21
		"# name <active_objs> <num_objs> <objperslab> <pagesperslab>"
		" : tunables <limit> <batchcount> <sharedfactor>"
		" : slabdata <active_slabs> <num_slabs> <sharedavail>\n",
		"slabinfo:2: expected column '<objsize>' in the header");
	EXPECT_ERROR(
		V21
		"# name <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
		" : tunables <limit> <batchcount> <sharedfactor>\n",
		"slabinfo:2: expected column '<active_slabs>' in the ': slabdata' section of the header");
	EXPECT_ERROR(
		V21
		"# name <active_objs> <num_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
		" : tunables <limit> <batchcount> <sharedfactor>"
		" : slabdata <active_slabs> <num_slabs> <sharedavail>\n",
		"slabinfo:2: expected column '<num_objs>' once in the header, found it twice");
	EXPECT_ERROR(
		V21 "# name <active_objs> bogus\n",
		"slabinfo:2: expected '<column>' or ':' in the header, found 'bogus'");
	EXPECT_ERROR(
		V21 "# name\n",
		"slabinfo:2: expected column names after '# name' in the header");
	EXPECT_ERROR(
		V21 "# name <active_objs> : tunables\n",
		"slabinfo:2: expected column names after ': tunables' in the header");
	EXPECT_ERROR(
		V21 "# name <active_objs> : <limit>\n",
		"slabinfo:2: expected a section name after ':' in the header");
	EXPECT_ERROR(
		V21 "# name <active_objs> <>\n",
		"slabinfo:2: expected a column name in the header, found '<>'");
	/* found by fuzz_slabinfo: labels are printed in later messages */
	EXPECT_ERROR(
		V21 "# name <active_objs> : slabda\xff\xff\n",
		"slabinfo:2: expected a section name in the header, found 'slabda?"
		"?'");
	EXPECT_ERROR(
		V21 "# name <active_\xc3\xa9objs>\n",
		"slabinfo:2: expected a column name in the header, found '<active_??objs>'");
}

static void test_bad_lines(void **state)
{
	(void)state;
	EXPECT_ERROR(V21 HDR21 "kmalloc-8 1 2 3 4 8 : tunables 0 0 0\n",
		     "slabinfo:3: expected ': slabdata'");
	EXPECT_ERROR(V21 HDR21 "kmalloc-8 1 2 3 4 8 : slabdata 0 0 0\n",
		     "slabinfo:3: expected ': tunables'");
	EXPECT_ERROR(V21 HDR21 "kmalloc-8 1 2\n",
		     "slabinfo:3: expected ': tunables'");
	EXPECT_ERROR(
		V21 HDR21
		"kmalloc-8 1 2 3 4 : tunables 0 0 0 : slabdata 0 0 0\n",
		"slabinfo:3: expected a cache name and 5 values before ': tunables', found 5 fields");
	EXPECT_ERROR(
		V21 HDR21 "1 2 3 4 8 : tunables 0 0 0 : slabdata 0 0 0\n",
		"slabinfo:3: expected a cache name and 5 values before ': tunables', found 5 fields");
	EXPECT_ERROR(
		V21 HDR21
		"kmalloc-8 1 2 3 4 8 : tunables 0 0 0 0 : slabdata 0 0 0\n",
		"slabinfo:3: expected 3 values after ': tunables', found 4");
	EXPECT_ERROR(
		V21 HDR21
		"kmalloc-8 1 2 3 4 8 : tunables 0 0 0 : slabdata 0 0 0 0\n",
		"slabinfo:3: expected 3 values after ': slabdata', found 4");
	EXPECT_ERROR(
		V21 HDR21 "kmalloc-8 1 2 3 4 8 : tunables 0 0 0 : slabdata\n",
		"slabinfo:3: expected 3 values after ': slabdata', found 0");
	EXPECT_ERROR(
		V21 HDR21
		"kmalloc-8 1 12x 3 4 8 : tunables 0 0 0 : slabdata 0 0 0\n",
		"slabinfo:3: expected a number for <num_objs>, found '12x'");
	EXPECT_ERROR(
		V21 HDR21
		"kmalloc-8 1 2 3 4 8 : tunables 0 -1 0 : slabdata 0 0 0\n",
		"slabinfo:3: expected a number for <batchcount>, found '-1'");
	EXPECT_ERROR(
		V21 HDR21
		"kmalloc-8 1 2 3 4 8 : tunables 0 0 0 : slabdata 0 0 0x1\n",
		"slabinfo:3: expected a number for <sharedavail>, found '0x1'");
	EXPECT_ERROR(
		V21 HDR21
		"kmalloc-8 18446744073709551616 2 3 4 8 : tunables 0 0 0 : slabdata 0 0 0\n",
		"slabinfo:3: expected <active_objs> to fit in 64 bits, found '18446744073709551616'");
	EXPECT_ERROR(
		V21 HDR21
		"kmalloc-8 1 2 4294967296 4 8 : tunables 0 0 0 : slabdata 0 0 0\n",
		"slabinfo:3: expected <objsize> to fit in 32 bits, found '4294967296'");
	EXPECT_ERROR(
		V21 HDR21
		"kmalloc-8 1 2 3 4 2147483648 : tunables 0 0 0 : slabdata 0 0 0\n",
		"slabinfo:3: expected <pagesperslab> to fit in 31 bits, found '2147483648'");
	EXPECT_ERROR(
		V21 HDR21
		"kmalloc-8 1 2 3 4 8 : tunables 4294967296 0 0 : slabdata 0 0 0\n",
		"slabinfo:3: expected <limit> to fit in 32 bits, found '4294967296'");
	EXPECT_ERROR(
		V21 HDR21
		"kmalloc-8 1 2 3 4 8 : tunables 0 0 0 : slabdata 99999999999999999999999 0 0\n",
		"slabinfo:3: expected <active_slabs> to fit in 64 bits, found '99999999999999999999999'");
	/* the mislabel swap keeps the label of the column as printed */
	EXPECT_ERROR("slabinfo - version: 2.0\n" HDR20
		     "x 1 2 3 4 8 : tunables 1 y 0 : slabdata 0 0 0\n",
		     "slabinfo:3: expected a number for <limit>, found 'y'");
}

static void test_binary(void **state)
{
	static const char nul[] = V21 HDR21
		"kmal\0oc 1 2 3 4 8 : tunables 0 0 0 : slabdata 0 0 0\n";

	(void)state;
	expect_error(nul, sizeof(nul) - 1,
		     "slabinfo:3: unexpected binary data");
	EXPECT_ERROR(V21 HDR21
		     "kmal\x01oc 1 2 3 4 8 : tunables 0 0 0 : slabdata 0 0 0\n",
		     "slabinfo:3: unexpected binary data");
	EXPECT_ERROR("\x7f"
		     "ELF\x02\x01\x01\n",
		     "slabinfo:1: unexpected binary data");
	/* found by fuzz_slabinfo: a carriage return inside a cache name */
	EXPECT_ERROR(V21 HDR21
		     "tw\r_sock 1 2 3 4 8 : tunables 0 0 0 : slabdata 0 0 0\n",
		     "slabinfo:3: unexpected binary data");
}

static void test_long_name(void **state)
{
	char text[1024], name[200];
	struct ms_slabinfo si;
	struct ms_diag d;

	(void)state;
	memset(name, 'n', sizeof(name));
	name[MS_SLAB_NAME_MAX - 1] = '\0';
	snprintf(text, sizeof(text),
		 V21 HDR21 "%s 1 2 3 4 8 : tunables 0 0 0 : slabdata 0 0 0\n",
		 name);
	assert_int_equal(parse(&si, text, &d), 0);
	assert_int_equal(strlen(si.caches[0].name), MS_SLAB_NAME_MAX - 1);
	ms_slabinfo_release(&si);

	name[MS_SLAB_NAME_MAX - 1] = 'n';
	name[MS_SLAB_NAME_MAX] = '\0';
	snprintf(text, sizeof(text),
		 V21 HDR21 "%s 1 2 3 4 8 : tunables 0 0 0 : slabdata 0 0 0\n",
		 name);
	EXPECT_ERROR(
		text,
		"slabinfo:3: expected a cache name of at most 127 bytes, found 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...'");
}

/* The name can hold many words, but not unboundedly many. */
static void test_many_words(void **state)
{
	char text[2048];
	size_t o;
	int i;

	(void)state;
	o = (size_t)snprintf(text, sizeof(text), V21 HDR21);
	for (i = 0; i < 150; i++)
		o += (size_t)snprintf(text + o, sizeof(text) - o, "w ");
	snprintf(text + o, sizeof(text) - o,
		 "1 2 3 4 8 : tunables 0 0 0 : slabdata 0 0 0\n");
	EXPECT_ERROR(text,
		     "slabinfo:3: expected at most 160 fields on a cache line");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slub_21),
		cmocka_unit_test(test_slab_tunables),
		cmocka_unit_test(test_v20_mislabelled_tunables),
		cmocka_unit_test(test_v21_mislabelled_tunables),
		cmocka_unit_test(test_v20_statistics),
		cmocka_unit_test(test_v21_statistics),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_wide_counts),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_line_endings),
		cmocka_unit_test(test_vendor_columns),
		cmocka_unit_test(test_bad_version),
		cmocka_unit_test(test_bad_header),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_long_name),
		cmocka_unit_test(test_many_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
