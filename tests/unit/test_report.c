// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Report tallies (engine/report.c): --by keys parsed and refused, records
 * grouped by fields and derived keys (path/N, src_ip/N[/M], status_class,
 * hour, ext), absent values a group of their own, --where matches counted
 * with their share and distinct sources, the group and source-pair caps,
 * and the three sorts with ties broken by key. Also the standalone
 * predicate parser --where uses (policy_pred_parse).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/policy.h"
#include "engine/report.h"
#include "tap.h"

#define S 1000000000ULL

static char last_msg[1024];

static void keep_msg(void *ctx, const char *msg)
{
	(void)ctx;
	snprintf(last_msg, sizeof(last_msg), "%s", msg);
}

static const struct policy_report rep = { keep_msg, NULL };

static int parse_where(const char *text, struct policy_set **holder, const struct pred **out)
{
	return policy_pred_parse("--where", text, strlen(text), &rep, holder, out);
}

/* A record of a host, path, scheme, source and status (NULL/0: absent). */
static struct request_record rec(const char *host, const char *path, const char *scheme,
				 const char *src, unsigned int status)
{
	struct request_record r = { .present = REQ_BIT(REQ_TS), .ts_ns = 1700000000ULL * S };

	if (host)
		req_set_str(&r, REQ_HOST, &r.host, host, (uint32_t)strlen(host));
	if (path)
		req_set_str(&r, REQ_PATH, &r.path, path, (uint32_t)strlen(path));
	if (scheme)
		req_set_str(&r, REQ_SCHEME, &r.scheme, scheme, (uint32_t)strlen(scheme));
	if (src && !gh_addr_parse(src, &r.src))
		r.present |= REQ_BIT(REQ_SRC_IP);
	if (status) {
		r.status = (uint16_t)status;
		r.present |= REQ_BIT(REQ_STATUS);
	}
	return r;
}

/* Options grouping by a comma-separated key list. */
static struct report_opts by(const char *keys)
{
	struct report_opts o = { .n_keys = 0 };
	char buf[256], *save, *k;
	struct gh_err err = { 0 };

	snprintf(buf, sizeof(buf), "%s", keys);
	for (k = strtok_r(buf, ",", &save); k; k = strtok_r(NULL, ",", &save))
		if (report_key_parse(k, &o.keys[o.n_keys++], &err))
			tap_diag("bad key %s: %s", k, err.msg);
	return o;
}

/* "v1|v2|..." of a group's key ("-" for absent). */
static const char *key_text(const struct report *r, const struct report_group *g,
			    unsigned int n)
{
	static char out[512];
	char buf[REPORT_VALUE_BUF];
	struct gh_str s;
	size_t used = 0;

	out[0] = '\0';
	for (unsigned int i = 0; i < n; i++) {
		bool has = report_group_key(r, g, i, buf, &s);

		used += (size_t)snprintf(out + used, sizeof(out) - used, "%s%.*s", i ? "|" : "",
					 has ? (int)s.len : 1, has ? s.p : "-");
	}
	return out;
}

/* The sorted groups as "key=requests/matching" joined by spaces. */
static const char *rows_text(struct report *r, enum report_sort sort, unsigned int n_keys)
{
	static char out[2048];
	const struct report_group *const *rows;
	size_t n, used = 0;

	out[0] = '\0';
	if (report_sort(r, sort, &rows, &n))
		return "(sort failed)";
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(out + used, sizeof(out) - used, "%s%s=%llu/%llu",
					 i ? " " : "", key_text(r, rows[i], n_keys),
					 (unsigned long long)rows[i]->c.requests,
					 (unsigned long long)rows[i]->c.matching);
	return out;
}

/* The group whose key text is want, or NULL. */
static const struct report_group *group_of(struct report *r, const char *want, unsigned int n_keys)
{
	const struct report_group *const *rows;
	size_t n;

	if (report_sort(r, REPORT_SORT_REQUESTS, &rows, &n))
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(key_text(r, rows[i], n_keys), want))
			return rows[i];
	return NULL;
}

