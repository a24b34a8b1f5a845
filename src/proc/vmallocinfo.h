/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_VMALLOCINFO_H
#define MS_VMALLOCINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"

/* "no caller", "built-in code": the value of an absent string index */
#define MS_VMALLOC_NONE UINT32_MAX

/*
 * The highest NUMA node id accepted in "N<node>=". CONFIG_NODES_SHIFT
 * is at most 10 on every architecture, so MAX_NUMNODES <= 1024.
 */
#define MS_VMALLOC_MAX_NODES 1024

/**
 * enum ms_vmalloc_flags - what a line of /proc/vmallocinfo says about an area
 * @MS_VMALLOC_IOREMAP:      "ioremap" (VM_IOREMAP)
 * @MS_VMALLOC_SPARSE:       "sparse" (VM_SPARSE, 6.9+)
 * @MS_VMALLOC_VMALLOC:      "vmalloc" (VM_ALLOC)
 * @MS_VMALLOC_VMAP:         "vmap" (VM_MAP)
 * @MS_VMALLOC_USER:         "user" (VM_USERMAP)
 * @MS_VMALLOC_DMA_COHERENT: "dma-coherent" (VM_DMA_COHERENT, 5.4+)
 * @MS_VMALLOC_VPAGES:       "vpages" (the page array was itself vmalloc'ed)
 * @MS_VMALLOC_VM_MAP_RAM:   the whole line was "... vm_map_ram"
 * @MS_VMALLOC_UNPURGED:     the whole line was "... unpurged vm_area"
 */
enum ms_vmalloc_flags {
	MS_VMALLOC_IOREMAP = (1 << 0),
	MS_VMALLOC_SPARSE = (1 << 1),
	MS_VMALLOC_VMALLOC = (1 << 2),
	MS_VMALLOC_VMAP = (1 << 3),
	MS_VMALLOC_USER = (1 << 4),
	MS_VMALLOC_DMA_COHERENT = (1 << 5),
	MS_VMALLOC_VPAGES = (1 << 6),
	MS_VMALLOC_VM_MAP_RAM = (1 << 7),
	MS_VMALLOC_UNPURGED = (1 << 8),
};

/**
 * enum ms_vmalloc_addrs - what the address columns of a file are worth
 * @MS_VMALLOC_ADDRS_NONE:   the file holds no area at all
 * @MS_VMALLOC_ADDRS_REAL:   real kernel virtual addresses
 * @MS_VMALLOC_ADDRS_HASHED: %pK printed hashed values (kptr_restrict=0 on
 *                           5.x+): start and end are unrelated numbers
 * @MS_VMALLOC_ADDRS_HIDDEN: every address printed as zero
 *                           (kptr_restrict=2, or 1 without CAP_SYSLOG)
 */
enum ms_vmalloc_addrs {
	MS_VMALLOC_ADDRS_NONE,
	MS_VMALLOC_ADDRS_REAL,
	MS_VMALLOC_ADDRS_HASHED,
	MS_VMALLOC_ADDRS_HIDDEN,
};

/**
 * struct ms_vmalloc_caller - one distinct caller ("%pS" of vm_struct->caller)
 * @text:        as printed without the module: "map_irq_stack+0x93/0xe0",
 *               or "0xffffffffc0123456" on a kernel without kallsyms
 * @symbol:      index into ms_vmallocinfo.symbols: "map_irq_stack"; for a
 *               bare address, the address text itself
 * @module:      index into ms_vmallocinfo.modules, or MS_VMALLOC_NONE for
 *               built-in code
 * @offset:      0x93 (0 for a bare address)
 * @symbol_size: 0xe0 (0 for a bare address)
 * @address:     the bare address (0 when a symbol was printed)
 * @is_address:  the kernel printed a bare address
 *
 * The same text in two different modules makes two callers.
 */
struct ms_vmalloc_caller {
	const char *text;
	uint32_t symbol;
	uint32_t module;
	uint64_t offset;
	uint64_t symbol_size;
	uint64_t address;
	bool is_address;
};

/**
 * struct ms_vmalloc_node_pages - one "N<node>=<pages>" of a line
 */
struct ms_vmalloc_node_pages {
	uint32_t node;
	uint32_t pages;
};

/**
 * struct ms_vmalloc_phys - the "phys=" of one area
 * @area: index into ms_vmallocinfo.areas
 * @phys: the ioremap physical base
 */
struct ms_vmalloc_phys {
	uint32_t area;
	uint64_t phys;
};

