// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ms_units_bytes() formats with integer arithmetic where the double it
 * stands for is exact: it must print what printf("%.Nf") prints for that
 * double, the reference below, on every boundary and many random values.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "out/units.h"
#include "lib/banned.h"

/* the floating point formatting ms_units_bytes() had before */
static const char *reference(char *buf, size_t size, uint64_t v)
{
	static const char *const sfx[] = { " B",   " KiB", " MiB", " GiB",
					   " TiB", " PiB", " EiB" };
	double d = (double)v;
	int i = 0;

	if (v < 1024) {
		snprintf(buf, size, "%llu B", (unsigned long long)v);
		return buf;
	}
	while (d >= 1024 && i < 6) {
		d /= 1024;
		i++;
	}
	if (d >= 999.5 && i < 6) {
		d /= 1024;
		i++;
	}
	if (d < 9.995)
		snprintf(buf, size, "%.2f%s", d, sfx[i]);
	else if (d < 99.95)
		snprintf(buf, size, "%.1f%s", d, sfx[i]);
	else
		snprintf(buf, size, "%.0f%s", d, sfx[i]);
	return buf;
}

static uint64_t checked;

static void same(uint64_t v)
{
	char a[32], b[32];

	ms_units_bytes(a, sizeof(a), v);
	reference(b, sizeof(b), v);
	if (strcmp(a, b)) {
		print_error("%llu: \"%s\", printf gives \"%s\"\n",
			    (unsigned long long)v, a, b);
		fail();
	}
	checked++;
}

/* xorshift64*: the same values every run */
static uint64_t rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static void test_small_values(void **state)
{
	uint64_t v;

	(void)state;
	for (v = 0; v < (1u << 22); v++)
		same(v);
}

/* around every switch of decimals and unit, and every rounding tie */
static void test_boundaries(void **state)
{
	static const double marks[] = { 9.995, 99.95, 999.5, 1, 10, 100 };
	unsigned int i, m;
	int64_t k;

	(void)state;
	for (i = 1; i <= 5; i++) {
		for (m = 0; m < sizeof(marks) / sizeof(marks[0]); m++) {
			uint64_t c = (uint64_t)(marks[m] *
						(double)(1ULL << (10 * i)));

			for (k = -3000; k <= 3000; k++)
				same(c + (uint64_t)k);
		}
		/* ties: x.xx5 exactly, at every power of two that makes them */
		for (k = 0; k < 20000; k++)
			same(((uint64_t)k << (10 * i)) / 200);
	}
	same(UINT64_MAX);
	same((1ULL << 53) - 1);
	same(1ULL << 53);
	same((1ULL << 53) + 1);
}

static void test_random(void **state)
{
	uint64_t s = 0x9e3779b97f4a7c15ULL;
	int i;

	(void)state;
	for (i = 0; i < 2000000; i++) {
		uint64_t v = rnd(&s);

		same(v >> (rnd(&s) % 64));
	}
	print_message("%llu values compared with printf\n",
		      (unsigned long long)checked);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_values),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
