// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * BPF_PROG_RUN tests of the gate's throttles (set up as gate_harness.h
 * says): a throttled source passes exactly burst + rate x t new connections
 * over simulated time, its established connections pass, other sources are
 * untouched; packet limits, prefixes, expiry, refreshes, allows and blocks
 * first; and 2M spoofed sources evict no throttle, block or allow.
 *
 * Time is simulated by moving a bucket's tat_ns back (all the program
 * compares with the clock): to the bucket that is the same as the time
 * passing. Real time passes too, a few microseconds a batch, unless the
 * machine is busy: each step rounds it away (advance()), and frames run one
 * BPF_PROG_RUN each, as a repeated run may yield the CPU (10 ms and more on
 * a loaded machine) between runs.
 */
#include "gate_harness.h"
#include "base/clock.h"
#include "kernel/gate_maps_internal.h"
#include "kernel/src_counters.h"
#include "kernel/throttle_maps.h"

#define NS 1000000000ULL
#define MS 1000000ULL
#define SPOOFED 2000000U

static int throttle(const char *cidr, uint32_t conns, uint32_t conn_burst, uint32_t packets,
		    uint32_t packet_burst)
{
	struct throttle_spec s = { .limits = { conns, conn_burst, packets, packet_burst } };

	return gh_cidr_parse(cidr, &s.base.cidr) ?: gate_throttle_add(&maps, &s);
}

/* The entry as the program sees it; hits UINT64_MAX when there is none. */
static struct throttle_entry entry_of(const char *cidr)
{
	struct throttle_entry e = { .entry.hits = UINT64_MAX };
	struct gh_cidr c;

	if (gh_cidr_parse(cidr, &c) || gate_throttle_get(&maps, &c, &e))
		e.entry.hits = UINT64_MAX;
	return e;
}

/* Write an entry's value as it is, program state included. */
static int put_entry(const char *cidr, const struct throttle_entry *e)
{
	struct map_slot s;
	struct gh_cidr c;

	if (gh_cidr_parse(cidr, &c))
		return -EINVAL;
	gate_slot_for(&maps, &c, GATE_THROTTLES, &s);
	return bpf_map_update_elem(s.fd, s.key, e, BPF_EXIST) ? -errno : 0;
}

/*
 * As if d_ns passed for a bucket since its last packet, and nothing else:
 * its debt (tat - now), rounded to a multiple of d_ns to drop the real time
 * that went by meanwhile, shrinks by d_ns.
 */
static void bucket_advance(struct throttle_bucket *b, uint64_t now, uint64_t d_ns)
{
	uint64_t debt = b->tat_ns > now ? b->tat_ns - now : 0;

	debt = (debt + d_ns / 2) / d_ns * d_ns;
	b->tat_ns = now + debt - (debt < d_ns ? debt : d_ns);
}

static int advance(const char *cidr, uint64_t d_ns)
{
	struct throttle_entry e = entry_of(cidr);
	uint64_t now = gh_boottime_ns();

	bucket_advance(&e.conns, now, d_ns);
	bucket_advance(&e.packets, now, d_ns);
	return put_entry(cidr, &e);
}

static int expire(const char *cidr)
{
	struct throttle_entry e = entry_of(cidr);

	e.entry.expires_ns = gh_boottime_ns() - 1;
	return put_entry(cidr, &e);
}

static int tcp_frame(struct frame *f, const char *src, uint8_t flags)
{
	return frame_build(f, &(struct frame_spec){ .src = src, .tcp_flags = flags });
}

/*
 * Run f n times, one run each; how many passed, or -1 when the counters say
 * anything but "each one passed or was dropped by a throttle".
 */
