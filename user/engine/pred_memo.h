/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Internal to the engine's matchers: scan results per field value. Paths,
 * user agents and referers repeat (assets, popular pages, a few browsers),
 * and a repeat costs a hash and a compare instead of a Hyperscan pass over hundreds of
 * patterns. An entry keeps the ids of the patterns that matched, not a
 * bitmap, so a subject with hundreds of patterns (a known-exploit pack) is
 * remembered too; a value that matched more than PRED_MEMO_HITS is not.
 *
 * Two tiers: many entries for short values, fewer for values up to
 * PRED_MEMO_LONG bytes (user agents, referers, long paths); longer ones are
 * always scanned. Each tier is two-way set-associative: two popular values
 * whose hashes share a slot would otherwise evict each other on every
 * record. The text is kept and compared, never only its hash, so no crafted
 * collision can borrow another value's answer.
 *
 * The CRS prefilter keeps its per-field answers here too (one id: marked),
 * or in the tag byte of the engine's own entry for the value when it has one.
 */
#ifndef GATEHAWK_PRED_MEMO_H
#define GATEHAWK_PRED_MEMO_H

#include <stddef.h>
#include <stdint.h>

#include "input/request.h"

#define PRED_MEMO_HITS 4
#define PRED_MEMO_LONG 512

struct pred_memo;

struct pred_memo *pred_memo_new(void);
void pred_memo_free(struct pred_memo *m);
/*
 * The key of value s in every memo: a record's field hashed once serves
 * each memo that looks it up (a field's subjects, the CRS prefilter).
 */
uint64_t pred_memo_hash(struct gh_str s);
/*
 * How many patterns value s (of key h: pred_memo_hash(s)) matched when it was scanned (ids in
 * *hits), or -1 when it is not remembered. tag (may be NULL): the entry's tag byte, where
 * another answer about the same value may be kept with it (0 when the entry was put).
 */
int pred_memo_get(struct pred_memo *m, struct gh_str s, uint64_t h, const uint32_t **hits,
		  uint8_t **tag);
/* Remember that s (of key h) matched the n patterns ids (not when n >
 * PRED_MEMO_HITS or s is too long: then NULL); returns the entry's tag byte. */
uint8_t *pred_memo_put(struct pred_memo *m, struct gh_str s, uint64_t h, const int *ids,
		       size_t n);

#endif /* GATEHAWK_PRED_MEMO_H */
