// SPDX-License-Identifier: GPL-2.0-or-later
/* memscope atomic: the watermark model's answer per order and zone. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "out/units.h"
#include "view/atomic.h"
#include "lib/banned.h"

/* Zones per text table: 22 columns of row head + 4 x 14 fit 80. */
#define ZONES_PER_TABLE 4

const char *ms_gfp_display(const char *gfp)
{
	static const struct {
		const char *name, *display;
	} map[] = {
		{ "atomic", "GFP_ATOMIC" },
		{ "nowait", "GFP_NOWAIT" },
		{ "kernel", "GFP_KERNEL" },
		{ "dma", "GFP_ATOMIC|GFP_DMA" },
		{ "dma32", "GFP_ATOMIC|GFP_DMA32" },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i].name, gfp))
			return map[i].display;
	return gfp;
}

void ms_view_era(struct ms_out *out, const struct ms_era *era)
{
	ms_out_obj_open(out, "era");
	ms_out_str(out, "name", "rules of kernel %s", era->name);
	ms_out_str(out, "source", " (from the %s)",
		   ms_era_source_name(era->source));
	ms_out_str(out, "kernel", NULL,
		   era->kver.release[0] ? era->kver.release : NULL);
	ms_out_obj_close(out);
}

void ms_view_assumptions(struct ms_out *out, unsigned int assume)
{
	unsigned int bit;

	ms_out_arr_open(out, "assumptions");
	for (bit = 0; bit < MS_ASSUME_NR; bit++)
		if (assume & (1u << bit))
			ms_out_str(out, NULL, "assuming: %s\n",
				   ms_atomic_assume_text(1u << bit));
	ms_out_arr_close(out);
}

static void zone_json(struct ms_out *out, const struct ms_atomic_zone *az,
		      unsigned int order)
{
	ms_out_s64(out, "node", NULL, az->zone->node);
	ms_out_str(out, "zone", NULL, az->zone->name);
	ms_out_bool(out, "passes", NULL, az->passes);
	ms_out_bool(out, "passes_fast", NULL, az->passes_fast);
	ms_out_u64(out, "headroom", NULL, az->headroom);
	ms_out_str(out, "limit", NULL, ms_atomic_limit_name(az->limit));
	ms_out_s64(out, "margin_pages", NULL, az->margin_pages);
	ms_out_s64(out, "free_pages", NULL, az->free_pages);
	ms_out_s64(out, "mark_pages", NULL, az->mark_pages);
	ms_out_s64(out, "mark_fast_pages", NULL, az->mark_fast_pages);
	ms_out_s64(out, "protection_pages", NULL, az->protection_pages);
	ms_out_s64(out, "highatomic_pages", NULL, az->highatomic_pages);
	ms_out_s64(out, "cma_pages", NULL, az->cma_pages);
	ms_out_s64(out, "unaccepted_pages", NULL, az->unaccepted_pages);
	if (az->blocks == UINT64_MAX)
		ms_out_null(out, "blocks", NULL);
	else
		ms_out_u64(out, "blocks", NULL, az->blocks);
	if (order == 0) {
		ms_out_obj_open(out, "levels");
		ms_out_s64(out, "kswapd_wake_pages", NULL,
			   az->levels.kswapd_wake_pages);
		ms_out_s64(out, "direct_reclaim_pages", NULL,
			   az->levels.direct_reclaim_pages);
		ms_out_s64(out, "atomic_fail_pages", NULL,
			   az->levels.atomic_fail_pages);
		ms_out_s64(out, "atomic_reserve_pages", NULL,
			   az->levels.atomic_reserve_pages);
		ms_out_obj_close(out);
	}
}

