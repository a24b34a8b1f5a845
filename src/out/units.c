// SPDX-License-Identifier: GPL-2.0-or-later
/* Human-readable units, shared by the text output and the TUI. */
#include <stdio.h>

#include "out/units.h"
#include "lib/banned.h"

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
