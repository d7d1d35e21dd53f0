/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The sensor's per-source slot table (gatehawk/sources.h), declared
 * identically in every object that counts (xdp_gate, sock_http) and shared
 * through their pins, so `sources` finds it whichever was loaded first.
 */
#ifndef GATEHAWK_BPF_SRC_STATS_H
#define GATEHAWK_BPF_SRC_STATS_H

#include "gatehawk/sources.h"

/*
 * A slot table's used-slot bitmap (gatehawk/sources.h): GH_SRC_USED_WORDS
 * words per CPU (set at load), mmapable like its table. One declaration for
 * both tables, which user space reads and pairs alike (kernel/pins.c).
 */
#define SRC_USED_BITMAP(name)                                  \
	struct {                                               \
		__uint(type, BPF_MAP_TYPE_ARRAY);              \
		__uint(map_flags, BPF_F_MMAPABLE);             \
		__uint(max_entries, GH_SRC_USED_WORDS);        \
		__type(key, __u32);                            \
		__type(value, __u64);                          \
	} name SEC(".maps")

/*
 * A plain array of one region of GH_SRC_SLOTS per possible CPU (the loaders
 * set max_entries to GH_SRC_SLOTS * CPUs), each CPU writing only its own:
 * mmapable, so that readers scan it in place instead of copying it out
 * through the syscall every second.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, GH_SRC_SLOTS);
	__type(key, __u32);
	__type(value, struct src_http_slot);
} src_http_slots SEC(".maps");

/* Its used-slot bitmap. */
SRC_USED_BITMAP(src_http_used);

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct src_http_meta);
} src_http_meta SEC(".maps");

#endif /* GATEHAWK_BPF_SRC_STATS_H */
