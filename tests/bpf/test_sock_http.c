// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * BPF_PROG_RUN tests of the socket-level HTTP sensor on crafted segments:
 * request-start detection for every method, pipelined and split heads,
 * non-HTTP payloads, short segments, the prefix copied into ring-buffer
 * events, sampling, and response status classes on egress. Decided by the
 * kernel's own counters and the events it wrote.
 *
 * Then the evasions of issue 15 (finding 3): leading CR/LF, a request line
 * or header name split across segments, heads longer than the snapshot,
 * bodies holding request lines, chunked bodies; what spans segments or a
 * page goes over real loopback segments (sock_live.h). The events are run
 * through the daemon's decoder, so each case also checks the record.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>

#include "gatehawk/sensor.h"
#include "gatehawk/sources.h"
#include "input/ringbuf_decode.h"
#include "kernel/map_iter.h"
#include "sock_http.skel.h"
#include "sock_live.h"
#include "tap.h"

/* BPF_PROG_RUN takes at most a page of skb data. */
#define FRAME_MAX 4096
#define CLIENT4 "192.0.2.10"
#define CLIENT6 "2001:db8::10"
#define SERVER4 "192.0.2.1"
#define SERVER6 "2001:db8::1"

static struct sock_http_bpf *skel;

#define MAX_SEEN 64

/* Captured request events (heads and their parts) of the last run. */
static struct {
	struct gh_request_event ev[MAX_SEEN];
	int n;
} seen;

static int on_event(void *ctx, void *data, size_t size)
{
	(void)ctx;
	if (seen.n < MAX_SEEN && size >= sizeof(struct gh_request_event))
		memcpy(&seen.ev[seen.n++], data, sizeof(struct gh_request_event));
	return 0;
}

/* The records the daemon's decoder makes of the captured events. */
static struct {
	char method[MAX_SEEN][16];
	char path[MAX_SEEN][64];
	char ua[MAX_SEEN][64];
	bool truncated[MAX_SEEN];
	int n;
} rec;

static void on_record(const struct request_record *r, void *ctx)
{
	(void)ctx;
	if (rec.n >= MAX_SEEN)
		return;
	snprintf(rec.method[rec.n], sizeof(rec.method[0]), "%.*s", (int)r->method_str.len,
		 r->method_str.p);
	snprintf(rec.path[rec.n], sizeof(rec.path[0]), "%.*s",
		 req_has(r, REQ_PATH) ? (int)r->path.len : 0, r->path.p);
	snprintf(rec.ua[rec.n], sizeof(rec.ua[0]), "%.*s",
		 req_has(r, REQ_USER_AGENT) ? (int)r->user_agent.len : 0, r->user_agent.p);
	rec.truncated[rec.n] = r->truncated;
	rec.n++;
}

/* Decode what was captured; records in rec, false when the decoder refused any. */
static bool decode_seen(void)
{
	struct ringbuf_decoder *d = decoder_new(on_record, NULL, 64, 1);
	bool clean;

	memset(&rec, 0, sizeof(rec));
	if (!d)
		return false;
	for (int i = 0; i < seen.n; i++)
		decoder_event(d, &seen.ev[i], sizeof(seen.ev[i]));
	decoder_flush(d);
	clean = !decoder_get_stats(d)->malformed && !decoder_get_stats(d)->orphan_parts &&
		!decoder_get_stats(d)->bad_events;
	decoder_free(d);
	return clean;
}

struct segment_spec {
	int family;
	uint16_t sport, dport;
	const char *payload;
	size_t len;
};

/* Ethernet + IPv4/IPv6 + TCP (no options) + payload; returns the frame length. */
static size_t build_frame(uint8_t *f, const struct segment_spec *s, int egress)
{
	struct tcphdr *th;
	size_t l3 = s->family == 4 ? sizeof(struct iphdr) : sizeof(struct ipv6hdr);
	const char *src = egress ? (s->family == 4 ? SERVER4 : SERVER6)
				 : (s->family == 4 ? CLIENT4 : CLIENT6);
	const char *dst = egress ? (s->family == 4 ? CLIENT4 : CLIENT6)
				 : (s->family == 4 ? SERVER4 : SERVER6);

	memset(f, 0, ETH_HLEN + l3 + sizeof(*th));
	((struct ethhdr *)f)->h_proto = htons(s->family == 4 ? ETH_P_IP : ETH_P_IPV6);
	if (s->family == 4) {
		struct iphdr *ip = (void *)(f + ETH_HLEN);

		ip->version = 4;
		ip->ihl = 5;
		ip->ttl = 64;
		ip->protocol = IPPROTO_TCP;
		ip->tot_len = htons((uint16_t)(l3 + sizeof(*th) + s->len));
		inet_pton(AF_INET, src, &ip->saddr);
		inet_pton(AF_INET, dst, &ip->daddr);
	} else {
		struct ipv6hdr *ip6 = (void *)(f + ETH_HLEN);

		ip6->version = 6;
		ip6->nexthdr = IPPROTO_TCP;
		ip6->hop_limit = 64;
		ip6->payload_len = htons((uint16_t)(sizeof(*th) + s->len));
		inet_pton(AF_INET6, src, &ip6->saddr);
		inet_pton(AF_INET6, dst, &ip6->daddr);
	}
	th = (void *)(f + ETH_HLEN + l3);
	th->source = htons(s->sport);
	th->dest = htons(s->dport);
	th->seq = htonl(1000);
	th->doff = 5;
	th->ack = 1;
	th->psh = 1;
	memcpy(f + ETH_HLEN + l3 + sizeof(*th), s->payload, s->len);
	return ETH_HLEN + l3 + sizeof(*th) + s->len;
}

