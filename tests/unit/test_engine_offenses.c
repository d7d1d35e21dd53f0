// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Escalation memory out of one engine and into the next (engine_state.h),
 * as the daemon does across a restart (through its state file) and a
 * SIGHUP: a source blocked once before is blocked the second time with
 * the escalated ttl, a cooldown begun before stays quiet, and what no
 * longer applies (a policy gone or grouping differently now, offenses a
 * day old, another hash seed for keys beyond src_ip) starts afresh. And
 * a reload's window state: an unchanged policy's windows go on counting in
 * the new engine; a changed one starts empty.
 */
#include <errno.h>

#include "engine/engine_state.h"
#include "engine_fixture.h"

#define SEED 77

static const char *trap = HEAD("trap") "'kind':'match','where':{'field':'path','eq':'/trap'},"
	"'action':{'type':'block','ttl':'1m','cooldown':'30s','escalate':{'factor':2,"
	"'max_ttl':'1d'}}}";
static const char *trap24 = HEAD("trap") "'kind':'match','prefix':{'ipv4':24},"
	"'where':{'field':'path','eq':'/trap'},"
	"'action':{'type':'block','ttl':'1m','cooldown':'30s','escalate':{'factor':2,"
	"'max_ttl':'1d'}}}";
static const char *other = HEAD("other") "'kind':'match','where':{'field':'path','eq':'/trap'},"
	"'action':{'type':'block','ttl':'1m','cooldown':'30s','escalate':{'factor':2,"
	"'max_ttl':'1d'}}}";
static const char *by_method = HEAD("by-method") "'kind':'window','group_by':['src_ip','method'],"
	"'window':{'type':'sliding','length':'1m'},'aggregates':[{'name':'n','fn':'count'}],"
	"'having':{'agg':'n','ge':1},'action':{'type':'block','ttl':'1m','cooldown':'1s',"
	"'escalate':{'factor':3,'max_ttl':'1d'}}}";

static struct engine *seeded(const struct policy_set *ps, uint64_t seed)
{
	struct engine_opts o;

	engine_opts_default(&o);
	o.hash_seed = seed;
	return engine(ps, &o);
}

/* The offenses of an engine that blocked 192.0.2.7 once at T0 (policy set ps). */
static int blocked_once(const struct policy_set *ps, uint64_t seed, struct engine_offense **out,
			size_t *n)
{
	struct engine *e = seeded(ps, seed);
	int err;

	feed(e, T0, "192.0.2.7", "GET", "/trap", 404);
	err = engine_offenses_export(e, T0 * S + S, out, n);
	engine_free(e);
	return err;
}

static void test_export(void)
{
	struct policy_set *ps = load(trap, NULL);
	struct engine_offense *o = NULL;
	size_t n = 0;
	char src[GH_CIDR_STRLEN] = "";

	ok_eq(blocked_once(ps, SEED, &o, &n), 0, "exported");
	ok_eq(n, 1, "one group, one policy");
	if (n == 1) {
		gh_cidr_format(&o[0].src, src, sizeof(src));
		ok_str(o[0].policy, "trap", "the policy");
		ok_str(o[0].group_by, "src_ip", "its grouping");
		ok(o[0].has_src, "a source");
		ok_str(src, "192.0.2.7", "the source, as a /32");
		ok_eq(o[0].key_hash, 0, "no other group_by values");
		ok_eq(o[0].offenses, 1, "one offense");
		ok_eq(o[0].last_block_ns, T0 * S, "when it was");
		ok_eq(o[0].cooldown_until_ns, (T0 + 30) * S, "the cooldown's end");
	}
	free(o);
	policy_set_free(ps);
}

static void test_escalates_after_import(void)
{
	struct policy_set *ps = load(trap, NULL);
	struct engine_offense *o = NULL;
	struct engine *e;
	size_t n = 0;

	blocked_once(ps, SEED, &o, &n);
	/* Control: without the memory, the next block is a first one. */
	e = seeded(ps, SEED);
	feed(e, T0 + 120, "192.0.2.7", "GET", "/trap", 404);
	ok(cap.n == 1 && cap.v[0].offense == 1 && cap.v[0].ttl_s == 60,
	   "a fresh engine: offense 1, ttl 60 s");
	engine_free(e);

	e = seeded(ps, SEED);
	ok_eq(engine_offenses_import(e, o, n, (T0 + 120) * S), 1, "imported one entry");
	feed(e, T0 + 120, "192.0.2.7", "GET", "/trap", 404);
	ok_eq(cap.n, 1, "it fires");
	ok_eq(cap.n ? cap.v[0].offense : 0, 2, "as the second offense");
	ok_eq(cap.n ? cap.v[0].ttl_s : 0, 120, "with the escalated ttl (60 s x 2)");
	feed(e, T0 + 121, "192.0.2.8", "GET", "/trap", 404);
	ok(cap.n == 2 && cap.v[1].offense == 1, "another source starts at offense 1");
	engine_free(e);

	/* The cooldown begun before the restart holds. */
	e = seeded(ps, SEED);
	engine_offenses_import(e, o, n, (T0 + 10) * S);
	feed(e, T0 + 10, "192.0.2.7", "GET", "/trap", 404);
	ok_eq(cap.n, 0, "within the imported cooldown: quiet");
	feed(e, T0 + 31, "192.0.2.7", "GET", "/trap", 404);
	ok(cap.n == 1 && cap.v[0].offense == 2, "after it: fires, offense 2");
	engine_free(e);
	free(o);
	policy_set_free(ps);
}

