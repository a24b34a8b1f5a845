// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "analysis/scull.h"
#include "proc/scull.h"
#include "proc/vmallocinfo.h"

/* As kmod/scull.c prints it (seq_printf formats of scull_seq_show()). */
static const char scullp_text[] =
	"scullpmem - version: 1\n"
	"device scullp0 qset 500 order 0 quantum 4096 size 12345 quanta 4\n"
	"  quantum 0 pfn 4100 order 0 node 0\n"
	"  quantum 1 pfn 4101 order 0 node 0\n"
	"  quantum 2 pfn 1048576 order 0 node 0\n"
	"  quantum 3 pfn 1048577 order 0 node 0\n"
	"device scullp1 qset 500 order 0 quantum 4096 size 0 quanta 0\n"
	"device scullp2 qset 7 order 0 quantum 4096 size 16389 quanta 1\n"
	"  quantum 4 pfn 600000 order 0 node 1\n";

static const char scullv_text[] =
	"scullvmem - version: 1\n"
	"device scullv0 qset 500 pages 16 quantum 65536 size 70000 quanta 2\n"
	"  quantum 0 addr 0xffffc90000c45000-0xffffc90000c55000 pages 16\n"
	"  quantum 1 addr 0xffffc90000c57000-0xffffc90000c67000 pages 16\n"
	"device scullv1 qset 500 pages 16 quantum 65536 size 0 quanta 0\n";

static int parse_p(struct ms_scull *sc, const char *text, struct ms_diag *diag)
{
	memset(diag, 0, sizeof(*diag));
	return ms_scullpmem_parse(sc, text, strlen(text), "scullpmem", diag);
}

static int parse_v(struct ms_scull *sc, const char *text, struct ms_diag *diag)
{
	memset(diag, 0, sizeof(*diag));
	return ms_scullvmem_parse(sc, text, strlen(text), "scullvmem", diag);
}

static void expect_p_error(const char *text, unsigned int line, const char *msg)
{
	struct ms_scull sc;
	struct ms_diag diag;

	assert_int_equal(parse_p(&sc, text, &diag), -EINVAL);
	assert_string_equal(diag.file, "scullpmem");
	assert_int_equal(diag.line, line);
	assert_string_equal(diag.msg, msg);
	assert_null(sc.devs);
	assert_null(sc.quanta);
}

static void expect_v_error(const char *text, unsigned int line, const char *msg)
{
	struct ms_scull sc;
	struct ms_diag diag;

	assert_int_equal(parse_v(&sc, text, &diag), -EINVAL);
	assert_string_equal(diag.file, "scullvmem");
	assert_int_equal(diag.line, line);
	assert_string_equal(diag.msg, msg);
}

static void test_scullp(void **state)
{
	const struct ms_scull_quantum *q;
	struct ms_scull sc;
	struct ms_diag diag;

	(void)state;
	assert_int_equal(parse_p(&sc, scullp_text, &diag), 0);
	assert_int_equal(sc.kind, MS_SCULL_P);
	assert_int_equal(sc.version, 1);
	assert_int_equal(sc.nr_devs, 3);
	assert_int_equal(sc.nr_quanta, 5);
	assert_string_equal(sc.devs[0].name, "scullp0");
	assert_int_equal(sc.devs[0].qset, 500);
	assert_int_equal(sc.devs[0].quantum_bytes, 4096);
	assert_int_equal(sc.devs[0].size_bytes, 12345);
	assert_int_equal(sc.devs[0].nr_quanta, 4);
	assert_int_equal(sc.devs[0].line, 2);
	assert_int_equal(sc.devs[1].nr_quanta, 0);
	assert_int_equal(sc.devs[2].qset, 7);
	q = ms_scull_dev_quanta(&sc, 2);
	assert_int_equal(q[0].index, 4);
	assert_int_equal(q[0].pfn, 600000);
	assert_int_equal(q[0].node, 1);
	assert_int_equal(q[0].line, 9);
	q = ms_scull_dev_quanta(&sc, 0);
	assert_int_equal(q[2].pfn, 1048576);
	ms_scull_release(&sc);
}

