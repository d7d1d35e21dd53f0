// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * IPv6 sources by /64 (issue 15, finding 5): 1,000 probes, each from its
 * own address of one /64, are one source to every kind that groups by
 * src_ip (match, window, rate on records and on kernel counters), which is
 * blocked as the /64 and costs one group. A policy that says 128 for its
 * prefix or its scope stays per address; the set's load option moves the
 * default; IPv4 is by address as before.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/alert.h"
#include "engine/engine.h"
#include "tap.h"

#define S 1000000000ULL
#define T0 1700000000ULL
#define PROBES 1000
#define NET "2001:db8:7:7"

static struct {
	int n;
	struct gh_cidr first, last; /* scopes */
	char group[64];             /* the first verdict's evidence.group, if any */
} cap;

static struct {
	char msg[8][POLICY_MSG_MAX];
	int n;
} msgs;

static void on_verdict(const struct verdict *v, void *ctx)
{
	struct json_object *g;

	(void)ctx;
	if (!cap.n++) {
		cap.first = v->scope;
		cap.group[0] = '\0';
		if (v->evidence && json_object_object_get_ex(v->evidence, "group", &g))
			snprintf(cap.group, sizeof(cap.group), "%s", json_object_get_string(g));
	}
	cap.last = v->scope;
}

static void report(void *ctx, const char *msg)
{
	(void)ctx;
	if (msgs.n < 8)
		snprintf(msgs.msg[msgs.n++], POLICY_MSG_MAX, "%s", msg);
}

/* One policy (JSON with ' for ") from a file, loaded with the IPv6 default v6 (0: none given). */
static struct policy_set *load(const char *text, uint8_t v6)
{
	static const struct policy_report rep = { report, NULL };
	struct policy_load_opts o = { .ipv6_prefix = v6 };
	char path[] = "/tmp/gh-v6-test-XXXXXX";
	struct policy_set *ps = NULL;
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

	for (const char *c = text; f && *c; c++)
		fputc(*c == '\'' ? '"' : *c, f);
	if (f)
		fclose(f);
	msgs.n = 0;
	if (policy_set_load_file(path, &o, &rep, &ps))
		ps = NULL;
	for (int i = 0; i < msgs.n; i++)
		tap_diag("load: %s", msgs.msg[i]);
	unlink(path);
	return ps;
}

static struct engine *engine(const struct policy_set *ps, bool kernel_counters)
{
	struct engine_opts o;

	memset(&cap, 0, sizeof(cap));
	engine_opts_default(&o);
	o.hash_seed = 1;
	o.kernel_counters = kernel_counters;
	return ps ? engine_new(ps, &o, on_verdict, NULL) : NULL;
}

/* The i-th address of the probing /64: every one its own /128. */
static void probe_addr(int i, char *buf, size_t len)
{
	uint32_t h = (uint32_t)i * 2654435761u;

	snprintf(buf, len, NET ":%x:%x:%x:%x", h >> 16, h & 0xffff, i, ~h & 0xffff);
}

/* PROBES requests for /.env answered 404, 50 ms apart, each from the next address. */
static void probe_all(struct engine *e, void (*addr)(int, char *, size_t))
{
	for (int i = 0; e && i < PROBES; i++) {
		struct request_record r = { .present = REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) |
						       REQ_BIT(REQ_STATUS) };
		char a[64];

		addr(i, a, sizeof(a));
		r.ts_ns = T0 * S + (uint64_t)i * (S / 20);
		gh_addr_parse(a, &r.src);
		r.status = 404;
		req_set_str(&r, REQ_METHOD, &r.method_str, "GET", 3);
		req_set_str(&r, REQ_PATH, &r.path, "/.env", 5);
		engine_feed(e, &r);
	}
}

static uint64_t groups(struct engine *e)
{
	struct engine_stats st = { 0 };

	if (e)
		engine_stats(e, &st);
	return st.groups;
}

static const char *cidr(const struct gh_cidr *c)
{
	static char buf[2][GH_CIDR_STRLEN];
	static int k;

	k ^= 1;
	gh_cidr_format(c, buf[k], sizeof(buf[k]));
	return buf[k];
}

