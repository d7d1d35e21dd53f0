/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A single-threaded epoll loop: register fds with typed callbacks, run until
 * stopped or a callback fails. Timers and signals come in as fds too
 * (timerfd, signalfd), so there is one place where the daemon waits.
 */
#ifndef GATEHAWK_EVENT_LOOP_H
#define GATEHAWK_EVENT_LOOP_H

#include <stdint.h>

struct event_loop;

/* Return 0 to continue, negative errno to stop the loop with that error. */
typedef int (*ev_handler)(int fd, uint32_t events, void *ctx);

struct event_loop *ev_loop_new(void);
void ev_loop_free(struct event_loop *l);
int ev_add(struct event_loop *l, int fd, ev_handler fn, void *ctx);
int ev_del(struct event_loop *l, int fd);
/* Runs until ev_stop() or a handler error; returns 0 or that error. */
int ev_run(struct event_loop *l);
void ev_stop(struct event_loop *l);

/* A periodic timerfd; returns the fd or negative errno. */
int ev_timerfd(uint64_t interval_ms);
/* Read a timerfd's expiration count (so it re-arms level triggering). */
uint64_t ev_timerfd_drain(int fd);

#endif /* GATEHAWK_EVENT_LOOP_H */
