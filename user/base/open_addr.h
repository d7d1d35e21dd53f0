/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Growing an open-addressing table (linear probing over a power-of-two
 * array whose entries begin with a 64-bit key, 0 when empty), and deleting
 * from it: the one copy of the re-insert and the backward-shift loops. Each
 * table keeps its own probe and insert loops, which know their entries. Inline, so that each table's copy calls its
 * home function directly and copies entries of a known size.
 */
#ifndef GATEHAWK_OPEN_ADDR_H
#define GATEHAWK_OPEN_ADDR_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The slot where key's probe starts in a table of mask + 1 entries. */
typedef uint32_t gh_open_addr_home(uint64_t key, uint32_t mask);

static inline uint64_t gh_open_addr_key(const char *entry)
{
	uint64_t key;

	memcpy(&key, entry, sizeof(key));
	return key;
}

/*
 * A zeroed array of new_cap entries of entry_size bytes (new_cap a power of
 * two, above the number of entries held) with every entry of old (old_cap
 * entries) at the first empty slot from its home. NULL when out of memory;
 * old is left as it was.
 */
static inline void *gh_open_addr_rehash(const void *old, uint32_t old_cap, uint32_t new_cap,
					size_t entry_size, gh_open_addr_home *home)
{
	uint32_t mask = new_cap - 1;
	char *slots = calloc(new_cap, entry_size);

	if (!slots)
		return NULL;
	for (uint32_t i = 0; i < old_cap; i++) {
		const char *entry = (const char *)old + (size_t)i * entry_size;
		uint64_t key = gh_open_addr_key(entry);
		uint32_t j;

		if (!key)
			continue;
		j = home(key, mask);
		while (gh_open_addr_key(slots + (size_t)j * entry_size))
			j = (j + 1) & mask;
		memcpy(slots + (size_t)j * entry_size, entry, entry_size);
	}
	return slots;
}

/*
 * Double the table *slots of *mask + 1 entries: *slots and *mask then say
 * the new array, and the old one is freed when owned (a first buffer may be
 * the caller's). 0 or -ENOMEM (the table untouched).
 */
static inline int gh_open_addr_double(void **slots, uint32_t *mask, size_t entry_size,
				      bool owned, gh_open_addr_home *home)
{
	uint32_t cap = *mask + 1;
	void *grown = gh_open_addr_rehash(*slots, cap, cap * 2, entry_size, home);

	if (!grown)
		return -ENOMEM;
	if (owned)
		free(*slots);
	*slots = grown;
	*mask = cap * 2 - 1;
	return 0;
}

/*
 * Empty slot i of a table of mask + 1 entries: each entry after it, up to
 * the next empty slot, whose probe passes i moves back into the hole, so
 * every probe chain stays unbroken without tombstones. The caller counts
 * the entry gone.
 */
static inline void gh_open_addr_delete(void *slots, uint32_t mask, size_t entry_size, uint32_t i,
				       gh_open_addr_home *home)
{
	char *t = slots;
	static const uint64_t empty;

	for (uint32_t j = (i + 1) & mask; gh_open_addr_key(t + (size_t)j * entry_size);
	     j = (j + 1) & mask) {
		uint32_t h = home(gh_open_addr_key(t + (size_t)j * entry_size), mask);

		if (((j - h) & mask) >= ((j - i) & mask)) {
			memcpy(t + (size_t)i * entry_size, t + (size_t)j * entry_size, entry_size);
			i = j;
		}
	}
	memcpy(t + (size_t)i * entry_size, &empty, sizeof(empty));
}

#endif /* GATEHAWK_OPEN_ADDR_H */
