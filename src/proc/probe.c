// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The probe file of kmod/probe.c (probe_show()): "probe - version: N",
 * "limits max_order=.. max_count=.. max_stride=..", the result line,
 * "zone node=N zone=Z count=C" lines, "pinned blocks=B pages=P".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proc/probe.h"
#include "lib/banned.h"

#define MAX_TOKS 32

enum pv_type {
	PV_U64,
	PV_INT, /* a node id or -1 */
	PV_ORDER,
	PV_WORD, /* a class name */
};

struct pv_want {
	const char *key;
	enum pv_type type;
	void *dst;
	bool seen;
};

struct probe_parser {
	const char *name;
	struct ms_diag *diag;
	unsigned int lineno;
};

static int fail(struct probe_parser *pp, const char *fmt, ...) MS_PRINTF(2, 3);

static int fail(struct probe_parser *pp, const char *fmt, ...)
{
	char msg[sizeof(pp->diag->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return ms_diag_set(pp->diag, pp->name, pp->lineno, -EINVAL, "%s", msg);
}

static int set_value(struct probe_parser *pp, struct pv_want *w, const char *v,
		     size_t n)
{
	char q[64];
	uint64_t u;
	int64_t s;

	ms_quote_tok(q, sizeof(q), v, n);
	switch (w->type) {
	case PV_U64:
		if (ms_parse_u64(v, n, w->dst))
			return fail(pp,
				    "key '%s': expected a number, found "
				    "'%s'",
				    w->key, q);
		break;
	case PV_INT:
		if (ms_parse_s64(v, n, &s) || s < -1 || s > 65535)
			return fail(pp,
				    "key '%s': expected a node or -1, "
				    "found '%s'",
				    w->key, q);
		*(int *)w->dst = (int)s;
		break;
	case PV_ORDER:
		if (ms_parse_u64(v, n, &u) || u >= MS_MAX_ORDERS)
			return fail(pp,
				    "key '%s': expected an order below "
				    "%d, found '%s'",
				    w->key, MS_MAX_ORDERS, q);
		*(unsigned int *)w->dst = (unsigned int)u;
		break;
	case PV_WORD:
		if (!n || !ms_is_word(v, n) || ms_tok_copy(w->dst, 16, v, n))
			return fail(pp,
				    "key '%s': expected a name of at most "
				    "15 characters, found '%s'",
				    w->key, q);
		break;
	}
	return 0;
}

/* "key=value" tokens toks[1..ntok) into @want; all of @want required. */
static int parse_pairs(struct probe_parser *pp, const struct ms_tok *toks,
		       int ntok, struct pv_want *want, size_t nr_want)
{
	char q[64];
	size_t k;
	int i, err;

	for (i = 1; i < ntok; i++) {
		const char *eq = memchr(toks[i].s, '=', toks[i].len);
		size_t klen;

		ms_quote_tok(q, sizeof(q), toks[i].s, toks[i].len);
		if (!eq)
			return fail(pp, "expected 'key=value', found '%s'", q);
		klen = (size_t)(eq - toks[i].s);
		for (k = 0; k < nr_want; k++)
			if (strlen(want[k].key) == klen &&
			    !memcmp(toks[i].s, want[k].key, klen))
				break;
		if (k == nr_want)
			continue;
		if (want[k].seen)
			return fail(pp, "key '%s' repeated", want[k].key);
		want[k].seen = true;
		err = set_value(pp, &want[k], eq + 1, toks[i].len - klen - 1);
		if (err)
			return err;
	}
	for (k = 0; k < nr_want; k++)
		if (!want[k].seen)
			return fail(pp, "expected key '%s'", want[k].key);
	return 0;
}

static int parse_result(struct probe_parser *pp, struct ms_probe *p,
			const struct ms_tok *toks, int ntok)
{
	char q[64];

	if (ms_tok_eq(&toks[0], "none") && ntok == 1) {
		p->cmd = MS_PROBE_NONE;
		return 0;
	}
	if (ms_tok_eq(&toks[0], "alloc")) {
		struct pv_want w[] = {
			{ "order", PV_ORDER, &p->order, false },
			{ "class", PV_WORD, p->cls, false },
			{ "node", PV_INT, &p->node, false },
			{ "requested", PV_U64, &p->requested, false },
			{ "succeeded", PV_U64, &p->succeeded, false },
		};

		p->cmd = MS_PROBE_ALLOC;
		return parse_pairs(pp, toks, ntok, w, ARRAY_SIZE(w));
	}
	if (ms_tok_eq(&toks[0], "pin")) {
		struct pv_want w[] = {
			{ "order", PV_ORDER, &p->order, false },
			{ "node", PV_INT, &p->node, false },
			{ "requested", PV_U64, &p->requested, false },
			{ "succeeded", PV_U64, &p->succeeded, false },
		};

		p->cmd = MS_PROBE_PIN;
		snprintf(p->cls, sizeof(p->cls), "kernel");
		return parse_pairs(pp, toks, ntok, w, ARRAY_SIZE(w));
	}
	if (ms_tok_eq(&toks[0], "punch")) {
		struct pv_want w[] = {
			{ "stride", PV_U64, &p->stride, false },
			{ "freed_pages", PV_U64, &p->freed_pages, false },
		};

		p->cmd = MS_PROBE_PUNCH;
		return parse_pairs(pp, toks, ntok, w, ARRAY_SIZE(w));
	}
	if (ms_tok_eq(&toks[0], "release")) {
		struct pv_want w[] = {
			{ "freed_pages", PV_U64, &p->freed_pages, false },
		};

		p->cmd = MS_PROBE_RELEASE;
		return parse_pairs(pp, toks, ntok, w, ARRAY_SIZE(w));
	}
	return fail(pp,
		    "expected a result line (none, alloc, pin, punch or "
		    "release), found '%s'",
		    ms_quote_tok(q, sizeof(q), toks[0].s, toks[0].len));
}

static bool zone_listed(const struct ms_probe *p, int node, const char *zone)
{
	size_t i;

	for (i = 0; i < p->nr_zones; i++)
		if (p->zones[i].node == node && !strcmp(p->zones[i].zone, zone))
			return true;
	return false;
}

static int parse_zone(struct probe_parser *pp, struct ms_probe *p,
		      const struct ms_tok *toks, int ntok, size_t *cap)
{
	struct ms_probe_zone *z;
	char name[16] = "";
	int err;

	/* as many as a machine can have: bounds the search for repeats */
	if (p->nr_zones == MS_MAX_NODES * MS_MAX_ZONES_PER_NODE)
		return fail(pp, "expected at most %d zone lines",
			    MS_MAX_NODES * MS_MAX_ZONES_PER_NODE);
	if (p->nr_zones == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		struct ms_probe_zone *nz;

		nz = realloc(p->zones, ncap * sizeof(*nz));
		if (!nz)
			return ms_diag_set(pp->diag, pp->name, 0, -ENOMEM,
					   "out of memory");
		p->zones = nz;
		*cap = ncap;
	}
	z = &p->zones[p->nr_zones];
	memset(z, 0, sizeof(*z));
	{
		struct pv_want w[] = {
			{ "node", PV_INT, &z->node, false },
			{ "zone", PV_WORD, name, false },
			{ "count", PV_U64, &z->count, false },
		};

		err = parse_pairs(pp, toks, ntok, w, ARRAY_SIZE(w));
		if (err)
			return err;
	}
	if (z->node < 0)
		return fail(pp, "expected a node id, found -1");
	/* each zone once, or ms_probe_zone_count() would pick one */
	if (zone_listed(p, z->node, name))
		return fail(pp, "zone node=%d zone=%s listed twice", z->node,
			    name);
	if (strlen(name) >= sizeof(z->zone))
		return fail(pp, "zone name '%s' is too long", name);
	snprintf(z->zone, sizeof(z->zone), "%s", name);
	p->nr_zones++;
	return 0;
}

int ms_probe_parse(struct ms_probe *p, const char *buf, size_t len,
		   const char *name, struct ms_diag *diag)
{
	struct probe_parser pp = { name, diag, 0 };
	struct ms_tok toks[MAX_TOKS];
	struct ms_cursor cur;
	const char *line;
	size_t n, cap = 0, i;
	bool seen_result = false, seen_pinned = false;
	uint64_t sum = 0;
	int ret, ntok, err;

	memset(p, 0, sizeof(*p));
	p->node = -1;
	ms_cursor_init(&cur, buf, len);
	while ((ret = ms_cursor_next(&cur, &line, &n)) != 0) {
		pp.lineno = cur.lineno;
		if (ret < 0) {
			err = fail(&pp, "unexpected binary data");
			goto out_err;
		}
		ntok = ms_tokenize(line, n, toks, MAX_TOKS);
		if (ntok < 0) {
			err = fail(&pp, "more than %d fields", MAX_TOKS);
			goto out_err;
		}
		if (pp.lineno == 1) {
			const struct ms_tok *v = &toks[3];
			const char *dot;
			uint64_t major;
			char q[64];

			if (ntok != 4 || !ms_tok_eq(&toks[0], "probe") ||
			    !ms_tok_eq(&toks[1], "-") ||
			    !ms_tok_eq(&toks[2], "version:")) {
				err = fail(&pp,
					   "expected 'probe - version: N'");
				goto out_err;
			}
			dot = memchr(v->s, '.', v->len);
			ms_quote_tok(q, sizeof(q), v->s, v->len);
			if (ms_parse_u64(v->s,
					 dot ? (size_t)(dot - v->s) : v->len,
					 &major)) {
				err = fail(&pp,
					   "expected a version number, "
					   "found '%s'",
					   q);
				goto out_err;
			}
			if (major != MS_PROBE_VERSION) {
				err = fail(&pp,
					   "format version %s is not "
					   "supported (memscope reads version "
					   "%d)",
					   q, MS_PROBE_VERSION);
				goto out_err;
			}
			p->version = (unsigned int)major;
			continue;
		}
		if (ntok == 0)
			continue;
		if (ms_tok_eq(&toks[0], "limits")) {
			uint64_t mo = 0;
			struct pv_want w[] = {
				{ "max_order", PV_U64, &mo, false },
				{ "max_count", PV_U64, &p->max_count, false },
				{ "max_stride", PV_U64, &p->max_stride, false },
			};

			err = parse_pairs(&pp, toks, ntok, w, ARRAY_SIZE(w));
			if (err)
				goto out_err;
			if (mo >= MS_MAX_ORDERS) {
				err = fail(&pp, "max_order %llu is above %d",
					   (unsigned long long)mo,
					   MS_MAX_ORDERS - 1);
				goto out_err;
			}
			p->max_order = (unsigned int)mo;
		} else if (!seen_result) {
			err = parse_result(&pp, p, toks, ntok);
			if (err)
				goto out_err;
			seen_result = true;
		} else if (ms_tok_eq(&toks[0], "zone")) {
			err = parse_zone(&pp, p, toks, ntok, &cap);
			if (err)
				goto out_err;
		} else if (ms_tok_eq(&toks[0], "pinned")) {
			struct pv_want w[] = {
				{ "blocks", PV_U64, &p->pinned_blocks, false },
				{ "pages", PV_U64, &p->pinned_pages, false },
			};

			err = parse_pairs(&pp, toks, ntok, w, ARRAY_SIZE(w));
			if (err)
				goto out_err;
			seen_pinned = true;
		}
	}
	pp.lineno = 0;
	if (!p->version) {
		err = fail(&pp, "expected 'probe - version: N', found an empty "
				"file");
		goto out_err;
	}
	if (!seen_result || !seen_pinned) {
		err = fail(&pp, "expected a %s line",
			   seen_result ? "'pinned'" : "result");
		goto out_err;
	}
	if (p->succeeded > p->requested) {
		err = fail(&pp, "succeeded %llu is more than requested %llu",
			   (unsigned long long)p->succeeded,
			   (unsigned long long)p->requested);
		goto out_err;
	}
	for (i = 0; i < p->nr_zones; i++)
		sum += p->zones[i].count;
	if ((p->cmd == MS_PROBE_ALLOC || p->cmd == MS_PROBE_PIN) &&
	    sum != p->succeeded) {
		err = fail(&pp,
			   "zone counts sum to %llu, expected succeeded "
			   "%llu",
			   (unsigned long long)sum,
			   (unsigned long long)p->succeeded);
		goto out_err;
	}
	return 0;

out_err:
	ms_probe_release(p);
	return err;
}

void ms_probe_release(struct ms_probe *p)
{
	free(p->zones);
	memset(p, 0, sizeof(*p));
	p->node = -1;
}

uint64_t ms_probe_zone_count(const struct ms_probe *p, int node,
			     const char *zone)
{
	size_t i;

	for (i = 0; i < p->nr_zones; i++)
		if (p->zones[i].node == node && !strcmp(p->zones[i].zone, zone))
			return p->zones[i].count;
	return 0;
}

int ms_source_write_file(const struct ms_source *src, const char *path,
			 const char *text, struct ms_diag *diag)
{
	const char *label = ms_source_label(path);
	size_t len = strlen(text);
	ssize_t n;
	int fd, err;

	fd = openat(src->root_fd, path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		err = -errno;
		return ms_diag_set(diag, label, 0, err, "%s",
				   ms_errno_text(err));
	}
	do
		n = write(fd, text, len);
	while (n < 0 && errno == EINTR);
	err = n < 0 ? -errno : (size_t)n != len ? -EIO : 0;
	if (close(fd) && !err)
		err = -errno;
	if (err)
		return ms_diag_set(diag, label, 0, err, "cannot write: %s",
				   strerror(-err));
	return 0;
}
