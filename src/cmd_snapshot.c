// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memscope snapshot DIR: copy the files memscope reads into DIR, in the
 * same layout (DIR/proc/..., DIR/sys/...) so that "--root DIR" reads them
 * back, plus DIR/meta with page size, kernel, arch, host and time.
 *
 * The capture is written into a fresh temporary directory next to DIR
 * and renamed into place with RENAME_NOREPLACE: DIR either appears whole
 * or not at all, an existing DIR (or a symlink there) is never replaced,
 * and every file is created with O_EXCL | O_NOFOLLOW below a directory
 * memscope made itself, so no symlink it did not create is followed.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "proc/slabinfo.h"
#include "proc/slub_sysfs.h"
#include "lib/banned.h"

/* Everything memscope reads; absent optional files are noted, not fatal. */
static const char *const capture_files[] = {
	"proc/zoneinfo",
	"proc/pagetypeinfo",
	"proc/slabinfo",
	"proc/vmallocinfo",
	"proc/meminfo",
	"proc/vmstat",
	"proc/sys/kernel/osrelease",
	"proc/sys/kernel/kptr_restrict",
	"proc/version",
};

/*
 * buddyinfo and the debugfs files that are computed from the same free
 * lists, read together until buddyinfo is the same before and after, so
 * that a capture's extfrag files belong to its buddyinfo.
 */
static const char *const extfrag_files[] = {
	"sys/kernel/debug/extfrag/unusable_index",
	"sys/kernel/debug/extfrag/extfrag_index",
};

#define MS_CONSISTENT_TRIES 50

/* Files of the companion module: captured when present, else skipped. */
static const char *const module_files[] = {
	"proc/scullpmem",
	"proc/scullvmem",
};

static const char *const capture_dirs[] = {
	"proc", "proc/sys",   "proc/sys/vm",	  "proc/sys/kernel",
	"sys",	"sys/kernel", "sys/kernel/debug", "sys/kernel/debug/extfrag",
};

struct snap_writer {
	int dirfd;
	char tmp[PATH_MAX];
	/* what was created, for the cleanup on failure */
	char **created;
	size_t nr_created;
	size_t cap_created;
	size_t nr_files;
	char *meta;
	size_t meta_len;
	size_t meta_cap;
};

