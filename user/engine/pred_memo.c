// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Scan results per field value (pred_memo.h). */
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "engine/pred_memo.h"

#define SHORT_SETS 512
#define SHORT_TEXT 32 /* with the header, 96 bytes an entry: a line and a half */
#define LONG_SETS 128
#define WAYS 2

#define SHORT_STRIDE (sizeof(struct pred_memo_entry) + SHORT_TEXT)
#define LONG_STRIDE (sizeof(struct pred_memo_entry) + PRED_MEMO_LONG)

struct pred_memo {
	unsigned char slots[(SHORT_SETS * SHORT_STRIDE + LONG_SETS * LONG_STRIDE) * WAYS];
};

struct pred_memo *pred_memo_new(void)
{
	return calloc(1, sizeof(struct pred_memo));
}

void pred_memo_free(struct pred_memo *m)
{
	free(m);
}

/* The first entry of the set for a value of this length and hash (at most PRED_MEMO_LONG). */
static struct pred_memo_entry *set_of(struct pred_memo *m, size_t len, uint64_t h, size_t *stride)
{
	unsigned char *at;

	if (len <= SHORT_TEXT) {
		*stride = SHORT_STRIDE;
		at = m->slots + (h & (SHORT_SETS - 1)) * WAYS * SHORT_STRIDE;
	} else {
		*stride = LONG_STRIDE;
		at = m->slots + SHORT_SETS * WAYS * SHORT_STRIDE +
		     (h & (LONG_SETS - 1)) * WAYS * LONG_STRIDE;
	}
	return (struct pred_memo_entry *)at;
}

static struct pred_memo_entry *way(struct pred_memo_entry *set, size_t stride, unsigned int w)
{
	return (struct pred_memo_entry *)((unsigned char *)set + w * stride);
}

uint64_t pred_memo_hash(struct gh_str s)
{
	return gh_hash_bytes(s.p, s.len, PRED_MEMO_SEED);
}

struct pred_memo_entry *pred_memo_find(struct pred_memo *m, struct gh_str s, uint64_t h)
{
	struct pred_memo_entry *set;
	size_t stride;

	if (s.len > PRED_MEMO_LONG)
		return NULL;
	set = set_of(m, s.len, h, &stride);
	for (unsigned int w = 0; w < WAYS; w++) {
		struct pred_memo_entry *e = way(set, stride, w);

		if (e->hash == h && e->len == s.len && !memcmp(e->text, s.p, s.len)) {
			set->recent = (uint8_t)w;
			return e;
		}
	}
	return NULL;
}

struct pred_memo_entry *pred_memo_claim(struct pred_memo *m, struct gh_str s, uint64_t h)
{
	struct pred_memo_entry *set, *e;
	unsigned int victim;
	size_t stride;

	if (s.len > PRED_MEMO_LONG)
		return NULL;
	set = set_of(m, s.len, h, &stride);
	/* Two popular values of one set both stay: the one used last is kept. */
	victim = set->recent ^ 1U;
	e = way(set, stride, victim);
	e->hash = h;
	e->len = (uint16_t)s.len;
	e->nhits = e->tag = e->known = 0;
	memcpy(e->text, s.p, s.len);
	set->recent = (uint8_t)victim;
	return e;
}

bool pred_memo_learn(struct pred_memo_entry *e, uint8_t pass, const int *ids, size_t n)
{
	if (n > (size_t)(PRED_MEMO_HITS - e->nhits))
		return false;
	for (size_t i = 0; i < n; i++)
		e->hits[e->nhits++] = (uint32_t)ids[i];
	e->known |= pass;
	return true;
}

int pred_memo_get(struct pred_memo *m, struct gh_str s, uint64_t h, const uint32_t **hits)
{
	struct pred_memo_entry *e = pred_memo_find(m, s, h);

	if (!e || !(e->known & 1))
		return -1;
	*hits = e->hits;
	return e->nhits;
}

void pred_memo_put(struct pred_memo *m, struct gh_str s, uint64_t h, const int *ids, size_t n)
{
	struct pred_memo_entry *e = n <= PRED_MEMO_HITS ? pred_memo_claim(m, s, h) : NULL;

	if (e)
		pred_memo_learn(e, 1, ids, n);
}
