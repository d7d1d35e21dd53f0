// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * slot_watch_step (kernel/src_counters.h): the first step only primes; a
 * second whose lost total (displaced sources and slotless packets) exceeds GH_SLOT_WATCH_SHARE_PCT of at least
 * GH_SLOT_WATCH_MIN_PASSED passed packets warns, the share at the threshold
 * and fewer packets do not; a long flood warns once per
 * GH_SLOT_WATCH_QUIET_S; totals that go back start over; huge totals do
 * not overflow the comparison.
 */
#include "tap.h"
#include "kernel/src_counters.h"

#define S 1000000000ULL

int main(void)
{
	struct slot_watch w = { 0 };
	uint64_t now = 100 * S, passed = 0, lost = 0, dp, du;
	bool due;

	due = slot_watch_step(&w, now, 1000000, 900000, &dp, &du);
	ok(!due && !dp && !du, "the first step primes: no deltas, no warning");

	now += S;
	due = slot_watch_step(&w, now, 1000000 + 10000, 900000 + 1000, &dp, &du);
	ok(!due && dp == 10000 && du == 1000,
	   "exactly %d%% of a second's 10000 passed packets lost: no warning",
	   GH_SLOT_WATCH_SHARE_PCT);

	now += S;
	passed = 1010000 + 10000;
	lost = 901000 + 1001;
	due = slot_watch_step(&w, now, passed, lost, &dp, &du);
	ok(due && dp == 10000 && du == 1001, "1001 of 10000: a warning");

	now += S;
	passed += 10000;
	lost += 9000;
	due = slot_watch_step(&w, now, passed, lost, &dp, &du);
	ok(!due, "the flood goes on a second later: quiet");

	now += (GH_SLOT_WATCH_QUIET_S - 1) * S;
	passed += 10000;
	lost += 9000;
	ok(slot_watch_step(&w, now, passed, lost, &dp, &du),
	   "%d s after the first warning: the next", GH_SLOT_WATCH_QUIET_S);

	now += GH_SLOT_WATCH_QUIET_S * S;
	passed += GH_SLOT_WATCH_MIN_PASSED - 1;
	lost += GH_SLOT_WATCH_MIN_PASSED - 1;
	ok(!slot_watch_step(&w, now, passed, lost, &dp, &du),
	   "all lost but under %d packets passed: no warning", GH_SLOT_WATCH_MIN_PASSED);

	now += S;
	due = slot_watch_step(&w, now, 5000, 5000, &dp, &du);
	ok(!due && !dp && !du, "totals that went back (fresh maps) start over");
	now += S;
	ok(slot_watch_step(&w, now, 5000 + GH_SLOT_WATCH_MIN_PASSED,
			   5000 + GH_SLOT_WATCH_MIN_PASSED, &dp, &du),
	   "and the next second is judged on its own");

	w = (struct slot_watch){ 0 };
	slot_watch_step(&w, now, UINT64_MAX / 4, 0, &dp, &du);
	now += S;
	due = slot_watch_step(&w, now, UINT64_MAX - 1, UINT64_MAX / 2, &dp, &du);
	ok(due && dp == UINT64_MAX - 1 - UINT64_MAX / 4,
	   "huge deltas: the share is compared without overflow (2/3 lost warns)");
	now += GH_SLOT_WATCH_QUIET_S * S;
	due = slot_watch_step(&w, now, UINT64_MAX, UINT64_MAX / 2 + 1, &dp, &du);
	ok(!due, "under %d passed, even all lost: no warning", GH_SLOT_WATCH_MIN_PASSED);
	return tap_done();
}
