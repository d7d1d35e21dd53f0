// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Log follower: starts at the end, appended lines, a partial line held
 * until its LF, rename rotation (old file read to its end first),
 * copytruncate, a file that appears later, removal, and long lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/log_follow.h"
#include "tap.h"

static char dir[] = "/tmp/gh-test-log-follow.XXXXXX";
static char log_path[256], old_path[256];
static char got[4096];
static size_t used;

static void on_line(char *line, size_t len, void *ctx)
{
	(void)ctx;
	used += (size_t)snprintf(got + used, sizeof(got) - used, "%.*s|",
				 (int)(len > 32 ? 32 : len), line);
}

/* Lines delivered by one poll, joined by '|'. */
static const char *poll_lines(struct log_follow *f)
{
	used = 0;
	got[0] = '\0';
	if (log_follow_poll(f, on_line, NULL) < 0)
		return "(error)";
	return got;
}

/* Append like a web server: O_APPEND writes to whatever file the fd is. */
static void append(int fd, const char *s)
{
	if (write(fd, s, strlen(s)) != (ssize_t)strlen(s))
		abort();
}

static int open_log(void)
{
	return open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
}

static void test_append_and_partial(void)
{
	struct log_follow *f;
	int w = open_log();

	append(w, "history 1\nhistory 2\n");
	ok_eq(log_follow_open(log_path, &f), 0, "open an existing log");
	ok_str(poll_lines(f), "", "starts at the end: history is not re-read");
	append(w, "new 1\nnew 2\n");
	ok_str(poll_lines(f), "new 1|new 2|", "appended lines");
	append(w, "half");
	ok_str(poll_lines(f), "", "a partial line is held");
	append(w, " and half\n");
	ok_str(poll_lines(f), "half and half|", "... until its LF arrives");
	ok_str(poll_lines(f), "", "nothing new: nothing");
	close(w);
	log_follow_close(f);
	unlink(log_path);
}

static void test_rename_rotation(void)
{
	struct log_follow_stats st;
	struct log_follow *f;
	int w = open_log();

	ok_eq(log_follow_open(log_path, &f), 0, "rotation: open");
	append(w, "a\n");
	ok_str(poll_lines(f), "a|", "rotation: before");
	/* logrotate renames; the server keeps writing to the old fd until reopened. */
	ok_eq(rename(log_path, old_path), 0, "rotation: renamed away");
	append(w, "b\n");
	ok_str(poll_lines(f), "b|", "rotation: the renamed file is still read (no new one yet)");
	append(w, "c\n");
	close(w);
	w = open_log(); /* server reopened: a new file */
	append(w, "d\n");
	ok_str(poll_lines(f), "c|d|", "rotation: old file read to its end, then the new from 0");
	append(w, "e\n");
	ok_str(poll_lines(f), "e|", "rotation: then the new file");
	log_follow_get_stats(f, &st);
	ok_eq(st.rotations, 1, "rotation: counted once");
	close(w);
	log_follow_close(f);
	unlink(log_path);
	unlink(old_path);
}

static void test_copytruncate(void)
{
	struct log_follow_stats st;
	struct log_follow *f;
	int w = open_log();

	ok_eq(log_follow_open(log_path, &f), 0, "copytruncate: open");
	append(w, "first line here\nsecond line here\n");
	ok_str(poll_lines(f), "first line here|second line here|", "copytruncate: before");
	ok_eq(truncate(log_path, 0), 0, "copytruncate: truncated");
	append(w, "x\n"); /* O_APPEND: lands at the new end */
	ok_str(poll_lines(f), "x|", "copytruncate: read again from the start");
	log_follow_get_stats(f, &st);
	ok_eq(st.truncations, 1, "copytruncate: counted");
	append(w, "y\n");
	ok_str(poll_lines(f), "y|", "copytruncate: then appends as before");
	close(w);
	log_follow_close(f);
	unlink(log_path);
}

static void test_appears_later(void)
{
	struct log_follow *f;
	int w;

	ok_eq(log_follow_open(log_path, &f), 0, "a missing log is waited for");
	ok_str(poll_lines(f), "", "missing: nothing");
	w = open_log();
	append(w, "born\n");
	ok_str(poll_lines(f), "born|", "a log that appears is read from its start");
	close(w);
	ok_eq(unlink(log_path), 0, "removed");
	ok_str(poll_lines(f), "", "removed: no error, nothing");
	w = open_log();
	append(w, "again\n");
	ok_str(poll_lines(f), "again|", "re-created: read from its start");
	close(w);
	log_follow_close(f);
	unlink(log_path);
}

static void test_unreadable(void)
{
	struct log_follow *f = NULL;

	ok_eq(log_follow_open(dir, &f), 0, "a directory opens (read fails later)");
	ok(log_follow_poll(f, on_line, NULL) < 0, "... and polling it is an error, not a crash");
	log_follow_close(f);
}

static void test_long_line(void)
{
	struct log_follow_stats st;
	struct log_follow *f;
	char *big = malloc(LOG_LINE_MAX + 2);
	int w = open_log();

	ok_eq(log_follow_open(log_path, &f), 0, "long: open");
	memset(big, 'L', LOG_LINE_MAX + 1);
	big[LOG_LINE_MAX + 1] = '\0';
	append(w, big); /* arrives without its LF: over the bound already */
	ok_str(poll_lines(f), "", "long: nothing yet");
	append(w, "LLLL\nshort\n");
	/* poll_lines shows 32 bytes of each line. */
	ok_str(poll_lines(f), "LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL|short|",
	       "long: the long line cut to its first part, the rest dropped, next one kept");
	log_follow_get_stats(f, &st);
	ok_eq(st.line.too_long, 1, "long: counted");
	free(big);
	close(w);
	log_follow_close(f);
	unlink(log_path);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	snprintf(log_path, sizeof(log_path), "%s/access.log", dir);
	snprintf(old_path, sizeof(old_path), "%s/access.log.1", dir);
	test_append_and_partial();
	test_rename_rotation();
	test_copytruncate();
	test_appears_later();
	test_unreadable();
	test_long_line();
	rmdir(dir);
	return tap_done();
}
