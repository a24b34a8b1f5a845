/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_SOURCE_H
#define MS_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/parse.h"

/*
 * The largest file memscope reads, whole or in chunks. /proc files are
 * generated on read and report size 0, so the cap is enforced while
 * reading; a larger input (or a FIFO that never ends) is refused with
 * -EFBIG.
 */
#define MS_EFTYPE 4095 /* errno-style code: not a regular file */

#define MS_READ_MAX ((size_t)256 << 20)

/**
 * ms_read_fd_into() - read @fd from where it stands to its end into
 * *@bufp, NUL-terminated, reusing the buffer across calls
 * @size_hint: the file's size when known, 0 otherwise (sizes a first
 *             buffer)
 * @capp: the size of *@bufp; 0 (with *@bufp NULL) allocates one
 * @lenp: the bytes read
 *
 * The buffer grows as needed and stays the caller's to free, also on an
 * error. More than MS_READ_MAX bytes are -EFBIG.
 *
 * Return: 0, -EFBIG, -ENOMEM or the negative errno of read(2).
 */
int ms_read_fd_into(int fd, size_t size_hint, char **bufp, size_t *capp,
		    size_t *lenp);

/**
 * struct ms_source - where /proc and /sys come from
 * @root_fd: directory that holds proc/ and sys/ ("/" when live)
 * @root:    the --root argument, or NULL when reading this machine
 *
 * Every read goes through ms_source_read(), so a live run and a run on
 * a captured tree differ only in @root_fd.
 */
struct ms_source {
	int root_fd;
	char *root;
};

/**
 * ms_source_init() - open @root (NULL: this machine's /)
 *
 * Return: 0 or a negative errno with @diag filled.
 */
int ms_source_init(struct ms_source *src, const char *root,
		   struct ms_diag *diag);

void ms_source_release(struct ms_source *src);

/** ms_source_is_live() - reading this machine rather than a capture */
static inline bool ms_source_is_live(const struct ms_source *src)
{
	return !src->root;
}

/**
 * ms_source_label() - the short name used in messages for @path
 *
 * "proc/zoneinfo" becomes "zoneinfo"; other paths are kept. The result
 * points into @path.
 */
const char *ms_source_label(const char *path);

/**
 * ms_source_read() - read a whole file below the root
 * @path: relative path such as "proc/buddyinfo"
 * @buf:  result, NUL-terminated; caller frees with free()
 * @len:  its length without the terminator
 *
 * Refuses directories, FIFOs and devices (a FIFO could block forever)
 * and inputs larger than MS_READ_MAX.
 *
 * Return: 0, or a negative errno (-ENOENT, -EACCES, -EISDIR, -EFBIG,
 * -ELOOP, ...) with @diag saying what went wrong in words.
 */
int ms_source_read(const struct ms_source *src, const char *path, char **buf,
		   size_t *len, struct ms_diag *diag);

/*
 * The buffer ms_source_read_chunks() reads into: large enough that a
 * read() costs little per byte, small enough to stay in the caches.
 */
#define MS_CHUNK_BYTES ((size_t)256 << 10)

/**
 * typedef ms_chunk_fn - takes one piece of a file read in chunks
 * @ctx: the pointer given to ms_source_read_chunks()
 * @buf: the next @len bytes of the file, valid only during the call
 *
 * Pieces end anywhere, in the middle of a line too.
 *
 * Return: 0 to go on, or a negative errno (with the diag filled) to stop.
 */
typedef int (*ms_chunk_fn)(void *ctx, const char *buf, size_t len);

/**
 * ms_source_read_chunks() - read a file below the root piece by piece
 * @path:        relative path such as "proc/vmallocinfo"
 * @chunk_bytes: size of the one buffer the file is read into, reused
 *               for every piece (0: MS_CHUNK_BYTES)
 * @fn:          called with each piece in file order, never with 0 bytes
 * @ctx:         passed to @fn
 *
 * For inputs that may be far larger than their parsed form: the file is
 * never held whole. The same files are refused as by ms_source_read(),
 * and with the same messages: what is not a regular file, and more than
 * MS_READ_MAX bytes (-EFBIG; @fn never sees a byte past the limit, but
 * has seen those before it).
 *
 * Return: 0 at the end of the file; @fn's error as it returned it; or
 * a negative errno with @diag saying what went wrong.
 */
int ms_source_read_chunks(const struct ms_source *src, const char *path,
			  size_t chunk_bytes, ms_chunk_fn fn, void *ctx,
			  struct ms_diag *diag);

/* The name of standard input in messages */
#define MS_STDIN_LABEL "(standard input)"

/**
 * ms_read_path() - read a whole file the user named, outside any root
 * @path: a path (relative to the working directory), or "-" for
 *        standard input
 * @buf:  result, NUL-terminated; caller frees with free()
 * @len:  its length without the terminator
 *
 * For command arguments such as "memscope explain FILE": @path is not
 * resolved below --root. Regular files, pipes and FIFOs are read
 * ("dmesg | memscope explain -", "<(journalctl -k)"); a named device or
 * directory is refused, and standard input may be anything but a
 * directory (a terminal ends with end-of-file). Like ms_source_read(),
 * more than MS_READ_MAX bytes are refused with -EFBIG, from a pipe too.
 * Messages name standard input MS_STDIN_LABEL.
 *
 * Return: 0, or a negative errno with @diag saying what went wrong.
 */
int ms_read_path(const char *path, char **buf, size_t *len,
		 struct ms_diag *diag);

/**
 * ms_source_exists() - whether @path exists below the root (any type)
 */
bool ms_source_exists(const struct ms_source *src, const char *path);

/**
 * ms_source_list() - names in directory @path, sorted, without . and ..
 * @names: result array of strings; caller frees with ms_source_list_free()
 *
 * Return: number of names, or a negative errno with @diag filled.
 */
int ms_source_list(const struct ms_source *src, const char *path, char ***names,
		   struct ms_diag *diag);

void ms_source_list_free(char **names, int n);

/**
 * ms_errno_text() - the words memscope uses for a read error
 *
 * For -EACCES and -EPERM it says that the file is root-only, since that
 * is the usual cause for slabinfo, pagetypeinfo and vmallocinfo.
 */
const char *ms_errno_text(int err);

#endif
