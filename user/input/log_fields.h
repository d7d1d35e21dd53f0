/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Internal to the access-log parser (input/access_log*.c, log_text.c,
 * log_time.c): the field scanners every log format shares. Slices are
 * [p, p + n) of a writable line buffer; nothing here allocates.
 */
#ifndef GATEHAWK_INPUT_LOG_FIELDS_H
#define GATEHAWK_INPUT_LOG_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/addr.h"
#include "input/request.h"

#define NS 1000000000ULL

/* $time_local / Apache %t "10/Oct/2000:13:55:36 -0700", exactly: 0 or -EINVAL. */
#define CLF_TIME_LEN 26
int log_time_clf(const char *p, size_t n, uint64_t *ts_ns);
/* $time_iso8601, with an optional fraction, 'Z', "+07:00" or "-0700". */
int log_time_iso(const char *p, size_t n, uint64_t *ts_ns);
/* $msec "1700000000.123": seconds since the epoch, fraction optional. */
int log_time_epoch(const char *p, size_t n, uint64_t *ts_ns);

/* An IPv4 or IPv6 address, the whole slice; IPv4-mapped IPv6 is IPv4. */
bool log_addr(const char *p, size_t n, struct gh_addr *a);
/* "-": the server had no value. */
bool log_is_dash(const char *p, size_t n);
/* The closing '"' of a string whose text starts at p, or NULL. */
char *log_string_end(char *p, char *end);
/* A quoted string starting after its '"', decoded in place into *out;
 * returns the byte after the closing quote, or NULL. */
char *log_quoted(char *p, char *end, struct gh_str *out);
/* "METHOD TARGET [PROTO]" into method, path, query and version (or none). */
void log_request_line(struct request_record *rec, const char *p, size_t n);

/* An nginx variable ("remote_addr", no '$') known to log_vars.c: its id, or -1. */
int log_var_find(const char *name, size_t len);
/*
 * Set the fields variable var carries from its value (decoded text; str: it
 * was quoted). "", "-" and an unquoted null are absent. 0, or -EINVAL for a
 * value of the wrong shape (a status that is not 3 digits).
 */
int log_var_set(struct request_record *rec, int var, struct gh_str v, bool str);

/* One JSON-lines object (access_log_json.c): 0 or -EINVAL. */
int access_log_parse_json(char *p, char *end, struct request_record *rec);

#endif /* GATEHAWK_INPUT_LOG_FIELDS_H */
