/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_VIEW_EXPLAIN_H
#define MS_VIEW_EXPLAIN_H

#include <stddef.h>

#include "analysis/allocfail.h"
#include "out/out.h"
#include "proc/kmsg.h"

/**
 * struct ms_view_explained - one failure report and why it failed
 * @r:  the report as parsed
 * @af: ms_allocfail_explain() of it, or NULL when the report has no
 *      mode to work from (a headline cut short)
 */
struct ms_view_explained {
	const struct ms_kmsg_report *r;
	const struct ms_allocfail *af;
};

/**
 * ms_view_explain() - every report of a log: the headline's facts, the
 * decoded mask (ms_view_gfp()), the zones of its Mem-Info block, the
 * watermark test per zone with its numbers, and the verdict
 * @input: the input as named on the command line ("-" for standard
 *         input), for JSON
 * @label: its name in warnings ("(standard input)" for "-")
 * @km:    the parsed log
 * @items: @km->nr_reports entries, in log order
 *
 * Each report's warnings become warnings of the output ("LABEL:LINE:
 * MSG"), after the report's text. Text taken from the log is written
 * with control characters and invalid UTF-8 replaced by '?'.
 */
void ms_view_explain(struct ms_out *out, const char *input, const char *label,
		     const struct ms_kmsg *km,
		     const struct ms_view_explained *items);

#endif
