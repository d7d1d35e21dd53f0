// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * BPF_PROG_RUN tests of the gate's per-source slot table (gatehawk/sources.h),
 * set up as gate_harness.h says: every passed packet and SYN counted exactly
 * once, by its source or in the unslotted, retired or displaced totals; a
 * busy window gives the next source its lowest-ranked slot, whose counts go
 * to the displaced totals; an idle slot is taken over first, its counts retired; a
 * slot being claimed is no one's; the sensor's slot rows join the gate's by
 * address; a flood of 48,000 spoofed sources leaves a steady source counted
 * and blocks and allows deciding; nothing is counted while counting is off. The process stays on one CPU, so every run meets the
 * same per-CPU table and the collisions below are real ones.
 */
#include <sched.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "gate_harness.h"
#include "base/clock.h"
#include "kernel/map_iter.h"
#include "kernel/pins.h"
#include "kernel/src_counters.h"

static int cpu, ncpu;

static uint32_t seed(void)
{
	struct gate_config cfg = { 0 };
	__u32 zero = 0;

	bpf_map_lookup_elem(maps.config, &zero, &cfg);
	return cfg.src_seed;
}

static struct src_slot_meta meta(void)
{
	struct src_slot_meta m;

	if (source_slots_meta(pin_dir, &m))
		memset(&m, 0xff, sizeof(m));
	return m;
}

/* The joined row of src, zeros when it has none; *found says which. */
static struct src_stats row_of(const char *src, bool *found)
{
	struct src_stats s = { 0 };
	struct source_row *rows = NULL;
	struct gh_addr want;
	size_t n = 0, hits = 0;
	int fd = sources_open(pin_dir);

	*found = false;
	if (fd < 0 || gh_addr_parse(src, &want) || sources_read_all(fd, &rows, &n)) {
		memset(&s, 0xff, sizeof(s));
		n = 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (rows[i].addr.family != want.family ||
		    memcmp(rows[i].addr.bytes, want.bytes, sizeof(want.bytes)))
			continue;
		s = rows[i].s;
		hits++;
	}
	*found = hits == 1;
	if (hits > 1)
		memset(&s, 0xff, sizeof(s)); /* one row per address, or the join is broken */
	free(rows);
	if (fd >= 0)
		close(fd);
	return s;
}

/* n frames from src with the given TCP flags, each passed; -1 otherwise. */
static int send_frames(const char *src, uint8_t flags, int n)
{
	struct frame f;

	if (frame_build(&f, &(struct frame_spec){ .src = src, .tcp_flags = flags }))
		return -1;
	for (int i = 0; i < n; i++)
		if (run(&f, f.len, 1) != XDP_PASS)
			return -1;
	return 0;
}

/* Sum of every row's packets and SYNs. */
static void row_totals(uint64_t *packets, uint64_t *syns)
{
	struct source_row *rows = NULL;
	size_t n = 0;
	int fd = sources_open(pin_dir);

	*packets = *syns = UINT64_MAX;
	if (fd < 0)
		return;
	if (!sources_read_all(fd, &rows, &n)) {
		*packets = *syns = 0;
		for (size_t i = 0; i < n; i++) {
			*packets += rows[i].s.packets;
			*syns += rows[i].s.syns;
		}
	}
	free(rows);
	close(fd);
}

static const char *const sources[] = {
	"192.0.2.1",   "192.0.2.2",   "192.0.2.3",   "198.51.100.4", "198.51.100.5",
	"2001:db8::1", "2001:db8::2", "2001:db8:1::3", "2001:db8:1::4", "2001:db8:2::5",
};

/* Source i sends 3i + 1 ACKs and i % 3 SYNs: every count differs from its neighbours'. */
static void test_exact(void)
{
	struct gate_stats before = read_stats(), d;
	struct src_slot_meta m0 = meta(), m1;
	uint64_t p0, s0, p1, s1;
	int err = 0;

	uint64_t t0 = gh_boottime_ns(), t1;

	row_totals(&p0, &s0);
	for (size_t i = 0; i < ARRAY_SIZE(sources) && !err; i++)
		err = send_frames(sources[i], FRAME_TCP_ACK, 3 * (int)i + 1) ?:
		      send_frames(sources[i], FRAME_TCP_SYN, (int)i % 3);
	if (!ok(!err, "exact: %zu sources, v4 and v6, all passed", ARRAY_SIZE(sources)))
		return;
	t1 = gh_boottime_ns();
	for (size_t i = 0; i < ARRAY_SIZE(sources); i++) {
		bool found;
		struct src_stats s = row_of(sources[i], &found);
		uint64_t syns = i % 3;
		/* The coarse clock lags by up to a tick (10 ms at HZ=100). */
		bool when = syns ? s.last_seen_ns + 20000000 >= t0 && s.last_seen_ns <= t1
				 : !s.last_seen_ns;

		ok(found && s.packets == 3 * i + 1 + syns && s.syns == syns && when,
		   "exact: %s has one row, %llu packets and %llu SYNs (got %llu, %llu), a SYN "
		   "time (boottime, while the test sent) iff it sent a SYN",
		   sources[i], (unsigned long long)(3 * i + 1 + syns), (unsigned long long)syns,
		   (unsigned long long)s.packets, (unsigned long long)s.syns);
	}
	d = read_stats();
	d = stats_diff(&before, &d);
	m1 = meta();
	row_totals(&p1, &s1);
	ok(d.passed &&
		   p1 - p0 + m1.unslotted_packets - m0.unslotted_packets +
				   m1.displaced_packets - m0.displaced_packets == d.passed &&
		   s1 - s0 + m1.unslotted_syns - m0.unslotted_syns + m1.displaced_syns -
				   m0.displaced_syns == d.syns,
	   "exact: rows + unslotted + displaced == passed (%llu) and SYNs (%llu)",
	   (unsigned long long)d.passed, (unsigned long long)d.syns);
	ok_eq(m1.claimed - m0.claimed, ARRAY_SIZE(sources),
	      "exact: each new source claimed one slot");
}

