// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/vmallocinfo parsed as it is read: the text fed in pieces cut
 * anywhere (ms_vmallocinfo_begin/feed/end) and read from a file in
 * chunks (ms_vmallocinfo_read, ms_snapshot_load) must give exactly what
 * ms_vmallocinfo_parse() gives on the whole text, errors and their line
 * numbers included; and files are refused as ms_source_read() refuses
 * them (FIFOs, directories, more than MS_READ_MAX bytes).
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
#include <unistd.h>
#include <cmocka.h>

#include "proc/snapshot.h"
#include "proc/source.h"
#include "proc/vmallocinfo.h"
#include "vmalloc_same.h"

/* well formed: callers, modules (with a build id), nodes, phys, flags */
static const char good[] =
	"0xffffb3c1c0000000-0xffffb3c1c0005000   20480 map_irq_stack+0x93/0xe0 vmap\n"
	"0xffffb3c1c0005000-0xffffb3c1c0007000    8192 acpi_os_map_iomem+0x1ac/0x1c0 phys=0x00000000bfefe000 ioremap\n"
	"\n"
	"0xffffb3c1c0019000-0xffffb3c1c001e000   20480 dup_task_struct+0x4a/0x1b0 pages=4 vmalloc N0=4\n"
	"0xffffb3c1c0b19000-0xffffb3c1c0cef000 1925120 ttm_bo_kmap_ttm+0xce/0x150 [ttm]\n"
	"0xffffb3c1c0cef000-0xffffb3c1c0cf1000    8192 init_one+0x10/0x80 [mod_a 0123456789abcdef] pages=1 vmalloc\n"
	"0xffffb3c1c0cf1000-0xffffb3c1c0cf3000    8192 lowmem_thing+0x1/0x2 vmalloc lowmem N0=1 N3=1\n"
	"0xffffffffc0315000-0xffffffffc031e000   36864 move_module+0x23/0x1a0 pages=8 vmalloc N0=8\n"
	"0xffffb3c1c0d80000-0xffffb3c1c0d85000   20480 unpurged vm_area\n"
	"0xffffb3c1c0063000-0xffffb3c1c0065000    8192 vm_map_ram\n";

/* CRLF, tabs and a blank last line without a newline (accepted) */
static const char crlf[] =
	"0x1000-0x3000 8192 init_one+0x10/0x80 [mod_a] pages=1 vmalloc\r\n"
	"0x3000-0x5000\t8192\tinit_one+0x10/0x80 [mod_b] pages=1 vmalloc\r\n"
	" \t\r";

/* an error on line 3 */
static const char bad_line3[] = "0x1000-0x3000 8192 a+0x1/0x2 vmalloc\n"
				"0x3000-0x5000 8192 a+0x1/0x2 vmalloc\n"
				"0x5000-0x7000 8192 a+0x1/0x2 pages=1 pages=2\n"
				"0x7000-0x9000 8192 a+0x1/0x2 vmalloc\n";

/* truncated: the last line has no newline */
static const char truncated[] = "0x1000-0x3000 8192 a+0x1/0x2 vmalloc\n"
				"0x3000-0x5000 8192 a+0x1/0x2 pages=4 vmal";

/* found only once the whole file is read: size does not match line 2 */
static const char bad_size[] = "0xffff1000-0xffff3000 8192 a+0x1/0x2\n"
			       "0xffff3000-0xffff5000 8190 a+0x1/0x2\n"
			       "0xffff5000-0xffff7000 8192 a+0x1/0x2\n";

static const char *const inputs[] = { good,	 crlf,	   bad_line3,
				      truncated, bad_size, "",
				      "\n\n",	 "\n",	   "0x1000-0x3000" };

static void assert_same_diag(const struct ms_diag *a, const struct ms_diag *b)
{
	assert_int_equal(a->err, b->err);
	assert_int_equal(a->line, b->line);
	assert_string_equal(a->file, b->file);
	assert_string_equal(a->msg, b->msg);
}

