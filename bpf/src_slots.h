/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The gate's per-source packet and SYN counters (gatehawk/sources.h says
 * why a slot table): per CPU, a source's packets land in one slot of its
 * window of GH_SRC_SLOT_PROBE, found by address. Each CPU writes only its
 * own region, so counting needs no atomics and no lock for XDP, which runs
 * one program at a time per CPU. The sensor's egress and sock_ops hooks may
 * run in process context, where a softirq's ingress hook can interleave on
 * the same region: an increment can then be lost, but a slot is claimed by
 * a compare-and-swap of the word its key.family starts (family, pad,
 * touched), so two hooks never claim one slot at once.
 */
#ifndef GATEHAWK_BPF_SRC_SLOTS_H
#define GATEHAWK_BPF_SRC_SLOTS_H

#include "gatehawk/sources.h"
/* The sensor's slot table: pinned with the gate too, so that `sources`
 * finds it whichever of the two was loaded first. */
#include "src_stats.h"

/* GH_SRC_SLOTS per possible CPU, set at load (src_stats.h says why). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, GH_SRC_SLOTS);
	__type(key, __u32);
	__type(value, struct src_slot);
} src_slots SEC(".maps");

/* Its used-slot bitmap. */
SRC_USED_BITMAP(src_slots_used);

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

/* key.family while a slot is being claimed: neither free nor any source's. */
#define SLOT_CLAIMING 0xff

/* key.family, its pad and touched: the 8-byte-aligned word a claim swaps. */
union slot_word {
	__u64 w;
	struct {
		__u8 family;
		__u8 pad[3];
		__u32 touched;
	};
};

static __always_inline __u64 *slot_word_of(struct src_slot_head *s)
{
	return (__u64 *)&s->key.family;
}

static __always_inline int slot_holds(const struct src_slot_head *s, union slot_word seen,
				      const __u8 *addr, int v4)
{
	if (v4)
		return seen.family == 4 && *(const __u32 *)s->key.addr == *(const __u32 *)addr;
	return seen.family == 6 &&
	       *(const __u64 *)s->key.addr == *(const __u64 *)addr &&
	       *(const __u64 *)&s->key.addr[8] == *(const __u64 *)&addr[8];
}

/* Never used, or its source silent for GH_SRC_SLOT_IDLE_S: a new source may take it. */
static __always_inline int slot_free(union slot_word seen, __u32 now)
{
	__u32 hz = CONFIG_HZ ? CONFIG_HZ : 1000;

	return !seen.family ||
	       (seen.family != SLOT_CLAIMING && now - seen.touched > GH_SRC_SLOT_IDLE_S * hz);
}

/*
 * A gate slot's rank against a new source when its window is busy: its
 * packets plus the rank of the source it displaced (Space-Saving). A slot
 * being claimed ranks highest: it is no one's to take.
 */
static __always_inline __u64 slot_rank(const struct src_slot_head *h, union slot_word seen)
{
	const struct src_slot *s = (const struct src_slot *)h;

	return seen.family == SLOT_CLAIMING ? ~0ULL : s->packets + s->rank_floor;
}

/*
 * Slot idx (region included) taken for the first time: its bit in the
 * table's used bitmap, set before the slot is published, so a reader that
 * finds a source's family there has its bit too. Atomic: a softirq on this
 * CPU may set another bit of the word meanwhile (the sensor's table).
 */
static __always_inline void slot_mark_used(void *used, __u32 idx)
{
	__u32 word = idx / 64;
	__u64 *w = bpf_map_lookup_elem(used, &word);

	if (w)
		__sync_fetch_and_or(w, 1ULL << (idx & 63));
}

/* How slot_probe found the slot it returned. */
enum slot_how { SLOT_HELD, SLOT_NEW, SLOT_IDLE, SLOT_DISPLACED };

/* Whether a table's slots may be claimed by two contexts of one CPU (the sensor's). */
enum slot_use { SLOT_XDP_ONLY, SLOT_SHARED };

/*
 * The source's slot in this CPU's region of a slot table (src_slots or
 * src_http_slots), touched now when held. Otherwise a free or idle slot of
 * its window, or, for the gate (ranked), the window's lowest-ranked one:
 * returned claimed (key.family SLOT_CLAIMING under SLOT_SHARED) with the
 * previous source's key and counts still in it, for the caller to move
 * them where they belong, reset the counts and call slot_publish. NULL when
 * the window has no slot to give, or another context claimed it first.
 *
 * Why the lowest rank (Space-Saving, Metwally et al. 2005, per window): a
 * spoofed flood that keeps every window busy cannot blind the gate to a
 * new heavy source, which takes the slot of the flood's lightest source;
 * and the flood's sources, each entering at the rank it displaced plus one,
 * rise only as fast as its packets per slot do, so a source that sends
 * more than the flood puts on each slot of its window keeps its slot
 * (about F / GH_SRC_SLOTS packets a second per CPU under F spoofed packets
 * a second per CPU). Bounded: the same probe of GH_SRC_SLOT_PROBE, no loop
 * of its own, one more load per busy slot; a held source's path is as it
 * was. Exact: a displaced source's counts go to the displaced totals.
 */
