// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <stdlib.h>

#include "base/escape.h"
#include "engine/crs.h"
#include "engine/engine.h"
#include "engine/explain.h"

/* Children of any shown when none held: enough to see the pattern. */
#define EXPLAIN_MAX_KIDS 8

/* The policy-language word of each operator (docs/policy-format.md). */
static const char *const op_names[] = {
	[PRED_ALL] = "all", [PRED_ANY] = "any", [PRED_NOT] = "not", [PRED_EXISTS] = "exists",
	[PRED_EQ] = "eq", [PRED_NE] = "ne", [PRED_IN] = "in", [PRED_LT] = "lt",
	[PRED_LE] = "le", [PRED_GT] = "gt", [PRED_GE] = "ge", [PRED_PREFIX] = "prefix",
	[PRED_SUFFIX] = "suffix", [PRED_CONTAINS] = "contains", [PRED_REGEX] = "regex",
	[PRED_CIDR] = "cidr",
};

struct explainer {
	const struct policy_set *ps;
	struct engine *engine;
	struct pred_eval *ev;
	struct json_object *out;     /* the policies array being filled */
	const struct request_record *rec;
};

static const char *op_name(uint8_t op)
{
	return op < sizeof(op_names) / sizeof(op_names[0]) && op_names[op] ? op_names[op] : "?";
}

static struct json_object *leaf_why(const struct pred *p, const struct request_record *r,
				    bool held)
{
	struct json_object *o = json_object_new_object();
	char buf[512];
	int n;

	json_object_object_add(o, "field", json_object_new_string(req_field_name(p->field)));
	json_object_object_add(o, "op", json_object_new_string(op_name(p->op)));
	json_object_object_add(o, "held", json_object_new_boolean(held));
	n = req_format_field(r, p->field, buf, sizeof(buf));
	json_object_object_add(o, "value", n < 0 ? NULL : gh_json_string(buf, (size_t)n));
	return o;
}

static struct json_object *explain_at(const struct pred *p, struct pred_eval *ev,
				      const struct request_record *r)
{
	struct json_object *o, *kids;
	bool held = pred_match(p, ev);

	if (p->op != PRED_ALL && p->op != PRED_ANY && p->op != PRED_NOT)
		return leaf_why(p, r, held);
	o = json_object_new_object();
	json_object_object_add(o, "op", json_object_new_string(op_name(p->op)));
	json_object_object_add(o, "held", json_object_new_boolean(held));
	kids = json_object_new_array();
	/*
	 * What decided it: for all, the first child that failed (or none); for
	 * any, the first that held, or (none held) each child up to a bound.
	 */
	for (uint32_t i = 0, shown = 0; i < p->n && shown < EXPLAIN_MAX_KIDS; i++) {
		bool kid = pred_match(p->u.kids[i], ev);

		if (p->op == PRED_NOT || (p->op == PRED_ALL && !kid) ||
		    (p->op == PRED_ANY && kid == held)) {
			json_object_array_add(kids, explain_at(p->u.kids[i], ev, r));
			shown++;
			if (p->op != PRED_ANY || held)
				break;
		}
	}
	if (p->op == PRED_ANY && !held && p->n > EXPLAIN_MAX_KIDS)
		json_object_object_add(o, "more", json_object_new_uint64(p->n - EXPLAIN_MAX_KIDS));
	json_object_object_add(o, "kids", kids);
	return o;
}

static const char *const stage_names[] = {
	[TRACE_NO_MATCH] = "no_match", [TRACE_COUNTED] = "counted",
	[TRACE_COOLDOWN] = "cooldown", [TRACE_FIRED] = "fired",
	[TRACE_LATE] = "late", [TRACE_NO_GROUP] = "no_group",
};

static struct json_object *having_json(const struct policy_window *w, const double *agg)
{
	struct json_object *a = json_object_new_array();

	for (uint8_t i = 0; i < w->n_conds; i++) {
		const struct policy_cond *c = &w->conds[i];
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "agg", json_object_new_string(w->aggs[c->agg].name));
		json_object_object_add(o, cmp_op_name(c->op), gh_json_number(c->value));
		json_object_object_add(o, "value", gh_json_number(agg[c->agg]));
		json_object_array_add(a, o);
	}
	return a;
}

/* A crs policy's score against its threshold, and the rules that scored. */
static struct json_object *crs_json(const struct policy *p, const struct crs_result *res)
{
	struct json_object *o = json_object_new_object(), *ids = json_object_new_array();

