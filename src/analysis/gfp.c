// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * GFP masks per kernel era: names and bit values from include/linux/gfp.h
 * (include/linux/gfp_types.h from 6.0), the %pGg rendering of
 * lib/vsprintf.c format_flags() over the gfpflag_names[] table built from
 * include/trace/events/mmflags.h, and the slow-path semantics of
 * gfp_to_alloc_flags() and __zone_watermark_ok() in mm/page_alloc.c.
 *
 * Releases named below were read in the kernel sources unless marked
 * "believed"; such boundaries lie between two checked releases.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "analysis/gfp.h"
#include "lib/banned.h"

#define KV(maj, min) MS_GFP_KVER(maj, min)

/*
 * One single-bit flag over a range of releases [from, until) (until 0:
 * still defined). @cfg names the option without which the kernel defines
 * the flag as 0. @numbered rows take the next bit after __GFP_ZEROTAGS in
 * table order, as the enum of 6.9+ gfp_types.h numbers them, counting
 * only rows whose option is on.
 */
struct single_def {
	const char *name;
	uint32_t value;
	uint32_t from;
	uint32_t until;
	unsigned int cfg;
	bool numbered;
};

static const struct single_def singles[] = {
	{ "__GFP_DMA", 0x01, 0, 0, 0, false },
	{ "__GFP_HIGHMEM", 0x02, 0, 0, 0, false },
	{ "__GFP_DMA32", 0x04, 0, 0, 0, false },
	{ "__GFP_MOVABLE", 0x08, 0, 0, 0, false },
	/* 4.4 replaced __GFP_WAIT by the two reclaim bits */
	{ "__GFP_WAIT", 0x10, 0, KV(4, 4), 0, false },
	{ "__GFP_RECLAIMABLE", 0x80000, 0, KV(4, 4), 0, false },
	{ "__GFP_RECLAIMABLE", 0x10, KV(4, 4), 0, 0, false },
	{ "__GFP_HIGH", 0x20, 0, 0, 0, false },
	{ "__GFP_IO", 0x40, 0, 0, 0, false },
	{ "__GFP_FS", 0x80, 0, 0, 0, false },
	{ "__GFP_COLD", 0x100, 0, KV(4, 15), 0, false },
	/* 5.1: "mm: shuffle GFP_* flags" packed GFP_KERNEL into 0xcc0 */
	{ "__GFP_NOWARN", 0x200, 0, KV(5, 1), 0, false },
	{ "__GFP_NOWARN", 0x2000, KV(5, 1), 0, 0, false },
	{ "__GFP_REPEAT", 0x400, 0, KV(4, 13), 0, false },
	{ "__GFP_RETRY_MAYFAIL", 0x400, KV(4, 13), KV(5, 1), 0, false },
	{ "__GFP_RETRY_MAYFAIL", 0x4000, KV(5, 1), 0, 0, false },
	{ "__GFP_NOFAIL", 0x800, 0, KV(5, 1), 0, false },
	{ "__GFP_NOFAIL", 0x8000, KV(5, 1), 0, 0, false },
	{ "__GFP_NORETRY", 0x1000, 0, KV(5, 1), 0, false },
	{ "__GFP_NORETRY", 0x10000, KV(5, 1), 0, 0, false },
	/* 2.6.32 has 0x2000 unused; 3.6 (believed) added __GFP_MEMALLOC */
	{ "__GFP_MEMALLOC", 0x2000, KV(3, 6), KV(5, 1), 0, false },
	{ "__GFP_MEMALLOC", 0x20000, KV(5, 1), 0, 0, false },
	{ "__GFP_COMP", 0x4000, 0, KV(5, 1), 0, false },
	{ "__GFP_COMP", 0x40000, KV(5, 1), 0, 0, false },
	{ "__GFP_ZERO", 0x8000, 0, KV(5, 1), 0, false },
	{ "__GFP_ZERO", 0x100, KV(5, 1), 0, 0, false },
	{ "__GFP_NOMEMALLOC", 0x10000, 0, KV(5, 1), 0, false },
	{ "__GFP_NOMEMALLOC", 0x80000, KV(5, 1), 0, 0, false },
	{ "__GFP_HARDWALL", 0x20000, 0, KV(5, 1), 0, false },
	{ "__GFP_HARDWALL", 0x100000, KV(5, 1), 0, 0, false },
	{ "__GFP_THISNODE", 0x40000, 0, KV(5, 1), 0, false },
	{ "__GFP_THISNODE", 0x200000, KV(5, 1), 0, 0, false },
	{ "__GFP_ATOMIC", 0x80000, KV(4, 4), KV(5, 1), 0, false },
	{ "__GFP_ATOMIC", 0x200, KV(5, 1), KV(6, 3), 0, false },
	/* 3.8 - 3.14 (believed) */
	{ "__GFP_KMEMCG", 0x100000, KV(3, 8), KV(3, 15), 0, false },
	/* 4.1 (believed) - 4.4; 4.5 inverted it into __GFP_ACCOUNT */
	{ "__GFP_NOACCOUNT", 0x100000, KV(4, 1), KV(4, 5), 0, false },
	{ "__GFP_ACCOUNT", 0x100000, KV(4, 5), KV(5, 1), 0, false },
	{ "__GFP_ACCOUNT", 0x400000, KV(5, 1), 0, 0, false },
	/* kmemcheck, removed in 4.15 */
	{ "__GFP_NOTRACK", 0x200000, 0, KV(4, 15), 0, false },
	{ "__GFP_NO_KSWAPD", 0x400000, 0, KV(4, 4), 0, false },
	{ "__GFP_DIRECT_RECLAIM", 0x400000, KV(4, 4), KV(4, 18), 0, false },
	{ "__GFP_DIRECT_RECLAIM", 0x200000, KV(4, 18), KV(5, 1), 0, false },
	{ "__GFP_DIRECT_RECLAIM", 0x400, KV(5, 1), 0, 0, false },
	{ "__GFP_OTHER_NODE", 0x800000, 0, KV(4, 10), 0, false },
	/* 3.2 (believed) */
	{ "__GFP_WRITE", 0x1000000, KV(3, 2), KV(4, 10), 0, false },
	{ "__GFP_WRITE", 0x800000, KV(4, 10), KV(4, 18), 0, false },
	/* 4.18: "mm: save two stranding bit in gfp_mask" */
	{ "__GFP_WRITE", 0x100, KV(4, 18), KV(5, 1), 0, false },
	{ "__GFP_WRITE", 0x1000, KV(5, 1), 0, 0, false },
	{ "__GFP_KSWAPD_RECLAIM", 0x2000000, KV(4, 4), KV(4, 10), 0, false },
	{ "__GFP_KSWAPD_RECLAIM", 0x1000000, KV(4, 10), KV(4, 18), 0, false },
	{ "__GFP_KSWAPD_RECLAIM", 0x400000, KV(4, 18), KV(5, 1), 0, false },
	{ "__GFP_KSWAPD_RECLAIM", 0x800, KV(5, 1), 0, 0, false },
	/* 5.14 checked, 5.13 not */
	{ "__GFP_ZEROTAGS", 0x800000, KV(5, 14), 0, 0, false },
	{ "__GFP_SKIP_KASAN_POISON", 0x1000000, KV(5, 14), KV(5, 18), 0,
	  false },
	/* 5.18 (believed; 5.17 has not, 5.19 has them) */
	{ "__GFP_SKIP_ZERO", 0x1000000, KV(5, 18), KV(6, 9),
	  MS_GFP_CFG_KASAN_HW_TAGS, false },
	{ "__GFP_SKIP_KASAN_UNPOISON", 0x2000000, KV(5, 18), KV(6, 4),
	  MS_GFP_CFG_KASAN_HW_TAGS, false },
	{ "__GFP_SKIP_KASAN_POISON", 0x4000000, KV(5, 18), KV(6, 4),
	  MS_GFP_CFG_KASAN_HW_TAGS, false },
	{ "__GFP_SKIP_KASAN", 0x2000000, KV(6, 4), KV(6, 9),
	  MS_GFP_CFG_KASAN_HW_TAGS, false },
	/* 4.12 (believed) */
	{ "__GFP_NOLOCKDEP", 0x2000000, KV(4, 12), KV(4, 18),
	  MS_GFP_CFG_LOCKDEP, false },
	{ "__GFP_NOLOCKDEP", 0x800000, KV(4, 18), KV(5, 14), MS_GFP_CFG_LOCKDEP,
	  false },
	{ "__GFP_NOLOCKDEP", 0x2000000, KV(5, 14), KV(5, 18),
	  MS_GFP_CFG_LOCKDEP, false },
	{ "__GFP_NOLOCKDEP", 0x8000000, KV(5, 18), KV(6, 4), MS_GFP_CFG_LOCKDEP,
	  false },
	{ "__GFP_NOLOCKDEP", 0x4000000, KV(6, 4), KV(6, 9), MS_GFP_CFG_LOCKDEP,
	  false },
	/* 6.9: enum ___GFP_*_BIT, in this order after ___GFP_ZEROTAGS_BIT */
	{ "__GFP_SKIP_ZERO", 0, KV(6, 9), 0, MS_GFP_CFG_KASAN_HW_TAGS, true },
	{ "__GFP_SKIP_KASAN", 0, KV(6, 9), 0, MS_GFP_CFG_KASAN_HW_TAGS, true },
	{ "__GFP_NOLOCKDEP", 0, KV(6, 9), 0, MS_GFP_CFG_LOCKDEP, true },
	{ "__GFP_NO_OBJ_EXT", 0, KV(6, 10), KV(6, 19), MS_GFP_CFG_SLAB_OBJ_EXT,
	  true },
	{ "__GFP_NO_OBJ_EXT", 0, KV(6, 19), 0, 0, true },
};

