// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Access-log parser: combined, common and JSON lines as nginx and Apache
 * write them, auto detection, escapes, IPv4/IPv6 sources, time zones and
 * ISO/epoch times, then hostile lines: cut anywhere, binary, bad dates,
 * missing fields, overlong. Each line is parsed from a heap copy of exactly
 * its length, so a read past the end is a real overread under ASan.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/access_log.h"
#include "req_text.h"
#include "tap.h"

#define S 1000000000ULL

static char *copy;

static int parse(enum access_log_format fmt, const char *line, struct request_record *r)
{
	size_t n = strlen(line);

	free(copy);
	copy = malloc(n ? n : 1);
	memcpy(copy, line, n);
	return access_log_parse(fmt, copy, n, r);
}

static void test_combined(void)
{
	struct request_record r;

	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif?a=1&b HTTP/1.0\" "
		    "200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"",
		    &r), 0, "combined: Apache's documented example");
	ok_str(req_text(&r, REQ_SRC_IP), "127.0.0.1", "combined: src_ip");
	ok_eq(r.ts_ns, 971211336ULL * S, "combined: -0700 is 20:55:36Z");
	ok_str(req_text(&r, REQ_METHOD), "GET", "combined: method");
	ok_eq(r.method, HTTP_METHOD_GET, "combined: method id");
	ok_str(req_text(&r, REQ_PATH), "/apache_pb.gif", "combined: path before '?'");
	ok_str(req_text(&r, REQ_QUERY), "a=1&b", "combined: query after '?'");
	ok_str(req_text(&r, REQ_VERSION), "HTTP/1.0", "combined: version");
	ok_eq(r.status, 200, "combined: status");
	ok_eq(r.bytes, 2326, "combined: bytes");
	ok_str(req_text(&r, REQ_REFERER), "http://www.example.com/start.html", "combined: referer");
	ok_str(req_text(&r, REQ_USER_AGENT), "Mozilla/4.08 [en] (Win98; I ;Nav)", "combined: UA");
	ok(!req_has(&r, REQ_HAS_COOKIE) && !req_has(&r, REQ_HOST) && !req_has(&r, REQ_IS_XHR) &&
	   !req_has(&r, REQ_ACCEPT) && !req_has(&r, REQ_SCHEME),
	   "combined: cookie, host, xhr, accept, scheme absent (a log cannot tell)");

	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "203.0.113.9 - - [01/Jan/2024:00:00:00 +0000] \"POST /login HTTP/1.1\" 401 17 \"-\" "
		    "\"-\" \"extra\" 0.003", &r), 0, "combined: trailing fields ignored");
	ok(!req_has(&r, REQ_REFERER) && !req_has(&r, REQ_USER_AGENT), "combined: \"-\" is absent");
	ok_eq(r.method, HTTP_METHOD_POST, "combined: POST");

	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5", &r),
	      -EINVAL, "combined: a common line lacks the tail");
	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5 \"-\"", &r),
	      -EINVAL, "combined: user agent missing");
	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - user name [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5 "
		    "\"-\" \"ua\"", &r), 0, "combined: a user name with a space does not shift fields");
	ok_str(req_text(&r, REQ_USER_AGENT), "ua", "combined: ... UA still right");
}

