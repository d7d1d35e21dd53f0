/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Live event time: wall-clock nanoseconds (the CLOCK_REALTIME scale every
 * record carries) that no clock step moves. It is CLOCK_BOOTTIME, which
 * neither `date -s` nor an NTP step touches and which counts suspend (the
 * clock of the sensor's kernel timestamps and of block expiry), plus an
 * offset read from CLOCK_REALTIME once, at the start. A wall clock stepped
 * an hour ahead or back therefore moves no record and no tick: event time
 * only goes forward, at the pace of real time.
 *
 * So that alerts keep printing a time close to the wall clock after a
 * legitimate step (NTP setting a wrong clock at boot), each sync slews the
 * offset toward the wall clock by at most 1/GH_EVENT_CLOCK_SLEW of the time
 * since the previous sync: event time then runs up to 5% fast or slow (a
 * 1 h step is caught up in 20 h, a window's length is off by 5% at most
 * meanwhile) and never goes back. The functions take clock readings as
 * arguments, so the arithmetic is tested without stepping a real clock.
 */
#ifndef GATEHAWK_EVENT_CLOCK_H
#define GATEHAWK_EVENT_CLOCK_H

#include <stdint.h>

#define GH_EVENT_CLOCK_SLEW 20

struct gh_event_clock {
	int64_t offset_ns;       /* event time - boottime */
	uint64_t synced_boot_ns; /* boottime of the last sync */
};

/* Anchored at the wall clock: real_ns and boot_ns read together. */
void gh_event_clock_init(struct gh_event_clock *c, uint64_t real_ns, uint64_t boot_ns);
/* Slew toward the wall clock (about once a second), by the rule above. */
void gh_event_clock_sync(struct gh_event_clock *c, uint64_t real_ns, uint64_t boot_ns);

/* Event time of a boottime instant (a kernel timestamp, or now). */
static inline uint64_t gh_event_time(const struct gh_event_clock *c, uint64_t boot_ns)
{
	return boot_ns + (uint64_t)c->offset_ns;
}

#endif /* GATEHAWK_EVENT_CLOCK_H */