/* The first bit the 6.9+ enum gives after ___GFP_ZEROTAGS_BIT (23) */
#define NUMBERED_FIRST_BIT 24

/*
 * Composite names and the releases that define them; their values are
 * computed from the single bits in layout_build().
 */
struct composite_def {
	const char *name;
	uint32_t from;
	uint32_t until;
};

static const struct composite_def composites[] = {
	{ "GFP_TRANSHUGE", 0, 0 },
	/* 4.8 (believed; 4.6 has not, 4.10 has it) */
	{ "GFP_TRANSHUGE_LIGHT", KV(4, 8), 0 },
	{ "GFP_HIGHUSER_MOVABLE", 0, 0 },
	{ "GFP_HIGHUSER", 0, 0 },
	{ "GFP_USER", 0, 0 },
	{ "GFP_TEMPORARY", 0, KV(4, 14) },
	{ "GFP_KERNEL_ACCOUNT", KV(4, 5), 0 },
	{ "GFP_KERNEL", 0, 0 },
	{ "GFP_NOFS", 0, 0 },
	{ "GFP_ATOMIC", 0, 0 },
	{ "GFP_NOIO", 0, 0 },
	{ "GFP_NOWAIT", 0, 0 },
	{ "GFP_DMA", 0, 0 },
	{ "GFP_DMA32", 0, 0 },
	{ "__GFP_RECLAIM", KV(4, 4), 0 },
	/* in 3.10, gone by 4.4 (the release between was not checked) */
	{ "GFP_IOFS", 0, KV(4, 4) },
	{ "GFP_THISNODE", 0, KV(4, 4) },
};

/*
 * %pGg order up to 6.14: the hand-written __def_gfpflag_names of
 * mmflags.h (4.6, 4.10, 4.14, 4.19, 5.4, 5.10, 5.15, 6.1, 6.3, 6.8, 6.12,
 * 6.14 agree, each listing the names of its time). Names absent from a
 * layout are skipped. Kernels before 4.5 printed no names; the pre-4.4
 * names are slotted in where their bits sit in 3.10's show_gfp_flags().
 */