static int batch(const struct frame *f, int n)
{
	struct gate_stats before = read_stats(), d;
	int err = 0;

	for (int i = 0; i < n && err >= 0; i++)
		err = run(f, f->len, 1);
	d = read_stats();
	d = stats_diff(&before, &d);
	if (err < 0 || d.seen != (uint64_t)n || d.dropped != d.throttled ||
	    d.passed + d.throttled != (uint64_t)n || d.allowed || d.expired_hits)
		return -1;
	return (int)d.passed;
}

static int clear_throttles(void)
{
	static const char *const all[] = {
		"192.0.2.50", "192.0.2.51", "192.0.2.60", "192.0.2.61", "192.0.2.62",
		"198.51.100.0/24", "2001:db8:7::/64", "2001:db8::50", "10.9.0.7", "10.9.0.0/16",
		"192.0.2.70", "192.0.2.71", "192.0.2.72", "2001:db8:70::1", "2001:db8:71::/64",
		"203.0.113.0/24",
	};
	struct gh_cidr c;
	int err = 0;

	for (size_t i = 0; i < ARRAY_SIZE(all) && !err; i++) {
		err = gh_cidr_parse(all[i], &c);
		if (!err && gate_throttle_del(&maps, &c) && errno != ENOENT)
			err = -errno;
		if (!err && gate_block_del(&maps, &c) && errno != ENOENT)
			err = -errno;
		if (!err && gate_allow_del(&maps, &c) && errno != ENOENT)
			err = -errno;
	}
	return err;
}

static uint32_t config_flags(void)
{
	struct gate_config cfg = { .flags = UINT32_MAX };
	__u32 zero = 0;

	bpf_map_lookup_elem(maps.config, &zero, &cfg);
	return cfg.flags & (GH_GATE_F_THROTTLE4 | GH_GATE_F_THROTTLE6 | GH_GATE_F_THROTTLE_PACKETS);
}

/* The program looks only in throttle maps with entries, at SYNs only unless packets are limited. */
static void test_flags(void)
{
	struct gh_cidr c;

	ok_eq(config_flags(), 0, "flags: no throttle, no throttle bit in gate_config");
	ok_eq(throttle("192.0.2.50", 10, 5, 0, 0) ?: (int)config_flags(), GH_GATE_F_THROTTLE_HOST4,
	      "flags: an IPv4 address limited in connections sets the IPv4 host bit only");
	ok_eq(throttle("2001:db8:7::/64", 10, 5, 100, 100) ?: (int)config_flags(),
	      GH_GATE_F_THROTTLE_HOST4 | GH_GATE_F_THROTTLE_NET6 | GH_GATE_F_THROTTLE_PACKETS,
	      "flags: an IPv6 /64 limited in packets adds the IPv6 prefix bit and the packet bit");
	gh_cidr_parse("2001:db8:7::/64", &c);
	ok_eq(gate_throttle_del(&maps, &c) ?: (int)config_flags(), GH_GATE_F_THROTTLE_HOST4,
	      "flags: deleting it clears both: no throttle left limits packets");
	gh_cidr_parse("192.0.2.50", &c);
	ok_eq(gate_throttle_del(&maps, &c) ?: (int)config_flags(), 0,
	      "flags: deleting the last throttle clears every bit");
}

