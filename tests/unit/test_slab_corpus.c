// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The slabinfo captures of the corpus ($MS_CORPUS/slabinfo): every file
 * parses, and what other projects' tests assert about them holds
 * (ORACLES.md: prometheus/procfs, node_exporter, jc, pcp, ncollectd,
 * telegraf, hotsos), plus the derived meminfo cross-check of §9.
 * Skipped, with a message, when MS_CORPUS is not set or does not exist.
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

#include "analysis/slab.h"
#include "proc/kv.h"
#include "proc/slabinfo.h"
#include "proc/source.h"

static struct ms_source corpus;
static bool have_corpus;

static int corpus_setup(void **state)
{
	const char *dir = getenv("MS_CORPUS");
	struct ms_diag d = { 0 };
	char buf[512];
	int err;

	(void)state;
	if (!dir || !*dir) {
		print_message(
			"MS_CORPUS is not set: skipping the slabinfo corpus tests\n");
		return 0;
	}
	err = ms_source_init(&corpus, dir, &d);
	if (err == -ENOENT) {
		/* tests/run.sh passes a default that may not exist */
		print_message(
			"MS_CORPUS %s does not exist: skipping the slabinfo corpus tests\n",
			dir);
		return 0;
	}
	if (err) {
		ms_diag_format(&d, buf, sizeof(buf));
		print_error("MS_CORPUS: %s\n", buf);
		return -1;
	}
	have_corpus = true;
	return 0;
}

static int corpus_teardown(void **state)
{
	(void)state;
	if (have_corpus)
		ms_source_release(&corpus);
	return 0;
}

#define NEED_CORPUS()             \
	do {                      \
		if (!have_corpus) \
			skip();   \
	} while (0)

static void load_text(const char *path, char **buf, size_t *len)
{
	struct ms_diag d = { 0 };
	char msg[512];

	if (ms_source_read(&corpus, path, buf, len, &d)) {
		ms_diag_format(&d, msg, sizeof(msg));
		fail_msg("%s", msg);
	}
}

static void load(struct ms_slabinfo *si, const char *file)
{
	struct ms_diag d = { 0 };
	char path[256], msg[512];
	size_t len;
	char *buf;
	int err;

	snprintf(path, sizeof(path), "slabinfo/%s", file);
	load_text(path, &buf, &len);
	err = ms_slabinfo_parse(si, buf, len, path, &d);
	free(buf);
	if (err) {
		ms_diag_format(&d, msg, sizeof(msg));
		fail_msg("%s", msg);
	}
}

static void load_meminfo(struct ms_kv *kv, const char *file)
{
	struct ms_diag d = { 0 };
	char path[256], msg[512];
	size_t len;
	char *buf;
	int err;

	snprintf(path, sizeof(path), "meminfo/%s", file);
	load_text(path, &buf, &len);
	err = ms_meminfo_parse(kv, buf, len, path, &d);
	free(buf);
	if (err) {
		ms_diag_format(&d, msg, sizeof(msg));
		fail_msg("%s", msg);
	}
}

static const struct ms_slab_cache *get(const struct ms_slabinfo *si,
				       const char *name)
{
	const struct ms_slab_cache *c = ms_slabinfo_find(si, name, 0);

	if (!c)
		fail_msg("no cache '%s'", name);
	return c;
}

/* Cache counts from SOURCES.md (lines after the two header lines). */
static const struct {
	const char *file;
	size_t caches;
	bool slab; /* SLAB allocator: real tunables */
} known[] = {
	{ "arm720t-2.6.16.txt", 126, true },
	{ "jc-fixture.txt", 145, false },
	{ "ncollectd-test01.txt", 106, false },
	{ "node_exporter-fixture.txt", 4, false },
	{ "pcp-qa-meminfo-root-001.txt", 136, false },
	{ "pcp-qa-meminfo-root-002.txt", 129, false },
	{ "pcp-qa-meminfo-root-004.txt", 120, false },
	{ "pcp-qa-meminfo-root-005.txt", 126, false },
	{ "pcp-qa-meminfo-root-006.txt", 36, false },
	{ "pcp-qa-meminfo-root-007.txt", 292, false },
	{ "procfs-fixture.txt", 300, false },
	{ "rhcos-4.18-el8-x86_64-sosreport.txt", 142, false },
	{ "telegraf-testdata.txt", 21, false },
	{ "ubuntu-5.4.0-97-openstack-compute-hotsos.txt", 223, false },
	{ "ubuntu-5.4.0-99-k8s-node-hotsos.txt", 211, false },
	{ "zte-router-4.1.25-armv7.txt", 67, false },
	{ "zynq-xilinx-4.4.0-armv7-slab.txt", 84, true },
};

