// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Predicates: every operator on every field type it applies to, absent
 * fields (false for everything but exists, so ne and not never turn missing
 * data into a match), combinators, and the two regex paths: Hyperscan and
 * the PCRE2 fallback must agree on every pattern and subject, and a field
 * is scanned at most once per record. Method leaves naming known methods
 * compare the record's method id, and answer what the text would.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/hash.h"
#include "engine/policy.h"
#include "engine/pred_memo.h"
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

/*
 * Method eq, ne and in: against the text compare, for records with known
 * methods (compared by id), unknown ones and a lowercase one (by text), and
 * lists with an unknown method in them (by text).
 */
static void test_method_ids(void)
{
	static const char *const methods[] = { "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
					       "OPTIONS", "FOO", "post" };
	const size_t nm = sizeof(methods) / sizeof(methods[0]);
	struct request_record r;
	char json[256];
	int wrong = 0, checked = 0;

	full_record(&r);
	for (size_t rec = 0; rec < nm; rec++) {
		req_set_method(&r, methods[rec], (uint32_t)strlen(methods[rec]));
		for (size_t a = 0; a < nm; a++)
			for (size_t b = 0; b < nm; b++) {
				bool eq = !strcmp(methods[rec], methods[a]);
				bool in = eq || !strcmp(methods[rec], methods[b]);

				snprintf(json, sizeof(json),
					 "{\"field\": \"method\", \"in\": [\"%s\", \"%s\"]}",
					 methods[a], methods[b]);
				wrong += eval(json, &r, 0) != in;
				snprintf(json, sizeof(json), "{\"field\": \"method\", \"%s\": \"%s\"}",
					 b % 2 ? "ne" : "eq", methods[a]);
				wrong += eval(json, &r, 0) != (b % 2 ? !eq : eq);
				checked += 2;
			}
	}
	ok(wrong == 0, "method eq, ne, in: %d of %d leaves answer as the text would", checked - wrong,
	   checked);
	req_set_method(&r, "POST", 4);
	r.method = HTTP_METHOD_GET; /* id and text disagree: the id is what a known method answers by */
	ok_eq(eval("{\"field\": \"method\", \"eq\": \"GET\"}", &r, 0), 1,
	      "a leaf of known methods reads the id");
	ok_eq(eval("{\"field\": \"method\", \"in\": [\"GET\", \"FOO\"]}", &r, 0), 0,
	      "a list with an unknown method reads the text");
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

/*
 * referer_query, computed from the Referer: the query of the page that sent
 * the request, so a policy can read a payload carried there with its query
 * pattern. Absent without a Referer or without a '?' in it.
 */
static void test_referer_query(void)
{
	static const struct {
		const char *referer; /* NULL: none */
		const char *want;    /* NULL: absent */
	} cases[] = {
		{ "https://example.com/login?user[$ne]=x&pass=1", "user[$ne]=x&pass=1" },
		{ "https://example.com/?q=a#frag?x", "q=a" },
		{ "https://example.com/?", "" },
		{ "gopher://127.0.0.1:6379/_INFO?x=1", "x=1" },
		{ "https://example.com/page", NULL },
		{ "https://example.com/#top?x=1", NULL }, /* a '?' in the fragment */
		{ NULL, NULL },
	};
	struct request_record r;
	struct json_object *json;
	struct gh_str v;
	char what[160];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		full_record(&r);
		r.present &= ~REQ_BIT(REQ_REFERER);
		if (cases[i].referer)
			set_str(&r, REQ_REFERER, cases[i].referer);
		snprintf(what, sizeof(what), "referer_query of %s",
			 cases[i].referer ? cases[i].referer : "(none)");
		ok_eq(req_has(&r, REQ_REFERER_QUERY), cases[i].want != NULL, what);
		if (cases[i].want)
			ok(req_get_str(&r, REQ_REFERER_QUERY, &v) && v.len == strlen(cases[i].want) &&
				   !memcmp(v.p, cases[i].want, v.len),
			   "its value");
		ok_eq(eval("{\"field\": \"referer_query\", \"exists\": true}", &r, 0),
		      cases[i].want != NULL, "exists says so");
	}
	full_record(&r);
	set_str(&r, REQ_REFERER, "https://shop.example/?filter=%7B%22%24where%22%3A%22sleep(1)%22%7D&t=a+b");
	ok_eq(eval("{\"field\": \"referer_query\", \"transform\": [\"url_decode\"], \"contains\": "
		   "\"t=a b\"}", &r, 0), 1, "a form's + is a space there too, as in the query");
	ok_eq(eval("{\"field\": \"referer_query\", \"transform\": [\"url_decode\"], "
		   "\"regex\": \"^filter=\\\\{\\\"\\\\$where\\\"\"}", &r, 0),
	      1, "a query pattern reads it, transformed like the query");
	json = request_to_json(&r);
	ok(json && !json_object_object_get_ex(json, "referer_query", NULL),
	   "the record's JSON leaves it out (the Referer is there)");
	json_object_put(json);
}

