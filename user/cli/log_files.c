// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/log_files.h"

int cli_check_log_files(const char *cmd, char **files, int n)
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

int cli_read_log(const char *cmd, const char *path, const struct log_parser *p,
		 int (*fn)(const struct request_record *r, void *ctx), void *ctx,
		 struct cli_log_counts *counts)
{
	const struct log_line_stats *st;
	struct request_record rec;
	struct log_reader *r;
	char *line;
	size_t len;
	int err, fn_err = 0;

	err = log_reader_open(path, &r);
	if (err)
		return cli_runtime_error(err, "%s: opening %s", cmd, path);
	while (!fn_err && (err = log_reader_next(r, &line, &len)) > 0) {
		if (log_parser_parse(p, line, len, &rec))
			counts->malformed++;
		else
			fn_err = fn(&rec, ctx);
	}
	if (err < 0)
		err = cli_runtime_fail(err, "%s: %s: read error: %s", cmd, path,
				       log_reader_error(r));
	st = log_reader_stats(r);
	counts->lines.lines += st->lines;
	counts->lines.too_long += st->too_long;
	counts->lines.binary += st->binary;
	log_reader_close(r);
	return fn_err < 0 ? fn_err : err < 0 ? err : 0;
}
