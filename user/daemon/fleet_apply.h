/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The fleet on the event loop's side: decisions from the bucket become
 * block entries of this host (with the time they have left, marked
 * GH_BLOCK_F_FLEET so they are never published again), and this host's
 * own blocks, a policy's or the operator's, become decisions to publish.
 *
 * What this host protects always wins over the fleet: loopback, its own
 * addresses, gateways, resolvers and --protect networks, trusted proxies
 * and --dry-run refuse a fleet block; allow entries pass whatever the block
 * map says. A block never shortens a longer one in force; one no longer
 * than the entry in force (within a second) is a duplicate, so a decision
 * read again after a reconnect is applied once. An unblock removes a
 * fleet-learned or automatic entry, never a manual block of this host.
 */
#ifndef GATEHAWK_FLEET_APPLY_H
#define GATEHAWK_FLEET_APPLY_H

#include <json-c/json.h>

#include "daemon/enforcer.h"
#include "daemon/fleet.h"
#include "daemon/fleet_stream.h"

/* The control command CLI block add/del send a daemon: "fleet block CIDR". */
#define GH_FLEET_CMD_BLOCK "fleet block "
#define GH_FLEET_CMD_UNBLOCK "fleet unblock "

#define FLEET_APPLY_FIELDS(X)                                                        \
	X(applied)          /* blocks written into this host's map */               \
	X(duplicates)       /* a block at least as long was in force already */     \
	X(unblocked)        /* entries an unblock removed */                         \
	X(unblock_kept)     /* unblocks of a manual block of this host: kept */     \
	X(own)              /* this host's decisions read back, not applied again */\
	X(spared_protected) /* over this host, a gateway, resolver, --protect, proxy */\
	X(spared_allowed)   /* its first address allow-listed */                     \
	X(spared_dry_run)   /* --dry-run */                                          \
	X(apply_errors)     /* the map refused the entry */                          \
	X(lag_ms_last)      /* decision at the origin to entry here, last one */    \
	X(lag_ms_max)       /* the same, largest since start (catch-ups left out) */

struct fleet_apply_stats {
#define GH_FLEET_APPLY_MEMBER(name) uint64_t name;
	FLEET_APPLY_FIELDS(GH_FLEET_APPLY_MEMBER)
#undef GH_FLEET_APPLY_MEMBER
};

struct fleet_applier {
	struct fleet *fleet;
	struct enforcer *enforcer;
	struct fleet_stream *stream; /* fleet-scope policies' summaries; NULL: not started */
	struct fleet_apply_stats stats;
};

/* Wire the applier: a's enforcer reports its blocks to the fleet from now on. */
void fleet_applier_init(struct fleet_applier *a, struct fleet *f, struct enforcer *e);
/* Apply one decision from the bucket (fleet_drain's fn; ctx: the applier). */
void fleet_apply(const struct fleet_incoming *in, void *ctx);
/*
 * A control command about a block the operator changed in this host's map
 * ("fleet block CIDR", "fleet unblock CIDR"): publish it. Returns the reply,
 * or NULL when cmd is not one of these.
 */
struct json_object *fleet_control(struct fleet_applier *a, const char *cmd);
/* fleet_stats_json with the applier's and the summaries' counters added. */
struct json_object *fleet_applier_stats_json(const struct fleet_applier *a);

#endif /* GATEHAWK_FLEET_APPLY_H */
