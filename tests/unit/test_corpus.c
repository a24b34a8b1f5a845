// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The parsers against real captures: every file of the corpus named by
 * $MS_CORPUS (zoneinfo/, buddyinfo/, pagetypeinfo/, meminfo/) must
 * parse, and the values other projects' test suites expect of the same
 * files (listed in the corpus's ORACLES.md) must come out. Where a peer
 * reports something differently (PCP in KB, procfs and node_exporter
 * putting node counters on the node's first zone) the tables say how
 * memscope's value relates to theirs. Without $MS_CORPUS every test is
 * skipped with a message.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "proc/buddyinfo.h"
#include "proc/kv.h"
#include "proc/pagetypeinfo.h"
#include "proc/source.h"
#include "proc/zoneinfo.h"
#include "lib/banned.h"

static struct ms_source corpus;
static bool have_corpus;

static int corpus_open(void **state)
{
	const char *dir = getenv("MS_CORPUS");
	struct ms_diag d = { 0 };

	(void)state;
	if (!dir || !*dir) {
		print_message(
			"MS_CORPUS is not set: skipping the corpus tests\n");
		return 0;
	}
	if (ms_source_init(&corpus, dir, &d)) {
		print_message("MS_CORPUS=%s: %s: skipping the corpus tests\n",
			      dir, d.msg);
		return 0;
	}
	if (!ms_source_exists(&corpus, "zoneinfo")) {
		print_message(
			"MS_CORPUS=%s has no zoneinfo/: skipping the corpus tests\n",
			dir);
		ms_source_release(&corpus);
		return 0;
	}
	have_corpus = true;
	return 0;
}

static int corpus_close(void **state)
{
	(void)state;
	if (have_corpus)
		ms_source_release(&corpus);
	have_corpus = false;
	return 0;
}

#define NEED_CORPUS()             \
	do {                      \
		if (!have_corpus) \
			skip();   \
	} while (0)

/* Reads DIR/STEM.txt of the corpus; fails the test when it cannot. */
static char *read_capture(const char *dir, const char *stem, size_t *len)
{
	struct ms_diag d = { 0 };
	char path[256], *buf = NULL;

	snprintf(path, sizeof(path), "%s/%s.txt", dir, stem);
	if (ms_source_read(&corpus, path, &buf, len, &d)) {
		print_error("%s: %s\n", path, d.msg);
		fail();
	}
	return buf;
}

static bool has_capture(const char *dir, const char *stem)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s.txt", dir, stem);
	return ms_source_exists(&corpus, path);
}

static void print_diag(const char *dir, const char *stem,
		       const struct ms_diag *d)
{
	char msg[512];

	ms_diag_format(d, msg, sizeof(msg));
	print_error("%s/%s.txt: %s\n", dir, stem, msg);
}

static void load_zoneinfo(const char *stem, struct ms_zoneinfo *zi)
{
	struct ms_diag d = { 0 };
	size_t len;
	char *buf = read_capture("zoneinfo", stem, &len);
	int err = ms_zoneinfo_parse(zi, buf, len, "zoneinfo", &d);

	free(buf);
	if (err)
		print_diag("zoneinfo", stem, &d);
	assert_int_equal(err, 0);
}

static void load_buddyinfo(const char *stem, struct ms_buddyinfo *bi)
{
	struct ms_diag d = { 0 };
	size_t len;
	char *buf = read_capture("buddyinfo", stem, &len);
	int err = ms_buddyinfo_parse(bi, buf, len, "buddyinfo", &d);

	free(buf);
	if (err)
		print_diag("buddyinfo", stem, &d);
	assert_int_equal(err, 0);
}

static void load_pagetypeinfo(const char *stem, struct ms_pagetypeinfo *pt)
{
	struct ms_diag d = { 0 };
	size_t len;
	char *buf = read_capture("pagetypeinfo", stem, &len);
	int err = ms_pagetypeinfo_parse(pt, buf, len, "pagetypeinfo", &d);

	free(buf);
	if (err)
		print_diag("pagetypeinfo", stem, &d);
	assert_int_equal(err, 0);
}

static void load_meminfo(const char *stem, struct ms_kv *kv)
{
	struct ms_diag d = { 0 };
	size_t len;
	char *buf = read_capture("meminfo", stem, &len);
	int err = ms_meminfo_parse(kv, buf, len, "meminfo", &d);

	free(buf);
	if (err)
		print_diag("meminfo", stem, &d);
	assert_int_equal(err, 0);
}

/*
 * The stems (file names without ".txt") of one corpus directory.
 * Return: their number; caller frees with ms_source_list_free().
 */
static int list_stems(const char *dir, char ***stems)
{
	struct ms_diag d = { 0 };
	int n, i, k = 0;

	n = ms_source_list(&corpus, dir, stems, &d);
	if (n < 0) {
		print_error("%s: %s\n", dir, d.msg);
		fail();
	}
	for (i = 0; i < n; i++) {
		char *s = (*stems)[i];
		size_t len = strlen(s);

		if (len > 4 && !strcmp(s + len - 4, ".txt")) {
			s[len - 4] = '\0';
			(*stems)[k++] = s;
		} else {
			free(s);
		}
	}
	return k;
}

static int parse_kind(const char *dir, const char *stem, char *buf, size_t len,
		      struct ms_diag *d)
{
	int err;

	if (!strcmp(dir, "zoneinfo")) {
		struct ms_zoneinfo zi;

		err = ms_zoneinfo_parse(&zi, buf, len, dir, d);
		if (!err)
			ms_zoneinfo_release(&zi);
	} else if (!strcmp(dir, "buddyinfo")) {
		struct ms_buddyinfo bi;

		err = ms_buddyinfo_parse(&bi, buf, len, dir, d);
		if (!err)
			ms_buddyinfo_release(&bi);
	} else if (!strcmp(dir, "pagetypeinfo")) {
		struct ms_pagetypeinfo pt;

		err = ms_pagetypeinfo_parse(&pt, buf, len, dir, d);
		if (!err)
			ms_pagetypeinfo_release(&pt);
	} else {
		struct ms_kv kv;

		err = ms_meminfo_parse(&kv, buf, len, dir, d);
		if (!err)
			ms_kv_release(&kv);
	}
	if (err)
		print_diag(dir, stem, d);
	return err;
}

static void test_every_capture_parses(void **state)
{
	static const char *const dirs[] = {
		"zoneinfo",
		"buddyinfo",
		"pagetypeinfo",
		"meminfo",
	};
	size_t i;

	(void)state;
	NEED_CORPUS();
	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		char **stems;
		int n = list_stems(dirs[i], &stems), j, failed = 0;

		for (j = 0; j < n; j++) {
			struct ms_diag d = { 0 };
			size_t len;
			char *buf = read_capture(dirs[i], stems[j], &len);

			if (parse_kind(dirs[i], stems[j], buf, len, &d))
				failed++;
			free(buf);
		}
		print_message("%s: %d captures parsed, %d failed\n", dirs[i],
			      n - failed, failed);
		ms_source_list_free(stems, n);
		assert_true(n > 0);
		assert_int_equal(failed, 0);
	}
}

/*
 * Facts that hold in every zoneinfo the kernel can print: "pages free"
 * and nr_free_pages are the same counter; nodes come in ascending order
 * (for_each_online_pgdat()); zones in index order; min <= low <= high
 * (__setup_per_zone_wmarks()); managed <= present <= spanned; and
 * lowmem_reserve[] of zone i is 0 at indices 0..i.
 */
