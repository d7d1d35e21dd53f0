// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Policy JSON from the fuzzer: parse and validate it, and when it loads,
 * run a few records through an engine built on it, so predicates, regexes
 * (Hyperscan and PCRE2), windows and verdicts all see what the parser let
 * through. Input is capped well above any real policy.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

#define MAX_INPUT (64 * 1024)

static void quiet(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

static void drop(const struct verdict *v, void *ctx)
{
	(void)v;
	(void)ctx;
}

static void str(struct request_record *r, enum req_field f, struct gh_str *slot, const char *s)
{
	req_set_str(r, f, slot, s, (uint32_t)strlen(s));
}

static void run(const struct policy_set *ps)
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
	e = engine_new(ps, &o, drop, NULL);
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
	engine_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct policy_report rep = { quiet, NULL };
	struct policy_set *ps = NULL;

	if (size > MAX_INPUT)
		return 0;
	if (!policy_set_parse("fuzz.json", (const char *)data, size, 0, &rep, &ps)) {
		run(ps);
		policy_set_free(ps);
	}
	return 0;
}
