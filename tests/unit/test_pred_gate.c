// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * pred_gate: a predicate's necessary condition as pattern ids. A pattern
 * leaf is its own; all takes its smallest child's; any needs every child
 * to have one and takes the union; not and other leaves have none. The
 * engine skips a policy whose condition's patterns all missed, so a gate
 * that is too small would lose verdicts: every case here says what the
 * condition must be.
 */
#include <stdio.h>
#include <string.h>

#include "engine/policy.h"
#include "tap.h"

/* The gate of a match policy whose where is `where`: count, ids in ids[]. */
static int gate_of(const char *where, int *ids, struct policy_set **ps)
{
	char json[2048];

	snprintf(json, sizeof(json),
		 "{\"name\": \"g\", \"description\": \"d\", \"kind\": \"match\", \"where\": %s, "
		 "\"action\": {\"type\": \"alert\"}}", where);
	*ps = NULL;
	if (policy_set_parse("g.json", json, strlen(json), 0, NULL, ps))
		return -100;
	return pred_gate((*ps)->policies[0].where, ids, PRED_GATE_MAX);
}

static void check(const char *where, int want, const char *what)
{
	struct policy_set *ps;
	int ids[PRED_GATE_MAX];

	ok_eq(gate_of(where, ids, &ps), want, "%s", what);
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
	check("{\"any\": [" RE("path", "a") ", " RE("query", "b") "]}", 2, "any: the union");
	check("{\"any\": [" RE("path", "a") ", " EQ("method", "PUT") "]}", -1,
	      "any with a child without a gate has none");
	check("{\"not\": " RE("path", "a") "}", -1, "not has none");
	check("{\"all\": []}", -1, "an empty all (always true) has none");
	check("{\"field\": \"user_agent\", \"phrases\": [\"sqlmap\", \"nikto\"]}", 1,
	      "a phrase list is one pattern id");
	{
		struct policy_set *ps;
		int ids[PRED_GATE_MAX], n;

		n = gate_of("{\"any\": [" RE("path", "x") ", {\"all\": [" EQ("method", "GET") ", "
			    RE("query", "y") "]}]}", ids, &ps);
		ok(n == 2 && ids[0] != ids[1], "nested: any of a pattern and an all with one");
		policy_set_free(ps);
	}
	return tap_done();
}
