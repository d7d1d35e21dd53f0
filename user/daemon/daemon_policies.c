// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The daemon's policy set in force: its first load, SIGHUP reloads (a
 * worker compiles while the loop runs the old set, reload.h), and the
 * sample rate it runs at (policies a sample misleads paused while the
 * sensor samples, engine_opts.sampled).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "daemon/daemon.h"
#include "daemon/daemon_internal.h"
#include "daemon/enforcer.h"
#include "daemon/fleet_apply.h"
#include "daemon/health.h"
#include "daemon/persist.h"
#include "daemon/reload.h"
#include "daemon/service.h"
#include "engine/engine.h"
#include "engine/policy.h"
#include "kernel/sensor_loader.h"

/* Policy load messages take the daemon's log path. */
static struct policy_report policy_report_of(const struct daemon *d)
{
	return (struct policy_report){ d->opts->on_log, d->opts->out_ctx };
}

/* Every verdict goes to the enforcer; what came of it is kept for status and top. */
static void on_verdict(const struct verdict *v, void *ctx)
{
	struct daemon *d = ctx;
	const struct enforcer_stats *s = &d->enforcer.stats;
	uint64_t in_force = s->blocks + s->already_blocked;

	/* A fleet-scope policy's match is evidence for the fleet, not a verdict
	 * here; with no fleet it stays what it is on one host, an alert. */
	if (v->policy->fleet.on && d->fleet_applier.stream) {
		fleet_stream_note(d->fleet_applier.stream, v);
		return;
	}
	enforcer_verdict(v, &d->enforcer);
	health_alert(&d->health, v, s->blocks + s->already_blocked != in_force);
}

static void engine_opts_of(const struct daemon *d, struct engine_opts *eo)
{
	engine_opts_default(eo);
	eo->kernel_counters = !d->opts->no_kernel;
	eo->live = true; /* our ticks are the clock (engine.h) */
	eo->hash_seed = d->persist.seed; /* saved escalation memory names groups by it */
	eo->sampled = d->sampled;
	eo->resumed_ns = d->resumed_ns;
	if (d->opts->max_groups)
		eo->max_groups = d->opts->max_groups;
}

/* A new engine (over ps, or the one a reload built) goes live: its clock starts at now. */
static void put_in_force(struct daemon *d, struct policy_set *ps, struct engine *engine)
{
	d->policies = ps;
	d->engine = engine;
	engine_tick(engine, daemon_now(d));
}

/* Says which policies the sampling pauses, or that they run again. */
void daemon_log_sampling(const struct daemon *d, uint32_t rate)
{
	char names[512] = "";
	size_t n = 0, used = 0;

	for (size_t i = 0; d->policies && i < d->policies->count; i++) {
		if (!policy_sampling_pauses(&d->policies->policies[i]))
			continue;
		if (used < sizeof(names))
			used += (size_t)snprintf(names + used, sizeof(names) - used, "%s%s",
						 n ? ", " : "", d->policies->policies[i].name);
		n++;
	}
	if (!n)
		return;
	if (d->sampled)
		daemon_log(d, "gatehawk: sample rate 1/%u: %zu policies that read what a source did "
			      "not do, or score its volume against a model of every request, are "
			      "paused, lest they fire on sources whose other requests were not "
			      "sampled: %s",
			   rate, n, names);
	else
		daemon_log(d, "gatehawk: sample rate 1/%u: %zu paused policies run again, from empty "
			      "windows, and fire from two window lengths on: %s",
			   rate, n, names);
}

/*
 * The engine in force was built for the other sampling: built again over
 * the same (compiled) policies, carrying what a reload carries; a paused
 * policy's windows are left behind (engine_state.h). Like a reload, it
 * starts the per-policy counters afresh. 1 when it was, 0 when it matched
 * already, -ENOMEM (the engine in force stays; the next tick tries again).
 */
static int match_sampling(struct daemon *d)
{
	struct engine_opts eo;
	struct engine *engine;

	if (!d->engine || engine_sampled(d->engine) == d->sampled)
		return 0;
	engine_opts_of(d, &eo);
	engine = engine_new(d->policies, &eo, on_verdict, d);
	if (!engine)
		return -ENOMEM;
	persist_carry(d->engine, engine, daemon_now(d));
	engine_free(d->engine);
	put_in_force(d, d->policies, engine);
	return 1;
}

