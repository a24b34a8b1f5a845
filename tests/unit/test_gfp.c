// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Expected values are taken from the kernel headers of each release
 * (include/linux/gfp.h, gfp_types.h, include/trace/events/mmflags.h) and
 * from "page allocation failure" lines seen in real logs, computed by
 * hand from the ___GFP_* values.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "analysis/gfp.h"

#define KV(a, b) MS_GFP_KVER(a, b)
#define CFG	 MS_GFP_CFG_DEFAULT

static uint32_t parse_ok(const char *expr, uint32_t kver, unsigned int cfg)
{
	struct ms_diag diag;
	uint32_t mask = 0xdeadbeef;

	memset(&diag, 0, sizeof(diag));
	if (ms_gfp_mask_parse(expr, strlen(expr), kver, cfg, &mask, &diag)) {
		print_error("parse '%s' failed: %s\n", expr, diag.msg);
		fail();
	}
	return mask;
}

static void parse_err(const char *expr, uint32_t kver, unsigned int cfg,
		      const char *msg)
{
	struct ms_diag diag;
	uint32_t mask = 0x1234;

	memset(&diag, 0, sizeof(diag));
	assert_int_equal(
		ms_gfp_mask_parse(expr, strlen(expr), kver, cfg, &mask, &diag),
		-EINVAL);
	assert_int_equal(diag.err, -EINVAL);
	assert_int_equal(diag.line, 0);
	assert_string_equal(diag.msg, msg);
	/* the result is left alone on error */
	assert_int_equal(mask, 0x1234);
}

static void expect_format(uint32_t mask, uint32_t kver, unsigned int cfg,
			  const char *text)
{
	char buf[256];

	assert_int_equal(ms_gfp_format(mask, kver, cfg, buf, sizeof(buf)),
			 strlen(text));
	assert_string_equal(buf, text);
}

/* Both directions: the name parses to @mask and @mask prints as @text. */
static void round_trip(const char *text, uint32_t kver, uint32_t mask)
{
	assert_int_equal(parse_ok(text, kver, CFG), mask);
	expect_format(mask, kver, CFG, text);
}

static void test_latest_layout(void **state)
{
	(void)state;
	/* 6.3+: __GFP_ATOMIC is gone, GFP_ATOMIC = HIGH | KSWAPD_RECLAIM */
	round_trip("GFP_ATOMIC", 0, 0x820);
	round_trip("GFP_KERNEL", 0, 0xcc0);
	round_trip("GFP_ATOMIC|__GFP_COMP", KV(6, 3), 0x40820);
	round_trip("GFP_ATOMIC|__GFP_COMP", 0, 0x40820);
	/* 6.8 added __GFP_NOWARN to GFP_NOWAIT */
	round_trip("GFP_NOWAIT", KV(6, 3), 0x800);
	round_trip("GFP_NOWAIT", KV(6, 8), 0x2800);
	/* GFP_HIGHUSER_MOVABLE without KASAN_HW_TAGS: __GFP_SKIP_KASAN is 0 */
	round_trip("GFP_HIGHUSER_MOVABLE", KV(6, 8), 0x100cca);
	round_trip("GFP_KERNEL_ACCOUNT", 0, 0x400cc0);
	round_trip("GFP_USER", 0, 0x100cc0);
	round_trip("GFP_NOFS", 0, 0xc40);
	round_trip("GFP_NOIO", 0, 0xc00);
	/* (HUM | COMP | NOMEMALLOC | NOWARN) & ~RECLAIM | DIRECT_RECLAIM */
	round_trip("GFP_TRANSHUGE", 0, 0x1c24ca);
	round_trip("GFP_TRANSHUGE_LIGHT", 0, 0x1c20ca);
	round_trip("GFP_DMA", 0, 0x01);
	round_trip("GFP_DMA32", 0, 0x04);
	round_trip("GFP_KERNEL|__GFP_NOWARN|__GFP_NORETRY", KV(6, 12), 0x12cc0);
}

