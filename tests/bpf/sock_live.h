/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Real TCP segments for the socket sensor's BPF tests. BPF_PROG_RUN gives
 * every run a socket of its own (so no state carries from one segment to
 * the next) and at most a page of data; what spans segments, or is bigger
 * than a page, goes through a real connection instead:
 *
 *   live_up()     a network namespace and a cgroup v2 of this process's own,
 *                 the ingress program attached to that cgroup, a listener
 *                 on 127.0.0.1:LIVE_PORT made in it; the process goes back
 *                 to its own cgroup, so only the server's sockets (accepted
 *                 ones inherit the listener's cgroup) run the program
 *   live_open()   a client connection (TCP_NODELAY) and the server's end
 *   live_send()   one send() of some bytes, then wait until the server's
 *                 socket holds them: the program has seen them, and the next
 *                 send() cannot join them in one segment
 *   live_inject() a segment of the client's that its socket never sent:
 *                 ahead of its next sequence number (out of order), or one
 *                 the server's TCP drops after the cgroup hook ran on it (a
 *                 bad checksum, which loopback leaves TCP to check)
 *   live_down()   the link and the cgroup gone
 *
 * The server reads only when told to (live_drain): its receive queue shows
 * what arrived (SIOCINQ).
 */
#ifndef GATEHAWK_TEST_SOCK_LIVE_H
#define GATEHAWK_TEST_SOCK_LIVE_H

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <netinet/in.h>
#include <linux/tcp.h> /* TCP_NODELAY; netinet/tcp.h clashes with it */
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/sockios.h>
#include <bpf/libbpf.h>

#include "kernel/sensor_loader.h"

#define LIVE_PORT 8080

struct live {
	char cgroup[PATH_MAX];      /* ours */
	char home_procs[PATH_MAX];  /* cgroup.procs of the one we came from */
	struct bpf_link *link;
	int listen_fd;
};

struct live_conn {
	int client;
	int server;
	size_t sent; /* bytes sent and not drained, all of which the server holds */
};

static inline int live_write_pid(const char *procs)
{
	char pid[32];
	int fd = open(procs, O_WRONLY | O_CLOEXEC), n, ok;

	if (fd < 0)
		return -1;
	n = snprintf(pid, sizeof(pid), "%d", (int)getpid());
	ok = write(fd, pid, (size_t)n) == n;
	close(fd);
	return ok ? 0 : -1;
}

static inline int live_lo_up(void)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), err;

	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "lo");
	err = ioctl(fd, SIOCGIFFLAGS, &ifr);
	ifr.ifr_flags |= IFF_UP;
	err = err ?: ioctl(fd, SIOCSIFFLAGS, &ifr);
	close(fd);
	return err;
}

/* The cgroup2 path this process is in ("0::/path" in /proc/self/cgroup). */
static inline int live_home(const char *root, char *procs, size_t len)
{
	char line[1024];
	FILE *f = fopen("/proc/self/cgroup", "r");
	int err = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "0::", 3))
			continue;
		line[strcspn(line, "\n")] = '\0';
		snprintf(procs, len, "%s%s/cgroup.procs", root, strcmp(line + 3, "/") ? line + 3 : "");
		err = 0;
	}
	fclose(f);
	return err;
}

/* 0, or a reason the live tests cannot run here. */
static inline const char *live_up(struct live *lv, struct bpf_program *prog)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(LIVE_PORT) };
	char root[256], procs[PATH_MAX + 16];
	int one = 1, cg_fd;

	memset(lv, 0, sizeof(*lv));
	lv->listen_fd = -1;
	if (gh_cgroup2_root(root, sizeof(root)) || live_home(root, lv->home_procs,
							     sizeof(lv->home_procs)))
		return "no cgroup2 mount";
	if (unshare(CLONE_NEWNET) || live_lo_up())
		return "cannot make a network namespace";
	snprintf(lv->cgroup, sizeof(lv->cgroup), "%s/gh-test-sock-http-%d", root, (int)getpid());
	snprintf(procs, sizeof(procs), "%s/cgroup.procs", lv->cgroup);
	if (mkdir(lv->cgroup, 0755) || live_write_pid(procs))
		return "cannot make and enter a cgroup";
	cg_fd = open(lv->cgroup, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	lv->link = cg_fd < 0 ? NULL : bpf_program__attach_cgroup(prog, cg_fd);
	if (cg_fd >= 0)
		close(cg_fd);
	if (!lv->link)
		return "cannot attach to the cgroup";
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	lv->listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (lv->listen_fd < 0 ||
	    setsockopt(lv->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(lv->listen_fd, (struct sockaddr *)&a, sizeof(a)) || listen(lv->listen_fd, 16))
		return "cannot listen on 127.0.0.1";
	if (live_write_pid(lv->home_procs))
		return "cannot go back to the process's cgroup";
	return NULL;
}

static inline void live_down(struct live *lv)
{
	if (lv->listen_fd >= 0)
		close(lv->listen_fd);
	bpf_link__destroy(lv->link);
	if (lv->home_procs[0])
		live_write_pid(lv->home_procs);
	/* The cgroup goes once empty; its sockets (closed by now) hold no task. */
	if (lv->cgroup[0])
		rmdir(lv->cgroup);
}

static inline int live_open(struct live *lv, struct live_conn *c)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(LIVE_PORT) };
	int one = 1;

	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	c->sent = 0;
	c->server = -1;
	c->client = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (c->client < 0 ||
	    setsockopt(c->client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) ||
	    connect(c->client, (struct sockaddr *)&a, sizeof(a)))
		return -1;
	c->server = accept(lv->listen_fd, NULL, NULL);
	return c->server < 0 ? -1 : 0;
}

