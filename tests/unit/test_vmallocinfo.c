// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "proc/vmallocinfo.h"

static int parse_len(struct ms_vmallocinfo *vi, const char *text, size_t len,
		     struct ms_diag *diag)
{
	memset(diag, 0, sizeof(*diag));
	return ms_vmallocinfo_parse(vi, text, len, "vmallocinfo", diag);
}

static int parse(struct ms_vmallocinfo *vi, const char *text,
		 struct ms_diag *diag)
{
	return parse_len(vi, text, strlen(text), diag);
}

static void expect_error_len(const char *text, size_t len, unsigned int line,
			     const char *msg)
{
	struct ms_vmallocinfo vi;
	struct ms_diag diag;

	assert_int_equal(parse_len(&vi, text, len, &diag), -EINVAL);
	assert_string_equal(diag.file, "vmallocinfo");
	assert_string_equal(diag.msg, msg);
	assert_int_equal(diag.line, line);
	/* a failed parse leaves nothing to free */
	assert_null(vi.areas);
	assert_null(vi.strings);
	assert_int_equal(vi.nr_areas, 0);
}

static void expect_error(const char *text, unsigned int line, const char *msg)
{
	expect_error_len(text, strlen(text), line, msg);
}

static const char *area_extra(const struct ms_vmallocinfo *vi,
			      const struct ms_vmalloc_area *a, unsigned int i)
{
	assert_true(i < a->nr_extra);
	return vi->extra_names[vi->extra[a->extra_first + i]];
}

/* x86-64, 5.x, real addresses: every shape of jc's and hotsos's files */
static void test_real_x86_64(void **state)
{
	const char *text =
		"0xffffb3c1c0000000-0xffffb3c1c0005000   20480 map_irq_stack+0x93/0xe0 vmap\n"
		"0xffffb3c1c0005000-0xffffb3c1c0007000    8192 acpi_os_map_iomem+0x1ac/0x1c0 phys=0x00000000bfefe000 ioremap\n"
		"0xffffb3c1c0019000-0xffffb3c1c001e000   20480 dup_task_struct+0x4a/0x1b0 pages=4 vmalloc N0=4\n"
		"0xffffb3c1c0b19000-0xffffb3c1c0cef000 1925120 ttm_bo_kmap_ttm+0xce/0x150 [ttm]\n"
		"0xffffffffc0315000-0xffffffffc031e000   36864 move_module+0x23/0x1a0 pages=8 vmalloc N0=8\n"
		"0xffffb3c1c0d80000-0xffffb3c1c0d85000   20480 unpurged vm_area\n"
		"0xffffb3c1c0063000-0xffffb3c1c0065000    8192 vm_map_ram\n";
	struct ms_vmallocinfo vi;
	struct ms_diag diag;
	const struct ms_vmalloc_area *a;
	const struct ms_vmalloc_caller *c;

	(void)state;
	assert_int_equal(parse(&vi, text, &diag), 0);
	assert_int_equal(vi.nr_areas, 7);
	assert_int_equal(vi.addrs, MS_VMALLOC_ADDRS_REAL);
	assert_int_equal(vi.ptr_bits, 64);

	a = &vi.areas[0];
	assert_true(a->start == 0xffffb3c1c0000000ull);
	assert_true(a->end == 0xffffb3c1c0005000ull);
	assert_int_equal(a->size_bytes, 20480);
	assert_int_equal(a->pages, 0);
	assert_false(a->has_phys);
	assert_int_equal(a->flags, MS_VMALLOC_VMAP);
	assert_int_equal(a->line, 1);
	assert_int_equal(a->nr_nodes, 0);
	c = ms_vmalloc_area_caller(&vi, a);
	assert_non_null(c);
	assert_string_equal(c->text, "map_irq_stack+0x93/0xe0");
	assert_string_equal(vi.symbols[c->symbol], "map_irq_stack");
	assert_int_equal(c->offset, 0x93);
	assert_int_equal(c->symbol_size, 0xe0);
	assert_false(c->is_address);
	assert_null(ms_vmalloc_caller_module(&vi, c));

	a = &vi.areas[1];
	assert_true(a->has_phys);
	assert_true(ms_vmalloc_area_phys(&vi, a) == 0xbfefe000ull);
	assert_int_equal(a->flags, MS_VMALLOC_IOREMAP);
	assert_string_equal(vi.callers[a->caller].text,
			    "acpi_os_map_iomem+0x1ac/0x1c0");

	a = &vi.areas[2];
	assert_int_equal(a->pages, 4);
	assert_int_equal(a->flags, MS_VMALLOC_VMALLOC);
	assert_int_equal(a->nr_nodes, 1);
	assert_int_equal(vi.node_pages[a->nodes_first].node, 0);
	assert_int_equal(vi.node_pages[a->nodes_first].pages, 4);

	/* a module caller and no flag at all */
	a = &vi.areas[3];
	c = ms_vmalloc_area_caller(&vi, a);
	assert_string_equal(c->text, "ttm_bo_kmap_ttm+0xce/0x150");
	assert_string_equal(vi.symbols[c->symbol], "ttm_bo_kmap_ttm");
	assert_string_equal(ms_vmalloc_caller_module(&vi, c), "ttm");
	assert_int_equal(a->flags, 0);
	assert_int_equal(a->nr_extra, 0);

	a = &vi.areas[5];
	assert_int_equal(a->flags, MS_VMALLOC_UNPURGED);
	assert_int_equal(a->caller, MS_VMALLOC_NONE);
	assert_null(ms_vmalloc_area_caller(&vi, a));
	assert_int_equal(a->size_bytes, 20480);
	assert_int_equal(a->line, 6);

	a = &vi.areas[6];
	assert_int_equal(a->flags, MS_VMALLOC_VM_MAP_RAM);
	assert_int_equal(a->caller, MS_VMALLOC_NONE);
	assert_true(a->start == 0xffffb3c1c0063000ull);

	assert_int_equal(vi.nr_callers, 5);
	assert_int_equal(vi.nr_modules, 1);
	assert_int_equal(vi.nr_node_pages, 2);
	ms_vmallocinfo_release(&vi);
	/* release is idempotent on the zeroed result */
	ms_vmallocinfo_release(&vi);
}

