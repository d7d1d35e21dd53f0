/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Throttle entries from user space: add (or refresh), get, delete, list,
 * make room in a full map. A throttle is a block entry (expiry, reason,
 * flags, hits = packets dropped) with two token buckets, new connections
 * and packets (gatehawk/gate.h says how XDP spends them). Entries are
 * written only here, under the pin-dir lock; expiry GC is gate_gc().
 */
#ifndef GATEHAWK_THROTTLE_MAPS_H
#define GATEHAWK_THROTTLE_MAPS_H

#include "kernel/gate_maps.h"

struct throttle_spec {
	struct block_spec base; /* cidr, ttl, reason, flags as for a block */
	struct throttle_limits limits;
};

struct throttle_view {
	struct gh_cidr cidr;
	struct throttle_entry entry;
};

typedef int (*throttle_visit_fn)(const struct throttle_view *v, void *ctx);

/*
 * Add or refresh one throttle. A refresh keeps the entry's creation time,
 * counters and bucket state (a bucket emptied by a flood stays empty; a
 * smaller burst takes effect at once). -E2BIG when the map is full,
 * -EINVAL when no rate is given or a rate or burst is out of range.
 */
int gate_throttle_add(struct gate_maps *m, const struct throttle_spec *spec);
/* The entry for exactly this prefix, live or not, or -ENOENT. */
int gate_throttle_get(struct gate_maps *m, const struct gh_cidr *c, struct throttle_entry *out);
int gate_throttle_del(struct gate_maps *m, const struct gh_cidr *c);
int gate_throttle_foreach(struct gate_maps *m, throttle_visit_fn fn, void *ctx);
/* As gate_block_make_room(), in the throttle map spec would go to. */
int gate_throttle_make_room(struct gate_maps *m, const struct throttle_spec *spec, uint64_t now_ns,
			    struct block_room *out);
/* Whether limits are valid: some rate, each within range, a burst of 1 or more with
 * each rate above 0 and none without. */
bool throttle_limits_valid(const struct throttle_limits *l);
/* Tokens the bucket holds at now_ns. */
uint64_t throttle_tokens(const struct throttle_bucket *b, uint64_t now_ns);

#endif /* GATEHAWK_THROTTLE_MAPS_H */
