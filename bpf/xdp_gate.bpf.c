// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * xdp_gate: drop frames from blocked source addresses at the XDP hook.
 *
 * Order of checks: allow list (prefix trie) beats everything; then the exact
 * address hash (the fast path for /32 and /128); then the prefix trie. Tries
 * that are empty are skipped, which the per-family entry counts in
 * gate_config tell us without a lookup. Expired entries, block, allow or
 * throttle, count as absent by themselves.
 * A blocked source the drop cache holds (gate.h) is dropped without
 * either lookup.
 * A source neither allowed nor blocked then meets its throttle, if any
 * (exact hash, then prefix trie, each looked in only while gate_config's
 * flags say it holds entries; only for SYNs unless some throttle limits
 * packets): a packet without a token is dropped.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#include "gatehawk/gate.h"
#include "parse.h"
#include "src_slots.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";

/* Exact blocked IPv4 addresses; written by user space, hits by the program. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, GH_DEFAULT_MAX_BLOCKS);
	__type(key, struct host_v4_key);
	__type(value, struct block_entry);
} block_host4 SEC(".maps");

/* Exact blocked IPv6 addresses. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, GH_DEFAULT_MAX_BLOCKS);
	__type(key, struct host_v6_key);
	__type(value, struct block_entry);
} block_host6 SEC(".maps");

/* Blocked IPv4 prefixes shorter than /32. */
struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, GH_DEFAULT_MAX_BLOCKS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct net_v4_key);
	__type(value, struct block_entry);
} block_net4 SEC(".maps");

/* Blocked IPv6 prefixes shorter than /128. */
struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, GH_DEFAULT_MAX_BLOCKS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct net_v6_key);
	__type(value, struct block_entry);
} block_net6 SEC(".maps");

/*
 * Throttles, laid out like the block maps: exact addresses in hashes,
 * shorter prefixes in tries. Written by user space only (allocated on
 * write: most hosts have few), so no traffic can push an entry out.
 */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, GH_DEFAULT_MAX_BLOCKS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct host_v4_key);
	__type(value, struct throttle_entry);
} throttle_host4 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, GH_DEFAULT_MAX_BLOCKS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct host_v6_key);
	__type(value, struct throttle_entry);
} throttle_host6 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, GH_DEFAULT_MAX_BLOCKS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct net_v4_key);
	__type(value, struct throttle_entry);
} throttle_net4 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, GH_DEFAULT_MAX_BLOCKS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct net_v6_key);
	__type(value, struct throttle_entry);
} throttle_net6 SEC(".maps");

/* IPv4 allow list, any prefix length; checked before every block map. */
struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, GH_MAX_ALLOWS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct net_v4_key);
	__type(value, struct allow_entry);
} allow_net4 SEC(".maps");

/* IPv6 allow list. */
struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, GH_MAX_ALLOWS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct net_v6_key);
	__type(value, struct allow_entry);
} allow_net6 SEC(".maps");

/* Reason texts for block entries; user space only, here for BTF and pinning. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, GH_MAX_REASONS);
	__type(key, __u32);
	__type(value, struct block_reason);
} reasons SEC(".maps");

/* Blocked sources dropped lately, per CPU (gate.h: struct drop_cache_slot). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, GH_DROP_CACHE_SLOTS);
	__type(key, __u32);
	__type(value, struct drop_cache_slot);
} drop_cache SEC(".maps");

/* Bumped by user space after each write to a block map: older cache slots do not hold. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} drop_cache_gen SEC(".maps");

/* Global counters, per CPU so the hot path never contends. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct gate_stats);
} gate_stats SEC(".maps");

/* Tunables and trie entry counts; written by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct gate_config);
} gate_config SEC(".maps");

/*
 * Both key layouts fit in the IPv6 ones; a map reads only its key_size.
 * The address is copied a word at a time: memcpy from a byte pointer is
 * byte loads and shifts, and packet loads need no alignment on the
 * architectures the gate runs on (x86-64, arm64).
 */
static __always_inline void fill_keys(const __u8 *saddr, __u8 family, struct host_v6_key *host,
				      struct net_v6_key *net)
{
	const __u32 *src = (const __u32 *)saddr;
	__u32 *h = (__u32 *)host->addr, *n = (__u32 *)net->addr;