static void test_common_and_auto(void)
{
	struct request_record r;
	const char *common = "192.0.2.1 - - [29/Feb/2024:23:59:59 +0100] \"HEAD /x HTTP/1.1\" 304 -";
	const char *combined = "192.0.2.1 - - [29/Feb/2024:23:59:59 +0100] \"HEAD /x HTTP/1.1\" 304 "
			       "- \"r\" \"u\"";

	ok_eq(parse(ACCESS_LOG_COMMON, common, &r), 0, "common: parses");
	ok_eq(r.bytes, 0, "common: bytes '-' (Apache %%b) is 0");
	ok(req_has(&r, REQ_BYTES), "common: ... and present");
	ok_eq(r.ts_ns, 1709247599ULL * S, "common: leap day, +0100");
	ok_eq(parse(ACCESS_LOG_COMMON, combined, &r), 0, "common: a combined line's tail ignored");
	ok(!req_has(&r, REQ_USER_AGENT), "common: ... so no UA");
	ok_eq(parse(ACCESS_LOG_AUTO, common, &r), 0, "auto: common line");
	ok(!req_has(&r, REQ_USER_AGENT), "auto: common has no UA");
	ok_eq(parse(ACCESS_LOG_AUTO, combined, &r), 0, "auto: combined line");
	ok_str(req_text(&r, REQ_USER_AGENT), "u", "auto: combined UA");
	ok_eq(parse(ACCESS_LOG_AUTO, "{\"msec\":\"1700000000.5\",\"remote_addr\":\"192.0.2.1\"}", &r),
	      0, "auto: JSON line");
	ok_eq(r.ts_ns, 1700000000ULL * S + S / 2, "auto: JSON msec with fraction");
	ok_eq(parse(ACCESS_LOG_JSON, common, &r), -EINVAL, "json: a CLF line is malformed");
	ok_eq(parse(ACCESS_LOG_COMBINED, "{\"msec\":\"1\"}", &r), -EINVAL,
	      "combined: a JSON line is malformed");
}

static void test_escapes(void)
{
	struct request_record r;

	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET /a\\x22b\\x5Cc?q=\\xE9 HTTP/1.1\" "
		    "200 1 \"-\" \"say \\x22hi\\x22\"", &r), 0, "nginx \\xHH escapes");
	ok_str(req_text(&r, REQ_PATH), "/a\"b\\c", "nginx: quote and backslash decoded in path");
	ok_eq(r.query.len, 3, "nginx: \\xE9 is one byte");
	ok_eq((unsigned char)r.query.p[2], 0xe9, "nginx: ... 0xe9");
	ok_str(req_text(&r, REQ_USER_AGENT), "say \"hi\"", "nginx: quotes in the UA");

	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET /p\\\" HTTP/1.1\" 200 1 "
		    "\"a\\\\\" \"tab\\there\\n\"", &r), 0, "Apache \\\" \\\\ \\t \\n escapes");
	ok_str(req_text(&r, REQ_PATH), "/p\"", "apache: escaped quote in path does not end the field");
	ok_str(req_text(&r, REQ_REFERER), "a\\", "apache: referer ending in an escaped backslash");
	ok_str(req_text(&r, REQ_USER_AGENT), "tab\there\n", "apache: \\t and \\n decoded");

	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET /\\q\\x4 HTTP/1.1\" 200 1 "
		    "\"-\" \"-\"", &r), 0, "unknown and short escapes kept as text");
	ok_str(req_text(&r, REQ_PATH), "/\\q\\x4", "... byte for byte");
}

static void test_request_line(void)
{
	struct request_record r;

	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"\\x16\\x03\\x01\\x00\" 400 157 \"-\" "
		    "\"-\"", &r), 0, "TLS hello on the HTTP port: a valid line");
	ok(!req_has(&r, REQ_METHOD) && !req_has(&r, REQ_PATH) && !req_has(&r, REQ_VERSION),
	   "... no method, path or version");
	ok_eq(r.status, 400, "... the status still counts");
	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"-\" 400 0 \"-\" \"-\"", &r), 0,
	      "nginx \"-\" request (connection closed before a request)");
	ok(!req_has(&r, REQ_PATH), "... no path");
	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET /a b HTTP/1.1\" 400 0 \"-\" \"-\"",
		    &r), 0, "raw space in the target");
	ok_str(req_text(&r, REQ_PATH), "/a b", "... stays in the path");
	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET /old\" 200 0 \"-\" \"-\"", &r), 0,
	      "HTTP/0.9 request line");
	ok(req_has(&r, REQ_PATH) && !req_has(&r, REQ_VERSION), "... path, no version");
	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET http://evil.example:80/x?y "
		    "HTTP/1.1\" 200 0 \"-\" \"-\"", &r), 0, "absolute-form target");
	ok_str(req_text(&r, REQ_HOST), "evil.example:80", "... host from the target");
	ok_str(req_text(&r, REQ_PATH), "/x", "... path from the target");
	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"PROPFIND /dav HTTP/1.1\" 207 0 "
		    "\"-\" \"-\"", &r), 0, "unknown method");
	ok_eq(r.method, HTTP_METHOD_OTHER, "... is OTHER");
	ok_str(req_text(&r, REQ_METHOD), "PROPFIND", "... with its text");
	ok_eq(parse(ACCESS_LOG_COMBINED,
		    "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"get / HTTP/1.1\" 400 0 \"-\" \"-\"",
		    &r), 0, "lowercase method (nginx: 400)");
	ok(!req_has(&r, REQ_METHOD), "... is no method");
}

