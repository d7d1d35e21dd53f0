// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Learning request shapes (endpoint_shape.c), freezing the model, scoring
 * against it, the threshold. The file format is endpoint_model_json.c's.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/escape.h"
#include "base/hash.h"
#include "base/vec.h"
#include "engine/endpoint_model_internal.h"

#define HIGH 3.0
#define MEDIUM 1.0
#define LOW 0.5
#define LONG_VALUE_BASE_MIN 8 /* a value of a few bytes is never "long" */
#define EMPTY_SLOT UINT32_MAX

/*
 * Default weight of a class new to a parameter: high for what injections
 * need (quotes, tags, calls, command separators, escapes, control bytes),
 * medium for what they often use, low for what benign text varies in.
 */
static const double class_weights[EC_COUNT] = {
	[EC_LOWER] = LOW,      [EC_UPPER] = LOW,       [EC_DIGIT] = LOW,     [EC_SPACE] = LOW,
	[EC_DOT] = LOW,        [EC_DASH] = LOW,        [EC_SLASH] = LOW,     [EC_COLON] = MEDIUM,
	[EC_PERCENT] = MEDIUM, [EC_QUOTE] = HIGH,      [EC_ANGLE] = HIGH,    [EC_BRACKET] = HIGH,
	[EC_SHELL] = HIGH,     [EC_EQUALS] = MEDIUM,   [EC_COMMA] = LOW,     [EC_AT_HASH] = MEDIUM,
	[EC_BACKSLASH] = HIGH, [EC_CONTROL] = HIGH,    [EC_NON_ASCII] = LOW, [EC_OTHER] = MEDIUM,
};

const char *endpoint_finding_kind_name(enum endpoint_finding_kind k)
{
	static const char *const names[] = {
		[EF_NEW_ENDPOINT] = "new_endpoint", [EF_NEW_PARAM] = "new_param",
		[EF_LONG_VALUE] = "long_value",     [EF_NEW_CHARS] = "new_chars",
	};

	return (unsigned)k <= EF_NEW_CHARS ? names[k] : "";
}


/* ---- the model's tables --------------------------------------------------- */

struct endpoint_model *em_alloc(void)
{
	struct endpoint_model *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->w = (struct endpoint_weights){ .new_endpoint = 2, .new_param = 1,
					  .new_param_young = 0.25, .long_value = 1,
					  .threshold_floor = HIGH };
	memcpy(m->w.cls, class_weights, sizeof(m->w.cls));
	m->known_after = 20;
	m->min_share = 0.001;
	endpoint_model_set_threshold(m, m->w.threshold_floor, "floor");
	return m;
}

int endpoint_model_new(struct endpoint_model **out)
{
	*out = em_alloc();
	if (!*out)
		return -ENOMEM;
	if (em_index_build(*out)) {
		endpoint_model_free(*out);
		*out = NULL;
		return -ENOMEM;
	}
	return 0;
}

static void free_params(struct em_endpoint *e)
{
	for (size_t i = 0; i < e->n_params; i++)
		free(e->params[i].stats);
	free(e->params);
	e->params = NULL;
	e->n_params = e->cap_params = 0;
}

void endpoint_model_free(struct endpoint_model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n_eps; i++) {
		free_params(&m->eps[i]);
		free(m->eps[i].key);
	}
	free(m->eps);
	free(m->index);
	free(m);
}

struct em_endpoint *em_find(const struct endpoint_model *m, const char *key, size_t len,
			    uint64_t hash)
{
	for (size_t i = hash & m->index_mask; m->index[i] != EMPTY_SLOT; i = (i + 1) & m->index_mask) {
		struct em_endpoint *e = &m->eps[m->index[i]];

		if (e->hash == hash && e->key_len == len && !memcmp(e->key, key, len))
			return e;
	}
	return NULL;
}

static void index_insert(struct endpoint_model *m, uint32_t at)
{
	size_t i = m->eps[at].hash & m->index_mask;

	while (m->index[i] != EMPTY_SLOT)
		i = (i + 1) & m->index_mask;
	m->index[i] = at;
}

int em_index_build(struct endpoint_model *m)
{
	size_t slots = 16;
	uint32_t *index;

	while (slots < 2 * (m->n_eps + 1))
		slots *= 2;
	index = malloc(slots * sizeof(*index));
	if (!index)
		return -ENOMEM;
	memset(index, 0xff, slots * sizeof(*index));
	free(m->index);
	m->index = index;
	m->index_mask = slots - 1;
	for (size_t i = 0; i < m->n_eps; i++)
		index_insert(m, (uint32_t)i);
	return 0;
}

