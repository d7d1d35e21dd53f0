// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Addresses and CIDRs as operators and attackers write them: both families,
 * bare addresses, host bits, prefix bounds, and the malformed text that must
 * be refused rather than read as something else.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/addr.h"
#include "tap.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct cidr_case {
	const char *in;
	const char *strict; /* gh_cidr_parse result formatted; NULL: refused */
	const char *masked; /* gh_cidr_parse_masked result formatted; NULL: refused */
} cidr_cases[] = {
	{ "192.0.2.1", "192.0.2.1", "192.0.2.1" }, /* bare address: /32 */
	{ "192.0.2.1/32", "192.0.2.1", "192.0.2.1" },
	{ "192.0.2.0/24", "192.0.2.0/24", "192.0.2.0/24" },
	{ "192.0.2.1/24", NULL, "192.0.2.0/24" }, /* host bits */
	{ "11.0.0.0/7", NULL, "10.0.0.0/7" },     /* 11 = 0b1011: the 8th bit is a host bit */
	{ "0.0.0.0/0", "0.0.0.0/0", "0.0.0.0/0" },
	{ "1.2.3.4/0", NULL, "0.0.0.0/0" },
	{ "192.0.2.0/024", "192.0.2.0/24", "192.0.2.0/24" }, /* decimal, no octal */
	{ "192.0.2.1/33", NULL, NULL },
	{ "2001:db8::1", "2001:db8::1", "2001:db8::1" }, /* bare address: /128 */
	{ "2001:DB8::1/128", "2001:db8::1", "2001:db8::1" },
	{ "2001:db8::/32", "2001:db8::/32", "2001:db8::/32" },
	{ "2001:db8::1/64", NULL, "2001:db8::/64" },
	{ "2001:db8:8000::/33", "2001:db8:8000::/33", "2001:db8:8000::/33" },
	{ "2001:db8:8000::/32", NULL, "2001:db8::/32" },
	{ "::/0", "::/0", "::/0" },
	{ "::1/0", NULL, "::/0" },
	{ "2001:db8::/129", NULL, NULL },
	{ "::ffff:1.2.3.4", "::ffff:1.2.3.4", "::ffff:1.2.3.4" }, /* stays IPv6 */
	{ "::ffff:1.2.3.4/96", NULL, "::ffff:0.0.0.0/96" },
	/* The longest valid text there is: 49 characters. */
	{ "0000:0000:0000:0000:0000:ffff:255.255.255.255/128", "::ffff:255.255.255.255",
	  "::ffff:255.255.255.255" },
	/* Refused outright, masked or not. */
	{ "", NULL, NULL },
	{ "/24", NULL, NULL },
	{ "192.0.2.0/", NULL, NULL },
	{ "192.0.2.0/24x", NULL, NULL },
	{ "192.0.2.0/24/24", NULL, NULL },
	{ "192.0.2.0/-1", NULL, NULL },
	{ "192.0.2.0/+24", NULL, NULL },
	{ "192.0.2.0/ 24", NULL, NULL },
	{ "192.0.2.0 /24", NULL, NULL },
	{ " 192.0.2.1", NULL, NULL },
	{ "192.0.2.1 ", NULL, NULL },
	{ "192.0.2.1\n", NULL, NULL },
	{ "192.0.2.0/18446744073709551640", NULL, NULL }, /* wraps a u64 */
	{ "192.0.2.0/4294967320", NULL, NULL },           /* 24 mod 2^32 */
	{ "01.2.3.4", NULL, NULL },                       /* octal to inet_aton */
	{ "127.1", NULL, NULL },                          /* shorthand to inet_aton */
	{ "0x7f.0.0.1", NULL, NULL },
	{ "192.0.2", NULL, NULL },
	{ "192.0.2.256", NULL, NULL },
	{ "1.2.3.4.5", NULL, NULL },
	{ "2001:db8:::1", NULL, NULL },
	{ "2001:db8::g", NULL, NULL },
	{ "1:2:3:4:5:6:7:8:9", NULL, NULL },
	{ "fe80::1%eth0", NULL, NULL },
	{ "[2001:db8::1]", NULL, NULL },
	{ "localhost", NULL, NULL },
};

