// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The engine's state under a spoofed flood (issue 15, finding 4): every
 * kernel src_stats row becomes a counter-only group, and new spoofed
 * sources by the tens of thousands a second must evict only each other,
 * never a slow attacker's window, a cooldown or the offenses escalation
 * reads. Also: an eviction in the middle of a record leaves the rest of
 * that record's policies to run.
 */
#include <arpa/inet.h>

#include "engine_fixture.h"

#define SPOOF_BASE 0x0a000000U /* 10.0.0.0: spoofed sources count up from here */

static const char *brute = HEAD("brute") "'kind':'window',"
	"'filter':{'all':[{'field':'path','eq':'/login'},{'field':'status','eq':401}]},"
	"'window':{'type':'sliding','length':'10m'},'aggregates':[{'name':'n','fn':'count'}],"
	"'having':{'agg':'n','ge':3},'action':{'type':'block','ttl':'1h','cooldown':'10m'}}";
static const char *syn = HEAD("syn") "'kind':'rate','metric':'syns','per_second':200,"
	"'over':'5s','action':{'type':'alert','cooldown':'1m'}}";
static const char *reqs = HEAD("reqs") "'kind':'rate','metric':'requests','per_second':2,"
	"'over':'5s','action':{'type':'block','ttl':'10m','cooldown':'1m',"
	"'escalate':{'factor':3,'max_ttl':'1d'}}}";
static const char *probe = HEAD("probe") "'kind':'match',"
	"'where':{'field':'path','iregex':'\\\\.\\\\./'},"
	"'action':{'type':'block','ttl':'1h','cooldown':'1m',"
	"'escalate':{'factor':2,'max_ttl':'1d'}}}";

static uint32_t spoofed; /* spoofed sources so far */

/* A live engine (rate policies read kernel counters) holding at most max_groups stateful groups. */
static struct engine *live(const struct policy_set *ps, uint32_t max_groups)
{
	struct engine_opts o;

	engine_opts_default(&o);
	o.kernel_counters = true;
	o.max_groups = max_groups;
	o.hash_seed = 1;
	return engine(ps, &o);
}

static void counters(struct engine *e, uint64_t now_s, const char *src, struct src_stats *t)
{
	struct gh_addr a;

	gh_addr_parse(src, &a);
	engine_feed_counters(e, now_s * S, &a, t);
}

/*
 * One second of the daemon's loop under a spoofed SYN flood: last second's
 * n sources again with a second SYN (their rate buckets fill), n sources
 * never seen before with one; then the tick.
 */
static void spoofed_second(struct engine *e, uint64_t now_s, uint32_t n)
{
	struct gh_addr a = { .family = AF_INET };
	struct src_stats t = { 0 };

	for (uint32_t i = spoofed >= n ? 0 : n; i < 2 * n; i++) {
		uint32_t ip = htonl(SPOOF_BASE + spoofed - n + i);

		t.packets = t.syns = i < n ? 2 : 1;
		memcpy(a.bytes, &ip, sizeof(ip));
		engine_feed_counters(e, now_s * S, &a, &t);
	}
	spoofed += n;
	engine_tick(e, now_s * S);
}

static int fired(const char *policy)
{
	int n = 0;

	for (int i = 0; i < cap.n; i++)
		n += !strcmp(ev_str(i, "policy"), policy);
	return n;
}

/* One failed login every 20 s; the third (at 40 s) fires, flood or not. */
static void test_slow_brute_forcer(uint32_t max_groups, uint32_t per_second)
{
	struct policy_set *ps = load(brute, syn, NULL);
	struct engine *e = live(ps, max_groups);
	struct engine_stats st;

	spoofed = 0;
	for (uint64_t s = 0; s <= 40; s++) {
		spoofed_second(e, T0 + s, per_second);
		if (s % 20 == 0)
			feed(e, (double)(T0 + s) + 0.5, "192.0.2.66", "POST", "/login", 401);
	}
	engine_stats(e, &st);
	ok_eq(fired("brute"), 1,
	      "max_groups %u, %u new spoofed sources a second: the slow brute forcer's third "
	      "failure fires", max_groups, per_second);
	ok_str(cap.n ? ev_str(0, "src_ip") : "", "192.0.2.66", "naming it");
	ok(st.evicted_counter_only >= 41ULL * per_second - max_groups / 2,
	   "%llu counter-only groups evicted (%u spoofed sources)",
	   (unsigned long long)st.evicted_counter_only, spoofed);
	ok_eq(st.evicted_stateful, 0, "no stateful group evicted");
	ok_eq(st.evicted, st.evicted_counter_only, "evicted is the sum of both tiers");
	ok(st.counter_groups <= max_groups / 2 && st.groups - st.counter_groups == 1,
	   "at most max_groups/2 counter-only groups (%llu), and the brute forcer's",
	   (unsigned long long)st.counter_groups);
	engine_free(e);
	policy_set_free(ps);
}