static int cmp_bytes(const char *a, size_t al, const char *b, size_t bl)
{
	int c = memcmp(a, b, al < bl ? al : bl);

	return c ? c : (al > bl) - (al < bl);
}

int em_cmp_endpoint(const void *a, const void *b)
{
	const struct em_endpoint *x = a, *y = b;

	return cmp_bytes(x->key, x->key_len, y->key, y->key_len);
}

int em_cmp_param(const void *a, const void *b)
{
	const struct em_param *x = a, *y = b;

	return cmp_bytes(x->name, x->name_len, y->name, y->name_len);
}

void em_sort(struct endpoint_model *m)
{
	for (size_t i = 0; i < m->n_eps; i++)
		if (m->eps[i].n_params > 1)
			qsort(m->eps[i].params, m->eps[i].n_params, sizeof(struct em_param),
			      em_cmp_param);
	if (m->n_eps > 1)
		qsort(m->eps, m->n_eps, sizeof(*m->eps), em_cmp_endpoint);
}

static struct em_param *param_of(const struct em_endpoint *e, const struct shape_param *sp)
{
	for (size_t i = 0; i < e->n_params; i++)
		if (e->params[i].hash == sp->hash && e->params[i].name_len == sp->name_len &&
		    !memcmp(e->params[i].name, sp->name, sp->name_len))
			return &e->params[i];
	return NULL;
}

/* ---- learning ------------------------------------------------------------- */

static void count(uint32_t *c)
{
	if (*c != UINT32_MAX)
		(*c)++;
}

/* Bucket b holds lengths [2^(b-1), 2^b); 0 holds 0; the last one everything longer. */
static unsigned len_bucket(uint32_t len)
{
	unsigned b = len ? 32 - (unsigned)__builtin_clz(len) : 0;

	return b < EM_LEN_BUCKETS ? b : EM_LEN_BUCKETS - 1;
}

static void stats_add(struct em_stats *st, uint32_t len, uint32_t classes)
{
	count(&st->n);
	count(&st->len_n[len_bucket(len)]);
	if (len > st->max_len)
		st->max_len = len;
	for (; classes; classes &= classes - 1)
		count(&st->class_n[__builtin_ctz(classes)]);
}

struct forget_order {
	uint32_t n;
	uint64_t seq;
	size_t at;
};

