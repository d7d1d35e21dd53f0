/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Windowed aggregates of one group, on event time. The engine turns each
 * record into a win_input (what each aggregate takes from it, as
 * aggregate.h says); nothing here points into a record. Each aggregate's
 * state is folded by its agg_defs row; distinct keeps its values in a
 * value set (value_set.h).
 *
 * sliding:  the records in the last `length` of event time, in buckets of
 *           one second or, for windows longer than
 *           WIN_MAX_BUCKETS seconds, length / WIN_MAX_BUCKETS rounded up
 *           to whole seconds. The window is the `buckets` buckets ending
 *           with the newest record's: a record counts while its bucket is
 *           one of them. Error bound: a record leaves at most one bucket
 *           width before it is exactly `length` older than the newest
 *           (never after), so the window spans between length - width and
 *           length. Timestamps in whole seconds (combined and common logs)
 *           with a 1 s bucket: exact, the records with ts in (t - length, t].
 *           Per bucket the ring keeps the records' aggregates, so a record
 *           costs the same whatever leaves; a late record's bucket is found
 *           or slid in among at most the buckets of its lateness (never a
 *           shift over records). distinct stays exact as buckets leave (each
 *           value counts in the newest bucket it was seen in); min and max
 *           are rebuilt from the buckets when their extreme leaves.
 * tumbling: [k*length, (k+1)*length), aligned to the epoch. One slot of
 *           aggregates per window, enough slots for the previous window
 *           (rise_factor) and for late records within the tolerance.
 * session:  every record of the group since its session began, in one slot
 *           (a tumbling window's layout); nothing leaves. The engine ends the
 *           session when the group has been quiet for `length` (the gap),
 *           reads it whole (win_session_view) and empties it (win_reset).
 *
 * Memory: a sliding window holds at most `buckets` (<= WIN_MAX_BUCKETS)
 * buckets of a few words, however busy its group; distinct holds at most
 * WIN_MAX_VALUES values per window. A new value beyond that is not counted
 * (win_add reports it). A distinct that an all-having bounds from above
 * (at most t, t < 8; no rise_factor) keeps only the t + 1 values seen last,
 * inside the window's block: its count is exact up to t + 1, all the having
 * reads.
 *
 * rate windows are bucketed sums (the kernel counters are read once a
 * second): at most RATE_MAX_BUCKETS buckets of at least one second
 * (rate_window.c).
 */
#ifndef GATEHAWK_WINDOW_H
#define GATEHAWK_WINDOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/policy.h"

#define WIN_MAX_BUCKETS 600U
#define WIN_MAX_VALUES 8192U
#define RATE_MAX_BUCKETS 60U

struct win_spec {
	bool tumbling;              /* also for sessions: the one-slot layout */
	bool session;
	uint64_t length_ns;
	uint64_t bucket_ns;         /* sliding: width of a bucket */
	uint64_t buckets;           /* sliding: buckets in the window */
	uint8_t n_aggs;
	uint8_t n_vals;             /* aggregates that take a field: a value per record */
	uint8_t n_dist;             /* aggregates kept as a value set (distinct) */
	uint8_t n_fold;
	const struct agg_def *def[POLICY_MAX_AGGS];
	uint8_t fold[POLICY_MAX_AGGS];    /* the aggregates with a word (all but count, distinct) */
	uint8_t val_of[POLICY_MAX_AGGS];  /* aggregate -> value slot */
	uint8_t dist_of[POLICY_MAX_AGGS]; /* distinct aggregate -> its value set */
	/* distinct aggregate -> the values its set keeps, those seen last (0: all; window.c) */
	uint8_t keep[POLICY_MAX_AGGS];
	/* sliding: aggregate -> its words in a bucket (a word's two, distinct's count of values) */
	uint8_t bucket_at[POLICY_MAX_AGGS];
	/* aggregate -> its state (word or value set) in slot 0, and the words from a slot to the next */
	uint16_t state_at[POLICY_MAX_AGGS];
	uint16_t state_step[POLICY_MAX_AGGS];
	uint8_t stride;             /* sliding: words per bucket */
	uint16_t distinct;          /* bit i: aggregate i is distinct (kept as a value set) */
	uint16_t counts;            /* bit i: aggregate i is count (its view is the records) */
	uint16_t fields;            /* bit i: aggregate i takes a field (a value slot) */
	uint16_t wheres;            /* bit i: aggregate i takes whether its where holds */
	uint16_t acc_words;         /* words of one slot's aggregates */
	uint32_t sets_at;           /* words from acc to the value sets */
	uint32_t slots;             /* tumbling windows kept */
	uint32_t max_values;        /* distinct values per window */
	size_t size;                /* bytes of one struct win */
};

/* One record's contribution. */
struct win_input {
	uint64_t ts_ns;
	uint32_t bits; /* bit i: aggregate i takes it (its where holds, or it has the field) */
	uint64_t val[POLICY_MAX_AGGS]; /* by value slot (val_of): the field's hash or number */
};

/*
 * The window a record landed in, as having reads it. A sliding window's
 * aggregates are computed when asked (win_view_agg, win_view_all): a having
 * that fails on its first condition reads only that one.
 */
struct win_view {
	double agg[POLICY_MAX_AGGS];  /* those in known */
	double prev[POLICY_MAX_AGGS]; /* tumbling: the window before (0 if it saw nothing) */
	uint64_t n;
	uint64_t start_ns, end_ns;    /* sliding: (end - length, end]; tumbling: [start, end) */
	uint64_t first_ns;            /* oldest record in it (sliding), start (tumbling) */
	uint32_t known;               /* bit i: agg[i] is filled */
};

enum {
	WIN_TOO_OLD = 1,   /* before every window still kept: not counted */
	WIN_TRUNCATED = 2, /* at the cap: a new distinct value was not counted */
};

/*
 * ts in buckets width_ns wide. Windows up to WIN_MAX_BUCKETS seconds (most)
 * have second-wide buckets: a division by a constant, which compiles to a
 * multiply, not a 64-bit divide (tens of cycles, on every record's path).
 */
static inline uint64_t win_in_buckets(uint64_t ts, uint64_t width_ns)
{
	return width_ns == 1000000000ULL ? ts / 1000000000ULL : ts / width_ns;
}

struct win;

/*
 * late_ns: how far behind its group's newest record a record may still count.
 * exact: distinct counts every value, also where the having needs only the
 * first few (then a count above them reads as one more than the having's
 * largest threshold).
 */
void win_spec_init(struct win_spec *s, const struct policy_window *pw, uint64_t late_ns,
		   bool exact);
struct win *win_new(const struct win_spec *s);
void win_free(struct win *w, const struct win_spec *s);
/* Empty it for reuse by another group: back to its inline room, heap buffers freed. */
void win_reset(struct win *w, const struct win_spec *s);
/*
 * Ask the cache for where the record's distinct values go (in: its values
 * so far), for the caller to do while it makes the rest of the win_input.
 */
void win_prefetch_values(struct win *w, const struct win_spec *s, const struct win_input *in);
/*
 * WIN_* flags, or -ENOMEM (the record is then not counted). view filled
 * unless WIN_TOO_OLD, its aggregates as known says.
 */
int win_add(struct win *w, const struct win_spec *s, const struct win_input *in,
	    struct win_view *view);
/* Aggregate i of the view win_add just filled (no other record added since), computed once. */
double win_view_compute(struct win *w, const struct win_spec *s, struct win_view *view, uint8_t i);

/* The same, inline for what needs no computing: a known aggregate, or a count. */
static inline double win_view_agg(struct win *w, const struct win_spec *s, struct win_view *view,
				  uint8_t i)
{
	if (view->known >> i & 1)
		return view->agg[i];
	return s->counts >> i & 1 ? (double)view->n : win_view_compute(w, s, view, i);
}
/* Every aggregate of the view (evidence, traces). */
void win_view_all(struct win *w, const struct win_spec *s, struct win_view *view);
/*
 * Release what no record at or after horizon can see any more. Returns true
 * when nothing is left.
 */
bool win_expire(struct win *w, const struct win_spec *s, uint64_t horizon_ns);
/*
 * A session's newest record's ts, 0 while it holds none: the session is over
 * once the group has been quiet for the gap after it.
 */
uint64_t win_session_last(const struct win *w);
/* The whole session as having reads it, every aggregate known; start_ns = first_ns = its first record. */
void win_session_view(struct win *w, const struct win_spec *s, struct win_view *view);
/*
 * A session whose having can no longer hold (engine_window.c decides): its
 * later records only keep it going (win_session_touch), taking no record,
 * until it ends and win_reset starts the next one afresh.
 */
void win_session_spoil(struct win *w);
bool win_session_spoiled(const struct win *w);
void win_session_touch(struct win *w, uint64_t ts_ns);
/*
 * Buckets plus distinct values held: the unit of the engine's memory budget.
 * The window's first word (window.c), read inline: every record asks twice.
 */
static inline size_t win_entries(const struct win *w)
{
	return *(const uint32_t *)(const void *)w;
}

struct rate_spec {
	uint64_t bucket_ns;
	uint32_t buckets;
	uint64_t over_ns;
	double over_s; /* over_ns in seconds: no divide per record */
};

struct rate_win;

void rate_spec_init(struct rate_spec *s, uint64_t over_s);
struct rate_win *rate_win_new(const struct rate_spec *s);
void rate_win_reset(struct rate_win *w, const struct rate_spec *s);
/*
 * Add amount at ts; *sum is then the total over the buckets ending with the
 * newest one. Returns WIN_TOO_OLD when ts precedes every kept bucket.
 */
int rate_win_add(struct rate_win *w, const struct rate_spec *s, uint64_t ts_ns, uint64_t amount,
		 uint64_t *sum);
bool rate_win_expire(struct rate_win *w, const struct rate_spec *s, uint64_t horizon_ns);

#endif /* GATEHAWK_WINDOW_H */