static int run_prog(struct bpf_program *prog, const struct segment_spec *s, int egress,
		    int repeat, __u32 *duration)
{
	static uint8_t frame[FRAME_MAX];
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = frame, .repeat = repeat);
	int err;

	opts.data_size_in = (__u32)build_frame(frame, s, egress);
	err = bpf_prog_test_run_opts(bpf_program__fd(prog), &opts);
	if (duration)
		*duration = opts.duration;
	return err ? -errno : (int)opts.retval;
}

static struct sensor_stats read_stats(void)
{
	struct sensor_stats s;

	if (map_percpu_sum(bpf_map__fd(skel->maps.sensor_stats), 0, &s, sizeof(s)))
		memset(&s, 0xff, sizeof(s));
	return s;
}

static void set_config(uint32_t sample_rate)
{
	struct sensor_config cfg = {
		.flags = GH_SENSOR_F_ENABLED, .sample_rate = sample_rate, .n_ports = 2,
		.ports = { 80, 8080 },
	};
	__u32 zero = 0;

	bpf_map_update_elem(bpf_map__fd(skel->maps.sensor_config), &zero, &cfg, BPF_ANY);
}

/* Run one ingress segment; report how many requests it added and capture events. */
static int ingress(struct ring_buffer *rb, const struct segment_spec *s, uint64_t *requests,
		   uint64_t *pipelined)
{
	struct sensor_stats before = read_stats(), after;
	int ret;

	seen.n = 0;
	ret = run_prog(skel->progs.cgroup_skb_http_in, s, 0, 1, NULL);
	ring_buffer__consume(rb);
	after = read_stats();
	*requests = after.requests - before.requests;
	if (pipelined)
		*pipelined = after.pipelined - before.pipelined;
	return ret;
}

/* An IPv4 segment from the client to port 80. */
#define SEG4(p) (&(struct segment_spec){ 4, 40000, 80, (p), strlen(p) })

static void test_methods(struct ring_buffer *rb)
{
	static const char *const methods[] = { "GET",	  "HEAD",    "POST",  "PUT",  "DELETE",
					       "CONNECT", "OPTIONS", "TRACE", "PATCH" };
	char payload[128];
	uint64_t n;

	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		snprintf(payload, sizeof(payload), "%s /x HTTP/1.1\r\nHost: a\r\n\r\n", methods[i]);
		ok_eq(ingress(rb, &(struct segment_spec){ 4, 40000, 80, payload, strlen(payload) },
			      &n, NULL),
		      1, "%s: the program lets the segment pass", methods[i]);
		ok_eq(n, 1, "%s starts a request", methods[i]);
		ok(seen.n == 1 && seen.ev[0].hdr.snap_len == strlen(payload) &&
			   !memcmp(seen.ev[0].head, payload, strlen(payload)),
		   "%s: the event carries the whole head", methods[i]);
	}
}

static void test_not_requests(struct ring_buffer *rb)
{
	static const struct {
		const char *payload;
		size_t len;
		const char *what;
	} cases[] = {
		{ "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 tls client hello", 36, "TLS hello" },
		{ "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", 32, "SSH banner" },
		{ "get / HTTP/1.1\r\nHost: a\r\n\r\n", 27, "lower-case method" },
		{ "GETX / HTTP/1.1\r\nHost: a\r\n\r\n", 28, "unknown method" },
		{ "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 20, "zero bytes" },
		{ "Host: a\r\nAccept: */*\r\n\r\n", 24, "continuation of a split head" },
	};
	uint64_t n;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct segment_spec s = { 4, 40000, 80, cases[i].payload, cases[i].len };

		ingress(rb, &s, &n, NULL);
		ok(n == 0 && seen.n == 0, "%s: not counted, no event", cases[i].what);
	}
}

