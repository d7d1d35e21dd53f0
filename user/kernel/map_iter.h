/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Walk every entry of a BPF map, in batches where the map type allows. */
#ifndef GATEHAWK_MAP_ITER_H
#define GATEHAWK_MAP_ITER_H

#include <stddef.h>
#include <stdint.h>

/* Return non-zero to stop the walk; that value is returned by map_iter(). */
typedef int (*map_iter_fn)(const void *key, const void *value, void *ctx);

struct map_shape {
	uint32_t id; /* the kernel's, to tell a map from one pinned in its place */
	uint32_t type;
	uint32_t key_size;
	uint32_t value_size; /* per-CPU maps: the whole per-CPU block */
	uint32_t max_entries;
};

int map_shape_get(int fd, struct map_shape *s);
/*
 * Hash and array maps are read with BPF_MAP_LOOKUP_BATCH (one syscall per
 * few thousand entries, which matters at a million blocks); LPM tries, which
 * have no batch ops, with get_next_key. A per-CPU map's value is one
 * 8-byte-aligned copy per possible CPU, back to back; the caller sums.
 */
int map_iter(int fd, map_iter_fn fn, void *ctx);
/*
 * Sum one entry of a per-CPU map whose value is all __u64 counters
 * (value_size bytes, a multiple of 8) into sum.
 */
int map_percpu_sum(int fd, uint32_t key, void *sum, size_t value_size);
/*
 * A BPF_F_MMAPABLE array map mapped read-only, shared with the programs that
 * write it: its max_entries values, each value_size rounded up to 8 bytes,
 * back to back at *mem; munmap(*mem, *len) when done. Reading it costs no
 * syscall and no copy. -EINVAL when the map is not a mmapable array.
 */
int map_mmap_read(int fd, struct map_shape *s, const void **mem, size_t *len);
/* Number of entries, by walking keys. */
int map_count(int fd, uint32_t *count);

#endif /* GATEHAWK_MAP_ITER_H */
