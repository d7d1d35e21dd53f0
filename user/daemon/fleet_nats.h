/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The fleet's store: a NATS JetStream key-value bucket, one key per CIDR,
 * history 1 (only the latest decision on a CIDR matters), every value
 * removed by the server after GH_FLEET_MAX_TTL_S (the longest a decision
 * lasts), so the bucket holds at most a month of decisions with nobody
 * cleaning up. A KV rather than a plain stream: a host joining reads one
 * value per CIDR (the watcher's "last per subject"), not the whole history.
 *
 * Shared by the daemon (daemon/fleet.h) and the commands that read or feed
 * the bucket directly (`gatehawk fleet list|import`): connection options
 * (credentials, TLS), binding the bucket, entries to decisions.
 */
#ifndef GATEHAWK_FLEET_NATS_H
#define GATEHAWK_FLEET_NATS_H

#include <stdint.h>
#include <nats/nats.h>

#include "base/err.h"
#include "base/fleet_decision.h"

#define GH_FLEET_BUCKET "gatehawk-blocks"
/* JetStream requests (a put's acknowledgement, binding the bucket) wait this long. */
#define GH_FLEET_WAIT_MS 2000
/* Decisions waiting for the server, by default; older ones go first when full. */
#define GH_FLEET_QUEUE_DEFAULT 10000

struct fleet_opts {
	const char *url;                 /* nats://host:4222, or a comma-separated list */
	const char *creds;               /* a NATS credentials file (JWT and NKey); NULL: none */
	const char *name;                /* this host in the fleet; NULL: the host name */
	const char *const *tls_ca;       /* CA files to trust: TLS on; n_tls_ca 0: plain */
	int n_tls_ca;
	const char *bucket;              /* NULL: GH_FLEET_BUCKET */
	uint32_t queue_max;              /* 0: GH_FLEET_QUEUE_DEFAULT */
};

/* A NATS status as text, with the library's last error when it says more. */
int fleet_nats_err(struct gh_err *e, natsStatus s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* New options for o (URL, credentials, TLS, endless reconnects); free with natsOptions_Destroy. */
int fleet_nats_options(const struct fleet_opts *o, natsOptions **out, struct gh_err *e);
/* Bind the bucket, creating it (create true) when it does not exist. */
int fleet_bind_bucket(jsCtx *js, const char *bucket, bool create, kvStore **kv,
		      struct gh_err *e);

/* The decision of a watched or listed entry: a delete marker is an unblock of its key. */
enum fleet_reject fleet_entry_decode(kvEntry *ent, int64_t now_s, struct fleet_decision *d,
				     struct gh_err *e);
/* Put d under its key; a round trip to the server (its acknowledgement). */
int fleet_kv_put(kvStore *kv, const struct fleet_decision *d, struct gh_err *e);

/* A short-lived connection for the commands. */
struct fleet_client {
	natsConnection *nc;
	jsCtx *js;
	kvStore *kv;
};

/* Connect now (no retry) and bind the bucket (create: make it if missing). */
int fleet_client_open(const struct fleet_opts *o, bool create, struct fleet_client *c,
		      struct gh_err *e);
void fleet_client_close(struct fleet_client *c);
/*
 * Every entry of the bucket, the latest per key, then return: fn sees each
 * decision with its verdict (why: the refusal when not FLEET_OK). A
 * non-zero return of fn stops the walk with that value.
 */
typedef int (*fleet_visit_fn)(const struct fleet_decision *d, enum fleet_reject r,
			      const struct gh_err *why, void *ctx);
int fleet_client_walk(struct fleet_client *c, fleet_visit_fn fn, void *ctx, struct gh_err *e);

#endif /* GATEHAWK_FLEET_NATS_H */
