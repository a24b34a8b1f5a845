// SPDX-License-Identifier: GPL-2.0-or-later
#include <inttypes.h>
#include <math.h>

#include "out/prom.h"
#include "lib/banned.h"

void ms_prom_init(struct ms_prom *p, FILE *fp)
{
	p->fp = fp;
	p->families = 0;
	p->samples = 0;
}

void ms_prom_family(struct ms_prom *p, const char *name, const char *type,
		    const char *help)
{
	fprintf(p->fp, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
	p->families++;
}

/* Label values escape backslash, double quote and newline. */
static void put_value(FILE *fp, const char *v)
{
	for (; *v; v++) {
		if (*v == '\\' || *v == '"')
			fputc('\\', fp);
		if (*v == '\n') {
			fputs("\\n", fp);
			continue;
		}
		fputc(*v, fp);
	}
}

static void put_labels(struct ms_prom *p, const char *name,
		       const struct ms_prom_label *labels, unsigned int n)
{
	unsigned int i;

	fputs(name, p->fp);
	if (!n)
		return;
	fputc('{', p->fp);
	for (i = 0; i < n; i++) {
		fprintf(p->fp, "%s%s=\"", i ? "," : "", labels[i].name);
		put_value(p->fp, labels[i].value);
		fputc('"', p->fp);
	}
	fputc('}', p->fp);
}

void ms_prom_sample(struct ms_prom *p, const char *name,
		    const struct ms_prom_label *labels, unsigned int n,
		    double value)
{
	put_labels(p, name, labels, n);
	if (isnan(value))
		fputs(" NaN\n", p->fp);
	else
		fprintf(p->fp, " %.15g\n", value);
	p->samples++;
}

void ms_prom_sample_u64(struct ms_prom *p, const char *name,
			const struct ms_prom_label *labels, unsigned int n,
			uint64_t value)
{
	put_labels(p, name, labels, n);
	fprintf(p->fp, " %" PRIu64 "\n", value);
	p->samples++;
}
