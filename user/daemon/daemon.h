/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Folder daemon/: the long-running side, wiring input/, engine/ and kernel/
 * together: this daemon, the epoll event loop (fds and timers), the
 * enforcer (verdicts to alert lines and block entries), the control socket.
 * May call every folder but cli/; what it shows goes through caller hooks.
 *
 * `gatehawk run`: attach the gate and the HTTP sensor, then stay in the
 * foreground on one epoll loop: the sensor's ring buffer, followed access
 * logs, the control socket, signalfd (SIGTERM/SIGINT exit, SIGHUP reloads
 * the policies: compiled by a worker thread while the loop runs on with the
 * set in force, daemon/reload.h) and a 1 s timer tick (kernel counters to
 * the engine, overdue requests, block GC). SIGTERM leaves the gate, the
 * sensor and their pins in place; `gatehawk detach` (pins removed) makes
 * the daemon exit on its next tick.
 *
 * With no_kernel (`run --no-kernel`) nothing is attached or pinned: the
 * policies run on the followed access logs, rates counted from their
 * records, and a block goes to the --on-block hook (an nftables set, a
 * cloud firewall). A netlink socket follows this host's addresses as they
 * change (daemon/netlink_addrs.h), in both modes.
 *
 * Event time is base/event_clock.h's: the wall clock at the start, then
 * boottime, so stepping the wall clock moves no record, tick or window.
 * Access-log lines (stamped with the wall clock by the server) are moved
 * onto it; the engine takes records from the future as now (engine.h).
 */
#ifndef GATEHAWK_DAEMON_H
#define GATEHAWK_DAEMON_H

#include <stdbool.h>
#include <stdio.h>

#include "base/err.h"
#include "daemon/notify.h"
#include "engine/policy.h"
#include "kernel/gate_loader.h"
#include "kernel/sensor_loader.h"

/* Expired block entries are reclaimed this often; the program already
 * ignores them, GC only frees their slots. */
#define GH_GC_INTERVAL_S 5
#define GH_TICK_MS 1000
/* The longest operator line the daemon logs; longer ones are cut. */
#define GH_DAEMON_LOG_MAX 2048

struct fleet_opts;
struct log_parser;
struct request_record;
struct trusted_proxies;

struct daemon_opts {
	struct gate_attach_opts attach;
	struct sensor_opts sensor;
	const char *policies_dir;        /* NULL: decode only, no policies */
	struct policy_load_opts policy_load; /* defaults for what a policy does not say */
	const char *const *access_logs;  /* followed like tail -F */
	int n_access_logs;
	struct notify_opts notify;       /* alert sinks, hooks, webhook (daemon/notify.h) */
	const char *const *allow_files;  /* never blocked; SIGHUP rereads (daemon/allow_files.h) */
	int n_allow_files;
	bool no_kernel;                  /* access logs only: nothing attached, blocks to --on-block */
	const struct log_parser *log_parser; /* access-log lines; NULL: auto, no proxies */
	const struct trusted_proxies *proxies; /* live records' clients; never blocked */
	bool dry_run;                    /* alert, never write blocks */
	uint32_t max_groups;             /* engine state cap; 0: the engine's default */
	const char *metrics_listen;      /* ADDR:PORT serving GET /metrics (daemon/metrics.h); NULL: none */
	const struct fleet_opts *fleet;  /* share block decisions (daemon/fleet.h); NULL: alone */
	const char *state_path;          /* blocks, allows, throttles, offenses saved here;
					  * NULL: none (daemon/persist.h) */
	/* The daemon does not print: what the caller shows comes through these. */
	void (*on_request)(const struct request_record *rec, void *ctx); /* NULL: none */
	/* Setup is done and the loop starts: the notes gathered so far (then dropped). */
	void (*on_started)(const struct gh_err *e, void *ctx);
	/*
	 * A line for the operator (reloads, exit, read errors, policy load
	 * messages: the shape of policy_report.fn); NULL: dropped.
	 */
	void (*on_log)(void *ctx, const char *line);
	void *out_ctx;
};

/*
 * Set up, then run until a signal or a detach. Returns 0 or a negative
 * errno; e says why (setup, or the loop stopping).
 */
int daemon_run(const struct daemon_opts *o, struct gh_err *e);

#endif /* GATEHAWK_DAEMON_H */
