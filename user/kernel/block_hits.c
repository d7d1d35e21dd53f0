// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include "kernel/block_hits.h"
#include "kernel/drop_cache.h"

struct list_ctx {
	const struct drop_cache_held *held;
	block_visit_fn fn;
	void *ctx;
};

static int with_held(const struct block_view *v, void *ctx)
{
	const struct list_ctx *l = ctx;
	struct block_view shown = *v;

	shown.entry.hits += drop_cache_held_of(l->held, &v->cidr, v->entry.created_ns);
	return l->fn(&shown, l->ctx);
}

int gate_block_list(struct gate_maps *m, block_visit_fn fn, void *ctx)
{
	struct drop_cache_held held;
	struct list_ctx l = { &held, fn, ctx };
	int err = drop_cache_held_read(m->drop_cache, &held);

	err = err ?: gate_block_foreach(m, with_held, &l);
	drop_cache_held_free(&held);
	return err;
}
