// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Window policies: group_by, window, aggregates and having. */
#include <stdio.h>
#include <string.h>

#include "engine/policy_parse_internal.h"

static const char *const cmp_names[] = { "gt", "ge", "lt", "le", "eq" };
static const char *const window_types[] = { "sliding", "tumbling", "session" };
static const char *const input_names[] = { "requests", "verdicts" };

const char *cmp_op_name(enum cmp_op op) { return cmp_names[op]; }

/* Fields a verdict record carries (input: verdicts). */
#define VERDICT_FIELDS (REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_PATH))

/* Refuse a field verdict records lack when the window is fed verdicts. */
static int verdict_field(struct diag *d, const struct policy_window *w, int f,
			 struct json_object *v)
{
	if (f < 0 || !w->input_verdicts || (VERDICT_FIELDS & REQ_BIT(f)))
		return f;
	pp_fail(d, "a field verdict records carry (ts, src_ip, path)", v);
	return -1;
}

static void parse_group_by(struct diag *d, struct json_object *o, struct policy_window *w)
{
	struct json_object *v = pp_member(o, "group_by");
	size_t mark, n;

	w->n_group = 1;
	w->group_by[0] = REQ_SRC_IP;
	if (!v)
		return;
	w->n_group = 0;
	mark = pp_path_key(d, "group_by");
	if (!json_object_is_type(v, json_type_array) ||
	    (n = json_object_array_length(v)) > POLICY_MAX_GROUP_BY) {
		pp_fail(d, "an array of at most 4 record fields, such as [\"src_ip\"]", v);
		pp_path_pop(d, mark);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		struct json_object *item = json_object_array_get_idx(v, i);
		size_t m2 = pp_path_push(d, "[%zu]", i);
		int f = pp_field_value(d, item, REQ_TYPES_ANY & ~REQ_TYPE_BIT(REQ_TYPE_TIME),
				       "a record field other than ts");

		for (uint8_t j = 0; f >= 0 && j < w->n_group; j++)
			if (w->group_by[j] == (enum req_field)f) {
				pp_fail(d, "each field once", item);
				f = -1;
			}
		f = verdict_field(d, w, f, item);
		if (f >= 0)
			w->group_by[w->n_group++] = f;
		pp_path_pop(d, m2);
	}
	pp_path_pop(d, mark);
}

static void parse_window_spec(struct diag *d, struct json_object *o, struct policy_window *w)
{
	static const char *const keys[] = { "type", "length" };
	static const char *const session_keys[] = { "type", "gap" };
	struct json_object *v = pp_member(o, "window");
	size_t mark = pp_path_key(d, "window");
	int type;

	if (pp_expect_type(d, v, json_type_object,
			   "an object such as {\"type\": \"sliding\", \"length\": \"10m\"} or "
			   "{\"type\": \"session\", \"gap\": \"2m\"}")) {
		type = pp_member_enum(d, v, "type", NAMES(window_types), -1);
		w->tumbling = type == 1;
		w->session = type == 2;
		if (w->session)
			pp_check_keys(d, v, NAMES(session_keys), "for a session window");
		else
			pp_check_keys(d, v, NAMES(keys), NULL);
		pp_member_duration(d, v, w->session ? "gap" : "length", true, 1, &w->length_s);
	}
	pp_path_pop(d, mark);
}

/*
 * A session ends when its group is quiet, with no record in hand: its group
 * is named, and blocked, by the source address it is keyed by, so it is
 * grouped by src_ip alone and blocks no narrower than its group.
 */
static void check_session(struct diag *d, struct json_object *o, const struct policy *p)
{
	const struct policy_window *w = &p->window;
	size_t mark;

	if (!w->session)
		return;
	if (w->input_verdicts || w->n_group != 1 || w->group_by[0] != REQ_SRC_IP) {
		mark = pp_path_key(d, w->input_verdicts ? "input" : "group_by");
		pp_fail(d, w->input_verdicts ? "requests for a session window"
					     : "[\"src_ip\"] for a session window (a session ends "
					       "with no record to name another group by)",
			pp_member(o, w->input_verdicts ? "input" : "group_by"));
		pp_path_pop(d, mark);
	}
	if (policy_action_gates(&p->action) &&
	    (p->action.scope_v4 > p->prefix_v4 || p->action.scope_v6 > p->prefix_v6)) {
		mark = pp_path_push(d, "action.scope");
		pp_fail(d, "a scope no narrower than the session's prefix (a session ends with no "
			   "one record whose source to block)",
			pp_member(pp_member(o, "action"), "scope"));
		pp_path_pop(d, mark);
	}
}

