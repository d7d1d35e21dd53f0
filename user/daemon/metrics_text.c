// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <string.h>

#include "daemon/metrics_text.h"

#define NS 1e9
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* One family, one label: values[i] for label value keys[i]. */
static void by_label(struct prom_text *t, const char *name, enum prom_type type, const char *help,
		     const char *label, const char *const *keys, const uint64_t *values, size_t n)
{
	prom_family(t, name, type, help);
	for (size_t i = 0; i < n; i++) {
		struct prom_label l = { label, keys[i] };

		prom_sample_u64(t, name, &l, 1, values[i]);
	}
}

static uint64_t minus(uint64_t a, uint64_t b)
{
	return a > b ? a - b : 0;
}

/*
 * Every frame the gate saw, by verdict and reason: the samples add up to
 * gate.seen. Per-CPU copies are summed unlocked, so "not_blocked" (what is
 * left) and "block" (drops less a throttle's) are clamped at zero.
 */
static void render_gate(struct prom_text *t, const struct gate_stats *g)
{
	static const char *const verdicts[] = { "drop", "drop", "pass",   "pass",
						"pass", "pass", "pass" };
	static const char *const reasons[] = { "block",       "throttle", "allow_list", "expired_block",
					       "not_blocked", "non_ip",   "parse_error" };
	const uint64_t values[] = {
		minus(g->dropped, g->throttled), g->throttled, g->allowed, g->expired_hits,
		minus(g->passed, g->allowed + g->expired_hits + g->non_ip + g->parse_errors),
		g->non_ip, g->parse_errors,
	};
	static const char *const families[] = { "ipv4", "ipv6" };
	const char *name = "gatehawk_xdp_packets_total";

	prom_family(t, name, PROM_COUNTER,
		    "Frames the XDP gate saw, by verdict and reason (they add up to all frames).");
	for (size_t i = 0; i < N_OF(values); i++) {
		struct prom_label l[] = { { "verdict", verdicts[i] }, { "reason", reasons[i] } };

		prom_sample_u64(t, name, l, 2, values[i]);
	}
	by_label(t, "gatehawk_xdp_dropped_packets_total", PROM_COUNTER,
		 "Frames dropped by a block entry or a throttle, by address family.", "family",
		 families,
		 (const uint64_t[]){ g->dropped_v4, g->dropped_v6 }, 2);
	by_label(t, "gatehawk_xdp_ip_packets_total", PROM_COUNTER,
		 "IP frames the gate parsed, by address family.", "family", families,
		 (const uint64_t[]){ g->ipv4, g->ipv6 }, 2);
	by_label(t, "gatehawk_xdp_flagged_packets_total", PROM_COUNTER,
		 "IP frames with a VLAN tag, fragments, and TCP SYNs without ACK.", "flag",
		 (const char *const[]){ "vlan", "fragment", "syn" },
		 (const uint64_t[]){ g->vlan, g->fragments, g->syns }, 3);
}

static void render_entries(struct prom_text *t, const struct gate_entry_counts *c)
{
	by_label(t, "gatehawk_block_entries", PROM_GAUGE,
		 "Block entries in force, written by a policy or by 'gatehawk block'.", "origin",
		 (const char *const[]){ "automatic", "manual" },
		 (const uint64_t[]){ c->blocks_automatic, c->blocks_manual }, 2);
	prom_metric_u64(t, "gatehawk_block_entries_expired", PROM_GAUGE,
			"Expired block entries waiting for garbage collection (they drop nothing).",
			c->blocks_expired);
	prom_metric_u64(t, "gatehawk_block_map_capacity_entries", PROM_GAUGE,
			"Entries each block map holds.", c->max_blocks);
	prom_metric_u64(t, "gatehawk_allow_entries", PROM_GAUGE, "Allow entries in force.",
			c->allows);
	by_label(t, "gatehawk_throttle_entries", PROM_GAUGE,
		 "Throttle entries in force, written by a policy or by 'gatehawk throttle'.",
		 "origin", (const char *const[]){ "automatic", "manual" },
		 (const uint64_t[]){ c->throttles_automatic, c->throttles_manual }, 2);
}

