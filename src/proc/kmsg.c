// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * "page allocation failure" reports in kernel log text.
 *
 * The headline, by era (mm/page_alloc.c):
 *   2.6      "%s: page allocation failure. order:%d, mode:0x%x"
 *   3.x-4.4  "%s: page allocation failure: order:%d, mode:0x%x"
 *   4.5-4.11 "%s: page allocation failure: order:%u, mode:%#x(%pGg)"
 *   4.12-4.19 the same + ", nodemask=%*pbl", then a separate
 *            "%s cpuset=%s mems_allowed=%*pbl" line
 *            (cpuset_print_current_mems_allowed())
 *   5.0-     ", nodemask=%*pbl,cpuset=%s,mems_allowed=%*pbl" on one line
 * Vmalloc failures use the same warn_alloc() text with "vmalloc:
 * allocation failure: %lu bytes" (up to 5.13; up to 4.8 on a line of its
 * own before a "page allocation failure" headline) or "vmalloc error:
 * size %lu, <reason>" (5.14+) in place of "page allocation failure:
 * order:%u".
 *
 * Then dump_stack() ("CPU: %d PID: %d Comm: %s <taint> <release> #N",
 * "Pid: %d, comm: %s <taint> <release>" before 3.x) and show_mem():
 * "Mem-Info:", the global counters in pages, per-node lines, per zone
 * "[Node N ]<Zone> free:%lukB ... " and "lowmem_reserve[]: %ld ...", per
 * zone "[Node N ]<Zone>: %lu*%lukB (<types>) ... = %lukB" (the "Node N "
 * only with CONFIG_NUMA), then hugepages and swap totals.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc/kmsg.h"
#include "lib/banned.h"

#define MAX_TOKS 256

/* One logical line: a physical line, or a piece of one split at "#012". */
struct kline {
	const char *s;
	size_t len;
	unsigned int lineno;
};

enum state {
	ST_HEAD,   /* after the headline, before Mem-Info */
	ST_GLOBAL, /* after "Mem-Info:", global counters */
	ST_ZONES,  /* node, zone, free-area and summary lines */
};

struct ctx {
	struct ms_kmsg *km;
	struct ms_kmsg_report *cur; /* the report being filled, or NULL */
	enum state st;
	int err; /* -ENOMEM once an allocation failed */
	/* an earlier line "vmalloc: allocation failure: N bytes" (<= 4.8) */
	bool pending_vmalloc;
	uint64_t pending_vmalloc_bytes;
	char pending_vmalloc_reason[128];
	/* an earlier line holding only "comm:" (a headline split in two) */
	char pending_comm[MS_KMSG_COMM_MAX];
	bool has_pending_comm;
	/* the current report reached MS_KMSG_MAX_ZONES (warned once) */
	bool zones_full;
	/* (node, name) -> index + 1 in the current report's zones */
	uint32_t *zone_slots;
	size_t nr_zone_slots;
};

/* ---- small text helpers ---- */

/* glibc's memmem(): every line is searched for several needles */
static const char *find(const char *s, size_t len, const char *needle)
{
	return memmem(s, len, needle, strlen(needle));
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool all_digits(const char *s, size_t len)
{
	size_t i;

	if (!len)
		return false;
	for (i = 0; i < len; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

static bool is_word(const char *s, size_t len)
{
	size_t i;

	if (!len)
		return false;
	for (i = 0; i < len; i++)
		if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != '_')
			return false;
	return is_alpha(s[0]);
}

static bool starts_with_any(const char *s, size_t len, const char *const *words,
			    size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++)
		if (ms_starts_with(s, len, words[i]))
			return true;
	return false;
}

/*
 * Text kept from the log is printed later: control bytes (an escape
 * sequence in a task name) become '?'. Copies @len bytes and a NUL.
 */
static void copy_clean(char *dst, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		dst[i] = ch < 0x20 || ch == 0x7f ? '?' : (char)ch;
	}
	dst[len] = '\0';
}

static void copy_text(char *dst, size_t size, const char *s, size_t len)
{
	ms_strip(&s, &len);
	if (len >= size)
		len = size - 1;
	copy_clean(dst, s, len);
}

/* A decimal number at the start of s; its length in *used. */
static int leading_u64(const char *s, size_t len, uint64_t *v, size_t *used)
{
	size_t i = 0;

	while (i < len && is_digit(s[i]))
		i++;
	*used = i;
	if (!i)
		return -EINVAL;
	return ms_parse_u64(s, i, v);
}

/* ---- prefixes: levels, syslog, timestamps, caller ids ---- */

static const char *const months[] = {
	"Jan ", "Feb ", "Mar ", "Apr ", "May ", "Jun ",
	"Jul ", "Aug ", "Sep ", "Oct ", "Nov ", "Dec ",
};

static const char *const weekdays[] = {
	"Mon ", "Tue ", "Wed ", "Thu ", "Fri ", "Sat ", "Sun ",
};

static const char *const levels[] = {
	"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
};

/* "<4>" */
static bool strip_level(const char **s, size_t *len)
{
	size_t i = 1;

	if (*len < 3 || (*s)[0] != '<')
		return false;
	while (i < *len && i < 5 && is_digit((*s)[i]))
		i++;
	if (i == 1 || i >= *len || (*s)[i] != '>')
		return false;
	*s += i + 1;
	*len -= i + 1;
	return true;
}

/*
 * "Nov 22 03:00:00 host kernel: ", "2025-11-22T03:00:00+0000 host
 * kernel: ", or "host kernel: " right after a timestamp that was already
 * removed (journalctl -o short-monotonic).
 */
static bool strip_syslog(const char **s, size_t *len, bool after_stamp)
{
	size_t scan = *len < 160 ? *len : 160;
	const char *k = find(*s, scan, " kernel:");
	struct ms_tok toks[8];
	size_t plen;
	int n;

	if (!k)
		return false;
	plen = (size_t)(k - *s);
	n = ms_tokenize(*s, plen, toks, ARRAY_SIZE(toks));
	if (n <= 0)
		return false;
	if (!starts_with_any(*s, *len, months, ARRAY_SIZE(months)) &&
	    !(is_digit((*s)[0]) && plen >= 10 && (*s)[4] == '-') &&
	    !(after_stamp && n == 1))
		return false;
	plen += strlen(" kernel:");
	*s += plen;
	*len -= plen;
	return true;
}

