// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Window policies: a record into its group's window, having, evidence. */
#include <math.h>
#include <string.h>

#include "base/clock.h"
#include "base/escape.h"
#include "engine/engine_internal.h"

static struct json_object *json_ts(uint64_t ts_ns)
{
	char buf[40];

	gh_format_rfc3339(ts_ns, buf, sizeof(buf));
	return json_object_new_string(buf);
}

/* Each aggregate computed as a condition reads it: most records fail the first. */
static bool having(const struct epolicy *ep, struct win *win, struct win_view *v)
{
	const struct policy_window *w = &ep->p->window;

	for (uint8_t i = 0; i < w->n_conds; i++) {
		const struct policy_cond *c = &w->conds[i];
		double x = win_view_agg(win, &ep->ws, v, c->agg);
		bool ok = cmp_holds(x, c->op, c->value) && (!c->rise_factor ||
						      x >= c->rise_factor * v->prev[c->agg]);

		if (ok == w->having_any)
			return ok;
	}
	return !w->having_any;
}

static struct json_object *aggs_json(const struct policy_window *w, const double *vals)
{
	struct json_object *o = json_object_new_object();

	for (uint8_t i = 0; i < w->n_aggs; i++)
		json_object_object_add(o, w->aggs[i].name, gh_json_number(vals[i]));
	return o;
}

static struct json_object *window_evidence(const struct engine *e, const struct epolicy *ep,
					   const struct request_record *r,
					   const struct win_view *v)
{
	const struct policy_window *w = &ep->p->window;
	struct json_object *o = json_object_new_object();
	bool rise = false;

	json_object_object_add(o, "window", json_object_new_string(w->tumbling ? "tumbling"
										: "sliding"));
	json_object_object_add(o, "window_s", json_object_new_uint64(w->length_s));
	json_object_object_add(o, "group", eng_group_json(&e->cls[ep->cls], r));
	json_object_object_add(o, "start", json_ts(v->start_ns));
	json_object_object_add(o, "end", json_ts(v->end_ns));
	json_object_object_add(o, "first_ts", json_ts(v->first_ns));
	json_object_object_add(o, "last_ts", json_ts(r->ts_ns));
	json_object_object_add(o, "count", json_object_new_uint64(v->n));
	json_object_object_add(o, "aggregates", aggs_json(w, v->agg));
	for (uint8_t i = 0; i < w->n_conds; i++)
		rise = rise || w->conds[i].rise_factor;
	if (rise)
		json_object_object_add(o, "previous", aggs_json(w, v->prev));
	json_object_object_add(o, "request", request_to_json(r));
	return o;
}

/*
 * The fields first, then the wheres: where the values go in their sets is
 * asked for in between, and comes while the wheres run.
 */
static void win_input_of(struct engine *e, const struct epolicy *ep, struct win *win,
			 const struct request_record *r, struct win_input *in)
{
	const struct policy_window *w = &ep->p->window;
	const struct win_spec *s = &ep->ws;

	in->ts_ns = r->ts_ns;
	in->bits = 0;
	for (uint32_t m = s->fields; m; m &= m - 1) {
		uint8_t i = (uint8_t)__builtin_ctz(m);
		uint64_t *val = &in->val[s->val_of[i]];
		bool took = s->distinct >> i & 1 ? (*val = eng_field_hash(e, r, w->aggs[i].field)) != 0
						 : req_get_num(r, w->aggs[i].field, val);

		in->bits |= (uint32_t)took << i;
	}
	if (s->distinct & in->bits)
		win_prefetch_values(win, s, in);
	for (uint32_t m = s->wheres; m; m &= m - 1) {
		uint8_t i = (uint8_t)__builtin_ctz(m);

		in->bits |= (uint32_t)pred_match(w->aggs[i].where, e->ev) << i;
	}
}

/*
 * Whether the record is part of what the having reads: taken by an
 * aggregate some condition names. count takes every record past the
 * filter, ratio those its where holds for, the others those with the field.
 */
static bool record_counted(const struct epolicy *ep, const struct win_input *in)
{
	const struct policy_window *w = &ep->p->window;

	for (uint8_t i = 0; i < w->n_conds; i++) {
		uint8_t a = w->conds[i].agg;

		if (ep->ws.def[a]->input == AGG_IN_NONE || in->bits & (1U << a))
			return true;
	}
	return false;
}

/*
 * A block narrower than the group (grouped by /24, blocking a /32): whom to
 * block is the record's source, so it must be one that counted. A block of
 * the whole group (or more) is the group's, whichever record fired it.
 */
static bool blocks_part_of_group(const struct engine *e, const struct epolicy *ep,
				 const struct gh_addr *src)
{
	const struct policy_action *a = &ep->p->action;

	return policy_action_gates(a) && ep->src_grouped &&
	       (src->family == AF_INET ? a->scope_v4 : a->scope_v6) >
		       eng_class_prefix(&e->cls[ep->cls], src);
}

