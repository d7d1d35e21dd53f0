/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Socket-level HTTP sensor (bpf/sock_http.bpf.c): ring-buffer events, run-time
 * tunables and counters shared with user space.
 */
#ifndef GATEHAWK_SENSOR_H
#define GATEHAWK_SENSOR_H

#include "gatehawk/types.h"

/* Bytes of a request head the sensor snapshots; covers a browser head with a
 * few cookies. A head that goes on in later segments is sent on in parts
 * (GH_EV_REQUEST_MORE) until this many bytes of it were sent. */
#define GH_SNAP_LEN 1024
/* HTTP ports the sensor watches at once. */
#define GH_MAX_HTTP_PORTS 16
/* Request heads sampled from one segment at most (pipelining); every request
 * start in the segment is counted all the same. */
#define GH_MAX_HEADS_PER_SEGMENT 8
/*
 * Payload bytes of one (GRO-merged) segment the sensor parses at most; body
 * bytes of a known length are skipped without being read and do not count.
 * Past this the connection's parse state is lost until the next request
 * start the sensor can recognise (GH_PHASE_LOST).
 */
#define GH_SCAN_MAX (64U << 10)
/* Bytes of an unfinished method or header name kept from one segment for
 * the next (the longest looked at is "Transfer-Encoding:", 18 bytes). */
#define GH_CARRY_LEN 24
/* Requests a connection can have outstanding (sent, not yet answered) while
 * the sensor still knows which of them were sampled. */
#define GH_MAX_OUTSTANDING 64
#define GH_DEFAULT_RING_BYTES (8U << 20)
/*
 * The sensor wakes the daemon only once this much waits in the ring buffer:
 * a wake-up per event cost the daemon several microseconds a request. Below
 * it the daemon drains the ring on its own short timer (GH_RING_DRAIN_MS).
 */
#define GH_RING_WAKEUP_BYTES (GH_DEFAULT_RING_BYTES / 16)

enum gh_event_type {
	GH_EV_REQUEST = 1,      /* a sampled request head: its first bytes */
	GH_EV_RESPONSE = 2,     /* the status of the oldest sampled outstanding request */
	GH_EV_REQUEST_MORE = 3, /* more of a sampled head that went on in a later segment */
};

/* Common part of every event; the type says what follows. */
struct gh_event_hdr {
	__u32 type;
	__u32 snap_len;    /* request: bytes in head[] */
	__u64 ts_ns;       /* bpf_ktime_get_boot_ns() */
	__u64 sock_cookie; /* joins responses to requests */
	__u8 saddr[16];    /* the client, for both types */
	__u8 daddr[16];    /* this host */
	__u16 sport;
	__u16 dport;
	__u8 family;       /* 4 or 6 */
	__u8 pad[3];
	__u32 value;       /* request: payload bytes of the segment; request part: the
			    * offset in the head where head[] goes; response: status */
	__u32 req_seq;     /* request, request part: the request's number on its
			    * connection, which joins a head's parts */
};

struct gh_request_event {
	struct gh_event_hdr hdr;
	char head[GH_SNAP_LEN];
};

/*
 * A request event in the ring is its header and the snap_len bytes of head[]
 * filled, no more: a browser's head is half of GH_SNAP_LEN, and the ring's
 * bytes are what its two sides' caches pay for.
 */
#define GH_REQUEST_EVENT_SIZE(snap_len) (sizeof(struct gh_event_hdr) + (snap_len))

/* Sensor flags in sensor_config.flags. */
#define GH_SENSOR_F_ENABLED (1U << 0)

/* Run-time tunables, changed through the pinned map with no reload. */
struct sensor_config {
	__u32 flags;
	__u32 sample_rate; /* 1 in N request heads goes to the ring buffer; 0 = none */
	__u32 n_ports;
	__u16 ports[GH_MAX_HTTP_PORTS]; /* host byte order */
};

