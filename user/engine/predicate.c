// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hs/hs.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "engine/compile_jobs.h"
#include "engine/hs_cache.h"
#include "engine/pred_memo.h"
#include "engine/predicate.h"
#include "engine/regex_split.h"
#include "engine/transform.h"
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
#define HS_PHRASE_FLAGS (HS_FLAG_SINGLEMATCH | HS_FLAG_CASELESS)

/* What patterns run over: a field (subject id == field id) or a field transformed. */
struct subject {
	uint8_t field;
	uint32_t chain; /* transform.h; 0 for the raw fields */
};

/* A pattern, or a phrase list (then pattern and code are NULL). */
struct regex {
	uint16_t subj;
	bool caseless;
	bool hs; /* matched by its subject's Hyperscan database */
	char *pattern; /* NUL-terminated copy (Hyperscan wants one) */
	size_t len;
	pcre2_code *code;
	struct phrase_list *pl;
};

struct regex_set {
	struct regex *v;
	size_t n, cap;
	struct subject *subj; /* the first REQ_FIELD_COUNT are the raw fields */
	size_t nsubj, subj_cap;
	/* Per subject, from regex_set_compile: */
	hs_database_t **db;
	/*
	 * The pattern or list of each expression in the database. Expressions
	 * have ids of their own: Hyperscan compiles many expressions sharing an
	 * id (a list's phrases) orders of magnitude slower.
	 */
	unsigned int **owner;
	char *cache_dir; /* compiled databases kept here (hs_cache.h); NULL: none */
};

struct pred_eval {
	const struct regex_set *rs;
	const struct request_record *r;
	uint32_t present;  /* r->present, one load away instead of two */
	uint32_t str_mask; /* fields whose slice is in str[] for this record */
	uint32_t key_mask; /* fields whose memo key is in key[] for this record */
	struct gh_str str[REQ_FIELD_COUNT];
	uint64_t key[REQ_FIELD_COUNT];
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
	struct pred_memo **memo; /* per subject with a database */
	uint8_t *tag[REQ_FIELD_COUNT]; /* per field scanned raw: its memo entry's tag, or NULL */
	const void *tag_owner;         /* the one client of the tags (pred_eval_value_tag) */
	const unsigned int *owner; /* of the subject being scanned */
	int *hits;          /* this record's matched pattern ids, each once */
	size_t nhits;
	uint64_t regex_errors;
	uint64_t scans;
	uint64_t transforms;
};

struct regex_set *regex_set_new(void)
{
	struct regex_set *rs = calloc(1, sizeof(*rs));

	if (!rs)
		return NULL;
	rs->subj = calloc(REQ_FIELD_COUNT, sizeof(*rs->subj));
	if (!rs->subj) {
		free(rs);
		return NULL;
	}
	for (int f = 0; f < REQ_FIELD_COUNT; f++)
		rs->subj[f].field = (uint8_t)f;
	rs->nsubj = rs->subj_cap = REQ_FIELD_COUNT;
	return rs;
}

void regex_set_free(struct regex_set *rs)
{
	if (!rs)
		return;
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->v[i].pattern);
		pcre2_code_free(rs->v[i].code);
		if (rs->v[i].pl)
			phrase_list_free(rs->v[i].pl);
		free(rs->v[i].pl);
	}
	for (size_t s = 0; s < rs->nsubj; s++) {
		if (rs->db)
			hs_free_database(rs->db[s]);
		if (rs->owner)
			free(rs->owner[s]);
	}
	free(rs->db);
	free(rs->owner);
	free(rs->subj);
	free(rs->v);
	free(rs->cache_dir);
	free(rs);
}

int regex_set_cache(struct regex_set *rs, const char *dir)
{
	char *copy = dir && *dir ? strdup(dir) : NULL;

	if (dir && *dir && !copy)
		return -ENOMEM;
	free(rs->cache_dir);
	rs->cache_dir = copy;
	return 0;
}

const char *regex_set_cache_dir(const struct regex_set *rs)
{
	return rs->cache_dir;
}

size_t regex_set_count(const struct regex_set *rs)
{
	return rs->n;
}

bool regex_uses_hyperscan(const struct regex_set *rs, int id)
{
	return rs->v[id].hs;
}

int regex_set_subject(struct regex_set *rs, enum req_field f, uint32_t chain)
{
	if (!chain)
		return (int)f;
	for (size_t s = REQ_FIELD_COUNT; s < rs->nsubj; s++)
		if (rs->subj[s].field == f && rs->subj[s].chain == chain)
			return (int)s;
	if (rs->nsubj > UINT16_MAX)
		return -E2BIG;
	if (gh_vec_reserve((void **)&rs->subj, &rs->subj_cap, rs->nsubj, sizeof(*rs->subj), 32))
		return -ENOMEM;
	rs->subj[rs->nsubj] = (struct subject){ .field = (uint8_t)f, .chain = chain };
	return (int)rs->nsubj++;
}

