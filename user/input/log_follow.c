// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/log_follow.h"

struct log_follow {
	char *path;
	int fd;        /* -1 while the name does not exist */
	dev_t dev;
	ino_t ino;
	off_t offset;  /* bytes of fd read so far */
	struct line_buf lb;
	uint64_t rotations, truncations;
};

static int open_file(struct log_follow *f, bool at_end)
{
	struct stat st;
	int fd = open(f->path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st)) {
		int err = -errno;

		close(fd);
		return err;
	}
	f->fd = fd;
	f->dev = st.st_dev;
	f->ino = st.st_ino;
	f->offset = at_end ? st.st_size : 0;
	if (at_end && lseek(fd, f->offset, SEEK_SET) < 0)
		f->offset = 0;
	return 0;
}

int log_follow_open(const char *path, struct log_follow **out)
{
	struct log_follow *f = calloc(1, sizeof(*f));
	int err;

	if (!f)
		return -ENOMEM;
	f->fd = -1;
	f->path = strdup(path);
	err = f->path ? line_buf_init(&f->lb) : -ENOMEM;
	if (!err) {
		err = open_file(f, true);
		if (err == -ENOENT)
			err = 0;
	}
	if (err) {
		log_follow_close(f);
		return err;
	}
	*out = f;
	return 0;
}

void log_follow_close(struct log_follow *f)
{
	if (!f)
		return;
	if (f->fd >= 0)
		close(f->fd);
	line_buf_free(&f->lb);
	free(f->path);
	free(f);
}

static int deliver(struct log_follow *f, log_line_fn fn, void *ctx)
{
	char *line;
	size_t len;
	int n = 0;

	while (line_buf_next(&f->lb, &line, &len)) {
		fn(line, len, ctx);
		n++;
	}
	return n;
}

/* Read the file to its end, or to the poll's budget (*more then set). */
static int drain(struct log_follow *f, log_line_fn fn, void *ctx, bool *more)
{
	size_t budget = LOG_FOLLOW_POLL_BYTES, avail;
	int n = 0;

	*more = false;
	for (;;) {
		char *space = line_buf_space(&f->lb, &avail);
		ssize_t got;

		if (!budget) {
			*more = true;
			return n;
		}
		got = read(f->fd, space, avail < budget ? avail : budget);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -errno;
		if (!got)
			return n;
		f->offset += got;
		budget -= (size_t)got;
		line_buf_commit(&f->lb, (size_t)got);
		n += deliver(f, fn, ctx);
	}
}

/* The name points at a new file: finish the old one (its unterminated tail is a line too). */
static int switch_file(struct log_follow *f, log_line_fn fn, void *ctx)
{
	char *line;
	size_t len;
	int n = 0;

	if (line_buf_finish(&f->lb, &line, &len)) {
		fn(line, len, ctx);
		n++;
	}
	close(f->fd);
	f->fd = -1;
	f->rotations++;
	return n;
}

int log_follow_poll(struct log_follow *f, log_line_fn fn, void *ctx)
{
	struct stat st;
	bool more;
	int n = 0, got, err;

	if (f->fd < 0) {
		err = open_file(f, false);
		if (err)
			return err == -ENOENT ? 0 : err;
	}
	/* copytruncate: shorter than what was read, so reads would return nothing. */
	if (!fstat(f->fd, &st) && st.st_size < f->offset) {
		line_buf_discard(&f->lb);
		f->truncations++;
		f->offset = lseek(f->fd, 0, SEEK_SET) < 0 ? f->offset : 0;
	}
	got = drain(f, fn, ctx, &more);
	if (got < 0 || more)
		return got;
	n += got;
	/* Renamed away and not re-created yet: keep reading the old file. */
	if (stat(f->path, &st) || (st.st_dev == f->dev && st.st_ino == f->ino))
		return n;
	n += switch_file(f, fn, ctx);
	if (open_file(f, false))
		return n; /* gone again: next poll */
	got = drain(f, fn, ctx, &more);
	return got < 0 ? got : n + got;
}

const char *log_follow_path(const struct log_follow *f)
{
	return f->path;
}

void log_follow_get_stats(const struct log_follow *f, struct log_follow_stats *out)
{
	out->line = f->lb.st;
	out->rotations = f->rotations;
	out->truncations = f->truncations;
}
