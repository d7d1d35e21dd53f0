// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/multiset.h"
#include "engine/window.h"

/* Per slot: [window index + 1 (0: unused), records, a struct agg_word per aggregate]. */
#define ACC_K 0
#define ACC_N 1
#define ACC_V 2

/* Multisets start in this many entries inside the window's own block. */
#define MULTISET_INLINE 8

/*
 * One block: this header, the aggregates of each slot, the hash multisets,
 * then room for their first MULTISET_INLINE values and the ring's first
 * RING_INLINE records. A quiet group's whole window is one allocation and a
 * few adjacent cache lines; busier ones grow onto the heap.
 */
#define RING_INLINE 4

struct win {
	uint64_t newest; /* sliding: newest ts; tumbling: newest window index */
	bool any;
	uint32_t head, count, cap; /* sliding: the ring, in records */
	uint32_t entries;
	uint32_t stale; /* sliding: bit i, aggregate i lost its extreme and needs a rebuild */
	uint64_t *ring; /* records: [ts, win_input bits, values...] */
	struct multiset *maps; /* [slot][distinct aggregate] */
	uint64_t acc[];
};

static inline uint32_t stride(const struct win_spec *s)
{
	return 2U + s->n_vals;
}

static inline uint32_t acc_words(const struct win_spec *s)
{
	return ACC_V + s->n_aggs * (uint32_t)(sizeof(struct agg_word) / sizeof(uint64_t));
}

static inline uint64_t *slot_acc(struct win *w, const struct win_spec *s, uint32_t slot)
{
	return w->acc + (size_t)slot * acc_words(s);
}

static inline struct multiset *slot_maps(struct win *w, const struct win_spec *s, uint32_t slot)
{
	return w->maps + (size_t)slot * s->n_dist;
}

static inline uint64_t *ring_at(struct win *w, const struct win_spec *s, uint32_t i)
{
	return w->ring + (size_t)((w->head + i) & (w->cap - 1)) * stride(s);
}

/* Aggregate i's state in a slot: its multiset (distinct) or its word. */
static inline void *agg_state(struct win *w, const struct win_spec *s, uint32_t slot, uint8_t i)
{
	if (s->def[i]->input == AGG_IN_HASH)
		return &slot_maps(w, s, slot)[s->dist_of[i]];
	return (struct agg_word *)(slot_acc(w, s, slot) + ACC_V) + i;
}

void win_spec_init(struct win_spec *s, const struct policy_window *pw, uint64_t late_ns)
{
	memset(s, 0, sizeof(*s));
	s->tumbling = pw->tumbling;
	s->length_ns = pw->length_s * 1000000000ULL;
	s->n_aggs = pw->n_aggs;
	for (uint8_t i = 0; i < pw->n_aggs; i++) {
		const struct agg_def *def = &agg_defs[pw->aggs[i].fn];

		s->def[i] = def;
		if (def->add)
			s->fold[s->n_fold++] = i;
		if (def->input == AGG_IN_HASH)
			s->dist_of[i] = s->n_dist++;
		if (def->input == AGG_IN_HASH || def->input == AGG_IN_NUMBER)
			s->val_of[i] = s->n_vals++;
	}
	/* The window before (rise_factor) and every window a late record can reach. */
	s->slots = s->tumbling ? 2 + (uint32_t)((late_ns + s->length_ns - 1) / s->length_ns) : 1;
	s->max_records = WIN_MAX_RECORDS;
	s->size = sizeof(struct win) + (size_t)s->slots * acc_words(s) * sizeof(uint64_t) +
		  (size_t)s->slots * s->n_dist * (sizeof(struct multiset) +
						  MULTISET_INLINE * sizeof(struct multiset_entry)) +
		  (s->tumbling ? 0 : RING_INLINE * stride(s) * sizeof(uint64_t));
}

static struct multiset_entry *inline_entries(struct win *w, const struct win_spec *s)
{
	return (struct multiset_entry *)(w->maps + (size_t)s->slots * s->n_dist);
}

