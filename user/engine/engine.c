// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The engine's entry points: feeding records and counters, ticks, stats, setup. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>

#include "engine/crs.h"
#include "engine/engine_internal.h"

#define COUNTER_KEEP_NS (600ULL * NS) /* forget a silent source's counter sample after this */
#define TABLE_MIN 1024
#define PROFILE_CLOSE_SLACK_NS (60ULL * NS) /* ticks come at least this often */

void engine_opts_default(struct engine_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->max_groups = ENGINE_DEFAULT_MAX_GROUPS;
	o->max_entries = ENGINE_DEFAULT_MAX_ENTRIES;
	o->late_tolerance_ns = ENGINE_DEFAULT_LATE_NS;
}

/* ---- feeding -------------------------------------------------------------- */

static void begin_record(struct engine *e, const struct request_record *r)
{
	pred_eval_begin(e->ev, r);
	e->fh_mask = 0;
	e->gen++;
	memset(e->ntorun, 0, sizeof(e->ntorun));
}

enum rec_time { REC_ON_TIME, REC_LATE, REC_FUTURE };

/*
 * A record's time against the clock, which it may move (engine.h says how
 * records from the future are handled). Live, *ts is clamped to the clock.
 * record: false for a verdict record, which follows the record that fired
 * it and so neither holds nor confirms anything, nor is counted again.
 */
static enum rec_time admit_time(struct engine *e, uint64_t *ts, bool record)
{
	uint64_t tol = e->o.late_tolerance_ns;
	bool ahead = e->clock && *ts > e->clock + (e->o.live ? tol : ENGINE_FUTURE_NS);
	/* The previous record was held out and this one is not earlier than it. */
	bool confirms = record && e->held_ns && (*ts >= e->held_ns || e->held_ns - *ts <= tol);
	bool late;

	if (ahead && e->o.live) {
		*ts = e->clock;
		e->st.future += record;
	} else if (ahead && !confirms) {
		if (record) {
			e->held_ns = *ts;
			if (*ts > e->held_max_ns)
				e->held_max_ns = *ts;
			e->st.future++;
		}
		return REC_FUTURE;
	}
	if (record)
		e->held_ns = 0;
	late = *ts + tol < e->clock;
	if (*ts > e->clock)
		e->clock = *ts;
	e->st.late += late;
	return late ? REC_LATE : REC_ON_TIME;
}

/* A tick's time. In replay ticks follow record times: one only a held-out record reached is not
 * time passing. */
static void advance_clock(struct engine *e, uint64_t now_ns)
{
	if (!e->o.live && e->clock && now_ns > e->clock + ENGINE_FUTURE_NS &&
	    now_ns <= e->held_max_ns)
		return;
	if (now_ns > e->clock)
		e->clock = now_ns;
}

/* Inlined at each run_list call, where the list is a constant: no switch per policy. */
static inline __attribute__((always_inline)) void
run_policy(struct engine *e, int list, uint16_t pi, const struct request_record *r)
{
	struct epolicy *ep = &e->pol[pi];

	switch (list) {
	case LIST_MATCH: eng_run_match(e, ep, r); break;
	case LIST_CRS: eng_run_crs(e, ep, r); break;
	case LIST_RATE: eng_run_rate(e, ep, r); break;
	case LIST_PROFILE: eng_run_profile(e, ep, r); break;
	default: eng_run_window(e, ep, r);
	}
}

/*
 * A list's policies in list order (policy index order): the ungated ones
 * merged with this record's let-through (open_gates), so the hundreds of
 * gated policies a record opens no gate of cost nothing, not a test each.
 * Tracing walks the whole list: every policy but a paused one says why it
 * did not match.
 */
static inline __attribute__((always_inline)) void
run_list(struct engine *e, int list, const struct request_record *r)
{
	const uint16_t *u = e->ungated[list];
	uint16_t *t = e->torun[list];
	uint32_t nu = e->nungated[list], b = 0;

	if (e->trace) {
		for (size_t i = 0; i < e->nlist[list]; i++)
			if (!e->pol[e->list[list][i]].paused)
				run_policy(e, list, e->list[list][i], r);
		return;
	}
	t[e->ntorun[list]] = UINT16_MAX; /* above every index: ends the inner loop */
	for (uint32_t a = 0; a < nu; a++) {
		while (t[b] < u[a])
			run_policy(e, list, t[b++], r);
		run_policy(e, list, u[a], r);
	}
	while (b < e->ntorun[list])
		run_policy(e, list, t[b++], r);
}