/**
 * struct ms_vmalloc_area - one line of /proc/vmallocinfo
 * @start:       first address, as printed (see ms_vmallocinfo.addrs)
 * @end:         address after the last byte, as printed
 * @size_bytes:  the size column: vm_struct->size, which includes the
 *               trailing guard page unless VM_NO_GUARD; for vm_map_ram
 *               and unpurged lines va_end - va_start
 * @pages:       "pages=" (vm_struct->nr_pages), 0 when absent
 * @caller:      index into ms_vmallocinfo.callers, or MS_VMALLOC_NONE
 * @line:        1-based line number in the file
 * @nodes_first: first of @nr_nodes entries in ms_vmallocinfo.node_pages
 * @extra_first: first of @nr_extra entries in ms_vmallocinfo.extra, the
 *               flags memscope does not know (vendor flags such as
 *               "lowmem"), kept by name
 * @flags:       enum ms_vmalloc_flags (all fit in 16 bits)
 * @nr_nodes:    number of "N<node>=" fields, in file (ascending) order
 * @nr_extra:    number of unknown flags
 * @has_phys:    the line had "phys=": see ms_vmalloc_area_phys()
 *
 * 56 bytes: a million-line file takes 56 MB parsed.
 */
struct ms_vmalloc_area {
	uint64_t start;
	uint64_t end;
	uint64_t size_bytes;
	uint64_t pages;
	uint32_t caller;
	uint32_t line;
	uint32_t nodes_first;
	uint32_t extra_first;
	uint16_t flags;
	uint16_t nr_nodes;
	uint16_t nr_extra;
	bool has_phys;
};

struct ms_vmalloc_strings;

/**
 * struct ms_vmallocinfo - /proc/vmallocinfo (mm/vmalloc.c s_show(), 6.9+
 * vmalloc_info_show())
 * @areas:       one per line, in file order (which is not address order:
 *               unpurged areas trail the list, 6.9+ prints per vmap node)
 * @callers:     distinct callers; @symbols, @modules and @extra_names are
 *               distinct strings, all owned by this structure
 * @extra:       per-area lists of indexes into @extra_names
 * @node_pages:  per-area lists of "N<node>=" values
 * @phys:        the "phys=" of the areas that have one, in area order
 * @addrs:       whether @areas' start and end can be used (see
 *               ms_vmallocinfo_parse() for the rule)
 * @ptr_bits:    64 when the addresses were printed with more than 8 hex
 *               digits (a 64-bit kernel), else 32; 0 for an empty file
 * @strings:     private: string storage and hash tables
 */
struct ms_vmallocinfo {
	struct ms_vmalloc_area *areas;
	size_t nr_areas;
	struct ms_vmalloc_caller *callers;
	size_t nr_callers;
	const char *const *symbols;
	size_t nr_symbols;
	const char *const *modules;
	size_t nr_modules;
	const char *const *extra_names;
	size_t nr_extra_names;
	uint32_t *extra;
	size_t nr_extra;
	struct ms_vmalloc_node_pages *node_pages;
	size_t nr_node_pages;
	struct ms_vmalloc_phys *phys;
	size_t nr_phys;
	enum ms_vmalloc_addrs addrs;
	unsigned int ptr_bits;
	struct ms_vmalloc_strings *strings;
};

/**
 * ms_vmallocinfo_parse() - parse the text of /proc/vmallocinfo
 * @vi:   result; release with ms_vmallocinfo_release()
 * @buf:  the text (borrowed: everything kept is copied)
 * @len:  its length
 * @name: file name for messages
 * @diag: where a failure is described
 *
 * A line is "0xSTART-0xEND SIZE" and then, each optional and in this
 * order: the caller ("sym+0xOFF/0xSIZE", a bare "0xADDR" when the kernel
 * has no kallsyms, either followed by " [module]"), "pages=N", "phys=X"
 * (with or without 0x), flags (known ones become bits, others are kept
 * by name) and "N<node>=<pages>". "... vm_map_ram" and
 * "... unpurged vm_area" lines carry nothing else. Blank lines are
 * skipped. An empty file parses to no areas (a capture made without
 * root has one). The kernel ends every line with a newline, so a last
 * line without one is a truncated file, reported at that line.
 *
 * Addresses are classified once the whole file is read:
 *
 * - hidden: every start and end is zero;
 * - hashed: on more than half of the other lines end - start differs
 *   from the size column (hashed values are unrelated numbers; real
 *   ones always satisfy it, because s_show() prints addr, addr + size
 *   and size), or the file was printed with 16 hex digits and no
 *   address has a bit set above bit 31 (a 64-bit hash is truncated to
 *   32 bits and zero-padded; no 64-bit architecture puts its vmalloc
 *   area below 4 GiB);
 * - real otherwise, and then every line must satisfy end - start ==
 *   size: one that does not is reported as damaged.
 *
 * Return: 0, or a negative errno (-EINVAL for malformed input, -ENOMEM)
 * with @diag naming the line.
 */
