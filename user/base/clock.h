/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Clock reads in nanoseconds, the unit of every timestamp in gatehawk, and their text form. */
#ifndef GATEHAWK_CLOCK_H
#define GATEHAWK_CLOCK_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

static inline uint64_t gh_clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* The bpf_ktime_get_boot_ns() clock: block expiry, event timestamps. */
static inline uint64_t gh_boottime_ns(void)
{
	return gh_clock_ns(CLOCK_BOOTTIME);
}

/* RFC 3339 UTC with milliseconds, e.g. 2026-11-25T06:30:00.123Z (CLOCK_REALTIME ns). */
void gh_format_rfc3339(uint64_t ts_ns, char *buf, size_t len);

#endif /* GATEHAWK_CLOCK_H */
