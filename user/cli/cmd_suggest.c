// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * suggest: thresholds for the window and rate policies of a directory,
 * learnt from access logs (engine/suggest.h says how), printed per policy
 * and condition, and with --write the policy files with the suggestions.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/addr_set.h"
#include "base/escape.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/log_opts.h"
#include "engine/suggest.h"
#include "input/log_reader.h"

#define TEXT_LISTED 5   /* flagged groups named per condition in text */
#define JSON_LISTED 100 /* ... and in JSON */

struct run {
	const char *dir; /* --policies as given */
	struct policy_load_opts load;
	struct log_parser parser;
	struct policy_set *ps;
	struct suggest_labels *labels;
	struct suggest *s;
	uint64_t records;
	struct cli_log_run log;
	struct addr_set sources;
	bool sources_lost;
	bool json;
};

static void feed(const struct request_record *r, void *ctx)
{
	struct run *rn = ctx;

	rn->records++;
	if (req_has(r, REQ_SRC_IP) && addr_set_add(&rn->sources, &r->src) < 0)
		rn->sources_lost = true;
	suggest_feed(rn->s, r);
}

static void summary(const struct run *rn)
{
	fprintf(stderr,
		"suggest: %llu lines read, %llu rejected (%llu malformed, %llu binary), %llu too "
		"long (cut), %llu records, %s%zu sources\n",
		(unsigned long long)rn->log.lines.lines,
		(unsigned long long)(rn->log.malformed + rn->log.lines.binary),
		(unsigned long long)rn->log.malformed, (unsigned long long)rn->log.lines.binary,
		(unsigned long long)rn->log.lines.too_long, (unsigned long long)rn->records,
		rn->sources_lost ? ">=" : "", rn->sources.count);
}

/* ---- where --write goes ----------------------------------------------------- */

/* The policy file's path under the --policies directory. */
static const char *relative(const struct run *rn, const char *file)
{
	size_t n = strlen(rn->dir);
	const char *slash = strrchr(file, '/');

	if (strncmp(file, rn->dir, n))
		return slash ? slash + 1 : file;
	file += n;
	while (*file == '/')
		file++;
	return file;
}

/* Whether real path a is b or inside it. */
static bool within(const char *a, const char *b)
{
	size_t n = strlen(b);

	return !strncmp(a, b, n) && (a[n] == '\0' || a[n] == '/' || !strcmp(b, "/"));
}

/*
 * The real path of target, which may not exist yet: the real path of its
 * longest existing ancestor, then the rest as given, which must hold no "."
 * or ".." (a plain path, so the comparisons below mean what they say).
 */
static int canonical(const char *target, char *out)
{
	char head[PATH_MAX];
	const char *rest;
	size_t keep = strlen(target), n;

	if (keep >= sizeof(head))
		return -ENAMETOOLONG;
	memcpy(head, target, keep + 1);
	while (!realpath(keep ? head : ".", out)) {
		char *slash = memrchr(head, '/', keep);
		const char *last = slash ? slash + 1 : head;

		if (errno != ENOENT)
			return -errno;
		if (!keep || !strcmp(last, ".") || !strcmp(last, ".."))
			return -EINVAL;
		keep = !slash ? 0 : slash == head ? 1 : (size_t)(slash - head);
		head[keep] = '\0';
	}
	for (rest = target + keep; *rest == '/'; rest++)
		;
	n = strlen(out);
	if (*rest && snprintf(out + n, PATH_MAX - n, "%s%s", n > 1 ? "/" : "", rest) >=
			     (int)(PATH_MAX - n))
		return -ENAMETOOLONG;
	for (n = strlen(out); n > 1 && out[n - 1] == '/'; n--)
		out[n - 1] = '\0';
	return 0;
}

/*
 * --write DIR must not be the policies directory (unless --in-place) nor
 * inside it (the copies would load with the originals). Checked before the
 * run, and again once DIR is made, before the first write.
 */
static int check_target(const struct run *rn, const char *target, bool in_place)
{
	char t[PATH_MAX], p[PATH_MAX];
	int err;

	if (!realpath(rn->dir, p))
		return cli_input_error("suggest: --policies %s: %s", rn->dir, strerror(errno));
	err = canonical(target, t);
	if (err == -EINVAL)
		return cli_input_error("suggest: --write %s: expected a path whose part yet to be "
				       "made has no '.' or '..'", target);
	if (err)
		return cli_input_error("suggest: --write %s: %s", target, strerror(-err));
	if (in_place)
		return strcmp(t, p) ? cli_input_error("suggest: --in-place writes into the "
						       "--policies directory; --write %s is another",
						       target) : 0;
	if (!strcmp(t, p))
		return cli_input_error("suggest: --write %s is the --policies directory: give "
				       "--in-place to rewrite its files, or another directory",
				       target);
	if (within(t, p))
		return cli_input_error("suggest: --write %s is inside the --policies directory, "
				       "whose loader would read the copies too", target);
	return 0;
}

