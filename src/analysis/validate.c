// SPDX-License-Identifier: GPL-2.0-or-later
/* Predicted against actual allocations: the tolerance (validate.h). */
#include "analysis/validate.h"
#include "lib/sat.h"
#include "lib/banned.h"

uint64_t ms_validate_tolerance(const struct ms_zone *z, uint64_t actual)
{
	/* floor(5 actual / 100), without overflow */
	uint64_t pct = actual / 20;
	uint64_t pcp = z ? ms_sat_mul(z->pcp_batch, z->nr_cpus) : 0;

	return pct > pcp ? pct : pcp;
}

int64_t ms_validate_error(uint64_t predicted, uint64_t actual)
{
	if (actual >= predicted)
		return actual - predicted > (uint64_t)INT64_MAX ?
			       INT64_MAX :
			       (int64_t)(actual - predicted);
	return predicted - actual > (uint64_t)INT64_MAX ?
		       -INT64_MAX :
		       -(int64_t)(predicted - actual);
}

bool ms_validate_within(int64_t error, uint64_t tolerance)
{
	uint64_t mag = error < 0 ? (uint64_t)-error : (uint64_t)error;

	return mag <= tolerance;
}

uint64_t ms_validate_request(uint64_t predicted, uint64_t pcp_slack,
			     uint64_t max_count)
{
	uint64_t n = ms_sat_add(ms_sat_add(predicted, predicted / 10),
				ms_sat_add(pcp_slack, 64));

	if (n > max_count)
		n = max_count;
	return n ? n : 1;
}
