/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The aggregate functions of window policies, one row each in agg_defs:
 * the name policies use, what the parser accepts, what the engine takes
 * from each record and how a window keeps the result. A new aggregate is
 * an enum value, a row and its add/remove/view functions (aggregate.c);
 * the parser, windows and engine read only the row.
 */
#ifndef GATEHAWK_AGGREGATE_H
#define GATEHAWK_AGGREGATE_H

#include <stdbool.h>
#include <stdint.h>

enum agg_fn { AGG_COUNT, AGG_DISTINCT, AGG_RATIO, AGG_SUM, AGG_MIN, AGG_MAX, AGG_FN_COUNT };

/* What the engine takes from each record for an aggregate (win_input). */
enum agg_input {
	AGG_IN_NONE,   /* nothing: the window's record count is enough */
	AGG_IN_WHERE,  /* whether the aggregate's where holds; the value is 1 */
	AGG_IN_HASH,   /* the field's value hash, when the field is present */
	AGG_IN_NUMBER, /* the field's numeric value, when the field is present */
};

/* The state of an AGG_IN_HASH aggregate is a struct multiset; any other, one of these. */
struct agg_word {
	uint64_t v; /* hits, sum or the extreme */
	uint64_t n; /* values in it (min, max: 0 means none) */
};

struct agg_def {
	const char *name;         /* "fn" in the policy */
	enum agg_input input;
	unsigned int field_types; /* REQ_TYPE bits its field may have; 0: it takes no field */
	const char *field_what;   /* "a numeric record field": what the parser asks for */
	/*
	 * Fold a value in: 0, WIN_TRUNCATED (a multiset at limit did not take
	 * it) or -ENOMEM. NULL: nothing to keep (count).
	 */
	int (*add)(void *state, uint64_t v, uint32_t limit);
	/*
	 * Take a value out again (sliding windows). false: the state cannot
	 * tell what is left without the other values (the extreme left); the
	 * window rebuilds it with add over the records it still holds.
	 */
	bool (*remove)(void *state, uint64_t v);
	/* The value having and the evidence see; n: records in the window. */
	double (*view)(const void *state, uint64_t n);
};

extern const struct agg_def agg_defs[AGG_FN_COUNT];

/* The name policies use ("count", ...). */
const char *agg_fn_name(enum agg_fn fn);

#endif /* GATEHAWK_AGGREGATE_H */
