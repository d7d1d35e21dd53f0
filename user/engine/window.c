// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine/value_set.h"
#include "engine/window.h"

/* Per slot: [window index + 1 (0: unused), records, a struct agg_word per aggregate with a word (fold)]. */
#define ACC_K 0
#define ACC_N 1
#define ACC_V 2

/*
 * Per bucket of a sliding window: [bucket, oldest ts in it, records, then per
 * aggregate its part of the word (a total's sum; an extreme's word) or,
 * distinct, its count of values] (bucket_at).
 */
#define B_ID 0
#define B_FIRST 1
#define B_N 2
#define B_AGG 3

/* Value sets start with this many entries inside the window's own block. */
#define VALUES_INLINE 8

/*
 * One block: this header, the aggregates of each slot (sliding: one, the
 * totals over the buckets), the value sets, then room for the ring's first
 * RING_INLINE buckets and the sets' first VALUES_INLINE values. A quiet
 * group's whole window is one allocation and a few adjacent cache lines;
 * busier ones grow onto the heap.
 */
#define RING_INLINE 4

struct win {
	uint32_t entries; /* first: win_entries (window.h) reads it inline */
	/* sliding: the ring of non-empty buckets, oldest first (at most WIN_MAX_BUCKETS) */
	uint16_t head, count, cap;
	uint16_t stale; /* sliding: bit i, aggregate i lost its extreme and needs a rebuild */
	bool any;
	uint8_t shift; /* bytes from malloc's block to this line-aligned header (win_new) */
	bool spoiled;  /* session: its having can no longer hold (win_session_spoil) */
	uint64_t newest; /* sliding, session: newest ts; tumbling: newest window index */
	/*
	 * sliding: buckets up to gone have left (0: none); the oldest and newest
	 * bucket held (0: none) and the oldest's first ts. Kept here so a record
	 * reads the ring only for the buckets it changes: every bucket read is
	 * a likely cache miss in a replay of many quiet sources.
	 */
	uint64_t gone, front, back, front_first; /* session: front_first, the first record's ts */
	uint64_t *ring;
	/* One cache line above, aggregates from the next (the block is line-aligned); then the
	 * value sets, [slot][distinct aggregate] (win_sets). */
	uint64_t acc[];
};

_Static_assert(offsetof(struct win, acc) <= 64, "a window's header is one cache line");
_Static_assert(offsetof(struct win, entries) == 0, "win_entries reads the first word");
_Static_assert(POLICY_MAX_AGGS <= 16 && WIN_MAX_BUCKETS < 32768, "stale and the ring fit 16 bits");

#define LINE 64
#define WORD_WORDS (sizeof(struct agg_word) / sizeof(uint64_t))
#define SET_WORDS (sizeof(struct value_set) / sizeof(uint64_t))

_Static_assert(sizeof(struct value_set) % sizeof(uint64_t) == 0, "value sets lie on whole words");

static inline uint32_t stride(const struct win_spec *s)
{
	return s->stride;
}

static inline uint32_t acc_words(const struct win_spec *s)
{
	return s->acc_words;
}

static inline uint64_t *slot_acc(struct win *w, const struct win_spec *s, uint32_t slot)
{
	return w->acc + (size_t)slot * acc_words(s);
}

static inline struct value_set *win_sets(struct win *w, const struct win_spec *s)
{
	return (struct value_set *)(w->acc + s->sets_at);
}

static inline struct value_set *slot_sets(struct win *w, const struct win_spec *s, uint32_t slot)
{
	return win_sets(w, s) + (size_t)slot * s->n_dist;
}

/* Where the bucket at position i is in the ring's memory: a hint for finding it again (value_set.h). */
static inline uint16_t ring_slot(const struct win *w, uint32_t i)
{
	return (uint16_t)((w->head + i) & (w->cap - 1));
}

static inline uint64_t *ring_at(struct win *w, const struct win_spec *s, uint32_t i)
{
	return w->ring + (size_t)ring_slot(w, i) * stride(s);
}

