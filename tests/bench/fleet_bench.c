// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Fleet mode's figures against a real nats-server -js (fleet_bench.sh starts
 * it), every "host" in this process: its own NATS connection, watcher and
 * publisher (daemon/fleet.h, as `run --fleet` has them) and its own gate
 * maps (tests/lib/gate_fixture.h), applied through the daemon's own path
 * (daemon/fleet_apply.h) by one event-loop thread for all hosts, as each
 * daemon's loop would, on this machine's two cores.
 *
 *   fleet_bench URL [--hosts 1,10,100] [--decisions 200] [--burst 2000]
 *               [--catch-up 100000]
 *
 * For each count of subscribing hosts: latency from a decision queued on
 * the publishing host to its entry written in each subscriber's map (p50,
 * p99, max over every host and decision, decisions paced 5 ms apart); then
 * a burst queued at once: decisions/s the publisher gets acknowledged, and
 * decisions/s until every host has every one. Then a new host joining a
 * fleet holding --catch-up decisions: time to read the bucket and to have
 * every entry in its map. Markdown on stdout.
 *
 *   fleet_bench --summaries [SECONDS]
 *
 * Fleet-wide detection's cost per host, no server needed: SECONDS (30) of
 * simulated traffic (the demo's, and 100k requests/s with 0.1% and 1%
 * scanner probes) through the engine with one fleet-scope policy and the
 * daemon's tally (daemon/fleet_detect.h), flushed as the daemon flushes:
 * summary messages and payload bytes per second.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "daemon/fleet_apply.h"
#include "engine/engine.h"
#include "gate_fixture.h"

#define MS 1000000ULL
#define PACE_NS (5 * MS)
#define WAIT_S 120
/* Decisions live in 198.18.0.0/15 (RFC 2544's benchmark range), one per index. */
#define FIRST_ADDR 0xC6120000U
#define MAX_DECISIONS (1U << 17)
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

struct host {
	struct gate_fixture g;
	struct enforcer enf;
	struct fleet *f;
	struct fleet_applier a;
	int idx; /* 0 publishes; 1.. subscribe */
	uint64_t applied;
};

static struct {
	const char *url;
	char bucket[64];
	FILE *alerts;
	struct host *hosts;
	int n_hosts;
	uint64_t *sent_ns;    /* per decision index: queued at */
	uint64_t *lat_ns;     /* per (subscriber, index): entry written after */
	uint32_t n_decisions; /* indices measured */
	volatile bool stop;
} b;

static uint64_t now_ns(void)
{
	return gh_clock_ns(CLOCK_MONOTONIC);
}

static struct gh_cidr cidr_of(uint32_t i)
{
	struct gh_cidr c = { .addr = { .family = AF_INET }, .prefixlen = 32 };
	uint32_t a = FIRST_ADDR + i;

	c.addr.bytes[0] = (uint8_t)(a >> 24);
	c.addr.bytes[1] = (uint8_t)(a >> 16);
	c.addr.bytes[2] = (uint8_t)(a >> 8);
	c.addr.bytes[3] = (uint8_t)a;
	return c;
}

static uint32_t index_of(const struct gh_cidr *c)
{
	const uint8_t *p = c->addr.bytes;

	return (((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]) -
		FIRST_ADDR);
}

static void on_incoming(const struct fleet_incoming *in, void *ctx)
{
	struct host *h = ctx;
	uint64_t before = h->a.stats.applied;
	uint32_t i;

	fleet_apply(in, &h->a);
	if (h->a.stats.applied == before)
		return;
	__atomic_add_fetch(&h->applied, 1, __ATOMIC_RELAXED);
	i = index_of(&in->d.cidr);
	if (h->idx && b.lat_ns && i < b.n_decisions)
		b.lat_ns[(size_t)(h->idx - 1) * b.n_decisions + i] = now_ns() - b.sent_ns[i];
}

/* The one event loop: every host's fleet fd, drained as a daemon does. */
static void *apply_loop(void *arg)
{
	struct epoll_event ev[64];
	int ep = epoll_create1(EPOLL_CLOEXEC);

	(void)arg;
	for (int i = 0; i < b.n_hosts; i++) {
		struct epoll_event e = { .events = EPOLLIN, .data.ptr = &b.hosts[i] };

		epoll_ctl(ep, EPOLL_CTL_ADD, fleet_fd(b.hosts[i].f), &e);
	}
	while (!b.stop) {
		int n = epoll_wait(ep, ev, 64, 50);

		for (int i = 0; i < n; i++) {
			struct host *h = ev[i].data.ptr;

			fleet_drain(h->f, on_incoming, h);
		}
	}
	close(ep);
	return NULL;
}