static void test_addresses(void)
{
	static const struct {
		const char *host, *want;
	} cases[] = {
		{ "2001:db8::7", "2001:db8::7" },
		{ "::1", "::1" },
		{ "::ffff:198.51.100.4", "198.51.100.4" }, /* dual-stack listener */
		{ "10.0.0.255", "10.0.0.255" },
		{ "256.1.1.1", "(absent)" },
		{ "01.2.3.4", "(absent)" },
		{ "1.2.3", "(absent)" },
		{ "example.com", "(absent)" }, /* HostnameLookups On */
		{ "-", "(absent)" },
		{ "2001:db8::zz", "(absent)" },
	};
	struct request_record r;
	char line[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(line, sizeof(line),
			 "%s - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 0 \"-\" \"-\"",
			 cases[i].host);
		ok_eq(parse(ACCESS_LOG_COMBINED, line, &r), 0, "remote %s: line parses", cases[i].host);
		ok_str(req_text(&r, REQ_SRC_IP), cases[i].want, "remote %s", cases[i].host);
	}
}

static void test_times(void)
{
	static const struct {
		const char *t;
		unsigned long long want; /* seconds; 0: malformed */
	} clf[] = {
		{ "01/Jan/1970:00:00:00 +0000", 0 },
		{ "01/Jan/1970:01:00:00 +0100", 0 },
		{ "31/Dec/1999:23:59:59 -1200", 946727999ULL },
		{ "15/Mar/2024:10:00:00 +0530", 1710477000ULL },
		{ "15/Mar/2024:10:00:00 -0930", 1710531000ULL },
		{ "30/Jun/2015:23:59:60 +0000", 1435708800ULL }, /* leap second, as written */
	};
	static const char *const bad[] = {
		"32/Jan/2024:00:00:00 +0000", "29/Feb/2023:00:00:00 +0000", "31/Apr/2024:00:00:00 +0000",
		"01/jan/2024:00:00:00 +0000", "01/Foo/2024:00:00:00 +0000", "01/Jan/2024:24:00:00 +0000",
		"01/Jan/2024:00:60:00 +0000", "01/Jan/2024:00:00:61 +0000", "01/Jan/2024:00:00:00 0000",
		"01/Jan/2024:00:00:00 +2400", "01/Jan/2024:00:00:00 +00:0", "1/Jan/2024:00:00:00 +0000",
		"01/Jan/1969:23:59:59 +0000", "01/Jan/1970:00:00:00 +0100", "01/Jan/9999:00:00:00 +0000",
		"01/Jan/2024 00:00:00 +0000", "01/Jan/2024:00:00:00 +000a",
	};
	struct request_record r;
	char line[256];
	int err;

	for (size_t i = 0; i < sizeof(clf) / sizeof(clf[0]); i++) {
		snprintf(line, sizeof(line), "192.0.2.1 - - [%s] \"GET / HTTP/1.1\" 200 0", clf[i].t);
		err = parse(ACCESS_LOG_COMMON, line, &r);
		ok_eq(err, 0, "time %s parses", clf[i].t);
		ok_eq(r.ts_ns / S, clf[i].want, "time %s", clf[i].t);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(line, sizeof(line), "192.0.2.1 - - [%s] \"GET / HTTP/1.1\" 200 0", bad[i]);
		ok_eq(parse(ACCESS_LOG_COMMON, line, &r), -EINVAL, "bad time %s rejected", bad[i]);
	}
	/* The last time converted is remembered: a repeat, a near twin and a bad one after it. */
	static const struct {
		const char *t;
		unsigned long long want; /* seconds; 0: malformed */
	} seq[] = {
		{ "15/Mar/2024:10:00:00 +0530", 1710477000ULL },
		{ "15/Mar/2024:10:00:00 +0530", 1710477000ULL },
		{ "15/Mar/2024:10:00:00 +0630", 1710473400ULL },
		{ "15/Mar/2024:10:00:01 +0630", 1710473401ULL },
		{ "15/Mar/2024:10:00:01 +063a", 0 },
		{ "15/Mar/2024:10:00:01 +063a", 0 },
		{ "15/Mar/2024:10:00:01 +0630", 1710473401ULL },
		{ "15/Mar/2024:10:00:00 +0530", 1710477000ULL },
	};
	for (size_t i = 0; i < sizeof(seq) / sizeof(seq[0]); i++) {
		snprintf(line, sizeof(line), "192.0.2.1 - - [%s] \"GET / HTTP/1.1\" 200 0", seq[i].t);
		err = parse(ACCESS_LOG_COMMON, line, &r);
		if (seq[i].want)
			ok(!err && r.ts_ns / S == seq[i].want, "in a row, #%zu: %s", i, seq[i].t);
		else
			ok_eq(err, -EINVAL, "in a row, #%zu: %s rejected", i, seq[i].t);
	}

	static const struct {
		const char *json;
		unsigned long long want_ns; /* 0: malformed */
	} iso[] = {
		{ "{\"time_iso8601\":\"2024-03-15T10:00:00+05:30\"}", 1710477000ULL * S },
		{ "{\"time_iso8601\":\"2024-03-15T04:30:00Z\"}", 1710477000ULL * S },
		{ "{\"time_iso8601\":\"2024-03-15T04:30:00.250Z\"}", 1710477000ULL * S + S / 4 },
		{ "{\"time_iso8601\":\"2024-03-15T10:00:00+0530\"}", 1710477000ULL * S },
		{ "{\"time_local\":\"15/Mar/2024:10:00:00 +0530\"}", 1710477000ULL * S },
		{ "{\"msec\":1710477000.123}", 1710477000ULL * S + 123000000ULL },
		{ "{\"msec\":\"1710477000\"}", 1710477000ULL * S },
		{ "{\"time_iso8601\":\"2024-03-15T10:00:00\"}", 0 },
		{ "{\"time_iso8601\":\"2024-13-15T10:00:00Z\"}", 0 },
		{ "{\"time_iso8601\":\"2024-03-15T10:00:00.Z\"}", 0 },
		{ "{\"msec\":\"1.2.3\"}", 0 },
		{ "{\"msec\":\"99999999999999999999\"}", 0 },
		{ "{\"remote_addr\":\"192.0.2.1\"}", 0 }, /* no time at all */
	};
	for (size_t i = 0; i < sizeof(iso) / sizeof(iso[0]); i++) {
		err = parse(ACCESS_LOG_JSON, iso[i].json, &r);
		if (iso[i].want_ns)
			ok(!err && r.ts_ns == iso[i].want_ns, "json time %s", iso[i].json);
		else
			ok_eq(err, -EINVAL, "json time %s rejected", iso[i].json);
	}
}

