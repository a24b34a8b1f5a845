/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_COMPILER_H
#define MS_COMPILER_H

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define MS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define MS_UNUSED	__attribute__((unused))
#define MS_WARN_UNUSED	__attribute__((warn_unused_result))
#define MS_NORETURN	__attribute__((noreturn))

#endif
