/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Folder cli/: main.c, one cmd_*.c per command family, option tables and
 * every line printed: the only code that prints or exits, and the only
 * place a struct gh_err becomes text or {"error": ...}. May call all folders.
 *
 * Command-line plumbing shared by every subcommand: a {name, fn} table per
 * level with generated help, a declarative option table, and the two error
 * classes that decide the exit code (2 for bad input, 1 for runtime failure).
 */
#ifndef GATEHAWK_CLI_H
#define GATEHAWK_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <json-c/json.h>

#include "base/err.h"
#include "gatehawk/gate.h" /* GH_PIN_DIR_DEFAULT */

#define CLI_MAX_POSITIONAL 64

struct cli_cmd {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the command's name */
	const char *summary;
};

/* Help text for one leaf command. */
struct cli_usage {
	const char *path;     /* "gatehawk block add" */
	const char *synopsis; /* "CIDR [--ttl DURATION]" */
	const char *about;
	const char *examples; /* may be NULL */
};

struct cli_opt {
	const char *name; /* long name, without the dashes */
	const char *arg;  /* placeholder for the value; NULL for a flag */
	int (*parse)(const char *opt, const char *arg, void *dst);
	void *dst;
	const char *help;
};

/*
 * --json: the command's output as JSON on stdout, and its errors as
 * {"error": {"message", "file", "line", "field"}} there too; notes are silent.
 */
#define CLI_JSON_OPT(var, help) { "json", NULL, cli_set_flag, &(var), help }

/* --pin-dir, the same in every command that opens the pinned maps. */
#define CLI_PIN_DIR_OPT(var)                                            \
	{ "pin-dir", "DIR", cli_set_string, &(var),                     \
	  "bpffs directory of the maps (default: " GH_PIN_DIR_DEFAULT ")" }

/* A repeatable string option (--indicator, --access-log, ...). */
struct cli_strlist {
	const char *items[CLI_MAX_POSITIONAL];
	int count;
};

/*
 * Dispatch argv[0] to one of cmds (NULL-terminated). No argument, "help",
 * "-h" or "--help" print the table.
 */
int cli_dispatch(const char *path, const struct cli_cmd *cmds, int argc, char **argv);

/*
 * Parse options after argv[0]; positional arguments land in pos[]. Returns
 * the positional count, or -EINVAL (already reported) on bad usage. Prints
 * help and exits 0 on --help.
 */
int cli_parse(int argc, char **argv, const struct cli_usage *usage, const struct cli_opt *opts,
	      char **pos, int max_pos);

/*
 * cli_parse() for a command that shows what is under a pin dir: --json
 * (json_help says what it prints) and --pin-dir, no positionals.
 */
int cli_parse_view(int argc, char **argv, const struct cli_usage *usage, const char *json_help,
		   bool *json, const char **pin_dir);

/* Option value parsers for struct cli_opt.parse. */
int cli_set_flag(const char *opt, const char *arg, void *dst);     /* bool */
int cli_set_string(const char *opt, const char *arg, void *dst);   /* const char * */
int cli_set_u32(const char *opt, const char *arg, void *dst);      /* uint32_t */
int cli_set_duration(const char *opt, const char *arg, void *dst); /* uint64_t s, > 0 */
int cli_set_strlist(const char *opt, const char *arg, void *dst);  /* struct cli_strlist */

/*
 * Errors print "Error: ..." on stderr, or, once cli_parse() has seen --json,
 * {"error": {"message": ...}} on stdout (see CLI_JSON_OPT).
 */
/* Errors reported from now on start with "WHERE: " (a config file's line); NULL: no more. */
void cli_error_where(const char *where);
/* Bad input: reports the message, marks exit code 2, returns -EINVAL. */
int cli_input_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Runtime failure: reports "...: strerror(-err)", returns err (negative). */
int cli_runtime_error(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Runtime failure whose message says it all: no strerror suffix. */
int cli_runtime_fail(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Informational note on stderr; silent under --json. */
void cli_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Render a library's error value: its notes, then (ret < 0) its message, with
 * its file, line and field as keys of the JSON form; an input error makes the
 * exit code 2. Returns ret.
 */
int cli_report(const struct gh_err *e, int ret);

/*
 * Options from a configuration file (base/config.h): each "key = value" is
 * the option --key VALUE ("key = true" a flag given, "false" not), but only
 * for keys the command line (argc, argv) does not give: flags override the
 * file, a repeatable option's values on the command line replace the file's.
 * Called after cli_parse(). A missing file is fine unless required; an
 * unknown key, a bad value or a key given twice that is not repeatable is
 * an input error naming FILE:LINE. The values point into *cfg: release it
 * with gh_config_free() once the options are no longer used.
 */
struct gh_config;
int cli_apply_config(const char *path, bool required, const struct cli_opt *opts, int argc,
		     char **argv, struct gh_config *cfg);

/* 0 for success, 2 after cli_input_error(), 1 for any other failure. */
int cli_exit_code(int ret);

/* Print a JSON value on stdout, one line, and release it. */
void cli_print_json(struct json_object *obj);

/*
 * A JSON array printed element by element, one line in all, for lists too
 * long to hold as one json-c tree (two full block maps would take ~700 MB).
 * cli_json_list_add() releases obj.
 */
struct cli_json_list {
	size_t count;
};
void cli_json_list_begin(struct cli_json_list *l);
void cli_json_list_add(struct cli_json_list *l, struct json_object *obj);
void cli_json_list_end(struct cli_json_list *l);

#endif /* GATEHAWK_CLI_H */
