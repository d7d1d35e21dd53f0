/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A validated policy set: what docs/policy-format.md describes, parsed from
 * JSON by policy_parse*.c and immutable afterwards. The engine borrows it
 * (free the set after the engine that uses it).
 *
 * Loading is all or nothing: every problem in every file is reported as
 * "FILE: FIELD.PATH: expected ..., got ..." and any one of them rejects the
 * whole set, so a running daemon keeps its previous set.
 */
#ifndef GATEHAWK_POLICY_H
#define GATEHAWK_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gatehawk/gate.h"
#include "gatehawk/sources.h"
#include "engine/aggregate.h"
#include "engine/features.h"
#include "engine/predicate.h"
#include "input/request.h"

struct crs_engine;
struct json_object;
struct model;
struct endpoint_model;

#define POLICY_NAME_MAX 48      /* [a-z0-9][a-z0-9_-]{0,47} */
#define POLICY_MAX_AGGS 16      /* aggregates per window policy */
#define POLICY_MAX_CONDS 16     /* conditions in one having */
#define POLICY_MAX_GROUP_BY 4   /* fields in group_by */
#define POLICY_MAX_LIST 4096    /* items in one `in` or `cidr` list */
#define POLICY_MAX_FILE (1U << 20) /* bytes of one policy file */
#define POLICY_MAX_POLICIES 4096 /* per set: a policy id fits in 16 bits */
#define POLICY_MAX_RATE_OVER_S 3600 /* rate `over` */
#define POLICY_MAX_REFERENCES 16
#define POLICY_MAX_REFERENCE_LEN 512
#define POLICY_MAX_FIXTURES 64     /* match plus no_match entries */
#define POLICY_MAX_FIXTURE_LINES 1000 /* lines of one fixture */
#define POLICY_MSG_MAX 1024     /* bytes of one load message, NUL included; longer ones are cut */
/* Blocks wider than these drop whole providers (one request once yielded
 * 0.0.0.0/1): only a policy that says allow_wide_scope may ask for them. */
#define POLICY_MIN_SCOPE_V4 16
#define POLICY_MIN_SCOPE_V6 32
/*
 * IPv6 sources are grouped and blocked by /64 where a policy does not say:
 * one subscriber or host usually holds a whole /64, and rotating through it
 * must not make each address a stranger (struct policy_load_opts changes it).
 */
#define POLICY_DEFAULT_PREFIX_V6 64

enum policy_kind { POLICY_MATCH, POLICY_WINDOW, POLICY_RATE, POLICY_CRS, POLICY_PROFILE };
enum policy_severity { SEV_LOW, SEV_MEDIUM, SEV_HIGH, SEV_CRITICAL };
enum cmp_op { CMP_GT, CMP_GE, CMP_LT, CMP_LE, CMP_EQ };

/* Whether `x OP v` holds: a having condition, and suggest's check of one. */
static inline bool cmp_holds(double x, enum cmp_op op, double v)
{
	switch (op) {
	case CMP_GT: return x > v;
	case CMP_GE: return x >= v;
	case CMP_LT: return x < v;
	case CMP_LE: return x <= v;
	case CMP_EQ: return x == v;
	}
	return false;
}

/* Rate metrics are the kernel's per-source counters, by the same names. */
enum rate_metric {
#define GH_RATE_ENUM(name) RATE_##name,
	SRC_STATS_FIELDS(GH_RATE_ENUM)
#undef GH_RATE_ENUM
	RATE_METRIC_COUNT
};

