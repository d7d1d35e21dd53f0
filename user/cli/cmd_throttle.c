// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* throttle: limit a source's new connections and packets per second at the gate. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/lists.h"
#include "kernel/throttle_maps.h"

static int throttle_add(int argc, char **argv)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT, *reason = NULL;
	uint32_t max_blocks = GH_DEFAULT_MAX_BLOCKS;
	struct throttle_spec spec = { 0 };
	struct throttle_limits *l = &spec.limits;
	bool force = false;
	const struct cli_opt opts[] = {
		{ "conns-per-s", "N", cli_set_u32, &l->conns_per_s,
		  "new connections (TCP SYN) a second that pass; the rest are dropped" },
		{ "conn-burst", "N", cli_set_u32, &l->conn_burst,
		  "new connections that may pass at once (default: the rate, 1 s worth)" },
		{ "packets-per-s", "N", cli_set_u32, &l->packets_per_s,
		  "packets a second that pass, SYNs included" },
		{ "packet-burst", "N", cli_set_u32, &l->packet_burst,
		  "packets that may pass at once (default: the rate)" },
		{ "ttl", "DURATION", cli_set_duration, &spec.base.ttl_s,
		  "expire after this long (30s, 10m, 2h, 7d); default never" },
		{ "reason", "TEXT", cli_set_string, &reason, "why, shown by 'throttle list'" },
		{ "force", NULL, cli_set_flag, &force,
		  "allow a throttle covering loopback, this host's addresses, gateways or resolvers" },
		CLI_PIN_DIR_OPT(pin_dir),
		{ "max-blocks", "N", cli_set_u32, &max_blocks,
		  "entries per block and throttle map if the maps are created now" },
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk throttle add",
		"CIDR [--conns-per-s N [--conn-burst N]] [--packets-per-s N [--packet-burst N]]\n"
		"                             [--ttl DURATION] [--reason TEXT] [--force] [--pin-dir DIR]\n"
		"                             [--max-blocks N]",
		"Throttle a source address or prefix at the XDP gate (one rate at least): at most\n"
		"N new connections (TCP SYN without ACK) and N packets a second pass, after a\n"
		"burst; the rest are dropped, and established connections pass while no packet\n"
		"limit is set. A token bucket per limit, shared by the whole prefix. Adding it\n"
		"again changes its limits and expiry, keeping its counters and tokens. A block of\n"
		"the same source wins. Works before 'attach', like 'block add'.",
		"  gatehawk throttle add 203.0.113.7 --conns-per-s 10 --ttl 10m --reason crawler\n"
		"  gatehawk throttle add 2001:db8::/64 --conns-per-s 5 --conn-burst 20\n"
		"  gatehawk throttle add 198.51.100.0/24 --packets-per-s 1000 --ttl 1h\n"
	};
	struct gate_maps m;
	char *pos[1];
	int err;

	err = cli_parse(argc, argv, &usage, opts, pos, 1);
	if (err < 0)
		return err;
	if (err != 1)
		return cli_input_error("%s: expected one CIDR", usage.path);
	if (reason && strlen(reason) >= GH_REASON_LEN)
		return cli_input_error("--reason: at most %d bytes", GH_REASON_LEN - 1);
	if (!l->conn_burst)
		l->conn_burst = l->conns_per_s;
	if (!l->packet_burst)
		l->packet_burst = l->packets_per_s;
	if (!throttle_limits_valid(l))
		return cli_input_error("%s: expected --conns-per-s or --packets-per-s from 1 to %u, "
				       "bursts from 1 to %u and only with their rate",
				       usage.path, GH_THROTTLE_MAX_RATE, GH_THROTTLE_MAX_BURST);
	err = cli_parse_cidr_arg(usage.path, pos[0], &spec.base.cidr);
	err = err ?: cli_check_protected(usage.path, "throttle", &spec.base.cidr, force);
	err = err ?: cli_open_maps_locked(pin_dir, max_blocks, true, &m);
	if (err)
		return err;
	err = gate_reason_id(&m, reason, &spec.base.reason);
	if (err)
		err = cli_runtime_error(err, "storing reason '%s'", reason);
	else if ((err = gate_throttle_add(&m, &spec)) == -E2BIG)
		err = cli_runtime_fail(err, "a throttle map is full (%u entries per map); nothing "
					    "was changed. Detach and attach with a larger "
					    "--max-blocks",
				       m.max_blocks);
	else if (err)
		err = cli_runtime_error(err, "writing the throttle entry");
	gate_maps_close(&m);
	return err;
}

static int throttle_del(int argc, char **argv)
{
	const struct cli_usage usage = {
		"gatehawk throttle del", "CIDR [--pin-dir DIR]",
		"Remove a throttle (exactly this prefix); its source is no longer limited.",
		"  gatehawk throttle del 203.0.113.7\n  gatehawk throttle del 2001:db8::/64\n"
	};

	return cli_cidr_command(argc, argv, &usage, gate_throttle_del);
}

