// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "input/access_log.h"
#include "input/client_addr.h"
#include "input/log_parser.h"
#include "base/clock.h"
#include "base/private_dir.h"
#include "base/event_clock.h"
#include "base/host_addrs.h"
#include "daemon/allow_files.h"
#include "daemon/control.h"
#include "daemon/daemon.h"
#include "daemon/daemon_internal.h"
#include "daemon/enforcer.h"
#include "daemon/health.h"
#include "daemon/metrics.h"
#include "daemon/fleet_apply.h"
#include "daemon/persist.h"
#include "daemon/reload.h"
#include "daemon/service.h"
#include "engine/engine.h"
#include "daemon/event_loop.h"
#include "daemon/netlink_addrs.h"
#include "kernel/gate_maps.h"
#include "kernel/map_iter.h"
#include "input/log_follow.h"
#include "kernel/pins.h"
#include "engine/policy.h"
#include "daemon/ring_reader.h"
#include "input/ringbuf_decode.h"
#include "kernel/src_counters.h"

void daemon_log(const struct daemon *d, const char *fmt, ...)
{
	char line[GH_DAEMON_LOG_MAX];
	va_list ap;

	if (!d->opts->on_log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	d->opts->on_log(d->opts->out_ctx, line);
}

static bool has_rate_policies(const struct policy_set *ps)
{
	for (size_t i = 0; ps && i < ps->count; i++)
		if (ps->policies[i].kind == POLICY_RATE)
			return true;
	return false;
}

/* The gate was detached under us when its link pins are gone. */
static bool gate_detached(const struct daemon *d)
{
	const struct gate_attach_opts *a = &d->opts->attach;
	char name[64];

	for (int i = 0; i < a->n_ifaces; i++) {
		snprintf(name, sizeof(name), "%s%s", GH_LINK_XDP_PREFIX, a->ifaces[i]);
		if (!gh_pin_exists(a->pin_dir, name))
			return true;
	}
	return false;
}

static void collect_garbage(struct daemon *d)
{
	int err = enforcer_gc(&d->enforcer, gh_boottime_ns());

	if (err)
		daemon_log(d, "gatehawk: block GC failed: %s", strerror(-err));
}

static int on_addrs_changed(int fd, uint32_t events, void *ctx)
{
	const struct daemon *d = ctx;

	(void)events;
	netlink_addrs_serve(fd, d->opts->on_log, d->opts->out_ctx);
	return 0;
}

static void feed_record(struct daemon *d, const struct request_record *rec)
{
	if (d->opts->on_request)
		d->opts->on_request(rec, d->opts->out_ctx);
	health_record(&d->health, rec->ts_ns, daemon_now(d));
	if (d->engine)
		engine_feed(d->engine, rec);
}

/* A live record: behind a trusted proxy, the client is the one it names. */
static void on_record(const struct request_record *rec, void *ctx)
{
	struct daemon *d = ctx;
	struct request_record client;

	if (d->opts->proxies && d->opts->proxies->n) {
		client = *rec;
		client_addr_resolve(d->opts->proxies, &client);
		rec = &client;
	}
	feed_record(d, rec);
}

static void on_log_line(char *line, size_t len, void *ctx)
{
	struct followed *fl = ctx;
	struct request_record rec;
	int64_t shift = fl->d->log_shift_ns;

	const struct log_parser *lp = fl->d->opts->log_parser;
	int err = lp ? log_parser_parse(lp, line, len, &rec)
		     : access_log_parse(ACCESS_LOG_AUTO, line, len, &rec);

	if (err) {
		fl->malformed++;
		return;
	}
	rec.ts_ns = shift >= 0 || rec.ts_ns >= (uint64_t)-shift ? rec.ts_ns + (uint64_t)shift : 0;
	feed_record(fl->d, &rec);
}

static void follow_logs(struct daemon *d)
{
	/* The server stamps lines with the wall clock: after a step of it, this
	 * puts them back on event time, beside the sensor's records. */
	d->log_shift_ns = (int64_t)(daemon_now(d) - gh_clock_ns(CLOCK_REALTIME));
	for (int i = 0; i < d->opts->n_access_logs; i++) {
		struct followed *fl = &d->logs[i];
		int n = log_follow_poll(fl->f, on_log_line, fl);

		if (n < 0 && n != fl->last_err)
			daemon_log(d, "gatehawk: reading %s: %s", log_follow_path(fl->f),
				   strerror(-n));
		fl->last_err = n < 0 ? n : 0;
	}
}

struct counters_ctx {
	struct engine *engine;
	uint64_t now;
};

/*
 * After every verdict (its block, its offense) or fleet block, and every GC
 * interval (hand-made changes).
 */
static void save_state(struct daemon *d, uint64_t now)
{
	struct gh_err e = { 0 };
	const struct enforcer_stats *s = &d->enforcer.stats;
	int err = persist_tick(&d->persist, d->enforcer.maps, d->engine, now,
			       s->alerts + s->blocks + s->throttles,
			       d->ticks % GH_GC_INTERVAL_S == 0, &e);

	if (err && err != d->persist_err)
		daemon_log(d, "gatehawk: %s", e.msg);
	d->persist_err = err;
}

static int feed_source(const struct source_row *row, void *ctx)
{
	struct counters_ctx *c = ctx;

	engine_feed_counters(c->engine, c->now, &row->addr, &row->s);
	return 0;
}

/* A failing read of the slot tables, logged when it starts or changes: rate
 * policies see no counts meanwhile. */
static void read_sources_err(struct daemon *d, int err)
{
	if (err < 0 && err != d->src_err)
		daemon_log(d, "gatehawk: reading the per-source counters in %s: %s; rate "
			      "policies see no counts until it reads again",
			   d->opts->attach.pin_dir, strerror(-err));
	d->src_err = err < 0 ? err : 0;
}

/*
 * Say so when a flood of many sources keeps per-source counting from seeing
 * them. src_slot_meta stays open until pins change (zeros while not pinned).
 */
static void watch_slots(struct daemon *d, bool pins_changed)
{
	uint64_t passed, lost;
	struct src_slot_meta m = { 0 };
	struct gate_stats g;

	if (d->opts->no_kernel)
		return;
	if (pins_changed) {
		if (d->slot_meta_fd >= 0)
			close(d->slot_meta_fd);
		d->slot_meta_fd = gh_pin_open(d->opts->attach.pin_dir, "src_slot_meta");
	}
	if ((d->slot_meta_fd < 0 && d->slot_meta_fd != -ENOENT) || gate_stats_read(&d->maps, &g) ||
	    (d->slot_meta_fd >= 0 && map_percpu_sum(d->slot_meta_fd, 0, &m, sizeof(m))))
		return;
	if (slot_watch_step(&d->slot_watch, gh_boottime_ns(), g.passed,
			    m.displaced + m.unslotted_packets, &passed, &lost))
		daemon_log(d,
			   "gatehawk: %llu new sources pushed lighter ones out of their slots (or "
			   "found none) among the %llu packets passed in the last second (a flood "
			   "of many sources?): rate policies keep counting the heavy sources, not "
			   "these; `gatehawk stats` has sources.displaced",
			   (unsigned long long)lost, (unsigned long long)passed);
}

static int on_tick(uint64_t expirations, void *ctx)
{
	struct daemon *d = ctx;
	uint64_t boot = gh_boottime_ns(), now, totals[2];
	bool pins_changed;

	/* One tick however late: the work reads the clock, not the count. */
	(void)expirations;
	gh_event_clock_sync(&d->clock, gh_clock_ns(CLOCK_REALTIME), boot);
	now = gh_event_time(&d->clock, boot);
	d->ticks++;
	/* Drained before the pins are looked at: a later change fires the next tick. */
	pins_changed = gh_pin_watch_drain(&d->pins_watch) || d->ticks == 1;
	if (pins_changed && gate_detached(d)) {
		daemon_log(d, "gatehawk: gate detached, exiting");
		ev_stop(d->loop);
		return 0;
	}
	decoder_expire(d->decoder, boot);
	notify_tick(d->notify, boot);
	follow_logs(d);
	/* Opened on the first tick that has rate policies, so a SIGHUP that
	 * brings the first one in gets the counters too. */
	if (!d->src && !d->opts->no_kernel && has_rate_policies(d->policies))
		read_sources_err(d, source_reader_open(d->opts->attach.pin_dir, &d->src));
	if (d->engine && d->src) {
		struct counters_ctx c = { d->engine, now };

		read_sources_err(d, source_reader_foreach(d->src, feed_source, &c));
	}
	daemon_follow_sampling(d);
	if (d->engine)
		engine_tick(d->engine, now);
	watch_slots(d, pins_changed);
	daemon_totals(d, totals);
	health_tick(&d->health, now, totals);
	if (d->ticks % GH_GC_INTERVAL_S == 0)
		collect_garbage(d);
	save_state(d, now);
	svc_watchdog();
	return 0;
}

static int on_ring_event(void *ctx, void *data, size_t size)
{
	return decoder_event(ctx, data, size);
}

static int on_signal(int fd, uint32_t events, void *ctx)
{
	struct signalfd_siginfo si;
	struct daemon *d = ctx;

	(void)events;
	if (read(fd, &si, sizeof(si)) != sizeof(si))
		return 0;
	if (si.ssi_signo == SIGHUP) {
		notify_reopen(d->notify);
		allow_files_reload(&d->allow, d->opts->no_kernel ? NULL : &d->maps);
		daemon_reload(d);
		return 0;
	}
	daemon_log(d, "gatehawk: %s, exiting; the gate stays attached",
		   strsignal((int)si.ssi_signo));
	ev_stop(d->loop);
	return 0;
}

/* Decisions of the fleet came in (daemon/fleet.h): applied here, on the loop. */
static int on_fleet_ready(int fd, uint32_t events, void *ctx)
{
	struct daemon *d = ctx;

	(void)fd;
	(void)events;
	fleet_drain(d->fleet, fleet_apply, &d->fleet_applier);
	return 0;
}

static int on_control_ready(int fd, uint32_t events, void *ctx)
{
	struct daemon *d = ctx;

	(void)fd;
	(void)events;
	return control_server_handle(d->control);
}

static int block_signals(void)
{
	sigset_t mask;
	int fd;

	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &mask, NULL))
		return -errno;
	fd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

