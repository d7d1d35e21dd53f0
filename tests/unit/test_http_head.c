// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * HTTP/1.x head parser: captured heads (tests/unit/data/heads, see its
 * README) whole and cut at every byte, then hostile inputs. Every input is
 * parsed from a heap copy of exactly its length, so a read past the end is
 * a real overread for valgrind or ASan, not a read of a string's NUL.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/escape.h"
#include "input/http_head.h"
#include "tap.h"

#define HEADS_DIR "tests/unit/data/heads/"
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static char *dup_exact(const void *p, size_t n)
{
	char *b = malloc(n ? n : 1);

	if (!b)
		abort();
	memcpy(b, p, n);
	return b;
}

/* The request line's shape (target_form, request_line_malformed): constants,
 * not slices of the head; test_request_line.c checks them. */
#define LINE_SHAPE_FIELDS (REQ_BIT(REQ_TARGET_FORM) | REQ_BIT(REQ_REQUEST_LINE_MALFORMED))

/* Every present field the parser owns as "name=value", in field order. */
static const char *describe(const struct request_record *r)
{
	static char out[4096];
	char val[1024];
	size_t n = 0;

	out[0] = '\0';
	for (int f = 0; f < REQ_FIELD_COUNT && n < sizeof(out); f++) {
		if (!((HTTP_HEAD_FIELDS & ~LINE_SHAPE_FIELDS) & REQ_BIT(f)) ||
		    req_format_field(r, f, val, sizeof(val)) < 0)
			continue;
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s=%s", n ? " " : "",
				      req_field_name(f), val);
	}
	return out;
}

/*
 * A record as the daemon hands it over: fields the parser must not touch
 * set, and every field it owns holding a stale value from a previous
 * request, which a parse must clear or replace.
 */
static void stale_record(struct request_record *r)
{
	struct gh_str *owned[] = { &r->method_str, &r->path,	&r->query,
				   &r->version,	   &r->host,	&r->user_agent,
				   &r->referer,	   &r->accept, &r->content_type };

	memset(r, 0, sizeof(*r));
	r->ts_ns = 1764052200123000000ULL;
	gh_addr_parse("192.0.2.7", &r->src);
	gh_addr_parse("2001:db8::1", &r->dst);
	r->src_port = 51234;
	r->dst_port = 8080;
	r->status = 404;
	r->bytes = 777;
	r->sock_cookie = 0x1122334455667788ULL;
	r->scheme = GH_STR_LIT("https");
	r->method = HTTP_METHOD_PATCH;
	r->has_cookie = true;
	r->is_xhr = true;
	r->content_length = 99;
	for (size_t i = 0; i < ARRAY_SIZE(owned); i++)
		*owned[i] = GH_STR_LIT("stale");
	r->present = ~0U >> (32 - REQ_FIELD_COUNT);
}

/* The fields the parser does not own are as stale_record() left them. */
static bool others_untouched(const struct request_record *r)
{
	struct request_record want;

	stale_record(&want);
	return (r->present & ~HTTP_HEAD_FIELDS) == (want.present & ~HTTP_HEAD_FIELDS) &&
	       r->ts_ns == want.ts_ns && gh_addr_equal(&r->src, &want.src) &&
	       gh_addr_equal(&r->dst, &want.dst) && r->src_port == want.src_port &&
	       r->dst_port == want.dst_port && r->status == want.status &&
	       r->bytes == want.bytes && r->sock_cookie == want.sock_cookie &&
	       r->scheme.p == want.scheme.p && r->scheme.len == want.scheme.len;
}

/* ---- captured heads ---------------------------------------------------- */

#define CHROME_UA                                                                          \
	"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "           \
	"Chrome/120.0.0.0 Safari/537.36"

