// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * eval.h on hand-computed cases: quantiles with interpolation, confusion
 * counts at a threshold (strictly above flags), the MCC formula, the best-MCC
 * threshold lying between the clusters, and AUC (perfect, inverted, tied,
 * and against the O(n^2) pair count on random tied scores).
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>

#include "tap.h"
#include "engine/eval.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static bool near(double a, double b)
{
	return fabs(a - b) < 1e-12;
}

static void test_quantile(void)
{
	const double v[] = { 4, 1, 3, 2 }, one[] = { 7 }, inf[] = { 1, INFINITY };

	ok(near(eval_quantile(v, 4, 0.5), 2.5), "median of 1..4 is 2.5 (%g)", eval_quantile(v, 4, 0.5));
	ok(near(eval_quantile(v, 4, 0.25), 1.75), "q 0.25 interpolates to 1.75 (%g)",
	   eval_quantile(v, 4, 0.25));
	ok(eval_quantile(v, 4, 0) == 1 && eval_quantile(v, 4, 1) == 4, "q 0 and 1: min and max");
	ok(v[0] == 4 && v[1] == 1, "the input is not sorted in place");
	ok(eval_quantile(one, 1, 0.3) == 7, "one value is every quantile");
	ok(isnan(eval_quantile(v, 0, 0.5)), "no values: NaN");
	ok(isnan(eval_quantile(v, 4, 1.5)) && isnan(eval_quantile(v, 4, NAN)), "q outside [0, 1]: NaN");
	ok(eval_quantile(inf, 2, 0) == 1, "an infinite neighbour at weight 0 does not make a NaN");
}

static void test_confusion_mcc(void)
{
	const double s[] = { 0.1, 0.4, 0.35, 0.8 };
	const bool pos[] = { false, false, true, true };
	struct eval_confusion c, hand = { .tp = 6, .fp = 2, .tn = 8, .fn = 4 };
	struct eval_confusion perfect = { .tp = 3, .tn = 5 }, inverted = { .fp = 5, .fn = 5 };
	struct eval_confusion none_flagged = { .tn = 5, .fn = 2 };

	eval_confusion_at(s, pos, 4, 0.35, &c);
	ok(c.tp == 1 && c.fp == 1 && c.tn == 1 && c.fn == 1,
	   "threshold 0.35: 0.8 tp, 0.4 fp, 0.1 tn, 0.35 (equal, not above) fn");
	ok(near(eval_mcc(&c), 0), "one of each: MCC 0");
	ok(near(eval_mcc(&hand), 40 / sqrt(9600)), "MCC (6*8 - 2*4) / sqrt(8*10*10*12) (%g)",
	   eval_mcc(&hand));
	ok(near(eval_mcc(&perfect), 1) && near(eval_mcc(&inverted), -1), "perfect 1, inverted -1");
	ok(eval_mcc(&none_flagged) == 0, "nothing flagged (an empty marginal): 0");
}

static void test_best_mcc(void)
{
	const double apart[] = { 1, 2, 3, 10, 11 }, overlap[] = { 1, 2, 3, 5, 4, 6, 7 };
	const double inverted[] = { 1, 2, 3, 4 }, nan[] = { 1, NAN };
	const bool apart_pos[] = { 0, 0, 0, 1, 1 }, overlap_pos[] = { 0, 0, 0, 0, 1, 1, 1 };
	const bool inverted_pos[] = { 1, 1, 0, 0 }, all_neg[] = { 0, 0, 0, 0, 0 };
	double adjacent[2] = { 1.0, nextafter(1.0, 2) }, t = -1, m = -1;
	const bool adjacent_pos[] = { 0, 1 };
	struct eval_confusion c;
	int ret;

	ret = eval_best_mcc(apart, apart_pos, 5, &t, &m);
	ok(!ret && t == 6.5 && m == 1,
	   "two clusters: threshold midway 6.5 (%g), MCC 1 (%g)", t, m);
	eval_confusion_at(apart, apart_pos, 5, t, &c);
	ok(c.tp == 2 && c.tn == 3, "that threshold separates them");
	ret = eval_best_mcc(overlap, overlap_pos, 7, &t, &m);
	ok(!ret && t == 3.5 && near(m, 0.75),
	   "overlap: the 3.5 cut (MCC 9/12) beats 5.5 (8/sqrt 120) and 4.5 (5/12): %g, %g", t, m);
	ret = eval_best_mcc(inverted, inverted_pos, 4, &t, &m);
	ok(!ret && t == 4 && m == 0,
	   "no cut beats 0: the highest score, nothing flagged (%g, %g)", t, m);
	ok(!eval_best_mcc(adjacent, adjacent_pos, 2, &t, &m) && t == 1.0 && m == 1,
	   "adjacent doubles: the threshold is the lower one, not a midpoint rounded up");
	ok_eq(eval_best_mcc(apart, all_neg, 5, &t, &m), -EINVAL, "no positive: -EINVAL");
	ok_eq(eval_best_mcc(nan, adjacent_pos, 2, &t, &m), -EINVAL, "a NaN score: -EINVAL");
}

/* AUC by counting every (positive, negative) pair. */
static double auc_pairs(const double *s, const bool *pos, size_t n)
{
	double wins = 0, pairs = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			if (pos[i] && !pos[j]) {
				pairs++;
				wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
			}
	return wins / pairs;
}

static void test_auc(void)
{
	const double s[] = { 0.1, 0.4, 0.5, 0.4, 0.8 }, tied[] = { 3, 3, 3, 3 };
	const bool pos[] = { 0, 0, 0, 1, 1 }, perfect[] = { 0, 0, 0, 1, 1 };
	const bool inverted[] = { 1, 1, 1, 0, 0 }, two[] = { 0, 1, 0, 1 };
	const double sorted[] = { 1, 2, 3, 4, 5 };
	double r[500];
	bool rp[500];
	uint64_t x = 42;

	ok(near(eval_auc(sorted, perfect, 5), 1), "perfect ranking: 1");
	ok(near(eval_auc(sorted, inverted, 5), 0), "inverted: 0");
	ok(near(eval_auc(tied, two, 4), 0.5), "all tied: 0.5");
	ok(near(eval_auc(s, pos, 5), 0.75), "hand case: 0.8 beats 3, 0.4 ties 1 and beats 1 = 4.5/6");
	ok(isnan(eval_auc(sorted, (const bool[]){ 0, 0, 0, 0, 0 }, 5)), "no positive: NaN");
	for (size_t i = 0; i < N_ELEMS(r); i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		r[i] = (double)(x % 20);  /* many ties */
		rp[i] = (x >> 20) % 3 == 0 ? r[i] > 5 || (x >> 30) % 2 : false;
	}
	ok(near(eval_auc(r, rp, N_ELEMS(r)), auc_pairs(r, rp, N_ELEMS(r))),
	   "500 tied random scores: the pair count (%g vs %g)", eval_auc(r, rp, N_ELEMS(r)),
	   auc_pairs(r, rp, N_ELEMS(r)));
}

int main(void)
{
	test_quantile();
	test_confusion_mcc();
	test_best_mcc();
	test_auc();
	return tap_done();
}
