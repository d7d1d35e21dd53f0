/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The daemon's reader of the sensor's ring buffer (the pinned "events" map).
 *
 * While events come, a timer drains the ring every GH_RING_DRAIN_MS and the
 * sensor wakes the daemon only for a batch of GH_RING_WAKEUP_BYTES. Once
 * RING_QUIET_DRAINS drains in a row found nothing, the reader sets the
 * sensor's ring_reader_idle flag, drains once more a timer interval later
 * (anything there, even an event still being written, keeps it awake) and
 * then stops its timer: a quiet sensor, or one at sample rate 0, costs no
 * wake-ups. The first event to find the flag set clears it and wakes the
 * reader, which drains at once, once more a millisecond later (the rest of
 * a burst, the response) and then on its timer again; so no event waits
 * more than about GH_RING_DRAIN_MS. Against a sensor pinned by an older
 * gatehawk (no flag) the timer never stops.
 */
#ifndef GATEHAWK_RING_READER_H
#define GATEHAWK_RING_READER_H

#include <stddef.h>

#include "base/err.h"

/*
 * How often the ring buffer is drained while events come and the sensor has
 * not woken us (include/gatehawk/sensor.h, GH_RING_WAKEUP_BYTES): the most a
 * sampled request waits before the policies see it, within the 20 ms that
 * detection to drop may take (p99). Each drain's wake-up costs the daemon
 * about 35 us however little it drains (half the kernel's, half caches
 * filled again), so the interval, not the events, sets that cost: at 10 ms
 * it was over half of the daemon's CPU at 2,000 sampled requests a second.
 */
#define GH_RING_DRAIN_MS 15

struct event_loop;
struct ring_reader;

/* Called for each event; nonzero stops the drain (libbpf's ring_buffer_sample_fn). */
typedef int (*ring_event_fn)(void *ctx, void *data, size_t size);

/* Opens PIN_DIR's ring and registers its fd and drain timer on LOOP. */
int ring_reader_open(struct ring_reader **out, const char *pin_dir, struct event_loop *loop,
		     ring_event_fn fn, void *ctx, struct gh_err *e);
/* Everything the ring holds now, handed to fn; events drained or negative errno. */
int ring_reader_drain(struct ring_reader *r);
/* Leaves the flag clear (the sensor then wakes nobody) and frees; NULL is fine. */
void ring_reader_free(struct ring_reader *r);

#endif /* GATEHAWK_RING_READER_H */
