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
 * Per-CPU scratch: the segment bytes being parsed, behind room for the bytes
 * carried over from the last segment; the parse state of a segment read on
 * its own; the sampling tick.
 */
#define SCAN_CARRY 64    /* scratch bytes before the data (>= 2 * GH_CARRY_LEN) */
#define SCAN_CHUNK 2048  /* payload bytes loaded at a time */
#define SCRATCH_SIZE 4096 /* power of two >= SCAN_CARRY + SCAN_CHUNK */
#define SCRATCH_PAD 24   /* three 8-byte loads at any masked index stay inside */

/*
 * The scan of one segment. Offsets are payload offsets of the segment (s64);
 * bytes carried over from the last segment sit just before `first`. Scratch
 * index SCAN_CARRY holds payload offset `base`; [base, hi) is loaded.
 *
 * The position and tallies live in the per-CPU scratch, not on the stack:
 * read back from a map they are unknown to the verifier at each step, so
 * its states of the bpf_loop callback converge instead of being walked
 * offset by offset.
 */
struct scan_pos {
	__s64 at;    /* next byte to parse */
	__s64 base;
	__s64 hi;
	__s64 first; /* first byte not parsed before (retransmitted bytes skipped) */
	__s64 end;   /* payload length */
	__s64 limit; /* no byte at or past this is loaded (GH_SCAN_MAX) */
	__u32 requests;
	__u32 pipelined;
	__u32 sampled;
	__u8 stateful;   /* ps is the socket's: its requests are numbered, parts follow */
	__u8 head_ended; /* a head ended earlier in this segment */
	__u8 more_open;  /* a sampled head from an earlier segment takes parts here */
};

struct scan_scratch {
	char buf[SCRATCH_SIZE + SCRATCH_PAD];
	struct sock_http_state one_off;
	struct scan_pos pos;
	__u32 tick;
};

_Static_assert((SCRATCH_SIZE & (SCRATCH_SIZE - 1)) == 0, "SCRATCH_SIZE must be a power of two");
_Static_assert(SCAN_CARRY + SCAN_CHUNK <= SCRATCH_SIZE, "a chunk must fit behind the carry");
_Static_assert(SCAN_CARRY >= 2 * GH_CARRY_LEN, "carry copies must stay inside the scratch");

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

/* ---- words: eight bytes at a time ------------------------------------------ */

/* Little-endian 8-byte word of a token, and the mask of its first n bytes. */
#define TOKEN_WORD(a, b, c, d, e, f, g, h)                                               \
	((__u64)(a) | (__u64)(b) << 8 | (__u64)(c) << 16 | (__u64)(d) << 24 |            \
	 (__u64)(e) << 32 | (__u64)(f) << 40 | (__u64)(g) << 48 | (__u64)(h) << 56)
#define TOKEN_MASK(len) ((len) >= 8 ? ~0ULL : (1ULL << ((len) * 8)) - 1)
#define TOKEN_IS(w, len, word) (((w) & TOKEN_MASK(len)) == (word))
#define BYTES_OF(c) (0x0101010101010101ULL * (c))
/* Header names compare in lower case: OR 0x20 into every byte. */
#define LOWER(w) ((w) | BYTES_OF(0x20))

/* The first n bytes (n may be <= 0 or >= 8) of a word. */
static __always_inline __u64 first_bytes(__s64 n)
{
	if (n >= 8)
		return ~0ULL;
	if (n <= 0)
		return 0;
	return (1ULL << (n * 8)) - 1;
}

/* 0x80 in exactly the bytes of x that are zero. */
static __always_inline __u64 zero_bytes(__u64 x)
{
	return ~(((x & BYTES_OF(0x7f)) + BYTES_OF(0x7f)) | x | BYTES_OF(0x7f));
}

/* Index of the lowest byte flagged 0x80 in m (m != 0), without a ctz. */
static __always_inline __u64 first_flag(__u64 m)
{
	__u64 below = ((m & -m) >> 7) - 1; /* 0xff in each byte before it */

	return ((below & BYTES_OF(1)) * BYTES_OF(1)) >> 56;
}

