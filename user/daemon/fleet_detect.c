// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/open_addr.h"
#include "base/vec.h"
#include "daemon/fleet_detect.h"
#include "engine/policy.h"

#define HASH_SEED 0x9e3779b97f4a7c15ULL

struct detect_policy {
	char name[GH_FLEET_POLICY_MAX];
	struct policy_fleet fleet;
	bool monitor;
	enum policy_severity severity;
};

/* Zeroed before it is filled: hashed and compared as bytes. */
struct slot_key {
	char policy[GH_FLEET_POLICY_MAX];
	struct gh_cidr cidr;
	int64_t minute; /* the tally's; 0 in a group */
};

/* One host's total for one minute of a group; a group's cells sorted by origin, minute. */
struct cell {
	char origin[GH_FLEET_NAME_MAX];
	int64_t minute;
	uint32_t matches;
};

struct slot {
	uint64_t hash; /* 0: empty */
	struct slot_key key;
	uint32_t matches;  /* tally */
	bool dirty;        /* tally: changed since taken */
	uint64_t opener;   /* group: hash of the origin whose count opened it */
	struct cell *cells; /* group */
	size_t n_cells, cap_cells;
	int64_t quiet_until; /* group: fired, silent until its block is over */
};

/* Open addressing, linear probing; grown by doubling, emptied by rebuilding. */
struct table {
	struct slot *slots;
	size_t cap, used, max;
};

/* How many live groups a host opened (recounted at every expiry). */
struct origin_quota {
	uint64_t origin; /* hash of the name */
	uint32_t groups;
};

struct fleet_detect {
	pthread_mutex_t mu;
	struct detect_policy *policies;
	size_t n_policies;
	uint64_t longest_window_s;
	struct table tally, groups;
	struct origin_quota *quotas;
	size_t n_quotas;
	struct fleet_detect_stats st;
};

static void key_of(struct slot_key *k, const char *policy, const struct gh_cidr *c,
		   int64_t minute)
{
	memset(k, 0, sizeof(*k));
	snprintf(k->policy, sizeof(k->policy), "%s", policy);
	k->cidr.prefixlen = c->prefixlen;
	k->cidr.addr.family = c->addr.family;
	memcpy(k->cidr.addr.bytes, c->addr.bytes, sizeof(k->cidr.addr.bytes));
	k->minute = minute;
}

static uint32_t hash_home(uint64_t hash, uint32_t mask)
{
	return (uint32_t)hash & mask;
}

_Static_assert(offsetof(struct slot, hash) == 0, "gh_open_addr reads the key first");

static int table_grow(struct table *t)
{
	size_t cap = t->cap ? t->cap * 2 : 64;
	struct slot *slots = gh_open_addr_rehash(t->slots, t->cap, cap, sizeof(*slots), hash_home);

	if (!slots)
		return -ENOMEM;
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
	return 0;
}

/* The slot of k; a new one when create (NULL: full, or no memory). */
static struct slot *table_get(struct table *t, const struct slot_key *k, bool create)
{
	uint64_t h = gh_hash_bytes(k, sizeof(*k), HASH_SEED);
	size_t i;

	for (i = t->cap ? h & (t->cap - 1) : 0; t->cap && t->slots[i].hash;
	     i = (i + 1) & (t->cap - 1))
		if (t->slots[i].hash == h && !memcmp(&t->slots[i].key, k, sizeof(*k)))
			return &t->slots[i];
	if (!create || t->used >= t->max)
		return NULL;
	if (2 * (t->used + 1) > t->cap) {
		if (table_grow(t))
			return NULL;
		return table_get(t, k, true);
	}
	t->used++;
	t->slots[i] = (struct slot){ .hash = h, .key = *k };
	return &t->slots[i];
}

/* Keep the slots keep() says, in a rebuilt table (deletion under linear probing). */
static void table_filter(struct table *t,
			 bool (*keep)(struct slot *s, int64_t now_s, int64_t oldest_minute),
			 int64_t now_s, int64_t oldest_minute)
{
	struct table kept = { .max = t->max };

	for (size_t i = 0; i < t->cap; i++) {
		struct slot *s = &t->slots[i], *n;

		if (!s->hash)
			continue;
		if (!keep(s, now_s, oldest_minute) || !(n = table_get(&kept, &s->key, true))) {
			free(s->cells);
			continue;
		}
		*n = *s;
	}
	free(t->slots);
	*t = kept;
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->slots[i].cells);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

struct fleet_detect *fleet_detect_new(void)
{
	struct fleet_detect *fd = calloc(1, sizeof(*fd));

