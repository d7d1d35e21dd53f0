// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The model file (model.h): versioned JSON, its numbers written exactly so
 * that scores are the same after a save and load, and every field checked on
 * the way back in, since a model file is input like any other.
 */
#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/escape.h"
#include "base/json_file.h"
#include "engine/model_internal.h"

#define MODEL_MAX_FILE (16U << 20) /* a 4096 x 32 kde model is about 3 MiB */
#define MODEL_JSON_DEPTH 64     /* the model needs 4; the rest is for meta */
#define FIELD_MAX 96
/* Loaded components must be orthonormal within this. */
#define ORTHONORMAL_TOLERANCE 1e-6

/* ---- writing ---- */

/* The shortest of 15 to 17 significant digits that reads back as exactly v. */
static struct json_object *exact_number(double v)
{
	char text[32];

	for (int digits = 15; digits <= 17; digits++) {
		snprintf(text, sizeof(text), "%.*g", digits, v);
		if (strtod(text, NULL) == v)
			break;
	}
	return json_object_new_double_s(v, text);
}

/*
 * Adds v to object o under key, or to array o when key is NULL. Always
 * consumes v; false when o or v is NULL (no memory) or the add fails.
 */
static bool add(struct json_object *o, const char *key, struct json_object *v)
{
	if (o && v && !(key ? json_object_object_add(o, key, v) : json_object_array_add(o, v)))
		return true;
	json_object_put(v);
	return false;
}

/* o when everything went in, else NULL (o released). */
static struct json_object *complete(struct json_object *o, bool ok)
{
	if (ok)
		return o;
	json_object_put(o);
	return NULL;
}

static struct json_object *numbers(const double *v, size_t n)
{
	struct json_object *a = json_object_new_array_ext((int)n);
	bool ok = true;

	for (size_t i = 0; ok && i < n; i++)
		ok = add(a, NULL, exact_number(v[i]));
	return complete(a, ok);
}

static struct json_object *feature_json(const struct model_feature *f)
{
	struct json_object *o = json_object_new_object();
	bool ok = true;

	ok &= add(o, "name", gh_json_string(f->name, strlen(f->name)));
	ok &= add(o, "log1p", json_object_new_boolean(f->log1p));
	ok &= add(o, "mean", exact_number(f->mean));
	ok &= add(o, "sd", exact_number(f->sd));
	ok &= add(o, "p01", exact_number(f->p01));
	ok &= add(o, "p99", exact_number(f->p99));
	ok &= add(o, "constant", json_object_new_boolean(f->constant));
	return complete(o, ok);
}

static struct json_object *kde_json(const struct model *m)
{
	struct json_object *o = json_object_new_object();
	struct json_object *samples = json_object_new_array_ext((int)m->kde.n);
	bool ok = true;

	for (size_t i = 0; ok && i < m->kde.n; i++)
		ok = add(samples, NULL, numbers(&m->kde.samples[i * m->d], m->d));
	ok &= add(o, "bandwidth", numbers(m->kde.bw, m->d));
	ok &= add(o, "samples", complete(samples, ok));
	return complete(o, ok);
}

static struct json_object *pca_json(const struct model *m)
{
	struct json_object *o = json_object_new_object();
	struct json_object *comps = json_object_new_array_ext((int)m->pca.k);
	bool ok = true;

	/* Components over every feature, 0 for the constant ones: the file reads plainly. */
	for (size_t i = 0; ok && i < m->pca.k; i++) {
		double row[MODEL_MAX_FEATURES] = { 0 };

		for (size_t a = 0; a < m->n_active; a++)
			row[m->active[a]] = m->pca.comp[i * m->n_active + a];
		ok = add(comps, NULL, numbers(row, m->d));
	}
	ok &= add(o, "variance", exact_number(m->pca.variance));
	ok &= add(o, "eigenvalues", numbers(m->pca.eig, m->n_active));
	ok &= add(o, "components", complete(comps, ok));
	return complete(o, ok);
}

struct json_object *model_to_json(const struct model *m, struct json_object *meta)
{
	struct json_object *o = json_object_new_object(), *feats = json_object_new_array();
	bool ok = true;