/*
 * page_referer, computed from the Referer and the Host: the one definition
 * of "came from a page of this site" that policies and CRS's no_referer
 * sign share. Present in every record, so eq false holds without a Referer.
 */
static void test_page_referer(void)
{
	static const struct {
		const char *referer; /* NULL: none */
		const char *host;    /* NULL: the record has no Host (most logs) */
		int want;
	} cases[] = {
		{ "https://example.com/", "example.com", 1 },
		{ "http://EXAMPLE.com/cart?x=1", "example.com", 1 },
		{ "https://example.com/search?q=a%20b", NULL, 1 },
		{ "https://other.example/", NULL, 1 },	      /* any site when Host is unknown */
		{ "https://other.example/", "example.com", 0 }, /* another site's page */
		{ "http://example.com:8080/app", "example.com", 1 }, /* a log's Host has no port */
		{ "https://example.com/", "example.com:8443", 1 },
		{ "https://www.example.com/", "example.com", 1 },    /* %v: the ServerName */
		{ "https://example.com/", "shop.example.com", 1 },
		{ "https://badexample.com/", "example.com", 0 },     /* ends so, no dot */
		{ "https://example.com.evil.example/", "example.com", 0 },
		{ "http://[2001:db8::1]:8080/", "[2001:db8::1]", 1 },
		{ "http://[2001:db8::1]/", "[2001:db8::2]", 0 },
		{ "https://example.com", "example.com", 0 },    /* a bare origin: a tool's */
		{ "https:///x", NULL, 0 },			      /* no host */
		{ "http://1'union(select(password)from(users))--'/shop", NULL, 0 }, /* no browser's host */
		{ "https://user@example.com/", NULL, 0 },	      /* browsers drop user-info */
		{ "https://example.com/#top", NULL, 0 },	      /* browsers leave the fragment out */
		{ "https://example.com/a b", NULL, 0 },	      /* browsers encode a space */
		{ "https://example.com/?q=\"1\"<x>", NULL, 0 },
		{ "https://example.com/\x7f", NULL, 0 },
		{ "android-app://com.google.android.gm/", NULL, 0 },
		{ "-x", NULL, 0 },
		{ NULL, NULL, 0 },
	};
	struct request_record r;
	struct json_object *json;
	char what[160];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		full_record(&r);
		r.present &= ~(REQ_BIT(REQ_REFERER) | REQ_BIT(REQ_HOST));
		if (cases[i].referer)
			set_str(&r, REQ_REFERER, cases[i].referer);
		if (cases[i].host)
			set_str(&r, REQ_HOST, cases[i].host);
		snprintf(what, sizeof(what), "page_referer of %s with Host %s",
			 cases[i].referer ? cases[i].referer : "(none)",
			 cases[i].host ? cases[i].host : "(none)");
		ok_eq(eval("{\"field\": \"page_referer\", \"eq\": true}", &r, 0), cases[i].want,
		      what);
		ok_eq(eval("{\"field\": \"page_referer\", \"eq\": false}", &r, 0),
		      !cases[i].want, "and eq false its opposite");
	}
	json = request_to_json(&r);
	ok(json && !json_object_object_get_ex(json, "page_referer", NULL),
	   "the record's JSON leaves the computed field out");
	json_object_put(json);
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

/*
 * A field's patterns are compiled together before any is asked about alone:
 * one Hyperscan refuses must not take the others off Hyperscan (the compile
 * is tried again without it), and each still answers.
 */
