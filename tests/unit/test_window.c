// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Window aggregates on event time: the sliding boundary (exact on whole
 * seconds: a record exactly `length` older than the newest is out; with
 * sub-second times a record leaves at most one bucket early, never late),
 * bucket widths of long windows, epoch-aligned tumbling windows and their
 * previous window, late records landing in the right window and bucket
 * (found or slid in), a busy group counted whole in a bounded number of
 * buckets, distinct staying exact as buckets leave and its stale values
 * swept, min and max finding the next extreme when theirs leaves (also
 * when nobody asked for the view meanwhile: sliding views are computed on
 * demand), the distinct cap, and the bucketed sums rate policies use.
 * The value set's shortcut for the value of the record before (a source
 * repeating its user agent) answers only what a lookup would.
 */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "base/hash.h"
#include "engine/value_set.h"
#include "engine/window.h"

#define S 1000000000ULL

enum { A_COUNT, A_DISTINCT, A_RATIO, A_SUM };

/* The aggregates fns, in that order, over a window of len_s. */
static void spec_of(struct win_spec *s, bool tumbling, uint64_t len_s, uint64_t late_ns,
		    const enum agg_fn *fns, uint8_t n)
{
	struct policy_window pw = { .tumbling = tumbling, .length_s = len_s, .n_aggs = n };

	for (uint8_t i = 0; i < n; i++)
		pw.aggs[i].fn = fns[i];
	win_spec_init(s, &pw, late_ns, false);
}

static void spec_for(struct win_spec *s, bool tumbling, uint64_t len_s, uint64_t late_ns)
{
	static const enum agg_fn fns[] = { AGG_COUNT, AGG_DISTINCT, AGG_RATIO, AGG_SUM };

	spec_of(s, tumbling, len_s, late_ns, fns, 4);
}

/* win_add, then every aggregate of the view (as the engine's evidence reads them). */
static int add_viewed(struct win *w, const struct win_spec *s, const struct win_input *in,
		      struct win_view *v)
{
	int rc;

	memset(v, 0, sizeof(*v));
	rc = win_add(w, s, in, v);
	if (rc >= 0 && !(rc & WIN_TOO_OLD))
		win_view_all(w, s, v);
	return rc;
}

/* ts in ns; value hashed for distinct (0: absent); hit for ratio; amount for sum. */
static int add(struct win *w, const struct win_spec *s, uint64_t ts, uint64_t value, bool hit,
	       uint64_t amount, struct win_view *v)
{
	struct win_input in = {
		.ts_ns = ts,
		.bits = (uint32_t)hit << A_RATIO | (uint32_t)!!value << A_DISTINCT | 1U << A_SUM,
	};

	in.val[s->val_of[A_DISTINCT]] = value;
	in.val[s->val_of[A_SUM]] = amount;
	return add_viewed(w, s, &in, v);
}

static void test_sliding_boundary(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w;

	spec_for(&s, false, 10, 0);
	ok(s.counts == 1U << A_COUNT && s.wheres == 1U << A_RATIO &&
		   s.fields == (1U << A_DISTINCT | 1U << A_SUM) && s.distinct == 1U << A_DISTINCT,
	   "what each aggregate takes: count none, ratio its where, distinct and sum a field");
	w = win_new(&s);
	add(w, &s, 100 * S, 1, true, 5, &v);
	add(w, &s, 105 * S, 2, false, 7, &v);
	ok_eq(v.n, 2, "two records in (100s, 110s]");
	add(w, &s, 110 * S - 1, 3, false, 0, &v);
	ok_eq(v.n, 3, "a record 1 ns short of the length keeps the oldest in");
	add(w, &s, 110 * S, 4, true, 1, &v);
	ok_eq(v.n, 3, "a record exactly length older than the newest is out");
	ok_eq((long long)v.agg[A_COUNT], 3, "count");
	ok_eq((long long)v.agg[A_DISTINCT], 3, "distinct of what is left");
	ok(v.agg[A_RATIO] > 0.333 && v.agg[A_RATIO] < 0.334, "ratio 1/3 (%g)", v.agg[A_RATIO]);
	ok_eq((long long)v.agg[A_SUM], 8, "sum 7 + 0 + 1");
	ok_eq(v.first_ns, 105 * S, "oldest record left is the one at 105s");
	ok_eq(v.end_ns, 110 * S, "window ends at the newest record");
	ok_eq(v.start_ns, 100 * S, "and starts (exclusive) one length before");
	ok_eq(win_entries(w), 3 + 4, "three buckets held, and four values (one stale until swept)");
	win_free(w, &s);
}