static void test_pipelined(struct ring_buffer *rb)
{
	const char *a = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
	const char *b = "HEAD /b HTTP/1.1\r\nHost: x\r\n\r\n";
	const char *c = "POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
	char payload[256];
	uint64_t n, piped;

	snprintf(payload, sizeof(payload), "%s%s%s", a, b, c);
	ingress(rb, SEG4(payload), &n, &piped);
	ok_eq(n, 3, "three pipelined heads in one segment are three requests");
	ok_eq(piped, 2, "two of them counted as pipelined");
	ok(seen.n == 3 && !memcmp(seen.ev[1].head, b, strlen(b)) &&
		   !memcmp(seen.ev[2].head, c, strlen(c)),
	   "each pipelined head gets an event starting at its method");

	/* Bare-LF blank lines also end a head. */
	snprintf(payload, sizeof(payload), "GET /1 HTTP/1.0\n\nGET /2 HTTP/1.0\n\n");
	ingress(rb, SEG4(payload), &n, NULL);
	ok_eq(n, 2, "bare LF blank line separates pipelined heads");

	/* A body that is not followed by a method is not a head. */
	snprintf(payload, sizeof(payload),
		 "POST /f HTTP/1.1\r\nContent-Length: 13\r\n\r\nname=x&pass=y");
	ingress(rb, SEG4(payload), &n, NULL);
	ok_eq(n, 1, "a request with a body counts once");
}

static void test_split_and_long(struct ring_buffer *rb)
{
	static char big[3000];
	uint64_t n;

	ingress(rb, SEG4("GET /split HTTP/1.1\r\nHost: a\r\nUser-Agent: curl"), &n, NULL);
	ok_eq(n, 1, "first half of a split head starts a request");
	ingress(rb, SEG4("/8.0\r\nAccept: */*\r\n\r\n"), &n, NULL);
	ok_eq(n, 0, "second half of a split head adds nothing");

	memcpy(big, "GET /big HTTP/1.1\r\nCookie: ", 27);
	memset(big + 27, 'c', sizeof(big) - 27);
	ingress(rb, &(struct segment_spec){ 4, 40000, 80, big, sizeof(big) }, &n, NULL);
	ok_eq(n, 1, "a head larger than the snapshot is one request");
	ok(seen.n == 1 && seen.ev[0].hdr.snap_len == GH_SNAP_LEN &&
		   !memcmp(seen.ev[0].head, big, GH_SNAP_LEN) && seen.ev[0].hdr.value == sizeof(big),
	   "its event holds the first %d bytes and the segment length", GH_SNAP_LEN);
}

/* Starts the per-segment scanner missed: each counted once, its head decoded. */
static void test_one_segment_starts(struct ring_buffer *rb)
{
	static char line[3000];
	static const struct {
		const char *payload, *what, *path;
		int requests, truncated;
	} cases[] = {
		{ "\r\nGET /crlf HTTP/1.1\r\nHost: a\r\n\r\n", "a leading CRLF (nginx skips it)",
		  "/crlf", 1, 0 },
		{ "\nGET /lf HTTP/1.1\r\nHost: a\r\n\r\n", "a leading bare LF", "/lf", 1, 0 },
		{ "\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\nGET /crlf9 HTTP/1.1\r\n\r\n",
		  "nine leading CRLFs", "/crlf9", 1, 0 },
		{ "GET / HTTP/1.1", "a request line with no end", "/", 1, 1 },
		{ "GET / HTTP/1.", "a request line cut by the segment", "/", 1, 1 },
		{ "GET /a HTTP/1.1\r\nHost: a\r\n\r\r\nGET /b HTTP/1.1\r\n\r\n",
		  "a blank line of CR CR LF ends a head (nginx)", "/a", 2, 0 },
	};
	uint64_t n;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ingress(rb, SEG4(cases[i].payload), &n, NULL);
		ok_eq(n, cases[i].requests, "%s: counted", cases[i].what);
		ok(decode_seen() && rec.n == cases[i].requests && !strcmp(rec.method[0], "GET") &&
			   !strcmp(rec.path[0], cases[i].path) &&
			   rec.truncated[0] == cases[i].truncated,
		   "%s: decoded, path %s%s", cases[i].what, cases[i].path,
		   cases[i].truncated ? ", truncated" : "");
	}

	/* nginx serves HTTP/0.9 GETs; the decoder takes HTTP/1.x heads only. */
	ingress(rb, SEG4("GET /\r\n"), &n, NULL);
	ok_eq(n, 1, "an HTTP/0.9 request line: counted");

	/* A 2 KiB request line, then a request pipelined after it. */
	memcpy(line, "GET /long?q=", 12);
	memset(line + 12, 'x', 2048);
	snprintf(line + 12 + 2048, sizeof(line) - 12 - 2048,
		 " HTTP/1.1\r\nHost: a\r\n\r\nGET /next HTTP/1.1\r\nHost: a\r\n\r\n");
	ingress(rb, SEG4(line), &n, NULL);
	ok_eq(n, 2, "a 2 KiB request line and the request after it: two requests");
	ok(seen.n == 2 && seen.ev[0].hdr.snap_len == GH_SNAP_LEN &&
		   !memcmp(seen.ev[1].head, "GET /next ", 10),
	   "the first event holds %d bytes, the second starts at its method", GH_SNAP_LEN);
	ok(decode_seen() && rec.n == 2 && !strcmp(rec.path[0], "/long") && rec.truncated[0] &&
		   !strcmp(rec.path[1], "/next") && !rec.truncated[1],
	   "the cut one decodes as GET /long, truncated; the next one whole");
}

