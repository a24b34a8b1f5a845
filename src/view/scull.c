// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope scull: the companion module's devices, where their scullp
 * blocks lie (node and zone) and which vmalloc areas hold their scullv
 * quanta.
 */
#include <inttypes.h>
#include <stdio.h>

#include "out/units.h"
#include "view/scull.h"
#include "lib/banned.h"

static void zone_label(char *buf, size_t size, const struct ms_zone *z)
{
	snprintf(buf, size, "%d/%s", z->node, z->name);
}

static uint64_t dev_bytes(const struct ms_scull_dev *d)
{
	return d->nr_quanta * d->quantum_bytes;
}

static void header(struct ms_out *out, const char *file,
		   const struct ms_scull *sc)
{
	uint64_t bytes = 0;
	char buf[32];
	size_t d;

	for (d = 0; d < sc->nr_devs; d++)
		bytes += dev_bytes(&sc->devs[d]);
	ms_out_u64(out, "version", NULL, sc->version);
	ms_out_u64(out, "nr_devices", NULL, sc->nr_devs);
	ms_out_u64(out, "nr_quanta", NULL, sc->nr_quanta);
	ms_out_bytes(out, "quanta_bytes", NULL, bytes);
	ms_out_text(out, "%s (version %u): %zu device%s, %zu quant%s, %s\n",
		    file, sc->version, sc->nr_devs, sc->nr_devs == 1 ? "" : "s",
		    sc->nr_quanta, sc->nr_quanta == 1 ? "um" : "a",
		    ms_units_bytes(buf, sizeof(buf), bytes));
}

/* Where a block lies, in words; @label is the zone as "node/name". */
static const char *place_text(enum ms_place p, const char *label)
{
	static char buf[96];

	switch (p) {
	case MS_PLACE_OK:
		snprintf(buf, sizeof(buf), "%s", label);
		break;
	case MS_PLACE_NO_ZONE:
		return "no zone spans this pfn";
	case MS_PLACE_OTHER_NODE:
		snprintf(buf, sizeof(buf), "in %s, a zone of another node",
			 label);
		break;
	case MS_PLACE_AMBIGUOUS:
		snprintf(buf, sizeof(buf),
			 "zones of several nodes span it "
			 "(first: %s)",
			 label);
		break;
	case MS_PLACE_STRADDLES:
		snprintf(buf, sizeof(buf), "runs past the end of %s", label);
		break;
	case MS_PLACE_UNPOPULATED:
		snprintf(buf, sizeof(buf), "in %s, which has no present pages",
			 label);
		break;
	}
	return buf;
}

static void scullp_quantum(struct ms_out *out, const struct ms_scull_dev *d,
			   const struct ms_scull_quantum *q, enum ms_place p,
			   const struct ms_zone *z, bool text)
{
	char buf[48] = "";

	ms_out_obj_open(out, NULL);
	if (text)
		ms_out_text(out, "  %s", d->name);
	ms_out_u64(out, "index", text ? " quantum %" PRIu64 : NULL, q->index);
	ms_out_u64(out, "pfn", text ? " pfn %" PRIu64 : NULL, q->pfn);
	ms_out_u64(out, "order", text ? " order %" PRIu64 : NULL, q->order);
	if (q->node >= 0)
		ms_out_s64(out, "node", text ? " node %" PRId64 : NULL,
			   q->node);
	else
		ms_out_null(out, "node", text ? " node %s" : NULL);
	if (z) {
		zone_label(buf, sizeof(buf), z);
		ms_out_s64(out, "zone_node", NULL, z->node);
		ms_out_str(out, "zone", NULL, z->name);
	} else {
		ms_out_null(out, "zone_node", NULL);
		ms_out_null(out, "zone", NULL);
	}
	ms_out_str(out, "place", NULL, ms_place_name(p));
	if (text)
		ms_out_text(out, ": %s\n", place_text(p, buf));
	ms_out_obj_close(out);
}

/*
 * The zones holding quanta: with @pages a table (all devices), else the
 * rest of a device's row.
 */
