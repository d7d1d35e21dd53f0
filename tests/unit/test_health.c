// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * What `gatehawk status` and `top` read from a running daemon: the recent
 * rings (base/recent.h: growth over the last minute and hour, a young
 * daemon, gaps without notes, wrap-around, a clock going back) and the
 * daemon's health (daemon/health.h: lag, reloads, recent alerts kept
 * small, newest last, at most GH_HEALTH_ALERTS).
 */
#include <errno.h>
#include <string.h>

#include "tap.h"
#include "base/recent.h"
#include "daemon/health.h"
#include "engine/policy.h"

#define S 1000000000ULL

static void note(struct gh_recent *r, uint64_t t, uint64_t alerts, uint64_t blocks)
{
	uint64_t totals[GH_RECENT_SERIES] = { alerts, blocks };

	gh_recent_note(r, t, totals);
}

/* Growth of series 0 over span at now, the totals then being now_total. */
static uint64_t growth(const struct gh_recent *r, uint64_t now, uint64_t span, uint64_t total)
{
	uint64_t totals[GH_RECENT_SERIES] = { total, 0 }, out[GH_RECENT_SERIES];

	gh_recent_growth(r, now, span, totals, out);
	return out[0];
}

static void test_recent_minute(void)
{
	struct gh_recent r;

	gh_recent_init(&r, 1);
	/* One alert a second from t=1000 on. */
	for (uint64_t t = 1000; t <= 1200; t++)
		note(&r, t, t - 1000, 0);
	ok_eq(growth(&r, 1200, 60, 200), 60, "one a second: 60 over the last minute");
	ok_eq(growth(&r, 1200, 10, 200), 10, "10 over the last 10 s");
	ok_eq(growth(&r, 1200, 3600, 200), 60, "a span past the ring's 60 steps is cut to them");
	ok_eq(growth(&r, 1200, 60, 205), 65, "totals grown since the last note count too");

	gh_recent_init(&r, 1);
	note(&r, 1000, 0, 0);
	note(&r, 1003, 2, 0);
	note(&r, 1010, 7, 0);
	ok_eq(growth(&r, 1010, 60, 7), 7, "a daemon younger than the span: everything since start");
	ok_eq(growth(&r, 1010, 5, 7), 5, "the seconds of a gap keep the totals before it");
	ok_eq(growth(&r, 1500, 60, 7), 0, "no note for minutes and nothing new: 0, not the total");
	ok_eq(growth(&r, 1500, 60, 9), 2, "no note for minutes: what grew since the last one");

	gh_recent_init(&r, 1);
	ok_eq(growth(&r, 50, 60, 4), 4, "no note at all: the totals (they started at zero)");
	note(&r, 100, 1, 0);
	note(&r, 90, 50, 0);
	ok_eq(growth(&r, 100, 60, 1), 1, "a note from the past is ignored");
	note(&r, 100, 3, 0);
	ok_eq(growth(&r, 100, 0, 3), 0, "a later note in the same second replaces the earlier");
}

static void test_recent_hour(void)
{
	struct gh_recent r;
	uint64_t totals[GH_RECENT_SERIES], out[GH_RECENT_SERIES];

	gh_recent_init(&r, 60);
	/* Six alerts and two blocks a minute for three hours, noted every second. */
	for (uint64_t t = 0; t < 3 * 3600; t++)
		note(&r, 7200 + t, t / 10, t / 30);
	totals[0] = (3 * 3600 - 1) / 10;
	totals[1] = (3 * 3600 - 1) / 30;
	/* At a minute's last second: the hour is exactly the 60 minutes before. */
	gh_recent_growth(&r, 7200 + 3 * 3600 - 1, 3600, totals, out);
	ok_eq(out[0], 360, "alerts over the last hour, from per-minute slots after wrapping twice");
	ok_eq(out[1], 120, "the second series alongside");
}

static struct policy pol = { .name = "lab-block" };

static void fire(struct daemon_health *h, uint8_t last_octet, bool blocked)
{
	struct verdict v = { .policy = &pol, .ts_ns = 1700000000ULL * S, .has_src = true,
			     .block = true, .ttl_s = 600 };

	gh_addr_from_bytes(&v.src, AF_INET, (const uint8_t[]){ 10, 0, 0, last_octet });
	v.evidence = json_object_new_object();
	json_object_object_add(v.evidence, "big", json_object_new_string("kilobytes"));
	health_alert(h, &v, blocked);
	json_object_put(v.evidence);
}

static const char *field(struct json_object *a, size_t i, const char *key)
{
	return json_object_get_string(json_object_object_get(json_object_array_get_idx(a, i), key));
}

static void test_health(void)
{
	struct daemon_health h;
	struct json_object *a, *j;
	uint64_t totals[2] = { 5, 2 };

	health_init(&h, 1000 * S);
	ok(health_lag_s(&h) == 0, "no record yet: lag 0");
	health_record(&h, 1005 * S, 1005 * S + 300000000ULL);
	ok(health_lag_s(&h) > 0.29 && health_lag_s(&h) < 0.31, "handled 0.3 s after its time");
	health_record(&h, 1010 * S, 1009 * S);
	ok(health_lag_s(&h) == 0, "a record from the future: lag 0, not negative");

	health_reloaded(&h, 0, 1020 * S);
	health_reloaded(&h, -EINVAL, 1030 * S);
	health_tick(&h, 1030 * S, totals);
	j = health_json(&h, 1040 * S, totals);
	ok_eq(json_object_get_int(json_object_object_get(json_object_object_get(j, "reloads"),
							 "failed")),
	      1, "one reload failed");
	ok_str(json_object_get_string(json_object_object_get(json_object_object_get(j, "reloads"),
							     "last_error")),
	       "invalid policies", "the failure says why");
	ok_eq(json_object_get_int(json_object_object_get(json_object_object_get(j, "last_minute"),
							 "blocks")),
	      2, "a young daemon's last minute: every block so far");
	ok_eq(json_object_get_int(json_object_object_get(j, "last_record_age_s")), 30,
	      "the last record's age");
	json_object_put(j);

	a = health_alerts_json(&h);
	ok_eq(json_object_array_length(a), 0, "no alert yet: an empty list");
	json_object_put(a);
	fire(&h, 1, true);
	fire(&h, 2, false);
	a = health_alerts_json(&h);
	ok_eq(json_object_array_length(a), 2, "two alerts kept");
	ok_str(field(a, 0, "src_ip"), "10.0.0.1", "oldest first");
	ok_str(field(a, 0, "action"), "block", "a block in force says block");
	ok_str(field(a, 1, "action"), "alert", "one the enforcer spared says alert");
	ok_str(field(a, 1, "policy"), "lab-block", "the policy");
	ok(!json_object_object_get(json_object_array_get_idx(a, 0), "evidence"),
	   "kept without its evidence");
	json_object_put(a);
	for (int i = 0; i < GH_HEALTH_ALERTS + 5; i++)
		fire(&h, (uint8_t)(10 + i), true);
	a = health_alerts_json(&h);
	ok_eq(json_object_array_length(a), GH_HEALTH_ALERTS, "at most GH_HEALTH_ALERTS kept");
	ok_str(field(a, GH_HEALTH_ALERTS - 1, "src_ip"), "10.0.0.46", "the newest last");
	json_object_put(a);
	health_free(&h);
}

int main(void)
{
	test_recent_minute();
	test_recent_hour();
	test_health();
	return tap_done();
}