	if (!fd)
		return NULL;
	pthread_mutex_init(&fd->mu, NULL);
	fd->tally.max = GH_FLEET_TALLY_MAX;
	fd->groups.max = GH_FLEET_GROUPS_MAX;
	fd->quotas = calloc(GH_FLEET_ORIGINS_MAX, sizeof(*fd->quotas));
	if (!fd->quotas) {
		free(fd);
		return NULL;
	}
	return fd;
}

void fleet_detect_free(struct fleet_detect *fd)
{
	if (!fd)
		return;
	table_free(&fd->tally);
	table_free(&fd->groups);
	free(fd->quotas);
	free(fd->policies);
	pthread_mutex_destroy(&fd->mu);
	free(fd);
}

int fleet_detect_set_policies(struct fleet_detect *fd, const struct policy_set *ps)
{
	struct detect_policy *list = NULL;
	size_t n = 0, cap = 0;
	uint64_t longest = 0;

	for (size_t i = 0; ps && i < ps->count; i++) {
		const struct policy *p = &ps->policies[i];

		if (!p->fleet.on)
			continue;
		if (gh_vec_reserve((void **)&list, &cap, n, sizeof(*list), 4)) {
			free(list);
			return -ENOMEM;
		}
		list[n] = (struct detect_policy){ .fleet = p->fleet, .monitor = p->monitor,
						  .severity = p->severity };
		snprintf(list[n++].name, GH_FLEET_POLICY_MAX, "%s", p->name);
		if (p->fleet.window_s > longest)
			longest = p->fleet.window_s;
	}
	pthread_mutex_lock(&fd->mu);
	free(fd->policies);
	fd->policies = list;
	fd->n_policies = n;
	fd->longest_window_s = longest;
	pthread_mutex_unlock(&fd->mu);
	return 0;
}

bool fleet_detect_active(struct fleet_detect *fd)
{
	bool active;

	pthread_mutex_lock(&fd->mu);
	active = fd->n_policies > 0;
	pthread_mutex_unlock(&fd->mu);
	return active;
}

void fleet_detect_note(struct fleet_detect *fd, const char *policy, const struct gh_cidr *scope,
		       int64_t now_s)
{
	struct slot_key k;
	struct slot *s;

	key_of(&k, policy, scope, now_s / 60);
	pthread_mutex_lock(&fd->mu);
	fd->st.matches++;
	s = table_get(&fd->tally, &k, true);
	if (s && s->matches < UINT32_MAX) {
		s->matches++;
		s->dirty = true;
	} else if (!s) {
		fd->st.tally_overflow++;
	}
	pthread_mutex_unlock(&fd->mu);
}

void fleet_detect_take(struct fleet_detect *fd, struct fleet_summary *s)
{
	s->n = 0;
	pthread_mutex_lock(&fd->mu);
	for (size_t i = 0; i < fd->tally.cap && s->n < GH_FLEET_SUMMARY_MAX_COUNTS; i++) {
		struct slot *t = &fd->tally.slots[i];
		struct fleet_count *c;

		if (!t->hash || !t->dirty)
			continue;
		t->dirty = false;
		c = &s->counts[s->n++];
		memcpy(c->policy, t->key.policy, sizeof(c->policy));
		c->cidr = t->key.cidr;
		c->minute = t->key.minute;
		c->matches = t->matches;
	}
	pthread_mutex_unlock(&fd->mu);
}

void fleet_detect_unsent(struct fleet_detect *fd, const struct fleet_summary *s)
{
	pthread_mutex_lock(&fd->mu);
	fd->st.summary_errors++;
	for (uint32_t i = 0; i < s->n; i++) {
		struct slot_key k;
		struct slot *t;

		key_of(&k, s->counts[i].policy, &s->counts[i].cidr, s->counts[i].minute);
		t = table_get(&fd->tally, &k, false);
		if (t)
			t->dirty = true;
	}
	pthread_mutex_unlock(&fd->mu);
}

void fleet_detect_sent(struct fleet_detect *fd, const struct fleet_summary *s, size_t bytes)
{
	pthread_mutex_lock(&fd->mu);
	fd->st.summaries_sent++;
	fd->st.summary_bytes_sent += bytes;
	fd->st.counts_sent += s->n;
	pthread_mutex_unlock(&fd->mu);
}

static const struct detect_policy *policy_named(const struct fleet_detect *fd, const char *name)
{
	for (size_t i = 0; i < fd->n_policies; i++)
		if (!strcmp(fd->policies[i].name, name))
			return &fd->policies[i];
	return NULL;
}

