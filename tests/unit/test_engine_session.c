// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Session windows: a group's records until it has been quiet for the gap,
 * read once when the session ends: by the group's next record after the
 * gap, by the idle sweep of a tick, by the slower window sweep of a group
 * kept for another policy, or by engine_flush at the end of the input; a
 * reload's engine takes an open session over. The parser's refusals
 * (grouping, scope) are in test_policy_parse.c.
 */
#include "engine/engine_state.h"
#include "engine_fixture.h"

/* All misses: every request of the session answered 4xx. */
static const char *lone = HEAD("lone") "'kind':'window','severity':'low',"
	"'window':{'type':'session','gap':'2m'},"
	"'aggregates':[{'name':'requests','fn':'count'},"
	"{'name':'answered','fn':'ratio','where':{'field':'status','lt':400}}],"
	"'having':{'agg':'answered','le':0},'action':{'type':'alert','cooldown':'1h'}}";

/* A sliding window in the same class: it keeps the group for 10 minutes. */
static const char *slow = HEAD("slow") "'kind':'window','window':{'type':'sliding','length':'10m'},"
	"'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','ge':1000},"
	"'action':{'type':'alert'}}";

static void test_ends_by_next_record(void)
{
	struct policy_set *ps = load(lone, NULL);
	struct engine *e = engine(ps, NULL);

	feed(e, T0, "203.0.113.7", "GET", "/a", 404);
	feed(e, T0 + 100, "203.0.113.7", "GET", "/b", 403);
	ok_eq(cap.n, 0, "within the gap: one session, not read yet");
	feed(e, T0 + 220, "203.0.113.7", "GET", "/", 200);
	ok_eq(cap.n, 1, "a record 120 s after the last ends the session first");
	ok_str(ev_str(0, "policy"), "lone", "the session policy fired");
	ok_str(ev_str(0, "src_ip"), "203.0.113.7", "for the group's source");
	ok_str(ev_str(0, "evidence.window"), "session", "evidence says session");
	ok_str(ev_str(0, "evidence.count"), "2", "both records of the session, not the third");
	ok_str(ev_str(0, "evidence.first_ts"), "2023-11-14T22:13:20.000Z", "first_ts");
	ok_str(ev_str(0, "evidence.last_ts"), "2023-11-14T22:15:00.000Z", "last_ts");
	ok_str(ev_str(0, "evidence.end"), "2023-11-14T22:17:00.000Z", "ends a gap after the last");
	ok_str(ev_str(0, "ts"), "2023-11-14T22:17:00.000Z", "the alert is at the session's end");
	engine_flush(e);
	ok_eq(cap.n, 1, "the new session answered 200: flushed, it does not fire");
	engine_free(e);
	policy_set_free(ps);
}

static void test_answered_session_is_quiet(void)
{
	struct policy_set *ps = load(lone, NULL);
	struct engine *e = engine(ps, NULL);

	feed(e, T0, "192.0.2.1", "GET", "/gone", 404);
	feed(e, T0 + 1, "192.0.2.1", "GET", "/favicon.ico", 200);
	feed(e, T0 + 2, "192.0.2.2", "GET", "/gone", 404);
	engine_tick(e, (T0 + 200) * S);
	ok_eq(cap.n, 1, "only the session with no answer fired");
	ok_str(ev_str(0, "src_ip"), "192.0.2.2", "the one-miss source");
	engine_flush(e);
	ok_eq(cap.n, 1, "a session is read once");
	engine_free(e);
	policy_set_free(ps);
}

static void test_tick_sweep(void)
{
	struct policy_set *ps = load(lone, NULL);
	struct engine *e = engine(ps, NULL);
	struct engine_stats st;

	feed(e, T0, "198.51.100.9", "GET", "/x", 404);
	engine_tick(e, (T0 + 125) * S);
	ok_eq(cap.n, 0, "125 s: past the gap but within the 10 s lateness tolerance");
	engine_tick(e, (T0 + 130) * S);
	ok_eq(cap.n, 1, "130 s: the idle sweep ends the session");
	ok_str(ev_str(0, "ts"), "2023-11-14T22:15:20.000Z", "at last + gap, not at the tick");
	engine_stats(e, &st);
	ok_eq(st.groups, 1, "the group stays for the cooldown the alert began");
	ok_eq(st.entries, 0, "its session emptied");
	feed(e, T0 + 200, "198.51.100.9", "GET", "/y", 404);
	engine_tick(e, (T0 + 400) * S);
	ok_eq(cap.n, 1, "the next session's alert is within the hour's cooldown");
	engine_free(e);
	policy_set_free(ps);
}