	for (size_t j = 0; ok && j < m->d; j++)
		ok = add(feats, NULL, feature_json(&m->feat[j]));
	ok &= add(o, "gatehawk_model", json_object_new_int(MODEL_VERSION));
	ok &= add(o, "type", json_object_new_string(model_type_name(m->type)));
	ok &= add(o, "features", complete(feats, ok));
	if (m->type == MODEL_KDE)
		ok &= add(o, "kde", kde_json(m));
	else
		ok &= add(o, "pca", pca_json(m));
	/* JSON has no infinity: an unset threshold (never fires) is null. */
	if (isinf(m->threshold))
		ok &= o && !json_object_object_add(o, "threshold", NULL);
	else
		ok &= add(o, "threshold", exact_number(m->threshold));
	ok &= add(o, "threshold_method", gh_json_string(m->method, strlen(m->method)));
	if (meta)
		ok &= add(o, "meta", json_object_get(meta));
	return complete(o, ok);
}

/* ---- reading: every error names its field ---- */

static int failf(struct gh_err *err, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int failf(struct gh_err *err, const char *field, const char *fmt, ...)
{
	char what[GH_ERR_MSG_MAX / 2];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	gh_err_field(err, field);
	return gh_err_input(err, "%s: %s", field, what);
}

/* v for "got ...": its value when short, else its type. */
static const char *describe(struct json_object *v, char *buf, size_t len)
{
	char esc[64];
	size_t n;

	switch (json_object_get_type(v)) {
	case json_type_null:
		return "null";
	case json_type_boolean:
		return json_object_get_boolean(v) ? "true" : "false";
	case json_type_double:
	case json_type_int:
		snprintf(buf, len, "%g", json_object_get_double(v));
		return buf;
	case json_type_string:
		n = (size_t)json_object_get_string_len(v);
		gh_escape_text(json_object_get_string(v), n < 32 ? n : 32, esc, sizeof(esc));
		snprintf(buf, len, "\"%s%s\"", esc, n > 32 ? "..." : "");
		return buf;
	case json_type_array:
		return "an array";
	case json_type_object:
		return "an object";
	}
	return "something else";
}

static int expected(struct gh_err *err, const char *field, const char *what, struct json_object *v)
{
	char buf[128];

	return failf(err, field, "expected %s, got %s", what, describe(v, buf, sizeof(buf)));
}

static bool is_type(struct json_object *v, json_type t)
{
	return json_object_is_type(v, t) ||
	       (t == json_type_double && json_object_is_type(v, json_type_int));
}

static const char *type_wanted(json_type t)
{
	switch (t) {
	case json_type_boolean:
		return "true or false";
	case json_type_int:
		return "an integer";
	case json_type_double:
		return "a number";
	case json_type_string:
		return "a string";
	case json_type_array:
		return "an array";
	case json_type_object:
		return "an object";
	default:
		return "null";
	}
}

/* o[key], of type t; field gets "path.key" for later errors about it. */
static int member(struct json_object *o, const char *path, const char *key, json_type t,
		  struct json_object **v, char *field, struct gh_err *err)
{
	snprintf(field, FIELD_MAX, "%s%s%s", path, *path ? "." : "", key);
	if (!json_object_object_get_ex(o, key, v))
		return failf(err, field, "expected %s, got nothing", type_wanted(t));
	return is_type(*v, t) ? 0 : expected(err, field, type_wanted(t), *v);
}

/* v as a number from lo to hi (NaN and infinities never are). */
static int number_in(struct json_object *v, const char *field, double lo, double hi, double *out,
		     struct gh_err *err)
{
	double x = json_object_get_double(v);
	char what[64];

	if (is_type(v, json_type_double) && x >= lo && x <= hi) {
		*out = x;
		return 0;
	}
	if (lo == -DBL_MAX && hi == DBL_MAX)
		snprintf(what, sizeof(what), "a finite number");
	else if (hi == DBL_MAX)
		snprintf(what, sizeof(what), "a number of at least %g", lo);
	else
		snprintf(what, sizeof(what), "a number from %g to %g", lo, hi);
	return expected(err, field, what, v);
}

static int member_number(struct json_object *o, const char *path, const char *key, double lo,
			 double hi, double *out, struct gh_err *err)
{
	char field[FIELD_MAX];
	struct json_object *v;

	return member(o, path, key, json_type_double, &v, field, err) ?:
		       number_in(v, field, lo, hi, out, err);
}

/* An array of exactly n numbers, each from lo to hi, into out. */
static int numbers_in(struct json_object *a, const char *field, size_t n, double lo, double hi,
		      double *out, struct gh_err *err)
{
	char what[64], at[FIELD_MAX];

	if (!json_object_is_type(a, json_type_array) || json_object_array_length(a) != n) {
		snprintf(what, sizeof(what), "an array of %zu numbers", n);
		if (json_object_is_type(a, json_type_array))
			return failf(err, field, "expected %s, got %zu items", what,
				     json_object_array_length(a));
		return expected(err, field, what, a);
	}
	for (size_t i = 0; i < n; i++) {
		snprintf(at, sizeof(at), "%s[%zu]", field, i);
		if (number_in(json_object_array_get_idx(a, i), at, lo, hi, &out[i], err))
			return -EINVAL;
	}
	return 0;
}

static int only_keys(struct json_object *o, const char *path, const char *const *keys,
		     struct gh_err *err)
{
	json_object_object_foreach(o, key, val) {
		char esc[64], field[FIELD_MAX], list[256] = "";
		size_t i = 0, len = strlen(key);

		(void)val;
		while (keys[i] && strcmp(keys[i], key))
			i++;
		if (keys[i])
			continue;
		for (i = 0; keys[i]; i++)
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
				 i ? ", " : "", keys[i]);
		gh_escape_text(key, len < 32 ? len : 32, esc, sizeof(esc));
		snprintf(field, sizeof(field), "%s%s%s", path, *path ? "." : "", esc);
		return failf(err, field, "unknown field (expected %s)", list);
	}
	return 0;
}

