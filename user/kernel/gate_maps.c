// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "base/clock.h"
#include "kernel/drop_cache.h"
#include "kernel/gate_maps.h"
#include "kernel/gate_maps_internal.h"
#include "kernel/map_iter.h"
#include "kernel/pins.h"
#include "base/vec.h"

/* Pinned name of each map, where its fd goes, and whether pins may lack it (fd -1). */
static const struct {
	const char *name;
	size_t offset;
	bool optional;
} gate_map_fields[] = {
	{ "block_host4", offsetof(struct gate_maps, block_host4), false },
	{ "block_host6", offsetof(struct gate_maps, block_host6), false },
	{ "block_net4", offsetof(struct gate_maps, block_net4), false },
	{ "block_net6", offsetof(struct gate_maps, block_net6), false },
	{ "allow_net4", offsetof(struct gate_maps, allow_net4), false },
	{ "allow_net6", offsetof(struct gate_maps, allow_net6), false },
	{ "reasons", offsetof(struct gate_maps, reasons), false },
	{ "gate_stats", offsetof(struct gate_maps, stats), false },
	{ "gate_config", offsetof(struct gate_maps, config), false },
	{ "throttle_host4", offsetof(struct gate_maps, throttle_host4), false },
	{ "throttle_host6", offsetof(struct gate_maps, throttle_host6), false },
	{ "throttle_net4", offsetof(struct gate_maps, throttle_net4), false },
	{ "throttle_net6", offsetof(struct gate_maps, throttle_net6), false },
	/* Pins of an older gatehawk lack them. */
	{ "drop_cache", offsetof(struct gate_maps, drop_cache), true },
	{ "drop_cache_gen", offsetof(struct gate_maps, drop_cache_gen), true },
};

#define N_GATE_MAPS (sizeof(gate_map_fields) / sizeof(gate_map_fields[0]))

static int *map_fd_at(struct gate_maps *m, size_t i)
{
	return (int *)((char *)m + gate_map_fields[i].offset);
}


void gate_maps_close(struct gate_maps *m)
{
	for (size_t i = 0; i < N_GATE_MAPS; i++) {
		int *fd = map_fd_at(m, i);

		if (*fd >= 0)
			close(*fd);
		*fd = -1;
	}
	gh_pin_dir_unlock(m->lock_fd);
	m->lock_fd = -1;
}

void gate_maps_init(struct gate_maps *m)
{
	memset(m, 0, sizeof(*m));
	for (size_t i = 0; i < N_GATE_MAPS; i++)
		*map_fd_at(m, i) = -1;
	m->lock_fd = -1;
}

/* Fill every fd from open_fd(name) (an fd or -errno). */
static int maps_open_each(struct gate_maps *m, int (*open_fd)(const char *name, void *ctx),
			  void *ctx)
{
	struct map_shape shape;
	int err;

	for (size_t i = 0; i < N_GATE_MAPS; i++) {
		err = open_fd(gate_map_fields[i].name, ctx);
		if (err == -ENOENT && gate_map_fields[i].optional)
			err = -1;
		else if (err < 0)
			goto fail;
		*map_fd_at(m, i) = err;
	}
	err = map_shape_get(m->block_host4, &shape);
	if (err)
		goto fail;
	m->max_blocks = shape.max_entries;
	return 0;
fail:
	gate_maps_close(m);
	return err;
}

static int open_pinned(const char *name, void *pin_dir)
{
	return gh_pin_open(pin_dir, name);
}

int gate_maps_open(const char *pin_dir, struct gate_maps *m)
{
	gate_maps_init(m);
	m->pin_dir = pin_dir;
	return maps_open_each(m, open_pinned, (void *)pin_dir);
}

/* A duplicate, so gate_maps_close() never closes the object's own fds. */
static int open_in_object(const char *name, void *obj)
{
	int fd = bpf_object__find_map_fd_by_name(obj, name);

	if (fd < 0)
		return fd;
	fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	return fd < 0 ? -errno : fd;
}

