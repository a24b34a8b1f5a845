// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Properties of the watermark model on every zone of every real capture
 * in $MS_CORPUS (zoneinfo, with the same machine's buddyinfo and
 * pagetypeinfo when the corpus has them), for every node, class, zone
 * limit and order:
 *   - the headroom of a zone never rises with the order;
 *   - atomic >= nowait >= kernel headroom >= 0 (each class may take
 *     everything the next one may);
 *   - a zone that fails the check now has headroom 0, and one that
 *     passes has headroom >= 1;
 *   - headroom x 2^order never exceeds the zone's free pages.
 * Skipped with a message when $MS_CORPUS is unset.
 */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/atomic.h"
#include "analysis/era.h"
#include "lib/kver.h"
#include "proc/buddyinfo.h"
#include "proc/pagetypeinfo.h"
#include "proc/source.h"
#include "proc/zoneinfo.h"
#include "lib/banned.h"

static struct ms_source corpus;
static bool have_corpus;

static int corpus_open(void **state)
{
	const char *dir = getenv("MS_CORPUS");
	struct ms_diag d = { 0 };

	(void)state;
	if (!dir || !*dir || ms_source_init(&corpus, dir, &d) ||
	    !ms_source_exists(&corpus, "zoneinfo")) {
		print_message("no corpus (MS_CORPUS): skipping the model "
			      "properties on real captures\n");
		return 0;
	}
	have_corpus = true;
	return 0;
}

static int corpus_close(void **state)
{
	(void)state;
	if (have_corpus)
		ms_source_release(&corpus);
	return 0;
}

/* Parses DIR/NAME with @parse when it exists; false when absent. */
static bool load(const char *dir, const char *name, void *obj,
		 int (*parse)(void *, const char *, size_t, const char *,
			      struct ms_diag *))
{
	struct ms_diag d = { 0 };
	char path[512], *buf;
	size_t len;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!ms_source_exists(&corpus, path))
		return false;
	assert_int_equal(ms_source_read(&corpus, path, &buf, &len, &d), 0);
	if (parse(obj, buf, len, path, &d))
		fail_msg("%s: %s", path, d.msg);
	free(buf);
	return true;
}

static int parse_zi(void *o, const char *b, size_t l, const char *n,
		    struct ms_diag *d)
{
	return ms_zoneinfo_parse(o, b, l, n, d);
}

static int parse_bi(void *o, const char *b, size_t l, const char *n,
		    struct ms_diag *d)
{
	return ms_buddyinfo_parse(o, b, l, n, d);
}

static int parse_pt(void *o, const char *b, size_t l, const char *n,
		    struct ms_diag *d)
{
	return ms_pagetypeinfo_parse(o, b, l, n, d);
}

static unsigned int checked;

/*
 * Each capture under the rules its fields imply, and under the rules of
 * kernels whose checks differ (the <= 4.3 loop, 4.4, 5.4, 6.1, 6.12, 6.18).
 */
static const char *const eras[] = { NULL,  "3.10", "4.4", "5.4",
				    "6.1", "6.12", "6.18" };

