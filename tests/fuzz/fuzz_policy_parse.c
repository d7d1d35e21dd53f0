// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Policy JSON from the fuzzer: parse and validate it, and when it loads,
 * run a few records through an engine built on it, so predicates, regexes,
 * windows and verdicts all see what the parser let through. Input is capped
 * well above any real policy.
 *
 * Regexes compile for PCRE2 only: a Hyperscan compile under ASan costs a
 * millisecond or more (tens for the regex-heavy inputs a long run breeds)
 * and held the target near 2k exec/s. One input in HYPERSCAN_ONE_IN (picked
 * by a hash of its bytes, so a crash reproduces) loads a second time with
 * Hyperscan too, and both engines must then agree on every verdict and
 * count, as predicate.c promises; at 1 in 128 those loads still took half
 * of a 10M run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "engine/engine.h"
#include "fuzz_checks.h"

#define MAX_INPUT (64 * 1024)
#define HYPERSCAN_ONE_IN 512

/* What an engine did, folded into one hash, and whether PCRE2 gave up on a match. */
struct outcome {
	uint64_t digest;
	uint64_t regex_errors;
};

static void quiet(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

static void fold(struct outcome *out, const void *p, size_t len)
{
	out->digest = gh_hash_bytes(p, len, out->digest);
}

static void on_verdict(const struct verdict *v, void *ctx)
{
	struct outcome *out = ctx;
	const char *evidence = v->evidence ? json_object_to_json_string(v->evidence) : "";

	fold(out, v->policy->name, strlen(v->policy->name));
	fold(out, &v->ts_ns, sizeof(v->ts_ns));
	fold(out, &v->has_src, sizeof(v->has_src));
	fold(out, &v->src, sizeof(v->src));
	fold(out, &v->scope, sizeof(v->scope));
	fold(out, &v->block, sizeof(v->block));
	fold(out, &v->ttl_s, sizeof(v->ttl_s));
	fold(out, &v->offense, sizeof(v->offense));
	fold(out, &v->value, sizeof(v->value));
	fold(out, &v->threshold, sizeof(v->threshold));
	fold(out, evidence, strlen(evidence));
}

static void str(struct request_record *r, enum req_field f, struct gh_str *slot, const char *s)
{
	req_set_str(r, f, slot, s, (uint32_t)strlen(s));
}

static void fold_stats(struct outcome *out, const struct engine *e)
{
	struct engine_stats st;

	engine_stats(e, &st);
	out->regex_errors = st.regex_errors;
	fold(out, &st.records, sizeof(st.records));
	for (size_t i = 0; i < st.count; i++) {
		const struct engine_policy_stats *p = &st.policies[i];

		fold(out, &p->matched, sizeof(p->matched));
		fold(out, &p->alerts, sizeof(p->alerts));
		fold(out, &p->blocks, sizeof(p->blocks));
		fold(out, &p->suppressed, sizeof(p->suppressed));
	}
}

static void run(const struct policy_set *ps, struct outcome *out)
{
	static const char *const paths[] = { "/", "/login", "/../etc/passwd", "/a.css", "",
					     "/\xff\xfe%00" };
	struct engine_opts o;
	struct src_stats t = { .requests = 5, .syns = 9 };
	struct engine *e;

	engine_opts_default(&o);
	o.max_groups = 64;
	o.max_entries = 256;
	o.hash_seed = 1;
	e = engine_new(ps, &o, on_verdict, out);
	if (!e)
		return;
	for (int i = 0; i < 24; i++) {
		struct request_record r = { .present = REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) |
						       REQ_BIT(REQ_STATUS) | REQ_BIT(REQ_IS_XHR) };

		r.ts_ns = 1700000000000000000ULL + (uint64_t)(i % 7) * 900000000ULL * (uint64_t)i;
		gh_addr_parse(i % 3 ? "203.0.113.7" : "2001:db8::7", &r.src);
		r.src.bytes[3] ^= (uint8_t)(i % 5);
		r.status = (uint16_t)(i % 2 ? 404 : 200);
		r.is_xhr = i & 1;
		str(&r, REQ_PATH, &r.path, paths[i % 6]);
		if (i % 4)
			str(&r, REQ_QUERY, &r.query, "id=1' or 1=1 --");
		if (i % 3)
			str(&r, REQ_USER_AGENT, &r.user_agent, "Mozilla/5.0");
		str(&r, REQ_METHOD, &r.method_str, i % 2 ? "POST" : "GET");
		engine_feed(e, &r);
		if (i % 8 == 7) {
			t.requests += (uint64_t)i * 40;
			engine_feed_counters(e, r.ts_ns, &r.src, &t);
			engine_tick(e, r.ts_ns);
		}
	}
	fold_stats(out, e);
	engine_free(e);
}

/* Loads with regex_flags and runs; false if the set did not load. */
static bool load_and_run(const uint8_t *data, size_t size, unsigned int regex_flags,
			 struct outcome *out)
{
	static const struct policy_report rep = { quiet, NULL };
	struct policy_set *ps = NULL;

	if (policy_set_parse("fuzz.json", (const char *)data, size, regex_flags, &rep, &ps))
		return false;
	run(ps, out);
	policy_set_free(ps);
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct outcome pcre2 = { 0 }, hyperscan = { 0 };

	if (size > MAX_INPUT)
		return 0;
	if (!load_and_run(data, size, REGEX_PCRE2_ONLY, &pcre2) ||
	    gh_hash_bytes(data, size, 0) % HYPERSCAN_ONE_IN)
		return 0;
	check(load_and_run(data, size, 0, &hyperscan));
	/* PCRE2 hitting its match limit is an answer Hyperscan never gives. */
	if (!pcre2.regex_errors)
		check(hyperscan.digest == pcre2.digest);
	return 0;
}
