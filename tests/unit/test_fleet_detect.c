// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Fleet-wide detection without a server: "scope": "fleet" parses into the
 * fleet's action (and leaves the host an alert without cooldown), summaries
 * read back as written and hostile ones are refused by kind, the tally sends
 * what changed once and again after a failed send, and the pool blocks a
 * source only once min_hosts hosts saw it within the window: not for two
 * hosts, not for a summary read twice, not for counts older than the
 * window, once for the third host, and not again while the block holds.
 * One host counting made-up sources opens at most its share of the groups.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fleet_summary.h"
#include "daemon/fleet_detect.h"
#include "engine/policy.h"
#include "tap.h"

#define NOW 1700000000LL
#define MINUTE (NOW / 60)

static const char fleet_policy[] =
	"{\"name\": \"fleet-probe\", \"description\": \"probes spread over hosts\","
	" \"kind\": \"match\", \"severity\": \"high\", \"scope\": \"fleet\","
	" \"fleet\": {\"window\": \"10m\", \"min_hosts\": 3, \"min_matches\": 3},"
	" \"where\": {\"field\": \"path\", \"eq\": \"/.env\"},"
	" \"action\": {\"type\": \"block\", \"ttl\": \"1h\", \"cooldown\": \"5m\"}}";

static struct policy_set *parse(const char *json)
{
	struct policy_set *ps = NULL;

	if (policy_set_parse("t.json", json, strlen(json), 0, NULL, &ps))
		return NULL;
	return ps;
}

static void test_parse(void)
{
	struct policy_set *ps = parse(fleet_policy);
	const struct policy *p = ps ? &ps->policies[0] : NULL;
	char bad[1024];

	ok(p && p->fleet.on && p->fleet.window_s == 600 && p->fleet.min_hosts == 3 &&
	   p->fleet.min_matches == 3, "scope fleet parses its window and thresholds");
	ok(p && p->fleet.action.block && p->fleet.action.ttl_s == 3600,
	   "the action as written is the fleet's");
	ok(p && !p->action.block && !p->action.cooldown_s,
	   "the host's own action is an alert without cooldown");
	policy_set_free(ps);
	snprintf(bad, sizeof(bad), "%s", fleet_policy);
	memcpy(strstr(bad, "\"fleet\","), "\"local\",", 8);
	ok(!parse(bad), "a fleet object without scope fleet is refused");
	snprintf(bad, sizeof(bad), "%s", fleet_policy);
	memcpy(strstr(bad, "\"10m\""), "\"2h\" ", 5);
	ok(!parse(bad), "a fleet window over 1h is refused");
	snprintf(bad, sizeof(bad), "%s", fleet_policy);
	memcpy(strstr(bad, "\"min_hosts\": 3"), "\"min_hosts\": 1", 14);
	ok(!parse(bad), "min_hosts 1 (a host alone) is refused");
}

static void count(struct fleet_count *c, const char *cidr, int64_t minute, uint32_t matches)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->policy, sizeof(c->policy), "fleet-probe");
	gh_cidr_parse(cidr, &c->cidr);
	c->minute = minute;
	c->matches = matches;
}