static void test_unknown_keys_and_lines(void **state)
{
	/* A later version 1 may add keys and lines; keys in any order. */
	const char *text =
		"scullpmem - version: 1.3\n"
		"device scullp0 color blue quanta 1 size 8192 quantum 8192 "
		"order 1 qset 2\n"
		"  quantum 0 zone Normal pfn 1026 order 1\n"
		"  pinned 3\n"
		"stats allocs 5\n"
		"\n";
	struct ms_scull sc;
	struct ms_diag diag;

	(void)state;
	assert_int_equal(parse_p(&sc, text, &diag), 0);
	assert_int_equal(sc.nr_devs, 1);
	assert_int_equal(sc.devs[0].order, 1);
	assert_int_equal(sc.quanta[0].pfn, 1026);
	assert_int_equal(sc.quanta[0].node, -1);
	ms_scull_release(&sc);
}

static void test_scullv(void **state)
{
	struct ms_scull sc;
	struct ms_diag diag;

	(void)state;
	assert_int_equal(parse_v(&sc, scullv_text, &diag), 0);
	assert_int_equal(sc.kind, MS_SCULL_V);
	assert_int_equal(sc.nr_devs, 2);
	assert_int_equal(sc.devs[0].pages, 16);
	assert_int_equal(sc.nr_quanta, 2);
	assert_true(sc.quanta[1].start == 0xffffc90000c57000ull);
	assert_true(sc.quanta[1].end == 0xffffc90000c67000ull);
	assert_int_equal(sc.quanta[1].pages, 16);
	assert_int_equal(ms_scullv_addrs(&sc), MS_VADDRS_REAL);
	ms_scull_release(&sc);

	/* kptr_restrict=2: zeros; before the CRNG is ready: ptrval */
	assert_int_equal(
		parse_v(&sc,
			"scullvmem - version: 1\n"
			"device scullv0 qset 1 pages 1 quantum 4096 size 1 "
			"quanta 1\n"
			"  quantum 0 addr 0x0000000000000000-0x0000000000000000 "
			"pages 1\n",
			&diag),
		0);
	assert_int_equal(ms_scullv_addrs(&sc), MS_VADDRS_HIDDEN);
	ms_scull_release(&sc);
	assert_int_equal(
		parse_v(&sc,
			"scullvmem - version: 1\n"
			"device scullv0 qset 1 pages 1 quantum 4096 size 1 "
			"quanta 1\n"
			"  quantum 0 addr 0x(____ptrval____)-0x(____ptrval____) "
			"pages 1\n",
			&diag),
		0);
	assert_int_equal(ms_scullv_addrs(&sc), MS_VADDRS_HIDDEN);
	ms_scull_release(&sc);
	/* kptr_restrict=0: hashes, unrelated to the span */
	assert_int_equal(
		parse_v(&sc,
			"scullvmem - version: 1\n"
			"device scullv0 qset 1 pages 1 quantum 4096 size 1 "
			"quanta 1\n"
			"  quantum 0 addr 0x000000007d2f8e54-0x00000000c0a1b2f3 "
			"pages 1\n",
			&diag),
		0);
	assert_int_equal(ms_scullv_addrs(&sc), MS_VADDRS_HASHED);
	ms_scull_release(&sc);
}