static void test_refused_beside_accepted(void)
{
	const char *where = "{\"any\": [{\"field\": \"path\", \"regex\": \"^/login\"}, "
			    "{\"field\": \"path\", \"regex\": \"(a)\\\\1\"}, "
			    "{\"field\": \"path\", \"iregex\": \"admin|wp-\"}]}";
	static const char *const paths[] = { "/login", "/xaax", "/WP-json", "/home" };
	static const bool want[] = { true, true, true, false };
	struct policy_set *ps = load_where(where, 0);
	struct pred_eval *ev;

	if (!ok(ps != NULL, "three patterns on one field load, one of them Hyperscan refuses"))
		return;
	ok(regex_uses_hyperscan(ps->regexes, 0) && regex_uses_hyperscan(ps->regexes, 2),
	   "the two Hyperscan takes stay on Hyperscan");
	ok(!regex_uses_hyperscan(ps->regexes, 1), "the back-reference goes to PCRE2");
	ev = pred_eval_new(ps->regexes);
	for (size_t i = 0; ev && i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct request_record r = { .present = 0 };

		set_str(&r, REQ_PATH, paths[i]);
		pred_eval_begin(ev, &r);
		ok_eq(pred_match(ps->policies[0].where, ev), want[i], "%s: %s", paths[i],
		      want[i] ? "matches" : "no match");
	}
	pred_eval_free(ev);
	policy_set_free(ps);
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
	char huge[PRED_MEMO_LONG + 1];

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
	set_str(&r, REQ_PATH, "/adm/zzz/a-path-longer-than-the-short-tier-keeps-such-as-a-user-agent");
	pred_eval_begin(ev, &r);
	pred_match(ps->policies[0].where, ev);
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "a longer value matches");
	ok_eq(pred_eval_scans(ev), 5, "and is remembered by the long tier");
	set_str(&r, REQ_PATH, "/y/a-path-longer-than-the-short-tier-keeps-such-as-a-user-agent");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 0,
	      "a value of the same length, other bytes, does not borrow its answer");
	ok_eq(pred_eval_scans(ev), 6, "it is scanned");
	memset(huge, 'a', sizeof(huge));
	memcpy(huge, "/adm/zzz/", 9);
	r.path = (struct gh_str){ huge, sizeof(huge) };
	pred_eval_begin(ev, &r);
	pred_match(ps->policies[0].where, ev);
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "a value past the long tier matches");
	ok_eq(pred_eval_scans(ev), 8, "and is scanned every time");
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

/* Both paths (Hyperscan and PCRE2 only) must give want on r. */
/*
 * The tag byte kept with a field's value beside its scan results (the CRS
 * prefilter's answer rides on it): one owner, reset for a new value, kept
 * for a remembered one, none for a field without patterns or absent.
 */
static void test_value_tag(void)
{
	struct policy_set *ps = load_where("{\"field\": \"path\", \"regex\": \"adm\"}", 0);
	struct request_record r;
	struct pred_eval *ev;
	int owner, other;
	uint8_t *tag;

	full_record(&r);
	if (!ok(ps != NULL, "a pattern over the path loads"))
		return;
	ev = pred_eval_new(ps->regexes);
	pred_eval_begin(ev, &r);
	tag = pred_eval_value_tag(ev, REQ_PATH, &owner);
	ok(tag && *tag == 0, "a value first seen: tag 0");
	ok_eq(pred_eval_scans(ev), 0, "asking scans nothing");
	if (tag)
		*tag = 5;
	ok(pred_eval_value_tag(ev, REQ_PATH, &other) == NULL, "another owner gets none");
	ok(pred_eval_value_tag(ev, REQ_USER_AGENT, &owner) == NULL,
	   "a field without patterns has none");
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "the path matches");
	ok_eq(pred_eval_scans(ev), 1, "scanned once");
	set_str(&r, REQ_PATH, "/other");
	pred_eval_begin(ev, &r);
	tag = pred_eval_value_tag(ev, REQ_PATH, &owner);
	ok(tag && *tag == 0, "another value: its own tag, 0");
	set_str(&r, REQ_PATH, "/admin/login.php");
	pred_eval_begin(ev, &r);
	tag = pred_eval_value_tag(ev, REQ_PATH, &owner);
	ok(tag && *tag == 5, "the first value again: the tag it was given");
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "and the same answer");
	ok_eq(pred_eval_scans(ev), 1, "from the memo, not scanned");
	r.present &= ~REQ_BIT(REQ_PATH);
	pred_eval_begin(ev, &r);
	ok(pred_eval_value_tag(ev, REQ_PATH, &owner) == NULL, "an absent field has none");
	pred_eval_free(ev);
	policy_set_free(ps);
}

