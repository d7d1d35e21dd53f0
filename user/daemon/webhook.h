/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The webhook (`run --webhook URL`): each alert line POSTed as JSON by a
 * worker thread, so the event loop never waits on the network. Lines wait
 * in a bounded queue (beyond it they are dropped, and counted) and go one at
 * a time, in order. A 2xx answer delivers; a connection error, a timeout,
 * 408, 425, 429 or a 5xx is tried again after backoff_ms, doubled each time
 * up to backoff_max_ms, max_tries times in all; any other answer (a 4xx,
 * a redirect: the receiver will never take it) drops it. Every request
 * carries "X-Gatehawk-Delivery: ID", the same on each try of one line, so a
 * receiver whose answer was lost can tell a retry from a new alert.
 *
 * The transport is libcurl (http and https, no redirects followed), or a
 * function the caller gives (tests). The worker never logs: the daemon's
 * loop reads the counters and the last error.
 */
#ifndef GATEHAWK_WEBHOOK_H
#define GATEHAWK_WEBHOOK_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define GH_WEBHOOK_QUEUE 1024
#define GH_WEBHOOK_TRIES 8
#define GH_WEBHOOK_BACKOFF_MS 500
#define GH_WEBHOOK_BACKOFF_MAX_MS 30000
#define GH_WEBHOOK_TIMEOUT_MS 5000
/* At exit, what is queued gets this long to go, then is abandoned (counted). */
#define GH_WEBHOOK_DRAIN_MS 3000

/* One try of one line. */
struct webhook_request {
	const char *body;
	size_t len;
	const char *id;   /* X-Gatehawk-Delivery */
	char error[128];  /* a transport error says what went wrong here */
};

/* 0 with *status the HTTP status, or negative errno (no answer: refused, timed out). */
typedef int (*webhook_send_fn)(void *ctx, struct webhook_request *req, long *status);

enum webhook_outcome { WEBHOOK_DELIVERED, WEBHOOK_RETRY, WEBHOOK_REJECTED };

struct webhook_opts {
	const char *url;
	uint32_t queue_max;
	uint32_t max_tries;
	uint64_t backoff_ms, backoff_max_ms;
	uint64_t timeout_ms;  /* one request, connecting included */
	uint64_t drain_ms;
	webhook_send_fn send; /* NULL: libcurl POST to url */
	void *send_ctx;
};

#define WEBHOOK_STATS_FIELDS(X)                                                    \
	X(queued)    /* lines taken */                                             \
	X(delivered) /* answered 2xx */                                            \
	X(retries)   /* tries after a first one failed */                          \
	X(rejected)  /* answered 4xx or 3xx: dropped at once */                    \
	X(failed)    /* still failing after max_tries: dropped */                  \
	X(dropped)   /* the queue was full */                                      \
	X(abandoned) /* still queued when the daemon exited */

struct webhook_stats {
#define GH_WEBHOOK_MEMBER(name) uint64_t name;
	WEBHOOK_STATS_FIELDS(GH_WEBHOOK_MEMBER)
#undef GH_WEBHOOK_MEMBER
};

/* The defaults above, for url. */
void webhook_opts_default(struct webhook_opts *o, const char *url);
/* What an answer (or its absence: transport_err < 0) means for the line. */
enum webhook_outcome webhook_classify(int transport_err, long status);
/* The wait before retry n (1: after the first try failed). */
uint64_t webhook_backoff_ms(const struct webhook_opts *o, uint32_t retry);

struct webhook;

/* Check the URL (http or https) and start the worker. NULL: e says why. */
/* An http:// or https:// URL libcurl reads; an input error otherwise. */
int webhook_check_url(const char *url, struct gh_err *e);
struct webhook *webhook_new(const struct webhook_opts *o, struct gh_err *e);
/* Queue a copy of body. 0, or -ENOSPC when the queue is full (counted). */
int webhook_post(struct webhook *w, const char *body);
/* The counters, and the last failure ("HTTP 500", a transport error; "" none). */
void webhook_get_stats(struct webhook *w, struct webhook_stats *out, char *last_error,
		       size_t len);
/* Lines queued or in flight. */
uint32_t webhook_pending(struct webhook *w);
/* Let the queue drain for at most drain_ms, then stop the worker. */
void webhook_free(struct webhook *w);

#endif /* GATEHAWK_WEBHOOK_H */
