// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* block and allow: the operator's hands on the gate's lists (throttles: cmd_throttle.c). */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/block_file.h"
#include "kernel/block_hits.h"
#include "cli/cli.h"
#include "base/clock.h"
#include "cli/commands.h"
#include "cli/fleet_cli.h"
#include "cli/lists.h"
#include "kernel/gate_maps.h"
#include "kernel/gate_loader.h"
#include "base/host_addrs.h"

int cli_open_maps_locked(const char *pin_dir, uint32_t max_blocks, bool create,
			 struct gate_maps *m)
{
	struct gh_err e = { 0 };
	int err = create ? gate_maps_open_or_create(pin_dir, max_blocks, m, &e)
			 : gate_maps_open(pin_dir, m);

	/* Why creating failed (the error below says what for), or notes. */
	if (e.code || e.notes[0])
		cli_report(&e, e.code);

	if (err == -ENOENT)
		return cli_runtime_error(err, "no gatehawk maps under %s (run 'gatehawk attach' "
					      "or 'gatehawk block add' first)",
					 pin_dir);
	if (err)
		return cli_runtime_error(err, "opening maps under %s", pin_dir);
	err = gate_maps_lock(m);
	if (err) {
		gate_maps_close(m);
		return cli_runtime_error(err, "locking %s", pin_dir);
	}
	return 0;
}

int cli_parse_cidr_arg(const char *path, const char *arg, struct gh_cidr *c)
{
	struct gh_cidr masked;

	if (!gh_cidr_parse(arg, c))
		return 0;
	if (!gh_cidr_parse_masked(arg, &masked)) {
		char fixed[GH_CIDR_STRLEN];

		gh_cidr_format(&masked, fixed, sizeof(fixed));
		return cli_input_error("%s: '%s' has host bits set; did you mean %s?", path, arg,
				       fixed);
	}
	return cli_input_error("%s: expected an IPv4 or IPv6 address or CIDR, got '%s'", path,
			       arg);
}

int cli_check_protected(const char *path, const char *verb, const struct gh_cidr *c, bool force)
{
	char cidr[GH_CIDR_STRLEN], why[GH_CIDR_STRLEN + 32];

	if (force || !gh_covers_protected(c, why, sizeof(why)))
		return 0;
	gh_cidr_format(c, cidr, sizeof(cidr));
	return cli_input_error("%s: %s covers %s, which is protected; use --force to %s it anyway",
			       path, cidr, why, verb);
}

static int report_write_error(int err, const struct gate_maps *m)
{
	if (err == -E2BIG)
		return cli_runtime_fail(err, "a block map is full (%u entries per map); nothing "
					     "was changed. Detach and attach with a larger "
					     "--max-blocks",
					m->max_blocks);
	return cli_runtime_error(err, "writing block entries");
}

static void report_bad_line(const struct gh_err *line_err, void *ctx)
{
	(void)ctx;
	cli_report(line_err, line_err->code);
}

int cli_load_block_file(const char *file, uint64_t ttl, struct block_spec **specs, size_t *n)
{
	FILE *f = strcmp(file, "-") ? fopen(file, "r") : stdin;
	struct block_file_opts o = { .default_ttl_s = ttl, .bad_line = report_bad_line };
	struct gh_err e = { 0 };
	int err;

	if (!f)
		return cli_input_error("%s: %s", file, strerror(errno));
	err = cli_report(&e, block_file_parse(f, file, &o, specs, n, &e));
	if (f != stdin)
		fclose(f);
	return err;
}

/* A daemon in fleet mode publishes the operator's blocks (cli/fleet_cli.h). */
static void share_with_fleet(const char *pin_dir, const struct block_spec *specs, size_t n)
{
	size_t queued = 0;

	/* No daemon in fleet mode: the first try says so. */
	while (queued < n && cli_fleet_notify(pin_dir, true, &specs[queued].cidr))
		queued++;
	if (queued)
		cli_note("%zu block%s queued for the fleet", queued, queued == 1 ? "" : "s");
}