static int add_fd(struct daemon *d, int fd, ev_handler fn, const char *what, struct gh_err *e)
{
	int err = fd < 0 ? fd : ev_add(d->loop, fd, fn, d);

	return err ? gh_err_sys(e, err, "setting up %s", what) : 0;
}

static int add_timer(struct daemon *d, uint64_t interval_ms, ev_timer_handler fn,
		     const char *what, struct gh_err *e)
{
	int id = ev_timer_add(d->loop, interval_ms * 1000000ULL, fn, d);

	return id < 0 ? gh_err_sys(e, id, "setting up %s", what) : 0;
}

/* Without the kernel, the decoder only (its counters stay zero). */
static int open_ring(struct daemon *d, struct gh_err *e)
{
	d->decoder = decoder_new(on_record, d, GH_DEFAULT_MAX_PENDING,
				 GH_DEFAULT_ANSWER_TIMEOUT_NS, &d->clock);
	if (!d->decoder || d->opts->no_kernel)
		return d->decoder ? 0 : gh_err_sys(e, -ENOMEM, "setting up the decoder");
	return ring_reader_open(&d->ring, d->opts->attach.pin_dir, d->loop, on_ring_event,
				d->decoder, e);
}

/* Policies, allow files and logs first: bad input changes nothing in the kernel. */
static int load_inputs(struct daemon *d, struct gh_err *e)
{
	const struct daemon_opts *o = d->opts;
	int err;

	d->allow = (struct allow_files){ .paths = o->allow_files, .n_paths = o->n_allow_files,
					 .log = o->on_log, .log_ctx = o->out_ctx };
	err = allow_files_load(&d->allow, e);
	if (err)
		return err;
	d->logs = calloc((size_t)o->n_access_logs + 1, sizeof(*d->logs));
	if (!d->logs)
		return gh_err_sys(e, -ENOMEM, "following the access logs");
	for (int i = 0; i < o->n_access_logs; i++) {
		d->logs[i].d = d;
		err = log_follow_open(o->access_logs[i], &d->logs[i].f);
		if (err)
			return gh_err_input(e, "--access-log %s: %s", o->access_logs[i],
					    strerror(-err));
	}
	return daemon_policies_load(d, e);
}