static const struct fixture {
	const char *file;
	enum http_method method;
	const char *want;
} fixtures[] = {
	{ "curl_get.http", HTTP_METHOD_GET,
	  "method=GET path=/index.html query=lang=en&x=1 version=HTTP/1.1 host=127.0.0.1:18089 "
	  "user_agent=curl/7.88.1 accept=*/* has_cookie=false is_xhr=false" },
	{ "curl_post_json.http", HTTP_METHOD_POST,
	  "method=POST path=/api/login version=HTTP/1.1 host=127.0.0.1:18089 "
	  "user_agent=curl/7.88.1 referer=http://127.0.0.1:18089/login "
	  "content_type=application/json accept=*/* content_length=31 has_cookie=true "
	  "is_xhr=false" },
	{ "curl_proxy_absolute.http", HTTP_METHOD_GET,
	  "method=GET path=/dir/page.php query=id=7&q=a%20b version=HTTP/1.1 "
	  "host=www.example.com:8080 user_agent=curl/7.88.1 accept=*/* has_cookie=false "
	  "is_xhr=false" },
	{ "curl_connect.http", HTTP_METHOD_CONNECT,
	  "method=CONNECT path=www.example.com:443 version=HTTP/1.1 host=www.example.com:443 "
	  "user_agent=curl/7.88.1 has_cookie=false is_xhr=false" },
	{ "curl_options_star.http", HTTP_METHOD_OPTIONS,
	  "method=OPTIONS path=* version=HTTP/1.1 host=127.0.0.1:18089 user_agent=curl/7.88.1 "
	  "accept=*/* has_cookie=false is_xhr=false" },
	{ "curl_head.http", HTTP_METHOD_HEAD,
	  "method=HEAD path=/robots.txt version=HTTP/1.1 host=127.0.0.1:18089 "
	  "user_agent=curl/7.88.1 accept=*/* has_cookie=false is_xhr=false" },
	{ "wget_get.http", HTTP_METHOD_GET,
	  "method=GET path=/download/file.tar.gz version=HTTP/1.1 host=127.0.0.1:18089 "
	  "user_agent=Wget/1.21.3 accept=*/* has_cookie=false is_xhr=false" },
	{ "python_urllib.http", HTTP_METHOD_GET,
	  "method=GET path=/search query=q=caf%C3%A9&page=2 version=HTTP/1.1 "
	  "host=127.0.0.1:18089 user_agent=Python-urllib/3.11 has_cookie=false is_xhr=false" },
	{ "python_httpclient_put.http", HTTP_METHOD_PUT,
	  "method=PUT path=/files/report.csv version=HTTP/1.1 host=127.0.0.1:18089 "
	  "content_type=text/csv content_length=8 has_cookie=false is_xhr=true" },
	{ "firefox_subresource.http", HTTP_METHOD_GET,
	  "method=GET path=/static/css/app.css query=v=3f2a version=HTTP/1.1 "
	  "host=www.example.org user_agent=Mozilla/5.0 (X11; Linux x86_64; rv:121.0) "
	  "Gecko/20100101 Firefox/121.0 referer=https://www.example.org/blog/ "
	  "accept=text/css,*/*;q=0.1 has_cookie=true is_xhr=false" },
	{ "chromium_navigate.http", HTTP_METHOD_GET,
	  "method=GET path=/account/orders query=page=2&sort=date version=HTTP/1.1 "
	  "host=shop.example.com user_agent=" CHROME_UA " "
	  "referer=https://shop.example.com/account "
	  "accept=text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
	  "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7 has_cookie=true "
	  "is_xhr=false" },
	{ "chromium_xhr.http", HTTP_METHOD_POST,
	  "method=POST path=/api/cart/items version=HTTP/1.1 host=shop.example.com "
	  "user_agent=" CHROME_UA " referer=https://shop.example.com/cart "
	  "content_type=application/x-www-form-urlencoded; charset=UTF-8 "
	  "accept=application/json, text/javascript, */*; q=0.01 content_length=38 "
	  "has_cookie=true is_xhr=true" },
};

static char *load(const char *file, size_t *len)
{
	char path[256];
	char *buf = NULL;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), HEADS_DIR "%s", file);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) > 0 && !fseek(f, 0, SEEK_SET)) {
		buf = malloc((size_t)n);
		if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)n;
	}
	fclose(f);
	return buf;
}

/* Offset of a present string field within [buf, buf+len), or -1. */
static long slice_offset(const struct request_record *r, enum req_field f, const char *buf,
			 size_t len)
{
	struct gh_str s;

	if (!req_get_str(r, f, &s) || s.p < buf || s.p > buf + len ||
	    s.len > (size_t)(buf + len - s.p))
		return -1;
	return s.p - buf;
}

/*
 * Cut a captured head at every byte, as the kernel's snapshot may be. A
 * cut inside the request line is -EMSGSIZE; any later cut parses, every
 * field it reports comes from a line that ended before the cut and agrees
 * with the uncut parse, a "false" cookie/xhr appears only once the blank
 * line was seen, and from the blank line on the result is the uncut one.
 */
