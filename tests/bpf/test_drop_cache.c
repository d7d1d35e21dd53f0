// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The XDP gate's drop cache (gatehawk/gate.h) with BPF_PROG_RUN, pinned to
 * one CPU so every frame meets the same per-CPU slots: a block deleted or
 * shortened through gate_maps.c stops at the next frame; one deleted
 * behind its back (as bpftool would) stops within GH_DROP_CACHE_RECHECK
 * frames; the drops a slot holds reach the entry's hits at a recheck and
 * when another source takes the slot, and a listing counts the rest, so
 * hits stay exact; a block deleted and added again does not inherit them.
 */
#include <sched.h>

#include "gate_harness.h"
#include "kernel/block_hits.h"
#include "kernel/drop_cache.h"

static int src_frame(struct frame *f, const char *src)
{
	return frame_build(f, &(struct frame_spec){ .src = src, .tcp_flags = FRAME_TCP_ACK });
}

static int block(const char *cidr, uint64_t ttl_s)
{
	struct block_spec s = { .ttl_s = ttl_s };

	return gh_cidr_parse(cidr, &s.cidr) ?: gate_block_add(&maps, &s, 1);
}

/* The entry's own hits (what the program added), without the drops the cache holds. */
static uint64_t entry_hits(const char *cidr)
{
	struct block_entry e;
	struct gh_cidr c;

	if (gh_cidr_parse(cidr, &c) || gate_block_get(&maps, &c, &e))
		return UINT64_MAX;
	return e.hits;
}

static int count_listed(const struct block_view *v, void *ctx)
{
	const struct gh_cidr *want = ((const struct gh_cidr **)ctx)[0];
	uint64_t *hits = ((uint64_t **)ctx)[1];

	if (v->cidr.prefixlen == want->prefixlen && gh_addr_equal(&v->cidr.addr, &want->addr))
		*hits = v->entry.hits;
	return 0;
}

/* Hits as `block list` shows them: the entry's and the held drops. */
static uint64_t listed_hits(const char *cidr)
{
	struct gh_cidr c;
	uint64_t hits = UINT64_MAX;
	void *ctx[2] = { &c, &hits };

	if (gh_cidr_parse(cidr, &c) || gate_block_list(&maps, count_listed, ctx))
		return UINT64_MAX;
	return hits;
}

/* Frames from src, one run each, until one passes: how many were dropped (n: none passed). */
static int drops_until_pass(const char *src, int n)
{
	struct frame f;
	int i;

	if (src_frame(&f, src))
		return -1;
	for (i = 0; i < n; i++)
		if (run(&f, f.len, 1) != XDP_DROP)
			break;
	return i;
}

static int del(const char *cidr)
{
	struct gh_cidr c;

	return gh_cidr_parse(cidr, &c) ?: gate_block_del(&maps, &c);
}

/* The slot index the program computes for an IPv4 source (xdp_gate.bpf.c drop_slot). */
static uint32_t slot_of_v4(const char *addr)
{
	struct gh_addr a;
	uint32_t w;

	gh_addr_parse(addr, &a);
	memcpy(&w, a.bytes, 4);
	return (w * 0x9e3779b1U) >> (32 - GH_DROP_CACHE_BITS);
}

static void test_cached_drops_stop_when_deleted(void)
{
	ok(!block("192.0.2.10", 0), "delete: 192.0.2.10 blocked");
	ok_eq(drops_until_pass("192.0.2.10", 10), 10, "delete: its frames dropped (the slot filled)");
	ok(!del("192.0.2.10"), "delete: gatehawk deletes it");
	ok_eq(drops_until_pass("192.0.2.10", 10), 0, "delete: the very next frame passes");
}

static void test_shortened_block_expires(void)
{
	const struct timespec past_ttl = { 1, 200 * 1000 * 1000 };

	ok(!block("192.0.2.11", 0) && drops_until_pass("192.0.2.11", 5) == 5,
	   "shorten: a block that never ends drops, cached");
	ok(!block("192.0.2.11", 1), "shorten: refreshed with a 1 s ttl");
	nanosleep(&past_ttl, NULL);
	ok_eq(drops_until_pass("192.0.2.11", 10), 0,
	      "shorten: after 1.2 s it passes (the slot did not keep the old expiry)");
	del("192.0.2.11");
}

