// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ms_read_path(): whole files named on the command line, standard input,
 * pipes, and what must be refused (directories, devices, more than
 * MS_READ_MAX bytes).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "proc/source.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ms_source_XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void path_of(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", dir, name);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static void test_regular_file(void **state)
{
	struct ms_diag diag = { 0 };
	char path[128], *buf;
	size_t len;

	(void)state;
	path_of(path, sizeof(path), "log");
	write_file(path, "line one\nline two\n");
	assert_int_equal(ms_read_path(path, &buf, &len, &diag), 0);
	assert_int_equal(len, 18);
	assert_string_equal(buf, "line one\nline two\n");
	free(buf);

	/* an empty file is read as empty, not refused */
	path_of(path, sizeof(path), "empty");
	write_file(path, "");
	assert_int_equal(ms_read_path(path, &buf, &len, &diag), 0);
	assert_int_equal(len, 0);
	assert_string_equal(buf, "");
	free(buf);
}

static void expect_error(const char *path, int err, const char *file,
			 const char *msg)
{
	struct ms_diag diag = { 0 };
	char *buf = (char *)1;
	size_t len = 7;

	assert_int_equal(ms_read_path(path, &buf, &len, &diag), err);
	assert_null(buf);
	assert_int_equal(len, 0);
	assert_int_equal(diag.err, err);
	assert_string_equal(diag.file, file);
	assert_string_equal(diag.msg, msg);
}

static void test_refused(void **state)
{
	char path[128];

	(void)state;
	path_of(path, sizeof(path), "missing");
	expect_error(path, -ENOENT, path, "no such file");
	expect_error(dir, -EISDIR, dir, "is a directory, expected a file");
	/* a device could be read forever */
	expect_error("/dev/zero", -MS_EFTYPE, "/dev/zero",
		     "not a regular file or a pipe");
}

static void test_too_large(void **state)
{
	char path[128];
	int fd;

	(void)state;
	path_of(path, sizeof(path), "big");
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	/* sparse: no disk space used */
	assert_int_equal(ftruncate(fd, (off_t)MS_READ_MAX + 1), 0);
	close(fd);
	expect_error(path, -EFBIG, path, "larger than the 256 MiB input limit");
}

/* A writer child feeding @bytes bytes of 'x' into a pipe on fd @wfd. */
static pid_t feed(int wfd, int rfd, size_t bytes)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		static char chunk[65536];

		close(rfd);
		memset(chunk, 'x', sizeof(chunk));
		while (bytes) {
			size_t n =
				bytes < sizeof(chunk) ? bytes : sizeof(chunk);
			ssize_t w = write(wfd, chunk, n);

			if (w <= 0)
				_exit(0);
			bytes -= (size_t)w;
		}
		_exit(0);
	}
	close(wfd);
	return pid;
}

static void test_stdin_pipe(void **state)
{
	struct ms_diag diag = { 0 };
	int saved, p[2];
	char *buf;
	size_t len;
	pid_t pid;

	(void)state;
	saved = dup(STDIN_FILENO);
	assert_true(saved >= 0);

	/* "-" reads standard input, here a pipe */
	assert_int_equal(pipe(p), 0);
	pid = feed(p[1], p[0], 200000);
	assert_int_equal(dup2(p[0], STDIN_FILENO), STDIN_FILENO);
	close(p[0]);
	assert_int_equal(ms_read_path("-", &buf, &len, &diag), 0);
	assert_int_equal(len, 200000);
	assert_int_equal(buf[0], 'x');
	assert_int_equal(buf[len], '\0');
	free(buf);
	waitpid(pid, NULL, 0);

	/* a pipe is bounded too: the read stops past MS_READ_MAX */
	assert_int_equal(pipe(p), 0);
	pid = feed(p[1], p[0], MS_READ_MAX + 65536);
	assert_int_equal(dup2(p[0], STDIN_FILENO), STDIN_FILENO);
	close(p[0]);
	memset(&diag, 0, sizeof(diag));
	assert_int_equal(ms_read_path("-", &buf, &len, &diag), -EFBIG);
	assert_null(buf);
	assert_string_equal(diag.file, MS_STDIN_LABEL);
	assert_string_equal(diag.msg, "larger than the 256 MiB input limit");
	/* the writer gets EPIPE once the read end is closed */
	assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	waitpid(pid, NULL, 0);

	/* standard input stays open after the read */
	close(saved);
	assert_true(fcntl(STDIN_FILENO, F_GETFD) >= 0);
}

/* One buffer read into again and again: it grows, then is reused. */
static void test_read_fd_into(void **state)
{
	char path[] = "/tmp/ms-into-XXXXXX";
	size_t cap = 0, len = 0, big = 200000, i;
	char *buf = NULL, *data = malloc(big), *kept;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0 && data);
	for (i = 0; i < big; i++)
		data[i] = (char)('a' + i % 26);
	assert_true(write(fd, data, big) == (ssize_t)big);
	/* no hint: from 64 KiB, doubled to fit 200000 bytes and the NUL */
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(ms_read_fd_into(fd, 0, &buf, &cap, &len), 0);
	assert_int_equal(len, big);
	assert_int_equal(cap, 262144);
	assert_memory_equal(buf, data, big);
	assert_int_equal(buf[len], '\0');
	/* shorter contents again: the same buffer, no new allocation */
	assert_int_equal(ftruncate(fd, 10), 0);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	kept = buf;
	assert_int_equal(ms_read_fd_into(fd, 0, &buf, &cap, &len), 0);
	assert_ptr_equal(buf, kept);
	assert_int_equal(cap, 262144);
	assert_int_equal(len, 10);
	assert_string_equal(buf, "abcdefghij");
	free(buf);
	/* a hint sizes the first buffer: the bytes, one to see the end and
	 * the NUL, so the end is found without growing it */
	buf = NULL;
	cap = 0;
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(ms_read_fd_into(fd, 10, &buf, &cap, &len), 0);
	assert_int_equal(cap, 12);
	assert_string_equal(buf, "abcdefghij");
	free(buf);
	free(data);
	close(fd);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regular_file),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_stdin_pipe),
		cmocka_unit_test(test_read_fd_into),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
