// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Report groups: a record's key is built into one scratch buffer, hashed,
 * and found in an open-addressing index over the group array; key bytes
 * live in one growing store. Nothing is allocated per record once the
 * tables have grown. Distinct sources are (group, matching, address)
 * hashes in one multiset.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "base/clock.h"
#include "base/hash.h"
#include "base/number.h"
#include "base/vec.h"
#include "engine/multiset.h"
#include "engine/report.h"

/* A value longer than this is cut to it in the key (a log line is at most 64 KiB). */
#define REPORT_MAX_VALUE 65536
#define PART_ABSENT UINT32_MAX
#define PART_HEAD sizeof(uint32_t)
#define ADDR_PART_LEN 18 /* family, 16 bytes, prefix length */
#define INDEX_MIN 1024
/* Pseudo-groups of the source pairs: every record, and the other row. */
#define ID_TOTAL UINT32_MAX
#define ID_OTHER (UINT32_MAX - 1)
#define MAX_GROUPS_LIMIT (1U << 30)
#define PAIRS_INLINE 16

struct report {
	struct report_opts o;
	struct pred_eval *ev; /* where's evaluation state; NULL without where */
	uint64_t seed;
	uint8_t *scratch; /* the key of the record being added */
	struct report_group *groups;
	size_t n_groups, groups_cap;
	uint32_t *index; /* group number + 1; 0: empty */
	size_t index_mask;
	uint8_t *keys;
	size_t keys_len, keys_cap;
	struct multiset pairs;
	struct multiset_entry pairs_inline[PAIRS_INLINE];
	struct report_totals t;
	const struct report_group **sorted;
	enum report_sort sort_by; /* for group_cmp */
};

/* ---- keys ---------------------------------------------------------------- */

static const struct {
	const char *name;
	enum report_key_kind kind;
	enum req_field field;
} derived_keys[] = {
	{ "status_class", REPORT_KEY_STATUS_CLASS, REQ_STATUS },
	{ "hour", REPORT_KEY_HOUR, REQ_TS },
	{ "ext", REPORT_KEY_EXT, REQ_PATH },
};

static int key_error(struct gh_err *err, const char *spec, const char *why)
{
	char fields[512];
	size_t used = 0;

	for (int f = 0; f < REQ_FIELD_COUNT; f++)
		used += (size_t)snprintf(fields + used, sizeof(fields) - used, "%s%s",
					 f ? ", " : "", req_field_name(f));
	gh_err_field(err, "--by");
	return gh_err_input(err,
			    "--by %s: %s; expected a record field (%s), path/N (N 1-%d), "
			    "src_ip/N[/M] (also dst_ip, proxy_ip: IPv4 masked to /N, IPv6 to /M, "
			    "default 64), status_class, hour or ext",
			    spec[0] ? spec : "''", why, fields, REPORT_PATH_MAX_SEGMENTS);
}

/* "N" or "N/M" after an address field's slash. */
static bool parse_prefixes(const char *s, struct report_key *k)
{
	const char *slash = strchr(s, '/');
	uint64_t v4, v6 = 64;

	if (slash ? gh_parse_u64n(s, (size_t)(slash - s), 32, &v4) : gh_parse_u64(s, 32, &v4))
		return false;
	if (slash && gh_parse_u64(slash + 1, 128, &v6))
		return false;
	k->n = (uint8_t)v4;
	k->n6 = (uint8_t)v6;
	return true;
}

int report_key_parse(const char *spec, struct report_key *out, struct gh_err *err)
{
	const char *slash = strchr(spec, '/');
	size_t base_len = slash ? (size_t)(slash - spec) : strlen(spec);
	char base[REPORT_KEY_NAME_MAX];
	uint64_t n;
	int f;

	memset(out, 0, sizeof(*out));
	if (strlen(spec) >= sizeof(out->name) || base_len >= sizeof(base))
		return key_error(err, spec, "unknown key");
	memcpy(base, spec, base_len);
	base[base_len] = '\0';
	strcpy(out->name, spec);
	f = req_field_by_name(base);
	if (!slash) {
		for (size_t i = 0; i < sizeof(derived_keys) / sizeof(derived_keys[0]); i++)
			if (!strcmp(spec, derived_keys[i].name)) {
				out->kind = derived_keys[i].kind;
				out->field = derived_keys[i].field;
				return 0;
			}
		if (f < 0)
			return key_error(err, spec, "unknown key");
		out->kind = REPORT_KEY_FIELD;
		out->field = f;
		return 0;
	}
	if (f == REQ_PATH) {
		if (gh_parse_u64(slash + 1, REPORT_PATH_MAX_SEGMENTS, &n) || !n)
			return key_error(err, spec, "expected a segment count after path/");
		out->kind = REPORT_KEY_PATH_PREFIX;
		out->field = REQ_PATH;
		out->n = (uint8_t)n;
		return 0;
	}
	if (f >= 0 && req_field_type(f) == REQ_TYPE_ADDR) {
		if (!parse_prefixes(slash + 1, out))
			return key_error(err, spec,
					 "expected prefix lengths IPv4 0-32, IPv6 0-128");
		out->kind = REPORT_KEY_ADDR_PREFIX;
		out->field = f;
		return 0;
	}
	return key_error(err, spec, "unknown key");
}