/* A new zeroed entry over subj, or NULL on -ENOMEM. */
static struct regex *regex_new(struct regex_set *rs, unsigned int subj)
{
	struct regex *re;

	if (gh_vec_reserve((void **)&rs->v, &rs->cap, rs->n, sizeof(*rs->v), 16))
		return NULL;
	re = &rs->v[rs->n];
	memset(re, 0, sizeof(*re));
	re->subj = (uint16_t)subj;
	return re;
}

int regex_set_add_phrases(struct regex_set *rs, unsigned int subj, struct phrase_list *pl)
{
	struct regex *re;

	for (size_t i = 0; i < rs->n; i++)
		if (rs->v[i].pl && rs->v[i].subj == subj && phrase_list_equal(rs->v[i].pl, pl)) {
			phrase_list_free(pl);
			return (int)i;
		}
	re = regex_new(rs, subj);
	if (!re || !(re->pl = malloc(sizeof(*re->pl)))) {
		phrase_list_free(pl);
		return -ENOMEM;
	}
	*re->pl = *pl;
	memset(pl, 0, sizeof(*pl));
	return (int)rs->n++;
}

int regex_set_add(struct regex_set *rs, unsigned int subj, const char *pattern, size_t len,
		  bool caseless, char *err, size_t errlen)
{
	struct regex *re;
	PCRE2_SIZE off;
	int code;

	for (size_t i = 0; i < rs->n; i++) {
		re = &rs->v[i];
		if (re->subj == subj && re->pattern && re->caseless == caseless && re->len == len &&
		    !memcmp(re->pattern, pattern, len))
			return (int)i;
	}
	re = regex_new(rs, subj);
	if (!re)
		return -ENOMEM;
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
	re->caseless = caseless;
	return (int)rs->n++;
}

static unsigned int hs_flags(const struct regex *re)
{
	return HS_FLAGS | (re->caseless ? HS_FLAG_CASELESS : 0);
}

/*
 * Whether Hyperscan accepts the pattern (it refuses some PCRE syntax).
 * hs_expression_info parses and analyses without building a database: a
 * full compile per pattern made loading a large pack take seconds. A
 * pattern that passes here but fails in the field's combined compile sends
 * the whole field to PCRE2, which gives the same answers. Asked only after
 * a subject's compile failed (check_each): for the shipped pack the
 * questions cost 0.03 s of a warm start's 0.11 s of CPU, and found nothing.
 * A NUL is looked for always: Hyperscan would read the pattern cut there.
 */
static bool hs_accepts(const struct regex *re, bool check_each)
{
	hs_compile_error_t *cerr = NULL;
	hs_expr_info_t *info = NULL;

	if (memchr(re->pattern, '\0', re->len))
		return false;
	if (!check_each)
		return true;
	if (hs_expression_info(re->pattern, hs_flags(re), &info, &cerr) != HS_SUCCESS) {
		hs_free_compile_error(cerr);
		return false;
	}
	free(info);
	return true;
}

/*
 * Subject s's Hyperscan database: its patterns Hyperscan takes, each as its
 * top-level alternatives (regex_split.h), and every phrase of its lists.
 * -EAGAIN when the compile failed without check_each (hs_accepts): ask again
 * with it, to leave out what Hyperscan refuses.
 */