static void test_5x_layout(void **state)
{
	(void)state;
	/* 5.1 "mm: shuffle GFP_* flags": GFP_KERNEL fits in 0xcc0 */
	round_trip("GFP_ATOMIC", KV(5, 10), 0xa20);
	round_trip("GFP_ATOMIC|__GFP_COMP", KV(5, 10), 0x40a20);
	round_trip("GFP_ATOMIC|__GFP_COMP", KV(6, 2), 0x40a20);
	round_trip("GFP_KERNEL", KV(5, 1), 0xcc0);
	round_trip("GFP_KERNEL|__GFP_COMP", KV(5, 15), 0x40cc0);
	/* 5.14-5.17: __GFP_SKIP_KASAN_POISON is an unconditional bit */
	round_trip("GFP_HIGHUSER_MOVABLE", KV(5, 15), 0x1100cca);
	round_trip("GFP_HIGHUSER_MOVABLE", KV(5, 10), 0x100cca);
	/* 6.2-era log: "mode:0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO)" */
	round_trip("GFP_KERNEL|__GFP_COMP|__GFP_ZERO", KV(6, 2), 0x40dc0);
	/* 6.15+ prints single bits in bit order: ZERO (0x100) before COMP */
	round_trip("GFP_KERNEL|__GFP_ZERO|__GFP_COMP", KV(6, 19), 0x40dc0);
	expect_format(0x40dc0, KV(6, 14), CFG,
		      "GFP_KERNEL|__GFP_COMP|__GFP_ZERO");
}

static void test_4x_layouts(void **state)
{
	(void)state;
	/* 4.18 - 5.0: "mm: save two stranding bit in gfp_mask" */
	round_trip("GFP_ATOMIC", KV(4, 19), 0x480020);
	round_trip("GFP_KERNEL", KV(4, 19), 0x6000c0);
	round_trip("GFP_ATOMIC", KV(5, 0), 0x480020);
	round_trip("GFP_KERNEL", KV(5, 0), 0x6000c0);
	round_trip("GFP_HIGHUSER_MOVABLE", KV(4, 19), 0x6200ca);
	/* 4.10 - 4.17: __GFP_OTHER_NODE gone, KSWAPD_RECLAIM 0x1000000 */
	round_trip("GFP_ATOMIC", KV(4, 10), 0x1080020);
	round_trip("GFP_KERNEL", KV(4, 14), 0x14000c0);
	round_trip("GFP_KERNEL|__GFP_COMP", KV(4, 14), 0x14040c0);
	round_trip("GFP_ATOMIC", KV(4, 16), 0x1080020);
	/* 4.4 - 4.9 */
	assert_int_equal(parse_ok("GFP_ATOMIC", KV(4, 4), CFG), 0x2080020);
	assert_int_equal(parse_ok("GFP_KERNEL", KV(4, 4), CFG), 0x24000c0);
	assert_int_equal(parse_ok("GFP_NOWAIT", KV(4, 4), CFG), 0x2000000);
	/* a 4.9 log: "mode:0x2084120(GFP_ATOMIC|__GFP_COLD|__GFP_COMP)" */
	round_trip("GFP_ATOMIC|__GFP_COLD|__GFP_COMP", KV(4, 9), 0x2084120);
	/* 4.4 real OOM logs: "gfp_mask=0x24201ca" */
	round_trip("GFP_HIGHUSER_MOVABLE|__GFP_COLD", KV(4, 4), 0x24201ca);
}

static void test_old_layout(void **state)
{
	(void)state;
	/* up to 4.3: __GFP_WAIT 0x10, GFP_KERNEL 0xd0, GFP_ATOMIC 0x20 */
	round_trip("GFP_KERNEL", KV(4, 3), 0xd0);
	round_trip("GFP_ATOMIC", KV(3, 10), 0x20);
	round_trip("GFP_KERNEL", KV(2, 6), 0xd0);
	/* RHEL 7 logs: "gfp_mask=0x200da" */
	round_trip("GFP_HIGHUSER_MOVABLE", KV(3, 10), 0x200da);
	/* 2.6.38 "mode:0x4020": GFP_ATOMIC | __GFP_COMP */
	round_trip("GFP_ATOMIC|__GFP_COMP", KV(2, 6), 0x4020);
	/* 3.4 "mode:0x10d0": GFP_KERNEL | __GFP_NORETRY (0x1000) */
	round_trip("GFP_KERNEL|__GFP_NORETRY", KV(3, 4), 0x10d0);
	round_trip("GFP_KERNEL|__GFP_REPEAT", KV(3, 4), 0x4d0);
	/* GFP_NOWAIT was (GFP_ATOMIC & ~__GFP_HIGH) = 0 */
	assert_int_equal(parse_ok("GFP_NOWAIT", KV(3, 10), CFG), 0);
	assert_int_equal(parse_ok("GFP_NOWAIT | GFP_ATOMIC", KV(3, 10), CFG),
			 0x20);
	/* __GFP_RECLAIMABLE moved from 0x80000 to 0x10 in 4.4 */
	assert_int_equal(parse_ok("__GFP_RECLAIMABLE", KV(4, 3), CFG), 0x80000);
	assert_int_equal(parse_ok("__GFP_RECLAIMABLE", KV(4, 4), CFG), 0x10);
	/* GFP_TRANSHUGE of 3.10 carries __GFP_NO_KSWAPD (0x400000) */
	assert_int_equal(parse_ok("GFP_TRANSHUGE", KV(3, 10), CFG), 0x4352da);
}

