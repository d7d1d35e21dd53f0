// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The Prometheus exposition: base/prom_text.h's writer (HELP and TYPE
 * lines, label and HELP escaping, invalid UTF-8, bad names refused, exact
 * counters, NaN and infinities) and daemon/metrics_text.h's renderer over a
 * made-up daemon (names, units, the verdict partition, per-policy series,
 * BPF run time only when measured), checked line by line for the format's
 * rules: every sample under its own family's HELP and TYPE, each family
 * once, gatehawk_ on every name, _total on counters and only on them.
 *
 *   test_metrics_text [FILE]   also writes the rendered exposition to FILE,
 *                              for `promtool check metrics` (metrics.bats)
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "base/prom_text.h"
#include "daemon/metrics_text.h"

static void test_family_and_sample(void)
{
	struct prom_text t;
	struct prom_label l[] = { { "method", "GET" }, { "code", "200" } };

	prom_text_init(&t);
	prom_family(&t, "demo_requests_total", PROM_COUNTER, "Requests served.");
	prom_sample_u64(&t, "demo_requests_total", l, 2, 18446744073709551615ULL);
	prom_metric_u64(&t, "demo_up", PROM_GAUGE, "Up.", 1);
	ok_eq(prom_text_finish(&t), 0, "a family and samples: no error");
	ok_str(t.buf,
	       "# HELP demo_requests_total Requests served.\n"
	       "# TYPE demo_requests_total counter\n"
	       "demo_requests_total{method=\"GET\",code=\"200\"} 18446744073709551615\n"
	       "# HELP demo_up Up.\n"
	       "# TYPE demo_up gauge\n"
	       "demo_up 1\n",
	       "HELP, TYPE, labels in order, a u64 counter written exactly");
	prom_text_free(&t);
}

static void test_escaping(void)
{
	struct prom_text t;
	struct prom_label l = { "path", "/var/log/a\"b\\c\nd\xff.log" };

	prom_text_init(&t);
	prom_family(&t, "demo_lines_total", PROM_COUNTER, "Lines of \"the\" log\\file\nsecond");
	prom_sample_u64(&t, "demo_lines_total", &l, 1, 3);
	ok_eq(prom_text_finish(&t), 0, "escaping: no error");
	ok(strstr(t.buf, "# HELP demo_lines_total Lines of \"the\" log\\\\file\\nsecond\n") != NULL,
	   "HELP: backslash and newline escaped, double quotes left as they are");
	ok(strstr(t.buf, "demo_lines_total{path=\"/var/log/a\\\"b\\\\c\\nd\xef\xbf\xbd.log\"} 3\n") !=
		   NULL,
	   "label value: quote, backslash and newline escaped, an invalid byte as U+FFFD");
	ok_eq(strchr(t.buf, '\xff') == NULL, 1, "no invalid UTF-8 left in the text");
	prom_text_free(&t);

	prom_text_init(&t);
	prom_sample_u64(&t, "demo_x", &(struct prom_label){ "v", NULL }, 1, 0);
	ok_str(t.buf, "demo_x{v=\"\"} 0\n", "a NULL label value is the empty string");
	prom_text_free(&t);
}

static void test_bad_names(void)
{
	const char *bad_metrics[] = { "", "2xx", "has space", "dash-ed", "gatehawk_é" };
	const char *bad_labels[] = { "", "__reserved", "co:lon", "9lives" };
	struct prom_text t;

	for (size_t i = 0; i < sizeof(bad_metrics) / sizeof(bad_metrics[0]); i++) {
		prom_text_init(&t);
		prom_family(&t, bad_metrics[i], PROM_GAUGE, "h");
		prom_sample_u64(&t, bad_metrics[i], NULL, 0, 1);
		ok(prom_text_finish(&t) == -EINVAL && !t.len, "metric name '%s' refused, nothing written",
		   bad_metrics[i]);
		prom_text_free(&t);
	}
	for (size_t i = 0; i < sizeof(bad_labels) / sizeof(bad_labels[0]); i++) {
		struct prom_label l = { bad_labels[i], "v" };

		prom_text_init(&t);
		prom_sample_u64(&t, "demo_ok", &l, 1, 1);
		ok(prom_text_finish(&t) == -EINVAL && !t.len, "label name '%s' refused", bad_labels[i]);
		prom_text_free(&t);
	}
	prom_text_init(&t);
	prom_sample_u64(&t, "ns:demo_ok_1", &(struct prom_label){ "_ok9", "v" }, 1, 1);
	ok_eq(prom_text_finish(&t), 0, "colons in metric names, digits after the first, '_x' labels");
	prom_text_free(&t);
}

static void test_doubles(void)
{
	struct prom_text t;

	prom_text_init(&t);
	prom_sample_double(&t, "a", NULL, 0, NAN);
	prom_sample_double(&t, "b", NULL, 0, INFINITY);
	prom_sample_double(&t, "c", NULL, 0, -INFINITY);
	prom_sample_double(&t, "d", NULL, 0, 0.25);
	prom_sample_double(&t, "e", NULL, 0, 1796002933.79372);
	ok_str(t.buf, "a NaN\nb +Inf\nc -Inf\nd 0.25\ne 1796002933.79372\n",
	       "NaN and infinities as the format spells them; seconds keep their fraction");
	prom_text_free(&t);
}