static void test_skipped(void)
{
	struct policy_set *ps = load(trap, NULL), *ps24 = load(trap24, NULL);
	struct policy_set *ps_other = load(other, NULL);
	struct engine_offense *o = NULL;
	struct engine *e;
	size_t n = 0;

	blocked_once(ps, SEED, &o, &n);
	e = seeded(ps_other, SEED);
	ok_eq(engine_offenses_import(e, o, n, (T0 + 120) * S), 0, "a policy gone: skipped");
	engine_free(e);
	e = seeded(ps24, SEED);
	ok_eq(engine_offenses_import(e, o, n, (T0 + 120) * S), 0,
	      "the policy groups by /24 now: skipped");
	feed(e, T0 + 120, "192.0.2.7", "GET", "/trap", 404);
	ok(cap.n == 1 && cap.v[0].offense == 1, "... and it starts afresh");
	engine_free(e);
	e = seeded(ps, SEED);
	ok_eq(engine_offenses_import(e, o, n, T0 * S + ENGINE_OFFENSE_MEMORY_NS + S), 0,
	      "offenses a day old: skipped");
	engine_free(e);
	free(o);
	policy_set_free(ps);
	policy_set_free(ps24);
	policy_set_free(ps_other);
}

/* group_by beyond src_ip: the key is a seeded hash, the same only under the same seed. */
static void test_keyed_groups(void)
{
	struct policy_set *ps = load(by_method, NULL);
	struct engine_offense *o = NULL;
	struct engine *e = seeded(ps, SEED);
	size_t n = 0;

	feed(e, T0, "192.0.2.7", "GET", "/a", 200);
	engine_offenses_export(e, T0 * S + S, &o, &n);
	engine_free(e);
	ok_eq(n, 1, "one keyed group exported");
	ok(n == 1 && o[0].key_hash != 0, "with the hash of its method");
	ok_str(n == 1 ? o[0].group_by : "", "src_ip,method", "and its grouping");

	e = seeded(ps, SEED);
	ok_eq(engine_offenses_import(e, o, n, (T0 + 10) * S), 1, "imported");
	feed(e, T0 + 10, "192.0.2.7", "GET", "/a", 200);
	ok(cap.n == 1 && cap.v[0].offense == 2 && cap.v[0].ttl_s == 180,
	   "same seed, same method: offense 2, ttl 180 s");
	feed(e, T0 + 10, "192.0.2.7", "POST", "/a", 200);
	ok(cap.n == 2 && cap.v[1].offense == 1, "another method is another group: offense 1");
	engine_free(e);

	e = seeded(ps, SEED + 1);
	engine_offenses_import(e, o, n, (T0 + 10) * S);
	feed(e, T0 + 10, "192.0.2.7", "GET", "/a", 200);
	ok(cap.n == 1 && cap.v[0].offense == 1, "another seed names other groups: offense 1");
	engine_free(e);
	free(o);
	policy_set_free(ps);
}

static const char *login3 = HEAD("login") "'kind':'window','filter':{'field':'path',"
	"'eq':'/login'},'window':{'type':'sliding','length':'1m'},"
	"'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','ge':3},"
	"'action':{'type':'block','ttl':'1m'}}";
static const char *login3_edited = HEAD("login") "'kind':'window','filter':{'field':'path',"
	"'eq':'/login'},'window':{'type':'sliding','length':'2m'},"
	"'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','ge':3},"
	"'action':{'type':'block','ttl':'1m'}}";

/* An engine over def that has seen two logins of 192.0.2.7; the caller frees both. */
static struct engine *two_logins(const char *def, struct policy_set **ps)
{
	struct engine *e;

	*ps = load(def, NULL);
	e = seeded(*ps, SEED);
	feed(e, T0, "192.0.2.7", "POST", "/login", 401);
	feed(e, T0 + 1, "192.0.2.7", "POST", "/login", 401);
	return e;
}

/* A reload's new engine over next, after taking old's windows; the third login's verdicts. */
static int third_login(struct engine *old, const char *next, uint64_t seed, int *moved)
{
	struct policy_set *ps = load(next, NULL);
	struct engine *e = seeded(ps, seed);
	struct engine_stats st;
	int fired;

	*moved = engine_take_windows(e, old, (T0 + 2) * S);
	engine_stats(e, &st);
	if (*moved > 0 && st.entries != 2)
		*moved = -1000; /* the memory budget did not move with the window */
	feed(e, T0 + 2, "192.0.2.7", "POST", "/login", 401);
	fired = cap.n;
	engine_free(e);
	policy_set_free(ps);
	return fired;
}

static void test_reload_windows(void)
{
	struct policy_set *ps;
	struct engine *old = two_logins(login3, &ps);
	struct engine_stats st;
	int moved;

	ok_eq(third_login(old, login3, SEED, &moved), 1, "unchanged policy: the third login fires");
	ok_eq(moved, 1, "... one window moved, its entries with it");
	engine_stats(old, &st);
	ok_eq(st.entries, 0, "... and the old engine holds none");
	engine_free(old);
	policy_set_free(ps);

	old = two_logins(login3, &ps);
	ok_eq(third_login(old, login3_edited, SEED, &moved), 0,
	      "edited policy: its window starts empty, the third login alone does not fire");
	ok_eq(moved, 0, "... nothing moved");
	ok_eq(third_login(old, login3, SEED + 1, &moved), 0, "another seed: nothing taken");
	ok_eq(moved, -EINVAL, "... refused");
	engine_free(old);
	policy_set_free(ps);

	/* Control: a fresh engine without the old windows does not fire either. */
	ps = load(login3, NULL);
	old = seeded(ps, SEED);
	ok_eq(third_login(old, login3, SEED, &moved), 0, "no windows to take: no verdict");
	engine_free(old);
	policy_set_free(ps);
}

int main(void)
{
	test_export();
	test_escalates_after_import();
	test_skipped();
	test_keyed_groups();
	test_reload_windows();
	cap_reset();
	return tap_done();
}