#define HEAD(name) "{'name':'" name "','description':'d',"
#define SECRET_MATCH(extra)                                                                 \
	HEAD("secret") "'kind':'match','where':{'field':'path','eq':'/.env'}," extra           \
	"'action':{'type':'block','ttl':'1h','cooldown':'1m'}}"
#define BURST(extra)                                                                        \
	HEAD("burst") "'kind':'window','filter':{'field':'status','eq':404}," extra            \
	"'window':{'type':'sliding','length':'1m'},'aggregates':[{'name':'n','fn':'count'}],"  \
	"'having':{'agg':'n','ge':20},'action':{'type':'block','ttl':'1h','cooldown':'1h'}}"

static void test_match_by_64(void)
{
	struct policy_set *ps = load(SECRET_MATCH(""), 0);
	struct engine *e = engine(ps, false);

	if (!ok(e != NULL, "a match policy without prefix or scope loads")) {
		policy_set_free(ps);
		return;
	}
	probe_all(e, probe_addr);
	ok_eq(cap.n, 1, "1,000 addresses of one /64 within the cooldown: one verdict");
	ok_str(cidr(&cap.first), NET "::/64", "blocking the /64");
	ok_eq(groups(e), 1, "held as one group");
	engine_free(e);
	policy_set_free(ps);

	ps = load(SECRET_MATCH("'prefix':{'ipv6':128},"), 0);
	e = engine(ps, false);
	probe_all(e, probe_addr);
	ok_eq(cap.n, PROBES, "prefix ipv6 128: each address fires");
	ok_eq(cap.last.prefixlen, 128, "and is blocked alone");
	ok_eq(groups(e), PROBES, "one group per address");
	engine_free(e);
	policy_set_free(ps);
}

static void test_window_by_64(void)
{
	struct policy_set *ps = load(BURST(""), 0);
	struct engine *e = engine(ps, false);

	probe_all(e, probe_addr);
	ok_eq(cap.n, 1, "20 404s from a /64 cross the window's threshold (1h cooldown)");
	ok_str(cap.group, NET "::/64", "the group is the /64");
	ok_str(cidr(&cap.first), NET "::/64", "so is the block");
	ok_eq(groups(e), 1, "1,000 addresses make 1 group");
	engine_free(e);
	policy_set_free(ps);

	ps = load(BURST("'prefix':{'ipv6':128},"), 0);
	e = engine(ps, false);
	probe_all(e, probe_addr);
	ok_eq(cap.n, 0, "prefix ipv6 128: one 404 per address never reaches 20");
	ok_eq(groups(e), PROBES, "and 1,000 groups");
	engine_free(e);
	policy_set_free(ps);
}

/* Rate policies on kernel counters: each address's counter is its own, the rise is the /64's. */
static void test_kernel_counters_by_64(void)
{
	struct policy_set *ps = load(HEAD("flood") "'kind':'rate','metric':'requests',"
				     "'per_second':10,'over':'5s','action':{'type':'block',"
				     "'ttl':'10m'}}", 0);
	struct engine *e = engine(ps, true);
	struct src_stats t = { .requests = 7 };
	struct gh_addr a;
	char buf[64];

	if (!ok(e != NULL, "a rate policy on kernel counters")) {
		policy_set_free(ps);
		return;
	}
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < PROBES / 10; i++) {
			probe_addr(i, buf, sizeof(buf));
			gh_addr_parse(buf, &a);
			engine_feed_counters(e, (T0 + (uint64_t)round) * S, &a, &t);
		}
		t.requests += 1;
	}
	ok_eq(cap.n, 1, "100 addresses one request each in 5 s: above 10/s for the /64");
	ok_str(cidr(&cap.first), NET "::/64", "blocking the /64");
	engine_free(e);
	policy_set_free(ps);
}

