/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Folder engine/: policies (model, parse, predicates, transforms, fixtures),
 * windows and aggregates, this engine, alerts, explain. May call base/ and
 * input/; never the kernel, never prints (callers pass the FILE or callback
 * output goes to).
 *
 * The policy engine: request records (and, live, the kernel's per-source
 * counters) in, verdicts out through a callback. Time is event time: the
 * record's ts_ns, or now_ns given with counters and ticks, all on the
 * CLOCK_REALTIME ns scale. The engine never reads a clock, so a replay of a
 * day of logs gives the verdicts the live run gave.
 *
 * The clock is the newest event time admitted; a record older than it by
 * more than the late tolerance is late (left out of windows, rates and
 * profiles; match and crs policies still see it). One stray timestamp must
 * not push the clock ahead and so make every later record late:
 *   live (opts.live): the caller's ticks are the clock (the daemon's never
 *     steps, base/event_clock.h); a record more than the late tolerance
 *     ahead of it is taken as now (its ts_ns clamped) and counted `future`.
 *   replay: records are the clock, but one more than ENGINE_FUTURE_NS ahead
 *     moves it only when the record right after it confirms the jump (is not
 *     earlier than it by more than the tolerance). Until then it is held
 *     out like a late record and counted `future`: the first record after a
 *     silence of over an hour is held out too, as it cannot be told from a
 *     stray timestamp when it comes. A tick that only such a held-out
 *     record reached (replay's ticks follow record times) moves nothing.
 *
 * State lives in groups. Policies that group the same way (same group_by
 * and prefix; match and rate policies group by src_ip) share one group per
 * key, which holds each one's window or rate buckets, cooldown and offenses
 * (and, live, the source's previous counter sample). Live, rate policies
 * and the counter sample group apart from the policies records reach.
 * Groups come in two tiers, each bounded and evicting only its own least
 * recently seen (to the second), counted per tier:
 *   counter-only  made by engine_feed_counters(): a source's counter sample
 *                 and its rate buckets. At most max_counter_groups. Anyone
 *                 can spoof packets from millions of addresses: these are
 *                 cheap to lose and never push out the other tier.
 *   stateful      made by records (window, match, crs, profile; replay's
 *                 rate policies): at most max_groups. A counter-only group
 *                 joins them when a rate policy on handshake-verified
 *                 counters (not packets or syns) fires for it, until its
 *                 cooldown is over and its offenses forgotten.
 * At most max_entries window entries (buckets, distinct values) over all
 * groups (least recently seen stateful groups evicted until under); a
 * sliding window holds at most WIN_MAX_BUCKETS buckets and WIN_MAX_VALUES
 * distinct values (window.h). A group is released once
 * its windows are empty, its cooldowns over and its offenses forgotten, plus
 * the lateness tolerance: a few groups per engine_feed(), all of them per
 * engine_tick(). Memory: a group is 64 B plus 32 B per policy sharing it,
 * and per window policy in use a block of a few hundred bytes that holds a
 * small window whole; beyond that a bucket (a second with records) costs
 * 8 B x (3 + 1 per sum, ratio or distinct + 2 per min or max) and a
 * distinct value 32 B. With the shipped policies the worst
 * case at the default caps (every group in every window) is about 1.2 GB; a
 * busy host uses a small fraction of that. A counter-only group is 64 B plus
 * 32 B per rate policy and 64 B of counters: about 30 MB at the defaults.
 *
 * Single-threaded; the callback must not call back into the engine.
 */
#ifndef GATEHAWK_ENGINE_H
#define GATEHAWK_ENGINE_H

#include <stdbool.h>
#include <stdint.h>
#include <json-c/json.h>

#include "base/addr.h"
#include "gatehawk/sources.h"
#include "engine/policy.h"
#include "input/request.h"

#define ENGINE_DEFAULT_MAX_GROUPS 262144U
#define ENGINE_MAX_GROUPS (1U << 28) /* larger max_groups are clamped to this */
#define ENGINE_DEFAULT_MAX_ENTRIES (1ULL << 22)
#define ENGINE_DEFAULT_LATE_NS (10ULL * 1000000000ULL)
/* Replay: a record further ahead of the clock waits for the next to confirm it (above). */
#define ENGINE_FUTURE_NS (3600ULL * 1000000000ULL)
#define ENGINE_OFFENSE_MEMORY_NS (86400ULL * 1000000000ULL) /* escalation looks back a day */

struct verdict {
	const struct policy *policy;
	uint64_t ts_ns;         /* event time of what fired it */
	bool has_src;           /* false for groups without src_ip (group_by [] and the like) */
	/*
	 * The source of the record that fired it. A window grouped by a prefix
	 * that blocks less than the prefix fires only on a record its having
	 * counted, so the address blocked took part; a block of the whole
	 * prefix is the group's, whichever record of it came last.
	 */
	struct gh_addr src;
	struct gh_cidr scope;   /* what to block or throttle: src masked to action.scope */
	bool block;             /* action block (or a throttle's block_after-th offense),
				 * mode enforce and a source to block */
	bool throttle;          /* action throttle before block_after: limit the scope to
				 * the policy's action.limits (same conditions as block) */
	uint64_t ttl_s;         /* block or throttle ttl after escalation (monitor mode:
				 * what enforce would use); 0 for alert actions */
	uint32_t offense;       /* n-th block or throttle of this group by this policy
				 * within a day */
	double value, threshold;
	struct json_object *evidence; /* owned by the engine, valid during the callback */
};

typedef void (*verdict_fn)(const struct verdict *v, void *ctx);

struct engine_opts {
	uint32_t max_groups;         /* stateful groups */
	uint32_t max_counter_groups; /* counter-only groups; 0: max_groups / 2 */
	uint64_t max_entries;
	uint64_t late_tolerance_ns; /* older than the newest event time by more: late */
	/*
	 * Live: rate policies read engine_feed_counters() only. Otherwise
	 * (replay) they count requests and resp_2xx..resp_5xx from the records,
	 * with the same bucketing, so both runs give the same verdicts.
	 */
	bool kernel_counters;
	/* Ticks carry the caller's clock (the daemon): records from the future are taken as now. */
	bool live;
	uint64_t hash_seed; /* 0: random (distinct values and group keys resist crafted collisions) */
	/*
	 * Records are a sample (the sensor at a sample rate above 1): policies
	 * that a sample misleads (policy_sampling_pauses) are paused, counted
	 * in no group and never fired; engine_policy_stats says which.
	 */
	bool sampled;
	/*
	 * Unsampled again since this event time (0: never sampled): a policy
	 * sampling paused fires from two window lengths (gaps) after it, once
	 * its windows no longer begin with only part of what sources did.
	 */
	uint64_t resumed_ns;
	/*
	 * Every aggregate counted in full, as a trace (explain, suggest) reads
	 * them: otherwise a distinct the having bounds from above counts only
	 * up to one more than it needs (window.h).
	 */
	bool exact_aggregates;
};

struct engine_policy_stats {
	uint64_t matched;    /* records past where/filter (a settled session's are not read:
			      * eng_session_settled); rate: increments seen */
	uint64_t alerts;     /* verdicts emitted */
	uint64_t blocks;     /* verdicts with block set */
	uint64_t suppressed; /* fired within the cooldown; crs: marked while the source
			      * cools down, so not scored */
	uint64_t rendered;   /* verdicts dropped: the source rendered the page (unless_rendered) */
	uint64_t groups;     /* tracked now */
	bool paused;         /* engine_opts.sampled and policy_sampling_pauses() */
};

struct engine_stats {
	uint64_t records;
	uint64_t late;       /* beyond the tolerance: left out of windows and rates */
	uint64_t future;     /* ahead of the clock: live taken as now, replay held out (above) */
	uint64_t groups;     /* tracked now */
	uint64_t counter_groups; /* of those, counter-only */
	uint64_t evicted;    /* groups dropped at a cap: the two below */
	uint64_t evicted_counter_only; /* at max_counter_groups */
	uint64_t evicted_stateful;     /* at max_groups or max_entries */
	uint64_t entries;    /* window records and distinct values held now */
	uint64_t truncated;  /* records that hit a group's cap (window.h) */
	uint64_t regex_errors;
	uint64_t crs_errors; /* records ModSecurity could not score (counted, not matched) */
	uint64_t crs_shed;   /* marked records over a crs policy's max_per_second, not scored */
	uint64_t alloc_failures; /* records a group could not take for want of memory */
	size_t count;        /* policies, in the set's order */
	const struct engine_policy_stats *policies; /* valid until the next engine call */
};

struct engine;
struct crs_result;

/*
 * What one policy did with one record, for `gatehawk explain` and
 * `gatehawk suggest`: whether it took the record at all (where/filter), a
 * window's aggregates after taking it, and a rate policy's rate after adding
 * what the record (or a counter sample) counts. Reported whether or not the
 * threshold was met. Off unless engine_set_trace() was called; costs a branch.
 */
enum trace_stage {
	TRACE_NO_MATCH, /* where or filter did not hold */
	TRACE_COUNTED,  /* in its window; having not met */
	TRACE_COOLDOWN, /* would fire, but fired for this group within the cooldown */
	TRACE_FIRED,
	TRACE_LATE,     /* too old for windows and rates (or, replay, held out as too far ahead) */
	TRACE_NO_GROUP, /* lacks a group_by field (or the engine is out of memory) */
};

struct engine_trace {
	const struct policy *policy;
	enum trace_stage stage;
	/*
	 * TRACE_COUNTED and later. Window policies: one per aggregate. Rate
	 * policies: one, the rise over the last `over` divided by `over` (what
	 * is compared with per_second); traced only when an amount was added.
	 * Profile policies: two, the window's requests so far and the count at
	 * which it is scored next (kde, pca), or the score and the threshold
	 * (endpoint).
	 */
	const double *agg;
	const struct crs_result *crs; /* crs policies: the score and the rules that fired */
};

typedef void (*trace_fn)(const struct engine_trace *t, void *ctx);

void engine_opts_default(struct engine_opts *o);
/*
 * o NULL: engine_opts_default(); a zero max_groups or max_entries also means
 * the default. Borrows ps (free it after the engine). NULL on -ENOMEM.
 */
struct engine *engine_new(const struct policy_set *ps, const struct engine_opts *o, verdict_fn fn,
			  void *ctx);
void engine_free(struct engine *e);
/* Built with engine_opts.sampled. */
bool engine_sampled(const struct engine *e);

void engine_feed(struct engine *e, const struct request_record *r);
/*
 * Live rate input: a source's absolute kernel totals, about once a second.
 * The first sample of a source is its baseline; a total lower than the
 * previous one (the kernel evicted and re-created the entry) counts from 0.
 */
void engine_feed_counters(struct engine *e, uint64_t now_ns, const struct gh_addr *src,
			  const struct src_stats *totals);
/* Advance event time and release idle groups (call about once a second). */
void engine_tick(struct engine *e, uint64_t now_ns);
void engine_stats(const struct engine *e, struct engine_stats *out);
/* engine_stats' late alone, cheaply: records left out of windows for coming late. */
uint64_t engine_late(const struct engine *e);
/* Report every match, window and rate policy's handling of each record to fn (NULL: off). */
void engine_set_trace(struct engine *e, trace_fn fn, void *ctx);

/*
 * A profile policy's input as `gatehawk train` collects it: a group's
 * feature vector (kde, pca: on the schedule engine_profile.c describes) or
 * one record (endpoint). Valid during the call only.
 */
struct profile_sample {
	const struct policy *policy;
	const char *group;       /* the group as text (vectors) */
	const struct gh_addr *src; /* the group's source; NULL without src_ip in group_by */
	uint64_t ts_ns;
	uint32_t requests;       /* records behind the vector */
	const double *x;         /* d values in the policy's feature order; NULL for records */
	size_t d;
	bool closing;            /* the window's last vector */
	const struct request_record *record; /* endpoint: the record; NULL for vectors */
};

typedef void (*profile_sink_fn)(const struct profile_sample *s, void *ctx);

/* Hand every profile sample to fn as well (NULL: off); untrained profile policies then run too. */
void engine_set_profile_sink(struct engine *e, profile_sink_fn fn, void *ctx);
/*
 * At the end of the input (replay, train): close every open profile window
 * as if its time were over, so the last windows are scored too, and give
 * every held verdict (engine_release_held).
 */
void engine_flush(struct engine *e);
/*
 * Verdicts held for unless_rendered (policy.h) given now, to the engine's
 * callback, unless the source rendered the page already: before the engine
 * is replaced (a reload) or the input ends. Ticks give each when its wait ends.
 */
void engine_release_held(struct engine *e);
/* Whether request records carry this rate metric (requests, resp_Nxx), so a
 * rate policy on it works without kernel counters (replay). */
bool rate_metric_in_records(enum rate_metric m);

#endif /* GATEHAWK_ENGINE_H */