/* Rate 10/s, burst 5: exactly burst + 10 x t SYNs over t simulated seconds. */
static void test_syn_rate(void)
{
	struct throttle_entry before, after;
	int passed = 0, sent = 0, err;
	struct frame syn, ack, other;

	err = clear_throttles() ?: throttle("192.0.2.50", 10, 5, 0, 0);
	err = err ?: tcp_frame(&syn, "192.0.2.50", FRAME_TCP_SYN) ?:
		      tcp_frame(&ack, "192.0.2.50", FRAME_TCP_ACK) ?:
		      tcp_frame(&other, "192.0.2.51", FRAME_TCP_SYN);
	if (!ok(!err, "syn rate: 192.0.2.50 throttled to 10 conns/s, burst 5"))
		return;
	ok_eq(batch(&syn, 100), 5, "syn rate: of 100 SYNs at once, the burst (5) passes");
	passed = 5, sent = 100;
	for (int sec = 1; sec <= 3; sec++) {
		/* 20 steps of 50 ms, 10 SYNs each: a token every other step. */
		for (int step = 0; step < 20; step++) {
			int p = advance("192.0.2.50", 50 * MS) ? -1 : batch(&syn, 10);

			passed += p < 0 ? 1000 : p;
			sent += 10;
		}
		ok_eq(passed, 5 + 10 * sec, "syn rate: after %d simulated s, burst + 10 x %d passed",
		      sec, sec);
	}
	after = entry_of("192.0.2.50");
	ok(after.conns.passed == (uint64_t)passed && after.conns.dropped == (uint64_t)(sent - passed),
	   "syn rate: the bucket counted %d passed and %d dropped", passed, sent - passed);
	ok_eq(after.entry.hits, (uint64_t)(sent - passed), "syn rate: hits = SYNs dropped");

	ok_eq(advance("192.0.2.50", 10 * NS) ?: batch(&syn, 100), 5,
	      "syn rate: after 10 idle seconds a flood gets the burst again, not 100 tokens");

	before = entry_of("192.0.2.50");
	ok_eq(batch(&ack, 100), 100, "syn rate: 100 segments of established connections pass");
	after = entry_of("192.0.2.50");
	ok(!memcmp(&before, &after, sizeof(before)), "syn rate: and take no token");
	ok_eq(batch(&other, 100), 100, "syn rate: 100 SYNs from an unthrottled neighbour pass");
}

static void test_packet_rate(void)
{
	struct frame syn, ack, syn2, ack2;
	struct throttle_entry e;
	int err = clear_throttles() ?: throttle("192.0.2.60", 0, 0, 100, 10) ?:
		  throttle("192.0.2.61", 10, 2, 1000, 1000);

	err = err ?: tcp_frame(&ack, "192.0.2.60", FRAME_TCP_ACK) ?:
		      tcp_frame(&syn, "192.0.2.60", FRAME_TCP_SYN) ?:
		      tcp_frame(&syn2, "192.0.2.61", FRAME_TCP_SYN) ?:
		      tcp_frame(&ack2, "192.0.2.61", FRAME_TCP_ACK);
	if (!ok(!err, "packets: 192.0.2.60 at 100 packets/s burst 10; .61 at 10 conns/s "
		      "burst 2 and 1000 packets/s"))
		return;
	ok_eq(batch(&ack, 50), 10, "packets: of 50 segments at once, the burst (10) passes");
	ok_eq(advance("192.0.2.60", 100 * MS) ?: batch(&ack, 50), 10,
	      "packets: 100 ms later, 10 more");
	ok_eq(advance("192.0.2.60", 20 * MS) ?: batch(&syn, 5), 2,
	      "packets: SYNs count as packets: 2 of 5 after 20 ms");

	ok_eq(batch(&syn2, 10), 2, "both: 2 of 10 SYNs (the connection burst)");
	e = entry_of("192.0.2.61");
	ok(e.packets.passed == 2 && e.conns.dropped == 8,
	   "both: a SYN refused a connection token takes no packet token");
	ok_eq(batch(&ack2, 100), 100, "both: 100 segments within the packet burst pass");
}

