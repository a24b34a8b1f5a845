// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope --format prom: zones, buddy free lists, fragmentation and the
 * GFP_ATOMIC model as Prometheus metrics. Names follow the Prometheus
 * conventions: a memscope_ prefix, base units in the name (_bytes),
 * ratios as _ratio, and label sets that stay bounded (nodes, zones,
 * orders, a fixed list of files).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "analysis/frag.h"
#include "analysis/vmalloc.h"
#include "analysis/wmark.h"
#include "out/prom.h"
#include "proc/buddyinfo.h"
#include "proc/kv.h"
#include "proc/vmallocinfo.h"
#include "proc/zoneinfo.h"
#include "view/prom.h"
#include "lib/banned.h"

struct zone_labels {
	char node[16];
	struct ms_prom_label l[4];
};

static void zone_labels(struct zone_labels *zl, int node, const char *zone)
{
	snprintf(zl->node, sizeof(zl->node), "%d", node);
	zl->l[0] = (struct ms_prom_label){ "node", zl->node };
	zl->l[1] = (struct ms_prom_label){ "zone", zone };
}

static void info(struct ms_prom *p, const struct ms_snapshot *snap,
		 const char *era)
{
	const struct ms_meta *m = &snap->meta;
	struct ms_prom_label l[] = {
		{ "version", MS_VERSION },
		{ "kernel_release", m->kernel_release },
		{ "arch", m->arch },
		{ "rules", era ? era : "" },
	};
	static const struct {
		enum ms_file_id id;
		const char *name;
	} files[] = {
		{ MS_FILE_BUDDYINFO, "buddyinfo" },
		{ MS_FILE_ZONEINFO, "zoneinfo" },
		{ MS_FILE_PAGETYPEINFO, "pagetypeinfo" },
		{ MS_FILE_MEMINFO, "meminfo" },
		{ MS_FILE_VMALLOCINFO, "vmallocinfo" },
	};
	size_t i;

	ms_prom_family(p, "memscope_info", "gauge",
		       "memscope version, kernel release and the page "
		       "allocator rules modelled");
	ms_prom_sample_u64(p, "memscope_info", l, ARRAY_SIZE(l), 1);
	ms_prom_family(p, "memscope_page_size_bytes", "gauge",
		       "Bytes per page");
	ms_prom_sample_u64(p, "memscope_page_size_bytes", NULL, 0,
			   m->page_size);
	ms_prom_family(p, "memscope_file_readable", "gauge",
		       "1 when the file was read and parsed, 0 when it was "
		       "missing or unreadable (often: root only)");
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		struct ms_prom_label fl = { "file", files[i].name };

		ms_prom_sample_u64(p, "memscope_file_readable", &fl, 1,
				   ms_snapshot_get(snap, files[i].id) != NULL);
	}
}

static void meminfo(struct ms_prom *p, const struct ms_kv *mi)
{
	size_t i;

	ms_prom_family(p, "memscope_meminfo_bytes", "gauge",
		       "/proc/meminfo sizes, in bytes");
	for (i = 0; i < mi->nr_items; i++) {
		struct ms_prom_label l = { "key", mi->items[i].key };

		if (mi->items[i].unit_kb)
			ms_prom_sample_u64(p, "memscope_meminfo_bytes", &l, 1,
					   mi->items[i].value * 1024);
	}
}

/* A per-zone family from one field of struct ms_zone. */
static void zone_family(struct ms_prom *p, const struct ms_zoneinfo *zi,
			uint64_t page_size, const char *name, const char *help,
			size_t offset)
{
	size_t i;

	ms_prom_family(p, name, "gauge", help);
	for (i = 0; i < zi->nr_zones; i++) {
		const struct ms_zone *z = &zi->zones[i];
		struct zone_labels zl;
		uint64_t v;

		if (!ms_zone_populated(z))
			continue;
		memcpy(&v, (const char *)z + offset, sizeof(v));
		zone_labels(&zl, z->node, z->name);
		ms_prom_sample_u64(p, name, zl.l, 2, v * page_size);
	}
}

