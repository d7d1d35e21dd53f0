// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "base/host_addrs.h"
#include "daemon/fleet_apply.h"
#include "engine/policy.h"

#define NS_PER_S 1000000000ULL
/* A block ending within this of the entry in force is the same decision again. */
#define FLEET_SAME_NS NS_PER_S

static int64_t wall_s(void)
{
	return (int64_t)(gh_clock_ns(CLOCK_REALTIME) / NS_PER_S);
}

/* A block of ttl_s seconds (0: none) as the fleet's absolute expiry, capped. */
static int64_t fleet_expiry(uint64_t ttl_s)
{
	return wall_s() + (int64_t)(ttl_s && ttl_s < GH_FLEET_MAX_TTL_S ? ttl_s
								       : GH_FLEET_MAX_TTL_S);
}

/* The enforcer wrote a policy's block: the fleet gets it. */
static void on_block(const struct verdict *v, void *ctx)
{
	struct fleet_applier *a = ctx;
	struct fleet_decision d = { .action = FLEET_BLOCK, .cidr = v->scope };

	d.expires_at = fleet_expiry(v->ttl_s);
	snprintf(d.policy, sizeof(d.policy), "%s", v->policy->name);
	snprintf(d.severity, sizeof(d.severity), "%s", policy_severity_name(v->policy->severity));
	fleet_publish(a->fleet, &d);
}

void fleet_applier_init(struct fleet_applier *a, struct fleet *f, struct enforcer *e)
{
	memset(a, 0, sizeof(*a));
	a->fleet = f;
	a->enforcer = e;
	e->on_block = on_block;
	e->on_block_ctx = a;
}

/* Whether this host must not take the block; counted by kind. */
static bool spared(struct fleet_applier *a, const struct gh_cidr *scope)
{
	struct enforcer *e = a->enforcer;
	char why[GH_CIDR_STRLEN + 32];

	if (gh_covers_protected(scope, why, sizeof(why)) || enforcer_covers_proxy(e, scope)) {
		a->stats.spared_protected++;
		return true;
	}
	if (gate_allow_covers(e->maps, &scope->addr) > 0) {
		a->stats.spared_allowed++;
		return true;
	}
	if (e->dry_run) {
		a->stats.spared_dry_run++;
		return true;
	}
	return false;
}

/* The live entry of exactly c, if any. */
static bool live_entry(struct fleet_applier *a, const struct gh_cidr *c, uint64_t now_ns,
		       struct block_entry *cur)
{
	return !gate_block_get(a->enforcer->maps, c, cur) && block_entry_live(cur, now_ns);
}

static void note_lag(struct fleet_applier *a, const struct fleet_incoming *in)
{
	int64_t now_ms = (int64_t)(gh_clock_ns(CLOCK_REALTIME) / 1000000), lag;

	if (in->catch_up || !in->d.decided_ms)
		return;
	lag = now_ms > in->d.decided_ms ? now_ms - in->d.decided_ms : 0;
	a->stats.lag_ms_last = (uint64_t)lag;
	if ((uint64_t)lag > a->stats.lag_ms_max)
		a->stats.lag_ms_max = (uint64_t)lag;
}

static void apply_block(struct fleet_applier *a, const struct fleet_incoming *in, bool own)
{
	const struct fleet_decision *d = &in->d;
	int64_t left = d->expires_at - wall_s();
	uint64_t now = gh_boottime_ns();
	struct block_spec spec = { .cidr = d->cidr, .flags = GH_BLOCK_F_AUTO | GH_BLOCK_F_FLEET };
	char reason[GH_REASON_LEN], evicted[GH_CIDR_STRLEN];
	struct block_entry cur;
	int err;

	/* Expired since it was read: the XDP entry would pass it anyway. */
	if (left <= 0 || spared(a, &d->cidr))
		return;
	spec.ttl_s = (uint64_t)left;
	/* Our own decision, read back: written again only when our entry is gone. */
	if (own && live_entry(a, &d->cidr, now, &cur)) {
		a->stats.own++;
		return;
	}
	if (live_entry(a, &d->cidr, now, &cur) &&
	    (!cur.expires_ns || cur.expires_ns + FLEET_SAME_NS >= now + spec.ttl_s * NS_PER_S)) {
		a->stats.duplicates++;
		return;
	}
	snprintf(reason, sizeof(reason), "fleet:%.57s", *d->policy ? d->policy
						     : *d->reason ? d->reason : "manual");
	err = enforcer_write(a->enforcer, &spec, reason, evicted, sizeof(evicted));
	if (err < 0)
		a->stats.apply_errors++;
	else if (err)
		a->stats.duplicates++;
	else
		a->stats.applied++;
	note_lag(a, in);
}

