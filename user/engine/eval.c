// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/eval.h"

struct labelled {
	double score;
	bool positive;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int cmp_labelled(const void *a, const void *b)
{
	return cmp_double(&((const struct labelled *)a)->score, &((const struct labelled *)b)->score);
}

static bool any_nan(const double *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isnan(v[i]))
			return true;
	return false;
}

double eval_quantile(const double *v, size_t n, double q)
{
	double *s, pos, frac, r;
	size_t i;

	if (!n || !(q >= 0 && q <= 1) || any_nan(v, n) || !(s = malloc(n * sizeof(*s))))
		return NAN;
	memcpy(s, v, n * sizeof(*s));
	qsort(s, n, sizeof(*s), cmp_double);
	pos = q * (double)(n - 1);
	i = (size_t)pos;
	frac = pos - (double)i;
	/* frac == 0: no arithmetic, so an infinite neighbour cannot make a NaN. */
	r = frac == 0 || i + 1 >= n ? s[i] : s[i] + frac * (s[i + 1] - s[i]);
	free(s);
	return r;
}

void eval_confusion_at(const double *scores, const bool *positive, size_t n, double threshold,
		       struct eval_confusion *c)
{
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < n; i++) {
		bool flagged = scores[i] > threshold;

		if (positive[i])
			*(flagged ? &c->tp : &c->fn) += 1;
		else
			*(flagged ? &c->fp : &c->tn) += 1;
	}
}

double eval_mcc(const struct eval_confusion *c)
{
	double tp = (double)c->tp, fp = (double)c->fp, tn = (double)c->tn, fn = (double)c->fn;
	double den = (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn);

	return den > 0 ? (tp * tn - fp * fn) / sqrt(den) : 0;
}

/* The pairs sorted by score, ascending; NULL on NaN (errno EINVAL) or no memory. */
static struct labelled *sorted_pairs(const double *scores, const bool *positive, size_t n,
				     size_t *n_pos)
{
	struct labelled *p;

	if (any_nan(scores, n)) {
		errno = EINVAL;
		return NULL;
	}
	p = malloc((n ? n : 1) * sizeof(*p));
	if (!p) {
		errno = ENOMEM;
		return NULL;
	}
	*n_pos = 0;
	for (size_t i = 0; i < n; i++) {
		p[i] = (struct labelled){ scores[i], positive[i] };
		*n_pos += positive[i];
	}
	qsort(p, n, sizeof(*p), cmp_labelled);
	return p;
}

/* A threshold t with lo <= t < hi (lo < hi): lo stays unflagged, hi is flagged. */
static double midpoint(double lo, double hi)
{
	double mid = lo / 2 + hi / 2;

	return mid >= lo && mid < hi ? mid : lo;
}

int eval_best_mcc(const double *scores, const bool *positive, size_t n, double *threshold,
		  double *mcc)
{
	struct eval_confusion c = { 0 };
	double best = -INFINITY, best_t = 0;
	struct labelled *p;
	size_t n_pos, i = 0;

	p = sorted_pairs(scores, positive, n, &n_pos);
	if (!p)
		return -errno;
	if (!n_pos || n_pos == n) {
		free(p);
		return -EINVAL;
	}
	/* Every vector flagged, then the cut moves up one distinct score at a time. */
	c.tp = n_pos;
	c.fp = n - n_pos;
	while (i < n) {
		size_t j = i;
		double m, t;

		for (; j < n && p[j].score == p[i].score; j++) {
			if (p[j].positive) {
				c.tp--;
				c.fn++;
			} else {
				c.fp--;
				c.tn++;
			}
		}
		t = j < n ? midpoint(p[j - 1].score, p[j].score) : p[n - 1].score;
		m = eval_mcc(&c);
		if (m >= best) {
			best = m;
			best_t = t;
		}
		i = j;
	}
	free(p);
	*threshold = best_t;
	*mcc = best;
	return 0;
}

double eval_auc(const double *scores, const bool *positive, size_t n)
{
	double wins = 0, neg_below = 0;
	struct labelled *p;
	size_t n_pos, i = 0;

	p = sorted_pairs(scores, positive, n, &n_pos);
	if (!p || !n_pos || n_pos == n) {
		free(p);
		return NAN;
	}
	/* Each positive beats the negatives below it and ties half of its own group's. */
	while (i < n) {
		double pos = 0, neg = 0;
		size_t j = i;

		for (; j < n && p[j].score == p[i].score; j++)
			*(p[j].positive ? &pos : &neg) += 1;
		wins += pos * (neg_below + neg / 2);
		neg_below += neg;
		i = j;
	}
	free(p);
	return wins / ((double)n_pos * (double)(n - n_pos));
}
