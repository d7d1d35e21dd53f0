// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "input/log_reader.h"

#define LINE_BUF_CAP (LOG_LINE_MAX + 1 + LOG_READ_CHUNK) /* + 1: a CR before the LF */

int line_buf_init(struct line_buf *b)
{
	*b = (struct line_buf){ 0 };
	b->buf = malloc(LINE_BUF_CAP);
	return b->buf ? 0 : -ENOMEM;
}

void line_buf_free(struct line_buf *b)
{
	free(b->buf);
	b->buf = NULL;
}

/*
 * Callers take every complete line before asking for space, so what is
 * left is one partial line of at most LOG_LINE_MAX + 1 bytes (longer ones
 * are cut as they come): moved to the front, a whole chunk fits behind it.
 */
char *line_buf_space(struct line_buf *b, size_t *avail)
{
	if (LINE_BUF_CAP - b->end < LOG_READ_CHUNK) {
		memmove(b->buf, b->buf + b->start, b->end - b->start);
		b->end -= b->start;
		b->nul_end = b->nul_end > b->start ? b->nul_end - b->start : 0;
		b->start = 0;
	}
	*avail = LINE_BUF_CAP - b->end;
	return b->buf + b->end;
}

/* One search per chunk: lines need a NUL check only where the chunk had one. */
void line_buf_commit(struct line_buf *b, size_t n)
{
	if (memchr(b->buf + b->end, '\0', n))
		b->nul_end = b->end + n;
	b->end += n;
}

void line_buf_discard(struct line_buf *b)
{
	b->start = b->end = b->scanned = b->nul_end = 0;
	b->skipping = false;
}

/*
 * Count the line [p, p + n), cut it to LOG_LINE_MAX bytes when longer (a
 * huge User-Agent must not hide the request before it), and accept it
 * unless that much holds a NUL.
 */
static bool accept_line(struct line_buf *b, char *p, size_t n, char **line, size_t *len)
{
	b->st.lines++;
	if (n && p[n - 1] == '\r')
		n--;
	if (n > LOG_LINE_MAX) {
		b->st.too_long++;
		n = LOG_LINE_MAX;
	}
	if ((size_t)(p - b->buf) < b->nul_end && memchr(p, '\0', n)) {
		b->st.binary++;
		return false;
	}
	*line = p;
	*len = n;
	return true;
}

int line_buf_next(struct line_buf *b, char **line, size_t *len)
{
	for (;;) {
		char *p = b->buf + b->start, *nl;
		size_t have = b->end - b->start;

		if (b->skipping) {
			nl = memchr(p, '\n', have);
			if (!nl) {
				line_buf_discard(b);
				b->skipping = true;
				return 0;
			}
			b->start += (size_t)(nl - p) + 1;
			b->skipping = false;
			continue;
		}
		/* Bytes already searched are not searched again as a long line grows. */
		nl = memchr(p + b->scanned, '\n', have - b->scanned);
		if (!nl) {
			b->scanned = have;
			if (have <= LOG_LINE_MAX + 1) /* + 1: room for a CR */
				return 0;
			/* Its first LOG_LINE_MAX bytes are the line; the rest is dropped up to the LF. */
			b->start = b->end;
			b->scanned = 0;
			b->skipping = true;
			if (accept_line(b, p, have, line, len))
				return 1;
			continue;
		}
		b->start += (size_t)(nl - p) + 1;
		b->scanned = 0;
		if (accept_line(b, p, (size_t)(nl - p), line, len))
			return 1;
	}
}

int line_buf_finish(struct line_buf *b, char **line, size_t *len)
{
	char *p = b->buf + b->start;
	size_t n = b->end - b->start;
	/* Before the discard: accept_line needs nul_end to see a NUL. */
	bool taken = !b->skipping && n && accept_line(b, p, n, line, len);

	line_buf_discard(b);
	return taken ? 1 : 0;
}

struct log_reader {
	gzFile gz;
	bool eof;
	struct line_buf lb;
};

int log_reader_open(const char *path, struct log_reader **out)
{
	struct log_reader *r = calloc(1, sizeof(*r));
	int fd, err;

	if (!r)
		return -ENOMEM;
	/* A dup, so closing the reader leaves the process's stdin alone. */
	fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : dup(STDIN_FILENO);
	if (fd < 0) {
		err = -errno;
		free(r);
		return err;
	}
	err = line_buf_init(&r->lb);
	r->gz = err ? NULL : gzdopen(fd, "rb");
	if (!r->gz) {
		close(fd);
		line_buf_free(&r->lb);
		free(r);
		return err ?: -ENOMEM;
	}
	/*
	 * zlib reads (or inflates) straight into the caller's buffer only when
	 * asked for twice its buffer size or more, and copies through its own
	 * buffer otherwise: half a chunk, so reads of a chunk go uncopied.
	 */
	gzbuffer(r->gz, LOG_READ_CHUNK / 2);
	*out = r;
	return 0;
}

int log_reader_next(struct log_reader *r, char **line, size_t *len)
{
	for (;;) {
		size_t avail;
		char *space;
		int n;

		if (line_buf_next(&r->lb, line, len))
			return 1;
		if (r->eof)
			return 0;
		space = line_buf_space(&r->lb, &avail);
		n = gzread(r->gz, space, (unsigned)avail);
		if (n < 0)
			return -EIO;
		line_buf_commit(&r->lb, (size_t)n);
		if (n == 0) {
			int errnum;

			r->eof = true;
			/* A gzip cut short ends like a file, with a note in gzerror(). */
			gzerror(r->gz, &errnum);
			if (errnum == Z_BUF_ERROR) {
				line_buf_discard(&r->lb);
				return -EIO;
			}
			if (line_buf_finish(&r->lb, line, len))
				return 1;
		}
	}
}

const char *log_reader_error(struct log_reader *r)
{
	int errnum;
	const char *msg = gzerror(r->gz, &errnum);

	return errnum == Z_ERRNO ? strerror(errno) : msg;
}

const struct log_line_stats *log_reader_stats(const struct log_reader *r)
{
	return &r->lb.st;
}

void log_reader_close(struct log_reader *r)
{
	if (!r)
		return;
	gzclose(r->gz);
	line_buf_free(&r->lb);
	free(r);
}
