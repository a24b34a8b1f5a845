// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope explain: each allocation failure report of a kernel log, with
 * the zones of its Mem-Info block (proc/kmsg.h) and the watermark test
 * that explains it (analysis/allocfail.h).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "out/units.h"
#include "view/explain.h"
#include "view/gfp.h"
#include "lib/banned.h"

#define LABEL_WIDTH    16
#define ORDERS_PER_ROW 11

/*
 * @s with control characters and invalid UTF-8 replaced by '?', so that
 * a hostile log can neither send escape sequences to a terminal nor
 * make a JSON string fail (jansson refuses invalid UTF-8).
 */
static const char *clean(const char *s, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;

	while (*p && o + 1 < size) {
		unsigned int n = 0, i;

		if (*p < 0x20 || *p == 0x7f) {
			buf[o++] = '?';
			p++;
			continue;
		}
		if (*p < 0x80) {
			buf[o++] = (char)*p++;
			continue;
		}
		if (*p >= 0xc2 && *p <= 0xdf)
			n = 1;
		else if ((*p & 0xf0) == 0xe0)
			n = 2;
		else if (*p >= 0xf0 && *p <= 0xf4)
			n = 3;
		for (i = 1; n && i <= n; i++)
			if ((p[i] & 0xc0) != 0x80)
				n = 0;
		/* overlong forms, UTF-16 surrogates, beyond U+10FFFF */
		if ((n == 2 && p[0] == 0xe0 && p[1] < 0xa0) ||
		    (n == 2 && p[0] == 0xed && p[1] > 0x9f) ||
		    (n == 3 && p[0] == 0xf0 && p[1] < 0x90) ||
		    (n == 3 && p[0] == 0xf4 && p[1] > 0x8f))
			n = 0;
		if (!n || o + n + 1 >= size) {
			buf[o++] = '?';
			p++;
			continue;
		}
		memcpy(buf + o, p, n + 1);
		o += n + 1;
		p += n + 1;
	}
	if (size)
		buf[o] = '\0';
	return buf;
}

static void line(struct ms_out *out, const char *label, const char *fmt, ...)
	MS_PRINTF(3, 4);

/* One "  label  text" line of a report, wrapped (text only). */
static void line(struct ms_out *out, const char *label, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	if (ms_out_is_json(out))
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	ms_view_wrap(out, "  ", LABEL_WIDTH, label, text);
}

/* A string from the log, or JSON null when empty. */
static void log_str(struct ms_out *out, const char *key, const char *s)
{
	char buf[512];

	ms_out_str(out, key, NULL, s[0] ? clean(s, buf, sizeof(buf)) : NULL);
}

/* allocfail's kver_source as JSON writes it (as the gfp command does) */
static const char *source_key(const char *s)
{
	if (!strcmp(s, "given"))
		return "override";
	if (!strcmp(s, "mode bits"))
		return "mode_bits";
	return s;
}

static const char *const verdict_keys[] = {
	[MS_ALLOCFAIL_BELOW_WMARK] = "below_watermark",
	[MS_ALLOCFAIL_NO_BLOCK] = "no_block",
	[MS_ALLOCFAIL_TOO_FRAGMENTED] = "too_fragmented",
	[MS_ALLOCFAIL_WOULD_PASS] = "would_pass",
	[MS_ALLOCFAIL_NOT_ELIGIBLE] = "not_eligible",
	[MS_ALLOCFAIL_NO_DATA] = "no_data",
};

static void zone_label(const struct ms_kmsg_zone *z, char *buf, size_t size)
{
	char name[MS_ZONE_NAME_MAX * 2];

	clean(z->name, name, sizeof(name));
	if (z->node >= 0)
		snprintf(buf, size, "%d/%s", z->node, name);
	else
		snprintf(buf, size, "%s", name);
}

static void kb_or_null(struct ms_out *out, const char *key, bool has,
		       uint64_t kb)
{
	if (has)
		ms_out_u64(out, key, NULL, kb);
	else
		ms_out_null(out, key, NULL);
}

