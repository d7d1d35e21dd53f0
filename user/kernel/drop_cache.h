/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The XDP gate's drop cache from user space (gatehawk/gate.h says what it
 * is): invalidating it after a write to a block map, and adding the drops
 * its slots still hold to the hits of the entries they belong to, so that
 * a listing's hits are exact when read.
 */
#ifndef GATEHAWK_DROP_CACHE_H
#define GATEHAWK_DROP_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "base/addr.h"
#include "gatehawk/gate.h"

/* Every slot filled before stops holding (gen_fd < 0: no cache, nothing to do). */
int drop_cache_invalidate(int gen_fd);

/*
 * The drops the slots of every CPU hold, summed by the entry they belong to:
 * its prefix and creation time (a block deleted and added again is another).
 */
struct drop_cache_held {
	struct held_drops {
		struct gh_cidr entry;
		uint64_t created_ns;
		uint64_t drops;
	} *v;
	size_t n, cap;
};

/* Read the cache (cache_fd < 0: none, so nothing held). 0 or negative errno. */
int drop_cache_held_read(int cache_fd, struct drop_cache_held *h);
/* Drops held for the entry of exactly this prefix, created at created_ns. */
uint64_t drop_cache_held_of(const struct drop_cache_held *h, const struct gh_cidr *entry,
			    uint64_t created_ns);
void drop_cache_held_free(struct drop_cache_held *h);

#endif /* GATEHAWK_DROP_CACHE_H */
