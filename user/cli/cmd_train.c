// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * gatehawk train: fit a profile policy's model on history. The engine runs
 * the policy over the logs with a sample sink, so training sees exactly the
 * vectors (or records) scoring will see; the model file is written where
 * the policy names it, with the policy's settings as its signature.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/addr_set.h"
#include "base/clock.h"
#include "base/labels.h"
#include "base/vec.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/log_opts.h"
#include "engine/endpoint_model.h"
#include "engine/engine.h"
#include "engine/eval.h"
#include "engine/model.h"

#define TICK_NS 1000000000ULL
#define DEFAULT_QUANTILE 0.999

struct train {
	const struct policy *p;
	struct engine *engine;
	uint64_t latest, next_tick, first_ts, records;
	/* kde, pca: every vector (cap in vectors), and the source each came from */
	double *x;
	size_t n, cap;
	struct gh_addr *src;
	size_t src_cap;
	struct addr_set sources;
	/* endpoint */
	struct endpoint_model *em;
	bool scoring;          /* second pass: held-out records */
	double *held;          /* their scores */
	size_t nheld, held_cap;
	/* --test-log: each vector's (or record's) score and source */
	struct model *model;   /* kde, pca: set once fitted */
	bool testing;
	double *test_score;
	struct gh_addr *test_src;
	size_t ntest, test_cap, test_src_cap;
	int err;               /* -ENOMEM seen in a callback */
};

static void on_verdict(const struct verdict *v, void *ctx)
{
	(void)v;
	(void)ctx;
}

static void collect_vector(struct train *t, const struct profile_sample *s)
{
	if (gh_vec_reserve((void **)&t->x, &t->cap, t->n, s->d * sizeof(double), 1024) ||
	    gh_vec_reserve((void **)&t->src, &t->src_cap, t->n, sizeof(*t->src), 1024)) {
		t->err = -ENOMEM;
		return;
	}
	memcpy(t->x + t->n * s->d, s->x, s->d * sizeof(double));
	t->src[t->n] = s->src ? *s->src : (struct gh_addr){ 0 };
	if (s->src && addr_set_add(&t->sources, s->src) < 0)
		t->err = -ENOMEM;
	t->n++;
}

static void collect_record(struct train *t, const struct profile_sample *s)
{
	bool held_out = endpoint_model_held_out(t->records);

	if (s->src && addr_set_add(&t->sources, s->src) < 0)
		t->err = -ENOMEM;
	if (!t->scoring && !held_out && endpoint_model_learn(t->em, s->record))
		t->err = -ENOMEM;
	if (t->scoring && held_out) {
		if (gh_vec_reserve((void **)&t->held, &t->held_cap, t->nheld, sizeof(double), 1024)) {
			t->err = -ENOMEM;
			return;
		}
		t->held[t->nheld++] = endpoint_model_score(t->em, s->record, NULL, 0, NULL);
	}
}

/* --test-log: score it as the engine would, keep it with its source. */
static void collect_test(struct train *t, const struct profile_sample *s)
{
	double score = s->record ? endpoint_model_score(t->em, s->record, NULL, 0, NULL)
				 : model_score(t->model, s->x);

	if (gh_vec_reserve((void **)&t->test_score, &t->test_cap, t->ntest, sizeof(double), 1024) ||
	    gh_vec_reserve((void **)&t->test_src, &t->test_src_cap, t->ntest,
			   sizeof(*t->test_src), 1024)) {
		t->err = -ENOMEM;
		return;
	}
	t->test_score[t->ntest] = score;
	t->test_src[t->ntest++] = s->src ? *s->src : (struct gh_addr){ 0 };
}

static void on_sample(const struct profile_sample *s, void *ctx)
{
	struct train *t = ctx;

	if (t->testing) {
		collect_test(t, s);
	} else if (s->record) {
		collect_record(t, s);
		t->records++;
	} else {
		collect_vector(t, s);
	}
}

