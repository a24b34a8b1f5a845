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
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
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

int ms_scullp_map(struct ms_scullp_map *m, const struct ms_scull *sc,
		  const struct ms_zoneinfo *zi)
{
	size_t i, d, n = sc->nr_quanta ? sc->nr_quanta : 1;
	size_t nz = zi->nr_zones ? zi->nr_zones : 1;
	size_t nd = sc->nr_devs ? sc->nr_devs : 1;

	memset(m, 0, sizeof(*m));
	m->nr_zones = zi->nr_zones;
	m->place = calloc(n, sizeof(*m->place));
	m->zone = calloc(n, sizeof(*m->zone));
	m->zone_quanta = calloc(nz, sizeof(*m->zone_quanta));
	m->zone_pages = calloc(nz, sizeof(*m->zone_pages));
	if (nd > SIZE_MAX / nz / sizeof(*m->dev_zone_quanta)) {
		ms_scullp_map_release(m);
		return -ENOMEM;
	}
	m->dev_zone_quanta = calloc(nd * nz, sizeof(*m->dev_zone_quanta));
	if (!m->place || !m->zone || !m->zone_quanta || !m->zone_pages ||
	    !m->dev_zone_quanta) {
		ms_scullp_map_release(m);
		return -ENOMEM;
	}
	for (d = 0; d < sc->nr_devs; d++) {
		const struct ms_scull_dev *dev = &sc->devs[d];

		for (i = dev->first; i < dev->first + dev->nr_quanta; i++) {
			const struct ms_scull_quantum *q = &sc->quanta[i];
			size_t z;

			m->place[i] = ms_scullp_place(zi, q, &m->zone[i]);
			if (m->place[i] != MS_PLACE_OK) {
				m->nr_misplaced++;
				continue;
			}
			z = (size_t)(m->zone[i] - zi->zones);
			m->zone_quanta[z]++;
			m->zone_pages[z] += (uint64_t)1 << q->order;
			m->dev_zone_quanta[d * nz + z]++;
		}
	}
	return 0;
}

void ms_scullp_map_release(struct ms_scullp_map *m)
{
	free(m->place);
	free(m->zone);
	free(m->zone_quanta);
	free(m->zone_pages);
	free(m->dev_zone_quanta);
	memset(m, 0, sizeof(*m));
}

int ms_scullv_map(struct ms_scullv_map *m, const struct ms_scull *sc,
		  const struct ms_vmareas *va)
{
	size_t i, n = sc->nr_quanta ? sc->nr_quanta : 1;

	memset(m, 0, sizeof(*m));
	m->addrs = ms_scullv_addrs(sc);
	if (!va || va->hidden || m->addrs == MS_VADDRS_HIDDEN)
		return 0;
	m->match = calloc(n, sizeof(*m->match));
	m->area = calloc(n, sizeof(*m->area));
	if (!m->match || !m->area) {
		ms_scullv_map_release(m);
		return -ENOMEM;
	}
	m->matched = true;
	for (i = 0; i < sc->nr_quanta; i++) {
		m->match[i] = ms_scullv_match(va, &sc->quanta[i], &m->area[i]);
		if (m->match[i] == MS_VMATCH_OK)
			m->nr_matched++;
	}
	return 0;
}

void ms_scullv_map_release(struct ms_scullv_map *m)
{
	free(m->match);
	free(m->area);
	memset(m, 0, sizeof(*m));
}
