/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What the socket sensor's BPF tests share: the loaded skeleton, crafted
 * segments run through BPF_PROG_RUN, the events the ring buffer got and the
 * records the daemon's decoder makes of them, the kernel's counters.
 */
#ifndef GATEHAWK_TEST_SOCK_TEST_H
#define GATEHAWK_TEST_SOCK_TEST_H

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
#include "base/event_clock.h"
#include "input/ringbuf_decode.h"
#include "kernel/map_iter.h"
#include "sock_http.skel.h"
#include "sock_load.h"
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

static inline int on_event(void *ctx, void *data, size_t size)
{
	(void)ctx;
	const struct gh_event_hdr *h = data;

	/* A head's event is its header and snap_len bytes, exactly. */
	if (seen.n < MAX_SEEN && size >= sizeof(*h) && h->type != GH_EV_RESPONSE &&
	    size == GH_REQUEST_EVENT_SIZE(h->snap_len)) {
		memset(&seen.ev[seen.n], 0, sizeof(seen.ev[0]));
		memcpy(&seen.ev[seen.n++], data, size);
	}
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

static inline void on_record(const struct request_record *r, void *ctx)
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
static inline bool decode_seen(void)
{
	static struct gh_event_clock clock; /* event time = boottime: any anchor does */
	struct ringbuf_decoder *d = decoder_new(on_record, NULL, 64, 1, &clock);
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
	const char *client; /* NULL: CLIENT4 or CLIENT6 */
};

/* Ethernet + IPv4/IPv6 + TCP (no options) + payload; returns the frame length. */
static inline size_t build_frame(uint8_t *f, const struct segment_spec *s, int egress)
{
	struct tcphdr *th;
	size_t l3 = s->family == 4 ? sizeof(struct iphdr) : sizeof(struct ipv6hdr);
	const char *client = s->client ? s->client : s->family == 4 ? CLIENT4 : CLIENT6;
	const char *server = s->family == 4 ? SERVER4 : SERVER6;
	const char *src = egress ? server : client;
	const char *dst = egress ? client : server;

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

static inline int run_prog(struct bpf_program *prog, const struct segment_spec *s, int egress,
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

static inline struct sensor_stats read_stats(void)
{
	struct sensor_stats s;

	if (map_percpu_sum(bpf_map__fd(skel->maps.sensor_stats), 0, &s, sizeof(s)))
		memset(&s, 0xff, sizeof(s));
	return s;
}

static inline void set_config(uint32_t sample_rate)
{
	struct sensor_config cfg = {
		.flags = GH_SENSOR_F_ENABLED, .sample_rate = sample_rate, .n_ports = 2,
		.ports = { 80, 8080 },
	};
	__u32 zero = 0;

	bpf_map_update_elem(bpf_map__fd(skel->maps.sensor_config), &zero, &cfg, BPF_ANY);
}

/* Run one ingress segment; report how many requests it added and capture events. */
static inline int ingress(struct ring_buffer *rb, const struct segment_spec *s, uint64_t *requests,
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

/* Load the sensor, sample every head, open the ring buffer; NULL on failure (reported). */
static inline struct ring_buffer *sock_test_up(void)
{
	libbpf_set_print(NULL);
	skel = sock_http_load();
	if (!ok(skel != NULL, "sock_http loads and passes the verifier"))
		return NULL;
	set_config(1);
	return ring_buffer__new(bpf_map__fd(skel->maps.events), on_event, NULL, NULL);
}

static inline int sock_test_down(struct ring_buffer *rb)
{
	ring_buffer__free(rb);
	sock_http_bpf__destroy(skel);
	return tap_done();
}

#endif /* GATEHAWK_TEST_SOCK_TEST_H */