/* Aggregate i's part of its word in bucket b (agg_def.part_words long). */
static inline uint64_t *bucket_part(const struct win_spec *s, uint64_t *b, uint8_t i)
{
	return b + s->bucket_at[i];
}

/* A distinct aggregate's values last seen in bucket b. */
static inline uint64_t *bucket_values(const struct win_spec *s, uint64_t *b, uint8_t i)
{
	return b + s->bucket_at[i];
}

/* Aggregate i's state in a slot: its value set (distinct) or its word (offsets from win_spec_init). */
static inline void *agg_state(struct win *w, const struct win_spec *s, uint32_t slot, uint8_t i)
{
	return w->acc + s->state_at[i] + (size_t)slot * s->state_step[i];
}

/* The bucket of a ts, counted from 1 (0 means none). */
static inline uint64_t bucket_of(const struct win_spec *s, uint64_t ts)
{
	return win_in_buckets(ts, s->bucket_ns) + 1;
}

/*
 * How many of distinct aggregate agg's values the having needs, 0 for all.
 * An all-having with agg at most (or exactly) some t holds only while the
 * count is at most t, so the count up to the largest threshold + 1 decides
 * each condition on it and is exact whenever the having holds: what an
 * alert shows. At most VALUES_INLINE: a set that keeps few is an array.
 */
static uint8_t values_needed(const struct policy_window *pw, uint8_t agg)
{
	bool bounded = false;
	double top = 0;

	if (pw->having_any)
		return 0;
	for (uint8_t i = 0; i < pw->n_conds; i++)
		if (pw->conds[i].rise_factor)
			return 0; /* the window before is compared, and its evidence shows every aggregate */
	for (uint8_t i = 0; i < pw->n_conds; i++) {
		const struct policy_cond *c = &pw->conds[i];

		if (c->agg != agg)
			continue;
		bounded |= c->op == CMP_LE || c->op == CMP_LT || c->op == CMP_EQ;
		if (c->value > top)
			top = c->value;
	}
	return bounded && top < VALUES_INLINE ? (uint8_t)top + 1 : 0;
}

void win_spec_init(struct win_spec *s, const struct policy_window *pw, uint64_t late_ns,
		   bool exact)
{
	uint64_t width_s = (pw->length_s + WIN_MAX_BUCKETS - 1) / WIN_MAX_BUCKETS;

	memset(s, 0, sizeof(*s));
	s->session = pw->session;
	s->tumbling = pw->tumbling || pw->session;
	s->length_ns = pw->length_s * 1000000000ULL;
	s->bucket_ns = (width_s ? width_s : 1) * 1000000000ULL;
	s->buckets = (s->length_ns + s->bucket_ns - 1) / s->bucket_ns;
	if (!s->buckets)
		s->buckets = 1;
	s->n_aggs = pw->n_aggs;
	s->stride = B_AGG;
	for (uint8_t i = 0; i < pw->n_aggs; i++) {
		const struct agg_def *def = &agg_defs[pw->aggs[i].fn];

		s->def[i] = def;
		s->bucket_at[i] = s->stride;
		s->stride += def->add ? def->part_words : def->input == AGG_IN_HASH ? 1 : 0;
		if (def->add) {
			s->state_at[i] = (uint16_t)(ACC_V + s->n_fold * WORD_WORDS);
			s->fold[s->n_fold++] = i;
		}
		if (def->input == AGG_IN_NONE)
			s->counts |= (uint16_t)(1U << i);
		if (def->input == AGG_IN_WHERE)
			s->wheres |= (uint16_t)(1U << i);
		if (def->input == AGG_IN_HASH) {
			s->dist_of[i] = s->n_dist++;
			s->distinct |= (uint16_t)(1U << i);
			s->keep[i] = exact ? 0 : values_needed(pw, i);
		}
		if (def->input == AGG_IN_HASH || def->input == AGG_IN_NUMBER) {
			s->val_of[i] = s->n_vals++;
			s->fields |= (uint16_t)(1U << i);
		}
	}
	/* The window before (rise_factor) and every window a late record can reach. */
	s->slots = s->tumbling && !s->session
			   ? 2 + (uint32_t)((late_ns + s->length_ns - 1) / s->length_ns)
			   : 1;
	/* Only the aggregates with a word take room: a quiet group's sets share the line. */
	s->acc_words = (uint16_t)(ACC_V + s->n_fold * WORD_WORDS);
	s->sets_at = s->slots * s->acc_words;
	for (uint8_t i = 0; i < pw->n_aggs; i++) {
		bool set = s->distinct >> i & 1;

		s->state_step[i] = set ? s->n_dist * SET_WORDS : s->acc_words;
		if (set)
			s->state_at[i] = (uint16_t)(s->sets_at + s->dist_of[i] * SET_WORDS);
	}
	s->max_values = WIN_MAX_VALUES;
	s->size = sizeof(struct win) + (size_t)s->slots * acc_words(s) * sizeof(uint64_t) +
		  (size_t)s->slots * s->n_dist * (sizeof(struct value_set) +
						  VALUES_INLINE * sizeof(struct value_entry)) +
		  (s->tumbling ? 0 : RING_INLINE * stride(s) * sizeof(uint64_t));
	s->size = (s->size + LINE - 1) / LINE * LINE;
}

