/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Per-source counters kept exactly in the kernel: packets and SYNs from the
 * XDP gate, connections from sock_ops, requests, request bytes and response
 * classes from the cgroup_skb hooks. One LRU map (per-CPU values, summed in
 * user space) keyed by address; evictions are counted through src_meta.
 */
#ifndef GATEHAWK_SOURCES_H
#define GATEHAWK_SOURCES_H

#include "gatehawk/types.h"

#define GH_DEFAULT_MAX_SOURCES 65536
#define GH_MIN_MAX_SOURCES 64

/* IPv4 sources use addr[0..3] and family 4; the rest of addr is zero. */
struct src_key {
	__u8 addr[16];
	__u8 family; /* 4 or 6 */
	__u8 pad[3];
};

#define SRC_STATS_FIELDS(X)                                                    \
	X(packets)       /* frames that passed the gate */                     \
	X(syns)          /* TCP SYN without ACK */                             \
	X(conns)         /* established connections (passive open) */          \
	X(requests)      /* HTTP request heads seen on the HTTP ports */       \
	X(request_bytes) /* TCP payload bytes from this source on those ports */ \
	X(resp_2xx)                                                            \
	X(resp_3xx)                                                            \
	X(resp_4xx)                                                            \
	X(resp_5xx)

struct src_stats {
#define GH_SRC_MEMBER(name) __u64 name;
	SRC_STATS_FIELDS(GH_SRC_MEMBER)
#undef GH_SRC_MEMBER
	__u64 last_seen_ns; /* boottime clock; user space takes the max over CPUs */
};

/*
 * Sources ever inserted into src_stats (per CPU). The LRU map evicts without
 * telling anyone, so evictions = inserted - entries present now.
 */
struct src_meta {
	__u64 inserted;
};

#endif /* GATEHAWK_SOURCES_H */
