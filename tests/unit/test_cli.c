// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Option parsing shared by every subcommand: flags, --opt=value and
 * --opt value, positionals and "--", and the value parsers' ranges. Bad
 * usage must come back as -EINVAL (exit code 2), never as a value.
 * cli_input_error() writes its message on stderr; TAP stays on stdout.
 * Under --json errors go to stdout as {"error": {...}}: those cases run with
 * stdout and stderr captured in files.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "tap.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_ARGS 8

/* What the option table below fills in. */
struct parsed {
	bool force;
	const char *reason;
	uint32_t limit;
	uint64_t ttl;
	int n_indicators;
};

static struct parsed got;
static struct cli_strlist indicators;

static const struct cli_opt opts[] = {
	{ "force", NULL, cli_set_flag, &got.force, "a flag" },
	{ "reason", "TEXT", cli_set_string, &got.reason, "a string" },
	{ "limit", "N", cli_set_u32, &got.limit, "a 32-bit number" },
	{ "ttl", "DURATION", cli_set_duration, &got.ttl, "a duration" },
	{ "indicator", "K=V", cli_set_strlist, &indicators, "repeatable" },
	{ 0 },
};

static const struct cli_usage usage = { "gatehawk test", "[ARG]...", "Test options.", NULL };

static const struct cli_case {
	const char *what;
	const char *args[MAX_ARGS]; /* after the command name */
	int max_pos;
	int ret; /* positional count, or -EINVAL */
	struct parsed want;
	const char *pos[MAX_ARGS];
} cases[] = {
	{ "nothing", {}, 2, 0 },
	{ "a flag", { "--force" }, 2, 0, { .force = true } },
	{ "--opt=value", { "--reason=scan" }, 2, 0, { .reason = "scan" } },
	{ "--opt value", { "--reason", "scan" }, 2, 0, { .reason = "scan" } },
	{ "a value holding '='", { "--reason=a=b" }, 2, 0, { .reason = "a=b" } },
	{ "the next argument is the value", { "--reason", "--force" }, 2, 0,
	  { .reason = "--force" } },
	{ "positionals around options", { "a", "--force", "b" }, 2, 2, { .force = true },
	  { "a", "b" } },
	{ "'-' is a positional", { "-" }, 1, 1, {}, { "-" } },
	{ "'--' ends the options", { "--force", "--", "--reason", "-x" }, 2, 2, { .force = true },
	  { "--reason", "-x" } },
	{ "the last of a repeated option wins", { "--limit=1", "--limit", "2" }, 0, 0,
	  { .limit = 2 } },
	{ "a list option repeats", { "--indicator", "a=1", "--indicator=b=2" }, 0, 0,
	  { .n_indicators = 2 } },
	{ "missing value", { "--reason" }, 2, -EINVAL },
	{ "missing value after a flag", { "--force", "--limit" }, 2, -EINVAL },
	{ "empty string value", { "--reason=" }, 2, -EINVAL },
	{ "a flag given a value", { "--force=yes" }, 2, -EINVAL },
	{ "unknown option", { "--nope" }, 2, -EINVAL },
	{ "unknown option with a value", { "--nope=1" }, 2, -EINVAL },
	{ "a prefix of an option", { "--for" }, 2, -EINVAL },
	{ "an option plus junk", { "--forcex" }, 2, -EINVAL },
	{ "short options do not exist", { "-f" }, 2, -EINVAL },
	{ "single-dash long option", { "-force" }, 2, -EINVAL },
	{ "too many positionals", { "a", "b", "c" }, 2, -EINVAL },
	{ "a positional where none is taken", { "a" }, 0, -EINVAL },
	{ "too many after '--'", { "--", "a", "b" }, 1, -EINVAL },
	{ "u32: 0", { "--limit=0" }, 0, 0, { .limit = 0 } },
	{ "u32: 4294967295", { "--limit=4294967295" }, 0, 0, { .limit = UINT32_MAX } },
	{ "u32: 4294967296", { "--limit=4294967296" }, 0, -EINVAL },
	{ "u32: -1", { "--limit=-1" }, 0, -EINVAL },
	{ "u32: +1", { "--limit=+1" }, 0, -EINVAL },
	{ "u32: ' 1'", { "--limit= 1" }, 0, -EINVAL },
	{ "u32: '1 '", { "--limit=1 " }, 0, -EINVAL },
	{ "u32: 0x10", { "--limit=0x10" }, 0, -EINVAL },
	{ "u32: 10k", { "--limit=10k" }, 0, -EINVAL },
	{ "u32: empty", { "--limit=" }, 0, -EINVAL },
	{ "u32: 2^64 + 1", { "--limit=18446744073709551617" }, 0, -EINVAL },
	{ "duration: 1h30m", { "--ttl", "1h30m" }, 0, 0, { .ttl = 5400 } },
	{ "duration: 0s refused", { "--ttl=0s" }, 0, -EINVAL },
	{ "duration: no unit", { "--ttl=10" }, 0, -EINVAL },
	{ "duration: empty", { "--ttl=" }, 0, -EINVAL },
};

