// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* attach, detach and run: putting the gate on interfaces and taking it off. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/config.h"
#include "base/host_addrs.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/log_opts.h"
#include "daemon/daemon.h"
#include "kernel/gate_loader.h"
#include "gatehawk/gate.h"
#include "gatehawk/sources.h"
#include "input/request.h"

struct gate_cli {
	char *iface;
	const char *mode;
	const char *pin_dir;
	uint32_t max_blocks;
	uint32_t max_sources;
};

#define GATE_CLI_OPTS(g)                                                                   \
	{ "iface", "IF[,IF...]", cli_set_string, &(g).iface, "interfaces to gate (required)" }, \
	{ "xdp-mode", "MODE", cli_set_string, &(g).mode,                                   \
	  "native, skb or auto (default: auto, native when the driver has it)" },          \
	{ "pin-dir", "DIR", cli_set_string, &(g).pin_dir,                                  \
	  "bpffs directory for maps and links (default: " GH_PIN_DIR_DEFAULT ")" },        \
	{ "max-blocks", "N", cli_set_u32, &(g).max_blocks,                                 \
	  "entries per block map when first created (default: 262144)" },                 \
	{ "max-sources", "N", cli_set_u32, &(g).max_sources,                               \
	  "per-source counter entries when first created (default: 65536)" }

static int gate_cli_resolve(struct gate_cli *g, const char *path, struct gate_attach_opts *o)
{
	struct gh_err e = { 0 };

	memset(o, 0, sizeof(*o));
	o->pin_dir = g->pin_dir;
	o->sizes.max_blocks = g->max_blocks;
	o->sizes.max_sources = g->max_sources;
	if (!g->iface)
		return cli_input_error("%s: --iface IF[,IF...] is required", path);
	if (g->max_blocks < GH_MIN_MAX_BLOCKS)
		return cli_input_error("--max-blocks: expected at least %u, got %u", GH_MIN_MAX_BLOCKS,
				       g->max_blocks);
	if (g->max_sources < GH_MIN_MAX_SOURCES)
		return cli_input_error("--max-sources: expected at least %u, got %u",
				       GH_MIN_MAX_SOURCES, g->max_sources);
	return cli_report(&e, gate_parse_ifaces(g->iface, o, &e)
				      ?: gate_parse_xdp_mode(g->mode, &o->mode, &e));
}

int cmd_attach(int argc, char **argv)
{
	struct gate_cli g = { .mode = "auto", .pin_dir = GH_PIN_DIR_DEFAULT,
			      .max_blocks = GH_DEFAULT_MAX_BLOCKS,
			      .max_sources = GH_DEFAULT_MAX_SOURCES };
	const struct cli_opt opts[] = { GATE_CLI_OPTS(g), { 0 } };
	const struct cli_usage usage = {
		"gatehawk attach",
		"--iface IF[,IF...] [--xdp-mode native|skb|auto] [--pin-dir DIR]\n"
		"                       [--max-blocks N] [--max-sources N]",
		"Load the XDP gate, attach it to each interface with a pinned BPF link and exit.\n"
		"Drops continue with no process running. Attaching again reuses the pinned maps\n"
		"with their entries and swaps in the new program without a gap.",
		"  gatehawk attach --iface eth0\n  gatehawk attach --iface eth0,eth1 --xdp-mode skb\n"
	};
	struct gate_attach_opts o;
	struct gh_err e = { 0 };
	char *pos[1];
	int err;

	err = cli_parse(argc, argv, &usage, opts, pos, 0);
	if (err < 0)
		return err;
	err = gate_cli_resolve(&g, usage.path, &o);
	return err ?: cli_report(&e, gate_attach(&o, &e));
}

int cmd_detach(int argc, char **argv)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT;
	const struct cli_opt opts[] = {
		{ "pin-dir", "DIR", cli_set_string, &pin_dir,
		  "bpffs directory to clear (default: " GH_PIN_DIR_DEFAULT ")" },
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk detach", "[--pin-dir DIR]",
		"Remove every gatehawk link and pinned map: traffic passes again. A running\n"
		"`gatehawk run` notices within a second and exits.",
		"  gatehawk detach\n  gatehawk detach --pin-dir /sys/fs/bpf/gatehawk-test\n"
	};
	struct gh_err e = { 0 };
	char *pos[1];
	int err = cli_parse(argc, argv, &usage, opts, pos, 0);

	return err < 0 ? err : cli_report(&e, gate_detach(pin_dir, &e));
}

/* run --protect: never blocked by a policy, like this host's own addresses. */
static int protect_cidrs(const struct cli_strlist *l)
{
	struct gh_cidr c;

	for (int i = 0; i < l->count; i++) {
		if (gh_cidr_parse(l->items[i], &c))
			return cli_input_error("--protect %s: expected an address or CIDR such as "
					       "192.0.2.53 or 2001:db8::/48",
					       l->items[i]);
		if (gh_protect_add(&c))
			return cli_runtime_error(-ENOMEM, "--protect %s", l->items[i]);
	}
	return 0;
}