/*
 * Kernel invariants every capture must meet: active_objs <= num_objs;
 * SLAB computes num_objs = num_slabs * objperslab and prints its
 * tunables; SLUB prints 0 0 0 tunables and num_slabs twice, and its slabs
 * hold at most objperslab objects (fewer after an order fallback).
 */
static void check_invariants(const char *file, const struct ms_slabinfo *si,
			     bool slab)
{
	struct ms_slab_model m;
	struct ms_diag d = { 0 };
	size_t i;

	for (i = 0; i < si->nr_caches; i++) {
		const struct ms_slab_cache *c = &si->caches[i];

		if (c->active_objs > c->num_objs ||
		    c->num_objs > c->num_slabs * c->objs_per_slab ||
		    c->active_slabs > c->num_slabs || c->pages_per_slab == 0 ||
		    (c->pages_per_slab & (c->pages_per_slab - 1)))
			fail_msg("%s:%u: inconsistent cache '%s'", file,
				 c->line, c->name);
		if (slab && (c->limit == 0 || c->batchcount == 0 ||
			     c->batchcount > c->limit ||
			     c->num_objs != c->num_slabs * c->objs_per_slab))
			fail_msg("%s:%u: not a SLAB line", file, c->line);
		if (!slab &&
		    (c->limit || c->batchcount || c->shared_factor ||
		     c->shared_avail || c->active_slabs != c->num_slabs))
			fail_msg("%s:%u: not a SLUB line", file, c->line);
	}
	/* every capture is from a 4 KiB-page machine */
	assert_int_equal(ms_slab_model_build(&m, si, 4096, &d), 0);
	for (i = 0; i < m.nr_rows; i++)
		if (m.rows[i].flags & MS_SLAB_OVERCOMMIT)
			fail_msg("%s: cache '%s' holds more than its pages",
				 file, m.rows[i].cache->name);
	assert_int_equal(m.totals.caches, si->nr_caches);
	ms_slab_model_release(&m);
}

static void test_every_file_parses(void **state)
{
	struct ms_diag d = { 0 };
	char **names, msg[512];
	int n, i, checked = 0;
	size_t k;

	(void)state;
	NEED_CORPUS();
	n = ms_source_list(&corpus, "slabinfo", &names, &d);
	if (n < 0) {
		ms_diag_format(&d, msg, sizeof(msg));
		fail_msg("%s", msg);
	}
	for (i = 0; i < n; i++) {
		struct ms_slabinfo si;
		size_t l = strlen(names[i]);

		if (l < 4 || strcmp(names[i] + l - 4, ".txt"))
			continue;
		load(&si, names[i]);
		assert_string_equal(si.version, "2.1");
		assert_false(si.statistics);
		for (k = 0; k < ARRAY_SIZE(known); k++) {
			if (strcmp(known[k].file, names[i]))
				continue;
			if (si.nr_caches != known[k].caches)
				fail_msg("%s: %zu caches, expected %zu",
					 names[i], si.nr_caches,
					 known[k].caches);
			check_invariants(names[i], &si, known[k].slab);
			checked++;
		}
		ms_slabinfo_release(&si);
	}
	ms_source_list_free(names, n);
	/* every known capture was there */
	assert_int_equal(checked, ARRAY_SIZE(known));
}

