// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Heads the sensor saw in pieces (issue 15, finding 3): a kernel snapshot
 * cut inside its request line still gives the method and what came of the
 * target, a cut head is marked truncated (and says so in JSON), and the
 * parts of a head spread over segments are joined by socket and request
 * number, up to a lost part, before the head is decoded.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "gatehawk/sensor.h"
#include "input/http_head.h"
#include "base/event_clock.h"
#include "input/ringbuf_decode.h"
#include "tap.h"

/* ---- http_head_decode ---------------------------------------------------- */

/* Decode in[0..strlen) from an exact-size copy; desc: "method path query host
 * version ua truncated", "-" for each absent field. */
static int decode(const char *in, char *desc, size_t len)
{
	struct request_record r;
	size_t n = strlen(in);
	char *buf = malloc(n ? n : 1);
	int ret;

	memset(&r, 0, sizeof(r));
	memcpy(buf, in, n);
	ret = http_head_decode(buf, n, &r);
	snprintf(desc, len, "%.*s %.*s %.*s %.*s %.*s %.*s %s",
		 req_has(&r, REQ_METHOD) ? (int)r.method_str.len : 1,
		 req_has(&r, REQ_METHOD) ? r.method_str.p : "-",
		 req_has(&r, REQ_PATH) ? (int)r.path.len : 1, req_has(&r, REQ_PATH) ? r.path.p : "-",
		 req_has(&r, REQ_QUERY) ? (int)r.query.len : 1, req_has(&r, REQ_QUERY) ? r.query.p : "-",
		 req_has(&r, REQ_HOST) ? (int)r.host.len : 1, req_has(&r, REQ_HOST) ? r.host.p : "-",
		 req_has(&r, REQ_VERSION) ? (int)r.version.len : 1,
		 req_has(&r, REQ_VERSION) ? r.version.p : "-",
		 req_has(&r, REQ_USER_AGENT) ? (int)r.user_agent.len : 1,
		 req_has(&r, REQ_USER_AGENT) ? r.user_agent.p : "-", r.truncated ? "cut" : "whole");
	free(buf);
	return ret;
}

static void test_decode_cut(void)
{
	static const struct {
		const char *in, *want;
		int ret;
	} cases[] = {
		{ "GET /a HTTP/1.1\r\nUser-Agent: u\r\n\r\n", "GET /a - - HTTP/1.1 u whole", 0 },
		{ "GET /a HTTP/1.1\nUser-Agent: u\n\n", "GET /a - - HTTP/1.1 u whole", 0 },
		{ "GET /a HTTP/1.1\r\nUser-Agent: u\r\nCookie: c", "GET /a - - HTTP/1.1 u cut", 0 },
		{ "GET /a HTTP/1.1\r\nUser-Agent: u\r\n", "GET /a - - HTTP/1.1 u cut", 0 },
		{ "GET /a HTTP/1.1\r\n", "GET /a - - HTTP/1.1 - cut", 0 },
		{ "GET /a HTTP/1.1\r", "GET /a - - - - cut", 0 },
		{ "GET /a HTTP/1.1", "GET /a - - - - cut", 0 },
		{ "GET /a HT", "GET /a - - - - cut", 0 },
		{ "GET /wp-log", "GET /wp-log - - - - cut", 0 },
		{ "GET /search?q=ab", "GET /search q=ab - - - cut", 0 },
		{ "POST   /x", "POST /x - - - - cut", 0 },
		{ "GET http://example.com/adm", "GET /adm - example.com - - cut", 0 },
		{ "GET http://exam", "GET - - exam - - cut", 0 },
		{ "GET http://exam?x", "GET / x exam - - cut", 0 },
		{ "GET ", "GET - - - - - cut", 0 },
		{ "OPTIONS", "- - - - - - whole", -EMSGSIZE },
		{ "get /x", "- - - - - - whole", -EINVAL },
		{ "GET ?x", "- - - - - - whole", -EINVAL },
		{ "GET /a XTTP", "- - - - - - whole", -EINVAL },
	};
	char desc[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int ret = decode(cases[i].in, desc, sizeof(desc));

		ok(ret == cases[i].ret && !strcmp(desc, cases[i].want), "cut head %zu: %d '%s'", i,
		   cases[i].ret, cases[i].want);
		if (ret != cases[i].ret || strcmp(desc, cases[i].want))
			tap_diag("got %d '%s'", ret, desc);
	}
}