static inline void live_close(struct live_conn *c)
{
	if (c->client >= 0)
		close(c->client);
	if (c->server >= 0)
		close(c->server);
	c->client = c->server = -1;
}

/* One segment: send len bytes, wait (at most 2 s) until the server holds them. */
static inline int live_send(struct live_conn *c, const void *p, size_t len)
{
	struct timespec nap = { 0, 1000000 };
	int queued = 0;

	if (send(c->client, p, len, 0) != (ssize_t)len)
		return -1;
	c->sent += len;
	for (int i = 0; i < 2000; i++) {
		if (ioctl(c->server, SIOCINQ, &queued))
			return -1;
		if ((size_t)queued >= c->sent)
			return 0;
		nanosleep(&nap, NULL);
	}
	errno = ETIMEDOUT;
	return -1;
}

/* The client's next sequence number and the one it expects (TCP_REPAIR, root). */
static inline int live_seqs(struct live_conn *c, uint32_t *snd, uint32_t *rcv)
{
	int on = 1, off = TCP_REPAIR_OFF_NO_WP, q;
	socklen_t len = sizeof(*snd);
	int err;

	err = setsockopt(c->client, IPPROTO_TCP, TCP_REPAIR, &on, sizeof(on));
	q = TCP_SEND_QUEUE;
	err = err ?: setsockopt(c->client, IPPROTO_TCP, TCP_REPAIR_QUEUE, &q, sizeof(q));
	err = err ?: getsockopt(c->client, IPPROTO_TCP, TCP_QUEUE_SEQ, snd, &len);
	q = TCP_RECV_QUEUE;
	err = err ?: setsockopt(c->client, IPPROTO_TCP, TCP_REPAIR_QUEUE, &q, sizeof(q));
	err = err ?: getsockopt(c->client, IPPROTO_TCP, TCP_QUEUE_SEQ, rcv, &len);
	setsockopt(c->client, IPPROTO_TCP, TCP_REPAIR, &off, sizeof(off));
	return err;
}

static inline uint32_t csum_add(uint32_t sum, const void *p, size_t len)
{
	const uint8_t *b = p;

	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(b[i] << 8 | b[i + 1]);
	if (len & 1)
		sum += (uint32_t)(b[len - 1] << 8);
	return sum;
}

/*
 * len bytes as a segment of the client's at `ahead` bytes past its next
 * sequence number, sent past its socket through a raw one; with `corrupt`
 * its TCP checksum is one off, so the cgroup program sees the segment and
 * then TCP drops it. (TCP checks the checksum of a segment of up to 76
 * bytes, header included, before the hook: make len more than 56.)
 */
static inline int live_inject(struct live_conn *c, const void *p, size_t len, uint32_t ahead,
		       bool corrupt)
{
	struct sockaddr_in me, to = { .sin_family = AF_INET, .sin_port = 0 };
	socklen_t alen = sizeof(me);
	uint8_t seg[1500];
	struct tcphdr *th = (struct tcphdr *)seg;
	uint32_t snd, rcv, sum;
	int fd, err;

	if (len > sizeof(seg) - sizeof(*th) || live_seqs(c, &snd, &rcv) ||
	    getsockname(c->client, (struct sockaddr *)&me, &alen))
		return -1;
	memset(th, 0, sizeof(*th));
	th->source = me.sin_port;
	th->dest = htons(LIVE_PORT);
	th->seq = htonl(snd + ahead);
	th->ack_seq = htonl(rcv);
	th->doff = 5;
	th->ack = 1;
	th->psh = 1;
	th->window = htons(65535);
	memcpy(seg + sizeof(*th), p, len);
	/* Pseudo header (127.0.0.1 twice, TCP, length), header and payload. */
	sum = 2 * 0x7f00 + 2 * 0x0001 + IPPROTO_TCP + (uint32_t)(sizeof(*th) + len);
	sum = csum_add(sum, seg, sizeof(*th) + len);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	th->check = htons((uint16_t)(~sum + corrupt));
	to.sin_addr = me.sin_addr;
	fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_TCP);
	if (fd < 0)
		return -1;
	err = sendto(fd, seg, sizeof(*th) + len, 0, (struct sockaddr *)&to, sizeof(to)) < 0;
	close(fd);
	return err ? -1 : 0;
}

/* The server reads all it holds (an upload longer than its receive buffer). */
static inline int live_drain(struct live_conn *c)
{
	char buf[65536];

	while (c->sent) {
		ssize_t n = recv(c->server, buf, c->sent < sizeof(buf) ? c->sent : sizeof(buf), 0);

		if (n <= 0)
			return -1;
		c->sent -= (size_t)n;
	}
	return 0;
}

#endif /* GATEHAWK_TEST_SOCK_LIVE_H */
