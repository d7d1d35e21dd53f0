// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The per-endpoint request-shape model on a small generated site (search,
 * products by id, a user API, login, items, static files): benign requests
 * of a learned shape score 0; SQL injection, XSS and command injection in a
 * known parameter score above the threshold with new_chars naming it; a new
 * parameter, an oversized value and an unseen endpoint each give their
 * finding; ids collapse into one endpoint; a few attacks in the training
 * data are not learned as normal; the file round-trips (same bytes, same
 * scores), bad files name the field; an empty model is an input error; the
 * caps hold with 100k distinct paths. Prints ns per score as a comment.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/endpoint_model.h"
#include "tap.h"

#define TRAIN 6000

struct req {
	char method[16];
	char path[256];
	char query[8192];
	bool has_query;
};

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static unsigned pick(unsigned n)
{
	return (unsigned)(rnd() % n);
}

static void set_req(struct req *q, const char *method, const char *path, const char *query)
{
	snprintf(q->method, sizeof(q->method), "%s", method);
	snprintf(q->path, sizeof(q->path), "%s", path);
	q->has_query = query != NULL;
	snprintf(q->query, sizeof(q->query), "%s", query ? query : "");
}

static void record(struct request_record *r, const struct req *q)
{
	memset(r, 0, sizeof(*r));
	req_set_method(r, q->method, (uint32_t)strlen(q->method));
	req_set_str(r, REQ_PATH, &r->path, q->path, (uint32_t)strlen(q->path));
	if (q->has_query)
		req_set_str(r, REQ_QUERY, &r->query, q->query, (uint32_t)strlen(q->query));
}

/* One benign request of the site; i says which. */
static void benign(struct req *q, unsigned i)
{
	static const char *const words[] = { "red", "shoes", "blue", "jacket", "cheap", "winter",
					     "boots", "kids", "sale", "wool", "socks", "leather" };
	static const char *const refs[] = { "home", "email", "ad-2", "related_items" };
	unsigned kind = pick(100);
	char path[256], query[512];

	if (i % 400 == 7) {
		set_req(q, "GET", "/rare", "x=1");
	} else if (kind < 35) {
		int n = snprintf(query, sizeof(query), "q=%s", words[pick(12)]);

		for (unsigned w = pick(3); w; w--)
			n += snprintf(query + n, sizeof(query) - (size_t)n, "+%s", words[pick(12)]);
		if (pick(3) == 0)
			snprintf(query + n, sizeof(query) - (size_t)n, "&page=%u", 1 + pick(20));
		set_req(q, "GET", "/search", query);
	} else if (kind < 60) {
		snprintf(path, sizeof(path), "/product/%u", 1 + pick(99999));
		snprintf(query, sizeof(query), "ref=%s", refs[pick(4)]);
		set_req(q, "GET", path, pick(4) ? query : NULL);
	} else if (kind < 70) {
		snprintf(path, sizeof(path), "/api/v1/user/%u", 1 + pick(5000));
		set_req(q, "GET", path, pick(2) ? "fields=name,email" : NULL);
	} else if (kind < 75) {
		snprintf(path, sizeof(path), "/api/v1/user/%u", 1 + pick(5000));
		set_req(q, "POST", path, NULL);
	} else if (kind < 80) {
		set_req(q, "POST", "/login", pick(2) ? "next=/account" : NULL);
	} else if (kind < 90) {
		snprintf(query, sizeof(query), "id=%u", pick(1000000));
		set_req(q, "GET", "/item", query);
	} else {
		set_req(q, "GET", pick(2) ? "/static/app.css" : "/", NULL);
	}
}

static double score_of(const struct endpoint_model *m, const char *method, const char *path,
		       const char *query, struct endpoint_finding *why, size_t max, size_t *n)
{
	struct request_record r;
	struct req q;

	set_req(&q, method, path, query);
	record(&r, &q);
	return endpoint_model_score(m, &r, why, max, n);
}

