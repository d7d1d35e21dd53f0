// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The enforcer's throttle verdicts: the scope is throttled at the policy's
 * limits for the escalated ttl, never shortened, its bucket kept across a
 * refresh; loopback, this host, allow-listed sources and --dry-run are
 * spared exactly as for blocks (evidence.not_throttled says why); a full
 * throttle map gives up its expired entries, then the automatic throttle
 * ending soonest, never a manual one; gate_gc() removes expired throttles
 * and points the program away from maps it emptied, telling its gone-callback
 * of expired blocks only. A throttle never runs the fleet's on_block hook,
 * and without the kernel (--no-kernel) it is spared, not remembered as a
 * block.
 *
 * The maps are the gate's own, created from the skeleton (programs not
 * loaded, nothing pinned). Creating maps needs CAP_BPF: without it every
 * check is skipped.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "base/clock.h"
#include "daemon/enforcer.h"
#include "kernel/gate_maps_internal.h"
#include "tap.h"
#include "enforcer_fixture.h"

#define NS 1000000000ULL
#define SLACK_NS (5 * NS)
#define FULL_FMT "100.64.9.%d"

static struct gate_fixture gate;
static struct policy crawler = { .name = "crawler",
				 .action = { .throttle = true, .limits = { 10, 20, 0, 0 } } };
static FILE *alerts;

static int setup(void)
{
	return enforcer_fixture_open(&gate, (const char *const[]){ "throttle_host4", NULL }, &alerts);
}

static struct verdict throttle_verdict(const char *src, const char *scope, uint64_t ttl_s)
{
	struct verdict v = { .policy = &crawler, .has_src = true, .throttle = true,
			     .ttl_s = ttl_s };

	if (gh_addr_parse(src, &v.src) || gh_cidr_parse(scope, &v.scope))
		tap_diag("bad test address %s or scope %s", src, scope);
	return v;
}

static struct json_object *last_alert(void)
{
	return enforcer_fixture_last_alert(alerts);
}

/* A member by dotted path of the last alert, as text; NULL when absent. */
static const char *alert_at(struct json_object *a, const char *path)
{
	char key[64];
	const char *p = path, *dot;

	while ((dot = strchr(p, '.')) && a) {
		snprintf(key, sizeof(key), "%.*s", (int)(dot - p), p);
		if (!json_object_object_get_ex(a, key, &a))
			return NULL;
		p = dot + 1;
	}
	return a && json_object_object_get_ex(a, p, &a) ? json_object_get_string(a) : NULL;
}

/* The live throttle for exactly this prefix, or false. */
static bool throttle_of(const char *cidr, struct throttle_entry *e)
{
	struct gh_cidr c;

	return !gh_cidr_parse(cidr, &c) && !gate_throttle_get(&gate.maps, &c, e) &&
	       block_entry_live(&e->entry, gh_boottime_ns());
}

static bool expires_in(const struct block_entry *e, uint64_t ttl_s)
{
	uint64_t want = gh_boottime_ns() + ttl_s * NS;

	return e->expires_ns && e->expires_ns <= want && e->expires_ns + SLACK_NS > want;
}

static void test_written(struct enforcer *enf)
{
	struct verdict v = throttle_verdict("203.0.113.7", "203.0.113.7/32", 600);
	char reason[GH_REASON_LEN] = "";
	struct throttle_entry e;
	struct block_entry b;
	struct json_object *a;
	struct gh_cidr c;

	enforcer_verdict(&v, enf);
	ok(throttle_of("203.0.113.7/32", &e), "a throttle verdict writes a throttle entry");
	ok(e.conns.per_s == 10 && e.conns.burst == 20 && e.conns.interval_ns == NS / 10 &&
		   e.conns.burst_ns == 2 * NS && !e.packets.interval_ns,
	   "at the policy's limits: 10 conns/s, burst 20, no packet limit");
	ok(expires_in(&e.entry, 600) && (e.entry.flags & GH_BLOCK_F_AUTO) && e.entry.prefixlen == 32,
	   "for the verdict's ttl, marked automatic, the /32");
	gate_reason_text(&gate.maps, e.entry.reason, reason, sizeof(reason));
	ok_str(reason, "crawler", "its reason is the policy's name");
	gh_cidr_parse("203.0.113.7/32", &c);
	ok_eq(gate_block_get(&gate.maps, &c, &b), -ENOENT, "no block is written");
	ok(enf->stats.throttles == 1 && !enf->stats.blocks, "throttles counted, not blocks");
	a = last_alert();
	ok_str(alert_at(a, "action"), "throttle", "the alert says throttle");
	ok_str(alert_at(a, "ttl_s"), "600", "with its ttl");
	ok_str(alert_at(a, "evidence.not_throttled"), NULL, "and nothing spared");
	json_object_put(a);
}

