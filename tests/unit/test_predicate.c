// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Predicates: every operator on every field type it applies to, absent
 * fields (false for everything but exists, so ne and not never turn missing
 * data into a match), combinators, and the two regex paths: Hyperscan and
 * the PCRE2 fallback must agree on every pattern and subject, and a field
 * is scanned at most once per record.
 */
#include <arpa/inet.h>
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

/* A match policy around one predicate; NULL when it does not load. */
static struct policy_set *load_where(const char *where, unsigned int regex_flags)
{
	struct policy_set *ps = NULL;
	char json[8192];

	snprintf(json, sizeof(json),
		 "{\"name\":\"t\",\"description\":\"d\",\"kind\":\"match\",\"where\":%s,"
		 "\"action\":{\"type\":\"alert\"}}",
		 where);
	if (policy_set_parse("t.json", json, strlen(json), regex_flags, &rep, &ps))
		return NULL;
	return ps;
}

/* 1 or 0, or -1 when the predicate does not load. */
static int eval(const char *where, const struct request_record *r, unsigned int regex_flags)
{
	struct policy_set *ps = load_where(where, regex_flags);
	struct pred_eval *ev;
	int res;

	if (!ps)
		return -1;
	ev = pred_eval_new(ps->regexes);
	pred_eval_begin(ev, r);
	res = pred_match(ps->policies[0].where, ev);
	pred_eval_free(ev);
	policy_set_free(ps);
	return res;
}

static void set_str(struct request_record *r, enum req_field f, const char *s)
{
	struct gh_str *slot[] = {
		[REQ_METHOD] = &r->method_str, [REQ_PATH] = &r->path, [REQ_QUERY] = &r->query,
		[REQ_VERSION] = &r->version, [REQ_HOST] = &r->host,
		[REQ_USER_AGENT] = &r->user_agent, [REQ_REFERER] = &r->referer,
		[REQ_CONTENT_TYPE] = &r->content_type, [REQ_ACCEPT] = &r->accept,
		[REQ_SCHEME] = &r->scheme,
	};

	req_set_str(r, f, slot[f], s, (uint32_t)strlen(s));
}

/* Every field present, with values the cases below expect. */
static void full_record(struct request_record *r)
{
	memset(r, 0, sizeof(*r));
	r->present = REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_DST_IP) |
		     REQ_BIT(REQ_SRC_PORT) | REQ_BIT(REQ_DST_PORT) | REQ_BIT(REQ_CONTENT_LENGTH) |
		     REQ_BIT(REQ_STATUS) | REQ_BIT(REQ_BYTES) | REQ_BIT(REQ_HAS_COOKIE) |
		     REQ_BIT(REQ_IS_XHR);
	r->ts_ns = 1700000000500000000ULL;
	gh_addr_parse("203.0.113.7", &r->src);
	gh_addr_parse("192.0.2.1", &r->dst);
	r->src_port = 40000;
	r->dst_port = 443;
	r->status = 404;
	r->bytes = 512;
	r->has_cookie = true;
	r->method = HTTP_METHOD_GET;
	set_str(r, REQ_METHOD, "GET");
	set_str(r, REQ_PATH, "/admin/login.php");
	set_str(r, REQ_QUERY, "id=1%27%20OR%201=1");
	set_str(r, REQ_VERSION, "HTTP/1.1");
	set_str(r, REQ_HOST, "example.com");
	set_str(r, REQ_USER_AGENT, "Mozilla/5.0 (X11; Linux) curl-ish");
	set_str(r, REQ_REFERER, "https://example.com/");
	set_str(r, REQ_CONTENT_TYPE, "application/json");
	set_str(r, REQ_ACCEPT, "text/html");
	set_str(r, REQ_SCHEME, "https");
}

struct leaf_case {
	const char *field;
	const char *op_value; /* "\"eq\": \"GET\"" */
	int want;             /* on the full record; on it without the field: 0 */
};