/* the text fed in pieces of @sizes[0], @sizes[1], ... (cycling) */
static int feed_pieces(struct ms_vmallocinfo *vi, const char *text, size_t len,
		       const size_t *sizes, size_t nr_sizes,
		       struct ms_diag *diag)
{
	struct ms_vmallocinfo_parser *vp;
	size_t pos = 0, k = 0;
	int err, ferr = 0;

	memset(diag, 0, sizeof(*diag));
	err = ms_vmallocinfo_begin(&vp, vi, "vmallocinfo", diag);
	if (err)
		return err;
	while (pos < len) {
		size_t n = sizes[k++ % nr_sizes];

		if (n > len - pos)
			n = len - pos;
		err = ms_vmallocinfo_feed(vp, text + pos, n);
		/* the first error sticks */
		if (ferr)
			assert_int_equal(err, ferr);
		ferr = err;
		pos += n;
	}
	return ms_vmallocinfo_end(vp);
}

static void check_against_whole(const char *text, size_t len,
				const size_t *sizes, size_t nr_sizes)
{
	struct ms_vmallocinfo whole, fed;
	struct ms_diag dw = { 0 }, df;
	int ew, ef;

	ew = ms_vmallocinfo_parse(&whole, text, len, "vmallocinfo", &dw);
	ef = feed_pieces(&fed, text, len, sizes, nr_sizes, &df);
	assert_int_equal(ef, ew);
	if (ew) {
		assert_same_diag(&df, &dw);
		assert_null(fed.areas);
		assert_null(fed.strings);
		return;
	}
	same_model(&whole, &fed);
	ms_vmallocinfo_release(&whole);
	ms_vmallocinfo_release(&fed);
}

/* every input cut in two at every position, then in three */
static void test_split_everywhere(void **state)
{
	size_t i, cut, cut2;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(inputs); i++) {
		size_t len = strlen(inputs[i]);

		for (cut = 0; cut <= len; cut++) {
			size_t sizes[] = { cut, len - cut };

			check_against_whole(inputs[i], len, sizes, 2);
		}
		/* three pieces: the middle one inside a line, or empty */
		for (cut = 0; cut <= len; cut += 7)
			for (cut2 = cut; cut2 <= len; cut2 += 5) {
				size_t sizes[] = { cut, cut2 - cut,
						   len - cut2 };

				check_against_whole(inputs[i], len, sizes, 3);
			}
	}
}

/* every input in equal pieces of every size, 1 byte and up */
static void test_every_chunk_size(void **state)
{
	size_t i, n;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(inputs); i++) {
		size_t len = strlen(inputs[i]);

		for (n = 1; n <= len + 1; n++)
			check_against_whole(inputs[i], len, &n, 1);
	}
}

/* The errors say the line, whatever the pieces. */
static void test_error_lines(void **state)
{
	static const struct {
		const char *text;
		size_t piece;
		unsigned int line;
		const char *msg;
	} cases[] = {
		{ bad_line3, 1, 3,
		  "expected one 'pages=' per line, found a second 'pages=2'" },
		{ truncated, 4096, 2,
		  "expected a newline at the end of the line: the file is truncated" },
		{ bad_size, 1, 2,
		  "expected size 8192 (end - start), found 8190" },
	};
	struct ms_vmallocinfo vi;
	struct ms_diag d;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		assert_int_equal(feed_pieces(&vi, cases[i].text,
					     strlen(cases[i].text),
					     &cases[i].piece, 1, &d),
				 -EINVAL);
		assert_int_equal(d.line, cases[i].line);
		assert_string_equal(d.msg, cases[i].msg);
	}
}

/* Giving up after some pieces frees everything (checked by ASan). */
static void test_abort(void **state)
{
	struct ms_vmallocinfo_parser *vp;
	struct ms_vmallocinfo vi;
	struct ms_diag d;

	(void)state;
	assert_int_equal(ms_vmallocinfo_begin(&vp, &vi, "vmallocinfo", &d), 0);
	assert_int_equal(ms_vmallocinfo_feed(vp, good, 150), 0);
	assert_int_equal(vi.nr_areas, 1);
	ms_vmallocinfo_abort(vp);
	assert_null(vi.areas);
	assert_null(vi.strings);
	ms_vmallocinfo_abort(NULL);
}