static void test_prefixes(void)
{
	struct frame f;
	int err = clear_throttles() ?: throttle("198.51.100.0/24", 10, 3, 0, 0) ?:
		  throttle("2001:db8:7::/64", 10, 2, 0, 0) ?: throttle("2001:db8::50", 10, 1, 0, 0);

	if (!ok(!err, "prefixes: a /24, a /64 and a /128 throttled"))
		return;
	ok_eq(tcp_frame(&f, "198.51.100.1", FRAME_TCP_SYN) ?: batch(&f, 10), 3,
	      "prefixes: 3 of 10 SYNs from 198.51.100.1 (the /24's burst)");
	ok_eq(tcp_frame(&f, "198.51.100.254", FRAME_TCP_SYN) ?: batch(&f, 10), 0,
	      "prefixes: none from 198.51.100.254: one bucket for the whole /24");
	ok_eq(tcp_frame(&f, "198.51.101.1", FRAME_TCP_SYN) ?: batch(&f, 10), 10,
	      "prefixes: 198.51.101.1, outside it, is not throttled");
	ok_eq(tcp_frame(&f, "2001:db8:7::ffff", FRAME_TCP_SYN) ?: batch(&f, 5), 2,
	      "prefixes: 2 of 5 SYNs from inside the /64");
	ok_eq(tcp_frame(&f, "2001:db8:8::1", FRAME_TCP_SYN) ?: batch(&f, 5), 5,
	      "prefixes: the next /64 is not throttled");
	ok_eq(tcp_frame(&f, "2001:db8::50", FRAME_TCP_SYN) ?: batch(&f, 5), 1,
	      "prefixes: 1 of 5 SYNs from the /128");
}

/* The program expires entries itself; an expired address falls back to its live prefix. */
static void test_expiry(void)
{
	struct frame f;
	int err = clear_throttles() ?: throttle("10.9.0.7", 1, 1, 0, 0) ?:
		  throttle("10.9.0.0/16", 10, 2, 0, 0);

	err = err ?: tcp_frame(&f, "10.9.0.7", FRAME_TCP_SYN);
	if (!ok(!err, "expiry: 10.9.0.7 burst 1 inside 10.9.0.0/16 burst 2"))
		return;
	ok_eq(batch(&f, 5), 1, "expiry: the address's own throttle applies while live");
	ok_eq(expire("10.9.0.7") ?: batch(&f, 5), 2,
	      "expiry: once it expired, the /16's applies (not a free pass)");
	ok_eq(expire("10.9.0.0/16") ?: batch(&f, 5), 5, "expiry: both expired, every SYN passes");
	ok(entry_of("10.9.0.7").entry.hits == 4 && entry_of("10.9.0.0/16").entry.hits == 3,
	   "expiry: still in the maps (the program expired them, not a cleaner)");
}

/* A refresh keeps what the program spent; a smaller burst takes effect at once. */
static void test_refresh(void)
{
	struct frame f;
	int err = clear_throttles() ?: throttle("192.0.2.62", 10, 5, 0, 0) ?:
		  tcp_frame(&f, "192.0.2.62", FRAME_TCP_SYN);

	if (!ok(!err, "refresh: 192.0.2.62 at 10 conns/s, burst 5"))
		return;
	ok_eq(batch(&f, 20), 5, "refresh: the burst passes");
	ok_eq(throttle("192.0.2.62", 10, 5, 0, 0) ?: batch(&f, 20), 0,
	      "refresh: adding it again does not refill the bucket");
	ok_eq(entry_of("192.0.2.62").conns.passed, 5, "refresh: and keeps its counters");
	ok_eq(advance("192.0.2.62", 10 * NS) ?: throttle("192.0.2.62", 10, 2, 0, 0) ?:
		      batch(&f, 20),
	      2, "refresh: a full bucket refreshed to burst 2 passes 2");
}

