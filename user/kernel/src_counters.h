/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The kernel's exact per-source counters: the gate's slot table (packets,
 * SYNs) and the sensor's (the rest) joined by address and summed over CPUs
 * (gatehawk/sources.h).
 */
#ifndef GATEHAWK_SRC_COUNTERS_H
#define GATEHAWK_SRC_COUNTERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/addr.h"
#include "gatehawk/sources.h"

struct source_row {
	struct gh_addr addr;
	struct src_stats s; /* summed; last_seen_ns is the latest over CPUs */
};

typedef int (*source_visit_fn)(const struct source_row *row, void *ctx);

/*
 * A handle on the per-source tables pinned in pin_dir, to close(2) when done
 * (-ENOENT when nothing is pinned). Each read below joins them anew.
 */
int sources_open(const char *pin_dir);
/* Every source, summed, into a malloc'd array sorted by address (caller frees *rows). */
int sources_read_all(int fd, struct source_row **rows, size_t *n);
/*
 * The same for a reader that reads every second (the daemon): it keeps
 * the tables mapped between reads, remapping one only when another map is
 * pinned in its place (an inotify watch on the directory says when to look
 * again), reads only the slots their used bitmaps mark, and reuses its rows
 * and their index. Every source once, in no particular order.
 */
struct source_reader;

int source_reader_open(const char *pin_dir, struct source_reader **out);
int source_reader_foreach(struct source_reader *r, source_visit_fn fn, void *ctx);
void source_reader_close(struct source_reader *r); /* NULL is fine */
/* Order by address (family, then bytes): for sorting and bsearch. */
int source_addr_cmp(const void *a, const void *b);
/* The gate's slot bookkeeping summed over CPUs; zeros while none is pinned. */
int source_slots_meta(const char *pin_dir, struct src_slot_meta *sum);
/* The sensor's, likewise. */
int source_http_meta(const char *pin_dir, struct src_http_meta *sum);

/*
 * Whether per-source counting is churning, second by second: new sources
 * that took a busy window's lightest slot, plus packets that found no slot
 * at all, against the gate's passed packets since the last step (the
 * "lost" total). A spoofed flood of many sources shows as that share (real
 * traffic brings a new source every many packets); a warning is due when it
 * passed GH_SLOT_WATCH_SHARE_PCT of at least GH_SLOT_WATCH_MIN_PASSED
 * packets, at most once per GH_SLOT_WATCH_QUIET_S so a long flood is one
 * line a minute. A displaced source's history is not counted: one heavy
 * client pushed out is no flood.
 */
#define GH_SLOT_WATCH_SHARE_PCT 10
#define GH_SLOT_WATCH_MIN_PASSED 1000
#define GH_SLOT_WATCH_QUIET_S 60

struct slot_watch {
	uint64_t passed, lost; /* the totals at the last step */
	uint64_t warned_ns;    /* when the last warning was due, 0 never */
	bool primed;           /* a first step has set the totals */
};

/*
 * One step at now_ns with the gate's passed and lost totals; *d_passed and
 * *d_lost get what they grew by. True when a warning is due. Totals that
 * went back (a gate reloaded with fresh maps) start over.
 */
bool slot_watch_step(struct slot_watch *w, uint64_t now_ns, uint64_t passed, uint64_t lost,
		     uint64_t *d_passed, uint64_t *d_lost);

/* Counter names as in SRC_STATS_FIELDS plus last_seen_ns; -1 when unknown. */
int source_field_index(const char *name);
uint64_t source_field_value(const struct source_row *r, int index);
const char *source_field_name(int index);
int source_field_count(void);

#endif /* GATEHAWK_SRC_COUNTERS_H */