/* Cooldowns and offenses outlive a flood that evicts a hundred times max_groups. */
static void test_verdict_state(void)
{
	struct policy_set *ps = load(probe, reqs, syn, NULL);
	struct engine *e = live(ps, 4096);
	struct src_stats r = { .requests = 100 }, sp = { .syns = 10 };
	struct engine_stats st;

	spoofed = 0;
	feed(e, T0, "192.0.2.10", "GET", "/../etc/passwd", 404);
	counters(e, T0, "192.0.2.20", &r);
	counters(e, T0, "198.51.100.7", &sp);
	r.requests += 20;
	sp.syns += 2000;
	counters(e, T0 + 1, "192.0.2.20", &r);
	counters(e, T0 + 1, "198.51.100.7", &sp);
	ok(cap.n == 3 && cap.v[0].offense == 1 && cap.v[1].offense == 1,
	   "a probe, a request flood and a SYN flood: first offenses");
	engine_stats(e, &st);
	/*
	 * Groups: the probe's, each rate policy's, and the per-address counter
	 * baselines (rate policies group IPv6 by /64, baselines stay per
	 * address): counter-only but the request flooder's.
	 */
	ok(st.groups - st.counter_groups == 2,
	   "the SYN flooder stays counter-only (SYNs are forged at will), the requests do not "
	   "(%llu groups, %llu counter-only)", (unsigned long long)st.groups,
	   (unsigned long long)st.counter_groups);
	for (uint64_t s = 2; s <= 30; s++)
		spoofed_second(e, T0 + s, 8192);
	feed(e, T0 + 30, "192.0.2.10", "GET", "/../etc/shadow", 404);
	ok_eq(cap.n, 3, "30 s and 237568 spoofed sources later the probe is still in its cooldown");
	/* The daemon samples every source each second: the flooder's baseline stays fresh. */
	for (uint64_t s = 31; s <= 61; s++) {
		spoofed_second(e, T0 + s, 8192);
		counters(e, T0 + s, "192.0.2.20", &r);
	}
	feed(e, T0 + 61, "192.0.2.10", "GET", "/../etc/group", 404);
	r.requests += 20;
	counters(e, T0 + 61, "192.0.2.20", &r);
	ok_eq(cap.n, 5, "after the cooldown both fire again");
	ok(cap.n == 5 && cap.v[3].offense == 2 && cap.v[3].ttl_s == 7200,
	   "the probe's second offense: ttl doubled");
	ok(cap.n == 5 && cap.v[4].offense == 2 && cap.v[4].ttl_s == 1800,
	   "the request flood's second offense: ttl tripled");
	engine_stats(e, &st);
	ok_eq(st.evicted_stateful, 0, "no stateful group evicted");
	engine_free(e);
	policy_set_free(ps);
}

/* A stateful counter group is counter-only again once its offenses are forgotten. */
static void test_back_to_counter_only(void)
{
	struct policy_set *ps = load(reqs, NULL);
	struct engine *e = live(ps, 0);
	struct src_stats r = { .requests = 100 };
	struct engine_stats st;
	uint64_t day = ENGINE_OFFENSE_MEMORY_NS / S;

	counters(e, T0, "192.0.2.20", &r);
	r.requests += 20;
	counters(e, T0 + 1, "192.0.2.20", &r);
	engine_stats(e, &st);
	ok(cap.n == 1 && st.groups - st.counter_groups == 1, "a block makes it stateful");
	for (uint64_t s = 600; s < day; s += 600) {
		counters(e, T0 + s, "192.0.2.20", &r);
		engine_tick(e, (T0 + s) * S);
	}
	engine_stats(e, &st);
	ok(st.groups - st.counter_groups == 1, "for a day, its offense remembered");
	counters(e, T0 + day + 30, "192.0.2.20", &r);
	engine_tick(e, (T0 + day + 30) * S);
	engine_stats(e, &st);
	ok(st.groups == st.counter_groups, "then counter-only: it still sends");
	engine_free(e);
	policy_set_free(ps);
}

/* Two gated match policies on one record whose group evicted another. */
static void test_eviction_mid_record(void)
{
	struct policy_set *ps = load(probe, HEAD("passwd") "'kind':'match',"
				     "'where':{'field':'path','iregex':'etc/passwd'},"
				     "'action':{'type':'alert'}}", NULL);
	struct engine_opts o;
	struct engine *e;

	engine_opts_default(&o);
	o.max_groups = 2;
	o.hash_seed = 1;
	e = engine(ps, &o);
	feed(e, T0, "192.0.2.1", "GET", "/../a", 404);
	feed(e, T0 + 1, "192.0.2.2", "GET", "/../b", 404);
	feed(e, T0 + 2, "192.0.2.3", "GET", "/../etc/passwd", 404);
	ok_eq(cap.n, 4, "the third source's group evicted the first, and both its policies fired");
	engine_free(e);
	policy_set_free(ps);
}

int main(void)
{
	test_slow_brute_forcer(4096, 8192);
	test_slow_brute_forcer(ENGINE_DEFAULT_MAX_GROUPS, 65536); /* 2.7M spoofed sources */
	test_verdict_state();
	test_back_to_counter_only();
	test_eviction_mid_record();
	cap_reset();
	return tap_done();
}