static void test_key_parse(void)
{
	struct gh_err err = { 0 };
	struct report_key k;

	ok(!report_key_parse("host", &k, &err) && k.kind == REPORT_KEY_FIELD &&
		   k.field == REQ_HOST,
	   "host is the host field");
	ok(!report_key_parse("path/2", &k, &err) && k.kind == REPORT_KEY_PATH_PREFIX && k.n == 2,
	   "path/2: two segments");
	ok(!report_key_parse("src_ip/24", &k, &err) && k.kind == REPORT_KEY_ADDR_PREFIX &&
		   k.n == 24 && k.n6 == 64,
	   "src_ip/24: IPv4 /24, IPv6 /64 by default");
	ok(!report_key_parse("dst_ip/16/48", &k, &err) && k.field == REQ_DST_IP && k.n == 16 &&
		   k.n6 == 48,
	   "dst_ip/16/48: both lengths");
	ok(!report_key_parse("status_class", &k, &err) && k.kind == REPORT_KEY_STATUS_CLASS,
	   "status_class");
	ok(!report_key_parse("hour", &k, &err) && k.kind == REPORT_KEY_HOUR &&
		   report_key_value_type(&k) == REPORT_VALUE_NUM,
	   "hour, written as a number");
	ok(!report_key_parse("ext", &k, &err) && k.kind == REPORT_KEY_EXT, "ext");
	ok(!report_key_parse("status", &k, &err) && report_key_value_type(&k) == REPORT_VALUE_NUM,
	   "status is numeric");
	ok(!report_key_parse("has_cookie", &k, &err) &&
		   report_key_value_type(&k) == REPORT_VALUE_BOOL,
	   "has_cookie is a boolean");
	ok(!report_key_parse("src_ip", &k, &err) && report_key_value_type(&k) == REPORT_VALUE_STR,
	   "src_ip is written as text");

	ok_eq(report_key_parse("hots", &k, &err), -EINVAL, "an unknown name is refused");
	ok(err.input && strstr(err.msg, "--by hots: unknown key") &&
		   strstr(err.msg, "user_agent") && strstr(err.msg, "status_class") &&
		   strstr(err.msg, "path/N"),
	   "naming it and listing fields and derived keys (%s)", err.msg);
	ok_eq(report_key_parse("path/0", &k, &err), -EINVAL, "path/0 is refused");
	ok_eq(report_key_parse("path/65", &k, &err), -EINVAL, "path/65 is refused");
	ok_eq(report_key_parse("path/x", &k, &err), -EINVAL, "path/x is refused");
	ok_eq(report_key_parse("src_ip/33", &k, &err), -EINVAL, "src_ip/33 is refused");
	ok_eq(report_key_parse("src_ip/24/129", &k, &err), -EINVAL, "an IPv6 /129 is refused");
	ok(strstr(err.msg, "prefix lengths") != NULL, "saying what lengths fit");
	ok_eq(report_key_parse("host/1", &k, &err), -EINVAL, "host/1 is no key");
	ok_eq(report_key_parse("", &k, &err), -EINVAL, "an empty key is refused");
	ok_eq(report_key_parse("a_very_long_key_name_beyond_the_limit", &k, &err), -EINVAL,
	      "a key name past the limit is refused");
}

static void test_grouping(void)
{
	struct report_opts o = by("host,path/1");
	struct report *r = report_new(&o, &(struct gh_err){ 0 });
	struct request_record recs[] = {
		rec("a.example", "/shop/cart/x", "http", "203.0.113.1", 200),
		rec("a.example", "/shop", "http", "203.0.113.2", 200),
		rec("a.example", "/shop/", "https", "203.0.113.1", 200),
		rec("b.example", "/shop/cart", "https", "203.0.113.1", 200),
		rec("a.example", "/", "https", "203.0.113.3", 200),
		rec(NULL, "/blog/1", "https", NULL, 200),
	};
	struct report_totals t;
	const struct report_group *g;

	for (size_t i = 0; i < sizeof(recs) / sizeof(recs[0]); i++)
		ok_eq(report_add(r, &recs[i]), 0, "record %zu counted", i);
	ok_str(rows_text(r, REPORT_SORT_REQUESTS, 2),
	       "a.example|/shop=3/0 -|/blog=1/0 a.example|/=1/0 b.example|/shop=1/0",
	       "grouped by host and first segment; ties by key, absent first");
	g = group_of(r, "a.example|/shop", 2);
	ok(g && g->c.sources == 2, "/shop/cart/x, /shop and /shop/ share a group of 2 sources");
	g = group_of(r, "-|/blog", 2);
	ok(g && g->c.sources == 0, "a record without a source counts none");
	report_totals(r, &t);
	ok_eq(t.all.requests, 6, "every record in the total");
	ok_eq(t.all.sources, 3, "three distinct sources in all");
	ok_eq(t.groups, 4, "four groups");
	ok(!t.overflow, "no overflow");
	g = group_of(r, "a.example|/shop", 2);
	ok(g && report_share(r, &g->c) == 0.5, "share without where: 3 of 6 requests");
	report_free(r);
}

