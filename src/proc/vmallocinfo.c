// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/vmallocinfo, printed by s_show() in mm/vmalloc.c (6.9+:
 * vmalloc_info_show()). Each busy vm_struct gives
 *
 *	"0x%pK-0x%pK %7ld" addr, addr + size, size
 *	" %pS"             caller, "sym+0xoff/0xlen" (" [mod]" for modules)
 *	" pages=%d"        nr_pages
 *	" phys=%pa"        ioremap base (%lx / %llx, no 0x, up to 4.x)
 *	" ioremap" " sparse" " vmalloc" " vmap" " user" " dma-coherent"
 *	" vpages"          flags
 *	" N%u=%u"          pages per node (show_numa_info(), CONFIG_NUMA)
 *
 * and vmap areas without a vm_struct give "... vm_map_ram" or
 * "... unpurged vm_area" (show_purge_info(), after the busy list). Each
 * part after the size is optional.
 *
 * Large files (hundreds of thousands of lines on a machine with many
 * BPF programs or threads) must parse fast, so the parser allocates
 * nothing per line: areas go into one array grown geometrically, and
 * every string is interned once into a hash table whose text lives in
 * a few large chunks. A well-formed line is read in one pass, eight
 * bytes at a time where it can (fast_line()); any other line is cut
 * into tokens and checked field by field (parse_line()), which also
 * words every error. Nor need such a file be held whole: the text can
 * be fed in pieces (ms_vmallocinfo_feed()), each line parsed when its
 * newline arrives, and only a line cut between two pieces is copied.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "proc/vmallocinfo.h"
#include "proc/source.h"
#include "lib/banned.h"

/* a million areas must not take more than 56 MB */
_Static_assert(sizeof(struct ms_vmalloc_area) <= 56,
	       "struct ms_vmalloc_area grew past 56 bytes");
_Static_assert(MS_VMALLOC_UNPURGED <= UINT16_MAX,
	       "enum ms_vmalloc_flags must fit in ms_vmalloc_area.flags");

/* ---------- string storage ---------- */

#define CHUNK_BYTES ((size_t)64 << 10)

struct chunk {
	struct chunk *next;
	size_t used;
	size_t cap;
	char data[];
};

/*
 * An interning table: strings are copied into chunks, found again by an
 * open-addressing hash of their bytes, and named by a dense index.
 */
struct strtab {
	uint32_t *slots; /* index + 1, 0 for an empty slot */
	size_t nr_slots; /* a power of two, at least twice @n */
	const char **strs;
	uint32_t *lens;
	uint32_t *hashes;
	size_t n;
	size_t cap;
};

struct ms_vmalloc_strings {
	struct chunk *chunks;
	struct strtab callers; /* key: caller text, '\0', module */
	struct strtab symbols;
	struct strtab modules;
	struct strtab extras;
	char *scratch; /* builds caller keys that carry a module */
	size_t scratch_cap;
};

static char *store(struct ms_vmalloc_strings *ss, const char *s, size_t len)
{
	struct chunk *c = ss->chunks;
	char *p;

	if (!c || c->cap - c->used < len + 1) {
		size_t cap = len + 1 > CHUNK_BYTES ? len + 1 : CHUNK_BYTES;

		c = malloc(sizeof(*c) + cap);
		if (!c)
			return NULL;
		c->used = 0;
		c->cap = cap;
		c->next = ss->chunks;
		ss->chunks = c;
	}
	p = c->data + c->used;
	memcpy(p, s, len);
	p[len] = '\0';
	c->used += len + 1;
	return p;
}

/*
 * A multiplicative hash eight bytes at a time: keys are short symbol
 * names and the table needs no resistance to chosen input
 */
static uint32_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ len;

	while (len >= 8) {
		uint64_t w;

		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		s += 8;
		len -= 8;
	}
	if (len) {
		uint64_t w = 0;

		memcpy(&w, s, len);
		h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	}
	h ^= h >> 29;
	return (uint32_t)h;
}