static const char *const order_listed[] = {
	"GFP_TRANSHUGE",
	"GFP_TRANSHUGE_LIGHT",
	"GFP_HIGHUSER_MOVABLE",
	"GFP_HIGHUSER",
	"GFP_USER",
	"GFP_TEMPORARY",
	"GFP_KERNEL_ACCOUNT",
	"GFP_KERNEL",
	"GFP_NOFS",
	"GFP_ATOMIC",
	"GFP_NOIO",
	"GFP_NOWAIT",
	"GFP_DMA",
	"__GFP_HIGHMEM",
	"GFP_DMA32",
	"__GFP_HIGH",
	"__GFP_WAIT",
	"__GFP_ATOMIC",
	"__GFP_IO",
	"__GFP_FS",
	"__GFP_COLD",
	"__GFP_NOWARN",
	"__GFP_REPEAT",
	"__GFP_RETRY_MAYFAIL",
	"__GFP_NOFAIL",
	"__GFP_NORETRY",
	"__GFP_COMP",
	"__GFP_ZERO",
	"__GFP_NOMEMALLOC",
	"__GFP_MEMALLOC",
	"__GFP_HARDWALL",
	"__GFP_THISNODE",
	"__GFP_RECLAIMABLE",
	"__GFP_KMEMCG",
	"__GFP_NOACCOUNT",
	"__GFP_MOVABLE",
	"__GFP_ACCOUNT",
	"__GFP_NOTRACK",
	"__GFP_NO_KSWAPD",
	"__GFP_WRITE",
	"__GFP_RECLAIM",
	"__GFP_DIRECT_RECLAIM",
	"__GFP_KSWAPD_RECLAIM",
	"__GFP_OTHER_NODE",
	"__GFP_ZEROTAGS",
	"__GFP_SKIP_KASAN_POISON",
};

/*
 * %pGg order from 6.15 (believed: Steven Rostedt's "mm: Use
 * TRACE_GFP_FLAGS to define __def_gfpflag_names" of February 2025; 6.14
 * has the old list, 6.18 this one): the composites, then every bit of
 * TRACE_GFP_FLAGS in bit order.
 */
static const char *const order_bits[] = {
	"GFP_TRANSHUGE",
	"GFP_TRANSHUGE_LIGHT",
	"GFP_HIGHUSER_MOVABLE",
	"GFP_HIGHUSER",
	"GFP_USER",
	"GFP_KERNEL_ACCOUNT",
	"GFP_KERNEL",
	"GFP_NOFS",
	"GFP_ATOMIC",
	"GFP_NOIO",
	"GFP_NOWAIT",
	"GFP_DMA",
	"GFP_DMA32",
	"__GFP_RECLAIM",
	"__GFP_DMA",
	"__GFP_HIGHMEM",
	"__GFP_DMA32",
	"__GFP_MOVABLE",
	"__GFP_RECLAIMABLE",
	"__GFP_HIGH",
	"__GFP_IO",
	"__GFP_FS",
	"__GFP_ZERO",
	"__GFP_DIRECT_RECLAIM",
	"__GFP_KSWAPD_RECLAIM",
	"__GFP_WRITE",
	"__GFP_NOWARN",
	"__GFP_RETRY_MAYFAIL",
	"__GFP_NOFAIL",
	"__GFP_NORETRY",
	"__GFP_MEMALLOC",
	"__GFP_COMP",
	"__GFP_NOMEMALLOC",
	"__GFP_HARDWALL",
	"__GFP_THISNODE",
	"__GFP_ACCOUNT",
	"__GFP_ZEROTAGS",
	"__GFP_SKIP_ZERO",
	"__GFP_SKIP_KASAN",
	"__GFP_NOLOCKDEP",
	"__GFP_NO_OBJ_EXT",
};

#define ORDER_BITS_FROM KV(6, 15)

#define LAYOUT_MAX 64

struct layout_entry {
	const char *name;
	size_t name_len; /* compared first: most lookups miss */
	uint32_t value;
	bool composite;
	unsigned int cfg; /* option that would make a 0 single non-zero */
};

/* Open-addressing index of e[] by name: at most half full. */
#define LAYOUT_SLOTS (2 * LAYOUT_MAX)

struct layout {
	uint32_t kver;
	unsigned int cfg;
	size_t n;
	struct layout_entry e[LAYOUT_MAX];
	uint8_t slot[LAYOUT_SLOTS]; /* index + 1 into e[], 0: empty */
	uint32_t bits;
};

static bool in_range(uint32_t kver, uint32_t from, uint32_t until)
{
	return kver >= from && (!until || kver < until);
}

/*
 * Names are looked up for every composite and every printed flag, and a
 * layout is built for each mask decoded: a hash index instead of a scan
 * of e[] (FNV-1a of the name).
 */
static size_t name_slot(const char *name, size_t *len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; name[i]; i++) {
		h ^= (unsigned char)name[i];
		h *= 16777619u;
	}
	*len = i;
	return h % LAYOUT_SLOTS;
}

static const struct layout_entry *layout_find(const struct layout *L,
					      const char *name)
{
	size_t len, i;

	for (i = name_slot(name, &len); L->slot[i];
	     i = (i + 1) % LAYOUT_SLOTS) {
		const struct layout_entry *e = &L->e[L->slot[i] - 1];

		if (e->name_len == len && !memcmp(e->name, name, len))
			return e;
	}
	return NULL;
}

/* The value of @name in @L, 0 when @name is not defined there. */
static uint32_t V(const struct layout *L, const char *name)
{
	const struct layout_entry *e = layout_find(L, name);

	return e ? e->value : 0;
}

static void layout_add(struct layout *L, const char *name, uint32_t value,
		       bool composite, unsigned int cfg)
{
	size_t len, i;

	if (L->n >= LAYOUT_MAX || layout_find(L, name))
		return;
	for (i = name_slot(name, &len); L->slot[i]; i = (i + 1) % LAYOUT_SLOTS)
		;
	L->e[L->n].name = name;
	L->e[L->n].name_len = len;
	L->e[L->n].value = value;
	L->e[L->n].composite = composite;
	L->e[L->n].cfg = cfg;
	L->n++;
	L->slot[i] = (uint8_t)L->n;
}