int gate_maps_from_object(struct bpf_object *obj, const char *lock_dir, struct gate_maps *m)
{
	gate_maps_init(m);
	m->pin_dir = lock_dir;
	return maps_open_each(m, open_in_object, obj);
}

int gate_maps_lock(struct gate_maps *m)
{
	int fd = gh_pin_dir_lock(m->pin_dir);

	if (fd < 0)
		return fd;
	m->lock_fd = fd;
	return 0;
}

void gate_maps_unlock(struct gate_maps *m)
{
	gh_pin_dir_unlock(m->lock_fd);
	m->lock_fd = -1;
}

/* A list's maps: exact-address hashes (none for allows) and prefix tries. */
struct list_maps {
	int host4, host6, net4, net6;
};

static struct list_maps list_maps(const struct gate_maps *m, enum gate_list l)
{
	switch (l) {
	case GATE_ALLOWS:
		return (struct list_maps){ -1, -1, m->allow_net4, m->allow_net6 };
	case GATE_THROTTLES:
		return (struct list_maps){ m->throttle_host4, m->throttle_host6, m->throttle_net4,
					   m->throttle_net6 };
	default:
		return (struct list_maps){ m->block_host4, m->block_host6, m->block_net4,
					   m->block_net6 };
	}
}

void gate_slot_for(struct gate_maps *m, const struct gh_cidr *c, enum gate_list l,
		   struct map_slot *s)
{
	struct list_maps lm = list_maps(m, l);
	bool v4 = c->addr.family == AF_INET;
	uint32_t plen = c->prefixlen;

	memset(s, 0, sizeof(*s));
	s->trie = l == GATE_ALLOWS || plen < gh_addr_bits(&c->addr);
	if (!s->trie) {
		s->fd = v4 ? lm.host4 : lm.host6;
		memcpy(s->key, c->addr.bytes, gh_addr_len(&c->addr));
		return;
	}
	s->fd = v4 ? lm.net4 : lm.net6;
	memcpy(s->key, &plen, sizeof(plen));
	memcpy(s->key + sizeof(plen), c->addr.bytes, gh_addr_len(&c->addr));
}

static void cidr_from_key(const uint8_t *key, int family, bool trie, struct gh_cidr *c)
{
	uint32_t plen;

	if (!trie) {
		gh_addr_from_bytes(&c->addr, family, key);
		c->prefixlen = gh_addr_bits(&c->addr);
		return;
	}
	memcpy(&plen, key, sizeof(plen));
	gh_addr_from_bytes(&c->addr, family, key + sizeof(plen));
	c->prefixlen = (uint8_t)plen;
}

/* Recount the tries into gate_config so the program can skip empty ones. */
static int recount_tries(struct gate_maps *m)
{
	struct gate_config cfg;
	__u32 zero = 0;
	int err;

	if (bpf_map_lookup_elem(m->config, &zero, &cfg))
		return -errno;
	err = map_count(m->allow_net4, &cfg.allow_v4_entries);
	err = err ?: map_count(m->allow_net6, &cfg.allow_v6_entries);
	err = err ?: map_count(m->block_net4, &cfg.block_net4_entries);
	err = err ?: map_count(m->block_net6, &cfg.block_net6_entries);
	if (err)
		return err;
	return bpf_map_update_elem(m->config, &zero, &cfg, BPF_ANY) ? -errno : 0;
}

int gate_update_flags(struct gate_maps *m, uint32_t set, uint32_t clear)
{
	struct gate_config cfg;
	__u32 zero = 0;

	if (bpf_map_lookup_elem(m->config, &zero, &cfg))
		return -errno;
	cfg.flags = (cfg.flags | set) & ~clear;
	/* Drawn once: a new seed would move every source to another slot. */
	if ((set & GH_GATE_F_COUNT_SOURCES) && !cfg.src_seed &&
	    getrandom(&cfg.src_seed, sizeof(cfg.src_seed), 0) < 0)
		return -errno;
	return bpf_map_update_elem(m->config, &zero, &cfg, BPF_ANY) ? -errno : 0;
}