static void feed(const struct request_record *r, void *ctx)
{
	struct train *t = ctx;

	if (!t->first_ts || r->ts_ns < t->first_ts)
		t->first_ts = r->ts_ns;
	if (r->ts_ns > t->latest)
		t->latest = r->ts_ns;
	engine_feed(t->engine, r);
	if (t->latest >= t->next_tick) {
		engine_tick(t->engine, t->latest);
		t->next_tick = t->latest + TICK_NS;
	}
}

/* One pass of the policy over the logs into the sink. */
static int pass(struct train *t, const struct policy_set *ps, struct cli_log_run *run,
		char **files, int n)
{
	struct engine_opts eo;
	int err;

	engine_opts_default(&eo);
	eo.hash_seed = 1; /* the same vectors every run: training is deterministic */
	t->engine = engine_new(ps, &eo, on_verdict, t);
	if (!t->engine)
		return cli_runtime_error(-ENOMEM, "train: engine");
	engine_set_profile_sink(t->engine, on_sample, t);
	t->latest = t->next_tick = t->records = 0;
	err = cli_log_read(run, files, n);
	/* Windows left them out: the vectors are not what a time-ordered history gives.
	 * Said once, on the first pass over the history. */
	if (!t->scoring && !t->testing)
		cli_log_note_late("train", engine_late(t->engine));
	engine_tick(t->engine, t->latest);
	engine_flush(t->engine);
	engine_free(t->engine);
	t->engine = NULL;
	if (!err && t->err)
		err = cli_runtime_error(t->err, "train: collecting");
	return err;
}

/* qsort_r: indexes into src, by address. */
static int cmp_by_src(const void *a, const void *b, void *src)
{
	const struct gh_addr *x = (const struct gh_addr *)src + *(const size_t *)a;
	const struct gh_addr *y = (const struct gh_addr *)src + *(const size_t *)b;

	if (x->family != y->family)
		return x->family - y->family;
	return memcmp(x->bytes, y->bytes, gh_addr_len(x));
}

/*
 * Per labelled source among n scores (vs[i] from src[i]), its highest (a
 * source is flagged once any of its windows is) into score[] and pos[];
 * returns how many sources, and counts the attack ones in *attacks.
 */
static size_t source_maxima(const struct gh_addr *src, size_t n, const double *vs,
			    const struct labels *lab, double *score, bool *pos, size_t *attacks)
{
	size_t *idx = malloc((n + 1) * sizeof(*idx)), k = 0;

	*attacks = 0;
	if (!idx)
		return 0;
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	qsort_r(idx, n, sizeof(*idx), cmp_by_src, (void *)src);
	for (size_t i = 0; i < n;) {
		enum label l = labels_of(lab, &src[idx[i]]);
		double best = vs[idx[i]];
		size_t j = i + 1;

		for (; j < n && !cmp_by_src(&idx[i], &idx[j], (void *)src); j++)
			best = fmax(best, vs[idx[j]]);
		if (l != LABEL_NONE) {
			score[k] = best;
			*attacks += l == LABEL_ATTACK;
			pos[k++] = l == LABEL_ATTACK;
		}
		i = j;
	}
	free(idx);
	return k;
}