static int cmp_forget(const void *a, const void *b)
{
	const struct forget_order *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Drop the least seen half of the endpoints (the oldest first among equals). */
static int forget_least_seen(struct endpoint_model *m)
{
	struct forget_order *order = malloc(m->n_eps * sizeof(*order));
	size_t kept = 0;

	if (!order)
		return -ENOMEM;
	for (size_t i = 0; i < m->n_eps; i++)
		order[i] = (struct forget_order){ m->eps[i].n, m->eps[i].seq, i };
	qsort(order, m->n_eps, sizeof(*order), cmp_forget);
	for (size_t i = 0; i < m->n_eps / 2; i++) {
		struct em_endpoint *e = &m->eps[order[i].at];

		m->n_params -= e->n_params;
		free_params(e);
		free(e->key);
		e->key = NULL;
	}
	free(order);
	m->dropped_endpoints += m->n_eps / 2;
	for (size_t i = 0; i < m->n_eps; i++)
		if (m->eps[i].key)
			m->eps[kept++] = m->eps[i];
	m->n_eps = kept;
	return em_index_build(m);
}

static int learn_endpoint(struct endpoint_model *m, const struct shape *s, struct em_endpoint **out)
{
	struct em_endpoint *e;
	const char *space;
	int err;

	*out = em_find(m, s->key, s->key_len, s->key_hash);
	if (*out)
		return 0;
	if (m->n_eps == ENDPOINT_LEARN_MAX && (err = forget_least_seen(m)))
		return err;
	if (2 * (m->n_eps + 1) > m->index_mask + 1 && (err = em_index_build(m)))
		return err;
	if (gh_vec_reserve((void **)&m->eps, &m->cap_eps, m->n_eps, sizeof(*m->eps), 1024))
		return -ENOMEM;
	e = &m->eps[m->n_eps];
	*e = (struct em_endpoint){ .hash = s->key_hash, .key_len = (uint16_t)s->key_len,
				   .seq = m->requests };
	/* Not strndup: a key may hold a NUL (%00 in the path). */
	e->key = malloc(s->key_len + 1);
	if (!e->key)
		return -ENOMEM;
	memcpy(e->key, s->key, s->key_len + 1);
	space = memchr(s->key, ' ', s->key_len);
	e->method_len = (uint16_t)(space - s->key);
	index_insert(m, (uint32_t)m->n_eps++);
	*out = e;
	return 0;
}

static int learn_param(struct endpoint_model *m, struct em_endpoint *e,
		       const struct shape_param *sp)
{
	struct em_param *p = param_of(e, sp);

	stats_add(&m->value_stats, sp->len, sp->classes);
	if (!p) {
		if (e->n_params == ENDPOINT_PARAMS_MAX || m->n_params == ENDPOINT_PARAMS_TOTAL) {
			m->capped_params++;
			return 0;
		}
		if (gh_vec_reserve((void **)&e->params, &e->cap_params, e->n_params,
				   sizeof(*e->params), 2))
			return -ENOMEM;
		p = &e->params[e->n_params];
		*p = (struct em_param){ .hash = sp->hash, .name_len = sp->name_len };
		memcpy(p->name, sp->name, sizeof(p->name));
		p->stats = calloc(1, sizeof(*p->stats));
		if (!p->stats)
			return -ENOMEM;
		e->n_params++;
		m->n_params++;
	}
	stats_add(p->stats, sp->len, sp->classes);
	return 0;
}

int endpoint_model_learn(struct endpoint_model *m, const struct request_record *r)
{
	struct em_endpoint *e;
	struct shape s;
	int err;

	if (m->finished)
		return -EINVAL;
	if (!req_has(r, REQ_PATH))
		return 0;
	em_shape(r, &s);
	err = learn_endpoint(m, &s, &e);
	if (err)
		return err;
	m->requests++;
	count(&e->n);
	stats_add(&m->path_stats, 0, s.path_classes);
	for (size_t i = 0; i < s.n && !err; i++)
		err = learn_param(m, e, &s.params[i]);
	return err;
}

/* ---- finishing ------------------------------------------------------------ */

/* Sightings needed to be normal among n chances: min_share of them, at least one. */
static uint32_t needed(const struct endpoint_model *m, uint32_t n)
{
	double k = ceil(m->min_share * n);

	return k > 1 ? (uint32_t)k : 1;
}

static uint32_t learned_classes(const struct em_stats *st, uint32_t need)
{
	uint32_t mask = 0;

	for (int c = 0; c < EC_COUNT; c++)
		if (st->class_n[c] >= need)
			mask |= EM_BIT(c);
	return mask;
}

/*
 * The longest normal length: the maximum when the bucket holding it was
 * seen often enough, else the top of the highest bucket that was (counting
 * the longer ones in: their values are rare together, not one by one).
 */
static uint32_t learned_len(const struct em_stats *st, uint32_t need)
{
	uint32_t seen = 0;

	for (unsigned b = EM_LEN_BUCKETS; b-- > 0;) {
		seen += st->len_n[b];
		if (seen >= need)
			return b == len_bucket(st->max_len) ? st->max_len : (1U << b) - 1;
	}
	return 0;
}

/* 1 when the text is written to the model file unchanged (valid UTF-8), 0 if not, -ENOMEM. */
static int survives_json(const char *p, size_t len)
{
	struct json_object *o = gh_json_string(p, len);
	int same;

	if (!o)
		return -ENOMEM;
	same = (size_t)json_object_get_string_len(o) == len && !memcmp(json_object_get_string(o), p, len);
	json_object_put(o);
	return same;
}

static int cmp_most_seen(const void *a, const void *b)
{
	const struct em_endpoint *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return em_cmp_endpoint(a, b);
}

/* Parameters rarer than min_share go; the others get their mask and length. */
static int finish_params(struct endpoint_model *m, struct em_endpoint *e)
{
	uint32_t need = needed(m, e->n);
	size_t kept = 0;

	for (size_t i = 0; i < e->n_params; i++) {
		struct em_param *p = &e->params[i];
		int ok = p->stats->n >= need ? survives_json(p->name, p->name_len) : 0;

		if (ok < 0)
			return ok;
		if (ok) {
			uint32_t pneed = needed(m, p->stats->n);

			p->n = p->stats->n;
			p->classes = learned_classes(p->stats, pneed);
			p->len = learned_len(p->stats, pneed);
		} else {
			m->dropped_params++;
		}
		free(p->stats);
		p->stats = NULL;
		if (ok)
			e->params[kept++] = *p;
	}
	m->n_params -= e->n_params - kept;
	e->n_params = kept;
	return 0;
}

int endpoint_model_finish(struct endpoint_model *m, struct gh_err *err)
{
	size_t kept = 0;
	int ret = 0;

	if (m->finished)
		return gh_err_fail(err, -EINVAL, "the endpoint model is already finished");
	if (m->requests < ENDPOINT_MIN_REQUESTS)
		return gh_err_input(err, "expected at least %d requests with a path to learn from, got %llu",
				    ENDPOINT_MIN_REQUESTS, (unsigned long long)m->requests);
	qsort(m->eps, m->n_eps, sizeof(*m->eps), cmp_most_seen);
	for (size_t i = 0; i < m->n_eps && ret >= 0; i++) {
		struct em_endpoint *e = &m->eps[i];

		ret = kept < ENDPOINT_MAX ? survives_json(e->key, e->key_len) : 0;
		if (ret > 0) {
			kept++;
			ret = finish_params(m, e);
		} else if (!ret) {
			m->n_params -= e->n_params;
			free_params(e);
			free(e->key);
			e->key = NULL;
			m->dropped_endpoints++;
		}
	}
	kept = 0;
	for (size_t i = 0; i < m->n_eps; i++)
		if (m->eps[i].key)
			m->eps[kept++] = m->eps[i];
	m->n_eps = kept;
	if (ret < 0)
		return gh_err_sys(err, ret, "finishing the endpoint model");
	m->path_classes = learned_classes(&m->path_stats, needed(m, m->path_stats.n));
	m->value_classes = learned_classes(&m->value_stats, needed(m, m->value_stats.n));
	m->value_len = learned_len(&m->value_stats, needed(m, m->value_stats.n));
	em_sort(m);
	ret = em_index_build(m);
	if (ret)
		return gh_err_sys(err, ret, "finishing the endpoint model");
	endpoint_model_set_threshold(m, m->w.threshold_floor, "floor");
	m->finished = true;
	return 0;
}

/* ---- scoring -------------------------------------------------------------- */

struct findings {
	struct endpoint_finding *why;
	size_t max, n;
};

/* Keep the max highest; returns the finding's score. */
static double add_finding(struct findings *f, const struct endpoint_finding *x)
{
	size_t at = f->n, low = 0;

	if (!f->max)
		return x->score;
	if (f->n == f->max) {
		for (size_t i = 1; i < f->n; i++)
			if (f->why[i].score < f->why[low].score)
				low = i;
		if (f->why[low].score >= x->score)
			return x->score;
		at = low;
	} else {
		f->n++;
	}
	f->why[at] = *x;
	return x->score;
}

static double class_sum(const struct endpoint_weights *w, uint32_t mask)
{
	double s = 0;

	for (; mask; mask &= mask - 1)
		s += w->cls[__builtin_ctz(mask)];
	return s;
}

static struct endpoint_finding finding(enum endpoint_finding_kind kind,
				       const struct shape_param *sp, uint32_t learned_len,
				       uint32_t learned_classes)
{
	struct endpoint_finding x = { .kind = kind, .learned_len = learned_len,
				      .learned_classes = learned_classes };

	if (sp) {
		memcpy(x.param, sp->name, sizeof(x.param));
		x.param_len = sp->name_len;
		x.len = sp->len;
		x.classes = sp->classes;
	}
	return x;
}

/* A value against what was learned for its parameter (or site-wide). */
static double score_value(const struct endpoint_model *m, struct findings *f,
			  const struct shape_param *sp, uint32_t learned_len, uint32_t learned)
{
	uint32_t base = learned_len > LONG_VALUE_BASE_MIN ? learned_len : LONG_VALUE_BASE_MIN;
	uint32_t fresh = sp->classes & ~learned;
	double s = 0;

	if (sp->len > base) {
		struct endpoint_finding x = finding(EF_LONG_VALUE, sp, learned_len, learned);

		x.score = m->w.long_value * log2((double)sp->len / base);
		s += add_finding(f, &x);
	}
	if (fresh) {
		struct endpoint_finding x = finding(EF_NEW_CHARS, sp, learned_len, learned);

		x.score = class_sum(&m->w, fresh);
		s += add_finding(f, &x);
	}
	return s;
}

static int cmp_finding(const void *a, const void *b)
{
	const struct endpoint_finding *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->kind > y->kind) - (x->kind < y->kind);
}

