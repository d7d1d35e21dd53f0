// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * outliers: sources of access logs whose behaviour fits no large group, with
 * no policy, label or model: every source's feature vector over the whole
 * input (engine/source_table), clustered (engine/cluster), and the lone
 * points and small far clusters listed with the features that set them apart.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "base/escape.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/log_opts.h"
#include "engine/cluster.h"
#include "engine/source_table.h"

#define DEFAULT_MIN_REQUESTS 10
#define DEFAULT_TOP 20
#define DEFAULT_MAX_SOURCES 1000000

struct outliers_run {
	enum profile_feature fs[FEAT_COUNT];
	bool log1p[FEAT_COUNT];
	size_t d;
	uint32_t min_requests, top;
	struct source_table table;
	struct source_matrix m;
	struct cluster_result res;
	struct cli_log_run run;
	int err; /* source_table_add's -ENOMEM */
	double read_s, cluster_s;
};

/* " requests rate ...": every feature name, for the help and error messages. */
#define FEATURE_WORD(id, name, log, help) " " #name
#define FEATURE_NAMES PROFILE_FEATURES(FEATURE_WORD)

/* --features a,b,c: names checked, each once; NULL: all of them. */
static int parse_features(struct outliers_run *run, const char *list)
{
	char copy[512], *save = NULL;
	int f;

	if (!list) {
		for (f = 0; f < FEAT_COUNT; f++)
			run->fs[run->d++] = f;
	} else {
		if (strlen(list) >= sizeof(copy))
			return cli_input_error("--features: list too long; valid names:" FEATURE_NAMES);
		strcpy(copy, list);
		for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			char esc[64];

			f = profile_feature_by_name(tok);
			gh_escape_text(tok, strlen(tok), esc, sizeof(esc));
			if (f < 0)
				return cli_input_error("--features: unknown feature '%s'; valid "
						       "names:" FEATURE_NAMES, esc);
			for (size_t i = 0; i < run->d; i++)
				if (run->fs[i] == (enum profile_feature)f)
					return cli_input_error("--features: '%s' given twice", esc);
			run->fs[run->d++] = f;
		}
		if (!run->d)
			return cli_input_error("--features: no name given; valid names:"
					       FEATURE_NAMES);
	}
	for (size_t i = 0; i < run->d; i++)
		run->log1p[i] = profile_feature_log1p(run->fs[i]);
	return 0;
}

static void add_record(const struct request_record *r, void *ctx)
{
	struct outliers_run *run = ctx;

	if (!run->err)
		run->err = source_table_add(&run->table, r);
}

/* Lines rejected for any reason (a cut too-long line is parsed, not rejected). */
static uint64_t rejected(const struct cli_log_run *r)
{
	return r->malformed + r->lines.binary;
}

static double now_s(void)
{
	return (double)gh_clock_ns(CLOCK_MONOTONIC) / 1e9;
}

/* Whole numbers and large values without decimals, others to 3 significant digits. */
static void format_value(double v, char *buf, size_t len)
{
	if (fabs(v) >= 100 || v == floor(v))
		snprintf(buf, len, "%.0f", v);
	else
		snprintf(buf, len, "%.3g", v);
}

static const char *skip_text(enum cluster_skip s)
{
	return s == CLUSTER_TOO_FEW ? "fewer than 3 sources" : "all sources behave alike";
}

static struct json_object *outlier_json(const struct outliers_run *run,
					const struct cluster_outlier *o)
{
	const struct source_entry *src = run->m.rows[o->row];
	struct json_object *j = json_object_new_object(), *apart = json_object_new_array();
	char addr[GH_CIDR_STRLEN];

	gh_cidr_format(&src->key, addr, sizeof(addr));
	json_object_object_add(j, "source", json_object_new_string(addr));
	json_object_object_add(j, "requests", json_object_new_uint64(src->acc.n));
	json_object_object_add(j, "distance", gh_json_number(o->distance));
	json_object_object_add(j, "score", gh_json_number(o->score));
	json_object_object_add(j, "kind", json_object_new_string(o->grouped ? "cluster" : "lone"));
	json_object_object_add(j, "cluster", json_object_new_uint64(o->cluster));
	json_object_object_add(j, "cluster_size",
			       json_object_new_uint64(run->res.clusters[o->cluster].size));
	json_object_object_add(j, "nearest_big_cluster", json_object_new_uint64(o->nearest));
	for (uint32_t a = 0; a < o->n_apart; a++) {
		struct json_object *f = json_object_new_object();
		uint32_t col = o->apart[a];

		json_object_object_add(f, "feature",
				       json_object_new_string(profile_feature_name(run->fs[col])));
		json_object_object_add(f, "value", gh_json_number(run->m.x[o->row * run->d + col]));
		json_object_object_add(f, "typical_lo", gh_json_number(run->res.typical_lo[col]));
		json_object_object_add(f, "typical_hi", gh_json_number(run->res.typical_hi[col]));
		json_object_array_add(apart, f);
	}
	json_object_object_add(j, "apart", apart);
	return j;
}

