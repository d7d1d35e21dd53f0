// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The plain request line as a gate: pred_plain_request() on records, and
 * pred_false_when_plain() on predicates. The engine skips a policy the
 * second says cannot hold whenever the first says a record is plain, so a
 * "cannot hold" that is wrong would lose verdicts: every case says which
 * answer is right and why.
 */
#include <stdio.h>
#include <string.h>

#include "engine/policy.h"
#include "engine/predicate.h"
#include "tap.h"

/* 1: cannot hold on a plain line; 0: may (or undecided); -1: does not load. */
static int false_when_plain(const char *where)
{
	struct policy_set *ps = NULL;
	struct pred_eval *ev;
	char json[4096];
	int res;

	snprintf(json, sizeof(json),
		 "{\"name\": \"f\", \"description\": \"d\", \"kind\": \"match\", \"where\": %s, "
		 "\"action\": {\"type\": \"alert\"}}", where);
	if (policy_set_parse("f.json", json, strlen(json), 0, NULL, &ps))
		return -1;
	ev = pred_eval_new(ps->regexes);
	res = ev ? pred_false_when_plain(ps->policies[0].where, ev) : -1;
	pred_eval_free(ev);
	policy_set_free(ps);
	return res;
}

#define EQ(f, v) "{\"field\": \"" f "\", \"eq\": " v "}"
#define S(v) "\"" v "\""
#define RE(f, r) "{\"field\": \"" f "\", \"regex\": \"" r "\"}"

static void predicates(void)
{
	ok_eq(false_when_plain(EQ("method", S("CONNECT"))), 1, "method CONNECT: never plain");
	ok_eq(false_when_plain("{\"field\": \"method\", \"in\": [\"TRACE\", \"TRACK\"]}"), 1,
	      "method in TRACE, TRACK: never plain");
	ok_eq(false_when_plain(EQ("method", S("GET"))), 0, "method GET holds on a plain GET");
	ok_eq(false_when_plain(EQ("method", S("PUT"))), 1, "PUT is not a plain method");
	ok_eq(false_when_plain("{\"all\": [{\"field\": \"method\", \"exists\": true}, {\"not\": "
			       "{\"field\": \"method\", \"in\": [\"GET\", \"HEAD\", \"POST\", "
			       "\"PUT\"]}}]}"), 1, "a method outside a list holding the plain ones");
	ok_eq(false_when_plain("{\"not\": {\"field\": \"method\", \"in\": [\"GET\", \"HEAD\"]}}"), 0,
	      "a list without POST: a plain POST is outside it");
	ok_eq(false_when_plain("{\"not\": {\"field\": \"version\", \"in\": [\"HTTP/1.0\", "
			       "\"HTTP/1.1\", \"HTTP/2.0\", \"HTTP/3.0\"]}}"), 1,
	      "a version outside the plain ones");
	ok_eq(false_when_plain("{\"not\": {\"field\": \"version\", \"in\": [\"HTTP/1.0\", "
			       "\"HTTP/1.1\"]}}"), 0, "HTTP/2.0 is plain and outside this list");
	ok_eq(false_when_plain(EQ("version", S("HTTP/1.1"))), 0, "version HTTP/1.1 may hold");
	ok_eq(false_when_plain("{\"field\": \"version\", \"exists\": false}"), 1,
	      "a plain line has a version");
	ok_eq(false_when_plain(EQ("target_form", S("absolute"))), 1, "absolute form: never plain");
	ok_eq(false_when_plain(EQ("target_form", S("origin"))), 0, "origin form: plain");
	ok_eq(false_when_plain(EQ("request_line_malformed", "true")), 1,
	      "a malformed line is not plain");
	ok_eq(false_when_plain(EQ("request_line_malformed", "false")), 0,
	      "malformed false: absent on a plain line gives false, present gives true");
	ok_eq(false_when_plain("{\"field\": \"request_line_malformed\", \"exists\": true}"), 0,
	      "the malformed flag may be present or absent");
	ok_eq(false_when_plain(RE("path", "admin")), 0, "other fields: cannot tell");
	ok_eq(false_when_plain(RE("method", "^TRAC[EK]$")), 1, "a pattern over the method is tried");
	ok_eq(false_when_plain(RE("method", "^GET$")), 0, "a pattern true for GET, false for HEAD");
	ok_eq(false_when_plain("{\"any\": [" EQ("method", S("CONNECT")) ", " RE("path", "x") "]}"), 0,
	      "any with an undecided child");
	ok_eq(false_when_plain("{\"any\": [" EQ("method", S("CONNECT")) ", "
			       EQ("target_form", S("asterisk")) "]}"), 1, "any of false children");
	ok_eq(false_when_plain("{\"all\": [" RE("path", "x") ", " EQ("method", S("CONNECT")) "]}"), 1,
	      "all with a false child");
	ok_eq(false_when_plain("{\"not\": " EQ("method", S("CONNECT")) "}"), 0,
	      "not of a false leaf holds");
	ok_eq(false_when_plain("{\"not\": {\"any\": [" EQ("method", S("CONNECT")) ", "
			       EQ("method", S("GET")) "]}}"), 0, "not of an any that a GET makes true");
	ok_eq(false_when_plain("{\"all\": []}"), 0, "an empty all always holds");
	ok_eq(false_when_plain("{\"any\": []}"), 1, "an empty any never does");
}

