// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * HTTP/1.x request-head parser (see http_head.h).
 *
 * Where RFC 9112 lets a recipient choose, the choice is nginx's: a request
 * the server accepts must not be one we drop or misread, or a client could
 * hide from policies by sending bare LFs, runs of spaces or odd bytes in a
 * header value. Where nginx rejects the request (NUL, bare CR, control
 * bytes in the request line) we stop decoding: the server will answer 400.
 *
 * Cost: one pass over the head, 16 bytes at a time, to find line ends and
 * stray control bytes; wanted header names are compared in place at the
 * start of each line (no search for the colon), and values are never
 * walked except to trim them and for the few headers we interpret.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/number.h"
#include "input/http_head.h"

static bool is_ctl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* 16 bytes at a time: SSE2 or NEON from one source, scalar code elsewhere. */
typedef uint8_t u8x16 __attribute__((vector_size(16)));

static size_t first_lane(uint64_t mask)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (size_t)__builtin_ctzll(mask) / 8;
#else
	return (size_t)__builtin_clzll(mask) / 8;
#endif
}

/* First control byte in [p, end), or end. */
static const char *find_ctl(const char *p, const char *end)
{
	for (; end - p >= 16; p += 16) {
		u8x16 v, ctl;
		uint64_t m[2];

		memcpy(&v, p, sizeof(v));
		ctl = (u8x16)((v < 0x20) | (v == 0x7f)); /* each lane 0xff or 0 */
		memcpy(m, &ctl, sizeof(m));
		if (m[0] | m[1])
			return p + (m[0] ? first_lane(m[0]) : 8 + first_lane(m[1]));
	}
	while (p < end && !is_ctl((unsigned char)*p))
		p++;
	return p;
}

enum line_state { LINE_OK, LINE_CUT, LINE_BAD };

struct line {
	const char *end;  /* where the content stops: the CR or LF, or where the scan stopped */
	const char *next; /* first byte of the next line (LINE_OK only) */
};

/*
 * Find the end of the line at p. LF, CRLF and CR...CRLF end a line (nginx
 * takes all three). LINE_CUT when buf ends first, a trailing CR included
 * since its LF may be just past the cut; LINE_BAD at a NUL or a bare CR,
 * which nginx answers with 400, and, when strict, at any control byte.
 * Other controls (HTAB, \x01) stay in header values, as nginx keeps them.
 */
static enum line_state next_line(const char *p, const char *end, bool strict, struct line *ln)
{
	const char *q;

	for (;;) {
		p = find_ctl(p, end);
		ln->end = p;
		if (p == end)
			return LINE_CUT;
		if (*p == '\n') {
			ln->next = p + 1;
			return LINE_OK;
		}
		if (*p == '\r') {
			for (q = p + 1; q < end && *q == '\r'; q++)
				;
			if (q == end)
				return LINE_CUT;
			if (*q != '\n')
				return LINE_BAD;
			ln->next = q + 1;
			return LINE_OK;
		}
		if (strict || *p == '\0')
			return LINE_BAD;
		p++;
	}
}

/*
 * Returned by running out of request line: a complete line is malformed,
 * a cut one may still turn out well-formed.
 */
static int short_line(bool complete)
{
	return complete ? -EINVAL : -EMSGSIZE;
}

static const char *skip_spaces(const char *p, const char *end)
{
	while (p < end && *p == ' ')
		p++;
	return p;
}

const char *http_method_end(const char *p, const char *end)
{
	const char *q = p;

	while (q < end && ((*q >= 'A' && *q <= 'Z') || *q == '_' || *q == '-'))
		q++;
	return q;
}

/*
 * "HTTP/1." and 1 to 3 digits, as nginx takes (minor <= 999), or while the
 * token may still go on (!whole), a prefix of that.
 */