/* The finding of kind k about param (NULL: any), or NULL. */
static const struct endpoint_finding *find(const struct endpoint_finding *why, size_t n,
					   enum endpoint_finding_kind k, const char *param)
{
	for (size_t i = 0; i < n; i++)
		if (why[i].kind == k && (!param || !strcmp(why[i].param, param)))
			return &why[i];
	return NULL;
}

static struct endpoint_model *train(unsigned n, uint64_t seed, bool poison)
{
	struct endpoint_model *m;
	struct request_record r;
	struct gh_err err = { 0 };
	struct req q;

	rng_state = seed;
	if (endpoint_model_new(&m))
		return NULL;
	for (unsigned i = 0; i < n; i++) {
		benign(&q, i);
		/* Two attacks among the training data: rarer than min_share, not learned. */
		if (poison && (i == 100 || i == 2000))
			set_req(&q, "GET", "/search", "q=%27+or+1%3D1--");
		record(&r, &q);
		endpoint_model_learn(m, &r);
	}
	if (endpoint_model_finish(m, &err)) {
		endpoint_model_free(m);
		return NULL;
	}
	return m;
}

static char *json_text(const struct endpoint_model *m)
{
	struct json_object *o = endpoint_model_to_json(m, NULL);
	char *s = o ? strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY)) : NULL;

	json_object_put(o);
	return s;
}

static void test_keys(void)
{
	static const struct { const char *method, *path, *want; } cases[] = {
		{ "GET", "/product/123", "GET /product/{id}" },
		{ "GET", "/product/456", "GET /product/{id}" },
		{ "GET", "//product///456", "GET /product/{id}" },
		{ "GET", "/product%2F789", "GET /product/{id}" },
		{ "GET", "/Product/1", "GET /Product/{id}" },
		{ "GET", "/file/deadbeef12/raw", "GET /file/{id}/raw" },
		{ "GET", "/file/deadbeef", "GET /file/deadbeef" },
		{ "GET", "/o/123e4567-e89b-12d3-a456-426614174000", "GET /o/{id}" },
		{ "GET", "/t/aB3dE5fG7hJ9kL1mN", "GET /t/{id}" },
		{ "GET", "/blog/my-first-post-2023-top-10", "GET /blog/my-first-post-2023-top-10" },
		{ "POST", "/api/v1/user/42/", "POST /api/v1/user/{id}/" },
		{ "", "/x", "- /x" },
	};
	struct request_record r;
	char key[ENDPOINT_KEY_MAX];
	struct req q;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		set_req(&q, cases[i].method, cases[i].path, NULL);
		record(&r, &q);
		endpoint_model_key(&r, key, sizeof(key));
		ok_str(key, cases[i].want, "endpoint of %s %s", cases[i].method, cases[i].path);
	}
}