static void check_every_cut(const char *name, const char *head, size_t len,
			    const struct request_record *full)
{
	size_t line_end = (size_t)((const char *)memmem(head, len, "\r\n", 2) - head) + 2;
	size_t head_end = (size_t)((const char *)memmem(head, len, "\r\n\r\n", 4) - head) + 4;
	int bad_ret = 0, past_cut = 0, disagree = 0, differ = 0;
	char full_desc[4096];

	snprintf(full_desc, sizeof(full_desc), "%s", describe(full));
	for (size_t cut = 0; cut <= len; cut++) {
		char *buf = dup_exact(head, cut);
		struct request_record r = { 0 };
		int ret = http_head_parse(buf, cut, &r);

		if (ret != (cut < line_end ? -EMSGSIZE : 0))
			bad_ret++;
		for (int f = 0; !ret && f < REQ_FIELD_COUNT; f++) {
			uint64_t v, fv;
			struct gh_str s, fs;

			if (!((HTTP_HEAD_FIELDS & ~LINE_SHAPE_FIELDS) & REQ_BIT(f)) || !req_has(&r, f))
				continue;
			if (req_get_str(&r, f, &s)) {
				long off = slice_offset(&r, f, buf, cut);
				const char *lf;

				if (off < 0) {
					past_cut++;
					continue;
				}
				lf = memchr(head + off + s.len, '\n', len - (size_t)off - s.len);
				if (!lf || (size_t)(lf - head) >= cut)
					past_cut++;
				if (slice_offset(full, f, head, len) != off ||
				    !req_get_str(full, f, &fs) || fs.len != s.len)
					disagree++;
				continue;
			}
			req_get_num(&r, f, &v);
			if (!req_get_num(full, f, &fv) || fv != v)
				disagree++;
			if (req_field_type(f) == REQ_TYPE_BOOL && !v && cut < head_end)
				past_cut++;
		}
		if (!ret && cut >= head_end && strcmp(describe(&r), full_desc))
			differ++;
		free(buf);
	}
	ok(!bad_ret, "%s: -EMSGSIZE for cuts in the request line, 0 after (%d wrong)", name,
	   bad_ret);
	ok(!past_cut, "%s: no cut reports a field past it (%d did)", name, past_cut);
	ok(!disagree, "%s: fields of every cut agree with the whole head (%d differ)", name,
	   disagree);
	ok(!differ, "%s: cuts from the blank line on give the whole head (%d differ)", name,
	   differ);
}

static void test_fixtures(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(fixtures); i++) {
		const struct fixture *fx = &fixtures[i];
		struct request_record r;
		size_t len = 0;
		char *head = load(fx->file, &len);
		int ret;

		if (!ok(head != NULL, "%s: loaded from " HEADS_DIR, fx->file))
			continue;
		stale_record(&r);
		ret = http_head_parse(head, len, &r);
		ok_eq(ret, 0, "%s: parses", fx->file);
		ok_str(describe(&r), fx->want, "%s: fields", fx->file);
		ok_eq(r.method, fx->method, "%s: method id", fx->file);
		ok(others_untouched(&r), "%s: fields the parser does not own untouched", fx->file);
		check_every_cut(fx->file, head, len, &r);
		free(head);
	}
}

/* ---- hostile and edge inputs ------------------------------------------- */

#define RL   "GET / HTTP/1.1\r\n"
#define BASE "method=GET path=/ version=HTTP/1.1"
/* has_cookie/is_xhr both false: the whole header block was seen. */
#define DONE " has_cookie=false is_xhr=false"

struct head_case {
	const char *name;
	const char *in;
	size_t len; /* from sizeof, so NUL bytes inside count */
	int ret;
	const char *want; /* describe() on success */
};

#define OK(name, lit, want)   { name, lit, sizeof(lit) - 1, 0, want }
#define ERR(name, lit, err)   { name, lit, sizeof(lit) - 1, err, NULL }
#define LENGTH(name, hdrs, want) OK("Content-Length " name, RL hdrs "\r\n", BASE want DONE)

