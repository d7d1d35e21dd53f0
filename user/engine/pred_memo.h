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
 * One memo per field: an entry knows the field's passes (its raw value,
 * each transformation) one by one, as they are asked for, so a record
 * costs one lookup per field, not one per pass.
 *
 * The CRS prefilter keeps its per-field answers in the tag byte of the
 * engine's entry for the value, or in memos of its own (one id: marked).
 */
#ifndef GATEHAWK_PRED_MEMO_H
#define GATEHAWK_PRED_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/request.h"

/*
 * A Referer is a URL, and the pack's shape tests on it (scheme, host, path)
 * all match: a browser's Referer matched five of them, and with 4 here it was
 * scanned on every record (1.7 us a scan). Replaying the benign sets, 2.1 %
 * of passes learned 5-9 hits, none more.
 */
#define PRED_MEMO_HITS 12
#define PRED_MEMO_LONG 512
#define PRED_MEMO_PASSES 8 /* passes (subjects) one entry can know */
#define PRED_MEMO_SEED 0x6a09e667f3bcc908ULL /* pred_memo_hash's */

/*
 * What a memo remembers of one value: which passes over it are known (a
 * field's raw value and its transformations are passes of their own, each a
 * bit) and the patterns they matched, all together at most PRED_MEMO_HITS;
 * and a tag byte where another answer about the value may be kept (0 when
 * the entry is claimed). Valid until the next claim on the same memo.
 */
struct pred_memo_entry {
	uint64_t hash; /* 0: empty (gh_hash_bytes never gives 0) */
	uint16_t len;
	uint8_t nhits;
	uint8_t recent; /* the set's first entry: which way was used last */
	uint8_t tag;
	uint8_t known;  /* passes whose hits are in hits[] */
	uint32_t hits[PRED_MEMO_HITS];
	char text[];    /* the value: the short tier's or PRED_MEMO_LONG bytes */
};

struct pred_memo;

struct pred_memo *pred_memo_new(void);
void pred_memo_free(struct pred_memo *m);
/*
 * The key of value s (gh_hash_bytes with PRED_MEMO_SEED): a record's field
 * hashed once serves each memo that looks it up (a field's passes, the CRS
 * prefilter). Any seed serves, as long as one memo sees one.
 */
uint64_t pred_memo_hash(struct gh_str s);
/* The entry of value s (of key h: pred_memo_hash(s)), or NULL when it is not remembered. */
struct pred_memo_entry *pred_memo_find(struct pred_memo *m, struct gh_str s, uint64_t h);
/*
 * A new entry for s (of key h), nothing known, in place of the older of its
 * set; NULL when s is longer than PRED_MEMO_LONG.
 */
struct pred_memo_entry *pred_memo_claim(struct pred_memo *m, struct gh_str s, uint64_t h);
/*
 * That pass (one bit) matched the n patterns ids: false, and the pass not
 * known, when they do not fit beside the hits already there.
 */
bool pred_memo_learn(struct pred_memo_entry *e, uint8_t pass, const int *ids, size_t n);

/* One pass only (the CRS prefilter's memos): */
/* How many patterns value s (of key h) matched (ids in *hits), or -1 when not remembered. */
int pred_memo_get(struct pred_memo *m, struct gh_str s, uint64_t h, const uint32_t **hits);
/* Remember that s (of key h) matched the n patterns ids (not when n >
 * PRED_MEMO_HITS or s is too long). */
void pred_memo_put(struct pred_memo *m, struct gh_str s, uint64_t h, const int *ids, size_t n);

#endif /* GATEHAWK_PRED_MEMO_H */