double endpoint_model_score(const struct endpoint_model *m, const struct request_record *r,
			    struct endpoint_finding *why, size_t max, size_t *n_why)
{
	struct findings f = { .why = why, .max = why ? max : 0 };
	const struct em_endpoint *e;
	struct shape s;
	double total = 0;

	if (n_why)
		*n_why = 0;
	if (!m->finished || !req_has(r, REQ_PATH))
		return 0;
	em_shape(r, &s);
	e = em_find(m, s.key, s.key_len, s.key_hash);
	if (!e) {
		struct endpoint_finding x = finding(EF_NEW_ENDPOINT, NULL, 0, m->path_classes);

		x.classes = s.path_classes;
		x.score = m->w.new_endpoint + class_sum(&m->w, s.path_classes & ~m->path_classes);
		total += add_finding(&f, &x);
	}
	for (size_t i = 0; i < s.n; i++) {
		const struct shape_param *sp = &s.params[i];
		const struct em_param *p = e ? param_of(e, sp) : NULL;

		if (e && !p) {
			struct endpoint_finding x = finding(EF_NEW_PARAM, sp, m->value_len,
							    m->value_classes);

			x.score = e->n >= m->known_after ? m->w.new_param : m->w.new_param_young;
			total += add_finding(&f, &x);
		}
		total += p ? score_value(m, &f, sp, p->len, p->classes)
			   : score_value(m, &f, sp, m->value_len, m->value_classes);
	}
	if (f.n > 1)
		qsort(f.why, f.n, sizeof(*f.why), cmp_finding);
	if (n_why)
		*n_why = f.n;
	return total;
}