static void zones(struct ms_prom *p, const struct ms_zoneinfo *zi,
		  uint64_t page_size)
{
	static const struct {
		const char *level;
		size_t offset;
	} marks[] = {
		{ "min", offsetof(struct ms_zone, min_pages) },
		{ "low", offsetof(struct ms_zone, low_pages) },
		{ "high", offsetof(struct ms_zone, high_pages) },
	};
	size_t i, m;

	zone_family(p, zi, page_size, "memscope_zone_free_bytes",
		    "Free memory of the zone (zoneinfo pages free)",
		    offsetof(struct ms_zone, free_pages));
	zone_family(p, zi, page_size, "memscope_zone_managed_bytes",
		    "Memory of the zone managed by the buddy allocator",
		    offsetof(struct ms_zone, managed_pages));
	zone_family(p, zi, page_size, "memscope_zone_present_bytes",
		    "Memory physically present in the zone",
		    offsetof(struct ms_zone, present_pages));
	zone_family(p, zi, page_size, "memscope_zone_boost_bytes",
		    "Current watermark boost of the zone (0 when not shown)",
		    offsetof(struct ms_zone, boost_pages));
	ms_prom_family(p, "memscope_zone_watermark_bytes", "gauge",
		       "Zone watermarks including the boost: min (GFP_KERNEL "
		       "reclaims below it), low (kswapd wakes), high (kswapd "
		       "sleeps)");
	for (i = 0; i < zi->nr_zones; i++) {
		const struct ms_zone *z = &zi->zones[i];
		struct zone_labels zl;

		if (!ms_zone_populated(z))
			continue;
		zone_labels(&zl, z->node, z->name);
		for (m = 0; m < ARRAY_SIZE(marks); m++) {
			uint64_t v;

			memcpy(&v, (const char *)z + marks[m].offset,
			       sizeof(v));
			zl.l[2] = (struct ms_prom_label){ "level",
							  marks[m].level };
			ms_prom_sample_u64(p, "memscope_zone_watermark_bytes",
					   zl.l, 3, v * page_size);
		}
	}
	ms_prom_family(p, "memscope_zone_state", "gauge",
		       "1 for the zone's state against its watermarks (ok, "
		       "below_high, below_low, below_min), 0 for the others");
	for (i = 0; i < zi->nr_zones; i++) {
		static const enum ms_zone_state st[] = { MS_ZONE_OK,
							 MS_ZONE_BELOW_HIGH,
							 MS_ZONE_BELOW_LOW,
							 MS_ZONE_BELOW_MIN };
		const struct ms_zone *z = &zi->zones[i];
		struct zone_labels zl;

		if (!ms_zone_populated(z))
			continue;
		zone_labels(&zl, z->node, z->name);
		for (m = 0; m < ARRAY_SIZE(st); m++) {
			zl.l[2] = (struct ms_prom_label){
				"state", ms_zone_state_name(st[m])
			};
			ms_prom_sample_u64(p, "memscope_zone_state", zl.l, 3,
					   ms_zone_state(z) == st[m]);
		}
	}
}

static void buddy(struct ms_prom *p, const struct ms_buddyinfo *bi)
{
	static const char *const names[] = {
		"memscope_buddy_free_blocks",
		"memscope_buddy_unusable_free_ratio",
		"memscope_buddy_fragmentation_index",
	};
	static const char *const helps[] = {
		"Free blocks of the order on the zone's buddy lists "
		"(/proc/buddyinfo)",
		"Fraction of free memory in blocks too small for the order "
		"(the kernel's unusable_index)",
		"The kernel's extfrag_index: towards 0 a failure of the order "
		"is for lack of memory, towards 1 for fragmentation; -1 when "
		"a block of the order is free",
	};
	size_t f, i;
	unsigned int o;

	for (f = 0; f < ARRAY_SIZE(names); f++) {
		ms_prom_family(p, names[f], "gauge", helps[f]);
		for (i = 0; i < bi->nr_zones; i++) {
			const struct ms_buddy_zone *bz = &bi->zones[i];
			struct zone_labels zl;
			char ord[8];

			zone_labels(&zl, bz->node, bz->zone);
			for (o = 0; o < bi->nr_orders && o < MS_MAX_ORDERS;
			     o++) {
				struct ms_contig info;

				snprintf(ord, sizeof(ord), "%u", o);
				zl.l[2] =
					(struct ms_prom_label){ "order", ord };
				ms_frag_contig(bz->free_blocks, bi->nr_orders,
					       o, &info);
				if (f == 0)
					ms_prom_sample_u64(p, names[f], zl.l, 3,
							   bz->free_blocks[o]);
				else
					ms_prom_sample(
						p, names[f], zl.l, 3,
						(f == 1 ? ms_frag_unusable(
								  &info, o) :
							  ms_frag_extfrag(&info,
									  o)) /
							1000.0);
			}
		}
	}
}

