/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The gate's per-source packet and SYN counters (gatehawk/sources.h says
 * why a slot table): per CPU, a source's packets land in one slot of its
 * window of GH_SRC_SLOT_PROBE, found by address. Each CPU runs one program
 * at a time on its own table, so a slot needs no atomics and no lock.
 */
#ifndef GATEHAWK_BPF_SRC_SLOTS_H
#define GATEHAWK_BPF_SRC_SLOTS_H

#include "gatehawk/sources.h"
/* src_key_set(), and the sensor's maps: pinned with the gate too, so that
 * `sources` finds them whichever of the two was loaded first. */
#include "src_stats.h"

/* Per-CPU array lookups are inlined by the verifier: a few instructions. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, GH_SRC_SLOTS);
	__type(key, __u32);
	__type(value, struct src_slot);
} src_slots SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct src_slot_meta);
} src_slot_meta SEC(".maps");

/* The kernel's tick rate, for the idle time in jiffies (read at load). */
extern int CONFIG_HZ __kconfig __weak;

static __always_inline int slot_holds(const struct src_slot *s, const __u8 *addr, int v4)
{
	if (v4)
		return s->key.family == 4 && *(const __u32 *)s->key.addr == *(const __u32 *)addr;
	return s->key.family == 6 &&
	       *(const __u64 *)s->key.addr == *(const __u64 *)addr &&
	       *(const __u64 *)&s->key.addr[8] == *(const __u64 *)&addr[8];
}

/* Never used, or its source silent for GH_SRC_SLOT_IDLE_S: a new source may take it. */
static __always_inline int slot_free(const struct src_slot *s, __u32 now)
{
	__u32 hz = CONFIG_HZ ? CONFIG_HZ : 1000;

	return !s->key.family || now - s->touched > GH_SRC_SLOT_IDLE_S * hz;
}

/* The source's slot on this CPU, taking a free one in its window; NULL when none is. */
static __always_inline struct src_slot *slot_find(const __u8 *addr, int v4, __u32 seed, __u32 now)
{
	__u32 base = src_slot_index(addr, v4, seed);
	struct src_slot *s, *spare = NULL;
	struct src_slot_meta *meta;
	__u32 zero = 0;

	for (__u32 i = 0; i < GH_SRC_SLOT_PROBE; i++) {
		__u32 idx = (base + i) & (GH_SRC_SLOTS - 1);

		s = bpf_map_lookup_elem(&src_slots, &idx);
		if (!s)
			return NULL;
		if (slot_holds(s, addr, v4))
			return s;
		if (!spare && slot_free(s, now))
			spare = s;
	}
	meta = bpf_map_lookup_elem(&src_slot_meta, &zero);
	if (!spare || !meta)
		return NULL;
	if (spare->key.family)
		meta->reclaimed++;
	else
		meta->claimed++;
	src_key_set(&spare->key, addr, v4 ? 4 : 6);
	spare->packets = 0;
	spare->syns = 0;
	spare->last_syn_ns = 0;
	return spare;
}

/* Count a passed packet for its source, or in the unslotted totals. */
static __always_inline void count_source(const __u8 *addr, int v4, int syn, __u32 seed)
{
	__u32 now = (__u32)bpf_jiffies64();
	struct src_slot *s = slot_find(addr, v4, seed, now);
	struct src_slot_meta *meta;
	__u32 zero = 0;

	if (!s) {
		meta = bpf_map_lookup_elem(&src_slot_meta, &zero);
		if (meta) {
			meta->unslotted_packets++;
			meta->unslotted_syns += syn;
		}
		return;
	}
	s->touched = now;
	s->packets++;
	if (syn) {
		s->syns++;
		s->last_syn_ns = bpf_ktime_get_coarse_ns();
	}
}

#endif /* GATEHAWK_BPF_SRC_SLOTS_H */
