/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Access-log line -> request record: nginx and Apache `combined` and
 * `common`, and nginx `escape=json` JSON lines (keys in docs/replay.md).
 * One pass, no allocation: escapes (\xHH, \", \\, \n, \uXXXX ...) are
 * decoded in place, so the line buffer must be writable, and the record's
 * strings are slices of it, valid until the caller reuses the buffer.
 * Fed attacker-controlled bytes (the request line, User-Agent, Referer are
 * the client's), and fuzzed.
 *
 * What a format does not carry (Cookie, Host and X-Requested-With in
 * combined; most fields in a sparse JSON line) stays absent, as request.h
 * describes, so no policy reads a default as a fact.
 */
#ifndef GATEHAWK_ACCESS_LOG_H
#define GATEHAWK_ACCESS_LOG_H

#include <stddef.h>

#include "input/request.h"

/* Longest line taken; longer ones are rejected whole (log_reader.h). */
#define ACCESS_LOG_MAX_LINE 65536

enum access_log_format {
	ACCESS_LOG_AUTO,     /* per line: '{' starts JSON, anything else CLF with or
			      * without the combined tail */
	ACCESS_LOG_COMBINED, /* common plus "referer" "user-agent"; more fields ignored */
	ACCESS_LOG_COMMON,   /* host ident user [date] "request" status bytes; rest ignored */
	ACCESS_LOG_JSON,     /* one flat JSON object per line */
	ACCESS_LOG_VHOST_COMBINED, /* "vhost:port " then combined (Apache's
				    * vhost_combined); auto takes it too */
};

/* "auto", "combined", "common", "json", "vhost_combined"; -EINVAL otherwise. */
int access_log_format_parse(const char *name, enum access_log_format *out);

/*
 * Parse line[0..len) (no line end) into rec, which is cleared first. Needs
 * a timestamp; a remote address that is not an IP (HostnameLookups, "-")
 * leaves src_ip absent, and a request that is not "METHOD TARGET [PROTO]"
 * (nginx logs "-" or the raw bytes of a TLS hello with status 400) leaves
 * method, path, query and version absent: the status still counts. A CLF
 * line of exactly ACCESS_LOG_MAX_LINE bytes is taken as cut by the reader:
 * a quoted field (request, referer, user agent) running into its end is
 * kept up to there, later fields absent, and rec->truncated set.
 * Returns 0, or -EINVAL for a malformed line, -EMSGSIZE for one longer than
 * ACCESS_LOG_MAX_LINE; then no field is present and the buffer may hold
 * partly decoded bytes.
 */
int access_log_parse(enum access_log_format fmt, char *line, size_t len,
		     struct request_record *rec);

#endif /* GATEHAWK_ACCESS_LOG_H */