/* Where a body ends decides where the next request starts. */
static void test_bodies(struct ring_buffer *rb)
{
	static const struct {
		const char *payload, *what;
		int requests;
		const char *last_path;
	} cases[] = {
		{ "POST /f HTTP/1.1\r\nContent-Length: 18\r\n\r\nGET / HTTP/1.1\r\n\r\n",
		  "a body holding a request line", 1, "/f" },
		{ "POST /f HTTP/1.1\r\ncontent-length:\t 18 \r\n\r\nGET / HTTP/1.1\r\n\r\n"
		  "GET /real HTTP/1.1\r\n\r\n",
		  "a body (lower-case name, OWS) then a real request", 2, "/real" },
		{ "POST /f HTTP/1.1\nContent-Length: 18\n\nGET / HTTP/1.1\r\n\r\nHEAD /h HTTP/1.0\n\n",
		  "bare-LF head, body, request", 2, "/h" },
		{ "POST /f HTTP/1.1\r\nContent-Length: 0\r\n\r\nGET /z HTTP/1.1\r\n\r\n",
		  "Content-Length: 0, then a request", 2, "/z" },
		{ "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
		  "GET /after HTTP/1.1\r\n\r\n",
		  "a chunked body, then a request after its last chunk", 2, "/after" },
		{ "POST /b HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy"
		  "GET /dup HTTP/1.1\r\n\r\n",
		  "two Content-Lengths (nginx: 400): length unknown, nothing counted in it", 1, "/b" },
	};
	uint64_t n;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ingress(rb, SEG4(cases[i].payload), &n, NULL);
		ok_eq(n, cases[i].requests, "%s: %d request(s)", cases[i].what, cases[i].requests);
		ok(decode_seen() && rec.n == cases[i].requests &&
			   !strcmp(rec.path[rec.n - 1], cases[i].last_path),
		   "%s: the last record is %s", cases[i].what, cases[i].last_path);
	}
}

/* Twenty pipelined heads in one segment: all counted, GH_MAX_HEADS_PER_SEGMENT sampled. */
static void test_many_pipelined(struct ring_buffer *rb)
{
	char payload[1024];
	size_t len = 0;
	uint64_t n, piped;

	for (int i = 0; i < 20; i++)
		len += (size_t)snprintf(payload + len, sizeof(payload) - len,
					"GET /p%d HTTP/1.1\r\nHost: a\r\n\r\n", i);
	ingress(rb, SEG4(payload), &n, &piped);
	ok_eq(n, 20, "twenty pipelined heads in one segment are twenty requests");
	ok_eq(piped, 19, "nineteen of them pipelined");
	ok_eq(seen.n, GH_MAX_HEADS_PER_SEGMENT, "the first %d are sampled",
	      GH_MAX_HEADS_PER_SEGMENT);
}

/* ---- real segments ------------------------------------------------------- */

struct live_seg {
	const char *p;
	size_t len; /* 0: strlen(p) */
};

/* One connection, one segment per item; how many requests the kernel counted. */
static uint64_t live_run(struct ring_buffer *rb, struct live *lv, const struct live_seg *segs,
			 int n, struct sensor_stats *delta)
{
	struct sensor_stats before = read_stats(), after;
	struct live_conn c;
	int err;

	ring_buffer__consume(rb); /* what earlier runs left */
	seen.n = 0;
	err = live_open(lv, &c);
	for (int i = 0; i < n && !err; i++)
		err = live_send(&c, segs[i].p, segs[i].len ? segs[i].len : strlen(segs[i].p));
	live_close(&c);
	ring_buffer__consume(rb);
	after = read_stats();
	if (err)
		tap_diag("live connection: %s", strerror(errno));
	if (delta) {
		delta->split_starts = after.split_starts - before.split_starts;
		delta->head_parts = after.head_parts - before.head_parts;
		delta->parse_lost = after.parse_lost - before.parse_lost;
	}
	return err ? ~0ULL : after.requests - before.requests;
}

#define SEGS(...) ((const struct live_seg[]){ __VA_ARGS__ }), \
	(int)(sizeof((const struct live_seg[]){ __VA_ARGS__ }) / sizeof(struct live_seg))

