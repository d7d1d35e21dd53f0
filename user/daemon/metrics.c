// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>
#include <microhttpd.h>

#include "base/clock.h"
#include "base/number.h"
#include "daemon/metrics.h"
#include "daemon/metrics_text.h"

#define CONTENT_TYPE "text/plain; version=0.0.4; charset=utf-8"

struct metrics_server {
	struct MHD_Daemon *mhd;
	int wake_fd; /* eventfd: a scrape asks the loop for a snapshot */
	metrics_render_fn render;
	void *ctx;
	pthread_mutex_t lock;
	pthread_cond_t fresh; /* CLOCK_MONOTONIC */
	/* Under lock: */
	char *text;           /* the last snapshot; NULL before the first */
	size_t len;
	uint64_t rendered_ns; /* CLOCK_MONOTONIC */
	uint64_t generation;  /* snapshots rendered */
	uint64_t asked;       /* the generation a scrape waits for */
};

static int bad_spec(const char *spec, struct gh_err *e)
{
	gh_err_field(e, "--metrics");
	return gh_err_input(e, "--metrics %s: expected ADDR:PORT such as 127.0.0.1:9101, "
			       "[::1]:9101 or 0.0.0.0:9101", spec);
}

/* "ADDR:PORT" or "[ADDR6]:PORT" into sa. */
static int parse_spec(const char *spec, struct sockaddr_storage *sa, socklen_t *len,
		      struct gh_err *e)
{
	const char *colon = strrchr(spec, ':');
	char host[INET6_ADDRSTRLEN + 2];
	size_t hlen = colon ? (size_t)(colon - spec) : 0;
	uint64_t port;

	if (!colon || !hlen || hlen >= sizeof(host) || gh_parse_u64(colon + 1, 65535, &port) ||
	    !port)
		return bad_spec(spec, e);
	memcpy(host, spec, hlen);
	host[hlen] = '\0';
	memset(sa, 0, sizeof(*sa));
	if (host[0] == '[' && host[hlen - 1] == ']') {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)sa;

		host[hlen - 1] = '\0';
		if (inet_pton(AF_INET6, host + 1, &s6->sin6_addr) != 1)
			return bad_spec(spec, e);
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		*len = sizeof(*s6);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)sa;

		if (inet_pton(AF_INET, host, &s4->sin_addr) != 1)
			return bad_spec(spec, e);
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		*len = sizeof(*s4);
	}
	return 0;
}

int metrics_listen(const char *spec, struct gh_err *e)
{
	struct sockaddr_storage sa;
	socklen_t len = 0;
	int fd, one = 1, err = parse_spec(spec, &sa, &len, e);

	if (err)
		return err;
	fd = socket(sa.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return gh_err_sys(e, -errno, "--metrics %s", spec);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (sa.ss_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sa, len) || listen(fd, 64)) {
		err = -errno;
		close(fd);
		return gh_err_sys(e, err, "--metrics %s", spec);
	}
	return fd;
}

/* The loop's side: a scrape asked; render and swap the snapshot in. */
static int on_wake(int fd, uint32_t events, void *ctx)
{
	struct metrics_server *m = ctx;
	struct prom_text t;
	uint64_t n;
	char *old = NULL;

	(void)events;
	if (read(fd, &n, sizeof(n)) != sizeof(n))
		return 0;
	prom_text_init(&t);
	/* A failed render keeps the last snapshot; the waiting scrape still ends. */
	if (m->render(&t, m->ctx) || !t.buf)
		prom_text_free(&t);
	pthread_mutex_lock(&m->lock);
	if (t.buf) {
		old = m->text;
		m->text = t.buf;
		m->len = t.len;
		m->rendered_ns = gh_clock_ns(CLOCK_MONOTONIC);
	}
	m->generation++;
	pthread_cond_broadcast(&m->fresh);
	pthread_mutex_unlock(&m->lock);
	free(old);
	return 0;
}

/* Ask the loop for a snapshot newer than the current one and wait a little for it. */
static void wait_fresh(struct metrics_server *m)
{
	uint64_t want = m->generation + 1, one = 1;
	uint64_t deadline = gh_clock_ns(CLOCK_MONOTONIC) + GH_METRICS_WAIT_MS * 1000000ULL;
	struct timespec ts = { (time_t)(deadline / 1000000000ULL), (long)(deadline % 1000000000ULL) };

	if (m->asked < want) {
		m->asked = want;
		if (write(m->wake_fd, &one, sizeof(one)) != sizeof(one))
			return;
	}
	while (m->generation < want)
		if (pthread_cond_timedwait(&m->fresh, &m->lock, &ts) == ETIMEDOUT)
			break;
}