static struct origin_quota *quota_of(struct fleet_detect *fd, uint64_t origin, bool create)
{
	for (size_t i = 0; i < fd->n_quotas; i++)
		if (fd->quotas[i].origin == origin)
			return &fd->quotas[i];
	if (!create || fd->n_quotas >= GH_FLEET_ORIGINS_MAX)
		return NULL;
	fd->quotas[fd->n_quotas] = (struct origin_quota){ .origin = origin };
	return &fd->quotas[fd->n_quotas++];
}

/* The group of k, opened for origin if it has groups left (NULL: refused or full). */
static struct slot *group_get(struct fleet_detect *fd, const struct slot_key *k,
			      const char *origin)
{
	uint64_t h = gh_hash_bytes(origin, strlen(origin), HASH_SEED);
	struct origin_quota *q;
	struct slot *g = table_get(&fd->groups, k, false);

	if (g)
		return g;
	/* With GH_FLEET_ORIGINS_MAX hosts tracked, a further host opens groups
	 * untracked: a full quota table must not shut the fleet's pool. */
	q = quota_of(fd, h, true);
	if (q && q->groups >= GH_FLEET_GROUPS_PER_ORIGIN) {
		fd->st.groups_refused++;
		return NULL;
	}
	g = table_get(&fd->groups, k, true);
	if (g) {
		g->opener = h;
		if (q)
			q->groups++;
	}
	return g;
}

/* Groups gone at expiry give their openers room again. */
static void quotas_recount(struct fleet_detect *fd)
{
	size_t n = 0;

	for (size_t i = 0; i < fd->n_quotas; i++)
		fd->quotas[i].groups = 0;
	for (size_t i = 0; i < fd->groups.cap; i++) {
		struct origin_quota *q;

		if (fd->groups.slots[i].hash &&
		    (q = quota_of(fd, fd->groups.slots[i].opener, false)))
			q->groups++;
	}
	for (size_t i = 0; i < fd->n_quotas; i++)
		if (fd->quotas[i].groups)
			fd->quotas[n++] = fd->quotas[i];
	fd->n_quotas = n;
}

static int cell_cmp(const struct cell *c, const char *origin, int64_t minute)
{
	int r = strcmp(c->origin, origin);

	return r ? r : (c->minute > minute) - (c->minute < minute);
}

/* The host's total for the minute, the larger of what the group held and this one. */
static void group_put(struct fleet_detect *fd, struct slot *g, const char *origin,
		      const struct fleet_count *c)
{
	size_t lo = 0, hi = g->n_cells;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cell_cmp(&g->cells[mid], origin, c->minute) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < g->n_cells && !cell_cmp(&g->cells[lo], origin, c->minute)) {
		if (c->matches > g->cells[lo].matches)
			g->cells[lo].matches = c->matches;
		return;
	}
	if (g->n_cells >= GH_FLEET_CELLS_MAX ||
	    gh_vec_reserve((void **)&g->cells, &g->cap_cells, g->n_cells, sizeof(*g->cells), 8)) {
		fd->st.cells_dropped++;
		return;
	}
	memmove(&g->cells[lo + 1], &g->cells[lo], (g->n_cells - lo) * sizeof(*g->cells));
	g->n_cells++;
	g->cells[lo] = (struct cell){ .minute = c->minute, .matches = c->matches };
	snprintf(g->cells[lo].origin, sizeof(g->cells[lo].origin), "%s", origin);
}

/* Cells older than the window go; the hosts and matches of the rest. */
static void group_tally(struct slot *g, uint64_t window_s, int64_t now_s, uint32_t *hosts,
			uint64_t *matches)
{
	int64_t oldest = (now_s - (int64_t)window_s) / 60 + 1;
	size_t n = 0;

	*hosts = 0;
	*matches = 0;
	for (size_t i = 0; i < g->n_cells; i++) {
		if (g->cells[i].minute < oldest)
			continue;
		if (!n || strcmp(g->cells[n - 1].origin, g->cells[i].origin))
			(*hosts)++;
		*matches += g->cells[i].matches;
		g->cells[n++] = g->cells[i];
	}
	g->n_cells = n;
}

static void decide(const struct detect_policy *p, const struct slot *g, uint32_t hosts,
		   uint64_t matches, int64_t now_s, struct fleet_decision *d)
{
	uint64_t ttl = p->fleet.action.ttl_s;

	memset(d, 0, sizeof(*d));
	d->action = FLEET_BLOCK;
	d->cidr = g->key.cidr;
	d->expires_at = now_s + (int64_t)(ttl && ttl < GH_FLEET_MAX_TTL_S ? ttl : GH_FLEET_MAX_TTL_S);
	snprintf(d->policy, sizeof(d->policy), "%s", p->name);
	snprintf(d->reason, sizeof(d->reason), "%u hosts, %llu matches in %llus", hosts,
		 (unsigned long long)matches, (unsigned long long)p->fleet.window_s);
	snprintf(d->severity, sizeof(d->severity), "%s", policy_severity_name(p->severity));
}