#define METHOD_GET TOKEN_WORD('G', 'E', 'T', ' ', 0, 0, 0, 0)
#define METHOD_PUT TOKEN_WORD('P', 'U', 'T', ' ', 0, 0, 0, 0)
#define METHOD_POST TOKEN_WORD('P', 'O', 'S', 'T', ' ', 0, 0, 0)
#define METHOD_HEAD TOKEN_WORD('H', 'E', 'A', 'D', ' ', 0, 0, 0)
#define METHOD_PATCH TOKEN_WORD('P', 'A', 'T', 'C', 'H', ' ', 0, 0)
#define METHOD_TRACE TOKEN_WORD('T', 'R', 'A', 'C', 'E', ' ', 0, 0)
#define METHOD_DELETE TOKEN_WORD('D', 'E', 'L', 'E', 'T', 'E', ' ', 0)
#define METHOD_OPTIONS TOKEN_WORD('O', 'P', 'T', 'I', 'O', 'N', 'S', ' ')
#define METHOD_CONNECT TOKEN_WORD('C', 'O', 'N', 'N', 'E', 'C', 'T', ' ')

/* Length of the method token and its space that w starts with (GET, HEAD,
 * POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH), or 0. */
static __always_inline __u32 method_len(__u64 w)
{
	if (TOKEN_IS(w, 4, METHOD_GET) || TOKEN_IS(w, 4, METHOD_PUT))
		return 4;
	if (TOKEN_IS(w, 5, METHOD_POST) || TOKEN_IS(w, 5, METHOD_HEAD))
		return 5;
	if (TOKEN_IS(w, 6, METHOD_PATCH) || TOKEN_IS(w, 6, METHOD_TRACE))
		return 6;
	if (TOKEN_IS(w, 7, METHOD_DELETE))
		return 7;
	if (w == METHOD_OPTIONS || w == METHOD_CONNECT)
		return 8;
	return 0;
}

/* Whether the first n (1..7) bytes of w may begin a method token and its space. */
static __always_inline int method_prefix(__u64 w, __s64 n)
{
	__u64 m = first_bytes(n);

	return !((w ^ METHOD_GET) & m) || !((w ^ METHOD_PUT) & m) || !((w ^ METHOD_POST) & m) ||
	       !((w ^ METHOD_HEAD) & m) || !((w ^ METHOD_PATCH) & m) ||
	       !((w ^ METHOD_TRACE) & m) || !((w ^ METHOD_DELETE) & m) ||
	       !((w ^ METHOD_OPTIONS) & m) || !((w ^ METHOD_CONNECT) & m);
}

/* ---- the scan of one segment ----------------------------------------------- */

/* What the callback needs pointers to (pointers cannot live in a map). */
struct scan {
	struct __sk_buff *skb;
	struct sock_http_state *ps;    /* parse state: the socket's, or one_off */
	struct sock_http_state *owner; /* the socket's, for the outstanding queue; may be NULL */
	struct scan_scratch *sc;
	struct scan_pos *p;            /* &sc->pos */
	const struct sensor_config *cfg;
	struct sensor_stats *st;
	const struct segment *seg;
};

/*
 * Every scratch index is masked where it is used: clang is free to move the
 * logical bound checks onto other registers, which the verifier then cannot
 * connect.
 */
static __always_inline __u64 scratch_idx(const struct scan *sc, __s64 off)
{
	__u64 x = (__u64)(off - sc->p->base + SCAN_CARRY);

	/* Hide the range from clang, or it proves the mask redundant. */
	barrier_var(x);
	return x & (SCRATCH_SIZE - 1);
}

/* Eight bytes at off (unaligned loads are fine for the verifier on map values). */
static __always_inline __u64 word_at(const struct scan *sc, __s64 off)
{
	return *(const __u64 *)(sc->sc->buf + scratch_idx(sc, off));
}

static __always_inline __u8 byte_at(const struct scan *sc, __s64 off)
{
	return sc->sc->buf[scratch_idx(sc, off)];
}

/* min(v, max) on the very register the caller then passes to a helper. */
static __always_inline __u64 clamp_len(__u64 v, __u64 max)
{
	barrier_var(v);
	if (v > max)
		v = max;
	barrier_var(v);
	return v;
}

