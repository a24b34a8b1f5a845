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

static int grow(struct ms_refile *f)
{
	/* room for one byte past the limit tells it apart */
	size_t limit = MS_READ_MAX + 2;
	size_t ncap = f->cap ? f->cap * 2 : 65536;
	char *nbuf;

	if (f->cap >= limit)
		return -EFBIG;
	if (ncap > limit)
		ncap = limit;
	nbuf = realloc(f->buf, ncap);
	if (!nbuf)
		return -ENOMEM;
	f->buf = nbuf;
	f->cap = ncap;
	return 0;
}

static int read_all(struct ms_refile *f)
{
	size_t len = 0;
	int err;

	for (;;) {
		ssize_t n;

		if (len + 1 >= f->cap) {
			err = grow(f);
			if (err)
				return err;
		}
		n = pread(f->fd, f->buf + len, f->cap - len - 1, (off_t)len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > MS_READ_MAX)
			return -EFBIG;
	}
	f->buf[len] = '\0';
	f->len = len;
	return 0;
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
