// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Actions (alert; block and throttle with ttl, scope, escalation; cooldown) and prefix objects. */
#include <inttypes.h>
#include <stdio.h>

#include "engine/policy_parse_internal.h"

#define DEFAULT_COOLDOWN_S 60
#define MAX_UNLESS_RENDERED_S 60

static const char *const action_types[] = { "alert", "block", "throttle" };
enum { ACTION_ALERT, ACTION_BLOCK, ACTION_THROTTLE };
#define BLOCK_KEYS "type", "cooldown", "unless_rendered", "ttl", "scope", "escalate", "allow_wide_scope"

/* {"ipv4": N, "ipv6": N}, each optional. */
void pp_parse_prefixes(struct diag *d, struct json_object *o, const char *key, uint8_t *v4,
		       uint8_t *v6)
{
	static const char *const keys[] = { "ipv4", "ipv6" };
	struct json_object *v = pp_member(o, key);
	double n4 = PREFIX_UNSAID, n6 = PREFIX_UNSAID; /* kept when a member is absent */
	size_t mark;

	*v4 = *v6 = PREFIX_UNSAID;
	if (!v)
		return;
	mark = pp_path_key(d, key);
	if (pp_expect_type(d, v, json_type_object,
			   "an object such as {\"ipv4\": 24, \"ipv6\": 64}")) {
		pp_check_keys(d, v, NAMES(keys), NULL);
		if (pp_member_number(d, v, "ipv4", false, 0, 32, true,
				     "a prefix length from 0 to 32", &n4))
			*v4 = (uint8_t)n4;
		if (pp_member_number(d, v, "ipv6", false, 0, 128, true,
				     "a prefix length from 0 to 128", &n6))
			*v6 = (uint8_t)n6;
	}
	pp_path_pop(d, mark);
}

/* The default, or the policy's other length when that one is narrower. */
static uint8_t unsaid_length(uint8_t dflt, uint8_t other)
{
	return other != PREFIX_UNSAID && other > dflt ? other : dflt;
}

void pp_resolve_lengths(struct policy *p, uint8_t ipv6_default)
{
	struct policy_action *a = &p->action;

	if (p->prefix_v4 == PREFIX_UNSAID)
		p->prefix_v4 = unsaid_length(32, a->scope_v4);
	if (a->scope_v4 == PREFIX_UNSAID)
		a->scope_v4 = unsaid_length(32, p->prefix_v4);
	if (p->prefix_v6 == PREFIX_UNSAID)
		p->prefix_v6 = unsaid_length(ipv6_default, a->scope_v6);
	if (a->scope_v6 == PREFIX_UNSAID)
		a->scope_v6 = unsaid_length(ipv6_default, p->prefix_v6);
}

/* The scope lengths an action gave wider than the minimum, as text ("" when none). */
static void wide_scope_text(const struct policy_action *a, char *buf, size_t len)
{
	bool v4 = a->scope_v4 < POLICY_MIN_SCOPE_V4, v6 = a->scope_v6 < POLICY_MIN_SCOPE_V6;
	int n = 0;

	/* Unsaid lengths are PREFIX_UNSAID, never wide: the defaults are not. */
	buf[0] = '\0';
	if (v4)
		n = snprintf(buf, len, "/%u for IPv4", a->scope_v4);
	if (v6 && n >= 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, "%s/%u for IPv6", v4 ? " and " : "", a->scope_v6);
}

/* One rate of a throttle and its burst (default: the rate); false when either is bad (reported). */
static bool parse_rate_pair(struct diag *d, struct json_object *r, const char *rate_key,
			    const char *burst_key, uint32_t *per_s, uint32_t *burst)
{
	double n = 0, b = 0;
	bool good = pp_member_number(d, r, rate_key, false, 0, GH_THROTTLE_MAX_RATE, true,
				     "an integer from 0 to 10000000 (per second)", &n);

	good &= pp_member_number(d, r, burst_key, false, 1, GH_THROTTLE_MAX_BURST, true,
				 "an integer from 1 to 1000000", &b);
	*per_s = (uint32_t)n;
	*burst = (uint32_t)b;
	if (good && !*burst)
		*burst = *per_s; /* one second's worth */
	else if (good && !*per_s) {
		size_t m = pp_path_key(d, burst_key);

		pp_failf(d, "a burst only with %s above 0", rate_key);
		pp_path_pop(d, m);
		good = false;
	}
	return good;
}