/* The key of slot idx in this CPU's region of a slot table. */
static uint32_t region_key(int of_cpu, uint32_t idx)
{
	return (uint32_t)of_cpu * GH_SRC_SLOTS + idx;
}

/*
 * The gate's used bitmap has the bits of exactly the slots of this CPU's
 * region that hold a source (a slot claimed is marked; none is ever freed),
 * as many as the slots claimed.
 */
static void test_used_bits(void)
{
	int tfd = gh_pin_open(pin_dir, "src_slots"), ufd = gh_pin_open(pin_dir, "src_slots_used");
	struct map_shape ts = { 0 }, us = { 0 };
	const void *tmem = NULL, *umem = NULL;
	size_t tlen = 0, ulen = 0, marked = 0, held = 0, mismatched = 0;
	int err = tfd < 0 ? tfd : ufd < 0 ? ufd : 0;

	err = err ?: map_mmap_read(tfd, &ts, &tmem, &tlen) ?: map_mmap_read(ufd, &us, &umem, &ulen);
	ok(!err && us.max_entries == GH_SRC_USED_WORDS * (uint32_t)ncpu,
	   "used bits: src_slots_used maps with %u words per CPU x %d CPUs (%u)",
	   GH_SRC_USED_WORDS, ncpu, us.max_entries);
	for (uint32_t i = 0; !err && i < GH_SRC_SLOTS; i++) {
		uint32_t key = region_key(cpu, i);
		const struct src_slot *slot = (const void *)((const char *)tmem +
							      (size_t)key * ts.value_size);
		bool bit = ((const uint64_t *)umem)[key / 64] >> (key % 64) & 1;

		marked += bit;
		held += slot->key.family != 0;
		mismatched += bit != (slot->key.family != 0);
	}
	ok(!err && marked && !mismatched && marked == meta().claimed,
	   "used bits: %zu marked, the %zu slots holding a source, as many as claimed (%zu "
	   "differ)",
	   marked, held, mismatched);
	if (tmem)
		munmap((void *)tmem, tlen);
	if (umem)
		munmap((void *)umem, ulen);
	if (tfd >= 0)
		close(tfd);
	if (ufd >= 0)
		close(ufd);
}

/* This CPU's slot idx, copied into buf, through *s. */
static int slot_get(uint32_t idx, void *buf, struct src_slot **s)
{
	uint32_t key = region_key(cpu, idx);

	*s = buf;
	return bpf_map_lookup_elem(bpf_map__fd(skel->maps.src_slots), &key, buf) ? -errno : 0;
}

/* How many addresses colliding() finds: a window's worth and two more. */
#define N_COLLIDING (GH_SRC_SLOT_PROBE + 2)

/*
 * N_COLLIDING addresses of 100.64.0.0/10 hashed to one slot whose window
 * this CPU has not used yet; their base slot in *base.
 */
static int colliding(char out[][INET_ADDRSTRLEN], uint32_t *base, void *buf)
{
	uint32_t s = seed(), want = UINT32_MAX;
	int found = 0;

	for (uint32_t a = 0x64400000U; a < 0x64800000U && found < N_COLLIDING; a++) {
		uint32_t be = htonl(a), idx = src_slot_index((const __u8 *)&be, 1, s);
		struct src_slot *slot;
		bool unused = true;

		if (want == UINT32_MAX) {
			for (uint32_t i = 0; i < 2 * GH_SRC_SLOT_PROBE && unused; i++) {
				if (slot_get((idx + i) & (GH_SRC_SLOTS - 1), buf, &slot))
					return -1;
				unused = !slot->key.family;
			}
			if (!unused)
				continue;
			want = idx;
		}
		if (idx != want)
			continue;
		inet_ntop(AF_INET, &be, out[found++], INET_ADDRSTRLEN);
	}
	*base = want;
	return found == N_COLLIDING ? 0 : -1;
}