/* The one-key value a record gets (key text), through a fresh report. */
static const char *value_of(const char *key, const struct request_record *x)
{
	static char out[512];
	struct report_opts o = by(key);
	struct report *r = report_new(&o, &(struct gh_err){ 0 });
	const struct report_group *const *rows;
	size_t n;

	report_add(r, x);
	report_sort(r, REPORT_SORT_REQUESTS, &rows, &n);
	snprintf(out, sizeof(out), "%s", n == 1 ? key_text(r, rows[0], 1) : "(no group)");
	report_free(r);
	return out;
}

static void test_derived(void)
{
	struct request_record x = rec("h", "/shop/cart/x.PHP", NULL, "203.0.113.77", 404);
	struct request_record v6 = rec("h", "/a.b/", NULL, "2001:db8:1:2::7", 0);
	struct request_record bare = rec("h", "/.env", NULL, NULL, 0);

	ok_str(value_of("path/1", &x), "/shop", "path/1 of /shop/cart/x.PHP");
	ok_str(value_of("path/2", &x), "/shop/cart", "path/2");
	ok_str(value_of("path/3", &x), "/shop/cart/x.PHP", "path/3: the whole path");
	ok_str(value_of("path/9", &x), "/shop/cart/x.PHP", "path/9: no more segments");
	ok_str(value_of("path/1", &(struct request_record){ 0 }), "-", "path/1 of no path");
	ok_str(value_of("path/1", &v6), "/a.b", "path/1 of /a.b/");
	ok_str(value_of("ext", &x), "php", "ext lowercased");
	ok_str(value_of("ext", &v6), "", "ext of a directory is empty");
	ok_str(value_of("ext", &bare), "env", "ext of /.env");
	ok_str(value_of("ext", &(struct request_record){ 0 }), "-", "ext of no path is absent");
	ok_str(value_of("status_class", &x), "4xx", "status_class 404");
	ok_str(value_of("status_class", &v6), "-", "status_class without a status");
	ok_str(value_of("status", &x), "404", "status as a number");
	ok_str(value_of("src_ip/24", &x), "203.0.113.0/24", "src_ip/24 masks IPv4");
	ok_str(value_of("src_ip/24", &v6), "2001:db8:1:2::/64", "and IPv6 to /64");
	ok_str(value_of("src_ip/24/32", &v6), "2001:db8::/32", "or to the length given");
	ok_str(value_of("src_ip", &x), "203.0.113.77", "src_ip whole, no prefix shown");
	x.ts_ns = (1700000000ULL + 3600 * 5 + 59) * S; /* 22:13:20 UTC + 5 h */
	ok_str(value_of("hour", &x), "3", "hour of day in UTC");
	ok_str(value_of("ts", &x), "2023-11-15T03:14:19.000Z", "ts formatted as RFC 3339");
}

static void test_where(void)
{
	struct report_opts o = by("host");
	struct policy_set *holder = NULL;
	const struct report_group *g;
	struct report_totals t;
	struct report *r;

	ok_eq(parse_where("{\"field\": \"scheme\", \"eq\": \"http\"}", &holder, &o.where),
	      0, "a predicate alone parses");
	o.regexes = holder->regexes;
	r = report_new(&o, &(struct gh_err){ 0 });
	report_add(r, &(struct request_record){ 0 });
	for (int i = 0; i < 3; i++) {
		const char *src = i ? "203.0.113.1" : "203.0.113.2";
		struct request_record a = rec("a", "/", "http", src, 0);
		struct request_record b = rec("a", "/", "https", "203.0.113.3", 0);
		struct request_record c = rec("b", "/", "http", "203.0.113.1", 0);

		report_add(r, &a);
		report_add(r, &b);
		if (!i)
			report_add(r, &c);
	}
	ok_str(rows_text(r, REPORT_SORT_MATCHING, 1), "a=6/3 b=1/1 -=1/0",
	       "matching counted per group, sorted by it");
	g = group_of(r, "a", 1);
	ok(g && report_share(r, &g->c) == 0.5, "share: matching / requests of the group");
	ok(g && g->c.sources == 3 && g->c.matching_sources == 2,
	   "distinct sources of all requests (3) and of the matching ones (2)");
	ok_str(rows_text(r, REPORT_SORT_SHARE, 1), "b=1/1 a=6/3 -=1/0", "sorted by share");
	ok_str(rows_text(r, REPORT_SORT_REQUESTS, 1), "a=6/3 -=1/0 b=1/1",
	       "sorted by requests, ties by key (absent first)");
	report_totals(r, &t);
	ok(t.all.requests == 8 && t.all.matching == 4 && t.all.sources == 3 &&
		   t.all.matching_sources == 2,
	   "totals: 8 requests, 4 matching, 3 sources, 2 matching");
	ok(report_share(r, &t.all) == 0.5, "total share");
	report_free(r);
	policy_set_free(holder);

	holder = NULL;
	ok_eq(parse_where("{\"field\": \"scheme\", \"eq\": 5}", &holder, &o.where),
	      -EINVAL, "a wrong value type is refused");
	ok(strstr(last_msg, "--where: eq: expected a string, got 5") != NULL,
	   "the message names the operator (%s)", last_msg);
	ok_eq(parse_where("{\"field\": \"scheme\"", &holder, &o.where),
	      -EINVAL, "broken JSON is refused");
	ok(strstr(last_msg, "--where: expected one JSON object") != NULL, "as JSON (%s)",
	   last_msg);
	ok_eq(parse_where("[1]", &holder, &o.where), -EINVAL,
	      "an array is no predicate");
	ok(strstr(last_msg, "expected a predicate") != NULL, "saying what is (%s)", last_msg);
	ok_eq(parse_where("{\"field\": \"path\", \"regex\": \"(\"}", &holder, &o.where),
	      -EINVAL, "a bad regex is refused");
	ok(strstr(last_msg, "--where: regex: expected a PCRE2 pattern") != NULL, "by PCRE2 (%s)",
	   last_msg);
	ok(holder == NULL, "nothing is held after a failure");
}

