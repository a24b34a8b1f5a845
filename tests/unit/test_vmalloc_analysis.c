// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "analysis/vmalloc.h"

static void parse_ok(struct ms_vmallocinfo *vi, const char *text)
{
	struct ms_diag diag;

	memset(&diag, 0, sizeof(diag));
	assert_int_equal(ms_vmallocinfo_parse(vi, text, strlen(text),
					      "vmallocinfo", &diag),
			 0);
}

static const struct ms_vmalloc_group *
find_group(const struct ms_vmalloc_group *g, size_t n, const char *name,
	   const char *module)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if ((name == NULL) != (g[i].name == NULL) ||
		    (module == NULL) != (g[i].module == NULL))
			continue;
		if (name && strcmp(name, g[i].name))
			continue;
		if (module && strcmp(module, g[i].module))
			continue;
		return &g[i];
	}
	fail_msg("no group '%s' [%s]", name ? name : "(null)",
		 module ? module : "(null)");
	return NULL;
}

static void assert_group(const struct ms_vmalloc_group *g, uint64_t count,
			 uint64_t size_bytes, uint64_t pages, uint64_t largest)
{
	assert_int_equal(g->count, count);
	assert_int_equal(g->size_bytes, size_bytes);
	assert_int_equal(g->pages, pages);
	assert_int_equal(g->largest_bytes, largest);
}

/*
 * A 1 MiB window at 0x10000000 (VMALLOC_START given), 4 KiB pages.
 *
 *   0x0f000000 +8K   module area below the window: outside
 *   0x10000000 +12K  B
 *   0x10003000       gap 0x2000 (8192)
 *   0x10005000 +8K   C
 *   0x10007000 +4K   D (vm_map_ram: busy)
 *   0x10008000 +8K   unpurged: counts as free
 *   0x10008000       gap 0x8000 (32768)
 *   0x10010000 +64K  E
 *   0x10020000       gap to the end 0x10100000: 0xe0000 (917504)
 *   0x10200000 +8K   above the window: outside
 *
 * used = 12288 + 8192 + 4096 + 65536 = 90112; free = 1048576 - 90112 =
 * 958464 = 8192 + 32768 + 917504; span = 0x10020000 - 0x10000000.
 */
static const char gap_file[] =
	"0x10010000-0x10020000   65536 big_alloc+0x10/0x40 pages=15 vmalloc\n"
	"0x0f000000-0x0f002000    8192 load_module+0x1/0x2 [modx] pages=1 vmalloc\n"
	"0x10000000-0x10003000   12288 small_alloc+0x8/0x40 pages=2 vmalloc\n"
	"0x10005000-0x10007000    8192 of_iomap+0x30/0x38 phys=f8000000 ioremap\n"
	"0x10007000-0x10008000    4096 vm_map_ram\n"
	"0x10200000-0x10202000    8192 iotable_init+0x0/0xb4 phys=e000000 ioremap\n"
	"0x10008000-0x1000a000    8192 unpurged vm_area\n";

/* the window of gap_file worked out above */
static const struct ms_vmalloc_opts gap_opts = {
	.page_size_bytes = 4096,
	.total_bytes = 0x100000,
	.start = 0x10000000,
	.has_start = true,
};

/* gap_file's fragmentation in gap_opts' window */
static void assert_gap_frag(const struct ms_vmalloc_frag *f)
{
	assert_int_equal(f->nr_inside, 4);
	assert_int_equal(f->nr_outside, 2);
	assert_int_equal(f->used_bytes, 90112);
	assert_int_equal(f->span_bytes, 0x20000);
	assert_int_equal(f->free_bytes, 958464);
	assert_int_equal(f->nr_gaps, 2);
	assert_int_equal(f->largest_gap_bytes, 917504);
	assert_int_equal(f->largest_gap_start, 0x10020000);
}

