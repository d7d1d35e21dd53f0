/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The regex set's insides, shared by the files that build it (regex_set.c)
 * and evaluate it (predicate.c) only.
 */
#ifndef GATEHAWK_PREDICATE_INTERNAL_H
#define GATEHAWK_PREDICATE_INTERNAL_H

#include <hs/hs.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "engine/predicate.h"

/* What patterns run over: a field (subject id == field id) or a field transformed. */
struct subject {
	uint8_t field;
	uint32_t chain; /* transform.h; 0 for the raw fields */
};

/* A pattern, or a phrase list (then pattern and code are NULL). */
struct regex {
	uint16_t subj;
	bool caseless;
	bool hs; /* matched by its subject's Hyperscan database */
	char *pattern; /* NUL-terminated copy (Hyperscan wants one) */
	size_t len;
	pcre2_code *code;
	struct phrase_list *pl;
};

struct regex_set {
	struct regex *v;
	size_t n, cap;
	struct subject *subj; /* the first REQ_FIELD_COUNT are the raw fields */
	size_t nsubj, subj_cap;
	/* Per subject, from regex_set_compile: */
	hs_database_t **db;
	/*
	 * The pattern or list of each expression in the database. Expressions
	 * have ids of their own: Hyperscan compiles many expressions sharing an
	 * id (a list's phrases) orders of magnitude slower.
	 */
	unsigned int **owner;
	char *cache_dir; /* compiled databases kept here (hs_cache.h); NULL: none */
	uint32_t fields_named; /* REQ_BIT of every field some leaf names */
};

#endif /* GATEHAWK_PREDICATE_INTERNAL_H */
