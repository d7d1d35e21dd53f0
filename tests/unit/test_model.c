// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Behaviour models (engine/model.h) on synthetic data from a fixed-seed
 * generator: a far point outscores every training vector and its top
 * contribution names the feature moved (kde and pca); constant features are
 * flagged and ignored; bad training input gets the documented errors; fits
 * are deterministic to the byte; save and load keep every score; corrupt
 * files are refused naming the field; the kde table agrees with the exact
 * density; pca on a line keeps one component and flags points off it and far
 * along it. Ends with a timing line (not asserted).
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"
#include "engine/eval.h"
#include "engine/model.h"

#define MAX_N 4096

static uint64_t rng_state;

static double uniform(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return ((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
}

static double gauss(void)
{
	return sqrt(-2 * log(1 - uniform())) * cos(2 * M_PI * uniform());
}

static double x[MAX_N * 12];

static const char *const names4[] = { "a", "b", "c", "spiky" };

/* 4-D: a ~ N(10, 2), b ~ N(-5, 0.5), c ~ N(0, 1), spiky: 0 for 60 %, else 3 * Exp(1). */
static void gen4(size_t n)
{
	rng_state = 1;
	for (size_t i = 0; i < n; i++) {
		x[i * 4 + 0] = 10 + 2 * gauss();
		x[i * 4 + 1] = -5 + 0.5 * gauss();
		x[i * 4 + 2] = gauss();
		x[i * 4 + 3] = uniform() < 0.6 ? 0 : -3 * log(1 - uniform());
	}
}

/* 5-D, two latent factors: a, b follow u (b negated); c, d, e follow v; noise 0.1. */
static const char *const names5[] = { "a", "b", "c", "d", "e" };

static void gen5(size_t n)
{
	rng_state = 2;
	for (size_t i = 0; i < n; i++) {
		double u = gauss(), v = gauss();

		x[i * 5 + 0] = u + 0.1 * gauss();
		x[i * 5 + 1] = -u + 0.1 * gauss();
		for (size_t j = 2; j < 5; j++)
			x[i * 5 + j] = 3 * v + 0.3 * gauss();
	}
}

static struct model *fit(enum model_type type, const char *const *names, size_t d, size_t n,
			 struct gh_err *err)
{
	struct model_fit_opts o = { .type = type, .d = d, .names = names };
	struct model *m = NULL;

	memset(err, 0, sizeof(*err));
	if (model_fit(&o, x, n, &m, err))
		return NULL;
	return m;
}

static double max_training_score(const struct model *m, size_t n, double *median)
{
	static double s[MAX_N];
	double best = -INFINITY;

	for (size_t i = 0; i < n; i++) {
		s[i] = model_score(m, &x[i * model_dims(m)]);
		best = fmax(best, s[i]);
	}
	*median = eval_quantile(s, n, 0.5);
	return best;
}

/* The far point: every feature at its training mean but `moved`, set to `value`. */
static void far_point(const struct model *m, size_t n, size_t moved, double value, double *p)
{
	size_t d = model_dims(m);

	for (size_t j = 0; j < d; j++) {
		p[j] = 0;
		for (size_t i = 0; i < n; i++)
			p[j] += x[i * d + j] / (double)n;
	}
	p[moved] = value;
}

static void check_far_point(enum model_type type, const char *const *names, size_t d, size_t n,
			    size_t moved, double value)
{
	struct model_contrib top[3];
	static double col[MAX_N];
	double p[12], median, best, s;
	struct gh_err err;
	struct model *m = fit(type, names, d, n, &err);
	size_t got;

	if (!ok(m, "%s fits on %zu vectors of %zu features (%s)", model_type_name(type), n, d, err.msg))
		return;
	best = max_training_score(m, n, &median);
	far_point(m, n, moved, value, p);
	s = model_score(m, p);
	ok(s > best && s > median,
	   "%s: %s moved to %g scores %g, above every training vector (max %g, median %g)",
	   model_type_name(type), names[moved], value, s, best, median);
	got = model_explain(m, p, top, 3);
	ok(got == 3 && top[0].feature == moved,
	   "%s: the top contribution names %s (got %s, %g; next %g)", model_type_name(type),
	   names[moved], got ? names[top[0].feature] : "nothing", got ? top[0].contribution : 0,
	   got > 1 ? top[1].contribution : 0);
	ok(got == 3 && top[0].contribution >= top[1].contribution &&
		   top[1].contribution >= top[2].contribution,
	   "%s: contributions sorted descending", model_type_name(type));
	for (size_t i = 0; i < n; i++)
		col[i] = x[i * d + moved];
	ok(got && top[0].value == value && top[0].lo == eval_quantile(col, n, 0.01) &&
		   top[0].hi == eval_quantile(col, n, 0.99),
	   "%s: the raw value and the 1st to 99th percentile [%g, %g] come with it",
	   model_type_name(type), got ? top[0].lo : 0, got ? top[0].hi : 0);
	ok(isinf(model_threshold(m)) && model_threshold(m) > 0 &&
		   !strcmp(model_threshold_method(m), "unset"),
	   "%s: a fresh model's threshold is +inf, method unset", model_type_name(type));
	model_free(m);
}

static void test_far_points(void)
{
	gen4(500);
	check_far_point(MODEL_KDE, names4, 4, 500, 2, 8);
	check_far_point(MODEL_KDE, names4, 4, 500, 1, -5 - 0.5 * 7);
	/* pca needs correlated features: c alone leaves the line it shares with d and e. */
	gen5(500);
	check_far_point(MODEL_PCA, names5, 5, 500, 2, 4);
	check_far_point(MODEL_PCA, names5, 5, 500, 4, -8);
}

static struct json_object *member(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	json_object_object_get_ex(o, key, &v);
	return v;
}

static void test_constant(void)
{
	static const char *const names[] = { "a", "k", "b" };
	static const enum model_type types[] = { MODEL_KDE, MODEL_PCA };
	struct model_contrib c[3];

	rng_state = 3;
	for (size_t i = 0; i < 200; i++) {
		x[i * 3 + 0] = gauss();
		x[i * 3 + 1] = 7;
		x[i * 3 + 2] = 5 + gauss();
	}
	for (size_t t = 0; t < 2; t++) {
		struct gh_err err;
		struct model *m = fit(types[t], names, 3, 200, &err);
		double p[3] = { 0.5, 7, 4 }, q[3] = { 0.5, 1e6, 4 };
		struct json_object *j;
		size_t got;

		if (!ok(m, "%s fits with a constant feature (%s)", model_type_name(types[t]), err.msg))
			continue;
		ok(model_feature_constant(m, 1) && !model_feature_constant(m, 0) &&
			   !model_feature_constant(m, 2),
		   "%s: k flagged constant, a and b not", model_type_name(types[t]));
		ok(model_score(m, p) == model_score(m, q), "%s: k's value does not change the score",
		   model_type_name(types[t]));
		got = model_explain(m, q, c, 3);
		ok(got == 2 && c[0].feature != 1 && c[1].feature != 1,
		   "%s: explain lists the two others only (%zu)", model_type_name(types[t]), got);
		j = model_to_json(m, NULL);
		ok(j && json_object_get_boolean(member(json_object_array_get_idx(member(j, "features"), 1),
						       "constant")),
		   "%s: the file lists k as constant", model_type_name(types[t]));
		json_object_put(j);
		model_free(m);
	}
}

static void test_log1p_and_nan(void)
{
	static const char *const names[] = { "bytes", "rate" };
	static const bool logs[] = { true, false };
	struct model_fit_opts o = { .type = MODEL_KDE, .d = 2, .names = names, .log1p = logs };
	double mean = 0, p[2] = { NAN, 1 };
	struct model_contrib c[2];
	struct gh_err err = { 0 };
	struct model *m = NULL;
	struct json_object *j;

	rng_state = 4;
	for (size_t i = 0; i < 300; i++) {
		x[i * 2 + 0] = i % 10 ? exp(3 * gauss()) : -5; /* the negatives count as 0 */
		x[i * 2 + 1] = gauss();
		mean += log1p(x[i * 2 + 0] < 0 ? 0 : x[i * 2 + 0]) / 300;
	}
	if (!ok(!model_fit(&o, x, 300, &m, &err), "kde fits with a log1p feature (%s)", err.msg))
		return;
	j = model_to_json(m, NULL);
	ok(model_feature_log1p(m, 0) && !model_feature_log1p(m, 1) &&
		   fabs(json_object_get_double(member(json_object_array_get_idx(member(j, "features"), 0),
							"mean")) - mean) < 1e-9,
	   "the file's mean is that of log1p(max(x, 0)) (%g)", mean);
	ok(isnan(model_score(m, p)), "a NaN value scores NaN (never above a threshold)");
	ok(model_explain(m, p, c, 2) == 2 && c[0].feature == 0 && isnan(c[0].contribution),
	   "and explain puts it first");
	p[0] = INFINITY;
	ok(model_score(m, p) == INFINITY, "an infinite value scores +inf");
	json_object_put(j);
	model_free(m);
}

static void expect_fit_error(const struct model_fit_opts *o, size_t n, const char *want,
			     const char *what)
{
	struct gh_err err = { 0 };
	struct model *m = NULL;
	int ret = model_fit(o, x, n, &m, &err);

	ok(ret == -EINVAL && err.input && !m, "%s: an input error (%d)", what, ret);
	ok_str(err.msg, want, "%s: the message", what);
	model_free(m);
}

static void test_fit_errors(void)
{
	static const char *const dup[] = { "a", "b", "a", "d" }, *const bad[] = { "a", "b c" };
	struct model_fit_opts o = { .type = MODEL_KDE, .d = 4, .names = names4 };

	gen4(50);
	x[2 * 4 + 1] = NAN;
	expect_fit_error(&o, 50, "training vector 3, feature b: expected a finite number, got nan",
			 "NaN");
	x[2 * 4 + 1] = -INFINITY;
	expect_fit_error(&o, 50, "training vector 3, feature b: expected a finite number, got -inf",
			 "-inf");
	x[2 * 4 + 1] = 1e200;
	expect_fit_error(&o, 50,
			 "training vector 3, feature b: expected a number of magnitude at most "
			 "1e+150, got 1e+200",
			 "1e200");
	gen4(50);
	expect_fit_error(&o, 5, "expected at least 10 training vectors, got 5", "too few");
	for (size_t i = 0; i < 50 * 4; i++)
		x[i] = (double)(i % 4);
	o.type = MODEL_PCA;
	expect_fit_error(&o, 50,
			 "every feature is constant over the 50 training vectors: nothing to "
			 "learn from",
			 "all constant");
	o.names = dup;
	expect_fit_error(&o, 50,
			 "feature 3: expected a name unique among the features, got \"a\" (also "
			 "feature 1)",
			 "duplicate name");
	o.names = bad;
	o.d = 2;
	expect_fit_error(&o, 50,
			 "feature 2: expected a name of 1 to 31 printable ASCII characters, no space",
			 "name with a space");
}

static char *json_text(const struct model *m)
{
	struct json_object *j = model_to_json(m, NULL);
	char *s = j ? strdup(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN)) : NULL;

	json_object_put(j);
	return s;
}

static void test_deterministic(void)
{
	static const enum model_type types[] = { MODEL_KDE, MODEL_PCA };

	gen4(300);
	for (size_t t = 0; t < 2; t++) {
		struct gh_err err;
		struct model *m1 = fit(types[t], names4, 4, 300, &err);
		struct model *m2 = fit(types[t], names4, 4, 300, &err);
		char *s1 = m1 ? json_text(m1) : NULL, *s2 = m2 ? json_text(m2) : NULL;

		ok(s1 && s2 && !strcmp(s1, s2), "%s: two fits, the same JSON (%zu bytes)",
		   model_type_name(types[t]), s1 ? strlen(s1) : 0);
		free(s1);
		free(s2);
		model_free(m1);
		model_free(m2);
	}
}

static void test_subsample(void)
{
	struct model_fit_opts o = { .type = MODEL_KDE, .d = 4, .names = names4, .max_samples = 20 };
	struct json_object *j, *samples;
	struct gh_err err = { 0 };
	struct model *m = NULL;

	gen4(100);
	model_fit(&o, x, 100, &m, &err);
	j = m ? model_to_json(m, NULL) : NULL;
	samples = member(member(j, "kde"), "samples");
	ok(samples && json_object_array_length(samples) == 20,
	   "max_samples 20 of 100 vectors: 20 samples kept");
	json_object_put(j);
	model_free(m);
}

static void test_save_load(void)
{
	static const enum model_type types[] = { MODEL_KDE, MODEL_PCA };
	char dir[] = "/tmp/test_model.XXXXXX", path[64], tmp[80];
	struct json_object *meta = json_object_new_object(), *meta2;
	struct gh_err err;
	struct stat st;
	mode_t old_mask;

	if (!ok(mkdtemp(dir), "a temporary directory"))
		return;
	json_object_object_add(meta, "policy", json_object_new_string("login-profile"));
	snprintf(path, sizeof(path), "%s/m.json", dir);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	gen4(400);
	old_mask = umask(077);
	for (size_t t = 0; t < 2; t++) {
		struct model *m = fit(types[t], names4, 4, 400, &err), *back = NULL;
		double worst = 0;

		if (!m)
			continue;
		model_set_threshold(m, 12.5, "quantile 0.999");
		ok(!model_save(m, meta, path, &err), "%s: saved (%s)", model_type_name(types[t]), err.msg);
		ok(!stat(path, &st) && (st.st_mode & 0777) == 0644 && access(tmp, F_OK),
		   "%s: mode 0644 under umask 077, no temporary file left", model_type_name(types[t]));
		meta2 = NULL;
		ok(!model_load(path, &back, &meta2, &err) && back, "%s: loaded (%s)",
		   model_type_name(types[t]), err.msg);
		if (!back) {
			model_free(m);
			continue;
		}
		rng_state = 99;
		for (size_t i = 0; i < 1000; i++) {
			double p[4] = { 10 + 4 * gauss(), -5 + gauss(), 3 * gauss(), 6 * uniform() };
			double a = model_score(m, p), b = model_score(back, p);

			worst = fmax(worst, fabs(a - b) / fmax(fabs(a), 1e-300));
		}
		ok(worst <= 1e-9, "%s: 1000 scores equal after save and load (worst relative %g)",
		   model_type_name(types[t]), worst);
		ok(model_threshold(back) == 12.5 &&
			   !strcmp(model_threshold_method(back), "quantile 0.999"),
		   "%s: threshold and method kept", model_type_name(types[t]));
		ok(meta2 && !strcmp(json_object_get_string(member(meta2, "policy")), "login-profile"),
		   "%s: meta read back as is", model_type_name(types[t]));
		ok(model_dims(back) == 4 && !strcmp(model_feature_name(back, 3), "spiky") &&
			   model_type(back) == types[t],
		   "%s: names, dims and type kept", model_type_name(types[t]));
		json_object_put(meta2);
		model_free(back);
		model_free(m);
	}
	umask(old_mask);
	/* An unset threshold is null in the file and +inf again after loading. */
	{
		struct model *m = fit(MODEL_KDE, names4, 4, 400, &err), *back = NULL;
		struct json_object *j = m ? model_to_json(m, NULL) : NULL;

		ok(j && json_object_is_type(member(j, "threshold"), json_type_null) &&
			   json_object_object_get_ex(j, "threshold", NULL),
		   "unset threshold: null in the file");
		ok(j && !model_from_json(j, &back, NULL, &err) && isinf(model_threshold(back)),
		   "and +inf after reading it");
		model_free(back);
		json_object_put(j);
		model_free(m);
	}
	memset(&err, 0, sizeof(err));
	{
		struct model *m = (struct model *)1;
		char missing[96], big[96];
		int fd, ret;

		snprintf(missing, sizeof(missing), "%s/none.json", dir);
		ret = model_load(missing, &m, NULL, &err);
		ok(ret == -ENOENT && !err.input && !m, "a missing file: -ENOENT, not an input error");
		memset(&err, 0, sizeof(err));
		ret = model_load(dir, &m, NULL, &err);
		ok(ret == -EINVAL && err.input && !strcmp(err.file, dir) && strstr(err.msg, dir),
		   "a directory: an input error naming it (%s)", err.msg);
		snprintf(big, sizeof(big), "%s/big.json", dir);
		fd = open(big, O_WRONLY | O_CREAT, 0644);
		ok(fd >= 0 && !ftruncate(fd, 65 << 20), "a sparse 65 MiB file");
		close(fd);
		memset(&err, 0, sizeof(err));
		ret = model_load(big, &m, NULL, &err);
		ok(ret == -EINVAL && err.input && strstr(err.msg, "at most 16 MiB"),
		   "is refused for its size (%s)", err.msg);
		fd = open(big, O_WRONLY | O_TRUNC);
		ok(fd >= 0 && write(fd, "{\"gatehawk_model\": 1,", 21) == 21, "a cut-off file");
		close(fd);
		memset(&err, 0, sizeof(err));
		ret = model_load(big, &m, NULL, &err);
		ok(ret == -EINVAL && err.input && strstr(err.msg, "expected one JSON object"),
		   "is refused as no JSON (%s)", err.msg);
		fd = open(big, O_WRONLY | O_TRUNC);
		ok(fd >= 0 && write(fd, "{\"gatehawk_model\": 7}\n", 21) == 21, "a version 7 file");
		close(fd);
		memset(&err, 0, sizeof(err));
		ret = model_load(big, &m, NULL, &err);
		ok(ret == -EINVAL && err.input && !strcmp(err.field, "gatehawk_model") &&
			   !strcmp(err.file, big) && !strncmp(err.msg, big, strlen(big)),
		   "is refused naming the file and the field (%s)", err.msg);
		unlink(big);
	}
	unlink(path);
	rmdir(dir);
	json_object_put(meta);
}

/* Model JSON with one change; the error must name `field`. */
static void expect_corrupt(const char *text, void (*change)(struct json_object *),
			   const char *field, const char *want, const char *what)
{
	struct json_object *j = json_tokener_parse(text);
	struct gh_err err = { 0 };
	struct model *m = NULL;
	int ret;

	change(j);
	ret = model_from_json(j, &m, NULL, &err);
	ok(ret == -EINVAL && err.input && !m, "%s: refused", what);
	ok_str(err.field, field, "%s: the field named", what);
	ok(!strncmp(err.msg, field, strlen(field)) && strstr(err.msg, want),
	   "%s: the message says \"%s\" (%s)", what, want, err.msg);
	json_object_put(j);
	model_free(m);
}

static void version_2(struct json_object *j)
{
	json_object_object_add(j, "gatehawk_model", json_object_new_int(2));
}

static void no_samples(struct json_object *j)
{
	json_object_object_del(member(j, "kde"), "samples");
}

static void bandwidth_0(struct json_object *j)
{
	json_object_array_put_idx(member(member(j, "kde"), "bandwidth"), 1, json_object_new_int(0));
}

static void sample_string(struct json_object *j)
{
	struct json_object *row = json_object_array_get_idx(member(member(j, "kde"), "samples"), 3);

	json_object_array_put_idx(row, 1, json_object_new_string("x"));
}

static void sd_0(struct json_object *j)
{
	json_object_object_add(json_object_array_get_idx(member(j, "features"), 0), "sd",
			       json_object_new_double(0));
}

static void unknown_key(struct json_object *j)
{
	json_object_object_add(j, "bogus", json_object_new_int(1));
}

static void component_short(struct json_object *j)
{
	json_object_array_del_idx(
		json_object_array_get_idx(member(member(j, "pca"), "components"), 0), 0, 1);
}

static void component_extra(struct json_object *j)
{
	struct json_object *comps = member(member(j, "pca"), "components");

	json_object_array_add(comps, json_object_get(json_object_array_get_idx(comps, 0)));
}

static void component_scaled(struct json_object *j)
{
	struct json_object *c = json_object_array_get_idx(member(member(j, "pca"), "components"), 0);

	for (size_t i = 0; i < json_object_array_length(c); i++)
		json_object_array_put_idx(
			c, i, json_object_new_double(2 * json_object_get_double(json_object_array_get_idx(c, i))));
}

static void eigen_ascending(struct json_object *j)
{
	json_object_array_put_idx(member(member(j, "pca"), "eigenvalues"), 2,
				  json_object_new_double(100));
}

static void type_svm(struct json_object *j)
{
	json_object_object_add(j, "type", json_object_new_string("svm"));
}

static void test_corrupt(void)
{
	struct gh_err err;
	struct model *kde, *pca;
	char *k, *p;

	gen4(200);
	kde = fit(MODEL_KDE, names4, 4, 200, &err);
	pca = fit(MODEL_PCA, names4, 4, 200, &err);
	k = kde ? json_text(kde) : NULL;
	p = pca ? json_text(pca) : NULL;
	if (!ok(k && p, "two models to corrupt"))
		return;
	expect_corrupt(k, version_2, "gatehawk_model", "expected 1", "version 2");
	expect_corrupt(k, no_samples, "kde.samples", "got nothing", "no samples");
	expect_corrupt(k, bandwidth_0, "kde.bandwidth[1]", "at least 0.001, got 0", "bandwidth 0");
	expect_corrupt(k, sample_string, "kde.samples[3][1]", "got \"x\"", "a string sample");
	expect_corrupt(k, sd_0, "features[0].sd", "above 0 for a non-constant feature", "sd 0");
	expect_corrupt(k, unknown_key, "bogus", "unknown field", "an unknown field");
	expect_corrupt(k, type_svm, "type", "\"kde\" or \"pca\"", "type svm");
	expect_corrupt(p, component_short, "pca.components[0]", "array of 4 numbers, got 3",
		       "a short component");
	expect_corrupt(p, component_extra, "pca.components", "components (those explaining",
		       "one component too many");
	expect_corrupt(p, component_scaled, "pca.components[0]", "unit vector", "a scaled component");
	expect_corrupt(p, eigen_ascending, "pca.eigenvalues", "descending", "eigenvalues out of order");
	free(k);
	free(p);
	model_free(kde);
	model_free(pca);
}

/* kde's -log f_j from the table (model_explain) against the sum over every sample. */
static void test_kde_table(void)
{
	struct json_object *j, *feats, *samples, *bw;
	struct gh_err err;
	struct model *m;
	double worst = 0, far1, far2, p[4];
	size_t checked = 0;

	gen4(500);
	m = fit(MODEL_KDE, names4, 4, 500, &err);
	j = m ? model_to_json(m, NULL) : NULL;
	if (!ok(j, "a kde model to check"))
		return;
	feats = member(j, "features");
	samples = member(member(j, "kde"), "samples");
	bw = member(member(j, "kde"), "bandwidth");
	for (size_t f = 0; f < 4; f++) {
		struct json_object *fo = json_object_array_get_idx(feats, f);
		double mean = json_object_get_double(member(fo, "mean"));
		double sd = json_object_get_double(member(fo, "sd"));
		double h = json_object_get_double(json_object_array_get_idx(bw, f));
		size_t n = json_object_array_length(samples);
		double lo = INFINITY, hi = -INFINITY;

		for (size_t i = 0; i < n; i++) {
			double z = json_object_get_double(
				json_object_array_get_idx(json_object_array_get_idx(samples, i), f));

			lo = fmin(lo, z);
			hi = fmax(hi, z);
		}
		for (double z = lo - 2 * h; z <= hi + 2 * h; z += (hi - lo) / 97) {
			struct model_contrib c[4];
			double sum = 0, exact;
			size_t got;

			far_point(m, 500, f, mean + z * sd, p);
			for (size_t i = 0; i < n; i++) {
				double zi = json_object_get_double(json_object_array_get_idx(
					json_object_array_get_idx(samples, i), f));

				sum += exp(-(z - zi) * (z - zi) / (2 * h * h));
			}
			exact = -log(sum / ((double)n * h * sqrt(2 * M_PI)));
			got = model_explain(m, p, c, 4);
			for (size_t i = 0; i < got; i++)
				if (c[i].feature == f) {
					worst = fmax(worst, fabs(c[i].contribution - exact) /
								    (0.01 + 0.005 * fabs(exact)));
					checked++;
				}
		}
	}
	/*
	 * Within 0.01 nats where there is density; in a gap of width D between
	 * isolated samples -log f has a kink that interpolation rounds off by
	 * up to D / 64h, where -log f is already D^2 / 8h^2: 0.5 % of it.
	 */
	ok(checked > 300 && worst <= 1,
	   "table vs exact -log density at %zu in-range points: within 0.01 nats + 0.5 %% (%.2f "
	   "of that)",
	   checked, worst);
	far_point(m, 500, 2, 40, p);
	far1 = model_score(m, p);
	far_point(m, 500, 2, 1e6, p);
	far2 = model_score(m, p);
	ok(isfinite(far1) && isfinite(far2) && far2 > far1 && far2 > 1e11,
	   "beyond the table the score keeps growing, quadratically, finite (%g, %g)", far1, far2);
	json_object_put(j);
	model_free(m);
}

static void test_pca_line(void)
{
	static const char *const names[] = { "t", "u", "v" };
	struct json_object *j;
	struct gh_err err;
	struct model *m;
	double best, median, off[3] = { 0, 1 + 4, 3 }, along[3] = { 10, 21, -7 };
	double near[3] = { 1.5, 4, 1.5 };

	rng_state = 5;
	for (size_t i = 0; i < 500; i++) {
		double t = gauss();

		x[i * 3 + 0] = t;
		x[i * 3 + 1] = 2 * t + 1;
		x[i * 3 + 2] = -t + 3;
	}
	m = fit(MODEL_PCA, names, 3, 500, &err);
	j = m ? model_to_json(m, NULL) : NULL;
	if (!ok(j, "pca fits on a line in 3-D (%s)", err.msg))
		return;
	ok_eq(json_object_array_length(member(member(j, "pca"), "components")), 1,
	      "one component kept");
	best = max_training_score(m, 500, &median);
	ok(model_score(m, off) > best, "off the line (u + 4, 2 sd): %g, above every training vector (%g)",
	   model_score(m, off), best);
	ok(model_score(m, along) > best,
	   "far along the line (10 sd): %g, above every training vector too", model_score(m, along));
	ok(model_score(m, near) < 1e-6, "on the line within 3 sd: 0 (%g)", model_score(m, near));
	json_object_put(j);
	model_free(m);
}

static void test_names(void)
{
	ok(model_type_by_name("kde") == MODEL_KDE && model_type_by_name("pca") == MODEL_PCA &&
		   model_type_by_name("svm") == -1 && model_type_by_name(NULL) == -1,
	   "type names both ways");
	ok_str(model_type_name(MODEL_PCA), "pca", "pca's name");
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void timing(void)
{
	static const char *const names[] = { "f0", "f1", "f2", "f3", "f4", "f5",
					     "f6", "f7", "f8", "f9", "f10", "f11" };
	static const enum model_type types[] = { MODEL_KDE, MODEL_PCA };
	struct model_fit_opts o = { .d = 12, .names = names };
	bool log1p[12];

	rng_state = 7;
	for (size_t i = 0; i < MAX_N * 12; i++)
		x[i] = (i % 12) < 6 ? exp(gauss()) * 10 : gauss() + (double)(i % 12);
	for (size_t j = 0; j < 12; j++)
		log1p[j] = j < 6;
	o.log1p = log1p;
	for (size_t t = 0; t < 2; t++) {
		struct gh_err err = { 0 };
		struct model *m = NULL;
		double t0, t1, t2, sum = 0;
		const size_t calls = 200000;

		o.type = types[t];
		t0 = now_ns();
		if (model_fit(&o, x, MAX_N, &m, &err))
			continue;
		t1 = now_ns();
		for (size_t i = 0; i < calls; i++)
			sum += model_score(m, &x[(i % MAX_N) * 12]);
		t2 = now_ns();
		tap_diag("model_score %s d=12 (6 log1p), %d vectors: %.0f ns per score; fit %.0f ms "
			 "(checksum %g)",
			 model_type_name(types[t]), MAX_N, (t2 - t1) / (double)calls, (t1 - t0) / 1e6,
			 sum);
		model_free(m);
	}
}

int main(void)
{
	test_far_points();
	test_constant();
	test_log1p_and_nan();
	test_fit_errors();
	test_deterministic();
	test_subsample();
	test_save_load();
	test_corrupt();
	test_kde_table();
	test_pca_line();
	test_names();
	timing();
	return tap_done();
}
