/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_FUZZ_H
#define MS_FUZZ_H

/*
 * Shared by the libFuzzer harnesses tests/fuzz/fuzz_*.c. Each harness
 * hands the raw input to one parser, checks what every parser promises
 * about failures, and runs the analysis that sits on top of the parser
 * when the input parsed. A failed check aborts, which libFuzzer reports
 * as a crash with the input saved.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * A failure is a negative errno equal to @diag->err, with a message that
 * prints as one line: non-empty, printable, no newline, and @file set
 * unless the parser takes no file name (@need_file false).
 */
static inline void fuzz_check_diag(int ret, const struct ms_diag *diag,
				   int need_file)
{
	char line[512];
	size_t i;

	if (ret > 0)
		abort();
	if (ret == 0)
		return;
	if (diag->err != ret || !diag->msg[0] || (need_file && !diag->file[0]))
		abort();
	ms_diag_format(diag, line, sizeof(line));
	for (i = 0; line[i]; i++)
		if (!isprint((unsigned char)line[i]))
			abort();
}

/*
 * Names kept from the input end up in text output: no control bytes
 * but the tab (a blank inside a slab cache name). Bytes above 0x7e are
 * left to the views (UTF-8 in names is printed).
 */
static inline void fuzz_check_name(const char *s)
{
	for (; *s; s++)
		if (((unsigned char)*s < 0x20 && *s != '\t') || *s == 0x7f)
			abort();
}

/*
 * Splits @data at the first occurrence of the line "%%\n" (or at the end)
 * for harnesses that take several files in one input.
 */
static inline size_t fuzz_split(const char *data, size_t size,
				const char **rest, size_t *rest_len)
{
	size_t i;

	for (i = 0; i + 3 <= size; i++) {
		if ((i == 0 || data[i - 1] == '\n') && data[i] == '%' &&
		    data[i + 1] == '%' && data[i + 2] == '\n') {
			*rest = data + i + 3;
			*rest_len = size - i - 3;
			return i;
		}
	}
	*rest = data + size;
	*rest_len = 0;
	return size;
}

#endif
