// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * nginx variable names -> request fields: one table for the keys of JSON
 * lines and the variables of a `--log-format` string, so both formats read
 * the same variable the same way.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/number.h"
#include "input/http_head.h"
#include "input/log_fields.h"

enum log_var_kind {
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
} log_vars[] = {
	{ KEY("remote_addr", K_SRC_IP) },
	{ KEY("time_local", K_TIME_LOCAL) },
	{ KEY("time_iso8601", K_TIME_ISO) },
	{ KEY("msec", K_TIME_EPOCH) },
	{ KEY("request", K_REQUEST) },
	{ KEY("status", K_STATUS) },
	{ KEY("body_bytes_sent", K_BYTES) },
	{ KEY("bytes_sent", K_BYTES) },
	{ KEY("http_referer", K_STR), STR(REFERER, referer) },
	{ KEY("http_user_agent", K_STR), STR(USER_AGENT, user_agent) },
	{ KEY("request_method", K_METHOD) },
	{ KEY("request_uri", K_URI) },
	/* nginx's normalised path: split at a '?' like a target, so path never holds one. */
	{ KEY("uri", K_URI) },
	{ KEY("document_uri", K_URI) },
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
	{ KEY("http_x_forwarded_for", K_STR), STR(FORWARDED_FOR, forwarded_for) },
	{ KEY("http_x_real_ip", K_STR), STR(REAL_IP, real_ip) },
	{ KEY("remote_port", K_SRC_PORT) },
	{ KEY("server_addr", K_DST_IP) },
	{ KEY("server_port", K_DST_PORT) },
};
#undef STR
#undef KEY

int log_var_find(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(log_vars) / sizeof(log_vars[0]); i++)
		if (log_vars[i].len == len && !memcmp(log_vars[i].name, name, len))
			return (int)i;
	return -1;
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
 * One known variable's value (a decoded string or a scalar token). escape=json
 * writes "" for a variable that is not set, so "" (and "-") is absent;
 * null too. But a log that has a Cookie or X-Requested-With column saw
 * the header or its absence: there "" is a known "not sent" (false), so
 * cookieless-client can apply. A value of the wrong shape for its key
 * rejects the line.
 */
int log_var_set(struct request_record *rec, int k, struct gh_str v, bool str)
{
	bool empty = !v.len || log_is_dash(v.p, v.len) ||
		     (!str && v.len == 4 && !memcmp(v.p, "null", 4));
	uint64_t n;
	int err = 0;

	if (log_vars[k].key == K_COOKIE) {
		rec->has_cookie = !empty;
		rec->present |= REQ_BIT(REQ_HAS_COOKIE);
		return 0;
	}
	if (log_vars[k].key == K_XHR) {
		rec->is_xhr = v.len == 14 && http_ci_eq(v.p, "xmlhttprequest", 14);
		rec->present |= REQ_BIT(REQ_IS_XHR);
		return 0;
	}
	if (empty)
		return 0;
	switch (log_vars[k].key) {
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
		if (log_vars[k].key == K_SRC_PORT)
			rec->src_port = (uint16_t)n;
		else
			rec->dst_port = (uint16_t)n;
		rec->present |= REQ_BIT(log_vars[k].key == K_SRC_PORT ? REQ_SRC_PORT
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
		req_set_str(rec, log_vars[k].field,
			    (struct gh_str *)((char *)rec + log_vars[k].offset), v.p, v.len);
		return 0;
	}
	if (!err)
		rec->present |= REQ_BIT(REQ_TS);
	return err;
}

