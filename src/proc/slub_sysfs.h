/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_SLUB_SYSFS_H
#define MS_SLUB_SYSFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"
#include "proc/source.h"

/**
 * enum ms_slub_attr - the /sys/kernel/slab/<cache>/ files memscope reads
 *
 * Each is one number and a newline, printed by the <attr>_show()
 * functions of mm/slub.c.
 */
enum ms_slub_attr {
	MS_SLUB_RECLAIM_ACCOUNT, /* "%d\n", !!SLAB_RECLAIM_ACCOUNT */
	MS_SLUB_ORDER,		 /* "%u\n" (2.6: "%d\n"), slab order */
	MS_SLUB_ALIASES,	 /* "%d\n", caches merged into this one */
	MS_SLUB_OBJECT_SIZE,	 /* "%u\n", requested object size */
	MS_SLUB_SLAB_SIZE,	 /* "%u\n", size with metadata */
	MS_SLUB_NR_ATTRS,
};

/**
 * struct ms_slub_sysfs - what SLUB's sysfs says about one cache
 * @reclaim_account:   allocated as reclaimable (counted in SReclaimable)
 * @order:             page order of a slab (pages_per_slab = 2^order)
 * @aliases:           number of other cache names merged into this cache
 * @object_size_bytes: the size the cache was created with
 *                     (kmem_cache.object_size)
 * @slab_size_bytes:   the size of one object slot, metadata and alignment
 *                     included (kmem_cache.size, slabinfo's <objsize>)
 */
struct ms_slub_sysfs {
	bool reclaim_account;
	unsigned int order;
	unsigned int aliases;
	uint32_t object_size_bytes;
	uint32_t slab_size_bytes;
};

/**
 * ms_slub_attr_name() - the file name of @attr ("reclaim_account", ...)
 */
const char *ms_slub_attr_name(enum ms_slub_attr attr);

/**
 * ms_slub_attr_parse() - parse the text of one attribute file into @ss
 * @attr: which file @buf holds
 * @name: file name for messages
 *
 * Only the field of @attr is written.
 *
 * Return: 0, or -EINVAL with @diag filled.
 */
int ms_slub_attr_parse(struct ms_slub_sysfs *ss, enum ms_slub_attr attr,
		       const char *buf, size_t len, const char *name,
		       struct ms_diag *diag);

/**
 * ms_slub_sysfs_read() - read the attributes of cache @cache
 * @src:   where sys/ comes from
 * @cache: cache name as in /proc/slabinfo
 *
 * Reads sys/kernel/slab/@cache/{reclaim_account,order,aliases,
 * object_size,slab_size}. The directory exists only under SLUB with
 * sysfs (for a merged cache it is a symbolic link to the shared
 * ":<flags>-<size>" directory), so -ENOENT is an expected answer.
 *
 * Return: 0, -EINVAL for a name that cannot be a directory name,
 * a read error such as -ENOENT or -EACCES, or -EINVAL for malformed
 * content; @diag names the file.
 */
int ms_slub_sysfs_read(struct ms_slub_sysfs *ss, const struct ms_source *src,
		       const char *cache, struct ms_diag *diag);

/* All attributes, for ms_slub_sysfs_read_attrs() */
#define MS_SLUB_ALL_ATTRS ((1u << MS_SLUB_NR_ATTRS) - 1)

/**
 * ms_slub_sysfs_read_attrs() - ms_slub_sysfs_read() for some attributes
 * @mask: the attributes to read, bit (1 << enum ms_slub_attr) each
 *
 * Each attribute file costs an open, a read and a close through sysfs,
 * which for a few hundred caches takes longer than reading all of
 * /proc/slabinfo; callers that show only some facts read only those.
 * The fields of attributes not in @mask are left 0.
 *
 * Return: as ms_slub_sysfs_read().
 */
int ms_slub_sysfs_read_attrs(struct ms_slub_sysfs *ss,
			     const struct ms_source *src, const char *cache,
			     unsigned int mask, struct ms_diag *diag);

/**
 * ms_slub_name_ok() - whether @cache can be a directory of
 * /sys/kernel/slab (not empty, no '/', not "." or "..", not too long)
 *
 * A name that fails this has no sysfs directory: ms_slub_sysfs_read()
 * refuses it with -EINVAL rather than looking elsewhere.
 */
bool ms_slub_name_ok(const char *cache);

#endif
