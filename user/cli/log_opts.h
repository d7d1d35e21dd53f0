/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* The options every command that reads access logs takes, in one place. */
#ifndef GATEHAWK_CLI_LOG_OPTS_H
#define GATEHAWK_CLI_LOG_OPTS_H

#include "cli/cli.h"
#include "input/log_parser.h"
#include "input/log_reader.h"

struct cli_log_opts {
	const char *format;     /* NULL: auto */
	const char *log_format; /* NULL: none */
	struct cli_strlist proxies;
	struct trusted_proxies trusted; /* filled by cli_log_parser() */
};

/* The three option-table rows, for a struct cli_log_opts named o. */
#define CLI_LOG_OPTS(o)                                                                  \
	{ "format", "FMT", cli_set_string, &(o).format,                                  \
	  "combined, common, vhost_combined, json or auto (default: auto, per line)" },  \
	{ "log-format", "SPEC", cli_set_string, &(o).log_format,                         \
	  "the site's nginx log_format string (overrides --format)" },                   \
	{ "trusted-proxy", "CIDR", cli_set_strlist, &(o).proxies,                        \
	  "a reverse proxy: its requests are its X-Forwarded-For client's (repeatable)" }

/* Build the parser the options describe; errors reported (exit 2). */
int cli_log_parser(struct cli_log_opts *o, struct log_parser *p);

/* Reading FILE... (a path, or '-' for stdin once) into records, for cmd. */
struct cli_log_run {
	const char *cmd;            /* "replay", "train": messages start with it */
	struct log_parser *parser;
	void (*on_record)(const struct request_record *r, void *ctx);
	/*
	 * Optional: each record as soon as it is parsed, in the reading thread
	 * (before on_record sees it). For work that shares nothing with
	 * on_record's until cli_log_read returns (replay's count of sources).
	 */
	void (*on_parsed)(const struct request_record *r, void *ctx);
	void *ctx;
	/* Read and parse in the caller's thread; by default a reader thread does, beside it. */
	bool single_thread;
	uint64_t malformed;         /* lines the parser refused */
	struct log_line_stats lines; /* over every file */
};

/* Every file readable, '-' at most once; exit 2 otherwise. */
int cli_log_check_inputs(const char *cmd, char **files, int n);
/*
 * Every record of the files, in order, to on_record (always in the caller's
 * thread, so its results do not depend on the reader thread); a read error
 * is exit 1, after the records before it.
 */
int cli_log_read(struct cli_log_run *run, char **files, int n);
/*
 * The note that late records (the engine's late count, engine_late) were
 * left out of windows; nothing when there were none.
 */
void cli_log_note_late(const char *cmd, uint64_t late);
/*
 * The same records in time order (those of one time in the files' order),
 * in the caller's thread: every line is read and kept first (memory: the
 * lines' bytes), then parsed again in order (log_sorted.c). For logs whose
 * records came out of order; regular files only (a pipe is read once). A
 * file that fails ends the reading, and the lines kept before it are still
 * given (the error returned after them). -E2BIG, unreported and with no
 * record given, when the lines would take more than half the machine's RAM.
 * Lines the parser refuses count in malformed; run->lines and on_parsed are
 * not used.
 */
int cli_log_read_sorted(struct cli_log_run *run, char **files, int n);

#endif /* GATEHAWK_CLI_LOG_OPTS_H */
