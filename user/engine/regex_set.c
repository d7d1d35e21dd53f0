// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Building a regex set: patterns and lists per subject, compiled per subject (predicate.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/compile_jobs.h"
#include "engine/hs_cache.h"
#include "engine/predicate_internal.h"
#include "engine/regex_split.h"
#include "base/vec.h"

#define HS_FLAGS (HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY)
#define HS_PHRASE_FLAGS (HS_FLAG_SINGLEMATCH | HS_FLAG_CASELESS)

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

void regex_set_name_field(struct regex_set *rs, enum req_field f)
{
	rs->fields_named |= REQ_BIT(f);
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
 * A small database reports every match: Hyperscan's single-match
 * bookkeeping made a short scan of one of the core policies' fields about
 * twice as slow (170 -> 87 ns a path, 123-155 -> 57 ns a query, same run),
 * and mark_hit takes a pattern once whatever it is told. What that costs is
 * bounded: a pattern reports at most once per end offset, so a scan of L
 * bytes calls back at most L times per pattern, each call one compare, at
 * most MULTI_MATCH_MAX patterns; large databases, where reporting every
 * match measured no faster, keep single-match. A pattern that can match
 * nothing would report at every offset: without HS_FLAG_ALLOWEMPTY it does
 * not compile, and the database is compiled single-match instead.
 */
#define MULTI_MATCH_MAX 32

static hs_error_t compile_db(const char *cache_dir, const struct hs_cache_req *req,
			     hs_database_t **db, hs_compile_error_t **cerr)
{
	if (req->n <= MULTI_MATCH_MAX) {
		unsigned int multi[MULTI_MATCH_MAX];
		struct hs_cache_req m = *req;

		for (unsigned int i = 0; i < req->n; i++)
			multi[i] = req->flags[i] & ~(HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY);
		m.flags = multi;
		if (hs_cache_compile(cache_dir, &m, db, cerr) == HS_SUCCESS)
			return HS_SUCCESS;
		hs_free_compile_error(*cerr);
		*cerr = NULL;
	}
	return hs_cache_compile(cache_dir, req, db, cerr);
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
	if (compile_db(rs->cache_dir, &req, &rs->db[s], &cerr) != HS_SUCCESS) {
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

/*
 * JIT for the patterns records will run through PCRE2: those Hyperscan
 * refused. The others were compiled only to be validated, and a JIT
 * compile costs more than that (a pack's hundreds: tens of ms at load).
 * Without JIT (unsupported CPU) PCRE2 interprets: slower, same answers.
 */
static void jit_fallbacks(struct regex_set *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		if (rs->v[i].code && !rs->v[i].hs)
			pcre2_jit_compile(rs->v[i].code, PCRE2_JIT_COMPLETE);
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
	if ((flags & REGEX_PCRE2_ONLY) || hs_valid_platform() != HS_SUCCESS) {
		jit_fallbacks(rs);
		return 0;
	}
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
	if (!err)
		jit_fallbacks(rs);
	return err;
}

int regex_scan_key(const struct regex_set *rs, int id)
{
	const struct regex *re = &rs->v[id];

	return re->hs ? -(int)re->subj - 1 : id;
}
