// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* What a record shows beside CRS's score (crs_signs.h). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "engine/crs_signs.h"
#include "engine/transform.h"

/* A program's missing Referer corroborates from two critical rules (crs_record_signs). */
#define CRS_PROGRAM_MIN_SCORE 10
/* The largest query crs_placeholder_matches reads: ModSecurity parses at most 1,000
 * arguments, far more than this holds. */
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

unsigned int crs_record_signs(const struct request_record *r, unsigned int score)
{
	unsigned int signs = 0;
	uint64_t page = 0;

	if (req_has(r, REQ_STATUS) && r->status >= 400 && r->status <= 599)
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
 * An identifier, then '}' or an encoding suffix as ad exchanges write them
 * (${AUCTION_PRICE:B64}, ${AUCTION_PRICE:OXCRYPT}: capitals and digits):
 * the rest of a bare ${name}.
 */
static bool placeholder_name(const char *p, const char *end)
{
	if (p == end || !(isalpha((unsigned char)*p) || *p == '_'))
		return false;
	while (p < end && (isalnum((unsigned char)*p) || *p == '_'))
		p++;
	if (p < end && *p == ':') {
		const char *suffix = ++p;

		while (p < end && (isupper((unsigned char)*p) || isdigit((unsigned char)*p)))
			p++;
		if (p == suffix)
			return false;
	}
	return p < end && *p == '}';
}

/*
 * One argument's name or value as 932130 reads it (decoded by ModSecurity,
 * then t:urlDecodeUni, then t:cmdLine: \ " ' ^ deleted, a space before '('
 * deleted): 1 when the rule matches it and every shell expression in it is
 * a bare ${name}, 0 when the rule does not match it, -1 when it holds
 * anything else the rule matches ($(id), <(...), ${7*7}, ${jndi:...}) or a
 * backtick (${x} in a JavaScript template literal is code). An encoded '%'
 * is -1 too: decoded as often as ModSecurity decodes, no more.
 */
static int placeholder_part(const char *p, size_t len)
{
	char buf[PLACEHOLDER_QUERY_MAX];
	size_t n, k = 0;
	int found = 0;

	if (!len)
		return 0;
	if (memmem(p, len, "%25", 3))
		return -1;
	memcpy(buf, p, len);
	n = xform_apply(XF_URL_DECODE_UNI, true, buf, len);
	for (size_t i = 0; i < n; i++) {
		if (buf[i] && strchr("\\\"'^", buf[i]))
			continue;
		if (isspace((unsigned char)buf[i])) {
			size_t j = i;

			while (j < n && isspace((unsigned char)buf[j]))
				j++;
			if (j < n && buf[j] == '(')
				continue;
		}
		buf[k++] = buf[i];
	}
	if (memchr(buf, '`', k))
		return -1;
	for (size_t i = 0; i + 1 < k; i++) {
		if (buf[i + 1] == '(' && (buf[i] == '$' || buf[i] == '<' || buf[i] == '>'))
			return -1;
		if (buf[i] == '$' && buf[i + 1] == '{') {
			if (!placeholder_name(buf + i + 2, buf + k))
				return -1;
			found = 1;
		}
	}
	return found;
}

unsigned int crs_placeholder_matches(const struct request_record *r)
{
	const char *p, *end;
	unsigned int m = 0;

	if (!req_has(r, REQ_QUERY) || r->query.len > PLACEHOLDER_QUERY_MAX ||
	    (!memchr(r->query.p, '$', r->query.len) && !memchr(r->query.p, '%', r->query.len)))
		return 0;
	for (p = r->query.p, end = p + r->query.len; p < end;) {
		const char *amp = memchr(p, '&', (size_t)(end - p)), *stop = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(stop - p));
		int name = placeholder_part(p, (size_t)((eq ? eq : stop) - p));
		int value = eq ? placeholder_part(eq + 1, (size_t)(stop - eq - 1)) : 0;

		if (name < 0 || value < 0)
			return 0;
		m += (unsigned int)(name + value);
		p = stop + 1;
	}
	return m;
}
