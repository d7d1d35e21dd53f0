// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* status: what is attached, what is in force, whether the daemon runs. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "base/clock.h"
#include "cli/commands.h"
#include "daemon/control.h"
#include "kernel/gate_loader.h"
#include "kernel/gate_maps.h"
#include "kernel/kernel_stats.h"
#include "gatehawk/gate.h"
#include "kernel/pins.h"
#include "kernel/sensor_loader.h"

/*
 * Interfaces the gate is on, and pinned links that gate nothing any more:
 * their interface was deleted (and maybe re-created under the same name).
 */
static void add_links(struct json_object *o, const char *pin_dir)
{
	struct json_object *live = json_object_new_array(), *defunct = json_object_new_array();
	struct gate_link links[GH_MAX_IFACES * 4];
	int n = 0;

	gate_links_list(pin_dir, links, (int)(sizeof(links) / sizeof(links[0])), &n);
	for (int i = 0; i < n; i++) {
		struct json_object *d;

		if (!links[i].defunct) {
			json_object_array_add(live, json_object_new_string(links[i].ifname));
			continue;
		}
		d = json_object_new_object();
		json_object_object_add(d, "iface", json_object_new_string(links[i].ifname));
		json_object_object_add(d, "link_ifindex", json_object_new_uint64(links[i].ifindex));
		json_object_object_add(d, "iface_ifindex",
				       json_object_new_uint64(links[i].name_ifindex));
		json_object_array_add(defunct, d);
	}
	json_object_object_add(o, "interfaces", live);
	json_object_object_add(o, "defunct_links", defunct);
}

static struct json_object *gate_status(const char *pin_dir)
{
	struct json_object *o = json_object_new_object();
	struct gate_entry_counts c;
	struct gate_maps m;
	int err;

	add_links(o, pin_dir);
	if (gate_maps_open(pin_dir, &m))
		return o;
	err = gate_entries_count(&m, gh_boottime_ns(), &c);
	gate_maps_close(&m);
	if (err)
		return o;
	json_object_object_add(o, "blocks",
			       json_object_new_uint64(c.blocks_automatic + c.blocks_manual));
	json_object_object_add(o, "automatic_blocks", json_object_new_uint64(c.blocks_automatic));
	json_object_object_add(o, "allow_entries", json_object_new_uint64(c.allows));
	json_object_object_add(o, "throttles",
			       json_object_new_uint64(c.throttles_automatic + c.throttles_manual));
	json_object_object_add(o, "max_blocks_per_map", json_object_new_uint64(c.max_blocks));
	return o;
}

static struct json_object *sensor_status(const char *pin_dir)
{
	struct json_object *o;
	struct sensor_tunables t;

	if (sensor_get_tunables(pin_dir, &t))
		return NULL;
	o = tune_to_json(&t);
	json_object_object_add(o, "attached",
			       json_object_new_boolean(gh_pin_exists(pin_dir, "link_cg_http_in")));
	return o;
}

static int64_t get_int(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) ? json_object_get_int64(v) : 0;
}

static void print_defunct(struct json_object *links)
{
	for (size_t i = 0; i < json_object_array_length(links); i++) {
		struct json_object *l = json_object_array_get_idx(links, i);
		const char *ifname = json_object_get_string(json_object_object_get(l, "iface"));
		int64_t now = get_int(l, "iface_ifindex");

		printf("gate:    defunct link on %s (its interface was deleted; ", ifname);
		if (now)
			printf("%s is now ifindex %" PRId64 "): ", ifname, now);
		else
			printf("no %s here now): ", ifname);
		printf("it drops nothing. 'gatehawk attach --iface %s' re-creates it, blocks kept\n",
		       ifname);
	}
}

static const char *get_str(struct json_object *o, const char *key, const char *none)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) && v ? json_object_get_string(v) : none;
}