/* Whether pattern id is among this record's hits. */
static bool hit(struct pred_eval *ev, int id)
{
	const int *ids;
	size_t n = pred_eval_hits(ev, &ids);

	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/*
 * A plan (the engine's gates) runs every pass it names: the raw and the
 * decoded path share one memo entry, learnt pass by pass; a repeated
 * value costs no scan; a pattern only PCRE2 takes is run on its own.
 */
static void test_plan(void)
{
	struct policy_set *ps = load_where(
		"{\"any\": [{\"field\": \"path\", \"regex\": \"adm\"}, {\"field\": \"path\", "
		"\"transform\": [\"url_decode\"], \"regex\": \"zzz\"}, {\"field\": \"query\", "
		"\"regex\": \"(a)\\\\1\"}]}",
		0);
	int ids[3] = { 0, 1, 2 };
	struct request_record r;
	struct pred_eval *ev;

	if (!ok(ps != NULL && regex_set_count(ps->regexes) == 3, "three patterns load"))
		return;
	ok(!regex_uses_hyperscan(ps->regexes, 2), "the back-reference is PCRE2's");
	ev = pred_eval_new(ps->regexes);
	ok_eq(pred_eval_plan(ev, ids, 3), 0, "planned");
	full_record(&r);
	set_str(&r, REQ_PATH, "/adm/%7Azz");
	set_str(&r, REQ_QUERY, "x=aa");
	pred_eval_begin(ev, &r);
	pred_eval_run_plan(ev);
	ok(hit(ev, 0) && hit(ev, 1) && hit(ev, 2), "all three match: raw, decoded, PCRE2");
	ok_eq(pred_eval_scans(ev), 3, "two passes over the path, one PCRE2 match");
	pred_eval_begin(ev, &r);
	pred_eval_run_plan(ev);
	ok(hit(ev, 0) && hit(ev, 1) && hit(ev, 2), "the same record: the same hits");
	ok_eq(pred_eval_scans(ev), 4, "the path from its memo entry (both passes), PCRE2 again");
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "the policy reads the planned hits");
	ok_eq(pred_eval_scans(ev), 4, "without scanning");
	set_str(&r, REQ_PATH, "/x");
	set_str(&r, REQ_QUERY, "x=ab");
	pred_eval_begin(ev, &r);
	pred_eval_run_plan(ev);
	ok(!hit(ev, 0) && !hit(ev, 1) && !hit(ev, 2), "other values: no hits borrowed");
	r.present &= ~(REQ_BIT(REQ_PATH) | REQ_BIT(REQ_QUERY));
	pred_eval_begin(ev, &r);
	pred_eval_run_plan(ev);
	ok_eq(pred_eval_scans(ev), 7, "absent fields are not run");
	pred_eval_free(ev);
	policy_set_free(ps);
}

/* Field keys with the engine's seed: its group keys take the same hashes, the memos still work. */
static void test_seed(void)
{
	struct policy_set *ps = load_where("{\"field\": \"path\", \"regex\": \"adm\"}", 0);
	struct request_record r;
	struct pred_eval *ev;
	uint64_t dflt;

	full_record(&r);
	if (!ok(ps != NULL, "loads"))
		return;
	ev = pred_eval_new(ps->regexes);
	pred_eval_begin(ev, &r);
	dflt = pred_eval_key(ev, REQ_PATH);
	ok(dflt == pred_memo_hash(r.path), "by default a field's key is pred_memo_hash's");
	pred_eval_free(ev);
	ev = pred_eval_new(ps->regexes);
	pred_eval_seed(ev, 42);
	pred_eval_begin(ev, &r);
	ok(pred_eval_key(ev, REQ_PATH) == gh_hash_bytes(r.path.p, r.path.len, 42) &&
	   pred_eval_key(ev, REQ_PATH) != dflt, "seeded: the key is the seed's");
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "matches");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "and again");
	ok_eq(pred_eval_scans(ev), 1, "from the memo under the seeded key");
	pred_eval_free(ev);
	policy_set_free(ps);
}

/* The previous record's entry serves a repeated value, and never one of the same length. */
static void test_previous_value(void)
{
	struct policy_set *ps = load_where("{\"field\": \"path\", \"regex\": \"adm\"}", 0);
	struct request_record r;
	struct pred_eval *ev;

	full_record(&r);
	if (!ok(ps != NULL, "loads"))
		return;
	ev = pred_eval_new(ps->regexes);
	set_str(&r, REQ_PATH, "/adm/1");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "/adm/1 matches");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "again, from the previous entry");
	ok(pred_eval_key(ev, REQ_PATH) == pred_memo_hash(r.path), "with the value's own key");
	ok_eq(pred_eval_scans(ev), 1, "not scanned again");
	set_str(&r, REQ_PATH, "/xyz/1");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 0,
	      "/xyz/1, as long, does not borrow its answer");
	ok(pred_eval_key(ev, REQ_PATH) == pred_memo_hash(r.path), "nor its key");
	ok_eq(pred_eval_scans(ev), 2, "it is scanned");
	pred_eval_free(ev);
	policy_set_free(ps);
}

