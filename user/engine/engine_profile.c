// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Profile policies: a group's records into its behaviour features over a
 * tumbling window (aligned to multiples of its length on event time), and
 * its vector scored by the policy's model; or, for endpoint models, each
 * record scored alone.
 *
 * When a vector is scored: when the group's window reaches min_requests
 * records, at every doubling after that (2x, 4x, ...) and once more when
 * the window closes with records since the last score. So a burst is
 * caught while it lasts, a whole window is seen when it ends, and a group
 * costs O(log n) scores per window. `gatehawk train` collects vectors on
 * the very same schedule (engine_set_profile_sink), so the model learns the
 * distribution it is later asked about. A policy fires at most once per
 * group and window (and then as its cooldown allows).
 */
#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "base/escape.h"
#include "engine/endpoint_model.h"
#include "engine/engine_internal.h"
#include "engine/model.h"

#define EXPLAIN_TOP 3
#define ENDPOINT_FINDINGS 4

struct profile_state {
	struct feature_acc acc;
	uint64_t window_start;
	uint32_t next_check; /* score when acc.n reaches this */
	uint32_t scored_at;  /* acc.n at the last score */
	bool fired;          /* in this window */
	bool has_src;
	struct gh_addr src;  /* the group's source, masked to its prefix */
	char group[96];      /* the group as text, for evidence of a window closed by a tick */
};

size_t eng_profile_state_size(void)
{
	return sizeof(struct profile_state);
}

static struct json_object *json_ts(uint64_t ts_ns)
{
	char buf[40];

	gh_format_rfc3339(ts_ns, buf, sizeof(buf));
	return json_object_new_string(buf);
}

static struct json_object *contributions_json(const struct model *m, const double *x)
{
	struct model_contrib c[EXPLAIN_TOP];
	size_t n = model_explain(m, x, c, EXPLAIN_TOP);
	struct json_object *a = json_object_new_array();

	for (size_t i = 0; i < n; i++) {
		struct json_object *o = json_object_new_object(), *range = json_object_new_array();

		json_object_object_add(o, "feature",
				       json_object_new_string(model_feature_name(m, c[i].feature)));
		json_object_object_add(o, "value", gh_json_number(c[i].value));
		json_object_array_add(range, gh_json_number(c[i].lo));
		json_object_array_add(range, gh_json_number(c[i].hi));
		json_object_object_add(o, "normal", range);
		json_object_object_add(o, "contribution", gh_json_number(c[i].contribution));
		json_object_array_add(a, o);
	}
	return a;
}

static struct json_object *vector_evidence(const struct epolicy *ep,
					   const struct profile_state *ps, const double *x,
					   double score)
{
	const struct policy *p = ep->p;
	const struct model *m = p->profile.model;
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "model", json_object_new_string(model_type_name(model_type(m))));
	json_object_object_add(o, "score", gh_json_number(score));
	json_object_object_add(o, "threshold", gh_json_number(model_threshold(m)));
	json_object_object_add(o, "group", json_object_new_string(ps->group));
	json_object_object_add(o, "window_s", json_object_new_uint64(p->window.length_s));
	json_object_object_add(o, "start", json_ts(ps->window_start));
	json_object_object_add(o, "first_ts", json_ts(ps->acc.first_ns));
	json_object_object_add(o, "last_ts", json_ts(ps->acc.last_ns));
	json_object_object_add(o, "requests", json_object_new_uint64(ps->acc.n));
	json_object_object_add(o, "top_features", contributions_json(m, x));
	return o;
}

/* One vector of the group's window: to the sink (train) or to the model. */
static void score_vector(struct engine *e, struct epolicy *ep, uint32_t gi,
			 struct profile_state *ps, bool closing)
{
	const struct policy_profile *pr = &ep->p->profile;
	double x[PROFILE_MAX_FEATURES], score;

	ps->scored_at = ps->acc.n;
	feature_vector(&ps->acc, pr->features, pr->n_features, x);
	if (e->sink) {
		struct profile_sample smp = {
			.policy = ep->p, .group = ps->group, .src = ps->has_src ? &ps->src : NULL,
			.ts_ns = ps->acc.last_ns, .requests = ps->acc.n, .x = x,
			.d = pr->n_features, .closing = closing,
		};

		e->sink(&smp, e->sink_ctx);
	}
	if (!pr->model || ps->fired)
		return;
	score = model_score(pr->model, x);
	if (!(score > model_threshold(pr->model)))
		return;
	ps->fired = true;
	if (!eng_fire_gate(e, ep, gi, ps->acc.last_ns))
		return;
	eng_emit(e, ep, gi, ps->has_src ? &ps->src : NULL, ps->acc.last_ns, score,
		 model_threshold(pr->model), vector_evidence(ep, ps, x, score));
}

/* The window is over: its last vector (if not scored as it stands), then a fresh one. */
static void close_window(struct engine *e, struct epolicy *ep, uint32_t gi,
			 struct profile_state *ps)
{
	if (ps->acc.n >= ep->p->profile.min_requests && ps->scored_at != ps->acc.n)
		score_vector(e, ep, gi, ps, true);
	feature_acc_reset(&ps->acc);
	ps->fired = false;
	ps->scored_at = 0;
	ps->next_check = ep->p->profile.min_requests;
}

static struct json_object *finding_json(const struct endpoint_finding *f)
{
	struct json_object *o = json_object_new_object();
	char classes[256];