/* The saved state back (persist.h), said in a note. */
static int restore_state(struct daemon *d, struct gh_err *e)
{
	struct persist_restored r;
	int err;

	if (!d->opts->state_path)
		return 0;
	err = persist_restore(&d->persist, d->enforcer.maps, d->engine, daemon_now(d), &r, e);
	if (r.from_file && d->enforcer.maps && d->persist.fresh_maps)
		gh_err_note(e, "restored from %s: %zu blocks and %zu throttles with their remaining "
			       "time (%zu over meanwhile, %zu refused by the map), %zu allow entries",
			    d->opts->state_path, r.blocks, r.throttles, r.expired, r.failed,
			    r.allows);
	if (r.offenses > 0)
		gh_err_note(e, "escalation memory restored from %s (%d entries)",
			    d->opts->state_path, r.offenses);
	return err;
}

/*
 * Everything the loop uses is open: only what the running daemon needs
 * stays (service.h). Hooks inherit CAP_NET_ADMIN: the nftables one needs it.
 */
static int drop_caps(struct daemon *d, struct gh_err *e)
{
	const struct daemon_opts *o = d->opts;
	unsigned int keep = o->n_access_logs ? SVC_KEEP_LOG_READ : 0;

	if (o->notify.on_block || o->notify.on_unblock)
		keep |= SVC_KEEP_NET_ADMIN;
	return svc_drop_caps(d->enforcer.maps, keep, e);
}

