// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Sources of a log and their feature accumulators (see source_table.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/vec.h"
#include "engine/source_table.h"

#define INDEX_MIN_CAP 1024
/* Fixed: an offline report must come out the same on every run. */
#define FEATURE_SEED 0x6761746568617763ULL

int source_table_init(struct source_table *t, uint8_t prefix_v4, uint8_t prefix_v6,
		      size_t max_sources)
{
	if (prefix_v4 > 32 || prefix_v6 > 128 || !max_sources || max_sources >= UINT32_MAX)
		return -EINVAL;
	*t = (struct source_table){ .prefix_v4 = prefix_v4, .prefix_v6 = prefix_v6,
				    .max_sources = max_sources };
	return 0;
}

static size_t key_hash(const struct gh_cidr *k)
{
	return gh_hash_bytes(k->addr.bytes, gh_addr_len(&k->addr), k->addr.family);
}

/* The index slot holding key, or the empty slot where it belongs. */
static uint32_t *find_slot(uint32_t *index, size_t cap, const struct source_entry *entries,
			   const struct gh_cidr *key)
{
	size_t i = key_hash(key) & (cap - 1);

	while (index[i] && !gh_addr_equal(&entries[index[i] - 1].key.addr, &key->addr))
		i = (i + 1) & (cap - 1);
	return &index[i];
}

static int grow_index(struct source_table *t)
{
	size_t cap = t->index_cap ? t->index_cap * 2 : INDEX_MIN_CAP;
	uint32_t *index = calloc(cap, sizeof(*index));

	if (!index)
		return -ENOMEM;
	for (size_t e = 0; e < t->count; e++)
		*find_slot(index, cap, t->entries, &t->entries[e].key) = (uint32_t)e + 1;
	free(t->index);
	t->index = index;
	t->index_cap = cap;
	return 0;
}

int source_table_add(struct source_table *t, const struct request_record *r)
{
	struct gh_cidr key;
	uint32_t *slot;
	int err;

	if (!req_has(r, REQ_SRC_IP)) {
		t->no_source++;
		return 0;
	}
	key.addr = r->src;
	key.prefixlen = r->src.family == AF_INET ? t->prefix_v4 : t->prefix_v6;
	gh_addr_mask(&key.addr, key.prefixlen);
	if (t->count * 2 >= t->index_cap && (err = grow_index(t)))
		return err;
	slot = find_slot(t->index, t->index_cap, t->entries, &key);
	if (!*slot) {
		if (t->count >= t->max_sources) {
			t->over_limit++;
			return 0;
		}
		err = gh_vec_reserve((void **)&t->entries, &t->cap, t->count, sizeof(*t->entries),
				     INDEX_MIN_CAP / 2);
		if (err)
			return err;
		t->entries[t->count] = (struct source_entry){ .key = key };
		*slot = (uint32_t)++t->count;
	}
	feature_acc_add(&t->entries[*slot - 1].acc, r, FEATURE_SEED);
	return 0;
}

void source_table_free(struct source_table *t)
{
	free(t->entries);
	free(t->index);
	*t = (struct source_table){ 0 };
}

/* IPv4 before IPv6, then by address bytes. */
static int by_address(const void *a, const void *b)
{
	const struct gh_addr *x = &(*(const struct source_entry *const *)a)->key.addr;
	const struct gh_addr *y = &(*(const struct source_entry *const *)b)->key.addr;

	if (x->family != y->family)
		return x->family == AF_INET ? -1 : 1;
	return memcmp(x->bytes, y->bytes, sizeof(x->bytes));
}

int source_table_matrix(const struct source_table *t, uint32_t min_requests,
			const enum profile_feature *fs, size_t d, struct source_matrix *m)
{
	size_t n = 0;

	*m = (struct source_matrix){ .d = d };
	for (size_t e = 0; e < t->count; e++)
		n += t->entries[e].acc.n >= min_requests;
	m->rows = malloc((n ? n : 1) * sizeof(*m->rows));
	m->x = malloc((n ? n : 1) * d * sizeof(*m->x));
	if (!m->rows || !m->x) {
		source_matrix_free(m);
		return -ENOMEM;
	}
	for (size_t e = 0; e < t->count; e++)
		if (t->entries[e].acc.n >= min_requests)
			m->rows[m->n++] = &t->entries[e];
	qsort(m->rows, m->n, sizeof(*m->rows), by_address);
	for (size_t i = 0; i < m->n; i++)
		feature_vector(&m->rows[i]->acc, fs, d, m->x + i * d);
	return 0;
}

void source_matrix_free(struct source_matrix *m)
{
	free(m->rows);
	free(m->x);
	*m = (struct source_matrix){ 0 };
}