	h[0] = n[0] = src[0];
	net->prefixlen = 32;
	if (family == 4)
		return;
	h[1] = n[1] = src[1];
	h[2] = n[2] = src[2];
	h[3] = n[3] = src[3];
	net->prefixlen = 128;
}

/* The clock, read at most once a packet and only when something needs it. */
static __always_inline __u64 clock_now(__u64 *now)
{
	if (!*now)
		*now = bpf_ktime_get_boot_ns();
	return *now;
}

/* The clock is read only when an entry with an expiry is found. */
static __always_inline int entry_live(__u64 expires_ns, __u64 *now)
{
	return !expires_ns || clock_now(now) < expires_ns;
}

/*
 * Most specific live prefix entry (a block, or a throttle's block_entry
 * head); an expired match retries with the next shorter prefix, so an
 * expired entry never hides a live, wider one.
 */
static __always_inline struct block_entry *lookup_live_net(void *net_map, struct net_v6_key *key,
							   __u64 *now, int *expired)
{
	struct block_entry *b;

	for (int i = 0; i <= GH_EXPIRED_FALLBACK_MAX; i++) {
		b = bpf_map_lookup_elem(net_map, key);
		if (!b)
			return NULL;
		if (entry_live(b->expires_ns, now))
			return b;
		*expired = 1;
		if (b->prefixlen == 0 || b->prefixlen > key->prefixlen)
			return NULL;
		key->prefixlen = b->prefixlen - 1;
	}
	return NULL;
}

/*
 * One branch per family with a compiler barrier on each result: given a
 * "v4 ? &map4 : &map6" pointer, clang merges the calls and the verifier can
 * no longer inline the lookups as direct map accesses (10-14 ns a packet).
 */
#define LOOKUP_BY_FAMILY(v4, map4, map6, key)                         \
	({                                                             \
		void *__r;                                             \
		if (v4) {                                              \
			__r = bpf_map_lookup_elem(&map4, key);         \
			barrier_var(__r);                              \
		} else {                                               \
			__r = bpf_map_lookup_elem(&map6, key);         \
			barrier_var(__r);                              \
		}                                                      \
		__r;                                                   \
	})

/*
 * Most specific live allow entry, retrying shorter prefixes past expired
 * ones like lookup_live_net. key->prefixlen is put back for the block maps.
 */
static __always_inline struct allow_entry *lookup_live_allow(int v4, struct net_v6_key *key,
							     __u64 *now)
{
	__u32 full = key->prefixlen;
	struct allow_entry *a = NULL;

	for (int i = 0; i <= GH_EXPIRED_FALLBACK_MAX; i++) {
		a = LOOKUP_BY_FAMILY(v4, allow_net4, allow_net6, key);
		if (!a || entry_live(a->expires_ns, now))
			break;
		if (a->prefixlen == 0 || a->prefixlen > key->prefixlen) {
			a = NULL;
			break;
		}
		key->prefixlen = a->prefixlen - 1;
		a = NULL;
	}
	key->prefixlen = full;
	return a;
}

/* Take a token from the bucket (gate.h says how, and what racing CPUs can do). */
static __always_inline int bucket_take(struct throttle_bucket *b, __u64 now)
{
	__u64 tat = *(volatile __u64 *)&b->tat_ns;

	if (tat <= now) {
		b->tat_ns = now + b->interval_ns;
	} else if (tat + b->interval_ns - now > b->burst_ns) {
		__sync_fetch_and_add(&b->dropped, 1);
		return 0;
	} else {
		__sync_fetch_and_add(&b->tat_ns, b->interval_ns);
	}
	__sync_fetch_and_add(&b->passed, 1);
	return 1;
}

/* The live throttle of the source, or NULL; net's prefix length is reset first. */
static __always_inline struct throttle_entry *throttle_find(int v4, __u32 flags,
							     struct host_v6_key *host,
							     struct net_v6_key *net, __u64 *now)
{
	struct block_entry *t = NULL;
	int expired = 0;

