// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * explain: for each log line (or one raw HTTP request head), the record it
 * makes and, per policy, whether it matched and why not.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/log_opts.h"
#include "engine/explain.h"
#include "input/http_head.h"
#include "input/log_reader.h"

struct explain_run {
	struct log_parser parser;
	struct explainer *x;
	bool json;
	size_t n;
};

static const char *str_of(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) && v ? json_object_get_string(v) : NULL;
}

/* The strings of a JSON array, joined by sep ("" when absent or empty). */
static void print_joined(struct json_object *arr, const char *sep)
{
	for (size_t i = 0; arr && i < json_object_array_length(arr); i++)
		printf("%s%s", i ? sep : "",
		       json_object_get_string(json_object_array_get_idx(arr, i)));
}

/* " score S (threshold T; from C with a sign: a or b; this record: x) rules [...]" */
static void print_crs(struct json_object *v)
{
	struct json_object *by = json_object_object_get(v, "corroborate_by");
	struct json_object *signs = json_object_object_get(v, "corroborated_by");

	printf(" score %s (threshold %s", str_of(v, "score"), str_of(v, "threshold"));
	if (str_of(v, "corroborated_threshold")) {
		printf("; from %s with a sign: ", str_of(v, "corroborated_threshold"));
		print_joined(by, " or ");
		printf("; this record's: ");
		if (signs && json_object_array_length(signs))
			print_joined(signs, ", ");
		else
			printf("none");
	}
	printf(")%s%s rules %s",
	       json_object_get_boolean(json_object_object_get(v, "evaluated"))
		       ? "" : ", skipped by the prefilter,",
	       json_object_get_boolean(json_object_object_get(v, "placeholder"))
		       ? ", a template placeholder (932130 on ${name} alone): not flagged,"
		       : "",
	       str_of(v, "rules"));
}

/* The leaves that decided a no_match, as "field op (value)" joined by ';'. */
static void print_why(struct json_object *why)
{
	struct json_object *kids;
	const char *field = str_of(why, "field"), *value = str_of(why, "value");

	if (field) {
		printf(" %s %s %s on %s%s%s;", field, str_of(why, "op"),
		       json_object_get_boolean(json_object_object_get(why, "held")) ? "held"
											 : "failed",
		       value ? "\"" : "", value ? value : "(absent)", value ? "\"" : "");
		return;
	}
	if (!strcmp(str_of(why, "op"), "not"))
		printf(" not:");
	if (json_object_object_get_ex(why, "kids", &kids))
		for (size_t i = 0; i < json_object_array_length(kids); i++)
			print_why(json_object_array_get_idx(kids, i));
	if (json_object_object_get(why, "more"))
		printf(" (%s more)", str_of(why, "more"));
}

static void print_text(struct json_object *o, size_t n)
{
	struct json_object *rec = json_object_object_get(o, "record");
	struct json_object *pols = json_object_object_get(o, "policies");
	const char *src = str_of(rec, "src_ip"), *m = str_of(rec, "method");

	printf("record %zu: %s %s%s%s from %s\n  %s\n", n, m ? m : "-",
	       str_of(rec, "path") ? str_of(rec, "path") : "",
	       str_of(rec, "query") ? "?" : "", str_of(rec, "query") ? str_of(rec, "query") : "",
	       src ? src : "(no address)",
	       json_object_to_json_string_ext(rec, JSON_C_TO_STRING_PLAIN |
							   JSON_C_TO_STRING_NOSLASHESCAPE));
	for (size_t i = 0; i < json_object_array_length(pols); i++) {
		struct json_object *p = json_object_array_get_idx(pols, i), *v;

		printf("  %-12s %-28s", str_of(p, "result"), str_of(p, "policy"));
		if (json_object_object_get_ex(p, "why", &v))
			print_why(v);
		if (json_object_object_get_ex(p, "crs", &v))
			print_crs(v);
		if (json_object_object_get_ex(p, "profile", &v)) {
			json_object_object_foreach(v, key, val)
				printf(" %s=%s", key, json_object_get_string(val));
		}
		if (json_object_object_get_ex(p, "having", &v))
			for (size_t k = 0; k < json_object_array_length(v); k++) {
				struct json_object *c = json_object_array_get_idx(v, k);

				printf(" %s=%s", str_of(c, "agg"), str_of(c, "value"));
				json_object_object_foreach(c, key, val)
					if (strcmp(key, "agg") && strcmp(key, "value"))
						printf(" (%s %s)", key, json_object_get_string(val));
			}
		if (json_object_object_get_ex(p, "unless_rendered_s", &v))
			printf(" [the verdict waits %s s: dropped if the source renders the page]",
			       json_object_get_string(v));
		if (json_object_object_get_ex(p, "session_gap_s", &v))
			printf(" [read when the session ends: quiet for %s s]",
			       json_object_get_string(v));
		printf("\n");
	}
}

