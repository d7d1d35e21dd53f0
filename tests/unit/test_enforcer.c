// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The enforcer between the engine's verdicts and the gate's maps: a block
 * verdict writes its scope (not only the source) with the policy as reason
 * and the escalated ttl; it never shortens a block in force and lengthens a
 * shorter one; loopback, this host's addresses, its gateways and resolvers,
 * --protect networks, allow-listed sources and --dry-run are spared, and the
 * alert says why; a full map gives up its expired entries, then the
 * automatic block ending soonest, never a manual one (else an alert).
 *
 * The maps are the gate's own, created from the skeleton (programs not
 * loaded, nothing pinned: they go away with the process), so entries are
 * checked where the XDP program would read them. Creating maps needs
 * CAP_BPF: without it every check is skipped.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <bpf/libbpf.h>

#include "base/clock.h"
#include "base/host_addrs.h"
#include "daemon/enforcer.h"
#include "tap.h"
#include "enforcer_fixture.h"

#define NS 1000000000ULL
#define SLACK_NS (5 * NS) /* between the enforcer's clock read and ours */
#define SPARED_LOOPBACK4 "protected: loopback 127.0.0.0/8"

static struct gate_fixture gate;
static struct policy scanner = { .name = "scanner" };
static FILE *alerts;

static int setup(void)
{
	return enforcer_fixture_open(&gate, (const char *const[]){ "block_host6", "block_net6", NULL }, &alerts);
}

static struct verdict block_verdict(const char *src, const char *scope, uint64_t ttl_s)
{
	struct verdict v = { .policy = &scanner, .has_src = true, .block = true, .ttl_s = ttl_s };

	if (gh_addr_parse(src, &v.src) || gh_cidr_parse(scope, &v.scope))
		tap_diag("bad test address %s or scope %s", src, scope);
	return v;
}

static struct json_object *last_alert(void)
{
	return enforcer_fixture_last_alert(alerts);
}

static const char *alert_field(struct json_object *a, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(a, key, &v) ? json_object_get_string(v) : NULL;
}

static const char *not_blocked(struct json_object *a)
{
	struct json_object *ev;

	if (!json_object_object_get_ex(a, "evidence", &ev))
		return NULL;
	return alert_field(ev, "not_blocked");
}

/* The live entry for exactly this prefix, or ok=false. */
static bool entry_of(const char *cidr, struct block_entry *e)
{
	struct gh_cidr c;

	return !gh_cidr_parse(cidr, &c) && !gate_block_get(&gate.maps, &c, e) &&
	       block_entry_live(e, gh_boottime_ns());
}

static bool expires_in(const struct block_entry *e, uint64_t ttl_s)
{
	uint64_t want = gh_boottime_ns() + ttl_s * NS;

	return e->expires_ns && e->expires_ns <= want && e->expires_ns + SLACK_NS > want;
}

static void test_block_written(struct enforcer *enf)
{
	struct verdict v = block_verdict("203.0.113.7", "203.0.113.7/32", 600);
	struct block_entry e;
	struct json_object *a;
	char reason[GH_REASON_LEN] = "";

	enforcer_verdict(&v, enf);
	ok(entry_of("203.0.113.7/32", &e), "a block verdict writes the entry");
	ok(expires_in(&e, 600), "it expires after the verdict's ttl");
	ok(e.flags & GH_BLOCK_F_AUTO, "it is marked automatic");
	gate_reason_text(&gate.maps, e.reason, reason, sizeof(reason));
	ok_str(reason, "scanner", "its reason is the policy's name");
	ok_eq(enf->stats.blocks, 1, "blocks counted");
	a = last_alert();
	ok_str(alert_field(a, "action"), "block", "the alert says block");
	ok_str(not_blocked(a), NULL, "and nothing about sparing");
	json_object_put(a);
}

