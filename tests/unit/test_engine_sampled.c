// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Sampled records (engine_opts.sampled, the sensor at a sample rate above
 * 1): a policy a sample misleads (policy_sampling_pauses: a window whose
 * having can hold because records are missing, a profile scoring a group's
 * volume) is paused: it counts nothing, never fires, and a reload neither
 * carries its windows into a sampled engine nor out of one. Every other
 * policy runs as before.
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

/* A window policy of one aggregate and one condition, as JSON with ' for ". */
#define ONE_COND(agg, cond) \
	HEAD("c") "'kind':'window','window':{'type':'sliding','length':'1m'}," \
	"'aggregates':[" agg "],'having':" cond ",'action':{'type':'alert'}}"

static const struct {
	const char *json;
	bool paused;
	const char *why;
} classes[] = {
	{ ONE_COND("{'name':'n','fn':'count'}", "{'agg':'n','le':3}"), true, "count le" },
	{ ONE_COND("{'name':'n','fn':'count'}", "{'agg':'n','ge':2}"), false,
	  "count ge (sampling only makes it fire later)" },
	{ ONE_COND("{'name':'p','fn':'distinct','field':'path'}", "{'agg':'p','lt':2}"), true,
	  "distinct lt" },
	{ ONE_COND("{'name':'s','fn':'min','field':'status'}", "{'agg':'s','ge':400}"), true,
	  "min ge (fewer records, a higher minimum)" },
	{ ONE_COND("{'name':'s','fn':'min','field':'status'}", "{'agg':'s','eq':404}"), true,
	  "min eq (the 2xx records not sampled leave 404 the minimum)" },
	{ ONE_COND("{'name':'s','fn':'max','field':'status'}", "{'agg':'s','ge':500}"), false,
	  "max ge" },
	{ ONE_COND("{'name':'r','fn':'ratio','where':{'field':'status','lt':300}}",
		   "{'agg':'r','le':0}"),
	  true, "ratio le 0 (none of them)" },
	{ ONE_COND("{'name':'r','fn':'ratio','where':{'field':'status','ge':300}}",
		   "{'agg':'r','ge':0.9}"),
	  true, "ratio ge (the others not sampled)" },
	{ HEAD("v") "'kind':'window','input':'verdicts','window':{'type':'sliding','length':'10m'},"
		    "'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','le':3},"
		    "'action':{'type':'alert'}}",
	  false, "a verdict-fed window (it sees every verdict)" },
	{ HEAD("k") "'kind':'profile','group_by':['src_ip'],'window':'1h',"
		    "'features':['rate','distinct_paths'],"
		    "'model':{'type':'kde','file':'/nonexistent/k.model'},'action':{'type':'alert'}}",
	  true, "a kde profile (a group's rates against a model of every request)" },
	{ HEAD("p") "'kind':'profile','model':{'type':'endpoint','file':'/nonexistent/p.model'},"
		    "'action':{'type':'alert'}}",
	  false, "an endpoint profile (each request alone)" },
	{ HEAD("t") "'kind':'match','where':{'field':'path','prefix':'/x'},'action':{'type':'alert'}}",
	  false, "a match policy" },
};

static void test_which_policies_sampling_pauses(void)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		struct policy_set *ps = load(classes[i].json, NULL);

		ok(ps && policy_sampling_pauses(&ps->policies[0]) == classes[i].paused, "%s: %s",
		   classes[i].why, classes[i].paused ? "paused" : "runs");
		policy_set_free(ps);
	}
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
	ok_eq(engine_take_windows(e, old, (T0 + 1) * S), 1,
	      "and back: many's window moves again (few, paused, had none)");
	feed(e, T0 + 2, "198.51.100.4", "GET", "/b", 200);
	ok_eq(cap.n, 2, "many fires on the carried request and this one; few, started "
			"afresh, fires on this one alone");
	engine_free(e);
	engine_free(old);
	policy_set_free(ps);
	policy_set_free(ps2);
}

/* Unsampled again: the paused policies count at once but fire only two window lengths on. */
static void test_warm_up_after_resume(void)
{
	struct policy_set *ps = load(few, many, NULL);
	struct engine_opts o;
	struct engine *e;

	engine_opts_default(&o);
	o.hash_seed = 1;
	o.resumed_ns = T0 * S;
	e = engine(ps, &o);
	feed(e, T0 + 10, "192.0.2.77", "GET", "/", 200);
	feed(e, T0 + 11, "192.0.2.77", "GET", "/b", 200);
	ok_eq(cap.n, 1, "resumed: many fires at once, few (1 minute window) holds back");
	ok_str(cap.n ? ev_str(0, "policy") : NULL, "many", "the one that fired is many");
	feed(e, T0 + 125, "192.0.2.78", "GET", "/", 200);
	ok_eq(cap.n, 2, "two minutes on, few fires again");
	ok_str(cap.n == 2 ? ev_str(1, "policy") : NULL, "few", "on the next source's request");
	engine_free(e);
	policy_set_free(ps);
}

int main(void)
{
	test_which_policies_sampling_pauses();
	test_paused_when_sampled();
	test_reload_across_sampling();
	test_warm_up_after_resume();
	cap_reset();
	return tap_done();
}
