// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <string.h>

#include "base/recent.h"

void gh_recent_init(struct gh_recent *r, uint64_t step_s)
{
	memset(r, 0, sizeof(*r));
	r->step_s = step_s ? step_s : 1;
}

static uint64_t *slot(struct gh_recent *r, uint64_t step)
{
	return r->totals[step % GH_RECENT_SLOTS];
}

void gh_recent_note(struct gh_recent *r, uint64_t now_s, const uint64_t *totals)
{
	uint64_t step = now_s / r->step_s;

	if (r->any && step < r->last)
		return;
	if (!r->any) {
		r->first = step;
	} else {
		/* The steps skipped saw no note: they keep the totals before the gap. */
		uint64_t from = step - r->last > GH_RECENT_SLOTS ? step - GH_RECENT_SLOTS : r->last + 1;

		for (uint64_t s = from; s < step; s++)
			memcpy(slot(r, s), slot(r, r->last), sizeof(r->totals[0]));
	}
	memcpy(slot(r, step), totals, sizeof(r->totals[0]));
	r->last = step;
	r->any = true;
}

void gh_recent_growth(const struct gh_recent *r, uint64_t now_s, uint64_t span_s,
		      const uint64_t *totals, uint64_t *out)
{
	uint64_t steps = span_s / r->step_s, now = now_s / r->step_s, base;
	const uint64_t *then = NULL;

	if (steps > GH_RECENT_SLOTS - 1)
		steps = GH_RECENT_SLOTS - 1;
	base = now >= steps ? now - steps : 0;
	/* Before the first note the totals were zero; after the last they stayed. */
	if (r->any && base >= r->first) {
		if (base > r->last)
			base = r->last;
		if (base + GH_RECENT_SLOTS <= r->last) /* now_s before the last note */
			base = r->last - (GH_RECENT_SLOTS - 1);
		then = r->totals[base % GH_RECENT_SLOTS];
	}
	for (int i = 0; i < GH_RECENT_SERIES; i++)
		out[i] = !then ? totals[i] : totals[i] >= then[i] ? totals[i] - then[i] : 0;
}
