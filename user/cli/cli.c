// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/duration.h"
#include "base/err.h"
#include "base/number.h"

static bool input_error_seen;
static bool json_output; /* the command was given --json */
static const char *error_where; /* "FILE:LINE" of the input being read, or NULL */

#define JSON_FLAGS (JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)

/*
 * Under --json an error is {"error": {...}} on stdout, where bpftool puts
 * it too: a script reading stdout with jq sees the failure as JSON instead
 * of an empty document. Otherwise "Error: ..." on stderr.
 */
static void print_error(const char *msg, const char *file, unsigned int line, const char *field)
{
	struct json_object *root, *e;

	if (!json_output) {
		fprintf(stderr, "Error: %s\n", msg);
		return;
	}
	e = json_object_new_object();
	json_object_object_add(e, "message", json_object_new_string(msg));
	if (file && *file)
		json_object_object_add(e, "file", json_object_new_string(file));
	if (line)
		json_object_object_add(e, "line", json_object_new_int64(line));
	if (field && *field)
		json_object_object_add(e, "field", json_object_new_string(field));
	root = json_object_new_object();
	json_object_object_add(root, "error", e);
	cli_print_json(root);
}

static void verror(const char *fmt, va_list ap, const char *suffix)
{
	char msg[GH_ERR_MSG_MAX];
	int n = error_where ? snprintf(msg, sizeof(msg), "%.512s: ", error_where) : 0;

	n += vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	if (suffix && n >= 0 && (size_t)n < sizeof(msg))
		snprintf(msg + n, sizeof(msg) - (size_t)n, "%s", suffix);
	print_error(msg, NULL, 0, NULL);
}

void cli_error_where(const char *where)
{
	error_where = where;
}

int cli_input_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap, NULL);
	va_end(ap);
	input_error_seen = true;
	return -EINVAL;
}

int cli_runtime_error(int err, const char *fmt, ...)
{
	char suffix[128];
	va_list ap;

	snprintf(suffix, sizeof(suffix), ": %s", strerror(err < 0 ? -err : err));
	va_start(ap, fmt);
	verror(fmt, ap, suffix);
	va_end(ap);
	return err < 0 ? err : -err;
}

int cli_runtime_fail(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap, NULL);
	va_end(ap);
	return err < 0 ? err : -err;
}

