// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * BPF_PROG_RUN tests of the socket-level HTTP sensor on crafted segments:
 * request-start detection for every method, pipelined and split heads,
 * non-HTTP payloads, short segments, the prefix copied into ring-buffer
 * events, sampling, and response status classes on egress. Decided by the
 * kernel's own counters and the events it wrote.
 *
 * Then the evasions of issue 15 (finding 3) that fit one segment: leading
 * CR/LF, request lines longer than the snapshot, bodies holding request
 * lines, chunked bodies, many pipelined heads. The events are run through
 * the daemon's decoder, so each case also checks the record. What spans
 * segments is in test_sock_http_live.c.
 *
 * Last, the per-source slot table (gatehawk/sources.h): five sources aimed
 * at one window of four, every request and response counted exactly once,
 * by its source's slot or in the unslotted totals. The process stays on one
 * CPU, so every run meets the same per-CPU table.
 */
#include <sched.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "sock_test.h"

static int cpu, ncpu;

static void test_methods(struct ring_buffer *rb)
{
	static const char *const methods[] = { "GET",	  "HEAD",    "POST",  "PUT",  "DELETE",
					       "CONNECT", "OPTIONS", "TRACE", "PATCH" };
	char payload[128];
	uint64_t n;

	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		snprintf(payload, sizeof(payload), "%s /x HTTP/1.1\r\nHost: a\r\n\r\n", methods[i]);
		ok_eq(ingress(rb, &(struct segment_spec){ 4, 40000, 80, payload, strlen(payload) },
			      &n, NULL),
		      1, "%s: the program lets the segment pass", methods[i]);
		ok_eq(n, 1, "%s starts a request", methods[i]);
		ok(seen.n == 1 && seen.ev[0].hdr.snap_len == strlen(payload) &&
			   !memcmp(seen.ev[0].head, payload, strlen(payload)),
		   "%s: the event carries the whole head", methods[i]);
	}
}

static void test_not_requests(struct ring_buffer *rb)
{
	static const struct {
		const char *payload;
		size_t len;
		const char *what;
	} cases[] = {
		{ "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 tls client hello", 36, "TLS hello" },
		{ "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", 32, "SSH banner" },
		{ "get / HTTP/1.1\r\nHost: a\r\n\r\n", 27, "lower-case method" },
		{ "GETX / HTTP/1.1\r\nHost: a\r\n\r\n", 28, "unknown method" },
		{ "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 20, "zero bytes" },
		{ "Host: a\r\nAccept: */*\r\n\r\n", 24, "continuation of a split head" },
	};
	uint64_t n;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct segment_spec s = { 4, 40000, 80, cases[i].payload, cases[i].len };

		ingress(rb, &s, &n, NULL);
		ok(n == 0 && seen.n == 0, "%s: not counted, no event", cases[i].what);
	}
}

static void test_pipelined(struct ring_buffer *rb)
{
	const char *a = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
	const char *b = "HEAD /b HTTP/1.1\r\nHost: x\r\n\r\n";
	const char *c = "POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
	char payload[256];
	uint64_t n, piped;

	snprintf(payload, sizeof(payload), "%s%s%s", a, b, c);
	ingress(rb, SEG4(payload), &n, &piped);
	ok_eq(n, 3, "three pipelined heads in one segment are three requests");
	ok_eq(piped, 2, "two of them counted as pipelined");
	ok(seen.n == 3 && !memcmp(seen.ev[1].head, b, strlen(b)) &&
		   !memcmp(seen.ev[2].head, c, strlen(c)),
	   "each pipelined head gets an event starting at its method");

	/* Bare-LF blank lines also end a head. */
	snprintf(payload, sizeof(payload), "GET /1 HTTP/1.0\n\nGET /2 HTTP/1.0\n\n");
	ingress(rb, SEG4(payload), &n, NULL);
	ok_eq(n, 2, "bare LF blank line separates pipelined heads");

	/* A body that is not followed by a method is not a head. */
	snprintf(payload, sizeof(payload),
		 "POST /f HTTP/1.1\r\nContent-Length: 13\r\n\r\nname=x&pass=y");
	ingress(rb, SEG4(payload), &n, NULL);
	ok_eq(n, 1, "a request with a body counts once");
}

