// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/open_addr.h"
#include "engine/multiset.h"

static inline uint32_t home_of(uint64_t k, uint32_t mask)
{
	return (uint32_t)(k ^ (k >> 32)) & mask;
}

_Static_assert(offsetof(struct multiset_entry, key) == 0, "gh_open_addr reads the key first");

/* Twice the room, onto the heap; the first buffer is the caller's, later ones freed. */
static int grow(struct multiset *m)
{
	int err = gh_open_addr_double((void **)&m->e, &m->mask, sizeof(*m->e), m->heap, home_of);

	m->heap |= !err;
	return err;
}

int multiset_add(struct multiset *m, uint64_t k, uint32_t limit)
{
	uint32_t i;

	for (i = home_of(k, m->mask); m->e[i].key; i = (i + 1) & m->mask)
		if (m->e[i].key == k) {
			m->e[i].count++;
			return 0;
		}
	if (m->used >= limit)
		return 1;
	if ((m->used + 1) * 2 > m->mask + 1 && grow(m))
		return -ENOMEM;
	for (i = home_of(k, m->mask); m->e[i].key; i = (i + 1) & m->mask)
		;
	m->e[i].key = k;
	m->e[i].count = 1;
	m->used++;
	return 0;
}

void multiset_remove(struct multiset *m, uint64_t k)
{
	uint32_t i;

	for (i = home_of(k, m->mask); m->e[i].key != k; i = (i + 1) & m->mask)
		if (!m->e[i].key)
			return;
	if (--m->e[i].count)
		return;
	gh_open_addr_delete(m->e, m->mask, sizeof(*m->e), i, home_of);
	m->used--;
}

void multiset_clear(struct multiset *m)
{
	memset(m->e, 0, (m->mask + 1) * sizeof(*m->e));
	m->used = 0;
}