static void test_sliding_distinct_exact(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w;

	spec_for(&s, false, 10, 0);
	w = win_new(&s);
	add(w, &s, 1 * S, 42, false, 0, &v);
	add(w, &s, 2 * S, 42, false, 0, &v);
	add(w, &s, 3 * S, 0, false, 0, &v);
	ok_eq((long long)v.agg[A_DISTINCT], 1, "one value twice, one absent: distinct 1");
	ok_eq((long long)v.agg[A_COUNT], 3, "count includes the record without the field");
	add(w, &s, 11 * S, 7, false, 0, &v);
	ok_eq((long long)v.agg[A_DISTINCT], 2, "first copy left, the second keeps 42 counted");
	add(w, &s, 12 * S, 8, false, 0, &v);
	ok_eq((long long)v.agg[A_DISTINCT], 2, "second copy left too: 42 gone, 7 and 8 remain");
	for (uint64_t i = 0; i < 1000; i++)
		add(w, &s, 13 * S + i, 1000 + i, false, 0, &v);
	ok_eq((long long)v.agg[A_DISTINCT], 1002, "1002 distinct values after growth");
	add(w, &s, 30 * S, 5, false, 0, &v);
	ok_eq((long long)v.agg[A_DISTINCT], 1, "all expired at once: only the new value");
	ok_eq(win_entries(w), 2, "one bucket and one value held: the rest went with the last bucket");
	win_free(w, &s);
}

/* A window reset for another group (the engine's pool): what it held before must not count. */
static void test_reset_reuse(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w;

	spec_for(&s, false, 60, 0);
	w = win_new(&s);
	/* 12 values over 6 buckets: the set (8 inline) and the ring (4 inline) grown onto the heap. */
	for (uint64_t i = 0; i < 12; i++)
		add(w, &s, (1 + i / 2) * S, 100 + i, true, 1, &v);
	ok_eq((long long)v.agg[A_DISTINCT], 12, "12 distinct values before the reset");
	win_reset(w, &s);
	ok_eq(win_entries(w), 0, "reset: nothing held");
	add(w, &s, 500 * S, 100, false, 3, &v);
	add(w, &s, 501 * S, 101, false, 4, &v);
	ok_eq(v.n, 2, "reused: only its own two records");
	ok_eq((long long)v.agg[A_DISTINCT], 2, "reused: values of the old group (100, 101) are new");
	ok_eq((long long)v.agg[A_SUM], 7, "reused: sum 3 + 4");
	ok_eq(v.first_ns, 500 * S, "reused: the oldest record is its own");
	for (uint64_t i = 0; i < 300; i++)
		add(w, &s, (502 + i / 10) * S, 1000 + i, false, 0, &v);
	ok_eq((long long)v.agg[A_DISTINCT], 302, "reused: grows again (302 distinct)");
	win_reset(w, &s);
	add(w, &s, 900 * S, 1000, false, 0, &v);
	ok_eq((long long)v.agg[A_DISTINCT], 1, "reset again: one value");
	ok_eq(win_entries(w), 2, "one bucket and one value held");
	for (uint64_t i = 0; i < 12; i++)
		add(w, &s, (901 + i) * S, 2000 + i, false, 0, &v);
	add(w, &s, 2000 * S, 2000, false, 0, &v);
	ok_eq((long long)v.agg[A_DISTINCT], 1,
	      "all expired: 2000 is new, alone");
	win_free(w, &s);
}