static void test_split_and_long(struct ring_buffer *rb)
{
	static char big[3000];
	uint64_t n;

	ingress(rb, SEG4("GET /split HTTP/1.1\r\nHost: a\r\nUser-Agent: curl"), &n, NULL);
	ok_eq(n, 1, "first half of a split head starts a request");
	ingress(rb, SEG4("/8.0\r\nAccept: */*\r\n\r\n"), &n, NULL);
	ok_eq(n, 0, "second half of a split head adds nothing");

	memcpy(big, "GET /big HTTP/1.1\r\nCookie: ", 27);
	memset(big + 27, 'c', sizeof(big) - 27);
	ingress(rb, &(struct segment_spec){ 4, 40000, 80, big, sizeof(big) }, &n, NULL);
	ok_eq(n, 1, "a head larger than the snapshot is one request");
	ok(seen.n == 1 && seen.ev[0].hdr.snap_len == GH_SNAP_LEN &&
		   !memcmp(seen.ev[0].head, big, GH_SNAP_LEN) && seen.ev[0].hdr.value == sizeof(big),
	   "its event holds the first %d bytes and the segment length", GH_SNAP_LEN);
}

/* Starts the per-segment scanner missed: each counted once, its head decoded. */
static void test_one_segment_starts(struct ring_buffer *rb)
{
	static char line[3000];
	static const struct {
		const char *payload, *what, *path;
		int requests, truncated;
	} cases[] = {
		{ "\r\nGET /crlf HTTP/1.1\r\nHost: a\r\n\r\n", "a leading CRLF (nginx skips it)",
		  "/crlf", 1, 0 },
		{ "\nGET /lf HTTP/1.1\r\nHost: a\r\n\r\n", "a leading bare LF", "/lf", 1, 0 },
		{ "\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\nGET /crlf9 HTTP/1.1\r\n\r\n",
		  "nine leading CRLFs", "/crlf9", 1, 0 },
		{ "GET / HTTP/1.1", "a request line with no end", "/", 1, 1 },
		{ "GET / HTTP/1.", "a request line cut by the segment", "/", 1, 1 },
		{ "GET /a HTTP/1.1\r\nHost: a\r\n\r\r\nGET /b HTTP/1.1\r\n\r\n",
		  "a blank line of CR CR LF ends a head (nginx)", "/a", 2, 0 },
	};
	uint64_t n;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ingress(rb, SEG4(cases[i].payload), &n, NULL);
		ok_eq(n, cases[i].requests, "%s: counted", cases[i].what);
		ok(decode_seen() && rec.n == cases[i].requests && !strcmp(rec.method[0], "GET") &&
			   !strcmp(rec.path[0], cases[i].path) &&
			   rec.truncated[0] == cases[i].truncated,
		   "%s: decoded, path %s%s", cases[i].what, cases[i].path,
		   cases[i].truncated ? ", truncated" : "");
	}

	/* nginx serves HTTP/0.9 GETs; the decoder takes HTTP/1.x heads only. */
	ingress(rb, SEG4("GET /\r\n"), &n, NULL);
	ok_eq(n, 1, "an HTTP/0.9 request line: counted");

	/* A 2 KiB request line, then a request pipelined after it. */
	memcpy(line, "GET /long?q=", 12);
	memset(line + 12, 'x', 2048);
	snprintf(line + 12 + 2048, sizeof(line) - 12 - 2048,
		 " HTTP/1.1\r\nHost: a\r\n\r\nGET /next HTTP/1.1\r\nHost: a\r\n\r\n");
	ingress(rb, SEG4(line), &n, NULL);
	ok_eq(n, 2, "a 2 KiB request line and the request after it: two requests");
	ok(seen.n == 2 && seen.ev[0].hdr.snap_len == GH_SNAP_LEN &&
		   !memcmp(seen.ev[1].head, "GET /next ", 10),
	   "the first event holds %d bytes, the second starts at its method", GH_SNAP_LEN);
	ok(decode_seen() && rec.n == 2 && !strcmp(rec.path[0], "/long") && rec.truncated[0] &&
		   !strcmp(rec.path[1], "/next") && !rec.truncated[1],
	   "the cut one decodes as GET /long, truncated; the next one whole");
}

/* One segment: the requests it holds and the last one's path. */
struct seg_case {
	const char *payload, *what;
	int requests;
	const char *last_path;
};

