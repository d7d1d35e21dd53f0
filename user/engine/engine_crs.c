// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * crs policies: a record goes through the CRS stage (its Hyperscan
 * prefilter, then ModSecurity for what the prefilter marks) and fires when
 * the inbound anomaly score reaches the policy's threshold. Grouped, cooled
 * down and escalated like a match policy, by source.
 */
#include <string.h>

#include "base/escape.h"
#include "engine/crs.h"
#include "engine/crs_prefilter.h"
#include "engine/engine_internal.h"

static struct json_object *crs_evidence(const struct policy *p, const struct crs_result *res,
					const struct request_record *r)
{
	struct json_object *o = json_object_new_object(), *crs = json_object_new_object();
	struct json_object *rules = json_object_new_array();

	for (unsigned int i = 0; i < res->n_hits; i++) {
		struct json_object *h = json_object_new_object();

		json_object_object_add(h, "id", json_object_new_uint64(res->hits[i].id));
		/* Rule messages may quote request bytes: escaped like any traffic string. */
		json_object_object_add(h, "msg", gh_json_string(res->hits[i].msg,
								strnlen(res->hits[i].msg,
									CRS_MSG_MAX)));
		json_object_array_add(rules, h);
	}
	json_object_object_add(crs, "score", json_object_new_uint64(res->score));
	json_object_object_add(crs, "paranoia", json_object_new_uint64(p->crs.paranoia));
	json_object_object_add(crs, "rules_fired", json_object_new_uint64(res->n_fired));
	json_object_object_add(crs, "rules", rules);
	if (res->corroborated_by) /* below the threshold: the signs that made it flag */
		json_object_object_add(crs, "corroborated_by", crs_signs_json(res->corroborated_by));
	json_object_object_add(o, "crs", crs);
	json_object_object_add(o, "request", request_to_json(r));
	return o;
}

static void trace_crs(struct engine *e, const struct epolicy *ep, enum trace_stage stage,
		      const struct crs_result *res)
{
	if (e->trace)
		e->trace(&(struct engine_trace){ ep->p, stage, NULL, res }, e->trace_ctx);
}

/*
 * The source's cooldown on this policy has not ended: whatever ModSecurity
 * (~0.5 ms a run) would say, the policy could not fire, so it is not asked.
 * An attacker's burst is scored up to its first alert, not request by
 * request. Counted as suppressed. Tracing asks anyway, to show the score.
 */
static bool cooling_down(struct engine *e, struct epolicy *ep, const struct request_record *r)
{
	uint32_t gi;

	if (e->trace || (gi = eng_record_group_find(e, ep->cls, r)) == NIL ||
	    r->ts_ns >= e->g[gi].slots[ep->slot].cooldown_until)
		return false;
	e->pst[ep - e->pol].suppressed++;
	return true;
}

void eng_run_crs(struct engine *e, struct epolicy *ep, const struct request_record *r)
{
	const struct crs_engine *crs = ep->p->crs.engine;
	struct crs_result res;
	uint32_t gi;
	unsigned int marks;

	if (!ep->crs && !(ep->crs = crs_ctx_new(crs))) {
		e->st.alloc_failures++;
		return;
	}
	marks = crs_prefilter_mark_fields(crs, ep->crs, r, e->ev);
	if (marks && cooling_down(e, ep, r))
		return;
	if (crs_eval_marked(crs, ep->crs, r, marks, e->referer_watched, &res)) {
		e->st.crs_errors++;
		trace_crs(e, ep, TRACE_NO_MATCH, &res);
		return;
	}
	if (marks & (CRS_PF_WHOLE | REQ_BIT(REQ_PATH) | REQ_BIT(REQ_QUERY)) && res.evaluated)
		eng_render_scored(e, r);
	if (!res.flagged) {
		e->st.crs_shed += res.shed;
		trace_crs(e, ep, TRACE_NO_MATCH, &res);
		return;
	}
	e->pst[ep - e->pol].matched++;
	if (!eng_policy_slot(e, ep, r, &gi)) {
		trace_crs(e, ep, TRACE_NO_GROUP, &res);
		return;
	}
	if (!eng_fire_gate(e, ep, gi, r->ts_ns)) {
		trace_crs(e, ep, TRACE_COOLDOWN, &res);
		return;
	}
	trace_crs(e, ep, TRACE_FIRED, &res);
	/* A corroborated fire met the lower level, and says so; it waits for a
	 * rendering (unless_rendered) only when a missing Referer alone made it flag. */
	eng_emit_request(e, ep, gi, &r->src, r, res.score,
			 res.corroborated_by ? crs_corroborated_threshold(ep->p->crs.engine)
					     : ep->p->crs.threshold,
			 crs_evidence(ep->p, &res, r), crs_fire_waits(&res));
}