/* Gated policy pi let through for this record, once, in its list's sorted torun. */
static void let_through(struct engine *e, uint16_t pi)
{
	int list = e->pol[pi].list;
	uint16_t *t = e->torun[list];
	uint32_t k = e->ntorun[list]++;

	e->run[pi] = e->gen;
	for (; k > 0 && t[k - 1] > pi; k--)
		t[k] = t[k - 1];
	t[k] = pi;
}

/*
 * Gates: a match policy's where, or a window policy's filter, that needs
 * one of some patterns cannot hold unless one of them matched this record.
 * The gates' passes run first (a field is scanned once, whoever asks);
 * their hits, usually none, open the policies they name, and the others are
 * skipped without a walk of their predicates. Likewise a record whose
 * request line is not plain opens the policies that need that. Tracing
 * (explain) opens every gate, so each policy says why it did not match.
 */
static void open_gates(struct engine *e, const struct request_record *r)
{
	const int *hits;
	size_t nhits;

	if (e->trace)
		return;
	if (e->nplain_gated && !pred_plain_request(r))
		for (uint32_t k = 0; k < e->nplain_gated; k++)
			let_through(e, e->plain_gated[k]);
	pred_eval_run_plan(e->ev);
	nhits = pred_eval_hits(e->ev, &hits);
	for (size_t h = 0; h < nhits; h++)
		for (uint32_t j = 0; j < e->gate_cnt[hits[h]]; j++) {
			uint32_t pi = e->gate_pol[e->gate_first[hits[h]] + j];

			if (e->run[pi] != e->gen)
				let_through(e, (uint16_t)pi);
		}
}

/* Block verdicts of this record as records of their own, for input: verdicts. */
static void flush_verdicts(struct engine *e)
{
	for (size_t i = 0; i < e->npend; i++) {
		const struct pending *pv = &e->pend[i];
		struct request_record vr = {
			.present = REQ_BIT(REQ_TS) | REQ_BIT(REQ_PATH) | REQ_BIT(REQ_SRC_IP),
			.ts_ns = pv->ts_ns,
			.src = pv->src,
			.path = { pv->name, (uint32_t)strlen(pv->name) },
		};

		begin_record(e, &vr);
		if (admit_time(e, &vr.ts_ns, false) == REC_ON_TIME)
			run_list(e, LIST_VERDICT, &vr);
	}
	e->npend = 0;
}

/* Held verdicts (unless_rendered) whose wait is over (all: every one), each passed on. */
static void release_held(struct engine *e, bool all)
{
	if (all ? !e->render : e->clock < e->held_due)
		return;
	while (eng_render_next(e, all))
		if (e->npend)
			flush_verdicts(e);
}

void engine_feed(struct engine *e, const struct request_record *r)
{
	struct request_record now;
	uint64_t ts = r->ts_ns;
	bool windowless;

	e->st.records++;
	windowless = admit_time(e, &ts, true) != REC_ON_TIME;
	if (ts != r->ts_ns) {
		now = *r;
		now.ts_ns = ts;
		r = &now;
	}
	/*
	 * Before the record's own work (begin_record): a held verdict's block is a
	 * record too. Verdicts whose wait ended go first: this record's rendering
	 * came too late for them.
	 */
	release_held(e, false);
	e->referer_watched = false;
	if (e->render && req_has(r, REQ_REFERER))
		eng_render_observe(e, r);
	begin_record(e, r);
	open_gates(e, r);
	/* A match needs no window: late (and held-out future) records still match. */
	run_list(e, LIST_MATCH, r);
	run_list(e, LIST_CRS, r);
	if (!windowless) {
		run_list(e, LIST_WINDOW, r);
		if (!e->o.kernel_counters)
			run_list(e, LIST_RATE, r);
		run_list(e, LIST_PROFILE, r);
	} else if (e->trace) {
		for (size_t i = 0; i < e->nlist[LIST_WINDOW]; i++)
			eng_trace(e, &e->pol[e->list[LIST_WINDOW][i]], TRACE_LATE, NULL);
	}
	flush_verdicts(e);
	eng_gc_step(e);
	if (e->npend) /* sessions the sweep ended */
		flush_verdicts(e);
}