static void test_sliding_late(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w;

	spec_for(&s, false, 10, 5 * S);
	w = win_new(&s);
	add(w, &s, 20 * S, 1, false, 0, &v);
	ok_eq(add(w, &s, 15 * S, 2, false, 0, &v), 0, "a late record inside the window is taken");
	ok_eq(v.n, 2, "and counted");
	ok_eq(v.first_ns, 15 * S, "kept in ts order");
	ok_eq(add(w, &s, 10 * S, 3, false, 0, &v), WIN_TOO_OLD,
	      "a late record exactly length older than the newest is refused");
	add(w, &s, 26 * S, 4, false, 0, &v);
	ok_eq(v.n, 2, "the late record leaves by its own ts (15s <= 26s - 10s)");
	ok_eq(v.first_ns, 20 * S, "oldest left is 20s");
	ok_eq(win_expire(w, &s, 35 * S), false, "expire up to 35s keeps the 26s record");
	ok_eq(win_entries(w), 1 + 3, "one bucket left (and three values, two stale)");
	ok_eq(win_expire(w, &s, 36 * S), true, "expire up to 36s empties the window");
	win_free(w, &s);
}

/* A window with a cap of cap values, filled with cap records of distinct values, one per second. */
static struct win *at_cap(struct win_spec *s, bool tumbling, uint32_t cap, struct win_view *v)
{
	struct win *w;
	int flags = 0;

	spec_for(s, tumbling, 3600, 0);
	s->max_values = cap;
	w = win_new(s);
	for (uint64_t i = 0; i < cap; i++)
		flags |= add(w, s, i * S, i + 1, false, 0, v);
	ok_eq(flags, 0, "%u values fit a cap of %u", cap, cap);
	return w;
}

static void test_sliding_cap(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w = at_cap(&s, false, 16, &v);

	ok_eq(add(w, &s, 16 * S, 99, false, 0, &v), WIN_TRUNCATED, "a 17th value truncates");
	ok_eq(v.n, 17, "the record still counts");
	ok_eq(v.first_ns, 0, "nothing left early");
	ok_eq((long long)v.agg[A_DISTINCT], 16, "distinct stays at the cap");
	ok_eq(add(w, &s, 17 * S, 5, false, 0, &v), 0, "a value already held is fine");
	win_free(w, &s);
}

/* Whole seconds are exact (test_sliding_boundary); finer times leave at most a bucket early. */
static void test_sliding_subsecond(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w;

	spec_for(&s, false, 10, 0);
	ok_eq(s.bucket_ns, S, "windows up to 600 s: 1 s buckets");
	ok_eq(s.buckets, 10, "10 of them");
	w = win_new(&s);
	add(w, &s, 100 * S + S / 2, 1, false, 0, &v);
	add(w, &s, 110 * S - 1, 2, false, 0, &v);
	ok_eq(v.n, 2, "100.5 s is in at 109.999 s (its bucket is one of the last 10)");
	add(w, &s, 110 * S + S / 5, 3, false, 0, &v);
	ok_eq(v.n, 2, "at 110.2 s it is out, 0.3 s early: less than a bucket");
	ok_eq(v.first_ns, 110 * S - 1, "the oldest left is 109.999 s");
	win_free(w, &s);

	spec_for(&s, false, 3600, 0);
	ok_eq(s.bucket_ns, 6 * S, "an hour: buckets of 6 s");
	ok_eq(s.buckets, 600, "600 of them");
	w = win_new(&s);
	add(w, &s, 1000 * S, 1, false, 0, &v); /* bucket [996 s, 1002 s) */
	add(w, &s, 4596 * S - 1, 2, false, 0, &v);
	ok_eq(v.n, 2, "3596 s later: still in");
	add(w, &s, 4596 * S, 3, false, 0, &v);
	ok_eq(v.n, 2, "at 4596 s its bucket leaves: 4 s before the exact 4600 s, under one bucket");
	win_free(w, &s);
}

/* Many records a second: the window counts them all, in one bucket per second. */
static void test_sliding_busy(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w;
	uint64_t n = 0;

	spec_for(&s, false, 60, 10 * S);
	w = win_new(&s);
	for (uint64_t t = 0; t < 120; t++)
		for (uint64_t i = 0; i < 1000; i++, n++)
			add(w, &s, 1000 * S + t * S + i * 1000, i % 50 + 1, i % 4 == 0, 1, &v);
	ok_eq(v.n, 60000, "1000 records a second over the last 60 s: all counted");
	ok_eq((long long)v.agg[A_SUM], 60000, "sum over them");
	ok_eq((long long)v.agg[A_DISTINCT], 50, "50 distinct values");
	ok(v.agg[A_RATIO] > 0.2499 && v.agg[A_RATIO] < 0.2501, "ratio 1/4 (%g)", v.agg[A_RATIO]);
	ok_eq(win_entries(w), 60 + 50, "held: 60 buckets and 50 values, not 60000 records");
	ok_eq(add(w, &s, 1115 * S, 7, false, 1, &v), 0, "a record 4 s late");
	ok_eq(v.n, 60001, "lands in its second's bucket");
	win_free(w, &s);
}

