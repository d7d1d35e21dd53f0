// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Groups: the hash table from key to group, the two tiers' LRUs that pick
 * whom to evict at max_counter_groups, max_groups and max_entries, the idle
 * sweep, and the free lists that recycle groups' slot blocks and window
 * states.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/open_addr.h"
#include "engine/engine_internal.h"

/* ---- free lists ----------------------------------------------------------- */

void *eng_pool_take(void **pool, uint32_t *n)
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

/* eng_slot_state when the slot has no state yet. */
void *eng_slot_state_new(struct engine *e, struct epolicy *ep, struct slot *s)
{
	/* Pooled states were emptied when released. */
	s->state = eng_pool_take(&ep->pool, &ep->pooled);
	if (!s->state) {
		s->state = ep->p->kind == POLICY_WINDOW	   ? (void *)win_new(&ep->ws)
			   : ep->p->kind == POLICY_PROFILE ? calloc(1, eng_profile_state_size())
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
	} else if (ep->p->kind == POLICY_PROFILE) {
		memset(state, 0, eng_profile_state_size());
		if (!pool_put(&ep->pool, &ep->pooled, state))
			free(state);
	} else {
		rate_win_reset(state, &ep->rs);
		if (!pool_put(&ep->pool, &ep->pooled, state))
			free(state);
	}
}

/* ---- groups: hash table, LRUs, slab --------------------------------------- */

static void lru_unlink(struct engine *e, uint32_t i)
{
	struct group *g = &e->g[i];
	struct lru *l = &e->lru[g->tier];

	if (g->prev != NIL)
		e->g[g->prev].next = g->next;
	else
		l->head = g->next;
	if (g->next != NIL)
		e->g[g->next].prev = g->prev;
	else
		l->tail = g->prev;
	l->n--;
}

static void lru_push(struct engine *e, uint32_t i)
{
	struct group *g = &e->g[i];
	struct lru *l = &e->lru[g->tier];

	g->prev = NIL;
	g->next = l->head;
	if (l->head != NIL)
		e->g[l->head].prev = i;
	else
		l->tail = i;
	l->head = i;
	l->n++;
}

/* Room for one more group in the tier: its least recently seen goes at the cap. */
static void tier_make_room(struct engine *e, uint8_t tier)
{
	if (e->lru[tier].n >= e->lru[tier].cap)
		eng_group_drop(e, e->lru[tier].tail, true);
}

/* Group i to the head of another tier. */
static void tier_move(struct engine *e, uint32_t i, uint8_t tier)
{
	lru_unlink(e, i);
	tier_make_room(e, tier);
	e->g[i].tier = tier;
	lru_push(e, i);
}

/* The tags hold the home slots: the table is managed without reading groups. */
static uint32_t tag_home(uint64_t entry, uint32_t mask)
{
	return (uint32_t)(entry >> 32) & mask;
}

static void table_remove(struct engine *e, uint32_t idx, uint32_t tag)
{
	uint32_t i;

	for (i = tag & e->tmask; (uint32_t)e->table[i] != idx + 1; i = (i + 1) & e->tmask)
		;
	gh_open_addr_delete(e->table, e->tmask, sizeof(*e->table), i, tag_home);
}

/* Double the table; the tags hold the home slots, groups are not read. */
static int table_grow(struct engine *e)
{
	return gh_open_addr_double((void **)&e->table, &e->tmask, sizeof(*e->table), true, tag_home);
}

void eng_group_drop(struct engine *e, uint32_t idx, bool evicted)
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
	e->st.evicted_counter_only += evicted && g->tier == TIER_COUNTER;
	e->st.evicted_stateful += evicted && g->tier == TIER_STATE;
	memset(g, 0, sizeof(*g));
	e->keep[idx] = 0;
	g->next = e->free_head;
	e->free_head = idx;
	e->ngroups--;
	/*
	 * A class's memo may name this group: look it up again. Not e->gen++,
	 * which would also end this record's other per-record state (the
	 * match policies its patterns let through).
	 */
	for (uint16_t i = 0; i < e->ncls; i++)
		if (e->cls[i].memo == idx)
			e->cls[i].memo_gen = e->gen - 1;
}