/* 32-bit ARM, 3.x/4.x: phys= without 0x, vpages, modules, vendor flag */
static void test_arm32_old_format(void **state)
{
	const char *text =
		"0xbf000000-0xbf03d000  249856 module_alloc_update_bounds+0x14/0x64 pages=60 vmalloc\n"
		"0xc0000000-0xc7a00000 127926272 map_lowmem+0x0/0x240 phys=80000000 lowmem\n"
		"0xde151000-0xde153000    8192 NewVMallocLinuxMemArea+0x8c/0x14c [pvrsrvkm] vmalloc vpages\n"
		"0xf8000000-0xf8010000   65536 iotable_init+0x0/0xd4 phys=8000000 ioremap\n";
	struct ms_vmallocinfo vi;
	struct ms_diag diag;
	const struct ms_vmalloc_area *a;
	const struct ms_vmalloc_caller *c;

	(void)state;
	assert_int_equal(parse(&vi, text, &diag), 0);
	assert_int_equal(vi.nr_areas, 4);
	assert_int_equal(vi.addrs, MS_VMALLOC_ADDRS_REAL);
	assert_int_equal(vi.ptr_bits, 32);

	a = &vi.areas[1];
	assert_int_equal(a->size_bytes, 127926272);
	assert_true(a->has_phys);
	assert_true(ms_vmalloc_area_phys(&vi, a) == 0x80000000ull);
	assert_int_equal(a->flags, 0);
	assert_int_equal(a->nr_extra, 1);
	assert_string_equal(area_extra(&vi, a, 0), "lowmem");
	c = ms_vmalloc_area_caller(&vi, a);
	assert_int_equal(c->offset, 0);
	assert_int_equal(c->symbol_size, 0x240);

	a = &vi.areas[2];
	assert_int_equal(a->flags, MS_VMALLOC_VMALLOC | MS_VMALLOC_VPAGES);
	assert_int_equal(a->pages, 0);
	c = ms_vmalloc_area_caller(&vi, a);
	assert_string_equal(ms_vmalloc_caller_module(&vi, c), "pvrsrvkm");

	a = &vi.areas[3];
	assert_true(ms_vmalloc_area_phys(&vi, a) == 0x8000000ull);
	assert_int_equal(a->flags, MS_VMALLOC_IOREMAP);
	assert_int_equal(vi.nr_extra_names, 1);
	ms_vmallocinfo_release(&vi);
}

/*
 * 5.x with kptr_restrict=0 and no kallsyms: hashed addresses chained from
 * one line to the next, callers printed as bare addresses
 */