static int find_packet_limit(const struct gh_cidr *c, const void *value, void *ctx)
{
	(void)c;
	(void)ctx;
	return ((const struct throttle_entry *)value)->packets.interval_ns != 0;
}

/*
 * After throttles went: point the program at the throttle maps that still
 * hold entries (one syscall a map), and at every packet only while one of
 * them limits packets (a walk of them all).
 */
static int refresh_throttle_flags(struct gate_maps *m)
{
	const struct {
		int fd;
		uint32_t bit;
	} maps[] = {
		{ m->throttle_host4, GH_GATE_F_THROTTLE_HOST4 },
		{ m->throttle_host6, GH_GATE_F_THROTTLE_HOST6 },
		{ m->throttle_net4, GH_GATE_F_THROTTLE_NET4 },
		{ m->throttle_net6, GH_GATE_F_THROTTLE_NET6 },
	};
	const uint32_t all = GH_GATE_F_THROTTLE4 | GH_GATE_F_THROTTLE6 | GH_GATE_F_THROTTLE_PACKETS;
	uint8_t key[sizeof(struct net_v6_key)];
	uint32_t set = 0;
	int found = 0;

	for (size_t i = 0; i < sizeof(maps) / sizeof(maps[0]); i++) {
		if (!bpf_map_get_next_key(maps[i].fd, NULL, key))
			set |= maps[i].bit;
		else if (errno != ENOENT)
			return -errno;
	}
	if (set)
		found = gate_list_foreach(m, GATE_THROTTLES, find_packet_limit, NULL);
	if (found < 0)
		return found;
	set |= found ? GH_GATE_F_THROTTLE_PACKETS : 0;
	return gate_update_flags(m, set, all & ~set);
}

int gate_list_removed(struct gate_maps *m, enum gate_list l, bool trie)
{
	int err;

	if (l == GATE_THROTTLES)
		return refresh_throttle_flags(m);
	err = l == GATE_BLOCKS ? drop_cache_invalidate(m->drop_cache_gen) : 0;
	return err ?: trie ? recount_tries(m) : 0;
}

/* One pending write, with what was there before so it can be undone. */
struct block_write {
	struct map_slot slot;
	struct block_entry value;
	struct block_entry old;
	bool had_old;
};

static void undo_writes(const struct block_write *w, size_t n)
{
	for (size_t i = n; i-- > 0;) {
		if (w[i].had_old)
			bpf_map_update_elem(w[i].slot.fd, w[i].slot.key, &w[i].old, BPF_ANY);
		else
			bpf_map_delete_elem(w[i].slot.fd, w[i].slot.key);
	}
}

/* Consecutive exact-address writes to one hash go down in one syscall. */
static int write_host_run(const struct block_write *w, size_t n, size_t key_size, size_t *done)
{
	size_t vsz = sizeof(struct block_entry);
	uint8_t *keys = malloc(n * key_size);
	uint8_t *vals = malloc(n * vsz);
	__u32 count = (__u32)n;
	int err = 0;

	*done = 0;
	if (!keys || !vals) {
		err = -ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		memcpy(keys + i * key_size, w[i].slot.key, key_size);
		memcpy(vals + i * vsz, &w[i].value, vsz);
	}
	if (bpf_map_update_batch(w[0].slot.fd, keys, vals, &count, NULL)) {
		err = -errno;
		*done = err == -EFAULT ? 0 : count;
	} else {
		*done = n;
	}
out:
	free(keys);
	free(vals);
	return err;
}

