/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memscope_scull: definitions shared by the char devices (scull.c) and the
 * page allocator probe (probe.c).
 */
#ifndef MEMSCOPE_SCULL_H
#define MEMSCOPE_SCULL_H

#include <linux/build_bug.h>
#include <linux/mmzone.h>

/*
 * The highest order the buddy allocator hands out. MAX_ORDER was exclusive
 * before 6.4 (orders 0..MAX_ORDER-1), inclusive in 6.4-6.7, and renamed to
 * MAX_PAGE_ORDER (inclusive) in 6.8. The two MAX_ORDER eras are told apart
 * by MAX_ORDER_NR_PAGES, the pages of a highest-order block, which was
 * 1 << (MAX_ORDER - 1) before 6.4 and 1 << MAX_ORDER from 6.4 on.
 */
#if defined(MAX_PAGE_ORDER)
#define MSCULL_MAX_ORDER MAX_PAGE_ORDER
#elif MAX_ORDER_NR_PAGES == (1 << MAX_ORDER)
#define MSCULL_MAX_ORDER MAX_ORDER
#else
#define MSCULL_MAX_ORDER (MAX_ORDER - 1)
#endif

/* Whatever the era, a highest-order block is 2^MSCULL_MAX_ORDER pages. */
static_assert(MAX_ORDER_NR_PAGES == 1 << MSCULL_MAX_ORDER);

/* Version of the text formats of /proc/scull[pv]mem and of the probe file. */
#define MSCULL_FORMAT_VERSION 1

int mscull_probe_init(void);
void mscull_probe_exit(void);

#endif /* MEMSCOPE_SCULL_H */
