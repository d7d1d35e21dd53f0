/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Ban and unban hooks (`run --on-block CMD`, `--on-unblock CMD`): the
 * operator's executable, started with posix_spawn, never through a shell:
 *
 *   CMD ACTION CIDR POLICY TTL_S SEVERITY SRC_IP WHY
 *
 * one argv element each, byte for byte whatever they hold (a field with
 * "$(...)", backticks or ';' is data to the hook, never code); a field the
 * daemon does not know is "". stdin is the event's JSON line, stdout is
 * /dev/null (it may be the alert stream), stderr is the daemon's; the
 * environment is PATH alone; the hook runs in a process group of its own,
 * with no signal blocked and no descriptor of the daemon's but those three.
 *
 * At most GH_HOOKS_RUNNING hooks run at once, the next ones wait in a queue
 * of GH_HOOKS_QUEUE (beyond that they are dropped, and counted); a hook
 * still running after its timeout is killed with its whole group. Exits are
 * reaped from the event loop through a pidfd each, so nothing blocks it.
 */
#ifndef GATEHAWK_HOOKS_H
#define GATEHAWK_HOOKS_H

#include <stdint.h>

#define GH_HOOKS_RUNNING 4
#define GH_HOOKS_QUEUE 1024
#define GH_HOOK_TIMEOUT_S 10
/* At exit, running and queued hooks get this long to finish, then are killed. */
#define GH_HOOKS_DRAIN_MS 2000
/* What PATH a hook gets: its environment has nothing else. */
#define GH_HOOK_PATH "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

struct event_loop;

/* One ban or unban as a hook sees it. */
struct hook_event {
	const char *action;   /* "block" or "unblock" */
	const char *cidr;     /* what was blocked: the source or its prefix */
	const char *policy;   /* the policy (a manual block's reason) */
	uint64_t ttl_s;       /* block: how long; unblock: 0 */
	const char *severity; /* low..critical; "" when unknown */
	const char *src_ip;   /* the source that fired it; "" when unknown */
	const char *why;      /* "verdict", "expired" or "evicted" */
};

/* CMD and the seven fields. */
#define HOOK_ARGC 8

/*
 * The argv of cmd for ev, NULL-terminated, in one allocation (free() it):
 * each field copied as it is, a NULL field as "". NULL on ENOMEM.
 */
char **hook_argv_new(const char *cmd, const struct hook_event *ev);

#define HOOKS_STATS_FIELDS(X)                                                       \
	X(started)      /* hooks spawned */                                        \
	X(succeeded)    /* exited 0 */                                             \
	X(failed)       /* exited non-zero or died of a signal */                  \
	X(timed_out)    /* killed after the timeout */                             \
	X(dropped)      /* the queue was full, or the daemon exited first */       \
	X(spawn_errors) /* posix_spawn refused (not executable, no memory) */

struct hooks_stats {
#define GH_HOOKS_MEMBER(name) uint64_t name;
	HOOKS_STATS_FIELDS(GH_HOOKS_MEMBER)
#undef GH_HOOKS_MEMBER
};

struct hooks_opts {
	uint64_t timeout_ns;                         /* 0: GH_HOOK_TIMEOUT_S */
	void (*log)(void *ctx, const char *line);    /* a hook that failed; NULL: none */
	void *log_ctx;
};

struct hooks;

/* Hooks reaped on loop. NULL with *err set (negative errno). */
struct hooks *hooks_new(struct event_loop *loop, const struct hooks_opts *o, int *err);
/*
 * Run cmd for ev, now or when a slot frees; stdin_line (may be NULL) is
 * what the hook reads. 0, or -ENOSPC when the queue is full (counted).
 */
int hooks_run(struct hooks *h, const char *cmd, const struct hook_event *ev,
	      const char *stdin_line);
/* Kill hooks past their timeout (called from the loop's timer). */
void hooks_tick(struct hooks *h, uint64_t now_ns);
/* Hooks running and waiting. */
unsigned int hooks_pending(const struct hooks *h);
void hooks_get_stats(const struct hooks *h, struct hooks_stats *out);
/* Drain for at most GH_HOOKS_DRAIN_MS, kill what still runs, drop the rest. */
void hooks_free(struct hooks *h);

#endif /* GATEHAWK_HOOKS_H */
