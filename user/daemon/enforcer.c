// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "engine/alert.h"
#include "base/clock.h"
#include "daemon/allow_files.h"
#include "daemon/enforcer.h"
#include "daemon/notify.h"
#include "base/host_addrs.h"

void enforcer_init(struct enforcer *e, struct gate_maps *maps, FILE *alerts, bool dry_run)
{
	memset(e, 0, sizeof(*e));
	e->maps = maps;
	e->alerts = alerts;
	e->dry_run = dry_run;
	e->memory.max = GH_DEFAULT_MAX_BLOCKS;
}

void enforcer_free(struct enforcer *e)
{
	block_memory_free(&e->memory);
}

/* A block ended: its line and --on-unblock. */
static void tell_unblock(struct enforcer *e, const struct hook_event *ev)
{
	e->stats.unblocks++;
	if (e->notify)
		notify_unblock(e->notify, ev);
}

/* A block entry the map lost (gate_gone, or the victim of a full map). */
static int map_block_gone(const struct block_view *v, const char *why, struct enforcer *e)
{
	char cidr[GH_CIDR_STRLEN], policy[GH_REASON_LEN];

	gh_cidr_format(&v->cidr, cidr, sizeof(cidr));
	if (gate_reason_text(e->maps, v->entry.reason, policy, sizeof(policy)))
		snprintf(policy, sizeof(policy), "#%u", v->entry.reason);
	tell_unblock(e, &(struct hook_event){ .action = "unblock", .cidr = cidr, .policy = policy,
					      .severity = "", .src_ip = "", .why = why });
	return 0;
}

static int map_block_expired(const struct block_view *v, void *ctx)
{
	return map_block_gone(v, "expired", ctx);
}

static void remembered_expired(const struct remembered_block *b, void *ctx)
{
	char cidr[GH_CIDR_STRLEN];

	gh_cidr_format(&b->cidr, cidr, sizeof(cidr));
	tell_unblock(ctx, &(struct hook_event){ .action = "unblock", .cidr = cidr,
						.policy = b->policy, .severity = b->severity,
						.src_ip = b->src_ip, .why = "expired" });
}

int enforcer_gc(struct enforcer *e, uint64_t now_ns)
{
	const struct gate_gone gone = { .block = map_block_expired, .ctx = e };
	size_t removed;
	int err;

	if (!e->maps) {
		block_memory_expire(&e->memory, now_ns, remembered_expired, e);
		return 0;
	}
	err = gate_maps_lock(e->maps);
	if (err)
		return err;
	err = gate_gc(e->maps, now_ns, &gone, &removed);
	gate_maps_unlock(e->maps);
	return err;
}

bool enforcer_covers_proxy(const struct enforcer *e, const struct gh_cidr *scope)
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
	    enforcer_covers_proxy(e, &host))
		return false;
	v->scope = host;
	e->stats.narrowed++;
	return true;
}

/* Why this block must not be written, or NULL; v's scope may be narrowed to its source. */
static const char *spared_because(struct enforcer *e, struct verdict *v)
{
	char why[GH_CIDR_STRLEN + 32];

	if (gh_covers_protected(&v->scope, why, sizeof(why)) && !narrow_to_source(e, v)) {
		e->stats.spared_protected++;
		snprintf(e->spared_why, sizeof(e->spared_why), "protected: %s", why);
		return e->spared_why;
	}
	if (enforcer_covers_proxy(e, &v->scope) && !narrow_to_source(e, v)) {
		e->stats.spared_protected++;
		return "a trusted proxy";
	}
	if ((e->allow_files && allow_files_cover(e->allow_files, &v->src)) ||
	    (e->maps && gate_allow_covers(e->maps, &v->src) > 0)) {
		e->stats.spared_allowed++;
		return "allow-listed";
	}
	if (e->dry_run) {
		e->stats.spared_dry_run++;
		return "dry-run";
	}
	return NULL;
}

/* The map is full: make room (counted; an evicted block is named), then try again. */
static int add_evicting(struct enforcer *e, const struct block_spec *spec, uint64_t now,
			char *evicted, size_t len)
{
	const struct gate_gone gone = { .block = map_block_expired, .ctx = e };
	struct block_room room;
	int err = gate_block_make_room(e->maps, spec, now, &gone, &room);

	if (err)
		return err;
	e->stats.evicted_expired += room.expired;
	if (room.evicted) {
		e->stats.evicted_automatic++;
		gh_cidr_format(&room.victim.cidr, evicted, len);
		map_block_gone(&room.victim, "evicted", e);
	}
	return gate_block_add(e->maps, spec, 1);
}

