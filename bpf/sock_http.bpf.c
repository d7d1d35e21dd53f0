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
 * Exactness: the ingress program parses each connection's bytes as one
 * stream, in sequence order, whatever segments the client cut them into:
 * per-socket state (sock_state) keeps where it is (between requests, in a
 * head, in a body of known length, or lost), the unfinished start of a
 * method or header name, and where the next segment must start. So a
 * method split over segments, CR/LF before a request (nginx skips them),
 * heads of any length and pipelined requests are each counted once, and a
 * request line inside a body is not. Bytes a segment repeats are not parsed
 * again (retransmissions); a segment ahead of the stream is read on its own.
 * Egress: a segment behind what the socket has sent is not counted again.
 * Every program lets traffic through: the sensor only observes.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#include "gatehawk/sensor.h"
#include "http_stream.h"
#include "parse.h"
#include "src_slots.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define CG_PASS 1
#define AF_INET 2
#define AF_INET6 10

/* Request heads and statuses on their way to the daemon. */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, GH_DEFAULT_RING_BYTES);
} events SEC(".maps");

/*
 * 1 while the daemon sleeps until an event wakes it: it drains the ring on a
 * short timer while events come and stops the timer when they stop (user/
 * daemon/ring_reader.c). The first event to find it set clears it and wakes
 * the daemon, so a quiet sensor costs the daemon no wake-ups at all.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} ring_reader_idle SEC(".maps");

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

/* The stream parser's scratch (http_stream.h). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scan_scratch);
} scratch SEC(".maps");

/* Outstanding requests and the parse position of each connection. */
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

/*
 * The len bytes at off of the packet: in place when the linear data holds
 * them (IP and TCP headers always do at these hooks: TCP pulled them on
 * ingress, IP pushed them on egress), else copied to buf. NULL past its end.
 */
static __always_inline const void *skb_bytes(struct __sk_buff *skb, __u32 off, void *buf,
					     __u32 len)
{
	const void *data = (const void *)(long)skb->data;
	const void *data_end = (const void *)(long)skb->data_end;

	if (data + off + len <= data_end)
		return data + off;
	return bpf_skb_load_bytes(skb, off, buf, len) ? NULL : buf;
}