static void test_precedence(void)
{
	struct gate_stats before, d;
	struct block_spec b = { 0 };
	struct gh_cidr allow;
	struct frame f;
	int err = clear_throttles() ?: throttle("192.0.2.71", 10, 5, 0, 0) ?:
		  throttle("192.0.2.72", 10, 5, 0, 0) ?: gh_cidr_parse("192.0.2.71", &b.cidr) ?:
		  gate_block_add(&maps, &b, 1) ?: gh_cidr_parse("192.0.2.72", &allow) ?:
		  gate_allow_add(&maps, &allow);

	if (!ok(!err, "precedence: 192.0.2.71 blocked and throttled, .72 allowed and throttled"))
		return;
	before = read_stats();
	err = tcp_frame(&f, "192.0.2.71", FRAME_TCP_SYN) ?: run(&f, f.len, 3);
	d = read_stats();
	d = stats_diff(&before, &d);
	ok(err == XDP_DROP && d.dropped == 3 && d.dropped_v4 == 3 && !d.throttled,
	   "precedence: the block drops, counted as a block's drop");
	ok(!entry_of("192.0.2.71").entry.hits && !entry_of("192.0.2.71").conns.passed,
	   "precedence: the throttle behind the block is untouched");
	before = read_stats();
	err = tcp_frame(&f, "192.0.2.72", FRAME_TCP_SYN) ?: run(&f, f.len, 20);
	d = read_stats();
	d = stats_diff(&before, &d);
	ok(err == XDP_PASS && d.allowed == 20 && d.passed == 20 && !entry_of("192.0.2.72").conns.passed,
	   "precedence: the allow entry passes all 20 SYNs; its throttle is untouched");
	ok(!gate_block_del(&maps, &b.cidr) && !gate_allow_del(&maps, &allow),
	   "precedence: block and allow removed");
}

/* ---- 2M spoofed sources ---- */

struct entry_set {
	uint8_t bytes[64][sizeof(struct throttle_view)];
	size_t n;
};

static int collect_throttle(const struct throttle_view *v, void *ctx)
{
	struct entry_set *s = ctx;

	if (s->n == ARRAY_SIZE(s->bytes))
		return -E2BIG;
	memset(s->bytes[s->n], 0, sizeof(s->bytes[0]));
	memcpy(s->bytes[s->n], &v->cidr, sizeof(v->cidr));
	memcpy(s->bytes[s->n] + sizeof(v->cidr), &v->entry, sizeof(v->entry));
	s->n++;
	return 0;
}

static int collect_block(const struct block_view *v, void *ctx)
{
	struct entry_set *s = ctx;

	if (s->n == ARRAY_SIZE(s->bytes))
		return -E2BIG;
	memset(s->bytes[s->n], 0, sizeof(s->bytes[0]));
	memcpy(s->bytes[s->n], v, sizeof(*v));
	s->n++;
	return 0;
}

static int collect_allow(const struct allow_view *v, void *ctx)
{
	struct entry_set *s = ctx;

	if (s->n == ARRAY_SIZE(s->bytes))
		return -E2BIG;
	memset(s->bytes[s->n], 0, sizeof(s->bytes[0]));
	memcpy(s->bytes[s->n], v, sizeof(*v));
	s->n++;
	return 0;
}

/* Every throttle, block and allow with its value, counters included. */
static int snapshot(struct entry_set *s)
{
	s->n = 0;
	return gate_throttle_foreach(&maps, collect_throttle, s) ?:
	       gate_block_foreach(&maps, collect_block, s) ?:
	       gate_allow_foreach(&maps, collect_allow, s);
}

/*
 * SPOOFED SYNs, each from another address of 10.128.0.0/9, where no other
 * test sends from; the number that did not pass.
 */
static uint32_t flood(void)
{
	struct frame f;
	uint32_t not_passed = 0;
	uint8_t *saddr;

	if (tcp_frame(&f, "10.128.0.0", FRAME_TCP_SYN))
		return SPOOFED;
	saddr = f.data + f.l3_end - 8; /* the IPv4 header's source address */
	for (uint32_t i = 1; i <= SPOOFED; i++) {
		uint32_t a = htonl(0x0a800000U + i);

		memcpy(saddr, &a, sizeof(a));
		not_passed += run(&f, f.len, 1) != XDP_PASS;
	}
	return not_passed;
}

