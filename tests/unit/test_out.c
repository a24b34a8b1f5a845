// SPDX-License-Identifier: GPL-2.0-or-later
/* The one output path: the same calls give text and JSON. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "out/out.h"
#include "out/units.h"

static void render(struct ms_out *out)
{
	ms_out_set_page_size(out, 4096);
	ms_out_text(out, "head\n");
	ms_out_arr_open(out, "zones");
	ms_out_obj_open(out, NULL);
	ms_out_u64(out, "free_pages", "free %llu", 3);
	ms_out_pages(out, "min_pages", " min %s", 256);
	ms_out_milli(out, "extfrag_index", " %s", -500);
	ms_out_milli(out, "unusable_index", " %s", 437);
	ms_out_bool(out, "ok", " %s", true);
	ms_out_null(out, "promo_pages", " promo %s");
	ms_out_str(out, "hidden", NULL, "json only");
	ms_out_s64(out, "delta", " %lld\n", -5);
	ms_out_obj_close(out);
	ms_out_arr_close(out);
	ms_out_warn(out, "careful %d", 1);
	ms_out_warn(out, "careful %d", 1);
}

static char *run(enum ms_out_mode mode)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct ms_out *out;

	assert_non_null(fp);
	out = ms_out_new(mode, fp, false);
	assert_non_null(out);
	render(out);
	assert_int_equal(ms_out_finish(out), 0);
	ms_out_free(out);
	fclose(fp);
	return buf;
}

static void test_text(void **state)
{
	char *s = run(MS_OUT_TEXT);

	(void)state;
	assert_string_equal(s, "head\nfree 3 min 1.00 MiB -0.500 0.437 yes"
			       " promo - -5\n");
	free(s);
}

static void test_json(void **state)
{
	char *s = run(MS_OUT_JSON);

	(void)state;
	assert_string_equal(s, "{\n"
			       "  \"schema_version\": 1,\n"
			       "  \"zones\": [\n"
			       "    {\n"
			       "      \"free_pages\": 3,\n"
			       "      \"min_pages\": 256,\n"
			       "      \"extfrag_index\": -0.5,\n"
			       "      \"unusable_index\": 0.437,\n"
			       "      \"ok\": true,\n"
			       "      \"promo_pages\": null,\n"
			       "      \"hidden\": \"json only\",\n"
			       "      \"delta\": -5\n"
			       "    }\n"
			       "  ],\n"
			       "  \"warnings\": [\n"
			       "    \"careful 1\"\n"
			       "  ]\n"
			       "}\n");
	free(s);
}

static void test_milli_exact(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct ms_out *out = ms_out_new(MS_OUT_JSON, fp, false);
	int v;

	(void)state;
	/* every thousandth prints as its shortest decimal */
	ms_out_arr_open(out, "v");
	for (v = -1000; v <= 1000; v++)
		ms_out_milli(out, NULL, NULL, v);
	ms_out_arr_close(out);
	ms_out_finish(out);
	ms_out_free(out);
	fclose(fp);
	assert_non_null(strstr(buf, "    0.437,\n"));
	assert_non_null(strstr(buf, "    -0.062,\n"));
	assert_null(strstr(buf, "99999"));
	assert_null(strstr(buf, "00001"));
	free(buf);
}

static void test_units(void **state)
{
	char b[32];

	(void)state;
	assert_string_equal(ms_units_bytes(b, sizeof(b), 0), "0 B");
	assert_string_equal(ms_units_bytes(b, sizeof(b), 1023), "1023 B");
	assert_string_equal(ms_units_bytes(b, sizeof(b), 1024), "1.00 KiB");
	assert_string_equal(ms_units_bytes(b, sizeof(b), 1536), "1.50 KiB");
	assert_string_equal(ms_units_bytes(b, sizeof(b), 16667648), "15.9 MiB");
	assert_string_equal(ms_units_bytes(b, sizeof(b), 1048575), "1.00 MiB");
	assert_string_equal(ms_units_bytes(b, sizeof(b), 500ULL << 30),
			    "500 GiB");
	assert_string_equal(ms_units_count(b, sizeof(b), 999), "999");
	assert_string_equal(ms_units_count(b, sizeof(b), 12345), "12.3k");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_milli_exact),
		cmocka_unit_test(test_units),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
