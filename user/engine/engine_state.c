// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Escalation memory out of one engine and into another (engine_state.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/vec.h"
#include "engine/engine_internal.h"
#include "engine/engine_state.h"

uint64_t engine_hash_seed(const struct engine *e)
{
	return e->seed;
}

static void group_by_text(const struct gclass *c, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (uint8_t i = 0; i < c->n_group && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? "," : "",
					 req_field_name(c->group_by[i]));
}

static bool slot_matters(const struct slot *s, uint64_t now)
{
	return s->cooldown_until > now ||
	       (s->offenses && s->last_block + ENGINE_OFFENSE_MEMORY_NS > now);
}

static void offense_of(const struct engine *e, const struct group *g, uint16_t i,
		       struct engine_offense *o)
{
	const struct gclass *c = &e->cls[g->key.cls];
	const struct slot *s = &g->slots[i];

	memset(o, 0, sizeof(*o));
	snprintf(o->policy, sizeof(o->policy), "%s", e->pol[c->pols[i]].p->name);
	group_by_text(c, o->group_by, sizeof(o->group_by));
	o->has_src = group_by_has_src(c->group_by, c->n_group);
	if (o->has_src) {
		gh_addr_from_bytes(&o->src.addr, g->key.family, g->key.addr);
		o->src.prefixlen = eng_class_prefix(c, &o->src.addr);
	}
	o->key_hash = g->key.h;
	o->offenses = s->offenses;
	o->last_block_ns = s->last_block;
	o->cooldown_until_ns = s->cooldown_until;
}

int engine_offenses_export(const struct engine *e, uint64_t now_ns, struct engine_offense **out,
			   size_t *n)
{
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	for (uint32_t gi = 0; gi < e->gused; gi++) {
		const struct group *g = &e->g[gi];

		for (uint16_t i = 0; g->used && i < e->cls[g->key.cls].npol; i++) {
			if (!slot_matters(&g->slots[i], now_ns))
				continue;
			if (gh_vec_reserve((void **)out, &cap, *n, sizeof(**out), 64)) {
				free(*out);
				*out = NULL;
				*n = 0;
				return -ENOMEM;
			}
			offense_of(e, g, i, &(*out)[(*n)++]);
		}
	}
	return 0;
}

/* Policies by name, for lookups during an import. */
static int by_name(const void *a, const void *b)
{
	return strcmp((*(const struct epolicy *const *)a)->p->name,
		      (*(const struct epolicy *const *)b)->p->name);
}

static struct epolicy *find_policy(struct epolicy **sorted, size_t n, const char *name)
{
	struct policy key;
	struct epolicy kp = { .p = &key }, *k = &kp, **hit;

	snprintf(key.name, sizeof(key.name), "%s", name);
	hit = bsearch(&k, sorted, n, sizeof(*sorted), by_name);
	return hit ? *hit : NULL;
}

/* The group o names in ep's class, when the policy still groups that way. */
static bool key_for(const struct engine *e, const struct epolicy *ep,
		    const struct engine_offense *o, struct gkey *k)
{
	const struct gclass *c = &e->cls[ep->cls];
	char by[ENGINE_GROUP_BY_TEXT];

	group_by_text(c, by, sizeof(by));
	if (strcmp(by, o->group_by) || o->has_src != group_by_has_src(c->group_by, c->n_group))
		return false;
	memset(k, 0, sizeof(*k));
	k->cls = ep->cls;
	k->h = o->key_hash;
	if (!o->has_src)
		return true;
	if (o->src.prefixlen != eng_class_prefix(c, &o->src.addr))
		return false;
	memcpy(k->addr, o->src.addr.bytes, sizeof(k->addr));
	k->family = o->src.addr.family;
	return true;
}

static int import_one(struct engine *e, struct epolicy *ep, const struct engine_offense *o,
		      uint64_t now)
{
	struct gkey k;
	struct slot *s;
	uint32_t gi;

	if (!key_for(e, ep, o, &k))
		return 0;
	gi = eng_group_get(e, &k, now);
	if (gi == NIL)
		return -ENOMEM;
	s = eng_group_slot(e, ep, gi);
	/* What this engine saw itself since it started counts too. */
	if (o->offenses > s->offenses) {
		s->offenses = o->offenses;
		s->last_block = s->last_block > o->last_block_ns ? s->last_block : o->last_block_ns;
	}
	if (o->cooldown_until_ns > s->cooldown_until)
		s->cooldown_until = o->cooldown_until_ns;
	eng_group_keep(e, gi, s->cooldown_until);
	if (s->offenses)
		eng_group_keep(e, gi, s->last_block + ENGINE_OFFENSE_MEMORY_NS);
	eng_group_fired(e, ep, gi);
	return 1;
}