static void zone_counts(struct ms_out *out, const struct ms_zoneinfo *zi,
			const uint64_t *quanta, const uint64_t *pages)
{
	char buf[48];
	size_t z;

	ms_out_arr_open(out, "zones");
	for (z = 0; z < zi->nr_zones; z++) {
		const struct ms_zone *zz = &zi->zones[z];

		if (!quanta[z])
			continue;
		ms_out_obj_open(out, NULL);
		ms_out_s64(out, "node", NULL, zz->node);
		ms_out_str(out, "zone", NULL, zz->name);
		zone_label(buf, sizeof(buf), zz);
		if (pages) {
			ms_out_u64(out, "nr_quanta", NULL, quanta[z]);
			ms_out_u64(out, "pages", NULL, pages[z]);
			ms_out_text(out,
				    "  %-14s %10" PRIu64 " %10" PRIu64 "\n",
				    buf, quanta[z], pages[z]);
		} else {
			ms_out_text(out, " %s", buf);
			ms_out_u64(out, "nr_quanta", " %" PRIu64, quanta[z]);
		}
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
}

void ms_view_scullp(struct ms_out *out, const struct ms_scull *sc,
		    const struct ms_zoneinfo *zi, const struct ms_scullp_map *m,
		    bool list)
{
	size_t d, i, nz = m->nr_zones ? m->nr_zones : 1;

	ms_out_obj_open(out, "scullp");
	header(out, "scullpmem", sc);
	ms_out_text(out, "DEVICE     ORDER   QUANTUM       SIZE  QUANTA     "
			 "MEMORY  QUANTA PER ZONE\n");
	ms_out_arr_open(out, "devices");
	for (d = 0; d < sc->nr_devs; d++) {
		const struct ms_scull_dev *dev = &sc->devs[d];
		const struct ms_scull_quantum *q = ms_scull_dev_quanta(sc, d);

		ms_out_obj_open(out, NULL);
		ms_out_str(out, "name", "%-10s", dev->name);
		ms_out_u64(out, "order", " %5" PRIu64, dev->order);
		ms_out_u64(out, "qset", NULL, dev->qset);
		ms_out_bytes(out, "quantum_bytes", " %9s", dev->quantum_bytes);
		ms_out_bytes(out, "size_bytes", " %10s", dev->size_bytes);
		ms_out_u64(out, "nr_quanta", " %7" PRIu64, dev->nr_quanta);
		ms_out_bytes(out, "quanta_bytes", " %10s", dev_bytes(dev));
		ms_out_text(out, dev->nr_quanta ? " " : "  -");
		zone_counts(out, zi, m->dev_zone_quanta + d * nz, NULL);
		ms_out_text(out, "\n");
		ms_out_arr_open(out, "quanta");
		for (i = 0; i < dev->nr_quanta; i++) {
			size_t k = dev->first + i;

			if (ms_out_is_json(out))
				scullp_quantum(out, dev, &q[i], m->place[k],
					       m->zone[k], false);
		}
		ms_out_arr_close(out);
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);

	ms_out_text(out, "\nQuanta per zone (all devices):\n"
			 "  ZONE               QUANTA      PAGES\n");
	zone_counts(out, zi, m->zone_quanta, m->zone_pages);
	ms_out_u64(out, "nr_misplaced", NULL, m->nr_misplaced);
	if (m->nr_misplaced || list)
		ms_out_text(out, "\n%s:\n",
			    list ? "Quanta" :
				   "Quanta outside a zone of their "
				   "node");
	if (ms_out_is_json(out))
		goto out_close;
	for (d = 0; d < sc->nr_devs; d++) {
		const struct ms_scull_dev *dev = &sc->devs[d];
		const struct ms_scull_quantum *q = ms_scull_dev_quanta(sc, d);

		for (i = 0; i < dev->nr_quanta; i++) {
			size_t k = dev->first + i;

			if (list || m->place[k] != MS_PLACE_OK)
				scullp_quantum(out, dev, &q[i], m->place[k],
					       m->zone[k], true);
		}
	}
out_close:
	ms_out_obj_close(out);
}

static void addr_str(char *buf, size_t size, uint64_t a)
{
	snprintf(buf, size, "0x%016" PRIx64, a);
}

static void scullv_quantum(struct ms_out *out, const struct ms_scull_dev *d,
			   const struct ms_scull_quantum *q,
			   const struct ms_scullv_map *m, size_t k, bool text)
{
	char a[24], b[24];

	addr_str(a, sizeof(a), q->start);
	addr_str(b, sizeof(b), q->end);
	ms_out_obj_open(out, NULL);
	if (text)
		ms_out_text(out, "  %s", d->name);
	ms_out_u64(out, "index", text ? " quantum %" PRIu64 : NULL, q->index);
	ms_out_str(out, "start", text ? " at %s" : NULL, a);
	ms_out_str(out, "end", NULL, b);
	ms_out_u64(out, "pages", NULL, q->pages);
	if (m->matched) {
		ms_out_str(out, "match", NULL, ms_vmatch_name(m->match[k]));
		if (text)
			ms_out_text(out, ": %s", ms_vmatch_text(m->match[k]));
		if (m->area[k]) {
			ms_out_u64(out, "vmallocinfo_line",
				   text ? " (vmallocinfo line %" PRIu64 : NULL,
				   m->area[k]->line);
			ms_out_str(out, "caller", text ? ", %s)" : NULL,
				   m->area[k]->caller[0] ? m->area[k]->caller :
							   NULL);
		} else {
			ms_out_null(out, "vmallocinfo_line", NULL);
			ms_out_null(out, "caller", NULL);
		}
	} else {
		ms_out_null(out, "match", NULL);
		ms_out_null(out, "vmallocinfo_line", NULL);
		ms_out_null(out, "caller", NULL);
	}
	if (text)
		ms_out_text(out, "\n");
	ms_out_obj_close(out);
}

void ms_view_scullv(struct ms_out *out, const struct ms_scull *sc,
		    const struct ms_scullv_map *m, const char *why_unmatched,
		    bool list)
{
	size_t d, i, nr_unmatched = 0;

	ms_out_obj_open(out, "scullv");
	header(out, "scullvmem", sc);
	ms_out_str(out, "addresses", "addresses: %s\n",
		   ms_vaddrs_name(m->addrs));
	ms_out_text(out, "DEVICE     PAGES   QUANTUM       SIZE  QUANTA     "
			 "MEMORY  MATCHED\n");
	ms_out_arr_open(out, "devices");
	for (d = 0; d < sc->nr_devs; d++) {
		const struct ms_scull_dev *dev = &sc->devs[d];
		const struct ms_scull_quantum *q = ms_scull_dev_quanta(sc, d);
		uint64_t matched = 0;

		for (i = 0; m->matched && i < dev->nr_quanta; i++)
			if (m->match[dev->first + i] == MS_VMATCH_OK)
				matched++;
		ms_out_obj_open(out, NULL);
		ms_out_str(out, "name", "%-10s", dev->name);
		ms_out_u64(out, "pages", " %5" PRIu64, dev->pages);
		ms_out_u64(out, "qset", NULL, dev->qset);
		ms_out_bytes(out, "quantum_bytes", " %9s", dev->quantum_bytes);
		ms_out_bytes(out, "size_bytes", " %10s", dev->size_bytes);
		ms_out_u64(out, "nr_quanta", " %7" PRIu64, dev->nr_quanta);
		ms_out_bytes(out, "quanta_bytes", " %10s", dev_bytes(dev));
		if (m->matched)
			ms_out_u64(out, "nr_matched", " %8" PRIu64 "\n",
				   matched);
		else
			ms_out_null(out, "nr_matched", " %8s\n");
		ms_out_arr_open(out, "quanta");
		for (i = 0; ms_out_is_json(out) && i < dev->nr_quanta; i++)
			scullv_quantum(out, dev, &q[i], m, dev->first + i,
				       false);
		ms_out_arr_close(out);
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);

	if (m->matched) {
		nr_unmatched = sc->nr_quanta - m->nr_matched;
		ms_out_null(out, "unmatched_reason", NULL);
		ms_out_u64(out, "nr_matched", "\nvmallocinfo: %" PRIu64,
			   m->nr_matched);
		ms_out_u64(out, "nr_unmatched", NULL, nr_unmatched);
		ms_out_text(out, " of %zu quanta matched\n", sc->nr_quanta);
	} else {
		ms_out_str(out, "unmatched_reason",
			   "\nvmallocinfo: cannot match: %s\n", why_unmatched);
		ms_out_null(out, "nr_matched", NULL);
		ms_out_null(out, "nr_unmatched", NULL);
	}
	if (ms_out_is_json(out) || (!nr_unmatched && !list))
		goto out_close;
	ms_out_text(out, "\n%s:\n", list ? "Quanta" : "Unmatched quanta");
	for (d = 0; d < sc->nr_devs; d++) {
		const struct ms_scull_dev *dev = &sc->devs[d];
		const struct ms_scull_quantum *q = ms_scull_dev_quanta(sc, d);

		for (i = 0; i < dev->nr_quanta; i++) {
			size_t k = dev->first + i;

			if (list || (m->matched && m->match[k] != MS_VMATCH_OK))
				scullv_quantum(out, dev, &q[i], m, k, true);
		}
	}
out_close:
	ms_out_obj_close(out);
}