/* A repeat offender's escalated ttl lengthens the block, a shorter one never shortens it. */
static void test_never_shorter(struct enforcer *enf)
{
	struct verdict shorter = block_verdict("203.0.113.7", "203.0.113.7/32", 60);
	struct verdict longer = block_verdict("203.0.113.7", "203.0.113.7/32", 3600);
	struct block_entry before, after;

	entry_of("203.0.113.7/32", &before);
	enforcer_verdict(&shorter, enf);
	ok(entry_of("203.0.113.7/32", &after) && after.expires_ns == before.expires_ns,
	   "a shorter ttl leaves the block's expiry as it was");
	ok_eq(enf->stats.already_blocked, 1, "already_blocked counted");
	enforcer_verdict(&longer, enf);
	ok(entry_of("203.0.113.7/32", &after) && expires_in(&after, 3600),
	   "an escalated ttl lengthens the block");
	ok_eq(after.created_ns, before.created_ns, "and keeps its creation time");
	ok_eq(enf->stats.blocks, 2, "the lengthening counts as a block");
}

/* A manual block without expiry stays as the operator wrote it. */
static void test_permanent_kept(struct enforcer *enf)
{
	struct block_spec manual = { .ttl_s = 0 };
	struct verdict v = block_verdict("203.0.113.9", "203.0.113.9/32", 600);
	struct block_entry e;

	gh_cidr_parse("203.0.113.9/32", &manual.cidr);
	ok_eq(gate_block_add(&gate.maps, &manual, 1), 0, "a manual block without expiry");
	enforcer_verdict(&v, enf);
	ok(entry_of("203.0.113.9/32", &e) && !e.expires_ns && !(e.flags & GH_BLOCK_F_AUTO),
	   "a verdict leaves it permanent and manual");
	ok_eq(enf->stats.already_blocked, 2, "already_blocked counted");
}

/* An expired entry is not in force: the verdict writes a fresh one. */
static void test_expired_replaced(struct enforcer *enf)
{
	struct block_spec old = { .ttl_s = 1 };
	struct verdict v = block_verdict("203.0.113.10", "203.0.113.10/32", 600);
	struct timespec pause = { 1, 100000000L };
	struct block_entry e;

	gh_cidr_parse("203.0.113.10/32", &old.cidr);
	gate_block_add(&gate.maps, &old, 1);
	nanosleep(&pause, NULL);
	enforcer_verdict(&v, enf);
	ok(entry_of("203.0.113.10/32", &e) && expires_in(&e, 600),
	   "an expired block is replaced with the verdict's ttl");
}

/* The scope is what gets blocked: the source's /24, not the source. */
static void test_scope(struct enforcer *enf)
{
	struct verdict v = block_verdict("198.51.100.23", "198.51.100.0/24", 600);
	struct block_entry e;

	enforcer_verdict(&v, enf);
	ok(entry_of("198.51.100.0/24", &e) && e.prefixlen == 24, "the /24 scope is blocked");
	ok(!entry_of("198.51.100.23/32", &e), "the source's own /32 is not written");

	v = block_verdict("2001:db8:5::1", "2001:db8:5::/48", 600);
	enforcer_verdict(&v, enf);
	ok(entry_of("2001:db8:5::/48", &e) && e.prefixlen == 48, "an IPv6 /48 scope is blocked");
}

/* Spared: no entry, and the alert says "alert" and why. */
static void check_spared(struct enforcer *enf, const struct verdict *v, const char *why,
			 const char *what)
{
	char scope[GH_CIDR_STRLEN];
	struct block_entry e;
	struct json_object *a;

	enforcer_verdict(v, enf);
	gh_cidr_format(&v->scope, scope, sizeof(scope));
	ok(!entry_of(scope, &e), "%s: %s is not blocked", what, scope);
	a = last_alert();
	ok_str(alert_field(a, "action"), "alert", "%s: the alert says alert", what);
	ok_str(not_blocked(a), why, "%s: and why", what);
	json_object_put(a);
}

/*
 * A prefix over a protected address whose source is not protected: the
 * source alone is blocked, the alert says so, the prefix is not written.
 */