/* Both sides of every re-layout, on the releases named in gfp.h */
static void test_layout_boundaries(void **state)
{
	static const struct {
		uint32_t kver;
		uint32_t atomic;
		uint32_t kernel_comp;
	} b[] = {
		{ KV(4, 3), 0x20, 0x40d0 },
		{ KV(4, 4), 0x2080020, 0x24040c0 },
		{ KV(4, 9), 0x2080020, 0x24040c0 },
		{ KV(4, 10), 0x1080020, 0x14040c0 },
		{ KV(4, 17), 0x1080020, 0x14040c0 },
		{ KV(4, 18), 0x480020, 0x6040c0 },
		{ KV(5, 0), 0x480020, 0x6040c0 },
		{ KV(5, 1), 0xa20, 0x40cc0 },
		{ KV(6, 2), 0xa20, 0x40cc0 },
		{ KV(6, 3), 0x820, 0x40cc0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(b); i++) {
		assert_int_equal(parse_ok("GFP_ATOMIC", b[i].kver, CFG),
				 b[i].atomic);
		assert_int_equal(
			parse_ok("GFP_KERNEL|__GFP_COMP", b[i].kver, CFG),
			b[i].kernel_comp);
	}
	/* __GFP_WRITE moved with three of the re-layouts */
	assert_int_equal(parse_ok("__GFP_WRITE", KV(4, 9), CFG), 0x1000000);
	assert_int_equal(parse_ok("__GFP_WRITE", KV(4, 17), CFG), 0x800000);
	assert_int_equal(parse_ok("__GFP_WRITE", KV(4, 18), CFG), 0x100);
	assert_int_equal(parse_ok("__GFP_WRITE", KV(5, 1), CFG), 0x1000);
	assert_int_equal(parse_ok("__GFP_DIRECT_RECLAIM", KV(4, 17), CFG),
			 0x400000);
	assert_int_equal(parse_ok("__GFP_DIRECT_RECLAIM", KV(4, 18), CFG),
			 0x200000);
}

static void test_config_bits(void **state)
{
	uint32_t v;

	(void)state;
	/* up to 6.8: fixed values, 0 without the option */
	assert_true(ms_gfp_lookup("__GFP_NOLOCKDEP", KV(6, 8), CFG, &v));
	assert_int_equal(v, 0);
	assert_int_equal(
		parse_ok("__GFP_NOLOCKDEP", KV(6, 8), MS_GFP_CFG_LOCKDEP),
		0x4000000);
	assert_int_equal(
		parse_ok("__GFP_NOLOCKDEP", KV(4, 19), MS_GFP_CFG_LOCKDEP),
		0x800000);
	assert_int_equal(
		parse_ok("__GFP_NOLOCKDEP", KV(6, 1), MS_GFP_CFG_LOCKDEP),
		0x8000000);
	/* 6.9+: numbered after __GFP_ZEROTAGS (bit 23) in enum order */
	assert_int_equal(
		parse_ok("__GFP_NOLOCKDEP", KV(6, 12), MS_GFP_CFG_LOCKDEP),
		0x1000000);
	assert_int_equal(
		parse_ok("__GFP_NOLOCKDEP", KV(6, 12),
			 MS_GFP_CFG_LOCKDEP | MS_GFP_CFG_KASAN_HW_TAGS),
		0x4000000);
	assert_int_equal(parse_ok("__GFP_NO_OBJ_EXT", KV(6, 12), CFG),
			 0x1000000);
	assert_int_equal(parse_ok("__GFP_NO_OBJ_EXT", KV(6, 12),
				  CFG | MS_GFP_CFG_LOCKDEP),
			 0x2000000);
	/* 6.19 defines __GFP_NO_OBJ_EXT without CONFIG_SLAB_OBJ_EXT */
	assert_int_equal(parse_ok("__GFP_NO_OBJ_EXT", KV(6, 19), 0), 0x1000000);
	/* with KASAN_HW_TAGS, GFP_HIGHUSER_MOVABLE gains __GFP_SKIP_KASAN */
	assert_int_equal(parse_ok("GFP_HIGHUSER_MOVABLE", KV(6, 8),
				  MS_GFP_CFG_KASAN_HW_TAGS),
			 0x2100cca);
	assert_int_equal(parse_ok("GFP_HIGHUSER_MOVABLE", KV(6, 1),
				  MS_GFP_CFG_KASAN_HW_TAGS),
			 0x6100cca);
	/* %pGg has no name for __GFP_NOLOCKDEP before 6.15 */
	expect_format(0x1000cc0, KV(6, 12), MS_GFP_CFG_LOCKDEP,
		      "GFP_KERNEL|0x1000000");
	expect_format(0x1000cc0, KV(6, 19), MS_GFP_CFG_LOCKDEP,
		      "GFP_KERNEL|__GFP_NOLOCKDEP");
	/* 5.15 prints __GFP_SKIP_KASAN_POISON; 6.1 leaves it to the hex */
	expect_format(0x1000000, KV(5, 15), CFG, "__GFP_SKIP_KASAN_POISON");
	expect_format(0x4000000, KV(6, 1), MS_GFP_CFG_KASAN_HW_TAGS,
		      "0x4000000");
	assert_int_equal(ms_gfp_valid_bits(KV(6, 12), CFG), 0x1fffdff);
	assert_int_equal(ms_gfp_valid_bits(KV(3, 10), CFG), 0x1ffffff);
}

static void test_format_rules(void **state)
{
	char buf[8];

	(void)state;
	/* nothing names 0x200 in 6.3+: the remainder is printed in hex */
	expect_format(0xa20, KV(6, 3), CFG, "GFP_ATOMIC|0x200");
	/* composites first: __GFP_HIGH alone is not GFP_ATOMIC */
	expect_format(0x20, 0, CFG, "__GFP_HIGH");
	/* GFP_NOWAIT (0x800 in 6.3) covers a lone __GFP_KSWAPD_RECLAIM */
	expect_format(0x800, KV(6, 3), CFG, "GFP_NOWAIT");
	expect_format(0x400, 0, CFG, "__GFP_DIRECT_RECLAIM");
	expect_format(0xc00, KV(6, 14), CFG, "GFP_NOIO");
	expect_format(0, 0, CFG, "");
	expect_format(0x80000000, 0, CFG, "0x80000000");
	/* truncation: the full length is still returned */
	assert_int_equal(ms_gfp_format(0x40820, 0, CFG, buf, sizeof(buf)),
			 strlen("GFP_ATOMIC|__GFP_COMP"));
	assert_string_equal(buf, "GFP_ATO");
}

/* Every name of an era prints as something that parses back to it. */
static void test_round_trip_all_names(void **state)
{
	static const char *const names[] = {
		"GFP_ATOMIC",
		"GFP_KERNEL",
		"GFP_KERNEL_ACCOUNT",
		"GFP_NOWAIT",
		"GFP_NOIO",
		"GFP_NOFS",
		"GFP_USER",
		"GFP_DMA",
		"GFP_DMA32",
		"GFP_HIGHUSER",
		"GFP_HIGHUSER_MOVABLE",
		"GFP_TRANSHUGE",
		"GFP_TRANSHUGE_LIGHT",
		"GFP_TEMPORARY",
		"__GFP_DMA",
		"__GFP_HIGHMEM",
		"__GFP_DMA32",
		"__GFP_MOVABLE",
		"__GFP_WAIT",
		"__GFP_RECLAIMABLE",
		"__GFP_HIGH",
		"__GFP_IO",
		"__GFP_FS",
		"__GFP_COLD",
		"__GFP_NOWARN",
		"__GFP_REPEAT",
		"__GFP_RETRY_MAYFAIL",
		"__GFP_NOFAIL",
		"__GFP_NORETRY",
		"__GFP_MEMALLOC",
		"__GFP_COMP",
		"__GFP_ZERO",
		"__GFP_NOMEMALLOC",
		"__GFP_HARDWALL",
		"__GFP_THISNODE",
		"__GFP_ATOMIC",
		"__GFP_ACCOUNT",
		"__GFP_NOTRACK",
		"__GFP_DIRECT_RECLAIM",
		"__GFP_KSWAPD_RECLAIM",
		"__GFP_WRITE",
		"__GFP_OTHER_NODE",
		"__GFP_NO_KSWAPD",
		"__GFP_ZEROTAGS",
		"__GFP_RECLAIM",
	};
	static const uint32_t eras[] = {
		KV(2, 6),  KV(3, 10), KV(4, 4),	 KV(4, 9),  KV(4, 10),
		KV(4, 14), KV(4, 16), KV(4, 19), KV(5, 1),  KV(5, 15),
		KV(6, 1),  KV(6, 3),  KV(6, 8),	 KV(6, 12), KV(6, 19),
	};
	unsigned int seen = 0;
	size_t e, n;

	(void)state;
	for (e = 0; e < ARRAY_SIZE(eras); e++) {
		for (n = 0; n < ARRAY_SIZE(names); n++) {
			char buf[256];
			uint32_t v;

			if (!ms_gfp_lookup(names[n], eras[e], CFG, &v) || !v)
				continue;
			ms_gfp_format(v, eras[e], CFG, buf, sizeof(buf));
			assert_int_equal(parse_ok(buf, eras[e], CFG), v);
			/* a name is printed as itself unless a composite
			 * earlier in the table covers it */
			assert_non_null(strstr(buf, "GFP_"));
			seen++;
		}
	}
	assert_true(seen > 300);
}

static void test_syntax(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("  GFP_KERNEL | __GFP_ZERO  ", 0, CFG),
			 0xdc0);
	assert_int_equal(parse_ok("GFP_KERNEL|__GFP_ZERO", 0, CFG), 0xdc0);
	assert_int_equal(parse_ok("0x40820", 0, CFG), 0x40820);
	assert_int_equal(parse_ok("0X820", 0, CFG), 0x820);
	assert_int_equal(parse_ok("3264", 0, CFG), 0xcc0);
	assert_int_equal(parse_ok("GFP_KERNEL|0x100", 0, CFG), 0xdc0);
	assert_int_equal(parse_ok("0", 0, CFG), 0);
	assert_int_equal(parse_ok("GFP_ATOMIC|GFP_ATOMIC", 0, CFG), 0x820);
}