/* mkdir -p of the directory part of path. */
static int make_parents(char *path)
{
	for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(path, 0755) && errno != EEXIST) {
			int err = -errno;

			*s = '/';
			return err;
		}
		*s = '/';
	}
	return 0;
}

/* The file written whole next to its place, then renamed over it. */
static int write_json(const char *path, struct json_object *root)
{
	char tmp[PATH_MAX + 8];
	FILE *f;
	int err = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	f = fopen(tmp, "w");
	if (!f)
		return -errno;
	fprintf(f, "%s\n", json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
								 JSON_C_TO_STRING_SPACED |
								 JSON_C_TO_STRING_NOSLASHESCAPE));
	if (ferror(f))
		err = -EIO;
	if (fclose(f) && !err)
		err = -errno;
	if (!err && rename(tmp, path))
		err = -errno;
	if (err)
		unlink(tmp);
	return err;
}

/* What changed in one policy, as {"agg", "op", "from", "to"} entries. */
static struct json_object *changes_of(const struct suggest_policy *sp)
{
	struct json_object *a = json_object_new_array();

	for (uint8_t i = 0; i < sp->n_conds; i++) {
		const struct suggest_cond *c = &sp->conds[i];
		struct json_object *o;

		if (!c->r.suggested || c->r.pick.value == c->spec.current)
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "agg", json_object_new_string(c->agg));
		json_object_object_add(o, "op", json_object_new_string(cmp_op_name(c->spec.op)));
		json_object_object_add(o, "from", gh_json_number(c->spec.current));
		json_object_object_add(o, "to", gh_json_number(c->r.pick.value));
		json_object_array_add(a, o);
	}
	return a;
}

static int write_policy(const struct run *rn, const struct suggest_policy *sp,
			const char *target, struct json_object *written)
{
	struct json_object *root, *entry;
	struct gh_err e = { 0 };
	char path[PATH_MAX];
	int err = suggest_rewrite(sp, &root, &e);

	if (err)
		return cli_report(&e, err);
	if (!root)
		return 0;
	if (snprintf(path, sizeof(path), "%s/%s", target, relative(rn, sp->p->file)) >=
	    (int)sizeof(path)) {
		json_object_put(root);
		return cli_runtime_error(-ENAMETOOLONG, "suggest: writing under %s", target);
	}
	err = make_parents(path);
	if (!err)
		err = write_json(path, root);
	json_object_put(root);
	if (err)
		return cli_runtime_error(err, "suggest: writing %s", path);
	entry = json_object_new_object();
	json_object_object_add(entry, "file", json_object_new_string(path));
	json_object_object_add(entry, "changes", changes_of(sp));
	json_object_array_add(written, entry);
	return 0;
}

static int write_all(const struct run *rn, const char *target, bool in_place,
		     struct json_object *written)
{
	char dir[PATH_MAX + 2];
	int err;

	snprintf(dir, sizeof(dir), "%s/", target);
	err = make_parents(dir);
	if (err)
		return cli_runtime_error(err, "suggest: making %s", target);
	err = check_target(rn, target, in_place);
	for (size_t i = 0; !err && i < suggest_count(rn->s); i++)
		err = write_policy(rn, suggest_get(rn->s, i), target, written);
	return err;
}

/* ---- output ------------------------------------------------------------------- */

/* A row of the candidates table: one value, whatever it is. */
struct row {
	const struct suggest_candidate *c;
	bool current, brk, pick;
};

static int by_value(const void *a, const void *b)
{
	double x = ((const struct row *)a)->c->value, y = ((const struct row *)b)->c->value;

	return (x > y) - (x < y);
}

static void add_row(struct row *rows, size_t *n, const struct suggest_candidate *c,
		    bool current, bool brk, bool pick)
{
	size_t i;

	for (i = 0; i < *n && rows[i].c->value != c->value; i++)
		;
	if (i == *n)
		rows[(*n)++] = (struct row){ .c = c };
	rows[i].current |= current;
	rows[i].brk |= brk;
	rows[i].pick |= pick;
}

