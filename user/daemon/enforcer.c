// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>

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
	if (e->gc_watching)
		gh_pin_watch_close(&e->gc_watch);
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

/* Whether a walk of the maps may find an entry ended (enforcer.h). */
static bool gc_due(struct enforcer *e, uint64_t now_ns)
{
	/* Drained first: a writer that comes after this look is seen by the next. */
	bool written = gh_pin_watch_drain(&e->gc_watch) || e->gc_written;

	return written || now_ns >= e->gc_next_expiry_ns ||
	       now_ns - e->gc_last_walk_ns >= GH_GC_SWEEP_S * 1000000000ULL;
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
	if (!e->gc_watching)
		gh_pin_watch_open(&e->gc_watch, e->maps->pin_dir, IN_OPEN);
	e->gc_watching = true;
	if (!gc_due(e, now_ns))
		return 0;
	err = gate_maps_lock(e->maps);
	if (err)
		return err;
	err = gate_gc(e->maps, now_ns, &gone, &removed, &e->gc_next_expiry_ns);
	gate_maps_unlock(e->maps);
	/* Our own lock opened the directory once; any other open was a writer's. */
	e->gc_written = gh_pin_watch_drain(&e->gc_watch) > 1;
	if (err)
		e->gc_next_expiry_ns = 0; /* walk again next time */
	e->gc_last_walk_ns = now_ns;
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

/* Why this block or throttle must not be written, or NULL; v's scope may be narrowed to its source. */
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

/*
 * The map is full: make room (counted; an evicted entry is named, and a
 * block that went is told like one that expired), then try again.
 */
static int add_evicting(struct enforcer *e, bool throttle, const struct throttle_spec *spec,
			uint64_t now, char *evicted, size_t len)
{
	const struct gate_gone gone = { .block = map_block_expired, .ctx = e };
	struct block_room room;
	int err = throttle ? gate_throttle_make_room(e->maps, spec, now, &room)
			   : gate_block_make_room(e->maps, &spec->base, now, &gone, &room);

	if (err)
		return err;
	e->stats.evicted_expired += room.expired;
	if (room.evicted) {
		e->stats.evicted_automatic++;
		gh_cidr_format(&room.victim.cidr, evicted, len);
		if (!throttle)
			map_block_gone(&room.victim, "evicted", e);
	}
	return entry_add(e, throttle, spec);
}

/*
 * Write a block or throttle (its reason id set from the reason text) unless
 * one of its kind as long is in force: 0 written, 1 left as it was, or a
 * negative errno.
 */
static int write_entry(struct enforcer *e, bool throttle, const struct throttle_spec *entry,
		       const char *reason, char *evicted, size_t len)
{
	struct throttle_spec spec = *entry;
	uint64_t now = gh_boottime_ns(), until = now + spec.base.ttl_s * 1000000000ULL;
	struct block_entry cur;
	int err;

	err = gate_maps_lock(e->maps);
	if (err)
		return err;
	if (!entry_get(e, throttle, &spec.base.cidr, &cur) && block_entry_live(&cur, now) &&
	    (!cur.expires_ns || cur.expires_ns >= until)) {
		err = 1;
		goto out;
	}
	err = gate_reason_id(e->maps, reason, &spec.base.reason);
	err = err ?: entry_add(e, throttle, &spec);
	if (err == -E2BIG)
		err = add_evicting(e, throttle, &spec, now, evicted, len);
out:
	gate_maps_unlock(e->maps);
	return err;
}

int enforcer_write(struct enforcer *e, const struct block_spec *block, const char *reason,
		   char *evicted, size_t len)
{
	const struct throttle_spec spec = { .base = *block };

	return write_entry(e, false, &spec, reason, evicted, len);
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

/*
 * A verdict's block or throttle, unless a longer one of its kind is already
 * in force: 1 written (or extended), 0 left as it was, or a negative errno.
 * Without the kernel a block is remembered for the hook instead, and a
 * throttle is -EOPNOTSUPP.
 */
static int write_verdict(struct enforcer *e, const struct verdict *v, char *evicted, size_t len)
{
	const struct throttle_spec spec = {
		.base = { .cidr = v->scope, .ttl_s = v->ttl_s, .flags = GH_BLOCK_F_AUTO },
		.limits = v->policy->action.limits,
	};
	int err;

	if (!e->maps && v->throttle)
		return -EOPNOTSUPP;
	if (!e->maps) {
		err = remember_block(e, v, gh_boottime_ns());
		e->stats.blocks += err > 0;
		return err;
	}
	err = write_entry(e, v->throttle, &spec, v->policy->name, evicted, len);
	if (err < 0)
		return err;
	if (err == 1) {
		if (v->throttle)
			e->stats.already_throttled++;
		else
			e->stats.already_blocked++;
		return 0;
	}
	if (v->throttle) {
		e->stats.throttles++;
		return 1;
	}
	e->stats.blocks++;
	/* The fleet hears of new and longer blocks only. */
	if (e->on_block)
		e->on_block(v, e->on_block_ctx);
	return 1;
}

/* evidence.not_blocked (not_throttled) when the verdict's entry could not be written. */
static const char *write_failure(const struct enforcer *e, const struct verdict *v, int err)
{
	if (v->throttle && err == -EOPNOTSUPP)
		return "no XDP gate to throttle in (run --no-kernel)";
	if (v->throttle)
		return err == -E2BIG ? "the throttle map is full of manual and longer throttles"
				     : "the throttle map refused the entry";
	if (err != -E2BIG)
		return "the block map refused the entry";
	return e->maps ? "the block map is full of manual and longer blocks"
		       : "the daemon remembers as many blocks as it may";
}

/*
 * The alert line. The engine owns its evidence: a copy is annotated with
 * not_blocked or not_throttled (spared: the copy's block or throttle is
 * cleared), or with the scope blocked and narrowed_from (the source alone
 * was blocked instead of the engine's prefix) and evicted (an entry that
 * made room in a full map).
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

	if (v.block || v.throttle) {
		spared = spared_because(e, &v);
		if (!spared && (written = write_verdict(e, &v, evicted, sizeof(evicted))) < 0) {
			e->stats.block_errors++;
			spared = write_failure(e, &v, written);
		}
		if (v.scope.prefixlen != verdict->scope.prefixlen)
			gh_cidr_format(&verdict->scope, wide, sizeof(wide));
	}
	/* --on-block runs for a block written, never a throttle (the hook would drop all). */
	write_alert(e, &v, spared, wide, evicted, written > 0 && v.block);
}
