/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Blocks the daemon hands to the --on-block hook when it runs without the
 * kernel (`run --no-kernel`): remembered, so that an automatic block never
 * shortens a longer one already handed over (as with the XDP map) and so
 * that the end of each one is told (an "unblock" line, --on-unblock).
 * Exact prefixes, like the map; at most max entries.
 */
#ifndef GATEHAWK_BLOCK_MEMORY_H
#define GATEHAWK_BLOCK_MEMORY_H

#include <stddef.h>
#include <stdint.h>

#include "base/addr.h"
#include "gatehawk/gate.h"

struct remembered_block {
	struct gh_cidr cidr;
	uint64_t until_ns;            /* boottime; 0: never ends */
	char policy[GH_REASON_LEN];
	char severity[16];
	char src_ip[GH_CIDR_STRLEN];  /* "" when unknown */
};

struct block_memory {
	struct remembered_block *v;
	size_t n, cap, max;
};

/*
 * 1: remembered (new, or longer than the one in force, which it replaces);
 * 0: a block as long or longer is in force; -E2BIG: max entries are in
 * force; -ENOMEM.
 */
int block_memory_put(struct block_memory *m, const struct remembered_block *b, uint64_t now_ns);
/* Forget the blocks ended at now_ns, telling gone of each. Returns how many. */
size_t block_memory_expire(struct block_memory *m, uint64_t now_ns,
			   void (*gone)(const struct remembered_block *b, void *ctx), void *ctx);
void block_memory_free(struct block_memory *m);

#endif /* GATEHAWK_BLOCK_MEMORY_H */