static uint64_t *inline_ring(struct win *w, const struct win_spec *s)
{
	return (uint64_t *)(inline_entries(w, s) + (size_t)s->slots * s->n_dist * MULTISET_INLINE);
}

/* Point every buffer at its inline room, emptied; heap buffers are freed. */
static void win_inline(struct win *w, const struct win_spec *s)
{
	for (uint32_t i = 0; i < s->slots * s->n_dist; i++) {
		struct multiset *m = &w->maps[i];

		if (m->heap)
			free(m->e);
		m->e = inline_entries(w, s) + (size_t)i * MULTISET_INLINE;
		m->mask = MULTISET_INLINE - 1;
		m->heap = false;
		multiset_clear(m);
	}
	if (w->ring != inline_ring(w, s))
		free(w->ring);
	w->ring = inline_ring(w, s);
	w->cap = s->tumbling ? 0 : RING_INLINE;
}

struct win *win_new(const struct win_spec *s)
{
	struct win *w = calloc(1, s->size);

	if (w) {
		w->maps = (struct multiset *)(w->acc + (size_t)s->slots * acc_words(s));
		win_inline(w, s);
	}
	return w;
}

void win_free(struct win *w, const struct win_spec *s)
{
	if (!w)
		return;
	win_inline(w, s);
	free(w);
}

void win_reset(struct win *w, const struct win_spec *s)
{
	win_inline(w, s);
	w->newest = 0;
	w->any = false;
	w->head = w->count = w->entries = w->stale = 0;
	memset(w->acc, 0, (size_t)s->slots * acc_words(s) * sizeof(uint64_t));
}

size_t win_entries(const struct win *w)
{
	return w->entries;
}

/* Apply one record (entry layout) to a slot's aggregates; sign +1 or -1. */
static int acc_apply(struct win *w, const struct win_spec *s, uint32_t slot, const uint64_t *e,
		     int sign)
{
	int flags = 0;

	slot_acc(w, s, slot)[ACC_N] += (uint64_t)(int64_t)sign;
	for (uint8_t k = 0; k < s->n_fold; k++) {
		uint8_t i = s->fold[k];
		const struct agg_def *def = s->def[i];
		void *st = agg_state(w, s, slot, i);
		uint64_t v;
		int r;

		if (!(e[1] >> i & 1))
			continue; /* the where does not hold, or the record lacks the field */
		v = def->input == AGG_IN_WHERE ? 1 : e[2 + s->val_of[i]];
		if (sign < 0) {
			if (!def->remove(st, v))
				w->stale |= 1U << i;
			continue;
		}
		r = def->add(st, v, s->max_records);
		if (r < 0)
			return r;
		if (r)
			flags |= WIN_TRUNCATED;
	}
	return flags;
}

/*
 * Sliding min and max after the record holding the extreme left: fold what
 * the ring still holds back in. Not a monotonic deque: late records enter
 * the ring mid-way (it stays in ts order), and a deque of candidates would
 * need the same shifting plus its own buffer per aggregate. A rebuild reads
 * at most WIN_MAX_RECORDS entries, the bound a late record's shift in
 * sliding_add already has, and runs only when the extreme itself left, at
 * most once per record however many left with it.
 */
static void rebuild_stale(struct win *w, const struct win_spec *s)
{
	for (uint32_t m = w->stale; m; m &= m - 1) {
		uint8_t i = (uint8_t)__builtin_ctz(m);
		struct agg_word *a = agg_state(w, s, 0, i);

		memset(a, 0, sizeof(*a));
		for (uint32_t j = 0; j < w->count; j++) {
			const uint64_t *e = ring_at(w, s, j);

			if (e[1] >> i & 1)
				s->def[i]->add(a, e[2 + s->val_of[i]], s->max_records);
		}
	}
	w->stale = 0;
}

static void acc_view(struct win *w, const struct win_spec *s, uint32_t slot, double *out)
{
	uint64_t n = slot_acc(w, s, slot)[ACC_N];

	if (w->stale) /* sliding only: a tumbling slot never loses a record */
		rebuild_stale(w, s);
	for (uint8_t i = 0; i < s->n_aggs; i++)
		out[i] = s->def[i]->view(agg_state(w, s, slot, i), n);
}