/* cgroup_skb data starts at the network header. -1: not a TCP segment with payload. */
static __always_inline int parse_segment(struct __sk_buff *skb, struct segment *s)
{
	union {
		struct iphdr v4;
		struct ipv6hdr v6;
		struct tcphdr th;
	} buf;
	const struct tcphdr *th;
	__u32 l4off;

	if (skb->protocol == bpf_htons(ETH_P_IP)) {
		const struct iphdr *iph = skb_bytes(skb, 0, &buf, sizeof(*iph));

		if (!iph || iph->protocol != IPPROTO_TCP)
			return -1;
		l4off = iph->ihl * 4;
		if (l4off < sizeof(*iph))
			return -1;
		s->family = 4;
		__builtin_memcpy(s->saddr, &iph->saddr, 4);
		__builtin_memcpy(s->daddr, &iph->daddr, 4);
	} else if (skb->protocol == bpf_htons(ETH_P_IPV6)) {
		const struct ipv6hdr *ip6h = skb_bytes(skb, 0, &buf, sizeof(*ip6h));

		/* TCP behind IPv6 extension headers is not HTTP we can see. */
		if (!ip6h || ip6h->nexthdr != IPPROTO_TCP)
			return -1;
		l4off = sizeof(*ip6h);
		s->family = 6;
		__builtin_memcpy(s->saddr, &ip6h->saddr, 16);
		__builtin_memcpy(s->daddr, &ip6h->daddr, 16);
	} else {
		return -1;
	}
	th = skb_bytes(skb, l4off, &buf, sizeof(*th));
	if (!th || th->doff < 5)
		return -1;
	s->payload_off = l4off + th->doff * 4;
	/* A pure ACK: done before anything else is read. */
	if (skb->len <= s->payload_off)
		return -1;
	s->sport = bpf_ntohs(th->source);
	s->dport = bpf_ntohs(th->dest);
	s->seq = bpf_ntohl(th->seq);
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
	h->req_seq = 0;
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

/*
 * Wake the reader when it sleeps (ring_reader_idle) or for a batch
 * (GH_RING_WAKEUP_BYTES), not for every event: while events come, the
 * daemon's timer drains them. Two CPUs may both wake it: harmless.
 */
static __always_inline __u64 ring_wakeup_flags(void)
{
	__u32 zero = 0, *idle = bpf_map_lookup_elem(&ring_reader_idle, &zero);

	if (idle && *idle) {
		*idle = 0;
		return BPF_RB_FORCE_WAKEUP;
	}
	return bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= GH_RING_WAKEUP_BYTES
		       ? BPF_RB_FORCE_WAKEUP
		       : BPF_RB_NO_WAKEUP;
}

/*
 * A request event built in the scratch to the ring: its header and the
 * len bytes of head filled (GH_REQUEST_EVENT_SIZE), not the whole struct.
 */
static __always_inline int output_request(struct scan *sc, __u64 len)
{
	struct gh_request_event *ev = &sc->sc->ev;

	len = clamp_len(len, GH_SNAP_LEN);
	ev->hdr.snap_len = (__u32)len;
	if (bpf_ringbuf_output(&events, ev, GH_REQUEST_EVENT_SIZE(len), ring_wakeup_flags())) {
		sc->st->lost_ring_full++;
		return -1;
	}
	return 0;
}

/*
 * The head that starts at `start` into a ring-buffer event. A method begun
 * in the last segment comes from the carried bytes, the rest from this one.
 * When the event holds the segment to its end, the head may go on in the
 * next: it then takes parts (emit_part) until GH_SNAP_LEN bytes were sent.
 */
static __always_inline int emit_head(struct scan *sc, __s64 start)
{
	struct sock_http_state *ps = sc->ps;
	struct gh_request_event *ev = &sc->sc->ev;
	__s64 from = start;
	__u64 len, prefix = 0;

	if (start < sc->p->first) {
		/* At most 7 bytes of a method: the rest of the word is overwritten. */
		prefix = (sc->p->first - start) & 7;
		*(__u64 *)ev->head = word_at(sc, start);
		from = sc->p->first;
		len = clamp_len(sc->p->end - from, GH_SNAP_LEN - 8);
	} else {
		len = clamp_len(sc->p->end - from, GH_SNAP_LEN);
	}
	if (!len || bpf_skb_load_bytes(sc->skb, sc->seg->payload_off + from, ev->head + prefix, len)) {
		sc->st->lost_load++;
		return -1;
	}
	fill_event_hdr(&ev->hdr, GH_EV_REQUEST, sc->seg, bpf_get_socket_cookie(sc->skb),
		       sc->seg->payload_len, 1);
	if (sc->p->stateful)
		ev->hdr.req_seq = ps->requests;
	if (output_request(sc, prefix + len))
		return -1;
	sc->st->requests_sampled++;
	if (sc->p->stateful && from + (__s64)len == sc->p->end && prefix + len < GH_SNAP_LEN)
		ps->snap_used = (__u16)(prefix + len);
	return 0;
}

/* The bytes of this segment up to `upto` as the next part of the sampled head. */
static __always_inline void emit_part(struct scan *sc, __s64 upto)
{
	struct sock_http_state *ps = sc->ps;
	struct gh_request_event *ev = &sc->sc->ev;
	__u32 used = ps->snap_used;
	__u64 len;

	ps->snap_used = 0;
	if (upto <= sc->p->first || used >= GH_SNAP_LEN)
		return;
	len = clamp_len(upto - sc->p->first, GH_SNAP_LEN - used);
	len = clamp_len(len, GH_SNAP_LEN);
	if (!len)
		return;
	if (bpf_skb_load_bytes(sc->skb, sc->seg->payload_off + sc->p->first, ev->head, len)) {
		sc->st->lost_load++;
		return;
	}
	fill_event_hdr(&ev->hdr, GH_EV_REQUEST_MORE, sc->seg, bpf_get_socket_cookie(sc->skb), used,
		       1);
	ev->hdr.req_seq = ps->requests;
	if (output_request(sc, len))
		return;
	sc->st->head_parts++;
	/* Still open only while the head goes on past this segment. */
	if (upto == sc->p->end && used + len < GH_SNAP_LEN)
		ps->snap_used = (__u16)(used + len);
}

/* Remember, in order, whether each request on this connection was sampled. */
static __always_inline void push_outstanding(struct sock_http_state *ss, int sampled,
					     struct sensor_stats *st)
{
	if (ss->outstanding >= GH_MAX_OUTSTANDING) {
		st->lost_outstanding++;
		return;
	}
	if (sampled)
		ss->sampled_bits |= 1ULL << (ss->outstanding & (GH_MAX_OUTSTANDING - 1));
	ss->outstanding++;
}


/* A method token at `start`: count the request, sample its head. */
static __always_inline void start_request(struct scan *sc, __s64 start)
{
	struct sock_http_state *ps = sc->ps;
	int sampled = 0;

	ps->requests++;
	sc->p->requests++;
	sc->p->pipelined += sc->p->head_ended;
	if (start < sc->p->first)
		sc->st->split_starts++;
	ps->phase = GH_PHASE_HEAD;
	ps->line = GH_LINE_OTHER; /* the request line */
	ps->snap_used = 0;
	sc->p->more_open = 0;
	clear_head(ps);
	if (sc->p->sampled < GH_MAX_HEADS_PER_SEGMENT && take_sample(sc->sc, sc->cfg) &&
	    !emit_head(sc, start)) {
		sampled = 1;
		sc->p->sampled++;
	}
	if (sc->owner)
		push_outstanding(sc->owner, sampled, sc->st);
	else
		sc->st->lost_no_storage++;
}


/* Sequence number a comes before b (mod 2^32). */
static __always_inline int seq_before(__u32 a, __u32 b)
{
	return (__s32)(a - b) < 0;
}

/*
 * Which parse state reads this segment, and from which byte.
 *
 * The kernel's next expected sequence number (rcv_nxt) says what it keeps:
 * a segment it has every byte of is a retransmission, not parsed (-1),
 * whatever else came in that place; and parsing always takes up where the
 * kernel is. This hook runs before TCP checks a segment (checksum, PAWS,
 * window), so it may have parsed bytes the kernel then dropped, and the
 * client may send other bytes in their place; or the kernel may have
 * merged out-of-order bytes that we read on their own. Either way, a
 * segment that brings bytes from where the kernel is, while we are
 * elsewhere, is parsed afresh from there, whatever the other bytes made us
 * believe (a huge Content-Length, say) forgotten.
 *
 * Otherwise, in sequence: the socket's state, from the first byte not
 * parsed before. Ahead of what the kernel has (out of order): a one-off
 * state, as if a request could start here; the socket's state waits.
 */
static __always_inline int pick_state(struct scan *sc, struct sock_http_state *ss,
				      struct bpf_sock *sk)
{
	struct bpf_tcp_sock *tp = bpf_tcp_sock(sk);
	__u32 seq = sc->seg->seq, len = sc->seg->payload_len, rcv_nxt = tp ? tp->rcv_nxt : seq;
	int synced = ss && (ss->flags & GH_PS_SYNCED);
	__s32 d = synced ? (__s32)(seq - ss->next_seq) : 0;

	sc->ps = &sc->sc->one_off;
	__builtin_memset(sc->ps, 0, sizeof(*sc->ps));
	if (!seq_before(rcv_nxt, seq + len))
		return -1;
	if (seq_before(seq, rcv_nxt))
		sc->p->first = rcv_nxt - seq;
	if (synced && !seq_before(rcv_nxt, seq) && rcv_nxt != ss->next_seq) {
		sc->p->first = rcv_nxt - seq;
		sc->ps = ss;
		lose(sc);
	} else if (d < 0 && (__u32)-d >= len) {
		return -1; /* parsed, still in the kernel's backlog */
	} else if (d < 0) {
		sc->p->first = -d;
	} else if (d > 0 && tp) {
		sc->st->out_of_order++;
		return 0;
	} else if (d > 0) {
		/* BPF_PROG_RUN: no TCP socket to say whether bytes were missed. */
		sc->ps = ss;
		lose(sc);
	}
	if (ss) {
		sc->ps = ss;
		sc->p->stateful = 1;
		ss->next_seq = seq + len;
		ss->flags |= GH_PS_SYNCED;
	}
	return 0;
}

/* The packet's socket if it is a full one: what bpf_sk_fullsock() says,
 * from the state alone, without the helper call. */
static __always_inline struct bpf_sock *tcp_full_sock(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (!sk || sk->state == BPF_TCP_TIME_WAIT || sk->state == BPF_TCP_NEW_SYN_RECV)
		return NULL;
	return sk;
}

SEC("cgroup_skb/ingress")
int cgroup_skb_http_in(struct __sk_buff *skb)
{
	struct sock_http_state *ss = NULL;
	struct sensor_config *cfg;
	struct scan_scratch *scr;
	struct sensor_stats *st;
	struct segment s = {};
	struct src_http_counts *src;
	struct scan sc = {};
	struct bpf_sock *sk;
	__u64 budget;
	__u32 zero = 0;

	cfg = bpf_map_lookup_elem(&sensor_config, &zero);
	if (!cfg || !(cfg->flags & GH_SENSOR_F_ENABLED))
		return CG_PASS;
	if (parse_segment(skb, &s) || !port_watched(cfg, s.dport))
		return CG_PASS;
	st = sensor_stats_get();
	scr = bpf_map_lookup_elem(&scratch, &zero);
	sk = tcp_full_sock(skb);
	if (!st || !scr || !sk)
		return CG_PASS;
	/* A segment for a listener comes before any handshake: its source is
	 * unproven (a spoofed ACK with "GET ..." lands here). Count nothing. */
	if (sk->state == BPF_TCP_LISTEN)
		return CG_PASS;
	ss = bpf_sk_storage_get(&sock_state, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);

	sc.skb = skb;
	sc.sc = scr;
	sc.p = &scr->pos;
	__builtin_memset(sc.p, 0, sizeof(*sc.p));
	sc.cfg = cfg;
	sc.st = st;
	sc.seg = &s;
	sc.owner = ss;
	sc.p->end = s.payload_len;
	sc.p->payload_off = s.payload_off;
	if (pick_state(&sc, ss, sk)) {
		st->retransmits++;
		return CG_PASS;
	}
	sc.p->limit = sc.p->first + GH_SCAN_MAX;
	sc.p->at = sc.p->first;
	sc.p->base = sc.p->first;
	sc.p->hi = sc.p->first;
	/* A request may start at a segment's start even when we are lost. */
	if (sc.ps->phase == GH_PHASE_LOST)
		sc.ps->phase = GH_PHASE_IDLE;
	sc.p->more_open = sc.ps->phase == GH_PHASE_HEAD && sc.ps->snap_used;
	if (sc.ps->carry_len) {
		carry_in(&sc);
		if (load_at(&sc, sc.p->first))
			lose_rest(&sc);
	}
	/* Each step moves on by a byte at least, or loads a chunk. */
	budget = clamp_len(sc.p->end - sc.p->first, GH_SCAN_MAX) + GH_CARRY_LEN +
		 2 * (GH_SCAN_MAX / SCAN_CHUNK) + 8;
	bpf_loop(budget, scan_step, &sc, 0);
	if (sc.p->at < sc.p->end && sc.ps->phase != GH_PHASE_BODY)
		lose(&sc);
	if (sc.p->more_open)
		emit_part(&sc, sc.p->end);

	src = http_counts(s.saddr, s.family == 4);
	if (src) {
		src->request_bytes += sc.p->end - sc.p->first;
		src->requests += sc.p->requests;
		/* The coarse clock: a tick's precision is plenty for "last seen". */
		if (sc.p->requests)
			src->last_seen_ns = bpf_ktime_get_coarse_ns();
	}
	st->requests += sc.p->requests;
	st->pipelined += sc.p->pipelined;
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

static __always_inline void count_status_class(struct src_http_counts *src, __u32 status)
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
	struct src_http_counts *src;
	struct bpf_tcp_sock *tp;
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
	src = http_counts(s.daddr, s.family == 4);
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
	struct src_http_counts *src;
	struct sensor_stats *st;
	__u32 ip6[4] = {}; /* all set: clang may read the bytes an IPv4 key ignores */
	int v4 = 1;

	if (ops->op != BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB)
		return 1;
	if (ops->family == AF_INET) {
		ip6[0] = ops->remote_ip4;
	} else if (ops->family == AF_INET6) {
		ip6[0] = ops->remote_ip6[0];
		ip6[1] = ops->remote_ip6[1];
		ip6[2] = ops->remote_ip6[2];
		ip6[3] = ops->remote_ip6[3];
		/* A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d;
		 * count them under the IPv4 address the packets carry. */
		if (!ip6[0] && !ip6[1] && ip6[2] == bpf_htonl(0xffff))
			ip6[0] = ip6[3];
		else
			v4 = 0;
	} else {
		return 1;
	}
	src = http_counts((const __u8 *)ip6, v4);
	if (src)
		src->conns++;
	st = sensor_stats_get();
	if (st)
		st->conns++;
	return 1;
}
