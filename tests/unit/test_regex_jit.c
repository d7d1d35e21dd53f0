// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * regex_set_compile JIT-compiles the patterns records run through PCRE2
 * (those Hyperscan refuses, or all of them with REGEX_PCRE2_ONLY) and no
 * others: a pack's hundreds of Hyperscan patterns are compiled by PCRE2
 * only to be validated, and their JIT would cost tens of ms at load.
 */
#include <stdio.h>
#include <string.h>

#include "engine/policy.h"
#include "engine/predicate_internal.h"
#include "tap.h"

static struct policy_set *load(unsigned int regex_flags)
{
	static const char json[] =
		"{\"name\":\"t\",\"description\":\"d\",\"kind\":\"match\",\"where\":"
		"{\"any\": [{\"field\": \"path\", \"regex\": \"^/login\"}, "
		"{\"field\": \"path\", \"regex\": \"(a)\\\\1\"}]},"
		"\"action\":{\"type\":\"alert\"}}";
	struct policy_set *ps = NULL;

	if (policy_set_parse("t.json", json, strlen(json), regex_flags, NULL, &ps))
		return NULL;
	return ps;
}

static bool jitted(const struct regex_set *rs, int id)
{
	size_t size = 0;

	return !pcre2_pattern_info(rs->v[id].code, PCRE2_INFO_JITSIZE, &size) && size > 0;
}

int main(void)
{
	struct policy_set *ps = load(0);
	uint32_t jit = 0;

	pcre2_config(PCRE2_CONFIG_JIT, &jit);
	if (!jit) {
		tap_skip("PCRE2 without JIT on this machine");
		policy_set_free(ps);
		return tap_done();
	}
	if (ok(ps && ps->regexes->n == 2, "a Hyperscan pattern and a back-reference load")) {
		ok(regex_uses_hyperscan(ps->regexes, 0) && !jitted(ps->regexes, 0),
		   "the Hyperscan pattern: validated by PCRE2, no JIT");
		ok(!regex_uses_hyperscan(ps->regexes, 1) && jitted(ps->regexes, 1),
		   "the back-reference, matched by PCRE2: JIT-compiled");
	}
	policy_set_free(ps);
	ps = load(REGEX_PCRE2_ONLY);
	if (ok(ps && ps->regexes->n == 2, "the same with PCRE2 only"))
		ok(jitted(ps->regexes, 0) && jitted(ps->regexes, 1), "both JIT-compiled");
	policy_set_free(ps);
	return tap_done();
}
