// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Key/value files: /proc/meminfo (fs/proc/meminfo.c, "%-15s %8lu kB" via
 * show_val_kb(), and unit-less HugePages_* counts) and /proc/vmstat
 * (mm/vmstat.c vmstat_show(), "%s %lu").
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/strset.h"
#include "proc/kv.h"
#include "lib/banned.h"

static int kv_add(struct ms_kv *kv, size_t *cap, const char *key,
		  size_t key_len, uint64_t value, bool unit_kb)
{
	struct ms_kv_item *it;

	if (kv->nr_items == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		struct ms_kv_item *n = realloc(kv->items, ncap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		kv->items = n;
		*cap = ncap;
	}
	it = &kv->items[kv->nr_items];
	it->key = strndup(key, key_len);
	if (!it->key)
		return -ENOMEM;
	it->value = value;
	it->unit_kb = unit_kb;
	kv->nr_items++;
	return 0;
}

static int kv_parse(struct ms_kv *kv, const char *buf, size_t len,
		    const char *name, struct ms_diag *diag, bool meminfo)
{
	struct ms_strset keys = { 0 };
	struct ms_cursor cur;
	const char *line;
	size_t line_len, cap = 0;
	int ret, err;

	memset(kv, 0, sizeof(*kv));
	ms_cursor_init(&cur, buf, len);
	while ((ret = ms_cursor_next(&cur, &line, &line_len)) != 0) {
		struct ms_tok toks[4];
		const struct ms_tok *key, *val;
		size_t key_len;
		bool unit_kb = false;
		uint64_t v;
		char q[64];
		int ntok;

		if (ret < 0) {
			err = ms_diag_set(diag, name, cur.lineno, -EINVAL,
					  "unexpected binary data");
			goto out_err;
		}
		ntok = ms_tokenize(line, line_len, toks, ARRAY_SIZE(toks));
		if (ntok == 0)
			continue;
		if (ntok < 0 || ntok > (meminfo ? 3 : 2) || ntok < 2) {
			err = ms_diag_set(
				diag, name, cur.lineno, -EINVAL,
				meminfo ?
					"expected 'Key: value [kB]', found '%s'" :
					"expected 'name value', found '%s'",
				ms_quote_tok(q, sizeof(q), line, line_len));
			goto out_err;
		}
		key = &toks[0];
		val = &toks[1];
		key_len = key->len;
		if (meminfo) {
			if (key_len < 2 || key->s[key_len - 1] != ':') {
				err = ms_diag_set(
					diag, name, cur.lineno, -EINVAL,
					"expected 'Key:', found '%s'",
					ms_quote_tok(q, sizeof(q), key->s,
						     key->len));
				goto out_err;
			}
			key_len--;
			if (ntok == 3) {
				if (!ms_tok_eq(&toks[2], "kB")) {
					err = ms_diag_set(
						diag, name, cur.lineno, -EINVAL,
						"expected unit 'kB', found '%s'",
						ms_quote_tok(q, sizeof(q),
							     toks[2].s,
							     toks[2].len));
					goto out_err;
				}
				unit_kb = true;
			}
		}
		err = ms_parse_u64(val->s, val->len, &v);
		if (err) {
			err = ms_diag_set(
				diag, name, cur.lineno, -EINVAL,
				err == -ERANGE ?
					"value '%s' does not fit in 64 bits" :
					"expected a number, found '%s'",
				ms_quote_tok(q, sizeof(q), val->s, val->len));
			goto out_err;
		}
		if (ms_strset_has(&keys, key->s, key_len)) {
			err = ms_diag_set(
				diag, name, cur.lineno, -EINVAL,
				"'%s' appears twice",
				ms_quote_tok(q, sizeof(q), key->s, key_len));
			goto out_err;
		}
		if (kv_add(kv, &cap, key->s, key_len, v, unit_kb) ||
		    ms_strset_add(&keys, kv->items[kv->nr_items - 1].key)) {
			err = ms_diag_set(diag, name, 0, -ENOMEM,
					  "out of memory");
			goto out_err;
		}
	}
	if (!kv->nr_items) {
		err = ms_diag_set(diag, name, 0, -EINVAL,
				  "empty file, expected counters");
		goto out_err;
	}
	ms_strset_release(&keys);
	return 0;

out_err:
	ms_strset_release(&keys);
	ms_kv_release(kv);
	return err;
}

int ms_meminfo_parse(struct ms_kv *kv, const char *buf, size_t len,
		     const char *name, struct ms_diag *diag)
{
	return kv_parse(kv, buf, len, name, diag, true);
}

int ms_vmstat_parse(struct ms_kv *kv, const char *buf, size_t len,
		    const char *name, struct ms_diag *diag)
{
	return kv_parse(kv, buf, len, name, diag, false);
}

void ms_kv_release(struct ms_kv *kv)
{
	size_t i;

	for (i = 0; i < kv->nr_items; i++)
		free(kv->items[i].key);
	free(kv->items);
	memset(kv, 0, sizeof(*kv));
}

bool ms_kv_get(const struct ms_kv *kv, const char *key, uint64_t *value)
{
	size_t i;

	for (i = 0; i < kv->nr_items; i++) {
		if (!strcmp(kv->items[i].key, key)) {
			*value = kv->items[i].value;
			return true;
		}
	}
	return false;
}