/* dmesg -x: "kern  :warn  : " */
static bool strip_facility(const char **s, size_t *len)
{
	size_t i = 0, w;
	size_t l;

	while (i < *len && (*s)[i] >= 'a' && (*s)[i] <= 'z')
		i++;
	if (i == 0 || i > 8)
		return false;
	while (i < *len && (*s)[i] == ' ')
		i++;
	if (i >= *len || (*s)[i] != ':')
		return false;
	w = ++i;
	while (i < *len && (*s)[i] >= 'a' && (*s)[i] <= 'z')
		i++;
	for (l = 0; l < ARRAY_SIZE(levels); l++)
		if (i - w == strlen(levels[l]) &&
		    !memcmp(*s + w, levels[l], i - w))
			break;
	if (l == ARRAY_SIZE(levels))
		return false;
	while (i < *len && (*s)[i] == ' ')
		i++;
	if (i >= *len || (*s)[i] != ':')
		return false;
	*s += i + 1;
	*len -= i + 1;
	return true;
}

/*
 * "[12345.678901]", "[Sat Nov 22 03:00:00 2025]" (dmesg -T) and the
 * CONFIG_PRINTK_CALLER ids "[  T123]", "[ C1]". Other brackets stay.
 * Sets *stamp for a time stamp.
 */
static bool strip_bracket(const char **s, size_t *len, bool *stamp)
{
	const char *close;
	const char *c;
	size_t clen, i;

	if (*len < 3 || (*s)[0] != '[')
		return false;
	close = memchr(*s, ']', *len < 48 ? *len : 48);
	if (!close)
		return false;
	c = *s + 1;
	clen = (size_t)(close - c);
	ms_strip(&c, &clen);
	if (!clen)
		return false;
	if ((c[0] == 'T' || c[0] == 'C') && all_digits(c + 1, clen - 1)) {
		*stamp = false;
	} else if (starts_with_any(c, clen, weekdays, ARRAY_SIZE(weekdays))) {
		*stamp = true;
	} else {
		const char *dot = memchr(c, '.', clen);

		if (!dot)
			return false;
		i = (size_t)(dot - c);
		if (!all_digits(c, i) || !all_digits(dot + 1, clen - i - 1))
			return false;
		*stamp = true;
	}
	*len -= (size_t)(close + 1 - *s);
	*s = close + 1;
	return true;
}

static void strip_prefixes(const char **s, size_t *len)
{
	bool after_stamp = false;
	int round;

	for (round = 0; round < 8; round++) {
		bool stamp = false;

		ms_strip(s, len);
		if (strip_level(s, len) || strip_facility(s, len))
			continue;
		if (strip_syslog(s, len, after_stamp)) {
			after_stamp = false;
			continue;
		}
		if (strip_bracket(s, len, &stamp)) {
			after_stamp = after_stamp || stamp;
			continue;
		}
		break;
	}
}

/* ---- growing arrays ---- */

/*
 * Makes room for element @nr of an array that holds @nr elements. The
 * capacity is implied by the count (8, then powers of two), so the
 * public structs need no capacity fields.
 */
static int push(void **arr, size_t nr, size_t elem)
{
	size_t ncap;
	void *p;

	if (nr == 0)
		ncap = 8;
	else if (nr >= 8 && !(nr & (nr - 1)))
		ncap = nr * 2;
	else
		return 0;
	p = realloc(*arr, ncap * elem);
	if (!p)
		return -ENOMEM;
	*arr = p;
	return 0;
}

static int collect_lines(const char *buf, size_t len, struct kline **out,
			 size_t *nr, unsigned int *nr_phys, const char *name,
			 struct ms_diag *diag)
{
	struct kline *lines = NULL;
	size_t n = 0;
	struct ms_cursor cur;
	const char *line;
	size_t line_len;
	int ret, err;

	ms_cursor_init(&cur, buf, len);
	while ((ret = ms_cursor_next(&cur, &line, &line_len)) != 0) {
		if (ret < 0) {
			err = ms_diag_set(diag, name, cur.lineno, -EINVAL,
					  "expected text, found a NUL byte");
			goto out_free_lines;
		}
		/* rsyslog writes an embedded newline as "#012" */
		while (line_len) {
			const char *cut = find(line, line_len, "#012");
			size_t piece = cut ? (size_t)(cut - line) : line_len;
			const char *s = line;
			size_t slen = piece;

			strip_prefixes(&s, &slen);
			if (slen) {
				if (push((void **)&lines, n, sizeof(*lines))) {
					err = ms_diag_set(diag, name, 0,
							  -ENOMEM,
							  "out of memory");
					goto out_free_lines;
				}
				lines[n].s = s;
				lines[n].len = slen;
				lines[n].lineno = cur.lineno;
				n++;
			}
			if (!cut)
				break;
			line_len -= piece + 4;
			line = cut + 4;
		}
	}
	*out = lines;
	*nr = n;
	*nr_phys = cur.lineno;
	return 0;

out_free_lines:
	free(lines);
	return err;
}

/* ---- report building ---- */

static void warn(struct ctx *c, unsigned int line, const char *fmt, ...)
	MS_PRINTF(3, 4);

static void warn(struct ctx *c, unsigned int line, const char *fmt, ...)
{
	struct ms_kmsg_report *r = c->cur;
	struct ms_kmsg_warning *w;
	va_list ap;

	if (push((void **)&r->warnings, r->nr_warnings, sizeof(*w))) {
		c->err = -ENOMEM;
		return;
	}
	w = &r->warnings[r->nr_warnings++];
	w->line = line;
	va_start(ap, fmt);
	vsnprintf(w->msg, sizeof(w->msg), fmt, ap);
	va_end(ap);
}

static void kvs_add(struct ctx *c, struct ms_kmsg_kvs *kvs, const char *key,
		    size_t klen, uint64_t value, bool kb)
{
	struct ms_kmsg_kv *kv;

	if (push((void **)&kvs->items, kvs->nr, sizeof(*kv))) {
		c->err = -ENOMEM;
		return;
	}
	kv = &kvs->items[kvs->nr++];
	if (klen >= sizeof(kv->key))
		klen = sizeof(kv->key) - 1;
	copy_clean(kv->key, key, klen);
	kv->value = value;
	kv->kb = kb;
}