static void test_errors(void **state)
{
	(void)state;
	parse_err("GFP_ATOMC", 0, CFG,
		  "unknown GFP flag 'GFP_ATOMC' (did you mean 'GFP_ATOMIC'?)");
	/* names are case-sensitive, as in C */
	parse_err("gfp_kernel", 0, CFG,
		  "unknown GFP flag 'gfp_kernel' (did you mean 'GFP_KERNEL'?)");
	parse_err("GFP_ZERO", 0, CFG,
		  "unknown GFP flag 'GFP_ZERO' (did you mean '__GFP_ZERO'?)");
	parse_err("XYZZY", 0, CFG, "unknown GFP flag 'XYZZY'");
	parse_err(
		"__GFP_WAIT", KV(6, 8), CFG,
		"'__GFP_WAIT' is not defined in kernel 6.8 (it exists in 2.6 to 4.3)");
	parse_err(
		"__GFP_ATOMIC", 0, CFG,
		"'__GFP_ATOMIC' is not defined in kernel 6.19 (it exists in 4.4 to 6.2)");
	parse_err(
		"__GFP_ACCOUNT", KV(4, 4), CFG,
		"'__GFP_ACCOUNT' is not defined in kernel 4.4 (it exists from 4.5 on)");
	parse_err(
		"GFP_TEMPORARY", KV(4, 19), CFG,
		"'GFP_TEMPORARY' is not defined in kernel 4.19 (it exists in 2.6 to 4.13)");
	parse_err(
		"__GFP_NOLOCKDEP", KV(6, 8), CFG,
		"'__GFP_NOLOCKDEP' is 0 in kernel 6.8 unless it is built with CONFIG_LOCKDEP");
	parse_err(
		"__GFP_SKIP_KASAN", KV(6, 12), CFG,
		"'__GFP_SKIP_KASAN' is 0 in kernel 6.12 unless it is built with CONFIG_KASAN_HW_TAGS");
	parse_err("0x200", KV(6, 8), CFG,
		  "bit 0x200 is not a GFP flag in kernel 6.8");
	parse_err("0x6000000", KV(6, 8), CFG,
		  "bits 0x6000000 are not GFP flags in kernel 6.8");
	parse_err("0x100000000", 0, CFG,
		  "number '0x100000000' does not fit in gfp_t (32 bits)");
	parse_err(
		"99999999999999999999999", 0, CFG,
		"number '99999999999999999999999' does not fit in gfp_t (32 bits)");
	parse_err("0x12g", 0, CFG,
		  "expected a GFP flag name or a number, found '0x12g'");
	parse_err("", 0, CFG, "expected a GFP flag name or a number");
	parse_err("  ", 0, CFG, "expected a GFP flag name or a number");
	parse_err("GFP_KERNEL |", 0, CFG,
		  "expected a GFP flag name or a number after '|'");
	parse_err("|GFP_KERNEL", 0, CFG,
		  "expected a GFP flag name or a number, found '|'");
	parse_err("GFP_KERNEL + __GFP_ZERO", 0, CFG,
		  "expected '|' between GFP flags, found '+'");
	parse_err("GFP_KERNEL __GFP_ZERO", 0, CFG,
		  "expected '|' between GFP flags, found '_'");
}

