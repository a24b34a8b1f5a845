/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_STRSET_H
#define MS_STRSET_H

#include <stdbool.h>
#include <stddef.h>

/**
 * struct ms_strset - a hash set of borrowed strings
 *
 * Parsers refuse a name printed twice (a meminfo key, a zone's stat);
 * checking each new name against a list costs O(n^2) on a hostile file
 * of millions of lines, this set O(1). The strings are not copied and
 * must outlive the set. A zeroed structure is an empty set.
 */
struct ms_strset {
	const char **slots;
	size_t nr_slots;
	size_t nr;
};

/**
 * ms_strset_find() - the string of @set equal to the @len bytes at @s (the
 * pointer that was added), or NULL
 */
const char *ms_strset_find(const struct ms_strset *set, const char *s,
			   size_t len);

/** ms_strset_has() - whether the @len bytes at @s are in @set */
bool ms_strset_has(const struct ms_strset *set, const char *s, size_t len);

/**
 * ms_strset_add() - add the NUL-terminated @name (borrowed, not copied)
 *
 * Return: 0, -EEXIST when an equal string is in the set, or -ENOMEM.
 */
int ms_strset_add(struct ms_strset *set, const char *name);

/** ms_strset_clear() - remove every string, keeping the memory */
void ms_strset_clear(struct ms_strset *set);

/** ms_strset_release() - free the set; it is empty afterwards */
void ms_strset_release(struct ms_strset *set);

#endif