static struct json_object *clusters_json(const struct cluster_result *res)
{
	struct json_object *arr = json_object_new_array();

	for (uint32_t c = 0; c < res->k; c++) {
		const struct cluster_info *ci = &res->clusters[c];
		struct json_object *j = json_object_new_object();

		json_object_object_add(j, "cluster", json_object_new_uint64(c));
		json_object_object_add(j, "size", json_object_new_uint64(ci->size));
		json_object_object_add(j, "big", json_object_new_boolean(ci->big));
		if (ci->big) {
			json_object_object_add(j, "median_distance", gh_json_number(ci->median));
			json_object_object_add(j, "spread", gh_json_number(ci->spread));
		} else {
			json_object_object_add(j, "far", json_object_new_boolean(ci->far));
			json_object_object_add(j, "distance", gh_json_number(ci->distance));
		}
		json_object_array_add(arr, j);
	}
	return arr;
}

static void print_json(const struct outliers_run *run)
{
	const struct cluster_result *res = &run->res;
	struct json_object *o = json_object_new_object(), *feats = json_object_new_array();
	struct json_object *sil = json_object_new_array(), *outs = json_object_new_array();
	struct json_object *in = json_object_new_object();

	json_object_object_add(o, "sources", json_object_new_uint64(run->m.n));
	json_object_object_add(o, "sources_seen", json_object_new_uint64(run->table.count));
	json_object_object_add(o, "min_requests", json_object_new_uint64(run->min_requests));
	for (size_t i = 0; i < run->d; i++)
		json_object_array_add(feats, json_object_new_string(profile_feature_name(run->fs[i])));
	json_object_object_add(o, "features", feats);
	json_object_object_add(o, "skipped", res->k ? NULL
						    : json_object_new_string(skip_text(res->skip)));
	json_object_object_add(o, "k", json_object_new_uint64(res->k));
	json_object_object_add(o, "silhouette", gh_json_number(res->silhouette));
	for (unsigned int k = 2; k <= res->k_tried; k++) {
		struct json_object *s = json_object_new_object();

		json_object_object_add(s, "k", json_object_new_uint64(k));
		json_object_object_add(s, "silhouette", gh_json_number(res->silhouette_k[k]));
		json_object_array_add(sil, s);
	}
	json_object_object_add(o, "silhouette_by_k", sil);
	json_object_object_add(o, "sample", json_object_new_uint64(res->sample));
	json_object_object_add(o, "clusters", clusters_json(res));
	json_object_object_add(o, "outliers_total", json_object_new_uint64(res->n_outliers));
	for (size_t i = 0; i < res->n_outliers && (!run->top || i < run->top); i++)
		json_object_array_add(outs, outlier_json(run, &res->outliers[i]));
	json_object_object_add(o, "outliers", outs);
	json_object_object_add(in, "lines", json_object_new_uint64(run->run.lines.lines));
	json_object_object_add(in, "rejected",
			       json_object_new_uint64(rejected(&run->run)));
	json_object_object_add(in, "no_source", json_object_new_uint64(run->table.no_source));
	json_object_object_add(in, "over_max_sources",
			       json_object_new_uint64(run->table.over_limit));
	json_object_object_add(o, "input", in);
	cli_print_json(o);
}

static void print_clusters(const struct cluster_result *res)
{
	printf("k = %u by mean silhouette %.3f over %zu sources (", res->k, res->silhouette,
	       res->sample);
	for (unsigned int k = 2; k <= res->k_tried; k++)
		printf("%sk=%u %.3f", k > 2 ? ", " : "", k, res->silhouette_k[k]);
	printf(")\nclusters:");
	for (uint32_t c = 0; c < res->k; c++) {
		const struct cluster_info *ci = &res->clusters[c];

		printf("%s #%u %zu source%s", c ? "," : "", c, ci->size, ci->size == 1 ? "" : "s");
		if (!ci->big)
			printf(" (small, %s: %.2f from the nearest big one)",
			       ci->far ? "far" : "near", ci->distance);
	}
	printf("\n");
}

