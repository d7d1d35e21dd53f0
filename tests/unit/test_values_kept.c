// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * A distinct aggregate that an all-having bounds from above keeps only the
 * values seen last (window.h): which havings get it and how many values
 * they keep, the value set's answers (replace the value seen longest ago,
 * ignore one older than all held), and the count after every record of a
 * random run with late records against min(the distinct values in the
 * window, what it keeps), sliding and tumbling.
 */
#include <string.h>

#include "tap.h"
#include "engine/value_set.h"
#include "engine/window.h"

#define S 1000000000ULL

enum { A_COUNT, A_DISTINCT };

/*
 * count and distinct; having all [count ge 1 (rise: with that rise_factor),
 * distinct OP value] (or any).
 */
static void spec_with(struct win_spec *s, bool tumbling, bool any, enum cmp_op op, double value,
		      double rise, bool exact)
{
	struct policy_window pw = {
		.tumbling = tumbling, .length_s = 60, .n_aggs = 2, .n_conds = 2, .having_any = any,
	};

	pw.aggs[A_COUNT].fn = AGG_COUNT;
	pw.aggs[A_DISTINCT].fn = AGG_DISTINCT;
	pw.conds[0] = (struct policy_cond){ .agg = A_COUNT, .op = CMP_GE, .value = 1,
					    .rise_factor = rise };
	pw.conds[1] = (struct policy_cond){ .agg = A_DISTINCT, .op = op, .value = value };
	win_spec_init(s, &pw, 5 * S, exact);
}

static void test_which_keep_few(void)
{
	static const struct {
		bool tumbling, any, exact;
		enum cmp_op op;
		double value, rise;
		uint8_t keep;
		const char *why;
	} cases[] = {
		{ false, false, false, CMP_LE, 3, 0, 4, "at most 3: keeps the 4 values seen last" },
		{ false, false, false, CMP_LT, 2.5, 0, 3, "below 2.5: keeps 3" },
		{ false, false, false, CMP_EQ, 0, 0, 1, "exactly 0: keeps 1" },
		{ false, false, false, CMP_LE, 7, 0, 8, "at most 7: keeps 8, the window's own room" },
		{ false, false, false, CMP_LE, 8, 0, 0, "at most 8: every value (a hash set)" },
		{ false, false, false, CMP_GE, 3, 0, 0,
		  "at least 3: every value (an alert shows the count)" },
		{ false, true, false, CMP_LE, 3, 0, 0,
		  "any-having: every value (it may hold with more)" },
		{ false, false, true, CMP_LE, 3, 0, 0, "exact (a trace): every value" },
		{ true, false, false, CMP_LE, 2, 2, 0,
		  "a rise_factor on another aggregate: every value (the evidence shows the window "
		  "before's whole)" },
		{ true, false, false, CMP_LE, 2, 0, 3, "tumbling, at most 2: keeps 3" },
	};
	struct win_spec s;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		spec_with(&s, cases[i].tumbling, cases[i].any, cases[i].op, cases[i].value,
			  cases[i].rise, cases[i].exact);
		ok_eq(s.keep[A_DISTINCT], cases[i].keep, "%s", cases[i].why);
	}
	ok_eq(s.keep[A_COUNT], 0, "count keeps no values");
}

