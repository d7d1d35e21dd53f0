/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The distinct values of a window: each 64-bit value hash (never 0) with the
 * newest bucket it was seen in. A sliding window counts, per bucket, the
 * values last seen there; when a bucket leaves, those values are gone from
 * the count at once (value_set_forget) and their entries stay behind as
 * stale until looked up again or swept when the table would grow. So a
 * record costs one lookup whatever leaves, and nothing is removed value by
 * value. Open addressing with linear probing; the caller provides the
 * first buffer (windows keep it inline) and the table grows onto the heap.
 */
#ifndef GATEHAWK_VALUE_SET_H
#define GATEHAWK_VALUE_SET_H

#include <stdbool.h>
#include <stdint.h>

/* Key and bucket side by side: one cache line per probe. */
struct value_entry {
	uint64_t key; /* 0: empty */
	/* Newest bucket the value was seen in (never 0) in the low 48 bits, where it is (the
	 * caller's hint) in the top 16. */
	uint64_t at;
};

#define VALUE_BUCKET_BITS 48

/* A bucket (below 2^48: a second's bucket of any uint64 ns time is) and where the caller keeps it. */
struct value_at {
	uint64_t bucket;
	uint16_t where;
};

struct value_set {
	struct value_entry *e;
	uint32_t live;  /* values whose bucket is still in the window: the distinct count */
	uint32_t used;  /* entries taken, stale ones included */
	uint32_t mask;  /* capacity - 1 (a power of two) */
	bool heap;      /* e was grown onto the heap (free it) */
	/*
	 * The value the last call took and its bucket then (0: none): its entry
	 * holds that bucket or a newer one, and stays while that bucket is in
	 * the window. A source mostly repeats its user agent, so most calls
	 * find it here (value_set_held) and read no entry.
	 */
	uint64_t last, last_bucket;
};

enum value_seen {
	VALUE_NEW = 1,  /* not in the window before: counted now in bucket */
	VALUE_MOVED,    /* was last seen in was, an older bucket still in the window */
	VALUE_HELD,     /* already seen in bucket or a newer one: nothing changes */
	VALUE_FULL,     /* new, and limit values are counted: not taken */
	VALUE_REPLACED, /* new, in place of the value seen longest ago, last seen in was */
};

/*
 * Value k (not 0) seen in at.bucket (not 0). Entries with a bucket at or
 * before gone are stale (their bucket left the window). A value_seen, or
 * -ENOMEM; VALUE_MOVED fills *was with where it was.
 */
int value_set_see(struct value_set *s, uint64_t k, struct value_at at, uint64_t gone,
		  uint32_t limit, struct value_at *was);
/*
 * The same for a set that keeps only the keep values seen last (keep at most
 * the caller's first buffer, which it then never outgrows), in a plain array
 * read in full. Its count is min(distinct values in the window, keep),
 * exactly: a value it let go was seen before every value it holds, so while
 * it holds fewer than keep in the window, the ones it let go have left too.
 * A value seen no later than all keep it holds changes nothing (VALUE_HELD);
 * VALUE_REPLACED fills *was with where the value it let go was.
 */
int value_set_see_newest(struct value_set *s, uint64_t k, struct value_at at, uint64_t gone,
			 uint32_t keep, struct value_at *was);
/*
 * Whether value_set_see(s, k, at, gone, ...) would answer VALUE_HELD (and
 * change nothing), known without a lookup: k is the value the last call
 * took, in the same bucket, which has not left. The caller then skips it.
 */
static inline bool value_set_held(const struct value_set *s, uint64_t k, uint64_t bucket,
				  uint64_t gone)
{
	return k == s->last && bucket == s->last_bucket && bucket > gone;
}
/* Where k's probe starts in a table of mask + 1 entries. */
static inline uint32_t value_set_home(uint64_t k, uint32_t mask)
{
	return (uint32_t)(k ^ (k >> 32)) & mask;
}

/* Ask the cache for where k would be (value_set_see reads it next). Inline: every distinct
 * aggregate of every record asks. */
static inline void value_set_prefetch(const struct value_set *s, uint64_t k)
{
	if (k != s->last) /* the last value is mostly held again, its entry not read */
		__builtin_prefetch(&s->e[value_set_home(k, s->mask)], 1);
}
/* n values, all last seen in a bucket that just left, are no longer counted. */
void value_set_forget(struct value_set *s, uint32_t n);
void value_set_clear(struct value_set *s);

#endif /* GATEHAWK_VALUE_SET_H */