/* Never shortened; lengthened with its bucket and counters as the program left them. */
static void test_never_shorter(struct enforcer *enf)
{
	struct verdict shorter = throttle_verdict("203.0.113.7", "203.0.113.7/32", 60);
	struct verdict longer = throttle_verdict("203.0.113.7", "203.0.113.7/32", 3600);
	struct throttle_entry before, after;
	struct map_slot s;
	struct gh_cidr c;

	gh_cidr_parse("203.0.113.7/32", &c);
	gate_slot_for(&gate.maps, &c, GATE_THROTTLES, &s);
	throttle_of("203.0.113.7/32", &before);
	before.conns.tat_ns = gh_boottime_ns() + NS; /* as if 10 tokens were spent */
	before.conns.passed = 10;
	before.entry.hits = 7;
	bpf_map_update_elem(s.fd, s.key, &before, BPF_EXIST);
	enforcer_verdict(&shorter, enf);
	ok(throttle_of("203.0.113.7/32", &after) && !memcmp(&before, &after, sizeof(after)),
	   "a shorter ttl leaves the throttle as it was");
	ok_eq(enf->stats.already_throttled, 1, "already_throttled counted");
	enforcer_verdict(&longer, enf);
	ok(throttle_of("203.0.113.7/32", &after) && expires_in(&after.entry, 3600),
	   "an escalated ttl lengthens it");
	ok(after.conns.tat_ns == before.conns.tat_ns && after.conns.passed == 10 &&
		   after.entry.hits == 7 && after.entry.created_ns == before.entry.created_ns,
	   "keeping its tokens, counters and creation time");
	ok_eq(enf->stats.throttles, 2, "the lengthening counts as a throttle");
}

/* Spared as a block would be: no entry, "alert", and why in evidence.not_throttled. */
static void check_spared(struct enforcer *enf, struct verdict v, const char *why,
			 const char *what)
{
	char scope[GH_CIDR_STRLEN];
	struct throttle_entry e;
	struct json_object *a;

	enforcer_verdict(&v, enf);
	gh_cidr_format(&v.scope, scope, sizeof(scope));
	ok(!throttle_of(scope, &e), "%s: %s is not throttled", what, scope);
	a = last_alert();
	ok_str(alert_at(a, "action"), "alert", "%s: the alert says alert", what);
	ok_str(alert_at(a, "evidence.not_throttled"), why, "%s: and why", what);
	json_object_put(a);
}

static void test_spared(struct enforcer *enf)
{
	struct verdict wide = throttle_verdict("100.64.0.1", "0.0.0.0/1", 600);
	struct enforcer dry;
	struct throttle_entry e;
	struct gh_cidr allow;

	check_spared(enf, throttle_verdict("127.0.0.9", "127.0.0.9/32", 600),
		     "protected: loopback 127.0.0.0/8", "loopback");
	gh_cidr_parse("198.18.0.0/24", &allow);
	gate_allow_add(&gate.maps, &allow);
	check_spared(enf, throttle_verdict("198.18.0.5", "198.18.0.5/32", 600), "allow-listed",
		     "an allow-listed source");
	enforcer_init(&dry, &gate.maps, alerts, true);
	check_spared(&dry, throttle_verdict("203.0.113.50", "203.0.113.50/32", 600), "dry-run",
		     "--dry-run");
	ok(enf->stats.spared_protected == 1 && enf->stats.spared_allowed == 1 &&
		   dry.stats.spared_dry_run == 1,
	   "spared_protected, spared_allowed and spared_dry_run counted");
	enforcer_verdict(&wide, enf);
	ok(throttle_of("100.64.0.1/32", &e) && !throttle_of("0.0.0.0/1", &e),
	   "a scope over loopback throttles the source alone");
}

