// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The CRS prefilter's checks of whole values (crs_whole_values.h): what the
 * 911/920 policy rules and the empty-header rules read, which a pattern
 * cannot say.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "engine/crs_whole_values.h"

/*
 * One of the versions 920430 allows: HTTP/1.0, HTTP/1.1, HTTP/2.0, HTTP/2.
 * Constant-size compares, no call: every record asks.
 */
static bool allowed_version(struct gh_str v)
{
	if (v.len == 6)
		return !memcmp(v.p, "HTTP/2", 6);
	return v.len == 8 && (!memcmp(v.p, "HTTP/1.1", 8) || !memcmp(v.p, "HTTP/1.0", 8) ||
			      !memcmp(v.p, "HTTP/2.0", 8));
}

static bool tok_char(char c)
{
	return isalnum((unsigned char)c) || (c && strchr(".+*-_", c)); /* strchr finds the NUL */
}

/* Skip spaces, then a token; the token's length. */
static size_t token(const char **p, const char *end)
{
	const char *t;

	while (*p < end && **p == ' ')
		(*p)++;
	for (t = *p; *p < end && tok_char(**p); (*p)++)
		;
	return (size_t)(*p - t);
}

static void skip_spaces(const char **p, const char *end)
{
	while (*p < end && **p == ' ')
		(*p)++;
}

/* An Accept parameter's name and value, both tokens ("q", "0.9"). */
static bool param(const char **p, const char *end, struct gh_str *name, struct gh_str *value)
{
	skip_spaces(p, end);
	name->p = *p;
	name->len = (uint32_t)token(p, end);
	skip_spaces(p, end);
	if (!name->len || *p >= end || *(*p)++ != '=')
		return false;
	skip_spaces(p, end);
	value->p = *p;
	value->len = (uint32_t)token(p, end);
	return value->len;
}

/* A charset 920600 allows (it reads the header lowercased). */
static bool charset_allowed(struct gh_str v)
{
	static const char *const ok[] = { "iso-8859-1", "iso-8859-15", "windows-1252", "utf-8" };

	for (size_t i = 0; i < sizeof(ok) / sizeof(*ok); i++)
		if (v.len == strlen(ok[i]) && !strncasecmp(v.p, ok[i], v.len))
			return true;
	return false;
}

/*
 * Accept as 920600 takes it: comma-separated "type/subtype" elements ('*'
 * for either), each with ";name=value" parameters, a charset only one of
 * four. Narrower than the rule where that is simpler (tokens of letters,
 * digits and .+*-_, spaces only): what is not plain here is scored by CRS.
 */
static bool accept_plain(struct gh_str s)
{
	const char *p = s.p, *end = s.p + s.len;
	struct gh_str name, value;

	for (;;) {
		if (!token(&p, end) || p >= end || *p++ != '/' || !token(&p, end))
			return false;
		skip_spaces(&p, end);
		while (p < end && *p == ';') {
			p++;
			if (!param(&p, end, &name, &value) ||
			    (name.len == 7 && !strncasecmp(name.p, "charset", 7) &&
			     !charset_allowed(value)))
				return false;
			skip_spaces(&p, end);
		}
		if (p == end)
			return true;
		if (*p++ != ',')
			return false;
	}
}

/* A Content-Type 920420/920470/920480 take as is: an allowed type, maybe "; charset=utf-8". */
static bool ctype_plain(struct gh_str s)
{
	static const char *const types[] = { "application/x-www-form-urlencoded",
					     "application/json", "application/xml", "text/xml" };
	const char *semi = memchr(s.p, ';', s.len);
	size_t tlen = semi ? (size_t)(semi - s.p) : s.len;
	char rest[32];

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		if (tlen != strlen(types[i]) || strncasecmp(s.p, types[i], tlen))
			continue;
		if (!semi)
			return true;
		snprintf(rest, sizeof(rest), "%.*s", (int)(s.len - tlen), semi);
		return !strcasecmp(rest, "; charset=utf-8") || !strcasecmp(rest, ";charset=utf-8");
	}
	return false;
}

/* A parameter name that comes twice (921180, HTTP parameter pollution, PL3). */
static bool repeated_param(struct gh_str q)
{
	struct gh_str names[64];
	size_t n = 0;
	const char *p = q.p, *end = q.p + q.len;

	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p)), *stop = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(stop - p));
		struct gh_str name = { p, (uint32_t)((eq ? eq : stop) - p) };

		if (n == 64)
			return true; /* too many to compare: let CRS count */
		for (size_t i = 0; i < n; i++)
			if (names[i].len == name.len && !memcmp(names[i].p, name.p, name.len))
				return true;
		names[n++] = name;
		p = stop + 1;
	}
	return false;
}

