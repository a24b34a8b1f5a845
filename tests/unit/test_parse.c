// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "lib/parse.h"
#include "proc/kv.h"
#include "proc/snapshot.h"

#define S(x) x, strlen(x)

static void test_u64(void **state)
{
	uint64_t v;
	int64_t s;

	(void)state;
	assert_int_equal(ms_parse_u64(S("0"), &v), 0);
	assert_true(v == 0);
	assert_int_equal(ms_parse_u64(S("18446744073709551615"), &v), 0);
	assert_true(v == UINT64_MAX);
	assert_int_equal(ms_parse_u64(S("18446744073709551616"), &v), -ERANGE);
	assert_int_equal(ms_parse_u64(S("99999999999999999999"), &v), -ERANGE);
	assert_int_equal(ms_parse_u64(S(""), &v), -EINVAL);
	assert_int_equal(ms_parse_u64(S("-1"), &v), -EINVAL);
	assert_int_equal(ms_parse_u64(S("+1"), &v), -EINVAL);
	assert_int_equal(ms_parse_u64(S("1 "), &v), -EINVAL);
	assert_int_equal(ms_parse_u64(S("0x10"), &v), -EINVAL);
	assert_int_equal(ms_parse_s64(S("-9223372036854775808"), &s), 0);
	assert_true(s == INT64_MIN);
	assert_int_equal(ms_parse_s64(S("-9223372036854775809"), &s), -ERANGE);
	assert_int_equal(ms_parse_s64(S("9223372036854775808"), &s), -ERANGE);
	assert_int_equal(ms_parse_s64(S("-"), &s), -EINVAL);
	assert_int_equal(ms_parse_hex_u64(S("0xffffffffffffffff"), &v), 0);
	assert_true(v == UINT64_MAX);
	assert_int_equal(ms_parse_hex_u64(S("1ffffffffffffffff"), &v), -ERANGE);
	assert_int_equal(ms_parse_hex_u64(S("0x"), &v), -EINVAL);
	assert_int_equal(ms_parse_hex_u64(S("A0"), &v), 0);
	assert_true(v == 0xa0);
}

static void test_cursor(void **state)
{
	const char text[] = "one\n\ntwo three\nlast";
	struct ms_cursor c;
	const char *line;
	size_t n;

	(void)state;
	ms_cursor_init(&c, text, strlen(text));
	assert_int_equal(ms_cursor_next(&c, &line, &n), 1);
	assert_int_equal(n, 3);
	assert_int_equal(ms_cursor_next(&c, &line, &n), 1);
	assert_int_equal(n, 0);
	assert_int_equal(ms_cursor_next(&c, &line, &n), 1);
	assert_int_equal(c.lineno, 3);
	assert_int_equal(ms_cursor_next(&c, &line, &n), 1);
	assert_memory_equal(line, "last", 4);
	assert_int_equal(c.lineno, 4);
	assert_int_equal(ms_cursor_next(&c, &line, &n), 0);
}

static void test_tokenize(void **state)
{
	struct ms_tok t[3];

	(void)state;
	assert_int_equal(ms_tokenize(S("  a\tbb  c \r"), t, 3), 3);
	assert_true(ms_tok_eq(&t[1], "bb"));
	assert_true(ms_tok_eq(&t[2], "c"));
	assert_int_equal(ms_tokenize(S("a b c d"), t, 3), -E2BIG);
	assert_int_equal(ms_tokenize(S("   "), t, 3), 0);
}

static void test_quote(void **state)
{
	char q[64];

	(void)state;
	assert_string_equal(ms_quote_tok(q, sizeof(q), "a\x01z", 3), "a?z");
	assert_string_equal(ms_quote_tok(q, sizeof(q),
					 "0123456789012345678901234567890123456789xyz",
					 43),
			    "0123456789012345678901234567890123456789...");
}

