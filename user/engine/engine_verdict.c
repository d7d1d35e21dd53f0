// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Verdicts: cooldown, escalation, the callback; and match policies, which only emit. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/escape.h"
#include "engine/engine_internal.h"

/* The group as text: "203.0.113.0/24", "*" for everything, "src_ip=... host=..." for several. */
struct json_object *eng_group_json(const struct gclass *c, const struct request_record *r)
{
	char buf[1024], val[GH_CIDR_STRLEN + 1];
	size_t used = 0;

	buf[0] = '\0';
	for (uint8_t i = 0; i < c->n_group && used < sizeof(buf); i++) {
		enum req_field f = c->group_by[i];
		struct gh_cidr cidr = { .addr = r->src, .prefixlen = eng_class_prefix(c, &r->src) };
		const char *v = val;
		struct gh_str s;
		int len;

		if (f == REQ_SRC_IP) {
			gh_addr_mask(&cidr.addr, cidr.prefixlen);
			gh_cidr_format(&cidr, val, sizeof(val));
			len = (int)strlen(val);
		} else if (req_get_str(r, f, &s)) {
			v = s.p;
			len = (int)s.len;
		} else {
			len = req_format_field(r, f, val, sizeof(val));
			len = len < 0 ? 0 : len; /* absent: callers check, but never read val unset */
		}
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s%s%.*s", i ? " " : "",
					 c->n_group > 1 ? req_field_name(f) : "",
					 c->n_group > 1 ? "=" : "", len, v);
	}
	if (!c->n_group)
		snprintf(buf, sizeof(buf), "*");
	return gh_json_string(buf, strnlen(buf, sizeof(buf)));
}

/* Cooldown: true when the policy may fire for this group at ts. */
bool eng_fire_gate(struct engine *e, struct epolicy *ep, uint32_t gi, uint64_t ts)
{
	struct group *g = &e->g[gi];
	struct slot *s = &g->slots[ep->slot];

	if (ts < s->cooldown_until || ts < ep->fire_from_ns) {
		e->pst[ep - e->pol].suppressed++;
		return false;
	}
	e->gate_prev = s->cooldown_until;
	s->cooldown_until = ts + ep->p->action.cooldown_s * NS;
	eng_group_keep(e, gi, s->cooldown_until);
	eng_group_fired(e, ep, gi);
	return true;
}

/* ttl x factor^(n-1), capped at max_ttl. */
static uint64_t escalated_ttl(const struct policy_action *a, uint32_t offense)
{
	double ttl = (double)a->ttl_s * pow(a->escalate_factor, (double)offense - 1);

	return ttl >= (double)a->max_ttl_s ? a->max_ttl_s : (uint64_t)ttl;
}

/* {"conns_per_s": N, "conn_burst": N, ...} for a throttle's alert. */
static struct json_object *limits_json(const struct throttle_limits *l)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "conns_per_s", json_object_new_uint64(l->conns_per_s));
	json_object_object_add(o, "conn_burst", json_object_new_uint64(l->conn_burst));
	json_object_object_add(o, "packets_per_s", json_object_new_uint64(l->packets_per_s));
	json_object_object_add(o, "packet_burst", json_object_new_uint64(l->packet_burst));
	return o;
}

static void escalate(struct engine *e, uint32_t gi, struct slot *s, struct verdict *v,
		     bool monitor, struct json_object *evidence)
{
	const struct policy_action *a = &v->policy->action;
	char scope[GH_CIDR_STRLEN];
	struct json_object *m;
	bool throttles;

	if (s->offenses && v->ts_ns >= s->last_block + ENGINE_OFFENSE_MEMORY_NS)
		s->offenses = 0;
	v->offense = ++s->offenses;
	throttles = a->throttle && (!a->block_after || v->offense < a->block_after);
	if (v->ts_ns > s->last_block)
		s->last_block = v->ts_ns;
	eng_group_keep(e, gi, s->last_block + ENGINE_OFFENSE_MEMORY_NS);
	v->ttl_s = escalated_ttl(a, v->offense);
	*(throttles ? &v->throttle : &v->block) = !monitor && v->has_src;
	json_object_object_add(evidence, "offense", json_object_new_uint64(v->offense));
	if (!v->has_src)
		return;
	/* What is dropped may be wider than src_ip (a /64 by default for IPv6): say it. */
	gh_cidr_format(&v->scope, scope, sizeof(scope));
	m = monitor ? json_object_new_object() : evidence;
	json_object_object_add(m, "scope", json_object_new_string(scope));
	if (throttles)
		json_object_object_add(m, "throttle", limits_json(&a->limits));
	if (monitor) {
		json_object_object_add(m, "ttl_s", json_object_new_uint64(v->ttl_s));
		json_object_object_add(evidence, throttles ? "would_throttle" : "would_block", m);
	}
}

void eng_emit(struct engine *e, struct epolicy *ep, uint32_t gi, const struct gh_addr *src,
	      uint64_t ts, double value, double threshold, struct json_object *evidence)
{
	const struct policy *p = ep->p;
	struct group *g = &e->g[gi];
	struct verdict v = {
		.policy = p, .ts_ns = ts, .value = value, .threshold = threshold,
		.evidence = evidence,
	};

	if (src) {
		v.has_src = true;
		v.src = *src;
		v.scope.addr = *src;
		v.scope.prefixlen = src->family == AF_INET ? p->action.scope_v4 : p->action.scope_v6;
		gh_addr_mask(&v.scope.addr, v.scope.prefixlen);
	}
	if (policy_action_gates(&p->action))
		escalate(e, gi, &g->slots[ep->slot], &v, p->monitor, evidence);
	e->pst[ep - e->pol].alerts++;
	e->pst[ep - e->pol].blocks += v.block;
	e->fn(&v, e->ctx);
	json_object_put(evidence);
	if (v.block && e->nlist[LIST_VERDICT] && !p->window.input_verdicts)
		e->pend[e->npend++] = (struct pending){ ts, v.src, p->name };
}

/* ---- match ---------------------------------------------------------------- */

/* A record the policy's where holds on: kept apart, so a miss pays no frame for the JSON work. */
static __attribute__((noinline)) void match_fired(struct engine *e, struct epolicy *ep,
						  const struct request_record *r)
{
	struct json_object *ev;
	uint32_t gi;

	e->pst[ep - e->pol].matched++;
	if (!eng_policy_slot(e, ep, r, &gi)) {
		eng_trace(e, ep, TRACE_NO_GROUP, NULL);
		return;
	}
	if (!eng_fire_gate(e, ep, gi, r->ts_ns)) {
		eng_trace(e, ep, TRACE_COOLDOWN, NULL);
		return;
	}
	eng_trace(e, ep, TRACE_FIRED, NULL);
	ev = json_object_new_object();
	json_object_object_add(ev, "request", request_to_json(r));
	eng_emit_request(e, ep, gi, &r->src, r, 1, 1, ev, true);
}

void eng_run_match(struct engine *e, struct epolicy *ep, const struct request_record *r)
{
	if (pred_match(ep->p->where, e->ev))
		match_fired(e, ep, r);
	else
		eng_trace(e, ep, TRACE_NO_MATCH, NULL);
}