/* The current value, the natural breaks and the suggestion, once each, by value. */
static size_t rows_of(const struct suggest_result *r, struct row *rows)
{
	size_t n = 0;

	add_row(rows, &n, &r->current, true, false, false);
	for (size_t i = 0; i < r->n_breaks; i++)
		add_row(rows, &n, &r->breaks[i], false, true, false);
	if (r->suggested)
		add_row(rows, &n, &r->pick, false, false, true);
	qsort(rows, n, sizeof(*rows), by_value);
	return n;
}

static struct json_object *row_json(const struct row *w, bool labels)
{
	const struct suggest_candidate *c = w->c;
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "value", gh_json_number(c->value));
	json_object_object_add(o, "current", json_object_new_boolean(w->current));
	json_object_object_add(o, "natural_break", json_object_new_boolean(w->brk));
	json_object_object_add(o, "suggestion", json_object_new_boolean(w->pick));
	json_object_object_add(o, "flags", json_object_new_uint64(c->flags));
	json_object_object_add(o, "spares_from", isnan(c->below) ? NULL : gh_json_number(c->below));
	json_object_object_add(o, "flags_from", isnan(c->above) ? NULL : gh_json_number(c->above));
	if (labels) {
		json_object_object_add(o, "tp", json_object_new_uint64(c->tp));
		json_object_object_add(o, "fp", json_object_new_uint64(c->fp));
		json_object_object_add(o, "mcc", isnan(c->mcc) ? NULL : gh_json_number(c->mcc));
	}
	return o;
}

/* The threshold in force after the run: the suggestion, else the current value. */
static const struct suggest_candidate *in_force(const struct suggest_cond *c)
{
	return c->r.suggested ? &c->r.pick : &c->r.current;
}

static struct json_object *cond_json(const struct run *rn, size_t pi,
				     const struct suggest_policy *sp, const struct suggest_cond *c)
{
	const struct suggest_result *r = &c->r;
	const struct suggest_candidate *f = in_force(c);
	struct json_object *o = json_object_new_object(), *q = json_object_new_object();
	struct json_object *cands = json_object_new_array(), *flagged = json_object_new_array();
	struct row rows[SUGGEST_MAX_BREAKS + 2];
	bool labels = rn->labels != NULL;

	json_object_object_add(o, "agg", json_object_new_string(c->agg));
	json_object_object_add(o, "op", json_object_new_string(cmp_op_name(c->spec.op)));
	json_object_object_add(o, "current", gh_json_number(c->spec.current));
	json_object_object_add(o, "groups", json_object_new_uint64(r->groups));
	json_object_object_add(o, "others_held", json_object_new_boolean(
		sp->p->kind == POLICY_WINDOW && sp->n_conds > 1 && !sp->p->window.having_any));
	if (r->groups) {
		json_object_object_add(q, "min", gh_json_number(r->min));
		json_object_object_add(q, "p50", gh_json_number(r->q50));
		json_object_object_add(q, "p90", gh_json_number(r->q90));
		json_object_object_add(q, "p99", gh_json_number(r->q99));
		json_object_object_add(q, "p99.9", gh_json_number(r->q999));
		json_object_object_add(q, "max", gh_json_number(r->max));
	}
	json_object_object_add(o, "quantiles", q);
	for (size_t i = 0, n = rows_of(r, rows); i < n; i++)
		json_object_array_add(cands, row_json(&rows[i], labels));
	json_object_object_add(o, "candidates", cands);
	json_object_object_add(o, "current_flags", json_object_new_uint64(r->current.flags));
	json_object_object_add(o, "suggestion", r->suggested ? gh_json_number(r->pick.value) : NULL);
	json_object_object_add(o, "changed", json_object_new_boolean(
		r->suggested && r->pick.value != c->spec.current));
	json_object_object_add(o, "reason", json_object_new_string(r->reason));
	if (labels) {
		json_object_object_add(o, "attack_groups", json_object_new_uint64(r->attack));
		json_object_object_add(o, "benign_groups", json_object_new_uint64(r->benign));
	}
	for (size_t i = 0; i < f->flags && i < JSON_LISTED; i++) {
		const struct suggest_point *p = &c->pts[c->n - 1 - i];
		const char *name = suggest_group_name(rn->s, pi, p->group);
		struct json_object *g = json_object_new_object();

		json_object_object_add(g, "group", gh_json_string(name, strlen(name)));
		json_object_object_add(g, "peak", gh_json_number(p->peak));
		json_object_array_add(flagged, g);
	}
	json_object_object_add(o, "flagged", flagged);
	return o;
}

