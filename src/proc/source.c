// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * All file access of memscope: a directory fd for the root and openat()
 * below it, whole-file and chunked reads with a size cap.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proc/source.h"
#include "lib/banned.h"

int ms_source_init(struct ms_source *src, const char *root,
		   struct ms_diag *diag)
{
	struct stat st;
	int fd;

	src->root = NULL;
	src->root_fd = -1;
	fd = open(root ? root : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		int err = -errno;

		return ms_diag_set(diag, root, 0, err, "cannot open root: %s",
				   err == -EACCES ? "permission denied" :
						    ms_errno_text(err));
	}
	if (fstat(fd, &st) < 0 || !S_ISDIR(st.st_mode)) {
		close(fd);
		return ms_diag_set(diag, root, 0, -ENOTDIR,
				   "cannot open root: not a directory");
	}
	if (root) {
		src->root = strdup(root);
		if (!src->root) {
			close(fd);
			return ms_diag_set(diag, root, 0, -ENOMEM,
					   "out of memory");
		}
	}
	src->root_fd = fd;
	return 0;
}

void ms_source_release(struct ms_source *src)
{
	if (src->root_fd >= 0)
		close(src->root_fd);
	src->root_fd = -1;
	free(src->root);
	src->root = NULL;
}

const char *ms_source_label(const char *path)
{
	if (!strncmp(path, "proc/", 5) && strncmp(path, "proc/sys/", 9))
		return path + 5;
	return path;
}

const char *ms_errno_text(int err)
{
	switch (err) {
	case -ENOENT:
		return "no such file";
	case -EACCES:
	case -EPERM:
		return "permission denied (this file is readable by root only)";
	case -EISDIR:
		return "is a directory, expected a file";
	case -EFBIG:
		return "larger than the 256 MiB input limit";
	case -ELOOP:
		return "too many levels of symbolic links";
	case -ENOTDIR:
		return "a path component is not a directory";
	case -MS_EFTYPE:
		return "not a regular file";
	default:
		return strerror(-err);
	}
}

static int open_below(const struct ms_source *src, const char *path, int flags)
{
	/* Live runs read the absolute path; captures stay below root_fd. */
	return openat(src->root_fd, path, flags | O_CLOEXEC | O_NOCTTY);
}

/*
 * read_capped() - read(2) up to @n bytes, retried on EINTR, adding them
 * to *@total; more than MS_READ_MAX bytes in all is -EFBIG
 *
 * Return: the number of bytes read (0 at the end), or a negative errno.
 */
static ssize_t read_capped(int fd, char *buf, size_t n, size_t *total)
{
	ssize_t got;

	do
		got = read(fd, buf, n);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		return -errno;
	*total += (size_t)got;
	return *total > MS_READ_MAX ? -EFBIG : got;
}

/*
 * Reads @fd to its end into a new NUL-terminated buffer, refusing more
 * than MS_READ_MAX bytes; @size_hint is the file's size when known (0
 * for /proc files, pipes and terminals). Return: 0 or a negative errno.
 */
int ms_read_fd_into(int fd, size_t size_hint, char **bufp, size_t *capp,
		    size_t *lenp)
{
	size_t len = 0;

	if (!*capp) {
		/* a known size: its bytes, one to see the end, and the NUL */
		size_t cap = size_hint > 0 ? size_hint + 2 : 65536;
		char *buf = malloc(cap);

		if (!buf)
			return -ENOMEM;
		*bufp = buf;
		*capp = cap;
	}
	for (;;) {
		ssize_t n;

		if (len + 1 >= *capp) {
			/* room for one byte past the limit tells it apart */
			size_t limit = MS_READ_MAX + 2;
			size_t ncap = *capp * 2 < limit ? *capp * 2 : limit;
			char *nbuf;

			if (*capp >= limit)
				return -EFBIG;
			nbuf = realloc(*bufp, ncap);
			if (!nbuf)
				return -ENOMEM;
			*bufp = nbuf;
			*capp = ncap;
		}
		n = read_capped(fd, *bufp + len, *capp - len - 1, &len);
		if (n < 0)
			return (int)n;
		if (n == 0)
			break;
	}
	(*bufp)[len] = '\0';
	*lenp = len;
	return 0;
}

/* The whole of @fd into a new buffer: ms_read_fd_into() */
static int read_bounded(int fd, size_t size_hint, char **bufp, size_t *lenp)
{
	char *buf = NULL;
	size_t cap = 0;
	int err = ms_read_fd_into(fd, size_hint, &buf, &cap, lenp);

	if (err) {
		free(buf);
		return err;
	}
	*bufp = buf;
	return 0;
}

/*
 * open_regular() - open @path below the root for reading, refusing what
 * is not a regular file and a file larger than MS_READ_MAX by its size
 *
 * Return: the descriptor, with its size in *@size (0 for /proc files),
 * or a negative errno with @diag filled.
 */
static int open_regular(const struct ms_source *src, const char *path,
			size_t *size, struct ms_diag *diag)
{
	const char *label = ms_source_label(path);
	struct stat st;
	int fd, err;

	/* O_NONBLOCK: opening a FIFO without a writer must not hang. */
	fd = open_below(src, path, O_RDONLY | O_NONBLOCK);
	if (fd < 0) {
		err = -errno;
		goto out_diag;
	}
	if (fstat(fd, &st) < 0)
		err = -errno;
	else if (S_ISDIR(st.st_mode))
		err = -EISDIR;
	else if (!S_ISREG(st.st_mode))
		err = -MS_EFTYPE;
	else if ((size_t)st.st_size > MS_READ_MAX)
		err = -EFBIG;
	else
		err = 0;
	if (!err) {
		*size = (size_t)st.st_size;
		return fd;
	}
	close(fd);
out_diag:
	return ms_diag_set(diag, label, 0, err, "%s", ms_errno_text(err));
}

