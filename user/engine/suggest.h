/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * `gatehawk suggest`: thresholds for window and rate policies, learnt from
 * a history of requests.
 *
 * Collect (suggest_new, suggest_feed, suggest_finish): the window and rate
 * policies of a set run over the history in an engine of their own, traced
 * (engine_set_trace), so every record a policy takes reports its aggregates
 * (a rate policy: its rate) whether or not the threshold was met. For each
 * having condition, and a rate policy's per_second (compared as "gt"), each
 * group (source, or prefix for prefix policies) keeps its peak: the highest
 * value (ge, gt) or the lowest (le, lt) the condition's aggregate reached on
 * a record where the policy's other conditions held at their current values
 * (with `any`, on every record). A condition's threshold flags a group of
 * the history exactly when it flags the group's peak.
 *
 * Suggest (suggest_threshold), from the peaks of one condition, on the
 * scale y = log(1 + x) (ratios, bounded in [0, 1], as they are), flagged
 * side up:
 *
 *   - A natural break is a gap between consecutive peaks of more than x2
 *     on that scale (y differs by more than ln 2; exactly x2, as from 1 to
 *     3, is the step between small counts), or more than 20 points
 *     between ratios.
 *   - Without labels, the current value is taken as the author's intent:
 *     the groups it flags stay flagged. When it sits in a natural break,
 *     the suggestion is the middle of that break (widest margin on both
 *     sides); when it cuts a cluster, the nearest natural break; when it
 *     flags none or all of the groups, or every group has the same peak,
 *     there is nothing to move towards and the current value is kept.
 *     Global criteria (the widest gap, Otsu/Jenks with two classes) are
 *     not used to choose: attackers of very different magnitudes put the
 *     widest gap between attackers, and a lone heavy benign source (one
 *     browser among scanners) looks like the outlier.
 *   - With labels (attack, benign) on both sides, the gap whose threshold
 *     has the best Matthews correlation over the labelled groups (ties: the
 *     wider gap, then the nearer to the current value).
 *   - The value: a round number inside the chosen gap, nearest its middle
 *     on that scale, with the fewest significant digits; whole for
 *     aggregates that only take whole values.
 */
#ifndef GATEHAWK_ENGINE_SUGGEST_H
#define GATEHAWK_ENGINE_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

#include "base/addr.h"
#include "base/err.h"
#include "engine/policy.h"
#include "input/request.h"

#define SUGGEST_MAX_BREAKS 6    /* natural breaks listed per condition (the widest) */
#define SUGGEST_REASON_MAX 384
#define SUGGEST_MAX_LABELS (1U << 20)
#define SUGGEST_MAX_GROUPS (1U << 24) /* per policy; records of further groups are left out */

/* ---- the method -------------------------------------------------------------- */

enum suggest_label { SUGGEST_UNLABELLED, SUGGEST_BENIGN, SUGGEST_ATTACK };

/* One group's peak for one condition. */
struct suggest_point {
	double peak;
	uint32_t group; /* the collector's group index (suggest_group_name) */
	uint8_t label;  /* enum suggest_label */
};

struct suggest_spec {
	enum cmp_op op;
	double current;
	bool integer; /* the aggregate only takes whole values (count, distinct, sum, min, max) */
	bool ratio;   /* a ratio in [0, 1]: gaps measured linearly */
	bool labels;  /* decide by the points' labels where both kinds are present */
};

/* A threshold and what it flags among the groups of the history. */
struct suggest_candidate {
	double value;
	double below, above; /* peaks either side: highest not flagged, lowest flagged (NAN: none) */
	size_t flags;        /* groups flagged */
	size_t tp, fp;       /* labelled attack / benign groups flagged */
	double mcc;          /* Matthews correlation over the labelled groups; NAN without both kinds */
};

struct suggest_result {
	size_t groups;
	double min, q50, q90, q99, q999, max; /* of the peaks (nearest rank) */
	size_t attack, benign;                /* labelled groups */
	struct suggest_candidate current;
	size_t n_breaks;
	struct suggest_candidate breaks[SUGGEST_MAX_BREAKS]; /* the widest natural breaks, by value */
	bool suggested; /* false: keep the current value (reason says why) */
	struct suggest_candidate pick;
	char reason[SUGGEST_REASON_MAX];
};

/*
 * Decide one condition from the peaks of n groups (non-finite peaks are
 * left out). Sorts pts so that the groups any threshold flags come last.
 */
void suggest_threshold(struct suggest_point *pts, size_t *n, const struct suggest_spec *spec,
		       struct suggest_result *out);

/* ---- labels ---------------------------------------------------------------- */

/*
 * A labels file: one "ADDRESS LABEL" a line, LABEL benign or attack; blank
 * lines and '#' comments skipped. A group is benign when it holds any
 * benign address (flagging it would hit that source), attack when it holds
 * attack addresses only, unlabelled otherwise.
 */
struct suggest_labels;

int suggest_labels_load(const char *path, struct suggest_labels **out, struct gh_err *e);
void suggest_labels_free(struct suggest_labels *l);
enum suggest_label suggest_labels_of(const struct suggest_labels *l, const struct gh_cidr *net);

/* ---- collecting over a history ---------------------------------------------- */

/* One having condition (or a rate policy's per_second), after suggest_finish(). */
struct suggest_cond {
	const char *agg;  /* the aggregate's name; "per_second" for a rate policy */
	uint8_t index;    /* its place in having */
	struct suggest_spec spec;
	struct suggest_point *pts; /* the groups' peaks, flagged side last */
	size_t n;
	struct suggest_result r;
};

struct suggest_policy {
	const struct policy *p; /* in the set given to suggest_new() */
	const char *skipped;    /* why it was not examined; NULL when it was */
	size_t groups;          /* groups that took a record */
	uint64_t left_out;      /* records of groups beyond SUGGEST_MAX_GROUPS */
	uint8_t n_conds;
	struct suggest_cond conds[POLICY_MAX_CONDS];
};

struct suggest;

/* Over the window and rate policies of ps (borrowed). -ENOMEM. */
int suggest_new(const struct policy_set *ps, struct suggest **out);
void suggest_free(struct suggest *s);
/* One record of the history, oldest first (as replay takes them). */
void suggest_feed(struct suggest *s, const struct request_record *r);
/* After the last record: peaks into suggestions; labels may be NULL. -ENOMEM. */
int suggest_finish(struct suggest *s, const struct suggest_labels *labels);
/* The window and rate policies of the set, in its order. */
size_t suggest_count(const struct suggest *s);
const struct suggest_policy *suggest_get(const struct suggest *s, size_t i);
/* A group as alerts name it: "203.0.113.0/24", "*", "src_ip=... host=..." (raw bytes). */
const char *suggest_group_name(const struct suggest *s, size_t policy, uint32_t group);

/*
 * The policy file's JSON with the suggested values in place of the current
 * ones (having's numbers, a rate's per_second), everything else as parsed:
 * *out NULL when no value changed. Errors name the file.
 */
int suggest_rewrite(const struct suggest_policy *sp, struct json_object **out, struct gh_err *e);

#endif /* GATEHAWK_ENGINE_SUGGEST_H */