/* Late records: into their bucket when it is held, slid in among the buckets when not. */
static void test_sliding_late_buckets(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w;

	spec_for(&s, false, 10, 10 * S);
	w = win_new(&s);
	for (uint64_t t = 100; t <= 108; t += 2)
		add(w, &s, t * S, t, false, 0, &v);
	ok_eq(win_entries(w), 5 + 5, "five buckets (100, 102 .. 108) and five values");
	add(w, &s, 103 * S, 103, false, 0, &v);
	ok_eq(win_entries(w), 6 + 6, "a late record in an empty second makes its bucket");
	add(w, &s, 104 * S + S / 2, 104, false, 0, &v);
	ok_eq(win_entries(w), 6 + 6, "one in a held second goes into it");
	ok_eq(v.n, 7, "both counted");
	add(w, &s, 100 * S - S / 2, 99, false, 0, &v);
	ok_eq(v.first_ns, 100 * S - S / 2, "a late record older than every bucket becomes the oldest");
	add(w, &s, 109 * S + S / 2, 0, false, 0, &v);
	ok_eq(v.n, 8, "at 109.5 s the bucket of 99.5 s has left (the window is 100 .. 109)");
	add(w, &s, 113 * S, 0, false, 0, &v);
	ok_eq(v.n, 6, "at 113 s buckets 100 .. 103 have left: 104 (2), 106, 108, 109, 113");
	ok_eq(v.first_ns, 104 * S, "the oldest left is 104 s");
	ok_eq((long long)v.agg[A_DISTINCT], 3, "distinct 104, 106, 108 (the records after had none)");
	win_free(w, &s);
}

/* A value seen again moves to the newer bucket; stale values are swept as the table fills. */
static void test_sliding_values_swept(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w;
	size_t most = 0;

	spec_for(&s, false, 10, 0);
	w = win_new(&s);
	add(w, &s, 1 * S, 7, false, 0, &v);
	add(w, &s, 9 * S, 7, false, 0, &v);
	add(w, &s, 11 * S + S / 2, 8, false, 0, &v);
	ok_eq((long long)v.agg[A_DISTINCT], 2, "7's first bucket left, its second keeps it counted");
	add(w, &s, 19 * S, 9, false, 0, &v);
	ok_eq((long long)v.agg[A_DISTINCT], 2, "7 left with its newest bucket: 8 and 9");
	for (uint64_t t = 0; t < 2000; t++) {
		add(w, &s, (100 + t) * S, 1000 + t, false, 0, &v);
		if (win_entries(w) > most)
			most = win_entries(w);
	}
	ok_eq((long long)v.agg[A_DISTINCT], 10, "one new value a second for 2000 s: 10 in the window");
	ok(most <= 10 + 32, "never more than 10 buckets and 32 values held (%zu)", most);
	win_free(w, &s);
}