static void test_errors(void **state)
{
	(void)state;
	expect_p_error(
		"", 0,
		"expected 'scullpmem - version: N', found an empty file");
	expect_p_error("scullvmem - version: 1\n", 1,
		       "expected 'scullpmem - version: N'");
	expect_p_error("scullpmem - version: 2\n", 1,
		       "format version 2 is not supported (memscope reads "
		       "version 1)");
	expect_p_error("scullpmem - version: 2.0\n", 1,
		       "format version 2.0 is not supported (memscope reads "
		       "version 1)");
	expect_p_error("scullpmem - version: x\n", 1,
		       "expected a version number, found 'x'");
	expect_p_error("scullpmem - version: 1\n  quantum 0 pfn 1 order 0\n", 2,
		       "expected a 'device' line before 'quantum'");
	/* found by fuzz_scull: control bytes in a device name were kept */
	expect_p_error("scullpmem - version: 1\n"
		       "device scullv2\377\005 qset 1 order 0 quantum 4096 "
		       "size 0 quanta 0\n",
		       2,
		       "expected a device name after 'device', found "
		       "'scullv2?"
		       "?'");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 0 quantum 4096 size 1\n",
		       2, "expected key 'quanta'");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 0 quantum 4096 size\n",
		       2, "expected a value after key 'size'");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 qset 2 order 0 quantum 4096 "
		       "size 1 quanta 0\n",
		       2, "key 'qset' repeated");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 0 quantum 4096 size -1 "
		       "quanta 0\n",
		       2, "key 'size': expected a number, found '-1'");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 0 quantum 4096 size "
		       "18446744073709551616 quanta 0\n",
		       2,
		       "key 'size': expected a number, found "
		       "'18446744073709551616'");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 64 quantum 4096 size 1 "
		       "quanta 0\n",
		       2,
		       "key 'order': expected an order from 0 to 63, found "
		       "'64'");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 0 quantum 0 size 1 "
		       "quanta 0\n",
		       2, "expected a quantum of at least one byte");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 0 quantum 4096 size 1 "
		       "quanta 2\n"
		       "  quantum 0 pfn 7 order 0 node 0\n"
		       "device scullp1 qset 1 order 0 quantum 4096 size 0 "
		       "quanta 0\n",
		       2,
		       "device scullp0 declares 2 quanta but 1 quantum "
		       "lines follow");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 0 quantum 4096 size 1 "
		       "quanta 1\n",
		       2,
		       "device scullp0 declares 1 quanta but 0 quantum "
		       "lines follow");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 0 quantum 4096 size 1 "
		       "quanta 2\n"
		       "  quantum 5 pfn 7 order 0 node 0\n"
		       "  quantum 5 pfn 8 order 0 node 0\n",
		       4,
		       "quantum 5 after quantum 5: expected ascending "
		       "indices");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 2 quantum 16384 size 1 "
		       "quanta 1\n"
		       "  quantum 0 pfn 6 order 2 node 0\n",
		       3, "pfn 6 is not aligned to order 2");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 2 quantum 16384 size 1 "
		       "quanta 1\n"
		       "  quantum 0 pfn 8 order 1 node 0\n",
		       3, "quantum of order 1 in device scullp0 of order 2");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 0 quantum 4096 size 1 "
		       "quanta 1\n"
		       "  quantum 0 pfn 8 order 0 node 70000\n",
		       3,
		       "key 'node': expected a node from 0 to 65535, found "
		       "'70000'");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 0 quantum 4096 size 0 "
		       "quanta 0\n"
		       "device scullp0 qset 1 order 0 quantum 4096 size 0 "
		       "quanta 0\n",
		       3, "device 'scullp0' listed twice");
	expect_p_error("scullpmem - version: 1\ndevice\n", 2,
		       "expected a device name of at most 31 characters "
		       "after 'device'");
	expect_p_error("scullpmem - version: 1\n"
		       "device scullp0 qset 1 order 0 quantum 4096 size 1 "
		       "quanta 1\n"
		       "  quantum x pfn 8 order 0\n",
		       3, "expected a quantum index, found 'x'");
	/* scullv needs its own keys */
	expect_v_error("scullvmem - version: 1\n"
		       "device scullv0 qset 1 order 0 quantum 4096 size 1 "
		       "quanta 0\n",
		       2, "expected key 'pages'");
	expect_v_error("scullvmem - version: 1\n"
		       "device scullv0 qset 1 pages 1 quantum 4096 size 1 "
		       "quanta 1\n"
		       "  quantum 0 addr ffff1000-ffff2000 pages 1\n",
		       3,
		       "key 'addr': expected 0xSTART-0xEND, found "
		       "'ffff1000-ffff2000'");
	expect_v_error("scullvmem - version: 1\n"
		       "device scullv0 qset 1 pages 1 quantum 4096 size 1 "
		       "quanta 1\n"
		       "  quantum 0 pages 1\n",
		       3, "expected key 'addr'");
}

/* An embedded NUL must be seen although strlen() would stop there. */
static void test_binary(void **state)
{
	static const char text[] = "scullpmem - version: 1\nde\0vice x\n";
	struct ms_scull sc;
	struct ms_diag diag;

	(void)state;
	assert_int_equal(ms_scullpmem_parse(&sc, text, sizeof(text) - 1,
					    "scullpmem", &diag),
			 -EINVAL);
	assert_int_equal(diag.line, 2);
	assert_string_equal(diag.msg, "unexpected binary data");
}

