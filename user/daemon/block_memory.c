// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

#include "base/vec.h"
#include "daemon/block_memory.h"

static bool same_prefix(const struct gh_cidr *a, const struct gh_cidr *b)
{
	return a->prefixlen == b->prefixlen && gh_addr_equal(&a->addr, &b->addr);
}

/* Whether a block ending at a (0: never) lasts at least as long as one ending at b. */
static bool lasts_as_long(uint64_t a, uint64_t b)
{
	return !a || (b && a >= b);
}

int block_memory_put(struct block_memory *m, const struct remembered_block *b, uint64_t now_ns)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (same_prefix(&m->v[i].cidr, &b->cidr))
			break;
	if (i < m->n) {
		bool live = !m->v[i].until_ns || now_ns < m->v[i].until_ns;

		if (live && lasts_as_long(m->v[i].until_ns, b->until_ns))
			return 0;
		m->v[i] = *b;
		return 1;
	}
	if (m->max && m->n >= m->max)
		return -E2BIG;
	if (gh_vec_reserve((void **)&m->v, &m->cap, m->n, sizeof(*m->v), 64))
		return -ENOMEM;
	m->v[m->n++] = *b;
	return 1;
}

size_t block_memory_expire(struct block_memory *m, uint64_t now_ns,
			   void (*gone)(const struct remembered_block *b, void *ctx), void *ctx)
{
	size_t kept = 0, ended = 0;

	for (size_t i = 0; i < m->n; i++) {
		if (m->v[i].until_ns && now_ns >= m->v[i].until_ns) {
			if (gone)
				gone(&m->v[i], ctx);
			ended++;
			continue;
		}
		m->v[kept++] = m->v[i];
	}
	m->n = kept;
	return ended;
}

void block_memory_free(struct block_memory *m)
{
	free(m->v);
	*m = (struct block_memory){ 0 };
}