static void check_narrowed(struct enforcer *enf, const struct verdict *v, const char *what)
{
	char scope[GH_CIDR_STRLEN], host[GH_CIDR_STRLEN];
	struct gh_cidr h = { .addr = v->src, .prefixlen = gh_addr_bits(&v->src) };
	uint64_t before = enf->stats.narrowed;
	struct json_object *a, *ev;
	struct block_entry e;

	enforcer_verdict(v, enf);
	gh_cidr_format(&v->scope, scope, sizeof(scope));
	gh_cidr_format(&h, host, sizeof(host));
	ok(!entry_of(scope, &e), "%s: %s is not blocked", what, scope);
	ok(entry_of(host, &e) && e.prefixlen == h.prefixlen, "%s: its source %s is", what, host);
	a = last_alert();
	ok_str(alert_field(a, "action"), "block", "%s: the alert says block", what);
	ok(json_object_object_get_ex(a, "evidence", &ev) &&
	   !strcmp(json_object_get_string(json_object_object_get(ev, "scope")), host) &&
	   !strcmp(json_object_get_string(json_object_object_get(ev, "narrowed_from")), scope),
	   "%s: its evidence names the scope blocked and the one narrowed from", what);
	ok_eq(enf->stats.narrowed, before + 1, "%s: narrowed counted", what);
	json_object_put(a);
}

/* The first address of family af of this host other than loopback, or false. */
static bool own_address(int af, char *buf, size_t len)
{
	struct ifaddrs *list, *i;
	bool found = false;

	if (getifaddrs(&list))
		return false;
	for (i = list; i && !found; i = i->ifa_next) {
		struct sockaddr_in *sin = (struct sockaddr_in *)i->ifa_addr;
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)i->ifa_addr;

		if (!sin || sin->sin_family != af ||
		    (af == AF_INET && ntohl(sin->sin_addr.s_addr) >> 24 == 127) ||
		    (af == AF_INET6 && IN6_IS_ADDR_LOOPBACK(&sin6->sin6_addr)))
			continue;
		found = inet_ntop(af, af == AF_INET ? (void *)&sin->sin_addr : &sin6->sin6_addr,
				  buf, (socklen_t)len) != NULL;
	}
	freeifaddrs(list);
	return found;
}

static void test_protected(struct enforcer *enf)
{
	struct verdict v = block_verdict("127.0.0.9", "127.0.0.9/32", 600);
	char own[INET_ADDRSTRLEN], own_scope[INET_ADDRSTRLEN + 3];

	char why[INET_ADDRSTRLEN + 48];

	check_spared(enf, &v, SPARED_LOOPBACK4, "loopback");
	v = block_verdict("::1", "::1/128", 600);
	check_spared(enf, &v, "protected: loopback ::1", "IPv6 loopback");
	/* The source is not protected, but its scope covers loopback: the source alone. */
	v = block_verdict("100.64.0.1", "0.0.0.0/1", 600);
	check_narrowed(enf, &v, "a scope over loopback");
	if (own_address(AF_INET, own, sizeof(own))) {
		snprintf(own_scope, sizeof(own_scope), "%s/32", own);
		snprintf(why, sizeof(why), "protected: this host's address %s", own);
		v = block_verdict(own, own_scope, 600);
		check_spared(enf, &v, why, "this host's address");
	} else {
		tap_skip("no IPv4 address besides loopback");
	}
	ok_eq(enf->stats.spared_protected, 3, "spared_protected counted");
}

static void test_allowed(struct enforcer *enf)
{
	struct verdict v = block_verdict("198.18.0.5", "198.18.0.5/32", 600);
	struct gh_cidr allow;

	gh_cidr_parse("198.18.0.0/24", &allow);
	ok_eq(gate_allow_add(&gate.maps, &allow), 0, "198.18.0.0/24 allow-listed");
	check_spared(enf, &v, "allow-listed", "an allow-listed source");
	ok_eq(enf->stats.spared_allowed, 1, "spared_allowed counted");
}