static int read_feature(struct json_object *o, size_t i, struct model_feature *f,
			struct gh_err *err)
{
	static const char *const keys[] = { "name", "log1p", "mean", "sd", "p01", "p99", "constant",
					    NULL };
	char path[32], field[FIELD_MAX];
	struct json_object *v;
	const char *problem;
	int ret;

	snprintf(path, sizeof(path), "features[%zu]", i);
	if (!json_object_is_type(o, json_type_object))
		return expected(err, path, "an object", o);
	ret = only_keys(o, path, keys, err) ?:
		      member(o, path, "name", json_type_string, &v, field, err);
	if (ret)
		return ret;
	problem = model_name_problem(json_object_get_string(v));
	if (problem || (size_t)json_object_get_string_len(v) != strlen(json_object_get_string(v)))
		return expected(err, field, problem ? problem : "a name without NUL", v);
	snprintf(f->name, sizeof(f->name), "%s", json_object_get_string(v));
	ret = member(o, path, "log1p", json_type_boolean, &v, field, err);
	f->log1p = !ret && json_object_get_boolean(v);
	ret = ret ?: member(o, path, "constant", json_type_boolean, &v, field, err);
	f->constant = !ret && json_object_get_boolean(v);
	ret = ret ?: member_number(o, path, "mean", -DBL_MAX, DBL_MAX, &f->mean, err);
	ret = ret ?: member_number(o, path, "sd", 0, DBL_MAX, &f->sd, err);
	ret = ret ?: member_number(o, path, "p01", -DBL_MAX, DBL_MAX, &f->p01, err);
	ret = ret ?: member_number(o, path, "p99", f->p01, DBL_MAX, &f->p99, err);
	if (!ret && !f->constant && !(f->sd > 0)) {
		snprintf(field, sizeof(field), "%s.sd", path);
		return failf(err, field, "expected a number above 0 for a non-constant feature, got %g",
			     f->sd);
	}
	return ret;
}

static int read_features(struct json_object *root, struct model *m, struct gh_err *err)
{
	char field[FIELD_MAX];
	struct json_object *a;
	size_t n;

	if (member(root, "", "features", json_type_array, &a, field, err))
		return -EINVAL;
	n = json_object_array_length(a);
	if (!n || n > MODEL_MAX_FEATURES)
		return failf(err, field, "expected 1 to %d features, got %zu", MODEL_MAX_FEATURES, n);
	m->d = n;
	for (size_t j = 0; j < n; j++) {
		if (read_feature(json_object_array_get_idx(a, j), j, &m->feat[j], err))
			return -EINVAL;
		for (size_t i = 0; i < j; i++)
			if (!strcmp(m->feat[i].name, m->feat[j].name)) {
				snprintf(field, sizeof(field), "features[%zu].name", j);
				return failf(err, field,
					     "expected a name unique among the features, got \"%s\" "
					     "(also features[%zu])",
					     m->feat[j].name, i);
			}
	}
	for (size_t j = 0; j < n; j++)
		if (!m->feat[j].constant)
			return 0;
	return failf(err, "features", "expected at least one non-constant feature, got %zu constant",
		     n);
}