static int compile_subject(struct regex_set *rs, size_t s, bool check_each)
{
	unsigned int *ids = calloc(rs->n + 1, sizeof(*ids)), *flags = NULL, *owner = NULL;
	unsigned int *seq = NULL;
	char **blocks = calloc(rs->n + 1, sizeof(*blocks)); /* escaped phrases, per list */
	hs_compile_error_t *cerr = NULL;
	struct hs_cache_req req;
	const char **exprs = NULL;
	size_t n = 0, nexpr = 0, k = 0;
	int err = -ENOMEM;

	if (!ids || !blocks)
		goto out;
	for (size_t i = 0; i < rs->n; i++) {
		struct regex *re = &rs->v[i];

		if (re->subj != s || (!re->pl && !hs_accepts(re, check_each)))
			continue;
		ids[n++] = (unsigned int)i;
		nexpr += re->pl ? re->pl->n : regex_split_count(re->pattern, re->len);
	}
	err = 0;
	if (!n)
		goto out;
	exprs = calloc(nexpr, sizeof(*exprs));
	flags = calloc(nexpr, sizeof(*flags));
	owner = calloc(nexpr, sizeof(*owner));
	seq = calloc(nexpr, sizeof(*seq));
	if (!exprs || !flags || !owner || !seq) {
		err = -ENOMEM;
		goto out;
	}
	for (size_t j = 0; j < n; j++) {
		struct regex *re = &rs->v[ids[j]];
		size_t m = re->pl ? re->pl->n : regex_split_count(re->pattern, re->len);

		blocks[j] = re->pl ? phrase_list_patterns(re->pl, exprs + k)
			    : m > 1 ? regex_split(re->pattern, re->len, exprs + k)
				    : NULL;
		if ((re->pl || m > 1) && !blocks[j]) {
			err = -ENOMEM;
			goto out;
		}
		if (m == 1 && !re->pl)
			exprs[k] = re->pattern;
		for (size_t e = 0; e < m; e++, k++) {
			flags[k] = re->pl ? HS_PHRASE_FLAGS : hs_flags(re);
			owner[k] = ids[j];
			seq[k] = (unsigned int)k;
		}
	}
	/* With check_each each was accepted alone, so together they should be: if not, PCRE2 takes all. */
	req = (struct hs_cache_req){ .exprs = exprs, .flags = flags, .ids = seq,
				     .n = (unsigned int)nexpr };
	if (hs_cache_compile(rs->cache_dir, &req, &rs->db[s], &cerr) != HS_SUCCESS) {
		hs_free_compile_error(cerr);
		rs->db[s] = NULL;
		err = check_each ? 0 : -EAGAIN;
		goto out;
	}
	for (size_t j = 0; j < n; j++)
		rs->v[ids[j]].hs = true;
	rs->owner[s] = owner;
	owner = NULL;
out:
	for (size_t j = 0; blocks && j < n; j++)
		free(blocks[j]);
	free(blocks);
	free(exprs);
	free(flags);
	free(owner);
	free(seq);
	free(ids);
	return err;
}

/* Subjects to compile, the most expressions first (the longest jobs start first). */
struct subject_jobs {
	struct regex_set *rs;
	unsigned int *order;
};

static int subject_job(void *ctx, size_t i, struct gh_err *err)
{
	struct subject_jobs *j = ctx;
	int ret = compile_subject(j->rs, j->order[i], false);

	(void)err;
	return ret == -EAGAIN ? compile_subject(j->rs, j->order[i], true) : ret;
}

int regex_set_compile(struct regex_set *rs, unsigned int flags)
{
	struct subject_jobs jobs = { .rs = rs };
	size_t *size, n = 0;
	int err;

	rs->db = calloc(rs->nsubj, sizeof(*rs->db));
	rs->owner = calloc(rs->nsubj, sizeof(*rs->owner));
	if (!rs->db || !rs->owner)
		return -ENOMEM;
	if ((flags & REGEX_PCRE2_ONLY) || hs_valid_platform() != HS_SUCCESS)
		return 0;
	size = calloc(rs->nsubj, sizeof(*size));
	jobs.order = calloc(rs->nsubj, sizeof(*jobs.order));
	if (!size || !jobs.order) {
		free(size);
		free(jobs.order);
		return -ENOMEM;
	}
	for (size_t i = 0; i < rs->n; i++)
		size[rs->v[i].subj] += rs->v[i].pl ? rs->v[i].pl->n : 1;
	for (size_t s = 0; s < rs->nsubj; s++) {
		size_t k = n++;

		if (!size[s]) {
			n--;
			continue;
		}
		for (; k > 0 && size[jobs.order[k - 1]] < size[s]; k--)
			jobs.order[k] = jobs.order[k - 1];
		jobs.order[k] = (unsigned int)s;
	}
	err = compile_jobs_run(n, subject_job, &jobs, NULL);
	free(size);
	free(jobs.order);
	return err;
}

struct pred_eval *pred_eval_new(const struct regex_set *rs)
{
	struct pred_eval *ev = calloc(1, sizeof(*ev));
	size_t n = rs->n ? rs->n : 1, ns = rs->nsubj;

