// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * State layout, chosen for few cache misses per record: policies that group
 * the same way (same group_by fields and prefix; match and rate policies
 * group by src_ip) form a class, and one group per class and key holds a
 * slot for each policy of the class. A record costs one hash lookup per
 * class, not one per policy, and a source's state across policies sits
 * together. Groups, their slot blocks and window states are recycled
 * through free lists, so the steady state allocates nothing.
 */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>

#include "base/clock.h"
#include "base/escape.h"
#include "base/hash.h"
#include "engine/engine.h"
#include "engine/window.h"

#define NIL UINT32_MAX
#define NS 1000000000ULL
#define COUNTER_KEEP_NS (600ULL * NS) /* forget a silent source's counter sample after this */
#define GC_PER_RECORD 2               /* groups looked at per record (amortized release) */
#define POOL_MAX 4096                 /* free states kept per policy, slot blocks per class */
#define TABLE_MIN 1024

enum { LIST_MATCH, LIST_WINDOW, LIST_VERDICT, LIST_RATE, LIST_COUNT };

/* Zeroed before use, so memcmp compares it whole. */
struct gkey {
	uint64_t h;       /* hash of the group_by values other than src_ip */
	uint8_t addr[16]; /* src_ip masked to the class prefix, when grouped by it */
	uint8_t family;
	uint8_t pad;
	uint16_t cls;
	uint32_t pad2;
};

/* One policy's state in one group. */
struct slot {
	uint64_t cooldown_until;
	uint64_t last_block;
	uint32_t offenses; /* blocks within ENGINE_OFFENSE_MEMORY_NS */
	bool active;       /* counted in the policy's groups */
	void *state;       /* struct win or struct rate_win, from the policy's pool */
};

/* One cache line each, in a page-aligned slab. */
struct group {
	struct gkey key;
	uint32_t prev, next; /* LRU links; next also links the free list */
	uint32_t tag;        /* upper half of the key's hash: table tag and home slot */
	bool used;
	uint64_t moved;      /* event time of the last move to the LRU head */
	struct slot *slots;  /* the class's policies, then counter totals if the class has them */
} __attribute__((aligned(64)));

struct gclass {
	uint8_t n_group;
	enum req_field group_by[POLICY_MAX_GROUP_BY];
	uint8_t prefix_v4, prefix_v6;
	bool counters; /* its groups also keep a source's last counter sample */
	uint16_t npol;
	uint16_t *pols; /* policy index of each slot */
	size_t slots_size;
	void *pool; /* free slot blocks, linked through their first word */
	uint32_t pooled;
	uint32_t memo;   /* this record's group, NIL when not looked up */
	uint32_t memo_gen;
};

struct epolicy {
	const struct policy *p;
	uint16_t cls, slot;
	struct win_spec ws;
	struct rate_spec rs;
	uint64_t keep_ns; /* how long a group's data matters after its last record */
	bool src_grouped; /* group_by has src_ip, so a verdict has a source */
	void *pool;       /* free states, linked through their first word */
	uint32_t pooled;
};

/* A block verdict on its way to the input: verdicts windows, after the record. */
struct pending {
	uint64_t ts_ns;
	struct gh_addr src;
	const char *name;
};

struct engine {
	const struct policy_set *ps;
	struct engine_opts o;
	verdict_fn fn;
	void *ctx;
	struct pred_eval *ev;
	struct epolicy *pol;
	struct engine_policy_stats *pst;
	struct gclass *cls;
	uint16_t ncls, counter_cls;
	uint16_t *list[LIST_COUNT];
	size_t nlist[LIST_COUNT];
	/* Groups: a slab sized for max_groups (pages touched only as used). */
	struct group *g;
	/*
	 * Per group: idle after this (windows empty, cooldowns over, offenses
	 * forgotten). Kept apart so the sweep reads a dense array, not groups.
	 */
	uint64_t *keep;
	uint32_t gused, free_head, ngroups;
	uint32_t lru_head, lru_tail;
	/* Open addressing, linear probing: (tag << 32) | (index + 1), 0 empty; grows. */
	uint64_t *table;
	uint32_t tmask, tmax;
	uint32_t sweep, expire_at; /* cursors of the idle-group and window sweeps */
	uint64_t clock; /* newest event time seen */
	uint64_t entries;
	uint64_t seed;
	uint32_t gen; /* per record: memo validity */
	uint32_t fh_mask; /* per record: which field hashes are in fh */
	uint64_t fh[REQ_FIELD_COUNT];
	struct pending *pend;
	size_t npend;
	struct engine_stats st;
};

