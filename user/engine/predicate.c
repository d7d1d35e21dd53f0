// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hs/hs.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "engine/predicate.h"
#include "base/hash.h"
#include "base/vec.h"

/*
 * PCRE2 runs on attacker bytes: bound its backtracking so a pathological
 * pattern costs microseconds, not seconds, per record.
 */
#define PCRE2_MATCH_LIMIT 100000
#define PCRE2_DEPTH_LIMIT 10000
#define PCRE2_JIT_STACK_MAX (1U << 20)

#define HS_FLAGS (HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY)

/*
 * Scan results per field value: paths and queries repeat (assets, popular
 * pages), and a repeat costs a hash and a compare instead of a scan. One
 * cache line per entry, direct-mapped; values longer than MEMO_TEXT and
 * fields with more than 64 patterns are always scanned.
 */
#define MEMO_SIZE 1024
#define MEMO_TEXT 46
#define MEMO_SEED 0x6a09e667f3bcc908ULL

struct memo_entry {
	uint64_t hash;
	uint64_t bits; /* bit k: the field's k-th pattern matched */
	uint16_t len;
	char text[MEMO_TEXT];
};

struct regex {
	uint8_t field;
	bool caseless;
	bool hs; /* matched by its field's Hyperscan database */
	char *pattern; /* NUL-terminated copy (Hyperscan wants one) */
	size_t len;
	pcre2_code *code;
};

struct regex_set {
	struct regex *v;
	size_t n, cap;
	hs_database_t *db[REQ_FIELD_COUNT];
	unsigned int *ids[REQ_FIELD_COUNT]; /* the patterns in each database */
	unsigned int nids[REQ_FIELD_COUNT];
};

struct pred_eval {
	const struct regex_set *rs;
	const struct request_record *r;
	uint32_t present;  /* r->present, one load away instead of two */
	uint32_t str_mask; /* fields whose slice is in str[] for this record */
	struct gh_str str[REQ_FIELD_COUNT];
	hs_scratch_t *scratch;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
	/* Generation marks: a slot equal to gen is valid for the current record. */
	uint32_t gen;
	uint32_t field_gen[REQ_FIELD_COUNT]; /* field scanned by Hyperscan */
	uint32_t *done_gen; /* PCRE2 pattern evaluated */
	uint32_t *hit_gen;  /* pattern matched */
	struct memo_entry *memo[REQ_FIELD_COUNT];
	uint64_t regex_errors;
	uint64_t scans;
};

#define ARENA_CHUNK (64 * 1024)

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, size;
	_Alignas(16) unsigned char data[];
};

struct pred_arena {
	struct arena_chunk *head;
};

struct pred_arena *pred_arena_new(void)
{
	return calloc(1, sizeof(struct pred_arena));
}

void pred_arena_free(struct pred_arena *a)
{
	if (!a)
		return;
	while (a->head) {
		struct arena_chunk *c = a->head;

		a->head = c->next;
		free(c);
	}
	free(a);
}

void *pred_alloc(struct pred_arena *a, size_t size)
{
	struct arena_chunk *c = a->head;
	void *p;

	size = (size + 15) & ~(size_t)15;
	if (!c || c->size - c->used < size) {
		size_t cap = size > ARENA_CHUNK ? size : ARENA_CHUNK;

		c = calloc(1, sizeof(*c) + cap);
		if (!c)
			return NULL;
		c->size = cap;
		/* A big one-off block goes behind the current chunk, which stays open. */
		if (a->head && size > ARENA_CHUNK) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = c->data + c->used;
	c->used += size;
	return p;
}

static uint32_t leaf_cost(const struct pred *p)
{
	switch (p->op) {
	case PRED_REGEX: return 32;
	case PRED_CONTAINS: return 4;
	case PRED_IN:
	case PRED_CIDR: return 2 + p->n / 4;
	default: return p->type == REQ_TYPE_STR ? 2 : 1;
	}
}

static void sort_by_cost(struct pred **kids, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		struct pred *k = kids[i];
		uint32_t j = i;

		for (; j > 0 && kids[j - 1]->cost > k->cost; j--)
			kids[j] = kids[j - 1];
		kids[j] = k;
	}
}