/* The slot of this CPU's window from base that holds src; -1 if none. */
static int slot_of(uint32_t base, const char *src, void *buf, struct src_slot **slot)
{
	char text[INET_ADDRSTRLEN];

	for (uint32_t i = 0; i < GH_SRC_SLOT_PROBE; i++) {
		uint32_t idx = (base + i) & (GH_SRC_SLOTS - 1);

		if (slot_get(idx, buf, slot))
			return -1;
		if ((*slot)->key.family == 4 &&
		    !strcmp(src, inet_ntop(AF_INET, (*slot)->key.addr, text, sizeof(text))))
			return (int)idx;
	}
	return -1;
}

/* Every row's packets and SYNs with the unslotted, retired and displaced totals. */
struct ledger {
	uint64_t packets, syns;
};

static struct ledger ledger(void)
{
	struct src_slot_meta m = meta();
	struct ledger l;

	row_totals(&l.packets, &l.syns);
	l.packets += m.unslotted_packets + m.retired_packets + m.displaced_packets;
	l.syns += m.unslotted_syns + m.retired_syns + m.displaced_syns;
	return l;
}

/* The ledger moved by exactly what the gate passed since before/l0. */
static bool ledger_exact(const struct gate_stats *before, const struct ledger *l0)
{
	struct gate_stats now = read_stats(), d = stats_diff(before, &now);
	struct ledger l1 = ledger();

	return d.passed && l1.packets - l0->packets == d.passed && l1.syns - l0->syns == d.syns;
}

static void test_full_window_and_idle(void)
{
	char addr[N_COLLIDING][INET_ADDRSTRLEN];
	const char *heavy = addr[GH_SRC_SLOT_PROBE], *late = addr[GH_SRC_SLOT_PROBE + 1];
	void *buf = calloc(1, sizeof(struct src_slot));
	struct gate_stats before = read_stats();
	struct src_slot_meta m0 = meta(), m1;
	struct ledger l0 = ledger();
	struct src_slot *slot = NULL;
	struct src_stats s;
	uint32_t base = 0;
	bool found, gone;
	int err = !buf || colliding(addr, &base, buf), idx;

	if (!ok(!err, "window: %d addresses share slot %u, its window unused on CPU %d",
		N_COLLIDING, base, cpu))
		goto out;
	/* Ranks 2, 3, 4 and 5: the first is the lightest. */
	for (int i = 0; i < GH_SRC_SLOT_PROBE && !err; i++)
		err = send_frames(addr[i], FRAME_TCP_ACK, i + 2);
	err = err ?: send_frames(heavy, FRAME_TCP_ACK, 5) ?: send_frames(heavy, FRAME_TCP_SYN, 2);
	m1 = meta();
	ok(!err && m1.claimed - m0.claimed == GH_SRC_SLOT_PROBE &&
		   m1.displaced - m0.displaced == 1 &&
		   m1.displaced_packets - m0.displaced_packets == 2 &&
		   m1.displaced_syns == m0.displaced_syns &&
		   m1.unslotted_packets == m0.unslotted_packets,
	   "window: the first %d took the window's slots; the next source displaced the "
	   "lightest, whose 2 packets went to the displaced totals (none unslotted)",
	   GH_SRC_SLOT_PROBE);
	row_of(addr[0], &found);
	ok(!found, "window: %s, displaced, has no row", addr[0]);
	for (int i = 1; i < GH_SRC_SLOT_PROBE; i++) {
		s = row_of(addr[i], &found);
		ok(found && s.packets == (uint64_t)i + 2, "window: %s counted exactly (%d packets)",
		   addr[i], i + 2);
	}
	s = row_of(heavy, &found);
	idx = slot_of(base, heavy, buf, &slot);
	ok(found && s.packets == 7 && s.syns == 2 && idx >= 0 && slot->rank_floor == 2,
	   "window: %s has its 7 packets and 2 SYNs from its first, and ranks from the "
	   "displaced source's 2 (rank floor %llu)",
	   heavy, idx >= 0 ? (unsigned long long)slot->rank_floor : 0ULL);

	/* Back, the displaced source takes the lightest slot again: not the heavy one. */
	m0 = meta();
	err = send_frames(addr[0], FRAME_TCP_ACK, 1);
	m1 = meta();
	row_of(addr[1], &found);
	gone = !found;
	s = row_of(heavy, &found);
	ok(!err && gone && found && s.packets == 7 &&
		   m1.displaced_packets - m0.displaced_packets == 3,
	   "window: %s, back, displaced %s (rank 3, its 3 packets moved out), not %s (rank 9)",
	   addr[0], addr[1], heavy);

	/* The heavy one's slot, aged past GH_SRC_SLOT_IDLE_S at any tick rate. */
	idx = slot_of(base, heavy, buf, &slot);
	if (!ok(idx >= 0, "idle: slot %d holds %s", idx, heavy))
		goto out;
	slot->touched -= 0x40000000U;
	idx = (int)region_key(cpu, (uint32_t)idx);
	err = bpf_map_update_elem(bpf_map__fd(skel->maps.src_slots), &idx, buf, BPF_EXIST);
	m0 = meta();
	err = err ?: send_frames(late, FRAME_TCP_ACK, 3);
	m1 = meta();
	s = row_of(late, &found);
	ok(!err && found && s.packets == 3 && m1.reclaimed - m0.reclaimed == 1 &&
		   m1.displaced == m0.displaced && m1.displaced_packets == m0.displaced_packets &&
		   m1.retired_packets - m0.retired_packets == 7 &&
		   m1.retired_syns - m0.retired_syns == 2,
	   "idle: %s took over the idle slot rather than displace a busy one, and counts "
	   "from 0 (%llu packets); the idle source's 7 packets and 2 SYNs are retired",
	   late, (unsigned long long)s.packets);
	idx = slot_of(base, late, buf, &slot);
	ok(idx >= 0 && !slot->rank_floor, "idle: an idle slot is taken with no rank floor");
	ok(ledger_exact(&before, &l0),
	   "window: rows + unslotted + retired moved by exactly the packets and SYNs passed");
out:
	free(buf);
}