/*
 * The masks most composites are built from. They are the same for every
 * composite of a layout, so layout_build() computes them once: a layout
 * is built for every decoded mask, and the name lookups add up.
 */
struct composite_base {
	uint32_t reclaim;
	uint32_t noio;
	uint32_t kernel;
	uint32_t user;
	uint32_t hum;
	uint32_t light;
};

static void composite_base_init(const struct layout *L,
				struct composite_base *b)
{
	b->reclaim =
		V(L, "__GFP_DIRECT_RECLAIM") | V(L, "__GFP_KSWAPD_RECLAIM");
	b->noio = L->kver < KV(4, 4) ? V(L, "__GFP_WAIT") : b->reclaim;
	b->kernel = b->noio | V(L, "__GFP_IO") | V(L, "__GFP_FS");
	b->user = b->kernel | V(L, "__GFP_HARDWALL");
	b->hum = b->user | V(L, "__GFP_HIGHMEM") | V(L, "__GFP_MOVABLE") |
		 V(L, "__GFP_SKIP_KASAN_POISON") |
		 V(L, "__GFP_SKIP_KASAN_UNPOISON") | V(L, "__GFP_SKIP_KASAN");
	b->light = (b->hum | V(L, "__GFP_COMP") | V(L, "__GFP_NOMEMALLOC") |
		    V(L, "__GFP_NOWARN")) &
		   ~b->reclaim;
}

static uint32_t composite_value(const struct layout *L,
				const struct composite_base *b,
				const char *name)
{
	uint32_t k = L->kver;
	uint32_t reclaim = b->reclaim, noio = b->noio, kernel = b->kernel;
	uint32_t user = b->user, hum = b->hum, light = b->light;

	if (!strcmp(name, "__GFP_RECLAIM"))
		return reclaim;
	if (!strcmp(name, "GFP_ATOMIC")) {
		if (k < KV(4, 4))
			return V(L, "__GFP_HIGH");
		return V(L, "__GFP_HIGH") | V(L, "__GFP_ATOMIC") |
		       V(L, "__GFP_KSWAPD_RECLAIM");
	}
	if (!strcmp(name, "GFP_NOWAIT")) {
		/* (GFP_ATOMIC & ~__GFP_HIGH) before 4.4: 0 */
		if (k < KV(4, 4))
			return 0;
		if (k < KV(6, 8))
			return V(L, "__GFP_KSWAPD_RECLAIM");
		return V(L, "__GFP_KSWAPD_RECLAIM") | V(L, "__GFP_NOWARN");
	}
	if (!strcmp(name, "GFP_NOIO"))
		return noio;
	if (!strcmp(name, "GFP_NOFS"))
		return noio | V(L, "__GFP_IO");
	if (!strcmp(name, "GFP_KERNEL"))
		return kernel;
	if (!strcmp(name, "GFP_KERNEL_ACCOUNT"))
		return kernel | V(L, "__GFP_ACCOUNT");
	if (!strcmp(name, "GFP_TEMPORARY"))
		return kernel | V(L, "__GFP_RECLAIMABLE");
	if (!strcmp(name, "GFP_USER"))
		return user;
	if (!strcmp(name, "GFP_DMA"))
		return V(L, "__GFP_DMA");
	if (!strcmp(name, "GFP_DMA32"))
		return V(L, "__GFP_DMA32");
	if (!strcmp(name, "GFP_HIGHUSER"))
		return user | V(L, "__GFP_HIGHMEM");
	if (!strcmp(name, "GFP_HIGHUSER_MOVABLE"))
		return hum;
	if (!strcmp(name, "GFP_TRANSHUGE_LIGHT"))
		return light;
	if (!strcmp(name, "GFP_TRANSHUGE")) {
		uint32_t base = hum | V(L, "__GFP_COMP") |
				V(L, "__GFP_NOMEMALLOC") |
				V(L, "__GFP_NORETRY") | V(L, "__GFP_NOWARN");

		if (k < KV(4, 4))
			return base | V(L, "__GFP_NO_KSWAPD");
		/* 4.4 clears only kswapd reclaim; 4.6 both (4.5 unchecked) */
		if (k < KV(4, 6))
			return base & ~V(L, "__GFP_KSWAPD_RECLAIM");
		if (k < KV(4, 8))
			return base & ~reclaim;
		return light | V(L, "__GFP_DIRECT_RECLAIM");
	}
	if (!strcmp(name, "GFP_IOFS"))
		return V(L, "__GFP_IO") | V(L, "__GFP_FS");
	if (!strcmp(name, "GFP_THISNODE"))
		return V(L, "__GFP_THISNODE") | V(L, "__GFP_NOWARN") |
		       V(L, "__GFP_NORETRY");
	return 0;
}

static uint32_t norm_kver(uint32_t kver)
{
	return kver ? kver : MS_GFP_KVER_NEWEST;
}

static void layout_compute(struct layout *L, uint32_t kver, unsigned int cfg)
{
	unsigned int next_bit = NUMBERED_FIRST_BIT;
	struct composite_base base;
	size_t i;

	memset(L, 0, sizeof(*L));
	L->kver = norm_kver(kver);
	L->cfg = cfg;
	for (i = 0; i < ARRAY_SIZE(singles); i++) {
		const struct single_def *d = &singles[i];
		bool on = !d->cfg || (cfg & d->cfg);
		uint32_t value = d->value;

		if (!in_range(L->kver, d->from, d->until))
			continue;
		if (d->numbered)
			value = on ? (uint32_t)1 << next_bit++ : 0;
		else if (!on)
			value = 0;
		layout_add(L, d->name, value, false, d->cfg);
		L->bits |= value;
	}
	for (i = 0; i < ARRAY_SIZE(composites); i++) {
		const struct composite_def *d = &composites[i];

		if (in_range(L->kver, d->from, d->until))
			layout_add(L, d->name, 0, true, 0);
	}
	composite_base_init(L, &base);
	for (i = 0; i < L->n; i++)
		if (L->e[i].composite)
			L->e[i].value = composite_value(L, &base, L->e[i].name);
}