/* prometheus/procfs slab_test.go TestSlabInfo */
static void test_procfs(void **state)
{
	struct ms_slabinfo si;
	const struct ms_slab_cache *c;

	(void)state;
	NEED_CORPUS();
	load(&si, "procfs-fixture.txt");
	assert_int_equal(si.nr_caches, 300);
	c = &si.caches[0];
	assert_string_equal(c->name, "pid_3");
	assert_int_equal(c->active_objs, 375);
	assert_int_equal(c->num_objs, 532);
	assert_int_equal(c->obj_size, 576);
	assert_int_equal(c->objs_per_slab, 28);
	assert_int_equal(c->pages_per_slab, 4);
	assert_int_equal(c->limit, 0);
	assert_int_equal(c->batchcount, 0);
	assert_int_equal(c->shared_factor, 0);
	assert_int_equal(c->active_slabs, 19);
	assert_int_equal(c->num_slabs, 19);
	assert_int_equal(c->shared_avail, 0);
	ms_slabinfo_release(&si);
}

/* node_exporter e2e-output.txt, node_slabinfo_* */
static void test_node_exporter(void **state)
{
	static const struct {
		const char *name;
		uint64_t active, objs;
		uint32_t size, per_slab, pages;
	} want[] = {
		{ "dmaengine-unmap-128", 1206, 1320, 1088, 30, 8 },
		{ "kmalloc-8192", 132, 148, 8192, 4, 8 },
		{ "kmem_cache", 320, 320, 256, 32, 2 },
		{ "tw_sock_TCP", 704, 864, 256, 32, 2 },
	};
	struct ms_slabinfo si;
	size_t i;

	(void)state;
	NEED_CORPUS();
	load(&si, "node_exporter-fixture.txt");
	assert_int_equal(si.nr_caches, 4);
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		const struct ms_slab_cache *c = get(&si, want[i].name);

		assert_int_equal(c->active_objs, want[i].active);
		assert_int_equal(c->num_objs, want[i].objs);
		assert_int_equal(c->obj_size, want[i].size);
		assert_int_equal(c->objs_per_slab, want[i].per_slab);
		assert_int_equal(c->pages_per_slab, want[i].pages);
	}
	ms_slabinfo_release(&si);
}

/* jc tests/test_proc_slabinfo.py */
static void test_jc(void **state)
{
	struct ms_slabinfo si;
	const struct ms_slab_cache *c;

	(void)state;
	NEED_CORPUS();
	load(&si, "jc-fixture.txt");
	assert_int_equal(si.nr_caches, 145);
	c = &si.caches[0];
	assert_string_equal(c->name, "ext4_groupinfo_4k");
	assert_int_equal(c->active_objs, 224);
	assert_int_equal(c->num_objs, 224);
	assert_int_equal(c->obj_size, 144);
	assert_int_equal(c->objs_per_slab, 56);
	assert_int_equal(c->pages_per_slab, 2);
	assert_int_equal(c->active_slabs, 4);
	assert_int_equal(c->num_slabs, 4);
	assert_int_equal(c->shared_avail, 0);
	c = &si.caches[144];
	assert_string_equal(c->name, "kmem_cache");
	assert_int_equal(c->num_objs, 1728);
	assert_int_equal(c->obj_size, 448);
	ms_slabinfo_release(&si);
}

/*
 * pcp qa/821.out: the raw fields, and slabs.total_size recomputed with
 * pcp's own formula from them (pagesperslab * active_objs * 4096 /
 * objperslab, integer division; src/pmdas/linux/proc_slabinfo.c).
 */
static void test_pcp(void **state)
{
	static const struct {
		const char *file, *name;
		uint64_t active, total, slabs_active, slabs_total;
		uint32_t size, per_slab, pages;
		uint64_t total_size;
	} want[] = {
		{ "pcp-qa-meminfo-root-001.txt", "kmalloc-64", 636212, 647040,
		  10110, 10110, 64, 64, 1, 40717568 },
		{ "pcp-qa-meminfo-root-002.txt", "dentry", 540173, 540456,
		  12868, 12868, 192, 42, 2, 105359457 },
		{ "pcp-qa-meminfo-root-004.txt", "kmalloc-64", 31488, 31488,
		  492, 492, 64, 64, 1, 2015232 },
		{ "pcp-qa-meminfo-root-006.txt", "nf_conntrack", 84, 108, 9, 9,
		  320, 12, 1, 28672 },
		{ "pcp-qa-meminfo-root-007.txt", "kmalloc-64", 84072, 119616,
		  1869, 1869, 64, 64, 1, 5380608 },
	};
	size_t i;

	(void)state;
	NEED_CORPUS();
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		struct ms_slabinfo si;
		const struct ms_slab_cache *c;

		load(&si, want[i].file);
		c = get(&si, want[i].name);
		assert_int_equal(c->active_objs, want[i].active);
		assert_int_equal(c->num_objs, want[i].total);
		assert_int_equal(c->obj_size, want[i].size);
		assert_int_equal(c->active_slabs, want[i].slabs_active);
		assert_int_equal(c->num_slabs, want[i].slabs_total);
		assert_int_equal(c->objs_per_slab, want[i].per_slab);
		assert_int_equal(c->pages_per_slab, want[i].pages);
		assert_int_equal((uint64_t)c->pages_per_slab * c->active_objs *
					 4096 / c->objs_per_slab,
				 want[i].total_size);
		ms_slabinfo_release(&si);
	}
}

