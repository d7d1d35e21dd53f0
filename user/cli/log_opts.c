// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/log_opts.h"
#include "engine/engine.h"
#include "input/record_queue.h"

int cli_log_parser(struct cli_log_opts *o, struct log_parser *p)
{
	struct gh_err err = { 0 };
	int ret = 0;

	for (int i = 0; !ret && i < o->proxies.count; i++)
		ret = trusted_proxies_add(&o->trusted, o->proxies.items[i], &err);
	if (!ret)
		ret = log_parser_init(p, o->format, o->log_format, &o->trusted, &err);
	return ret ? cli_report(&err, ret) : 0;
}

int cli_log_check_inputs(const char *cmd, char **files, int n)
{
	int stdin_uses = 0;

	for (int i = 0; i < n; i++) {
		if (!strcmp(files[i], "-"))
			stdin_uses++;
		else if (access(files[i], R_OK))
			return cli_input_error("%s: %s: %s", cmd, files[i], strerror(errno));
	}
	return stdin_uses > 1 ? cli_input_error("%s: '-' (stdin) given more than once", cmd) : 0;
}

/* What reading a file came to, reported in the caller's thread (the reader thread prints nothing). */
static int file_done(struct cli_log_run *run, const char *path, const struct file_result *res)
{
	if (!res->opened)
		return cli_runtime_error(res->err, "%s: opening %s", run->cmd, path);
	run->lines.lines += res->lines.lines;
	run->lines.too_long += res->lines.too_long;
	run->lines.binary += res->lines.binary;
	return res->err ? cli_runtime_fail(res->err, "%s: %s: read error: %s", run->cmd, path,
					   res->msg)
			: 0;
}

/* The open reader's last result (0 or a read error) and stats into res; the reader closed. */
static void end_file(struct log_reader *r, int err, struct file_result *res)
{
	res->opened = true;
	res->err = err;
	if (err)
		snprintf(res->msg, sizeof(res->msg), "%s", log_reader_error(r));
	res->lines = *log_reader_stats(r);
	log_reader_close(r);
}

static int read_file(struct cli_log_run *run, const char *path)
{
	struct file_result res = { 0 };
	struct request_record rec;
	struct log_reader *r;
	char *line;
	size_t len;
	int err;

	res.err = log_reader_open(path, &r);
	if (!res.err) {
		while ((err = log_reader_next(r, &line, &len)) > 0) {
			if (log_parser_parse(run->parser, line, len, &rec)) {
				run->malformed++;
				continue;
			}
			if (run->on_parsed)
				run->on_parsed(&rec, run->ctx);
			run->on_record(&rec, run->ctx);
		}
		end_file(r, err, &res);
	}
	return file_done(run, path, &res);
}

struct reader {
	const struct cli_log_run *run;
	char **files;
	int n;
	struct record_queue *q;
};

/* Lines of one open file parsed into batches; the last one (claimed, unpublished) returned. */
static struct record_batch *parse_file(const struct reader *rd, struct log_reader *r,
				       struct record_batch *b)
{
	const struct cli_log_run *run = rd->run;
	char *line, *copy;
	size_t len;
	int err;

	while ((err = log_reader_next(r, &line, &len)) > 0) {
		if (record_batch_full(b)) {
			record_queue_publish(rd->q);
			b = record_queue_claim(rd->q);
		}
		copy = record_batch_copy(b, line, len);
		if (log_parser_parse(run->parser, copy, len, &b->rec[b->n])) {
			b->malformed++;
			record_batch_uncopy(b, len);
			continue;
		}
		if (run->on_parsed)
			run->on_parsed(&b->rec[b->n], run->ctx);
		b->n++;
	}
	end_file(r, err, &b->result);
	return b;
}

/* The reader thread: every file in order into the queue, up to the first that fails. */
static void *reader_main(void *arg)
{
	const struct reader *rd = arg;
	bool failed = false;

	for (int i = 0; i < rd->n && !failed; i++) {
		struct record_batch *b = record_queue_claim(rd->q);
		struct log_reader *r;

		b->result.err = log_reader_open(rd->files[i], &r);
		if (!b->result.err)
			b = parse_file(rd, r, b);
		b->file_end = true;
		failed = b->result.err != 0;
		record_queue_publish(rd->q);
	}
	record_queue_close(rd->q);
	return NULL;
}

/* Reading and parsing in a thread beside the caller's; 1 when no thread could be started. */
static int read_threaded(struct cli_log_run *run, char **files, int n)
{
	struct reader rd = { run, files, n, NULL };
	struct record_batch *b;
	pthread_t thread;
	int err = 0, file = 0;

	if (record_queue_new(RQ_SLOTS, &rd.q))
		return 1;
	if (pthread_create(&thread, NULL, reader_main, &rd)) {
		record_queue_free(rd.q);
		return 1;
	}
	while ((b = record_queue_take(rd.q))) {
		for (uint32_t i = 0; i < b->n; i++)
			run->on_record(&b->rec[i], run->ctx);
		run->malformed += b->malformed;
		if (b->file_end && !err)
			err = file_done(run, files[file++], &b->result);
		record_queue_release(rd.q);
	}
	pthread_join(thread, NULL);
	record_queue_free(rd.q);
	return err;
}

int cli_log_read(struct cli_log_run *run, char **files, int n)
{
	int err = run->single_thread ? 1 : read_threaded(run, files, n);

	if (err != 1)
		return err;
	err = 0;
	for (int i = 0; !err && i < n; i++)
		err = read_file(run, files[i]);
	return err;
}

void cli_log_note_late(const char *cmd, uint64_t late)
{
	if (late)
		cli_note("%s: %llu records came more than %llu s after a newer one and were left "
			 "out of windows: give the logs oldest first",
			 cmd, (unsigned long long)late,
			 (unsigned long long)(ENGINE_DEFAULT_LATE_NS / 1000000000ULL));
}