static void kvs_json(struct ms_out *out, const char *key,
		     const struct ms_kmsg_kvs *kvs)
{
	char name[MS_KMSG_KEY_MAX * 2];
	size_t i;

	ms_out_obj_open(out, key);
	for (i = 0; i < kvs->nr; i++)
		ms_out_u64(out, clean(kvs->items[i].key, name, sizeof(name)),
			   NULL, kvs->items[i].value);
	ms_out_obj_close(out);
}

/* The model's numbers for one zone, null where it computed none. */
static void test_json(struct ms_out *out, const struct ms_kmsg_zone *kz,
		      const struct ms_allocfail_zone *z)
{
	bool counted = z->verdict != MS_ALLOCFAIL_NOT_ELIGIBLE &&
		       (kz->has & MS_KMSG_ZONE_HAS_WMARKS);

	ms_out_obj_open(out, "test");
	if (z->index >= 0)
		ms_out_s64(out, "index", NULL, z->index);
	else
		ms_out_null(out, "index", NULL);
	if (counted) {
		ms_out_s64(out, "free_pages", NULL, z->free_pages);
		ms_out_s64(out, "unusable_pages", NULL, z->unusable_pages);
		ms_out_s64(out, "min_pages", NULL, z->min_pages);
		ms_out_s64(out, "mark_pages", NULL, z->mark_pages);
		ms_out_s64(out, "reserve_pages", NULL, z->reserve_pages);
		ms_out_s64(out, "headroom_pages", NULL, z->headroom_pages);
	} else {
		ms_out_null(out, "free_pages", NULL);
		ms_out_null(out, "unusable_pages", NULL);
		ms_out_null(out, "min_pages", NULL);
		ms_out_null(out, "mark_pages", NULL);
		ms_out_null(out, "reserve_pages", NULL);
		ms_out_null(out, "headroom_pages", NULL);
	}
	if (counted && z->largest_order >= 0)
		ms_out_s64(out, "largest_order", NULL, z->largest_order);
	else
		ms_out_null(out, "largest_order", NULL);
	ms_out_bool(out, "boost_bypass", NULL, z->boost_bypass);
	ms_out_str(out, "verdict", NULL, verdict_keys[z->verdict]);
	ms_out_obj_close(out);
}