static void test_live_split(struct ring_buffer *rb, struct live *lv)
{
	struct sensor_stats d;

	ok_eq(live_run(rb, lv, SEGS({ "GE" }, { "T /split HTTP/1.1\r\nHost: a\r\n\r\n" }), &d), 1,
	      "method split across segments (GE | T /split): one request");
	ok(d.split_starts == 1 && seen.n == 1 && !memcmp(seen.ev[0].head, "GET /split ", 11),
	   "its event starts with the whole method");
	ok(decode_seen() && rec.n == 1 && !strcmp(rec.path[0], "/split") && !rec.truncated[0],
	   "decoded as GET /split, not truncated");

	ok_eq(live_run(rb, lv,
		       SEGS({ "GET /a HTTP/1.1\r\n\r\n" }, { "\r\nGET /crlf HTTP/1.1\r\n\r\n" },
			    { "\r\n" }, { "\nGET /lf HTTP/1.1\r\n\r\n" }),
		       NULL),
	      3, "CRLFs before keep-alive requests, at or across segment starts: three");

	ok_eq(live_run(rb, lv,
		       SEGS({ "GET /pa" }, { "th/x HT" }, { "TP/1.1\r\nHost: a\r\n" },
			    { "User-Agent: one-line-per-segment\r\n" }, { "\r\n" }),
		       &d),
	      1, "a head in five segments, cut in its target and version: one request");
	ok(d.head_parts == 4 && decode_seen() && rec.n == 1 && !strcmp(rec.path[0], "/path/x") &&
		   !strcmp(rec.ua[0], "one-line-per-segment") && !rec.truncated[0],
	   "its four later parts join the first: /path/x with its user agent, whole");

	ok_eq(live_run(rb, lv,
		       SEGS({ "GET /a HTTP/1.1\r\nHost: a\r\n\r" }, { "\nGET /b HTTP/1.1\r\n\r\n" }),
		       NULL),
	      2, "a blank line split between CR and LF, then a request: two");

	ok_eq(live_run(rb, lv,
		       SEGS({ "GET /a HTTP/1.1\r\n\r\nGE" }, { "T /b HTTP/1.1\r\n\r\nPO" },
			    { "ST /c HTTP/1.1\r\nContent-Length: 2\r\n\r\nok" }),
		       &d),
	      3, "pipelined requests each split at a segment end: three");
	ok(d.split_starts == 2 && decode_seen() && rec.n == 3 && !strcmp(rec.path[1], "/b") &&
		   !strcmp(rec.method[2], "POST") && !strcmp(rec.path[2], "/c"),
	   "decoded /a, /b, POST /c");
}

static void test_live_bodies(struct ring_buffer *rb, struct live *lv)
{
	ok_eq(live_run(rb, lv,
		       SEGS({ "POST /up HTTP/1.1\r\nContent-Length: 40\r\n\r\n" },
			    { "0123456789abcdefghij" }, { "GET /fake HTTP/1.1\r\n\r\n\r\n" },
			    { "GET /real HTTP/1.1\r\n\r\n" }),
		       NULL),
	      2, "a body over segments with a request line at a segment start: not counted");
	ok(decode_seen() && rec.n == 2 && !strcmp(rec.path[1], "/real"),
	   "the records are POST /up and GET /real");

	ok_eq(live_run(rb, lv,
		       SEGS({ "POST /cl HTTP/1.1\r\nConte" }, { "nt-Len" },
			    { "gth: 1" }, { "8\r\n\r\n" }, { "GET / HTTP/1.1\r\n\r\n" },
			    { "GET /real2 HTTP/1.1\r\n\r\n" }),
		       NULL),
	      2, "Content-Length name and value split over four segments: the body is skipped");

	ok_eq(live_run(rb, lv,
		       SEGS({ "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" },
			    { "5\r\nhello\r\n" }, { "0\r\n\r\n" }, { "GE" },
			    { "T /after HTTP/1.1\r\n\r\n" }),
		       NULL),
	      2, "after a chunked body, a request split at its method: counted");
}

