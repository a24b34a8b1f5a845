// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Allocation stall, reclaim and compaction counters of /proc/vmstat,
 * with the per-zone names of older kernels folded into one counter.
 */
#include <string.h>

#include "analysis/stall.h"
#include "lib/banned.h"

static const char *const names[MS_STALL_NR] = {
	[MS_STALL_COMPACT_STALL] = "compact_stall",
	[MS_STALL_COMPACT_FAIL] = "compact_fail",
	[MS_STALL_COMPACT_SUCCESS] = "compact_success",
	[MS_STALL_COMPACT_DAEMON_WAKE] = "compact_daemon_wake",
	[MS_STALL_ALLOCSTALL] = "allocstall",
	[MS_STALL_PGSCAN_DIRECT] = "pgscan_direct",
	[MS_STALL_PGSCAN_KSWAPD] = "pgscan_kswapd",
	[MS_STALL_PGSTEAL_DIRECT] = "pgsteal_direct",
	[MS_STALL_PGSTEAL_KSWAPD] = "pgsteal_kswapd",
	[MS_STALL_OOM_KILL] = "oom_kill",
};

/* TEXTS_FOR_ZONES() of mm/vmstat.c: the zone suffixes of per-zone names */
static const char *const zone_sfx[] = { "dma",	"dma32",   "normal",
					"high", "movable", "device" };

const char *ms_stall_name(enum ms_stall_id id)
{
	return (unsigned int)id < MS_STALL_NR ? names[id] : "unknown";
}

static bool is_zone_suffix(const char *s)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(zone_sfx); i++)
		if (!strcmp(s, zone_sfx[i]))
			return true;
	return false;
}

static uint64_t add_sat(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/* @name itself, else the sum of "@name_<zone>"; false when neither is there */
static bool counter(const struct ms_kv *kv, const char *name, uint64_t *v)
{
	size_t n = strlen(name), i;
	bool found = false;

	if (ms_kv_get(kv, name, v))
		return true;
	*v = 0;
	for (i = 0; i < kv->nr_items; i++) {
		const char *k = kv->items[i].key;

		if (!strncmp(k, name, n) && k[n] == '_' &&
		    is_zone_suffix(k + n + 1)) {
			*v = add_sat(*v, kv->items[i].value);
			found = true;
		}
	}
	return found;
}

void ms_stall_read(struct ms_stall_counters *c, const struct ms_kv *vmstat)
{
	unsigned int id;

	memset(c, 0, sizeof(*c));
	for (id = 0; id < MS_STALL_NR; id++)
		if (counter(vmstat, names[id], &c->value[id]))
			c->present |= 1u << id;
}

void ms_stall_rates(struct ms_stall_rates *r,
		    const struct ms_stall_counters *prev,
		    const struct ms_stall_counters *cur, double elapsed_s)
{
	unsigned int id;

	memset(r, 0, sizeof(*r));
	if (!(elapsed_s > 0))
		return;
	for (id = 0; id < MS_STALL_NR; id++) {
		unsigned int bit = 1u << id;

		if (!(prev->present & bit) || !(cur->present & bit) ||
		    cur->value[id] < prev->value[id])
			continue;
		r->per_s[id] =
			(double)(cur->value[id] - prev->value[id]) / elapsed_s;
		r->valid |= bit;
	}
}
