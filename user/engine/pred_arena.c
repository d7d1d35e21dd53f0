// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The arena of a policy set's predicates (predicate.h): nodes, child arrays,
 * strings and lists packed in 64 KiB chunks, released at once with the set.
 */
#include <stdlib.h>

#include "engine/predicate.h"

#define ARENA_CHUNK (64 * 1024)

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, size;
	_Alignas(16) unsigned char data[];
};

struct pred_arena {
	struct arena_chunk *head;
};

struct pred_arena *pred_arena_new(void)
{
	return calloc(1, sizeof(struct pred_arena));
}

void pred_arena_free(struct pred_arena *a)
{
	if (!a)
		return;
	while (a->head) {
		struct arena_chunk *c = a->head;

		a->head = c->next;
		free(c);
	}
	free(a);
}

void *pred_alloc(struct pred_arena *a, size_t size)
{
	struct arena_chunk *c = a->head;
	void *p;

	size = (size + 15) & ~(size_t)15;
	if (!c || c->size - c->used < size) {
		size_t cap = size > ARENA_CHUNK ? size : ARENA_CHUNK;

		c = calloc(1, sizeof(*c) + cap);
		if (!c)
			return NULL;
		c->size = cap;
		/* A big one-off block goes behind the current chunk, which stays open. */
		if (a->head && size > ARENA_CHUNK) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = c->data + c->used;
	c->used += size;
	return p;
}
