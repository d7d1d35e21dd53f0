// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
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

/* Why this block must not be written, or NULL. */
static const char *spared_because(struct enforcer *e, const struct verdict *v)
{
	char why[GH_CIDR_STRLEN];

	if (gh_covers_protected(&v->scope, why, sizeof(why))) {
		e->stats.spared_protected++;
		return "loopback or an address of this host";
	}
	if (covers_proxy(e, &v->scope)) {
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

/* Write the block unless a longer one is already in force. */
static int write_block(struct enforcer *e, const struct verdict *v)
{
	struct block_spec spec = { .cidr = v->scope, .ttl_s = v->ttl_s,
				   .flags = GH_BLOCK_F_AUTO };
	uint64_t now = gh_boottime_ns(), until = now + v->ttl_s * 1000000000ULL;
	struct block_entry cur;
	int err;

	err = gate_maps_lock(e->maps);
	if (err)
		return err;
	if (!gate_block_get(e->maps, &spec.cidr, &cur) && block_entry_live(&cur, now) &&
	    (!cur.expires_ns || cur.expires_ns >= until)) {
		e->stats.already_blocked++;
		goto out;
	}
	err = gate_reason_id(e->maps, v->policy->name, &spec.reason);
	err = err ?: gate_block_add(e->maps, &spec, 1);
	if (!err)
		e->stats.blocks++;
out:
	gate_maps_unlock(e->maps);
	return err;
}

static void write_alert(struct enforcer *e, const struct verdict *v, const char *spared)
{
	struct verdict shown = *v;
	struct json_object *evidence = NULL;

	if (spared) {
		/* The engine owns its evidence: annotate a copy. */
		shown.block = false;
		if (v->evidence && json_object_deep_copy(v->evidence, &evidence, NULL))
			evidence = NULL;
		if (!evidence)
			evidence = json_object_new_object();
		json_object_object_add(evidence, "not_blocked", json_object_new_string(spared));
		shown.evidence = evidence;
	}
	alert_write(e->alerts, &shown);
	fflush(e->alerts);
	json_object_put(evidence);
	e->stats.alerts++;
}

void enforcer_verdict(const struct verdict *v, void *ctx)
{
	struct enforcer *e = ctx;
	const char *spared = NULL;

	if (v->block) {
		spared = spared_because(e, v);
		if (!spared && write_block(e, v)) {
			e->stats.block_errors++;
			spared = "the block map refused the entry";
		}
	}
	write_alert(e, v, spared);
}
