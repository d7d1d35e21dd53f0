// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * sock_http: the socket-level HTTP sensor, attached to a cgroup v2.
 *
 * cgroup_skb_http_in  counts request starts per source, exactly, and hands
 *                     1 in N request heads to user space through a ring buffer.
 * cgroup_skb_http_out counts responses by status class and reports the status
 *                     of each sampled request, in order, through the same ring.
 * sockops_conn        counts established (passive) connections per source.
 *
 * Exactness: a segment whose sequence number is behind what the socket has
 * already received (or sent) is a retransmission and is not counted again.
 * Pipelined requests in one segment are found by looking for a method token
 * after each blank line in the copied prefix. Every program lets traffic
 * through: the sensor only observes.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#include "gatehawk/sensor.h"
#include "parse.h"
#include "src_stats.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define CG_PASS 1
#define AF_INET 2
#define AF_INET6 10

/* Request heads and statuses on their way to the daemon. */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, GH_DEFAULT_RING_BYTES);
} events SEC(".maps");

/* Ports, sample rate; written by user space at any time. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sensor_config);
} sensor_config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sensor_stats);
} sensor_stats SEC(".maps");

/*
 * Per-CPU scratch: the copied prefix being scanned, and the sampling tick.
 * The pad lets a read of up to 8 bytes at any masked offset stay inside.
 */
#define SCRATCH_PAD 8

struct scan_scratch {
	char buf[GH_SNAP_LEN + SCRATCH_PAD];
	__u32 tick;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scan_scratch);
} scratch SEC(".maps");

/* Which outstanding requests of a connection were sampled. */
struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct sock_http_state);
} sock_state SEC(".maps");

/* One TCP segment with payload, as both cgroup hooks see it. */
struct segment {
	__u8 saddr[16];
	__u8 daddr[16];
	__u32 seq;
	__u32 payload_off;
	__u32 payload_len;
	__u16 sport;
	__u16 dport;
	__u8 family;
};

/* cgroup_skb data starts at the network header. */
static __always_inline int parse_segment(struct __sk_buff *skb, struct segment *s)
{
	struct tcphdr th;
	__u32 l4off;

	if (skb->protocol == bpf_htons(ETH_P_IP)) {
		struct iphdr iph;

		if (bpf_skb_load_bytes(skb, 0, &iph, sizeof(iph)) || iph.protocol != IPPROTO_TCP)
			return -1;
		l4off = iph.ihl * 4;
		if (l4off < sizeof(iph))
			return -1;
		s->family = 4;
		__builtin_memcpy(s->saddr, &iph.saddr, 4);
		__builtin_memcpy(s->daddr, &iph.daddr, 4);
	} else if (skb->protocol == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr ip6h;

		/* TCP behind IPv6 extension headers is not HTTP we can see. */
		if (bpf_skb_load_bytes(skb, 0, &ip6h, sizeof(ip6h)) || ip6h.nexthdr != IPPROTO_TCP)
			return -1;
		l4off = sizeof(ip6h);
		s->family = 6;
		__builtin_memcpy(s->saddr, &ip6h.saddr, 16);
		__builtin_memcpy(s->daddr, &ip6h.daddr, 16);
	} else {
		return -1;
	}
	if (bpf_skb_load_bytes(skb, l4off, &th, sizeof(th)) || th.doff < 5)
		return -1;
	s->sport = bpf_ntohs(th.source);
	s->dport = bpf_ntohs(th.dest);
	s->seq = bpf_ntohl(th.seq);
	s->payload_off = l4off + th.doff * 4;
	if (skb->len <= s->payload_off)
		return -1;
	s->payload_len = skb->len - s->payload_off;
	return 0;
}

static __always_inline int port_watched(const struct sensor_config *cfg, __u16 port)
{
#pragma unroll
	for (int i = 0; i < GH_MAX_HTTP_PORTS; i++) {
		if (i >= cfg->n_ports)
			break;
		if (cfg->ports[i] == port)
			return 1;
	}
	return 0;
}