static void test_json(void)
{
	struct request_record r;

	ok_eq(parse(ACCESS_LOG_JSON,
		    "{\"time_local\":\"01/Jan/2024:00:00:00 +0000\",\"remote_addr\":\"2001:db8::1\","
		    "\"remote_port\":\"51234\",\"server_addr\":\"192.0.2.80\",\"server_port\":\"443\","
		    "\"request\":\"POST /api/v1/login?next=%2F HTTP/2.0\",\"status\":\"401\","
		    "\"body_bytes_sent\":\"17\",\"http_referer\":\"\",\"http_user_agent\":\"a\\\"b\\\\c\","
		    "\"host\":\"shop.example\",\"scheme\":\"https\",\"http_cookie\":\"sid=1\","
		    "\"http_x_requested_with\":\"XMLHttpRequest\",\"http_accept\":\"application/json\","
		    "\"content_type\":\"application/json\",\"content_length\":\"42\","
		    "\"request_time\":\"0.003\", \"upstream\" : {\"a\":[1,{\"b\":\"}\"}]} }", &r),
	      0, "json: nginx escape=json line with every known key and a nested unknown one");
	ok_str(req_text(&r, REQ_SRC_IP), "2001:db8::1", "json: src_ip");
	ok_eq(r.src_port, 51234, "json: src_port");
	ok_str(req_text(&r, REQ_DST_IP), "192.0.2.80", "json: dst_ip");
	ok_eq(r.dst_port, 443, "json: dst_port");
	ok_str(req_text(&r, REQ_METHOD), "POST", "json: method from request");
	ok_str(req_text(&r, REQ_PATH), "/api/v1/login", "json: path");
	ok_str(req_text(&r, REQ_QUERY), "next=%2F", "json: query");
	ok_str(req_text(&r, REQ_VERSION), "HTTP/2.0", "json: version");
	ok_eq(r.status, 401, "json: status");
	ok_eq(r.bytes, 17, "json: bytes");
	ok(!req_has(&r, REQ_REFERER), "json: \"\" (not set) is absent");
	ok_str(req_text(&r, REQ_USER_AGENT), "a\"b\\c", "json: escapes decoded");
	ok_str(req_text(&r, REQ_HOST), "shop.example", "json: host");
	ok_str(req_text(&r, REQ_SCHEME), "https", "json: scheme");
	ok(req_has(&r, REQ_HAS_COOKIE) && r.has_cookie, "json: has_cookie true");
	ok(req_has(&r, REQ_IS_XHR) && r.is_xhr, "json: is_xhr true");
	ok_str(req_text(&r, REQ_ACCEPT), "application/json", "json: accept");
	ok_str(req_text(&r, REQ_CONTENT_TYPE), "application/json", "json: content_type");
	ok_eq(r.content_length, 42, "json: content_length");

	ok_eq(parse(ACCESS_LOG_JSON,
		    "{\"msec\":1,\"http_cookie\":\"\",\"http_x_requested_with\":\"\","
		    "\"request_method\":\"GET\",\"request_uri\":\"/x?y=1\",\"status\":200}", &r), 0,
	      "json: request_method/request_uri, numbers unquoted");
	ok(req_has(&r, REQ_HAS_COOKIE) && !r.has_cookie && req_has(&r, REQ_IS_XHR) && !r.is_xhr,
	   "json: a cookie / X-Requested-With column with \"\": known not sent (false)");
	ok_str(req_text(&r, REQ_PATH), "/x", "json: path from request_uri");
	ok_str(req_text(&r, REQ_QUERY), "y=1", "json: query from request_uri");
	ok_eq(r.status, 200, "json: numeric status");

	ok_eq(parse(ACCESS_LOG_JSON, "{\"msec\":1,\"http_user_agent\":\"\\u00e9\\ud83d\\ude00\\ud800x\"}",
		    &r), 0, "json: \\u escapes");
	ok_str(req_text(&r, REQ_USER_AGENT), "\xc3\xa9\xf0\x9f\x98\x80\xef\xbf\xbdx",
	       "json: UTF-8 out, surrogate pair joined, lone surrogate U+FFFD");

	ok_eq(parse(ACCESS_LOG_JSON, "{\"msec\":1,\"http_cookie\":null,\"status\":\"ok\"}", &r),
	      -EINVAL, "json: non-numeric status rejects the line");
	ok_eq(parse(ACCESS_LOG_JSON, "{\"msec\":1,}", &r), -EINVAL, "json: trailing comma");
	ok_eq(parse(ACCESS_LOG_JSON, "{\"msec\":1} x", &r), -EINVAL, "json: junk after the object");
	ok_eq(parse(ACCESS_LOG_JSON, "{\"msec\":1", &r), -EINVAL, "json: unterminated object");
	ok_eq(parse(ACCESS_LOG_JSON, "{\"msec\":\"1}", &r), -EINVAL, "json: unterminated string");
	ok_eq(parse(ACCESS_LOG_JSON, "{\"msec\" 1}", &r), -EINVAL, "json: missing colon");
	ok_eq(parse(ACCESS_LOG_JSON, "[1]", &r), -EINVAL, "json: not an object");
	ok_eq(parse(ACCESS_LOG_JSON,
		    "{\"msec\":1,\"x\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]}", &r), -EINVAL,
	      "json: nesting beyond the bound");
	ok_eq(parse(ACCESS_LOG_JSON, "{\"msec\":1,\"remote_addr\":\"unix:\",\"status\":null}", &r), 0,
	      "json: unix socket peer and null");
	ok(!req_has(&r, REQ_SRC_IP) && !req_has(&r, REQ_STATUS), "... both absent");
	ok_eq(parse(ACCESS_LOG_JSON, "{\"msec\":1}", &r), 0, "json: no cookie column");
	ok(!req_has(&r, REQ_HAS_COOKIE) && !req_has(&r, REQ_IS_XHR),
	   "json: ... has_cookie and is_xhr unknown, absent");
}