static void test_cidr_case(const struct cidr_case *c)
{
	int (*const parse[])(const char *, struct gh_cidr *) = { gh_cidr_parse,
								  gh_cidr_parse_masked };
	const char *want[] = { c->strict, c->masked };
	const char *how[] = { "strict", "masked" };

	for (size_t i = 0; i < ARRAY_SIZE(parse); i++) {
		char got[GH_CIDR_STRLEN + 1] = "(refused)";
		struct gh_cidr cidr;
		int err = parse[i](c->in, &cidr);

		if (!err)
			gh_cidr_format(&cidr, got, sizeof(got));
		else if (err != -EINVAL)
			snprintf(got, sizeof(got), "(error %d)", err);
		ok_str(got, want[i] ? want[i] : "(refused)", "%s '%s'", how[i], c->in);
	}
}

/* A bare address is the full-length prefix of its family. */
static void test_bare_prefixlen(void)
{
	struct gh_cidr v4, v6;

	ok(!gh_cidr_parse("192.0.2.1", &v4) && v4.addr.family == AF_INET && v4.prefixlen == 32,
	   "a bare IPv4 address is AF_INET /32");
	ok(!gh_cidr_parse("2001:db8::1", &v6) && v6.addr.family == AF_INET6 &&
		   v6.prefixlen == 128,
	   "a bare IPv6 address is AF_INET6 /128");
}

/* Lengths the fixed buffer inside the parser must survive. */
static void test_long_strings(void)
{
	static const size_t lens[] = { GH_CIDR_STRLEN + 1, 4096, 1 << 20 };
	struct gh_cidr c;

	for (size_t i = 0; i < ARRAY_SIZE(lens); i++) {
		char *s = malloc(lens[i] + 1);

		if (!s) {
			ok(0, "allocating %zu bytes", lens[i]);
			continue;
		}
		/* A valid CIDR whose prefix length is padded with zeros. */
		memset(s, '0', lens[i]);
		memcpy(s, "192.0.2.0/", 10);
		s[lens[i] - 2] = '2';
		s[lens[i] - 1] = '4';
		s[lens[i]] = '\0';
		ok_eq(gh_cidr_parse(s, &c), -EINVAL, "%zu-character CIDR refused", lens[i]);
		/* An address part longer than any address. */
		memset(s, '1', lens[i]);
		ok_eq(gh_cidr_parse_masked(s, &c), -EINVAL, "%zu digits without a slash refused",
		      lens[i]);
		free(s);
	}
}

static void test_addr_parse(void)
{
	static const struct {
		const char *in;
		int family; /* 0: refused */
	} cases[] = {
		{ "192.0.2.1", AF_INET },   { "2001:db8::1", AF_INET6 }, { "::", AF_INET6 },
		{ "192.0.2.1/32", 0 },      { "2001:db8::1/128", 0 },    { "", 0 },
		{ "192.0.2.1 ", 0 },        { "::ffff:1.2.3.4", AF_INET6 },
	};
	struct gh_addr a;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int err = gh_addr_parse(cases[i].in, &a);

		ok(cases[i].family ? !err && a.family == cases[i].family : err == -EINVAL,
		   "gh_addr_parse '%s': %s", cases[i].in,
		   cases[i].family == AF_INET    ? "IPv4"
		   : cases[i].family == AF_INET6 ? "IPv6"
						 : "refused");
	}
	ok_eq(gh_addr_parse(NULL, &a), -EINVAL, "gh_addr_parse NULL refused");
	ok_eq(gh_cidr_parse(NULL, &(struct gh_cidr){ 0 }), -EINVAL, "gh_cidr_parse NULL refused");
}

