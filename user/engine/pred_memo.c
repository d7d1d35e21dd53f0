// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Scan results per field value (pred_memo.h). */
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "engine/pred_memo.h"

#define SHORT_SLOTS 1024
#define SHORT_TEXT 46 /* with the header, 64 bytes a slot */
#define LONG_SLOTS 256
#define MEMO_SEED 0x6a09e667f3bcc908ULL

struct memo_entry {
	uint64_t hash;
	uint16_t len;
	uint8_t nhits;
	uint32_t hits[PRED_MEMO_HITS]; /* regex ids */
	char text[];                   /* SHORT_TEXT or PRED_MEMO_LONG bytes */
};

#define SHORT_STRIDE (sizeof(struct memo_entry) + SHORT_TEXT)
#define LONG_STRIDE (sizeof(struct memo_entry) + PRED_MEMO_LONG)

struct pred_memo {
	unsigned char slots[SHORT_SLOTS * SHORT_STRIDE + LONG_SLOTS * LONG_STRIDE];
};

struct pred_memo *pred_memo_new(void)
{
	return calloc(1, sizeof(struct pred_memo));
}

void pred_memo_free(struct pred_memo *m)
{
	free(m);
}

/* The slot for a value of this length and hash (len at most PRED_MEMO_LONG). */
static struct memo_entry *slot(const struct pred_memo *m, size_t len, uint64_t h)
{
	const unsigned char *at = len <= SHORT_TEXT
					  ? m->slots + (h & (SHORT_SLOTS - 1)) * SHORT_STRIDE
					  : m->slots + SHORT_SLOTS * SHORT_STRIDE +
						    (h & (LONG_SLOTS - 1)) * LONG_STRIDE;

	return (struct memo_entry *)at;
}

int pred_memo_get(const struct pred_memo *m, struct gh_str s, const uint32_t **hits)
{
	const struct memo_entry *e;
	uint64_t h;

	if (s.len > PRED_MEMO_LONG)
		return -1;
	h = gh_hash_bytes(s.p, s.len, MEMO_SEED);
	e = slot(m, s.len, h);
	if (e->hash != h || e->len != s.len || memcmp(e->text, s.p, s.len))
		return -1;
	*hits = e->hits;
	return e->nhits;
}

void pred_memo_put(struct pred_memo *m, struct gh_str s, const int *ids, size_t n)
{
	struct memo_entry *e;
	uint64_t h;

	if (s.len > PRED_MEMO_LONG || n > PRED_MEMO_HITS)
		return;
	h = gh_hash_bytes(s.p, s.len, MEMO_SEED);
	e = slot(m, s.len, h);
	e->hash = h;
	e->len = (uint16_t)s.len;
	e->nhits = (uint8_t)n;
	for (size_t i = 0; i < n; i++)
		e->hits[i] = (uint32_t)ids[i];
	memcpy(e->text, s.p, s.len);
}
