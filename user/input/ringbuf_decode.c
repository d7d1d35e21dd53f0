// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/event_clock.h"
#include "gatehawk/sensor.h"
#include "input/http_head.h"
#include "input/ringbuf_decode.h"

/* A sampled request waiting for its status. */
struct pending {
	struct gh_request_event ev;
	uint64_t seq;  /* arrival order */
	int32_t hnext; /* next slot in the same cookie bucket, -1 at the end */
	bool holed;    /* a part of the head was lost: nothing more is appended */
};

/*
 * The slots (a 1 KB head each) are a pool that hands out the one freed last:
 * while requests are answered as they come, a few slots serve them all and
 * stay in the cache, instead of a ring of max_pending slots cycled through
 * (4.5 MB by default: first touched, page by page, and then cold, at every
 * request). Arrival order is a ring of slot numbers beside it.
 */
struct ringbuf_decoder {
	record_fn fn;
	void *ctx;
	struct pending *slots;
	int32_t *free;         /* the free slots, a stack: the last freed on top */
	uint32_t n_free;
	int32_t *order;        /* seq & mask -> its slot, -1 once handed on */
	int32_t *buckets;      /* cookie hash -> first slot, -1 when empty */
	uint32_t mask;
	uint64_t head, tail;   /* oldest seq still held, next seq */
	uint64_t timeout_ns;
	const struct gh_event_clock *clock; /* kernel boottime stamps -> event time */
	struct decoder_stats stats;
};

struct ringbuf_decoder *decoder_new(record_fn fn, void *ctx, uint32_t max_pending,
				    uint64_t answer_timeout_ns, const struct gh_event_clock *clock)
{
	struct ringbuf_decoder *d = calloc(1, sizeof(*d));
	uint32_t cap = 64;

	if (!d)
		return NULL;
	while (cap < max_pending && cap < (1U << 20))
		cap <<= 1;
	d->slots = malloc(cap * sizeof(*d->slots));
	d->free = malloc(cap * sizeof(*d->free));
	d->order = malloc(cap * sizeof(*d->order));
	d->buckets = malloc(cap * sizeof(*d->buckets));
	if (!d->slots || !d->free || !d->order || !d->buckets) {
		decoder_free(d);
		return NULL;
	}
	memset(d->buckets, 0xff, cap * sizeof(*d->buckets));
	/* Slot 0 on top: the first ones handed out are the first in memory. */
	for (uint32_t i = 0; i < cap; i++)
		d->free[i] = (int32_t)(cap - 1 - i);
	d->n_free = cap;
	d->mask = cap - 1;
	d->fn = fn;
	d->ctx = ctx;
	d->timeout_ns = answer_timeout_ns;
	d->clock = clock;
	return d;
}

void decoder_free(struct ringbuf_decoder *d)
{
	if (!d)
		return;
	free(d->slots);
	free(d->free);
	free(d->order);
	free(d->buckets);
	free(d);
}

const struct decoder_stats *decoder_get_stats(const struct ringbuf_decoder *d)
{
	return &d->stats;
}

static uint32_t bucket_of(const struct ringbuf_decoder *d, uint64_t cookie)
{
	return (uint32_t)((cookie * 0x9e3779b97f4a7c15ULL) >> 32) & d->mask;
}

/* A slot whose record was handed on goes back to the pool. */
static void release(struct ringbuf_decoder *d, int32_t idx)
{
	struct pending *p = &d->slots[idx];
	int32_t *link = &d->buckets[bucket_of(d, p->ev.hdr.sock_cookie)];

	while (*link >= 0 && *link != idx)
		link = &d->slots[*link].hnext;
	if (*link == idx)
		*link = p->hnext;
	d->order[p->seq & d->mask] = -1;
	d->free[d->n_free++] = idx;
}

/* Parse the head and hand the record on (status 0: not known); false if malformed. */
static bool emit(struct ringbuf_decoder *d, const struct gh_request_event *ev, uint32_t status)
{
	const struct gh_event_hdr *h = &ev->hdr;
	int family = h->family == 4 ? AF_INET : AF_INET6;
	struct request_record rec;

	memset(&rec, 0, sizeof(rec));
	if (http_head_decode(ev->head, h->snap_len, &rec)) {
		d->stats.malformed++;
		return false;
	}
	d->stats.truncated += rec.truncated;
	rec.ts_ns = gh_event_time(d->clock, h->ts_ns);
	gh_addr_from_bytes(&rec.src, family, h->saddr);
	gh_addr_from_bytes(&rec.dst, family, h->daddr);
	rec.src_port = h->sport;
	rec.dst_port = h->dport;
	rec.sock_cookie = h->sock_cookie;
	/* The kernel reads only cleartext HTTP; TLS sites come in through logs. */
	req_set_str(&rec, REQ_SCHEME, &rec.scheme, "http", 4);
	rec.present |= REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_DST_IP) |
		       REQ_BIT(REQ_SRC_PORT) | REQ_BIT(REQ_DST_PORT);
	if (status) {
		rec.status = (uint16_t)status;
		rec.present |= REQ_BIT(REQ_STATUS);
		d->stats.with_status++;
	}
	d->stats.decoded++;
	d->fn(&rec, d->ctx);
	return true;
}

