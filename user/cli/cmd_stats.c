// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* stats: global counters of the gate and the HTTP sensor, summed over CPUs. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "daemon/control.h"
#include "cli/commands.h"
#include "kernel/gate_maps.h"
#include "kernel/kernel_stats.h"
#include "kernel/pins.h"

/* Counters print as "section.name value", or nest under the section in JSON. */
struct stats_out {
	struct json_object *root; /* NULL for text */
	struct json_object *section;
	const char *name;
};

static void section_begin(struct stats_out *o, const char *name)
{
	o->name = name;
	if (o->root) {
		o->section = json_object_new_object();
		json_object_object_add(o->root, name, o->section);
	}
}

static void put(struct stats_out *o, const char *key, uint64_t v)
{
	if (o->root)
		json_object_object_add(o->section, key, json_object_new_uint64(v));
	else
		printf("%s.%-20s %" PRIu64 "\n", o->name, key, v);
}

/* For the X-macro field lists: put() field NAME of the counters struct *s. */
#define PUT_FIELD(name) put(o, #name, s->name);

static void put_gate(struct stats_out *o, const struct gate_stats *s)
{
	section_begin(o, "gate");
	GATE_STATS_FIELDS(PUT_FIELD)
}

static void put_sensor(struct stats_out *o, const struct sensor_stats *s)
{
	section_begin(o, "sensor");
	SENSOR_STATS_FIELDS(PUT_FIELD)
}

/* The kernel's counters: gate, then sensor and sources when they exist. */
static int kernel_sections(const char *pin_dir, struct stats_out *o)
{
	struct gh_err e = { 0 };
	struct kernel_stats k;
	struct gate_maps m;
	int err = gate_maps_open(pin_dir, &m);

	if (err == -ENOENT)
		return cli_runtime_error(err, "no gatehawk maps under %s", pin_dir);
	if (err)
		return cli_runtime_error(err, "opening maps under %s", pin_dir);
	err = kernel_stats_read(&m, &k, &e);
	gate_maps_close(&m);
	if (err)
		return cli_report(&e, err);
	put_gate(o, &k.gate);
	if (k.has_sensor)
		put_sensor(o, &k.sensor);
	if (k.has_sources) {
		section_begin(o, "sources");
		put(o, "tracked", k.sources_tracked);
		put(o, "evicted", k.sources_evicted);
		put(o, "displaced", k.sources_displaced);
		put(o, "displaced_packets", k.sources_displaced_packets);
		put(o, "unslotted_packets", k.sources_unslotted_packets);
		put(o, "unslotted_requests", k.sources_unslotted_requests);
	}
	return 0;
}

/* Text form of the daemon's reply: "daemon.decoder.requests 12", one per line. */
static void print_flat(const char *prefix, struct json_object *v)
{
	char key[256];

	if (json_object_is_type(v, json_type_object)) {
		json_object_object_foreach(v, k, child) {
			snprintf(key, sizeof(key), "%s.%s", prefix, k);
			print_flat(key, child);
		}
	} else if (json_object_is_type(v, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(v); i++) {
			struct json_object *item = json_object_array_get_idx(v, i), *name;

			if (json_object_object_get_ex(item, "name", &name))
				snprintf(key, sizeof(key), "%s.%s", prefix, json_object_get_string(name));
			else
				snprintf(key, sizeof(key), "%s.%zu", prefix, i);
			print_flat(key, item);
		}
	} else if (strcmp(prefix + strlen(prefix) - 5, ".name")) {
		printf("%-40s %s\n", prefix, v ? json_object_get_string(v) : "-");
	}
}

/* The running daemon's own counters, when one answers for this pin dir. */
static void daemon_section(const char *pin_dir, struct stats_out *o)
{
	struct json_object *reply;

	if (control_request(pin_dir, "stats", &reply))
		return;
	if (o->root)
		json_object_object_add(o->root, "daemon", reply);
	else {
		print_flat("daemon", reply);
		json_object_put(reply);
	}
}

int cmd_stats(int argc, char **argv)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT;
	bool json = false;
	const struct cli_usage usage = {
		"gatehawk stats", "[--json] [--pin-dir DIR]",
		"Global counters summed over CPUs.\n"
		"gate:    frames seen, passed, dropped, allowed, matched only expired entries,\n"
		"         parse errors, non-IP, per family, VLAN, fragments, SYNs, throttled\n"
		"         (dropped by a throttle: part of dropped).\n"
		"sensor:  requests counted and sampled, pipelined heads, responses, skipped\n"
		"         retransmissions, and ring-buffer samples lost, by reason.\n"
		"sources: tracked (slots in use, gate's + sensor's), evicted (idle slots taken\n"
		"         over, gate's + sensor's), passed packets and requests counted in no\n"
		"         slot (the source's window of slots was full).\n"
		"daemon:  when 'gatehawk run' is up: decoded and malformed heads, engine groups,\n"
		"         late and future records, alerts and blocks per policy, blocks spared\n"
		"         (or narrowed to their source) and why, throttles written, entries a\n"
		"         full map gave up (evicted_expired, evicted_automatic), whether a reload\n"
		"         is compiling; with run --fleet, daemon.fleet.*: connected, queue,\n"
		"         published, received, rejected_* (by kind), applied, duplicates,\n"
		"         spared_*, lag_ms_*.",
		"  gatehawk stats\n  gatehawk stats --json | jq .gate.dropped\n"
	};
	struct stats_out o = { 0 };
	int err;

	err = cli_parse_view(argc, argv, &usage, "one JSON object on stdout", &json, &pin_dir);
	if (err < 0)
		return err;
	o.root = json ? json_object_new_object() : NULL;
	err = kernel_sections(pin_dir, &o);
	if (!err)
		daemon_section(pin_dir, &o);
	if (o.root && !err)
		cli_print_json(o.root);
	else if (o.root)
		json_object_put(o.root);
	return err;
}