/*
 * Values a field had lately are found again without a scan, and values the
 * cheap index of recent ones confuses (same length and last bytes, or
 * shorter than eight bytes) still get their own answers and keys.
 */
static void test_recent_values(void)
{
	static const char *const paths[] = { "/adm/abcdefgh", "/xyz/abcdefgh", "/adm", "/ad",
					     "/xyz/abcdefgh", "/adm/abcdefgh", "/ad", "/adm" };
	struct policy_set *ps = load_where("{\"field\": \"path\", \"regex\": \"adm\"}", 0);
	struct request_record r;
	struct pred_eval *ev;
	int wrong = 0, keys = 0;

	full_record(&r);
	if (!ok(ps != NULL, "loads"))
		return;
	ev = pred_eval_new(ps->regexes);
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
			set_str(&r, REQ_PATH, paths[i]);
			pred_eval_begin(ev, &r);
			wrong += pred_match(ps->policies[0].where, ev) != !!strstr(paths[i], "adm");
			keys += pred_eval_key(ev, REQ_PATH) == pred_memo_hash(r.path);
		}
	ok_eq(wrong, 0, "alternating look-alike values: each its own answer");
	ok_eq(keys, 24, "and its own key");
	ok_eq(pred_eval_scans(ev), 4, "four values, four scans: the rest remembered");
	pred_eval_free(ev);
	policy_set_free(ps);
}

static void eval_both(const char *where, const struct request_record *r, int want,
		      const char *what)
{
	ok_eq(eval(where, r, 0), want, "%s (Hyperscan)", what);
	ok_eq(eval(where, r, REGEX_PCRE2_ONLY), want, "%s (PCRE2 only)", what);
}

/*
 * A field's patterns compile to one database: a small one reports every
 * match (a pattern seen again and again is still one hit), one with a
 * pattern that can match nothing is compiled single-match instead, and a
 * large one always is. Each gives PCRE2's answers.
 */
static void test_match_modes(void)
{
	struct request_record r;
	char where[4096];
	size_t n = 0;

	full_record(&r);
	set_str(&r, REQ_PATH, "/a/b/./././././././././././././././././x");
	eval_both("{\"all\": [{\"field\": \"path\", \"regex\": \"(?:\\\\./){4,}\"}, "
		  "{\"field\": \"path\", \"regex\": \"/a/b/\"}, "
		  "{\"field\": \"path\", \"regex\": \"\\\\./x$\"}]}",
		  &r, 1, "a small database: every pattern found though one reports 15 times");
	eval_both("{\"all\": [{\"field\": \"path\", \"regex\": \"(?:\\\\./){4,}\"}, "
		  "{\"field\": \"path\", \"regex\": \"/c/\"}]}",
		  &r, 0, "and a pattern that is not there is not");
	eval_both("{\"any\": [{\"field\": \"path\", \"regex\": \"z*\"}, "
		  "{\"field\": \"path\", \"regex\": \"/nowhere\"}]}",
		  &r, 1, "a pattern matching nothing matches every path (single-match database)");
	eval_both("{\"all\": [{\"field\": \"path\", \"regex\": \"z*\"}, "
		  "{\"field\": \"path\", \"regex\": \"/nowhere\"}]}",
		  &r, 0, "beside one that does not match");
	n += (size_t)snprintf(where + n, sizeof(where) - n, "{\"any\": [");
	for (int i = 0; i < 40; i++)
		n += (size_t)snprintf(where + n, sizeof(where) - n,
				      "%s{\"field\": \"path\", \"regex\": \"/p%d(?:\\\\./)+\"}",
				      i ? ", " : "", i);
	snprintf(where + n, sizeof(where) - n, "]}");
	set_str(&r, REQ_PATH, "/p39././././x");
	eval_both(where, &r, 1, "a database of 40 patterns (single-match) finds the last");
	set_str(&r, REQ_PATH, "/p40././././x");
	eval_both(where, &r, 0, "and not one it does not hold");
}

