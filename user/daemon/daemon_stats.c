// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* What the running daemon tells: `stats` and `status` (control socket), and --metrics. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "daemon/daemon_internal.h"
#include "daemon/metrics.h"
#include "daemon/metrics_text.h"
#include "daemon/notify.h"
#include "daemon/reload.h"
#include "input/log_follow.h"
#include "input/ringbuf_decode.h"
#include "kernel/kernel_stats.h"

static struct json_object *access_logs_json(const struct daemon *d)
{
	struct json_object *a = json_object_new_array();

	for (int i = 0; i < d->opts->n_access_logs; i++) {
		struct json_object *o = json_object_new_object();
		struct log_follow_stats st;

		log_follow_get_stats(d->logs[i].f, &st);
		json_object_object_add(o, "path", json_object_new_string(log_follow_path(d->logs[i].f)));
		json_object_object_add(o, "lines", json_object_new_uint64(st.line.lines));
		json_object_object_add(o, "malformed", json_object_new_uint64(d->logs[i].malformed));
		json_object_object_add(o, "too_long", json_object_new_uint64(st.line.too_long));
		json_object_object_add(o, "binary", json_object_new_uint64(st.line.binary));
		json_object_object_add(o, "rotations", json_object_new_uint64(st.rotations));
		json_object_object_add(o, "truncations", json_object_new_uint64(st.truncations));
		json_object_array_add(a, o);
	}
	return a;
}

static struct json_object *stats_json(const struct daemon *d)
{
	const struct decoder_stats *ds = decoder_get_stats(d->decoder);
	struct json_object *o = json_object_new_object(), *dec = json_object_new_object();
	struct json_object *enf = json_object_new_object();
	uint64_t totals[2];

	daemon_totals(d, totals);
	json_object_object_add(o, "pid", json_object_new_int(getpid()));
	json_object_object_add(o, "uptime_s", json_object_new_int64(time(NULL) - d->started));
	json_object_object_add(o, "policies_dir", d->opts->policies_dir
			       ? json_object_new_string(d->opts->policies_dir) : NULL);
	json_object_object_add(o, "reloading", json_object_new_boolean(
						       d->reloader && reloader_busy(d->reloader)));
#define GH_PUT_DECODER(name) json_object_object_add(dec, #name, json_object_new_uint64(ds->name));
	DECODER_STATS_FIELDS(GH_PUT_DECODER)
#undef GH_PUT_DECODER
#define GH_PUT_ENFORCER(name) \
	json_object_object_add(enf, #name, json_object_new_uint64(d->enforcer.stats.name));
	ENFORCER_STATS_FIELDS(GH_PUT_ENFORCER)
#undef GH_PUT_ENFORCER
	json_object_object_add(o, "decoder", dec);
	json_object_object_add(o, "access_logs", access_logs_json(d));
	json_object_object_add(o, "enforcer", enf);
	json_object_object_add(o, "health", health_json(&d->health, daemon_now(d), totals));
	if (d->fleet)
		json_object_object_add(o, "fleet", fleet_applier_stats_json(&d->fleet_applier));
	json_object_object_add(o, "no_kernel", json_object_new_boolean(d->opts->no_kernel));
	json_object_object_add(o, "notify", notify_stats_json(d->notify));
	if (d->engine) {
		struct json_object *eng = json_object_new_object(), *pol = json_object_new_array();
		struct engine_stats es;

		engine_stats(d->engine, &es);
		json_object_object_add(eng, "records", json_object_new_uint64(es.records));
		json_object_object_add(eng, "late", json_object_new_uint64(es.late));
		json_object_object_add(eng, "future", json_object_new_uint64(es.future));
		json_object_object_add(eng, "groups", json_object_new_uint64(es.groups));
		json_object_object_add(eng, "counter_groups",
				       json_object_new_uint64(es.counter_groups));
		json_object_object_add(eng, "evicted", json_object_new_uint64(es.evicted));
		json_object_object_add(eng, "evicted_counter_only",
				       json_object_new_uint64(es.evicted_counter_only));
		json_object_object_add(eng, "evicted_stateful",
				       json_object_new_uint64(es.evicted_stateful));
		json_object_object_add(eng, "entries", json_object_new_uint64(es.entries));
		json_object_object_add(eng, "crs_errors", json_object_new_uint64(es.crs_errors));
		json_object_object_add(eng, "crs_shed", json_object_new_uint64(es.crs_shed));
		for (size_t i = 0; i < es.count; i++) {
			const struct engine_policy_stats *p = &es.policies[i];
			struct json_object *po = json_object_new_object();

			json_object_object_add(po, "name",
					       json_object_new_string(d->policies->policies[i].name));
			json_object_object_add(po, "matched", json_object_new_uint64(p->matched));
			json_object_object_add(po, "alerts", json_object_new_uint64(p->alerts));
			json_object_object_add(po, "blocks", json_object_new_uint64(p->blocks));
			json_object_object_add(po, "suppressed",
					       json_object_new_uint64(p->suppressed));
			json_object_object_add(po, "rendered", json_object_new_uint64(p->rendered));
			json_object_object_add(po, "groups", json_object_new_uint64(p->groups));
			if (p->paused)
				json_object_object_add(po, "paused",
						       json_object_new_string("sampled"));
			json_object_array_add(pol, po);
		}
		json_object_object_add(eng, "policies", pol);
		json_object_object_add(o, "engine", eng);
	}
	return o;
}

struct json_object *daemon_on_control(const char *cmd, void *ctx)
{
	struct daemon *d = ctx;