/* Little-endian 8-byte word of a token, and the mask of its length. */
#define TOKEN_WORD(a, b, c, d, e, f, g, h)                                               \
	((__u64)(a) | (__u64)(b) << 8 | (__u64)(c) << 16 | (__u64)(d) << 24 |            \
	 (__u64)(e) << 32 | (__u64)(f) << 40 | (__u64)(g) << 48 | (__u64)(h) << 56)
#define TOKEN_MASK(len) ((len) == 8 ? ~0ULL : (1ULL << ((len) * 8)) - 1)
#define TOKEN_IS(w, len, word) (((w) & TOKEN_MASK(len)) == (word))

/* A method token and a space: GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH. */
static __always_inline int is_method_word(__u64 w)
{
	return TOKEN_IS(w, 4, TOKEN_WORD('G', 'E', 'T', ' ', 0, 0, 0, 0)) ||
	       TOKEN_IS(w, 5, TOKEN_WORD('P', 'O', 'S', 'T', ' ', 0, 0, 0)) ||
	       TOKEN_IS(w, 5, TOKEN_WORD('H', 'E', 'A', 'D', ' ', 0, 0, 0)) ||
	       TOKEN_IS(w, 4, TOKEN_WORD('P', 'U', 'T', ' ', 0, 0, 0, 0)) ||
	       TOKEN_IS(w, 7, TOKEN_WORD('D', 'E', 'L', 'E', 'T', 'E', ' ', 0)) ||
	       TOKEN_IS(w, 8, TOKEN_WORD('O', 'P', 'T', 'I', 'O', 'N', 'S', ' ')) ||
	       TOKEN_IS(w, 6, TOKEN_WORD('P', 'A', 'T', 'C', 'H', ' ', 0, 0)) ||
	       TOKEN_IS(w, 8, TOKEN_WORD('C', 'O', 'N', 'N', 'E', 'C', 'T', ' ')) ||
	       TOKEN_IS(w, 6, TOKEN_WORD('T', 'R', 'A', 'C', 'E', ' ', 0, 0));
}

/* Scan state for the bpf_loop callback: where the heads in the prefix start. */
struct head_scan {
	const char *buf; /* the scratch copy of the prefix */
	__u32 len;       /* bytes of the prefix in buf */
	__u32 n_heads;
	__u32 starts[GH_MAX_HEADS_PER_SEGMENT];
};

/*
 * Every offset into the scratch buffer is masked to the (power-of-two)
 * snapshot size where it is used: clang is free to move the logical bound
 * checks onto other registers, which the verifier then cannot connect.
 */
static __always_inline __u64 snap_idx(__u64 x)
{
	/* Hide the range from clang, or it proves the mask redundant. */
	barrier_var(x);
	return x & (GH_SNAP_LEN - 1);
}

_Static_assert((GH_SNAP_LEN & (GH_SNAP_LEN - 1)) == 0, "GH_SNAP_LEN must be a power of two");

/* min(v, max) on the very register the caller then passes to a helper. */
static __always_inline __u64 clamp_len(__u64 v, __u64 max)
{
	barrier_var(v);
	if (v > max)
		v = max;
	barrier_var(v);
	return v;
}

static __always_inline int head_starts_at(const char *buf, __u64 off, __u64 len)
{
	__u64 w;

	if (off > GH_SNAP_LEN - GH_MIN_REQUEST_LEN || off + GH_MIN_REQUEST_LEN > len)
		return 0;
	__builtin_memcpy(&w, buf + snap_idx(off), sizeof(w));
	return is_method_word(w);
}

#define BYTES_OF(c) (0x0101010101010101ULL * (c))

/* A head ends at `end` (one past its final '\n') after "\r\n\r\n" or "\n\n". */
static __always_inline int blank_line_ends_at(const char *buf, __u64 end)
{
	__u32 w;

	if (end < 4)
		return 0;
	__builtin_memcpy(&w, buf + snap_idx(end - 4), sizeof(w));
	return w == TOKEN_WORD('\r', '\n', '\r', '\n', 0, 0, 0, 0) ||
	       buf[snap_idx(end - 2)] == '\n';
}

/*
 * Called for each 8-byte word of the prefix. Most words hold no '\n' and
 * cost one load and three ALU ops (the classic has-zero-byte test on the
 * word XOR '\n'); each '\n' that ends a blank line and is followed by a
 * method token is the start of a pipelined request.
 */
