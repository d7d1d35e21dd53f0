// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Evaluating predicates on a record: the per-record caches, memos and scans (predicate.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "engine/pred_memo.h"
#include "engine/predicate_internal.h"
#include "engine/transform.h"

/*
 * PCRE2 runs on attacker bytes: bound its backtracking so a pathological
 * pattern costs microseconds, not seconds, per record.
 */
#define PCRE2_MATCH_LIMIT 100000
#define PCRE2_DEPTH_LIMIT 10000
#define PCRE2_JIT_STACK_MAX (1U << 20)
#define RECENT_SLOTS 64 /* pred_eval.recent, per field (a power of two) */

struct pred_eval {
	const struct regex_set *rs;
	const struct request_record *r;
	uint32_t present;  /* r->present, one load away instead of two */
	uint32_t str_mask; /* fields whose slice is in str[] for this record */
	uint32_t key_mask; /* fields whose memo key is in key[] for this record */
	uint16_t method_bit, status_bit; /* the record's, in pred.quick_methods, quick_status */
	struct gh_str str[REQ_FIELD_COUNT];
	uint64_t key[REQ_FIELD_COUNT];
	uint64_t seed; /* of the keys */
	hs_scratch_t *scratch;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
	/* Generation marks: a slot equal to gen is valid for the current record. */
	uint32_t gen;
	uint32_t *scan_gen; /* per subject: scanned by Hyperscan */
	uint32_t *xf_gen;   /* per subject: transformed value in xf[] */
	uint32_t *done_gen; /* PCRE2 pattern or phrase list evaluated */
	uint32_t *hit_gen;  /* pattern matched */
	struct gh_str *xf;  /* per subject: its value for this record, in xf_buf */
	char *xf_buf;       /* PRED_XF_SCRATCH bytes, when there are transformed subjects */
	size_t xf_used;
	/*
	 * Per field with a database over it (raw or transformed): one memo,
	 * whose entries know each such subject (pass[] its bit) as it is
	 * scanned, and this record's entry (ent, when ent_gen is gen).
	 */
	struct pred_memo *memo[REQ_FIELD_COUNT];
	uint8_t *pass; /* per subject; 0: not remembered */
	uint16_t pass_subj[REQ_FIELD_COUNT][PRED_MEMO_PASSES]; /* each bit's subject */
	uint8_t npass[REQ_FIELD_COUNT];
	struct pred_memo_entry *ent[REQ_FIELD_COUNT];
	uint32_t ent_gen[REQ_FIELD_COUNT];
	/*
	 * Per field, entries of recent values by a cheap index of their length
	 * and last bytes (recent_slot): a client's page and its assets, and a
	 * few clients interleaved, repeat a User-Agent or Referer, which is
	 * found here without a hash of the whole value and a memo lookup.
	 */
	struct pred_memo_entry *recent[REQ_FIELD_COUNT][RECENT_SLOTS];
	const void *tag_owner; /* the one client of the tags (pred_eval_value_tag) */
	/* pred_eval_plan: passes to run per field, and the patterns run one by one. */
	struct plan_field {
		uint8_t field, passes;
	} *plan_fields;
	int *plan_ids;
	size_t nplan_fields, nplan_ids;
	const unsigned int *owner; /* of the subject being scanned */
	int *hits;          /* this record's matched pattern ids, each once */
	size_t nhits;
	uint64_t regex_errors;
	uint64_t scans;
	uint64_t transforms;
};

/* Subject s (with a database) gets its field's memo and a bit there, while bits last. */
static bool remember_subject(struct pred_eval *ev, size_t s)
{
	enum req_field f = ev->rs->subj[s].field;

	if (!ev->memo[f] && !(ev->memo[f] = pred_memo_new()))
		return false;
	if (ev->npass[f] < PRED_MEMO_PASSES) {
		ev->pass[s] = (uint8_t)(1U << ev->npass[f]);
		ev->pass_subj[f][ev->npass[f]++] = (uint16_t)s;
	}
	return true;
}

struct pred_eval *pred_eval_new(const struct regex_set *rs)
{
	struct pred_eval *ev = calloc(1, sizeof(*ev));
	size_t n = rs->n ? rs->n : 1, ns = rs->nsubj;