static const struct leaf_case leaves[] = {
	{ "method", "\"eq\": \"GET\"", 1 },
	{ "method", "\"eq\": \"get\"", 0 },
	{ "method", "\"ne\": \"POST\"", 1 },
	{ "method", "\"ne\": \"GET\"", 0 },
	{ "method", "\"in\": [\"POST\", \"GET\"]", 1 },
	{ "method", "\"in\": [\"POST\", \"PUT\"]", 0 },
	{ "status", "\"eq\": 404", 1 },
	{ "status", "\"eq\": 404.5", 0 },
	{ "status", "\"ne\": 200", 1 },
	{ "status", "\"ne\": 404", 0 },
	{ "status", "\"in\": [401, 404]", 1 },
	{ "status", "\"in\": [200]", 0 },
	{ "status", "\"lt\": 404", 0 },
	{ "status", "\"lt\": 404.5", 1 },
	{ "status", "\"le\": 404", 1 },
	{ "status", "\"le\": 403", 0 },
	{ "status", "\"gt\": 403.5", 1 },
	{ "status", "\"gt\": 404", 0 },
	{ "status", "\"ge\": 404", 1 },
	{ "status", "\"ge\": 405", 0 },
	{ "bytes", "\"gt\": 511", 1 },
	{ "dst_port", "\"eq\": 443", 1 },
	{ "src_port", "\"lt\": 1024", 0 },
	{ "content_length", "\"eq\": 0", 1 },
	{ "ts", "\"ge\": 1700000000", 1 },
	{ "ts", "\"lt\": 1700000000", 0 },
	{ "has_cookie", "\"eq\": true", 1 },
	{ "has_cookie", "\"ne\": true", 0 },
	{ "is_xhr", "\"eq\": true", 0 },
	{ "is_xhr", "\"eq\": false", 1 },
	{ "is_xhr", "\"ne\": true", 1 },
	{ "src_ip", "\"eq\": \"203.0.113.7\"", 1 },
	{ "src_ip", "\"eq\": \"203.0.113.8\"", 0 },
	{ "src_ip", "\"ne\": \"203.0.113.8\"", 1 },
	{ "dst_ip", "\"eq\": \"192.0.2.1\"", 1 },
	{ "src_ip", "\"cidr\": \"203.0.113.0/24\"", 1 },
	{ "src_ip", "\"cidr\": \"203.0.113.128/25\"", 0 },
	{ "src_ip", "\"cidr\": [\"10.0.0.0/8\", \"203.0.113.0/25\"]", 1 },
	{ "src_ip", "\"cidr\": \"2001:db8::/32\"", 0 },
	{ "src_ip", "\"cidr\": \"0.0.0.0/0\"", 1 },
	{ "dst_ip", "\"cidr\": \"192.0.2.1\"", 1 },
	{ "path", "\"prefix\": \"/admin\"", 1 },
	{ "path", "\"prefix\": \"/Admin\"", 0 },
	{ "path", "\"prefix\": \"/admin/login.php/\"", 0 },
	{ "path", "\"suffix\": \".php\"", 1 },
	{ "path", "\"suffix\": \".PHP\"", 0 },
	{ "user_agent", "\"contains\": \"curl\"", 1 },
	{ "user_agent", "\"contains\": \"wget\"", 0 },
	{ "path", "\"regex\": \"^/admin/.*\\\\.php$\"", 1 },
	{ "path", "\"regex\": \"LOGIN\"", 0 },
	{ "path", "\"iregex\": \"LOGIN\"", 1 },
	{ "query", "\"iregex\": \"%27(%20|\\\\s)*or\"", 1 },
	{ "host", "\"regex\": \"^example\\\\.org$\"", 0 },
	{ "referer", "\"exists\": true", 1 },
	{ "accept", "\"eq\": \"text/html\"", 1 },
	{ "content_type", "\"prefix\": \"application/\"", 1 },
	{ "scheme", "\"eq\": \"https\"", 1 },
	{ "version", "\"eq\": \"HTTP/1.1\"", 1 },
};

static void test_leaves(void)
{
	struct request_record full, absent;
	char json[512];

	full_record(&full);
	for (size_t i = 0; i < sizeof(leaves) / sizeof(leaves[0]); i++) {
		const struct leaf_case *c = &leaves[i];
		int f = req_field_by_name(c->field);

		snprintf(json, sizeof(json), "{\"field\": \"%s\", %s}", c->field, c->op_value);
		ok_eq(eval(json, &full, 0), c->want, "%s on the full record", json);
		absent = full;
		absent.present &= ~REQ_BIT(f);
		ok_eq(eval(json, &absent, 0), 0, "%s is false when %s is absent", json, c->field);
		snprintf(json, sizeof(json), "{\"not\": {\"field\": \"%s\", %s}}", c->field,
			 c->op_value);
		ok_eq(eval(json, &absent, 0), 1, "not(...) holds when %s is absent", c->field);
	}
}

