// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The engine's clock against records from the future (issue 15, finding 7:
 * one record an hour ahead made the next 30 failed logins late, and no
 * alert). Replay: a stray record far ahead is held out and moves nothing,
 * a tick that follows it neither; a real jump (a silence of hours) is taken
 * once the next record confirms it. Live: ticks are the clock, a record
 * ahead of it is taken as now.
 */
#include <string.h>

#include "engine/engine.h"
#include "tap.h"

#define S 1000000000ULL
#define T0 1700000000ULL
#define HOUR 3600ULL
#define MAXV 8

static const char *brute_json =
	"{\"name\":\"brute\",\"description\":\"d\",\"kind\":\"window\","
	"\"filter\":{\"all\":[{\"field\":\"method\",\"eq\":\"POST\"},"
	"{\"field\":\"status\",\"eq\":401}]},"
	"\"window\":{\"type\":\"sliding\",\"length\":\"5m\"},"
	"\"aggregates\":[{\"name\":\"failures\",\"fn\":\"count\"}],"
	"\"having\":{\"agg\":\"failures\",\"ge\":10},"
	"\"action\":{\"type\":\"block\",\"ttl\":\"1h\",\"cooldown\":\"5m\"}}";

static const char *probe_json =
	"{\"name\":\"probe\",\"description\":\"d\",\"kind\":\"match\","
	"\"where\":{\"field\":\"path\",\"eq\":\"/probe\"},\"action\":{\"type\":\"alert\"}}";

static struct {
	const char *policy[MAXV];
	uint64_t ts[MAXV];
	int n;
} cap;

static void on_verdict(const struct verdict *v, void *ctx)
{
	(void)ctx;
	if (cap.n == MAXV)
		return;
	cap.policy[cap.n] = v->policy->name;
	cap.ts[cap.n++] = v->ts_ns;
}

static struct policy_set *load(const char *json)
{
	struct policy_set *ps = NULL;

	return policy_set_parse("test.json", json, strlen(json), 0, NULL, &ps) ? NULL : ps;
}

static struct engine *engine(const struct policy_set *ps, bool live)
{
	struct engine_opts o;

	engine_opts_default(&o);
	o.hash_seed = 1;
	o.live = live;
	o.kernel_counters = live;
	memset(&cap, 0, sizeof(cap));
	return engine_new(ps, &o, on_verdict, NULL);
}

static void feed(struct engine *e, uint64_t ts_s, const char *src, const char *method,
		 const char *path, int status)
{
	struct request_record r = { .present = 0 };

	r.ts_ns = ts_s * S;
	r.present = REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_STATUS);
	gh_addr_parse(src, &r.src);
	r.status = (uint16_t)status;
	req_set_method(&r, method, (uint32_t)strlen(method));
	req_set_str(&r, REQ_PATH, &r.path, path, (uint32_t)strlen(path));
	engine_feed(e, &r);
}

static void failed_logins(struct engine *e, uint64_t from_s, int n, bool tick)
{
	for (int i = 0; i < n; i++) {
		if (tick)
			engine_tick(e, (from_s + (uint64_t)i) * S);
		feed(e, from_s + (uint64_t)i, "203.0.113.7", "POST", "/login", 401);
	}
}

