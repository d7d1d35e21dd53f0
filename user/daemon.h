/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * `gatehawk run`: attach the gate, then stay in the foreground on one epoll
 * loop (signalfd for SIGTERM/SIGINT/SIGHUP, a 1 s timerfd tick). SIGTERM
 * leaves the gate and its pins in place; `gatehawk detach` (pins removed)
 * makes the daemon exit on its next tick.
 */
#ifndef GATEHAWK_DAEMON_H
#define GATEHAWK_DAEMON_H

#include "gate_loader.h"

/* Expired block entries are reclaimed this often; the program already
 * ignores them, GC only frees their slots. */
#define GH_GC_INTERVAL_S 5
#define GH_TICK_MS 1000

struct daemon_opts {
	struct gate_attach_opts attach;
};

int daemon_run(const struct daemon_opts *o);

#endif /* GATEHAWK_DAEMON_H */
