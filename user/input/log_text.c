// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Field scanners every log format shares: addresses, quoted text with its
 * escapes, and the request line.
 *
 * Escapes: nginx writes '"', '\\' and bytes outside 0x20..0x7e as \xHH
 * (escape=default) and JSON escapes with escape=json; Apache writes \" \\
 * \xHH and C-style \n \t. Every backslash escapes the byte after it, so a
 * quote's closing '"' is the first one after an even run of backslashes in
 * every dialect, and one decoder takes the union. Decoding only shrinks
 * text (\xHH is 4 bytes for 1, \uXXXX 6 for at most 3), so it runs in
 * place behind the read cursor.
 */
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "base/utf8.h"
#include "input/http_head.h"
#include "input/log_fields.h"

/* ---- addresses ---------------------------------------------------------------- */

/* inet_pton's rules: four parts of 1 to 3 digits, no leading zero, each up to 255. */
static bool parse_ipv4(const char *p, size_t n, uint8_t out[4])
{
	const char *end = p + n;

	if (n < 7 || n > 15) /* "0.0.0.0" to "255.255.255.255" */
		return false;
	for (int i = 0;; i++) {
		const char *first = p;
		unsigned int v = 0, d;

		while (p < end && (d = (unsigned char)*p - '0') <= 9 && p - first < 3) {
			v = v * 10 + d;
			p++;
		}
		if (p == first || v > 255 || (*first == '0' && p - first > 1))
			return false;
		out[i] = (uint8_t)v;
		if (i == 3)
			return p == end;
		if (p == end || *p++ != '.')
			return false;
	}
}

/*
 * An IPv4 or IPv6 address, the whole slice. An IPv4-mapped IPv6 address
 * (a dual-stack listener logs "::ffff:192.0.2.7") is the IPv4 address, as
 * the kernel sensor reports it, so IPv4 CIDRs and groups apply.
 */
bool log_addr(const char *p, size_t n, struct gh_addr *a)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	char buf[INET6_ADDRSTRLEN];

	memset(a, 0, sizeof(*a));
	if (parse_ipv4(p, n, a->bytes)) {
		a->family = AF_INET;
		return true;
	}
	/* inet_pton stops at a NUL: "::\0junk" must not read as "::". */
	if (n >= sizeof(buf) || !memchr(p, ':', n) || memchr(p, '\0', n))
		return false;
	memcpy(buf, p, n);
	buf[n] = '\0';
	if (inet_pton(AF_INET6, buf, a->bytes) != 1)
		return false;
	a->family = AF_INET6;
	if (!memcmp(a->bytes, mapped, sizeof(mapped))) {
		memmove(a->bytes, a->bytes + 12, 4);
		memset(a->bytes + 4, 0, 12);
		a->family = AF_INET;
	}
	return true;
}

/* ---- quoted text ---------------------------------------------------------------- */

/* "\uXXXX" at p (6 bytes known to be there): the code unit, or -1. */
static int32_t u_escape(const char *p)
{
	if (p[0] != '\\' || p[1] != 'u')
		return -1;
	return (int32_t)gh_hex_n(p + 2, 4);
}

/*
 * The escape at r (r[0] == '\\', r < end) decoded to *w; returns the bytes
 * of input used. An escape no dialect writes stays as it was, backslash
 * and all. A lone UTF-16 surrogate becomes U+FFFD.
 */
static size_t unescape_one(const char *r, const char *end, char **w)
{
	static const char simple[] = "\"\"\\\\//b\bf\fn\nr\rt\tv\v";
	const char *s;
	int32_t cp, lo;

	if (end - r >= 2) {
		for (s = simple; *s; s += 2)
			if (r[1] == s[0]) {
				*(*w)++ = s[1];
				return 2;
			}
	}
	if (end - r >= 4 && r[1] == 'x' && gh_hexval((unsigned char)r[2]) >= 0 &&
	    gh_hexval((unsigned char)r[3]) >= 0) {
		*(*w)++ = (char)(gh_hexval((unsigned char)r[2]) << 4 | gh_hexval((unsigned char)r[3]));
		return 4;
	}
	if (end - r >= 6 && (cp = u_escape(r)) >= 0) {
		if (cp >= 0xd800 && cp < 0xdc00 && end - r >= 12 &&
		    (lo = u_escape(r + 6)) >= 0xdc00 && lo < 0xe000) {
			*w += gh_put_utf8(*w, 0x10000 + ((uint32_t)(cp - 0xd800) << 10) +
						   (uint32_t)(lo - 0xdc00));
			return 12;
		}
		*w += gh_put_utf8(*w, cp >= 0xd800 && cp < 0xe000 ? 0xfffd : (uint32_t)cp);
		return 6;
	}
	*(*w)++ = '\\';
	return 1;
}

/* The closing '"' of a string whose text starts at p, or NULL. */
char *log_string_end(char *p, char *end)
{
	for (;;) {
		char *q = memchr(p, '"', (size_t)(end - p));
		char *b = q;

		if (!q)
			return NULL;
		while (b > p && b[-1] == '\\')
			b--;
		if ((q - b) % 2 == 0)
			return q;
		p = q + 1;
	}
}

/* 16 bytes at a time (SSE2/NEON from one source): most fields hold no escape. */
typedef uint8_t u8x16 __attribute__((vector_size(16)));

