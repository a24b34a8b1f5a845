// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The vmallocinfo parser reads a well-formed line in one pass and
 * leaves every other line to its tokenizing parser. A line that starts
 * with a blank always takes the second path and means the same thing,
 * so each input here is parsed twice, as is and with a space before
 * every line, and the two results (models or errors) must be equal:
 * on hand-written lines of every shape, on thousands of mutations of
 * them, and on the corpus ($MS_CORPUS).
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "corpus_each.h"
#include "vmalloc_same.h"

#include "proc/vmallocinfo.h"

/* @text with one space before each line (not after the last newline) */
static char *indent(const char *text, size_t len, size_t *out_len)
{
	char *out = malloc(2 * len + 1);
	size_t i, o = 0;
	int bol = 1;

	assert_non_null(out);
	for (i = 0; i < len; i++) {
		if (bol)
			out[o++] = ' ';
		out[o++] = text[i];
		bol = text[i] == '\n';
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/* parse @text both ways; Return: the parser's result */
static int check_same(const char *text, size_t len)
{
	struct ms_diag da = { 0 }, db = { 0 };
	struct ms_vmallocinfo a, b;
	size_t ilen;
	char *ind = indent(text, len, &ilen);
	int ea, eb;

	ea = ms_vmallocinfo_parse(&a, text, len, "vmallocinfo", &da);
	eb = ms_vmallocinfo_parse(&b, ind, ilen, "vmallocinfo", &db);
	if (ea != eb || strcmp(da.msg, db.msg) || da.line != db.line)
		fail_msg("as is: %d line %u '%s'; indented: %d line %u '%s'\n"
			 "input: '%.*s'",
			 ea, da.line, da.msg, eb, db.line, db.msg, (int)len,
			 text);
	if (!ea)
		same_model(&a, &b);
	ms_vmallocinfo_release(&a);
	ms_vmallocinfo_release(&b);
	free(ind);
	return ea;
}

/* lines of every shape the parser knows, and some it refuses */
static const char *const lines[] = {
	"0xffffb3c1c0000000-0xffffb3c1c0005000   20480 map_irq_stack+0x93/0xe0 vmap\n",
	"0xffffb3c1c0005000-0xffffb3c1c0007000    8192 acpi_os_map_iomem+0x1ac/0x1c0 phys=0x00000000bfefe000 ioremap\n",
	"0xffffb3c1c0007000-0xffffb3c1c0009000    8192 hpet_enable+0x3c/0x2d0 phys=fed00000 ioremap\n",
	"0xffffb3c1c0009000-0xffffb3c1c000c000   12288 bpf_prog_alloc_no_stats+0x4e/0x100 pages=2 vmalloc N0=1 N1=1\n",
	"0xffffb3c1c000c000-0xffffb3c1c000e000    8192 xfs_buf_map_pages+0x23/0x90 [xfs] pages=1 vmalloc N0=1\n",
	"0xffffb3c1c000e000-0xffffb3c1c0010000    8192 drm_ht_create+0x3a/0x70 [drm 0123456789abcdef] pages=1 vmalloc\n",
	"0xffffb3c1c0010000-0xffffb3c1c0012000    8192 0xffffffffc0123456 pages=1 vmalloc user vpages sparse dma-coherent\n",
	"0xffffb3c1c0012000-0xffffb3c1c0014000    8192 vm_map_ram\n",
	"0xffffb3c1c0014000-0xffffb3c1c0016000    8192 unpurged vm_area\n",
	"0xffffb3c1c0016000-0xffffb3c1c0018000    8192 unpurged   vm_area   \n",
	"0xffffb3c1c0018000-0xffffb3c1c001a000    8192\n",
	"0xffffb3c1c001a000-0xffffb3c1c001c000    8192 pages=1 vmalloc lowmem N0=1\n",
	"0xffffb3c1c001c000-0xffffb3c1c001e000    8192 n_tty_open+0x16/0xe0 pages=1 vmalloc\n",
	"0xffffb3c1c001e000-0xffffb3c1c0020000    8192 n_tty_open+0x16/0xe0 pages=1 vmalloc\n",
	"0xffffb3c1c0020000-0xffffb3c1c0022000    8192 n_tty_open+0x16/0xe0 [tty] pages=1 vmalloc\n",
	"0xf0000000-0xf0002000    8192 pcpu_get_vm_areas+0x0/0x1080 vmalloc\n",
	"0x0000000000000000-0x0000000000000000    8192 pages=1 vmalloc\n",
	"0x00000000000000000001000-0x00000000000000000003000 8192\n",
	"0xffffb3c1c0022000-0xffffb3c1c0024000 8192 pages=1 pages=1\n",
	"0xffffb3c1c0024000-0xffffb3c1c0026000 8192 N1=1 N0=1\n",
	"0xffffb3c1c0026000-0xffffb3c1c0028000 8192 N1024=1\n",
	"0xffffb3c1c0028000-0xffffb3c1c002a000 8192 N0=4294967296\n",
	"0xffffb3c1c002a000-0xffffb3c1c002c000 8192 Nx=1 N=1 N0 N0=\n",
	"0xffffb3c1c002c000-0xffffb3c1c002e000\t8192\tpages=1\r\n",
	"0XFFFFB3C1C002E000-0XFFFFB3C1C0030000 8192 pages=18446744073709551615\n",
	"0xffffb3c1c0030000-0xffffb3c1c0032000 8192 pages=18446744073709551616\n",
	"0xffffb3c1c0032000-0xffffb3c1c0034000 8192 phys=0x1 phys=0x2\n",
	"0xffffb3c1c0034000-0xffffb3c1c0036000 8192 sym+0x1/0x2 [] vmalloc\n",
	"0xffffb3c1c0036000-0xffffb3c1c0038000 8192 sym+0x1/0x2 [a]b] vmalloc\n",
	"0xffffb3c1c0038000-0xffffb3c1c003a000 8192 sym+0x1 vmalloc\n",
	"0xffffb3c1c003a000-0xffffb3c1c003c000 8192 vm_map_ram pages=1\n",
	"0xffffb3c1c003c000-0xffffb3c1c003e000 8192 unpurged\n",
	"0xffffb3c1c003e000-0xffffb3c1c0040000 18446744073709551616\n",
	"0xffffb3c1c0040000-0xffffb3c1c0042000 -8192\n",
	"0xffffb3c1c0042000-0xffffb3c1c0044000\n",
	"0xffffb3c1c0044000-0xffffb3c1c0046000 8192 9lives\n",
	"0x-0x1 8192\n",
	"0x1-0x 8192\n",
	"0x1_0x2 8192\n",
	"0x10000000000000000-0x1 8192\n",
	"\n",
	"   \n",
};

static void test_shapes(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		check_same(lines[i], strlen(lines[i]));
}

static uint64_t rnd_state = 0x2545f4914f6cdd1dull;

static unsigned int rnd(unsigned int n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (unsigned int)(rnd_state % n);
}

/*
 * Mutations of a few well-formed lines: one to three bytes replaced by
 * bytes that matter to the grammar, deleted or doubled
 */
static void test_mutations(void **state)
{
	static const char bytes[] = "0x-+/=[] \t\r\nN9fgpv_.\x01\x7f\x80\xff";
	char buf[1024];
	size_t i;
	int ok = 0;

	(void)state;
	for (i = 0; i < 20000; i++) {
		const char *l1 = lines[rnd(17)], *l2 = lines[rnd(17)];
		size_t n1 = strlen(l1), n2 = strlen(l2), len = n1 + n2;
		unsigned int k, nmut = 1 + rnd(3);

		memcpy(buf, l1, n1);
		memcpy(buf + n1, l2, n2);
		for (k = 0; k < nmut; k++) {
			size_t at = rnd((unsigned int)len);

			switch (rnd(4)) {
			case 0:
				memmove(buf + at, buf + at + 1, len - at - 1);
				len--;
				break;
			case 1:
				memmove(buf + at + 1, buf + at, len - at);
				len++;
				break;
			default:
				buf[at] = bytes[rnd(sizeof(bytes) - 1)];
				break;
			}
		}
		if (!check_same(buf, len))
			ok++;
	}
	/* both outcomes are exercised */
	assert_true(ok > 1000);
	assert_true(ok < 19000);
}

static void corpus_file(const char *text, size_t len)
{
	assert_int_equal(check_same(text, len), 0);
}

static void test_corpus(void **state)
{
	(void)state;
	corpus_each("vmallocinfo", corpus_file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_mutations),
		cmocka_unit_test(test_corpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