static void test_caps(void)
{
	struct report_opts o = by("path");
	struct report_totals t;
	struct report *r;
	char path[32], src[32];

	o.max_groups = 2;
	o.max_source_pairs = 5;
	r = report_new(&o, &(struct gh_err){ 0 });
	for (int i = 0; i < 4; i++) {
		struct request_record x;

		snprintf(path, sizeof(path), "/p%d", i);
		snprintf(src, sizeof(src), "198.51.100.%d", i);
		x = rec(NULL, path, NULL, src, 0);
		report_add(r, &x);
		report_add(r, &x);
	}
	report_totals(r, &t);
	ok(t.overflow, "groups past the cap overflow");
	ok_eq(t.groups, 2, "two groups held");
	ok_eq(t.other.requests, 4, "the records of /p2 and /p3 counted as other");
	ok_eq(t.all.requests, 8, "and in the total");
	ok_str(rows_text(r, REPORT_SORT_REQUESTS, 1), "/p0=2/0 /p1=2/0", "the first two kept");
	/* Pairs: /p0, total, /p1, total, other: 5; then the cap. */
	ok(t.other.sources_capped && t.other.sources == 1,
	   "source pairs past their cap leave a lower bound, marked");
	ok(t.all.sources_capped && t.all.sources == 2, "in the total too");
	report_free(r);
}

static void test_sort_ties(void)
{
	struct report_opts o = by("status,host");
	struct report *r = report_new(&o, &(struct gh_err){ 0 });
	unsigned int statuses[] = { 404, 99, 200, 200 };
	const char *hosts[] = { "b", "a", "b", "a" };

	for (int i = 0; i < 4; i++) {
		struct request_record x = rec(hosts[i], "/", NULL, NULL, statuses[i]);

		report_add(r, &x);
	}
	ok_str(rows_text(r, REPORT_SORT_REQUESTS, 2), "99|a=1/0 200|a=1/0 200|b=1/0 404|b=1/0",
	       "equal counts sort by numeric value, then by the next key");
	report_free(r);
}

static void test_long_value(void)
{
	struct report_opts o = by("user_agent");
	struct report *r = report_new(&o, &(struct gh_err){ 0 });
	size_t len = 70000;
	char *ua = malloc(len);
	struct request_record x = rec("h", "/", NULL, NULL, 0);
	const struct report_group *const *rows;
	struct gh_str s;
	char buf[REPORT_VALUE_BUF];
	size_t n;

	memset(ua, 'u', len);
	req_set_str(&x, REQ_USER_AGENT, &x.user_agent, ua, (uint32_t)len);
	report_add(r, &x);
	ua[len - 1] = 'v';
	report_add(r, &x);
	report_sort(r, REPORT_SORT_REQUESTS, &rows, &n);
	ok_eq(n, 1, "values equal in their first 64 KiB share a group");
	ok(n == 1 && report_group_key(r, rows[0], 0, buf, &s) && s.len == 65536,
	   "the key holds the first 64 KiB");
	free(ua);
	report_free(r);
}

int main(void)
{
	test_key_parse();
	test_grouping();
	test_derived();
	test_where();
	test_caps();
	test_sort_ties();
	test_long_value();
	return tap_done();
}
