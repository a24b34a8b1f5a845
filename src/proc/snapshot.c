// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One sample of /proc: files are read and parsed on first use, so a
 * command needs only the files it uses.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "proc/snapshot.h"
#include "proc/buddyinfo.h"
#include "proc/kv.h"
#include "proc/pagetypeinfo.h"
#include "proc/scull.h"
#include "proc/slabinfo.h"
#include "proc/vmallocinfo.h"
#include "proc/zoneinfo.h"
#include "lib/banned.h"

typedef int (*parse_fn)(void *obj, const char *buf, size_t len,
			const char *name, struct ms_diag *diag);
typedef void (*release_fn)(void *obj);
/* Reads and parses in one go, for files read in chunks. */
typedef int (*read_fn)(void *obj, const struct ms_source *src, const char *path,
		       struct ms_diag *diag);

/* Adapters from the typed parser API to the table's void pointers. */
#define MS_FILE_OPS(type, parse, release)                              \
	static int parse##_any(void *obj, const char *buf, size_t len, \
			       const char *name, struct ms_diag *diag) \
	{                                                              \
		return parse((type *)obj, buf, len, name, diag);       \
	}                                                              \
	static void release##_any(void *obj)                           \
	{                                                              \
		release((type *)obj);                                  \
	}

MS_FILE_OPS(struct ms_buddyinfo, ms_buddyinfo_parse, ms_buddyinfo_release)
MS_FILE_OPS(struct ms_zoneinfo, ms_zoneinfo_parse, ms_zoneinfo_release)
MS_FILE_OPS(struct ms_pagetypeinfo, ms_pagetypeinfo_parse,
	    ms_pagetypeinfo_release)
MS_FILE_OPS(struct ms_kv, ms_meminfo_parse, ms_kv_release)
MS_FILE_OPS(struct ms_slabinfo, ms_slabinfo_parse, ms_slabinfo_release)
MS_FILE_OPS(struct ms_vmallocinfo, ms_vmallocinfo_parse, ms_vmallocinfo_release)
MS_FILE_OPS(struct ms_scull, ms_scullpmem_parse, ms_scull_release)

static int ms_scullvmem_parse_any(void *obj, const char *buf, size_t len,
				  const char *name, struct ms_diag *diag)
{
	return ms_scullvmem_parse((struct ms_scull *)obj, buf, len, name, diag);
}

static int ms_vmstat_parse_any(void *obj, const char *buf, size_t len,
			       const char *name, struct ms_diag *diag)
{
	return ms_vmstat_parse((struct ms_kv *)obj, buf, len, name, diag);
}

/*
 * vmallocinfo can be a hundred MB (a line per BPF program, thread stack
 * and module): it is parsed as it is read rather than held whole.
 */
static int ms_vmallocinfo_read_any(void *obj, const struct ms_source *src,
				   const char *path, struct ms_diag *diag)
{
	return ms_vmallocinfo_read((struct ms_vmallocinfo *)obj, src, path, 0,
				   diag);
}

/* @read, when set, is used instead of a whole-file read and @parse */
struct file_desc {
	const char *path;
	size_t size;
	parse_fn parse;
	release_fn release;
	read_fn read;
};

static const struct file_desc files[MS_FILE__NR] = {
	[MS_FILE_BUDDYINFO] = { "proc/buddyinfo", sizeof(struct ms_buddyinfo),
				ms_buddyinfo_parse_any,
				ms_buddyinfo_release_any },
	[MS_FILE_ZONEINFO] = { "proc/zoneinfo", sizeof(struct ms_zoneinfo),
			       ms_zoneinfo_parse_any, ms_zoneinfo_release_any },
	[MS_FILE_PAGETYPEINFO] = { "proc/pagetypeinfo",
				   sizeof(struct ms_pagetypeinfo),
				   ms_pagetypeinfo_parse_any,
				   ms_pagetypeinfo_release_any },
	[MS_FILE_MEMINFO] = { "proc/meminfo", sizeof(struct ms_kv),
			      ms_meminfo_parse_any, ms_kv_release_any },
	[MS_FILE_VMSTAT] = { "proc/vmstat", sizeof(struct ms_kv),
			     ms_vmstat_parse_any, ms_kv_release_any },
	[MS_FILE_SLABINFO] = { "proc/slabinfo", sizeof(struct ms_slabinfo),
			       ms_slabinfo_parse_any, ms_slabinfo_release_any },
	[MS_FILE_VMALLOCINFO] = { "proc/vmallocinfo",
				  sizeof(struct ms_vmallocinfo),
				  ms_vmallocinfo_parse_any,
				  ms_vmallocinfo_release_any,
				  ms_vmallocinfo_read_any },
	[MS_FILE_SCULLPMEM] = { "proc/scullpmem", sizeof(struct ms_scull),
				ms_scullpmem_parse_any, ms_scull_release_any },
	[MS_FILE_SCULLVMEM] = { "proc/scullvmem", sizeof(struct ms_scull),
				ms_scullvmem_parse_any, ms_scull_release_any },
};

