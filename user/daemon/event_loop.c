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
#define NS_PER_S 1000000000ULL

/* An fd watcher (fn) or a timer (on_timer, fd is the loop's own timerfd). */
struct ev_entry {
	int fd;
	ev_handler fn;
	ev_timer_handler on_timer;
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
	for (int i = 0; i < EV_MAX_FDS; i++)
		if (l->entries[i].fd >= 0 && l->entries[i].on_timer)
			close(l->entries[i].fd);
	close(l->epfd);
	free(l);
}

static int add_entry(struct event_loop *l, const struct ev_entry *add)
{
	struct epoll_event ev = { .events = EPOLLIN };

	for (int i = 0; i < EV_MAX_FDS; i++) {
		if (l->entries[i].fd >= 0)
			continue;
		ev.data.ptr = &l->entries[i];
		if (epoll_ctl(l->epfd, EPOLL_CTL_ADD, add->fd, &ev))
			return -errno;
		l->entries[i] = *add;
		return 0;
	}
	return -ENOSPC;
}

/* The entry for fd, of the kind asked for (timer or not), or NULL. */
static struct ev_entry *find_entry(struct event_loop *l, int fd, bool timer)
{
	for (int i = 0; fd >= 0 && i < EV_MAX_FDS; i++)
		if (l->entries[i].fd == fd && !!l->entries[i].on_timer == timer)
			return &l->entries[i];
	return NULL;
}

static int del_entry(struct event_loop *l, struct ev_entry *e)
{
	int fd = e->fd;

	e->fd = -1; /* also skips an event for it still in ev_run's batch */
	return epoll_ctl(l->epfd, EPOLL_CTL_DEL, fd, NULL) ? -errno : 0;
}

int ev_add(struct event_loop *l, int fd, ev_handler fn, void *ctx)
{
	return add_entry(l, &(struct ev_entry){ .fd = fd, .fn = fn, .ctx = ctx });
}

int ev_del(struct event_loop *l, int fd)
{
	struct ev_entry *e = find_entry(l, fd, false);

	return e ? del_entry(l, e) : -ENOENT;
}

int ev_timer_add(struct event_loop *l, uint64_t interval_ns, ev_timer_handler fn, void *ctx)
{
	struct itimerspec its = {
		.it_interval = { (time_t)(interval_ns / NS_PER_S), (long)(interval_ns % NS_PER_S) },
	};
	int fd, err;

	/* A zero interval would disarm the timer: it would never fire. */
	if (!interval_ns)
		return -EINVAL;
	fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	its.it_value = its.it_interval;
	err = timerfd_settime(fd, 0, &its, NULL) ? -errno : 0;
	err = err ?: add_entry(l, &(struct ev_entry){ .fd = fd, .on_timer = fn, .ctx = ctx });
	if (err) {
		close(fd);
		return err;
	}
	return fd;
}

int ev_timer_del(struct event_loop *l, int id)
{
	struct ev_entry *e = find_entry(l, id, true);
	int err;

	if (!e)
		return -ENOENT;
	err = del_entry(l, e);
	close(id);
	return err;
}

void ev_stop(struct event_loop *l)
{
	l->stop = true;
}

/* Reading the expiration count re-arms the timerfd's readiness. */
static int fire_timer(const struct ev_entry *e)
{
	uint64_t n = 0;

	if (read(e->fd, &n, sizeof(n)) != sizeof(n) || !n)
		return 0; /* woken, but no expiration to report */
	return e->on_timer(n, e->ctx);
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
			err = e->on_timer ? fire_timer(e) : e->fn(e->fd, events[i].events, e->ctx);
			if (err)
				return err;
		}
	}
	return 0;
}