static void test_gaps_given_start(void **state)
{
	struct ms_vmalloc_opts opts = gap_opts;
	struct ms_vmallocinfo vi;
	struct ms_vmalloc_stats st;
	const struct ms_vmalloc_frag *f = &st.frag;

	(void)state;
	parse_ok(&vi, gap_file);
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(f->state, MS_VMALLOC_FRAG_OK);
	assert_int_equal(f->bound, MS_VMALLOC_BOUND_GIVEN);
	assert_int_equal(f->start, 0x10000000);
	assert_int_equal(f->end, 0x10100000);
	assert_gap_frag(f);
	assert_int_equal(f->largest_alloc_bytes, 917504 - 4096);
	ms_vmalloc_stats_release(&st);

	/*
	 * A window starting 4 KiB lower: the space below the first area is
	 * free, is not a gap between areas, and is smaller than the last
	 */
	opts.start = 0x0ffff000;
	opts.total_bytes = 0x101000;
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(f->nr_inside, 4);
	assert_int_equal(f->nr_gaps, 2);
	assert_int_equal(f->free_bytes, 958464 + 4096);
	assert_int_equal(f->largest_gap_bytes, 917504);
	assert_int_equal(f->span_bytes, 0x20000);
	ms_vmalloc_stats_release(&st);

	/* and when it is the largest, it is found at the window start */
	opts.start = 0x0ff00000;
	opts.total_bytes = 0x130000;
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(f->nr_gaps, 2);
	assert_int_equal(f->largest_gap_bytes, 0x100000);
	assert_int_equal(f->largest_gap_start, 0x0ff00000);
	ms_vmalloc_stats_release(&st);
	opts.start = 0x10000000;

	/*
	 * A window ending at 0x10030000: the last gap shrinks to 0x10000
	 * and the largest is the one between D and E
	 */
	opts.total_bytes = 0x30000;
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(f->nr_inside, 4);
	assert_int_equal(f->nr_outside, 2);
	assert_int_equal(f->largest_gap_bytes, 0x10000);
	assert_int_equal(f->largest_gap_start, 0x10020000);
	opts.total_bytes = 0x28000;
	ms_vmalloc_stats_release(&st);
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(f->largest_gap_bytes, 0x8000);
	assert_int_equal(f->largest_gap_start, 0x10008000);
	assert_int_equal(f->largest_alloc_bytes, 0x7000);
	assert_int_equal(f->free_bytes, 0x28000 - 90112);
	ms_vmalloc_stats_release(&st);
	ms_vmallocinfo_release(&vi);
}

/*
 * gap_file's lines in address order, as kernels print them: the sort is
 * skipped and the result must not change, nor with one pair swapped
 */
static void test_gaps_sorted(void **state)
{
	static const char *const files[] = {
		"0x0f000000-0x0f002000    8192 load_module+0x1/0x2 [modx] pages=1 vmalloc\n"
		"0x10000000-0x10003000   12288 small_alloc+0x8/0x40 pages=2 vmalloc\n"
		"0x10005000-0x10007000    8192 of_iomap+0x30/0x38 phys=f8000000 ioremap\n"
		"0x10007000-0x10008000    4096 vm_map_ram\n"
		"0x10010000-0x10020000   65536 big_alloc+0x10/0x40 pages=15 vmalloc\n"
		"0x10200000-0x10202000    8192 iotable_init+0x0/0xb4 phys=e000000 ioremap\n"
		"0x10008000-0x1000a000    8192 unpurged vm_area\n",
		"0x0f000000-0x0f002000    8192 load_module+0x1/0x2 [modx] pages=1 vmalloc\n"
		"0x10000000-0x10003000   12288 small_alloc+0x8/0x40 pages=2 vmalloc\n"
		"0x10005000-0x10007000    8192 of_iomap+0x30/0x38 phys=f8000000 ioremap\n"
		"0x10010000-0x10020000   65536 big_alloc+0x10/0x40 pages=15 vmalloc\n"
		"0x10007000-0x10008000    4096 vm_map_ram\n"
		"0x10200000-0x10202000    8192 iotable_init+0x0/0xb4 phys=e000000 ioremap\n",
	};
	struct ms_vmallocinfo vi;
	struct ms_vmalloc_stats st;
	const struct ms_vmalloc_frag *f = &st.frag;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		parse_ok(&vi, files[i]);
		assert_int_equal(ms_vmalloc_analyze(&st, &vi, &gap_opts), 0);
		assert_int_equal(f->state, MS_VMALLOC_FRAG_OK);
		assert_gap_frag(f);
		ms_vmalloc_stats_release(&st);
		ms_vmallocinfo_release(&vi);
	}
}

