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
	assert_string_equal(
		ms_quote_tok(q, sizeof(q),
			     "0123456789012345678901234567890123456789xyz", 43),
		"0123456789012345678901234567890123456789...");
}

static void test_diag_helpers(void **state)
{
	struct ms_diag d;
	char line[400];

	(void)state;
	assert_int_equal(ms_diag_oom(&d, "zoneinfo"), -ENOMEM);
	ms_diag_format(&d, line, sizeof(line));
	assert_string_equal(line, "zoneinfo: out of memory");
	assert_int_equal(ms_diag_expected(&d, "pagetypeinfo", 7,
					  "a block count", "1x\t2", 4),
			 -EINVAL);
	assert_int_equal(d.err, -EINVAL);
	ms_diag_format(&d, line, sizeof(line));
	assert_string_equal(
		line, "pagetypeinfo:7: expected a block count, found '1x?2'");
	/* no diag: only the code */
	assert_int_equal(ms_diag_oom(NULL, "x"), -ENOMEM);
	assert_int_equal(ms_diag_expected(NULL, "x", 1, "y", "z", 1), -EINVAL);
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
	assert_int_equal(
		ms_meminfo_parse(&kv, text, strlen(text), "meminfo", &d), 0);
	assert_true(ms_kv_get(&kv, "MemTotal", &v) && v == 16042172);
	assert_true(ms_kv_get(&kv, "Active(anon)", &v) && v == 12);
	assert_true(ms_kv_get(&kv, "HugePages_Total", &v) && v == 0);
	assert_true(kv.items[0].unit_kb && !kv.items[2].unit_kb);
	assert_false(ms_kv_get(&kv, "MemFree", &v));
	ms_kv_release(&kv);

	assert_int_equal(ms_meminfo_parse(&kv,
					  S("MemTotal: 1 kB\nMemFree 2 kB\n"),
					  "meminfo", &d),
			 -EINVAL);
	assert_int_equal(d.line, 2);
	assert_string_equal(d.msg, "expected 'Key:', found 'MemFree'");
	assert_int_equal(
		ms_meminfo_parse(&kv, S("MemTotal: 1 MB\n"), "meminfo", &d),
		-EINVAL);
	assert_string_equal(d.msg, "expected unit 'kB', found 'MB'");
	assert_int_equal(
		ms_meminfo_parse(&kv, S("A: 1 kB\nA: 2 kB\n"), "meminfo", &d),
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
	assert_int_equal(ms_vmstat_parse(&kv,
					 S("nr_free_pages 123\n"
					   "compact_stall 4"),
					 "vmstat", &d),
			 0);
	assert_true(ms_kv_get(&kv, "compact_stall", &v) && v == 4);
	ms_kv_release(&kv);
	assert_int_equal(
		ms_vmstat_parse(&kv, S("nr_free_pages -3\n"), "vmstat", &d),
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
	assert_int_equal(ms_meta_parse(&m,
				       S("# c\npage_size=65536\n"
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

/* the scanners against plain byte loops, on every path of each */
static void test_scan_hex(void **state)
{
	/* 16 bytes or more take the eight-at-a-time path, fewer do not */
	static const struct {
		const char *s;
		size_t n;
		uint64_t v;
	} cases[] = {
		{ "0-pad-pad-pad-pad-pad", 1, 0 },
		{ "fFaA09-pad-pad-pad-pad", 6, 0xffaa09 },
		{ "1234567 pad-pad-pad-pad", 7, 0x1234567 },
		{ "89abcdef pad-pad-pad-pad", 8, 0x89abcdef },
		{ "89ABCDEF0 pad-pad-pad-pad", 9, 0x89abcdef0 },
		{ "ffffb3c1c000000-pad-pad", 15, 0xffffb3c1c000000 },
		{ "ffffb3c1c0000000-pad-pad", 16, 0xffffb3c1c0000000 },
		{ "ffffffffffffffff", 16, UINT64_MAX },
		{ "ffffb3c1c0000000f-pad-pad", 17, 0 },
		{ "00000000000000001", 17, 0 },
		{ "g0000000000000000", 0, 0 },
		{ "/0000000000000000", 0, 0 },
		{ ":0000000000000000", 0, 0 },
		{ "@0000000000000000", 0, 0 },
		{ "`0000000000000000", 0, 0 },
		{ "G0000000000000000", 0, 0 },
		{ "1\x31"
		  "2\x11"
		  "00000000000000",
		  3, 0x112 },
		{ "12\xc1"
		  "0000000000000000",
		  2, 0x12 },
		{ "1234\xb0"
		  "000000000000000",
		  4, 0x1234 },
		{ "abc", 3, 0xabc },
		{ "", 0, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint64_t v = 42;
		size_t n = ms_scan_hex(cases[i].s, strlen(cases[i].s), &v);

		assert_int_equal(n, cases[i].n);
		if (n >= 1 && n <= 16)
			assert_int_equal(v, cases[i].v);
	}
	/* never past @avail */
	{
		uint64_t v;

		assert_int_equal(ms_scan_hex("ffffffffffffffffff", 3, &v), 3);
		assert_int_equal(v, 0xfff);
	}
}

static void test_scan_dec(void **state)
{
	uint64_t v = 0;

	(void)state;
	assert_int_equal(ms_scan_dec("", 0, &v), 0);
	assert_int_equal(ms_scan_dec("x1", 2, &v), 0);
	assert_int_equal(ms_scan_dec("0", 1, &v), 1);
	assert_int_equal(v, 0);
	assert_int_equal(ms_scan_dec("8192 pages", 10, &v), 4);
	assert_int_equal(v, 8192);
	assert_int_equal(ms_scan_dec("9999999999999999999", 19, &v), 19);
	assert_int_equal(v, 9999999999999999999ull);
	/* 20 digits may overflow: reported as such, left to ms_parse_u64 */
	assert_int_equal(ms_scan_dec("18446744073709551615", 20, &v), 20);
	assert_int_equal(ms_scan_dec("184467440737095516150000", 24, &v), 20);
	assert_int_equal(ms_scan_dec("123456", 3, &v), 3);
	assert_int_equal(v, 123);
	assert_int_equal(ms_scan_dec("12/", 3, &v), 2);
	assert_int_equal(ms_scan_dec("12:", 3, &v), 2);
	assert_int_equal(v, 12);
}

static size_t ref_graph(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] >= '!' && s[i] <= '~')
		i++;
	return i;
}

static size_t ref_spaces(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == ' ')
		i++;
	return i;
}

static void test_spans(void **state)
{
	static const char stops[] = " \t\r\n\x01\x1f\x7f\x80\xa0\xff!~";
	char buf[40];
	size_t len, at, k;

	(void)state;
	/* every stop byte at every position, in every length */
	for (len = 0; len <= 24; len++) {
		for (at = 0; at <= len; at++) {
			for (k = 0; k < sizeof(stops) - 1; k++) {
				memset(buf, 'a', sizeof(buf));
				if (at < len)
					buf[at] = stops[k];
				assert_int_equal(ms_span_graph(buf, len),
						 ref_graph(buf, len));
				memset(buf, ' ', sizeof(buf));
				if (at < len)
					buf[at] = stops[k];
				assert_int_equal(ms_span_spaces(buf, len),
						 ref_spaces(buf, len));
			}
		}
	}
	assert_int_equal(ms_span_graph("sym+0x1/0x2 [mod]", 17), 11);
	assert_int_equal(ms_span_spaces("        x", 9), 8);
}

/* lines of every length, NUL bytes, CRLF, no newline at the end */
static void test_cursor_scan(void **state)
{
	char buf[700];
	struct ms_cursor c;
	const char *line;
	size_t n, len, at;

	(void)state;
	for (len = 0; len < 300; len += 7) {
		memset(buf, 'x', len);
		buf[len] = '\n';
		memcpy(buf + len + 1, "tail\r\n", 6);
		ms_cursor_init(&c, buf, len + 7);
		assert_int_equal(ms_cursor_next(&c, &line, &n), 1);
		assert_ptr_equal(line, buf);
		assert_int_equal(n, len);
		assert_int_equal(ms_cursor_next(&c, &line, &n), 1);
		assert_int_equal(n, 5);
		assert_memory_equal(line, "tail\r", 5);
		assert_int_equal(c.lineno, 2);
		assert_int_equal(ms_cursor_next(&c, &line, &n), 0);
		/* the same without the final newline */
		ms_cursor_init(&c, buf, len + 6);
		assert_int_equal(ms_cursor_next(&c, &line, &n), 1);
		assert_int_equal(ms_cursor_next(&c, &line, &n), 1);
		assert_int_equal(n, 5);
		assert_int_equal(ms_cursor_next(&c, &line, &n), 0);
		/* a NUL anywhere in the first line, before or after 256 */
		for (at = 0; at < len; at += 5) {
			memset(buf, 'x', len);
			buf[at] = '\0';
			ms_cursor_init(&c, buf, len + 7);
			assert_int_equal(ms_cursor_next(&c, &line, &n),
					 -EINVAL);
			assert_int_equal(n, len);
			assert_int_equal(c.lineno, 1);
			assert_int_equal(ms_cursor_next(&c, &line, &n), 1);
			assert_int_equal(n, 5);
		}
	}
	/* a NUL just after the newline belongs to the next line */
	memcpy(buf, "abcdefghij\n\0z\n", 14);
	ms_cursor_init(&c, buf, 14);
	assert_int_equal(ms_cursor_next(&c, &line, &n), 1);
	assert_int_equal(n, 10);
	assert_int_equal(ms_cursor_next(&c, &line, &n), -EINVAL);
	assert_int_equal(n, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_u64),
		cmocka_unit_test(test_cursor),
		cmocka_unit_test(test_tokenize),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_diag_helpers),
		cmocka_unit_test(test_meminfo),
		cmocka_unit_test(test_vmstat),
		cmocka_unit_test(test_meta),
		cmocka_unit_test(test_scan_hex),
		cmocka_unit_test(test_scan_dec),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_cursor_scan),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