static void test_kver(void **state)
{
	uint32_t k = 0;
	char buf[16];

	(void)state;
	assert_int_equal(ms_gfp_kver_parse("6.8.0-45-generic", 16, &k), 0);
	assert_int_equal(k, KV(6, 8));
	assert_int_equal(ms_gfp_kver_parse("2.6.32-754.el6.x86_64", 21, &k), 0);
	assert_int_equal(k, KV(2, 6));
	assert_int_equal(ms_gfp_kver_parse(" 4.19 ", 6, &k), 0);
	assert_int_equal(k, KV(4, 19));
	assert_int_equal(ms_gfp_kver_parse("6", 1, &k), -EINVAL);
	assert_int_equal(ms_gfp_kver_parse("6.", 2, &k), -EINVAL);
	assert_int_equal(ms_gfp_kver_parse("x.y", 3, &k), -EINVAL);
	assert_int_equal(ms_gfp_kver_parse("6.8x", 4, &k), -EINVAL);
	assert_int_equal(ms_gfp_kver_parse("0.1", 3, &k), -EINVAL);
	assert_string_equal(ms_gfp_kver_format(KV(4, 19), buf, sizeof(buf)),
			    "4.19");
	assert_string_equal(ms_gfp_kver_format(0, buf, sizeof(buf)), "6.19");
}

