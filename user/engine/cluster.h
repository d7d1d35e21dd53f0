/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Clustering rows of a matrix and picking out the rows that fit no large
 * cluster: what `gatehawk outliers` runs on per-source feature vectors. Pure
 * numerics, deterministic (one seeded generator makes every random choice):
 *
 *   standardise  log1p on the heavy-tailed columns, then centre and scale
 *                each column (a constant column gets sd 1: it stays 0);
 *   k-means      for k = 2..k_max, greedy k-means++ seeding and bounded
 *                Lloyd iterations;
 *   choose k     the highest mean silhouette, computed on a fixed sample of
 *                at most `sample` rows (O(sample^2), not O(n^2)); with more
 *                than fit_rows rows, k is chosen on a sample of fit_rows and
 *                its centroids then fitted to every row, so the cost of
 *                trying every k does not grow with n;
 *   outliers     a cluster is small under max(2, small_share * n) rows,
 *                big otherwise. A big cluster's rows' distances to its
 *                centroid have a median and a spread, (90th percentile -
 *                median) / 1.2816 (a normal's sd, measured on the tail side;
 *                robust while under a tenth of the rows are outliers); a
 *                point lies beyond the cluster when its score, (distance -
 *                median) / spread, exceeds lone_z. Listed: every row of a
 *                small cluster whose centroid lies beyond its nearest big
 *                cluster, and every other row beyond its nearest big cluster
 *                (a lone point).
 *
 * Distances are Euclidean in standardised units. Results never hold NaN.
 */
#ifndef GATEHAWK_CLUSTER_H
#define GATEHAWK_CLUSTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define CLUSTER_K_LIMIT 16 /* largest k_max */
#define CLUSTER_APART 3    /* columns named per outlier */
/*
 * Least spread of a big cluster, in standardised units: rows all alike (a
 * thousand copies of one bot) must not make every small difference an outlier.
 */
#define CLUSTER_SPREAD_MIN 0.25

struct cluster_opts {
	unsigned int k_max;    /* k = 2..k_max tried, at most CLUSTER_K_LIMIT */
	unsigned int max_iter; /* Lloyd iterations per k */
	size_t sample;         /* rows the silhouette is computed on */
	size_t fit_rows;       /* rows k is chosen on */
	uint64_t seed;
	double lone_z;         /* robust z beyond which a row lies outside a cluster */
	double small_share;    /* share of the rows under which a cluster is small */
};

/* k_max 8, max_iter 100, sample 2000, fit_rows 20000, lone_z 4, small_share 0.05. */
void cluster_opts_default(struct cluster_opts *o);

/* Why no clustering was done (k == 0). */
enum cluster_skip {
	CLUSTER_DONE,
	CLUSTER_TOO_FEW,   /* fewer than 3 rows */
	CLUSTER_ALL_ALIKE, /* every row the same */
};

struct cluster_info {
	size_t size;
	bool big;
	bool far;        /* small and its centroid beyond its nearest big cluster */
	double median;   /* big: median distance of its rows to the centroid */
	double spread;   /* big: their spread (see above), at least CLUSTER_SPREAD_MIN */
	double distance; /* small: its centroid to the nearest big centroid */
};

struct cluster_outlier {
	size_t row;
	uint32_t cluster; /* the row's own cluster */
	uint32_t nearest; /* the big cluster it was measured against */
	bool grouped;     /* in a far small cluster of two rows or more */
	double distance;  /* to the nearest big centroid */
	double score;     /* (distance - median) / spread of that cluster */
	/* Columns deviating most from that centroid, most first. */
	uint32_t apart[CLUSTER_APART];
	uint32_t n_apart;
};

struct cluster_result {
	size_t n, d;
	enum cluster_skip skip;
	unsigned int k; /* chosen; 0 when skipped */
	double silhouette;
	/* Mean silhouette of each k tried, k = 2..k_tried; fewer distinct rows than k stop the tries. */
	double silhouette_k[CLUSTER_K_LIMIT + 1];
	unsigned int k_tried;
	size_t sample;       /* rows in the silhouette sample */
	uint32_t *label;     /* n: each row's cluster */
	double *centroid;    /* k x d, standardised */
	struct cluster_info *clusters; /* k */
	struct cluster_outlier *outliers; /* by distance, farthest first */
	size_t n_outliers;
	double *typical_lo, *typical_hi; /* d: 5th and 95th percentile of the raw columns */
};

/*
 * Standardise x (n x d, row-major) into z: log1p(max(v, 0)) where log1p_cols[j]
 * (NULL: nowhere), then (v - mean) / sd per column, sd 1 for a constant column.
 */
void cluster_standardise(const double *x, size_t n, size_t d, const bool *log1p_cols, double *z);

/*
 * Cluster x (n x d, row-major, every value finite) and find its outliers.
 * 0 (also when skipped: see res->skip), -EINVAL (a value not finite, or bad
 * options) or -ENOMEM, with e filled. Free res with cluster_result_free.
 */
int cluster_run(const double *x, size_t n, size_t d, const bool *log1p_cols,
		const struct cluster_opts *o, struct cluster_result *res, struct gh_err *e);
void cluster_result_free(struct cluster_result *res);

#endif /* GATEHAWK_CLUSTER_H */
