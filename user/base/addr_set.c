// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdlib.h>

#include "base/addr_set.h"
#include "base/hash.h"

#define ADDR_SET_MIN_CAP 1024

/* The slot holding a, or the empty slot where it belongs. */
static struct gh_addr *find_slot(struct gh_addr *slots, size_t cap, const struct gh_addr *a)
{
	size_t i = gh_hash_bytes(a->bytes, gh_addr_len(a), a->family) & (cap - 1);

	while (slots[i].family && !gh_addr_equal(&slots[i], a))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int grow(struct addr_set *s)
{
	size_t cap = s->cap ? s->cap * 2 : ADDR_SET_MIN_CAP;
	struct gh_addr *slots = calloc(cap, sizeof(*slots));

	if (!slots)
		return -ENOMEM;
	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i].family)
			*find_slot(slots, cap, &s->slots[i]) = s->slots[i];
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
	return 0;
}

int addr_set_add(struct addr_set *s, const struct gh_addr *a)
{
	struct gh_addr *slot;
	int err;

	if (s->count * 2 >= s->cap && (err = grow(s)))
		return err;
	slot = find_slot(s->slots, s->cap, a);
	if (slot->family)
		return 0;
	*slot = *a;
	s->count++;
	return 1;
}

bool addr_set_has(const struct addr_set *s, const struct gh_addr *a)
{
	return s->cap && find_slot(s->slots, s->cap, a)->family;
}

void addr_set_free(struct addr_set *s)
{
	free(s->slots);
	*s = (struct addr_set){ 0 };
}
