// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * A stream of requests made from the fuzzer's bytes, through two engines on
 * one policy set. One engine keeps a distinct that an all-having bounds from
 * above to the values it needs (window.h). The other counts every value
 * (engine_opts.exact_aggregates, as explain and suggest do). Their verdicts,
 * evidence and counts must agree byte for byte.
 *
 * The set holds sliding, tumbling and session windows with such distincts,
 * and two policies with unless_rendered (engine_render.c). Those are fed
 * Referers and Hosts that name the stream's own pages, another site, a
 * fragment or the page itself, behind a Host in either case or with a path,
 * and some late records. Each record takes RECORD_BYTES bytes of the input.
 *
 * A third engine, counting every value too, traces: it reads every record a
 * settled session skips (eng_session_settled). Its verdicts must be the
 * first two's; its matched counts may be higher, so its stats are not
 * compared.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "base/hash.h"
#include "engine/engine.h"
#include "fuzz_checks.h"

#define RECORD_BYTES 6
#define MAX_RECORDS 512
#define T0 1700000000000000000ULL

#define HEAD(name) "{\"name\":\"" name "\",\"description\":\"fuzz\","

static const char *const policies[] = {
	HEAD("redir") "\"kind\":\"window\",\"group_by\":[\"src_ip\"],"
	"\"window\":{\"type\":\"sliding\",\"length\":\"10s\"},\"aggregates\":["
	"{\"name\":\"n\",\"fn\":\"count\"},"
	"{\"name\":\"r\",\"fn\":\"ratio\",\"where\":{\"field\":\"status\",\"in\":[301,302]}},"
	"{\"name\":\"paths\",\"fn\":\"distinct\",\"field\":\"path\"}],"
	"\"having\":{\"all\":[{\"agg\":\"n\",\"ge\":3},{\"agg\":\"r\",\"ge\":0.5},"
	"{\"agg\":\"paths\",\"le\":2}]},"
	"\"action\":{\"type\":\"block\",\"ttl\":\"1m\",\"cooldown\":\"5s\"}}",

	HEAD("tumb") "\"kind\":\"window\",\"group_by\":[\"src_ip\"],"
	"\"window\":{\"type\":\"tumbling\",\"length\":\"5s\"},\"aggregates\":["
	"{\"name\":\"n\",\"fn\":\"count\"},{\"name\":\"refs\",\"fn\":\"distinct\",\"field\":\"referer\"}],"
	"\"having\":{\"all\":[{\"agg\":\"n\",\"ge\":2},{\"agg\":\"refs\",\"eq\":1}]},"
	"\"action\":{\"type\":\"alert\",\"cooldown\":\"1s\"}}",

	HEAD("sess") "\"kind\":\"window\",\"group_by\":[\"src_ip\"],"
	"\"window\":{\"type\":\"session\",\"gap\":\"3s\"},\"aggregates\":["
	"{\"name\":\"n\",\"fn\":\"count\"},{\"name\":\"paths\",\"fn\":\"distinct\",\"field\":\"path\"}],"
	"\"having\":{\"all\":[{\"agg\":\"n\",\"ge\":2},{\"agg\":\"paths\",\"le\":1}]},"
	"\"action\":{\"type\":\"alert\",\"cooldown\":\"1s\"}}",

	/* lone-browser-miss's shape: a filter, and a ratio le 0 any answer breaks for good. */
	HEAD("miss") "\"kind\":\"window\",\"filter\":{\"not\":{\"field\":\"path\",\"suffix\":\".css\"}},"
	"\"group_by\":[\"src_ip\"],\"window\":{\"type\":\"session\",\"gap\":\"2s\"},\"aggregates\":["
	"{\"name\":\"n\",\"fn\":\"count\"},"
	"{\"name\":\"ok\",\"fn\":\"ratio\",\"where\":{\"field\":\"status\",\"lt\":400}}],"
	"\"having\":{\"all\":[{\"agg\":\"ok\",\"le\":0},{\"agg\":\"n\",\"ge\":1}]},"
	"\"action\":{\"type\":\"alert\",\"cooldown\":\"1s\"}}",

	HEAD("probe") "\"kind\":\"match\",\"where\":{\"field\":\"path\",\"prefix\":\"/p\"},"
	"\"action\":{\"type\":\"block\",\"ttl\":\"1m\",\"cooldown\":\"1s\",\"unless_rendered\":\"2s\"}}",

	HEAD("twice") "\"kind\":\"window\",\"filter\":{\"field\":\"query\",\"contains\":\"x\"},"
	"\"group_by\":[\"src_ip\"],\"window\":{\"type\":\"sliding\",\"length\":\"10s\"},"
	"\"aggregates\":[{\"name\":\"n\",\"fn\":\"count\"}],\"having\":{\"agg\":\"n\",\"ge\":2},"
	"\"action\":{\"type\":\"block\",\"ttl\":\"1m\",\"cooldown\":\"2s\",\"unless_rendered\":\"3s\"}}",
};

/* Targets: each a path and maybe a query (split at '?' as a log parser does). */
static const char *const targets[] = { "/",	"/p",	  "/p?x=1", "/a.css",
				       "/b",	"/c?x=2", "/p#f",   "/d/e" };
static const char *const hosts[] = { NULL, "a.example", "A.example", "a.example/d", "" };
static const uint16_t statuses[] = { 200, 301, 302, 404, 500, 304, 200, 302 };

static struct policy_set *set;

/* A policy the set does not load stops the target before any input (its message says why). */
static void say(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "fuzz_engine_stream: %s\n", msg);
}