/*
 * A slot a sensor hook is claiming (key.family 0xff, SLOT_CLAIMING in
 * bpf/src_slots.h, between its compare-and-swap and the new key) is no
 * one's: neither free when it looks idle nor displaced when it ranks lowest.
 */
static void test_claiming(void)
{
	char addr[N_COLLIDING][INET_ADDRSTRLEN];
	void *buf = calloc(1, sizeof(struct src_slot));
	struct src_slot_meta m0, m1;
	struct src_slot *slot = NULL;
	uint32_t base = 0, key;
	bool found, first_gone;
	int err = !buf || colliding(addr, &base, buf), fd = bpf_map__fd(skel->maps.src_slots);

	for (int i = 0; i < GH_SRC_SLOT_PROBE - 1 && !err; i++)
		err = send_frames(addr[i], FRAME_TCP_ACK, 3);
	key = region_key(cpu, (base + GH_SRC_SLOT_PROBE - 1) & (GH_SRC_SLOTS - 1));
	if (!err) {
		memset(buf, 0, sizeof(struct src_slot));
		slot = buf;
		slot->key.family = 0xff;
		slot->touched = (uint32_t)-0x40000000; /* idle at any tick rate, were it a source's */
		err = bpf_map_update_elem(fd, &key, buf, BPF_EXIST);
	}
	m0 = meta();
	err = err ?: send_frames(addr[GH_SRC_SLOT_PROBE], FRAME_TCP_ACK, 1);
	m1 = meta();
	row_of(addr[0], &found);
	first_gone = !found;
	row_of(addr[GH_SRC_SLOT_PROBE], &found);
	ok(!err && found && first_gone && m1.displaced - m0.displaced == 1 &&
		   m1.reclaimed == m0.reclaimed && !bpf_map_lookup_elem(fd, &key, buf) &&
		   slot->key.family == 0xff,
	   "claiming: a new source displaced the lightest source, not the slot being claimed "
	   "(idle-looking, rank 0), which stays as it was");
	if (buf) {
		memset(buf, 0, sizeof(struct src_slot));
		bpf_map_update_elem(fd, &key, buf, BPF_EXIST);
	}
	free(buf);
}

/*
 * The flood of the review: FLOOD_SOURCES distinct spoofed SYN sources (v4
 * and v6), each sending once, keep every window of this CPU busy; the
 * second half is interleaved with one source sending an ACK after every
 * HEAVY_EVERY of them (one of its packets in 65 from the window's point of
 * view, far above the F / GH_SRC_SLOTS a source needs to keep its slot).
 */
#define FLOOD_SOURCES 48000
#define HEAVY_EVERY 16
#define HEAVY_SRC "198.18.7.7"
#define BLOCKED_NET "203.0.113.0/24"
#define BLOCKED_SRC "203.0.113.66"
#define ALLOWED_SRC "203.0.113.77"

static int flood_frame(struct frame *f, uint32_t i)
{
	char text[INET6_ADDRSTRLEN];

	if (i & 1)
		snprintf(text, sizeof(text), "2001:db8:f00d::%x:%x", i >> 16, i & 0xffff);
	else
		snprintf(text, sizeof(text), "10.%u.%u.%u", (i >> 16) & 0xff, (i >> 8) & 0xff,
			 i & 0xff);
	return frame_build(f, &(struct frame_spec){ .src = text, .tcp_flags = FRAME_TCP_SYN });
}

