/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_SNAPSHOT_H
#define MS_SNAPSHOT_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/kver.h"
#include "lib/parse.h"
#include "proc/source.h"

/* The parsed files memscope knows, each loaded on first use. */
enum ms_file_id {
	MS_FILE_BUDDYINFO,
	MS_FILE_ZONEINFO,
	MS_FILE_PAGETYPEINFO,
	MS_FILE_MEMINFO,
	MS_FILE_VMSTAT,
	MS_FILE_SLABINFO,
	MS_FILE_VMALLOCINFO,
	MS_FILE_SCULLPMEM, /* kmod/: memscope_scull's scullp listing */
	MS_FILE_SCULLVMEM, /* kmod/: memscope_scull's scullv listing */
	MS_FILE__NR,
};

/**
 * struct ms_meta - facts about the machine a snapshot describes
 * @page_size:        bytes per page
 * @page_size_source: "sysconf", "meta", "--page-size" or "default"
 * @kernel_release:   "6.1.0-13-amd64", or "" when unknown
 * @kernel_version:   the upstream version a distribution names in
 *                    proc/version when the release hides it ("6.1.192-2"
 *                    for Debian's "6.1.0-56-amd64"), or ""
 * @arch, @hostname, @time: from the snapshot's meta file (live: uname(2)
 *                    and the current time), "" when unknown
 */
struct ms_meta {
	uint64_t page_size;
	const char *page_size_source;
	char kernel_release[128];
	char kernel_version[MS_KVER_RELEASE_MAX];
	char arch[72];
	char hostname[128];
	char time[32];
};

/**
 * struct ms_snapshot - everything parsed from one sample of a source
 * @src:  where files come from (not owned)
 * @meta: page size, kernel and host
 *
 * Owns every parsed file; ms_snapshot_release() frees all of it and
 * ms_snapshot_drop() forgets the parsed files so that the next access
 * reads them again (a new sample).
 */
struct ms_snapshot {
	const struct ms_source *src;
	struct ms_meta meta;
	void *data[MS_FILE__NR];
	int err[MS_FILE__NR];
	bool tried[MS_FILE__NR];
	struct ms_diag diag[MS_FILE__NR];
};

/**
 * ms_snapshot_init() - set up a snapshot of @src and resolve its meta
 * @page_size: the --page-size option, 0 when not given
 *
 * Live sources take the page size from sysconf(); captures from their
 * meta file, else @page_size, else 4096 (page_size_source "default",
 * which callers report as a warning). The kernel release comes from the
 * meta file, proc/sys/kernel/osrelease, proc/version or a sosreport's
 * top-level uname file.
 *
 * Return: 0, or a negative errno with @diag filled (malformed meta).
 */
int ms_snapshot_init(struct ms_snapshot *snap, const struct ms_source *src,
		     uint64_t page_size, struct ms_diag *diag);

void ms_snapshot_release(struct ms_snapshot *snap);

/** ms_snapshot_drop() - forget parsed files; the next access re-reads */
void ms_snapshot_drop(struct ms_snapshot *snap);

/**
 * ms_snapshot_load() - read and parse file @id if not done yet
 *
 * Return: 0 when parsed; otherwise the (cached) negative errno with
 * @diag copied from the first attempt: -ENOENT/-EACCES and the like
 * when the file could not be read, -EINVAL when it is malformed.
 */
int ms_snapshot_load(struct ms_snapshot *snap, enum ms_file_id id,
		     struct ms_diag *diag);

/**
 * ms_snapshot_take() - detach the parsed file @id from the snapshot
 *
 * The snapshot forgets the object (the next ms_snapshot_load() of @id
 * reads the file again, as after ms_snapshot_drop()) and the caller
 * keeps it across later samples, for example to compare two samples of
 * /proc/slabinfo.
 *
 * Return: the parsed object (struct ms_slabinfo * for MS_FILE_SLABINFO,
 * and so on), or NULL when @id is not loaded; the caller frees it with
 * ms_snapshot_data_free().
 */
void *ms_snapshot_take(struct ms_snapshot *snap, enum ms_file_id id);

/**
 * ms_snapshot_data_free() - free an object returned by ms_snapshot_take()
 * @id: the file it was parsed from
 *
 * Freeing NULL does nothing.
 */
void ms_snapshot_data_free(enum ms_file_id id, void *obj);

/** ms_snapshot_get() - the parsed file @id, or NULL if not loaded */
const void *ms_snapshot_get(const struct ms_snapshot *snap, enum ms_file_id id);

/** ms_file_path() - "proc/buddyinfo" etc. */
const char *ms_file_path(enum ms_file_id id);

/**
 * ms_meta_parse() - the "key=value" meta file written by memscope
 * snapshot; unknown keys are ignored, "unreadable=" lines too
 */
int ms_meta_parse(struct ms_meta *meta, const char *buf, size_t len,
		  const char *name, struct ms_diag *diag);

#endif
