// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <string.h>
#include <bpf/bpf.h>

#include "base/clock.h"
#include "kernel/gate_maps_internal.h"
#include "kernel/throttle_maps.h"

#define NS 1000000000ULL

static bool rate_valid(uint32_t per_s, uint32_t burst)
{
	if (!per_s)
		return !burst;
	return per_s <= GH_THROTTLE_MAX_RATE && burst >= 1 && burst <= GH_THROTTLE_MAX_BURST;
}

bool throttle_limits_valid(const struct throttle_limits *l)
{
	return (l->conns_per_s || l->packets_per_s) && rate_valid(l->conns_per_s, l->conn_burst) &&
	       rate_valid(l->packets_per_s, l->packet_burst);
}

/* Limits into a bucket; one refreshed to a smaller depth loses what it held beyond it. */
static void bucket_set(struct throttle_bucket *b, uint32_t per_s, uint32_t burst, uint64_t now)
{
	b->per_s = per_s;
	b->burst = burst;
	b->interval_ns = per_s ? NS / per_s : 0;
	b->burst_ns = b->burst * b->interval_ns;
	if (b->tat_ns > now + b->burst_ns)
		b->tat_ns = now + b->burst_ns;
}

uint64_t throttle_tokens(const struct throttle_bucket *b, uint64_t now_ns)
{
	uint64_t debt = b->tat_ns > now_ns ? b->tat_ns - now_ns : 0;

	if (!b->interval_ns || debt >= b->burst_ns)
		return 0;
	return (b->burst_ns - debt) / b->interval_ns;
}

/* The gate_config flag of the throttle map c lives in. */
static uint32_t map_flag(const struct gh_cidr *c, bool trie)
{
	if (c->addr.family == AF_INET)
		return trie ? GH_GATE_F_THROTTLE_NET4 : GH_GATE_F_THROTTLE_HOST4;
	return trie ? GH_GATE_F_THROTTLE_NET6 : GH_GATE_F_THROTTLE_HOST6;
}

int gate_throttle_get(struct gate_maps *m, const struct gh_cidr *c, struct throttle_entry *out)
{
	struct map_slot s;

	gate_slot_for(m, c, GATE_THROTTLES, &s);
	return bpf_map_lookup_elem(s.fd, s.key, out) ? -errno : 0;
}

int gate_throttle_add(struct gate_maps *m, const struct throttle_spec *spec)
{
	const struct block_spec *b = &spec->base;
	const struct throttle_limits *l = &spec->limits;
	uint64_t now = gh_boottime_ns();
	struct throttle_entry v;
	struct map_slot s;

	if (!throttle_limits_valid(l))
		return -EINVAL;
	gate_slot_for(m, &b->cidr, GATE_THROTTLES, &s);
	/* The program keeps spending the old entry's tokens meanwhile: a refresh
	 * may lose the counts and tokens of the packets in between. */
	if (bpf_map_lookup_elem(s.fd, s.key, &v)) {
		memset(&v, 0, sizeof(v));
		v.entry.created_ns = now;
	}
	v.entry.expires_ns = b->ttl_s ? now + b->ttl_s * NS : 0;
	v.entry.reason = b->reason;
	v.entry.prefixlen = b->cidr.prefixlen;
	v.entry.flags = b->flags;
	bucket_set(&v.conns, l->conns_per_s, l->conn_burst, now);
	bucket_set(&v.packets, l->packets_per_s, l->packet_burst, now);
	if (bpf_map_update_elem(s.fd, s.key, &v, BPF_ANY))
		/* An LPM trie reports a full map as -ENOSPC, a hash as -E2BIG. */
		return errno == ENOSPC ? -E2BIG : -errno;
	return gate_update_flags(m, map_flag(&b->cidr, s.trie) |
					    (l->packets_per_s ? GH_GATE_F_THROTTLE_PACKETS : 0),
				 0);
}

int gate_throttle_del(struct gate_maps *m, const struct gh_cidr *c)
{
	return gate_list_del(m, GATE_THROTTLES, c);
}

struct throttle_visit {
	throttle_visit_fn fn;
	void *ctx;
};

static int visit_throttle(const struct gh_cidr *c, const void *value, void *ctx)
{
	struct throttle_visit *t = ctx;
	struct throttle_view v = { .cidr = *c };

	memcpy(&v.entry, value, sizeof(v.entry));
	return t->fn(&v, t->ctx);
}

int gate_throttle_foreach(struct gate_maps *m, throttle_visit_fn fn, void *ctx)
{
	struct throttle_visit t = { fn, ctx };

	return gate_list_foreach(m, GATE_THROTTLES, visit_throttle, &t);
}

int gate_throttle_make_room(struct gate_maps *m, const struct throttle_spec *spec, uint64_t now_ns,
			    struct block_room *out)
{
	return gate_list_make_room(m, GATE_THROTTLES, &spec->base, now_ns, NULL, out);
}
