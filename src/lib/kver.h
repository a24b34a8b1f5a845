/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_KVER_H
#define MS_KVER_H

#include <stddef.h>
#include <stdint.h>

/*
 * MS_KVER() - one comparable number for a kernel version, as the
 * kernel's own KERNEL_VERSION(): the patch level is capped at 255 (as
 * include/linux/version.h does since 4.9.256), which keeps every
 * comparison memscope makes (the highest patch level it names is 171)
 * exact.
 */
#define MS_KVER(maj, min, pat)                              \
	(((uint32_t)(maj) << 16) | ((uint32_t)(min) << 8) | \
	 ((uint32_t)(pat) > 255 ? 255u : (uint32_t)(pat)))

#define MS_KVER_RELEASE_MAX 65

/**
 * struct ms_kver - a kernel release string taken apart
 * @major, @minor, @patch: "6.18.44" -> 6, 18, 44; a release without a
 *           patch level ("6.8-rc3") has @patch 0; the fourth number of
 *           2.6-era releases ("2.6.32.27") is not kept
 * @rhel:    N of a Red Hat style ".elN" suffix ("5.14.0-325.el9.x86_64"
 *           -> 9), 0 otherwise; such kernels carry many later changes
 * @release: the string as given, without surrounding blanks (cut to
 *           fit)
 */
struct ms_kver {
	unsigned int major;
	unsigned int minor;
	unsigned int patch;
	unsigned int rhel;
	char release[MS_KVER_RELEASE_MAX];
};

/**
 * ms_kver_parse() - parse a release string such as uname -r prints
 * @kv:  result
 * @s:   the text (need not be NUL-terminated); blanks and a trailing
 *       newline around it are ignored
 * @len: its length
 *
 * Accepts "MAJOR.MINOR[.PATCH[.SUB]]" followed by nothing or by a
 * suffix that does not start with a digit or a dot ("-fc-v769",
 * "-325.el9.x86_64", "+", "_rc1"): "6.18.44-fc-v769",
 * "5.14.0-325.el9.x86_64", "2.6.16", "3.10.0-1160.el7".
 *
 * Return: 0, or -EINVAL when the text is not a release string
 * (empty, no minor number, a number out of range).
 */
int ms_kver_parse(struct ms_kver *kv, const char *s, size_t len);

/**
 * ms_kver_set() - fill @kv for version @major.@minor.@patch, with a
 * release string of the same digits
 */
void ms_kver_set(struct ms_kver *kv, unsigned int major, unsigned int minor,
		 unsigned int patch);

/**
 * ms_kver_upstream() - the upstream version that a distribution kernel
 * names in /proc/version when its release string hides it
 * @kv:   result; its release is the version as printed ("6.1.192-2")
 * @text: the text of /proc/version (need not be NUL-terminated)
 * @len:  its length
 *
 * Debian names its kernels "MAJOR.MINOR.0-ABI-FLAVOUR" ("6.1.0-56-amd64")
 * whatever the stable update they carry, and puts the package version
 * last in /proc/version: "... #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2
 * (2026-11-16)". The last "Debian " followed by a release string is
 * taken: an earlier one is the compiler's ("(Debian 12.2.0-14)").
 *
 * Return: 0, or -ENOENT when the text names no such version.
 */
int ms_kver_upstream(struct ms_kver *kv, const char *text, size_t len);

/** ms_kver_code() - MS_KVER() of @kv */
uint32_t ms_kver_code(const struct ms_kver *kv);

#endif