static int add_throttles(int first, int n, uint64_t ttl_s, uint32_t flags)
{
	struct throttle_spec s = { .base = { .ttl_s = ttl_s, .flags = flags },
				   .limits = { 1, 1, 0, 0 } };
	char cidr[GH_CIDR_STRLEN];
	int err = 0;

	for (int i = first; i < first + n && !err; i++) {
		snprintf(cidr, sizeof(cidr), FULL_FMT, i);
		err = gh_cidr_parse(cidr, &s.base.cidr) ?: gate_throttle_add(&gate.maps, &s);
	}
	return err;
}

static void del_throttles(int first, int n)
{
	char cidr[GH_CIDR_STRLEN];
	struct gh_cidr c;

	for (int i = first; i < first + n; i++) {
		snprintf(cidr, sizeof(cidr), FULL_FMT, i);
		gh_cidr_parse(cidr, &c);
		gate_throttle_del(&gate.maps, &c);
	}
}

/* Empty the IPv4 host map but for FULL_FMT entries. */
static void clear_host4(void)
{
	static const char *const written[] = { "203.0.113.7/32", "100.64.0.1/32" };
	struct gh_cidr c;

	for (size_t i = 0; i < sizeof(written) / sizeof(written[0]); i++)
		if (!gh_cidr_parse(written[i], &c))
			gate_throttle_del(&gate.maps, &c);
}

static void test_full_map(struct enforcer *enf)
{
	struct verdict v = throttle_verdict("100.64.9.200", "100.64.9.200/32", 7200);
	struct enforcer_stats before;
	struct throttle_entry e;
	struct json_object *a;

	clear_host4();
	ok_eq(add_throttles(0, GH_MIN_MAX_BLOCKS, 0, 0), 0, "%d manual throttles fill the map",
	      GH_MIN_MAX_BLOCKS);
	before = enf->stats;
	enforcer_verdict(&v, enf);
	a = last_alert();
	ok(!throttle_of("100.64.9.200/32", &e) && enf->stats.block_errors == before.block_errors + 1,
	   "full of manual throttles: the verdict is not written, counted");
	ok_str(alert_at(a, "evidence.not_throttled"),
	       "the throttle map is full of manual and longer throttles", "the alert says why");
	json_object_put(a);

	del_throttles(0, GH_MIN_MAX_BLOCKS);
	ok_eq(add_throttles(0, GH_MIN_MAX_BLOCKS, 3600, GH_BLOCK_F_AUTO), 0,
	      "%d automatic 1 h throttles fill it", GH_MIN_MAX_BLOCKS);
	ok_eq(add_throttles(3, 1, 600, GH_BLOCK_F_AUTO), 0, "one of them ends in 10 min");
	enforcer_verdict(&v, enf);
	a = last_alert();
	ok(throttle_of("100.64.9.200/32", &e) && !throttle_of("100.64.9.3/32", &e),
	   "a 2 h throttle takes the place of the one ending soonest");
	ok_str(alert_at(a, "evidence.evicted"), "100.64.9.3", "evidence.evicted names it");
	ok_eq(enf->stats.evicted_automatic, before.evicted_automatic + 1, "evicted_automatic counted");
	json_object_put(a);
}

static int count_gone(const struct block_view *v, void *ctx)
{
	(void)v;
	(*(int *)ctx)++;
	return 0;
}

