// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * A crs policy in the engine (with the real OWASP CRS of the
 * modsecurity-crs package; without it every check is skipped): an attack
 * fires once per cooldown, and a source cooling down is not scored again
 * (ModSecurity not asked) unless tracing asks why; the prefilter's answers
 * kept beside the gates' scan results give the same verdicts for values
 * seen before as for new ones.
 */
#include "engine/crs.h"
#include "engine_fixture.h"

static const char *crs_policy = HEAD("crs") "'kind':'crs','paranoia':1,'threshold':5,"
	"'action':{'type':'block','ttl':'1h','cooldown':'1m'}}";
/* A match policy gated on a path pattern: the path's scan results (and their tags) exist. */
static const char *admin_probe = HEAD("admin") "'kind':'match',"
	"'where':{'field':'path','regex':'^/wp-admin/'},'action':{'type':'alert'}}";

#define ATTACK "/download/../../../../etc/passwd"

struct traced {
	int cooldown;   /* TRACE_COOLDOWN stages of the crs policy */
	unsigned score; /* the last one's CRS score */
};

static void on_trace(const struct engine_trace *t, void *ctx)
{
	struct traced *tr = ctx;

	if (t->stage == TRACE_COOLDOWN && t->crs) {
		tr->cooldown++;
		tr->score = t->crs->score;
	}
}

/* The crs policy's stats (it is loaded first: p0.json). */
static struct engine_policy_stats crs_stats(const struct engine *e)
{
	struct engine_stats st;

	engine_stats(e, &st);
	return st.policies[0];
}

static void test_cooldown_not_scored(void)
{
	struct policy_set *ps = load(crs_policy, admin_probe, NULL);
	struct engine *e = ps ? engine(ps, NULL) : NULL;
	struct traced tr = { 0 };

	if (!ok(e != NULL, "a crs policy beside a gated match policy loads"))
		return;
	feed(e, T0, "203.0.113.7", "GET", "/shop/item", 200);
	ok_eq(cap.n, 0, "a benign path: no alert");
	feed(e, T0 + 1, "203.0.113.7", "GET", ATTACK, 404);
	ok_eq(cap.n, 1, "a traversal fires the crs policy");
	ok_str(ev_str(0, "policy"), "crs", "named crs");
	ok_eq(crs_stats(e).matched, 1, "scored and over the threshold once");
	feed(e, T0 + 30, "203.0.113.7", "GET", ATTACK, 404);
	ok_eq(cap.n, 1, "the same source within the cooldown: silent");
	ok_eq(crs_stats(e).suppressed, 1, "counted as suppressed");
	ok_eq(crs_stats(e).matched, 1, "but not scored: ModSecurity was not asked");
	feed(e, T0 + 30, "198.51.100.9", "GET", ATTACK, 404);
	ok_eq(cap.n, 2, "another source is scored and fires");
	ok_eq(crs_stats(e).matched, 2, "scored");
	engine_set_trace(e, on_trace, &tr);
	feed(e, T0 + 40, "203.0.113.7", "GET", ATTACK, 404);
	ok_eq(tr.cooldown, 1, "tracing: the cooling record is scored, to say why it is silent");
	ok(tr.score >= 5, "with its score (%u)", tr.score);
	engine_set_trace(e, NULL, NULL);
	feed(e, T0 + 61, "203.0.113.7", "GET", ATTACK, 404);
	ok_eq(cap.n, 3, "after the cooldown it is scored and fires again");
	ok_eq(crs_stats(e).suppressed, 2, "two suppressed in all");
	engine_free(e);
	policy_set_free(ps);
}

/* Values the memos remember (each fed twice, attacks from new sources) get the same answers. */
static void test_remembered_answers(void)
{
	static const char *const paths[] = { "/shop/item", ATTACK, "/wp-admin/", "/about" };
	static const int fires[] = { 0, 1, 0, 0 };
	struct policy_set *ps = load(crs_policy, admin_probe, NULL);
	struct engine *e = ps ? engine(ps, NULL) : NULL;
	char src[32];
	int n = 0;

	if (!ok(e != NULL, "loads"))
		return;
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
			int before = cap.n, crs = 0;

			snprintf(src, sizeof(src), "192.0.2.%d", ++n);
			feed(e, T0 + n, src, "GET", paths[i], 200);
			for (int k = before; k < cap.n; k++)
				crs += !strcmp(ev_str(k, "policy"), "crs");
			ok_eq(crs, fires[i], "%s %s: crs %s", round ? "remembered" : "new",
			      paths[i], fires[i] ? "fires" : "silent");
		}
	engine_free(e);
	policy_set_free(ps);
}

/* Every field the format documents is accepted: max_per_second once was refused as unknown. */
static void test_max_per_second(void)
{
	struct policy_set *ps = load(HEAD("crs") "'kind':'crs','max_per_second':5,"
				     "'action':{'type':'alert'}}", NULL, NULL);

	if (ok(ps != NULL, "a crs policy with max_per_second loads"))
		ok_eq(ps->policies[0].crs.max_per_second, 5, "and runs ModSecurity 5 times a second");
	policy_set_free(ps);
}

int main(void)
{
	if (access(CRS_DEFAULT_RULES_DIR, R_OK)) {
		tap_skip(CRS_DEFAULT_RULES_DIR " missing (make deps installs modsecurity-crs)");
		return tap_done();
	}
	test_cooldown_not_scored();
	test_remembered_answers();
	test_max_per_second();
	cap_reset();
	return tap_done();
}