static void test_tumbling(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w;

	spec_for(&s, true, 60, 10 * S);
	ok_eq(s.slots, 3, "slots: current, previous, one more for 10 s of lateness");
	w = win_new(&s);
	add(w, &s, 60 * S - 1, 1, false, 0, &v);
	ok_eq(v.start_ns, 0, "59.999s is in [0, 60s)");
	add(w, &s, 60 * S, 2, false, 0, &v);
	ok_eq(v.start_ns, 60 * S, "60s starts the next window, aligned to the epoch");
	ok_eq(v.n, 1, "a new window starts empty");
	ok_eq((long long)v.prev[A_COUNT], 1, "previous window count is 1");
	add(w, &s, 61 * S, 2, true, 3, &v);
	add(w, &s, 62 * S, 3, true, 4, &v);
	ok_eq((long long)v.agg[A_COUNT], 3, "count in [60s, 120s)");
	ok_eq((long long)v.agg[A_DISTINCT], 2, "distinct 2 and 3");
	ok(v.agg[A_RATIO] > 0.66 && v.agg[A_RATIO] < 0.67, "ratio 2/3");
	ok_eq((long long)v.agg[A_SUM], 7, "sum 3 + 4");
	ok_eq(add(w, &s, 59 * S, 9, false, 0, &v), 0, "a late record for the previous window");
	ok_eq(v.start_ns, 0, "lands in [0, 60s)");
	ok_eq(v.n, 2, "which now counts 2");
	add(w, &s, 63 * S, 4, false, 0, &v);
	ok_eq((long long)v.prev[A_COUNT], 2, "the current window sees the late record as previous");
	add(w, &s, 185 * S, 5, false, 0, &v);
	ok_eq(v.start_ns, 180 * S, "window [180s, 240s)");
	ok_eq((long long)v.prev[A_COUNT], 0, "the window before it saw nothing");
	ok_eq(add(w, &s, 59 * S, 1, false, 0, &v), WIN_TOO_OLD, "a window no slot keeps is refused");
	ok_eq(win_expire(w, &s, 240 * S), false, "[180s, 240s) is still the previous of 240s");
	ok_eq(win_expire(w, &s, 300 * S), true, "at 300s nothing is left");
	ok_eq(win_entries(w), 0, "no distinct values held");
	win_free(w, &s);
}

static void test_tumbling_distinct_cap(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w = at_cap(&s, true, 8, &v);

	ok_eq(add(w, &s, 9 * S, 100, false, 0, &v), WIN_TRUNCATED, "a 9th value is not counted");
	ok_eq((long long)v.agg[A_DISTINCT], 8, "distinct stays at the cap");
	ok_eq((long long)v.agg[A_COUNT], 9, "count still counts the record");
	ok_eq(add(w, &s, 10 * S, 3, false, 0, &v), 0, "a value already held is fine");
	ok_eq(win_entries(w), 8, "8 values held");
	win_free(w, &s);
}

enum { M_MIN, M_MAX, M_N };

/* min and max of one numeric field, then count. */
static void mm_spec(struct win_spec *s, bool tumbling, uint64_t len_s, uint64_t late_ns)
{
	static const enum agg_fn fns[] = { AGG_MIN, AGG_MAX, AGG_COUNT };

	spec_of(s, tumbling, len_s, late_ns, fns, 3);
}

/* A record at ts s with the field's value x; x < 0: the record lacks the field. */
static int mm_add(struct win *w, const struct win_spec *s, uint64_t ts_s, long long x,
		  struct win_view *v)
{
	struct win_input in = { .ts_ns = ts_s * S };

	if (x >= 0) {
		in.bits = 1U << M_MIN | 1U << M_MAX;
		in.val[s->val_of[M_MIN]] = (uint64_t)x;
		in.val[s->val_of[M_MAX]] = (uint64_t)x;
	}
	return add_viewed(w, s, &in, v);
}

#define MM(v, lo, hi) ((long long)(v).agg[M_MIN] == (lo) && (long long)(v).agg[M_MAX] == (hi))