/* A NUL inside the cut request line: not a request (nginx: 400). */
static void test_decode_bad_bytes(void)
{
	static const char nul[] = "GET /a\0b";
	struct request_record r, before;

	memset(&r, 0x5a, sizeof(r));
	memcpy(&before, &r, sizeof(r));
	ok_eq(http_head_decode(nul, sizeof(nul) - 1, &r), -EINVAL, "a NUL in the request line");
	ok(!memcmp(&r, &before, sizeof(r)), "leaves the record untouched");
}

static void test_json(void)
{
	struct request_record r;
	struct json_object *o;

	memset(&r, 0, sizeof(r));
	http_head_decode("GET /a HT", 9, &r);
	o = request_to_json(&r);
	ok_str(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN),
	       "{\"method\":\"GET\",\"path\":\"\\/a\",\"target_form\":\"origin\",\"truncated\":true}",
	       "a cut head's JSON says \"truncated\": true");
	json_object_put(o);
	memset(&r, 0, sizeof(r));
	http_head_decode("GET /a HTTP/1.1\r\n\r\n", 19, &r);
	o = request_to_json(&r);
	ok(!json_object_object_get_ex(o, "truncated", NULL), "a whole head's JSON has no truncated");
	json_object_put(o);
}

/* ---- parts joined by the decoder ------------------------------------------ */

static struct {
	char path[16][64], ua[16][64];
	bool truncated[16];
	int n;
} seen;

static void on_record(const struct request_record *r, void *ctx)
{
	(void)ctx;
	if (seen.n >= 16)
		return;
	snprintf(seen.path[seen.n], sizeof(seen.path[0]), "%.*s",
		 req_has(r, REQ_PATH) ? (int)r->path.len : 0, r->path.p);
	snprintf(seen.ua[seen.n], sizeof(seen.ua[0]), "%.*s",
		 req_has(r, REQ_USER_AGENT) ? (int)r->user_agent.len : 0, r->user_agent.p);
	seen.truncated[seen.n] = r->truncated;
	seen.n++;
}

/* A head or a later part (type) of request req_seq on socket cookie; value:
 * for a part, the offset in the head it goes to. */
static void event(struct ringbuf_decoder *d, uint32_t type, uint64_t cookie, uint32_t req_seq,
		  uint32_t value, const char *bytes, size_t len)
{
	struct gh_request_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.hdr.type = type;
	ev.hdr.sock_cookie = cookie;
	ev.hdr.req_seq = req_seq;
	ev.hdr.value = value;
	ev.hdr.family = 4;
	inet_pton(AF_INET, "198.51.100.7", ev.hdr.saddr);
	ev.hdr.snap_len = (uint32_t)len;
	memcpy(ev.head, bytes, len);
	decoder_event(d, &ev, sizeof(ev));
}

#define HEAD(d, cookie, seq, s) event(d, GH_EV_REQUEST, cookie, seq, 0, s, strlen(s))
#define PART(d, cookie, seq, at, s) event(d, GH_EV_REQUEST_MORE, cookie, seq, at, s, strlen(s))

static struct ringbuf_decoder *fresh(void)
{
	static struct gh_event_clock clock; /* event time = boottime: any anchor does */

	memset(&seen, 0, sizeof(seen));
	return decoder_new(on_record, NULL, 64, 1000, &clock);
}