static int apply_writes(struct block_write *w, size_t n, struct gate_maps *m)
{
	size_t i = 0, done;
	int err = 0;

	while (i < n && !err) {
		size_t run = 1;

		if (!w[i].slot.trie) {
			size_t ksz = w[i].slot.fd == m->block_host4 ? 4 : 16;

			while (i + run < n && !w[i + run].slot.trie && w[i + run].slot.fd == w[i].slot.fd)
				run++;
			err = write_host_run(w + i, run, ksz, &done);
		} else {
			err = bpf_map_update_elem(w[i].slot.fd, w[i].slot.key, &w[i].value, BPF_ANY)
				      ? -errno
				      : 0;
			done = err ? 0 : 1;
		}
		/* A batch that failed may have written a prefix of its run. */
		i += err ? done : run;
	}
	if (err) {
		undo_writes(w, i < n ? i + 1 : n);
		/* An LPM trie reports a full map as -ENOSPC, a hash as -E2BIG. */
		if (err == -ENOSPC)
			err = -E2BIG;
	}
	return err;
}

int gate_block_add(struct gate_maps *m, const struct block_spec *specs, size_t n)
{
	uint64_t now = gh_boottime_ns();
	struct block_write *w;
	bool tries_touched = false;
	int err, rerr;

	w = calloc(n ? n : 1, sizeof(*w));
	if (!w)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const struct block_spec *s = &specs[i];
		struct block_entry *v = &w[i].value;

		gate_slot_for(m, &s->cidr, GATE_BLOCKS, &w[i].slot);
		tries_touched |= w[i].slot.trie;
		w[i].had_old = !bpf_map_lookup_elem(w[i].slot.fd, w[i].slot.key, &w[i].old);
		v->created_ns = w[i].had_old ? w[i].old.created_ns : now;
		v->hits = w[i].had_old ? w[i].old.hits : 0;
		v->expires_ns = s->ttl_s ? now + s->ttl_s * 1000000000ULL : 0;
		v->reason = s->reason;
		v->prefixlen = s->cidr.prefixlen;
		v->flags = s->flags;
	}
	err = apply_writes(w, n, m);
	/* After the writes (and any undo): a refreshed entry may end sooner now. */
	rerr = drop_cache_invalidate(m->drop_cache_gen);
	err = err ?: rerr;
	if (tries_touched) {
		rerr = recount_tries(m);
		err = err ?: rerr;
	}
	free(w);
	return err;
}

int gate_block_get(struct gate_maps *m, const struct gh_cidr *c, struct block_entry *out)
{
	struct map_slot s;

	gate_slot_for(m, c, GATE_BLOCKS, &s);
	return bpf_map_lookup_elem(s.fd, s.key, out) ? -errno : 0;
}

int gate_list_del(struct gate_maps *m, enum gate_list l, const struct gh_cidr *c)
{
	struct map_slot s;

	gate_slot_for(m, c, l, &s);
	if (bpf_map_delete_elem(s.fd, s.key))
		return -errno;
	return gate_list_removed(m, l, s.trie);
}

int gate_block_del(struct gate_maps *m, const struct gh_cidr *c)
{
	return gate_list_del(m, GATE_BLOCKS, c);
}

int gate_allow_del(struct gate_maps *m, const struct gh_cidr *c)
{
	return gate_list_del(m, GATE_ALLOWS, c);
}

int gate_allow_get(struct gate_maps *m, const struct gh_cidr *c, struct allow_entry *out)
{
	struct map_slot s;

	gate_slot_for(m, c, GATE_ALLOWS, &s);
	return bpf_map_lookup_elem(s.fd, s.key, out) ? -errno : 0;
}

