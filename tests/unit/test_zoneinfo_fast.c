// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The zoneinfo parser reads the lines of a pageset ("cpu: N", "count:
 * N", ..., "vm stats threshold: N") in one pass when a space follows the
 * label, and cuts every other line into tokens. A tab instead of that
 * space takes the second path and means the same, so each input here is
 * parsed as is and with every ": " made ":\t", and the results must be
 * equal: on the corpus ($MS_CORPUS) and on thousands of mutations of a
 * two-CPU zone.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "corpus_each.h"

#include "proc/zoneinfo.h"

static void same_zone(const struct ms_zone *a, const struct ms_zone *b)
{
	size_t i;

	assert_int_equal(a->node, b->node);
	assert_string_equal(a->name, b->name);
	assert_int_equal(a->free_pages, b->free_pages);
	assert_int_equal(a->min_pages, b->min_pages);
	assert_int_equal(a->managed_pages, b->managed_pages);
	assert_int_equal(a->nr_protection, b->nr_protection);
	assert_int_equal(a->nr_cpus, b->nr_cpus);
	assert_int_equal(a->pcp_count, b->pcp_count);
	assert_int_equal(a->pcp_batch, b->pcp_batch);
	assert_int_equal(a->pcp_high, b->pcp_high);
	assert_int_equal(a->pcp_high_min, b->pcp_high_min);
	assert_int_equal(a->pcp_high_max, b->pcp_high_max);
	assert_int_equal(a->stats_threshold, b->stats_threshold);
	assert_int_equal(a->start_pfn, b->start_pfn);
	assert_int_equal(a->has, b->has);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->nr_stats, b->nr_stats);
	for (i = 0; i < a->nr_stats; i++) {
		assert_string_equal(a->stats[i].name, b->stats[i].name);
		assert_int_equal(a->stats[i].value, b->stats[i].value);
	}
}

/* parse @text as is and with ": " made ":\t"; Return: the result */
static int check_same(const char *text, size_t len)
{
	struct ms_diag da = { 0 }, db = { 0 };
	struct ms_zoneinfo a, b;
	char *tab = malloc(len + 1);
	size_t i;
	int ea, eb;

	assert_non_null(tab);
	memcpy(tab, text, len);
	for (i = 0; i + 1 < len; i++)
		if (tab[i] == ':' && tab[i + 1] == ' ')
			tab[i + 1] = '\t';
	ea = ms_zoneinfo_parse(&a, text, len, "zoneinfo", &da);
	eb = ms_zoneinfo_parse(&b, tab, len, "zoneinfo", &db);
	/* messages quote lines, where the tab shows: compare the rest */
	if (ea != eb || da.line != db.line)
		fail_msg("as is: %d line %u '%s'; with tabs: %d line %u '%s'",
			 ea, da.line, da.msg, eb, db.line, db.msg);
	if (!ea) {
		assert_int_equal(a.nr_zones, b.nr_zones);
		for (i = 0; i < a.nr_zones; i++)
			same_zone(&a.zones[i], &b.zones[i]);
		ms_zoneinfo_release(&a);
		ms_zoneinfo_release(&b);
	}
	free(tab);
	return ea;
}

static const char zone[] = "Node 0, zone   Normal\n"
			   "  pages free     1000\n"
			   "        boost    0\n"
			   "        min      10\n"
			   "        low      20\n"
			   "        high     30\n"
			   "        spanned  4096\n"
			   "        present  4096\n"
			   "        managed  4000\n"
			   "        protection: (0, 0, 0, 0, 0)\n"
			   "      nr_free_pages 1000\n"
			   "  pagesets\n"
			   "    cpu: 0\n"
			   "              count: 5\n"
			   "              high:  186\n"
			   "              batch: 31\n"
			   "              high_min: 62\n"
			   "              high_max: 248\n"
			   "  vm stats threshold: 24\n"
			   "    cpu: 1\n"
			   "              count: 18446744073709551610\n"
			   "              high:  190\n"
			   "              batch: 31\n"
			   "  vm stats threshold: 28\n"
			   "  node_unreclaimable:  0\n"
			   "  start_pfn:           4096\n";

static uint64_t rnd_state = 0x9e3779b97f4a7c15ull;

static unsigned int rnd(unsigned int n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (unsigned int)(rnd_state % n);
}

static void test_mutations(void **state)
{
	static const char bytes[] = "0123456789: \n-cpuhigbatmx_\x01\xff";
	char buf[sizeof(zone) + 8];
	unsigned int i, ok = 0;

	(void)state;
	assert_int_equal(check_same(zone, sizeof(zone) - 1), 0);
	for (i = 0; i < 20000; i++) {
		size_t len = sizeof(zone) - 1;
		unsigned int k, nmut = 1 + rnd(2);

		memcpy(buf, zone, len);
		for (k = 0; k < nmut; k++) {
			/* mostly in the pagesets */
			size_t at = rnd(4) ?
					    240 + rnd((unsigned int)len - 240) :
					    rnd((unsigned int)len);

			switch (rnd(4)) {
			case 0:
				memmove(buf + at, buf + at + 1, len - at - 1);
				len--;
				break;
			case 1:
				memmove(buf + at + 1, buf + at, len - at);
				len++;
				break;
			default:
				buf[at] = bytes[rnd(sizeof(bytes) - 1)];
				break;
			}
		}
		if (!check_same(buf, len))
			ok++;
	}
	assert_true(ok > 1000);
	assert_true(ok < 19000);
}

static void corpus_file(const char *text, size_t len)
{
	check_same(text, len);
}

static void test_corpus(void **state)
{
	(void)state;
	corpus_each("zoneinfo", corpus_file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mutations),
		cmocka_unit_test(test_corpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