static void test_explain_atomic(void **state)
{
	struct ms_gfp_explain ex;

	(void)state;
	ms_gfp_explain(0x820, 0, 0, CFG, &ex);
	assert_false(ex.direct_reclaim);
	assert_true(ex.kswapd);
	assert_true(ex.high);
	assert_int_equal(ex.zone, MS_GFP_ZONE_NORMAL);
	assert_int_equal(ex.migratetype, MS_GFP_MT_UNMOVABLE);
	assert_true(ex.alloc_min_reserve);
	assert_true(ex.alloc_harder);
	assert_false(ex.alloc_highatomic); /* order 0 */
	assert_true(ex.uses_reserves);
	assert_true(ex.ignores_cpuset);
	assert_false(ex.alloc_cma);
	assert_int_equal(ex.min_num, 3);
	assert_int_equal(ex.min_den, 8);
	assert_int_equal(ex.retry, MS_GFP_RETRY_NONE);
	assert_true(ex.warns);
	assert_false(ex.oom_killer);
	assert_non_null(strstr(ex.context, "interrupt handler"));
	/* reference §4.4: min 9149 -> 4575 -> 3432 */
	assert_int_equal(ms_gfp_reduce_min(9149, &ex), 3432);
	ms_gfp_explain(0x820, 2, 0, CFG, &ex);
	assert_true(ex.alloc_highatomic);

	/* 5.x GFP_ATOMIC: ALLOC_HIGH + ALLOC_HARDER, the same 3/8 */
	ms_gfp_explain(0xa20, 0, KV(5, 10), CFG, &ex);
	assert_true(ex.atomic_bit);
	assert_true(ex.alloc_harder);
	assert_true(ex.alloc_highatomic);
	assert_int_equal(ms_gfp_reduce_min(9149, &ex), 3432);
	/* __GFP_NOMEMALLOC takes ALLOC_HARDER away: only the half */
	ms_gfp_explain(0xa20 | 0x80000, 0, KV(5, 10), CFG, &ex);
	assert_false(ex.alloc_harder);
	assert_int_equal(ex.min_den, 2);
	assert_int_equal(ms_gfp_reduce_min(9149, &ex), 4575);
	/* 3.10: atomic = no __GFP_WAIT and no __GFP_NO_KSWAPD */
	ms_gfp_explain(0x20, 0, KV(3, 10), CFG, &ex);
	assert_true(ex.alloc_harder);
	assert_int_equal(ms_gfp_reduce_min(9149, &ex), 3432);
}