static uint64_t stat_of(struct host *h, const char *key)
{
	struct json_object *o = fleet_applier_stats_json(&h->a), *v;
	uint64_t n = 0;

	if (json_object_object_get_ex(o, key, &v))
		n = json_object_get_uint64(v);
	json_object_put(o);
	return n;
}

static int make_bucket(const char *name)
{
	struct fleet_opts o = { .url = b.url, .bucket = name };
	struct fleet_client c;
	struct gh_err e = { 0 };
	int err;

	snprintf(b.bucket, sizeof(b.bucket), "%s", name);
	err = fleet_client_open(&o, true, &c, &e);
	if (err)
		fprintf(stderr, "fleet_bench: %s\n", e.msg);
	fleet_client_close(&c);
	return err;
}

static int start_hosts(int n, uint32_t max_blocks, uint32_t queue_max)
{
	b.hosts = calloc((size_t)n, sizeof(*b.hosts));
	b.n_hosts = n;
	for (int i = 0; b.hosts && i < n; i++) {
		struct host *h = &b.hosts[i];
		char name[32];
		struct fleet_opts o = { .url = b.url, .name = name, .bucket = b.bucket,
					.queue_max = queue_max };
		struct gh_err e = { 0 };
		int err = gate_fixture_open(&h->g, max_blocks, 0);

		snprintf(name, sizeof(name), "bench-%d", i);
		if (err) {
			fprintf(stderr, "fleet_bench: gate maps: %s (CAP_BPF needed)\n",
				strerror(-err));
			return err;
		}
		h->idx = i;
		enforcer_init(&h->enf, &h->g.maps, b.alerts, false);
		h->f = fleet_start(&o, &e);
		if (!h->f) {
			fprintf(stderr, "fleet_bench: %s\n", e.msg);
			return e.code ?: -EIO;
		}
		fleet_applier_init(&h->a, h->f, &h->enf);
	}
	return b.hosts ? 0 : -ENOMEM;
}

static void stop_hosts(void)
{
	for (int i = 0; i < b.n_hosts; i++) {
		fleet_stop(b.hosts[i].f);
		gate_fixture_close(&b.hosts[i].g);
	}
	free(b.hosts);
	b.hosts = NULL;
	b.n_hosts = 0;
}

/* Every host connected and through its first catch-up. */
static bool all_ready(void)
{
	for (int i = 0; i < b.n_hosts; i++)
		if (!stat_of(&b.hosts[i], "caught_up"))
			return false;
	return true;
}

/* Wait until cond() or WAIT_S; false on timeout. */
static bool wait_for(bool (*cond)(void))
{
	uint64_t end = now_ns() + WAIT_S * 1000 * MS;
	struct timespec pause = { 0, 2 * MS };

	while (!cond())
		if (now_ns() > end || nanosleep(&pause, NULL))
			return false;
	return true;
}

static uint64_t target; /* applied per subscriber to wait for */

static bool subscribers_done(void)
{
	for (int i = 1; i < b.n_hosts; i++)
		if (__atomic_load_n(&b.hosts[i].applied, __ATOMIC_RELAXED) < target)
			return false;
	return true;
}

static bool publisher_done(void)
{
	return stat_of(&b.hosts[0], "published") >= target;
}

static void publish(uint32_t i)
{
	struct fleet_decision d = { .action = FLEET_BLOCK, .cidr = cidr_of(i) };

	d.expires_at = (int64_t)time(NULL) + 3600;
	snprintf(d.policy, sizeof(d.policy), "bench");
	b.sent_ns[i] = now_ns();
	fleet_publish(b.hosts[0].f, &d);
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, c = *(const uint64_t *)y;

	return (a > c) - (a < c);
}

static double ms_at(const uint64_t *v, size_t n, double q)
{
	return n ? (double)v[(size_t)(q * (double)(n - 1))] / 1e6 : 0;
}