static void print_request(const struct request_record *rec, void *ctx)
{
	(void)ctx;
	cli_print_json(request_to_json(rec));
}

static void report_notes(const struct gh_err *e, void *ctx)
{
	(void)ctx;
	cli_report(e, 0);
}

static void print_log(void *ctx, const char *line)
{
	(void)ctx;
	fprintf(stderr, "%s\n", line);
}

/*
 * The alert sink, opened before anything touches the kernel: appended to,
 * never through a symlink (a planted link must not redirect it), created
 * 0640; "-" is stdout, line-buffered so each alert leaves at once.
 */
static int open_alerts(const char *path, FILE **out)
{
	int fd;

	if (!strcmp(path, "-")) {
		setvbuf(stdout, NULL, _IOLBF, 0);
		*out = stdout;
		return 0;
	}
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0640);
	if (fd < 0 || !(*out = fdopen(fd, "a"))) {
		int err = errno;

		if (fd >= 0)
			close(fd);
		return cli_input_error("--alerts %s: %s", path, strerror(err));
	}
	return 0;
}

#define RUN_CONFIG_DEFAULT "/etc/gatehawk/gatehawk.conf"
#define RUN_STATE_INSTALLED "/var/lib/gatehawk/state.json"

/* --config FILE, or the installed one when there is one (base/config.h). */
static int run_config(const char *path, const struct cli_opt *opts, int argc, char **argv,
		      struct gh_config *cfg)
{
	return cli_apply_config(path ? path : RUN_CONFIG_DEFAULT, path != NULL, opts, argc, argv,
				cfg);
}

/* The daemon with the options resolved; the strings it reads stay in place while it runs. */
static int run_daemon(struct daemon_opts *d, struct cli_log_opts *lo,
		      const struct cli_strlist *protect, const struct cli_strlist *access_logs,
		      bool print_requests, const char *alerts_path)
{
	struct log_parser parser;
	struct gh_err e = { 0 };
	int err = protect_cidrs(protect);

	if (err)
		return err;
	d->sensor.pin_dir = d->attach.pin_dir;
	d->sensor.sizes = d->attach.sizes;
	d->access_logs = access_logs->items;
	d->n_access_logs = access_logs->count;
	d->on_request = print_requests ? print_request : NULL;
	if ((err = cli_log_parser(lo, &parser)))
		return err;
	d->log_parser = &parser;
	d->proxies = &lo->trusted;
	err = open_alerts(alerts_path, &d->alerts);
	if (!err) {
		err = cli_report(&e, daemon_run(d, &e));
		if (d->alerts != stdout)
			fclose(d->alerts);
	}
	log_parser_free(&parser);
	return err;
}

