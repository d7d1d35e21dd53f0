// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * pred_match's quick reject (predicate.h, pred.quick_methods and
 * quick_status): what pred_finish derives from method and status leaves
 * through all, any and not must never turn away a record the walk would
 * take. Each predicate is answered on records with every status class
 * (and edges, fractions of thresholds, absent, past 999) and every kind of
 * method (known, unknown, lowercase, absent), once as finished and once
 * with the quick bits cleared to "anything" and no leaf exact: the
 * answers must agree. And the bits must say something, or they save
 * nothing; a status leaf at a class edge is answered from them alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/policy.h"
#include "engine/predicate.h"
#include "tap.h"

static void quiet(void *ctx, const char *msg)
{
	(void)ctx;
	tap_diag("load: %s", msg);
}

static const struct policy_report rep = { quiet, NULL };

static struct policy_set *load_where(const char *where)
{
	struct policy_set *ps = NULL;
	char json[4096];

	snprintf(json, sizeof(json),
		 "{\"name\":\"t\",\"description\":\"d\",\"kind\":\"match\",\"where\":%s,"
		 "\"action\":{\"type\":\"alert\"}}",
		 where);
	if (policy_set_parse("t.json", json, strlen(json), 0, &rep, &ps))
		return NULL;
	return ps;
}

/* Every node's quick bits to "anything", no leaf exact: pred_match then walks every record. */
static void clear_quick(struct pred *p)
{
	p->quick_methods = p->quick_status = UINT16_MAX;
	p->status_exact = false;
	if (p->op == PRED_ALL || p->op == PRED_ANY || p->op == PRED_NOT)
		for (uint32_t i = 0; i < (p->op == PRED_NOT ? 1 : p->n); i++)
			clear_quick(p->u.kids[i]);
}

static const char *const preds[] = {
	"{\"field\": \"status\", \"eq\": 404}",
	"{\"field\": \"status\", \"eq\": 404.5}",
	"{\"field\": \"status\", \"in\": [302, 401, 999, 1000]}",
	"{\"field\": \"status\", \"lt\": 400}",
	"{\"field\": \"status\", \"lt\": 399.5}",
	"{\"field\": \"status\", \"le\": 300}",
	"{\"field\": \"status\", \"gt\": 499}",
	"{\"field\": \"status\", \"gt\": 499.5}",
	"{\"field\": \"status\", \"ge\": 1000}",
	"{\"field\": \"status\", \"le\": 499}",
	"{\"field\": \"status\", \"gt\": 99}",
	"{\"field\": \"status\", \"ge\": 0}",
	"{\"field\": \"status\", \"lt\": 0}",
	"{\"field\": \"status\", \"lt\": 1000}",
	"{\"field\": \"status\", \"ge\": 1100}",
	"{\"field\": \"status\", \"le\": 999.5}",
	"{\"not\": {\"all\": [{\"field\": \"status\", \"ge\": 400}, {\"field\": \"path\", "
	"\"prefix\": \"/wp-admin/\"}]}}",
	"{\"field\": \"status\", \"lt\": -1}",
	"{\"field\": \"status\", \"gt\": 100000}",
	"{\"field\": \"status\", \"ne\": 404}",
	"{\"field\": \"status\", \"exists\": false}",
	"{\"field\": \"method\", \"eq\": \"POST\"}",
	"{\"field\": \"method\", \"in\": [\"GET\", \"HEAD\"]}",
	"{\"field\": \"method\", \"in\": [\"GET\", \"FOO\"]}",
	"{\"field\": \"method\", \"ne\": \"GET\"}",
	"{\"not\": {\"field\": \"status\", \"eq\": 404}}",
	"{\"all\": [{\"field\": \"method\", \"in\": [\"GET\", \"HEAD\"]}, {\"field\": \"status\", "
	"\"eq\": 404}]}",
	"{\"any\": [{\"field\": \"status\", \"in\": [400, 404]}, {\"all\": [{\"field\": \"status\", "
	"\"in\": [302, 403]}, {\"field\": \"path\", \"prefix\": \"/wp-admin/\"}]}]}",
	"{\"any\": [{\"field\": \"status\", \"eq\": 404}, {\"field\": \"path\", \"prefix\": \"/\"}]}",
	"{\"any\": [{\"field\": \"method\", \"eq\": \"PUT\"}, {\"field\": \"status\", \"ge\": 500}]}",
	"{\"all\": [{\"field\": \"method\", \"eq\": \"POST\"}, {\"not\": {\"field\": \"method\", "
	"\"eq\": \"GET\"}}, {\"field\": \"status\", \"lt\": 300}]}",
	"{\"any\": []}",
	"{\"all\": []}",
};

static const int statuses[] = { 0, 99, 100, 200, 299, 300, 302, 399, 400, 403, 404, 405, 499,
				500, 503, 999, 1000, 65535, -1 /* absent */ };
static const char *const methods[] = { "GET", "HEAD", "POST", "PUT", "PATCH", "FOO", "post",
				       NULL /* absent */ };

