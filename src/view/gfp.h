/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_VIEW_GFP_H
#define MS_VIEW_GFP_H

#include <stddef.h>

#include "analysis/gfp.h"
#include "out/out.h"

/**
 * ms_view_wrap() - text only: "@indent@label  @text" with @label padded
 * to @label_width and @text word-wrapped at 80 columns, continuation
 * lines aligned under its first word
 */
void ms_view_wrap(struct ms_out *out, const char *indent, int label_width,
		  const char *label, const char *text);

/**
 * ms_view_gfp() - what a GFP mask makes the page allocator do: the
 * members of the current JSON object (mask, mask_value, names, kernel,
 * kernel_source, order, may_sleep, direct_reclaim, kswapd, io, fs,
 * highest_zone, zones, migratetype, watermark, reserves, modifiers,
 * warns, retry, retry_text, oom_killer, unknown_bits, context,
 * contexts), and in text one line per question
 * @ex:            ms_gfp_explain() of the mask
 * @kernel_source: how the layout was chosen, as JSON writes it
 *                 ("override", "release", "default", "log", ...)
 * @indent:        text prefix of every line
 *
 * "contexts" lists the situations of ms_gfp_contexts() whose mask, in
 * the same layout, equals @ex's once modifiers that do not change where
 * an allocation may be made are left out of both (__GFP_COMP,
 * __GFP_ZERO, __GFP_NOWARN, the retry modifiers, __GFP_NOMEMALLOC).
 */
void ms_view_gfp(struct ms_out *out, const struct ms_gfp_explain *ex,
		 const char *kernel_source, const char *indent);

/**
 * ms_view_gfp_contexts() - the table of ms_gfp_contexts(), each with its
 * mask in layout @kver ("kernel", "kernel_source", and "table":
 * situation, flags, mask, mask_value; mask null where a name is not
 * defined in that kernel)
 */
void ms_view_gfp_contexts(struct ms_out *out, uint32_t kver, unsigned int cfg,
			  const char *kernel_source);

/**
 * ms_view_gfp_kernel_text() - "6.8 (from --kernel)" for a layout and
 * its source; writes into @buf and returns it
 */
const char *ms_view_gfp_kernel_text(uint32_t kver, const char *kernel_source,
				    char *buf, size_t size);

#endif