static void zone_json(struct ms_out *out, const struct ms_kmsg_zone *kz,
		      const struct ms_allocfail_zone *z)
{
	bool wm = kz->has & MS_KMSG_ZONE_HAS_WMARKS;
	uint64_t v;
	char name[MS_ZONE_NAME_MAX * 2], letters[16];
	unsigned int o;

	ms_out_obj_open(out, NULL);
	if (kz->node >= 0)
		ms_out_s64(out, "node", NULL, kz->node);
	else
		ms_out_null(out, "node", NULL);
	ms_out_str(out, "zone", NULL, clean(kz->name, name, sizeof(name)));
	ms_out_u64(out, "line", NULL, kz->line ? kz->line : kz->free_area_line);
	kb_or_null(out, "free_kb", wm, kz->free_kb);
	kb_or_null(out, "min_kb", wm, kz->min_kb);
	kb_or_null(out, "low_kb", wm, kz->low_kb);
	kb_or_null(out, "high_kb", wm, kz->high_kb);
	kb_or_null(out, "boost_kb", kz->has & MS_KMSG_ZONE_HAS_BOOST,
		   kz->boost_kb);
	kb_or_null(out, "present_kb",
		   wm && ms_kmsg_kv_get(&kz->kvs, "present", &v),
		   kz->present_kb);
	kb_or_null(out, "managed_kb", kz->has & MS_KMSG_ZONE_HAS_MANAGED,
		   kz->managed_kb);
	kb_or_null(out, "free_cma_kb", kz->has & MS_KMSG_ZONE_HAS_FREE_CMA,
		   kz->free_cma_kb);
	kb_or_null(out, "reserved_highatomic_kb",
		   kz->has & MS_KMSG_ZONE_HAS_RESERVED_HA,
		   kz->reserved_highatomic_kb);
	kb_or_null(out, "free_highatomic_kb",
		   kz->has & MS_KMSG_ZONE_HAS_FREE_HA, kz->free_highatomic_kb);
	if (kz->has & MS_KMSG_ZONE_HAS_LOWMEM) {
		ms_out_arr_open(out, "lowmem_reserve");
		for (o = 0; o < kz->nr_lowmem_reserve; o++)
			ms_out_s64(out, NULL, NULL, kz->lowmem_reserve[o]);
		ms_out_arr_close(out);
	} else {
		ms_out_null(out, "lowmem_reserve", NULL);
	}
	if (kz->has & MS_KMSG_ZONE_HAS_FREE_AREA) {
		ms_out_arr_open(out, "free_blocks");
		for (o = 0; o < kz->nr_orders; o++)
			ms_out_u64(out, NULL, NULL, kz->free_blocks[o]);
		ms_out_arr_close(out);
		kb_or_null(out, "free_area_total_kb",
			   kz->has & MS_KMSG_ZONE_HAS_FREE_TOTAL,
			   kz->free_area_total_kb);
	} else {
		ms_out_null(out, "free_blocks", NULL);
		ms_out_null(out, "free_area_total_kb", NULL);
	}
	if (kz->has & MS_KMSG_ZONE_HAS_TYPES) {
		ms_out_arr_open(out, "free_block_types");
		for (o = 0; o < kz->nr_orders; o++)
			ms_out_str(out, NULL, NULL,
				   ms_kmsg_mt_letters(kz->types[o], letters,
						      sizeof(letters)));
		ms_out_arr_close(out);
	} else {
		ms_out_null(out, "free_block_types", NULL);
	}
	if (z)
		test_json(out, kz, z);
	else
		ms_out_null(out, "test", NULL);
	ms_out_obj_close(out);
}

/* An exact count where it fits the column, "123k" where not. */
static const char *count5(uint64_t n, char *buf, size_t size)
{
	if (n <= 99999)
		snprintf(buf, size, "%" PRIu64, n);
	else
		ms_units_count(buf, size, n);
	return buf;
}

static void blocks_text(struct ms_out *out, const struct ms_kmsg_report *r,
			unsigned int max_orders)
{
	char label[48], buf[32];
	unsigned int o0, o;
	size_t i;

	for (o0 = 0; o0 < max_orders; o0 += ORDERS_PER_ROW) {
		unsigned int o1 = o0 + ORDERS_PER_ROW < max_orders ?
					  o0 + ORDERS_PER_ROW :
					  max_orders;

		ms_out_text(out, "\n  %-11s", o0 ? "" : "Free blocks");
		for (o = o0; o < o1; o++)
			ms_out_text(out, " %5u", o);
		ms_out_text(out, "\n");
		for (i = 0; i < r->nr_zones; i++) {
			const struct ms_kmsg_zone *kz = &r->zones[i];
			unsigned int end = o0;

			if (!(kz->has & MS_KMSG_ZONE_HAS_FREE_AREA))
				continue;
			zone_label(kz, label, sizeof(label));
			ms_out_text(out, "    %-9s", label);
			for (o = o0; o < o1 && o < kz->nr_orders; o++)
				ms_out_text(out, " %5s",
					    count5(kz->free_blocks[o], buf,
						   sizeof(buf)));
			ms_out_text(out, "\n");
			if (!(kz->has & MS_KMSG_ZONE_HAS_TYPES))
				continue;
			/* the migrate types under their counts */
			for (o = o0; o < o1 && o < kz->nr_orders; o++)
				if (kz->types[o])
					end = o + 1;
			if (end == o0)
				continue;
			ms_out_text(out, "    %-9s", "");
			for (o = o0; o < end; o++)
				ms_out_text(out, " %5s",
					    ms_kmsg_mt_letters(kz->types[o],
							       buf,
							       sizeof(buf)));
			ms_out_text(out, "\n");
		}
	}
}