/* Two nodes whose spans interleave, as on some NUMA machines. */
static void zones_init(struct ms_zoneinfo *zi, struct ms_zone *z)
{
	static const struct {
		int node;
		const char *name;
		uint64_t start, spanned, present;
	} def[] = {
		{ 0, "DMA", 1, 4095, 3998 },
		{ 0, "DMA32", 4096, 1044480, 520000 },
		{ 0, "Normal", 1048576, 1048576, 1048576 },
		{ 0, "Movable", 0, 0, 0 },
		{ 1, "Normal", 524288, 1048576, 262144 },
	};
	size_t i;

	memset(zi, 0, sizeof(*zi));
	for (i = 0; i < 5; i++) {
		memset(&z[i], 0, sizeof(z[i]));
		z[i].node = def[i].node;
		snprintf(z[i].name, sizeof(z[i].name), "%s", def[i].name);
		z[i].start_pfn = def[i].start;
		z[i].spanned_pages = def[i].spanned;
		z[i].present_pages = def[i].present;
		z[i].has = MS_ZONE_HAS_START_PFN;
	}
	z[1].present_pages = 0; /* an empty DMA32 for the test */
	zi->zones = z;
	zi->nr_zones = 5;
}

static enum ms_place place(const struct ms_zoneinfo *zi, uint64_t pfn,
			   unsigned int order, int node, const char **zone,
			   int *znode)
{
	struct ms_scull_quantum q = { 0 };
	const struct ms_zone *z;
	enum ms_place p;

	q.pfn = pfn;
	q.order = order;
	q.node = node;
	p = ms_scullp_place(zi, &q, &z);
	*zone = z ? z->name : "-";
	*znode = z ? z->node : -1;
	return p;
}

static void test_place(void **state)
{
	struct ms_zoneinfo zi;
	struct ms_zone z[5];
	const char *name;
	int node;

	(void)state;
	zones_init(&zi, z);
	assert_int_equal(place(&zi, 100, 0, 0, &name, &node), MS_PLACE_OK);
	assert_string_equal(name, "DMA");
	/* the last page of the DMA span, and one past it */
	assert_int_equal(place(&zi, 4095, 0, 0, &name, &node), MS_PLACE_OK);
	assert_string_equal(name, "DMA");
	assert_int_equal(place(&zi, 0, 0, 0, &name, &node), MS_PLACE_NO_ZONE);
	assert_string_equal(name, "-");
	/* node 1's Normal spans 524288..1572863, inside node 0's spans */
	assert_int_equal(place(&zi, 1048576, 0, 0, &name, &node), MS_PLACE_OK);
	assert_string_equal(name, "Normal");
	assert_int_equal(node, 0);
	assert_int_equal(place(&zi, 1048576, 0, 1, &name, &node), MS_PLACE_OK);
	assert_int_equal(node, 1);
	assert_int_equal(place(&zi, 1048576, 0, -1, &name, &node),
			 MS_PLACE_AMBIGUOUS);
	assert_int_equal(node, 0);
	assert_int_equal(place(&zi, 2000000, 0, 1, &name, &node),
			 MS_PLACE_OTHER_NODE);
	assert_int_equal(node, 0);
	assert_int_equal(place(&zi, 9000000, 0, 0, &name, &node),
			 MS_PLACE_NO_ZONE);
	/* an order-10 block at the end of node 1's span runs past it */
	assert_int_equal(place(&zi, 1572864 - 1024, 10, 1, &name, &node),
			 MS_PLACE_OK);
	assert_int_equal(place(&zi, 1572864 - 512, 10, 1, &name, &node),
			 MS_PLACE_STRADDLES);
	assert_int_equal(place(&zi, 8192, 0, 0, &name, &node),
			 MS_PLACE_UNPOPULATED);
	assert_string_equal(name, "DMA32");
	/* no start_pfn line: nothing can be placed */
	z[0].has = 0;
	assert_int_equal(place(&zi, 100, 0, 0, &name, &node), MS_PLACE_NO_ZONE);
}