/* The threshold: best MCC over labelled sources, else a quantile of the training scores. */
static int pick_threshold(const struct train *t, struct model *m, const struct labels *lab,
			  double quantile, struct json_object *summary)
{
	double *vs = malloc((t->n + 1) * sizeof(double)), *score = malloc((t->n + 1) * sizeof(double));
	bool *pos = malloc((t->n + 1) * sizeof(bool));
	double thr, mcc;
	char method[64];
	int err = 0;
	size_t k, attacks;

	if (!vs || !score || !pos) {
		err = cli_runtime_error(-ENOMEM, "train: scoring");
		goto out;
	}
	for (size_t i = 0; i < t->n; i++)
		vs[i] = model_score(m, t->x + i * model_dims(m));
	if (!lab) {
		thr = eval_quantile(vs, t->n, quantile);
		snprintf(method, sizeof(method), "quantile %g", quantile);
		json_object_object_add(summary, "quantile", json_object_new_double(quantile));
	} else if (!(k = source_maxima(t->src, t->n, vs, lab, score, pos, &attacks)) ||
		   eval_best_mcc(score, pos, k, &thr, &mcc)) {
		err = cli_input_error("train: --labels: the history needs windows of both benign "
				      "and attack sources (with at least min_requests requests) to "
				      "pick a threshold");
		goto out;
	} else {
		struct eval_confusion c;

		eval_confusion_at(score, pos, k, thr, &c);
		snprintf(method, sizeof(method), "mcc %.3f", mcc);
		json_object_object_add(summary, "mcc", json_object_new_double(mcc));
		json_object_object_add(summary, "auc", json_object_new_double(eval_auc(score, pos, k)));
		json_object_object_add(summary, "tp", json_object_new_uint64(c.tp));
		json_object_object_add(summary, "fp", json_object_new_uint64(c.fp));
		json_object_object_add(summary, "tn", json_object_new_uint64(c.tn));
		json_object_object_add(summary, "fn", json_object_new_uint64(c.fn));
	}
	model_set_threshold(m, thr, method);
out:
	free(vs);
	free(score);
	free(pos);
	return err;
}

/* kde, pca: the model on every vector not from a source labelled attack. */
static int fit_vectors(const struct train *t, const struct labels *lab, struct model **out)
{
	const struct policy_profile *pr = &t->p->profile;
	const char *names[PROFILE_MAX_FEATURES];
	bool log1p[PROFILE_MAX_FEATURES];
	struct model_fit_opts o = { .type = pr->type == PROFILE_PCA ? MODEL_PCA : MODEL_KDE,
				    .d = pr->n_features, .names = names, .log1p = log1p };
	double *x = malloc((t->n * o.d + 1) * sizeof(double));
	struct gh_err err = { 0 };
	size_t n = 0;
	int rc;

	if (!x)
		return cli_runtime_error(-ENOMEM, "train: fitting");
	for (size_t i = 0; i < o.d; i++) {
		names[i] = profile_feature_name(pr->features[i]);
		log1p[i] = profile_feature_log1p(pr->features[i]);
	}
	for (size_t i = 0; i < t->n; i++)
		if (!lab || labels_of(lab, &t->src[i]) != LABEL_ATTACK)
			memcpy(x + n++ * o.d, t->x + i * o.d, o.d * sizeof(double));
	rc = model_fit(&o, x, n, out, &err);
	free(x);
	return rc ? cli_report(&err, rc) : 0;
}

/*
 * endpoint: learn nine records in ten (endpoint_model_held_out), then a
 * second pass scores the tenth; the threshold is their quantile.
 */
static int train_endpoint(struct train *t, const struct policy_set *ps, struct cli_log_run *run,
			  char **files, int n, double quantile, struct json_object *summary)
{
	struct gh_err err = { 0 };
	int rc;

	for (int i = 0; i < n; i++)
		if (!strcmp(files[i], "-"))
			return cli_input_error("train: an endpoint model reads the logs twice: give "
					       "files, not '-'");
	if ((rc = endpoint_model_new(&t->em)))
		return cli_runtime_error(rc, "train: endpoint model");
	if ((rc = pass(t, ps, run, files, n)))
		return rc;
	if ((rc = endpoint_model_finish(t->em, &err)))
		return cli_report(&err, rc);
	t->scoring = true;
	if ((rc = pass(t, ps, run, files, n)))
		return rc;
	if (!t->nheld)
		return cli_input_error("train: no held-out requests to set a threshold with");
	if ((rc = endpoint_model_fit_threshold(t->em, t->held, t->nheld, quantile, &err)))
		return cli_report(&err, rc);
	json_object_object_add(summary, "quantile", json_object_new_double(quantile));
	json_object_object_add(summary, "held_out", json_object_new_uint64(t->nheld));
	return 0;
}