int gate_allow_put(struct gate_maps *m, const struct allow_spec *specs, size_t n)
{
	struct allow_write {
		struct map_slot slot;
		struct allow_entry old;
		bool had_old;
	} *w = calloc(n ? n : 1, sizeof(*w));
	uint64_t now = gh_boottime_ns();
	size_t done = 0;
	int err = 0, rerr;

	if (!w)
		return -ENOMEM;
	for (; done < n && !err; done++) {
		const struct allow_spec *s = &specs[done];
		struct allow_write *cur = &w[done];
		struct allow_entry v = { .created_ns = now,
					 .expires_ns = s->ttl_s ? now + s->ttl_s * 1000000000ULL : 0,
					 .prefixlen = s->cidr.prefixlen,
					 .flags = s->flags };

		gate_slot_for(m, &s->cidr, GATE_ALLOWS, &cur->slot);
		cur->had_old = !bpf_map_lookup_elem(cur->slot.fd, cur->slot.key, &cur->old);
		if (cur->had_old) {
			v.created_ns = cur->old.created_ns;
			v.hits = cur->old.hits;
		}
		if (bpf_map_update_elem(cur->slot.fd, cur->slot.key, &v, BPF_ANY))
			err = errno == ENOSPC ? -E2BIG : -errno;
	}
	/* The failed write changed nothing: undo the ones before it, newest first. */
	for (size_t i = err ? done - 1 : 0; i-- > 0;) {
		if (w[i].had_old)
			bpf_map_update_elem(w[i].slot.fd, w[i].slot.key, &w[i].old, BPF_ANY);
		else
			bpf_map_delete_elem(w[i].slot.fd, w[i].slot.key);
	}
	free(w);
	rerr = recount_tries(m);
	return err ?: rerr;
}

int gate_allow_covers(struct gate_maps *m, const struct gh_addr *a)
{
	struct gh_cidr c = { .addr = *a, .prefixlen = gh_addr_bits(a) };
	uint64_t now = gh_boottime_ns();
	struct allow_entry v;
	struct map_slot s;

	/* An expired match retries shorter prefixes, as the program does. */
	for (int i = 0; i <= GH_EXPIRED_FALLBACK_MAX; i++) {
		gate_slot_for(m, &c, GATE_ALLOWS, &s);
		if (bpf_map_lookup_elem(s.fd, s.key, &v))
			return 0;
		if (gate_entry_live(v.expires_ns, now))
			return 1;
		if (!v.prefixlen || v.prefixlen > c.prefixlen)
			return 0;
		c.prefixlen = (uint8_t)(v.prefixlen - 1);
	}
	return 0;
}

/* Adapts map_iter's raw key to the entry's prefix. */
struct visit {
	int family;
	bool trie;
	entry_visit_fn fn;
	void *ctx;
};

static int visit_entry(const void *key, const void *value, void *ctx)
{
	struct visit *v = ctx;
	struct gh_cidr c;

	cidr_from_key(key, v->family, v->trie, &c);
	return v->fn(&c, value, v->ctx);
}

/* Walk one map of a list (fd -1: that list has no such map). */
static int walk_map(int fd, int family, bool trie, entry_visit_fn fn, void *ctx)
{
	struct visit v = { family, trie, fn, ctx };

	return fd < 0 ? 0 : map_iter(fd, visit_entry, &v);
}

int gate_list_foreach(struct gate_maps *m, enum gate_list l, entry_visit_fn fn, void *ctx)
{
	struct list_maps lm = list_maps(m, l);

	return walk_map(lm.host4, AF_INET, false, fn, ctx) ?:
	       walk_map(lm.net4, AF_INET, true, fn, ctx) ?:
	       walk_map(lm.host6, AF_INET6, false, fn, ctx) ?:
	       walk_map(lm.net6, AF_INET6, true, fn, ctx);
}

struct typed_visit {
	block_visit_fn block_fn;
	allow_visit_fn allow_fn;
	void *ctx;
};

/* Blocks, and the block_entry head of throttles (for GC and eviction). */
static int visit_block(const struct gh_cidr *c, const void *value, void *ctx)
{
	struct typed_visit *t = ctx;
	struct block_view bv = { .cidr = *c };

	memcpy(&bv.entry, value, sizeof(bv.entry));
	return t->block_fn(&bv, t->ctx);
}

static int visit_allow(const struct gh_cidr *c, const void *value, void *ctx)
{
	struct typed_visit *t = ctx;
	struct allow_view av = { .cidr = *c };

	memcpy(&av.entry, value, sizeof(av.entry));
	return t->allow_fn(&av, t->ctx);
}

int gate_block_foreach(struct gate_maps *m, block_visit_fn fn, void *ctx)
{
	struct typed_visit t = { .block_fn = fn, .ctx = ctx };

	return gate_list_foreach(m, GATE_BLOCKS, visit_block, &t);
}