static void test_trusted_proxy(struct enforcer *enf)
{
	struct trusted_proxies tp = { 0 };
	struct verdict v = block_verdict("198.19.4.4", "198.19.4.4/32", 600);
	uint64_t before = enf->stats.spared_protected;

	trusted_proxies_add(&tp, "198.19.4.0/24", NULL);
	enf->proxies = &tp;
	check_spared(enf, &v, "a trusted proxy", "a trusted proxy itself");
	v = block_verdict("198.19.5.9", "198.19.0.0/16", 600);
	check_narrowed(enf, &v, "a scope that covers a trusted proxy");
	ok_eq(enf->stats.spared_protected, before + 1, "counted as spared_protected");
	enf->proxies = NULL;
}

static void test_dry_run(void)
{
	struct verdict v = block_verdict("203.0.113.50", "203.0.113.50/32", 600);
	struct enforcer dry;

	enforcer_init(&dry, &gate.maps, alerts, true);
	check_spared(&dry, &v, "dry-run", "--dry-run");
	v = block_verdict("127.0.0.1", "127.0.0.1/32", 600);
	check_spared(&dry, &v, SPARED_LOOPBACK4, "--dry-run over loopback");
	ok(dry.stats.spared_dry_run == 1 && dry.stats.spared_protected == 1 && !dry.stats.blocks,
	   "dry run: one spared for the dry run, one as protected, no block");
}

/* Sparing annotates a copy of the evidence: the engine's stays as it was. */
static void test_evidence_copy(struct enforcer *enf)
{
	struct verdict v = block_verdict("127.0.0.2", "127.0.0.2/32", 600);
	struct json_object *ev = json_object_new_object(), *a, *shown;

	json_object_object_add(ev, "hits", json_object_new_int(7));
	v.evidence = ev;
	enforcer_verdict(&v, enf);
	a = last_alert();
	ok(json_object_object_get_ex(a, "evidence", &shown) &&
	   json_object_get_int(json_object_object_get(shown, "hits")) == 7,
	   "the alert keeps the engine's evidence");
	ok_str(not_blocked(a), SPARED_LOOPBACK4, "and adds why it was not blocked");
	ok(!json_object_object_get_ex(ev, "not_blocked", NULL), "the engine's object is untouched");
	json_object_put(a);
	json_object_put(ev);
}

static void test_alert_only(struct enforcer *enf)
{
	struct verdict v = block_verdict("203.0.113.60", "203.0.113.60/32", 0);
	struct enforcer_stats before = enf->stats;
	struct block_entry e;
	struct json_object *a;

	v.block = false;
	enforcer_verdict(&v, enf);
	a = last_alert();
	ok(!entry_of("203.0.113.60/32", &e), "an alert verdict writes no entry");
	ok_str(alert_field(a, "action"), "alert", "the alert says alert");
	ok_str(not_blocked(a), NULL, "with nothing spared");
	ok(enf->stats.alerts == before.alerts + 1 && enf->stats.blocks == before.blocks &&
	   enf->stats.block_errors == before.block_errors,
	   "only alerts counted");
	json_object_put(a);
}

/*
 * IPv6 blocks a /64 by default (issue 15, finding 5), as IPv4 may a /24:
 * one over this host's own address or a trusted proxy blocks the source
 * alone; one over an allow-listed address is written, and the allow list,
 * checked first by the XDP program, keeps that address passing.
 */
