/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * "How many in the last minute, the last hour": a small ring of running
 * totals, one slot per step (a second, a minute), so the growth over a span
 * is today's totals minus the slot span ago. Nothing is stored per event;
 * noting the totals once per step is the whole cost.
 */
#ifndef GATEHAWK_RECENT_H
#define GATEHAWK_RECENT_H

#include <stdbool.h>
#include <stdint.h>

/* A span of 60 steps needs the slot 60 steps ago as well. */
#define GH_RECENT_SLOTS 61
/* Totals kept side by side (the daemon's: alerts and blocks). */
#define GH_RECENT_SERIES 2

struct gh_recent {
	uint64_t step_s;
	uint64_t first, last; /* step numbers (time / step_s) of the oldest and newest notes */
	bool any;
	uint64_t totals[GH_RECENT_SLOTS][GH_RECENT_SERIES];
};

void gh_recent_init(struct gh_recent *r, uint64_t step_s);
/*
 * The running totals at now_s (any monotonic seconds). A later note in the
 * same step replaces the earlier; steps skipped keep the totals before the
 * gap. A clock going back is ignored.
 */
void gh_recent_note(struct gh_recent *r, uint64_t now_s, const uint64_t *totals);
/*
 * How much each total grew over the last span_s seconds (whole steps, at
 * most GH_RECENT_SLOTS - 1 of them) up to totals. The totals start at zero:
 * a span reaching back before the first note is all of them.
 */
void gh_recent_growth(const struct gh_recent *r, uint64_t now_s, uint64_t span_s,
		      const uint64_t *totals, uint64_t *out);

#endif /* GATEHAWK_RECENT_H */