static void test_exists_and_combinators(void)
{
	struct request_record r;

	full_record(&r);
	r.present &= ~REQ_BIT(REQ_REFERER);
	ok_eq(eval("{\"field\": \"referer\", \"exists\": false}", &r, 0), 1,
	      "exists false holds on an absent field");
	ok_eq(eval("{\"field\": \"referer\", \"exists\": true}", &r, 0), 0,
	      "exists true fails on an absent field");
	ok_eq(eval("{\"field\": \"host\", \"exists\": false}", &r, 0), 0,
	      "exists false fails on a present field");
	ok_eq(eval("{\"all\": []}", &r, 0), 1, "empty all holds");
	ok_eq(eval("{\"any\": []}", &r, 0), 0, "empty any fails");
	ok_eq(eval("{\"all\": [{\"field\": \"method\", \"eq\": \"GET\"}, {\"field\": \"status\", "
		   "\"eq\": 404}]}", &r, 0), 1, "all of two true leaves");
	ok_eq(eval("{\"all\": [{\"field\": \"method\", \"eq\": \"GET\"}, {\"field\": \"status\", "
		   "\"eq\": 200}]}", &r, 0), 0, "all with one false leaf");
	ok_eq(eval("{\"any\": [{\"field\": \"method\", \"eq\": \"POST\"}, {\"field\": \"status\", "
		   "\"eq\": 404}]}", &r, 0), 1, "any with one true leaf");
	ok_eq(eval("{\"any\": [{\"field\": \"method\", \"eq\": \"POST\"}, {\"field\": "
		   "\"referer\", \"ne\": \"x\"}]}", &r, 0), 0,
	      "any of a false leaf and ne on an absent field");
	ok_eq(eval("{\"not\": {\"not\": {\"field\": \"method\", \"eq\": \"GET\"}}}", &r, 0), 1,
	      "double negation");
	ok_eq(eval("{\"all\": [{\"not\": {\"field\": \"referer\", \"eq\": \"x\"}}, {\"any\": "
		   "[{\"field\": \"referer\", \"exists\": false}]}]}", &r, 0), 1,
	      "nested all/any/not around an absent field");
}

static void test_empty_and_ipv6(void)
{
	struct request_record r;

	full_record(&r);
	set_str(&r, REQ_QUERY, "");
	ok_eq(eval("{\"field\": \"query\", \"regex\": \"^$\"}", &r, 0), 1,
	      "regex ^$ matches a present empty field");
	ok_eq(eval("{\"field\": \"query\", \"regex\": \"^$\"}", &r, REGEX_PCRE2_ONLY), 1,
	      "and so does PCRE2");
	ok_eq(eval("{\"field\": \"query\", \"eq\": \"\"}", &r, 0), 1, "eq \"\" on an empty field");
	ok_eq(eval("{\"field\": \"query\", \"contains\": \"\"}", &r, 0), 1,
	      "contains \"\" on an empty field");
	r.query.p = NULL; /* producers may leave an empty slice without a pointer */
	ok_eq(eval("{\"field\": \"query\", \"prefix\": \"x\"}", &r, 0), 0,
	      "prefix on an empty slice without a pointer");
	ok_eq(eval("{\"field\": \"query\", \"iregex\": \"x|^$\"}", &r, 0), 1,
	      "regex on an empty slice without a pointer");
	gh_addr_parse("2001:db8::7", &r.src);
	ok_eq(eval("{\"field\": \"src_ip\", \"cidr\": \"2001:db8::/32\"}", &r, 0), 1,
	      "IPv6 source in an IPv6 prefix");
	ok_eq(eval("{\"field\": \"src_ip\", \"cidr\": \"2001:db9::/32\"}", &r, 0), 0,
	      "IPv6 source outside the prefix");
	ok_eq(eval("{\"field\": \"src_ip\", \"cidr\": \"0.0.0.0/0\"}", &r, 0), 0,
	      "an IPv4 prefix never holds an IPv6 source");
	ok_eq(eval("{\"field\": \"src_ip\", \"eq\": \"2001:db8:0::7\"}", &r, 0), 1,
	      "IPv6 equality compares addresses, not text");
}