static const struct head_case cases[] = {
	/* request line */
	OK("minimal", RL "\r\n", BASE DONE),
	ERR("empty buffer", "", -EMSGSIZE),
	ERR("request line without its end", "GET / HTTP/1.1", -EMSGSIZE),
	ERR("request line cut after CR", "GET / HTTP/1.1\r", -EMSGSIZE),
	ERR("lowercase method", "get / HTTP/1.1\r\n\r\n", -EINVAL),
	ERR("mixed-case method", "Get / HTTP/1.1\r\n\r\n", -EINVAL),
	ERR("method with no space", "GET/ HTTP/1.1\r\n\r\n", -EINVAL),
	ERR("method alone", "GET\r\n\r\n", -EINVAL),
	ERR("tab after method", "GET\t/ HTTP/1.1\r\n\r\n", -EINVAL),
	ERR("method byte >= 0x80", "G\xc3\x89T / HTTP/1.1\r\n\r\n", -EINVAL),
	OK("extension method", "PROPFIND /dav HTTP/1.1\r\n\r\n",
	   "method=PROPFIND path=/dav version=HTTP/1.1" DONE),
	OK("method of 32 bytes", "ABCDEFGHIJKLMNOPQRSTUVWXYZ_-ABCD / HTTP/1.1\r\n\r\n",
	   "method=ABCDEFGHIJKLMNOPQRSTUVWXYZ_-ABCD path=/ version=HTTP/1.1" DONE),
	ERR("method of 33 bytes", "ABCDEFGHIJKLMNOPQRSTUVWXYZ_-ABCDE / HTTP/1.1\r\n\r\n", -EINVAL),
	ERR("method of 33 bytes, cut", "ABCDEFGHIJKLMNOPQRSTUVWXYZ_-ABCDE", -EINVAL),
	ERR("HTTP/0.9 (no version)", "GET /\r\n\r\n", -EINVAL),
	ERR("HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", -EINVAL),
	OK("HTTP/1.0 with LF", "GET / HTTP/1.0\n\n", "method=GET path=/ version=HTTP/1.0" DONE),
	OK("HTTP/1.10 (nginx takes it)", "GET / HTTP/1.10\r\n\r\n",
	   "method=GET path=/ version=HTTP/1.10" DONE),
	ERR("minor version over 999", "GET / HTTP/1.1000\r\n\r\n", -EINVAL),
	ERR("version without minor", "GET / HTTP/1.\r\n\r\n", -EINVAL),
	ERR("version minor not a digit", "GET / HTTP/1.x\r\n\r\n", -EINVAL),
	ERR("lowercase version", "GET / http/1.1\r\n\r\n", -EINVAL),
	ERR("version cut, already wrong", "GET / HTTP/2", -EINVAL),
	ERR("version cut, still right", "GET / HTTP/1.", -EMSGSIZE),
	ERR("version ended by a space in a cut line", "GET / HTTP/1. ", -EINVAL),
	OK("runs of spaces (nginx takes them)", "GET   /a   HTTP/1.1  \r\n\r\n",
	   "method=GET path=/a version=HTTP/1.1" DONE),
	ERR("space inside the target", "GET /a b HTTP/1.1\r\n\r\n", -EINVAL),
	ERR("junk after the version", "GET / HTTP/1.1 x\r\n\r\n", -EINVAL),
	ERR("NUL in the request line", "GET /\0 HTTP/1.1\r\n\r\n", -EINVAL),
	ERR("control byte in the target", "GET /a\x01 HTTP/1.1\r\n\r\n", -EINVAL),
	ERR("DEL in the target", "GET /a\x7f HTTP/1.1\r\n\r\n", -EINVAL),
	ERR("bare CR in the request line", "GET / HTTP/1.1\rHost: a\r\n\r\n", -EINVAL),
	ERR("space before the method", " GET / HTTP/1.1\r\n\r\n", -EINVAL),
	ERR("no method", " / HTTP/1.1\r\n\r\n", -EINVAL),
	ERR("NUL in the last bytes of a cut request line", "GET /\0", -EINVAL),
	ERR("DEL in the last bytes of a cut request line", "GET /\x7f", -EINVAL),
	ERR("blank line before the request", "\r\nGET / HTTP/1.1\r\n\r\n", -EINVAL),
	ERR("target starting with ?", "GET ?a HTTP/1.1\r\n\r\n", -EINVAL),
	OK("bad UTF-8 kept raw",
	   "GET /caf\xc3\x28\xff?q=\xfe HTTP/1.1\r\nUser-Agent: \xc0\xaf\xed\xa0\x80\r\n\r\n",
	   "method=GET path=/caf\xc3\x28\xff query=q=\xfe version=HTTP/1.1 "
	   "user_agent=\xc0\xaf\xed\xa0\x80" DONE),

	/* request target forms */
	OK("query split at the first ?", "GET /a?b?c=d HTTP/1.1\r\n\r\n",
	   "method=GET path=/a query=b?c=d version=HTTP/1.1" DONE),
	OK("empty query", "GET /a? HTTP/1.1\r\n\r\n",
	   "method=GET path=/a query= version=HTTP/1.1" DONE),
	OK("absolute-form", "GET http://ex.com:8080/p/q?x=1 HTTP/1.1\r\n\r\n",
	   "method=GET path=/p/q query=x=1 version=HTTP/1.1 host=ex.com:8080" DONE),
	OK("absolute-form authority beats a Host header",
	   "GET HTTPS://ex.com/p HTTP/1.1\r\nHost: other\r\n\r\n",
	   "method=GET path=/p version=HTTP/1.1 host=ex.com" DONE),
	OK("absolute-form without a path", "GET http://ex.com HTTP/1.1\r\n\r\n",
	   "method=GET path=/ version=HTTP/1.1 host=ex.com" DONE),
	OK("absolute-form with a query, without a path", "GET http://ex.com?x HTTP/1.1\r\n\r\n",
	   "method=GET path=/ query=x version=HTTP/1.1 host=ex.com" DONE),
	OK("absolute-form userinfo is not the host", "GET http://u:p@ex.com/ HTTP/1.1\r\n\r\n",
	   "method=GET path=/ version=HTTP/1.1 host=ex.com" DONE),
	OK("absolute-form '@' after '?' is query", "GET http://ex.com?@evil/ HTTP/1.1\r\n\r\n",
	   "method=GET path=/ query=@evil/ version=HTTP/1.1 host=ex.com" DONE),
	OK("absolute-form with an empty authority", "GET http:///p HTTP/1.1\r\nHost: h\r\n\r\n",
	   "method=GET path=/p version=HTTP/1.1 host=h" DONE),
	OK("other schemes stay whole", "GET ftp://ex.com/f HTTP/1.1\r\n\r\n",
	   "method=GET path=ftp://ex.com/f version=HTTP/1.1" DONE),
	OK("asterisk-form", "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n",
	   "method=OPTIONS path=* version=HTTP/1.1 host=h" DONE),
	OK("authority-form", "CONNECT ex.com:443 HTTP/1.1\r\n\r\n",
	   "method=CONNECT path=ex.com:443 version=HTTP/1.1" DONE),

	/* line ends, truncation, stops */
	OK("LF only", "GET /a HTTP/1.1\nHost: h\nUser-Agent: u\n\n",
	   "method=GET path=/a version=HTTP/1.1 host=h user_agent=u" DONE),
	OK("CRLF and LF mixed", RL "Host: h\nAccept: */*\r\n\n", BASE " host=h accept=*/*" DONE),
	OK("CR CR LF ends a line (nginx)", RL "Host: h\r\r\nUser-Agent: u\r\n\r\n",
	   BASE " host=h user_agent=u" DONE),
	OK("bare CR stops at its line", RL "Host: h\r\nX-A: 1\rUser-Agent: u\r\n\r\n",
	   BASE " host=h"),
	OK("NUL in a value stops at its line",
	   RL "Host: h\r\nX-A: a\0b\r\nUser-Agent: u\r\nCookie: c\r\n\r\n", BASE " host=h"),
	OK("NUL in a name stops at its line", RL "Host: h\r\nX\0: a\r\nUser-Agent: u\r\n\r\n",
	   BASE " host=h"),
	OK("NUL in the last bytes of the buffer stops", RL "Cookie: c\r\nA:\0\n\r\n",
	   BASE " has_cookie=true"),
	OK("NUL in a wanted value drops it whole", RL "User-Agent: a\0b\r\nHost: h\r\n\r\n",
	   BASE),
	OK("truncated final line is ignored", RL "Host: h\r\nUser-Agent: curl", BASE " host=h"),
	OK("block cut before the blank line", RL "Host: h\r\n", BASE " host=h"),
	OK("blank line cut after its CR", RL "Host: h\r\n\r", BASE " host=h"),
	OK("pipelined: only the first head",
	   "GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: b\r\nCookie: c\r\n"
	   "X-Requested-With: XMLHttpRequest\r\n\r\n",
	   "method=GET path=/a version=HTTP/1.1 host=a" DONE),
	OK("body is not headers",
	   "POST /f HTTP/1.1\r\nContent-Length: 22\r\n\r\nHost: evil\r\nCookie: x\r\n",
	   "method=POST path=/f version=HTTP/1.1 content_length=22" DONE),

	/* header names and values */
	OK("OWS trimmed", RL "User-Agent: \t a b \t\r\nReferer:x\r\n\r\n",
	   BASE " user_agent=a b referer=x" DONE),
	OK("control bytes stay in values (nginx)", RL "User-Agent: a\x01\tb\r\n\r\n",
	   BASE " user_agent=a\x01\tb" DONE),
	OK("names are case-insensitive",
	   RL "hOsT: h\r\nUSER-AGENT: u\r\ncOoKiE: c=1\r\nx-requested-with: xmlhttprequest\r\n\r\n",
	   BASE " host=h user_agent=u has_cookie=true is_xhr=true"),
	OK("empty values", RL "Host:\r\nUser-Agent: \r\nCookie:\r\n\r\n",
	   BASE " host= user_agent=" DONE),
	OK("duplicate Host keeps the first", RL "Host: a\r\nHost: b\r\n\r\n", BASE " host=a" DONE),
	OK("space before the colon is not a field", RL "Host : evil\r\nHost: h\r\n\r\n",
	   BASE " host=h" DONE),
	OK("obs-fold line is not a field", RL "X-A: 1\r\n Host: evil\r\nHost: h\r\n\r\n",
	   BASE " host=h" DONE),
	OK("line without a colon skipped", RL "Garbage\r\nHost: h\r\n\r\n", BASE " host=h" DONE),
	OK("empty name skipped", RL ": x\r\nHost: h\r\n\r\n", BASE " host=h" DONE),
	OK("name with bytes >= 0x80 skipped", RL "Host\xc3\xa9: x\r\nHost: h\r\n\r\n",
	   BASE " host=h" DONE),
	OK("longer names are other fields", RL "Hostname: x\r\nUser-Agentx: y\r\n\r\n",
	   BASE DONE),
	OK("Cookie seen in a cut block", RL "Cookie: a=1\r\nUser-Agent: u",
	   BASE " has_cookie=true"),
	OK("empty Cookie in a cut block stays unknown", RL "Cookie:\r\n", BASE),
	OK("a later non-empty Cookie counts", RL "Cookie:\r\nCookie: a=1\r\n\r\n",
	   BASE " has_cookie=true is_xhr=false"),
	OK("X-Requested-With with another value", RL "X-Requested-With: com.android.browser\r\n\r\n",
	   BASE DONE),
	OK("X-Requested-With near miss", RL "X-Requested-With: XMLHttpRequests\r\n\r\n", BASE DONE),
	OK("X-Requested-With in a cut block", RL "X-Requested-With: XMLHttpRequest\r\n",
	   BASE " is_xhr=true"),

	/* Content-Length */
	LENGTH("0", "Content-Length: 0\r\n", " content_length=0"),
	LENGTH("42", "Content-Length: 42\r\n", " content_length=42"),
	LENGTH("leading zeros", "Content-Length: 007\r\n", " content_length=7"),
	LENGTH("OWS", "Content-Length: \t 5 \t\r\n", " content_length=5"),
	LENGTH("2^64-1", "Content-Length: 18446744073709551615\r\n",
	       " content_length=18446744073709551615"),
	LENGTH("2^64 overflows", "Content-Length: 18446744073709551616\r\n", ""),
	LENGTH("20 nines overflow", "Content-Length: 99999999999999999999\r\n", ""),
	LENGTH("negative", "Content-Length: -1\r\n", ""),
	LENGTH("plus sign", "Content-Length: +5\r\n", ""),
	LENGTH("inner space", "Content-Length: 1 2\r\n", ""),
	LENGTH("empty", "Content-Length:\r\n", ""),
	LENGTH("hex", "Content-Length: 0x10\r\n", ""),
	LENGTH("exponent", "Content-Length: 1e3\r\n", ""),
	LENGTH("list", "Content-Length: 5, 5\r\n", ""),
	LENGTH("duplicate, same value", "Content-Length: 5\r\nContent-Length: 005\r\n",
	       " content_length=5"),
	LENGTH("duplicate, other value", "Content-Length: 5\r\nContent-Length: 6\r\n", ""),
	LENGTH("bad, then good", "Content-Length: x\r\nContent-Length: 6\r\n", ""),
	LENGTH("good, then bad", "Content-Length: 6\r\nContent-Length: x\r\n", ""),
};