static void slot_reset(struct win *w, const struct win_spec *s, uint32_t slot, uint64_t k1)
{
	uint64_t *acc = slot_acc(w, s, slot);
	struct multiset *maps = slot_maps(w, s, slot);

	for (uint8_t i = 0; i < s->n_dist; i++) {
		w->entries -= maps[i].used;
		multiset_clear(&maps[i]);
	}
	memset(acc, 0, acc_words(s) * sizeof(uint64_t));
	acc[ACC_K] = k1;
}

/* Sliding: drop the oldest record. */
static void ring_pop(struct win *w, const struct win_spec *s)
{
	acc_apply(w, s, 0, ring_at(w, s, 0), -1);
	w->head = (w->head + 1) & (w->cap - 1);
	w->count--;
	w->entries--;
}

static int ring_grow(struct win *w, const struct win_spec *s)
{
	uint32_t cap = w->cap * 2, st = stride(s);
	uint64_t *ring = malloc((size_t)cap * st * sizeof(uint64_t));

	if (!ring)
		return -ENOMEM;
	for (uint32_t i = 0; i < w->count; i++)
		memcpy(ring + (size_t)i * st, ring_at(w, s, i), st * sizeof(uint64_t));
	if (w->ring != inline_ring(w, s))
		free(w->ring);
	w->ring = ring;
	w->head = 0;
	w->cap = cap;
	return 0;
}

static void sliding_expire(struct win *w, const struct win_spec *s, uint64_t horizon)
{
	/* (t - length, t]: a record exactly length older than t is out. */
	while (w->count && ring_at(w, s, 0)[0] + s->length_ns <= horizon)
		ring_pop(w, s);
}

static int sliding_add(struct win *w, const struct win_spec *s, const uint64_t *e,
		       struct win_view *view)
{
	uint32_t st = stride(s), pos;
	int flags = 0, r;

	if (!w->any || e[0] > w->newest) {
		w->newest = e[0];
		w->any = true;
		sliding_expire(w, s, w->newest);
	} else if (e[0] + s->length_ns <= w->newest) {
		return WIN_TOO_OLD;
	}
	if (w->count == s->max_records) {
		ring_pop(w, s);
		flags |= WIN_TRUNCATED;
	}
	if (w->count == w->cap && (r = ring_grow(w, s)))
		return r;
	/* Keep ts order: a late record slides in behind the newer ones. */
	for (pos = w->count; pos && ring_at(w, s, pos - 1)[0] > e[0]; pos--)
		memcpy(ring_at(w, s, pos), ring_at(w, s, pos - 1), st * sizeof(uint64_t));
	memcpy(ring_at(w, s, pos), e, st * sizeof(uint64_t));
	w->count++;
	w->entries++;
	r = acc_apply(w, s, 0, e, 1);
	if (r < 0)
		return r;
	acc_view(w, s, 0, view->agg);
	view->n = slot_acc(w, s, 0)[ACC_N];
	view->end_ns = w->newest;
	view->start_ns = w->newest > s->length_ns ? w->newest - s->length_ns : 0;
	view->first_ns = ring_at(w, s, 0)[0];
	return flags | r;
}

static int tumbling_add(struct win *w, const struct win_spec *s, const uint64_t *e,
			struct win_view *view)
{
	uint64_t k = e[0] / s->length_ns, before = 0;
	uint32_t slot = (uint32_t)(k % s->slots), prev = (uint32_t)((k + s->slots - 1) % s->slots);
	int r;

