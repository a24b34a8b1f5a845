/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_PROBE_H
#define MS_PROBE_H

/*
 * The page allocator probe of the companion module (kmod/probe.c,
 * kmod/README "The probe"): a root-only file that takes one command per
 * write ("alloc ORDER COUNT CLASS [NODE]", "pin ...", "punch ...",
 * "release") and reads back the result of the last one.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/parse.h"
#include "proc/buddyinfo.h"
#include "proc/source.h"

/* The format version this parser reads; another major is refused. */
#define MS_PROBE_VERSION 1

/* Where the module puts the probe: debugfs, else /proc. */
#define MS_PROBE_PATH	   "sys/kernel/debug/memscope_scull/probe"
#define MS_PROBE_PATH_PROC "proc/memscope_scull_probe"

/** enum ms_probe_cmd - the command the result line reports */
enum ms_probe_cmd {
	MS_PROBE_NONE,
	MS_PROBE_ALLOC,
	MS_PROBE_PIN,
	MS_PROBE_PUNCH,
	MS_PROBE_RELEASE,
};

/**
 * struct ms_probe_zone - one "zone node=N zone=Z count=C" line
 * @count: blocks of the last alloc or pin that this zone served
 */
struct ms_probe_zone {
	int node;
	char zone[MS_ZONE_NAME_MAX];
	uint64_t count;
};

/**
 * struct ms_probe - what reading the probe returns
 * @version:     format version of the header
 * @max_order, @max_count, @max_stride: the "limits" line (0 if absent)
 * @cmd:         the result line's keyword
 * @order, @cls, @node, @requested, @succeeded: of "alloc" and "pin"
 *               (@node -1: no node was given; @cls "kernel" for pin)
 * @stride, @freed_pages: of "punch" and "release"
 * @zones:       the zone lines, in file order
 * @pinned_blocks, @pinned_pages: the "pinned" line
 */
struct ms_probe {
	unsigned int version;
	unsigned int max_order;
	uint64_t max_count;
	uint64_t max_stride;
	enum ms_probe_cmd cmd;
	unsigned int order;
	char cls[16];
	int node;
	uint64_t requested;
	uint64_t succeeded;
	uint64_t stride;
	uint64_t freed_pages;
	struct ms_probe_zone *zones;
	size_t nr_zones;
	uint64_t pinned_blocks;
	uint64_t pinned_pages;
};

/**
 * ms_probe_parse() - parse what the probe file reads back
 * @p:    result; release with ms_probe_release()
 * @name: file name for messages
 *
 * The first line must be "probe - version: N" with N's major
 * MS_PROBE_VERSION. Every other line is a keyword and "key=value"
 * pairs; keys and lines this parser does not know are skipped. The
 * third line (the first after "limits") is the result line: "none",
 * "alloc", "pin", "punch" or "release". Refused: a missing result or
 * "pinned" line, a required key missing or repeated, a value that is
 * not a number, an "alloc" whose zone counts do not sum to
 * "succeeded", and succeeded > requested.
 *
 * Return: 0, or a negative errno with @diag naming the line; on error
 * @p is left empty.
 */
int ms_probe_parse(struct ms_probe *p, const char *buf, size_t len,
		   const char *name, struct ms_diag *diag);

void ms_probe_release(struct ms_probe *p);

/** ms_probe_zone_count() - blocks zone (@node, @zone) served, 0 if none */
uint64_t ms_probe_zone_count(const struct ms_probe *p, int node,
			     const char *zone);

/**
 * ms_source_write_file() - write @text to the existing file @path below
 * the root of @src in one write(2), as the probe and the
 * /proc/sys/vm knobs require
 *
 * Return: 0, or a negative errno with @diag saying what failed (the
 * probe answers a command it refuses with -EINVAL).
 */
int ms_source_write_file(const struct ms_source *src, const char *path,
			 const char *text, struct ms_diag *diag);

#endif
