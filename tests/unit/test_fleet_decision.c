// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The fleet's decision messages: what a host publishes reads back the same,
 * keys and CIDRs map one to one (IPv6 included, NATS keys have no ':'), and
 * every hostile value is refused with the right kind: not JSON, trailing
 * bytes, NUL bytes, wrong types, NaN, an unknown version or action, a bad
 * origin or text, a bad CIDR or one that is not its key's, a past expiry or
 * one beyond the fleet's 30 days.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/fleet_decision.h"
#include "tap.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define NOW 1700000000LL

static void test_keys(void)
{
	static const char *const cidrs[] = { "203.0.113.7", "198.51.100.0/24", "2001:db8::/64",
					     "::1", "2001:db8::7", "0.0.0.0/0" };
	char key[GH_FLEET_KEY_MAX], text[GH_CIDR_STRLEN];
	struct gh_cidr c, back;

	for (size_t i = 0; i < ARRAY_SIZE(cidrs); i++) {
		gh_cidr_parse(cidrs[i], &c);
		ok(!fleet_key(&c, key, sizeof(key)) && !strchr(key, ':'),
		   "key of %s has no ':' (%s)", cidrs[i], key);
		ok(!fleet_key_parse(key, &back), "key %s parses back", key);
		gh_cidr_format(&back, text, sizeof(text));
		ok_str(text, cidrs[i], "key %s is %s again", key, cidrs[i]);
	}
	ok(fleet_key(&c, key, 4) == -ENOSPC, "a key buffer too small is refused");
	ok(fleet_key_parse("2001:db8::/64", &c), "a key with ':' is not a key");
	ok(fleet_key_parse("10.0.0.1/8", &c), "a key with host bits is refused");
	ok(fleet_key_parse("web-1", &c), "a key that is no CIDR is refused");
}

static void test_names(void)
{
	char long_name[80];

	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	ok(fleet_name_valid("web-1.eu_west"), "a host name is a fleet name");
	ok(!fleet_name_valid(""), "an empty name is not");
	ok(!fleet_name_valid("web 1"), "a space is not");
	ok(!fleet_name_valid("web\"1"), "a quote is not");
	ok(!fleet_name_valid(long_name), "79 bytes are too many");
}

static void test_round_trip(void)
{
	struct fleet_decision d = { .action = FLEET_BLOCK, .expires_at = NOW + 600,
				    .decided_ms = NOW * 1000 + 123 }, back;
	char buf[GH_FLEET_MSG_MAX], key[GH_FLEET_KEY_MAX];
	struct gh_err e = { 0 };
	int n;

	gh_cidr_parse("2001:db8:1::/48", &d.cidr);
	strcpy(d.origin, "web-1");
	strcpy(d.policy, "scanner-404");
	strcpy(d.reason, "a \"quoted\" \\ reason");
	strcpy(d.severity, "high");
	n = fleet_decision_encode(&d, buf, sizeof(buf));
	ok(n > 0 && (size_t)n == strlen(buf), "a block encodes (%s)", buf);
	fleet_key(&d.cidr, key, sizeof(key));
	ok_eq(fleet_decision_decode(key, buf, (size_t)n, NOW, &back, &e), FLEET_OK,
	      "and decodes under its key (%s)", e.msg);
	ok(back.action == FLEET_BLOCK && back.expires_at == NOW + 600 &&
	   back.decided_ms == NOW * 1000 + 123 && back.cidr.prefixlen == 48,
	   "action, expiry, decision time and prefix come back");
	ok_str(back.origin, "web-1", "origin comes back");
	ok_str(back.policy, "scanner-404", "policy comes back");
	ok_str(back.reason, "a \"quoted\" \\ reason", "a reason with quotes comes back");
	ok_str(back.severity, "high", "severity comes back");
	ok_eq(fleet_decision_decode(NULL, buf, (size_t)n, NOW, &back, &e), FLEET_OK,
	      "no key to match: fine too");
	ok(fleet_decision_encode(&d, buf, 40) == -ENOSPC, "a buffer too small is refused");

	d.action = FLEET_UNBLOCK;
	d.expires_at = NOW - 100;
	n = fleet_decision_encode(&d, buf, sizeof(buf));
	ok(n > 0 && !strstr(buf, "expires_at"), "an unblock carries no expiry");
	ok_eq(fleet_decision_decode(key, buf, (size_t)n, NOW, &back, &e), FLEET_OK,
	      "an unblock decodes whatever the time");
	ok(back.action == FLEET_UNBLOCK && back.expires_at == 0, "as an unblock");
}

