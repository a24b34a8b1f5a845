// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Process memory through libproc2, on this machine: this process is
 * found with the resident size its own status file gives, and the PSS
 * of a process of another user is reported as unknown for an ordinary
 * user (checked as "nobody" when run as root).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "proc/live_procps.h"
#include "lib/banned.h"

static const struct ms_proc *find(const struct ms_proc_list *l, int pid)
{
	size_t i;

	for (i = 0; i < l->nr; i++)
		if (l->procs[i].pid == pid)
			return &l->procs[i];
	return NULL;
}

/* VmRSS of /proc/self/status in bytes, read without libproc2 */
static uint64_t own_rss(void)
{
	char line[256];
	uint64_t kb = 0;
	FILE *f = fopen("/proc/self/status", "r");

	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		const char *v = line + 6;

		if (strncmp(line, "VmRSS:", 6))
			continue;
		v += strspn(v, " \t");
		assert_int_equal(ms_parse_u64(v, strcspn(v, " "), &kb), 0);
	}
	fclose(f);
	return kb * 1024;
}

static void test_self(void **state)
{
	struct ms_proc_list l = { 0 };
	struct ms_diag d = { 0 };
	const struct ms_proc *me;
	struct ms_procs *p;
	uint64_t rss;
	int err;

	(void)state;
	err = ms_procs_new(&p, &d);
#ifndef HAVE_LIBPROC2
	assert_int_equal(err, -ENOTSUP);
	assert_string_equal(d.msg, "memscope was built without libproc2");
	skip();
#endif
	assert_int_equal(err, 0);
	assert_int_equal(ms_procs_read(p, &l, &d), 0);
	rss = own_rss();
	me = find(&l, getpid());
	assert_non_null(me);
	assert_string_equal(me->comm, "test_live_procp");
	/* the same file read twice a moment apart: within 1 MiB */
	assert_true(me->rss_bytes + (1 << 20) > rss &&
		    me->rss_bytes < rss + (1 << 20));
	assert_true(me->has_pss);
	assert_true(me->pss_bytes > 0 && me->pss_bytes <= me->rss_bytes);
	assert_true(me->anon_bytes + me->file_bytes + me->shmem_bytes ==
		    me->rss_bytes);
	/* a second sample replaces the first */
	assert_int_equal(ms_procs_read(p, &l, &d), 0);
	assert_non_null(find(&l, getpid()));
	ms_proc_list_release(&l);
	ms_procs_free(p);
}

/* In the child, as a user who does not own pid 1. */
static int other_user_child(void)
{
	struct ms_proc_list l = { 0 };
	struct ms_diag d = { 0 };
	const struct ms_proc *init, *me;
	struct ms_procs *p;

	if (ms_procs_new(&p, &d) || ms_procs_read(p, &l, &d))
		return 2;
	init = find(&l, 1);
	me = find(&l, getpid());
	if (!init || !me)
		return 3;
	if (init->rss_bytes && init->has_pss)
		return 4; /* init's smaps_rollup must be unreadable */
	if (init->rss_bytes && !l.nr_no_pss)
		return 5;
	if (!me->has_pss)
		return 6; /* our own must be readable */
	ms_proc_list_release(&l);
	ms_procs_free(p);
	return 0;
}

static void test_other_user(void **state)
{
	pid_t pid;
	int st;

	(void)state;
#ifndef HAVE_LIBPROC2
	skip();
#endif
	if (getuid() != 0) {
		assert_int_equal(other_user_child(), 0);
		return;
	}
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* nobody */
		if (setgid(65534) || setuid(65534))
			_exit(1);
		_exit(other_user_child());
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_self),
		cmocka_unit_test(test_other_user),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
