/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_GFP_H
#define MS_GFP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"

/*
 * GFP masks as the kernel defines them in include/linux/gfp.h (gfp_types.h
 * from 6.0) and prints them with %pGg (lib/vsprintf.c format_flags() over
 * gfpflag_names[] of mm/debug.c, built from include/trace/events/mmflags.h).
 *
 * The ___GFP_* bit values moved several times, so every call takes the
 * kernel version whose layout applies. Layouts (checked against the
 * headers of 2.6.32, 3.10, 4.4, 4.6, 4.10, 4.14-4.16, 4.18, 4.19, 5.0,
 * 5.2-5.4, 5.10, 5.14, 5.15, 5.17, 5.19, 6.1, 6.3, 6.4, 6.6, 6.8, 6.9,
 * 6.12, 6.14, 6.18 and 6.19):
 *
 *   2.6 - 4.3   __GFP_WAIT 0x10, GFP_KERNEL 0xd0, GFP_ATOMIC 0x20
 *   4.4 - 4.9   __GFP_ATOMIC 0x80000, GFP_ATOMIC 0x2080020
 *   4.10 - 4.17 __GFP_KSWAPD_RECLAIM 0x1000000, GFP_ATOMIC 0x1080020
 *   4.18 - 5.0  GFP_ATOMIC 0x480020, GFP_KERNEL 0x6000c0
 *   5.1 - 6.2   GFP_ATOMIC 0xa20, GFP_KERNEL 0xcc0
 *   6.3 -       __GFP_ATOMIC gone, GFP_ATOMIC 0x820
 *   6.9 -       bits above __GFP_ZEROTAGS numbered by an enum, so their
 *               values depend on the kernel configuration
 *
 * A version is MS_GFP_KVER(major, minor), the encoding of the kernel's
 * KERNEL_VERSION(major, minor, 0); 0 means the newest layout known.
 */
#define MS_GFP_KVER(maj, min) (((uint32_t)(maj) << 16) | ((uint32_t)(min) << 8))

/* The newest kernel whose headers the tables were checked against */
#define MS_GFP_KVER_NEWEST MS_GFP_KVER(6, 19)

/**
 * enum ms_gfp_cfg - kernel options that change GFP bit values
 * @MS_GFP_CFG_LOCKDEP:       CONFIG_LOCKDEP: __GFP_NOLOCKDEP is a bit
 * @MS_GFP_CFG_KASAN_HW_TAGS: CONFIG_KASAN_HW_TAGS (arm64 MTE):
 *                            __GFP_SKIP_ZERO, __GFP_SKIP_KASAN* are bits
 *                            (5.18-; __GFP_SKIP_KASAN_POISON is an
 *                            unconditional bit in 5.14-5.17)
 * @MS_GFP_CFG_SLAB_OBJ_EXT:  CONFIG_SLAB_OBJ_EXT (selected by MEMCG):
 *                            __GFP_NO_OBJ_EXT is a bit (6.10-6.18; always
 *                            from 6.19)
 *
 * Without the option the kernel defines the flag as 0. Up to 6.8 the
 * other bits keep their values; from 6.9 the bits are numbered in order,
 * so __GFP_NOLOCKDEP is 0x1000000 without KASAN_HW_TAGS and 0x4000000
 * with it.
 */
enum ms_gfp_cfg {
	MS_GFP_CFG_LOCKDEP = (1 << 0),
	MS_GFP_CFG_KASAN_HW_TAGS = (1 << 1),
	MS_GFP_CFG_SLAB_OBJ_EXT = (1 << 2),
};

/* A distribution kernel: MEMCG on, LOCKDEP and KASAN_HW_TAGS off */
#define MS_GFP_CFG_DEFAULT MS_GFP_CFG_SLAB_OBJ_EXT

/**
 * ms_gfp_kver_parse() - "6.8", "4.19.0-25-amd64", "2.6.32-754.el6.x86_64"
 * @kver: result, MS_GFP_KVER(major, minor)
 *
 * Only the major and minor numbers count: no GFP bit moved within a
 * stable series.
 *
 * Return: 0, or -EINVAL when @s does not start with "MAJOR.MINOR".
 */
int ms_gfp_kver_parse(const char *s, size_t len, uint32_t *kver);