	if (!ev)
		return NULL;
	ev->rs = rs;
	ev->gen = 1;
	ev->done_gen = calloc(n, sizeof(*ev->done_gen));
	ev->hit_gen = calloc(n, sizeof(*ev->hit_gen));
	ev->hits = calloc(n, sizeof(*ev->hits));
	ev->scan_gen = calloc(ns, sizeof(*ev->scan_gen));
	ev->xf_gen = calloc(ns, sizeof(*ev->xf_gen));
	ev->xf = calloc(ns, sizeof(*ev->xf));
	ev->memo = calloc(ns, sizeof(*ev->memo));
	ev->md = pcre2_match_data_create(1, NULL);
	ev->mctx = pcre2_match_context_create(NULL);
	ev->jit = pcre2_jit_stack_create(32 * 1024, PCRE2_JIT_STACK_MAX, NULL);
	if (!ev->done_gen || !ev->hit_gen || !ev->hits || !ev->scan_gen || !ev->xf_gen || !ev->xf ||
	    !ev->memo || !ev->md || !ev->mctx)
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
		if (hs_alloc_scratch(rs->db[s], &ev->scratch) != HS_SUCCESS)
			goto fail;
		if (!(ev->memo[s] = pred_memo_new()))
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
	for (size_t s = 0; ev->memo && s < ev->rs->nsubj; s++)
		pred_memo_free(ev->memo[s]);
	free(ev->memo);
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
	ev->present = r->present;
	ev->str_mask = ev->key_mask = 0;
	ev->xf_used = 0;
	if (++ev->gen)
		return;
	/* Wrapped after 2^32 records: old marks could alias the new generation. */
	memset(ev->scan_gen, 0, ev->rs->nsubj * sizeof(*ev->scan_gen));
	memset(ev->xf_gen, 0, ev->rs->nsubj * sizeof(*ev->xf_gen));
	memset(ev->done_gen, 0, n * sizeof(*ev->done_gen));
	memset(ev->hit_gen, 0, n * sizeof(*ev->hit_gen));
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
	len = xform_apply(sb->chain, sb->field == REQ_QUERY, buf, len);
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
		ev->key[f] = pred_memo_hash(raw);
		ev->key_mask |= REQ_BIT(f);
	}
	return ev->key[f];
}

/*
 * One Hyperscan pass over subject sj (or its memo), marking every pattern
 * that matches. The memo is keyed by the field's own value, of which a
 * transformed subject's is a function: a remembered value costs neither
 * transform nor scan. Not when the transform could be cut short (the
 * record's transforms filled the scratch): the cut value is what is scanned.
 */
static void scan_subject(struct pred_eval *ev, unsigned int sj)
{
	const struct regex_set *rs = ev->rs;
	enum req_field f = rs->subj[sj].field;
	struct gh_str raw = field_str(ev, f), s;
	bool keyed = sj < REQ_FIELD_COUNT || raw.len <= PRED_XF_SCRATCH - ev->xf_used;
	uint64_t key = keyed ? field_key(ev, f, raw) : 0;
	const uint32_t *hits;
	size_t first = ev->nhits;
	uint8_t *tag = NULL;
	int n = keyed ? pred_memo_get(ev->memo[sj], raw, key, &hits, &tag) : -1;

	for (int i = 0; i < n; i++)
		mark_hit(ev, (int)hits[i]);
	if (n < 0) {
		s = subject_value(ev, sj);
		ev->scans++;
		ev->owner = rs->owner[sj];
		if (hs_scan(rs->db[sj], s.p, s.len, 0, ev->scratch, on_hs_match, ev) != HS_SUCCESS)
			ev->regex_errors++;
		/* The subject's patterns are in no other pass: what this one marked is new. */
		else if (keyed)
			tag = pred_memo_put(ev->memo[sj], raw, key, ev->hits + first,
					    ev->nhits - first);
	}
	if (sj < REQ_FIELD_COUNT)
		ev->tag[sj] = tag;
}

/* Whether pattern id matches this record (its field is present). */
static bool regex_hit(struct pred_eval *ev, int id)
{
	const struct regex *re = &ev->rs->v[id];
	struct gh_str s;
	int rc;

	if (re->hs) {
		if (ev->scan_gen[re->subj] != ev->gen) {
			ev->scan_gen[re->subj] = ev->gen;
			scan_subject(ev, re->subj);
		}
		return ev->hit_gen[id] == ev->gen;
	}
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

	if (p->op == PRED_REGEX || p->op == PRED_PHRASES)
		return regex_hit(ev, p->u.regex); /* the value only on a memo miss */
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

/* Leaves need their field; this one test makes absent fields false, before any call. */
static inline bool holds(const struct pred *p, struct pred_eval *ev)
{
	return (ev->present & p->need) == p->need && eval(p, ev);
}

bool pred_match(const struct pred *p, struct pred_eval *ev)
{
	return holds(p, ev);
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

uint8_t *pred_eval_value_tag(struct pred_eval *ev, enum req_field f, const void *owner)
{
	if ((ev->tag_owner && ev->tag_owner != owner) || !ev->memo[f] ||
	    !(ev->present & REQ_BIT(f)))
		return NULL;
	ev->tag_owner = owner;
	if (ev->scan_gen[f] != ev->gen) {
		ev->scan_gen[f] = ev->gen;
		scan_subject(ev, f);
	}
	return ev->tag[f];
}

size_t pred_eval_hits(const struct pred_eval *ev, const int **ids)
{
	*ids = ev->hits;
	return ev->nhits;
}

int regex_scan_key(const struct regex_set *rs, int id)
{
	const struct regex *re = &rs->v[id];

	return re->hs ? -(int)re->subj - 1 : id;
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