/* One request's JSON members, in the current object. */
static void result_json(struct ms_out *out, const struct ms_atomic_result *r)
{
	size_t z;

	ms_out_u64(out, "order", NULL, r->req.order);
	ms_out_str(out, "risk", NULL, ms_risk_name(r->risk));
	ms_out_bool(out, "passes", NULL, r->passes);
	ms_out_bool(out, "passes_fast", NULL, r->passes_fast);
	ms_out_u64(out, "headroom_total", NULL, r->headroom);
	ms_out_u64(out, "reserve_index", NULL, r->reserve_idx);
	ms_out_arr_open(out, "zones");
	for (z = 0; z < r->nr_zones; z++) {
		ms_out_obj_open(out, NULL);
		zone_json(out, &r->zones[z], r->req.order);
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
}

void ms_view_color_risk(struct ms_out *out, enum ms_risk risk)
{
	static const enum ms_color c[] = {
		[MS_RISK_OK] = MS_COLOR_GREEN,
		[MS_RISK_LOW] = MS_COLOR_NONE,
		[MS_RISK_HIGH] = MS_COLOR_YELLOW,
		[MS_RISK_FAIL] = MS_COLOR_RED,
	};

	ms_out_color(out, c[risk]);
}

/*
 * The text table: a row per order, a column per zone of the zonelist,
 * each cell the zone's headroom with "W" when the watermark ends it and
 * "B" when the free blocks do; "-" where the zone fails now.
 */
static void text_table(struct ms_out *out, const struct ms_atomic_result *res,
		       size_t nr, size_t z0, size_t z1)
{
	char buf[32];
	size_t i, z;

	ms_out_text(out, "ORDER  RISK       TOTAL");
	for (z = z0; z < z1; z++) {
		const struct ms_zone *zz = res[0].zones[z].zone;

		snprintf(buf, sizeof(buf), "%d/%s", zz->node, zz->name);
		ms_out_text(out, "  %12s", buf);
	}
	ms_out_text(out, "\n");
	for (i = 0; i < nr; i++) {
		const struct ms_atomic_result *r = &res[i];

		ms_out_text(out, "%5u  ", r->req.order);
		ms_view_color_risk(out, r->risk);
		ms_out_text(out, "%-5s", ms_risk_name(r->risk));
		ms_out_color(out, MS_COLOR_NONE);
		ms_out_text(out, " %10s",
			    ms_units_count(buf, sizeof(buf), r->headroom));
		for (z = z0; z < z1 && z < r->nr_zones; z++) {
			const struct ms_atomic_zone *az = &r->zones[z];

			if (!az->passes)
				ms_out_text(out, "  %12s", "-");
			else
				ms_out_text(out, "  %10s %c",
					    ms_units_count(buf, sizeof(buf),
							   az->headroom),
					    az->limit == MS_LIMIT_BLOCKS ? 'B' :
									   'W');
		}
		ms_out_text(out, "\n");
	}
}

static void levels_text(struct ms_out *out, const struct ms_atomic_result *r)
{
	char a[32], b[32], c[32], d[32], e[32];
	size_t z;

	ms_out_text(out, "\nOrder-0 levels (free pages at which ...):\n"
			 "ZONE              FREE  KSWAPD WAKES  KERNEL RECLAIMS"
			 "  ATOMIC FAILS\n");
	for (z = 0; z < r->nr_zones; z++) {
		const struct ms_atomic_zone *az = &r->zones[z];

		snprintf(e, sizeof(e), "%d/%s", az->zone->node, az->zone->name);
		ms_out_text(
			out, "%-12s %9s %13s %16s %13s\n", e,
			ms_units_count(a, sizeof(a), (uint64_t)az->free_pages),
			ms_units_count(b, sizeof(b),
				       (uint64_t)az->levels.kswapd_wake_pages),
			ms_units_count(
				c, sizeof(c),
				(uint64_t)az->levels.direct_reclaim_pages),
			ms_units_count(d, sizeof(d),
				       (uint64_t)az->levels.atomic_fail_pages));
	}
}

void ms_view_atomic(struct ms_out *out, const struct ms_atomic_result *res,
		    size_t nr, bool single, const char *gfp,
		    const struct ms_era *era)
{
	unsigned int assume = 0;
	size_t i, z0;

	for (i = 0; i < nr; i++)
		assume |= res[i].assume;
	ms_out_str(out, "gfp", NULL, gfp);
	ms_out_text(out, "%s requests from node %d, ", ms_gfp_display(gfp),
		    res[0].zones[0].zone->node);
	ms_view_era(out, era);
	ms_out_text(out, "\n");
	ms_view_assumptions(out, assume);
	ms_out_text(out, "\n");
	if (single) {
		result_json(out, &res[0]);
	} else {
		ms_out_arr_open(out, "orders");
		for (i = 0; i < nr; i++) {
			ms_out_obj_open(out, NULL);
			result_json(out, &res[i]);
			ms_out_obj_close(out);
		}
		ms_out_arr_close(out);
	}
	if (ms_out_is_json(out))
		return;
	for (z0 = 0; z0 < res[0].nr_zones; z0 += ZONES_PER_TABLE) {
		size_t z1 = z0 + ZONES_PER_TABLE;

		if (z1 > res[0].nr_zones)
			z1 = res[0].nr_zones;
		if (z0)
			ms_out_text(out, "\n");
		text_table(out, res, nr, z0, z1);
	}
	ms_out_text(out, "\nheadroom: consecutive requests that succeed; "
			 "W: the watermark ends it, B: the free blocks do\n");
	if (res[0].req.order == 0)
		levels_text(out, &res[0]);
}

void ms_view_summary_atomic(struct ms_out *out,
			    const struct ms_atomic_result *res, size_t nr,
			    const struct ms_era *era)
{
	char buf[32];
	size_t i;

	ms_out_obj_open(out, "atomic");
	ms_out_text(out, "\nGFP_ATOMIC headroom by order (");
	ms_out_str(out, "era", "rules of %s):\n", era->name);
	ms_out_arr_open(out, "orders");
	for (i = 0; i < nr; i++) {
		ms_out_obj_open(out, NULL);
		ms_out_u64(out, "order", " %2" PRIu64 ":", res[i].req.order);
		ms_view_color_risk(out, res[i].risk);
		ms_out_str(out, "risk", "%-4s", ms_risk_name(res[i].risk));
		ms_out_color(out, MS_COLOR_NONE);
		ms_out_u64(out, "headroom_total", NULL, res[i].headroom);
		ms_out_text(out, " %6s%s",
			    ms_units_count(buf, sizeof(buf), res[i].headroom),
			    i % 6 == 5 || i + 1 == nr ? "\n" : "");
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
	ms_out_obj_close(out);
}
