/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_REFILE_H
#define MS_REFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "lib/parse.h"
#include "proc/source.h"

/**
 * struct ms_refile - one file below a source, read again each sample
 * @path:  relative path such as "proc/slabinfo" (borrowed)
 * @fd:    the open file, when @open
 * @open:  @fd is open (not before the first read, nor after a failed one)
 * @dev, @ino: what @fd refers to, to notice a capture file replaced
 *         (renamed over) between two samples
 * @buf:   the latest contents, NUL-terminated
 * @len:   their length without the terminator
 * @cap:   bytes allocated at @buf
 * @prev, @prev_cap: the contents before, kept until the next read (to
 *         compare a sample with the one before); the two buffers are
 *         reused in turn from sample to sample
 *
 * A watch loop reads the same /proc files every interval. Opening,
 * checking and closing them each time, and allocating a new buffer,
 * costs more than the parse of a small file; an ms_refile keeps the
 * descriptor and the buffer and reads from offset 0 again (/proc's
 * seq_file files regenerate their text on a read at offset 0). Below a
 * --root capture, a file renamed over the old one is noticed by its
 * inode and opened again; one rewritten in place is read as it now is.
 *
 * Set to zero, then set @path, before the first ms_refile_read().
 */
struct ms_refile {
	const char *path;
	int fd;
	bool open;
	dev_t dev;
	ino_t ino;
	char *buf;
	size_t len;
	size_t cap;
	char *prev;
	size_t prev_cap;
};

/**
 * ms_refile_read() - read the whole file again into @f->buf
 *
 * What @f->buf held is kept in @f->prev until the next call.
 * The same checks and messages as ms_source_read(): directories, FIFOs
 * and devices are refused, and so is more than MS_READ_MAX bytes.
 *
 * Return: 0, or a negative errno with @diag saying what went wrong (the
 * file is closed then, and the next call opens it again).
 */
int ms_refile_read(struct ms_refile *f, const struct ms_source *src,
		   struct ms_diag *diag);

/** ms_refile_release() - close the file and free the buffer */
void ms_refile_release(struct ms_refile *f);

#endif
