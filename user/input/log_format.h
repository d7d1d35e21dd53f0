/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Any site's access-log format: an nginx `log_format` string such as
 *   '$remote_addr - $remote_user [$time_local] "$request" $status ...'
 * compiled once into literals and variables, then matched against each line.
 * Variables are read through the same table as JSON-line keys (log_vars.c);
 * nginx variables that carry nothing a policy reads ($request_time,
 * $upstream_*, any other $http_* header...) are skipped; a variable nginx
 * does not have is an error at compile time, never a silent miss.
 *
 * A variable between two quotes is a quoted string (escapes decoded, a
 * quote inside it is escaped); any other runs to the next occurrence of the
 * literal after it, trying later occurrences when the rest of the line
 * then fails to match (bounded), so a $remote_user holding " [" still parses.
 */
#ifndef GATEHAWK_INPUT_LOG_FORMAT_H
#define GATEHAWK_INPUT_LOG_FORMAT_H

#include <stddef.h>

#include "base/err.h"
#include "input/request.h"

struct log_format;

/* Apache/nginx vhost_combined: "host:port " before a combined line. */
#define LOG_FORMAT_VHOST_COMBINED                                                  \
	"$host:$server_port $remote_addr - $remote_user [$time_local] \"$request\" " \
	"$status $body_bytes_sent \"$http_referer\" \"$http_user_agent\""

/*
 * Compile spec (an nginx log_format string, with or without nginx's outer
 * quotes). -EINVAL with err naming the variable and its offset for an
 * unknown variable, two variables with nothing between them, or a format
 * without a time variable ($time_local, $time_iso8601 or $msec).
 */
int log_format_compile(const char *spec, struct log_format **out, struct gh_err *err);
void log_format_free(struct log_format *f);

/*
 * Parse line[0..len) into rec (cleared first); decodes quoted values in
 * place. 0, or -EINVAL when the line does not have the format's shape
 * (then no field is present), -EMSGSIZE above ACCESS_LOG_MAX_LINE.
 */
int log_format_parse(const struct log_format *f, char *line, size_t len,
		     struct request_record *rec);

#endif /* GATEHAWK_INPUT_LOG_FORMAT_H */
