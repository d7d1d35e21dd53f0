// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * replay: the live policies over access logs, on event time, as fast as
 * the files can be read. The engine is the daemon's, fed records the log
 * parser makes; only where its inputs come from differs. Ad-hoc indicators
 * (--indicator path=REGEX ...) are match predicates built by the policy
 * parser, so they take exactly the policy syntax and its error messages.
 *
 * Logs are read in the order given, which is time order when they were
 * written by one server and given oldest first. A record older than the
 * newest before it by more than the engine's lateness tolerance (logs
 * concatenated, merged or shuffled) would be left out of windows: replay
 * then reads the files again, sorted by time (log_sorted.c), from a fresh
 * engine. Until the end, alerts wait in a temporary file, so a run started
 * over prints only its second reading's. Standard input cannot be read
 * twice: it is replayed as it comes, with a note.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/number.h"
#include "input/access_log.h"
#include "base/addr_set.h"
#include "engine/alert.h"
#include "cli/cli.h"
#include "base/clock.h"
#include "cli/commands.h"
#include "engine/engine.h"
#include "cli/log_opts.h"
#include "input/log_reader.h"
#include "engine/policy.h"

#define NS 1000000000ULL
#define TICK_NS NS /* windows released each second of event time, as live */

/* --indicator KEY=VALUE: the record field and the predicate operator. */
static const struct {
	const char *key, *field, *op;
	bool number;
} indicator_keys[] = {
	{ "ip", "src_ip", "cidr", false },
	{ "path", "path", "regex", false },
	{ "query", "query", "regex", false },
	{ "ua", "user_agent", "regex", false },
	{ "referer", "referer", "regex", false },
	{ "host", "host", "regex", false },
	{ "method", "method", "eq", false },
	{ "status", "status", "eq", true },
};

struct indicator {
	struct policy_set *ps; /* one match policy */
	struct pred_eval *ev;
};

struct replay {
	struct log_parser parser;
	struct policy_set *policies;
	struct engine *engine;
	struct indicator ind[CLI_MAX_POSITIONAL];
	int n_ind;
	uint64_t alerts, next_tick, latest;
	struct cli_log_run run;
	struct addr_set sources; /* distinct source addresses, for the summary */
	struct gh_addr last_source; /* the previous record's, already in sources */
	bool any_source;
	bool sources_lost;       /* out of memory: the count is a lower bound */
	FILE *out;               /* alerts: a temporary file until the end, or stdout */
	bool rereadable;         /* every input a regular file: a disorder is read again, sorted */
	bool disordered;         /* a record came late: the rest of this reading is skipped */
	int write_err;
};

static void emit(struct replay *rp, const struct verdict *v)
{
	int err = alert_write(rp->out, v);

	if (err && !rp->write_err)
		rp->write_err = err;
	rp->alerts++;
}

static void on_verdict(const struct verdict *v, void *ctx)
{
	emit(ctx, v);
}

/* An indicator hit: a match-kind alert with the request as evidence, no cooldown. */
static void run_indicators(struct replay *rp, const struct request_record *r)
{
	for (int i = 0; i < rp->n_ind; i++) {
		const struct policy *p = &rp->ind[i].ps->policies[0];
		struct verdict v = { .policy = p, .ts_ns = r->ts_ns, .value = 1, .threshold = 1,
				     .has_src = req_has(r, REQ_SRC_IP), .src = r->src };

		pred_eval_begin(rp->ind[i].ev, r);
		if (!pred_match(p->where, rp->ind[i].ev))
			continue;
		v.evidence = json_object_new_object();
		json_object_object_add(v.evidence, "request", request_to_json(r));
		emit(rp, &v);
		json_object_put(v.evidence);
	}
}

/*
 * In the reader thread: the summary's distinct sources, touched by nothing
 * else until the end. A client's requests come in runs (a page, then its
 * assets): the same address as the line before is not looked up again.
 */
