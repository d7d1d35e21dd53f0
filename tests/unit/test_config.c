// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Configuration files (base/config.h, /etc/gatehawk/gatehawk.conf): keys,
 * values, comments, quotes, CRLF and repeated keys; every bad line refused
 * with "NAME:LINE: what was expected", the file and line in the error
 * value, and nothing returned. Files are in memory (fmemopen).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/config.h"
#include "tap.h"

#define NAME "gatehawk.conf"
#define MAX_WANT 4
#define WITH_NUL(s) s, sizeof(s) - 1

struct want {
	const char *key, *value;
	unsigned int line;
};

struct conf_case {
	const char *what;
	const char *text;
	size_t len; /* 0: strlen(text) */
	struct want want[MAX_WANT];
	unsigned int bad_line; /* a bad file: the line named; 0: a good file */
	const char *why;       /* a bad file: part of the message */
};

static const struct conf_case cases[] = {
	{ "keys, comments and blank lines",
	  "# gatehawk\n\niface = eth0\n  policies=/etc/gatehawk/policies\n\t# indented\n"
	  "dry-run = true\n",
	  0, { { "iface", "eth0", 3 }, { "policies", "/etc/gatehawk/policies", 4 },
	       { "dry-run", "true", 6 } } },
	{ "a comment after a space ends the value",
	  "alerts = /var/log/a.jsonl   # the alerts\nports = 80,8080#x\n", 0,
	  { { "alerts", "/var/log/a.jsonl", 1 }, { "ports", "80,8080#x", 2 } } },
	{ "blanks inside a value stay, around it go",
	  "log-format =  $remote_addr - [$time_local] \"$request\"  \t\n", 0,
	  { { "log-format", "$remote_addr - [$time_local] \"$request\"", 1 } } },
	{ "quotes keep '#', blanks and escapes",
	  "access-log = \" /srv/a # b.log \"\nx = \"say \\\"hi\\\" \\\\o/\" # c\n", 0,
	  { { "access-log", " /srv/a # b.log ", 1 }, { "x", "say \"hi\" \\o/", 2 } } },
	{ "a repeated key is kept each time",
	  "access-log = /a.log\naccess-log = /b.log\n", 0,
	  { { "access-log", "/a.log", 1 }, { "access-log", "/b.log", 2 } } },
	{ "CRLF and no newline at the end", "iface = eth0\r\nports = 80\r\nx = y", 0,
	  { { "iface", "eth0", 1 }, { "ports", "80", 2 }, { "x", "y", 3 } } },
	{ "an empty file", "", 0, {} },
	{ "no '='", "iface = eth0\niface eth0\n", 0, {}, 2, "expected 'key = value'" },
	{ "an empty value", "\n\ndry-run =   # nothing\n", 0, {}, 3, "expected a value" },
	{ "an empty quoted value", "iface = \"\"\n", 0, {}, 1, "expected a value" },
	{ "an upper-case key", "Iface = eth0\n", 0, {}, 1, "expected a key" },
	{ "a key starting with '-'", "--iface = eth0\n", 0, {}, 1, "expected a key" },
	{ "a key with a dot", "iface.x = eth0\n", 0, {}, 1, "expected 'key = value'" },
	{ "nothing before '='", "= eth0\n", 0, {}, 1, "expected a key" },
	{ "an unclosed quote", "a = 1\nalerts = \"/var/log/x\n", 0, {}, 2, "closing double quote" },
	{ "text after the closing quote", "alerts = \"/x\" y\n", 0, {}, 1, "after the closing quote" },
	{ "a stray backslash in quotes", "alerts = \"a\\nb\"\n", 0, {}, 1, "after a backslash" },
	{ "a NUL byte", WITH_NUL("iface = eth0\nports = 8\0000\n"), {}, 2, "NUL byte" },
};

#define N_CASES (sizeof(cases) / sizeof(cases[0]))

static int parse_text(const char *text, size_t len, struct gh_config *c, struct gh_err *e)
{
	FILE *f = fmemopen((void *)text, len, "r");
	int err;

	if (!f)
		return -errno;
	err = gh_config_parse(f, NAME, c, e);
	fclose(f);
	return err;
}