static const size_t metric_offset[RATE_METRIC_COUNT] = {
#define GH_METRIC_OFF(name) offsetof(struct src_stats, name),
	SRC_STATS_FIELDS(GH_METRIC_OFF)
#undef GH_METRIC_OFF
};

void engine_feed_counters(struct engine *e, uint64_t now_ns, const struct gh_addr *src,
			  const struct src_stats *totals)
{
	struct request_record r = { .present = REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP),
				    .ts_ns = now_ns, .src = *src };
	uint64_t delta[RATE_METRIC_COUNT], *prev;
	struct gclass *c;
	bool fresh;
	uint32_t gi;

	advance_clock(e, now_ns);
	if (!e->o.kernel_counters || !e->nlist[LIST_RATE])
		return;
	begin_record(e, &r);
	c = &e->cls[e->counter_cls];
	gi = eng_record_group(e, e->counter_cls, &r);
	if (gi == NIL)
		return;
	prev = (uint64_t *)&e->g[gi].slots[c->npol];
	fresh = !prev[RATE_METRIC_COUNT]; /* the first sample is the baseline */
	prev[RATE_METRIC_COUNT] = 1;
	eng_group_keep(e, gi, now_ns + COUNTER_KEEP_NS);
	for (int m = 0; m < RATE_METRIC_COUNT; m++) {
		uint64_t cur = *(const uint64_t *)((const char *)totals + metric_offset[m]);

		/* A sum that fell is a source's slot taken over on one CPU while it
		 * sent on another (include/gatehawk/sources.h), not new traffic:
		 * count nothing rather than the whole remaining total. After a
		 * real reset (every slot taken over) this misses what the source
		 * sends until it passes its old total: rate policies under-count,
		 * never fire on a phantom. */
		delta[m] = fresh || cur < prev[m] ? 0 : cur - prev[m];
		prev[m] = cur;
	}
	for (size_t i = 0; i < e->nlist[LIST_RATE]; i++) {
		struct epolicy *ep = &e->pol[e->list[LIST_RATE][i]];

		if (delta[ep->p->rate.metric] && (gi = eng_record_group(e, ep->cls, &r)) != NIL)
			eng_rate_add(e, ep, gi, &r, now_ns, delta[ep->p->rate.metric],
				     "kernel counters");
	}
	flush_verdicts(e);
}

/* Group i's ended profile windows scored, and their block verdicts passed on at once. */
static void close_profiles(struct engine *e, uint32_t i, uint64_t horizon, bool all)
{
	if (e->g[i].used && (all ? e->cls[e->g[i].key.cls].profiles
				 : e->cls[e->g[i].key.cls].walking)) {
		eng_profile_close(e, i, horizon, all);
		flush_verdicts(e);
	}
}

/*
 * Which classes' groups this tick walks: those where the horizon passed the
 * end of an aligned profile window since the last walk; and when they are
 * due next (the earliest window end after the horizon among their policies).
 * Returns whether any class walks.
 */
static bool plan_profile_walks(struct engine *e, uint64_t h)
{
	bool any = false;

	for (uint16_t c = 0; c < e->ncls; c++)
		any |= e->cls[c].walking = e->cls[c].profiles && h >= e->cls[c].profile_due;
	for (size_t i = 0; i < e->nlist[LIST_PROFILE]; i++) {
		const struct epolicy *ep = &e->pol[e->list[LIST_PROFILE][i]];
		struct gclass *c = &e->cls[ep->cls];
		uint64_t len = ep->p->window.length_s * NS, next;

		if (!c->walking || ep->p->profile.type == PROFILE_ENDPOINT)
			continue;
		next = h - h % len + len;
		if (c->profile_due <= h || next < c->profile_due)
			c->profile_due = next;
	}
	return any;
}

void engine_tick(struct engine *e, uint64_t now_ns)
{
	uint64_t h;
	bool walk;

	advance_clock(e, now_ns);
	release_held(e, false);
	eng_render_tick(e);
	h = eng_horizon(e);
	walk = plan_profile_walks(e, h);
	/* The dense keep array makes the full pass cheap (~1 ms for 262144 groups) when
	 * no profile window closes: the groups themselves are read only then. */
	for (uint32_t i = 0; i < e->gused; i++) {
		if (walk)
			close_profiles(e, i, h, false);
		eng_gc_one(e, i, h);
		if (e->npend) /* a session it ended blocked */
			flush_verdicts(e);
	}
	/* Windows are read group by group: a sixty-fourth per tick, each about once a minute. */
	for (uint32_t n = 0; n < (e->gused + 63) / 64; n++) {
		eng_expire_windows(e, e->expire_at, h);
		if (e->npend)
			flush_verdicts(e);
		if (++e->expire_at >= e->gused)
			e->expire_at = 0;
	}
}

