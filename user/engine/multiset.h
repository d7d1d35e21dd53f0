/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A multiset of 64-bit value hashes (never 0): how many records hold
 * each, so distinct stays exact as records leave a sliding window. Open
 * addressing with linear probing; the caller provides the first buffer
 * (windows keep it inline) and the set grows onto the heap.
 */
#ifndef GATEHAWK_MULTISET_H
#define GATEHAWK_MULTISET_H

#include <stdbool.h>
#include <stdint.h>

/* Key and count side by side: one cache line per probe. */
struct multiset_entry {
	uint64_t key; /* 0: empty */
	uint64_t count;
};

struct multiset {
	struct multiset_entry *e;
	uint32_t used, mask; /* distinct values held; capacity - 1 (a power of two) */
	bool heap;           /* e was grown onto the heap (free it) */
};

/*
 * One more record with value k (not 0): 0, 1 when k is new and limit values
 * are held (not taken), or -ENOMEM.
 */
int multiset_add(struct multiset *m, uint64_t k, uint32_t limit);
/* One record fewer with value k; the value leaves when none is left. */
void multiset_remove(struct multiset *m, uint64_t k);
void multiset_clear(struct multiset *m);

#endif /* GATEHAWK_MULTISET_H */
