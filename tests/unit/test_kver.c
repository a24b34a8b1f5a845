// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Kernel release strings: the forms uname -r prints on mainline,
 * Debian, RHEL and vendor kernels, and text that is not a release.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "lib/kver.h"

static void check(const char *s, unsigned int major, unsigned int minor,
		  unsigned int patch, unsigned int rhel)
{
	struct ms_kver kv;

	assert_int_equal(ms_kver_parse(&kv, s, strlen(s)), 0);
	assert_int_equal(kv.major, major);
	assert_int_equal(kv.minor, minor);
	assert_int_equal(kv.patch, patch);
	assert_int_equal(kv.rhel, rhel);
}

static void test_releases(void **state)
{
	(void)state;
	check("6.18.44-fc-v769", 6, 18, 44, 0);
	check("5.14.0-325.el9.x86_64", 5, 14, 0, 9);
	check("2.6.16", 2, 6, 16, 0);
	check("3.10.0-1160.el7", 3, 10, 0, 7);
	check("4.18.0-553.el8_10.x86_64", 4, 18, 0, 8);
	check("6.1.0-13-amd64", 6, 1, 0, 0);
	check("5.4.0-170-generic", 5, 4, 0, 0);
	check("6.8-rc3", 6, 8, 0, 0);
	check("6.8", 6, 8, 0, 0);
	check("2.6.32.27", 2, 6, 32, 0);
	check("4.9.337", 4, 9, 337, 0);
	check("6.6.0+", 6, 6, 0, 0);
	/* osrelease as read from /proc, with its newline */
	check("6.12.5\n", 6, 12, 5, 0);
	check("  5.10.84 \n", 5, 10, 84, 0);
}

static void test_release_text_kept(void **state)
{
	struct ms_kver kv;
	const char *s = "5.14.0-325.el9.x86_64\n";

	(void)state;
	assert_int_equal(ms_kver_parse(&kv, s, strlen(s)), 0);
	assert_string_equal(kv.release, "5.14.0-325.el9.x86_64");
	/* not NUL-terminated input: only len bytes are read */
	assert_int_equal(ms_kver_parse(&kv, "4.19.0XYZ", 6), 0);
	assert_int_equal(kv.patch, 0);
	assert_string_equal(kv.release, "4.19.0");
}

static void test_not_releases(void **state)
{
	static const char *const bad[] = {
		"",	   "\n",      "linux",	   "6",
		"6.",	   ".6.1",    "6..1",	   "6.x",
		"6.1.",	   "6.1.2.",  "6.1.2.3.4", "0.1.0",
		"100.1.0", "6.256.0", "-6.1",	   "6.1.99999999999",
		"v6.1",
	};
	struct ms_kver kv;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(ms_kver_parse(&kv, bad[i], strlen(bad[i])),
				 -EINVAL);
}

static void test_code(void **state)
{
	struct ms_kver a, b;

	(void)state;
	assert_int_equal(ms_kver_parse(&a, "5.15.171", 8), 0);
	assert_int_equal(ms_kver_parse(&b, "5.15.9", 6), 0);
	assert_true(ms_kver_code(&a) > ms_kver_code(&b));
	assert_true(ms_kver_code(&a) < MS_KVER(5, 16, 0));
	/* 4.9.337 caps at .255, as KERNEL_VERSION() does */
	assert_int_equal(ms_kver_parse(&a, "4.9.337", 7), 0);
	assert_int_equal(ms_kver_code(&a), MS_KVER(4, 9, 255));
	assert_true(ms_kver_code(&a) < MS_KVER(4, 10, 0));
	ms_kver_set(&a, 6, 3, 0);
	assert_string_equal(a.release, "6.3.0");
	assert_int_equal(ms_kver_code(&a), (6u << 16) | (3u << 8));
}

static void test_upstream(void **state)
{
	/* /proc/version of Debian 12's kernel in a QEMU guest */
	static const char debian[] =
		"Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) "
		"(gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU "
		"Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian "
		"6.1.192-2 (2026-11-16)\n";
	/* the compiler's version only: no kernel version named */
	static const char gcc_only[] =
		"Linux version 6.18.0 (u@h) (gcc (Debian 14.2.0-19) 14.2.0, "
		"GNU ld (GNU Binutils for Debian) 2.44) #1 SMP PREEMPT_DYNAMIC "
		"Thu Jan  1 00:00:00 UTC 2026\n";
	static const char mainline[] =
		"Linux version 6.18.0-rc3 (user@host) (gcc 15.1.0) #7 SMP\n";
	struct ms_kver kv;

	(void)state;
	assert_int_equal(ms_kver_upstream(&kv, debian, strlen(debian)), 0);
	assert_int_equal(kv.major, 6);
	assert_int_equal(kv.minor, 1);
	assert_int_equal(kv.patch, 192);
	assert_string_equal(kv.release, "6.1.192-2");
	assert_int_equal(ms_kver_upstream(&kv, gcc_only, strlen(gcc_only)),
			 -ENOENT);
	assert_int_equal(ms_kver_upstream(&kv, mainline, strlen(mainline)),
			 -ENOENT);
	assert_int_equal(ms_kver_upstream(&kv, "", 0), -ENOENT);
	/* cut short after the tag */
	assert_int_equal(ms_kver_upstream(&kv, "PREEMPT Debian ", 15), -ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_releases),
		cmocka_unit_test(test_release_text_kept),
		cmocka_unit_test(test_not_releases),
		cmocka_unit_test(test_code),
		cmocka_unit_test(test_upstream),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