	if (!w->any || k > w->newest) {
		w->newest = k;
		w->any = true;
	} else if (k + s->slots <= w->newest) {
		return WIN_TOO_OLD;
	}
	if (slot_acc(w, s, slot)[ACC_K] != k + 1)
		slot_reset(w, s, slot, k + 1);
	for (uint8_t i = 0; i < s->n_dist; i++)
		before += slot_maps(w, s, slot)[i].used;
	r = acc_apply(w, s, slot, e, 1);
	for (uint8_t i = 0; i < s->n_dist; i++)
		w->entries += slot_maps(w, s, slot)[i].used;
	w->entries -= (uint32_t)before;
	if (r < 0)
		return r;
	acc_view(w, s, slot, view->agg);
	memset(view->prev, 0, sizeof(view->prev));
	if (slot_acc(w, s, prev)[ACC_K] == k)
		acc_view(w, s, prev, view->prev);
	view->n = slot_acc(w, s, slot)[ACC_N];
	view->start_ns = view->first_ns = k * s->length_ns;
	view->end_ns = view->start_ns + s->length_ns;
	return r;
}

int win_add(struct win *w, const struct win_spec *s, const struct win_input *in,
	    struct win_view *view)
{
	uint64_t e[2 + POLICY_MAX_AGGS];

	e[0] = in->ts_ns;
	e[1] = in->bits;
	memcpy(e + 2, in->val, s->n_vals * sizeof(uint64_t));
	return s->tumbling ? tumbling_add(w, s, e, view) : sliding_add(w, s, e, view);
}

bool win_expire(struct win *w, const struct win_spec *s, uint64_t horizon_ns)
{
	uint64_t oldest_k = horizon_ns / s->length_ns;
	bool empty = true;

	if (!s->tumbling) {
		sliding_expire(w, s, horizon_ns);
		return !w->count;
	}
	/* A record at horizon or later reads its own window and the one before. */
	for (uint32_t i = 0; i < s->slots; i++) {
		uint64_t k1 = slot_acc(w, s, i)[ACC_K];

		if (k1 && k1 < oldest_k) /* window k1 - 1 is older than horizon's previous */
			slot_reset(w, s, i, 0);
		empty = empty && !slot_acc(w, s, i)[ACC_K];
	}
	return empty;
}

/* ---- rate: bucketed sliding sums ----------------------------------------- */

struct rate_win {
	uint64_t newest; /* bucket index */
	bool any;
	uint64_t sum;
	uint64_t bucket[];
};

void rate_spec_init(struct rate_spec *s, uint64_t over_s)
{
	uint64_t width = (over_s + RATE_MAX_BUCKETS - 1) / RATE_MAX_BUCKETS;

	if (!width)
		width = 1;
	s->buckets = (uint32_t)((over_s + width - 1) / width);
	if (!s->buckets)
		s->buckets = 1;
	s->bucket_ns = width * 1000000000ULL;
	s->over_ns = s->bucket_ns * s->buckets;
}

struct rate_win *rate_win_new(const struct rate_spec *s)
{
	return calloc(1, sizeof(struct rate_win) + s->buckets * sizeof(uint64_t));
}

void rate_win_reset(struct rate_win *w, const struct rate_spec *s)
{
	memset(w, 0, sizeof(*w) + s->buckets * sizeof(uint64_t));
}

int rate_win_add(struct rate_win *w, const struct rate_spec *s, uint64_t ts_ns, uint64_t amount,
		 uint64_t *sum)
{
	uint64_t b = ts_ns / s->bucket_ns;

	if (!w->any) {
		w->newest = b;
		w->any = true;
	} else if (b > w->newest) {
		if (b - w->newest >= s->buckets) {
			memset(w->bucket, 0, s->buckets * sizeof(uint64_t));
			w->sum = 0;
		} else {
			for (uint64_t i = w->newest + 1; i <= b; i++) {
				w->sum -= w->bucket[i % s->buckets];
				w->bucket[i % s->buckets] = 0;
			}
		}
		w->newest = b;
	} else if (b + s->buckets <= w->newest) {
		return WIN_TOO_OLD;
	}
	w->bucket[b % s->buckets] += amount;
	w->sum += amount;
	*sum = w->sum;
	return 0;
}

bool rate_win_expire(struct rate_win *w, const struct rate_spec *s, uint64_t horizon_ns)
{
	return !w->any || w->newest + s->buckets <= horizon_ns / s->bucket_ns;
}
