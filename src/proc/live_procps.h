/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_LIVE_PROCPS_H
#define MS_LIVE_PROCPS_H

/*
 * The memory of this machine's processes, through libproc2's pids API
 * (procps 4). libproc2 reads the running system's /proc only, so this is
 * a live extra: captures (--root) hold no processes. Without libproc2 at
 * build time every call fails with -ENOTSUP.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"

/**
 * struct ms_proc - one process (thread group)
 * @pid:         its id
 * @user:        effective user name
 * @comm:        command name (/proc/PID/status Name)
 * @rss_bytes:   resident set (status VmRSS)
 * @anon_bytes, @file_bytes, @shmem_bytes: its parts (status RssAnon,
 *               RssFile, RssShmem; 4.5+)
 * @swap_bytes:  swapped out (status VmSwap, the same count as
 *               smaps_rollup's Swap, and readable by everyone)
 * @pss_bytes:   proportional set size (smaps_rollup Pss), when @has_pss
 * @has_pss:     smaps_rollup could be read: it needs ptrace access to the
 *               process (the same user, or root), so other users'
 *               processes have no PSS for an ordinary user
 */
struct ms_proc {
	int pid;
	char user[32];
	char comm[64];
	uint64_t rss_bytes;
	uint64_t anon_bytes;
	uint64_t file_bytes;
	uint64_t shmem_bytes;
	uint64_t swap_bytes;
	uint64_t pss_bytes;
	bool has_pss;
};

/**
 * struct ms_proc_list - the processes of one sample
 * @procs:     in /proc order
 * @nr:        number of @procs
 * @nr_no_pss: processes with memory whose smaps_rollup was unreadable
 */
struct ms_proc_list {
	struct ms_proc *procs;
	size_t nr;
	size_t nr_no_pss;
};

/* A libproc2 reader; private. */
struct ms_procs;

/**
 * ms_procs_new() - a reader of this machine's processes
 * @pp: result; free with ms_procs_free()
 *
 * Return: 0, -ENOTSUP when memscope was built without libproc2, or
 * another negative errno, with @diag filled.
 */
int ms_procs_new(struct ms_procs **pp, struct ms_diag *diag);

/**
 * ms_procs_read() - sample every process
 * @list: replaced by the new sample; release with ms_proc_list_release()
 *
 * Return: 0, or a negative errno with @diag filled (@list is then
 * empty).
 */
int ms_procs_read(struct ms_procs *p, struct ms_proc_list *list,
		  struct ms_diag *diag);

/** ms_procs_free() - free the reader; NULL does nothing */
void ms_procs_free(struct ms_procs *p);

/** ms_proc_list_release() - free a sample; the list is left empty */
void ms_proc_list_release(struct ms_proc_list *list);

#endif
