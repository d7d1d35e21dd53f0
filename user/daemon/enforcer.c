// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "engine/alert.h"
#include "base/clock.h"
#include "daemon/enforcer.h"
#include "base/host_addrs.h"

void enforcer_init(struct enforcer *e, struct gate_maps *maps, FILE *alerts, bool dry_run)
{
	memset(e, 0, sizeof(*e));
	e->maps = maps;
	e->alerts = alerts;
	e->dry_run = dry_run;
}

/* Whether a block of scope would also drop a trusted proxy. */
static bool covers_proxy(const struct enforcer *e, const struct gh_cidr *scope)
{
	for (size_t i = 0; e->proxies && i < e->proxies->n; i++)
		if (gh_cidr_overlaps(scope, &e->proxies->cidrs[i]))
			return true;
	return false;
}

/*
 * A prefix block (a /24, an IPv6 /64) over loopback, this host or a trusted
 * proxy: the source itself, when it is none of them, is blocked instead.
 * Hosting providers put customers' hosts in one /64; the attacker among
 * them is still blocked, the neighbours are not.
 */
static bool narrow_to_source(struct enforcer *e, struct verdict *v)
{
	struct gh_cidr host = { .addr = v->src, .prefixlen = gh_addr_bits(&v->src) };
	char why[GH_CIDR_STRLEN];

	if (v->scope.prefixlen >= host.prefixlen || gh_covers_protected(&host, why, sizeof(why)) ||
	    covers_proxy(e, &host))
		return false;
	v->scope = host;
	e->stats.narrowed++;
	return true;
}

/* Why this block or throttle must not be written, or NULL; v's scope may be narrowed to its source. */
static const char *spared_because(struct enforcer *e, struct verdict *v)
{
	char why[GH_CIDR_STRLEN + 32];

	if (gh_covers_protected(&v->scope, why, sizeof(why)) && !narrow_to_source(e, v)) {
		e->stats.spared_protected++;
		snprintf(e->spared_why, sizeof(e->spared_why), "protected: %s", why);
		return e->spared_why;
	}
	if (covers_proxy(e, &v->scope) && !narrow_to_source(e, v)) {
		e->stats.spared_protected++;
		return "a trusted proxy";
	}
	if (gate_allow_covers(e->maps, &v->src) > 0) {
		e->stats.spared_allowed++;
		return "allow-listed";
	}
	if (e->dry_run) {
		e->stats.spared_dry_run++;
		return "dry-run";
	}
	return NULL;
}

/* Blocks and throttles alike: their entries share a block_entry head and their maps' rules. */
static int entry_get(struct enforcer *e, bool throttle, const struct gh_cidr *c,
		     struct block_entry *out)
{
	struct throttle_entry t;
	int err;

	if (!throttle)
		return gate_block_get(e->maps, c, out);
	err = gate_throttle_get(e->maps, c, &t);
	if (!err)
		*out = t.entry;
	return err;
}

static int entry_add(struct enforcer *e, bool throttle, const struct throttle_spec *spec)
{
	return throttle ? gate_throttle_add(e->maps, spec) : gate_block_add(e->maps, &spec->base, 1);
}

/* The map is full: make room (counted; an evicted entry is named), then try again. */
static int add_evicting(struct enforcer *e, bool throttle, const struct throttle_spec *spec,
			uint64_t now, char *evicted, size_t len)
{
	struct block_room room;
	int err = throttle ? gate_throttle_make_room(e->maps, spec, now, &room)
			   : gate_block_make_room(e->maps, &spec->base, now, &room);

	if (err)
		return err;
	e->stats.evicted_expired += room.expired;
	if (room.evicted) {
		e->stats.evicted_automatic++;
		gh_cidr_format(&room.victim.cidr, evicted, len);
	}
	return entry_add(e, throttle, spec);
}

/* Write the block or throttle unless a longer one is already in force. */
static int write_entry(struct enforcer *e, const struct verdict *v, char *evicted, size_t len)
{
	struct throttle_spec spec = {
		.base = { .cidr = v->scope, .ttl_s = v->ttl_s, .flags = GH_BLOCK_F_AUTO },
		.limits = v->policy->action.limits,
	};
	uint64_t now = gh_boottime_ns(), until = now + v->ttl_s * 1000000000ULL;
	bool throttle = v->throttle;
	struct block_entry cur;
	int err;

	err = gate_maps_lock(e->maps);
	if (err)
		return err;
	if (!entry_get(e, throttle, &spec.base.cidr, &cur) && block_entry_live(&cur, now) &&
	    (!cur.expires_ns || cur.expires_ns >= until)) {
		if (throttle)
			e->stats.already_throttled++;
		else
			e->stats.already_blocked++;
		goto out;
	}
	err = gate_reason_id(e->maps, v->policy->name, &spec.base.reason);
	err = err ?: entry_add(e, throttle, &spec);
	if (err == -E2BIG)
		err = add_evicting(e, throttle, &spec, now, evicted, len);
	if (!err && throttle)
		e->stats.throttles++;
	else if (!err)
		e->stats.blocks++;
out:
	gate_maps_unlock(e->maps);
	return err;
}

/*
 * The alert line. The engine owns its evidence: a copy is annotated with
 * not_blocked or not_throttled (spared: the copy's block or throttle is
 * cleared), or with the scope blocked and narrowed_from (the source alone
 * was blocked instead of the engine's prefix) and evicted (an entry that
 * made room in a full map).
 */
static void write_alert(struct enforcer *e, const struct verdict *v, const char *spared,
			const char *narrowed_from, const char *evicted)
{
	struct verdict shown = *v;
	struct json_object *evidence = NULL;

	if (spared || *narrowed_from || *evicted) {
		char scope[GH_CIDR_STRLEN];

		if (v->evidence && json_object_deep_copy(v->evidence, &evidence, NULL))
			evidence = NULL;
		if (!evidence)
			evidence = json_object_new_object();
		if (spared) {
			shown.block = shown.throttle = false;
			json_object_object_add(evidence, v->throttle ? "not_throttled" : "not_blocked",
					       json_object_new_string(spared));
		} else if (*narrowed_from) {
			gh_cidr_format(&v->scope, scope, sizeof(scope));
			json_object_object_add(evidence, "scope", json_object_new_string(scope));
			json_object_object_add(evidence, "narrowed_from",
					       json_object_new_string(narrowed_from));
		}
		if (!spared && *evicted)
			json_object_object_add(evidence, "evicted", json_object_new_string(evicted));
		shown.evidence = evidence;
	}
	alert_write(e->alerts, &shown);
	fflush(e->alerts);
	json_object_put(evidence);
	e->stats.alerts++;
}

void enforcer_verdict(const struct verdict *verdict, void *ctx)
{
	struct enforcer *e = ctx;
	struct verdict v = *verdict;
	char evicted[GH_CIDR_STRLEN] = "", wide[GH_CIDR_STRLEN] = "";
	const char *spared = NULL;
	int err;

	if (v.block || v.throttle) {
		spared = spared_because(e, &v);
		if (!spared && (err = write_entry(e, &v, evicted, sizeof(evicted)))) {
			e->stats.block_errors++;
			if (v.throttle)
				spared = err == -E2BIG ? "the throttle map is full of manual and "
							 "longer throttles"
						       : "the throttle map refused the entry";
			else
				spared = err == -E2BIG ? "the block map is full of manual and "
							 "longer blocks"
						       : "the block map refused the entry";
		}
		if (v.scope.prefixlen != verdict->scope.prefixlen)
			gh_cidr_format(&verdict->scope, wide, sizeof(wide));
	}
	write_alert(e, &v, spared, wide, evicted);
}
