/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Blocks as `block list` shows them: each entry's hits and the drops the
 * gate's drop cache still holds for it (kernel/drop_cache.h), so the count
 * is exact when read. Costs a read of the whole cache; GC, eviction and
 * persistence, which need no hits, walk gate_block_foreach instead.
 */
#ifndef GATEHAWK_BLOCK_HITS_H
#define GATEHAWK_BLOCK_HITS_H

#include "kernel/gate_maps.h"

int gate_block_list(struct gate_maps *m, block_visit_fn fn, void *ctx);

#endif /* GATEHAWK_BLOCK_HITS_H */