static void test_cases(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct head_case *c = &cases[i];
		char *buf = dup_exact(c->in, c->len);
		struct request_record r, before;
		int ret;

		stale_record(&r);
		memcpy(&before, &r, sizeof(r));
		ret = http_head_parse(buf, c->len, &r);
		ok_eq(ret, c->ret, "%s: returns %d", c->name, c->ret);
		if (c->want)
			ok_str(describe(&r), c->want, "%s: fields", c->name);
		else
			ok(!memcmp(&r, &before, sizeof(r)), "%s: record untouched", c->name);
		free(buf);
	}
}

/* Parse in[0..cut) from an exact-size copy; desc gets describe(), or "" on error. */
static int parse_cut(const char *in, size_t cut, char *desc, size_t desclen)
{
	char *buf = dup_exact(in, cut);
	struct request_record r = { 0 };
	int ret = http_head_parse(buf, cut, &r);

	snprintf(desc, desclen, "%s", ret ? "" : describe(&r));
	free(buf);
	return ret;
}

static void test_request_line_cuts(void)
{
	static const char good[] = "GET / HTTP/1.1\r\n\r\n";
	static const char lower[] = "gET / HTTP/1.1\r\n\r\n";
	static const char h2[] = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
	const size_t line_end = 16, valid_h2_prefix = sizeof("PRI * HTTP/") - 1;
	int wrong[3] = { 0 };
	char desc[512];

	for (size_t cut = 0; cut < sizeof(good); cut++) {
		int ret = parse_cut(good, cut, desc, sizeof(desc));
		const char *want = cut < line_end ? "" : cut < sizeof(good) - 1 ? BASE : BASE DONE;

		wrong[0] += ret != (cut < line_end ? -EMSGSIZE : 0) || strcmp(desc, want);
	}
	for (size_t cut = 0; cut < sizeof(lower); cut++)
		wrong[1] += parse_cut(lower, cut, desc, sizeof(desc)) != (cut ? -EINVAL : -EMSGSIZE);
	for (size_t cut = 0; cut < sizeof(h2); cut++)
		wrong[2] += parse_cut(h2, cut, desc, sizeof(desc)) !=
			    (cut <= valid_h2_prefix ? -EMSGSIZE : -EINVAL);
	ok(!wrong[0], "\"GET / HTTP/1.1\" cut at every byte: -EMSGSIZE, then only what the cut holds "
		      "(%d wrong)", wrong[0]);
	ok(!wrong[1], "\"gET\" cut at every byte: -EINVAL once the first byte is in (%d wrong)",
	   wrong[1]);
	ok(!wrong[2], "HTTP/2 preface cut at every byte: -EMSGSIZE while a prefix of HTTP/1.x, "
		      "then -EINVAL (%d wrong)", wrong[2]);
}

