// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/window.h"

/* ---- hash multiset: value hash -> records holding it --------------------- */

/* Key and count side by side: one cache line per probe. */
struct hentry {
	uint64_t key; /* 0: empty */
	uint64_t count;
};

/* Starts in HM_INLINE entries inside the window's own block; grows onto the heap. */
#define HM_INLINE 8

struct hmap {
	struct hentry *e;
	uint32_t used, mask;
	bool heap;
};

static inline uint32_t hm_home(uint64_t k, uint32_t mask)
{
	return (uint32_t)(k ^ (k >> 32)) & mask;
}

static int hm_grow(struct hmap *m)
{
	uint32_t cap = (m->mask + 1) * 2, mask = cap - 1;
	struct hentry *e = calloc(cap, sizeof(*e));

	if (!e)
		return -ENOMEM;
	for (uint32_t i = 0; i <= m->mask; i++) {
		uint32_t j;

		if (!m->e[i].key)
			continue;
		for (j = hm_home(m->e[i].key, mask); e[j].key; j = (j + 1) & mask)
			;
		e[j] = m->e[i];
	}
	if (m->heap)
		free(m->e);
	m->e = e;
	m->mask = mask;
	m->heap = true;
	return 0;
}

/* Count one more record with value k; limit caps the number of values. */
static int hm_inc(struct hmap *m, uint64_t k, uint32_t limit)
{
	uint32_t i;

	for (i = hm_home(k, m->mask); m->e[i].key; i = (i + 1) & m->mask)
		if (m->e[i].key == k) {
			m->e[i].count++;
			return 0;
		}
	if (m->used >= limit)
		return WIN_TRUNCATED;
	if ((m->used + 1) * 2 > m->mask + 1 && hm_grow(m))
		return -ENOMEM;
	for (i = hm_home(k, m->mask); m->e[i].key; i = (i + 1) & m->mask)
		;
	m->e[i].key = k;
	m->e[i].count = 1;
	m->used++;
	return 0;
}

/* One record fewer with value k; the value leaves when none is left. */
static void hm_dec(struct hmap *m, uint64_t k)
{
	uint32_t i, j;

	for (i = hm_home(k, m->mask); m->e[i].key != k; i = (i + 1) & m->mask)
		if (!m->e[i].key)
			return;
	if (--m->e[i].count)
		return;
	/* Backward-shift deletion keeps every probe chain unbroken without tombstones. */
	for (j = (i + 1) & m->mask; m->e[j].key; j = (j + 1) & m->mask) {
		uint32_t home = hm_home(m->e[j].key, m->mask);

		if (((j - home) & m->mask) >= ((j - i) & m->mask)) {
			m->e[i] = m->e[j];
			i = j;
		}
	}
	m->e[i].key = 0;
	m->used--;
}

static void hm_clear(struct hmap *m)
{
	memset(m->e, 0, (m->mask + 1) * sizeof(*m->e));
	m->used = 0;
}

/* ---- windows -------------------------------------------------------------- */

/* Per slot: [window index + 1 (0: unused), records, one word per aggregate]. */
#define ACC_K 0
#define ACC_N 1
#define ACC_V 2

/*
 * One block: this header, the aggregates of each slot, the hash multisets,
 * then room for their first HM_INLINE values and the ring's first
 * RING_INLINE records. A quiet group's whole window is one allocation and a
 * few adjacent cache lines; busier ones grow onto the heap.
 */
#define RING_INLINE 4

struct win {
	uint64_t newest; /* sliding: newest ts; tumbling: newest window index */
	bool any;
	uint32_t head, count, cap; /* sliding: the ring, in records */
	uint32_t entries;
	uint64_t *ring; /* records: [ts, ratio bits, values...] */
	struct hmap *maps; /* [slot][distinct aggregate] */
	uint64_t acc[];
};

static inline uint32_t stride(const struct win_spec *s)
{
	return 2U + s->n_vals;
}

static inline uint32_t acc_words(const struct win_spec *s)
{
	return ACC_V + s->n_aggs;
}

static inline uint64_t *slot_acc(struct win *w, const struct win_spec *s, uint32_t slot)
{
	return w->acc + (size_t)slot * acc_words(s);
}

static inline struct hmap *slot_maps(struct win *w, const struct win_spec *s, uint32_t slot)
{
	return w->maps + (size_t)slot * s->n_dist;
}

static inline uint64_t *ring_at(struct win *w, const struct win_spec *s, uint32_t i)
{
	return w->ring + (size_t)((w->head + i) & (w->cap - 1)) * stride(s);
}