/**
 * ms_gfp_kver_format() - "6.8" for MS_GFP_KVER(6, 8); 0 gives the newest
 * known version. Writes into @buf and returns it.
 */
const char *ms_gfp_kver_format(uint32_t kver, char *buf, size_t size);

/**
 * ms_gfp_mask_parse() - a flag expression to its value in one kernel's layout
 * @expr: names and numbers joined by '|', blanks allowed:
 *        "GFP_KERNEL", "GFP_ATOMIC|__GFP_DMA", "GFP_KERNEL | __GFP_ZERO",
 *        "0x40820", "3264", "GFP_KERNEL|0x100". Names are case-sensitive,
 *        as in C.
 * @len:  length of @expr (no terminator needed)
 * @kver: layout to use (0: newest)
 * @cfg:  enum ms_gfp_cfg bits
 * @mask: result
 * @diag: on error, the reason (no file, no line): "unknown GFP flag
 *        'GFP_ATOMC' (did you mean 'GFP_ATOMIC'?)", "'__GFP_WAIT' is not
 *        defined in kernel 6.8 (it exists in 2.6 to 4.3)", "bit 0x200 is
 *        not a GFP flag in kernel 6.8", "number '0x100000000' does not fit
 *        in gfp_t (32 bits)"
 *
 * A flag that is 0 in the configuration @cfg describes (for instance
 * __GFP_NOLOCKDEP without MS_GFP_CFG_LOCKDEP) is refused, since it would
 * silently add nothing.
 *
 * Return: 0 or -EINVAL.
 */
int ms_gfp_mask_parse(const char *expr, size_t len, uint32_t kver,
		      unsigned int cfg, uint32_t *mask, struct ms_diag *diag);

/**
 * ms_gfp_format() - @mask as the kernel's %pGg prints it
 * @buf:  output, always NUL-terminated when @size > 0
 *
 * Names are matched in the order of the kernel's gfpflag_names[]:
 * composite masks first (GFP_TRANSHUGE ... GFP_DMA32), then single
 * bits, each removed from the mask once printed; what no name covers is
 * appended as "0x..." (the kernel's "%#lx"). Up to 6.17 the table is the
 * hand-written list of mmflags.h (__GFP_NOLOCKDEP, and from 5.18 the
 * KASAN bits, never have a name there); from 6.18 the single bits follow
 * in bit order. Kernels before 4.5 printed no names at all: for them
 * memscope uses the 4.5 order with the names of that era (__GFP_WAIT,
 * __GFP_COLD, ...). A mask of 0 gives "" (the kernel prints
 * "mode:0x0()").
 *
 * Return: the length of the full rendering, like snprintf().
 */
size_t ms_gfp_format(uint32_t mask, uint32_t kver, unsigned int cfg, char *buf,
		     size_t size);

/**
 * ms_gfp_lookup() - the value of one name (composite or single) in a layout
 *
 * Return: true and sets @value when @name is defined in @kver (its value
 * may be 0: GFP_NOWAIT before 4.4, or a flag the configuration leaves
 * out); false otherwise.
 */
bool ms_gfp_lookup(const char *name, uint32_t kver, unsigned int cfg,
		   uint32_t *value);

/**
 * ms_gfp_valid_bits() - every bit that has a single-flag name in @kver
 * (the kernel's __GFP_BITS_MASK minus unused holes)
 */
uint32_t ms_gfp_valid_bits(uint32_t kver, unsigned int cfg);

/**
 * enum ms_gfp_mask_zone - gfp_zone(): the highest zone a request may use
 *
 * Logical zone types, as in include/linux/gfp.h GFP_ZONE_TABLE with all
 * of ZONE_DMA, ZONE_DMA32 and ZONE_HIGHMEM configured; a kernel without
 * one of them falls back to ZONE_NORMAL (OPT_ZONE_*).
 * @MS_GFP_ZONE_BAD: a combination GFP_ZONE_BAD rejects (__GFP_DMA |
 *                   __GFP_HIGHMEM, ...)
 */
enum ms_gfp_mask_zone {
	MS_GFP_ZONE_DMA,
	MS_GFP_ZONE_DMA32,
	MS_GFP_ZONE_NORMAL,
	MS_GFP_ZONE_HIGHMEM,
	MS_GFP_ZONE_MOVABLE,
	MS_GFP_ZONE_BAD,
};

