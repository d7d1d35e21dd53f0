// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Block list files (`block add --file`): comments, blank lines, CRLF, TTLs
 * per line and by default, and hostile content. A file with any bad line is
 * refused whole: -EINVAL, nothing returned, every bad line handed to the
 * caller as "FILE:LINE: why" and the count in the error value. Files are in
 * memory (fmemopen).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/block_file.h"
#include "tap.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define NAME "list.txt"
#define DEFAULT_TTL 600
#define REASON 7
#define MAX_WANT 4
#define MAX_LINES 16
/* Text and length of a literal that holds NUL bytes. */
#define WITH_NUL(s) s, sizeof(s) - 1

struct want_entry {
	const char *cidr; /* as gh_cidr_format writes it */
	uint64_t ttl_s;
};

struct file_case {
	const char *what;
	const char *text;
	size_t len;                         /* 0: strlen(text) */
	struct want_entry want[MAX_WANT];   /* a good file's entries, in order */
	int bad_lines[MAX_LINES];           /* a bad file's reported lines; 0 ends */
	int total_bad;                      /* bad lines counted; 0: as many as reported */
};

static const struct file_case cases[] = {
	{ "comments and blank lines",
	  "# blocked by hand\n\n192.0.2.1\n   \n198.51.100.0/24 # office scanner\n\t# indented\n"
	  "2001:db8::/32\n",
	  0, { { "192.0.2.1", DEFAULT_TTL }, { "198.51.100.0/24", DEFAULT_TTL },
	       { "2001:db8::/32", DEFAULT_TTL } } },
	{ "per-line TTL beside the default", "192.0.2.1 30s\n192.0.2.2\n192.0.2.3\t1h30m\n", 0,
	  { { "192.0.2.1", 30 }, { "192.0.2.2", DEFAULT_TTL }, { "192.0.2.3", 5400 } } },
	{ "CRLF line endings", "# windows\r\n192.0.2.1\r\n192.0.2.2 10m\r\n\r\n", 0,
	  { { "192.0.2.1", DEFAULT_TTL }, { "192.0.2.2", 600 } } },
	{ "no newline at the end", "192.0.2.1 7d", 0, { { "192.0.2.1", 604800 } } },
	{ "a comment glued to the entry", "192.0.2.1#x\n192.0.2.2 2h#y\n", 0,
	  { { "192.0.2.1", DEFAULT_TTL }, { "192.0.2.2", 7200 } } },
	{ "leading and trailing blanks", "  \t192.0.2.1 \t 30s \t\n", 0, { { "192.0.2.1", 30 } } },
	{ "an empty file", "", 0, {} },
	{ "only comments", "# a\n#\n  # b\n", 0, {} },
	{ "a bad address", "192.0.2.1\nnot-an-address\n", 0, {}, { 2 } },
	{ "host bits set", "192.0.2.1/24\n", 0, {}, { 1 } },
	{ "a prefix too long", "192.0.2.0/33\n", 0, {}, { 1 } },
	{ "a bad TTL", "192.0.2.1 10x\n", 0, {}, { 1 } },
	{ "a TTL without a unit", "192.0.2.1 10\n", 0, {}, { 1 } },
	{ "a zero TTL", "192.0.2.1 0s\n", 0, {}, { 1 } },
	{ "a negative TTL", "192.0.2.1 -5s\n", 0, {}, { 1 } },
	{ "a TTL past the limit", "192.0.2.1 3651d\n", 0, {}, { 1 } },
	{ "a third field", "192.0.2.1 1h extra\n", 0, {}, { 1 } },
	{ "a TTL before the address", "1h 192.0.2.1\n", 0, {}, { 1 } },
	{ "one bad line among good ones", "192.0.2.1\n192.0.2.2\nbad\n192.0.2.4\n", 0, {}, { 3 } },
	{ "every bad line reported", "bad1\n192.0.2.1\nbad3\r\nbad4 1h\n", 0, {}, { 1, 3, 4 } },
	{ "a NUL byte inside a line", WITH_NUL("192.0.2.1\n192.0.\0002.2\n"), {}, { 2 } },
	{ "a NUL byte after the address", WITH_NUL("192.0.2.1\0 junk\n"), {}, { 1 } },
};

/* What block_file_parse handed over: each bad line, through the callback. */
struct reported {
	int lines[MAX_LINES];
	int n;
	bool well_formed; /* each an input error naming NAME, its line, "NAME:LINE: ..." */
	char text[4096];  /* the messages, for diagnostics */
};

static void record_bad_line(const struct gh_err *le, void *ctx)
{
	struct reported *r = ctx;
	size_t used = strlen(r->text);
	char prefix[64];

	snprintf(prefix, sizeof(prefix), NAME ":%u: ", le->line);
	if (!le->input || le->code != -EINVAL || strcmp(le->file, NAME) ||
	    strncmp(le->msg, prefix, strlen(prefix)))
		r->well_formed = false;
	if (r->n < MAX_LINES)
		r->lines[r->n++] = (int)le->line;
	snprintf(r->text + used, sizeof(r->text) - used, "%s; ", le->msg);
}

