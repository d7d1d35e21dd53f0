// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * report: access logs grouped by up to four keys, with how many requests of
 * each group a predicate matches ("how much plain HTTP is left, and where?")
 * before a policy acts on it. The tally is engine/report.c; this file reads
 * the logs and writes the table, JSON or CSV. Log text is escaped in all
 * three: \xNN for bytes outside printable ASCII in the table and CSV, valid
 * UTF-8 in JSON.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "base/escape.h"
#include "base/number.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/log_opts.h"
#include "engine/policy.h"
#include "engine/report.h"
#include "input/log_reader.h"

#define DEFAULT_TOP 20
#define KEY_COL_MAX 50 /* table columns of one key value; longer ones end in "..." */
#define CELL_MAX (KEY_COL_MAX * 4 + 8) /* an escaped value, enough to know it is too long */
#define ESC_CHUNK 1024                  /* raw bytes escaped at once for CSV */

static const char *const sort_names[] = { "matching", "requests", "share" };

struct tally {
	struct log_parser parser;
	struct report *rep;
	struct cli_log_run run;
	int err; /* report_add's -ENOMEM */
};

/* What is printed: the shown groups and the totals. */
struct view {
	const struct report *rep;
	const struct report_opts *o;
	const char *where; /* the --where text; NULL: none */
	enum report_sort sort;
	const struct report_group *const *rows;
	size_t n_rows; /* shown: at most --top */
	struct report_totals t;
	size_t max_groups;
};

/* ---- options ------------------------------------------------------------- */