static int run_fleet(int subscribers, uint32_t decisions, uint32_t burst)
{
	pthread_t loop;
	size_t n_lat = (size_t)subscribers * decisions, got = 0;
	uint64_t t0, t_pub, t_all;
	char name[64];
	int err;

	snprintf(name, sizeof(name), "ghbench-%d-%d", subscribers, (int)getpid());
	err = make_bucket(name);
	err = err ?: start_hosts(subscribers + 1, 8192, decisions + burst);
	if (err)
		return err;
	b.n_decisions = decisions;
	b.lat_ns = calloc(n_lat, sizeof(*b.lat_ns));
	b.stop = false;
	pthread_create(&loop, NULL, apply_loop, NULL);
	if (!wait_for(all_ready))
		fprintf(stderr, "fleet_bench: %d hosts not all connected\n", subscribers + 1);
	for (uint32_t i = 0; i < decisions; i++) {
		struct timespec pause = { 0, PACE_NS };

		publish(i);
		nanosleep(&pause, NULL);
	}
	target = decisions;
	wait_for(subscribers_done);
	for (size_t i = 0; i < n_lat; i++)
		if (b.lat_ns[i])
			b.lat_ns[got++] = b.lat_ns[i];
	qsort(b.lat_ns, got, sizeof(*b.lat_ns), cmp_u64);

	/* The burst: queued at once, the publisher's round trips set the pace. */
	t0 = now_ns();
	for (uint32_t i = decisions; i < decisions + burst; i++)
		publish(i);
	target = decisions + burst;
	wait_for(publisher_done);
	t_pub = now_ns() - t0;
	wait_for(subscribers_done);
	t_all = now_ns() - t0;
	printf("| %d | %.1f | %.1f | %.1f | %zu/%zu | %.0f | %.0f |\n", subscribers,
	       ms_at(b.lat_ns, got, 0.5), ms_at(b.lat_ns, got, 0.99), ms_at(b.lat_ns, got, 1),
	       got, n_lat, burst / ((double)t_pub / 1e9), burst / ((double)t_all / 1e9));
	fflush(stdout);
	b.stop = true;
	pthread_join(loop, NULL);
	free(b.lat_ns);
	b.lat_ns = NULL;
	stop_hosts();
	return 0;
}

/* Fill the bucket fast: plain NATS publishes on the bucket's subjects (no acks). */
static int fill_bucket(uint32_t n)
{
	struct fleet_opts o = { .url = b.url, .bucket = b.bucket, .name = "bench-origin" };
	struct fleet_decision d = { .action = FLEET_BLOCK };
	struct fleet_client c;
	struct gh_err e = { 0 };
	kvStatus *st = NULL;
	char subject[128], key[GH_FLEET_KEY_MAX], value[GH_FLEET_MSG_MAX];
	int err = fleet_client_open(&o, true, &c, &e);

	if (err) {
		fprintf(stderr, "fleet_bench: %s\n", e.msg);
		return err;
	}
	snprintf(d.origin, sizeof(d.origin), "bench-origin");
	snprintf(d.policy, sizeof(d.policy), "bench");
	d.expires_at = (int64_t)time(NULL) + 3600;
	for (uint32_t i = 0; i < n; i++) {
		int len;

		d.cidr = cidr_of(i);
		fleet_key(&d.cidr, key, sizeof(key));
		len = fleet_decision_encode(&d, value, sizeof(value));
		snprintf(subject, sizeof(subject), "$KV.%s.%s", b.bucket, key);
		natsConnection_Publish(c.nc, subject, value, len);
	}
	natsConnection_Flush(c.nc);
	/* The stream stores them shortly after. */
	for (int tries = 0; tries < 600; tries++) {
		struct timespec pause = { 0, 50 * MS };

		if (kvStore_Status(&st, c.kv) == NATS_OK && kvStatus_Values(st) >= n)
			break;
		kvStatus_Destroy(st);
		st = NULL;
		nanosleep(&pause, NULL);
	}
	err = st && kvStatus_Values(st) >= n ? 0 : -EIO;
	kvStatus_Destroy(st);
	fleet_client_close(&c);
	return err;
}

static bool joiner_caught_up(void)
{
	return __atomic_load_n(&b.hosts[0].applied, __ATOMIC_RELAXED) >= target &&
	       stat_of(&b.hosts[0], "caught_up");
}

static int run_catch_up(uint32_t n)
{
	char name[64];
	pthread_t loop;
	uint64_t t0, t_all;
	int err;

	snprintf(name, sizeof(name), "ghbench-catchup-%d", (int)getpid());
	err = make_bucket(name);
	err = err ?: fill_bucket(n);
	if (err)
		return err;
	t0 = now_ns();
	err = start_hosts(1, GH_DEFAULT_MAX_BLOCKS, 0);
	if (err)
		return err;
	b.stop = false;
	pthread_create(&loop, NULL, apply_loop, NULL);
	target = n;
	wait_for(joiner_caught_up);
	t_all = now_ns() - t0;
	printf("\nA host joining a fleet that holds %u decisions: the bucket read in %llu ms, "
	       "all %llu entries in its map %.0f ms after it started (%.0f decisions/s).\n",
	       n, (unsigned long long)stat_of(&b.hosts[0], "catch_up_ms"),
	       (unsigned long long)b.hosts[0].applied, (double)t_all / 1e6,
	       n / ((double)t_all / 1e9));
	b.stop = true;
	pthread_join(loop, NULL);
	stop_hosts();
	return 0;
}