static void test_transforms(void)
{
	struct request_record r;

	full_record(&r);
	set_str(&r, REQ_QUERY, "id=1%2527%2520UNION%2509SeLeCt%2520pass");
	eval_both("{\"field\": \"query\", \"iregex\": \"union\\\\s+select\"}", &r, 0,
		  "the raw query hides a double-encoded union select");
	eval_both("{\"field\": \"query\", \"transform\": [\"url_decode\"], \"iregex\": "
		  "\"union\\\\s+select\"}", &r, 1, "url_decode reveals it to iregex");
	eval_both("{\"field\": \"query\", \"transform\": [\"url_decode\", \"lowercase\"], "
		  "\"regex\": \"union\\\\s+select\"}", &r, 1, "and lowercase to a plain regex");
	eval_both("{\"field\": \"query\", \"transform\": [\"url_decode\"], \"regex\": "
		  "\"union\\\\s+select\"}", &r, 0, "without lowercase SeLeCt is not select");
	eval_both("{\"field\": \"query\", \"transform\": [\"url_decode\", \"compress_whitespace\","
		  " \"lowercase\"], \"contains\": \"union select\"}", &r, 1,
		  "contains on the decoded, compressed, lowercased query");
	eval_both("{\"field\": \"query\", \"contains\": \"union select\"}", &r, 0,
		  "but not on the raw one");

	set_str(&r, REQ_PATH, "/static/%u002e%u002e/%2e%2e/etc//passwd");
	eval_both("{\"field\": \"path\", \"transform\": [\"url_decode_uni\", \"normalize_path\"], "
		  "\"eq\": \"/etc/passwd\"}", &r, 1, "eq after url_decode_uni and normalize_path");
	eval_both("{\"field\": \"path\", \"transform\": [\"url_decode\", \"normalize_path\"], "
		  "\"eq\": \"/etc/passwd\"}", &r, 0, "url_decode leaves %u002e alone");
	eval_both("{\"field\": \"path\", \"transform\": [\"url_decode_uni\"], \"phrases\": "
		  "[\"../../ETC\"]}", &r, 1, "phrases over a transformed path");
	eval_both("{\"field\": \"path\", \"transform\": [\"url_decode_uni\"], \"in\": "
		  "[\"/x\", \"/static/../../etc//passwd\"]}", &r, 1, "in over a transformed path");
	eval_both("{\"field\": \"path\", \"transform\": [\"url_decode\"], \"prefix\": "
		  "\"/static/%u\"}", &r, 1, "prefix over a transformed path");

	set_str(&r, REQ_USER_AGENT, "x&#x3c;ScRiPt&gt;");
	eval_both("{\"field\": \"user_agent\", \"transform\": [\"html_entity_decode\"], "
		  "\"iregex\": \"<script>\"}", &r, 1, "html_entity_decode before iregex");
	eval_both("{\"not\": {\"field\": \"user_agent\", \"transform\": [\"html_entity_decode\"], "
		  "\"suffix\": \"&gt;\"}}", &r, 1, "not of a transformed leaf");
	r.present &= ~REQ_BIT(REQ_USER_AGENT);
	eval_both("{\"field\": \"user_agent\", \"transform\": [\"lowercase\"], \"ne\": \"x\"}", &r,
		  0, "a transformed leaf over an absent field is false");
}

/* "a+b" and "a.b" must be literal; "(hydra)" keeps its parentheses. */
#define PHRASES "[\"SQLMap\", \"a.b\", \"(hydra)\", \"x+y\", \"\\\\d\", \"^nikto\"]"

static void test_phrases(void)
{
	static const struct {
		const char *ua;
		int want;
	} uas[] = {
		{ "Mozilla/5.0 sqlmap/1.7", 1 }, { "SQLMAP", 1 }, { "sqlma", 0 },
		{ "a.b", 1 }, { "axb", 0 }, { "(HYDRA) v9", 1 }, { "hydra", 0 },
		{ "x+y", 1 }, { "xxy", 0 }, { "\\d", 1 }, { "7", 0 },
		{ "Nikto ^nikto", 1 }, { "nikto/2.5", 0 }, { "", 0 },
	};
	struct request_record r;
	char msg[128];

	full_record(&r);
	for (size_t i = 0; i < sizeof(uas) / sizeof(uas[0]); i++) {
		set_str(&r, REQ_USER_AGENT, uas[i].ua);
		snprintf(msg, sizeof(msg), "phrases on \"%s\"", uas[i].ua);
		eval_both("{\"field\": \"user_agent\", \"phrases\": " PHRASES "}", &r, uas[i].want,
			  msg);
	}
	set_str(&r, REQ_USER_AGENT, "curl/8 sqlmap");
	eval_both("{\"all\": [{\"field\": \"user_agent\", \"phrases\": [\"sqlmap\"]}, {\"field\": "
		  "\"user_agent\", \"regex\": \"^curl\"}]}", &r, 1,
		  "a list and a regex over the same field");
	r.present &= ~REQ_BIT(REQ_USER_AGENT);
	eval_both("{\"field\": \"user_agent\", \"phrases\": [\"sqlmap\"]}", &r, 0,
		  "phrases on an absent field");
}