/* ---- sessions -------------------------------------------------------------- */

/* The source a session's group is keyed by (grouped by src_ip alone: policy_parse_window.c). */
static struct gh_addr group_src(const struct gkey *k)
{
	struct gh_addr a = { .family = k->family };

	memcpy(a.bytes, k->addr, sizeof(a.bytes));
	return a;
}

/*
 * A group of a prefix: the latest source of its live sessions' records (of
 * any of its session policies) is remembered, for the alert to name an
 * address that sent them rather than the prefix's first one, which may
 * not exist.
 */
static void session_saw(struct engine *e, const struct epolicy *ep, uint32_t gi,
			const struct request_record *r)
{
	if (eng_class_prefix(&e->cls[ep->cls], &r->src) < gh_addr_bits(&r->src))
		e->session_src[gi] = r->src;
}

/* Who a session's alert names: the latest source seen in the group, else the group. */
static const struct gh_addr *session_named(const struct engine *e, uint32_t gi,
					   const struct gh_cidr *group)
{
	const struct gh_addr *last = &e->session_src[gi];

	return gh_cidr_contains(group, last) ? last : &group->addr;
}

static struct json_object *session_evidence(const struct epolicy *ep, const struct gh_cidr *group,
					    const struct win_view *v, uint64_t end_ns)
{
	const struct policy_window *w = &ep->p->window;
	struct json_object *o = json_object_new_object();
	char text[GH_CIDR_STRLEN];

	gh_cidr_format(group, text, sizeof(text));
	json_object_object_add(o, "window", json_object_new_string("session"));
	json_object_object_add(o, "gap_s", json_object_new_uint64(w->length_s));
	json_object_object_add(o, "group", json_object_new_string(text));
	json_object_object_add(o, "start", json_ts(v->start_ns));
	json_object_object_add(o, "end", json_ts(end_ns));
	json_object_object_add(o, "first_ts", json_ts(v->first_ns));
	json_object_object_add(o, "last_ts", json_ts(v->end_ns));
	json_object_object_add(o, "count", json_object_new_uint64(v->n));
	json_object_object_add(o, "aggregates", aggs_json(w, v->agg));
	return o;
}

/* The session is over at end_ns: having reads it whole, once; then it is emptied. */
static void session_end(struct engine *e, struct epolicy *ep, uint32_t gi, struct win *win,
			uint64_t end_ns)
{
	const struct policy_window *w = &ep->p->window;
	struct gh_cidr group = { .addr = group_src(&e->g[gi].key) };
	struct win_view view;

	group.prefixlen = eng_class_prefix(&e->cls[ep->cls], &group.addr);
	win_session_view(win, &ep->ws, &view);
	if (having(ep, win, &view) && eng_fire_gate(e, ep, gi, end_ns))
		eng_emit(e, ep, gi, session_named(e, gi, &group), end_ns, view.agg[w->conds[0].agg],
			 w->conds[0].value, session_evidence(ep, &group, &view, end_ns));
	e->entries -= win_entries(win);
	win_reset(win, &ep->ws);
}

/* A record at ts after the group was quiet for the gap: the session before it ends first. */
static void session_end_if_quiet(struct engine *e, struct epolicy *ep, uint32_t gi, struct win *win,
				 uint64_t ts)
{
	uint64_t last = win_session_last(win);

	if (last && ts >= last + ep->ws.length_ns)
		session_end(e, ep, gi, win, last + ep->ws.length_ns);
}

void eng_sessions_end(struct engine *e, uint32_t gi, uint64_t horizon, bool all)
{
	for (uint16_t pi = e->cls[e->g[gi].key.cls].first_session; pi && e->g[gi].used;
	     pi = e->pol[pi - 1].next_session) {
		struct epolicy *ep = &e->pol[pi - 1];
		struct win *win = e->g[gi].slots[ep->slot].state;
		uint64_t last, end;

		if (!win || !(last = win_session_last(win)))
			continue;
		end = last + ep->ws.length_ns;
		if (all || end <= horizon)
			session_end(e, ep, gi, win, all && e->clock < end ? e->clock : end);
	}
}

/*
 * Whether condition c, false on x now, stays false for the rest of a
 * session, which only takes records: count, distinct, sum (fields are not
 * negative) and max only grow, min only falls, and a ratio of none (<= 0)
 * or of all (>= 1) stays broken once one record broke it.
 */
static bool cond_broken(const struct policy_window *w, const struct policy_cond *c, double x)
{
	enum agg_fn fn = w->aggs[c->agg].fn;
	double v = c->value;

	switch (fn) {
	case AGG_COUNT:
	case AGG_DISTINCT:
	case AGG_SUM:
	case AGG_MAX:
		return (c->op == CMP_LE || c->op == CMP_EQ) ? x > v : c->op == CMP_LT && x >= v;
	case AGG_MIN:
		return (c->op == CMP_GE || c->op == CMP_EQ) ? x < v : c->op == CMP_GT && x <= v;
	case AGG_RATIO:
		if (v <= 0 && (c->op == CMP_LE || c->op == CMP_EQ))
			return x > 0;
		if (v >= 1 && (c->op == CMP_GE || c->op == CMP_EQ))
			return x < 1;
		return false;
	default:
		return false;
	}
}