static void test_wire(void)
{
	static struct fleet_summary s, back;
	char buf[GH_FLEET_SUMMARY_MSG_MAX];
	struct gh_err e = { 0 };
	int n;

	snprintf(s.origin, sizeof(s.origin), "web-1");
	s.sent_ms = NOW * 1000;
	s.n = 2;
	count(&s.counts[0], "203.0.113.7", MINUTE, 2);
	count(&s.counts[1], "2001:db8::/64", MINUTE - 1, 1);
	n = fleet_summary_encode(&s, buf, sizeof(buf));
	ok(n > 0 && fleet_summary_decode("gatehawk.summary.web-1", buf, (size_t)n, NOW, &back,
					 &e) == FLEET_OK,
	   "a summary reads back (%s)", e.msg);
	ok(back.n == 2 && !strcmp(back.origin, "web-1") && back.counts[0].matches == 2 &&
	   back.counts[1].minute == MINUTE - 1 && back.counts[1].cidr.prefixlen == 64,
	   "with its origin and counts");
	ok(n < 200, "two counts take %d bytes", n);
	ok(fleet_summary_decode("gatehawk.summary.web-2", buf, (size_t)n, NOW, &back, &e) ==
	   FLEET_BAD_MESSAGE, "a summary on another host's subject is refused");
	snprintf(s.origin, sizeof(s.origin), "web1.example.com");
	n = fleet_summary_encode(&s, buf, sizeof(buf));
	ok(n > 0 && fleet_summary_decode("gatehawk.summary.web1.example.com", buf, (size_t)n, NOW,
					 &back, &e) == FLEET_OK &&
		   !strcmp(back.origin, "web1.example.com"),
	   "a host name with dots reads back on its own subject (%s)", e.msg);
	ok(fleet_summary_decode("gatehawk.summary.x.web1.example.com", buf, (size_t)n, NOW, &back,
				&e) == FLEET_BAD_MESSAGE &&
		   fleet_summary_decode("gatehawk.summaryXweb1.example.com", buf, (size_t)n, NOW,
					&back, &e) == FLEET_BAD_MESSAGE,
	   "a subject that only ends in the origin is refused");
#define REFUSED(json, kind, what)                                                          \
	ok(fleet_summary_decode(NULL, json, strlen(json), NOW, &back, &e) == (kind) &&     \
	   back.n == 0, what " (%s)", e.msg)
	REFUSED("{\"v\":1,\"origin\":\"a\",\"sent_ms\":1,\"counts\":[", FLEET_BAD_MESSAGE,
		"cut JSON");
	REFUSED("{\"v\":2,\"origin\":\"a\",\"sent_ms\":1,\"counts\":[]}", FLEET_BAD_MESSAGE,
		"another version");
	REFUSED("{\"v\":1,\"origin\":\"a b\",\"sent_ms\":1,\"counts\":[]}", FLEET_BAD_MESSAGE,
		"a bad origin");
	REFUSED("{\"v\":1,\"origin\":\"a\",\"sent_ms\":1,\"counts\":[[\"P\",\"10.0.0.1\","
		"28333333,1]]}", FLEET_BAD_MESSAGE, "a bad policy name");
	REFUSED("{\"v\":1,\"origin\":\"a\",\"sent_ms\":1,\"counts\":[[\"p\",\"10.0.0.1\","
		"28333333,NaN]]}", FLEET_BAD_MESSAGE, "NaN matches");
	REFUSED("{\"v\":1,\"origin\":\"a\",\"sent_ms\":1,\"counts\":[[\"p\",\"10.0.0.1\","
		"28333333,0]]}", FLEET_BAD_MESSAGE, "zero matches");
	REFUSED("{\"v\":1,\"origin\":\"a\",\"sent_ms\":1,\"counts\":[[\"p\",\"10.0.0.1/8\","
		"28333333,1]]}", FLEET_BAD_CIDR, "a CIDR with host bits");
	REFUSED("{\"v\":1,\"origin\":\"a\",\"sent_ms\":1,\"counts\":[[\"p\",\"10.0.0.1\","
		"99999999,1]]}", FLEET_BAD_EXPIRY, "a minute far ahead");
	REFUSED("{\"v\":1,\"origin\":\"a\",\"sent_ms\":1,\"counts\":{}}", FLEET_BAD_MESSAGE,
		"counts not an array");
#undef REFUSED
	{
		char msg[256];

		snprintf(msg, sizeof(msg),
			 "{\"v\":1,\"origin\":\"a\",\"sent_ms\":1,\"counts\":[[\"p\",\"10.0.0.1\","
			 "1,1],[\"p\",\"10.0.0.2\",%lld,4]]}", (long long)MINUTE);
		ok(fleet_summary_decode(NULL, msg, strlen(msg), NOW, &back, &e) == FLEET_OK &&
			   back.n == 1 && back.counts[0].matches == 4 && back.counts[0].minute == MINUTE,
		   "a minute long past is left out, the fresh count beside it kept (%s)", e.msg);
	}
}

static void test_tally(void)
{
	struct fleet_detect *fd = fleet_detect_new();
	struct policy_set *ps = parse(fleet_policy);
	static struct fleet_summary s;
	struct gh_cidr a, b;

	gh_cidr_parse("203.0.113.7", &a);
	gh_cidr_parse("198.51.100.9", &b);
	fleet_detect_set_policies(fd, ps);
	ok(fleet_detect_active(fd), "a set with a fleet policy makes detection active");
	fleet_detect_note(fd, "fleet-probe", &a, NOW);
	fleet_detect_note(fd, "fleet-probe", &a, NOW);
	fleet_detect_note(fd, "fleet-probe", &b, NOW);
	fleet_detect_take(fd, &s);
	ok(s.n == 2, "two sources, two counts (%u)", s.n);
	ok((s.counts[0].matches == 2 && s.counts[1].matches == 1) ||
	   (s.counts[0].matches == 1 && s.counts[1].matches == 2), "each its running total");
	fleet_detect_take(fd, &s);
	ok(s.n == 0, "nothing changed: nothing to send");
	fleet_detect_note(fd, "fleet-probe", &a, NOW);
	fleet_detect_take(fd, &s);
	ok(s.n == 1 && s.counts[0].matches == 3, "a new match sends the new total");
	fleet_detect_unsent(fd, &s);
	fleet_detect_take(fd, &s);
	ok(s.n == 1 && s.counts[0].matches == 3, "a failed send is sent again");
	fleet_detect_expire(fd, NOW + 3600);
	fleet_detect_note(fd, "fleet-probe", &b, NOW + 3600);
	fleet_detect_take(fd, &s);
	ok(s.n == 1 && s.counts[0].matches == 1, "expired counts are gone, a new minute starts at 1");
	fleet_detect_free(fd);
	policy_set_free(ps);
}

