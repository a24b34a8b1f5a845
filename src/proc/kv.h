/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_KV_H
#define MS_KV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"

/**
 * struct ms_kv_item - one counter of a key/value file
 * @key:      name as printed ("MemFree", "nr_free_pages")
 * @value:    the number as printed (kB for meminfo sizes)
 * @unit_kb:  the line carried a "kB" unit (meminfo)
 */
struct ms_kv_item {
	char *key;
	uint64_t value;
	bool unit_kb;
};

/**
 * struct ms_kv - /proc/meminfo ("Key:   123 kB") or /proc/vmstat
 * ("key 123"), in file order
 */
struct ms_kv {
	struct ms_kv_item *items;
	size_t nr_items;
};

/**
 * ms_meminfo_parse() - parse /proc/meminfo (fs/proc/meminfo.c)
 *
 * "Key:" then a number and an optional "kB". Keys may hold parentheses
 * ("Active(anon)"). A repeated key is an error.
 */
int ms_meminfo_parse(struct ms_kv *kv, const char *buf, size_t len,
		     const char *name, struct ms_diag *diag);

/**
 * ms_vmstat_parse() - parse /proc/vmstat (mm/vmstat.c vmstat_show())
 */
int ms_vmstat_parse(struct ms_kv *kv, const char *buf, size_t len,
		    const char *name, struct ms_diag *diag);

void ms_kv_release(struct ms_kv *kv);

/** ms_kv_get() - value of @key; false when absent */
bool ms_kv_get(const struct ms_kv *kv, const char *key, uint64_t *value);

#endif