/* Labels by the policy's groups: scores are per group, and a /64 of IPv6 sources is one. */
static int load_group_labels(const char *path, const struct policy *p, struct labels *out)
{
	struct labels given;
	struct gh_err gerr = { 0 };
	int err = labels_load(path, &given, &gerr);

	if (err)
		return cli_report(&gerr, err);
	err = labels_mask(&given, p->prefix_v4, p->prefix_v6, out);
	labels_free(&given);
	return err ? cli_runtime_error(err, "train: labels %s", path) : 0;
}

/*
 * --test-log: the trained model over a labelled log, as the engine runs it;
 * each labelled source's highest score. A labelled source that never got a
 * score (never min_requests in a window) counts as not flagged.
 */
static int evaluate(struct train *t, const struct policy_set *ps, const struct cli_log_run *run,
		    char *file, const char *labels_path, struct json_object *summary)
{
	double thr = t->model ? model_threshold(t->model) : endpoint_model_threshold(t->em);
	struct json_object *o;
	struct eval_confusion c;
	struct labels lab = { 0 };
	double *score = NULL;
	size_t k, attacks, total;
	bool *pos = NULL;
	int err;

	struct cli_log_run trun = { .cmd = run->cmd, .parser = run->parser,
				    .on_record = run->on_record, .ctx = run->ctx };

	if ((err = load_group_labels(labels_path, t->p, &lab)))
		return err;
	t->testing = true;
	if ((err = pass(t, ps, &trun, &file, 1)))
		goto out;
	total = t->ntest + lab.attack.count + lab.benign.count + 1;
	score = malloc(total * sizeof(*score));
	pos = malloc(total * sizeof(*pos));
	if (!score || !pos) {
		err = cli_runtime_error(-ENOMEM, "train: --test-log");
		goto out;
	}
	k = source_maxima(t->test_src, t->ntest, t->test_score, &lab, score, pos, &attacks);
	for (size_t i = attacks; i < lab.attack.count; i++, k++)
		score[k] = -DBL_MAX, pos[k] = true;
	for (size_t i = k - lab.attack.count; i < lab.benign.count; i++, k++)
		score[k] = -DBL_MAX, pos[k] = false;
	/* Endpoint models fire at the threshold itself (endpoint_model.h): cut just below. */
	eval_confusion_at(score, pos, k, t->model ? thr : nextafter(thr, -INFINITY), &c);
	o = json_object_new_object();
	json_object_object_add(o, "log", json_object_new_string(file));
	json_object_object_add(o, "sources", json_object_new_uint64(k));
	json_object_object_add(o, "auc", json_object_new_double(eval_auc(score, pos, k)));
	json_object_object_add(o, "mcc", json_object_new_double(eval_mcc(&c)));
	json_object_object_add(o, "tpr", json_object_new_double(c.tp + c.fn ? (double)c.tp /
								  (double)(c.tp + c.fn) : 0));
	json_object_object_add(o, "fpr", json_object_new_double(c.fp + c.tn ? (double)c.fp /
								  (double)(c.fp + c.tn) : 0));
	json_object_object_add(o, "tp", json_object_new_uint64(c.tp));
	json_object_object_add(o, "fp", json_object_new_uint64(c.fp));
	json_object_object_add(o, "tn", json_object_new_uint64(c.tn));
	json_object_object_add(o, "fn", json_object_new_uint64(c.fn));
	json_object_object_add(summary, "test", o);
out:
	free(score);
	free(pos);
	labels_free(&lab);
	return err;
}

static struct json_object *ts_json(uint64_t ns)
{
	char buf[40];

	gh_format_rfc3339(ns, buf, sizeof(buf));
	return json_object_new_string(buf);
}