/* Whether one frame from src gets verdict want. */
static bool verdict_is(const char *src, int want)
{
	struct frame f;

	return !frame_build(&f, &(struct frame_spec){ .src = src, .tcp_flags = FRAME_TCP_SYN }) &&
	       run(&f, f.len, 1) == want;
}

static void test_flood(void)
{
	struct block_spec blk = { .ttl_s = 0, .reason = 0 };
	struct gate_stats before, after;
	struct src_slot_meta m0, m1;
	struct gh_cidr allowed;
	struct block_entry e;
	struct ledger l0;
	struct src_stats s;
	struct frame f, h;
	uint64_t sent = 0, held;
	bool found;
	int err;

	err = gh_cidr_parse(BLOCKED_NET, &blk.cidr) ?: gate_block_add(&maps, &blk, 1) ?:
	      gh_cidr_parse(ALLOWED_SRC, &allowed) ?: gate_allow_add(&maps, &allowed) ?:
	      frame_build(&h, &(struct frame_spec){ .src = HEAVY_SRC, .tcp_flags = FRAME_TCP_ACK });
	if (!ok(!err && verdict_is(BLOCKED_SRC, XDP_DROP) && verdict_is(ALLOWED_SRC, XDP_PASS),
		"flood: %s blocked, %s allowed inside it", BLOCKED_NET, ALLOWED_SRC))
		return;
	before = read_stats();
	m0 = meta();
	l0 = ledger();
	for (uint32_t i = 0; i < FLOOD_SOURCES && !err; i++) {
		err = flood_frame(&f, i) || run(&f, f.len, 1) != XDP_PASS;
		if (!err && i >= FLOOD_SOURCES / 2 && i % HEAVY_EVERY == 0) {
			err = run(&h, h.len, 1) != XDP_PASS;
			sent++;
		}
	}
	after = read_stats();
	m1 = meta();
	ok(!err && stats_diff(&before, &after).passed == FLOOD_SOURCES + sent &&
		   m1.displaced - m0.displaced > FLOOD_SOURCES / 4,
	   "flood: %d spoofed sources and %llu packets of %s passed; %llu slots displaced",
	   FLOOD_SOURCES, (unsigned long long)sent, HEAVY_SRC,
	   (unsigned long long)(m1.displaced - m0.displaced));
	s = row_of(HEAVY_SRC, &found);
	held = found ? s.packets : 0;
	/* It misses at most what it sent before its slot became its own: a few. */
	ok(found && held <= sent && held + 4 >= sent && !s.syns,
	   "flood: %s is counted per source under the flood: %llu of its %llu packets "
	   "(bound: all but 4)",
	   HEAVY_SRC, (unsigned long long)held, (unsigned long long)sent);
	ok(ledger_exact(&before, &l0),
	   "flood: rows + unslotted + retired + displaced moved by exactly the packets and "
	   "SYNs passed");
	ok(m1.displaced_packets - m0.displaced_packets >= FLOOD_SOURCES / 4 &&
		   m1.displaced_packets - m0.displaced_packets <= FLOOD_SOURCES,
	   "flood: the displaced spoofed sources' packets show as displaced (%llu)",
	   (unsigned long long)(m1.displaced_packets - m0.displaced_packets));
	ok(!gate_block_get(&maps, &blk.cidr, &e) && verdict_is(BLOCKED_SRC, XDP_DROP) &&
		   verdict_is(ALLOWED_SRC, XDP_PASS),
	   "flood: the block and the allow are untouched and still decide");
	gate_block_del(&maps, &blk.cidr);
	gate_allow_del(&maps, &allowed);
}

/* Slot idx of every CPU's region of src_http_slots, from v[cpu]; marked used as
 * the sensor marks a slot it claims when mark is set. */
static int http_slots_put(uint32_t idx, const struct src_http_slot *v, bool mark)
{
	for (int c = 0; c < ncpu; c++) {
		uint32_t key = region_key(c, idx), word = key / 64;
		uint64_t bits = 0;

		if (bpf_map_update_elem(bpf_map__fd(skel->maps.src_http_slots), &key, &v[c],
					BPF_ANY))
			return -errno;
		if (!mark)
			continue;
		bpf_map_lookup_elem(bpf_map__fd(skel->maps.src_http_used), &word, &bits);
		bits |= 1ULL << (key % 64);
		if (bpf_map_update_elem(bpf_map__fd(skel->maps.src_http_used), &word, &bits,
					BPF_ANY))
			return -errno;
	}
	return 0;
}

