// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The fleet on one host's side, without a server (the fleet's connection
 * retries in the background, as with the server down): decisions of other
 * hosts become entries of this host's gate maps marked fleet-learned, with
 * the time they have left; a repeat is a duplicate, never a second write; a
 * shorter one never shortens; loopback, --protect networks, allow-listed
 * addresses and --dry-run refuse them; an unblock removes fleet-learned
 * entries and keeps the operator's manual blocks; this host's own decisions
 * read back are not applied twice. Going out: a policy's block and the
 * operator's block (the control command) are queued, a fleet-learned one
 * never; the queue is bounded, overflow counted.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "base/host_addrs.h"
#include "daemon/fleet_apply.h"
#include "engine/policy.h"
#include "gate_fixture.h"
#include "tap.h"

#define NS 1000000000ULL
#define QUEUE_MAX 4

static struct gate_fixture g;
static struct policy scanner = { .name = "scanner", .severity = SEV_HIGH };

static int64_t now_s(void)
{
	return (int64_t)time(NULL);
}

static struct fleet_incoming decision(const char *origin, const char *cidr, int64_t ttl_s)
{
	struct fleet_incoming in = { .d = { .action = FLEET_BLOCK, .expires_at = now_s() + ttl_s } };

	snprintf(in.d.origin, sizeof(in.d.origin), "%s", origin);
	snprintf(in.d.policy, sizeof(in.d.policy), "scanner");
	if (gh_cidr_parse(cidr, &in.d.cidr))
		tap_diag("bad test CIDR %s", cidr);
	return in;
}

static struct fleet_incoming unblock(const char *origin, const char *cidr)
{
	struct fleet_incoming in = decision(origin, cidr, 0);

	in.d.action = FLEET_UNBLOCK;
	in.d.expires_at = 0;
	return in;
}

static bool entry_of(const char *cidr, struct block_entry *e)
{
	struct gh_cidr c;

	return !gh_cidr_parse(cidr, &c) && !gate_block_get(&g.maps, &c, e) &&
	       block_entry_live(e, gh_boottime_ns());
}

/* Expires ttl_s from now, give or take two seconds (whole seconds on the wire). */
static bool expires_in(const struct block_entry *e, uint64_t ttl_s)
{
	uint64_t want = gh_boottime_ns() + ttl_s * NS;

	return e->expires_ns && e->expires_ns + 2 * NS > want && e->expires_ns < want + 2 * NS;
}

static uint64_t stat_of(struct fleet_applier *a, const char *key)
{
	struct json_object *o = fleet_applier_stats_json(a), *v;
	uint64_t n = json_object_object_get_ex(o, key, &v) ? json_object_get_uint64(v) : 99999;

	json_object_put(o);
	return n;
}

static void test_applied(struct fleet_applier *a)
{
	struct fleet_incoming in = decision("host-a", "203.0.113.7", 600);
	struct block_entry e;
	char reason[GH_REASON_LEN] = "";

	fleet_apply(&in, a);
	ok(entry_of("203.0.113.7", &e), "another host's block is written here");
	ok(expires_in(&e, 600), "with the time it has left");
	ok((e.flags & GH_BLOCK_F_FLEET) && (e.flags & GH_BLOCK_F_AUTO),
	   "marked fleet-learned (and automatic: a full map may evict it)");
	gate_reason_text(&g.maps, e.reason, reason, sizeof(reason));
	ok_str(reason, "fleet:scanner", "its reason names the fleet and the policy");
	ok_eq(a->stats.applied, 1, "applied counted");
	ok_eq(stat_of(a, "queue"), 0, "a fleet-learned block is not published again");

	fleet_apply(&in, a);
	ok_eq(a->stats.applied, 1, "the same decision again (a catch-up) is not applied twice");
	ok_eq(a->stats.duplicates, 1, "it is a duplicate");
	in = decision("host-c", "203.0.113.7", 60);
	fleet_apply(&in, a);
	ok(entry_of("203.0.113.7", &e) && expires_in(&e, 600), "a shorter block never shortens");
	ok_eq(a->stats.duplicates, 2, "and counts as a duplicate");
	in = decision("host-c", "203.0.113.7", 3600);
	fleet_apply(&in, a);
	ok(entry_of("203.0.113.7", &e) && expires_in(&e, 3600), "a longer one lengthens it");
	ok_eq(a->stats.applied, 2, "applied counted");
}