	if (!ev)
		return NULL;
	ev->rs = rs;
	ev->gen = 1;
	ev->seed = PRED_MEMO_SEED;
	ev->done_gen = calloc(n, sizeof(*ev->done_gen));
	ev->hit_gen = calloc(n, sizeof(*ev->hit_gen));
	ev->hits = calloc(n, sizeof(*ev->hits));
	ev->scan_gen = calloc(ns, sizeof(*ev->scan_gen));
	ev->xf_gen = calloc(ns, sizeof(*ev->xf_gen));
	ev->xf = calloc(ns, sizeof(*ev->xf));
	ev->pass = calloc(ns, sizeof(*ev->pass));
	ev->md = pcre2_match_data_create(1, NULL);
	ev->mctx = pcre2_match_context_create(NULL);
	ev->jit = pcre2_jit_stack_create(32 * 1024, PCRE2_JIT_STACK_MAX, NULL);
	if (!ev->done_gen || !ev->hit_gen || !ev->hits || !ev->scan_gen || !ev->xf_gen || !ev->xf ||
	    !ev->pass || !ev->md || !ev->mctx)
		goto fail;
	if (ns > REQ_FIELD_COUNT && !(ev->xf_buf = malloc(PRED_XF_SCRATCH)))
		goto fail;
	pcre2_set_match_limit(ev->mctx, PCRE2_MATCH_LIMIT);
	pcre2_set_depth_limit(ev->mctx, PCRE2_DEPTH_LIMIT);
	if (ev->jit)
		pcre2_jit_stack_assign(ev->mctx, NULL, ev->jit);
	for (size_t s = 0; rs->db && s < ns; s++) {
		if (!rs->db[s])
			continue;
		if (hs_alloc_scratch(rs->db[s], &ev->scratch) != HS_SUCCESS ||
		    !remember_subject(ev, s))
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
	free(ev->scan_gen);
	free(ev->xf_gen);
	free(ev->xf);
	free(ev->xf_buf);
	free(ev->hits);
	for (int f = 0; f < REQ_FIELD_COUNT; f++)
		pred_memo_free(ev->memo[f]);
	free(ev->pass);
	free(ev->plan_fields);
	free(ev->plan_ids);
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

uint64_t pred_eval_transforms(const struct pred_eval *ev)
{
	return ev->transforms;
}

void pred_eval_begin(struct pred_eval *ev, const struct request_record *r)
{
	size_t n = ev->rs->n ? ev->rs->n : 1;

	ev->r = r;
	ev->nhits = 0;
	ev->present = r->present | REQ_DERIVED;
	/* Computed only for a set that names it: it searches the Referer. */
	if (ev->rs->fields_named & REQ_BIT(REQ_REFERER_QUERY) && req_has(r, REQ_REFERER_QUERY))
		ev->present |= REQ_BIT(REQ_REFERER_QUERY);
	ev->str_mask = ev->key_mask = 0;
	ev->xf_used = 0;
	ev->method_bit = (uint16_t)(1U << (req_has(r, REQ_METHOD) ? r->method : PRED_QUICK_ABSENT));
	ev->status_bit = (uint16_t)(1U << (!req_has(r, REQ_STATUS) ? PRED_QUICK_ABSENT
					 : r->status > 999	   ? 10
								   : r->status / 100));
	if (++ev->gen)
		return;
	/* Wrapped after 2^32 records: old marks could alias the new generation. */
	memset(ev->scan_gen, 0, ev->rs->nsubj * sizeof(*ev->scan_gen));
	memset(ev->xf_gen, 0, ev->rs->nsubj * sizeof(*ev->xf_gen));
	memset(ev->done_gen, 0, n * sizeof(*ev->done_gen));
	memset(ev->hit_gen, 0, n * sizeof(*ev->hit_gen));
	memset(ev->ent_gen, 0, sizeof(ev->ent_gen));
	ev->gen = 1;
}

/* Pattern id matched this record: marked, and listed once. */
static inline void mark_hit(struct pred_eval *ev, int id)
{
	if (ev->hit_gen[id] == ev->gen)
		return;
	ev->hit_gen[id] = ev->gen;
	ev->hits[ev->nhits++] = id;
}

static int on_hs_match(unsigned int id, unsigned long long from, unsigned long long to,
		       unsigned int flags, void *ctx)
{
	struct pred_eval *ev = ctx;

	(void)from, (void)to, (void)flags;
	mark_hit(ev, (int)ev->owner[id]);
	return 0;
}

/* Field f's string for this record, looked up once. */
static inline struct gh_str field_str(struct pred_eval *ev, enum req_field f)
{
	if (!(ev->str_mask & REQ_BIT(f))) {
		req_get_str(ev->r, f, &ev->str[f]);
		if (!ev->str[f].p)
			ev->str[f].p = ""; /* an empty slice may carry no pointer */
		ev->str_mask |= REQ_BIT(f);
	}
	return ev->str[f];
}

/* A transformed subject's value for this record, computed once into xf_buf. */
static struct gh_str subject_str(struct pred_eval *ev, unsigned int sj)
{
	const struct subject *sb = &ev->rs->subj[sj];
	struct gh_str raw;
	size_t len, room = PRED_XF_SCRATCH - ev->xf_used;
	char *buf = ev->xf_buf + ev->xf_used;

	if (ev->xf_gen[sj] == ev->gen)
		return ev->xf[sj];
	raw = field_str(ev, sb->field);
	len = raw.len;
	if (len > room) {
		len = room;
		ev->regex_errors++;
	}
	memcpy(buf, raw.p, len);
	len = xform_apply(sb->chain, sb->field == REQ_QUERY || sb->field == REQ_REFERER_QUERY, buf, len);
	ev->xf_used += len;
	ev->transforms++;
	ev->xf_gen[sj] = ev->gen;
	ev->xf[sj] = (struct gh_str){ buf, (uint32_t)len };
	return ev->xf[sj];
}

/* Subject sj's value for this record: its field's, or that transformed. */
static struct gh_str subject_value(struct pred_eval *ev, unsigned int sj)
{
	return sj < REQ_FIELD_COUNT ? field_str(ev, (enum req_field)sj) : subject_str(ev, sj);
}

/* Field f's memo key for this record, computed once whichever memo asks. */
static uint64_t field_key(struct pred_eval *ev, enum req_field f, struct gh_str raw)
{
	if (!(ev->key_mask & REQ_BIT(f))) {
		ev->key[f] = gh_hash_bytes(raw.p, raw.len, ev->seed);
		ev->key_mask |= REQ_BIT(f);
	}
	return ev->key[f];
}

/* Where value v's entry is kept among its field's recent ones: its length and last 8 bytes, mixed. */
static inline struct pred_memo_entry **recent_slot(struct pred_eval *ev, enum req_field f,
						   struct gh_str v)
{
	uint64_t tail = 0;

	if (v.len >= sizeof(tail))
		memcpy(&tail, v.p + v.len - sizeof(tail), sizeof(tail));
	else
		memcpy(&tail, v.p, v.len);
	tail = (tail ^ v.len) * 0x9e3779b97f4a7c15ULL;
	return &ev->recent[f][tail >> (64 - __builtin_ctz(RECENT_SLOTS))];
}

/*
 * Field f's memo entry for this record (NULL: not remembered), looked up
 * once: the hits of every pass it knows are marked. Those subjects count
 * as scanned (subject_known), without a mark each: most are never asked.
 */
static struct pred_memo_entry *field_entry(struct pred_eval *ev, enum req_field f,
					   struct gh_str raw)
{
	struct pred_memo_entry *e, **slot;

	if (ev->ent_gen[f] == ev->gen)
		return ev->ent[f];
	/*
	 * A recent value's entry, if it still holds the value (the memo reuses
	 * entries), spares the hash and the lookup (its key is the value's).
	 */
	slot = recent_slot(ev, f, raw);
	e = *slot;
	if (e && e->len == raw.len && e->hash && !memcmp(e->text, raw.p, raw.len)) {
		ev->key[f] = e->hash;
		ev->key_mask |= REQ_BIT(f);
	} else if ((e = pred_memo_find(ev->memo[f], raw, field_key(ev, f, raw)))) {
		*slot = e;
	}
	ev->ent[f] = e;
	ev->ent_gen[f] = ev->gen;
	if (!e)
		return NULL;
	for (uint8_t i = 0; i < e->nhits; i++)
		mark_hit(ev, (int)e->hits[i]);
	return e;
}

/* Field f's entry for this record, claimed for its value when there is none yet. */
static struct pred_memo_entry *field_entry_claim(struct pred_eval *ev, enum req_field f,
						 struct gh_str raw)
{
	struct pred_memo_entry *e = field_entry(ev, f, raw);

	if (!e)
		e = ev->ent[f] = *recent_slot(ev, f, raw) =
			pred_memo_claim(ev->memo[f], raw, ev->key[f]);
	return e;
}

/*
 * One Hyperscan pass over subject sj (or its memo), marking every pattern
 * that matches. The memo is keyed by the field's own value, of which a
 * transformed subject's is a function: a remembered value costs neither
 * transform nor scan. Not when the transform could be cut short (the
 * record's transforms filled the scratch): the cut value is what is scanned.
 */
static __attribute__((noinline)) void scan_subject(struct pred_eval *ev, unsigned int sj)
{
	const struct regex_set *rs = ev->rs;
	enum req_field f = rs->subj[sj].field;
	struct gh_str raw = field_str(ev, f), s;
	bool keyed = ev->pass[sj] &&
		     (sj < REQ_FIELD_COUNT || raw.len <= PRED_XF_SCRATCH - ev->xf_used);
	struct pred_memo_entry *e = field_entry(ev, f, raw);
	size_t first = ev->nhits;

	if (e && e->known & ev->pass[sj])
		return; /* marked by field_entry */
	s = subject_value(ev, sj);
	ev->scans++;
	ev->owner = rs->owner[sj];
	if (hs_scan(rs->db[sj], s.p, s.len, 0, ev->scratch, on_hs_match, ev) != HS_SUCCESS) {
		ev->regex_errors++;
		return;
	}
	/* The subject's patterns are in no other pass: what this one marked is new. */
	if (keyed && (e = field_entry_claim(ev, f, raw)))
		pred_memo_learn(e, ev->pass[sj], ev->hits + first, ev->nhits - first);
}

/* Subject sj's pass is known to its field's memo entry for this record (its hits marked). */
static inline bool subject_known(const struct pred_eval *ev, unsigned int sj)
{
	enum req_field f = ev->rs->subj[sj].field;

	return ev->ent_gen[f] == ev->gen && ev->ent[f] && ev->ent[f]->known & ev->pass[sj];
}

/* A PCRE2 pattern or a phrase list on this record, run once (regex_hit). */
static __attribute__((noinline)) bool regex_run(struct pred_eval *ev, int id)
{
	const struct regex *re = &ev->rs->v[id];
	struct gh_str s;
	int rc;

	if (ev->done_gen[id] != ev->gen) {
		s = subject_value(ev, re->subj);
		ev->done_gen[id] = ev->gen;
		ev->scans++;
		if (re->pl) {
			if (phrase_list_match(re->pl, s.p, s.len))
				mark_hit(ev, id);
			return ev->hit_gen[id] == ev->gen;
		}
		rc = pcre2_match(re->code, (PCRE2_SPTR)s.p, s.len, 0, 0, ev->md, ev->mctx);
		if (rc >= 0)
			mark_hit(ev, id);
		else if (rc != PCRE2_ERROR_NOMATCH)
			ev->regex_errors++;
	}
	return ev->hit_gen[id] == ev->gen;
}

/*
 * Whether pattern id matches this record (its field is present). Inline for
 * Hyperscan's patterns, whose subject is mostly scanned already or known to
 * its field's memo entry; a scan is a call.
 */
static inline bool regex_hit(struct pred_eval *ev, int id)
{
	const struct regex *re = &ev->rs->v[id];

	if (!re->hs)
		return regex_run(ev, id);
	if (ev->scan_gen[re->subj] != ev->gen) {
		ev->scan_gen[re->subj] = ev->gen;
		if (!subject_known(ev, re->subj))
			scan_subject(ev, re->subj);
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

	s = subject_value(ev, p->subj);
	switch (p->op) {
	case PRED_EQ: return s.len == want->len && !memcmp(s.p, want->p, s.len);
	case PRED_NE: return s.len != want->len || memcmp(s.p, want->p, s.len);
	case PRED_IN: return str_in(p, s);
	case PRED_PREFIX: return s.len >= want->len && !memcmp(s.p, want->p, want->len);
	case PRED_SUFFIX:
		return s.len >= want->len && !memcmp(s.p + s.len - want->len, want->p, want->len);
	case PRED_CONTAINS: return memmem(s.p, s.len, want->p, want->len) != NULL;
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

/*
 * Leaves need their field; this one test makes absent fields false, before
 * any call. A status leaf at a class edge is its class bits (absent: none).
 */
static inline bool holds(const struct pred *p, struct pred_eval *ev)
{
	if (p->status_exact)
		return p->quick_status & ev->status_bit;
	return (ev->present & p->need) == p->need && eval(p, ev);
}

bool pred_match(const struct pred *p, struct pred_eval *ev)
{
	return (p->quick_methods & ev->method_bit) && (p->quick_status & ev->status_bit) &&
	       holds(p, ev);
}

/* Run pattern id (or its subject's one scan) on this record, if its field is there. */
void pred_eval_run(struct pred_eval *ev, int id)
{
	const struct regex *re = &ev->rs->v[id];
	enum req_field f = ev->rs->subj[re->subj].field;

	if (ev->present & REQ_BIT(f))
		regex_hit(ev, id);
}

uint64_t pred_eval_key(struct pred_eval *ev, enum req_field f)
{
	return field_key(ev, f, field_str(ev, f));
}

void pred_eval_seed(struct pred_eval *ev, uint64_t seed)
{
	ev->seed = seed;
}

/* pred_eval_value_tag when the gates' passes have not found an entry for the value. */
static __attribute__((noinline)) uint8_t *value_tag_claim(struct pred_eval *ev, enum req_field f)
{
	struct pred_memo_entry *e;

	if (!ev->memo[f] || !(ev->present & REQ_BIT(f)))
		return NULL;
	e = field_entry_claim(ev, f, field_str(ev, f));
	return e ? &e->tag : NULL;
}

uint8_t *pred_eval_value_tag(struct pred_eval *ev, enum req_field f, const void *owner)
{
	if (ev->tag_owner != owner) {
		if (ev->tag_owner)
			return NULL;
		ev->tag_owner = owner;
	}
	/* Mostly the gates' passes looked the value up already (only a present field's). */
	if (ev->ent_gen[f] == ev->gen && ev->ent[f])
		return &ev->ent[f]->tag;
	return value_tag_claim(ev, f);
}

int pred_eval_plan(struct pred_eval *ev, const int *ids, size_t n)
{
	struct plan_field *pf = calloc(n + 1, sizeof(*pf));
	int *rest = calloc(n + 1, sizeof(*rest));
	size_t nf = 0, nr = 0;

	if (!pf || !rest) {
		free(pf);
		free(rest);
		return -ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		const struct regex *re = &ev->rs->v[ids[i]];
		uint8_t f = ev->rs->subj[re->subj].field;
		size_t k = 0;

		if (!re->hs || !ev->pass[re->subj]) {
			rest[nr++] = ids[i];
			continue;
		}
		while (k < nf && pf[k].field != f)
			k++;
		pf[k].field = f;
		pf[k].passes |= ev->pass[re->subj];
		nf += k == nf;
	}
	free(ev->plan_fields);
	free(ev->plan_ids);
	ev->plan_fields = pf;
	ev->plan_ids = rest;
	ev->nplan_fields = nf;
	ev->nplan_ids = nr;
	return 0;
}

void pred_eval_run_plan(struct pred_eval *ev)
{
	for (size_t i = 0; i < ev->nplan_fields; i++) {
		enum req_field f = ev->plan_fields[i].field;
		const struct pred_memo_entry *e;
		unsigned int todo;

		if (!(ev->present & REQ_BIT(f)))
			continue;
		e = field_entry(ev, f, field_str(ev, f));
		todo = ev->plan_fields[i].passes & ~(e ? e->known : 0U);
		for (; todo; todo &= todo - 1) {
			unsigned int sj = ev->pass_subj[f][__builtin_ctz(todo)];

			if (ev->scan_gen[sj] != ev->gen) {
				ev->scan_gen[sj] = ev->gen;
				scan_subject(ev, sj);
			}
		}
	}
	for (size_t i = 0; i < ev->nplan_ids; i++)
		pred_eval_run(ev, ev->plan_ids[i]);
}

size_t pred_eval_hits(const struct pred_eval *ev, const int **ids)
{
	*ids = ev->hits;
	return ev->nhits;
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
	case PRED_REGEX:
	case PRED_PHRASES:
		return regex_hit(ev, p->u.regex); /* the value only on a memo miss */
	}
	switch (p->type) {
	case REQ_TYPE_STR:
		/* A known method is its id: the text of one is never another's (req_set_method). */
		if (p->methods && ev->r->method != HTTP_METHOD_OTHER)
			return (p->methods >> ev->r->method & 1) != (p->op == PRED_NE);
		return str_leaf(p, ev);
	case REQ_TYPE_ADDR: return addr_leaf(p, ev->r);
	default: return num_leaf(p, ev->r);
	}
}
