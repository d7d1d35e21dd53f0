/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * HTTP/1.x request-head parser: turns the kernel's head snapshot (a bounded
 * prefix of a segment that starts a request, cut anywhere) into the request
 * record. Single pass, no allocation, no recursion, bounded by the buffer
 * and HTTP_HEAD_MAX_LINES; fed attacker-controlled bytes, and fuzzed.
 */
#ifndef GATEHAWK_HTTP_HEAD_H
#define GATEHAWK_HTTP_HEAD_H

#include <stdbool.h>
#include <stddef.h>

#include "input/request.h"

/*
 * Whether the n bytes at p equal lower, ignoring case; lower holds only
 * lowercase letters and '-'. Folding with | 0x20 is exact for those,
 * provided p holds no CR (0x0d | 0x20 == '-'); no line content ever does.
 * Shared with the access-log parser, which reads the same header values.
 */
static inline bool http_ci_eq(const char *p, const char *lower, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)p[i] | 0x20) != (unsigned char)lower[i])
			return false;
	return true;
}

/* Header lines looked at; parsing stops cleanly after this many. */
#define HTTP_HEAD_MAX_LINES 64
/* Longest method token accepted ("BASELINE-CONTROL" is 16). */
#define HTTP_HEAD_MAX_METHOD 32

/* The record fields http_head_parse() owns; it never touches any other. */
#define HTTP_HEAD_FIELDS                                                              \
	(REQ_BIT(REQ_METHOD) | REQ_BIT(REQ_PATH) | REQ_BIT(REQ_QUERY) |                 \
	 REQ_BIT(REQ_VERSION) | REQ_BIT(REQ_HOST) | REQ_BIT(REQ_USER_AGENT) |           \
	 REQ_BIT(REQ_REFERER) | REQ_BIT(REQ_CONTENT_TYPE) | REQ_BIT(REQ_ACCEPT) |       \
	 REQ_BIT(REQ_CONTENT_LENGTH) | REQ_BIT(REQ_HAS_COOKIE) | REQ_BIT(REQ_IS_XHR) |   \
	 REQ_BIT(REQ_FORWARDED_FOR) | REQ_BIT(REQ_REAL_IP) | REQ_BIT(REQ_TARGET_FORM) |  \
	 REQ_BIT(REQ_REQUEST_LINE_MALFORMED))

/*
 * Parse the head in buf[0..len) into rec. On success the HTTP_HEAD_FIELDS
 * rec saw are set (strings are slices of buf) and the others cleared; no
 * other field of rec is read or written. On error rec is left untouched:
 *   -EINVAL   not an HTTP/1.x request: bad method token, control or NUL
 *             byte in the request line, bad request target or version;
 *   -EMSGSIZE the request line is a valid prefix but does not end in buf.
 * Headers after a truncated final line, a NUL or bare CR, or the
 * HTTP_HEAD_MAX_LINES-th line are not looked at; what came before stays.
 */
int http_head_parse(const char *buf, size_t len, struct request_record *rec);

/*
 * The live decoder's reading of a kernel snapshot, which may be cut
 * anywhere: http_head_parse(), and where it says -EMSGSIZE (the request
 * line is cut) the method and what came of the target (path, query or
 * host, prefixes of what was sent) instead of nothing. rec->truncated is
 * set when the snapshot ended before the blank line ending the head: fields
 * past the cut are absent. -EINVAL (rec untouched) when not a request, or
 * -EMSGSIZE when even the method token is cut.
 */
int http_head_decode(const char *buf, size_t len, struct request_record *rec);

/*
 * Path, query, target_form and, for absolute-form ("http://host/p"), host
 * from a request target [p, end); shared with the access-log parser so both
 * read a target alike. "*" and authority-form stay whole as path.
 */
void http_target_set(struct request_record *rec, const char *p, const char *end);

/*
 * End of the method token at p: uppercase letters, '_' and '-', as nginx
 * accepts it. Stricter than RFC 9110's token, so "get" and binary junk are
 * not requests (nginx: 400). Shared with the access-log parser.
 */
const char *http_method_end(const char *p, const char *end);

/* Whether buf starts with a known method token (GET, HEAD, POST, PUT,
 * DELETE, CONNECT, OPTIONS, TRACE, PATCH) followed by a space. */
bool http_head_starts_request(const char *buf, size_t len);

#endif /* GATEHAWK_HTTP_HEAD_H */