static void test_hostile(void)
{
	const char *good = "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET /a?b HTTP/1.1\" 200 5 "
			   "\"r\" \"u\"";
	struct request_record r;
	size_t n = strlen(good);
	char *big;
	int fails = 0;

	/* Every strict prefix that cuts a required field is malformed, never a crash. */
	for (size_t cut = 0; cut < n; cut++) {
		char *p = malloc(cut ? cut : 1);
		int err;

		memcpy(p, good, cut);
		err = access_log_parse(ACCESS_LOG_COMBINED, p, cut, &r);
		fails += err == 0;
		free(p);
	}
	ok_eq(fails, 0, "combined: every cut of a line is malformed");

	ok_eq(parse(ACCESS_LOG_AUTO, "", &r), -EINVAL, "empty line");
	ok_eq(parse(ACCESS_LOG_AUTO, "\x16\x03\x01\x02\x00\xff\xfe", &r), -EINVAL, "binary junk");
	ok_eq(parse(ACCESS_LOG_AUTO, "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" "
				     "abc 5", &r), -EINVAL, "non-numeric status");
	ok_eq(parse(ACCESS_LOG_AUTO, "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" "
				     "200 99999999999999999999", &r), -EINVAL, "bytes overflow");
	ok_eq(parse(ACCESS_LOG_AUTO, "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" "
				     "200", &r), -EINVAL, "missing bytes");
	ok_eq(parse(ACCESS_LOG_AUTO, "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1 "
				     "200 5", &r), -EINVAL, "unterminated request");
	ok_eq(parse(ACCESS_LOG_AUTO, "192.0.2.1 - - \"GET / HTTP/1.1\" 200 5", &r), -EINVAL,
	      "missing date");
	ok_eq(parse(ACCESS_LOG_AUTO, "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" "
				     "200 5 \"r", &r), -EINVAL, "auto: a combined tail cut short");
	ok_eq(parse(ACCESS_LOG_AUTO, "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" "
				     "20 5", &r), -EINVAL, "two-digit status");

	big = malloc(ACCESS_LOG_MAX_LINE + 2);
	memset(big, 'a', ACCESS_LOG_MAX_LINE + 1);
	ok_eq(access_log_parse(ACCESS_LOG_AUTO, big, ACCESS_LOG_MAX_LINE + 1, &r), -EMSGSIZE,
	      "a line over ACCESS_LOG_MAX_LINE");
	/* A long path just under the bound is fine. */
	n = (size_t)snprintf(big, ACCESS_LOG_MAX_LINE + 2,
			     "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET /%0*d HTTP/1.1\" 200 5",
			     60000, 0);
	ok_eq(access_log_parse(ACCESS_LOG_AUTO, big, n, &r), 0, "a 60000-byte path");
	ok_eq(r.path.len, 60001, "... whole");
	free(big);
}

