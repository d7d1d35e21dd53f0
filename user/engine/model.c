// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Fitting, scoring and explaining the behaviour models of model.h; the file
 * format is model_json.c.
 */
#include <errno.h>
#include <float.h>
#include <lapacke.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/eval.h"
#include "engine/model_internal.h"

/* Larger raw values are refused: their squares and sums would overflow. */
#define MAX_ABS_VALUE 1e150
/* A feature whose sd is below this share of its largest |value| is constant. */
#define CONSTANT_SD_SHARE 1e-9

/* A spike of identical values must not give a zero bandwidth. */
#define KDE_BANDWIDTH_FLOOR 0.05
/* The table spans the samples plus this many bandwidths either side. */
#define KDE_TABLE_REACH 6.0
/* Table points per bandwidth: the log-density of an isolated sample is a
 * parabola, which linear interpolation misses by step^2 / (8 h^2) = 1/512. */
#define KDE_POINTS_PER_BW 8.0
#define KDE_TABLE_MIN 256
#define KDE_TABLE_MAX 16384
/* Kernels further than the nearest sample plus this many bandwidths weigh
 * less than e^-32 of the nearest one: left out when building the table. */
#define KDE_KERNEL_REACH 8.0
#define LOG_SQRT_2PI 0.91893853320467274178

/* Along a kept component, projections within this many sds are normal. */
#define PCA_SD_LIMIT 3.0

static const char *const type_names[] = { [MODEL_KDE] = "kde", [MODEL_PCA] = "pca" };

const char *model_type_name(enum model_type t)
{
	return t == MODEL_KDE || t == MODEL_PCA ? type_names[t] : "unknown";
}

int model_type_by_name(const char *name)
{
	for (int t = MODEL_KDE; t <= MODEL_PCA; t++)
		if (name && !strcmp(name, type_names[t]))
			return t;
	return -1;
}

enum model_type model_type(const struct model *m)
{
	return m->type;
}

size_t model_dims(const struct model *m)
{
	return m->d;
}

const char *model_feature_name(const struct model *m, size_t i)
{
	return i < m->d ? m->feat[i].name : NULL;
}

bool model_feature_log1p(const struct model *m, size_t i)
{
	return i < m->d && m->feat[i].log1p;
}

bool model_feature_constant(const struct model *m, size_t i)
{
	return i < m->d && m->feat[i].constant;
}

double model_threshold(const struct model *m)
{
	return m->threshold;
}

void model_set_threshold(struct model *m, double threshold, const char *method)
{
	/* NaN would never fire: say so with +inf. -inf and -DBL_MAX flag the same scores. */
	m->threshold = isnan(threshold) ? INFINITY : threshold == -INFINITY ? -DBL_MAX : threshold;
	snprintf(m->method, sizeof(m->method), "%s", method ? method : "");
}

const char *model_threshold_method(const struct model *m)
{
	return m->method;
}

const char *model_name_problem(const char *name)
{
	static const char expected[] = "a name of 1 to 31 printable ASCII characters, no space";
	size_t n = name ? strlen(name) : 0;

	if (!n || n >= MODEL_NAME_MAX)
		return expected;
	for (size_t i = 0; i < n; i++)
		if (name[i] <= ' ' || name[i] > '~')
			return expected;
	return NULL;
}

struct model *model_alloc(enum model_type type, size_t d)
{
	struct model *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->type = type;
	m->d = d;
	model_set_threshold(m, INFINITY, "unset");
	return m;
}

void model_free(struct model *m)
{
	if (!m)
		return;
	free(m->kde.samples);
	for (size_t j = 0; j < m->d; j++)
		free(m->kde.tab[j].logf);
	free(m->pca.comp);
	free(m);
}

/* ---- the density table of one kde feature ---- */

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Distinct sorted sample values and how many samples hold each. */
struct kde_column {
	double *v, *count;
	size_t n_distinct, n;
};

/* log f(z) from every kernel that matters, relative to the nearest one so
 * that a point far from all samples still gets a finite log. */
static double kde_exact_logf(const struct kde_column *c, double h, double z)
{
	size_t lo = 0, hi = c->n_distinct, p;
	double nearest = INFINITY, reach, sum = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->v[mid] < z)
			lo = mid + 1;
		else
			hi = mid;
	}
	p = lo; /* first value >= z */
	if (p < c->n_distinct)
		nearest = c->v[p] - z;
	if (p > 0 && z - c->v[p - 1] < nearest)
		nearest = z - c->v[p - 1];
	reach = nearest + KDE_KERNEL_REACH * h;
	for (size_t i = p; i < c->n_distinct && c->v[i] - z <= reach; i++)
		sum += c->count[i] * exp(-((c->v[i] - z) * (c->v[i] - z) - nearest * nearest) /
					 (2 * h * h));
	for (size_t i = p; i-- > 0 && z - c->v[i] <= reach;)
		sum += c->count[i] * exp(-((z - c->v[i]) * (z - c->v[i]) - nearest * nearest) /
					 (2 * h * h));
	return log(sum) - nearest * nearest / (2 * h * h) - log((double)c->n * h) - LOG_SQRT_2PI;
}