	if (flags & (v4 ? GH_GATE_F_THROTTLE_HOST4 : GH_GATE_F_THROTTLE_HOST6)) {
		t = LOOKUP_BY_FAMILY(v4, throttle_host4, throttle_host6, host);
		if (t && entry_live(t->expires_ns, now))
			return (struct throttle_entry *)t;
	}
	t = NULL;
	net->prefixlen = v4 ? 32 : 128;
	if (v4 && (flags & GH_GATE_F_THROTTLE_NET4)) {
		t = lookup_live_net(&throttle_net4, net, now, &expired);
		barrier_var(t);
	} else if (!v4 && (flags & GH_GATE_F_THROTTLE_NET6)) {
		t = lookup_live_net(&throttle_net6, net, now, &expired);
		barrier_var(t);
	}
	return (struct throttle_entry *)t;
}

/*
 * Whether a throttled source's packet gets its tokens: a SYN one of each
 * kind limited, another packet a packet token if packets are limited (else
 * it passes without reading the clock).
 */
static __always_inline int throttle_pass(struct throttle_entry *t, const struct pkt_info *pkt,
					 __u64 *now)
{
	if (pkt->syn && t->conns.interval_ns && !bucket_take(&t->conns, clock_now(now)))
		goto drop;
	if (t->packets.interval_ns && !bucket_take(&t->packets, clock_now(now)))
		goto drop;
	return 1;
drop:
	__sync_fetch_and_add(&t->entry.hits, 1);
	return 0;
}

/* ---- the drop cache (gate.h) ---------------------------------------------- */

/* The slot of a source: a multiplicative hash of its address words. */
static __always_inline struct drop_cache_slot *drop_slot(const struct host_v6_key *host, int v4)
{
	const __u32 *w = (const __u32 *)host->addr;
	__u32 h = w[0], idx;

	if (!v4)
		h ^= w[1] * 0x85ebca77U ^ w[2] * 0xc2b2ae3dU ^ w[3] * 0x27d4eb2fU;
	idx = (h * 0x9e3779b1U) >> (32 - GH_DROP_CACHE_BITS);
	return bpf_map_lookup_elem(&drop_cache, &idx);
}

/* The slot holds this source (an IPv4 key's other words are zero). */
static __always_inline int slot_is(const struct drop_cache_slot *ds,
				   const struct host_v6_key *host, int v4)
{
	const __u32 *a = (const __u32 *)ds->addr, *b = (const __u32 *)host->addr;

	if (ds->family != (v4 ? 4 : 6) || a[0] != b[0])
		return 0;
	return v4 || (a[1] == b[1] && a[2] == b[2] && a[3] == b[3]);
}

/* The drops a slot held go to the entry that blocked its source, if it is still there. */
static __always_inline void slot_pay(struct drop_cache_slot *ds)
{
	struct host_v6_key host __attribute__((aligned(4))) = {};
	struct net_v6_key net = {};
	struct block_entry *b;
	int v4 = ds->family == 4;

	if (!ds->held || !ds->family)
		return;
	__builtin_memcpy(host.addr, ds->addr, sizeof(host.addr));
	__builtin_memcpy(net.addr, ds->addr, sizeof(net.addr));
	net.prefixlen = ds->prefixlen;
	if (ds->prefixlen == (v4 ? 32 : 128)) {
		b = LOOKUP_BY_FAMILY(v4, block_host4, block_host6, &host);
	} else {
		b = LOOKUP_BY_FAMILY(v4, block_net4, block_net6, &net);
		if (b && b->prefixlen != ds->prefixlen)
			b = NULL;
	}
	if (b && b->created_ns == ds->created_ns)
		__sync_fetch_and_add(&b->hits, ds->held);
	ds->held = 0;
}

/* This source, blocked by b, takes the slot (again, at a recheck, or from another source). */
static __always_inline void slot_fill(struct drop_cache_slot *ds, struct block_entry *b,
				      const struct host_v6_key *host, int v4, __u32 gen)
{
	if (ds->held && ds->prefixlen == b->prefixlen && ds->created_ns == b->created_ns &&
	    slot_is(ds, host, v4)) {
		__sync_fetch_and_add(&b->hits, ds->held);
		ds->held = 0;
	} else {
		slot_pay(ds);
	}
	__builtin_memcpy(ds->addr, host->addr, sizeof(ds->addr));
	ds->expires_ns = b->expires_ns;
	ds->created_ns = b->created_ns;
	ds->gen = gen;
	ds->family = v4 ? 4 : 6;
	ds->prefixlen = (__u8)b->prefixlen;
}