static void test_parts_join(void)
{
	struct ringbuf_decoder *d = fresh();

	HEAD(d, 1, 1, "GE");
	HEAD(d, 2, 1, "GET /other HTTP/1.1\r\n\r\n");
	PART(d, 1, 1, 2, "T /a HT");
	PART(d, 1, 1, 9, "TP/1.1\r\nUser-Agent: five\r\n");
	PART(d, 1, 1, 35, "\r\n");
	decoder_flush(d);
	ok(seen.n == 2 && !strcmp(seen.path[0], "/a") && !strcmp(seen.ua[0], "five") &&
		   !seen.truncated[0],
	   "a head in four parts, another socket's between them: joined whole");
	ok_eq(decoder_get_stats(d)->parts, 3, "three parts counted");
	ok_eq(decoder_get_stats(d)->truncated, 0, "nothing truncated");
	decoder_free(d);

	/* A part goes to its own request, not the newest on the socket. */
	d = fresh();
	HEAD(d, 1, 1, "GET /one HTTP/1.1\r\n");
	HEAD(d, 1, 2, "GET /two HTTP/1.1\r\n\r\n");
	PART(d, 1, 1, 19, "User-Agent: mine\r\n\r\n");
	decoder_flush(d);
	ok(seen.n == 2 && !strcmp(seen.ua[0], "mine") && !seen.truncated[0] && !seen.ua[1][0],
	   "a part joins its own request by number");
	decoder_free(d);
}

static void test_parts_lost(void)
{
	struct ringbuf_decoder *d = fresh();
	char big[GH_SNAP_LEN];

	HEAD(d, 1, 1, "GET /hole HTTP/1.1\r\n");
	PART(d, 1, 1, 40, "X: lost before me\r\n");
	PART(d, 1, 1, 19, "User-Agent: late\r\n\r\n");
	decoder_flush(d);
	ok(seen.n == 1 && !strcmp(seen.path[0], "/hole") && !seen.ua[0][0] && seen.truncated[0],
	   "a part that does not follow on leaves the head as far as it was whole: truncated");
	decoder_free(d);

	d = fresh();
	PART(d, 7, 1, 5, "orphan");
	PART(d, 1, 0, 0, "no number");
	HEAD(d, 1, 1, "GET /x HTTP/1.1\r\n\r\n");
	PART(d, 1, 3, 19, "other request");
	decoder_flush(d);
	ok_eq(decoder_get_stats(d)->orphan_parts, 3,
	      "parts of no waiting head (unknown socket, no number, other request) are orphans");
	ok(seen.n == 1 && !seen.truncated[0], "and change nothing");
	decoder_free(d);

	/* Parts never take a head past GH_SNAP_LEN. */
	d = fresh();
	memset(big, 'a', sizeof(big));
	memcpy(big, "GET /big HTTP/1.1\r\nX: ", 22);
	event(d, GH_EV_REQUEST, 1, 1, 0, big, GH_SNAP_LEN - 10);
	PART(d, 1, 1, GH_SNAP_LEN - 10, "aaaaaaaaaaaaaaaaaaaa\r\n\r\n");
	decoder_flush(d);
	ok(seen.n == 1 && !strcmp(seen.path[0], "/big") && seen.truncated[0],
	   "a part past the snapshot size is cut there: truncated");
	ok_eq(decoder_get_stats(d)->truncated, 1, "counted as truncated");
	decoder_free(d);
}

static void test_bad_parts(void)
{
	struct ringbuf_decoder *d = fresh();
	struct gh_request_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.hdr.type = GH_EV_REQUEST_MORE;
	ev.hdr.snap_len = GH_SNAP_LEN + 1;
	decoder_event(d, &ev, sizeof(ev));
	ev.hdr.snap_len = 1;
	decoder_event(d, &ev, sizeof(ev.hdr));
	ok_eq(decoder_get_stats(d)->bad_events, 2, "a part too long or too short is a bad event");
	decoder_free(d);
}

int main(void)
{
	test_decode_cut();
	test_decode_bad_bytes();
	test_json();
	test_parts_join();
	test_parts_lost();
	test_bad_parts();
	return tap_done();
}