static void test_live_long(struct ring_buffer *rb, struct live *lv)
{
	static char big[8192], line[4096];
	struct sensor_stats d;
	size_t len;

	/* A 4 KiB header line, then a pipelined request: one 5 KiB segment. */
	len = (size_t)snprintf(big, sizeof(big),
			       "GET /big HTTP/1.1\r\nUser-Agent: long-line\r\nX-Pad: ");
	memset(big + len, 'a', 4096);
	len += 4096;
	len += (size_t)snprintf(big + len, sizeof(big) - len,
				"\r\n\r\nGET /after HTTP/1.1\r\nUser-Agent: after\r\n\r\n");
	ok_eq(live_run(rb, lv, SEGS({ big, len }), NULL), 2,
	      "a 4 KiB header line, then a request, in one 5 KiB segment: two");
	ok(seen.n == 2 && seen.ev[0].hdr.snap_len == GH_SNAP_LEN &&
		   !memcmp(seen.ev[1].head, "GET /after ", 11),
	   "a %d-byte snapshot of the first, the second from its method", GH_SNAP_LEN);
	ok(decode_seen() && rec.n == 2 && !strcmp(rec.path[0], "/big") &&
		   !strcmp(rec.ua[0], "long-line") && rec.truncated[0] && !rec.truncated[1] &&
		   !strcmp(rec.path[1], "/after"),
	   "records: /big truncated (method, path, user agent kept), /after whole");

	/* The same 4 KiB line over three segments. */
	ok_eq(live_run(rb, lv, SEGS({ big, 1500 }, { big + 1500, 1500 }, { big + 3000, len - 3000 }),
		       &d),
	      2, "the same bytes in three segments: two");
	ok(decode_seen() && rec.n == 2 && rec.truncated[0] && !strcmp(rec.path[1], "/after"),
	   "the first truncated, the second whole");

	/* A request line longer than the snapshot, over three segments. */
	memcpy(line, "GET /", 5);
	memset(line + 5, 'x', 3000);
	len = 5 + 3000 + (size_t)snprintf(line + 3005, sizeof(line) - 3005, " HTTP/1.1\r\n\r\n");
	ok_eq(live_run(rb, lv, SEGS({ line, 1000 }, { line + 1000, 1000 }, { line + 2000, len - 2000 }),
		       &d),
	      1, "a 3 KiB request line over three segments: one request");
	ok(d.head_parts == 1 && decode_seen() && rec.n == 1 && !strcmp(rec.method[0], "GET") &&
		   !strncmp(rec.path[0], "/xxxx", 5) && rec.truncated[0],
	   "decoded from %d bytes: GET, a path prefix, truncated", GH_SNAP_LEN);
}

/*
 * Bytes the hook parsed but TCP dropped (here a bad checksum; PAWS or a full
 * backlog alike): a phantom head with a huge body must not make the request
 * the client really sends in its place look like a retransmission inside
 * that body.
 */
static void test_live_dropped(struct ring_buffer *rb, struct live *lv)
{
	/* Over 56 bytes: TCP checks a shorter segment's checksum before the hook. */
	const char *phantom = "POST /phantom HTTP/1.1\r\nHost: phantom.example\r\n"
			      "Content-Length: 1000000000\r\n\r\n";
	const char *real = "GET /real HTTP/1.1\r\nHost: a\r\n\r\n";
	struct sensor_stats before, after;
	struct live_conn c;
	int err;

	ring_buffer__consume(rb);
	seen.n = 0;
	before = read_stats();
	err = live_open(lv, &c);
	err = err ?: live_send(&c, "GET /first HTTP/1.1\r\n\r\n", 23);
	err = err ?: live_inject(&c, phantom, strlen(phantom), 0, true);
	err = err ?: live_send(&c, real, strlen(real));
	err = err ?: live_send(&c, "GET /next HTTP/1.1\r\n\r\n", 22);
	live_close(&c);
	ring_buffer__consume(rb);
	after = read_stats();
	if (!ok(!err, "a phantom head injected with a bad checksum, then the real bytes"))
		tap_diag("live: %s", strerror(errno));
	ok_eq(after.requests - before.requests, 4,
	      "all four request starts counted (the phantom one too): the real ones are not "
	      "skipped as a retransmission inside the phantom body");
	ok(decode_seen() && rec.n == 4 && !strcmp(rec.path[1], "/phantom") &&
		   !strcmp(rec.path[2], "/real") && !strcmp(rec.path[3], "/next"),
	   "records: /first, /phantom, /real, /next");
}

/*
 * Out-of-order bytes the kernel merges are read on their own; what the
 * client then sends in their place the kernel discards, and so must the
 * parser, or a phantom head there would hide the requests after it.
 */
static void test_live_out_of_order(struct ring_buffer *rb, struct live *lv)
{
	const char *next = "GET /b HTTP/1.1\r\n\r\n";
	const char *ooo = "GET /ooo HTTP/1.1\r\nHost: ooo.example\r\nUser-Agent: ooo\r\n\r\n";
	const char *fmt = "POST /p HTTP/1.1\r\nContent-Length: 999999999\r\nX: %.*s\r\n\r\n";
	char phantom[128];
	struct sensor_stats before, after;
	struct live_conn c;
	int err, pad;

	/* As long as the out-of-order bytes, so that what follows lines up. */
	pad = (int)strlen(ooo) - snprintf(phantom, sizeof(phantom), fmt, 0, "");
	snprintf(phantom, sizeof(phantom), fmt, pad, "xxxxxxxxxxxxxxxx");
	ring_buffer__consume(rb);
	seen.n = 0;
	before = read_stats();
	err = live_open(lv, &c);
	err = err ?: live_send(&c, "GET /a HTTP/1.1\r\n\r\n", 20);
	err = err ?: live_inject(&c, ooo, strlen(ooo), (uint32_t)strlen(next), false);
	err = err ?: live_send(&c, next, strlen(next));
	err = err ?: live_send(&c, phantom, strlen(phantom));
	err = err ?: live_send(&c, "GET /d HTTP/1.1\r\n\r\n", 20);
	live_close(&c);
	ring_buffer__consume(rb);
	after = read_stats();
	if (!ok(!err, "out-of-order bytes injected, then the client's own over them"))
		tap_diag("live: %s", strerror(errno));
	ok_eq(after.out_of_order - before.out_of_order, 1, "one segment read out of order");
	ok_eq(after.requests - before.requests, 4,
	      "four requests: /a, /ooo (read alone), /b, /d; not the phantom the kernel discarded");
	ok(decode_seen() && rec.n == 4 && !strcmp(rec.path[1], "/ooo") && !strcmp(rec.path[2], "/b") &&
		   !strcmp(rec.path[3], "/d"),
	   "records: /a, /ooo, /b, /d");
}

