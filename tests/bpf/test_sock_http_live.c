// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The socket sensor on real loopback segments (sock_live.h), for what
 * BPF_PROG_RUN cannot show (each of its runs has a socket of its own and at
 * most a page of data): issue 15's evasions across segments (a method,
 * target, version, header name or blank line split at a segment's end, CR/LF
 * in segments of their own, bodies over segments, 4 KiB header lines, 3 KiB
 * request lines), bytes TCP drops after the hook or has already merged out
 * of order, fifty keep-alive requests; then the ingress program's run time
 * per call. The events are run through the daemon's decoder, so each case
 * also checks the record.
 */
#include "sock_live.h"
#include "sock_test.h"

/* ---- one connection, a segment per item ---------------------------------- */

struct live_seg {
	const char *p;
	size_t len; /* 0: strlen(p) */
};

/* One connection, one segment per item; how many requests the kernel counted. */
static uint64_t live_run(struct ring_buffer *rb, struct live *lv, const struct live_seg *segs,
			 int n, struct sensor_stats *delta)
{
	struct sensor_stats before = read_stats(), after;
	struct live_conn c;
	int err;

	ring_buffer__consume(rb); /* what earlier runs left */
	seen.n = 0;
	err = live_open(lv, &c);
	for (int i = 0; i < n && !err; i++)
		err = live_send(&c, segs[i].p, segs[i].len ? segs[i].len : strlen(segs[i].p));
	live_close(&c);
	ring_buffer__consume(rb);
	after = read_stats();
	if (err)
		tap_diag("live connection: %s", strerror(errno));
	if (delta) {
		delta->split_starts = after.split_starts - before.split_starts;
		delta->head_parts = after.head_parts - before.head_parts;
		delta->parse_lost = after.parse_lost - before.parse_lost;
	}
	return err ? ~0ULL : after.requests - before.requests;
}

#define SEGS(...) ((const struct live_seg[]){ __VA_ARGS__ }), \
	(int)(sizeof((const struct live_seg[]){ __VA_ARGS__ }) / sizeof(struct live_seg))

static void test_live_split(struct ring_buffer *rb, struct live *lv)
{
	struct sensor_stats d;

	ok_eq(live_run(rb, lv, SEGS({ "GE" }, { "T /split HTTP/1.1\r\nHost: a\r\n\r\n" }), &d), 1,
	      "method split across segments (GE | T /split): one request");
	ok(d.split_starts == 1 && seen.n == 1 && !memcmp(seen.ev[0].head, "GET /split ", 11),
	   "its event starts with the whole method");
	ok(decode_seen() && rec.n == 1 && !strcmp(rec.path[0], "/split") && !rec.truncated[0],
	   "decoded as GET /split, not truncated");

	ok_eq(live_run(rb, lv,
		       SEGS({ "GET /a HTTP/1.1\r\n\r\n" }, { "\r\nGET /crlf HTTP/1.1\r\n\r\n" },
			    { "\r\n" }, { "\nGET /lf HTTP/1.1\r\n\r\n" }),
		       NULL),
	      3, "CRLFs before keep-alive requests, at or across segment starts: three");

	ok_eq(live_run(rb, lv,
		       SEGS({ "GET /pa" }, { "th/x HT" }, { "TP/1.1\r\nHost: a\r\n" },
			    { "User-Agent: one-line-per-segment\r\n" }, { "\r\n" }),
		       &d),
	      1, "a head in five segments, cut in its target and version: one request");
	ok(d.head_parts == 4 && decode_seen() && rec.n == 1 && !strcmp(rec.path[0], "/path/x") &&
		   !strcmp(rec.ua[0], "one-line-per-segment") && !rec.truncated[0],
	   "its four later parts join the first: /path/x with its user agent, whole");

	ok_eq(live_run(rb, lv,
		       SEGS({ "GET /a HTTP/1.1\r\nHost: a\r\n\r" }, { "\nGET /b HTTP/1.1\r\n\r\n" }),
		       NULL),
	      2, "a blank line split between CR and LF, then a request: two");

	ok_eq(live_run(rb, lv,
		       SEGS({ "GET /a HTTP/1.1\r\n\r\nGE" }, { "T /b HTTP/1.1\r\n\r\nPO" },
			    { "ST /c HTTP/1.1\r\nContent-Length: 2\r\n\r\nok" }),
		       &d),
	      3, "pipelined requests each split at a segment end: three");
	ok(d.split_starts == 2 && decode_seen() && rec.n == 3 && !strcmp(rec.path[1], "/b") &&
		   !strcmp(rec.method[2], "POST") && !strcmp(rec.path[2], "/c"),
	   "decoded /a, /b, POST /c");
}

