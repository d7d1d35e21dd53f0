// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The request line's shape as fields policies can match: target_form (RFC
 * 9112's four forms, from logs and live heads alike) and
 * request_line_malformed (logs: anything but "METHOD SP TARGET SP
 * HTTP/n.n"; live: only well-formed lines make a record). Log lines go
 * through the combined parser from a heap copy of exactly their length.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/access_log.h"
#include "input/http_head.h"
#include "req_text.h"
#include "tap.h"

static char *copy;

/* The combined line around request (already escaped as nginx writes it). */
static int parse_request(const char *request, struct request_record *r)
{
	char line[512];
	int n = snprintf(line, sizeof(line),
			 "192.0.2.1 - - [01/Jan/2024:00:00:00 +0000] \"%s\" 400 0 \"-\" \"-\"",
			 request);

	free(copy);
	copy = malloc((size_t)n);
	memcpy(copy, line, (size_t)n);
	return access_log_parse(ACCESS_LOG_COMBINED, copy, (size_t)n, r);
}

static void test_log_malformed(void)
{
	static const struct {
		const char *request, *want; /* want: "true", "false" or "(absent)" */
	} cases[] = {
		{ "GET /index.html HTTP/1.1", "false" },
		{ "POST /api/v1/items?x=1 HTTP/2.0", "false" },
		{ "GET / HTTP/2", "false" },
		{ "GET / HTTP/1.7", "false" }, /* well-formed; invalid-http-version's business */
		{ "OPTIONS * HTTP/1.1", "false" },
		{ "CONNECT example.com:443 HTTP/1.1", "false" },
		{ "GET  /spaced  HTTP/1.1", "false" }, /* runs of spaces: nginx takes them */
		{ "GET /caf\\xC3\\xA9 HTTP/1.1", "false" }, /* raw UTF-8: sloppy, not hostile */
		{ "\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03", "true" },
		{ "SSH-2.0-Go", "true" },
		{ "t3 12.2.1\\x0AAS:255\\x0AHL:19", "true" },
		{ "\\x05\\x01\\x00", "true" },
		{ "get / http/1.1", "true" },
		{ "GET / http/1.1", "true" },     /* the version lands in the target */
		{ "GET /x HTTP/1.1 extra", "true" },
		{ "GET /a b HTTP/1.1", "true" },
		{ "GET /", "true" },              /* HTTP/0.9 */
		{ "GET", "true" },
		{ "GET / HTTP/", "true" },
		{ "GET / HTTP/x.y", "true" },
		{ "GET / HTTP/1.", "true" },
		{ "GET /\\x00 HTTP/1.1", "true" },
		{ "MGLNDD_203.0.113.10_443", "true" },
		{ "-", "(absent)" },             /* closed before a request */
		{ "", "(absent)" },
	};
	struct request_record r;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ok_eq(parse_request(cases[i].request, &r), 0, "\"%s\": the line parses",
		      cases[i].request);
		ok_str(req_text(&r, REQ_REQUEST_LINE_MALFORMED), cases[i].want,
		       "\"%s\": request_line_malformed", cases[i].request);
	}
	parse_request("\\x16\\x03\\x01", &r);
	ok(!req_has(&r, REQ_METHOD) && !req_has(&r, REQ_PATH) && !req_has(&r, REQ_TARGET_FORM),
	   "TLS bytes: no method, path or target_form beside the flag");
	parse_request("GET /a b HTTP/1.1", &r);
	ok_str(req_text(&r, REQ_PATH), "/a b", "raw space: the path is still read");
}

