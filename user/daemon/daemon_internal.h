/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The daemon's state, shared by daemon.c (setup and the event loop) and
 * daemon_stats.c (what `gatehawk stats`, `status` and --metrics read).
 * Nothing outside those two files includes this.
 */
#ifndef GATEHAWK_DAEMON_INTERNAL_H
#define GATEHAWK_DAEMON_INTERNAL_H

#include <stdint.h>
#include <time.h>
#include <json-c/json.h>

#include "base/clock.h"
#include "base/event_clock.h"
#include "base/prom_text.h"
#include "daemon/allow_files.h"
#include "daemon/daemon.h"
#include "daemon/enforcer.h"
#include "daemon/fleet_apply.h"
#include "daemon/health.h"
#include "daemon/persist.h"
#include "kernel/gate_maps.h"
#include "kernel/kernel_stats.h"
#include "kernel/pins.h"
#include "kernel/src_counters.h"

struct event_loop;
struct ring_reader;
struct ringbuf_decoder;
struct reloader;
struct fleet;
struct notify;
struct metrics_server;
struct log_follow;

/* A followed access log; its lines join the sensor's records. */
struct followed {
	struct daemon *d;
	struct log_follow *f;
	uint64_t malformed;
	int last_err; /* reported once, not every tick */
};

struct daemon {
	const struct daemon_opts *opts;
	struct event_loop *loop;
	struct gate_maps maps;
	struct ring_reader *ring; /* NULL without the kernel */
	struct ringbuf_decoder *decoder;
	struct policy_set *policies;
	struct engine *engine;
	struct reloader *reloader; /* SIGHUP; NULL without a policies directory */
	/*
	 * The sensor samples 1 in N > 1 heads: policies that read what a source
	 * did not do are paused (engine_opts.sampled). Followed each tick in
	 * sensor_config (`gatehawk tune` changes the rate without a reload).
	 */
	bool sampled;
	uint32_t sample_rate; /* the rate last read, for the log */
	uint64_t resumed_ns;  /* event time sampling ended (engine_opts.resumed_ns) */
	int sensor_cfg_fd; /* negative errno: none (no kernel) */
	struct enforcer enforcer;
	struct fleet *fleet; /* --fleet; NULL: this host alone */
	struct fleet_applier fleet_applier;
	struct notify *notify;    /* alert sinks, hooks, webhook */
	struct allow_files allow; /* --allow-file */
	int addrs_fd;             /* netlink: this host's addresses as they change */
	struct persist persist; /* --state-file */
	int persist_err;        /* the last save's error, logged once */
	struct gh_event_clock clock; /* live event time: records, ticks, counters */
	int64_t log_shift_ns;  /* a log line's wall-clock time to event time */
	struct followed *logs; /* one per opts->access_logs */
	/* The slot tables, read each tick when rate policies exist. */
	struct source_reader *src;
	int src_err; /* the last open or read's error, logged once */
	struct slot_watch slot_watch; /* the churn of sources, warned of each tick */
	int slot_meta_fd;             /* src_slot_meta, kept open; negative errno: none */
	/* Pins made or removed in the pin dir: only then are the link pins (a
	 * detach) and src_slot_meta looked up again (fd -1: every tick). */
	struct gh_pin_watch pins_watch;
	int control_fd;
	struct control_server *control; /* its clients, served without blocking the loop */
	uint64_t ticks;
	time_t started;
	struct daemon_health health; /* status and metrics (daemon/health.h) */
	int metrics_fd;              /* bound by setup, then the metrics server's */
	int prog_fds[GH_MAX_PROG_STATS]; /* the gate's and sensor's programs, for --metrics */
	int n_prog_fds;
	struct metrics_server *metrics;
};

static inline uint64_t daemon_now(const struct daemon *d)
{
	return gh_event_time(&d->clock, gh_boottime_ns());
}

/* The enforcer's totals the health rings follow (HEALTH_ALERTS, HEALTH_BLOCKS). */
static inline void daemon_totals(const struct daemon *d, uint64_t totals[2])
{
	totals[HEALTH_ALERTS] = d->enforcer.stats.alerts;
	totals[HEALTH_BLOCKS] = d->enforcer.stats.blocks;
}


/* A line for the operator; the caller (cli/) decides where it goes. */
void __attribute__((format(printf, 2, 3))) daemon_log(const struct daemon *d, const char *fmt, ...);

/* daemon_policies.c: the set in force. --policies loaded and its engine started (none: 0). */
int daemon_policies_load(struct daemon *d, struct gh_err *e);
/* SIGHUP reloads off the loop; none without --policies. */
int daemon_reloader_start(struct daemon *d, struct gh_err *e);
/* SIGHUP: the set in force runs on while the directory compiles. */
void daemon_reload(struct daemon *d);
/* Each tick: the sample rate `gatehawk tune` may have changed, the engine built for it. */
void daemon_follow_sampling(struct daemon *d);
/* Which policies sampling at rate pauses, or that they run again; nothing if none would. */
void daemon_log_sampling(const struct daemon *d, uint32_t rate);

/* The control socket's commands (control.h): stats, alerts, fleet ...; NULL: unknown. */
struct json_object *daemon_on_control(const char *cmd, void *ctx);
/* The metrics thread asks for a page (metrics.h's metrics_render_fn); ctx is the daemon. */
int daemon_render_metrics(struct prom_text *t, void *ctx);

#endif /* GATEHAWK_DAEMON_INTERNAL_H */