void pred_finish(struct pred *p)
{
	switch (p->op) {
	case PRED_ALL:
	case PRED_ANY:
		p->need = p->op == PRED_ANY && p->n ? ~0U : 0;
		p->cost = 0;
		for (uint32_t i = 0; i < p->n; i++) {
			pred_finish(p->u.kids[i]);
			p->cost += p->u.kids[i]->cost;
			if (p->op == PRED_ALL)
				p->need |= p->u.kids[i]->need;
			else
				p->need &= p->u.kids[i]->need;
		}
		sort_by_cost(p->u.kids, p->n);
		return;
	case PRED_NOT:
		pred_finish(p->u.kids[0]);
		p->need = 0; /* not(...) of an absent field holds */
		p->cost = p->u.kids[0]->cost;
		return;
	default:
		p->type = (uint8_t)req_field_type(p->field);
		p->need = p->op == PRED_EXISTS && !p->flag ? 0 : REQ_BIT(p->field);
		p->cost = leaf_cost(p);
	}
}

struct regex_set *regex_set_new(void)
{
	return calloc(1, sizeof(struct regex_set));
}

void regex_set_free(struct regex_set *rs)
{
	if (!rs)
		return;
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->v[i].pattern);
		pcre2_code_free(rs->v[i].code);
	}
	for (int f = 0; f < REQ_FIELD_COUNT; f++) {
		hs_free_database(rs->db[f]);
		free(rs->ids[f]);
	}
	free(rs->v);
	free(rs);
}

size_t regex_set_count(const struct regex_set *rs)
{
	return rs->n;
}

bool regex_uses_hyperscan(const struct regex_set *rs, int id)
{
	return rs->v[id].hs;
}

int regex_set_add(struct regex_set *rs, enum req_field f, const char *pattern, size_t len,
		  bool caseless, char *err, size_t errlen)
{
	struct regex *re;
	PCRE2_SIZE off;
	int code;

	for (size_t i = 0; i < rs->n; i++) {
		re = &rs->v[i];
		if (re->field == f && re->caseless == caseless && re->len == len &&
		    !memcmp(re->pattern, pattern, len))
			return (int)i;
	}
	if (gh_vec_reserve((void **)&rs->v, &rs->cap, rs->n, sizeof(*rs->v), 16))
		return -ENOMEM;
	re = &rs->v[rs->n];
	memset(re, 0, sizeof(*re));
	re->code = pcre2_compile((PCRE2_SPTR)pattern, len, caseless ? PCRE2_CASELESS : 0, &code,
				 &off, NULL);
	if (!re->code) {
		char msg[160];

		pcre2_get_error_message(code, (PCRE2_UCHAR *)msg, sizeof(msg));
		snprintf(err, errlen, "%s at offset %zu", msg, (size_t)off);
		return -EINVAL;
	}
	/* Without JIT (unsupported CPU) PCRE2 interprets: slower, same answers. */
	pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
	re->pattern = malloc(len + 1);
	if (!re->pattern) {
		pcre2_code_free(re->code);
		return -ENOMEM;
	}
	memcpy(re->pattern, pattern, len);
	re->pattern[len] = '\0';
	re->len = len;
	re->field = (uint8_t)f;
	re->caseless = caseless;
	return (int)rs->n++;
}

static unsigned int hs_flags(const struct regex *re)
{
	return HS_FLAGS | (re->caseless ? HS_FLAG_CASELESS : 0);
}