static void test_benign_and_attacks(const struct endpoint_model *m)
{
	struct endpoint_finding why[8];
	const struct endpoint_finding *f;
	double t = endpoint_model_threshold(m), s;
	char longq[4200];
	size_t n;

	s = score_of(m, "GET", "/search", "q=winter+boots&page=3", why, 8, &n);
	ok(s == 0 && n == 0, "a benign search scores 0 (%g, %zu findings)", s, n);
	s = score_of(m, "GET", "/product/77", "ref=email", why, 8, &n);
	ok(s == 0 && n == 0, "a product by an id never seen scores 0 (%g)", s);
	s = score_of(m, "POST", "/api/v1/user/12", NULL, why, 8, &n);
	ok(s == 0, "a user update scores 0 (%g)", s);

	s = score_of(m, "GET", "/search", "q=%27+union+select+1--", why, 8, &n);
	f = find(why, n, EF_NEW_CHARS, "q");
	ok(s > t && f && (f->classes & (1U << EC_QUOTE)) && !(f->learned_classes & (1U << EC_QUOTE)),
	   "q=' union select 1-- scores %g > %g with new_chars (quote) on q", s, t);
	ok(!find(why, n, EF_NEW_ENDPOINT, NULL) && !find(why, n, EF_NEW_PARAM, NULL),
	   "and the endpoint and q are known");

	s = score_of(m, "GET", "/search", "q=%3Csvg+onload%3Dalert(1)%3E", why, 8, &n);
	f = find(why, n, EF_NEW_CHARS, "q");
	ok(s > t && f && (f->classes & (1U << EC_ANGLE)) && (f->classes & (1U << EC_BRACKET)),
	   "q=<svg onload=alert(1)> scores %g with new_chars (angle, bracket) on q", s);

	s = score_of(m, "GET", "/item", "id=1;cat%20/etc/passwd", why, 8, &n);
	f = find(why, n, EF_NEW_CHARS, "id");
	ok(s > t && f && (f->classes & (1U << EC_SHELL)) && !find(why, n, EF_NEW_PARAM, NULL),
	   "id=1;cat /etc/passwd scores %g with new_chars (shell) on id, ';' not a separator", s);
	ok(n >= 2 && why[0].score >= why[1].score, "findings come highest first");

	s = score_of(m, "GET", "/search", "q=boots&debug=1", why, 8, &n);
	f = find(why, n, EF_NEW_PARAM, "debug");
	ok(f && f->score == 1 && f->param_len == 5 && n == 1, "debug=1 at /search: new_param debug");
	ok(s < t, "and alone it stays below the threshold (%g)", s);
	s = score_of(m, "GET", "/rare", "x=1&y=2", why, 8, &n);
	f = find(why, n, EF_NEW_PARAM, "y");
	ok(f && f->score == 0.25, "a new parameter at an endpoint seen < 20 times weighs little (%g)",
	   f ? f->score : -1);

	memset(longq, 'a', sizeof(longq));
	memcpy(longq, "q=", 2);
	longq[4098] = '\0';
	s = score_of(m, "GET", "/search", longq, why, 8, &n);
	f = find(why, n, EF_LONG_VALUE, "q");
	ok(s > t && f && f->len == 4096 && f->learned_len < 64,
	   "a 4 KiB q scores %g with long_value (%u vs %u)", s, f ? f->len : 0,
	   f ? f->learned_len : 0);

	s = score_of(m, "GET", "/admin/config.php", NULL, why, 8, &n);
	f = find(why, n, EF_NEW_ENDPOINT, NULL);
	ok(f && s == 2 && n == 1 && f->param[0] == '\0', "an unseen endpoint: new_endpoint, 2 (%g)", s);
	s = score_of(m, "GET", "/search%27", NULL, why, 8, &n);
	ok(s == 2 + 3 + 1 && find(why, n, EF_NEW_ENDPOINT, NULL),
	   "an unseen endpoint with a quote (and encoding) in its path: 2 + 3 + 1 (%g)", s);
	s = score_of(m, "DELETE", "/search", "q=red", why, 8, &n);
	ok(find(why, n, EF_NEW_ENDPOINT, NULL) && s == 2, "another method is another endpoint (%g)", s);
	s = score_of(m, "GET", "/nowhere", "q=%3Cscript%3E", why, 8, &n);
	ok(find(why, n, EF_NEW_CHARS, "q") && s > t,
	   "values at an unseen endpoint are compared with the site's (%g)", s);

	s = score_of(m, "GET", "/search", "q=%27+union+select+1--&debug=1", why, 1, &n);
	ok(n == 1 && why[0].kind == EF_NEW_CHARS && s == why[0].score + 1,
	   "max 1: the highest finding kept, the score still sums all");
	ok(score_of(m, "GET", "/search", "q=%27", NULL, 0, NULL) > t, "why may be NULL");
}