/* Feature j's column of the n samples, sorted and run-length counted. */
static int kde_column_of(const struct model *m, size_t j, struct kde_column *c)
{
	size_t n = m->kde.n, k = 0;

	c->v = malloc(n * sizeof(*c->v));
	c->count = malloc(n * sizeof(*c->count));
	if (!c->v || !c->count)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++)
		c->v[i] = m->kde.samples[i * m->d + j];
	qsort(c->v, n, sizeof(*c->v), cmp_double);
	for (size_t i = 0; i < n; i++) {
		if (k && c->v[k - 1] == c->v[i]) {
			c->count[k - 1] += 1;
			continue;
		}
		c->v[k] = c->v[i];
		c->count[k++] = 1;
	}
	c->n_distinct = k;
	c->n = n;
	return 0;
}

static int kde_build_table(const struct model *m, size_t j, struct kde_table *t)
{
	struct kde_column c = { 0 };
	double h = m->kde.bw[j], span, want, step;
	int ret = kde_column_of(m, j, &c);

	if (!ret) {
		t->first = c.v[0];
		t->last = c.v[c.n_distinct - 1];
		t->lo = t->first - KDE_TABLE_REACH * h;
		span = t->last + KDE_TABLE_REACH * h - t->lo;
		want = ceil(span / h * KDE_POINTS_PER_BW) + 1;
		t->points = want < KDE_TABLE_MIN   ? KDE_TABLE_MIN
			    : want > KDE_TABLE_MAX ? KDE_TABLE_MAX
						   : (size_t)want;
		step = span / (double)(t->points - 1);
		t->inv_step = 1 / step;
		t->logf = malloc(t->points * sizeof(*t->logf));
		ret = t->logf ? 0 : -ENOMEM;
	}
	for (size_t i = 0; !ret && i < t->points; i++)
		t->logf[i] = kde_exact_logf(&c, h, t->lo + (double)i * step);
	free(c.v);
	free(c.count);
	return ret;
}

/* log f_j(z): the table, linearly interpolated, O(1). */
static inline double kde_logf(const struct kde_table *t, double h, double z)
{
	double u = (z - t->lo) * t->inv_step, dist, end, reach = KDE_TABLE_REACH * h;

	if (u >= 0 && u < (double)(t->points - 1)) {
		size_t i = (size_t)u;
		double frac = u - (double)i;

		return t->logf[i] + frac * (t->logf[i + 1] - t->logf[i]);
	}
	/*
	 * Beyond the table: the Gaussian tail of the edge sample, which grows
	 * quadratically and never reaches -inf, shifted to meet the table's
	 * end so the score has no step there. NaN lands here and stays NaN.
	 */
	if (z < t->lo) {
		dist = t->first - z;
		end = t->logf[0];
	} else {
		dist = z - t->last;
		end = t->logf[t->points - 1];
	}
	return end - (dist * dist - reach * reach) / (2 * h * h);
}

/* ---- shared by fit and load ---- */

void model_set_active(struct model *m)
{
	m->n_active = 0;
	for (size_t j = 0; j < m->d; j++)
		if (!m->feat[j].constant)
			m->active[m->n_active++] = j;
}

size_t model_pca_kept(const double *eig, size_t n, double variance)
{
	double total = 0, sum = 0;
	size_t positive = 0;

	for (size_t i = 0; i < n; i++) {
		total += eig[i];
		positive += eig[i] > 0;
	}
	for (size_t i = 0; i < n; i++) {
		sum += eig[i];
		if (eig[i] > 0 && sum >= variance * total)
			return i + 1;
	}
	/* Rounding kept the share just short of 1: every direction with variance. */
	return positive;
}

int model_prepare(struct model *m)
{
	model_set_active(m);
	for (size_t a = 0; m->type == MODEL_KDE && a < m->n_active; a++) {
		size_t j = m->active[a];
		int ret = kde_build_table(m, j, &m->kde.tab[j]);

		if (ret)
			return ret;
	}
	for (size_t i = 0; m->type == MODEL_PCA && i < m->pca.k; i++)
		m->pca.inv_sd[i] = 1 / sqrt(m->pca.eig[i]);
	return 0;
}

