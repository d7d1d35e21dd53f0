// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Profile policies: behaviour features of crafted records, the parser
 * (features, window, model file: missing is a note, a model trained for
 * other settings an error), the scoring schedule the sink sees (min_requests,
 * doublings, window close by record, tick and flush), and a trained model
 * firing on an odd source with its evidence, not on an ordinary one.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/engine.h"
#include "engine/features.h"
#include "engine/model.h"
#include "tap.h"

#define S 1000000000ULL
#define T0 1700000400ULL /* a multiple of 600: windows of 10 min start here */

static char dir[] = "/tmp/gh-profile-test-XXXXXX";
static char messages[4096];

static void report(void *ctx, const char *msg)
{
	(void)ctx;
	tap_diag("load: %s", msg);
	strncat(messages, msg, sizeof(messages) - strlen(messages) - 2);
	strcat(messages, "\n");
}

static const struct policy_report rep = { report, NULL };

static void rec(struct request_record *r, const char *src, uint64_t ts, const char *method,
		const char *path, int status)
{
	memset(r, 0, sizeof(*r));
	r->present = REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_STATUS);
	r->ts_ns = ts;
	gh_addr_parse(src, &r->src);
	r->status = (uint16_t)status;
	req_set_method(r, method, (uint32_t)strlen(method));
	req_set_str(r, REQ_PATH, &r->path, path, (uint32_t)strlen(path));
}

static void test_features(void)
{
	struct feature_acc a;
	struct request_record r;
	char path[32];

	feature_acc_reset(&a);
	for (int i = 0; i < 100; i++) {
		snprintf(path, sizeof(path), "/p%d", i % 50);
		rec(&r, "192.0.2.1", T0 * S + (uint64_t)i * 2 * S, i % 4 ? "GET" : "POST",
		    i % 10 ? path : "/app.js", i % 5 ? 200 : 404);
		if (i < 60) {
			r.present |= REQ_BIT(REQ_HAS_COOKIE);
			r.has_cookie = i % 2;
		}
		feature_acc_add(&a, &r, 1);
	}
	ok_eq(feature_value(&a, FEAT_REQUESTS), 100, "requests counted");
	ok(fabs(feature_value(&a, FEAT_RATE) - 100 / (198.0 / 60)) < 1e-9,
	   "rate: requests per minute over the active span (%g)", feature_value(&a, FEAT_RATE));
	ok(fabs(feature_value(&a, FEAT_GAP_MEAN) - 2) < 1e-9, "gap mean 2 s");
	ok(fabs(feature_value(&a, FEAT_GAP_CV)) < 1e-6, "even gaps: no spread");
	ok(fabs(feature_value(&a, FEAT_POST_SHARE) - 0.25) < 1e-9, "a quarter POST");
	ok(fabs(feature_value(&a, FEAT_SHARE_404) - 0.2) < 1e-9, "a fifth 404");
	ok(fabs(feature_value(&a, FEAT_PAGE_SHARE) - 0.9) < 1e-9, "app.js is no page");
	ok(fabs(feature_value(&a, FEAT_NO_COOKIE_SHARE) - 0.5) < 1e-9,
	   "cookie share over the records that carry the field");
	ok(feature_value(&a, FEAT_XHR_SHARE) == 0, "no record carries is_xhr: 0");
	ok(fabs(feature_value(&a, FEAT_DISTINCT_PATHS) - 46) < 3,
	   "distinct paths estimated (46 real: %g)", feature_value(&a, FEAT_DISTINCT_PATHS));
	ok(feature_value(&a, FEAT_PATH_ENTROPY) > 4 && feature_value(&a, FEAT_PATH_ENTROPY) <= 5,
	   "46 paths: entropy near the 5-bit cap (%g)", feature_value(&a, FEAT_PATH_ENTROPY));
	for (int f = 0; f < FEAT_COUNT; f++)
		if (!isfinite(feature_value(&a, f)))
			ok(0, "%s finite", profile_feature_name(f));
	feature_acc_reset(&a);
	ok(feature_value(&a, FEAT_GAP_CV) == 0 && feature_value(&a, FEAT_DISTINCT_PATHS) == 0,
	   "an empty accumulator reads 0, not NaN");
	ok(feature_path_is_static(GH_STR_LIT("/x/a.WOFF2")) &&
		   !feature_path_is_static(GH_STR_LIT("/js")) &&
		   !feature_path_is_static(GH_STR_LIT("/a.php")),
	   "static by extension, case-insensitive");
}