static void test_poisoned_training(void)
{
	struct endpoint_model *m = train(TRAIN, 7, true);
	double s = m ? score_of(m, "GET", "/search", "q=%27+or+1%3D1--", NULL, 0, NULL) : 0;

	ok(m && s > endpoint_model_threshold(m),
	   "two attacks in %d training requests are not learned as normal (%g)", TRAIN, s);
	endpoint_model_free(m);
}

static void test_threshold(struct endpoint_model *m)
{
	double scores[1000], held[TRAIN];
	struct endpoint_model *fit;
	struct request_record r;
	struct gh_err err = { 0 };
	size_t n_held = 0, out = 0;
	struct req q;

	for (uint64_t i = 0; i < 10000; i++)
		out += endpoint_model_held_out(i);
	ok(out > 900 && out < 1100, "about one position in ten is held out (%zu of 10000)", out);

	rng_state = 11;
	endpoint_model_new(&fit);
	for (unsigned i = 0; i < TRAIN; i++) {
		benign(&q, i);
		record(&r, &q);
		if (!endpoint_model_held_out(i))
			endpoint_model_learn(fit, &r);
	}
	ok(!endpoint_model_finish(fit, &err), "learn the nine tenths");
	rng_state = 11;
	for (unsigned i = 0; i < TRAIN; i++) {
		benign(&q, i);
		record(&r, &q);
		if (endpoint_model_held_out(i))
			held[n_held++] = endpoint_model_score(fit, &r, NULL, 0, NULL);
	}
	ok(!endpoint_model_fit_threshold(fit, held, n_held, 0.999, &err) &&
		   endpoint_model_threshold(fit) == 3,
	   "benign held-out scores: the threshold is the floor, 3 (%g, %s)",
	   endpoint_model_threshold(fit), endpoint_model_threshold_method(fit));
	endpoint_model_free(fit);

	for (int i = 0; i < 1000; i++)
		scores[i] = (999 - i) * 0.01;
	ok(!endpoint_model_fit_threshold(m, scores, 1000, 0.999, &err) &&
		   endpoint_model_threshold(m) == scores[998] && scores[998] == 9.98 &&
		   !strncmp(endpoint_model_threshold_method(m), "quantile 0.999 of 1000", 22),
	   "quantile 0.999 of 1000 scores: the 999th smallest (%g, %s)",
	   endpoint_model_threshold(m), endpoint_model_threshold_method(m));
	ok(endpoint_model_fit_threshold(m, scores, 0, 0.999, &err) == -EINVAL && err.input,
	   "no held-out scores: input error");
	ok(endpoint_model_fit_threshold(m, scores, 10, 1.5, &err) == -EINVAL && err.input,
	   "a quantile above 1: input error");
	endpoint_model_set_threshold(m, 3, "floor");
}

static void test_round_trip(const struct endpoint_model *m)
{
	static const char *const queries[] = { "q=red", "q=%27+union+select+1--", "q=boots&debug=1",
					       "ref=email&x=%3C" };
	char dir[] = "/tmp/test_endpoint_model.XXXXXX", path[64];
	struct json_object *meta = json_object_new_object(), *meta_back = NULL;
	struct endpoint_model *back = NULL, *again = train(TRAIN, 42, false);
	char *a = json_text(m), *b = again ? json_text(again) : NULL, *c = NULL;
	struct gh_err err = { 0 };
	bool same = true;

	ok(a && b && !strcmp(a, b), "the same records give the same file, byte for byte");
	json_object_object_add(meta, "policy", json_object_new_string("shop-endpoints"));
	ok(mkdtemp(dir) != NULL, "a temporary directory");
	snprintf(path, sizeof(path), "%s/model.json", dir);
	ok(!endpoint_model_save(m, meta, path, &err), "save (%s)", err.msg);
	ok(!endpoint_model_load(path, &back, &meta_back, &err), "load (%s)", err.msg);
	c = back ? json_text(back) : NULL;
	ok(a && c && !strcmp(a, c), "the loaded model writes the same JSON");
	ok(meta_back && !strcmp(json_object_get_string(json_object_object_get(meta_back, "policy")),
				"shop-endpoints"),
	   "meta comes back");
	for (size_t i = 0; back && i < sizeof(queries) / sizeof(queries[0]); i++) {
		const char *path_of = i == 3 ? "/product/9" : "/search";

		same &= score_of(m, "GET", path_of, queries[i], NULL, 0, NULL) ==
			score_of(back, "GET", path_of, queries[i], NULL, 0, NULL);
	}
	ok(back && same, "and scores as the original");
	endpoint_model_free(back);
	back = NULL;
	unlink(path);
	ok(endpoint_model_load(path, &back, NULL, &err) == -ENOENT && !err.input && !back,
	   "a missing file: -ENOENT, not an input error");
	rmdir(dir);
	json_object_put(meta);
	json_object_put(meta_back);
	endpoint_model_free(again);
	free(a);
	free(b);
	free(c);
}