/* ---- fitting ---- */

static int check_opts(const struct model_fit_opts *o, size_t n, struct gh_err *err)
{
	if (o->type != MODEL_KDE && o->type != MODEL_PCA)
		return gh_err_input(err, "model type: expected kde or pca, got %d", (int)o->type);
	if (!o->d || o->d > MODEL_MAX_FEATURES)
		return gh_err_input(err, "expected 1 to %d features, got %zu", MODEL_MAX_FEATURES,
				    o->d);
	for (size_t j = 0; j < o->d; j++) {
		const char *problem = model_name_problem(o->names ? o->names[j] : NULL);

		if (problem)
			return gh_err_input(err, "feature %zu: expected %s", j + 1, problem);
		for (size_t i = 0; i < j; i++)
			if (!strcmp(o->names[i], o->names[j]))
				return gh_err_input(err,
						    "feature %zu: expected a name unique among the "
						    "features, got \"%s\" (also feature %zu)",
						    j + 1, o->names[j], i + 1);
	}
	if (o->variance != 0 && !(o->variance > 0 && o->variance <= 1))
		return gh_err_input(err, "pca variance: expected a share above 0 and at most 1, got %g",
				    o->variance);
	if (o->max_samples && o->max_samples < MODEL_MIN_VECTORS)
		return gh_err_input(err, "kde max_samples: expected at least %d, got %zu",
				    MODEL_MIN_VECTORS, o->max_samples);
	if (n < MODEL_MIN_VECTORS)
		return gh_err_input(err, "expected at least %d training vectors, got %zu",
				    MODEL_MIN_VECTORS, n);
	return 0;
}

static int check_values(const struct model_fit_opts *o, const double *x, size_t n,
			struct gh_err *err)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < o->d; j++) {
			double v = x[i * o->d + j];

			if (!isfinite(v))
				return gh_err_input(err,
						    "training vector %zu, feature %s: expected a "
						    "finite number, got %g",
						    i + 1, o->names[j], v);
			if (fabs(v) > MAX_ABS_VALUE)
				return gh_err_input(err,
						    "training vector %zu, feature %s: expected a "
						    "number of magnitude at most %g, got %g",
						    i + 1, o->names[j], MAX_ABS_VALUE, v);
		}
	return 0;
}

static inline double transform(const struct model_feature *f, double x)
{
	/* Not fmax: it would turn NaN into 0, and NaN must reach the score. */
	return f->log1p ? log1p(x < 0 ? 0 : x) : x;
}

/* Mean and sample sd of n values, two passes for accuracy. */
static void mean_sd(const double *v, size_t n, size_t stride, double *mean, double *sd)
{
	double sum = 0, sq = 0;

	for (size_t i = 0; i < n; i++)
		sum += v[i * stride];
	*mean = sum / (double)n;
	for (size_t i = 0; i < n; i++)
		sq += (v[i * stride] - *mean) * (v[i * stride] - *mean);
	*sd = sqrt(sq / (double)(n - 1));
}

/* Per feature: normal range, transform, mean, sd, constant; z gets the standardised values. */
static int fit_features(struct model *m, const struct model_fit_opts *o, const double *x,
			size_t n, double *z)
{
	double *col = malloc(n * sizeof(*col));

	if (!col)
		return -ENOMEM;
	for (size_t j = 0; j < m->d; j++) {
		struct model_feature *f = &m->feat[j];
		double largest = 0;

		snprintf(f->name, sizeof(f->name), "%s", o->names[j]);
		f->log1p = o->log1p && o->log1p[j];
		for (size_t i = 0; i < n; i++)
			col[i] = x[i * m->d + j];
		f->p01 = eval_quantile(col, n, 0.01);
		f->p99 = eval_quantile(col, n, 0.99);
		if (isnan(f->p01) || isnan(f->p99)) {
			free(col);
			return -ENOMEM;
		}
		for (size_t i = 0; i < n; i++) {
			col[i] = transform(f, col[i]);
			largest = fmax(largest, fabs(col[i]));
		}
		mean_sd(col, n, 1, &f->mean, &f->sd);
		f->constant = !(f->sd > CONSTANT_SD_SHARE * largest);
		for (size_t i = 0; i < n; i++)
			z[i * m->d + j] = f->constant ? 0 : (col[i] - f->mean) / f->sd;
	}
	free(col);
	return 0;
}