/* One CIDR argument or --file, not both: the entries of `block add` and `allow add`. */
static int cidr_or_file(const char *path, int npos, char **pos, const char *file, uint64_t ttl,
			struct block_spec *one, struct block_spec **specs, size_t *n)
{
	int err;

	if (!file && npos != 1)
		return cli_input_error("%s: expected one CIDR or --file FILE", path);
	if (file && npos)
		return cli_input_error("%s: give either a CIDR or --file, not both", path);
	if (file)
		return cli_load_block_file(file, ttl, specs, n);
	err = cli_parse_cidr_arg(path, pos[0], &one->cidr);
	one->ttl_s = ttl;
	*specs = one;
	*n = 1;
	return err;
}

static int block_add(int argc, char **argv)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT, *reason = NULL, *file = NULL;
	uint32_t max_blocks = GH_DEFAULT_MAX_BLOCKS;
	uint64_t ttl = 0;
	bool force = false;
	const struct cli_opt opts[] = {
		{ "ttl", "DURATION", cli_set_duration, &ttl,
		  "expire after this long (30s, 10m, 2h, 7d); default never" },
		{ "reason", "TEXT", cli_set_string, &reason, "why, shown by 'block list'" },
		{ "force", NULL, cli_set_flag, &force,
		  "allow a block covering loopback, this host's addresses, gateways or resolvers" },
		{ "file", "FILE", cli_set_string, &file,
		  "one 'CIDR [TTL]' per line, '#' comments; '-' for stdin" },
		CLI_PIN_DIR_OPT(pin_dir),
		{ "max-blocks", "N", cli_set_u32, &max_blocks,
		  "entries per block map if the maps are created now" },
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk block add",
		"CIDR|--file FILE [--ttl DURATION] [--reason TEXT] [--force]\n"
		"                          [--pin-dir DIR] [--max-blocks N]",
		"Block a source address or prefix at the XDP gate. A bare address means /32 or\n"
		"/128. Works before 'attach': the maps are created and pinned, and 'attach'\n"
		"reuses them. A file is checked whole before anything is written.",
		"  gatehawk block add 203.0.113.7 --ttl 10m --reason scanner\n"
		"  gatehawk block add 2001:db8::/64\n"
		"  gatehawk block add --file bad-actors.txt --ttl 1d\n"
	};
	struct block_spec *specs = NULL, one = { 0 };
	struct gate_maps m;
	uint32_t reason_id;
	size_t n = 1;
	char *pos[2];
	int npos, err;

	npos = cli_parse(argc, argv, &usage, opts, pos, 2);
	if (npos < 0)
		return npos;
	if (reason && strlen(reason) >= GH_REASON_LEN)
		return cli_input_error("--reason: at most %d bytes", GH_REASON_LEN - 1);
	err = cidr_or_file(usage.path, npos, pos, file, ttl, &one, &specs, &n);
	if (err)
		return err;
	for (size_t i = 0; i < n && !err; i++)
		err = cli_check_protected("block add", "block", &specs[i].cidr, force);
	if (err)
		goto out;

	err = cli_open_maps_locked(pin_dir, max_blocks, true, &m);
	if (err)
		goto out;
	err = gate_reason_id(&m, reason, &reason_id);
	if (err) {
		err = cli_runtime_error(err, "storing reason '%s'", reason);
		goto close;
	}
	for (size_t i = 0; i < n; i++)
		specs[i].reason = reason_id;
	err = gate_block_add(&m, specs, n);
	if (err)
		err = report_write_error(err, &m);
	else if (file)
		printf("%zu entr%s added\n", n, n == 1 ? "y" : "ies");
close:
	gate_maps_close(&m);
	if (!err)
		share_with_fleet(pin_dir, specs, n);
out:
	if (specs != &one)
		free(specs);
	return err;
}