static int parse_by(const char *by, struct report_opts *o)
{
	const char *p = by;
	struct gh_err err = { 0 };
	int ret;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char spec[128];

		if (o->n_keys == REPORT_MAX_KEYS)
			return cli_input_error("report: --by %s: expected at most %d keys", by,
					       REPORT_MAX_KEYS);
		if (len >= sizeof(spec))
			return cli_input_error("report: --by: a key of %zu bytes is no key", len);
		snprintf(spec, sizeof(spec), "%.*s", (int)len, p);
		ret = report_key_parse(spec, &o->keys[o->n_keys++], &err);
		if (ret)
			return cli_report(&err, ret);
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

/* The parser's messages, joined, for one error line. */
struct messages {
	char text[GH_ERR_MSG_MAX - 64];
	size_t len;
};

static void collect(void *ctx, const char *msg)
{
	struct messages *m = ctx;
	int n = snprintf(m->text + m->len, sizeof(m->text) - m->len, "%s%s", m->len ? "; " : "",
			 msg);

	if (n > 0)
		m->len += (size_t)n < sizeof(m->text) - m->len ? (size_t)n
							     : sizeof(m->text) - m->len - 1;
}

static int parse_where(const char *text, struct policy_set **holder, struct report_opts *o)
{
	struct messages m = { .len = 0 };
	int err = policy_pred_parse("--where", text, strlen(text),
				    &(struct policy_report){ collect, &m }, holder, &o->where);

	if (err == -EINVAL)
		return cli_input_error("report: %s", m.text);
	if (err)
		return cli_runtime_error(err, "report: --where");
	o->regexes = (*holder)->regexes;
	return 0;
}

static int parse_sort(const char *name, bool where, enum report_sort *out)
{
	for (size_t i = 0; i < sizeof(sort_names) / sizeof(sort_names[0]); i++)
		if (!strcmp(name, sort_names[i])) {
			*out = (enum report_sort)i;
			if (*out != REPORT_SORT_REQUESTS && !where)
				return cli_input_error("report: --sort %s counts --where matches; "
						       "give --where or sort by requests", name);
			return 0;
		}
	return cli_input_error("report: --sort: expected requests, matching or share, got '%s'",
			       name);
}

/* ---- reading ------------------------------------------------------------- */

static void count_record(const struct request_record *r, void *ctx)
{
	struct tally *t = ctx;

	if (!t->err)
		t->err = report_add(t->rep, r);
}

static void summary(const struct tally *t, const struct view *v, double secs)
{
	fprintf(stderr,
		"report: %" PRIu64 " lines read, %" PRIu64 " rejected (%" PRIu64
		" malformed, %" PRIu64 " binary), %" PRIu64 " too long (cut), %zu groups, %zu shown, "
		"%.3f s, %.0f lines/s\n",
		t->run.lines.lines, t->run.malformed + t->run.lines.binary,
		t->run.malformed, t->run.lines.binary, t->run.lines.too_long, v->t.groups,
		v->n_rows, secs, secs > 0 ? (double)t->run.lines.lines / secs : 0.0);
	if (t->run.lines.lines && t->run.malformed == t->run.lines.lines)
		cli_note("report: no line parsed; is --format or --log-format the log's?");
}

/* ---- cells --------------------------------------------------------------- */

/* Key value i of g for the table: escaped, "-" when absent, cut to KEY_COL_MAX. */
static void key_cell(const struct view *v, const struct report_group *g, unsigned int i,
		     char *out)
{
	char buf[REPORT_VALUE_BUF];
	struct gh_str s;

	if (!report_group_key(v->rep, g, i, buf, &s)) {
		strcpy(out, "-");
		return;
	}
	if (!s.len) {
		strcpy(out, "\"\"");
		return;
	}
	/* Cut only when more than fits: a whole escape never straddles the end. */
	if (gh_escape_text(s.p, s.len, out, CELL_MAX) > KEY_COL_MAX) {
		size_t n = gh_escape_text(s.p, s.len, out, KEY_COL_MAX - 3 + 1);

		strcpy(out + n, "...");
	}
}

/* ---- table --------------------------------------------------------------- */

enum { COL_REQUESTS, COL_MATCHING, COL_SHARE, COL_SOURCES, COL_MSOURCES, NUM_COLS };
static const char *const col_names[NUM_COLS] = { "requests", "matching", "share", "sources",
						 "matching_sources" };

/* The number columns of one row as text; without where, no matching columns. */
static void num_cells(const struct view *v, const struct report_counts *c,
		      char cells[NUM_COLS][32])
{
	const char *bound = c->sources_capped ? ">=" : "";

	snprintf(cells[COL_REQUESTS], 32, "%" PRIu64, c->requests);
	snprintf(cells[COL_MATCHING], 32, "%" PRIu64, c->matching);
	snprintf(cells[COL_SHARE], 32, "%.1f%%", 100 * report_share(v->rep, c));
	snprintf(cells[COL_SOURCES], 32, "%s%" PRIu64, bound, c->sources);
	snprintf(cells[COL_MSOURCES], 32, "%s%" PRIu64, bound, c->matching_sources);
}

static bool col_shown(const struct view *v, int col)
{
	return v->where || (col != COL_MATCHING && col != COL_MSOURCES);
}

struct widths {
	size_t key[REPORT_MAX_KEYS], num[NUM_COLS];
};

/* One cell, two spaces after the previous one; keys left-aligned, numbers right. */
static void cell(const char *text, size_t width, bool left, bool *first)
{
	printf("%s%*s", *first ? "" : "  ", left ? -(int)width : (int)width, text);
	*first = false;
}

static void widen(size_t *w, const char *text)
{
	size_t n = strlen(text);

	if (n > *w)
		*w = n;
}

/*
 * One row (g NULL: label, such as (total), in the first key column), measured
 * into w or printed with it.
 */
static void table_row(const struct view *v, struct widths *w, bool measure,
		      const struct report_group *g, const char *label,
		      const struct report_counts *c)
{
	char text[CELL_MAX], nums[NUM_COLS][32];
	bool first = true;

	for (unsigned int i = 0; i < v->o->n_keys; i++) {
		if (g)
			key_cell(v, g, i, text);
		else
			snprintf(text, sizeof(text), "%s", i ? "" : label);
		if (measure)
			widen(&w->key[i], text);
		else
			cell(text, w->key[i], true, &first);
	}
	num_cells(v, c, nums);
	for (int col = 0; col < NUM_COLS; col++) {
		if (!col_shown(v, col))
			continue;
		if (measure)
			widen(&w->num[col], nums[col]);
		else
			cell(nums[col], w->num[col], false, &first);
	}
	if (!measure)
		putchar('\n');
}

/* Every row, once to size the columns and once to print them. */
static void table_rows(const struct view *v, struct widths *w, bool measure)
{
	for (size_t i = 0; i < v->n_rows; i++)
		table_row(v, w, measure, v->rows[i], NULL, &v->rows[i]->c);
	if (v->t.overflow)
		table_row(v, w, measure, NULL, "(other)", &v->t.other);
	table_row(v, w, measure, NULL, "(total)", &v->t.all);
}

static void print_table(const struct view *v)
{
	struct widths w = { .key = { 0 } };
	size_t left_out = v->t.groups - v->n_rows;
	bool first = true;

	for (unsigned int i = 0; i < v->o->n_keys; i++)
		widen(&w.key[i], v->o->keys[i].name);
	for (int col = 0; col < NUM_COLS; col++)
		widen(&w.num[col], col_names[col]);
	table_rows(v, &w, true);
	for (unsigned int i = 0; i < v->o->n_keys; i++)
		cell(v->o->keys[i].name, w.key[i], true, &first);
	for (int col = 0; col < NUM_COLS; col++)
		if (col_shown(v, col))
			cell(col_names[col], w.num[col], false, &first);
	putchar('\n');
	table_rows(v, &w, false);
	printf("%zu of %zu groups shown", v->n_rows, v->t.groups);
	if (left_out)
		printf(", %zu left out (--top 0 shows all)", left_out);
	printf("; share is %s\n", v->where ? "matching / requests of the row"
					    : "the row's requests / all requests");
	if (v->t.overflow)
		printf("(other): requests of new groups after the first %zu (--max-groups)\n",
		       v->max_groups);
	if (v->t.all.sources_capped)
		printf(">=: distinct sources stopped counting at %u (group, source) pairs\n",
		       REPORT_DEFAULT_MAX_SOURCE_PAIRS);
}

/* ---- JSON ---------------------------------------------------------------- */

static struct json_object *key_json(const struct view *v, const struct report_group *g,
				    unsigned int i)
{
	char buf[REPORT_VALUE_BUF];
	struct gh_str s;
	uint64_t n;

	if (!report_group_key(v->rep, g, i, buf, &s))
		return NULL;
	switch (report_key_value_type(&v->o->keys[i])) {
	case REPORT_VALUE_NUM:
		if (!gh_parse_u64n(s.p, s.len, UINT64_MAX, &n))
			return json_object_new_uint64(n);
		break;
	case REPORT_VALUE_BOOL:
		return json_object_new_boolean(s.p[0] == 't');
	default:
		break;
	}
	return gh_json_string(s.p, s.len);
}

static struct json_object *counts_json(const struct view *v, const struct report_counts *c,
				       struct json_object *o)
{
	json_object_object_add(o, "requests", json_object_new_uint64(c->requests));
	if (v->where)
		json_object_object_add(o, "matching", json_object_new_uint64(c->matching));
	json_object_object_add(o, "share", gh_json_number(report_share(v->rep, c)));
	json_object_object_add(o, "sources", json_object_new_uint64(c->sources));
	if (v->where)
		json_object_object_add(o, "matching_sources",
				       json_object_new_uint64(c->matching_sources));
	json_object_object_add(o, "sources_capped", json_object_new_boolean(c->sources_capped));
	return o;
}

static const char *json_text(struct json_object *o)
{
	return json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
							 JSON_C_TO_STRING_NOSLASHESCAPE);
}

