// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The placement of the companion module's memory. A scullp block is
 * looked up in the zone spans of /proc/zoneinfo (zone_start_pfn and
 * spanned_pages, printed as "start_pfn" and "spanned" by
 * zoneinfo_show_print()); a zone's span may include holes and, on some
 * machines, interleave with another node's, which is why the node the
 * module reports (page_to_nid()) picks among the candidates. A scullv
 * quantum is matched with the /proc/vmallocinfo line of the same start
 * address: kmod/scull.c prints both with %pK, so even hashed addresses
 * agree.
 */
#include <string.h>

#include "analysis/scull.h"
#include "lib/banned.h"

static bool spans(const struct ms_zone *z, uint64_t pfn)
{
	return z->spanned_pages && pfn >= z->start_pfn &&
	       pfn - z->start_pfn < z->spanned_pages;
}

enum ms_place ms_scullp_place(const struct ms_zoneinfo *zi,
			      const struct ms_scull_quantum *q,
			      const struct ms_zone **zone)
{
	const struct ms_zone *first = NULL, *match = NULL;
	uint64_t pages = (uint64_t)1 << (q->order < 63 ? q->order : 63);
	size_t i, nr_nodes = 0;
	int last_node = -1;

	*zone = NULL;
	for (i = 0; i < zi->nr_zones; i++) {
		const struct ms_zone *z = &zi->zones[i];

		if (!(z->has & MS_ZONE_HAS_START_PFN) || !spans(z, q->pfn))
			continue;
		if (!first)
			first = z;
		if (z->node != last_node) {
			nr_nodes++;
			last_node = z->node;
		}
		if (q->node >= 0 ? z->node == q->node : !match)
			match = z;
	}
	if (!first)
		return MS_PLACE_NO_ZONE;
	if (!match) {
		*zone = first;
		return MS_PLACE_OTHER_NODE;
	}
	*zone = match;
	if (q->node < 0 && nr_nodes > 1)
		return MS_PLACE_AMBIGUOUS;
	if (pages > match->spanned_pages - (q->pfn - match->start_pfn))
		return MS_PLACE_STRADDLES;
	if (!ms_zone_populated(match))
		return MS_PLACE_UNPOPULATED;
	return MS_PLACE_OK;
}

const char *ms_place_name(enum ms_place place)
{
	switch (place) {
	case MS_PLACE_OK:
		return "ok";
	case MS_PLACE_NO_ZONE:
		return "no-zone";
	case MS_PLACE_OTHER_NODE:
		return "other-node";
	case MS_PLACE_AMBIGUOUS:
		return "ambiguous";
	case MS_PLACE_STRADDLES:
		return "straddles";
	case MS_PLACE_UNPOPULATED:
		return "unpopulated";
	}
	return "?";
}

enum ms_vaddrs ms_scullv_addrs(const struct ms_scull *sc)
{
	bool nonzero = false, real = true;
	size_t i, d;

	if (!sc->nr_quanta)
		return MS_VADDRS_NONE;
	for (d = 0; d < sc->nr_devs; d++) {
		const struct ms_scull_dev *dev = &sc->devs[d];
		const struct ms_scull_quantum *q = ms_scull_dev_quanta(sc, d);

		for (i = 0; i < dev->nr_quanta; i++) {
			if (q[i].start || q[i].end)
				nonzero = true;
			if (q[i].end < q[i].start ||
			    q[i].end - q[i].start != dev->quantum_bytes)
				real = false;
		}
	}
	if (!nonzero)
		return MS_VADDRS_HIDDEN;
	return real ? MS_VADDRS_REAL : MS_VADDRS_HASHED;
}

const char *ms_vaddrs_name(enum ms_vaddrs a)
{
	switch (a) {
	case MS_VADDRS_NONE:
		return "none";
	case MS_VADDRS_REAL:
		return "real";
	case MS_VADDRS_HASHED:
		return "hashed";
	case MS_VADDRS_HIDDEN:
		return "hidden";
	}
	return "?";
}

enum ms_vmatch ms_scullv_match(const struct ms_vmareas *va,
			       const struct ms_scull_quantum *q,
			       const struct ms_vmarea **area)
{
	const struct ms_vmarea *a = ms_vmareas_find(va, q->start);

	*area = a;
	if (!a)
		return MS_VMATCH_NO_AREA;
	if (strcmp(a->caller, MS_SCULLV_CALLER) ||
	    (a->module[0] && strcmp(a->module, MS_SCULL_MODULE)))
		return MS_VMATCH_CALLER;
	if (a->pages && a->pages != q->pages)
		return MS_VMATCH_PAGES;
	return MS_VMATCH_OK;
}

const char *ms_vmatch_name(enum ms_vmatch m)
{
	switch (m) {
	case MS_VMATCH_OK:
		return "ok";
	case MS_VMATCH_NO_AREA:
		return "no-area";
	case MS_VMATCH_CALLER:
		return "caller";
	case MS_VMATCH_PAGES:
		return "pages";
	}
	return "?";
}

const char *ms_vmatch_text(enum ms_vmatch m)
{
	switch (m) {
	case MS_VMATCH_OK:
		return "matched";
	case MS_VMATCH_NO_AREA:
		return "no vmallocinfo area starts there";
	case MS_VMATCH_CALLER:
		return "the area there has another caller";
	case MS_VMATCH_PAGES:
		return "the area there has another number of pages";
	}
	return "?";
}
