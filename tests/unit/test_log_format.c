// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * nginx log_format strings: compile errors an operator can act on, the
 * usual formats parsed field by field, quoted values with escapes, an
 * unquoted variable whose value holds the next literal, lines that do not
 * fit the format refused whole.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/log_format.h"
#include "req_text.h"
#include "tap.h"

static char *copy;

static int parse(const struct log_format *f, const char *line, struct request_record *r)
{
	size_t n = strlen(line);

	free(copy);
	copy = malloc(n ? n : 1);
	memcpy(copy, line, n);
	return log_format_parse(f, copy, n, r);
}

static struct log_format *compile(const char *spec)
{
	struct gh_err err = { 0 };
	struct log_format *f = NULL;

	if (log_format_compile(spec, &f, &err))
		tap_diag("compile: %s", err.msg);
	return f;
}

static void test_compile_errors(void)
{
	struct gh_err err = { 0 };
	struct log_format *f = NULL;

	ok_eq(log_format_compile("$remote_addr [$time_local] $bogus_var", &f, &err), -EINVAL,
	      "unknown variable refused");
	ok(err.input && strstr(err.msg, "$bogus_var") && strstr(err.msg, "offset 27"),
	   "... named with its offset: %s", err.msg);
	ok_str(err.field, "--log-format", "... the field is the option");
	ok_eq(log_format_compile("$remote_addr$remote_port [$time_local]", &f, &err), -EINVAL,
	      "two variables with nothing between them refused");
	ok_eq(log_format_compile("$remote_addr \"$request\"", &f, &err), -EINVAL,
	      "a format without a time refused");
	ok(strstr(err.msg, "$time_local") != NULL, "... saying which variables give a time");
	ok_eq(log_format_compile("'$remote_addr [$time_local]", &f, &err), -EINVAL,
	      "an unbalanced nginx.conf quote refused");
	ok_eq(log_format_compile("$ [$time_local]", &f, &err), -EINVAL, "a bare '$' refused");
	ok(f == NULL, "nothing compiled on error");
}

static void test_main_format(void)
{
	/* nginx's own "main" example, with X-Forwarded-For, as nginx.conf writes it. */
	struct log_format *f = compile(
		"'$remote_addr - $remote_user [$time_local] \"$request\" ' "
		"'$status $body_bytes_sent \"$http_referer\" ' "
		"'\"$http_user_agent\" \"$http_x_forwarded_for\" $request_time'");
	struct request_record r;

	ok(f != NULL, "nginx's main format with nginx.conf quoting compiles");
	if (!f)
		return;
	ok_eq(parse(f, "10.1.2.3 - - [10/Oct/2000:13:55:36 +0000] \"GET /a?b=1 HTTP/1.1\" 200 "
		       "512 \"-\" \"Mozilla/5.0 \\\"quoted\\\"\" \"203.0.113.5, 10.1.2.2\" 0.004",
		    &r), 0, "a main line parses");
	ok_str(req_text(&r, REQ_SRC_IP), "10.1.2.3", "src_ip");
	ok_eq(r.ts_ns, 971186136ULL * 1000000000ULL, "time_local");
	ok_str(req_text(&r, REQ_PATH), "/a", "path");
	ok_str(req_text(&r, REQ_QUERY), "b=1", "query");
	ok_eq(r.status, 200, "status");
	ok_eq(r.bytes, 512, "body_bytes_sent");
	ok_str(req_text(&r, REQ_REFERER), "(absent)", "referer \"-\" is absent");
	ok_str(req_text(&r, REQ_USER_AGENT), "Mozilla/5.0 \"quoted\"", "escaped quotes decoded");
	ok_str(req_text(&r, REQ_FORWARDED_FOR), "203.0.113.5, 10.1.2.2", "X-Forwarded-For");
	ok_eq(parse(f, "10.1.2.3 - - [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 512",
		    &r), -EINVAL, "a combined line lacking the format's tail is refused");
	ok(r.present == 0, "... with no field half-read");
	ok_eq(parse(f, "10.1.2.3 - a [b] c [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 "
		       "1 \"-\" \"ua\" \"-\" 0.1",
		    &r), 0, "a user holding \" [\" still parses (later occurrence tried)");
	ok_str(req_text(&r, REQ_USER_AGENT), "ua", "... and the fields after it are right");
	log_format_free(f);
}

static void test_other_formats(void)
{
	struct log_format *f = compile(LOG_FORMAT_VHOST_COMBINED);
	struct request_record r;

	ok(f != NULL, "vhost_combined as a log_format compiles");
	if (f) {
		ok_eq(parse(f, "shop.example:8443 2001:db8::7 - - [10/Oct/2000:13:55:36 +0000] "
			       "\"POST /login HTTP/1.1\" 401 0 \"-\" \"curl/8\"", &r), 0,
		      "a vhost line");
		ok_str(req_text(&r, REQ_SRC_IP), "2001:db8::7", "IPv6 client");
		ok_str(req_text(&r, REQ_HOST), "shop.example", "host");
		ok_str(req_text(&r, REQ_DST_PORT), "8443", "server port");
		log_format_free(f);
	}
	f = compile("${msec} ${remote_addr}|${request_method}|${uri}|${args}|${status}|"
		    "${upstream_addr}|$http_x_real_ip");
	ok(f != NULL, "braced variables, skipped $upstream_addr");
	if (f) {
		ok_eq(parse(f, "1700000000.250 192.0.2.8|GET|/search|q=1|404|10.0.0.1:80|198.51.100.1",
			    &r), 0, "a pipe-separated line");
		ok_eq(r.ts_ns, 1700000000250000000ULL, "msec with a fraction");
		ok_str(req_text(&r, REQ_METHOD), "GET", "request_method");
		ok_str(req_text(&r, REQ_PATH), "/search", "uri is the path");
		ok_str(req_text(&r, REQ_QUERY), "q=1", "args is the query");
		ok_eq(r.status, 404, "status");
		ok_str(req_text(&r, REQ_REAL_IP), "198.51.100.1", "X-Real-IP");
		ok_eq(parse(f, "1700000000.250 192.0.2.8|GET|/search|q=1|4x4|-|-", &r), -EINVAL,
		      "a status that is not a number refuses the line");
		log_format_free(f);
	}
}

int main(void)
{
	test_compile_errors();
	test_main_format();
	test_other_formats();
	free(copy);
	return tap_done();
}