static uint64_t learned_requests(const struct endpoint_model *em)
{
	struct endpoint_model_stats st;

	endpoint_model_stats(em, &st);
	return st.requests;
}

static void print_result(const struct train *t, const char *out, const struct model *m,
			 struct json_object *summary, bool json)
{
	const struct policy *p = t->p;
	struct json_object *thr = json_object_object_get(summary, "threshold"), *test;

	if (json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "policy", json_object_new_string(p->name));
		json_object_object_add(o, "model_file", json_object_new_string(out));
		json_object_object_add(o, "training", json_object_get(summary));
		cli_print_json(o);
		return;
	}
	printf("train: %s (%s", p->name, profile_type_name(p->profile.type));
	if (m)
		printf(", %zu features, %llu s windows): %zu vectors", model_dims(m),
		       (unsigned long long)p->window.length_s, t->n);
	else
		printf("): %llu requests learned", (unsigned long long)learned_requests(t->em));
	printf(" from %zu sources\n", t->sources.count);
	for (size_t i = 0; m && i < model_dims(m); i++)
		if (model_feature_constant(m, i))
			printf("  constant in this history, left out: %s\n", model_feature_name(m, i));
	printf("  threshold %.4g (%s)\n", json_object_get_double(thr),
	       json_object_get_string(json_object_object_get(summary, "threshold_method")));
	if (json_object_object_get(summary, "mcc"))
		printf("  on the labelled sources: MCC %.3f, AUC %.3f, %s TP, %s FP, %s TN, %s FN\n",
		       json_object_get_double(json_object_object_get(summary, "mcc")),
		       json_object_get_double(json_object_object_get(summary, "auc")),
		       json_object_to_json_string(json_object_object_get(summary, "tp")),
		       json_object_to_json_string(json_object_object_get(summary, "fp")),
		       json_object_to_json_string(json_object_object_get(summary, "tn")),
		       json_object_to_json_string(json_object_object_get(summary, "fn")));
	if ((test = json_object_object_get(summary, "test")))
		printf("  on %s: %s sources, AUC %.3f, MCC %.3f, TPR %.3f (%s of %llu attack), "
		       "FPR %.4f (%s of %llu benign)\n",
		       json_object_get_string(json_object_object_get(test, "log")),
		       json_object_to_json_string(json_object_object_get(test, "sources")),
		       json_object_get_double(json_object_object_get(test, "auc")),
		       json_object_get_double(json_object_object_get(test, "mcc")),
		       json_object_get_double(json_object_object_get(test, "tpr")),
		       json_object_to_json_string(json_object_object_get(test, "tp")),
		       (unsigned long long)(json_object_get_uint64(json_object_object_get(test, "tp")) +
					    json_object_get_uint64(json_object_object_get(test, "fn"))),
		       json_object_get_double(json_object_object_get(test, "fpr")),
		       json_object_to_json_string(json_object_object_get(test, "fp")),
		       (unsigned long long)(json_object_get_uint64(json_object_object_get(test, "fp")) +
					    json_object_get_uint64(json_object_object_get(test, "tn"))));
	printf("  wrote %s\n", out);
}

/* The directory path is in, one level (0755); nothing when it exists. */
static int mkdir_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char dir[4096];

	if (!slash || slash == path || (size_t)(slash - path) >= sizeof(dir))
		return 0;
	memcpy(dir, path, (size_t)(slash - path));
	dir[slash - path] = '\0';
	return mkdir(dir, 0755) && errno != EEXIST ? -1 : 0;
}

static int save(const struct train *t, struct model *m, const char *out,
		struct json_object *summary)
{
	struct gh_err err = { 0 };
	struct json_object *meta;
	int rc;