static void test_kept_group_and_flush(void)
{
	struct policy_set *ps = load(lone, slow, NULL);
	struct engine *e = engine(ps, NULL);

	feed(e, T0, "203.0.113.40", "GET", "/x", 404);
	for (uint64_t t = 1; t <= 70; t++)
		engine_tick(e, (T0 + 130 + t) * S);
	ok_eq(cap.n, 1, "a group the sliding window keeps: the window sweep ends the session");
	engine_free(e);

	e = engine(ps, NULL);
	feed(e, T0, "203.0.113.41", "GET", "/x", 404);
	feed(e, T0 + 30, "203.0.113.42", "GET", "/y", 500);
	engine_flush(e);
	ok_eq(cap.n, 2, "the end of the input ends every session");
	ok_str(ev_str(1, "ts"), "2023-11-14T22:13:50.000Z",
	       "at the newest event time when the gap has not passed");
	engine_free(e);
	policy_set_free(ps);
}

static void test_evicted_session_is_not_read(void)
{
	struct policy_set *ps = load(lone, NULL);
	struct engine_opts o;
	struct engine *e;

	engine_opts_default(&o);
	o.hash_seed = 1;
	o.max_groups = 2;
	e = engine(ps, &o);
	feed(e, T0, "192.0.2.10", "GET", "/a", 404);
	feed(e, T0 + 1, "192.0.2.11", "GET", "/b", 404);
	feed(e, T0 + 2, "192.0.2.12", "GET", "/c", 404);
	engine_flush(e);
	ok_eq(cap.n, 2, "the evicted group's session was cut, not read: two of three fire");
	engine_free(e);
	policy_set_free(ps);
}

/* A /24's session blocks the /24: the group it is keyed by, with no one record to name. */
static void test_prefix_block(void)
{
	struct policy_set *ps = load(HEAD("net") "'kind':'window','prefix':{'ipv4':24},"
				     "'window':{'type':'session','gap':'1m'},"
				     "'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','ge':3},"
				     "'action':{'type':'block','ttl':'1h','scope':{'ipv4':24}}}",
				     NULL);
	struct engine *e = engine(ps, NULL);

	feed(e, T0, "203.0.113.1", "GET", "/a", 200);
	feed(e, T0 + 10, "203.0.113.2", "GET", "/b", 200);
	feed(e, T0 + 20, "203.0.113.3", "GET", "/c", 200);
	feed(e, T0 + 25, "198.51.100.3", "GET", "/c", 200);
	engine_tick(e, (T0 + 100) * S);
	ok_eq(cap.n, 1, "three records of the /24 in one session: blocked once it ended");
	ok(cap.n == 1 && cap.v[0].block, "a block verdict");
	ok_str(ev_str(0, "evidence.scope"), "203.0.113.0/24", "of the group's /24");
	ok_str(ev_str(0, "evidence.group"), "203.0.113.0/24", "named by its key");
	engine_free(e);
	policy_set_free(ps);
}

/*
 * An IPv6 source is grouped by its /64: the alert names the group's latest
 * source, an address that sent the records, not the prefix's first address;
 * a reload's engine still knows it. evidence.group keeps the prefix.
 */
static void test_prefix_session_names_source(void)
{
	struct policy_set *ps = load(lone, NULL), *ps2 = load(lone, NULL);
	struct engine *e = engine(ps, NULL), *next;

	feed(e, T0, "2001:db8:2c5e:80e:c055:5950:1afe:3390", "GET", "/explore", 404);
	engine_flush(e);
	ok_eq(cap.n, 1, "a /64's lone miss fires");
	ok_str(ev_str(0, "src_ip"), "2001:db8:2c5e:80e:c055:5950:1afe:3390", "naming the source");
	ok_str(ev_str(0, "evidence.group"), "2001:db8:2c5e:80e::/64", "the group is the /64");
	engine_free(e);

	cap_reset();
	e = engine(ps, NULL);
	feed(e, T0, "2001:db8:1::1", "GET", "/a", 404);
	feed(e, T0 + 5, "2001:db8:1::2", "GET", "/b", 404);
	next = engine(ps2, NULL);
	ok_eq(engine_take_windows(next, e, (T0 + 6) * S), 1, "reload: the /64's session moves");
	engine_flush(next);
	ok_eq(cap.n, 1, "the new engine ends it");
	ok_str(ev_str(0, "src_ip"), "2001:db8:1::2", "naming the latest of its sources");
	engine_free(next);
	engine_free(e);
	policy_set_free(ps);
	policy_set_free(ps2);
}