void engine_opts_default(struct engine_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->max_groups = ENGINE_DEFAULT_MAX_GROUPS;
	o->max_entries = ENGINE_DEFAULT_MAX_ENTRIES;
	o->late_tolerance_ns = ENGINE_DEFAULT_LATE_NS;
}

/* ---- free lists ----------------------------------------------------------- */

static void *pool_take(void **pool, uint32_t *n)
{
	void *p = *pool;

	if (p) {
		*pool = *(void **)p;
		*(void **)p = NULL; /* blocks go in cleared: clear the link word too */
		--*n;
	}
	return p;
}

/* false when the pool is full: the caller frees instead. */
static bool pool_put(void **pool, uint32_t *n, void *p)
{
	if (*n >= POOL_MAX)
		return false;
	*(void **)p = *pool;
	*pool = p;
	++*n;
	return true;
}

/* The slot's window or rate state, created (or recycled) on first use. */
static void *slot_state(struct engine *e, struct epolicy *ep, struct slot *s)
{
	if (s->state)
		return s->state;
	/* Pooled states were emptied when released. */
	s->state = pool_take(&ep->pool, &ep->pooled);
	if (!s->state) {
		s->state = ep->p->kind == POLICY_WINDOW ? (void *)win_new(&ep->ws)
							: (void *)rate_win_new(&ep->rs);
		if (!s->state)
			e->st.alloc_failures++;
	}
	return s->state;
}

static void state_release(struct engine *e, struct epolicy *ep, void *state)
{
	if (ep->p->kind == POLICY_WINDOW) {
		e->entries -= win_entries(state);
		win_reset(state, &ep->ws);
		if (!pool_put(&ep->pool, &ep->pooled, state))
			win_free(state, &ep->ws);
	} else {
		rate_win_reset(state, &ep->rs);
		if (!pool_put(&ep->pool, &ep->pooled, state))
			free(state);
	}
}

/* ---- groups: hash table, LRU, slab ---------------------------------------- */

static void lru_unlink(struct engine *e, uint32_t i)
{
	struct group *g = &e->g[i];

	if (g->prev != NIL)
		e->g[g->prev].next = g->next;
	else
		e->lru_head = g->next;
	if (g->next != NIL)
		e->g[g->next].prev = g->prev;
	else
		e->lru_tail = g->prev;
}

static void lru_push(struct engine *e, uint32_t i)
{
	struct group *g = &e->g[i];

	g->prev = NIL;
	g->next = e->lru_head;
	if (e->lru_head != NIL)
		e->g[e->lru_head].prev = i;
	else
		e->lru_tail = i;
	e->lru_head = i;
}

static void table_remove(struct engine *e, uint32_t idx, uint32_t tag)
{
	uint32_t i, j;

	for (i = tag & e->tmask; (uint32_t)e->table[i] != idx + 1; i = (i + 1) & e->tmask)
		;
	/* Backward-shift deletion: no tombstones, probe chains stay short. */
	for (j = (i + 1) & e->tmask; e->table[j]; j = (j + 1) & e->tmask) {
		uint32_t home = (uint32_t)(e->table[j] >> 32) & e->tmask;

		if (((j - home) & e->tmask) >= ((j - i) & e->tmask)) {
			e->table[i] = e->table[j];
			i = j;
		}
	}
	e->table[i] = 0;
}

/* Double the table; the tags hold the home slots, groups are not read. */
static int table_grow(struct engine *e)
{
	uint32_t cap = (e->tmask + 1) * 2, mask = cap - 1;
	uint64_t *t = calloc(cap, sizeof(*t));

	if (!t)
		return -ENOMEM;
	for (uint32_t i = 0; i <= e->tmask; i++) {
		uint32_t j;

		if (!e->table[i])
			continue;
		for (j = (uint32_t)(e->table[i] >> 32) & mask; t[j]; j = (j + 1) & mask)
			;
		t[j] = e->table[i];
	}
	free(e->table);
	e->table = t;
	e->tmask = mask;
	return 0;
}

static void group_drop(struct engine *e, uint32_t idx, bool evicted)
{
	struct group *g = &e->g[idx];
	struct gclass *c = &e->cls[g->key.cls];

	for (uint16_t i = 0; i < c->npol; i++) {
		struct slot *s = &g->slots[i];

		if (s->state)
			state_release(e, &e->pol[c->pols[i]], s->state);
		e->pst[c->pols[i]].groups -= s->active;
	}
	memset(g->slots, 0, c->slots_size);
	if (!pool_put(&c->pool, &c->pooled, g->slots))
		free(g->slots);
	table_remove(e, idx, g->tag);
	lru_unlink(e, idx);
	memset(g, 0, sizeof(*g));
	e->keep[idx] = 0;
	g->next = e->free_head;
	e->free_head = idx;
	e->ngroups--;
	e->st.evicted += evicted;
	/* Another class's memo may name this group. */
	e->gen++;
}