static void test_spared(struct fleet_applier *a)
{
	struct fleet_incoming in = decision("host-a", "127.0.0.1", 600);
	struct gh_cidr allowed, protect;
	struct block_entry e;

	fleet_apply(&in, a);
	ok(!entry_of("127.0.0.1", &e), "loopback is never blocked by the fleet");
	in = decision("host-a", "0.0.0.0/0", 600);
	fleet_apply(&in, a);
	ok(!entry_of("0.0.0.0/0", &e), "nor a prefix over it");
	gh_cidr_parse("192.0.2.53", &protect);
	gh_protect_add(&protect);
	in = decision("host-a", "192.0.2.0/24", 600);
	fleet_apply(&in, a);
	ok(!entry_of("192.0.2.0/24", &e), "nor a prefix over a --protect address");
	ok_eq(a->stats.spared_protected, 3, "spared_protected counted");

	gh_cidr_parse("198.51.100.0/24", &allowed);
	gate_allow_add(&g.maps, &allowed);
	in = decision("host-a", "198.51.100.7", 600);
	fleet_apply(&in, a);
	ok(!entry_of("198.51.100.7", &e), "an allow-listed address is not blocked");
	ok_eq(a->stats.spared_allowed, 1, "spared_allowed counted");

	a->enforcer->dry_run = true;
	in = decision("host-a", "203.0.113.30", 600);
	fleet_apply(&in, a);
	ok(!entry_of("203.0.113.30", &e), "--dry-run writes no fleet block");
	ok_eq(a->stats.spared_dry_run, 1, "spared_dry_run counted");
	a->enforcer->dry_run = false;

	in = decision("host-a", "203.0.113.31", -5);
	fleet_apply(&in, a);
	ok(!entry_of("203.0.113.31", &e), "a decision expired by the time it is applied is not");
}

static void test_unblock(struct fleet_applier *a)
{
	struct fleet_incoming in = unblock("host-a", "203.0.113.7");
	struct block_spec manual = { .ttl_s = 600 };
	struct block_entry e;

	fleet_apply(&in, a);
	ok(!entry_of("203.0.113.7", &e), "an unblock removes the fleet-learned entry");
	ok_eq(a->stats.unblocked, 1, "unblocked counted");
	gh_cidr_parse("203.0.113.9", &manual.cidr);
	gate_block_add(&g.maps, &manual, 1);
	in = unblock("host-a", "203.0.113.9");
	fleet_apply(&in, a);
	ok(entry_of("203.0.113.9", &e), "a manual block of this host stays");
	ok_eq(a->stats.unblock_kept, 1, "unblock_kept counted");
}

static void test_own(struct fleet_applier *a)
{
	struct fleet_incoming in = decision("host-b", "203.0.113.20", 600);
	struct block_entry e;

	fleet_apply(&in, a);
	ok(entry_of("203.0.113.20", &e), "our own decision is written back when our entry is gone");
	fleet_apply(&in, a);
	ok_eq(a->stats.own, 1, "and read back again it is only counted as our own");
	in = unblock("host-b", "203.0.113.20");
	fleet_apply(&in, a);
	ok(entry_of("203.0.113.20", &e), "our own unblock read back changes nothing");
	ok_eq(a->stats.own, 2, "own counted");
}

