// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* What a record shows beside CRS's score (crs_signs.h). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "engine/crs_signs.h"
#include "engine/crs_views.h"
#include "engine/transform.h"

/* A program's missing Referer corroborates from two critical rules (crs_record_signs). */
#define CRS_PROGRAM_MIN_SCORE 10
/* The largest query crs_placeholder_matches reads (its values are copied on the stack). */
#define PLACEHOLDER_QUERY_MAX 4096

/*
 * Whether the User-Agent names itself a crawler or a link-preview fetcher: a
 * word ending in "bot" (Googlebot, bingbot, Twitterbot), a crawler's or
 * spider's name, or a "+http" contact URL, as crawlers write them. Anyone can
 * write that; it only spares a missing Referer, never an error answer.
 */
static bool declared_bot(const struct request_record *r)
{
	static const char *const words[] = { "crawler", "spider", "slurp", "preview", "+http",
					     "facebookexternalhit" };
	struct gh_str v = r->user_agent;

	if (!req_has(r, REQ_USER_AGENT))
		return false;
	for (size_t i = 0; i < v.len; i++) {
		/* "bot" closing a word: Googlebot/2.1, Twitterbot/1.0, "AhrefsBot;" */
		if (i + 3 <= v.len && !strncasecmp(v.p + i, "bot", 3) && i > 0 &&
		    isalpha((unsigned char)v.p[i - 1]) &&
		    (i + 3 == v.len || !isalnum((unsigned char)v.p[i + 3])))
			return true;
		for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++) {
			size_t n = strlen(words[w]);

			if (n <= v.len - i && !strncasecmp(v.p + i, words[w], n))
				return true;
		}
	}
	return false;
}

/*
 * Whether the User-Agent names a program, not a browser: a product token
 * first ("Grafana/11.3.0", "python-requests/2.31.0", "curl/8.5.0"), no
 * "Mozilla/", and only the bytes such names are written with.
 */
static bool program_client(const struct request_record *r)
{
	struct gh_str v = r->user_agent;

	if (!req_has(r, REQ_USER_AGENT) || !v.len || !isalpha((unsigned char)v.p[0]) ||
	    (v.len >= 8 && !strncmp(v.p, "Mozilla/", 8)))
		return false;
	for (uint32_t i = 0; i < v.len; i++)
		if (!isalnum((unsigned char)v.p[i]) && (!v.p[i] || !strchr(" ._/+();:,-", v.p[i])))
			return false;
	return true;
}

static bool error_status(const struct request_record *r)
{
	return req_has(r, REQ_STATUS) && r->status >= 400 && r->status <= 599;
}

bool crs_from_page(const struct request_record *r)
{
	uint64_t page = 0;

	req_get_num(r, REQ_PAGE_REFERER, &page);
	return page && !error_status(r);
}

unsigned int crs_record_signs(const struct request_record *r, unsigned int score)
{
	unsigned int signs = 0;
	uint64_t page = 0;

	if (error_status(r))
		signs |= CRS_SIGN_ERROR_STATUS;
	/*
	 * No page Referer (the record's page_referer field). Crawlers and link
	 * previews never send a Referer: its absence says nothing from them.
	 * Programs (API clients, monitors, sync tools) send none either, and
	 * their queries (InfluxQL, PromQL, JQL, OData) score one rule: from them
	 * it corroborates two rules or more (10), which a payload mostly scores.
	 * One no browser could send says as much from anyone.
	 */
	req_get_num(r, REQ_PAGE_REFERER, &page);
	if (!page && (req_referer_unescaped(r) ||
		      (!declared_bot(r) && (score >= CRS_PROGRAM_MIN_SCORE || !program_client(r)))))
		signs |= CRS_SIGN_NO_REFERER;
	return signs;
}

/*
 * Names an injection asks for, not a page's template: EL's implicit objects
 * (${sessionScope}), environment and shell variables (${PATH}, ${IFS}), and
 * any name of a secret (${AWS_SECRET_ACCESS_KEY}, ${DB_PASSWORD}: Spring
 * resolves ${...} placeholders in reflected text). Such a ${name} stays
 * 932130's to score.
 */
static bool sensitive_name(const char *p, size_t n)
{
	static const char *const names[] = {
		"applicationScope", "sessionScope", "requestScope", "pageScope", "pageContext",
		"param", "paramValues", "header", "headerValues", "cookie", "initParam",
		"facesContext", "externalContext", "request", "session", "application",
		"response", "system", "env", "environment", "PATH", "HOME", "SHELL", "USER",
		"USERNAME", "LOGNAME", "PWD", "IFS", "HOSTNAME", "JAVA_HOME", "CLASSPATH",
		"LD_PRELOAD",
	};
	static const char *const parts[] = { "secret", "passw", "pwd", "token", "apikey",
					     "api_key", "access_key", "accesskey", "private",
					     "credential", "aws_", "auth", "jdbc", "db_" };

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strlen(names[i]) == n && !strncasecmp(p, names[i], n))
			return true;
	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++) {
		size_t m = strlen(parts[i]);

		for (size_t at = 0; at + m <= n; at++)
			if (!strncasecmp(p + at, parts[i], m))
				return true;
	}
	return false;
}

