/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A single-threaded epoll loop: register fds and periodic timers with typed
 * callbacks, run until stopped or a callback fails. Signals come in as an fd
 * too (signalfd), so there is one place where the daemon waits. Timers are
 * the wait's own timeout (no timerfd to create, read or close): adding,
 * removing and firing one costs no system call, and a timer's wake-up is
 * only the wake-up (the ring reader's drain timer fires dozens of times a
 * second).
 */
#ifndef GATEHAWK_EVENT_LOOP_H
#define GATEHAWK_EVENT_LOOP_H

#include <stdint.h>

struct event_loop;

/* Return 0 to continue, negative errno to stop the loop with that error. */
typedef int (*ev_handler)(int fd, uint32_t events, void *ctx);
/* Same contract; expirations: intervals passed since the last call (>= 1). */
typedef int (*ev_timer_handler)(uint64_t expirations, void *ctx);

struct event_loop *ev_loop_new(void);
/* Fds added with ev_add stay the caller's. */
void ev_loop_free(struct event_loop *l);
int ev_add(struct event_loop *l, int fd, ev_handler fn, void *ctx);
int ev_del(struct event_loop *l, int fd);
/*
 * A timer firing every interval_ns (CLOCK_MONOTONIC), first one interval
 * from now. Returns its id (>= 0, not an fd) for ev_timer_del, or negative
 * errno. A callback may delete its own timer and add another.
 */
int ev_timer_add(struct event_loop *l, uint64_t interval_ns, ev_timer_handler fn, void *ctx);
int ev_timer_del(struct event_loop *l, int id);
/* Runs until ev_stop() or a handler error; returns 0 or that error. */
int ev_run(struct event_loop *l);
void ev_stop(struct event_loop *l);

#endif /* GATEHAWK_EVENT_LOOP_H */