static void zones_text(struct ms_out *out, const struct ms_kmsg_report *r)
{
	unsigned int max_orders = 0;
	char label[48];
	size_t i;

	if (!r->nr_zones)
		return;
	ms_out_text(out, "\n  %-11s %9s %9s %9s %9s  %s\n", "Zones (kB)",
		    "FREE", "MIN", "LOW", "HIGH", "RESERVE (pages)");
	for (i = 0; i < r->nr_zones; i++) {
		const struct ms_kmsg_zone *kz = &r->zones[i];
		unsigned int k;

		zone_label(kz, label, sizeof(label));
		ms_out_text(out, "    %-9s", label);
		if (kz->has & MS_KMSG_ZONE_HAS_WMARKS)
			ms_out_text(out,
				    " %9" PRIu64 " %9" PRIu64 " %9" PRIu64
				    " %9" PRIu64,
				    kz->free_kb, kz->min_kb, kz->low_kb,
				    kz->high_kb);
		else
			ms_out_text(out, " %9s %9s %9s %9s", "-", "-", "-",
				    "-");
		ms_out_text(out, " ");
		for (k = 0; k < kz->nr_lowmem_reserve; k++)
			ms_out_text(out, " %" PRId64, kz->lowmem_reserve[k]);
		if (!(kz->has & MS_KMSG_ZONE_HAS_LOWMEM))
			ms_out_text(out, " -");
		ms_out_text(out, "\n");
		if (kz->nr_orders > max_orders)
			max_orders = kz->nr_orders;
	}
	blocks_text(out, r, max_orders);
}

/* "below watermark: 3840 free - 7 = 3833 <= 6 mark (min 8) + 3750 reserve" */
static void test_text(struct ms_out *out, const struct ms_allocfail *af,
		      const struct ms_kmsg_zone *kz,
		      const struct ms_allocfail_zone *z)
{
	char label[48], text[512];
	size_t pos = 0;
	int64_t avail;

	zone_label(kz, label, sizeof(label));
	if (z->verdict == MS_ALLOCFAIL_NOT_ELIGIBLE) {
		snprintf(text, sizeof(text),
			 "not eligible: above the request's highest zone (%s)",
			 ms_gfp_mask_zone_name(af->highest_zone));
		ms_view_wrap(out, "    ", 10, label, text);
		return;
	}
	if (!(kz->has & MS_KMSG_ZONE_HAS_WMARKS)) {
		ms_view_wrap(out, "    ", 10, label,
			     "not enough data: the zone's watermark line is "
			     "not in the log");
		return;
	}
	avail = z->free_pages - z->unusable_pages -
		(((int64_t)1 << af->order) - 1);
	pos += (size_t)snprintf(
		text + pos, sizeof(text) - pos, "%s: %" PRId64 " free",
		ms_allocfail_verdict_text(z->verdict), z->free_pages);
	if (z->unusable_pages)
		pos += (size_t)snprintf(text + pos, sizeof(text) - pos,
					" - %" PRId64 " unusable",
					z->unusable_pages);
	if (af->order)
		pos += (size_t)snprintf(text + pos, sizeof(text) - pos,
					" - %" PRId64,
					((int64_t)1 << af->order) - 1);
	if (z->unusable_pages || af->order)
		pos += (size_t)snprintf(text + pos, sizeof(text) - pos,
					" = %" PRId64, avail);
	pos += (size_t)snprintf(
		text + pos, sizeof(text) - pos,
		" %s %" PRId64 " mark (min %" PRId64 "%s) + %" PRId64
		" reserve",
		z->headroom_pages > 0 ? ">" : "<=", z->mark_pages, z->min_pages,
		z->boost_bypass ? ", boost left out" : "", z->reserve_pages);
	if (!af->order || z->headroom_pages <= 0 || pos >= sizeof(text))
		;
	else if (z->frag_order >= 0)
		snprintf(text + pos, sizeof(text) - pos,
			 "; but only %" PRId64 " of them are in blocks of "
			 "order %d or larger, <= the mark halved to %" PRId64,
			 z->frag_free_pages, z->frag_order, z->frag_mark_pages);
	else if (!(kz->has & MS_KMSG_ZONE_HAS_FREE_AREA))
		snprintf(text + pos, sizeof(text) - pos,
			 "; the free-area line is not in the log");
	else if (af->kver < MS_GFP_KVER(4, 4))
		;
	else if (z->largest_order >= 0)
		snprintf(text + pos, sizeof(text) - pos,
			 "; largest block it may use: order %d",
			 z->largest_order);
	else
		snprintf(text + pos, sizeof(text) - pos,
			 "; no free block it may use");
	ms_view_wrap(out, "    ", 10, label, text);
}