#define SENSOR_STATS_FIELDS(X)                                                        \
	X(requests)          /* request starts counted (all, sampled or not) */       \
	X(requests_sampled)  /* request heads handed to the ring buffer */            \
	X(head_parts)        /* later parts of sampled heads handed to the ring */    \
	X(pipelined)         /* request starts after a head ended in the segment */   \
	X(split_starts)      /* request starts that began in an earlier segment */    \
	X(out_of_order)      /* segments ahead of the parsed stream, read alone */    \
	X(parse_lost)        /* times a connection's parse position was lost */      \
	X(responses)         /* response status lines counted */                      \
	X(responses_sent)    /* statuses handed to the ring buffer */                 \
	X(retransmits)       /* segments skipped as already seen */                   \
	X(lost_ring_full)    /* events the full ring buffer refused */                \
	X(lost_no_storage)   /* no socket storage to remember sampled requests */     \
	X(lost_outstanding)  /* more than GH_MAX_OUTSTANDING unanswered requests */   \
	X(lost_load)         /* payload bytes the kernel would not copy */            \
	X(conns)             /* passive opens seen by sock_ops */

struct sensor_stats {
#define GH_SENSOR_MEMBER(name) __u64 name;
	SENSOR_STATS_FIELDS(GH_SENSOR_MEMBER)
#undef GH_SENSOR_MEMBER
};

/*
 * Where the sensor is in a connection's stream of requests. Bytes are parsed
 * in order of sequence number, across segments, so a request start is found
 * however the client cut its bytes into segments.
 */
enum gh_parse_phase {
	GH_PHASE_IDLE = 0, /* between requests: CR/LF skipped (as nginx does), a method expected */
	GH_PHASE_HEAD,     /* in a head: the request line, header lines, up to the blank line */
	GH_PHASE_BODY,     /* in a Content-Length body: body_left bytes skipped unread */
	GH_PHASE_LOST,     /* position unknown (chunked or unknown body, a gap, an unknown
			    * method): a request start is looked for after each blank
			    * line and at the start of each segment */
};

/* Where the parser is in the current line (GH_PHASE_HEAD and _LOST). */
enum gh_line_state {
	GH_LINE_START = 0, /* at its first byte */
	GH_LINE_OTHER,     /* in a line looked at only for its end */
	GH_LINE_CRS,       /* only CRs so far: a blank line if LF comes (nginx) */
	GH_LINE_LENGTH,    /* in the value of a Content-Length line */
};

/* What the head's Content-Length lines said (sock_http_state.length_state). */
enum gh_length_state {
	GH_LENGTH_NONE = 0, /* no Content-Length line (yet) */
	GH_LENGTH_SPACE,    /* in a value, before its digits */
	GH_LENGTH_DIGITS,   /* in a value, in its digits */
	GH_LENGTH_TAIL,     /* in a value, after its digits */
	GH_LENGTH_SET,      /* one line gave a length */
	GH_LENGTH_BAD,      /* a bad value or a second line: body length unknown */
};

#define GH_PS_SYNCED (1U << 0)  /* next_seq is known */
#define GH_PS_CHUNKED (1U << 1) /* the head has a Transfer-Encoding line */

/*
 * Per-socket state (BPF_MAP_TYPE_SK_STORAGE): which outstanding requests on
 * the connection were sampled, as a bit queue, oldest at bit 0; and the
 * request parser's position in the client's byte stream.
 */
struct sock_http_state {
	__u64 sampled_bits;
	__u32 outstanding;
	__u32 next_seq;    /* sequence number just past the bytes parsed */
	__u64 body_left;   /* GH_PHASE_BODY: body bytes still to come */
	__u64 length;      /* the Content-Length value read so far */
	__u32 requests;    /* request starts on this connection */
	__u16 snap_used;   /* bytes of a sampled head sent so far while more may
			    * follow in the next segment; 0: none to follow */
	__u8 phase;        /* enum gh_parse_phase */
	__u8 line;         /* enum gh_line_state */
	__u8 length_state; /* enum gh_length_state */
	__u8 flags;        /* GH_PS_* */
	__u8 carry_len;    /* bytes in carry */
	__u8 pad;
	/* The unfinished start of a method or header name that ended the last
	 * segment, right-aligned: carry[GH_CARRY_LEN - carry_len ...]. */
	char carry[GH_CARRY_LEN];
};

#endif /* GATEHAWK_SENSOR_H */
