// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * nginx `escape=json` JSON lines (keys in docs/replay.md), read by a flat
 * scanner, not json-c: json-c builds a tree per line (allocations, several
 * times the cost of the whole CLF parse), and a log line is one object of
 * scalars. Nested values are skipped with a bounded depth.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/number.h"
#include "input/http_head.h"
#include "input/log_fields.h"

/* Nested JSON values (which no known key has) are skipped up to this depth. */
#define JSON_MAX_DEPTH 16

enum json_key {
	K_SRC_IP, K_DST_IP, K_SRC_PORT, K_DST_PORT,
	K_TIME_LOCAL, K_TIME_ISO, K_TIME_EPOCH,
	K_REQUEST, K_METHOD, K_URI, K_QUERY, K_VERSION,
	K_STATUS, K_BYTES, K_CONTENT_LENGTH, K_COOKIE, K_XHR, K_STR,
};

#define KEY(s, k) .name = s, .len = sizeof(s) - 1, .key = k
#define STR(f, member) .field = REQ_##f, .offset = offsetof(struct request_record, member)
static const struct {
	const char *name;
	uint8_t len;
	uint8_t key;
	uint8_t field;   /* K_STR: the field and where its gh_str lives */
	uint16_t offset;
} json_keys[] = {
	{ KEY("remote_addr", K_SRC_IP) },
	{ KEY("time_local", K_TIME_LOCAL) },
	{ KEY("time_iso8601", K_TIME_ISO) },
	{ KEY("msec", K_TIME_EPOCH) },
	{ KEY("request", K_REQUEST) },
	{ KEY("status", K_STATUS) },
	{ KEY("body_bytes_sent", K_BYTES) },
	{ KEY("http_referer", K_STR), STR(REFERER, referer) },
	{ KEY("http_user_agent", K_STR), STR(USER_AGENT, user_agent) },
	{ KEY("request_method", K_METHOD) },
	{ KEY("request_uri", K_URI) },
	{ KEY("args", K_QUERY) },
	{ KEY("query_string", K_QUERY) },
	{ KEY("server_protocol", K_VERSION) },
	{ KEY("http_host", K_STR), STR(HOST, host) },
	{ KEY("host", K_STR), STR(HOST, host) },
	{ KEY("scheme", K_STR), STR(SCHEME, scheme) },
	{ KEY("http_accept", K_STR), STR(ACCEPT, accept) },
	{ KEY("content_type", K_STR), STR(CONTENT_TYPE, content_type) },
	{ KEY("http_content_type", K_STR), STR(CONTENT_TYPE, content_type) },
	{ KEY("content_length", K_CONTENT_LENGTH) },
	{ KEY("http_content_length", K_CONTENT_LENGTH) },
	{ KEY("http_cookie", K_COOKIE) },
	{ KEY("http_x_requested_with", K_XHR) },
	{ KEY("remote_port", K_SRC_PORT) },
	{ KEY("server_addr", K_DST_IP) },
	{ KEY("server_port", K_DST_PORT) },
};
#undef STR
#undef KEY

static int key_of(struct gh_str k)
{
	for (size_t i = 0; i < sizeof(json_keys) / sizeof(json_keys[0]); i++)
		if (json_keys[i].len == k.len && !memcmp(json_keys[i].name, k.p, k.len))
			return (int)i;
	return -1;
}

