// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* attach, detach and run: putting the gate on interfaces and taking it off. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/config.h"
#include "base/host_addrs.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/fleet_cli.h"
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
};

#define GATE_CLI_OPTS(g)                                                                   \
	{ "iface", "IF[,IF...]", cli_set_string, &(g).iface, "interfaces to gate (required; run --no-kernel gates none)" }, \
	{ "xdp-mode", "MODE", cli_set_string, &(g).mode,                                   \
	  "native, skb or auto (default: auto, native when the driver has it)" },          \
	{ "pin-dir", "DIR", cli_set_string, &(g).pin_dir,                                  \
	  "bpffs directory for maps and links (default: " GH_PIN_DIR_DEFAULT ")" },        \
	{ "max-blocks", "N", cli_set_u32, &(g).max_blocks,                                 \
	  "entries per block map when first created (default: 262144)" }

static int gate_cli_resolve(struct gate_cli *g, const char *path, struct gate_attach_opts *o)
{
	struct gh_err e = { 0 };

	memset(o, 0, sizeof(*o));
	o->pin_dir = g->pin_dir;
	o->sizes.max_blocks = g->max_blocks;
	if (!g->iface)
		return cli_input_error("%s: --iface IF[,IF...] is required", path);
	if (g->max_blocks < GH_MIN_MAX_BLOCKS)
		return cli_input_error("--max-blocks: expected at least %u, got %u", GH_MIN_MAX_BLOCKS,
				       g->max_blocks);
	return cli_report(&e, gate_parse_ifaces(g->iface, o, &e)
				      ?: gate_parse_xdp_mode(g->mode, &o->mode, &e));
}

