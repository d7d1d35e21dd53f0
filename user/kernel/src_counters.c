// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "kernel/map_iter.h"
#include "kernel/pins.h"
#include "base/vec.h"
#include "kernel/src_counters.h"

/* One 8-byte-aligned slot per CPU in per-CPU map values. */
#define PERCPU_STRIDE ((sizeof(struct src_stats) + 7) & ~(size_t)7)

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

int sources_open(const char *pin_dir)
{
	return gh_pin_open(pin_dir, "src_stats");
}

struct sum_ctx {
	source_visit_fn fn;
	void *ctx;
	int ncpu;
};

static int sum_one(const void *key, const void *value, void *ctx)
{
	const struct src_key *k = key;
	struct sum_ctx *c = ctx;
	struct source_row row;

	memset(&row, 0, sizeof(row));
	gh_addr_from_bytes(&row.addr, k->family == 4 ? AF_INET : AF_INET6, k->addr);
	for (int cpu = 0; cpu < c->ncpu; cpu++) {
		const struct src_stats *s =
			(const void *)((const char *)value + (size_t)cpu * PERCPU_STRIDE);

#define GH_SRC_SUM(name) row.s.name += s->name;
		SRC_STATS_FIELDS(GH_SRC_SUM)
#undef GH_SRC_SUM
		if (s->last_seen_ns > row.s.last_seen_ns)
			row.s.last_seen_ns = s->last_seen_ns;
	}
	return c->fn(&row, c->ctx);
}

int sources_foreach(int fd, source_visit_fn fn, void *ctx)
{
	struct sum_ctx c = { fn, ctx, libbpf_num_possible_cpus() };

	if (c.ncpu < 0)
		return c.ncpu;
	return map_iter(fd, sum_one, &c);
}

struct row_list {
	struct source_row *v;
	size_t n, cap;
};

static int collect(const struct source_row *row, void *ctx)
{
	struct row_list *l = ctx;
	int err = gh_vec_reserve((void **)&l->v, &l->cap, l->n, sizeof(*l->v), 1024);

	if (!err)
		l->v[l->n++] = *row;
	return err;
}

int sources_read_all(int fd, struct source_row **rows, size_t *n)
{
	struct row_list l = { 0 };
	int err = sources_foreach(fd, collect, &l);

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

int sources_inserted(const char *pin_dir, uint64_t *inserted)
{
	int ncpu = libbpf_num_possible_cpus(), fd, err = 0;
	struct src_meta meta[ncpu > 0 ? ncpu : 1];
	__u32 zero = 0;

	if (ncpu < 0)
		return ncpu;
	fd = gh_pin_open(pin_dir, "src_meta");
	if (fd < 0)
		return fd;
	*inserted = 0;
	if (bpf_map_lookup_elem(fd, &zero, meta))
		err = -errno;
	for (int i = 0; i < ncpu && !err; i++)
		*inserted += meta[i].inserted;
	close(fd);
	return err;
}
