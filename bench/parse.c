// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Read one file as memscope does and run its parser, for bench/run.sh:
 *
 *	cc -O2 -Isrc -o parse bench/parse.c build/libmemscope.a -ljansson -lm
 *	./parse [-a] KIND FILE
 *
 * KIND is buddyinfo, zoneinfo, pagetypeinfo, meminfo, vmstat, slabinfo,
 * vmallocinfo or kmsg. -a also runs the analysis memscope applies to
 * the parsed file (slab model, vmalloc analysis, GFP_ATOMIC model on a
 * zoneinfo). Exit status 0 when the file parsed, 1 otherwise (the error
 * on stderr, as memscope prints it).
 */
#include <errno.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/atomic.h"
#include "analysis/slab.h"
#include "analysis/vmalloc.h"
#include "proc/kmsg.h"
#include "proc/kv.h"
#include "proc/pagetypeinfo.h"
#include "proc/slabinfo.h"
#include "proc/source.h"
#include "proc/vmallocinfo.h"
#include "proc/zoneinfo.h"
#include "lib/banned.h"

static int analyze_zoneinfo(const struct ms_zoneinfo *zi)
{
	struct ms_atomic_request req = { .cls = MS_GFP_ATOMIC, .node = -1 };
	struct ms_atomic_input in = { .zi = zi };
	struct ms_era era;
	int err = 0;

	ms_era_detect(&era, NULL, NULL);
	in.era = &era;
	for (req.order = 0; req.order < 11 && !err; req.order++) {
		struct ms_atomic_result res;

		err = ms_atomic_eval(&in, &req, &res);
		if (!err)
			ms_atomic_result_release(&res);
	}
	return err;
}

static int run(const char *kind, const char *buf, size_t len, bool analyze,
	       struct ms_diag *diag)
{
	int err = -EINVAL;

	if (!strcmp(kind, "buddyinfo")) {
		struct ms_buddyinfo bi;

		err = ms_buddyinfo_parse(&bi, buf, len, kind, diag);
		if (!err)
			ms_buddyinfo_release(&bi);
	} else if (!strcmp(kind, "zoneinfo")) {
		struct ms_zoneinfo zi;

		err = ms_zoneinfo_parse(&zi, buf, len, kind, diag);
		if (!err && analyze)
			err = analyze_zoneinfo(&zi);
		if (!err)
			ms_zoneinfo_release(&zi);
	} else if (!strcmp(kind, "pagetypeinfo")) {
		struct ms_pagetypeinfo pt;

		err = ms_pagetypeinfo_parse(&pt, buf, len, kind, diag);
		if (!err)
			ms_pagetypeinfo_release(&pt);
	} else if (!strcmp(kind, "meminfo") || !strcmp(kind, "vmstat")) {
		struct ms_kv kv;

		err = kind[0] == 'm' ?
			      ms_meminfo_parse(&kv, buf, len, kind, diag) :
			      ms_vmstat_parse(&kv, buf, len, kind, diag);
		if (!err)
			ms_kv_release(&kv);
	} else if (!strcmp(kind, "slabinfo")) {
		struct ms_slabinfo si;
		struct ms_slab_model m;

		err = ms_slabinfo_parse(&si, buf, len, kind, diag);
		if (!err && analyze) {
			err = ms_slab_model_build(&m, &si, 4096, diag);
			if (!err) {
				ms_slab_sort(&m, MS_SLAB_SORT_OBJS, false);
				ms_slab_model_release(&m);
			}
		}
		ms_slabinfo_release(&si);
	} else if (!strcmp(kind, "vmallocinfo")) {
		struct ms_vmalloc_opts opts = { .page_size_bytes = 4096 };
		struct ms_vmalloc_stats st;
		struct ms_vmallocinfo vi;

		err = ms_vmallocinfo_parse(&vi, buf, len, kind, diag);
		if (!err && analyze) {
			err = ms_vmalloc_analyze(&st, &vi, &opts);
			if (!err)
				ms_vmalloc_stats_release(&st);
		}
		if (!err)
			ms_vmallocinfo_release(&vi);
	} else if (!strcmp(kind, "kmsg")) {
		struct ms_kmsg km;

		err = ms_kmsg_parse(&km, buf, len, kind, diag);
		if (!err)
			ms_kmsg_release(&km);
	} else {
		ms_diag_set(diag, kind, 0, -EINVAL, "unknown kind");
	}
	return err;
}

int main(int argc, char **argv)
{
	struct ms_diag diag = { 0 };
	struct ms_source src;
	char *dir, *base, *buf;
	bool analyze = false;
	char msg[512];
	size_t len;
	int err;

	if (argc > 1 && !strcmp(argv[1], "-a")) {
		analyze = true;
		argv++;
		argc--;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: parse [-a] KIND FILE\n");
		return 2;
	}
	dir = strdup(argv[2]);
	base = strdup(argv[2]);
	if (!dir || !base)
		return 1;
	err = ms_source_init(&src, dirname(dir), &diag);
	if (!err) {
		err = ms_source_read(&src, basename(base), &buf, &len, &diag);
		if (!err) {
			err = run(argv[1], buf, len, analyze, &diag);
			free(buf);
		}
		ms_source_release(&src);
	}
	free(dir);
	free(base);
	if (err) {
		ms_diag_format(&diag, msg, sizeof(msg));
		fprintf(stderr, "parse: %s\n", msg);
		return 1;
	}
	return 0;
}
