// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The suggestion method of `gatehawk suggest` (suggest.h); no I/O. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/suggest.h"

/*
 * A natural break: more than x2 on the 1 + x scale (ln 2 in y: exactly x2,
 * such as 1 -> 3, is the step between small counts, not a break), or more
 * than 20 points between ratios.
 */
#define BREAK_LOG 0.69314718055994531
#define BREAK_RATIO 0.2
#define BREAK_EPSILON 1e-9

/* "%zu group%s" */
#define GROUPS(n) (n), (n) == 1 ? "" : "s"

struct line {
	const struct suggest_spec *s;
	const struct suggest_point *pts; /* flagged side last */
	size_t n;
	size_t attack, benign;
};

/* The flagged side up: +1 for gt and ge, -1 for lt and le. */
static double side(enum cmp_op op)
{
	return op == CMP_LT || op == CMP_LE ? -1 : 1;
}

/* Ratios stay linear: bounded in [0, 1], where x2 says little near 1. */
static double y_of(const struct suggest_spec *s, double x)
{
	return side(s->op) * (s->ratio ? x : copysign(log1p(fabs(x)), x));
}

static double x_of(const struct suggest_spec *s, double y)
{
	double z = y * side(s->op);

	return s->ratio ? z : copysign(expm1(fabs(z)), z);
}

static bool is_break(const struct line *l, double w)
{
	return w > (l->s->ratio ? BREAK_RATIO : BREAK_LOG) + BREAK_EPSILON;
}

/* A gap's width in words: "x2.7" or "27 points". */
static const char *apart(const struct line *l, double w, char *buf, size_t len)
{
	if (l->s->ratio)
		snprintf(buf, len, "%.0f points", w * 100);
	else
		snprintf(buf, len, "x%.*f", exp(w) < 1.95 ? 2 : 1, exp(w));
	return buf;
}

static double y_at(const struct line *l, size_t i)
{
	return y_of(l->s, l->pts[i].peak);
}

/* Width of the gap between point j and point j + 1 (0: the same peak). */
static double gap_width(const struct line *l, size_t j)
{
	return y_at(l, j + 1) - y_at(l, j);
}

static int by_peak(const void *a, const void *b)
{
	double x = ((const struct suggest_point *)a)->peak;
	double y = ((const struct suggest_point *)b)->peak;

	return (x > y) - (x < y);
}

/* Finite peaks only, sorted so that the flagged side comes last. */
static size_t arrange(struct suggest_point *pts, size_t n, const struct suggest_spec *s)
{
	size_t m = 0;

	for (size_t i = 0; i < n; i++)
		if (isfinite(pts[i].peak))
			pts[m++] = pts[i];
	qsort(pts, m, sizeof(*pts), by_peak);
	for (size_t i = 0; side(s->op) < 0 && i < m / 2; i++) {
		struct suggest_point t = pts[i];

		pts[i] = pts[m - 1 - i];
		pts[m - 1 - i] = t;
	}
	return m;
}

static double mcc(size_t tp, size_t fp, size_t attack, size_t benign)
{
	double fn = (double)(attack - tp), tn = (double)(benign - fp);
	double d = ((double)tp + (double)fp) * ((double)tp + fn) * (tn + (double)fp) * (tn + fn);

	if (!attack || !benign)
		return NAN;
	return d > 0 ? ((double)tp * tn - (double)fp * fn) / sqrt(d) : 0;
}

/* What the threshold value flags. */
static struct suggest_candidate candidate(const struct line *l, double value)
{
	struct suggest_candidate c = { .value = value, .below = NAN, .above = NAN };

	for (size_t i = 0; i < l->n; i++) {
		const struct suggest_point *p = &l->pts[i];

		if (!cmp_holds(p->peak, l->s->op, value)) {
			c.below = p->peak;
			continue;
		}
		if (!c.flags++)
			c.above = p->peak;
		c.tp += p->label == SUGGEST_ATTACK;
		c.fp += p->label == SUGGEST_BENIGN;
	}
	c.mcc = mcc(c.tp, c.fp, l->attack, l->benign);
	return c;
}

/* Whether value flags hi and not lo. */
static bool splits(const struct suggest_spec *s, double value, double lo, double hi)
{
	return cmp_holds(hi, s->op, value) && !cmp_holds(lo, s->op, value);
}

/*
 * A round number that flags hi and not lo, nearest mid with the fewest
 * significant digits (whole for integer aggregates); mid itself when none.
 */