/* A kde profile policy; min_requests as given (10 when 0). */
static char *policy_json_min(const char *features, int min_requests)
{
	static char buf[2048];

	snprintf(buf, sizeof(buf),
		 "{\"name\": \"behaviour\", \"kind\": \"profile\", \"description\": \"t\","
		 " \"window\": \"10m\", \"min_requests\": %d, \"features\": [%s],"
		 " \"model\": {\"type\": \"kde\", \"file\": \"models/b.model\"},"
		 " \"action\": {\"type\": \"alert\"}}",
		 min_requests ? min_requests : 10, features);
	return buf;
}

static char *policy_json(const char *features)
{
	return policy_json_min(features, 0);
}

static struct policy_set *parse(const char *json)
{
	char name[128];
	struct policy_set *ps = NULL;

	snprintf(name, sizeof(name), "%s/behaviour.json", dir);
	messages[0] = '\0';
	if (policy_set_parse(name, json, strlen(json), 0, &rep, &ps))
		return NULL;
	return ps;
}

static struct {
	uint32_t requests[32];
	bool closing[32];
	int n;
} sink;

static void on_sample(const struct profile_sample *s, void *ctx)
{
	(void)ctx;
	if (sink.n < 32) {
		sink.requests[sink.n] = s->requests;
		sink.closing[sink.n++] = s->closing;
	}
}

static int verdicts;
static char evidence[2048];

static void on_verdict(const struct verdict *v, void *ctx)
{
	(void)ctx;
	verdicts++;
	snprintf(evidence, sizeof(evidence), "%s", json_object_to_json_string(v->evidence));
}

static struct engine *engine_for(const struct policy_set *ps)
{
	struct engine_opts o;

	engine_opts_default(&o);
	o.hash_seed = 7;
	return engine_new(ps, &o, on_verdict, NULL);
}

static void feed_n(struct engine *e, const char *src, uint64_t t, int n, double gap_s,
		   const char *path)
{
	struct request_record r;

	for (int i = 0; i < n; i++) {
		rec(&r, src, t + (uint64_t)(i * gap_s * S), "GET", path, 200);
		engine_feed(e, &r);
	}
}

static void test_parse(void)
{
	struct policy_set *ps = parse(policy_json("\"rate\", \"share_404\""));

	ok(ps != NULL, "a profile policy without its model loads");
	ok(strstr(messages, "note: ") && strstr(messages, "not trained yet"),
	   "with a note that it is skipped until trained");
	ok(ps && !policy_profile_trained(&ps->policies[0].profile), "and is not trained");
	policy_set_free(ps);
	ok(!parse(policy_json("\"rate\", \"speed\"")) && strstr(messages, "features[1]") &&
		   strstr(messages, "share_404"),
	   "an unknown feature names its position and the valid names");
	ok(!parse(policy_json("\"rate\", \"rate\"")) && strstr(messages, "each feature once"),
	   "a feature twice is refused");
	ok(!parse("{\"name\": \"e\", \"kind\": \"profile\", \"description\": \"t\","
		  " \"window\": \"10m\", \"model\": {\"type\": \"endpoint\", \"file\": \"m\"},"
		  " \"action\": {\"type\": \"alert\"}}") &&
		   strstr(messages, "window: expected nothing"),
	   "an endpoint model takes no window");
	ok(!parse(policy_json_min("\"rate\"", 1)) &&
		   strstr(messages, "min_requests: expected a whole number"),
	   "min_requests below 2 is refused");
}

static void test_schedule(void)
{
	struct policy_set *ps = parse(policy_json("\"requests\", \"rate\""));
	struct engine *e = ps ? engine_for(ps) : NULL;
	const uint32_t want[] = { 10, 20, 40, 80, 100 };

	struct engine_stats st;

	if (!ok(e != NULL, "engine with an untrained profile"))
		return;
	feed_n(e, "192.0.2.6", (T0 - 100) * S, 20, 1, "/"); /* before the others: none late */
	engine_stats(e, &st);
	ok(st.policies[0].matched == 0 && st.groups == 0,
	   "untrained and no sink: records pass it by (no record taken, no group)");
	engine_set_profile_sink(e, on_sample, NULL);
	sink.n = 0;
	feed_n(e, "192.0.2.7", T0 * S, 100, 1, "/");
	ok_eq(sink.n, 4, "scored at min_requests and each doubling: 10, 20, 40, 80");
	engine_flush(e);
	ok_eq(sink.n, 5, "flush scores the open window once more");
	for (int i = 0; i < 5 && i < sink.n; i++)
		ok_eq(sink.requests[i], want[i], "sample %d over %u requests", i, want[i]);
	ok(sink.n == 5 && sink.closing[4] && !sink.closing[3], "only the last is the closing one");
	engine_flush(e);
	ok_eq(sink.n, 5, "a second flush finds nothing open");
	engine_stats(e, &st);
	ok_eq(st.policies[0].matched, 100, "with the sink it takes the records");
	engine_set_profile_sink(e, NULL, NULL);
	feed_n(e, "192.0.2.7", T0 * S, 5, 1, "/");
	engine_stats(e, &st);
	ok_eq(st.policies[0].matched, 100, "sink gone: untrained, it takes none again");
	engine_set_profile_sink(e, on_sample, NULL);

	/* A record past the window closes it; the next window counts from one. */
	sink.n = 0;
	feed_n(e, "192.0.2.8", (T0 + 500) * S, 15, 1, "/");
	feed_n(e, "192.0.2.8", (T0 + 600) * S, 9, 1, "/");
	ok(sink.n == 2 && sink.requests[1] == 15 && sink.closing[1],
	   "the window's 15 requests scored when the next window began");
	/* A tick past the end (and the lateness tolerance) closes a quiet group's window. */
	engine_tick(e, (T0 + 1200) * S + ENGINE_DEFAULT_LATE_NS + S);
	ok(sink.n == 2, "9 requests, under min_requests: nothing scored at close");
	feed_n(e, "192.0.2.9", (T0 + 1800) * S, 12, 1, "/");
	engine_tick(e, (T0 + 2400) * S + ENGINE_DEFAULT_LATE_NS + S);
	ok(sink.n == 4 && sink.requests[3] == 12 && sink.closing[3],
	   "a tick closed the quiet window of 12 (%d samples)", sink.n);
	engine_free(e);
	policy_set_free(ps);
}