/* The sensor's rows (its slots) and the gate's make one row per address. */
static void test_join(void)
{
	int ncpus = ncpu;
	struct src_http_slot *v = calloc((size_t)ncpus, sizeof(*v));
	struct src_stats s;
	bool found;
	int err;

	err = !v;
	if (!err) {
		v[cpu].key.family = 4;
		inet_pton(AF_INET, sources[1], v[cpu].key.addr);
		v[cpu].c.requests = 5;
		v[(cpu + 1) % ncpus] = v[cpu];
		v[(cpu + 1) % ncpus].c.conns = 2;
		err = http_slots_put(7, v, false);
	}
	s = row_of(sources[1], &found);
	ok(!err && found && !s.requests && !s.conns,
	   "join: a slot not marked in the used bitmap is not read (readers look at used slots "
	   "only)");
	err = err ?: http_slots_put(7, v, true);
	s = row_of(sources[1], &found);
	ok(!err && found && s.packets == 5 && s.syns == 1 &&
		   s.requests == (ncpus > 1 ? 10U : 5U) && s.conns == (ncpus > 1 ? 2U : 0U),
	   "join: %s in both tables is one row with the gate's packets and SYNs and the "
	   "sensor's requests and connections summed over CPUs",
	   sources[1]);
	for (int c = 0; v && c < ncpus; c++)
		inet_pton(AF_INET, "192.0.2.99", v[c].key.addr);
	err = err ?: http_slots_put(8, v, true);
	s = row_of("192.0.2.99", &found);
	ok(!err && found && !s.packets && s.requests == (ncpus > 1 ? 10U : 5U),
	   "join: a source only the sensor counted has its own row");
	free(v);
}

/* Both slot tables: mmapable arrays of one region per possible CPU, as pinned. */
static void test_layout(void)
{
	static const char *const tables[] = { "src_slots", "src_http_slots" };

	for (size_t i = 0; i < ARRAY_SIZE(tables); i++) {
		int fd = gh_pin_open(pin_dir, tables[i]), err;
		struct map_shape shape = { 0 };
		const void *mem = NULL;
		size_t len = 0;

		err = fd < 0 ? fd : map_mmap_read(fd, &shape, &mem, &len);
		ok(!err && shape.max_entries == GH_SRC_SLOTS * (uint32_t)ncpu,
		   "layout: %s maps read-only with %u slots per CPU x %d CPUs (%u entries)",
		   tables[i], GH_SRC_SLOTS, ncpu, shape.max_entries);
		if (!err)
			munmap((void *)mem, len);
		if (fd >= 0)
			close(fd);
	}
}

/* A pin of the per-CPU layout an older gatehawk made is replaced at load. */
static void test_older_layout(void)
{
	char dir[64], path[GH_PATH_MAX];
	struct map_shape shape = { 0 };
	struct gh_err e = { 0 };
	const void *mem = NULL;
	size_t len = 0;
	int fd, err;

	snprintf(dir, sizeof(dir), "/sys/fs/bpf/gh-test-old-%d", (int)getpid());
	err = mkdir(dir, 0700) ? -errno : gh_pin_path(path, sizeof(path), dir, "src_http_slots");
	fd = err ? err
		 : bpf_map_create(BPF_MAP_TYPE_PERCPU_ARRAY, "src_http_slots", 4,
				  sizeof(struct src_http_slot), GH_SRC_SLOTS, NULL);
	err = fd < 0 ? fd : bpf_obj_pin(fd, path) ? -errno : 0;
	if (fd >= 0)
		close(fd);
	err = err ?: gate_pin_maps(dir, 16, &e);
	fd = err ? err : gh_pin_open(dir, "src_http_slots");
	err = fd < 0 ? fd : map_mmap_read(fd, &shape, &mem, &len);
	ok(!err && shape.max_entries == GH_SRC_SLOTS * (uint32_t)ncpu &&
		   strstr(e.notes, "src_http_slots: an older layout, made afresh"),
	   "older layout: a per-CPU src_http_slots pin is made afresh as the mmapable "
	   "array, with a note (%s)", e.notes);
	if (!err)
		munmap((void *)mem, len);
	if (fd >= 0)
		close(fd);
	gate_detach(dir, NULL);
}

struct find_ctx {
	struct gh_addr want;
	struct src_stats s;
	size_t rows, hits;
};

static int find_row(const struct source_row *row, void *ctx)
{
	struct find_ctx *f = ctx;

	f->rows++;
	if (gh_addr_equal(&row->addr, &f->want)) {
		f->s = row->s;
		f->hits++;
	}
	return 0;
}

/* One read through r: src's row in f (f->hits 1 when it has one). */
static int reader_find(struct source_reader *r, const char *src, struct find_ctx *f)
{
	*f = (struct find_ctx){ 0 };
	return gh_addr_parse(src, &f->want) ?: source_reader_foreach(r, find_row, f);
}

/*
 * The daemon's reader keeps the tables mapped: what it reads is what the
 * one-shot read does, counts move as packets come, and a table pinned in
 * place of the one it mapped is read from then on.
 */