static const char *verdict_why(const struct ms_allocfail *af)
{
	switch (af->verdict) {
	case MS_ALLOCFAIL_BELOW_WMARK:
		return "every zone the request may use was at or below its "
		       "watermark for this request: memory was short";
	case MS_ALLOCFAIL_NO_BLOCK:
		return "enough free pages, but no free list the request may "
		       "use had a block of the order or larger: fragmentation";
	case MS_ALLOCFAIL_TOO_FRAGMENTED:
		return "enough free pages, but too few of them in blocks of "
		       "the order or larger (the per-order test of kernels up "
		       "to 4.3): fragmentation";
	case MS_ALLOCFAIL_WOULD_PASS:
		return "the logged numbers pass in at least one zone: memory "
		       "was freed between the failure and the dump, or the "
		       "request failed for another reason (cpuset or nodemask "
		       "limits, a race with other allocations)";
	case MS_ALLOCFAIL_NOT_ELIGIBLE:
	case MS_ALLOCFAIL_NO_DATA:
		break;
	}
	if (!af->nr_zones)
		return "no Mem-Info zone lines follow the report";
	return "the log lacks lines the test needs";
}

static void verdict_part(struct ms_out *out, const struct ms_allocfail *af)
{
	ms_out_str(out, "verdict", NULL, verdict_keys[af->verdict]);
	ms_out_str(out, "verdict_text", NULL,
		   ms_allocfail_verdict_text(af->verdict));
	if ((af->verdict == MS_ALLOCFAIL_BELOW_WMARK ||
	     af->verdict == MS_ALLOCFAIL_NO_BLOCK ||
	     af->verdict == MS_ALLOCFAIL_TOO_FRAGMENTED) &&
	    af->gfp.direct_reclaim)
		line(out, "verdict",
		     "%s: %s; the request could reclaim, so "
		     "reclaim and compaction did not help in time, or its "
		     "retry policy gave up",
		     ms_allocfail_verdict_text(af->verdict), verdict_why(af));
	else
		line(out, "verdict", "%s: %s",
		     ms_allocfail_verdict_text(af->verdict), verdict_why(af));
}

static void header_text(struct ms_out *out, size_t idx,
			const struct ms_kmsg_report *r,
			const struct ms_allocfail *af)
{
	char size[32];
	unsigned int page_kb = af	       ? af->page_kb :
			       r->page_size_kb ? r->page_size_kb :
						 4;

	ms_out_text(out, "%sReport %zu, line %u: ", idx ? "\n" : "", idx + 1,
		    r->line);
	if (r->kind == MS_KMSG_VMALLOC) {
		ms_out_text(out, "vmalloc failure");
		if (r->vmalloc_bytes)
			ms_out_text(out, " of %s",
				    ms_units_bytes(size, sizeof(size),
						   r->vmalloc_bytes));
	} else {
		ms_out_text(out, "page allocation failure");
	}
	if (r->order >= 0 && r->order < 32)
		ms_out_text(
			out, ", order %d (%s)", r->order,
			ms_units_bytes(size, sizeof(size),
				       ((uint64_t)page_kb << r->order) * 1024));
	ms_out_text(out, "\n");
}