/*
 * The group for key, created when new; NIL without memory. Moves to the LRU
 * head at most once per second of event time: a busy source costs no list
 * surgery, and eviction is least recently seen to the second.
 */
static uint32_t group_get(struct engine *e, const struct gkey *k, uint64_t now)
{
	uint64_t h = gh_hash_bytes(k, sizeof(*k), e->seed);
	uint32_t tag = (uint32_t)(h >> 32), i, idx;
	struct gclass *c = &e->cls[k->cls];
	struct group *g;
	struct slot *slots;

	for (i = tag & e->tmask; e->table[i]; i = (i + 1) & e->tmask) {
		idx = (uint32_t)e->table[i] - 1;
		g = &e->g[idx];
		if ((uint32_t)(e->table[i] >> 32) == tag && !memcmp(&g->key, k, sizeof(*k))) {
			if (now >= g->moved + NS && e->lru_head != idx) {
				lru_unlink(e, idx);
				lru_push(e, idx);
				g->moved = now;
			}
			return idx;
		}
	}
	if (e->ngroups >= e->o.max_groups)
		group_drop(e, e->lru_tail, true);
	/* The table stays at most half full: short probe chains, always an empty slot. */
	slots = pool_take(&c->pool, &c->pooled);
	if (!slots)
		slots = calloc(1, c->slots_size);
	if (!slots ||
	    ((e->ngroups + 1) * 2 > e->tmask + 1 && (e->tmask + 1 >= e->tmax || table_grow(e)))) {
		free(slots);
		e->st.alloc_failures++;
		return NIL;
	}
	for (i = tag & e->tmask; e->table[i]; i = (i + 1) & e->tmask)
		;
	if (e->free_head != NIL) {
		idx = e->free_head;
		e->free_head = e->g[idx].next;
	} else {
		idx = e->gused++;
	}
	g = &e->g[idx];
	g->key = *k;
	g->tag = tag;
	g->used = true;
	g->moved = now;
	g->slots = slots;
	e->keep[idx] = 0;
	e->table[i] = (uint64_t)tag << 32 | (idx + 1);
	lru_push(e, idx);
	e->ngroups++;
	return idx;
}

static void group_keep(struct engine *e, uint32_t gi, uint64_t until)
{
	if (until > e->keep[gi])
		e->keep[gi] = until;
}

/* Stay under max_entries by dropping the least recently seen other groups. */
static void enforce_budget(struct engine *e, uint32_t keep)
{
	while (e->entries > e->o.max_entries && e->lru_tail != keep && e->lru_tail != NIL)
		group_drop(e, e->lru_tail, true);
}

static uint64_t horizon(const struct engine *e)
{
	return e->clock > e->o.late_tolerance_ns ? e->clock - e->o.late_tolerance_ns : 0;
}

/* Release a group nothing reaches any more: windows empty, cooldowns over, offenses forgotten. */
static void gc_one(struct engine *e, uint32_t idx, uint64_t horizon)
{
	/* Late records may still arrive for a tolerance after the group went quiet. */
	if (e->keep[idx] <= horizon && e->g[idx].used)
		group_drop(e, idx, false);
}

/*
 * Shed the window records no record can reach from a group kept for other
 * reasons (a cooldown, a day of offense memory): a busy group sheds its own
 * as records arrive, a quiet one only here.
 */
static void expire_windows(struct engine *e, uint32_t idx, uint64_t horizon)
{
	struct group *g = &e->g[idx];
	struct gclass *c = &e->cls[g->key.cls];

	for (uint16_t i = 0; g->used && i < c->npol; i++) {
		struct epolicy *ep = &e->pol[c->pols[i]];
		void *w = g->slots[i].state;
		size_t before;

		if (!w || ep->p->kind != POLICY_WINDOW)
			continue;
		before = win_entries(w);
		win_expire(w, &ep->ws, horizon);
		e->entries -= before - win_entries(w);
	}
}

/* A few groups per record: reads the dense keep array, touches only idle groups. */
static void gc_step(struct engine *e)
{
	uint64_t h = horizon(e);

	for (int n = 0; n < GC_PER_RECORD && e->gused; n++) {
		gc_one(e, e->sweep, h);
		if (++e->sweep >= e->gused)
			e->sweep = 0;
	}
}

/* ---- keys ----------------------------------------------------------------- */

