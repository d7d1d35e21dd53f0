// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "daemon/event_loop.h"

#define EV_MAX_FDS 64
#define EV_BATCH 16

struct ev_entry {
	int fd;
	ev_handler fn;
	void *ctx;
};

struct event_loop {
	int epfd;
	bool stop;
	struct ev_entry entries[EV_MAX_FDS];
};

struct event_loop *ev_loop_new(void)
{
	struct event_loop *l = calloc(1, sizeof(*l));

	if (!l)
		return NULL;
	l->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (l->epfd < 0) {
		free(l);
		return NULL;
	}
	for (int i = 0; i < EV_MAX_FDS; i++)
		l->entries[i].fd = -1;
	return l;
}

void ev_loop_free(struct event_loop *l)
{
	if (!l)
		return;
	close(l->epfd);
	free(l);
}

int ev_add(struct event_loop *l, int fd, ev_handler fn, void *ctx)
{
	struct epoll_event ev = { .events = EPOLLIN };

	for (int i = 0; i < EV_MAX_FDS; i++) {
		if (l->entries[i].fd >= 0)
			continue;
		ev.data.ptr = &l->entries[i];
		if (epoll_ctl(l->epfd, EPOLL_CTL_ADD, fd, &ev))
			return -errno;
		l->entries[i] = (struct ev_entry){ fd, fn, ctx };
		return 0;
	}
	return -ENOSPC;
}

int ev_del(struct event_loop *l, int fd)
{
	for (int i = 0; i < EV_MAX_FDS; i++) {
		if (l->entries[i].fd != fd)
			continue;
		l->entries[i].fd = -1;
		return epoll_ctl(l->epfd, EPOLL_CTL_DEL, fd, NULL) ? -errno : 0;
	}
	return -ENOENT;
}

void ev_stop(struct event_loop *l)
{
	l->stop = true;
}

int ev_run(struct event_loop *l)
{
	struct epoll_event events[EV_BATCH];

	while (!l->stop) {
		int n = epoll_wait(l->epfd, events, EV_BATCH, -1);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		for (int i = 0; i < n && !l->stop; i++) {
			struct ev_entry *e = events[i].data.ptr;
			int err;

			if (e->fd < 0)
				continue;
			err = e->fn(e->fd, events[i].events, e->ctx);
			if (err)
				return err;
		}
	}
	return 0;
}

int ev_timerfd(uint64_t interval_ms)
{
	struct itimerspec its = {
		.it_interval = { (time_t)(interval_ms / 1000), (long)(interval_ms % 1000) * 1000000L },
	};
	int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);

	if (fd < 0)
		return -errno;
	its.it_value = its.it_interval;
	if (timerfd_settime(fd, 0, &its, NULL)) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

uint64_t ev_timerfd_drain(int fd)
{
	uint64_t n = 0;

	if (read(fd, &n, sizeof(n)) != sizeof(n))
		return 0;
	return n;
}
