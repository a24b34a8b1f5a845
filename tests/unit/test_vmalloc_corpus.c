// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Every /proc/vmallocinfo capture of the shared corpus ($MS_CORPUS, set
 * by tests/run.sh): it parses, and the totals memscope reports equal
 * those of a separate, deliberately naive scan of the text (sscanf and
 * token compares, no code shared with the parser). Known values from
 * other projects' tests and from the kernel's own VmallocChunk are
 * checked where the corpus has them (ORACLES.md).
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "analysis/vmalloc.h"
#include "proc/kv.h"

/*
 * $MS_CORPUS, or a skip when it is unset or has no vmallocinfo/ (the
 * runner's default points next to the repository, which a worktree
 * does not have)
 */
static const char *corpus(void)
{
	const char *dir = getenv("MS_CORPUS");
	char path[4096];
	struct stat sb;

	if (!dir || !*dir) {
		print_message(
			"MS_CORPUS is not set: skipping the vmallocinfo corpus tests\n");
		skip();
	}
	snprintf(path, sizeof(path), "%s/vmallocinfo", dir);
	if (stat(path, &sb) || !S_ISDIR(sb.st_mode)) {
		print_message(
			"MS_CORPUS=%s has no vmallocinfo/: skipping the vmallocinfo corpus tests\n",
			dir);
		skip();
	}
	return dir;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f)
		fail_msg("cannot open %s: %s", path, strerror(errno));
	for (;;) {
		size_t got;

		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 1 << 20;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (!got)
			break;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static char *read_corpus(const char *rel, size_t *len)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", corpus(), rel);
	return slurp(path, len);
}

/* ---------- the independent scan ---------- */

struct scan {
	uint64_t lines;
	uint64_t size_bytes;
	uint64_t pages;
	uint64_t numa_pages;
	uint64_t node_pages[8];
	uint64_t type_count[MS_VMALLOC_NR_TYPES];
	uint64_t type_bytes[MS_VMALLOC_NR_TYPES];
	uint64_t with_caller;
	uint64_t with_module;
};

static bool has_word(const char *line, const char *word)
{
	const char *p = line;
	char tok[512];
	int used;

	while (sscanf(p, "%511s%n", tok, &used) == 1) {
		if (!strcmp(tok, word))
			return true;
		p += used;
	}
	return false;
}

/*
 * The type partition of ms_vmalloc_area_type(), written again from its
 * documented order
 */
static enum ms_vmalloc_type scan_type(const char *line)
{
	if (strstr(line, " unpurged vm_area"))
		return MS_VMALLOC_T_UNPURGED;
	if (has_word(line, "vm_map_ram"))
		return MS_VMALLOC_T_VM_MAP_RAM;
	if (has_word(line, "ioremap"))
		return MS_VMALLOC_T_IOREMAP;
	if (has_word(line, "dma-coherent"))
		return MS_VMALLOC_T_DMA_COHERENT;
	if (has_word(line, "user"))
		return MS_VMALLOC_T_USER;
	if (has_word(line, "vmalloc"))
		return MS_VMALLOC_T_VMALLOC;
	if (has_word(line, "vmap"))
		return MS_VMALLOC_T_VMAP;
	return MS_VMALLOC_T_OTHER;
}

static void scan_text(struct scan *s, char *buf)
{
	char *line = buf, *next;

	memset(s, 0, sizeof(*s));
	for (; *line; line = next) {
		unsigned long long start, end, size, v;
		unsigned int node;
		const char *p;
		char tok[512];
		int used, t;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		assert_int_equal(sscanf(line, "0x%llx-0x%llx %llu%n", &start,
					&end, &size, &used),
				 3);
		s->lines++;
		s->size_bytes += size;
		t = scan_type(line);
		s->type_count[t]++;
		s->type_bytes[t] += size;
		for (p = line + used; sscanf(p, "%511s%n", tok, &used) == 1;
		     p += used) {
			if (sscanf(tok, "pages=%llu", &v) == 1)
				s->pages += v;
			if (sscanf(tok, "N%u=%llu", &node, &v) == 2) {
				assert_true(node < 8);
				s->numa_pages += v;
				s->node_pages[node] += v;
			}
			if (strstr(tok, "+0x") || !strncmp(tok, "0x", 2))
				s->with_caller++;
			if (tok[0] == '[')
				s->with_module++;
		}
	}
}

/* ---------- checks ---------- */