void win_spec_init(struct win_spec *s, const struct policy_window *pw, uint64_t late_ns)
{
	memset(s, 0, sizeof(*s));
	s->tumbling = pw->tumbling;
	s->length_ns = pw->length_s * 1000000000ULL;
	s->n_aggs = pw->n_aggs;
	for (uint8_t i = 0; i < pw->n_aggs; i++) {
		s->fn[i] = (uint8_t)pw->aggs[i].fn;
		if (s->fn[i] == AGG_DISTINCT) {
			s->dists[s->n_dist] = i;
			s->dist_of[i] = s->n_dist++;
		}
		if (s->fn[i] == AGG_SUM)
			s->sums[s->n_sums++] = i;
		if (s->fn[i] == AGG_RATIO)
			s->ratio_mask |= 1U << i;
		if (s->fn[i] == AGG_DISTINCT || s->fn[i] == AGG_SUM)
			s->val_of[i] = s->n_vals++;
	}
	/* The window before (rise_factor) and every window a late record can reach. */
	s->slots = s->tumbling ? 2 + (uint32_t)((late_ns + s->length_ns - 1) / s->length_ns) : 1;
	s->max_records = WIN_MAX_RECORDS;
	s->size = sizeof(struct win) + (size_t)s->slots * acc_words(s) * sizeof(uint64_t) +
		  (size_t)s->slots * s->n_dist * (sizeof(struct hmap) +
						  HM_INLINE * sizeof(struct hentry)) +
		  (s->tumbling ? 0 : RING_INLINE * stride(s) * sizeof(uint64_t));
}

static struct hentry *inline_entries(struct win *w, const struct win_spec *s)
{
	return (struct hentry *)(w->maps + (size_t)s->slots * s->n_dist);
}

static uint64_t *inline_ring(struct win *w, const struct win_spec *s)
{
	return (uint64_t *)(inline_entries(w, s) + (size_t)s->slots * s->n_dist * HM_INLINE);
}

/* Point every buffer at its inline room, emptied; heap buffers are freed. */
static void win_inline(struct win *w, const struct win_spec *s)
{
	for (uint32_t i = 0; i < s->slots * s->n_dist; i++) {
		struct hmap *m = &w->maps[i];

		if (m->heap)
			free(m->e);
		m->e = inline_entries(w, s) + (size_t)i * HM_INLINE;
		m->mask = HM_INLINE - 1;
		m->heap = false;
		hm_clear(m);
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
		w->maps = (struct hmap *)(w->acc + (size_t)s->slots * acc_words(s));
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
	w->head = w->count = w->entries = 0;
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
	uint64_t *acc = slot_acc(w, s, slot), step = (uint64_t)(int64_t)sign;
	struct hmap *maps = slot_maps(w, s, slot);
	int flags = 0;

	acc[ACC_N] += step;
	for (uint32_t m = s->ratio_mask & (uint32_t)e[1]; m; m &= m - 1)
		acc[ACC_V + __builtin_ctz(m)] += step;
	for (uint8_t i = 0; i < s->n_sums; i++)
		acc[ACC_V + s->sums[i]] += step * e[2 + s->val_of[s->sums[i]]];
	for (uint8_t i = 0; i < s->n_dist; i++) {
		uint64_t v = e[2 + s->val_of[s->dists[i]]];
		int r;

		if (!v)
			continue; /* the record lacks the field */
		if (sign < 0) {
			hm_dec(&maps[i], v);
			continue;
		}
		r = hm_inc(&maps[i], v, s->max_records);
		if (r < 0)
			return r;
		flags |= r;
	}
	return flags;
}

static void acc_view(struct win *w, const struct win_spec *s, uint32_t slot, double *out)
{
	const uint64_t *acc = slot_acc(w, s, slot);
	const struct hmap *maps = slot_maps(w, s, slot);
	uint64_t n = acc[ACC_N];

	for (uint8_t i = 0; i < s->n_aggs; i++) {
		switch (s->fn[i]) {
		case AGG_COUNT: out[i] = (double)n; break;
		case AGG_DISTINCT: out[i] = maps[s->dist_of[i]].used; break;
		case AGG_RATIO: out[i] = n ? (double)acc[ACC_V + i] / (double)n : 0; break;
		case AGG_SUM: out[i] = (double)acc[ACC_V + i]; break;
		}
	}
}

static void slot_reset(struct win *w, const struct win_spec *s, uint32_t slot, uint64_t k1)
{
	uint64_t *acc = slot_acc(w, s, slot);
	struct hmap *maps = slot_maps(w, s, slot);

	for (uint8_t i = 0; i < s->n_dist; i++) {
		w->entries -= maps[i].used;
		hm_clear(&maps[i]);
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
	e[1] = in->ratio_bits;
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
