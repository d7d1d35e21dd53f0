// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The daemon's per-record cost of the sensor's ring-buffer events, on one
 * core, without the kernel: synthetic request and response events (heads
 * like wrk's, curl's, a browser's with cookies, a login POST) on 64
 * connections, each answered after the next few requests arrive, fed to
 * the ring-buffer decoder (join by socket cookie + head parse) and, with a
 * policy directory, on into the engine as the daemon does. Prints ns/record
 * for the head parser alone, decode+join, and decode+join+engine.
 *
 *   build/tests/bench/decode_bench [--records N] [--policies DIR] [--markdown FILE]
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/event_clock.h"
#include "engine/engine.h"
#include "gatehawk/sensor.h"
#include "input/http_head.h"
#include "engine/policy.h"
#include "input/ringbuf_decode.h"

#define CONNS 64
/* Requests outstanding before the oldest is answered: keeps the join's
 * pending table and cookie chains non-trivial, as on a busy host. */
#define LAG 8
#define RUNS 5

static const char *const heads[] = {
	/* wrk, the live benchmark's client */
	"GET / HTTP/1.1\r\nHost: 10.77.21.1\r\n\r\n",
	"GET /pages/p17.html HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: curl/7.88.1\r\n"
	"Accept: */*\r\n\r\n",
	"GET /static/app.js?v=3 HTTP/1.1\r\nHost: www.example.com\r\n"
	"User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
	"Chrome/120.0.0.0 Safari/537.36\r\nAccept: */*\r\nAccept-Language: en-US,en;q=0.9\r\n"
	"Accept-Encoding: gzip, deflate, br\r\nReferer: https://www.example.com/pages/p17.html\r\n"
	"Cookie: sid=0123456789abcdef0123456789abcdef; theme=dark; _ga=GA1.2.123456789.1700000000\r\n"
	"Sec-Fetch-Dest: script\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Site: same-origin\r\n"
	"Connection: keep-alive\r\n\r\n",
	"POST /login HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: python-requests/2.31.0\r\n"
	"Accept: */*\r\nContent-Type: application/x-www-form-urlencoded\r\n"
	"Content-Length: 29\r\n\r\nuser=admin&password=letmein1",
	"GET /api/data HTTP/1.1\r\nHost: www.example.com\r\nX-Requested-With: XMLHttpRequest\r\n"
	"Accept: application/json\r\nCookie: sid=lab\r\n\r\n",
};
#define NHEADS (sizeof(heads) / sizeof(heads[0]))

struct sink {
	struct engine *engine; /* NULL: decode only */
	uint64_t records, bytes;
};

static struct gh_request_event req_ev[NHEADS];
static struct gh_event_hdr resp_ev;

static uint64_t now_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static void on_record(const struct request_record *r, void *ctx)
{
	struct sink *s = ctx;

	s->records++;
	s->bytes += r->path.len; /* touch the record so nothing is optimised away */
	if (s->engine)
		engine_feed(s->engine, r);
}

static void on_verdict(const struct verdict *v, void *ctx)
{
	(void)v;
	(void)ctx;
}

static void make_events(void)
{
	for (size_t i = 0; i < NHEADS; i++) {
		struct gh_event_hdr *h = &req_ev[i].hdr;
		size_t len = strlen(heads[i]);

		h->type = GH_EV_REQUEST;
		h->snap_len = (uint32_t)len;
		h->family = 4;
		memcpy(h->saddr, (uint8_t[]){ 198, 51, 100, (uint8_t)(7 + i) }, 4);
		memcpy(h->daddr, (uint8_t[]){ 10, 77, 21, 1 }, 4);
		h->sport = (uint16_t)(40000 + i);
		h->dport = 80;
		h->value = (uint32_t)len;
		memcpy(req_ev[i].head, heads[i], len);
	}
	resp_ev.type = GH_EV_RESPONSE;
	resp_ev.family = 4;
	resp_ev.value = 200;
}

/* Event time, 1 us a request, never going back between feeds (a record
 * older than its group's newest would be a late one, slid into place). */
static uint64_t event_ns;

/* n requests, request i on connection i % CONNS; answers request i - LAG. */
static void feed_decoder(struct ringbuf_decoder *d, uint64_t n)
{
	uint64_t t0 = event_ns;

	event_ns += (n + LAG) * 1000;
	for (uint64_t i = 0; i < n + LAG; i++) {
		if (i < n) {
			struct gh_request_event *ev = &req_ev[i % NHEADS];

			ev->hdr.sock_cookie = 1000 + i % CONNS;
			ev->hdr.ts_ns = t0 + i * 1000;
			decoder_event(d, ev, sizeof(*ev));
		}
		if (i >= LAG) {
			resp_ev.sock_cookie = 1000 + (i - LAG) % CONNS;
			resp_ev.ts_ns = t0 + i * 1000;
			resp_ev.value = (i - LAG) % NHEADS == 3 ? 401 : 200;
			decoder_event(d, &resp_ev, sizeof(resp_ev));
		}
	}
}

/* ns per record of decode+join (+ engine when ps is set); -1 on failure. */
static double time_decoder(uint64_t n, const struct policy_set *ps)
{
	struct sink s = { 0 };
	struct gh_event_clock clock;
	struct ringbuf_decoder *d;
	uint64_t t;

	if (ps && !(s.engine = engine_new(ps, NULL, on_verdict, NULL)))
		return -1;
	gh_event_clock_init(&clock, now_ns(CLOCK_REALTIME), now_ns(CLOCK_BOOTTIME));
	d = decoder_new(on_record, &s, GH_DEFAULT_MAX_PENDING, GH_DEFAULT_ANSWER_TIMEOUT_NS,
			&clock);
	if (!d)
		return -1;
	event_ns = now_ns(CLOCK_BOOTTIME);
	feed_decoder(d, n / 10); /* warm-up: tables, caches, engine groups */
	t = now_ns(CLOCK_MONOTONIC);
	feed_decoder(d, n);
	t = now_ns(CLOCK_MONOTONIC) - t;
	decoder_flush(d);
	if (s.records != n + n / 10 || decoder_get_stats(d)->with_status != s.records) {
		fprintf(stderr, "decode_bench: %llu records, %llu with status, expected %llu\n",
			(unsigned long long)s.records,
			(unsigned long long)decoder_get_stats(d)->with_status,
			(unsigned long long)(n + n / 10));
		return -1;
	}
	decoder_free(d);
	engine_free(s.engine);
	return (double)t / (double)n;
}

static double time_parser(uint64_t n)
{
	struct request_record r;
	uint64_t t, sum = 0;

	t = now_ns(CLOCK_MONOTONIC);
	for (uint64_t i = 0; i < n; i++) {
		const struct gh_request_event *ev = &req_ev[i % NHEADS];

		if (http_head_parse(ev->head, ev->hdr.snap_len, &r))
			return -1;
		sum += r.path.len;
	}
	t = now_ns(CLOCK_MONOTONIC) - t;
	return sum ? (double)t / (double)n : -1;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Median of RUNS, taken in turns with the others by the caller's loop. */
static double median(double *v)
{
	qsort(v, RUNS, sizeof(v[0]), cmp_double);
	return v[RUNS / 2];
}

static void usage(void)
{
	fprintf(stderr, "usage: decode_bench [--records N] [--policies DIR] [--markdown FILE]\n");
}

int main(int argc, char **argv)
{
	const struct option longopts[] = {
		{ "records", required_argument, NULL, 'n' },
		{ "policies", required_argument, NULL, 'p' },
		{ "markdown", required_argument, NULL, 'o' },
		{ 0 },
	};
	const char *policies = NULL, *markdown = NULL;
	double parse[RUNS], decode[RUNS], full[RUNS];
	struct policy_set *ps = NULL;
	uint64_t n = 1000000;
	char report[2048];
	int c, len;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 'n')
			n = strtoull(optarg, NULL, 10);
		else if (c == 'p')
			policies = optarg;
		else if (c == 'o')
			markdown = optarg;
		else
			return usage(), 2;
	}
	if (n < 1000)
		return usage(), 2;
	if (policies &&
	    policy_set_load_dir(policies, NULL,
				&(struct policy_report){ policy_report_lines, stderr }, &ps)) {
		fprintf(stderr, "decode_bench: cannot load policies from %s\n", policies);
		return 2;
	}
	make_events();
	for (int r = 0; r < RUNS; r++) {
		parse[r] = time_parser(n);
		decode[r] = time_decoder(n, NULL);
		full[r] = ps ? time_decoder(n, ps) : 0;
		if (parse[r] < 0 || decode[r] < 0 || full[r] < 0)
			return 1;
	}
	len = snprintf(report, sizeof(report),
		       "| stage (median of %d runs of %llu records, one core) | ns/record | records/s |\n"
		       "|---|---:|---:|\n"
		       "| head parse only (http_head_parse) | %.1f | %.0f |\n"
		       "| decode: join status + parse (decoder_event) | %.1f | %.0f |\n",
		       RUNS, (unsigned long long)n, median(parse), 1e9 / median(parse),
		       median(decode), 1e9 / median(decode));
	if (ps)
		len += snprintf(report + len, sizeof(report) - (size_t)len,
				"| decode + engine, %zu policies of %s | %.1f | %.0f |\n",
				ps->count, policies, median(full), 1e9 / median(full));
	fputs(report, stdout);
	if (markdown) {
		FILE *f = fopen(markdown, "w");

		if (!f || fputs(report, f) < 0 || fclose(f)) {
			perror(markdown);
			return 1;
		}
	}
	policy_set_free(ps);
	return 0;
}