static size_t merge_one(struct fleet_detect *fd, const char *origin, const char *cidr,
			int64_t minute, uint32_t matches, int64_t now, struct fleet_decision *d)
{
	static struct fleet_summary s;

	snprintf(s.origin, sizeof(s.origin), "%s", origin);
	s.n = 1;
	count(&s.counts[0], cidr, minute, matches);
	return fleet_detect_merge(fd, &s, now, d, 4);
}

static void test_pool(void)
{
	struct fleet_detect *fd = fleet_detect_new();
	struct policy_set *ps = parse(fleet_policy);
	struct fleet_decision d[4];
	struct json_object *st = json_object_new_object(), *v;
	char text[GH_CIDR_STRLEN];

	fleet_detect_set_policies(fd, ps);
	ok(!merge_one(fd, "web-1", "203.0.113.7", MINUTE, 1, NOW, d), "one host: nothing");
	ok(!merge_one(fd, "web-2", "203.0.113.7", MINUTE, 1, NOW, d), "two hosts: nothing");
	ok(!merge_one(fd, "web-2", "203.0.113.7", MINUTE, 1, NOW, d),
	   "the second host's summary read twice: still two hosts");
	ok(!merge_one(fd, "web-3", "203.0.113.7", MINUTE - 11, 5, NOW, d),
	   "a third host's count older than the window: nothing");
	ok(!merge_one(fd, "web-3", "198.51.100.9", MINUTE, 1, NOW, d),
	   "a third host's count of another source: nothing");
	ok(!merge_one(fd, "web-7", "128.0.0.0/1", MINUTE, 1, NOW, d) &&
		   !merge_one(fd, "web-8", "128.0.0.0/1", MINUTE, 1, NOW, d) &&
		   !merge_one(fd, "web-9", "128.0.0.0/1", MINUTE, 1, NOW, d),
	   "three hosts 'counting' a /1: not the policy's scope, nothing");
	ok(merge_one(fd, "web-9", "203.0.113.7", MINUTE, 1, NOW, d) == 1 && d[0].action == FLEET_BLOCK,
	   "a third host within the window: a block");
	gh_cidr_format(&d[0].cidr, text, sizeof(text));
	ok_str(text, "203.0.113.7", "of the source");
	ok(!strcmp(d[0].policy, "fleet-probe") && !strcmp(d[0].severity, "high") &&
	   d[0].expires_at == NOW + 3600, "with the fleet policy, severity and ttl (%s)", d[0].reason);
	ok(!strcmp(d[0].reason, "3 hosts, 3 matches in 600s"), "and why: %s", d[0].reason);
	ok(!merge_one(fd, "web-4", "203.0.113.7", MINUTE, 1, NOW + 60, d),
	   "no second block while the first holds");
	ok(merge_one(fd, "web-4", "203.0.113.7", MINUTE + 61, 1, NOW + 3700, d) == 0,
	   "after it, old counts no longer add up");
	fleet_detect_stats_json(fd, st);
	ok(json_object_object_get_ex(st, "fleet_verdicts", &v) && json_object_get_int(v) == 1,
	   "one fleet verdict counted");
	ok(json_object_object_get_ex(st, "summary_rejected_cidr", &v) && json_object_get_int(v) == 3,
	   "the /1 counts refused as such");
	json_object_put(st);
	fleet_detect_free(fd);
	policy_set_free(ps);
}