/* One counter metric (PROM_COUNTER) of a run of them. */
struct counter_row {
	const char *name, *help;
	uint64_t v;
};

static void render_counters(struct prom_text *t, const struct counter_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		prom_metric_u64(t, rows[i].name, PROM_COUNTER, rows[i].help, rows[i].v);
}

static void render_sensor(struct prom_text *t, const struct sensor_stats *s)
{
	const struct counter_row counters[] = {
		{ "gatehawk_sensor_requests_total", "HTTP request starts the sensor counted.",
		  s->requests },
		{ "gatehawk_sensor_sampled_requests_total",
		  "Request heads handed to the ring buffer.", s->requests_sampled },
		{ "gatehawk_sensor_pipelined_requests_total",
		  "Request starts found after the first in a segment.", s->pipelined },
		{ "gatehawk_sensor_responses_total", "HTTP response status lines counted.",
		  s->responses },
		{ "gatehawk_sensor_sent_responses_total",
		  "Response statuses handed to the ring buffer.", s->responses_sent },
		{ "gatehawk_sensor_retransmitted_segments_total",
		  "TCP segments skipped as already seen.", s->retransmits },
		{ "gatehawk_sensor_connections_total", "Passive TCP opens seen.", s->conns },
	};

	render_counters(t, counters, N_OF(counters));
	by_label(t, "gatehawk_ring_lost_events_total", PROM_COUNTER,
		 "Sensor events lost before the daemon saw them, by reason.", "reason",
		 (const char *const[]){ "ring_full", "no_storage", "outstanding", "load" },
		 (const uint64_t[]){ s->lost_ring_full, s->lost_no_storage, s->lost_outstanding,
				     s->lost_load },
		 4);
}

static void render_kernel(struct prom_text *t, const struct kernel_stats *k)
{
	render_gate(t, &k->gate);
	if (k->has_sensor)
		render_sensor(t, &k->sensor);
	if (k->has_sources) {
		const struct counter_row counters[] = {
			{ "gatehawk_sources_evicted_total",
			  "Sources evicted from the full per-source counter table.",
			  k->sources_evicted },
			{ "gatehawk_sources_displaced_total",
			  "Sources whose slot went to a new source when its window was busy.",
			  k->sources_displaced },
			{ "gatehawk_sources_displaced_packets_total",
			  "Packets displaced sources had in their slots, moved out.",
			  k->sources_displaced_packets },
			{ "gatehawk_sources_unslotted_packets_total",
			  "Passed packets counted in no source's slot.", k->sources_unslotted_packets },
			{ "gatehawk_sources_unslotted_requests_total",
			  "Requests counted in no source's slot (its window was full).",
			  k->sources_unslotted_requests },
		};

		prom_metric_u64(t, "gatehawk_sources_tracked", PROM_GAUGE,
				"Sources in the kernel's per-source counter table.",
				k->sources_tracked);
		render_counters(t, counters, N_OF(counters));
	}
}

/*
 * The totals of the programs named like progs[i] (an old and a new program
 * during a swap add up); false when an earlier entry has that name.
 */
static bool prog_totals(const struct metrics_view *v, int i, uint64_t *ns, uint64_t *runs)
{
	*ns = *runs = 0;
	for (int j = 0; j < v->n_progs; j++) {
		if (strcmp(v->progs[j].name, v->progs[i].name))
			continue;
		if (j < i)
			return false;
		*ns += v->progs[j].run_time_ns;
		*runs += v->progs[j].run_cnt;
	}
	return true;
}

