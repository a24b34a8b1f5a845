/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_SCULL_H
#define MS_SCULL_H

/*
 * The listings of memscope's companion kernel module (kmod/README):
 * /proc/scullpmem and /proc/scullvmem, the devices of scullp (quanta from
 * the page allocator) and scullv (quanta from vmalloc) with every quantum
 * they hold, and a minimal scan of /proc/vmallocinfo to find the scullv
 * quanta there.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"

/* The format version this parser reads; another major is refused. */
#define MS_SCULL_VERSION 1

#define MS_SCULL_NAME_MAX 32

/** enum ms_scull_kind - which device family a listing describes */
enum ms_scull_kind {
	MS_SCULL_P, /* scullp: quanta of 2^order pages */
	MS_SCULL_V, /* scullv: quanta of vmalloc pages */
};

/**
 * struct ms_scull_quantum - one "  quantum IDX key value ..." line
 * @index:  quantum index (byte offset / quantum size)
 * @pfn:    scullp: first page frame of the block
 * @order:  scullp: page order of the block
 * @node:   scullp: NUMA node of the block, -1 when the line has none
 * @start:  scullv: first address of the area as printed (%pK)
 * @end:    scullv: exclusive end of the usable area as printed
 * @pages:  scullv: pages of the area
 * @line:   line number, for messages
 */
struct ms_scull_quantum {
	uint64_t index;
	uint64_t pfn;
	unsigned int order;
	int node;
	uint64_t start;
	uint64_t end;
	uint64_t pages;
	unsigned int line;
};

/**
 * struct ms_scull_dev - one "device NAME key value ..." line and its quanta
 * @name:          "scullp0"
 * @qset:          quantum pointers per quantum set
 * @order:         scullp: page order of a quantum
 * @pages:         scullv: pages of a quantum
 * @quantum_bytes: bytes of a quantum
 * @size_bytes:    bytes of data the device holds
 * @nr_quanta:     quanta allocated ("quanta"), equal to the quantum lines
 * @first:         index of its first quantum in ms_scull.quanta
 * @line:          line number, for messages
 */
struct ms_scull_dev {
	char name[MS_SCULL_NAME_MAX];
	uint64_t qset;
	unsigned int order;
	uint64_t pages;
	uint64_t quantum_bytes;
	uint64_t size_bytes;
	uint64_t nr_quanta;
	size_t first;
	unsigned int line;
};

/**
 * struct ms_scull - /proc/scullpmem or /proc/scullvmem
 * @kind:    from the header line
 * @version: major format version of the header
 * @devs:    the devices in file order
 * @quanta:  every quantum, device by device in file order
 */
struct ms_scull {
	enum ms_scull_kind kind;
	unsigned int version;
	struct ms_scull_dev *devs;
	size_t nr_devs;
	struct ms_scull_quantum *quanta;
	size_t nr_quanta;
};

/**
 * ms_scullpmem_parse() - parse the text of /proc/scullpmem
 * @sc:   result; release with ms_scull_release()
 * @name: file name for messages
 *
 * The first line must be "scullpmem - version: N" (or "N.M"); a major
 * version other than MS_SCULL_VERSION is refused with a message naming
 * both. Device lines need qset, order, quantum, size and quanta;
 * quantum lines need pfn and order (node is optional). Keys are matched
 * by name in any order and unknown keys are skipped, as are lines whose
 * keyword is unknown. Refused: a key without a value, a repeated key, a
 * quantum line before the first device, quantum indices that do not
 * ascend, an order above 63, a pfn not aligned to its order, a block
 * order that differs from its device's, and a device whose "quanta"
 * differs from its quantum lines.
 *
 * Return: 0, or a negative errno with @diag naming the line; on error
 * @sc is left empty.
 */
int ms_scullpmem_parse(struct ms_scull *sc, const char *buf, size_t len,
		       const char *name, struct ms_diag *diag);

/**
 * ms_scullvmem_parse() - parse the text of /proc/scullvmem
 *
 * As ms_scullpmem_parse(), for "scullvmem - version: N": device lines
 * need qset, pages, quantum, size and quanta; quantum lines need
 * "addr 0xSTART-0xEND" and pages. Addresses are %pK output: real,
 * hashed or all zero, following kernel.kptr_restrict, so their span is
 * not checked here (hashed values are unrelated numbers).
 */
int ms_scullvmem_parse(struct ms_scull *sc, const char *buf, size_t len,
		       const char *name, struct ms_diag *diag);

void ms_scull_release(struct ms_scull *sc);

/**
 * ms_scull_dev_quanta() - the quanta of device @i (borrowed)
 */
static inline const struct ms_scull_quantum *
ms_scull_dev_quanta(const struct ms_scull *sc, size_t i)
{
	return sc->quanta + sc->devs[i].first;
}

/**
 * struct ms_vmarea - what the scullv matching needs of one line of
 * /proc/vmallocinfo (mm/vmalloc.c s_show(): "0x%pK-0x%pK %7ld" then the
 * caller "%pS", " pages=%d", " phys=%pa", flags and " N%u=%u")
 * @start, @end:  addresses as printed
 * @size_bytes:   the size column (includes the guard page)
 * @pages:        "pages=", 0 when absent
 * @caller:       the caller's symbol without offset ("scullv_quantum_alloc"),
 *                or "" when the line has none
 * @module:       the module of the caller ("memscope_scull"), or ""
 * @line:         line number
 */
struct ms_vmarea {
	uint64_t start;
	uint64_t end;
	uint64_t size_bytes;
	uint64_t pages;
	char caller[64];
	char module[MS_SCULL_NAME_MAX];
	unsigned int line;
};

/**
 * struct ms_vmareas - the lines of /proc/vmallocinfo, sorted by @start
 * @hidden: every address printed as zero (kptr_restrict)
 */
struct ms_vmareas {
	struct ms_vmarea *areas;
	size_t nr_areas;
	bool hidden;
};

struct ms_vmallocinfo;

/**
 * ms_vmareas_build() - index the areas of a parsed /proc/vmallocinfo
 * (src/proc/vmallocinfo.c) by start address, for matching
 * @va: result, sorted by start; release with ms_vmareas_release()
 *
 * Callers keep only their symbol ("scullv_quantum_alloc") and module.
 * Areas without a caller ("vm_map_ram", "unpurged vm_area") get "".
 *
 * Return: 0 or -ENOMEM.
 */
int ms_vmareas_build(struct ms_vmareas *va, const struct ms_vmallocinfo *vi);

void ms_vmareas_release(struct ms_vmareas *va);

/** ms_vmareas_find() - the area starting at @start, or NULL */
const struct ms_vmarea *ms_vmareas_find(const struct ms_vmareas *va,
					uint64_t start);

#endif