/*
 * A verdict makes its group stateful unless its counter is counted before any
 * handshake (XDP's packets, SYNs): a spoofed flood makes as much of those as
 * it likes, and must not promote itself over real windows.
 */
void eng_group_fired(struct engine *e, struct epolicy *ep, uint32_t gi)
{
	if (e->g[gi].tier == TIER_COUNTER && rate_metric_verified(ep->p->rate.metric))
		tier_move(e, gi, TIER_STATE);
}

/*
 * The group for key, created when new; NIL without memory. Moves to the LRU
 * head at most once per second of event time: a busy source costs no list
 * surgery, and eviction is least recently seen to the second.
 */
/* The group of key k (tag: the upper half of its hash), NIL when it has none. */
static uint32_t group_find(const struct engine *e, const struct gkey *k, uint32_t tag)
{
	for (uint32_t i = tag & e->tmask; e->table[i]; i = (i + 1) & e->tmask) {
		uint32_t idx = (uint32_t)e->table[i] - 1;

		if ((uint32_t)(e->table[i] >> 32) == tag && !memcmp(&e->g[idx].key, k, sizeof(*k)))
			return idx;
	}
	return NIL;
}

static uint32_t key_tag(const struct engine *e, const struct gkey *k)
{
	return (uint32_t)(gh_hash_bytes(k, sizeof(*k), e->seed) >> 32);
}

uint32_t eng_group_get(struct engine *e, const struct gkey *k, uint64_t now)
{
	uint32_t tag = key_tag(e, k), i, idx = group_find(e, k, tag);
	struct gclass *c = &e->cls[k->cls];
	struct group *g;
	struct slot *slots;

	if (idx != NIL) {
		g = &e->g[idx];
		if (now >= g->moved + NS && e->lru[g->tier].head != idx) {
			lru_unlink(e, idx);
			lru_push(e, idx);
			g->moved = now;
		}
		return idx;
	}
	tier_make_room(e, c->counter_fed ? TIER_COUNTER : TIER_STATE);
	/* The table stays at most half full: short probe chains, always an empty slot. */
	slots = eng_pool_take(&c->pool, &c->pooled);
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
	g->tier = c->counter_fed ? TIER_COUNTER : TIER_STATE;
	g->moved = now;
	g->slots = slots;
	e->keep[idx] = 0;
	e->table[i] = (uint64_t)tag << 32 | (idx + 1);
	lru_push(e, idx);
	e->ngroups++;
	return idx;
}

/* Stay under max_entries by dropping the least recently seen other (stateful) groups. */
void eng_enforce_budget(struct engine *e, uint32_t keep)
{
	const struct lru *l = &e->lru[TIER_STATE];

	while (e->entries > e->o.max_entries && l->tail != keep && l->tail != NIL)
		eng_group_drop(e, l->tail, true);
}

/* Release a group nothing reaches any more: windows empty, cooldowns over, offenses forgotten. */
void eng_gc_one(struct engine *e, uint32_t idx, uint64_t horizon)
{
	/* Late records may still arrive for a tolerance after the group went quiet. */
	if (e->keep[idx] > horizon || !e->g[idx].used)
		return;
	if (e->cls[e->g[idx].key.cls].first_session) {
		eng_sessions_end(e, idx, horizon, false);
		if (e->keep[idx] > horizon) /* one fired: its cooldown keeps the group */
			return;
	}
	eng_group_drop(e, idx, false);
}

/* A cooldown or offenses that still matter at horizon, in any of the group's slots. */
static bool holds_verdicts(const struct group *g, const struct gclass *c, uint64_t horizon)
{
	for (uint16_t i = 0; i < c->npol; i++) {
		const struct slot *s = &g->slots[i];

		if (s->cooldown_until > horizon ||
		    (s->offenses && s->last_block + ENGINE_OFFENSE_MEMORY_NS > horizon))
			return true;
	}
	return false;
}

/*
 * Shed the window records no record can reach from a group kept for other
 * reasons (a cooldown, a day of offense memory): a busy group sheds its own
 * as records arrive, a quiet one only here. A counter-fed group that is
 * stateful only for its verdicts is counter-only again once they are over.
 */