/* A model of "requests, distinct_paths" from ordinary sources, saved where the policy looks. */
static bool train(const struct policy *p)
{
	const char *names[] = { "distinct_paths", "share_404" };
	const bool log1p[] = { true, false };
	struct model_fit_opts o = { .type = MODEL_KDE, .d = 2, .names = names, .log1p = log1p };
	double x[400];
	struct model *m = NULL;
	struct json_object *meta = json_object_new_object();
	struct gh_err err = { 0 };
	char path[128];
	bool done;

	srand(3);
	for (int i = 0; i < 200; i++) {
		x[2 * i] = 3 + rand() % 8;                 /* a few pages */
		x[2 * i + 1] = (rand() % 100) < 10 ? 0.05 : 0; /* now and then a 404 */
	}
	snprintf(path, sizeof(path), "%s/models", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/models/b.model", dir);
	json_object_object_add(meta, "profile", policy_profile_signature(p));
	done = !model_fit(&o, x, 200, &m, &err);
	if (done) {
		model_set_threshold(m, model_score(m, (double[]){ 10, 0.05 }) + 1, "test");
		done = !model_save(m, meta, path, &err);
	}
	if (!done)
		tap_diag("train: %s", err.msg);
	json_object_put(meta);
	model_free(m);
	return done;
}

static void test_scoring(void)
{
	const char *features = "\"distinct_paths\", \"share_404\"";
	struct policy_set *ps = parse(policy_json(features)), *trained;
	struct engine *e;
	char path[32];

	if (!ok(ps && train(&ps->policies[0]), "a model trained for the policy"))
		return;
	policy_set_free(ps);
	trained = parse(policy_json(features));
	if (!ok(trained && policy_profile_trained(&trained->policies[0].profile),
		"the policy loads with its model"))
		return;
	e = engine_for(trained);
	verdicts = 0;
	for (int i = 0; i < 40; i++) {
		struct request_record r;

		snprintf(path, sizeof(path), "/page/%d", i % 6);
		rec(&r, "192.0.2.20", T0 * S + (uint64_t)i * 3 * S, "GET", path, 200);
		engine_feed(e, &r);
	}
	engine_flush(e);
	ok_eq(verdicts, 0, "a source like the training ones: no alert");
	for (int i = 0; i < 40; i++) {
		struct request_record r;

		snprintf(path, sizeof(path), "/probe/%d", i);
		rec(&r, "192.0.2.66", (T0 + 120) * S + (uint64_t)i * S, "GET", path, 404);
		engine_feed(e, &r);
	}
	engine_flush(e);
	ok_eq(verdicts, 1, "40 distinct 404 paths: one alert for the window");
	ok(strstr(evidence, "\"top_features\"") && strstr(evidence, "\"share_404\"") &&
		   strstr(evidence, "\"normal\""),
	   "evidence names the features with their normal range: %.200s", evidence);
	engine_free(e);
	policy_set_free(trained);
	ok(!parse(policy_json("\"share_404\", \"distinct_paths\"")) &&
		   strstr(messages, "retrain"),
	   "a model trained for other features is refused, saying retrain");
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	test_features();
	test_parse();
	test_schedule();
	test_scoring();
	{
		char cmd[128];

		snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
		if (system(cmd))
			tap_diag("could not remove %s", dir);
	}
	return tap_done();
}