static void test_live_bodies(struct ring_buffer *rb, struct live *lv)
{
	ok_eq(live_run(rb, lv,
		       SEGS({ "POST /up HTTP/1.1\r\nContent-Length: 40\r\n\r\n" },
			    { "0123456789abcdefghij" }, { "GET /fake HTTP/1.1\r\n\r\n\r\n" },
			    { "GET /real HTTP/1.1\r\n\r\n" }),
		       NULL),
	      2, "a body over segments with a request line at a segment start: not counted");
	ok(decode_seen() && rec.n == 2 && !strcmp(rec.path[1], "/real"),
	   "the records are POST /up and GET /real");

	ok_eq(live_run(rb, lv,
		       SEGS({ "POST /cl HTTP/1.1\r\nConte" }, { "nt-Len" },
			    { "gth: 1" }, { "8\r\n\r\n" }, { "GET / HTTP/1.1\r\n\r\n" },
			    { "GET /real2 HTTP/1.1\r\n\r\n" }),
		       NULL),
	      2, "Content-Length name and value split over four segments: the body is skipped");

	/* The first segment leaves ordinary bytes in the scratch past the
	 * second's end: the line after its last LF is still looked at. */
	ok_eq(live_run(rb, lv,
		       SEGS({ "GET /x HTTP/1.1\r\nX-Fill: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n" },
			    { "POST /lf HTTP/1.1\r\nX: a\r\n" }, { "Content-Length: 18\r\n\r\n" },
			    { "GET / HTTP/1.1\r\n\r\n" }, { "GET /real3 HTTP/1.1\r\n\r\n" }),
		       NULL),
	      3, "a segment ending in a line end, Content-Length starting the next: body skipped");

	ok_eq(live_run(rb, lv,
		       SEGS({ "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" },
			    { "5\r\nhello\r\n" }, { "0\r\n\r\n" }, { "GE" },
			    { "T /after HTTP/1.1\r\n\r\n" }),
		       NULL),
	      2, "after a chunked body, a request split at its method: counted");
}

static void test_live_long(struct ring_buffer *rb, struct live *lv)
{
	static char big[8192], line[4096];
	struct sensor_stats d;
	size_t len;

	/* A 4 KiB header line, then a pipelined request: one 5 KiB segment. */
	len = (size_t)snprintf(big, sizeof(big),
			       "GET /big HTTP/1.1\r\nUser-Agent: long-line\r\nX-Pad: ");
	memset(big + len, 'a', 4096);
	len += 4096;
	len += (size_t)snprintf(big + len, sizeof(big) - len,
				"\r\n\r\nGET /after HTTP/1.1\r\nUser-Agent: after\r\n\r\n");
	ok_eq(live_run(rb, lv, SEGS({ big, len }), NULL), 2,
	      "a 4 KiB header line, then a request, in one 5 KiB segment: two");
	ok(seen.n == 2 && seen.ev[0].hdr.snap_len == GH_SNAP_LEN &&
		   !memcmp(seen.ev[1].head, "GET /after ", 11),
	   "a %d-byte snapshot of the first, the second from its method", GH_SNAP_LEN);
	ok(decode_seen() && rec.n == 2 && !strcmp(rec.path[0], "/big") &&
		   !strcmp(rec.ua[0], "long-line") && rec.truncated[0] && !rec.truncated[1] &&
		   !strcmp(rec.path[1], "/after"),
	   "records: /big truncated (method, path, user agent kept), /after whole");

	/* The same 4 KiB line over three segments. */
	ok_eq(live_run(rb, lv, SEGS({ big, 1500 }, { big + 1500, 1500 }, { big + 3000, len - 3000 }),
		       &d),
	      2, "the same bytes in three segments: two");
	ok(decode_seen() && rec.n == 2 && rec.truncated[0] && !strcmp(rec.path[1], "/after"),
	   "the first truncated, the second whole");

	/* A request line longer than the snapshot, over three segments. */
	memcpy(line, "GET /", 5);
	memset(line + 5, 'x', 3000);
	len = 5 + 3000 + (size_t)snprintf(line + 3005, sizeof(line) - 3005, " HTTP/1.1\r\n\r\n");
	ok_eq(live_run(rb, lv, SEGS({ line, 1000 }, { line + 1000, 1000 }, { line + 2000, len - 2000 }),
		       &d),
	      1, "a 3 KiB request line over three segments: one request");
	ok(d.head_parts == 1 && decode_seen() && rec.n == 1 && !strcmp(rec.method[0], "GET") &&
		   !strncmp(rec.path[0], "/xxxx", 5) && rec.truncated[0],
	   "decoded from %d bytes: GET, a path prefix, truncated", GH_SNAP_LEN);
}

