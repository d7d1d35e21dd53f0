// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * BPF_PROG_RUN tests of the socket-level HTTP sensor on crafted segments:
 * request-start detection for every method, pipelined and split heads,
 * non-HTTP payloads, short segments, the prefix copied into ring-buffer
 * events, sampling, and response status classes on egress. Decided by the
 * kernel's own counters and the events it wrote.
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
#include "kernel/map_iter.h"
#include "sock_http.skel.h"
#include "tap.h"

#define FRAME_MAX 4096
#define CLIENT4 "192.0.2.10"
#define CLIENT6 "2001:db8::10"
#define SERVER4 "192.0.2.1"
#define SERVER6 "2001:db8::1"

static struct sock_http_bpf *skel;

/* Captured ring-buffer events of the last run. */
static struct {
	struct gh_request_event ev[16];
	int n;
} seen;

static int on_event(void *ctx, void *data, size_t size)
{
	(void)ctx;
	if (seen.n < 16 && size >= sizeof(struct gh_request_event))
		memcpy(&seen.ev[seen.n++], data, sizeof(struct gh_request_event));
	return 0;
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
		{ "GET /\r\n", 7, "shorter than a request line" },
		{ "GET / HTTP/1.", 13, "segment cut inside the request line" },
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

/* Figures for the README, not assertions: speed belongs to benchmarks. */
static void report_cost(void)
{
	const char *get = "GET /index.html HTTP/1.1\r\nHost: www.example.com\r\n"
			  "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\r\n"
			  "Accept: text/html,application/xhtml+xml\r\nAccept-Language: en\r\n"
			  "Accept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n\r\n";
	struct segment_spec s = *SEG4(get);
	__u32 ns_sampled = 0, ns_counted = 0;

	run_prog(skel->progs.cgroup_skb_http_in, &s, 0, 100000, &ns_sampled);
	set_config(0);
	run_prog(skel->progs.cgroup_skb_http_in, &s, 0, 100000, &ns_counted);
	set_config(1);
	tap_diag("ingress cost for a %zu-byte head: %u ns sampled, %u ns counted only", s.len,
		 ns_sampled, ns_counted);
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
		test_ports_family_sampling(rb);
		test_responses();
		report_cost();
	}
	ring_buffer__free(rb);
	sock_http_bpf__destroy(skel);
	return tap_done();
}
