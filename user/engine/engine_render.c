// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * unless_rendered (policy.h): a verdict on a request waits, and is dropped
 * when the source renders that request's page as a browser does: it asks
 * for anything else with the page's URL as Referer (a stylesheet, a script,
 * the next page clicked). People who type attack words into a site's own
 * search or open a wiki page named ".htaccess" load the answer's parts the
 * same second; a one-request probe, and a scanner, never fetch what the
 * answer refers to. Evidence counts from before the verdict too: a window
 * policy's earlier records of the same URL are watched (a person searching
 * "<script>" twice rendered the first answer).
 *
 * Watches: (source, hash of the request target) in a fixed open-addressed
 * table; a full probe run replaces the entry that ends first, so a flood
 * of flagged requests costs the flood's senders their evidence, never
 * memory. A verdict whose watch was replaced fires at its time: the hold
 * only ever spares, it never blocks.
 * Held verdicts: a bounded array; when full, verdicts are emitted at once.
 * A record with a Referer looks the table up only when its source is in a
 * bitmap of watched sources, rebuilt each tick, so other traffic pays a
 * branch.
 */
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "engine/engine_internal.h"

#define WATCH_SLOTS 4096 /* power of two */
#define WATCH_PROBE 16
#define HELD_MAX 1024
#define SRC_BITS 4096

struct watch {
	uint64_t url;      /* hash of the request target; 0: empty */
	uint64_t until_ns; /* forgotten after this event time */
	struct gh_addr src;
	bool rendered;
};

struct held {
	uint64_t due_ns, url;
	uint64_t ts_ns; /* of the request it fired on */
	double value, threshold;
	struct json_object *evidence;
	struct gkey key; /* the group, to know it is still the one */
	uint32_t gi;
	uint16_t pol;
	bool has_src; /* the verdict names src (else the group is not by source) */
	struct gh_addr src; /* of the request: whose rendering spares it */
};

struct render {
	struct watch watch[WATCH_SLOTS];
	struct held held[HELD_MAX];
	uint32_t nheld;
	uint64_t next_due; /* the earliest held due_ns; UINT64_MAX: none */
	uint64_t seed;
	uint64_t srcs[SRC_BITS / 64]; /* sources with a watch, maybe more */
};

bool eng_render_init(struct engine *e)
{
	for (size_t i = 0; i < e->ps->count; i++)
		if (e->ps->policies[i].action.unless_rendered_s) {
			e->render = calloc(1, sizeof(*e->render));
			if (!e->render)
				return false;
			e->render->next_due = UINT64_MAX;
			e->render->seed = e->seed ^ 0x72656e646572ULL; /* "render" */
			return true;
		}
	return true;
}

void eng_render_free(struct engine *e)
{
	if (!e->render)
		return;
	for (uint32_t i = 0; i < e->render->nheld; i++)
		json_object_put(e->render->held[i].evidence);
	free(e->render);
}

static uint32_t src_bit(const struct gh_addr *a)
{
	uint64_t x, y;

	memcpy(&x, a->bytes, 8);
	memcpy(&y, a->bytes + 8, 8);
	return (uint32_t)(((x ^ y ^ a->family) * 0x9e3779b97f4a7c15ULL) >> 52) % SRC_BITS;
}

/* A request target's hash: path, and '?' and query when it has one (as a Referer writes it). */
static uint64_t target_hash(const struct render *rs, struct gh_str path, bool has_query,
			    struct gh_str query)
{
	uint64_t h = gh_hash_bytes(path.p, path.len, rs->seed);

	return has_query ? gh_hash_bytes(query.p, query.len, h) : h;
}

static uint64_t record_url(const struct render *rs, const struct request_record *r)
{
	return target_hash(rs, r->path, req_has(r, REQ_QUERY), r->query);
}

static struct watch *watch_find(struct render *rs, const struct gh_addr *src, uint64_t url,
				uint64_t now)
{
	for (uint32_t i = 0; i < WATCH_PROBE; i++) {
		struct watch *w = &rs->watch[(url + i) & (WATCH_SLOTS - 1)];

		if (w->url == url && w->until_ns >= now && gh_addr_equal(&w->src, src))
			return w;
	}
	return NULL;
}

/* The watch of (src, url), made or kept until at least until. */
static struct watch *watch_put(struct render *rs, const struct gh_addr *src, uint64_t url,
			       uint64_t now, uint64_t until)
{
	struct watch *w = watch_find(rs, src, url, now), *victim = NULL;

	for (uint32_t i = 0; !w && i < WATCH_PROBE; i++) {
		struct watch *c = &rs->watch[(url + i) & (WATCH_SLOTS - 1)];

		if (!c->url || c->until_ns < now) {
			victim = c;
			break;
		}
		if (!victim || c->until_ns < victim->until_ns)
			victim = c;
	}
	if (!w) {
		w = victim;
		*w = (struct watch){ .url = url, .src = *src };
		rs->srcs[src_bit(src) / 64] |= 1ULL << (src_bit(src) % 64);
	}
	if (until > w->until_ns)
		w->until_ns = until;
	return w;
}

