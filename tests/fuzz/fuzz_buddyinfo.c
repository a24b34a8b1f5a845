// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/buddyinfo, then the fragmentation indices of every zone and
 * order, their debugfs rendering read back, and the buddy split model.
 */
#include <stdio.h>

#include "analysis/atomic.h"
#include "analysis/frag.h"
#include "proc/buddyinfo.h"
#include "fuzz.h"

/* 128-bit page count of @blocks, to check the model without overflow */
static unsigned __int128 pages_of(const uint64_t *blocks, unsigned int nr)
{
	unsigned __int128 pages = 0;
	unsigned int i;

	for (i = 0; i < nr; i++)
		pages += (unsigned __int128)blocks[i] << i;
	return pages;
}

/*
 * ms_buddy_take() serves min(@count, what the blocks of order >= @order
 * hold) requests, never touches the orders below @order, and conserves
 * pages: what is left is what was there minus 2^order per request.
 */
static void take(const uint64_t *free_blocks, unsigned int nr,
		 unsigned int order, uint64_t count)
{
	unsigned __int128 before, after, suitable = 0, want;
	uint64_t blocks[MS_MAX_ORDERS];
	uint64_t served;
	unsigned int i;

	memcpy(blocks, free_blocks, sizeof(blocks));
	for (i = order; i < nr; i++)
		suitable += (unsigned __int128)blocks[i] << (i - order);
	before = pages_of(blocks, nr);
	served = ms_buddy_take(blocks, nr, order, count);
	want = suitable < count ? suitable : count;
	if (served != want)
		abort();
	for (i = 0; i < order; i++)
		if (blocks[i] != free_blocks[i])
			abort();
	after = pages_of(blocks, nr);
	if (after + ((unsigned __int128)served << order) != before)
		abort();
}

static void check_zone(const struct ms_buddyinfo *bi,
		       const struct ms_buddy_zone *z)
{
	unsigned int order;

	if (ms_buddyinfo_find(bi, z->node, z->zone) == NULL)
		abort();
	for (order = 0; order < bi->nr_orders; order++) {
		struct ms_contig c;
		char text[32];
		int v, back;

		ms_frag_contig(z->free_blocks, bi->nr_orders, order, &c);
		v = ms_frag_unusable(&c, order);
		ms_frag_format_kernel(text, sizeof(text), v, false);
		/* what memscope prints, it must read back */
		if (v > -1000000 && v < 1000000 &&
		    (ms_frag_parse_kernel(text, strlen(text), &back) ||
		     back != v))
			abort();
		v = ms_frag_extfrag(&c, order);
		ms_frag_format_kernel(text, sizeof(text), v, true);
		ms_frag_format_kernel(text, sizeof(text), v, false);
		if (v > -1000000 && v < 1000000 &&
		    (ms_frag_parse_kernel(text, strlen(text), &back) ||
		     back != v))
			abort();
		take(z->free_blocks, bi->nr_orders, order, 5);
		take(z->free_blocks, bi->nr_orders, order, UINT64_MAX);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ms_diag diag = { 0 };
	struct ms_buddyinfo bi;
	size_t i;
	int ret;

	ret = ms_buddyinfo_parse(&bi, (const char *)data, size, "buddyinfo",
				 &diag);
	fuzz_check_diag(ret, &diag, 1);
	if (ret) {
		if (bi.zones || bi.nr_zones)
			abort();
		return 0;
	}
	if (!bi.nr_zones || !bi.nr_orders || bi.nr_orders > MS_MAX_ORDERS)
		abort();
	for (i = 0; i < bi.nr_zones; i++)
		check_zone(&bi, &bi.zones[i]);
	ms_buddyinfo_release(&bi);
	return 0;
}