/*
 * The layout of (@kver, @cfg). It depends on nothing else, and it is
 * needed for every mask decoded or printed: guessing the release of a
 * logged failure prints its mask for each of some twenty candidate
 * releases. So the last LAYOUT_CACHE layouts are kept; the cache only
 * saves work and never changes a result (memscope is single-threaded).
 */
#define LAYOUT_CACHE 32

static void layout_build(struct layout *L, uint32_t kver, unsigned int cfg)
{
	static struct layout cache[LAYOUT_CACHE];
	static unsigned int used, next;
	unsigned int i;

	kver = norm_kver(kver);
	for (i = 0; i < used; i++) {
		if (cache[i].kver == kver && cache[i].cfg == cfg) {
			*L = cache[i];
			return;
		}
	}
	layout_compute(L, kver, cfg);
	cache[next] = *L;
	next = (next + 1) % LAYOUT_CACHE;
	if (used < LAYOUT_CACHE)
		used++;
}

int ms_gfp_kver_parse(const char *s, size_t len, uint32_t *kver)
{
	uint64_t maj, min;
	size_t i = 0, start;

	ms_strip(&s, &len);
	start = i;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == start || i - start > 3 || ms_parse_u64(s, i, &maj) ||
	    maj == 0 || maj > 255)
		return -EINVAL;
	if (i >= len || s[i] != '.')
		return -EINVAL;
	start = ++i;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == start || i - start > 3 ||
	    ms_parse_u64(s + start, i - start, &min) || min > 255)
		return -EINVAL;
	/* "6.8.0-45-generic": anything may follow a '.', '-', '+' or '_' */
	if (i < len && s[i] != '.' && s[i] != '-' && s[i] != '+' &&
	    s[i] != '_' && s[i] != '~')
		return -EINVAL;
	*kver = KV(maj, min);
	return 0;
}

const char *ms_gfp_kver_format(uint32_t kver, char *buf, size_t size)
{
	kver = norm_kver(kver);
	snprintf(buf, size, "%u.%u", (unsigned int)(kver >> 16),
		 (unsigned int)((kver >> 8) & 0xff));
	return buf;
}

/* The last release before @kver, for "it exists in A to B" messages. */
static uint32_t prev_kver(uint32_t kver)
{
	unsigned int maj = kver >> 16, min = (kver >> 8) & 0xff;

	if (min > 0)
		return KV(maj, min - 1);
	switch (maj) {
	case 3:
		return KV(2, 6);
	case 4:
		return KV(3, 19);
	case 5:
		return KV(4, 20);
	case 6:
		return KV(5, 19);
	default:
		return KV(maj - 1, 0);
	}
}

/* Whether @name exists in some era, and over which releases. */
static bool name_span(const char *name, uint32_t *from, uint32_t *until)
{
	bool found = false;
	size_t i;

	*from = UINT32_MAX;
	*until = 1;
	for (i = 0; i < ARRAY_SIZE(singles); i++) {
		if (strcmp(singles[i].name, name))
			continue;
		found = true;
		if (singles[i].from < *from)
			*from = singles[i].from;
		if (!singles[i].until || !*until)
			*until = 0;
		else if (singles[i].until > *until)
			*until = singles[i].until;
	}
	for (i = 0; i < ARRAY_SIZE(composites); i++) {
		if (strcmp(composites[i].name, name))
			continue;
		found = true;
		*from = composites[i].from;
		*until = composites[i].until;
	}
	return found;
}

static int upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/*
 * Levenshtein distance over upper-cased text, so that "gfp_kernel" is 0
 * away from "GFP_KERNEL" and still gets suggested.
 */
