// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A hash set of borrowed strings: open addressing, linear probing, kept
 * at most half full.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/strset.h"
#include "lib/banned.h"

/* FNV-1a */
static size_t hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ull;
	}
	return (size_t)(h ^ (h >> 32));
}

static bool equal(const char *stored, const char *s, size_t len)
{
	return !strncmp(stored, s, len) && stored[len] == '\0';
}

const char *ms_strset_find(const struct ms_strset *set, const char *s,
			   size_t len)
{
	size_t mask, i;

	if (!set->nr_slots)
		return NULL;
	mask = set->nr_slots - 1;
	for (i = hash(s, len) & mask; set->slots[i]; i = (i + 1) & mask)
		if (equal(set->slots[i], s, len))
			return set->slots[i];
	return NULL;
}

bool ms_strset_has(const struct ms_strset *set, const char *s, size_t len)
{
	return ms_strset_find(set, s, len) != NULL;
}

static void insert(const char **slots, size_t nr_slots, const char *name)
{
	size_t mask = nr_slots - 1, i;

	for (i = hash(name, strlen(name)) & mask; slots[i]; i = (i + 1) & mask)
		;
	slots[i] = name;
}

int ms_strset_add(struct ms_strset *set, const char *name)
{
	if (ms_strset_has(set, name, strlen(name)))
		return -EEXIST;
	if ((set->nr + 1) * 2 > set->nr_slots) {
		size_t n = set->nr_slots ? set->nr_slots * 2 : 64, i;
		const char **slots = calloc(n, sizeof(*slots));

		if (!slots)
			return -ENOMEM;
		for (i = 0; i < set->nr_slots; i++)
			if (set->slots[i])
				insert(slots, n, set->slots[i]);
		free(set->slots);
		set->slots = slots;
		set->nr_slots = n;
	}
	insert(set->slots, set->nr_slots, name);
	set->nr++;
	return 0;
}

void ms_strset_clear(struct ms_strset *set)
{
	if (set->nr)
		memset(set->slots, 0, set->nr_slots * sizeof(*set->slots));
	set->nr = 0;
}

void ms_strset_release(struct ms_strset *set)
{
	free(set->slots);
	set->slots = NULL;
	set->nr_slots = 0;
	set->nr = 0;
}