static void test_v6_scope(struct enforcer *enf)
{
	static const char *const v6_written[] = { "::5/128", "2001:db8:90::66/128",
						  "2001:db8:91::/64" };
	char narrowed_own[INET6_ADDRSTRLEN + 64] = "";
	struct verdict v = block_verdict("::5", "::/64", 600);
	struct trusted_proxies tp = { 0 };
	char own[INET6_ADDRSTRLEN], src[INET6_ADDRSTRLEN + 8], scope[INET6_ADDRSTRLEN + 8];
	struct gh_cidr allow, c;
	struct block_entry e;

	check_narrowed(enf, &v, "a /64 over IPv6 loopback");
	if (own_address(AF_INET6, own, sizeof(own))) {
		/* Another address of the host's own /64 (its last bits flipped). */
		gh_cidr_parse(own, &c);
		c.addr.bytes[15] ^= 0x5a;
		gh_addr_format(&c.addr, src, sizeof(src));
		c.prefixlen = 64;
		gh_addr_mask(&c.addr, 64);
		gh_cidr_format(&c, scope, sizeof(scope));
		v = block_verdict(src, scope, 600);
		check_narrowed(enf, &v, "a /64 over this host's IPv6 address");
		snprintf(narrowed_own, sizeof(narrowed_own), "%s/128", src);
	} else {
		tap_skip("no IPv6 address besides loopback");
	}

	trusted_proxies_add(&tp, "2001:db8:90::443", NULL);
	enf->proxies = &tp;
	v = block_verdict("2001:db8:90::66", "2001:db8:90::/64", 600);
	check_narrowed(enf, &v, "a /64 over a trusted proxy");
	enf->proxies = NULL;

	gh_cidr_parse("2001:db8:91::10", &allow);
	ok_eq(gate_allow_add(&gate.maps, &allow), 0, "2001:db8:91::10 allow-listed");
	v = block_verdict("2001:db8:91::66", "2001:db8:91::/64", 600);
	enforcer_verdict(&v, enf);
	ok(entry_of("2001:db8:91::/64", &e) && e.prefixlen == 64,
	   "a /64 over an allow-listed address is blocked");
	gh_addr_parse("2001:db8:91::10", &c.addr);
	ok(gate_allow_covers(&gate.maps, &c.addr) > 0, "and the address stays allow-listed");
	/* Leave the IPv6 maps empty for the full-map tests. */
	for (size_t i = 0; i < sizeof(v6_written) / sizeof(v6_written[0]); i++)
		if (!gh_cidr_parse(v6_written[i], &c))
			gate_block_del(&gate.maps, &c);
	if (narrowed_own[0] && !gh_cidr_parse(narrowed_own, &c))
		gate_block_del(&gate.maps, &c);
	gate_allow_del(&gate.maps, &allow);
}

/* Blocks written straight into the map, as `block add` (manual) or a policy would. */
static int add_blocks(const char *fmt, int from, int n, uint64_t ttl_s, uint32_t flags)
{
	struct block_spec s = { .ttl_s = ttl_s, .flags = flags };
	char cidr[GH_CIDR_STRLEN];
	int err = 0;

	for (int i = from; i < from + n && !err; i++) {
		snprintf(cidr, sizeof(cidr), fmt, i);
		err = gh_cidr_parse(cidr, &s.cidr) ?: gate_block_add(&gate.maps, &s, 1);
	}
	return err;
}

/* How many entries of fmt's numbered blocks [from, from+n) are in the gate.maps. */
static int count_present(const char *fmt, int from, int n)
{
	char cidr[GH_CIDR_STRLEN];
	struct block_entry e;
	struct gh_cidr c;
	int present = 0;

	for (int i = from; i < from + n; i++) {
		snprintf(cidr, sizeof(cidr), fmt, i);
		present += !gh_cidr_parse(cidr, &c) && !gate_block_get(&gate.maps, &c, &e);
	}
	return present;
}

static const char *evidence_evicted(struct json_object *a)
{
	struct json_object *ev;

	return json_object_object_get_ex(a, "evidence", &ev) ? alert_field(ev, "evicted") : NULL;
}