int cmd_attach(int argc, char **argv)
{
	struct gate_cli g = { .mode = "auto", .pin_dir = GH_PIN_DIR_DEFAULT,
			      .max_blocks = GH_DEFAULT_MAX_BLOCKS };
	const struct cli_opt opts[] = { GATE_CLI_OPTS(g), { 0 } };
	const struct cli_usage usage = {
		"gatehawk attach",
		"--iface IF[,IF...] [--xdp-mode native|skb|auto] [--pin-dir DIR]\n"
		"                       [--max-blocks N]",
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

/* --no-kernel: nothing to attach; access logs are all there is to read. */
static int no_kernel_resolve(const struct gate_cli *g, const struct cli_strlist *logs,
			     struct daemon_opts *d)
{
	if (g->iface)
		return cli_input_error("--no-kernel attaches nothing: leave out --iface");
	if (!logs->count)
		return cli_input_error("--no-kernel reads only access logs: give --access-log FILE");
	d->attach.pin_dir = g->pin_dir; /* names the control socket */
	if (!d->notify.on_block && !d->dry_run) {
		cli_note("--no-kernel without --on-block: nothing can block, alerts only (as "
			 "--dry-run)");
		d->dry_run = true;
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

/* What `run` reads besides daemon_opts; its strings stay in place while the daemon runs. */
struct run_args {
	struct gate_cli g;
	const char *ports;
	struct cli_log_opts lo;
	struct cli_strlist access_logs, protect, sinks, allow_files;
	struct cli_fleet fleet;
	bool print_requests;
};

/* The daemon with the options resolved (after the config file's). */
static int run_daemon(struct daemon_opts *d, struct run_args *a, const char *usage_path)
{
	struct log_parser parser;
	struct gh_err e = { 0 };
	int err;

	err = d->no_kernel ? no_kernel_resolve(&a->g, &a->access_logs, d)
			   : gate_cli_resolve(&a->g, usage_path, &d->attach);
	err = err ?: cli_report(&e, sensor_parse_ports(a->ports, &d->sensor.tun, &e));
	err = err ?: protect_cidrs(&a->protect);
	if (!err && a->fleet.opts.url) {
		err = cli_fleet_resolve(&a->fleet);
		d->fleet = &a->fleet.opts;
	}
	if (err)
		return err;
	d->sensor.pin_dir = d->attach.pin_dir;
	d->sensor.sizes = d->attach.sizes;
	d->access_logs = a->access_logs.items;
	d->n_access_logs = a->access_logs.count;
	d->on_request = a->print_requests ? print_request : NULL;
	if ((err = cli_log_parser(&a->lo, &parser)))
		return err;
	d->log_parser = &parser;
	d->proxies = &a->lo.trusted;
	d->notify.alerts = a->sinks.items;
	d->notify.n_alerts = a->sinks.count;
	d->notify.stdout_sink = stdout;
	setvbuf(stdout, NULL, _IOLBF, 0); /* each alert leaves at once */
	d->allow_files = a->allow_files.items;
	d->n_allow_files = a->allow_files.count;
	err = cli_report(&e, daemon_run(d, &e));
	log_parser_free(&parser);
	return err;
}

int cmd_run(int argc, char **argv)
{
	struct run_args a = { .g = { .mode = "auto", .pin_dir = GH_PIN_DIR_DEFAULT,
				     .max_blocks = GH_DEFAULT_MAX_BLOCKS },
			      .ports = GH_DEFAULT_HTTP_PORTS,
			      .fleet = { .opts.queue_max = GH_FLEET_QUEUE_DEFAULT } };
	struct daemon_opts d = { .sensor.tun.sample_rate = 1, .on_started = report_notes,
				 .on_log = print_log };
	const char *config_path = NULL, *state_path = NULL;
	struct gh_config config = { 0 };
	const struct cli_opt opts[] = {
		{ "config", "FILE", cli_set_string, &config_path,
		  "options as 'key = value' lines, one per option (default: " RUN_CONFIG_DEFAULT
		  " when it exists); the command line overrides them" },
		{ "state-file", "FILE", cli_set_string, &state_path,
		  "save blocks, allow entries, throttles and escalation memory here as they "
		  "change and restore them at start, after a reboot too ('none': do not; "
		  "default: none, the installed config says " RUN_STATE_INSTALLED ")" },
		GATE_CLI_OPTS(a.g),
		{ "ports", "P[,P...]", cli_set_string, &a.ports,
		  "HTTP ports the sensor reads (default: " GH_DEFAULT_HTTP_PORTS ")" },
		{ "cgroup", "PATH", cli_set_string, &d.sensor.cgroup,
		  "cgroup v2 to attach the sensor to (default: the cgroup2 root)" },
		{ "sample-rate", "N", cli_set_u32, &d.sensor.tun.sample_rate,
		  "send 1 in N request heads to the daemon (default 1; counts stay exact; "
		  "above 1, policies a sample misleads are paused)" },
		{ "policies", "DIR", cli_set_string, &d.policies_dir,
		  "policies to run (*.json, one per file; SIGHUP reloads)" },
		CLI_IPV6_PREFIX_OPT(d.policy_load),
		{ "alerts", "FILE|-|syslog", cli_set_strlist, &a.sinks,
		  "append alert lines to FILE, '-' stdout (the default) or 'syslog' (repeatable; "
		  "a file is reopened on SIGHUP and when logrotate moves it)" },
		{ "on-block", "CMD", cli_set_string, &d.notify.on_block,
		  "for each block written run CMD ACTION CIDR POLICY TTL_S SEVERITY SRC_IP WHY "
		  "(an executable, never a shell; the alert line on its stdin)" },
		{ "on-unblock", "CMD", cli_set_string, &d.notify.on_unblock,
		  "the same when a block ends, WHY expired or evicted" },
		{ "hook-timeout", "DURATION", cli_set_duration, &d.notify.hook_timeout_s,
		  "kill a hook still running after this long (default 10s)" },
		{ "webhook", "URL", cli_set_string, &d.notify.webhook,
		  "POST each alert line as JSON to URL (http or https), retried with backoff" },
		{ "allow-file", "FILE", cli_set_strlist, &a.allow_files,
		  "never block what FILE lists, one CIDR a line, '#' comments; the gate passes "
		  "it too (repeatable; SIGHUP rereads)" },
		{ "no-kernel", NULL, cli_set_flag, &d.no_kernel,
		  "attach nothing, no BPF: run the policies on --access-log only; blocks go to "
		  "--on-block (an nftables set)" },
		{ "dry-run", NULL, cli_set_flag, &d.dry_run,
		  "alert only: never write a block entry" },
		{ "max-groups", "N", cli_set_u32, &d.max_groups,
		  "policy state kept for at most N sources or groups, least recently seen evicted "
		  "(default 262144); sources known only by their kernel counters have N/2 more "
		  "of their own" },
		{ "access-log", "FILE", cli_set_strlist, &a.access_logs,
		  "follow an access log (tail -F, repeatable); its requests join the sensor's" },
		{ "protect", "CIDR", cli_set_strlist, &a.protect,
		  "never block this address or network: an upstream API, a crawler, a monitor "
		  "(repeatable; loopback, this host, its gateways and resolvers always are)" },
		{ "print-requests", NULL, cli_set_flag, &a.print_requests,
		  "write each decoded request as a JSON line on stdout" },
		{ "metrics", "ADDR:PORT", cli_set_string, &d.metrics_listen,
		  "serve Prometheus metrics at http://ADDR:PORT/metrics (e.g. 127.0.0.1:9101)" },
		CLI_LOG_OPTS(a.lo),
		{ "fleet", "URL", cli_set_string, &a.fleet.opts.url,
		  "share block decisions with every host on this NATS JetStream server" },
		CLI_FLEET_OPTS(a.fleet),
		{ "fleet-queue", "N", cli_set_u32, &a.fleet.opts.queue_max,
		  "decisions kept for the fleet while its server is down (default 10000)" },
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk run",
		"--iface IF[,IF...] | --no-kernel [--policies DIR] [--ports P,...] [--cgroup PATH]\n"
		"                    [--access-log FILE]... [--alerts FILE|-|syslog]... [--dry-run]\n"
		"                    [--on-block CMD] [--on-unblock CMD] [--hook-timeout DURATION]\n"
		"                    [--webhook URL] [--allow-file FILE]... [--sample-rate N]\n"
		"                    [--print-requests] [--max-groups N] [--ipv6-prefix N]\n"
		"                    [--xdp-mode native|skb|auto] [--pin-dir DIR] [--max-blocks N]\n"
		"                    [--format FMT | --log-format SPEC]\n"
		"                    [--trusted-proxy CIDR]... [--protect CIDR]... [--metrics ADDR:PORT]\n"
		"                    [--fleet URL [--fleet-name NAME] [--fleet-creds FILE]\n"
		"                     [--fleet-tls-ca FILE]... [--fleet-queue N]]\n"
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
		"/64 unless a policy or --ipv6-prefix says. --metrics serves every counter of\n"
		"'stats' and 'status' for Prometheus from a thread of its own, rendered when\n"
		"scraped (the README's operations section lists the series). With --fleet, every block\n"
		"this host makes (a policy's, or 'block add') goes to the fleet's NATS JetStream\n"
		"bucket and every host applies the fleet's blocks with the time they have left,\n"
		"except what it protects; 'block del' releases it everywhere; with the server\n"
		"down, blocking goes on alone and decisions wait for it ('gatehawk fleet --help').\n"
		"Addresses added to this host while it runs are protected at once (netlink).\n"
		"Alert lines go to every --alerts sink and --webhook; a block that ends is a line\n"
		"{\"action\":\"unblock\",\"cidr\",\"policy\",\"reason\":\"expired\"|\"evicted\"}.\n"
		"Hooks get one argument per field, whatever it holds (never a shell), PATH as\n"
		"their only environment; at most 4 run at once, 1024 wait, more are dropped\n"
		"and counted ('gatehawk status'). --no-kernel (no BPF, no root beyond reading\n"
		"the logs) runs the policies on the followed logs and blocks through --on-block,\n"
		"e.g. contrib/nftables/gatehawk-nft-block.\n"
		"\n"
		"Every option can also be a 'key = value' line of the config file (" RUN_CONFIG_DEFAULT "\n"
		"when it exists, or --config; flags take true or false): the command line wins.\n"
		"With --state-file, blocks (with the time they have left), allow entries,\n"
		"throttles and each source's escalation are saved as they change and come back\n"
		"at start: after a reboot they are written again, after a restart the maps are\n"
		"kept as they are. Under systemd (contrib/systemd/gatehawk.service) it reports\n"
		"ready once attached, and gives up the capabilities it no longer needs.",
		"  gatehawk run --iface eth0 --policies /usr/local/share/gatehawk/policies\n"
		"  gatehawk run --iface eth0 --ports 80,8080 --sample-rate 10 --print-requests\n"
		"  gatehawk run --iface eth0 --policies ./policies --dry-run --alerts alerts.jsonl\n"
		"  gatehawk run --iface eth0 --policies ./policies --trusted-proxy 10.0.0.0/8\n"
		"  gatehawk run --iface eth0 --policies ./policies --ipv6-prefix 128\n"
		"  gatehawk run --iface eth0 --policies ./policies --protect 198.51.100.0/24\n"
		"  gatehawk run --iface eth0 --policies ./policies --metrics 127.0.0.1:9101\n"
		"  gatehawk run --iface eth0 --policies ./policies --fleet nats://10.0.0.5:4222 \\\n"
		"      --fleet-creds /etc/gatehawk/web-1.creds --fleet-name web-1\n"
		"  gatehawk run --iface eth0 --policies ./policies --alerts /var/log/gatehawk.jsonl \\\n"
		"      --alerts syslog --webhook https://hooks.example.com/gatehawk\n"
		"  gatehawk run --no-kernel --access-log /var/log/nginx/access.log --policies ./policies \\\n"
		"      --on-block /usr/local/share/gatehawk/contrib/nftables/gatehawk-nft-block\n"
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
	err = err ?: run_daemon(&d, &a, usage.path);
	gh_config_free(&config);
	return err;
}