/* Load the segment from off on into the scratch; -1 past GH_SCAN_MAX or on failure. */
static __always_inline int load_at(struct scan *sc, __s64 off)
{
	__u64 len;

	if (off >= sc->p->limit || off >= sc->p->end)
		return -1;
	len = clamp_len(sc->p->end - off, SCAN_CHUNK);
	if (!len || bpf_skb_load_bytes(sc->skb, sc->seg->payload_off + off,
				       sc->sc->buf + SCAN_CARRY, len)) {
		sc->st->lost_load++;
		return -1;
	}
	sc->p->base = off;
	sc->p->hi = off + len;
	return 0;
}

/*
 * Fewer than n bytes loaded from `at` on while the segment has more: load
 * again from `at`. 1 when it did (look again), 0 when there is no more to
 * load (the caller decides on what it has), -1 when loading stopped.
 */
static __always_inline int reload_for(struct scan *sc, __s64 n)
{
	if (sc->p->hi - sc->p->at >= n || sc->p->hi >= sc->p->end || sc->p->at < sc->p->first)
		return 0;
	return load_at(sc, sc->p->at) ? -1 : 1;
}

/* Keep the bytes from `at` to the end of the segment (fewer than
 * GH_CARRY_LEN, which the callers make sure of) for the next one. */
static __always_inline void carry_out(struct scan *sc)
{
	__s64 n = sc->p->hi - sc->p->at;
	__u64 src = scratch_idx(sc, sc->p->hi - GH_CARRY_LEN);
	__u64 *dst = (__u64 *)sc->ps->carry;

	dst[0] = *(const __u64 *)(sc->sc->buf + src);
	dst[1] = *(const __u64 *)(sc->sc->buf + ((src + 8) & (SCRATCH_SIZE - 1)));
	dst[2] = *(const __u64 *)(sc->sc->buf + ((src + 16) & (SCRATCH_SIZE - 1)));
	sc->ps->carry_len = n > 0 && n < GH_CARRY_LEN ? (__u8)n : 0;
	sc->p->at = sc->p->end;
}

/* Put the bytes carried from the last segment just before `first`. */
static __always_inline void carry_in(struct scan *sc)
{
	const __u64 *src = (const __u64 *)sc->ps->carry;
	__u64 *dst = (__u64 *)(sc->sc->buf + SCAN_CARRY - GH_CARRY_LEN);

	dst[0] = src[0];
	dst[1] = src[1];
	dst[2] = src[2];
	sc->p->at = sc->p->first - sc->ps->carry_len;
	sc->ps->carry_len = 0;
}

_Static_assert(GH_CARRY_LEN == 24, "carry copies move three words");

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

/* Wake the reader for a batch, not for every event (GH_RING_WAKEUP_BYTES). */
static __always_inline __u64 ring_wakeup_flags(void)
{
	return bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= GH_RING_WAKEUP_BYTES
		       ? BPF_RB_FORCE_WAKEUP
		       : BPF_RB_NO_WAKEUP;
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
	struct gh_request_event *ev;
	__s64 from = start;
	__u64 len, prefix = 0;

	ev = bpf_ringbuf_reserve(&events, sizeof(*ev), 0);
	if (!ev) {
		sc->st->lost_ring_full++;
		return -1;
	}
	fill_event_hdr(&ev->hdr, GH_EV_REQUEST, sc->seg, bpf_get_socket_cookie(sc->skb),
		       sc->seg->payload_len, 1);
	if (sc->p->stateful)
		ev->hdr.req_seq = ps->requests;
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
		bpf_ringbuf_discard(ev, 0);
		return -1;
	}
	ev->hdr.snap_len = (__u32)(prefix + len);
	bpf_ringbuf_submit(ev, ring_wakeup_flags());
	sc->st->requests_sampled++;
	if (sc->p->stateful && from + (__s64)len == sc->p->end && prefix + len < GH_SNAP_LEN)
		ps->snap_used = (__u16)(prefix + len);
	return 0;
}

