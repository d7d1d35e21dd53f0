// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/open_addr.h"
#include "engine/value_set.h"

#define BUCKET_MASK ((1ULL << VALUE_BUCKET_BITS) - 1)

static inline uint64_t bucket_of(const struct value_entry *v)
{
	return v->at & BUCKET_MASK;
}

static inline void set_at(struct value_entry *v, struct value_at at)
{
	v->at = (at.bucket & BUCKET_MASK) | (uint64_t)at.where << VALUE_BUCKET_BITS;
}

static void delete_at(struct value_set *s, uint32_t i)
{
	gh_open_addr_delete(s->e, s->mask, sizeof(*s->e), i, value_set_home);
	s->used--;
}

/*
 * Drop the stale entries in place. The walk starts after an empty slot,
 * which no probe chain crosses: an entry shifted back by a deletion lands
 * where the walk still is or has yet to go.
 */
static void purge(struct value_set *s, uint64_t gone)
{
	uint32_t start = 0;

	while (s->e[start].key)
		start++;
	for (uint32_t step = 1; step <= s->mask; step++) {
		uint32_t i = (start + step) & s->mask;

		while (s->e[i].key && bucket_of(&s->e[i]) <= gone)
			delete_at(s, i);
	}
}

_Static_assert(offsetof(struct value_entry, key) == 0, "gh_open_addr reads the key first");

/* Twice the room, onto the heap; the first buffer is the caller's, later ones freed. */
static int grow(struct value_set *s)
{
	int err = gh_open_addr_double((void **)&s->e, &s->mask, sizeof(*s->e), s->heap,
				      value_set_home);

	s->heap |= !err;
	return err;
}

/* k taken, its entry holding bucket or a newer one: the last value (value_set_held). */
static inline int taken(struct value_set *s, uint64_t k, uint64_t bucket, int r)
{
	s->last = k;
	s->last_bucket = bucket;
	return r;
}

/* k, found in entry v, seen in at: held, moved from an older bucket, or (stale) back. */
static int seen_again(struct value_set *s, struct value_entry *v, uint64_t k, struct value_at at,
		      uint64_t gone, uint32_t limit, struct value_at *was)
{
	uint64_t b = bucket_of(v);

	if (b > gone && b >= at.bucket)
		return taken(s, k, at.bucket, VALUE_HELD);
	if (b > gone) {
		*was = (struct value_at){ b, (uint16_t)(v->at >> VALUE_BUCKET_BITS) };
		set_at(v, at);
		return taken(s, k, at.bucket, VALUE_MOVED);
	}
	if (s->live >= limit)
		return VALUE_FULL;
	set_at(v, at); /* stale: back in the window */
	s->live++;
	return taken(s, k, at.bucket, VALUE_NEW);
}

int value_set_see(struct value_set *s, uint64_t k, struct value_at at, uint64_t gone,
		  uint32_t limit, struct value_at *was)
{
	uint32_t i;

	for (i = value_set_home(k, s->mask); s->e[i].key; i = (i + 1) & s->mask)
		if (s->e[i].key == k)
			return seen_again(s, &s->e[i], k, at, gone, limit, was);
	if (s->live >= limit)
		return VALUE_FULL;
	/*
	 * At most half full, stale entries included: short probe chains, always
	 * an empty slot. Stale entries go first; the table doubles when that
	 * leaves it over 3/8 full, so purges come at most every eighth of its
	 * size in new values, and it stays small (it is read at random: every
	 * byte more is a cache miss more).
	 */
	if ((s->used + 1) * 2 > s->mask + 1) {
		purge(s, gone);
		if ((s->used + 1) * 8 > (s->mask + 1) * 3 && grow(s))
			return -ENOMEM;
		for (i = value_set_home(k, s->mask); s->e[i].key; i = (i + 1) & s->mask)
			;
	}
	s->e[i].key = k;
	set_at(&s->e[i], at);
	s->used++;
	s->live++;
	return taken(s, k, at.bucket, VALUE_NEW);
}

int value_set_see_newest(struct value_set *s, uint64_t k, struct value_at at, uint64_t gone,
			 uint32_t keep, struct value_at *was)
{
	struct value_entry *oldest = &s->e[0];

	for (uint32_t i = 0; i < keep; i++) {
		struct value_entry *v = &s->e[i];

		/* A stale k holds one of the keep entries: fewer than keep are live, never full. */
		if (v->key == k)
			return seen_again(s, v, k, at, gone, keep, was);
		if (bucket_of(v) < bucket_of(oldest))
			oldest = v; /* an empty entry's bucket is 0: the first empty one wins */
	}
	if (bucket_of(oldest) <= gone) { /* empty or stale: room */
		s->used += !oldest->key;
		s->live++;
		oldest->key = k;
		set_at(oldest, at);
		return taken(s, k, at.bucket, VALUE_NEW);
	}
	if (bucket_of(oldest) >= at.bucket)
		return VALUE_HELD; /* seen no later than every value held: the count stays keep */
	*was = (struct value_at){ bucket_of(oldest), (uint16_t)(oldest->at >> VALUE_BUCKET_BITS) };
	oldest->key = k;
	set_at(oldest, at);
	return taken(s, k, at.bucket, VALUE_REPLACED);
}

void value_set_forget(struct value_set *s, uint32_t n)
{
	s->live -= n;
}

void value_set_clear(struct value_set *s)
{
	memset(s->e, 0, (s->mask + 1) * sizeof(*s->e));
	s->live = s->used = 0;
	s->last = s->last_bucket = 0;
}