/* The set, loaded once from a directory as the daemon loads one. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const struct policy_report rep = { say, NULL };
	char dir[] = "/tmp/gh-fuzz-engine-XXXXXX", path[64];
	size_t n = sizeof(policies) / sizeof(policies[0]);

	(void)argc;
	(void)argv;
	check(mkdtemp(dir));
	for (size_t i = 0; i < n; i++) {
		FILE *f;

		snprintf(path, sizeof(path), "%s/p%zu.json", dir, i);
		check((f = fopen(path, "w")));
		fputs(policies[i], f);
		fclose(f);
	}
	check(!policy_set_load_dir(dir, NULL, &rep, &set) && set->count == n);
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/p%zu.json", dir, i);
		unlink(path);
	}
	rmdir(dir);
	return 0;
}

static void on_verdict(const struct verdict *v, void *ctx)
{
	uint64_t *digest = ctx;
	const char *evidence = v->evidence ? json_object_to_json_string(v->evidence) : "";

	*digest = gh_hash_bytes(v->policy->name, strlen(v->policy->name), *digest);
	*digest = gh_hash_bytes(&v->ts_ns, sizeof(v->ts_ns), *digest);
	*digest = gh_hash_bytes(&v->src, sizeof(v->src), *digest);
	*digest = gh_hash_bytes(&v->block, sizeof(v->block), *digest);
	*digest = gh_hash_bytes(&v->value, sizeof(v->value), *digest);
	*digest = gh_hash_bytes(evidence, strlen(evidence), *digest);
}

static void str(struct request_record *r, enum req_field f, struct gh_str *slot, const char *s,
		size_t len)
{
	req_set_str(r, f, slot, s, (uint32_t)len);
}

/*
 * A record from b[RECORD_BYTES]: source, a step in time (or back: late),
 * target, Referer, Host, status. buf holds the Referer.
 */
static void make(struct request_record *r, const uint8_t *b, uint64_t *ts, char *buf, size_t cap)
{
	const char *t = targets[b[2] % 8], *q = strchr(t, '?'), *host = hosts[b[4] % 5];
	const char *named = targets[(b[3] >> 3) % 8];

	memset(r, 0, sizeof(*r));
	r->present = REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_STATUS);
	*ts = b[1] < 200 ? *ts + (uint64_t)b[1] * 50000000ULL
			 : *ts - (uint64_t)(b[1] - 199) * 100000000ULL;
	r->ts_ns = *ts;
	gh_addr_parse(b[0] & 8 ? "2001:db8::1" : "198.51.100.1", &r->src);
	r->src.bytes[r->src.family == AF_INET ? 3 : 15] ^= (uint8_t)(b[0] & 7);
	r->status = statuses[b[5] % 8];
	req_set_method(r, "GET", 3);
	str(r, REQ_PATH, &r->path, t, q ? (size_t)(q - t) : strlen(t));
	if (q)
		str(r, REQ_QUERY, &r->query, q + 1, strlen(q + 1));
	if (host)
		str(r, REQ_HOST, &r->host, host, strlen(host));
	switch (b[3] & 7) {
	case 0:
		return; /* no Referer */
	case 1: /* a page of the site */
		snprintf(buf, cap, "https://a.example%s", named);
		break;
	case 2: /* another site's page */
		snprintf(buf, cap, "http://b.example%s", named);
		break;
	case 3: /* the page itself, host in another case */
		snprintf(buf, cap, "https://A.example%s", t);
		break;
	case 4: /* behind a host with a path */
		snprintf(buf, cap, "https://a.example/d%s", named);
		break;
	case 5: /* with a fragment */
		snprintf(buf, cap, "https://a.example%s#top", named);
		break;
	case 6: /* no path, or not a URL */
		snprintf(buf, cap, "%s", b[3] & 8 ? "https://a.example" : "h");
		break;
	default: /* the page itself */
		snprintf(buf, cap, "https://a.example%s", t);
	}
	str(r, REQ_REFERER, &r->referer, buf, strlen(buf));
}

static void fold_stats(const struct engine *e, uint64_t *digest)
{
	struct engine_stats st;

	engine_stats(e, &st);
	for (size_t i = 0; i < st.count; i++) {
		const struct engine_policy_stats *p = &st.policies[i];
		uint64_t v[] = { p->matched, p->alerts, p->blocks, p->suppressed, p->rendered };

		*digest = gh_hash_bytes(v, sizeof(v), *digest);
	}
}

static void no_trace(const struct engine_trace *t, void *ctx)
{
	(void)t, (void)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t digest[3] = { 1, 1, 1 }, ts = T0;
	struct engine *e[3];
	struct engine_opts o;
	size_t n = size / RECORD_BYTES;

	if (n > MAX_RECORDS)
		n = MAX_RECORDS;
	engine_opts_default(&o);
	o.hash_seed = 7;
	e[0] = engine_new(set, &o, on_verdict, &digest[0]);
	o.exact_aggregates = true;
	e[1] = engine_new(set, &o, on_verdict, &digest[1]);
	e[2] = engine_new(set, &o, on_verdict, &digest[2]);
	check(e[0] && e[1] && e[2]);
	engine_set_trace(e[2], no_trace, NULL);
	for (size_t i = 0; i < n; i++) {
		const uint8_t *b = data + i * RECORD_BYTES;
		struct request_record r;
		char buf[128];

		make(&r, b, &ts, buf, sizeof(buf));
		for (int k = 0; k < 3; k++) {
			engine_feed(e[k], &r);
			if (b[0] >> 4 == 15)
				engine_tick(e[k], ts);
		}
	}
	for (int k = 0; k < 3; k++)
		engine_flush(e[k]);
	check(digest[1] == digest[2]); /* the verdicts alone */
	for (int k = 0; k < 3; k++) {
		if (k < 2)
			fold_stats(e[k], &digest[k]);
		engine_free(e[k]);
	}
	check(digest[0] == digest[1]);
	return 0;
}
