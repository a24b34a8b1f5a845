// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope gfp, and the request part of memscope explain: what a GFP mask
 * makes the page allocator do (analysis/gfp.h), one question per line,
 * in the words of Love's "Linux Kernel Development" ch. 12 tables and of
 * gfp_to_alloc_flags() in mm/page_alloc.c.
 */
#include <stdio.h>
#include <string.h>

#include "view/gfp.h"
#include "lib/banned.h"

#define KV(maj, min) MS_GFP_KVER(maj, min)
#define LABEL_WIDTH  16
#define TEXT_WIDTH   79

void ms_view_wrap(struct ms_out *out, const char *indent, int label_width,
		  const char *label, const char *text)
{
	size_t start, col;
	const char *p = text;

	if (ms_out_is_json(out))
		return;
	ms_out_text(out, "%s%-*s  ", indent, label_width, label);
	start = strlen(indent) + (size_t)label_width + 2;
	if (strlen(label) > (size_t)label_width)
		start += strlen(label) - (size_t)label_width;
	col = start;
	/* break at blanks, and after the '|' of a long flag list */
	while (*p) {
		bool blank = false;
		const char *e;
		size_t len, sep;

		while (*p == ' ') {
			p++;
			blank = true;
		}
		if (!*p)
			break;
		for (e = p; *e && *e != ' ' && *e != '|'; e++)
			;
		if (*e == '|')
			e++;
		len = (size_t)(e - p);
		sep = col > start && blank;
		if (col > start && col + sep + len > TEXT_WIDTH) {
			ms_out_text(out, "\n%*s", (int)start, "");
			col = start;
			sep = 0;
		}
		if (sep)
			ms_out_text(out, " ");
		ms_out_text(out, "%.*s", (int)len, p);
		col += sep + len;
		p = e;
	}
	ms_out_text(out, "\n");
}