/*
 * The threads, once capabilities are gone: the sinks and the webhook's
 * worker (notify.h), the fleet's connection (fleet.h); they need none.
 */
static int start_workers(struct daemon *d, struct gh_err *e)
{
	const struct daemon_opts *o = d->opts;

	d->notify = notify_new(&o->notify, d->loop, o->on_log, o->out_ctx, e);
	if (!d->notify)
		return e->code;
	d->enforcer.notify = d->notify;
	/* Connecting goes on in the background: a server down stops nothing. */
	if (o->fleet && !(d->fleet = fleet_start(o->fleet, e)))
		return e->code ?: -EINVAL;
	if (!d->fleet)
		return 0;
	fleet_applier_init(&d->fleet_applier, d->fleet, &d->enforcer);
	d->fleet_applier.stream = fleet_stream_start(d->fleet, d->policies, e);
	if (!d->fleet_applier.stream)
		return e->code ?: -ENOMEM;
	return add_fd(d, fleet_fd(d->fleet), on_fleet_ready, "the fleet", e);
}

static int setup(struct daemon *d, int *sig_fd, struct gh_err *e)
{
	const struct daemon_opts *o = d->opts;
	int err;

	d->loop = ev_loop_new();
	if (!d->loop)
		return gh_err_sys(e, -ENOMEM, "creating the event loop");
	err = persist_open(&d->persist, o->state_path, o->attach.pin_dir, e);
	err = err ?: load_inputs(d, e);
	err = err ?: notify_check(&o->notify, e);
	if (err)
		return err;
	if (o->metrics_listen) {
		d->metrics_fd = metrics_listen(o->metrics_listen, e);
		if (d->metrics_fd < 0)
			return d->metrics_fd;
	}
	d->control_fd = control_listen(o->attach.pin_dir);
	if (d->control_fd == -EADDRINUSE)
		return gh_err_fail(e, d->control_fd, "a gatehawk daemon already runs for %s",
				   o->attach.pin_dir);
	/*
	 * What is wrong with the directory, said again with the path in it.
	 * Without the kernel (an unprivileged user) the daemon goes on without
	 * its control socket instead (a note says so below).
	 */
	if ((d->control_fd == -EPERM || d->control_fd == -ENOTDIR) && !o->no_kernel)
		return gh_private_dir_check(GH_CONTROL_DIR, e) ?: d->control_fd;
	if (!o->no_kernel) {
		err = gate_attach(&o->attach, e);
		err = err ?: sensor_attach(&o->sensor, e);
		if (err)
			return err;
		err = gate_maps_open(o->attach.pin_dir, &d->maps);
		if (err)
			return gh_err_sys(e, err, "opening pinned maps in %s", o->attach.pin_dir);
		d->sensor_cfg_fd = sensor_config_open(o->attach.pin_dir);
		if (d->sensor_cfg_fd < 0)
			return gh_err_sys(e, d->sensor_cfg_fd, "opening the sensor's config map in %s",
					  o->attach.pin_dir);
		gh_pin_watch_open(&d->pins_watch, o->attach.pin_dir, GH_PIN_WATCH_PINS);
	}
	enforcer_init(&d->enforcer, o->no_kernel ? NULL : &d->maps, NULL, o->dry_run);
	d->enforcer.proxies = o->proxies;
	d->enforcer.allow_files = &d->allow;
	err = allow_files_sync(&d->allow, o->no_kernel ? NULL : &d->maps, e);
	if (err)
		return err;
	err = restore_state(d, e);
	*sig_fd = block_signals();
	err = err ?: add_fd(d, *sig_fd, on_signal, "signalfd", e);
	err = err ?: open_ring(d, e);
	/* Opened by id, which needs CAP_SYS_ADMIN: before the drop. */
	if (!err && o->metrics_listen && !o->no_kernel)
		bpf_prog_fds_open(o->attach.pin_dir, d->prog_fds, GH_MAX_PROG_STATS, &d->n_prog_fds);
	/* What attaching needed goes before any thread starts: threads keep the
	 * capabilities they were created with (service.h). */
	err = err ?: drop_caps(d, e);
	err = err ?: start_workers(d, e);
	err = err ?: daemon_reloader_start(d, e);
	err = err ?: add_timer(d, GH_TICK_MS, on_tick, "the timer", e);
	/* Unprivileged without the kernel, /run/gatehawk may be out of reach. */
	if (d->control_fd < 0 && o->no_kernel)
		gh_err_note(e, "no control socket (%s): 'gatehawk status' cannot see this daemon",
			    strerror(-d->control_fd));
	else if (!err) {
		err = d->control_fd < 0 ? d->control_fd
					: control_server_new(d->control_fd, daemon_on_control, d,
							     &d->control);
		err = err ? gh_err_sys(e, err, "setting up the control socket")
			  : add_fd(d, control_server_fd(d->control), on_control_ready,
				   "the control socket", e);
	}
	d->addrs_fd = netlink_addrs_open();
	if (d->addrs_fd < 0)
		gh_err_note(e, "not following address changes (%s): this host's addresses are "
			       "reread every %d s",
			    strerror(-d->addrs_fd), GH_PROTECTED_REFRESH_S);
	else
		err = err ?: add_fd(d, d->addrs_fd, on_addrs_changed, "the netlink socket", e);
	/* After block_signals(): the HTTP thread must not take SIGTERM. */
	if (!err && d->metrics_fd >= 0) {
		err = metrics_start(d->loop, d->metrics_fd, daemon_render_metrics, d, &d->metrics, e);
		d->metrics_fd = -1;
	}
	return err;
}