static void test_replay_stray_record(void)
{
	struct policy_set *ps = load(brute_json);
	struct engine *e = engine(ps, false);
	struct engine_stats st;

	feed(e, T0, "192.0.2.1", "GET", "/", 200);
	feed(e, T0 + HOUR + 5, "198.51.100.9", "GET", "/", 200); /* a stray timestamp */
	failed_logins(e, T0 + 1, 30, false);
	engine_stats(e, &st);
	ok_eq(st.late, 0, "30 failed logins after a record an hour ahead: none late");
	ok(cap.n == 1 && !strcmp(cap.policy[0], "brute"), "the brute force window fired");
	ok_eq(st.future, 1, "the stray record is counted as future");
	feed(e, T0 + 20, "192.0.2.1", "GET", "/", 200);
	engine_stats(e, &st);
	ok_eq(st.late, 0, "the clock stayed where the records are");
	engine_free(e);

	/* Replay ticks follow the newest record time: that of the stray one too. */
	e = engine(ps, false);
	feed(e, T0, "192.0.2.1", "GET", "/", 200);
	feed(e, T0 + 2 * HOUR, "198.51.100.9", "GET", "/", 200);
	engine_tick(e, (T0 + 2 * HOUR) * S);
	failed_logins(e, T0 + 1, 30, false);
	engine_stats(e, &st);
	ok(st.late == 0 && cap.n == 1, "a tick at the stray record's time moves nothing (late %llu, "
	   "alerts %d)", (unsigned long long)st.late, cap.n);
	engine_free(e);
	policy_set_free(ps);
}

/* A night without requests: the first record after it waits for the second. */
static void test_replay_confirmed_jump(void)
{
	struct policy_set *ps = load(brute_json);
	struct engine *e = engine(ps, false);
	struct engine_stats st;

	feed(e, T0, "192.0.2.1", "GET", "/", 200);
	failed_logins(e, T0 + 8 * HOUR, 11, false);
	engine_stats(e, &st);
	ok_eq(st.future, 1, "the first record 8 h on is held out");
	ok_eq(cap.n, 1, "the next confirms the jump: 10 failures counted, the window fired");
	feed(e, T0 + 10, "192.0.2.1", "GET", "/", 200);
	engine_stats(e, &st);
	ok_eq(st.late, 1, "the clock is 8 h on now: a record from before is late");
	engine_free(e);

	/* Two stray records far apart confirm nothing. */
	e = engine(ps, false);
	feed(e, T0, "192.0.2.1", "GET", "/", 200);
	feed(e, T0 + 5 * HOUR, "198.51.100.9", "GET", "/", 200);
	feed(e, T0 + 3 * HOUR, "198.51.100.9", "GET", "/", 200);
	failed_logins(e, T0 + 1, 10, false);
	engine_stats(e, &st);
	ok(st.future == 2 && st.late == 0 && cap.n == 1,
	   "a later record earlier than the held one is not a confirmation (future %llu, late "
	   "%llu)", (unsigned long long)st.future, (unsigned long long)st.late);
	engine_free(e);
	policy_set_free(ps);
}

static void test_live_clamp(void)
{
	struct policy_set *ps = load(brute_json), *probe = load(probe_json);
	struct engine *e = engine(ps, true);
	struct engine_stats st;

	engine_tick(e, T0 * S);
	feed(e, T0 + HOUR, "198.51.100.9", "GET", "/", 200);
	failed_logins(e, T0 + 1, 30, true);
	engine_stats(e, &st);
	ok_eq(st.late, 0, "live: 30 failed logins after a record an hour ahead: none late");
	ok_eq(cap.n, 1, "the window fired");
	ok_eq(st.future, 1, "the record from the future is counted");
	feed(e, T0 + 30 + 11, "198.51.100.9", "GET", "/", 200);
	engine_stats(e, &st);
	ok_eq(st.future, 2, "11 s ahead of the last tick is beyond the tolerance too");
	engine_free(e);

	e = engine(probe, true);
	engine_tick(e, T0 * S);
	feed(e, T0 + HOUR, "198.51.100.9", "GET", "/probe", 200);
	ok(cap.n == 1 && cap.ts[0] == T0 * S, "it is taken as now: its alert says the tick's time");
	feed(e, T0 + 5, "198.51.100.10", "GET", "/probe", 200);
	engine_stats(e, &st);
	ok(st.future == 1 && st.late == 0 && cap.n == 2 && cap.ts[1] == (T0 + 5) * S,
	   "5 s ahead is within the tolerance: its own time");
	engine_free(e);
	policy_set_free(ps);
	policy_set_free(probe);
}

int main(void)
{
	test_replay_stray_record();
	test_replay_confirmed_jump();
	test_live_clamp();
	return tap_done();
}