int ms_source_read(const struct ms_source *src, const char *path, char **bufp,
		   size_t *lenp, struct ms_diag *diag)
{
	size_t size;
	int fd, err;

	*bufp = NULL;
	*lenp = 0;
	fd = open_regular(src, path, &size, diag);
	if (fd < 0)
		return fd;
	err = read_bounded(fd, size, bufp, lenp);
	close(fd);
	if (err)
		return ms_diag_set(diag, ms_source_label(path), 0, err, "%s",
				   ms_errno_text(err));
	return 0;
}

int ms_source_read_chunks(const struct ms_source *src, const char *path,
			  size_t chunk_bytes, ms_chunk_fn fn, void *ctx,
			  struct ms_diag *diag)
{
	size_t size, total = 0;
	char *buf;
	int fd, err = 0;

	fd = open_regular(src, path, &size, diag);
	if (fd < 0)
		return fd;
	if (!chunk_bytes)
		chunk_bytes = MS_CHUNK_BYTES;
	/* a small file needs no more than its size (and one byte for EOF) */
	if (size && size < chunk_bytes)
		chunk_bytes = size + 1;
	buf = malloc(chunk_bytes);
	if (!buf) {
		err = -ENOMEM;
		goto out_diag;
	}
	for (;;) {
		ssize_t n = read_capped(fd, buf, chunk_bytes, &total);

		if (n < 0) {
			err = (int)n;
			goto out_diag;
		}
		if (n == 0)
			break;
		err = fn(ctx, buf, (size_t)n);
		if (err)
			goto out_free;
	}
	goto out_free;

out_diag:
	ms_diag_set(diag, ms_source_label(path), 0, err, "%s",
		    ms_errno_text(err));
out_free:
	free(buf);
	close(fd);
	return err;
}

int ms_read_path(const char *path, char **bufp, size_t *lenp,
		 struct ms_diag *diag)
{
	bool is_stdin = !strcmp(path, "-");
	const char *label = is_stdin ? MS_STDIN_LABEL : path;
	struct stat st;
	int fd, err;

	*bufp = NULL;
	*lenp = 0;
	if (is_stdin) {
		fd = STDIN_FILENO;
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0) {
			err = -errno;
			return ms_diag_set(diag, label, 0, err, "%s",
					   err == -EACCES ?
						   "permission denied" :
						   ms_errno_text(err));
		}
	}
	if (fstat(fd, &st) < 0) {
		err = -errno;
		goto out_close;
	}
	if (S_ISDIR(st.st_mode)) {
		err = -EISDIR;
		goto out_close;
	}
	/*
	 * A named device could be read forever (/dev/zero, /dev/kmsg);
	 * standard input may be a terminal the user types or pastes into.
	 */
	if (!is_stdin && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) &&
	    !S_ISSOCK(st.st_mode)) {
		err = -MS_EFTYPE;
		goto out_close;
	}
	if (S_ISREG(st.st_mode) && (size_t)st.st_size > MS_READ_MAX) {
		err = -EFBIG;
		goto out_close;
	}
	err = read_bounded(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0,
			   bufp, lenp);

out_close:
	if (!is_stdin)
		close(fd);
	if (err)
		return ms_diag_set(diag, label, 0, err, "%s",
				   err == -MS_EFTYPE ?
					   "not a regular file or a pipe" :
					   ms_errno_text(err));
	return 0;
}

bool ms_source_exists(const struct ms_source *src, const char *path)
{
	struct stat st;

	return fstatat(src->root_fd, path, &st, 0) == 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void ms_source_list_free(char **names, int n)
{
	int i;

	if (!names)
		return;
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int ms_source_list(const struct ms_source *src, const char *path,
		   char ***namesp, struct ms_diag *diag)
{
	const char *label = ms_source_label(path);
	char **names = NULL;
	struct dirent *de;
	int n = 0, cap = 0;
	int fd, err;
	DIR *dir;

	*namesp = NULL;
	fd = open_below(src, path, O_RDONLY | O_DIRECTORY);
	if (fd < 0) {
		err = -errno;
		return ms_diag_set(diag, label, 0, err, "%s",
				   ms_errno_text(err));
	}
	dir = fdopendir(fd);
	if (!dir) {
		err = -errno;
		close(fd);
		return ms_diag_set(diag, label, 0, err, "%s",
				   ms_errno_text(err));
	}
	while ((de = readdir(dir))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (n == cap) {
			int ncap = cap ? cap * 2 : 32;
			char **nn = realloc(names, sizeof(*names) * ncap);

			if (!nn)
				goto out_nomem;
			names = nn;
			cap = ncap;
		}
		names[n] = strdup(de->d_name);
		if (!names[n])
			goto out_nomem;
		n++;
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	*namesp = names;
	return n;

out_nomem:
	closedir(dir);
	ms_source_list_free(names, n);
	return ms_diag_set(diag, label, 0, -ENOMEM, "out of memory");
}
