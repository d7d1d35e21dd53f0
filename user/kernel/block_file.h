/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Block list files for `gatehawk block add --file`: one entry per line,
 * "CIDR [TTL]", '#' starts a comment, blank lines are ignored.
 */
#ifndef GATEHAWK_BLOCK_FILE_H
#define GATEHAWK_BLOCK_FILE_H

#include <stdio.h>

#include "kernel/gate_maps.h"

/* Lines longer than this are refused rather than split. */
#define GH_BLOCK_FILE_LINE_MAX 512
/* Errors reported before giving up on a file. */
#define GH_BLOCK_FILE_MAX_ERRORS 10

/*
 * Parse the whole file before anything is written. Lines without a TTL get
 * default_ttl_s. Every bad line is reported as "NAME:LINE: what was wrong"
 * (up to GH_BLOCK_FILE_MAX_ERRORS); any error means -EINVAL and no entries.
 * On success *specs is malloc'd (caller frees) and holds *n entries.
 */
int block_file_parse(FILE *f, const char *name, uint64_t default_ttl_s, uint32_t reason,
		     struct block_spec **specs, size_t *n);

#endif /* GATEHAWK_BLOCK_FILE_H */
