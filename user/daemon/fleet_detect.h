/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Fleet-wide detection (issue 17.4): a scanner that sends one probe to each
 * of 500 hosts is invisible to every host alone, so hosts pool what they
 * saw. Two halves, both here, both without I/O (daemon/fleet_stream.h moves
 * the messages):
 *
 * The tally (this host's side). Every match of a fleet-scope policy
 * (engine/policy.h struct policy_fleet) counts one for its policy, source
 * CIDR and minute; a count that changed is sent at the next flush as its
 * running total (base/fleet_summary.h), so only sources with something new
 * cost a message and a message read twice changes nothing. A count not yet
 * acknowledged stays marked and is sent again: while the server is down the
 * tally itself is the bounded queue (GH_FLEET_TALLY_MAX counts, new ones
 * dropped and counted past it; counts older than the longest window go).
 *
 * The pool (every host's side). Every host reads every summary of the
 * stream and keeps, per policy and CIDR, the latest total of each host and
 * minute. A group whose last `window` holds min_hosts hosts and min_matches
 * matches yields one block decision (origin: this host, policy: the fleet
 * policy); it does not fire again until that block is over. Every host
 * evaluates the same stream in the same order, so all of them reach the
 * same verdict: no aggregator to lose, and the duplicate puts land on one
 * key of the bucket (its CIDR).
 *
 * Thread-safe: the event loop notes matches, the stream's thread does the rest.
 */
#ifndef GATEHAWK_FLEET_DETECT_H
#define GATEHAWK_FLEET_DETECT_H

#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

#include "base/fleet_decision.h"
#include "base/fleet_summary.h"

struct policy_set;

/* Counts of this host kept at once (its summaries' queue, too). */
#define GH_FLEET_TALLY_MAX 65536
/* Policy and CIDR groups of the fleet's counts kept at once. */
#define GH_FLEET_GROUPS_MAX 65536
/* Host-minute counts kept per group: enough for min_hosts well past 500. */
#define GH_FLEET_CELLS_MAX 4096
/* Groups one host may open: a member counting made-up sources cannot take
 * the whole table from the others (it still adds to groups others opened). */
#define GH_FLEET_GROUPS_PER_ORIGIN (GH_FLEET_GROUPS_MAX / 8)
/* Hosts whose opened groups are tracked at once. */
#define GH_FLEET_ORIGINS_MAX 1024

#define FLEET_DETECT_FIELDS(X)                                                          \
	X(matches)            /* matches of fleet-scope policies on this host */          \
	X(tally_overflow)     /* of those, lost: the tally was full */                    \
	X(summaries_sent)     /* summary messages the server acknowledged */              \
	X(summary_bytes_sent) /* their bytes */                                           \
	X(counts_sent)        /* counts in them */                                        \
	X(summary_errors)     /* publishes refused or timed out (sent again) */           \
	X(summaries_received) /* messages read from the stream, good or not */            \
	X(summary_rejected_message) /* not JSON, missing or mistyped fields */            \
	X(summary_rejected_cidr)    /* a bad CIDR, or counts not at the policy's scope */ \
	X(summary_rejected_minute)  /* a minute outside the fleet's window */             \
	X(unknown_policy)     /* counts of a policy this host does not run */             \
	X(cells_dropped)      /* host-minute counts past GH_FLEET_CELLS_MAX or the groups' cap */ \
	X(groups_refused)     /* of those, new groups past the host's GH_FLEET_GROUPS_PER_ORIGIN */ \
	X(fleet_verdicts)     /* groups that met their fleet policy */                    \
	X(fleet_alerts)       /* of those, of alert or monitor policies: nothing published */

struct fleet_detect_stats {
#define GH_FLEET_DETECT_MEMBER(name) uint64_t name;
	FLEET_DETECT_FIELDS(GH_FLEET_DETECT_MEMBER)
#undef GH_FLEET_DETECT_MEMBER
};

struct fleet_detect;

struct fleet_detect *fleet_detect_new(void);
void fleet_detect_free(struct fleet_detect *fd);
/* The fleet-scope policies of ps, copied (a reload frees ps); 0 or -ENOMEM. */
int fleet_detect_set_policies(struct fleet_detect *fd, const struct policy_set *ps);
/* Whether any fleet-scope policy is in force. */
bool fleet_detect_active(struct fleet_detect *fd);
/* One match of a fleet-scope policy on this host, for scope, at now_s (unix seconds). */
void fleet_detect_note(struct fleet_detect *fd, const char *policy, const struct gh_cidr *scope,
		       int64_t now_s);
/*
 * Up to one message of counts changed since they were last taken, into s
 * (origin and sent_ms are the caller's); s->n 0: nothing to send. Taken
 * counts are clean until fleet_detect_unsent marks them again.
 */
void fleet_detect_take(struct fleet_detect *fd, struct fleet_summary *s);
/* s, taken, was not acknowledged: its counts go with the next flush. */
void fleet_detect_unsent(struct fleet_detect *fd, const struct fleet_summary *s);
/* s was acknowledged: bytes is the message's size. */
void fleet_detect_sent(struct fleet_detect *fd, const struct fleet_summary *s, size_t bytes);
/*
 * A summary from the stream (any host's, this one's too), at now_s: the
 * decisions of groups that met their policy go to out (at most max; the
 * rest fire on a later summary); returns how many.
 */
size_t fleet_detect_merge(struct fleet_detect *fd, const struct fleet_summary *s, int64_t now_s,
			  struct fleet_decision *out, size_t max);
/* A message refused by fleet_summary_decode (counted by kind). */
void fleet_detect_rejected(struct fleet_detect *fd, enum fleet_reject r);
/* Forget counts and groups older than every window (call every few seconds). */
void fleet_detect_expire(struct fleet_detect *fd, int64_t now_s);
/* The counters above, and the tally and groups held now, added to o. */
void fleet_detect_stats_json(struct fleet_detect *fd, struct json_object *o);

#endif /* GATEHAWK_FLEET_DETECT_H */
