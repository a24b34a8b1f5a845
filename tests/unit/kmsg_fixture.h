/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_TEST_KMSG_FIXTURE_H
#define MS_TEST_KMSG_FIXTURE_H

/*
 * Reads tests/fixtures/kmsg/<name> (or $MS_FIXTURES/kmsg/<name>) and
 * parses it. The logs there are hand-written in the formats of the
 * kernels they name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc/kmsg.h"

static char *fixture_read(const char *name, size_t *len)
{
	const char *dir = getenv("MS_FIXTURES");
	char path[512];
	char *buf;
	FILE *f;
	long n;

	if (!dir || !*dir)
		dir = "tests/fixtures";
	snprintf(path, sizeof(path), "%s/kmsg/%s", dir, name);
	f = fopen(path, "rb");
	if (!f) {
		print_error(
			"cannot open %s (set MS_FIXTURES to the fixtures directory)\n",
			path);
		fail();
	}
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Parses fixture @name into @km; the text is freed (nothing points into it). */
static void fixture_parse(const char *name, struct ms_kmsg *km)
{
	struct ms_diag diag;
	size_t len;
	char *buf = fixture_read(name, &len);

	memset(&diag, 0, sizeof(diag));
	if (ms_kmsg_parse(km, buf, len, name, &diag)) {
		print_error("%s: %s\n", name, diag.msg);
		fail();
	}
	free(buf);
}

#endif