int gate_allow_foreach(struct gate_maps *m, allow_visit_fn fn, void *ctx)
{
	struct typed_visit t = { .allow_fn = fn, .ctx = ctx };

	return gate_list_foreach(m, GATE_ALLOWS, visit_allow, &t);
}

int gate_reason_text(struct gate_maps *m, uint32_t id, char *buf, size_t len)
{
	struct block_reason r;

	if (bpf_map_lookup_elem(m->reasons, &id, &r))
		return -errno;
	r.text[GH_REASON_LEN - 1] = '\0';
	snprintf(buf, len, "%s", r.text[0] ? r.text : "manual");
	return 0;
}

int gate_reason_id(struct gate_maps *m, const char *text, uint32_t *id)
{
	struct block_reason r;
	uint32_t free_slot = 0;

	*id = 0;
	if (!text || !*text || !strcmp(text, "manual"))
		return 0;
	if (strlen(text) >= GH_REASON_LEN)
		return -ENAMETOOLONG;
	for (uint32_t i = 1; i < GH_MAX_REASONS; i++) {
		if (bpf_map_lookup_elem(m->reasons, &i, &r))
			return -errno;
		if (!r.text[0]) {
			free_slot = free_slot ?: i;
			continue;
		}
		if (!strncmp(r.text, text, GH_REASON_LEN)) {
			*id = i;
			return 0;
		}
	}
	if (!free_slot)
		return -ENOSPC;
	memset(&r, 0, sizeof(r));
	strncpy(r.text, text, GH_REASON_LEN - 1);
	if (bpf_map_update_elem(m->reasons, &free_slot, &r, BPF_ANY))
		return -errno;
	*id = free_slot;
	return 0;
}

int gate_stats_read(struct gate_maps *m, struct gate_stats *sum)
{
	return map_percpu_sum(m->stats, 0, sum, sizeof(*sum));
}

/*
 * What may go from the maps walked: every expired entry, and the automatic
 * entry in force that ends soonest (for making room).
 */
struct gc_ctx {
	struct gate_maps *m;
	enum gate_list list;
	uint64_t now;
	struct block_view *expired;
	size_t n, cap;
	struct block_view victim;
	bool has_victim;
	uint64_t next_expiry; /* of the entries in force */
};

/* The soonest expiry of the entries in force so far, expires_ns one of them (0: never). */
static void note_expiry(uint64_t *next, uint64_t expires_ns)
{
	if (expires_ns && expires_ns < *next)
		*next = expires_ns;
}

static int gc_collect(const struct block_view *v, void *ctx)
{
	struct gc_ctx *g = ctx;
	const struct block_entry *e = &v->entry;

	if (block_entry_live(e, g->now)) {
		note_expiry(&g->next_expiry, e->expires_ns);
		if ((e->flags & GH_BLOCK_F_AUTO) && e->expires_ns &&
		    (!g->has_victim || e->expires_ns < g->victim.entry.expires_ns)) {
			g->victim = *v;
			g->has_victim = true;
		}
		return 0;
	}
	if (gh_vec_reserve((void **)&g->expired, &g->cap, g->n, sizeof(*g->expired), 256))
		return -ENOMEM;
	g->expired[g->n++] = *v;
	return 0;
}

/* Delete what gc_collect found expired, telling gone of each; frees the list. */
static int gc_delete_expired(struct gc_ctx *g, const struct gate_gone *gone, size_t *removed)
{
	bool tries_touched = false;
	struct map_slot slot;
	int err = 0;

	for (size_t i = 0; i < g->n && !err; i++) {
		gate_slot_for(g->m, &g->expired[i].cidr, g->list, &slot);
		if (bpf_map_delete_elem(slot.fd, slot.key) && errno != ENOENT)
			err = -errno;
		tries_touched |= slot.trie;
		(*removed)++;
		if (!err && gone && gone->block && g->list == GATE_BLOCKS)
			gone->block(&g->expired[i], gone->ctx);
	}
	if (g->n && !err)
		err = gate_list_removed(g->m, g->list, tries_touched);
	free(g->expired);
	g->expired = NULL;
	return err;
}