static int read_kde(struct json_object *o, struct model *m, struct gh_err *err)
{
	static const char *const keys[] = { "bandwidth", "samples", NULL };
	char field[FIELD_MAX], at[FIELD_MAX + 24];
	struct json_object *bw, *samples;
	size_t n;
	int ret;

	ret = only_keys(o, "kde", keys, err) ?:
		      member(o, "kde", "bandwidth", json_type_array, &bw, field, err) ?:
		      numbers_in(bw, field, m->d, KDE_MIN_LOADED_BANDWIDTH, DBL_MAX, m->kde.bw, err) ?:
		      member(o, "kde", "samples", json_type_array, &samples, field, err);
	if (ret)
		return ret;
	n = json_object_array_length(samples);
	if (n < MODEL_MIN_VECTORS)
		return failf(err, field, "expected at least %d vectors, got %zu", MODEL_MIN_VECTORS,
			     n);
	m->kde.samples = malloc(n * m->d * sizeof(*m->kde.samples));
	if (!m->kde.samples)
		return -ENOMEM;
	m->kde.n = n;
	for (size_t i = 0; i < n; i++) {
		snprintf(at, sizeof(at), "%s[%zu]", field, i);
		if (numbers_in(json_object_array_get_idx(samples, i), at, m->d,
			       -KDE_MAX_LOADED_SAMPLE, KDE_MAX_LOADED_SAMPLE,
			       &m->kde.samples[i * m->d], err))
			return -EINVAL;
	}
	return 0;
}

/* Component i over the active features; 0 wanted at the constant ones. */
static int read_component(struct json_object *v, size_t i, struct model *m, struct gh_err *err)
{
	double row[MODEL_MAX_FEATURES], *comp = &m->pca.comp[i * m->n_active];
	char field[FIELD_MAX];

	snprintf(field, sizeof(field), "pca.components[%zu]", i);
	if (numbers_in(v, field, m->d, -DBL_MAX, DBL_MAX, row, err))
		return -EINVAL;
	for (size_t j = 0, a = 0; j < m->d; j++) {
		if (!m->feat[j].constant) {
			comp[a++] = row[j];
			continue;
		}
		if (row[j] != 0)
			return failf(err, field, "expected 0 at [%zu] (feature %s is constant), got %g",
				     j, m->feat[j].name, row[j]);
	}
	for (size_t h = 0; h <= i; h++) {
		double dot = 0;

		for (size_t a = 0; a < m->n_active; a++)
			dot += comp[a] * m->pca.comp[h * m->n_active + a];
		if (fabs(dot - (h == i)) > ORTHONORMAL_TOLERANCE)
			return failf(err, field,
				     "expected a unit vector orthogonal to the components before it, "
				     "got a dot product of %g with components[%zu]",
				     dot, h);
	}
	return 0;
}

static int read_pca(struct json_object *o, struct model *m, struct gh_err *err)
{
	static const char *const keys[] = { "variance", "eigenvalues", "components", NULL };
	char field[FIELD_MAX];
	struct json_object *v, *eig, *comps;
	size_t a = m->n_active, n;
	int ret;

	ret = only_keys(o, "pca", keys, err) ?:
		      member(o, "pca", "variance", json_type_double, &v, field, err);
	if (ret)
		return ret;
	m->pca.variance = json_object_get_double(v);
	if (!(m->pca.variance > 0 && m->pca.variance <= 1))
		return expected(err, field, "a share above 0 and at most 1", v);
	ret = member(o, "pca", "eigenvalues", json_type_array, &eig, field, err) ?:
	      numbers_in(eig, field, a, 0, DBL_MAX, m->pca.eig, err);
	if (ret)
		return ret;
	for (size_t i = 1; i < a; i++)
		if (m->pca.eig[i] > m->pca.eig[i - 1])
			return failf(err, field, "expected values in descending order, got %g after %g",
				     m->pca.eig[i], m->pca.eig[i - 1]);
	m->pca.k = model_pca_kept(m->pca.eig, a, m->pca.variance);
	if (!m->pca.k)
		return failf(err, field, "expected at least one value above 0");
	if (member(o, "pca", "components", json_type_array, &comps, field, err))
		return -EINVAL;
	n = json_object_array_length(comps);
	if (n != m->pca.k)
		return failf(err, field,
			     "expected %zu components (those explaining %g of the variance), got %zu",
			     m->pca.k, m->pca.variance, n);
	m->pca.comp = malloc(n * a * sizeof(*m->pca.comp));
	if (!m->pca.comp)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++)
		if (read_component(json_object_array_get_idx(comps, i), i, m, err))
			return -EINVAL;
	return 0;
}