/* "3 alerts, 1 block" over a span of the daemon's recent counts. */
static void print_recent(struct json_object *health, const char *span, const char *label)
{
	struct json_object *r = json_object_object_get(health, span);
	int64_t alerts = get_int(r, "alerts"), blocks = get_int(r, "blocks");

	printf("%s %" PRId64 " alert%s, %" PRId64 " block%s", label, alerts, alerts == 1 ? "" : "s",
	       blocks, blocks == 1 ? "" : "s");
}

/* Lag, reloads, and alerts and blocks of the last minute and hour. */
static void print_health(struct json_object *daemon, struct json_object *engine)
{
	struct json_object *h, *reloads, *pols = NULL, *age;

	if (!json_object_object_get_ex(daemon, "health", &h))
		return;
	if (json_object_object_get_ex(h, "last_record_age_s", &age) && age)
		printf("lag:     %.3fs (the last record, %.0fs ago, was handled that long after "
		       "its time)\n",
		       json_object_get_double(json_object_object_get(h, "lag_s")),
		       json_object_get_double(age));
	else
		printf("lag:     no record yet\n");
	json_object_object_get_ex(engine, "policies", &pols);
	reloads = json_object_object_get(h, "reloads");
	printf("policies: %zu in force; reloads %" PRId64 " ok, %" PRId64 " failed",
	       pols ? json_object_array_length(pols) : 0, get_int(reloads, "ok"),
	       get_int(reloads, "failed"));
	if (get_int(reloads, "failed"))
		printf(" (last failure: %s)", get_str(reloads, "last_error", "?"));
	if (get_int(reloads, "ok") + get_int(reloads, "failed"))
		printf("; last reload %s", get_str(reloads, "last_at", "?"));
	printf("\n");
	print_recent(h, "last_minute", "activity: last minute");
	print_recent(h, "last_hour", "; last hour");
	printf("\n");
}

/* Fleet mode (run --fleet): the connection, the queue and what came and went. */
static void print_fleet(struct json_object *daemon)
{
	struct json_object *f, *err;

	if (!json_object_object_get_ex(daemon, "fleet", &f) || !f)
		return;
	printf("fleet:   %s %s as %s; queue %" PRId64 " (overflow %" PRId64 "), published %" PRId64
	       ", applied %" PRId64 " (duplicates %" PRId64 "), rejected %" PRId64
	       ", lag %" PRId64 " ms (max %" PRId64 ")\n",
	       json_object_get_boolean(json_object_object_get(f, "connected")) ? "connected to"
									  : "NOT connected to",
	       json_object_get_string(json_object_object_get(f, "url")),
	       json_object_get_string(json_object_object_get(f, "name")), get_int(f, "queue"),
	       get_int(f, "queue_overflow"), get_int(f, "published"), get_int(f, "applied"),
	       get_int(f, "duplicates"),
	       get_int(f, "rejected_message") + get_int(f, "rejected_cidr") +
		       get_int(f, "rejected_expiry") + get_int(f, "spared_protected"),
	       get_int(f, "lag_ms_last"), get_int(f, "lag_ms_max"));
	if (json_object_object_get_ex(f, "last_error", &err) && err)
		printf("fleet:   last error: %s\n", json_object_get_string(err));
}