static void explain_record(struct explain_run *run, const struct request_record *r)
{
	struct json_object *o = explainer_record(run->x, r);

	run->n++;
	if (run->json) {
		cli_print_json(o);
		return;
	}
	print_text(o, run->n);
	json_object_put(o);
}

/* A whole input that starts with a request line is one raw head. */
static int explain_head(struct explain_run *run, char *buf, size_t len)
{
	struct request_record r = { 0 };

	if (http_head_parse(buf, len, &r))
		return cli_input_error("explain: the input starts like a request head but does "
				       "not parse as one (request line, then Name: value lines)");
	explain_record(run, &r);
	return 0;
}

static int explain_lines(struct explain_run *run, const char *path)
{
	struct log_reader *lr;
	struct request_record r;
	char *line;
	size_t len, lineno = 0;
	int err = log_reader_open(path, &lr);

	if (err)
		return cli_input_error("explain: %s: %s", path, strerror(-err));
	while ((err = log_reader_next(lr, &line, &len)) > 0) {
		lineno++;
		if (!len)
			continue;
		if (lineno == 1 && http_head_starts_request(line, len)) {
			/* Rejoin the head: the reader handed out its first line. */
			char buf[8192];
			size_t used = 0;

			do {
				if (used + len + 2 > sizeof(buf))
					break;
				memcpy(buf + used, line, len);
				used += len;
				buf[used++] = '\r';
				buf[used++] = '\n';
			} while (len && (err = log_reader_next(lr, &line, &len)) > 0);
			log_reader_close(lr);
			return explain_head(run, buf, used);
		}
		if (log_parser_parse(&run->parser, line, len, &r))
			fprintf(stderr, "explain: line %zu is no access-log line the format reads; "
				"skipped\n", lineno);
		else
			explain_record(run, &r);
	}
	log_reader_close(lr);
	return err < 0 ? cli_runtime_error(err, "explain: reading %s", path) : 0;
}

int cmd_explain(int argc, char **argv)
{
	const char *policies = NULL;
	struct cli_log_opts lo = { 0 };
	struct explain_run run = { 0 };
	struct policy_load_opts load = { 0 };
	const struct cli_opt opts[] = {
		{ "policies", "DIR", cli_set_string, &policies, "policies to explain (required)" },
		CLI_IPV6_PREFIX_OPT(load),
		CLI_LOG_OPTS(lo),
		CLI_JSON_OPT(run.json, "one JSON object per record"),
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk explain", "--policies DIR [--format FMT | --log-format SPEC]\n"
		"                        [--trusted-proxy CIDR]... [--ipv6-prefix N] [--json] [FILE|-]",
		"Feed access-log lines (FILE, or stdin) one by one to the policies, as replay\n"
		"does, and print for each the record it made and, per policy: fired, no_match\n"
		"(with the leaves of where/filter that decided it and the record's values),\n"
		"counted (a window's aggregates against its having, which a session window\n"
		"reads only when its source has been quiet for the gap; a profile's requests in\n"
		"its window and when it is scored next, or an endpoint model's score), cooldown,\n"
		"late, live_only\n"
		"(rate policies on kernel counters). Lines share the engine, so a window's\n"
		"count builds up. An input that starts with a request line (GET / HTTP/1.1)\n"
		"is read as one raw request head instead.",
		"  tail -1 access.log | gatehawk explain --policies /etc/gatehawk/policies -\n"
		"  printf 'GET /?id=1%%27+OR+1=1 HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n' | \\\n"
		"      gatehawk explain --policies ./policies -\n"
		"  gatehawk explain --policies ./policies --json suspicious.log | jq .\n"
	};
	struct policy_set *ps = NULL;
	char *pos[1];
	int n, err;

	n = cli_parse(argc, argv, &usage, opts, pos, 1);
	if (n < 0)
		return n;
	if (!policies)
		return cli_input_error("explain: --policies DIR is required; see --help");
	if ((err = cli_log_parser(&lo, &run.parser)))
		return err;
	if ((err = cli_load_policies("explain: --policies", policies, &load, &ps))) {
		log_parser_free(&run.parser);
		return err;
	}
	run.x = explainer_new(ps);
	err = run.x ? explain_lines(&run, n ? pos[0] : "-")
		    : cli_runtime_error(-ENOMEM, "explain");
	explainer_free(run.x);
	policy_set_free(ps);
	log_parser_free(&run.parser);
	return err;
}
