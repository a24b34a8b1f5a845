// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SLUB's per-cache sysfs directory, /sys/kernel/slab/<cache>/ (mm/slub.c,
 * SLAB_ATTR_RO() attributes). Each file holds one number and a newline:
 * reclaim_account_show() prints "%d\n" of a flag, order_show() "%u\n"
 * (2.6.2x: "%d\n"), aliases_show() "%d\n" of refcount - 1 (clamped at 0
 * since 2.6.3x; older kernels could print a negative value while a cache
 * was being destroyed), object_size_show() and slab_size_show() "%u\n".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc/slabinfo.h"
#include "proc/slub_sysfs.h"
#include "lib/banned.h"

static const char *const attr_names[MS_SLUB_NR_ATTRS] = {
	[MS_SLUB_RECLAIM_ACCOUNT] = "reclaim_account",
	[MS_SLUB_ORDER] = "order",
	[MS_SLUB_ALIASES] = "aliases",
	[MS_SLUB_OBJECT_SIZE] = "object_size",
	[MS_SLUB_SLAB_SIZE] = "slab_size",
};

/* The page allocator's orders stay far below this on every architecture. */
#define MAX_SLAB_ORDER 31

const char *ms_slub_attr_name(enum ms_slub_attr attr)
{
	if ((unsigned int)attr >= MS_SLUB_NR_ATTRS)
		return "";
	return attr_names[attr];
}

int ms_slub_attr_parse(struct ms_slub_sysfs *ss, enum ms_slub_attr attr,
		       const char *buf, size_t len, const char *name,
		       struct ms_diag *diag)
{
	const char *s = buf;
	size_t sl = len;
	int64_t v;
	char q[64];
	int err;

	if ((unsigned int)attr >= MS_SLUB_NR_ATTRS)
		return ms_diag_set(diag, name, 0, -EINVAL,
				   "expected a known slub attribute");
	if (memchr(buf, '\0', len))
		return ms_diag_set(diag, name, 1, -EINVAL,
				   "unexpected binary data");
	/* one line: the number and its newline */
	if (sl && s[sl - 1] == '\n')
		sl--;
	ms_strip(&s, &sl);
	if (sl == 0)
		return ms_diag_set(diag, name, 1, -EINVAL,
				   "expected a number, found an empty file");
	err = ms_parse_s64(s, sl, &v);
	if (err == -ERANGE || (!err && (v > UINT32_MAX || v < INT32_MIN)))
		return ms_diag_set(
			diag, name, 1, -EINVAL,
			"expected a number that fits in 32 bits, found '%s'",
			ms_quote_tok(q, sizeof(q), s, sl));
	if (err)
		return ms_diag_set(diag, name, 1, -EINVAL,
				   "expected a number, found '%s'",
				   ms_quote_tok(q, sizeof(q), s, sl));
	switch (attr) {
	case MS_SLUB_RECLAIM_ACCOUNT:
		if (v != 0 && v != 1)
			return ms_diag_set(diag, name, 1, -EINVAL,
					   "expected 0 or 1, found '%s'",
					   ms_quote_tok(q, sizeof(q), s, sl));
		ss->reclaim_account = v == 1;
		break;
	case MS_SLUB_ORDER:
		if (v < 0 || v > MAX_SLAB_ORDER)
			return ms_diag_set(
				diag, name, 1, -EINVAL,
				"expected an order from 0 to %d, found '%s'",
				MAX_SLAB_ORDER,
				ms_quote_tok(q, sizeof(q), s, sl));
		ss->order = (unsigned int)v;
		break;
	case MS_SLUB_ALIASES:
		/* what aliases_show() prints for a negative refcount now */
		ss->aliases = v < 0 ? 0 : (unsigned int)v;
		break;
	case MS_SLUB_OBJECT_SIZE:
	case MS_SLUB_SLAB_SIZE:
		if (v < 0)
			return ms_diag_set(
				diag, name, 1, -EINVAL,
				"expected a size in bytes, found '%s'",
				ms_quote_tok(q, sizeof(q), s, sl));
		if (attr == MS_SLUB_OBJECT_SIZE)
			ss->object_size_bytes = (uint32_t)v;
		else
			ss->slab_size_bytes = (uint32_t)v;
		break;
	case MS_SLUB_NR_ATTRS:
		break;
	}
	return 0;
}

bool ms_slub_name_ok(const char *cache)
{
	/*
	 * sysfs_slab_add() uses the cache name as a directory name: it
	 * cannot hold '/', and "." or ".." would leave the directory.
	 */
	return cache[0] && !strchr(cache, '/') && strcmp(cache, ".") &&
	       strcmp(cache, "..") && strlen(cache) < MS_SLAB_NAME_MAX;
}

int ms_slub_sysfs_read_attrs(struct ms_slub_sysfs *ss,
			     const struct ms_source *src, const char *cache,
			     unsigned int mask, struct ms_diag *diag)
{
	char path[MS_SLAB_NAME_MAX + 64];
	unsigned int a;
	char q[64];
	int err;

	memset(ss, 0, sizeof(*ss));
	if (!ms_slub_name_ok(cache))
		return ms_diag_set(
			diag, "sys/kernel/slab", 0, -EINVAL,
			"expected a cache name usable as a directory name, found '%s'",
			ms_quote_tok(q, sizeof(q), cache, strlen(cache)));
	for (a = 0; a < MS_SLUB_NR_ATTRS; a++) {
		char *buf;
		size_t len;

		if (!(mask & (1u << a)))
			continue;
		snprintf(path, sizeof(path), "sys/kernel/slab/%s/%s", cache,
			 attr_names[a]);
		err = ms_source_read(src, path, &buf, &len, diag);
		if (err)
			return err;
		err = ms_slub_attr_parse(ss, (enum ms_slub_attr)a, buf, len,
					 path, diag);
		free(buf);
		if (err)
			return err;
	}
	return 0;
}

int ms_slub_sysfs_read(struct ms_slub_sysfs *ss, const struct ms_source *src,
		       const char *cache, struct ms_diag *diag)
{
	return ms_slub_sysfs_read_attrs(ss, src, cache, MS_SLUB_ALL_ATTRS,
					diag);
}