/* dir/t.json and dir/lists/ua.data: the list is named relative to the policy's directory. */
static void test_phrases_file(void)
{
	char dir[] = "/tmp/gh-test-phrases-XXXXXX", path[256], json[1024];
	const char *list = "# scanners, by hand\n\n  \t\r\n"
			   "  Nikto  \r\n"
			   "#sqlmap is commented out\n"
			   "a[b]*c\n"
			   "no # comment here\n";
	struct policy_set *ps = NULL;
	struct request_record r;
	struct pred_eval *ev;
	FILE *f;

	if (!ok(mkdtemp(dir) != NULL, "a scratch directory"))
		return;
	snprintf(path, sizeof(path), "%s/lists", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/lists/ua.data", dir);
	f = fopen(path, "w");
	fputs(list, f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/t.json", dir);
	snprintf(json, sizeof(json),
		 "{\"name\":\"t\",\"description\":\"d\",\"kind\":\"match\",\"where\":{\"any\":["
		 "{\"field\":\"user_agent\",\"phrases_file\":\"lists/ua.data\"},"
		 "{\"field\":\"referer\",\"phrases_file\":\"%s/lists/ua.data\"}]},"
		 "\"action\":{\"type\":\"alert\"}}", dir);
	ok_eq(policy_set_parse(path, json, strlen(json), 0, &rep, &ps), 0,
	      "a relative and an absolute list file load");
	if (ps) {
		static const struct {
			const char *ua;
			int want;
		} uas[] = { { "x NIKTO/2", 1 }, { "sqlmap", 0 }, { "#sqlmap", 0 },
			    { "A[B]*C", 1 }, { "abc", 0 }, { "x no # comment here", 1 },
			    { "# scanners", 0 } };

		ok_eq(regex_set_count(ps->regexes), 2, "one list for each field");
		ev = pred_eval_new(ps->regexes);
		full_record(&r);
		r.present &= ~REQ_BIT(REQ_REFERER);
		for (size_t i = 0; i < sizeof(uas) / sizeof(uas[0]); i++) {
			set_str(&r, REQ_USER_AGENT, uas[i].ua);
			pred_eval_begin(ev, &r);
			ok_eq(pred_match(ps->policies[0].where, ev), uas[i].want,
			      "list file on \"%s\"", uas[i].ua);
		}
		pred_eval_free(ev);
		policy_set_free(ps);
	}
	snprintf(path, sizeof(path), "%s/lists/ua.data", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/lists", dir);
	rmdir(path);
	rmdir(dir);
}

static void test_transform_cache(void)
{
	const char *where =
		"{\"any\": [{\"field\": \"query\", \"transform\": [\"url_decode\"], \"regex\": "
		"\"zzz\"}, {\"field\": \"query\", \"transform\": [\"url_decode\"], \"phrases\": "
		"[\"yyy\"]}, {\"field\": \"query\", \"transform\": [\"url_decode\"], \"contains\": "
		"\"xxx\"}, {\"field\": \"query\", \"regex\": \"www\"}]}";
	struct policy_set *ps = load_where(where, 0), *two;
	struct request_record r;
	struct pred_eval *ev;

	full_record(&r);
	if (!ok(ps != NULL, "three leaves over one (field, transform) load"))
		return;
	ok(regex_uses_hyperscan(ps->regexes, 0) && regex_uses_hyperscan(ps->regexes, 1),
	   "the regex and the list over it are both in Hyperscan");
	ev = pred_eval_new(ps->regexes);
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 0, "nothing matches");
	ok_eq(pred_eval_transforms(ev), 1, "the decoded query is computed once for three leaves");
	ok_eq(pred_eval_scans(ev), 2, "one scan for the regex and the list, one for the raw query");
	set_str(&r, REQ_QUERY, "a=%79yy");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "the list matches the decoded yyy");
	ok_eq(pred_eval_transforms(ev), 2, "once more for the next record");
	pred_eval_begin(ev, &r);
	pred_match(ps->policies[0].where, ev);
	ok_eq(pred_eval_scans(ev), 4, "a repeated decoded value comes from the memo");
	pred_eval_free(ev);
	policy_set_free(ps);

	two = load_where("{\"all\": [{\"field\": \"query\", \"transform\": [\"url_decode\"], "
			 "\"contains\": \"1\"}, {\"field\": \"query\", \"transform\": "
			 "[\"url_decode\", \"lowercase\"], \"contains\": \"or\"}, {\"field\": "
			 "\"path\", \"prefix\": \"/admin\"}]}", 0);
	if (!ok(two != NULL, "two chains over one field load"))
		return;
	ev = pred_eval_new(two->regexes);
	full_record(&r);
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(two->policies[0].where, ev), 1, "decoded \"1' OR 1=1\" has 1 and or");
	ok_eq(pred_eval_transforms(ev), 2, "each chain computed once");
	set_str(&r, REQ_PATH, "/public");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(two->policies[0].where, ev), 0, "a path outside /admin");
	ok_eq(pred_eval_transforms(ev), 2, "is decided before any transform runs");
	pred_eval_free(ev);
	policy_set_free(two);
}