static void print_text(struct json_object *st)
{
	struct json_object *gate, *sensor, *daemon, *ifaces, *engine = NULL, *pols;

	json_object_object_get_ex(st, "gate", &gate);
	json_object_object_get_ex(gate, "interfaces", &ifaces);
	printf("gate:    ");
	if (!json_object_array_length(ifaces))
		printf("not attached");
	for (size_t i = 0; i < json_object_array_length(ifaces); i++)
		printf("%s%s", i ? "," : "attached to ",
		       json_object_get_string(json_object_array_get_idx(ifaces, i)));
	printf("; %" PRId64 " blocks in force (%" PRId64 " automatic), %" PRId64
	       " throttles, %" PRId64 " allow entries\n",
	       get_int(gate, "blocks"), get_int(gate, "automatic_blocks"),
	       get_int(gate, "throttles"), get_int(gate, "allow_entries"));
	print_defunct(json_object_object_get(gate, "defunct_links"));
	if (json_object_object_get_ex(st, "sensor", &sensor) && sensor)
		printf("sensor:  ports %s, sample 1/%" PRId64 ", %s\n",
		       json_object_to_json_string(json_object_object_get(sensor, "ports")),
		       get_int(sensor, "sample_rate"),
		       json_object_get_boolean(json_object_object_get(sensor, "attached"))
			       ? "attached" : "not attached");
	else
		printf("sensor:  not loaded\n");
	if (!json_object_object_get_ex(st, "daemon", &daemon) || !daemon) {
		printf("daemon:  not running\n");
		return;
	}
	printf("daemon:  running, pid %" PRId64 ", up %" PRId64 "s (since %s)%s\n",
	       get_int(daemon, "pid"), get_int(daemon, "uptime_s"),
	       get_str(json_object_object_get(daemon, "health"), "started", "?"),
	       json_object_get_boolean(json_object_object_get(daemon, "reloading"))
		       ? "; reloading the policies (the set below runs meanwhile)" : "");
	json_object_object_get_ex(daemon, "engine", &engine);
	print_health(daemon, engine);
	print_fleet(daemon);
	if (!engine || !json_object_object_get_ex(engine, "policies", &pols))
		return;
	printf("engine:  %" PRId64 " groups (%" PRId64 " counter-only), %" PRId64
	       " window entries; evicted %" PRId64 " stateful, %" PRId64 " counter-only\n",
	       get_int(engine, "groups"), get_int(engine, "counter_groups"),
	       get_int(engine, "entries"), get_int(engine, "evicted_stateful"),
	       get_int(engine, "evicted_counter_only"));
	printf("\n%-28s %10s %8s %8s %8s\n", "POLICY", "MATCHED", "ALERTS", "BLOCKS", "GROUPS");
	for (size_t i = 0; i < json_object_array_length(pols); i++) {
		struct json_object *p = json_object_array_get_idx(pols, i);

		printf("%-28s %10" PRId64 " %8" PRId64 " %8" PRId64 " %8" PRId64 "\n",
		       json_object_get_string(json_object_object_get(p, "name")),
		       get_int(p, "matched"), get_int(p, "alerts"), get_int(p, "blocks"),
		       get_int(p, "groups"));
	}
}

int cmd_status(int argc, char **argv)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT;
	bool json = false;
	const struct cli_usage usage = {
		"gatehawk status", "[--json] [--pin-dir DIR]",
		"Where the gate is attached, blocks and allow entries in force, the sensor's\n"
		"ports and sample rate, and whether a daemon runs: since when, how far behind\n"
		"the engine is (lag: how long after its time the last record was handled),\n"
		"policies in force, reloads that worked and failed, alerts and blocks over the\n"
		"last minute and hour, and alerts and blocks per policy. A defunct link (its interface was deleted, maybe re-created under the\n"
		"same name) gates nothing: 'attach' or 'run' on that interface replaces it and\n"
		"keeps every block. In fleet mode (run --fleet), whether the daemon is connected,\n"
		"its last error, decisions waiting to be published, published, applied,\n"
		"rejected and the lag from another host's decision to its entry here.",
		"  gatehawk status\n  gatehawk status --json | jq '.daemon.engine.policies[].name'\n"
	};
	struct json_object *st, *daemon = NULL;
	int err;

	err = cli_parse_view(argc, argv, &usage, "one JSON object on stdout", &json, &pin_dir);
	if (err < 0)
		return err;
	st = json_object_new_object();
	json_object_object_add(st, "gate", gate_status(pin_dir));
	json_object_object_add(st, "sensor", sensor_status(pin_dir));
	control_request(pin_dir, "stats", &daemon);
	json_object_object_add(st, "daemon", daemon);
	if (json)
		cli_print_json(st);
	else {
		print_text(st);
		json_object_put(st);
	}
	return 0;
}