/*
 * One object on one line, its groups written one at a time: a million of
 * them as one json-c tree would take gigabytes. head holds what comes
 * before "groups", tail what comes after; each has members, so head ends in
 * '}' and tail starts with '{', both left out.
 */
static void print_json(const struct view *v)
{
	struct json_object *head = json_object_new_object(), *by = json_object_new_array();
	struct json_object *tail = json_object_new_object(), *total;
	const char *text;

	for (unsigned int i = 0; i < v->o->n_keys; i++)
		json_object_array_add(by, json_object_new_string(v->o->keys[i].name));
	json_object_object_add(head, "by", by);
	/* The text parsed already: it is JSON. */
	json_object_object_add(head, "where", v->where ? json_tokener_parse(v->where) : NULL);
	json_object_object_add(head, "sort", json_object_new_string(sort_names[v->sort]));
	text = json_text(head);
	printf("%.*s,\"groups\":[", (int)strlen(text) - 1, text);
	json_object_put(head);
	for (size_t r = 0; r < v->n_rows; r++) {
		struct json_object *g = json_object_new_object(), *key = json_object_new_object();

		for (unsigned int i = 0; i < v->o->n_keys; i++)
			json_object_object_add(key, v->o->keys[i].name, key_json(v, v->rows[r], i));
		json_object_object_add(g, "key", key);
		printf("%s%s", r ? "," : "", json_text(counts_json(v, &v->rows[r]->c, g)));
		json_object_put(g);
	}
	json_object_object_add(tail, "other", v->t.overflow ? counts_json(v, &v->t.other,
									  json_object_new_object())
							    : NULL);
	total = counts_json(v, &v->t.all, json_object_new_object());
	json_object_object_add(total, "groups", json_object_new_uint64(v->t.groups));
	json_object_object_add(tail, "total", total);
	json_object_object_add(tail, "omitted", json_object_new_uint64(v->t.groups - v->n_rows));
	printf("],%s\n", json_text(tail) + 1);
	json_object_put(tail);
}

