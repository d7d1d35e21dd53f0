// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * One round of the detection-to-drop benchmark, run in the client's network
 * namespace: a login brute force from --src (FAILURES POSTs to --path, each
 * on its own connection, each expected to be answered 401), then new
 * connections from the same address every --gap-us until one gets no
 * SYN-ACK within --probe-ms (its SYN was dropped). Prints three times on
 * CLOCK_BOOTTIME, in ns, the clock of the gate's block entries (created_ns):
 * the last failed login sent, its response read, the first unanswered SYN
 * sent. Exit 0 with them, 3 if nothing was dropped within --wait-ms, 1 on
 * any other failure, 2 on usage.
 *
 *   drop_latency --src ADDR --dst ADDR [--port 80] [--path /login]
 *                [--failures 10] [--gap-us 250] [--probe-ms 250] [--wait-ms 5000]
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct opts {
	struct sockaddr_storage src, dst;
	socklen_t len;
	const char *path;
	int failures, gap_us, probe_ms, wait_ms;
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static int parse_addr(const char *s, int port, struct sockaddr_storage *ss, socklen_t *len)
{
	struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, s, &a4->sin_addr) == 1) {
		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		*len = sizeof(*a4);
		return 0;
	}
	if (inet_pton(AF_INET6, s, &a6->sin6_addr) == 1) {
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		*len = sizeof(*a6);
		return 0;
	}
	return -1;
}

/* A socket bound to the source address; non-blocking when asked. */
static int client_socket(const struct opts *o, int flags)
{
	int fd = socket(o->dst.ss_family, SOCK_STREAM | SOCK_CLOEXEC | flags, 0);

	if (fd < 0)
		return -1;
	if (bind(fd, (const struct sockaddr *)&o->src, o->len)) {
		close(fd);
		return -1;
	}
	return fd;
}

/* One failed login on a fresh connection: the response's status, or -1;
 * *sent_ns: when the request was written. */
static int post_login(const struct opts *o, uint64_t *sent_ns)
{
	struct timeval tv = { .tv_sec = 2 };
	char req[512], resp[4096];
	size_t used = 0;
	ssize_t n;
	int fd, status = -1, len;

	len = snprintf(req, sizeof(req),
		       "POST %s HTTP/1.1\r\nHost: lab\r\nUser-Agent: gatehawk-drop-latency\r\n"
		       "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 26\r\n"
		       "Connection: close\r\n\r\nuser=admin&password=guess1",
		       o->path);
	fd = client_socket(o, 0);
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (const struct sockaddr *)&o->dst, o->len))
		goto out;
	*sent_ns = now_ns();
	if (write(fd, req, (size_t)len) != len)
		goto out;
	/* Read to the end: the server closes after the response. */
	while ((n = read(fd, resp + used, sizeof(resp) - 1 - used)) > 0)
		if ((used += (size_t)n) == sizeof(resp) - 1)
			used = 16; /* keep the status line, drop the body */
	resp[used] = '\0';
	if (n == 0 && sscanf(resp, "HTTP/1.%*d %d", &status) != 1)
		status = -1;
out:
	close(fd);
	return status;
}

/* 1 if a new connection got no SYN-ACK within probe_ms, 0 if it did, -1 on error. */
static int syn_dropped(const struct opts *o)
{
	struct linger rst = { .l_onoff = 1, .l_linger = 0 };
	struct pollfd p = { .events = POLLOUT };
	int err = 0, r;
	socklen_t elen = sizeof(err);

	p.fd = client_socket(o, SOCK_NONBLOCK);
	if (p.fd < 0)
		return -1;
	if (connect(p.fd, (const struct sockaddr *)&o->dst, o->len) && errno != EINPROGRESS) {
		close(p.fd);
		return -1;
	}
	r = poll(&p, 1, o->probe_ms);
	if (r > 0 && (getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &err, &elen) || err))
		r = -1;
	/* RST, not FIN: no TIME_WAIT piling up over the rounds. */
	setsockopt(p.fd, SOL_SOCKET, SO_LINGER, &rst, sizeof(rst));
	close(p.fd);
	return r < 0 ? -1 : r == 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: drop_latency --src ADDR --dst ADDR [--port N] [--path P] "
			"[--failures N] [--gap-us N] [--probe-ms N] [--wait-ms N]\n");
	return 2;
}

int main(int argc, char **argv)
{
	const struct option longopts[] = {
		{ "src", required_argument, NULL, 's' },
		{ "dst", required_argument, NULL, 'd' },
		{ "port", required_argument, NULL, 'p' },
		{ "path", required_argument, NULL, 'P' },
		{ "failures", required_argument, NULL, 'f' },
		{ "gap-us", required_argument, NULL, 'g' },
		{ "probe-ms", required_argument, NULL, 't' },
		{ "wait-ms", required_argument, NULL, 'w' },
		{ 0 },
	};
	struct opts o = { .path = "/login", .failures = 10, .gap_us = 250, .probe_ms = 250,
			  .wait_ms = 5000 };
	const char *src = NULL, *dst = NULL;
	int c, port = 80, status, dropped;
	socklen_t slen;
	uint64_t sent = 0, t0, t;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 's': src = optarg; break;
		case 'd': dst = optarg; break;
		case 'p': port = atoi(optarg); break;
		case 'P': o.path = optarg; break;
		case 'f': o.failures = atoi(optarg); break;
		case 'g': o.gap_us = atoi(optarg); break;
		case 't': o.probe_ms = atoi(optarg); break;
		case 'w': o.wait_ms = atoi(optarg); break;
		default: return usage();
		}
	}
	if (!src || !dst || parse_addr(dst, port, &o.dst, &o.len) ||
	    parse_addr(src, 0, &o.src, &slen) || slen != o.len || o.failures < 1 ||
	    o.probe_ms < 1 || o.gap_us < 0)
		return usage();
	for (int i = 0; i < o.failures; i++) {
		status = post_login(&o, &sent);
		if (status != 401) {
			fprintf(stderr, "drop_latency: login %d of %d from %s: status %d, "
					"expected 401\n", i + 1, o.failures, src, status);
			return 1;
		}
	}
	t0 = now_ns();
	do {
		t = now_ns();
		dropped = syn_dropped(&o);
		if (dropped < 0) {
			fprintf(stderr, "drop_latency: connect from %s: %s\n", src, strerror(errno));
			return 1;
		}
		if (dropped) {
			printf("%llu %llu %llu\n", (unsigned long long)sent,
			       (unsigned long long)t0, (unsigned long long)t);
			return 0;
		}
		usleep((useconds_t)o.gap_us);
	} while (t - t0 < (uint64_t)o.wait_ms * 1000000);
	fprintf(stderr, "drop_latency: %s still connects %d ms after its last failure\n", src,
		o.wait_ms);
	return 3;
}
