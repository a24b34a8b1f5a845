/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_TEST_VMALLOC_SAME_H
#define MS_TEST_VMALLOC_SAME_H

/*
 * same_model(): two parses of /proc/vmallocinfo that must be equal, field
 * by field (not bytewise: struct padding is not part of the model). For
 * the cmocka tests that parse one text two ways.
 */
#include "proc/vmallocinfo.h"

static void same_area(const struct ms_vmallocinfo *va,
		      const struct ms_vmalloc_area *a,
		      const struct ms_vmallocinfo *vb,
		      const struct ms_vmalloc_area *b)
{
	assert_int_equal(a->start, b->start);
	assert_int_equal(a->end, b->end);
	assert_int_equal(a->size_bytes, b->size_bytes);
	assert_int_equal(a->pages, b->pages);
	assert_int_equal(a->has_phys, b->has_phys);
	if (a->has_phys)
		assert_int_equal(ms_vmalloc_area_phys(va, a),
				 ms_vmalloc_area_phys(vb, b));
	assert_int_equal(a->caller, b->caller);
	assert_int_equal(a->flags, b->flags);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->nr_nodes, b->nr_nodes);
	if (a->nr_nodes)
		assert_int_equal(a->nodes_first, b->nodes_first);
	assert_int_equal(a->nr_extra, b->nr_extra);
	if (a->nr_extra)
		assert_int_equal(a->extra_first, b->extra_first);
}

static void same_strings(const char *const *a, const char *const *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		assert_string_equal(a[i], b[i]);
}

static void same_model(const struct ms_vmallocinfo *a,
		       const struct ms_vmallocinfo *b)
{
	size_t i;

	assert_int_equal(a->addrs, b->addrs);
	assert_int_equal(a->ptr_bits, b->ptr_bits);
	assert_int_equal(a->nr_areas, b->nr_areas);
	for (i = 0; i < a->nr_areas; i++)
		same_area(a, &a->areas[i], b, &b->areas[i]);
	assert_int_equal(a->nr_callers, b->nr_callers);
	for (i = 0; i < a->nr_callers; i++) {
		const struct ms_vmalloc_caller *ca = &a->callers[i];
		const struct ms_vmalloc_caller *cb = &b->callers[i];

		assert_string_equal(ca->text, cb->text);
		assert_int_equal(ca->symbol, cb->symbol);
		assert_int_equal(ca->module, cb->module);
		assert_int_equal(ca->offset, cb->offset);
		assert_int_equal(ca->symbol_size, cb->symbol_size);
		assert_int_equal(ca->address, cb->address);
		assert_int_equal(ca->is_address, cb->is_address);
	}
	assert_int_equal(a->nr_symbols, b->nr_symbols);
	same_strings(a->symbols, b->symbols, a->nr_symbols);
	assert_int_equal(a->nr_modules, b->nr_modules);
	same_strings(a->modules, b->modules, a->nr_modules);
	assert_int_equal(a->nr_extra_names, b->nr_extra_names);
	same_strings(a->extra_names, b->extra_names, a->nr_extra_names);
	assert_int_equal(a->nr_extra, b->nr_extra);
	if (a->nr_extra)
		assert_memory_equal(a->extra, b->extra,
				    a->nr_extra * sizeof(*a->extra));
	assert_int_equal(a->nr_phys, b->nr_phys);
	assert_int_equal(a->nr_node_pages, b->nr_node_pages);
	if (a->nr_node_pages)
		assert_memory_equal(a->node_pages, b->node_pages,
				    a->nr_node_pages * sizeof(*a->node_pages));
}

#endif