/* without VMALLOC_START: the lowest start, then the percpu anchor */
static void test_gaps_inferred_start(void **state)
{
	struct ms_vmalloc_opts opts = {
		.page_size_bytes = 4096,
		.total_bytes = 0x100000,
	};
	struct ms_vmallocinfo vi;
	struct ms_vmalloc_stats st;
	const struct ms_vmalloc_frag *f = &st.frag;

	(void)state;
	/* lowest start: the module area at 0x0f000000, everything else out */
	parse_ok(&vi, gap_file);
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(f->bound, MS_VMALLOC_BOUND_LOWEST);
	assert_int_equal(f->start, 0x0f000000);
	assert_int_equal(f->nr_inside, 1);
	assert_int_equal(f->nr_outside, 5);
	assert_int_equal(f->largest_gap_bytes, 0x100000 - 0x2000);
	assert_int_equal(f->largest_gap_start, 0x0f002000);
	assert_int_equal(f->nr_gaps, 0);
	ms_vmalloc_stats_release(&st);
	ms_vmallocinfo_release(&vi);

	/*
	 * A percpu chunk ending at 0x10100000 puts VMALLOC_START at
	 * 0x10000000 again; the gap E..percpu is 0x100f0000 - 0x10020000
	 */
	parse_ok(
		&vi,
		"0x10010000-0x10020000   65536 big_alloc+0x10/0x40 pages=15 vmalloc\n"
		"0x0f000000-0x0f002000    8192 load_module+0x1/0x2 [modx] pages=1 vmalloc\n"
		"0x10000000-0x10003000   12288 small_alloc+0x8/0x40 pages=2 vmalloc\n"
		"0x100f0000-0x10100000   65536 pcpu_get_vm_areas+0x0/0x5bc vmalloc\n"
		"0x100e0000-0x100f0000   65536 pcpu_get_vm_areas+0x0/0x5bc vmalloc\n");
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(f->bound, MS_VMALLOC_BOUND_PERCPU);
	assert_int_equal(f->start, 0x10000000);
	assert_int_equal(f->end, 0x10100000);
	assert_int_equal(f->nr_inside, 4);
	assert_int_equal(f->nr_outside, 1);
	assert_int_equal(f->nr_gaps, 2);
	assert_int_equal(f->largest_gap_bytes, 0x100e0000 - 0x10020000);
	assert_int_equal(f->largest_gap_start, 0x10020000);
	assert_int_equal(f->span_bytes, 0x100000);
	ms_vmalloc_stats_release(&st);
	ms_vmallocinfo_release(&vi);
}

static void test_frag_unknown(void **state)
{
	struct ms_vmalloc_opts opts = {
		.page_size_bytes = 4096,
		.total_bytes = 0x100000,
	};
	struct ms_vmallocinfo vi;
	struct ms_vmalloc_stats st;

	(void)state;
	/* hashed */
	parse_ok(
		&vi,
		"0x000000002f14e275-0x0000000052bf4e95   20480 0xffffffff810160e1 vmap\n"
		"0x0000000052bf4e95-0x000000004b9e9e91    8192 0xffffffff81797b34 phys=0x00000000dc0cf000 ioremap\n");
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(st.frag.state, MS_VMALLOC_FRAG_NO_ADDRS);
	assert_int_equal(st.frag.largest_gap_bytes, 0);
	/* the rest does not need addresses */
	assert_int_equal(st.nr_areas, 2);
	assert_int_equal(st.size_bytes, 28672);
	ms_vmalloc_stats_release(&st);
	ms_vmallocinfo_release(&vi);

	/* hidden */
	parse_ok(&vi, "0x00000000-0x00000000    8192 f+0x1/0x2 vmalloc\n");
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(st.frag.state, MS_VMALLOC_FRAG_NO_ADDRS);
	ms_vmalloc_stats_release(&st);
	ms_vmallocinfo_release(&vi);

	/* real, but no VmallocTotal */
	parse_ok(&vi, gap_file);
	opts.total_bytes = 0;
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(st.frag.state, MS_VMALLOC_FRAG_NO_TOTAL);
	ms_vmalloc_stats_release(&st);

	/* no page size */
	opts.page_size_bytes = 0;
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), -EINVAL);
	ms_vmallocinfo_release(&vi);

	/* an empty file */
	parse_ok(&vi, "");
	opts.page_size_bytes = 4096;
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(st.nr_areas, 0);
	assert_int_equal(st.nr_by_symbol, 0);
	assert_int_equal(st.nr_by_module, 0);
	assert_int_equal(st.frag.state, MS_VMALLOC_FRAG_NO_ADDRS);
	ms_vmalloc_stats_release(&st);
	ms_vmallocinfo_release(&vi);
}