static void test_spoofed_flood(void)
{
	static struct entry_set before, after;
	static const char *const throttled[] = { "192.0.2.70", "198.51.100.0/24", "2001:db8:70::1",
						 "2001:db8:71::/64" };
	struct src_slot_meta meta_before, meta_after;
	uint64_t taken;
	struct block_spec b[2] = { 0 };
	struct gh_cidr allow;
	struct frame f;
	int err = clear_throttles();

	for (size_t i = 0; i < ARRAY_SIZE(throttled) && !err; i++)
		err = throttle(throttled[i], 10, 1, 0, 0);
	err = err ?: gh_cidr_parse("192.0.2.71", &b[0].cidr) ?:
		      gh_cidr_parse("203.0.113.0/24", &b[1].cidr) ?: gate_block_add(&maps, b, 2) ?:
		      gh_cidr_parse("192.0.2.72", &allow) ?: gate_allow_add(&maps, &allow) ?:
		      snapshot(&before) ?: source_slots_meta(pin_dir, &meta_before);
	if (!ok(!err, "flood: 4 throttles, 2 blocks and 1 allow in place"))
		return;
	ok_eq(flood(), 0, "flood: %u SYNs from %u distinct spoofed addresses all pass", SPOOFED,
	      SPOOFED);
	err = snapshot(&after) ?: source_slots_meta(pin_dir, &meta_after);
	taken = meta_after.claimed + meta_after.reclaimed + meta_after.displaced -
		meta_before.claimed - meta_before.reclaimed - meta_before.displaced;
	ok(!err && taken == SPOOFED &&
		   meta_after.claimed <= (uint64_t)GH_SRC_SLOTS * libbpf_num_possible_cpus(),
	   "flood: each SYN took a slot, free, idle or its window's lightest (%llu taken, "
	   "%llu of them displacing, of %u a CPU)",
	   (unsigned long long)taken,
	   (unsigned long long)(meta_after.displaced - meta_before.displaced), GH_SRC_SLOTS);
	ok(!err && after.n == before.n && before.n == 7 &&
		   !memcmp(before.bytes, after.bytes, before.n * sizeof(before.bytes[0])),
	   "flood: every throttle, block and allow is still there, value for value");
	ok_eq(tcp_frame(&f, "192.0.2.70", FRAME_TCP_SYN) ?: batch(&f, 3), 1,
	      "flood: the throttled address still gets 1 of 3 SYNs");
	ok_eq(tcp_frame(&f, "198.51.100.9", FRAME_TCP_SYN) ?: batch(&f, 3), 1,
	      "flood: the throttled /24 still gets 1 of 3 SYNs");
	ok_eq(tcp_frame(&f, "192.0.2.71", FRAME_TCP_SYN) ?: run(&f, f.len, 1), XDP_DROP,
	      "flood: the blocked address is still dropped");
}

static void test_totals(void)
{
	struct gate_stats t = read_stats();

	ok(t.seen == t.passed + t.dropped, "totals: seen == passed + dropped");
	ok(t.dropped_v4 + t.dropped_v6 == t.dropped, "totals: dropped_v4 + dropped_v6 == dropped");
	ok(t.throttled && t.throttled < t.dropped,
	   "totals: throttled (%llu) counted, and part of dropped (%llu)",
	   (unsigned long long)t.throttled, (unsigned long long)t.dropped);
}

int main(void)
{
	int err = setup();

	if (!ok(!err, "gate loaded over maps pinned in %s", pin_dir)) {
		tap_diag("setup: %s", strerror(-err));
		return tap_done();
	}
	test_flags();
	test_syn_rate();
	test_packet_rate();
	test_prefixes();
	test_expiry();
	test_refresh();
	test_precedence();
	test_spoofed_flood();
	test_totals();

	xdp_gate_bpf__destroy(skel);
	gate_maps_close(&maps);
	remove_pins();
	ok(access(pin_dir, F_OK) && errno == ENOENT, "pin directory %s and its pins removed",
	   pin_dir);
	return tap_done();
}
