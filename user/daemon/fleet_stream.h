/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The summaries' transport (daemon/fleet_detect.h): a thread on the fleet's
 * connection that, while fleet-scope policies are in force,
 *  - keeps the JetStream stream GH_FLEET_SUMMARY_STREAM (subjects
 *    gatehawk.summary.<host>, max age the longest fleet window allowed,
 *    max bytes GH_FLEET_SUMMARY_STREAM_BYTES, oldest discarded first);
 *  - publishes this host's changed counts every GH_FLEET_SUMMARY_FLUSH_MS,
 *    one acknowledged message per GH_FLEET_SUMMARY_MAX_COUNTS counts,
 *    nothing when nothing changed;
 *  - reads the whole stream (an ordered consumer from its start: a host
 *    that starts or reconnects has the window's counts at once), merges
 *    every summary, refusing and counting hostile ones, and publishes the
 *    pool's block decisions as this host's fleet decisions (daemon/fleet.h),
 *    which every host, this one too, applies as any other (allow lists and
 *    own addresses win there).
 * With the server down it waits; matches go on counting in the tally.
 */
#ifndef GATEHAWK_FLEET_STREAM_H
#define GATEHAWK_FLEET_STREAM_H

#include <json-c/json.h>

#include "base/err.h"
#include "daemon/fleet.h"
#include "daemon/fleet_detect.h"

#define GH_FLEET_SUMMARY_FLUSH_MS 2000
#define GH_FLEET_SUMMARY_STREAM_BYTES (256LL << 20)

struct fleet_stream;
struct policy_set;
struct verdict;

/* Start the thread on f's connection, with the fleet-scope policies of ps. NULL: e says why. */
struct fleet_stream *fleet_stream_start(struct fleet *f, const struct policy_set *ps,
					struct gh_err *e);
/* Stop the thread (before fleet_stop): what was not sent is lost. */
void fleet_stream_stop(struct fleet_stream *fs);
/* A reload put ps in force. 0 or -ENOMEM (the previous policies stay). */
int fleet_stream_set_policies(struct fleet_stream *fs, const struct policy_set *ps);
/* A verdict of a fleet-scope policy on this host: one match counted. */
void fleet_stream_note(struct fleet_stream *fs, const struct verdict *v);
/* The pool's and the tally's counters, added to o. */
void fleet_stream_stats_json(struct fleet_stream *fs, struct json_object *o);

#endif /* GATEHAWK_FLEET_STREAM_H */
