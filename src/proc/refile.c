// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A file kept open across the samples of a watch loop and read from
 * offset 0 each time into the same buffer.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proc/refile.h"
#include "lib/banned.h"

static void refile_close(struct ms_refile *f)
{
	if (f->open)
		close(f->fd);
	f->open = false;
	f->fd = -1;
}

/* Only regular files are read: /proc's are, and a FIFO could block. */
static int kind_error(const struct stat *st)
{
	if (S_ISREG(st->st_mode))
		return 0;
	return S_ISDIR(st->st_mode) ? -EISDIR : -MS_EFTYPE;
}

static int refile_open(struct ms_refile *f, const struct ms_source *src)
{
	struct stat st;
	int fd, err;

	/* O_NONBLOCK: opening a FIFO without a writer must not hang. */
	fd = openat(src->root_fd, f->path,
		    O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -errno;
	err = fstat(fd, &st) < 0 ? -errno : kind_error(&st);
	if (err) {
		close(fd);
		return err;
	}
	f->fd = fd;
	f->open = true;
	f->dev = st.st_dev;
	f->ino = st.st_ino;
	return 0;
}

/* A capture's file renamed over (or removed) since it was opened. */
static bool replaced(const struct ms_refile *f, const struct ms_source *src)
{
	struct stat st;

	if (ms_source_is_live(src))
		return false;
	return fstatat(src->root_fd, f->path, &st, 0) < 0 ||
	       st.st_dev != f->dev || st.st_ino != f->ino;
}

/* From offset 0 again: a /proc file is generated anew, a capture re-read. */
static int read_all(struct ms_refile *f)
{
	if (lseek(f->fd, 0, SEEK_SET) < 0)
		return -errno;
	return ms_read_fd_into(f->fd, 0, &f->buf, &f->cap, &f->len);
}

int ms_refile_read(struct ms_refile *f, const struct ms_source *src,
		   struct ms_diag *diag)
{
	char *keep = f->buf;
	size_t keep_cap = f->cap;
	int err = 0;

	/* the latest contents become the previous ones */
	f->buf = f->prev;
	f->cap = f->prev_cap;
	f->prev = keep;
	f->prev_cap = keep_cap;
	f->len = 0;
	if (f->open && replaced(f, src))
		refile_close(f);
	if (!f->open)
		err = refile_open(f, src);
	if (!err)
		err = read_all(f);
	if (!err)
		return 0;
	refile_close(f);
	return ms_diag_set(diag, ms_source_label(f->path), 0, err, "%s",
			   ms_errno_text(err));
}

void ms_refile_release(struct ms_refile *f)
{
	refile_close(f);
	free(f->buf);
	free(f->prev);
	f->buf = f->prev = NULL;
	f->len = f->cap = f->prev_cap = 0;
}
