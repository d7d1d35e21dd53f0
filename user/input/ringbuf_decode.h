/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Ring-buffer events from the HTTP sensor to request records.
 *
 * A sampled request head waits in a bounded pending table until the status
 * of the response on the same socket arrives (the kernel sends statuses of
 * sampled requests only, in request order), then is parsed and handed on
 * with its status. A request whose response does not come within the answer
 * timeout, or that is pushed out of a full table, goes on without a status.
 *
 * A head the client spread over several segments comes as its first part and
 * further parts (GH_EV_REQUEST_MORE, joined by socket and request number)
 * that are appended while it waits. A head cut short (by the snapshot size,
 * or inside its request line) is decoded as far as it goes and handed on
 * with `truncated` set.
 */
#ifndef GATEHAWK_RINGBUF_DECODE_H
#define GATEHAWK_RINGBUF_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "input/request.h"

#define GH_DEFAULT_MAX_PENDING 4096
#define GH_DEFAULT_ANSWER_TIMEOUT_NS (5ULL * 1000000000ULL)

#define DECODER_STATS_FIELDS(X)                                                 \
	X(requests)         /* request events received */                       \
	X(responses)        /* response events received */                      \
	X(decoded)          /* records handed on */                             \
	X(malformed)        /* heads the parser refused, dropped */             \
	X(truncated)        /* records of heads cut short, handed on partial */ \
	X(parts)            /* later parts of heads received */                 \
	X(orphan_parts)     /* parts with no waiting head to join */            \
	X(with_status)      /* records joined to their response */              \
	X(unanswered)       /* records handed on without a status (timeout) */  \
	X(pending_full)     /* records pushed out of a full pending table */    \
	X(orphan_responses) /* statuses with no pending request */              \
	X(bad_events)       /* events of unknown type or size, statuses outside 100..999 */

struct decoder_stats {
#define GH_DECODER_MEMBER(name) uint64_t name;
	DECODER_STATS_FIELDS(GH_DECODER_MEMBER)
#undef GH_DECODER_MEMBER
};

/* Called for each decoded record; its strings live until the call returns. */
typedef void (*record_fn)(const struct request_record *rec, void *ctx);

struct ringbuf_decoder;

struct gh_event_clock;

/*
 * clock turns the kernel's boottime stamps into records' event time
 * (base/event_clock.h); the caller owns and syncs it, and keeps it alive.
 */
struct ringbuf_decoder *decoder_new(record_fn fn, void *ctx, uint32_t max_pending,
				    uint64_t answer_timeout_ns, const struct gh_event_clock *clock);
void decoder_free(struct ringbuf_decoder *d);
/* One ring-buffer sample (libbpf ring_buffer callback body). */
int decoder_event(struct ringbuf_decoder *d, const void *data, size_t size);
/* Hand on requests whose answer is overdue at now (boottime ns). */
void decoder_expire(struct ringbuf_decoder *d, uint64_t now_boot_ns);
/* Hand on everything still pending (at exit). */
void decoder_flush(struct ringbuf_decoder *d);
const struct decoder_stats *decoder_get_stats(const struct ringbuf_decoder *d);

#endif /* GATEHAWK_RINGBUF_DECODE_H */
