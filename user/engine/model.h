/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Models of normal behaviour that `gatehawk train` fits on feature vectors
 * (one per source and window, engine/features.h) and profile policies score
 * new vectors with. Two kinds:
 *
 *   kde  Gaussian kernel density per standardised feature, bandwidth by
 *        Silverman's rule; the score is minus the joint log-density (sum over
 *        features, as if independent). Scoring reads a per-feature table of
 *        the log-density built at fit and load, not every training sample.
 *   pca  principal subspace: eigen-decomposition of the standardised
 *        features' covariance (LAPACKE dsyevr); the leading components that
 *        explain `variance` (default 95 %) of it are normal. The score is the
 *        squared distance to that subspace, plus, along each kept component,
 *        the square of how far the projection lies beyond 3 standard
 *        deviations (so an extreme along a normal direction still scores).
 *
 * Features may be log1p-transformed before standardising (heavy-tailed
 * counts and rates). A feature constant over the training data carries no
 * information: it is left out of the score and listed in the model.
 *
 * Higher scores are more anomalous. The threshold is set by the caller
 * (eval.h picks one from a quantile or from labels) and saved with the model.
 *
 * The model file is versioned JSON: what the model needs to score plus a
 * "meta" object the caller owns (the policy it was trained for, the
 * training summary), written and read back as is.
 */
#ifndef GATEHAWK_MODEL_H
#define GATEHAWK_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

#include "base/err.h"

#define MODEL_VERSION 1
#define MODEL_MAX_FEATURES 32
#define MODEL_NAME_MAX 32       /* bytes of a feature name, NUL included */
#define MODEL_MIN_VECTORS 10    /* fewer training vectors: an input error */
#define MODEL_DEFAULT_VARIANCE 0.95
#define MODEL_DEFAULT_MAX_SAMPLES 4096 /* kde: training vectors kept (evenly spread) */

enum model_type { MODEL_KDE, MODEL_PCA };

struct model_fit_opts {
	enum model_type type;
	size_t d;                    /* features, 1..MODEL_MAX_FEATURES */
	const char *const *names;    /* d feature names (copied) */
	const bool *log1p;           /* d flags: transform x -> log1p(max(x, 0)) first; NULL: none */
	double variance;             /* pca: share of variance the normal subspace explains; 0: default */
	size_t max_samples;          /* kde: 0: default */
};

/* What one feature did to one vector's score (model_explain). */
struct model_contrib {
	size_t feature;      /* index in the model's features */
	double value;        /* the raw value scored */
	double contribution; /* its share of the score: kde: -log density (may be below 0);
			      * pca: squared residual plus its share of the beyond-3-sd excess */
	double lo, hi;       /* normal range: 1st and 99th percentile of the raw training values */
};

struct model;

/*
 * Fit on n vectors of d raw feature values (row-major x[n * d]). Input
 * errors (gh_err input, -EINVAL): fewer than MODEL_MIN_VECTORS vectors, a
 * value that is NaN, infinite or beyond +-1e150 ("training vector 3, feature
 * rate: expected a finite number, got nan", vectors counted from 1), every
 * feature constant, a name that is not 1 to 31 printable ASCII characters
 * without space, or not unique. Deterministic: the same x gives the same
 * model, byte for byte once saved. kde keeps max_samples vectors evenly
 * spread by index when there are more.
 */
int model_fit(const struct model_fit_opts *o, const double *x, size_t n, struct model **out,
	      struct gh_err *err);
void model_free(struct model *m);

enum model_type model_type(const struct model *m);
const char *model_type_name(enum model_type t);
/* -1 for an unknown name. */
int model_type_by_name(const char *name);
size_t model_dims(const struct model *m);
const char *model_feature_name(const struct model *m, size_t i);
bool model_feature_log1p(const struct model *m, size_t i);
/* Whether a feature was constant in training (left out of the score). */
bool model_feature_constant(const struct model *m, size_t i);

/*
 * The score of one vector of raw values (d of them, in the model's order).
 * O(d): kde reads its tables, pca projects on the kept components. A NaN
 * value scores NaN (above no threshold); an infinite one +inf or NaN.
 */
double model_score(const struct model *m, const double *x);
/*
 * The features that contributed most to x's score, largest first (NaN
 * first of all): at most max of them written to out; returns how many.
 * Constant features are never listed. For pca the contributions add up to
 * the score.
 */
size_t model_explain(const struct model *m, const double *x, struct model_contrib *out,
		     size_t max);

double model_threshold(const struct model *m);
/*
 * method: how it was chosen, for the file and for alerts ("quantile 0.999",
 * "mcc 0.93"; at most 63 bytes kept). A fresh model has +inf (never fires),
 * method "unset"; NaN is taken as +inf, -inf as -DBL_MAX (the same scores
 * flagged, and the file has a number for it). The file writes +inf as null.
 */
void model_set_threshold(struct model *m, double threshold, const char *method);
const char *model_threshold_method(const struct model *m);

/*
 * The model as a JSON object {"gatehawk_model": MODEL_VERSION, "type", ...,
 * "meta": meta} (meta may be NULL; a reference is taken). NULL on -ENOMEM.
 */
struct json_object *model_to_json(const struct model *m, struct json_object *meta);
/*
 * Back from JSON. Input errors name the field ("kde.bandwidth[3]: expected
 * a number above 0"); *meta (when meta is not NULL) gets a new reference to
 * the "meta" object, or NULL when there is none.
 */
int model_from_json(struct json_object *o, struct model **out, struct json_object **meta,
		    struct gh_err *err);
/* Write atomically (temporary file, then rename), mode 0644. */
int model_save(const struct model *m, struct json_object *meta, const char *path,
	       struct gh_err *err);
/*
 * -ENOENT (no gh_err input flag) when the file does not exist; other errors
 * name the file (gh_err_at, and the message starts with it). Refuses what is
 * not a regular file or is over 16 MiB.
 */
int model_load(const char *path, struct model **out, struct json_object **meta,
	       struct gh_err *err);

#endif /* GATEHAWK_MODEL_H */
