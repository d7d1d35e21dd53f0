/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The gate's per-source packet and SYN counters (gatehawk/sources.h says
 * why a slot table): per CPU, a source's packets land in one slot of its
 * window of GH_SRC_SLOT_PROBE, found by address. Each CPU writes only its
 * own region, so a slot needs no atomics and no lock for XDP, which runs one
 * program at a time per CPU. The sensor's egress and sock_ops hooks may run
 * in process context, where a softirq's ingress hook can interleave on the
 * same region: an increment can then be lost, or a slot claimed twice at
 * once be given to one source's counts and another's key (README,
 * "Architecture", says so; a compare-and-swap on the key would close it).
 */
#ifndef GATEHAWK_BPF_SRC_SLOTS_H
#define GATEHAWK_BPF_SRC_SLOTS_H

#include "gatehawk/sources.h"
/* src_key_set(), and the sensor's slot table: pinned with the gate too, so
 * that `sources` finds it whichever of the two was loaded first. */
#include "src_stats.h"

/* GH_SRC_SLOTS per possible CPU, set at load (src_stats.h says why). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
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

/* What both slot tables' values start with (asserted in gatehawk/sources.h). */
struct src_slot_head {
	struct src_key key;
	__u32 touched;
};

static __always_inline int slot_holds(const struct src_slot_head *s, const __u8 *addr, int v4)
{
	if (v4)
		return s->key.family == 4 && *(const __u32 *)s->key.addr == *(const __u32 *)addr;
	return s->key.family == 6 &&
	       *(const __u64 *)s->key.addr == *(const __u64 *)addr &&
	       *(const __u64 *)&s->key.addr[8] == *(const __u64 *)&addr[8];
}

/* Never used, or its source silent for GH_SRC_SLOT_IDLE_S: a new source may take it. */
static __always_inline int slot_free(const struct src_slot_head *s, __u32 now)
{
	__u32 hz = CONFIG_HZ ? CONFIG_HZ : 1000;

	return !s->key.family || now - s->touched > GH_SRC_SLOT_IDLE_S * hz;
}

/* How slot_probe found the slot it returned. */
enum slot_how { SLOT_HELD, SLOT_NEW, SLOT_TAKEN_OVER };

/*
 * The source's slot in this CPU's region of a slot table (src_slots or
 * src_http_slots), taking a free one in its window with the key set and
 * touched now: the caller zeroes the counts when *how is not SLOT_HELD.
 * NULL when the window has no slot free.
 */
static __always_inline void *slot_probe(void *table, const __u8 *addr, int v4, __u32 seed,
					__u32 now, enum slot_how *how)
{
	__u32 base = src_slot_index(addr, v4, seed);
	/* A CPU beyond the table's size finds no slot: its lookups fail. */
	__u32 region = bpf_get_smp_processor_id() * GH_SRC_SLOTS;
	struct src_slot_head *s, *spare = NULL;

	for (__u32 i = 0; i < GH_SRC_SLOT_PROBE; i++) {
		__u32 idx = region + ((base + i) & (GH_SRC_SLOTS - 1));

		s = bpf_map_lookup_elem(table, &idx);
		if (!s)
			return NULL;
		if (slot_holds(s, addr, v4)) {
			*how = SLOT_HELD;
			s->touched = now;
			return s;
		}
		if (!spare && slot_free(s, now))
			spare = s;
	}
	if (!spare)
		return NULL;
	*how = spare->key.family ? SLOT_TAKEN_OVER : SLOT_NEW;
	src_key_set(&spare->key, addr, v4 ? 4 : 6);
	spare->touched = now;
	return spare;
}

/* Count a passed packet for its source, or in the unslotted totals. */
static __always_inline void count_source(const __u8 *addr, int v4, int syn, __u32 seed)
{
	__u32 now = (__u32)bpf_jiffies64(), zero = 0;
	struct src_slot_meta *meta = NULL;
	enum slot_how how = SLOT_HELD;
	struct src_slot *s;

	s = slot_probe(&src_slots, addr, v4, seed, now, &how);
	if (!s || how != SLOT_HELD)
		meta = bpf_map_lookup_elem(&src_slot_meta, &zero);
	if (!s) {
		if (meta) {
			meta->unslotted_packets++;
			meta->unslotted_syns += syn;
		}
		return;
	}
	if (how != SLOT_HELD) {
		if (meta)
			*(how == SLOT_NEW ? &meta->claimed : &meta->reclaimed) += 1;
		s->packets = 0;
		s->syns = 0;
		s->last_syn_ns = 0;
	}
	s->packets++;
	if (syn) {
		s->syns++;
		s->last_syn_ns = bpf_ktime_get_coarse_ns();
	}
}

/*
 * The sensor's counts for a source on this CPU: its slot's, or the unslotted
 * totals when its window has none free; NULL only if a map is missing. The
 * seed is this CPU's own, drawn at its first event (slots are per CPU, and
 * readers join by address, so no one else needs it).
 */
static __always_inline struct src_http_counts *http_counts(const __u8 *addr, int v4)
{
	__u32 now = (__u32)bpf_jiffies64(), zero = 0;
	struct src_http_meta *meta = bpf_map_lookup_elem(&src_http_meta, &zero);
	enum slot_how how = SLOT_HELD;
	struct src_http_slot *s;

	if (!meta)
		return NULL;
	if (!meta->seed)
		meta->seed = bpf_get_prandom_u32() | 1;
	s = slot_probe(&src_http_slots, addr, v4, meta->seed, now, &how);
	if (!s)
		return &meta->unslotted;
	if (how != SLOT_HELD) {
		*(how == SLOT_NEW ? &meta->claimed : &meta->reclaimed) += 1;
		__builtin_memset(&s->c, 0, sizeof(s->c));
	}
	return &s->c;
}

#endif /* GATEHAWK_BPF_SRC_SLOTS_H */