static char *skip_ws(char *p, char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* Past a value that is not a string: a scalar, or an object or array skipped whole. */
static char *skip_value(char *p, char *end)
{
	int depth = 0;

	for (; p < end; p++) {
		switch (*p) {
		case '"':
			if (!depth || !(p = log_string_end(p + 1, end)))
				return NULL;
			break;
		case '{':
		case '[':
			if (++depth > JSON_MAX_DEPTH)
				return NULL;
			break;
		case '}':
		case ']':
			if (!depth)
				return p;
			if (!--depth)
				return p + 1;
			break;
		case ',':
		case ' ':
		case '\t':
			if (!depth)
				return p;
			break;
		}
	}
	return depth ? NULL : p;
}

static bool set_uint(struct request_record *rec, enum req_field f, struct gh_str v,
		     uint64_t max, uint64_t *dst)
{
	if (gh_parse_u64n(v.p, v.len, max, dst))
		return false;
	rec->present |= REQ_BIT(f);
	return true;
}

/*
 * One known key's value (a decoded string or a scalar token). escape=json
 * writes "" for a variable that is not set, so "" (and "-") is absent;
 * null too. But a log that has a Cookie or X-Requested-With column saw
 * the header or its absence: there "" is a known "not sent" (false), so
 * cookieless-client can apply. A value of the wrong shape for its key
 * rejects the line.
 */
static int json_field(struct request_record *rec, int k, struct gh_str v, bool str)
{
	bool empty = !v.len || log_is_dash(v.p, v.len) ||
		     (!str && v.len == 4 && !memcmp(v.p, "null", 4));
	uint64_t n;
	int err = 0;

	if (json_keys[k].key == K_COOKIE) {
		rec->has_cookie = !empty;
		rec->present |= REQ_BIT(REQ_HAS_COOKIE);
		return 0;
	}
	if (json_keys[k].key == K_XHR) {
		rec->is_xhr = v.len == 14 && http_ci_eq(v.p, "xmlhttprequest", 14);
		rec->present |= REQ_BIT(REQ_IS_XHR);
		return 0;
	}
	if (empty)
		return 0;
	switch (json_keys[k].key) {
	case K_SRC_IP:
		/* A hostname or "unix:" is no address: absent, as in CLF. */
		if (log_addr(v.p, v.len, &rec->src))
			rec->present |= REQ_BIT(REQ_SRC_IP);
		return 0;
	case K_DST_IP:
		if (log_addr(v.p, v.len, &rec->dst))
			rec->present |= REQ_BIT(REQ_DST_IP);
		return 0;
	case K_SRC_PORT:
	case K_DST_PORT:
		if (gh_parse_u64n(v.p, v.len, 65535, &n))
			return -EINVAL;
		if (json_keys[k].key == K_SRC_PORT)
			rec->src_port = (uint16_t)n;
		else
			rec->dst_port = (uint16_t)n;
		rec->present |= REQ_BIT(json_keys[k].key == K_SRC_PORT ? REQ_SRC_PORT
								      : REQ_DST_PORT);
		return 0;
	case K_TIME_LOCAL:
		err = log_time_clf(v.p, v.len, &rec->ts_ns);
		break;
	case K_TIME_ISO:
		err = log_time_iso(v.p, v.len, &rec->ts_ns);
		break;
	case K_TIME_EPOCH:
		err = log_time_epoch(v.p, v.len, &rec->ts_ns);
		break;
	case K_REQUEST:
		log_request_line(rec, v.p, v.len);
		return 0;
	case K_METHOD:
		req_set_method(rec, v.p, (uint32_t)v.len);
		return 0;
	case K_URI:
		http_target_set(rec, v.p, v.p + v.len);
		return 0;
	case K_QUERY:
		req_set_str(rec, REQ_QUERY, &rec->query, v.p, v.len);
		return 0;
	case K_VERSION:
		req_set_str(rec, REQ_VERSION, &rec->version, v.p, v.len);
		return 0;
	case K_STATUS:
		if (gh_parse_u64n(v.p, v.len, 999, &n) || n < 100)
			return -EINVAL;
		rec->status = (uint16_t)n;
		rec->present |= REQ_BIT(REQ_STATUS);
		return 0;
	case K_BYTES:
		return set_uint(rec, REQ_BYTES, v, UINT64_MAX, &rec->bytes) ? 0 : -EINVAL;
	case K_CONTENT_LENGTH:
		return set_uint(rec, REQ_CONTENT_LENGTH, v, UINT64_MAX, &rec->content_length)
			       ? 0 : -EINVAL;
	case K_COOKIE:
	case K_XHR: /* handled above */
		return 0;
	case K_STR:
		req_set_str(rec, json_keys[k].field,
			    (struct gh_str *)((char *)rec + json_keys[k].offset), v.p, v.len);
		return 0;
	}
	if (!err)
		rec->present |= REQ_BIT(REQ_TS);
	return err;
}

/*
 * {"key": value, ...}: keys this parser knows set fields (a later key
 * overwrites an earlier one that sets the same field), others are skipped.
 */
int access_log_parse_json(char *p, char *end, struct request_record *rec)
{
	struct gh_str key, val;
	bool str;
	int k, err;

	p = skip_ws(p, end);
	if (p == end || *p++ != '{')
		return -EINVAL;
	p = skip_ws(p, end);
	if (p < end && *p == '}')
		p++;
	else
		for (;;) {
			if (p == end || *p != '"' || !(p = log_quoted(p + 1, end, &key)))
				return -EINVAL;
			p = skip_ws(p, end);
			if (p == end || *p++ != ':')
				return -EINVAL;
			p = skip_ws(p, end);
			k = key_of(key);
			str = p < end && *p == '"';
			if (str) {
				/* Decoding a value no key wants is harmless, and as fast as skipping. */
				if (!(p = log_quoted(p + 1, end, &val)))
					return -EINVAL;
			} else {
				char *v = p;

				if (!(p = skip_value(p, end)) || p == v)
					return -EINVAL;
				val = (struct gh_str){ v, (uint32_t)(p - v) };
			}
			if (k >= 0 && (err = json_field(rec, k, val, str)))
				return err;
			p = skip_ws(p, end);
			if (p < end && *p == ',') {
				p = skip_ws(p + 1, end);
				continue;
			}
			if (p == end || *p++ != '}')
				return -EINVAL;
			break;
		}
	if (skip_ws(p, end) != end || !req_has(rec, REQ_TS))
		return -EINVAL;
	return 0;
}