static void test_sliding_min_max(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w;

	mm_spec(&s, false, 10, 5 * S);
	ok_eq(s.n_vals, 2, "min and max take a value per record each");
	w = win_new(&s);
	mm_add(w, &s, 1, -1, &v);
	ok(MM(v, 0, 0), "no value yet: min and max are 0");
	mm_add(w, &s, 2, 500, &v);
	mm_add(w, &s, 3, 200, &v);
	mm_add(w, &s, 4, 900, &v);
	mm_add(w, &s, 5, 400, &v);
	mm_add(w, &s, 6, -1, &v);
	ok(MM(v, 200, 900), "min 200, max 900 of 500 200 900 400 (%g, %g)", v.agg[M_MIN],
	   v.agg[M_MAX]);
	ok_eq(v.agg[M_N], 6, "records without the field still count");
	mm_add(w, &s, 12, 600, &v);
	ok(MM(v, 200, 900), "500 left (not an extreme): unchanged");
	mm_add(w, &s, 13, 700, &v);
	ok(MM(v, 400, 900), "200 left: min is the next smallest, 400 (%g)", v.agg[M_MIN]);
	mm_add(w, &s, 14, 650, &v);
	ok(MM(v, 400, 700), "900 left: max is the next largest, 700 (%g)", v.agg[M_MAX]);
	mm_add(w, &s, 15, 650, &v);
	mm_add(w, &s, 16, 100, &v);
	ok(MM(v, 100, 700), "400 left with 100 coming in: min 100");
	mm_add(w, &s, 23, 300, &v);
	ok(MM(v, 100, 650), "600 and 700 left: max is 650, held twice (%g)", v.agg[M_MAX]);
	mm_add(w, &s, 24, -1, &v);
	ok(MM(v, 100, 650), "one 650 left, the other keeps it the max");
	mm_add(w, &s, 25, -1, &v);
	ok(MM(v, 100, 300), "both 650s left: max 300 (%g)", v.agg[M_MAX]);
	ok_eq(mm_add(w, &s, 21, 50, &v), 0, "a late record with a new minimum");
	ok(MM(v, 50, 300), "counts at once: min 50");
	mm_add(w, &s, 31, 80, &v);
	ok(MM(v, 80, 300), "the late 50 and the 100 left by their own ts: min 80 (%g)",
	   v.agg[M_MIN]);
	ok_eq(win_expire(w, &s, 33 * S), false, "expiry up to 33s leaves records");
	mm_add(w, &s, 34, 90, &v);
	ok(MM(v, 80, 90), "300 expired without a record; the next one sees max 90 (%g)",
	   v.agg[M_MAX]);
	mm_add(w, &s, 50, -1, &v);
	ok(MM(v, 0, 0), "every value gone: 0 again");
	win_free(w, &s);

	mm_spec(&s, false, 10, 0);
	w = win_new(&s);
	mm_add(w, &s, 1, 9, &v);
	mm_add(w, &s, 1, 3, &v);
	mm_add(w, &s, 2, 5, &v);
	ok(MM(v, 3, 9), "two values in one bucket: min 3, max 9");
	mm_add(w, &s, 11, 4, &v);
	ok(MM(v, 4, 5), "their bucket left with both extremes: 4 and 5 (%g, %g)", v.agg[M_MIN],
	   v.agg[M_MAX]);
	win_free(w, &s);
}

/*
 * A sliding view's aggregates are computed when asked: none after win_add,
 * each once asked, and a min whose extreme left while nobody asked is rebuilt
 * when it is.
 */
static void test_sliding_view_on_demand(void)
{
	struct win_spec s;
	struct win_view v;
	struct win_input in = { .bits = 1U << M_MIN | 1U << M_MAX };
	struct win *w;

	mm_spec(&s, false, 10, 0);
	w = win_new(&s);
	for (uint64_t t = 1; t <= 12; t++) {
		in.ts_ns = t * S;
		in.val[s.val_of[M_MIN]] = in.val[s.val_of[M_MAX]] = 100 + t;
		memset(&v, 0xff, sizeof(v)); /* known all set, every aggregate a NaN */
		win_add(w, &s, &in, &v);
	}
	ok_eq(v.known, 0, "after win_add no aggregate is computed");
	ok_eq(v.n, 10, "the count is (records at 3..12 s)");
	ok_eq(win_view_agg(w, &s, &v, M_MIN), 103, "min asked: 103, the 101 and 102 gone unasked");
	ok_eq(v.known, 1U << M_MIN, "only min is known");
	ok_eq(win_view_agg(w, &s, &v, M_N), 10, "count asked: the records, nothing to compute");
	ok(v.agg[M_MAX] != v.agg[M_MAX], "max not computed until asked (still the NaN it was)");
	win_view_all(w, &s, &v);
	ok_eq(v.agg[M_MAX], 112, "max 112 once all are asked");
	ok_eq(v.agg[M_N], 10, "count 10");
	ok_eq(v.known, (1U << M_N) * 2 - 1, "all known");
	win_free(w, &s);

	mm_spec(&s, true, 60, 0);
	w = win_new(&s);
	mm_add(w, &s, 1, 7, &v);
	memset(&v, 0, sizeof(v));
	in.ts_ns = 2 * S;
	in.val[s.val_of[M_MIN]] = in.val[s.val_of[M_MAX]] = 3;
	win_add(w, &s, &in, &v);
	ok(v.known == (1U << M_N) * 2 - 1 && MM(v, 3, 7), "tumbling: all known at once, min 3, max 7");
	win_free(w, &s);
}

