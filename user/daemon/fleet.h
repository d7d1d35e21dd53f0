/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Fleet mode (`run --fleet URL`): this host's block decisions go to the
 * fleet's bucket (daemon/fleet_nats.h), and every decision in the bucket,
 * on start, on every reconnect and as it comes, is handed to the event loop
 * to be applied (daemon/fleet_apply.h).
 *
 * Threads: the NATS library runs its own (reads, reconnects, callbacks);
 * this module adds a watcher (binds the bucket, watches it, decodes and
 * checks every value) and a publisher (puts queued decisions, one
 * acknowledged round trip each). Neither touches a BPF map or engine state:
 * decisions in come to the event loop through an eventfd (fleet_fd,
 * fleet_drain); decisions out wait in a bounded queue that outlives any
 * outage: with the server down, the host blocks on its own as before and
 * the queue is sent on reconnect, the oldest dropped (counted) past its size.
 */
#ifndef GATEHAWK_FLEET_H
#define GATEHAWK_FLEET_H

#include <stdbool.h>
#include <json-c/json.h>

#include "base/err.h"
#include "base/fleet_decision.h"
#include "daemon/fleet_nats.h"

struct fleet;

/* A decision read from the bucket, as handed to the event loop. */
struct fleet_incoming {
	struct fleet_decision d;
	bool catch_up; /* part of the bucket's state when the watch (re)started */
};

/* Connect (retrying in the background while the server is down) and start watching. */
struct fleet *fleet_start(const struct fleet_opts *o, struct gh_err *e);
/* Stop the threads, close the connection; what is still queued is lost. */
void fleet_stop(struct fleet *f);
/* This host's name in the fleet (the origin of what it publishes). */
const char *fleet_name(const struct fleet *f);
/* Readable when decisions came in: the event loop then calls fleet_drain. */
int fleet_fd(const struct fleet *f);
/* Hand every decision that came in to fn, on the caller's thread. */
void fleet_drain(struct fleet *f, void (*fn)(const struct fleet_incoming *in, void *ctx),
		 void *ctx);
/* Queue a decision of this host for the fleet (origin and decided_ms filled here). */
void fleet_publish(struct fleet *f, const struct fleet_decision *d);
/* The connection's JetStream context, for the summaries (daemon/fleet_stream.h). */
jsCtx *fleet_js(const struct fleet *f);
/* While connected, the connection's generation (new on every reconnect); 0 while not. */
uint64_t fleet_connection(struct fleet *f);
/* Connection, queue and counters (thread-safe); the caller adds the applier's. */
struct json_object *fleet_stats_json(struct fleet *f);

#endif /* GATEHAWK_FLEET_H */
