// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <string.h>

#include "base/clock.h"
#include "daemon/health.h"
#include "engine/alert.h"

#define NS 1000000000ULL

void health_init(struct daemon_health *h, uint64_t now_ns)
{
	memset(h, 0, sizeof(*h));
	h->started_ns = now_ns;
	gh_recent_init(&h->by_second, 1);
	gh_recent_init(&h->by_minute, 60);
}

void health_free(struct daemon_health *h)
{
	for (size_t i = 0; i < GH_HEALTH_ALERTS; i++)
		json_object_put(h->alerts[i]);
	memset(h->alerts, 0, sizeof(h->alerts));
}

void health_record(struct daemon_health *h, uint64_t rec_ts_ns, uint64_t now_ns)
{
	h->last_record_ts_ns = rec_ts_ns;
	h->last_record_lag_ns = now_ns > rec_ts_ns ? now_ns - rec_ts_ns : 0;
}

void health_reloaded(struct daemon_health *h, int err, uint64_t now_ns)
{
	h->last_reload_ns = now_ns;
	if (err) {
		h->reloads_failed++;
		h->last_reload_err = err;
	} else {
		h->reloads_ok++;
	}
}

void health_tick(struct daemon_health *h, uint64_t now_ns, const uint64_t totals[2])
{
	gh_recent_note(&h->by_second, now_ns / NS, totals);
	gh_recent_note(&h->by_minute, now_ns / NS, totals);
}

void health_alert(struct daemon_health *h, const struct verdict *v, bool blocked)
{
	struct json_object *a = alert_to_json(v);
	size_t at = h->alerts_total % GH_HEALTH_ALERTS;

	/* What top shows, small: the evidence can be kilobytes of CRS matches. */
	json_object_object_del(a, "evidence");
	json_object_object_del(a, "references");
	json_object_object_add(a, "action", json_object_new_string(blocked ? "block" : "alert"));
	json_object_put(h->alerts[at]);
	h->alerts[at] = a;
	h->alerts_total++;
}

double health_lag_s(const struct daemon_health *h)
{
	return (double)h->last_record_lag_ns / NS;
}

static struct json_object *rfc3339_or_null(uint64_t ns)
{
	char buf[40];

	if (!ns)
		return NULL;
	gh_format_rfc3339(ns, buf, sizeof(buf));
	return json_object_new_string(buf);
}

static struct json_object *growth_json(const struct gh_recent *r, uint64_t now_ns,
				       uint64_t span_s, const uint64_t totals[2])
{
	struct json_object *o = json_object_new_object();
	uint64_t g[GH_RECENT_SERIES];

	gh_recent_growth(r, now_ns / NS, span_s, totals, g);
	json_object_object_add(o, "alerts", json_object_new_uint64(g[HEALTH_ALERTS]));
	json_object_object_add(o, "blocks", json_object_new_uint64(g[HEALTH_BLOCKS]));
	return o;
}

struct json_object *health_json(const struct daemon_health *h, uint64_t now_ns,
				const uint64_t totals[2])
{
	struct json_object *o = json_object_new_object(), *r = json_object_new_object();
	const char *err = h->last_reload_err ? strerror(-h->last_reload_err) : NULL;

	json_object_object_add(o, "started", rfc3339_or_null(h->started_ns));
	json_object_object_add(o, "lag_s", json_object_new_double(health_lag_s(h)));
	json_object_object_add(o, "last_record_age_s",
			       h->last_record_ts_ns
				       ? json_object_new_double((double)(now_ns > h->last_record_ts_ns
								? now_ns - h->last_record_ts_ns : 0) / NS)
				       : NULL);
	json_object_object_add(r, "ok", json_object_new_uint64(h->reloads_ok));
	json_object_object_add(r, "failed", json_object_new_uint64(h->reloads_failed));
	/* EINVAL is an invalid policies directory: the daemon's log names the file. */
	json_object_object_add(r, "last_error",
			       !err ? NULL : json_object_new_string(h->last_reload_err == -EINVAL
									   ? "invalid policies" : err));
	json_object_object_add(r, "last_at", rfc3339_or_null(h->last_reload_ns));
	json_object_object_add(o, "reloads", r);
	json_object_object_add(o, "last_minute", growth_json(&h->by_second, now_ns, 60, totals));
	json_object_object_add(o, "last_hour", growth_json(&h->by_minute, now_ns, 3600, totals));
	return o;
}

struct json_object *health_alerts_json(const struct daemon_health *h)
{
	struct json_object *a = json_object_new_array();
	uint64_t n = h->alerts_total < GH_HEALTH_ALERTS ? h->alerts_total : GH_HEALTH_ALERTS;

	for (uint64_t i = h->alerts_total - n; i < h->alerts_total; i++)
		json_object_array_add(a, json_object_get(h->alerts[i % GH_HEALTH_ALERTS]));
	return a;
}