void eng_expire_windows(struct engine *e, uint32_t idx, uint64_t horizon)
{
	struct group *g = &e->g[idx];
	struct gclass *c = &e->cls[g->key.cls];

	if (c->first_session) /* kept for other policies: a quiet session still ends */
		eng_sessions_end(e, idx, horizon, false);
	for (uint16_t i = 0; g->used && i < c->npol; i++) {
		struct epolicy *ep = &e->pol[c->pols[i]];
		void *w = g->slots[i].state;
		size_t before;

		if (!w || ep->p->kind != POLICY_WINDOW || ep->ws.session)
			continue;
		before = win_entries(w);
		win_expire(w, &ep->ws, horizon);
		e->entries -= before - win_entries(w);
	}
	if (g->used && c->counter_fed && g->tier == TIER_STATE && !holds_verdicts(g, c, horizon))
		tier_move(e, idx, TIER_COUNTER);
}

/* A few groups per record: reads the dense keep array, touches only idle groups. */
void eng_gc_step(struct engine *e)
{
	uint64_t h = eng_horizon(e);

	for (int n = 0; n < GC_PER_RECORD && e->gused; n++) {
		eng_gc_one(e, e->sweep, h);
		if (++e->sweep >= e->gused)
			e->sweep = 0;
	}
}

/* ---- keys ----------------------------------------------------------------- */

uint64_t eng_field_hash(struct engine *e, const struct request_record *r, enum req_field f)
{
	uint64_t h = 0, n;

	if (e->fh_mask & REQ_BIT(f))
		return e->fh[f];
	if (req_has(r, f)) {
		switch (req_field_type(f)) {
		case REQ_TYPE_STR: /* the memo key, made with e->seed (engine_new) */
			h = pred_eval_key(e->ev, f);
			break;
		case REQ_TYPE_ADDR:
			h = gh_hash_bytes(req_addr(r, f), sizeof(r->src),
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

static void key_src(struct gkey *k, const struct gclass *c, const struct gh_addr *a)
{
	memcpy(k->addr, a->bytes, sizeof(k->addr));
	k->family = a->family;
	if (eng_class_prefix(c, a) < gh_addr_bits(a)) {
		struct gh_addr m = *a;

		gh_addr_mask(&m, eng_class_prefix(c, a));
		memcpy(k->addr, m.bytes, sizeof(k->addr));
	}
}

/*
 * Each policy's state of the group (a window's header; the line beside it,
 * its aggregates, tends to come along), asked for at once: the policies then
 * run one after another on lines already on their way, not each waiting for
 * its own. A prefetch of NULL (no state yet) does nothing.
 */
static void group_prefetch(const struct engine *e, const struct gclass *c, uint32_t gi)
{
	const struct slot *slots = e->g[gi].slots;

	for (uint16_t i = 0; i < c->npol; i++)
		__builtin_prefetch(slots[i].state, 1);
}

/* The record's key in class ci; false when a group_by field is absent. */
static bool record_key(struct engine *e, uint16_t ci, const struct request_record *r,
		       struct gkey *k)
{
	const struct gclass *c = &e->cls[ci];

	*k = (struct gkey){ .cls = ci };
	for (uint8_t i = 0; i < c->n_group; i++) {
		enum req_field f = c->group_by[i];

		if (!req_has(r, f))
			return false;
		if (f == REQ_SRC_IP)
			key_src(k, c, &r->src);
		else
			k->h = (k->h << 7 | k->h >> 57) ^ eng_field_hash(e, r, f);
	}
	return true;
}

uint32_t eng_record_group_find(struct engine *e, uint16_t ci, const struct request_record *r)
{
	struct gkey k;

	if (e->cls[ci].memo_gen == e->gen)
		return e->cls[ci].memo;
	return record_key(e, ci, r, &k) ? group_find(e, &k, key_tag(e, &k)) : NIL;
}

/* The first policy of the class this record looks the group up (eng_record_group). */
uint32_t eng_record_group_lookup(struct engine *e, uint16_t ci, const struct request_record *r)
{
	struct gclass *c = &e->cls[ci];
	struct gkey k;

	if (!record_key(e, ci, r, &k))
		return NIL;
	c->memo = eng_group_get(e, &k, r->ts_ns);
	c->memo_gen = e->gen;
	if (c->memo != NIL)
		group_prefetch(e, c, c->memo);
	return c->memo;
}