/* A line the reader cut (exactly ACCESS_LOG_MAX_LINE bytes) with head before a quoted field. */
static int parse_cut(const char *head, char fill, struct request_record *r)
{
	char *line = malloc(ACCESS_LOG_MAX_LINE);
	size_t n = strlen(head);
	int err;

	memcpy(line, head, n);
	memset(line + n, fill, ACCESS_LOG_MAX_LINE - n);
	err = access_log_parse(ACCESS_LOG_COMBINED, line, ACCESS_LOG_MAX_LINE, r);
	free(line);
	return err;
}

static void test_cut_lines(void)
{
	const char *pre = "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] ";
	char head[256];
	struct request_record r;

	snprintf(head, sizeof(head), "%s\"GET /etc/passwd HTTP/1.1\" 200 5 \"-\" \"", pre);
	ok_eq(parse_cut(head, 'U', &r), 0, "cut in the user agent: a record");
	ok(r.truncated && r.status == 200 && r.user_agent.len == ACCESS_LOG_MAX_LINE - strlen(head),
	   "... status and the User-Agent up to the cut, truncated");
	snprintf(head, sizeof(head), "%s\"GET /x HTTP/1.1\" 404 5 \"http://a/", pre);
	ok_eq(parse_cut(head, 'r', &r), 0, "cut in the referer: a record");
	ok(r.truncated && r.status == 404 && !(r.present & REQ_BIT(REQ_USER_AGENT)),
	   "... status kept, no User-Agent");
	snprintf(head, sizeof(head), "%s\"GET /search?q=", pre);
	ok_eq(parse_cut(head, 'q', &r), 0, "cut in the request: a record");
	ok(r.truncated && r.path.len == 7 && !memcmp(r.path.p, "/search", 7) &&
	   !(r.present & REQ_BIT(REQ_STATUS)), "... method and path, no status");
	ok_eq(parse(ACCESS_LOG_COMBINED, "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / "
					 "HTTP/1.1\" 200 5 \"-\" \"ua", &r), -EINVAL,
	      "an unterminated user agent on a short line stays malformed");
}