/* The request line, `first`, n filler header lines, then `tail`; returns the length. */
static size_t build_head(char *buf, size_t cap, const char *first, int n, const char *tail)
{
	size_t len = (size_t)snprintf(buf, cap, RL "%s", first);

	for (int i = 0; i < n && len < cap; i++)
		len += (size_t)snprintf(buf + len, cap - len, "X-Filler-%d: %d\r\n", i, i);
	if (len < cap)
		len += (size_t)snprintf(buf + len, cap - len, "%s", tail);
	if (len >= cap)
		abort();
	return len;
}

static void test_line_limit(void)
{
	static const struct {
		const char *name, *first;
		int fillers;
		const char *tail, *want;
	} limits[] = {
		{ "64th header line is read", "", HTTP_HEAD_MAX_LINES - 1, "User-Agent: late\r\n\r\n",
		  BASE " user_agent=late" DONE },
		{ "65th header line is not", "", HTTP_HEAD_MAX_LINES, "User-Agent: late\r\n\r\n",
		  BASE },
		{ "blank line after 64 header lines ends the block", "", HTTP_HEAD_MAX_LINES, "\r\n",
		  BASE DONE },
		{ "65 header lines: block not seen whole", "", HTTP_HEAD_MAX_LINES + 1, "\r\n", BASE },
		{ "10000 header lines: fields before the limit stay", "Host: h\r\n", 10000,
		  "Cookie: c\r\n\r\n", BASE " host=h" },
	};
	size_t cap = 1 << 20;
	char *big = malloc(cap), desc[512];

	if (!big)
		abort();
	for (size_t i = 0; i < ARRAY_SIZE(limits); i++) {
		size_t len = build_head(big, cap, limits[i].first, limits[i].fillers, limits[i].tail);
		int ret = parse_cut(big, len, desc, sizeof(desc));

		ok(!ret && !strcmp(desc, limits[i].want), "%s", limits[i].name);
		if (ret || strcmp(desc, limits[i].want))
			tap_diag("got %d '%s', want '%s'", ret, desc, limits[i].want);
	}
	free(big);
}