static long scan_word(__u32 step, void *data)
{
	struct head_scan *hs = data;
	__u64 i = (__u64)step * 8, w, x;

	if (i >= hs->len)
		return 1;
	/* i is a multiple of 8 and buf starts the map value: an aligned load,
	 * one instruction instead of the eight byte loads memcpy becomes. */
	w = *(const __u64 *)(hs->buf + snap_idx(i));
	x = w ^ BYTES_OF('\n');
	if (!((x - BYTES_OF(0x01)) & ~x & BYTES_OF(0x80)))
		return 0;
#pragma unroll
	for (__u64 j = 0; j < 8; j++) {
		__u64 end = i + j + 1;

		if (((w >> (j * 8)) & 0xff) != '\n' || end > hs->len)
			continue;
		if (!blank_line_ends_at(hs->buf, end) || !head_starts_at(hs->buf, end, hs->len))
			continue;
		if (hs->n_heads >= GH_MAX_HEADS_PER_SEGMENT)
			return 1;
		hs->starts[hs->n_heads & (GH_MAX_HEADS_PER_SEGMENT - 1)] = (__u32)end;
		hs->n_heads++;
	}
	return 0;
}

static __always_inline struct sensor_stats *sensor_stats_get(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&sensor_stats, &zero);
}

/* 1 in sample_rate heads, counted per CPU. */
static __always_inline int take_sample(struct scan_scratch *sc, const struct sensor_config *cfg)
{
	if (!cfg->sample_rate)
		return 0;
	if (++sc->tick < cfg->sample_rate)
		return 0;
	sc->tick = 0;
	return 1;
}

static __always_inline void fill_event_hdr(struct gh_event_hdr *h, __u32 type,
					   const struct segment *s, __u64 cookie, __u32 value,
					   int client_is_src)
{
	h->type = type;
	h->ts_ns = bpf_ktime_get_boot_ns();
	h->sock_cookie = cookie;
	h->family = s->family;
	h->value = value;
	if (client_is_src) {
		__builtin_memcpy(h->saddr, s->saddr, 16);
		__builtin_memcpy(h->daddr, s->daddr, 16);
		h->sport = s->sport;
		h->dport = s->dport;
	} else {
		__builtin_memcpy(h->saddr, s->daddr, 16);
		__builtin_memcpy(h->daddr, s->saddr, 16);
		h->sport = s->dport;
		h->dport = s->sport;
	}
}

/* Wake the reader for a batch, not for every event (GH_RING_WAKEUP_BYTES). */
static __always_inline __u64 ring_wakeup_flags(void)
{
	return bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= GH_RING_WAKEUP_BYTES
		       ? BPF_RB_FORCE_WAKEUP
		       : BPF_RB_NO_WAKEUP;
}

/* Copy the head starting at `off` of the payload into a ring-buffer event. */
static __always_inline int emit_request(struct __sk_buff *skb, const struct segment *s, __u32 off,
					__u64 cookie, struct sensor_stats *st)
{
	struct gh_request_event *ev;
	__u64 len;

	if (off >= s->payload_len)
		return -1;
	len = clamp_len((__u64)s->payload_len - off, GH_SNAP_LEN);
	if (!len)
		return -1;
	ev = bpf_ringbuf_reserve(&events, sizeof(*ev), 0);
	if (!ev) {
		st->lost_ring_full++;
		return -1;
	}
	fill_event_hdr(&ev->hdr, GH_EV_REQUEST, s, cookie, s->payload_len, 1);
	ev->hdr.snap_len = (__u32)len;
	if (bpf_skb_load_bytes(skb, s->payload_off + off, ev->head, len)) {
		st->lost_load++;
		bpf_ringbuf_discard(ev, 0);
		return -1;
	}
	bpf_ringbuf_submit(ev, ring_wakeup_flags());
	st->requests_sampled++;
	return 0;
}

/* Remember, in order, whether each request on this connection was sampled. */
static __always_inline void push_outstanding(struct bpf_sock *sk, int sampled,
					     struct sensor_stats *st)
{
	struct sock_http_state *ss;

