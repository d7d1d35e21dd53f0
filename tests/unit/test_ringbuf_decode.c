// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The sensor's event decoder: sampled heads wait for the status of their
 * response on the same socket, in order; overdue ones go on without one;
 * a full table pushes out the oldest; malformed heads are counted, dropped.
 * A freed slot is the next one taken, so requests answered as they come
 * share a slot or two, and arrival order holds across the holes answers leave.
 * Records carry event time: the kernel's boottime stamp on the daemon's
 * clock, which a step of the wall clock does not move.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "base/event_clock.h"
#include "gatehawk/sensor.h"
#include "input/ringbuf_decode.h"
#include "tap.h"

#define MAX_SEEN 32
#define S 1000000000ULL
#define REAL0 (1700000000ULL * S) /* the wall clock when the clock was anchored */
#define BOOT0 (500ULL * S)        /* boottime then */

static struct {
	char path[MAX_SEEN][64];
	uint16_t status[MAX_SEEN];
	bool has_status[MAX_SEEN];
	char src[MAX_SEEN][64];
	uint64_t ts[MAX_SEEN];
	const char *head_at[MAX_SEEN]; /* where the record's head lies: its slot */
	int n;
	int all;                       /* records, past MAX_SEEN too */
	const char *slots[MAX_SEEN];   /* distinct head addresses seen */
	int n_slots;
} seen;

static struct gh_event_clock clock;

static void on_record(const struct request_record *r, void *ctx)
{
	int i = 0;

	(void)ctx;
	seen.all++;
	while (i < seen.n_slots && seen.slots[i] != r->method_str.p)
		i++;
	if (i == seen.n_slots && seen.n_slots < MAX_SEEN)
		seen.slots[seen.n_slots++] = r->method_str.p;
	if (seen.n >= MAX_SEEN)
		return;
	seen.head_at[seen.n] = r->method_str.p;
	snprintf(seen.path[seen.n], sizeof(seen.path[0]), "%.*s", (int)r->path.len, r->path.p);
	seen.status[seen.n] = r->status;
	seen.has_status[seen.n] = req_has(r, REQ_STATUS);
	gh_addr_format(&r->src, seen.src[seen.n], sizeof(seen.src[0]));
	seen.ts[seen.n] = r->ts_ns;
	seen.n++;
}

/*
 * A request event as the sensor sends it, size bytes of it (the header and
 * snap_len bytes of head) in a buffer of just that size.
 */
static void request_sized(struct ringbuf_decoder *d, uint64_t cookie, uint64_t ts,
			  const char *head, size_t size)
{
	struct gh_request_event ev;
	void *exact;

	memset(&ev, 0, sizeof(ev));
	ev.hdr.type = GH_EV_REQUEST;
	ev.hdr.ts_ns = ts;
	ev.hdr.sock_cookie = cookie;
	ev.hdr.family = 4;
	inet_pton(AF_INET, "198.51.100.7", ev.hdr.saddr);
	inet_pton(AF_INET, "192.0.2.1", ev.hdr.daddr);
	ev.hdr.sport = 40000;
	ev.hdr.dport = 80;
	ev.hdr.snap_len = (uint32_t)strlen(head);
	memcpy(ev.head, head, strlen(head));
	exact = malloc(size);
	if (!exact)
		abort();
	memcpy(exact, &ev, size);
	decoder_event(d, exact, size);
	free(exact);
}

static void request(struct ringbuf_decoder *d, uint64_t cookie, uint64_t ts, const char *head)
{
	request_sized(d, cookie, ts, head, GH_REQUEST_EVENT_SIZE(strlen(head)));
}

static void response(struct ringbuf_decoder *d, uint64_t cookie, uint32_t status)
{
	struct gh_event_hdr h = { .type = GH_EV_RESPONSE, .sock_cookie = cookie, .value = status,
				  .family = 4 };

	decoder_event(d, &h, sizeof(h));
}

static struct ringbuf_decoder *fresh(uint32_t max_pending)
{
	memset(&seen, 0, sizeof(seen));
	gh_event_clock_init(&clock, REAL0, BOOT0);
	return decoder_new(on_record, NULL, max_pending, 1000, &clock);
}

