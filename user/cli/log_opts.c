// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "cli/log_opts.h"

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

static int read_file(struct cli_log_run *run, const char *path)
{
	const struct log_line_stats *st;
	struct request_record rec;
	struct log_reader *r;
	char *line;
	size_t len;
	int err;

	err = log_reader_open(path, &r);
	if (err)
		return cli_runtime_error(err, "%s: opening %s", run->cmd, path);
	while ((err = log_reader_next(r, &line, &len)) > 0) {
		if (log_parser_parse(run->parser, line, len, &rec))
			run->malformed++;
		else
			run->on_record(&rec, run->ctx);
	}
	if (err < 0)
		err = cli_runtime_fail(err, "%s: %s: read error: %s", run->cmd, path,
				       log_reader_error(r));
	st = log_reader_stats(r);
	run->lines.lines += st->lines;
	run->lines.too_long += st->too_long;
	run->lines.binary += st->binary;
	log_reader_close(r);
	return err;
}

int cli_log_read(struct cli_log_run *run, char **files, int n)
{
	int err = 0;

	for (int i = 0; !err && i < n; i++)
		err = read_file(run, files[i]);
	return err;
}
