// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The vmstat stall counters: the 4.8+ names, the per-zone names of 3.x
 * and 4.x (summed, pgscan_direct_throttle left out), the 2.6 pgsteal
 * without a kswapd/direct split, and the rates between two samples.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/stall.h"
#include "lib/banned.h"

static void read_text(struct ms_stall_counters *c, const char *text)
{
	struct ms_diag d = { 0 };
	struct ms_kv kv;

	assert_int_equal(ms_vmstat_parse(&kv, text, strlen(text), "vmstat", &d),
			 0);
	ms_stall_read(c, &kv);
	ms_kv_release(&kv);
}

#define BIT(id) (1u << (id))

/* 6.x: one counter per name, allocstall per zone (4.8+) */
static void test_modern(void **state)
{
	struct ms_stall_counters c;

	(void)state;
	read_text(&c, "nr_free_pages 100\n"
		      "allocstall_dma 1\n"
		      "allocstall_dma32 2\n"
		      "allocstall_normal 30\n"
		      "allocstall_movable 400\n"
		      "allocstall_device 5000\n"
		      "pgsteal_kswapd 7\n"
		      "pgsteal_direct 8\n"
		      "pgscan_kswapd 9\n"
		      "pgscan_direct 10\n"
		      "pgscan_direct_throttle 99\n"
		      "oom_kill 3\n"
		      "compact_stall 11\n"
		      "compact_fail 4\n"
		      "compact_success 7\n"
		      "compact_daemon_wake 12\n");
	assert_int_equal(c.value[MS_STALL_ALLOCSTALL], 5433);
	assert_int_equal(c.value[MS_STALL_PGSCAN_DIRECT], 10);
	assert_int_equal(c.value[MS_STALL_PGSCAN_KSWAPD], 9);
	assert_int_equal(c.value[MS_STALL_PGSTEAL_DIRECT], 8);
	assert_int_equal(c.value[MS_STALL_PGSTEAL_KSWAPD], 7);
	assert_int_equal(c.value[MS_STALL_COMPACT_STALL], 11);
	assert_int_equal(c.value[MS_STALL_COMPACT_FAIL], 4);
	assert_int_equal(c.value[MS_STALL_COMPACT_SUCCESS], 7);
	assert_int_equal(c.value[MS_STALL_COMPACT_DAEMON_WAKE], 12);
	assert_int_equal(c.value[MS_STALL_OOM_KILL], 3);
	assert_int_equal(c.present, (1u << MS_STALL_NR) - 1);
}

/*
 * 3.x/4.x: reclaim per zone, one allocstall, no oom_kill and no
 * kcompactd; pgscan_direct_throttle is not a zone.
 */
static void test_per_zone(void **state)
{
	struct ms_stall_counters c;

	(void)state;
	read_text(&c, "pgsteal_kswapd_dma 0\n"
		      "pgsteal_kswapd_dma32 100\n"
		      "pgsteal_kswapd_normal 2000\n"
		      "pgsteal_kswapd_movable 0\n"
		      "pgsteal_direct_dma 0\n"
		      "pgsteal_direct_dma32 3\n"
		      "pgsteal_direct_normal 40\n"
		      "pgsteal_direct_movable 0\n"
		      "pgscan_kswapd_dma 0\n"
		      "pgscan_kswapd_dma32 150\n"
		      "pgscan_kswapd_normal 2500\n"
		      "pgscan_kswapd_movable 0\n"
		      "pgscan_direct_dma 0\n"
		      "pgscan_direct_dma32 5\n"
		      "pgscan_direct_normal 60\n"
		      "pgscan_direct_movable 0\n"
		      "pgscan_direct_throttle 1000000\n"
		      "allocstall 17\n"
		      "compact_stall 2\n"
		      "compact_fail 1\n"
		      "compact_success 1\n");
	assert_int_equal(c.value[MS_STALL_PGSTEAL_KSWAPD], 2100);
	assert_int_equal(c.value[MS_STALL_PGSTEAL_DIRECT], 43);
	assert_int_equal(c.value[MS_STALL_PGSCAN_KSWAPD], 2650);
	assert_int_equal(c.value[MS_STALL_PGSCAN_DIRECT], 65);
	assert_int_equal(c.value[MS_STALL_ALLOCSTALL], 17);
	assert_false(c.present & BIT(MS_STALL_OOM_KILL));
	assert_false(c.present & BIT(MS_STALL_COMPACT_DAEMON_WAKE));
	assert_int_equal(c.value[MS_STALL_OOM_KILL], 0);
	assert_true(c.present & BIT(MS_STALL_PGSCAN_DIRECT));
}