/* ncollectd src/plugins/slabinfo/test01/expect.txt: 7-digit counts */
static void test_ncollectd(void **state)
{
	static const struct {
		const char *name;
		uint32_t object_bytes;
		uint64_t objects_active, objects;
		uint32_t slab_pages, slab_objects;
		uint64_t slabs_active, slabs;
	} want[] = {
		{ "nf_conntrack_1", 320, 21315, 29835, 4, 51, 585, 585 },
		{ "dentry", 192, 1358896, 2903901, 2, 42, 69285, 69285 },
		{ "kmalloc-64", 64, 5233667, 9069248, 1, 64, 141707, 141707 },
	};
	struct ms_slabinfo si;
	size_t i;

	(void)state;
	NEED_CORPUS();
	load(&si, "ncollectd-test01.txt");
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		const struct ms_slab_cache *c = get(&si, want[i].name);

		assert_int_equal(c->obj_size, want[i].object_bytes);
		assert_int_equal(c->active_objs, want[i].objects_active);
		assert_int_equal(c->num_objs, want[i].objects);
		/* its "slab_bytes" is the raw <pagesperslab> column */
		assert_int_equal(c->pages_per_slab, want[i].slab_pages);
		assert_int_equal(c->objs_per_slab, want[i].slab_objects);
		assert_int_equal(c->active_slabs, want[i].slabs_active);
		assert_int_equal(c->num_slabs, want[i].slabs);
	}
	ms_slabinfo_release(&si);
}

/* telegraf slab_test.go: <name>_size = num_objs * objsize */
static void test_telegraf(void **state)
{
	static const struct {
		const char *name;
		uint64_t size;
	} want[] = {
		{ "ext4_allocation_context", 16384 },
		{ "ext4_extent_status", 8160 },
		{ "ext4_free_data", 0 },
		{ "ext4_inode_cache", 491520 },
		{ "ext4_io_end", 4032 },
		{ "ext4_xattr", 0 },
		{ "kmalloc-1024", 239927296 },
		{ "kmalloc-128", 5586944 },
		{ "kmalloc-16", 17002496 },
		{ "kmalloc-192", 4015872 },
		{ "kmalloc-2048", 3309568 },
		{ "kmalloc-256", 5423104 },
		{ "kmalloc-32", 3657728 },
		{ "kmalloc-4096", 2359296 },
		{ "kmalloc-512", 41435136 },
		{ "kmalloc-64", 8536064 },
		{ "kmalloc-8", 229376 },
		{ "kmalloc-8192", 1048576 },
		{ "kmalloc-96", 12378240 },
		{ "kmem_cache", 81920 },
		{ "kmem_cache_node", 36864 },
	};
	struct ms_slabinfo si;
	struct ms_slab_model m;
	struct ms_diag d = { 0 };
	size_t i, r;

	(void)state;
	NEED_CORPUS();
	load(&si, "telegraf-testdata.txt");
	assert_int_equal(si.nr_caches, ARRAY_SIZE(want));
	assert_int_equal(ms_slab_model_build(&m, &si, 4096, &d), 0);
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		for (r = 0; r < m.nr_rows; r++)
			if (!strcmp(m.rows[r].cache->name, want[i].name))
				break;
		if (r == m.nr_rows)
			fail_msg("no cache '%s'", want[i].name);
		assert_int_equal(m.rows[r].objs_bytes, want[i].size);
	}
	ms_slab_model_release(&m);
	ms_slabinfo_release(&si);
}

