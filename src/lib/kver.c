// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Kernel release strings, as uname(2) reports them and
 * /proc/sys/kernel/osrelease holds them: "VERSION.PATCHLEVEL.SUBLEVEL"
 * from the top-level Makefile, then EXTRAVERSION and LOCALVERSION,
 * which distributions fill freely ("-325.el9.x86_64", "-fc-v769").
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lib/kver.h"
#include "lib/parse.h"
#include "lib/banned.h"

/* Bounds that no real release exceeds; anything larger is not a release. */
#define KVER_MAJOR_MAX 99
#define KVER_MINOR_MAX 255
#define KVER_PATCH_MAX 999999

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The decimal number starting at s[*pos]; advances *pos past it. */
static int take_number(const char *s, size_t len, size_t *pos, unsigned int max,
		       unsigned int *out)
{
	size_t start = *pos;
	uint64_t v;

	while (*pos < len && is_digit(s[*pos]))
		(*pos)++;
	if (*pos == start || *pos - start > 9)
		return -EINVAL;
	if (ms_parse_u64(s + start, *pos - start, &v) || v > max)
		return -EINVAL;
	*out = (unsigned int)v;
	return 0;
}

/* N of the first ".elN" (digits right after "el") in the suffix, or 0. */
static unsigned int find_rhel(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i + 3 < len; i++) {
		unsigned int n = 0;
		size_t pos = i + 3;

		if (s[i] != '.' || s[i + 1] != 'e' || s[i + 2] != 'l' ||
		    !is_digit(s[i + 3]))
			continue;
		if (take_number(s, len, &pos, 99, &n) == 0)
			return n;
	}
	return 0;
}

int ms_kver_parse(struct ms_kver *kv, const char *s, size_t len)
{
	unsigned int sub;
	size_t pos = 0;

	memset(kv, 0, sizeof(*kv));
	ms_strip(&s, &len);
	while (len && s[len - 1] == '\n') {
		len--;
		ms_strip(&s, &len);
	}
	if (take_number(s, len, &pos, KVER_MAJOR_MAX, &kv->major) ||
	    kv->major == 0)
		return -EINVAL;
	if (pos >= len || s[pos] != '.')
		return -EINVAL;
	pos++;
	if (take_number(s, len, &pos, KVER_MINOR_MAX, &kv->minor))
		return -EINVAL;
	if (pos < len && s[pos] == '.') {
		pos++;
		if (take_number(s, len, &pos, KVER_PATCH_MAX, &kv->patch))
			return -EINVAL;
		/* 2.6.x.y: the stable number of the 2.6 series */
		if (pos < len && s[pos] == '.') {
			pos++;
			if (take_number(s, len, &pos, KVER_PATCH_MAX, &sub))
				return -EINVAL;
		}
	}
	/* the suffix may not continue the numbers ("6.1.2.3.4", "6.1.") */
	if (pos < len && (is_digit(s[pos]) || s[pos] == '.'))
		return -EINVAL;
	kv->rhel = find_rhel(s + pos, len - pos);
	ms_tok_copy(kv->release, sizeof(kv->release), s,
		    len < sizeof(kv->release) ? len : sizeof(kv->release) - 1);
	return 0;
}

void ms_kver_set(struct ms_kver *kv, unsigned int major, unsigned int minor,
		 unsigned int patch)
{
	memset(kv, 0, sizeof(*kv));
	kv->major = major;
	kv->minor = minor;
	kv->patch = patch;
	snprintf(kv->release, sizeof(kv->release), "%u.%u.%u", major, minor,
		 patch);
}

int ms_kver_upstream(struct ms_kver *kv, const char *text, size_t len)
{
	static const char tag[] = "Debian ";
	const size_t tlen = sizeof(tag) - 1;
	struct ms_kver cand;
	bool found = false;
	size_t i, end;

	for (i = 0; i + tlen < len; i++) {
		if (memcmp(text + i, tag, tlen) || (i && text[i - 1] != ' '))
			continue;
		end = i + tlen;
		while (end < len && text[end] != ' ' && text[end] != '\n' &&
		       text[end] != ')')
			end++;
		if (!ms_kver_parse(&cand, text + i + tlen, end - i - tlen)) {
			*kv = cand;
			found = true;
		}
	}
	return found ? 0 : -ENOENT;
}

uint32_t ms_kver_code(const struct ms_kver *kv)
{
	return MS_KVER(kv->major, kv->minor, kv->patch);
}