static void test_hashed_bare_callers(void **state)
{
	const char *text =
		"0x000000002f14e275-0x0000000052bf4e95   20480 0xffffffff810160e1 vmap\n"
		"0x0000000052bf4e95-0x000000004b9e9e91    8192 0xffffffff81797b34 phys=0x00000000dc0cf000 ioremap\n"
		"0x0000000069bbeb28-0x000000004320796e   32768 0xffffffff81797b34 phys=0x00000000dc0c9000 ioremap\n"
		"0x000000004307bcf8-0x0000000009491f73   77824 0xffffffffa00c6f82\n";
	struct ms_vmallocinfo vi;
	struct ms_diag diag;
	const struct ms_vmalloc_caller *c;

	(void)state;
	assert_int_equal(parse(&vi, text, &diag), 0);
	assert_int_equal(vi.nr_areas, 4);
	assert_int_equal(vi.addrs, MS_VMALLOC_ADDRS_HASHED);
	assert_int_equal(vi.ptr_bits, 64);
	c = ms_vmalloc_area_caller(&vi, &vi.areas[0]);
	assert_true(c->is_address);
	assert_true(c->address == 0xffffffff810160e1ull);
	assert_string_equal(c->text, "0xffffffff810160e1");
	assert_string_equal(vi.symbols[c->symbol], "0xffffffff810160e1");
	assert_int_equal(c->offset, 0);
	assert_int_equal(vi.areas[1].caller, vi.areas[2].caller);
	assert_int_equal(vi.areas[3].flags, 0);
	assert_int_equal(vi.nr_callers, 3);
	assert_int_equal(vi.nr_symbols, 3);
	ms_vmallocinfo_release(&vi);
}

/* the rule: mismatching sizes, or 16 digits with nothing above bit 31 */
static void test_address_classes(void **state)
{
	struct ms_vmallocinfo vi;
	struct ms_diag diag;

	(void)state;
	/* kptr_restrict=2: zeros everywhere */
	assert_int_equal(
		parse(&vi,
		      "0x0000000000000000-0x0000000000000000   20480 map_irq_stack+0x93/0xe0 vmap\n"
		      "0x0000000000000000-0x0000000000000000    8192 unpurged vm_area\n",
		      &diag),
		0);
	assert_int_equal(vi.addrs, MS_VMALLOC_ADDRS_HIDDEN);
	assert_int_equal(vi.ptr_bits, 64);
	ms_vmallocinfo_release(&vi);

	/* 32-bit hash: only the sizes give it away */
	assert_int_equal(
		parse(&vi,
		      "0x5f268a36-0x56d7e91a    8192 of_iomap+0x30/0x38 phys=f8000000 ioremap\n"
		      "0x56d7e91a-0x7aa1b2c3    8192 of_iomap+0x30/0x38 phys=f8001000 ioremap\n"
		      "0x10000000-0x10002000    8192 of_iomap+0x30/0x38 phys=f8002000 ioremap\n",
		      &diag),
		0);
	assert_int_equal(vi.addrs, MS_VMALLOC_ADDRS_HASHED);
	assert_int_equal(vi.ptr_bits, 32);
	ms_vmallocinfo_release(&vi);

	/*
	 * 64-bit hash whose numbers happen to differ by the size: still
	 * hashed, no 64-bit kernel maps vmalloc below 4 GiB
	 */
	assert_int_equal(
		parse(&vi,
		      "0x0000000010000000-0x0000000010002000    8192 of_iomap+0x30/0x38 ioremap\n",
		      &diag),
		0);
	assert_int_equal(vi.addrs, MS_VMALLOC_ADDRS_HASHED);
	ms_vmallocinfo_release(&vi);

	/* the same numbers printed by a 32-bit kernel are real */
	assert_int_equal(
		parse(&vi,
		      "0x10000000-0x10002000    8192 of_iomap+0x30/0x38 ioremap\n",
		      &diag),
		0);
	assert_int_equal(vi.addrs, MS_VMALLOC_ADDRS_REAL);
	ms_vmallocinfo_release(&vi);

	/* empty files (captured without root) hold no area */
	assert_int_equal(parse(&vi, "", &diag), 0);
	assert_int_equal(vi.nr_areas, 0);
	assert_int_equal(vi.addrs, MS_VMALLOC_ADDRS_NONE);
	assert_int_equal(vi.ptr_bits, 0);
	ms_vmallocinfo_release(&vi);
	assert_int_equal(parse(&vi, "\n  \n", &diag), 0);
	assert_int_equal(vi.nr_areas, 0);
	ms_vmallocinfo_release(&vi);

	assert_string_equal(ms_vmallocinfo_addrs_name(MS_VMALLOC_ADDRS_REAL),
			    "real");
	assert_string_equal(ms_vmallocinfo_addrs_name(MS_VMALLOC_ADDRS_HASHED),
			    "hashed");
	assert_string_equal(ms_vmallocinfo_addrs_name(MS_VMALLOC_ADDRS_HIDDEN),
			    "hidden");
	assert_string_equal(ms_vmallocinfo_addrs_name(MS_VMALLOC_ADDRS_NONE),
			    "none");
}

