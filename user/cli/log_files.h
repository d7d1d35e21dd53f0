/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Reading whole access logs into records, for the commands that take log
 * FILEs (replay, outliers): the inputs checked first, then each file's lines
 * parsed and handed on, rejected lines counted.
 */
#ifndef GATEHAWK_CLI_LOG_FILES_H
#define GATEHAWK_CLI_LOG_FILES_H

#include "input/log_parser.h"
#include "input/log_reader.h"

struct cli_log_counts {
	struct log_line_stats lines;
	uint64_t malformed; /* lines the format does not read */
};

/*
 * Every FILE readable and '-' (stdin) at most once, before any is read: a
 * typo must not cost a long run. Errors reported (exit 2), prefixed by cmd.
 */
int cli_check_log_files(const char *cmd, char **files, int n);

/*
 * Parse every line of path ('-': stdin) and pass each record to fn; a
 * negative return of fn stops the read and is returned unreported (the caller
 * knows what failed). 0, or a read error, reported.
 */
int cli_read_log(const char *cmd, const char *path, const struct log_parser *p,
		 int (*fn)(const struct request_record *r, void *ctx), void *ctx,
		 struct cli_log_counts *counts);

/* Lines rejected for any reason. */
static inline uint64_t cli_log_rejected(const struct cli_log_counts *c)
{
	return c->malformed + c->lines.too_long + c->lines.binary;
}

#endif /* GATEHAWK_CLI_LOG_FILES_H */