static void apply_unblock(struct fleet_applier *a, const struct fleet_decision *d)
{
	struct gate_maps *m = a->enforcer->maps;
	struct block_entry cur;

	if (gate_maps_lock(m)) {
		a->stats.apply_errors++;
		return;
	}
	if (!gate_block_get(m, &d->cidr, &cur)) {
		if (!(cur.flags & (GH_BLOCK_F_AUTO | GH_BLOCK_F_FLEET)))
			a->stats.unblock_kept++;
		else if (gate_block_del(m, &d->cidr))
			a->stats.apply_errors++;
		else
			a->stats.unblocked++;
	}
	gate_maps_unlock(m);
}

void fleet_apply(const struct fleet_incoming *in, void *ctx)
{
	struct fleet_applier *a = ctx;
	bool own = !strcmp(in->d.origin, fleet_name(a->fleet));

	if (in->d.action == FLEET_BLOCK)
		apply_block(a, in, own);
	else if (own)
		a->stats.own++; /* done here before it was published */
	else
		apply_unblock(a, &in->d);
}

static struct json_object *control_reply(const char *error)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, error ? "error" : "queued",
			       error ? json_object_new_string(error) : json_object_new_boolean(1));
	return o;
}

/* The operator's block of c in this host's map, as a decision. */
static const char *manual_block(struct fleet_applier *a, struct fleet_decision *d)
{
	struct gate_maps *m = a->enforcer->maps;
	uint64_t now = gh_boottime_ns();
	struct block_entry cur;

	if (gate_block_get(m, &d->cidr, &cur) || !block_entry_live(&cur, now))
		return "no block of this CIDR in force";
	if (cur.flags & GH_BLOCK_F_FLEET)
		return "a block learned from the fleet";
	d->expires_at = fleet_expiry(cur.expires_ns ? (cur.expires_ns - now + NS_PER_S - 1) / NS_PER_S
						    : 0);
	if (gate_reason_text(m, cur.reason, d->reason, sizeof(d->reason)) || !strcmp(d->reason, "manual"))
		d->reason[0] = '\0';
	return NULL;
}

struct json_object *fleet_control(struct fleet_applier *a, const char *cmd)
{
	struct fleet_decision d = { 0 };
	const char *arg, *error = NULL;

	if (!strncmp(cmd, GH_FLEET_CMD_BLOCK, strlen(GH_FLEET_CMD_BLOCK))) {
		d.action = FLEET_BLOCK;
		arg = cmd + strlen(GH_FLEET_CMD_BLOCK);
	} else if (!strncmp(cmd, GH_FLEET_CMD_UNBLOCK, strlen(GH_FLEET_CMD_UNBLOCK))) {
		d.action = FLEET_UNBLOCK;
		arg = cmd + strlen(GH_FLEET_CMD_UNBLOCK);
	} else {
		return NULL;
	}
	if (gh_cidr_parse(arg, &d.cidr))
		error = "expected a CIDR";
	else if (d.action == FLEET_BLOCK)
		error = manual_block(a, &d);
	if (!error)
		fleet_publish(a->fleet, &d);
	return control_reply(error);
}

struct json_object *fleet_applier_stats_json(const struct fleet_applier *a)
{
	struct json_object *o = fleet_stats_json(a->fleet);

#define GH_PUT_APPLY(name) \
	json_object_object_add(o, #name, json_object_new_uint64(a->stats.name));
	FLEET_APPLY_FIELDS(GH_PUT_APPLY)
#undef GH_PUT_APPLY
	if (a->stream)
		fleet_stream_stats_json(a->stream, o);
	return o;
}