/* Fifty keep-alive requests, one per segment, each counted once. */
static void test_live_keepalive(struct ring_buffer *rb, struct live *lv)
{
	struct live_seg segs[50];

	for (int i = 0; i < 50; i++)
		segs[i] = (struct live_seg){ "GET /k HTTP/1.1\r\nHost: a\r\n\r\n", 0 };
	ok_eq(live_run(rb, lv, segs, 50, NULL), 50, "fifty requests on one connection: fifty");
}

/* The ingress program's run time and call count so far (bpf_stats). */
static void prog_runs(__u64 *ns, __u64 *calls)
{
	struct bpf_prog_info info = { 0 };
	__u32 len = sizeof(info);

	*ns = *calls = 0;
	if (!bpf_obj_get_info_by_fd(bpf_program__fd(skel->progs.cgroup_skb_http_in), &info, &len)) {
		*ns = info.run_time_ns;
		*calls = info.run_cnt;
	}
}

/*
 * Run time per call over real segments: `head` once, then `seg` n times on
 * one connection (the server drains it when `drain`).
 */
static double live_ns_per_call(struct ring_buffer *rb, struct live *lv, const char *head,
			       const struct live_seg *seg, int n, bool drain)
{
	__u64 ns0, calls0, ns1, calls1;
	struct live_conn c;
	int err = live_open(lv, &c);

	if (!err && head)
		err = live_send(&c, head, strlen(head));
	prog_runs(&ns0, &calls0);
	for (int i = 0; i < n && !err; i++) {
		err = live_send(&c, seg->p, seg->len ? seg->len : strlen(seg->p));
		if (!err && drain)
			err = live_drain(&c);
		/* Drained as the daemon does, before a batch would force a wake-up. */
		if (i % 100 == 99)
			ring_buffer__consume(rb);
	}
	prog_runs(&ns1, &calls1);
	live_close(&c);
	ring_buffer__consume(rb);
	return err || calls1 == calls0 ? -1 : (double)(ns1 - ns0) / (double)(calls1 - calls0);
}

/* Mean run time of the ingress program on a fresh socket (BPF_PROG_RUN, n runs). */
static double fresh_ns_per_call(struct ring_buffer *rb, const char *payload, int n)
{
	__u64 total = 0;
	__u32 ns;

	for (int i = 0; i < n; i++) {
		run_prog(skel->progs.cgroup_skb_http_in, SEG4(payload), 0, 1, &ns);
		total += ns;
		if (i % 100 == 99)
			ring_buffer__consume(rb);
	}
	return (double)total / n;
}

/*
 * Figures for the README, not assertions: speed belongs to benchmarks.
 * run_time_ns / run_cnt of the ingress program while kernel stats are on
 * (as kernel.bpf_stats_enabled=1), over real loopback segments; and
 * BPF_PROG_RUN on a fresh socket each time (a connection's first segment).
 */
static void report_cost(struct ring_buffer *rb, struct live *lv)
{
	static char body[60000];
	const char *get = "GET /index.html HTTP/1.1\r\nHost: www.example.com\r\n"
			  "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\r\n"
			  "Accept: text/html,application/xhtml+xml\r\nAccept-Language: en\r\n"
			  "Accept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n\r\n";
	struct live_seg seg = { get, 0 };
	double sampled, counted, upload, fresh_sampled, fresh_counted;
	int stats_fd = bpf_enable_stats(BPF_STATS_RUN_TIME);

	if (stats_fd < 0) {
		tap_diag("no BPF run-time stats: %s", strerror(errno));
		return;
	}
	sampled = live_ns_per_call(rb, lv, NULL, &seg, 4000, true);
	fresh_sampled = fresh_ns_per_call(rb, get, 20000);
	ring_buffer__consume(rb);
	set_config(0);
	counted = live_ns_per_call(rb, lv, NULL, &seg, 4000, true);
	fresh_counted = fresh_ns_per_call(rb, get, 20000);
	/* An upload: its head, then 200 segments of 60,000 body bytes. */
	memset(body, 'b', sizeof(body));
	seg = (struct live_seg){ body, sizeof(body) };
	upload = live_ns_per_call(rb, lv, "POST /up HTTP/1.1\r\nContent-Length: 12000000\r\n\r\n",
				  &seg, 200, true);
	set_config(1);
	close(stats_fd);
	tap_diag("ingress ns per call, keep-alive, a %zu-byte head per segment: %.0f sampled, "
		 "%.0f counted only; a connection's first segment (BPF_PROG_RUN): %.0f sampled, "
		 "%.0f counted only; 60,000-byte body segments: %.0f",
		 strlen(get), sampled, counted, fresh_sampled, fresh_counted, upload);
}