static void test_reader(void)
{
	LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_MMAPABLE);
	struct source_reader *r = NULL;
	struct source_row *rows = NULL;
	size_t n = 0;
	struct find_ctx f;
	bool found;
	char path[GH_PATH_MAX];
	struct src_stats one = row_of(sources[4], &found);
	int fd = sources_open(pin_dir), err, old_fd = -1, fresh = -1;

	err = fd < 0 ? fd : sources_read_all(fd, &rows, &n) ?: source_reader_open(pin_dir, &r);
	err = err ?: reader_find(r, sources[4], &f);
	ok(!err && found && f.rows == n && f.hits == 1 && f.s.packets == one.packets &&
		   f.s.syns == one.syns,
	   "reader: the same %zu rows as a one-shot read, %s's among them", n, sources[4]);
	err = err ?: send_frames(sources[4], FRAME_TCP_ACK, 3) ?: reader_find(r, sources[4], &f);
	ok(!err && f.hits == 1 && f.s.packets == one.packets + 3,
	   "reader: kept mapped, it sees the 3 packets sent since (%llu)",
	   (unsigned long long)f.s.packets);

	/* A fresh table pinned in place of the mapped one, then the old one back. */
	old_fd = gh_pin_open(pin_dir, "src_slots");
	fresh = bpf_map_create(BPF_MAP_TYPE_ARRAY, "src_slots", 4, sizeof(struct src_slot),
			       GH_SRC_SLOTS * (uint32_t)ncpu, &opts);
	if (!err && (old_fd < 0 || fresh < 0))
		err = -EBADF;
	err = err ?: gh_pin_path(path, sizeof(path), pin_dir, "src_slots");
	err = err ?: unlink(path) ? -errno : bpf_obj_pin(fresh, path) ? -errno : 0;
	err = err ?: reader_find(r, sources[4], &f);
	ok(!err && !f.s.packets,
	   "reader: a table pinned in place of the mapped one is read instead (no packets)");
	err = err ?: unlink(path) ? -errno : bpf_obj_pin(old_fd, path) ? -errno : 0;
	err = err ?: reader_find(r, sources[4], &f);
	ok(!err && f.s.packets == one.packets + 3, "reader: and the first again once it is back");
	if (fresh >= 0)
		close(fresh);
	if (old_fd >= 0)
		close(old_fd);
	source_reader_close(r);
	free(rows);
	if (fd >= 0)
		close(fd);
}

/* Pin a map of the given shape as dir/name; 0 or negative errno. */
static int pin_made(const char *dir, const char *name, enum bpf_map_type type, uint32_t key,
		    uint32_t value, uint32_t entries, uint32_t flags)
{
	LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = flags);
	char path[GH_PATH_MAX];
	int fd, err = gh_pin_path(path, sizeof(path), dir, name);

	fd = err ? err : bpf_map_create(type, name, key, value, entries, &opts);
	if (fd < 0)
		return fd == err ? err : -errno;
	err = bpf_obj_pin(fd, path) ? -errno : 0;
	close(fd);
	return err;
}

/* The info of the map pinned as dir/name; all zero when none. */
static struct bpf_map_info pinned_info(const char *dir, const char *name)
{
	struct bpf_map_info info = { 0 };
	__u32 len = sizeof(info);
	int fd = gh_pin_open(dir, name);

	if (fd < 0)
		return info;
	if (bpf_obj_get_info_by_fd(fd, &info, &len))
		memset(&info, 0, sizeof(info));
	close(fd);
	return info;
}

static uint32_t pinned_value_size(const char *dir, const char *name)
{
	return pinned_info(dir, name).value_size;
}

static uint32_t pinned_id(const char *dir, const char *name)
{
	return pinned_info(dir, name).id;
}

/*
 * Pins of the previous release: the slot table and its bookkeeping with
 * their older value sizes are made afresh, the LRU design's src_stats and
 * src_meta removed; a block map of another layout is refused, named.
 */
