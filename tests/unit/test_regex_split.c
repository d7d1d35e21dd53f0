// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Top-level alternatives: split at '|' outside groups and classes only,
 * kept whole where splitting could change the meaning (option settings,
 * \Q...\E, back-references, unbalanced groups), and a policy set whose
 * patterns are split matches exactly as PCRE2 does on the same values.
 */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "engine/policy.h"
#include "engine/regex_split.h"

/* The alternatives of pattern joined by " ; " (or "whole"). */
static const char *parts(const char *pattern)
{
	static char out[512];
	const char *exprs[16];
	size_t n = regex_split_count(pattern, strlen(pattern));
	char *block;

	if (n == 1)
		return "whole";
	if (n > 16 || !(block = regex_split(pattern, strlen(pattern), exprs)))
		return "?";
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, " ; ");
		strcat(out, exprs[i]);
	}
	free(block);
	return out;
}

static void test_split(void)
{
	ok_str(parts("abc|def"), "abc ; def", "two alternatives");
	ok_str(parts("^a|b$|"), "^a ; b$ ; ", "anchors stay with theirs, an empty one is kept");
	ok_str(parts("(a|b)c|d"), "(a|b)c ; d", "a '|' in a group is not a cut");
	ok_str(parts("(?:a|b)|c"), "(?:a|b) ; c", "nor in a non-capturing group");
	ok_str(parts("[|]x|y"), "[|]x ; y", "nor in a class");
	ok_str(parts("[]|]x|y"), "[]|]x ; y", "a ']' first in a class is a literal");
	ok_str(parts("[^]|]x|y"), "[^]|]x ; y", "also after '^'");
	ok_str(parts("[[:alpha:]|]z|w"), "[[:alpha:]|]z ; w", "a POSIX class does not end the class");
	ok_str(parts("a\\|b|c"), "a\\|b ; c", "an escaped '|' is not a cut");
	ok_str(parts("[\\]|]q|r"), "[\\]|]q ; r", "nor an escaped ']' the class's end");
	ok_str(parts("abc"), "whole", "no alternative");
	ok_str(parts("(?i)a|b"), "whole", "an option setting applies to all: left whole");
	ok_str(parts("a|(?=b)c"), "whole", "a look-ahead: left whole");
	ok_str(parts("\\Qa|b\\E|c"), "whole", "\\Q...\\E: left whole");
	ok_str(parts("(a)|\\1"), "whole", "a back-reference: left whole");
	ok_str(parts("(a|b"), "whole", "unbalanced: left whole");
	ok_str(parts("a)|b"), "whole", "unbalanced the other way too");
}

/* Split patterns match as PCRE2 (the reference) does, value by value. */
static void test_same_answers(void)
{
	static const char *const values[] = {
		"/", "/index.php", "/a/b|c", "/x?y=1", "/${jndi:ldap://e.com/a}", "/%24%7Bjndi%3Aldap",
		"/wp-login.php", "/WP-LOGIN.PHP", "/.env", "/.env.local", "/img/a.png", "|", "",
	};
	static const char *const patterns[] = {
		"\\\\.(png|jpe?g)$|^/wp-login\\\\.php$|^/$",
		"(j|%6a)(n|%6e)(d|%64)(i|%69)(:|%3a)+.{0,20}?(ldaps?|rmi)(:|%3a)|(\\\\$|%24)(\\\\{|%7b)",
		"/\\\\.env(\\\\.[a-z]+)?$|[|]|^$",
		"index|^/x\\\\?|b\\\\|c",
	};
	int mismatch = 0, matched = 0;

	for (size_t k = 0; k < sizeof(patterns) / sizeof(patterns[0]); k++) {
		char json[512];
		struct policy_set *hs = NULL, *pcre = NULL;

		snprintf(json, sizeof(json),
			 "{\"name\": \"p\", \"description\": \"d\", \"kind\": \"match\", \"where\": "
			 "{\"field\": \"path\", \"iregex\": \"%s\"}, \"action\": {\"type\": \"alert\"}}",
			 patterns[k]);
		if (policy_set_parse("p.json", json, strlen(json), 0, NULL, &hs) ||
		    policy_set_parse("p.json", json, strlen(json), REGEX_PCRE2_ONLY, NULL, &pcre)) {
			ok(0, "pattern %zu loads", k);
			policy_set_free(hs);
			policy_set_free(pcre);
			continue;
		}
		for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
			struct request_record r = { 0 };
			struct pred_eval *a = pred_eval_new(hs->regexes), *b = pred_eval_new(pcre->regexes);
			bool x, y;

			req_set_str(&r, REQ_PATH, &r.path, values[v], (uint32_t)strlen(values[v]));
			pred_eval_begin(a, &r);
			pred_eval_begin(b, &r);
			x = pred_match(hs->policies[0].where, a);
			y = pred_match(pcre->policies[0].where, b);
			mismatch += x != y;
			matched += x;
			if (x != y)
				tap_diag("pattern %zu on %s: split %d, PCRE2 %d", k, values[v], x, y);
			pred_eval_free(a);
			pred_eval_free(b);
		}
		ok(regex_uses_hyperscan(hs->regexes, 0), "pattern %zu runs on Hyperscan", k);
		policy_set_free(hs);
		policy_set_free(pcre);
	}
	ok_eq(mismatch, 0, "split patterns answer as PCRE2 on every value");
	ok(matched >= 10, "and the values exercise them (%d matches)", matched);
}

int main(void)
{
	test_split();
	test_same_answers();
	return tap_done();
}