/* Whether cond_broken can ever say true of c: then it does at one extreme or the other. */
static bool cond_breakable(const struct policy_window *w, const struct policy_cond *c)
{
	return cond_broken(w, c, INFINITY) || cond_broken(w, c, -INFINITY);
}

bool eng_session_spoils(const struct policy *p)
{
	const struct policy_window *w = &p->window;

	if (!w->session || w->having_any)
		return false;
	for (uint8_t i = 0; i < w->n_conds; i++)
		if (cond_breakable(w, &w->conds[i]))
			return true;
	return false;
}

bool eng_session_settled(struct engine *e, const struct epolicy *ep,
			 const struct request_record *r)
{
	uint32_t gi = eng_record_group_find(e, ep->cls, r);
	const struct win *win = gi == NIL ? NULL : e->g[gi].slots[ep->slot].state;

	return win && win_session_spoiled(win) && r->ts_ns <= win_session_last(win);
}

/* A session of this group whose having broke for good: nothing it takes can make it fire. */
static bool session_broken(const struct epolicy *ep, const struct win_view *v)
{
	const struct policy_window *w = &ep->p->window;

	for (uint8_t i = 0; i < w->n_conds; i++)
		if (cond_broken(w, &w->conds[i], v->agg[w->conds[i].agg]))
			return true;
	return false;
}

/* ---- records ---------------------------------------------------------------- */

void eng_window_add(struct engine *e, struct epolicy *ep, const struct request_record *r)
{
	const struct policy_window *w = &ep->p->window;
	struct win_input in;
	struct win_view view;
	struct slot *s;
	struct win *win;
	size_t before;
	uint32_t gi;
	int rc;

	e->pst[ep - e->pol].matched++;
	if (ep->p->action.unless_rendered_s)
		eng_render_watch(e, ep, r);
	s = eng_policy_slot(e, ep, r, &gi);
	if (!s || !(win = eng_slot_state(e, ep, s))) {
		eng_trace(e, ep, TRACE_NO_GROUP, NULL);
		return;
	}
	if (ep->ws.session) {
		session_end_if_quiet(e, ep, gi, win, r->ts_ns);
		/* Not from a session that can no longer fire, which the engine may skip
		 * before here (eng_session_settled): what it names is the same either way. */
		if (!win_session_spoiled(win))
			session_saw(e, ep, gi, r);
		/* Its having broke for good: the record only keeps the session going. */
		if (win_session_spoiled(win) && !e->trace) {
			win_session_touch(win, r->ts_ns);
			eng_group_keep(e, gi, r->ts_ns + ep->keep_ns);
			return;
		}
	}
	win_input_of(e, ep, win, r, &in);
	before = win_entries(win);
	rc = win_add(win, &ep->ws, &in, &view);
	e->entries = e->entries - before + win_entries(win);
	if (rc < 0) {
		e->st.alloc_failures++;
		return;
	}
	e->st.truncated += !!(rc & WIN_TRUNCATED);
	if (rc & WIN_TOO_OLD) {
		eng_trace(e, ep, TRACE_LATE, NULL);
		return;
	}
	eng_group_keep(e, gi, r->ts_ns + ep->keep_ns);
	if (e->entries > e->o.max_entries) /* tested here: rarely true, and no call when not */
		eng_enforce_budget(e, gi);
	if (ep->ws.session) { /* having is read when the session ends */
		if (ep->spoils && session_broken(ep, &view))
			win_session_spoil(win);
		if (e->trace)
			win_view_all(win, &ep->ws, &view);
		eng_trace(e, ep, TRACE_COUNTED, view.agg);
		return;
	}
	/*
	 * Having held, but a record that did not count (a benign address of an
	 * attacked /24) names no one to block: the next record that counts fires.
	 */
	if (!having(ep, win, &view) ||
	    (blocks_part_of_group(e, ep, &r->src) && !record_counted(ep, &in))) {
		if (e->trace)
			win_view_all(win, &ep->ws, &view);
		eng_trace(e, ep, TRACE_COUNTED, view.agg);
		return;
	}
	win_view_all(win, &ep->ws, &view); /* the evidence shows them all */
	if (!eng_fire_gate(e, ep, gi, r->ts_ns)) {
		eng_trace(e, ep, TRACE_COOLDOWN, view.agg);
		return;
	}
	eng_trace(e, ep, TRACE_FIRED, view.agg);
	eng_emit_request(e, ep, gi, ep->src_grouped ? &r->src : NULL, r, view.agg[w->conds[0].agg],
			 w->conds[0].value, window_evidence(e, ep, r, &view), true);
}
