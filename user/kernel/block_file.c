// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/block_file.h"
#include "base/duration.h"
#include "base/err.h"
#include "base/vec.h"

struct spec_list {
	struct block_spec *v;
	size_t n, cap;
};

static int spec_push(struct spec_list *l, const struct block_spec *s)
{
	int err = gh_vec_reserve((void **)&l->v, &l->cap, l->n, sizeof(*l->v), 1024);

	if (!err)
		l->v[l->n++] = *s;
	return err;
}

/* One line, comment already cut: "CIDR [TTL]". Returns a message or NULL. */
static const char *parse_line(char *line, const struct block_file_opts *o, struct block_spec *s,
			      int *empty)
{
	char *save = NULL;
	char *cidr = strtok_r(line, " \t\r", &save);
	char *ttl = strtok_r(NULL, " \t\r", &save);

	*empty = !cidr;
	if (!cidr)
		return NULL;
	if (ttl && o->no_ttl)
		return "expected one CIDR a line, found more fields";
	if (strtok_r(NULL, " \t\r", &save))
		return "expected \"CIDR [TTL]\", found more fields";
	if (gh_cidr_parse(cidr, &s->cidr))
		return "expected an IPv4 or IPv6 address or CIDR with no host bits set";
	s->ttl_s = o->default_ttl_s;
	if (ttl && (gh_duration_parse(ttl, &s->ttl_s) || !s->ttl_s))
		return "expected a TTL such as 30s, 10m, 2h or 7d";
	return NULL;
}

static void report_line(const struct block_file_opts *o, const char *name, unsigned long lineno,
			const char *why)
{
	struct gh_err line_err = { 0 };

	if (!o->bad_line)
		return;
	gh_err_input(&line_err, "%s:%lu: %s", name, lineno, why);
	gh_err_at(&line_err, name, (unsigned int)lineno);
	o->bad_line(&line_err, o->ctx);
}

int block_file_parse(FILE *f, const char *name, const struct block_file_opts *o,
		     struct block_spec **specs, size_t *n, struct gh_err *e)
{
	struct spec_list l = { 0 };
	unsigned long lineno = 0;
	int errors = 0, err = 0;
	size_t cap = 0;
	char *line = NULL;
	ssize_t len;

	while ((len = getline(&line, &cap, f)) >= 0) {
		struct block_spec s = { .reason = o->reason };
		const char *why = NULL;
		int empty = 0;

		lineno++;
		/* The limit is on content: LF or CRLF does not count. */
		if (len && line[len - 1] == '\n')
			len--;
		if (len && line[len - 1] == '\r')
			len--;
		if (len > GH_BLOCK_FILE_LINE_MAX)
			why = "line longer than 512 bytes";
		else if (strnlen(line, (size_t)len) != (size_t)len)
			why = "unexpected NUL byte";
		if (!why) {
			line[len] = '\0';
			line[strcspn(line, "#")] = '\0';
			why = parse_line(line, o, &s, &empty);
		}
		if (why) {
			if (errors++ < GH_BLOCK_FILE_MAX_ERRORS)
				report_line(o, name, lineno, why);
			continue;
		}
		if (!empty)
			err = spec_push(&l, &s);
		if (err)
			break;
	}
	free(line);
	if (!err && ferror(f))
		err = -EIO;
	if (err)
		gh_err_sys(e, err, "reading %s", name);
	if (!err && errors)
		err = gh_err_input(e, "%s: %d bad line(s); nothing was added", name, errors);
	if (err) {
		free(l.v);
		return err;
	}
	*specs = l.v;
	*n = l.n;
	return 0;
}