static void test_zoneinfo_invariants(void **state)
{
	char **stems;
	int n, i, both = 0;

	(void)state;
	NEED_CORPUS();
	n = list_stems("zoneinfo", &stems);
	for (i = 0; i < n; i++) {
		struct ms_zoneinfo zi;
		size_t j;

		load_zoneinfo(stems[i], &zi);
		for (j = 0; j < zi.nr_zones; j++) {
			const struct ms_zone *z = &zi.zones[j];
			uint64_t nr_free;
			unsigned int k;

			if (ms_zone_stat(z, "nr_free_pages", &nr_free)) {
				if (nr_free != z->free_pages)
					print_error("%s: node %d %s\n",
						    stems[i], z->node, z->name);
				assert_true(nr_free == z->free_pages);
				both++;
			}
			if (j > 0) {
				const struct ms_zone *prev = &zi.zones[j - 1];

				assert_true(prev->node <= z->node);
				if (prev->node == z->node)
					assert_true(prev->index < z->index);
			}
			assert_non_null(ms_zoneinfo_node(&zi, z->node));
			assert_true(z->min_pages <= z->low_pages);
			assert_true(z->low_pages <= z->high_pages);
			assert_true(z->present_pages <= z->spanned_pages);
			if (z->has & MS_ZONE_HAS_MANAGED)
				assert_true(z->managed_pages <=
					    z->present_pages);
			assert_true(z->nr_protection > 0);
			assert_true(z->index < z->nr_protection);
			for (k = 0; k <= z->index; k++)
				assert_true(z->protection[k] == 0);
		}
		for (j = 1; j < zi.nr_nodes; j++)
			assert_true(zi.nodes[j - 1].node < zi.nodes[j].node);
		ms_zoneinfo_release(&zi);
	}
	print_message(
		"zoneinfo: 'pages free' == nr_free_pages in %d zones of %d captures\n",
		both, n);
	ms_source_list_free(stems, n);
	assert_true(both > 0);
}

/*
 * buddyinfo prints populated zones only, so for a machine captured in
 * both directories every buddyinfo line is a populated zoneinfo zone.
 */
static void test_buddyinfo_zones_in_zoneinfo(void **state)
{
	char **stems;
	int n, i, pairs = 0;

	(void)state;
	NEED_CORPUS();
	n = list_stems("buddyinfo", &stems);
	for (i = 0; i < n; i++) {
		struct ms_buddyinfo bi;
		struct ms_zoneinfo zi;
		size_t j;

		if (!has_capture("zoneinfo", stems[i]))
			continue;
		load_buddyinfo(stems[i], &bi);
		load_zoneinfo(stems[i], &zi);
		for (j = 0; j < bi.nr_zones; j++) {
			const struct ms_buddy_zone *b = &bi.zones[j];
			const struct ms_zone *z;

			z = ms_zoneinfo_find(&zi, b->node, b->zone);
			if (!z || !ms_zone_populated(z))
				print_error("%s: node %d %s\n", stems[i],
					    b->node, b->zone);
			assert_non_null(z);
			assert_true(ms_zone_populated(z));
		}
		pairs++;
		ms_buddyinfo_release(&bi);
		ms_zoneinfo_release(&zi);
	}
	print_message(
		"buddyinfo/zoneinfo: %d captures of the same machine agree\n",
		pairs);
	ms_source_list_free(stems, n);
	assert_true(pairs > 0);
}

/*
 * zoneinfo values asserted by other projects' tests (ORACLES.md §1-6).
 * @key: "free" ("pages free"), "min", "low", "high", "spanned",
 *       "present", "managed", "protN" (protection[N]), "stat:NAME" (a
 *       zone counter), "nostat:NAME" (a counter the zone must not have),
 *       "node:NAME" (a per-node counter; procfs, node_exporter and jc
 *       show these on the node's first zone, memscope on the node)
 * @scale: 4 when the peer reports KB of 4K pages (PCP), else 1
 */
struct zone_oracle {
	const char *stem;
	int node;
	const char *zone;
	const char *key;
	uint64_t value;
	unsigned int scale;
};

