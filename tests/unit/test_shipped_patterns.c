// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Every pattern of the shipped policies runs on Hyperscan. One it refuses
 * is matched by PCRE2 on every record that has its field, one pattern at a
 * time: a Referer pattern with an anchor inside an alternation after a
 * repeat (^[^?#]*(?:x|^)y) once took the whole pack from about 0.65x to 0.52x of
 * the core policies' replay speed, with no other sign. Run from the
 * repository root (tests/run.sh does).
 */
#include <stdio.h>

#include "engine/policy.h"
#include "engine/predicate_internal.h"
#include "tap.h"

int main(void)
{
	struct policy_set *ps = NULL;
	size_t pcre = 0, n = 0;

	if (!ok(policy_set_load_dir("policies", NULL, NULL, &ps) == 0 && ps,
		"the shipped policies load")) {
		return tap_done();
	}
	for (size_t i = 0; i < ps->regexes->n; i++) {
		const struct regex *re = &ps->regexes->v[i];

		if (re->pl)
			continue; /* phrase lists are Hyperscan literals by construction */
		n++;
		if (!regex_uses_hyperscan(ps->regexes, (int)i)) {
			pcre++;
			tap_diag("PCRE2: %.200s", re->pattern);
		}
	}
	ok(n > 100, "the pack has its patterns (%zu)", n);
	ok_eq(pcre, 0, "none of them left to PCRE2");
	policy_set_free(ps);
	return tap_done();
}