static void facts(struct ms_out *out, const struct ms_kmsg_report *r,
		  const struct ms_allocfail *af)
{
	char a[512], b[512], hex[16];

	log_str(out, "comm", r->comm);
	line(out, "task", "%s",
	     r->comm[0] ? clean(r->comm, a, sizeof(a)) : "not in the log");
	if (r->order >= 0)
		ms_out_s64(out, "order", NULL, r->order);
	else
		ms_out_null(out, "order", NULL);
	if (r->has_mode) {
		snprintf(hex, sizeof(hex), "%#x", (unsigned int)r->mode);
		if (!r->mode)
			snprintf(hex, sizeof(hex), "0x0");
		ms_out_str(out, "mode", NULL, hex);
		ms_out_u64(out, "mode_value", NULL, r->mode);
	} else {
		ms_out_null(out, "mode", NULL);
		ms_out_null(out, "mode_value", NULL);
	}
	if (af) {
		clean(af->flags, a, sizeof(a));
		ms_out_str(out, "gfp_flags", NULL, a);
		ms_out_bool(out, "gfp_flags_decoded", NULL, af->flags_decoded);
		line(out, "mode", "%s %s (%s)", hex, a[0] ? a : "(no flags)",
		     af->flags_decoded ?
			     "decoded: the kernel printed no names" :
			     "as printed");
	} else if (r->has_flags) {
		log_str(out, "gfp_flags", r->flags);
		ms_out_bool(out, "gfp_flags_decoded", NULL, false);
		line(out, "mode", "%s (%s)",
		     r->has_mode ? hex : "not in the log",
		     clean(r->flags, a, sizeof(a)));
	} else {
		ms_out_null(out, "gfp_flags", NULL);
		ms_out_bool(out, "gfp_flags_decoded", NULL, false);
		line(out, "mode", "%s", r->has_mode ? hex : "not in the log");
	}
	if (r->has_nodemask) {
		log_str(out, "nodemask", r->nodemask);
		line(out, "nodemask", "%s", clean(r->nodemask, a, sizeof(a)));
	} else {
		ms_out_null(out, "nodemask", NULL);
	}
	if (r->has_cpuset) {
		log_str(out, "cpuset", r->cpuset);
		log_str(out, "mems_allowed", r->mems_allowed);
		line(out, "cpuset", "%s (mems_allowed %s)",
		     clean(r->cpuset, a, sizeof(a)),
		     r->mems_allowed[0] ? clean(r->mems_allowed, b, sizeof(b)) :
					  "not in the log");
	} else {
		ms_out_null(out, "cpuset", NULL);
		ms_out_null(out, "mems_allowed", NULL);
	}
	log_str(out, "release", r->release);
	line(out, "release", "%s",
	     r->release[0] ? clean(r->release, a, sizeof(a)) :
			     "not in the log");
	if (r->kind == MS_KMSG_VMALLOC && r->vmalloc_bytes)
		ms_out_u64(out, "vmalloc_bytes", NULL, r->vmalloc_bytes);
	else
		ms_out_null(out, "vmalloc_bytes", NULL);
	log_str(out, "vmalloc_reason", r->vmalloc_reason);
	if (r->vmalloc_reason[0])
		line(out, "vmalloc", "%s",
		     clean(r->vmalloc_reason, a, sizeof(a)));
	if (r->page_size_kb)
		ms_out_u64(out, "page_size_kb", NULL, r->page_size_kb);
	else
		ms_out_null(out, "page_size_kb", NULL);
	ms_out_bool(out, "meminfo", NULL, r->has_meminfo);
}

