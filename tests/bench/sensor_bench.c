// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Socket sensor benchmark (issue 14.3): CPU of the cgroup_skb programs per
 * packet and per request.
 *
 * 1. BPF_PROG_RUN, one frame run 1,000,000 times, the median of 5 runs taken
 *    in turns (bench_run.h): the paths that keep no state between runs, a
 *    pure ACK either way and a response segment (status line and headers).
 *    A request segment cannot be run that way (every run after the first is
 *    a retransmission of the first on the same socket), so it is timed once
 *    per BPF_PROG_RUN on a socket of its own, the median of many: that
 *    includes making the socket's storage and a clock read.
 * 2. Live: keep-alive requests over loopback in a network namespace of the
 *    bench's own, both programs attached to a cgroup the server's sockets
 *    are in (tests/bpf/sock_live.h), a browser's 509-byte head (the one
 *    rate_client.py sends, tests/bench/data/firefox_head.http) and a
 *    response of 220 bytes each time; the kernel's bpf_stats say the
 *    programs' run time and run count, so the figures are ns of the
 *    programs themselves, whatever else the machine does. At sample rate 0
 *    (counting only) and 1 (every head to the ring buffer), in turns.
 *
 * Usage: sensor_bench [--live] [--cold] [REQUESTS]   (live requests a round; 20000)
 * Root. Never a verdict on speed: exit 1 only when something broke.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/bpf.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "gatehawk/sensor.h"
#include "kernel/map_iter.h"
#include "sock_http.skel.h"

#include "bench_frame.h"
#include "bench_run.h"
#include "../bpf/sock_live.h"
#include "../bpf/sock_load.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define FRESH_RUNS 20001
#define LIVE_ROUNDS 5
/* --cold: bytes written between two requests, to evict the programs' code
 * and data from the caches as a busy web host's other work does. */
#define COLD_BYTES (4U << 20)

static char *cold_buf;

/* The browser's head rate_client.py sends too: from the repository's top,
 * or from build/tests/bench/ back up to it. */
#define REQUEST_HEAD_FILE "tests/bench/data/firefox_head.http"
#define FROM_BENCH_BIN "/../../../"
static char request_head[2048]; /* fits a big_frame behind the headers */
static size_t request_head_len;

static const char response_head[] = "HTTP/1.1 200 OK\r\n"
				    "Server: nginx\r\n"
				    "Date: Mon, 30 Nov 2026 04:00:00 GMT\r\n"
				    "Content-Type: text/html\r\n"
				    "Content-Length: 64\r\n"
				    "Last-Modified: Mon, 30 Nov 2026 03:00:00 GMT\r\n"
				    "Connection: keep-alive\r\n"
				    "\r\n";
#define BODY_LEN 64

/* A segment of the client's (egress: the server's) with a payload: bench_frame_tcp's
 * ACK plus bytes. Its checksums are left as they were: the programs read none. */
struct big_frame {
	uint8_t data[4096];
	uint32_t len;
};

static void frame_with_payload(struct big_frame *f, int egress, const char *payload, size_t len)
{
	struct bench_frame ack;
	uint32_t client = htonl(0xc000020a), server = htonl(0xc0000201); /* 192.0.2.10, .1 */
	struct iphdr *ip;
	struct tcphdr *th;

	bench_frame_tcp(&ack, AF_INET, egress ? &server : &client, egress ? &client : &server);
	memcpy(f->data, ack.data, ETH_HLEN + sizeof(*ip) + sizeof(*th));
	ip = (struct iphdr *)(f->data + ETH_HLEN);
	th = (struct tcphdr *)(ip + 1);
	if (egress) {
		th->source = htons(80);
		th->dest = htons(40000);
	}
	th->psh = !!len;
	ip->tot_len = htons((uint16_t)(sizeof(*ip) + sizeof(*th) + len));
	memcpy(th + 1, payload, len);
	/* Unpadded: IP trims Ethernet padding before the hook, BPF_PROG_RUN does not. */
	f->len = ETH_HLEN + sizeof(*ip) + sizeof(*th) + (uint32_t)len;
}

static int run_frame(int fd, const struct big_frame *f, uint32_t repeat, uint32_t *ns)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = f->data, .data_size_in = f->len,
		    .repeat = repeat);

	if (bpf_prog_test_run_opts(fd, &opts))
		return -errno;
	*ns = opts.duration;
	return opts.retval == 1 ? 0 : -EPROTO;
}

static void set_config(struct sock_http_bpf *skel, uint32_t sample_rate)
{
	struct sensor_config cfg = {
		.flags = GH_SENSOR_F_ENABLED, .sample_rate = sample_rate, .n_ports = 2,
		.ports = { 80, 8080 },
	};
	__u32 zero = 0;

	bpf_map_update_elem(bpf_map__fd(skel->maps.sensor_config), &zero, &cfg, BPF_ANY);
}

static const struct stateless_case {
	const char *name;
	int egress;
	const char *payload;
} stateless[] = {
	{ "ingress, pure ACK", 0, "" },
	{ "egress, pure ACK", 1, "" },
	{ "egress, response segment", 1, response_head },
};