static void check_file(const char *name)
{
	struct ms_vmalloc_opts opts = { .page_size_bytes = 4096 };
	struct ms_vmallocinfo vi;
	struct ms_vmalloc_stats st;
	struct ms_diag diag;
	struct scan s;
	char rel[512], msg[512];
	uint64_t callers = 0, modules = 0;
	size_t len, i;
	char *buf;
	int err;

	snprintf(rel, sizeof(rel), "vmallocinfo/%s", name);
	buf = read_corpus(rel, &len);
	memset(&diag, 0, sizeof(diag));
	err = ms_vmallocinfo_parse(&vi, buf, len, name, &diag);
	if (err) {
		ms_diag_format(&diag, msg, sizeof(msg));
		fail_msg("%s", msg);
	}
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);

	/* the parser's copy must not depend on the buffer */
	scan_text(&s, buf);
	free(buf);

	assert_int_equal(st.nr_areas, s.lines);
	assert_int_equal(st.size_bytes, s.size_bytes);
	assert_int_equal(st.pages, s.pages);
	assert_int_equal(st.numa_pages, s.numa_pages);
	for (i = 0; i < st.nr_nodes; i++)
		assert_int_equal(st.nodes[i].pages,
				 s.node_pages[st.nodes[i].node]);
	for (i = 0; i < MS_VMALLOC_NR_TYPES; i++) {
		assert_int_equal(st.by_type[i].count, s.type_count[i]);
		assert_int_equal(st.by_type[i].size_bytes, s.type_bytes[i]);
	}
	for (i = 0; i < vi.nr_areas; i++) {
		const struct ms_vmalloc_caller *c =
			ms_vmalloc_area_caller(&vi, &vi.areas[i]);

		assert_int_equal(vi.areas[i].line, i + 1);
		callers += c != NULL;
		modules += c && c->module != MS_VMALLOC_NONE;
	}
	assert_int_equal(callers, s.with_caller);
	assert_int_equal(modules, s.with_module);

	ms_vmalloc_stats_release(&st);
	ms_vmallocinfo_release(&vi);
}

static void test_every_file(void **state)
{
	char path[4096];
	struct dirent *de;
	unsigned int n = 0;
	DIR *d;

	(void)state;
	snprintf(path, sizeof(path), "%s/vmallocinfo", corpus());
	d = opendir(path);
	if (!d)
		fail_msg("cannot open %s: %s", path, strerror(errno));
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);

		if (l < 5 || strcmp(de->d_name + l - 4, ".txt"))
			continue;
		print_message("  %s\n", de->d_name);
		check_file(de->d_name);
		n++;
	}
	closedir(d);
	assert_true(n >= 8);
}

static void parse_corpus(struct ms_vmallocinfo *vi, const char *name)
{
	struct ms_diag diag;
	char rel[512];
	size_t len;
	char *buf;

	snprintf(rel, sizeof(rel), "vmallocinfo/%s", name);
	buf = read_corpus(rel, &len);
	memset(&diag, 0, sizeof(diag));
	assert_int_equal(ms_vmallocinfo_parse(vi, buf, len, name, &diag), 0);
	free(buf);
}

/* kellyjonbrazil/jc tests/fixtures/linux-proc/vmallocinfo.json (§3) */
static void test_jc_fixture(void **state)
{
	struct ms_vmallocinfo vi;
	const struct ms_vmalloc_area *a;
	const struct ms_vmalloc_caller *c;
	size_t i, unpurged = 0;

	(void)state;
	parse_corpus(&vi, "jc-fixture.txt");
	assert_int_equal(vi.nr_areas, 1362);
	assert_int_equal(vi.addrs, MS_VMALLOC_ADDRS_REAL);
	a = &vi.areas[0];
	assert_true(a->start == 0xffffb3c1c0000000ull);
	assert_true(a->end == 0xffffb3c1c0005000ull);
	assert_int_equal(a->size_bytes, 20480);
	c = ms_vmalloc_area_caller(&vi, a);
	assert_string_equal(c->text, "map_irq_stack+0x93/0xe0");
	assert_int_equal(a->flags, MS_VMALLOC_VMAP);
	assert_int_equal(a->nr_extra, 0);
	/*
	 * jc's JSON gives entry 0 the "phys" of line 2 (its parser is off
	 * by one for key=value fields); the text has none
	 */
	assert_false(a->has_phys);
	assert_true(vi.areas[1].has_phys);
	assert_true(ms_vmalloc_area_phys(&vi, &vi.areas[1]) == 0xbfefe000ull);
	/* SOURCES.md: 371 unpurged lines appended after the sorted list */
	for (i = 0; i < vi.nr_areas; i++)
		unpurged += !!(vi.areas[i].flags & MS_VMALLOC_UNPURGED);
	assert_int_equal(unpurged, 371);
	assert_true(vi.areas[1361].flags & MS_VMALLOC_UNPURGED);
	ms_vmallocinfo_release(&vi);
}