/* Where the first lane of a compare's result is set: 0..15, or 16 for none. */
static inline unsigned int first_hit(u8x16 hit)
{
	uint64_t m[2];

	memcpy(m, &hit, sizeof(m));
	if (!(m[0] | m[1]))
		return 16;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return m[0] ? (unsigned int)__builtin_ctzll(m[0]) / 8
		    : 8 + (unsigned int)__builtin_ctzll(m[1]) / 8;
#else
	return m[0] ? (unsigned int)__builtin_clzll(m[0]) / 8
		    : 8 + (unsigned int)__builtin_clzll(m[1]) / 8;
#endif
}

static inline u8x16 load16(const char *p)
{
	u8x16 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline u8x16 quote_or_backslash(u8x16 v)
{
	return (u8x16)((v == '"') | (v == '\\'));
}

/*
 * The first '"' or '\\' in [p, end), or end. A tail shorter than 16 bytes
 * is read as the last 16 of the span when it is that long: the bytes read
 * twice held no hit.
 */
static char *find_quote_or_backslash(char *p, char *end)
{
	bool overlap = end - p >= 16;
	unsigned int at;

	for (; end - p >= 16; p += 16)
		if ((at = first_hit(quote_or_backslash(load16(p)))) < 16)
			return p + at;
	if (p < end && overlap) {
		at = first_hit(quote_or_backslash(load16(end - 16)));
		return at < 16 ? end - 16 + at : end;
	}
	while (p < end && *p != '"' && *p != '\\')
		p++;
	return p;
}

/*
 * A quoted string whose text starts at p (after the opening '"'), decoded
 * in place into *out; returns the byte after the closing quote, or NULL.
 */
char *log_quoted(char *p, char *end, struct gh_str *out)
{
	char *r = find_quote_or_backslash(p, end), *q, *w;

	if (r == end)
		return NULL;
	if (*r == '"') {
		*out = (struct gh_str){ p, (uint32_t)(r - p) };
		return r + 1;
	}
	q = log_string_end(r, end);
	if (!q)
		return NULL;
	for (w = r; r < q;) {
		if (*r == '\\')
			r += unescape_one(r, q, &w);
		else
			*w++ = *r++;
	}
	*out = (struct gh_str){ p, (uint32_t)(w - p) };
	return q + 1;
}

/* "-": the server had no value (Apache and nginx alike). */
bool log_is_dash(const char *p, size_t n)
{
	return n == 1 && *p == '-';
}

/* ---- the request line ------------------------------------------------------------ */

/* "HTTP/" then digits, optionally '.' and digits: RFC 9112's HTTP-version,
 * loosened to the "HTTP/2" some servers log. Whether the version exists is
 * a policy's question (invalid-http-version), not the syntax's. */
static bool version_well_formed(const char *p, const char *end)
{
	const char *d;

	if (end - p < 6 || memcmp(p, "HTTP/", 5))
		return false;
	for (d = p += 5; p < end && *p >= '0' && *p <= '9'; p++)
		;
	if (p == d)
		return false;
	if (p < end && *p == '.')
		for (d = ++p; p < end && *p >= '0' && *p <= '9'; p++)
			;
	return p > d && p == end;
}

static inline bool any_control_byte(u8x16 v)
{
	return first_hit((u8x16)((v < 0x20) | (v == 0x7f))) < 16;
}

/* 16 bytes at a time, the tail as the last 16 (as find_quote_or_backslash). */
static bool has_control_byte(const char *p, const char *end)
{
	if (end - p >= 16) {
		for (; end - p >= 16; p += 16)
			if (any_control_byte(load16(p)))
				return true;
		return p < end && any_control_byte(load16(end - 16));
	}
	for (; p < end; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return true;
	return false;
}

/*
 * "METHOD TARGET PROTO", or "METHOD TARGET" (HTTP/0.9). The target runs to
 * the last space before "HTTP/", so a raw space nginx let through stays in
 * the path. Anything else (a TLS hello, "get / http/1.1") sets none of the
 * four fields. request_line_malformed says whether a logged line was other
 * than "METHOD SP TARGET SP HTTP/n.n": no method token, no target, no
 * version (HTTP/0.9: no client has sent one in decades), a space inside the
 * target, or control bytes anywhere, which only tools and other protocols
 * (SSH, SMB, RDP, TLS on the plain port) put there. "" and "-" (a
 * connection closed before any request: browsers' preconnects do that) are
 * not request lines and leave it absent.
 */
void log_request_line(struct request_record *rec, const char *p, size_t n)
{
	const char *end = p + n, *sp = memchr(p, ' ', n), *t, *tend = end, *v;

	if (!n || log_is_dash(p, n))
		return;
	/* A line the reader cut may have lost its version: no verdict then. */
	rec->request_line_malformed = true;
	if (!rec->truncated)
		rec->present |= REQ_BIT(REQ_REQUEST_LINE_MALFORMED);
	if (!sp || sp == p || sp - p > HTTP_HEAD_MAX_METHOD || http_method_end(p, sp) != sp)
		return;
	for (t = sp; t < end && *t == ' '; t++)
		;
	v = memrchr(t, ' ', (size_t)(end - t));
	if (v && end - v > 5 && !memcmp(v + 1, "HTTP/", 5))
		for (tend = v; tend > t && tend[-1] == ' '; tend--)
			;
	if (tend == t)
		return;
	if (tend != end)
		req_set_str(rec, REQ_VERSION, &rec->version, v + 1, (uint32_t)(end - v - 1));
	req_set_method(rec, p, (uint32_t)(sp - p));
	http_target_set(rec, t, tend);
	rec->request_line_malformed = tend == end || !version_well_formed(v + 1, end) ||
				      memchr(t, ' ', (size_t)(tend - t)) || has_control_byte(p, end);
}
