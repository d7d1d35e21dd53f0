// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/engine.h"
#include "engine/policy_test.h"
#include "input/access_log.h"

/* A fixture is a handful of lines: a small engine is plenty and quick to make. */
#define FIXTURE_MAX_GROUPS 4096

struct fixture_run {
	const struct policy *p;
	uint64_t fired;
};

static void count_verdict(const struct verdict *v, void *ctx)
{
	struct fixture_run *run = ctx;

	if (v->policy == run->p)
		run->fired++;
}

/* A fixture file's non-blank lines, into a fixture of its own (released by the caller). */
static int read_lines(const char *path, struct policy_fixture *into)
{
	/* O_NONBLOCK and a type check: a FIFO must not hang the test run. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	FILE *in = NULL;
	char *line = NULL, **grown;
	size_t len = 0, cap = 0;
	struct stat st = { 0 };
	ssize_t n;
	int err = 0;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || !(in = fdopen(fd, "r"))) {
		err = S_ISREG(st.st_mode) ? -ENOMEM : -EINVAL;
		close(fd);
		return err;
	}
	while (!err && (n = getline(&line, &len, in)) > 0) {
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		if (!n)
			continue;
		if (into->n_lines >= POLICY_MAX_FIXTURE_LINES) {
			err = -EINVAL;
		} else if (into->n_lines == cap) {
			cap = cap ? cap * 2 : 64;
			grown = realloc(into->lines, cap * sizeof(*grown));
			err = grown ? 0 : -ENOMEM;
			into->lines = grown ? grown : into->lines;
		}
		if (!err && !(into->lines[into->n_lines++] = strndup(line, (size_t)n)))
			err = -ENOMEM;
	}
	free(line);
	fclose(in);
	return err ?: into->n_lines ? 0 : -EINVAL;
}

static int run_lines(const struct policy_set *set, const struct policy *p,
		     const struct policy_fixture *f, struct fixture_result *out)
{
	struct fixture_run run = { .p = p };
	struct engine_opts o;
	struct request_record rec;
	struct engine *e;
	char *buf = NULL;

	engine_opts_default(&o);
	o.max_groups = FIXTURE_MAX_GROUPS;
	o.hash_seed = 1; /* the same answers on every run */
	e = engine_new(set, &o, count_verdict, &run);
	if (!e)
		return -ENOMEM;
	for (size_t i = 0; i < f->n_lines; i++) {
		size_t len = strlen(f->lines[i]);
		char *grown = realloc(buf, len + 1);

		if (!grown) {
			free(buf);
			engine_free(e);
			return -ENOMEM;
		}
		buf = memcpy(grown, f->lines[i], len + 1); /* parsing decodes in place */
		if (access_log_parse(ACCESS_LOG_AUTO, buf, len, &rec)) {
			if (!out->bad_line)
				out->bad_line = i + 1;
			continue;
		}
		engine_feed(e, &rec);
	}
	free(buf);
	engine_flush(e); /* profile windows still open are scored too */
	engine_free(e);
	out->fired = run.fired;
	return 0;
}

int policy_fixture_run(const struct policy_set *set, const struct policy *p,
		       const struct policy_fixture *f, struct fixture_result *out)
{
	struct policy_fixture from_file = { 0 };
	int err;

	*out = (struct fixture_result){ 0 };
	if (f->file) {
		err = read_lines(f->file, &from_file);
		if (!err)
			err = run_lines(set, p, &from_file, out);
		else if (err != -ENOMEM)
			out->file_err = err, err = 0;
		policy_fixture_release(&from_file);
		return err;
	}
	return run_lines(set, p, f, out);
}
