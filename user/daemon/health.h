/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What an operator checks first about a running daemon, kept as it runs:
 * reloads that worked and failed, how far behind the engine is (the event
 * time of the last record handled against the clock when it was handled),
 * alerts and blocks over the last minute and hour (base/recent.h rings, one
 * note per tick) and the last GH_HEALTH_ALERTS alerts for `gatehawk top`.
 * All of it lives on the event loop's thread. Times are event time
 * (base/event_clock.h), ns.
 */
#ifndef GATEHAWK_HEALTH_H
#define GATEHAWK_HEALTH_H

#include <stdbool.h>
#include <stdint.h>
#include <json-c/json.h>

#include "base/recent.h"
#include "engine/engine.h"

#define GH_HEALTH_ALERTS 32

/* The running totals the rings follow, in this order. */
enum { HEALTH_ALERTS, HEALTH_BLOCKS };

struct daemon_health {
	uint64_t started_ns;
	uint64_t reloads_ok, reloads_failed;
	int last_reload_err;        /* the last failure's errno (negative); 0: none yet */
	uint64_t last_reload_ns;    /* the last reload, good or bad; 0: none yet */
	uint64_t last_record_ts_ns; /* event time of the last record handled; 0: none yet */
	uint64_t last_record_lag_ns; /* how long after its event time it was handled */
	struct gh_recent by_second, by_minute;
	struct json_object *alerts[GH_HEALTH_ALERTS]; /* a ring; the newest at alerts_total - 1 */
	uint64_t alerts_total;
};

void health_init(struct daemon_health *h, uint64_t now_ns);
void health_free(struct daemon_health *h);
/* A record was handed to the engine at now_ns. */
void health_record(struct daemon_health *h, uint64_t rec_ts_ns, uint64_t now_ns);
/* A reload ended: 0 or its error. */
void health_reloaded(struct daemon_health *h, int err, uint64_t now_ns);
/* Once per tick: the alerts and blocks written so far (the enforcer's totals). */
void health_tick(struct daemon_health *h, uint64_t now_ns, const uint64_t totals[2]);
/* A verdict the enforcer handled; blocked: a block entry is in force for it. */
void health_alert(struct daemon_health *h, const struct verdict *v, bool blocked);
/* The lag of the last record handled, in seconds (0 before any). */
double health_lag_s(const struct daemon_health *h);

/*
 * {"started", "lag_s", "last_record_age_s", "reloads": {"ok",
 * "failed", "last_error", "last_at"}, "last_minute": {"alerts", "blocks"},
 * "last_hour": {...}}
 */
struct json_object *health_json(const struct daemon_health *h, uint64_t now_ns,
				 const uint64_t totals[2]);
/* The recent alerts, oldest first: alert lines without their evidence. */
struct json_object *health_alerts_json(const struct daemon_health *h);

#endif /* GATEHAWK_HEALTH_H */
