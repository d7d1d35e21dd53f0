// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Durations as operators write them (30s, 10m, 2h, 7d, 1h30m), the text the
 * parser must refuse, the GH_DURATION_MAX_S bound, and formatting back.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/duration.h"
#include "tap.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define REFUSED UINT64_MAX

static const struct parse_case {
	const char *in;
	uint64_t seconds; /* REFUSED: must fail */
} parse_cases[] = {
	{ "30s", 30 },
	{ "10m", 600 },
	{ "2h", 7200 },
	{ "7d", 604800 },
	{ "1h30m", 5400 },
	{ "90m", 5400 },
	{ "1d2h3m4s", 93784 },
	{ "0s", 0 },
	{ "007s", 7 },
	{ "3650d", GH_DURATION_MAX_S },
	{ "315360000s", GH_DURATION_MAX_S },
	{ "3649d23h59m60s", GH_DURATION_MAX_S },
	{ "", REFUSED },
	{ "s", REFUSED },
	{ "10", REFUSED },
	{ "1h30", REFUSED },
	{ "10x", REFUSED },
	{ "10S", REFUSED },
	{ "-5s", REFUSED },
	{ "+5s", REFUSED },
	{ " 5s", REFUSED },
	{ "5s ", REFUSED },
	{ "5 s", REFUSED },
	{ "1.5h", REFUSED },
	{ "0x10s", REFUSED },
	{ "1e3s", REFUSED },
	{ "h1", REFUSED },
	{ "1hh", REFUSED },
	{ "3651d", REFUSED },
	{ "315360001s", REFUSED },
	{ "3650d1s", REFUSED },
	{ "315360000s315360000s", REFUSED },
	{ "99999999999999999999s", REFUSED },
	{ "18446744073709551616s", REFUSED },
	{ "213503982334601d", REFUSED }, /* times 86400 wraps a u64 */
};

static void test_parse(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(parse_cases); i++) {
		const struct parse_case *c = &parse_cases[i];
		uint64_t got = 12345;
		int err = gh_duration_parse(c->in, &got);

		if (c->seconds == REFUSED)
			ok(err < 0 && got == 12345, "'%s' refused, result untouched", c->in);
		else
			ok(!err && got == c->seconds, "'%s' is %llu s", c->in,
			   (unsigned long long)c->seconds);
	}
	ok(gh_duration_parse(NULL, &(uint64_t){ 0 }) < 0, "NULL refused");
}

static const struct format_case {
	uint64_t seconds;
	const char *text;
} format_cases[] = {
	{ 0, "0s" },     { 45, "45s" },     { 60, "1m" },   { 5400, "1h30m" },
	{ 86400, "1d" }, { 93784, "1d2h3m4s" }, { 604800, "7d" }, { 90061, "1d1h1m1s" },
	{ GH_DURATION_MAX_S, "3650d" },
};

static void test_format(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(format_cases); i++) {
		const struct format_case *c = &format_cases[i];
		char buf[32];
		uint64_t back = REFUSED;

		gh_duration_format(c->seconds, buf, sizeof(buf));
		ok_str(buf, c->text, "%llu s formats as %s", (unsigned long long)c->seconds,
		       c->text);
		ok(!gh_duration_parse(buf, &back) && back == c->seconds, "'%s' parses back", buf);
	}
}

/*
 * Format then parse is the identity: every second past two days (each carry
 * between units), then a prime stride up to the limit.
 */
static void test_round_trip(void)
{
	uint64_t bad = REFUSED;

	for (uint64_t s = 0; s <= GH_DURATION_MAX_S && bad == REFUSED;
	     s += s < 200000 ? 1 : 999983) {
		char buf[32];
		uint64_t back;

		gh_duration_format(s, buf, sizeof(buf));
		if (gh_duration_parse(buf, &back) || back != s)
			bad = s;
	}
	ok_eq(bad, REFUSED, "format then parse is the identity from 0 to GH_DURATION_MAX_S");
}

/* A short buffer gets the start of the text, always NUL-terminated. */
static void test_format_truncates(void)
{
	const char *full = "1d2h3m4s";
	size_t bad = 0;

	for (size_t len = 1; len <= strlen(full) + 1; len++) {
		char buf[16];

		memset(buf, 'x', sizeof(buf));
		gh_duration_format(93784, buf, len);
		if (strlen(buf) != len - 1 || strncmp(buf, full, len - 1))
			bad = len;
		for (size_t i = len; i < sizeof(buf); i++)
			if (buf[i] != 'x')
				bad = len;
	}
	ok_eq(bad, 0, "every buffer size gets a NUL-terminated prefix and no byte past it");
}

int main(void)
{
	test_parse();
	test_format();
	test_round_trip();
	test_format_truncates();
	return tap_done();
}