static const char *source_text(const char *source)
{
	static const struct {
		const char *key, *text;
	} map[] = {
		{ "override", "from --kernel" },
		{ "release", "the source's release" },
		{ "default", "nothing to go by" },
		{ "log", "from the log" },
		{ "flags", "guessed from the printed flag names" },
		{ "letters", "guessed from the migrate-type letters" },
		{ "mode_bits", "guessed from the bits of the mode" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (!strcmp(map[i].key, source))
			return map[i].text;
	return source;
}

const char *ms_view_gfp_kernel_text(uint32_t kver, const char *kernel_source,
				    char *buf, size_t size)
{
	char kb[16];

	snprintf(buf, size, "%s (%s)", ms_gfp_kver_format(kver, kb, sizeof(kb)),
		 source_text(kernel_source));
	return buf;
}

/* The %pGg rendering as a JSON array of names ("0x..." for leftovers). */
static void names_json(struct ms_out *out, const char *rendered)
{
	const char *p = rendered;

	ms_out_arr_open(out, "names");
	while (*p) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		char name[64];

		snprintf(name, sizeof(name), "%.*s", (int)n, p);
		ms_out_str(out, NULL, NULL, name);
		p += n;
		if (*p == '|')
			p++;
	}
	ms_out_arr_close(out);
}

/* Zones a request may use, from gfp_zone() down (zonelist order). */
static size_t usable_zones(enum ms_gfp_mask_zone top, const char **names)
{
	size_t n = 0;
	int z;

	if (top == MS_GFP_ZONE_BAD)
		return 0;
	for (z = (int)top; z >= (int)MS_GFP_ZONE_DMA; z--)
		names[n++] = ms_gfp_mask_zone_name((enum ms_gfp_mask_zone)z);
	return n;
}

static void zones_part(struct ms_out *out, const struct ms_gfp_explain *ex,
		       const char *indent)
{
	const char *names[MS_GFP_ZONE_BAD];
	char text[160];
	size_t n, i, pos = 0;

	n = usable_zones(ex->zone, names);
	if (n) {
		ms_out_str(out, "highest_zone", NULL,
			   ms_gfp_mask_zone_name(ex->zone));
	} else {
		ms_out_null(out, "highest_zone", NULL);
	}
	ms_out_arr_open(out, "zones");
	for (i = 0; i < n; i++) {
		ms_out_str(out, NULL, NULL, names[i]);
		pos += (size_t)snprintf(text + pos, sizeof(text) - pos, "%s%s",
					i ? ", " : "", names[i]);
	}
	ms_out_arr_close(out);
	if (n)
		snprintf(text + pos, sizeof(text) - pos,
			 " (from gfp_zone() down; zones the kernel lacks are "
			 "skipped)");
	else
		snprintf(text, sizeof(text),
			 "none: an invalid combination of zone modifiers "
			 "(GFP_ZONE_BAD)");
	ms_view_wrap(out, indent, LABEL_WIDTH, "zones", text);
}

/* "3/8 of min (min - min/2, then a quarter off)" and the like. */
static void mark_text(const struct ms_gfp_explain *ex, char *buf, size_t size)
{
	bool half = ex->min_den == 2 || ex->min_den == 8;
	bool quarter = ex->min_num == 3;

	if (half && quarter)
		snprintf(buf, size,
			 "3/8 of min (min - min/2, then a quarter "
			 "of that off)");
	else if (half)
		snprintf(buf, size, "1/2 of min (min - min/2)");
	else if (quarter)
		snprintf(buf, size, "3/4 of min (min - min/4)");
	else
		snprintf(buf, size, "min");
}

static void watermark_part(struct ms_out *out, const struct ms_gfp_explain *ex,
			   const char *indent)
{
	char mark[96], text[400];
	size_t pos;

	mark_text(ex, mark, sizeof(mark));
	ms_out_obj_open(out, "watermark");
	ms_out_str(out, "fast_path", NULL, "low");
	ms_out_str(out, "slow_path", NULL, "min");
	ms_out_u64(out, "min_num", NULL, ex->min_num);
	ms_out_u64(out, "min_den", NULL, ex->min_den);
	ms_out_bool(out, "ignored", NULL, ex->no_watermarks);
	ms_out_obj_close(out);
	pos = (size_t)snprintf(text, sizeof(text),
			       "fast path: low; slow path: %s", mark);
	if (ex->no_watermarks)
		pos += (size_t)snprintf(text + pos, sizeof(text) - pos,
					"; then none at all (__GFP_MEMALLOC: "
					"ALLOC_NO_WATERMARKS)");
	if (ex->order > 0 && ex->kver >= KV(4, 4))
		snprintf(text + pos, sizeof(text) - pos,
			 "; order %u: free pages - %llu must stay above the "
			 "mark plus lowmem_reserve, and a free list it may "
			 "use must hold a block of order %u or more",
			 ex->order, (1ULL << ex->order) - 1, ex->order);
	else if (ex->order > 0)
		snprintf(text + pos, sizeof(text) - pos,
			 "; order %u: free pages - %llu must stay above the "
			 "mark plus lowmem_reserve, then for each lower order "
			 "its free pages are left out and the mark halves",
			 ex->order, (1ULL << ex->order) - 1);
	ms_view_wrap(out, indent, LABEL_WIDTH, "watermarks", text);
}

static void reserves_part(struct ms_out *out, const struct ms_gfp_explain *ex,
			  const char *indent)
{
	const char *lines[8];
	char buf[2][160];
	size_t n = 0, i;
	bool rework = ex->kver >= KV(6, 3);

	ms_out_obj_open(out, "reserves");
	ms_out_bool(out, "min_reserve", NULL, ex->alloc_min_reserve);
	ms_out_bool(out, "harder", NULL, ex->alloc_harder);
	ms_out_bool(out, "highatomic", NULL, ex->alloc_highatomic);
	ms_out_bool(out, "highatomic_not_held_back", NULL, ex->uses_reserves);
	ms_out_bool(out, "cma", NULL, ex->alloc_cma);
	ms_out_bool(out, "ignores_cpuset", NULL, ex->ignores_cpuset);
	ms_out_bool(out, "no_watermarks", NULL, ex->no_watermarks);
	ms_out_obj_close(out);
	if (ms_out_is_json(out))
		return;

	if (ex->alloc_min_reserve)
		lines[n++] = rework ?
				     "ALLOC_MIN_RESERVE (__GFP_HIGH): min cut "
				     "by half" :
				     "ALLOC_HIGH (__GFP_HIGH): min cut by half";
	if (ex->alloc_harder) {
		if (rework)
			snprintf(buf[0], sizeof(buf[0]),
				 "ALLOC_NON_BLOCK (no __GFP_DIRECT_RECLAIM)%s",
				 ex->alloc_min_reserve ?
					 ": a further quarter off min" :
					 ": no cut of min without __GFP_HIGH");
		else if (ex->kver < KV(4, 4))
			snprintf(buf[0], sizeof(buf[0]),
				 "ALLOC_HARDER (no __GFP_WAIT): a further "
				 "quarter off min");
		else
			snprintf(buf[0], sizeof(buf[0]),
				 "ALLOC_HARDER (__GFP_ATOMIC): a further "
				 "quarter off min");
		lines[n++] = buf[0];
	}
	if (ex->alloc_highatomic)
		lines[n++] = rework ?
				     "ALLOC_HIGHATOMIC: may take blocks from "
				     "the highatomic reserve (orders above 0)" :
				     "may take blocks from the highatomic "
				     "reserve (orders above 0)";
	if (ex->uses_reserves)
		lines[n++] = "the highatomic reserve is not held back from it";
	if (ex->alloc_cma)
		lines[n++] = "may use CMA pageblocks (a movable request)";
	if (ex->ignores_cpuset)
		lines[n++] = "ignores cpuset memory limits";
	if (ex->no_watermarks)
		lines[n++] =
			"ALLOC_NO_WATERMARKS (__GFP_MEMALLOC): may use the "
			"memory reserved for reclaim";
	if (!n) {
		snprintf(buf[1], sizeof(buf[1]),
			 "none: the full min watermark applies%s",
			 ex->kver >= KV(4, 4) ?
				 ", and the highatomic reserve is held back" :
				 "");
		lines[n++] = buf[1];
	}
	for (i = 0; i < n; i++)
		ms_view_wrap(out, indent, LABEL_WIDTH, i ? "" : "reserves",
			     lines[i]);
}

static const char *retry_key(enum ms_gfp_retry r)
{
	switch (r) {
	case MS_GFP_RETRY_NONE:
		return "none";
	case MS_GFP_RETRY_DEFAULT:
		return "default";
	case MS_GFP_RETRY_NORETRY:
		return "noretry";
	case MS_GFP_RETRY_MAYFAIL:
		return "mayfail";
	case MS_GFP_RETRY_REPEAT:
		return "repeat";
	case MS_GFP_RETRY_NOFAIL:
		return "nofail";
	}
	return "default";
}

static void modifiers_part(struct ms_out *out, const struct ms_gfp_explain *ex)
{
	ms_out_obj_open(out, "modifiers");
	ms_out_bool(out, "high", NULL, ex->high);
	ms_out_bool(out, "atomic", NULL, ex->atomic_bit);
	ms_out_bool(out, "memalloc", NULL, ex->memalloc);
	ms_out_bool(out, "nomemalloc", NULL, ex->nomemalloc);
	ms_out_bool(out, "nowarn", NULL, ex->nowarn);
	ms_out_bool(out, "comp", NULL, ex->comp);
	ms_out_bool(out, "zero", NULL, ex->zero);
	ms_out_bool(out, "account", NULL, ex->account);
	ms_out_bool(out, "hardwall", NULL, ex->hardwall);
	ms_out_bool(out, "thisnode", NULL, ex->thisnode);
	ms_out_bool(out, "write", NULL, ex->write);
	ms_out_obj_close(out);
}

/*
 * Modifiers that change how hard an allocation tries or what it gets,
 * not where it may be made: GFP_KERNEL|__GFP_ZERO is still process
 * context.
 */
static const char *const neutral[] = {
	"__GFP_COMP",	 "__GFP_ZERO",		"__GFP_NOWARN",
	"__GFP_NORETRY", "__GFP_RETRY_MAYFAIL", "__GFP_REPEAT",
	"__GFP_NOFAIL",	 "__GFP_NOMEMALLOC",	"__GFP_COLD",
	"__GFP_NOTRACK", "__GFP_NOLOCKDEP",
};

static uint32_t neutral_bits(uint32_t kver, unsigned int cfg)
{
	uint32_t bits = 0, v;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(neutral); i++)
		if (ms_gfp_lookup(neutral[i], kver, cfg, &v))
			bits |= v;
	return bits;
}