static double round_between(const struct suggest_spec *s, double mid, double lo, double hi)
{
	for (int digits = 1; digits <= 17; digits++) {
		int e = (mid != 0 ? (int)floor(log10(fabs(mid))) : 0) - digits + 1;
		double p, k, best = NAN;

		if (s->integer && e < 0)
			e = 0;
		p = pow(10, abs(e));
		k = e >= 0 ? floor(mid / p) : floor(mid * p);
		/* Dividing by an exact power of ten: 7 / 100 is 0.07, 7 * 0.01 is not. */
		for (int i = 0; i < 2; i++, k++) {
			double v = e >= 0 ? k * p : k / p;

			if (splits(s, v, lo, hi) && (isnan(best) || fabs(v - mid) < fabs(best - mid)))
				best = v;
		}
		if (!isnan(best))
			return best;
	}
	return mid;
}

/* The threshold for the gap between point j (not flagged) and j + 1 (flagged). */
static struct suggest_candidate in_gap(const struct line *l, size_t j)
{
	double lo = l->pts[j].peak, hi = l->pts[j + 1].peak;
	double mid = x_of(l->s, (y_at(l, j) + y_at(l, j + 1)) / 2);

	return candidate(l, round_between(l->s, mid, lo, hi));
}

/* Nearest rank over the peaks in ascending order. */
static double quantile(const struct line *l, double q)
{
	size_t rank = (size_t)ceil(q * (double)l->n - 1e-9), i = rank ? rank - 1 : 0;

	return l->pts[side(l->s->op) > 0 ? i : l->n - 1 - i].peak;
}

/* The widest natural breaks (gap indexes), listed in value order. */
static void find_breaks(const struct line *l, struct suggest_result *r)
{
	size_t gap[SUGGEST_MAX_BREAKS], n = 0;

	for (size_t j = 0; j + 1 < l->n; j++) {
		double w = gap_width(l, j);
		size_t at;

		if (!is_break(l, w))
			continue;
		if (n == SUGGEST_MAX_BREAKS) {
			size_t narrowest = 0;

			for (size_t i = 1; i < n; i++)
				if (gap_width(l, gap[i]) < gap_width(l, gap[narrowest]))
					narrowest = i;
			if (gap_width(l, gap[narrowest]) >= w)
				continue;
			memmove(&gap[narrowest], &gap[narrowest + 1],
				(n - narrowest - 1) * sizeof(gap[0]));
			n--;
		}
		at = n++;
		gap[at] = j;
	}
	/* Gap order is flag order: by value ascending for gt/ge, descending for lt/le. */
	for (size_t i = 0; i < n; i++)
		r->breaks[side(l->s->op) > 0 ? i : n - 1 - i] = in_gap(l, gap[i]);
	r->n_breaks = n;
}

/* Distance (on the log scale) between gaps a and b. */
static double gap_distance(const struct line *l, size_t a, size_t b)
{
	if (a == b)
		return 0;
	return a < b ? y_at(l, b) - y_at(l, a + 1) : y_at(l, a) - y_at(l, b + 1);
}

/* The natural break nearest gap own (ties: the wider); own itself when none. */
static size_t nearest_break(const struct line *l, size_t own)
{
	size_t best = own;

	for (size_t j = 0; j + 1 < l->n; j++) {
		double w = gap_width(l, j);

		if (!is_break(l, w))
			continue;
		if (best == own || gap_distance(l, j, own) < gap_distance(l, best, own) ||
		    (gap_distance(l, j, own) == gap_distance(l, best, own) &&
		     w > gap_width(l, best)))
			best = j;
	}
	return best;
}

static void say(struct suggest_result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct suggest_result *r, const char *fmt, ...)
{
	size_t used = strlen(r->reason);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->reason + used, sizeof(r->reason) - used, fmt, ap);
	va_end(ap);
}

static void pick(const struct line *l, struct suggest_result *r, size_t gap)
{
	r->suggested = true;
	r->pick = in_gap(l, gap);
}

/*
 * The current value flags none or all: keep it, and name the natural break
 * nearest to it (the highest in flag order for none, the lowest for all).
 */
static void keep_at_end(const struct line *l, struct suggest_result *r)
{
	bool none = !r->current.flags;
	size_t near = SIZE_MAX;

	for (size_t j = 0; j + 1 < l->n; j++)
		if (is_break(l, gap_width(l, j)) && (none || near == SIZE_MAX))
			near = j;
	say(r, "the current value flags %s of the %zu group%s (the peak nearest it: %g): without "
	    "labels the history cannot tell %s; keep it", none ? "none" : "all", GROUPS(l->n),
	    l->pts[none ? l->n - 1 : 0].peak,
	    none ? "whether the top groups are attacks" : "which groups are benign");
	if (near != SIZE_MAX) {
		struct suggest_candidate b = in_gap(l, near);

		say(r, " (the nearest natural break, between %g and %g, would flag %zu: see the "
		    "candidates, or give --labels)", fmin(b.below, b.above), fmax(b.below, b.above),
		    b.flags);
	}
}