static uint64_t field_hash(struct engine *e, const struct request_record *r, enum req_field f)
{
	uint64_t h = 0, n;
	struct gh_str s;

	if (e->fh_mask & REQ_BIT(f))
		return e->fh[f];
	if (req_has(r, f)) {
		switch (req_field_type(f)) {
		case REQ_TYPE_STR:
			req_get_str(r, f, &s);
			h = gh_hash_bytes(s.p, s.len, e->seed + f);
			break;
		case REQ_TYPE_ADDR:
			h = gh_hash_bytes(f == REQ_SRC_IP ? &r->src : &r->dst, sizeof(r->src),
					  e->seed + f);
			break;
		default:
			req_get_num(r, f, &n);
			h = gh_hash_bytes(&n, sizeof(n), e->seed + f);
		}
	}
	e->fh[f] = h;
	e->fh_mask |= REQ_BIT(f);
	return h;
}

static uint8_t class_prefix(const struct gclass *c, const struct gh_addr *a)
{
	return a->family == AF_INET ? c->prefix_v4 : c->prefix_v6;
}

static void key_src(struct gkey *k, const struct gclass *c, const struct gh_addr *a)
{
	memcpy(k->addr, a->bytes, sizeof(k->addr));
	k->family = a->family;
	if (class_prefix(c, a) < gh_addr_bits(a)) {
		struct gh_addr m = *a;

		gh_addr_mask(&m, class_prefix(c, a));
		memcpy(k->addr, m.bytes, sizeof(k->addr));
	}
}

/* The record's group in class ci (once per record); NIL when a group_by field is absent. */
static uint32_t record_group(struct engine *e, uint16_t ci, const struct request_record *r)
{
	struct gclass *c = &e->cls[ci];
	struct gkey k = { .cls = ci };

	if (c->memo_gen == e->gen)
		return c->memo;
	for (uint8_t i = 0; i < c->n_group; i++) {
		enum req_field f = c->group_by[i];

		if (!req_has(r, f))
			return NIL;
		if (f == REQ_SRC_IP)
			key_src(&k, c, &r->src);
		else
			k.h = (k.h << 7 | k.h >> 57) ^ field_hash(e, r, f);
	}
	c->memo = group_get(e, &k, r->ts_ns);
	c->memo_gen = e->gen;
	return c->memo;
}

/* ---- verdicts ------------------------------------------------------------- */

static struct json_object *json_ts(uint64_t ts_ns)
{
	char buf[40];

	gh_format_rfc3339(ts_ns, buf, sizeof(buf));
	return json_object_new_string(buf);
}

/* The group as text: "203.0.113.0/24", "*" for everything, "src_ip=... host=..." for several. */
static struct json_object *group_json(const struct gclass *c, const struct request_record *r)
{
	char buf[1024], val[GH_CIDR_STRLEN + 1];
	size_t used = 0;

	buf[0] = '\0';
	for (uint8_t i = 0; i < c->n_group && used < sizeof(buf); i++) {
		enum req_field f = c->group_by[i];
		struct gh_cidr cidr = { .addr = r->src, .prefixlen = class_prefix(c, &r->src) };
		const char *v = val;
		struct gh_str s;
		int len;

		if (f == REQ_SRC_IP) {
			gh_addr_mask(&cidr.addr, cidr.prefixlen);
			gh_cidr_format(&cidr, val, sizeof(val));
			len = (int)strlen(val);
		} else if (req_get_str(r, f, &s)) {
			v = s.p;
			len = (int)s.len;
		} else {
			len = req_format_field(r, f, val, sizeof(val));
			len = len < 0 ? 0 : len; /* absent: callers check, but never read val unset */
		}
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s%s%.*s", i ? " " : "",
					 c->n_group > 1 ? req_field_name(f) : "",
					 c->n_group > 1 ? "=" : "", len, v);
	}
	if (!c->n_group)
		snprintf(buf, sizeof(buf), "*");
	return gh_json_string(buf, strnlen(buf, sizeof(buf)));
}

/* Cooldown: true when the policy may fire for this group at ts. */
static bool fire_gate(struct engine *e, struct epolicy *ep, uint32_t gi, uint64_t ts)
{
	struct group *g = &e->g[gi];
	struct slot *s = &g->slots[ep->slot];

	if (ts < s->cooldown_until) {
		e->pst[ep - e->pol].suppressed++;
		return false;
	}
	s->cooldown_until = ts + ep->p->action.cooldown_s * NS;
	group_keep(e, gi, s->cooldown_until);
	return true;
}

/* ttl x factor^(n-1), capped at max_ttl. */
static uint64_t escalated_ttl(const struct policy_action *a, uint32_t offense)
{
	double ttl = (double)a->ttl_s * pow(a->escalate_factor, (double)offense - 1);

	return ttl >= (double)a->max_ttl_s ? a->max_ttl_s : (uint64_t)ttl;
}