/* ---- CSV ----------------------------------------------------------------- */

/*
 * One RFC 4180 cell of log text: escaped as in the table, quoted when it
 * holds a comma or a quote (doubled), and a leading ' when a spreadsheet
 * would take it for a formula (= + - @).
 */
static void csv_text(const char *p, size_t len)
{
	bool quote = memchr(p, ',', len) || memchr(p, '"', len);
	char esc[ESC_CHUNK * 4 + 1];

	if (quote)
		putchar('"');
	if (len && strchr("=+-@", p[0]))
		putchar('\'');
	for (size_t at = 0; at < len; at += ESC_CHUNK) {
		size_t n = gh_escape_text(p + at, len - at < ESC_CHUNK ? len - at : ESC_CHUNK, esc,
					  sizeof(esc));

		for (size_t i = 0; i < n; i++) {
			if (esc[i] == '"')
				putchar('"');
			putchar(esc[i]);
		}
	}
	if (quote)
		putchar('"');
}

static void csv_row(const struct view *v, const char *kind, const struct report_group *g,
		    const struct report_counts *c)
{
	char buf[REPORT_VALUE_BUF];
	struct gh_str s;

	printf("%s", kind);
	for (unsigned int i = 0; i < v->o->n_keys; i++) {
		putchar(',');
		if (g && report_group_key(v->rep, g, i, buf, &s))
			csv_text(s.p, s.len);
	}
	printf(",%" PRIu64, c->requests);
	if (v->where)
		printf(",%" PRIu64, c->matching);
	printf(",%.10g,%" PRIu64, report_share(v->rep, c), c->sources);
	if (v->where)
		printf(",%" PRIu64, c->matching_sources);
	printf("\r\n");
}

static void print_csv(const struct view *v)
{
	printf("row");
	for (unsigned int i = 0; i < v->o->n_keys; i++) {
		putchar(',');
		csv_text(v->o->keys[i].name, strlen(v->o->keys[i].name));
	}
	printf(v->where ? ",requests,matching,share,sources,matching_sources\r\n"
			: ",requests,share,sources\r\n");
	for (size_t r = 0; r < v->n_rows; r++)
		csv_row(v, "group", v->rows[r], &v->rows[r]->c);
	if (v->t.overflow)
		csv_row(v, "other", NULL, &v->t.other);
	csv_row(v, "total", NULL, &v->t.all);
}

/* ---- command ------------------------------------------------------------- */

static double now_s(void)
{
	return (double)gh_clock_ns(CLOCK_MONOTONIC) / 1e9;
}

struct report_args {
	const char *by, *where, *sort;
	uint32_t top, max_groups;
	bool json, csv;
	struct cli_log_opts lo;
};

/* Options into the tally's parser and report options; errors reported. */
static int setup(struct report_args *a, struct tally *t, struct report_opts *o,
		 struct policy_set **holder, enum report_sort *sort)
{
	struct gh_err e = { 0 };
	int err;

	if (!a->by)
		return cli_input_error("report: --by KEY[,KEY...] is required; see --help");
	if (a->json && a->csv)
		return cli_input_error("report: give --json or --csv, not both");
	err = parse_by(a->by, o);
	if (!err && a->where)
		err = parse_where(a->where, holder, o);
	if (!err)
		err = parse_sort(a->sort ? a->sort : a->where ? "matching" : "requests", a->where,
				 sort);
	if (!err)
		err = cli_log_parser(&a->lo, &t->parser);
	if (err)
		return err;
	if (!a->max_groups)
		return cli_input_error("report: --max-groups: expected at least 1");
	o->max_groups = a->max_groups;
	t->rep = report_new(o, &e);
	return t->rep ? 0 : cli_report(&e, e.code);
}