static void test_vhost_and_user(void)
{
	static const char tail[] = "[10/Oct/2000:13:55:36 +0000] \"GET /wp-login.php HTTP/1.1\" "
				   "401 12 \"-\" \"curl/8\"";
	struct request_record r;
	char line[512];

	snprintf(line, sizeof(line), "shop.example:443 203.0.113.9 - - %s", tail);
	ok_eq(parse(ACCESS_LOG_VHOST_COMBINED, line, &r), 0, "vhost_combined: parsed");
	ok_str(req_text(&r, REQ_SRC_IP), "203.0.113.9", "vhost_combined: the client, not the vhost");
	ok_str(req_text(&r, REQ_HOST), "shop.example", "vhost_combined: host");
	ok_str(req_text(&r, REQ_DST_PORT), "443", "vhost_combined: server port");
	ok_str(req_text(&r, REQ_PATH), "/wp-login.php", "vhost_combined: path");
	ok_eq(parse(ACCESS_LOG_AUTO, line, &r), 0, "auto: a vhost_combined line");
	ok_str(req_text(&r, REQ_SRC_IP), "203.0.113.9", "auto: the client address after the vhost");
	ok_str(req_text(&r, REQ_HOST), "shop.example", "auto: host from the vhost");
	snprintf(line, sizeof(line), "203.0.113.9 - - %s", tail);
	ok_eq(parse(ACCESS_LOG_VHOST_COMBINED, line, &r), -EINVAL,
	      "vhost_combined: a plain combined line is refused, not half-read");
	snprintf(line, sizeof(line), "web1.example - - %s", tail);
	ok_eq(parse(ACCESS_LOG_AUTO, line, &r), 0, "auto: a hostname client (HostnameLookups)");
	ok_str(req_text(&r, REQ_SRC_IP), "(absent)", "... has no address");
	ok_str(req_text(&r, REQ_HOST), "(absent)", "... and no vhost");

	/* A '[' in $remote_user (any Basic-auth name) must not hide the time. */
	snprintf(line, sizeof(line), "198.51.100.4 - a[b] x %s", tail);
	ok_eq(parse(ACCESS_LOG_COMBINED, line, &r), 0, "a '[' in the user field");
	ok_eq(r.status, 401, "... status read");
	ok_str(req_text(&r, REQ_USER_AGENT), "curl/8", "... user agent read");
	snprintf(line, sizeof(line), "198.51.100.4 - [10/Oct/2000:13:55:36 +0000] %s", tail);
	ok_eq(parse(ACCESS_LOG_COMBINED, line, &r), 0, "a whole fake time in the user field");
	ok_str(req_text(&r, REQ_PATH), "/wp-login.php", "... the real request is read");
}

