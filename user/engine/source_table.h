/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Every source of a log and its behaviour (struct feature_acc) over the whole
 * input, for `gatehawk outliers`: a source is an address, or its prefix when
 * prefix_v4 / prefix_v6 are shorter than the address. Bounded: records of
 * sources beyond max_sources are counted, not kept. The hashes use one fixed
 * seed, so the same log gives the same vectors on every run.
 */
#ifndef GATEHAWK_SOURCE_TABLE_H
#define GATEHAWK_SOURCE_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "base/addr.h"
#include "engine/features.h"

struct source_entry {
	struct gh_cidr key; /* the address masked to the source prefix */
	struct feature_acc acc;
};

struct source_table {
	uint8_t prefix_v4, prefix_v6;
	size_t max_sources;
	struct source_entry *entries; /* in order of first appearance */
	size_t count, cap;
	uint32_t *index;              /* open addressing: entry number + 1; 0 empty */
	size_t index_cap;
	uint64_t no_source;           /* records without a source address */
	uint64_t over_limit;          /* records of sources beyond max_sources */
};

/* prefix_v4 0..32, prefix_v6 0..128, max_sources 1..UINT32_MAX - 1; -EINVAL otherwise. */
int source_table_init(struct source_table *t, uint8_t prefix_v4, uint8_t prefix_v6,
		      size_t max_sources);
/* Add one record to its source: 0 or -ENOMEM. */
int source_table_add(struct source_table *t, const struct request_record *r);
void source_table_free(struct source_table *t);

/* The sources with at least min_requests records, sorted by address, and their vectors. */
struct source_matrix {
	size_t n, d;
	const struct source_entry **rows; /* n, into the table */
	double *x;                        /* n x d, row-major */
};

/* 0 or -ENOMEM; features fs[0..d) in that order. */
int source_table_matrix(const struct source_table *t, uint32_t min_requests,
			const enum profile_feature *fs, size_t d, struct source_matrix *m);
void source_matrix_free(struct source_matrix *m);

#endif /* GATEHAWK_SOURCE_TABLE_H */