static void escalate(struct engine *e, uint32_t gi, struct slot *s, struct verdict *v,
		     bool monitor, struct json_object *evidence)
{
	const struct policy_action *a = &v->policy->action;
	char scope[GH_CIDR_STRLEN];

	if (s->offenses && v->ts_ns >= s->last_block + ENGINE_OFFENSE_MEMORY_NS)
		s->offenses = 0;
	v->offense = ++s->offenses;
	if (v->ts_ns > s->last_block)
		s->last_block = v->ts_ns;
	group_keep(e, gi, s->last_block + ENGINE_OFFENSE_MEMORY_NS);
	v->ttl_s = escalated_ttl(a, v->offense);
	v->block = !monitor && v->has_src;
	json_object_object_add(evidence, "offense", json_object_new_uint64(v->offense));
	if (monitor && v->has_src) {
		struct json_object *m = json_object_new_object();

		gh_cidr_format(&v->scope, scope, sizeof(scope));
		json_object_object_add(m, "scope", json_object_new_string(scope));
		json_object_object_add(m, "ttl_s", json_object_new_uint64(v->ttl_s));
		json_object_object_add(evidence, "would_block", m);
	}
}

static void emit(struct engine *e, struct epolicy *ep, uint32_t gi, const struct gh_addr *src,
		 uint64_t ts, double value, double threshold, struct json_object *evidence)
{
	const struct policy *p = ep->p;
	struct group *g = &e->g[gi];
	struct verdict v = {
		.policy = p, .ts_ns = ts, .value = value, .threshold = threshold,
		.evidence = evidence,
	};

	if (src) {
		v.has_src = true;
		v.src = *src;
		v.scope.addr = *src;
		v.scope.prefixlen = src->family == AF_INET ? p->action.scope_v4 : p->action.scope_v6;
		gh_addr_mask(&v.scope.addr, v.scope.prefixlen);
	}
	if (p->action.block)
		escalate(e, gi, &g->slots[ep->slot], &v, p->monitor, evidence);
	e->pst[ep - e->pol].alerts++;
	e->pst[ep - e->pol].blocks += v.block;
	e->fn(&v, e->ctx);
	json_object_put(evidence);
	if (v.block && e->nlist[LIST_VERDICT] && !p->window.input_verdicts)
		e->pend[e->npend++] = (struct pending){ ts, v.src, p->name };
}

/* The policy's slot in the record's group, marked active; NULL when it has none. */
static struct slot *policy_slot(struct engine *e, struct epolicy *ep,
				const struct request_record *r, uint32_t *gi)
{
	struct slot *s;

	*gi = record_group(e, ep->cls, r);
	if (*gi == NIL)
		return NULL;
	s = &e->g[*gi].slots[ep->slot];
	if (!s->active) {
		s->active = true;
		e->pst[ep - e->pol].groups++;
	}
	return s;
}

/* ---- match ---------------------------------------------------------------- */

static void run_match(struct engine *e, struct epolicy *ep, const struct request_record *r)
{
	struct json_object *ev;
	uint32_t gi;

	if (!pred_match(ep->p->where, e->ev))
		return;
	e->pst[ep - e->pol].matched++;
	if (!policy_slot(e, ep, r, &gi) || !fire_gate(e, ep, gi, r->ts_ns))
		return;
	ev = json_object_new_object();
	json_object_object_add(ev, "request", request_to_json(r));
	emit(e, ep, gi, &r->src, r->ts_ns, 1, 1, ev);
}

/* ---- window --------------------------------------------------------------- */

static bool cmp(double x, enum cmp_op op, double v)
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

static bool having(const struct policy_window *w, const struct win_view *v)
{
	for (uint8_t i = 0; i < w->n_conds; i++) {
		const struct policy_cond *c = &w->conds[i];
		double x = v->agg[c->agg];
		bool ok = cmp(x, c->op, c->value) && (!c->rise_factor ||
						      x >= c->rise_factor * v->prev[c->agg]);

		if (ok == w->having_any)
			return ok;
	}
	return !w->having_any;
}

static struct json_object *aggs_json(const struct policy_window *w, const double *vals)
{
	struct json_object *o = json_object_new_object();

	for (uint8_t i = 0; i < w->n_aggs; i++)
		json_object_object_add(o, w->aggs[i].name, gh_json_number(vals[i]));
	return o;
}

