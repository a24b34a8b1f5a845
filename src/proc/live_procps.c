// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Process memory through libproc2's pids API, the one place memscope
 * uses libproc2. memscope's own parsers stay canonical for the system
 * files; libproc2 is used where it fits, for the per-process files that
 * it already reads well and that no capture holds.
 *
 * Sizes come from /proc/PID/status (VmRSS, RssAnon, RssFile, RssShmem,
 * VmSwap) and, for PSS, from /proc/PID/smaps_rollup. libproc2 leaves a
 * smaps_rollup value at 0 when the file cannot be read (it needs ptrace
 * access), so the smaps_rollup Rss is read as well: a process with a
 * resident set always has a non-zero Rss there, and a zero one means the
 * file was unreadable.
 *
 * libproc2 is opened with dlopen() on first use, not linked: it pulls in
 * libsystemd and six more libraries whose loading and constructors cost
 * about 0.9 ms at every start, more than the whole start of memscope
 * otherwise, and only "memscope top" reads processes. The build still
 * finds libproc2 with pkg-config, compiles against its headers and
 * records the library's soname (MS_LIBPROC2_SONAME).
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc/live_procps.h"
#ifdef HAVE_LIBPROC2
#include <libproc2/pids.h>
#endif
#include "lib/banned.h"

void ms_proc_list_release(struct ms_proc_list *list)
{
	free(list->procs);
	memset(list, 0, sizeof(*list));
}

#ifdef HAVE_LIBPROC2

/* The items, in the order of the stack's results. */
enum {
	I_PID,
	I_USER,
	I_CMD,
	I_RSS,
	I_ANON,
	I_FILE,
	I_SHMEM,
	I_SWAP,
	I_SMAP_RSS,
	I_SMAP_PSS,
	I_NR,
};

static const enum pids_item items[I_NR] = {
	[I_PID] = PIDS_ID_PID,
	[I_USER] = PIDS_ID_EUSER,
	[I_CMD] = PIDS_CMD,
	[I_RSS] = PIDS_VM_RSS,
	[I_ANON] = PIDS_VM_RSS_ANON,
	[I_FILE] = PIDS_VM_RSS_FILE,
	[I_SHMEM] = PIDS_VM_RSS_SHARED,
	[I_SWAP] = PIDS_VM_SWAP,
	[I_SMAP_RSS] = PIDS_SMAP_RSS,
	[I_SMAP_PSS] = PIDS_SMAP_PSS,
};

/* The libproc2 functions memscope calls, resolved by dlsym(). */
static struct {
	bool tried;
	char why[192];
	__typeof__(procps_pids_new) *pids_new;
	__typeof__(procps_pids_reap) *pids_reap;
	__typeof__(procps_pids_unref) *pids_unref;
} lib;

#ifndef MS_LIBPROC2_SONAME
#define MS_LIBPROC2_SONAME "libproc2.so.0"
#endif

/* dlsym() into a function pointer of the right type */
#define MS_DLSYM(h, ptr, name) \
	(*(void **)&(ptr) = dlsym((h), (name)), (ptr) != NULL)

/* Opens libproc2 once; false with lib.why set when it cannot. */
static bool lib_open(void)
{
	void *h;
	const char *err;

	if (lib.tried)
		return lib.pids_new != NULL;
	lib.tried = true;
	h = dlopen(MS_LIBPROC2_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		err = dlerror();
		snprintf(lib.why, sizeof(lib.why),
			 "libproc2 cannot be loaded: %s",
			 err ? err : MS_LIBPROC2_SONAME);
		return false;
	}
	if (!MS_DLSYM(h, lib.pids_reap, "procps_pids_reap") ||
	    !MS_DLSYM(h, lib.pids_unref, "procps_pids_unref") ||
	    !MS_DLSYM(h, lib.pids_new, "procps_pids_new")) {
		lib.pids_new = NULL;
		snprintf(lib.why, sizeof(lib.why),
			 "libproc2 cannot be loaded: %s lacks the pids API",
			 MS_LIBPROC2_SONAME);
		dlclose(h);
		return false;
	}
	/* kept open for the life of the process */
	return true;
}