int ms_vmallocinfo_parse(struct ms_vmallocinfo *vi, const char *buf, size_t len,
			 const char *name, struct ms_diag *diag);

struct ms_vmallocinfo_parser;
struct ms_source;

/**
 * ms_vmallocinfo_begin() - start a parse fed piece by piece
 * @vpp:  the new parser, for ms_vmallocinfo_feed() and then
 *        ms_vmallocinfo_end() or ms_vmallocinfo_abort()
 * @vi:   result, as for ms_vmallocinfo_parse()
 * @name: file name for messages (borrowed until the end of the parse)
 *
 * The text fed in any number of pieces, cut anywhere, gives exactly
 * the result and the diagnostics of ms_vmallocinfo_parse() on the whole
 * of it; no more than the line being cut is copied.
 *
 * Return: 0, or -ENOMEM with @diag filled.
 */
int ms_vmallocinfo_begin(struct ms_vmallocinfo_parser **vpp,
			 struct ms_vmallocinfo *vi, const char *name,
			 struct ms_diag *diag);

/**
 * ms_vmallocinfo_feed() - parse the next @len bytes of the text
 *
 * Lines are parsed as soon as their newline is fed. After an error,
 * further pieces are ignored and the error is returned again.
 *
 * Return: 0, or a negative errno with the diag filled.
 */
int ms_vmallocinfo_feed(struct ms_vmallocinfo_parser *vp, const char *buf,
			size_t len);

/**
 * ms_vmallocinfo_end() - finish the parse and free @vp
 *
 * Parses a last line without a newline and classifies the addresses.
 * On error the ms_vmallocinfo is released.
 *
 * Return: 0, or the first error of the parse (see ms_vmallocinfo_parse()).
 */
int ms_vmallocinfo_end(struct ms_vmallocinfo_parser *vp);

/**
 * ms_vmallocinfo_abort() - give a parse up: free @vp, release its result
 *
 * For a caller that stops feeding (a read error). NULL does nothing.
 */
void ms_vmallocinfo_abort(struct ms_vmallocinfo_parser *vp);

/**
 * ms_vmallocinfo_read() - read and parse a vmallocinfo file below @src
 * @path:        "proc/vmallocinfo"; messages name it ms_source_label(path)
 * @chunk_bytes: the read buffer, 0 for MS_CHUNK_BYTES (see
 *               ms_source_read_chunks())
 *
 * The file is read in pieces into one buffer and parsed as it comes,
 * so that it is never held whole: memory grows with the parsed areas
 * only. Files are refused as by ms_source_read() (not a regular file,
 * more than MS_READ_MAX bytes).
 *
 * Return: 0, or a negative errno with @diag filled: a read error, or a
 * parse error as from ms_vmallocinfo_parse().
 */
int ms_vmallocinfo_read(struct ms_vmallocinfo *vi, const struct ms_source *src,
			const char *path, size_t chunk_bytes,
			struct ms_diag *diag);

/**
 * ms_vmallocinfo_release() - free everything ms_vmallocinfo_parse() made
 *
 * Safe on a zeroed structure and after a failed parse.
 */
void ms_vmallocinfo_release(struct ms_vmallocinfo *vi);

/**
 * ms_vmalloc_flag_name() - the word the kernel prints for one flag bit
 *
 * Return: "ioremap", "vmalloc", ..., "vm_map_ram", "unpurged vm_area",
 * or NULL when @flag is not exactly one known bit.
 */
const char *ms_vmalloc_flag_name(unsigned int flag);

/**
 * ms_vmallocinfo_addrs_name() - "none", "real", "hashed" or "hidden"
 */
const char *ms_vmallocinfo_addrs_name(enum ms_vmalloc_addrs addrs);

/**
 * ms_vmalloc_area_caller() - the caller of @a, or NULL when it has none
 */
static inline const struct ms_vmalloc_caller *
ms_vmalloc_area_caller(const struct ms_vmallocinfo *vi,
		       const struct ms_vmalloc_area *a)
{
	return a->caller == MS_VMALLOC_NONE ? NULL : &vi->callers[a->caller];
}

/**
 * ms_vmalloc_area_phys() - the "phys=" of @a, an area of @vi; 0 without one
 */
uint64_t ms_vmalloc_area_phys(const struct ms_vmallocinfo *vi,
			      const struct ms_vmalloc_area *a);

/**
 * ms_vmalloc_caller_module() - the module name of @c, or NULL (built-in)
 */
static inline const char *
ms_vmalloc_caller_module(const struct ms_vmallocinfo *vi,
			 const struct ms_vmalloc_caller *c)
{
	return c->module == MS_VMALLOC_NONE ? NULL : vi->modules[c->module];
}

#endif
