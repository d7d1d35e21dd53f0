// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Every record of some log files in time order, for a replay whose records
 * came out of order (cmd_replay.c reads the files again): the accepted
 * lines are kept with their times, sorted (lines of the same time keep the
 * files' order), then parsed again one by one. The parser decodes a line in
 * place, so each is parsed from a copy. Memory: the lines' bytes and 24
 * bytes a line, at most half the machine's RAM, or GATEHAWK_SORT_MEMORY
 * bytes (then -E2BIG: the caller replays the logs as they come).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/number.h"
#include "base/vec.h"
#include "cli/log_opts.h"

#define BYTES_FIRST (1024 * 1024) /* more than a line (LOG_LINE_MAX) */
_Static_assert(BYTES_FIRST > LOG_LINE_MAX, "one doubling must always make room for a line");

struct kept {
	uint64_t ts_ns;
	uint64_t off; /* into the bytes: also the order the lines were read in */
	uint64_t len;
};

struct kept_lines {
	char *bytes;
	size_t used, cap;
	struct kept *v;
	size_t n, vcap;
	size_t limit; /* bytes and entries together, at most */
};

/*
 * Half the machine's RAM, so sorting never pushes the host into swap or the
 * OOM killer; GATEHAWK_SORT_MEMORY (bytes) sets another bound.
 */
static size_t memory_limit(void)
{
	long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
	const char *env = getenv("GATEHAWK_SORT_MEMORY");
	uint64_t v;

	if (env && !gh_parse_u64(env, UINT64_MAX, &v))
		return (size_t)v;
	return pages > 0 && size > 0 ? (size_t)pages / 2 * (size_t)size : (size_t)1 << 32;
}

static int cmp_kept(const void *a, const void *b)
{
	const struct kept *x = a, *y = b;

	if (x->ts_ns != y->ts_ns)
		return x->ts_ns < y->ts_ns ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* One line kept with its time, parsed from its copy in scratch (malformed: counted, skipped). */
static int keep(struct cli_log_run *run, struct kept_lines *k, char *scratch, const char *line,
		size_t len)
{
	struct request_record rec;

	memcpy(scratch, line, len);
	if (log_parser_parse(run->parser, scratch, len, &rec)) {
		run->malformed++;
		return 0;
	}
	if (k->used + len + (k->n + 1) * sizeof(*k->v) > k->limit)
		return -E2BIG;
	/* Room for the line (and a byte): one doubling of more than a line is always enough. */
	if (gh_vec_reserve((void **)&k->bytes, &k->cap, k->used + len, 1, BYTES_FIRST) ||
	    gh_vec_reserve((void **)&k->v, &k->vcap, k->n, sizeof(*k->v), 4096))
		return -ENOMEM;
	memcpy(k->bytes + k->used, line, len);
	k->v[k->n++] = (struct kept){ rec.ts_ns, k->used, len };
	k->used += len;
	return 0;
}

static int keep_file(struct cli_log_run *run, struct kept_lines *k, char *scratch,
		     const char *path)
{
	struct log_reader *r;
	char *line;
	size_t len;
	int err = log_reader_open(path, &r), rc = 0;

	if (err)
		return cli_runtime_error(err, "%s: opening %s", run->cmd, path);
	while (!rc && (err = log_reader_next(r, &line, &len)) > 0)
		rc = keep(run, k, scratch, line, len);
	if (rc == -E2BIG)
		; /* said by the caller */
	else if (rc)
		rc = cli_runtime_error(rc, "%s: keeping the lines of %s to sort them", run->cmd,
				       path);
	else if (err < 0)
		rc = cli_runtime_fail(err, "%s: %s: read error: %s", run->cmd, path,
				      log_reader_error(r));
	log_reader_close(r);
	return rc;
}

int cli_log_read_sorted(struct cli_log_run *run, char **files, int n)
{
	struct kept_lines k = { .limit = memory_limit() };
	char *scratch = malloc(LOG_LINE_MAX + 1);
	struct request_record rec;
	int err = scratch ? 0 : cli_runtime_error(-ENOMEM, "%s: sorting the lines", run->cmd);

	/* A file that fails ends the reading; the lines kept before it are still replayed. */
	for (int i = 0; !err && i < n; i++)
		err = keep_file(run, &k, scratch, files[i]);
	if (err == -E2BIG)
		k.n = 0; /* nothing given: the caller replays the logs as they come */
	if (k.n)
		qsort(k.v, k.n, sizeof(*k.v), cmp_kept);
	for (size_t i = 0; scratch && i < k.n; i++) {
		memcpy(scratch, k.bytes + k.v[i].off, k.v[i].len);
		if (!log_parser_parse(run->parser, scratch, k.v[i].len, &rec))
			run->on_record(&rec, run->ctx);
	}
	free(scratch);
	free(k.bytes);
	free(k.v);
	return err;
}