/*
 * The scans go 16 bytes at a time and read a shorter tail as the last 16
 * bytes of the span: every length around that, with an escaped quote (a
 * '\\' the scan must stop at) or a control byte (a malformed request
 * line) at each place, the last bytes included.
 */
static void test_scan_tails(void)
{
	size_t wrong_ua = 0, wrong_line = 0, clean_malformed = 0;
	struct request_record r;
	char ua[64], want[64], path[64], line[512];

	for (size_t len = 1; len <= 40; len++) {
		memset(want, 'a', len);
		want[len] = '\0';
		memset(path, 'p', len);
		path[0] = '/';
		path[len] = '\0';
		snprintf(line, sizeof(line),
			 "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET %s HTTP/1.1\" 200 0 \"-\" "
			 "\"%s\"", path, want);
		if (parse(ACCESS_LOG_COMBINED, line, &r) || r.request_line_malformed ||
		    strcmp(req_text(&r, REQ_USER_AGENT), want))
			clean_malformed++;
		for (size_t pos = 0; pos < len; pos++) {
			snprintf(ua, sizeof(ua), "%.*s\\\"%s", (int)pos, want, want + pos + 1);
			want[pos] = '"';
			snprintf(line, sizeof(line),
				 "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET %s HTTP/1.1\" 200 0 "
				 "\"-\" \"%s\"", path, ua);
			wrong_ua += parse(ACCESS_LOG_COMBINED, line, &r) ||
				    strcmp(req_text(&r, REQ_USER_AGENT), want);
			want[pos] = 'a';
			if (!pos)
				continue; /* the path's leading '/' */
			snprintf(line, sizeof(line),
				 "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"GET %.*s\\x01%s HTTP/1.1\" "
				 "200 0 \"-\" \"-\"", (int)pos, path, path + pos + 1);
			wrong_line += parse(ACCESS_LOG_COMBINED, line, &r) || !r.request_line_malformed;
		}
	}
	ok_eq(clean_malformed, 0, "paths and user agents of 1 to 40 bytes: parsed whole, not malformed");
	ok_eq(wrong_ua, 0, "an escaped quote anywhere in them: decoded in place");
	ok_eq(wrong_line, 0, "a control byte anywhere in the request line: malformed");
}

static void test_formats(void)
{
	enum access_log_format f;

	ok(!access_log_format_parse("combined", &f) && f == ACCESS_LOG_COMBINED, "format combined");
	ok(!access_log_format_parse("json", &f) && f == ACCESS_LOG_JSON, "format json");
	ok(!access_log_format_parse("vhost_combined", &f) && f == ACCESS_LOG_VHOST_COMBINED,
	   "format vhost_combined");
	ok_eq(access_log_format_parse("clf", &f), -EINVAL, "format clf is unknown");
}

int main(void)
{
	test_combined();
	test_common_and_auto();
	test_escapes();
	test_request_line();
	test_addresses();
	test_times();
	test_json();
	test_hostile();
	test_cut_lines();
	test_vhost_and_user();
	test_formats();
	test_scan_tails();
	free(copy);
	return tap_done();
}
