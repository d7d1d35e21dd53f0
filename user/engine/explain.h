/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * `gatehawk explain`: records fed one by one to an engine over a policy set,
 * and for each record, per policy, what happened and why: the leaf of a
 * where/filter that did not hold (with the record's value of that field), a
 * window's aggregates against its having, fired or held back by the
 * cooldown. Successive records share the engine, so a window's count builds
 * up as it would in a replay.
 */
#ifndef GATEHAWK_ENGINE_EXPLAIN_H
#define GATEHAWK_ENGINE_EXPLAIN_H

#include <json-c/json.h>

#include "engine/policy.h"
#include "input/request.h"

struct explainer;

/* Borrows ps (free it after the explainer). NULL on -ENOMEM. */
struct explainer *explainer_new(const struct policy_set *ps);
void explainer_free(struct explainer *x);
/*
 * {"record": {...}, "policies": [{"policy", "kind", "result", "why"?,
 * "aggregates"?, "having"?}...]}; result is one of fired, no_match, counted,
 * cooldown, late, no_group, live_only (rate policies on kernel counters),
 * counted_rate. The caller owns the object.
 */
struct json_object *explainer_record(struct explainer *x, const struct request_record *r);

#endif /* GATEHAWK_ENGINE_EXPLAIN_H */