static void report(struct ms_out *out, const char *label, size_t idx,
		   const struct ms_view_explained *it)
{
	const struct ms_kmsg_report *r = it->r;
	const struct ms_allocfail *af = it->af;
	char kb[16], a[512];
	size_t i;

	ms_out_obj_open(out, NULL);
	header_text(out, idx, r, af);
	ms_out_u64(out, "line", NULL, r->line);
	ms_out_str(out, "kind", NULL,
		   r->kind == MS_KMSG_VMALLOC ? "vmalloc" : "page_alloc");
	facts(out, r, af);
	if (af) {
		ms_out_str(out, "kernel", NULL,
			   ms_gfp_kver_format(af->kver, kb, sizeof(kb)));
		ms_out_str(out, "kernel_source", NULL,
			   source_key(af->kver_source));
		ms_out_text(out, "\n  The request\n");
		ms_out_obj_open(out, "gfp");
		ms_view_gfp(out, &af->gfp, source_key(af->kver_source), "    ");
		ms_out_obj_close(out);
	} else {
		ms_out_null(out, "kernel", NULL);
		ms_out_null(out, "kernel_source", NULL);
		ms_out_null(out, "gfp", NULL);
	}

	zones_text(out, r);
	ms_out_arr_open(out, "zones");
	for (i = 0; i < r->nr_zones; i++)
		zone_json(out, &r->zones[i],
			  af && i < af->nr_zones ? &af->zones[i] : NULL);
	ms_out_arr_close(out);
	if (af && af->nr_zones) {
		ms_out_text(out, "\n  Watermark test in pages of %u kB",
			    af->page_kb);
		if (af->order)
			ms_out_text(out,
				    " (order %u: free - %llu must stay "
				    "above mark + reserve)",
				    af->order, (1ULL << af->order) - 1);
		ms_out_text(out, "\n");
		for (i = 0; i < af->nr_zones && i < r->nr_zones; i++)
			test_text(out, af, &r->zones[i], &af->zones[i]);
	}

	ms_out_text(out, "\n");
	if (af) {
		verdict_part(out, af);
	} else {
		ms_out_null(out, "verdict", NULL);
		ms_out_null(out, "verdict_text", NULL);
		line(out, "verdict",
		     "cannot be judged: the headline has no "
		     "mode (cut short?)");
	}
	ms_out_arr_open(out, "notes");
	for (i = 0; af && i < af->nr_notes; i++) {
		clean(af->notes[i], a, sizeof(a));
		ms_out_str(out, NULL, NULL, a);
		line(out, i ? "" : "note", "%s", a);
	}
	ms_out_arr_close(out);
	kvs_json(out, "counters", &r->global);
	kvs_json(out, "summary", &r->summary);
	ms_out_arr_open(out, "warnings");
	for (i = 0; i < r->nr_warnings; i++) {
		ms_out_obj_open(out, NULL);
		if (r->warnings[i].line)
			ms_out_u64(out, "line", NULL, r->warnings[i].line);
		else
			ms_out_null(out, "line", NULL);
		ms_out_str(out, "message", NULL,
			   clean(r->warnings[i].msg, a, sizeof(a)));
		ms_out_obj_close(out);
	}
	ms_out_arr_close(out);
	ms_out_obj_close(out);

	/* the report's warnings, after its text */
	for (i = 0; i < r->nr_warnings; i++) {
		clean(r->warnings[i].msg, a, sizeof(a));
		if (r->warnings[i].line)
			ms_out_warn(out, "%s:%u: %s", label,
				    r->warnings[i].line, a);
		else
			ms_out_warn(out, "%s:%u: report: %s", label, r->line,
				    a);
	}
}

void ms_view_explain(struct ms_out *out, const char *input, const char *label,
		     const struct ms_kmsg *km,
		     const struct ms_view_explained *items)
{
	char name[512];
	size_t i;

	clean(label, name, sizeof(name));
	ms_out_str(out, "input", NULL, input);
	ms_out_u64(out, "lines", NULL, km->nr_lines);
	ms_out_u64(out, "orphan_meminfo", NULL, km->orphan_meminfo);
	if (!km->nr_reports)
		ms_out_text(out,
			    "no page allocation failure found in %s, "
			    "%u line%s read\n",
			    name, km->nr_lines, km->nr_lines == 1 ? "" : "s");
	if (km->orphan_meminfo)
		ms_out_text(out,
			    "%u Mem-Info block%s without a failure "
			    "headline skipped (OOM killer or SysRq-m "
			    "reports)\n",
			    km->orphan_meminfo,
			    km->orphan_meminfo == 1 ? "" : "s");
	ms_out_arr_open(out, "reports");
	for (i = 0; i < km->nr_reports; i++)
		report(out, name, i, &items[i]);
	ms_out_arr_close(out);
}
