// SPDX-License-Identifier: GPL-2.0-or-later
/* Human-readable units, shared by the text output and the TUI. */
#include <stdio.h>

#include "out/units.h"
#include "lib/banned.h"

/*
 * "IP.FFsfx" into @buf: @v / 2^@shift rounded to @decimals (0 to 2)
 * places, ties to even. That is what printf("%.2f") prints for the double
 * v / 2^shift, which is exact for v < 2^53, at a tenth of the cost: a
 * text listing of thousands of slab caches spent a sixth of its time in
 * printf's floating point.
 */
static const char *fixed(char *buf, size_t size, uint64_t v, unsigned int shift,
			 unsigned int decimals, const char *sfx)
{
	static const unsigned int pow10[] = { 1, 10, 100 };
	unsigned __int128 num = (unsigned __int128)v * pow10[decimals];
	unsigned __int128 q = num >> shift;
	unsigned __int128 rem = num - (q << shift);
	unsigned __int128 half = (unsigned __int128)1 << (shift - 1);
	char digits[48];
	size_t n = 0, i = 0;
	uint64_t ip, fp;

	if (rem > half || (rem == half && (q & 1)))
		q++;
	ip = (uint64_t)(q / pow10[decimals]);
	fp = (uint64_t)(q % pow10[decimals]);
	do {
		digits[n++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	while (n && i + 1 < size)
		buf[i++] = digits[--n];
	if (decimals && i + 1 < size)
		buf[i++] = '.';
	for (; decimals; decimals--) {
		if (i + 1 < size)
			buf[i++] = (char)('0' + fp / pow10[decimals - 1] % 10);
	}
	for (; *sfx && i + 1 < size; sfx++)
		buf[i++] = *sfx;
	if (size)
		buf[i] = '\0';
	return buf;
}

static const char *scaled(char *buf, size_t size, uint64_t v, unsigned int base,
			  const char *const *suffix, int nsuffix,
			  const char *unit0)
{
	double d = (double)v;
	int i = 0;

	if (v < base) {
		snprintf(buf, size, "%llu%s", (unsigned long long)v, unit0);
		return buf;
	}
	while (d >= base && i < nsuffix - 1) {
		d /= base;
		i++;
	}
	/*
	 * Three significant digits; values that round up to the base move to
	 * the next unit, so 1023.99 KiB prints as 1.00 MiB, not 1024 KiB.
	 */
	if (d >= 999.5 && i < nsuffix - 1) {
		d /= base;
		i++;
	}
	/* 1024^i is a power of two: d is exact below 2^53 */
	if (base == 1024 && v < (1ULL << 53))
		return fixed(buf, size, v, 10 * (unsigned int)i,
			     d < 9.995 ? 2 :
			     d < 99.95 ? 1 :
					 0,
			     suffix[i]);
	if (d < 9.995)
		snprintf(buf, size, "%.2f%s", d, suffix[i]);
	else if (d < 99.95)
		snprintf(buf, size, "%.1f%s", d, suffix[i]);
	else
		snprintf(buf, size, "%.0f%s", d, suffix[i]);
	return buf;
}

const char *ms_units_bytes(char *buf, size_t size, uint64_t bytes)
{
	static const char *const sfx[] = { " B",   " KiB", " MiB", " GiB",
					   " TiB", " PiB", " EiB" };

	return scaled(buf, size, bytes, 1024, sfx,
		      (int)(sizeof(sfx) / sizeof(sfx[0])), " B");
}

const char *ms_units_count(char *buf, size_t size, uint64_t n)
{
	static const char *const sfx[] = { "", "k", "M", "G", "T", "P", "E" };

	return scaled(buf, size, n, 1000, sfx,
		      (int)(sizeof(sfx) / sizeof(sfx[0])), "");
}