static void parse_agg(struct parser *ps, struct json_object *o, struct policy_window *w)
{
	/* The members each fn takes, by what it reads from a record (aggregate.h). */
	static const char *const keys[][3] = {
		[AGG_IN_NONE] = { "name", "fn" },
		[AGG_IN_WHERE] = { "name", "fn", "where" },
		[AGG_IN_HASH] = { "name", "fn", "field" },
		[AGG_IN_NUMBER] = { "name", "fn", "field" },
	};
	struct policy_agg *a = &w->aggs[w->n_aggs];
	const char *names[AGG_FN_COUNT];
	const struct agg_def *def;
	struct diag *d = &ps->d;
	size_t mark;
	int fn;

	if (!pp_expect_type(d, o, json_type_object,
			    "an aggregate such as {\"name\": \"n\", \"fn\": \"count\"}"))
		return;
	pp_member_name(d, o, "name", a->name);
	for (uint8_t i = 0; i < w->n_aggs; i++)
		if (!strcmp(w->aggs[i].name, a->name)) {
			mark = pp_path_key(d, "name");
			pp_fail(d, "a name unique among the aggregates", pp_member(o, "name"));
			pp_path_pop(d, mark);
		}
	for (int i = 0; i < AGG_FN_COUNT; i++)
		names[i] = agg_defs[i].name;
	fn = pp_member_enum(d, o, "fn", names, AGG_FN_COUNT, -1);
	if (fn < 0)
		return;
	a->fn = fn;
	def = &agg_defs[fn];
	pp_check_keys(d, o, keys[def->input], def->input == AGG_IN_NONE ? 2 : 3, "for this fn");
	if (def->field_types) {
		int f;

		mark = pp_path_key(d, "field");
		f = pp_field_value(d, pp_member(o, "field"), def->field_types, def->field_what);
		f = verdict_field(d, w, f, pp_member(o, "field"));
		pp_path_pop(d, mark);
		a->field = f >= 0 ? f : 0;
	}
	if (def->input == AGG_IN_WHERE)
		a->where = pp_member_pred(ps, o, "where", true);
	w->n_aggs++;
}

static void parse_aggregates(struct parser *ps, struct json_object *o, struct policy_window *w)
{
	struct json_object *v = pp_member(o, "aggregates");
	size_t mark = pp_path_key(&ps->d, "aggregates"), n;

	if (!v || !json_object_is_type(v, json_type_array) ||
	    !(n = json_object_array_length(v)) || n > POLICY_MAX_AGGS) {
		pp_fail(&ps->d, "an array of 1 to 16 aggregates", v);
		pp_path_pop(&ps->d, mark);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		size_t m2 = pp_path_push(&ps->d, "[%zu]", i);

		parse_agg(ps, json_object_array_get_idx(v, i), w);
		pp_path_pop(&ps->d, m2);
	}
	pp_path_pop(&ps->d, mark);
}

