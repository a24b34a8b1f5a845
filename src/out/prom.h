/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef MS_PROM_H
#define MS_PROM_H

#include <stdint.h>
#include <stdio.h>

/*
 * The Prometheus text exposition format (version 0.0.4), as read by
 * node_exporter's textfile collector: "# HELP", "# TYPE", then one line
 * per sample, "name{label="value",...} number". Every family is written
 * whole before the next one starts.
 */
struct ms_prom {
	FILE *fp;
	unsigned int families;
	unsigned int samples;
};

/** struct ms_prom_label - one label; values are escaped when written */
struct ms_prom_label {
	const char *name;
	const char *value;
};

void ms_prom_init(struct ms_prom *p, FILE *fp);

/**
 * ms_prom_family() - start a metric family
 * @type: "gauge" or "counter"
 */
void ms_prom_family(struct ms_prom *p, const char *name, const char *type,
		    const char *help);

/** ms_prom_sample() - one sample of @name with @n labels */
void ms_prom_sample(struct ms_prom *p, const char *name,
		    const struct ms_prom_label *labels, unsigned int n,
		    double value);

/** ms_prom_sample_u64() - the same for an integer, printed exactly */
void ms_prom_sample_u64(struct ms_prom *p, const char *name,
			const struct ms_prom_label *labels, unsigned int n,
			uint64_t value);

#endif