static const char agg_file[] =
	"0x1000000-0x1005000 20480 alloc_a+0x10/0x80 pages=4 vmalloc N0=3 N1=1\n"
	"0x1005000-0x100e000 36864 alloc_a+0x24/0x80 pages=8 vmalloc N1=8\n"
	"0x100e000-0x1010000  8192 alloc_a+0x10/0x80 [mod1] pages=1 vmalloc N0=1\n"
	"0x1010000-0x1012000  8192 mod_fn+0x1/0x10 [mod1] pages=1 vmalloc user N0=1\n"
	"0x1012000-0x1016000 16384 of_iomap+0x30/0x38 phys=0x10 ioremap\n"
	"0x1016000-0x1018000  8192 map_irq_stack+0x93/0xe0 vmap\n"
	"0x1018000-0x101a000  8192 dma_common_contiguous_remap+0x1/0x2 vmap dma-coherent\n"
	"0x101a000-0x101c000  8192 bpf_arena+0x1/0x2 sparse\n"
	"0x101c000-0x101e000  8192 ttm_bo_kmap_ttm+0xce/0x150 [ttm]\n"
	"0x101e000-0x1020000  8192 vm_map_ram\n"
	"0x1020000-0x1023000 12288 unpurged vm_area\n"
	"0x1023000-0x1025000  8192 unpurged vm_area\n"
	"0x1025000-0x1027000  8192 dma_common_pages_remap+0x1/0x2 user dma-coherent\n";