/* Informational: silent under --json, whose stdout is one document. */
void cli_note(const char *fmt, ...)
{
	va_list ap;

	if (json_output)
		return;
	va_start(ap, fmt);
	fprintf(stderr, "Note: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
}

int cli_report(const struct gh_err *e, int ret)
{
	char *line, *save = NULL, notes[GH_ERR_NOTES_MAX];

	snprintf(notes, sizeof(notes), "%s", e->notes);
	for (line = strtok_r(notes, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		cli_note("%s", line);
	if (ret >= 0)
		return ret;
	if (e->input)
		input_error_seen = true;
	if (!e->code)
		return cli_runtime_error(ret, "unexpected failure");
	print_error(e->msg, e->file, e->line, e->field);
	return ret;
}

int cli_exit_code(int ret)
{
	if (ret >= 0)
		return 0;
	return input_error_seen ? 2 : 1;
}

void cli_print_json(struct json_object *obj)
{
	puts(json_object_to_json_string_ext(obj, JSON_FLAGS));
	json_object_put(obj);
}

void cli_json_list_begin(struct cli_json_list *l)
{
	l->count = 0;
	fputs("[", stdout);
}

void cli_json_list_add(struct cli_json_list *l, struct json_object *obj)
{
	printf("%s%s", l->count++ ? "," : "", json_object_to_json_string_ext(obj, JSON_FLAGS));
	json_object_put(obj);
}

void cli_json_list_end(struct cli_json_list *l)
{
	(void)l;
	puts("]");
}

static bool is_help(const char *s)
{
	return !strcmp(s, "help") || !strcmp(s, "-h") || !strcmp(s, "--help");
}

int cli_dispatch(const char *path, const struct cli_cmd *cmds, int argc, char **argv)
{
	const struct cli_cmd *c;

	if (argc < 1 || is_help(argv[0])) {
		printf("Usage: %s COMMAND [ARGS]\n\nCommands:\n", path);
		for (c = cmds; c->name; c++)
			printf("  %-10s %s\n", c->name, c->summary);
		printf("\nRun '%s COMMAND --help' for a command's options.\n", path);
		return argc < 1 ? cli_input_error("%s: a command is required", path) : 0;
	}
	for (c = cmds; c->name; c++)
		if (!strcmp(c->name, argv[0]))
			return c->run(argc, argv);
	return cli_input_error("%s: unknown command '%s'; try '%s --help'", path, argv[0], path);
}

static void print_usage(const struct cli_usage *u, const struct cli_opt *opts)
{
	const struct cli_opt *o;
	char left[64];

	/* Every command has --help, so there always is an Options block. */
	printf("Usage: %s %s\n\n%s\n\nOptions:\n", u->path, u->synopsis, u->about);
	for (o = opts; o && o->name; o++) {
		snprintf(left, sizeof(left), "--%s%s%s", o->name, o->arg ? " " : "",
			 o->arg ? o->arg : "");
		printf("  %-26s %s\n", left, o->help);
	}
	printf("  %-26s %s\n", "--help", "show this help");
	if (u->examples)
		printf("\nExamples:\n%s", u->examples);
}

static const struct cli_opt *find_opt(const struct cli_opt *opts, const char *name, size_t len)
{
	for (const struct cli_opt *o = opts; o && o->name; o++)
		if (strlen(o->name) == len && !strncmp(o->name, name, len))
			return o;
	return NULL;
}

/*
 * Whether the options hold --json, looked for before parsing so that an error
 * about any option, even one given before --json, comes out as JSON too.
 */
static bool wants_json(int argc, char **argv, const struct cli_opt *opts)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		const char *name = argv[i] + 2;
		const struct cli_opt *o;

		if (strncmp(argv[i], "--", 2))
			continue;
		o = find_opt(opts, name, strcspn(name, "="));
		if (o && !strcmp(o->name, "json"))
			return true;
		if (o && o->arg && !strchr(name, '='))
			i++; /* its value, whatever it looks like */
	}
	return false;
}

int cli_parse(int argc, char **argv, const struct cli_usage *usage, const struct cli_opt *opts,
	      char **pos, int max_pos)
{
	bool options_done = false;
	int npos = 0;

	json_output = wants_json(argc, argv, opts);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *name, *eq, *val = NULL;
		const struct cli_opt *o;
		size_t len;
		int err;

		if (options_done || a[0] != '-' || !strcmp(a, "-")) {
			if (npos >= max_pos)
				return cli_input_error("%s: unexpected argument '%s'; see --help",
						       usage->path, a);
			pos[npos++] = argv[i];
			continue;
		}
		if (!strcmp(a, "--")) {
			options_done = true;
			continue;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			print_usage(usage, opts);
			exit(0);
		}
		if (strncmp(a, "--", 2))
			return cli_input_error("%s: unknown option '%s'; see --help", usage->path, a);
		name = a + 2;
		eq = strchr(name, '=');
		len = eq ? (size_t)(eq - name) : strlen(name);
		o = find_opt(opts, name, len);
		if (!o)
			return cli_input_error("%s: unknown option '%s'; see --help", usage->path, a);
		if (o->arg) {
			if (eq)
				val = eq + 1;
			else if (i + 1 < argc)
				val = argv[++i];
			else
				return cli_input_error("%s: --%s needs a value (%s)", usage->path,
						       o->name, o->arg);
		} else if (eq) {
			return cli_input_error("%s: --%s takes no value", usage->path, o->name);
		}
		err = o->parse(o->name, val, o->dst);
		if (err)
			return err;
	}
	return npos;
}

int cli_parse_view(int argc, char **argv, const struct cli_usage *usage, const char *json_help,
		   bool *json, const char **pin_dir)
{
	const struct cli_opt opts[] = {
		CLI_JSON_OPT(*json, json_help),
		CLI_PIN_DIR_OPT(*pin_dir),
		{ 0 },
	};
	char *pos[1];

	return cli_parse(argc, argv, usage, opts, pos, 0);
}

int cli_set_flag(const char *opt, const char *arg, void *dst)
{
	(void)opt;
	(void)arg;
	*(bool *)dst = true;
	return 0;
}

int cli_set_string(const char *opt, const char *arg, void *dst)
{
	if (!*arg)
		return cli_input_error("--%s: expected a non-empty value", opt);
	*(const char **)dst = arg;
	return 0;
}

int cli_set_u32(const char *opt, const char *arg, void *dst)
{
	uint64_t v;

	if (gh_parse_u64(arg, UINT32_MAX, &v))
		return cli_input_error("--%s: expected a whole number from 0 to %u, got '%s'", opt,
				       UINT32_MAX, arg);
	*(uint32_t *)dst = (uint32_t)v;
	return 0;
}

int cli_set_duration(const char *opt, const char *arg, void *dst)
{
	if (gh_duration_parse(arg, dst) || !*(uint64_t *)dst)
		return cli_input_error("--%s: expected a duration above zero such as 30s, 10m, "
				       "2h or 7d, "
				       "got '%s'",
				       opt, arg);
	return 0;
}

int cli_set_strlist(const char *opt, const char *arg, void *dst)
{
	struct cli_strlist *l = dst;

	if (l->count >= CLI_MAX_POSITIONAL)
		return cli_input_error("--%s: at most %d values", opt, CLI_MAX_POSITIONAL);
	l->items[l->count++] = arg;
	return 0;
}
