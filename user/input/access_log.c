// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Access-log parser (see access_log.h and docs/replay.md).
 *
 * Escapes: nginx writes '"', '\' and bytes outside 0x20..0x7e as \xHH
 * (escape=default) and JSON escapes with escape=json; Apache writes \" \\
 * \xHH and C-style \n \t. Every backslash escapes the byte after it, so a
 * quote's closing '"' is the first one after an even run of backslashes in
 * every dialect, and one decoder takes the union. Decoding only shrinks
 * text (\xHH is 4 bytes for 1, \uXXXX 6 for at most 3), so it runs in
 * place behind the read cursor.
 *
 * JSON lines are read by a flat scanner here, not json-c: json-c builds a
 * tree per line (allocations, several times the cost of the whole CLF
 * parse), and a log line is one object of scalars. Nested values are
 * skipped with a bounded depth.
 *
 * Cost: fields are found with memchr, times are computed from the civil
 * date arithmetically (no timegm, no locale), IPv4 is parsed inline.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "base/number.h"
#include "input/access_log.h"
#include "input/http_head.h"

#define NS 1000000000ULL
/* ts_ns is u64 ns, good to 2554; a log claiming an earlier year than 1970 is junk. */
#define YEAR_MIN 1970
#define YEAR_MAX 2500
/* Nested JSON values (which no known key has) are skipped up to this depth. */
#define JSON_MAX_DEPTH 16

int access_log_format_parse(const char *name, enum access_log_format *out)
{
	static const char *const names[] = {
		[ACCESS_LOG_AUTO] = "auto", [ACCESS_LOG_COMBINED] = "combined",
		[ACCESS_LOG_COMMON] = "common", [ACCESS_LOG_JSON] = "json",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(name, names[i])) {
			*out = (enum access_log_format)i;
			return 0;
		}
	return -EINVAL;
}