/* Silverman's rule of thumb on one standardised column of the kept samples. */
static int kde_bandwidth(const struct model *m, size_t j, double *h)
{
	size_t n = m->kde.n;
	double *col = malloc(n * sizeof(*col)), mean, sd, iqr, spread;

	if (!col)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++)
		col[i] = m->kde.samples[i * m->d + j];
	mean_sd(col, n, 1, &mean, &sd);
	iqr = eval_quantile(col, n, 0.75) - eval_quantile(col, n, 0.25);
	free(col);
	if (isnan(iqr))
		return -ENOMEM;
	spread = fmin(sd, iqr / 1.34);
	/* A spike holding half the samples has no IQR; sd still sees the rest (R's bw.nrd0). */
	if (!(spread > 0))
		spread = sd;
	*h = fmax(0.9 * spread * pow((double)n, -0.2), KDE_BANDWIDTH_FLOOR);
	return 0;
}

static int kde_fit(struct model *m, const double *z, size_t n, size_t max_samples)
{
	size_t keep = n < max_samples ? n : max_samples, d = m->d;

	m->kde.samples = malloc(keep * d * sizeof(*m->kde.samples));
	if (!m->kde.samples)
		return -ENOMEM;
	m->kde.n = keep;
	/* Evenly spread rows, by index: deterministic, and keeps the first. */
	for (size_t i = 0; i < keep; i++)
		memcpy(&m->kde.samples[i * d], &z[(i * n / keep) * d], d * sizeof(*z));
	for (size_t j = 0; j < d; j++) {
		int ret = kde_bandwidth(m, j, &m->kde.bw[j]);

		if (ret)
			return ret;
	}
	return 0;
}

/* Component signs are arbitrary; make each one's largest entry positive, for stable files. */
static void orient(double *v, size_t n)
{
	size_t big = 0;

	for (size_t i = 1; i < n; i++)
		if (fabs(v[i]) > fabs(v[big]))
			big = i;
	if (v[big] < 0)
		for (size_t i = 0; i < n; i++)
			v[i] = -v[i];
}

static int pca_fit(struct model *m, const double *z, size_t n, double variance,
		   struct gh_err *err)
{
	size_t a = m->n_active, d = m->d;
	double *cov = calloc(a * a, sizeof(*cov)), *vec = malloc(a * a * sizeof(*vec));
	double w[MODEL_MAX_FEATURES];
	lapack_int found, support[2 * MODEL_MAX_FEATURES], info;
	int ret = 0;

	if (!cov || !vec) {
		ret = -ENOMEM;
		goto out;
	}
	/* Means are 0 after standardising: the covariance is sum z z^T / (n - 1). */
	for (size_t r = 0; r < n; r++)
		for (size_t p = 0; p < a; p++)
			for (size_t q = p; q < a; q++)
				cov[p * a + q] += z[r * d + m->active[p]] * z[r * d + m->active[q]];
	for (size_t p = 0; p < a; p++)
		for (size_t q = p; q < a; q++)
			cov[q * a + p] = cov[p * a + q] /= (double)(n - 1);
	info = LAPACKE_dsyevr(LAPACK_ROW_MAJOR, 'V', 'A', 'U', (lapack_int)a, cov, (lapack_int)a,
			      0, 0, 0, 0, LAPACKE_dlamch('S'), &found, w, vec, (lapack_int)a,
			      support);
	if (info == LAPACK_WORK_MEMORY_ERROR || info == LAPACK_TRANSPOSE_MEMORY_ERROR) {
		ret = -ENOMEM;
		goto out;
	}
	if (info || (size_t)found != a) {
		ret = gh_err_fail(err, -EIO, "pca: the eigen-decomposition failed (dsyevr info %d)",
				  (int)info);
		goto out;
	}
	/* dsyevr sorts ascending; the model keeps them descending. */
	for (size_t i = 0; i < a; i++)
		m->pca.eig[i] = fmax(w[a - 1 - i], 0);
	m->pca.variance = variance;
	m->pca.k = model_pca_kept(m->pca.eig, a, variance);
	m->pca.comp = malloc(m->pca.k * a * sizeof(*m->pca.comp));
	if (!m->pca.comp) {
		ret = -ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < m->pca.k; i++) {
		for (size_t r = 0; r < a; r++)
			m->pca.comp[i * a + r] = vec[r * a + (a - 1 - i)];
		orient(&m->pca.comp[i * a], a);
	}
out:
	free(cov);
	free(vec);
	return ret;
}

int model_fit(const struct model_fit_opts *o, const double *x, size_t n, struct model **out,
	      struct gh_err *err)
{
	struct model *m = NULL;
	double *z = NULL;
	int ret;