const char *ms_file_path(enum ms_file_id id)
{
	return files[id].path;
}

int ms_meta_parse(struct ms_meta *meta, const char *buf, size_t len,
		  const char *name, struct ms_diag *diag)
{
	struct ms_cursor cur;
	const char *line;
	size_t n;
	int ret;

	ms_cursor_init(&cur, buf, len);
	while ((ret = ms_cursor_next(&cur, &line, &n)) != 0) {
		const char *eq;
		size_t klen, vlen;
		const char *v;

		if (ret < 0)
			return ms_diag_set(diag, name, cur.lineno, -EINVAL,
					   "unexpected binary data");
		ms_strip(&line, &n);
		if (!n || line[0] == '#')
			continue;
		eq = memchr(line, '=', n);
		if (!eq)
			return ms_diag_set(diag, name, cur.lineno, -EINVAL,
					   "expected 'key=value'");
		klen = (size_t)(eq - line);
		v = eq + 1;
		vlen = n - klen - 1;
		if (klen == 9 && !memcmp(line, "page_size", 9)) {
			uint64_t ps;

			if (ms_parse_u64(v, vlen, &ps) || ps < 512 ||
			    (ps & (ps - 1)))
				return ms_diag_set(
					diag, name, cur.lineno, -EINVAL,
					"expected a power-of-two page size");
			meta->page_size = ps;
			meta->page_size_source = "meta";
		} else if (klen == 14 && !memcmp(line, "kernel_release", 14)) {
			ms_tok_copy(meta->kernel_release,
				    sizeof(meta->kernel_release), v,
				    vlen < sizeof(meta->kernel_release) ?
					    vlen :
					    sizeof(meta->kernel_release) - 1);
		} else if (klen == 4 && !memcmp(line, "arch", 4)) {
			ms_tok_copy(meta->arch, sizeof(meta->arch), v,
				    vlen < sizeof(meta->arch) ?
					    vlen :
					    sizeof(meta->arch) - 1);
		} else if (klen == 8 && !memcmp(line, "hostname", 8)) {
			ms_tok_copy(meta->hostname, sizeof(meta->hostname), v,
				    vlen < sizeof(meta->hostname) ?
					    vlen :
					    sizeof(meta->hostname) - 1);
		} else if (klen == 4 && !memcmp(line, "time", 4)) {
			ms_tok_copy(meta->time, sizeof(meta->time), v,
				    vlen < sizeof(meta->time) ?
					    vlen :
					    sizeof(meta->time) - 1);
		}
	}
	return 0;
}

/* Word @word (0-based) of @path's first line into @dst, if it fits. */
static void read_word(const struct ms_source *src, const char *path, int word,
		      char *dst, size_t size)
{
	struct ms_tok toks[4];
	struct ms_diag diag;
	char *buf;
	size_t len;
	int n;

	if (ms_source_read(src, path, &buf, &len, &diag))
		return;
	n = ms_tokenize(buf, strcspn(buf, "\n"), toks, ARRAY_SIZE(toks));
	if (n == -E2BIG)
		n = ARRAY_SIZE(toks);
	if (n > word && toks[word].len < size)
		ms_tok_copy(dst, size, toks[word].s, toks[word].len);
	free(buf);
}

static void live_meta(struct ms_meta *meta)
{
	struct utsname u;
	struct tm tm;
	time_t now = time(NULL);
	long ps = sysconf(_SC_PAGESIZE);

	meta->page_size = ps > 0 ? (uint64_t)ps : 4096;
	meta->page_size_source = "sysconf";
	if (!uname(&u)) {
		snprintf(meta->kernel_release, sizeof(meta->kernel_release),
			 "%s", u.release);
		snprintf(meta->arch, sizeof(meta->arch), "%s", u.machine);
		snprintf(meta->hostname, sizeof(meta->hostname), "%s",
			 u.nodename);
	}
	if (gmtime_r(&now, &tm))
		strftime(meta->time, sizeof(meta->time), "%Y-%m-%dT%H:%M:%SZ",
			 &tm);
}

/* Debian and the like: the upstream version proc/version names. */
static void read_upstream(const struct ms_source *src, struct ms_meta *meta)
{
	struct ms_diag diag;
	struct ms_kver kv;
	char *buf;
	size_t len;

	if (ms_source_read(src, "proc/version", &buf, &len, &diag))
		return;
	if (!ms_kver_upstream(&kv, buf, len))
		snprintf(meta->kernel_version, sizeof(meta->kernel_version),
			 "%s", kv.release);
	free(buf);
}