int cli_cidr_command(int argc, char **argv, const struct cli_usage *usage, cidr_op op)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT;
	const struct cli_opt opts[] = { CLI_PIN_DIR_OPT(pin_dir), { 0 } };
	struct gate_maps m;
	struct gh_cidr c;
	char *pos[1];
	int err;

	err = cli_parse(argc, argv, usage, opts, pos, 1);
	if (err < 0)
		return err;
	if (err != 1)
		return cli_input_error("%s: expected one CIDR", usage->path);
	err = cli_parse_cidr_arg(usage->path, pos[0], &c);
	err = err ?: cli_open_maps_locked(pin_dir, GH_DEFAULT_MAX_BLOCKS, false, &m);
	if (err)
		return err;
	err = op(&m, &c);
	gate_maps_close(&m);
	if (err == -ENOENT)
		return cli_input_error("%s: %s is not in the list", usage->path, pos[0]);
	return err ? cli_runtime_error(err, "%s %s", usage->path, pos[0]) : 0;
}

/* The fleet's hosts release it too when a daemon in fleet mode runs here. */
static int block_del_shared(struct gate_maps *m, const struct gh_cidr *c)
{
	int err = gate_block_del(m, c);

	if (!err && cli_fleet_notify(m->pin_dir, false, c))
		cli_note("unblock queued for the fleet");
	return err;
}

static int block_del(int argc, char **argv)
{
	const struct cli_usage usage = {
		"gatehawk block del", "CIDR [--pin-dir DIR]",
		"Remove a block entry (exactly this prefix); its source passes again.",
		"  gatehawk block del 203.0.113.7\n  gatehawk block del 2001:db8::/64\n"
	};

	return cli_cidr_command(argc, argv, &usage, block_del_shared);
}

static int allow_del(int argc, char **argv)
{
	const struct cli_usage usage = {
		"gatehawk allow del", "CIDR [--pin-dir DIR]",
		"Remove an allow entry (exactly this prefix).",
		"  gatehawk allow del 192.0.2.0/24\n"
	};

	return cli_cidr_command(argc, argv, &usage, gate_allow_del);
}

static int allow_add(int argc, char **argv)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT, *file = NULL;
	uint64_t ttl = 0;
	const struct cli_opt opts[] = {
		{ "ttl", "DURATION", cli_set_duration, &ttl,
		  "expire after this long (30s, 10m, 2h, 7d); default never" },
		{ "file", "FILE", cli_set_string, &file,
		  "one 'CIDR [TTL]' per line, '#' comments; '-' for stdin" },
		CLI_PIN_DIR_OPT(pin_dir),
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk allow add", "CIDR|--file FILE [--ttl DURATION] [--pin-dir DIR]",
		"Always pass this address or prefix, whatever the block list says: for good, or\n"
		"until --ttl runs out (the gate ignores an expired entry at once, the daemon\n"
		"deletes it). The daemon never blocks an allowed source. Adding an entry again\n"
		"gives it the new expiry. A file is checked whole first: each bad line is named\n"
		"FILE:LINE and nothing is added. Works before 'attach', like 'block add'.",
		"  gatehawk allow add 192.0.2.0/24\n"
		"  gatehawk allow add 198.51.100.7 --ttl 2h\n"
		"  gatehawk allow add --file /etc/gatehawk/monitors.txt\n"
	};
	struct block_spec *specs = NULL, one = { 0 };
	struct allow_spec *allows = NULL;
	struct gate_maps m;
	size_t n = 1;
	char *pos[2];
	int npos, err;

	npos = cli_parse(argc, argv, &usage, opts, pos, 2);
	if (npos < 0)
		return npos;
	err = cidr_or_file(usage.path, npos, pos, file, ttl, &one, &specs, &n);
	if (err)
		return err;
	allows = calloc(n ? n : 1, sizeof(*allows));
	if (!allows) {
		err = cli_runtime_error(-ENOMEM, "%s", usage.path);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		allows[i] = (struct allow_spec){ .cidr = specs[i].cidr, .ttl_s = specs[i].ttl_s };
	err = cli_open_maps_locked(pin_dir, GH_DEFAULT_MAX_BLOCKS, true, &m);
	if (err)
		goto out;
	err = gate_allow_put(&m, allows, n);
	gate_maps_close(&m);
	if (err == -E2BIG)
		err = cli_runtime_fail(err, "the allow list is full (%d entries); nothing was changed",
				       GH_MAX_ALLOWS);
	else if (err)
		err = cli_runtime_error(err, "writing allow entries");
	else if (file)
		printf("%zu entr%s added\n", n, n == 1 ? "y" : "ies");
out:
	free(allows);
	if (specs != &one)
		free(specs);
	return err;
}