/* ---- summaries: message volume of fleet-wide detection (no server) -------- */

/* The fleet-scope policy of tests/e2e/fleet.bats: a probe for a secret file. */
static const char spread_policy[] =
	"{\"name\": \"fleet-probe-spread\", \"description\": \"probes spread over hosts\","
	" \"kind\": \"match\", \"severity\": \"high\", \"scope\": \"fleet\","
	" \"fleet\": {\"window\": \"10m\", \"min_hosts\": 3, \"min_matches\": 3},"
	" \"where\": {\"field\": \"path\", \"in\": [\"/.env\", \"/.git/config\", \"/backup.sql\","
	" \"/wp-config.php.bak\", \"/.aws/credentials\"]},"
	" \"action\": {\"type\": \"block\", \"ttl\": \"1h\"}}";

static const char *const probe_paths[] = { "/.env", "/.git/config", "/backup.sql",
					    "/wp-config.php.bak", "/.aws/credentials" };

/* A host's traffic: rate requests/s from clients ordinary sources and scanners
 * probing sources; probe_share of the requests are the scanners' probes. */
struct traffic {
	const char *name;
	uint32_t rate, clients, scanners;
	double probe_share;
};

static void note_verdict(const struct verdict *v, void *ctx)
{
	if (v->policy->fleet.on && v->has_src)
		fleet_detect_note(ctx, v->policy->name, &v->scope, (int64_t)(v->ts_ns / 1000000000ULL));
}

static uint64_t xorshift(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Every flush's changed counts, encoded as the stream gets them. */
static void flush_summaries(struct fleet_detect *fd, struct fleet_summary *s, int64_t now_s,
			    uint64_t *msgs, uint64_t *bytes)
{
	char buf[GH_FLEET_SUMMARY_MSG_MAX];
	int len;

	for (fleet_detect_take(fd, s); s->n; fleet_detect_take(fd, s)) {
		snprintf(s->origin, sizeof(s->origin), "web-001");
		s->sent_ms = now_s * 1000;
		len = fleet_summary_encode(s, buf, sizeof(buf));
		if (len < 0)
			continue;
		fleet_detect_sent(fd, s, (size_t)len);
		(*msgs)++;
		*bytes += (size_t)len;
	}
	fleet_detect_expire(fd, now_s);
}

static int run_summaries(const struct traffic *t, uint32_t seconds)
{
	static struct fleet_summary s;
	uint64_t seed = 0x2545F4914F6CDD1DULL, msgs = 0, bytes = 0, probes = 0, t0;
	int64_t start_s = (int64_t)(gh_clock_ns(CLOCK_REALTIME) / 1000000000ULL);
	uint64_t n = (uint64_t)t->rate * seconds, step_ns = 1000000000ULL / t->rate;
	uint64_t flush_every = (uint64_t)t->rate * GH_FLEET_SUMMARY_FLUSH_MS / 1000;
	struct fleet_detect *fd = fleet_detect_new();
	struct policy_set *ps = NULL;
	struct engine_opts eo;
	struct engine *e;
	char path[32];
	double cpu_s;

	if (!fd || policy_set_parse("fleet-probe-spread.json", spread_policy,
				    strlen(spread_policy), 0, NULL, &ps))
		return -EINVAL;
	fleet_detect_set_policies(fd, ps);
	engine_opts_default(&eo);
	e = engine_new(ps, &eo, note_verdict, fd);
	t0 = now_ns();
	for (uint64_t i = 0; e && i < n; i++) {
		struct request_record r = { .ts_ns = (uint64_t)start_s * 1000000000ULL + i * step_ns };
		uint64_t x = xorshift(&seed);
		bool probe = (double)(x % 1000000) < t->probe_share * 1e6;
		uint32_t who = (uint32_t)(xorshift(&seed) % (probe ? t->scanners : t->clients));
		uint32_t a = (probe ? 0x0A000000U : 0x0B000000U) + who;

		r.src = (struct gh_addr){ .family = AF_INET,
					  .bytes = { a >> 24, a >> 16 & 255, a >> 8 & 255, a & 255 } };
		r.present = REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP);
		if (probe) {
			const char *p = probe_paths[x % ARRAY_LEN(probe_paths)];

			req_set_str(&r, REQ_PATH, &r.path, p, (uint32_t)strlen(p));
			probes++;
		} else {
			int len = snprintf(path, sizeof(path), "/item/%u", (unsigned)(x % 5000));

			req_set_str(&r, REQ_PATH, &r.path, path, (uint32_t)len);
		}
		engine_feed(e, &r);
		if ((i + 1) % flush_every == 0)
			flush_summaries(fd, &s, (int64_t)(r.ts_ns / 1000000000ULL), &msgs, &bytes);
	}
	cpu_s = (double)(now_ns() - t0) / 1e9;
	printf("| %s | %u | %u + %u | %llu | %.2f | %.0f | %.1f | %.0f |\n", t->name, t->rate,
	       t->clients, t->scanners, (unsigned long long)probes, (double)msgs / seconds,
	       (double)bytes / seconds, msgs ? (double)bytes / msgs : 0.0, n / cpu_s);
	engine_free(e);
	policy_set_free(ps);
	fleet_detect_free(fd);
	return e ? 0 : -ENOMEM;
}