static void test_aggregation(void **state)
{
	struct ms_vmalloc_opts opts = { .page_size_bytes = 4096 };
	struct ms_vmallocinfo vi;
	struct ms_vmalloc_stats st;
	const struct ms_vmalloc_group *t = st.by_type;
	uint64_t sum = 0;
	size_t i;

	(void)state;
	parse_ok(&vi, agg_file);
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(st.nr_areas, 13);
	assert_int_equal(st.size_bytes, 20480 + 36864 + 8192 + 8192 + 16384 +
						8192 * 4 + 8192 + 12288 + 8192 +
						8192);
	assert_int_equal(st.pages, 14);

	/* by type: a partition */
	assert_string_equal(t[MS_VMALLOC_T_VMALLOC].name, "vmalloc");
	assert_group(&t[MS_VMALLOC_T_VMALLOC], 3, 65536, 13, 36864);
	assert_group(&t[MS_VMALLOC_T_USER], 1, 8192, 1, 8192);
	assert_group(&t[MS_VMALLOC_T_IOREMAP], 1, 16384, 0, 16384);
	assert_group(&t[MS_VMALLOC_T_VMAP], 1, 8192, 0, 8192);
	/* dma-coherent comes before user */
	assert_group(&t[MS_VMALLOC_T_DMA_COHERENT], 2, 16384, 0, 8192);
	assert_group(&t[MS_VMALLOC_T_OTHER], 2, 16384, 0, 8192);
	assert_group(&t[MS_VMALLOC_T_VM_MAP_RAM], 1, 8192, 0, 8192);
	assert_group(&t[MS_VMALLOC_T_UNPURGED], 2, 20480, 0, 12288);
	for (i = 0; i < MS_VMALLOC_NR_TYPES; i++)
		sum += t[i].size_bytes;
	assert_int_equal(sum, st.size_bytes);
	assert_string_equal(ms_vmalloc_type_name(MS_VMALLOC_T_UNPURGED),
			    "unpurged");
	assert_string_equal(ms_vmalloc_type_name(MS_VMALLOC_T_DMA_COHERENT),
			    "dma-coherent");

	/* by symbol: call sites folded, modules kept apart */
	assert_int_equal(st.nr_by_symbol, 10);
	assert_group(find_group(st.by_symbol, st.nr_by_symbol, "alloc_a", NULL),
		     2, 57344, 12, 36864);
	assert_group(
		find_group(st.by_symbol, st.nr_by_symbol, "alloc_a", "mod1"), 1,
		8192, 1, 8192);
	assert_group(find_group(st.by_symbol, st.nr_by_symbol, NULL, NULL), 3,
		     28672, 0, 12288);
	/* sorted by size, largest first */
	assert_string_equal(st.by_symbol[0].name, "alloc_a");
	assert_null(st.by_symbol[0].module);
	assert_null(st.by_symbol[1].name);
	assert_string_equal(st.by_symbol[2].name, "of_iomap");

	/* by module */
	assert_int_equal(st.nr_by_module, 3);
	assert_group(find_group(st.by_module, st.nr_by_module, "mod1", NULL), 2,
		     16384, 2, 8192);
	assert_group(find_group(st.by_module, st.nr_by_module, "ttm", NULL), 1,
		     8192, 0, 8192);
	assert_group(find_group(st.by_module, st.nr_by_module, NULL, NULL), 10,
		     st.size_bytes - 24576, 12, 36864);
	assert_null(st.by_module[0].name);

	/* nodes */
	assert_int_equal(st.nr_nodes, 2);
	assert_int_equal(st.nodes[0].node, 0);
	assert_int_equal(st.nodes[0].pages, 5);
	assert_int_equal(st.nodes[0].areas, 3);
	assert_int_equal(st.nodes[1].node, 1);
	assert_int_equal(st.nodes[1].pages, 9);
	assert_int_equal(st.nodes[1].areas, 2);
	assert_int_equal(st.numa_pages, 14);

	/* top N by another key */
	ms_vmalloc_groups_sort(st.by_symbol, st.nr_by_symbol,
			       MS_VMALLOC_SORT_COUNT);
	assert_null(st.by_symbol[0].name); /* 3 areas */
	assert_string_equal(st.by_symbol[1].name, "alloc_a");
	/* ties by name, then module */
	assert_string_equal(st.by_symbol[2].name, "alloc_a");
	assert_string_equal(st.by_symbol[2].module, "mod1");
	assert_string_equal(st.by_symbol[3].name, "bpf_arena");
	ms_vmalloc_groups_sort(st.by_symbol, st.nr_by_symbol,
			       MS_VMALLOC_SORT_PAGES);
	assert_string_equal(st.by_symbol[0].name, "alloc_a");
	assert_int_equal(st.by_symbol[0].pages, 12);
	ms_vmalloc_groups_sort(st.by_symbol, st.nr_by_symbol,
			       MS_VMALLOC_SORT_LARGEST);
	assert_int_equal(st.by_symbol[0].largest_bytes, 36864);
	assert_int_equal(st.by_symbol[1].largest_bytes, 16384);
	ms_vmalloc_groups_sort(st.by_symbol, st.nr_by_symbol,
			       MS_VMALLOC_SORT_NAME);
	/* same name: the module first, built-in (NULL) after */
	assert_string_equal(st.by_symbol[0].name, "alloc_a");
	assert_string_equal(st.by_symbol[0].module, "mod1");
	assert_string_equal(st.by_symbol[1].name, "alloc_a");
	assert_null(st.by_symbol[1].module);
	assert_string_equal(st.by_symbol[4].name, "dma_common_pages_remap");
	assert_string_equal(st.by_symbol[8].name, "ttm_bo_kmap_ttm");
	assert_null(st.by_symbol[9].name);

	ms_vmalloc_stats_release(&st);
	ms_vmallocinfo_release(&vi);
}