/* Each case's segment on its own: counted and decoded as it says. */
static void check_seg_cases(struct ring_buffer *rb, const struct seg_case *cases, size_t n_cases)
{
	uint64_t n;

	for (size_t i = 0; i < n_cases; i++) {
		ingress(rb, SEG4(cases[i].payload), &n, NULL);
		ok_eq(n, cases[i].requests, "%s: %d request(s)", cases[i].what, cases[i].requests);
		ok(decode_seen() && rec.n == cases[i].requests &&
			   !strcmp(rec.path[rec.n - 1], cases[i].last_path),
		   "%s: the last record is %s", cases[i].what, cases[i].last_path);
	}
}

/* Where a body ends decides where the next request starts. */
static void test_bodies(struct ring_buffer *rb)
{
	static const struct seg_case cases[] = {
		{ "POST /f HTTP/1.1\r\nContent-Length: 18\r\n\r\nGET / HTTP/1.1\r\n\r\n",
		  "a body holding a request line", 1, "/f" },
		{ "POST /f HTTP/1.1\r\ncontent-length:\t 18 \r\n\r\nGET / HTTP/1.1\r\n\r\n"
		  "GET /real HTTP/1.1\r\n\r\n",
		  "a body (lower-case name, OWS) then a real request", 2, "/real" },
		{ "POST /f HTTP/1.1\nContent-Length: 18\n\nGET / HTTP/1.1\r\n\r\nHEAD /h HTTP/1.0\n\n",
		  "bare-LF head, body, request", 2, "/h" },
		{ "POST /f HTTP/1.1\r\nContent-Length: 0\r\n\r\nGET /z HTTP/1.1\r\n\r\n",
		  "Content-Length: 0, then a request", 2, "/z" },
		{ "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
		  "GET /after HTTP/1.1\r\n\r\n",
		  "a chunked body, then a request after its last chunk", 2, "/after" },
		{ "POST /b HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy"
		  "GET /dup HTTP/1.1\r\n\r\n",
		  "two Content-Lengths (nginx: 400): length unknown, nothing counted in it", 1, "/b" },
	};

	check_seg_cases(rb, cases, sizeof(cases) / sizeof(cases[0]));
}

/*
 * Lines are looked at a word at a time, each LF with the byte after it: the
 * line end before a Content-Length line, and before a blank line (CRLF or
 * bare LF), at each of the 16 places of two words.
 */
static void test_line_ends_in_a_word(struct ring_buffer *rb)
{
	static const char *const forms[] = {
		"POST /a HTTP/1.1\r\nX: %.*s\r\nContent-Length: 18\r\n\r\nGET / HTTP/1.1\r\n\r\n"
		"GET /n HTTP/1.1\r\n\r\n",
		"GET /a HTTP/1.1\r\nX: %.*s\r\n\r\nGET /n HTTP/1.1\r\n\r\n",
		"GET /a HTTP/1.1\nX: %.*s\n\nGET /n HTTP/1.1\n\n",
	};
	static const char *const what[] = { "Content-Length: its body skipped",
					    "a CRLF blank line: the next request found",
					    "a bare-LF blank line: the next request found" };
	char payload[256];
	uint64_t n;

	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		int right = 0;

		for (int k = 0; k < 16; k++) {
			snprintf(payload, sizeof(payload), forms[f], k, "abcdefghijklmnop");
			ingress(rb, SEG4(payload), &n, NULL);
			right += n == 2;
		}
		ok_eq(right, 16, "a line end at each of 16 places before %s (2 requests)", what[f]);
	}
}

/*
 * Header lines are skipped many words a step; the lines that matter must
 * still be found after any mix of others: names starting with c or t that
 * are not Content-Length or Transfer-Encoding, short ones, a name in any
 * case, past the first chunk the scanner loads.
 */