static const struct bad_case {
	const char *what, *key, *json;
	enum fleet_reject want;
} bad_cases[] = {
#define GOOD_TAIL "\"origin\":\"web-1\",\"expires_at\":1700000600"
	{ "not JSON", "203.0.113.7", "{\"v\":1,", FLEET_BAD_MESSAGE },
	{ "empty", "203.0.113.7", "", FLEET_BAD_MESSAGE },
	{ "an array", "203.0.113.7", "[1,2]", FLEET_BAD_MESSAGE },
	{ "a string", "203.0.113.7", "\"block\"", FLEET_BAD_MESSAGE },
	{ "trailing bytes", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\"," GOOD_TAIL "} x",
	  FLEET_BAD_MESSAGE },
	{ "two objects", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\"," GOOD_TAIL "}{}",
	  FLEET_BAD_MESSAGE },
	{ "no version", "203.0.113.7",
	  "{\"action\":\"block\",\"cidr\":\"203.0.113.7\"," GOOD_TAIL "}", FLEET_BAD_MESSAGE },
	{ "version 2", "203.0.113.7",
	  "{\"v\":2,\"action\":\"block\",\"cidr\":\"203.0.113.7\"," GOOD_TAIL "}",
	  FLEET_BAD_MESSAGE },
	{ "an unknown action", "203.0.113.7",
	  "{\"v\":1,\"action\":\"drop\",\"cidr\":\"203.0.113.7\"," GOOD_TAIL "}",
	  FLEET_BAD_MESSAGE },
	{ "action as a number", "203.0.113.7",
	  "{\"v\":1,\"action\":1,\"cidr\":\"203.0.113.7\"," GOOD_TAIL "}", FLEET_BAD_MESSAGE },
	{ "no origin", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\"expires_at\":1700000600}",
	  FLEET_BAD_MESSAGE },
	{ "an origin with a space", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\"origin\":\"web 1\","
	  "\"expires_at\":1700000600}",
	  FLEET_BAD_MESSAGE },
	{ "a reason with a control byte", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\"," GOOD_TAIL
	  ",\"reason\":\"a\\u001bb\"}",
	  FLEET_BAD_MESSAGE },
	{ "a policy of 64 bytes", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\"," GOOD_TAIL
	  ",\"policy\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}",
	  FLEET_BAD_MESSAGE },
	{ "an unknown severity", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\"," GOOD_TAIL
	  ",\"severity\":\"dire\"}",
	  FLEET_BAD_MESSAGE },
	{ "decided_ms negative", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\"," GOOD_TAIL
	  ",\"decided_ms\":-5}",
	  FLEET_BAD_MESSAGE },
	{ "no cidr", "203.0.113.7", "{\"v\":1,\"action\":\"block\"," GOOD_TAIL "}",
	  FLEET_BAD_MESSAGE },
	{ "a cidr that is no address", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"web-1\"," GOOD_TAIL "}", FLEET_BAD_CIDR },
	{ "a cidr with host bits", "10.0.0.0/8",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"10.0.0.1/8\"," GOOD_TAIL "}", FLEET_BAD_CIDR },
	{ "a prefix length of 33", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7/33\"," GOOD_TAIL "}",
	  FLEET_BAD_CIDR },
	{ "a cidr that is not its key's", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"0.0.0.0/0\"," GOOD_TAIL "}", FLEET_BAD_CIDR },
	{ "a past expiry", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\"origin\":\"web-1\","
	  "\"expires_at\":1699999999}",
	  FLEET_BAD_EXPIRY },
	{ "an expiry of now", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\"origin\":\"web-1\","
	  "\"expires_at\":1700000000}",
	  FLEET_BAD_EXPIRY },
	{ "an expiry a year ahead", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\"origin\":\"web-1\","
	  "\"expires_at\":1731536000}",
	  FLEET_BAD_EXPIRY },
	{ "a block without expiry", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\"origin\":\"web-1\"}",
	  FLEET_BAD_MESSAGE },
	{ "an expiry as a float", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\"origin\":\"web-1\","
	  "\"expires_at\":1700000600.5}",
	  FLEET_BAD_MESSAGE },
	{ "an expiry of NaN", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\"origin\":\"web-1\","
	  "\"expires_at\":NaN}",
	  FLEET_BAD_MESSAGE },
	{ "an expiry as a string", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\"origin\":\"web-1\","
	  "\"expires_at\":\"1700000600\"}",
	  FLEET_BAD_MESSAGE },
	{ "an expiry past int64", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\"origin\":\"web-1\","
	  "\"expires_at\":99999999999999999999999}",
	  FLEET_BAD_EXPIRY },
	{ "nested too deep", "203.0.113.7",
	  "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\"," GOOD_TAIL
	  ",\"x\":[[[[[[1]]]]]]}",
	  FLEET_BAD_MESSAGE },
#undef GOOD_TAIL
};

static void test_refused(void)
{
	struct fleet_decision d;

	for (size_t i = 0; i < ARRAY_SIZE(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct gh_err e = { 0 };
		enum fleet_reject r = fleet_decision_decode(c->key, c->json, strlen(c->json), NOW,
							    &d, &e);

		ok_eq(r, c->want, "%s: refused (%s)", c->what, e.msg);
		ok(e.msg[0], "%s: the refusal says why", c->what);
	}
}

static void test_hostile_bytes(void)
{
	static const char nul[] = "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\0}";
	static char huge[GH_FLEET_MSG_MAX + 10];
	struct fleet_decision d;
	struct gh_err e = { 0 };

	ok_eq(fleet_decision_decode("203.0.113.7", nul, sizeof(nul) - 1, NOW, &d, &e),
	      FLEET_BAD_MESSAGE, "a NUL byte inside is refused");
	memset(huge, ' ', sizeof(huge));
	ok_eq(fleet_decision_decode("203.0.113.7", huge, sizeof(huge), NOW, &d, &e),
	      FLEET_BAD_MESSAGE, "a value over %d bytes is refused unread", GH_FLEET_MSG_MAX);
	ok_eq(fleet_decision_decode(
		      "203.0.113.7",
		      "{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\"origin\":\"a\","
		      "\"expires_at\":1700000600}\n",
		      strlen("{\"v\":1,\"action\":\"block\",\"cidr\":\"203.0.113.7\",\"origin\":"
			     "\"a\",\"expires_at\":1700000600}\n"),
		      NOW, &d, &e),
	      FLEET_OK, "a trailing newline is fine (%s)", e.msg);
}

int main(void)
{
	test_keys();
	test_names();
	test_round_trip();
	test_refused();
	test_hostile_bytes();
	return tap_done();
}
