/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * `gatehawk run --metrics ADDR:PORT`: GET /metrics in the Prometheus text
 * format, served by libmicrohttpd's own internal polling thread, never by
 * the daemon's event loop: a scraper that is slow, stalls or floods with
 * connections (bounded, with a timeout) costs that thread only. The text
 * is a snapshot the loop renders between two of its events: a scrape asks
 * through an eventfd the loop watches, the loop renders everything at once
 * (so every number is of the same instant) and swaps the text in under a
 * mutex; the HTTP thread copies it out under the same mutex. A loop that
 * does not answer within a second gets the last snapshot served, its age
 * in gatehawk_metrics_snapshot_age_seconds. Nothing is rendered while
 * nobody scrapes.
 */
#ifndef GATEHAWK_METRICS_H
#define GATEHAWK_METRICS_H

#include "base/err.h"
#include "base/prom_text.h"
#include "daemon/event_loop.h"

/* How long a scrape waits for a fresh snapshot before taking the last one. */
#define GH_METRICS_WAIT_MS 1000
/* Scrapers served at once; more wait in the listen backlog. */
#define GH_METRICS_MAX_CONNS 16
/* An idle or stalled connection is closed after this. */
#define GH_METRICS_CONN_TIMEOUT_S 10

/* Render the whole exposition into t (on the loop's thread); 0 or an error. */
typedef int (*metrics_render_fn)(struct prom_text *t, void *ctx);

struct metrics_server;

/*
 * "ADDR:PORT" (127.0.0.1:9101, [::1]:9101, 0.0.0.0:9101) bound and
 * listening: the fd, or a negative errno with e saying why. Done before
 * anything touches the kernel, so a bad address or a port in use changes
 * nothing.
 */
int metrics_listen(const char *spec, struct gh_err *e);
/*
 * Serve on listen_fd (the server owns it from here, even on failure). The
 * HTTP thread inherits the caller's signal mask: start it after signals are
 * blocked, so SIGTERM still reaches the loop's signalfd.
 */
int metrics_start(struct event_loop *loop, int listen_fd, metrics_render_fn fn, void *ctx,
		  struct metrics_server **out, struct gh_err *e);
/* Stop the thread, close the sockets; NULL is fine. */
void metrics_stop(struct metrics_server *m, struct event_loop *loop);

#endif /* GATEHAWK_METRICS_H */
