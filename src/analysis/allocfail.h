/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_ALLOCFAIL_H
#define MS_ALLOCFAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/gfp.h"
#include "proc/kmsg.h"

/*
 * Why a logged allocation failed, from the numbers of its Mem-Info dump
 * alone: the slow-path watermark test of __zone_watermark_ok() for the
 * request's class, applied to each listed zone. This is a small model;
 * it knows nothing the log does not say (per-CPU counter drift, a zone
 * that changed between the failure and the dump).
 */

/**
 * enum ms_allocfail_verdict - one zone's answer
 * @MS_ALLOCFAIL_BELOW_WMARK:   free - unusable - (2^order - 1) <= reduced
 *                              min + lowmem_reserve
 * @MS_ALLOCFAIL_NO_BLOCK:      the count passes, but no free list the
 *                              request may use has a block of order >= N
 *                              (4.4+: by the migrate-type letters)
 * @MS_ALLOCFAIL_TOO_FRAGMENTED: up to 4.3: the per-order loop fails (too
 *                              few pages in blocks of order >= N)
 * @MS_ALLOCFAIL_WOULD_PASS:    the numbers pass: memory was freed between
 *                              the failure and the dump, or the failure
 *                              had another cause (transient?)
 * @MS_ALLOCFAIL_NOT_ELIGIBLE:  the zone is above the request's highest
 *                              zone (a GFP_DMA32 request and Normal)
 * @MS_ALLOCFAIL_NO_DATA:       the zone line or the free-area line that
 *                              the test needs is missing
 */
enum ms_allocfail_verdict {
	MS_ALLOCFAIL_BELOW_WMARK,
	MS_ALLOCFAIL_NO_BLOCK,
	MS_ALLOCFAIL_TOO_FRAGMENTED,
	MS_ALLOCFAIL_WOULD_PASS,
	MS_ALLOCFAIL_NOT_ELIGIBLE,
	MS_ALLOCFAIL_NO_DATA,
};

/**
 * ms_allocfail_verdict_text() - "below watermark", "would pass
 * (transient?)", ...
 */
const char *ms_allocfail_verdict_text(enum ms_allocfail_verdict v);

/**
 * struct ms_allocfail_zone - the test for one zone, in pages
 * @node, @zone:      as in the log (@node -1 without CONFIG_NUMA)
 * @index:            zone index (position in lowmem_reserve[]), -1 when
 *                    it could not be told
 * @free_pages:       "free:" of the zone line
 * @unusable_pages:   what the request may not use: the highatomic
 *                    reserve (unless privileged; free highatomic pages
 *                    from 6.12) and free CMA (non-movable requests)
 * @min_pages:        "min:" (includes boost)
 * @mark_pages:       @min_pages reduced for the request's class
 *                    (ms_gfp_reduce_min())
 * @reserve_pages:    lowmem_reserve[highest zone index of the request]
 * @headroom_pages:   free - unusable - (2^order - 1) - mark - reserve;
 *                    the count passes when it is > 0
 * @largest_order:    the largest order with a block the request may use,
 *                    -1 when none (or no free-area line)
 * @boost_bypass:     the count passed only with the unboosted min
 *                    (order-0 GFP_ATOMIC, 5.4+)
 * @frag_order:       up to 4.3, when the per-order loop failed
 *                    (MS_ALLOCFAIL_TOO_FRAGMENTED): the order at which
 *                    it failed; -1 otherwise
 * @frag_free_pages:  then the free pages left in blocks of @frag_order
 *                    or larger (less 2^order - 1)
 * @frag_mark_pages:  and the mark halved once per lower order, which
 *                    they did not exceed
 * @verdict:          enum ms_allocfail_verdict
 */
struct ms_allocfail_zone {
	int node;
	char zone[MS_ZONE_NAME_MAX];
	int index;
	int64_t free_pages;
	int64_t unusable_pages;
	int64_t min_pages;
	int64_t mark_pages;
	int64_t reserve_pages;
	int64_t headroom_pages;
	int largest_order;
	bool boost_bypass;
	int frag_order;
	int64_t frag_free_pages;
	int64_t frag_mark_pages;
	enum ms_allocfail_verdict verdict;
};

#define MS_ALLOCFAIL_NOTE_MAX 200

/**
 * struct ms_allocfail - the explanation of one report
 * @kver:          the layout and rules used (MS_GFP_KVER encoding)
 * @kver_source:   "log" (the CPU line's release), "given" (the caller's),
 *                 "flags" (the newest layout whose rendering of the mode
 *                 equals the printed names), "letters" or "mode bits"
 *                 (before 4.5, from the migrate-type letters or the bits
 *                 of the mode) or "default" (nothing to go by)
 * @flags:         the names as printed, or decoded with ms_gfp_format()
 *                 when the kernel printed none (@flags_decoded)
 * @gfp:           ms_gfp_explain() of the mode at the report's order
 * @highest_zone:  gfp_zone() of the mode
 * @order:         the report's order (0 when not printed)
 * @page_kb:       page size used to turn kB into pages
 * @zones:         one entry per zone of the report, in log order
 * @verdict:       the report's answer: WOULD_PASS if any eligible zone
 *                 passes; else NO_DATA if an eligible zone lacks the
 *                 lines the test needs (or none is listed); else
 *                 NO_BLOCK (TOO_FRAGMENTED before 4.4) if some zone
 *                 failed only for fragmentation; else BELOW_WMARK
 * @notes:         assumptions made (kernel version guessed, highatomic
 *                 pages not in the log, printed flags that differ from
 *                 the layout's rendering)
 */
struct ms_allocfail {
	uint32_t kver;
	const char *kver_source;
	char flags[MS_KMSG_FLAGS_MAX];
	bool flags_decoded;
	struct ms_gfp_explain gfp;
	enum ms_gfp_mask_zone highest_zone;
	unsigned int order;
	unsigned int page_kb;
	struct ms_allocfail_zone *zones;
	size_t nr_zones;
	enum ms_allocfail_verdict verdict;
	char notes[4][MS_ALLOCFAIL_NOTE_MAX];
	unsigned int nr_notes;
};

/**
 * ms_allocfail_guess_kver() - the kernel whose rules apply to @r
 * @source: receives how it was chosen (see struct ms_allocfail)
 *
 * The release of the CPU line when the log has it; otherwise the newest
 * layout whose %pGg rendering of the mode equals the printed names
 * (bounded by what the text format says: a separate cpuset line means
 * before 5.0); for the name-less headlines of 4.4 and older, 4.4 when
 * the free-area letters have an 'H' or the mode has a 4.4-only reclaim
 * bit, 4.3 otherwise.
 */
uint32_t ms_allocfail_guess_kver(const struct ms_kmsg_report *r,
				 unsigned int cfg, const char **source);

/**
 * ms_allocfail_explain() - apply the watermark test to each zone of @r
 * @kver: the kernel whose rules to use; 0 to take it from the log
 *        (ms_allocfail_guess_kver())
 * @cfg:  enum ms_gfp_cfg bits
 * @af:   result; release with ms_allocfail_release()
 *
 * Return: 0, -EINVAL when @r has no mode to work from, -ENOMEM.
 */
int ms_allocfail_explain(const struct ms_kmsg_report *r, uint32_t kver,
			 unsigned int cfg, struct ms_allocfail *af);

void ms_allocfail_release(struct ms_allocfail *af);

#endif