static int note_created(struct snap_writer *w, const char *path)
{
	if (w->nr_created == w->cap_created) {
		size_t ncap = w->cap_created ? w->cap_created * 2 : 64;
		char **n = realloc(w->created, ncap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		w->created = n;
		w->cap_created = ncap;
	}
	w->created[w->nr_created] = strdup(path);
	if (!w->created[w->nr_created])
		return -ENOMEM;
	w->nr_created++;
	return 0;
}

static int meta_add(struct snap_writer *w, const char *fmt, ...)
	MS_PRINTF(2, 3);

static int meta_add(struct snap_writer *w, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		size_t room = w->meta_cap - w->meta_len;

		va_start(ap, fmt);
		n = vsnprintf(w->meta + w->meta_len, room, fmt, ap);
		va_end(ap);
		if (n < 0)
			return -EINVAL;
		if ((size_t)n < room)
			break;
		{
			size_t ncap = (w->meta_cap + (size_t)n + 1) * 2;
			char *m = realloc(w->meta, ncap);

			if (!m)
				return -ENOMEM;
			w->meta = m;
			w->meta_cap = ncap;
		}
	}
	w->meta_len += (size_t)n;
	return 0;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

static int write_file(struct snap_writer *w, const char *path, const char *buf,
		      size_t len)
{
	int fd, err;

	fd = openat(w->dirfd, path,
		    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return -errno;
	err = note_created(w, path);
	if (!err)
		err = write_all(fd, buf, len);
	if (close(fd) < 0 && !err)
		err = -errno;
	return err;
}

static void cleanup(struct snap_writer *w, bool remove)
{
	size_t i = w->nr_created;

	while (remove && i--) {
		struct stat st;
		int flags = 0;

		if (!fstatat(w->dirfd, w->created[i], &st,
			     AT_SYMLINK_NOFOLLOW) &&
		    S_ISDIR(st.st_mode))
			flags = AT_REMOVEDIR;
		unlinkat(w->dirfd, w->created[i], flags);
	}
	for (i = 0; i < w->nr_created; i++)
		free(w->created[i]);
	free(w->created);
	free(w->meta);
	if (w->dirfd >= 0)
		close(w->dirfd);
	if (remove && w->tmp[0])
		rmdir(w->tmp);
}

/* Writes a file read from the source into the capture. */
static int store(struct ms_ctx *ctx, struct snap_writer *w, const char *path,
		 const char *buf, size_t len)
{
	int err = write_file(w, path, buf, len);

	if (err) {
		ms_error("cannot write '%s/%s': %s", w->tmp, path,
			 strerror(-err));
		return err;
	}
	w->nr_files++;
	ms_out_str(ctx->out, NULL, "  %s\n", path);
	return 0;
}

/* Records why @path could not be read. */
static int unreadable(struct ms_ctx *ctx, struct snap_writer *w,
		      const char *path, int err)
{
	ms_out_warn(ctx->out, "%s: %s", path, ms_errno_text(err));
	return meta_add(w, "unreadable=%s: %s\n", path, ms_errno_text(err));
}

/* Copies @path if readable; records why not otherwise. */
static int capture(struct ms_ctx *ctx, struct snap_writer *w, const char *path,
		   bool note_missing)
{
	struct ms_diag diag = { 0 };
	char *buf;
	size_t len;
	int err;

	err = ms_source_read(&ctx->src, path, &buf, &len, &diag);
	if (err) {
		if (!note_missing && err == -ENOENT)
			return 0;
		return unreadable(ctx, w, path, err);
	}
	err = store(ctx, w, path, buf, len);
	free(buf);
	return err;
}

static int capture_buddy_extfrag(struct ms_ctx *ctx, struct snap_writer *w)
{
	struct ms_diag diag = { 0 };
	char *b1 = NULL, *b2 = NULL, *x[ARRAY_SIZE(extfrag_files)] = { NULL };
	size_t l1 = 0, l2, lx[ARRAY_SIZE(extfrag_files)] = { 0 };
	int ex[ARRAY_SIZE(extfrag_files)] = { 0 };
	int err = 0, tries;
	size_t i;

	for (tries = 0; tries < MS_CONSISTENT_TRIES; tries++) {
		free(b1);
		b1 = NULL;
		err = ms_source_read(&ctx->src, "proc/buddyinfo", &b1, &l1,
				     &diag);
		if (err)
			break;
		for (i = 0; i < ARRAY_SIZE(extfrag_files); i++) {
			free(x[i]);
			x[i] = NULL;
			ex[i] = ms_source_read(&ctx->src, extfrag_files[i],
					       &x[i], &lx[i], &diag);
		}
		if (ex[0] && ex[1])
			break; /* nothing to be consistent with */
		if (ms_source_read(&ctx->src, "proc/buddyinfo", &b2, &l2,
				   &diag))
			break;
		i = l1 == l2 && !memcmp(b1, b2, l1);
		free(b2);
		b2 = NULL;
		if (i)
			break;
	}
	if (err)
		err = unreadable(ctx, w, "proc/buddyinfo", err);
	else
		err = store(ctx, w, "proc/buddyinfo", b1, l1);
	if (tries == MS_CONSISTENT_TRIES)
		ms_out_warn(ctx->out, "buddyinfo kept changing while the "
				      "debugfs extfrag files were read");
	for (i = 0; i < ARRAY_SIZE(extfrag_files); i++) {
		if (!err)
			err = ex[i] ? unreadable(ctx, w, extfrag_files[i],
						 ex[i]) :
				      store(ctx, w, extfrag_files[i], x[i],
					    lx[i]);
		free(x[i]);
	}
	free(b1);
	return err;
}

static int capture_vm(struct ms_ctx *ctx, struct snap_writer *w)
{
	struct ms_diag diag = { 0 };
	char **names;
	int n, i, err = 0;

	n = ms_source_list(&ctx->src, "proc/sys/vm", &names, &diag);
	if (n < 0) {
		ms_out_warn(ctx->out, "proc/sys/vm: %s", ms_errno_text(n));
		return meta_add(w, "unreadable=proc/sys/vm: %s\n",
				ms_errno_text(n));
	}
	for (i = 0; i < n && !err; i++) {
		char path[PATH_MAX];
		struct stat st;

		snprintf(path, sizeof(path), "proc/sys/vm/%s", names[i]);
		/* write-only triggers such as compact_memory and drop_caches */
		if (fstatat(ctx->src.root_fd, path, &st, 0) ||
		    !S_ISREG(st.st_mode) || !(st.st_mode & 0444))
			continue;
		err = capture(ctx, w, path, true);
	}
	ms_source_list_free(names, n);
	return err;
}

/*
 * SLUB's sysfs facts of every cache in slabinfo: the attribute files
 * memscope slab reads, sys/kernel/slab/<cache>/{reclaim_account,order,
 * aliases}. A merged cache's directory is a symbolic link on the
 * machine; the capture holds a plain directory per name. That is three
 * small files per cache (some seven hundred), listed as one entry; each
 * costs a sysfs lookup and a file in the capture, so attributes memscope
 * does not read (object_size, slab_size, ...) are left out. Without
 * slabinfo (not root) or without the directory (SLAB, no sysfs) there is
 * nothing to capture.
 */
static const enum ms_slub_attr slub_captured[] = {
	MS_SLUB_RECLAIM_ACCOUNT,
	MS_SLUB_ORDER,
	MS_SLUB_ALIASES,
};

static int capture_slub(struct ms_ctx *ctx, struct snap_writer *w)
{
	struct ms_slabinfo si = { 0 };
	struct ms_diag diag = { 0 };
	size_t i, caches = 0, files = 0;
	char *buf;
	size_t len;
	int err;

	if (!ms_source_exists(&ctx->src, "sys/kernel/slab") ||
	    ms_source_read(&ctx->src, "proc/slabinfo", &buf, &len, &diag))
		return 0;
	err = ms_slabinfo_parse(&si, buf, len, "slabinfo", &diag);
	free(buf);
	if (err) {
		ms_out_warn(ctx->out, "sys/kernel/slab: not captured: %s",
			    diag.msg);
		return 0;
	}
	if (mkdirat(w->dirfd, "sys/kernel/slab", 0755) < 0 ||
	    note_created(w, "sys/kernel/slab")) {
		ms_error("cannot create '%s/sys/kernel/slab': %s", w->tmp,
			 strerror(errno));
		err = -EIO;
		goto out_release;
	}
	for (i = 0; i < si.nr_caches; i++) {
		const struct ms_slab_cache *c = &si.caches[i];
		char dir[MS_SLAB_NAME_MAX + 32], path[MS_SLAB_NAME_MAX + 64];
		bool made = false;
		size_t a;

		if (c->dup_index || !ms_slub_name_ok(c->name))
			continue;
		snprintf(dir, sizeof(dir), "sys/kernel/slab/%s", c->name);
		for (a = 0; a < ARRAY_SIZE(slub_captured); a++) {
			snprintf(path, sizeof(path), "%s/%s", dir,
				 ms_slub_attr_name(slub_captured[a]));
			/* a cache may go away meanwhile: skip what is gone */
			if (ms_source_read(&ctx->src, path, &buf, &len, &diag))
				continue;
			if (!made) {
				if (mkdirat(w->dirfd, dir, 0755) < 0 ||
				    note_created(w, dir)) {
					err = -errno;
					free(buf);
					ms_error("cannot create '%s/%s': %s",
						 w->tmp, dir, strerror(-err));
					goto out_release;
				}
				made = true;
				caches++;
			}
			err = write_file(w, path, buf, len);
			free(buf);
			if (err) {
				ms_error("cannot write '%s/%s': %s", w->tmp,
					 path, strerror(-err));
				goto out_release;
			}
			files++;
		}
	}
	w->nr_files += files;
	ms_out_str(ctx->out, NULL, "  %s/", "sys/kernel/slab");
	ms_out_text(ctx->out, " (%zu files of %zu caches)\n", files, caches);
	err = 0;
out_release:
	ms_slabinfo_release(&si);
	return err;
}

static int split_target(const char *target, char *parent, size_t psize,
			const char **base)
{
	const char *slash = strrchr(target, '/');

	while (slash && slash[1] == '\0')
		return -EINVAL; /* "dir/" : ask for a plain name */
	if (!slash) {
		snprintf(parent, psize, ".");
		*base = target;
	} else {
		size_t n = (size_t)(slash - target);

		if (n >= psize)
			return -ENAMETOOLONG;
		if (n == 0)
			n = 1; /* "/name" */
		memcpy(parent, target, n);
		parent[n] = '\0';
		*base = slash + 1;
	}
	if (!**base || !strcmp(*base, ".") || !strcmp(*base, ".."))
		return -EINVAL;
	return 0;
}

const struct argp cmd_snapshot_argp = {
	.args_doc = "DIR",
	.doc = "Capture buddyinfo, zoneinfo, pagetypeinfo, slabinfo, "
	       "vmallocinfo, meminfo, vmstat, /proc/sys/vm, the kernel release, "
	       "debugfs extfrag/ and SLUB's sysfs facts of every slab cache "
	       "into the new directory DIR, with a meta "
	       "file, for later use with --root DIR. Files that cannot be read "
	       "are recorded in DIR/meta with the reason. DIR must not exist.",
	.parser = NULL,
};

struct snap_args {
	const char *dir;
};

static error_t snap_parse(int key, char *arg, struct argp_state *state)
{
	struct snap_args *a = state->input;

	switch (key) {
	case ARGP_KEY_ARG:
		if (a->dir)
			argp_error(state,
				   "expected one directory, found "
				   "'%s' too",
				   arg);
		a->dir = arg;
		break;
	case ARGP_KEY_END:
		if (!a->dir)
			argp_error(state, "expected a directory to create");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int cmd_snapshot(struct ms_ctx *ctx, int argc, char **argv)
{
	static const struct argp parse_argp = {
		.parser = snap_parse,
		.args_doc = "DIR",
	};
	struct argp argp = cmd_snapshot_argp;
	struct snap_writer w = { .dirfd = -1 };
	struct snap_args a = { 0 };
	const struct ms_meta *m;
	char parent[PATH_MAX];
	const char *base;
	struct stat st;
	size_t i;
	int ret, err;

	argp.parser = parse_argp.parser;
	ret = ms_cmd_parse(ctx, &argp, argc, argv, &a);
	if (ret)
		return ret;
	ret = ms_cmd_start(ctx);
	if (ret)
		return ret;
	if (split_target(a.dir, parent, sizeof(parent), &base)) {
		ms_error("'%s': expected a new directory name", a.dir);
		return MS_EXIT_USAGE;
	}
	if (!lstat(a.dir, &st) || errno != ENOENT) {
		ms_error("'%s' already exists; refusing to overwrite it",
			 a.dir);
		return MS_EXIT_FAIL;
	}
	if ((size_t)snprintf(w.tmp, sizeof(w.tmp), "%s/.%s.tmp-XXXXXX", parent,
			     base) >= sizeof(w.tmp)) {
		ms_error("'%s': path too long", a.dir);
		w.tmp[0] = '\0';
		return MS_EXIT_USAGE;
	}
	if (!mkdtemp(w.tmp)) {
		ms_error("cannot create a directory in '%s': %s", parent,
			 strerror(errno));
		w.tmp[0] = '\0';
		return MS_EXIT_FAIL;
	}
	w.dirfd = open(w.tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (w.dirfd < 0) {
		ms_error("cannot open '%s': %s", w.tmp, strerror(errno));
		rmdir(w.tmp);
		return MS_EXIT_FAIL;
	}
	for (i = 0; i < ARRAY_SIZE(capture_dirs); i++) {
		if (mkdirat(w.dirfd, capture_dirs[i], 0755) < 0 ||
		    note_created(&w, capture_dirs[i])) {
			ms_error("cannot create '%s/%s': %s", w.tmp,
				 capture_dirs[i], strerror(errno));
			goto out_fail;
		}
	}
	m = &ctx->snap.meta;
	err = meta_add(&w,
		       "# memscope snapshot\nformat=1\n"
		       "memscope_version=%s\npage_size=%llu\n"
		       "kernel_release=%s\narch=%s\nhostname=%s\ntime=%s\n"
		       "source=%s\n",
		       MS_VERSION, (unsigned long long)m->page_size,
		       m->kernel_release, m->arch, m->hostname, m->time,
		       ctx->src.root ? ctx->src.root : "live");
	if (err)
		goto out_nomem;
	ms_out_str(ctx->out, "path", "snapshot %s:\n", a.dir);
	ms_out_arr_open(ctx->out, "files");
	if (capture_buddy_extfrag(ctx, &w))
		goto out_fail;
	for (i = 0; i < ARRAY_SIZE(capture_files); i++)
		if (capture(ctx, &w, capture_files[i], true))
			goto out_fail;
	if (capture_vm(ctx, &w))
		goto out_fail;
	if (capture_slub(ctx, &w))
		goto out_fail;
	for (i = 0; i < ARRAY_SIZE(module_files); i++)
		if (capture(ctx, &w, module_files[i], false))
			goto out_fail;
	ms_out_arr_close(ctx->out);
	err = write_file(&w, "meta", w.meta, w.meta_len);
	if (err) {
		ms_error("cannot write '%s/meta': %s", w.tmp, strerror(-err));
		goto out_fail;
	}
	if (fsync(w.dirfd) < 0 && errno != EINVAL) {
		ms_error("cannot sync '%s': %s", w.tmp, strerror(errno));
		goto out_fail;
	}
	if (renameat2(AT_FDCWD, w.tmp, AT_FDCWD, a.dir, RENAME_NOREPLACE)) {
		ms_error(
			errno == EEXIST ?
				"'%s' appeared while writing; refusing to overwrite it" :
				"cannot create '%s': %s",
			a.dir, strerror(errno));
		goto out_fail;
	}
	ms_out_u64(ctx->out, "files_written", "%llu files written\n",
		   (unsigned long long)w.nr_files);
	cleanup(&w, false);
	return MS_EXIT_OK;

out_nomem:
	ms_error("out of memory");
out_fail:
	cleanup(&w, true);
	return MS_EXIT_FAIL;
}