/* A copy of the snapshot with its age appended, or NULL (none yet, or no memory). */
static char *snapshot(struct metrics_server *m, size_t *len)
{
	struct prom_text age;
	char *out = NULL;

	prom_text_init(&age);
	pthread_mutex_lock(&m->lock);
	wait_fresh(m);
	if (m->text) {
		metrics_render_age(&age, (double)(gh_clock_ns(CLOCK_MONOTONIC) - m->rendered_ns) / 1e9);
		out = age.buf ? malloc(m->len + age.len) : NULL;
		if (out) {
			memcpy(out, m->text, m->len);
			memcpy(out + m->len, age.buf, age.len);
			*len = m->len + age.len;
		}
	}
	pthread_mutex_unlock(&m->lock);
	prom_text_free(&age);
	return out;
}

static enum MHD_Result reply(struct MHD_Connection *c, unsigned int status, char *body,
			     size_t len, enum MHD_ResponseMemoryMode mode)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, body, mode);
	enum MHD_Result ret;

	if (!r) {
		if (mode == MHD_RESPMEM_MUST_FREE)
			free(body);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, CONTENT_TYPE);
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_len, void **req_ctx)
{
	static char not_found[] = "gatehawk: metrics are at /metrics\n";
	static char no_method[] = "gatehawk: GET /metrics\n";
	static char unavailable[] = "gatehawk: no snapshot yet\n";
	struct metrics_server *m = cls;
	size_t len = 0;
	char *body;

	(void)version;
	(void)upload;
	(void)req_ctx;
	if (*upload_len)
		return MHD_NO; /* a body: not a scrape */
	if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD))
		return reply(c, MHD_HTTP_METHOD_NOT_ALLOWED, no_method, sizeof(no_method) - 1,
			     MHD_RESPMEM_PERSISTENT);
	if (strcmp(url, "/metrics"))
		return reply(c, MHD_HTTP_NOT_FOUND, not_found, sizeof(not_found) - 1,
			     MHD_RESPMEM_PERSISTENT);
	body = snapshot(m, &len);
	if (!body)
		return reply(c, MHD_HTTP_SERVICE_UNAVAILABLE, unavailable, sizeof(unavailable) - 1,
			     MHD_RESPMEM_PERSISTENT);
	return reply(c, MHD_HTTP_OK, body, len, MHD_RESPMEM_MUST_FREE);
}

static int init_sync(struct metrics_server *m)
{
	pthread_condattr_t ca;
	int err;

	err = pthread_condattr_init(&ca);
	err = err ?: pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	err = err ?: pthread_cond_init(&m->fresh, &ca);
	pthread_condattr_destroy(&ca);
	return err ?: pthread_mutex_init(&m->lock, NULL);
}

int metrics_start(struct event_loop *loop, int listen_fd, metrics_render_fn fn, void *ctx,
		  struct metrics_server **out, struct gh_err *e)
{
	struct metrics_server *m = calloc(1, sizeof(*m));
	int err;

	*out = NULL;
	if (!m || init_sync(m)) {
		free(m);
		close(listen_fd);
		return gh_err_sys(e, -ENOMEM, "setting up the metrics endpoint");
	}
	m->render = fn;
	m->ctx = ctx;
	m->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	err = m->wake_fd < 0 ? -errno : ev_add(loop, m->wake_fd, on_wake, m);
	if (err) {
		close(listen_fd);
		metrics_stop(m, NULL);
		return gh_err_sys(e, err, "setting up the metrics endpoint");
	}
	/* From here MHD owns listen_fd and closes it when it stops. */
	m->mhd = MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD, 0, NULL, NULL, on_request, m,
				  MHD_OPTION_LISTEN_SOCKET, listen_fd,
				  MHD_OPTION_CONNECTION_LIMIT, (unsigned int)GH_METRICS_MAX_CONNS,
				  MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)GH_METRICS_CONN_TIMEOUT_S,
				  MHD_OPTION_END);
	if (!m->mhd) {
		close(listen_fd);
		metrics_stop(m, loop);
		return gh_err_fail(e, -EIO, "starting the metrics endpoint (libmicrohttpd) failed");
	}
	*out = m;
	return 0;
}

void metrics_stop(struct metrics_server *m, struct event_loop *loop)
{
	if (!m)
		return;
	/* The HTTP thread first: nothing waits on the lock or writes wake_fd after. */
	if (m->mhd)
		MHD_stop_daemon(m->mhd);
	if (m->wake_fd >= 0) {
		if (loop)
			ev_del(loop, m->wake_fd);
		close(m->wake_fd);
	}
	pthread_cond_destroy(&m->fresh);
	pthread_mutex_destroy(&m->lock);
	free(m->text);
	free(m);
}
