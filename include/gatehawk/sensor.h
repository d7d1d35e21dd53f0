/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Socket-level HTTP sensor (bpf/sock_http.bpf.c): ring-buffer events, run-time
 * tunables and counters shared with user space.
 */
#ifndef GATEHAWK_SENSOR_H
#define GATEHAWK_SENSOR_H

#include "gatehawk/types.h"

/* Bytes of a request head copied into an event; covers a browser head with
 * a few cookies. The sensor copies min(payload, GH_SNAP_LEN). */
#define GH_SNAP_LEN 1024
/* HTTP ports the sensor watches at once. */
#define GH_MAX_HTTP_PORTS 16
/* Request heads looked for in one segment (pipelining). */
#define GH_MAX_HEADS_PER_SEGMENT 8
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
/* Shortest buffer that can hold a request start: "GET / HTTP/1.0\n". */
#define GH_MIN_REQUEST_LEN 16

enum gh_event_type {
	GH_EV_REQUEST = 1,  /* a request head snapshot */
	GH_EV_RESPONSE = 2, /* the status of the oldest sampled outstanding request */
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
	__u32 value;       /* request: payload bytes of the segment; response: status */
};

struct gh_request_event {
	struct gh_event_hdr hdr;
	char head[GH_SNAP_LEN];
};

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
	X(pipelined)         /* request starts found after the first in a segment */  \
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
 * Per-socket state (BPF_MAP_TYPE_SK_STORAGE): which outstanding requests on
 * the connection were sampled, as a bit queue, oldest at bit 0.
 */
struct sock_http_state {
	__u64 sampled_bits;
	__u32 outstanding;
	__u32 pad;
};

#endif /* GATEHAWK_SENSOR_H */
