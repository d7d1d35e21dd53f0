// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Sampled records (engine_opts.sampled, the sensor at a sample rate above
 * 1): a window policy whose having can hold because records are missing
 * (policy_reads_absence) is paused: it counts nothing, never fires, and a
 * reload neither carries its windows into a sampled engine nor out of one.
 * Every other policy runs as before.
 */
#include "engine/engine_state.h"
#include "engine_fixture.h"

/* At most 3 requests in a minute: holds on any source's first one. */
static const char *few = HEAD("few") "'kind':'window','window':{'type':'sliding','length':'1m'},"
	"'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','le':3},"
	"'action':{'type':'alert','cooldown':'1h'}}";

/* At least 2 requests in a minute: sampling only makes it fire later. */
static const char *many = HEAD("many") "'kind':'window','window':{'type':'sliding','length':'1m'},"
	"'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','ge':2},"
	"'action':{'type':'alert','cooldown':'1h'}}";

/* No 2xx among a source's answers, filtered by a pattern (so gated). */
static const char *unanswered = HEAD("unanswered") "'kind':'window',"
	"'filter':{'field':'path','regex':'^/admin'},"
	"'window':{'type':'sliding','length':'1m'},"
	"'aggregates':[{'name':'ok','fn':'ratio','where':{'field':'status','lt':300}}],"
	"'having':{'agg':'ok','le':0},'action':{'type':'alert','cooldown':'1h'}}";

static bool reads_absence(const char *json)
{
	struct policy_set *ps = load(json, NULL);
	bool r = ps && policy_reads_absence(&ps->policies[0]);

	policy_set_free(ps);
	return r;
}

static void test_which_policies_read_absence(void)
{
	ok(reads_absence(few), "count le: reads absence");
	ok(!reads_absence(many), "count ge: does not");
	ok(reads_absence(unanswered), "ratio le 0: reads absence");
	ok(reads_absence(HEAD("d") "'kind':'window','window':{'type':'tumbling','length':'1m'},"
			 "'aggregates':[{'name':'p','fn':'distinct','field':'path'}],"
			 "'having':{'agg':'p','lt':2},'action':{'type':'alert'}}"),
	   "distinct lt: reads absence");
	ok(reads_absence(HEAD("m") "'kind':'window','window':{'type':'sliding','length':'1m'},"
			 "'aggregates':[{'name':'s','fn':'min','field':'status'}],"
			 "'having':{'agg':'s','ge':400},'action':{'type':'alert'}}"),
	   "min ge: reads absence (fewer records, a higher minimum)");
	ok(!reads_absence(HEAD("x") "'kind':'window','window':{'type':'sliding','length':'1m'},"
			  "'aggregates':[{'name':'s','fn':'max','field':'status'}],"
			  "'having':{'agg':'s','ge':500},'action':{'type':'alert'}}"),
	   "max ge: does not");
	ok(!reads_absence(HEAD("v") "'kind':'window','input':'verdicts',"
			  "'window':{'type':'sliding','length':'10m'},"
			  "'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','le':3},"
			  "'action':{'type':'alert'}}"),
	   "a verdict-fed window sees every verdict: never paused");
	ok(!reads_absence(HEAD("t") "'kind':'match','where':{'field':'path','prefix':'/x'},"
			  "'action':{'type':'alert'}}"),
	   "a match policy: never paused");
}

static struct engine *sampled_engine(const struct policy_set *ps, bool sampled)
{
	struct engine_opts o;

	engine_opts_default(&o);
	o.hash_seed = 1;
	o.sampled = sampled;
	return engine(ps, &o);
}

static void test_paused_when_sampled(void)
{
	struct policy_set *ps = load(few, many, unanswered, NULL);
	struct engine_stats st;
	struct engine *e;

	for (int sampled = 0; sampled <= 1; sampled++) {
		e = sampled_engine(ps, sampled);
		feed(e, T0, "203.0.113.7", "GET", "/admin/login", 403);
		feed(e, T0 + 1, "203.0.113.7", "GET", "/admin/", 404);
		engine_stats(e, &st);
		if (!sampled) {
			ok_eq(cap.n, 3, "every request: all three fire");
			ok(!st.policies[0].paused && !st.policies[2].paused, "none paused");
		} else {
			ok_eq(cap.n, 1, "sampled: only the policy that counts what is there fires");
			ok_str(cap.n ? ev_str(0, "policy") : NULL, "many", "and it is many");
			ok(st.policies[0].paused && !st.policies[1].paused &&
				   st.policies[2].paused,
			   "stats say which are paused");
			ok_eq(st.policies[0].matched + st.policies[2].matched, 0,
			      "a paused policy takes no record, gated or not");
			ok_eq(st.policies[1].groups, 1, "the running one keeps its group");
		}
		engine_free(e);
	}
	policy_set_free(ps);
}

/* A reload that changes the sampling: the paused policy's windows start afresh. */
static void test_reload_across_sampling(void)
{
	struct policy_set *ps = load(many, few, NULL), *ps2 = load(many, few, NULL);
	struct engine *old = sampled_engine(ps, false), *e;

	feed(old, T0, "198.51.100.4", "GET", "/", 200);
	ok_eq(cap.n, 1, "unsampled: few fired on the first request");
	e = sampled_engine(ps2, true);
	ok_eq(engine_take_windows(e, old, T0 * S), 1,
	      "into a sampled engine: many's window moves, few's does not");
	engine_free(old);
	old = e;
	e = sampled_engine(ps, false);
	ok_eq(engine_take_windows(e, old, (T0 + 1) * S), 1, "and back: again only many's");
	feed(e, T0 + 2, "198.51.100.4", "GET", "/b", 200);
	ok_eq(cap.n, 2, "many fires on the carried request and this one; few, started "
			"afresh, fires on this one alone");
	engine_free(e);
	engine_free(old);
	policy_set_free(ps);
	policy_set_free(ps2);
}

int main(void)
{
	test_which_policies_read_absence();
	test_paused_when_sampled();
	test_reload_across_sampling();
	cap_reset();
	return tap_done();
}