/* Patterns Hyperscan takes, and subjects around their edges. */
static const char *const hs_patterns[] = {
	"abc$", "^abc", "\\s", "\\bor\\b", "a*", "^$", "\\d{2,3}", "[^a-z]", "(?i)select",
	"union(\\s|\\+|%20)+select", "\\.(css|js|png)$", "(^|/)(login|signin)/?$", "x.y",
	"(\\.|%2e){2}(/|\\\\|%2f)", "\\w+@\\w+", "[[:upper:]]{2}", "\\x00", "caf\\xc3\\xa9",
};

/* Patterns only PCRE2 takes. */
static const char *const pcre_patterns[] = {
	"(a)\\1", "(?=ab)a", "(?<!x)y", "a++b", "(?>ab|a)c",
};

static const char *const subjects[] = {
	"", "abc", "abc\n", "ABC", "xabcx", " ", "\t", "a", "12", "1234", "Select", "union+select",
	"UNION%20SELECT", "/a.css", "/a.CSS", "/login", "/app/signin/", "/loginx", "x\ny", "x-y",
	"../etc", "%2e%2e%2f", "..\\", "a@b", "AB", "aAbB", "caf\xc3\xa9", "\xff\xfe", "aab",
	"aa", "xy", "ab", "ac", "zy", "abc or 1", "or",
};

static void differential(const char *const *patterns, size_t np, bool want_hs)
{
	for (size_t i = 0; i < np; i++) {
		char where[512], esc[256];
		struct policy_set *hs, *pc;
		struct pred_eval *e1, *e2;
		size_t k = 0;
		int mismatches = 0;

		for (const char *p = patterns[i]; *p && k + 2 < sizeof(esc); p++) {
			if (*p == '\\' || *p == '"')
				esc[k++] = '\\';
			esc[k++] = *p;
		}
		esc[k] = '\0';
		snprintf(where, sizeof(where), "{\"field\": \"path\", \"regex\": \"%s\"}", esc);
		hs = load_where(where, 0);
		pc = load_where(where, REGEX_PCRE2_ONLY);
		if (!ok(hs && pc, "pattern %s loads", patterns[i])) {
			policy_set_free(hs);
			policy_set_free(pc);
			continue;
		}
		ok_eq(regex_uses_hyperscan(hs->regexes, 0), want_hs, "%s runs on %s", patterns[i],
		      want_hs ? "Hyperscan" : "PCRE2");
		ok(!regex_uses_hyperscan(pc->regexes, 0), "%s forced onto PCRE2", patterns[i]);
		/* Twice over the subjects: the second pass answers from the memo. */
		e1 = pred_eval_new(hs->regexes);
		e2 = pred_eval_new(pc->regexes);
		for (size_t s = 0; s < 2 * sizeof(subjects) / sizeof(subjects[0]); s++) {
			const char *subject = subjects[s % (sizeof(subjects) / sizeof(subjects[0]))];
			struct request_record r = { .present = 0 };
			bool a, b;

			set_str(&r, REQ_PATH, subject);
			pred_eval_begin(e1, &r);
			pred_eval_begin(e2, &r);
			a = pred_match(hs->policies[0].where, e1);
			b = pred_match(pc->policies[0].where, e2);
			if (a != b)
				tap_diag("%s on \"%s\": hyperscan %d, pcre2 %d", patterns[i], subject,
					 a, b);
			mismatches += a != b;
		}
		pred_eval_free(e1);
		pred_eval_free(e2);
		ok_eq(mismatches, 0, "%s: both paths agree on every subject, memo or not",
		      patterns[i]);
		policy_set_free(hs);
		policy_set_free(pc);
	}
}

static void test_regex_paths(void)
{
	struct request_record r = { .present = 0 };

	differential(hs_patterns, sizeof(hs_patterns) / sizeof(hs_patterns[0]), true);
	differential(pcre_patterns, sizeof(pcre_patterns) / sizeof(pcre_patterns[0]), false);
	set_str(&r, REQ_PATH, "/xaax");
	ok_eq(eval("{\"field\": \"path\", \"regex\": \"(a)\\\\1\"}", &r, 0), 1,
	      "a back-reference matches through the PCRE2 fallback");
	ok_eq(eval("{\"field\": \"path\", \"iregex\": \"(A)\\\\1X\"}", &r, 0), 1,
	      "iregex is caseless on the fallback too");
	ok_eq(eval("{\"field\": \"path\", \"regex\": \"(A)\\\\1X\"}", &r, 0), 0,
	      "regex stays case-sensitive on the fallback");
}