/* The first endpoint with parameters in the model's JSON. */
static size_t with_params(struct json_object *o)
{
	struct json_object *eps = json_object_object_get(o, "endpoints");
	size_t i = 0;

	while (!json_object_array_length(
		json_object_object_get(json_object_array_get_idx(eps, i), "params")))
		i++;
	return i;
}

/*
 * The model's JSON with one edit; the error it gives must name field (a %zu
 * in it: the first endpoint with parameters) and say want.
 */
static void check_corrupt(const struct endpoint_model *m, const char *what, const char *field_fmt,
			  const char *want, void (*edit)(struct json_object *o))
{
	struct json_object *o = endpoint_model_to_json(m, NULL);
	struct endpoint_model *back = NULL;
	struct gh_err err = { 0 };
	char field[64];
	int ret;

	snprintf(field, sizeof(field), field_fmt, with_params(o));
	edit(o);
	ret = endpoint_model_from_json(o, &back, NULL, &err);
	ok(ret == -EINVAL && err.input && !back && !strcmp(err.field, field) &&
		   strstr(err.msg, want),
	   "%s: error on %s (%s)", what, field, err.msg);
	json_object_put(o);
	endpoint_model_free(back);
}

static struct json_object *first_param(struct json_object *o)
{
	struct json_object *ep =
		json_object_array_get_idx(json_object_object_get(o, "endpoints"), with_params(o));

	return json_object_array_get_idx(json_object_object_get(ep, "params"), 0);
}

static void edit_len(struct json_object *o)
{
	json_object_object_add(first_param(o), "len", json_object_new_int(-1));
}

static void edit_classes(struct json_object *o)
{
	json_object_object_add(first_param(o), "classes", json_object_new_string("lower,bogus"));
}

static void edit_weight(struct json_object *o)
{
	struct json_object *cls = json_object_object_get(json_object_object_get(o, "weights"), "classes");

	json_object_object_add(cls, "quote", json_object_new_string("high"));
}

static void edit_version(struct json_object *o)
{
	json_object_object_add(o, "gatehawk_endpoint_model", json_object_new_int(2));
}

static void edit_missing(struct json_object *o)
{
	json_object_object_del(o, "endpoints");
}

static void edit_typo(struct json_object *o)
{
	json_object_object_add(json_object_object_get(o, "weights"), "new_endpont",
			       json_object_new_int(1));
}

static void edit_duplicate(struct json_object *o)
{
	struct json_object *eps = json_object_object_get(o, "endpoints");

	json_object_array_add(eps, json_object_get(json_object_array_get_idx(eps, 0)));
}

