/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Told when it matters: every alert line, and every block that ends, goes
 * to each alert sink (`run --alerts`, repeatable: a file, "-" for the
 * caller's stdout, "syslog"), to the webhook (daemon/webhook.h), and a block
 * or an unblock to its hook (daemon/hooks.h).
 *
 * A file sink is appended to, never through a symlink, created 0640. It is
 * reopened by notify_reopen() (SIGHUP) and by the tick as soon as its path
 * names another file or none (logrotate's rename, with or without create),
 * so rotation by rename and by copytruncate both lose no line. syslog gets
 * the same line (facility daemon, priority by severity: critical crit,
 * high err, medium warning, low notice; an unblock info).
 *
 * A block that ends is one line of its own:
 *   {"ts","action":"unblock","cidr","policy","reason"}
 * reason "expired" (its ttl ran out; the daemon's GC found it) or
 * "evicted" (a full block map made room for a newer block).
 */
#ifndef GATEHAWK_NOTIFY_H
#define GATEHAWK_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <json-c/json.h>

#include "base/err.h"
#include "daemon/hooks.h"
#include "engine/engine.h"

#define GH_NOTIFY_MAX_SINKS 8
/* An --alerts value that is not a file. */
#define GH_ALERTS_STDOUT "-"
#define GH_ALERTS_SYSLOG "syslog"

struct event_loop;

struct notify_opts {
	const char *const *alerts; /* sinks; none: GH_ALERTS_STDOUT */
	int n_alerts;
	FILE *stdout_sink;         /* what "-" writes to (the caller's stdout) */
	const char *on_block;      /* hook executables; NULL: none */
	const char *on_unblock;
	uint64_t hook_timeout_s;   /* 0: GH_HOOK_TIMEOUT_S */
	const char *webhook;       /* URL; NULL: none */
};

struct notify;

/*
 * What notify_new() would refuse, checked before anything is attached (bad
 * input changes nothing): the sinks can be opened, the hooks are
 * executables, the webhook is an http(s) URL. Starts nothing.
 */
int notify_check(const struct notify_opts *o, struct gh_err *e);

/*
 * Open the sinks, check the hooks are executables (kept by absolute path),
 * start the webhook's worker. log takes the operator's lines (reopened
 * files, failed hooks, undelivered webhooks) on the loop's thread. NULL:
 * e says why (an unusable --alerts, --on-block or --webhook is bad input).
 */
struct notify *notify_new(const struct notify_opts *o, struct event_loop *loop,
			  void (*log)(void *ctx, const char *line), void *log_ctx,
			  struct gh_err *e);
/*
 * The alert line of v everywhere; blocked: a block was written for it (or,
 * without the kernel, handed over), so --on-block runs.
 */
void notify_verdict(struct notify *n, const struct verdict *v, bool blocked);
/* A block ended (ev->action "unblock", ev->why its reason): its line and --on-unblock. */
void notify_unblock(struct notify *n, const struct hook_event *ev);
/* There is an --on-block hook to hand blocks to. */
bool notify_blocks_through_hook(const struct notify *n);
/* SIGHUP: reopen every file sink. */
void notify_reopen(struct notify *n);
/* Each second: hook timeouts, moved files, a word on undelivered webhooks. */
void notify_tick(struct notify *n, uint64_t now_ns);
/* {"sinks":[...],"hooks":{...},"webhook":{...}} for the daemon's stats. */
struct json_object *notify_stats_json(struct notify *n);
/* Drains hooks and webhook for a bounded time (hooks.h, webhook.h), closes sinks. */
void notify_free(struct notify *n);

#endif /* GATEHAWK_NOTIFY_H */