static struct json_object *policy_json(const struct run *rn, size_t pi)
{
	const struct suggest_policy *sp = suggest_get(rn->s, pi);
	struct json_object *o = json_object_new_object(), *conds;

	json_object_object_add(o, "policy", json_object_new_string(sp->p->name));
	json_object_object_add(o, "file", json_object_new_string(sp->p->file));
	json_object_object_add(o, "kind", json_object_new_string(policy_kind_name(sp->p->kind)));
	if (sp->skipped) {
		json_object_object_add(o, "skipped", json_object_new_string(sp->skipped));
		return o;
	}
	json_object_object_add(o, "groups", json_object_new_uint64(sp->groups));
	json_object_object_add(o, "records_left_out", json_object_new_uint64(sp->left_out));
	conds = json_object_new_array();
	for (uint8_t i = 0; i < sp->n_conds; i++)
		json_object_array_add(conds, cond_json(rn, pi, sp, &sp->conds[i]));
	json_object_object_add(o, "conditions", conds);
	return o;
}

static void print_json(const struct run *rn, struct json_object *written)
{
	struct json_object *o = json_object_new_object(), *pols = json_object_new_array();

	json_object_object_add(o, "lines", json_object_new_uint64(rn->log.lines.lines));
	json_object_object_add(o, "records", json_object_new_uint64(rn->records));
	json_object_object_add(o, "malformed", json_object_new_uint64(rn->log.malformed));
	json_object_object_add(o, "sources", json_object_new_uint64(rn->sources.count));
	for (size_t i = 0; i < suggest_count(rn->s); i++)
		json_object_array_add(pols, policy_json(rn, i));
	json_object_object_add(o, "policies", pols);
	if (written)
		json_object_object_add(o, "written", json_object_get(written));
	cli_print_json(o);
}

/* A group's name for a terminal. */
static const char *shown(const char *name, char *buf, size_t len)
{
	gh_escape_text(name, strlen(name), buf, len);
	return buf;
}

static void print_row(const struct run *rn, const struct suggest_cond *c, const struct row *w)
{
	const struct suggest_candidate *k = w->c;

	printf("      %-3s %-10g %6zu", cmp_op_name(c->spec.op), k->value, k->flags);
	if (rn->labels)
		printf(" %7zu %7zu %6.2f", k->tp, k->fp, isnan(k->mcc) ? 0.0 : k->mcc);
	printf("   %s%s%s%s%s", w->current ? "current" : "", w->current && w->brk ? ", " : "",
	       w->brk ? "natural break" : "", (w->current || w->brk) && w->pick ? ", " : "",
	       w->pick ? "suggestion" : "");
	if (!isnan(k->below) && !isnan(k->above))
		printf(" (between %g and %g)", fmin(k->below, k->above), fmax(k->below, k->above));
	printf("\n");
}

/* Who the threshold in force flags, and the nearest group it spares. */
static void print_flagged(const struct run *rn, size_t pi, const struct suggest_cond *c)
{
	const struct suggest_candidate *f = in_force(c);
	char buf[128];
	size_t i;

	printf("    flags:");
	for (i = 0; i < f->flags && i < TEXT_LISTED; i++) {
		const struct suggest_point *p = &c->pts[c->n - 1 - i];

		printf("%s %s (%g)", i ? "," : "",
		       shown(suggest_group_name(rn->s, pi, p->group), buf, sizeof(buf)), p->peak);
	}
	if (!f->flags)
		printf(" no group");
	else if (f->flags > TEXT_LISTED)
		printf(" and %zu more", f->flags - TEXT_LISTED);
	if (f->flags < c->n) {
		const struct suggest_point *p = &c->pts[c->n - 1 - f->flags];

		printf("; nearest spared: %s (%g)",
		       shown(suggest_group_name(rn->s, pi, p->group), buf, sizeof(buf)), p->peak);
	}
	printf("\n");
}

