// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Plain values as CRS's transformations leave them, and libinjection's verdicts (crs_views.h). */
#include <ctype.h>
#include <string.h>

#include "base/utf8.h"
#include "engine/crs_views.h"

/*
 * 942100, 941100 and 942101 run libinjection, whose verdict no pattern
 * reproduces (a User-Agent of "iframe load 1-shoes,eval&version" is SQLi to
 * it). The prefilter asks libinjection itself: libmodsecurity exports it with C
 * linkage, no header ships, so the declarations of libinjection.h are here.
 */
int libinjection_sqli(const char *s, size_t slen, char fingerprint[]);
int libinjection_xss(const char *s, size_t slen);

bool crs_injection(const char *p, size_t len)
{
	char fingerprint[16];

	return len && (libinjection_sqli(p, len, fingerprint) || libinjection_xss(p, len));
}

/* Each name and each value of a query, split as ModSecurity splits ARGS. */
bool crs_query_injection(const char *q, size_t len)
{
	const char *p = q, *end = q + len;

	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p)), *stop = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(stop - p));

		if (crs_injection(p, (size_t)((eq ? eq : stop) - p)) ||
		    (eq && crs_injection(eq + 1, (size_t)(stop - eq - 1))))
			return true;
		p = stop + 1;
	}
	return false;
}

/* The path's last segment, which 942101 (paranoia 3) gives libinjection's SQLi check. */
bool crs_basename_sqli(const char *v, size_t len)
{
	const char *slash = memrchr(v, '/', len), *b = slash ? slash + 1 : v;
	char fingerprint[16];

	return b < v + len && libinjection_sqli(b, (size_t)(v + len - b), fingerprint);
}

static bool hex_is(const char *p, char hi, char lo)
{
	return p[0] == '%' && p[1] == hi && toupper((unsigned char)p[2]) == lo;
}

/*
 * The byte %XX at p stands for when it is a letter, a digit or one of
 * . / _ , - (0: another byte, or no escape). Not = or &, which would move a
 * value's bounds as the prefilter reads them but not as ModSecurity does.
 */
static char plain_escape(const char *p, const char *end)
{
	long c = end - p >= 3 && p[0] == '%' ? gh_hex_n(p + 1, 2) : -1;

	return c > 0 && c < 0x80 && (isalnum((int)c) || strchr("./_,-", (int)c)) ? (char)c : 0;
}

/*
 * The value with %20 and %2B (and '+' too when plus) as spaces: what
 * t:urlDecodeUni leaves of plain text. ModSecurity's ARGS have '+' decoded
 * already; in a header it stays '+'. has_space set when a space results.
 */
size_t crs_spaces_view(struct gh_str v, char *out, bool plus, bool plain_escapes,
		       bool *has_space)
{
	const char *end = v.p + v.len;
	size_t n = 0;

	*has_space = false;
	for (uint32_t i = 0; i < v.len; i++) {
		bool enc = i + 2 < v.len && (hex_is(v.p + i, '2', '0') || hex_is(v.p + i, '2', 'B'));
		char plain = !enc && plain_escapes ? plain_escape(v.p + i, end) : 0;

		out[n] = enc || (plus && v.p[i] == '+') ? ' ' : plain ? plain : v.p[i];
		*has_space |= out[n++] == ' ';
		i += enc || plain ? 2 : 0;
	}
	return n;
}

/* The spaces view without spaces (t:removeWhitespace). */
size_t crs_nospace_view(const char *in, size_t len, char *out)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if (in[i] != ' ')
			out[n++] = in[i];
	return n;
}

/* t:cmdLine on plain text: , and ; as spaces, one space at most, none before / or (. */
size_t crs_cmdline_view(const char *in, size_t len, char *out)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		char c = in[i] == ',' || in[i] == ';' ? ' ' : in[i];

		if (c == ' ' && n && out[n - 1] == ' ')
			continue;
		if ((c == '/' || c == '(') && n && out[n - 1] == ' ')
			n--;
		out[n++] = c;
	}
	return n;
}