/* A transformed subject's scan is remembered by the field's own value: a repeat costs no transform. */
static void test_transform_memo(void)
{
	struct policy_set *ps = load_where("{\"field\": \"query\", \"transform\": "
					   "[\"url_decode\"], \"regex\": \"zzz\"}", 0);
	struct request_record r;
	struct pred_eval *ev;

	if (!ok(ps != NULL && regex_uses_hyperscan(ps->regexes, 0), "a decoded-query pattern loads"))
		return;
	ev = pred_eval_new(ps->regexes);
	full_record(&r);
	set_str(&r, REQ_QUERY, "a=%7Azz");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "a=%%7Azz decodes to a=zzz");
	ok_eq(pred_eval_transforms(ev), 1, "decoded for the scan");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "the same query matches again");
	ok(pred_eval_transforms(ev) == 1 && pred_eval_scans(ev) == 1,
	   "from the memo: neither decoded nor scanned");
	set_str(&r, REQ_QUERY, "a=%79yy");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 0, "another query does not borrow the answer");
	set_str(&r, REQ_QUERY, "a=zzz");
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "the decoded value sent plain matches");
	ok_eq(pred_eval_transforms(ev), 3, "another raw value: decoded and scanned");
	pred_eval_free(ev);
	policy_set_free(ps);
}

/* Two chains over a 150000-byte query: the second fits only in part, and says so. */
static void test_transform_scratch(void)
{
	struct policy_set *ps = load_where(
		"{\"all\": [{\"field\": \"query\", \"transform\": [\"lowercase\"], \"suffix\": "
		"\"end\"}, {\"field\": \"query\", \"transform\": [\"remove_nulls\"], \"contains\": "
		"\"END\"}]}", 0);
	size_t len = 150000;
	char *q = malloc(len + 1);
	struct request_record r = { .present = 0 };
	struct pred_eval *ev;

	if (!ok(ps && q, "two chains over one field load")) {
		policy_set_free(ps);
		free(q);
		return;
	}
	memset(q, 'x', len);
	memcpy(q + len - 3, "END", 4);
	set_str(&r, REQ_QUERY, q);
	ev = pred_eval_new(ps->regexes);
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 0,
	      "the second value is cut at the scratch buffer's end, so END is not in it");
	ok_eq(pred_eval_regex_errors(ev), 1, "and the cut is counted");
	q[10] = 'E', q[11] = 'N', q[12] = 'D';
	pred_eval_begin(ev, &r);
	ok_eq(pred_match(ps->policies[0].where, ev), 1, "what fits is still matched");
	ok(q[len - 1] == 'D' && q[10] == 'E', "the record's own bytes are untouched");
	pred_eval_free(ev);
	policy_set_free(ps);
	free(q);
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
	test_method_ids();
	test_exists_and_combinators();
	test_empty_and_ipv6();
	test_page_referer();
	test_referer_query();
	test_regex_paths();
	test_refused_beside_accepted();
	test_scan_once();
	test_value_tag();
	test_plan();
	test_seed();
	test_previous_value();
	test_recent_values();
	test_pcre_limits();
	test_transforms();
	test_match_modes();
	test_phrases();
	test_phrases_file();
	test_transform_cache();
	test_transform_memo();
	test_transform_scratch();
	return tap_done();
}