static void print_outlier(const struct outliers_run *run, size_t rank, int width,
			  const struct cluster_outlier *o)
{
	const struct source_entry *src = run->m.rows[o->row];
	char addr[GH_CIDR_STRLEN], v[32], lo[32], hi[32];

	gh_cidr_format(&src->key, addr, sizeof(addr));
	printf("%-4zu %-*s %9u %9.2f %8.1f  ", rank, width, addr, src->acc.n, o->distance,
	       o->score);
	if (o->grouped)
		printf("in small far cluster #%u of %zu\n", o->cluster,
		       run->res.clusters[o->cluster].size);
	else
		printf("lone point, nearest cluster #%u\n", o->nearest);
	printf("     ");
	for (uint32_t a = 0; a < o->n_apart; a++) {
		uint32_t col = o->apart[a];

		format_value(run->m.x[o->row * run->d + col], v, sizeof(v));
		format_value(run->res.typical_lo[col], lo, sizeof(lo));
		format_value(run->res.typical_hi[col], hi, sizeof(hi));
		printf("%s%s=%s (typical %s..%s)", a ? ", " : "", profile_feature_name(run->fs[col]),
		       v, lo, hi);
	}
	printf("\n");
}

static void print_text(const struct outliers_run *run)
{
	const struct cluster_result *res = &run->res;
	size_t shown = res->n_outliers;
	int width = 6;

	if (!res->k) {
		printf("nothing to cluster: %zu sources with >= %u requests (%s)\n", run->m.n,
		       run->min_requests, skip_text(res->skip));
		return;
	}
	printf("%zu sources with >= %u requests, %zu features\n", run->m.n, run->min_requests,
	       run->d);
	print_clusters(res);
	if (run->top && shown > run->top)
		shown = run->top;
	printf("%zu outliers", res->n_outliers);
	if (shown < res->n_outliers)
		printf(", the %zu farthest shown (--top)", shown);
	printf("%s\n", res->n_outliers ? ":" : "");
	if (!shown)
		return;
	for (size_t i = 0; i < shown; i++) {
		char addr[GH_CIDR_STRLEN];

		gh_cidr_format(&run->m.rows[res->outliers[i].row]->key, addr, sizeof(addr));
		if ((int)strlen(addr) > width)
			width = (int)strlen(addr);
	}
	printf("%-4s %-*s %9s %9s %8s  %s\n", "#", width, "SOURCE", "REQUESTS", "DISTANCE",
	       "SCORE", "KIND");
	for (size_t i = 0; i < shown; i++)
		print_outlier(run, i + 1, width, &res->outliers[i]);
}

static void summary(const struct outliers_run *run)
{
	fprintf(stderr,
		"outliers: %llu lines read, %llu rejected, %zu sources (%zu with >= %u requests), "
		"%llu records beyond --max-sources, read %.3f s, clustered %.3f s\n",
		(unsigned long long)run->run.lines.lines,
		(unsigned long long)rejected(&run->run), run->table.count, run->m.n,
		run->min_requests, (unsigned long long)run->table.over_limit, run->read_s,
		run->cluster_s);
}

/* Read, cluster, print: everything after the options. */
static int outliers_go(struct outliers_run *run, char **files, int n, struct log_parser *parser,
		       const struct cluster_opts *co, bool json)
{
	struct gh_err e = { 0 };
	double start = now_s();
	int err = 0;

	run->run = (struct cli_log_run){ .cmd = "outliers", .parser = parser,
					 .on_record = add_record, .ctx = run };
	err = cli_log_read(&run->run, files, n);
	if (err)
		return err;
	if (run->err)
		return cli_runtime_error(run->err, "outliers: %zu sources", run->table.count);
	err = source_table_matrix(&run->table, run->min_requests, run->fs, run->d, &run->m);
	if (err)
		return cli_runtime_error(err, "outliers: %zu sources", run->table.count);
	run->read_s = now_s() - start;
	start = now_s();
	err = cluster_run(run->m.x, run->m.n, run->d, run->log1p, co, &run->res, &e);
	if (err)
		return cli_report(&e, err);
	run->cluster_s = now_s() - start;
	if (json)
		print_json(run);
	else
		print_text(run);
	summary(run);
	return 0;
}