static struct json_object *window_evidence(const struct engine *e, const struct epolicy *ep,
					   const struct request_record *r,
					   const struct win_view *v)
{
	const struct policy_window *w = &ep->p->window;
	struct json_object *o = json_object_new_object();
	bool rise = false;

	json_object_object_add(o, "window", json_object_new_string(w->tumbling ? "tumbling"
										: "sliding"));
	json_object_object_add(o, "window_s", json_object_new_uint64(w->length_s));
	json_object_object_add(o, "group", group_json(&e->cls[ep->cls], r));
	json_object_object_add(o, "start", json_ts(v->start_ns));
	json_object_object_add(o, "end", json_ts(v->end_ns));
	json_object_object_add(o, "first_ts", json_ts(v->first_ns));
	json_object_object_add(o, "last_ts", json_ts(r->ts_ns));
	json_object_object_add(o, "count", json_object_new_uint64(v->n));
	json_object_object_add(o, "aggregates", aggs_json(w, v->agg));
	for (uint8_t i = 0; i < w->n_conds; i++)
		rise = rise || w->conds[i].rise_factor;
	if (rise)
		json_object_object_add(o, "previous", aggs_json(w, v->prev));
	json_object_object_add(o, "request", request_to_json(r));
	return o;
}

static void win_input_of(struct engine *e, const struct epolicy *ep,
			 const struct request_record *r, struct win_input *in)
{
	const struct policy_window *w = &ep->p->window;
	uint64_t n;

	in->ts_ns = r->ts_ns;
	in->ratio_bits = 0;
	for (uint8_t i = 0; i < w->n_aggs; i++) {
		const struct policy_agg *a = &w->aggs[i];

		switch (a->fn) {
		case AGG_RATIO:
			in->ratio_bits |= (uint32_t)pred_match(a->where, e->ev) << i;
			break;
		case AGG_DISTINCT:
			in->val[ep->ws.val_of[i]] = field_hash(e, r, a->field);
			break;
		case AGG_SUM:
			in->val[ep->ws.val_of[i]] = req_get_num(r, a->field, &n) ? n : 0;
			break;
		case AGG_COUNT:
			break;
		}
	}
}

static void run_window(struct engine *e, struct epolicy *ep, const struct request_record *r)
{
	const struct policy_window *w = &ep->p->window;
	struct win_input in;
	struct win_view view;
	struct slot *s;
	struct win *win;
	size_t before;
	uint32_t gi;
	int rc;

	if (w->filter && !pred_match(w->filter, e->ev))
		return;
	e->pst[ep - e->pol].matched++;
	s = policy_slot(e, ep, r, &gi);
	if (!s || !(win = slot_state(e, ep, s)))
		return;
	win_input_of(e, ep, r, &in);
	before = win_entries(win);
	rc = win_add(win, &ep->ws, &in, &view);
	e->entries = e->entries - before + win_entries(win);
	if (rc < 0) {
		e->st.alloc_failures++;
		return;
	}
	e->st.truncated += !!(rc & WIN_TRUNCATED);
	if (rc & WIN_TOO_OLD)
		return;
	group_keep(e, gi, r->ts_ns + ep->keep_ns);
	enforce_budget(e, gi);
	if (!having(w, &view) || !fire_gate(e, ep, gi, r->ts_ns))
		return;
	emit(e, ep, gi, ep->src_grouped ? &r->src : NULL, r->ts_ns, view.agg[w->conds[0].agg],
	     w->conds[0].value, window_evidence(e, ep, r, &view));
}

/* ---- rate ----------------------------------------------------------------- */