	*out = NULL;
	ret = check_opts(o, n, err);
	if (!ret)
		ret = check_values(o, x, n, err);
	if (ret)
		return ret;
	m = model_alloc(o->type, o->d);
	z = malloc(n * o->d * sizeof(*z));
	ret = m && z ? fit_features(m, o, x, n, z) : -ENOMEM;
	if (ret)
		goto out;
	model_set_active(m);
	if (!m->n_active) {
		ret = gh_err_input(err,
				   "every feature is constant over the %zu training vectors: "
				   "nothing to learn from",
				   n);
		goto out;
	}
	if (o->type == MODEL_KDE)
		ret = kde_fit(m, z, n, o->max_samples ? o->max_samples : MODEL_DEFAULT_MAX_SAMPLES);
	else
		ret = pca_fit(m, z, n, o->variance ? o->variance : MODEL_DEFAULT_VARIANCE, err);
	if (!ret)
		ret = model_prepare(m);
out:
	free(z);
	if (ret == -ENOMEM)
		gh_err_sys(err, ret, "fitting a %s model", model_type_name(o->type));
	if (ret) {
		model_free(m);
		return ret;
	}
	*out = m;
	return 0;
}

/* ---- scoring ---- */

/* The standardised values of the active features of x. */
static inline void active_z(const struct model *m, const double *x, double *z)
{
	for (size_t a = 0; a < m->n_active; a++) {
		const struct model_feature *f = &m->feat[m->active[a]];

		z[a] = (transform(f, x[m->active[a]]) - f->mean) / f->sd;
	}
}

/*
 * The pca score of z; contrib (when not NULL, zeroed) gets each active
 * feature's share: its squared residual plus, for every kept component whose
 * projection lies beyond PCA_SD_LIMIT, that excess apportioned by the
 * feature's squared loading (loadings are unit vectors, so the shares add up
 * to the score).
 */
static double pca_score(const struct model *m, const double *z, double *contrib)
{
	size_t a = m->n_active;
	double r[MODEL_MAX_FEATURES], score = 0;

	memcpy(r, z, a * sizeof(*r));
	for (size_t i = 0; i < m->pca.k; i++) {
		const double *p = &m->pca.comp[i * a];
		double t = 0, excess;

		for (size_t j = 0; j < a; j++)
			t += p[j] * z[j];
		for (size_t j = 0; j < a; j++)
			r[j] -= t * p[j];
		excess = fabs(t) * m->pca.inv_sd[i] - PCA_SD_LIMIT;
		if (!(excess > 0))
			continue;
		score += excess * excess;
		for (size_t j = 0; contrib && j < a; j++)
			contrib[j] += excess * excess * p[j] * p[j];
	}
	for (size_t j = 0; j < a; j++) {
		score += r[j] * r[j];
		if (contrib)
			contrib[j] += r[j] * r[j];
	}
	return score;
}

double model_score(const struct model *m, const double *x)
{
	double z[MODEL_MAX_FEATURES], score = 0;

	active_z(m, x, z);
	if (m->type == MODEL_PCA)
		return pca_score(m, z, NULL);
	for (size_t a = 0; a < m->n_active; a++) {
		size_t j = m->active[a];

		score -= kde_logf(&m->kde.tab[j], m->kde.bw[j], z[a]);
	}
	return score;
}

/* Largest contribution first, NaN before everything; ties by feature order. */
static int cmp_contrib(const void *pa, const void *pb)
{
	const struct model_contrib *a = pa, *b = pb;

	if (isnan(a->contribution) != isnan(b->contribution))
		return isnan(a->contribution) ? -1 : 1;
	if (a->contribution != b->contribution && !isnan(a->contribution))
		return a->contribution > b->contribution ? -1 : 1;
	return (a->feature > b->feature) - (a->feature < b->feature);
}

size_t model_explain(const struct model *m, const double *x, struct model_contrib *out,
		     size_t max)
{
	double z[MODEL_MAX_FEATURES] = { 0 }, c[MODEL_MAX_FEATURES] = { 0 };
	struct model_contrib all[MODEL_MAX_FEATURES];
	size_t n = m->n_active < max ? m->n_active : max;

	active_z(m, x, z);
	if (m->type == MODEL_PCA)
		pca_score(m, z, c);
	for (size_t a = 0; a < m->n_active; a++) {
		size_t j = m->active[a];

		if (m->type == MODEL_KDE)
			c[a] = -kde_logf(&m->kde.tab[j], m->kde.bw[j], z[a]);
		all[a] = (struct model_contrib){ .feature = j, .value = x[j], .contribution = c[a],
						 .lo = m->feat[j].p01, .hi = m->feat[j].p99 };
	}
	qsort(all, m->n_active, sizeof(*all), cmp_contrib);
	memcpy(out, all, n * sizeof(*out));
	return n;
}