/* ---- numbers and times ------------------------------------------------------ */

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Exactly n decimal digits at p. */
static bool digits(const char *p, int n, unsigned *out)
{
	unsigned v = 0;

	for (int i = 0; i < n; i++) {
		unsigned d = (unsigned char)p[i] - '0';

		if (d > 9)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

/* The whole slice as a decimal number no larger than max. */
/* Fraction digits after a '.' as ns (digits past the ninth are read, not kept). */
static bool parse_fraction(const char *p, size_t n, uint64_t *ns)
{
	uint64_t v = 0, scale = NS;

	if (!n)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned d = (unsigned char)p[i] - '0';

		if (d > 9)
			return false;
		if (scale > 1) {
			scale /= 10;
			v += d * scale;
		}
	}
	*ns = v;
	return true;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = y / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

struct civil {
	unsigned year, mon, day, hour, min, sec;
	int tz_s;        /* offset east of UTC */
	uint64_t frac_ns;
};

static bool leap(unsigned y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* A real date and time (second 60: a leap second, as the log wrote it) to ns UTC. */
static int civil_to_ns(const struct civil *c, uint64_t *ts_ns)
{
	static const uint8_t mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int64_t secs;

	if (c->year < YEAR_MIN || c->year > YEAR_MAX || c->mon < 1 || c->mon > 12 || !c->day ||
	    c->day > mdays[c->mon - 1] || (c->mon == 2 && c->day == 29 && !leap(c->year)) ||
	    c->hour > 23 || c->min > 59 || c->sec > 60)
		return -EINVAL;
	secs = days_from_civil(c->year, c->mon, c->day) * 86400 + c->hour * 3600 + c->min * 60 +
	       c->sec - c->tz_s;
	if (secs < 0)
		return -EINVAL;
	*ts_ns = (uint64_t)secs * NS + c->frac_ns;
	return 0;
}

/* "+hhmm" or, with colon, "+hh:mm"; real offsets are within a day. */
static bool parse_tz(const char *p, bool colon, int *tz_s)
{
	unsigned h, m;

	if ((p[0] != '+' && p[0] != '-') || !digits(p + 1, 2, &h) ||
	    !digits(p + 3 + colon, 2, &m) || (colon && p[3] != ':') || h > 23 || m > 59)
		return false;
	*tz_s = (p[0] == '-' ? -1 : 1) * (int)(h * 3600 + m * 60);
	return true;
}

static int month_of(const char *p)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

	for (int i = 0; i < 12; i++)
		if (!memcmp(p, months + 3 * i, 3))
			return i + 1;
	return 0;
}

/* $time_local, Apache %t: "10/Oct/2000:13:55:36 -0700", exactly. */
#define CLF_TIME_LEN 26
static int parse_clf_time(const char *p, size_t n, uint64_t *ts_ns)
{
	struct civil c = { 0 };

	if (n != CLF_TIME_LEN || p[2] != '/' || p[6] != '/' || p[11] != ':' || p[14] != ':' ||
	    p[17] != ':' || p[20] != ' ' || !digits(p, 2, &c.day) ||
	    !(c.mon = (unsigned)month_of(p + 3)) || !digits(p + 7, 4, &c.year) ||
	    !digits(p + 12, 2, &c.hour) || !digits(p + 15, 2, &c.min) ||
	    !digits(p + 18, 2, &c.sec) || !parse_tz(p + 21, false, &c.tz_s))
		return -EINVAL;
	return civil_to_ns(&c, ts_ns);
}

/* $time_iso8601 "2000-10-10T13:55:36-07:00", also with a fraction, 'Z' or "-0700". */
static int parse_iso_time(const char *p, size_t n, uint64_t *ts_ns)
{
	struct civil c = { 0 };
	const char *end = p + n, *q;

	if (n < 20 || p[4] != '-' || p[7] != '-' || (p[10] != 'T' && p[10] != ' ') ||
	    p[13] != ':' || p[16] != ':' || !digits(p, 4, &c.year) || !digits(p + 5, 2, &c.mon) ||
	    !digits(p + 8, 2, &c.day) || !digits(p + 11, 2, &c.hour) ||
	    !digits(p + 14, 2, &c.min) || !digits(p + 17, 2, &c.sec))
		return -EINVAL;
	p += 19;
	if (*p == '.') {
		for (q = ++p; q < end && *q >= '0' && *q <= '9'; q++)
			;
		if (!parse_fraction(p, (size_t)(q - p), &c.frac_ns))
			return -EINVAL;
		p = q;
	}
	if (end - p == 1 && *p == 'Z')
		c.tz_s = 0;
	else if (!((end - p == 6 && parse_tz(p, true, &c.tz_s)) ||
		   (end - p == 5 && parse_tz(p, false, &c.tz_s))))
		return -EINVAL;
	return civil_to_ns(&c, ts_ns);
}

/* $msec "1700000000.123": seconds since the epoch, fraction optional. */
static int parse_epoch_time(const char *p, size_t n, uint64_t *ts_ns)
{
	const char *dot = memchr(p, '.', n);
	uint64_t secs, frac = 0;
	/* The last second YEAR_MAX allows. */
	const uint64_t max = (uint64_t)days_from_civil(YEAR_MAX + 1, 1, 1) * 86400 - 1;

	if (gh_parse_u64n(p, dot ? (size_t)(dot - p) : n, max, &secs) ||
	    (dot && !parse_fraction(dot + 1, n - (size_t)(dot - p) - 1, &frac)))
		return -EINVAL;
	*ts_ns = secs * NS + frac;
	return 0;
}

/* ---- addresses ---------------------------------------------------------------- */

static bool parse_ipv4(const char *p, size_t n, uint8_t out[4])
{
	const char *end = p + n;

	for (int i = 0; i < 4; i++) {
		unsigned v = 0, nd = 0;

		for (; p < end && *p >= '0' && *p <= '9' && nd < 4; p++, nd++)
			v = v * 10 + (unsigned)(*p - '0');
		/* inet_pton's rules: 1 to 3 digits, no leading zero, up to 255. */
		if (!nd || nd > 3 || v > 255 || (nd > 1 && p[-(int)nd] == '0'))
			return false;
		out[i] = (uint8_t)v;
		if (i < 3 && (p == end || *p++ != '.'))
			return false;
	}
	return p == end;
}

/*
 * An IPv4 or IPv6 address, the whole slice. An IPv4-mapped IPv6 address
 * (a dual-stack listener logs "::ffff:192.0.2.7") is the IPv4 address, as
 * the kernel sensor reports it, so IPv4 CIDRs and groups apply.
 */
static bool parse_addr(const char *p, size_t n, struct gh_addr *a)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	char buf[INET6_ADDRSTRLEN];

	memset(a, 0, sizeof(*a));
	if (parse_ipv4(p, n, a->bytes)) {
		a->family = AF_INET;
		return true;
	}
	if (n >= sizeof(buf) || !memchr(p, ':', n))
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

static size_t put_utf8(char *w, uint32_t cp)
{
	if (cp < 0x80) {
		w[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		w[0] = (char)(0xc0 | cp >> 6);
		w[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		w[0] = (char)(0xe0 | cp >> 12);
		w[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		w[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	w[0] = (char)(0xf0 | cp >> 18);
	w[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	w[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	w[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* "\uXXXX" at p (6 bytes known to be there): the code unit, or -1. */
static int32_t u_escape(const char *p)
{
	int32_t v = 0;

	if (p[0] != '\\' || p[1] != 'u')
		return -1;
	for (int i = 2; i < 6; i++) {
		int h = hexval((unsigned char)p[i]);

		if (h < 0)
			return -1;
		v = v << 4 | h;
	}
	return v;
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
	if (end - r >= 4 && r[1] == 'x' && hexval((unsigned char)r[2]) >= 0 &&
	    hexval((unsigned char)r[3]) >= 0) {
		*(*w)++ = (char)(hexval((unsigned char)r[2]) << 4 | hexval((unsigned char)r[3]));
		return 4;
	}
	if (end - r >= 6 && (cp = u_escape(r)) >= 0) {
		if (cp >= 0xd800 && cp < 0xdc00 && end - r >= 12 &&
		    (lo = u_escape(r + 6)) >= 0xdc00 && lo < 0xe000) {
			*w += put_utf8(*w, 0x10000 + ((uint32_t)(cp - 0xd800) << 10) +
						   (uint32_t)(lo - 0xdc00));
			return 12;
		}
		*w += put_utf8(*w, cp >= 0xd800 && cp < 0xe000 ? 0xfffd : (uint32_t)cp);
		return 6;
	}
	*(*w)++ = '\\';
	return 1;
}

/* The closing '"' of a string whose text starts at p, or NULL. */
static char *string_end(char *p, char *end)
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

/* The first '"' or '\\' in [p, end), or end. */
static char *find_quote_or_backslash(char *p, char *end)
{
	for (; end - p >= 16; p += 16) {
		u8x16 v, hit;
		uint64_t m[2];

		memcpy(&v, p, sizeof(v));
		hit = (u8x16)((v == '"') | (v == '\\'));
		memcpy(m, &hit, sizeof(m));
		if (m[0] | m[1]) {
			uint64_t x = m[0] ? m[0] : m[1];

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return p + (m[0] ? 0 : 8) + __builtin_ctzll(x) / 8;
#else
			return p + (m[0] ? 0 : 8) + __builtin_clzll(x) / 8;
#endif
		}
	}
	while (p < end && *p != '"' && *p != '\\')
		p++;
	return p;
}

/*
 * A quoted string whose text starts at p (after the opening '"'), decoded
 * in place into *out; returns the byte after the closing quote, or NULL.
 */
static char *quoted(char *p, char *end, struct gh_str *out)
{
	char *r = find_quote_or_backslash(p, end), *q, *w;

	if (r == end)
		return NULL;
	if (*r == '"') {
		*out = (struct gh_str){ p, (uint32_t)(r - p) };
		return r + 1;
	}
	q = string_end(r, end);
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

/* ---- the request line ------------------------------------------------------------ */

/*
 * "METHOD TARGET PROTO", or "METHOD TARGET" (HTTP/0.9). The target runs to
 * the last space before "HTTP/", so a raw space nginx let through stays in
 * the path. Anything else ("-", a TLS hello) sets none of the four fields.
 */
static void set_request(struct request_record *rec, const char *p, size_t n)
{
	const char *end = p + n, *sp = memchr(p, ' ', n), *t, *tend = end, *v;

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
}

/* ---- CLF: common and combined ------------------------------------------------ */

/* "-": the server had no value (Apache and nginx alike). */
static bool is_dash(const char *p, size_t n)
{
	return n == 1 && *p == '-';
}

/* The token at p up to the next space or the end; *next is past the space. */
static struct gh_str token(char *p, char *end, char **next)
{
	char *sp = memchr(p, ' ', (size_t)(end - p));

	*next = sp ? sp + 1 : end;
	return (struct gh_str){ p, (uint32_t)((sp ? sp : end) - p) };
}

/* status: 3 digits (or "-": none); bytes: digits, "-" meaning 0 (Apache %b). */
static int set_status_bytes(struct request_record *rec, struct gh_str st, struct gh_str by)
{
	uint64_t v;

	if (!is_dash(st.p, st.len)) {
		if (st.len != 3 || gh_parse_u64n(st.p, 3, 999, &v) || v < 100)
			return -EINVAL;
		rec->status = (uint16_t)v;
		rec->present |= REQ_BIT(REQ_STATUS);
	}
	if (is_dash(by.p, by.len))
		rec->bytes = 0;
	else if (gh_parse_u64n(by.p, by.len, UINT64_MAX, &rec->bytes))
		return -EINVAL;
	rec->present |= REQ_BIT(REQ_BYTES);
	return 0;
}

/* A combined-log header value: "-" is absent, anything else (even "") as logged. */
static void set_header(struct request_record *rec, enum req_field f, struct gh_str *dst,
		       struct gh_str v)
{
	if (!is_dash(v.p, v.len))
		req_set_str(rec, f, dst, v.p, v.len);
}

/*
 * host ident user [time] "request" status bytes ["referer" "user-agent" ...].
 * ident and user are skipped up to the '[' (a user name with spaces in it
 * must not shift the fields); the combined tail is required for combined,
 * ignored for common and taken when present for auto.
 */
static int parse_clf(enum access_log_format fmt, char *p, char *end,
		     struct request_record *rec)
{
	struct gh_str host, req, st, by, referer, ua;
	char *q;
	int err;

	host = token(p, end, &q);
	if (q == end)
		return -EINVAL;
	if (parse_addr(host.p, host.len, &rec->src))
		rec->present |= REQ_BIT(REQ_SRC_IP);
	p = memchr(q, '[', (size_t)(end - q));
	if (!p || end - p < CLF_TIME_LEN + 4 || p[CLF_TIME_LEN + 1] != ']' ||
	    parse_clf_time(p + 1, CLF_TIME_LEN, &rec->ts_ns))
		return -EINVAL;
	rec->present |= REQ_BIT(REQ_TS);
	p += CLF_TIME_LEN + 2;
	if (p[0] != ' ' || p[1] != '"' || !(p = quoted(p + 2, end, &req)))
		return -EINVAL;
	set_request(rec, req.p, req.len);
	if (p == end || *p != ' ')
		return -EINVAL;
	st = token(p + 1, end, &q);
	if (q == end)
		return -EINVAL; /* no bytes field */
	by = token(q, end, &p);
	err = set_status_bytes(rec, st, by);
	if (err || fmt == ACCESS_LOG_COMMON)
		return err;
	/* p is past the space after bytes, or at the end. */
	if (fmt == ACCESS_LOG_AUTO && (p == end || *p != '"'))
		return 0;
	if (p == end || *p != '"' || !(p = quoted(p + 1, end, &referer)) || end - p < 2 ||
	    p[0] != ' ' || p[1] != '"' || !quoted(p + 2, end, &ua))
		return -EINVAL;
	set_header(rec, REQ_REFERER, &rec->referer, referer);
	set_header(rec, REQ_USER_AGENT, &rec->user_agent, ua);
	return 0;
}

/* ---- JSON lines ---------------------------------------------------------------- */

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
			if (!depth || !(p = string_end(p + 1, end)))
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
	bool empty = !v.len || is_dash(v.p, v.len) ||
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
		if (parse_addr(v.p, v.len, &rec->src))
			rec->present |= REQ_BIT(REQ_SRC_IP);
		return 0;
	case K_DST_IP:
		if (parse_addr(v.p, v.len, &rec->dst))
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
		err = parse_clf_time(v.p, v.len, &rec->ts_ns);
		break;
	case K_TIME_ISO:
		err = parse_iso_time(v.p, v.len, &rec->ts_ns);
		break;
	case K_TIME_EPOCH:
		err = parse_epoch_time(v.p, v.len, &rec->ts_ns);
		break;
	case K_REQUEST:
		set_request(rec, v.p, v.len);
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
static int parse_json(char *p, char *end, struct request_record *rec)
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
			if (p == end || *p != '"' || !(p = quoted(p + 1, end, &key)))
				return -EINVAL;
			p = skip_ws(p, end);
			if (p == end || *p++ != ':')
				return -EINVAL;
			p = skip_ws(p, end);
			k = key_of(key);
			str = p < end && *p == '"';
			if (str) {
				/* Decoding a value no key wants is harmless, and as fast as skipping. */
				if (!(p = quoted(p + 1, end, &val)))
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

int access_log_parse(enum access_log_format fmt, char *line, size_t len,
		     struct request_record *rec)
{
	char *end = line + len;
	int err;

	*rec = (struct request_record){ 0 };
	if (len > ACCESS_LOG_MAX_LINE)
		return -EMSGSIZE;
	if (fmt == ACCESS_LOG_JSON || (fmt == ACCESS_LOG_AUTO && len && *line == '{'))
		err = parse_json(line, end, rec);
	else
		err = parse_clf(fmt, line, end, rec);
	if (err)
		rec->present = 0; /* nothing half-parsed is mistaken for a field */
	return err;
}
