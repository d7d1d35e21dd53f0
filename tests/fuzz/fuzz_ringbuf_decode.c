// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libFuzzer target for the sensor's event decoder (ringbuf_decode.h). The
 * input is a script of events as sock_http.bpf.c emits them (request heads,
 * response statuses), raw byte blobs of any size handed over as events, and
 * expiry ticks. A model of the pending table runs beside the decoder and
 * says, for every call, which records must come out, in which order, with
 * which status; the target traps when the decoder disagrees:
 *  - each record is the snapshot parsed on its own (http_head_decode of an
 *    exact-size copy, so nothing past snap_len is read), carries the
 *    event's addresses, ports and cookie, scheme "http", and a status only
 *    when a response with a real status (100..999) answered it;
 *  - a response answers the oldest pending request of its socket; a full
 *    table pushes out the oldest; expiry hands on, in arrival order, what
 *    is overdue (stamped at least the timeout before now, never an event
 *    stamped after now) and stops at the first that is not;
 *  - every counter of decoder_stats ends equal to the model's.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/vec.h"
#include "gatehawk/sensor.h"
#include "input/http_head.h"
#include "base/event_clock.h"
#include "input/ringbuf_decode.h"
#include "fuzz_checks.h"

#define MS 1000000ULL
#define COOKIES 16 /* few sockets, so responses find their requests */

/* A request the decoder took, as the model holds it. */
struct held {
	struct gh_event_hdr hdr;
	char *head;                 /* exact-size copy of the snapshot */
	struct request_record want; /* http_head_parse of head */
	bool parses, live;
};

struct expected {
	size_t idx;
	uint32_t status; /* 0: none */
};

struct model {
	struct held *v; /* every request taken, in arrival order (index = decoder seq) */
	size_t n, cap, oldest_live;
	uint32_t ring; /* the decoder's table size */
	uint64_t timeout_ns;
	struct expected *want; /* records the current decoder call must hand on */
	size_t nwant, want_cap, next;
	struct decoder_stats st;
};

struct script {
	const uint8_t *p;
	size_t left;
};

/* The next n script bytes into out, zeros once the script is used up. */
static void take(struct script *s, void *out, size_t n)
{
	size_t k = n < s->left ? n : s->left;

	memcpy(out, s->p, k);
	memset((char *)out + k, 0, n - k);
	s->p += k;
	s->left -= k;
}

static uint32_t take_u8(struct script *s)
{
	uint8_t b;

	take(s, &b, 1);
	return b;
}

static uint32_t take_u16(struct script *s)
{
	return take_u8(s) | take_u8(s) << 8;
}

static bool same_str(struct gh_str a, struct gh_str b)
{
	return a.len == b.len && !memcmp(a.p, b.p, a.len);
}

static void check_record(const struct request_record *r, const struct held *h, uint32_t status)
{
	uint32_t own = REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_DST_IP) |
		       REQ_BIT(REQ_SRC_PORT) | REQ_BIT(REQ_DST_PORT) | REQ_BIT(REQ_SCHEME) |
		       (status ? REQ_BIT(REQ_STATUS) : 0);
	int family = h->hdr.family == 4 ? AF_INET : AF_INET6;
	struct gh_addr src, dst;
	struct gh_str a, b;
	uint64_t x, y;

	check(r->present == (own | (h->want.present & HTTP_HEAD_FIELDS)));
	for (int f = 0; f < REQ_FIELD_COUNT; f++) {
		if (!(HTTP_HEAD_FIELDS & REQ_BIT(f)) || !req_has(r, f))
			continue;
		if (req_get_str(r, f, &a))
			check(req_get_str(&h->want, f, &b) && same_str(a, b));
		else
			check(req_get_num(r, f, &x) && req_get_num(&h->want, f, &y) && x == y);
	}
	check(r->method == h->want.method);
	gh_addr_from_bytes(&src, family, h->hdr.saddr);
	gh_addr_from_bytes(&dst, family, h->hdr.daddr);
	check(gh_addr_equal(&r->src, &src) && gh_addr_equal(&r->dst, &dst));
	check(r->src_port == h->hdr.sport && r->dst_port == h->hdr.dport);
	check(r->sock_cookie == h->hdr.sock_cookie);
	check(same_str(r->scheme, GH_STR_LIT("http")));
	check(r->status == status);
}

static void on_record(const struct request_record *r, void *ctx)
{
	struct model *m = ctx;
	const struct expected *e;

	check(m->next < m->nwant);
	e = &m->want[m->next++];
	check_record(r, &m->v[e->idx], e->status);
}