/* A map full of manual blocks: the verdict alerts, saying so; every manual block stays. */
static void test_full_of_manual(struct enforcer *enf)
{
	struct verdict v = block_verdict("2001:db8:ff::1", "2001:db8:ff::1/128", 600);
	uint64_t before = enf->stats.block_errors;
	int err;

	err = add_blocks("2001:db8:f::%x", 1, GH_MIN_MAX_BLOCKS, 600, 0);
	ok_eq(err, 0, "%d manual blocks fill the IPv6 host map", GH_MIN_MAX_BLOCKS);
	ok_eq(add_blocks("2001:db8:f::%x", GH_MIN_MAX_BLOCKS + 1, 1, 600, 0), -E2BIG,
	      "one more is refused");
	check_spared(enf, &v, "the block map is full of manual and longer blocks", "a full map");
	ok_eq(enf->stats.block_errors, before + 1, "block_errors counted");
	ok_eq(count_present("2001:db8:f::%x", 1, GH_MIN_MAX_BLOCKS), GH_MIN_MAX_BLOCKS,
	      "every manual block stays");
	ok(!enf->stats.evicted_expired && !enf->stats.evicted_automatic, "nothing evicted");
}

/* IPv6 /64 blocks in the small prefix trie: 2001:db8:e:N::/64. */
#define NET6_FMT "2001:db8:e:%x::/64"

static void clear_net6(void)
{
	struct gh_cidr c;

	gh_cidr_parse("2001:db8:5::/48", &c); /* test_scope's */
	gate_block_del(&gate.maps, &c);
	for (int i = 0; i < 0x50; i++) {
		char cidr[GH_CIDR_STRLEN];

		snprintf(cidr, sizeof(cidr), NET6_FMT, i);
		if (!gh_cidr_parse(cidr, &c))
			gate_block_del(&gate.maps, &c);
	}
}

/* Expired entries are the first to go, all of them; every block in force stays. */
static void test_evict_expired(struct enforcer *enf)
{
	struct verdict v = block_verdict("2001:db8:e:40::1", "2001:db8:e:40::/64", 600);
	struct timespec pause = { 1, 100000000L };
	struct block_entry e;
	struct json_object *a;

	clear_net6();
	ok_eq(add_blocks(NET6_FMT, 0, 3, 1, GH_BLOCK_F_AUTO), 0, "3 automatic 1 s blocks");
	ok_eq(add_blocks(NET6_FMT, 3, GH_MIN_MAX_BLOCKS - 3, 600, GH_BLOCK_F_AUTO), 0,
	      "and %d 10 min ones fill the IPv6 prefix map", GH_MIN_MAX_BLOCKS - 3);
	nanosleep(&pause, NULL);
	enforcer_verdict(&v, enf);
	ok(entry_of("2001:db8:e:40::/64", &e), "the verdict's block goes in");
	ok_eq(enf->stats.evicted_expired, 3, "the 3 expired entries were deleted and counted");
	ok_eq(enf->stats.evicted_automatic, 0, "no block in force was evicted");
	ok_eq(count_present(NET6_FMT, 3, GH_MIN_MAX_BLOCKS - 3), GH_MIN_MAX_BLOCKS - 3,
	      "every block in force stays");
	a = last_alert();
	ok_str(alert_field(a, "action"), "block", "the alert says block");
	ok_str(evidence_evicted(a), NULL, "and names no evicted block");
	json_object_put(a);
}

/*
 * No expired entry: the automatic block ending soonest goes, if it ends
 * before the new one would; a newcomer ending first is itself refused.
 */
