/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_KMSG_H
#define MS_KMSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"
#include "proc/buddyinfo.h"

/*
 * "page allocation failure" reports in kernel log text: dmesg output
 * (with or without "[seconds]" timestamps, "<N>" levels, "[  T123]"
 * caller ids), syslog or journalctl lines ("Nov 22 03:00:00 host
 * kernel: "), or a report pasted from a mail. The text is produced by
 * warn_alloc() (4.9+; warn_alloc_failed() before, an inline printk in
 * 2.6) and show_mem() -> show_free_areas() in mm/page_alloc.c (mm/
 * show_mem.c from 6.5). Nothing here interprets the numbers: see
 * analysis/allocfail.h.
 */

#define MS_KMSG_COMM_MAX       64
#define MS_KMSG_FLAGS_MAX      256
#define MS_KMSG_CPUSET_MAX     256
#define MS_KMSG_NODES_MAX      64
#define MS_KMSG_RELEASE_MAX    65
#define MS_KMSG_KEY_MAX	       40
#define MS_KMSG_MAX_ZONE_TYPES 8
#define MS_KMSG_WARNING_MAX    200
/* zones kept per report: MS_MAX_NODES nodes of MS_MAX_ZONES_PER_NODE */
#define MS_KMSG_MAX_ZONES (MS_MAX_NODES * MS_MAX_ZONES_PER_NODE)

/**
 * enum ms_kmsg_kind - what failed
 * @MS_KMSG_PAGE_ALLOC: "page allocation failure: order:N" (the page
 *                      allocator, 2.6: "failure. order:N")
 * @MS_KMSG_VMALLOC:    "vmalloc: allocation failure..." (up to 5.13) or
 *                      "vmalloc error: size N, ..." (5.14+)
 */
enum ms_kmsg_kind {
	MS_KMSG_PAGE_ALLOC,
	MS_KMSG_VMALLOC,
};

/**
 * struct ms_kmsg_kv - one "key:value" token of a Mem-Info line
 * @key:   as printed, without the colon ("isolated(anon)",
 *         "all_unreclaimable?")
 * @value: the number (for "all_unreclaimable? yes|no": 1 or 0)
 * @kb:    the value carried a "kB" or "KB" unit
 */
struct ms_kmsg_kv {
	char key[MS_KMSG_KEY_MAX];
	uint64_t value;
	bool kb;
};

/**
 * struct ms_kmsg_kvs - the key/value tokens of one line (or block), in
 * order
 */
struct ms_kmsg_kvs {
	struct ms_kmsg_kv *items;
	size_t nr;
};

/** ms_kmsg_kv_get() - @key's value; false when absent */
bool ms_kmsg_kv_get(const struct ms_kmsg_kvs *kvs, const char *key,
		    uint64_t *value);

/**
 * enum ms_kmsg_mt - migrate-type letters after a free-area count
 *
 * show_migration_types() prints, for each order, the types whose free
 * list is non-empty. The letters mean the same in every era; only their
 * order and set changed: 4.4+ "UMEHCI", up to 4.3 "UEMRCI".
 */
enum ms_kmsg_mt {
	MS_KMSG_MT_UNMOVABLE = (1 << 0),   /* U */
	MS_KMSG_MT_MOVABLE = (1 << 1),	   /* M */
	MS_KMSG_MT_RECLAIMABLE = (1 << 2), /* E */
	MS_KMSG_MT_HIGHATOMIC = (1 << 3),  /* H, 4.4+ */
	MS_KMSG_MT_CMA = (1 << 4),	   /* C */
	MS_KMSG_MT_ISOLATE = (1 << 5),	   /* I */
	MS_KMSG_MT_RESERVE = (1 << 6),	   /* R, up to 4.3 */
};

/**
 * enum ms_kmsg_zone_has - which parts of a zone were found
 */