static void check_good(const struct conf_case *k, const struct gh_config *c, int err)
{
	size_t n = 0;

	while (n < MAX_WANT && k->want[n].key)
		n++;
	ok_eq(err, 0, "%s: parsed", k->what);
	ok_eq(c->n, n, "%s: %zu entries", k->what, n);
	for (size_t i = 0; i < n && i < c->n; i++) {
		ok_str(c->v[i].key, k->want[i].key, "%s: key %zu", k->what, i);
		ok_str(c->v[i].value, k->want[i].value, "%s: value %zu", k->what, i);
		ok_eq(c->v[i].line, k->want[i].line, "%s: line of entry %zu", k->what, i);
	}
}

static void check_bad(const struct conf_case *k, const struct gh_config *c, int err,
		      const struct gh_err *e)
{
	char where[64];

	snprintf(where, sizeof(where), NAME ":%u: ", k->bad_line);
	ok_eq(err, -EINVAL, "%s: refused", k->what);
	ok(e->input, "%s: an input error (exit 2)", k->what);
	ok(!strncmp(e->msg, where, strlen(where)), "%s: the message starts with %s (%s)", k->what,
	   where, e->msg);
	ok(strstr(e->msg, k->why) != NULL, "%s: the message says '%s' (%s)", k->what, k->why,
	   e->msg);
	ok_str(e->file, NAME, "%s: the error names the file", k->what);
	ok_eq(e->line, k->bad_line, "%s: the error names the line", k->what);
	ok(c->n == 0 && !c->v, "%s: nothing returned", k->what);
}

static void test_cases(void)
{
	for (size_t i = 0; i < N_CASES; i++) {
		const struct conf_case *k = &cases[i];
		struct gh_config c;
		struct gh_err e = { 0 };
		int err = parse_text(k->text, k->len ? k->len : strlen(k->text), &c, &e);

		if (k->bad_line)
			check_bad(k, &c, err, &e);
		else
			check_good(k, &c, err);
		gh_config_free(&c);
	}
}

/* Lines and entries beyond the limits, and a key of 65 characters. */
static void test_limits(void)
{
	size_t big = GH_CONFIG_LINE_MAX + 16, n = 0;
	char *text = malloc(GH_CONFIG_MAX_ENTRIES * 8 + big + 64);
	struct gh_config c;
	struct gh_err e = { 0 };

	if (!text)
		return;
	n += (size_t)sprintf(text, "iface = eth0\nx = ");
	memset(text + n, 'a', big);
	n += big;
	text[n++] = '\n';
	ok_eq(parse_text(text, n, &c, &e), -EINVAL, "a line over 4096 bytes is refused");
	ok_eq(e.line, 2, "... and named by its line (%s)", e.msg);

	n = 0;
	for (int i = 0; i <= GH_CONFIG_MAX_ENTRIES; i++)
		n += (size_t)sprintf(text + n, "k = %d\n", i % 10);
	gh_err_clear(&e);
	ok_eq(parse_text(text, n, &c, &e), -EINVAL, "entry 1025 is refused");
	ok_eq(e.line, GH_CONFIG_MAX_ENTRIES + 1, "... on its line (%s)", e.msg);

	n = (size_t)sprintf(text, "%065d = 1\n", 0);
	gh_err_clear(&e);
	ok_eq(parse_text(text, n, &c, &e), -EINVAL, "a key of 65 characters is refused (%s)",
	      e.msg);
	n = (size_t)sprintf(text, "%064d = 1\n", 0);
	ok_eq(parse_text(text, n, &c, &e), 0, "a key of 64 characters is fine");
	gh_config_free(&c);
	free(text);
}

static void test_load(void)
{
	char path[] = "/tmp/gh-config-test-XXXXXX";
	int fd = mkstemp(path);
	struct gh_config c;
	struct gh_err e = { 0 };

	ok(fd >= 0 && write(fd, "iface = lo\n", 11) == 11, "a config file written");
	if (fd >= 0)
		close(fd);
	ok_eq(gh_config_load(path, &c, &e), 0, "loaded from a file");
	ok(c.n == 1 && !strcmp(c.v[0].value, "lo"), "... with its entry");
	gh_config_free(&c);
	unlink(path);
	ok_eq(gh_config_load(path, &c, &e), -ENOENT, "a missing file is -ENOENT");
	ok(!e.input && !e.code, "... and no error set (the caller decides)");
	ok_eq(gh_config_load("/tmp", &c, &e), -EINVAL, "a directory is refused as input");
}

int main(void)
{
	test_cases();
	test_limits();
	test_load();
	return tap_done();
}