static void test_evict_shortest(struct enforcer *enf)
{
	struct verdict v = block_verdict("2001:db8:e:41::1", "2001:db8:e:41::/64", 7200);
	struct verdict brief = block_verdict("2001:db8:e:42::1", "2001:db8:e:42::/64", 60);
	uint64_t errors = enf->stats.block_errors;
	struct block_entry e;
	struct json_object *a;
	struct gh_cidr c;

	clear_net6();
	for (int i = 0; i < GH_MIN_MAX_BLOCKS; i++)
		add_blocks(NET6_FMT, i, 1, 3600 + (uint64_t)((i + 5) % GH_MIN_MAX_BLOCKS) * 60,
			   GH_BLOCK_F_AUTO);
	/* Entry 11 has the shortest ttl: (11 + 5) % 16 = 0, one hour. */
	ok_eq(count_present(NET6_FMT, 0, GH_MIN_MAX_BLOCKS), GH_MIN_MAX_BLOCKS,
	      "%d automatic blocks of 1 h to 1 h 15 min fill the map", GH_MIN_MAX_BLOCKS);
	enforcer_verdict(&v, enf);
	ok(entry_of("2001:db8:e:41::/64", &e) && expires_in(&e, 7200),
	   "a 2 h verdict goes in");
	ok(gh_cidr_parse("2001:db8:e:b::/64", &c) == 0 && gate_block_get(&gate.maps, &c, &e) == -ENOENT,
	   "the 1 h block (ending soonest) was evicted");
	ok_eq(count_present(NET6_FMT, 0, GH_MIN_MAX_BLOCKS), GH_MIN_MAX_BLOCKS - 1,
	   "every other block stays");
	ok_eq(enf->stats.evicted_automatic, 1, "evicted_automatic counted");
	a = last_alert();
	ok_str(evidence_evicted(a), "2001:db8:e:b::/64", "the alert names the evicted block");
	json_object_put(a);

	enforcer_verdict(&brief, enf);
	ok(!entry_of("2001:db8:e:42::/64", &e), "a 1 min verdict, ending before all, is refused");
	ok_eq(count_present(NET6_FMT, 0, GH_MIN_MAX_BLOCKS), GH_MIN_MAX_BLOCKS - 1,
	      "and evicts nothing");
	ok_eq(enf->stats.block_errors, errors + 1, "block_errors counted");
	a = last_alert();
	ok_str(not_blocked(a), "the block map is full of manual and longer blocks", "the alert says why");
	json_object_put(a);
}

/* A manual block is never evicted, however soon it ends. */
static void test_manual_never_evicted(struct enforcer *enf)
{
	struct verdict v = block_verdict("2001:db8:e:43::1", "2001:db8:e:43::/64", 86400);
	uint64_t evicted = enf->stats.evicted_automatic;
	struct block_entry e;

	clear_net6();
	ok_eq(add_blocks(NET6_FMT, 0, GH_MIN_MAX_BLOCKS, 60, 0), 0,
	      "%d manual 1 min blocks fill the map", GH_MIN_MAX_BLOCKS);
	enforcer_verdict(&v, enf);
	ok(!entry_of("2001:db8:e:43::/64", &e), "a 1 day verdict is refused");
	ok_eq(count_present(NET6_FMT, 0, GH_MIN_MAX_BLOCKS), GH_MIN_MAX_BLOCKS,
	      "every manual block stays");
	ok_eq(enf->stats.evicted_automatic, evicted, "nothing evicted");
	clear_net6();
}

