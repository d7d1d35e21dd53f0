/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The per-source counter maps, declared identically in every object that
 * counts (xdp_gate, sock_http) and shared through their pins.
 */
#ifndef GATEHAWK_BPF_SRC_STATS_H
#define GATEHAWK_BPF_SRC_STATS_H

#include "gatehawk/sources.h"

/* Exact per-source counters; per-CPU values so no packet waits on a lock.
 * Written by the programs, read (summed) by `gatehawk sources` and the daemon. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
	__uint(max_entries, GH_DEFAULT_MAX_SOURCES);
	__type(key, struct src_key);
	__type(value, struct src_stats);
} src_stats SEC(".maps");

/* How many sources were ever inserted, to count LRU evictions. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct src_meta);
} src_meta SEC(".maps");

static __always_inline void src_key_set(struct src_key *k, const __u8 *addr, __u8 family)
{
	__builtin_memset(k, 0, sizeof(*k));
	k->family = family;
	if (family == 4)
		__builtin_memcpy(k->addr, addr, 4);
	else
		__builtin_memcpy(k->addr, addr, 16);
}

/* This CPU's counters for the source, inserting it on first sight. */
static __always_inline struct src_stats *src_stats_get(const struct src_key *k)
{
	struct src_stats *s = bpf_map_lookup_elem(&src_stats, k);
	struct src_stats zero = {};
	struct src_meta *meta;
	__u32 idx = 0;

	if (s)
		return s;
	if (!bpf_map_update_elem(&src_stats, k, &zero, BPF_NOEXIST)) {
		meta = bpf_map_lookup_elem(&src_meta, &idx);
		if (meta)
			meta->inserted++;
	}
	return bpf_map_lookup_elem(&src_stats, k);
}

#endif /* GATEHAWK_BPF_SRC_STATS_H */
