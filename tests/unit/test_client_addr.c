// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The client behind trusted proxies: the rightmost untrusted hop wins, a
 * forged left part is ignored, ports and brackets are read, garbage where
 * the client should be names no one, X-Real-IP is the fallback, and a
 * request that did not come through a trusted proxy is left alone.
 */
#include <errno.h>
#include <string.h>

#include "input/client_addr.h"
#include "input/http_head.h"
#include "req_text.h"
#include "tap.h"

static struct trusted_proxies proxies;

static struct request_record req(const char *src, const char *xff, const char *real_ip)
{
	struct request_record r = { 0 };

	gh_addr_parse(src, &r.src);
	r.present = REQ_BIT(REQ_SRC_IP);
	if (xff)
		req_set_str(&r, REQ_FORWARDED_FOR, &r.forwarded_for, xff, (uint32_t)strlen(xff));
	if (real_ip)
		req_set_str(&r, REQ_REAL_IP, &r.real_ip, real_ip, (uint32_t)strlen(real_ip));
	return r;
}

static void check(const char *what, const char *src, const char *xff, const char *real_ip,
		  const char *want_src, const char *want_proxy)
{
	struct request_record r = req(src, xff, real_ip);
	bool replaced = client_addr_resolve(&proxies, &r);

	ok_str(req_text(&r, REQ_SRC_IP), want_src, "%s: src_ip", what);
	ok_str(req_text(&r, REQ_PROXY_IP), want_proxy, "%s: proxy_ip", what);
	ok_eq(replaced, strcmp(want_proxy, "(absent)") != 0, "%s: replaced", what);
}

int main(void)
{
	struct gh_err err = { 0 };

	ok_eq(trusted_proxies_add(&proxies, "10.0.0.0/8", &err), 0, "add 10.0.0.0/8");
	ok_eq(trusted_proxies_add(&proxies, "2001:db8:ffff::/48", &err), 0, "add a v6 proxy net");
	ok_eq(trusted_proxies_add(&proxies, "10.0.0.1/8", &err), -EINVAL, "host bits refused");
	ok(err.input && strstr(err.msg, "--trusted-proxy 10.0.0.1/8"), "... named: %s", err.msg);

	check("one proxy", "10.1.1.1", "203.0.113.7", NULL, "203.0.113.7", "10.1.1.1");
	check("forged left part", "10.1.1.1", "1.2.3.4, 203.0.113.7", NULL, "203.0.113.7",
	      "10.1.1.1");
	check("two proxies", "10.1.1.1", "203.0.113.7, 10.2.2.2", NULL, "203.0.113.7", "10.1.1.1");
	check("ports and spaces", "10.1.1.1", "  203.0.113.7:5566 ,10.2.2.2:80 ", NULL,
	      "203.0.113.7", "10.1.1.1");
	check("bracketed v6", "10.1.1.1", "[2001:db8::7]:443", NULL, "2001:db8::7", "10.1.1.1");
	check("v6 proxy, bare v6 client", "2001:db8:ffff::9", "2001:db8::7", NULL, "2001:db8::7",
	      "2001:db8:ffff::9");
	check("garbage where the client is", "10.1.1.1", "203.0.113.7, unknown", NULL,
	      "10.1.1.1", "(absent)");
	check("every hop trusted", "10.1.1.1", "10.3.3.3, 10.2.2.2", NULL, "10.1.1.1",
	      "(absent)");
	check("X-Real-IP when no XFF", "10.1.1.1", NULL, "198.51.100.9", "198.51.100.9",
	      "10.1.1.1");
	check("X-Real-IP when XFF is all proxies", "10.1.1.1", "10.2.2.2", "198.51.100.9",
	      "198.51.100.9", "10.1.1.1");
	check("IPv4-mapped hop is IPv4", "10.1.1.1", "::ffff:203.0.113.9", NULL, "203.0.113.9",
	      "10.1.1.1");
	check("IPv4-mapped proxy is trusted", "10.1.1.1", "203.0.113.9, ::ffff:10.2.2.2", NULL,
	      "203.0.113.9", "10.1.1.1");
	check("not from a proxy: headers ignored", "192.0.2.1", "203.0.113.7", "198.51.100.9",
	      "192.0.2.1", "(absent)");
	check("no headers", "10.1.1.1", NULL, NULL, "10.1.1.1", "(absent)");
	{
		/* The live path: a head from the proxy, parsed, then resolved. */
		static const char head[] = "GET /x HTTP/1.1\r\nHost: a\r\n"
					   "X-Forwarded-For: 198.51.100.3, 10.7.7.7\r\n"
					   "X-Real-IP: 10.7.7.7\r\n\r\n";
		struct request_record r = { 0 };

		gh_addr_parse("10.1.1.1", &r.src);
		r.present = REQ_BIT(REQ_SRC_IP);
		ok_eq(http_head_parse(head, sizeof(head) - 1, &r), 0, "a proxied head parses");
		ok_str(req_text(&r, REQ_REAL_IP), "10.7.7.7", "X-Real-IP read from the head");
		ok(client_addr_resolve(&proxies, &r), "and its client resolved");
		ok_str(req_text(&r, REQ_SRC_IP), "198.51.100.3", "... from X-Forwarded-For");
	}
	{
		/* A proxy that adds its own line after the client's forged one. */
		static const char head[] = "GET / HTTP/1.1\r\nHost: a\r\n"
					   "X-Forwarded-For: 203.0.113.66\r\nUser-Agent: x\r\n"
					   "X-Forwarded-For: 198.51.100.7\r\n\r\n";
		/* The same head cut before its blank line (a snapshot). */
		static const char cut[] = "GET / HTTP/1.1\r\nHost: a\r\n"
					  "X-Forwarded-For: 203.0.113.66\r\nUser-Agent: xxxxxxxx";
		struct request_record r = { 0 };

		gh_addr_parse("10.0.0.5", &r.src);
		r.present = REQ_BIT(REQ_SRC_IP);
		ok_eq(http_head_parse(head, sizeof(head) - 1, &r), 0, "two X-Forwarded-For lines");
		ok(client_addr_resolve(&proxies, &r) &&
			   !strcmp(req_text(&r, REQ_SRC_IP), "198.51.100.7"),
		   "the last line (the proxy's) names the client, not the forged first");
		r = (struct request_record){ 0 };
		gh_addr_parse("10.0.0.5", &r.src);
		r.present = REQ_BIT(REQ_SRC_IP);
		ok_eq(http_head_parse(cut, sizeof(cut) - 1, &r), 0, "a cut head parses");
		ok(!client_addr_resolve(&proxies, &r) &&
			   !strcmp(req_text(&r, REQ_SRC_IP), "10.0.0.5"),
		   "a cut head names no client: the request stays the proxy's");
	}
	return tap_done();
}
