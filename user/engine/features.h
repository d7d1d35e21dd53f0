/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Behaviour features of a group of request records (a source, a /24, a user
 * agent...) over a window: what profile policies, `gatehawk train` and
 * `gatehawk outliers` turn into vectors. Live heads and log lines are the
 * same records, so they give the same vector.
 *
 * A group's records go into a fixed-size accumulator (struct feature_acc,
 * no allocation); a vector is read from it at any time. Counts and shares
 * are exact; distinct paths and user agents are linear-counting estimates
 * over a 512-bit and a 64-bit bitmap (within a few percent up to about 1,500
 * and 150 values, saturating there), and path entropy is the entropy of
 * paths hashed into 32 buckets (exact while the paths fall in distinct
 * buckets, at most 5 bits). A feature whose input field a record lacks
 * (has_cookie and is_xhr are not in a combined log) counts over the
 * records that carry it, and is 0 when none does.
 */
#ifndef GATEHAWK_FEATURES_H
#define GATEHAWK_FEATURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/request.h"

/* id, name, log1p before standardising (heavy-tailed), what it is */
#define PROFILE_FEATURES(X)                                                                  \
	X(REQUESTS, requests, true, "requests in the window")                                \
	X(RATE, rate, true, "requests per minute over the group's active span (at least 1 min)") \
	X(DISTINCT_PATHS, distinct_paths, true, "distinct paths (estimate)")                 \
	X(PATH_ENTROPY, path_entropy, false, "entropy of the path distribution, bits (0-5)") \
	X(PAGE_SHARE, page_share, false, "share of requests for pages, not static assets")   \
	X(SHARE_4XX, share_4xx, false, "share of 4xx responses")                             \
	X(SHARE_404, share_404, false, "share of 404 responses")                             \
	X(SHARE_5XX, share_5xx, false, "share of 5xx responses")                             \
	X(POST_SHARE, post_share, false, "share of POST requests")                           \
	X(NO_COOKIE_SHARE, no_cookie_share, false, "share of requests without a Cookie")     \
	X(XHR_SHARE, xhr_share, false, "share of XMLHttpRequest (X-Requested-With) requests") \
	X(GAP_MEAN, gap_mean, true, "mean seconds between requests")                         \
	X(GAP_CV, gap_cv, false, "spread of the gaps: standard deviation / mean")            \
	X(DISTINCT_USER_AGENTS, distinct_user_agents, true, "distinct User-Agents (estimate)") \
	X(BYTES_MEAN, bytes_mean, true, "mean response bytes")                               \
	X(NIGHT_SHARE, night_share, false, "share of requests between 00:00 and 06:00 UTC")  \
	X(ERROR_PATHS, error_paths, true, "distinct paths answered 4xx (estimate)")          \
	X(REFERER_SHARE, referer_share, false, "share of requests with a Referer")

enum profile_feature {
#define GH_FEATURE_ENUM(id, name, log, help) FEAT_##id,
	PROFILE_FEATURES(GH_FEATURE_ENUM)
#undef GH_FEATURE_ENUM
	FEAT_COUNT
};

/* Name <-> id; -1 for an unknown name. */
int profile_feature_by_name(const char *name);
const char *profile_feature_name(enum profile_feature f);
bool profile_feature_log1p(enum profile_feature f);
const char *profile_feature_help(enum profile_feature f);

/* 240 bytes: a group's whole behaviour state for one window. */
struct feature_acc {
	uint64_t first_ns, last_ns;
	double gap_mean, gap_m2;  /* Welford over the gaps between consecutive records */
	double bytes_sum;
	uint32_t n;
	uint32_t pages, c4xx, c404, c5xx, post, night, referer;
	uint32_t cookie_seen, no_cookie; /* records carrying has_cookie; of those without */
	uint32_t xhr_seen, xhr;
	uint32_t bytes_seen, status_seen;
	uint64_t paths[8];        /* 512-bit linear-counting bitmap */
	uint64_t error_paths;     /* 64-bit bitmap of 4xx paths */
	uint64_t agents;          /* 64-bit bitmap of user agents */
	uint16_t path_buckets[32];
};

static inline void feature_acc_reset(struct feature_acc *a)
{
	*a = (struct feature_acc){ 0 };
}

/* Add one record; seed keys the hashes (per engine, against crafted collisions). */
void feature_acc_add(struct feature_acc *a, const struct request_record *r, uint64_t seed);

/* The value of feature f; every value is finite. */
double feature_value(const struct feature_acc *a, enum profile_feature f);
/* The vector of n features, in the order given. */
void feature_vector(const struct feature_acc *a, const enum profile_feature *fs, size_t n,
		    double *out);

/* Whether a path is a static asset (by extension: css, js, images, fonts...). */
bool feature_path_is_static(struct gh_str path);

#endif /* GATEHAWK_FEATURES_H */