/* SIGHUP: the new engine takes the open session and ends it; the old one holds none. */
static void test_reload_takes_session(void)
{
	struct policy_set *ps = load(lone, NULL), *ps2 = load(lone, NULL);
	struct engine *old = engine(ps, NULL), *e;
	struct engine_stats st;

	feed(old, T0, "203.0.113.50", "GET", "/x", 404);
	e = engine(ps2, NULL);
	ok_eq(engine_take_windows(e, old, T0 * S), 1, "reload: the open session moves");
	engine_flush(old);
	ok_eq(cap.n, 0, "reload: the old engine has no session left to end");
	engine_tick(e, (T0 + 130) * S);
	ok_eq(cap.n, 1, "reload: the new engine ends it after the gap");
	engine_stats(e, &st);
	ok_eq(st.entries, 0, "reload: and holds no entries after");
	engine_free(e);
	engine_free(old);
	policy_set_free(ps);
	policy_set_free(ps2);
}

/* At most three requests in a visit: broken for good by the fourth. */
static const char *few = HEAD("few") "'kind':'window','window':{'type':'session','gap':'1m'},"
	"'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','le':3},"
	"'action':{'type':'alert','cooldown':'0s'}}";

/*
 * A session whose having broke for good takes no more records, but they
 * still keep it going; the next session starts whole.
 */
static void test_broken_session_goes_on(void)
{
	struct policy_set *ps = load(few, lone, NULL);
	struct engine *e = engine(ps, NULL);

	for (int i = 0; i < 5; i++)
		feed(e, T0 + 50 * i, "198.51.100.40", "GET", "/", 200);
	feed(e, T0 + 255, "198.51.100.40", "GET", "/x", 404);
	ok_eq(cap.n, 0, "six requests 50 s apart: one visit, still open");
	feed(e, T0 + 400, "198.51.100.40", "GET", "/y", 404);
	ok_eq(cap.n, 0, "it ends unread as broken: 6 > 3 (and lone: answered)");
	feed(e, T0 + 410, "198.51.100.40", "GET", "/z", 404);
	engine_flush(e);
	ok_eq(cap.n, 2, "the next visit starts whole: 2 requests, all misses");
	ok_str(cap.n == 2 ? ev_str(0, "evidence.count") : NULL, "2", "few counts both");
	engine_free(e);
	policy_set_free(ps);
}

/* lone with a filter: GET requests only. */
static const char *lone_get = HEAD("lone-get") "'kind':'window','severity':'low',"
	"'filter':{'field':'method','eq':'GET'},"
	"'window':{'type':'session','gap':'2m'},"
	"'aggregates':[{'name':'requests','fn':'count'},"
	"{'name':'answered','fn':'ratio','where':{'field':'status','lt':400}}],"
	"'having':{'agg':'answered','le':0},'action':{'type':'alert','cooldown':'0s'}}";

static uint64_t matched_of(const struct engine *e)
{
	struct engine_stats st;

	engine_stats(e, &st);
	return st.policies[0].matched;
}

/*
 * A spoiled session's records at or before its last one are not read
 * (eng_session_settled): they could change nothing. A later record is read,
 * and keeps the session going only when its filter takes it.
 */
static void test_settled_session_skips_filter(void)
{
	struct policy_set *ps = load(lone_get, NULL);
	struct engine *e = engine(ps, NULL);

	feed(e, T0, "198.51.100.50", "GET", "/", 200);
	ok_eq(matched_of(e), 1, "the answered record spoils the session");
	feed(e, T0, "198.51.100.50", "GET", "/app.css", 200);
	feed(e, T0, "198.51.100.50", "POST", "/form", 200);
	ok_eq(matched_of(e), 1, "the same second, settled: neither record read");
	feed(e, T0 + 100, "198.51.100.50", "GET", "/next", 200);
	ok_eq(matched_of(e), 2, "a later second is read: it keeps the session going");
	feed(e, T0 + 200, "198.51.100.50", "POST", "/form", 200);
	ok_eq(matched_of(e), 2, "the filter refuses a POST: it keeps nothing going");
	feed(e, T0 + 221, "198.51.100.50", "GET", "/.env", 404);
	engine_flush(e);
	ok_eq(cap.n, 1, "the session ended 120 s after T0+100, not after the POST: the probe's visit fired");
	ok_str(cap.n == 1 ? ev_str(0, "evidence.count") : NULL, "1", "the new visit holds the probe alone");
	engine_free(e);
	policy_set_free(ps);
}

int main(void)
{
	test_settled_session_skips_filter();
	test_reload_takes_session();
	test_prefix_block();
	test_prefix_session_names_source();
	test_ends_by_next_record();
	test_answered_session_is_quiet();
	test_tick_sweep();
	test_kept_group_and_flush();
	test_evicted_session_is_not_read();
	test_broken_session_goes_on();
	cap_reset();
	return tap_done();
}