/* every flag the kernel prints, vendor words, no caller, size only */
static void test_flags_and_no_caller(void **state)
{
	const char *text =
		"0x1000000-0x1002000 8192 pages=1 ioremap sparse vmalloc vmap user dma-coherent vpages\n"
		"0x1002000-0x1003000 4096\n"
		"0x1003000-0x1005000 8192 vmalloc lowmem qcom_secure-buf.2 lowmem N0=1\n"
		"0x1005000-0x1006000 4096 phys=0x10 sparse\n"
		"0x1006000-0x1007000 4096 phys=0x20 lowmem\n";
	struct ms_vmallocinfo vi;
	struct ms_diag diag;
	const struct ms_vmalloc_area *a;

	(void)state;
	assert_int_equal(parse(&vi, text, &diag), 0);
	assert_int_equal(vi.nr_areas, 5);
	a = &vi.areas[0];
	assert_false(a->has_phys);
	assert_int_equal(ms_vmalloc_area_phys(&vi, a), 0);
	assert_int_equal(a->caller, MS_VMALLOC_NONE);
	assert_int_equal(a->pages, 1);
	assert_int_equal(a->flags, MS_VMALLOC_IOREMAP | MS_VMALLOC_SPARSE |
					   MS_VMALLOC_VMALLOC |
					   MS_VMALLOC_VMAP | MS_VMALLOC_USER |
					   MS_VMALLOC_DMA_COHERENT |
					   MS_VMALLOC_VPAGES);
	a = &vi.areas[1];
	assert_int_equal(a->caller, MS_VMALLOC_NONE);
	assert_int_equal(a->flags, 0);
	assert_int_equal(a->size_bytes, 4096);
	a = &vi.areas[2];
	assert_int_equal(a->flags, MS_VMALLOC_VMALLOC);
	assert_int_equal(a->nr_extra, 3);
	assert_string_equal(area_extra(&vi, a, 0), "lowmem");
	assert_string_equal(area_extra(&vi, a, 1), "qcom_secure-buf.2");
	assert_string_equal(area_extra(&vi, a, 2), "lowmem");
	assert_int_equal(vi.nr_extra_names, 2);
	assert_int_equal(a->nr_nodes, 1);
	a = &vi.areas[3];
	assert_true(a->has_phys);
	assert_int_equal(ms_vmalloc_area_phys(&vi, a), 0x10);
	assert_int_equal(a->flags, MS_VMALLOC_SPARSE);
	/* a vendor word after phys=: kept once, by the second parse */
	a = &vi.areas[4];
	assert_int_equal(ms_vmalloc_area_phys(&vi, a), 0x20);
	assert_int_equal(a->nr_extra, 1);
	assert_int_equal(vi.nr_phys, 2);
	ms_vmallocinfo_release(&vi);

	assert_string_equal(ms_vmalloc_flag_name(MS_VMALLOC_DMA_COHERENT),
			    "dma-coherent");
	assert_string_equal(ms_vmalloc_flag_name(MS_VMALLOC_UNPURGED),
			    "unpurged vm_area");
	assert_string_equal(ms_vmalloc_flag_name(MS_VMALLOC_VM_MAP_RAM),
			    "vm_map_ram");
	assert_null(ms_vmalloc_flag_name(MS_VMALLOC_VMAP | MS_VMALLOC_USER));
	assert_null(ms_vmalloc_flag_name(0));
}

