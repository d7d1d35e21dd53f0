// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * fleet list and fleet import: the fleet's bucket read and fed directly,
 * with no daemon; and the options `run --fleet` shares with them.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/fleet_cli.h"
#include "daemon/control.h"
#include "daemon/fleet_apply.h"

int cli_fleet_resolve(struct cli_fleet *f)
{
	if (!f->opts.url)
		return cli_input_error("--fleet URL is required, e.g. nats://10.0.0.5:4222");
	if (strncmp(f->opts.url, "nats://", 7) && strncmp(f->opts.url, "tls://", 6))
		return cli_input_error("--fleet %s: expected nats://HOST:PORT or tls://HOST:PORT "
				       "(comma-separated for several servers)",
				       f->opts.url);
	if (f->opts.name && !fleet_name_valid(f->opts.name))
		return cli_input_error("--fleet-name '%s': expected 1 to %d characters of "
				       "[A-Za-z0-9._-]",
				       f->opts.name, GH_FLEET_NAME_MAX - 1);
	/* The library reads it only when connecting: say now what is wrong with it. */
	if (f->opts.creds && access(f->opts.creds, R_OK))
		return cli_input_error("--fleet-creds %s: %s", f->opts.creds, strerror(errno));
	f->opts.tls_ca = f->tls_ca.items;
	f->opts.n_tls_ca = f->tls_ca.count;
	return 0;
}

bool cli_fleet_notify(const char *pin_dir, bool block, const struct gh_cidr *c)
{
	/* The longest, "fleet unblock " and a full IPv6 /128, is GH_CONTROL_CMD_MAX. */
	char cmd[sizeof(GH_FLEET_CMD_UNBLOCK) + GH_CIDR_STRLEN], cidr[GH_CIDR_STRLEN];
	struct json_object *reply = NULL, *queued;
	bool ok;

	gh_cidr_format(c, cidr, sizeof(cidr));
	snprintf(cmd, sizeof(cmd), "%s%s", block ? GH_FLEET_CMD_BLOCK : GH_FLEET_CMD_UNBLOCK,
		 cidr);
	if (control_request(pin_dir, cmd, &reply))
		return false;
	ok = json_object_object_get_ex(reply, "queued", &queued) && json_object_get_boolean(queued);
	json_object_put(reply);
	return ok;
}

/* -ENOENT, unreported, when the bucket does not exist and create is false. */
static int connect_cli(struct cli_fleet *f, bool create, struct fleet_client *c)
{
	struct gh_err e = { 0 };
	int err = cli_fleet_resolve(f);

	if (err)
		return err;
	err = fleet_client_open(&f->opts, create, c, &e);
	if (err)
		fleet_client_close(c);
	return err == -ENOENT && !create ? err : cli_report(&e, err);
}

struct list_ctx {
	bool json;
	struct cli_json_list out;
	int64_t now;
	uint64_t shown, refused, expired, unblocks;
	char last_refused[GH_ERR_MSG_MAX];
};

static struct json_object *decision_json(const struct fleet_decision *d, int64_t now)
{
	struct json_object *o = json_object_new_object();
	char cidr[GH_CIDR_STRLEN];

	gh_cidr_format(&d->cidr, cidr, sizeof(cidr));
	json_object_object_add(o, "cidr", json_object_new_string(cidr));
	json_object_object_add(o, "origin", json_object_new_string(d->origin));
	json_object_object_add(o, "expires_at", json_object_new_int64(d->expires_at));
	json_object_object_add(o, "expires_in_s", json_object_new_int64(d->expires_at - now));
	json_object_object_add(o, "decided_ms", json_object_new_int64(d->decided_ms));
	json_object_object_add(o, "policy", json_object_new_string(d->policy));
	json_object_object_add(o, "reason", json_object_new_string(d->reason));
	json_object_object_add(o, "severity", json_object_new_string(d->severity));
	return o;
}

/* Blocks in force only: an unblock or a refused value blocks nothing anywhere. */
static int list_one(const struct fleet_decision *d, enum fleet_reject r,
		    const struct gh_err *why, void *ctx)
{
	struct list_ctx *l = ctx;
	char cidr[GH_CIDR_STRLEN];

	if (r == FLEET_BAD_EXPIRY && d->expires_at <= l->now) {
		l->expired++; /* gone by itself everywhere; the bucket drops it later */
		return 0;
	}
	if (r != FLEET_OK) {
		l->refused++;
		snprintf(l->last_refused, sizeof(l->last_refused), "%s", why->msg);
		return 0;
	}
	if (d->action != FLEET_BLOCK) {
		l->unblocks++;
		return 0;
	}
	l->shown++;
	if (l->json) {
		cli_json_list_add(&l->out, decision_json(d, l->now));
		return 0;
	}
	gh_cidr_format(&d->cidr, cidr, sizeof(cidr));
	printf("%-43s %10" PRId64 "s  %-20s %-8s %s\n", cidr, d->expires_at - l->now, d->origin,
	       *d->severity ? d->severity : "-",
	       *d->policy ? d->policy : *d->reason ? d->reason : "manual");
	return 0;
}