	ss = bpf_sk_storage_get(&sock_state, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);
	if (!ss) {
		st->lost_no_storage++;
		return;
	}
	if (ss->outstanding >= GH_MAX_OUTSTANDING) {
		st->lost_outstanding++;
		return;
	}
	if (sampled)
		ss->sampled_bits |= 1ULL << (ss->outstanding & (GH_MAX_OUTSTANDING - 1));
	ss->outstanding++;
}

static __always_inline struct bpf_sock *tcp_full_sock(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	return sk ? bpf_sk_fullsock(sk) : NULL;
}

SEC("cgroup_skb/ingress")
int cgroup_skb_http_in(struct __sk_buff *skb)
{
	struct head_scan hs = {};
	struct sensor_config *cfg;
	struct scan_scratch *sc;
	struct sensor_stats *st;
	struct segment s = {};
	struct src_stats *src;
	struct bpf_tcp_sock *tp;
	struct src_key key;
	struct bpf_sock *sk;
	__u64 cookie, len;
	__u32 zero = 0;

	cfg = bpf_map_lookup_elem(&sensor_config, &zero);
	if (!cfg || !(cfg->flags & GH_SENSOR_F_ENABLED))
		return CG_PASS;
	if (parse_segment(skb, &s) || !port_watched(cfg, s.dport))
		return CG_PASS;
	st = sensor_stats_get();
	sc = bpf_map_lookup_elem(&scratch, &zero);
	sk = tcp_full_sock(skb);
	if (!st || !sc || !sk)
		return CG_PASS;
	/* A segment for a listener comes before any handshake: its source is
	 * unproven (a spoofed ACK with "GET ..." lands here). Count nothing. */
	if (sk->state == BPF_TCP_LISTEN)
		return CG_PASS;
	tp = bpf_tcp_sock(sk);
	if (tp && (__s32)(s.seq - tp->rcv_nxt) < 0) {
		st->retransmits++;
		return CG_PASS;
	}

	len = clamp_len(s.payload_len, GH_SNAP_LEN);
	if (len < 1 || bpf_skb_load_bytes(skb, s.payload_off, sc->buf, len)) {
		st->lost_load++;
		return CG_PASS;
	}
	hs.buf = sc->buf;
	hs.len = (__u32)len;
	/* starts[] is zeroed: a head at offset 0 only needs counting. */
	if (head_starts_at(sc->buf, 0, hs.len))
		hs.n_heads = 1;
	bpf_loop((hs.len + 7) / 8, scan_word, &hs, 0);
	if (hs.n_heads > GH_MAX_HEADS_PER_SEGMENT)
		hs.n_heads = GH_MAX_HEADS_PER_SEGMENT;

	src_key_set(&key, s.saddr, s.family);
	src = src_stats_get(&key);
	if (src) {
		src->request_bytes += s.payload_len;
		src->requests += hs.n_heads;
		if (hs.n_heads)
			src->last_seen_ns = bpf_ktime_get_boot_ns();
	}
	if (!hs.n_heads)
		return CG_PASS;
	st->requests += hs.n_heads;
	st->pipelined += hs.n_heads - (hs.starts[0] == 0 ? 1 : 0);

	cookie = bpf_get_socket_cookie(skb);
	for (__u32 i = 0; i < GH_MAX_HEADS_PER_SEGMENT; i++) {
		int sampled;

		if (i >= hs.n_heads)
			break;
		sampled = take_sample(sc, cfg);
		if (sampled && emit_request(skb, &s, hs.starts[i] & (GH_SNAP_LEN - 1), cookie, st))
			sampled = 0;
		push_outstanding(sk, sampled, st);
	}
	return CG_PASS;
}

/* "HTTP/1.x NNN" at the start of the payload; returns the status or 0. */
static __always_inline __u32 status_line(const char *p)
{
	__u32 status = 0;

	if (p[0] != 'H' || p[1] != 'T' || p[2] != 'T' || p[3] != 'P' || p[4] != '/' ||
	    p[5] != '1' || p[6] != '.' || p[8] != ' ')
		return 0;
#pragma unroll
	for (int i = 9; i < 12; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		status = status * 10 + (p[i] - '0');
	}
	return status >= 100 && status <= 599 ? status : 0;
}

