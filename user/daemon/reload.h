/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Policy reloads (SIGHUP) off the event loop. Compiling a large set takes
 * long (thousands of regexes: tens of seconds), so a worker thread loads
 * the directory and builds an engine over it while the loop keeps running
 * the set in force; when the worker is done it wakes the loop (an eventfd
 * the loop watches) and the loop hands the result to the caller, who
 * swaps. One worker at a time: a request during a reload queues one more
 * reload after it (however many came meanwhile), never a second worker.
 *
 * The worker's load messages are kept and reported from the loop, before
 * the result: the caller's hooks only ever run on the loop's thread, in the
 * order a reload in the loop gave them.
 */
#ifndef GATEHAWK_RELOAD_H
#define GATEHAWK_RELOAD_H

#include <stdbool.h>

#include "engine/engine.h"
#include "engine/policy.h"

struct event_loop;

struct reload_result {
	int err;                  /* 0, -EINVAL (the set is invalid, reported) or -ENOMEM */
	struct policy_set *ps;    /* on success: the new set and its engine, now the caller's */
	struct engine *engine;
};

/* On the loop's thread, after the reload's messages went to the report. */
typedef void (*reload_done_fn)(struct reload_result *r, void *ctx);

struct reload_opts {
	const char *dir;                /* read anew by each reload; must outlive the reloader */
	struct policy_load_opts load;
	struct engine_opts engine;
	verdict_fn verdict;             /* the new engine's, as engine_new() takes them */
	void *verdict_ctx;
	struct policy_report report;    /* load messages, called from the loop */
	reload_done_fn done;
	void *ctx;
};

struct reloader;

/* Watches its eventfd on loop. NULL with *err set (negative errno). */
struct reloader *reloader_new(struct event_loop *loop, const struct reload_opts *o, int *err);
/* Waits for a reload in progress, drops its result, removes the eventfd from the loop. */
void reloader_free(struct reloader *r);
/* Start a reload, or queue one after the one in progress. 0 or negative errno. */
int reloader_request(struct reloader *r);
/* The engine options of the reloads that start from now on (one in progress keeps its own). */
void reloader_set_engine_opts(struct reloader *r, const struct engine_opts *o);
/* A reload is in progress. */
bool reloader_busy(const struct reloader *r);

#endif /* GATEHAWK_RELOAD_H */