static const char vmallocinfo_text[] =
	"0xffffc90000000000-0xffffc90000005000   20480 irq_init_percpu_irqstack+0x10e/0x170 vmap\n"
	"0xffffc90000c57000-0xffffc90000c68000   69632 scullv_quantum_alloc+0x2a/0x80 [memscope_scull] pages=16 vmalloc N0=16\n"
	"0xffffc90000c45000-0xffffc90000c56000   69632 scullv_quantum_alloc+0x2a/0x80 [memscope_scull] pages=16 vmalloc N1=16\n"
	"0xffffc90000d00000-0xffffc90000d02000    8192 unpurged vm_area\n"
	"0xffffc90000e00000-0xffffc90000e02000    8192 vm_map_ram\n"
	"0xffffc90000f00000-0xffffc90000f11000   69632 other_alloc+0x2a/0x80 [memscope_scull] pages=16 vmalloc N0=16\n"
	"0xffffc90001000000-0xffffc90001011000   69632 scullv_quantum_alloc+0x2a/0x80 [memscope_scull] pages=8 vmalloc N0=8\n";

static void test_vmareas(void **state)
{
	static const char hidden[] =
		"0x0000000000000000-0x0000000000000000   69632 "
		"scullv_quantum_alloc+0x2a/0x80 [memscope_scull] pages=16 "
		"vmalloc N0=16\n";
	const struct ms_vmarea *a;
	struct ms_scull_quantum q = { 0 };
	struct ms_vmallocinfo vi;
	struct ms_vmareas va;
	struct ms_diag diag;

	(void)state;
	assert_int_equal(ms_vmallocinfo_parse(&vi, vmallocinfo_text,
					      strlen(vmallocinfo_text),
					      "vmallocinfo", &diag),
			 0);
	assert_int_equal(ms_vmareas_build(&va, &vi), 0);
	ms_vmallocinfo_release(&vi);
	assert_int_equal(va.nr_areas, 7);
	assert_false(va.hidden);
	/* sorted by start */
	assert_true(va.areas[1].start == 0xffffc90000c45000ull);
	assert_int_equal(va.areas[1].line, 3);
	assert_string_equal(va.areas[1].caller, "scullv_quantum_alloc");
	assert_string_equal(va.areas[1].module, "memscope_scull");
	assert_int_equal(va.areas[1].pages, 16);
	assert_int_equal(va.areas[1].size_bytes, 69632);
	assert_string_equal(va.areas[3].caller, "");
	assert_string_equal(va.areas[4].caller, "");
	assert_string_equal(va.areas[0].module, "");
	assert_null(ms_vmareas_find(&va, 0xffffc90000c46000ull));

	q.pages = 16;
	q.start = 0xffffc90000c45000ull;
	assert_int_equal(ms_scullv_match(&va, &q, &a), MS_VMATCH_OK);
	assert_int_equal(a->line, 3);
	q.start = 0xffffc90000c46000ull;
	assert_int_equal(ms_scullv_match(&va, &q, &a), MS_VMATCH_NO_AREA);
	assert_null(a);
	q.start = 0xffffc90000f00000ull;
	assert_int_equal(ms_scullv_match(&va, &q, &a), MS_VMATCH_CALLER);
	q.start = 0xffffc90000000000ull;
	assert_int_equal(ms_scullv_match(&va, &q, &a), MS_VMATCH_CALLER);
	q.start = 0xffffc90001000000ull;
	assert_int_equal(ms_scullv_match(&va, &q, &a), MS_VMATCH_PAGES);
	ms_vmareas_release(&va);

	assert_int_equal(ms_vmallocinfo_parse(&vi, hidden, strlen(hidden),
					      "vmallocinfo", &diag),
			 0);
	assert_int_equal(ms_vmareas_build(&va, &vi), 0);
	ms_vmallocinfo_release(&vi);
	assert_true(va.hidden);
	ms_vmareas_release(&va);

	assert_int_equal(ms_vmallocinfo_parse(&vi, "", 0, "vmallocinfo", &diag),
			 0);
	assert_int_equal(ms_vmareas_build(&va, &vi), 0);
	ms_vmallocinfo_release(&vi);
	assert_int_equal(va.nr_areas, 0);
	assert_false(va.hidden);
	assert_null(va.areas);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scullp),
		cmocka_unit_test(test_unknown_keys_and_lines),
		cmocka_unit_test(test_scullv),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_place),
		cmocka_unit_test(test_vmareas),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