static void test_meminfo(void **state)
{
	const char *text = "MemTotal:       16042172 kB\n"
			   "Active(anon):      12 kB\n"
			   "HugePages_Total:       0\n";
	struct ms_diag d = { 0 };
	struct ms_kv kv;
	uint64_t v;

	(void)state;
	assert_int_equal(ms_meminfo_parse(&kv, text, strlen(text), "meminfo",
					  &d),
			 0);
	assert_true(ms_kv_get(&kv, "MemTotal", &v) && v == 16042172);
	assert_true(ms_kv_get(&kv, "Active(anon)", &v) && v == 12);
	assert_true(ms_kv_get(&kv, "HugePages_Total", &v) && v == 0);
	assert_true(kv.items[0].unit_kb && !kv.items[2].unit_kb);
	assert_false(ms_kv_get(&kv, "MemFree", &v));
	ms_kv_release(&kv);

	assert_int_equal(ms_meminfo_parse(&kv, S("MemTotal: 1 kB\nMemFree 2 kB\n"),
					  "meminfo", &d),
			 -EINVAL);
	assert_int_equal(d.line, 2);
	assert_string_equal(d.msg, "expected 'Key:', found 'MemFree'");
	assert_int_equal(ms_meminfo_parse(&kv, S("MemTotal: 1 MB\n"), "meminfo",
					  &d),
			 -EINVAL);
	assert_string_equal(d.msg, "expected unit 'kB', found 'MB'");
	assert_int_equal(ms_meminfo_parse(&kv, S("A: 1 kB\nA: 2 kB\n"),
					  "meminfo", &d),
			 -EINVAL);
	assert_string_equal(d.msg, "'A' appears twice");
	assert_int_equal(ms_meminfo_parse(&kv, S(""), "meminfo", &d), -EINVAL);
	assert_string_equal(d.msg, "empty file, expected counters");
}

static void test_vmstat(void **state)
{
	struct ms_diag d = { 0 };
	struct ms_kv kv;
	uint64_t v;

	(void)state;
	assert_int_equal(ms_vmstat_parse(&kv, S("nr_free_pages 123\n"
						"compact_stall 4"),
					 "vmstat", &d),
			 0);
	assert_true(ms_kv_get(&kv, "compact_stall", &v) && v == 4);
	ms_kv_release(&kv);
	assert_int_equal(ms_vmstat_parse(&kv, S("nr_free_pages -3\n"), "vmstat",
					 &d),
			 -EINVAL);
	assert_string_equal(d.msg, "expected a number, found '-3'");
	assert_int_equal(ms_vmstat_parse(&kv, S("a 1 2\n"), "vmstat", &d),
			 -EINVAL);
	assert_string_equal(d.msg, "expected 'name value', found 'a 1 2'");
}

static void test_meta(void **state)
{
	struct ms_meta m = { 0 };
	struct ms_diag d = { 0 };

	(void)state;
	assert_int_equal(ms_meta_parse(&m, S("# c\npage_size=65536\n"
					    "kernel_release=6.1.0-13-arm64\n"
					    "unreadable=proc/slabinfo: x\n"),
				       "meta", &d),
			 0);
	assert_true(m.page_size == 65536);
	assert_string_equal(m.kernel_release, "6.1.0-13-arm64");
	assert_int_equal(ms_meta_parse(&m, S("page_size=4000\n"), "meta", &d),
			 -EINVAL);
	assert_string_equal(d.msg, "expected a power-of-two page size");
	assert_int_equal(ms_meta_parse(&m, S("junk\n"), "meta", &d), -EINVAL);
	assert_string_equal(d.msg, "expected 'key=value'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_u64),     cmocka_unit_test(test_cursor),
		cmocka_unit_test(test_tokenize), cmocka_unit_test(test_quote),
		cmocka_unit_test(test_meminfo), cmocka_unit_test(test_vmstat),
		cmocka_unit_test(test_meta),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
