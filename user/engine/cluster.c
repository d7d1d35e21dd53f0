// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* k-means, silhouette and outliers on a matrix (the method: cluster.h). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/vec.h"
#include "engine/cluster.h"

#define Z90 1.2816 /* the 90th percentile of a normal, in sd from its median */
#define GOLDEN 0x9e3779b97f4a7c15ULL
#define CONVERGED_MOVES 1000

void cluster_opts_default(struct cluster_opts *o)
{
	*o = (struct cluster_opts){ .k_max = 8, .max_iter = 100, .sample = 2000,
				    .fit_rows = 20000, .seed = GOLDEN, .lone_z = 4,
				    .small_share = 0.05 };
}

/* splitmix64: the same sequence on every machine. */
static uint64_t rng_next(uint64_t *s)
{
	uint64_t z = (*s += GOLDEN);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double rng_unit(uint64_t *s)
{
	return (double)(rng_next(s) >> 11) * 0x1.0p-53;
}

static double dist2(const double *a, const double *b, size_t d)
{
	double s = 0;

	for (size_t j = 0; j < d; j++) {
		double t = a[j] - b[j];

		s += t * t;
	}
	return s;
}

void cluster_standardise(const double *x, size_t n, size_t d, const bool *log1p_cols, double *z)
{
	for (size_t j = 0; n && j < d; j++) {
		bool lg = log1p_cols && log1p_cols[j];
		double mean = 0, ss = 0, sd;

		for (size_t i = 0; i < n; i++) {
			double v = x[i * d + j];

			z[i * d + j] = lg ? log1p(fmax(v, 0)) : v;
			mean += z[i * d + j];
		}
		mean /= (double)n;
		for (size_t i = 0; i < n; i++)
			ss += (z[i * d + j] - mean) * (z[i * d + j] - mean);
		sd = sqrt(ss / (double)n);
		/* Relative: the rounding of a constant column's mean is no spread to magnify. */
		if (sd <= 1e-9 * fmax(1, fabs(mean)))
			sd = 1;
		for (size_t i = 0; i < n; i++)
			z[i * d + j] = (z[i * d + j] - mean) / sd;
	}
}

struct kmeans {
	const double *z;
	size_t n, d;
	unsigned int k;
	double *cent;    /* k x d */
	uint32_t *label; /* n */
	double *d2;      /* n: squared distance to the row's centre */
	size_t *size;    /* k */
};

/* A row drawn with probability proportional to d2 (total: their sum, > 0). */
static size_t draw_by_d2(const double *d2, size_t n, double total, uint64_t *rng)
{
	double r = rng_unit(rng) * total, acc = 0;
	size_t last = 0;

	for (size_t i = 0; i < n; i++) {
		if (d2[i] <= 0)
			continue;
		acc += d2[i];
		last = i;
		if (acc > r)
			return i;
	}
	return last; /* r rounded past the sum */
}

/*
 * Greedy k-means++: each new centre the best (lowest total squared distance)
 * of a few rows drawn by squared distance to the centres so far. false: fewer
 * than k distinct rows.
 */
static bool seed_centres(struct kmeans *km, uint64_t *rng)
{
	const double *z = km->z;
	size_t n = km->n, d = km->d;
	unsigned int tries = 2 + (unsigned int)log(km->k);

	memcpy(km->cent, z + (rng_next(rng) % n) * d, d * sizeof(double));
	for (size_t i = 0; i < n; i++)
		km->d2[i] = dist2(z + i * d, km->cent, d);
	for (unsigned int c = 1; c < km->k; c++) {
		double total = 0, best_pot = INFINITY;
		size_t best = 0;

		for (size_t i = 0; i < n; i++)
			total += km->d2[i];
		if (!(total > 0))
			return false;
		for (unsigned int t = 0; t < tries; t++) {
			size_t pick = draw_by_d2(km->d2, n, total, rng);
			double pot = 0;

			for (size_t i = 0; i < n; i++)
				pot += fmin(km->d2[i], dist2(z + i * d, z + pick * d, d));
			if (pot < best_pot) {
				best_pot = pot;
				best = pick;
			}
		}
		memcpy(km->cent + c * d, z + best * d, d * sizeof(double));
		for (size_t i = 0; i < n; i++)
			km->d2[i] = fmin(km->d2[i], dist2(z + i * d, km->cent + c * d, d));
	}
	return true;
}

/* Every row to its nearest centre (the lower index on a tie); how many moved. */
static size_t assign(struct kmeans *km)
{
	size_t moved = 0, d = km->d;

	for (size_t i = 0; i < km->n; i++) {
		const double *row = km->z + i * d;
		double bd = dist2(row, km->cent, d);
		uint32_t best = 0;

		for (uint32_t c = 1; c < km->k; c++) {
			double t = dist2(row, km->cent + c * d, d);

			if (t < bd) {
				bd = t;
				best = c;
			}
		}
		moved += km->label[i] != best;
		km->label[i] = best;
		km->d2[i] = bd;
	}
	return moved;
}

/* Centres to the means of their rows; an emptied one takes the farthest row. */
static void update(struct kmeans *km)
{
	size_t d = km->d;

	memset(km->cent, 0, km->k * d * sizeof(double));
	memset(km->size, 0, km->k * sizeof(size_t));
	for (size_t i = 0; i < km->n; i++) {
		double *c = km->cent + km->label[i] * d;

		km->size[km->label[i]]++;
		for (size_t j = 0; j < d; j++)
			c[j] += km->z[i * d + j];
	}
	for (unsigned int c = 0; c < km->k; c++) {
		size_t far = 0;

		if (km->size[c]) {
			for (size_t j = 0; j < d; j++)
				km->cent[c * d + j] /= (double)km->size[c];
			continue;
		}
		for (size_t i = 1; i < km->n; i++)
			if (km->d2[i] > km->d2[far])
				far = i;
		memcpy(km->cent + c * d, km->z + far * d, d * sizeof(double));
		km->d2[far] = 0; /* not the pick of another emptied centre */
	}
}

/*
 * Lloyd from the current centres. Stops when at most one row in
 * CONVERGED_MOVES moves (exactly converged below that many rows): on data
 * without clear groups the last moves change nothing that matters.
 */
static void lloyd(struct kmeans *km, unsigned int max_iter)
{
	for (size_t i = 0; i < km->n; i++)
		km->label[i] = UINT32_MAX;
	for (unsigned int it = 1; assign(km) * CONVERGED_MOVES > km->n && it < max_iter; it++)
		update(km);
}

/* false: fewer than k distinct rows. */
static bool kmeans(struct kmeans *km, unsigned int k, unsigned int max_iter, uint64_t seed)
{
	uint64_t rng = seed ^ (k * GOLDEN); /* each k its own stream: k_max changes no other k */

	km->k = k;
	if (!seed_centres(km, &rng))
		return false;
	lloyd(km, max_iter);
	return true;
}

/* Selection sampling (Knuth's algorithm S): m of n rows, in order, each equally likely. */
static void pick_rows(size_t n, size_t m, uint64_t seed, size_t *rows)
{
	for (size_t i = 0, got = 0; got < m; i++)
		if ((double)(n - i) * rng_unit(&seed) < (double)(m - got))
			rows[got++] = i;
}

/* The silhouette sample: its rows and their pairwise distances. */
struct sample {
	size_t *rows, m;
	float *dist;   /* condensed: pairs (a, b), a < b, in order */
	double *sums;  /* m x k_max: distance from row a to the sampled rows of each cluster */
	size_t *count; /* k_max */
};

static int sample_init(struct sample *s, const double *z, size_t n, size_t d, size_t want,
		       unsigned int k_max, uint64_t seed)
{
	size_t p = 0;

	s->m = n < want ? n : want;
	s->rows = malloc(s->m * sizeof(*s->rows));
	s->dist = malloc((s->m * (s->m - 1) / 2 + 1) * sizeof(*s->dist));
	s->sums = malloc(s->m * k_max * sizeof(*s->sums));
	s->count = malloc(k_max * sizeof(*s->count));
	if (!s->rows || !s->dist || !s->sums || !s->count)
		return -ENOMEM;
	pick_rows(n, s->m, seed, s->rows);
	for (size_t a = 0; a < s->m; a++)
		for (size_t b = a + 1; b < s->m; b++)
			s->dist[p++] = (float)sqrt(dist2(z + s->rows[a] * d, z + s->rows[b] * d, d));
	return 0;
}

static void sample_free(struct sample *s)
{
	free(s->rows);
	free(s->dist);
	free(s->sums);
	free(s->count);
}

/*
 * Mean silhouette over the sample: (b - a) / max(a, b) per row, a its mean
 * distance to its own cluster, b to the nearest other; 0 for a row alone in
 * its cluster (within the sample).
 */
static double silhouette(struct sample *s, const uint32_t *label, unsigned int k)
{
	double total = 0;
	size_t p = 0;

	memset(s->sums, 0, s->m * k * sizeof(*s->sums));
	memset(s->count, 0, k * sizeof(*s->count));
	for (size_t a = 0; a < s->m; a++)
		s->count[label[s->rows[a]]]++;
	for (size_t a = 0; a < s->m; a++) {
		uint32_t la = label[s->rows[a]];

		for (size_t b = a + 1; b < s->m; b++, p++) {
			s->sums[a * k + label[s->rows[b]]] += s->dist[p];
			s->sums[b * k + la] += s->dist[p];
		}
	}
	for (size_t a = 0; a < s->m; a++) {
		uint32_t own = label[s->rows[a]];
		double in, out = INFINITY, most;

		if (s->count[own] < 2)
			continue;
		in = s->sums[a * k + own] / (double)(s->count[own] - 1);
		for (uint32_t c = 0; c < k; c++)
			if (c != own && s->count[c])
				out = fmin(out, s->sums[a * k + c] / (double)s->count[c]);
		most = fmax(in, out);
		if (isfinite(out) && most > 0)
			total += (out - in) / most;
	}
	return total / (double)s->m;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median of v[0..n), n > 0; sorts v. */
static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Percentile q (0..1) of sorted v[0..n), linear between ranks. */
static double percentile(const double *v, size_t n, double q)
{
	double pos = q * (double)(n - 1);
	size_t lo = (size_t)pos;

	return lo + 1 < n ? v[lo] + (pos - (double)lo) * (v[lo + 1] - v[lo]) : v[lo];
}

static void typical_ranges(const double *x, struct cluster_result *res, double *buf)
{
	for (size_t j = 0; j < res->d; j++) {
		for (size_t i = 0; i < res->n; i++)
			buf[i] = x[i * res->d + j];
		qsort(buf, res->n, sizeof(*buf), cmp_double);
		res->typical_lo[j] = percentile(buf, res->n, 0.05);
		res->typical_hi[j] = percentile(buf, res->n, 0.95);
	}
}

/*
 * Median and spread of each big cluster's distances to its centroid (dist:
 * per row). The spread comes from the upper half, where the distances'
 * long tail is: over 14 generated logs of 100 browsers, a MAD (measured
 * mostly on the dense side) listed one or two ordinary browsers in 6; this
 * spread, in none.
 */
static void big_spreads(struct cluster_result *res, const double *dist, double *buf)
{
	for (uint32_t c = 0; c < res->k; c++) {
		struct cluster_info *ci = &res->clusters[c];
		size_t m = 0;

		if (!ci->big)
			continue;
		for (size_t i = 0; i < res->n; i++)
			if (res->label[i] == c)
				buf[m++] = dist[i];
		ci->median = median(buf, m);
		ci->spread = fmax((percentile(buf, m, 0.9) - ci->median) / Z90, CLUSTER_SPREAD_MIN);
	}
}

/* The big cluster whose centroid is nearest to p, and the distance. */
static uint32_t nearest_big(const struct cluster_result *res, const double *p, double *dist)
{
	uint32_t best = 0;

	*dist = INFINITY;
	for (uint32_t c = 0; c < res->k; c++) {
		double t;

		if (!res->clusters[c].big)
			continue;
		t = sqrt(dist2(p, res->centroid + c * res->d, res->d));
		if (t < *dist) {
			*dist = t;
			best = c;
		}
	}
	return best;
}

static double score_in(const struct cluster_info *big, double dist)
{
	return (dist - big->median) / big->spread;
}

/* Sizes; big and small; spreads of the big; which small ones lie far. */
static void classify(struct cluster_result *res, const struct cluster_opts *o, const double *dist,
		     double *buf)
{
	double small = fmax(2, o->small_share * (double)res->n);
	uint32_t largest = 0;
	bool any_big = false;

	for (size_t i = 0; i < res->n; i++)
		res->clusters[res->label[i]].size++;
	for (uint32_t c = 0; c < res->k; c++) {
		res->clusters[c].big = (double)res->clusters[c].size >= small;
		any_big |= res->clusters[c].big;
		if (res->clusters[c].size > res->clusters[largest].size)
			largest = c;
	}
	if (!any_big)
		res->clusters[largest].big = true;
	big_spreads(res, dist, buf);
	for (uint32_t c = 0; c < res->k; c++) {
		struct cluster_info *ci = &res->clusters[c];
		uint32_t b;

		if (ci->big || !ci->size)
			continue;
		b = nearest_big(res, res->centroid + c * res->d, &ci->distance);
		ci->far = score_in(&res->clusters[b], ci->distance) > o->lone_z;
	}
}

/* The columns where row p deviates most from centroid c, most first. */
static void name_apart(struct cluster_outlier *out, const double *p, const double *c, size_t d)
{
	double dev[CLUSTER_APART];

	out->n_apart = 0;
	for (uint32_t j = 0; j < d; j++) {
		double t = fabs(p[j] - c[j]);
		uint32_t at = out->n_apart;

		while (at > 0 && t > dev[at - 1])
			at--;
		if (at >= CLUSTER_APART)
			continue;
		if (out->n_apart < CLUSTER_APART)
			out->n_apart++;
		memmove(&dev[at + 1], &dev[at], (out->n_apart - 1 - at) * sizeof(*dev));
		memmove(&out->apart[at + 1], &out->apart[at],
			(out->n_apart - 1 - at) * sizeof(*out->apart));
		dev[at] = t;
		out->apart[at] = j;
	}
}

static int by_distance_desc(const void *a, const void *b)
{
	const struct cluster_outlier *x = a, *y = b;

	if (x->distance != y->distance)
		return x->distance < y->distance ? 1 : -1;
	return (x->row > y->row) - (x->row < y->row);
}

static int find_outliers(const double *z, struct cluster_result *res, const struct cluster_opts *o)
{
	size_t cap = 0;

	for (size_t i = 0; i < res->n; i++) {
		const double *p = z + i * res->d;
		const struct cluster_info *own = &res->clusters[res->label[i]];
		struct cluster_outlier out = { .row = i, .cluster = res->label[i] };

		out.nearest = nearest_big(res, p, &out.distance);
		out.score = score_in(&res->clusters[out.nearest], out.distance);
		if (!own->far && out.score <= o->lone_z)
			continue;
		out.grouped = own->far && own->size > 1;
		name_apart(&out, p, res->centroid + out.nearest * res->d, res->d);
		if (gh_vec_reserve((void **)&res->outliers, &cap, res->n_outliers, sizeof(out), 16))
			return -ENOMEM;
		res->outliers[res->n_outliers++] = out;
	}
	qsort(res->outliers, res->n_outliers, sizeof(*res->outliers), by_distance_desc);
	return 0;
}

static int check_input(const double *x, size_t n, size_t d, const struct cluster_opts *o,
		       struct gh_err *e)
{
	if (o->k_max < 2 || o->k_max > CLUSTER_K_LIMIT || !o->max_iter || o->sample < 3 ||
	    o->fit_rows < 3 ||
	    !(o->lone_z > 0) || !isfinite(o->lone_z) || !(o->small_share >= 0) ||
	    o->small_share >= 1 || !d)
		return gh_err_input(e, "cluster: bad options (k_max 2..%d, max_iter and columns "
				       "at least 1, sample and fit_rows at least 3, lone_z > 0, small_share "
				       "0..1)", CLUSTER_K_LIMIT);
	for (size_t i = 0; i < n * d; i++)
		if (!isfinite(x[i]))
			return gh_err_input(e, "cluster: row %zu, column %zu: %g is not a finite "
					       "number", i / d, i % d, x[i]);
	return 0;
}

static int kmeans_alloc(struct kmeans *km, const double *z, size_t n, size_t d,
			unsigned int k_max)
{
	*km = (struct kmeans){ .z = z, .n = n, .d = d };
	km->cent = malloc(k_max * d * sizeof(*km->cent));
	km->label = malloc(n * sizeof(*km->label));
	km->d2 = malloc(n * sizeof(*km->d2));
	km->size = malloc(k_max * sizeof(*km->size));
	return km->cent && km->label && km->d2 && km->size ? 0 : -ENOMEM;
}

static void kmeans_free(struct kmeans *km)
{
	free(km->cent);
	free(km->label);
	free(km->d2);
	free(km->size);
}

/*
 * Try k = 2..k_max on the rows zf (nf of them): the best k, the silhouettes
 * and the centroids land in res, the labels of those rows in label.
 */
static int choose_k(const double *zf, size_t nf, struct cluster_result *res,
		    const struct cluster_opts *o, uint32_t *label)
{
	size_t d = res->d;
	struct kmeans km;
	struct sample s = { 0 };
	int err = -ENOMEM;

	if (kmeans_alloc(&km, zf, nf, d, o->k_max) ||
	    sample_init(&s, zf, nf, d, o->sample, o->k_max, o->seed))
		goto out;
	res->sample = s.m;
	for (unsigned int k = 2; k <= o->k_max && k <= nf; k++) {
		if (!kmeans(&km, k, o->max_iter, o->seed))
			break;
		res->k_tried = k;
		res->silhouette_k[k] = silhouette(&s, km.label, k);
		if (res->k && res->silhouette_k[k] <= res->silhouette + 1e-12)
			continue;
		res->k = k;
		res->silhouette = res->silhouette_k[k];
		memcpy(label, km.label, nf * sizeof(*km.label));
		memcpy(res->centroid, km.cent, k * d * sizeof(*km.cent));
	}
	res->skip = res->k ? CLUSTER_DONE : CLUSTER_ALL_ALIKE;
	err = 0;
out:
	kmeans_free(&km);
	sample_free(&s);
	return err;
}

/* The chosen centroids fitted to every row. */
static int fit_all(const double *z, struct cluster_result *res, const struct cluster_opts *o)
{
	struct kmeans km;

	if (kmeans_alloc(&km, z, res->n, res->d, res->k)) {
		kmeans_free(&km);
		return -ENOMEM;
	}
	km.k = res->k;
	memcpy(km.cent, res->centroid, res->k * res->d * sizeof(*km.cent));
	lloyd(&km, o->max_iter);
	memcpy(res->label, km.label, res->n * sizeof(*km.label));
	memcpy(res->centroid, km.cent, res->k * res->d * sizeof(*km.cent));
	kmeans_free(&km);
	return 0;
}

/* k chosen on at most fit_rows rows (all of them when there are no more), then fitted to all. */
static int cluster_rows(const double *z, struct cluster_result *res, const struct cluster_opts *o)
{
	size_t n = res->n, d = res->d, nf = n < o->fit_rows ? n : o->fit_rows;
	size_t *rows;
	double *zf;
	uint32_t *label;
	int err = -ENOMEM;

	if (nf == n)
		return choose_k(z, n, res, o, res->label);
	rows = malloc(nf * sizeof(*rows));
	zf = malloc(nf * d * sizeof(*zf));
	label = malloc(nf * sizeof(*label));
	if (rows && zf && label) {
		pick_rows(n, nf, o->seed + 1, rows);
		for (size_t i = 0; i < nf; i++)
			memcpy(zf + i * d, z + rows[i] * d, d * sizeof(*zf));
		err = choose_k(zf, nf, res, o, label);
		if (!err && res->k)
			err = fit_all(z, res, o);
		/* The sample all alike: the few rows unlike them are what this is for. */
		if (!err && !res->k)
			err = choose_k(z, n, res, o, res->label);
	}
	free(rows);
	free(zf);
	free(label);
	return err;
}

int cluster_run(const double *x, size_t n, size_t d, const bool *log1p_cols,
		const struct cluster_opts *o, struct cluster_result *res, struct gh_err *e)
{
	double *z = NULL, *buf = NULL, *dist = NULL;
	int err;

	*res = (struct cluster_result){ .n = n, .d = d };
	err = check_input(x, n, d, o, e);
	if (err)
		return err;
	if (n < 3) {
		res->skip = CLUSTER_TOO_FEW;
		return 0;
	}
	z = malloc(n * d * sizeof(*z));
	buf = malloc(n * sizeof(*buf));
	dist = malloc(n * sizeof(*dist));
	res->label = malloc(n * sizeof(*res->label));
	res->centroid = malloc(o->k_max * d * sizeof(*res->centroid));
	res->clusters = calloc(o->k_max, sizeof(*res->clusters));
	res->typical_lo = malloc(d * sizeof(*res->typical_lo));
	res->typical_hi = malloc(d * sizeof(*res->typical_hi));
	err = -ENOMEM;
	if (!z || !buf || !dist || !res->label || !res->centroid || !res->clusters ||
	    !res->typical_lo || !res->typical_hi)
		goto out;
	cluster_standardise(x, n, d, log1p_cols, z);
	typical_ranges(x, res, buf);
	if (cluster_rows(z, res, o))
		goto out;
	if (res->k) {
		for (size_t i = 0; i < n; i++)
			dist[i] = sqrt(dist2(z + i * d, res->centroid + res->label[i] * d, d));
		classify(res, o, dist, buf);
		if (find_outliers(z, res, o))
			goto out;
	}
	err = 0;
out:
	free(z);
	free(buf);
	free(dist);
	if (err) {
		cluster_result_free(res);
		gh_err_sys(e, err, "cluster: %zu rows of %zu columns", n, d);
	}
	return err;
}

void cluster_result_free(struct cluster_result *res)
{
	free(res->label);
	free(res->centroid);
	free(res->clusters);
	free(res->outliers);
	free(res->typical_lo);
	free(res->typical_hi);
	*res = (struct cluster_result){ 0 };
}
