// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Engine cost per record with every policy of a directory, on synthetic
 * traffic: sources log-uniformly skewed (a few heavy, a long tail), pages,
 * assets and API calls, query strings on a third of them, and 1.6% of the
 * requests from 50 probing attackers. Records are made from a small set of
 * templates in the timed loop (a replay reuses one record, hot in cache),
 * so what is timed is the engine. Prints ns/record and what fired.
 *
 *   build/tests/bench/engine_bench [POLICY_DIR [RECORDS [SECONDS_SPANNED [SOURCES]]]]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/engine.h"

#define TEMPLATES 256 /* small enough to stay in cache, like a replay's one record */
#define SOURCE_DRAWS 16384
#define ATTACKERS 50

/* Path and query text around a '#' that each record replaces with a number below its mod. */
struct template {
	struct request_record r;
	char path[96], query[96];
	uint32_t path_mod, query_mod;
	bool attack;
};

static uint64_t rng = 88172645463325252ULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static const char *const uas[] = {
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
	"Chrome/120.0 Safari/537.36",
	"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
	"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15",
	"curl/7.88.1",
	"python-requests/2.31.0",
	"Googlebot/2.1 (+http://www.google.com/bot.html)",
};

/* Templates 0-3 probe (one kind each, sent by the attackers); the rest browse. */
static void make_template(struct template *t, unsigned int i, uint64_t x)
{
	unsigned long page = (unsigned long)(x >> 8) % 2000, k = (unsigned long)(x >> 20) % 100;
	unsigned int kind = i < 4 ? i : 4 + (unsigned int)(x % 96);
	struct request_record *r = &t->r;
	size_t sz = sizeof(t->path);

	t->attack = kind < 4;
	if (kind == 0)
		snprintf(t->path, sz, "/wp-login.php");
	else if (kind == 1)
		snprintf(t->path, sz, "/.env");
	else if (kind == 2)
		snprintf(t->path, sz, "/search");
	else if (kind == 3)
		snprintf(t->path, sz, "/static/../../etc/passwd");
	else if (kind < 45)
		snprintf(t->path, sz, "/static/css/site-%lu.css", page % 40);
	else if (kind < 60)
		snprintf(t->path, sz, "/img/p#/%lu.jpg", k), t->path_mod = 20000;
	else if (kind < 75)
		snprintf(t->path, sz, "/api/v1/items/#"), t->path_mod = 2000;
	else
		snprintf(t->path, sz, "/articles/#/comments-%lu", k % 4), t->path_mod = 5000;
	if (kind == 2)
		snprintf(t->query, sz, "q=1%%27%%20or%%201=1--%lu", k);
	else if (kind >= 60 && kind < 75)
		snprintf(t->query, sz, "page=#&sort=%lu", k), t->query_mod = 100;
	else if (x % 3 == 0)
		snprintf(t->query, sz, "utm_source=news&id=#"), t->query_mod = 1000000;
	r->present = REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_STATUS) |
		     REQ_BIT(REQ_BYTES) | REQ_BIT(REQ_VERSION) | REQ_BIT(REQ_METHOD) |
		     REQ_BIT(REQ_USER_AGENT) | REQ_BIT(REQ_REFERER);
	r->status = x % 17 == 0 ? 404 : x % 23 == 0 ? 302 : x % 41 == 0 ? 401 : 200;
	r->bytes = 500 + x % 30000;
	r->method = x % 19 && kind ? HTTP_METHOD_GET : HTTP_METHOD_POST;
	r->method_str = x % 19 && kind ? GH_STR_LIT("GET") : GH_STR_LIT("POST");
	r->version = GH_STR_LIT("HTTP/1.1");
	req_set_str(r, REQ_PATH, &r->path, t->path, (uint32_t)strlen(t->path));
	if (t->query[0])
		req_set_str(r, REQ_QUERY, &r->query, t->query, (uint32_t)strlen(t->query));
	r->user_agent.p = uas[x % 6];
	r->user_agent.len = (uint32_t)strlen(uas[x % 6]);
	r->referer = GH_STR_LIT("https://example.com/");
}

/* tmpl with its '#' replaced by n, into buf; the length. */
static uint32_t fill(char *buf, const char *tmpl, uint64_t n)
{
	const char *hash = strchr(tmpl, '#');
	char digits[24];
	size_t pre, nd = 0;

	if (!hash)
		return (uint32_t)strlen(strcpy(buf, tmpl));
	do
		digits[sizeof(digits) - ++nd] = (char)('0' + n % 10);
	while ((n /= 10));
	pre = (size_t)(hash - tmpl);
	memcpy(buf, tmpl, pre);
	memcpy(buf + pre, digits + sizeof(digits) - nd, nd);
	return (uint32_t)(pre + nd + strlen(strcpy(buf + pre + nd, hash + 1)));
}