enum ms_kmsg_zone_has {
	MS_KMSG_ZONE_HAS_WMARKS = (1 << 0), /* the "<Zone> free:..." line */
	MS_KMSG_ZONE_HAS_BOOST = (1 << 1),  /* "boost:" (5.15..6.1+) */
	MS_KMSG_ZONE_HAS_RESERVED_HA = (1 << 2), /* "reserved_highatomic:" */
	MS_KMSG_ZONE_HAS_FREE_HA = (1 << 3),	 /* "free_highatomic:" (6.19) */
	MS_KMSG_ZONE_HAS_FREE_CMA = (1 << 4),	 /* "free_cma:" */
	MS_KMSG_ZONE_HAS_LOWMEM = (1 << 5),	 /* "lowmem_reserve[]:" line */
	MS_KMSG_ZONE_HAS_FREE_AREA = (1 << 6),	 /* "<Zone>: N*4kB ..." line */
	MS_KMSG_ZONE_HAS_TYPES = (1 << 7),	 /* migrate-type letters */
	MS_KMSG_ZONE_HAS_MANAGED = (1 << 8),	 /* "managed:" (3.x+) */
	MS_KMSG_ZONE_HAS_FREE_TOTAL = (1 << 9),	 /* the free-area "= NkB" */
};

/**
 * struct ms_kmsg_zone - one zone of a Mem-Info block
 * @node:     "Node N" prefix, -1 on kernels without CONFIG_NUMA
 * @name:     "DMA", "DMA32", "Normal", "HighMem", "Movable"
 * @free_kb, @min_kb, @low_kb, @high_kb, @boost_kb, @present_kb,
 * @managed_kb, @free_cma_kb, @reserved_highatomic_kb,
 * @free_highatomic_kb: the zone line's values (watermarks include
 *            boost); 0 when absent, see @has
 * @kvs:      every token of the zone line
 * @lowmem_reserve: the "lowmem_reserve[]:" line, in pages, one per zone
 *            type (MAX_NR_ZONES entries)
 * @nr_orders: free-area entries; @free_blocks[order] blocks of
 *            2^order pages; @types[order] enum ms_kmsg_mt letters
 * @free_area_total_kb: the "= NkB" the line ends with
 * @line, @free_area_line: where the zone and free-area lines were
 */
struct ms_kmsg_zone {
	int node;
	char name[MS_ZONE_NAME_MAX];
	unsigned int has;
	uint64_t free_kb;
	uint64_t min_kb;
	uint64_t low_kb;
	uint64_t high_kb;
	uint64_t boost_kb;
	uint64_t present_kb;
	uint64_t managed_kb;
	uint64_t free_cma_kb;
	uint64_t reserved_highatomic_kb;
	uint64_t free_highatomic_kb;
	struct ms_kmsg_kvs kvs;
	int64_t lowmem_reserve[MS_KMSG_MAX_ZONE_TYPES];
	unsigned int nr_lowmem_reserve;
	unsigned int nr_orders;
	uint64_t free_blocks[MS_MAX_ORDERS];
	unsigned int types[MS_MAX_ORDERS];
	uint64_t free_area_total_kb;
	unsigned int line;
	unsigned int free_area_line;
};

/**
 * struct ms_kmsg_node - a "Node N active_anon:...kB ..." line (4.8+)
 */
struct ms_kmsg_node {
	int node;
	struct ms_kmsg_kvs kvs;
};

/**
 * struct ms_kmsg_warning - something missing or inconsistent in a report
 * @line: input line it concerns, 0 when it concerns the whole report
 */
struct ms_kmsg_warning {
	unsigned int line;
	char msg[MS_KMSG_WARNING_MAX];
};

/**
 * struct ms_kmsg_report - one failure report
 * @kind:        enum ms_kmsg_kind
 * @line:        line of the headline
 * @comm:        the failing task's name ("" when the log lost it)
 * @order:       "order:N", -1 when not printed (vmalloc 5.14+)
 * @mode:        "mode:0x..", valid when @has_mode
 * @flags:       the names in "mode:0x..(NAMES)" as printed; "" when the
 *               kernel printed none (up to 4.4), see @has_flags
 * @nodemask:    "nodemask=..." text ("(null)", "0-1"), valid when
 *               @has_nodemask (4.12+)
 * @cpuset, @mems_allowed: from ",cpuset=X,mems_allowed=Y" (5.0+, same
 *               line, @cpuset_same_line) or the "COMM cpuset=X
 *               mems_allowed=Y" line that follows (4.10-4.19)
 * @period_headline: the 2.6 form "page allocation failure. order:"
 * @vmalloc_bytes: requested size of a vmalloc failure (0 if not printed)
 * @vmalloc_reason: text after "vmalloc error: size N, " ("failed to map
 *               pages") or "allocation failure, allocated A of B bytes"
 * @release:     kernel release from "CPU: .. Comm: .. <release> #N"
 *               (or 2.6/3.x "Pid: N, comm: .. <release>"), "" if absent
 * @kver:        MAJOR << 16 | MINOR << 8 of @release (KERNEL_VERSION
 *               encoding without the patch level), 0 when unknown
 * @has_meminfo: a "Mem-Info:" block followed the headline
 * @global:      the block's first lines ("active_anon:%lu ... free:%lu
 *               free_pcp:%lu free_cma:%lu"), in pages
 * @nodes:       per-node summary lines (kB)
 * @zones:       zones in the order first seen
 * @summary:     the lines after the free areas, in pages or kB as the
 *               key says: "total_pagecache_pages", "swap_cache_pages",
 *               "free_swap_kb", "total_swap_kb", "ram_pages",
 *               "highmem_pages", "reserved_pages", "cma_reserved_pages",
 *               "hwpoisoned_pages"
 * @page_size_kb: the order-0 size of the free-area lines (4 on most
 *               machines, 64 on arm64/ppc64 with 64K pages); 0 when no
 *               free-area line was read
 * @warnings:    what was missing or inconsistent (cut-short lines, a
 *               zone without its free-area line, a free-area sum that
 *               differs from the printed total, no Mem-Info)
 */