static void test_numa(void **state)
{
	const char *text =
		"0xffffa00000000000-0xffffa00000011000 69632 alloc_large_system_hash+0x19a/0x25a pages=16 vmalloc N0=12 N1=4\n"
		"0xffffa00000011000-0xffffa00000013000  8192 bpf_prog_alloc+0x3b/0xa0 pages=1 vmalloc N3=1\n"
		"0xffffa00000013000-0xffffa00000015000  8192 bpf_prog_alloc+0x3b/0xa0 pages=1 vmalloc\n"
		"0xffffa00000015000-0xffffa00000416000 4198400 vmalloc_huge+0x1/0x2 pages=1024 vmalloc N0=512 N1=0 N1023=512\n";
	struct ms_vmallocinfo vi;
	struct ms_diag diag;
	const struct ms_vmalloc_area *a;

	(void)state;
	assert_int_equal(parse(&vi, text, &diag), 0);
	assert_int_equal(vi.nr_node_pages, 6);
	a = &vi.areas[0];
	assert_int_equal(a->nr_nodes, 2);
	assert_int_equal(vi.node_pages[a->nodes_first].node, 0);
	assert_int_equal(vi.node_pages[a->nodes_first].pages, 12);
	assert_int_equal(vi.node_pages[a->nodes_first + 1].node, 1);
	assert_int_equal(vi.node_pages[a->nodes_first + 1].pages, 4);
	a = &vi.areas[1];
	assert_int_equal(a->nr_nodes, 1);
	assert_int_equal(vi.node_pages[a->nodes_first].node, 3);
	assert_int_equal(vi.areas[2].nr_nodes, 0);
	a = &vi.areas[3];
	assert_int_equal(a->nr_nodes, 3);
	assert_int_equal(vi.node_pages[a->nodes_first + 2].node, 1023);
	assert_int_equal(vi.node_pages[a->nodes_first + 2].pages, 512);
	/* one caller, two lines */
	assert_int_equal(vi.areas[1].caller, vi.areas[2].caller);
	ms_vmallocinfo_release(&vi);
}

/* 5.x+ appends unpurged areas after the sorted list; order is kept */
static void test_unsorted_trailing(void **state)
{
	const char *text =
		"0xffffb50540000000-0xffffb50540005000   20480 irq_init_percpu_irqstack+0xd0/0x100 vmap\n"
		"0xffffb50540005000-0xffffb50540007000    8192 acpi_os_map_iomem+0x1ac/0x1c0 phys=0x00000000bffe1000 ioremap\n"
		"0xffffb5054055d000-0xffffb50540561000   16384 unpurged vm_area\n"
		"0xffffb505405c1000-0xffffb505405c5000   16384 unpurged vm_area\n"
		"0xffffb505404f1000-0xffffb505404f3000    8192 unpurged vm_area\n";
	struct ms_vmallocinfo vi;
	struct ms_diag diag;

	(void)state;
	assert_int_equal(parse(&vi, text, &diag), 0);
	assert_int_equal(vi.addrs, MS_VMALLOC_ADDRS_REAL);
	assert_true(vi.areas[3].start == 0xffffb505405c1000ull);
	assert_true(vi.areas[4].start == 0xffffb505404f1000ull);
	assert_int_equal(vi.areas[4].line, 5);
	ms_vmallocinfo_release(&vi);
}

/*
 * Caller identity: text and module together. Build ids (%pSb) are
 * dropped. CRLF line ends and tabs are blanks.
 */
static void test_callers(void **state)
{
	const char *text =
		"0x1000-0x3000 8192 init_one+0x10/0x80 [mod_a] pages=1 vmalloc\r\n"
		"0x3000-0x5000 8192 init_one+0x10/0x80 [mod_b] pages=1 vmalloc\r\n"
		"0x5000-0x7000\t8192\tinit_one+0x10/0x80 [mod_a 0123456789abcdef] pages=1 vmalloc\r\n"
		"0x7000-0x9000 8192 init_one+0x24/0x80 [mod_a] pages=1 vmalloc\n"
		"0x9000-0xb000 8192 init_one+0x10/0x80 pages=1 vmalloc\n"
		"0xb000-0xd000 8192 init_one+0x10/0x80 [mod_b] pages=1 vmalloc\n"
		"0xd000-0xf000 8192 __foo.isra.0.cold+0x0/0x1c pages=1 vmalloc\n";
	struct ms_vmallocinfo vi;
	struct ms_diag diag;
	const struct ms_vmalloc_caller *c0, *c1, *c3, *c4;

	(void)state;
	assert_int_equal(parse(&vi, text, &diag), 0);
	assert_int_equal(vi.nr_areas, 7);
	c0 = ms_vmalloc_area_caller(&vi, &vi.areas[0]);
	c1 = ms_vmalloc_area_caller(&vi, &vi.areas[1]);
	c3 = ms_vmalloc_area_caller(&vi, &vi.areas[3]);
	c4 = ms_vmalloc_area_caller(&vi, &vi.areas[4]);
	assert_ptr_not_equal(c0, c1);
	assert_string_equal(c0->text, c1->text);
	assert_int_equal(c0->symbol, c1->symbol);
	assert_string_equal(ms_vmalloc_caller_module(&vi, c0), "mod_a");
	assert_string_equal(ms_vmalloc_caller_module(&vi, c1), "mod_b");
	assert_int_equal(vi.areas[2].caller, vi.areas[0].caller);
	assert_int_equal(vi.areas[5].caller, vi.areas[1].caller);
	assert_int_equal(c3->offset, 0x24);
	assert_int_equal(c3->symbol, c0->symbol);
	assert_null(ms_vmalloc_caller_module(&vi, c4));
	assert_int_equal(c4->symbol, c0->symbol);
	assert_string_equal(
		vi.symbols[ms_vmalloc_area_caller(&vi, &vi.areas[6])->symbol],
		"__foo.isra.0.cold");
	assert_int_equal(vi.nr_callers, 5);
	assert_int_equal(vi.nr_symbols, 2);
	assert_int_equal(vi.nr_modules, 2);
	assert_int_equal(vi.areas[2].size_bytes, 8192);
	assert_int_equal(vi.areas[6].line, 7);
	ms_vmallocinfo_release(&vi);
}