static void test_delta_groups(void **state)
{
	const struct ms_vmalloc_group old[] = {
		{ "a", NULL, 2, 8192, 2, 4096 },
		{ "b", "m", 1, 4096, 1, 4096 },
		{ "c", NULL, 1, 4096, 1, 4096 },
		{ "b", NULL, 3, 12288, 3, 4096 },
		{ NULL, NULL, 4, 16384, 0, 4096 },
	};
	const struct ms_vmalloc_group new[] = {
		{ "d", NULL, 1, 8192, 2, 8192 },
		{ "b", "m", 1, 4096, 1, 4096 },
		{ "a", NULL, 5, 20480, 5, 4096 },
		{ "b", NULL, 2, 8192, 2, 4096 },
		{ NULL, NULL, 4, 16384, 0, 4096 },
	};
	struct ms_vmalloc_delta *d;
	size_t n;

	(void)state;
	assert_int_equal(ms_vmalloc_delta(&d, &n, old, ARRAY_SIZE(old), new,
					  ARRAY_SIZE(new), 2000),
			 0);
	/* "b [m]" and the no-caller group did not change */
	assert_int_equal(n, 4);
	assert_string_equal(d[0].name, "a");
	assert_null(d[0].module);
	assert_int_equal(d[0].count, 5);
	assert_int_equal(d[0].size_bytes, 20480);
	assert_int_equal(d[0].count_delta, 3);
	assert_int_equal(d[0].size_bytes_delta, 12288);
	assert_int_equal(d[0].pages_delta, 3);
	assert_true(d[0].size_bytes_per_sec == 6144.0);
	assert_true(d[0].count_per_sec == 1.5);
	assert_true(d[0].pages_per_sec == 1.5);
	assert_string_equal(d[1].name, "d");
	assert_int_equal(d[1].count_delta, 1);
	assert_int_equal(d[1].size_bytes_delta, 8192);
	assert_int_equal(d[1].pages_delta, 2);
	/* shrinking: "b" built-in lost one, "c" is gone */
	assert_string_equal(d[2].name, "b");
	assert_null(d[2].module);
	assert_int_equal(d[2].count_delta, -1);
	assert_int_equal(d[2].size_bytes_delta, -4096);
	assert_string_equal(d[3].name, "c");
	assert_int_equal(d[3].count, 0);
	assert_int_equal(d[3].size_bytes, 0);
	assert_int_equal(d[3].count_delta, -1);
	assert_true(d[3].size_bytes_per_sec == -2048.0);
	free(d);

	/* no interval: deltas without rates */
	assert_int_equal(ms_vmalloc_delta(&d, &n, old, 1, new + 2, 1, 0), 0);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].size_bytes_delta, 12288);
	assert_true(d[0].size_bytes_per_sec == 0.0);
	free(d);

	/* nothing changed; empty inputs */
	assert_int_equal(ms_vmalloc_delta(&d, &n, old, ARRAY_SIZE(old), old,
					  ARRAY_SIZE(old), 1000),
			 0);
	assert_int_equal(n, 0);
	assert_null(d);
	assert_int_equal(ms_vmalloc_delta(&d, &n, NULL, 0, NULL, 0, 1000), 0);
	assert_int_equal(n, 0);
	assert_int_equal(ms_vmalloc_delta(&d, &n, NULL, 0, new, 1, 1000), 0);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].count_delta, 1);
	free(d);
}