static int bench_prog_run(struct sock_http_bpf *skel)
{
	uint32_t ns[ARRAY_LEN(stateless)][BENCH_RUNS];
	static uint32_t each[FRESH_RUNS];
	struct big_frame f;
	char name[48];
	int err;

	set_config(skel, 0);
	printf("BPF_PROG_RUN, IPv4, sample rate 0: ns per run (median of %d runs of %d)\n",
	       BENCH_RUNS, BENCH_REPEAT);
	for (int r = -1; r < BENCH_RUNS; r++) {
		for (size_t c = 0; c < ARRAY_LEN(stateless); c++) {
			const struct stateless_case *k = &stateless[c];
			int fd = k->egress ? bpf_program__fd(skel->progs.cgroup_skb_http_out)
					   : bpf_program__fd(skel->progs.cgroup_skb_http_in);
			uint32_t t;

			frame_with_payload(&f, k->egress, k->payload, strlen(k->payload));
			err = run_frame(fd, &f, r < 0 ? BENCH_WARMUP_REPEAT : BENCH_REPEAT, &t);
			if (err)
				return err;
			if (r >= 0)
				ns[c][r] = t;
		}
	}
	for (size_t c = 0; c < ARRAY_LEN(stateless); c++)
		printf("  %-40s %6u\n", stateless[c].name, bench_median(ns[c], BENCH_RUNS));

	frame_with_payload(&f, 0, request_head, request_head_len);
	for (int i = 0; i < FRESH_RUNS; i++) {
		err = run_frame(bpf_program__fd(skel->progs.cgroup_skb_http_in), &f, 1, &each[i]);
		if (err)
			return err;
	}
	snprintf(name, sizeof(name), "ingress, %zu-byte request head", request_head_len);
	printf("  %-40s %6u  (once per socket, median of %d)\n", name,
	       bench_median(each, FRESH_RUNS), FRESH_RUNS);
	return 0;
}

struct prog_time {
	uint64_t ns, runs;
};

static int prog_time(struct bpf_program *p, struct prog_time *t)
{
	struct bpf_prog_info info = {};
	__u32 len = sizeof(info);

	if (bpf_obj_get_info_by_fd(bpf_program__fd(p), &info, &len))
		return -errno;
	t->ns = info.run_time_ns;
	t->runs = info.run_cnt;
	return 0;
}