struct list_ctx {
	struct gate_maps *m;
	bool json;
	struct cli_json_list out;
	uint64_t now;
};

/* Whole seconds left, rounded up: "1s" until the entry is gone. */
static uint64_t seconds_left(uint64_t expires_ns, uint64_t now)
{
	return (expires_ns - now + 999999999ULL) / 1000000000ULL;
}

void cli_entry_text(struct gate_maps *m, const struct gh_cidr *c, const struct block_entry *e,
		    uint64_t now, struct list_entry_text *t)
{
	t->expires_in_s = e->expires_ns ? seconds_left(e->expires_ns, now) : 0;
	gh_cidr_format(c, t->cidr, sizeof(t->cidr));
	if (gate_reason_text(m, e->reason, t->reason, sizeof(t->reason)))
		snprintf(t->reason, sizeof(t->reason), "#%u", e->reason);
	if (e->expires_ns)
		snprintf(t->expires, sizeof(t->expires), "%" PRIu64 "s", t->expires_in_s);
	else
		snprintf(t->expires, sizeof(t->expires), "never");
}

struct json_object *cli_entry_json(const struct list_entry_text *t, const struct block_entry *e,
				   const char *action)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "cidr", json_object_new_string(t->cidr));
	json_object_object_add(o, "action", json_object_new_string(action));
	json_object_object_add(o, "reason", json_object_new_string(t->reason));
	json_object_object_add(o, "expires_in_s",
			       e->expires_ns ? json_object_new_uint64(t->expires_in_s) : NULL);
	json_object_object_add(o, "hits", json_object_new_uint64(e->hits));
	json_object_object_add(o, "auto", json_object_new_boolean(!!(e->flags & GH_BLOCK_F_AUTO)));
	json_object_object_add(o, "fleet", json_object_new_boolean(!!(e->flags & GH_BLOCK_F_FLEET)));
	return o;
}

static int print_block(const struct block_view *v, void *ctx)
{
	struct list_ctx *l = ctx;
	const struct block_entry *e = &v->entry;
	struct list_entry_text t;

	if (!block_entry_live(e, l->now))
		return 0;
	cli_entry_text(l->m, &v->cidr, e, l->now, &t);
	if (l->json)
		cli_json_list_add(&l->out, cli_entry_json(&t, e, "block"));
	else
		printf("%-43s %-10s %12" PRIu64 "  %s\n", t.cidr, t.expires, (uint64_t)e->hits,
		       t.reason);
	return 0;
}

static int print_allow(const struct allow_view *v, void *ctx)
{
	struct list_ctx *l = ctx;
	const struct allow_entry *e = &v->entry;
	const char *from = e->flags & GH_ALLOW_F_FILE ? "file" : "manual";
	char cidr[GH_CIDR_STRLEN];

	if (!gate_entry_live(e->expires_ns, l->now))
		return 0;
	gh_cidr_format(&v->cidr, cidr, sizeof(cidr));
	if (l->json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "cidr", json_object_new_string(cidr));
		json_object_object_add(o, "hits", json_object_new_uint64(e->hits));
		json_object_object_add(o, "expires_in_s",
				       e->expires_ns ? json_object_new_uint64(seconds_left(
							       e->expires_ns, l->now))
						     : NULL);
		json_object_object_add(o, "from", json_object_new_string(from));
		cli_json_list_add(&l->out, o);
	} else {
		char expires[24] = "never";

		if (e->expires_ns)
			snprintf(expires, sizeof(expires), "%" PRIu64 "s",
				 seconds_left(e->expires_ns, l->now));
		printf("%-43s %-10s %12" PRIu64 "  %s\n", cidr, expires, (uint64_t)e->hits, from);
	}
	return 0;
}