static void rate_add(struct engine *e, struct epolicy *ep, uint32_t gi,
		     const struct request_record *r, uint64_t ts, uint64_t amount,
		     const char *counted_from)
{
	const struct policy *p = ep->p;
	double over_s = (double)ep->rs.over_ns / NS;
	struct slot *s = &e->g[gi].slots[ep->slot];
	const struct gh_addr *src = &r->src;
	struct json_object *ev;
	struct rate_win *w;
	uint64_t sum;

	if (!s->active) {
		s->active = true;
		e->pst[ep - e->pol].groups++;
	}
	w = slot_state(e, ep, s);
	if (!w || rate_win_add(w, &ep->rs, ts, amount, &sum))
		return;
	e->pst[ep - e->pol].matched++;
	group_keep(e, gi, ts + ep->keep_ns);
	/* "rose by more than per_second * over within over" */
	if ((double)sum <= p->rate.per_second * over_s || !fire_gate(e, ep, gi, ts))
		return;
	ev = json_object_new_object();
	json_object_object_add(ev, "metric", json_object_new_string(rate_metric_name(p->rate.metric)));
	json_object_object_add(ev, "over_s", gh_json_number(over_s));
	json_object_object_add(ev, "count", json_object_new_uint64(sum));
	json_object_object_add(ev, "group", group_json(&e->cls[ep->cls], r));
	json_object_object_add(ev, "counted_from", json_object_new_string(counted_from));
	emit(e, ep, gi, src, ts, (double)sum / over_s, p->rate.per_second, ev);
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

/* ---- feeding -------------------------------------------------------------- */

static void begin_record(struct engine *e, const struct request_record *r)
{
	pred_eval_begin(e->ev, r);
	e->fh_mask = 0;
	e->gen++;
}

static bool is_late(struct engine *e, uint64_t ts)
{
	bool late = ts + e->o.late_tolerance_ns < e->clock;

	if (ts > e->clock)
		e->clock = ts;
	e->st.late += late;
	return late;
}

static void run_list(struct engine *e, int list, const struct request_record *r)
{
	for (size_t i = 0; i < e->nlist[list]; i++) {
		struct epolicy *ep = &e->pol[e->list[list][i]];
		uint64_t amount;
		uint32_t gi;

		switch (list) {
		case LIST_MATCH: run_match(e, ep, r); break;
		case LIST_RATE:
			amount = record_amount(ep->p->rate.metric, r);
			if (amount && (gi = record_group(e, ep->cls, r)) != NIL)
				rate_add(e, ep, gi, r, r->ts_ns, amount, "records");
			break;
		default: run_window(e, ep, r);
		}
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
		if (!is_late(e, vr.ts_ns))
			run_list(e, LIST_VERDICT, &vr);
	}
	e->npend = 0;
}

void engine_feed(struct engine *e, const struct request_record *r)
{
	bool late;

	e->st.records++;
	late = is_late(e, r->ts_ns);
	begin_record(e, r);
	/* A match needs no window: late records still match. */
	run_list(e, LIST_MATCH, r);
	if (!late) {
		run_list(e, LIST_WINDOW, r);
		if (!e->o.kernel_counters)
			run_list(e, LIST_RATE, r);
	}
	flush_verdicts(e);
	gc_step(e);
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

	if (now_ns > e->clock)
		e->clock = now_ns;
	if (!e->o.kernel_counters || !e->nlist[LIST_RATE])
		return;
	begin_record(e, &r);
	c = &e->cls[e->counter_cls];
	gi = record_group(e, e->counter_cls, &r);
	if (gi == NIL)
		return;
	prev = (uint64_t *)&e->g[gi].slots[c->npol];
	fresh = !prev[RATE_METRIC_COUNT]; /* the first sample is the baseline */
	prev[RATE_METRIC_COUNT] = 1;
	group_keep(e, gi, now_ns + COUNTER_KEEP_NS);
	for (int m = 0; m < RATE_METRIC_COUNT; m++) {
		uint64_t cur = *(const uint64_t *)((const char *)totals + metric_offset[m]);

		delta[m] = fresh ? 0 : cur >= prev[m] ? cur - prev[m] : cur;
		prev[m] = cur;
	}
	for (size_t i = 0; i < e->nlist[LIST_RATE]; i++) {
		struct epolicy *ep = &e->pol[e->list[LIST_RATE][i]];

		if (delta[ep->p->rate.metric] && (gi = record_group(e, ep->cls, &r)) != NIL)
			rate_add(e, ep, gi, &r, now_ns, delta[ep->p->rate.metric],
				 "kernel counters");
	}
	flush_verdicts(e);
}

void engine_tick(struct engine *e, uint64_t now_ns)
{
	uint64_t h;

	if (now_ns > e->clock)
		e->clock = now_ns;
	h = horizon(e);
	/* The dense keep array makes the full pass cheap: ~1 ms for 262144 groups. */
	for (uint32_t i = 0; i < e->gused; i++)
		gc_one(e, i, h);
	/* Windows are read group by group: a sixty-fourth per tick, each about once a minute. */
	for (uint32_t n = 0; n < (e->gused + 63) / 64; n++) {
		expire_windows(e, e->expire_at, h);
		if (++e->expire_at >= e->gused)
			e->expire_at = 0;
	}
}

void engine_stats(const struct engine *e, struct engine_stats *out)
{
	*out = e->st;
	out->groups = e->ngroups;
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
	case POLICY_RATE: return LIST_RATE;
	default: return p->window.input_verdicts ? LIST_VERDICT : LIST_WINDOW;
	}
}

