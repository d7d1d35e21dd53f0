// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "base/clock.h"
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

struct row_list {
	struct source_row *v;
	size_t n, cap;
};

static struct source_row *row_add(struct row_list *l, int family, const __u8 *addr)
{
	struct source_row *r;

	if (gh_vec_reserve((void **)&l->v, &l->cap, l->n, sizeof(*l->v), 1024))
		return NULL;
	r = &l->v[l->n++];
	memset(r, 0, sizeof(*r));
	gh_addr_from_bytes(&r->addr, family == 4 ? AF_INET : AF_INET6, addr);
	return r;
}

struct read_ctx {
	struct row_list *rows;
	uint64_t boot_offset; /* boottime - monotonic now: the time spent suspended */
};

/* Counters summed, the later last_seen_ns kept. */
static void stats_add(struct src_stats *into, const struct src_stats *s)
{
#define GH_SRC_SUM(name) into->name += s->name;
	SRC_STATS_FIELDS(GH_SRC_SUM)
#undef GH_SRC_SUM
	if (s->last_seen_ns > into->last_seen_ns)
		into->last_seen_ns = s->last_seen_ns;
}

/*
 * A slot of the mapped table, copied first: a program may take it over for
 * another source while it is read. Adds a row if it holds a source.
 */
typedef int (*slot_row_fn)(const void *mapped, struct read_ctx *c);

static int http_slot_row(const void *mapped, struct read_ctx *c)
{
	struct src_http_slot s;
	struct source_row *row;

	memcpy(&s, mapped, sizeof(s));
	if (s.key.family != 4 && s.key.family != 6)
		return 0;
	row = row_add(c->rows, s.key.family, s.key.addr);
	if (!row)
		return -ENOMEM;
#define GH_SRC_COPY(name) row->s.name = s.c.name;
	SRC_HTTP_FIELDS(GH_SRC_COPY)
#undef GH_SRC_COPY
	if (s.c.last_seen_ns)
		row->s.last_seen_ns = s.c.last_seen_ns + c->boot_offset;
	return 0;
}

static int slot_row(const void *mapped, struct read_ctx *c)
{
	struct src_slot s;
	struct source_row *row;

	memcpy(&s, mapped, sizeof(s));
	if (s.key.family != 4 && s.key.family != 6)
		return 0;
	row = row_add(c->rows, s.key.family, s.key.addr);
	if (!row)
		return -ENOMEM;
	row->s.packets = s.packets;
	row->s.syns = s.syns;
	if (s.last_syn_ns)
		row->s.last_seen_ns = s.last_syn_ns + c->boot_offset;
	return 0;
}

/*
 * Every used slot of the named table, every CPU's region, read in place
 * through a read-only mapping; a table not pinned adds none.
 */
static int read_table(int dir_fd, const char *name, size_t slot_size, slot_row_fn fn,
		      struct read_ctx *c)
{
	int fd = pin_open_at(dir_fd, name), err;
	struct map_shape shape;
	const char *mem;
	size_t len;

	if (fd == -ENOENT)
		return 0;
	if (fd < 0)
		return fd;
	err = map_mmap_read(fd, &shape, (const void **)&mem, &len);
	close(fd);
	if (err)
		return err;
	if (shape.value_size != ((slot_size + 7) & ~(size_t)7))
		err = -EINVAL;
	for (uint32_t i = 0; i < shape.max_entries && !err; i++) {
		const struct src_key *k = (const void *)(mem + (size_t)i * shape.value_size);

		/* Most slots of a quiet host were never used: one byte read each. */
		if (k->family)
			err = fn(k, c);
	}
	munmap((void *)mem, len);
	return err;
}

/* Both tables joined: one row per address, sorted by address. */
static int read_joined(int dir_fd, struct row_list *l)
{
	struct read_ctx c = { l, gh_boottime_ns() - gh_clock_ns(CLOCK_MONOTONIC) };
	size_t out = 0;
	int err;

	err = read_table(dir_fd, "src_http_slots", sizeof(struct src_http_slot), http_slot_row,
			 &c) ?:
	      read_table(dir_fd, "src_slots", sizeof(struct src_slot), slot_row, &c);
	if (err)
		return err;
	if (l->n)
		qsort(l->v, l->n, sizeof(*l->v), source_addr_cmp);
	/* Rows of one address are adjacent now: fold them into the first. */
	for (size_t i = 0; i < l->n; i++) {
		if (out && !source_addr_cmp(&l->v[out - 1], &l->v[i]))
			stats_add(&l->v[out - 1].s, &l->v[i].s);
		else
			l->v[out++] = l->v[i];
	}
	l->n = out;
	return 0;
}

int sources_foreach(int fd, source_visit_fn fn, void *ctx)
{
	struct row_list l = { 0 };
	int err = read_joined(fd, &l);

	for (size_t i = 0; i < l.n && !err; i++)
		err = fn(&l.v[i], ctx);
	free(l.v);
	return err;
}

int sources_read_all(int fd, struct source_row **rows, size_t *n)
{
	struct row_list l = { 0 };
	int err = read_joined(fd, &l);

	if (err) {
		free(l.v);
		return err;
	}
	*rows = l.v;
	*n = l.n;
	return 0;
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

bool slot_watch_step(struct slot_watch *w, uint64_t now_ns, uint64_t passed, uint64_t unslotted,
		     uint64_t *d_passed, uint64_t *d_unslotted)
{
	bool fresh = !w->primed || passed < w->passed || unslotted < w->unslotted;
	bool due;

	*d_passed = fresh ? 0 : passed - w->passed;
	*d_unslotted = fresh ? 0 : unslotted - w->unslotted;
	w->passed = passed;
	w->unslotted = unslotted;
	w->primed = true;
	/* Both sides in 128 bits: counters of a long-lived gate times 100. */
	due = *d_passed >= GH_SLOT_WATCH_MIN_PASSED &&
	      (unsigned __int128)*d_unslotted * 100 >
		      (unsigned __int128)*d_passed * GH_SLOT_WATCH_SHARE_PCT &&
	      (!w->warned_ns || now_ns - w->warned_ns >= GH_SLOT_WATCH_QUIET_S * 1000000000ULL);
	if (due)
		w->warned_ns = now_ns;
	return due;
}
