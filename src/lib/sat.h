/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Saturating u64 arithmetic for the models: a sum or product that would
 * wrap stays at UINT64_MAX, which compares as "more than any watermark"
 * instead of as a small number.
 */
#ifndef MS_SAT_H
#define MS_SAT_H

#include <stdint.h>

static inline uint64_t ms_sat_add(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static inline uint64_t ms_sat_mul(uint64_t a, uint64_t b)
{
	if (a && b > UINT64_MAX / a)
		return UINT64_MAX;
	return a * b;
}

static inline uint64_t ms_sat_shl(uint64_t v, unsigned int shift)
{
	if (!v)
		return 0;
	if (shift >= 64 || v > (UINT64_MAX >> shift))
		return UINT64_MAX;
	return v << shift;
}

#endif