/* No kernel: the block is remembered, and the hook (notify) writes it. */
static int remember_block(struct enforcer *e, const struct verdict *v, uint64_t now)
{
	struct remembered_block b = { .cidr = v->scope,
				      .until_ns = v->ttl_s ? now + v->ttl_s * 1000000000ULL : 0 };
	int ret;

	snprintf(b.policy, sizeof(b.policy), "%s", v->policy->name);
	snprintf(b.severity, sizeof(b.severity), "%s", policy_severity_name(v->policy->severity));
	if (v->has_src)
		gh_addr_format(&v->src, b.src_ip, sizeof(b.src_ip));
	ret = block_memory_put(&e->memory, &b, now);
	if (!ret)
		e->stats.already_blocked++;
	return ret;
}

int enforcer_write(struct enforcer *e, const struct block_spec *block, const char *reason,
		   char *evicted, size_t len)
{
	struct block_spec spec = *block;
	uint64_t now = gh_boottime_ns(), until = now + spec.ttl_s * 1000000000ULL;
	struct block_entry cur;
	int err;

	err = gate_maps_lock(e->maps);
	if (err)
		return err;
	if (!gate_block_get(e->maps, &spec.cidr, &cur) && block_entry_live(&cur, now) &&
	    (!cur.expires_ns || cur.expires_ns >= until)) {
		err = 1;
		goto out;
	}
	err = gate_reason_id(e->maps, reason, &spec.reason);
	err = err ?: gate_block_add(e->maps, &spec, 1);
	if (err == -E2BIG)
		err = add_evicting(e, &spec, now, evicted, len);
out:
	gate_maps_unlock(e->maps);
	return err;
}

/*
 * A verdict's block, unless a longer one is already in force: 1 written (or
 * extended), 0 left as it was, or a negative errno. Without the kernel it is
 * remembered for the hook instead.
 */
static int write_block(struct enforcer *e, const struct verdict *v, char *evicted, size_t len)
{
	struct block_spec spec = { .cidr = v->scope, .ttl_s = v->ttl_s,
				   .flags = GH_BLOCK_F_AUTO };
	int err;

	if (!e->maps) {
		err = remember_block(e, v, gh_boottime_ns());
		e->stats.blocks += err > 0;
		return err;
	}
	err = enforcer_write(e, &spec, v->policy->name, evicted, len);
	if (err == 1) {
		e->stats.already_blocked++;
		return 0;
	}
	if (err < 0)
		return err;
	e->stats.blocks++;
	/* The fleet hears of new and longer blocks only. */
	if (e->on_block)
		e->on_block(v, e->on_block_ctx);
	return 1;
}

/*
 * The alert line. The engine owns its evidence: a copy is annotated with
 * not_blocked (spared: the copy's block is cleared), or with the scope
 * blocked and narrowed_from (the source alone was blocked instead of the
 * engine's prefix) and evicted (a block that made room in a full map).
 */
static void write_alert(struct enforcer *e, const struct verdict *v, const char *spared,
			const char *narrowed_from, const char *evicted, bool written)
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
			shown.block = false;
			json_object_object_add(evidence, "not_blocked", json_object_new_string(spared));
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
	if (e->alerts) {
		alert_write(e->alerts, &shown);
		fflush(e->alerts);
	}
	if (e->notify)
		notify_verdict(e->notify, &shown, written);
	json_object_put(evidence);
	e->stats.alerts++;
}

void enforcer_verdict(const struct verdict *verdict, void *ctx)
{
	struct enforcer *e = ctx;
	struct verdict v = *verdict;
	char evicted[GH_CIDR_STRLEN] = "", wide[GH_CIDR_STRLEN] = "";
	const char *spared = NULL;
	int written = 0;

	if (v.block) {
		spared = spared_because(e, &v);
		if (!spared && (written = write_block(e, &v, evicted, sizeof(evicted))) < 0) {
			e->stats.block_errors++;
			spared = written != -E2BIG     ? "the block map refused the entry"
				 : e->maps ? "the block map is full of manual and longer blocks"
					   : "the daemon remembers as many blocks as it may";
		}
		if (v.scope.prefixlen != verdict->scope.prefixlen)
			gh_cidr_format(&verdict->scope, wide, sizeof(wide));
	}
	write_alert(e, &v, spared, wide, evicted, written > 0);
}
