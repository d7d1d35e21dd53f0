// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libFuzzer target for the log-line splitter (struct line_buf). The input
 * is a script of chunks: literal bytes, or one byte repeated up to 250 KiB
 * times (so a small input can hold a line past LOG_LINE_MAX), each written
 * through line_buf_space/line_buf_commit, with a truncation
 * (line_buf_discard) or the end of a file (line_buf_finish, as at a
 * rotation) now and then, and line_buf_finish at the end. After
 * every commit all complete lines are taken, as callers must. A reference
 * splitter, blind to chunks and buffer space, says what must come out; the
 * target traps when line_buf disagrees:
 *  - every complete line comes out as soon as its LF is in, in order: its
 *    bytes up to the LF (same length, same 64-bit hash), one CR before the
 *    LF dropped; never an LF, never a NUL, never more than LOG_LINE_MAX bytes;
 *  - a line longer than that is cut: counted in too_long, its first
 *    LOG_LINE_MAX bytes come out as soon as it is past LOG_LINE_MAX + 1
 *    (room for a CR), the rest up to its LF never does;
 *  - a line holding a NUL in what would come out does not, and is counted
 *    (binary); every line is counted once in lines, so the lines out and
 *    the lines skipped account for the whole input;
 *  - a returned line is the caller's to overwrite (the parser decodes in
 *    place): the target scribbles LF and NUL over each, which must change
 *    nothing that follows.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/vec.h"
#include "input/log_reader.h"
#include "fuzz_checks.h"

#define MAX_EXPANDED (512U << 10) /* bytes a script may write in all */
#define MAX_LF_RUN 256           /* more empty lines in a row only slow the target */
#define PARTIAL_CAP (LOG_LINE_MAX + 2)

/* A line the reference accepted, by its length and a hash of its bytes. */
struct due_line {
	size_t len;
	uint64_t hash;
};

/* The reference splitter: the line so far (its first PARTIAL_CAP bytes) and the lines due. */
struct reference {
	char *partial;
	size_t len; /* bytes of the line so far, LF excluded */
	bool cut;   /* its first LOG_LINE_MAX bytes are out already */
	struct due_line *due;
	size_t ndue, taken, due_cap;
	struct log_line_stats st;
};

static void ref_push(struct reference *ref, const char *p, size_t n)
{
	check(!gh_vec_reserve((void **)&ref->due, &ref->due_cap, ref->ndue, sizeof(*ref->due), 64));
	ref->due[ref->ndue++] = (struct due_line){ n, gh_hash_bytes(p, n, 0) };
}

/* The line so far, n bytes, comes out (cut to LOG_LINE_MAX) unless binary. */
static void ref_emit(struct reference *ref, size_t n)
{
	ref->st.lines++;
	if (n && n <= PARTIAL_CAP && ref->partial[n - 1] == '\r')
		n--;
	if (n > LOG_LINE_MAX) {
		ref->st.too_long++;
		n = LOG_LINE_MAX;
	}
	if (memchr(ref->partial, '\0', n))
		ref->st.binary++;
	else
		ref_push(ref, ref->partial, n);
}

/* The line so far is complete (an LF, or the end of the input); a cut one is out already. */
static void ref_end_line(struct reference *ref)
{
	if (!ref->cut)
		ref_emit(ref, ref->len);
	ref->len = 0;
	ref->cut = false;
}

static void ref_feed(struct reference *ref, const char *p, size_t n)
{
	for (;;) {
		const char *nl = memchr(p, '\n', n);
		size_t k = nl ? (size_t)(nl - p) : n;

		if (ref->len < PARTIAL_CAP)
			memcpy(ref->partial + ref->len, p,
			       k < PARTIAL_CAP - ref->len ? k : PARTIAL_CAP - ref->len);
		ref->len += k;
		if (!ref->cut && ref->len > LOG_LINE_MAX + 1) {
			ref_emit(ref, ref->len);
			ref->cut = true;
		}
		if (!nl)
			return;
		ref_end_line(ref);
		p += k + 1;
		n -= k + 1;
	}
}

/* The file was truncated: the line so far is dropped (a cut one came out already). */
static void ref_discard(struct reference *ref)
{
	ref->len = 0;
	ref->cut = false;
}

/* A line from line_buf: the next one due; then scribbled over. */
static void take_line(struct reference *ref, char *line, size_t len)
{
	check(ref->taken < ref->ndue);
	check(len == ref->due[ref->taken].len && len <= LOG_LINE_MAX);
	check(!memchr(line, '\n', len) && !memchr(line, '\0', len));
	check(gh_hash_bytes(line, len, 0) == ref->due[ref->taken].hash);
	ref->taken++;
	memset(line, '\n', len / 2);
	memset(line + len / 2, '\0', len - len / 2);
}

/* Every line due must have come out, and nothing more. */
static void all_taken(struct reference *ref)
{
	check(ref->taken == ref->ndue);
	ref->taken = ref->ndue = 0;
}

static void drain(struct line_buf *b, struct reference *ref)
{
	char *line;
	size_t len;

	while (line_buf_next(b, &line, &len) == 1)
		take_line(ref, line, len);
	all_taken(ref);
}

/* n bytes (p, or `fill` repeated when p is NULL) through line_buf_space/commit. */
static void write_bytes(struct line_buf *b, struct reference *ref, const uint8_t *p, size_t n,
			uint8_t fill)
{
	while (n) {
		size_t avail, k;
		char *space = line_buf_space(b, &avail);

		check(avail >= LOG_READ_CHUNK);
		k = n < avail ? n : avail;
		if (p)
			memcpy(space, p, k);
		else
			memset(space, fill, k);
		ref_feed(ref, space, k);
		line_buf_commit(b, k);
		drain(b, ref);
		p = p ? p + k : NULL;
		n -= k;
	}
}

/* The end of a file (log_follow: rotated away): its last line may lack the LF. */
static void finish(struct line_buf *b, struct reference *ref)
{
	char *line;
	size_t len;

	if (ref->len)
		ref_end_line(ref);
	if (line_buf_finish(b, &line, &len) == 1)
		take_line(ref, line, len);
	all_taken(ref);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* One splitter for every input, as log_follow keeps one across files. */
	static struct line_buf b;
	static struct reference ref;
	size_t at = 0, written = 0;

	if (!b.buf) {
		ref.partial = malloc(PARTIAL_CAP);
		check(ref.partial && !line_buf_init(&b));
	}
	b.st = ref.st = (struct log_line_stats){ 0 };
	while (at < size && written < MAX_EXPANDED) {
		uint8_t op = data[at++];
		size_t n = 0;

		if (op < 0x80) { /* op + 1 literal bytes */
			n = op + 1U < size - at ? op + 1U : size - at;
			write_bytes(&b, &ref, data + at, n, 0);
			at += n;
		} else if (op < 0xfe) { /* a run: the byte, then a count in 2 KiB steps + 0..255 */
			uint8_t fill = at < size ? data[at++] : 'a';

			n = (op - 0x80U) * 2048 + (at < size ? data[at++] : 0);
			if (fill == '\n' && n > MAX_LF_RUN)
				n = MAX_LF_RUN;
			write_bytes(&b, &ref, NULL, n, fill);
		} else if (op == 0xfe) { /* the file was truncated */
			line_buf_discard(&b);
			ref_discard(&ref);
		} else {
			finish(&b, &ref);
		}
		written += n;
	}
	finish(&b, &ref);
	check(b.st.lines == ref.st.lines && b.st.too_long == ref.st.too_long &&
	      b.st.binary == ref.st.binary);
	return 0;
}