/* How many (status, method) records the two walks answer differently on. */
static int disagreements(const struct policy_set *ps, struct pred *quick, struct pred *walk)
{
	struct pred_eval *ev = pred_eval_new(ps->regexes);
	struct request_record r;
	int wrong = 0;

	for (size_t s = 0; s < sizeof(statuses) / sizeof(statuses[0]); s++)
		for (size_t m = 0; m < sizeof(methods) / sizeof(methods[0]); m++) {
			memset(&r, 0, sizeof(r));
			req_set_str(&r, REQ_PATH, &r.path, "/wp-admin/x", 11);
			if (statuses[s] >= 0) {
				r.present |= REQ_BIT(REQ_STATUS);
				r.status = (uint16_t)statuses[s];
			}
			if (methods[m])
				req_set_method(&r, methods[m], (uint32_t)strlen(methods[m]));
			pred_eval_begin(ev, &r);
			wrong += pred_match(quick, ev) != pred_match(walk, ev);
		}
	pred_eval_free(ev);
	return wrong;
}

static void test_never_loses(void)
{
	for (size_t i = 0; i < sizeof(preds) / sizeof(preds[0]); i++) {
		struct policy_set *quick = load_where(preds[i]), *walk = load_where(preds[i]);

		if (!ok(quick && walk, "loads: %s", preds[i])) {
			policy_set_free(quick);
			policy_set_free(walk);
			continue;
		}
		clear_quick(walk->policies[0].where);
		ok_eq(disagreements(quick, quick->policies[0].where, walk->policies[0].where), 0,
		      "quick reject answers as the walk: %s", preds[i]);
		policy_set_free(quick);
		policy_set_free(walk);
	}
}

/*
 * The bits of a finished predicate: what pred_match turns away without a
 * walk; and which status leaves are answered from their class bits alone
 * (pred.status_exact: a bound at a class edge, at most 1000; never one
 * inside a class, an equality, a list or another field).
 */
static void test_bits_say_something(void)
{
	static const struct {
		const char *where;
		uint16_t methods, status;
		bool exact;
	} cases[] = {
		{ "{\"field\": \"status\", \"eq\": 404}", UINT16_MAX, 1U << 4, false },
		{ "{\"field\": \"status\", \"lt\": 400}", UINT16_MAX, 0x0f, true },
		{ "{\"field\": \"status\", \"lt\": 399.5}", UINT16_MAX, 0x0f, false },
		{ "{\"field\": \"status\", \"le\": 300}", UINT16_MAX, 0x0f, false },
		{ "{\"field\": \"status\", \"le\": 399}", UINT16_MAX, 0x0f, true },
		{ "{\"field\": \"status\", \"ge\": 400}", UINT16_MAX, 0x7f0, true },
		{ "{\"field\": \"status\", \"gt\": 399}", UINT16_MAX, 0x7f0, true },
		{ "{\"field\": \"status\", \"ge\": 404}", UINT16_MAX, 0x7f0, false },
		{ "{\"field\": \"status\", \"ge\": 1000}", UINT16_MAX, 1U << 10, true },
		{ "{\"field\": \"status\", \"ge\": 1100}", UINT16_MAX, 1U << 10, false },
		{ "{\"field\": \"status\", \"lt\": 0}", UINT16_MAX, 0, true },
		{ "{\"field\": \"bytes\", \"ge\": 400}", UINT16_MAX, UINT16_MAX, false },
		{ "{\"all\": [{\"field\": \"method\", \"in\": [\"GET\", \"HEAD\"]}, {\"field\": "
		  "\"status\", \"eq\": 404}]}",
		  1U << HTTP_METHOD_OTHER | 1U << HTTP_METHOD_GET | 1U << HTTP_METHOD_HEAD, 1U << 4,
		  false },
		{ "{\"any\": [{\"field\": \"status\", \"in\": [400, 404]}, {\"all\": [{\"field\": "
		  "\"status\", \"in\": [302, 403]}, {\"field\": \"path\", \"prefix\": \"/a\"}]}]}",
		  UINT16_MAX, 1U << 3 | 1U << 4, false },
		{ "{\"not\": {\"field\": \"status\", \"eq\": 404}}", UINT16_MAX, UINT16_MAX, false },
		{ "{\"any\": [{\"field\": \"status\", \"eq\": 404}, {\"field\": \"path\", \"prefix\": "
		  "\"/\"}]}",
		  UINT16_MAX, UINT16_MAX, false },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct policy_set *ps = load_where(cases[i].where);
		const struct pred *p = ps ? ps->policies[0].where : NULL;

		if (!ok(p, "loads: %s", cases[i].where)) {
			policy_set_free(ps);
			continue;
		}
		ok_eq(p->quick_methods, cases[i].methods, "methods bits of %s", cases[i].where);
		ok_eq(p->quick_status, cases[i].status, "status bits of %s", cases[i].where);
		ok_eq(p->status_exact, cases[i].exact, "exact: %s", cases[i].where);
		policy_set_free(ps);
	}
}

int main(void)
{
	test_never_loses();
	test_bits_say_something();
	return tap_done();
}