static void skip_dead(struct model *m)
{
	while (m->oldest_live < m->n && !m->v[m->oldest_live].live)
		m->oldest_live++;
}

/* The decoder hands held request idx on (or drops it if it does not parse). */
static bool model_emit(struct model *m, size_t idx, uint32_t status)
{
	m->v[idx].live = false;
	if (!m->v[idx].parses) {
		m->st.malformed++;
		return false;
	}
	check(!gh_vec_reserve((void **)&m->want, &m->want_cap, m->nwant, sizeof(*m->want), 16));
	m->want[m->nwant++] = (struct expected){ idx, status };
	m->st.decoded++;
	m->st.truncated += m->v[idx].want.truncated;
	m->st.with_status += status != 0;
	return true;
}

static void model_request(struct model *m, const struct gh_request_event *ev)
{
	struct held *h;

	check(!gh_vec_reserve((void **)&m->v, &m->cap, m->n, sizeof(*m->v), 16));
	h = &m->v[m->n];
	m->st.requests++;
	if (m->oldest_live < m->n && m->n - m->oldest_live >= m->ring) {
		m->st.pending_full += model_emit(m, m->oldest_live, 0);
		skip_dead(m);
	}
	h->hdr = ev->hdr;
	h->want = (struct request_record){ 0 };
	h->head = malloc(ev->hdr.snap_len ? ev->hdr.snap_len : 1);
	check(h->head);
	memcpy(h->head, ev->head, ev->hdr.snap_len);
	h->parses = !http_head_decode(h->head, ev->hdr.snap_len, &h->want);
	h->live = true;
	m->n++;
}

static void model_response(struct model *m, const struct gh_event_hdr *hdr)
{
	m->st.responses++;
	for (size_t i = m->oldest_live; i < m->n; i++) {
		if (m->v[i].live && m->v[i].hdr.sock_cookie == hdr->sock_cookie) {
			model_emit(m, i, hdr->value);
			skip_dead(m);
			return;
		}
	}
	m->st.orphan_responses++;
}

/* Overdue requests up to the first that is not; flush: every one. */
static void model_expire(struct model *m, uint64_t now, bool flush)
{
	for (; m->oldest_live < m->n; m->oldest_live++) {
		struct held *h = &m->v[m->oldest_live];

		if (!h->live)
			continue;
		if (!flush && (h->hdr.ts_ns > now || now - h->hdr.ts_ns < m->timeout_ns))
			break;
		m->st.unanswered += model_emit(m, m->oldest_live, 0);
	}
}

/* What the decoder does with an event of this size, per sensor.h. */
static void model_event(struct model *m, const void *data, size_t size)
{
	struct gh_request_event ev;

	if (size < sizeof(ev.hdr)) {
		m->st.bad_events++;
		return;
	}
	memcpy(&ev.hdr, data, sizeof(ev.hdr));
	if (ev.hdr.type == GH_EV_REQUEST && ev.hdr.snap_len <= GH_SNAP_LEN &&
	    size >= sizeof(ev.hdr) + ev.hdr.snap_len && (ev.hdr.family == 4 || ev.hdr.family == 6)) {
		memcpy(&ev, data, sizeof(ev.hdr) + ev.hdr.snap_len);
		model_request(m, &ev);
	} else if (ev.hdr.type == GH_EV_RESPONSE && ev.hdr.value >= 100 && ev.hdr.value <= 999) {
		model_response(m, &ev.hdr);
	} else {
		m->st.bad_events++;
	}
}

/* Run one decoder call after the model has said what it must hand on. */
static void expect_done(struct model *m)
{
	check(m->next == m->nwant);
	m->next = m->nwant = 0;
}

static void event(struct model *m, struct ringbuf_decoder *d, const void *data, size_t size)
{
	model_event(m, data, size);
	decoder_event(d, data, size);
	expect_done(m);
}

/*
 * A request event in a buffer of its own: as the sensor sends it (the header
 * and snap_len bytes, so that reading past them is an ASan error), or, when
 * whole, as the struct, filler and all; now and then a byte short.
 */
static void event_sized(struct model *m, struct ringbuf_decoder *d,
			const struct gh_request_event *ev, uint32_t how)
{
	size_t size = sizeof(*ev);
	void *buf;

	if (!(how & 4) && ev->hdr.snap_len <= GH_SNAP_LEN)
		size = GH_REQUEST_EVENT_SIZE(ev->hdr.snap_len) - (how & 8 ? 1 : 0);
	buf = malloc(size);
	check(buf);
	memcpy(buf, ev, size);
	event(m, d, buf, size);
	free(buf);
}