static void check_good(const struct file_case *c, int ret, const struct block_spec *specs,
		       size_t n, const struct reported *r, const struct gh_err *e)
{
	size_t want_n = 0;
	const char *why = NULL;
	char got[GH_CIDR_STRLEN + 1] = "";

	while (want_n < MAX_WANT && c->want[want_n].cidr)
		want_n++;
	if (ret || n != want_n)
		why = "return value or entry count";
	for (size_t i = 0; i < n && !why; i++) {
		gh_cidr_format(&specs[i].cidr, got, sizeof(got));
		if (strcmp(got, c->want[i].cidr) || specs[i].ttl_s != c->want[i].ttl_s ||
		    specs[i].reason != REASON || specs[i].flags)
			why = got;
	}
	if (!ok(!why && !r->n && !e->code, "%s: accepted, %zu entries as written", c->what,
		want_n))
		tap_diag("ret %d, %zu entries, differs at: %s; reported: %s %s", ret, n,
			 why ? why : "-", r->text, e->msg);
}

static void check_bad(const struct file_case *c, int ret, const struct block_spec *specs,
		      size_t n, const struct block_spec *sentinel, const struct reported *r,
		      const struct gh_err *e)
{
	int want_n = 0;
	bool same = true;
	char msg[128];

	ok(ret == -EINVAL && specs == sentinel && n == 12345,
	   "%s: refused with -EINVAL, nothing returned", c->what);
	while (want_n < MAX_LINES && c->bad_lines[want_n])
		want_n++;
	for (int i = 0; i < want_n && same; i++)
		same = i < r->n && r->lines[i] == c->bad_lines[i];
	if (!ok(same && r->n == want_n && r->well_formed,
		"%s: the caller is handed exactly the bad line(s)", c->what))
		tap_diag("reported: %s", r->text);
	snprintf(msg, sizeof(msg), NAME ": %d bad line(s); nothing was added",
		 c->total_bad ? c->total_bad : want_n);
	ok(e->input && e->code == -EINVAL, "%s: an input error", c->what);
	ok_str(e->msg, msg, "%s: the error counts the bad lines", c->what);
}

static void check_file(const struct file_case *c)
{
	static const struct block_spec sentinel;
	const struct block_spec *specs = &sentinel;
	size_t len = c->len ? c->len : strlen(c->text);
	struct reported r = { .well_formed = true };
	struct block_file_opts o = { DEFAULT_TTL, REASON, record_bad_line, &r };
	struct gh_err e = { 0 };
	size_t n = 12345;
	FILE *f;
	int ret;

	/* "r" never writes to the buffer; a zero-length file is fine with glibc. */
	f = fmemopen((void *)c->text, len, "r");
	if (!ok(f != NULL, "%s: fmemopen", c->what))
		return;
	ret = block_file_parse(f, NAME, &o, (struct block_spec **)&specs, &n, &e);
	fclose(f);
	if (c->bad_lines[0]) {
		check_bad(c, ret, specs, n, &sentinel, &r, &e);
		return;
	}
	check_good(c, ret, specs, n, &r, &e);
	if (!ret)
		free((void *)specs);
}

/*
 * Lines are limited to GH_BLOCK_FILE_LINE_MAX bytes. The limit is on the
 * line, so the same content must be judged alike with LF and CRLF endings.
 */
static void test_long_lines(void)
{
	static const struct {
		size_t content; /* bytes before the line ending */
		const char *eol;
		bool good;
	} lens[] = {
		{ GH_BLOCK_FILE_LINE_MAX - 1, "\n", true },
		{ GH_BLOCK_FILE_LINE_MAX, "\n", true },
		{ GH_BLOCK_FILE_LINE_MAX, "\r\n", true },
		{ GH_BLOCK_FILE_LINE_MAX, "", true },
		{ GH_BLOCK_FILE_LINE_MAX + 1, "\n", false },
		{ GH_BLOCK_FILE_LINE_MAX + 1, "", false },
		{ 100000, "\n", false },
	};

	for (size_t i = 0; i < ARRAY_SIZE(lens); i++) {
		char *text = malloc(lens[i].content + 3);
		char what[96];
		struct file_case c = { what, text, 0, {}, { 0 } };

		if (!text) {
			ok(0, "allocating a %zu-byte line", lens[i].content);
			continue;
		}
		/* An entry padded with a comment to the wanted length. */
		memset(text, 'x', lens[i].content);
		memcpy(text, "192.0.2.1 #", 11);
		strcpy(text + lens[i].content, lens[i].eol);
		snprintf(what, sizeof(what), "a %zu-byte line ending in %s", lens[i].content,
			 lens[i].eol[0] ? (lens[i].eol[0] == '\r' ? "CRLF" : "LF") : "EOF");
		if (lens[i].good)
			c.want[0] = (struct want_entry){ "192.0.2.1", DEFAULT_TTL };
		else
			c.bad_lines[0] = 1;
		check_file(&c);
		free(text);
	}
}

/* Past GH_BLOCK_FILE_MAX_ERRORS the messages stop; the refusal does not. */
static void test_error_cap(void)
{
	struct file_case c = { "more bad lines than are reported", NULL, 0, {}, { 0 },
			       GH_BLOCK_FILE_MAX_ERRORS + 2 };
	char text[256] = "";

	for (int i = 0; i < GH_BLOCK_FILE_MAX_ERRORS + 2; i++) {
		strcat(text, "bad\n");
		if (i < GH_BLOCK_FILE_MAX_ERRORS)
			c.bad_lines[i] = i + 1;
	}
	c.text = text;
	check_file(&c);
}

int main(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		check_file(&cases[i]);
	test_long_lines();
	test_error_cap();
	return tap_done();
}
