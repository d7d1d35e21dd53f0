/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * XDP gate: map keys, values, counters and tunables shared by
 * bpf/xdp_gate.bpf.c and user space. The one definition of each; BTF makes
 * `bpftool map dump pinned /sys/fs/bpf/gatehawk/<map>` print these names.
 *
 * Addresses are kept in network byte order as byte arrays so that the
 * kernel, user space and bpftool all see the same bytes.
 */
#ifndef GATEHAWK_GATE_H
#define GATEHAWK_GATE_H

#include "gatehawk/types.h"

/* Default size of each block map (hosts and prefixes, per family). */
#define GH_DEFAULT_MAX_BLOCKS 262144
#define GH_MIN_MAX_BLOCKS 16
/* Allow lists are short: operators' own networks and monitors. */
#define GH_MAX_ALLOWS 16384
/* Distinct reason texts; entry 0 is the default "manual". */
#define GH_MAX_REASONS 4096
#define GH_REASON_LEN 64
/* VLAN tags the parser walks through (802.1ad outer + 802.1Q inner). */
#define GH_VLAN_MAX_DEPTH 2
/* IPv6 extension headers walked before giving up on finding L4. */
#define GH_IPV6_EXT_MAX 6
/*
 * When the most specific prefix match has expired, retry with shorter
 * prefixes this many times so an expired /32 inside a live /24 does not punch
 * a hole in the /24 before the daemon garbage-collects it.
 */
#define GH_EXPIRED_FALLBACK_MAX 4

/* Exact-address keys: the hash fast path for /32 and /128 blocks. */
struct host_v4_key {
	__u8 addr[4];
};

struct host_v6_key {
	__u8 addr[16];
};

/* Longest-prefix-match keys; layout required by BPF_MAP_TYPE_LPM_TRIE. */
struct net_v4_key {
	__u32 prefixlen;
	__u8 addr[4];
};

struct net_v6_key {
	__u32 prefixlen;
	__u8 addr[16];
};

/* Block entry flags. */
#define GH_BLOCK_F_AUTO (1U << 0) /* written by a policy, not by hand */
#define GH_BLOCK_F_FLEET (1U << 1) /* learned from the fleet (with AUTO): never published */

/*
 * One block entry, in the host hash or the prefix trie. expires_ns is on the
 * bpf_ktime_get_boot_ns() clock (0 = never); the XDP program lets an expired
 * entry pass by itself. hits is bumped atomically by the program.
 */
struct block_entry {
	__u64 expires_ns;
	__u64 created_ns;
	__u64 hits;
	__u32 reason; /* index into the reasons map */
	__u32 prefixlen;
	__u32 flags;
	__u32 pad;
};

/*
 * Throttle, then block: a source under a throttle passes at most `per_s` new
 * connections (TCP SYN without ACK) and/or packets a second, with bursts of
 * up to `burst`; the rest is dropped at XDP. One bucket per kind, as GCRA
 * (the "virtual scheduling" form of a token bucket): tat_ns is the time at
 * which the bucket is full again, so the per-packet work is a compare and an
 * add, with no division and no per-packet refill arithmetic:
 *   tat <= now                          full: pass, tat = now + interval
 *   tat + interval - now > burst_ns     empty: drop
 *   otherwise                           pass, tat += interval (atomic add)
 * Tokens left at `now` = (burst_ns - max(0, tat - now)) / interval_ns.
 * interval_ns = 1e9 / per_s rounded down, so a rate is exact to 1 ns per
 * token. CPUs race only on the "full" branch (a plain store): several CPUs
 * taking the first packet of a burst at the same instant may each restart
 * the bucket, so a burst can pass at most (CPUs - 1) extra packets; every
 * other pass advances tat atomically, so the long-run rate is exact.
 */
struct throttle_bucket {
	__u64 interval_ns; /* 1e9 / per_s; 0: no limit of this kind */
	__u64 burst_ns;    /* burst x interval_ns: the bucket's depth in time */
	__u64 tat_ns;      /* boot ns at which the bucket is full again; the program's */
	__u64 passed;      /* tokens taken */
	__u64 dropped;     /* refused for want of a token */
	__u32 per_s;       /* the rate as given, for display */
	__u32 burst;
};

/*
 * One throttle entry, in the throttle host hash or prefix trie. The block
 * entry part is the same as a block's (expiry, creation, reason, flags), so
 * expiry, listing, GC and a full map's eviction treat both alike; its hits
 * count the packets the throttle dropped. Written only by user space: no
 * amount of traffic creates or removes one.
 */
struct throttle_entry {
	struct block_entry entry;
	struct throttle_bucket conns;   /* TCP SYN without ACK (first fragment only) */
	struct throttle_bucket packets; /* every IP packet, SYNs included */
};

/* A throttle's limits as given; a rate of 0 sets no limit of that kind. */
struct throttle_limits {
	__u32 conns_per_s;
	__u32 conn_burst;
	__u32 packets_per_s;
	__u32 packet_burst;
};

#define GH_THROTTLE_MAX_RATE 10000000U /* per second */
#define GH_THROTTLE_MAX_BURST 1000000U

/* Allow entry flags. */
#define GH_ALLOW_F_FILE (1U << 0) /* from `run --allow-file`: kept in step with the file */

