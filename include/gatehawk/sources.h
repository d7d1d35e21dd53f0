/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Per-source counters kept exactly in the kernel, in two tables that user
 * space joins by address:
 *  - src_slots: packets and SYNs that passed the XDP gate. A per-CPU array
 *    the verifier inlines, addressed by a seeded hash of the source with a
 *    probe of GH_SRC_SLOT_PROBE slots: no jhash, no LRU lists, no locks on
 *    the pass path. A source that finds no slot free or idle in its window
 *    takes the window's lowest-ranked one (bpf/src_slots.h says why a flood
 *    cannot blind the gate that way), whose counts move to
 *    src_slot_meta.unslotted_*; an idle slot's move to retired_*: every
 *    passed packet is counted exactly once, by source, unslotted or retired.
 *  - src_http_slots: connections from sock_ops, requests, request bytes and
 *    response classes from the cgroup_skb hooks, all after a handshake. A
 *    twin table with the same addressing (its own seed, per CPU, in
 *    src_http_meta), so the gate's slots stay as small as its pass path
 *    wants; events of a source without a slot go to src_http_meta.unslotted.
 */
#ifndef GATEHAWK_SOURCES_H
#define GATEHAWK_SOURCES_H

#include "gatehawk/types.h"

/* IPv4 sources use addr[0..3] and family 4; the rest of addr is zero. */
struct src_key {
	__u8 addr[16];
	__u8 family; /* 4 or 6 */
	__u8 pad[3];
};

#define SRC_GATE_FIELDS(X)                                                     \
	X(packets)       /* frames that passed the gate */                     \
	X(syns)          /* TCP SYN without ACK */

#define SRC_HTTP_FIELDS(X)                                                     \
	X(conns)         /* established connections (passive open) */          \
	X(requests)      /* HTTP request heads seen on the HTTP ports */       \
	X(request_bytes) /* TCP payload bytes from this source on those ports */ \
	X(resp_2xx)                                                            \
	X(resp_3xx)                                                            \
	X(resp_4xx)                                                            \
	X(resp_5xx)

#define SRC_STATS_FIELDS(X) SRC_GATE_FIELDS(X) SRC_HTTP_FIELDS(X)

/* A source's counters as the readers see them, both tables summed. */
struct src_stats {
#define GH_SRC_MEMBER(name) __u64 name;
	SRC_STATS_FIELDS(GH_SRC_MEMBER)
#undef GH_SRC_MEMBER
	__u64 last_seen_ns; /* boottime clock; user space takes the max over CPUs */
};

/*
 * Slots per CPU in src_slots (a power of two: the index is a hash's top
 * bits), slots looked at from the hashed one on, and how long a source
 * holds its slot after its last packet against a new source that needs it.
 */
#define GH_SRC_SLOT_BITS 14
#define GH_SRC_SLOTS (1U << GH_SRC_SLOT_BITS)
#define GH_SRC_SLOT_PROBE 4
#define GH_SRC_SLOT_IDLE_S 60

/*
 * Each slot table has a bitmap of the slots ever used (src_slots_used,
 * src_http_used: GH_SRC_USED_WORDS words per CPU, bit i of a region for its
 * slot i), set by the program that first claims a slot. Slots are never
 * freed, only taken over, so a bit is never cleared: readers look only at
 * the slots whose bits are set instead of every slot of every CPU each
 * second. A table and its bitmap are pinned and made afresh together.
 */
#define GH_SRC_USED_WORDS (GH_SRC_SLOTS / 64)

/* One source's packets and SYNs on one CPU; key.family 0: never used. */
struct src_slot {
	struct src_key key;
	__u32 touched; /* jiffies (low 32 bits) at its last packet */
	__u64 packets;
	__u64 syns;
	/* CLOCK_MONOTONIC_COARSE at its last SYN, 0 before one: a tick's
	 * precision at a fraction of the boottime clock's cost; user space
	 * moves it to boottime like src_stats.last_seen_ns. */
	__u64 last_syn_ns;
	/* The rank of the source it displaced (bpf/src_slots.h), 0 in a free
	 * or idle slot: packets + rank_floor ranks the slot against a new
	 * source, Space-Saving's inherited count kept apart from the exact one. */
	__u64 rank_floor;
};

/*
 * The slot of a source is GH_SRC_SLOT_BITS of a multiplicative hash of its
 * address mixed with a seed drawn once per gate (gate_config.src_seed), so
 * a flood cannot aim at one source's window. addr is in network order, 4
 * or 16 bytes; the same function in the program and in the tests.
 */
static inline __u32 src_slot_index(const __u8 *addr, int v4, __u32 seed)
{
	__u64 x;

	if (v4) {
		x = *(const __u32 *)addr;
	} else {
		const __u64 *w = (const __u64 *)addr;

		x = w[0] * 0x9e3779b97f4a7c15ULL ^ w[1];
	}
	return (__u32)(((x ^ seed) * 0xd6e8feb86659fd93ULL) >> (64 - GH_SRC_SLOT_BITS));
}

/*
 * Per-CPU bookkeeping of src_slots. Slots are never freed, only taken over:
 * slots in use = claimed. Every passed packet is in exactly one of a slot,
 * the unslotted totals or the retired ones: per-source + unslotted +
 * retired = passed, exactly, per CPU and summed.
 */
struct src_slot_meta {
	__u64 claimed;           /* free slots taken by a new source */
	__u64 reclaimed;         /* idle sources' slots taken over */
	/* Passed packets of sources that found no slot (a CPU beyond the
	 * table): what per-source counting never saw. */
	__u64 unslotted_packets;
	__u64 unslotted_syns;    /* the SYNs among them */
	__u64 displaced;         /* busy windows' lowest-ranked slots taken over */
	/* The counts of idle sources whose slots were taken over: history,
	 * not blindness, so apart from the unslotted totals. */
	__u64 retired_packets;
	__u64 retired_syns;
	/* The counts displaced sources had in their slots, moved out when a
	 * heavier newcomer took it: a row of the source loses them. */
	__u64 displaced_packets;
	__u64 displaced_syns;
};

/* The sensor's counts of one source, or of the sources without a slot. */
struct src_http_counts {
#define GH_SRC_MEMBER(name) __u64 name;
	SRC_HTTP_FIELDS(GH_SRC_MEMBER)
#undef GH_SRC_MEMBER
	/* CLOCK_MONOTONIC_COARSE at its last request, 0 before one; user
	 * space moves it to boottime as it does src_slot.last_syn_ns. */
	__u64 last_seen_ns;
};

/* One source's sensor counts on one CPU; key.family 0: never used. */
struct src_http_slot {
	struct src_key key;
	__u32 touched; /* jiffies (low 32 bits) at its last event */
	struct src_http_counts c;
};

/* Both tables are probed by one function (bpf/src_slots.h): the same head. */
_Static_assert(__builtin_offsetof(struct src_slot, touched) == sizeof(struct src_key) &&
		       __builtin_offsetof(struct src_http_slot, touched) == sizeof(struct src_key),
	       "slot values start with key, then touched");

/* Per-CPU bookkeeping of src_http_slots, as src_slot_meta for the gate's. */
struct src_http_meta {
	__u32 seed; /* drawn by the first event on this CPU, never 0 after */
	__u32 pad;
	__u64 claimed;
	__u64 reclaimed;
	struct src_http_counts unslotted;
};

#endif /* GATEHAWK_SOURCES_H */