struct policy_action {
	bool block;
	/*
	 * Throttle: the source's new connections and/or packets are limited at
	 * the gate (limits) for ttl, escalated like a block's; from the
	 * block_after-th offense within a day it is blocked instead (0: never).
	 */
	bool throttle;
	struct throttle_limits limits;
	uint32_t block_after;
	uint64_t ttl_s;          /* block, throttle: first offense */
	uint8_t scope_v4;        /* block the source's prefix of this length (default 32) */
	uint8_t scope_v6;        /* (default: the set's IPv6 prefix, see struct policy) */
	double escalate_factor;  /* ttl x factor^(n-1) for the n-th block in a day; 1: none */
	uint64_t max_ttl_s;      /* cap on the escalated ttl */
	uint64_t cooldown_s;     /* same policy, same group: silent this long after firing */
	/*
	 * Match, crs and request-window policies grouped by src_ip (crs: only
	 * a fire below the threshold that a missing Referer alone
	 * corroborates): a verdict waits this long, and is dropped when the
	 * source renders the pages it fired on, before or meanwhile, as a
	 * browser does (engine_render.c); 0: never.
	 */
	uint64_t unless_rendered_s;
};

/* Whether the action writes to the gate (block, throttle): it needs a source,
 * and handshake-verified evidence, lest spoofed packets choose the source. */
static inline bool policy_action_gates(const struct policy_action *a)
{
	return a->block || a->throttle;
}

struct policy_agg {
	char name[POLICY_NAME_MAX + 1];
	enum agg_fn fn;
	enum req_field field; /* its input AGG_IN_HASH or AGG_IN_NUMBER (aggregate.h) */
	struct pred *where;   /* its input AGG_IN_WHERE (ratio) */
};

struct policy_cond {
	uint8_t agg; /* index into aggs */
	enum cmp_op op;
	double value;
	double rise_factor; /* tumbling only; 0: none */
};

struct policy_window {
	struct pred *filter; /* NULL: every record */
	bool input_verdicts; /* fed the engine's block verdicts instead of requests */
	uint8_t n_group;
	enum req_field group_by[POLICY_MAX_GROUP_BY]; /* none: one group for everything */
	bool tumbling;
	/*
	 * A session per group: its records until the group is quiet for
	 * length_s (the gap); having is read once, when it ends (window.h).
	 */
	bool session;
	uint64_t length_s;
	uint8_t n_aggs;
	struct policy_agg aggs[POLICY_MAX_AGGS];
	bool having_any; /* conditions joined by any instead of all */
	uint8_t n_conds;
	struct policy_cond conds[POLICY_MAX_CONDS];
};

/* Whether a group_by list has src_ip: only then does a group have a source
 * (to block, to mask to a prefix). */
static inline bool group_by_has_src(const enum req_field *by, uint8_t n)
{
	for (uint8_t i = 0; i < n; i++)
		if (by[i] == REQ_SRC_IP)
			return true;
	return false;
}

/* kind crs: the OWASP Core Rule Set on each record (engine/crs.h). */
struct policy_crs {
	struct crs_engine *engine; /* opened at load, closed with the set */
	unsigned int paranoia;     /* 1-4 */
	unsigned int threshold;    /* inbound anomaly score that fires */
	unsigned int max_per_second; /* ModSecurity runs per event second; 0: no limit */
};

/*
 * kind profile: behaviour learned from history (engine/features.h,
 * engine/model.h, engine/endpoint_model.h). The filter, group_by, prefix
 * and window length live in the policy's struct policy_window (a tumbling
 * window, no aggregates); the model file, trained by `gatehawk train`, is
 * loaded with the set. Until it exists the policy is skipped with a note.
 */
enum profile_type { PROFILE_KDE, PROFILE_PCA, PROFILE_ENDPOINT };
#define PROFILE_MAX_FEATURES 32

struct policy_profile {
	enum profile_type type;
	char *model_file;            /* resolved against the policy's directory */
	struct model *model;         /* kde, pca: NULL until trained */
	struct endpoint_model *endpoint; /* endpoint: NULL until trained */
	uint32_t min_requests;       /* a group's vector is scored from this many records on */
	uint8_t n_features;
	enum profile_feature features[PROFILE_MAX_FEATURES];
};

/* Whether a profile policy has its model (and so runs). */
static inline bool policy_profile_trained(const struct policy_profile *pr)
{
	return pr->model || pr->endpoint;
}