/* Describe the first difference, or return NULL. */
static const char *differs(const struct cli_case *c, char **pos)
{
	static char why[128];

	if (got.force != c->want.force)
		return "force";
	if (got.reason != c->want.reason &&
	    (!got.reason || !c->want.reason || strcmp(got.reason, c->want.reason)))
		return "reason";
	if (got.limit != c->want.limit)
		return "limit";
	if (got.ttl != c->want.ttl)
		return "ttl";
	if (indicators.count != c->want.n_indicators)
		return "indicator count";
	for (int i = 0; i < c->ret; i++) {
		if (!c->pos[i] || strcmp(pos[i], c->pos[i])) {
			snprintf(why, sizeof(why), "positional %d is '%s'", i, pos[i]);
			return why;
		}
	}
	return NULL;
}

static void test_case(const struct cli_case *c)
{
	char *argv[MAX_ARGS + 2] = { "test" };
	char *pos[MAX_ARGS] = { 0 };
	const char *why;
	int argc = 1, ret;

	for (int i = 0; i < MAX_ARGS && c->args[i]; i++)
		argv[argc++] = (char *)c->args[i];
	memset(&got, 0, sizeof(got));
	memset(&indicators, 0, sizeof(indicators));

	ret = cli_parse(argc, argv, &usage, opts, pos, c->max_pos);
	if (c->ret < 0) {
		ok_eq(ret, c->ret, "%s: refused", c->what);
		return;
	}
	why = ret == c->ret ? differs(c, pos) : "positional count";
	if (!ok(!why, "%s: %d positional(s), values as given", c->what, c->ret))
		tap_diag("%s differs (returned %d)", why, ret);
}

/* The exit code tells bad input (2) from a runtime failure (1). */
static void test_exit_codes(void)
{
	ok_eq(cli_exit_code(0), 0, "exit code 0 on success");
	ok_eq(cli_exit_code(-EIO), 1, "exit code 1 for a runtime failure");
	ok_eq(cli_exit_code(cli_input_error("bad input on purpose")), 2,
	      "exit code 2 once input was refused");
}

static bool json_flag;
static const char *json_reason;
static const struct cli_opt json_opts[] = {
	CLI_JSON_OPT(json_flag, "JSON output"),
	{ "reason", "TEXT", cli_set_string, &json_reason, "a string" },
	{ 0 },
};

static int parse_args(int argc, char **argv)
{
	char *pos[1];

	return cli_parse(argc, argv, &usage, json_opts, pos, 0);
}

/* Switch the JSON error form on or off as a command's cli_parse() would. */
static int json_mode(bool on)
{
	char *argv[] = { "test", "--json" };

	return parse_args(on ? 2 : 1, argv);
}

static int error_before_json(void)
{
	char *argv[] = { "test", "--nope", "--json" };

	return parse_args(3, argv);
}

/* "--json" as the value of --reason is no request for JSON. */
static int json_as_a_value(void)
{
	char *argv[] = { "test", "--reason", "--json", "--nope" };

	return parse_args(4, argv);
}

static int input_error(void)
{
	json_mode(true);
	return cli_input_error("bad \"%s\"", "a\nb");
}

static int runtime_error(void)
{
	json_mode(true);
	return cli_runtime_error(-ENOENT, "opening %s", "/x/y");
}

static int runtime_fail(void)
{
	json_mode(true);
	return cli_runtime_fail(E2BIG, "a block map is full");
}

static const struct gh_err policy_err = {
	.code = -EINVAL,
	.input = true,
	.msg = "p/a.json: window.length: expected a duration, got 5",
	.file = "p/a.json",
	.line = 3,
	.field = "window.length",
	.notes = "first note\nsecond note",
};

static int report_all_keys(void)
{
	json_mode(true);
	return cli_report(&policy_err, -EINVAL);
}