static void test_oversized(void)
{
	const size_t n = 1 << 20;
	char *big = malloc(n + 64), *buf;
	struct request_record r = { 0 };
	size_t len;
	int ret;

	if (!big)
		abort();
	/* A 1 MiB Referer, then a field after it. */
	len = (size_t)sprintf(big, RL "Referer: ");
	memset(big + len, 'a', n);
	len += n;
	len += (size_t)sprintf(big + len, "\r\nUser-Agent: u\r\n\r\n");
	buf = dup_exact(big, len);
	ret = http_head_parse(buf, len, &r);
	ok(!ret && r.referer.len == n && req_has(&r, REQ_USER_AGENT) && r.user_agent.len == 1,
	   "1 MiB header value kept whole, the next field still read");
	free(buf);

	/* A 1 MiB target: cut before its end, then whole. */
	len = (size_t)sprintf(big, "GET /");
	memset(big + len, 'b', n);
	len += n;
	buf = dup_exact(big, len);
	ok_eq(http_head_parse(buf, len, &r), -EMSGSIZE, "1 MiB target without a line end");
	free(buf);
	len += (size_t)sprintf(big + len, " HTTP/1.1\r\n\r\n");
	buf = dup_exact(big, len);
	ret = http_head_parse(buf, len, &r);
	ok(!ret && r.path.len == n + 1, "1 MiB target parsed whole");
	free(buf);
	free(big);
}

