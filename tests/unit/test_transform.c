// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Transformations one by one and chained, on the inputs attackers use to
 * slip past a pattern: double encoding, %u escapes, fullwidth characters,
 * mixed case, traversal above the root, entities with and without ';',
 * NUL bytes. Every result is compared byte for byte (NULs included), and
 * no transformation may grow its input.
 */
#include <stdio.h>
#include <string.h>

#include "engine/transform.h"
#include "tap.h"

struct xf_case {
	const char *chain; /* names, comma-separated */
	bool plus_space;
	const char *in;
	size_t in_len; /* 0: strlen(in) */
	const char *want;
	size_t want_len; /* 0: strlen(want) */
};

static const struct xf_case cases[] = {
	/* url_decode */
	{ "url_decode", false, "%2e%2e%2f", 0, "../", 0 },
	{ "url_decode", false, "%252e%252e%252f", 0, "../", 0 },
	{ "url_decode", false, "%25252e", 0, ".", 0 },
	{ "url_decode", false, "%2525252e", 0, "%2e", 0 }, /* a fourth round is not taken */
	{ "url_decode", false, "%2E%2e%2F", 0, "../", 0 },
	{ "url_decode", false, "100%", 0, "100%", 0 },
	{ "url_decode", false, "%zz%4", 0, "%zz%4", 0 },
	{ "url_decode", false, "%%41", 0, "%A", 0 }, /* then stable: %A is malformed */
	{ "url_decode", false, "a+b%20c", 0, "a+b c", 0 },
	{ "url_decode", true, "a+b%20c", 0, "a b c", 0 },
	{ "url_decode", true, "%2B", 0, "+", 0 }, /* a decoded '+' stays one: only a sent '+' is a space */
	{ "url_decode", true, "a+%2B%252B%20", 0, "a ++ ", 0 },
	{ "url_decode", false, "%00x", 0, "\0x", 2 },
	{ "url_decode", false, "%u002e", 0, "%u002e", 0 }, /* %u is url_decode_uni's */
	/* url_decode_uni */
	{ "url_decode_uni", false, "%u002e%u002e%u2215", 0, "..\xe2\x88\x95", 0 },
	{ "url_decode_uni", false, "%U002E%2e/", 0, "../", 0 },
	{ "url_decode_uni", false, "%uff0e%uFF0F", 0, "./", 0 }, /* fullwidth . and / */
	{ "url_decode_uni", false, "%u00e9", 0, "\xc3\xa9", 0 },
	{ "url_decode_uni", false, "%u12", 0, "%u12", 0 },
	{ "url_decode_uni", false, "%u0025%u0032%u0065", 0, ".", 0 }, /* %2e, decoded again */
	/* lowercase */
	{ "lowercase", false, "SeLeCt * FROM", 0, "select * from", 0 },
	{ "lowercase", false, "\xc3\x89T\xc3\xa9", 0, "\xc3\x89t\xc3\xa9", 0 }, /* ASCII only */
	/* normalize_path */
	{ "normalize_path", false, "/a/b/../../../../etc/passwd", 0, "/etc/passwd", 0 },
	{ "normalize_path", false, "/a//b/./c/", 0, "/a/b/c/", 0 },
	{ "normalize_path", false, "\\windows\\..\\boot.ini", 0, "/boot.ini", 0 },
	{ "normalize_path", false, "/a/b/..", 0, "/a/", 0 },
	{ "normalize_path", false, "/a/.", 0, "/a/", 0 },
	{ "normalize_path", false, "/..", 0, "/", 0 },
	{ "normalize_path", false, "//", 0, "/", 0 },
	{ "normalize_path", false, "../../etc/passwd", 0, "etc/passwd", 0 },
	{ "normalize_path", false, "a/..b/...", 0, "a/..b/...", 0 },
	{ "normalize_path", false, "", 0, "", 0 },
	{ "normalize_path", false, "/static/app.min.js", 0, "/static/app.min.js", 0 },
	{ "normalize_path", false, "/.well-known/x", 0, "/.well-known/x", 0 },
	{ "normalize_path", false, "./a", 0, "a", 0 },
	{ "normalize_path", false, "/a\\b", 0, "/a/b", 0 },
	/* remove_nulls */
	{ "remove_nulls", false, "a\0b\0\0c", 6, "abc", 0 },
	{ "remove_nulls", false, "abc", 0, "abc", 0 },
	{ "url_decode", false, "/plain/path", 0, "/plain/path", 0 },
	{ "url_decode", true, "a+b", 0, "a b", 0 }, /* a '+' alone is work to do in a query */
	{ "lowercase", false, "@AZ[`az{", 0, "@az[`az{", 0 },
	/* compress_whitespace */
	{ "compress_whitespace", false, "union \t\r\n  select\v\f", 0, "union select ", 0 },
	{ "compress_whitespace", false, "  a", 0, " a", 0 },
	/* html_entity_decode */
	{ "html_entity_decode", false, "&lt;script&gt;", 0, "<script>", 0 },
	{ "html_entity_decode", false, "&LT;&Amp;&quot;&apos;&nbsp;", 0, "<&\"' ", 0 },
	{ "html_entity_decode", false, "&#x3c;&#X3C;&#60;&#0000060&#x3Cs", 0, "<<<<<s", 0 },
	{ "html_entity_decode", false, "&#233;&#x20ac;&#x1F600;", 0,
	  "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 0 },
	{ "html_entity_decode", false, "&#;&#x;&lt&foo;&", 0, "&#;&#x;&lt&foo;&", 0 },
	{ "html_entity_decode", false, "&#x110000;&#99999999999;", 0,
	  "&#x110000;&#99999999999;", 0 },
	{ "html_entity_decode", false, "&amp;lt;", 0, "&lt;", 0 }, /* one pass only */
	{ "html_entity_decode", false, "&#0;", 0, "\0", 1 },
	{ "html_entity_decode", false, "no entity; here", 0, "no entity; here", 0 },
	{ "html_entity_decode", false, "x;&gt;", 0, "x;>", 0 },
	{ "html_entity_decode", false, "javascript&colon;alert&lpar;document&period;cookie&RPAR;", 0,
	  "javascript:alert(document.cookie)", 0 },
	{ "html_entity_decode", false, "java&Tab;script&NewLine;&sol;&bsol;&semi;&lowbar;&Hat;", 0,
	  "java\tscript\n/\\;_^", 0 },
	{ "html_entity_decode", false, "&colon&lparen;&verbarx;&;&periodical;", 0,
	  "&colon&lparen;&verbarx;&;&periodical;", 0 },
	/* base64_values: the query's base64 text values, decoded, one a line; nothing else */
	{ "base64_values", false, "a1b2c3d4e5=PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg", 0,
	  "<script>alert(1)</script>\n", 0 },
	{ "base64_values", false, "id=JyBPUiAnMSc9JzEnIC0tIHg%3D&page=2", 0, "' OR '1'='1' -- x\n", 0 },
	{ "base64_values", false, "PHN2Zy9vbmxvYWQ9YWxlcnQoMSk-&x=Li4vLi4vLi4vLi4vZXRjL3Bhc3N3ZA==", 0,
	  "<svg/onload=alert(1)>\n../../../../etc/passwd\n", 0 },
	{ "base64_values", false, "f=Li4vLi4vLi4vLi4vZXRjL3Bhc3N3ZA%3D%3D", 0, "../../../../etc/passwd\n", 0 },
	{ "base64_values", false, "sid=3q2%2B7wAAAAAAAAAAAAAAAAAAAAAA&q=abcdefghijklmnopqrst", 0, "", 0 },
	{ "base64_values", false, "q=YWJjZA&u=<script>alert(1)</script>", 0, "", 0 },
	{ "base64_values", false, "x=PHNjcmlwdD5h=bGVydCgxKTwvc2NyaXB0Pg", 0, "", 0 },
	{ "base64_values,lowercase", false, "t=PFNDUklQVD5hbGVydCgxKTwvU0NSSVBUPg", 0,
	  "<script>alert(1)</script>\n", 0 },
	/* chains, in order */
	{ "url_decode,lowercase", false, "%3CSCRIPT%3E", 0, "<script>", 0 },
	{ "url_decode_uni,normalize_path", false, "/static/%u002e%u002e/%2e%2e/etc/passwd", 0,
	  "/etc/passwd", 0 },
	{ "url_decode,html_entity_decode,lowercase", false, "%26lt%3BScRiPt%26%23x3e%3B", 0,
	  "<script>", 0 },
	{ "url_decode,remove_nulls", false, "/a.php%00.jpg", 0, "/a.php.jpg", 0 },
	{ "lowercase,url_decode", false, "%2E", 0, ".", 0 },
};

/* The chain of comma-separated names; false on an unknown name or too many. */
static bool make_chain(const char *names, uint32_t *chain)
{
	char buf[256], *save = NULL;

	*chain = 0;
	snprintf(buf, sizeof(buf), "%s", names);
	for (char *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		int x = xform_by_name(t);

		if (x < 0 || !xform_chain_push(chain, (enum xform)x))
			return false;
	}
	return true;
}

static void test_cases(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct xf_case *c = &cases[i];
		size_t in_len = c->in_len ? c->in_len : strlen(c->in);
		size_t want_len = c->want_len ? c->want_len : strlen(c->want);
		char buf[256];
		uint32_t chain;
		size_t got;

		if (!ok(make_chain(c->chain, &chain), "chain %s", c->chain))
			continue;
		memcpy(buf, c->in, in_len);
		memset(buf + in_len, '#', sizeof(buf) - in_len);
		got = xform_apply(chain, c->plus_space, buf, in_len);
		if (!ok(got == want_len && !memcmp(buf, c->want, want_len),
			"%s%s of case %zu gives the expected %zu bytes", c->chain,
			c->plus_space ? " (plus_space)" : "", i, want_len))
			tap_diag("got %zu bytes: %.*s", got, (int)got, buf);
		ok(got <= in_len && buf[in_len] == '#', "case %zu stays within its input", i);
	}
}