static int strtab_rehash(struct strtab *t, size_t nr_slots)
{
	uint32_t *slots = calloc(nr_slots, sizeof(*slots));
	size_t i;

	if (!slots)
		return -ENOMEM;
	for (i = 0; i < t->n; i++) {
		size_t j = t->hashes[i] & (nr_slots - 1);

		while (slots[j])
			j = (j + 1) & (nr_slots - 1);
		slots[j] = (uint32_t)i + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->nr_slots = nr_slots;
	return 0;
}

static int strtab_grow(struct strtab *t)
{
	size_t cap = t->cap ? t->cap * 2 : 64;
	const char **strs;
	uint32_t *lens, *hashes;

	if (cap >= UINT32_MAX)
		return -ENOMEM;
	strs = realloc(t->strs, cap * sizeof(*strs));
	if (!strs)
		return -ENOMEM;
	t->strs = strs;
	lens = realloc(t->lens, cap * sizeof(*lens));
	if (!lens)
		return -ENOMEM;
	t->lens = lens;
	hashes = realloc(t->hashes, cap * sizeof(*hashes));
	if (!hashes)
		return -ENOMEM;
	t->hashes = hashes;
	t->cap = cap;
	return 0;
}

/* strtab_find() - the index of @s (hash @h) in @t, if there */
static bool strtab_find(const struct strtab *t, const char *s, size_t len,
			uint32_t h, uint32_t *id)
{
	size_t j;

	if (!t->nr_slots)
		return false;
	for (j = h & (t->nr_slots - 1); t->slots[j];
	     j = (j + 1) & (t->nr_slots - 1)) {
		uint32_t i = t->slots[j] - 1;

		if (t->hashes[i] == h && t->lens[i] == len &&
		    !memcmp(t->strs[i], s, len)) {
			*id = i;
			return true;
		}
	}
	return false;
}

/* strtab_add() - add a copy of @s, known not to be in @t */
static int strtab_add(struct ms_vmalloc_strings *ss, struct strtab *t,
		      const char *s, size_t len, uint32_t h, uint32_t *id)
{
	char *copy;
	size_t j;
	int err;

	if (len >= UINT32_MAX)
		return -ENOMEM;
	if (t->n == t->cap) {
		err = strtab_grow(t);
		if (err)
			return err;
	}
	if ((t->n + 1) * 2 > t->nr_slots) {
		err = strtab_rehash(t, t->nr_slots ? t->nr_slots * 2 : 128);
		if (err)
			return err;
	}
	copy = store(ss, s, len);
	if (!copy)
		return -ENOMEM;
	t->strs[t->n] = copy;
	t->lens[t->n] = (uint32_t)len;
	t->hashes[t->n] = h;
	j = h & (t->nr_slots - 1);
	while (t->slots[j])
		j = (j + 1) & (t->nr_slots - 1);
	t->slots[j] = (uint32_t)t->n + 1;
	*id = (uint32_t)t->n;
	t->n++;
	return 0;
}

/* strtab_intern() - the index of @s in @t, adding a copy when new */
static int strtab_intern(struct ms_vmalloc_strings *ss, struct strtab *t,
			 const char *s, size_t len, uint32_t *id)
{
	uint32_t h = hash_bytes(s, len);

	if (strtab_find(t, s, len, h, id))
		return 0;
	return strtab_add(ss, t, s, len, h, id);
}

static void strtab_release(struct strtab *t)
{
	free(t->slots);
	free(t->strs);
	free(t->lens);
	free(t->hashes);
	memset(t, 0, sizeof(*t));
}

static void strings_free(struct ms_vmalloc_strings *ss)
{
	struct chunk *c, *next;

	if (!ss)
		return;
	for (c = ss->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	strtab_release(&ss->callers);
	strtab_release(&ss->symbols);
	strtab_release(&ss->modules);
	strtab_release(&ss->extras);
	free(ss->scratch);
	free(ss);
}

/* ---------- tokens ---------- */

struct tok {
	const char *s;
	size_t len;
};

/*
 * next_tok() - the next blank-separated token of a line
 *
 * Return: 1 with @t set, 0 at the end of the line, -EINVAL when the line
 * holds a byte that cannot appear in the file (a control character other
 * than tab and carriage return, or a non-ASCII byte: symbol and module
 * names are C identifiers).
 */
/* byte classes of next_tok(); the default, 0, is a token byte */
enum { C_TOKEN, C_BLANK, C_BINARY };

#define C_BIN8(b)                                                   \
	[b] = C_BINARY, [b + 1] = C_BINARY, [b + 2] = C_BINARY,     \
	[b + 3] = C_BINARY, [b + 4] = C_BINARY, [b + 5] = C_BINARY, \
	[b + 6] = C_BINARY, [b + 7] = C_BINARY
#define C_BIN64(b)                                                \
	C_BIN8(b), C_BIN8(b + 8), C_BIN8(b + 16), C_BIN8(b + 24), \
		C_BIN8(b + 32), C_BIN8(b + 40), C_BIN8(b + 48), C_BIN8(b + 56)

static const unsigned char byte_class[256] = {
	[0x00] = C_BINARY, [0x01] = C_BINARY, [0x02] = C_BINARY,
	[0x03] = C_BINARY, [0x04] = C_BINARY, [0x05] = C_BINARY,
	[0x06] = C_BINARY, [0x07] = C_BINARY, [0x08] = C_BINARY,
	['\t'] = C_BLANK,  [0x0a] = C_BINARY, [0x0b] = C_BINARY,
	[0x0c] = C_BINARY, ['\r'] = C_BLANK,  [0x0e] = C_BINARY,
	[0x0f] = C_BINARY, C_BIN8(0x10),      C_BIN8(0x18),
	[' '] = C_BLANK,   [0x7f] = C_BINARY, C_BIN64(0x80),
	C_BIN64(0xc0),
};

static int next_tok(const char *line, size_t len, size_t *pos, struct tok *t)
{
	const unsigned char *u = (const unsigned char *)line;
	size_t i = *pos, start;
	unsigned char cls = C_BLANK;

	while (i < len && (cls = byte_class[u[i]]) == C_BLANK)
		i++;
	if (i >= len) {
		*pos = i;
		return 0;
	}
	if (cls == C_BINARY)
		return -EINVAL;
	start = i;
	/*
	 * Eight bytes at a time while all are token bytes, none below '!'
	 * and none above '~' (the bit tricks of "Bit Twiddling Hacks",
	 * hasless() and hasmore()): a line is mostly addresses and symbols.
	 */
	while (i + 8 <= len) {
		uint64_t x;

		memcpy(&x, u + i, sizeof(x));
		if ((((x - 0x2121212121212121ull) & ~x) |
		     ((x + 0x0101010101010101ull) | x)) &
		    0x8080808080808080ull)
			break;
		i += 8;
	}
	while (i < len && (cls = byte_class[u[i]]) == C_TOKEN)
		i++;
	if (i < len && cls == C_BINARY)
		return -EINVAL;
	t->s = line + start;
	t->len = i - start;
	*pos = i;
	return 1;
}

static bool tok_is(const struct tok *t, const char *s, size_t n)
{
	return t->len == n && !memcmp(t->s, s, n);
}

#define TOK_IS(t, lit) tok_is((t), (lit), sizeof(lit) - 1)

static bool tok_has_prefix(const struct tok *t, const char *s, size_t n)
{
	return t->len >= n && !memcmp(t->s, s, n);
}

#define TOK_PREFIX(t, lit) tok_has_prefix((t), (lit), sizeof(lit) - 1)

static bool is_ident_start(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       ch == '_';
}

static bool is_ident(char ch)
{
	return is_ident_start(ch) || (ch >= '0' && ch <= '9') || ch == '-' ||
	       ch == '.';
}

static const char *last_char(const char *s, size_t len, char ch)
{
	while (len--)
		if (s[len] == ch)
			return s + len;
	return NULL;
}

/* starts with "0x": ms_parse_hex_u64() checks the digits */
static bool has_0x(const char *s, size_t len)
{
	return len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
}

/* "0x" then 1 to any number of hex digits (leading zeros allowed) */
static bool is_0x_hex(const char *s, size_t len)
{
	size_t i;

	if (len < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
		return false;
	for (i = 2; i < len; i++)
		if (!ms_is_hex_digit(s[i]))
			return false;
	return true;
}

/* ---------- the parser ---------- */

#define STR_(x) #x
#define STR(x)	STR_(x)

struct flag_word {
	const char *word;
	size_t len;
	unsigned int flag;
};

#define FLAG_WORD(w, f)             \
	{                           \
		w, sizeof(w) - 1, f \
	}

static const struct flag_word flag_words[] = {
	FLAG_WORD("ioremap", MS_VMALLOC_IOREMAP),
	FLAG_WORD("sparse", MS_VMALLOC_SPARSE),
	FLAG_WORD("vmalloc", MS_VMALLOC_VMALLOC),
	FLAG_WORD("vmap", MS_VMALLOC_VMAP),
	FLAG_WORD("user", MS_VMALLOC_USER),
	FLAG_WORD("dma-coherent", MS_VMALLOC_DMA_COHERENT),
	FLAG_WORD("vpages", MS_VMALLOC_VPAGES),
	FLAG_WORD("vm_map_ram", MS_VMALLOC_VM_MAP_RAM),
	FLAG_WORD("unpurged vm_area", MS_VMALLOC_UNPURGED),
};

const char *ms_vmalloc_flag_name(unsigned int flag)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(flag_words); i++)
		if (flag_words[i].flag == flag)
			return flag_words[i].word;
	return NULL;
}

const char *ms_vmallocinfo_addrs_name(enum ms_vmalloc_addrs addrs)
{
	switch (addrs) {
	case MS_VMALLOC_ADDRS_NONE:
		return "none";
	case MS_VMALLOC_ADDRS_REAL:
		return "real";
	case MS_VMALLOC_ADDRS_HASHED:
		return "hashed";
	case MS_VMALLOC_ADDRS_HIDDEN:
		return "hidden";
	}
	return "unknown";
}

struct parser {
	struct ms_vmallocinfo *vi;
	struct ms_vmalloc_strings *ss;
	const char *name;
	struct ms_diag *diag;
	unsigned int lineno;
	size_t areas_cap;
	size_t callers_cap;
	size_t nodes_cap;
	size_t phys_cap;
	size_t extra_cap;
	uint32_t last_caller; /* fast path: consecutive lines, same caller */
	unsigned int max_digits;
	char quoted[64];
};

/* quote() - @t made printable for a message, in the parser's buffer */
static const char *quote(struct parser *p, const struct tok *t)
{
	return ms_quote_tok(p->quoted, sizeof(p->quoted), t->s, t->len);
}

/* FAIL() - a diag for the current line whose one "%s" quotes @t */
#define FAIL(p, fmt, t)                                              \
	ms_diag_set((p)->diag, (p)->name, (p)->lineno, -EINVAL, fmt, \
		    quote((p), (t)))

static int oom(struct parser *p)
{
	return ms_diag_oom(p->diag, p->name);
}

/* grow() - make room for one more element of @size bytes in *@arr */
static int grow(void **arr, size_t *cap, size_t n, size_t size)
{
	size_t ncap;
	void *na;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 64;
	if (ncap > UINT32_MAX)
		return -ENOMEM;
	na = realloc(*arr, ncap * size);
	if (!na)
		return -ENOMEM;
	*arr = na;
	*cap = ncap;
	return 0;
}

/* "0xSTART-0xEND" */
static int parse_range(struct parser *p, const struct tok *t,
		       struct ms_vmalloc_area *a)
{
	const char *dash = memchr(t->s, '-', t->len);
	struct tok half;
	size_t l1, l2;
	int err;

	if (!dash)
		goto bad;
	l1 = (size_t)(dash - t->s);
	l2 = t->len - l1 - 1;
	if (!has_0x(t->s, l1) || !has_0x(dash + 1, l2))
		goto bad;
	half.s = t->s;
	half.len = l1;
	err = ms_parse_hex_u64(t->s, l1, &a->start);
	if (!err) {
		half.s = dash + 1;
		half.len = l2;
		err = ms_parse_hex_u64(dash + 1, l2, &a->end);
	}
	if (err == -ERANGE)
		return FAIL(p, "address '%s' does not fit in 64 bits", &half);
	if (err)
		goto bad;
	if (l1 - 2 > p->max_digits)
		p->max_digits = (unsigned int)(l1 - 2);
	if (l2 - 2 > p->max_digits)
		p->max_digits = (unsigned int)(l2 - 2);
	return 0;
bad:
	return FAIL(
		p,
		"expected '0xSTART-0xEND' at the start of the line, found '%s'",
		t);
}

/*
 * parse_caller() - "sym+0xOFF/0xSIZE" or a bare "0xADDR", with the module
 * token (NULL when absent); interns the caller and sets a->caller
 */
static int parse_caller(struct parser *p, const struct tok *t,
			const struct tok *mod, struct ms_vmalloc_area *a)
{
	struct ms_vmalloc_strings *ss = p->ss;
	struct ms_vmallocinfo *vi = p->vi;
	struct ms_vmalloc_caller c;
	const char *key = t->s;
	size_t klen = t->len, slen;
	uint32_t id, h;
	int err;

	if (mod) {
		size_t need = t->len + 1 + mod->len;

		if (need > ss->scratch_cap) {
			char *nb = realloc(ss->scratch, need);

			if (!nb)
				return oom(p);
			ss->scratch = nb;
			ss->scratch_cap = need;
		}
		memcpy(ss->scratch, t->s, t->len);
		ss->scratch[t->len] = '\0';
		memcpy(ss->scratch + t->len + 1, mod->s, mod->len);
		key = ss->scratch;
		klen = need;
	}

	/* most lines repeat the caller of the line before */
	if (p->last_caller != MS_VMALLOC_NONE) {
		uint32_t l = p->last_caller;

		if (ss->callers.lens[l] == klen &&
		    !memcmp(ss->callers.strs[l], key, klen)) {
			a->caller = l;
			return 0;
		}
	}
	/* a key seen before was checked when it was added */
	h = hash_bytes(key, klen);
	if (strtab_find(&ss->callers, key, klen, h, &id))
		goto out;

	memset(&c, 0, sizeof(c));
	c.module = MS_VMALLOC_NONE;
	if (has_0x(t->s, t->len)) {
		err = ms_parse_hex_u64(t->s, t->len, &c.address);
		if (err == -ERANGE)
			return FAIL(
				p,
				"caller address '%s' does not fit in 64 bits",
				t);
		if (err)
			goto bad;
		c.is_address = true;
		slen = t->len;
	} else {
		const char *plus = last_char(t->s, t->len, '+');
		const char *slash;
		size_t off_len, size_len;

		if (!plus || plus == t->s)
			goto bad;
		slen = (size_t)(plus - t->s);
		slash = memchr(plus, '/', t->len - slen);
		if (!slash)
			goto bad;
		off_len = (size_t)(slash - plus - 1);
		size_len = t->len - (size_t)(slash - t->s) - 1;
		if (!has_0x(plus + 1, off_len) || !has_0x(slash + 1, size_len))
			goto bad;
		err = ms_parse_hex_u64(plus + 1, off_len, &c.offset);
		if (!err)
			err = ms_parse_hex_u64(slash + 1, size_len,
					       &c.symbol_size);
		if (err == -ERANGE)
			return FAIL(
				p,
				"caller offset in '%s' does not fit in 64 bits",
				t);
		if (err)
			goto bad;
	}

	if (grow((void **)&vi->callers, &p->callers_cap, vi->nr_callers,
		 sizeof(*vi->callers)) ||
	    strtab_add(ss, &ss->callers, key, klen, h, &id) ||
	    strtab_intern(ss, &ss->symbols, t->s, slen, &c.symbol) ||
	    (mod &&
	     strtab_intern(ss, &ss->modules, mod->s, mod->len, &c.module)))
		return oom(p);
	c.text = ss->callers.strs[id];
	vi->callers[id] = c;
	vi->nr_callers++;
out:
	a->caller = id;
	p->last_caller = id;
	return 0;
bad:
	return FAIL(p, "expected caller 'symbol+0xOFF/0xSIZE', found '%s'", t);
}

/*
 * add_phys() - "phys=" of the area being parsed (the next one of
 * vi->areas); the only field most lines lack, so kept aside
 */
static int add_phys(struct parser *p, struct ms_vmalloc_area *a, uint64_t phys)
{
	struct ms_vmallocinfo *vi = p->vi;

	if (grow((void **)&vi->phys, &p->phys_cap, vi->nr_phys,
		 sizeof(*vi->phys)))
		return -ENOMEM;
	vi->phys[vi->nr_phys].area = (uint32_t)vi->nr_areas;
	vi->phys[vi->nr_phys].phys = phys;
	vi->nr_phys++;
	a->has_phys = true;
	return 0;
}

static int cmp_phys_area(const void *key, const void *elem)
{
	uint32_t i = *(const uint32_t *)key;
	uint32_t area = ((const struct ms_vmalloc_phys *)elem)->area;

	return i < area ? -1 : i > area;
}

uint64_t ms_vmalloc_area_phys(const struct ms_vmallocinfo *vi,
			      const struct ms_vmalloc_area *a)
{
	uint32_t i = (uint32_t)(a - vi->areas);
	const struct ms_vmalloc_phys *ph;

	if (!a->has_phys)
		return 0;
	/* vi->phys is in area order, one entry per area at most */
	ph = bsearch(&i, vi->phys, vi->nr_phys, sizeof(*vi->phys),
		     cmp_phys_area);
	return ph ? ph->phys : 0;
}

/* "N<node>=<pages>" */
static int parse_node(struct parser *p, const struct tok *t,
		      struct ms_vmalloc_area *a)
{
	struct ms_vmallocinfo *vi = p->vi;
	const char *eq = memchr(t->s, '=', t->len);
	uint64_t node, pages;
	size_t nlen;
	int err;

	if (!eq)
		return 1;
	nlen = (size_t)(eq - t->s) - 1;
	err = ms_parse_u64(t->s + 1, nlen, &node);
	if (err == -EINVAL)
		return 1; /* not "N<digits>=": some other word */
	if (ms_parse_u64(eq + 1, t->len - nlen - 2, &pages))
		return FAIL(p, "expected 'N<node>=<pages>', found '%s'", t);
	if (err || node >= MS_VMALLOC_MAX_NODES)
		return FAIL(p,
			    "expected a node below " STR(
				    MS_VMALLOC_MAX_NODES) " in '%s'",
			    t);
	if (pages > UINT32_MAX)
		return FAIL(p, "'%s' does not fit in 32 bits", t);
	/* show_numa_info() walks the nodes in ascending order */
	if (a->nr_nodes && vi->node_pages[vi->nr_node_pages - 1].node >= node)
		return FAIL(p, "expected nodes in ascending order, found '%s'",
			    t);
	if (grow((void **)&vi->node_pages, &p->nodes_cap, vi->nr_node_pages,
		 sizeof(*vi->node_pages)))
		return oom(p);
	if (!a->nr_nodes)
		a->nodes_first = (uint32_t)vi->nr_node_pages;
	vi->node_pages[vi->nr_node_pages].node = (uint32_t)node;
	vi->node_pages[vi->nr_node_pages].pages = (uint32_t)pages;
	vi->nr_node_pages++;
	a->nr_nodes++;
	return 0;
}

static int parse_extra(struct parser *p, const struct tok *t,
		       struct ms_vmalloc_area *a)
{
	struct ms_vmallocinfo *vi = p->vi;
	uint32_t id;
	size_t i;

	if (!is_ident_start(t->s[0]))
		goto bad;
	for (i = 1; i < t->len; i++)
		if (!is_ident(t->s[i]))
			goto bad;
	if (a->nr_extra == UINT16_MAX)
		return FAIL(p, "expected fewer flags, found '%s'", t);
	if (strtab_intern(p->ss, &p->ss->extras, t->s, t->len, &id))
		return oom(p);
	if (grow((void **)&vi->extra, &p->extra_cap, vi->nr_extra,
		 sizeof(*vi->extra)))
		return oom(p);
	if (!a->nr_extra)
		a->extra_first = (uint32_t)vi->nr_extra;
	vi->extra[vi->nr_extra++] = id;
	a->nr_extra++;
	return 0;
bad:
	return FAIL(p, "expected a flag or 'key=value', found '%s'", t);
}

/* the fields after the caller: pages=, phys=, flags, N<node>= */
static int parse_field(struct parser *p, const struct tok *t,
		       struct ms_vmalloc_area *a, bool *seen_pages)
{
	size_t i;
	int ret;

	if (TOK_PREFIX(t, "pages=")) {
		int err;

		if (*seen_pages)
			return FAIL(
				p,
				"expected one 'pages=' per line, found a second '%s'",
				t);
		err = ms_parse_u64(t->s + 6, t->len - 6, &a->pages);
		if (err == -ERANGE)
			return FAIL(p, "'%s' does not fit in 64 bits", t);
		if (err)
			return FAIL(p, "expected a page count in '%s'", t);
		*seen_pages = true;
		return 0;
	}
	if (TOK_PREFIX(t, "phys=")) {
		uint64_t phys;
		int err;

		if (a->has_phys)
			return FAIL(
				p,
				"expected one 'phys=' per line, found a second '%s'",
				t);
		err = ms_parse_hex_u64(t->s + 5, t->len - 5, &phys);
		if (err == -ERANGE)
			return FAIL(p, "'%s' does not fit in 64 bits", t);
		if (err)
			return FAIL(p, "expected a physical address in '%s'",
				    t);
		if (add_phys(p, a, phys))
			return oom(p);
		return 0;
	}
	if (t->s[0] == 'N' && t->len > 1 && t->s[1] >= '0' && t->s[1] <= '9') {
		ret = parse_node(p, t, a);
		if (ret <= 0)
			return ret;
	}
	for (i = 0; i < ARRAY_SIZE(flag_words); i++) {
		if (flag_words[i].flag &
		    (MS_VMALLOC_VM_MAP_RAM | MS_VMALLOC_UNPURGED))
			continue;
		if (tok_is(t, flag_words[i].word, flag_words[i].len)) {
			a->flags |= flag_words[i].flag;
			return 0;
		}
	}
	return parse_extra(p, t, a);
}

/*
 * The longest field s_show() prints is the caller, "%pS": a symbol of at
 * most KSYM_NAME_LEN (512) bytes and "+0x%lx/0x%lx". A longer one is
 * not from the kernel, and is not kept (unknown words are).
 */
#define VMALLOC_FIELD_MAX 600

static int parse_line(struct parser *p, const char *line, size_t len,
		      struct ms_vmalloc_area *a, bool *blank)
{
	struct tok t, mod;
	bool seen_pages = false, have_mod = false;
	size_t pos = 0;
	int ret, err;

#define NEXT()                                                                   \
	do {                                                                     \
		ret = next_tok(line, len, &pos, &t);                             \
		if (ret < 0)                                                     \
			return ms_diag_set(p->diag, p->name, p->lineno,          \
					   -EINVAL, "unexpected binary data");   \
		if (ret > 0 && t.len > VMALLOC_FIELD_MAX)                        \
			return FAIL(                                             \
				p,                                               \
				"expected a field of at most " STR(              \
					VMALLOC_FIELD_MAX) " bytes, found '%s'", \
				&t);                                             \
	} while (0)

	memset(a, 0, sizeof(*a));
	a->caller = MS_VMALLOC_NONE;
	a->line = p->lineno;

	NEXT();
	*blank = ret == 0;
	if (*blank)
		return 0;
	err = parse_range(p, &t, a);
	if (err)
		return err;

	NEXT();
	if (!ret)
		return ms_diag_set(
			p->diag, p->name, p->lineno, -EINVAL,
			"expected a size in bytes after the address range");
	err = ms_parse_u64(t.s, t.len, &a->size_bytes);
	if (err == -ERANGE)
		return FAIL(p, "size '%s' does not fit in 64 bits", &t);
	if (err)
		return FAIL(p, "expected a size in bytes, found '%s'", &t);

	NEXT();
	if (!ret)
		return 0;

	/* areas without a vm_struct: nothing follows */
	if (TOK_IS(&t, "vm_map_ram") || TOK_IS(&t, "unpurged")) {
		const char *what = "vm_map_ram";

		if (TOK_IS(&t, "unpurged")) {
			NEXT();
			if (!ret || !TOK_IS(&t, "vm_area"))
				return ms_diag_set(
					p->diag, p->name, p->lineno, -EINVAL,
					"expected 'unpurged vm_area'");
			a->flags = MS_VMALLOC_UNPURGED;
			what = "unpurged vm_area";
		} else {
			a->flags = MS_VMALLOC_VM_MAP_RAM;
		}
		NEXT();
		if (ret) {
			char q[64];

			return ms_diag_set(
				p->diag, p->name, p->lineno, -EINVAL,
				"expected the end of the line after '%s', found '%s'",
				what, ms_quote_tok(q, sizeof(q), t.s, t.len));
		}
		return 0;
	}

	/* the caller: "sym+0x../0x.." or a bare address, then "[module]" */
	if (memchr(t.s, '+', t.len) || is_0x_hex(t.s, t.len)) {
		struct tok caller = t;

		NEXT();
		if (ret && t.s[0] == '[') {
			struct tok first = t;

			mod.s = t.s + 1;
			mod.len = t.len - 1;
			if (t.s[t.len - 1] == ']') {
				mod.len--;
			} else {
				/*
				 * "[mod buildid]" (%pSb, 5.14+): keep the
				 * name, drop the build id
				 */
				NEXT();
				if (!ret || t.s[t.len - 1] != ']' ||
				    memchr(t.s, '[', t.len - 1))
					return FAIL(
						p,
						"expected ']' after the module name in '%s'",
						&first);
			}
			if (!mod.len || memchr(mod.s, ']', mod.len) ||
			    memchr(mod.s, '[', mod.len))
				return FAIL(p, "expected a module name in '%s'",
					    &first);
			have_mod = true;
			NEXT();
		}
		err = parse_caller(p, &caller, have_mod ? &mod : NULL, a);
		if (err)
			return err;
		if (!ret)
			return 0;
	}

	do {
		err = parse_field(p, &t, a, &seen_pages);
		if (err)
			return err;
		NEXT();
	} while (ret);
	return 0;
#undef NEXT
}

/*
 * fast_line() - the common shape of a line, parsed without cutting it
 * into tokens first: "0xSTART-0xEND", spaces, the size and then fields
 * separated by single or repeated spaces, every one of them well formed.
 *
 * It accepts exactly what parse_line() accepts and fills @a the same
 * way, but reports nothing: on anything else (tabs, a leading blank, an
 * unknown flag, a repeated field, malformed text, out of memory) it
 * undoes what it appended and returns 1, and parse_line() then parses
 * the line again and says what is wrong with it.
 *
 * Return: 0 with @a filled, or 1.
 */
static int fast_line(struct parser *p, const char *line, size_t len,
		     struct ms_vmalloc_area *a)
{
	struct ms_vmallocinfo *vi = p->vi;
	const char *s = line, *end = line + len, *t;
	size_t n, tl, nodes0 = vi->nr_node_pages, phys0 = vi->nr_phys;
	bool seen_pages = false;
	uint64_t v, node;

#define LEFT ((size_t)(end - s))
/* after a field: the end of the line, or spaces and then another field */
#define SEP()                                         \
	do {                                          \
		if (s < end) {                        \
			if (*s != ' ')                \
				goto slow;            \
			s += ms_span_spaces(s, LEFT); \
		}                                     \
	} while (0)
/* the next field into t, tl: bytes '!'..'~', then a space or the end */
#define FIELD()                              \
	do {                                 \
		t = s;                       \
		tl = ms_span_graph(s, LEFT); \
		s += tl;                     \
		if (tl > VMALLOC_FIELD_MAX)  \
			goto slow;           \
		SEP();                       \
	} while (0)
#define FIELD_IS(lit) (tl == sizeof(lit) - 1 && !memcmp(t, lit, tl))

	*a = (struct ms_vmalloc_area){ .caller = MS_VMALLOC_NONE,
				       .line = p->lineno };
	if (len < 3 || s[0] != '0' || s[1] != 'x')
		goto slow;
	n = ms_scan_hex(s + 2, len - 2, &a->start);
	if (!n || n > 16)
		goto slow;
	if (n > p->max_digits)
		p->max_digits = (unsigned int)n;
	s += 2 + n;
	if (LEFT < 3 || s[0] != '-' || s[1] != '0' || s[2] != 'x')
		goto slow;
	n = ms_scan_hex(s + 3, LEFT - 3, &a->end);
	if (!n || n > 16)
		goto slow;
	if (n > p->max_digits)
		p->max_digits = (unsigned int)n;
	s += 3 + n;
	if (s == end)
		goto slow;
	SEP();

	n = ms_scan_dec(s, LEFT, &a->size_bytes);
	if (!n || n > 19)
		goto slow;
	s += n;
	SEP();
	if (s == end)
		return 0;

	FIELD();
	if (FIELD_IS("vm_map_ram") || FIELD_IS("unpurged")) {
		a->flags = MS_VMALLOC_VM_MAP_RAM;
		if (tl == sizeof("unpurged") - 1) {
			if (s == end)
				goto slow;
			FIELD();
			if (!FIELD_IS("vm_area"))
				goto slow;
			a->flags = MS_VMALLOC_UNPURGED;
		}
		if (s != end)
			goto slow;
		return 0;
	}
	if (memchr(t, '+', tl) || is_0x_hex(t, tl)) {
		struct tok caller = { t, tl }, mod;
		bool have_mod = false;

		if (s < end && *s == '[') {
			FIELD();
			if (tl < 3 || t[tl - 1] != ']')
				goto slow;
			mod.s = t + 1;
			mod.len = tl - 2;
			if (memchr(mod.s, ']', mod.len) ||
			    memchr(mod.s, '[', mod.len))
				goto slow;
			have_mod = true;
		}
		if (parse_caller(p, &caller, have_mod ? &mod : NULL, a))
			goto slow;
		if (s == end)
			return 0;
		FIELD();
	}

	/* t is a field; the loop takes the next one at its end */
	for (;;) {
		switch (t[0]) {
		case 'p':
			if (tl > 6 && !memcmp(t, "pages=", 6)) {
				if (seen_pages ||
				    ms_scan_dec(t + 6, tl - 6, &a->pages) !=
					    tl - 6 ||
				    tl - 6 > 19)
					goto slow;
				seen_pages = true;
				break;
			}
			if (tl > 5 && !memcmp(t, "phys=", 5)) {
				if (a->has_phys ||
				    ms_parse_hex_u64(t + 5, tl - 5, &v) ||
				    add_phys(p, a, v))
					goto slow;
				break;
			}
			goto slow;
		case 'N':
			n = ms_scan_dec(t + 1, tl - 1, &node);
			if (!n || n > 19 || n + 2 >= tl || t[n + 1] != '=' ||
			    node >= MS_VMALLOC_MAX_NODES)
				goto slow;
			if (ms_scan_dec(t + n + 2, tl - n - 2, &v) !=
				    tl - n - 2 ||
			    tl - n - 2 > 19 || v > UINT32_MAX)
				goto slow;
			if (a->nr_nodes &&
			    vi->node_pages[vi->nr_node_pages - 1].node >= node)
				goto slow;
			if (grow((void **)&vi->node_pages, &p->nodes_cap,
				 vi->nr_node_pages, sizeof(*vi->node_pages)))
				goto slow;
			if (!a->nr_nodes)
				a->nodes_first = (uint32_t)vi->nr_node_pages;
			vi->node_pages[vi->nr_node_pages].node = (uint32_t)node;
			vi->node_pages[vi->nr_node_pages].pages = (uint32_t)v;
			vi->nr_node_pages++;
			a->nr_nodes++;
			break;
		case 'v':
			if (FIELD_IS("vmalloc"))
				a->flags |= MS_VMALLOC_VMALLOC;
			else if (FIELD_IS("vmap"))
				a->flags |= MS_VMALLOC_VMAP;
			else if (FIELD_IS("vpages"))
				a->flags |= MS_VMALLOC_VPAGES;
			else
				goto slow;
			break;
		case 'i':
			if (!FIELD_IS("ioremap"))
				goto slow;
			a->flags |= MS_VMALLOC_IOREMAP;
			break;
		case 's':
			if (!FIELD_IS("sparse"))
				goto slow;
			a->flags |= MS_VMALLOC_SPARSE;
			break;
		case 'u':
			if (!FIELD_IS("user"))
				goto slow;
			a->flags |= MS_VMALLOC_USER;
			break;
		case 'd':
			if (!FIELD_IS("dma-coherent"))
				goto slow;
			a->flags |= MS_VMALLOC_DMA_COHERENT;
			break;
		default:
			goto slow;
		}
		if (s == end)
			return 0;
		FIELD();
	}
slow:
	vi->nr_node_pages = nodes0;
	vi->nr_phys = phys0;
	return 1;
#undef FIELD_IS
#undef FIELD
#undef SEP
#undef LEFT
}

/* the rule documented at ms_vmallocinfo_parse() */
static int classify(struct parser *p)
{
	struct ms_vmallocinfo *vi = p->vi;
	size_t i, nonzero = 0, mismatch = 0;
	bool high = false;

	if (!vi->nr_areas) {
		vi->addrs = MS_VMALLOC_ADDRS_NONE;
		vi->ptr_bits = 0;
		return 0;
	}
	vi->ptr_bits = p->max_digits > 8 ? 64 : 32;
	for (i = 0; i < vi->nr_areas; i++) {
		const struct ms_vmalloc_area *a = &vi->areas[i];

		if (!a->start && !a->end)
			continue;
		nonzero++;
		if (a->end - a->start != a->size_bytes)
			mismatch++;
		if ((a->start | a->end) >> 32)
			high = true;
	}
	if (!nonzero) {
		vi->addrs = MS_VMALLOC_ADDRS_HIDDEN;
		return 0;
	}
	if (mismatch * 2 > nonzero || (vi->ptr_bits == 64 && !high)) {
		vi->addrs = MS_VMALLOC_ADDRS_HASHED;
		return 0;
	}
	vi->addrs = MS_VMALLOC_ADDRS_REAL;
	for (i = 0; i < vi->nr_areas; i++) {
		const struct ms_vmalloc_area *a = &vi->areas[i];

		if (a->end < a->start || a->end - a->start != a->size_bytes)
			return ms_diag_set(
				p->diag, p->name, a->line, -EINVAL,
				"expected size %llu (end - start), found %llu",
				(unsigned long long)(a->end - a->start),
				(unsigned long long)a->size_bytes);
	}
	return 0;
}

static bool all_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/*
 * one_line() - parse line @p->lineno + 1, without its newline; @has_nl
 * tells whether one followed it
 */
static int one_line(struct parser *p, const char *line, size_t n, bool has_nl)
{
	struct ms_vmallocinfo *vi = p->vi;
	bool blank;
	int err;

	if (p->lineno == UINT32_MAX - 1)
		return ms_diag_set(p->diag, p->name, 0, -EFBIG,
				   "expected fewer than 2^32 lines");
	p->lineno++;
	if (grow((void **)&vi->areas, &p->areas_cap, vi->nr_areas,
		 sizeof(*vi->areas)))
		return oom(p);
	/*
	 * s_show() ends every line with a newline: a last line without one
	 * was cut short, and what is left of it may still parse ("pages=4
	 * vmal" reads as an unknown flag).
	 */
	if (!has_nl && !all_blank(line, n))
		return ms_diag_set(p->diag, p->name, p->lineno, -EINVAL,
				   "expected a newline at the end of "
				   "the line: the file is truncated");
	if (!fast_line(p, line, n, &vi->areas[vi->nr_areas])) {
		vi->nr_areas++;
		return 0;
	}
	err = parse_line(p, line, n, &vi->areas[vi->nr_areas], &blank);
	if (err)
		return err;
	if (!blank)
		vi->nr_areas++;
	return 0;
}

/*
 * whole_lines() - parse the lines of @buf that end with a newline
 *
 * Return: 0 with *@used the bytes up to and including the last newline,
 * or a negative errno.
 */
static int whole_lines(struct parser *p, const char *buf, size_t len,
		       size_t *used)
{
	size_t pos = 0;
	const char *nl;
	int err;

	while (pos < len && (nl = memchr(buf + pos, '\n', len - pos))) {
		size_t n = (size_t)(nl - (buf + pos));

		err = one_line(p, buf + pos, n, true);
		if (err)
			return err;
		pos += n + 1;
	}
	*used = pos;
	return 0;
}

/**
 * struct ms_vmallocinfo_parser - a parse fed piece by piece
 * @p:         the parser state shared with ms_vmallocinfo_parse()
 * @carry:     the start of a line whose newline has not been fed yet
 * @carry_len: its length (0: the last piece ended with a newline)
 * @carry_cap: the size of @carry
 * @err:       the first error; later pieces are ignored
 */
struct ms_vmallocinfo_parser {
	struct parser p;
	char *carry;
	size_t carry_len;
	size_t carry_cap;
	int err;
};

static int carry_add(struct ms_vmallocinfo_parser *vp, const char *s, size_t n)
{
	if (n > vp->carry_cap - vp->carry_len) {
		size_t cap = vp->carry_cap ? vp->carry_cap : 256;
		char *nc;

		while (cap - vp->carry_len < n) {
			if (cap > SIZE_MAX / 2)
				return oom(&vp->p);
			cap *= 2;
		}
		nc = realloc(vp->carry, cap);
		if (!nc)
			return oom(&vp->p);
		vp->carry = nc;
		vp->carry_cap = cap;
	}
	memcpy(vp->carry + vp->carry_len, s, n);
	vp->carry_len += n;
	return 0;
}

static int parser_begin(struct parser *p, struct ms_vmallocinfo *vi,
			const char *name, struct ms_diag *diag,
			size_t size_hint)
{
	memset(vi, 0, sizeof(*vi));
	memset(p, 0, sizeof(*p));
	p->vi = vi;
	p->name = name;
	p->diag = diag;
	p->last_caller = MS_VMALLOC_NONE;

	p->ss = calloc(1, sizeof(*p->ss));
	if (!p->ss)
		return oom(p);
	vi->strings = p->ss;

	/*
	 * One area per line. Lines are 60 to 130 bytes long: start from
	 * a guess and grow (realloc() of a large block moves no bytes)
	 * rather than count the newlines of the whole file first.
	 */
	p->areas_cap = size_hint / 64 + 16;
	vi->areas = malloc(p->areas_cap * sizeof(*vi->areas));
	if (!vi->areas) {
		ms_vmallocinfo_release(vi);
		return oom(p);
	}
	return 0;
}

/* parser_end() - classify the addresses; on error, release everything */
static int parser_end(struct parser *p)
{
	struct ms_vmallocinfo *vi = p->vi;
	int err;

	err = classify(p);
	if (err) {
		ms_vmallocinfo_release(vi);
		return err;
	}
	vi->symbols = p->ss->symbols.strs;
	vi->nr_symbols = p->ss->symbols.n;
	vi->modules = p->ss->modules.strs;
	vi->nr_modules = p->ss->modules.n;
	vi->extra_names = p->ss->extras.strs;
	vi->nr_extra_names = p->ss->extras.n;
	return 0;
}

int ms_vmallocinfo_parse(struct ms_vmallocinfo *vi, const char *buf, size_t len,
			 const char *name, struct ms_diag *diag)
{
	struct parser p;
	size_t used;
	int err;

	err = parser_begin(&p, vi, name, diag, len);
	if (err)
		return err;
	err = whole_lines(&p, buf, len, &used);
	if (!err && used < len)
		err = one_line(&p, buf + used, len - used, false);
	if (err) {
		ms_vmallocinfo_release(vi);
		return err;
	}
	return parser_end(&p);
}

int ms_vmallocinfo_begin(struct ms_vmallocinfo_parser **vpp,
			 struct ms_vmallocinfo *vi, const char *name,
			 struct ms_diag *diag)
{
	struct ms_vmallocinfo_parser *vp;
	int err;

	*vpp = NULL;
	memset(vi, 0, sizeof(*vi));
	vp = calloc(1, sizeof(*vp));
	if (!vp)
		return ms_diag_oom(diag, name);
	err = parser_begin(&vp->p, vi, name, diag, 0);
	if (err) {
		free(vp);
		return err;
	}
	*vpp = vp;
	return 0;
}

int ms_vmallocinfo_feed(struct ms_vmallocinfo_parser *vp, const char *buf,
			size_t len)
{
	size_t used = 0;
	int err;

	if (vp->err)
		return vp->err;
	if (vp->carry_len) {
		/* the line begun by an earlier piece */
		const char *nl = memchr(buf, '\n', len);
		size_t n = nl ? (size_t)(nl - buf) : len;

		err = carry_add(vp, buf, n);
		if (err || !nl)
			goto out;
		err = one_line(&vp->p, vp->carry, vp->carry_len, true);
		if (err)
			goto out;
		vp->carry_len = 0;
		buf += n + 1;
		len -= n + 1;
	}
	err = whole_lines(&vp->p, buf, len, &used);
	if (!err && used < len)
		err = carry_add(vp, buf + used, len - used);
out:
	vp->err = err;
	return err;
}

int ms_vmallocinfo_end(struct ms_vmallocinfo_parser *vp)
{
	int err = vp->err;

	if (!err && vp->carry_len)
		err = one_line(&vp->p, vp->carry, vp->carry_len, false);
	if (err)
		ms_vmallocinfo_release(vp->p.vi);
	else
		err = parser_end(&vp->p);
	free(vp->carry);
	free(vp);
	return err;
}

void ms_vmallocinfo_abort(struct ms_vmallocinfo_parser *vp)
{
	if (!vp)
		return;
	ms_vmallocinfo_release(vp->p.vi);
	free(vp->carry);
	free(vp);
}

static int feed_chunk(void *ctx, const char *buf, size_t len)
{
	return ms_vmallocinfo_feed(ctx, buf, len);
}

int ms_vmallocinfo_read(struct ms_vmallocinfo *vi, const struct ms_source *src,
			const char *path, size_t chunk_bytes,
			struct ms_diag *diag)
{
	struct ms_vmallocinfo_parser *vp;
	int err;

	err = ms_vmallocinfo_begin(&vp, vi, ms_source_label(path), diag);
	if (err)
		return err;
	err = ms_source_read_chunks(src, path, chunk_bytes, feed_chunk, vp,
				    diag);
	if (err) {
		ms_vmallocinfo_abort(vp);
		return err;
	}
	return ms_vmallocinfo_end(vp);
}

void ms_vmallocinfo_release(struct ms_vmallocinfo *vi)
{
	free(vi->areas);
	free(vi->callers);
	free(vi->extra);
	free(vi->node_pages);
	free(vi->phys);
	strings_free(vi->strings);
	memset(vi, 0, sizeof(*vi));
}
