// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Scan results per field value (pred_memo.h). */
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "engine/pred_memo.h"

#define SHORT_SETS 512
#define SHORT_TEXT 32 /* with the header, 64 bytes an entry: one cache line */
#define LONG_SETS 128
#define WAYS 2
#define MEMO_SEED 0x6a09e667f3bcc908ULL

struct memo_entry {
	uint64_t hash; /* 0: empty (gh_hash_bytes never gives 0) */
	uint16_t len;
	uint8_t nhits;
	uint8_t recent; /* the set's first entry: which way was used last */
	uint8_t tag;    /* a client's own answer about the value (pred_memo_get) */
	uint32_t hits[PRED_MEMO_HITS];
	char text[];    /* SHORT_TEXT or PRED_MEMO_LONG bytes */
};

#define SHORT_STRIDE (sizeof(struct memo_entry) + SHORT_TEXT)
#define LONG_STRIDE (sizeof(struct memo_entry) + PRED_MEMO_LONG)

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
static struct memo_entry *set_of(struct pred_memo *m, size_t len, uint64_t h, size_t *stride)
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
	return (struct memo_entry *)at;
}

static struct memo_entry *way(struct memo_entry *set, size_t stride, unsigned int w)
{
	return (struct memo_entry *)((unsigned char *)set + w * stride);
}

uint64_t pred_memo_hash(struct gh_str s)
{
	return gh_hash_bytes(s.p, s.len, MEMO_SEED);
}

int pred_memo_get(struct pred_memo *m, struct gh_str s, uint64_t h, const uint32_t **hits,
		  uint8_t **tag)
{
	struct memo_entry *set;
	size_t stride;

	if (s.len > PRED_MEMO_LONG)
		return -1;
	set = set_of(m, s.len, h, &stride);
	for (unsigned int w = 0; w < WAYS; w++) {
		struct memo_entry *e = way(set, stride, w);

		if (e->hash == h && e->len == s.len && !memcmp(e->text, s.p, s.len)) {
			set->recent = (uint8_t)w;
			*hits = e->hits;
			if (tag)
				*tag = &e->tag;
			return e->nhits;
		}
	}
	return -1;
}

uint8_t *pred_memo_put(struct pred_memo *m, struct gh_str s, uint64_t h, const int *ids,
		       size_t n)
{
	struct memo_entry *set, *e;
	unsigned int victim;
	size_t stride;

	if (s.len > PRED_MEMO_LONG || n > PRED_MEMO_HITS)
		return NULL;
	set = set_of(m, s.len, h, &stride);
	/* Two popular values of one set both stay: the one used last is kept. */
	victim = set->recent ^ 1U;
	e = way(set, stride, victim);
	e->hash = h;
	e->len = (uint16_t)s.len;
	e->nhits = (uint8_t)n;
	e->tag = 0;
	for (size_t i = 0; i < n; i++)
		e->hits[i] = (uint32_t)ids[i];
	memcpy(e->text, s.p, s.len);
	set->recent = (uint8_t)victim;
	return &e->tag;
}