/* ---- threshold and summary ------------------------------------------------ */

double endpoint_model_threshold(const struct endpoint_model *m)
{
	return m->threshold;
}

void endpoint_model_set_threshold(struct endpoint_model *m, double threshold, const char *method)
{
	m->threshold = threshold;
	snprintf(m->threshold_method, sizeof(m->threshold_method), "%s", method ? method : "");
}

const char *endpoint_model_threshold_method(const struct endpoint_model *m)
{
	return m->threshold_method;
}

bool endpoint_model_held_out(uint64_t position)
{
	uint8_t b[8];

	/* Bytes in a fixed order: the same split on every machine. */
	for (int i = 0; i < 8; i++)
		b[i] = (uint8_t)(position >> (8 * i));
	return gh_hash_bytes(b, sizeof(b), EM_HASH_SEED) % 10 == 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int endpoint_model_fit_threshold(struct endpoint_model *m, double *scores, size_t n, double q,
				 struct gh_err *err)
{
	char method[sizeof(m->threshold_method)];
	size_t rank;
	double t;

	if (!n)
		return gh_err_input(err, "expected held-out requests to set the threshold from, got none");
	if (!(q > 0 && q <= 1))
		return gh_err_input(err, "expected a quantile in (0, 1], got %g", q);
	for (size_t i = 0; i < n; i++)
		if (!isfinite(scores[i]))
			return gh_err_input(err, "scores[%zu]: expected a finite number", i);
	qsort(scores, n, sizeof(*scores), cmp_double);
	rank = (size_t)ceil(q * (double)n);
	t = scores[(rank ? rank : 1) - 1];
	if (t > m->w.threshold_floor)
		snprintf(method, sizeof(method), "quantile %g of %zu held out", q, n);
	else
		snprintf(method, sizeof(method), "floor (quantile %g of %zu held out: %g)", q, n, t);
	endpoint_model_set_threshold(m, t > m->w.threshold_floor ? t : m->w.threshold_floor, method);
	return 0;
}

void endpoint_model_stats(const struct endpoint_model *m, struct endpoint_model_stats *out)
{
	*out = (struct endpoint_model_stats){
		.requests = m->requests,
		.endpoints = m->n_eps,
		.params = m->n_params,
		.dropped_endpoints = m->dropped_endpoints,
		.dropped_params = m->dropped_params,
		.capped_params = m->capped_params,
	};
}