static void test_format_small_buffer(void)
{
	char buf[8];
	struct gh_cidr c;

	gh_cidr_parse("2001:db8::/32", &c);
	memset(buf, 'x', sizeof(buf));
	gh_addr_format(&c.addr, buf, 4);
	ok_str(buf, "?", "an address that does not fit formats as '?'");
	memset(buf, 'x', sizeof(buf));
	gh_cidr_format(&c, buf, 6);
	ok(strlen(buf) < 6, "a CIDR that does not fit is cut and NUL-terminated");
}

static const struct contains_case {
	const char *cidr, *addr;
	bool in;
} contains_cases[] = {
	{ "192.0.2.0/24", "192.0.2.0", true },
	{ "192.0.2.0/24", "192.0.2.255", true },
	{ "192.0.2.0/24", "192.0.3.0", false },
	{ "192.0.2.0/24", "192.0.1.255", false },
	{ "10.0.0.0/7", "11.255.255.255", true },
	{ "10.0.0.0/7", "12.0.0.0", false },
	{ "192.0.2.1", "192.0.2.1", true },
	{ "192.0.2.1", "192.0.2.2", false },
	{ "0.0.0.0/0", "255.255.255.255", true },
	{ "0.0.0.0/0", "::", false }, /* families never mix */
	{ "::/0", "192.0.2.1", false },
	{ "::/0", "ffff::1", true },
	{ "::ffff:0.0.0.0/96", "192.0.2.1", false },
	{ "::ffff:0.0.0.0/96", "::ffff:192.0.2.1", true },
	{ "2001:db8::/32", "2001:db8:ffff:ffff::1", true },
	{ "2001:db8::/33", "2001:db8:8000::", false },
	{ "2001:db8::1", "2001:db8::1", true },
};

static const struct overlap_case {
	const char *a, *b;
	bool overlap;
} overlap_cases[] = {
	{ "10.0.0.0/8", "10.1.0.0/16", true },
	{ "10.0.0.0/8", "10.0.0.0/8", true },
	{ "10.0.0.0/8", "11.0.0.0/8", false },
	{ "192.0.2.0/25", "192.0.2.128/25", false },
	{ "192.0.2.0/24", "192.0.2.77", true },
	{ "0.0.0.0/0", "203.0.113.1", true },
	{ "0.0.0.0/0", "::/0", false },
	{ "2001:db8::/32", "2001:db8:1::1", true },
	{ "2001:db8::/48", "2001:db8:1::/48", false },
};

static void test_relations(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(contains_cases); i++) {
		const struct contains_case *c = &contains_cases[i];
		struct gh_cidr cidr;
		struct gh_addr addr;
		int err = gh_cidr_parse(c->cidr, &cidr) ?: gh_addr_parse(c->addr, &addr);

		ok(!err && gh_cidr_contains(&cidr, &addr) == c->in, "%s %s %s", c->cidr,
		   c->in ? "contains" : "does not contain", c->addr);
	}
	/* Symmetric: both orders must agree. */
	for (size_t i = 0; i < ARRAY_SIZE(overlap_cases); i++) {
		const struct overlap_case *c = &overlap_cases[i];
		struct gh_cidr a, b;
		int err = gh_cidr_parse(c->a, &a) ?: gh_cidr_parse(c->b, &b);

		ok(!err && gh_cidr_overlaps(&a, &b) == c->overlap &&
			   gh_cidr_overlaps(&b, &a) == c->overlap,
		   "%s and %s %s, in either order", c->a, c->b,
		   c->overlap ? "overlap" : "do not overlap");
	}
}

int main(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cidr_cases); i++)
		test_cidr_case(&cidr_cases[i]);
	test_bare_prefixlen();
	test_long_strings();
	test_addr_parse();
	test_format_small_buffer();
	test_relations();
	return tap_done();
}