/* Lists stream entry by entry: a million blocks never sit in memory twice. */
static int list_show(int argc, char **argv, bool allow)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT;
	bool json = false;
	const struct cli_usage usage = {
		allow ? "gatehawk allow list" : "gatehawk block list", "[--json] [--pin-dir DIR]",
		allow ? "Show live allow entries: prefix, time left, packets let through, and\n"
			"whether a run --allow-file put it there (file) or an operator (manual).\n"
			"JSON fields: cidr, hits, expires_in_s (null = never), from."
		      : "Show live block entries, then live throttles: prefix, time left, packets\n"
			"dropped, reason (a throttle's says its rates). JSON fields: cidr, action\n"
			"(block or throttle), reason, expires_in_s (null = never), hits, auto,\n"
			"fleet (learned from the fleet: see 'gatehawk fleet'); throttles also conns\n"
			"and packets (see 'gatehawk throttle list --help').",
		allow ? "  gatehawk allow list\n"
			"  gatehawk allow list --json | jq -r '.[].cidr'\n"
		      : "  gatehawk block list\n"
			"  gatehawk block list --json | jq -r '.[] | select(.action == \"block\" "
			"and .auto) | .cidr'\n"
	};
	struct list_ctx l = { .now = gh_boottime_ns() };
	struct gate_maps m;
	int err;

	err = cli_parse_view(argc, argv, &usage, "one JSON array on stdout", &json, &pin_dir);
	if (err < 0)
		return err;
	err = gate_maps_open(pin_dir, &m);
	if (err == -ENOENT && json) {
		cli_print_json(json_object_new_array());
		return 0;
	}
	if (err == -ENOENT)
		return 0;
	if (err)
		return cli_runtime_error(err, "opening maps under %s", pin_dir);
	l.m = &m;
	l.json = json;
	if (json)
		cli_json_list_begin(&l.out);
	else if (allow)
		printf("%-43s %-10s %12s  %s\n", "CIDR", "EXPIRES", "HITS", "FROM");
	else
		printf("%-43s %-10s %12s  %s\n", "CIDR", "EXPIRES", "HITS", "REASON");
	err = allow ? gate_allow_foreach(&m, print_allow, &l) : gate_block_list(&m, print_block, &l);
	if (!allow && !err)
		err = cli_list_throttles(&m, json ? &l.out : NULL, l.now);
	/* Closed even after a read error: stdout stays valid JSON, the error follows. */
	if (json)
		cli_json_list_end(&l.out);
	gate_maps_close(&m);
	return err ? cli_runtime_error(err, "reading the %s list", allow ? "allow" : "block") : 0;
}

static int block_list(int argc, char **argv)
{
	return list_show(argc, argv, false);
}

static int allow_list(int argc, char **argv)
{
	return list_show(argc, argv, true);
}

int cmd_block(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "add", block_add, "block a CIDR, or every line of a file" },
		{ "del", block_del, "remove a block entry" },
		{ "list", block_list, "show live block entries" },
		{ 0 },
	};

	return cli_dispatch("gatehawk block", cmds, argc - 1, argv + 1);
}

int cmd_allow(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "add", allow_add, "always pass a CIDR" },
		{ "del", allow_del, "remove an allow entry" },
		{ "list", allow_list, "show allow entries" },
		{ 0 },
	};

	return cli_dispatch("gatehawk allow", cmds, argc - 1, argv + 1);
}