static void test_join_in_order(void)
{
	struct ringbuf_decoder *d = fresh(64);

	request(d, 1, 10, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
	request(d, 2, 11, "GET /other HTTP/1.1\r\nHost: x\r\n\r\n");
	request(d, 1, 12, "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
	ok_eq(seen.n, 0, "requests wait for their response");
	response(d, 1, 404);
	response(d, 1, 200);
	response(d, 2, 301);
	ok_eq(seen.n, 3, "three responses hand on three records");
	ok_str(seen.path[0], "/a", "the first response on a socket answers its oldest request");
	ok_eq(seen.status[0], 404, "with that status");
	ok_str(seen.path[1], "/b", "the second answers the next one");
	ok_eq(seen.status[1], 200, "with its own status");
	ok(!strcmp(seen.path[2], "/other") && seen.status[2] == 301, "other sockets are separate");
	ok_str(seen.src[0], "198.51.100.7", "the record carries the client address");
	ok_eq(decoder_get_stats(d)->with_status, 3, "three joined");
	response(d, 3, 200);
	ok_eq(decoder_get_stats(d)->orphan_responses, 1, "a response with no request is an orphan");
	decoder_free(d);
}

static void test_timeout_and_flush(void)
{
	struct ringbuf_decoder *d = fresh(64);

	request(d, 1, 100, "GET /slow HTTP/1.1\r\n\r\n");
	request(d, 2, 1500, "GET /fresh HTTP/1.1\r\n\r\n");
	decoder_expire(d, 1099);
	ok_eq(seen.n, 0, "nothing is overdue before the timeout");
	decoder_expire(d, 1100);
	ok(seen.n == 1 && !strcmp(seen.path[0], "/slow") && !seen.has_status[0],
	   "an overdue request goes on without a status");
	ok_eq(decoder_get_stats(d)->unanswered, 1, "and is counted as unanswered");
	decoder_flush(d);
	ok(seen.n == 2 && !strcmp(seen.path[1], "/fresh"), "flush hands on the rest");
	response(d, 2, 200);
	ok_eq(decoder_get_stats(d)->orphan_responses, 1, "a late status finds nothing to join");
	decoder_free(d);
}

static void test_full_table(void)
{
	struct ringbuf_decoder *d = fresh(64);
	char head[64];

	for (int i = 0; i < 65; i++) {
		snprintf(head, sizeof(head), "GET /%d HTTP/1.1\r\n\r\n", i);
		request(d, 100 + (uint64_t)i, 10, head);
	}
	ok(seen.n == 1 && !strcmp(seen.path[0], "/0"), "a full table pushes out the oldest first");
	ok_eq(decoder_get_stats(d)->pending_full, 1, "counted as pending_full");
	response(d, 164, 200);
	ok(seen.n == 2 && !strcmp(seen.path[1], "/64") && seen.status[1] == 200,
	   "the newest still joins its response");
	decoder_free(d);
}

/* Requests answered as they come: one slot serves them all. */
static void test_slot_reuse(void)
{
	struct ringbuf_decoder *d = fresh(4096);

	for (uint64_t i = 0; i < 1000; i++) {
		request(d, 1 + i % 8, 10 + i, "GET /n HTTP/1.1\r\nHost: x\r\n\r\n");
		response(d, 1 + i % 8, 200);
	}
	ok_eq(seen.all, 1000, "1000 answered requests handed on");
	ok_eq(seen.n_slots, 1, "all in one slot of the 4096 (%d distinct)", seen.n_slots);
	decoder_free(d);
}

/* An answer in the middle leaves a hole: the next request takes its slot,
 * and the overdue ones around it still go in arrival order. */
static void test_order_across_holes(void)
{
	struct ringbuf_decoder *d = fresh(64);

	request(d, 1, 10, "GET /1 HTTP/1.1\r\n\r\n");
	request(d, 2, 20, "GET /2 HTTP/1.1\r\n\r\n");
	request(d, 3, 30, "GET /3 HTTP/1.1\r\n\r\n");
	response(d, 2, 200);
	request(d, 4, 40, "GET /4 HTTP/1.1\r\n\r\n");
	decoder_expire(d, 1030);
	ok(seen.n == 3 && !strcmp(seen.path[1], "/1") && !strcmp(seen.path[2], "/3") &&
		   !seen.has_status[1] && !seen.has_status[2],
	   "overdue: /1 then /3, without a status, past the answered /2 (%d records)", seen.n);
	decoder_flush(d);
	ok(seen.n == 4 && !strcmp(seen.path[3], "/4"), "then /4, last in");
	ok(seen.n == 4 && seen.head_at[3] == seen.head_at[0],
	   "/4 took the slot /2 left, the last freed");
	ok_eq(decoder_get_stats(d)->unanswered, 3, "three went on unanswered");
	decoder_free(d);
}

/* Requests from..to-1, each answered as it comes, on four sockets. */
static void answered(struct ringbuf_decoder *d, uint64_t from, uint64_t to)
{
	for (uint64_t i = from; i < to; i++) {
		request(d, 1 + i % 4, 20 + i, "GET /n HTTP/1.1\r\n\r\n");
		response(d, 1 + i % 4, 204);
	}
}

/* One request never answered, then a stream answered as it comes: the
 * arrival order wraps behind it, and it is pushed out, not a live slot lost. */
static void test_stuck_head(void)
{
	struct ringbuf_decoder *d = fresh(64);
	const struct decoder_stats *st = decoder_get_stats(d);

	request(d, 99, 10, "GET /stuck HTTP/1.1\r\n\r\n");
	answered(d, 0, 63);
	ok(seen.all == 63 && st->pending_full == 0,
	   "63 answered behind it: all handed on, nothing pushed out (records %d)", seen.all);
	answered(d, 63, 64);
	ok(seen.all == 65 && st->pending_full == 1 && st->with_status == 64,
	   "the 64th wraps the order: the unanswered head goes on, then the 64th with its status "
	   "(records %d, pushed out %llu)", seen.all, (unsigned long long)st->pending_full);
	answered(d, 64, 200);
	decoder_flush(d);
	ok(seen.all == 201 && st->with_status == 200 && st->pending_full == 1,
	   "200 joined their status, nothing left to flush (records %d)", seen.all);
	ok_eq(seen.n_slots, 2, "in two slots: the stuck one's and one for the rest (%d)",
	      seen.n_slots);
	decoder_free(d);
}

static void test_bad_input(void)
{
	struct ringbuf_decoder *d = fresh(64);
	struct gh_event_hdr h = { .type = 99 };

	request(d, 1, 10, "\x16\x03\x01 not http at all");
	response(d, 1, 200);
	ok_eq(seen.n, 0, "a malformed head is not handed on");
	ok_eq(decoder_get_stats(d)->malformed, 1, "it is counted as malformed");
	decoder_event(d, &h, sizeof(h));
	decoder_event(d, &h, 3);
	ok_eq(decoder_get_stats(d)->bad_events, 2, "unknown types and short events are counted");
	decoder_free(d);
}

/* A request event is its header and snap_len bytes: one byte less is refused. */
static void test_event_size(void)
{
	const char *head = "GET /sized HTTP/1.1\r\n\r\n";
	struct ringbuf_decoder *d = fresh(64);

	request_sized(d, 1, 10, head, GH_REQUEST_EVENT_SIZE(strlen(head)) - 1);
	ok_eq(decoder_get_stats(d)->bad_events, 1, "a head one byte short of its snap_len is refused");
	ok_eq(decoder_get_stats(d)->requests, 0, "and not taken as a request");
	request_sized(d, 2, 10, head, GH_REQUEST_EVENT_SIZE(strlen(head)));
	response(d, 2, 200);
	ok(seen.n == 1 && !strcmp(seen.path[0], "/sized") && seen.status[0] == 200,
	   "a head of exactly its header and snap_len bytes is decoded");
	request_sized(d, 3, 10, head, sizeof(struct gh_request_event));
	response(d, 3, 204);
	ok(seen.n == 2 && !strcmp(seen.path[1], "/sized"), "as is one with room to spare");
	decoder_free(d);
}

/* The wall clock stepped an hour ahead between two requests a second apart. */
static void test_event_time(void)
{
	struct ringbuf_decoder *d = fresh(64);

	request(d, 1, BOOT0 + 2 * S, "GET /a HTTP/1.1\r\n\r\n");
	response(d, 1, 200);
	gh_event_clock_sync(&clock, REAL0 + 3600 * S + 3 * S, BOOT0 + 3 * S);
	request(d, 2, BOOT0 + 3 * S, "GET /b HTTP/1.1\r\n\r\n");
	response(d, 2, 200);
	ok(seen.n == 2 && seen.ts[0] == REAL0 + 2 * S,
	   "a record's time is its boottime stamp on the anchored wall clock");
	ok(seen.n == 2 && seen.ts[1] > seen.ts[0] && seen.ts[1] - seen.ts[0] <= S + S / 5,
	   "a second later after a 1 h step of the wall clock: about a second later, not an hour "
	   "(%.3f s)", seen.n == 2 ? (double)(seen.ts[1] - seen.ts[0]) / S : 0.0);
	decoder_free(d);
}

int main(void)
{
	test_join_in_order();
	test_timeout_and_flush();
	test_full_table();
	test_slot_reuse();
	test_order_across_holes();
	test_stuck_head();
	test_bad_input();
	test_event_size();
	test_event_time();
	return tap_done();
}
