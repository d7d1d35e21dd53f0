/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Block and allow list files (`gatehawk block add --file`, `allow add
 * --file`, `run --allow-file`): one entry per line, "CIDR [TTL]", '#' starts
 * a comment, blank lines are ignored.
 */
#ifndef GATEHAWK_BLOCK_FILE_H
#define GATEHAWK_BLOCK_FILE_H

#include <stdbool.h>
#include <stdio.h>

#include "base/err.h"
#include "kernel/gate_maps.h"

/* Lines longer than this are refused rather than split. */
#define GH_BLOCK_FILE_LINE_MAX 512
/* Errors reported before giving up on a file. */
#define GH_BLOCK_FILE_MAX_ERRORS 10

struct block_file_opts {
	uint64_t default_ttl_s; /* for lines without a TTL */
	uint32_t reason;        /* of every entry */
	/*
	 * Each bad line (up to GH_BLOCK_FILE_MAX_ERRORS), as an input error
	 * whose file and line are set and whose message reads "NAME:LINE: what
	 * was wrong": the library does not print, the caller shows them. NULL:
	 * only the count is reported.
	 */
	void (*bad_line)(const struct gh_err *line_err, void *ctx);
	void *ctx;
	bool no_ttl; /* a TTL on a line is an error (run --allow-file) */
};

/*
 * Parse the whole file before anything is written; any bad line means
 * -EINVAL, no entries and an input error in e that counts them. On success
 * *specs is malloc'd (caller frees) and holds *n entries.
 */
int block_file_parse(FILE *f, const char *name, const struct block_file_opts *o,
		     struct block_spec **specs, size_t *n, struct gh_err *e);

#endif /* GATEHAWK_BLOCK_FILE_H */