static void test_log_target_form(void)
{
	static const struct {
		const char *request, *want;
	} cases[] = {
		{ "GET /a/b?c=d HTTP/1.1", "origin" },
		{ "GET //double HTTP/1.1", "origin" },
		{ "GET http://198.18.0.7:8080/x HTTP/1.1", "absolute" },
		{ "GET HTTPS://example.com HTTP/1.1", "absolute" },
		{ "GET gopher://example.com/_x HTTP/1.1", "absolute" },
		{ "CONNECT www.example.com:443 HTTP/1.1", "authority" },
		{ "CONNECT [2001:db8::1]:443 HTTP/1.1", "authority" },
		{ "OPTIONS * HTTP/1.1", "asterisk" },
		{ "GET x HTTP/1.1", "invalid" },
		{ "GET ../etc/passwd HTTP/1.1", "invalid" },
		{ "GET ** HTTP/1.1", "invalid" },
		{ "GET host: HTTP/1.1", "invalid" },
		{ "GET example.com:443/x HTTP/1.1", "invalid" },
		{ "GET 1http://x HTTP/1.1", "invalid" },
		{ "GET index.html HTTP/1.1", "invalid" },
	};
	struct request_record r;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		parse_request(cases[i].request, &r);
		ok_str(req_text(&r, REQ_TARGET_FORM), cases[i].want, "\"%s\": target_form",
		       cases[i].request);
	}
}

static int head(const char *h, struct request_record *r, bool cut)
{
	*r = (struct request_record){ 0 };
	return cut ? http_head_decode(h, strlen(h), r) : http_head_parse(h, strlen(h), r);
}

static void test_live(void)
{
	struct request_record r;

	ok_eq(head("GET /x HTTP/1.1\r\nHost: a\r\n\r\n", &r, false), 0, "live: origin-form head");
	ok_str(req_text(&r, REQ_TARGET_FORM), "origin", "live: target_form origin");
	ok_str(req_text(&r, REQ_REQUEST_LINE_MALFORMED), "false", "live: a parsed line is well-formed");
	head("GET http://198.18.0.7/ HTTP/1.1\r\n\r\n", &r, false);
	ok_str(req_text(&r, REQ_TARGET_FORM), "absolute", "live: absolute-form, as logs say");
	head("CONNECT example.com:443 HTTP/1.1\r\n\r\n", &r, false);
	ok_str(req_text(&r, REQ_TARGET_FORM), "authority", "live: authority-form, as logs say");
	head("OPTIONS * HTTP/1.1\r\n\r\n", &r, false);
	ok_str(req_text(&r, REQ_TARGET_FORM), "asterisk", "live: asterisk-form, as logs say");
	ok_eq(head("get / http/1.1\r\n\r\n", &r, false), -EINVAL, "live: a malformed line is no request");
	ok_str(req_text(&r, REQ_REQUEST_LINE_MALFORMED), "(absent)", "... and sets nothing");

	ok_eq(head("GET /long/path/cut-her", &r, true), 0, "live: line cut in an origin target");
	ok_str(req_text(&r, REQ_TARGET_FORM), "origin", "... is origin-form already");
	ok_str(req_text(&r, REQ_REQUEST_LINE_MALFORMED), "(absent)",
	       "... and its shape is unknown, not well-formed");
	ok_eq(head("CONNECT example.com:4", &r, true), 0, "live: line cut in an authority");
	ok_str(req_text(&r, REQ_TARGET_FORM), "(absent)", "... form unknown until the target ends");
	ok_eq(head("GET http://exam", &r, true), 0, "live: line cut in an absolute target");
	ok_str(req_text(&r, REQ_TARGET_FORM), "absolute", "... absolute once \"://\" came");
}

static void test_json_and_names(void)
{
	struct request_record r;
	struct json_object *o;

	parse_request("GET http://198.18.0.7/ HTTP/1.1", &r);
	o = request_to_json(&r);
	ok_str(json_object_get_string(json_object_object_get(o, "target_form")), "absolute",
	       "JSON: target_form");
	ok(json_object_get_boolean(json_object_object_get(o, "request_line_malformed")) == 0 &&
	   json_object_object_get(o, "request_line_malformed"),
	   "JSON: request_line_malformed false, present");
	json_object_put(o);
	ok_eq(req_field_by_name("target_form"), REQ_TARGET_FORM, "field name target_form");
	ok_eq(req_field_by_name("request_line_malformed"), REQ_REQUEST_LINE_MALFORMED,
	      "field name request_line_malformed");
	ok_eq(req_field_type(REQ_REQUEST_LINE_MALFORMED), REQ_TYPE_BOOL, "... a boolean");
}

int main(void)
{
	test_log_malformed();
	test_log_target_form();
	test_live();
	test_json_and_names();
	free(copy);
	return tap_done();
}
