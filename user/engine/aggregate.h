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

/*
 * The state of an AGG_IN_HASH aggregate is the window's struct value_set
 * (value_set.h: the window keeps the values itself); any other's, one of
 * these, per window and, in a sliding window, per bucket of it.
 */
struct agg_word {
	uint64_t v; /* hits, sum or the extreme */
	uint64_t n; /* min, max: values in it (0 means none); unused by totals */
};

struct agg_def {
	const char *name;         /* "fn" in the policy */
	enum agg_input input;
	unsigned int field_types; /* REQ_TYPE bits its field may have; 0: it takes no field */
	const char *field_what;   /* "a numeric record field": what the parser asks for */
	/* Fold a value into a word. NULL: no word (count; distinct keeps a value set). */
	void (*add)(struct agg_word *a, uint64_t v);
	/*
	 * A sliding window's bucket keeps a part of the word, part_words long: 1
	 * for a total (its sum), 2 for an extreme (the word: min and max need its
	 * count). part_add folds a value into a part.
	 */
	uint8_t part_words;
	void (*part_add)(uint64_t *part, uint64_t v);
	/* Fold a part in: a sliding window's totals are the sum of its buckets. */
	void (*merge)(struct agg_word *a, const uint64_t *part);
	/*
	 * Take a part out again (its bucket left). false: the word cannot tell
	 * what is left without the other parts (the extreme left); the window
	 * rebuilds it by merging the buckets it still holds.
	 */
	bool (*unmerge)(struct agg_word *a, const uint64_t *part);
	/* The value having and the evidence see; state a word or a value set, n the records. */
	double (*view)(const void *state, uint64_t n);
};

extern const struct agg_def agg_defs[AGG_FN_COUNT];

/* The name policies use ("count", ...). */
const char *agg_fn_name(enum agg_fn fn);

#endif /* GATEHAWK_AGGREGATE_H */