/*
 * "scope": "fleet" (match policies only): no host acts on its matches alone.
 * Each host counts them per source and minute and publishes the counts to
 * the fleet (daemon/fleet_detect.h); a source whose counts over `window`
 * come from at least min_hosts hosts and add up to min_matches is blocked
 * on every host with `action`, the policy's action as written. The policy's
 * own action is then an alert without cooldown (every match counted), so a
 * host alone (replay, no --fleet) only ever alerts.
 */
#define POLICY_FLEET_MAX_WINDOW_S 3600 /* also how long the fleet keeps summaries */
#define POLICY_FLEET_MAX_HOSTS 100000
struct policy_fleet {
	bool on;
	uint64_t window_s;
	uint32_t min_hosts;
	uint32_t min_matches;
	struct policy_action action;
};

struct policy_rate {
	enum rate_metric metric;
	double per_second;
	uint64_t over_s;
};

/*
 * A policy's own test (`gatehawk policy test`): log lines that, replayed
 * alone into a fresh engine, must (or must not) make this policy fire.
 */
struct policy_fixture {
	bool must_fire;
	size_t n_lines;
	char **lines;
	/* {"file": PATH}: read by the test, not at load, so a daemon never needs
	 * test data; the path is resolved against the policy's directory. */
	char *file;
};

struct policy {
	char name[POLICY_NAME_MAX + 1];
	char *description;
	char **references; /* CVE ids, advisories: shown in alerts */
	size_t n_references;
	struct policy_fixture *fixtures;
	size_t n_fixtures;
	char *file; /* the file it came from, for messages */
	/*
	 * Its JSON as parsed (whitespace aside) and the set's IPv6 default,
	 * hashed: equal for an unchanged definition, so a reload can keep the
	 * policy's window state (engine_state.h). Files it reads (lists,
	 * phrases) are not in it.
	 */
	uint64_t def_hash;
	enum policy_kind kind;
	enum policy_severity severity;
	bool monitor;  /* mode monitor: block actions only alert */
	/*
	 * src_ip grouping by prefix (every kind; a window or profile policy
	 * only with src_ip in group_by). Where the policy does not say, IPv4
	 * is by address and IPv6 by the set's default (/64), or by the
	 * policy's scope when that is narrower; an unsaid scope is likewise the
	 * default or this prefix, whichever is narrower. So a policy that says
	 * 128 for one of them is per address for both.
	 */
	uint8_t prefix_v4, prefix_v6;
	struct policy_action action;
	struct pred *where; /* match */
	struct policy_window window;
	struct policy_rate rate;
	struct policy_crs crs;
	struct policy_profile profile;
	struct policy_fleet fleet; /* scope fleet */
};

/*
 * Whether sampling (the sensor sending 1 in N > 1 requests) pauses the
 * policy, because what it reads is wrong on a sample:
 * - a window policy whose having can hold *because* records are missing:
 *   an eq, or an upper bound (lt, le) on a count, distinct, sum or max
 *   (fewer records only lower them), a lower bound on a min (only raise
 *   it), or any condition on a ratio (the requests not sampled can tip it
 *   either way: "no assets", "all redirects"). Such a policy fires on
 *   sources whose other requests were not sampled. Verdict-fed windows see
 *   every verdict.
 * - a profile policy that scores a group's vector (kde, pca): its rates and
 *   distinct counts are 1/N of what the model learned from every request.
 *   An endpoint profile scores each request alone and keeps running.
 */
static inline bool policy_sampling_pauses(const struct policy *p)
{
	const struct policy_window *w = &p->window;

	if (p->kind == POLICY_PROFILE)
		return p->profile.type != PROFILE_ENDPOINT;
	if (p->kind != POLICY_WINDOW || w->input_verdicts)
		return false;
	for (uint8_t i = 0; i < w->n_conds; i++) {
		enum agg_fn fn = w->aggs[w->conds[i].agg].fn;
		enum cmp_op op = w->conds[i].op;
		bool upper = op == CMP_LT || op == CMP_LE;

		if (op == CMP_EQ || fn == AGG_RATIO || (fn == AGG_MIN ? !upper : upper))
			return true;
	}
	return false;
}