static void atomic(struct ms_prom *p, const struct ms_atomic_result *res,
		   size_t nr)
{
	size_t i, z;
	char ord[8];

	ms_prom_family(p, "memscope_atomic_headroom_requests", "gauge",
		       "Consecutive GFP_ATOMIC requests of the order that "
		       "would succeed now (the page allocator's watermark "
		       "rules, summed over the zonelist of the lowest node)");
	for (i = 0; i < nr; i++) {
		struct ms_prom_label l[] = { { "gfp", "atomic" },
					     { "order", ord } };

		snprintf(ord, sizeof(ord), "%u", res[i].req.order);
		ms_prom_sample_u64(p, "memscope_atomic_headroom_requests", l, 2,
				   res[i].headroom);
	}
	ms_prom_family(p, "memscope_atomic_risk_level", "gauge",
		       "Risk of the order's GFP_ATOMIC requests: 0 ok, 1 low, "
		       "2 high, 3 fail (see memscope(1))");
	for (i = 0; i < nr; i++) {
		struct ms_prom_label l[] = { { "gfp", "atomic" },
					     { "order", ord } };

		snprintf(ord, sizeof(ord), "%u", res[i].req.order);
		ms_prom_sample_u64(p, "memscope_atomic_risk_level", l, 2,
				   (uint64_t)res[i].risk);
	}
	ms_prom_family(p, "memscope_atomic_zone_headroom_requests", "gauge",
		       "The same per zone of the zonelist");
	for (i = 0; i < nr; i++) {
		for (z = 0; z < res[i].nr_zones; z++) {
			const struct ms_atomic_zone *az = &res[i].zones[z];
			struct zone_labels zl;

			zone_labels(&zl, az->zone->node, az->zone->name);
			snprintf(ord, sizeof(ord), "%u", res[i].req.order);
			zl.l[2] = (struct ms_prom_label){ "gfp", "atomic" };
			zl.l[3] = (struct ms_prom_label){ "order", ord };
			ms_prom_sample_u64(
				p, "memscope_atomic_zone_headroom_requests",
				zl.l, 4, az->headroom);
		}
	}
}

/*
 * The areas of /proc/vmallocinfo by the one type each is counted under
 * (analysis/vmalloc.h), so the types add up to the whole file. Every
 * type is written, zeros included, so that no series comes and goes.
 */
static void vmalloc(struct ms_prom *p, const struct ms_vmallocinfo *vi)
{
	uint64_t bytes[MS_VMALLOC_NR_TYPES] = { 0 };
	uint64_t regions[MS_VMALLOC_NR_TYPES] = { 0 };
	size_t i;
	int t;

	for (i = 0; i < vi->nr_areas; i++) {
		t = (int)ms_vmalloc_area_type(&vi->areas[i]);
		bytes[t] += vi->areas[i].size_bytes;
		regions[t]++;
	}
	ms_prom_family(p, "memscope_vmalloc_bytes", "gauge",
		       "Address space of the vmalloc areas of the type "
		       "(/proc/vmallocinfo size column, guard pages included)");
	for (t = 0; t < MS_VMALLOC_NR_TYPES; t++) {
		struct ms_prom_label l = { "type", ms_vmalloc_type_name(t) };

		ms_prom_sample_u64(p, "memscope_vmalloc_bytes", &l, 1,
				   bytes[t]);
	}
	ms_prom_family(p, "memscope_vmalloc_regions", "gauge",
		       "Number of vmalloc areas of the type");
	for (t = 0; t < MS_VMALLOC_NR_TYPES; t++) {
		struct ms_prom_label l = { "type", ms_vmalloc_type_name(t) };

		ms_prom_sample_u64(p, "memscope_vmalloc_regions", &l, 1,
				   regions[t]);
	}
}

void ms_view_prom(FILE *fp, const struct ms_prom_input *in)
{
	const struct ms_kv *mi = ms_snapshot_get(in->snap, MS_FILE_MEMINFO);
	const struct ms_zoneinfo *zi =
		ms_snapshot_get(in->snap, MS_FILE_ZONEINFO);
	const struct ms_buddyinfo *bi =
		ms_snapshot_get(in->snap, MS_FILE_BUDDYINFO);
	const struct ms_vmallocinfo *vi =
		ms_snapshot_get(in->snap, MS_FILE_VMALLOCINFO);
	struct ms_prom p;

	ms_prom_init(&p, fp);
	info(&p, in->snap, in->era);
	if (mi)
		meminfo(&p, mi);
	if (zi)
		zones(&p, zi, in->snap->meta.page_size);
	if (bi)
		buddy(&p, bi);
	if (in->atomic)
		atomic(&p, in->atomic, in->nr_atomic);
	if (vi)
		vmalloc(&p, vi);
}