static unsigned int distance(const char *a, size_t la, const char *b)
{
	unsigned int row[48], i, j;
	size_t lb = strlen(b);

	if (la >= ARRAY_SIZE(row) || lb >= ARRAY_SIZE(row))
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		unsigned int diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			unsigned int up = row[j];
			unsigned int cost = upper(a[i - 1]) != upper(b[j - 1]);
			unsigned int best = diag + cost;

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static const char *suggest(const struct layout *L, const char *s, size_t len)
{
	const char *best = NULL;
	unsigned int best_d = len > 12 ? 3 : 2;
	size_t i;

	for (i = 0; i < L->n; i++) {
		unsigned int d = distance(s, len, L->e[i].name);

		if (d <= best_d && (!best || d < best_d)) {
			best = L->e[i].name;
			best_d = d;
		}
	}
	return best;
}

static bool is_ident(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const char *cfg_option(unsigned int cfg)
{
	if (cfg & MS_GFP_CFG_LOCKDEP)
		return "CONFIG_LOCKDEP";
	if (cfg & MS_GFP_CFG_KASAN_HW_TAGS)
		return "CONFIG_KASAN_HW_TAGS";
	return "CONFIG_SLAB_OBJ_EXT";
}

static int parse_number(const struct layout *L, const char *s, size_t len,
			uint32_t *value, struct ms_diag *diag)
{
	char q[64], kb[16];
	uint64_t v;
	int err;

	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		err = ms_parse_hex_u64(s, len, &v);
	else
		err = ms_parse_u64(s, len, &v);
	ms_quote_tok(q, sizeof(q), s, len);
	if (err == -ERANGE || (!err && v > UINT32_MAX))
		return ms_diag_set(
			diag, NULL, 0, -EINVAL,
			"number '%s' does not fit in gfp_t (32 bits)", q);
	if (err)
		return ms_diag_set(
			diag, NULL, 0, -EINVAL,
			"expected a GFP flag name or a number, found '%s'", q);
	if (v & ~(uint64_t)L->bits) {
		uint64_t bad = v & ~(uint64_t)L->bits;

		ms_gfp_kver_format(L->kver, kb, sizeof(kb));
		if (bad & (bad - 1))
			return ms_diag_set(
				diag, NULL, 0, -EINVAL,
				"bits 0x%llx are not GFP flags in kernel %s",
				(unsigned long long)bad, kb);
		return ms_diag_set(diag, NULL, 0, -EINVAL,
				   "bit 0x%llx is not a GFP flag in kernel %s",
				   (unsigned long long)bad, kb);
	}
	*value = (uint32_t)v;
	return 0;
}

static int parse_name(const struct layout *L, const char *s, size_t len,
		      uint32_t *value, struct ms_diag *diag)
{
	char name[64], kb[16], fb[16], ub[16];
	const struct layout_entry *e;
	uint32_t from, until;
	const char *hint;

	if (ms_tok_copy(name, sizeof(name), s, len)) {
		char q[64];

		return ms_diag_set(diag, NULL, 0, -EINVAL,
				   "unknown GFP flag '%s'",
				   ms_quote_tok(q, sizeof(q), s, len));
	}
	ms_gfp_kver_format(L->kver, kb, sizeof(kb));
	e = layout_find(L, name);
	if (e) {
		if (!e->composite && !e->value)
			return ms_diag_set(
				diag, NULL, 0, -EINVAL,
				"'%s' is 0 in kernel %s unless it is built with %s",
				name, kb, cfg_option(e->cfg));
		*value = e->value;
		return 0;
	}
	if (name_span(name, &from, &until)) {
		ms_gfp_kver_format(from ? from : KV(2, 6), fb, sizeof(fb));
		if (until)
			return ms_diag_set(
				diag, NULL, 0, -EINVAL,
				"'%s' is not defined in kernel %s (it exists in %s to %s)",
				name, kb, fb,
				ms_gfp_kver_format(prev_kver(until), ub,
						   sizeof(ub)));
		return ms_diag_set(
			diag, NULL, 0, -EINVAL,
			"'%s' is not defined in kernel %s (it exists from %s on)",
			name, kb, fb);
	}
	hint = suggest(L, s, len);
	if (hint)
		return ms_diag_set(diag, NULL, 0, -EINVAL,
				   "unknown GFP flag '%s' (did you mean '%s'?)",
				   name, hint);
	return ms_diag_set(diag, NULL, 0, -EINVAL, "unknown GFP flag '%s'",
			   name);
}

int ms_gfp_mask_parse(const char *expr, size_t len, uint32_t kver,
		      unsigned int cfg, uint32_t *mask, struct ms_diag *diag)
{
	struct layout L;
	uint32_t acc = 0;
	size_t i = 0;
	bool after_bar = false;

	layout_build(&L, kver, cfg);
	for (;;) {
		uint32_t value = 0;
		size_t start;
		int err;

		while (i < len && is_blank(expr[i]))
			i++;
		if (i >= len)
			return ms_diag_set(
				diag, NULL, 0, -EINVAL,
				after_bar ?
					"expected a GFP flag name or a number after '|'" :
					"expected a GFP flag name or a number");
		start = i;
		while (i < len && is_ident(expr[i]))
			i++;
		if (i == start) {
			char q[8];

			return ms_diag_set(
				diag, NULL, 0, -EINVAL,
				"expected a GFP flag name or a number, found '%s'",
				ms_quote_tok(q, sizeof(q), expr + i, 1));
		}
		if (expr[start] >= '0' && expr[start] <= '9')
			err = parse_number(&L, expr + start, i - start, &value,
					   diag);
		else
			err = parse_name(&L, expr + start, i - start, &value,
					 diag);
		if (err)
			return err;
		acc |= value;
		while (i < len && is_blank(expr[i]))
			i++;
		if (i >= len)
			break;
		if (expr[i] != '|') {
			char q[8];

			return ms_diag_set(
				diag, NULL, 0, -EINVAL,
				"expected '|' between GFP flags, found '%s'",
				ms_quote_tok(q, sizeof(q), expr + i, 1));
		}
		i++;
		after_bar = true;
	}
	*mask = acc;
	return 0;
}

/* Appends like snprintf() into buf, tracking the full length in *pos. */
static void put(char *buf, size_t size, size_t *pos, const char *s)
{
	size_t n = strlen(s);

	if (*pos < size) {
		size_t room = size - *pos - 1;

		memcpy(buf + *pos, s, n < room ? n : room);
	}
	*pos += n;
}

size_t ms_gfp_format(uint32_t mask, uint32_t kver, unsigned int cfg, char *buf,
		     size_t size)
{
	const char *const *order;
	size_t nr, i, pos = 0;
	struct layout L;
	uint32_t flags = mask;

	layout_build(&L, kver, cfg);
	if (L.kver >= ORDER_BITS_FROM) {
		order = order_bits;
		nr = ARRAY_SIZE(order_bits);
	} else {
		order = order_listed;
		nr = ARRAY_SIZE(order_listed);
	}
	for (i = 0; flags && i < nr; i++) {
		const struct layout_entry *e = layout_find(&L, order[i]);

		/* from 5.18 the KASAN bits left the %pGg table */
		if (!strcmp(order[i], "__GFP_SKIP_KASAN_POISON") &&
		    L.kver >= KV(5, 18))
			continue;
		if (!e || !e->value || (flags & e->value) != e->value)
			continue;
		put(buf, size, &pos, e->name);
		flags &= ~e->value;
		if (flags)
			put(buf, size, &pos, "|");
	}
	if (flags) {
		char hex[16];

		snprintf(hex, sizeof(hex), "%#x", (unsigned int)flags);
		put(buf, size, &pos, hex);
	}
	if (size)
		buf[pos < size ? pos : size - 1] = '\0';
	return pos;
}

bool ms_gfp_lookup(const char *name, uint32_t kver, unsigned int cfg,
		   uint32_t *value)
{
	const struct layout_entry *e;
	struct layout L;

	layout_build(&L, kver, cfg);
	e = layout_find(&L, name);
	if (!e)
		return false;
	*value = e->value;
	return true;
}

uint32_t ms_gfp_valid_bits(uint32_t kver, unsigned int cfg)
{
	struct layout L;

	layout_build(&L, kver, cfg);
	return L.bits;
}

const char *ms_gfp_mask_zone_name(enum ms_gfp_mask_zone zone)
{
	switch (zone) {
	case MS_GFP_ZONE_DMA:
		return "DMA";
	case MS_GFP_ZONE_DMA32:
		return "DMA32";
	case MS_GFP_ZONE_NORMAL:
		return "Normal";
	case MS_GFP_ZONE_HIGHMEM:
		return "HighMem";
	case MS_GFP_ZONE_MOVABLE:
		return "Movable";
	default:
		return "invalid";
	}
}

const char *ms_gfp_migratetype_name(enum ms_gfp_migratetype mt)
{
	switch (mt) {
	case MS_GFP_MT_UNMOVABLE:
		return "unmovable";
	case MS_GFP_MT_RECLAIMABLE:
		return "reclaimable";
	case MS_GFP_MT_MOVABLE:
		return "movable";
	default:
		return "invalid";
	}
}

const char *ms_gfp_retry_text(enum ms_gfp_retry retry)
{
	switch (retry) {
	case MS_GFP_RETRY_NONE:
		return "cannot reclaim: fails right after the min-watermark attempt (no reclaim, compaction, retry or OOM killer)";
	case MS_GFP_RETRY_DEFAULT:
		return "reclaims and compacts; orders up to 3 retry until they succeed or the OOM killer runs, larger orders may fail";
	case MS_GFP_RETRY_NORETRY:
		return "one light round of reclaim and compaction, then fails; never invokes the OOM killer";
	case MS_GFP_RETRY_MAYFAIL:
		return "retries reclaim while it makes progress, then fails instead of invoking the OOM killer";
	case MS_GFP_RETRY_REPEAT:
		return "tries harder for orders above 3, but may still fail";
	case MS_GFP_RETRY_NOFAIL:
		return "never fails: loops until the allocation succeeds";
	}
	return "";
}

/* gfp_zone(): GFP_ZONE_TABLE indexed by the four zone modifier bits */
static enum ms_gfp_mask_zone zone_of(uint32_t mask)
{
	switch (mask & 0x0f) {
	case 0x0:
	case 0x8:
		return MS_GFP_ZONE_NORMAL;
	case 0x1:
	case 0x9:
		return MS_GFP_ZONE_DMA;
	case 0x2:
		return MS_GFP_ZONE_HIGHMEM;
	case 0x4:
	case 0xc:
		return MS_GFP_ZONE_DMA32;
	case 0xa:
		return MS_GFP_ZONE_MOVABLE;
	default:
		return MS_GFP_ZONE_BAD;
	}
}

static const char *context_of(const struct ms_gfp_explain *ex)
{
	if (ex->zone == MS_GFP_ZONE_DMA)
		return ex->direct_reclaim ?
			       "buffer for a device that addresses only the lowest 16 MiB, process context (GFP_DMA | GFP_KERNEL)" :
			       "buffer for a device that addresses only the lowest 16 MiB, atomic context (GFP_DMA | GFP_ATOMIC)";
	if (ex->zone == MS_GFP_ZONE_DMA32)
		return "buffer for a device limited to 32-bit addresses (GFP_DMA32)";
	if (!ex->direct_reclaim) {
		if (ex->high)
			return "interrupt handler, softirq, tasklet or spinlock held: must not sleep (GFP_ATOMIC)";
		if (ex->kswapd)
			return "opportunistic allocation with a fallback: must not sleep (GFP_NOWAIT)";
		return "allocation that must neither sleep nor wake kswapd (e.g. GFP_TRANSHUGE_LIGHT page faults)";
	}
	if (!ex->io)
		return "block I/O path: may sleep but must not start I/O (GFP_NOIO)";
	if (!ex->fs)
		return "filesystem code: may sleep but must not recurse into the filesystem (GFP_NOFS)";
	if (ex->zone == MS_GFP_ZONE_MOVABLE ||
	    ex->migratetype == MS_GFP_MT_MOVABLE)
		return "user-space pages and page cache (GFP_HIGHUSER_MOVABLE)";
	if (ex->hardwall)
		return "memory on behalf of user space, cpuset enforced (GFP_USER)";
	if (ex->account)
		return "process context, charged to the caller's memory cgroup (GFP_KERNEL_ACCOUNT)";
	return "process context that may sleep (GFP_KERNEL)";
}

void ms_gfp_explain(uint32_t mask, unsigned int order, uint32_t kver,
		    unsigned int cfg, struct ms_gfp_explain *ex)
{
	struct layout L;
	uint32_t k;

#define HAS(name) ((V(&L, name) & mask) && V(&L, name))
	layout_build(&L, kver, cfg);
	k = L.kver;
	memset(ex, 0, sizeof(*ex));
	ex->mask = mask;
	ex->order = order;
	ex->kver = k;
	ex->cfg = cfg;
	ex->unknown_bits = mask & ~L.bits;
	if (k < KV(4, 4)) {
		ex->direct_reclaim = HAS("__GFP_WAIT");
		ex->kswapd = !HAS("__GFP_NO_KSWAPD");
	} else {
		ex->direct_reclaim = HAS("__GFP_DIRECT_RECLAIM");
		ex->kswapd = HAS("__GFP_KSWAPD_RECLAIM");
	}
	ex->io = HAS("__GFP_IO");
	ex->fs = HAS("__GFP_FS");
	ex->high = HAS("__GFP_HIGH");
	ex->atomic_bit = HAS("__GFP_ATOMIC");
	ex->memalloc = HAS("__GFP_MEMALLOC");
	ex->nomemalloc = HAS("__GFP_NOMEMALLOC");
	ex->nowarn = HAS("__GFP_NOWARN");
	ex->comp = HAS("__GFP_COMP");
	ex->zero = HAS("__GFP_ZERO");
	ex->account = HAS("__GFP_ACCOUNT");
	ex->hardwall = HAS("__GFP_HARDWALL");
	ex->thisnode = HAS("__GFP_THISNODE");
	ex->write = HAS("__GFP_WRITE");
	ex->zone = zone_of(mask);
	if (HAS("__GFP_MOVABLE") && HAS("__GFP_RECLAIMABLE"))
		ex->migratetype = MS_GFP_MT_BAD;
	else if (HAS("__GFP_MOVABLE"))
		ex->migratetype = MS_GFP_MT_MOVABLE;
	else if (HAS("__GFP_RECLAIMABLE"))
		ex->migratetype = MS_GFP_MT_RECLAIMABLE;
	else
		ex->migratetype = MS_GFP_MT_UNMOVABLE;

	/* gfp_to_alloc_flags() */
	ex->alloc_min_reserve = ex->high;
	if (k < KV(4, 4)) {
		/* atomic = !(gfp_mask & (__GFP_WAIT | __GFP_NO_KSWAPD)) */
		bool atomic = !ex->direct_reclaim && ex->kswapd;

		ex->alloc_harder = atomic && !ex->nomemalloc;
		ex->ignores_cpuset = atomic;
	} else if (k < KV(6, 3)) {
		ex->alloc_harder = ex->atomic_bit && !ex->nomemalloc;
		ex->ignores_cpuset = ex->atomic_bit;
		ex->alloc_highatomic = ex->alloc_harder;
		ex->uses_reserves = ex->alloc_harder;
	} else {
		if (!ex->direct_reclaim) {
			ex->alloc_harder = !ex->nomemalloc;
			/* 6.18: ALLOC_HIGHATOMIC only with __GFP_HIGH */
			ex->alloc_highatomic =
				ex->alloc_harder && order > 0 &&
				(k < KV(6, 18) || ex->alloc_min_reserve);
			ex->ignores_cpuset = ex->alloc_min_reserve;
		}
		ex->uses_reserves = ex->alloc_min_reserve || ex->alloc_harder ||
				    ex->alloc_highatomic;
	}
	ex->alloc_cma = ex->migratetype == MS_GFP_MT_MOVABLE;
	ex->no_watermarks = ex->memalloc && !ex->nomemalloc;

	/* __zone_watermark_ok(): the share of min left to this request */
	{
		bool half = ex->alloc_min_reserve;
		bool quarter = ex->alloc_harder &&
			       (k < KV(6, 3) || ex->alloc_min_reserve);

		ex->min_num = half ? (quarter ? 3 : 1) : (quarter ? 3 : 1);
		ex->min_den = half ? (quarter ? 8 : 2) : (quarter ? 4 : 1);
	}

	if (HAS("__GFP_NOFAIL"))
		ex->retry = MS_GFP_RETRY_NOFAIL;
	else if (!ex->direct_reclaim)
		ex->retry = MS_GFP_RETRY_NONE;
	else if (HAS("__GFP_NORETRY"))
		ex->retry = MS_GFP_RETRY_NORETRY;
	else if (HAS("__GFP_RETRY_MAYFAIL"))
		ex->retry = MS_GFP_RETRY_MAYFAIL;
	else if (HAS("__GFP_REPEAT"))
		ex->retry = MS_GFP_RETRY_REPEAT;
	else
		ex->retry = MS_GFP_RETRY_DEFAULT;
	ex->warns = !ex->nowarn;
	ex->oom_killer = ex->direct_reclaim && ex->fs && order <= 3 &&
			 (ex->zone == MS_GFP_ZONE_NORMAL ||
			  ex->zone == MS_GFP_ZONE_HIGHMEM ||
			  ex->zone == MS_GFP_ZONE_MOVABLE) &&
			 !HAS("__GFP_NORETRY") && !HAS("__GFP_RETRY_MAYFAIL") &&
			 !ex->thisnode;
	ex->context = context_of(ex);
#undef HAS
}

uint64_t ms_gfp_reduce_min(uint64_t min_pages, const struct ms_gfp_explain *ex)
{
	uint64_t m = min_pages;

	if (ex->kver < KV(6, 3)) {
		if (ex->alloc_min_reserve)
			m -= m / 2;
		if (ex->alloc_harder)
			m -= m / 4;
	} else if (ex->alloc_min_reserve) {
		m -= m / 2;
		if (ex->alloc_harder)
			m -= m / 4;
	}
	return m;
}

static const struct ms_gfp_context contexts[] = {
	{ "process context, can sleep", "GFP_KERNEL" },
	{ "process context, cannot sleep (spinlock held)", "GFP_ATOMIC" },
	{ "interrupt handler", "GFP_ATOMIC" },
	{ "softirq", "GFP_ATOMIC" },
	{ "tasklet", "GFP_ATOMIC" },
	{ "DMA-able memory, can sleep", "GFP_DMA | GFP_KERNEL" },
	{ "DMA-able memory, cannot sleep", "GFP_DMA | GFP_ATOMIC" },
	{ "device limited to 32-bit addresses, can sleep",
	  "GFP_DMA32 | GFP_KERNEL" },
	{ "filesystem code that must not recurse into the filesystem",
	  "GFP_NOFS" },
	{ "block I/O path that must not start more I/O", "GFP_NOIO" },
	{ "user-space pages and page cache", "GFP_HIGHUSER_MOVABLE" },
	{ "memory mapped to user space that the kernel also touches",
	  "GFP_USER" },
	{ "kernel memory charged to the caller's memory cgroup",
	  "GFP_KERNEL_ACCOUNT" },
	{ "opportunistic allocation with a fallback, cannot sleep",
	  "GFP_NOWAIT" },
};

const struct ms_gfp_context *ms_gfp_contexts(size_t *nr)
{
	*nr = ARRAY_SIZE(contexts);
	return contexts;
}