/* How a key's value is stored and formatted. */
enum value_form { FORM_TEXT, FORM_NUM, FORM_BOOL, FORM_TIME, FORM_ADDR };

static enum value_form key_form(const struct report_key *k)
{
	static const enum value_form of_type[] = {
		[REQ_TYPE_STR] = FORM_TEXT, [REQ_TYPE_NUM] = FORM_NUM, [REQ_TYPE_BOOL] = FORM_BOOL,
		[REQ_TYPE_ADDR] = FORM_ADDR, [REQ_TYPE_TIME] = FORM_TIME,
	};

	switch (k->kind) {
	case REPORT_KEY_FIELD: return of_type[req_field_type(k->field)];
	case REPORT_KEY_ADDR_PREFIX: return FORM_ADDR;
	case REPORT_KEY_HOUR: return FORM_NUM;
	default: return FORM_TEXT;
	}
}

enum report_value_type report_key_value_type(const struct report_key *k)
{
	enum value_form f = key_form(k);

	return f == FORM_NUM ? REPORT_VALUE_NUM : f == FORM_BOOL ? REPORT_VALUE_BOOL
								 : REPORT_VALUE_STR;
}

/* ---- a record's key ------------------------------------------------------ */

static uint8_t *put_part(uint8_t *p, const void *v, uint32_t len)
{
	if (len > REPORT_MAX_VALUE)
		len = REPORT_MAX_VALUE;
	memcpy(p, &len, PART_HEAD);
	memcpy(p + PART_HEAD, v, len);
	return p + PART_HEAD + len;
}

static uint8_t *put_absent(uint8_t *p)
{
	uint32_t len = PART_ABSENT;

	memcpy(p, &len, PART_HEAD);
	return p + PART_HEAD;
}

/* Big endian, so the bytes compare as the numbers do. */
static uint8_t *put_u64(uint8_t *p, uint64_t v)
{
	uint8_t b[8];

	for (int i = 7; i >= 0; i--, v >>= 8)
		b[i] = (uint8_t)v;
	return put_part(p, b, sizeof(b));
}

static uint8_t *put_addr(uint8_t *p, const struct gh_addr *a, uint8_t prefix)
{
	uint8_t b[ADDR_PART_LEN];

	b[0] = a->family;
	memcpy(b + 1, a->bytes, 16);
	b[17] = prefix;
	return put_part(p, b, sizeof(b));
}

/* The path up to (not including) the slash after its n-th segment. */
static uint32_t path_prefix_len(struct gh_str path, unsigned int n)
{
	uint32_t i = path.len && path.p[0] == '/';

	for (unsigned int seg = 1;; seg++) {
		const char *s = memchr(path.p + i, '/', path.len - i);

		if (!s)
			return path.len;
		i = (uint32_t)(s - path.p);
		if (seg == n)
			return i;
		i++;
	}
}