static void decide_unlabelled(const struct line *l, struct suggest_result *r)
{
	size_t k = r->current.flags, own, near;
	char a[32], b[32];
	double w;

	if (!k || k == l->n) {
		keep_at_end(l, r);
		return;
	}
	own = l->n - k - 1;
	w = gap_width(l, own);
	if (is_break(l, w)) {
		pick(l, r, own);
		say(r, "natural break at the current value: between %g (nearest not flagged) and %g "
		    "(nearest flagged), %s apart; its middle flags the same %zu group%s with the "
		    "widest margin", r->current.below, r->current.above, apart(l, w, a, sizeof(a)),
		    GROUPS(k));
		return;
	}
	near = nearest_break(l, own);
	if (near == own) {
		say(r, "the current value cuts a cluster (%g and %g, %s apart) and the peaks have "
		    "no natural break (%s): keep it", fmin(r->current.below, r->current.above),
		    fmax(r->current.below, r->current.above),
		    apart(l, w, a, sizeof(a)),
		    l->s->ratio ? "no gap of more than 20 points" : "no gap of more than x2");
		return;
	}
	pick(l, r, near);
	say(r, "the current value cuts a cluster (%g and %g, %s apart); the nearest natural "
	    "break is between %g and %g (%s): flags %zu group%s instead of %zu",
	    fmin(r->current.below, r->current.above), fmax(r->current.below, r->current.above),
	    apart(l, w, a, sizeof(a)), fmin(r->pick.below, r->pick.above),
	    fmax(r->pick.below, r->pick.above), apart(l, gap_width(l, near), b, sizeof(b)),
	    GROUPS(r->pick.flags), k);
}

/* Best Matthews correlation over every gap; ties: wider, then nearer the current value. */
static void decide_labelled(const struct line *l, struct suggest_result *r)
{
	double y_cur = y_of(l->s, l->s->current), best_mcc = 0, best_w = 0, best_d = 0;
	size_t tp = 0, fp = 0, best = SIZE_MAX;

	for (size_t i = l->n - 1; i > 0; i--) {
		double m, w, d;

		tp += l->pts[i].label == SUGGEST_ATTACK;
		fp += l->pts[i].label == SUGGEST_BENIGN;
		w = gap_width(l, i - 1);
		if (w <= 0)
			continue;
		m = mcc(tp, fp, l->attack, l->benign);
		d = fabs((y_at(l, i - 1) + y_at(l, i)) / 2 - y_cur);
		if (m > best_mcc + 1e-12 ||
		    (best != SIZE_MAX && fabs(m - best_mcc) <= 1e-12 &&
		     (w > best_w || (w == best_w && d < best_d)))) {
			best = i - 1;
			best_mcc = m;
			best_w = w;
			best_d = d;
		}
	}
	if (best == SIZE_MAX) {
		say(r, "labels: no threshold separates the %zu attack groups from the %zu benign "
		    "ones (best Matthews correlation 0 or below): keep it", l->attack, l->benign);
		return;
	}
	pick(l, r, best);
	say(r, "labels: best Matthews correlation (%.2f) over %zu attack and %zu benign groups: "
	    "flags %zu attack and %zu benign, between %g and %g", r->pick.mcc, l->attack,
	    l->benign, r->pick.tp, r->pick.fp, fmin(r->pick.below, r->pick.above),
	    fmax(r->pick.below, r->pick.above));
}

void suggest_threshold(struct suggest_point *pts, size_t *n, const struct suggest_spec *spec,
		       struct suggest_result *out)
{
	struct line l = { .s = spec, .pts = pts, .n = arrange(pts, *n, spec) };

	memset(out, 0, sizeof(*out));
	*n = l.n;
	for (size_t i = 0; spec->labels && i < l.n; i++) {
		l.attack += pts[i].label == SUGGEST_ATTACK;
		l.benign += pts[i].label == SUGGEST_BENIGN;
	}
	out->groups = l.n;
	out->attack = l.attack;
	out->benign = l.benign;
	out->current = candidate(&l, spec->current);
	if (spec->op == CMP_EQ) {
		say(out, "an eq condition has no side to move towards: nothing to suggest");
		return;
	}
	if (!l.n) {
		say(out, "no group reached this condition");
		return;
	}
	out->min = quantile(&l, 0);
	out->q50 = quantile(&l, 0.5);
	out->q90 = quantile(&l, 0.9);
	out->q99 = quantile(&l, 0.99);
	out->q999 = quantile(&l, 0.999);
	out->max = quantile(&l, 1);
	if (out->min == out->max) {
		say(out, "%s %zu group%s peak%s at %g: no gap to put a threshold in",
		    l.n == 1 ? "the" : "all", GROUPS(l.n), l.n == 1 ? "s" : "", out->min);
		return;
	}
	find_breaks(&l, out);
	if (l.attack && l.benign) {
		decide_labelled(&l, out);
		return;
	}
	if (spec->labels)
		say(out, "labels: no %s-labelled group here; ", l.attack ? "benign" : "attack");
	decide_unlabelled(&l, out);
}