	json_object_object_add(o, "kind", json_object_new_string(endpoint_finding_kind_name(f->kind)));
	if (f->param_len)
		json_object_object_add(o, "param", gh_json_string(f->param, f->param_len));
	json_object_object_add(o, "score", gh_json_number(f->score));
	json_object_object_add(o, "length", json_object_new_uint64(f->len));
	json_object_object_add(o, "learned_length", json_object_new_uint64(f->learned_len));
	endpoint_classes_format(f->classes, classes, sizeof(classes));
	json_object_object_add(o, "classes", json_object_new_string(classes));
	endpoint_classes_format(f->learned_classes, classes, sizeof(classes));
	json_object_object_add(o, "learned_classes", json_object_new_string(classes));
	return o;
}

static void run_endpoint(struct engine *e, struct epolicy *ep, const struct request_record *r)
{
	const struct endpoint_model *m = ep->p->profile.endpoint;
	struct endpoint_finding why[ENDPOINT_FINDINGS];
	struct json_object *o, *a;
	size_t n = 0;
	double score, trace[2];
	uint32_t gi;

	if (e->sink) {
		struct profile_sample smp = { .policy = ep->p, .src = &r->src, .ts_ns = r->ts_ns,
					      .requests = 1, .record = r };

		e->sink(&smp, e->sink_ctx);
	}
	if (!m)
		return;
	score = endpoint_model_score(m, r, why, ENDPOINT_FINDINGS, &n);
	trace[0] = score;
	trace[1] = endpoint_model_threshold(m);
	/* >=: the threshold's floor is one new quote or '<' in a value (endpoint_model.h). */
	if (!(score >= endpoint_model_threshold(m)) || !eng_policy_slot(e, ep, r, &gi)) {
		eng_trace(e, ep, TRACE_COUNTED, trace);
		return;
	}
	if (!eng_fire_gate(e, ep, gi, r->ts_ns)) {
		eng_trace(e, ep, TRACE_COOLDOWN, trace);
		return;
	}
	eng_trace(e, ep, TRACE_FIRED, trace);
	o = json_object_new_object();
	json_object_object_add(o, "model", json_object_new_string("endpoint"));
	json_object_object_add(o, "score", gh_json_number(score));
	json_object_object_add(o, "threshold", gh_json_number(endpoint_model_threshold(m)));
	a = json_object_new_array();
	for (size_t i = 0; i < n; i++)
		json_object_array_add(a, finding_json(&why[i]));
	json_object_object_add(o, "findings", a);
	json_object_object_add(o, "request", request_to_json(r));
	eng_emit(e, ep, gi, &r->src, r->ts_ns, score, endpoint_model_threshold(m), o);
}

void eng_run_profile(struct engine *e, struct epolicy *ep, const struct request_record *r)
{
	const struct policy *p = ep->p;
	struct profile_state *ps;
	double trace[2];
	uint64_t start;
	struct slot *s;
	uint32_t gi;

	if (!e->sink && !policy_profile_trained(&p->profile))
		return;
	if (p->window.filter && !pred_match(p->window.filter, e->ev)) {
		eng_trace(e, ep, TRACE_NO_MATCH, NULL);
		return;
	}
	e->pst[ep - e->pol].matched++;
	if (p->profile.type == PROFILE_ENDPOINT) {
		run_endpoint(e, ep, r);
		return;
	}
	s = eng_policy_slot(e, ep, r, &gi);
	if (!s || !(ps = eng_slot_state(e, ep, s))) {
		eng_trace(e, ep, TRACE_NO_GROUP, NULL);
		return;
	}
	start = r->ts_ns - r->ts_ns % (p->window.length_s * NS);
	if (!ps->acc.n) {
		struct json_object *g = eng_group_json(&e->cls[ep->cls], r);

		snprintf(ps->group, sizeof(ps->group), "%s", json_object_get_string(g));
		json_object_put(g);
		ps->has_src = ep->src_grouped;
		ps->src = r->src;
		gh_addr_mask(&ps->src, eng_class_prefix(&e->cls[ep->cls], &r->src));
		ps->next_check = p->profile.min_requests;
		ps->window_start = start;
	} else if (start > ps->window_start) {
		close_window(e, ep, gi, ps);
		ps->window_start = start;
	} else if (start < ps->window_start) {
		/* Late into a window already closed: not counted in the new one. */
		eng_trace(e, ep, TRACE_LATE, NULL);
		return;
	}
	feature_acc_add(&ps->acc, r, e->seed);
	/* Kept until a tick past the window's end has closed it. */
	eng_group_keep(e, gi, ps->window_start + ep->keep_ns);
	if (ps->acc.n == ps->next_check) {
		ps->next_check = ps->next_check > UINT32_MAX / 2 ? UINT32_MAX : ps->next_check * 2;
		score_vector(e, ep, gi, ps, false);
	}
	/* explain: the window's requests so far, and the count at which it is scored next */
	trace[0] = ps->acc.n;
	trace[1] = ps->next_check;
	eng_trace(e, ep, ps->fired ? TRACE_FIRED : TRACE_COUNTED, trace);
}

void eng_profile_close(struct engine *e, uint32_t gi, uint64_t horizon, bool all)
{
	struct group *g = &e->g[gi];
	const struct gclass *c = &e->cls[g->key.cls];

	for (uint16_t i = 0; i < c->npol; i++) {
		struct epolicy *ep = &e->pol[c->pols[i]];
		struct profile_state *ps = g->slots[ep->slot].state;

		if (ep->p->kind != POLICY_PROFILE || !ps || !ps->acc.n)
			continue;
		if (all || ps->window_start + ep->p->window.length_s * NS <= horizon)
			close_window(e, ep, gi, ps);
	}
}

void engine_set_profile_sink(struct engine *e, profile_sink_fn fn, void *ctx)
{
	e->sink = fn;
	e->sink_ctx = ctx;
	eng_list_profiles(e);
}