bool ms_kmsg_kv_get(const struct ms_kmsg_kvs *kvs, const char *key,
		    uint64_t *value)
{
	size_t i;

	for (i = 0; i < kvs->nr; i++)
		if (!strcmp(kvs->items[i].key, key)) {
			*value = kvs->items[i].value;
			return true;
		}
	return false;
}

/* "123", "123kB", "123KB" */
static bool parse_value(const char *s, size_t len, uint64_t *v, bool *kb)
{
	*kb = false;
	if (len > 2 && (s[len - 2] == 'k' || s[len - 2] == 'K') &&
	    s[len - 1] == 'B') {
		*kb = true;
		len -= 2;
	}
	return all_digits(s, len) && !ms_parse_u64(s, len, v);
}

/*
 * The "key:value" tokens of toks[from..n): "free:123kB", the 4.19-era
 * "shmem_thp: 0kB" (value in the next token) and "all_unreclaimable?
 * yes". Keys may hold parentheses ("isolated(anon):0kB").
 *
 * Return: the number of pairs read; *bad is the index of the first token
 * that is not part of a pair (n when all were).
 */
static size_t parse_kvs(struct ctx *c, const struct ms_tok *toks, int n,
			int from, struct ms_kmsg_kvs *kvs, int *bad)
{
	size_t pairs = 0;
	int i = from;

	while (i < n) {
		const struct ms_tok *t = &toks[i];
		const char *colon = memchr(t->s, ':', t->len);
		uint64_t v;
		bool kb;

		if (t->len > 1 && t->s[t->len - 1] == '?' && i + 1 < n) {
			/* "all_unreclaimable? yes" */
			if (ms_tok_eq(&toks[i + 1], "yes"))
				v = 1;
			else if (ms_tok_eq(&toks[i + 1], "no"))
				v = 0;
			else
				break;
			kvs_add(c, kvs, t->s, t->len, v, false);
			i += 2;
		} else if (colon && colon == t->s + t->len - 1 && t->len > 1 &&
			   i + 1 < n &&
			   parse_value(toks[i + 1].s, toks[i + 1].len, &v,
				       &kb)) {
			/* "shmem_thp: 0kB" */
			kvs_add(c, kvs, t->s, t->len - 1, v, kb);
			i += 2;
		} else if (colon && colon > t->s &&
			   parse_value(colon + 1,
				       t->len - (size_t)(colon + 1 - t->s), &v,
				       &kb)) {
			kvs_add(c, kvs, t->s, (size_t)(colon - t->s), v, kb);
			i++;
		} else {
			break;
		}
		pairs++;
	}
	*bad = i;
	return pairs;
}

static void report_free(struct ms_kmsg_report *r)
{
	size_t i;

	free(r->global.items);
	for (i = 0; i < r->nr_nodes; i++)
		free(r->nodes[i].kvs.items);
	free(r->nodes);
	for (i = 0; i < r->nr_zones; i++)
		free(r->zones[i].kvs.items);
	free(r->zones);
	free(r->summary.items);
	free(r->warnings);
}

static void zone_label(const struct ms_kmsg_zone *z, char *buf, size_t size)
{
	if (z->node >= 0)
		snprintf(buf, size, "Node %d %s", z->node, z->name);
	else
		snprintf(buf, size, "%s", z->name);
}

/* Checks that only the whole report can answer. */
static void finish_report(struct ctx *c)
{
	struct ms_kmsg_report *r = c->cur;
	size_t i;

	if (!r)
		return;
	if (!r->has_mode)
		warn(c, r->line, "headline without 'mode:' (cut short?)");
	if (!r->has_meminfo)
		warn(c, 0,
		     "no Mem-Info block followed (rate-limited, or the log ends here)");
	else if (!r->nr_zones)
		warn(c, 0, "Mem-Info block without zone lines");
	for (i = 0; i < r->nr_zones; i++) {
		const struct ms_kmsg_zone *z = &r->zones[i];
		char label[40];

		zone_label(z, label, sizeof(label));
		if (!(z->has & MS_KMSG_ZONE_HAS_WMARKS))
			warn(c, z->free_area_line,
			     "no watermark line for zone '%s'", label);
		if ((z->has & MS_KMSG_ZONE_HAS_WMARKS) &&
		    !(z->has & MS_KMSG_ZONE_HAS_LOWMEM))
			warn(c, z->line,
			     "no lowmem_reserve[] line after zone '%s'", label);
		if (!(z->has & MS_KMSG_ZONE_HAS_FREE_AREA))
			warn(c, z->line, "no free-area line for zone '%s'",
			     label);
	}
	c->cur = NULL;
}

static struct ms_kmsg_report *new_report(struct ctx *c, unsigned int line)
{
	struct ms_kmsg *km = c->km;
	struct ms_kmsg_report *r;

	finish_report(c);
	if (c->err)
		return NULL;
	if (push((void **)&km->reports, km->nr_reports, sizeof(*r))) {
		c->err = -ENOMEM;
		return NULL;
	}
	r = &km->reports[km->nr_reports++];
	memset(r, 0, sizeof(*r));
	r->line = line;
	r->order = -1;
	c->cur = r;
	c->zones_full = false;
	if (c->zone_slots)
		memset(c->zone_slots, 0,
		       c->nr_zone_slots * sizeof(*c->zone_slots));
	c->st = ST_HEAD;
	return r;
}

