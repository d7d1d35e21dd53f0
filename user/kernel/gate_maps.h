/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Folder kernel/: everything that touches BPF: the gate and sensor loaders,
 * pins, these maps, map iteration, per-source counters, block-list files.
 * May call base/ and libbpf; fills a struct gh_err, never prints.
 *
 * The gate's pinned maps from user space: block and allow entries, reason
 * texts, counters, expiry GC (of blocks, allows and throttles;
 * kernel/throttle_maps.h has the rest of throttles). Every writer holds the
 * pin-dir lock; every write to a block map invalidates the program's drop
 * cache (kernel/drop_cache.h).
 */
#ifndef GATEHAWK_GATE_MAPS_H
#define GATEHAWK_GATE_MAPS_H

#include <stddef.h>
#include <stdint.h>

#include "base/addr.h"
#include "gatehawk/gate.h"

struct gate_maps {
	int block_host4;
	int block_host6;
	int block_net4;
	int block_net6;
	int allow_net4;
	int allow_net6;
	int reasons;
	int stats;
	int config;
	int throttle_host4;
	int throttle_host6;
	int throttle_net4;
	int throttle_net6;
	int drop_cache;     /* -1: pinned by a gatehawk without it (kernel/drop_cache.h) */
	int drop_cache_gen; /* likewise */
	uint32_t max_blocks; /* max_entries of each block map */
	int lock_fd;         /* held while writing */
	const char *pin_dir;
};

struct block_spec {
	struct gh_cidr cidr;
	uint64_t ttl_s; /* 0 = never expires */
	uint32_t reason;
	uint32_t flags; /* GH_BLOCK_F_* */
};

/* One entry as listed. */
struct block_view {
	struct gh_cidr cidr;
	struct block_entry entry;
};

struct allow_view {
	struct gh_cidr cidr;
	struct allow_entry entry;
};

typedef int (*block_visit_fn)(const struct block_view *v, void *ctx);
typedef int (*allow_visit_fn)(const struct allow_view *v, void *ctx);

/* Mark every fd closed, so gate_maps_close() is safe before any open. */
void gate_maps_init(struct gate_maps *m);
/* Open pinned maps; -ENOENT when nothing is pinned under dir. */
int gate_maps_open(const char *pin_dir, struct gate_maps *m);
struct bpf_object;
/* The maps of a loaded gate object, unpinned (tests); lock_dir is only flock'ed. */
int gate_maps_from_object(struct bpf_object *obj, const char *lock_dir, struct gate_maps *m);
void gate_maps_close(struct gate_maps *m);

int gate_maps_lock(struct gate_maps *m);
void gate_maps_unlock(struct gate_maps *m);

/*
 * Add or refresh blocks, all or nothing: when any entry fails (a full map
 * gives -E2BIG or -ENOSPC), every entry this call wrote is put back as it
 * was. Refreshing keeps an entry's hit count and creation time.
 */
int gate_block_add(struct gate_maps *m, const struct block_spec *specs, size_t n);
int gate_block_del(struct gate_maps *m, const struct gh_cidr *c);

struct allow_spec {
	struct gh_cidr cidr;
	uint64_t ttl_s; /* 0 = never expires */
	uint32_t flags; /* GH_ALLOW_F_* */
};

/*
 * What gate_gc and gate_block_make_room tell about each entry they delete
 * (throttles go untold: they end no block).
 */
struct gate_gone {
	block_visit_fn block; /* NULL: not told */
	allow_visit_fn allow;
	void *ctx;
};

/* What gate_block_make_room removed. */
struct block_room {
	size_t expired;            /* expired entries deleted */
	bool evicted;              /* else: an automatic block in force went */
	struct block_view victim;  /* that block */
};

/*
 * spec's map is full: make room for it (caller holds the lock). Expired
 * entries of that map go first, all of them; when there are none, the
 * automatic block in force that ends soonest goes, but only when it would
 * end before spec's. A manual block is never removed. -E2BIG when nothing
 * may go (the map holds only manual blocks and longer automatic ones).
 */
int gate_block_make_room(struct gate_maps *m, const struct block_spec *spec, uint64_t now_ns,
			 const struct gate_gone *gone, struct block_room *out);
int gate_block_foreach(struct gate_maps *m, block_visit_fn fn, void *ctx);
/* Find or store a reason text; "" and "manual" are id 0. */
int gate_reason_id(struct gate_maps *m, const char *text, uint32_t *id);
int gate_reason_text(struct gate_maps *m, uint32_t id, char *buf, size_t len);
/* Live entry for exactly this prefix, or -ENOENT. */
int gate_block_get(struct gate_maps *m, const struct gh_cidr *c, struct block_entry *out);

/*
 * Add or refresh allow entries, all or nothing like gate_block_add (a full
 * list is -E2BIG). Refreshing keeps an entry's hit count and creation time
 * and takes the new expiry and flags.
 */
int gate_allow_put(struct gate_maps *m, const struct allow_spec *specs, size_t n);
/* One entry that never expires. */
static inline int gate_allow_add(struct gate_maps *m, const struct gh_cidr *c)
{
	struct allow_spec s = { .cidr = *c };

	return gate_allow_put(m, &s, 1);
}
/* The entry for exactly this prefix, expired or not, or -ENOENT. */
int gate_allow_get(struct gate_maps *m, const struct gh_cidr *c, struct allow_entry *out);
int gate_allow_del(struct gate_maps *m, const struct gh_cidr *c);
int gate_allow_foreach(struct gate_maps *m, allow_visit_fn fn, void *ctx);
/* True when a live allow entry covers the address (as the program decides). */
int gate_allow_covers(struct gate_maps *m, const struct gh_addr *a);

int gate_stats_read(struct gate_maps *m, struct gate_stats *sum);
/* Set and clear GH_GATE_F_* bits in gate_config (caller holds the lock). */
int gate_update_flags(struct gate_maps *m, uint32_t set, uint32_t clear);
/*
 * Delete block, allow and throttle entries expired at now_ns (boottime);
 * reports how many, and each block and allow to gone (NULL: nobody is told).
 * *next_expiry_ns: when the soonest of the entries left expires
 * (UINT64_MAX: none does), until which a walk finds nothing to delete
 * unless entries are written meanwhile.
 */
int gate_gc(struct gate_maps *m, uint64_t now_ns, const struct gate_gone *gone, size_t *removed,
	    uint64_t *next_expiry_ns);
/* Whether an entry expiring at expires_ns (0: never) is in force at now_ns. */
static inline int gate_entry_live(uint64_t expires_ns, uint64_t now_ns)
{
	return !expires_ns || now_ns < expires_ns;
}

static inline int block_entry_live(const struct block_entry *e, uint64_t now_ns)
{
	return gate_entry_live(e->expires_ns, now_ns);
}

#endif /* GATEHAWK_GATE_MAPS_H */