static void test_scan_once(void)
{
	const char *where =
		"{\"any\": [{\"field\": \"path\", \"regex\": \"zzz\"}, {\"field\": \"path\", "
		"\"iregex\": \"yyy\"}, {\"field\": \"query\", \"regex\": \"q\"}, {\"all\": "
		"[{\"field\": \"path\", \"regex\": \"adm\"}, {\"field\": \"path\", \"regex\": "
		"\"zzz\"}]}]}";
	struct policy_set *ps = load_where(where, 0), *cheap;
	struct request_record r;
	struct pred_eval *ev;

	full_record(&r);
	if (!ok(ps != NULL, "four regexes over two fields load"))
		return;
	ok_eq(regex_set_count(ps->regexes), 4, "the repeated pattern is compiled once");
	ev = pred_eval_new(ps->regexes);
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 0, "no pattern matches");
	ok_eq(pred_eval_scans(ev), 2, "path and query scanned once each");
	ok_eq(pred_match(ps->policies[0].where, ev), 0, "asked again");
	ok_eq(pred_eval_scans(ev), 2, "answered from the per-record cache");
	pred_eval_begin(ev, &r);
	pred_match(ps->policies[0].where, ev);
	ok_eq(pred_eval_scans(ev), 2, "the same values in the next record come from the memo");
	set_str(&r, REQ_PATH, "/adm/zzz");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "a new path matches adm and zzz");
	ok_eq(pred_eval_scans(ev), 3, "and is scanned (the query still comes from the memo)");
	set_str(&r, REQ_PATH, "/x");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 0, "a third path");
	set_str(&r, REQ_PATH, "/adm/zzz");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "the remembered path gives the same answer");
	ok_eq(pred_eval_scans(ev), 4, "without a scan");
	set_str(&r, REQ_PATH, "/adm/zzz/a-path-longer-than-the-memo-keeps-of-any-value");
	pred_eval_begin(ev, &r);
	pred_match(ps->policies[0].where, ev);
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "a long value matches");
	ok_eq(pred_eval_scans(ev), 6, "and is scanned every time");
	pred_eval_free(ev);
	policy_set_free(ps);

	cheap = load_where("{\"all\": [{\"field\": \"path\", \"regex\": \"adm\"}, {\"field\": "
			   "\"method\", \"eq\": \"POST\"}]}", 0);
	ev = pred_eval_new(cheap->regexes);
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(cheap->policies[0].where, ev), 0, "GET is not POST");
	ok_eq(pred_eval_scans(ev), 0, "the cheap leaf ran first and spared the scan");
	r.present &= ~REQ_BIT(REQ_PATH);
	pred_eval_begin(ev, &r);
	pred_match(cheap->policies[0].where, ev);
	ok_eq(pred_eval_scans(ev), 0, "an absent field is never scanned");
	pred_eval_free(ev);
	policy_set_free(cheap);
}

static void test_pcre_limits(void)
{
	/* Exponential backtracking, with a look-ahead so only PCRE2 takes it. */
	struct policy_set *ps = load_where("{\"field\": \"path\", \"regex\": \"^(?=a)(a|aa)+$\"}",
					   0);
	char subject[64];
	struct request_record r = { .present = 0 };
	struct pred_eval *ev;

	if (!ok(ps != NULL, "catastrophic pattern loads"))
		return;
	memset(subject, 'a', sizeof(subject) - 2);
	subject[sizeof(subject) - 2] = 'c';
	subject[sizeof(subject) - 1] = '\0';
	set_str(&r, REQ_PATH, subject);
	ev = pred_eval_new(ps->regexes);
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 0, "pathological subject does not match");
	ok_eq(pred_eval_regex_errors(ev), 1, "and PCRE2 gave up at its match limit, counted");
	pred_eval_free(ev);
	policy_set_free(ps);
}

int main(void)
{
	test_leaves();
	test_exists_and_combinators();
	test_empty_and_ipv6();
	test_regex_paths();
	test_scan_once();
	test_pcre_limits();
	return tap_done();
}
