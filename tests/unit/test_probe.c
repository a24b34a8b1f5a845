// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The probe file of kmod/probe.c as probe_show() prints it, and the
 * tolerance of memscope validate.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "analysis/validate.h"
#include "proc/probe.h"

static int parse(struct ms_probe *p, const char *text, struct ms_diag *diag)
{
	memset(diag, 0, sizeof(*diag));
	return ms_probe_parse(p, text, strlen(text), "probe", diag);
}

static void expect_error(const char *text, unsigned int line, const char *msg)
{
	struct ms_probe p;
	struct ms_diag diag;

	assert_int_equal(parse(&p, text, &diag), -EINVAL);
	assert_string_equal(diag.file, "probe");
	assert_int_equal(diag.line, line);
	assert_string_equal(diag.msg, msg);
	assert_null(p.zones);
}

static void test_alloc(void **state)
{
	/* kmod/README's example */
	const char *text =
		"probe - version: 1\n"
		"limits max_order=10 max_count=4194304 max_stride=1024\n"
		"alloc order=3 class=atomic node=-1 requested=100 "
		"succeeded=97\n"
		"zone node=0 zone=DMA32 count=60\n"
		"zone node=0 zone=Normal count=37\n"
		"pinned blocks=0 pages=0\n";
	struct ms_probe p;
	struct ms_diag diag;

	(void)state;
	assert_int_equal(parse(&p, text, &diag), 0);
	assert_int_equal(p.version, 1);
	assert_int_equal(p.max_order, 10);
	assert_int_equal(p.max_count, 4194304);
	assert_int_equal(p.max_stride, 1024);
	assert_int_equal(p.cmd, MS_PROBE_ALLOC);
	assert_int_equal(p.order, 3);
	assert_string_equal(p.cls, "atomic");
	assert_int_equal(p.node, -1);
	assert_int_equal(p.requested, 100);
	assert_int_equal(p.succeeded, 97);
	assert_int_equal(p.nr_zones, 2);
	assert_int_equal(ms_probe_zone_count(&p, 0, "DMA32"), 60);
	assert_int_equal(ms_probe_zone_count(&p, 0, "Normal"), 37);
	assert_int_equal(ms_probe_zone_count(&p, 1, "Normal"), 0);
	ms_probe_release(&p);
}

static void test_other_results(void **state)
{
	struct ms_probe p;
	struct ms_diag diag;

	(void)state;
	assert_int_equal(parse(&p,
			       "probe - version: 1\n"
			       "limits max_order=10 max_count=4194304 "
			       "max_stride=1024\n"
			       "none\n"
			       "pinned blocks=0 pages=0\n",
			       &diag),
			 0);
	assert_int_equal(p.cmd, MS_PROBE_NONE);
	ms_probe_release(&p);
	assert_int_equal(parse(&p,
			       "probe - version: 1\n"
			       "limits max_order=10 max_count=4194304 "
			       "max_stride=1024\n"
			       "pin order=5 node=1 requested=20 succeeded=20\n"
			       "zone node=1 zone=Normal count=20\n"
			       "pinned blocks=20 pages=640\n",
			       &diag),
			 0);
	assert_int_equal(p.cmd, MS_PROBE_PIN);
	assert_string_equal(p.cls, "kernel");
	assert_int_equal(p.node, 1);
	assert_int_equal(p.pinned_pages, 640);
	ms_probe_release(&p);
	/* keys and lines of a later version 1 are skipped */
	assert_int_equal(parse(&p,
			       "probe - version: 1.2\n"
			       "limits max_order=10 max_count=4 max_stride=2 "
			       "max_node=3\n"
			       "punch stride=4 freed_pages=24576 ms=12\n"
			       "elapsed ms=12\n"
			       "pinned blocks=8192 pages=8192\n",
			       &diag),
			 0);
	assert_int_equal(p.cmd, MS_PROBE_PUNCH);
	assert_int_equal(p.stride, 4);
	assert_int_equal(p.freed_pages, 24576);
	ms_probe_release(&p);
	assert_int_equal(parse(&p,
			       "probe - version: 1\n"
			       "limits max_order=10 max_count=4 max_stride=2\n"
			       "release freed_pages=8192\n"
			       "pinned blocks=0 pages=0\n",
			       &diag),
			 0);
	assert_int_equal(p.cmd, MS_PROBE_RELEASE);
	ms_probe_release(&p);
}