/* 2.6: "pgsteal_normal" has no kswapd/direct split: neither is present */
static void test_old(void **state)
{
	struct ms_stall_counters c;

	(void)state;
	read_text(&c, "pgsteal_dma 1\n"
		      "pgsteal_normal 2\n"
		      "pgsteal_high 3\n"
		      "pgscan_kswapd_high 4\n"
		      "pgscan_kswapd_normal 5\n"
		      "allocstall 6\n");
	assert_false(c.present & BIT(MS_STALL_PGSTEAL_KSWAPD));
	assert_false(c.present & BIT(MS_STALL_PGSTEAL_DIRECT));
	assert_false(c.present & BIT(MS_STALL_COMPACT_STALL));
	assert_int_equal(c.value[MS_STALL_PGSCAN_KSWAPD], 9);
	assert_int_equal(c.value[MS_STALL_ALLOCSTALL], 6);
}

/* a sum that overflows saturates rather than wrapping */
static void test_saturate(void **state)
{
	struct ms_stall_counters c;

	(void)state;
	read_text(&c, "allocstall_dma32 18446744073709551615\n"
		      "allocstall_normal 2\n");
	assert_true(c.value[MS_STALL_ALLOCSTALL] == UINT64_MAX);
}

static void test_rates(void **state)
{
	struct ms_stall_counters a, b;
	struct ms_stall_rates r;

	(void)state;
	read_text(&a, "compact_stall 10\n"
		      "allocstall_normal 5\n"
		      "pgscan_direct 1000\n"
		      "oom_kill 2\n");
	read_text(&b, "compact_stall 30\n"
		      "allocstall_normal 5\n"
		      "pgscan_direct 900\n"
		      "compact_fail 1\n");
	ms_stall_rates(&r, &a, &b, 4.0);
	assert_true(r.valid & BIT(MS_STALL_COMPACT_STALL));
	assert_true(r.per_s[MS_STALL_COMPACT_STALL] == 5.0);
	assert_true(r.valid & BIT(MS_STALL_ALLOCSTALL));
	assert_true(r.per_s[MS_STALL_ALLOCSTALL] == 0.0);
	/* went down: another boot, no rate */
	assert_false(r.valid & BIT(MS_STALL_PGSCAN_DIRECT));
	/* only in one of the samples */
	assert_false(r.valid & BIT(MS_STALL_OOM_KILL));
	assert_false(r.valid & BIT(MS_STALL_COMPACT_FAIL));
	/* no time between the samples: no rate at all */
	ms_stall_rates(&r, &a, &b, 0.0);
	assert_int_equal(r.valid, 0);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(ms_stall_name(MS_STALL_COMPACT_STALL),
			    "compact_stall");
	assert_string_equal(ms_stall_name(MS_STALL_ALLOCSTALL), "allocstall");
	assert_string_equal(ms_stall_name(MS_STALL_OOM_KILL), "oom_kill");
	assert_string_equal(ms_stall_name(MS_STALL_NR), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modern), cmocka_unit_test(test_per_zone),
		cmocka_unit_test(test_old),    cmocka_unit_test(test_saturate),
		cmocka_unit_test(test_rates),  cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
