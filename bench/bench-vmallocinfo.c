// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Time ms_vmallocinfo_parse() and ms_vmalloc_analyze() on one file:
 *
 *	make build/libmemscope.a
 *	cc -O2 -Isrc -o /tmp/bench-vmallocinfo bench/bench-vmallocinfo.c \
 *		build/libmemscope.a
 *	bench/gen-vmallocinfo.py 1000000 > /tmp/vmallocinfo.1M
 *	/tmp/bench-vmallocinfo /tmp/vmallocinfo.1M [runs]
 *
 * Prints the best of the runs (default 5), with the file already in
 * memory: the time memscope adds on top of reading /proc.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "analysis/vmalloc.h"
#include "lib/banned.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	struct ms_vmalloc_opts opts = {
		.page_size_bytes = 4096,
		.total_bytes = 34359738367ull * 1024,
	};
	double best_parse = 1e30, best_analyze = 1e30;
	int runs = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 5;
	size_t len = 0, cap = 1 << 20;
	char *buf = malloc(cap);
	FILE *f;
	int i;

	if (argc < 2 || !buf || runs < 1) {
		fprintf(stderr, "usage: %s FILE [RUNS]\n", argv[0]);
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	for (;;) {
		size_t got;

		if (cap - len < 65536) {
			char *nb = realloc(buf, cap * 2);

			if (!nb)
				return 1;
			buf = nb;
			cap *= 2;
		}
		got = fread(buf + len, 1, cap - len, f);
		if (!got)
			break;
		len += got;
	}
	fclose(f);

	for (i = 0; i < runs; i++) {
		struct ms_vmallocinfo vi;
		struct ms_vmalloc_stats st;
		struct ms_diag diag = { 0 };
		double t0, t1, t2;

		t0 = now_ms();
		if (ms_vmallocinfo_parse(&vi, buf, len, argv[1], &diag)) {
			char msg[512];

			ms_diag_format(&diag, msg, sizeof(msg));
			fprintf(stderr, "%s\n", msg);
			return 1;
		}
		t1 = now_ms();
		if (ms_vmalloc_analyze(&st, &vi, &opts))
			return 1;
		t2 = now_ms();
		if (t1 - t0 < best_parse)
			best_parse = t1 - t0;
		if (t2 - t1 < best_analyze)
			best_analyze = t2 - t1;
		if (i == runs - 1)
			printf("%zu areas, %zu callers, %zu bytes of text: "
			       "parse %.1f ms, analyze %.1f ms (best of %d)\n",
			       vi.nr_areas, vi.nr_callers, len, best_parse,
			       best_analyze, runs);
		ms_vmalloc_stats_release(&st);
		ms_vmallocinfo_release(&vi);
	}
	free(buf);
	return 0;
}