static __always_inline int gate_decide(const struct pkt_info *pkt, const struct gate_config *cfg,
				       struct gate_stats *st)
{
	struct host_v6_key host __attribute__((aligned(4))) = {}; /* fill_keys stores words */
	struct net_v6_key net = {};
	struct allow_entry *allow = NULL;
	struct drop_cache_slot *ds;
	struct throttle_entry *t;
	struct block_entry *b;
	__u32 zero = 0, *genp, gen = 0;
	__u64 now = 0;
	int expired = 0;
	int v4 = pkt->family == 4;

	fill_keys(pkt->saddr, pkt->family, &host, &net);

	if (v4 ? cfg->allow_v4_entries : cfg->allow_v6_entries)
		allow = lookup_live_allow(v4, &net, &now);
	if (allow) {
		__sync_fetch_and_add(&allow->hits, 1);
		st->allowed++;
		return XDP_PASS;
	}

	/*
	 * The generation is read once, before the maps: a slot filled from an
	 * entry user space deletes meanwhile carries the generation before its
	 * bump, so it holds for no later packet. (On arm64 the CPU may still
	 * load the map before the generation; such a slot then holds until its
	 * recheck, GH_DROP_CACHE_RECHECK packets at most.) No slot (a cache of
	 * fewer slots, as the benchmark loads one): the maps decide.
	 */
	ds = drop_slot(&host, v4);
	genp = bpf_map_lookup_elem(&drop_cache_gen, &zero);
	if (genp)
		gen = *(volatile __u32 *)genp;
	if (ds && genp && ds->gen == gen && slot_is(ds, &host, v4) &&
	    ds->held < GH_DROP_CACHE_RECHECK - 1 && entry_live(ds->expires_ns, &now)) {
		ds->held++;
		goto count_drop;
	}

	b = LOOKUP_BY_FAMILY(v4, block_host4, block_host6, &host);
	if (b && entry_live(b->expires_ns, &now))
		goto fill;
	if (b)
		expired = 1;

	b = NULL;
	if (v4 && cfg->block_net4_entries) {
		b = lookup_live_net(&block_net4, &net, &now, &expired);
		barrier_var(b);
	} else if (!v4 && cfg->block_net6_entries) {
		b = lookup_live_net(&block_net6, &net, &now, &expired);
		barrier_var(b);
	}
	if (b)
		goto fill;
	if (expired)
		st->expired_hits++;
	if (!(cfg->flags & (v4 ? GH_GATE_F_THROTTLE4 : GH_GATE_F_THROTTLE6)) ||
	    !(pkt->syn || (cfg->flags & GH_GATE_F_THROTTLE_PACKETS)))
		return XDP_PASS;
	t = throttle_find(v4, cfg->flags, &host, &net, &now);
	if (!t || throttle_pass(t, pkt, &now))
		return XDP_PASS;
	st->throttled++;
	goto count_drop;

fill:
	if (ds && genp)
		slot_fill(ds, b, &host, v4, gen);
	__sync_fetch_and_add(&b->hits, 1);
count_drop:
	if (v4)
		st->dropped_v4++;
	else
		st->dropped_v6++;
	return XDP_DROP;
}

SEC("xdp")
int xdp_gate(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct pkt_info pkt = {};
	struct gate_config *cfg;
	struct gate_stats *st;
	__u32 zero = 0;
	int verdict = XDP_PASS;
	int ret;

	st = bpf_map_lookup_elem(&gate_stats, &zero);
	cfg = bpf_map_lookup_elem(&gate_config, &zero);
	if (!st || !cfg)
		return XDP_PASS;
	st->seen++;

	ret = parse_frame(data, data_end, &pkt);
	if (ret == PARSE_NON_IP) {
		st->non_ip++;
		goto out;
	}
	if (ret != PARSE_OK) {
		st->parse_errors++;
		goto out;
	}
	if (pkt.vlan_tags)
		st->vlan++;
	if (pkt.fragment)
		st->fragments++;
	if (pkt.syn)
		st->syns++;
	if (pkt.family == 4)
		st->ipv4++;
	else
		st->ipv6++;

	verdict = gate_decide(&pkt, cfg, st);
	if (verdict == XDP_PASS && (cfg->flags & GH_GATE_F_COUNT_SOURCES))
		count_source(pkt.saddr, pkt.family == 4, pkt.syn, cfg->src_seed);
out:
	if (verdict == XDP_DROP)
		st->dropped++;
	else
		st->passed++;
	return verdict;
}