void engine_release_held(struct engine *e)
{
	release_held(e, true);
}

void engine_flush(struct engine *e)
{
	release_held(e, true);
	for (uint32_t i = 0; i < e->gused; i++) {
		close_profiles(e, i, 0, true);
		if (e->g[i].used && e->cls[e->g[i].key.cls].first_session) {
			eng_sessions_end(e, i, 0, true);
			flush_verdicts(e);
		}
	}
}

/*
 * Profile policies are never gated; an untrained one waits for a sink
 * without a call per record, and a paused one (sampled records) runs not at all.
 */
void eng_list_profiles(struct engine *e)
{
	e->nungated[LIST_PROFILE] = 0;
	for (size_t i = 0; i < e->nlist[LIST_PROFILE]; i++) {
		uint16_t pi = e->list[LIST_PROFILE][i];

		if (e->pol[pi].paused)
			continue;
		if (e->sink || policy_profile_trained(&e->pol[pi].p->profile))
			e->ungated[LIST_PROFILE][e->nungated[LIST_PROFILE]++] = pi;
	}
}

bool engine_sampled(const struct engine *e)
{
	return e->o.sampled;
}

void engine_set_trace(struct engine *e, trace_fn fn, void *ctx)
{
	e->trace = fn;
	e->trace_ctx = ctx;
}

uint64_t engine_late(const struct engine *e)
{
	return e->st.late;
}

void engine_stats(const struct engine *e, struct engine_stats *out)
{
	*out = e->st;
	out->groups = e->ngroups;
	out->counter_groups = e->lru[TIER_COUNTER].n;
	out->evicted = out->evicted_counter_only + out->evicted_stateful;
	out->entries = e->entries;
	out->regex_errors = pred_eval_regex_errors(e->ev);
	out->count = e->ps->count;
	out->policies = e->pst;
}

/* ---- setup ---------------------------------------------------------------- */

static int list_of(const struct policy *p)
{
	switch (p->kind) {
	case POLICY_MATCH: return LIST_MATCH;
	case POLICY_CRS: return LIST_CRS;
	case POLICY_RATE: return LIST_RATE;
	case POLICY_PROFILE: return LIST_PROFILE;
	default: return p->window.input_verdicts ? LIST_VERDICT : LIST_WINDOW;
	}
}

/*
 * The class grouping like this (created when new); match, crs and rate group
 * by src_ip. counter_fed: groups made by kernel counter samples; on_fire:
 * groups made when a match or crs policy fires (gclass).
 */
static uint16_t class_of(struct engine *e, const enum req_field *by, uint8_t n, uint8_t v4,
			 uint8_t v6, bool counter_fed, bool on_fire)
{
	struct gclass *c;

	if (!group_by_has_src(by, n))
		v4 = 32, v6 = 128; /* prefixes only shape src_ip */
	for (uint16_t i = 0; i < e->ncls; i++) {
		c = &e->cls[i];
		if (c->n_group == n && !memcmp(c->group_by, by, n * sizeof(*by)) &&
		    c->prefix_v4 == v4 && c->prefix_v6 == v6 && c->counter_fed == counter_fed &&
		    c->on_fire == on_fire)
			return i;
	}
	c = &e->cls[e->ncls];
	c->n_group = n;
	memcpy(c->group_by, by, n * sizeof(*by));
	c->prefix_v4 = v4;
	c->prefix_v6 = v6;
	c->counter_fed = counter_fed;
	c->on_fire = on_fire;
	c->memo = NIL;
	return e->ncls++;
}

static const enum req_field by_src[] = { REQ_SRC_IP };

static size_t sessions_in(const struct policy_set *ps)
{
	size_t n = 0;

	for (size_t i = 0; i < ps->count; i++)
		n += ps->policies[i].kind == POLICY_WINDOW && ps->policies[i].window.session;
	return n;
}