size_t fleet_detect_merge(struct fleet_detect *fd, const struct fleet_summary *s, int64_t now_s,
			  struct fleet_decision *out, size_t max)
{
	size_t n_out = 0;

	pthread_mutex_lock(&fd->mu);
	fd->st.summaries_received++;
	for (uint32_t i = 0; i < s->n; i++) {
		const struct fleet_count *c = &s->counts[i];
		const struct detect_policy *p = policy_named(fd, c->policy);
		struct slot_key k;
		struct slot *g;
		uint64_t matches;
		uint32_t hosts;

		if (!p) {
			fd->st.unknown_policy++;
			continue;
		}
		/* Hosts count sources at the policy's block scope: any other
		 * prefix (a /1 would block half the Internet) is not theirs. */
		if (c->cidr.prefixlen != (c->cidr.addr.family == AF_INET ? p->fleet.action.scope_v4
									  : p->fleet.action.scope_v6)) {
			fd->st.summary_rejected_cidr++;
			continue;
		}
		key_of(&k, c->policy, &c->cidr, 0);
		g = group_get(fd, &k, s->origin);
		if (!g) {
			fd->st.cells_dropped++;
			continue;
		}
		group_put(fd, g, s->origin, c);
		group_tally(g, p->fleet.window_s, now_s, &hosts, &matches);
		if (hosts < p->fleet.min_hosts || matches < p->fleet.min_matches ||
		    now_s < g->quiet_until || n_out >= max)
			continue;
		fd->st.fleet_verdicts++;
		/* Until the block is over (or, for an alert, the window): one verdict. */
		g->quiet_until = now_s + (int64_t)(p->fleet.action.ttl_s ?: p->fleet.window_s);
		if (!p->fleet.action.block || p->monitor) {
			fd->st.fleet_alerts++;
			continue;
		}
		decide(p, g, hosts, matches, now_s, &out[n_out++]);
	}
	pthread_mutex_unlock(&fd->mu);
	return n_out;
}

void fleet_detect_rejected(struct fleet_detect *fd, enum fleet_reject r)
{
	pthread_mutex_lock(&fd->mu);
	fd->st.summaries_received++;
	if (r == FLEET_BAD_CIDR)
		fd->st.summary_rejected_cidr++;
	else if (r == FLEET_BAD_EXPIRY)
		fd->st.summary_rejected_minute++;
	else
		fd->st.summary_rejected_message++;
	pthread_mutex_unlock(&fd->mu);
}

static bool tally_keep(struct slot *s, int64_t now_s, int64_t oldest_minute)
{
	(void)now_s;
	return s->key.minute >= oldest_minute;
}

static bool group_keep(struct slot *s, int64_t now_s, int64_t oldest_minute)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n_cells; i++)
		if (s->cells[i].minute >= oldest_minute)
			s->cells[n++] = s->cells[i];
	s->n_cells = n;
	return n || now_s < s->quiet_until;
}

void fleet_detect_expire(struct fleet_detect *fd, int64_t now_s)
{
	int64_t oldest;

	pthread_mutex_lock(&fd->mu);
	/* Counts and cells older than this are of no window any more. */
	oldest = (now_s - (int64_t)(fd->longest_window_s ?: 60)) / 60;
	table_filter(&fd->tally, tally_keep, now_s, oldest);
	table_filter(&fd->groups, group_keep, now_s, oldest);
	quotas_recount(fd);
	pthread_mutex_unlock(&fd->mu);
}

void fleet_detect_stats_json(struct fleet_detect *fd, struct json_object *o)
{
	pthread_mutex_lock(&fd->mu);
#define GH_PUT_DETECT(name) json_object_object_add(o, #name, json_object_new_uint64(fd->st.name));
	FLEET_DETECT_FIELDS(GH_PUT_DETECT)
#undef GH_PUT_DETECT
	json_object_object_add(o, "fleet_policies", json_object_new_uint64(fd->n_policies));
	json_object_object_add(o, "tally", json_object_new_uint64(fd->tally.used));
	json_object_object_add(o, "groups", json_object_new_uint64(fd->groups.used));
	pthread_mutex_unlock(&fd->mu);
}