static int check_version(const char *p, size_t n, bool whole)
{
	static const char prefix[] = "HTTP/1.";
	const size_t plen = sizeof(prefix) - 1;

	if (n > plen + 3 || memcmp(p, prefix, n < plen ? n : plen))
		return -EINVAL;
	for (size_t i = plen; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return -EINVAL;
	if (n > plen)
		return 0;
	return short_line(whole);
}

struct request_line {
	struct gh_str method, target, version;
};

/*
 * METHOD SP+ TARGET SP+ VERSION SP* over [p, end), which holds no control
 * byte. complete says whether end is the line's end or the buffer's.
 */
static int split_request_line(const char *p, const char *end, bool complete,
			      struct request_line *rl)
{
	const char *q;
	int err;

	q = http_method_end(p, end);
	if (q - p > HTTP_HEAD_MAX_METHOD)
		return -EINVAL;
	if (q == end)
		return short_line(complete);
	if (*q != ' ' || q == p)
		return -EINVAL;
	rl->method = (struct gh_str){ p, (uint32_t)(q - p) };

	p = skip_spaces(q, end);
	/* No form of request target starts with '?' (nginx: 400); the path
	 * before it is never empty. */
	if (p < end && *p == '?')
		return -EINVAL;
	q = memchr(p, ' ', (size_t)(end - p));
	if (!q)
		return short_line(complete);
	rl->target = (struct gh_str){ p, (uint32_t)(q - p) };

	p = skip_spaces(q, end);
	q = memchr(p, ' ', (size_t)(end - p));
	if (!q)
		q = end;
	err = check_version(p, (size_t)(q - p), complete || q != end);
	if (err)
		return err;
	rl->version = (struct gh_str){ p, (uint32_t)(q - p) };
	if (skip_spaces(q, end) != end)
		return -EINVAL;
	return complete ? 0 : -EMSGSIZE;
}

/* "http://" or "https://", any case: the length, or 0. */
static size_t absolute_scheme(const char *p, size_t n)
{
	if (n >= 7 && http_ci_eq(p, "http", 4)) {
		if (!memcmp(p + 4, "://", 3))
			return 7;
		if (n >= 8 && (p[4] | 0x20) == 's' && !memcmp(p + 5, "://", 3))
			return 8;
	}
	return 0;
}

static bool is_alpha(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Which of RFC 9112's four target forms [p, end) has. Absolute-form takes
 * any scheme (a proxy probe may say ftp:// or gopher://) but needs "://",
 * so "host:443" is authority-form: a name, ':' and a port, no '/'.
 */
static struct gh_str target_form(const char *p, const char *end)
{
	const char *q = p, *colon;

	if (q < end && *q == '/')
		return GH_STR_LIT("origin");
	if (end - q == 1 && *q == '*')
		return GH_STR_LIT("asterisk");
	if (q < end && is_alpha(*q)) {
		while (q < end && (is_alpha(*q) || is_digit(*q) || *q == '+' || *q == '-' || *q == '.'))
			q++;
		if (end - q >= 3 && !memcmp(q, "://", 3))
			return GH_STR_LIT("absolute");
	}
	colon = memrchr(p, ':', (size_t)(end - p));
	if (colon && colon > p && colon + 1 < end && !memchr(p, '/', (size_t)(end - p)) &&
	    !memchr(p, '?', (size_t)(end - p))) {
		for (q = colon + 1; q < end && is_digit(*q); q++)
			;
		if (q == end)
			return GH_STR_LIT("authority");
	}
	return GH_STR_LIT("invalid");
}

/*
 * The target's authority is the host the server routes on (RFC 9112 3.2.2,
 * and nginx), so it is set before the headers and a Host header after it
 * loses under keep-the-first.
 */
void http_target_set(struct request_record *rec, const char *p, const char *end)
{
	size_t skip = absolute_scheme(p, (size_t)(end - p));
	const char *q = memchr(p, '?', (size_t)(end - p));
	const char *path_end = q ? q : end;
	struct gh_str form = target_form(p, end);

	req_set_str(rec, REQ_TARGET_FORM, &rec->target_form, form.p, form.len);

	if (skip) {
		const char *auth = p + skip, *at;

		for (p = auth; p < path_end && *p != '/'; p++)
			;
		at = memrchr(auth, '@', (size_t)(p - auth)); /* userinfo is not the host */
		if (at)
			auth = at + 1;
		if (p > auth)
			req_set_str(rec, REQ_HOST, &rec->host, auth, (uint32_t)(p - auth));
	}
	if (p < path_end)
		req_set_str(rec, REQ_PATH, &rec->path, p, (uint32_t)(path_end - p));
	else /* "http://host" or "http://host?q": the path is "/", as nginx has it */
		req_set_str(rec, REQ_PATH, &rec->path, "/", 1);
	if (q)
		req_set_str(rec, REQ_QUERY, &rec->query, q + 1, (uint32_t)(end - q - 1));
}

enum hdr_kind { HDR_STR, HDR_LENGTH, HDR_COOKIE, HDR_XHR };

#define HDR(name, k) .lower = name, .len = sizeof(name) - 1, .kind = k
#define STR(f, member) .field = REQ_##f, .offset = offsetof(struct request_record, member)
static const struct {
	const char *lower;
	uint8_t len;
	uint8_t kind;
	uint8_t field;   /* HDR_STR: the field and where its gh_str lives */
	uint16_t offset;
} headers[] = {
	{ HDR("host", HDR_STR), STR(HOST, host) },
	{ HDR("user-agent", HDR_STR), STR(USER_AGENT, user_agent) },
	{ HDR("accept", HDR_STR), STR(ACCEPT, accept) },
	{ HDR("referer", HDR_STR), STR(REFERER, referer) },
	{ HDR("content-type", HDR_STR), STR(CONTENT_TYPE, content_type) },
	{ HDR("cookie", HDR_COOKIE) },
	{ HDR("content-length", HDR_LENGTH) },
	{ HDR("x-requested-with", HDR_XHR) },
	{ HDR("x-forwarded-for", HDR_STR), STR(FORWARDED_FOR, forwarded_for) },
	{ HDR("x-real-ip", HDR_STR), STR(REAL_IP, real_ip) },
};
#undef STR
#undef HDR

enum length_state { LENGTH_NONE, LENGTH_OK, LENGTH_BAD };

static bool is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* One header line [p, end), no CR, LF or NUL in it. */
static void header_line(struct request_record *rec, enum length_state *length, const char *p,
			const char *end)
{
	size_t i, n = (size_t)(end - p);
	uint64_t len;

	/*
	 * Test each wanted name against the start of the line rather than
	 * search for the colon: the line is ours when the name's bytes and
	 * then ':' are there. A name with a space or any non-token byte
	 * (obs-fold, "Host : x", "Host\xff") so never matches and the line is
	 * skipped like any other field we do not read.
	 */
	for (i = 0; i < sizeof(headers) / sizeof(headers[0]); i++)
		if (n > headers[i].len && p[headers[i].len] == ':' &&
		    http_ci_eq(p, headers[i].lower, headers[i].len))
			break;
	if (i == sizeof(headers) / sizeof(headers[0]))
		return;

	for (p += headers[i].len + 1; p < end && is_ows(*p); p++)
		;
	while (end > p && is_ows(end[-1]))
		end--;
	n = (size_t)(end - p);

	switch (headers[i].kind) {
	case HDR_STR:
		/*
		 * Keep the first of repeated headers. For Host this is what
		 * matters: nginx rejects a second Host and servers that take
		 * one route on the first, so a Host appended later cannot
		 * change what a policy sees. The forwarding headers are the
		 * other way round: a proxy that adds its own line (HAProxy's
		 * option forwardfor) puts it after the client's, so the last
		 * one is the proxy's (input/client_addr.h).
		 */
		if (!req_has(rec, headers[i].field) || headers[i].field == REQ_FORWARDED_FOR ||
		    headers[i].field == REQ_REAL_IP)
			req_set_str(rec, headers[i].field,
				    (struct gh_str *)((char *)rec + headers[i].offset), p,
				    (uint32_t)n);
		break;
	case HDR_LENGTH:
		/* A bad value (digits only: no sign, no list), or two that
		 * disagree, leave the length unknown. */
		if (gh_parse_u64n(p, n, UINT64_MAX, &len))
			*length = LENGTH_BAD;
		else if (*length == LENGTH_NONE) {
			*length = LENGTH_OK;
			rec->content_length = len;
		} else if (*length == LENGTH_OK && rec->content_length != len)
			*length = LENGTH_BAD;
		break;
	case HDR_COOKIE:
		rec->has_cookie |= n > 0;
		break;
	case HDR_XHR:
		rec->is_xhr |= n == 14 && http_ci_eq(p, "xmlhttprequest", 14);
		break;
	}
}

/* http_head_parse(); *complete says whether the blank line ending the head was in buf. */
static int parse_head(const char *buf, size_t len, struct request_record *rec, bool *complete)
{
	enum length_state length = LENGTH_NONE;
	struct request_line rl;
	const char *end, *p;
	enum line_state ls;
	struct line ln;
	int err;

	/* Slices carry 32-bit lengths; no head is anywhere near that. */
	if (len > UINT32_MAX)
		len = UINT32_MAX;
	end = buf + len;
	ls = next_line(buf, end, true, &ln);
	if (ls == LINE_BAD)
		return -EINVAL;
	err = split_request_line(buf, ln.end, ls == LINE_OK, &rl);
	if (err)
		return err;

	rec->present &= ~HTTP_HEAD_FIELDS;
	rec->has_cookie = false;
	rec->is_xhr = false;
	http_target_set(rec, rl.target.p, rl.target.p + rl.target.len);
	req_set_method(rec, rl.method.p, rl.method.len);
	req_set_str(rec, REQ_VERSION, &rec->version, rl.version.p, rl.version.len);
	/* Only a well-formed line gets here (split_request_line refuses the rest). */
	rec->request_line_malformed = false;
	rec->present |= REQ_BIT(REQ_REQUEST_LINE_MALFORMED);

	/* Up to the blank line; after HTTP_HEAD_MAX_LINES only that may come. */
	*complete = false;
	p = ln.next;
	for (int lines = 0; next_line(p, end, false, &ln) == LINE_OK; lines++) {
		if (ln.end == p) {
			*complete = true;
			break;
		}
		if (lines == HTTP_HEAD_MAX_LINES)
			break;
		header_line(rec, &length, p, ln.end);
		p = ln.next;
	}

	if (length == LENGTH_OK)
		rec->present |= REQ_BIT(REQ_CONTENT_LENGTH);
	/*
	 * Cookie and X-Requested-With: "true" is known once seen, "false" only
	 * once the whole header block was seen. A snapshot cut before the blank
	 * line (a browser head with big cookies often is) may hide the header,
	 * so then false stays absent rather than claiming there was none.
	 */
	if (*complete || rec->has_cookie)
		rec->present |= REQ_BIT(REQ_HAS_COOKIE);
	if (*complete || rec->is_xhr)
		rec->present |= REQ_BIT(REQ_IS_XHR);
	/*
	 * A cut head may have lost the proxy's own forwarding header (a client
	 * can pad its head past the snapshot), leaving only the client's forged
	 * one: without the whole head, no client is taken from them.
	 */
	if (!*complete)
		rec->present &= ~(REQ_BIT(REQ_FORWARDED_FOR) | REQ_BIT(REQ_REAL_IP));
	return 0;
}

int http_head_parse(const char *buf, size_t len, struct request_record *rec)
{
	bool complete;

	return parse_head(buf, len, rec, &complete);
}

/*
 * A request line cut at end (split_request_line said -EMSGSIZE, so what is
 * there is well-formed so far): the method, whole once its space came, and
 * the target as far as it goes. An absolute-form target cut inside its
 * authority gives a host prefix and no path: "/" would be a guess.
 */
static int cut_request_line(const char *p, const char *end, struct request_record *rec)
{
	const char *method_end, *target, *q;
	size_t skip;

	end = find_ctl(p, end); /* a CR the cut left at the end */
	method_end = http_method_end(p, end);
	if (method_end == end)
		return -EMSGSIZE;
	target = skip_spaces(method_end, end);
	q = memchr(target, ' ', (size_t)(end - target));
	if (!q)
		q = end;
	rec->present &= ~HTTP_HEAD_FIELDS;
	rec->has_cookie = false;
	rec->is_xhr = false;
	req_set_method(rec, p, (uint32_t)(method_end - p));
	if (q == target)
		return 0;
	http_target_set(rec, target, q);
	/* A cut target is origin- or absolute-form from its first bytes on;
	 * anything else might still have become another form. */
	if (q == end && *target != '/' && !memmem(target, (size_t)(q - target), "://", 3))
		rec->present &= ~REQ_BIT(REQ_TARGET_FORM);
	skip = absolute_scheme(target, (size_t)(q - target));
	if (q == end && skip && !memchr(target + skip, '/', (size_t)(q - target) - skip) &&
	    !memchr(target + skip, '?', (size_t)(q - target) - skip))
		rec->present &= ~REQ_BIT(REQ_PATH);
	return 0;
}

int http_head_decode(const char *buf, size_t len, struct request_record *rec)
{
	bool complete = false;
	int err = parse_head(buf, len, rec, &complete);

	if (err == -EMSGSIZE)
		err = cut_request_line(buf, buf + (len > UINT32_MAX ? UINT32_MAX : len), rec);
	if (!err)
		rec->truncated = !complete;
	return err;
}

bool http_head_starts_request(const char *buf, size_t len)
{
	/* The longest known method is 7 bytes ("OPTIONS", "CONNECT"). */
	const char *sp = memchr(buf, ' ', len < 8 ? len : 8);

	return sp && http_method_from(buf, (uint32_t)(sp - buf)) != HTTP_METHOD_OTHER;
}