/*
 * One allow entry. expires_ns as in block_entry (0 = never): the program
 * ignores an expired entry and retries with a shorter prefix, so an expired
 * /32 never hides a live /24 around it; the daemon's GC deletes it.
 */
struct allow_entry {
	__u64 created_ns;
	__u64 hits;
	__u64 expires_ns;
	__u32 prefixlen;
	__u32 flags;
};

/*
 * The drop cache: per CPU, GH_DROP_CACHE_SLOTS slots, each the last blocked
 * source dropped whose address hashed to it, with what the block map said
 * (the entry's prefix length and expiry), so that a flood from blocked
 * sources costs an array slot a packet instead of a hash or trie lookup.
 * A slot holds while gen equals the drop_cache_gen map, which user space bumps
 * after every write to a block map (so a deleted, shortened or replaced
 * block stops at once), and while its expiry has not passed. Its drops are
 * added to the entry's hits every GH_DROP_CACHE_RECHECK-th drop, when the
 * program looks the entry up again (so a block deleted behind user space's
 * back, with bpftool, stops within that many packets a CPU), and when
 * another source takes the slot; user space adds the ones still held when
 * it reads hits. Held drops belong to the entry created at created_ns: a
 * block deleted and added again (a new creation time) does not inherit
 * them. Written by the program only.
 */
#define GH_DROP_CACHE_BITS 12
#define GH_DROP_CACHE_SLOTS (1U << GH_DROP_CACHE_BITS)
#define GH_DROP_CACHE_RECHECK 64

struct drop_cache_slot {
	__u8 addr[16];      /* the source; IPv4 in the first 4 bytes */
	__u64 expires_ns;   /* the entry's (0: never) */
	__u64 created_ns;   /* the entry's: which entry the held drops belong to */
	__u32 gen;          /* drop_cache_gen when filled */
	__u32 held;         /* drops not yet added to the entry's hits */
	__u8 family;        /* 4 or 6; 0: empty */
	__u8 prefixlen;     /* of the entry: 32 or 128 for an exact block */
	__u8 pad[6];
};

/* Reason texts, indexed by block_entry.reason; written by user space only. */
struct block_reason {
	char text[GH_REASON_LEN];
};

/*
 * Global gate counters, one copy per CPU (user space sums). The X-macro is
 * the single list of names: it builds the struct here and the JSON/text
 * output in user space, so the two cannot drift apart.
 */
#define GATE_STATS_FIELDS(X)                                                   \
	X(seen)         /* every frame the program saw */                      \
	X(passed)       /* XDP_PASS, for any reason */                         \
	X(dropped)      /* XDP_DROP by a live block entry or a throttle */     \
	X(allowed)      /* passed because an allow entry matched */            \
	X(expired_hits) /* matched only expired block entries, passed */       \
	X(parse_errors) /* truncated before the source address, passed */      \
	X(non_ip)       /* ARP, LLDP and other non-IP frames, passed */        \
	X(ipv4)                                                                \
	X(ipv6)                                                                \
	X(dropped_v4)                                                          \
	X(dropped_v6)                                                          \
	X(vlan)         /* frames that carried at least one VLAN tag */        \
	X(fragments)    /* IPv4 or IPv6 fragments */                           \
	X(syns)         /* TCP SYN without ACK (first fragment only) */        \
	X(throttled)    /* dropped by a throttle's bucket (in dropped too) */

struct gate_stats {
#define GH_STATS_MEMBER(name) __u64 name;
	GATE_STATS_FIELDS(GH_STATS_MEMBER)
#undef GH_STATS_MEMBER
};

/* Gate feature bits in gate_config.flags. */
#define GH_GATE_F_COUNT_SOURCES (1U << 0) /* per-source packet/SYN counts */
/* Set by user space while the throttle map holds entries, so the program
 * looks only in throttle maps that have something. */
#define GH_GATE_F_THROTTLE_HOST4 (1U << 1)
#define GH_GATE_F_THROTTLE_HOST6 (1U << 2)
#define GH_GATE_F_THROTTLE_NET4 (1U << 3)
#define GH_GATE_F_THROTTLE_NET6 (1U << 4)
/* Some throttle limits packets: every packet is looked up, else SYNs only
 * (set on adding one; recomputed when throttles are removed). */
#define GH_GATE_F_THROTTLE_PACKETS (1U << 5)
#define GH_GATE_F_THROTTLE4 (GH_GATE_F_THROTTLE_HOST4 | GH_GATE_F_THROTTLE_NET4)
#define GH_GATE_F_THROTTLE6 (GH_GATE_F_THROTTLE_HOST6 | GH_GATE_F_THROTTLE_NET6)

/*
 * Run-time tunables and bookkeeping the program reads on every packet. The
 * *_entries counts let the program skip an empty trie entirely; user space
 * recounts a trie after every change to it (under the pin-dir lock).
 */
struct gate_config {
	__u32 allow_v4_entries;
	__u32 allow_v6_entries;
	__u32 block_net4_entries;
	__u32 block_net6_entries;
	__u32 flags;
	__u32 src_seed; /* hashes sources to their slots (sources.h); drawn once */
};

/* Pinned object names under the pin directory. */
#define GH_PIN_DIR_DEFAULT "/sys/fs/bpf/gatehawk"
#define GH_LINK_XDP_PREFIX "link_xdp_"

#endif /* GATEHAWK_GATE_H */