/* Each host's summaries at the demo's traffic and at 100k requests/s. */
static int run_all_summaries(uint32_t seconds)
{
	static const struct traffic mixes[] = {
		/* The demo: ~250 requests/s, one scanner at ~3 probes/s among nine sources. */
		{ "demo", 250, 9, 1, 0.012 },
		/* A busy host: 100k requests/s from 50,000 sources; the internet's background
		 * of 500 scanners sends 0.1% of it (100 probes/s). */
		{ "100k/s, 0.1% probes", 100000, 50000, 500, 0.001 },
		/* The same under a wide scan: 5,000 scanners, 1% (1,000 probes/s). */
		{ "100k/s, 1% probes", 100000, 50000, 5000, 0.01 },
	};
	int err = 0;

	printf("\n## fleet-wide detection: summary volume per host\n\n"
	       "%u s of each traffic mix through the engine with one fleet-scope policy; "
	       "changed counts flushed every %d ms as the daemon does (payload bytes; "
	       "NATS framing and the acknowledgement add about 150 B per message).\n\n"
	       "| traffic | requests/s | sources (ordinary + scanners) | probes | "
	       "messages/s | bytes/s | bytes/message | requests/s through engine and tally (1 core) |\n"
	       "|---|---|---|---|---|---|---|---|\n", seconds, GH_FLEET_SUMMARY_FLUSH_MS);
	for (size_t i = 0; i < ARRAY_LEN(mixes) && !err; i++)
		err = run_summaries(&mixes[i], seconds);
	return err;
}

int main(int argc, char **argv)
{
	const char *hosts = "1,10,100";
	uint32_t decisions = 200, burst = 2000, catch_up = 100000;
	int err = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: fleet_bench URL [--hosts 1,10,100] [--decisions N] "
				"[--burst N] [--catch-up N]\n"
				"       fleet_bench --summaries [SECONDS]\n");
		return 2;
	}
	if (!strcmp(argv[1], "--summaries"))
		return run_all_summaries(argc > 2 ? (uint32_t)atoi(argv[2]) ?: 30 : 30) ? 1 : 0;
	b.url = argv[1];
	for (int i = 2; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--hosts"))
			hosts = argv[i + 1];
		else if (!strcmp(argv[i], "--decisions"))
			decisions = (uint32_t)atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--burst"))
			burst = (uint32_t)atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--catch-up"))
			catch_up = (uint32_t)atoi(argv[i + 1]);
	}
	if (decisions + burst > MAX_DECISIONS || catch_up > MAX_DECISIONS || !decisions ||
	    !burst) {
		fprintf(stderr, "fleet_bench: at most %u decisions in all\n", MAX_DECISIONS);
		return 2;
	}
	b.alerts = fopen("/dev/null", "w");
	b.sent_ns = calloc(MAX_DECISIONS, sizeof(*b.sent_ns));
	printf("| subscribing hosts | p50 ms | p99 ms | max ms | entries seen | "
	       "burst: acked/s | burst: on every host/s |\n|---|---|---|---|---|---|---|\n");
	for (const char *p = hosts; *p && !err; p = strchr(p, ',') ? strchr(p, ',') + 1 : "")
		err = run_fleet(atoi(p), decisions, burst);
	if (!err && catch_up)
		err = run_catch_up(catch_up);
	free(b.sent_ns);
	fclose(b.alerts);
	return err ? 1 : 0;
}
