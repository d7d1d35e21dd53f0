/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What model.c (fit, score, explain) and model_json.c (file format) share:
 * the model itself and the steps both fitting and loading end with.
 */
#ifndef GATEHAWK_MODEL_INTERNAL_H
#define GATEHAWK_MODEL_INTERNAL_H

#include "engine/model.h"

#define MODEL_METHOD_MAX 64     /* bytes of a threshold method, NUL included */
/* kde bandwidths (standardised units) below this are refused when loading. */
#define KDE_MIN_LOADED_BANDWIDTH 1e-3
/* |standardised sample| above this is refused when loading (fitted: <= sqrt(n)). */
#define KDE_MAX_LOADED_SAMPLE 1e9

struct model_feature {
	char name[MODEL_NAME_MAX];
	bool log1p;
	bool constant;
	double mean, sd;  /* of the (log1p-transformed) training values */
	double p01, p99;  /* of the raw training values */
};

/* One feature's log-density at evenly spaced points, linearly interpolated. */
struct kde_table {
	double lo, inv_step;   /* first point; 1 / spacing */
	size_t points;
	double first, last;    /* the lowest and highest sample */
	double *logf;
};

struct model {
	enum model_type type;
	size_t d;
	struct model_feature feat[MODEL_MAX_FEATURES];
	double threshold;
	char method[MODEL_METHOD_MAX];
	/* The non-constant features, in order: all that scores and explains look at. */
	size_t n_active;
	size_t active[MODEL_MAX_FEATURES];
	struct {
		size_t n;
		double *samples;                  /* n x d, standardised; constant features 0 */
		double bw[MODEL_MAX_FEATURES];    /* per feature, standardised units */
		struct kde_table tab[MODEL_MAX_FEATURES]; /* built by model_prepare */
	} kde;
	struct {
		double variance;
		double eig[MODEL_MAX_FEATURES];   /* n_active of them, descending, >= 0 */
		size_t k;                         /* components kept */
		double *comp;                     /* k x n_active, over the active features */
		double inv_sd[MODEL_MAX_FEATURES]; /* 1 / sqrt(eig), kept components */
	} pca;
};

/* A model of d features with the threshold unset; NULL on -ENOMEM. */
struct model *model_alloc(enum model_type type, size_t d);
/* The active list: the non-constant features, in order. */
void model_set_active(struct model *m);
/*
 * Once the features (and samples and bandwidths, or eigenvalues and
 * components) are in: the active list, the kde tables, the pca inverse
 * deviations. 0 or -ENOMEM.
 */
int model_prepare(struct model *m);
/* How many leading eigenvalues (descending) explain `variance` of their sum. */
size_t model_pca_kept(const double *eig, size_t n, double variance);
/* NULL when name is fine as a feature name, else what is expected of one. */
const char *model_name_problem(const char *name);

#endif /* GATEHAWK_MODEL_INTERNAL_H */