int ms_snapshot_init(struct ms_snapshot *snap, const struct ms_source *src,
		     uint64_t page_size, struct ms_diag *diag)
{
	char *buf;
	size_t len;
	int err;

	memset(snap, 0, sizeof(*snap));
	snap->src = src;
	read_upstream(src, &snap->meta);
	if (ms_source_is_live(src)) {
		live_meta(&snap->meta);
		return 0;
	}
	err = ms_source_read(src, "meta", &buf, &len, diag);
	if (!err) {
		err = ms_meta_parse(&snap->meta, buf, len, "meta", diag);
		free(buf);
		if (err)
			return err;
	}
	if (!snap->meta.page_size) {
		snap->meta.page_size = page_size ? page_size : 4096;
		snap->meta.page_size_source =
			page_size ? "--page-size" : "default";
	}
	if (!snap->meta.kernel_release[0])
		read_word(src, "proc/sys/kernel/osrelease", 0,
			  snap->meta.kernel_release,
			  sizeof(snap->meta.kernel_release));
	if (!snap->meta.kernel_release[0])
		read_word(src, "proc/version", 2, snap->meta.kernel_release,
			  sizeof(snap->meta.kernel_release));
	if (!snap->meta.kernel_release[0]) /* sosreport: "Linux host REL ..." */
		read_word(src, "uname", 2, snap->meta.kernel_release,
			  sizeof(snap->meta.kernel_release));
	if (!snap->meta.hostname[0])
		read_word(src, "hostname", 0, snap->meta.hostname,
			  sizeof(snap->meta.hostname));
	return 0;
}

void ms_snapshot_drop(struct ms_snapshot *snap)
{
	int i;

	for (i = 0; i < MS_FILE__NR; i++) {
		if (snap->data[i]) {
			files[i].release(snap->data[i]);
			free(snap->data[i]);
		}
		snap->data[i] = NULL;
		snap->tried[i] = false;
		snap->err[i] = 0;
	}
}

void *ms_snapshot_take(struct ms_snapshot *snap, enum ms_file_id id)
{
	void *obj = snap->data[id];

	snap->data[id] = NULL;
	snap->tried[id] = false;
	snap->err[id] = 0;
	return obj;
}

void ms_snapshot_data_free(enum ms_file_id id, void *obj)
{
	if (!obj)
		return;
	files[id].release(obj);
	free(obj);
}

void ms_snapshot_release(struct ms_snapshot *snap)
{
	ms_snapshot_drop(snap);
}

/*
 * buddyinfo and pagetypeinfo print the same orders (0 to MAX_ORDER, or
 * NR_PAGE_ORDERS - 1): files that disagree do not come from one kernel,
 * and the model would mix them. Checked on whichever is read second.
 */
static int check_orders(const struct ms_snapshot *snap, enum ms_file_id id,
			const void *obj, struct ms_diag *diag)
{
	const struct ms_buddyinfo *bi;
	const struct ms_pagetypeinfo *pt;
	unsigned int mine, theirs;
	enum ms_file_id other;

	if (id == MS_FILE_BUDDYINFO) {
		other = MS_FILE_PAGETYPEINFO;
		pt = snap->data[other];
		if (!pt)
			return 0;
		mine = ((const struct ms_buddyinfo *)obj)->nr_orders;
		theirs = pt->nr_orders;
	} else if (id == MS_FILE_PAGETYPEINFO) {
		other = MS_FILE_BUDDYINFO;
		bi = snap->data[other];
		if (!bi)
			return 0;
		mine = ((const struct ms_pagetypeinfo *)obj)->nr_orders;
		theirs = bi->nr_orders;
	} else {
		return 0;
	}
	if (mine == theirs)
		return 0;
	return ms_diag_set(diag, ms_source_label(files[id].path), 0, -EINVAL,
			   "expected %u orders as in %s, found %u", theirs,
			   ms_source_label(files[other].path), mine);
}

int ms_snapshot_load(struct ms_snapshot *snap, enum ms_file_id id,
		     struct ms_diag *diag)
{
	const struct file_desc *fd = &files[id];
	char *buf;
	size_t len;
	void *obj;
	int err;

	if (snap->tried[id]) {
		if (snap->err[id] && diag)
			*diag = snap->diag[id];
		return snap->err[id];
	}
	snap->tried[id] = true;
	if (fd->read) {
		obj = calloc(1, fd->size);
		if (!obj) {
			err = ms_diag_oom(&snap->diag[id],
					  ms_source_label(fd->path));
			goto out_err;
		}
		err = fd->read(obj, snap->src, fd->path, &snap->diag[id]);
		if (err) {
			free(obj);
			goto out_err;
		}
		goto out_check;
	}
	err = ms_source_read(snap->src, fd->path, &buf, &len, &snap->diag[id]);
	if (err)
		goto out_err;
	obj = calloc(1, fd->size);
	if (!obj) {
		free(buf);
		err = ms_diag_oom(&snap->diag[id], ms_source_label(fd->path));
		goto out_err;
	}
	err = fd->parse(obj, buf, len, ms_source_label(fd->path),
			&snap->diag[id]);
	free(buf);
	if (err) {
		free(obj);
		goto out_err;
	}
out_check:
	err = check_orders(snap, id, obj, &snap->diag[id]);
	if (err) {
		fd->release(obj);
		free(obj);
		goto out_err;
	}
	snap->data[id] = obj;
	return 0;

out_err:
	snap->err[id] = err;
	if (diag)
		*diag = snap->diag[id];
	return err;
}

const void *ms_snapshot_get(const struct ms_snapshot *snap, enum ms_file_id id)
{
	return snap->data[id];
}
