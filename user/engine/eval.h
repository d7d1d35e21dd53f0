/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Measuring a score against labels, and picking thresholds: what `gatehawk
 * train` reports about a model (model.h) and how it sets the threshold it
 * saves. Pure functions of their arguments; the ones that sort work on a
 * copy they allocate and free (NaN or -ENOMEM when that fails).
 *
 * A vector is flagged when its score is strictly above the threshold, as
 * profile policies do.
 */
#ifndef GATEHAWK_EVAL_H
#define GATEHAWK_EVAL_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The q-quantile (0 <= q <= 1) of n values: linear interpolation between
 * order statistics (position q * (n - 1), as numpy's default). NaN when n is
 * 0, q is outside [0, 1] or any value is NaN.
 */
double eval_quantile(const double *v, size_t n, double q);

struct eval_confusion {
	size_t tp, fp, tn, fn;
};

/* Flagged: scores[i] > threshold; positive[i]: the label. */
void eval_confusion_at(const double *scores, const bool *positive, size_t n, double threshold,
		       struct eval_confusion *c);

/* Matthews correlation coefficient, -1..1; 0 when a row or column of c is empty. */
double eval_mcc(const struct eval_confusion *c);

/*
 * The threshold with the highest MCC. It lies midway between the two scores
 * around the best cut, so a new score equal to a training negative's is not
 * flagged; when no cut beats MCC 0 it is the highest score (nothing
 * flagged). Of equal MCCs the higher threshold wins (fewer alerts).
 * -EINVAL when there is no positive, no negative or a NaN score; -ENOMEM.
 */
int eval_best_mcc(const double *scores, const bool *positive, size_t n, double *threshold,
		  double *mcc);

/*
 * Area under the ROC curve: the chance that a random positive scores above a
 * random negative, ties counting half (Mann-Whitney). NaN when there is no
 * positive, no negative or a NaN score, or on -ENOMEM.
 */
double eval_auc(const double *scores, const bool *positive, size_t n);

#endif /* GATEHAWK_EVAL_H */