static void test_address_classes(void **state)
{
	static const struct {
		const char *name;
		enum ms_vmalloc_addrs addrs;
		unsigned int bits;
	} files[] = {
		{ "jc-fixture.txt", MS_VMALLOC_ADDRS_REAL, 64 },
		{ "ubuntu-5.4.0-99-k8s-node-hotsos.txt", MS_VMALLOC_ADDRS_REAL,
		  64 },
		{ "porteus-5.12.14-x86_64-nokallsyms.txt",
		  MS_VMALLOC_ADDRS_HASHED, 64 },
		{ "rhcos-4.18-el8-x86_64-sosreport.txt",
		  MS_VMALLOC_ADDRS_HASHED, 64 },
		{ "android-3.4.5-arm32-highmem.txt", MS_VMALLOC_ADDRS_REAL,
		  32 },
		{ "zte-router-4.1.25-armv7.txt", MS_VMALLOC_ADDRS_REAL, 32 },
	};
	struct ms_vmallocinfo vi;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		parse_corpus(&vi, files[i].name);
		assert_int_equal(vi.addrs, files[i].addrs);
		assert_int_equal(vi.ptr_bits, files[i].bits);
		ms_vmallocinfo_release(&vi);
	}
}

static uint64_t meminfo_kb(const char *name, const char *key)
{
	struct ms_diag diag;
	struct ms_kv kv;
	char rel[512];
	uint64_t v = 0;
	size_t len;
	char *buf;

	snprintf(rel, sizeof(rel), "meminfo/%s", name);
	buf = read_corpus(rel, &len);
	memset(&diag, 0, sizeof(diag));
	assert_int_equal(ms_meminfo_parse(&kv, buf, len, name, &diag), 0);
	assert_true(ms_kv_get(&kv, key, &v));
	ms_kv_release(&kv);
	free(buf);
	return v;
}

/*
 * Kernels before 4.4 printed VmallocChunk, the largest free range of the
 * vmalloc area: computed from the same dump, it must come out exactly.
 * Both are 32-bit ARM with modules below VMALLOC_START, where only the
 * percpu anchor finds the window.
 */
static void check_chunk(const char *name, bool check_used)
{
	struct ms_vmalloc_opts opts = { .page_size_bytes = 4096 };
	struct ms_vmallocinfo vi;
	struct ms_vmalloc_stats st;

	opts.total_bytes = meminfo_kb(name, "VmallocTotal") * 1024;
	parse_corpus(&vi, name);
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	assert_int_equal(st.frag.state, MS_VMALLOC_FRAG_OK);
	assert_int_equal(st.frag.bound, MS_VMALLOC_BOUND_PERCPU);
	assert_int_equal(st.frag.largest_gap_bytes / 1024,
			 meminfo_kb(name, "VmallocChunk"));
	if (check_used)
		assert_int_equal(st.frag.used_bytes / 1024,
				 meminfo_kb(name, "VmallocUsed"));
	ms_vmalloc_stats_release(&st);
	ms_vmallocinfo_release(&vi);
}

static void test_vmalloc_chunk(void **state)
{
	(void)state;
	/* VMALLOC_START 0xde000000, VMALLOC_END 0xff000000 */
	check_chunk("android-3.4.5-arm32-highmem.txt", false);
	/* a vendor VMALLOC_END of 0xf0000000; VmallocUsed agrees too */
	check_chunk("zte-router-4.1.25-armv7.txt", true);
}

/* x86-64: the module area above the vmalloc area stays outside */
static void test_x86_64_window(void **state)
{
	struct ms_vmalloc_opts opts = { .page_size_bytes = 4096 };
	struct ms_vmallocinfo vi;
	struct ms_vmalloc_stats st;
	size_t i, modules = 0;

	(void)state;
	opts.total_bytes = meminfo_kb("jc-fixture.txt", "VmallocTotal") * 1024;
	parse_corpus(&vi, "jc-fixture.txt");
	assert_int_equal(ms_vmalloc_analyze(&st, &vi, &opts), 0);
	for (i = 0; i < vi.nr_areas; i++)
		modules += vi.areas[i].start >= 0xffffffffc0000000ull;
	assert_int_equal(st.frag.state, MS_VMALLOC_FRAG_OK);
	assert_int_equal(st.frag.nr_outside, modules);
	/*
	 * The percpu chunks end 2 MiB (their atom) below VMALLOC_END, which
	 * puts the window start the same distance below the first area,
	 * the IRQ stack at VMALLOC_START
	 */
	assert_int_equal(st.frag.bound, MS_VMALLOC_BOUND_PERCPU);
	assert_true(st.frag.end == 0xffffd3c1bfe00000ull);
	assert_true(st.frag.start <= 0xffffb3c1c0000000ull);
	assert_true(st.frag.start > 0xffffb3c1c0000000ull - (2 << 20));
	ms_vmalloc_stats_release(&st);
	ms_vmallocinfo_release(&vi);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_file),
		cmocka_unit_test(test_jc_fixture),
		cmocka_unit_test(test_address_classes),
		cmocka_unit_test(test_vmalloc_chunk),
		cmocka_unit_test(test_x86_64_window),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