struct policy_set {
	struct policy *policies; /* in file-name order */
	size_t count;
	struct regex_set *regexes; /* every regex of every policy, compiled */
	struct pred_arena *arena;  /* every predicate of every policy */
	bool untrained;            /* profile models left unloaded */
	uint8_t ipv6_prefix;       /* the IPv6 default it was loaded with */
};

/* How to load a set; NULL or zeroed: the defaults. */
struct policy_load_opts {
	/* IPv6 grouping and block length where a policy says none: 0 for
	 * POLICY_DEFAULT_PREFIX_V6, else POLICY_MIN_SCOPE_V6 to 128. */
	uint8_t ipv6_prefix;
	bool untrained; /* leave profile models unloaded: for `gatehawk train`, which makes them */
	/*
	 * Where compiled pattern databases are kept between loads
	 * (engine/hs_cache.h): NULL for the default (hs_cache_default_dir),
	 * "" for none (compile every time). A directory that cannot be used
	 * only means compiling.
	 */
	const char *cache_dir;
};

/*
 * Where load errors go: one call per message, no newline. NULL report (or
 * fn): nowhere; the return value still says whether the set loaded. The
 * library picks no stream: callers that print pass policy_report_lines with
 * their FILE * as ctx.
 */
struct policy_report {
	void (*fn)(void *ctx, const char *msg);
	void *ctx;
};

/* fn for a policy_report: each message as one line on the FILE * ctx. */
void policy_report_lines(void *ctx, const char *msg);

/*
 * Every *.json in dir and in its subdirectories (POLICY_MAX_DIR_DEPTH deep),
 * in name order; anything else there, and names starting with a dot, are
 * ignored.
 */
#define POLICY_MAX_DIR_DEPTH 3
int policy_set_load_dir(const char *dir, const struct policy_load_opts *o,
			const struct policy_report *rep, struct policy_set **out);
/* One file as a set of one policy. */
int policy_set_load_file(const char *path, const struct policy_load_opts *o,
			 const struct policy_report *rep, struct policy_set **out);
/* One policy from memory, with the default options; name is used in messages
 * (tests, fuzzing). */
int policy_set_parse(const char *name, const char *json, size_t len, unsigned int regex_flags,
		     const struct policy_report *rep, struct policy_set **out);
void policy_set_free(struct policy_set *ps);
/* Free a fixture's lines and file name. */
void policy_fixture_release(struct policy_fixture *f);

/* Names for output; the same words the JSON uses. */
const char *policy_kind_name(enum policy_kind k);
const char *policy_severity_name(enum policy_severity s);
const char *cmp_op_name(enum cmp_op op);
const char *rate_metric_name(enum rate_metric m);
/*
 * Whether a rate metric counts only traffic of an established TCP connection,
 * whose handshake proved the source address: conns, requests, request_bytes,
 * resp_*. packets and syns count frames anyone can spoof, so a rate policy on
 * them may alert but not block (a flood "from" a resolver would block it).
 */
bool rate_metric_verified(enum rate_metric m);
const char *profile_type_name(enum profile_type t);

/*
 * What a profile model must have been trained for: the policy's name, type,
 * features, window, min_requests, filter-free grouping (group_by, prefix).
 * train writes it into the model's meta; loading compares the two and
 * refuses a model trained for other settings. NULL on -ENOMEM.
 */
struct json_object *policy_profile_signature(const struct policy *p);

/* ---- a predicate alone (report --where) ---------------------------------- */

/*
 * One predicate from JSON text, in the syntax of a match policy's "where",
 * for tools that filter records without a policy. It lives in *holder, a
 * set of no policies that owns its nodes and patterns: evaluate it with
 * pred_eval_new(holder->regexes), release it with policy_set_free(). name
 * starts each message; a phrases_file is read relative to the working
 * directory. 0, -EINVAL (every problem reported) or -ENOMEM.
 */
int policy_pred_parse(const char *name, const char *json, size_t len,
		      const struct policy_report *rep, struct policy_set **holder,
		      const struct pred **out);

#endif /* GATEHAWK_POLICY_H */