static void test_tumbling_min_max(void)
{
	struct win_spec s;
	struct win_view v;
	struct win *w;

	mm_spec(&s, true, 60, 0);
	w = win_new(&s);
	mm_add(w, &s, 1, 404, &v);
	mm_add(w, &s, 2, 200, &v);
	mm_add(w, &s, 3, 503, &v);
	ok(MM(v, 200, 503), "min 200, max 503 in [0, 60s)");
	mm_add(w, &s, 61, 301, &v);
	ok(MM(v, 301, 301), "a new window starts over");
	ok((long long)v.prev[M_MIN] == 200 && (long long)v.prev[M_MAX] == 503,
	   "the previous window keeps its own");
	mm_add(w, &s, 62, -1, &v);
	ok(MM(v, 301, 301), "a record without the field changes neither");
	win_free(w, &s);
}

static void test_rate(void)
{
	struct rate_spec s;
	struct rate_win *w;
	uint64_t sum = 0;

	rate_spec_init(&s, 5);
	ok_eq(s.buckets, 5, "5 s: five 1-second buckets");
	w = rate_win_new(&s);
	rate_win_add(w, &s, 100 * S, 3, &sum);
	rate_win_add(w, &s, 104 * S + S / 2, 4, &sum);
	ok_eq(sum, 7, "buckets 100..104 all count");
	rate_win_add(w, &s, 105 * S, 1, &sum);
	ok_eq(sum, 5, "bucket 100 left when 105 arrived");
	ok_eq(rate_win_add(w, &s, 100 * S, 1, &sum), WIN_TOO_OLD, "a sample for bucket 100 is too old");
	ok_eq(rate_win_add(w, &s, 101 * S, 2, &sum), 0, "bucket 101 is still kept");
	ok_eq(sum, 7, "and counted");
	rate_win_add(w, &s, 200 * S, 1, &sum);
	ok_eq(sum, 1, "a jump past the whole window starts over");
	ok_eq(rate_win_expire(w, &s, 204 * S), false, "still live at 204s");
	ok_eq(rate_win_expire(w, &s, 205 * S), true, "gone at 205s");
	rate_win_add(w, &s, 197 * S, 2, &sum);
	ok_eq(sum, 3, "a late 197 counts: its bucket lies behind the newest's, across the wrap");
	rate_win_add(w, &s, 201 * S, 1, &sum);
	ok_eq(sum, 4, "201: the empty 196 left");
	rate_win_add(w, &s, 202 * S, 1, &sum);
	ok_eq(sum, 3, "202: 197 left from the bucket it was put in");
	free(w);
	rate_spec_init(&s, 3600);
	w = rate_win_new(&s);
	rate_win_add(w, &s, 7200 * S, 5, &sum);
	rate_win_add(w, &s, 7259 * S, 1, &sum);
	ok_eq(sum, 6, "minute buckets: 7200 s and 7259 s share one");
	rate_win_add(w, &s, 10799 * S, 1, &sum);
	ok_eq(sum, 7, "the hour's last bucket still holds the first");
	rate_win_add(w, &s, 10800 * S, 1, &sum);
	ok_eq(sum, 2, "an hour after 7200 s, that minute left");
	free(w);
	rate_spec_init(&s, 3600);
	ok_eq(s.buckets, 60, "an hour: 60 buckets");
	ok_eq(s.bucket_ns, 60 * S, "of a minute each");
	rate_spec_init(&s, 90);
	ok_eq(s.over_ns, 90 * S, "90 s: 45 buckets of 2 s cover it exactly");
}

/* A value set whose first room is 8 entries on the stack. */
static void set_on(struct value_set *vs, struct value_entry *room)
{
	memset(room, 0, 8 * sizeof(*room));
	*vs = (struct value_set){ .e = room, .mask = 7 };
}