/* GET / HTTP/1.1, origin form, no malformed flag. */
static void plain_line(struct request_record *r)
{
	memset(r, 0, sizeof(*r));
	req_set_method(r, "GET", 3);
	req_set_str(r, REQ_VERSION, &r->version, "HTTP/1.1", 8);
	req_set_str(r, REQ_TARGET_FORM, &r->target_form, "origin", 6);
}

static void records(void)
{
	struct request_record r;

	plain_line(&r);
	ok(pred_plain_request(&r), "GET / HTTP/1.1 is plain");
	r.present |= REQ_BIT(REQ_REQUEST_LINE_MALFORMED);
	ok(pred_plain_request(&r), "with request_line_malformed false too");
	r.request_line_malformed = true;
	ok(!pred_plain_request(&r), "not when marked malformed");
	plain_line(&r);
	r.request_line_malformed = true; /* a stale value behind an absent field */
	ok(pred_plain_request(&r), "an absent malformed flag is not read");
	plain_line(&r);
	req_set_method(&r, "get", 3);
	ok(!pred_plain_request(&r), "lower-case get is not");
	plain_line(&r);
	req_set_method(&r, "PUT", 3);
	ok(!pred_plain_request(&r), "PUT is not");
	plain_line(&r);
	req_set_method(&r, "HEAD", 4);
	ok(pred_plain_request(&r), "HEAD is");
	req_set_method(&r, "POST", 4);
	ok(pred_plain_request(&r), "POST is");
	plain_line(&r);
	req_set_str(&r, REQ_VERSION, &r.version, "HTTP/1.7", 8);
	ok(!pred_plain_request(&r), "HTTP/1.7 is not");
	req_set_str(&r, REQ_VERSION, &r.version, "HTTP/2", 6);
	ok(!pred_plain_request(&r), "HTTP/2 (as some logs write it) is not");
	req_set_str(&r, REQ_VERSION, &r.version, "HTTP/3.0", 8);
	ok(pred_plain_request(&r), "HTTP/3.0 is");
	req_set_str(&r, REQ_VERSION, &r.version, "HTTP/1.1", 8);
	req_set_str(&r, REQ_TARGET_FORM, &r.target_form, "absolute", 8);
	ok(!pred_plain_request(&r), "an absolute-form target is not");
	plain_line(&r);
	r.present &= ~REQ_BIT(REQ_VERSION);
	ok(!pred_plain_request(&r), "no version (HTTP/0.9) is not");
	plain_line(&r);
	r.present &= ~REQ_BIT(REQ_TARGET_FORM);
	ok(!pred_plain_request(&r), "no target form is not");
}

int main(void)
{
	predicates();
	records();
	return tap_done();
}
