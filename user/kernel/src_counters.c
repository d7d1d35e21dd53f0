// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "base/clock.h"
#include "base/hash.h"
#include "kernel/map_iter.h"
#include "kernel/pins.h"
#include "base/vec.h"
#include "kernel/src_counters.h"

static const char *const field_names[] = {
#define GH_SRC_NAME(name) #name,
	SRC_STATS_FIELDS(GH_SRC_NAME)
#undef GH_SRC_NAME
	"last_seen_ns",
};

#define N_FIELDS ((int)(sizeof(field_names) / sizeof(field_names[0])))

int source_field_count(void)
{
	return N_FIELDS;
}

const char *source_field_name(int index)
{
	return index >= 0 && index < N_FIELDS ? field_names[index] : "?";
}

int source_field_index(const char *name)
{
	for (int i = 0; i < N_FIELDS; i++)
		if (!strcmp(field_names[i], name))
			return i;
	return -1;
}

/* struct src_stats is all __u64, in field_names order. */
uint64_t source_field_value(const struct source_row *r, int index)
{
	const __u64 *v = (const __u64 *)&r->s;

	return index >= 0 && index < N_FIELDS ? v[index] : 0;
}

/*
 * The handle is the pin directory itself, for the two tables are joined on
 * every read; opening src_http_slots (which the gate and the sensor both
 * pin) here proves that pins can be opened at all.
 */