static void test_set_answers(void)
{
	struct value_entry room[8] = { { 0 } };
	struct value_set vs = { .e = room, .mask = 7 };
	struct value_at was = { 0 };

	ok_eq(value_set_see_newest(&vs, 1, (struct value_at){ 6, 1 }, 0, 2, &was), VALUE_NEW, "1 new");
	ok_eq(value_set_see_newest(&vs, 2, (struct value_at){ 5, 2 }, 0, 2, &was), VALUE_NEW,
	      "2 new (late: an older bucket)");
	ok_eq(vs.live, 2, "two counted");
	ok_eq(value_set_see_newest(&vs, 3, (struct value_at){ 5, 2 }, 0, 2, &was), VALUE_HELD,
	      "3 seen no later than both held: nothing changes");
	ok_eq(value_set_see_newest(&vs, 4, (struct value_at){ 7, 3 }, 0, 2, &was), VALUE_REPLACED,
	      "4 newer: replaces a value");
	ok(was.bucket == 5 && was.where == 2, "the one seen longest ago (2, in bucket 5)");
	ok_eq(vs.live, 2, "still two counted");
	ok(!value_set_held(&vs, 2, 5, 0), "2, let go, is not held");
	ok_eq(value_set_see_newest(&vs, 2, (struct value_at){ 5, 2 }, 0, 2, &was), VALUE_HELD,
	      "and seen again in its old bucket changes nothing");
	ok_eq(value_set_see_newest(&vs, 1, (struct value_at){ 8, 4 }, 0, 2, &was), VALUE_MOVED,
	      "1 in a newer bucket moves");
	ok_eq(was.bucket, 6, "from bucket 6");
	ok_eq(value_set_see_newest(&vs, 5, (struct value_at){ 9, 5 }, 7, 2, &was), VALUE_NEW,
	      "once bucket 7 left, 5 takes 4's stale entry");
	ok(vs.live == 3 && vs.used == 2, "counted (the caller forgets what left), in two entries");
}

/* The value of the record (0: none) into w; the count and whether the record was too old. */
static bool kept_add(struct win *w, const struct win_spec *s, uint64_t ts, uint64_t value,
		     double *count)
{
	struct win_input in = { .ts_ns = ts, .bits = (uint32_t)!!value << A_DISTINCT };
	struct win_view v;
	int rc;

	in.val[s->val_of[A_DISTINCT]] = value;
	memset(&v, 0, sizeof(v));
	rc = win_add(w, s, &in, &v);
	if (rc < 0 || rc & WIN_TOO_OLD)
		return false;
	win_view_all(w, s, &v);
	*count = v.agg[A_DISTINCT];
	return true;
}

/*
 * A run of 4000 records, a tenth up to 4 s late, over 12 values: after
 * each, the count against min(the true count, 4). Sliding: the window is
 * the records taken with ts in (newest - 60 s, newest]; tumbling: those
 * taken in the record's minute.
 */
static void run_against_truth(bool tumbling)
{
	enum { N = 4000, KEEP = 4 };
	static uint64_t ts[N], val[N];
	static bool taken[N];
	struct win_spec s;
	struct win *w;
	uint64_t x = 99991, t = 1000 * S, newest = 0;
	size_t bad = N;

	spec_with(&s, tumbling, false, CMP_LE, 3, 0, false);
	w = win_new(&s);
	for (size_t i = 0; i < N; i++) {
		uint64_t seen[13] = { 0 }, want = 0;
		double got = 0;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		if (x % 5 == 0)
			t += (1 + x % 9) * S;
		ts[i] = x % 10 == 1 && t > 1004 * S ? t - (1 + x / 10 % 4) * S : t;
		val[i] = i && x % 3 == 0 ? val[i - 1] : 1 + (x >> 9) % 12;
		taken[i] = kept_add(w, &s, ts[i], val[i], &got);
		if (!taken[i])
			continue;
		newest = ts[i] > newest ? ts[i] : newest;
		for (size_t j = 0; j <= i; j++) {
			bool in = tumbling ? ts[j] / (60 * S) == ts[i] / (60 * S)
					   : ts[j] + 60 * S > newest;

			if (taken[j] && in && !seen[val[j]]++)
				want++;
		}
		if (bad == N && (uint64_t)got != (want < KEEP ? want : KEEP))
			bad = i;
	}
	ok_eq(bad, N, tumbling ? "tumbling: min(distinct, 4) after each of 4000 records"
			       : "sliding: min(distinct, 4) after each of 4000 records");
	win_free(w, &s);
}

int main(void)
{
	test_which_keep_few();
	test_set_answers();
	run_against_truth(false);
	run_against_truth(true);
	return tap_done();
}