/* enough distinct strings to grow every table several times */
static void test_many_callers(void **state)
{
	size_t cap = 5000 * 96, len = 0;
	char *buf = malloc(cap);
	struct ms_vmallocinfo vi;
	struct ms_diag diag;
	unsigned int i;

	(void)state;
	assert_non_null(buf);
	for (i = 0; i < 5000; i++)
		len += (size_t)snprintf(
			buf + len, cap - len,
			"0x%x-0x%x 8192 fn_%u+0x%x/0x100 [m%u] pages=1 vmalloc v%u\n",
			0x100000u + i * 0x2000u, 0x102000u + i * 0x2000u,
			i % 700, i % 3, i % 50, i % 300);
	assert_int_equal(parse_len(&vi, buf, len, &diag), 0);
	assert_int_equal(vi.nr_areas, 5000);
	assert_int_equal(vi.nr_symbols, 700);
	assert_int_equal(vi.nr_modules, 50);
	assert_int_equal(vi.nr_extra_names, 300);
	for (i = 0; i < 5000; i++) {
		const struct ms_vmalloc_caller *c =
			ms_vmalloc_area_caller(&vi, &vi.areas[i]);
		char want[32];

		snprintf(want, sizeof(want), "fn_%u", i % 700);
		assert_string_equal(vi.symbols[c->symbol], want);
		assert_int_equal(c->offset, i % 3);
		snprintf(want, sizeof(want), "m%u", i % 50);
		assert_string_equal(ms_vmalloc_caller_module(&vi, c), want);
		snprintf(want, sizeof(want), "v%u", i % 300);
		assert_string_equal(area_extra(&vi, &vi.areas[i], 0), want);
	}
	ms_vmallocinfo_release(&vi);
	free(buf);
}

