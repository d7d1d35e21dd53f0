/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The daemon's state as Prometheus text (base/prom_text.h): the exposition
 * `gatehawk run --metrics` serves. Pure: it reads a metrics_view the daemon
 * fills on its loop and writes text, so a unit test renders a made-up view.
 * Every name starts with gatehawk_; counters end in _total; units are in
 * the names (_seconds, _packets, _entries, _records).
 */
#ifndef GATEHAWK_METRICS_TEXT_H
#define GATEHAWK_METRICS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/prom_text.h"
#include "daemon/enforcer.h"
#include "daemon/health.h"
#include "engine/engine.h"
#include "input/log_follow.h"
#include "input/ringbuf_decode.h"
#include "kernel/kernel_stats.h"

struct metrics_log {
	const char *path;
	struct log_follow_stats st;
	uint64_t malformed; /* lines no parser took */
};

struct metrics_view {
	const struct kernel_stats *kernel;       /* NULL: could not be read */
	const struct gate_entry_counts *entries; /* NULL: could not be read */
	const struct bpf_prog_stat *progs;
	int n_progs;
	bool bpf_stats_enabled;
	const struct decoder_stats *decoder;     /* NULL: no ring buffer */
	const struct enforcer_stats *enforcer;
	const struct engine_stats *engine;       /* NULL: no policies */
	const char *const *policy_names;         /* engine->count of them */
	const struct metrics_log *logs;
	int n_logs;
	const struct daemon_health *health;
	bool reloading;
};

/* Append the whole exposition to t; 0 or prom_text's error. */
int metrics_render(const struct metrics_view *v, struct prom_text *t);
/* The one line the HTTP thread adds when it serves: how old the text is. */
void metrics_render_age(struct prom_text *t, double age_s);

#endif /* GATEHAWK_METRICS_TEXT_H */