static void test_unknown_and_monitor(void)
{
	struct fleet_detect *fd = fleet_detect_new();
	struct policy_set *ps;
	struct fleet_decision d[4];
	struct json_object *st = json_object_new_object(), *v;

	ps = parse("{\"name\": \"fleet-probe\", \"description\": \"x\", \"kind\": \"match\","
		   " \"mode\": \"monitor\", \"scope\": \"fleet\","
		   " \"fleet\": {\"window\": \"1m\", \"min_hosts\": 2},"
		   " \"where\": {\"field\": \"path\", \"eq\": \"/.env\"},"
		   " \"action\": {\"type\": \"block\", \"ttl\": \"1h\"}}");
	fleet_detect_set_policies(fd, ps);
	merge_one(fd, "web-1", "203.0.113.7", MINUTE, 1, NOW, d);
	ok(!merge_one(fd, "web-2", "203.0.113.7", MINUTE, 1, NOW, d),
	   "a monitor fleet policy met publishes no block");
	fleet_detect_stats_json(fd, st);
	ok(json_object_object_get_ex(st, "fleet_alerts", &v) && json_object_get_int(v) == 1,
	   "it is counted as a fleet alert");
	policy_set_free(ps);
	fleet_detect_set_policies(fd, NULL);
	ok(!fleet_detect_active(fd), "a set without fleet policies: inactive");
	merge_one(fd, "web-3", "203.0.113.7", MINUTE, 1, NOW, d);
	json_object_put(st);
	st = json_object_new_object();
	fleet_detect_stats_json(fd, st);
	ok(json_object_object_get_ex(st, "unknown_policy", &v) && json_object_get_int(v) == 1,
	   "counts of a policy not in force are counted, not pooled");
	json_object_put(st);
	fleet_detect_free(fd);
}

static uint64_t stat_of(struct fleet_detect *fd, const char *name)
{
	struct json_object *st = json_object_new_object(), *v;
	uint64_t n = 0;

	fleet_detect_stats_json(fd, st);
	if (json_object_object_get_ex(st, name, &v))
		n = json_object_get_uint64(v);
	json_object_put(st);
	return n;
}

static void test_origin_quota(void)
{
	struct fleet_detect *fd = fleet_detect_new();
	struct policy_set *ps = parse(fleet_policy);
	struct fleet_decision d[4];
	char addr[32];
	uint32_t i;

	fleet_detect_set_policies(fd, ps);
	for (i = 0; i < GH_FLEET_GROUPS_PER_ORIGIN + 100; i++) {
		snprintf(addr, sizeof(addr), "10.%u.%u.%u", i >> 16 & 255, i >> 8 & 255, i & 255);
		merge_one(fd, "rogue", addr, MINUTE, 1, NOW, d);
	}
	ok(stat_of(fd, "groups") == GH_FLEET_GROUPS_PER_ORIGIN,
	   "one host opens at most its share of groups (%llu)",
	   (unsigned long long)stat_of(fd, "groups"));
	ok(stat_of(fd, "groups_refused") == 100, "the rest refused and counted");
	merge_one(fd, "web-1", "203.0.113.7", MINUTE, 1, NOW, d);
	merge_one(fd, "rogue", "203.0.113.7", MINUTE, 1, NOW, d);
	ok(merge_one(fd, "web-2", "203.0.113.7", MINUTE, 1, NOW, d) == 1,
	   "other hosts still open groups, and the capped host still counts in them");
	fleet_detect_expire(fd, NOW + 3 * 3600);
	ok(stat_of(fd, "groups") == 0, "expired groups go");
	ok(!merge_one(fd, "rogue", "10.9.9.9", MINUTE + 180, 1, NOW + 3 * 3600, d) &&
		   stat_of(fd, "groups") == 1 && stat_of(fd, "groups_refused") == 100,
	   "and give their opener room again");
	for (i = 0; i < GH_FLEET_ORIGINS_MAX; i++) {
		char origin[32];

		snprintf(origin, sizeof(origin), "host-%u", i);
		snprintf(addr, sizeof(addr), "10.200.%u.%u", i >> 8 & 255, i & 255);
		merge_one(fd, origin, addr, MINUTE + 180, 1, NOW + 3 * 3600, d);
	}
	merge_one(fd, "late-1", "198.51.100.77", MINUTE + 180, 1, NOW + 3 * 3600, d);
	merge_one(fd, "late-2", "198.51.100.77", MINUTE + 180, 1, NOW + 3 * 3600, d);
	ok(merge_one(fd, "late-3", "198.51.100.77", MINUTE + 180, 1, NOW + 3 * 3600, d) == 1,
	   "with %d hosts tracked, further hosts still open groups and pool (fails open)",
	   GH_FLEET_ORIGINS_MAX);
	fleet_detect_free(fd);
	policy_set_free(ps);
}

int main(void)
{
	test_parse();
	test_wire();
	test_tally();
	test_pool();
	test_unknown_and_monitor();
	test_origin_quota();
	return tap_done();
}