static void test_errors(void **state)
{
	static const char head[] =
		"probe - version: 1\n"
		"limits max_order=10 max_count=4194304 max_stride=1024\n";
	char buf[512];

	(void)state;
	expect_error("", 0,
		     "expected 'probe - version: N', found an empty file");
	expect_error("probe version 1\n", 1, "expected 'probe - version: N'");
	expect_error("probe - version: 2\n", 1,
		     "format version 2 is not supported (memscope reads "
		     "version 1)");
	expect_error("probe - version: 1\nlimits max_order=10\n", 2,
		     "expected key 'max_count'");
	expect_error("probe - version: 1\n"
		     "limits max_order=32 max_count=1 max_stride=2\n",
		     2, "max_order 32 is above 31");
	snprintf(buf, sizeof(buf), "%spinned blocks=0 pages=0\n", head);
	expect_error(buf, 3,
		     "expected a result line (none, alloc, pin, punch or "
		     "release), found 'pinned'");
	snprintf(buf, sizeof(buf), "%snone\n", head);
	expect_error(buf, 0, "expected a 'pinned' line");
	snprintf(buf, sizeof(buf),
		 "%salloc order=3 class=atomic node=-1 requested=10\n", head);
	expect_error(buf, 3, "expected key 'succeeded'");
	snprintf(buf, sizeof(buf),
		 "%salloc order=3 class=atomic node=-2 requested=10 "
		 "succeeded=1\n",
		 head);
	expect_error(buf, 3, "key 'node': expected a node or -1, found '-2'");
	/* found by fuzz_probe: a zone twice made the lookup pick one */
	snprintf(buf, sizeof(buf),
		 "%snone\nzone node=0 zone=Normal count=30\n"
		 "zone node=1 zone=Normal count=60\n"
		 "zone node=0 zone=Normal count=60\n",
		 head);
	expect_error(buf, 6, "zone node=0 zone=Normal listed twice");
	/* found by fuzz_probe: a control byte in a zone name was kept */
	snprintf(buf, sizeof(buf),
		 "%salloc order=3 class=atomic node=-1 requested=1 "
		 "succeeded=1\nzone node=0 zone=DMA3\023 count=1\n",
		 head);
	expect_error(buf, 4,
		     "key 'zone': expected a name of at most 15 "
		     "characters, found 'DMA3?'");
	snprintf(buf, sizeof(buf),
		 "%salloc order=3 class=at\303\251 node=-1 requested=1 "
		 "succeeded=1\n",
		 head);
	expect_error(buf, 3,
		     "key 'class': expected a name of at most 15 "
		     "characters, found 'at?"
		     "?'");
	snprintf(buf, sizeof(buf),
		 "%salloc order=x class=atomic node=0 requested=10 "
		 "succeeded=1\n",
		 head);
	expect_error(buf, 3,
		     "key 'order': expected an order below 32, found 'x'");
	snprintf(buf, sizeof(buf),
		 "%salloc order=3 order=3 class=atomic node=0 requested=10 "
		 "succeeded=1\n",
		 head);
	expect_error(buf, 3, "key 'order' repeated");
	snprintf(buf, sizeof(buf),
		 "%salloc order=3 class=atomic node=0 requested=10 "
		 "succeeded=1 junk\n",
		 head);
	expect_error(buf, 3, "expected 'key=value', found 'junk'");
	snprintf(buf, sizeof(buf),
		 "%salloc order=3 class=atomic node=0 requested=10 "
		 "succeeded=11\nzone node=0 zone=DMA count=11\n"
		 "pinned blocks=0 pages=0\n",
		 head);
	expect_error(buf, 0, "succeeded 11 is more than requested 10");
	snprintf(buf, sizeof(buf),
		 "%salloc order=3 class=atomic node=0 requested=10 "
		 "succeeded=5\nzone node=0 zone=DMA count=4\n"
		 "pinned blocks=0 pages=0\n",
		 head);
	expect_error(buf, 0, "zone counts sum to 4, expected succeeded 5");
	snprintf(buf, sizeof(buf),
		 "%salloc order=3 class=atomic node=0 requested=10 "
		 "succeeded=5\nzone node=-1 zone=DMA count=5\n"
		 "pinned blocks=0 pages=0\n",
		 head);
	expect_error(buf, 4, "expected a node id, found -1");
	snprintf(buf, sizeof(buf),
		 "%salloc order=3 class=atomic node=0 requested=10 "
		 "succeeded=5\nzone node=0 zone=DMA count=five\n"
		 "pinned blocks=0 pages=0\n",
		 head);
	expect_error(buf, 4, "key 'count': expected a number, found 'five'");
}

static void test_tolerance(void **state)
{
	struct ms_zone z;

	(void)state;
	memset(&z, 0, sizeof(z));
	z.pcp_batch = 63;
	z.nr_cpus = 2;
	/* the pcp term: 126 requests while 5 % of actual is smaller */
	assert_int_equal(ms_validate_tolerance(&z, 0), 126);
	assert_int_equal(ms_validate_tolerance(&z, 2539), 126);
	/* 5 % of 2540 is 127; of 484000, 24200; floor of 5 % of 2559 */
	assert_int_equal(ms_validate_tolerance(&z, 2540), 127);
	assert_int_equal(ms_validate_tolerance(&z, 2559), 127);
	assert_int_equal(ms_validate_tolerance(&z, 484000), 24200);
	assert_int_equal(ms_validate_tolerance(NULL, 19), 0);
	assert_int_equal(ms_validate_tolerance(NULL, UINT64_MAX),
			 UINT64_MAX / 20);

	assert_int_equal(ms_validate_error(100, 97), -3);
	assert_int_equal(ms_validate_error(97, 100), 3);
	assert_true(ms_validate_error(0, UINT64_MAX) == INT64_MAX);
	assert_true(ms_validate_error(UINT64_MAX, 0) == -INT64_MAX);
	assert_true(ms_validate_within(-126, 126));
	assert_false(ms_validate_within(-127, 126));
	assert_true(ms_validate_within(126, 126));
	assert_false(ms_validate_within(127, 126));
	assert_true(ms_validate_within(0, 0));

	/* predicted + 10 % + slack + 64, capped */
	assert_int_equal(ms_validate_request(1000, 126, 4194304), 1290);
	assert_int_equal(ms_validate_request(0, 0, 4194304), 64);
	assert_int_equal(ms_validate_request(10000000, 0, 4194304), 4194304);
	assert_int_equal(ms_validate_request(UINT64_MAX, UINT64_MAX, 7), 7);
	assert_int_equal(ms_validate_request(0, 0, 0), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc),
		cmocka_unit_test(test_other_results),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_tolerance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