/* The type's own section, and not the other's. */
static int read_section(struct json_object *root, struct model *m, struct gh_err *err)
{
	const char *mine = model_type_name(m->type);
	const char *other = model_type_name(m->type == MODEL_KDE ? MODEL_PCA : MODEL_KDE);
	char field[FIELD_MAX];
	struct json_object *o;

	if (json_object_object_get_ex(root, other, NULL))
		return failf(err, other, "expected no %s section in a %s model", other, mine);
	if (member(root, "", mine, json_type_object, &o, field, err))
		return -EINVAL;
	return m->type == MODEL_KDE ? read_kde(o, m, err) : read_pca(o, m, err);
}

static int read_threshold(struct json_object *root, struct model *m, struct gh_err *err)
{
	char field[FIELD_MAX];
	struct json_object *v;
	double t = INFINITY;

	if (!json_object_object_get_ex(root, "threshold", &v))
		return failf(err, "threshold", "expected a number or null (unset), got nothing");
	if (v && number_in(v, "threshold", -DBL_MAX, DBL_MAX, &t, err))
		return -EINVAL;
	if (member(root, "", "threshold_method", json_type_string, &v, field, err))
		return -EINVAL;
	if ((size_t)json_object_get_string_len(v) >= MODEL_METHOD_MAX)
		return expected(err, field, "a method of at most 63 bytes", v);
	model_set_threshold(m, t, json_object_get_string(v));
	return 0;
}

static int read_header(struct json_object *root, enum model_type *type, struct gh_err *err)
{
	static const char *const keys[] = { "gatehawk_model", "type", "features", "kde", "pca",
					    "threshold", "threshold_method", "meta", NULL };
	char field[FIELD_MAX], what[64];
	struct json_object *v;
	int t;

	if (!json_object_is_type(root, json_type_object))
		return expected(err, "(top level)", "a JSON object (a gatehawk model)", root);
	if (only_keys(root, "", keys, err) ||
	    member(root, "", "gatehawk_model", json_type_int, &v, field, err))
		return -EINVAL;
	if (json_object_get_int64(v) != MODEL_VERSION) {
		snprintf(what, sizeof(what), "%d (the model file version this gatehawk reads)",
			 MODEL_VERSION);
		return expected(err, field, what, v);
	}
	if (member(root, "", "type", json_type_string, &v, field, err))
		return -EINVAL;
	t = model_type_by_name(json_object_get_string(v));
	if (t < 0)
		return expected(err, field, "\"kde\" or \"pca\"", v);
	*type = (enum model_type)t;
	if (json_object_object_get_ex(root, "meta", &v) && !json_object_is_type(v, json_type_object))
		return expected(err, "meta", "an object", v);
	return 0;
}

int model_from_json(struct json_object *o, struct model **out, struct json_object **meta,
		    struct gh_err *err)
{
	struct json_object *mo = NULL;
	enum model_type type = MODEL_KDE;
	struct model *m;
	int ret;

	*out = NULL;
	if (meta)
		*meta = NULL;
	ret = read_header(o, &type, err);
	if (ret)
		return ret;
	m = model_alloc(type, 0);
	if (!m)
		return gh_err_sys(err, -ENOMEM, "reading a model");
	ret = read_features(o, m, err);
	if (!ret)
		model_set_active(m);
	ret = ret ?: read_section(o, m, err) ?: read_threshold(o, m, err) ?: model_prepare(m);
	if (ret == -ENOMEM)
		gh_err_sys(err, ret, "reading a model");
	if (ret) {
		model_free(m);
		return ret;
	}
	if (meta && json_object_object_get_ex(o, "meta", &mo))
		*meta = json_object_get(mo);
	*out = m;
	return 0;
}

/* ---- files ---- */

int model_save(const struct model *m, struct json_object *meta, const char *path,
	       struct gh_err *err)
{
	struct json_object *o = model_to_json(m, meta);
	int ret = gh_json_file_save(path, o, "the model", err);

	json_object_put(o);
	return ret;
}

int model_load(const char *path, struct model **out, struct json_object **meta,
	       struct gh_err *err)
{
	struct json_object *root = NULL;
	int ret;

	*out = NULL;
	if (meta)
		*meta = NULL;
	ret = gh_json_file_load(path, MODEL_MAX_FILE, MODEL_JSON_DEPTH, "a model file", &root, err);
	if (!ret) {
		ret = model_from_json(root, out, meta, err);
		/* The message names the file, as every other message of this load does. */
		if (ret && err && err->input) {
			char msg[GH_ERR_MSG_MAX];

			snprintf(msg, sizeof(msg), "%s", err->msg);
			gh_err_input(err, "%s: %.*s", path, (int)(sizeof(msg) - 300), msg);
		}
		if (ret)
			gh_err_at(err, path, 0);
	}
	json_object_put(root);
	return ret;
}