/* libproc2 takes the items as a mutable array: a copy of them, owned */
struct ms_procs {
	struct pids_info *info;
	enum pids_item items[I_NR];
};

int ms_procs_new(struct ms_procs **pp, struct ms_diag *diag)
{
	struct ms_procs *p;
	int err;

	*pp = NULL;
	if (!lib_open())
		return ms_diag_set(diag, "processes", 0, -ENOTSUP, "%s",
				   lib.why);
	p = calloc(1, sizeof(*p));
	if (!p)
		return ms_diag_set(diag, "processes", 0, -ENOMEM,
				   "out of memory");
	memcpy(p->items, items, sizeof(items));
	err = lib.pids_new(&p->info, p->items, I_NR);
	if (err < 0) {
		free(p);
		return ms_diag_set(diag, "processes", 0, err,
				   "libproc2 cannot read the processes: %s",
				   strerror(-err));
	}
	*pp = p;
	return 0;
}

/* libproc2 reports sizes in KiB */
static uint64_t kib(unsigned long v)
{
	return (uint64_t)v * 1024;
}

int ms_procs_read(struct ms_procs *p, struct ms_proc_list *list,
		  struct ms_diag *diag)
{
	struct pids_fetch *f;
	int i, n;

	ms_proc_list_release(list);
	errno = 0;
	f = lib.pids_reap(p->info, PIDS_FETCH_TASKS_ONLY);
	if (!f)
		return ms_diag_set(diag, "processes", 0, errno ? -errno : -EIO,
				   "libproc2 cannot read the processes: %s",
				   strerror(errno ? errno : EIO));
	n = f->counts->total;
	if (n <= 0)
		return 0;
	list->procs = calloc((size_t)n, sizeof(*list->procs));
	if (!list->procs)
		return ms_diag_set(diag, "processes", 0, -ENOMEM,
				   "out of memory");
	for (i = 0; i < n; i++) {
		struct pids_stack *s = f->stacks[i];
		struct ms_proc *pr = &list->procs[list->nr];
		const char *user = PIDS_VAL(I_USER, str, s, p->info);
		const char *cmd = PIDS_VAL(I_CMD, str, s, p->info);

		pr->pid = PIDS_VAL(I_PID, s_int, s, p->info);
		snprintf(pr->user, sizeof(pr->user), "%s", user ? user : "?");
		snprintf(pr->comm, sizeof(pr->comm), "%s", cmd ? cmd : "?");
		pr->rss_bytes = kib(PIDS_VAL(I_RSS, ul_int, s, p->info));
		pr->anon_bytes = kib(PIDS_VAL(I_ANON, ul_int, s, p->info));
		pr->file_bytes = kib(PIDS_VAL(I_FILE, ul_int, s, p->info));
		pr->shmem_bytes = kib(PIDS_VAL(I_SHMEM, ul_int, s, p->info));
		pr->swap_bytes = kib(PIDS_VAL(I_SWAP, ul_int, s, p->info));
		pr->pss_bytes = kib(PIDS_VAL(I_SMAP_PSS, ul_int, s, p->info));
		/* see the top of the file */
		pr->has_pss = PIDS_VAL(I_SMAP_RSS, ul_int, s, p->info) ||
			      !pr->rss_bytes;
		if (!pr->has_pss) {
			pr->pss_bytes = 0;
			list->nr_no_pss++;
		}
		list->nr++;
	}
	return 0;
}

void ms_procs_free(struct ms_procs *p)
{
	if (!p)
		return;
	lib.pids_unref(&p->info);
	free(p);
}

#else /* !HAVE_LIBPROC2 */

int ms_procs_new(struct ms_procs **pp, struct ms_diag *diag)
{
	*pp = NULL;
	return ms_diag_set(diag, "processes", 0, -ENOTSUP,
			   "memscope was built without libproc2");
}

int ms_procs_read(struct ms_procs *p MS_UNUSED, struct ms_proc_list *list,
		  struct ms_diag *diag)
{
	ms_proc_list_release(list);
	return ms_diag_set(diag, "processes", 0, -ENOTSUP,
			   "memscope was built without libproc2");
}

void ms_procs_free(struct ms_procs *p MS_UNUSED)
{
}

#endif
