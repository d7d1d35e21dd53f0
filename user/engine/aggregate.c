// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include "engine/aggregate.h"
#include "engine/multiset.h"
#include "input/request.h"

#define NUMERIC_TYPES (REQ_TYPE_BIT(REQ_TYPE_NUM) | REQ_TYPE_BIT(REQ_TYPE_BOOL))

static double count_view(const void *state, uint64_t n)
{
	(void)state;
	return (double)n;
}

/* ratio (hits, where v is 1) and sum: a running total, exact both ways. */
static int total_add(void *state, uint64_t v, uint32_t limit)
{
	struct agg_word *a = state;

	(void)limit;
	a->v += v;
	a->n++;
	return 0;
}

static bool total_remove(void *state, uint64_t v)
{
	struct agg_word *a = state;

	a->v -= v;
	a->n--;
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

static int distinct_add(void *state, uint64_t v, uint32_t limit)
{
	return multiset_add(state, v, limit);
}

static bool distinct_remove(void *state, uint64_t v)
{
	multiset_remove(state, v);
	return true;
}

static double distinct_view(const void *state, uint64_t n)
{
	(void)n;
	return ((const struct multiset *)state)->used;
}

/*
 * min and max keep only the extreme: when the record holding it leaves a
 * sliding window the state cannot know the next one, so remove says so and
 * the window rebuilds it from its records (window.c says why not a deque).
 */
static int min_add(void *state, uint64_t v, uint32_t limit)
{
	struct agg_word *a = state;

	(void)limit;
	if (!a->n++ || v < a->v)
		a->v = v;
	return 0;
}

static int max_add(void *state, uint64_t v, uint32_t limit)
{
	struct agg_word *a = state;

	(void)limit;
	if (!a->n++ || v > a->v)
		a->v = v;
	return 0;
}

static bool extreme_remove(void *state, uint64_t v)
{
	struct agg_word *a = state;

	return --a->n == 0 || v != a->v;
}

/* None of the field in the window: 0, as sum has it (the view is always a number). */
static double extreme_view(const void *state, uint64_t n)
{
	const struct agg_word *a = state;

	(void)n;
	return a->n ? (double)a->v : 0;
}

const struct agg_def agg_defs[AGG_FN_COUNT] = {
	[AGG_COUNT] = { "count", AGG_IN_NONE, 0, NULL, NULL, NULL, count_view },
	[AGG_DISTINCT] = { "distinct", AGG_IN_HASH, REQ_TYPES_ANY, "a record field", distinct_add,
			   distinct_remove, distinct_view },
	[AGG_RATIO] = { "ratio", AGG_IN_WHERE, 0, NULL, total_add, total_remove, ratio_view },
	[AGG_SUM] = { "sum", AGG_IN_NUMBER, NUMERIC_TYPES, "a numeric record field", total_add,
		      total_remove, word_view },
	[AGG_MIN] = { "min", AGG_IN_NUMBER, NUMERIC_TYPES, "a numeric record field", min_add,
		      extreme_remove, extreme_view },
	[AGG_MAX] = { "max", AGG_IN_NUMBER, NUMERIC_TYPES, "a numeric record field", max_add,
		      extreme_remove, extreme_view },
};

const char *agg_fn_name(enum agg_fn fn)
{
	return agg_defs[fn].name;
}