/* The set's default: --ipv6-prefix of run, replay, explain and train. */
static void test_load_option(void)
{
	struct policy_set *ps = load(BURST(""), 128);
	struct engine *e = engine(ps, false);

	probe_all(e, probe_addr);
	ok_eq(cap.n, 0, "ipv6_prefix 128: per address again");
	engine_free(e);
	policy_set_free(ps);

	ps = load(BURST(""), 48);
	ok(ps && ps->policies[0].prefix_v6 == 48 && ps->policies[0].action.scope_v6 == 48,
	   "ipv6_prefix 48: grouped and blocked by /48");
	policy_set_free(ps);

	ok(!load(BURST(""), 16), "ipv6_prefix 16 is refused");
	ok(msgs.n && strstr(msgs.msg[0], "expected an IPv6 prefix length from 32 to 128, got 16"),
	   "saying what it expected");
	ok(!load(BURST(""), 129), "and so is 129");
}

/* IPv4 by address, as before: 1,000 addresses of a /22 are 1,000 sources. */
static void v4_addr(int i, char *buf, size_t len)
{
	snprintf(buf, len, "198.51.%d.%d", 100 + i / 250, i % 250 + 1);
}

static void test_ipv4_unchanged(void)
{
	struct policy_set *ps = load(BURST(""), 0);
	struct engine *e = engine(ps, false);

	probe_all(e, v4_addr);
	ok_eq(cap.n, 0, "IPv4: one 404 per address never reaches 20");
	ok_eq(groups(e), PROBES, "one group per address");
	engine_free(e);
	policy_set_free(ps);
}

/* What a policy says for one length settles the other where it says nothing. */
static const struct {
	const char *what, *json;
	uint8_t prefix_v4, prefix_v6, scope_v4, scope_v6;
} lengths[] = {
	{ "neither", SECRET_MATCH(""), 32, 64, 32, 64 },
	{ "prefix 128 means scope 128", SECRET_MATCH("'prefix':{'ipv6':128},"), 32, 128, 32, 128 },
	{ "scope 128 means prefix 128",
	  HEAD("s") "'kind':'match','where':{'all':[]},'action':{'type':'block','ttl':'1h',"
	  "'scope':{'ipv6':128}}}", 32, 128, 32, 128 },
	{ "a wider prefix blocks the /64",
	  BURST("'prefix':{'ipv4':24,'ipv6':48},"), 24, 48, 32, 64 },
	{ "a wider scope groups by the /64",
	  HEAD("w") "'kind':'match','where':{'all':[]},'action':{'type':'block','ttl':'1h',"
	  "'scope':{'ipv4':24,'ipv6':48}}}", 32, 64, 24, 48 },
	{ "both said",
	  HEAD("b") "'kind':'match','where':{'all':[]},'prefix':{'ipv6':56},"
	  "'action':{'type':'block','ttl':'1h','scope':{'ipv6':120}}}", 32, 56, 32, 120 },
	{ "rate",
	  HEAD("r") "'kind':'rate','metric':'syns','per_second':1,'over':'5s',"
	  "'action':{'type':'alert'}}", 32, 64, 32, 64 },
	{ "profile",
	  HEAD("p") "'kind':'profile','model':{'type':'endpoint','file':'/nonexistent/m'},"
	  "'action':{'type':'alert'}}", 32, 64, 32, 64 },
};

static void test_lengths(void)
{
	for (size_t i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++) {
		struct policy_set *ps = load(lengths[i].json, 0);
		const struct policy *p = ps ? &ps->policies[0] : NULL;

		if (!ok(p && p->prefix_v4 == lengths[i].prefix_v4 &&
			p->prefix_v6 == lengths[i].prefix_v6 &&
			p->action.scope_v4 == lengths[i].scope_v4 &&
			p->action.scope_v6 == lengths[i].scope_v6,
			"%s: prefix /%u /%u, scope /%u /%u", lengths[i].what, lengths[i].prefix_v4,
			lengths[i].prefix_v6, lengths[i].scope_v4, lengths[i].scope_v6) && p)
			tap_diag("got prefix /%u /%u, scope /%u /%u", p->prefix_v4, p->prefix_v6,
				 p->action.scope_v4, p->action.scope_v6);
		policy_set_free(ps);
	}
}

int main(void)
{
	test_match_by_64();
	test_window_by_64();
	test_kernel_counters_by_64();
	test_load_option();
	test_ipv4_unchanged();
	test_lengths();
	return tap_done();
}