int cmd_run(int argc, char **argv)
{
	struct gate_cli g = { .mode = "auto", .pin_dir = GH_PIN_DIR_DEFAULT,
			      .max_blocks = GH_DEFAULT_MAX_BLOCKS,
			      .max_sources = GH_DEFAULT_MAX_SOURCES };
	const char *ports = GH_DEFAULT_HTTP_PORTS;
	struct daemon_opts d = { .sensor.tun.sample_rate = 1, .on_started = report_notes,
				 .on_log = print_log };
	const char *alerts_path = "-";
	struct cli_log_opts lo = { 0 };
	struct cli_strlist access_logs = { .count = 0 }, protect = { .count = 0 };
	bool print_requests = false;
	struct gh_err e = { 0 };
	const char *config_path = NULL, *state_path = NULL;
	struct gh_config config = { 0 };
	const struct cli_opt opts[] = {
		{ "config", "FILE", cli_set_string, &config_path,
		  "options as 'key = value' lines, one per option (default: " RUN_CONFIG_DEFAULT
		  " when it exists); the command line overrides them" },
		{ "state-file", "FILE", cli_set_string, &state_path,
		  "save blocks, allow entries and escalation memory here as they change and "
		  "restore them at start, after a reboot too ('none': do not; default: none, "
		  "the installed config says " RUN_STATE_INSTALLED ")" },
		GATE_CLI_OPTS(g),
		{ "ports", "P[,P...]", cli_set_string, &ports,
		  "HTTP ports the sensor reads (default: " GH_DEFAULT_HTTP_PORTS ")" },
		{ "cgroup", "PATH", cli_set_string, &d.sensor.cgroup,
		  "cgroup v2 to attach the sensor to (default: the cgroup2 root)" },
		{ "sample-rate", "N", cli_set_u32, &d.sensor.tun.sample_rate,
		  "send 1 in N request heads to the daemon (default 1; counts stay exact)" },
		{ "policies", "DIR", cli_set_string, &d.policies_dir,
		  "policies to run (*.json, one per file; SIGHUP reloads)" },
		CLI_IPV6_PREFIX_OPT(d.policy_load),
		{ "alerts", "FILE", cli_set_string, &alerts_path,
		  "append alert lines to FILE ('-': stdout, the default)" },
		{ "dry-run", NULL, cli_set_flag, &d.dry_run,
		  "alert only: never write a block entry" },
		{ "max-groups", "N", cli_set_u32, &d.max_groups,
		  "policy state kept for at most N sources or groups, least recently seen evicted "
		  "(default 262144); sources known only by their kernel counters have N/2 more "
		  "of their own" },
		{ "access-log", "FILE", cli_set_strlist, &access_logs,
		  "follow an access log (tail -F, repeatable); its requests join the sensor's" },
		{ "protect", "CIDR", cli_set_strlist, &protect,
		  "never block this address or network: an upstream API, a crawler, a monitor "
		  "(repeatable; loopback, this host, its gateways and resolvers always are)" },
		{ "print-requests", NULL, cli_set_flag, &print_requests,
		  "write each decoded request as a JSON line on stdout" },
		CLI_LOG_OPTS(lo),
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk run",
		"--iface IF[,IF...] [--policies DIR] [--ports P,...] [--cgroup PATH]\n"
		"                    [--access-log FILE]... [--alerts FILE|-] [--dry-run] [--sample-rate N]\n"
		"                    [--print-requests] [--max-groups N] [--ipv6-prefix N]\n"
		"                    [--xdp-mode native|skb|auto] [--pin-dir DIR] [--max-blocks N]\n"
		"                    [--max-sources N] [--format FMT | --log-format SPEC]\n"
		"                    [--trusted-proxy CIDR]... [--protect CIDR]...\n"
		"                    [--config FILE] [--state-file FILE|none]",
		"Attach the gate and the HTTP sensor and stay in the foreground as the daemon:\n"
		"sampled request heads are decoded, joined to their response status and run\n"
		"through the policies with the kernel's per-source counters; a block verdict is\n"
		"written into the XDP map at once. SIGHUP reloads the policies (a bad file keeps\n"
		"the set in force). SIGTERM or SIGINT exit and leave the gate in place; a\n"
		"restarted daemon reuses the pins with no gap. Ports and sample rate can be\n"
		"changed while running with 'gatehawk tune'. --access-log adds what the sensor\n"
		"cannot see (TLS terminated by the web server): new lines of each log, checked\n"
		"every second, rotation followed; a request both see counts twice; --format or\n"
		"--log-format say how they are written. Behind a reverse proxy, --trusted-proxy\n"
		"attributes its requests (live and logged) to the X-Forwarded-For client and\n"
		"never blocks the proxy. No policy blocks loopback, this host's addresses, the\n"
		"gateways of its routing table, the resolvers of /etc/resolv.conf or a\n"
		"--protect network: the alert says why in evidence.not_blocked; a prefix over\n"
		"one of them blocks the source alone. IPv6 sources are grouped and blocked by\n"
		"/64 unless a policy or --ipv6-prefix says.\n"
		"\n"
		"Every option can also be a 'key = value' line of the config file (" RUN_CONFIG_DEFAULT "\n"
		"when it exists, or --config; flags take true or false): the command line wins.\n"
		"With --state-file, blocks (with the time they have left), allow entries and\n"
		"each source's escalation are saved as they change and come back at start:\n"
		"after a reboot the blocks are written again, after a restart the maps are\n"
		"kept as they are. Under systemd (contrib/systemd/gatehawk.service) it reports\n"
		"ready once attached, and gives up the capabilities it no longer needs.",
		"  gatehawk run --iface eth0 --policies /usr/local/share/gatehawk/policies\n"
		"  gatehawk run --iface eth0 --ports 80,8080 --sample-rate 10 --print-requests\n"
		"  gatehawk run --iface eth0 --policies ./policies --dry-run --alerts alerts.jsonl\n"
		"  gatehawk run --iface eth0 --policies ./policies --trusted-proxy 10.0.0.0/8\n"
		"  gatehawk run --iface eth0 --policies ./policies --ipv6-prefix 128\n"
		"  gatehawk run --iface eth0 --policies ./policies --protect 198.51.100.0/24\n"
		"  gatehawk run --config /etc/gatehawk/gatehawk.conf --dry-run\n"
		"  gatehawk run --iface eth0 --policies ./policies --state-file state.json\n"
	};
	char *pos[1];
	int err;

	err = cli_parse(argc, argv, &usage, opts, pos, 0);
	if (err < 0)
		return err;
	err = run_config(config_path, opts, argc, argv, &config);
	d.state_path = state_path && strcmp(state_path, "none") ? state_path : NULL;
	err = err ?: gate_cli_resolve(&g, usage.path, &d.attach);
	err = err ?: cli_report(&e, sensor_parse_ports(ports, &d.sensor.tun, &e));
	if (err) {
		gh_config_free(&config);
		return err;
	}
	err = run_daemon(&d, &lo, &protect, &access_logs, print_requests, alerts_path);
	gh_config_free(&config);
	return err;
}