static void parse_cond(struct diag *d, struct json_object *o, struct policy_window *w)
{
	struct policy_cond *c = &w->conds[w->n_conds];
	struct json_object *agg = pp_member(o, "agg"), *rise;
	int op = -1, nops = 0;
	size_t mark;

	if (!pp_expect_type(d, o, json_type_object,
			    "a condition such as {\"agg\": \"n\", \"ge\": 10}"))
		return;
	json_object_object_foreach(o, key, v) {
		int i;

		(void)v;
		if (!strcmp(key, "agg") || !strcmp(key, "rise_factor"))
			continue;
		for (i = 0; i < 5 && strcmp(key, cmp_names[i]); i++)
			;
		mark = pp_path_key(d, key);
		if (i == 5)
			pp_failf(d, "expected one of agg, gt, ge, lt, le, eq, rise_factor, got an "
				 "unknown field");
		else if (nops++)
			pp_failf(d, "expected exactly one comparison, got %s and %s", cmp_names[op],
				 key);
		else
			op = i;
		pp_path_pop(d, mark);
	}
	if (!nops) {
		pp_failf(d, "expected one comparison (gt, ge, lt, le, eq), got none");
		return;
	}
	mark = pp_path_key(d, "agg");
	c->agg = 0;
	for (; agg && json_object_is_type(agg, json_type_string) && c->agg < w->n_aggs; c->agg++)
		if (!strcmp(w->aggs[c->agg].name, json_object_get_string(agg)))
			break;
	if (c->agg == w->n_aggs || !agg || !json_object_is_type(agg, json_type_string))
		pp_fail(d, "the name of one of the aggregates", agg);
	pp_path_pop(d, mark);
	if (op < 0)
		return;
	c->op = op;
	pp_member_number(d, o, cmp_names[op], true, -1e18, 1e18, false, "a number", &c->value);
	rise = pp_member(o, "rise_factor");
	if (rise && !w->tumbling) {
		mark = pp_path_key(d, "rise_factor");
		pp_fail(d, "no rise_factor on a sliding or session window (it compares consecutive "
			"tumbling windows)", rise);
		pp_path_pop(d, mark);
	} else {
		pp_member_number(d, o, "rise_factor", false, 1e-9, 1e9, false, "a number above 0",
				 &c->rise_factor);
	}
	w->n_conds++;
}

static void parse_having(struct diag *d, struct json_object *o, struct policy_window *w)
{
	struct json_object *v = pp_member(o, "having"), *list;
	size_t mark = pp_path_key(d, "having"), m2, n;

	if (!pp_expect_type(d, v, json_type_object,
			    "a condition such as {\"agg\": \"n\", \"ge\": 10}, or {\"all\": [...]} "
			    "or {\"any\": [...]} of them"))
		goto out;
	list = pp_member(v, "all");
	w->having_any = !list && (list = pp_member(v, "any"));
	if (!list) {
		parse_cond(d, v, w);
		goto out;
	}
	m2 = pp_path_key(d, w->having_any ? "any" : "all");
	if (json_object_object_length(v) != 1 || !json_object_is_type(list, json_type_array) ||
	    !(n = json_object_array_length(list)) || n > POLICY_MAX_CONDS) {
		pp_fail(d, "an array of 1 to 16 conditions, alone in its object", list);
	} else {
		for (size_t i = 0; i < n; i++) {
			size_t m3 = pp_path_push(d, "[%zu]", i);

			parse_cond(d, json_object_array_get_idx(list, i), w);
			pp_path_pop(d, m3);
		}
	}
	pp_path_pop(d, m2);
out:
	pp_path_pop(d, mark);
}

void pp_parse_grouping(struct parser *ps, struct json_object *o, struct policy *p)
{
	struct policy_window *w = &p->window;
	struct diag *d = &ps->d;

	w->filter = pp_member_pred(ps, o, "filter", false);
	parse_group_by(d, o, w);
	if (pp_member(o, "prefix") && !group_by_has_src(w->group_by, w->n_group)) {
		size_t mark = pp_path_key(d, "prefix");

		pp_fail(d, "prefix only with src_ip in group_by", pp_member(o, "prefix"));
		pp_path_pop(d, mark);
	}
	if (policy_action_gates(&p->action) && !group_by_has_src(w->group_by, w->n_group)) {
		size_t mark = pp_path_push(d, "action.type");

		pp_fail(d, p->action.throttle
				   ? "alert when group_by lacks src_ip (a throttle needs a source)"
				   : "alert when group_by lacks src_ip (a block needs a source)",
			pp_member(pp_member(o, "action"), "type"));
		pp_path_pop(d, mark);
	}
}

void pp_parse_window(struct parser *ps, struct json_object *o, struct policy *p)
{
	struct policy_window *w = &p->window;
	struct diag *d = &ps->d;

	w->input_verdicts = pp_member_enum(d, o, "input", NAMES(input_names), 0) == 1;
	pp_parse_grouping(ps, o, p);
	parse_window_spec(d, o, w);
	check_session(d, o, p);
	parse_aggregates(ps, o, w);
	parse_having(d, o, w);
}
