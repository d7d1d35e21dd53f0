// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * BPF_PROG_RUN tests of the gate's per-source slot table (gatehawk/sources.h),
 * set up as gate_harness.h says: every passed packet and SYN counted exactly
 * once, by its source or in the unslotted totals; a full window sends the
 * next source to those totals; an idle slot is taken over; the sensor's
 * slot rows join the gate's by address; nothing is counted while
 * counting is off. The process stays on one CPU, so every run meets the
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
	ok(d.passed && p1 - p0 + m1.unslotted_packets - m0.unslotted_packets == d.passed &&
		   s1 - s0 + m1.unslotted_syns - m0.unslotted_syns == d.syns,
	   "exact: rows + unslotted == passed (%llu) and SYNs (%llu)",
	   (unsigned long long)d.passed, (unsigned long long)d.syns);
	ok_eq(m1.claimed - m0.claimed, ARRAY_SIZE(sources),
	      "exact: each new source claimed one slot");
}

/* The key of slot idx in this CPU's region of a slot table. */
static uint32_t region_key(int of_cpu, uint32_t idx)
{
	return (uint32_t)of_cpu * GH_SRC_SLOTS + idx;
}

/* This CPU's slot idx, copied into buf, through *s. */
static int slot_get(uint32_t idx, void *buf, struct src_slot **s)
{
	uint32_t key = region_key(cpu, idx);

	*s = buf;
	return bpf_map_lookup_elem(bpf_map__fd(skel->maps.src_slots), &key, buf) ? -errno : 0;
}

/*
 * GH_SRC_SLOT_PROBE + 1 addresses of 100.64.0.0/10 hashed to one slot
 * whose window this CPU has not used yet; their base slot in *base.
 */
static int colliding(char out[][INET_ADDRSTRLEN], uint32_t *base, void *buf)
{
	uint32_t s = seed(), want = UINT32_MAX;
	int found = 0;

	for (uint32_t a = 0x64400000U; a < 0x64800000U && found <= GH_SRC_SLOT_PROBE; a++) {
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
	return found == GH_SRC_SLOT_PROBE + 1 ? 0 : -1;
}

static void test_full_window_and_idle(void)
{
	char addr[GH_SRC_SLOT_PROBE + 1][INET_ADDRSTRLEN];
	const char *last = addr[GH_SRC_SLOT_PROBE];
	void *buf = calloc(1, sizeof(struct src_slot));
	struct src_slot_meta m0 = meta(), m1;
	struct src_slot *slot = NULL;
	struct src_stats s;
	uint32_t base = 0;
	bool found;
	int err = !buf || colliding(addr, &base, buf);

	if (!ok(!err, "window: %d addresses share slot %u, its window unused on CPU %d",
		GH_SRC_SLOT_PROBE + 1, base, cpu))
		goto out;
	for (int i = 0; i < GH_SRC_SLOT_PROBE && !err; i++)
		err = send_frames(addr[i], FRAME_TCP_ACK, i + 2);
	err = err ?: send_frames(last, FRAME_TCP_ACK, 5) ?: send_frames(last, FRAME_TCP_SYN, 2);
	m1 = meta();
	ok(!err && m1.claimed - m0.claimed == GH_SRC_SLOT_PROBE &&
		   m1.unslotted_packets - m0.unslotted_packets == 7 &&
		   m1.unslotted_syns - m0.unslotted_syns == 2,
	   "window: the first %d took the window's slots; the last one's 7 packets and 2 "
	   "SYNs went to the unslotted totals",
	   GH_SRC_SLOT_PROBE);
	for (int i = 0; i < GH_SRC_SLOT_PROBE; i++) {
		s = row_of(addr[i], &found);
		ok(found && s.packets == (uint64_t)i + 2, "window: %s counted exactly (%d packets)",
		   addr[i], i + 2);
	}
	row_of(last, &found);
	ok(!found, "window: %s, which found no slot, has no row", last);

	/* The first one's slot, aged past GH_SRC_SLOT_IDLE_S at any tick rate. */
	err = slot_get(base, buf, &slot);
	if (!ok(!err && !strcmp(addr[0], inet_ntop(AF_INET, slot->key.addr, (char[16]){ 0 }, 16)),
		"idle: slot %u holds %s", base, addr[0]))
		goto out;
	slot->touched -= 0x40000000U;
	base = region_key(cpu, base);
	err = bpf_map_update_elem(bpf_map__fd(skel->maps.src_slots), &base, buf, BPF_EXIST);
	m0 = meta();
	err = err ?: send_frames(last, FRAME_TCP_ACK, 3);
	m1 = meta();
	s = row_of(last, &found);
	ok(!err && found && s.packets == 3 && m1.reclaimed - m0.reclaimed == 1 &&
		   m1.unslotted_packets == m0.unslotted_packets,
	   "idle: %s took over the idle slot and counts from 0 (%llu packets)", last,
	   (unsigned long long)s.packets);
	row_of(addr[0], &found);
	ok(!found, "idle: %s, whose slot was taken, has no row", addr[0]);
	m0 = meta();
	err = send_frames(addr[0], FRAME_TCP_ACK, 1);
	m1 = meta();
	ok(!err && m1.unslotted_packets - m0.unslotted_packets == 1,
	   "idle: back while the window is busy, %s is counted unslotted", addr[0]);
out:
	free(buf);
}

/* Slot idx of every CPU's region of src_http_slots, from v[cpu]. */
static int http_slots_put(uint32_t idx, const struct src_http_slot *v)
{
	for (int c = 0; c < ncpu; c++) {
		uint32_t key = region_key(c, idx);

		if (bpf_map_update_elem(bpf_map__fd(skel->maps.src_http_slots), &key, &v[c],
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
		err = http_slots_put(7, v);
	}
	s = row_of(sources[1], &found);
	ok(!err && found && s.packets == 5 && s.syns == 1 &&
		   s.requests == (ncpus > 1 ? 10U : 5U) && s.conns == (ncpus > 1 ? 2U : 0U),
	   "join: %s in both tables is one row with the gate's packets and SYNs and the "
	   "sensor's requests and connections summed over CPUs",
	   sources[1]);
	for (int c = 0; v && c < ncpus; c++)
		inet_pton(AF_INET, "192.0.2.99", v[c].key.addr);
	err = err ?: http_slots_put(8, v);
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
	test_exact();
	test_full_window_and_idle();
	test_join();
	test_off();

	xdp_gate_bpf__destroy(skel);
	gate_maps_close(&maps);
	remove_pins();
	return tap_done();
}