static void count_source(const struct request_record *r, void *ctx)
{
	struct replay *rp = ctx;

	if (!req_has(r, REQ_SRC_IP) || (rp->any_source && gh_addr_equal(&r->src, &rp->last_source)))
		return;
	rp->last_source = r->src;
	rp->any_source = true;
	if (addr_set_add(&rp->sources, &r->src) < 0)
		rp->sources_lost = true;
}

static void feed(const struct request_record *r, void *ctx)
{
	struct replay *rp = ctx;

	if (rp->disordered)
		return;
	if (r->ts_ns > rp->latest)
		rp->latest = r->ts_ns;
	if (rp->engine) {
		engine_feed(rp->engine, r);
		/* Late as the engine sees it (a record held out as from the future is not the
		 * clock). A rereadable reading stops at its first. */
		if (rp->rereadable && engine_late(rp->engine)) {
			rp->disordered = true;
			return;
		}
		if (rp->latest >= rp->next_tick) {
			engine_tick(rp->engine, rp->latest);
			rp->next_tick = rp->latest + TICK_NS;
		}
	}
	run_indicators(rp, r);
}

/* The match policy an indicator stands for, as policy JSON. */
static struct json_object *indicator_policy(size_t k, const char *spec, const char *value,
					    uint64_t num)
{
	struct json_object *o = json_object_new_object(), *where = json_object_new_object();
	struct json_object *action = json_object_new_object();

	json_object_object_add(o, "name", json_object_new_string("indicator"));
	json_object_object_add(o, "description", json_object_new_string(spec));
	json_object_object_add(o, "kind", json_object_new_string("match"));
	json_object_object_add(o, "severity", json_object_new_string("high"));
	json_object_object_add(where, "field", json_object_new_string(indicator_keys[k].field));
	json_object_object_add(where, indicator_keys[k].op,
			       indicator_keys[k].number ? json_object_new_uint64(num)
							: json_object_new_string(value));
	json_object_object_add(o, "where", where);
	json_object_object_add(action, "type", json_object_new_string("alert"));
	json_object_object_add(action, "cooldown", json_object_new_string("0s"));
	json_object_object_add(o, "action", action);
	return o;
}

/* KEY=VALUE -> a one-policy set named indicator:KEY. */
static int add_indicator(struct replay *rp, const char *spec)
{
	const size_t nkeys = sizeof(indicator_keys) / sizeof(indicator_keys[0]);
	const char *eq = strchr(spec, '='), *text;
	struct indicator *ind = &rp->ind[rp->n_ind];
	size_t k, klen = eq ? (size_t)(eq - spec) : 0;
	struct json_object *o;
	char name[64];
	uint64_t num = 0;
	int err;

	for (k = 0; k < nkeys; k++)
		if (strlen(indicator_keys[k].key) == klen && !strncmp(spec, indicator_keys[k].key, klen))
			break;
	if (!eq || k == nkeys || !eq[1])
		return cli_input_error("--indicator %s: expected KEY=VALUE with KEY one of ip, path, "
				       "query, ua, referer, host, method, status", spec);
	if (indicator_keys[k].number && gh_parse_u64(eq + 1, 999, &num))
		return cli_input_error("--indicator %s: expected a status code such as 404", spec);

	o = indicator_policy(k, spec, eq + 1, num);
	text = json_object_to_json_string(o);
	snprintf(name, sizeof(name), "--indicator %s", indicator_keys[k].key);
	err = policy_set_parse(name, text, strlen(text), 0,
			       &(struct policy_report){ policy_report_lines, stderr }, &ind->ps);
	json_object_put(o);
	if (err == -EINVAL)
		return cli_input_error("--indicator %s: invalid (see above)", spec);
	if (err)
		return cli_runtime_error(err, "--indicator %s", spec);
	rp->n_ind++;
	/* A colon is outside the policy-name alphabet: no policy can be mistaken for it. */
	snprintf(ind->ps->policies[0].name, sizeof(ind->ps->policies[0].name), "indicator:%s",
		 indicator_keys[k].key);
	ind->ev = pred_eval_new(ind->ps->regexes);
	return ind->ev ? 0 : cli_runtime_error(-ENOMEM, "--indicator %s", spec);
}