/*
 * Bytes the hook parsed but TCP dropped (here a bad checksum; PAWS or a full
 * backlog alike): a phantom head with a huge body must not make the request
 * the client really sends in its place look like a retransmission inside
 * that body.
 */
static void test_live_dropped(struct ring_buffer *rb, struct live *lv)
{
	/* Over 56 bytes: TCP checks a shorter segment's checksum before the hook. */
	const char *phantom = "POST /phantom HTTP/1.1\r\nHost: phantom.example\r\n"
			      "Content-Length: 1000000000\r\n\r\n";
	const char *real = "GET /real HTTP/1.1\r\nHost: a\r\n\r\n";
	struct sensor_stats before, after;
	struct live_conn c;
	int err;

	ring_buffer__consume(rb);
	seen.n = 0;
	before = read_stats();
	err = live_open(lv, &c);
	err = err ?: live_send(&c, "GET /first HTTP/1.1\r\n\r\n", 23);
	err = err ?: live_inject(&c, phantom, strlen(phantom), 0, true);
	err = err ?: live_send(&c, real, strlen(real));
	err = err ?: live_send(&c, "GET /next HTTP/1.1\r\n\r\n", 22);
	live_close(&c);
	ring_buffer__consume(rb);
	after = read_stats();
	if (!ok(!err, "a phantom head injected with a bad checksum, then the real bytes"))
		tap_diag("live: %s", strerror(errno));
	ok_eq(after.requests - before.requests, 4,
	      "all four request starts counted (the phantom one too): the real ones are not "
	      "skipped as a retransmission inside the phantom body");
	ok(decode_seen() && rec.n == 4 && !strcmp(rec.path[1], "/phantom") &&
		   !strcmp(rec.path[2], "/real") && !strcmp(rec.path[3], "/next"),
	   "records: /first, /phantom, /real, /next");
}

/*
 * Out-of-order bytes the kernel merges are read on their own; what the
 * client then sends in their place the kernel discards, and so must the
 * parser, or a phantom head there would hide the requests after it.
 */
static void test_live_out_of_order(struct ring_buffer *rb, struct live *lv)
{
	const char *next = "GET /b HTTP/1.1\r\n\r\n";
	const char *ooo = "GET /ooo HTTP/1.1\r\nHost: ooo.example\r\nUser-Agent: ooo\r\n\r\n";
	const char *fmt = "POST /p HTTP/1.1\r\nContent-Length: 999999999\r\nX: %.*s\r\n\r\n";
	char phantom[128];
	struct sensor_stats before, after;
	struct live_conn c;
	int err, pad;

	/* As long as the out-of-order bytes, so that what follows lines up. */
	pad = (int)strlen(ooo) - snprintf(phantom, sizeof(phantom), fmt, 0, "");
	snprintf(phantom, sizeof(phantom), fmt, pad, "xxxxxxxxxxxxxxxx");
	ring_buffer__consume(rb);
	seen.n = 0;
	before = read_stats();
	err = live_open(lv, &c);
	err = err ?: live_send(&c, "GET /a HTTP/1.1\r\n\r\n", 20);
	err = err ?: live_inject(&c, ooo, strlen(ooo), (uint32_t)strlen(next), false);
	err = err ?: live_send(&c, next, strlen(next));
	err = err ?: live_send(&c, phantom, strlen(phantom));
	err = err ?: live_send(&c, "GET /d HTTP/1.1\r\n\r\n", 20);
	live_close(&c);
	ring_buffer__consume(rb);
	after = read_stats();
	if (!ok(!err, "out-of-order bytes injected, then the client's own over them"))
		tap_diag("live: %s", strerror(errno));
	ok_eq(after.out_of_order - before.out_of_order, 1, "one segment read out of order");
	ok_eq(after.requests - before.requests, 4,
	      "four requests: /a, /ooo (read alone), /b, /d; not the phantom the kernel discarded");
	ok(decode_seen() && rec.n == 4 && !strcmp(rec.path[1], "/ooo") && !strcmp(rec.path[2], "/b") &&
		   !strcmp(rec.path[3], "/d"),
	   "records: /a, /ooo, /b, /d");
}

/* Fifty keep-alive requests, one per segment, each counted once. */
static void test_live_keepalive(struct ring_buffer *rb, struct live *lv)
{
	struct live_seg segs[50];

	for (int i = 0; i < 50; i++)
		segs[i] = (struct live_seg){ "GET /k HTTP/1.1\r\nHost: a\r\n\r\n", 0 };
	ok_eq(live_run(rb, lv, segs, 50, NULL), 50, "fifty requests on one connection: fifty");
}