static void print_cond(const struct run *rn, size_t pi, const struct suggest_policy *sp,
		       const struct suggest_cond *c)
{
	const struct suggest_result *r = &c->r;
	struct row rows[SUGGEST_MAX_BREAKS + 2];

	printf("  %s %s %g: %zu group%s%s%s\n", c->agg, cmp_op_name(c->spec.op), c->spec.current,
	       r->groups, r->groups == 1 ? "" : "s",
	       sp->p->kind == POLICY_WINDOW && sp->n_conds > 1 && !sp->p->window.having_any
		       ? " (those meeting the other conditions at their current values)" : "",
	       sp->p->kind == POLICY_WINDOW && sp->p->window.conds[c->index].rise_factor
		       ? " (rise_factor not checked)" : "");
	if (r->groups) {
		printf("    peaks: min %g  p50 %g  p90 %g  p99 %g  p99.9 %g  max %g\n", r->min,
		       r->q50, r->q90, r->q99, r->q999, r->max);
		printf("      %-14s %6s%s\n", "threshold", "flags",
		       rn->labels ? "  attack  benign    mcc" : "");
		for (size_t i = 0, n = rows_of(r, rows); i < n; i++)
			print_row(rn, c, &rows[i]);
	}
	if (r->suggested && r->pick.value != c->spec.current)
		printf("    suggest %s %g (now %g): %s\n", cmp_op_name(c->spec.op), r->pick.value,
		       c->spec.current, r->reason);
	else
		printf("    keep %s %g%s: %s\n", cmp_op_name(c->spec.op), c->spec.current,
		       r->suggested ? " (it is the suggestion)" : "", r->reason);
	if (r->groups)
		print_flagged(rn, pi, c);
}

static void print_text(const struct run *rn)
{
	for (size_t i = 0; i < suggest_count(rn->s); i++) {
		const struct suggest_policy *sp = suggest_get(rn->s, i);

		printf("%s%s (%s, %s)", i ? "\n" : "", sp->p->name, policy_kind_name(sp->p->kind),
		       sp->p->file);
		if (sp->skipped) {
			printf(": skipped, it %s\n", sp->skipped);
			continue;
		}
		if (sp->p->kind == POLICY_RATE)
			printf(": %s over %llus", rate_metric_name(sp->p->rate.metric),
			       (unsigned long long)sp->p->rate.over_s);
		printf(": %zu group%s", sp->groups, sp->groups == 1 ? "" : "s");
		if (sp->left_out)
			printf(" (and %llu records of further groups left out)",
			       (unsigned long long)sp->left_out);
		printf("\n");
		for (uint8_t c = 0; c < sp->n_conds; c++)
			print_cond(rn, i, sp, &sp->conds[c]);
	}
}

static void print_written(struct json_object *written, const char *target)
{
	size_t n = json_object_array_length(written);

	if (!n)
		printf("\nnothing written to %s: no suggestion differs from the current value\n",
		       target);
	for (size_t i = 0; i < n; i++) {
		struct json_object *e = json_object_array_get_idx(written, i);
		struct json_object *ch = json_object_object_get(e, "changes");

		printf("%swrote %s:", i ? "" : "\n",
		       json_object_get_string(json_object_object_get(e, "file")));
		for (size_t k = 0; k < json_object_array_length(ch); k++) {
			struct json_object *c = json_object_array_get_idx(ch, k);

			printf("%s %s %s %s -> %s", k ? "," : "",
			       json_object_get_string(json_object_object_get(c, "agg")),
			       json_object_get_string(json_object_object_get(c, "op")),
			       json_object_get_string(json_object_object_get(c, "from")),
			       json_object_get_string(json_object_object_get(c, "to")));
		}
		printf("\n");
	}
}

/* ---- the command ------------------------------------------------------------- */

static int setup(struct run *rn, const char *labels)
{
	struct gh_err e = { 0 };
	size_t n = 0;
	int err = cli_load_policies("suggest: --policies", rn->dir, &rn->load, &rn->ps);

	if (err)
		return err;
	for (size_t i = 0; i < rn->ps->count; i++)
		n += rn->ps->policies[i].kind == POLICY_WINDOW ||
		     rn->ps->policies[i].kind == POLICY_RATE;
	if (!n)
		return cli_input_error("suggest: %s has no window or rate policy: nothing to "
				       "suggest", rn->dir);
	if (labels && (err = suggest_labels_load(labels, &rn->labels, &e)))
		return cli_report(&e, err);
	err = suggest_new(rn->ps, &rn->s);
	return err ? cli_runtime_error(err, "suggest: starting the engine") : 0;
}

static void run_free(struct run *rn)
{
	suggest_free(rn->s);
	suggest_labels_free(rn->labels);
	policy_set_free(rn->ps);
	log_parser_free(&rn->parser);
	addr_set_free(&rn->sources);
}

