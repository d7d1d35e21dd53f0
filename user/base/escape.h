/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Writing values out: numbers as JSON, and attacker-supplied bytes safely.
 * json-c escapes quotes and control characters but passes invalid UTF-8
 * through, which makes the output invalid JSON; these helpers repair that,
 * and escape text for terminals.
 */
#ifndef GATEHAWK_ESCAPE_H
#define GATEHAWK_ESCAPE_H

#include <stddef.h>
#include <json-c/json.h>

/* A number as JSON: an integer when it is one (12, not 12.0), else ten significant digits. */
struct json_object *gh_json_number(double v);

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when invalid (or cut at avail). */
size_t gh_utf8_seq_len(const unsigned char *p, size_t avail);

/* A JSON string of the bytes, each invalid UTF-8 byte replaced by U+FFFD. */
struct json_object *gh_json_string(const char *p, size_t len);

/*
 * Printable ASCII copied, everything else (controls, DEL, bytes >= 0x80)
 * written as \xNN, backslash as \\. Always NUL-terminates; returns the
 * length written (truncated to fit).
 */
size_t gh_escape_text(const char *p, size_t len, char *out, size_t outlen);

#endif /* GATEHAWK_ESCAPE_H */