/* Whether Hyperscan accepts the pattern on its own (it refuses some PCRE syntax). */
static bool hs_accepts(const struct regex *re)
{
	hs_compile_error_t *cerr = NULL;
	hs_database_t *db = NULL;

	if (memchr(re->pattern, '\0', re->len))
		return false;
	if (hs_compile(re->pattern, hs_flags(re), HS_MODE_BLOCK, NULL, &db, &cerr) != HS_SUCCESS) {
		hs_free_compile_error(cerr);
		return false;
	}
	hs_free_database(db);
	return true;
}

static int compile_field(struct regex_set *rs, enum req_field f)
{
	const char **exprs = calloc(rs->n, sizeof(*exprs));
	unsigned int *flags = calloc(rs->n, sizeof(*flags)), *ids = calloc(rs->n, sizeof(*ids));
	hs_compile_error_t *cerr = NULL;
	unsigned int n = 0;
	int err = 0;

	if (!exprs || !flags || !ids) {
		err = -ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < rs->n; i++) {
		struct regex *re = &rs->v[i];

		if (re->field != f || !hs_accepts(re))
			continue;
		exprs[n] = re->pattern;
		flags[n] = hs_flags(re);
		ids[n++] = (unsigned int)i;
	}
	if (!n)
		goto out;
	/* Each accepted alone; together they should be too. If not, PCRE2 takes all. */
	if (hs_compile_multi(exprs, flags, ids, n, HS_MODE_BLOCK, NULL, &rs->db[f], &cerr) !=
	    HS_SUCCESS) {
		hs_free_compile_error(cerr);
		rs->db[f] = NULL;
		goto out;
	}
	for (unsigned int i = 0; i < n; i++)
		rs->v[ids[i]].hs = true;
	rs->ids[f] = ids;
	rs->nids[f] = n;
	ids = NULL;
out:
	free(exprs);
	free(flags);
	free(ids);
	return err;
}

int regex_set_compile(struct regex_set *rs, unsigned int flags)
{
	if ((flags & REGEX_PCRE2_ONLY) || hs_valid_platform() != HS_SUCCESS)
		return 0;
	for (int f = 0; f < REQ_FIELD_COUNT; f++) {
		int err = compile_field(rs, f);

		if (err)
			return err;
	}
	return 0;
}

struct pred_eval *pred_eval_new(const struct regex_set *rs)
{
	struct pred_eval *ev = calloc(1, sizeof(*ev));
	size_t n = rs->n ? rs->n : 1;

	if (!ev)
		return NULL;
	ev->rs = rs;
	ev->gen = 1;
	ev->done_gen = calloc(n, sizeof(*ev->done_gen));
	ev->hit_gen = calloc(n, sizeof(*ev->hit_gen));
	ev->md = pcre2_match_data_create(1, NULL);
	ev->mctx = pcre2_match_context_create(NULL);
	ev->jit = pcre2_jit_stack_create(32 * 1024, PCRE2_JIT_STACK_MAX, NULL);
	if (!ev->done_gen || !ev->hit_gen || !ev->md || !ev->mctx)
		goto fail;
	pcre2_set_match_limit(ev->mctx, PCRE2_MATCH_LIMIT);
	pcre2_set_depth_limit(ev->mctx, PCRE2_DEPTH_LIMIT);
	if (ev->jit)
		pcre2_jit_stack_assign(ev->mctx, NULL, ev->jit);
	for (int f = 0; f < REQ_FIELD_COUNT; f++) {
		if (!rs->db[f])
			continue;
		if (hs_alloc_scratch(rs->db[f], &ev->scratch) != HS_SUCCESS)
			goto fail;
		if (rs->nids[f] <= 64 && !(ev->memo[f] = calloc(MEMO_SIZE, sizeof(struct memo_entry))))
			goto fail;
	}
	return ev;
fail:
	pred_eval_free(ev);
	return NULL;
}