	if (d->fleet && !strncmp(cmd, "fleet ", 6))
		return fleet_control(&d->fleet_applier, cmd);
	if (!strcmp(cmd, "alerts"))
		return health_alerts_json(&d->health);
	return strcmp(cmd, "stats") ? NULL : stats_json(d);
}

/* The view metrics_render() reads; what cannot be read is left NULL. */
int daemon_render_metrics(struct prom_text *t, void *ctx)
{
	struct daemon *d = ctx;
	int n_logs = d->opts->n_access_logs;
	size_t n_pol = d->engine ? d->policies->count : 0;
	struct metrics_log *logs = calloc((size_t)n_logs + 1, sizeof(*logs));
	const char **names = calloc(n_pol + 1, sizeof(*names));
	struct bpf_prog_stat progs[GH_MAX_PROG_STATS];
	struct gate_entry_counts entries;
	struct kernel_stats kernel;
	struct engine_stats es;
	struct gh_err e = { 0 };
	struct metrics_view v = {
		.progs = progs, .bpf_stats_enabled = bpf_stats_enabled(), .logs = logs,
		.n_logs = n_logs, .decoder = d->decoder ? decoder_get_stats(d->decoder) : NULL,
		.enforcer = &d->enforcer.stats, .health = &d->health, .policy_names = names,
		.reloading = d->reloader && reloader_busy(d->reloader),
	};
	int err = -ENOMEM;

	if (logs && names) {
		v.kernel = kernel_stats_read(&d->maps, &kernel, &e) ? NULL : &kernel;
		v.entries = gate_entries_count(&d->maps, gh_boottime_ns(), &entries) ? NULL : &entries;
		bpf_prog_stats_read(d->prog_fds, d->n_prog_fds, progs, &v.n_progs);
		for (int i = 0; i < n_logs; i++) {
			logs[i].path = log_follow_path(d->logs[i].f);
			log_follow_get_stats(d->logs[i].f, &logs[i].st);
			logs[i].malformed = d->logs[i].malformed;
		}
		if (d->engine) {
			engine_stats(d->engine, &es);
			for (size_t i = 0; i < n_pol; i++)
				names[i] = d->policies->policies[i].name;
			v.engine = &es;
		}
		err = metrics_render(&v, t);
	}
	free(logs);
	free(names);
	return err;
}