/* The extension of the path's last segment, lowercased into out. */
static uint8_t *put_ext(uint8_t *p, struct gh_str path)
{
	uint32_t start = path.len, dot = 0, len;
	uint8_t *v = p + PART_HEAD;

	while (start && path.p[start - 1] != '/')
		start--;
	for (uint32_t i = start; i < path.len; i++)
		if (path.p[i] == '.')
			dot = i + 1;
	len = dot ? path.len - dot : 0;
	if (len > REPORT_MAX_VALUE)
		len = REPORT_MAX_VALUE;
	for (uint32_t i = 0; i < len; i++) {
		char c = path.p[dot + i];

		v[i] = (uint8_t)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	memcpy(p, &len, PART_HEAD);
	return v + len;
}

static uint8_t *put_field(uint8_t *p, const struct request_record *rec, enum req_field f)
{
	struct gh_str s;
	uint64_t n;

	switch (req_field_type(f)) {
	case REQ_TYPE_STR:
		req_get_str(rec, f, &s);
		return put_part(p, s.p, s.len);
	case REQ_TYPE_ADDR: {
		const struct gh_addr *a = req_addr(rec, f);

		return put_addr(p, a, gh_addr_bits(a));
	}
	case REQ_TYPE_BOOL:
		req_get_num(rec, f, &n);
		return put_part(p, &(uint8_t){ n != 0 }, 1);
	case REQ_TYPE_TIME:
		return put_u64(p, rec->ts_ns);
	default:
		req_get_num(rec, f, &n);
		return put_u64(p, n);
	}
}

static uint8_t *put_key(uint8_t *p, const struct report_key *k, const struct request_record *rec)
{
	struct gh_addr a;
	char class[4];

	if (!req_has(rec, k->field))
		return put_absent(p);
	switch (k->kind) {
	case REPORT_KEY_PATH_PREFIX:
		return put_part(p, rec->path.p, path_prefix_len(rec->path, k->n));
	case REPORT_KEY_ADDR_PREFIX:
		a = *req_addr(rec, k->field);
		gh_addr_mask(&a, a.family == AF_INET ? k->n : k->n6);
		return put_addr(p, &a, a.family == AF_INET ? k->n : k->n6);
	case REPORT_KEY_STATUS_CLASS:
		snprintf(class, sizeof(class), "%uxx", (unsigned int)(rec->status / 100 % 10));
		return put_part(p, class, 3);
	case REPORT_KEY_HOUR:
		return put_u64(p, rec->ts_ns / 1000000000ULL % 86400 / 3600);
	case REPORT_KEY_EXT:
		return put_ext(p, rec->path);
	default:
		return put_field(p, rec, k->field);
	}
}

/* ---- groups -------------------------------------------------------------- */

static int grow_index(struct report *r)
{
	size_t cap = r->index ? (r->index_mask + 1) * 2 : INDEX_MIN, mask = cap - 1;
	uint32_t *index = calloc(cap, sizeof(*index));

	if (!index)
		return -ENOMEM;
	for (size_t g = 0; g < r->n_groups; g++) {
		size_t i = r->groups[g].hash & mask;

		while (index[i])
			i = (i + 1) & mask;
		index[i] = (uint32_t)g + 1;
	}
	free(r->index);
	r->index = index;
	r->index_mask = mask;
	return 0;
}

static int reserve_keys(struct report *r, size_t len)
{
	size_t cap = r->keys_cap ? r->keys_cap : 64 * 1024;
	uint8_t *keys;

	while (cap < r->keys_len + len)
		cap *= 2;
	if (cap == r->keys_cap)
		return 0;
	keys = realloc(r->keys, cap);
	if (!keys)
		return -ENOMEM;
	r->keys = keys;
	r->keys_cap = cap;
	return 0;
}

/* The new group for a key (the index has room), or NULL past the caps (other). */
static int add_group(struct report *r, size_t slot, const uint8_t *key, uint32_t len,
		     uint64_t h, struct report_group **out)
{
	struct report_group *g;
	int err;

	*out = NULL;
	if (r->n_groups >= r->o.max_groups || r->keys_len + len > r->o.max_key_bytes)
		return 0;
	err = gh_vec_reserve((void **)&r->groups, &r->groups_cap, r->n_groups, sizeof(*g), 1024);
	if (!err)
		err = reserve_keys(r, len);
	if (err)
		return err;
	g = &r->groups[r->n_groups];
	*g = (struct report_group){ .hash = h, .key_off = (uint32_t)r->keys_len, .key_len = len };
	memcpy(r->keys + r->keys_len, key, len);
	r->keys_len += len;
	r->index[slot] = (uint32_t)++r->n_groups;
	*out = g;
	/* At most half full: probe chains stay short. */
	return r->n_groups * 2 > r->index_mask + 1 ? grow_index(r) : 0;
}

static int find_group(struct report *r, const uint8_t *key, uint32_t len,
		      struct report_group **out)
{
	uint64_t h = gh_hash_bytes(key, len, r->seed);
	size_t i = h & r->index_mask;

	for (; r->index[i]; i = (i + 1) & r->index_mask) {
		struct report_group *g = &r->groups[r->index[i] - 1];

		if (g->hash == h && g->key_len == len && !memcmp(r->keys + g->key_off, key, len)) {
			*out = g;
			return 0;
		}
	}
	return add_group(r, i, key, len, h, out);
}

/* One source of a (pseudo-)group: counted when new, or the count marked capped. */
static int count_source(struct report *r, uint32_t id, bool matching, const struct gh_addr *a,
			struct report_counts *c)
{
	struct {
		uint32_t id;
		uint8_t matching, family, bytes[16];
	} k;
	uint32_t before = r->pairs.used;
	int ret;

	memset(&k, 0, sizeof(k));
	k.id = id;
	k.matching = matching;
	k.family = a->family;
	memcpy(k.bytes, a->bytes, sizeof(k.bytes));
	ret = multiset_add(&r->pairs, gh_hash_bytes(&k, sizeof(k), r->seed),
			   (uint32_t)r->o.max_source_pairs);
	if (ret < 0)
		return ret;
	if (ret == 1)
		c->sources_capped = true;
	else if (r->pairs.used > before)
		(*(matching ? &c->matching_sources : &c->sources))++;
	return 0;
}

static int count(struct report *r, uint32_t id, struct report_counts *c, bool match,
		 const struct request_record *rec)
{
	int err = 0;

	c->requests++;
	c->matching += match;
	if (req_has(rec, REQ_SRC_IP)) {
		err = count_source(r, id, false, &rec->src, c);
		if (!err && match)
			err = count_source(r, id, true, &rec->src, c);
	}
	return err;
}

int report_add(struct report *r, const struct request_record *rec)
{
	uint8_t *end = r->scratch;
	struct report_group *g;
	bool match = false;
	int err;

	for (unsigned int i = 0; i < r->o.n_keys; i++)
		end = put_key(end, &r->o.keys[i], rec);
	err = find_group(r, r->scratch, (uint32_t)(end - r->scratch), &g);
	if (err)
		return err;
	if (r->ev) {
		pred_eval_begin(r->ev, rec);
		match = pred_match(r->o.where, r->ev);
	}
	if (g)
		err = count(r, (uint32_t)(g - r->groups), &g->c, match, rec);
	else {
		r->t.overflow = true;
		err = count(r, ID_OTHER, &r->t.other, match, rec);
	}
	return err ? err : count(r, ID_TOTAL, &r->t.all, match, rec);
}

/* ---- life ---------------------------------------------------------------- */

struct report *report_new(const struct report_opts *o, struct gh_err *err)
{
	struct report *r;

	if (!o->n_keys || o->n_keys > REPORT_MAX_KEYS) {
		gh_err_input(err, "report: expected 1 to %d keys, got %u", REPORT_MAX_KEYS,
			     o->n_keys);
		return NULL;
	}
	r = calloc(1, sizeof(*r));
	if (!r)
		goto nomem;
	r->o = *o;
	if (!r->o.max_groups || r->o.max_groups > MAX_GROUPS_LIMIT)
		r->o.max_groups = r->o.max_groups ? MAX_GROUPS_LIMIT : REPORT_DEFAULT_MAX_GROUPS;
	if (!r->o.max_key_bytes || r->o.max_key_bytes > UINT32_MAX)
		r->o.max_key_bytes = REPORT_DEFAULT_MAX_KEY_BYTES;
	if (!r->o.max_source_pairs || r->o.max_source_pairs > UINT32_MAX / 2)
		r->o.max_source_pairs = REPORT_DEFAULT_MAX_SOURCE_PAIRS;
	r->pairs.e = r->pairs_inline;
	r->pairs.mask = PAIRS_INLINE - 1;
	if (getrandom(&r->seed, sizeof(r->seed), 0) != sizeof(r->seed))
		r->seed = (uint64_t)(uintptr_t)r ^ 0x9e3779b97f4a7c15ULL;
	r->scratch = malloc(o->n_keys * (PART_HEAD + REPORT_MAX_VALUE));
	if (!r->scratch || grow_index(r))
		goto nomem;
	if (o->where && !(r->ev = pred_eval_new(o->regexes)))
		goto nomem;
	return r;
nomem:
	report_free(r);
	gh_err_sys(err, -ENOMEM, "report: allocating its tables");
	return NULL;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	pred_eval_free(r->ev);
	if (r->pairs.heap)
		free(r->pairs.e);
	free(r->scratch);
	free(r->groups);
	free(r->index);
	free(r->keys);
	free(r->sorted);
	free(r);
}

void report_totals(const struct report *r, struct report_totals *t)
{
	*t = r->t;
	t->groups = r->n_groups;
}

double report_share(const struct report *r, const struct report_counts *c)
{
	if (r->o.where)
		return c->requests ? (double)c->matching / (double)c->requests : 0;
	return r->t.all.requests ? (double)c->requests / (double)r->t.all.requests : 0;
}

/* ---- output -------------------------------------------------------------- */

/* Part i of a key: its bytes, or false when absent. */
static bool key_part(const uint8_t *key, unsigned int i, const uint8_t **p, uint32_t *len)
{
	for (;; i--) {
		memcpy(len, key, PART_HEAD);
		key += PART_HEAD;
		if (!i)
			break;
		if (*len != PART_ABSENT)
			key += *len;
	}
	*p = key;
	return *len != PART_ABSENT;
}

bool report_group_key(const struct report *r, const struct report_group *g, unsigned int i,
		      char buf[REPORT_VALUE_BUF], struct gh_str *out)
{
	const uint8_t *p;
	uint64_t n = 0;
	uint32_t len;
	struct gh_cidr c;

	if (!key_part(r->keys + g->key_off, i, &p, &len))
		return false;
	switch (key_form(&r->o.keys[i])) {
	case FORM_TEXT:
		out->p = (const char *)p;
		out->len = len;
		return true;
	case FORM_ADDR:
		gh_addr_from_bytes(&c.addr, p[0], p + 1);
		c.prefixlen = p[17];
		gh_cidr_format(&c, buf, REPORT_VALUE_BUF);
		break;
	case FORM_BOOL:
		snprintf(buf, REPORT_VALUE_BUF, "%s", p[0] ? "true" : "false");
		break;
	default:
		for (int b = 0; b < 8; b++)
			n = n << 8 | p[b];
		if (key_form(&r->o.keys[i]) == FORM_TIME)
			gh_format_rfc3339(n, buf, REPORT_VALUE_BUF);
		else
			snprintf(buf, REPORT_VALUE_BUF, "%llu", (unsigned long long)n);
	}
	out->p = buf;
	out->len = (uint32_t)strlen(buf);
	return true;
}

static uint64_t sort_value(const struct report_counts *c, enum report_sort by)
{
	return by == REPORT_SORT_REQUESTS ? c->requests : c->matching;
}

/* Values in order, absent first, then bytes, then the shorter first. */
static int key_cmp(const struct report *r, const struct report_group *a,
		   const struct report_group *b)
{
	for (unsigned int i = 0; i < r->o.n_keys; i++) {
		const uint8_t *pa, *pb;
		uint32_t la, lb;
		bool ha = key_part(r->keys + a->key_off, i, &pa, &la);
		bool hb = key_part(r->keys + b->key_off, i, &pb, &lb);
		int d;

		if (ha != hb)
			return ha ? 1 : -1;
		if (!ha)
			continue;
		d = memcmp(pa, pb, la < lb ? la : lb);
		if (d)
			return d;
		if (la != lb)
			return la < lb ? -1 : 1;
	}
	return 0;
}

static int group_cmp(const void *pa, const void *pb, void *ctx)
{
	const struct report_group *a = *(const struct report_group *const *)pa;
	const struct report_group *b = *(const struct report_group *const *)pb;
	const struct report *r = ctx;

	if (r->sort_by == REPORT_SORT_SHARE) {
		double sa = report_share(r, &a->c), sb = report_share(r, &b->c);

		if (sa != sb)
			return sa < sb ? 1 : -1;
	} else {
		uint64_t va = sort_value(&a->c, r->sort_by), vb = sort_value(&b->c, r->sort_by);

		if (va != vb)
			return va < vb ? 1 : -1;
	}
	return key_cmp(r, a, b);
}

int report_sort(struct report *r, enum report_sort by, const struct report_group *const **out,
		size_t *n)
{
	const struct report_group **sorted = realloc(r->sorted, (r->n_groups ? r->n_groups : 1) *
								 sizeof(*sorted));

	if (!sorted)
		return -ENOMEM;
	r->sorted = sorted;
	for (size_t i = 0; i < r->n_groups; i++)
		sorted[i] = &r->groups[i];
	r->sort_by = by;
	qsort_r(sorted, r->n_groups, sizeof(*sorted), group_cmp, r);
	*out = sorted;
	*n = r->n_groups;
	return 0;
}
