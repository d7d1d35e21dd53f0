/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Follow an access log the way `tail -F` does, for the live daemon: start
 * at the end of the file (history is `replay`'s job), read the complete
 * lines appended since the last poll, hold a partial last line until its
 * LF arrives, and survive rotation:
 *   - rename + re-create (logrotate's default): the old file is read to
 *     its end, then the new one from its start;
 *   - copytruncate: a file shorter than what was read is read again from
 *     its start (what the writer appended between the copy and the
 *     truncation, and more than was read before a poll, cannot be told
 *     from old data: logrotate's own caveat);
 *   - a file that does not exist yet, or was removed, is waited for and
 *     read from its start once it appears.
 * Poll-driven: the daemon calls log_follow_poll() from its 1 s tick, so a
 * line reaches the engine within about a second.
 */
#ifndef GATEHAWK_LOG_FOLLOW_H
#define GATEHAWK_LOG_FOLLOW_H

#include <stddef.h>
#include <stdint.h>

#include "input/log_reader.h"

/* Bytes read in one poll at most, so a burst cannot stall the event loop. */
#define LOG_FOLLOW_POLL_BYTES (64U << 20)

struct log_follow_stats {
	struct log_line_stats line;
	uint64_t rotations;   /* switched to a new file under the same name */
	uint64_t truncations; /* read again from the start after copytruncate */
};

struct log_follow;

/* Negative errno when path exists but cannot be read; a missing one is waited for. */
int log_follow_open(const char *path, struct log_follow **out);
void log_follow_close(struct log_follow *f);

/* Called for each accepted line; the line is writable and valid during the call. */
typedef void (*log_line_fn)(char *line, size_t len, void *ctx);

/* Deliver what was appended; returns the lines delivered or negative errno. */
int log_follow_poll(struct log_follow *f, log_line_fn fn, void *ctx);
const char *log_follow_path(const struct log_follow *f);
void log_follow_get_stats(const struct log_follow *f, struct log_follow_stats *out);

#endif /* GATEHAWK_LOG_FOLLOW_H */