	/* The policy's models/ directory does not exist before the first training. */
	if (mkdir_parent(out))
		return cli_runtime_error(-errno, "train: creating the directory of %s", out);
	meta = json_object_new_object();
	json_object_object_add(meta, "profile", policy_profile_signature(t->p));
	json_object_object_add(meta, "training", json_object_get(summary));
	rc = m ? model_save(m, meta, out, &err) : endpoint_model_save(t->em, meta, out, &err);
	json_object_put(meta);
	return rc ? cli_report(&err, rc) : 0;
}

static int set_quantile(const char *opt, const char *arg, void *dst)
{
	char *end;
	double q = strtod(arg, &end);

	if (*end || !(q > 0 && q < 1))
		return cli_input_error("--%s: expected a number between 0 and 1 such as 0.999, "
				       "got \"%s\"", opt, arg);
	*(double *)dst = q;
	return 0;
}

int cmd_train(int argc, char **argv)
{
	const char *policy = NULL, *labels_path = NULL, *out = NULL, *test_log = NULL,
		   *test_labels = NULL;
	double quantile = DEFAULT_QUANTILE;
	struct cli_log_opts lo = { 0 };
	struct policy_load_opts load = { .untrained = true };
	bool json = false;
	const struct cli_opt opts[] = {
		{ "policy", "FILE", cli_set_string, &policy, "the profile policy to train" },
		CLI_IPV6_PREFIX_OPT(load),
		{ "labels", "FILE", cli_set_string, &labels_path,
		  "ADDRESS benign|attack lines: fit on the rest, threshold at the best MCC" },
		{ "quantile", "Q", set_quantile, &quantile,
		  "without labels: threshold at this quantile of training scores (default 0.999)" },
		{ "out", "MODEL", cli_set_string, &out,
		  "write the model here (default: the file the policy names)" },
		{ "test-log", "FILE", cli_set_string, &test_log,
		  "then score this labelled log: per-source AUC, MCC, TPR, FPR" },
		{ "test-labels", "FILE", cli_set_string, &test_labels,
		  "the labels of --test-log (ADDRESS benign|attack lines)" },
		CLI_LOG_OPTS(lo),
		CLI_JSON_OPT(json, "the training summary as one JSON object"),
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk train",
		"--policy FILE [--labels FILE] [--quantile Q] [--out MODEL] [--ipv6-prefix N]\n"
		"                      [--format FMT | --log-format SPEC] [--json] LOG...",
		"Fit a profile policy's model on history: the policy runs over the logs as in\n"
		"replay and every vector it would score (kde, pca: a group's behaviour features\n"
		"per window; endpoint: each request) trains the model. The threshold is the\n"
		"quantile of the training scores, or with --labels the one that best separates\n"
		"the labelled sources (Matthews correlation), the attack sources left out of the\n"
		"fit. The model file (JSON, versioned) is written where the policy's\n"
		"model.file says, relative to the policy; the policy runs from the next load.\n"
		"Training is deterministic: the same logs give the same file. --test-log scores\n"
		"a labelled log with the new model (each source's highest score) and prints\n"
		"per-source AUC, MCC, true and false positive rates at the threshold. Give the\n"
		"--ipv6-prefix the daemon runs with: a model is refused under other settings.\n"
		"Give the logs oldest first: a record more than 10 s older than one before it\n"
		"is left out of windows (a note counts them; replay sorts such logs itself).",
		"  gatehawk train --policy /etc/gatehawk/policies/source-behaviour.json \\\n"
		"      /var/log/nginx/access.log.1 /var/log/nginx/access.log\n"
		"  gatehawk train --policy policies/source-behaviour.json --labels labels.txt "
		"history.log\n"
		"  gatehawk train --policy policies/endpoint-shape.json --quantile 0.9999 "
		"--out /tmp/m.model access.log\n"
		"  gatehawk train --policy policies/source-behaviour.json --test-log incident.log \\\n"
		"      --test-labels incident.labels week.log\n"
	};
	struct train t = { 0 };
	struct labels lab = { 0 };
	struct policy_set *ps = NULL;
	struct log_parser parser;
	struct cli_log_run run = { .cmd = "train", .parser = &parser, .on_record = feed, .ctx = &t };
	struct json_object *summary = NULL;
	struct model *m = NULL;
	char *files[CLI_MAX_POSITIONAL];
	int n, err;

	n = cli_parse(argc, argv, &usage, opts, files, CLI_MAX_POSITIONAL);
	if (n < 0)
		return n;
	if (!policy)
		return cli_input_error("train: --policy FILE is required; see --help");
	if (!n)
		return cli_input_error("train: at least one log FILE (or '-') is required");
	if ((err = cli_log_check_inputs("train", files, n)) || (err = cli_log_parser(&lo, &parser)))
		return err;
	err = policy_set_load_file(policy, &load,
				   &(struct policy_report){ policy_report_lines, stderr }, &ps);
	if (err) {
		log_parser_free(&parser);
		return err == -EINVAL ? cli_input_error("train: %s: invalid", policy)
				      : cli_runtime_error(err, "train: loading %s", policy);
	}
	t.p = &ps->policies[0];
	if (t.p->kind != POLICY_PROFILE) {
		err = cli_input_error("train: %s: expected a policy of kind profile, got %s", policy,
				      policy_kind_name(t.p->kind));
		goto out;
	}
	if (!test_log != !test_labels) {
		err = cli_input_error("train: --test-log and --test-labels go together");
		goto out;
	}
	if (labels_path && t.p->profile.type == PROFILE_ENDPOINT) {
		err = cli_input_error("train: --labels applies to kde and pca models");
		goto out;
	}
	if (labels_path && (err = load_group_labels(labels_path, t.p, &lab)))
		goto out;
	summary = json_object_new_object();
	if (t.p->profile.type == PROFILE_ENDPOINT) {
		err = train_endpoint(&t, ps, &run, files, n, quantile, summary);
	} else if (!(err = pass(&t, ps, &run, files, n))) {
		if (t.sources.count < 2)
			err = cli_input_error("train: %s: the history holds %zu source(s) with at "
					      "least %u requests in a %llu s window; training "
					      "needs at least 2",
					      t.p->name, t.sources.count, t.p->profile.min_requests,
					      (unsigned long long)t.p->window.length_s);
		else if (!(err = fit_vectors(&t, labels_path ? &lab : NULL, &m)))
			err = pick_threshold(&t, m, labels_path ? &lab : NULL, quantile, summary);
		json_object_object_add(summary, "vectors", json_object_new_uint64(t.n));
	}
	t.model = m;
	if (!err && test_log)
		err = evaluate(&t, ps, &run, (char *)test_log, test_labels, summary);
	if (err)
		goto out;
	json_object_object_add(summary, "sources", json_object_new_uint64(t.sources.count));
	json_object_object_add(summary, "lines", json_object_new_uint64(run.lines.lines));
	json_object_object_add(summary, "malformed", json_object_new_uint64(run.malformed));
	json_object_object_add(summary, "first_ts", ts_json(t.first_ts));
	json_object_object_add(summary, "last_ts", ts_json(t.latest));
	json_object_object_add(summary, "threshold",
			       json_object_new_double(m ? model_threshold(m)
							: endpoint_model_threshold(t.em)));
	json_object_object_add(summary, "threshold_method",
			       json_object_new_string(m ? model_threshold_method(m)
							: endpoint_model_threshold_method(t.em)));
	if (!out)
		out = t.p->profile.model_file;
	if (!(err = save(&t, m, out, summary)))
		print_result(&t, out, m, summary, json);
out:
	json_object_put(summary);
	model_free(m);
	endpoint_model_free(t.em);
	free(t.x);
	free(t.src);
	free(t.held);
	free(t.test_score);
	free(t.test_src);
	addr_set_free(&t.sources);
	labels_free(&lab);
	policy_set_free(ps);
	log_parser_free(&parser);
	return err;
}