/* Rate policies on what only the kernel counts have nothing to count in a log. */
static void note_rate_policies(const struct policy_set *ps)
{
	for (size_t i = 0; i < ps->count; i++) {
		const struct policy *p = &ps->policies[i];
		enum rate_metric m = p->rate.metric;

		if (p->kind == POLICY_RATE && !rate_metric_in_records(m))
			cli_note("replay: rate policy %s counts %s, which only the kernel sees; it "
				 "cannot fire on logs (requests and resp_Nxx are counted from them)",
				 p->name, rate_metric_name(m));
	}
}

/* A fresh engine over the loaded policies (none without --policies). */
static int start_engine(struct replay *rp)
{
	struct engine_opts eo;

	engine_free(rp->engine);
	rp->engine = NULL;
	if (!rp->policies)
		return 0;
	engine_opts_default(&eo);
	eo.kernel_counters = false; /* rates counted from the records, on event time */
	rp->engine = engine_new(rp->policies, &eo, on_verdict, rp);
	return rp->engine ? 0 : cli_runtime_error(-ENOMEM, "replay: starting the engine");
}

static int load_policies(struct replay *rp, const char *dir,
			 const struct policy_load_opts *load)
{
	int err = cli_load_policies("replay: --policies", dir, load, &rp->policies);

	if (err)
		return err;
	note_rate_policies(rp->policies);
	return start_engine(rp);
}

/* The alerts so far dropped and a fresh engine, for another reading of the logs. */
static int start_over(struct replay *rp)
{
	/* Buffered alerts first, or they would land after the truncation. */
	if (fflush(rp->out) || ftruncate(fileno(rp->out), 0) || fseek(rp->out, 0, SEEK_SET))
		return cli_runtime_error(-errno, "replay: the alerts' temporary file");
	clearerr(rp->out);
	rp->write_err = 0;
	rp->alerts = rp->latest = rp->next_tick = 0;
	rp->disordered = false;
	rp->rereadable = false; /* this reading is the last: it goes to the end */
	return start_engine(rp);
}

/*
 * The records came out of time order: the files read again sorted, or, too
 * large for that, as they come. The summary's line counts are the first
 * reading's (the same lines).
 */
static int replay_sorted(struct replay *rp, char **files, int n)
{
	struct cli_log_run again = rp->run;
	int err;

	cli_note("replay: records came out of time order (one more than %llu s older than the "
		 "newest before it); reading the logs again, sorted by time",
		 (unsigned long long)(ENGINE_DEFAULT_LATE_NS / NS));
	if ((err = start_over(rp)))
		return err;
	again.on_parsed = NULL; /* the sources and lines were counted */
	err = cli_log_read_sorted(&again, files, n);
	if (err != -E2BIG)
		return err;
	cli_note("replay: the logs are too large to sort in memory (over half the RAM): "
		 "replayed in the order given instead, late records left out of windows; sort "
		 "them by time first for every record to count");
	if ((err = start_over(rp)))
		return err;
	return cli_log_read(&again, files, n);
}

/* Whether every input can be read again: regular files, not stdin, pipes or devices. */
static bool all_regular(char **files, int n)
{
	struct stat st;

	for (int i = 0; i < n; i++)
		if (!strcmp(files[i], "-") || stat(files[i], &st) || !S_ISREG(st.st_mode))
			return false;
	return true;
}

/* The alerts kept in the temporary file, to stdout. */
static int copy_alerts(FILE *from)
{
	char buf[65536];
	size_t got;

	if (fflush(from) || fseek(from, 0, SEEK_SET))
		return -errno;
	while ((got = fread(buf, 1, sizeof(buf), from)) > 0)
		if (fwrite(buf, 1, got, stdout) != got)
			return -errno;
	return ferror(from) ? -EIO : 0;
}