static void test_errors(void **state)
{
	static const char ok[] =
		"0xffffb3c1c0000000-0xffffb3c1c0005000   20480 map_irq_stack+0x93/0xe0 vmap\n";
	char text[512];

	(void)state;
	/* a line wrapped in two: the second half has no address range */
	expect_error(
		"0xffffb3c1c0019000-0xffffb3c1c001e000   20480 dup_task_struct+0x4a/0x1b0\n"
		"  pages=4 vmalloc N0=4\n",
		2,
		"expected '0xSTART-0xEND' at the start of the line, found 'pages=4'");
	/* two lines joined: the second range lands among the flags */
	expect_error(
		"0x1000-0x3000 8192 f+0x1/0x2 vmalloc 0x3000-0x5000 8192 g+0x1/0x2 vmalloc\n",
		1, "expected a flag or 'key=value', found '0x3000-0x5000'");
	/* truncated lines */
	expect_error(
		"0xffffb3c1c0000000-0xffffb3c1c0005000   20480 map_irq_stack+0x93/0xe0 vmap\n"
		"0xffffb3c1c0005000-\n",
		2,
		"expected '0xSTART-0xEND' at the start of the line, found '0xffffb3c1c0005000-'");
	expect_error("0xffffb3c1c0005000-0xffffb3c1c0007000\n", 1,
		     "expected a size in bytes after the address range");
	/*
	 * a file cut short: the rest of its last line could still parse,
	 * as an unknown flag "vmal" or "pa", or a caller "+0xb8/0x4"
	 */
	expect_error(
		"0xffffb3c1c0000000-0xffffb3c1c0005000   20480 map_irq_stack+0x93/0xe0 vmap\n"
		"0xffffb3c1c0014000-0xffffb3c1c0019000   20480 kernel_clone+0xb8/0x400 pages=4 vmal",
		2,
		"expected a newline at the end of the line: the file is truncated");
	expect_error(
		"0x1000-0x3000 8192 f+0x1/0x2 pa", 1,
		"expected a newline at the end of the line: the file is truncated");
	expect_error(
		"0x1000-0x3000 8192 kernel_clone+0xb8/0x4", 1,
		"expected a newline at the end of the line: the file is truncated");
	expect_error(
		"0x1000-0x3000 8192 f+0x1/0x2 pages=1 vmalloc N0=1\n\n0x3", 3,
		"expected a newline at the end of the line: the file is truncated");
	expect_error(
		"0xffffb3c1c0005000-0xffffb3c1c0007000    8192 acpi_os_map_iomem+0x1ac/0x\n",
		1,
		"expected caller 'symbol+0xOFF/0xSIZE', found 'acpi_os_map_iomem+0x1ac/0x'");
	expect_error(
		"0x1000-0x3000 8192 acpi_os_map_iomem+0x1ac\n", 1,
		"expected caller 'symbol+0xOFF/0xSIZE', found 'acpi_os_map_iomem+0x1ac'");
	expect_error("0x1000-0x3000 8192 +0x1/0x2 vmalloc\n", 1,
		     "expected caller 'symbol+0xOFF/0xSIZE', found '+0x1/0x2'");
	expect_error("0x1000-0x3000 8192 unpurged\n", 1,
		     "expected 'unpurged vm_area'");
	expect_error("0x1000-0x3000 8192 unpurged vm_ar\n", 1,
		     "expected 'unpurged vm_area'");
	expect_error(
		"0x1000-0x3000 8192 vm_map_ram pages=2\n", 1,
		"expected the end of the line after 'vm_map_ram', found 'pages=2'");
	expect_error(
		"0x1000-0x3000 8192 unpurged vm_area x\n", 1,
		"expected the end of the line after 'unpurged vm_area', found 'x'");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 [ttm\n", 1,
		     "expected ']' after the module name in '[ttm'");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 [] vmalloc\n", 1,
		     "expected a module name in '[]'");
	/* the longest field the kernel prints is the caller, ~550 bytes */
	{
		char line[2048], sym[700];
		struct ms_vmallocinfo vi;
		struct ms_diag d = { 0 };

		memset(sym, 'a', 512);
		sym[512] = '\0';
		snprintf(
			line, sizeof(line),
			"0x1000-0x3000 8192 %s+0xffffffffffffffff/0xffffffffffffffff vmalloc\n",
			sym);
		assert_int_equal(ms_vmallocinfo_parse(&vi, line, strlen(line),
						      "vmallocinfo", &d),
				 0);
		assert_int_equal(vi.nr_areas, 1);
		ms_vmallocinfo_release(&vi);
		memset(sym, 'a', 601);
		sym[601] = '\0';
		snprintf(line, sizeof(line), "0x1000-0x3000 8192 %s\n", sym);
		expect_error(line, 1,
			     "expected a field of at most 600 bytes, found "
			     "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'");
	}
	/* the size column */
	expect_error("0x1000-0x3000 8k f+0x1/0x2 vmalloc\n", 1,
		     "expected a size in bytes, found '8k'");
	expect_error("0x1000-0x3000 -8192 f+0x1/0x2 vmalloc\n", 1,
		     "expected a size in bytes, found '-8192'");
	expect_error("0x1000-0x3000 99999999999999999999 f+0x1/0x2 vmalloc\n",
		     1, "size '99999999999999999999' does not fit in 64 bits");
	/* overflow elsewhere */
	expect_error("0x1ffffffffffffffff-0x3000 8192 vmalloc\n", 1,
		     "address '0x1ffffffffffffffff' does not fit in 64 bits");
	expect_error("0x1000-0x10000000000000000 8192 vmalloc\n", 1,
		     "address '0x10000000000000000' does not fit in 64 bits");
	expect_error(
		"0x1000-0x3000 8192 f+0x1/0x2 pages=99999999999999999999 vmalloc\n",
		1, "'pages=99999999999999999999' does not fit in 64 bits");
	expect_error(
		"0x1000-0x3000 8192 f+0x10000000000000000/0x2 vmalloc\n", 1,
		"caller offset in 'f+0x10000000000000000/0x2' does not fit in 64 bits");
	expect_error(
		"0x1000-0x3000 8192 0x10000000000000000 vmalloc\n", 1,
		"caller address '0x10000000000000000' does not fit in 64 bits");
	expect_error(
		"0x1000-0x3000 8192 f+0x1/0x2 phys=0x10000000000000000 ioremap\n",
		1, "'phys=0x10000000000000000' does not fit in 64 bits");
	/* key=value fields */
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 pages=x vmalloc\n", 1,
		     "expected a page count in 'pages=x'");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 pages= vmalloc\n", 1,
		     "expected a page count in 'pages='");
	expect_error(
		"0x1000-0x3000 8192 f+0x1/0x2 pages=1 pages=1 vmalloc\n", 1,
		"expected one 'pages=' per line, found a second 'pages=1'");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 phys=zz ioremap\n", 1,
		     "expected a physical address in 'phys=zz'");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 phys=1 phys=2 ioremap\n", 1,
		     "expected one 'phys=' per line, found a second 'phys=2'");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 pages=1 vmalloc N0=\n", 1,
		     "expected 'N<node>=<pages>', found 'N0='");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 pages=1 vmalloc N0=1x\n", 1,
		     "expected 'N<node>=<pages>', found 'N0=1x'");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 pages=1 vmalloc N1024=1\n",
		     1, "expected a node below 1024 in 'N1024=1'");
	expect_error(
		"0x1000-0x3000 8192 f+0x1/0x2 pages=1 vmalloc N99999999999999999999=1\n",
		1, "expected a node below 1024 in 'N99999999999999999999=1'");
	expect_error(
		"0x1000-0x3000 8192 f+0x1/0x2 pages=1 vmalloc N0=4294967296\n",
		1, "'N0=4294967296' does not fit in 32 bits");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 pages=2 vmalloc N1=1 N0=1\n",
		     1, "expected nodes in ascending order, found 'N0=1'");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 pages=2 vmalloc N1=1 N1=1\n",
		     1, "expected nodes in ascending order, found 'N1=1'");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 vmalloc colour=red\n", 1,
		     "expected a flag or 'key=value', found 'colour=red'");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 vmalloc 42\n", 1,
		     "expected a flag or 'key=value', found '42'");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 [m] g+0x1/0x2 vmalloc\n", 1,
		     "expected a flag or 'key=value', found 'g+0x1/0x2'");
	/* real addresses must agree with the size, line by line */
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 vmalloc\n"
		     "\n"
		     "0x3000-0x5000 8192 f+0x1/0x2 vmalloc\n"
		     "0x5000-0x7000 4096 f+0x1/0x2 vmalloc\n",
		     4, "expected size 8192 (end - start), found 4096");
	/* long tokens are cut in messages */
	expect_error(
		"0x1000-0x3000 8192 f+0x1/0x2 vmalloc abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ=1\n",
		1,
		"expected a flag or 'key=value', found 'abcdefghijklmnopqrstuvwxyz0123456789ABCD...'");

	/* binary data: NUL, control characters, non-ASCII bytes */
	snprintf(text, sizeof(text), "%s%s", ok,
		 "0x1000-0x3000 8192 f+0x1/0x2 vm");
	memcpy(text + strlen(text), "\0alloc\n", 8);
	expect_error_len(text, strlen(ok) + 31 + 7, 2,
			 "unexpected binary data");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 vm\x01"
		     "alloc\n",
		     1, "unexpected binary data");
	expect_error("0x1000-0x3000 8192 f+0x1/0x2 vmalloc \xc3\xa9\n", 1,
		     "unexpected binary data");
	expect_error("\x7f"
		     "ELF\x02\x01\x01\n",
		     1, "unexpected binary data");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_x86_64),
		cmocka_unit_test(test_arm32_old_format),
		cmocka_unit_test(test_hashed_bare_callers),
		cmocka_unit_test(test_address_classes),
		cmocka_unit_test(test_flags_and_no_caller),
		cmocka_unit_test(test_numa),
		cmocka_unit_test(test_unsorted_trailing),
		cmocka_unit_test(test_callers),
		cmocka_unit_test(test_many_callers),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