static void render_progs(struct prom_text *t, const struct metrics_view *v)
{
	const char *run_s = "gatehawk_bpf_program_run_seconds_total";
	const char *runs = "gatehawk_bpf_program_runs_total";
	uint64_t ns, n;

	prom_metric_u64(t, "gatehawk_bpf_stats_enabled", PROM_GAUGE,
			"Whether kernel.bpf_stats_enabled is on (BPF run time is measured).",
			v->bpf_stats_enabled);
	if (!v->bpf_stats_enabled)
		return;
	prom_family(t, run_s, PROM_COUNTER,
		    "Time spent in each BPF program (kernel.bpf_stats_enabled).");
	for (int i = 0; i < v->n_progs; i++)
		if (prog_totals(v, i, &ns, &n))
			prom_sample_double(t, run_s, &(struct prom_label){ "program", v->progs[i].name },
					   1, (double)ns / NS);
	prom_family(t, runs, PROM_COUNTER, "Times each BPF program ran (kernel.bpf_stats_enabled).");
	for (int i = 0; i < v->n_progs; i++)
		if (prog_totals(v, i, &ns, &n))
			prom_sample_u64(t, runs, &(struct prom_label){ "program", v->progs[i].name }, 1,
					n);
}

static void render_decoder(struct prom_text *t, const struct decoder_stats *d)
{
	const struct {
		const char *name, *help;
		uint64_t v;
	} counters[] = {
		{ "gatehawk_decoder_records_total", "Records decoded and handed to the policies.",
		  d->decoded },
		{ "gatehawk_decoder_records_with_status_total",
		  "Records joined to their response status.", d->with_status },
		{ "gatehawk_decoder_unanswered_records_total",
		  "Records handed on without a status after the answer timeout.", d->unanswered },
		{ "gatehawk_decoder_pushed_out_records_total",
		  "Records handed on early, pushed out of the full pending table.",
		  d->pending_full },
		{ "gatehawk_decoder_malformed_heads_total",
		  "Request heads the HTTP parser refused (dropped).", d->malformed },
		{ "gatehawk_decoder_orphan_responses_total",
		  "Response statuses with no pending request.", d->orphan_responses },
	};

	by_label(t, "gatehawk_decoder_events_total", PROM_COUNTER,
		 "Ring-buffer events received, by type.", "type",
		 (const char *const[]){ "request", "response", "bad" },
		 (const uint64_t[]){ d->requests, d->responses, d->bad_events }, 3);
	for (size_t i = 0; i < N_OF(counters); i++)
		prom_metric_u64(t, counters[i].name, PROM_COUNTER, counters[i].help, counters[i].v);
	prom_metric_u64(t, "gatehawk_decoder_pending_records", PROM_GAUGE,
			"Sampled requests waiting for their response before the policies see them.",
			minus(d->requests, d->decoded + d->malformed));
}

static void render_logs(struct prom_text *t, const struct metrics_log *logs, int n)
{
	static const char *const names[] = {
		"gatehawk_access_log_lines_total",
		"gatehawk_access_log_rotations_total",
		"gatehawk_access_log_truncations_total",
	};
	static const char *const helps[] = {
		"Lines read from a followed access log, rejected ones included.",
		"Times a followed access log was replaced under its name (rotation).",
		"Times a followed access log was truncated and read again from the start.",
	};
	const char *rejected = "gatehawk_access_log_rejected_lines_total";

	for (size_t f = 0; f < N_OF(names); f++) {
		prom_family(t, names[f], PROM_COUNTER, helps[f]);
		for (int i = 0; i < n; i++) {
			const struct log_follow_stats *st = &logs[i].st;
			struct prom_label l = { "path", logs[i].path };

			prom_sample_u64(t, names[f], &l, 1,
					f == 0 ? st->line.lines : f == 1 ? st->rotations
									 : st->truncations);
		}
	}
	prom_family(t, rejected, PROM_COUNTER,
		    "Access-log lines rejected: no parser took them, or binary.");
	for (int i = 0; i < n; i++) {
		const char *reasons[] = { "malformed", "binary" };
		const uint64_t counts[] = { logs[i].malformed, logs[i].st.line.binary };

		for (size_t r = 0; r < N_OF(reasons); r++) {
			struct prom_label l[] = { { "path", logs[i].path }, { "reason", reasons[r] } };

			prom_sample_u64(t, rejected, l, 2, counts[r]);
		}
	}
	/* Longer than the reader takes: cut and parsed, not rejected (log_reader.h). */
	prom_family(t, "gatehawk_access_log_cut_lines_total", PROM_COUNTER,
		    "Access-log lines over 64 KiB: their first 64 KiB were parsed.");
	for (int i = 0; i < n; i++) {
		struct prom_label l = { "path", logs[i].path };

		prom_sample_u64(t, "gatehawk_access_log_cut_lines_total", &l, 1,
				logs[i].st.line.too_long);
	}
}