static void check_capture(const char *name, const char *release)
{
	static const enum ms_gfp_zone limits[] = { MS_GFPZ_NORMAL,
						   MS_GFPZ_DMA32, MS_GFPZ_DMA };
	struct ms_zoneinfo zi;
	struct ms_buddyinfo bi;
	struct ms_pagetypeinfo pt;
	struct ms_era_features f;
	struct ms_era era;
	bool have_bi, have_pt;
	unsigned int nr_orders, o;
	size_t n, l, z;
	int cls;

	assert_true(load("zoneinfo", name, &zi, parse_zi));
	have_bi = load("buddyinfo", name, &bi, parse_bi);
	have_pt = load("pagetypeinfo", name, &pt, parse_pt);
	/* the same machine only when the zones agree */
	if (have_bi && bi.nr_zones &&
	    !ms_zoneinfo_find(&zi, bi.zones[0].node, bi.zones[0].zone)) {
		ms_buddyinfo_release(&bi);
		have_bi = false;
	}
	if (have_pt && have_bi && pt.nr_orders != bi.nr_orders) {
		ms_pagetypeinfo_release(&pt);
		have_pt = false;
	}
	if (release) {
		struct ms_kver kv;

		assert_int_equal(ms_kver_parse(&kv, release, strlen(release)),
				 0);
		ms_era_override(&era, &kv);
	} else {
		ms_era_features_scan(&f, &zi, have_pt ? &pt : NULL);
		ms_era_detect(&era, NULL, &f);
	}
	nr_orders = have_bi ? bi.nr_orders : have_pt ? pt.nr_orders : 11;
	for (n = 0; n < zi.nr_nodes; n++) {
		for (l = 0; l < ARRAY_SIZE(limits); l++) {
			uint64_t prev[MS_GFP_NR_CLASSES][64];

			memset(prev, 0xff, sizeof(prev));
			for (o = 0; o < nr_orders; o++) {
				struct ms_atomic_result res[MS_GFP_NR_CLASSES];
				struct ms_atomic_input in = {
					&zi, have_bi ? &bi : NULL,
					have_pt ? &pt : NULL, &era
				};
				int err = 0;

				for (cls = 0; cls < MS_GFP_NR_CLASSES; cls++) {
					struct ms_atomic_request req = {
						(enum ms_gfp_class)cls,
						limits[l], o, zi.nodes[n].node
					};

					err = ms_atomic_eval(&in, &req,
							     &res[cls]);
					if (err)
						break;
				}
				if (err ==
				    -ENOENT) /* node without such zones */
					break;
				assert_int_equal(err, 0);
				for (z = 0; z < res[0].nr_zones; z++) {
					const struct ms_atomic_zone *a =
						&res[MS_GFP_ATOMIC].zones[z];
					const struct ms_atomic_zone *w =
						&res[MS_GFP_NOWAIT].zones[z];
					const struct ms_atomic_zone *k =
						&res[MS_GFP_KERNEL].zones[z];

					for (cls = 0; cls < MS_GFP_NR_CLASSES;
					     cls++) {
						const struct ms_atomic_zone *c =
							&res[cls].zones[z];

						if (!c->passes)
							assert_true(
								c->headroom ==
								0);
						else
							assert_true(
								c->headroom >=
								1);
						assert_true(c->headroom <=
							    prev[cls][z]);
						assert_true(
							(c->headroom << o) <=
							(uint64_t)
								c->free_pages);
						prev[cls][z] = c->headroom;
					}
					if (!(a->headroom >= w->headroom &&
					      w->headroom >= k->headroom))
						fail_msg(
							"%s node %d zone %s order %u: "
							"atomic %llu nowait %llu kernel %llu",
							name, zi.nodes[n].node,
							a->zone->name, o,
							(unsigned long long)
								a->headroom,
							(unsigned long long)
								w->headroom,
							(unsigned long long)
								k->headroom);
					checked++;
				}
				for (cls = 0; cls < MS_GFP_NR_CLASSES; cls++)
					ms_atomic_result_release(&res[cls]);
			}
		}
	}
	if (have_pt)
		ms_pagetypeinfo_release(&pt);
	if (have_bi)
		ms_buddyinfo_release(&bi);
	ms_zoneinfo_release(&zi);
}

static void test_properties(void **state)
{
	struct ms_diag d = { 0 };
	char **names;
	int n, i;

	(void)state;
	if (!have_corpus)
		skip();
	n = ms_source_list(&corpus, "zoneinfo", &names, &d);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		size_t e;

		for (e = 0; e < ARRAY_SIZE(eras); e++)
			check_capture(names[i], eras[e]);
	}
	ms_source_list_free(names, n);
	print_message("checked %u (capture, node, limit, order, zone) cases\n",
		      checked);
	assert_true(checked > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_properties),
	};

	return cmocka_run_group_tests(tests, corpus_open, corpus_close);
}
