// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Attacker-supplied bytes on their way out: gh_json_string must always give
 * valid UTF-8 JSON (valid input unchanged, each invalid byte U+FFFD), and
 * gh_escape_text must give printable ASCII that fits its buffer.
 */
#include <stdbool.h>
#include <string.h>
#include <json-c/json.h>

#include "base/escape.h"
#include "tap.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
/* Text and length of a literal, which may hold NUL bytes. */
#define BYTES(s) s, sizeof(s) - 1
#define FFFD "\xef\xbf\xbd"

static const struct json_case {
	const char *what;
	const char *in;
	size_t len;
	const char *want; /* the string's bytes; NULL: the input unchanged */
	size_t want_len;
} json_cases[] = {
	{ "empty", BYTES(""), NULL, 0 },
	{ "ASCII", BYTES("GET /index.html"), NULL, 0 },
	{ "quotes, backslash, controls", BYTES("\"\\\n\t\x01\x1f\x7f"), NULL, 0 },
	{ "a NUL byte", BYTES("a\0b"), NULL, 0 },
	{ "2-byte U+00E9", BYTES("caf\xc3\xa9"), NULL, 0 },
	{ "3-byte U+20AC", BYTES("\xe2\x82\xac"), NULL, 0 },
	{ "3-byte U+FFFD itself", BYTES(FFFD), NULL, 0 },
	{ "4-byte U+1F600", BYTES("\xf0\x9f\x98\x80"), NULL, 0 },
	{ "U+10FFFF, the last code point", BYTES("\xf4\x8f\xbf\xbf"), NULL, 0 },
	{ "U+D7FF and U+E000 around the surrogates", BYTES("\xed\x9f\xbf\xee\x80\x80"), NULL, 0 },
	{ "a lone continuation byte", BYTES("a\x80z"), BYTES("a" FFFD "z") },
	{ "0xff", BYTES("\xff"), BYTES(FFFD) },
	{ "0xfe", BYTES("\xfe"), BYTES(FFFD) },
	{ "overlong '/' in 2 bytes", BYTES("\xc0\xaf"), BYTES(FFFD FFFD) },
	{ "overlong NUL in 2 bytes", BYTES("\xc1\x80"), BYTES(FFFD FFFD) },
	{ "overlong '/' in 3 bytes", BYTES("\xe0\x80\xaf"), BYTES(FFFD FFFD FFFD) },
	{ "overlong U+FFFF in 4 bytes", BYTES("\xf0\x8f\xbf\xbf"), BYTES(FFFD FFFD FFFD FFFD) },
	{ "surrogate U+D800", BYTES("\xed\xa0\x80"), BYTES(FFFD FFFD FFFD) },
	{ "surrogate U+DFFF", BYTES("\xed\xbf\xbf"), BYTES(FFFD FFFD FFFD) },
	{ "U+110000, past the last", BYTES("\xf4\x90\x80\x80"), BYTES(FFFD FFFD FFFD FFFD) },
	{ "a 5-byte form", BYTES("\xf8\x88\x80\x80\x80"),
	  BYTES(FFFD FFFD FFFD FFFD FFFD) },
	{ "a sequence cut by the end", BYTES("ok\xe2\x82"), BYTES("ok" FFFD FFFD) },
	/* The bytes after len would complete it; they are not the input's. */
	{ "a sequence cut by the length", "ok\xe2\x82\xac", 4, BYTES("ok" FFFD FFFD) },
	{ "a sequence cut by ASCII", BYTES("\xe2\x82z"), BYTES(FFFD FFFD "z") },
	{ "valid after invalid", BYTES("\xff\xc3\xa9"), BYTES(FFFD "\xc3\xa9") },
};

/* Serialized text parses back, with UTF-8 checked, to a string of want. */
static bool json_round_trip(struct json_object *o, const char *want, size_t want_len)
{
	const char *text = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN);
	struct json_tokener *tok = json_tokener_new();
	struct json_object *back;
	bool same;

	if (!tok)
		return false;
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	back = json_tokener_parse_ex(tok, text, (int)strlen(text));
	same = back && json_object_is_type(back, json_type_string) &&
	       (size_t)json_object_get_string_len(back) == want_len &&
	       !memcmp(json_object_get_string(back), want, want_len);
	json_object_put(back);
	json_tokener_free(tok);
	return same;
}