static void test_live(struct ring_buffer *rb)
{
	struct live lv;
	const char *why = live_up(&lv, skel->progs.cgroup_skb_http_in);

	if (why) {
		tap_skip(why);
	} else {
		test_live_split(rb, &lv);
		test_live_bodies(rb, &lv);
		test_live_long(rb, &lv);
		test_live_keepalive(rb, &lv);
		test_live_dropped(rb, &lv);
		test_live_out_of_order(rb, &lv);
		report_cost(rb, &lv);
	}
	live_down(&lv);
}

static void test_ports_family_sampling(struct ring_buffer *rb)
{
	const char *get = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
	struct segment_spec s = *SEG4(get);
	uint64_t n, total = 0;
	int events = 0;

	s.dport = 22;
	ingress(rb, &s, &n, NULL);
	ok_eq(n, 0, "a port that is not watched is ignored");
	s.dport = 8080;
	ingress(rb, &s, &n, NULL);
	ok_eq(n, 1, "the second configured port is watched");

	s = (struct segment_spec){ 6, 40000, 80, get, strlen(get) };
	ingress(rb, &s, &n, NULL);
	ok(n == 1 && seen.n == 1 && seen.ev[0].hdr.family == 6, "IPv6 request counted, event v6");

	set_config(4);
	s = *SEG4(get);
	for (int i = 0; i < 40; i++) {
		ingress(rb, &s, &n, NULL);
		total += n;
		events += seen.n;
	}
	ok_eq(total, 40, "at sample rate 4 every request is still counted");
	ok_eq(events, 10, "and 1 in 4 reaches the ring buffer");
	set_config(1);
}

static uint64_t resp_class_total(int cls)
{
	struct src_key key = { .family = 4 };
	int ncpu = libbpf_num_possible_cpus();
	struct src_stats per[ncpu];
	uint64_t sum = 0;

	inet_pton(AF_INET, CLIENT4, key.addr);
	if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.src_stats), &key, per))
		return 0;
	for (int c = 0; c < ncpu; c++)
		sum += cls == 2 ? per[c].resp_2xx : cls == 4 ? per[c].resp_4xx : per[c].resp_5xx;
	return sum;
}

static void test_responses(void)
{
	static const struct {
		const char *payload;
		int cls, counted;
	} cases[] = {
		{ "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 2, 1 },
		{ "HTTP/1.1 404 Not Found\r\n\r\n", 4, 1 },
		{ "HTTP/1.0 503 Service Unavailable\r\n\r\n", 5, 1 },
		{ "HTTP/1.1 100 Continue\r\n\r\n", 2, 0 },
		{ "<html><body>HTTP/1.1 200</body></html>", 2, 0 },
		{ "HTTP/1.1 2x0 OK\r\n\r\n", 2, 0 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct segment_spec s = { 4, 80, 40000, cases[i].payload, strlen(cases[i].payload) };
		uint64_t before = resp_class_total(cases[i].cls);

		run_prog(skel->progs.cgroup_skb_http_out, &s, 1, 1, NULL);
		ok_eq(resp_class_total(cases[i].cls) - before, (uint64_t)cases[i].counted,
		      "egress '%.20s...' counted %d time(s)", cases[i].payload, cases[i].counted);
	}
}

int main(void)
{
	struct ring_buffer *rb = NULL;

	libbpf_set_print(NULL);
	skel = sock_http_bpf__open_and_load();
	if (!ok(skel != NULL, "sock_http loads and passes the verifier"))
		return tap_done();
	set_config(1);
	rb = ring_buffer__new(bpf_map__fd(skel->maps.events), on_event, NULL, NULL);
	if (ok(rb != NULL, "ring buffer opens")) {
		test_methods(rb);
		test_not_requests(rb);
		test_pipelined(rb);
		test_split_and_long(rb);
		test_one_segment_starts(rb);
		test_bodies(rb);
		test_many_pipelined(rb);
		test_ports_family_sampling(rb);
		test_responses();
		test_live(rb);
	}
	ring_buffer__free(rb);
	sock_http_bpf__destroy(skel);
	return tap_done();
}
