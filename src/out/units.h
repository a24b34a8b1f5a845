/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_UNITS_H
#define MS_UNITS_H

#include <stddef.h>
#include <stdint.h>

/**
 * ms_units_bytes() - @bytes in binary units for people ("0 B", "512 B",
 * "4.0 KiB", "15.9 MiB", "3.50 GiB"): three significant digits
 *
 * Writes into @buf and returns it.
 */
const char *ms_units_bytes(char *buf, size_t size, uint64_t bytes);

/**
 * ms_units_count() - a count with a metric suffix for narrow columns
 * ("999", "12.3k", "4.56M")
 */
const char *ms_units_count(char *buf, size_t size, uint64_t n);

#endif