static void render_engine(struct prom_text *t, const struct engine_stats *e)
{
	prom_metric_u64(t, "gatehawk_engine_records_total", PROM_COUNTER,
			"Records the policy engine took.", e->records);
	prom_metric_u64(t, "gatehawk_engine_late_records_total", PROM_COUNTER,
			"Records older than the late tolerance: left out of windows and rates.",
			e->late);
	prom_metric_u64(t, "gatehawk_engine_future_records_total", PROM_COUNTER,
			"Records stamped ahead of the clock, taken as now.", e->future);
	prom_metric_u64(t, "gatehawk_engine_truncated_records_total", PROM_COUNTER,
			"Records that hit a group's cap.", e->truncated);
	by_label(t, "gatehawk_engine_errors_total", PROM_COUNTER,
		 "Records a policy could not evaluate, by cause.", "cause",
		 (const char *const[]){ "regex", "crs", "alloc" },
		 (const uint64_t[]){ e->regex_errors, e->crs_errors, e->alloc_failures }, 3);
	prom_metric_u64(t, "gatehawk_engine_crs_shed_records_total", PROM_COUNTER,
			"Records the CRS prefilter marked beyond a policy's max_per_second: not scored.",
			e->crs_shed);
	by_label(t, "gatehawk_engine_groups", PROM_GAUGE,
		 "Groups (sources and the like) the engine tracks, by kind.", "kind",
		 (const char *const[]){ "stateful", "counter_only" },
		 (const uint64_t[]){ minus(e->groups, e->counter_groups), e->counter_groups }, 2);
	by_label(t, "gatehawk_engine_evicted_groups_total", PROM_COUNTER,
		 "Groups evicted at the engine's caps, by kind.", "kind",
		 (const char *const[]){ "stateful", "counter_only" },
		 (const uint64_t[]){ e->evicted_stateful, e->evicted_counter_only }, 2);
	prom_metric_u64(t, "gatehawk_engine_window_entries", PROM_GAUGE,
			"Window records and distinct values the engine holds.", e->entries);
}

/* Per policy; counters restart at zero when a reload swaps the engine. */
static void render_policies(struct prom_text *t, const struct engine_stats *e,
			    const char *const *names)
{
	static const char *const fams[] = {
		"gatehawk_policy_matches_total", "gatehawk_policy_alerts_total",
		"gatehawk_policy_blocks_total", "gatehawk_policy_suppressed_total",
		"gatehawk_policy_rendered_total", "gatehawk_policy_groups", "gatehawk_policy_paused",
	};
	static const char *const helps[] = {
		"Records (or counter increments) past a policy's where and filter.",
		"Verdicts a policy emitted.",
		"Verdicts of a policy that asked for a block.",
		"Verdicts a policy held back within its cooldown.",
		"Verdicts a policy dropped: the source rendered the page they fired on.",
		"Groups a policy tracks now.",
		"1 while the sensor samples and a sample would mislead the policy.",
	};

	prom_metric_u64(t, "gatehawk_policies_loaded", PROM_GAUGE, "Policies in force.", e->count);
	for (size_t f = 0; f < N_OF(fams); f++) {
		prom_family(t, fams[f], f >= 5 ? PROM_GAUGE : PROM_COUNTER, helps[f]);
		for (size_t i = 0; i < e->count; i++) {
			const struct engine_policy_stats *p = &e->policies[i];
			const uint64_t v[] = { p->matched, p->alerts, p->blocks, p->suppressed,
					       p->rendered, p->groups, p->paused };
			struct prom_label l = { "policy", names[i] };

			prom_sample_u64(t, fams[f], &l, 1, v[f]);
		}
	}
}