static void announce(const struct daemon *d)
{
	const struct daemon_opts *o = d->opts;
	char ports[GH_MAX_HTTP_PORTS * sizeof(",65535")] = "";
	size_t used = 0;

	for (uint32_t i = 0; i < o->sensor.tun.n_ports && used < sizeof(ports); i++)
		used += (size_t)snprintf(ports + used, sizeof(ports) - used, "%s%u", i ? "," : " ",
					 o->sensor.tun.ports[i]);
	if (o->no_kernel)
		daemon_log(d, "gatehawk: no kernel: %d access log(s), %zu policies, blocks %s; running",
			   o->n_access_logs, d->policies ? d->policies->count : 0,
			   o->dry_run ? "not written (dry run)" : "to --on-block");
	else
		daemon_log(d, "gatehawk: gate on %d interface(s), sensor on ports%s, sample 1/%u, "
			      "%zu policies%s; running",
			   o->attach.n_ifaces, ports, o->sensor.tun.sample_rate,
			   d->policies ? d->policies->count : 0, o->dry_run ? " (dry run)" : "");
}

/* Hand the setup's notes to the caller before the loop, not at exit. */
static void report_started(const struct daemon *d, struct gh_err *e)
{
	if (d->opts->on_started && e)
		d->opts->on_started(e, d->opts->out_ctx);
	if (e)
		e->notes[0] = '\0'; /* shown: not again when daemon_run returns */
	announce(d);
	if (d->sampled)
		daemon_log_sampling(d, d->sample_rate);
	svc_ready("gate on %d interface(s), %zu policies", d->opts->attach.n_ifaces,
		  d->policies ? d->policies->count : 0);
}