/* One expired automatic block at cidr, for gate_gc to tell of. */
static int add_expired_block(const char *cidr)
{
	struct block_spec b = { .ttl_s = 600, .flags = GH_BLOCK_F_AUTO };
	struct block_entry e;
	struct map_slot s;

	if (gh_cidr_parse(cidr, &b.cidr) || gate_block_add(&gate.maps, &b, 1) ||
	    gate_block_get(&gate.maps, &b.cidr, &e))
		return -EINVAL;
	e.expires_ns = gh_boottime_ns() - 1;
	gate_slot_for(&gate.maps, &b.cidr, GATE_BLOCKS, &s);
	return bpf_map_update_elem(s.fd, s.key, &e, BPF_EXIST) ? -errno : 0;
}

/*
 * gate_gc() removes expired throttles and clears the program's flag of an
 * emptied map; its gone-callback hears of the expired block, not of them.
 */
static void test_gc(void)
{
	struct throttle_entry e;
	struct map_slot s;
	struct gh_cidr c;
	size_t removed = 0;
	uint64_t next;
	uint32_t zero = 0;
	struct gate_config cfg;
	int n = 0, told = 0, err = 0;
	const struct gate_gone gone = { .block = count_gone, .ctx = &told };

	for (int i = 0; i < 256 && !err; i++) {
		char cidr[GH_CIDR_STRLEN];

		snprintf(cidr, sizeof(cidr), FULL_FMT, i);
		if (gh_cidr_parse(cidr, &c) || gate_throttle_get(&gate.maps, &c, &e))
			continue;
		e.entry.expires_ns = gh_boottime_ns() - 1;
		gate_slot_for(&gate.maps, &c, GATE_THROTTLES, &s);
		err = bpf_map_update_elem(s.fd, s.key, &e, BPF_EXIST);
		n++;
	}
	ok(!err && n == GH_MIN_MAX_BLOCKS, "every IPv4 host throttle expired (%d)", n);
	ok_eq(add_expired_block("198.51.100.9/32"), 0, "and one block");
	err = gate_maps_lock(&gate.maps) ?: gate_gc(&gate.maps, gh_boottime_ns(), &gone, &removed, &next);
	gate_maps_unlock(&gate.maps);
	ok(!err && removed == (size_t)n + 1, "gate_gc removed them all (%zu)", removed);
	ok_eq(told, 1, "telling of the block only: a throttle's end is no unblock");
	ok(!bpf_map_lookup_elem(gate.maps.config, &zero, &cfg) && !(cfg.flags & GH_GATE_F_THROTTLE4),
	   "and the program no longer looks in the IPv4 throttle maps");
}

static int blocks_shared;

static void count_shared(const struct verdict *v, void *ctx)
{
	(void)v;
	(void)ctx;
	blocks_shared++;
}

/* The fleet hears of a policy's new blocks (on_block), never of its throttles. */
static void test_fleet_hook(struct enforcer *enf)
{
	static struct policy blocker = { .name = "blocker", .action = { .block = true } };
	struct verdict t = throttle_verdict("203.0.113.80", "203.0.113.80/32", 600);
	struct verdict b = { .policy = &blocker, .has_src = true, .block = true, .ttl_s = 600 };
	struct block_entry e;

	gh_addr_parse("203.0.113.81", &b.src);
	gh_cidr_parse("203.0.113.81/32", &b.scope);
	enf->on_block = count_shared;
	enforcer_verdict(&t, enf);
	ok_eq(blocks_shared, 0, "a throttle written: on_block is not called");
	enforcer_verdict(&b, enf);
	ok(!gate_block_get(&gate.maps, &b.scope, &e) && blocks_shared == 1,
	   "a block written: on_block is called once");
	enf->on_block = NULL;
}

/* --no-kernel: a throttle has nowhere to go; it is neither remembered nor handed to a hook. */
static void test_no_kernel(void)
{
	struct verdict v = throttle_verdict("203.0.113.90", "203.0.113.90/32", 600);
	struct enforcer nk;
	struct json_object *a;

	enforcer_init(&nk, NULL, alerts, false);
	enforcer_verdict(&v, &nk);
	a = last_alert();
	ok_str(alert_at(a, "action"), "alert", "no kernel: the throttle's alert says alert");
	ok_str(alert_at(a, "evidence.not_throttled"), "no XDP gate to throttle in (run --no-kernel)",
	       "and why");
	ok(!nk.memory.n && !nk.stats.throttles && !nk.stats.blocks && nk.stats.block_errors == 1,
	   "nothing remembered as a block; counted as a refused entry");
	json_object_put(a);
	enforcer_free(&nk);
}