static void test_explain_nowait(void **state)
{
	struct ms_gfp_explain ex;

	(void)state;
	/* 6.8+: GFP_NOWAIT carries __GFP_NOWARN, and reserves but no cut */
	ms_gfp_explain(0x2800, 2, KV(6, 8), CFG, &ex);
	assert_false(ex.warns);
	assert_true(ex.alloc_harder);
	assert_true(ex.uses_reserves);
	assert_true(ex.alloc_highatomic);
	assert_false(ex.ignores_cpuset);
	assert_int_equal(ex.min_num, 1);
	assert_int_equal(ex.min_den, 1);
	assert_int_equal(ms_gfp_reduce_min(9149, &ex), 9149);
	/* 6.18: ALLOC_HIGHATOMIC only with __GFP_HIGH */
	ms_gfp_explain(0x2800, 2, KV(6, 18), CFG, &ex);
	assert_false(ex.alloc_highatomic);
	/* 4.4 - 6.2: no __GFP_ATOMIC, so no privilege at all */
	ms_gfp_explain(0x800, 2, KV(5, 10), CFG, &ex);
	assert_false(ex.alloc_harder);
	assert_false(ex.uses_reserves);
	assert_false(ex.alloc_highatomic);
	/* up to 4.3 GFP_NOWAIT (0) is atomic: ALLOC_HARDER, 3/4 of min */
	ms_gfp_explain(0, 0, KV(3, 10), CFG, &ex);
	assert_true(ex.alloc_harder);
	assert_int_equal(ex.min_num, 3);
	assert_int_equal(ex.min_den, 4);
	assert_int_equal(ms_gfp_reduce_min(9149, &ex), 6862);
}

static void test_explain_sleeping(void **state)
{
	struct ms_gfp_explain ex;

	(void)state;
	ms_gfp_explain(0xcc0, 0, 0, CFG, &ex);
	assert_true(ex.direct_reclaim);
	assert_true(ex.io);
	assert_true(ex.fs);
	assert_int_equal(ex.retry, MS_GFP_RETRY_DEFAULT);
	assert_true(ex.oom_killer);
	assert_int_equal(ms_gfp_reduce_min(9149, &ex), 9149);
	assert_non_null(strstr(ex.context, "GFP_KERNEL"));
	/* costly orders do not invoke the OOM killer */
	ms_gfp_explain(0xcc0, 4, 0, CFG, &ex);
	assert_false(ex.oom_killer);
	/* GFP_KERNEL | __GFP_HIGH: ALLOC_MIN_RESERVE, half of min */
	ms_gfp_explain(0xce0, 0, 0, CFG, &ex);
	assert_int_equal(ex.min_den, 2);
	assert_int_equal(ms_gfp_reduce_min(9149, &ex), 4575);
	ms_gfp_explain(0xc40, 0, 0, CFG, &ex);
	assert_false(ex.fs);
	assert_false(ex.oom_killer);
	assert_non_null(strstr(ex.context, "GFP_NOFS"));
	ms_gfp_explain(0xc00, 0, 0, CFG, &ex);
	assert_false(ex.io);
	assert_non_null(strstr(ex.context, "GFP_NOIO"));
	ms_gfp_explain(0xcc0 | 0x10000, 0, 0, CFG, &ex);
	assert_int_equal(ex.retry, MS_GFP_RETRY_NORETRY);
	assert_false(ex.oom_killer);
	ms_gfp_explain(0xcc0 | 0x4000, 0, 0, CFG, &ex);
	assert_int_equal(ex.retry, MS_GFP_RETRY_MAYFAIL);
	ms_gfp_explain(0xcc0 | 0x8000, 0, 0, CFG, &ex);
	assert_int_equal(ex.retry, MS_GFP_RETRY_NOFAIL);
	ms_gfp_explain(0xd0 | 0x400, 4, KV(3, 10), CFG, &ex);
	assert_int_equal(ex.retry, MS_GFP_RETRY_REPEAT);
	ms_gfp_explain(0x24000c0, 0, KV(4, 4), CFG, &ex);
	assert_true(ex.direct_reclaim);
	assert_true(ex.kswapd);
	assert_int_equal(ex.unknown_bits, 0);
	/* the 4.4 mask read with the 6.x layout: unknown bits */
	ms_gfp_explain(0x24000c0, 0, 0, CFG, &ex);
	assert_int_equal(ex.unknown_bits, 0x2000000);
	assert_non_null(ms_gfp_retry_text(MS_GFP_RETRY_NONE));
}