int cmd_suggest(int argc, char **argv)
{
	const char *labels = NULL, *target = NULL;
	bool in_place = false;
	struct cli_log_opts lo = { 0 };
	struct run rn = { 0 };
	const struct cli_opt opts[] = {
		{ "policies", "DIR", cli_set_string, &rn.dir,
		  "the policies whose window and rate thresholds to learn (required)" },
		CLI_IPV6_PREFIX_OPT(rn.load),
		CLI_LOG_OPTS(lo),
		{ "labels", "FILE", cli_set_string, &labels,
		  "lines \"ADDRESS benign|attack\": pick the threshold that best separates them" },
		{ "write", "DIR", cli_set_string, &target,
		  "write the policy files whose values change under DIR (same relative paths)" },
		{ "in-place", NULL, cli_set_flag, &in_place,
		  "rewrite the changed files of --policies itself (alone, or with --write DIR "
		  "naming the same directory)" },
		CLI_JSON_OPT(rn.json, "per policy and condition: quantiles, candidates, "
				      "suggestion, reason (and what was written)"),
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk suggest",
		"--policies DIR [--ipv6-prefix N] [--format FMT | --log-format SPEC]\n"
		"                        [--trusted-proxy CIDR]... [--labels FILE]\n"
		"                        [--write DIR [--in-place]] [--json] FILE...",
		"Learn thresholds for the window and rate policies of DIR from access logs\n"
		"(oldest first, as replay reads them). Each policy runs over the history with\n"
		"its thresholds out of the way; per having condition (and a rate policy's\n"
		"per_second) every group (source, or prefix) keeps its peak, the value that\n"
		"would just have flagged it. Printed per condition: the peaks' quantiles; the\n"
		"current value and the natural breaks (gaps of more than x2 between peaks on a\n"
		"log scale, of more than 20 points between ratios) with how many groups each\n"
		"flags; and a suggested value with the reason: the middle of the natural break\n"
		"the current value sits in, or the nearest break when it cuts a cluster. The\n"
		"current value is kept when it flags none or all of the groups. With --labels,\n"
		"the threshold with the best Matthews correlation over the labelled groups (a\n"
		"group holding any benign address is benign). Conditions of an `all` are learnt\n"
		"on the groups meeting the others at their current values. --write DIR writes\n"
		"the policy files whose values change under DIR (only those values changed);\n"
		"DIR must not be the policies directory or inside it, unless --in-place.",
		"  gatehawk suggest --policies policies access.log.1 access.log\n"
		"  gatehawk suggest --policies policies --labels known.txt --json access.log | "
		"jq '.policies[].conditions[].suggestion'\n"
		"  gatehawk suggest --policies policies --write tuned access.log && "
		"gatehawk policy check tuned\n"
		"  gatehawk suggest --policies policies --in-place access.log\n"
	};
	struct json_object *written = NULL;
	char *files[CLI_MAX_POSITIONAL];
	int n, err;

	n = cli_parse(argc, argv, &usage, opts, files, CLI_MAX_POSITIONAL);
	if (n < 0)
		return n;
	if (!rn.dir)
		return cli_input_error("suggest: --policies DIR is required; see --help");
	if (!n)
		return cli_input_error("suggest: at least one log FILE (or '-') is required; "
				       "see --help");
	if (in_place && !target)
		target = rn.dir;
	err = cli_log_parser(&lo, &rn.parser);
	if (!err)
		err = cli_log_check_inputs("suggest", files, n);
	if (!err && target)
		err = check_target(&rn, target, in_place);
	if (!err)
		err = setup(&rn, labels);
	rn.log = (struct cli_log_run){ .cmd = "suggest", .parser = &rn.parser, .on_record = feed,
				       .ctx = &rn };
	if (!err)
		err = cli_log_read(&rn.log, files, n);
	if (!err)
		summary(&rn);
	if (!err && !rn.records)
		err = cli_input_error("suggest: no records: nothing to suggest");
	if (!err && (err = suggest_finish(rn.s, rn.labels)))
		err = cli_runtime_error(err, "suggest: learning the thresholds");
	if (!err && target) {
		written = json_object_new_array();
		err = write_all(&rn, target, in_place, written);
	}
	if (!err && rn.json) {
		print_json(&rn, written);
	} else if (!err) {
		print_text(&rn);
		if (written)
			print_written(written, target);
	}
	json_object_put(written);
	run_free(&rn);
	return err;
}