static void test_names_and_chains(void)
{
	uint32_t chain = 0;

	ok_eq(xform_by_name("urldecode"), -1, "an unknown name is refused");
	ok_eq(xform_by_name("url_decode"), XF_URL_DECODE, "url_decode by name");
	for (int x = XF_NONE + 1; x < XF_COUNT; x++)
		ok_eq(xform_by_name(xform_name(x)), x, "%s names itself", xform_name(x));
	for (int i = 0; i < XF_MAX_STEPS; i++)
		ok(xform_chain_push(&chain, XF_LOWERCASE), "step %d fits", i + 1);
	ok(!xform_chain_push(&chain, XF_LOWERCASE), "a step past %d does not", XF_MAX_STEPS);
	ok_eq(xform_apply(0, true, NULL, 0), 0, "the empty chain on an empty value");
}

/* One round, as ModSecurity decodes arguments: what a second round would decode stays. */
static void test_decode_once(void)
{
	char buf[] = "%2524%7Bx%7D+a%u0041%zz";
	size_t n = xform_url_decode_once(buf, strlen(buf), true);

	ok(n == strlen("%24{x} a%u0041%zz") && !memcmp(buf, "%24{x} a%u0041%zz", n),
	   "one round: %%2524 -> %%24, '+' a space, %%u and malformed escapes kept (%.*s)", (int)n,
	   buf);
}

int main(void)
{
	test_cases();
	test_names_and_chains();
	test_decode_once();
	return tap_done();
}