/** ms_gfp_mask_zone_name() - "DMA", "DMA32", "Normal", "HighMem", "Movable" */
const char *ms_gfp_mask_zone_name(enum ms_gfp_mask_zone zone);

/**
 * enum ms_gfp_migratetype - gfp_migratetype(): the pageblock type wanted
 * @MS_GFP_MT_BAD: __GFP_MOVABLE and __GFP_RECLAIMABLE together (the
 *                 kernel warns)
 */
enum ms_gfp_migratetype {
	MS_GFP_MT_UNMOVABLE,
	MS_GFP_MT_RECLAIMABLE,
	MS_GFP_MT_MOVABLE,
	MS_GFP_MT_BAD,
};

/** ms_gfp_migratetype_name() - "unmovable", "reclaimable", "movable" */
const char *ms_gfp_migratetype_name(enum ms_gfp_migratetype mt);

/**
 * enum ms_gfp_retry - what the slow path does when the first attempts fail
 * @MS_GFP_RETRY_NONE:     no direct reclaim: fails right after the
 *                         min-watermark attempt (no reclaim, compaction,
 *                         retry or OOM killer)
 * @MS_GFP_RETRY_DEFAULT:  reclaims and compacts; orders up to 3
 *                         (PAGE_ALLOC_COSTLY_ORDER) retry until they
 *                         succeed or the OOM killer runs, larger orders
 *                         may fail
 * @MS_GFP_RETRY_NORETRY:  __GFP_NORETRY: one light round of reclaim and
 *                         compaction, then fails; never the OOM killer
 * @MS_GFP_RETRY_MAYFAIL:  __GFP_RETRY_MAYFAIL (4.13-): retries while
 *                         reclaim makes progress, fails instead of
 *                         invoking the OOM killer
 * @MS_GFP_RETRY_REPEAT:   __GFP_REPEAT (before 4.13): tries harder for
 *                         costly orders, may still fail
 * @MS_GFP_RETRY_NOFAIL:   __GFP_NOFAIL: never fails, loops forever
 */
enum ms_gfp_retry {
	MS_GFP_RETRY_NONE,
	MS_GFP_RETRY_DEFAULT,
	MS_GFP_RETRY_NORETRY,
	MS_GFP_RETRY_MAYFAIL,
	MS_GFP_RETRY_REPEAT,
	MS_GFP_RETRY_NOFAIL,
};

/**
 * struct ms_gfp_explain - what a mask makes the page allocator do
 * @mask, @order, @kver, @cfg: the inputs (@kver 0 replaced by the newest)
 * @unknown_bits:   bits of @mask with no name in this layout
 * @direct_reclaim: may sleep and reclaim itself (__GFP_DIRECT_RECLAIM;
 *                  __GFP_WAIT before 4.4)
 * @kswapd:         wakes kswapd (__GFP_KSWAPD_RECLAIM; before 4.4 unless
 *                  __GFP_NO_KSWAPD)
 * @io, @fs:        reclaim may start I/O (__GFP_IO), may call into file
 *                  systems (__GFP_FS)
 * @high:           __GFP_HIGH
 * @atomic_bit:     __GFP_ATOMIC (4.4-6.2)
 * @memalloc, @nomemalloc, @nowarn, @comp, @zero, @account, @hardwall,
 * @thisnode, @write: the flag of that name is set
 * @zone:           gfp_zone()
 * @migratetype:    gfp_migratetype()
 * @alloc_min_reserve: slow path ALLOC_HIGH (up to 6.2) or
 *                  ALLOC_MIN_RESERVE (6.3-): __GFP_HIGH, min cut by half
 * @alloc_harder:   ALLOC_HARDER (up to 6.2: __GFP_ATOMIC, before 4.4: no
 *                  __GFP_WAIT) or ALLOC_NON_BLOCK (6.3-: no direct
 *                  reclaim), each unless __GFP_NOMEMALLOC
 * @alloc_highatomic: may take blocks from the MIGRATE_HIGHATOMIC free
 *                  lists (order > 0; 4.4-)
 * @uses_reserves:  the highatomic reserve is not subtracted from free
 *                  pages (ALLOC_HARDER 4.4-6.2, ALLOC_RESERVES 6.3-)
 * @alloc_cma:      may use CMA pageblocks (movable requests)
 * @ignores_cpuset: does not enforce cpuset mems (atomic requests)
 * @no_watermarks:  __GFP_MEMALLOC without __GFP_NOMEMALLOC: ignores the
 *                  watermarks (memalloc reserves)
 * @min_num, @min_den: the slow-path mark is about min * num / den (3/8
 *                  for GFP_ATOMIC); ms_gfp_reduce_min() gives it exactly
 * @retry:          enum ms_gfp_retry
 * @warns:          a failure prints "page allocation failure" (no
 *                  __GFP_NOWARN)
 * @oom_killer:     a failure after reclaim may invoke the OOM killer
 *                  (__alloc_pages_may_oom(): direct reclaim, __GFP_FS,
 *                  order <= 3, highest zone Normal or above, none of
 *                  NORETRY, RETRY_MAYFAIL, THISNODE)
 * @context:        the usual caller of such a mask, in words
 */