/* Zeroed, page-aligned, backed only as touched. */
static void *slab_new(size_t n, size_t size)
{
	void *p = mmap(NULL, n * size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static void policy_init(struct engine *e, size_t i)
{
	struct epolicy *ep = &e->pol[i];
	const struct policy *p = &e->ps->policies[i];
	bool misled = policy_sampling_pauses(p);
	int l = list_of(p);

	ep->p = p;
	ep->paused = e->pst[i].paused = e->o.sampled && misled;
	if (e->o.resumed_ns && misled)
		ep->fire_from_ns = e->o.resumed_ns + 2 * p->window.length_s * NS;
	if (p->kind == POLICY_PROFILE) {
		/* A window is closed by the first tick past its end: keep it until then. */
		ep->keep_ns = p->window.length_s * NS + e->o.late_tolerance_ns + PROFILE_CLOSE_SLACK_NS;
		ep->src_grouped = group_by_has_src(p->window.group_by, p->window.n_group);
		ep->cls = class_of(e, p->window.group_by, p->window.n_group, p->prefix_v4,
				   p->prefix_v6, false, false);
		/* Endpoint models keep no windows, paused ones none either: nothing for ticks to close. */
		e->cls[ep->cls].profiles |= p->profile.type != PROFILE_ENDPOINT && !ep->paused;
	} else if (p->kind == POLICY_WINDOW) {
		win_spec_init(&ep->ws, &p->window, e->o.late_tolerance_ns,
			      e->o.exact_aggregates);
		/* tumbling: the window after the record's may still read it as "previous" */
		ep->keep_ns = ep->ws.length_ns * (p->window.tumbling ? 2 : 1);
		ep->src_grouped = group_by_has_src(p->window.group_by, p->window.n_group);
		ep->cls = class_of(e, p->window.group_by, p->window.n_group, p->prefix_v4,
				   p->prefix_v6, false, false);
		if (p->window.session) {
			ep->spoils = eng_session_spoils(p);
			/* A watch takes every record the filter lets through: none skips it. */
			ep->settles = ep->spoils && !p->action.unless_rendered_s;
			ep->next_session = e->cls[ep->cls].first_session;
			e->cls[ep->cls].first_session = (uint16_t)(i + 1);
		}
	} else {
		if (p->kind == POLICY_RATE) {
			rate_spec_init(&ep->rs, p->rate.over_s);
			ep->keep_ns = ep->rs.over_ns;
		}
		ep->src_grouped = true;
		ep->cls = class_of(e, by_src, 1, p->prefix_v4, p->prefix_v6,
				   p->kind == POLICY_RATE && e->o.kernel_counters,
				   p->kind != POLICY_RATE);
	}
	ep->slot = e->cls[ep->cls].npol++;
	ep->list = (uint8_t)l;
	e->list[l][e->nlist[l]++] = (uint16_t)i;
}

static int cmp_pair(const void *a, const void *b)
{
	const int *x = a, *y = b;

	return x[0] != y[0] ? (x[0] > y[0]) - (x[0] < y[0]) : (x[1] > y[1]) - (x[1] < y[1]);
}

/* The predicate that gates policy p: a match policy's where, a window policy's filter. */
static const struct pred *gate_pred(const struct policy *p)
{
	if (p->kind == POLICY_MATCH)
		return p->where;
	if (p->kind == POLICY_WINDOW && !p->window.input_verdicts)
		return p->window.filter;
	return NULL;
}

/*
 * (pattern id, policy) pairs of every gated policy, by id; the plain-line
 * gated apart. A paused policy is gated by nothing: it never runs.
 */
static int (*gate_pairs(struct engine *e, size_t *np))[2]
{
	int (*pairs)[2] = NULL, ids[PRED_GATE_MAX];
	size_t cap = 0;

	*np = 0;
	for (size_t i = 0; i < e->ps->count; i++) {
		const struct pred *where = gate_pred(&e->ps->policies[i]);
		bool unplain = false;
		int k = e->pol[i].paused ? 0
			: where	       ? pred_gate(where, e->ev, ids, PRED_GATE_MAX, &unplain)
				       : -1;

		e->gated[i] = k >= 0;
		if (k >= 0 && unplain)
			e->plain_gated[e->nplain_gated++] = (uint16_t)i;
		for (int j = 0; j < k; j++) {
			if (*np == cap) {
				void *grown = realloc(pairs, (cap = cap ? cap * 2 : 256) * sizeof(*pairs));

				if (!grown) {
					free(pairs);
					return NULL;
				}
				pairs = grown;
			}
			pairs[*np][0] = ids[j];
			pairs[(*np)++][1] = (int)i;
		}
	}
	if (*np)
		qsort(pairs, *np, sizeof(*pairs), cmp_pair);
	return pairs ? pairs : calloc(1, sizeof(*pairs));
}

/*
 * The pattern gates of match and window policies: a policy whose where or
 * filter needs one of some patterns runs only for records where one of them
 * matched.
 */
static bool gates_init(struct engine *e)
{
	size_t n = e->ps->count, np, nre = regex_set_count(e->ps->regexes) + 1, nrun = 0;
	int (*pairs)[2], *run;
	bool ok;

	e->gated = calloc(n + 1, sizeof(*e->gated));
	e->run = calloc(n + 1, sizeof(*e->run));
	e->gate_first = calloc(nre, sizeof(*e->gate_first));
	e->gate_cnt = calloc(nre, sizeof(*e->gate_cnt));
	e->plain_gated = calloc(n + 1, sizeof(*e->plain_gated));
	if (!e->gated || !e->run || !e->gate_first || !e->gate_cnt || !e->plain_gated ||
	    !(pairs = gate_pairs(e, &np)))
		return false;
	e->gate_pol = calloc(np + 1, sizeof(*e->gate_pol));
	run = calloc(np + 1, sizeof(*run)); /* one pattern per pass: what each record runs */
	ok = e->gate_pol && run;
	for (int l = 0; ok && l < LIST_COUNT; l++) {
		ok = (e->ungated[l] = calloc(e->nlist[l] + 1, sizeof(uint16_t))) &&
		     (e->torun[l] = calloc(e->nlist[l] + 1, sizeof(uint16_t)));
		for (size_t i = 0; ok && l != LIST_PROFILE && i < e->nlist[l]; i++)
			if (!e->gated[e->list[l][i]])
				e->ungated[l][e->nungated[l]++] = e->list[l][i];
	}
	if (ok)
		eng_list_profiles(e);
	for (size_t i = 0; ok && i < np; i++) {
		int id = pairs[i][0];
		bool new_key = true;

		if (!e->gate_cnt[id])
			e->gate_first[id] = (uint32_t)i;
		e->gate_cnt[id]++;
		e->gate_pol[i] = (uint32_t)pairs[i][1];
		for (size_t k = 0; k < nrun && new_key; k++)
			new_key = regex_scan_key(e->ps->regexes, run[k]) !=
				  regex_scan_key(e->ps->regexes, id);
		if (new_key)
			run[nrun++] = id;
	}
	ok = ok && !pred_eval_plan(e->ev, run, nrun);
	free(run);
	free(pairs);
	return ok;
}

static bool classes_init(struct engine *e)
{
	for (size_t i = 0; i < e->ps->count; i++)
		policy_init(e, i);
	if (e->o.kernel_counters && e->nlist[LIST_RATE]) {
		e->counter_cls = class_of(e, by_src, 1, 32, 128, true, false);
		e->cls[e->counter_cls].counters = true;
	}
	for (uint16_t i = 0; i < e->ncls; i++) {
		struct gclass *c = &e->cls[i];

		/* Counter totals and a "seen" word follow the slots. */
		c->slots_size = (c->npol ? c->npol : 1) * sizeof(struct slot) +
				(c->counters ? (RATE_METRIC_COUNT + 1) * sizeof(uint64_t) : 0);
		c->pols = calloc(c->npol ? c->npol : 1, sizeof(*c->pols));
		if (!c->pols)
			return false;
		c->npol = 0;
	}
	for (size_t i = 0; i < e->ps->count; i++) {
		struct gclass *c = &e->cls[e->pol[i].cls];

		c->pols[c->npol++] = (uint16_t)i;
	}
	return true;
}

struct engine *engine_new(const struct policy_set *ps, const struct engine_opts *o, verdict_fn fn,
			  void *ctx)
{
	struct engine *e = calloc(1, sizeof(*e));
	size_t n = ps->count ? ps->count : 1, slab;
	uint64_t tmax = TABLE_MIN;
	bool ok;

	if (!e)
		return NULL;
	if (o)
		e->o = *o;
	else
		engine_opts_default(&e->o);
	if (!e->o.max_groups)
		e->o.max_groups = ENGINE_DEFAULT_MAX_GROUPS;
	if (e->o.max_groups > ENGINE_MAX_GROUPS)
		e->o.max_groups = ENGINE_MAX_GROUPS;
	if (!e->o.max_counter_groups)
		e->o.max_counter_groups = e->o.max_groups / 2 ? e->o.max_groups / 2 : 1;
	if (e->o.max_counter_groups > ENGINE_MAX_GROUPS)
		e->o.max_counter_groups = ENGINE_MAX_GROUPS;
	if (!e->o.max_entries)
		e->o.max_entries = ENGINE_DEFAULT_MAX_ENTRIES;
	slab = (size_t)e->o.max_groups + e->o.max_counter_groups;
	e->seed = e->o.hash_seed;
	if (!e->seed && getrandom(&e->seed, sizeof(e->seed), 0) != sizeof(e->seed))
		e->seed = (uint64_t)(uintptr_t)e ^ 0x9e3779b97f4a7c15ULL;
	e->ps = ps;
	e->fn = fn;
	e->ctx = ctx;
	e->gen = 1;
	e->free_head = NIL;
	for (int t = 0; t < TIER_COUNT; t++)
		e->lru[t] = (struct lru){ NIL, NIL, 0,
					  t == TIER_COUNTER ? e->o.max_counter_groups
							    : e->o.max_groups };
	while (tmax < 2ULL * slab)
		tmax *= 2;
	e->tmax = (uint32_t)tmax;
	e->tmask = TABLE_MIN - 1;
	e->ev = pred_eval_new(ps->regexes);
	e->pol = calloc(n, sizeof(*e->pol));
	e->pst = calloc(n, sizeof(*e->pst));
	/* A record's policies fire once each; the sweep after it ends a session per policy and group. */
	e->pend = calloc(n + GC_PER_RECORD * sessions_in(ps), sizeof(*e->pend));
	e->cls = calloc(n + 1, sizeof(*e->cls));
	e->g = slab_new(slab, sizeof(*e->g));
	e->keep = calloc(slab, sizeof(*e->keep));
	e->session_src = calloc(slab, sizeof(*e->session_src));
	e->table = calloc(TABLE_MIN, sizeof(*e->table));
	ok = e->ev && e->pol && e->pst && e->pend && e->cls && e->g && e->keep && e->session_src &&
	     e->table;
	if (e->ev) /* string fields hashed once per record, for the memos and the groups alike */
		pred_eval_seed(e->ev, e->seed);
	for (int l = 0; l < LIST_COUNT; l++)
		ok = (e->list[l] = calloc(n, sizeof(uint16_t))) && ok;
	if (!ok || !classes_init(e) || !gates_init(e) || !eng_render_init(e)) {
		engine_free(e);
		return NULL;
	}
	return e;
}

static void pool_drain(void **pool, uint32_t *n, struct epolicy *ep)
{
	void *p;

	while ((p = eng_pool_take(pool, n))) {
		if (ep && ep->p->kind == POLICY_WINDOW)
			win_free(p, &ep->ws);
		else
			free(p);
	}
}

void engine_free(struct engine *e)
{
	if (!e)
		return;
	for (uint32_t i = 0; e->g && e->cls && i < e->gused; i++)
		if (e->g[i].used)
			eng_group_drop(e, i, false);
	for (size_t i = 0; e->pol && i < e->ps->count; i++) {
		pool_drain(&e->pol[i].pool, &e->pol[i].pooled, &e->pol[i]);
		crs_ctx_free(e->pol[i].crs);
	}
	for (uint16_t i = 0; e->cls && i < e->ncls; i++) {
		pool_drain(&e->cls[i].pool, &e->cls[i].pooled, NULL);
		free(e->cls[i].pols);
	}
	pred_eval_free(e->ev);
	for (int l = 0; l < LIST_COUNT; l++) {
		free(e->list[l]);
		free(e->ungated[l]);
		free(e->torun[l]);
	}
	free(e->gate_first);
	free(e->gate_cnt);
	free(e->gate_pol);
	free(e->gated);
	free(e->plain_gated);
	free(e->run);
	free(e->pol);
	free(e->pst);
	eng_render_free(e);
	free(e->pend);
	free(e->cls);
	if (e->g)
		munmap(e->g, ((size_t)e->o.max_groups + e->o.max_counter_groups) * sizeof(*e->g));
	free(e->keep);
	free(e->session_src);
	free(e->table);
	free(e);
}