static const struct zone_oracle zone_oracles[] = {
	/* procfs-fixture */
	{ "procfs-fixture", 0, "DMA", "stat:nr_free_pages", 3952ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "min", 33ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "low", 41ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "high", 49ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "spanned", 4095ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "present", 3975ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "managed", 3956ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_active_anon", 547580ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_inactive_anon", 230981ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_isolated_anon", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_anon_pages", 795576ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_anon_transparent_hugepages",
	  0ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_active_file", 346282ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_inactive_file", 316904ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_isolated_file", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_file_pages", 761874ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_slab_reclaimable", 131220ULL,
	  1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_slab_unreclaimable", 47320ULL,
	  1 },
	{ "procfs-fixture", 0, "DMA", "stat:nr_kernel_stack", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_mapped", 215483ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_dirty", 908ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_writeback", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_unevictable", 115467ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_shmem", 224925ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_dirtied", 8007423ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "node:nr_written", 7752121ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "stat:numa_hit", 1ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "stat:numa_miss", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "stat:numa_foreign", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "stat:numa_interleave", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "stat:numa_local", 1ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "stat:numa_other", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "prot0", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "prot1", 2877ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "prot2", 7826ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "prot3", 7826ULL, 1 },
	{ "procfs-fixture", 0, "DMA", "prot4", 7826ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "stat:nr_free_pages", 204252ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "min", 19510ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "low", 21059ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "high", 22608ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "spanned", 1044480ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "present", 759231ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "managed", 742806ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "stat:nr_kernel_stack", 2208ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "stat:numa_hit", 113952967ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "stat:numa_miss", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "stat:numa_foreign", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "stat:numa_interleave", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "stat:numa_local", 113952967ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "stat:numa_other", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "prot0", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "prot1", 0ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "prot2", 4949ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "prot3", 4949ULL, 1 },
	{ "procfs-fixture", 0, "DMA32", "prot4", 4949ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "stat:nr_free_pages", 18553ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "min", 11176ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "low", 13842ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "high", 16508ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "spanned", 1308160ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "present", 1308160ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "managed", 1268711ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "stat:nr_kernel_stack", 15136ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "stat:numa_hit", 162718019ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "stat:numa_miss", 0ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "stat:numa_foreign", 0ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "stat:numa_interleave", 26812ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "stat:numa_local", 162718019ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "stat:numa_other", 0ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "prot0", 0ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "prot1", 0ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "prot2", 0ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "prot3", 0ULL, 1 },
	{ "procfs-fixture", 0, "Normal", "prot4", 0ULL, 1 },
	{ "procfs-fixture", 0, "Movable", "min", 0ULL, 1 },
	{ "procfs-fixture", 0, "Movable", "low", 0ULL, 1 },
	{ "procfs-fixture", 0, "Movable", "high", 0ULL, 1 },
	{ "procfs-fixture", 0, "Movable", "spanned", 0ULL, 1 },
	{ "procfs-fixture", 0, "Movable", "present", 0ULL, 1 },
	{ "procfs-fixture", 0, "Movable", "managed", 0ULL, 1 },
	{ "procfs-fixture", 0, "Movable", "nostat:nr_free_pages", 0ULL, 1 },
	{ "procfs-fixture", 0, "Movable", "prot0", 0ULL, 1 },
	{ "procfs-fixture", 0, "Movable", "prot1", 0ULL, 1 },
	{ "procfs-fixture", 0, "Movable", "prot2", 0ULL, 1 },
	{ "procfs-fixture", 0, "Movable", "prot3", 0ULL, 1 },
	{ "procfs-fixture", 0, "Movable", "prot4", 0ULL, 1 },
	{ "procfs-fixture", 0, "Device", "min", 0ULL, 1 },
	{ "procfs-fixture", 0, "Device", "low", 0ULL, 1 },
	{ "procfs-fixture", 0, "Device", "high", 0ULL, 1 },
	{ "procfs-fixture", 0, "Device", "spanned", 0ULL, 1 },
	{ "procfs-fixture", 0, "Device", "present", 0ULL, 1 },
	{ "procfs-fixture", 0, "Device", "managed", 0ULL, 1 },
	{ "procfs-fixture", 0, "Device", "nostat:nr_free_pages", 0ULL, 1 },
	{ "procfs-fixture", 0, "Device", "prot0", 0ULL, 1 },
	{ "procfs-fixture", 0, "Device", "prot1", 0ULL, 1 },
	{ "procfs-fixture", 0, "Device", "prot2", 0ULL, 1 },
	{ "procfs-fixture", 0, "Device", "prot3", 0ULL, 1 },
	{ "procfs-fixture", 0, "Device", "prot4", 0ULL, 1 },
	/* node_exporter-fixture */
	{ "node_exporter-fixture", 0, "DMA", "high", 14ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "high", 2122ULL, 1 },
	{ "node_exporter-fixture", 0, "Device", "high", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Movable", "high", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "high", 31113ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "low", 11ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "low", 1600ULL, 1 },
	{ "node_exporter-fixture", 0, "Device", "low", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Movable", "low", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "low", 23461ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "managed", 3973ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "managed", 530339ULL, 1 },
	{ "node_exporter-fixture", 0, "Device", "managed", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Movable", "managed", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "managed", 7654794ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "min", 8ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "min", 1078ULL, 1 },
	{ "node_exporter-fixture", 0, "Device", "min", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Movable", "min", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "min", 15809ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_active_anon", 1175853ULL,
	  1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_active_file", 688810ULL,
	  1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_anon_pages", 1156608ULL,
	  1 },
	{ "node_exporter-fixture", 0, "DMA",
	  "node:nr_anon_transparent_hugepages", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_dirtied", 1189097ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_dirty", 103ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_file_pages", 1740118ULL,
	  1 },
	{ "node_exporter-fixture", 0, "DMA", "stat:nr_free_pages", 2949ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "stat:nr_free_pages", 528427ULL,
	  1 },
	{ "node_exporter-fixture", 0, "Normal", "stat:nr_free_pages",
	  4539739ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_inactive_anon", 95612ULL,
	  1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_inactive_file", 723339ULL,
	  1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_isolated_anon", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_isolated_file", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "stat:nr_kernel_stack", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "stat:nr_kernel_stack", 0ULL,
	  1 },
	{ "node_exporter-fixture", 0, "Normal", "stat:nr_kernel_stack",
	  18864ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_mapped", 423143ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_shmem", 330517ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_slab_reclaimable",
	  121763ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_slab_unreclaimable",
	  56182ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_unevictable", 213111ULL,
	  1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_writeback", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "node:nr_written", 1181554ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "stat:numa_foreign", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "stat:numa_foreign", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "stat:numa_foreign", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "stat:numa_hit", 1ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "stat:numa_hit", 13ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "stat:numa_hit", 62836441ULL,
	  1 },
	{ "node_exporter-fixture", 0, "DMA", "stat:numa_interleave", 1ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "stat:numa_interleave", 1ULL,
	  1 },
	{ "node_exporter-fixture", 0, "Normal", "stat:numa_interleave",
	  23174ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "stat:numa_local", 1ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "stat:numa_local", 13ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "stat:numa_local", 62836441ULL,
	  1 },
	{ "node_exporter-fixture", 0, "DMA", "stat:numa_miss", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "stat:numa_miss", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "stat:numa_miss", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "stat:numa_other", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "stat:numa_other", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "stat:numa_other", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "present", 3997ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "present", 546847ULL, 1 },
	{ "node_exporter-fixture", 0, "Device", "present", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Movable", "present", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "present", 7806976ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "prot0", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "prot0", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Device", "prot0", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Movable", "prot0", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "prot0", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "prot1", 2039ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "prot1", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Device", "prot1", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Movable", "prot1", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "prot1", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "prot2", 31932ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "prot2", 29893ULL, 1 },
	{ "node_exporter-fixture", 0, "Device", "prot2", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Movable", "prot2", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "prot2", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "prot3", 31932ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "prot3", 29893ULL, 1 },
	{ "node_exporter-fixture", 0, "Device", "prot3", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Movable", "prot3", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "prot3", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "prot4", 31932ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "prot4", 29893ULL, 1 },
	{ "node_exporter-fixture", 0, "Device", "prot4", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Movable", "prot4", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "prot4", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA", "spanned", 4095ULL, 1 },
	{ "node_exporter-fixture", 0, "DMA32", "spanned", 1044480ULL, 1 },
	{ "node_exporter-fixture", 0, "Device", "spanned", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Movable", "spanned", 0ULL, 1 },
	{ "node_exporter-fixture", 0, "Normal", "spanned", 7806976ULL, 1 },
	/* jc-fixture */
	{ "jc-fixture", 0, "DMA", "free", 3832ULL, 1 },
	{ "jc-fixture", 0, "DMA", "min", 68ULL, 1 },
	{ "jc-fixture", 0, "DMA", "low", 85ULL, 1 },
	{ "jc-fixture", 0, "DMA", "high", 102ULL, 1 },
	{ "jc-fixture", 0, "DMA", "spanned", 4095ULL, 1 },
	{ "jc-fixture", 0, "DMA", "present", 3997ULL, 1 },
	{ "jc-fixture", 0, "DMA", "managed", 3976ULL, 1 },
	{ "jc-fixture", 0, "DMA", "prot0", 0ULL, 1 },
	{ "jc-fixture", 0, "DMA", "prot1", 2871ULL, 1 },
	{ "jc-fixture", 0, "DMA", "prot2", 3795ULL, 1 },
	{ "jc-fixture", 0, "DMA", "prot3", 3795ULL, 1 },
	{ "jc-fixture", 0, "DMA", "prot4", 3795ULL, 1 },
	{ "jc-fixture", 0, "DMA32", "free", 606010ULL, 1 },
	{ "jc-fixture", 0, "DMA32", "min", 12729ULL, 1 },
	{ "jc-fixture", 0, "DMA32", "low", 15911ULL, 1 },
	{ "jc-fixture", 0, "DMA32", "high", 19093ULL, 1 },
	{ "jc-fixture", 0, "DMA32", "spanned", 1044480ULL, 1 },
	{ "jc-fixture", 0, "DMA32", "present", 782288ULL, 1 },
	{ "jc-fixture", 0, "DMA32", "managed", 758708ULL, 1 },
	{ "jc-fixture", 0, "DMA32", "prot0", 0ULL, 1 },
	{ "jc-fixture", 0, "DMA32", "prot1", 0ULL, 1 },
	{ "jc-fixture", 0, "DMA32", "prot2", 924ULL, 1 },
	{ "jc-fixture", 0, "DMA32", "prot3", 924ULL, 1 },
	{ "jc-fixture", 0, "DMA32", "prot4", 924ULL, 1 },
	{ "jc-fixture", 0, "Normal", "free", 5113ULL, 1 },
	{ "jc-fixture", 0, "Normal", "min", 4097ULL, 1 },
	{ "jc-fixture", 0, "Normal", "low", 5121ULL, 1 },
	{ "jc-fixture", 0, "Normal", "high", 6145ULL, 1 },
	{ "jc-fixture", 0, "Normal", "spanned", 262144ULL, 1 },
	{ "jc-fixture", 0, "Normal", "present", 262144ULL, 1 },
	{ "jc-fixture", 0, "Normal", "managed", 236634ULL, 1 },
	{ "jc-fixture", 0, "Normal", "prot0", 0ULL, 1 },
	{ "jc-fixture", 0, "Normal", "prot1", 0ULL, 1 },
	{ "jc-fixture", 0, "Normal", "prot2", 0ULL, 1 },
	{ "jc-fixture", 0, "Normal", "prot3", 0ULL, 1 },
	{ "jc-fixture", 0, "Normal", "prot4", 0ULL, 1 },
	{ "jc-fixture", 0, "Movable", "free", 0ULL, 1 },
	{ "jc-fixture", 0, "Movable", "min", 0ULL, 1 },
	{ "jc-fixture", 0, "Movable", "low", 0ULL, 1 },
	{ "jc-fixture", 0, "Movable", "high", 0ULL, 1 },
	{ "jc-fixture", 0, "Movable", "spanned", 0ULL, 1 },
	{ "jc-fixture", 0, "Movable", "present", 0ULL, 1 },
	{ "jc-fixture", 0, "Movable", "managed", 0ULL, 1 },
	{ "jc-fixture", 0, "Movable", "prot0", 0ULL, 1 },
	{ "jc-fixture", 0, "Movable", "prot1", 0ULL, 1 },
	{ "jc-fixture", 0, "Movable", "prot2", 0ULL, 1 },
	{ "jc-fixture", 0, "Movable", "prot3", 0ULL, 1 },
	{ "jc-fixture", 0, "Movable", "prot4", 0ULL, 1 },
	{ "jc-fixture", 0, "Device", "free", 0ULL, 1 },
	{ "jc-fixture", 0, "Device", "min", 0ULL, 1 },
	{ "jc-fixture", 0, "Device", "low", 0ULL, 1 },
	{ "jc-fixture", 0, "Device", "high", 0ULL, 1 },
	{ "jc-fixture", 0, "Device", "spanned", 0ULL, 1 },
	{ "jc-fixture", 0, "Device", "present", 0ULL, 1 },
	{ "jc-fixture", 0, "Device", "managed", 0ULL, 1 },
	{ "jc-fixture", 0, "Device", "prot0", 0ULL, 1 },
	{ "jc-fixture", 0, "Device", "prot1", 0ULL, 1 },
	{ "jc-fixture", 0, "Device", "prot2", 0ULL, 1 },
	{ "jc-fixture", 0, "Device", "prot3", 0ULL, 1 },
	{ "jc-fixture", 0, "Device", "prot4", 0ULL, 1 },
	{ "jc-fixture", 0, "DMA", "node:nr_inactive_anon", 39ULL, 1 },
	{ "jc-fixture", 0, "DMA", "node:nr_active_anon", 34839ULL, 1 },
	/* pcp-qa-meminfo-root-001 */
	{ "pcp-qa-meminfo-root-001", 0, "DMA", "free", 15852ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", "min", 12ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", "low", 12ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", "high", 16ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", "spanned", 16380ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", "present", 15984ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", "managed", 15900ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", "free", 284860ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", "min", 1616ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", "low", 2020ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", "high", 2424ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", "spanned", 4177920ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", "present", 1724008ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", "managed", 1627896ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", "free", 4349528ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", "min", 14320ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", "low", 17900ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", "high", 21480ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", "spanned", 14653440ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", "present", 14653440ULL, 4 },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", "managed", 14378344ULL, 4 },
	/* pcp-qa-meminfo-root-002 */
	{ "pcp-qa-meminfo-root-002", 0, "DMA", "free", 15320ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA", "min", 8ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA", "low", 8ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA", "high", 12ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA", "spanned", 16380ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA", "present", 15988ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA", "managed", 15896ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA32", "free", 693676ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA32", "min", 1224ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA32", "low", 1528ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA32", "high", 1836ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA32", "spanned", 4177920ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA32", "present", 2049788ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "DMA32", "managed", 1796948ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "Normal", "free", 42201908ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "Normal", "min", 43720ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "Normal", "low", 54648ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "Normal", "high", 65580ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "Normal", "spanned", 65011712ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "Normal", "present", 65011712ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 0, "Normal", "managed", 63960660ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 1, "Normal", "free", 44375624ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 1, "Normal", "min", 45152ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 1, "Normal", "low", 56440ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 1, "Normal", "high", 67728ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 1, "Normal", "spanned", 67108864ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 1, "Normal", "present", 67108864ULL, 4 },
	{ "pcp-qa-meminfo-root-002", 1, "Normal", "managed", 66057548ULL, 4 },
	/* pcp-qa-meminfo-root-004 */
	{ "pcp-qa-meminfo-root-004", 0, "DMA", "free", 15900ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA", "min", 268ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA", "low", 332ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA", "high", 396ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA", "spanned", 16380ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA", "present", 15992ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA", "managed", 15908ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA32", "free", 3030056ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA32", "min", 50836ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA32", "low", 63544ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA32", "high", 76252ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA32", "spanned", 4177920ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA32", "present", 3129212ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "DMA32", "managed", 3030932ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "Normal", "free", 218480ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "Normal", "min", 16476ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "Normal", "low", 20592ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "Normal", "high", 24708ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "Normal", "spanned", 1048576ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "Normal", "present", 1048576ULL, 4 },
	{ "pcp-qa-meminfo-root-004", 0, "Normal", "managed", 974140ULL, 4 },
	/* pcp-qa-meminfo-root-005 */
	{ "pcp-qa-meminfo-root-005", 0, "DMA", "free", 15884ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA", "min", 64ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA", "low", 80ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA", "high", 96ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA", "spanned", 16380ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA", "present", 15984ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA", "managed", 15900ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA32", "free", 501412ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA32", "min", 6900ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA32", "low", 8624ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA32", "high", 10348ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA32", "spanned", 4177920ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA32", "present", 1724008ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "DMA32", "managed", 1658440ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "Normal", "free", 1979476ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "Normal", "min", 60612ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "Normal", "low", 75764ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "Normal", "high", 90916ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "Normal", "spanned", 14653440ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "Normal", "present", 14653440ULL, 4 },
	{ "pcp-qa-meminfo-root-005", 0, "Normal", "managed", 14376600ULL, 4 },
	/* pcp-qa-meminfo-root-006 */
	{ "pcp-qa-meminfo-root-006", 0, "DMA", "free", 15900ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA", "min", 276ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA", "low", 344ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA", "high", 412ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA", "spanned", 16380ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA", "present", 15992ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA", "managed", 15908ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA32", "free", 2487316ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA32", "min", 50052ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA32", "low", 62564ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA32", "high", 75076ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA32", "spanned", 4177920ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA32", "present", 3129188ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "DMA32", "managed", 2874868ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "Normal", "free", 21680ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "Normal", "min", 17248ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "Normal", "low", 21560ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "Normal", "high", 25872ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "Normal", "spanned", 1048576ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "Normal", "present", 1048576ULL, 4 },
	{ "pcp-qa-meminfo-root-006", 0, "Normal", "managed", 980820ULL, 4 },
	/* pcp-qa-meminfo-root-007 */
	{ "pcp-qa-meminfo-root-007", 0, "DMA", "free", 14320ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA", "min", 168ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA", "low", 208ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA", "high", 248ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA", "spanned", 16380ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA", "present", 15992ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA", "managed", 15360ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA32", "free", 152268ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA32", "min", 22036ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA32", "low", 27544ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA32", "high", 33052ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA32", "spanned", 4177920ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA32", "present", 2080620ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "DMA32", "managed", 2015084ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "Normal", "free", 994932ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "Normal", "min", 22584ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "Normal", "low", 28228ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "Normal", "high", 33872ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "Normal", "spanned", 2097152ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "Normal", "present", 2097152ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 0, "Normal", "managed", 2030548ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 1, "Normal", "free", 3050192ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 1, "Normal", "min", 45312ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 1, "Normal", "low", 56640ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 1, "Normal", "high", 67968ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 1, "Normal", "spanned", 4194304ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 1, "Normal", "present", 4194304ULL, 4 },
	{ "pcp-qa-meminfo-root-007", 1, "Normal", "managed", 4080736ULL, 4 },
	/* ncollectd-test01-4node-48cpu */
	{ "ncollectd-test01-4node-48cpu", 0, "DMA", "free", 3977ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA", "min", 2ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA", "low", 2ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA", "high", 3ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA", "spanned", 4095ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA", "present", 3999ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA", "managed", 3977ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA32", "free", 470501ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA32", "min", 431ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA32", "low", 538ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA32", "high", 646ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA32", "spanned", 1044480ULL,
	  1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA32", "present", 690581ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "DMA32", "managed", 629922ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "Normal", "free", 4745669ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "Normal", "min", 7934ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "Normal", "low", 9917ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "Normal", "high", 11901ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 0, "Normal", "spanned", 11796480ULL,
	  1 },
	{ "ncollectd-test01-4node-48cpu", 0, "Normal", "present", 11796480ULL,
	  1 },
	{ "ncollectd-test01-4node-48cpu", 0, "Normal", "managed", 11596265ULL,
	  1 },
	{ "ncollectd-test01-4node-48cpu", 1, "Normal", "free", 5166358ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 1, "Normal", "min", 8474ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 1, "Normal", "low", 10592ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 1, "Normal", "high", 12711ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 1, "Normal", "spanned", 12582912ULL,
	  1 },
	{ "ncollectd-test01-4node-48cpu", 1, "Normal", "present", 12582912ULL,
	  1 },
	{ "ncollectd-test01-4node-48cpu", 1, "Normal", "managed", 12385777ULL,
	  1 },
	{ "ncollectd-test01-4node-48cpu", 2, "Normal", "free", 19524ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 2, "Normal", "min", 8474ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 2, "Normal", "low", 10592ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 2, "Normal", "high", 12711ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 2, "Normal", "spanned", 12582912ULL,
	  1 },
	{ "ncollectd-test01-4node-48cpu", 2, "Normal", "present", 12582912ULL,
	  1 },
	{ "ncollectd-test01-4node-48cpu", 2, "Normal", "managed", 12385777ULL,
	  1 },
	{ "ncollectd-test01-4node-48cpu", 3, "Normal", "free", 12042ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 3, "Normal", "min", 8474ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 3, "Normal", "low", 10592ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 3, "Normal", "high", 12711ULL, 1 },
	{ "ncollectd-test01-4node-48cpu", 3, "Normal", "spanned", 12582911ULL,
	  1 },
	{ "ncollectd-test01-4node-48cpu", 3, "Normal", "present", 12582911ULL,
	  1 },
	{ "ncollectd-test01-4node-48cpu", 3, "Normal", "managed", 12385659ULL,
	  1 },
};

static uint64_t zone_value(const struct ms_zoneinfo *zi,
			   const struct zone_oracle *o)
{
	static const struct {
		const char *key;
		size_t offset;
	} fields[] = {
		{ "free", offsetof(struct ms_zone, free_pages) },
		{ "min", offsetof(struct ms_zone, min_pages) },
		{ "low", offsetof(struct ms_zone, low_pages) },
		{ "high", offsetof(struct ms_zone, high_pages) },
		{ "spanned", offsetof(struct ms_zone, spanned_pages) },
		{ "present", offsetof(struct ms_zone, present_pages) },
		{ "managed", offsetof(struct ms_zone, managed_pages) },
	};
	const struct ms_zone *z = ms_zoneinfo_find(zi, o->node, o->zone);
	uint64_t v = 0;
	size_t i;

	if (!z)
		print_error("%s: no node %d %s\n", o->stem, o->node, o->zone);
	assert_non_null(z);
	for (i = 0; i < ARRAY_SIZE(fields); i++) {
		if (!strcmp(o->key, fields[i].key)) {
			memcpy(&v, (const char *)z + fields[i].offset,
			       sizeof(v));
			return v;
		}
	}
	if (!strncmp(o->key, "prot", 4)) {
		unsigned int k = (unsigned int)(o->key[4] - '0');

		assert_true(k < z->nr_protection);
		assert_true(z->protection[k] >= 0);
		return (uint64_t)z->protection[k];
	}
	if (!strncmp(o->key, "stat:", 5)) {
		assert_true(ms_zone_stat(z, o->key + 5, &v));
		return v;
	}
	if (!strncmp(o->key, "nostat:", 7)) {
		assert_false(ms_zone_stat(z, o->key + 7, NULL));
		return o->value / o->scale;
	}
	assert_true(!strncmp(o->key, "node:", 5));
	/* Not on the zone the peer shows it with, but on the node. */
	assert_false(ms_zone_stat(z, o->key + 5, NULL));
	assert_true(
		ms_zi_node_stat(ms_zoneinfo_node(zi, o->node), o->key + 5, &v));
	return v;
}

static void test_zoneinfo_oracles(void **state)
{
	struct ms_zoneinfo zi = { 0 };
	const char *loaded = NULL;
	size_t i;

	(void)state;
	NEED_CORPUS();
	for (i = 0; i < ARRAY_SIZE(zone_oracles); i++) {
		const struct zone_oracle *o = &zone_oracles[i];
		uint64_t v;

		if (!loaded || strcmp(loaded, o->stem)) {
			ms_zoneinfo_release(&zi);
			load_zoneinfo(o->stem, &zi);
			loaded = o->stem;
		}
		v = zone_value(&zi, o);
		if (v * o->scale != o->value)
			print_error(
				"%s: node %d %s %s: %llu, expected %llu/%u\n",
				o->stem, o->node, o->zone, o->key,
				(unsigned long long)v,
				(unsigned long long)o->value, o->scale);
		assert_true(v * o->scale == o->value);
	}
	ms_zoneinfo_release(&zi);
	print_message("zoneinfo: %zu peer-asserted values match\n",
		      ARRAY_SIZE(zone_oracles));
}

/* Shape facts of the same peers' zoneinfo expectations. */
static void test_zoneinfo_oracle_shapes(void **state)
{
	static const char *const procfs_order[] = {
		"DMA", "DMA32", "Normal", "Movable", "Device",
	};
	struct ms_zoneinfo zi;
	size_t i;

	(void)state;
	NEED_CORPUS();
	/* procfs TestZoneinfo: exactly 5 entries, in file order. */
	load_zoneinfo("procfs-fixture", &zi);
	assert_int_equal(zi.nr_zones, ARRAY_SIZE(procfs_order));
	for (i = 0; i < zi.nr_zones; i++) {
		assert_string_equal(zi.zones[i].name, procfs_order[i]);
		assert_int_equal(zi.zones[i].index, i);
	}
	ms_zoneinfo_release(&zi);

	/*
	 * PCP 821 leaves zones without pages out of its tables: node 1 of
	 * meminfo-root-007 prints DMA and DMA32, both unpopulated.
	 */
	load_zoneinfo("pcp-qa-meminfo-root-007", &zi);
	assert_int_equal(zi.nr_zones, 10);
	assert_false(ms_zone_populated(ms_zoneinfo_find(&zi, 1, "DMA")));
	assert_false(ms_zone_populated(ms_zoneinfo_find(&zi, 1, "DMA32")));
	assert_true(ms_zone_populated(ms_zoneinfo_find(&zi, 1, "Normal")));
	assert_int_equal(ms_zoneinfo_find(&zi, 1, "Normal")->index, 2);
	ms_zoneinfo_release(&zi);

	/* ncollectd test01: 4 nodes; nodes 1-3 have Normal only (3.10). */
	load_zoneinfo("ncollectd-test01-4node-48cpu", &zi);
	assert_int_equal(zi.nr_nodes, 4);
	assert_int_equal(zi.nr_zones, 6);
	assert_true(zi.populated_only);
	for (i = 0; i < zi.nr_nodes; i++)
		assert_int_equal(ms_zoneinfo_find(&zi, (int)i, "Normal")->index,
				 2);
	ms_zoneinfo_release(&zi);
}

/* buddyinfo free block counts asserted by peers (ORACLES.md §1-8). */
struct buddy_oracle {
	const char *stem;
	int node;
	const char *zone;
	unsigned int order;
	uint64_t blocks;
};

static const struct buddy_oracle buddy_oracles[] = {
	/* node_exporter-fixture */
	{ "node_exporter-fixture", 0, "DMA", 0, 1ULL },
	{ "node_exporter-fixture", 0, "DMA32", 0, 759ULL },
	{ "node_exporter-fixture", 0, "Normal", 0, 4381ULL },
	{ "node_exporter-fixture", 0, "DMA", 1, 0ULL },
	{ "node_exporter-fixture", 0, "DMA32", 1, 572ULL },
	{ "node_exporter-fixture", 0, "Normal", 1, 1093ULL },
	{ "node_exporter-fixture", 0, "DMA", 10, 3ULL },
	{ "node_exporter-fixture", 0, "DMA32", 10, 0ULL },
	{ "node_exporter-fixture", 0, "Normal", 10, 0ULL },
	{ "node_exporter-fixture", 0, "DMA", 2, 1ULL },
	{ "node_exporter-fixture", 0, "DMA32", 2, 791ULL },
	{ "node_exporter-fixture", 0, "Normal", 2, 185ULL },
	{ "node_exporter-fixture", 0, "DMA", 3, 0ULL },
	{ "node_exporter-fixture", 0, "DMA32", 3, 475ULL },
	{ "node_exporter-fixture", 0, "Normal", 3, 1530ULL },
	{ "node_exporter-fixture", 0, "DMA", 4, 2ULL },
	{ "node_exporter-fixture", 0, "DMA32", 4, 194ULL },
	{ "node_exporter-fixture", 0, "Normal", 4, 567ULL },
	{ "node_exporter-fixture", 0, "DMA", 5, 1ULL },
	{ "node_exporter-fixture", 0, "DMA32", 5, 45ULL },
	{ "node_exporter-fixture", 0, "Normal", 5, 102ULL },
	{ "node_exporter-fixture", 0, "DMA", 6, 1ULL },
	{ "node_exporter-fixture", 0, "DMA32", 6, 12ULL },
	{ "node_exporter-fixture", 0, "Normal", 6, 4ULL },
	{ "node_exporter-fixture", 0, "DMA", 7, 0ULL },
	{ "node_exporter-fixture", 0, "DMA32", 7, 0ULL },
	{ "node_exporter-fixture", 0, "Normal", 7, 0ULL },
	{ "node_exporter-fixture", 0, "DMA", 8, 1ULL },
	{ "node_exporter-fixture", 0, "DMA32", 8, 0ULL },
	{ "node_exporter-fixture", 0, "Normal", 8, 0ULL },
	{ "node_exporter-fixture", 0, "DMA", 9, 1ULL },
	{ "node_exporter-fixture", 0, "DMA32", 9, 0ULL },
	{ "node_exporter-fixture", 0, "Normal", 9, 0ULL },
	/* jc-fixture */
	{ "jc-fixture", 0, "DMA", 0, 0ULL },
	{ "jc-fixture", 0, "DMA", 1, 0ULL },
	{ "jc-fixture", 0, "DMA", 2, 0ULL },
	{ "jc-fixture", 0, "DMA", 3, 1ULL },
	{ "jc-fixture", 0, "DMA", 4, 1ULL },
	{ "jc-fixture", 0, "DMA", 5, 1ULL },
	{ "jc-fixture", 0, "DMA", 6, 1ULL },
	{ "jc-fixture", 0, "DMA", 7, 1ULL },
	{ "jc-fixture", 0, "DMA", 8, 0ULL },
	{ "jc-fixture", 0, "DMA", 9, 1ULL },
	{ "jc-fixture", 0, "DMA", 10, 3ULL },
	{ "jc-fixture", 0, "DMA32", 0, 78ULL },
	{ "jc-fixture", 0, "DMA32", 1, 114ULL },
	{ "jc-fixture", 0, "DMA32", 2, 82ULL },
	{ "jc-fixture", 0, "DMA32", 3, 52ULL },
	{ "jc-fixture", 0, "DMA32", 4, 38ULL },
	{ "jc-fixture", 0, "DMA32", 5, 25ULL },
	{ "jc-fixture", 0, "DMA32", 6, 13ULL },
	{ "jc-fixture", 0, "DMA32", 7, 9ULL },
	{ "jc-fixture", 0, "DMA32", 8, 3ULL },
	{ "jc-fixture", 0, "DMA32", 9, 4ULL },
	{ "jc-fixture", 0, "DMA32", 10, 629ULL },
	{ "jc-fixture", 0, "Normal", 0, 0ULL },
	{ "jc-fixture", 0, "Normal", 1, 22ULL },
	{ "jc-fixture", 0, "Normal", 2, 8ULL },
	{ "jc-fixture", 0, "Normal", 3, 10ULL },
	{ "jc-fixture", 0, "Normal", 4, 1ULL },
	{ "jc-fixture", 0, "Normal", 5, 1ULL },
	{ "jc-fixture", 0, "Normal", 6, 2ULL },
	{ "jc-fixture", 0, "Normal", 7, 11ULL },
	{ "jc-fixture", 0, "Normal", 8, 13ULL },
	{ "jc-fixture", 0, "Normal", 9, 0ULL },
	{ "jc-fixture", 0, "Normal", 10, 0ULL },
	/* pcp-qa-meminfo-root-001 */
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 0, 3ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 1, 1ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 2, 2ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 3, 2ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 4, 2ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 5, 1ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 6, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 7, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 8, 1ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 9, 1ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 10, 3ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 0, 470ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 1, 524ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 2, 98ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 3, 154ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 4, 86ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 5, 30ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 6, 23ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 7, 10ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 8, 26ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 9, 12ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 10, 681ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 0, 188ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 1, 420ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 2, 143ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 3, 11ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 4, 2ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 5, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 6, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 7, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 8, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 9, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 10, 1ULL },
	/* ncollectd-test01 */
	{ "ncollectd-test01", 0, "DMA", 0, 1ULL },
	{ "ncollectd-test01", 0, "DMA", 1, 1ULL },
	{ "ncollectd-test01", 0, "DMA", 2, 0ULL },
	{ "ncollectd-test01", 0, "DMA", 3, 0ULL },
	{ "ncollectd-test01", 0, "DMA", 4, 0ULL },
	{ "ncollectd-test01", 0, "DMA", 5, 0ULL },
	{ "ncollectd-test01", 0, "DMA", 6, 0ULL },
	{ "ncollectd-test01", 0, "DMA", 7, 0ULL },
	{ "ncollectd-test01", 0, "DMA", 8, 1ULL },
	{ "ncollectd-test01", 0, "DMA", 9, 1ULL },
	{ "ncollectd-test01", 0, "DMA", 10, 2ULL },
	{ "ncollectd-test01", 0, "DMA32", 0, 4366ULL },
	{ "ncollectd-test01", 0, "DMA32", 1, 3510ULL },
	{ "ncollectd-test01", 0, "DMA32", 2, 1899ULL },
	{ "ncollectd-test01", 0, "DMA32", 3, 1255ULL },
	{ "ncollectd-test01", 0, "DMA32", 4, 591ULL },
	{ "ncollectd-test01", 0, "DMA32", 5, 155ULL },
	{ "ncollectd-test01", 0, "DMA32", 6, 60ULL },
	{ "ncollectd-test01", 0, "DMA32", 7, 23ULL },
	{ "ncollectd-test01", 0, "DMA32", 8, 13ULL },
	{ "ncollectd-test01", 0, "DMA32", 9, 8ULL },
	{ "ncollectd-test01", 0, "DMA32", 10, 67ULL },
	{ "ncollectd-test01", 0, "Normal", 0, 76382ULL },
	{ "ncollectd-test01", 0, "Normal", 1, 51199ULL },
	{ "ncollectd-test01", 0, "Normal", 2, 18585ULL },
	{ "ncollectd-test01", 0, "Normal", 3, 10742ULL },
	{ "ncollectd-test01", 0, "Normal", 4, 3773ULL },
	{ "ncollectd-test01", 0, "Normal", 5, 1168ULL },
	{ "ncollectd-test01", 0, "Normal", 6, 274ULL },
	{ "ncollectd-test01", 0, "Normal", 7, 20ULL },
	{ "ncollectd-test01", 0, "Normal", 8, 0ULL },
	{ "ncollectd-test01", 0, "Normal", 9, 1ULL },
	{ "ncollectd-test01", 0, "Normal", 10, 0ULL },
	/* ubuntu-5.4.0-97-openstack-compute-hotsos */
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "DMA32", 0, 1127ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "DMA32", 1, 453ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "DMA32", 2, 112ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "DMA32", 3, 65ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "DMA32", 4, 27ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "DMA32", 5, 7ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "DMA32", 6, 13ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "DMA32", 7, 6ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "DMA32", 8, 5ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "DMA32", 9, 30ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "DMA32", 10, 48ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "Normal", 10, 0ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "Normal", 9, 0ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "Normal", 8, 2ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "Normal", 7, 4ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "Normal", 6, 14ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "Normal", 5, 35ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "Normal", 4, 222ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "Normal", 3, 1135ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "Normal", 2, 316ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "Normal", 1, 101ULL },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos", 0, "Normal", 0, 145ULL },
	/* procfs-fixture */
	{ "procfs-fixture", 0, "Normal", 0, 4381ULL },
	{ "procfs-fixture", 0, "DMA32", 1, 572ULL },
	/* insights-core-test-numa2 */
	{ "insights-core-test-numa2", 0, "Normal", 10, 6120ULL },
	{ "insights-core-test-numa2", 1, "Normal", 10, 6723ULL },
};

/*
 * PCP mem.buddyinfo.total of meminfo-root-001, KB: blocks x 2^order
 * pages of 4 KB.
 */
static const struct buddy_oracle pcp_buddy_totals_kb[] = {
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 0, 12ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 1, 8ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 2, 32ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 3, 64ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 4, 128ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 5, 128ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 6, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 7, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 8, 1024ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 9, 2048ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA", 10, 12288ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 0, 1880ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 1, 4192ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 2, 1568ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 3, 4928ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 4, 5504ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 5, 3840ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 6, 5888ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 7, 5120ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 8, 26624ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 9, 24576ULL },
	{ "pcp-qa-meminfo-root-001", 0, "DMA32", 10, 2789376ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 0, 752ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 1, 3360ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 2, 2288ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 3, 352ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 4, 128ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 5, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 6, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 7, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 8, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 9, 0ULL },
	{ "pcp-qa-meminfo-root-001", 0, "Normal", 10, 4096ULL },
};

static void check_buddy_table(const struct buddy_oracle *tab, size_t n,
			      unsigned int kb_per_page)
{
	struct ms_buddyinfo bi = { 0 };
	const char *loaded = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct buddy_oracle *o = &tab[i];
		const struct ms_buddy_zone *b;
		uint64_t v;

		if (!loaded || strcmp(loaded, o->stem)) {
			ms_buddyinfo_release(&bi);
			load_buddyinfo(o->stem, &bi);
			loaded = o->stem;
		}
		b = ms_buddyinfo_find(&bi, o->node, o->zone);
		assert_non_null(b);
		assert_true(o->order < bi.nr_orders);
		v = b->free_blocks[o->order];
		if (kb_per_page)
			v = (v << o->order) * kb_per_page;
		if (v != o->blocks)
			print_error(
				"%s: node %d %s order %u: %llu, expected %llu\n",
				o->stem, o->node, o->zone, o->order,
				(unsigned long long)v,
				(unsigned long long)o->blocks);
		assert_true(v == o->blocks);
	}
	ms_buddyinfo_release(&bi);
}

static void test_buddyinfo_oracles(void **state)
{
	struct ms_buddyinfo bi;
	size_t i;

	(void)state;
	NEED_CORPUS();
	check_buddy_table(buddy_oracles, ARRAY_SIZE(buddy_oracles), 0);
	check_buddy_table(pcp_buddy_totals_kb, ARRAY_SIZE(pcp_buddy_totals_kb),
			  4);

	/* procfs TestBuddyInfo: entries by position. */
	load_buddyinfo("procfs-fixture", &bi);
	assert_int_equal(bi.nr_zones, 3);
	assert_string_equal(bi.zones[0].zone, "DMA");
	assert_string_equal(bi.zones[2].zone, "Normal");
	assert_int_equal(bi.zones[2].free_blocks[0], 4381);
	assert_int_equal(bi.zones[1].free_blocks[1], 572);
	ms_buddyinfo_release(&bi);

	/* insights-core BUDDYINFO_1: 4 entries of 11 counters, 2 nodes. */
	load_buddyinfo("insights-core-test-numa2", &bi);
	assert_int_equal(bi.nr_zones, 4);
	assert_int_equal(bi.nr_orders, 11);
	assert_int_equal(bi.zones[2].node, 0);
	assert_string_equal(bi.zones[2].zone, "Normal");
	assert_int_equal(bi.zones[2].free_blocks[10], 6120);
	assert_int_equal(bi.zones[3].node, 1);
	assert_string_equal(bi.zones[3].zone, "Normal");
	assert_int_equal(bi.zones[3].free_blocks[10], 6723);
	ms_buddyinfo_release(&bi);

	/* hotsos BuddyInfo().nodes == [0] */
	load_buddyinfo("ubuntu-5.4.0-97-openstack-compute-hotsos", &bi);
	for (i = 0; i < bi.nr_zones; i++)
		assert_int_equal(bi.zones[i].node, 0);
	ms_buddyinfo_release(&bi);
}

static void test_pagetypeinfo_oracles(void **state)
{
	/* jc proc_pagetypeinfo: DMA32 Movable free row. */
	static const uint64_t dma32_movable[] = {
		20, 52, 78, 47, 32, 23, 11, 9, 2, 2, 629,
	};
	static const struct {
		const char *zone;
		uint64_t unmovable, movable, reclaimable, high_atomic, isolate;
	} jc_blocks[] = {
		{ "DMA", 1, 7, 0, 0, 0 },
		{ "DMA32", 8, 1472, 48, 0, 0 },
		{ "Normal", 120, 345, 47, 0, 0 },
	};
	struct ms_pagetypeinfo pt;
	const struct ms_pt_zone *z;
	unsigned int o;
	size_t i;

	(void)state;
	NEED_CORPUS();
	load_pagetypeinfo("jc-fixture", &pt);
	assert_int_equal(pt.pageblock_order, 9);
	assert_int_equal(pt.pages_per_block, 512);
	/* 15 free_pages rows: 3 zones of 5 types. */
	assert_int_equal(pt.nr_zones, 3);
	assert_int_equal(pt.nr_types, 5);
	assert_int_equal(pt.nr_orders, ARRAY_SIZE(dma32_movable));
	z = ms_pagetypeinfo_find(&pt, 0, "DMA32");
	assert_non_null(z);
	for (o = 0; o < pt.nr_orders; o++)
		assert_true(z->free_blocks[ms_pagetypeinfo_type(&pt, "Movable")]
					  [o] == dma32_movable[o]);
	for (i = 0; i < ARRAY_SIZE(jc_blocks); i++) {
		z = ms_pagetypeinfo_find(&pt, 0, jc_blocks[i].zone);
		assert_non_null(z);
		assert_true(z->has_blocks);
		assert_true(z->blocks[ms_pagetypeinfo_type(&pt, "Unmovable")] ==
			    jc_blocks[i].unmovable);
		assert_true(z->blocks[ms_pagetypeinfo_type(&pt, "Movable")] ==
			    jc_blocks[i].movable);
		assert_true(
			z->blocks[ms_pagetypeinfo_type(&pt, "Reclaimable")] ==
			jc_blocks[i].reclaimable);
		assert_true(
			z->blocks[ms_pagetypeinfo_type(&pt, "HighAtomic")] ==
			jc_blocks[i].high_atomic);
		assert_true(z->blocks[ms_pagetypeinfo_type(&pt, "Isolate")] ==
			    jc_blocks[i].isolate);
	}
	ms_pagetypeinfo_release(&pt);
}

/*
 * Summing a zone's free counts over the migrate types gives its
 * buddyinfo line, for the captures whose two files were read back to
 * back (ORACLES.md §9, derived rather than peer-asserted).
 */
static void test_pagetypeinfo_sums_to_buddyinfo(void **state)
{
	static const char *const stems[] = {
		"centos-stream9-5.14-x86_64-do-droplet",
		"jmr540-3.18.20-arm-up",
		"ubuntu-3.13.0-x86_64",
		"ubuntu-3.2.0-x86_64-i7",
	};
	size_t s, i;

	(void)state;
	NEED_CORPUS();
	for (s = 0; s < ARRAY_SIZE(stems); s++) {
		struct ms_pagetypeinfo pt;
		struct ms_buddyinfo bi;

		load_pagetypeinfo(stems[s], &pt);
		load_buddyinfo(stems[s], &bi);
		assert_int_equal(pt.nr_orders, bi.nr_orders);
		assert_int_equal(pt.nr_zones, bi.nr_zones);
		for (i = 0; i < bi.nr_zones; i++) {
			const struct ms_buddy_zone *b = &bi.zones[i];
			const struct ms_pt_zone *z;
			unsigned int o, t;

			z = ms_pagetypeinfo_find(&pt, b->node, b->zone);
			assert_non_null(z);
			for (o = 0; o < bi.nr_orders; o++) {
				uint64_t sum = 0;

				for (t = 0; t < pt.nr_types; t++)
					sum += z->free_blocks[t][o];
				assert_true(sum == b->free_blocks[o]);
			}
		}
		ms_pagetypeinfo_release(&pt);
		ms_buddyinfo_release(&bi);
	}
}

/*
 * meminfo values asserted by peers. @scale: 1 when the peer reports the
 * number as printed (kB, or a count), 1024 when it reports bytes.
 */
struct meminfo_oracle {
	const char *stem;
	const char *key;
	uint64_t value;
	unsigned int scale;
};

static const struct meminfo_oracle meminfo_oracles[] = {
	{ "procfs-fixture", "MemTotal", 15666184ULL, 1 },
	{ "procfs-fixture", "MemTotal", 16042172416ULL, 1024 },
	{ "procfs-fixture", "MemFree", 440324ULL, 1 },
	{ "procfs-fixture", "Buffers", 1020128ULL, 1 },
	{ "procfs-fixture", "Cached", 12007640ULL, 1 },
	{ "procfs-fixture", "Slab", 1807264ULL, 1 },
	{ "procfs-fixture", "SReclaimable", 1738124ULL, 1 },
	{ "procfs-fixture", "SUnreclaim", 69140ULL, 1 },
	{ "procfs-fixture", "VmallocTotal", 34359738367ULL, 1 },
	{ "procfs-fixture", "VmallocTotal", 35184372087808ULL, 1024 },
	{ "procfs-fixture", "VmallocUsed", 36596ULL, 1 },
	{ "procfs-fixture", "VmallocChunk", 34359637840ULL, 1 },
	{ "procfs-fixture", "Percpu", 26176ULL, 1 },
	{ "procfs-fixture", "Zswap", 22414ULL, 1 },
	{ "procfs-fixture", "Zswapped", 10502ULL, 1 },
	{ "procfs-fixture", "HugePages_Total", 0ULL, 1 },
	{ "procfs-fixture", "Hugepagesize", 2048ULL, 1 },
	{ "procfs-fixture", "Hugepagesize", 2097152ULL, 1024 },
	{ "procfs-fixture", "DirectMap4k", 91136ULL, 1 },
	{ "procfs-fixture", "DirectMap2M", 16039936ULL, 1 },
	{ "jc-fixture", "MemTotal", 3997272ULL, 1 },
	{ "jc-fixture", "MemFree", 2760316ULL, 1 },
	{ "jc-fixture", "MemAvailable", 3386876ULL, 1 },
	{ "jc-fixture", "Slab", 288096ULL, 1 },
	{ "jc-fixture", "SReclaimable", 188216ULL, 1 },
	{ "jc-fixture", "SUnreclaim", 99880ULL, 1 },
	{ "jc-fixture", "VmallocTotal", 34359738367ULL, 1 },
	{ "jc-fixture", "VmallocUsed", 21932ULL, 1 },
	{ "jc-fixture", "VmallocChunk", 0ULL, 1 },
	{ "jc-fixture", "Percpu", 107520ULL, 1 },
	{ "jc-fixture", "HugePages_Total", 0ULL, 1 },
	{ "jc-fixture", "Hugepagesize", 2048ULL, 1 },
	{ "jc-fixture", "DirectMap4k", 192320ULL, 1 },
	{ "jc-fixture", "DirectMap2M", 4001792ULL, 1 },
	{ "jc-fixture", "DirectMap1G", 2097152ULL, 1 },
	{ "node_exporter-fixture", "MemTotal", 3831959552ULL, 1024 },
	{ "node_exporter-fixture", "MemFree", 230883328ULL, 1024 },
	{ "node_exporter-fixture", "Buffers", 22568960ULL, 1024 },
	{ "node_exporter-fixture", "Cached", 953229312ULL, 1024 },
	{ "node_exporter-fixture", "Slab", 101306368ULL, 1024 },
	{ "node_exporter-fixture", "SReclaimable", 45846528ULL, 1024 },
	{ "node_exporter-fixture", "SUnreclaim", 55459840ULL, 1024 },
	{ "node_exporter-fixture", "VmallocTotal", 35184372087808ULL, 1024 },
	{ "node_exporter-fixture", "VmallocUsed", 361308160ULL, 1024 },
	{ "node_exporter-fixture", "HugePages_Total", 0ULL, 1 },
	{ "node_exporter-fixture", "Hugepagesize", 2097152ULL, 1024 },
	{ "node_exporter-fixture", "DirectMap2M", 3787456512ULL, 1024 },
	{ "ncollectd-test01", "MemTotal", 33490624512ULL, 1024 },
	{ "ncollectd-test01", "MemAvailable", 27894935552ULL, 1024 },
	{ "ncollectd-test01", "Active", 4175933440ULL, 1024 },
	{ "ncollectd-test01", "SwapCached", 0ULL, 1024 },
	{ "ncollectd-test01", "Cached", 4936798208ULL, 1024 },
	{ "ncollectd-test01", "MemFree", 23016267776ULL, 1024 },
	{ "ncollectd-test01", "Active(file)", 976384000ULL, 1024 },
	{ "ncollectd-test01", "Inactive(anon)", 126275584ULL, 1024 },
	{ "ncollectd-test01", "Unevictable", 1288957952ULL, 1024 },
	{ "ncollectd-test01", "Mlocked", 5906432ULL, 1024 },
	{ "ncollectd-test01", "SwapTotal", 42949664768ULL, 1024 },
	{ "ncollectd-test01", "SwapFree", 42949664768ULL, 1024 },
	{ "ncollectd-test01", "Zswap", 0ULL, 1024 },
	{ "ncollectd-test01", "Zswapped", 0ULL, 1024 },
};

static void test_meminfo_oracles(void **state)
{
	struct ms_kv kv = { 0 };
	const char *loaded = NULL;
	size_t i;

	(void)state;
	NEED_CORPUS();
	for (i = 0; i < ARRAY_SIZE(meminfo_oracles); i++) {
		const struct meminfo_oracle *o = &meminfo_oracles[i];
		uint64_t v;

		if (!loaded || strcmp(loaded, o->stem)) {
			ms_kv_release(&kv);
			load_meminfo(o->stem, &kv);
			loaded = o->stem;
		}
		if (!ms_kv_get(&kv, o->key, &v))
			print_error("%s: no %s\n", o->stem, o->key);
		assert_true(ms_kv_get(&kv, o->key, &v));
		if (v * o->scale != o->value)
			print_error("%s: %s: %llu, expected %llu/%u\n", o->stem,
				    o->key, (unsigned long long)v,
				    (unsigned long long)o->value, o->scale);
		assert_true(v * o->scale == o->value);
	}
	ms_kv_release(&kv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_capture_parses),
		cmocka_unit_test(test_zoneinfo_invariants),
		cmocka_unit_test(test_buddyinfo_zones_in_zoneinfo),
		cmocka_unit_test(test_zoneinfo_oracles),
		cmocka_unit_test(test_zoneinfo_oracle_shapes),
		cmocka_unit_test(test_buddyinfo_oracles),
		cmocka_unit_test(test_pagetypeinfo_oracles),
		cmocka_unit_test(test_pagetypeinfo_sums_to_buddyinfo),
		cmocka_unit_test(test_meminfo_oracles),
	};

	return cmocka_run_group_tests(tests, corpus_open, corpus_close);
}