/* Writes text into a new file under the fixture's lock directory; the path goes to path. */
static void write_fixture(const char *name, const char *text, char *path, size_t len)
{
	FILE *f;

	snprintf(path, len, "%s/%s", gate.lock_dir, name);
	f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/*
 * Gateways and resolvers as the kernel and resolv.conf list them: a spoofed
 * flood "from" one of them must not cut the host off.
 */
static void test_gateways_and_resolvers(struct enforcer *enf)
{
	char route4[300], route6[300], resolv[300], text[600];
	struct protected_sources src = { route4, route6, { resolv, NULL } };
	uint8_t gw_bytes[4] = { 10, 9, 9, 1 }, dst_bytes[4] = { 10, 8, 0, 0 };
	uint32_t gw, dst;
	struct verdict v;
	struct block_entry e;

	/* The kernel prints each address as its 32-bit word in host order. */
	memcpy(&gw, gw_bytes, 4);
	memcpy(&dst, dst_bytes, 4);
	snprintf(text, sizeof(text),
		 "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
		 "eth0\t00000000\t%08X\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
		 "eth0\t%08X\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n",
		 gw, dst);
	write_fixture("route", text, route4, sizeof(route4));
	write_fixture("ipv6_route",
		      "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
		      "fe800000000000000000000000000001 00000400 00000001 00000000 00000003 eth0\n"
		      "20010db8000700000000000000000000 40 00000000000000000000000000000000 00 "
		      "00000000000000000000000000000000 00000100 00000001 00000000 00000001 eth0\n",
		      route6, sizeof(route6));
	write_fixture("resolv.conf",
		      "# nameserver 192.0.2.99\nsearch example.com\nnameserver 192.0.2.53\n"
		      "nameserver  2001:db8::53%eth0\noptions edns0\n",
		      resolv, sizeof(resolv));
	gh_protected_use_sources(&src);

	v = block_verdict("10.9.9.1", "10.9.9.1/32", 600);
	check_spared(enf, &v, "protected: gateway 10.9.9.1", "the IPv4 default gateway");
	v = block_verdict("10.9.9.7", "10.9.9.0/24", 600);
	check_narrowed(enf, &v, "a scope over the gateway: the source alone");
	v = block_verdict("fe80::1", "fe80::1/128", 600);
	check_spared(enf, &v, "protected: gateway fe80::1", "the IPv6 (link-local) gateway");
	v = block_verdict("192.0.2.53", "192.0.2.53/32", 600);
	check_spared(enf, &v, "protected: resolver 192.0.2.53", "a resolver");
	v = block_verdict("2001:db8::53", "2001:db8::53/128", 600);
	check_spared(enf, &v, "protected: resolver 2001:db8::53", "an IPv6 resolver with a zone");

	v = block_verdict("192.0.2.99", "192.0.2.99/32", 600);
	enforcer_verdict(&v, enf);
	ok(entry_of("192.0.2.99/32", &e), "a commented-out nameserver is not protected");
	/* (The IPv6 host map is full of test_full_of_manual's blocks.) */
	v = block_verdict("2001:db8:7::9", "2001:db8:7::/64", 600);
	enforcer_verdict(&v, enf);
	ok(entry_of("2001:db8:7::/64", &e), "nor a route without a gateway");
	v = block_verdict("10.8.0.9", "10.8.0.9/32", 600);
	enforcer_verdict(&v, enf);
	ok(entry_of("10.8.0.9/32", &e), "nor the destination of a route");
	gh_protected_use_sources(NULL);
	unlink(route4);
	unlink(route6);
	unlink(resolv);
}

/* run --protect: an upstream API or a crawler, protected like the host's own. */
static void test_configured(struct enforcer *enf)
{
	struct verdict v = block_verdict("100.65.3.4", "100.65.3.4/32", 600);
	uint64_t before = enf->stats.spared_protected;
	struct gh_cidr c;

	gh_cidr_parse("100.65.0.0/16", &c);
	ok_eq(gh_protect_add(&c), 0, "--protect 100.65.0.0/16");
	check_spared(enf, &v, "protected: --protect 100.65.0.0/16", "an address in it");
	v = block_verdict("100.65.3.4", "100.64.0.0/10", 600);
	check_spared(enf, &v, "protected: --protect 100.65.0.0/16", "a scope around it");
	ok_eq(enf->stats.spared_protected, before + 2, "spared_protected counted");
}

int main(void)
{
	struct enforcer enf;
	int err = setup();

	if (err)
		return enforcer_fixture_skip(&gate, err);
	enforcer_init(&enf, &gate.maps, alerts, false);
	test_block_written(&enf);
	test_never_shorter(&enf);
	test_permanent_kept(&enf);
	test_expired_replaced(&enf);
	test_scope(&enf);
	test_protected(&enf);
	test_allowed(&enf);
	test_trusted_proxy(&enf);
	test_dry_run();
	test_evidence_copy(&enf);
	test_alert_only(&enf);
	test_v6_scope(&enf);
	test_full_of_manual(&enf);
	test_evict_expired(&enf);
	test_evict_shortest(&enf);
	test_manual_never_evicted(&enf);
	test_gateways_and_resolvers(&enf);
	test_configured(&enf);
	fclose(alerts);
	gate_fixture_close(&gate);
	return tap_done();
}
