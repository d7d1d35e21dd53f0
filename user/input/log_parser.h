/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * How a deployment's access log is read, in one value: a named format or an
 * nginx log_format string, and the trusted proxies whose X-Forwarded-For
 * names the client. Replay and the daemon's log follower both parse through
 * it, so a line means the same to both.
 */
#ifndef GATEHAWK_INPUT_LOG_PARSER_H
#define GATEHAWK_INPUT_LOG_PARSER_H

#include <stddef.h>

#include "base/err.h"
#include "input/access_log.h"
#include "input/client_addr.h"
#include "input/log_format.h"

struct log_parser {
	enum access_log_format fmt;
	struct log_format *custom;       /* --log-format; NULL: fmt */
	const struct trusted_proxies *proxies; /* borrowed; NULL: none */
};

/*
 * format: "auto", "combined", ... (NULL: auto); log_format: an nginx
 * log_format string (NULL: none; it overrides format). -EINVAL with err
 * for either being bad.
 */
int log_parser_init(struct log_parser *p, const char *format, const char *log_format,
		    const struct trusted_proxies *proxies, struct gh_err *err);
void log_parser_free(struct log_parser *p);
/* One line (writable; decoded in place) into rec, the client resolved. */
int log_parser_parse(const struct log_parser *p, char *line, size_t len,
		     struct request_record *rec);

#endif /* GATEHAWK_INPUT_LOG_PARSER_H */