/*
 * A request head as the sensor sends it: the script picks the socket, the
 * family, the time step and the snapshot; what follows the snapshot in
 * head[] is filler a decoder reading too far would take into a field.
 */
static void script_request(struct script *s, struct model *m, struct ringbuf_decoder *d,
			   uint64_t *clock)
{
	struct gh_request_event ev;
	uint32_t cookie = take_u8(s) % COOKIES, flags = take_u8(s);

	memset(&ev, 'A', sizeof(ev));
	memset(&ev.hdr, 0, sizeof(ev.hdr));
	ev.hdr.type = GH_EV_REQUEST;
	*clock += take_u8(s) * 10 * MS;
	ev.hdr.ts_ns = *clock - (flags & 2 ? 3 * MS : 0); /* CPUs stamp a little out of order */
	ev.hdr.sock_cookie = 0x5eed0000ULL + cookie;
	ev.hdr.family = flags & 1 ? 6 : 4;
	for (int i = 0; i < 16; i++) {
		ev.hdr.saddr[i] = (uint8_t)(cookie * 7 + i);
		ev.hdr.daddr[i] = (uint8_t)(0xc0 + i);
	}
	ev.hdr.sport = (uint16_t)(40000 + cookie);
	ev.hdr.dport = 80;
	ev.hdr.snap_len = take_u16(s) % (GH_SNAP_LEN + 32); /* now and then too long */
	take(s, ev.head, ev.hdr.snap_len < GH_SNAP_LEN ? ev.hdr.snap_len : GH_SNAP_LEN);
	ev.hdr.value = ev.hdr.snap_len;
	event_sized(m, d, &ev, flags & 12);
}

static void script_response(struct script *s, struct model *m, struct ringbuf_decoder *d)
{
	struct gh_event_hdr h = { .type = GH_EV_RESPONSE, .family = 4 };
	uint32_t cookie = take_u8(s) % COOKIES, v = take_u16(s);

	h.sock_cookie = 0x5eed0000ULL + cookie;
	/* Mostly what status_line() lets through, now and then anything. */
	h.value = v < 0xf000 ? 200 + v % 400 : v * 0x10001U;
	event(m, d, &h, sizeof(h));
}

/* Bytes of the script as one event of the size the script says, in an exact-size buffer. */
static void script_raw(struct script *s, struct model *m, struct ringbuf_decoder *d)
{
	size_t size = take_u16(s) % (sizeof(struct gh_request_event) + 64);
	void *buf = malloc(size ? size : 1);

	check(buf);
	take(s, buf, size);
	/* Later parts of a head join it (the model has no parts): raw ones are junk. */
	if (size >= sizeof(struct gh_event_hdr) &&
	    ((struct gh_event_hdr *)buf)->type == GH_EV_REQUEST_MORE)
		((struct gh_event_hdr *)buf)->type = 0xff;
	event(m, d, buf, size);
	free(buf);
}

static void script_expire(struct script *s, struct model *m, struct ringbuf_decoder *d,
			  uint64_t clock)
{
	uint64_t now = clock - 200 * MS + take_u8(s) * 20 * MS;

	model_expire(m, now, false);
	decoder_expire(d, now);
	expect_done(m);
}

static void check_stats(const struct decoder_stats *got, const struct decoder_stats *want)
{
#define GH_CHECK_STAT(name) check(got->name == want->name);
	DECODER_STATS_FIELDS(GH_CHECK_STAT)
#undef GH_CHECK_STAT
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct script s = { data, size };
	struct model m = { 0 };
	struct ringbuf_decoder *d;
	uint32_t max_pending = take_u8(&s) & 0x7f; /* tables of 64 and 128 */
	uint64_t clock = 1000000 * MS; /* boottime, well past 0 */
	struct gh_event_clock event_clock = { 0 }; /* event time = boottime */

	m.timeout_ns = take_u8(&s) * 50 * MS;
	for (m.ring = 64; m.ring < max_pending;)
		m.ring <<= 1;
	d = decoder_new(on_record, &m, max_pending, m.timeout_ns, &event_clock);
	check(d);
	while (s.left) {
		switch (take_u8(&s) % 5) {
		case 0:
		case 1: script_request(&s, &m, d, &clock); break;
		case 2: script_response(&s, &m, d); break;
		case 3: script_raw(&s, &m, d); break;
		default: script_expire(&s, &m, d, clock); break;
		}
	}
	model_expire(&m, UINT64_MAX, true);
	decoder_flush(d);
	expect_done(&m);
	check_stats(decoder_get_stats(d), &m.st);
	decoder_free(d);
	for (size_t i = 0; i < m.n; i++)
		free(m.v[i].head);
	free(m.v);
	free(m.want);
	return 0;
}