/*
 * hotsos test_kernel.py SlabInfo major_consumers: num_objs * objsize /
 * 1024 kB ("buffer_head (87540.6796875k)"), compared in bytes.
 */
static void test_hotsos(void **state)
{
	static const struct {
		const char *name;
		double kb;
	} want[] = {
		{ "buffer_head", 87540.6796875 },
		{ "anon_vma_chain", 9068.0 },
		{ "radix_tree_node", 50253.65625 },
		{ "Acpi-State", 5175.703125 },
		{ "vmap_area", 2700.0 },
	};
	struct ms_slabinfo si;
	size_t i;

	(void)state;
	NEED_CORPUS();
	load(&si, "ubuntu-5.4.0-97-openstack-compute-hotsos.txt");
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		const struct ms_slab_cache *c = get(&si, want[i].name);

		assert_int_equal(c->num_objs * c->obj_size,
				 (uint64_t)(want[i].kb * 1024));
	}
	ms_slabinfo_release(&si);
}

static void meminfo_vs_slabinfo(const char *slabinfo, const char *meminfo,
				uint64_t slabinfo_kb, uint64_t meminfo_kb)
{
	struct ms_slab_meminfo_check chk;
	struct ms_diag d = { 0 };
	struct ms_slab_model m;
	struct ms_slabinfo si;
	struct ms_kv kv;

	load(&si, slabinfo);
	load_meminfo(&kv, meminfo);
	assert_int_equal(ms_slab_model_build(&m, &si, 4096, &d), 0);
	assert_int_equal(ms_slab_meminfo_check(&m, &kv, &chk, &d), 0);
	assert_int_equal(chk.slabinfo_bytes, slabinfo_kb * 1024);
	assert_int_equal(chk.slab_bytes, meminfo_kb * 1024);
	assert_int_equal(chk.diff_bytes,
			 ((int64_t)slabinfo_kb - (int64_t)meminfo_kb) * 1024);
	assert_true(chk.has_split);
	assert_int_equal(chk.sreclaimable_bytes + chk.sunreclaim_bytes,
			 chk.slab_bytes);
	ms_slab_model_release(&m);
	ms_kv_release(&kv);
	ms_slabinfo_release(&si);
}

/*
 * ORACLES §9: the page-level sum, num_slabs * pagesperslab * 4 KiB,
 * equals meminfo Slab exactly for pcp dataset 002 (files read together);
 * the object-level sum, num_objs * objsize, does not (1440334 kB). Other
 * pairs were read at different moments and differ a little.
 */
static void test_meminfo_slab(void **state)
{
	struct ms_slab_model m;
	struct ms_slabinfo si;
	struct ms_diag d = { 0 };

	(void)state;
	NEED_CORPUS();
	meminfo_vs_slabinfo("pcp-qa-meminfo-root-002.txt",
			    "pcp-qa-meminfo-root-002-numa.txt", 1452008,
			    1452008);
	meminfo_vs_slabinfo("rhcos-4.18-el8-x86_64-sosreport.txt",
			    "rhcos-4.18-el8-x86_64-sosreport.txt", 196400,
			    199948);
	meminfo_vs_slabinfo("zte-router-4.1.25-armv7.txt",
			    "zte-router-4.1.25-armv7.txt", 23272, 23104);

	load(&si, "pcp-qa-meminfo-root-002.txt");
	assert_int_equal(ms_slab_model_build(&m, &si, 4096, &d), 0);
	assert_int_equal(m.totals.objs_bytes / 1024, 1440334);
	assert_int_equal(m.totals.pages * 4, 1452008);
	ms_slab_model_release(&m);
	ms_slabinfo_release(&si);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_file_parses),
		cmocka_unit_test(test_procfs),
		cmocka_unit_test(test_node_exporter),
		cmocka_unit_test(test_jc),
		cmocka_unit_test(test_pcp),
		cmocka_unit_test(test_ncollectd),
		cmocka_unit_test(test_telegraf),
		cmocka_unit_test(test_hotsos),
		cmocka_unit_test(test_meminfo_slab),
	};

	return cmocka_run_group_tests(tests, corpus_setup, corpus_teardown);
}