struct ms_kmsg_report {
	enum ms_kmsg_kind kind;
	unsigned int line;
	char comm[MS_KMSG_COMM_MAX];
	int order;
	bool has_mode;
	uint32_t mode;
	bool has_flags;
	char flags[MS_KMSG_FLAGS_MAX];
	bool has_nodemask;
	char nodemask[MS_KMSG_NODES_MAX];
	bool has_cpuset;
	bool cpuset_same_line;
	char cpuset[MS_KMSG_CPUSET_MAX];
	char mems_allowed[MS_KMSG_NODES_MAX];
	bool period_headline;
	uint64_t vmalloc_bytes;
	char vmalloc_reason[128];
	char release[MS_KMSG_RELEASE_MAX];
	uint32_t kver;
	bool has_meminfo;
	struct ms_kmsg_kvs global;
	struct ms_kmsg_node *nodes;
	size_t nr_nodes;
	struct ms_kmsg_zone *zones;
	size_t nr_zones;
	struct ms_kmsg_kvs summary;
	unsigned int page_size_kb;
	struct ms_kmsg_warning *warnings;
	size_t nr_warnings;
};

/**
 * struct ms_kmsg - every report found in a log, in log order
 * @nr_lines:  lines of input read
 * @orphan_meminfo: Mem-Info blocks without a failure headline (OOM
 *             reports, SysRq-m), which are skipped
 */
struct ms_kmsg {
	struct ms_kmsg_report *reports;
	size_t nr_reports;
	unsigned int nr_lines;
	unsigned int orphan_meminfo;
};

/**
 * ms_kmsg_parse() - find and parse the failure reports in log text
 * @km:   result; release with ms_kmsg_release()
 * @buf, @len: the log (not copied, need not be NUL-terminated)
 * @name: input name for messages ("-" for stdin)
 * @diag: on error, where and why
 *
 * Each line may carry a syslog/journalctl prefix ("Nov 22 03:00:00 host
 * kernel: ", "2025-11-22T03:00:00+0000 host kernel: "), a "<N>" level,
 * a dmesg -x "kern  :warn  : " prefix, a "[  123.456789]" or dmesg -T
 * "[Sat Nov 22 03:00:00 2025]" timestamp and a "[  T123]"/"[ C1]" caller
 * id, in any combination; rsyslog's "#012" (an escaped newline) splits a
 * line. Lines that belong to no report (other messages interleaved, call
 * traces) are skipped. A report that is cut short keeps what it has, with
 * warnings. A log without any report is not an error: @km->nr_reports is
 * 0.
 *
 * Return: 0, -EINVAL (a NUL byte: not a text log) or -ENOMEM, with @diag
 * filled.
 */
int ms_kmsg_parse(struct ms_kmsg *km, const char *buf, size_t len,
		  const char *name, struct ms_diag *diag);

void ms_kmsg_release(struct ms_kmsg *km);

/** ms_kmsg_find_zone() - the zone (@node, @name) of @r, or NULL */
const struct ms_kmsg_zone *ms_kmsg_find_zone(const struct ms_kmsg_report *r,
					     int node, const char *name);

/**
 * ms_kmsg_mt_letters() - the letters of an enum ms_kmsg_mt set in 4.4+
 * order ("UMEHCI", then R); writes into @buf and returns it
 */
const char *ms_kmsg_mt_letters(unsigned int types, char *buf, size_t size);

#endif