/* ---------- files below a root ---------- */

static char dir[64];

static int setup(void **state)
{
	char path[128];

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ms_vmstream_XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/proc", dir);
	return mkdir(path, 0700);
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void write_vmallocinfo(const char *text, size_t len)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/proc/vmallocinfo", dir);
	unlink(path);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* @text as a file, read with chunks of @chunk bytes, against the parse */
static void check_read(const char *text, size_t len, size_t chunk)
{
	struct ms_vmallocinfo whole, rd;
	struct ms_diag dw = { 0 }, dr = { 0 };
	struct ms_source src;
	int ew, er;

	assert_int_equal(ms_source_init(&src, dir, &dr), 0);
	ew = ms_vmallocinfo_parse(&whole, text, len, "vmallocinfo", &dw);
	er = ms_vmallocinfo_read(&rd, &src, "proc/vmallocinfo", chunk, &dr);
	assert_int_equal(er, ew);
	if (ew) {
		assert_same_diag(&dr, &dw);
	} else {
		same_model(&whole, &rd);
		ms_vmallocinfo_release(&whole);
		ms_vmallocinfo_release(&rd);
	}
	ms_source_release(&src);
}

static void test_read_chunks(void **state)
{
	size_t i, chunk;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(inputs); i++) {
		size_t len = strlen(inputs[i]);

		write_vmallocinfo(inputs[i], len);
		for (chunk = 1; chunk <= 130; chunk++)
			check_read(inputs[i], len, chunk);
		check_read(inputs[i], len, 0);
	}
}

/*
 * A file many times the buffer, through ms_snapshot_load() as memscope
 * reads it, and with a small buffer; an error deep in it names its line.
 */
static void test_larger_than_buffer(void **state)
{
	static const char line[] =
		"0xffffb3c1c0019000-0xffffb3c1c001e000   20480 dup_task_struct+0x4a/0x1b0 pages=4 vmalloc N0=4\n";
	size_t n = 12000, ll = sizeof(line) - 1, len = n * ll, i;
	struct ms_snapshot snap;
	struct ms_source src;
	struct ms_diag d = { 0 };
	const struct ms_vmallocinfo *vi;
	char *text =
		malloc(len + 1); /* snprintf() ends the last line with a NUL */

	(void)state;
	assert_non_null(text);
	assert_true(len > MS_CHUNK_BYTES * 4);
	for (i = 0; i < n; i++) {
		/* distinct real addresses: start + 0x5000 * i */
		snprintf(
			text + i * ll, ll + 1,
			"0xffffb3c1%08zx-0xffffb3c1%08zx   20480 dup_task_struct+0x4a/0x1b0 pages=4 vmalloc N0=4\n",
			(size_t)0xc0000000 + i * 0x5000,
			(size_t)0xc0005000 + i * 0x5000);
	}
	write_vmallocinfo(text, len);
	check_read(text, len, 4096);
	check_read(text, len, 97); /* every line cut somewhere else */

	assert_int_equal(ms_source_init(&src, dir, &d), 0);
	assert_int_equal(ms_snapshot_init(&snap, &src, 0, &d), 0);
	assert_int_equal(ms_snapshot_load(&snap, MS_FILE_VMALLOCINFO, &d), 0);
	vi = ms_snapshot_get(&snap, MS_FILE_VMALLOCINFO);
	assert_int_equal(vi->nr_areas, n);
	assert_int_equal(vi->addrs, MS_VMALLOC_ADDRS_REAL);
	assert_int_equal(vi->areas[n - 1].line, n);
	assert_true(vi->areas[n - 1].start ==
		    0xffffb3c1c0000000ull + (n - 1) * 0x5000);
	ms_snapshot_release(&snap);

	/* line 10000 made bad: named through the snapshot too */
	text[9999 * ll + (size_t)(strstr(line, "pages=") - line) + 6] = 'x';
	write_vmallocinfo(text, len);
	check_read(text, len, 1000);
	assert_int_equal(ms_snapshot_init(&snap, &src, 0, &d), 0);
	assert_int_equal(ms_snapshot_load(&snap, MS_FILE_VMALLOCINFO, &d),
			 -EINVAL);
	assert_string_equal(d.file, "vmallocinfo");
	assert_int_equal(d.line, 10000);
	assert_string_equal(d.msg, "expected a page count in 'pages=x'");
	ms_snapshot_release(&snap);
	ms_source_release(&src);
	free(text);
}