/*
 * The situations of the contexts table whose mask equals @ex's, apart
 * from the neutral modifiers.
 */
static void contexts_part(struct ms_out *out, const struct ms_gfp_explain *ex,
			  const char *indent)
{
	const struct ms_gfp_context *c;
	uint32_t keep = ~neutral_bits(ex->kver, ex->cfg);
	char text[600];
	size_t nr, i, pos = 0;

	c = ms_gfp_contexts(&nr);
	text[0] = '\0';
	ms_out_arr_open(out, "contexts");
	for (i = 0; i < nr; i++) {
		struct ms_diag diag = { 0 };
		uint32_t mask;

		if (ms_gfp_mask_parse(c[i].flags, strlen(c[i].flags), ex->kver,
				      ex->cfg, &mask, &diag) ||
		    (mask & keep) != (ex->mask & keep))
			continue;
		ms_out_str(out, NULL, NULL, c[i].situation);
		if (pos < sizeof(text))
			pos += (size_t)snprintf(text + pos, sizeof(text) - pos,
						"%s%s", pos ? "; " : "",
						c[i].situation);
	}
	ms_out_arr_close(out);
	if (pos)
		ms_view_wrap(out, indent, LABEL_WIDTH, "used in", text);
}

void ms_view_gfp(struct ms_out *out, const struct ms_gfp_explain *ex,
		 const char *kernel_source, const char *indent)
{
	const bool old = ex->kver < KV(4, 4);
	const char *reclaim_bit = old ? "__GFP_WAIT" : "__GFP_DIRECT_RECLAIM";
	char rendered[512], hex[16], kb[16], text[600];

	ms_gfp_format(ex->mask, ex->kver, ex->cfg, rendered, sizeof(rendered));
	snprintf(hex, sizeof(hex), "%#x", (unsigned int)ex->mask);
	if (!ex->mask)
		snprintf(hex, sizeof(hex), "0x0");
	ms_out_str(out, "mask", NULL, hex);
	ms_out_u64(out, "mask_value", NULL, ex->mask);
	names_json(out, rendered);
	snprintf(text, sizeof(text), "%s = %s", hex,
		 rendered[0] ? rendered : "no flags");
	ms_view_wrap(out, indent, LABEL_WIDTH, "mask", text);
	ms_out_str(out, "kernel", NULL,
		   ms_gfp_kver_format(ex->kver, kb, sizeof(kb)));
	ms_out_str(out, "kernel_source", NULL, kernel_source);
	ms_view_wrap(out, indent, LABEL_WIDTH, "kernel",
		     ms_view_gfp_kernel_text(ex->kver, kernel_source, text,
					     sizeof(text)));
	ms_out_u64(out, "order", NULL, ex->order);
	if (ex->unknown_bits) {
		snprintf(hex, sizeof(hex), "%#x",
			 (unsigned int)ex->unknown_bits);
		ms_out_str(out, "unknown_bits", NULL, hex);
		snprintf(text, sizeof(text),
			 "%s: no GFP flag of kernel %s (another layout, or "
			 "kernel options such as CONFIG_LOCKDEP?)",
			 hex, kb);
		ms_view_wrap(out, indent, LABEL_WIDTH, "unknown bits", text);
	} else {
		ms_out_null(out, "unknown_bits", NULL);
	}

	ms_out_bool(out, "may_sleep", NULL, ex->direct_reclaim);
	ms_out_bool(out, "direct_reclaim", NULL, ex->direct_reclaim);
	if (ex->direct_reclaim)
		snprintf(text, sizeof(text),
			 "yes (%s): may block in direct reclaim and "
			 "compaction",
			 reclaim_bit);
	else
		snprintf(text, sizeof(text),
			 "no (no %s): never blocks, neither reclaims nor "
			 "compacts",
			 reclaim_bit);
	ms_view_wrap(out, indent, LABEL_WIDTH, "may sleep", text);
	ms_out_bool(out, "kswapd", NULL, ex->kswapd);
	if (old)
		snprintf(text, sizeof(text), "%s",
			 ex->kswapd ? "yes (no __GFP_NO_KSWAPD)" :
				      "no (__GFP_NO_KSWAPD)");
	else
		snprintf(text, sizeof(text), "%s",
			 ex->kswapd ? "yes (__GFP_KSWAPD_RECLAIM)" :
				      "no (no __GFP_KSWAPD_RECLAIM)");
	ms_view_wrap(out, indent, LABEL_WIDTH, "wakes kswapd", text);
	ms_out_bool(out, "io", NULL, ex->io);
	ms_view_wrap(out, indent, LABEL_WIDTH, "may start I/O",
		     ex->io ? "yes (__GFP_IO)" : "no (no __GFP_IO)");
	ms_out_bool(out, "fs", NULL, ex->fs);
	ms_view_wrap(out, indent, LABEL_WIDTH, "may enter the fs",
		     ex->fs ? "yes (__GFP_FS)" : "no (no __GFP_FS)");

	zones_part(out, ex, indent);
	if (ex->migratetype == MS_GFP_MT_BAD) {
		ms_out_null(out, "migratetype", NULL);
		ms_view_wrap(out, indent, LABEL_WIDTH, "migrate type",
			     "invalid: __GFP_MOVABLE with __GFP_RECLAIMABLE");
	} else {
		ms_out_str(out, "migratetype", NULL,
			   ms_gfp_migratetype_name(ex->migratetype));
		ms_view_wrap(out, indent, LABEL_WIDTH, "migrate type",
			     ms_gfp_migratetype_name(ex->migratetype));
	}
	watermark_part(out, ex, indent);
	reserves_part(out, ex, indent);
	modifiers_part(out, ex);

	ms_out_bool(out, "warns", NULL, ex->warns);
	ms_out_str(out, "retry", NULL, retry_key(ex->retry));
	ms_out_str(out, "retry_text", NULL, ms_gfp_retry_text(ex->retry));
	snprintf(text, sizeof(text), "%s; %s", ms_gfp_retry_text(ex->retry),
		 ex->warns ? "logs \"page allocation failure\"" :
			     "silent (__GFP_NOWARN)");
	ms_view_wrap(out, indent, LABEL_WIDTH, "on failure", text);
	ms_out_bool(out, "oom_killer", NULL, ex->oom_killer);
	ms_view_wrap(out, indent, LABEL_WIDTH, "OOM killer",
		     ex->oom_killer ? "may be invoked when reclaim fails" :
				      "never invoked for this request");
	ms_out_str(out, "context", NULL, ex->context);
	ms_view_wrap(out, indent, LABEL_WIDTH, "typical caller", ex->context);
	contexts_part(out, ex, indent);
}