void pred_eval_free(struct pred_eval *ev)
{
	if (!ev)
		return;
	hs_free_scratch(ev->scratch);
	pcre2_match_data_free(ev->md);
	pcre2_match_context_free(ev->mctx);
	pcre2_jit_stack_free(ev->jit);
	free(ev->done_gen);
	free(ev->hit_gen);
	for (int f = 0; f < REQ_FIELD_COUNT; f++)
		free(ev->memo[f]);
	free(ev);
}

uint64_t pred_eval_regex_errors(const struct pred_eval *ev)
{
	return ev->regex_errors;
}

uint64_t pred_eval_scans(const struct pred_eval *ev)
{
	return ev->scans;
}

void pred_eval_begin(struct pred_eval *ev, const struct request_record *r)
{
	ev->r = r;
	ev->present = r->present;
	ev->str_mask = 0;
	if (++ev->gen)
		return;
	/* Wrapped after 2^32 records: old marks could alias the new generation. */
	memset(ev->field_gen, 0, sizeof(ev->field_gen));
	memset(ev->done_gen, 0, (ev->rs->n ? ev->rs->n : 1) * sizeof(*ev->done_gen));
	memset(ev->hit_gen, 0, (ev->rs->n ? ev->rs->n : 1) * sizeof(*ev->hit_gen));
	ev->gen = 1;
}

static int on_hs_match(unsigned int id, unsigned long long from, unsigned long long to,
		       unsigned int flags, void *ctx)
{
	struct pred_eval *ev = ctx;

	(void)from, (void)to, (void)flags;
	ev->hit_gen[id] = ev->gen;
	return 0;
}

/* One Hyperscan pass over field f (or its memo), marking every pattern that matches. */
static void scan_field(struct pred_eval *ev, enum req_field f, struct gh_str s)
{
	const struct regex_set *rs = ev->rs;
	struct memo_entry *m = NULL;
	uint64_t h = 0, bits = 0;

	if (ev->memo[f] && s.len <= MEMO_TEXT) {
		h = gh_hash_bytes(s.p, s.len, MEMO_SEED);
		m = &ev->memo[f][h & (MEMO_SIZE - 1)];
		if (m->hash == h && m->len == s.len && !memcmp(m->text, s.p, s.len)) {
			for (bits = m->bits; bits; bits &= bits - 1)
				ev->hit_gen[rs->ids[f][__builtin_ctzll(bits)]] = ev->gen;
			return;
		}
	}
	ev->scans++;
	if (hs_scan(rs->db[f], s.p, s.len, 0, ev->scratch, on_hs_match, ev) != HS_SUCCESS) {
		ev->regex_errors++;
		return;
	}
	if (!m)
		return;
	for (unsigned int k = 0; k < rs->nids[f]; k++)
		bits |= (uint64_t)(ev->hit_gen[rs->ids[f][k]] == ev->gen) << k;
	m->hash = h;
	m->bits = bits;
	m->len = (uint16_t)s.len;
	memcpy(m->text, s.p, s.len);
}

static bool regex_hit(struct pred_eval *ev, int id, struct gh_str s)
{
	const struct regex *re = &ev->rs->v[id];
	const char *p = s.p;
	int rc;

	if (re->hs) {
		if (ev->field_gen[re->field] != ev->gen) {
			ev->field_gen[re->field] = ev->gen;
			scan_field(ev, re->field, s);
		}
	} else if (ev->done_gen[id] != ev->gen) {
		ev->done_gen[id] = ev->gen;
		ev->scans++;
		rc = pcre2_match(re->code, (PCRE2_SPTR)p, s.len, 0, 0, ev->md, ev->mctx);
		if (rc >= 0)
			ev->hit_gen[id] = ev->gen;
		else if (rc != PCRE2_ERROR_NOMATCH)
			ev->regex_errors++;
	}
	return ev->hit_gen[id] == ev->gen;
}

static bool str_in(const struct pred *p, struct gh_str s)
{
	for (uint32_t i = 0; i < p->n; i++)
		if (p->u.strs[i].len == s.len && !memcmp(p->u.strs[i].p, s.p, s.len))
			return true;
	return false;
}

