/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Lines of a log: a file, gzip-compressed or not (zlib reads plain files
 * through), or stdin as "-". Lines end at LF (a CR before it is dropped).
 * A line longer than ACCESS_LOG_MAX_LINE is cut: its first
 * ACCESS_LOG_MAX_LINE bytes come out as the line (so a 100 KB User-Agent
 * cannot hide the request before it) and the rest is skipped to its end,
 * never split into pieces that would parse as lines of their own. A line
 * holding a NUL byte (binary junk, a log preallocated with zeros) in what
 * would be returned is rejected. Both are counted.
 *
 * The line splitter (struct line_buf) is shared with log_follow.c: bytes
 * in from any source, complete lines out, a partial last line held.
 */
#ifndef GATEHAWK_LOG_READER_H
#define GATEHAWK_LOG_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/access_log.h"

#define LOG_LINE_MAX ACCESS_LOG_MAX_LINE
#define LOG_READ_CHUNK (256 * 1024) /* bytes read at once */

struct log_line_stats {
	uint64_t lines;    /* every line seen, rejected ones included */
	uint64_t too_long; /* longer than LOG_LINE_MAX: cut to that, still returned */
	uint64_t binary;   /* held a NUL byte */
};

struct line_buf {
	char *buf;          /* room for a partial line and a chunk */
	size_t start, end;  /* unconsumed bytes */
	size_t scanned;     /* start + this much is known to hold no LF */
	size_t nul_end;     /* bytes before this may hold a NUL; none after */
	bool skipping;      /* past the cut of an overlong line: drop up to its LF */
	struct log_line_stats st;
};

int line_buf_init(struct line_buf *b);
void line_buf_free(struct line_buf *b);
/* Where to put new bytes, and how many fit (at least LOG_READ_CHUNK). */
char *line_buf_space(struct line_buf *b, size_t *avail);
void line_buf_commit(struct line_buf *b, size_t n);
/*
 * The next complete, accepted line (writable: the parser decodes in
 * place) as 1; 0 when no complete line is buffered. The line stays valid
 * until the next call of any line_buf function.
 */
int line_buf_next(struct line_buf *b, char **line, size_t *len);
/* At the end of the input: a last line without LF, as line_buf_next. */
int line_buf_finish(struct line_buf *b, char **line, size_t *len);
/* Drop what is buffered (the file it came from was truncated). */
void line_buf_discard(struct line_buf *b);

struct log_reader;

/* path "-" is stdin. Negative errno when it cannot be opened. */
int log_reader_open(const char *path, struct log_reader **out);
/* 1 and a line, 0 at the end, negative errno on a read error (corrupt gzip). */
int log_reader_next(struct log_reader *r, char **line, size_t *len);
/* After -EIO: what zlib said ("unexpected end of file", "incorrect header check"). */
const char *log_reader_error(struct log_reader *r);
const struct log_line_stats *log_reader_stats(const struct log_reader *r);
void log_reader_close(struct log_reader *r);

#endif /* GATEHAWK_LOG_READER_H */
