/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* The options every command that reads access logs takes, in one place. */
#ifndef GATEHAWK_CLI_LOG_OPTS_H
#define GATEHAWK_CLI_LOG_OPTS_H

#include "cli/cli.h"
#include "input/log_parser.h"

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

#endif /* GATEHAWK_CLI_LOG_OPTS_H */