static void test_json_case(const struct json_case *c)
{
	const char *want = c->want ? c->want : c->in;
	size_t want_len = c->want ? c->want_len : c->len;
	struct json_object *o = gh_json_string(c->in, c->len);

	ok(o && (size_t)json_object_get_string_len(o) == want_len &&
		   !memcmp(json_object_get_string(o), want, want_len),
	   "json: %s %s", c->what, c->want ? "repaired" : "unchanged");
	ok(o && json_round_trip(o, want, want_len), "json: %s parses back as strict UTF-8",
	   c->what);
	json_object_put(o);
}

/* Every 1- and 2-byte input gives strict, valid JSON. */
static void test_json_all_pairs(void)
{
	unsigned int bad = 0x10000;

	for (unsigned int v = 0; v < 0x10100 && bad == 0x10000; v++) {
		/* 0..0xffff: two bytes; 0x10000..0x100ff: one byte. */
		char in[2] = { (char)(v >> 8), (char)v };
		size_t len = v < 0x10000 ? 2 : 1;
		const char *p = v < 0x10000 ? in : in + 1;
		struct json_object *o = gh_json_string(p, len);
		const char *s = o ? json_object_get_string(o) : NULL;

		if (!o || !json_round_trip(o, s, (size_t)json_object_get_string_len(o)))
			bad = v;
		json_object_put(o);
	}
	ok_eq(bad, 0x10000, "json: all 65,792 inputs of one and two bytes give valid UTF-8 JSON");
}

static const struct escape_case {
	const char *what;
	const char *in;
	size_t len;
	size_t outlen;
	const char *want;
} escape_cases[] = {
	{ "printable ASCII", BYTES("GET / HTTP/1.1"), 64, "GET / HTTP/1.1" },
	{ "empty", BYTES(""), 8, "" },
	{ "backslash doubled", BYTES("a\\b"), 64, "a\\\\b" },
	{ "controls", BYTES("\r\n\t\x1b"), 64, "\\x0d\\x0a\\x09\\x1b" },
	{ "a NUL byte", BYTES("a\0b"), 64, "a\\x00b" },
	{ "DEL", BYTES("\x7f"), 64, "\\x7f" },
	{ "high bytes", BYTES("caf\xc3\xa9\xff"), 64, "caf\\xc3\\xa9\\xff" },
	{ "space and tilde kept", BYTES(" ~"), 64, " ~" },
	{ "cut to fit", BYTES("abcdef"), 4, "abc" },
	{ "exactly fits", BYTES("abc"), 4, "abc" },
	{ "an escape is never split", BYTES("ab\x01"), 6, "ab" },
	{ "an escape that just fits", BYTES("ab\x01"), 7, "ab\\x01" },
	{ "a doubled backslash is never split", BYTES("a\\"), 3, "a" },
	{ "room for the NUL only", BYTES("abc"), 1, "" },
};

static void test_escape_case(const struct escape_case *c)
{
	char out[80];
	size_t n;

	/* Marks show any byte written past outlen. */
	memset(out, '#', sizeof(out));
	n = gh_escape_text(c->in, c->len, out, c->outlen);
	ok(n == strlen(c->want) && !strcmp(out, c->want) && out[c->outlen] == '#',
	   "escape: %s", c->what);
}

static void test_escape_no_room(void)
{
	char out = '#';

	ok(gh_escape_text("abc", 3, &out, 0) == 0 && out == '#',
	   "escape: a zero-length buffer is left alone");
}

int main(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(json_cases); i++)
		test_json_case(&json_cases[i]);
	test_json_all_pairs();
	for (size_t i = 0; i < ARRAY_SIZE(escape_cases); i++)
		test_escape_case(&escape_cases[i]);
	test_escape_no_room();
	return tap_done();
}