/* The engine's policies sorted by name (find_policy); NULL without memory. */
static struct epolicy **sorted_policies(struct engine *e)
{
	size_t np = e->ps->count;
	struct epolicy **sorted = calloc(np ? np : 1, sizeof(*sorted));

	for (size_t i = 0; sorted && i < np; i++)
		sorted[i] = &e->pol[i];
	if (sorted)
		qsort(sorted, np, sizeof(*sorted), by_name);
	return sorted;
}

int engine_offenses_import(struct engine *e, const struct engine_offense *o, size_t n,
			   uint64_t now_ns)
{
	size_t np = e->ps->count;
	struct epolicy **sorted = sorted_policies(e);
	int taken = 0, err = 0;

	if (!sorted)
		return -ENOMEM;
	for (size_t i = 0; i < n && !err; i++) {
		struct epolicy *ep;
		struct slot probe = { .offenses = o[i].offenses, .last_block = o[i].last_block_ns,
				      .cooldown_until = o[i].cooldown_until_ns };

		if (!slot_matters(&probe, now_ns) || !(ep = find_policy(sorted, np, o[i].policy)))
			continue;
		err = import_one(e, ep, &o[i], now_ns);
		taken += err > 0;
		err = err < 0 ? err : 0;
	}
	free(sorted);
	return err ?: taken;
}

/* Window and rate states can move as they are: the spec that reads them is the policy's. */
static bool state_moves(const struct policy *p)
{
	return p->kind == POLICY_WINDOW || p->kind == POLICY_RATE;
}

/* Old slot i of group g into to, when its policy is unchanged there: 1 moved, 0 not, -ENOMEM. */
static int move_state(struct engine *to, struct engine *from, struct epolicy **twin,
		      struct group *g, uint16_t i, uint64_t now)
{
	uint16_t pi = from->cls[g->key.cls].pols[i];
	struct epolicy *ep = twin[pi];
	struct slot *old = &g->slots[i], *s;
	struct gkey k = g->key;
	uint32_t gi;

	if (!ep || !old->state)
		return 0;
	k.cls = ep->cls;
	gi = eng_group_get(to, &k, now);
	if (gi == NIL)
		return -ENOMEM;
	s = eng_group_slot(to, ep, gi);
	if (s->state)
		return 0;
	s->state = old->state;
	old->state = NULL;
	if (ep->p->kind == POLICY_WINDOW) {
		size_t n = win_entries(s->state);

		to->entries += n;
		from->entries -= n;
	}
	eng_group_keep(to, gi, from->keep[g - from->g]);
	to->session_src[gi] = from->session_src[g - from->g];
	return 1;
}

int engine_take_windows(struct engine *to, struct engine *from, uint64_t now_ns)
{
	size_t np = from->ps->count;
	struct epolicy **sorted = sorted_policies(to);
	struct epolicy **twin = calloc(np ? np : 1, sizeof(*twin));
	int moved = 0, err = 0;

	/* Distinct values and keys were hashed with from's seed, and kept as its value sets keep them. */
	if (to->seed != from->seed || to->o.exact_aggregates != from->o.exact_aggregates) {
		free(sorted);
		free(twin);
		return -EINVAL;
	}
	if (!sorted || !twin) {
		free(sorted);
		free(twin);
		return -ENOMEM;
	}
	for (size_t i = 0; i < np; i++) {
		const struct policy *p = from->pol[i].p;
		struct epolicy *ep = find_policy(sorted, to->ps->count, p->name);

		/* Not into a paused policy (it holds none); it starts afresh when it runs again. */
		twin[i] = ep && ep->p->def_hash == p->def_hash && state_moves(p) && !ep->paused
			  ? ep
			  : NULL;
	}
	for (uint32_t gi = 0; gi < from->gused && !err; gi++) {
		struct group *g = &from->g[gi];

		for (uint16_t i = 0; g->used && !err && i < from->cls[g->key.cls].npol; i++) {
			err = move_state(to, from, twin, g, i, now_ns);
			moved += err > 0;
			err = err < 0 ? err : 0;
		}
	}
	free(sorted);
	free(twin);
	return err ?: moved;
}