/*
 * The length of the bare ${name} at p (p[0] == '$', p[1] == '{'): an
 * identifier that names no secret, then '}' or an encoding suffix as ad
 * exchanges write them (${AUCTION_PRICE:B64}: capitals and digits); 0 when
 * it is anything else.
 */
static size_t bare_placeholder(const char *p, const char *end)
{
	const char *name = p + 2, *q = name;

	if (q == end || !(isalpha((unsigned char)*q) || *q == '_'))
		return 0;
	while (q < end && (isalnum((unsigned char)*q) || *q == '_'))
		q++;
	if (sensitive_name(name, (size_t)(q - name)))
		return 0;
	if (q < end && *q == ':') {
		const char *suffix = ++q;

		while (q < end && (isupper((unsigned char)*q) || isdigit((unsigned char)*q)))
			q++;
		if (q == suffix)
			return 0;
	}
	return q < end && *q == '}' ? (size_t)(q + 1 - p) : 0;
}

/*
 * Whether an argument value, decoded as far as anything decodes it (three
 * rounds, %uXXXX) and then as t:cmdLine reads it (\ " ' ^ deleted, then
 * crs_cmdline_view: ',' and ';' as spaces, none before '('), holds no shell
 * expression but bare ${name}s: no $(, <(, >(, no other ${...}, no backtick
 * (${x} in a JavaScript template literal is code).
 */
static bool only_bare_placeholders(const char *p, size_t len)
{
	char buf[PLACEHOLDER_QUERY_MAX];
	size_t n, k = 0, skip;

	memcpy(buf, p, len);
	n = xform_apply(XF_URL_DECODE_UNI, true, buf, len);
	for (size_t i = 0; i < n; i++) { /* t:cmdLine's deletions; any whitespace a space */
		if (buf[i] && strchr("\\\"'^", buf[i]))
			continue;
		buf[k++] = isspace((unsigned char)buf[i]) ? ' ' : buf[i];
	}
	k = crs_cmdline_view(buf, k, buf); /* and the rest of it: in place, it only shrinks */
	if (memchr(buf, '`', k))
		return false;
	for (size_t i = 0; i + 1 < k; i += skip ? skip : 1) {
		skip = 0;
		if (buf[i + 1] == '(' && (buf[i] == '$' || buf[i] == '<' || buf[i] == '>'))
			return false;
		if (buf[i] == '$' && buf[i + 1] == '{' && !(skip = bare_placeholder(buf + i, buf + k)))
			return false;
	}
	return true;
}

/*
 * Whether 932130 surely matches this argument value: decoded once, as
 * ModSecurity decodes arguments, it holds a bare ${name} (which its second
 * decoding and t:cmdLine leave as it is, and its pattern matches).
 */
static bool surely_matched(const char *p, size_t len)
{
	char buf[PLACEHOLDER_QUERY_MAX];
	size_t n;

	memcpy(buf, p, len);
	n = xform_url_decode_once(buf, len, true);
	for (size_t i = 0; i + 1 < n; i++)
		if (buf[i] == '$' && buf[i + 1] == '{' && bare_placeholder(buf + i, buf + n))
			return true;
	return false;
}

/* The most arguments crs_placeholder_matches splits: far below ModSecurity's limit (1,000). */
#define PLACEHOLDER_ARGS_MAX 200

/*
 * The score's proof (crs.c) needs every argument counted here to be one
 * 932130 matched: then a score of 5 per counted argument leaves nothing to
 * any other rule, nor to 932130 elsewhere. So only values are counted, each
 * under its own non-empty name, in a query ModSecurity splits as this does
 * (no '#', after which it reads nothing; no NUL; not too many arguments);
 * undercounting only fails to spare.
 */
unsigned int crs_placeholder_matches(const struct request_record *r)
{
	struct gh_str names[PLACEHOLDER_ARGS_MAX];
	const char *p, *end;
	unsigned int m = 0, nargs = 0;

	if (!req_has(r, REQ_QUERY) || r->query.len > PLACEHOLDER_QUERY_MAX ||
	    (!memchr(r->query.p, '$', r->query.len) && !memchr(r->query.p, '%', r->query.len)) ||
	    memchr(r->query.p, '#', r->query.len) || memchr(r->query.p, '\0', r->query.len))
		return 0;
	for (p = r->query.p, end = p + r->query.len; p < end;) {
		const char *amp = memchr(p, '&', (size_t)(end - p)), *stop = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(stop - p));
		struct gh_str name = { p, (uint32_t)((eq ? eq : stop) - p) };

		if (++nargs > PLACEHOLDER_ARGS_MAX)
			return 0;
		if (!only_bare_placeholders(name.p, name.len) ||
		    (eq && !only_bare_placeholders(eq + 1, (size_t)(stop - eq - 1))))
			return 0;
		if (eq && name.len && surely_matched(eq + 1, (size_t)(stop - eq - 1))) {
			for (unsigned int i = 0; i < m; i++)
				if (names[i].len == name.len && !memcmp(names[i].p, name.p, name.len))
					return 0; /* a name twice: ModSecurity's count is not ours to be sure of */
			names[m++] = name;
		}
		if (stop == end)
			break;
		p = stop + 1;
	}
	return m;
}