/* The ring first: every record reads its newest bucket, only distinct ones the values. */
static uint64_t *inline_ring(struct win *w, const struct win_spec *s)
{
	return (uint64_t *)(win_sets(w, s) + (size_t)s->slots * s->n_dist);
}

static struct value_entry *inline_values(struct win *w, const struct win_spec *s)
{
	return (struct value_entry *)(inline_ring(w, s) +
				      (s->tumbling ? 0 : RING_INLINE * stride(s)));
}

/* The value sets back to their inline room, emptied; heap tables are freed. */
static void sets_inline(struct win *w, const struct win_spec *s)
{
	for (uint32_t i = 0; i < s->slots * s->n_dist; i++) {
		struct value_set *vs = &win_sets(w, s)[i];

		if (vs->heap)
			free(vs->e);
		vs->e = inline_values(w, s) + (size_t)i * VALUES_INLINE;
		vs->mask = VALUES_INLINE - 1;
		vs->heap = false;
		value_set_clear(vs);
	}
}

/* Point every buffer at its inline room, emptied; heap buffers are freed. */
static void win_inline(struct win *w, const struct win_spec *s)
{
	sets_inline(w, s);
	if (w->ring != inline_ring(w, s))
		free(w->ring);
	w->ring = inline_ring(w, s);
	w->cap = s->tumbling ? 0 : RING_INLINE;
}

/*
 * Line-aligned: malloc and the header moved up to the next line, not
 * aligned_alloc, which costs glibc several times a malloc (every new group
 * makes its windows).
 */
struct win *win_new(const struct win_spec *s)
{
	char *block = malloc(s->size + LINE - _Alignof(max_align_t));
	struct win *w;

	if (!block)
		return NULL;
	w = (struct win *)(block + (-(uintptr_t)block & (LINE - 1)));
	memset(w, 0, s->size);
	w->shift = (uint8_t)((char *)w - block);
	win_inline(w, s);
	return w;
}

void win_free(struct win *w, const struct win_spec *s)
{
	if (!w)
		return;
	win_inline(w, s);
	free((char *)w - w->shift);
}

void win_reset(struct win *w, const struct win_spec *s)
{
	win_inline(w, s);
	w->newest = w->gone = w->front = w->back = w->front_first = 0;
	w->any = w->spoiled = false;
	w->head = w->count = w->entries = w->stale = 0;
	memset(w->acc, 0, (size_t)s->slots * acc_words(s) * sizeof(uint64_t));
}

