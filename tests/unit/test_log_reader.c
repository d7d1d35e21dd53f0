// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Log reader: plain and gzip files (one member and several), CRLF, a last
 * line without LF, lines at and over the length bound (cut to the bound,
 * the rest skipped, never split into more lines), a 100 KB combined line
 * that still parses, NUL bytes, a truncated gzip, a missing file, and the line
 * splitter fed one byte at a time.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "input/log_reader.h"
#include "tap.h"

static char dir[] = "/tmp/gh-test-log-reader.XXXXXX";

static const char *path_of(const char *name)
{
	static char p[256];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return p;
}

static void write_plain(const char *name, const void *data, size_t n)
{
	FILE *f = fopen(path_of(name), "wb");

	fwrite(data, 1, n, f);
	fclose(f);
}

static void write_gz(const char *name, const void *data, size_t n, const char *mode)
{
	gzFile g = gzopen(path_of(name), mode);

	gzwrite(g, data, (unsigned)n);
	gzclose(g);
}

/* All lines joined by '|'; returns the reader's last result. */
static int read_all(const char *name, char *out, size_t outlen, struct log_line_stats *st)
{
	struct log_reader *r;
	size_t used = 0, len;
	char *line;
	int err;

	out[0] = '\0';
	err = log_reader_open(strcmp(name, "-") ? path_of(name) : "-", &r);
	if (err)
		return err;
	while ((err = log_reader_next(r, &line, &len)) > 0) {
		used += (size_t)snprintf(out + used, used < outlen ? outlen - used : 0, "%s%.*s",
					 used ? "|" : "", (int)(len > 64 ? 64 : len), line);
	}
	*st = *log_reader_stats(r);
	log_reader_close(r);
	return err;
}

static void test_plain_and_gzip(void)
{
	const char text[] = "one\ntwo\r\n\nthree";
	struct log_line_stats st;
	char out[512];

	write_plain("plain.log", text, sizeof(text) - 1);
	ok_eq(read_all("plain.log", out, sizeof(out), &st), 0, "plain: read to the end");
	ok_str(out, "one|two||three", "plain: CR dropped, empty line kept, last line without LF");
	ok_eq(st.lines, 4, "plain: 4 lines");

	write_gz("one.log.gz", text, sizeof(text) - 1, "wb");
	ok_eq(read_all("one.log.gz", out, sizeof(out), &st), 0, "gzip: read to the end");
	ok_str(out, "one|two||three", "gzip: same lines");

	/* logrotate's delaycompress + cat a.gz b.gz: several members in one file. */
	write_gz("two.log.gz", "a\nb\n", 4, "wb");
	write_gz("two.log.gz", "c\n", 2, "ab");
	ok_eq(read_all("two.log.gz", out, sizeof(out), &st), 0, "gzip: two members");
	ok_str(out, "a|b|c", "gzip: both members read");

	write_plain("empty.log", "", 0);
	ok_eq(read_all("empty.log", out, sizeof(out), &st), 0, "empty file");
	ok_eq(st.lines, 0, "empty: no lines");

	ok_eq(read_all("missing.log", out, sizeof(out), &st), -ENOENT, "missing file: -ENOENT");
}

static void test_truncated_gzip(void)
{
	char big[4096], out[8192];
	struct log_line_stats st;
	FILE *f;
	long size;
	char *data;

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = i % 50 == 49 ? '\n' : (char)('a' + i * 7 % 26);
	write_gz("cut.log.gz", big, sizeof(big), "wb");
	f = fopen(path_of("cut.log.gz"), "rb");
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	data = malloc((size_t)size);
	if (fread(data, 1, (size_t)size, f) != (size_t)size)
		abort();
	fclose(f);
	write_plain("cut.log.gz", data, (size_t)size / 2);
	free(data);
	ok_eq(read_all("cut.log.gz", out, sizeof(out), &st), -EIO, "truncated gzip: -EIO");
}