static void test_lag(struct fleet_applier *a)
{
	struct fleet_incoming in = decision("host-a", "203.0.113.40", 600);

	in.d.decided_ms = (int64_t)(gh_clock_ns(CLOCK_REALTIME) / 1000000) - 250;
	fleet_apply(&in, a);
	ok(a->stats.lag_ms_last >= 250 && a->stats.lag_ms_last < 5000,
	   "the lag from the origin's decision is measured (%llu ms)",
	   (unsigned long long)a->stats.lag_ms_last);
	in = decision("host-a", "203.0.113.41", 600);
	in.d.decided_ms = 1000;
	in.catch_up = true;
	fleet_apply(&in, a);
	ok(a->stats.lag_ms_max < 5000, "a catch-up's old decision is left out of the lag");
}

static struct json_object *control(struct fleet_applier *a, const char *cmd)
{
	static struct json_object *last;

	json_object_put(last);
	last = fleet_control(a, cmd);
	return last;
}

static bool has(struct json_object *o, const char *key)
{
	return o && json_object_object_get_ex(o, key, NULL);
}

static void test_outgoing(struct fleet_applier *a, struct enforcer *enf)
{
	struct verdict v = { .policy = &scanner, .has_src = true, .block = true, .ttl_s = 600 };

	gh_addr_parse("203.0.113.50", &v.src);
	gh_cidr_parse("203.0.113.50", &v.scope);
	enforcer_verdict(&v, enf);
	ok_eq(stat_of(a, "queue"), 1, "a policy's block is queued for the fleet");
	v.ttl_s = 300;
	enforcer_verdict(&v, enf);
	ok_eq(stat_of(a, "queue"), 1, "a shorter one (a longer block in force) is not");

	ok(has(control(a, "fleet block 203.0.113.9"), "queued"), "the operator's block is queued");
	ok_eq(stat_of(a, "queue"), 2, "queue counted");
	ok(has(control(a, "fleet block 203.0.113.99"), "error"),
	   "a block not in the map is refused");
	ok(has(control(a, "fleet block 203.0.113.40"), "error"),
	   "a fleet-learned block is refused: it is not ours to publish");
	ok(has(control(a, "fleet block web-1"), "error"), "a CIDR is required");
	ok(has(control(a, "fleet unblock 203.0.113.9"), "queued"), "an unblock is queued");
	ok(!control(a, "stats"), "other commands are not the fleet's");
	for (int i = 0; i < 3; i++)
		control(a, "fleet unblock 203.0.113.60");
	ok_eq(stat_of(a, "queue"), QUEUE_MAX, "the queue stays at its size (%d)", QUEUE_MAX);
	ok_eq(stat_of(a, "queue_overflow"), 2, "the oldest decisions dropped are counted");
	ok_eq(stat_of(a, "published"), 0, "nothing published with no server");
	control(a, "stats");
}

int main(void)
{
	struct fleet_opts fo = { .url = "nats://127.0.0.1:1", .name = "host-b",
				 .queue_max = QUEUE_MAX };
	struct gh_err e = { 0 };
	struct fleet_applier a;
	struct enforcer enf;
	struct fleet *f;
	FILE *alerts = tmpfile();
	int err = gate_fixture_open(&g, 64, 0);

	if (err) {
		tap_skip("the gate's maps cannot be created (CAP_BPF needed)");
		tap_diag("setup: %s", strerror(-err));
		gate_fixture_close(&g);
		return tap_done();
	}
	f = fleet_start(&fo, &e);
	ok(f != NULL, "fleet mode starts with its server down (%s)", e.msg);
	if (!f)
		return tap_done();
	ok_str(fleet_name(f), "host-b", "under its --fleet-name");
	enforcer_init(&enf, &g.maps, alerts, false);
	fleet_applier_init(&a, f, &enf);
	test_applied(&a);
	test_spared(&a);
	test_unblock(&a);
	test_own(&a);
	test_lag(&a);
	test_outgoing(&a, &enf);
	fleet_stop(f);
	fclose(alerts);
	gate_fixture_close(&g);
	return tap_done();
}