/* Expired allow entries of both tries, deleted after the walk. */
struct allow_gc {
	uint64_t now;
	struct allow_view *expired;
	size_t n, cap;
	uint64_t next_expiry; /* of the entries in force */
};

static int allow_gc_collect(const struct allow_view *v, void *ctx)
{
	struct allow_gc *g = ctx;

	if (gate_entry_live(v->entry.expires_ns, g->now)) {
		note_expiry(&g->next_expiry, v->entry.expires_ns);
		return 0;
	}
	if (gh_vec_reserve((void **)&g->expired, &g->cap, g->n, sizeof(*g->expired), 64))
		return -ENOMEM;
	g->expired[g->n++] = *v;
	return 0;
}

static int gc_allows(struct gate_maps *m, uint64_t now_ns, const struct gate_gone *gone,
		     size_t *removed, uint64_t *next_expiry)
{
	struct allow_gc g = { .now = now_ns, .next_expiry = *next_expiry };
	int err = gate_allow_foreach(m, allow_gc_collect, &g);

	*next_expiry = g.next_expiry;
	for (size_t i = 0; i < g.n && !err; i++) {
		err = gate_allow_del(m, &g.expired[i].cidr);
		err = err == -ENOENT ? 0 : err;
		(*removed)++;
		if (!err && gone && gone->allow)
			gone->allow(&g.expired[i], gone->ctx);
	}
	free(g.expired);
	return err;
}

int gate_gc(struct gate_maps *m, uint64_t now_ns, const struct gate_gone *gone, size_t *removed,
	    uint64_t *next_expiry_ns)
{
	static const enum gate_list expiring[] = { GATE_BLOCKS, GATE_THROTTLES };
	int err = 0;

	*removed = 0;
	*next_expiry_ns = UINT64_MAX;
	for (size_t i = 0; i < sizeof(expiring) / sizeof(expiring[0]) && !err; i++) {
		struct gc_ctx g = { .m = m, .list = expiring[i], .now = now_ns,
				    .next_expiry = *next_expiry_ns };
		struct typed_visit t = { .block_fn = gc_collect, .ctx = &g };

		err = gate_list_foreach(m, expiring[i], visit_block, &t);
		*next_expiry_ns = g.next_expiry;
		if (err)
			free(g.expired);
		else
			err = gc_delete_expired(&g, gone, removed);
	}
	return err ?: gc_allows(m, now_ns, gone, removed, next_expiry_ns);
}

int gate_list_make_room(struct gate_maps *m, enum gate_list l, const struct block_spec *spec,
			uint64_t now_ns, const struct gate_gone *gone, struct block_room *out)
{
	uint64_t until = spec->ttl_s ? now_ns + spec->ttl_s * 1000000000ULL : UINT64_MAX;
	struct gc_ctx g = { .m = m, .list = l, .now = now_ns };
	struct typed_visit t = { .block_fn = gc_collect, .ctx = &g };
	struct map_slot target;
	int err;

	memset(out, 0, sizeof(*out));
	gate_slot_for(m, &spec->cidr, l, &target);
	err = walk_map(target.fd, spec->cidr.addr.family, target.trie, visit_block, &t);
	if (err) {
		free(g.expired);
		return err;
	}
	err = gc_delete_expired(&g, gone, &out->expired);
	if (err || out->expired)
		return err;
	/* The newcomer is the least valuable when it would end first. */
	if (!g.has_victim || g.victim.entry.expires_ns >= until)
		return -E2BIG;
	err = gate_list_del(m, l, &g.victim.cidr);
	if (!err) {
		out->evicted = true;
		out->victim = g.victim;
	}
	return err;
}

int gate_block_make_room(struct gate_maps *m, const struct block_spec *spec, uint64_t now_ns,
			 const struct gate_gone *gone, struct block_room *out)
{
	return gate_list_make_room(m, GATE_BLOCKS, spec, now_ns, gone, out);
}