/* A daemon with a bit of everything: two policies, one log, two programs named alike. */
struct fake {
	struct kernel_stats kernel;
	struct gate_entry_counts entries;
	struct bpf_prog_stat progs[3];
	struct decoder_stats decoder;
	struct enforcer_stats enforcer;
	struct engine_policy_stats pols[2];
	struct engine_stats engine;
	const char *names[2];
	struct metrics_log log;
	struct daemon_health health;
	struct metrics_view v;
};

static void fake_init(struct fake *f)
{
	memset(f, 0, sizeof(*f));
	f->kernel.gate = (struct gate_stats){ .seen = 100, .passed = 93, .dropped = 7, .allowed = 5,
					      .expired_hits = 1, .parse_errors = 2, .non_ip = 3,
					      .ipv4 = 80, .ipv6 = 15, .dropped_v4 = 6,
					      .dropped_v6 = 1, .syns = 9 };
	f->kernel.has_sensor = true;
	f->kernel.sensor.lost_ring_full = 4;
	f->kernel.has_sources = true;
	f->kernel.sources_tracked = 12;
	f->entries = (struct gate_entry_counts){ .blocks_automatic = 2, .blocks_manual = 1,
						 .allows = 3, .max_blocks = 1024 };
	f->progs[0] = (struct bpf_prog_stat){ "xdp_gate", 10, 3000000000ULL, 1000 };
	f->progs[1] = (struct bpf_prog_stat){ "xdp_gate", 11, 500000000ULL, 500 };
	f->progs[2] = (struct bpf_prog_stat){ "sockops", 12, 1000, 10 };
	f->decoder = (struct decoder_stats){ .requests = 10, .decoded = 7, .malformed = 1 };
	f->enforcer.alerts = 4;
	f->enforcer.blocks = 2;
	f->pols[0] = (struct engine_policy_stats){ .matched = 9, .alerts = 3, .blocks = 2 };
	f->pols[1] = (struct engine_policy_stats){ .matched = 1, .alerts = 1 };
	f->engine = (struct engine_stats){ .records = 8, .groups = 5, .counter_groups = 2,
					   .count = 2, .policies = f->pols };
	f->names[0] = "lab-block";
	f->names[1] = "odd\"name\\";
	f->log.path = "/var/log/nginx/\"access\".log";
	f->log.st.line.lines = 6;
	f->log.malformed = 1;
	health_init(&f->health, 1700000000ULL * 1000000000ULL);
	health_record(&f->health, 1700000010ULL * 1000000000ULL,
		      1700000010ULL * 1000000000ULL + 250000000ULL);
	health_reloaded(&f->health, 0, 1700000020ULL * 1000000000ULL);
	health_reloaded(&f->health, -EINVAL, 1700000030ULL * 1000000000ULL);
	f->v = (struct metrics_view){
		.kernel = &f->kernel, .entries = &f->entries, .progs = f->progs, .n_progs = 3,
		.bpf_stats_enabled = true, .decoder = &f->decoder, .enforcer = &f->enforcer,
		.engine = &f->engine, .policy_names = f->names, .logs = &f->log, .n_logs = 1,
		.health = &f->health,
	};
}

static bool has_line(const char *text, const char *line)
{
	size_t n = strlen(line);

	for (const char *p = text; (p = strstr(p, line)); p++)
		if ((p == text || p[-1] == '\n') && p[n] == '\n')
			return true;
	return false;
}

/*
 * The format's rules over the whole text: HELP then TYPE for each family,
 * once; every sample named after the family above it; our naming rules.
 * Returns the number of samples, or -1 after reporting the first violation.
 */
static int check_format(const char *text)
{
	char family[128] = "", seen[8192] = " ";
	int samples = 0;
	bool counter = false;

	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		char line[1024], name[128], type[16];
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		snprintf(line, sizeof(line), "%.*s", (int)len, p);
		p += len + (nl ? 1 : 0);
		if (sscanf(line, "# HELP %127s", name) == 1) {
			char key[132];

			snprintf(key, sizeof(key), " %s ", name);
			if (strstr(seen, key))
				return ok(0, "family %s appears once", name), -1;
			strncat(seen, key + 1, sizeof(seen) - strlen(seen) - 1);
			snprintf(family, sizeof(family), "%s", name);
			continue;
		}
		if (sscanf(line, "# TYPE %127s %15s", name, type) == 2) {
			if (strcmp(name, family))
				return ok(0, "TYPE %s follows its HELP", name), -1;
			counter = !strcmp(type, "counter");
			if (strncmp(name, "gatehawk_", 9))
				return ok(0, "%s starts with gatehawk_", name), -1;
			if (counter != (strlen(name) > 6 && !strcmp(name + strlen(name) - 6, "_total")))
				return ok(0, "%s: _total on counters and only on them", name), -1;
			continue;
		}
		if (sscanf(line, "%127[^{ ]", name) != 1 || strcmp(name, family))
			return ok(0, "sample '%s' under its family's HELP and TYPE", line), -1;
		samples++;
	}
	return samples;
}

