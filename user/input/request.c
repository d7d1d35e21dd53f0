// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/clock.h"
#include "base/escape.h"
#include "input/request.h"

static const struct {
	const char *name;
	enum req_type type;
} fields[REQ_FIELD_COUNT] = {
#define GH_REQ_ROW(id, name, type) [REQ_##id] = { #name, type },
	REQUEST_FIELDS(GH_REQ_ROW)
#undef GH_REQ_ROW
};

int req_field_by_name(const char *name)
{
	for (int f = 0; f < REQ_FIELD_COUNT; f++)
		if (!strcmp(fields[f].name, name))
			return f;
	return -1;
}

const char *req_field_name(enum req_field f)
{
	return f < REQ_FIELD_COUNT ? fields[f].name : "?";
}

enum req_type req_field_type(enum req_field f)
{
	return fields[f].type;
}

#define METHOD(name) { #name, sizeof(#name) - 1, HTTP_METHOD_##name }

/* Lengths stored so a lookup compares bytes only when the length fits. */
static const struct {
	const char *name;
	uint32_t len;
	enum http_method m;
} methods[] = {
	METHOD(GET),	 METHOD(POST),	  METHOD(HEAD),	 METHOD(PUT),	METHOD(DELETE),
	METHOD(CONNECT), METHOD(OPTIONS), METHOD(TRACE), METHOD(PATCH),
};

enum http_method http_method_from(const char *p, uint32_t len)
{
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (methods[i].len == len && !memcmp(methods[i].name, p, len))
			return methods[i].m;
	return HTTP_METHOD_OTHER;
}

static const struct gh_str *str_slot(const struct request_record *r, enum req_field f)
{
	switch (f) {
	case REQ_METHOD: return &r->method_str;
	case REQ_PATH: return &r->path;
	case REQ_QUERY: return &r->query;
	case REQ_VERSION: return &r->version;
	case REQ_HOST: return &r->host;
	case REQ_USER_AGENT: return &r->user_agent;
	case REQ_REFERER: return &r->referer;
	case REQ_CONTENT_TYPE: return &r->content_type;
	case REQ_ACCEPT: return &r->accept;
	case REQ_SCHEME: return &r->scheme;
	case REQ_FORWARDED_FOR: return &r->forwarded_for;
	case REQ_REAL_IP: return &r->real_ip;
	case REQ_TARGET_FORM: return &r->target_form;
	default: return NULL;
	}
}

bool req_referer_query(const struct request_record *r, struct gh_str *out)
{
	const char *p = r->referer.p, *q, *end;

	/* Most Referers have no '?': one memchr (a set naming the field asks every record). */
	if (!(r->present & REQ_BIT(REQ_REFERER)) || !(q = memchr(p, '?', r->referer.len)) ||
	    memchr(p, '#', (size_t)(q - p)))
		return false;
	if (out) {
		end = memchr(q, '#', r->referer.len - (size_t)(q - p));
		out->p = q + 1;
		out->len = (uint32_t)((end ? end : p + r->referer.len) - q - 1);
	}
	return true;
}

bool req_get_str(const struct request_record *r, enum req_field f, struct gh_str *out)
{
	const struct gh_str *s = str_slot(r, f);

	if (f == REQ_REFERER_QUERY)
		return req_referer_query(r, out);
	if (!s || !req_has(r, f))
		return false;
	*out = *s;
	return true;
}

bool req_get_num(const struct request_record *r, enum req_field f, uint64_t *out)
{
	if (!req_has(r, f))
		return false;
	switch (f) {
	case REQ_TS: *out = r->ts_ns / 1000000000ULL; return true;
	case REQ_SRC_PORT: *out = r->src_port; return true;
	case REQ_DST_PORT: *out = r->dst_port; return true;
	case REQ_CONTENT_LENGTH: *out = r->content_length; return true;
	case REQ_STATUS: *out = r->status; return true;
	case REQ_BYTES: *out = r->bytes; return true;
	case REQ_HAS_COOKIE: *out = r->has_cookie; return true;
	case REQ_IS_XHR: *out = r->is_xhr; return true;
	case REQ_REQUEST_LINE_MALFORMED: *out = r->request_line_malformed; return true;
	case REQ_PAGE_REFERER:
		*out = req_page_referer(r, &(struct gh_str){ 0 }) && !req_referer_unescaped(r) &&
		       req_referer_plain_host(r);
		return true;
	default: return false;
	}
}