void eng_render_watch(struct engine *e, struct epolicy *ep, const struct request_record *r)
{
	struct render *rs = e->render;
	uint64_t keep = (ep->p->action.unless_rendered_s + ep->p->window.length_s) * NS;

	watch_put(rs, &r->src, record_url(rs, r), r->ts_ns, r->ts_ns + keep);
}

void eng_render_observe(struct engine *e, const struct request_record *r)
{
	struct render *rs = e->render;
	uint32_t b = src_bit(&r->src);
	struct gh_str t, path, query;
	const char *q;
	struct watch *w;
	uint64_t url;

	if (!(rs->srcs[b / 64] & (1ULL << (b % 64))) || !req_page_referer(r, &t))
		return;
	q = memchr(t.p, '?', t.len);
	path = (struct gh_str){ t.p, q ? (uint32_t)(q - t.p) : t.len };
	query = q ? (struct gh_str){ q + 1, (uint32_t)(t.p + t.len - q - 1) } : (struct gh_str){ 0 };
	url = target_hash(rs, path, q, query);
	/* The page asking for itself again (a reload, a form sent to itself) renders nothing new. */
	if ((w = watch_find(rs, &r->src, url, r->ts_ns)) && url != record_url(rs, r))
		w->rendered = true;
}

/* A held or rendered verdict never began the cooldown: the gate let it through at ts. */
static void cooldown_undo(struct engine *e, struct epolicy *ep, uint32_t gi, uint64_t ts)
{
	e->g[gi].slots[ep->slot].cooldown_until = ts;
	e->pst[ep - e->pol].rendered++;
}

void eng_emit_request(struct engine *e, struct epolicy *ep, uint32_t gi,
		      const struct gh_addr *src, const struct request_record *r, double value,
		      double threshold, struct json_object *evidence, bool holdable)
{
	uint64_t hold = ep->p->action.unless_rendered_s * NS;
	struct render *rs = e->render;
	struct watch *w;

	if (!holdable || !hold || rs->nheld >= HELD_MAX) {
		eng_emit(e, ep, gi, src, r->ts_ns, value, threshold, evidence);
		return;
	}
	w = watch_put(rs, &r->src, record_url(rs, r), r->ts_ns, r->ts_ns + hold);
	if (w->rendered) {
		cooldown_undo(e, ep, gi, r->ts_ns);
		json_object_put(evidence);
		return;
	}
	rs->held[rs->nheld++] = (struct held){
		.due_ns = r->ts_ns + hold, .url = w->url, .ts_ns = r->ts_ns, .value = value,
		.threshold = threshold, .evidence = evidence, .key = e->g[gi].key, .gi = gi,
		.pol = (uint16_t)(ep - e->pol), .has_src = src != NULL, .src = r->src,
	};
	if (r->ts_ns + hold < rs->next_due)
		rs->next_due = r->ts_ns + hold;
	eng_group_keep(e, gi, r->ts_ns + hold);
}

bool eng_render_next(struct engine *e, bool all)
{
	struct render *rs = e->render;
	struct watch *w;
	struct held h;
	uint32_t i;
	size_t n;

	if (!rs || !rs->nheld || (!all && e->clock < rs->next_due))
		return false;
	for (i = 0; i < rs->nheld && !all && rs->held[i].due_ns > e->clock; i++)
		;
	if (i == rs->nheld) {
		rs->next_due = UINT64_MAX;
		for (i = 0; i < rs->nheld; i++)
			if (rs->held[i].due_ns < rs->next_due)
				rs->next_due = rs->held[i].due_ns;
		return false;
	}
	h = rs->held[i];
	rs->held[i] = rs->held[--rs->nheld];
	if (!e->g[h.gi].used || memcmp(&e->g[h.gi].key, &h.key, sizeof(h.key))) {
		json_object_put(h.evidence); /* its group was evicted at a cap, as its windows were */
		return true;
	}
	w = watch_find(rs, &h.src, h.url, h.ts_ns);
	if (w && w->rendered) {
		cooldown_undo(e, &e->pol[h.pol], h.gi, h.ts_ns);
		json_object_put(h.evidence);
		return true;
	}
	n = e->npend;
	eng_emit(e, &e->pol[h.pol], h.gi, h.has_src ? &h.src : NULL, h.ts_ns, h.value,
		 h.threshold, h.evidence);
	/* The block is now, not at the request: verdict windows take it as on time. */
	for (; n < e->npend; n++)
		if (e->pend[n].ts_ns < e->clock)
			e->pend[n].ts_ns = e->clock;
	return true;
}

void eng_render_tick(struct engine *e)
{
	struct render *rs = e->render;

	if (!rs)
		return;
	memset(rs->srcs, 0, sizeof(rs->srcs));
	for (uint32_t i = 0; i < WATCH_SLOTS; i++) {
		struct watch *w = &rs->watch[i];

		if (w->url && w->until_ns >= e->clock)
			rs->srcs[src_bit(&w->src) / 64] |= 1ULL << (src_bit(&w->src) % 64);
	}
}
