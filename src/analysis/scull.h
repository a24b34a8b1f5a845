/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_ANALYSIS_SCULL_H
#define MS_ANALYSIS_SCULL_H

/*
 * Where the memory of the companion module's devices lies: each scullp
 * block in the zone of /proc/zoneinfo whose span holds it, each scullv
 * quantum in its /proc/vmallocinfo area.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proc/scull.h"
#include "proc/zoneinfo.h"

/* The caller that kmod/scull.c allocates scullv quanta from. */
#define MS_SCULLV_CALLER "scullv_quantum_alloc"
#define MS_SCULL_MODULE	 "memscope_scull"

/**
 * enum ms_place - how a scullp block maps onto the zones
 * @MS_PLACE_OK:         one zone of the block's node holds all of it
 * @MS_PLACE_NO_ZONE:    no zone's [start_pfn, start_pfn + spanned) holds
 *                       its first page
 * @MS_PLACE_OTHER_NODE: a zone holds it, but on another node than the
 *                       listing names
 * @MS_PLACE_AMBIGUOUS:  the listing names no node and zones of several
 *                       nodes span the pfn (spans may interleave)
 * @MS_PLACE_STRADDLES:  the block runs past the end of its zone's span
 * @MS_PLACE_UNPOPULATED: the zone has no present pages
 */
enum ms_place {
	MS_PLACE_OK,
	MS_PLACE_NO_ZONE,
	MS_PLACE_OTHER_NODE,
	MS_PLACE_AMBIGUOUS,
	MS_PLACE_STRADDLES,
	MS_PLACE_UNPOPULATED,
};

/**
 * ms_scullp_place() - the zone of a scullp quantum
 * @zi:   zoneinfo with start_pfn lines
 * @q:    the quantum (pfn, order, node)
 * @zone: the zone found (NULL for MS_PLACE_NO_ZONE); for
 *        MS_PLACE_OTHER_NODE and MS_PLACE_AMBIGUOUS the first zone in
 *        file order that spans the pfn
 *
 * Zones with no span are skipped. When the listing gives the node, only
 * zones of that node are candidates, so interleaved spans of different
 * nodes (zoneinfo spans include holes) cannot mislead.
 *
 * Return: enum ms_place.
 */
enum ms_place ms_scullp_place(const struct ms_zoneinfo *zi,
			      const struct ms_scull_quantum *q,
			      const struct ms_zone **zone);

/** ms_place_name() - "ok", "no-zone", "other-node", ... (JSON values) */
const char *ms_place_name(enum ms_place place);

/**
 * enum ms_vaddrs - what the addresses of a scullv listing are worth
 * @MS_VADDRS_NONE:   no quantum listed
 * @MS_VADDRS_REAL:   kernel virtual addresses (end - start = quantum)
 * @MS_VADDRS_HASHED: hashed by %pK (kptr_restrict=0): they still equal
 *                    the hashes of the same areas in vmallocinfo
 * @MS_VADDRS_HIDDEN: printed as zeros (kptr_restrict=2, or 1 without
 *                    CAP_SYSLOG): nothing can be matched
 */
enum ms_vaddrs {
	MS_VADDRS_NONE,
	MS_VADDRS_REAL,
	MS_VADDRS_HASHED,
	MS_VADDRS_HIDDEN,
};

/** ms_scullv_addrs() - classify the addresses of @sc (a scullv listing) */
enum ms_vaddrs ms_scullv_addrs(const struct ms_scull *sc);

/** ms_vaddrs_name() - "none", "real", "hashed", "hidden" (JSON values) */
const char *ms_vaddrs_name(enum ms_vaddrs a);

/**
 * enum ms_vmatch - how a scullv quantum matched /proc/vmallocinfo
 * @MS_VMATCH_OK:      an area starts at its address, allocated by
 *                     MS_SCULLV_CALLER, of its number of pages
 * @MS_VMATCH_NO_AREA: no area starts at its address
 * @MS_VMATCH_CALLER:  the area there has another caller
 * @MS_VMATCH_PAGES:   the area there has another number of pages
 */
enum ms_vmatch {
	MS_VMATCH_OK,
	MS_VMATCH_NO_AREA,
	MS_VMATCH_CALLER,
	MS_VMATCH_PAGES,
};

/**
 * ms_scullv_match() - find scullv quantum @q in @va
 * @area: the area at its start address, or NULL
 *
 * The caller's symbol must be MS_SCULLV_CALLER and its module, when
 * printed, MS_SCULL_MODULE. "pages=" is compared when the line has it.
 *
 * Return: enum ms_vmatch.
 */
enum ms_vmatch ms_scullv_match(const struct ms_vmareas *va,
			       const struct ms_scull_quantum *q,
			       const struct ms_vmarea **area);

/** ms_vmatch_name() - "ok", "no-area", "caller", "pages" (JSON values) */
const char *ms_vmatch_name(enum ms_vmatch m);

/** ms_vmatch_text() - why a quantum did not match, in words */
const char *ms_vmatch_text(enum ms_vmatch m);

/**
 * struct ms_scullp_map - every scullp quantum placed in a zone
 * @place:       per quantum of the listing (same index), its placement
 * @zone:        per quantum, the zone ms_scullp_place() gave, or NULL
 * @zone_quanta: per zone of the zoneinfo (same index), the quanta of
 *               every device placed there with MS_PLACE_OK
 * @zone_pages:  the same in pages
 * @dev_zone_quanta: per device d and zone z, at [d * @nr_zones + z], the
 *               quanta of device d placed in zone z with MS_PLACE_OK
 * @nr_zones:    zones of the zoneinfo
 * @nr_misplaced: quanta whose placement is not MS_PLACE_OK
 */
struct ms_scullp_map {
	enum ms_place *place;
	const struct ms_zone **zone;
	uint64_t *zone_quanta;
	uint64_t *zone_pages;
	uint64_t *dev_zone_quanta;
	size_t nr_zones;
	size_t nr_misplaced;
};

/**
 * ms_scullp_map() - place every quantum of @sc (a scullp listing)
 * @m: result; release with ms_scullp_map_release()
 *
 * Return: 0 or -ENOMEM.
 */
int ms_scullp_map(struct ms_scullp_map *m, const struct ms_scull *sc,
		  const struct ms_zoneinfo *zi);

void ms_scullp_map_release(struct ms_scullp_map *m);

/**
 * struct ms_scullv_map - every scullv quantum matched with vmallocinfo
 * @addrs:      what the listing's addresses are worth
 * @matched:    matching was done: vmallocinfo was given and the
 *              addresses are not hidden
 * @match:      per quantum (same index), when @matched
 * @area:       per quantum, the area at its address or NULL
 * @nr_matched: quanta with MS_VMATCH_OK
 */
struct ms_scullv_map {
	enum ms_vaddrs addrs;
	bool matched;
	enum ms_vmatch *match;
	const struct ms_vmarea **area;
	size_t nr_matched;
};

/**
 * ms_scullv_map() - match every quantum of @sc (a scullv listing)
 * @va: the scanned /proc/vmallocinfo, or NULL when unavailable
 *
 * Nothing is matched (@m->matched false) without @va or when the
 * addresses of @sc or of @va are hidden.
 *
 * Return: 0 or -ENOMEM.
 */
int ms_scullv_map(struct ms_scullv_map *m, const struct ms_scull *sc,
		  const struct ms_vmareas *va);

void ms_scullv_map_release(struct ms_scullv_map *m);

#endif