static void test_explain_zones(void **state)
{
	struct ms_gfp_explain ex;

	(void)state;
	ms_gfp_explain(0xcc1, 0, 0, CFG, &ex);
	assert_int_equal(ex.zone, MS_GFP_ZONE_DMA);
	assert_non_null(strstr(ex.context, "16 MiB"));
	ms_gfp_explain(0xcc4, 0, 0, CFG, &ex);
	assert_int_equal(ex.zone, MS_GFP_ZONE_DMA32);
	ms_gfp_explain(0xcc2, 0, 0, CFG, &ex);
	assert_int_equal(ex.zone, MS_GFP_ZONE_HIGHMEM);
	ms_gfp_explain(0x100cca, 0, 0, CFG, &ex);
	assert_int_equal(ex.zone, MS_GFP_ZONE_MOVABLE);
	assert_int_equal(ex.migratetype, MS_GFP_MT_MOVABLE);
	assert_true(ex.alloc_cma);
	assert_true(ex.hardwall);
	assert_non_null(strstr(ex.context, "GFP_HIGHUSER_MOVABLE"));
	/* __GFP_MOVABLE without __GFP_HIGHMEM stays in Normal */
	ms_gfp_explain(0xcc8, 0, 0, CFG, &ex);
	assert_int_equal(ex.zone, MS_GFP_ZONE_NORMAL);
	ms_gfp_explain(0x03, 0, 0, CFG, &ex);
	assert_int_equal(ex.zone, MS_GFP_ZONE_BAD);
	ms_gfp_explain(0xcd0, 0, 0, CFG, &ex);
	assert_int_equal(ex.migratetype, MS_GFP_MT_RECLAIMABLE);
	ms_gfp_explain(0xcd8, 0, 0, CFG, &ex);
	assert_int_equal(ex.migratetype, MS_GFP_MT_BAD);
	/* 3.10: __GFP_RECLAIMABLE is 0x80000 */
	ms_gfp_explain(0xd0 | 0x80000, 0, KV(3, 10), CFG, &ex);
	assert_int_equal(ex.migratetype, MS_GFP_MT_RECLAIMABLE);
	/* __GFP_MEMALLOC: no watermarks, unless __GFP_NOMEMALLOC */
	ms_gfp_explain(0xcc0 | 0x20000, 0, 0, CFG, &ex);
	assert_true(ex.no_watermarks);
	ms_gfp_explain(0xcc0 | 0x20000 | 0x80000, 0, 0, CFG, &ex);
	assert_false(ex.no_watermarks);
	assert_string_equal(ms_gfp_mask_zone_name(MS_GFP_ZONE_DMA32), "DMA32");
	assert_string_equal(ms_gfp_migratetype_name(MS_GFP_MT_MOVABLE),
			    "movable");
}

static void test_contexts(void **state)
{
	const struct ms_gfp_context *ctx;
	struct ms_gfp_explain ex;
	size_t nr, i;

	(void)state;
	ctx = ms_gfp_contexts(&nr);
	assert_true(nr >= 7);
	for (i = 0; i < nr; i++) {
		assert_true(ctx[i].situation[0] != '\0');
		parse_ok(ctx[i].flags, KV(4, 5), CFG);
		parse_ok(ctx[i].flags, 0, CFG);
	}
	/* Love's table: interrupt handlers use GFP_ATOMIC */
	for (i = 0; i < nr; i++)
		if (!strcmp(ctx[i].situation, "interrupt handler"))
			break;
	assert_true(i < nr);
	ms_gfp_explain(parse_ok(ctx[i].flags, 0, CFG), 0, 0, CFG, &ex);
	assert_false(ex.direct_reclaim);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latest_layout),
		cmocka_unit_test(test_5x_layout),
		cmocka_unit_test(test_4x_layouts),
		cmocka_unit_test(test_old_layout),
		cmocka_unit_test(test_layout_boundaries),
		cmocka_unit_test(test_config_bits),
		cmocka_unit_test(test_format_rules),
		cmocka_unit_test(test_round_trip_all_names),
		cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_kver),
		cmocka_unit_test(test_explain_atomic),
		cmocka_unit_test(test_explain_nowait),
		cmocka_unit_test(test_explain_sleeping),
		cmocka_unit_test(test_explain_zones),
		cmocka_unit_test(test_contexts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