static void test_skipped_lines(struct ring_buffer *rb)
{
	static const struct seg_case cases[] = {
		{ "POST /form HTTP/1.1\r\nHost: www.example.com\r\n"
		  "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
		  "Cookie: sid=3f6c2b9e8a4d4f0b; theme=light\r\nConnection: keep-alive\r\n"
		  "Cache-Control: no-cache\r\ncontent-type: text/plain\r\nTE: trailers\r\n"
		  "CONTENT-LENGTH: 18\r\n\r\nGET / HTTP/1.1\r\n\r\nGET /next HTTP/1.1\r\n\r\n",
		  "Content-Length after Cookie, Connection, Cache-Control, Content-Type, TE", 2,
		  "/next" },
		{ "POST /s HTTP/1.1\r\nc:1\r\nt\r\nContent-Length: 18\r\n\r\nGET / HTTP/1.1\r\n\r\n",
		  "Content-Length after lines shorter than a word", 1, "/s" },
		{ "POST /t HTTP/1.1\r\nConnection: close\r\nTrailer: x\r\n"
		  "transfer-encoding: chunked\r\n\r\nGET /in-body HTTP/1.1\r\n\r\nGET /te HTTP/1.1\r\n\r\n",
		  "Transfer-Encoding after other c and t lines: no request read at its body's start", 2,
		  "/te" },
	};
	static char big[2600];
	const char *tail = "\r\nContent-Length: 18\r\n\r\nGET / HTTP/1.1\r\n\r\nGET /far HTTP/1.1\r\n\r\n";
	size_t pad = sizeof(big) - strlen(tail) - 40;
	uint64_t n;

	check_seg_cases(rb, cases, sizeof(cases) / sizeof(cases[0]));
	memcpy(big, "POST /big HTTP/1.1\r\nX-Pad: ", 26);
	memset(big + 26, 'c', pad);
	snprintf(big + 26 + pad, sizeof(big) - 26 - pad, "%s", tail);
	ingress(rb, SEG4(big), &n, NULL);
	ok_eq(n, 2, "Content-Length past the first %d bytes loaded: its body skipped, 2 requests",
	      2048);
	test_line_ends_in_a_word(rb);
}

/* Twenty pipelined heads in one segment: all counted, GH_MAX_HEADS_PER_SEGMENT sampled. */
static void test_many_pipelined(struct ring_buffer *rb)
{
	char payload[1024];
	size_t len = 0;
	uint64_t n, piped;

	for (int i = 0; i < 20; i++)
		len += (size_t)snprintf(payload + len, sizeof(payload) - len,
					"GET /p%d HTTP/1.1\r\nHost: a\r\n\r\n", i);
	ingress(rb, SEG4(payload), &n, &piped);
	ok_eq(n, 20, "twenty pipelined heads in one segment are twenty requests");
	ok_eq(piped, 19, "nineteen of them pipelined");
	ok_eq(seen.n, GH_MAX_HEADS_PER_SEGMENT, "the first %d are sampled",
	      GH_MAX_HEADS_PER_SEGMENT);
}

static void test_ports_family_sampling(struct ring_buffer *rb)
{
	const char *get = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
	struct segment_spec s = *SEG4(get);
	uint64_t n, total = 0;
	int events = 0;

	s.dport = 22;
	ingress(rb, &s, &n, NULL);
	ok_eq(n, 0, "a port that is not watched is ignored");
	s.dport = 8080;
	ingress(rb, &s, &n, NULL);
	ok_eq(n, 1, "the second configured port is watched");

	s = (struct segment_spec){ 6, 40000, 80, get, strlen(get) };
	ingress(rb, &s, &n, NULL);
	ok(n == 1 && seen.n == 1 && seen.ev[0].hdr.family == 6, "IPv6 request counted, event v6");

	set_config(4);
	s = *SEG4(get);
	for (int i = 0; i < 40; i++) {
		ingress(rb, &s, &n, NULL);
		total += n;
		events += seen.n;
	}
	ok_eq(total, 40, "at sample rate 4 every request is still counted");
	ok_eq(events, 10, "and 1 in 4 reaches the ring buffer");
	set_config(1);
}

static uint32_t reader_idle_get(void)
{
	uint32_t zero = 0, v = 0xffffffff;

	bpf_map_lookup_elem(bpf_map__fd(skel->maps.ring_reader_idle), &zero, &v);
	return v;
}

static void reader_idle_set(uint32_t v)
{
	uint32_t zero = 0;

	bpf_map_update_elem(bpf_map__fd(skel->maps.ring_reader_idle), &zero, &v, BPF_ANY);
}

/* Whether the ring's fd was woken within 200 ms (the wake-up is an irq_work). */
static bool ring_woken(int ep)
{
	struct epoll_event ev;

	return epoll_wait(ep, &ev, 1, 200) == 1;
}

/*
 * The daemon's ring_reader_idle flag (user/daemon/ring_reader.c): while it
 * is clear a lone event wakes nobody (the daemon's timer drains it); set,
 * the first event clears it and wakes the reader; a counted request that is
 * not sampled leaves it set.
 */
