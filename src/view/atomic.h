/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_VIEW_ATOMIC_H
#define MS_VIEW_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis/atomic.h"
#include "analysis/era.h"
#include "out/out.h"

/** ms_gfp_display() - "GFP_ATOMIC|GFP_DMA32" for the class name "dma32" */
const char *ms_gfp_display(const char *gfp);

/** ms_view_era() - the "era" object: rules name, what they came from */
void ms_view_era(struct ms_out *out, const struct ms_era *era);

/** ms_view_color_risk() - the colour of a risk level (text only) */
void ms_view_color_risk(struct ms_out *out, enum ms_risk risk);

/** ms_view_assumptions() - the "assumptions" array, one line each */
void ms_view_assumptions(struct ms_out *out, unsigned int assume);

/**
 * ms_view_atomic() - answers for @nr orders of one class
 * @single: one order asked: its members go at the top level of the JSON
 *          document; otherwise an "orders" array holds one object each
 * @gfp:    the class as given ("atomic", "dma32", ...)
 */
void ms_view_atomic(struct ms_out *out, const struct ms_atomic_result *res,
		    size_t nr, bool single, const char *gfp,
		    const struct ms_era *era);

/**
 * ms_view_summary_atomic() - the summary's "atomic" member: per order the
 * risk and total headroom of GFP_ATOMIC requests
 */
void ms_view_summary_atomic(struct ms_out *out,
			    const struct ms_atomic_result *res, size_t nr,
			    const struct ms_era *era);

#endif