/* two samples of a leak, as --watch sees them */
static void test_delta_samples(void **state)
{
	struct ms_vmalloc_opts opts = { .page_size_bytes = 4096 };
	struct ms_vmallocinfo v1, v2;
	struct ms_vmalloc_stats s1, s2;
	struct ms_vmalloc_delta *d;
	size_t n;

	(void)state;
	parse_ok(&v1,
		 "0x1000-0x3000 8192 leaky+0x1/0x20 [drv] pages=1 vmalloc\n"
		 "0x3000-0x5000 8192 steady+0x1/0x20 pages=1 vmalloc\n");
	parse_ok(&v2,
		 "0x1000-0x3000 8192 leaky+0x1/0x20 [drv] pages=1 vmalloc\n"
		 "0x3000-0x5000 8192 steady+0x1/0x20 pages=1 vmalloc\n"
		 "0x5000-0x8000 12288 leaky+0x9/0x20 [drv] pages=2 vmalloc\n"
		 "0x8000-0xb000 12288 leaky+0x1/0x20 [drv] pages=2 vmalloc\n");
	assert_int_equal(ms_vmalloc_analyze(&s1, &v1, &opts), 0);
	assert_int_equal(ms_vmalloc_analyze(&s2, &v2, &opts), 0);
	assert_int_equal(ms_vmalloc_delta(&d, &n, s1.by_symbol, s1.nr_by_symbol,
					  s2.by_symbol, s2.nr_by_symbol, 10000),
			 0);
	assert_int_equal(n, 1);
	assert_string_equal(d[0].name, "leaky");
	assert_string_equal(d[0].module, "drv");
	assert_int_equal(d[0].count_delta, 2);
	assert_int_equal(d[0].size_bytes_delta, 24576);
	assert_int_equal(d[0].pages_delta, 4);
	assert_true(d[0].size_bytes_per_sec == 2457.6);
	free(d);

	/* by module and by type work the same way */
	assert_int_equal(ms_vmalloc_delta(&d, &n, s1.by_module, s1.nr_by_module,
					  s2.by_module, s2.nr_by_module, 10000),
			 0);
	assert_int_equal(n, 1);
	assert_string_equal(d[0].name, "drv");
	free(d);
	assert_int_equal(ms_vmalloc_delta(&d, &n, s1.by_type,
					  MS_VMALLOC_NR_TYPES, s2.by_type,
					  MS_VMALLOC_NR_TYPES, 10000),
			 0);
	assert_int_equal(n, 1);
	assert_string_equal(d[0].name, "vmalloc");
	assert_int_equal(d[0].count_delta, 2);
	free(d);

	ms_vmalloc_stats_release(&s1);
	ms_vmalloc_stats_release(&s2);
	ms_vmallocinfo_release(&v1);
	ms_vmallocinfo_release(&v2);
}

/* The kept groups own their names: the sample they came from can go. */
static void test_kept(void **state)
{
	struct ms_vmalloc_kept k = { 0 };
	struct ms_vmalloc_group g[2] = {
		{ .name = NULL,
		  .module = NULL,
		  .count = 3,
		  .size_bytes = 12288 },
		{ .name = NULL,
		  .module = NULL,
		  .count = 1,
		  .size_bytes = 8192 },
	};
	char n0[] = "alloc_large_system_hash", n1[] = "load_module";
	char m1[] = "xfs";

	(void)state;
	g[0].name = n0;
	g[1].name = n1;
	g[1].module = m1;
	assert_int_equal(ms_vmalloc_kept_set(&k, g, 2), 0);
	memset(n0, 'x', sizeof(n0) - 1);
	memset(m1, 'y', sizeof(m1) - 1);
	assert_int_equal(k.nr, 2);
	assert_string_equal(k.groups[0].name, "alloc_large_system_hash");
	assert_null(k.groups[0].module);
	assert_string_equal(k.groups[1].module, "xfs");
	assert_true(k.groups[0].count == 3 && k.groups[1].size_bytes == 8192);
	/* a new sample replaces the old one */
	assert_int_equal(ms_vmalloc_kept_set(&k, &g[1], 1), 0);
	assert_int_equal(k.nr, 1);
	assert_string_equal(k.groups[0].name, "load_module");
	assert_string_equal(k.groups[0].module, "yyy");
	ms_vmalloc_kept_release(&k);
	assert_null(k.groups);
	assert_int_equal(k.nr, 0);
	/* an empty sample keeps nothing, and releasing twice is harmless */
	assert_int_equal(ms_vmalloc_kept_set(&k, g, 0), 0);
	assert_int_equal(k.nr, 0);
	ms_vmalloc_kept_release(&k);
	ms_vmalloc_kept_release(&k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gaps_given_start),
		cmocka_unit_test(test_gaps_inferred_start),
		cmocka_unit_test(test_gaps_sorted),
		cmocka_unit_test(test_frag_unknown),
		cmocka_unit_test(test_aggregation),
		cmocka_unit_test(test_delta_groups),
		cmocka_unit_test(test_delta_samples),
		cmocka_unit_test(test_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