static void test_corrupt(const struct endpoint_model *m)
{
	char dir[] = "/tmp/test_endpoint_model.XXXXXX", path[64];
	struct endpoint_model *back = NULL;
	struct gh_err err = { 0 };
	FILE *f;

	check_corrupt(m, "a negative length", "endpoints[%zu].params[0].len", "expected an integer",
		      edit_len);
	check_corrupt(m, "an unknown class", "endpoints[%zu].params[0].classes", "\"bogus\"",
		      edit_classes);
	check_corrupt(m, "a weight that is text", "weights.classes.quote", "expected a finite number",
		      edit_weight);
	check_corrupt(m, "another version", "gatehawk_endpoint_model", "expected 1", edit_version);
	check_corrupt(m, "no endpoints", "endpoints", "missing", edit_missing);
	check_corrupt(m, "a misspelt weight", "weights.new_endpont", "unknown field", edit_typo);
	check_corrupt(m, "an endpoint twice", "endpoints", "twice", edit_duplicate);

	mkdtemp(dir);
	snprintf(path, sizeof(path), "%s/bad.json", dir);
	f = fopen(path, "w");
	fputs("{\"gatehawk_endpoint_model\": 1, \"requests\": ", f);
	fclose(f);
	ok(endpoint_model_load(path, &back, NULL, &err) == -EINVAL && err.input &&
		   !strcmp(err.file, path) && strstr(err.msg, "expected one JSON object"),
	   "a cut file: input error naming the file (%s)", err.msg);
	unlink(path);
	rmdir(dir);
}

static void test_empty(void)
{
	struct endpoint_model *m;
	struct gh_err err = { 0 };
	struct request_record r;
	struct req q;

	endpoint_model_new(&m);
	ok(endpoint_model_finish(m, &err) == -EINVAL && err.input &&
		   strstr(err.msg, "at least 100 requests") && strstr(err.msg, "got 0"),
	   "finishing an empty model: input error (%s)", err.msg);
	set_req(&q, "GET", "/", NULL);
	record(&r, &q);
	ok(endpoint_model_score(m, &r, NULL, 0, NULL) == 0, "an unfinished model scores 0");
	ok(!endpoint_model_to_json(m, NULL), "and has no JSON");
	endpoint_model_free(m);
}

/* Names and paths that are not valid UTF-8 cannot be written: left out; NUL and "" survive. */
static void test_odd_bytes(void)
{
	struct endpoint_model *m, *back = NULL;
	struct gh_err err = { 0 };
	struct request_record r;
	struct endpoint_model_stats st;
	struct json_object *o, *text;
	struct req q;

	endpoint_model_new(&m);
	for (int i = 0; i < 200; i++) {
		set_req(&q, "GET", i % 2 ? "/x" : i % 4 ? "/caf%E9" : "/n%00ul",
			"a%00b=1&%FF=2&name=J%C3%BCrgen&=x");
		record(&r, &q);
		endpoint_model_learn(m, &r);
	}
	ok(!endpoint_model_finish(m, &err), "learn names with NUL and invalid UTF-8");
	endpoint_model_stats(m, &st);
	ok(st.endpoints == 2 && st.dropped_endpoints == 1 && st.params == 6 && st.dropped_params == 2,
	   "the invalid path and name are left out (%zu endpoints, %zu params)", st.endpoints,
	   st.params);
	o = endpoint_model_to_json(m, NULL);
	text = o ? json_tokener_parse(json_object_to_json_string(o)) : NULL;
	ok(text && !endpoint_model_from_json(text, &back, NULL, &err),
	   "the model goes through JSON text (%s)", err.msg);
	ok(back && score_of(back, "GET", "/x", "a%00b=1&name=J%C3%BCrgen&=x", NULL, 0, NULL) == 0 &&
		   score_of(back, "GET", "/n%00ul", "=x", NULL, 0, NULL) == 0,
	   "a path and a name with a NUL, an empty name, a UTF-8 value come back as learned");
	json_object_put(o);
	json_object_put(text);
	endpoint_model_free(back);
	endpoint_model_free(m);
}

