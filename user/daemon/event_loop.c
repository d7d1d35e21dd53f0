// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "base/clock.h"
#include "daemon/event_loop.h"

#define EV_MAX_FDS 64
#define EV_MAX_TIMERS 16
#define EV_BATCH 16
#define NS_PER_S 1000000000ULL
#define NS_PER_MS 1000000ULL

struct ev_entry {
	int fd;
	ev_handler fn;
	void *ctx;
};

/* Fired by ev_run when due: no fd, no syscall of its own (fn NULL: a free slot). */
struct ev_timer {
	uint64_t interval_ns;
	uint64_t due_ns; /* CLOCK_MONOTONIC */
	ev_timer_handler fn;
	void *ctx;
};

struct event_loop {
	int epfd;
	bool stop;
	bool no_pwait2; /* a kernel before 5.11: timeouts in whole milliseconds */
	struct ev_entry entries[EV_MAX_FDS];
	struct ev_timer timers[EV_MAX_TIMERS];
};

static uint64_t mono_ns(void)
{
	return gh_clock_ns(CLOCK_MONOTONIC);
}

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
		l->entries[i] = (struct ev_entry){ .fd = fd, .fn = fn, .ctx = ctx };
		return 0;
	}
	return -ENOSPC;
}

int ev_del(struct event_loop *l, int fd)
{
	for (int i = 0; fd >= 0 && i < EV_MAX_FDS; i++) {
		if (l->entries[i].fd != fd)
			continue;
		l->entries[i].fd = -1; /* also skips an event for it still in ev_run's batch */
		return epoll_ctl(l->epfd, EPOLL_CTL_DEL, fd, NULL) ? -errno : 0;
	}
	return -ENOENT;
}

int ev_timer_add(struct event_loop *l, uint64_t interval_ns, ev_timer_handler fn, void *ctx)
{
	/* A zero interval would fire without end. */
	if (!interval_ns)
		return -EINVAL;
	for (int i = 0; i < EV_MAX_TIMERS; i++) {
		if (l->timers[i].fn)
			continue;
		l->timers[i] = (struct ev_timer){ .interval_ns = interval_ns,
						  .due_ns = mono_ns() + interval_ns,
						  .fn = fn,
						  .ctx = ctx };
		return i;
	}
	return -ENOSPC;
}

int ev_timer_del(struct event_loop *l, int id)
{
	if (id < 0 || id >= EV_MAX_TIMERS || !l->timers[id].fn)
		return -ENOENT;
	l->timers[id].fn = NULL;
	return 0;
}

void ev_stop(struct event_loop *l)
{
	l->stop = true;
}

/* Every timer due at now, told how many of its intervals passed. */
static int fire_timers(struct event_loop *l, uint64_t now)
{
	for (int i = 0; i < EV_MAX_TIMERS && !l->stop; i++) {
		struct ev_timer *t = &l->timers[i];
		uint64_t n;
		int err;

		if (!t->fn || t->due_ns > now)
			continue;
		n = (now - t->due_ns) / t->interval_ns + 1;
		t->due_ns += n * t->interval_ns;
		/* The callback may delete this timer, or add one in its slot. */
		err = t->fn(n, t->ctx);
		if (err)
			return err;
	}
	return 0;
}

/* Nanoseconds until the next timer is due; -1: no timer, wait for fds only. */
static int64_t next_timeout_ns(const struct event_loop *l, uint64_t now)
{
	int64_t wait = -1;

	for (int i = 0; i < EV_MAX_TIMERS; i++) {
		const struct ev_timer *t = &l->timers[i];
		int64_t left;

		if (!t->fn)
			continue;
		left = t->due_ns > now ? (int64_t)(t->due_ns - now) : 0;
		if (wait < 0 || left < wait)
			wait = left;
	}
	return wait;
}

/*
 * The one place the loop sleeps: until an fd is ready or the next timer is
 * due. A timer is the wait's timeout, not a timerfd to read, so a fire
 * costs the wake-up and nothing more.
 */
static int wait_events(struct event_loop *l, struct epoll_event *events)
{
	int64_t wait = next_timeout_ns(l, mono_ns());
	struct timespec ts = { (time_t)(wait / (int64_t)NS_PER_S), (long)(wait % (int64_t)NS_PER_S) };
	int n;

	if (!l->no_pwait2) {
		n = epoll_pwait2(l->epfd, events, EV_BATCH, wait < 0 ? NULL : &ts, NULL);
		if (n >= 0 || errno != ENOSYS)
			return n;
		l->no_pwait2 = true;
	}
	/* Rounded up: a timer is never fired early. */
	return epoll_wait(l->epfd, events, EV_BATCH,
			  wait < 0 ? -1 : (int)((wait + (int64_t)NS_PER_MS - 1) / (int64_t)NS_PER_MS));
}

int ev_run(struct event_loop *l)
{
	struct epoll_event events[EV_BATCH];

	while (!l->stop) {
		int n, err = fire_timers(l, mono_ns());

		if (err)
			return err;
		if (l->stop)
			break;
		n = wait_events(l, events);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		for (int i = 0; i < n && !l->stop; i++) {
			struct ev_entry *e = events[i].data.ptr;

			if (e->fd < 0)
				continue;
			err = e->fn(e->fd, events[i].events, e->ctx);
			if (err)
				return err;
		}
	}
	return 0;
}