/* Every input checked before any is read: a typo must not cost a long run. */
static double now_s(void)
{
	return (double)gh_clock_ns(CLOCK_MONOTONIC) / 1e9;
}

/* CPU seconds (user + sys) of every thread of the process so far. */
static double cpu_s(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* secs and cpu: wall and CPU time of the run, policy loading left out. */
static void summary(const struct replay *rp, double secs, double cpu)
{
	const struct log_line_stats *ls = &rp->run.lines;
	uint64_t rejected = rp->run.malformed + ls->binary; /* cut lines are parsed */
	struct engine_stats es = { 0 };
	struct rusage ru;

	if (rp->engine)
		engine_stats(rp->engine, &es);
	getrusage(RUSAGE_SELF, &ru);
	fprintf(stderr,
		"replay: %llu lines read, %llu rejected (%llu malformed, %llu binary), %llu too long (cut), "
		"%llu alerts, %s%zu sources, %.3f s, %.0f lines/s, %llu late, %llu future, peak RSS %ld KiB, "
		"%.3f CPU s\n",
		(unsigned long long)ls->lines, (unsigned long long)rejected,
		(unsigned long long)rp->run.malformed, (unsigned long long)ls->binary,
		(unsigned long long)ls->too_long, (unsigned long long)rp->alerts,
		rp->sources_lost ? ">=" : "", rp->sources.count, secs,
		secs > 0 ? (double)ls->lines / secs : 0.0, (unsigned long long)es.late, (unsigned long long)es.future,
		ru.ru_maxrss, cpu);
}

static void replay_free(struct replay *rp)
{
	log_parser_free(&rp->parser);
	addr_set_free(&rp->sources);
	engine_free(rp->engine);
	policy_set_free(rp->policies);
	for (int i = 0; i < rp->n_ind; i++) {
		pred_eval_free(rp->ind[i].ev);
		policy_set_free(rp->ind[i].ps);
	}
}

int cmd_replay(int argc, char **argv)
{
	const char *policies = NULL;
	struct cli_strlist indicators = { 0 };
	struct cli_log_opts lo = { 0 };
	struct policy_load_opts load = { 0 };
	bool single_thread = false;
	const struct cli_opt opts[] = {
		{ "policies", "DIR", cli_set_string, &policies,
		  "policies to run (*.json, one per file), as `run --policies`" },
		CLI_IPV6_PREFIX_OPT(load),
		CLI_LOG_OPTS(lo),
		{ "indicator", "K=V", cli_set_strlist, &indicators,
		  "report every request matching: ip=CIDR, path=, query=, ua=, referer=, host=REGEX, "
		  "method=M, status=N (repeatable)" },
		{ "single-thread", NULL, cli_set_flag, &single_thread,
		  "read and parse in the engine's thread (default: a reader thread beside it; "
		  "the alerts are the same)" },
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk replay",
		"[--policies DIR] [--ipv6-prefix N] [--format FMT | --log-format SPEC]\n"
		"                       [--trusted-proxy CIDR]... [--indicator K=V]... [--single-thread]\n"
		"                       FILE...",
		"Run the policies over access logs (nginx/Apache combined, common or\n"
		"vhost_combined, nginx JSON, or any nginx log_format given with --log-format;\n"
		"'-' is stdin, .gz files are read as they are) on event time, with the same\n"
		"engine and verdicts as the live daemon, and nothing written to the kernel.\n"
		"Records may come in any order: when one is more than 10 s older than the\n"
		"newest before it (logs concatenated, merged or shuffled), the files are read\n"
		"again sorted by time (holding their lines in memory); stdin and pipes are read\n"
		"once, so there such a record is late and left out of windows. Alerts are\n"
		"printed at the end (to a temporary file meanwhile) unless an input is not a\n"
		"regular file. Rate policies count requests and responses from the records;\n"
		"packets, SYNs and connections exist only live. IPv6 sources\n"
		"are grouped and blocked by /64 unless a policy or --ipv6-prefix says. Alerts are\n"
		"JSON lines on stdout; indicators add one line per matching request, policy\n"
		"\"indicator:KEY\". A one-line summary goes to stderr (wall and CPU time of the\n"
		"run, both threads: a reader thread reads and parses beside the engine's).\n"
		"Formats: docs/replay.md.\n"
		"Give --policies, --indicator or both.",
		"  gatehawk replay --policies /usr/local/share/gatehawk/policies access.log\n"
		"  gatehawk replay --policies ./policies access.log.2.gz access.log.1 access.log\n"
		"  gatehawk replay --policies ./policies --ipv6-prefix 128 access.log\n"
		"  gatehawk replay --policies ./policies --single-thread access.log   # one core only\n"
		"  zcat old.gz | gatehawk replay --indicator ip=203.0.113.0/24 --indicator "
		"'path=\\.env$' -\n"
		"  gatehawk replay --policies ./policies --trusted-proxy 10.0.0.0/8 \\\n"
		"      --log-format '$remote_addr - $remote_user [$time_local] \"$request\" "
		"$status $body_bytes_sent \"$http_referer\" \"$http_user_agent\" "
		"\"$http_x_forwarded_for\"' access.log\n"
	};
	struct replay rp = { 0 };
	char *files[CLI_MAX_POSITIONAL];
	double start, start_cpu;
	int n, err = 0;

	n = cli_parse(argc, argv, &usage, opts, files, CLI_MAX_POSITIONAL);
	if (n < 0)
		return n;
	err = cli_log_parser(&lo, &rp.parser);
	if (err)
		return err;
	if (!n)
		return cli_input_error("replay: at least one log FILE (or '-') is required; "
				       "see --help");
	if (!policies && !indicators.count)
		return cli_input_error("replay: nothing to run: give --policies DIR and/or "
				       "--indicator K=V");
	err = cli_log_check_inputs("replay", files, n);
	for (int i = 0; !err && i < indicators.count; i++)
		err = add_indicator(&rp, indicators.items[i]);
	if (!err && policies)
		err = load_policies(&rp, policies, &load);
	if (err) {
		replay_free(&rp);
		return err;
	}
	start = now_s();
	start_cpu = cpu_s();
	rp.run = (struct cli_log_run){ .cmd = "replay", .parser = &rp.parser, .on_record = feed,
				       .on_parsed = count_source, .ctx = &rp,
				       .single_thread = single_thread };
	rp.rereadable = all_regular(files, n);
	rp.out = rp.rereadable ? tmpfile() : NULL;
	if (!rp.out) {
		if (rp.rereadable)
			cli_note("replay: no temporary file for the alerts (%s): records out of "
				 "time order will be late, not read again sorted", strerror(errno));
		rp.rereadable = false;
		rp.out = stdout;
	}
	err = cli_log_read(&rp.run, files, n);
	/* Even after a read error: the records before it, now in time order. */
	if (rp.disordered) {
		int sorted = replay_sorted(&rp, files, n);

		err = err ? err : sorted;
	}
	if (rp.engine && !rp.rereadable)
		cli_log_note_late("replay", engine_late(rp.engine));
	if (rp.engine) {
		engine_tick(rp.engine, rp.latest);
		engine_flush(rp.engine);
	}
	if (rp.out != stdout) {
		int copied = copy_alerts(rp.out);

		if (copied && !rp.write_err)
			rp.write_err = copied;
		fclose(rp.out);
	}
	if (fflush(stdout) && !rp.write_err)
		rp.write_err = -errno;
	summary(&rp, now_s() - start, cpu_s() - start_cpu);
	if (!err && rp.write_err)
		err = cli_runtime_error(rp.write_err, "replay: writing alerts");
	replay_free(&rp);
	return err;
}