/* One bucket as {"per_s", "burst", "tokens", "passed", "dropped"}; null when unlimited. */
static struct json_object *bucket_json(const struct throttle_bucket *b, uint64_t now)
{
	struct json_object *o;

	if (!b->interval_ns)
		return NULL;
	o = json_object_new_object();
	json_object_object_add(o, "per_s", json_object_new_uint64(b->per_s));
	json_object_object_add(o, "burst", json_object_new_uint64(b->burst));
	json_object_object_add(o, "tokens", json_object_new_uint64(throttle_tokens(b, now)));
	json_object_object_add(o, "passed", json_object_new_uint64(b->passed));
	json_object_object_add(o, "dropped", json_object_new_uint64(b->dropped));
	return o;
}

/* "10/s (burst 20)", or "-" without a limit. */
static void rate_text(const struct throttle_bucket *b, char *buf, size_t len)
{
	if (!b->interval_ns)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%u/s (burst %u)", b->per_s, b->burst);
}

struct throttle_list {
	struct gate_maps *m;
	struct cli_json_list *out; /* NULL: text */
	uint64_t now;
	bool own_columns;          /* throttle list's; else block list's */
};

static int show_throttle(const struct throttle_view *v, void *ctx)
{
	struct throttle_list *l = ctx;
	const struct throttle_entry *e = &v->entry;
	char conns[48], packets[48];
	struct list_entry_text t;
	struct json_object *o;

	if (!block_entry_live(&e->entry, l->now))
		return 0;
	cli_entry_text(l->m, &v->cidr, &e->entry, l->now, &t);
	if (l->out) {
		o = cli_entry_json(&t, &e->entry, "throttle");
		json_object_object_add(o, "conns", bucket_json(&e->conns, l->now));
		json_object_object_add(o, "packets", bucket_json(&e->packets, l->now));
		cli_json_list_add(l->out, o);
		return 0;
	}
	rate_text(&e->conns, conns, sizeof(conns));
	rate_text(&e->packets, packets, sizeof(packets));
	if (l->own_columns)
		printf("%-43s %-10s %-20s %-24s %12" PRIu64 "  %s\n", t.cidr, t.expires, conns,
		       packets, (uint64_t)e->entry.hits, t.reason);
	else
		printf("%-43s %-10s %12" PRIu64 "  throttled: conns %s, packets %s; %s\n", t.cidr,
		       t.expires, (uint64_t)e->entry.hits, conns, packets, t.reason);
	return 0;
}

int cli_list_throttles(struct gate_maps *m, struct cli_json_list *out, uint64_t now)
{
	struct throttle_list l = { m, out, now, false };

	return gate_throttle_foreach(m, show_throttle, &l);
}

static int throttle_list(int argc, char **argv)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT;
	bool json = false;
	const struct cli_usage usage = {
		"gatehawk throttle list", "[--json] [--pin-dir DIR]",
		"Show live throttles: prefix, time left, the new-connection and packet limits,\n"
		"packets dropped, reason. JSON fields: cidr, action (\"throttle\"), reason,\n"
		"expires_in_s (null = never), hits (packets dropped), auto, and conns and\n"
		"packets, each null (no limit) or {per_s, burst, tokens (left now), passed,\n"
		"dropped}. 'gatehawk block list' shows them too, after the blocks.",
		"  gatehawk throttle list\n"
		"  gatehawk throttle list --json | jq -r '.[] | \"\\(.cidr) \\(.conns.passed)\"'\n"
	};
	struct cli_json_list out;
	struct throttle_list l = { .now = gh_boottime_ns(), .own_columns = true };
	struct gate_maps m;
	int err;

	err = cli_parse_view(argc, argv, &usage, "one JSON array on stdout", &json, &pin_dir);
	if (err < 0)
		return err;
	err = gate_maps_open(pin_dir, &m);
	if (err == -ENOENT) {
		if (json)
			cli_print_json(json_object_new_array());
		return 0;
	}
	if (err)
		return cli_runtime_error(err, "opening maps under %s", pin_dir);
	l.m = &m;
	l.out = json ? &out : NULL;
	if (json)
		cli_json_list_begin(&out);
	else
		printf("%-43s %-10s %-20s %-24s %12s  %s\n", "CIDR", "EXPIRES", "CONNS", "PACKETS",
		       "DROPPED", "REASON");
	err = gate_throttle_foreach(&m, show_throttle, &l);
	/* Closed even after a read error: stdout stays valid JSON, the error follows. */
	if (json)
		cli_json_list_end(&out);
	gate_maps_close(&m);
	return err ? cli_runtime_error(err, "reading the throttle list") : 0;
}

int cmd_throttle(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "add", throttle_add, "limit a CIDR's new connections and packets per second" },
		{ "del", throttle_del, "remove a throttle" },
		{ "list", throttle_list, "show live throttles, their limits and counters" },
		{ 0 },
	};

	return cli_dispatch("gatehawk throttle", cmds, argc - 1, argv + 1);
}