int sources_open(const char *pin_dir)
{
	int fd = gh_pin_open(pin_dir, "src_http_slots");

	if (fd < 0)
		return fd;
	close(fd);
	fd = open(pin_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

/* A pinned map of the directory behind the handle; -ENOENT when not pinned. */
static int pin_open_at(int dir_fd, const char *name)
{
	char dir[64];

	snprintf(dir, sizeof(dir), "/proc/self/fd/%d", dir_fd);
	return gh_pin_open(dir, name);
}

/* One slot table as mapped: kept across reads while the same map is pinned. */
struct mapped_table {
	uint32_t id; /* 0: not mapped */
	const char *mem;
	size_t len;
	struct map_shape shape;
};

/*
 * The reader's state: the mappings (mapping a table costs more than
 * scanning it: the kernel inserts every page at mmap and zaps them at
 * munmap), and the rows and their index by address, reused each read.
 */
struct source_reader {
	int dir_fd;
	/* The pins are looked up again only after something was pinned or
	 * unpinned there (fd -1: on every read). */
	struct gh_pin_watch watch;
	bool mapped; /* the pins were looked up at least once */
	struct mapped_table gate, http, gate_used, http_used;
	struct source_row *rows;
	size_t n, cap;
	/* By hash of the address: the row number + 1 (0 empty) in the low
	 * half, the hash's top bits in the high one, so that a probe passing
	 * other addresses reads no row. */
	uint64_t *index;
	size_t index_cap;
	uint64_t boot_offset; /* boottime - monotonic now: the time spent suspended */
};

static bool same_addr(const struct gh_addr *a, const struct gh_addr *b)
{
	return a->family == b->family && !memcmp(a->bytes, b->bytes, sizeof(a->bytes));
}

/* The slot in r->index for a (hashed to h), holding its row or 0 where it goes. */
static uint64_t *index_slot(struct source_reader *r, const struct gh_addr *a, uint64_t h)
{
	size_t mask = r->index_cap - 1, i = h & mask;
	uint64_t tag = h & 0xffffffff00000000ULL;

	while (r->index[i] && ((r->index[i] & 0xffffffff00000000ULL) != tag ||
			       !same_addr(&r->rows[(uint32_t)r->index[i] - 1].addr, a)))
		i = (i + 1) & mask;
	return &r->index[i];
}

static uint64_t addr_hash(const struct gh_addr *a)
{
	return gh_hash_bytes(a->bytes, gh_addr_len(a), a->family);
}

/* Rows index at most half full: doubled and rebuilt when more are due. */
static int index_make_room(struct source_reader *r)
{
	size_t cap = r->index_cap ? r->index_cap * 2 : 4096;
	uint64_t *index;

	if (r->n < r->index_cap / 2)
		return 0;
	if (r->n >= UINT32_MAX / 2)
		return -E2BIG;
	index = calloc(cap, sizeof(*index));
	if (!index)
		return -ENOMEM;
	free(r->index);
	r->index = index;
	r->index_cap = cap;
	for (size_t i = 0; i < r->n; i++) {
		uint64_t h = addr_hash(&r->rows[i].addr);

		*index_slot(r, &r->rows[i].addr, h) = (h & 0xffffffff00000000ULL) | (i + 1);
	}
	return 0;
}

/* Counters summed, the later last_seen_ns kept. */
static void stats_add(struct src_stats *into, const struct src_stats *s)
{
#define GH_SRC_SUM(name) into->name += s->name;
	SRC_STATS_FIELDS(GH_SRC_SUM)
#undef GH_SRC_SUM
	if (s->last_seen_ns > into->last_seen_ns)
		into->last_seen_ns = s->last_seen_ns;
}

/* s into the row of its address (another CPU's or table's slot), or a new row. */
static int row_join(struct source_reader *r, int family, const __u8 *addr,
		    const struct src_stats *s)
{
	struct gh_addr a;
	uint64_t *slot, h;
	int err;

	gh_addr_from_bytes(&a, family == 4 ? AF_INET : AF_INET6, addr);
	err = index_make_room(r) ?:
	      gh_vec_reserve((void **)&r->rows, &r->cap, r->n, sizeof(*r->rows), 1024);
	if (err)
		return err;
	h = addr_hash(&a);
	slot = index_slot(r, &a, h);
	if (*slot) {
		stats_add(&r->rows[(uint32_t)*slot - 1].s, s);
		return 0;
	}
	r->rows[r->n] = (struct source_row){ .addr = a, .s = *s };
	*slot = (h & 0xffffffff00000000ULL) | ++r->n;
	return 0;
}

/*
 * A slot of the mapped table, copied first: a program may take it over for
 * another source while it is read. Joins its counts if it holds a source.
 */
typedef int (*slot_row_fn)(const void *mapped, struct source_reader *r);

/*
 * Copy a slot whose key's family is the same before and after the copy:
 * a program taking it over marks it claiming (0xff) before it moves the
 * counts and writes the family last, so a copy that saw one family twice
 * has one source's key and counts. False: skip it this read.
 */
static bool slot_copy(void *dst, const void *mapped, size_t len)
{
	const volatile __u8 *family = (const volatile __u8 *)mapped +
				      offsetof(struct src_key, family);
	__u8 before = __atomic_load_n(family, __ATOMIC_ACQUIRE);

	memcpy(dst, mapped, len);
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	return (before == 4 || before == 6) && *family == before;
}

static int http_slot_row(const void *mapped, struct source_reader *r)
{
	struct src_stats st = { 0 };
	struct src_http_slot s;

	if (!slot_copy(&s, mapped, sizeof(s)))
		return 0;
#define GH_SRC_COPY(name) st.name = s.c.name;
	SRC_HTTP_FIELDS(GH_SRC_COPY)
#undef GH_SRC_COPY
	if (s.c.last_seen_ns)
		st.last_seen_ns = s.c.last_seen_ns + r->boot_offset;
	return row_join(r, s.key.family, s.key.addr, &st);
}

static int slot_row(const void *mapped, struct source_reader *r)
{
	struct src_stats st = { 0 };
	struct src_slot s;

	if (!slot_copy(&s, mapped, sizeof(s)))
		return 0;
	st.packets = s.packets;
	st.syns = s.syns;
	if (s.last_syn_ns)
		st.last_seen_ns = s.last_syn_ns + r->boot_offset;
	return row_join(r, s.key.family, s.key.addr, &st);
}

static void table_unmap(struct mapped_table *t)
{
	if (t->id)
		munmap((void *)t->mem, t->len);
	*t = (struct mapped_table){ 0 };
}

/*
 * t mapped read-only onto the table pinned as name, kept from the last
 * read unless another map is pinned there now (the gate reloaded over new
 * pins); t->id 0 when nothing is pinned.
 */
static int table_map(struct source_reader *r, const char *name, size_t slot_size,
		     struct mapped_table *t)
{
	int fd = pin_open_at(r->dir_fd, name), err;
	struct map_shape now;

	if (fd == -ENOENT) {
		table_unmap(t);
		return 0;
	}
	if (fd < 0)
		return fd;
	err = map_shape_get(fd, &now);
	if (!err && (!t->id || now.id != t->id)) {
		table_unmap(t);
		err = map_mmap_read(fd, &t->shape, (const void **)&t->mem, &t->len);
		if (!err && t->shape.value_size != ((slot_size + 7) & ~(size_t)7)) {
			munmap((void *)t->mem, t->len);
			err = -EINVAL;
		}
		if (!err)
			t->id = t->shape.id;
	}
	close(fd);
	return err;
}

/* Slot i of a mapped table joined when it holds a source. */
static int slot_read(struct source_reader *r, const struct mapped_table *t, size_t i,
		     slot_row_fn fn)
{
	const struct src_key *k = (const void *)(t->mem + i * t->shape.value_size);

	return k->family ? fn(k, r) : 0;
}

/*
 * Every used slot of a mapped table, every CPU's region, joined by address:
 * the slots whose bits its used bitmap has set (gatehawk/sources.h), or,
 * without a bitmap that covers the table (pins an older gatehawk made),
 * every slot, one byte read of each that was never used.
 */
static int table_read(struct source_reader *r, const struct mapped_table *t,
		      const struct mapped_table *used, slot_row_fn fn)
{
	const uint64_t *bits = (const uint64_t *)used->mem;
	uint32_t words = t->shape.max_entries / 64;
	int err = 0;

	if (!t->id)
		return 0;
	if (!used->id || used->shape.max_entries < words || t->shape.max_entries % 64) {
		for (uint32_t i = 0; i < t->shape.max_entries && !err; i++)
			err = slot_read(r, t, i, fn);
		return err;
	}
	for (uint32_t w = 0; w < words && !err; w++) {
		/* Acquire: a program sets the bit before it publishes the slot. */
		uint64_t word = __atomic_load_n(&bits[w], __ATOMIC_ACQUIRE);

		for (; word && !err; word &= word - 1)
			err = slot_read(r, t, (size_t)w * 64 + (size_t)__builtin_ctzll(word), fn);
	}
	return err;
}

/*
 * Whether the pins must be looked up again: always without a watch, else
 * when the watch saw a pin made or removed since the last look (its events
 * drained first, so a change after the look is seen at the next read).
 */
static bool pins_may_have_changed(struct source_reader *r)
{
	return gh_pin_watch_drain(&r->watch) || !r->mapped;
}

/* Every table and bitmap mapped as pinned now (table_map). */
static int reader_map(struct source_reader *r)
{
	int err = table_map(r, "src_http_slots", sizeof(struct src_http_slot), &r->http) ?:
		  table_map(r, "src_http_used", sizeof(uint64_t), &r->http_used) ?:
		  table_map(r, "src_slots", sizeof(struct src_slot), &r->gate) ?:
		  table_map(r, "src_slots_used", sizeof(uint64_t), &r->gate_used);

	r->mapped = !err;
	return err;
}

/* Both tables joined into r->rows: one row per address, in no order. */
static int reader_read(struct source_reader *r)
{
	r->n = 0;
	if (r->index)
		memset(r->index, 0, r->index_cap * sizeof(*r->index));
	r->boot_offset = gh_boottime_ns() - gh_clock_ns(CLOCK_MONOTONIC);
	return (pins_may_have_changed(r) ? reader_map(r) : 0) ?:
	       table_read(r, &r->http, &r->http_used, http_slot_row) ?:
	       table_read(r, &r->gate, &r->gate_used, slot_row);
}

/* What a reader holds, but the directory and its watch. */
static void reader_release(struct source_reader *r)
{
	table_unmap(&r->gate);
	table_unmap(&r->http);
	table_unmap(&r->gate_used);
	table_unmap(&r->http_used);
	free(r->rows);
	free(r->index);
}

int source_reader_open(const char *pin_dir, struct source_reader **out)
{
	struct source_reader *r;
	int fd = sources_open(pin_dir);
	char dir[64];

	if (fd < 0)
		return fd;
	r = calloc(1, sizeof(*r));
	if (!r) {
		close(fd);
		return -ENOMEM;
	}
	r->dir_fd = fd;
	snprintf(dir, sizeof(dir), "/proc/self/fd/%d", fd);
	gh_pin_watch_open(&r->watch, dir, GH_PIN_WATCH_PINS);
	*out = r;
	return 0;
}

void source_reader_close(struct source_reader *r)
{
	if (!r)
		return;
	reader_release(r);
	gh_pin_watch_close(&r->watch);
	close(r->dir_fd);
	free(r);
}

int source_reader_foreach(struct source_reader *r, source_visit_fn fn, void *ctx)
{
	int err = reader_read(r);

	for (size_t i = 0; i < r->n && !err; i++)
		err = fn(&r->rows[i], ctx);
	return err;
}

int sources_read_all(int fd, struct source_row **rows, size_t *n)
{
	struct source_reader r = { .dir_fd = fd, .watch.fd = -1 };
	int err = reader_read(&r);

	if (!err && r.n)
		qsort(r.rows, r.n, sizeof(*r.rows), source_addr_cmp);
	if (!err) {
		*rows = r.rows;
		*n = r.n;
		r.rows = NULL;
	}
	reader_release(&r);
	return err;
}

int source_addr_cmp(const void *a, const void *b)
{
	const struct source_row *ra = a, *rb = b;

	if (ra->addr.family != rb->addr.family)
		return ra->addr.family - rb->addr.family;
	return memcmp(ra->addr.bytes, rb->addr.bytes, sizeof(ra->addr.bytes));
}

/* A per-CPU bookkeeping map summed; zeros when not pinned. */
static int meta_sum(const char *pin_dir, const char *name, void *sum, size_t size)
{
	int fd = gh_pin_open(pin_dir, name), err;

	memset(sum, 0, size);
	if (fd == -ENOENT)
		return 0;
	if (fd < 0)
		return fd;
	err = map_percpu_sum(fd, 0, sum, size);
	close(fd);
	return err;
}

int source_slots_meta(const char *pin_dir, struct src_slot_meta *sum)
{
	return meta_sum(pin_dir, "src_slot_meta", sum, sizeof(*sum));
}

/* The seed and unslotted.last_seen_ns are summed too: meaningless, and unread. */
int source_http_meta(const char *pin_dir, struct src_http_meta *sum)
{
	return meta_sum(pin_dir, "src_http_meta", sum, sizeof(*sum));
}

bool slot_watch_step(struct slot_watch *w, uint64_t now_ns, uint64_t passed, uint64_t lost,
		     uint64_t *d_passed, uint64_t *d_lost)
{
	bool fresh = !w->primed || passed < w->passed || lost < w->lost;
	bool due;

	*d_passed = fresh ? 0 : passed - w->passed;
	*d_lost = fresh ? 0 : lost - w->lost;
	w->passed = passed;
	w->lost = lost;
	w->primed = true;
	/* Both sides in 128 bits: counters of a long-lived gate times 100. */
	due = *d_passed >= GH_SLOT_WATCH_MIN_PASSED &&
	      (unsigned __int128)*d_lost * 100 >
		      (unsigned __int128)*d_passed * GH_SLOT_WATCH_SHARE_PCT &&
	      (!w->warned_ns || now_ns - w->warned_ns >= GH_SLOT_WATCH_QUIET_S * 1000000000ULL);
	if (due)
		w->warned_ns = now_ns;
	return due;
}