int cmd_outliers(int argc, char **argv)
{
	const char *features = NULL;
	uint32_t min_requests = DEFAULT_MIN_REQUESTS, top = DEFAULT_TOP, k_max, prefix_v4 = 32,
		 prefix_v6 = 128, max_sources = DEFAULT_MAX_SOURCES;
	struct cli_log_opts lo = { 0 };
	struct cluster_opts co;
	bool json = false;
	const struct cli_opt opts[] = {
		CLI_JSON_OPT(json, "one JSON object: k, clusters, outliers with what sets them "
				   "apart, input counts"),
		{ "features", "LIST", cli_set_string, &features,
		  "comma-separated features to cluster on (default: all):" FEATURE_NAMES },
		{ "min-requests", "N", cli_set_u32, &min_requests,
		  "leave out sources with fewer requests (default 10)" },
		{ "top", "N", cli_set_u32, &top, "list at most N outliers, farthest first "
						 "(default 20; 0: all)" },
		{ "k-max", "K", cli_set_u32, &k_max, "try 2..K clusters (default 8, at most 16)" },
		{ "prefix-v4", "N", cli_set_u32, &prefix_v4,
		  "group IPv4 sources by /N (default 32: each address)" },
		{ "prefix-v6", "N", cli_set_u32, &prefix_v6,
		  "group IPv6 sources by /N (default 128: each address; 64 is common)" },
		{ "max-sources", "N", cli_set_u32, &max_sources,
		  "keep at most N sources; later ones are counted, not kept (default 1000000)" },
		CLI_LOG_OPTS(lo),
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk outliers",
		"[--features LIST] [--min-requests N] [--top N] [--k-max K]\n"
		"                         [--prefix-v4 N] [--prefix-v6 N] [--max-sources N] [--json]\n"
		"                         [--format FMT | --log-format SPEC] [--trusted-proxy "
		"CIDR]... FILE...",
		"Find the sources of access logs that behave like no large group, with no\n"
		"policy or model: each source's behaviour features over all the FILEs (rate,\n"
		"distinct paths, 4xx and 404 shares, page share, gaps, ...; log1p on the\n"
		"heavy-tailed ones, then standardised) are clustered by k-means, k from 2 to\n"
		"--k-max chosen by the mean silhouette (on a sample of at most 2000 sources).\n"
		"Listed: lone points (score above 4: the distance to the nearest big cluster's\n"
		"centroid, less that cluster's median distance, in units of its spread) and\n"
		"every source of a small cluster (under 5% of the sources) lying that far, with\n"
		"the three features that deviate most from that centroid and their typical\n"
		"range (5th..95th percentile over all sources). Same input, same output.",
		"  gatehawk outliers access.log.1 access.log\n"
		"  gatehawk outliers --min-requests 50 --top 50 --prefix-v6 64 access.log\n"
		"  gatehawk outliers --features rate,share_404,page_share,distinct_paths access.log\n"
		"  gatehawk outliers --json access.log | jq -r '.outliers[].source'\n"
	};
	struct outliers_run run = { 0 };
	struct log_parser parser;
	char *files[CLI_MAX_POSITIONAL];
	int n, err;

	cluster_opts_default(&co);
	k_max = co.k_max;
	n = cli_parse(argc, argv, &usage, opts, files, CLI_MAX_POSITIONAL);
	if (n < 0)
		return n;
	if (!n)
		return cli_input_error("outliers: at least one log FILE (or '-') is required; "
				       "see --help");
	if (k_max < 2 || k_max > CLUSTER_K_LIMIT)
		return cli_input_error("--k-max: expected 2 to %d, got %u", CLUSTER_K_LIMIT, k_max);
	if (prefix_v4 > 32 || prefix_v6 > 128)
		return cli_input_error("--prefix-v%d: expected 0 to %d, got %u",
				       prefix_v4 > 32 ? 4 : 6, prefix_v4 > 32 ? 32 : 128,
				       prefix_v4 > 32 ? prefix_v4 : prefix_v6);
	if (!min_requests || !max_sources || max_sources == UINT32_MAX)
		return cli_input_error("--%s: expected a number from 1 to %u",
				       min_requests ? "max-sources" : "min-requests",
				       UINT32_MAX - 1);
	co.k_max = k_max;
	run.min_requests = min_requests;
	run.top = top;
	err = parse_features(&run, features);
	if (!err)
		err = cli_log_check_inputs("outliers", files, n);
	if (!err)
		err = cli_log_parser(&lo, &parser);
	if (err)
		return err;
	source_table_init(&run.table, (uint8_t)prefix_v4, (uint8_t)prefix_v6, max_sources);
	err = outliers_go(&run, files, n, &parser, &co, json);
	cluster_result_free(&run.res);
	source_matrix_free(&run.m);
	source_table_free(&run.table);
	log_parser_free(&parser);
	return err;
}
