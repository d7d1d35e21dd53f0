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

bool req_get_str(const struct request_record *r, enum req_field f, struct gh_str *out)
{
	const struct gh_str *s = str_slot(r, f);

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
		*out = req_page_referer(r, &(struct gh_str){ 0 }) && !req_referer_unescaped(r);
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

bool req_page_referer(const struct request_record *r, struct gh_str *target)
{
	struct gh_str v = r->referer, h = r->host;
	size_t scheme = req_has(r, REQ_REFERER) ? http_scheme(v) : 0;
	const char *slash;

	if (!scheme || !(slash = memchr(v.p + scheme, '/', v.len - scheme)) ||
	    slash == v.p + scheme || memchr(v.p, '#', v.len))
		return false;
	/* A Host in the Referer's case (most) needs no case-folding compare. */
	if (req_has(r, REQ_HOST) && h.len &&
	    ((size_t)(slash - v.p) - scheme != h.len ||
	     (memcmp(v.p + scheme, h.p, h.len) && strncasecmp(v.p + scheme, h.p, h.len))))
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