/* "rate" and "block_after" of a throttle action. */
static void parse_throttle(struct diag *d, struct json_object *o, struct policy_action *a)
{
	static const char *const rate_keys[] = { "conns_per_s", "conn_burst", "packets_per_s",
						 "packet_burst" };
	struct json_object *r = pp_member(o, "rate");
	struct throttle_limits *l = &a->limits;
	size_t mark = pp_path_key(d, "rate");
	double after = 0;
	bool good;

	if (pp_expect_type(d, r, json_type_object, "an object such as {\"conns_per_s\": 10}")) {
		pp_check_keys(d, r, NAMES(rate_keys), NULL);
		good = parse_rate_pair(d, r, "conns_per_s", "conn_burst", &l->conns_per_s,
				       &l->conn_burst);
		good &= parse_rate_pair(d, r, "packets_per_s", "packet_burst", &l->packets_per_s,
					&l->packet_burst);
		if (good && !l->conns_per_s && !l->packets_per_s)
			pp_failf(d, "expected conns_per_s or packets_per_s above 0");
	}
	pp_path_pop(d, mark);
	if (pp_member_number(d, o, "block_after", false, 2, 1000, true,
			     "an integer from 2 to 1000 (the offense that blocks; a block action "
			     "blocks at the first)",
			     &after))
		a->block_after = (uint32_t)after;
}

void pp_parse_action(struct diag *d, struct json_object *o, struct policy_action *a)
{
	static const char *const alert_keys[] = { "type", "cooldown", "unless_rendered" };
	static const char *const block_keys[] = { BLOCK_KEYS };
	static const char *const throttle_keys[] = { BLOCK_KEYS, "rate", "block_after" };
	struct json_object *wide;
	static const char *const esc_keys[] = { "factor", "max_ttl" };
	struct json_object *esc;
	int type;

	a->cooldown_s = DEFAULT_COOLDOWN_S;
	a->escalate_factor = 1;
	a->scope_v4 = a->scope_v6 = PREFIX_UNSAID;
	if (!pp_expect_type(d, o, json_type_object,
			    "an object such as {\"type\": \"block\", \"ttl\": \"1h\"}"))
		return;
	type = pp_member_enum(d, o, "type", NAMES(action_types), -1);
	a->block = type == ACTION_BLOCK;
	a->throttle = type == ACTION_THROTTLE;
	if (a->block)
		pp_check_keys(d, o, NAMES(block_keys), "for a block action");
	else if (a->throttle)
		pp_check_keys(d, o, NAMES(throttle_keys), "for a throttle action");
	else
		pp_check_keys(d, o, NAMES(alert_keys), "for an alert action");
	pp_member_duration(d, o, "cooldown", false, 0, &a->cooldown_s);
	if (pp_member_duration(d, o, "unless_rendered", false, 1, &a->unless_rendered_s) &&
	    a->unless_rendered_s > MAX_UNLESS_RENDERED_S) {
		size_t m = pp_path_key(d, "unless_rendered");

		pp_failf(d, "expected a duration from 1s to 1m (how long a browser takes to "
			 "load a page's parts), got %" PRIu64 "s", a->unless_rendered_s);
		pp_path_pop(d, m);
	}
	if (!policy_action_gates(a))
		return;
	if (a->throttle)
		parse_throttle(d, o, a);
	pp_member_duration(d, o, "ttl", true, 1, &a->ttl_s);
	a->max_ttl_s = a->ttl_s;
	pp_parse_prefixes(d, o, "scope", &a->scope_v4, &a->scope_v6);
	wide = pp_member(o, "allow_wide_scope");
	if (wide && !json_object_is_type(wide, json_type_boolean)) {
		size_t m = pp_path_key(d, "allow_wide_scope");

		pp_fail(d, "true or false", wide);
		pp_path_pop(d, m);
	} else if (!(wide && json_object_get_boolean(wide))) {
		char got[64];

		wide_scope_text(a, got, sizeof(got));
		if (*got) {
			size_t m = pp_path_key(d, "scope");

			pp_failf(d, "expected a scope of at least /%d for IPv4 and /%d for IPv6, "
				 "got %s; add \"allow_wide_scope\": true to the action to block "
				 "wider", POLICY_MIN_SCOPE_V4, POLICY_MIN_SCOPE_V6, got);
			pp_path_pop(d, m);
		}
	}
	esc = pp_member(o, "escalate");
	if (esc) {
		size_t mark = pp_path_key(d, "escalate");

		if (pp_expect_type(d, esc, json_type_object,
				   "an object such as {\"factor\": 2, \"max_ttl\": \"7d\"}")) {
			pp_check_keys(d, esc, NAMES(esc_keys), NULL);
			pp_member_number(d, esc, "factor", true, 1, 1000, false,
					 "a number from 1 to 1000", &a->escalate_factor);
			if (pp_member_duration(d, esc, "max_ttl", true, 1, &a->max_ttl_s) &&
			    a->max_ttl_s < a->ttl_s) {
				size_t m2 = pp_path_key(d, "max_ttl");

				pp_fail(d, "a duration no shorter than action.ttl",
					pp_member(esc, "max_ttl"));
				pp_path_pop(d, m2);
			}
		}
		pp_path_pop(d, mark);
	}
}