static __always_inline void count_status_class(struct src_stats *src, __u32 status)
{
	if (status < 300)
		src->resp_2xx++;
	else if (status < 400)
		src->resp_3xx++;
	else if (status < 500)
		src->resp_4xx++;
	else
		src->resp_5xx++;
}

/* Pop the oldest outstanding request; 1 if it was sampled. */
static __always_inline int pop_outstanding(struct bpf_sock *sk)
{
	struct sock_http_state *ss = bpf_sk_storage_get(&sock_state, sk, 0, 0);
	int sampled;

	if (!ss || !ss->outstanding)
		return 0;
	sampled = ss->sampled_bits & 1;
	ss->sampled_bits >>= 1;
	ss->outstanding--;
	return sampled;
}

SEC("cgroup_skb/egress")
int cgroup_skb_http_out(struct __sk_buff *skb)
{
	struct gh_event_hdr *ev;
	struct sensor_config *cfg;
	struct sensor_stats *st;
	struct segment s = {};
	struct bpf_tcp_sock *tp;
	struct src_stats *src;
	struct src_key key;
	struct bpf_sock *sk;
	char line[12];
	__u32 zero = 0, status;

	cfg = bpf_map_lookup_elem(&sensor_config, &zero);
	if (!cfg || !(cfg->flags & GH_SENSOR_F_ENABLED))
		return CG_PASS;
	if (parse_segment(skb, &s) || !port_watched(cfg, s.sport) || s.payload_len < sizeof(line))
		return CG_PASS;
	st = sensor_stats_get();
	sk = tcp_full_sock(skb);
	if (!st || !sk)
		return CG_PASS;
	/* New data goes out with seq == snd_nxt; anything behind is a resend. */
	tp = bpf_tcp_sock(sk);
	if (tp && (__s32)(s.seq - tp->snd_nxt) < 0) {
		st->retransmits++;
		return CG_PASS;
	}
	if (bpf_skb_load_bytes(skb, s.payload_off, line, sizeof(line)))
		return CG_PASS;
	status = status_line(line);
	/* 1xx are interim: the final response for the request is still to come. */
	if (status < 200)
		return CG_PASS;

	st->responses++;
	src_key_set(&key, s.daddr, s.family);
	src = src_stats_get(&key);
	if (src)
		count_status_class(src, status);
	if (!pop_outstanding(sk))
		return CG_PASS;
	ev = bpf_ringbuf_reserve(&events, sizeof(*ev), 0);
	if (!ev) {
		st->lost_ring_full++;
		return CG_PASS;
	}
	fill_event_hdr(ev, GH_EV_RESPONSE, &s, bpf_get_socket_cookie(skb), status, 0);
	ev->snap_len = 0;
	bpf_ringbuf_submit(ev, ring_wakeup_flags());
	st->responses_sent++;
	return CG_PASS;
}

SEC("sockops")
int sockops_conn(struct bpf_sock_ops *ops)
{
	struct sensor_stats *st;
	struct src_stats *src;
	struct src_key key;
	__u32 ip6[4];

	if (ops->op != BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB)
		return 1;
	if (ops->family == AF_INET) {
		ip6[0] = ops->remote_ip4;
		src_key_set(&key, (const __u8 *)ip6, 4);
	} else if (ops->family == AF_INET6) {
		ip6[0] = ops->remote_ip6[0];
		ip6[1] = ops->remote_ip6[1];
		ip6[2] = ops->remote_ip6[2];
		ip6[3] = ops->remote_ip6[3];
		/* A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d;
		 * count them under the IPv4 address the packets carry. */
		if (!ip6[0] && !ip6[1] && ip6[2] == bpf_htonl(0xffff))
			src_key_set(&key, (const __u8 *)&ip6[3], 4);
		else
			src_key_set(&key, (const __u8 *)ip6, 6);
	} else {
		return 1;
	}
	src = src_stats_get(&key);
	if (src)
		src->conns++;
	st = sensor_stats_get();
	if (st)
		st->conns++;
	return 1;
}
