// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope validate: predicted against actual, one line per zone and
 * order. JSON keeps the rows in "results" and the node totals in
 * "totals"; text prints them as the probe runs.
 */
#include <inttypes.h>

#include "view/atomic.h"
#include "view/validate.h"
#include "lib/banned.h"

void ms_view_validate_begin(struct ms_out *out, const char *gfp,
			    unsigned int first, unsigned int last,
			    const struct ms_era *era, const char *probe)
{
	ms_out_str(out, "gfp", "validate: %s", gfp);
	ms_out_text(out, " (%s)", ms_gfp_display(gfp));
	ms_out_u64(out, "first_order", ", orders %" PRIu64, first);
	ms_out_u64(out, "last_order", "-%" PRIu64 ", ", last);
	ms_view_era(out, era);
	ms_out_str(out, "probe", "\nvalidate: probe %s\n", probe);
}

static void row_json(struct ms_out *out, const struct ms_validate_row *r)
{
	ms_out_s64(out, "node", NULL, r->node);
	if (r->zone[0])
		ms_out_str(out, "zone", NULL, r->zone);
	ms_out_u64(out, "order", NULL, r->order);
	if (!r->zone[0])
		ms_out_u64(out, "requested", NULL, r->requested);
	ms_out_u64(out, "predicted", NULL, r->predicted);
	ms_out_u64(out, "actual", NULL, r->actual);
	ms_out_s64(out, "error", NULL, r->error);
	ms_out_u64(out, "tolerance", NULL, r->tolerance);
	ms_out_bool(out, "within", NULL, r->within);
	ms_out_bool(out, "skipped", NULL, r->skipped);
	if (r->zone[0])
		ms_out_bool(out, "in_model", NULL, r->in_model);
}

static void row_text(struct ms_out *out, const struct ms_validate_row *r)
{
	if (r->zone[0])
		ms_out_text(out, "validate: node=%d zone=%s order=%u", r->node,
			    r->zone, r->order);
	else
		ms_out_text(out, "total: node=%d order=%u requested=%" PRIu64,
			    r->node, r->order, r->requested);
	ms_out_text(out,
		    " predicted=%" PRIu64 " actual=%" PRIu64 " error=%+" PRId64
		    " tolerance=%" PRIu64 " %s%s\n",
		    r->predicted, r->actual, r->error, r->tolerance,
		    r->skipped ? "skipped (the probe's request limit)" :
		    r->within  ? "ok" :
				 "MISS",
		    r->zone[0] && !r->in_model ? " (zone not in the model)" :
						 "");
}

void ms_view_validate_progress(struct ms_out *out,
			       const struct ms_validate_row *rows, size_t nr,
			       const struct ms_validate_row *total)
{
	size_t i;

	if (ms_out_is_json(out))
		return;
	for (i = 0; i < nr; i++)
		row_text(out, &rows[i]);
	row_text(out, total);
}

static void rows_json(struct ms_out *out, const char *key,
		      const struct ms_validate_row *rows, size_t nr)
{
	size_t i;

	ms_out_arr_open(out, key);
	for (i = 0; i < nr; i++) {
		ms_out_obj_open(out, NULL);
		row_json(out, &rows[i]);
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
}

void ms_view_validate_end(struct ms_out *out,
			  const struct ms_validate_row *rows, size_t nr_rows,
			  const struct ms_validate_row *totals,
			  size_t nr_totals, uint64_t skipped, uint64_t missed)
{
	if (ms_out_is_json(out)) {
		rows_json(out, "results", rows, nr_rows);
		rows_json(out, "totals", totals, nr_totals);
	}
	ms_out_u64(out, "nr_checked", "validate: %" PRIu64 " zone/order pairs",
		   nr_rows - skipped);
	ms_out_u64(out, "nr_skipped", " checked, %" PRIu64 " skipped", skipped);
	ms_out_u64(out, "nr_missed", ", %" PRIu64 " outside the tolerance\n",
		   missed);
}