/*
 * The length of the http:// or https:// (any case) that v starts with,
 * something after it; else 0. By hand: strncasecmp goes through the locale,
 * and every record with a Referer in a log asks (engine_render.c).
 */
static size_t http_scheme(struct gh_str v)
{
	const char *p = v.p;

	if (v.len < 8 || (p[0] | 0x20) != 'h' || (p[1] | 0x20) != 't' || (p[2] | 0x20) != 't' ||
	    (p[3] | 0x20) != 'p')
		return 0;
	if (p[4] == ':' && p[5] == '/' && p[6] == '/')
		return 7;
	return (p[4] | 0x20) == 's' && p[5] == ':' && p[6] == '/' && p[7] == '/' && v.len > 8 ? 8
													: 0;
}

/* h without a trailing :port; an IPv6 literal keeps its brackets. */
static struct gh_str host_sans_port(struct gh_str h)
{
	uint32_t i = h.len;

	while (i && h.p[i - 1] >= '0' && h.p[i - 1] <= '9')
		i--;
	if (i < 2 || i == h.len || h.p[i - 1] != ':')
		return h;
	if (h.p[0] == '[' ? h.p[i - 2] == ']' : !memchr(h.p, ':', i - 1))
		h.len = i - 1;
	return h;
}

/* Whether a ends in b after a dot: a is a name under b (www.example.com, example.com). */
static bool host_under(struct gh_str a, struct gh_str b)
{
	return a.len > b.len + 1 && a.p[a.len - b.len - 1] == '.' &&
	       !strncasecmp(a.p + a.len - b.len, b.p, b.len);
}

/*
 * The same site: the same name in any case whatever the ports (a log's
 * Host, Apache's %v or nginx's $host, has none), or one a name under the
 * other (Apache's %v is the ServerName, not the alias the browser used).
 * The Referer's case is the Host's in most requests: no folding then.
 */
static bool same_site(struct gh_str referer_host, struct gh_str host)
{
	struct gh_str a = host_sans_port(referer_host), b = host_sans_port(host);

	if (a.len == b.len)
		return !memcmp(a.p, b.p, a.len) || !strncasecmp(a.p, b.p, a.len);
	return host_under(a, b) || host_under(b, a);
}

/*
 * A host a browser writes into a Referer: a name or an address, a port,
 * an IPv6 literal in brackets. Browsers drop user-info and encode
 * everything else, so an authority with a quote, a parenthesis or an '@'
 * is a tool's, and names no page of any site.
 */