/* The class grouping like this (created when new); match and rate group by src_ip. */
static uint16_t class_of(struct engine *e, const enum req_field *by, uint8_t n, uint8_t v4,
			 uint8_t v6)
{
	struct gclass *c;

	if (!group_by_has_src(by, n))
		v4 = 32, v6 = 128; /* prefixes only shape src_ip */
	for (uint16_t i = 0; i < e->ncls; i++) {
		c = &e->cls[i];
		if (c->n_group == n && !memcmp(c->group_by, by, n * sizeof(*by)) &&
		    c->prefix_v4 == v4 && c->prefix_v6 == v6)
			return i;
	}
	c = &e->cls[e->ncls];
	c->n_group = n;
	memcpy(c->group_by, by, n * sizeof(*by));
	c->prefix_v4 = v4;
	c->prefix_v6 = v6;
	c->memo = NIL;
	return e->ncls++;
}

static const enum req_field by_src[] = { REQ_SRC_IP };

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
	int l = list_of(p);

	ep->p = p;
	if (p->kind == POLICY_WINDOW) {
		win_spec_init(&ep->ws, &p->window, e->o.late_tolerance_ns);
		/* tumbling: the window after the record's may still read it as "previous" */
		ep->keep_ns = ep->ws.length_ns * (p->window.tumbling ? 2 : 1);
		ep->src_grouped = group_by_has_src(p->window.group_by, p->window.n_group);
		ep->cls = class_of(e, p->window.group_by, p->window.n_group, p->prefix_v4,
				   p->prefix_v6);
	} else {
		if (p->kind == POLICY_RATE) {
			rate_spec_init(&ep->rs, p->rate.over_s);
			ep->keep_ns = ep->rs.over_ns;
		}
		ep->src_grouped = true;
		ep->cls = class_of(e, by_src, 1, p->kind == POLICY_RATE ? p->prefix_v4 : 32,
				   p->kind == POLICY_RATE ? p->prefix_v6 : 128);
	}
	ep->slot = e->cls[ep->cls].npol++;
	e->list[l][e->nlist[l]++] = (uint16_t)i;
}

static bool classes_init(struct engine *e)
{
	for (size_t i = 0; i < e->ps->count; i++)
		policy_init(e, i);
	if (e->o.kernel_counters && e->nlist[LIST_RATE]) {
		e->counter_cls = class_of(e, by_src, 1, 32, 128);
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
	size_t n = ps->count ? ps->count : 1;
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
	if (!e->o.max_entries)
		e->o.max_entries = ENGINE_DEFAULT_MAX_ENTRIES;
	e->seed = e->o.hash_seed;
	if (!e->seed && getrandom(&e->seed, sizeof(e->seed), 0) != sizeof(e->seed))
		e->seed = (uint64_t)(uintptr_t)e ^ 0x9e3779b97f4a7c15ULL;
	e->ps = ps;
	e->fn = fn;
	e->ctx = ctx;
	e->gen = 1;
	e->free_head = e->lru_head = e->lru_tail = NIL;
	while (tmax < 2ULL * e->o.max_groups)
		tmax *= 2;
	e->tmax = (uint32_t)tmax;
	e->tmask = TABLE_MIN - 1;
	e->ev = pred_eval_new(ps->regexes);
	e->pol = calloc(n, sizeof(*e->pol));
	e->pst = calloc(n, sizeof(*e->pst));
	e->pend = calloc(n, sizeof(*e->pend));
	e->cls = calloc(n + 1, sizeof(*e->cls));
	e->g = slab_new(e->o.max_groups, sizeof(*e->g));
	e->keep = calloc(e->o.max_groups, sizeof(*e->keep));
	e->table = calloc(TABLE_MIN, sizeof(*e->table));
	ok = e->ev && e->pol && e->pst && e->pend && e->cls && e->g && e->keep && e->table;
	for (int l = 0; l < LIST_COUNT; l++)
		ok = (e->list[l] = calloc(n, sizeof(uint16_t))) && ok;
	if (!ok || !classes_init(e)) {
		engine_free(e);
		return NULL;
	}
	return e;
}

static void pool_drain(void **pool, uint32_t *n, struct epolicy *ep)
{
	void *p;

	while ((p = pool_take(pool, n))) {
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
			group_drop(e, i, false);
	for (size_t i = 0; e->pol && i < e->ps->count; i++)
		pool_drain(&e->pol[i].pool, &e->pol[i].pooled, &e->pol[i]);
	for (uint16_t i = 0; e->cls && i < e->ncls; i++) {
		pool_drain(&e->cls[i].pool, &e->cls[i].pooled, NULL);
		free(e->cls[i].pols);
	}
	pred_eval_free(e->ev);
	for (int l = 0; l < LIST_COUNT; l++)
		free(e->list[l]);
	free(e->pol);
	free(e->pst);
	free(e->pend);
	free(e->cls);
	if (e->g)
		munmap(e->g, (size_t)e->o.max_groups * sizeof(*e->g));
	free(e->keep);
	free(e->table);
	free(e);
}