static void test_upgrade_pins(void)
{
	uint32_t slots = GH_SRC_SLOTS * (uint32_t)ncpu;
	char dir[64], bad[64], path[GH_PATH_MAX];
	struct gh_err e = { 0 }, e2 = { 0 };
	uint32_t http_id;
	int err;

	snprintf(dir, sizeof(dir), "/sys/fs/bpf/gh-test-up-%d", (int)getpid());
	snprintf(bad, sizeof(bad), "/sys/fs/bpf/gh-test-bad-%d", (int)getpid());
	err = mkdir(dir, 0700) ? -errno : 0;
	err = err ?: pin_made(dir, "src_slots", BPF_MAP_TYPE_ARRAY, 4, 48, slots, BPF_F_MMAPABLE);
	err = err ?: pin_made(dir, "src_slot_meta", BPF_MAP_TYPE_PERCPU_ARRAY, 4, 32, 1, 0);
	err = err ?: pin_made(dir, "src_stats", BPF_MAP_TYPE_LRU_PERCPU_HASH, 20, 64, 1024, 0);
	err = err ?: pin_made(dir, "src_meta", BPF_MAP_TYPE_PERCPU_ARRAY, 4, 32, 1, 0);
	/* This layout's sensor table, but no used bitmap beside it (a release before it). */
	err = err ?: pin_made(dir, "src_http_slots", BPF_MAP_TYPE_ARRAY, 4,
			      sizeof(struct src_http_slot), slots, BPF_F_MMAPABLE);
	http_id = err ? 0 : pinned_id(dir, "src_http_slots");
	err = err ?: gate_pin_maps(dir, 16, &e);
	ok(!err && http_id && pinned_id(dir, "src_http_slots") != http_id &&
		   gh_pin_exists(dir, "src_http_used") &&
		   strstr(e.notes, "src_http_slots: made afresh with src_http_used"),
	   "upgrade: a slot table pinned without its used bitmap is made afresh with it, "
	   "with a note");
	ok(!err && pinned_value_size(dir, "src_slots") == sizeof(struct src_slot) &&
		   pinned_value_size(dir, "src_slot_meta") == sizeof(struct src_slot_meta) &&
		   strstr(e.notes, "src_slots: an older layout, made afresh") &&
		   strstr(e.notes, "src_slot_meta: an older layout, made afresh"),
	   "upgrade: 48-byte slots and 32-byte bookkeeping are made afresh at %zu and %zu "
	   "bytes, with notes (%d)",
	   sizeof(struct src_slot), sizeof(struct src_slot_meta), err);
	ok(!gh_pin_exists(dir, "src_stats") && !gh_pin_exists(dir, "src_meta") &&
		   strstr(e.notes, "src_stats: left by an older gatehawk, removed") &&
		   strstr(e.notes, "src_meta: left by an older gatehawk, removed"),
	   "upgrade: the LRU design's src_stats and src_meta pins are removed, with notes");
	gate_detach(dir, NULL);
	rmdir(dir);

	err = mkdir(bad, 0700) ? -errno : 0;
	err = err ?: pin_made(bad, "block_host4", BPF_MAP_TYPE_ARRAY, 4, 8, 16, 0);
	err = err ?: pin_made(bad, "src_slots", BPF_MAP_TYPE_ARRAY, 4, 48, slots, BPF_F_MMAPABLE);
	err = err ?: pin_made(bad, "src_stats", BPF_MAP_TYPE_LRU_PERCPU_HASH, 20, 64, 1024, 0);
	err = err ?: gate_pin_maps(bad, 16, &e2);
	ok(err == -EINVAL && gh_pin_exists(bad, "block_host4") &&
		   strstr(e2.notes, "block_host4: pinned with another layout"),
	   "upgrade: a block map of another layout is refused, kept and named (%s)", e2.notes);
	ok(pinned_value_size(bad, "src_slots") == 48 && gh_pin_exists(bad, "src_stats"),
	   "upgrade: refused before anything is touched: the older gatehawk's counter pins "
	   "stay");
	gate_detach(bad, NULL);
	for (size_t i = 0; i < 3; i++)
		if (!gh_pin_path(path, sizeof(path), bad,
				 (const char *[]){ "block_host4", "src_slots", "src_stats" }[i]))
			unlink(path);
	rmdir(bad);
}

static void test_off(void)
{
	struct src_slot_meta m0 = meta(), m1;
	uint64_t p0, s0, p1, s1;
	int err;

	row_totals(&p0, &s0);
	err = gate_update_flags(&maps, 0, GH_GATE_F_COUNT_SOURCES) ?:
	      send_frames(sources[0], FRAME_TCP_SYN, 3) ?: send_frames("192.0.2.200", FRAME_TCP_ACK, 3);
	row_totals(&p1, &s1);
	m1 = meta();
	ok(!err && p1 == p0 && s1 == s0 && !memcmp(&m0, &m1, sizeof(m0)),
	   "off: with counting off nothing per source changes");
	ok(gate_update_flags(&maps, GH_GATE_F_COUNT_SOURCES, 0) == 0 && seed() != 0,
	   "on again: the seed drawn at first stays");
}

int main(void)
{
	cpu_set_t one;
	int err;

	cpu = sched_getcpu();
	ncpu = libbpf_num_possible_cpus();
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	err = cpu < 0 || ncpu <= 0 || sched_setaffinity(0, sizeof(one), &one) ? -errno : setup();
	if (!ok(!err, "gate loaded over maps pinned in %s, on CPU %d of %d", pin_dir, cpu, ncpu)) {
		tap_diag("setup: %s", strerror(-err));
		return tap_done();
	}
	ok(seed() != 0, "a slot seed was drawn when counting was turned on");
	test_layout();
	test_older_layout();
	test_upgrade_pins();
	test_exact();
	test_used_bits();
	test_full_window_and_idle();
	test_join();
	test_reader();
	test_claiming();
	test_flood();
	test_off();

	xdp_gate_bpf__destroy(skel);
	gate_maps_close(&maps);
	remove_pins();
	return tap_done();
}