static bool plain_authority(const char *p, size_t n)
{
	/* Letters, digits and the punctuation of names, ports and IPv6 literals. */
	static const bool plain[256] = {
		['-'] = 1, ['.'] = 1, ['_'] = 1, [':'] = 1, ['['] = 1, [']'] = 1,
		['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
		['7'] = 1, ['8'] = 1, ['9'] = 1,
		['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
		['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
		['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
		['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
		['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
		['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
		['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
		['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	};
	bool ok = true;

	for (size_t i = 0; i < n; i++)
		ok &= plain[(unsigned char)p[i]];
	return ok;
}

bool req_referer_plain_host(const struct request_record *r)
{
	struct gh_str v = r->referer;
	size_t scheme = req_has(r, REQ_REFERER) ? http_scheme(v) : 0;
	const char *end = scheme ? memchr(v.p + scheme, '/', v.len - scheme) : NULL;

	return scheme && plain_authority(v.p + scheme,
					 (size_t)((end ? end : v.p + v.len) - v.p) - scheme);
}

bool req_page_referer(const struct request_record *r, struct gh_str *target)
{
	struct gh_str v = r->referer;
	size_t scheme = req_has(r, REQ_REFERER) ? http_scheme(v) : 0;
	const char *slash;

	if (!scheme || !(slash = memchr(v.p + scheme, '/', v.len - scheme)) ||
	    slash == v.p + scheme || memchr(v.p, '#', v.len))
		return false;
	if (req_has(r, REQ_HOST) && r->host.len &&
	    !same_site((struct gh_str){ v.p + scheme, (uint32_t)(slash - v.p - scheme) }, r->host))
		return false;
	target->p = slash;
	target->len = (uint32_t)(v.len - (size_t)(slash - v.p));
	return true;
}

bool req_referer_unescaped(const struct request_record *r)
{
	struct gh_str v = r->referer;

	if (!req_has(r, REQ_REFERER))
		return false;
	for (uint32_t i = 0; i < v.len; i++) {
		unsigned char c = (unsigned char)v.p[i];

		if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == 0x7f)
			return true;
	}
	return false;
}

bool req_target_is(const struct request_record *r, struct gh_str t)
{
	bool q = req_has(r, REQ_QUERY);

	return t.len == r->path.len + (q ? 1 + r->query.len : 0) &&
	       !memcmp(t.p, r->path.p, r->path.len) &&
	       (!q || (t.p[r->path.len] == '?' &&
		       !memcmp(t.p + r->path.len + 1, r->query.p, r->query.len)));
}

int req_format_field(const struct request_record *r, enum req_field f, char *buf, size_t len)
{
	struct gh_str s;
	uint64_t n;

	if (!req_has(r, f) || !len)
		return -1;
	switch (req_field_type(f)) {
	case REQ_TYPE_STR:
		req_get_str(r, f, &s);
		/* What fits, not what snprintf would have written: callers read n bytes. */
		if (s.len >= len)
			s.len = (uint32_t)(len - 1);
		memcpy(buf, s.p, s.len);
		buf[s.len] = '\0';
		return (int)s.len;
	case REQ_TYPE_ADDR:
		gh_addr_format(req_addr(r, f), buf, len);
		return (int)strlen(buf);
	case REQ_TYPE_TIME:
		gh_format_rfc3339(r->ts_ns, buf, len);
		return (int)strlen(buf);
	case REQ_TYPE_BOOL:
		req_get_num(r, f, &n);
		return snprintf(buf, len, "%s", n ? "true" : "false");
	case REQ_TYPE_NUM:
		req_get_num(r, f, &n);
		return snprintf(buf, len, "%" PRIu64, n);
	}
	return -1;
}

struct json_object *request_to_json(const struct request_record *r)
{
	struct json_object *o = json_object_new_object();
	char buf[64];

	for (int f = 0; f < REQ_FIELD_COUNT; f++) {
		struct json_object *v = NULL;
		struct gh_str s;
		uint64_t n;

		if (!(r->present & REQ_BIT(f)))
			continue; /* and the derived fields: computed, not seen */
		switch (req_field_type(f)) {
		case REQ_TYPE_STR:
			req_get_str(r, f, &s);
			v = gh_json_string(s.p, s.len);
			break;
		case REQ_TYPE_NUM:
			req_get_num(r, f, &n);
			v = json_object_new_uint64(n);
			break;
		case REQ_TYPE_BOOL:
			req_get_num(r, f, &n);
			v = json_object_new_boolean(n != 0);
			break;
		case REQ_TYPE_ADDR:
		case REQ_TYPE_TIME:
			req_format_field(r, f, buf, sizeof(buf));
			v = json_object_new_string(buf);
			break;
		}
		json_object_object_add(o, req_field_name(f), v);
	}
	if (r->truncated)
		json_object_object_add(o, "truncated", json_object_new_boolean(1));
	return o;
}
