// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "kernel/map_iter.h"

#define BATCH_START 4096
#define BATCH_MAX (1U << 20)

static bool is_percpu(uint32_t type)
{
	return type == BPF_MAP_TYPE_PERCPU_HASH || type == BPF_MAP_TYPE_LRU_PERCPU_HASH ||
	       type == BPF_MAP_TYPE_PERCPU_ARRAY;
}

int map_shape_get(int fd, struct map_shape *s)
{
	struct bpf_map_info info = {};
	__u32 len = sizeof(info);

	if (bpf_obj_get_info_by_fd(fd, &info, &len))
		return -errno;
	s->id = info.id;
	s->type = info.type;
	s->key_size = info.key_size;
	s->value_size = info.value_size;
	s->max_entries = info.max_entries;
	/* Per-CPU values come back as one 8-byte-aligned slot per possible CPU. */
	if (is_percpu(info.type)) {
		int ncpu = libbpf_num_possible_cpus();

		if (ncpu < 0)
			return ncpu;
		s->value_size = ((info.value_size + 7) & ~7U) * (uint32_t)ncpu;
	}
	return 0;
}

/* Returns -EOPNOTSUPP when the map type has no batch lookup. */
static int iter_batched(int fd, const struct map_shape *s, map_iter_fn fn, void *ctx)
{
	uint64_t token_in[4] = {}, token_out[4] = {};
	uint32_t chunk = BATCH_START;
	bool first = true, done = false;
	void *keys = NULL, *vals = NULL;
	int ret = 0;

	while (!done) {
		__u32 count = chunk;
		int err;

		if (!keys) {
			keys = malloc((size_t)chunk * s->key_size);
			vals = malloc((size_t)chunk * s->value_size);
			if (!keys || !vals) {
				ret = -ENOMEM;
				break;
			}
		}
		err = bpf_map_lookup_batch(fd, first ? NULL : token_in, token_out, keys, vals,
					   &count, NULL);
		if (err) {
			err = -errno;
			if (err == -ENOENT) {
				done = true;
			} else if (err == -ENOSPC && chunk < BATCH_MAX && !count) {
				/* A hash bucket holds more than one chunk: grow. */
				chunk *= 2;
				free(keys);
				free(vals);
				keys = vals = NULL;
				continue;
			} else {
				ret = (first && (err == -EINVAL || err == -ENOTSUP ||
						 err == -EOPNOTSUPP))
					      ? -EOPNOTSUPP
					      : err;
				break;
			}
		}
		for (__u32 i = 0; i < count && !ret; i++)
			ret = fn((char *)keys + (size_t)i * s->key_size,
				 (char *)vals + (size_t)i * s->value_size, ctx);
		if (ret)
			break;
		memcpy(token_in, token_out, sizeof(token_in));
		first = false;
	}
	free(keys);
	free(vals);
	return ret;
}

static int iter_by_key(int fd, const struct map_shape *s, map_iter_fn fn, void *ctx)
{
	char *key = calloc(2, s->key_size), *next = key + s->key_size;
	char *val = malloc(s->value_size);
	bool first = true;
	int ret = 0;

	if (!key || !val) {
		ret = -ENOMEM;
		goto out;
	}
	while (!bpf_map_get_next_key(fd, first ? NULL : key, next)) {
		first = false;
		memcpy(key, next, s->key_size);
		/* Deleted between the two calls: skip it. */
		if (bpf_map_lookup_elem(fd, key, val))
			continue;
		ret = fn(key, val, ctx);
		if (ret)
			goto out;
	}
	if (errno != ENOENT)
		ret = -errno;
out:
	free(key);
	free(val);
	return ret;
}

int map_iter(int fd, map_iter_fn fn, void *ctx)
{
	struct map_shape s;
	int err = map_shape_get(fd, &s);

	if (err)
		return err;
	if (s.type != BPF_MAP_TYPE_LPM_TRIE) {
		err = iter_batched(fd, &s, fn, ctx);
		if (err != -EOPNOTSUPP)
			return err;
	}
	return iter_by_key(fd, &s, fn, ctx);
}

int map_mmap_read(int fd, struct map_shape *s, const void **mem, size_t *len)
{
	struct bpf_map_info info = {};
	__u32 info_len = sizeof(info);
	long page = sysconf(_SC_PAGESIZE);
	void *p;

	if (bpf_obj_get_info_by_fd(fd, &info, &info_len))
		return -errno;
	if (info.type != BPF_MAP_TYPE_ARRAY || !(info.map_flags & BPF_F_MMAPABLE) || page <= 0)
		return -EINVAL;
	s->id = info.id;
	s->type = info.type;
	s->key_size = info.key_size;
	s->value_size = (info.value_size + 7) & ~7U;
	s->max_entries = info.max_entries;
	*len = ((size_t)s->value_size * s->max_entries + (size_t)page - 1) & ~((size_t)page - 1);
	p = mmap(NULL, *len, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return -errno;
	*mem = p;
	return 0;
}

static int count_one(const void *key, const void *value, void *ctx)
{
	(void)key;
	(void)value;
	(*(uint32_t *)ctx)++;
	return 0;
}

int map_count(int fd, uint32_t *count)
{
	*count = 0;
	return map_iter(fd, count_one, count);
}

int map_percpu_sum(int fd, uint32_t key, void *sum, size_t value_size)
{
	int ncpu = libbpf_num_possible_cpus();
	size_t words = value_size / sizeof(uint64_t);
	uint64_t *percpu, *out = sum;
	int err = 0;

	if (ncpu < 0)
		return ncpu;
	percpu = calloc((size_t)ncpu, value_size);
	if (!percpu)
		return -ENOMEM;
	memset(sum, 0, value_size);
	if (bpf_map_lookup_elem(fd, &key, percpu))
		err = -errno;
	for (int c = 0; c < ncpu && !err; c++)
		for (size_t w = 0; w < words; w++)
			out[w] += percpu[(size_t)c * words + w];
	free(percpu);
	return err;
}