static void test_method_ids(void)
{
	static const struct {
		const char *name;
		enum http_method m;
	} methods[] = {
		{ "GET", HTTP_METHOD_GET },	    { "HEAD", HTTP_METHOD_HEAD },
		{ "POST", HTTP_METHOD_POST },	    { "PUT", HTTP_METHOD_PUT },
		{ "DELETE", HTTP_METHOD_DELETE },   { "CONNECT", HTTP_METHOD_CONNECT },
		{ "OPTIONS", HTTP_METHOD_OPTIONS }, { "TRACE", HTTP_METHOD_TRACE },
		{ "PATCH", HTTP_METHOD_PATCH },	    { "PROPFIND", HTTP_METHOD_OTHER },
		{ "GETS", HTTP_METHOD_OTHER },
	};
	char line[64];
	int wrong = 0;

	for (size_t i = 0; i < ARRAY_SIZE(methods); i++) {
		struct request_record r = { 0 };
		int len = snprintf(line, sizeof(line), "%s / HTTP/1.1\r\n\r\n", methods[i].name);

		wrong += http_head_parse(line, (size_t)len, &r) || r.method != methods[i].m;
	}
	ok(!wrong, "method ids for the nine known methods and OTHER for the rest (%d wrong)", wrong);
}

static void test_starts_request(void)
{
#define S(lit, want) { lit, sizeof(lit) - 1, want }
	static const struct {
		const char *in;
		size_t len;
		bool want;
	} starts[] = {
		S("GET /", true),	   S("HEAD /", true),	   S("POST /", true),
		S("PUT /", true),	   S("DELETE /", true),	   S("CONNECT h:443", true),
		S("OPTIONS *", true),	   S("TRACE /", true),	   S("PATCH /", true),
		S("GET ", true),	   S("CONNECT ", true),	   S("GET", false),
		S("", false),		   S("GET\t/", false),	   S("get /", false),
		S("GETS /", false),	   S("PROPFIND /", false), S("PRI * HTTP/2.0", false),
		S(" GET /", false),	   S("\0GET /", false),	   S("GE T /", false),
		S("OPTIONSX /", false),	   S("\x16\x03\x01\x02\x00", false),
	};
#undef S
	for (size_t i = 0; i < ARRAY_SIZE(starts); i++) {
		char *buf = dup_exact(starts[i].in, starts[i].len), shown[64];

		gh_escape_text(starts[i].in, starts[i].len, shown, sizeof(shown));
		ok_eq(http_head_starts_request(buf, starts[i].len), starts[i].want,
		      "starts_request(\"%s\")", shown);
		free(buf);
	}
}

int main(void)
{
	test_fixtures();
	test_cases();
	test_request_line_cuts();
	test_line_limit();
	test_oversized();
	test_method_ids();
	test_starts_request();
	return tap_done();
}