static void test_reader_wakeup(struct ring_buffer *rb)
{
	struct epoll_event add = { .events = EPOLLIN };
	const char *get = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
	int ep = epoll_create1(EPOLL_CLOEXEC);
	uint64_t n;

	ring_buffer__consume(rb);
	if (!ok(ep >= 0 && !epoll_ctl(ep, EPOLL_CTL_ADD, bpf_map__fd(skel->maps.events), &add),
		"an epoll on the ring's fd"))
		return;
	reader_idle_set(0);
	run_prog(skel->progs.cgroup_skb_http_in, SEG4(get), 0, 1, NULL);
	ok(!ring_woken(ep), "reader awake: a sampled head wakes nobody");
	ring_buffer__consume(rb);
	ring_woken(ep); /* the drained ring's readiness re-checked: none */

	reader_idle_set(1);
	set_config(0);
	ingress(rb, SEG4(get), &n, NULL);
	ok(n == 1 && reader_idle_get() == 1 && !ring_woken(ep),
	   "reader idle, sample rate 0: the request is counted, the flag stays, no wake-up");
	set_config(1);
	run_prog(skel->progs.cgroup_skb_http_in, SEG4(get), 0, 1, NULL);
	ok(ring_woken(ep), "reader idle: the first sampled head wakes it");
	ok_eq(reader_idle_get(), 0, "and clears the flag");
	ring_buffer__consume(rb);
	close(ep);
}

/* This CPU's copy of the sensor's slot bookkeeping; all 0xff if unreadable. */
static struct src_http_meta http_meta(void)
{
	struct src_http_meta per[ncpu];
	__u32 zero = 0;

	if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.src_http_meta), &zero, per))
		memset(&per[cpu], 0xff, sizeof(per[cpu]));
	return per[cpu];
}

/* The counts of client (IPv4) in its window on this CPU; all 0xff when it has no slot. */
static struct src_http_counts slot_counts(const char *client)
{
	struct src_http_counts none;
	struct src_http_slot slot;
	__u8 addr[16] = { 0 };
	__u32 base;

	memset(&none, 0xff, sizeof(none));
	inet_pton(AF_INET, client, addr);
	base = src_slot_index(addr, 1, http_meta().seed);
	for (__u32 i = 0; i < GH_SRC_SLOT_PROBE; i++) {
		__u32 idx = cpu * GH_SRC_SLOTS + ((base + i) & (GH_SRC_SLOTS - 1));

		if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.src_http_slots), &idx, &slot))
			break;
		if (slot.key.family == 4 && !memcmp(slot.key.addr, addr, 4))
			return slot.c;
	}
	return none;
}

static uint64_t resp_class_total(int cls)
{
	struct src_http_counts c = slot_counts(CLIENT4);

	return cls == 2 ? c.resp_2xx : cls == 4 ? c.resp_4xx : c.resp_5xx;
}

static void test_responses(void)
{
	static const struct {
		const char *payload;
		int cls, counted;
	} cases[] = {
		{ "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 2, 1 },
		{ "HTTP/1.1 404 Not Found\r\n\r\n", 4, 1 },
		{ "HTTP/1.0 503 Service Unavailable\r\n\r\n", 5, 1 },
		{ "HTTP/1.1 100 Continue\r\n\r\n", 2, 0 },
		{ "<html><body>HTTP/1.1 200</body></html>", 2, 0 },
		{ "HTTP/1.1 2x0 OK\r\n\r\n", 2, 0 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct segment_spec s = { 4, 80, 40000, cases[i].payload, strlen(cases[i].payload) };
		uint64_t before = resp_class_total(cases[i].cls);

		run_prog(skel->progs.cgroup_skb_http_out, &s, 1, 1, NULL);
		ok_eq(resp_class_total(cases[i].cls) - before, (uint64_t)cases[i].counted,
		      "egress '%.20s...' counted %d time(s)", cases[i].payload, cases[i].counted);
	}
}

/* Whether the window of base in this CPU's region has no source in it yet. */
static bool window_empty(__u32 base)
{
	struct src_http_slot slot;

	for (__u32 i = 0; i < GH_SRC_SLOT_PROBE; i++) {
		__u32 idx = cpu * GH_SRC_SLOTS + ((base + i) & (GH_SRC_SLOTS - 1));

		if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.src_http_slots), &idx, &slot) ||
		    slot.key.family)
			return false;
	}
	return true;
}

#define CROWD (GH_SRC_SLOT_PROBE + 1)