static int report_message_only(void)
{
	const struct gh_err e = { .code = -EIO, .msg = "reading the block list: I/O error" };

	json_mode(true);
	return cli_report(&e, -EIO);
}

static int report_notes_only(void)
{
	json_mode(true);
	return cli_report(&policy_err, 0);
}

static int report_text(void)
{
	json_mode(false);
	return cli_report(&policy_err, -EINVAL);
}

static int streamed_list(void)
{
	struct cli_json_list l;
	struct json_object *o = json_object_new_object();

	json_mode(false);
	cli_json_list_begin(&l);
	json_object_object_add(o, "cidr", json_object_new_string("10.0.0.0/8"));
	cli_json_list_add(&l, o);
	cli_json_list_add(&l, json_object_new_int(2));
	cli_json_list_end(&l);
	return (int)l.count;
}

static const struct output_case {
	const char *what;
	int (*run)(void);
	int ret;
	const char *out, *err;
} output_cases[] = {
	{ "an option error before --json is JSON", error_before_json, -EINVAL,
	  "{\"error\":{\"message\":\"gatehawk test: unknown option '--nope'; see --help\"}}\n",
	  "" },
	{ "--json as an option's value leaves errors as text", json_as_a_value, -EINVAL, "",
	  "Error: gatehawk test: unknown option '--nope'; see --help\n" },
	{ "cli_input_error: message escaped", input_error, -EINVAL,
	  "{\"error\":{\"message\":\"bad \\\"a\\nb\\\"\"}}\n", "" },
	{ "cli_runtime_error: strerror suffix", runtime_error, -ENOENT,
	  "{\"error\":{\"message\":\"opening /x/y: No such file or directory\"}}\n", "" },
	{ "cli_runtime_fail: no suffix, negative return", runtime_fail, -E2BIG,
	  "{\"error\":{\"message\":\"a block map is full\"}}\n", "" },
	{ "cli_report: file, line and field as keys, notes silent", report_all_keys, -EINVAL,
	  "{\"error\":{\"message\":\"p/a.json: window.length: expected a duration, got 5\","
	  "\"file\":\"p/a.json\",\"line\":3,\"field\":\"window.length\"}}\n",
	  "" },
	{ "cli_report: unset keys left out", report_message_only, -EIO,
	  "{\"error\":{\"message\":\"reading the block list: I/O error\"}}\n", "" },
	{ "cli_report: success prints nothing under --json", report_notes_only, 0, "", "" },
	{ "cli_report: text form, notes then error on stderr", report_text, -EINVAL, "",
	  "Note: first note\nNote: second note\n"
	  "Error: p/a.json: window.length: expected a duration, got 5\n" },
	{ "a streamed JSON list is one line", streamed_list, 2, "[{\"cidr\":\"10.0.0.0/8\"},2]\n",
	  "" },
};

/* Read back what went to fd while it pointed at f. */
static void read_back(FILE *f, char *buf, size_t len)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, len - 1, f);
	buf[n] = '\0';
	fclose(f);
}

/* Run one case with stdout and stderr in files; TAP output resumes after. */
static void test_output(const struct output_case *c)
{
	FILE *out = tmpfile(), *err = tmpfile();
	char got_out[1024], got_err[1024];
	int saved_out, saved_err, ret;

	if (!out || !err) {
		ok(0, "%s: tmpfile", c->what);
		return;
	}
	fflush(stdout);
	fflush(stderr);
	saved_out = dup(STDOUT_FILENO);
	saved_err = dup(STDERR_FILENO);
	dup2(fileno(out), STDOUT_FILENO);
	dup2(fileno(err), STDERR_FILENO);
	ret = c->run();
	fflush(stdout);
	fflush(stderr);
	dup2(saved_out, STDOUT_FILENO);
	dup2(saved_err, STDERR_FILENO);
	close(saved_out);
	close(saved_err);
	read_back(out, got_out, sizeof(got_out));
	read_back(err, got_err, sizeof(got_err));
	ok_eq(ret, c->ret, "%s: returns %d", c->what, c->ret);
	ok_str(got_out, c->out, "%s: stdout", c->what);
	ok_str(got_err, c->err, "%s: stderr", c->what);
}

int main(void)
{
	/* Before the cases: after any input error every failure exits 2. */
	test_exit_codes();
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		test_case(&cases[i]);
	for (size_t i = 0; i < ARRAY_SIZE(output_cases); i++)
		test_output(&output_cases[i]);
	return tap_done();
}
