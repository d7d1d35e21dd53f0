// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Rate policies: amounts from records or kernel counters into bucketed sums. */
#include "base/escape.h"
#include "engine/engine_internal.h"

void eng_rate_add(struct engine *e, struct epolicy *ep, uint32_t gi,
		  const struct request_record *r, uint64_t ts, uint64_t amount,
		  const char *counted_from)
{
	const struct policy *p = ep->p;
	double over_s = ep->rs.over_s;
	const struct gh_addr *src = &r->src;
	struct json_object *ev;
	struct rate_win *w;
	uint64_t sum;
	double rate;

	w = eng_slot_state(e, ep, eng_group_slot(e, ep, gi));
	if (!w || rate_win_add(w, &ep->rs, ts, amount, &sum))
		return;
	e->pst[ep - e->pol].matched++;
	eng_group_keep(e, gi, ts + ep->keep_ns);
	/* "rose by more than per_second * over within over"; the rate only for those that did */
	if ((double)sum <= p->rate.per_second * over_s) {
		if (e->trace) {
			rate = (double)sum / over_s;
			eng_trace(e, ep, TRACE_COUNTED, &rate);
		}
		return;
	}
	rate = (double)sum / over_s;
	if (!eng_fire_gate(e, ep, gi, ts)) {
		eng_trace(e, ep, TRACE_COOLDOWN, &rate);
		return;
	}
	eng_trace(e, ep, TRACE_FIRED, &rate);
	ev = json_object_new_object();
	json_object_object_add(ev, "metric", json_object_new_string(rate_metric_name(p->rate.metric)));
	json_object_object_add(ev, "over_s", gh_json_number(over_s));
	json_object_object_add(ev, "count", json_object_new_uint64(sum));
	json_object_object_add(ev, "group", eng_group_json(&e->cls[ep->cls], r));
	json_object_object_add(ev, "counted_from", json_object_new_string(counted_from));
	eng_emit(e, ep, gi, src, ts, rate, p->rate.per_second, ev);
}

/* What one record adds to a metric, counted the way the kernel counts it. */
bool rate_metric_in_records(enum rate_metric m)
{
	switch (m) {
	case RATE_requests:
	case RATE_resp_2xx:
	case RATE_resp_3xx:
	case RATE_resp_4xx:
	case RATE_resp_5xx:
		return true;
	default: return false; /* packets, syns, conns, bytes: only the kernel sees them */
	}
}

static uint64_t record_amount(enum rate_metric m, const struct request_record *r)
{
	if (!rate_metric_in_records(m))
		return 0;
	if (m == RATE_requests)
		return 1;
	return req_has(r, REQ_STATUS) && r->status / 100 == 2 + (m - RATE_resp_2xx);
}

void eng_run_rate(struct engine *e, struct epolicy *ep, const struct request_record *r)
{
	uint64_t amount = record_amount(ep->p->rate.metric, r);
	uint32_t gi;

	if (amount && (gi = eng_record_group(e, ep->cls, r)) != NIL)
		eng_rate_add(e, ep, gi, r, r->ts_ns, amount, "records");
}
