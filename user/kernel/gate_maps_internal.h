/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What gate_maps.c shares with throttle_maps.c: blocks, allows and throttles
 * are three lists laid out alike (exact addresses in a hash, shorter prefixes
 * in a trie keyed by {prefixlen, addr}; allows in tries only), and a
 * throttle's value starts with a block_entry, so walking, expiry and making
 * room in a full map are one code for blocks and throttles.
 */
#ifndef GATEHAWK_GATE_MAPS_INTERNAL_H
#define GATEHAWK_GATE_MAPS_INTERNAL_H

#include "kernel/gate_maps.h"

enum gate_list {
	GATE_BLOCKS,
	GATE_ALLOWS,
	GATE_THROTTLES,
};

/* Where one prefix of a list lives. */
struct map_slot {
	int fd;
	bool trie;
	uint8_t key[sizeof(struct net_v6_key)];
};

void gate_slot_for(struct gate_maps *m, const struct gh_cidr *c, enum gate_list l,
		   struct map_slot *s);
/* After deleting entries: recount the tries (trie: one was touched) or, for
 * throttles, refresh the program's flags (gate_config, GH_GATE_F_THROTTLE_*). */
int gate_list_removed(struct gate_maps *m, enum gate_list l, bool trie);
int gate_list_del(struct gate_maps *m, enum gate_list l, const struct gh_cidr *c);

/* Raw value of one entry: a block_entry, allow_entry or throttle_entry by list. */
typedef int (*entry_visit_fn)(const struct gh_cidr *c, const void *value, void *ctx);
int gate_list_foreach(struct gate_maps *m, enum gate_list l, entry_visit_fn fn, void *ctx);
/* gate_block_make_room() for blocks or throttles (spec's cidr and ttl only). */
int gate_list_make_room(struct gate_maps *m, enum gate_list l, const struct block_spec *spec,
			uint64_t now_ns, const struct gate_gone *gone, struct block_room *out);

#endif /* GATEHAWK_GATE_MAPS_INTERNAL_H */