static void render_enforcer(struct prom_text *t, const struct enforcer_stats *s)
{
	prom_metric_u64(t, "gatehawk_alerts_total", PROM_COUNTER, "Alert lines written.",
			s->alerts);
	prom_metric_u64(t, "gatehawk_blocks_total", PROM_COUNTER,
			"Block entries written or extended by a policy.", s->blocks);
	prom_metric_u64(t, "gatehawk_blocks_already_in_force_total", PROM_COUNTER,
			"Block verdicts left alone: a longer block was in force.",
			s->already_blocked);
	by_label(t, "gatehawk_blocks_spared_total", PROM_COUNTER,
		 "Block verdicts not written, by reason (the alert says why).", "reason",
		 (const char *const[]){ "protected", "allow_list", "dry_run", "map_error" },
		 (const uint64_t[]){ s->spared_protected, s->spared_allowed, s->spared_dry_run,
				     s->block_errors },
		 4);
	prom_metric_u64(t, "gatehawk_throttles_total", PROM_COUNTER,
			"Throttle entries written or extended by a policy.", s->throttles);
	prom_metric_u64(t, "gatehawk_throttles_already_in_force_total", PROM_COUNTER,
			"Throttle verdicts left alone: a longer throttle was in force.",
			s->already_throttled);
	prom_metric_u64(t, "gatehawk_blocks_narrowed_total", PROM_COUNTER,
			"Prefix blocks narrowed to their source (the prefix held a protected address).",
			s->narrowed);
	by_label(t, "gatehawk_block_map_evictions_total", PROM_COUNTER,
		 "Entries a full block map gave up for a new block, by kind.", "kind",
		 (const char *const[]){ "expired", "automatic" },
		 (const uint64_t[]){ s->evicted_expired, s->evicted_automatic }, 2);
}

static void render_health(struct prom_text *t, const struct daemon_health *h, bool reloading)
{
	by_label(t, "gatehawk_reloads_total", PROM_COUNTER,
		 "Policy reloads (SIGHUP), by result; a failed one keeps the set in force.",
		 "result", (const char *const[]){ "success", "failure" },
		 (const uint64_t[]){ h->reloads_ok, h->reloads_failed }, 2);
	prom_metric_u64(t, "gatehawk_reload_in_progress", PROM_GAUGE,
			"Whether a policy reload is compiling now.", reloading);
	prom_metric_double(t, "gatehawk_engine_lag_seconds", PROM_GAUGE,
			   "How long after its event time the last record was handled.",
			   health_lag_s(h));
	if (h->last_record_ts_ns)
		prom_metric_double(t, "gatehawk_engine_last_record_timestamp_seconds", PROM_GAUGE,
				   "Event time of the last record handled (Unix seconds).",
				   (double)h->last_record_ts_ns / NS);
	prom_metric_double(t, "gatehawk_start_time_seconds", PROM_GAUGE,
			   "When the daemon started (Unix seconds).", (double)h->started_ns / NS);
}

int metrics_render(const struct metrics_view *v, struct prom_text *t)
{
	prom_metric_u64(t, "gatehawk_kernel_counters_up", PROM_GAUGE,
			"Whether the kernel's counters and entries could be read for this scrape.",
			v->kernel && v->entries);
	if (v->kernel)
		render_kernel(t, v->kernel);
	if (v->entries)
		render_entries(t, v->entries);
	render_progs(t, v);
	if (v->decoder)
		render_decoder(t, v->decoder);
	if (v->n_logs)
		render_logs(t, v->logs, v->n_logs);
	if (v->engine) {
		render_engine(t, v->engine);
		render_policies(t, v->engine, v->policy_names);
	}
	render_enforcer(t, v->enforcer);
	render_health(t, v->health, v->reloading);
	return prom_text_finish(t);
}

void metrics_render_age(struct prom_text *t, double age_s)
{
	prom_metric_double(t, "gatehawk_metrics_snapshot_age_seconds", PROM_GAUGE,
			   "Age of this snapshot: above a second or two, the daemon's loop is stuck.",
			   age_s);
}