static void test_render(const char *out_path)
{
	struct prom_text t;
	struct fake f;
	int samples;

	fake_init(&f);
	prom_text_init(&t);
	ok_eq(metrics_render(&f.v, &t), 0, "render: no error");
	metrics_render_age(&t, 0.5);
	samples = check_format(t.buf);
	ok(samples > 80, "HELP/TYPE/sample structure and naming rules hold (%d samples)", samples);
	ok(has_line(t.buf, "gatehawk_xdp_packets_total{verdict=\"drop\",reason=\"block\"} 7"),
	   "drops by the block reason");
	ok(has_line(t.buf, "gatehawk_xdp_packets_total{verdict=\"pass\",reason=\"not_blocked\"} 82"),
	   "passes no entry matched: passed less allowed, expired, non-IP and unparsed");
	ok(has_line(t.buf, "gatehawk_xdp_dropped_packets_total{family=\"ipv6\"} 1"),
	   "drops by family");
	ok(has_line(t.buf, "gatehawk_block_entries{origin=\"manual\"} 1") &&
		   has_line(t.buf, "gatehawk_allow_entries 3"),
	   "block entries by origin, allow entries");
	ok(has_line(t.buf, "gatehawk_ring_lost_events_total{reason=\"ring_full\"} 4"),
	   "ring-buffer losses by reason");
	ok(has_line(t.buf, "gatehawk_sources_tracked 12"), "tracked sources");
	ok(has_line(t.buf, "gatehawk_bpf_program_run_seconds_total{program=\"xdp_gate\"} 3.5") &&
		   has_line(t.buf, "gatehawk_bpf_program_runs_total{program=\"xdp_gate\"} 1500"),
	   "two programs of one name add up (a swap), run time in seconds");
	ok(has_line(t.buf, "gatehawk_decoder_pending_records 2"),
	   "records waiting: requests less decoded and malformed");
	ok(has_line(t.buf, "gatehawk_policy_blocks_total{policy=\"lab-block\"} 2"),
	   "blocks per policy");
	ok(has_line(t.buf, "gatehawk_policy_alerts_total{policy=\"odd\\\"name\\\\\"} 1"),
	   "a policy name is escaped in its label");
	ok(has_line(t.buf, "gatehawk_access_log_lines_total{path=\"/var/log/nginx/\\\"access\\\".log\"} 6"),
	   "a log path is escaped in its label");
	ok(has_line(t.buf, "gatehawk_engine_groups{kind=\"stateful\"} 3"),
	   "stateful groups: all less counter-only");
	ok(has_line(t.buf, "gatehawk_reloads_total{result=\"failure\"} 1") &&
		   has_line(t.buf, "gatehawk_reloads_total{result=\"success\"} 1"),
	   "reloads by result");
	ok(has_line(t.buf, "gatehawk_engine_lag_seconds 0.25"), "lag of the last record");
	ok(has_line(t.buf, "gatehawk_engine_last_record_timestamp_seconds 1700000010"),
	   "event time of the last record, Unix seconds");
	ok(has_line(t.buf, "gatehawk_metrics_snapshot_age_seconds 0.5"), "the snapshot's age last");
	if (out_path) {
		FILE *fp = fopen(out_path, "w");

		ok(fp && fputs(t.buf, fp) >= 0 && !fclose(fp), "exposition written to %s", out_path);
	}
	prom_text_free(&t);

	/* What is missing is left out, not rendered as zeros. */
	f.v.kernel = NULL;
	f.v.bpf_stats_enabled = false;
	f.v.engine = NULL;
	f.v.decoder = NULL;
	prom_text_init(&t);
	ok_eq(metrics_render(&f.v, &t), 0, "render without kernel counters, engine or decoder");
	ok(has_line(t.buf, "gatehawk_kernel_counters_up 0"), "the kernel counters are reported down");
	ok(has_line(t.buf, "gatehawk_bpf_stats_enabled 0") &&
		   !strstr(t.buf, "gatehawk_bpf_program_run_seconds_total"),
	   "no BPF run time unless kernel.bpf_stats_enabled");
	ok(!strstr(t.buf, "gatehawk_xdp_") && !strstr(t.buf, "gatehawk_policy_"),
	   "no gate or policy series without their source");
	ok(check_format(t.buf) > 0, "still well formed");
	prom_text_free(&t);
	health_free(&f.health);
}

int main(int argc, char **argv)
{
	test_family_and_sample();
	test_escaping();
	test_bad_names();
	test_doubles();
	test_render(argc > 1 ? argv[1] : NULL);
	return tap_done();
}
