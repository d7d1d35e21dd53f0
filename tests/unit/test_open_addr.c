// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The shared grow of open-addressing tables: entries whose homes collide
 * land one after another, a chain running off the end of the array wraps
 * to its start, every entry (and what it carries) is found after a grow,
 * the first grow from no array at all, and a caller's first buffer is not
 * freed while a grown one is. The shared delete: the entries after a hole
 * whose probe passes it move back (across the end too), those at their
 * home stay, and every entry left is found.
 */
#include <stdlib.h>

#include "tap.h"
#include "base/open_addr.h"

struct entry {
	uint64_t key; /* 0: empty */
	uint64_t value;
};

/* Keys say their home: key >> 8 (bits 0-7 tell keys of one home apart). */
static uint32_t home_in_key(uint64_t key, uint32_t mask)
{
	return (uint32_t)(key >> 8) & mask;
}

static uint64_t key_homed(uint32_t home, uint32_t id)
{
	return (uint64_t)home << 8 | (id + 1);
}

static void insert(struct entry *t, uint32_t mask, uint64_t key)
{
	uint32_t i;

	for (i = home_in_key(key, mask); t[i].key; i = (i + 1) & mask)
		;
	t[i] = (struct entry){ key, key * 3 };
}

/* The slot of key, probing from its home as the tables do; -1 when absent. */
static long find(const struct entry *t, uint32_t mask, uint64_t key)
{
	for (uint32_t i = home_in_key(key, mask); t[i].key; i = (i + 1) & mask)
		if (t[i].key == key)
			return i;
	return -1;
}

static unsigned int count_taken(const struct entry *t, uint32_t cap)
{
	unsigned int n = 0;

	for (uint32_t i = 0; i < cap; i++)
		n += t[i].key != 0;
	return n;
}

/* Three keys of one home, inserted in a table of old_cap (at most 8), rehashed to new_cap. */
static struct entry *three_rehashed(uint32_t home, uint32_t old_cap, uint32_t new_cap)
{
	struct entry old[8] = { 0 };
	struct entry *t;

	for (uint32_t id = 0; id < 3; id++)
		insert(old, old_cap - 1, key_homed(home, id));
	t = gh_open_addr_rehash(old, old_cap, new_cap, sizeof(*t), home_in_key);
	ok(t != NULL, "rehash of three keys homed at %u", home);
	if (t)
		ok_eq(count_taken(t, new_cap), 3, "three slots taken, no more");
	return t;
}

static void test_colliding_homes(void)
{
	struct entry *t = three_rehashed(2, 8, 16);

	if (!t)
		return;
	ok_eq(find(t, 15, key_homed(2, 0)), 2, "first of a home at the home");
	ok_eq(find(t, 15, key_homed(2, 1)), 3, "second of that home in the next slot");
	ok_eq(find(t, 15, key_homed(2, 2)), 4, "third after it");
	free(t);
}

/* Home 7 is the last slot of the grown table of 8 (3 of the old one of 4). */
static void test_wrap_around(void)
{
	struct entry *t = three_rehashed(7, 4, 8);

	if (!t)
		return;
	/* The old array is read from slot 0, so which key comes first here is not said. */
	ok(t[7].key && t[0].key && t[1].key, "the last slot, then slots 0 and 1 taken");
	ok(find(t, 7, key_homed(7, 0)) >= 0 && find(t, 7, key_homed(7, 1)) >= 0 &&
		   find(t, 7, key_homed(7, 2)) >= 0,
	   "all three found from their home across the end");
	free(t);
}

static void test_every_entry_found(void)
{
	struct entry first[64] = { 0 };
	void *slots = first;
	uint32_t mask = 63, missing = 0, wrong_value = 0;
	uint64_t keys[100];

	/* Two doublings, the first from the caller's buffer (not freed: it is on the stack). */
	for (uint32_t n = 0; n < 100; n++) {
		keys[n] = key_homed(n * 37 % 200, n % 5);
		if ((n + 1) * 2 > mask + 1 &&
		    gh_open_addr_double(&slots, &mask, sizeof(struct entry), slots != first,
					home_in_key)) {
			ok(0, "double: out of memory");
			return;
		}
		insert(slots, mask, keys[n]);
	}
	ok(slots != first, "double: grown onto the heap");
	ok_eq(mask, 255, "double: 64 entries doubled twice");
	ok_eq(count_taken(slots, mask + 1), 100, "double: every entry moved once");
	for (uint32_t n = 0; n < 100; n++) {
		long at = find(slots, mask, keys[n]);

		missing += at < 0;
		wrong_value += at >= 0 && ((struct entry *)slots)[at].value != keys[n] * 3;
	}
	ok_eq(missing, 0, "double: every key found from its home");
	ok_eq(wrong_value, 0, "double: every entry kept what it carries");
	free(slots);
}

static void test_first_grow(void)
{
	struct entry *t = gh_open_addr_rehash(NULL, 0, 64, sizeof(*t), home_in_key);

	ok(t != NULL, "rehash from no array");
	if (!t)
		return;
	ok_eq(count_taken(t, 64), 0, "the first array is empty");
	free(t);
}

static void test_delete(void)
{
	struct entry t[8] = { 0 };
	uint64_t a = key_homed(6, 0), b = key_homed(6, 1), c = key_homed(7, 0), d = key_homed(1, 0);

	/* a at 6, b at 7, c (home 7) wraps to 0, d at its home 1. */
	insert(t, 7, a);
	insert(t, 7, b);
	insert(t, 7, c);
	insert(t, 7, d);
	ok(t[6].key == a && t[7].key == b && t[0].key == c && t[1].key == d, "delete: laid out");
	gh_open_addr_delete(t, 7, sizeof(*t), 6, home_in_key);
	ok(t[6].key == b, "delete: b moves back into a's slot, its home's");
	ok(t[7].key == c && t[7].value == c * 3, "delete: c moves back across the end to its home");
	ok(t[0].key == 0, "delete: the last moved entry's slot is emptied");
	ok(t[1].key == d, "delete: d, at its home past the hole's chain, stays");
	ok(find(t, 7, a) < 0 && find(t, 7, b) == 6 && find(t, 7, c) == 7 && find(t, 7, d) == 1,
	   "delete: a gone, every other key found from its home");
	gh_open_addr_delete(t, 7, sizeof(*t), 1, home_in_key);
	ok_eq(count_taken(t, 8), 2, "delete: an entry with no chain after it just empties");
}

int main(void)
{
	test_delete();
	test_colliding_homes();
	test_wrap_around();
	test_every_entry_found();
	test_first_grow();
	return tap_done();
}
