/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Walk every entry of a BPF map, in batches where the map type allows. */
#ifndef GATEHAWK_MAP_ITER_H
#define GATEHAWK_MAP_ITER_H

#include <stdint.h>

/* Return non-zero to stop the walk; that value is returned by map_iter(). */
typedef int (*map_iter_fn)(const void *key, const void *value, void *ctx);

struct map_shape {
	uint32_t type;
	uint32_t key_size;
	uint32_t value_size;
	uint32_t max_entries;
};

int map_shape_get(int fd, struct map_shape *s);
/*
 * Hash and array maps are read with BPF_MAP_LOOKUP_BATCH (one syscall per
 * few thousand entries, which matters at a million blocks); LPM tries, which
 * have no batch ops, with get_next_key. Not for per-CPU maps.
 */
int map_iter(int fd, map_iter_fn fn, void *ctx);
/* Number of entries, by walking keys. */
int map_count(int fd, uint32_t *count);

#endif /* GATEHAWK_MAP_ITER_H */