static void test_deleted_behind_its_back(void)
{
	struct gh_cidr c;
	int dropped;

	ok(!block("192.0.2.12", 0) && drops_until_pass("192.0.2.12", 3) == 3,
	   "raw delete: blocked and cached");
	gh_cidr_parse("192.0.2.12", &c);
	/* What `bpftool map delete` does: no drop_cache_gen bump. */
	ok(!bpf_map_delete_elem(maps.block_host4, c.addr.bytes), "raw delete: deleted in the map alone");
	dropped = drops_until_pass("192.0.2.12", 2 * GH_DROP_CACHE_RECHECK);
	ok(dropped < GH_DROP_CACHE_RECHECK, "raw delete: passes within %d frames (%d dropped)",
	   GH_DROP_CACHE_RECHECK, dropped);
}

static void test_hits_exact(void)
{
	const int n = 5 * GH_DROP_CACHE_RECHECK + 7;
	struct gate_stats before, after, d;

	ok(!block("198.51.100.0/24", 0) && !block("192.0.2.13", 0), "hits: a /24 and a /32 blocked");
	before = read_stats();
	ok_eq(drops_until_pass("198.51.100.9", n), n, "hits: %d frames from inside the /24 dropped", n);
	ok_eq(drops_until_pass("192.0.2.13", n), n, "hits: %d frames from the /32 dropped", n);
	after = read_stats();
	d = stats_diff(&before, &after);
	ok(d.dropped == 2ULL * n && d.dropped_v4 == d.dropped && d.seen == d.dropped,
	   "hits: gate_stats counted every drop, cached or not");
	ok_eq(listed_hits("198.51.100.0/24"), n, "hits: the /24 lists exactly %d", n);
	ok_eq(listed_hits("192.0.2.13"), n, "hits: the /32 lists exactly %d", n);
	ok(entry_hits("192.0.2.13") >= (uint64_t)(n - GH_DROP_CACHE_RECHECK) &&
		   entry_hits("198.51.100.0/24") >= (uint64_t)(n - GH_DROP_CACHE_RECHECK),
	   "hits: the rechecks added all but fewer than %d to the entries themselves",
	   GH_DROP_CACHE_RECHECK);
	del("198.51.100.0/24");
	del("192.0.2.13");
}

/* A block that ends and comes back is a new entry: it does not inherit the old one's drops. */
static void test_readded_block_starts_at_zero(void)
{
	ok(!block("192.0.2.14", 0) && drops_until_pass("192.0.2.14", 10) == 10,
	   "re-add: 10 frames dropped, 9 held");
	ok(!del("192.0.2.14") && !block("192.0.2.14", 0), "re-add: deleted and blocked again");
	ok_eq(listed_hits("192.0.2.14"), 0, "re-add: the new entry lists no hits");
	ok_eq(drops_until_pass("192.0.2.14", 1), 1, "re-add: one frame dropped");
	ok_eq(listed_hits("192.0.2.14"), 1, "re-add: and it lists that one, not the old entry's");
	ok_eq(entry_hits("192.0.2.14"), 1, "re-add: nor were they paid into it");
	del("192.0.2.14");
}

static void test_evicted_slot_pays(void)
{
	char a[32] = "10.1.0.1", b[32] = "";
	uint32_t want = slot_of_v4(a);

	/* Another blocked source of the same slot. */
	for (int i = 2; i < 65536 && !b[0]; i++) {
		char cand[32];

		snprintf(cand, sizeof(cand), "10.1.%d.%d", i / 256, i % 256);
		if (slot_of_v4(cand) == want)
			snprintf(b, sizeof(b), "%s", cand);
	}
	if (!ok(b[0] != 0, "evict: %s and %s share a slot", a, b))
		return;
	ok(!block(a, 0) && !block(b, 0), "evict: both blocked");
	ok_eq(drops_until_pass(a, 10), 10, "evict: 10 frames from %s, 9 of them held", a);
	ok_eq(drops_until_pass(b, 1), 1, "evict: one from %s takes the slot", b);
	ok_eq(entry_hits(a), 10, "evict: %s's entry got its held drops when the slot went", a);
	ok_eq(listed_hits(b), 1, "evict: %s lists its one", b);
	del(a);
	del(b);
}

int main(void)
{
	cpu_set_t one;
	int err = setup();

	if (!ok(!err, "gate loaded over maps pinned in %s", pin_dir)) {
		tap_diag("setup: %s", strerror(-err));
		return tap_done();
	}
	CPU_ZERO(&one);
	CPU_SET(sched_getcpu() < 0 ? 0 : sched_getcpu(), &one);
	ok(!sched_setaffinity(0, sizeof(one), &one), "pinned to one CPU: one set of slots");
	test_cached_drops_stop_when_deleted();
	test_shortened_block_expires();
	test_deleted_behind_its_back();
	test_hits_exact();
	test_readded_block_starts_at_zero();
	test_evicted_slot_pays();

	xdp_gate_bpf__destroy(skel);
	gate_maps_close(&maps);
	remove_pins();
	return tap_done();
}