/* The ingress program's run time and call count so far (bpf_stats). */
static void prog_runs(__u64 *ns, __u64 *calls)
{
	struct bpf_prog_info info = { 0 };
	__u32 len = sizeof(info);

	*ns = *calls = 0;
	if (!bpf_obj_get_info_by_fd(bpf_program__fd(skel->progs.cgroup_skb_http_in), &info, &len)) {
		*ns = info.run_time_ns;
		*calls = info.run_cnt;
	}
}

/*
 * Run time per call over real segments: `head` once, then `seg` n times on
 * one connection (the server drains it when `drain`).
 */
static double live_ns_per_call(struct ring_buffer *rb, struct live *lv, const char *head,
			       const struct live_seg *seg, int n, bool drain)
{
	__u64 ns0, calls0, ns1, calls1;
	struct live_conn c;
	int err = live_open(lv, &c);

	if (!err && head)
		err = live_send(&c, head, strlen(head));
	prog_runs(&ns0, &calls0);
	for (int i = 0; i < n && !err; i++) {
		err = live_send(&c, seg->p, seg->len ? seg->len : strlen(seg->p));
		if (!err && drain)
			err = live_drain(&c);
		/* Drained as the daemon does, before a batch would force a wake-up. */
		if (i % 100 == 99)
			ring_buffer__consume(rb);
	}
	prog_runs(&ns1, &calls1);
	live_close(&c);
	ring_buffer__consume(rb);
	return err || calls1 == calls0 ? -1 : (double)(ns1 - ns0) / (double)(calls1 - calls0);
}

/* Mean run time of the ingress program on a fresh socket (BPF_PROG_RUN, n runs). */
static double fresh_ns_per_call(struct ring_buffer *rb, const char *payload, int n)
{
	__u64 total = 0;
	__u32 ns;

	for (int i = 0; i < n; i++) {
		run_prog(skel->progs.cgroup_skb_http_in, SEG4(payload), 0, 1, &ns);
		total += ns;
		if (i % 100 == 99)
			ring_buffer__consume(rb);
	}
	return (double)total / n;
}

/*
 * Figures for the README, not assertions: speed belongs to benchmarks.
 * run_time_ns / run_cnt of the ingress program while kernel stats are on
 * (as kernel.bpf_stats_enabled=1), over real loopback segments; and
 * BPF_PROG_RUN on a fresh socket each time (a connection's first segment).
 */
static void report_cost(struct ring_buffer *rb, struct live *lv)
{
	static char body[60000];
	const char *get = "GET /index.html HTTP/1.1\r\nHost: www.example.com\r\n"
			  "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\r\n"
			  "Accept: text/html,application/xhtml+xml\r\nAccept-Language: en\r\n"
			  "Accept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n\r\n";
	struct live_seg seg = { get, 0 };
	double sampled, counted, upload, fresh_sampled, fresh_counted;
	int stats_fd = bpf_enable_stats(BPF_STATS_RUN_TIME);

	if (stats_fd < 0) {
		tap_diag("no BPF run-time stats: %s", strerror(errno));
		return;
	}
	sampled = live_ns_per_call(rb, lv, NULL, &seg, 4000, true);
	fresh_sampled = fresh_ns_per_call(rb, get, 20000);
	ring_buffer__consume(rb);
	set_config(0);
	counted = live_ns_per_call(rb, lv, NULL, &seg, 4000, true);
	fresh_counted = fresh_ns_per_call(rb, get, 20000);
	/* An upload: its head, then 200 segments of 60,000 body bytes. */
	memset(body, 'b', sizeof(body));
	seg = (struct live_seg){ body, sizeof(body) };
	upload = live_ns_per_call(rb, lv, "POST /up HTTP/1.1\r\nContent-Length: 12000000\r\n\r\n",
				  &seg, 200, true);
	set_config(1);
	close(stats_fd);
	tap_diag("ingress ns per call, keep-alive, a %zu-byte head per segment: %.0f sampled, "
		 "%.0f counted only; a connection's first segment (BPF_PROG_RUN): %.0f sampled, "
		 "%.0f counted only; 60,000-byte body segments: %.0f",
		 strlen(get), sampled, counted, fresh_sampled, fresh_counted, upload);
}

static void test_live(struct ring_buffer *rb)
{
	struct live lv;
	const char *why = live_up(&lv, skel->progs.cgroup_skb_http_in);

	if (why) {
		tap_skip(why);
	} else {
		test_live_split(rb, &lv);
		test_live_bodies(rb, &lv);
		test_live_long(rb, &lv);
		test_live_keepalive(rb, &lv);
		test_live_dropped(rb, &lv);
		test_live_out_of_order(rb, &lv);
		report_cost(rb, &lv);
	}
	live_down(&lv);
}

int main(void)
{
	struct ring_buffer *rb = sock_test_up();

	if (ok(rb != NULL, "ring buffer opens"))
		test_live(rb);
	return sock_test_down(rb);
}
