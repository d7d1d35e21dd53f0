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
 * A held verdict begins no cooldown: the policy goes on scoring the
 * source, so a fire that cannot wait (a crs score at the threshold) blocks
 * at once, and every other request it fires on joins the held verdict,
 * which is dropped only when the source rendered each of them. More than
 * HELD_URLS of them within the wait is no person reading pages: the
 * verdict is given at once. A verdict given begins the cooldown it would
 * have begun at its request; one that falls inside a cooldown begun
 * meanwhile (another verdict of the policy for the group) is suppressed.
 *
 * Watches: (source, host, request target) hashes in a fixed open-addressed
 * table. When a probe run is full, a source's new watch takes the place of
 * one of its own, else of the one that ends first: a source flooding
 * flagged requests mostly replaces its own. A verdict whose watch is gone
 * is given at its time, as it would be without unless_rendered.
 * Held verdicts: a bounded array; when full, verdicts are given at once.
 * A record with a Referer looks the table up only when its source is in a
 * bitmap of watched sources, rebuilt each tick, so other traffic pays a
 * branch. A rendering counts after a request of the page (the verdict's,
 * or a window's earlier one) and before the wait ends: live heads come in
 * the order they were sent. A log writes a line when its answer ends, so a
 * page larger than the socket's buffer on a slow link can end after its
 * stylesheet (seen in a real site's log: 14 of 5,035 same-site Referers);
 * in a log (not live) every rendering is also noted in a small direct-mapped
 * table, and a verdict's page rendered up to EARLY_NS before its line (and
 * not stamped after the wait) is spared too. A note overwritten meanwhile
 * spares nothing (the verdict waits as before).
 */
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "engine/engine_internal.h"

#define WATCH_SLOTS 4096 /* power of two */
#define WATCH_PROBE 16
#define HELD_MAX 1024
#define HELD_URLS 4
#define SRC_BITS 4096
#define URL_KEY_MAX 2048
#define EARLY_SLOTS 8192 /* power of two */
#define EARLY_NS (10 * NS) /* a page's line after its parts' (a log): the replay's late tolerance */
#define SCORED_KEEP_NS (600 * NS)
#define SCORED_SLOTS 4096 /* power of two */
#define LAST_REFERER_MAX 512
#define LAST_HOST_MAX 256

struct watch {
	uint64_t url;      /* hash of host and request target; 0: empty */
	uint64_t until_ns; /* forgotten after this event time */
	struct gh_addr src;
	bool rendered;
};

/* A request a held verdict fired on: spared when its source rendered it. */
struct held_url {
	uint64_t url;
	struct gh_addr src;
};

struct held {
	uint64_t due_ns;
	uint64_t ts_ns; /* of the first request it fired on */
	double value, threshold;
	struct json_object *evidence; /* the first request's */
	struct gkey key;              /* the group: found (or made) again when given */
	uint16_t pol;
	struct gh_addr src;  /* the first request's (every policy that holds groups by source) */
	uint8_t nurls;
	struct held_url urls[HELD_URLS];
};

/* A rendering a log wrote: (source, page) mixed (0: none), and when. */
struct early {
	uint64_t key;
	uint64_t ts_ns;
};

/* A page CRS scored for a source: (source, page) mixed (0: none), when, and the source. */
struct scored {
	uint64_t key;
	uint64_t ts_ns;
	struct gh_addr src;
};

/* The last Referer and Host looked up, and what they gave: a page's parts share them. */
struct last_referer {
	uint64_t url;
	uint32_t t_off, t_len; /* the target's place in the Referer */
	uint16_t ref_len, host_len; /* ref_len 0: nothing kept */
	bool ok;
	char ref[LAST_REFERER_MAX];
	char host[LAST_HOST_MAX];
};

struct render {
	struct watch watch[WATCH_SLOTS];
	struct early *early; /* EARLY_SLOTS, logs only (not live): renderings before their page's line */
	struct scored scored[SCORED_SLOTS]; /* pages CRS scored: a Referer naming one is spared */
	struct last_referer last;
	struct held held[HELD_MAX];
	uint32_t nheld;
	uint64_t seed;
	uint64_t srcs[SRC_BITS / 64]; /* sources with a watch, maybe more */
};

bool eng_render_init(struct engine *e)
{
	e->held_due = UINT64_MAX;
	for (size_t i = 0; i < e->ps->count; i++)
		if (e->ps->policies[i].action.unless_rendered_s) {
			e->render = calloc(1, sizeof(*e->render));
			if (!e->render)
				return false;
			if (!e->o.live &&
			    !(e->render->early = calloc(EARLY_SLOTS, sizeof(*e->render->early))))
				return false;
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
	free(e->render->early);
	free(e->render);
}

static uint64_t addr_mix(const struct gh_addr *a)
{
	uint64_t x, y;

	memcpy(&x, a->bytes, 8);
	memcpy(&y, a->bytes + 8, 8);
	return (x ^ y ^ a->family) * 0x9e3779b97f4a7c15ULL;
}

static uint32_t src_bit(const struct gh_addr *a)
{
	return (uint32_t)(addr_mix(a) >> 52) % SRC_BITS;
}

/* The watched-sources bitmap: a set bit says maybe, a clear one surely not. */
static void mark_source(struct render *rs, const struct gh_addr *a)
{
	uint32_t b = src_bit(a);

	rs->srcs[b / 64] |= 1ULL << (b % 64);
}

static bool source_marked(const struct render *rs, const struct gh_addr *a)
{
	uint32_t b = src_bit(a);

	return rs->srcs[b / 64] & (1ULL << (b % 64));
}

/*
 * A page's key: the record's Host when it has one, then its request target
 * (path, and '?' and query), hashed as one run of bytes, the first
 * URL_KEY_MAX of them: a Referer mostly names the same page with the same
 * bytes, so no copy is made for it then.
 */
static uint64_t key_of(const struct render *rs, const char *p, size_t n)
{
	return gh_hash_bytes(p, n < URL_KEY_MAX ? n : URL_KEY_MAX, rs->seed);
}

static size_t put(char *buf, size_t n, const char *p, size_t len)
{
	len = len < URL_KEY_MAX - n ? len : URL_KEY_MAX - n;
	memcpy(buf + n, p, len);
	return n + len;
}

static uint64_t record_url(const struct render *rs, const struct request_record *r)
{
	char buf[URL_KEY_MAX];
	size_t n = 0;

	if (req_has(r, REQ_HOST))
		n = put(buf, n, r->host.p, r->host.len);
	n = put(buf, n, r->path.p, r->path.len);
	if (req_has(r, REQ_QUERY)) {
		n = put(buf, n, "?", 1);
		n = put(buf, n, r->query.p, r->query.len);
	}
	return key_of(rs, buf, n);
}

/*
 * The key of the page the record's Referer names (req_page_referer: a page
 * of the record's site), its target in *t; false when it names none or is
 * longer than a key (bytes past it would be spared unscored: CRS). Keyed
 * under the record's Host, as the page's own request was: the Referer's
 * bytes when its host is written as the Host is, else a copy (another
 * case, a port the log's Host lacks, www. and the ServerName).
 */
static bool referer_url(const struct render *rs, const struct request_record *r,
			struct gh_str *t, uint64_t *url)
{
	struct gh_str h = req_has(r, REQ_HOST) ? r->host : (struct gh_str){ NULL, 0 };
	char buf[URL_KEY_MAX];

	if (!req_page_referer(r, t) || (size_t)h.len + t->len > URL_KEY_MAX)
		return false;
	if (!h.len ||
	    ((size_t)(t->p - r->referer.p) >= h.len && !memcmp(t->p - h.len, h.p, h.len))) {
		*url = key_of(rs, t->p - h.len, (size_t)h.len + t->len);
		return true;
	}
	memcpy(buf, h.p, h.len);
	memcpy(buf + h.len, t->p, t->len);
	*url = key_of(rs, buf, (size_t)h.len + t->len);
	return true;
}

static uint32_t watch_home(uint64_t url, const struct gh_addr *src)
{
	return (uint32_t)((url ^ addr_mix(src)) >> 40);
}

static struct watch *watch_find(struct render *rs, const struct gh_addr *src, uint64_t url,
				uint64_t now)
{
	uint32_t home = watch_home(url, src);

	for (uint32_t i = 0; i < WATCH_PROBE; i++) {
		struct watch *w = &rs->watch[(home + i) & (WATCH_SLOTS - 1)];

		if (w->url == url && w->until_ns >= now && gh_addr_equal(&w->src, src))
			return w;
	}
	return NULL;
}

/* The slot a new watch of src takes: empty or ended, else src's own, else the one ending first. */
static struct watch *watch_victim(struct render *rs, const struct gh_addr *src, uint32_t home,
				  uint64_t now)
{
	struct watch *own = NULL, *first = NULL;

	for (uint32_t i = 0; i < WATCH_PROBE; i++) {
		struct watch *c = &rs->watch[(home + i) & (WATCH_SLOTS - 1)];

		if (!c->url || c->until_ns < now)
			return c;
		if (gh_addr_equal(&c->src, src) && (!own || c->until_ns < own->until_ns))
			own = c;
		if (!first || c->until_ns < first->until_ns)
			first = c;
	}
	return own ? own : first;
}

/* The watch of (src, url), made or kept until at least until. */
static struct watch *watch_put(struct render *rs, const struct gh_addr *src, uint64_t url,
			       uint64_t now, uint64_t until)
{
	struct watch *w = watch_find(rs, src, url, now);

	if (!w) {
		w = watch_victim(rs, src, watch_home(url, src), now);
		*w = (struct watch){ .url = url, .src = *src };
		mark_source(rs, src);
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

/*
 * referer_url, answered without a parse or a hash when the Referer and the
 * Host are the last record's: a page's stylesheets, scripts and images all
 * name it, one after another (a log's every record with a Referer asks).
 */
static bool referer_url_cached(struct render *rs, const struct request_record *r,
			       struct gh_str *t, uint64_t *url)
{
	struct last_referer *l = &rs->last;
	struct gh_str v = r->referer;
	struct gh_str h = req_has(r, REQ_HOST) ? r->host : (struct gh_str){ NULL, 0 };
	bool ok;

	if (l->ref_len && v.len == l->ref_len && h.len == l->host_len &&
	    !memcmp(v.p, l->ref, v.len) && (!h.len || !memcmp(h.p, l->host, h.len))) {
		*t = (struct gh_str){ v.p + l->t_off, l->t_len };
		*url = l->url;
		return l->ok;
	}
	ok = referer_url(rs, r, t, url);
	l->ref_len = 0;
	if (v.len && v.len <= LAST_REFERER_MAX && h.len <= LAST_HOST_MAX) {
		l->ok = ok;
		l->url = ok ? *url : 0;
		l->t_off = ok ? (uint32_t)(t->p - v.p) : 0;
		l->t_len = ok ? t->len : 0;
		l->ref_len = (uint16_t)v.len;
		l->host_len = (uint16_t)h.len;
		memcpy(l->ref, v.p, v.len);
		if (h.len)
			memcpy(l->host, h.p, h.len);
	}
	return ok;
}

/* A note's key: (source, page) mixed. */
static uint64_t early_key(uint64_t url, const struct gh_addr *src)
{
	return url ^ addr_mix(src);
}

static struct early *early_slot(struct render *rs, uint64_t key)
{
	return &rs->early[key & (EARLY_SLOTS - 1)];
}

/*
 * CRS scored r's own target: a later request of the source whose Referer
 * names it (the page's API calls, the next page a reader opens from a
 * search answer) carries that target again, which CRS would count a second
 * time. Kept 10 minutes, the time a reader spends on a page, in a table of
 * its own: a note says nothing about renderings (a verdict held later on
 * that page is spared only by renderings after its own request).
 */
void eng_render_scored(struct engine *e, const struct request_record *r)
{
	struct render *rs = e->render;
	uint64_t key;

	if (!rs || !(key = early_key(record_url(rs, r), &r->src)))
		return;
	rs->scored[key & (SCORED_SLOTS - 1)] = (struct scored){ key, r->ts_ns, r->src };
	mark_source(rs, &r->src);
}

/* Whether CRS scored page url for src within SCORED_KEEP_NS before ts. */
static bool scored_lately(const struct render *rs, uint64_t key, uint64_t ts)
{
	const struct scored *n = &rs->scored[key & (SCORED_SLOTS - 1)];

	return key && n->key == key && n->ts_ns <= ts && ts - n->ts_ns <= SCORED_KEEP_NS;
}

/*
 * Whether src rendered page url in a log line before the page's own at ts:
 * at most EARLY_NS before it, and not after the wait ends (lines a little
 * out of order).
 */
static bool rendered_early(struct render *rs, const struct gh_addr *src, uint64_t url,
			   uint64_t ts, uint64_t hold)
{
	uint64_t key = early_key(url, src);
	const struct early *n;

	if (!rs->early || !key)
		return false;
	n = early_slot(rs, key);
	return n->key == key && n->ts_ns + EARLY_NS >= ts && n->ts_ns <= ts + hold;
}

void eng_render_observe(struct engine *e, const struct request_record *r)
{
	struct render *rs = e->render;
	bool watched = source_marked(rs, &r->src), self;
	struct watch *w;
	struct gh_str t;
	uint64_t url, key;

	if ((!watched && e->o.live) || !referer_url_cached(rs, r, &t, &url))
		return;
	/* The page asking for itself again (a reload, a form sent to itself) renders nothing new. */
	self = req_target_is(r, t);
	key = early_key(url, &r->src);
	if (rs->early && !self)
		*early_slot(rs, key) = (struct early){ key, r->ts_ns };
	/* A host no browser writes names no page: it spares and renders nothing. */
	if (!watched || !req_referer_plain_host(r))
		return;
	e->referer_watched = scored_lately(rs, key, r->ts_ns);
	if (!(w = watch_find(rs, &r->src, url, r->ts_ns)))
		return;
	e->referer_watched = true;
	w->rendered |= !self;
}

static bool rendered(struct render *rs, const struct held_url *u, uint64_t ts)
{
	const struct watch *w = watch_find(rs, &u->src, u->url, ts);

	return w && w->rendered;
}

/* The verdict policy pol holds for group key, if any. */
static struct held *held_of(struct render *rs, uint16_t pol, const struct gkey *key)
{
	for (uint32_t i = 0; i < rs->nheld; i++)
		if (rs->held[i].pol == pol && !memcmp(&rs->held[i].key, key, sizeof(*key)))
			return &rs->held[i];
	return NULL;
}

/*
 * Give held verdict i now (from the clock, or at once: all), unless each of
 * its requests was rendered, or a verdict given meanwhile began a cooldown
 * it falls in. Its block goes on as of now (verdict windows).
 */
static void give(struct engine *e, uint32_t i)
{
	struct render *rs = e->render;
	struct held h = rs->held[i];
	struct epolicy *ep = &e->pol[h.pol];
	bool spared = true;
	struct slot *s;
	uint32_t gi;
	size_t n;

	rs->held[i] = rs->held[--rs->nheld];
	for (uint8_t k = 0; k < h.nurls && spared; k++)
		spared = rendered(rs, &h.urls[k], h.ts_ns);
	/* Found again, or made again if a cap evicted it meanwhile: a verdict is never lost. */
	gi = spared ? NIL : eng_group_get(e, &h.key, e->clock);
	if (spared || gi == NIL) {
		e->pst[h.pol].rendered += spared;
		json_object_put(h.evidence);
		return;
	}
	s = eng_group_slot(e, ep, gi);
	if (h.ts_ns < s->cooldown_until) {
		e->pst[h.pol].suppressed++;
		json_object_put(h.evidence);
		return;
	}
	s->cooldown_until = h.ts_ns + ep->p->action.cooldown_s * NS;
	eng_group_keep(e, gi, s->cooldown_until);
	eng_group_fired(e, ep, gi);
	n = e->npend;
	eng_emit(e, ep, gi, &h.src, h.ts_ns, h.value, h.threshold, h.evidence);
	for (; n < e->npend; n++)
		if (e->pend[n].ts_ns < e->clock)
			e->pend[n].ts_ns = e->clock;
}

void eng_emit_request(struct engine *e, struct epolicy *ep, uint32_t gi,
		      const struct gh_addr *src, const struct request_record *r, double value,
		      double threshold, struct json_object *evidence, bool holdable)
{
	uint64_t hold = ep->p->action.unless_rendered_s * NS;
	struct render *rs = e->render;
	struct held_url u;
	struct watch *w;
	struct held *h;

	if (!holdable || !hold) {
		eng_emit(e, ep, gi, src, r->ts_ns, value, threshold, evidence);
		return;
	}
	h = held_of(rs, (uint16_t)(ep - e->pol), &e->g[gi].key);
	if (!h && rs->nheld >= HELD_MAX) { /* no room to wait: given now, its cooldown begun */
		eng_emit(e, ep, gi, src, r->ts_ns, value, threshold, evidence);
		return;
	}
	/* A held verdict begins no cooldown: the one eng_fire_gate replaced stands. */
	e->g[gi].slots[ep->slot].cooldown_until = e->gate_prev;
	u = (struct held_url){ record_url(rs, r), r->src };
	w = watch_put(rs, &u.src, u.url, r->ts_ns, r->ts_ns + hold);
	w->rendered |= rendered_early(rs, &u.src, u.url, r->ts_ns, hold);
	if (w->rendered) {
		e->pst[ep - e->pol].rendered++;
		json_object_put(evidence);
		return;
	}
	if (h) {
		json_object_put(evidence); /* the held verdict speaks for the group */
		for (uint8_t k = 0; k < h->nurls; k++)
			if (h->urls[k].url == u.url && gh_addr_equal(&h->urls[k].src, &u.src))
				return;
		if (h->nurls < HELD_URLS)
			h->urls[h->nurls++] = u;
		else /* more flagged pages than a reader opens */
			give(e, (uint32_t)(h - rs->held));
		return;
	}
	rs->held[rs->nheld++] = (struct held){
		.due_ns = r->ts_ns + hold, .ts_ns = r->ts_ns, .value = value,
		.threshold = threshold, .evidence = evidence, .key = e->g[gi].key,
		.pol = (uint16_t)(ep - e->pol), .src = r->src,
		.nurls = 1, .urls = { u },
	};
	if (r->ts_ns + hold < e->held_due)
		e->held_due = r->ts_ns + hold;
}

bool eng_render_next(struct engine *e, bool all)
{
	struct render *rs = e->render;
	uint32_t first = 0;

	if (!rs || !rs->nheld) {
		e->held_due = UINT64_MAX;
		return false;
	}
	/* Earliest first: a group's verdicts are given in the order of their requests. */
	for (uint32_t i = 1; i < rs->nheld; i++)
		if (rs->held[i].due_ns < rs->held[first].due_ns)
			first = i;
	if (!all && rs->held[first].due_ns > e->clock) {
		e->held_due = rs->held[first].due_ns;
		return false;
	}
	give(e, first);
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
			mark_source(rs, &w->src);
	}
	for (uint32_t i = 0; i < SCORED_SLOTS; i++) {
		const struct scored *n = &rs->scored[i];

		if (n->key && n->ts_ns + SCORED_KEEP_NS >= e->clock)
			mark_source(rs, &n->src);
	}
}