static int fleet_list(int argc, char **argv)
{
	struct cli_fleet f = { 0 };
	struct list_ctx l = { .now = (int64_t)time(NULL) };
	const struct cli_opt opts[] = {
		{ "fleet", "URL", cli_set_string, &f.opts.url, "the fleet's NATS server(s)" },
		CLI_FLEET_OPTS(f),
		CLI_JSON_OPT(l.json, "one JSON array on stdout: cidr, origin, expires_at (unix s), "
				     "expires_in_s, decided_ms, policy, reason, severity"),
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk fleet list", "--fleet URL [--json] [--fleet-creds FILE] [--fleet-tls-ca FILE]",
		"Show the fleet's blocks in force, read from its bucket on the NATS server: the\n"
		"CIDR, time left, the host that decided it, severity, and the policy (or the\n"
		"operator's reason). Values every host would refuse (bad JSON, a bad CIDR, a\n"
		"past expiry) are counted in a note, never shown as blocks.",
		"  gatehawk fleet list --fleet nats://10.0.0.5:4222\n"
		"  gatehawk fleet list --fleet nats://10.0.0.5:4222 --json | jq -r '.[].cidr'\n"
	};
	struct fleet_client c;
	struct gh_err e = { 0 };
	char *pos[1];
	int err;

	err = cli_parse(argc, argv, &usage, opts, pos, 0);
	if (err < 0)
		return err;
	err = connect_cli(&f, false, &c);
	if (err) {
		/* No bucket yet: nothing was ever decided. */
		if (err != -ENOENT)
			return err;
		if (l.json)
			cli_print_json(json_object_new_array());
		return 0;
	}
	if (l.json)
		cli_json_list_begin(&l.out);
	else
		printf("%-43s %11s  %-20s %-8s %s\n", "CIDR", "EXPIRES", "ORIGIN", "SEVERITY",
		       "POLICY/REASON");
	err = fleet_client_walk(&c, list_one, &l, &e);
	if (l.json)
		cli_json_list_end(&l.out);
	fleet_client_close(&c);
	if (l.refused)
		cli_note("%" PRIu64 " value(s) in the bucket refused (last: %s)", l.refused,
			 l.last_refused);
	return cli_report(&e, err);
}

static int fleet_import(int argc, char **argv)
{
	struct cli_fleet f = { 0 };
	const char *reason = "";
	uint64_t ttl = GH_FLEET_MAX_TTL_S;
	const struct cli_opt opts[] = {
		{ "fleet", "URL", cli_set_string, &f.opts.url, "the fleet's NATS server(s)" },
		CLI_FLEET_OPTS(f),
		{ "ttl", "DURATION", cli_set_duration, &ttl,
		  "for lines without their own (default and most: 30d)" },
		{ "reason", "TEXT", cli_set_string, &reason, "why, shown by 'fleet list'" },
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk fleet import",
		"FILE --fleet URL [--ttl DURATION] [--reason TEXT] [--fleet-name NAME]\n"
		"                             [--fleet-creds FILE] [--fleet-tls-ca FILE]",
		"Publish a block list for every host of the fleet: one 'CIDR [TTL]' a line,\n"
		"'#' comments, '-' for stdin; the file is checked whole before anything is sent.\n"
		"Each host applies it with the time left, except what it protects (loopback, its\n"
		"own addresses, gateways, resolvers, --protect, trusted proxies, allow entries).\n"
		"A fleet decision lasts at most 30 days.",
		"  gatehawk fleet import scanners.txt --fleet nats://10.0.0.5:4222 --ttl 1d\n"
		"  gatehawk fleet import - --fleet nats://10.0.0.5:4222 --reason feed < feed.txt\n"
	};
	struct fleet_decision d = { .action = FLEET_BLOCK };
	struct block_spec *specs = NULL;
	struct fleet_client c;
	struct gh_err e = { 0 };
	size_t n = 0, sent = 0;
	char *pos[2];
	int err;

	err = cli_parse(argc, argv, &usage, opts, pos, 2);
	if (err < 0)
		return err;
	if (err != 1)
		return cli_input_error("%s: expected one FILE", usage.path);
	if (strlen(reason) >= sizeof(d.reason))
		return cli_input_error("--reason: at most %zu bytes", sizeof(d.reason) - 1);
	for (const char *p = reason; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			return cli_input_error("--reason: printable ASCII only");
	snprintf(d.reason, sizeof(d.reason), "%s", reason);
	err = cli_load_block_file(pos[0], ttl, &specs, &n);
	err = err ?: connect_cli(&f, true, &c);
	if (err) {
		free(specs);
		return err;
	}
	if (!f.opts.name && gethostname(d.origin, sizeof(d.origin)))
		d.origin[0] = '\0';
	d.origin[sizeof(d.origin) - 1] = '\0';
	if (f.opts.name)
		snprintf(d.origin, sizeof(d.origin), "%s", f.opts.name);
	if (!fleet_name_valid(d.origin))
		err = cli_input_error("the host name '%s' is no fleet name: give --fleet-name",
				      d.origin);
	for (size_t i = 0; !err && i < n; i++) {
		uint64_t t = specs[i].ttl_s && specs[i].ttl_s < GH_FLEET_MAX_TTL_S
				     ? specs[i].ttl_s : GH_FLEET_MAX_TTL_S;

		d.cidr = specs[i].cidr;
		d.decided_ms = (int64_t)(gh_clock_ns(CLOCK_REALTIME) / 1000000);
		d.expires_at = d.decided_ms / 1000 + (int64_t)t;
		err = cli_report(&e, fleet_kv_put(c.kv, &d, &e));
		sent += !err;
	}
	fleet_client_close(&c);
	free(specs);
	printf("%zu decision%s published to the fleet\n", sent, sent == 1 ? "" : "s");
	return err;
}

int cmd_fleet(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "list", fleet_list, "the fleet's blocks in force and who decided them" },
		{ "import", fleet_import, "publish a block list for every host" },
		{ 0 },
	};

	return cli_dispatch("gatehawk fleet", cmds, argc - 1, argv + 1);
}
