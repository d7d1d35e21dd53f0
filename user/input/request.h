/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Folder input/: everything that makes request records: this record, HTTP
 * request heads (live), access-log formats and nginx log_format strings,
 * the log reader and follower, the ring-buffer decoder, the client behind
 * trusted proxies. May call base/ only; never prints.
 *
 * The request record: the one type live traffic (kernel snapshots decoded by
 * the head parser) and log replay (access-log parser) both produce, and the
 * only thing the policy engine reads. The engine never knows the source.
 *
 * Strings are slices into a buffer the producer owns; they live until the
 * producer parses its next record, and are not NUL-terminated. Anyone who
 * keeps a string beyond that copies it.
 *
 * Fields a producer could not see (a combined log has no Cookie header, a
 * truncated snapshot may lack User-Agent) are absent: their bit in
 * `present` is clear, and every predicate on an absent field is false.
 */
#ifndef GATEHAWK_REQUEST_H
#define GATEHAWK_REQUEST_H

#include <stdbool.h>
#include <stdint.h>
#include <json-c/json.h>

#include "base/addr.h"

struct gh_str {
	const char *p;
	uint32_t len;
};

#define GH_STR_LIT(s) ((struct gh_str){ (s), sizeof(s) - 1 })

enum http_method {
	HTTP_METHOD_OTHER = 0,
	HTTP_METHOD_GET,
	HTTP_METHOD_HEAD,
	HTTP_METHOD_POST,
	HTTP_METHOD_PUT,
	HTTP_METHOD_DELETE,
	HTTP_METHOD_CONNECT,
	HTTP_METHOD_OPTIONS,
	HTTP_METHOD_TRACE,
	HTTP_METHOD_PATCH,
};

/* Field ids: the names policies, `report --by` and JSON output use. */
#define REQUEST_FIELDS(X)                                                      \
	X(TS, ts, REQ_TYPE_TIME)                                               \
	X(SRC_IP, src_ip, REQ_TYPE_ADDR)                                       \
	X(DST_IP, dst_ip, REQ_TYPE_ADDR)                                       \
	X(SRC_PORT, src_port, REQ_TYPE_NUM)                                    \
	X(DST_PORT, dst_port, REQ_TYPE_NUM)                                    \
	X(METHOD, method, REQ_TYPE_STR)                                        \
	X(PATH, path, REQ_TYPE_STR)                                            \
	X(QUERY, query, REQ_TYPE_STR)                                          \
	X(VERSION, version, REQ_TYPE_STR)                                      \
	X(HOST, host, REQ_TYPE_STR)                                            \
	X(USER_AGENT, user_agent, REQ_TYPE_STR)                                \
	X(REFERER, referer, REQ_TYPE_STR)                                      \
	X(CONTENT_TYPE, content_type, REQ_TYPE_STR)                            \
	X(ACCEPT, accept, REQ_TYPE_STR)                                        \
	X(SCHEME, scheme, REQ_TYPE_STR)                                        \
	X(CONTENT_LENGTH, content_length, REQ_TYPE_NUM)                        \
	X(STATUS, status, REQ_TYPE_NUM)                                        \
	X(BYTES, bytes, REQ_TYPE_NUM)                                          \
	X(HAS_COOKIE, has_cookie, REQ_TYPE_BOOL)                               \
	X(IS_XHR, is_xhr, REQ_TYPE_BOOL)                                       \
	X(FORWARDED_FOR, forwarded_for, REQ_TYPE_STR)                          \
	X(REAL_IP, real_ip, REQ_TYPE_STR)                                      \
	X(PROXY_IP, proxy_ip, REQ_TYPE_ADDR)                                   \
	X(TARGET_FORM, target_form, REQ_TYPE_STR)                              \
	X(REQUEST_LINE_MALFORMED, request_line_malformed, REQ_TYPE_BOOL)      \
	X(PAGE_REFERER, page_referer, REQ_TYPE_BOOL)                           \
	X(REFERER_QUERY, referer_query, REQ_TYPE_STR)

enum req_field {
#define GH_REQ_ENUM(id, name, type) REQ_##id,
	REQUEST_FIELDS(GH_REQ_ENUM)
#undef GH_REQ_ENUM
	REQ_FIELD_COUNT
};

enum req_type {
	REQ_TYPE_STR,
	REQ_TYPE_NUM,
	REQ_TYPE_BOOL,
	REQ_TYPE_ADDR,
	REQ_TYPE_TIME,
};

#define REQ_BIT(f) (1U << (f))
/*
 * Fields computed from others when read, present in every record: no
 * producer sets them, and the record's JSON (what was seen) leaves them out.
 * page_referer: the Referer names a page of this site (req_page_referer),
 * holds no byte a browser escapes (req_referer_unescaped) and has a host a
 * browser writes (req_referer_plain_host); false without one.
 * referer_query, which is present only when there is one: the query of the
 * page the Referer names (req_referer_query).
 */
#define REQ_DERIVED REQ_BIT(REQ_PAGE_REFERER)
/* Masks of field types (policies say which types an operator or aggregate takes). */
#define REQ_TYPE_BIT(t) (1U << (t))
#define REQ_TYPES_ANY (REQ_TYPE_BIT(REQ_TYPE_TIME + 1) - 1)

