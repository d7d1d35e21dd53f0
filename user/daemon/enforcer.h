/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Verdicts of the live engine become alert lines, block and throttle
 * entries. A block (or throttle, with the policy's limits) is written into
 * the XDP map at once, with the policy name as its reason and the escalated
 * ttl as its expiry, unless its scope covers a protected
 * address (base/host_addrs.h: loopback, this host, its gateways and
 * resolvers, --protect), a trusted proxy or an allow-listed source, or the
 * daemon runs with --dry-run; then the alert says "action":"alert" and
 * evidence.not_blocked (not_throttled) says why. An automatic block never
 * shortens a longer block already in force, nor a throttle a throttle. When
 * the map is full its expired entries go, or else the automatic entry ending
 * soonest (if before the new one would); manual entries always stay.
 *
 * Without the kernel (run --no-kernel: maps NULL) a block is handed to the
 * --on-block hook instead and remembered (daemon/block_memory.h); a
 * throttle, which only XDP can apply, is not written (not_throttled). Every
 * alert line, and every block that ends (expired: enforcer_gc; evicted),
 * goes through notify (daemon/notify.h) when there is one.
 */
#ifndef GATEHAWK_ENFORCER_H
#define GATEHAWK_ENFORCER_H

#include <stdbool.h>
#include <stdio.h>

#include "daemon/block_memory.h"
#include "engine/engine.h"
#include "input/client_addr.h"
#include "kernel/gate_maps.h"
#include "kernel/pins.h"
#include "kernel/throttle_maps.h"

#define ENFORCER_STATS_FIELDS(X)                                                   \
	X(alerts)           /* alert lines written */                              \
	X(blocks)           /* block entries written or extended */                \
	X(already_blocked)  /* a longer block was in force: left as it was */      \
	X(throttles)        /* throttle entries written or extended */             \
	X(already_throttled) /* a longer throttle was in force: left as it was */  \
	X(spared_protected) /* host_addrs.h's list or a trusted proxy: not blocked */\
	X(narrowed)         /* a prefix over one of those: the source alone blocked */\
	X(spared_allowed)   /* allow-listed: not blocked */                        \
	X(spared_dry_run)   /* --dry-run: not blocked */                           \
	X(evicted_expired)  /* a full map: expired entries deleted for a block */  \
	X(evicted_automatic) /* a full map: the automatic block ending soonest went */\
	X(block_errors)     /* the map refused a block or throttle (full, or an error) */ \
	X(unblocks)         /* blocks that ended, expired or evicted, and were told */

struct enforcer_stats {
#define GH_ENFORCER_MEMBER(name) uint64_t name;
	ENFORCER_STATS_FIELDS(GH_ENFORCER_MEMBER)
#undef GH_ENFORCER_MEMBER
};

struct notify;
struct allow_files;

struct enforcer {
	struct gate_maps *maps;                /* NULL: no kernel, blocks go to the hook */
	FILE *alerts;                          /* alert lines written here; NULL: none */
	struct notify *notify;                 /* sinks, hooks, webhook; NULL: none */
	const struct allow_files *allow_files; /* run --allow-file; NULL: none */
	struct block_memory memory;            /* maps NULL: the blocks handed to the hook */
	bool dry_run;
	const struct trusted_proxies *proxies; /* never blocked; NULL: none */
	struct enforcer_stats stats;
	char spared_why[GH_CIDR_STRLEN + 64]; /* evidence.not_blocked of the last verdict */
	/* A policy's block was written (new or longer): fleet mode shares it. NULL: none. */
	void (*on_block)(const struct verdict *v, void *ctx);
	void *on_block_ctx;
	/* enforcer_gc walks the maps only when an entry may have ended (see there). */
	struct gh_pin_watch gc_watch; /* opened at the first call */
	bool gc_watching;
	bool gc_written; /* a writer opened the pin directory during the last walk */
	uint64_t gc_next_expiry_ns, gc_last_walk_ns; /* 0, 0: never walked */
};

/* The longest enforcer_gc goes without a walk: for writers that take no lock. */
#define GH_GC_SWEEP_S 60

void enforcer_init(struct enforcer *e, struct gate_maps *maps, FILE *alerts, bool dry_run);
/* The engine's verdict_fn; ctx is the struct enforcer. */
void enforcer_verdict(const struct verdict *v, void *ctx);
/*
 * Write block (its reason id set from the reason text) unless a block as
 * long is in force: 0 written, 1 left as it was, or a negative errno. A
 * full map makes room as for a verdict (counted and named in evicted).
 */
int enforcer_write(struct enforcer *e, const struct block_spec *block, const char *reason,
		   char *evicted, size_t len);
/* Whether a block of scope would also drop a trusted proxy. */
bool enforcer_covers_proxy(const struct enforcer *e, const struct gh_cidr *scope);
/*
 * Forget the blocks (and allows, throttles) ended at now_ns (boottime),
 * telling notify of blocks. The maps are walked (a hash map's walk visits
 * all of its buckets, full or not) only when an entry may have ended: the
 * soonest expiry the last walk left is past, a writer opened the pin
 * directory since (every writer takes its lock; the daemon's own writes
 * included), or GH_GC_SWEEP_S passed.
 */
int enforcer_gc(struct enforcer *e, uint64_t now_ns);
void enforcer_free(struct enforcer *e);

#endif /* GATEHAWK_ENFORCER_H */