static int recv_all(int fd, char *buf, size_t len)
{
	while (len) {
		ssize_t n = recv(fd, buf, len, 0);

		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

static int on_event(void *ctx, void *data, size_t size)
{
	(void)data;
	(void)size;
	++*(uint64_t *)ctx;
	return 0;
}

/* One round of n keep-alive requests; ns and runs of each program added to t[0] (in), t[1] (out). */
static int live_round(struct sock_http_bpf *skel, struct live *lv, struct ring_buffer *rb,
		      uint32_t n, struct prog_time t[2])
{
	static char buf[4096], resp[sizeof(response_head) - 1 + BODY_LEN];
	size_t hlen = request_head_len;
	struct prog_time b[2], a[2];
	struct live_conn c;
	int err = 0;

	memcpy(resp, response_head, sizeof(response_head) - 1);
	memset(resp + sizeof(response_head) - 1, 'x', BODY_LEN);
	if (live_open(lv, &c))
		return -1;
	if (prog_time(skel->progs.cgroup_skb_http_in, &b[0]) ||
	    prog_time(skel->progs.cgroup_skb_http_out, &b[1]))
		err = -1;
	for (uint32_t i = 0; !err && i < n; i++) {
		if (send(c.client, request_head, hlen, 0) != (ssize_t)hlen ||
		    recv_all(c.server, buf, hlen) ||
		    send(c.server, resp, sizeof(resp), 0) != (ssize_t)sizeof(resp) ||
		    recv_all(c.client, buf, sizeof(resp)))
			err = -1;
		if (!(i & 255))
			ring_buffer__consume(rb);
		if (cold_buf)
			memset(cold_buf, (int)i, COLD_BYTES);
	}
	ring_buffer__consume(rb);
	live_close(&c);
	if (err || prog_time(skel->progs.cgroup_skb_http_in, &a[0]) ||
	    prog_time(skel->progs.cgroup_skb_http_out, &a[1]))
		return -1;
	for (int p = 0; p < 2; p++) {
		t[p].ns += a[p].ns - b[p].ns;
		t[p].runs += a[p].runs - b[p].runs;
	}
	return 0;
}

static int bench_live(struct sock_http_bpf *skel, uint32_t n)
{
	static const uint32_t rates[] = { 0, 1 };
	struct prog_time t[ARRAY_LEN(rates)][LIVE_ROUNDS][2];
	struct bpf_link *out = NULL;
	struct ring_buffer *rb;
	uint64_t events = 0;
	const char *why;
	struct live lv;
	int stats_fd, err = -1, cg;

	rb = ring_buffer__new(bpf_map__fd(skel->maps.events), on_event, &events, NULL);
	why = rb ? live_up(&lv, skel->progs.cgroup_skb_http_in) : "no ring buffer";
	if (why) {
		fprintf(stderr, "sensor_bench: live: %s\n", why);
		goto out;
	}
	cg = open(lv.cgroup, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	out = cg < 0 ? NULL : bpf_program__attach_cgroup(skel->progs.cgroup_skb_http_out, cg);
	if (cg >= 0)
		close(cg);
	stats_fd = bpf_enable_stats(BPF_STATS_RUN_TIME);
	if (!out || stats_fd < 0) {
		fprintf(stderr, "sensor_bench: live: cannot attach egress or enable bpf_stats\n");
		goto out;
	}
	memset(t, 0, sizeof(t));
	for (int r = 0; r < LIVE_ROUNDS; r++) {
		for (size_t k = 0; k < ARRAY_LEN(rates); k++) {
			set_config(skel, rates[k]);
			if (live_round(skel, &lv, rb, n, t[k][r]))
				goto out_stats;
		}
	}
	printf("\nlive keep-alive over loopback, %u requests a round, median of %d rounds "
	       "(bpf_stats)\n",
	       n, LIVE_ROUNDS);
	printf("  %-12s %-8s %10s %12s %14s\n", "sample rate", "program", "runs/req", "ns/run",
	       "ns/request");
	for (size_t k = 0; k < ARRAY_LEN(rates); k++) {
		uint32_t sum[LIVE_ROUNDS];

		for (int p = 0; p < 2; p++) {
			uint32_t per_run[LIVE_ROUNDS], per_req[LIVE_ROUNDS];

			for (int r = 0; r < LIVE_ROUNDS; r++) {
				per_run[r] = (uint32_t)(t[k][r][p].ns / (t[k][r][p].runs ?: 1));
				per_req[r] = (uint32_t)(t[k][r][p].ns / n);
				sum[r] = (p ? sum[r] : 0) + per_req[r];
			}
			printf("  %-12u %-8s %10.2f %12u %14u\n", rates[k], p ? "egress" : "ingress",
			       (double)t[k][0][p].runs / n, bench_median(per_run, LIVE_ROUNDS),
			       bench_median(per_req, LIVE_ROUNDS));
		}
		printf("  %-12u %-8s %10s %12s %14u\n", rates[k], "both", "", "",
		       bench_median(sum, LIVE_ROUNDS));
	}
	err = 0;
out_stats:
	close(stats_fd);
out:
	bpf_link__destroy(out);
	if (!why)
		live_down(&lv);
	ring_buffer__free(rb);
	return err;
}

/* The whole of REQUEST_HEAD_FILE; -1 when it cannot be read, is empty or too long. */
static int read_request_head(const char *path)
{
	char exe[PATH_MAX], beside[PATH_MAX + sizeof(FROM_BENCH_BIN REQUEST_HEAD_FILE)];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	FILE *f = fopen(path, "rb");

	if (!f && n > 0) {
		exe[n] = '\0';
		snprintf(beside, sizeof(beside), "%s%s%s", dirname(exe), FROM_BENCH_BIN, path);
		f = fopen(beside, "rb");
	}
	if (!f) {
		fprintf(stderr, "sensor_bench: %s: %s\n", path, strerror(errno));
		return -1;
	}
	request_head_len = fread(request_head, 1, sizeof(request_head), f);
	if (ferror(f) || !request_head_len || request_head_len == sizeof(request_head)) {
		fprintf(stderr, "sensor_bench: %s: expected one request head of 1 to %zu bytes\n",
			path, sizeof(request_head) - 1);
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	struct sock_http_bpf *skel;
	bool live_only = false;
	uint32_t n = 20000;
	int err = 0;

	for (; argc > 1 && argv[1][0] == '-'; argc--, argv++) {
		if (!strcmp(argv[1], "--live")) {
			live_only = true;
		} else if (!strcmp(argv[1], "--cold")) {
			cold_buf = malloc(COLD_BYTES);
			if (!cold_buf)
				return 1;
		} else {
			break;
		}
	}
	if (argc > 2 || (argc == 2 && atoi(argv[1]) <= 0)) {
		fprintf(stderr, "usage: sensor_bench [--live] [--cold] [REQUESTS]\n"
				"  --live    only the live figures (for perf record)\n"
				"  --cold    write %u MiB between live requests: caches as on a busy host\n"
				"  REQUESTS  live keep-alive requests a round (20000)\n"
				"example: build/tests/bench/sensor_bench --live --cold 2000   (as root)\n",
			COLD_BYTES >> 20);
		return 2;
	}
	if (argc == 2)
		n = (uint32_t)atoi(argv[1]);
	if (read_request_head(REQUEST_HEAD_FILE))
		return 1;
	libbpf_set_print(NULL);
	skel = sock_http_load();
	if (!skel) {
		fprintf(stderr, "sensor_bench: cannot load sock_http\n");
		return 1;
	}
	if (!live_only)
		err = bench_prog_run(skel);
	if (err)
		fprintf(stderr, "sensor_bench: BPF_PROG_RUN: %s\n", strerror(-err));
	else
		err = bench_live(skel, n);
	sock_http_bpf__destroy(skel);
	free(cold_buf);
	return err ? 1 : 0;
}