	for (unsigned int i = 0; i < res->n_hits; i++)
		json_object_array_add(ids, json_object_new_uint64(res->hits[i].id));
	json_object_object_add(o, "evaluated", json_object_new_boolean(res->evaluated));
	json_object_object_add(o, "score", json_object_new_uint64(res->score));
	json_object_object_add(o, "threshold", json_object_new_uint64(p->crs.threshold));
	if (crs_corroborated_threshold(p->crs.engine)) {
		/* Below the threshold, what the record would need to fire. */
		json_object_object_add(o, "corroborated_threshold",
				       json_object_new_uint64(crs_corroborated_threshold(p->crs.engine)));
		json_object_object_add(o, "corroborate_by",
				       crs_signs_json(crs_corroborate_by(p->crs.engine)));
		json_object_object_add(o, "corroborated_by", crs_signs_json(res->corroborated_by));
	}
	if (res->placeholder) /* 932130 alone, on ${name} placeholders: not flagged */
		json_object_object_add(o, "placeholder", json_object_new_boolean(true));
	json_object_object_add(o, "rules", ids);
	return o;
}

static void on_trace(const struct engine_trace *t, void *ctx)
{
	struct explainer *x = ctx;
	const struct policy *p = t->policy;
	struct json_object *o;

	if (p->kind == POLICY_RATE)
		return; /* add_rates() says what rate policies count */
	o = json_object_new_object();

	json_object_object_add(o, "policy", json_object_new_string(p->name));
	json_object_object_add(o, "kind", json_object_new_string(policy_kind_name(p->kind)));
	json_object_object_add(o, "result", json_object_new_string(stage_names[t->stage]));
	if (t->crs)
		json_object_object_add(o, "crs", crs_json(p, t->crs));
	else if (t->stage == TRACE_NO_MATCH)
		json_object_object_add(o, "why", explain_at(p->kind == POLICY_MATCH ? p->where
										 : p->window.filter,
							    x->ev, x->rec));
	/* Fired, but the verdict waits for a rendering (engine_render.c). */
	if (t->stage == TRACE_FIRED && p->action.unless_rendered_s &&
	    (!t->crs || crs_fire_waits(t->crs)))
		json_object_object_add(o, "unless_rendered_s",
				       json_object_new_uint64(p->action.unless_rendered_s));
	if (t->agg && p->kind == POLICY_PROFILE) {
		struct json_object *pr = json_object_new_object();
		bool endpoint = p->profile.type == PROFILE_ENDPOINT;

		json_object_object_add(pr, endpoint ? "score" : "requests", gh_json_number(t->agg[0]));
		json_object_object_add(pr, endpoint ? "threshold" : "next_score_at",
				       gh_json_number(t->agg[1]));
		json_object_object_add(o, "profile", pr);
	} else if (t->agg) {
		struct json_object *aggs = json_object_new_object();

		for (uint8_t i = 0; i < p->window.n_aggs; i++)
			json_object_object_add(aggs, p->window.aggs[i].name,
					       gh_json_number(t->agg[i]));
		json_object_object_add(o, "aggregates", aggs);
		json_object_object_add(o, "having", having_json(&p->window, t->agg));
		if (p->window.session) /* the having is read once, when the session ends */
			json_object_object_add(o, "session_gap_s",
					       json_object_new_uint64(p->window.length_s));
	}
	json_object_array_add(x->out, o);
}

static void ignore_verdict(const struct verdict *v, void *ctx)
{
	(void)v;
	(void)ctx;
}

struct explainer *explainer_new(const struct policy_set *ps)
{
	struct explainer *x = calloc(1, sizeof(*x));
	struct engine_opts o;

	if (!x)
		return NULL;
	engine_opts_default(&o);
	o.max_groups = 65536;
	o.exact_aggregates = true; /* the trace shows each aggregate's count */
	x->ps = ps;
	x->engine = engine_new(ps, &o, ignore_verdict, x);
	x->ev = pred_eval_new(ps->regexes);
	if (!x->engine || !x->ev) {
		explainer_free(x);
		return NULL;
	}
	engine_set_trace(x->engine, on_trace, x);
	return x;
}

void explainer_free(struct explainer *x)
{
	if (!x)
		return;
	engine_free(x->engine);
	pred_eval_free(x->ev);
	free(x);
}

/* Rate policies are not traced: say what they count from a record. */
static void add_rates(struct explainer *x)
{
	for (size_t i = 0; i < x->ps->count; i++) {
		const struct policy *p = &x->ps->policies[i];
		struct json_object *o;

		if (p->kind != POLICY_RATE)
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "policy", json_object_new_string(p->name));
		json_object_object_add(o, "kind", json_object_new_string("rate"));
		json_object_object_add(o, "result",
				       json_object_new_string(rate_metric_in_records(p->rate.metric)
								      ? "counted_rate"
								      : "live_only"));
		json_object_array_add(x->out, o);
	}
}

struct json_object *explainer_record(struct explainer *x, const struct request_record *r)
{
	struct json_object *o = json_object_new_object();

	x->out = json_object_new_array();
	x->rec = r;
	pred_eval_begin(x->ev, r);
	engine_feed(x->engine, r);
	add_rates(x);
	json_object_object_add(o, "record", request_to_json(r));
	json_object_object_add(o, "policies", x->out);
	x->out = NULL;
	return o;
}