/*
 * 942430/942431/942432 count special characters in one value, 12, 6 and 2 of
 * them by paranoia 2, 3 and 4; a plain value can only hold '-' and '='. A
 * parameter's name and value are counted together (never fewer than CRS
 * counts in either), the '=' between them aside.
 */
static bool special_chars(struct gh_str q, unsigned int pl)
{
	unsigned int limit = pl >= 4 ? 2 : pl == 3 ? 6 : 12, n = 0;
	bool seen_eq = false;

	for (uint32_t i = 0; i < q.len; i++) {
		char c = q.p[i];

		if (c == '&')
			n = 0, seen_eq = false;
		else if (c == '-' || (c == '=' && seen_eq))
			n++;
		else if (c == '=')
			seen_eq = true;
		if (n >= limit)
			return true;
	}
	return false;
}

static bool empty_present(const struct request_record *r, enum req_field f, struct gh_str s)
{
	return req_has(r, f) && !s.len;
}

/* What CRS checks on whole values: the 911/920 policy rules and empty headers. */
bool crs_structure_marks(const struct request_record *r, unsigned int pl)
{
	bool get_head = !req_has(r, REQ_METHOD) || r->method == HTTP_METHOD_GET ||
			r->method == HTTP_METHOD_HEAD;

	/* 911100 allows GET, HEAD, POST and OPTIONS: their ids mean exactly that text. */
	if (req_has(r, REQ_METHOD) && r->method != HTTP_METHOD_GET &&
	    r->method != HTTP_METHOD_HEAD && r->method != HTTP_METHOD_POST &&
	    r->method != HTTP_METHOD_OPTIONS)
		return true;
	if (req_has(r, REQ_VERSION) && !allowed_version(r->version))
		return true; /* 920430 */
	if (!r->path.len || r->path.p[0] != '/')
		return true; /* 920100: not an origin-form request line */
	if (req_has(r, REQ_CONTENT_LENGTH) && r->content_length && get_head)
		return true; /* 920170 */
	if (req_has(r, REQ_ACCEPT) && !accept_plain(r->accept))
		return true; /* 920600 */
	if (req_has(r, REQ_CONTENT_TYPE) && !ctype_plain(r->content_type))
		return true; /* 920420, 920470, 920480, 920530 */
	return req_has(r, REQ_QUERY) && ((pl >= 3 && repeated_param(r->query)) ||
					 (pl >= 2 && special_chars(r->query, pl)));
}

/* A Host of digits, dots and colons (920350's ^[\d.:]+$; brackets too, to be safe). */
static bool numeric_host(struct gh_str h)
{
	for (size_t i = 0; i < h.len; i++)
		if (!isdigit((unsigned char)h.p[i]) && !strchr(".:[]", h.p[i]))
			return false;
	return h.len > 0;
}

/* Whitespace in a query: 920100's request line allows none there (a raw space, a tab). */
static bool blank_in(struct gh_str q)
{
	for (uint32_t i = 0; i < q.len; i++)
		if (isspace((unsigned char)q.p[i]))
			return true;
	return false;
}

/*
 * The anomaly score of the header rules no attack needs: 920350 (a numeric
 * Host, WARNING: 3), 920290 (an empty Host, 3), 920330 (an empty
 * User-Agent, NOTICE: 2), 920310/920311 (an empty Accept, 2), and 920100's
 * request line with whitespace in its query (3; a differential fuzzer found
 * it with an empty User-Agent, 5, unmarked). Clients that
 * connect by address send them on every request; alone, below the
 * threshold, they cannot flag a record, and each would cost a full CRS run
 * (~0.5 ms) for nothing: anyone could make the daemon burn a core.
 */
bool crs_header_anomalies_reach(const struct request_record *r, unsigned int threshold)
{
	unsigned int score = (req_has(r, REQ_HOST) && numeric_host(r->host) ? 3 : 0) +
			     (empty_present(r, REQ_HOST, r->host) ? 3 : 0) +
			     (empty_present(r, REQ_USER_AGENT, r->user_agent) ? 2 : 0) +
			     (empty_present(r, REQ_ACCEPT, r->accept) ? 2 : 0);

	/* The query is read only when its 3 could make the difference: most records have none. */
	if (score < threshold && score + 3 >= threshold && req_has(r, REQ_QUERY) &&
	    blank_in(r->query))
		score += 3;
	return score >= threshold;
}