int daemon_run(const struct daemon_opts *o, struct gh_err *e)
{
	struct daemon d = { .opts = o, .control_fd = -1, .metrics_fd = -1, .addrs_fd = -1,
			    .started = time(NULL), .slot_meta_fd = -ENOENT, .pins_watch.fd = -1,
			    .sensor_cfg_fd = -ENOENT,
			    /* Without the kernel, no sensor: logs hold every request. */
			    .sample_rate = o->no_kernel ? 1 : o->sensor.tun.sample_rate,
			    .sampled = !o->no_kernel && o->sensor.tun.sample_rate > 1 };
	struct gh_err save_err = { 0 };
	int sig_fd = -1;
	int err;

	gh_event_clock_init(&d.clock, gh_clock_ns(CLOCK_REALTIME), gh_boottime_ns());
	health_init(&d.health, daemon_now(&d));
	gate_maps_init(&d.maps);
	err = setup(&d, &sig_fd, e);
	if (!err) {
		report_started(&d, e);
		err = ev_run(d.loop);
		if (err)
			gh_err_sys(e, err, "running the daemon's event loop");
	}
	svc_stopping();
	/* Before the state it reads goes. */
	metrics_stop(d.metrics, d.loop);
	if (d.metrics_fd >= 0)
		close(d.metrics_fd);
	if (d.ring) {
		ring_reader_drain(d.ring);
		decoder_flush(d.decoder);
	}
	/* Verdicts waiting for a rendering fail closed: given, and their offenses saved. */
	if (d.engine)
		engine_release_held(d.engine);
	if (persist_close(&d.persist, d.enforcer.maps, d.engine, daemon_now(&d), &save_err))
		daemon_log(&d, "gatehawk: %s", save_err.msg);
	ring_reader_free(d.ring);
	decoder_free(d.decoder);
	if (d.reloader && reloader_busy(d.reloader))
		daemon_log(&d, "gatehawk: waiting for the policy load in progress to end");
	reloader_free(d.reloader);
	fleet_stream_stop(d.fleet_applier.stream);
	fleet_stop(d.fleet);
	engine_free(d.engine);
	policy_set_free(d.policies);
	health_free(&d.health);
	notify_free(d.notify); /* after the engine's last verdicts */
	enforcer_free(&d.enforcer);
	allow_files_free(&d.allow);
	if (d.addrs_fd >= 0)
		close(d.addrs_fd);
	for (int i = 0; i < d.n_prog_fds; i++)
		close(d.prog_fds[i]);
	for (int i = 0; d.logs && i < o->n_access_logs; i++)
		log_follow_close(d.logs[i].f);
	free(d.logs);
	source_reader_close(d.src);
	if (d.slot_meta_fd >= 0)
		close(d.slot_meta_fd);
	if (d.sensor_cfg_fd >= 0)
		close(d.sensor_cfg_fd);
	gh_pin_watch_close(&d.pins_watch);
	control_server_free(d.control);
	control_close(d.control_fd, o->attach.pin_dir);
	if (sig_fd >= 0)
		close(sig_fd);
	ev_loop_free(d.loop);
	gate_maps_close(&d.maps);
	return err;
}
