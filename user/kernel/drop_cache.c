// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "base/vec.h"
#include "kernel/drop_cache.h"
#include "kernel/map_iter.h"

int drop_cache_invalidate(int gen_fd)
{
	__u32 zero = 0, gen;

	if (gen_fd < 0)
		return 0;
	if (bpf_map_lookup_elem(gen_fd, &zero, &gen))
		return -errno;
	gen++;
	return bpf_map_update_elem(gen_fd, &zero, &gen, BPF_ANY) ? -errno : 0;
}

static int cmp_held(const void *a, const void *b)
{
	const struct held_drops *x = a, *y = b;

	if (x->entry.addr.family != y->entry.addr.family)
		return x->entry.addr.family < y->entry.addr.family ? -1 : 1;
	if (x->entry.prefixlen != y->entry.prefixlen)
		return x->entry.prefixlen < y->entry.prefixlen ? -1 : 1;
	if (x->created_ns != y->created_ns)
		return x->created_ns < y->created_ns ? -1 : 1;
	return memcmp(x->entry.addr.bytes, y->entry.addr.bytes, sizeof(x->entry.addr.bytes));
}

/* The slots that hold drops, one per slot and CPU, keyed by their entry's prefix. */
static int collect(const void *key, const void *value, void *ctx)
{
	struct drop_cache_held *h = ctx;
	int ncpu = libbpf_num_possible_cpus();
	size_t stride = (sizeof(struct drop_cache_slot) + 7) & ~(size_t)7;

	(void)key;
	for (int c = 0; c < ncpu; c++) {
		const struct drop_cache_slot *s = (const void *)((const char *)value + c * stride);
		struct held_drops *d;

		if (!s->held || (s->family != 4 && s->family != 6))
			continue;
		if (gh_vec_reserve((void **)&h->v, &h->cap, h->n, sizeof(*h->v), 64))
			return -ENOMEM;
		d = &h->v[h->n++];
		gh_addr_from_bytes(&d->entry.addr, s->family == 4 ? AF_INET : AF_INET6, s->addr);
		d->entry.prefixlen = s->prefixlen;
		gh_addr_mask(&d->entry.addr, s->prefixlen);
		d->created_ns = s->created_ns;
		d->drops = s->held;
	}
	return 0;
}

int drop_cache_held_read(int cache_fd, struct drop_cache_held *h)
{
	size_t w = 0;
	int err;

	memset(h, 0, sizeof(*h));
	if (cache_fd < 0)
		return 0;
	err = map_iter(cache_fd, collect, h);
	if (err) {
		drop_cache_held_free(h);
		return err;
	}
	/* One row per entry: sources of one prefix, and CPUs, add up. */
	qsort(h->v, h->n, sizeof(*h->v), cmp_held);
	for (size_t r = 0; r < h->n; r++) {
		if (w && !cmp_held(&h->v[w - 1], &h->v[r]))
			h->v[w - 1].drops += h->v[r].drops;
		else
			h->v[w++] = h->v[r];
	}
	h->n = w;
	return 0;
}

uint64_t drop_cache_held_of(const struct drop_cache_held *h, const struct gh_cidr *entry,
			    uint64_t created_ns)
{
	struct held_drops key = { .entry = *entry, .created_ns = created_ns };
	const struct held_drops *d;

	if (!h->n)
		return 0;
	gh_addr_mask(&key.entry.addr, entry->prefixlen);
	d = bsearch(&key, h->v, h->n, sizeof(*h->v), cmp_held);
	return d ? d->drops : 0;
}

void drop_cache_held_free(struct drop_cache_held *h)
{
	free(h->v);
	memset(h, 0, sizeof(*h));
}