/* `gatehawk tune --sample-rate` took the sensor across 1 (or back). */
void daemon_follow_sampling(struct daemon *d)
{
	struct engine_opts eo;
	bool crossed = false;
	uint32_t rate;
	int rc;

	if (d->sensor_cfg_fd >= 0 && !sensor_read_sample_rate(d->sensor_cfg_fd, &rate))
		d->sample_rate = rate;
	if ((d->sample_rate > 1) != d->sampled) {
		d->sampled = d->sample_rate > 1;
		d->resumed_ns = d->sampled ? 0 : daemon_now(d);
		crossed = true;
		if (d->reloader) {
			engine_opts_of(d, &eo);
			reloader_set_engine_opts(d->reloader, &eo);
		}
	}
	rc = match_sampling(d);
	if (rc < 0 && crossed)
		daemon_log(d, "gatehawk: no memory to %s the policies a sample misleads; trying "
			      "again each second",
			   d->sampled ? "pause" : "resume");
	else if (rc > 0)
		daemon_log_sampling(d, d->sample_rate);
}

/* A reload is done (reload.h): all or nothing; a bad directory keeps the set in force. */
static void on_reloaded(struct reload_result *res, void *ctx)
{
	struct daemon *d = ctx;
	size_t in_force = d->policies ? d->policies->count : 0;
	struct persist_carried carried;

	health_reloaded(&d->health, res->err, daemon_now(d));
	if (res->err) {
		svc_ready("running %zu policies (reload failed)", in_force);
		daemon_log(d, "gatehawk: reload of %s failed%s%s; keeping the %zu policies in force",
			   d->opts->policies_dir, res->err == -EINVAL ? "" : ": ",
			   res->err == -EINVAL ? "" : strerror(-res->err), in_force);
		return;
	}
	carried = persist_carry(d->engine, res->engine, daemon_now(d));
	engine_free(d->engine);
	policy_set_free(d->policies);
	put_in_force(d, res->ps, res->engine);
	/* The sample rate may have changed while it compiled; name what it pauses now. */
	if (match_sampling(d) >= 0 && d->sampled)
		daemon_log_sampling(d, d->sample_rate);
	if (d->fleet_applier.stream && fleet_stream_set_policies(d->fleet_applier.stream, res->ps))
		daemon_log(d, "gatehawk: no memory for the reloaded fleet-scope policies");
	daemon_log(d, "gatehawk: reloaded %zu policies from %s (kept: window state of unchanged "
		      "policies in %d groups, escalation memory of %d)",
		   res->ps->count, d->opts->policies_dir, carried.windows < 0 ? 0 : carried.windows,
		   carried.offenses < 0 ? 0 : carried.offenses);
	svc_ready("running %zu policies (reloaded)", res->ps->count);
}

/* SIGHUP: the loop keeps running the set in force while the new one compiles. */
void daemon_reload(struct daemon *d)
{
	bool busy;
	int err;

	if (!d->reloader)
		return;
	busy = reloader_busy(d->reloader);
	err = reloader_request(d->reloader);
	if (err)
		on_reloaded(&(struct reload_result){ .err = err }, d);
	else if (busy)
		daemon_log(d, "gatehawk: SIGHUP during a reload: one more follows it");
	else
		daemon_log(d, "gatehawk: SIGHUP: loading %s; the %zu policies in force run meanwhile",
			   d->opts->policies_dir, d->policies ? d->policies->count : 0);
	if (!err)
		svc_reloading();
}

int daemon_reloader_start(struct daemon *d, struct gh_err *e)
{
	struct reload_opts ro = { .dir = d->opts->policies_dir, .load = d->opts->policy_load,
				  .verdict = on_verdict, .verdict_ctx = d,
				  .report = policy_report_of(d), .done = on_reloaded, .ctx = d };
	int err;

	if (!d->opts->policies_dir)
		return 0;
	engine_opts_of(d, &ro.engine);
	d->reloader = reloader_new(d->loop, &ro, &err);
	return d->reloader ? 0 : gh_err_sys(e, err, "setting up policy reloads");
}

int daemon_policies_load(struct daemon *d, struct gh_err *e)
{
	const struct daemon_opts *o = d->opts;
	struct policy_report rep = policy_report_of(d);
	struct engine_opts eo;
	struct policy_set *ps;
	struct engine *engine;
	int err;

	if (!o->policies_dir)
		return 0;
	err = policy_set_load_dir(o->policies_dir, &o->policy_load, &rep, &ps);
	if (err)
		return err == -EINVAL ? gh_err_input(e, "--policies %s: invalid, nothing was started",
						     o->policies_dir)
				      : gh_err_sys(e, err, "loading %s", o->policies_dir);
	engine_opts_of(d, &eo);
	engine = engine_new(ps, &eo, on_verdict, d);
	if (!engine) {
		policy_set_free(ps);
		return gh_err_sys(e, -ENOMEM, "starting the policy engine");
	}
	put_in_force(d, ps, engine);
	return 0;
}