static void test_long_lines(void)
{
	size_t n = 3 * LOG_LINE_MAX + 100, off = 0;
	char *data = malloc(n), out[512];
	struct log_line_stats st;

	/* ok / a line of exactly the bound / one byte over / 2.5x over / ok, no final LF */
	off += (size_t)sprintf(data + off, "first\n");
	memset(data + off, 'x', LOG_LINE_MAX);
	off += LOG_LINE_MAX;
	data[off++] = '\n';
	memset(data + off, 'y', LOG_LINE_MAX + 1);
	off += LOG_LINE_MAX + 1;
	data[off++] = '\n';
	memset(data + off, 'z', LOG_LINE_MAX / 2);
	off += LOG_LINE_MAX / 2;
	data[off++] = '\n';
	off += (size_t)sprintf(data + off, "last");
	write_plain("long.log", data, off);
	ok_eq(read_all("long.log", out, sizeof(out), &st), 0, "long lines: read to the end");
	ok(!strncmp(out, "first|xxxx", 10) && strstr(out, "|yyyy") && strstr(out, "|zzzz") &&
	   !strcmp(out + strlen(out) - 5, "|last"),
	   "long lines: the over-long line is cut, neighbours intact");
	ok_eq(st.lines, 5, "long lines: 5 lines counted");
	ok_eq(st.too_long, 1, "long lines: 1 too long");

	/* Over the bound several times, in a gzip so reads come in chunks. */
	off = 0;
	memset(data, 'q', 3 * LOG_LINE_MAX);
	off = 3 * LOG_LINE_MAX;
	off += (size_t)sprintf(data + off, "\nafter\n");
	write_gz("huge.log.gz", data, off, "wb");
	ok_eq(read_all("huge.log.gz", out, sizeof(out), &st), 0, "huge line in gzip");
	ok(!strncmp(out, "qqqq", 4) && !strcmp(out + strlen(out) - 6, "|after") &&
	   !strchr(strchr(out, '|') + 1, '|'),
	   "huge line: its first part, then the next line, no garbage lines");
	ok_eq(st.too_long, 1, "huge line: counted once");

	/* An unterminated huge last line is cut too. */
	write_plain("hugelast.log", data, 3 * LOG_LINE_MAX);
	ok_eq(read_all("hugelast.log", out, sizeof(out), &st), 0, "huge last line");
	ok(!strncmp(out, "qqqq", 4) && !strchr(out, '|') && st.too_long == 1 && st.lines == 1,
	   "huge last line: counted, cut, one line");
	free(data);
}

/* A path traversal probe with a 100 KB User-Agent: the record before the cut survives. */
static void test_huge_user_agent(void)
{
	const char head[] = "203.0.113.9 - - [10/Oct/2026:13:55:36 +0000] "
			    "\"GET /../../etc/passwd HTTP/1.1\" 404 153 \"-\" \"";
	size_t ua = 100 * 1024, n = sizeof(head) - 1 + ua + 3, len;
	char *data = malloc(n), *line;
	struct request_record rec;
	struct log_reader *r;

	memcpy(data, head, sizeof(head) - 1);
	memset(data + sizeof(head) - 1, 'A', ua);
	memcpy(data + n - 3, "\"\nX", 3);
	write_plain("ua.log", data, n - 1);
	free(data);
	if (log_reader_open(path_of("ua.log"), &r)) {
		ok(0, "huge UA: open");
		return;
	}
	ok_eq(log_reader_next(r, &line, &len), 1, "huge UA: a line");
	ok_eq(len, LOG_LINE_MAX, "huge UA: cut to LOG_LINE_MAX");
	ok_eq(access_log_parse(ACCESS_LOG_COMBINED, line, len, &rec), 0, "huge UA: parses");
	ok(rec.path.len == 17 && !memcmp(rec.path.p, "/../../etc/passwd", 17) && rec.status == 404,
	   "huge UA: path and status before the cut");
	ok(rec.truncated && rec.user_agent.len > 60000, "huge UA: the User-Agent kept as cut");
	ok_eq(log_reader_next(r, &line, &len), 0, "huge UA: nothing after");
	ok_eq(log_reader_stats(r)->too_long, 1, "huge UA: counted as too long");
	log_reader_close(r);
}

static void test_nul(void)
{
	const char text[] = "good\nba\0d\n\0\0\0\0\nalso good\n";
	struct log_line_stats st;
	char out[512];

	write_plain("nul.log", text, sizeof(text) - 1);
	ok_eq(read_all("nul.log", out, sizeof(out), &st), 0, "NUL: read to the end");
	ok_str(out, "good|also good", "NUL: lines with NUL rejected");
	ok_eq(st.binary, 2, "NUL: 2 binary lines");
	ok_eq(st.lines, 4, "NUL: 4 lines");
}

static void test_splitter_bytewise(void)
{
	const char text[] = "alpha\nbeta\r\ngamma";
	struct line_buf b;
	char got[128] = "", *line, *space;
	size_t len, avail, used = 0;

	ok_eq(line_buf_init(&b), 0, "splitter: init");
	for (size_t i = 0; i < sizeof(text) - 1; i++) {
		space = line_buf_space(&b, &avail);
		*space = text[i];
		line_buf_commit(&b, 1);
		while (line_buf_next(&b, &line, &len))
			used += (size_t)snprintf(got + used, sizeof(got) - used, "%.*s,", (int)len, line);
	}
	ok_str(got, "alpha,beta,", "splitter: lines complete only at LF");
	ok_eq(line_buf_finish(&b, &line, &len), 1, "splitter: held partial line at the end");
	ok(len == 5 && !memcmp(line, "gamma", 5), "splitter: ... is gamma");
	ok_eq(line_buf_finish(&b, &line, &len), 0, "splitter: nothing after finish");
	line_buf_free(&b);
}

int main(void)
{
	char cmd[128];

	if (!mkdtemp(dir))
		return 1;
	test_plain_and_gzip();
	test_truncated_gzip();
	test_long_lines();
	test_huge_user_agent();
	test_nul();
	test_splitter_bytewise();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd))
		tap_diag("could not remove %s", dir);
	return tap_done();
}