struct request_record {
	uint32_t present;   /* REQ_BIT(field) for each field the producer saw */
	uint64_t ts_ns;     /* event time, ns since the Unix epoch, UTC */
	struct gh_addr src;
	struct gh_addr dst;
	uint16_t src_port;
	uint16_t dst_port;
	uint16_t status;    /* response status, joined from egress or the log */
	uint8_t method;     /* enum http_method; method_str has the text */
	bool has_cookie;
	bool is_xhr;        /* X-Requested-With: XMLHttpRequest */
	bool request_line_malformed; /* not "METHOD SP TARGET SP HTTP/n[.n]" (see
				      * log_request_line); only logs can say true:
				      * the head parser drops such a request */
	bool truncated;     /* the head went on past the kernel's snapshot, or the log
			     * line past ACCESS_LOG_MAX_LINE, so fields after the cut
			     * are absent (JSON: "truncated": true) */
	uint64_t content_length;
	uint64_t bytes;     /* response bytes (logs), request bytes seen (live) */
	uint64_t sock_cookie; /* live only: the socket the request came on */
	struct gh_str method_str;
	struct gh_str path;  /* request target up to '?', as sent (not decoded); may be
			      * the literal "/" for an absolute-form target with no path */
	struct gh_str query; /* after '?', without it */
	struct gh_str version; /* "HTTP/1.1" */
	struct gh_str host;
	struct gh_str user_agent;
	struct gh_str referer;
	struct gh_str content_type;
	struct gh_str accept;
	struct gh_str scheme; /* "http" or "https" */
	struct gh_str target_form; /* RFC 9112 3.2: "origin" (/p), "absolute"
				    * (scheme://host/p), "authority" (host:port),
				    * "asterisk" (*), or "invalid" for none of them */
	struct gh_str forwarded_for; /* X-Forwarded-For as sent: "client, proxy1, ..." */
	struct gh_str real_ip;       /* X-Real-IP as sent */
	struct gh_addr proxy;        /* the trusted proxy src was replaced from (client_addr.h) */
};

bool req_referer_query(const struct request_record *r, struct gh_str *out);

static inline bool req_has(const struct request_record *r, enum req_field f)
{
	if (f == REQ_REFERER_QUERY)
		return req_referer_query(r, NULL);
	return (r->present | REQ_DERIVED) & REQ_BIT(f);
}

static inline void req_set_str(struct request_record *r, enum req_field f, struct gh_str *dst,
			       const char *p, uint32_t len)
{
	dst->p = p;
	dst->len = len;
	r->present |= REQ_BIT(f);
}

/* The address an address field (src_ip, dst_ip, proxy_ip) names. */
static inline const struct gh_addr *req_addr(const struct request_record *r, enum req_field f)
{
	return f == REQ_SRC_IP ? &r->src : f == REQ_DST_IP ? &r->dst : &r->proxy;
}

/* Name <-> id; -1 for an unknown name. */
int req_field_by_name(const char *name);
const char *req_field_name(enum req_field f);
enum req_type req_field_type(enum req_field f);

enum http_method http_method_from(const char *p, uint32_t len);

/* The method as text and as an id, together: policies match either. */
static inline void req_set_method(struct request_record *r, const char *p, uint32_t len)
{
	req_set_str(r, REQ_METHOD, &r->method_str, p, len);
	r->method = (uint8_t)http_method_from(p, len);
}

/* String view of a string field (false when absent or not a string). */
bool req_get_str(const struct request_record *r, enum req_field f, struct gh_str *out);
/* Numeric view: numbers, booleans as 0/1, time as seconds (false when absent). */
bool req_get_num(const struct request_record *r, enum req_field f, uint64_t *out);

/*
 * Any field rendered as text into buf (addresses formatted, numbers in
 * decimal, booleans true/false); returns the length written (a string
 * longer than len - 1 is cut there), or -1 when absent.
 */
int req_format_field(const struct request_record *r, enum req_field f, char *buf, size_t len);

/*
 * The Referer when it names a page of this site: an http(s) URL with a
 * host and at least the path's '/' (a bare https://host is a tool's), whose
 * host is the record's Host in any case, ports aside, or a name under it or
 * over it (www.example.com and example.com; any host when the record has
 * none, as in most log formats: a Referer from another site says nothing
 * about a page view here), and without a fragment (browsers leave it out:
 * one with '#' is made up). *target: its path and query, the request target
 * of the page the browser was showing. False otherwise (absent, another
 * site, no path, a fragment, not a URL).
 */
bool req_page_referer(const struct request_record *r, struct gh_str *target);
/*
 * Whether the Referer is an http(s) URL whose host is one a browser writes
 * (letters, digits, '.', '-', '_', a port, an IPv6 literal): browsers drop
 * user-info and encode the rest, so a host with a quote, a parenthesis or
 * an '@' is a tool's and names no page (page_referer asks this; the callers
 * of req_page_referer that spare a Referer ask it too, the others need not).
 */
bool req_referer_plain_host(const struct request_record *r);
/*
 * Whether the Referer holds a byte every browser's URL serializer
 * percent-encodes (controls, space, '"', '<', '>', DEL): no browser sent it;
 * a tool wrote it, mostly to carry a payload. A log keeps such bytes
 * escaped (\x22) and the parsers decode them, so they are seen here.
 */
bool req_referer_unescaped(const struct request_record *r);
/*
 * req_referer_query (declared above req_has): the Referer's query, after its
 * first '?' and up to a '#' (the query of the page that sent the request,
 * whatever its scheme or site: attack payloads ride in a forged one); false
 * without a Referer or a '?' in it. out may be NULL.
 */
/* Whether t is the record's own request target: its path, and '?' and query when it has one. */
bool req_target_is(const struct request_record *r, struct gh_str t);

/* Every present field as one JSON object (json-c escapes all strings), and
 * "truncated": true for a record from a cut head. */
struct json_object *request_to_json(const struct request_record *r);

#endif /* GATEHAWK_REQUEST_H */