/* The value sets' entries held, stale ones included: they are memory too. */
static uint32_t values_held(struct win *w, const struct win_spec *s, uint32_t slot)
{
	uint32_t n = 0;

	for (uint8_t i = 0; i < s->n_dist; i++)
		n += slot_sets(w, s, slot)[i].used;
	return n;
}

/* The words of a record into a slot's (and, sliding, its bucket's) aggregates. */
static void words_add(struct win *w, const struct win_spec *s, uint32_t slot, uint64_t *bucket,
		      const struct win_input *in)
{
	for (uint8_t k = 0; k < s->n_fold; k++) {
		uint8_t i = s->fold[k];
		const struct agg_def *def = s->def[i];
		uint64_t v;

		if (!(in->bits >> i & 1))
			continue; /* the where does not hold, or the record lacks the field */
		v = def->input == AGG_IN_WHERE ? 1 : in->val[s->val_of[i]];
		def->add(agg_state(w, s, slot, i), v);
		if (bucket)
			def->part_add(bucket_part(s, bucket, i), v);
	}
}

/*
 * The sliding window's bucket at.bucket, or NULL: where it was when last seen
 * unless the ring has grown or a late bucket slid in since, else a binary
 * search (buckets are in order).
 */
static uint64_t *find_bucket(struct win *w, const struct win_spec *s, struct value_at at)
{
	uint32_t lo = 0, hi = w->count;
	uint64_t id = at.bucket;

	if (at.where < w->cap && w->ring[(size_t)at.where * stride(s) + B_ID] == id)
		return w->ring + (size_t)at.where * stride(s);
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		uint64_t *b = ring_at(w, s, mid);

		if (b[B_ID] == id)
			return b;
		if (b[B_ID] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * The record's distinct values. Sliding: each counts in the newest bucket it
 * was seen in (taken from the one before when it moves); tumbling: once per
 * window. WIN_TRUNCATED when a new value found the set at its cap.
 */
static int values_add(struct win *w, const struct win_spec *s, uint32_t slot, struct value_at at,
		      uint64_t *bucket, const struct win_input *in)
{
	struct value_at was;
	uint64_t *old;
	int flags = 0;

	for (uint32_t m = s->distinct & in->bits; m; m &= m - 1) {
		uint8_t i = (uint8_t)__builtin_ctz(m);
		struct value_set *vs = agg_state(w, s, slot, i);
		uint64_t k = in->val[s->val_of[i]];
		uint32_t used = vs->used;
		int r;

		if (value_set_held(vs, k, at.bucket, w->gone))
			continue; /* the value of the record before, in this bucket: nothing changes */
		r = s->keep[i] ? value_set_see_newest(vs, k, at, w->gone, s->keep[i], &was)
			       : value_set_see(vs, k, at, w->gone, s->max_values, &was);
		w->entries += vs->used - used; /* a new entry, or stale ones swept */
		if (r < 0)
			return r;
		if (r == VALUE_FULL)
			flags |= WIN_TRUNCATED;
		if (!bucket || (r != VALUE_NEW && r != VALUE_MOVED && r != VALUE_REPLACED))
			continue;
		++*bucket_values(s, bucket, i);
		if (r != VALUE_NEW && (old = find_bucket(w, s, was)))
			--*bucket_values(s, old, i);
	}
	return flags;
}

/*
 * Sliding min and max after the bucket holding the extreme left: merge what
 * the ring still holds back in, at most WIN_MAX_BUCKETS buckets, and only
 * when the extreme itself left.
 */
static void rebuild_stale(struct win *w, const struct win_spec *s)
{
	for (uint32_t m = w->stale; m; m &= m - 1) {
		uint8_t i = (uint8_t)__builtin_ctz(m);
		struct agg_word *a = agg_state(w, s, 0, i);

		memset(a, 0, sizeof(*a));
		for (uint32_t j = 0; j < w->count; j++)
			s->def[i]->merge(a, bucket_part(s, ring_at(w, s, j), i));
	}
	w->stale = 0;
}

/* count is the records themselves: no call for the most common aggregate. */
static inline double agg_view(struct win *w, const struct win_spec *s, uint32_t slot, uint8_t i,
			      uint64_t n)
{
	return s->def[i]->input == AGG_IN_NONE ? (double)n
					       : s->def[i]->view(agg_state(w, s, slot, i), n);
}

/* Tumbling: every aggregate of a slot (a tumbling slot never loses a record: none is stale). */
static void acc_view(struct win *w, const struct win_spec *s, uint32_t slot, double *out)
{
	for (uint8_t i = 0; i < s->n_aggs; i++)
		out[i] = agg_view(w, s, slot, i, slot_acc(w, s, slot)[ACC_N]);
}

static void slot_reset(struct win *w, const struct win_spec *s, uint32_t slot, uint64_t k1)
{
	uint64_t *acc = slot_acc(w, s, slot);

	w->entries -= values_held(w, s, slot);
	for (uint8_t i = 0; i < s->n_dist; i++)
		value_set_clear(&slot_sets(w, s, slot)[i]);
	memset(acc, 0, acc_words(s) * sizeof(uint64_t));
	acc[ACC_K] = k1;
}

/* Sliding: the oldest bucket leaves, and with it the values last seen there. */
static void bucket_pop(struct win *w, const struct win_spec *s)
{
	uint64_t *b = ring_at(w, s, 0);

	slot_acc(w, s, 0)[ACC_N] -= b[B_N];
	for (uint8_t i = 0; i < s->n_aggs; i++) {
		const struct agg_def *def = s->def[i];

		if (def->input == AGG_IN_HASH)
			value_set_forget(agg_state(w, s, 0, i), (uint32_t)*bucket_values(s, b, i));
		else if (def->unmerge && !def->unmerge(agg_state(w, s, 0, i), bucket_part(s, b, i)))
			w->stale |= 1U << i;
	}
	w->head = (uint16_t)((w->head + 1) & (w->cap - 1));
	w->count--;
	w->entries--;
	w->front = w->front_first = 0;
	if (w->count) {
		w->front = ring_at(w, s, 0)[B_ID];
		w->front_first = ring_at(w, s, 0)[B_FIRST];
	} else {
		w->back = 0;
	}
}

static int ring_grow(struct win *w, const struct win_spec *s)
{
	uint32_t cap = w->cap * 2u, st = stride(s);
	uint64_t *ring = malloc((size_t)cap * st * sizeof(uint64_t));

	if (!ring)
		return -ENOMEM;
	for (uint32_t i = 0; i < w->count; i++)
		memcpy(ring + (size_t)i * st, ring_at(w, s, i), st * sizeof(uint64_t));
	if (w->ring != inline_ring(w, s))
		free(w->ring);
	w->ring = ring;
	w->head = 0;
	w->cap = (uint16_t)cap;
	return 0;
}

/* Buckets up to gone leave; the header's front says whether any does without reading the ring. */
static void sliding_expire(struct win *w, const struct win_spec *s, uint64_t gone)
{
	if (gone > w->gone)
		w->gone = gone;
	if (!w->front || w->front > w->gone)
		return;
	while (w->front && w->front <= w->gone)
		bucket_pop(w, s);
	/* Every value is stale once the last bucket left: an idle group keeps no table. */
	if (!w->count) {
		w->entries -= values_held(w, s, 0);
		sets_inline(w, s);
	}
}

/* A record at ts in bucket b, already held (the ring's oldest when front): its first ts. */
static inline void bucket_saw(struct win *w, uint64_t *b, bool front, uint64_t ts)
{
	if (ts < b[B_FIRST]) {
		b[B_FIRST] = ts;
		if (front && ts < w->front_first)
			w->front_first = ts;
	}
}

/* The bucket a record at id goes into: the newest, or (late) found or made in its place. */
static int bucket_for(struct win *w, const struct win_spec *s, uint64_t id, uint64_t ts,
		      uint32_t *out)
{
	uint32_t st = stride(s), pos = w->count;
	uint64_t *b;
	int r;

	/* A new newest bucket (most records in a quiet group) reads no other. */
	while (id <= w->back && pos && ring_at(w, s, pos - 1)[B_ID] > id)
		pos--;
	if (id <= w->back && pos && (b = ring_at(w, s, pos - 1))[B_ID] == id) {
		bucket_saw(w, b, pos == 1, ts);
		*out = pos - 1;
		return 0;
	}
	if (w->count == w->cap && (r = ring_grow(w, s)))
		return r;
	/* A late record's new bucket slides in behind the newer ones: at most the buckets in
	 * its lateness, never the records. */
	for (uint32_t i = w->count; i > pos; i--)
		memcpy(ring_at(w, s, i), ring_at(w, s, i - 1), st * sizeof(uint64_t));
	b = ring_at(w, s, pos);
	memset(b, 0, st * sizeof(uint64_t));
	b[B_ID] = id;
	b[B_FIRST] = ts;
	w->count++;
	w->entries++;
	if (pos == 0) {
		w->front = id;
		w->front_first = ts;
	}
	if (id > w->back)
		w->back = id;
	*out = pos;
	return 0;
}

/*
 * Where the record's distinct values go, asked for while the engine
 * evaluates the wheres: in a replay of many quiet sources each value's home
 * in its set is a cache miss. (The window's header comes with the group,
 * engine_groups.c; a ring bucket is not asked for ahead: finding it reads
 * the header, a stall in itself, and measured slower.)
 */
void win_prefetch_values(struct win *w, const struct win_spec *s, const struct win_input *in)
{
	if (s->tumbling)
		return; /* which slot's set is known only in win_add */
	for (uint32_t m = s->distinct & in->bits; m; m &= m - 1) {
		uint8_t i = (uint8_t)__builtin_ctz(m);

		value_set_prefetch(agg_state(w, s, 0, i), in->val[s->val_of[i]]);
	}
}

/*
 * The bucket of a record that is not in the newest one: a newer bucket
 * (what it pushes out leaves first), or a late record's.
 */
static int sliding_bucket(struct win *w, const struct win_spec *s, const struct win_input *in,
			  uint64_t id, uint32_t *pos)
{
	if (!w->any || in->ts_ns > w->newest) {
		w->newest = in->ts_ns;
		w->any = true;
		if (id > s->buckets)
			sliding_expire(w, s, id - s->buckets);
	} else if (id <= w->gone) {
		return WIN_TOO_OLD;
	}
	return bucket_for(w, s, id, in->ts_ns, pos);
}

static int sliding_add(struct win *w, const struct win_spec *s, const struct win_input *in,
		       struct win_view *view)
{
	uint64_t id = bucket_of(s, in->ts_ns), *b;
	uint32_t pos = w->count - 1u;
	int flags;

	if (id == w->back) {
		/*
		 * The newest bucket again, the common case: the ring's last, and
		 * nothing leaves (what it pushed out left when it came). back is
		 * never 0 here: ids start at 1.
		 */
		b = ring_at(w, s, pos);
		if (in->ts_ns > w->newest)
			w->newest = in->ts_ns;
		else
			bucket_saw(w, b, pos == 0, in->ts_ns);
	} else if ((flags = sliding_bucket(w, s, in, id, &pos))) {
		return flags;
	} else {
		b = ring_at(w, s, pos);
	}
	flags = s->distinct & in->bits
			? values_add(w, s, 0, (struct value_at){ id, ring_slot(w, pos) }, b, in)
			: 0;
	if (flags < 0)
		return flags;
	b[B_N]++;
	slot_acc(w, s, 0)[ACC_N]++;
	if (s->n_fold) /* count and distinct alone (most) have no words */
		words_add(w, s, 0, b, in);
	view->known = 0;
	view->n = slot_acc(w, s, 0)[ACC_N];
	view->end_ns = w->newest;
	view->start_ns = w->newest > s->length_ns ? w->newest - s->length_ns : 0;
	view->first_ns = w->front_first;
	return flags;
}

static int tumbling_add(struct win *w, const struct win_spec *s, const struct win_input *in,
			struct win_view *view)
{
	uint64_t k = in->ts_ns / s->length_ns;
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
	r = values_add(w, s, slot, (struct value_at){ k + 1, 0 }, NULL, in);
	if (r < 0)
		return r;
	slot_acc(w, s, slot)[ACC_N]++;
	words_add(w, s, slot, NULL, in);
	acc_view(w, s, slot, view->agg);
	memset(view->prev, 0, sizeof(view->prev));
	if (slot_acc(w, s, prev)[ACC_K] == k)
		acc_view(w, s, prev, view->prev);
	view->n = slot_acc(w, s, slot)[ACC_N];
	view->start_ns = view->first_ns = k * s->length_ns;
	view->end_ns = view->start_ns + s->length_ns;
	view->known = (1U << s->n_aggs) - 1;
	return r;
}

void win_session_view(struct win *w, const struct win_spec *s, struct win_view *view)
{
	acc_view(w, s, 0, view->agg);
	memset(view->prev, 0, sizeof(view->prev));
	view->n = slot_acc(w, s, 0)[ACC_N];
	view->start_ns = view->first_ns = w->front_first;
	view->end_ns = w->newest;
	view->known = (1U << s->n_aggs) - 1;
}

uint64_t win_session_last(const struct win *w)
{
	return w->any ? w->newest : 0;
}

void win_session_spoil(struct win *w)
{
	w->spoiled = true;
}

bool win_session_spoiled(const struct win *w)
{
	return w->spoiled;
}

void win_session_touch(struct win *w, uint64_t ts_ns)
{
	if (ts_ns > w->newest)
		w->newest = ts_ns;
}

/* Into the one slot, whatever its ts: the engine ended the session before, if it was over. */
static int session_add(struct win *w, const struct win_spec *s, const struct win_input *in,
		       struct win_view *view)
{
	int r;

	if (!w->any || in->ts_ns < w->front_first)
		w->front_first = in->ts_ns;
	if (!w->any || in->ts_ns > w->newest)
		w->newest = in->ts_ns;
	w->any = true;
	slot_acc(w, s, 0)[ACC_K] = 1;
	r = values_add(w, s, 0, (struct value_at){ 1, 0 }, NULL, in);
	if (r < 0)
		return r;
	slot_acc(w, s, 0)[ACC_N]++;
	words_add(w, s, 0, NULL, in);
	win_session_view(w, s, view);
	return r;
}

int win_add(struct win *w, const struct win_spec *s, const struct win_input *in,
	    struct win_view *view)
{
	if (s->session)
		return session_add(w, s, in, view);
	return s->tumbling ? tumbling_add(w, s, in, view) : sliding_add(w, s, in, view);
}

/* Sliding (tumbling views are all known): min and max rebuilt first if their extreme left. */
double win_view_compute(struct win *w, const struct win_spec *s, struct win_view *view, uint8_t i)
{
	if (!(view->known >> i & 1)) {
		if (w->stale)
			rebuild_stale(w, s);
		view->agg[i] = agg_view(w, s, 0, i, view->n);
		view->known |= 1U << i;
	}
	return view->agg[i];
}

void win_view_all(struct win *w, const struct win_spec *s, struct win_view *view)
{
	for (uint8_t i = 0; i < s->n_aggs; i++)
		view->agg[i] = win_view_agg(w, s, view, i); /* a count is not stored by asking */
	view->known = (1U << s->n_aggs) - 1;
}

bool win_expire(struct win *w, const struct win_spec *s, uint64_t horizon_ns)
{
	uint64_t oldest_k = horizon_ns / s->length_ns, id = bucket_of(s, horizon_ns);
	bool empty = true;

	if (s->session)
		return !w->any; /* the engine ends sessions, not the horizon */
	if (!s->tumbling) {
		if (id > s->buckets)
			sliding_expire(w, s, id - s->buckets);
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