/* ", mode:0x..(NAMES), nodemask=..,cpuset=..,mems_allowed=.." */
static void parse_mode_tail(struct ctx *c, const struct kline *l, const char *p)
{
	struct ms_kmsg_report *r = c->cur;
	const char *end = l->s + l->len;
	const char *q, *cs, *ma;
	size_t i = 0, n;
	uint64_t v;

	p += strlen("mode:");
	n = (size_t)(end - p);
	if (n >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		i = 2;
	while (i < n &&
	       ((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f') ||
		(p[i] >= 'A' && p[i] <= 'F')))
		i++;
	if (ms_parse_hex_u64(p, i, &v) || v > UINT32_MAX) {
		warn(c, l->lineno, "expected a hex number after 'mode:'");
		return;
	}
	r->has_mode = true;
	r->mode = (uint32_t)v;
	p += i;
	if (p < end && *p == '(') {
		q = memchr(p, ')', (size_t)(end - p));
		r->has_flags = true;
		if (!q) {
			copy_text(r->flags, sizeof(r->flags), p + 1,
				  (size_t)(end - p - 1));
			warn(c, l->lineno, "flag names cut short: '(%s'",
			     r->flags);
			return;
		}
		copy_text(r->flags, sizeof(r->flags), p + 1,
			  (size_t)(q - p - 1));
		p = q + 1;
	}
	q = find(p, (size_t)(end - p), "nodemask=");
	if (!q)
		return;
	q += strlen("nodemask=");
	cs = find(q, (size_t)(end - q), ",cpuset=");
	r->has_nodemask = true;
	copy_text(r->nodemask, sizeof(r->nodemask), q,
		  (size_t)((cs ? cs : end) - q));
	if (!cs)
		return;
	cs += strlen(",cpuset=");
	ma = find(cs, (size_t)(end - cs), ",mems_allowed=");
	r->has_cpuset = true;
	r->cpuset_same_line = true;
	copy_text(r->cpuset, sizeof(r->cpuset), cs,
		  (size_t)((ma ? ma : end) - cs));
	if (ma) {
		ma += strlen(",mems_allowed=");
		copy_text(r->mems_allowed, sizeof(r->mems_allowed), ma,
			  (size_t)(end - ma));
	} else {
		warn(c, l->lineno,
		     "cpuset without ',mems_allowed=' (cut short?)");
	}
}

/* The comm before ": <what>" at @at; "" when the line starts there. */
static void take_comm(struct ctx *c, const struct kline *l, const char *at)
{
	struct ms_kmsg_report *r = c->cur;
	size_t n = (size_t)(at - l->s);

	if (n >= 2 && at[-2] == ':' && at[-1] == ' ')
		n -= 2;
	else if (n >= 1 && at[-1] == ':')
		n -= 1;
	if (n) {
		copy_text(r->comm, sizeof(r->comm), l->s, n);
	} else if (c->has_pending_comm) {
		/* "swapper/8: " and "page allocation failure..." split */
		memcpy(r->comm, c->pending_comm, sizeof(r->comm));
	} else {
		warn(c, l->lineno, "headline without the task name");
	}
}

/* "vmalloc: allocation failure: N bytes" / ", allocated A of B bytes" */
static void parse_vmalloc_text(const char *p, const char *end, uint64_t *bytes,
			       char *reason, size_t rsize)
{
	const char *q;
	size_t used;

	*bytes = 0;
	reason[0] = '\0';
	if (ms_starts_with(p, (size_t)(end - p), "vmalloc error: size ")) {
		p += strlen("vmalloc error: size ");
		if (leading_u64(p, (size_t)(end - p), bytes, &used))
			*bytes = 0;
		p += used;
		if (p + 2 <= end && p[0] == ',' && p[1] == ' ')
			p += 2;
		q = find(p, (size_t)(end - p), ", mode:");
		copy_text(reason, rsize, p, (size_t)((q ? q : end) - p));
		return;
	}
	p += strlen("vmalloc: allocation failure");
	if (ms_starts_with(p, (size_t)(end - p), ": ")) {
		p += 2;
		if (leading_u64(p, (size_t)(end - p), bytes, &used))
			*bytes = 0;
		return;
	}
	if (ms_starts_with(p, (size_t)(end - p), ", ")) {
		p += 2;
		q = find(p, (size_t)(end - p), ", mode:");
		copy_text(reason, rsize, p, (size_t)((q ? q : end) - p));
		q = find(p, (size_t)(end - p), " of ");
		if (q &&
		    leading_u64(q + 4, (size_t)(end - q - 4), bytes, &used))
			*bytes = 0;
	}
}

static bool headline(struct ctx *c, const struct kline *l)
{
	const char *end = l->s + l->len;
	const char *pa = find(l->s, l->len, "page allocation failure");
	const char *ve = find(l->s, l->len, "vmalloc error: size ");
	const char *va = find(l->s, l->len, "vmalloc: allocation failure");
	const char *vm = ve ? ve : va;
	const char *mode = find(l->s, l->len, "mode:");
	struct ms_kmsg_report *r;

	if (vm && !pa && !mode) {
		/* <= 4.8: the vmalloc text precedes the page headline */
		c->pending_vmalloc = true;
		parse_vmalloc_text(vm, end, &c->pending_vmalloc_bytes,
				   c->pending_vmalloc_reason,
				   sizeof(c->pending_vmalloc_reason));
		return true;
	}
	if (!pa && !(vm && mode))
		return false;
	r = new_report(c, l->lineno);
	if (!r)
		return true;
	if (pa) {
		const char *p = pa + strlen("page allocation failure");
		uint64_t order;
		size_t used;

		take_comm(c, l, pa);
		r->kind = MS_KMSG_PAGE_ALLOC;
		r->period_headline = p < end && *p == '.';
		p = find(p, (size_t)(end - p), "order:");
		if (p &&
		    !leading_u64(p + 6, (size_t)(end - p - 6), &order, &used) &&
		    order < 64)
			r->order = (int)order;
		else
			warn(c, l->lineno,
			     "expected 'order:N' in the headline");
		if (c->pending_vmalloc) {
			r->kind = MS_KMSG_VMALLOC;
			r->vmalloc_bytes = c->pending_vmalloc_bytes;
			memcpy(r->vmalloc_reason, c->pending_vmalloc_reason,
			       sizeof(r->vmalloc_reason));
		}
	} else {
		take_comm(c, l, vm);
		r->kind = MS_KMSG_VMALLOC;
		parse_vmalloc_text(vm, end, &r->vmalloc_bytes,
				   r->vmalloc_reason,
				   sizeof(r->vmalloc_reason));
	}
	c->pending_vmalloc = false;
	c->has_pending_comm = false;
	if (mode)
		parse_mode_tail(c, l, mode);
	return true;
}

/* 4.10-4.19: "<comm> cpuset=<name> mems_allowed=<list>" */
static bool cpuset_line(struct ctx *c, const struct kline *l)
{
	struct ms_kmsg_report *r = c->cur;
	const char *end = l->s + l->len;
	const char *cs = find(l->s, l->len, " cpuset=");
	const char *ma;
	char comm[MS_KMSG_COMM_MAX];

	if (!cs || r->has_cpuset || c->st != ST_HEAD)
		return false;
	ma = find(cs, (size_t)(end - cs), " mems_allowed=");
	copy_text(comm, sizeof(comm), l->s, (size_t)(cs - l->s));
	if (r->comm[0] && strcmp(comm, r->comm))
		return false;
	r->has_cpuset = true;
	cs += strlen(" cpuset=");
	copy_text(r->cpuset, sizeof(r->cpuset), cs,
		  (size_t)((ma ? ma : end) - cs));
	if (ma) {
		ma += strlen(" mems_allowed=");
		copy_text(r->mems_allowed, sizeof(r->mems_allowed), ma,
			  (size_t)(end - ma));
	} else {
		warn(c, l->lineno,
		     "cpuset line without 'mems_allowed=' (cut short?)");
	}
	return true;
}

/* "6.8.0-45-generic" -> 6 << 16 | 8 << 8 */
static bool release_kver(const char *s, size_t len, uint32_t *kver)
{
	uint64_t maj, min;
	size_t a, b;

	if (leading_u64(s, len, &maj, &a) || maj == 0 || maj > 255 ||
	    a >= len || s[a] != '.')
		return false;
	if (leading_u64(s + a + 1, len - a - 1, &min, &b) || min > 255)
		return false;
	*kver = ((uint32_t)maj << 16) | ((uint32_t)min << 8);
	return true;
}

/*
 * dump_stack(): "CPU: 1 PID: 87 Comm: kworker/u8:2 Not tainted 6.8.0 #1",
 * "CPU: 0 UID: 0 PID: 1 Comm: x Tainted: G W 6.12.0 #1", "Pid: 0, comm:
 * swapper Tainted: P 2.6.38-10-server #46-Ubuntu". The release is the
 * first token after the taint text that starts with "N.N".
 */
static bool cpu_line(struct ctx *c, const struct kline *l)
{
	struct ms_kmsg_report *r = c->cur;
	struct ms_tok toks[48];
	bool after = false;
	int n, i;

	if (!(ms_starts_with(l->s, l->len, "CPU: ") &&
	      find(l->s, l->len, " Comm: ")) &&
	    !(ms_starts_with(l->s, l->len, "Pid: ") &&
	      find(l->s, l->len, " comm: ")))
		return false;
	if (r->release[0])
		return true;
	n = ms_tokenize(l->s, l->len, toks, ARRAY_SIZE(toks));
	for (i = 0; i < n; i++) {
		uint32_t kver;

		if (ms_tok_eq(&toks[i], "tainted") ||
		    ms_tok_eq(&toks[i], "Tainted:")) {
			after = true;
			continue;
		}
		if (after && release_kver(toks[i].s, toks[i].len, &kver)) {
			copy_text(r->release, sizeof(r->release), toks[i].s,
				  toks[i].len);
			r->kver = kver;
			break;
		}
	}
	return true;
}

/*
 * Zones are looked up for every zone and free-area line: a hash of
 * (node, name), so that a log of millions of such lines stays linear.
 */
static size_t zone_hash(int node, const char *name, size_t nlen)
{
	uint64_t h = 0xcbf29ce484222325ull ^ (uint32_t)node;
	size_t i;

	for (i = 0; i < nlen; i++) {
		h ^= (unsigned char)name[i];
		h *= 0x100000001b3ull;
	}
	return (size_t)(h ^ (h >> 32));
}

/* The slot of (node, name): the zone's, or the empty one to fill. */
static uint32_t *zone_slot(const struct ctx *c, int node, const char *name,
			   size_t nlen)
{
	const struct ms_kmsg_report *r = c->cur;
	size_t mask = c->nr_zone_slots - 1, i;

	for (i = zone_hash(node, name, nlen) & mask; c->zone_slots[i];
	     i = (i + 1) & mask) {
		const struct ms_kmsg_zone *z = &r->zones[c->zone_slots[i] - 1];

		if (z->node == node && strlen(z->name) == nlen &&
		    !memcmp(z->name, name, nlen))
			break;
	}
	return &c->zone_slots[i];
}

/* Keeps the table at most half full; rehashes the report's zones. */
static int zone_slots_grow(struct ctx *c)
{
	const struct ms_kmsg_report *r = c->cur;
	size_t n, i;

	if ((r->nr_zones + 1) * 2 <= c->nr_zone_slots)
		return 0;
	n = c->nr_zone_slots ? c->nr_zone_slots * 2 : 64;
	free(c->zone_slots);
	c->zone_slots = calloc(n, sizeof(*c->zone_slots));
	c->nr_zone_slots = c->zone_slots ? n : 0;
	if (!c->zone_slots)
		return -ENOMEM;
	for (i = 0; i < r->nr_zones; i++)
		*zone_slot(c, r->zones[i].node, r->zones[i].name,
			   strlen(r->zones[i].name)) = (uint32_t)i + 1;
	return 0;
}

static struct ms_kmsg_zone *zone_get(struct ctx *c, unsigned int lineno,
				     int node, const char *name, size_t nlen)
{
	struct ms_kmsg_report *r = c->cur;
	struct ms_kmsg_zone *z;
	uint32_t *slot;

	if (nlen >= MS_ZONE_NAME_MAX)
		nlen = MS_ZONE_NAME_MAX - 1;
	if (zone_slots_grow(c)) {
		c->err = -ENOMEM;
		return NULL;
	}
	slot = zone_slot(c, node, name, nlen);
	if (*slot)
		return &r->zones[*slot - 1];
	/* more than any machine has */
	if (r->nr_zones == MS_KMSG_MAX_ZONES) {
		if (!c->zones_full)
			warn(c, lineno,
			     "more than %d zones: the others are ignored",
			     MS_KMSG_MAX_ZONES);
		c->zones_full = true;
		return NULL;
	}
	if (push((void **)&r->zones, r->nr_zones, sizeof(*z))) {
		c->err = -ENOMEM;
		return NULL;
	}
	z = &r->zones[r->nr_zones++];
	memset(z, 0, sizeof(*z));
	z->node = node;
	memcpy(z->name, name, nlen);
	z->name[nlen] = '\0';
	*slot = (uint32_t)r->nr_zones;
	return z;
}

static void zone_line(struct ctx *c, const struct kline *l,
		      const struct ms_tok *toks, int n, int idx, int node)
{
	struct ms_kmsg_zone *z;
	uint64_t v;
	int bad;
	static const struct {
		const char *key;
		size_t off;
		unsigned int has;
	} fields[] = {
		{ "free", offsetof(struct ms_kmsg_zone, free_kb), 0 },
		{ "min", offsetof(struct ms_kmsg_zone, min_kb), 0 },
		{ "low", offsetof(struct ms_kmsg_zone, low_kb), 0 },
		{ "high", offsetof(struct ms_kmsg_zone, high_kb), 0 },
		{ "boost", offsetof(struct ms_kmsg_zone, boost_kb),
		  MS_KMSG_ZONE_HAS_BOOST },
		{ "present", offsetof(struct ms_kmsg_zone, present_kb), 0 },
		{ "managed", offsetof(struct ms_kmsg_zone, managed_kb),
		  MS_KMSG_ZONE_HAS_MANAGED },
		{ "free_cma", offsetof(struct ms_kmsg_zone, free_cma_kb),
		  MS_KMSG_ZONE_HAS_FREE_CMA },
		{ "reserved_highatomic",
		  offsetof(struct ms_kmsg_zone, reserved_highatomic_kb),
		  MS_KMSG_ZONE_HAS_RESERVED_HA },
		{ "free_highatomic",
		  offsetof(struct ms_kmsg_zone, free_highatomic_kb),
		  MS_KMSG_ZONE_HAS_FREE_HA },
	};
	size_t i;

	z = zone_get(c, l->lineno, node, toks[idx].s, toks[idx].len);
	if (!z)
		return;
	if (z->has & MS_KMSG_ZONE_HAS_WMARKS) {
		warn(c, l->lineno, "second watermark line for zone '%s'",
		     z->name);
		return;
	}
	z->has |= MS_KMSG_ZONE_HAS_WMARKS;
	z->line = l->lineno;
	parse_kvs(c, toks, n, idx + 1, &z->kvs, &bad);
	if (bad < n) {
		char q[48];

		warn(c, l->lineno, "zone line cut short at '%s'",
		     ms_quote_tok(q, sizeof(q), toks[bad].s, toks[bad].len));
	}
	for (i = 0; i < ARRAY_SIZE(fields); i++) {
		if (!ms_kmsg_kv_get(&z->kvs, fields[i].key, &v))
			continue;
		*(uint64_t *)((char *)z + fields[i].off) = v;
		z->has |= fields[i].has;
	}
	if (!ms_kmsg_kv_get(&z->kvs, "min", &v))
		warn(c, l->lineno, "zone line without 'min:'");
}

static void lowmem_line(struct ctx *c, const struct kline *l,
			const struct ms_tok *toks, int n)
{
	struct ms_kmsg_report *r = c->cur;
	struct ms_kmsg_zone *z = NULL;
	size_t i;
	int k;

	/* it belongs to the last zone line that has none yet */
	for (i = r->nr_zones; i > 0; i--) {
		struct ms_kmsg_zone *t = &r->zones[i - 1];

		if ((t->has & MS_KMSG_ZONE_HAS_WMARKS) &&
		    !(t->has & MS_KMSG_ZONE_HAS_LOWMEM)) {
			z = t;
			break;
		}
	}
	if (!z) {
		warn(c, l->lineno, "lowmem_reserve[] line without a zone line");
		return;
	}
	z->has |= MS_KMSG_ZONE_HAS_LOWMEM;
	for (k = 1; k < n; k++) {
		int64_t v;

		if (z->nr_lowmem_reserve >= MS_KMSG_MAX_ZONE_TYPES ||
		    ms_parse_s64(toks[k].s, toks[k].len, &v)) {
			char q[48];

			warn(c, l->lineno, "lowmem_reserve[] cut short at '%s'",
			     ms_quote_tok(q, sizeof(q), toks[k].s,
					  toks[k].len));
			return;
		}
		z->lowmem_reserve[z->nr_lowmem_reserve++] = v;
	}
	if (!z->nr_lowmem_reserve)
		warn(c, l->lineno, "lowmem_reserve[] line without numbers");
}

static unsigned int mt_bit(char ch)
{
	switch (ch) {
	case 'U':
		return MS_KMSG_MT_UNMOVABLE;
	case 'M':
		return MS_KMSG_MT_MOVABLE;
	case 'E':
		return MS_KMSG_MT_RECLAIMABLE;
	case 'H':
		return MS_KMSG_MT_HIGHATOMIC;
	case 'C':
		return MS_KMSG_MT_CMA;
	case 'I':
		return MS_KMSG_MT_ISOLATE;
	case 'R':
		return MS_KMSG_MT_RESERVE;
	default:
		return 0;
	}
}

const char *ms_kmsg_mt_letters(unsigned int types, char *buf, size_t size)
{
	static const char order[] = "UMEHCIR";
	size_t i, o = 0;

	for (i = 0; order[i] && o + 1 < size; i++)
		if (types & mt_bit(order[i]))
			buf[o++] = order[i];
	if (size)
		buf[o] = '\0';
	return buf;
}

/* "3600*4kB (UME) 100*8kB (U) 0*16kB ... = 15200kB" */
static void free_area_line(struct ctx *c, const struct kline *l,
			   const struct ms_tok *toks, int n, int idx, int node)
{
	struct ms_kmsg_report *r = c->cur;
	struct ms_kmsg_zone *z;
	uint64_t sum_kb = 0, unit_kb = 0;
	bool closed = false;
	int i = idx + 1;

	z = zone_get(c, l->lineno, node, toks[idx].s, toks[idx].len - 1);
	if (!z)
		return;
	if (z->has & MS_KMSG_ZONE_HAS_FREE_AREA) {
		warn(c, l->lineno, "second free-area line for zone '%s'",
		     z->name);
		return;
	}
	z->has |= MS_KMSG_ZONE_HAS_FREE_AREA;
	z->free_area_line = l->lineno;
	while (i < n) {
		const struct ms_tok *t = &toks[i];
		const char *star = memchr(t->s, '*', t->len);
		uint64_t count, size_kb;
		bool kb;
		char q[48];

		if (ms_tok_eq(t, "=")) {
			if (i + 1 < n &&
			    parse_value(toks[i + 1].s, toks[i + 1].len,
					&z->free_area_total_kb, &kb) &&
			    kb) {
				closed = true;
				z->has |= MS_KMSG_ZONE_HAS_FREE_TOTAL;
			}
			break;
		}
		if (!star ||
		    ms_parse_u64(t->s, (size_t)(star - t->s), &count) ||
		    !parse_value(star + 1, t->len - (size_t)(star + 1 - t->s),
				 &size_kb, &kb) ||
		    !kb || !size_kb) {
			ms_quote_tok(q, sizeof(q), t->s, t->len);
			if (i == n - 1)
				warn(c, l->lineno,
				     "free-area line cut short at '%s'", q);
			else
				warn(c, l->lineno,
				     "free-area line: expected 'N*SIZEkB', found '%s'",
				     q);
			return;
		}
		if (z->nr_orders == 0)
			unit_kb = size_kb;
		if (z->nr_orders >= MS_MAX_ORDERS ||
		    size_kb != unit_kb << z->nr_orders) {
			warn(c, l->lineno,
			     "free-area line: order %u has block size %llukB, expected %llukB",
			     z->nr_orders, (unsigned long long)size_kb,
			     (unsigned long long)(unit_kb << z->nr_orders));
			return;
		}
		if (count > (UINT64_MAX - sum_kb) / size_kb) {
			warn(c, l->lineno,
			     "free-area line: '%s' overflows 64 bits",
			     ms_quote_tok(q, sizeof(q), t->s, t->len));
			return;
		}
		z->free_blocks[z->nr_orders] = count;
		sum_kb += count * size_kb;
		i++;
		if (i < n && toks[i].len >= 2 && toks[i].s[0] == '(' &&
		    toks[i].s[toks[i].len - 1] == ')') {
			size_t k;

			for (k = 1; k + 1 < toks[i].len; k++) {
				unsigned int bit = mt_bit(toks[i].s[k]);

				if (!bit)
					warn(c, l->lineno,
					     "unknown migrate type '%c' in '%s'",
					     toks[i].s[k],
					     ms_quote_tok(q, sizeof(q),
							  toks[i].s,
							  toks[i].len));
				z->types[z->nr_orders] |= bit;
			}
			z->has |= MS_KMSG_ZONE_HAS_TYPES;
			i++;
		}
		z->nr_orders++;
	}
	if (z->nr_orders && !r->page_size_kb)
		r->page_size_kb = (unsigned int)unit_kb;
	else if (z->nr_orders && unit_kb != r->page_size_kb)
		warn(c, l->lineno,
		     "free-area line starts at %llukB, other zones at %ukB",
		     (unsigned long long)unit_kb, r->page_size_kb);
	if (!closed)
		warn(c, l->lineno,
		     "free-area line cut short (no '= NkB' total)");
	else if (sum_kb != z->free_area_total_kb)
		warn(c, l->lineno,
		     "free-area sum %llukB differs from the printed total %llukB",
		     (unsigned long long)sum_kb,
		     (unsigned long long)z->free_area_total_kb);
}

static void node_line(struct ctx *c, const struct kline *l,
		      const struct ms_tok *toks, int n, int node)
{
	struct ms_kmsg_report *r = c->cur;
	struct ms_kmsg_node *nd;
	int bad;

	if (push((void **)&r->nodes, r->nr_nodes, sizeof(*nd))) {
		c->err = -ENOMEM;
		return;
	}
	nd = &r->nodes[r->nr_nodes++];
	memset(nd, 0, sizeof(*nd));
	nd->node = node;
	parse_kvs(c, toks, n, 2, &nd->kvs, &bad);
	if (bad < n) {
		char q[48];

		warn(c, l->lineno, "node line cut short at '%s'",
		     ms_quote_tok(q, sizeof(q), toks[bad].s, toks[bad].len));
	}
}

/* The show_mem() lines after the free areas. */
static bool summary_line(struct ctx *c, const char *s, size_t len)
{
	static const struct {
		const char *text;
		const char *key;
	} tails[] = {
		{ " total pagecache pages", "total_pagecache_pages" },
		{ " pages in swap cache", "swap_cache_pages" },
		{ " pages RAM", "ram_pages" },
		{ " pages HighMem/MovableOnly", "highmem_pages" },
		{ " pages HighMem", "highmem_pages" },
		{ " pages reserved", "reserved_pages" },
		{ " pages cma reserved", "cma_reserved_pages" },
		{ " pages hwpoisoned", "hwpoisoned_pages" },
	};
	struct ms_kmsg_report *r = c->cur;
	uint64_t v;
	size_t used, i;
	bool kb;

	if (ms_starts_with(s, len, "Free swap") ||
	    ms_starts_with(s, len, "Total swap")) {
		const char *eq = memchr(s, '=', len);
		const char *p;
		size_t plen;

		if (!eq)
			return false;
		p = eq + 1;
		plen = len - (size_t)(p - s);
		ms_strip(&p, &plen);
		if (!parse_value(p, plen, &v, &kb) || !kb)
			return false;
		kvs_add(c, &r->summary,
			s[0] == 'F' ? "free_swap_kb" : "total_swap_kb",
			strlen(s[0] == 'F' ? "free_swap_kb" : "total_swap_kb"),
			v, true);
		return true;
	}
	if (leading_u64(s, len, &v, &used))
		return false;
	for (i = 0; i < ARRAY_SIZE(tails); i++)
		if (len - used == strlen(tails[i].text) &&
		    !memcmp(s + used, tails[i].text, len - used)) {
			kvs_add(c, &r->summary, tails[i].key,
				strlen(tails[i].key), v, false);
			return true;
		}
	return false;
}

static bool known_zone(const char *s, size_t len)
{
	static const char *const names[] = {
		"DMA", "DMA32", "Normal", "HighMem", "Movable", "Device",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (len == strlen(names[i]) && !memcmp(s, names[i], len))
			return true;
	return false;
}

/* A line inside Mem-Info; false when it is not part of it. */
static bool meminfo_line(struct ctx *c, const struct kline *l)
{
	struct ms_kmsg_report *r = c->cur;
	struct ms_tok toks[MAX_TOKS];
	int n, idx = 0, node = -1, bad;
	int64_t nv;

	n = ms_tokenize(l->s, l->len, toks, MAX_TOKS);
	if (n <= 0)
		return false;
	if (n >= 2 && ms_tok_eq(&toks[0], "Node") &&
	    !ms_parse_s64(toks[1].s, toks[1].len, &nv) && nv >= 0 &&
	    nv < 65536) {
		node = (int)nv;
		idx = 2;
	}
	if (ms_tok_eq(&toks[0], "lowmem_reserve[]:")) {
		lowmem_line(c, l, toks, n);
		return true;
	}
	/* 2.6-3.x per-cpu lists: "DMA per-cpu:", "CPU    0: hi:    0, ..." */
	if ((n > idx + 1 && ms_tok_eq(&toks[idx + 1], "per-cpu:")) ||
	    (ms_tok_eq(&toks[0], "CPU") && find(l->s, l->len, " hi:")))
		return true;
	if (n > idx + 1 && is_word(toks[idx].s, toks[idx].len) &&
	    ms_starts_with(toks[idx + 1].s, toks[idx + 1].len, "free:")) {
		zone_line(c, l, toks, n, idx, node);
		c->st = ST_ZONES;
		return true;
	}
	if (n > idx && toks[idx].len > 1 &&
	    toks[idx].s[toks[idx].len - 1] == ':' &&
	    is_word(toks[idx].s, toks[idx].len - 1) &&
	    ((n > idx + 1 && memchr(toks[idx + 1].s, '*', toks[idx + 1].len) &&
	      is_digit(toks[idx + 1].s[0])) ||
	     (n == idx + 1 && known_zone(toks[idx].s, toks[idx].len - 1)))) {
		free_area_line(c, l, toks, n, idx, node);
		c->st = ST_ZONES;
		return true;
	}
	if (node >= 0 && n > 2 && find(toks[2].s, toks[2].len, "hugepages_"))
		return true;
	if (node >= 0 && n > 2 && memchr(toks[2].s, ':', toks[2].len)) {
		node_line(c, l, toks, n, node);
		c->st = ST_ZONES;
		return true;
	}
	if (summary_line(c, l->s, l->len) ||
	    ms_starts_with(l->s, l->len, "Swap cache stats:"))
		return true;
	if (c->st == ST_GLOBAL && memchr(toks[0].s, ':', toks[0].len)) {
		size_t pairs = parse_kvs(c, toks, n, 0, &r->global, &bad);

		if (!pairs)
			return false;
		if (bad < n) {
			char q[48];

			warn(c, l->lineno,
			     "Mem-Info counters cut short at '%s'",
			     ms_quote_tok(q, sizeof(q), toks[bad].s,
					  toks[bad].len));
		}
		return true;
	}
	return false;
}

/*
 * Lines that start another kind of memory dump: the OOM killer, SysRq-m,
 * and the "page allocation stalls for %ums" warning of 4.9-4.14, which
 * also ends in show_mem().
 */
static bool other_dump(const struct kline *l)
{
	return find(l->s, l->len, "invoked oom-killer:") ||
	       find(l->s, l->len, "page allocation stalls for ") ||
	       ms_starts_with(l->s, l->len, "Out of memory") ||
	       find(l->s, l->len, "Show Memory");
}

static void one_line(struct ctx *c, const struct kline *l)
{
	bool meminfo_head =
		(l->len == 9 && (ms_starts_with(l->s, l->len, "Mem-Info:") ||
				 ms_starts_with(l->s, l->len, "Mem-info:")));

	if (headline(c, l))
		return;
	/* the <= 4.8 vmalloc line is followed at once by its headline */
	c->pending_vmalloc = false;
	if (!c->cur) {
		if (meminfo_head)
			c->km->orphan_meminfo++;
		goto remember;
	}
	if (other_dump(l)) {
		finish_report(c);
		return;
	}
	if (meminfo_head) {
		if (c->cur->has_meminfo) {
			/* a second dump: not this report's */
			finish_report(c);
			c->km->orphan_meminfo++;
			return;
		}
		c->cur->has_meminfo = true;
		c->st = ST_GLOBAL;
		return;
	}
	if (c->st == ST_HEAD) {
		if (cpuset_line(c, l) || cpu_line(c, l))
			return;
		goto remember;
	}
	if (meminfo_line(c, l))
		return;
remember:
	/* "comm: " alone, whose headline continues on the next line */
	c->has_pending_comm = false;
	if (l->len >= 2 && l->len < MS_KMSG_COMM_MAX &&
	    l->s[l->len - 1] == ':' && !memchr(l->s, ' ', l->len)) {
		copy_text(c->pending_comm, sizeof(c->pending_comm), l->s,
			  l->len - 1);
		c->has_pending_comm = true;
	}
}

int ms_kmsg_parse(struct ms_kmsg *km, const char *buf, size_t len,
		  const char *name, struct ms_diag *diag)
{
	struct kline *lines = NULL;
	struct ctx c;
	size_t nr = 0, i;
	int err;

	memset(km, 0, sizeof(*km));
	err = collect_lines(buf, len, &lines, &nr, &km->nr_lines, name, diag);
	if (err)
		return err;
	memset(&c, 0, sizeof(c));
	c.km = km;
	for (i = 0; i < nr && !c.err; i++)
		one_line(&c, &lines[i]);
	if (!c.err)
		finish_report(&c);
	free(c.zone_slots);
	free(lines);
	if (c.err) {
		ms_kmsg_release(km);
		return ms_diag_set(diag, name, 0, c.err, "out of memory");
	}
	return 0;
}

void ms_kmsg_release(struct ms_kmsg *km)
{
	size_t i;

	for (i = 0; i < km->nr_reports; i++)
		report_free(&km->reports[i]);
	free(km->reports);
	memset(km, 0, sizeof(*km));
}

const struct ms_kmsg_zone *ms_kmsg_find_zone(const struct ms_kmsg_report *r,
					     int node, const char *name)
{
	size_t i;

	for (i = 0; i < r->nr_zones; i++)
		if (r->zones[i].node == node && !strcmp(r->zones[i].name, name))
			return &r->zones[i];
	return NULL;
}
