// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * pred_gate: a predicate's necessary condition as pattern ids. A pattern
 * leaf is its own; all takes its smallest child's (patterns over the path
 * and query before others); any needs every child to have one and takes
 * the union; not and other leaves have none. The
 * engine skips a policy whose condition's patterns all missed, so a gate
 * that is too small would lose verdicts: every case here says what the
 * condition must be.
 */
#include <stdio.h>
#include <string.h>

#include "engine/policy.h"
#include "tap.h"

/*
 * The gate of a match policy whose where is `where`: count, ids in ids[];
 * *unplain: whether a line that is not plain meets it (with_line: the
 * engine's way; without, patterns only).
 */
static int gate_of(const char *where, bool with_line, int *ids, bool *unplain,
		   struct policy_set **ps)
{
	struct pred_eval *ev = NULL;
	char json[2048];
	int k;

	snprintf(json, sizeof(json),
		 "{\"name\": \"g\", \"description\": \"d\", \"kind\": \"match\", \"where\": %s, "
		 "\"action\": {\"type\": \"alert\"}}", where);
	*ps = NULL;
	if (policy_set_parse("g.json", json, strlen(json), 0, NULL, ps))
		return -100;
	if (with_line && !(ev = pred_eval_new((*ps)->regexes)))
		return -101;
	k = pred_gate((*ps)->policies[0].where, ev, ids, PRED_GATE_MAX, unplain);
	pred_eval_free(ev);
	return k;
}

static void check(const char *where, int want, const char *what)
{
	struct policy_set *ps;
	int ids[PRED_GATE_MAX];
	bool unplain = true;

	ok(gate_of(where, false, ids, &unplain, &ps) == want && !unplain, "%s", what);
	policy_set_free(ps);
}

/* With the line: want ids, and whether a line that is not plain opens it. */
static void check_line(const char *where, int want, bool want_unplain, const char *what)
{
	struct policy_set *ps;
	int ids[PRED_GATE_MAX];
	bool unplain = !want_unplain;

	ok(gate_of(where, true, ids, &unplain, &ps) == want && unplain == want_unplain, "%s", what);
	policy_set_free(ps);
}

#define RE(f, r) "{\"field\": \"" f "\", \"regex\": \"" r "\"}"
#define EQ(f, v) "{\"field\": \"" f "\", \"eq\": \"" v "\"}"

int main(void)
{
	check(RE("path", "a"), 1, "a pattern leaf is its own gate");
	check(EQ("method", "GET"), -1, "an eq leaf has none");
	check("{\"all\": [" EQ("method", "POST") ", " RE("path", "a") "]}", 1,
	      "all: the pattern child's");
	check("{\"all\": [" RE("path", "a") ", {\"any\": [" RE("query", "b") ", " RE("query", "c")
	      "]}]}", 1, "all: the smallest child's (one pattern, not two)");
	check("{\"all\": [" RE("user_agent", "^Mozilla") ", {\"any\": [" RE("path", "a") ", "
	      RE("path", "b") "]}]}", 2,
	      "all: patterns over the target before one over a header most requests match");
	check("{\"all\": [{\"any\": [" RE("path", "a") ", " RE("referer", "b") "]}, "
	      RE("user_agent", "c") "]}", 1,
	      "all: the smallest when no child is over the target alone");
	check("{\"any\": [" RE("path", "a") ", " RE("query", "b") "]}", 2, "any: the union");
	check("{\"any\": [" RE("path", "a") ", " EQ("method", "PUT") "]}", -1,
	      "any with a child without a gate has none");
	check("{\"not\": " RE("path", "a") "}", -1, "not has none");
	check("{\"all\": []}", -1, "an empty all (always true) has none");
	check("{\"field\": \"user_agent\", \"phrases\": [\"sqlmap\", \"nikto\"]}", 1,
	      "a phrase list is one pattern id");
	check_line(EQ("method", "CONNECT"), 0, true, "a method no plain line has: the line alone");
	check_line(EQ("method", "GET"), -1, false, "a plain method: none");
	check_line("{\"any\": [" EQ("method", "CONNECT") ", " RE("host", "x") "]}", 1, true,
		   "any of a CONNECT and a pattern: the pattern or the line");
	check_line("{\"any\": [" EQ("method", "GET") ", " RE("host", "x") "]}", -1, false,
		   "any of a GET and a pattern: none");
	check_line("{\"all\": [" EQ("method", "CONNECT") ", " RE("path", "x") "]}", 1, false,
		   "all: a pattern is preferred to the line");
	check_line("{\"all\": [" EQ("method", "PUT") ", {\"any\": [" EQ("target_form", "absolute")
		   ", " RE("path", "x") "]}]}", 0, true,
		   "all: the line alone before a pattern-or-line child");
	check_line("{\"not\": " EQ("method", "GET") "}", -1, false,
		   "not GET: a plain HEAD meets it, none");
	check_line("{\"not\": {\"field\": \"version\", \"in\": [\"HTTP/1.0\", \"HTTP/1.1\", "
		   "\"HTTP/2.0\", \"HTTP/3.0\"]}}", 0, true, "not of every plain version: the line");
	{
		struct policy_set *ps;
		int ids[PRED_GATE_MAX], n;
		bool unplain;

		n = gate_of("{\"any\": [" RE("path", "x") ", {\"all\": [" EQ("method", "GET") ", "
			    RE("query", "y") "]}]}", false, ids, &unplain, &ps);
		ok(n == 2 && ids[0] != ids[1], "nested: any of a pattern and an all with one");
		policy_set_free(ps);
	}
	return tap_done();
}