int cmd_report(int argc, char **argv)
{
	struct report_args a = { .top = DEFAULT_TOP, .max_groups = REPORT_DEFAULT_MAX_GROUPS };
	const struct cli_opt opts[] = {
		{ "by", "KEY[,KEY]", cli_set_string, &a.by,
		  "group by 1-4 keys: a record field (host, path, scheme, status, method, "
		  "user_agent, src_ip, ...), path/N, src_ip/N[/M], status_class, hour, ext" },
		{ "where", "PRED", cli_set_string, &a.where,
		  "count the requests matching a predicate in policy syntax "
		  "(docs/policy-format.md)" },
		{ "top", "N", cli_set_u32, &a.top,
		  "show the N largest groups (default 20; 0: all)" },
		{ "sort", "BY", cli_set_string, &a.sort,
		  "matching (default with --where), requests (default without) or share" },
		CLI_JSON_OPT(a.json, "one JSON object on stdout"),
		{ "csv", NULL, cli_set_flag, &a.csv, "CSV (RFC 4180) with a header row on stdout" },
		{ "max-groups", "N", cli_set_u32, &a.max_groups,
		  "groups tracked (default 1048576); later new groups are counted as (other)" },
		CLI_LOG_OPTS(a.lo),
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk report",
		"--by KEY[,KEY]... [--where PRED] [--top N] [--sort BY]\n"
		"                       [--json | --csv] [--max-groups N]\n"
		"                       [--format FMT | --log-format SPEC] [--trusted-proxy CIDR]...\n"
		"                       FILE...",
		"Count the requests of access logs (the formats of `replay`; '-' is stdin,\n"
		".gz read as is) per group of up to four keys, largest first. A key is a\n"
		"record field or: path/N (the first N path segments: path/1 of /shop/cart is\n"
		"/shop), src_ip/N[/M] (IPv4 source masked to /N, IPv6 to /M, default 64),\n"
		"status_class (2xx..5xx), hour (UTC hour of day), ext (the path's file\n"
		"extension, lowercase; \"\" for pages). With --where, each group also counts\n"
		"the requests matching that predicate (\"matching\"), their share of the\n"
		"group's requests and their distinct sources; without, share is the group's\n"
		"part of all requests. sources counts distinct src_ip, exactly up to 8 M\n"
		"(group, source) pairs, then as lower bounds (>=). Ties sort by key.\n"
		"A final row gives the totals; groups past --max-groups are counted in one\n"
		"(other) row. The table shows log text escaped (\\xNN) and long values cut\n"
		"with ...; --json and --csv keep whole values (CSV escaped as the table).\n"
		"A one-line summary (lines read, rejected, groups, speed) goes to stderr.",
		"  # How much plain HTTP is left, per host and first path segment, before\n"
		"  # forcing HTTPS (the log must carry $scheme and $host):\n"
		"  gatehawk report --by host,path/1 --where '{\"field\": \"scheme\", \"eq\": "
		"\"http\"}' \\\n"
		"      --log-format '$remote_addr - $remote_user [$time_local] \"$request\" "
		"$status $body_bytes_sent \"$http_referer\" \"$http_user_agent\" $scheme $host' "
		"access.log\n"
		"  gatehawk report --by status_class,ext --top 0 access.log.1 access.log\n"
		"  gatehawk report --by src_ip/24 --where '{\"all\": [{\"field\": \"status\", "
		"\"eq\": 404}, {\"field\": \"method\", \"eq\": \"GET\"}]}' --json access.log |\n"
		"      jq '.groups[] | select(.share > 0.5)'\n"
		"  zcat old.gz | gatehawk report --by user_agent --csv - > agents.csv\n"
	};
	struct policy_set *holder = NULL;
	struct report_opts o = { .n_keys = 0 };
	struct tally t = { .rep = NULL };
	struct view v = { .o = &o };
	char *files[CLI_MAX_POSITIONAL];
	double start;
	int n, err;

	n = cli_parse(argc, argv, &usage, opts, files, CLI_MAX_POSITIONAL);
	if (n < 0)
		return n;
	err = setup(&a, &t, &o, &holder, &v.sort);
	if (!err && !n)
		err = cli_input_error("report: at least one log FILE (or '-') is required; "
				      "see --help");
	if (!err)
		err = cli_log_check_inputs("report", files, n);
	t.run = (struct cli_log_run){ .cmd = "report", .parser = &t.parser,
				      .on_record = count_record, .ctx = &t };
	start = now_s();
	if (!err)
		err = cli_log_read(&t.run, files, n);
	if (!err && t.err)
		err = cli_runtime_error(t.err, "report: counting");
	if (!err && (err = report_sort(t.rep, v.sort, &v.rows, &v.n_rows)))
		err = cli_runtime_error(err, "report: sorting the groups");
	if (!err) {
		v.rep = t.rep;
		v.where = a.where;
		v.max_groups = a.max_groups;
		report_totals(t.rep, &v.t);
		if (a.top && v.n_rows > a.top)
			v.n_rows = a.top;
		if (a.json)
			print_json(&v);
		else if (a.csv)
			print_csv(&v);
		else
			print_table(&v);
		summary(&t, &v, now_s() - start);
		if (fflush(stdout))
			err = cli_runtime_error(-errno, "report: writing the report");
	}
	report_free(t.rep);
	log_parser_free(&t.parser);
	policy_set_free(holder);
	return err;
}
