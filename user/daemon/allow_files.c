// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/vec.h"
#include "daemon/allow_files.h"
#include "kernel/block_file.h"

/* Addresses keep unused bytes zero (addr.h): the bytes order and compare them. */
static int cmp_cidr(const void *a, const void *b)
{
	return memcmp(a, b, sizeof(struct gh_cidr));
}

/* One file's entries appended to *all. */
static int read_file(const char *path, const struct block_file_opts *o, struct gh_cidr **all,
		     size_t *n, size_t *cap, struct gh_err *e)
{
	FILE *f = fopen(path, "re");
	struct block_spec *specs = NULL;
	struct gh_err fe = { 0 };
	size_t count = 0;
	int err;

	if (!f)
		return gh_err_input(e, "--allow-file %s: %s", path, strerror(errno));
	err = block_file_parse(f, path, o, &specs, &count, &fe);
	fclose(f);
	if (err == -EINVAL)
		return gh_err_input(e, "--allow-file %s", fe.msg);
	if (err)
		return gh_err_sys(e, err, "--allow-file %s", path);
	for (size_t i = 0; i < count && !err; i++) {
		err = gh_vec_reserve((void **)all, cap, *n, sizeof(**all), 64);
		if (!err)
			(*all)[(*n)++] = specs[i].cidr;
	}
	free(specs);
	return err ? gh_err_sys(e, err, "--allow-file %s", path) : 0;
}

static void log_line(const struct allow_files *af, const char *line)
{
	if (af->log)
		af->log(af->log_ctx, line);
}

static void log_bad_line(const struct gh_err *line_err, void *ctx)
{
	log_line(ctx, line_err->msg);
}

int allow_files_load(struct allow_files *af, struct gh_err *e)
{
	const struct block_file_opts o = { .bad_line = log_bad_line, .ctx = af, .no_ttl = true };
	struct gh_cidr *all = NULL;
	size_t n = 0, cap = 0, kept = 0;
	int err = 0;

	for (int i = 0; i < af->n_paths && !err; i++)
		err = read_file(af->paths[i], &o, &all, &n, &cap, e);
	if (err) {
		free(all);
		return err;
	}
	if (n)
		qsort(all, n, sizeof(*all), cmp_cidr);
	for (size_t i = 0; i < n; i++)
		if (!kept || cmp_cidr(&all[kept - 1], &all[i]))
			all[kept++] = all[i];
	free(af->cidrs);
	af->cidrs = all;
	af->n = kept;
	return 0;
}

bool allow_files_cover(const struct allow_files *af, const struct gh_addr *a)
{
	for (size_t i = 0; i < af->n; i++)
		if (gh_cidr_contains(&af->cidrs[i], a))
			return true;
	return false;
}

/* The files' entries in the maps that no file lists any more. */
struct stale {
	const struct allow_files *af;
	struct gh_cidr *v;
	size_t n, cap;
};

static int collect_stale(const struct allow_view *v, void *ctx)
{
	struct stale *s = ctx;

	if (!(v->entry.flags & GH_ALLOW_F_FILE) ||
	    (s->af->n && bsearch(&v->cidr, s->af->cidrs, s->af->n, sizeof(v->cidr), cmp_cidr)))
		return 0;
	if (gh_vec_reserve((void **)&s->v, &s->cap, s->n, sizeof(*s->v), 16))
		return -ENOMEM;
	s->v[s->n++] = v->cidr;
	return 0;
}

/* Entries to write: absent ones, and any that would expire (a permanent one stays as it is). */
static int write_listed(const struct allow_files *af, struct gate_maps *m, size_t *added)
{
	struct allow_spec *w = calloc(af->n ? af->n : 1, sizeof(*w));
	struct allow_entry cur;
	size_t n = 0;
	int err;

	if (!w)
		return -ENOMEM;
	for (size_t i = 0; i < af->n; i++)
		if (gate_allow_get(m, &af->cidrs[i], &cur) || cur.expires_ns)
			w[n++] = (struct allow_spec){ af->cidrs[i], 0, GH_ALLOW_F_FILE };
	err = gate_allow_put(m, w, n);
	*added = err ? 0 : n;
	free(w);
	return err;
}

int allow_files_sync(const struct allow_files *af, struct gate_maps *m, struct gh_err *e)
{
	struct stale s = { .af = af };
	size_t added = 0, removed = 0;
	int err;

	if (!m || !af->n_paths)
		return 0;
	err = gate_maps_lock(m);
	err = err ?: write_listed(af, m, &added);
	err = err ?: gate_allow_foreach(m, collect_stale, &s);
	for (size_t i = 0; i < s.n && !err; i++) {
		err = gate_allow_del(m, &s.v[i]);
		removed += !err;
	}
	gate_maps_unlock(m);
	free(s.v);
	if (added || removed) {
		char line[128];

		snprintf(line, sizeof(line),
			 "gatehawk: allow files: %zu entries written, %zu no longer listed removed",
			 added, removed);
		log_line(af, line);
	}
	return err ? gh_err_sys(e, err, "writing the --allow-file entries") : 0;
}

void allow_files_reload(struct allow_files *af, struct gate_maps *m)
{
	struct gh_err e = { 0 };
	char line[GH_ERR_MSG_MAX + 64];

	if (!af->n_paths || (!allow_files_load(af, &e) && !allow_files_sync(af, m, &e)))
		return;
	snprintf(line, sizeof(line), "gatehawk: %s; the allow lists in force stay", e.msg);
	log_line(af, line);
}

void allow_files_free(struct allow_files *af)
{
	free(af->cidrs);
	af->cidrs = NULL;
	af->n = 0;
}
