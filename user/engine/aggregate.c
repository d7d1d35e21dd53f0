// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include "engine/aggregate.h"
#include "engine/value_set.h"
#include "input/request.h"

#define NUMERIC_TYPES (REQ_TYPE_BIT(REQ_TYPE_NUM) | REQ_TYPE_BIT(REQ_TYPE_BOOL))

static double count_view(const void *state, uint64_t n)
{
	(void)state;
	return (double)n;
}

/* ratio (hits, where v is 1) and sum: a running total, exact both ways; a part is its sum. */
static void total_add(struct agg_word *a, uint64_t v)
{
	a->v += v;
}

static void total_part_add(uint64_t *part, uint64_t v)
{
	part[0] += v;
}

static void total_merge(struct agg_word *a, const uint64_t *part)
{
	a->v += part[0];
}

static bool total_unmerge(struct agg_word *a, const uint64_t *part)
{
	a->v -= part[0];
	return true;
}

static double ratio_view(const void *state, uint64_t n)
{
	const struct agg_word *a = state;

	return n ? (double)a->v / (double)n : 0;
}

static double word_view(const void *state, uint64_t n)
{
	const struct agg_word *a = state;

	(void)n;
	return (double)a->v;
}

static double distinct_view(const void *state, uint64_t n)
{
	(void)n;
	return ((const struct value_set *)state)->live;
}

/*
 * min and max keep only the extreme: when the bucket holding it leaves a
 * sliding window the word cannot know the next one, so unmerge says so and
 * the window rebuilds it from its buckets (at most WIN_MAX_BUCKETS).
 */
static void min_merge(struct agg_word *a, const uint64_t *part)
{
	const struct agg_word *p = (const struct agg_word *)part;

	if (p->n && (!a->n || p->v < a->v))
		a->v = p->v;
	a->n += p->n;
}

static void max_merge(struct agg_word *a, const uint64_t *part)
{
	const struct agg_word *p = (const struct agg_word *)part;

	if (p->n && (!a->n || p->v > a->v))
		a->v = p->v;
	a->n += p->n;
}

static void min_add(struct agg_word *a, uint64_t v)
{
	min_merge(a, (const uint64_t *)&(struct agg_word){ v, 1 });
}

static void max_add(struct agg_word *a, uint64_t v)
{
	max_merge(a, (const uint64_t *)&(struct agg_word){ v, 1 });
}

static void min_part_add(uint64_t *part, uint64_t v)
{
	min_add((struct agg_word *)part, v);
}

static void max_part_add(uint64_t *part, uint64_t v)
{
	max_add((struct agg_word *)part, v);
}

static bool extreme_unmerge(struct agg_word *a, const uint64_t *part)
{
	const struct agg_word *p = (const struct agg_word *)part;

	a->n -= p->n;
	return !a->n || !p->n || p->v != a->v;
}

/* None of the field in the window: 0, as sum has it (the view is always a number). */
static double extreme_view(const void *state, uint64_t n)
{
	const struct agg_word *a = state;

	(void)n;
	return a->n ? (double)a->v : 0;
}

const struct agg_def agg_defs[AGG_FN_COUNT] = {
	[AGG_COUNT] = { "count", AGG_IN_NONE, 0, NULL, NULL, 0, NULL, NULL, NULL, count_view },
	[AGG_DISTINCT] = { "distinct", AGG_IN_HASH, REQ_TYPES_ANY, "a record field", NULL, 0, NULL,
			   NULL, NULL, distinct_view },
	[AGG_RATIO] = { "ratio", AGG_IN_WHERE, 0, NULL, total_add, 1, total_part_add, total_merge,
			total_unmerge, ratio_view },
	[AGG_SUM] = { "sum", AGG_IN_NUMBER, NUMERIC_TYPES, "a numeric record field", total_add, 1,
		      total_part_add, total_merge, total_unmerge, word_view },
	[AGG_MIN] = { "min", AGG_IN_NUMBER, NUMERIC_TYPES, "a numeric record field", min_add, 2,
		      min_part_add, min_merge, extreme_unmerge, extreme_view },
	[AGG_MAX] = { "max", AGG_IN_NUMBER, NUMERIC_TYPES, "a numeric record field", max_add, 2,
		      max_part_add, max_merge, extreme_unmerge, extreme_view },
};

const char *agg_fn_name(enum agg_fn fn)
{
	return agg_defs[fn].name;
}