/* Whether the block map holds an entry for cidr, expired or not. */
static bool block_present(const char *cidr)
{
	struct block_entry e;
	struct map_slot s;
	struct gh_cidr c;

	if (gh_cidr_parse(cidr, &c))
		return false;
	gate_slot_for(&gate.maps, &c, GATE_BLOCKS, &s);
	return !bpf_map_lookup_elem(s.fd, s.key, &e);
}

/*
 * enforcer_gc walks the maps only when an entry may have ended: at its first
 * call; then when the soonest expiry the last walk saw is past, after a
 * writer took the pin-dir lock, or GH_GC_SWEEP_S on. An entry made to expire
 * behind its back (add_expired_block takes no lock) shows which. Times far
 * ahead (B) so that every entry of the tests before has ended by then.
 */
static void test_gc_when_due(void)
{
	const uint64_t B = gh_boottime_ns() + 1000000ULL * NS;
	struct block_spec far = { .ttl_s = 2000000, .flags = GH_BLOCK_F_AUTO };
	struct block_entry e40 = { 0 };
	struct enforcer enf;
	int err;

	enforcer_init(&enf, &gate.maps, alerts, false);
	err = enforcer_gc(&enf, B) ?: gh_cidr_parse("198.51.100.40/32", &far.cidr) ? -EINVAL : 0;
	err = err ?: gate_maps_lock(&gate.maps) ?: gate_block_add(&gate.maps, &far, 1) ?:
	      gate_block_get(&gate.maps, &far.cidr, &e40);
	gate_maps_unlock(&gate.maps);
	err = err ?: enforcer_gc(&enf, B + 1);
	ok(!err && e40.expires_ns && enf.gc_next_expiry_ns == e40.expires_ns,
	   "gc: after a writer's lock it walks, and keeps the soonest expiry in force");
	err = add_expired_block("198.51.100.41/32") ?: enforcer_gc(&enf, B + 2);
	ok(!err && block_present("198.51.100.41/32"),
	   "gc: no lock taken, nothing due: no walk, the entry expired behind its back stays");
	err = gate_maps_lock(&gate.maps);
	gate_maps_unlock(&gate.maps);
	err = err ?: enforcer_gc(&enf, B + 3);
	ok(!err && !block_present("198.51.100.41/32"), "gc: a writer's lock makes the next call walk");
	err = add_expired_block("198.51.100.42/32") ?: enforcer_gc(&enf, B + 4);
	ok(!err && block_present("198.51.100.42/32"), "gc: and only the next one");
	err = enforcer_gc(&enf, e40.expires_ns);
	ok(!err && !block_present("198.51.100.40/32") && !block_present("198.51.100.42/32"),
	   "gc: the soonest expiry reached, it walks: that entry and the other expired go");
	err = add_expired_block("198.51.100.43/32") ?: enforcer_gc(&enf, e40.expires_ns + 1);
	ok(!err && enf.gc_next_expiry_ns == UINT64_MAX && block_present("198.51.100.43/32"),
	   "gc: with nothing left to expire, no walk");
	err = enforcer_gc(&enf, e40.expires_ns + GH_GC_SWEEP_S * NS);
	ok(!err && !block_present("198.51.100.43/32"), "gc: but one every GH_GC_SWEEP_S");
	enforcer_free(&enf);
}

int main(void)
{
	struct enforcer enf;
	int err = setup();

	if (err)
		return enforcer_fixture_skip(&gate, err);
	enforcer_init(&enf, &gate.maps, alerts, false);
	test_written(&enf);
	test_never_shorter(&enf);
	test_spared(&enf);
	test_full_map(&enf);
	test_gc();
	test_gc_when_due();
	test_fleet_hook(&enf);
	test_no_kernel();
	fclose(alerts);
	gate_maps_close(&gate.maps);
	gate_fixture_close(&gate);
	return tap_done();
}