/* CROWD addresses in 10/8 that hash to one empty window; false if none found. */
static bool crowd_one_window(__u32 seed, char out[CROWD][INET_ADDRSTRLEN])
{
	__u32 base = 0;
	int n = 0;

	for (__u32 a = 1; a < 1U << 24 && n < CROWD; a++) {
		__u32 be = htonl(0x0a000000U | a);
		__u32 idx = src_slot_index((const __u8 *)&be, 1, seed);

		if (!n && !window_empty(idx))
			continue;
		if (n && idx != base)
			continue;
		base = idx;
		inet_ntop(AF_INET, &be, out[n++], INET_ADDRSTRLEN);
	}
	return n == CROWD;
}

/* Source i sends i + 1 requests and one response; the last finds its window full. */
static void test_source_slots(struct ring_buffer *rb)
{
	static const char get[] = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
	static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
	char crowd[CROWD][INET_ADDRSTRLEN];
	struct src_http_meta m0, m1;
	uint64_t slotted_req = 0, slotted_resp = 0, slotted_bytes = 0, n, sent = 0;
	int exact = 0;

	/* One request draws this CPU's seed if no earlier one did. */
	ingress(rb, &(struct segment_spec){ 4, 40000, 80, get, sizeof(get) - 1 }, &n, NULL);
	m0 = http_meta();
	if (!ok(m0.seed != 0 && crowd_one_window(m0.seed, crowd),
		"%d sources aimed at one empty window of CPU %d", CROWD, cpu))
		return;
	for (int i = 0; i < CROWD; i++) {
		struct segment_spec in = { 4, 40000, 80, get, sizeof(get) - 1, crowd[i] };
		struct segment_spec out = { 4, 80, 40000, resp, sizeof(resp) - 1, crowd[i] };

		for (int r = 0; r <= i; r++) {
			ingress(rb, &in, &n, NULL);
			sent += n;
		}
		run_prog(skel->progs.cgroup_skb_http_out, &out, 1, 1, NULL);
	}
	m1 = http_meta();
	for (int i = 0; i < GH_SRC_SLOT_PROBE; i++) {
		struct src_http_counts c = slot_counts(crowd[i]);

		exact += c.requests == (uint64_t)i + 1 && c.resp_2xx == 1 &&
			 c.request_bytes == (i + 1) * (sizeof(get) - 1) && c.last_seen_ns;
		slotted_req += c.requests;
		slotted_resp += c.resp_2xx;
		slotted_bytes += c.request_bytes;
	}
	ok_eq(exact, GH_SRC_SLOT_PROBE, "each source with a slot has exactly its requests, bytes "
					"and responses, and a last-seen time");
	ok(slot_counts(crowd[CROWD - 1]).requests == UINT64_MAX && m1.claimed - m0.claimed == 4,
	   "the fifth source got no slot; four were claimed");
	ok_eq(m1.unslotted.requests - m0.unslotted.requests, (uint64_t)CROWD,
	      "its %d requests went to the unslotted totals", CROWD);
	ok(sent == CROWD * (CROWD + 1) / 2 &&
		   slotted_req + m1.unslotted.requests - m0.unslotted.requests == sent &&
		   slotted_resp + m1.unslotted.resp_2xx - m0.unslotted.resp_2xx == CROWD &&
		   slotted_bytes + m1.unslotted.request_bytes - m0.unslotted.request_bytes ==
			   sent * (sizeof(get) - 1),
	   "exact: slots + unslotted == the %llu requests, their bytes and %d responses",
	   (unsigned long long)sent, CROWD);
}

int main(void)
{
	struct ring_buffer *rb;
	cpu_set_t one;

	cpu = sched_getcpu();
	ncpu = libbpf_num_possible_cpus();
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	if (!ok(cpu >= 0 && ncpu > 0 && !sched_setaffinity(0, sizeof(one), &one),
		"pinned to CPU %d of %d", cpu, ncpu))
		return tap_done();
	rb = sock_test_up();

	if (ok(rb != NULL, "ring buffer opens")) {
		test_methods(rb);
		test_not_requests(rb);
		test_pipelined(rb);
		test_split_and_long(rb);
		test_one_segment_starts(rb);
		test_bodies(rb);
		test_skipped_lines(rb);
		test_many_pipelined(rb);
		test_ports_family_sampling(rb);
		test_reader_wakeup(rb);
		test_responses();
		test_source_slots(rb);
	}
	return sock_test_down(rb);
}
