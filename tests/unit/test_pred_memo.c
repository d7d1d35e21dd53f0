// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The scan memo: a value's pattern ids come back, other bytes of the same
 * length do not borrow them, "matched nothing" is remembered as such, values
 * too long or with too many hits are not remembered, and two values used in
 * turn both stay remembered even where their hashes share a set.
 */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "engine/pred_memo.h"

static struct gh_str str(const char *s)
{
	return (struct gh_str){ s, (uint32_t)strlen(s) };
}

/* Every caller keys a value by pred_memo_hash (a field's, hashed once per record). */
static int get(struct pred_memo *m, struct gh_str s, const uint32_t **hits)
{
	return pred_memo_get(m, s, pred_memo_hash(s), hits);
}

static void put(struct pred_memo *m, struct gh_str s, const int *ids, size_t n)
{
	pred_memo_put(m, s, pred_memo_hash(s), ids, n);
}

static void test_basics(struct pred_memo *m)
{
	const int ids[] = { 7, 42 }, many[PRED_MEMO_HITS + 1] = { 1, 2, 3, 4, 5 };
	static char long_value[PRED_MEMO_LONG + 1], longest[PRED_MEMO_LONG];
	const uint32_t *hits = NULL;
	char copy[] = "/index.php";

	ok(pred_memo_hash(str("/index.php")) == pred_memo_hash(str(copy)),
	   "the key is of the bytes, not where they are");
	ok(pred_memo_hash(str("")) != 0, "never 0 (an empty entry), not even for \"\"");
	ok_eq(get(m, str("/index.php"), &hits), -1, "an unseen value is not remembered");
	put(m, str("/index.php"), ids, 2);
	ok_eq(get(m, str("/index.php"), &hits), 2, "a value put comes back");
	ok(hits && hits[0] == 7 && hits[1] == 42, "with its ids");
	ok_eq(get(m, str("/index.phq"), &hits), -1,
	      "the same length, other bytes: not remembered");
	put(m, str("/about"), NULL, 0);
	ok_eq(get(m, str("/about"), &hits), 0, "matched nothing is remembered as 0");
	put(m, str("/many"), many, PRED_MEMO_HITS + 1);
	ok_eq(get(m, str("/many"), &hits), -1, "more than %d ids: not remembered",
	      PRED_MEMO_HITS);
	memset(long_value, 'a', sizeof(long_value));
	put(m, (struct gh_str){ long_value, sizeof(long_value) }, ids, 1);
	ok_eq(get(m, (struct gh_str){ long_value, sizeof(long_value) }, &hits), -1,
	      "a value over %d bytes is not remembered", PRED_MEMO_LONG);
	memset(longest, 'b', sizeof(longest));
	put(m, (struct gh_str){ longest, sizeof(longest) }, ids, 1);
	ok_eq(get(m, (struct gh_str){ longest, sizeof(longest) }, &hits), 1,
	      "one of %d bytes is", PRED_MEMO_LONG);
}

/*
 * Pairs of values used in turn (a page and its asset, two browsers): with
 * one entry per slot, a pair whose hashes meet would evict each other each
 * time; among thousands of pairs some do, of both tiers.
 */
static void test_pairs(struct pred_memo *m)
{
	char a[80], b[80];
	int lost = 0, id = 1;

	for (int i = 0; i < 4000; i++) {
		const char *pad = i % 2 ? "/a-path-long-enough-for-the-second-tier-of-the-memo" : "";
		const uint32_t *hits;

		snprintf(a, sizeof(a), "/p/%d%s", i, pad);
		snprintf(b, sizeof(b), "/q/%d%s", i, pad);
		put(m, str(a), &id, 1);
		put(m, str(b), NULL, 0);
		for (int round = 0; round < 2; round++)
			lost += get(m, str(a), &hits) != 1 ||
				get(m, str(b), &hits) != 0;
	}
	ok_eq(lost, 0, "4000 pairs used in turn: every lookup is remembered");
}

/*
 * An entry of a field's memo knows its passes one by one: what one pass
 * matched stands beside another's, a pass not learnt is not known, and
 * hits that do not fit leave their pass unknown (scanned again next time).
 */
static void test_passes(struct pred_memo *m)
{
	const int raw[] = { 3 }, decoded[] = { 9, 10 }, many[PRED_MEMO_HITS] = { 1, 2, 3, 4 };
	static char too_long[PRED_MEMO_LONG + 1];
	struct gh_str v = str("/a%2e%2e/b");
	struct pred_memo_entry *e = pred_memo_claim(m, v, pred_memo_hash(v));

	if (!ok(e != NULL, "a value is claimed"))
		return;
	ok(e->known == 0 && e->nhits == 0 && e->tag == 0, "knowing nothing, tag 0");
	e->tag = 7;
	ok(pred_memo_learn(e, 1, raw, 1), "the raw pass is learnt");
	ok(pred_memo_find(m, v, pred_memo_hash(v)) == e, "and found again");
	ok(e->known == 1, "only that pass is known");
	ok(pred_memo_learn(e, 2, decoded, 2), "the decoded pass beside it");
	ok(e->known == 3 && e->nhits == 3 && e->hits[0] == 3 && e->hits[2] == 10,
	   "both known, their hits together");
	ok(!pred_memo_learn(e, 4, many, PRED_MEMO_HITS), "a pass whose hits do not fit is refused");
	ok(e->known == 3 && e->nhits == 3, "and stays unknown, the others untouched");
	ok_eq(e->tag, 7, "the tag is kept");
	e = pred_memo_claim(m, str("/other"), pred_memo_hash(str("/other")));
	ok(e && e->tag == 0 && e->known == 0, "another value's entry starts afresh");
	ok(pred_memo_claim(m, (struct gh_str){ too_long, sizeof(too_long) }, 1) == NULL,
	   "a value too long to keep is never claimed");
}

int main(void)
{
	struct pred_memo *m = pred_memo_new();

	if (!ok(m != NULL, "a memo"))
		return tap_done();
	test_basics(m);
	test_pairs(m);
	test_passes(m);
	pred_memo_free(m);
	return tap_done();
}