__attribute__((noinline)) static bool str_leaf(const struct pred *p, struct pred_eval *ev)
{
	const struct gh_str *want = &p->u.str;
	struct gh_str s;

	if (!(ev->str_mask & REQ_BIT(p->field))) {
		req_get_str(ev->r, p->field, &ev->str[p->field]);
		if (!ev->str[p->field].p)
			ev->str[p->field].p = ""; /* an empty slice may carry no pointer */
		ev->str_mask |= REQ_BIT(p->field);
	}
	s = ev->str[p->field];
	switch (p->op) {
	case PRED_EQ: return s.len == want->len && !memcmp(s.p, want->p, s.len);
	case PRED_NE: return s.len != want->len || memcmp(s.p, want->p, s.len);
	case PRED_IN: return str_in(p, s);
	case PRED_PREFIX: return s.len >= want->len && !memcmp(s.p, want->p, want->len);
	case PRED_SUFFIX:
		return s.len >= want->len && !memcmp(s.p + s.len - want->len, want->p, want->len);
	case PRED_CONTAINS: return memmem(s.p, s.len, want->p, want->len) != NULL;
	case PRED_REGEX: return regex_hit(ev, p->u.regex, s);
	}
	return false;
}

__attribute__((noinline)) static bool num_leaf(const struct pred *p, const struct request_record *r)
{
	uint64_t raw;
	double v;

	req_get_num(r, p->field, &raw);
	if (p->type == REQ_TYPE_BOOL)
		return (p->op == PRED_EQ) == ((raw != 0) == p->flag);
	v = (double)raw;
	switch (p->op) {
	case PRED_EQ: return v == p->u.num;
	case PRED_NE: return v != p->u.num;
	case PRED_LT: return v < p->u.num;
	case PRED_LE: return v <= p->u.num;
	case PRED_GT: return v > p->u.num;
	case PRED_GE: return v >= p->u.num;
	case PRED_IN:
		for (uint32_t i = 0; i < p->n; i++)
			if (v == p->u.nums[i])
				return true;
		return false;
	}
	return false;
}

static bool addr_leaf(const struct pred *p, const struct request_record *r)
{
	const struct gh_addr *a = req_addr(r, p->field);

	switch (p->op) {
	case PRED_EQ: return gh_addr_equal(a, &p->u.addr);
	case PRED_NE: return !gh_addr_equal(a, &p->u.addr);
	case PRED_CIDR:
		for (uint32_t i = 0; i < p->n; i++)
			if (gh_cidr_contains(&p->u.cidrs[i], a))
				return true;
		return false;
	}
	return false;
}

static bool eval(const struct pred *p, struct pred_eval *ev);

/* Leaves need their field; this one test makes absent fields false, before any call. */
static inline bool holds(const struct pred *p, struct pred_eval *ev)
{
	return (ev->present & p->need) == p->need && eval(p, ev);
}

bool pred_match(const struct pred *p, struct pred_eval *ev)
{
	return holds(p, ev);
}

static bool eval(const struct pred *p, struct pred_eval *ev)
{
	switch (p->op) {
	case PRED_ALL:
		for (uint32_t i = 0; i < p->n; i++)
			if (!holds(p->u.kids[i], ev))
				return false;
		return true;
	case PRED_ANY:
		for (uint32_t i = 0; i < p->n; i++)
			if (holds(p->u.kids[i], ev))
				return true;
		return false;
	case PRED_NOT:
		return !holds(p->u.kids[0], ev);
	case PRED_EXISTS:
		return !!(ev->present & REQ_BIT(p->field)) == p->flag;
	}
	switch (p->type) {
	case REQ_TYPE_STR: return str_leaf(p, ev);
	case REQ_TYPE_ADDR: return addr_leaf(p, ev->r);
	default: return num_leaf(p, ev->r);
	}
}