static void set_source(struct gh_addr *a, uint64_t src)
{
	memset(a, 0, sizeof(*a));
	a->family = src % 10 ? AF_INET : AF_INET6;
	a->bytes[0] = a->family == AF_INET ? 198 : 0x20;
	a->bytes[1] = 51;
	a->bytes[2] = (uint8_t)(src >> 8);
	a->bytes[3] = (uint8_t)src;
	a->bytes[4] = (uint8_t)(src >> 16);
}

static void count(const struct verdict *v, void *ctx)
{
	(void)v;
	++*(uint64_t *)ctx;
}

static double now_s(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Feed records [from, to) of the run; 1% arrive up to a second late. */
static void feed(struct engine *e, struct template *t, const uint32_t *srcs, size_t from,
		 size_t to, size_t n, uint64_t span_s, uint64_t nsources)
{
	uint64_t t0 = 1700000000ULL * 1000000000ULL, step = span_s * 1000000000ULL / n;
	struct request_record r;
	char path[128], query[128];

	for (size_t i = from; i < to; i++) {
		uint64_t x = next();
		const struct template *tp = &t[x % TEMPLATES];
		uint64_t src = tp->attack ? nsources + (x >> 32) % ATTACKERS
					  : srcs[(x >> 16) % SOURCE_DRAWS];

		r = tp->r;
		r.ts_ns = t0 + step * i - (x % 97 == 0 ? (x >> 24) % 1000000000ULL : 0);
		set_source(&r.src, src);
		if (tp->path_mod)
			r.path = (struct gh_str){ path, fill(path, tp->path, (x >> 7) % tp->path_mod) };
		if (tp->query_mod)
			r.query = (struct gh_str){ query, fill(query, tp->query,
								 (x >> 11) % tp->query_mod) };
		engine_feed(e, &r);
	}
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "policies";
	size_t n = argc > 2 ? strtoull(argv[2], NULL, 10) : 2000000;
	uint64_t span = argc > 3 ? strtoull(argv[3], NULL, 10) : 3600;
	uint64_t nsources = argc > 4 ? strtoull(argv[4], NULL, 10) : 5000, verdicts = 0;
	struct template *t = calloc(TEMPLATES, sizeof(*t));
	uint32_t *srcs = calloc(SOURCE_DRAWS, sizeof(*srcs));
	struct policy_set *ps;
	struct engine_stats st;
	struct engine *e;
	double secs, cpu;

	if (!t || !srcs ||
	    policy_set_load_dir(dir, NULL, &(struct policy_report){ policy_report_lines, stderr },
				&ps))
		return 2;
	for (size_t i = 0; i < TEMPLATES; i++)
		make_template(&t[i], (unsigned int)i, next());
	for (size_t i = 0; i < SOURCE_DRAWS; i++)
		srcs[i] = (uint32_t)pow((double)nsources, (double)(next() % 1000000) / 1e6);
	e = engine_new(ps, NULL, count, &verdicts);
	if (!e)
		return 1;
	/* A tenth first, untimed, so the timed part sees the steady state. */
	feed(e, t, srcs, 0, n / 10, n, span, nsources);
	secs = now_s(CLOCK_MONOTONIC);
	cpu = now_s(CLOCK_PROCESS_CPUTIME_ID);
	feed(e, t, srcs, n / 10, n, n, span, nsources);
	secs = now_s(CLOCK_MONOTONIC) - secs;
	cpu = now_s(CLOCK_PROCESS_CPUTIME_ID) - cpu;
	engine_stats(e, &st);
	/* CPU time beside wall: on a shared machine wall time also counts waiting for a core. */
	printf("%zu policies, %zu records from %llu sources over %llu s: %.1f ns/record "
	       "(%.2f M records/s), %.1f ns/record of CPU\n",
	       ps->count, n, (unsigned long long)nsources, (unsigned long long)span,
	       secs * 1e9 / (double)(n - n / 10), (double)(n - n / 10) / secs / 1e6,
	       cpu * 1e9 / (double)(n - n / 10));
	printf("verdicts %llu, groups %llu, entries %llu, evicted %llu stateful and %llu "
	       "counter-only, late %llu\n",
	       (unsigned long long)verdicts, (unsigned long long)st.groups,
	       (unsigned long long)st.entries, (unsigned long long)st.evicted_stateful,
	       (unsigned long long)st.evicted_counter_only, (unsigned long long)st.late);
	for (size_t i = 0; i < st.count; i++)
		printf("  %-24s matched %9llu alerts %6llu blocks %6llu groups %6llu\n",
		       ps->policies[i].name, (unsigned long long)st.policies[i].matched,
		       (unsigned long long)st.policies[i].alerts,
		       (unsigned long long)st.policies[i].blocks,
		       (unsigned long long)st.policies[i].groups);
	engine_free(e);
	policy_set_free(ps);
	free(t);
	free(srcs);
	return 0;
}