struct ms_gfp_explain {
	uint32_t mask;
	unsigned int order;
	uint32_t kver;
	unsigned int cfg;
	uint32_t unknown_bits;
	bool direct_reclaim;
	bool kswapd;
	bool io;
	bool fs;
	bool high;
	bool atomic_bit;
	bool memalloc;
	bool nomemalloc;
	bool nowarn;
	bool comp;
	bool zero;
	bool account;
	bool hardwall;
	bool thisnode;
	bool write;
	enum ms_gfp_mask_zone zone;
	enum ms_gfp_migratetype migratetype;
	bool alloc_min_reserve;
	bool alloc_harder;
	bool alloc_highatomic;
	bool uses_reserves;
	bool alloc_cma;
	bool ignores_cpuset;
	bool no_watermarks;
	unsigned int min_num;
	unsigned int min_den;
	enum ms_gfp_retry retry;
	bool warns;
	bool oom_killer;
	const char *context;
};

/**
 * ms_gfp_explain() - decode @mask for an allocation of @order in @kver
 *
 * Follows gfp_to_alloc_flags() and __zone_watermark_ok() of mm/page_alloc.c
 * for the era: the fast path checks every zone against its low watermark
 * with no reductions; the slow path (after waking kswapd) checks min,
 * reduced for __GFP_HIGH (by half) and for non-blocking or __GFP_ATOMIC
 * requests (by a further quarter: GFP_ATOMIC ends at 3/8 of min). What the
 * mask cannot tell (a real-time task, PF_MEMALLOC, an OOM victim) is left
 * out.
 */
void ms_gfp_explain(uint32_t mask, unsigned int order, uint32_t kver,
		    unsigned int cfg, struct ms_gfp_explain *ex);

/**
 * ms_gfp_reduce_min() - the slow-path mark for a zone whose min watermark
 * is @min_pages, as __zone_watermark_ok() lowers it for @ex's flags
 *
 * Up to 6.2: "min -= min / 2" for ALLOC_HIGH, then "min -= min / 4" for
 * ALLOC_HARDER; 6.3-: both only with ALLOC_MIN_RESERVE (the quarter only
 * when also ALLOC_NON_BLOCK). Integer arithmetic as in the kernel:
 * 9149 -> 4575 -> 3432 for GFP_ATOMIC.
 */
uint64_t ms_gfp_reduce_min(uint64_t min_pages, const struct ms_gfp_explain *ex);

/** ms_gfp_retry_text() - one sentence for enum ms_gfp_retry */
const char *ms_gfp_retry_text(enum ms_gfp_retry retry);

/**
 * struct ms_gfp_context - which mask to use where (after Love, Linux Kernel
 * Development, ch. 12, "Which Flag to Use When", extended with the
 * masks the kernel documents in gfp_types.h)
 * @situation: the calling context, in words
 * @flags:     the expression to use there, parseable by ms_gfp_mask_parse()
 *             in every layout since 4.5
 */
struct ms_gfp_context {
	const char *situation;
	const char *flags;
};

/** ms_gfp_contexts() - the table; @nr receives its length */
const struct ms_gfp_context *ms_gfp_contexts(size_t *nr);

#endif