static __always_inline void *slot_probe(void *table, void *used, const __u8 *addr, int v4,
					__u32 seed, __u32 now, int ranked, enum slot_use use,
					enum slot_how *how)
{
	__u32 base = src_slot_index(addr, v4, seed);
	/* A CPU beyond the table's size finds no slot: its lookups fail. */
	__u32 region = bpf_get_smp_processor_id() * GH_SRC_SLOTS;
	struct src_slot_head *s, *spare = NULL, *lowest = NULL;
	union slot_word seen, spare_seen = { 0 }, lowest_seen = { 0 }, claim;
	__u64 lowest_rank = ~0ULL;
	__u32 spare_idx = 0;

	for (__u32 i = 0; i < GH_SRC_SLOT_PROBE; i++) {
		__u32 idx = region + ((base + i) & (GH_SRC_SLOTS - 1));
		__u64 rank;

		s = bpf_map_lookup_elem(table, &idx);
		if (!s)
			return NULL;
		seen.w = *(volatile __u64 *)slot_word_of(s);
		if (slot_holds(s, seen, addr, v4)) {
			*how = SLOT_HELD;
			s->touched = now;
			if (use == SLOT_SHARED) {
				/* A softirq between the look and the touch may have
				 * taken the slot as idle: then count unslotted. */
				asm volatile("" ::: "memory");
				seen.w = *(volatile __u64 *)slot_word_of(s);
				if (!slot_holds(s, seen, addr, v4))
					return NULL;
			}
			return s;
		}
		if (spare)
			continue;
		if (slot_free(seen, now)) {
			spare = s;
			spare_seen = seen;
			spare_idx = idx;
		} else if (ranked && (rank = slot_rank(s, seen)) < lowest_rank) {
			lowest = s;
			lowest_seen = seen;
			lowest_rank = rank;
		}
	}
	if (spare) {
		*how = spare_seen.family ? SLOT_IDLE : SLOT_NEW;
	} else if (lowest) {
		*how = SLOT_DISPLACED;
		spare = lowest;
		spare_seen = lowest_seen;
	} else {
		return NULL;
	}
	claim = spare_seen;
	claim.family = SLOT_CLAIMING;
	if (use == SLOT_SHARED &&
	    __sync_val_compare_and_swap(slot_word_of(spare), spare_seen.w, claim.w) != spare_seen.w)
		return NULL;
	if (*how == SLOT_NEW)
		slot_mark_used(used, spare_idx);
	return spare;
}

/*
 * Give a claimed slot to its new source, touched now: the address first,
 * the family last, so that a hook interleaving on this CPU never sees the
 * source's family with another's address.
 */
static __always_inline void slot_publish(struct src_slot_head *s, const __u8 *addr, int v4,
					 __u32 now)
{
	__builtin_memset(s->key.addr, 0, sizeof(s->key.addr));
	if (v4)
		__builtin_memcpy(s->key.addr, addr, 4);
	else
		__builtin_memcpy(s->key.addr, addr, 16);
	s->touched = now;
	asm volatile("" ::: "memory");
	s->key.family = v4 ? 4 : 6;
}

/* Count a passed packet for its source, or in the unslotted totals. */
static __always_inline void count_source(const __u8 *addr, int v4, int syn, __u32 seed)
{
	__u32 now = (__u32)bpf_jiffies64(), zero = 0;
	enum slot_how how = SLOT_HELD;
	struct src_slot_meta *meta;
	struct src_slot *s;

	s = slot_probe(&src_slots, &src_slots_used, addr, v4, seed, now, 1, SLOT_XDP_ONLY, &how);
	if (!s || how != SLOT_HELD) {
		meta = bpf_map_lookup_elem(&src_slot_meta, &zero);
		if (!meta)
			return;
		if (!s) {
			meta->unslotted_packets++;
			meta->unslotted_syns += syn;
			return;
		}
		if (how != SLOT_NEW) {
			/* Readers on other CPUs skip a claiming slot: none copies
			 * the old source's key with counts half moved. */
			s->key.family = SLOT_CLAIMING;
			asm volatile("" ::: "memory");
		}
		if (how == SLOT_NEW) {
			meta->claimed++;
		} else if (how == SLOT_IDLE) {
			meta->reclaimed++;
			meta->retired_packets += s->packets;
			meta->retired_syns += s->syns;
		} else {
			meta->displaced++;
			meta->displaced_packets += s->packets;
			meta->displaced_syns += s->syns;
		}
		s->rank_floor = how == SLOT_DISPLACED ? s->packets + s->rank_floor : 0;
		s->packets = 0;
		s->syns = 0;
		s->last_syn_ns = 0;
		slot_publish((struct src_slot_head *)s, addr, v4, now);
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
	s = slot_probe(&src_http_slots, &src_http_used, addr, v4, meta->seed, now, 0, SLOT_SHARED,
		       &how);
	if (!s)
		return &meta->unslotted;
	if (how != SLOT_HELD) {
		*(how == SLOT_NEW ? &meta->claimed : &meta->reclaimed) += 1;
		__builtin_memset(&s->c, 0, sizeof(s->c));
		slot_publish((struct src_slot_head *)s, addr, v4, now);
	}
	return &s->c;
}

#endif /* GATEHAWK_BPF_SRC_SLOTS_H */