void ms_view_gfp_contexts(struct ms_out *out, uint32_t kver, unsigned int cfg,
			  const char *kernel_source)
{
	const struct ms_gfp_context *c;
	char kb[16], text[160];
	size_t nr, i;

	c = ms_gfp_contexts(&nr);
	ms_out_str(out, "kernel", NULL,
		   ms_gfp_kver_format(kver, kb, sizeof(kb)));
	ms_out_str(out, "kernel_source", NULL, kernel_source);
	ms_out_text(out, "Which flags to use where, kernel %s\n\n",
		    ms_view_gfp_kernel_text(kver, kernel_source, text,
					    sizeof(text)));
	ms_out_text(out, "%-22s  %-9s  %s\n", "FLAGS", "MASK", "SITUATION");
	ms_out_arr_open(out, "table");
	for (i = 0; i < nr; i++) {
		struct ms_diag diag = { 0 };
		char hex[16], label[40];
		uint32_t mask;
		bool ok;

		ok = !ms_gfp_mask_parse(c[i].flags, strlen(c[i].flags), kver,
					cfg, &mask, &diag);
		ms_out_obj_open(out, NULL);
		ms_out_str(out, "situation", NULL, c[i].situation);
		ms_out_str(out, "flags", NULL, c[i].flags);
		if (ok) {
			snprintf(hex, sizeof(hex), "%#x", (unsigned int)mask);
			if (!mask)
				snprintf(hex, sizeof(hex), "0x0");
			ms_out_str(out, "mask", NULL, hex);
			ms_out_u64(out, "mask_value", NULL, mask);
		} else {
			snprintf(hex, sizeof(hex), "-");
			ms_out_null(out, "mask", NULL);
			ms_out_null(out, "mask_value", NULL);
		}
		ms_out_obj_close(out);
		snprintf(label, sizeof(label), "%-22s  %-9s", c[i].flags, hex);
		ms_view_wrap(out, "", 33, label, c[i].situation);
	}
	ms_out_arr_close(out);
}