/* The bytes of this segment up to `upto` as the next part of the sampled head. */
static __always_inline void emit_part(struct scan *sc, __s64 upto)
{
	struct sock_http_state *ps = sc->ps;
	struct gh_request_event *ev;
	__u32 used = ps->snap_used;
	__u64 len;

	ps->snap_used = 0;
	if (upto <= sc->p->first || used >= GH_SNAP_LEN)
		return;
	len = clamp_len(upto - sc->p->first, GH_SNAP_LEN - used);
	len = clamp_len(len, GH_SNAP_LEN);
	if (!len)
		return;
	ev = bpf_ringbuf_reserve(&events, sizeof(*ev), 0);
	if (!ev) {
		sc->st->lost_ring_full++;
		return;
	}
	fill_event_hdr(&ev->hdr, GH_EV_REQUEST_MORE, sc->seg, bpf_get_socket_cookie(sc->skb), used,
		       1);
	ev->hdr.req_seq = ps->requests;
	ev->hdr.snap_len = (__u32)len;
	if (bpf_skb_load_bytes(sc->skb, sc->seg->payload_off + sc->p->first, ev->head, len)) {
		sc->st->lost_load++;
		bpf_ringbuf_discard(ev, 0);
		return;
	}
	bpf_ringbuf_submit(ev, ring_wakeup_flags());
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

static __always_inline void clear_head(struct sock_http_state *ps)
{
	ps->flags &= ~GH_PS_CHUNKED;
	ps->length_state = GH_LENGTH_NONE;
	ps->length = 0;
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

/* The parse position is unknown from here (see GH_PHASE_LOST). */
static __always_inline void lose(struct scan *sc)
{
	sc->ps->phase = GH_PHASE_LOST;
	sc->ps->line = GH_LINE_OTHER;
	sc->ps->snap_used = 0;
	sc->ps->carry_len = 0;
	sc->p->more_open = 0;
	sc->st->parse_lost++;
}

/* Lost, and nothing more of this segment is read. */
static __always_inline long lose_rest(struct scan *sc)
{
	lose(sc);
	sc->p->at = sc->p->end;
	return 1;
}

/* A blank line at `at`: the end of a head, or, lost, a place a request may start. */
static __always_inline void blank_line(struct scan *sc)
{
	struct sock_http_state *ps = sc->ps;

	ps->line = GH_LINE_START;
	if (ps->phase != GH_PHASE_HEAD) {
		ps->phase = GH_PHASE_IDLE;
		return;
	}
	if (sc->p->more_open)
		emit_part(sc, sc->p->at);
	ps->snap_used = 0;
	sc->p->more_open = 0;
	sc->p->head_ended = 1;
	/* A chunked body or an unknown length: nginx knows where it ends, we do not. */
	if ((ps->flags & GH_PS_CHUNKED) || ps->length_state == GH_LENGTH_BAD) {
		ps->phase = GH_PHASE_LOST;
		sc->st->parse_lost++;
	} else if (ps->length_state == GH_LENGTH_SET && ps->length) {
		ps->phase = GH_PHASE_BODY;
		ps->body_left = ps->length;
	} else {
		ps->phase = GH_PHASE_IDLE;
	}
	clear_head(ps);
}

static __always_inline void skip_body(struct scan *sc)
{
	struct sock_http_state *ps = sc->ps;
	__u64 n = sc->p->end - sc->p->at;

	if (n > ps->body_left)
		n = ps->body_left;
	sc->p->at += n;
	ps->body_left -= n;
	if (!ps->body_left)
		ps->phase = GH_PHASE_IDLE;
}

/*
 * Between requests: skip CR/LF, then a method token starts a request.
 * Fewer than 8 bytes left at the end of the segment that may begin a method
 * are carried to the next segment; anything else means we are lost.
 */
static __always_inline long step_idle(struct scan *sc)
{
	__u64 w, valid, crlf, other;
	__s64 avail;
	__u32 n;
	int r = reload_for(sc, 8);

	if (r)
		return r < 0 ? lose_rest(sc) : 0;
	avail = sc->p->hi - sc->p->at;
	valid = first_bytes(avail);
	w = word_at(sc, sc->p->at) & valid;
	crlf = zero_bytes(w ^ BYTES_OF('\r')) | zero_bytes(w ^ BYTES_OF('\n'));
	other = ~crlf & valid & BYTES_OF(0x80);
	if (!other) {
		sc->p->at += avail < 8 ? avail : 8;
		return 0;
	}
	if (crlf & 0x80) {
		sc->p->at += first_flag(other);
		return 0;
	}
	n = method_len(w);
	if (n) {
		start_request(sc, sc->p->at);
		sc->p->at += n;
		return 0;
	}
	if (avail < 8 && sc->p->stateful && method_prefix(w, avail)) {
		carry_out(sc);
		return 0;
	}
	lose(sc);
	return 0;
}

#define NAME_CONTENT TOKEN_WORD('c', 'o', 'n', 't', 'e', 'n', 't', '-')
#define NAME_LENGTH TOKEN_WORD('l', 'e', 'n', 'g', 't', 'h', ':', 0)
#define NAME_TRANSFER TOKEN_WORD('t', 'r', 'a', 'n', 's', 'f', 'e', 'r')
#define NAME_ENCODIN TOKEN_WORD('-', 'e', 'n', 'c', 'o', 'd', 'i', 'n')
#define NAME_G TOKEN_WORD('g', ':', 0, 0, 0, 0, 0, 0)
#define CONTENT_LENGTH_LEN 15
#define TRANSFER_ENCODING_LEN 18

/*
 * The first byte of a header line (the line is not blank): Content-Length
 * and Transfer-Encoding decide where the body ends; every other line is
 * only looked at for its end. A name cut by the end of the segment is
 * carried to the next one.
 */
static __always_inline long classify_line(struct scan *sc, __u8 c)
{
	struct sock_http_state *ps = sc->ps;
	__u64 w0, w1, w2;
	__s64 avail;
	int r;

	ps->line = GH_LINE_OTHER;
	c |= 0x20;
	if (c != 'c' && c != 't')
		return 0;
	r = reload_for(sc, TRANSFER_ENCODING_LEN);
	if (r) {
		ps->line = GH_LINE_START;
		return r < 0 ? lose_rest(sc) : 0;
	}
	avail = sc->p->hi - sc->p->at;
	w0 = word_at(sc, sc->p->at) & first_bytes(avail);
	w1 = word_at(sc, sc->p->at + 8) & first_bytes(avail - 8);
	w2 = word_at(sc, sc->p->at + 16) & first_bytes(avail - 16);
	if (avail < TRANSFER_ENCODING_LEN && sc->p->stateful &&
	    !((zero_bytes(w0 ^ BYTES_OF('\n')) & first_bytes(avail)) |
	      (zero_bytes(w1 ^ BYTES_OF('\n')) & first_bytes(avail - 8)) |
	      (zero_bytes(w2 ^ BYTES_OF('\n')) & first_bytes(avail - 16)))) {
		ps->line = GH_LINE_START;
		carry_out(sc);
		return 0;
	}
	w0 = LOWER(w0);
	w1 = LOWER(w1);
	if (w0 == NAME_CONTENT && TOKEN_IS(w1, 7, NAME_LENGTH)) {
		sc->p->at += CONTENT_LENGTH_LEN;
		/* nginx refuses a second Content-Length; we just stop trusting it. */
		if (ps->length_state == GH_LENGTH_NONE) {
			ps->length_state = GH_LENGTH_SPACE;
			ps->line = GH_LINE_LENGTH;
		} else {
			ps->length_state = GH_LENGTH_BAD;
		}
	} else if (w0 == NAME_TRANSFER && w1 == NAME_ENCODIN && TOKEN_IS(LOWER(w2), 2, NAME_G)) {
		sc->p->at += TRANSFER_ENCODING_LEN;
		ps->flags |= GH_PS_CHUNKED;
	}
	return 0;
}

/* The largest Content-Length taken (nginx takes up to off_t); more is bad. */
#define LENGTH_MAX (1ULL << 60)

/* One byte of a Content-Length value: OWS, digits, OWS, then the line end. */
static __always_inline void length_byte(struct sock_http_state *ps, __u8 c)
{
	__u8 s = ps->length_state;

	if (c == '\n') {
		ps->length_state = s == GH_LENGTH_DIGITS || s == GH_LENGTH_TAIL ? GH_LENGTH_SET
										: GH_LENGTH_BAD;
		ps->line = GH_LINE_START;
		return;
	}
	if (c == ' ' || c == '\t' || c == '\r') {
		if (s == GH_LENGTH_DIGITS)
			ps->length_state = GH_LENGTH_TAIL;
		return;
	}
	if (c >= '0' && c <= '9' && (s == GH_LENGTH_SPACE || s == GH_LENGTH_DIGITS) &&
	    ps->length < LENGTH_MAX / 10) {
		ps->length = ps->length * 10 + (c - '0');
		ps->length_state = GH_LENGTH_DIGITS;
		return;
	}
	ps->length_state = GH_LENGTH_BAD;
	ps->line = GH_LINE_OTHER;
}

/* Words a GH_LINE_OTHER step scans at most before handing back to bpf_loop. */
#define LINE_WORDS 4

/*
 * GH_LINE_OTHER: eight bytes at a time to the line's end, and on through
 * the lines after it while they start with an ordinary byte: only a blank
 * line, a CR and (in a head) a name that may be Content-Length or
 * Transfer-Encoding need a step of their own.
 */
static __always_inline long step_other(struct scan *sc)
{
	struct sock_http_state *ps = sc->ps;
	__s64 at = sc->p->at, hi = sc->p->hi, avail;
	int head = ps->phase == GH_PHASE_HEAD;
	__u64 w, m;
	__u8 c;

#pragma unroll
	for (int k = 0; k < LINE_WORDS; k++) {
		avail = hi - at;
		if (avail <= 0)
			break;
		w = word_at(sc, at);
		m = zero_bytes(w ^ BYTES_OF('\n')) & first_bytes(avail);
		if (!m) {
			at += avail < 8 ? avail : 8;
			continue;
		}
		at += first_flag(m) + 1;
		if (at >= hi) {
			ps->line = GH_LINE_START;
			break;
		}
		c = byte_at(sc, at);
		if (c == '\r' || c == '\n' || (head && ((c | 0x20) == 'c' || (c | 0x20) == 't'))) {
			ps->line = GH_LINE_START;
			break;
		}
	}
	sc->p->at = at;
	return 0;
}

/* Inside a head, or lost: find line ends, blank lines and the lines that matter. */
static __always_inline long step_line(struct scan *sc)
{
	struct sock_http_state *ps = sc->ps;
	__u8 c;

	if (ps->line == GH_LINE_OTHER)
		return step_other(sc);
	c = byte_at(sc, sc->p->at);
	switch (ps->line) {
	case GH_LINE_START:
		if (c == '\n') {
			sc->p->at++;
			blank_line(sc);
			return 0;
		}
		if (c == '\r') {
			/* CRLF at once when both are here: the usual blank line. */
			if (sc->p->at + 1 < sc->p->hi && byte_at(sc, sc->p->at + 1) == '\n') {
				sc->p->at += 2;
				blank_line(sc);
				return 0;
			}
			sc->p->at++;
			ps->line = GH_LINE_CRS;
			return 0;
		}
		if (ps->phase == GH_PHASE_HEAD)
			return classify_line(sc, c);
		ps->line = GH_LINE_OTHER;
		return 0;
	case GH_LINE_CRS:
		if (c == '\r') {
			sc->p->at++;
		} else if (c == '\n') {
			sc->p->at++;
			blank_line(sc);
		} else {
			ps->line = GH_LINE_OTHER;
		}
		return 0;
	}
	/* GH_LINE_LENGTH */
	sc->p->at++;
	length_byte(ps, c);
	return 0;
}

/* bpf_loop callback: one step of the parse, forward by at least a byte or a load. */
static long scan_step(__u32 i, void *data)
{
	struct scan *sc = data;

	if (sc->p->at >= sc->p->end)
		return 1;
	if (sc->ps->phase == GH_PHASE_BODY) {
		skip_body(sc);
		return 0;
	}
	if (sc->p->at >= sc->p->hi && load_at(sc, sc->p->at))
		return lose_rest(sc);
	if (sc->ps->phase == GH_PHASE_IDLE)
		return step_idle(sc);
	return step_line(sc);
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

static __always_inline struct bpf_sock *tcp_full_sock(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	return sk ? bpf_sk_fullsock(sk) : NULL;
}

SEC("cgroup_skb/ingress")
int cgroup_skb_http_in(struct __sk_buff *skb)
{
	struct sock_http_state *ss = NULL;
	struct sensor_config *cfg;
	struct scan_scratch *scr;
	struct sensor_stats *st;
	struct segment s = {};
	struct src_stats *src;
	struct scan sc = {};
	struct src_key key;
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
	/* Data on the handshake's last ACK comes through the listener, whose
	 * state would be every connection's: read it on its own. */
	if (sk->state != BPF_TCP_LISTEN)
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

	src_key_set(&key, s.saddr, s.family);
	src = src_stats_get(&key);
	if (src) {
		src->request_bytes += sc.p->end - sc.p->first;
		src->requests += sc.p->requests;
		if (sc.p->requests)
			src->last_seen_ns = bpf_ktime_get_boot_ns();
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