static void test_caps(void)
{
	struct endpoint_model_stats st;
	struct endpoint_model *m;
	struct gh_err err = { 0 };
	struct request_record r;
	struct req q;
	char path[64], query[32];

	endpoint_model_new(&m);
	for (unsigned i = 0; i < 100000; i++) {
		char word[8];
		unsigned v = i;

		for (int k = 0; k < 7; k++, v /= 26)
			word[k] = (char)('a' + v % 26);
		word[7] = '\0';
		if (i % 100 == 0) {
			set_req(&q, "GET", "/popular", NULL);
		} else {
			snprintf(path, sizeof(path), "/page/%s", word);
			snprintf(query, sizeof(query), "p%u=1", i % 200);
			set_req(&q, i % 3 && i % 2 ? "POST" : "GET", i % 3 ? path : "/many", query);
		}
		record(&r, &q);
		if (endpoint_model_learn(m, &r))
			break;
	}
	endpoint_model_stats(m, &st);
	ok(st.endpoints <= ENDPOINT_LEARN_MAX && st.dropped_endpoints > 0,
	   "100k distinct paths: at most %d held while learning (%zu, %zu forgotten)",
	   ENDPOINT_LEARN_MAX, st.endpoints, st.dropped_endpoints);
	ok(st.capped_params > 0 && st.params <= ENDPOINT_PARAMS_TOTAL,
	   "parameters per endpoint capped (%zu refused)", st.capped_params);
	ok(!endpoint_model_finish(m, &err), "finish");
	endpoint_model_stats(m, &st);
	ok(st.endpoints <= ENDPOINT_MAX, "at most %d endpoints kept (%zu)", ENDPOINT_MAX,
	   st.endpoints);
	ok(score_of(m, "GET", "/popular", NULL, NULL, 0, NULL) == 0,
	   "the most seen endpoint survives");
	ok(score_of(m, "GET", "/many", "p3=1", NULL, 0, NULL) == 0 &&
		   score_of(m, "GET", "/many", "p1=1", NULL, 0, NULL) > 0,
	   "the first %d names of an endpoint are learned, later ones not", ENDPOINT_PARAMS_MAX);
	endpoint_model_free(m);
}

static void test_speed(const struct endpoint_model *m)
{
	struct request_record r[3];
	struct endpoint_finding why[4];
	struct req q[3];
	struct timespec a, b;
	double sink = 0, ns;
	size_t n;
	const int rounds = 100000;

	set_req(&q[0], "GET", "/search", "q=winter+boots&page=3");
	set_req(&q[1], "GET", "/product/12345", "ref=related_items");
	set_req(&q[2], "GET", "/api/v1/user/77", "fields=name,email");
	for (int i = 0; i < 3; i++)
		record(&r[i], &q[i]);
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int i = 0; i < rounds; i++)
		sink += endpoint_model_score(m, &r[i % 3], why, 4, &n);
	clock_gettime(CLOCK_MONOTONIC, &b);
	ns = ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) / rounds;
	tap_diag("%.0f ns per score (typical requests, %d rounds)", ns, rounds);
	ok(sink == 0, "typical requests all score 0");
}

int main(void)
{
	struct endpoint_model *m = train(TRAIN, 42, false);
	struct endpoint_model_stats st;

	test_keys();
	ok(m != NULL, "learn %d requests of a small site", TRAIN);
	if (!m)
		return tap_done();
	endpoint_model_stats(m, &st);
	ok(st.endpoints == 9 && st.requests == TRAIN,
	   "nine endpoints: ids collapse (%zu endpoints, %llu requests)", st.endpoints,
	   (unsigned long long)st.requests);
	test_benign_and_attacks(m);
	test_poisoned_training();
	test_threshold(m);
	test_round_trip(m);
	test_corrupt(m);
	test_empty();
	test_odd_bytes();
	test_caps();
	test_speed(m);
	endpoint_model_free(m);
	return tap_done();
}
