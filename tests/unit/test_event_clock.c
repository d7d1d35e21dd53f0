// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The daemon's event clock on given clock readings: anchored at the wall
 * clock, it runs with boottime; a step of the wall clock (an hour ahead,
 * an hour back) moves no event time at once, is caught up at 1/20 of the
 * time passing and never makes event time go back; no time passing means
 * no slew at all.
 */
#include <stdint.h>
#include <stdlib.h>

#include "base/event_clock.h"
#include "tap.h"

#define S 1000000000ULL
#define REAL0 (1700000000ULL * S)
#define BOOT0 (500ULL * S)
#define HOUR (3600ULL * S)

static void test_anchor(void)
{
	struct gh_event_clock c;

	gh_event_clock_init(&c, REAL0, BOOT0);
	ok_eq(gh_event_time(&c, BOOT0), REAL0, "at the anchor, event time is the wall clock");
	ok_eq(gh_event_time(&c, BOOT0 + 5 * S) - REAL0, 5 * S, "it runs with boottime");
	gh_event_clock_sync(&c, REAL0 + 7 * S, BOOT0 + 7 * S);
	ok_eq(gh_event_time(&c, BOOT0 + 7 * S), REAL0 + 7 * S,
	      "a wall clock that did not step leaves it on the wall clock");
}

static void test_step_ahead(void)
{
	struct gh_event_clock c;
	uint64_t t1, t2;

	gh_event_clock_init(&c, REAL0, BOOT0);
	/* date -s an hour ahead, one second after the start */
	gh_event_clock_sync(&c, REAL0 + HOUR + S, BOOT0 + S);
	t1 = gh_event_time(&c, BOOT0 + S);
	ok(t1 >= REAL0 + S && t1 - (REAL0 + S) <= S / GH_EVENT_CLOCK_SLEW,
	   "a second after a 1 h step ahead, event time moved a second and at most 50 ms more "
	   "(%.3f s)", (double)(t1 - REAL0) / S);
	for (uint64_t s = 2; s <= 10; s++)
		gh_event_clock_sync(&c, REAL0 + HOUR + s * S, BOOT0 + s * S);
	t2 = gh_event_time(&c, BOOT0 + 10 * S);
	ok(t2 - REAL0 >= 10 * S && t2 - REAL0 <= 10 * S + 10 * S / GH_EVENT_CLOCK_SLEW,
	   "10 s on, it is 10 s to 10.5 s after the start, not an hour (%.3f s)",
	   (double)(t2 - REAL0) / S);
	for (uint64_t s = 11; s <= 21 * 3600; s++)
		gh_event_clock_sync(&c, REAL0 + HOUR + s * S, BOOT0 + s * S);
	ok_eq(gh_event_time(&c, BOOT0 + 21 * HOUR), REAL0 + HOUR + 21 * HOUR,
	      "21 h later the hour is caught up, exactly: on the wall clock again");
}

static void test_step_back(void)
{
	struct gh_event_clock c;
	uint64_t before, after;

	gh_event_clock_init(&c, REAL0, BOOT0);
	before = gh_event_time(&c, BOOT0 + S);
	gh_event_clock_sync(&c, REAL0 - HOUR + 2 * S, BOOT0 + 2 * S);
	after = gh_event_time(&c, BOOT0 + 2 * S);
	ok(after > before, "after a 1 h step back, event time still went forward");
	ok(after >= REAL0 + 2 * S - 2 * S / GH_EVENT_CLOCK_SLEW,
	   "by a second, less at most 100 ms of slew (%.3f s)",
	   (double)((int64_t)(after - REAL0)) / S);
	gh_event_clock_sync(&c, REAL0 - HOUR + 2 * S, BOOT0 + 2 * S);
	ok_eq(gh_event_time(&c, BOOT0 + 2 * S), after, "a sync with no time passed changes nothing");
}

/* Steps of up to a day either way, every few seconds: never backwards. */
static void test_never_back(void)
{
	struct gh_event_clock c;
	uint64_t boot = BOOT0, prev;
	int64_t wall_shift = 0;
	int backwards = 0;

	srand(7);
	gh_event_clock_init(&c, REAL0, BOOT0);
	prev = gh_event_time(&c, boot);
	for (int i = 0; i < 100000; i++) {
		boot += (uint64_t)(rand() % 5000 + 1) * 1000000ULL;
		if (rand() % 10 == 0)
			wall_shift = (int64_t)(rand() % 48 - 24) * (int64_t)HOUR;
		gh_event_clock_sync(&c, (uint64_t)((int64_t)(REAL0 + boot - BOOT0) + wall_shift),
				    boot);
		backwards += gh_event_time(&c, boot) <= prev;
		prev = gh_event_time(&c, boot);
	}
	ok_eq(backwards, 0, "100000 syncs among random steps of the wall clock: never back");
}

int main(void)
{
	test_anchor();
	test_step_ahead();
	test_step_back();
	test_never_back();
	return tap_done();
}
