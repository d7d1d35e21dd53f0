// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * "scope": "fleet" of a match policy (struct policy_fleet):
 *
 *   "scope": "fleet",
 *   "fleet": {"window": "10m", "min_hosts": 3, "min_matches": 3}
 *
 * The action as written becomes the fleet's; the host's own is an alert
 * without cooldown, so every match is counted and none blocks on one host.
 */
#include "engine/policy_parse_internal.h"

static const char *const scope_names[] = { "local", "fleet" };

static void parse_fleet(struct diag *d, struct json_object *f, struct policy *p)
{
	static const char *const keys[] = { "window", "min_hosts", "min_matches" };
	struct policy_fleet *fl = &p->fleet;
	double hosts = 0, matches = 1;
	size_t mark;

	if (!pp_expect_type(d, f, json_type_object,
			    "an object such as {\"window\": \"10m\", \"min_hosts\": 3}"))
		return;
	pp_check_keys(d, f, NAMES(keys), "in fleet");
	if (pp_member_duration(d, f, "window", true, 1, &fl->window_s) &&
	    (fl->window_s < 60 || fl->window_s > POLICY_FLEET_MAX_WINDOW_S)) {
		mark = pp_path_key(d, "window");
		pp_fail(d, "a duration from 1m to 1h (hosts count matches by the minute)",
			pp_member(f, "window"));
		pp_path_pop(d, mark);
	}
	if (pp_member_number(d, f, "min_hosts", true, 2, POLICY_FLEET_MAX_HOSTS, true,
			     "a whole number of hosts from 2 to 100000", &hosts))
		fl->min_hosts = (uint32_t)hosts;
	if (pp_member_number(d, f, "min_matches", false, 1, 1e9, true,
			     "a whole number of matches from 1 to 1000000000", &matches))
		fl->min_matches = (uint32_t)matches;
}

void pp_parse_scope(struct diag *d, struct json_object *o, struct policy *p)
{
	struct json_object *f = pp_member(o, "fleet");
	int scope = pp_member_enum(d, o, "scope", NAMES(scope_names), 0);
	size_t mark = pp_path_key(d, "fleet");

	if (scope != 1) {
		if (f && scope == 0)
			pp_failf(d, "expected no fleet object without \"scope\": \"fleet\"");
		pp_path_pop(d, mark);
		return;
	}
	p->fleet.on = true;
	p->fleet.min_matches = 1;
	parse_fleet(d, f, p);
	pp_path_pop(d, mark);
	if (p->action.throttle) {
		mark = pp_path_key(d, "action");
		pp_failf(d, "expected an alert or block action with \"scope\": \"fleet\", got a "
			    "throttle (the fleet blocks)");
		pp_path_pop(d, mark);
	}
	p->fleet.action = p->action;
	p->action.block = false;
	p->action.ttl_s = 0;
	p->action.cooldown_s = 0;
}