static void expect_refused(int err, const char *msg)
{
	struct ms_vmallocinfo vi;
	struct ms_source src;
	struct ms_diag d = { 0 };

	assert_int_equal(ms_source_init(&src, dir, &d), 0);
	assert_int_equal(
		ms_vmallocinfo_read(&vi, &src, "proc/vmallocinfo", 0, &d), err);
	assert_int_equal(d.err, err);
	assert_string_equal(d.file, "vmallocinfo");
	assert_int_equal(d.line, 0);
	assert_string_equal(d.msg, msg);
	assert_null(vi.areas);
	assert_null(vi.strings);
	ms_source_release(&src);
}

/*
 * A FIFO (no writer: it would block; or one that never ends) is never
 * opened for reading; nor a directory; a file past MS_READ_MAX is
 * refused from its size.
 */
static void test_refused(void **state)
{
	char path[128];
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "%s/proc/vmallocinfo", dir);
	unlink(path);
	expect_refused(-ENOENT, "no such file");
	assert_int_equal(mkfifo(path, 0600), 0);
	expect_refused(-MS_EFTYPE, "not a regular file");
	unlink(path);
	assert_int_equal(mkdir(path, 0700), 0);
	expect_refused(-EISDIR, "is a directory, expected a file");
	rmdir(path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	/* sparse: no disk space used */
	assert_int_equal(ftruncate(fd, (off_t)MS_READ_MAX + 1), 0);
	close(fd);
	expect_refused(-EFBIG, "larger than the 256 MiB input limit");
	unlink(path);
}

struct pieces {
	char buf[2048];
	size_t len;
	size_t calls;
	size_t max;
	int stop_at;
};

static int collect(void *ctx, const char *buf, size_t len)
{
	struct pieces *p = ctx;

	assert_true(len > 0);
	assert_true(p->len + len <= sizeof(p->buf));
	memcpy(p->buf + p->len, buf, len);
	p->len += len;
	if (len > p->max)
		p->max = len;
	if (++p->calls == (size_t)p->stop_at)
		return -ECANCELED;
	return 0;
}

/* The pieces make the file, each at most the buffer; @fn stops it. */
static void test_source_chunks(void **state)
{
	struct ms_source src;
	struct ms_diag d = { 0 };
	struct pieces p;
	size_t len = strlen(good), chunk;

	(void)state;
	write_vmallocinfo(good, len);
	assert_int_equal(ms_source_init(&src, dir, &d), 0);
	for (chunk = 1; chunk <= len + 3; chunk++) {
		memset(&p, 0, sizeof(p));
		assert_int_equal(ms_source_read_chunks(&src, "proc/vmallocinfo",
						       chunk, collect, &p, &d),
				 0);
		assert_int_equal(p.len, len);
		assert_memory_equal(p.buf, good, len);
		assert_true(p.max <= chunk);
	}
	memset(&p, 0, sizeof(p));
	p.stop_at = 2;
	assert_int_equal(ms_source_read_chunks(&src, "proc/vmallocinfo", 10,
					       collect, &p, &d),
			 -ECANCELED);
	assert_int_equal(p.calls, 2);
	/* an empty file: @fn is not called */
	write_vmallocinfo("", 0);
	memset(&p, 0, sizeof(p));
	assert_int_equal(ms_source_read_chunks(&src, "proc/vmallocinfo", 0,
					       collect, &p, &d),
			 0);
	assert_int_equal(p.calls, 0);
	ms_source_release(&src);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_everywhere),
		cmocka_unit_test(test_every_chunk_size),
		cmocka_unit_test(test_error_lines),
		cmocka_unit_test(test_abort),
		cmocka_unit_test(test_read_chunks),
		cmocka_unit_test(test_larger_than_buffer),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_source_chunks),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
