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
 */
#ifndef GATEHAWK_ENFORCER_H
#define GATEHAWK_ENFORCER_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/engine.h"
#include "input/client_addr.h"
#include "kernel/gate_maps.h"
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
	X(block_errors)     /* the map refused a block or throttle (full, or an error) */

struct enforcer_stats {
#define GH_ENFORCER_MEMBER(name) uint64_t name;
	ENFORCER_STATS_FIELDS(GH_ENFORCER_MEMBER)
#undef GH_ENFORCER_MEMBER
};

struct enforcer {
	struct gate_maps *maps;
	FILE *alerts;
	bool dry_run;
	const struct trusted_proxies *proxies; /* never blocked; NULL: none */
	struct enforcer_stats stats;
	char spared_why[GH_CIDR_STRLEN + 64]; /* evidence.not_blocked of the last verdict */
};

void enforcer_init(struct enforcer *e, struct gate_maps *maps, FILE *alerts, bool dry_run);
/* The engine's verdict_fn; ctx is the struct enforcer. */
void enforcer_verdict(const struct verdict *v, void *ctx);

#endif /* GATEHAWK_ENFORCER_H */
