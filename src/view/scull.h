/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_VIEW_SCULL_H
#define MS_VIEW_SCULL_H

#include <stdbool.h>

#include "analysis/scull.h"
#include "out/out.h"
#include "proc/scull.h"
#include "proc/zoneinfo.h"

/**
 * ms_view_scullp() - the "scullp" object: per device its quanta, bytes,
 * order and quanta per zone; quanta per zone over all devices; every
 * quantum with its zone (JSON always, text with @list)
 * @m: the placement of @sc's quanta in @zi's zones
 */
void ms_view_scullp(struct ms_out *out, const struct ms_scull *sc,
		    const struct ms_zoneinfo *zi, const struct ms_scullp_map *m,
		    bool list);

/**
 * ms_view_scullv() - the "scullv" object: per device its quanta, bytes
 * and pages per quantum, how many quanta matched /proc/vmallocinfo and
 * which did not and why; every quantum (JSON always, text with @list)
 * @why_unmatched: when @m->matched is false, why ("addresses hidden
 *                 (kptr_restrict)", "vmallocinfo unavailable")
 */
void ms_view_scullv(struct ms_out *out, const struct ms_scull *sc,
		    const struct ms_scullv_map *m, const char *why_unmatched,
		    bool list);

#endif