/* Step past the handed-on requests at the front of the arrival order. */
static void advance_head(struct ringbuf_decoder *d)
{
	while (d->head < d->tail && d->order[d->head & d->mask] < 0)
		d->head++;
}

static void add_request(struct ringbuf_decoder *d, const struct gh_request_event *ev)
{
	struct pending *p;
	uint32_t b;
	int32_t idx;

	if (d->tail - d->head > d->mask) {
		/* Full: the oldest goes on without waiting any longer. */
		idx = d->order[d->head & d->mask];
		if (emit(d, &d->slots[idx].ev, 0))
			d->stats.pending_full++;
		release(d, idx);
		advance_head(d);
	}
	/* Fewer than mask + 1 in the arrival order: a slot is free. */
	idx = d->free[--d->n_free];
	d->order[d->tail & d->mask] = idx;
	p = &d->slots[idx];
	/* The bytes the kernel filled, not the whole GH_SNAP_LEN: a browser's
	 * head is half of it, and every request takes a slot of its own. */
	p->ev.hdr = ev->hdr;
	memcpy(p->ev.head, ev->head, ev->hdr.snap_len);
	p->seq = d->tail++;
	p->holed = false;
	b = bucket_of(d, ev->hdr.sock_cookie);
	p->hnext = d->buckets[b];
	d->buckets[b] = idx;
}

/* A later part of a waiting head: same socket, same request number. */
static void add_part(struct ringbuf_decoder *d, const struct gh_request_event *ev)
{
	const struct gh_event_hdr *h = &ev->hdr;
	struct gh_request_event *head;
	struct pending *p = NULL;
	uint32_t n;

	for (int32_t i = d->buckets[bucket_of(d, h->sock_cookie)]; i >= 0 && h->req_seq;
	     i = d->slots[i].hnext)
		if (d->slots[i].ev.hdr.sock_cookie == h->sock_cookie &&
		    d->slots[i].ev.hdr.req_seq == h->req_seq) {
			p = &d->slots[i];
			break;
		}
	if (!p) {
		d->stats.orphan_parts++;
		return;
	}
	head = &p->ev;
	/* A part that does not follow on (one before it was lost to a full
	 * ring) would leave a hole: the head stays as far as it is whole. */
	if (p->holed || h->value != head->hdr.snap_len) {
		p->holed = true;
		return;
	}
	n = h->snap_len;
	if (n > GH_SNAP_LEN - head->hdr.snap_len)
		n = GH_SNAP_LEN - head->hdr.snap_len;
	memcpy(head->head + head->hdr.snap_len, ev->head, n);
	head->hdr.snap_len += n;
}

static void add_response(struct ringbuf_decoder *d, const struct gh_event_hdr *h)
{
	int32_t best = -1;

	for (int32_t i = d->buckets[bucket_of(d, h->sock_cookie)]; i >= 0; i = d->slots[i].hnext)
		if (d->slots[i].ev.hdr.sock_cookie == h->sock_cookie &&
		    (best < 0 || d->slots[i].seq < d->slots[best].seq))
			best = i;
	if (best < 0) {
		d->stats.orphan_responses++;
		return;
	}
	emit(d, &d->slots[best].ev, h->value);
	release(d, best);
	advance_head(d);
}

int decoder_event(struct ringbuf_decoder *d, const void *data, size_t size)
{
	const struct gh_event_hdr *h = data;

	if (size < sizeof(*h)) {
		d->stats.bad_events++;
		return 0;
	}
	/* A request event holds its header and snap_len bytes of head, no more. */
	if (h->type == GH_EV_REQUEST && h->snap_len <= GH_SNAP_LEN &&
	    size >= GH_REQUEST_EVENT_SIZE(h->snap_len) && (h->family == 4 || h->family == 6)) {
		d->stats.requests++;
		add_request(d, data);
	} else if (h->type == GH_EV_REQUEST_MORE && h->snap_len <= GH_SNAP_LEN &&
		   size >= GH_REQUEST_EVENT_SIZE(h->snap_len)) {
		d->stats.parts++;
		add_part(d, data);
	} else if (h->type == GH_EV_RESPONSE && h->value >= 100 && h->value <= 999) {
		/* Only a real status answers a request: the sensor sends 200..599. */
		d->stats.responses++;
		add_response(d, h);
	} else {
		d->stats.bad_events++;
	}
	return 0;
}

void decoder_expire(struct ringbuf_decoder *d, uint64_t now_boot_ns)
{
	while (d->head < d->tail) {
		int32_t idx = d->order[d->head & d->mask];

		if (idx >= 0) {
			struct pending *p = &d->slots[idx];
			uint64_t due;

			/* Saturating: a stamp near the clock's end must not wrap to overdue. */
			if (__builtin_add_overflow(p->ev.hdr.ts_ns, d->timeout_ns, &due))
				due = UINT64_MAX;
			if (due > now_boot_ns)
				break;
			if (emit(d, &p->ev, 0))
				d->stats.unanswered++;
			release(d, idx);
		}
		d->head++;
	}
}

void decoder_flush(struct ringbuf_decoder *d)
{
	decoder_expire(d, UINT64_MAX);
}