/* value_set_held: the last value taken, in the same bucket, that has not left; nothing else. */
static void test_value_set_last(void)
{
	struct value_entry room[8];
	struct value_set vs;
	struct value_at was;

	set_on(&vs, room);
	ok(!value_set_held(&vs, 0, 0, 0), "empty: nothing is held (0 is no value)");
	ok_eq(value_set_see(&vs, 42, (struct value_at){ 5, 0 }, 0, 100, &was), VALUE_NEW, "42 new");
	ok(value_set_held(&vs, 42, 5, 0), "42 again in bucket 5: held without a lookup");
	ok(!value_set_held(&vs, 42, 6, 0), "in bucket 6: not (it moves)");
	ok(!value_set_held(&vs, 42, 5, 5), "once bucket 5 left: not (it is stale)");
	ok(!value_set_held(&vs, 43, 5, 0), "another value: not");
	ok_eq(value_set_see(&vs, 42, (struct value_at){ 5, 0 }, 0, 100, &was), VALUE_HELD,
	      "the call answers held too");
	ok_eq(value_set_see(&vs, 42, (struct value_at){ 7, 0 }, 0, 100, &was), VALUE_MOVED,
	      "a newer bucket moves it");
	ok(was.bucket == 5 && value_set_held(&vs, 42, 7, 0), "from bucket 5; held in 7 now");
	ok_eq(value_set_see(&vs, 43, (struct value_at){ 7, 0 }, 0, 1, &was), VALUE_FULL,
	      "43 at a cap of one value: not taken");
	ok(!value_set_held(&vs, 43, 7, 0) && value_set_held(&vs, 42, 7, 0),
	   "a value not taken is not the last: 42 still is");
	value_set_clear(&vs);
	ok(!value_set_held(&vs, 42, 7, 0), "cleared: nothing held");
	ok_eq(value_set_see(&vs, 42, (struct value_at){ 7, 0 }, 0, 100, &was), VALUE_NEW,
	      "and 42 is new again");
}

/*
 * Runs of one value in one second (a page and its assets), values coming
 * back after others and after their bucket left: distinct after every
 * record against the values of the records in (t - 60 s, t].
 */
static void test_sliding_distinct_runs(void)
{
	enum { N = 3000 };
	static uint64_t ts[N], val[N];
	struct win_spec s;
	struct win_view v;
	struct win *w;
	uint64_t x = 12345, t = 1000 * S;
	size_t bad = N;

	spec_for(&s, false, 60, 0);
	w = win_new(&s);
	for (size_t i = 0; i < N; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		if (x % 4 == 0) /* a quarter start a new second, up to 20 s later */
			t += (1 + x % 20) * S;
		ts[i] = t;
		val[i] = i && x % 3 ? val[i - 1] : 1 + (x >> 8) % 12; /* mostly the same as before */
		add(w, &s, ts[i], val[i], false, 0, &v);
		uint64_t seen[13] = { 0 }, want = 0;

		for (size_t j = 0; j <= i; j++)
			if (ts[j] + 60 * S > t && !seen[val[j]]++)
				want++;
		if (bad == N && (uint64_t)v.agg[A_DISTINCT] != want)
			bad = i;
	}
	ok_eq(bad, N, "distinct exact after each of 3000 records (index of the first that is not)");
	win_free(w, &s);
}

static void test_hash(void)
{
	uint64_t a = gh_hash_bytes("/index.html", 11, 1), b = gh_hash_bytes("/index.htm", 10, 1);
	uint64_t zeros[4] = { 0 };

	ok(a != b, "different strings, different hashes");
	ok(a == gh_hash_bytes("/index.html", 11, 1), "the same string, the same hash");
	ok(a != gh_hash_bytes("/index.html", 11, 2), "the seed matters");
	ok(gh_hash_bytes(zeros, 8, 0) != gh_hash_bytes(zeros, 16, 0), "length matters");
	ok(gh_hash_bytes(NULL, 0, 0) != 0, "never 0 (0 marks an absent value)");
}

int main(void)
{
	test_sliding_boundary();
	test_sliding_distinct_exact();
	test_reset_reuse();
	test_sliding_late();
	test_sliding_cap();
	test_sliding_subsecond();
	test_sliding_busy();
	test_sliding_late_buckets();
	test_sliding_values_swept();
	test_tumbling();
	test_tumbling_distinct_cap();
	test_sliding_min_max();
	test_sliding_view_on_demand();
	test_tumbling_min_max();
	test_rate();
	test_hash();
	test_value_set_last();
	test_sliding_distinct_runs();
	return tap_done();
}
