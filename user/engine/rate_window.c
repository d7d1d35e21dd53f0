// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Rate windows: bucketed sliding sums (window.h). */
#include <stdlib.h>
#include <string.h>

#include "engine/window.h"

struct rate_win {
	uint64_t newest; /* bucket index */
	uint32_t at;     /* newest % buckets: where it is, kept without a divide per record */
	bool any;
	uint64_t sum;
	uint64_t bucket[];
};

void rate_spec_init(struct rate_spec *s, uint64_t over_s)
{
	uint64_t width = (over_s + RATE_MAX_BUCKETS - 1) / RATE_MAX_BUCKETS;

	if (!width)
		width = 1;
	s->buckets = (uint32_t)((over_s + width - 1) / width);
	if (!s->buckets)
		s->buckets = 1;
	s->bucket_ns = width * 1000000000ULL;
	s->over_ns = s->bucket_ns * s->buckets;
	s->over_s = (double)s->over_ns / 1e9;
}

struct rate_win *rate_win_new(const struct rate_spec *s)
{
	return calloc(1, sizeof(struct rate_win) + s->buckets * sizeof(uint64_t));
}

void rate_win_reset(struct rate_win *w, const struct rate_spec *s)
{
	memset(w, 0, sizeof(*w) + s->buckets * sizeof(uint64_t));
}

int rate_win_add(struct rate_win *w, const struct rate_spec *s, uint64_t ts_ns, uint64_t amount,
		 uint64_t *sum)
{
	uint64_t b = win_in_buckets(ts_ns, s->bucket_ns);
	uint32_t at = w->at;

	if (!w->any || (b > w->newest && b - w->newest >= s->buckets)) { /* first, or all left */
		if (w->any)
			memset(w->bucket, 0, s->buckets * sizeof(uint64_t));
		w->sum = 0;
		w->newest = b;
		w->at = at = (uint32_t)(b % s->buckets);
		w->any = true;
	} else if (b > w->newest) {
		for (; w->newest < b; w->newest++) {
			w->at = w->at + 1 == s->buckets ? 0 : w->at + 1;
			w->sum -= w->bucket[w->at];
			w->bucket[w->at] = 0;
		}
		at = w->at;
	} else if (b + s->buckets <= w->newest) {
		return WIN_TOO_OLD;
	} else { /* late, within the buckets kept: newest - b places before the newest */
		uint32_t back = (uint32_t)(w->newest - b);

		at = at >= back ? at - back : at + s->buckets - back;
	}
	w->bucket[at] += amount;
	w->sum += amount;
	*sum = w->sum;
	return 0;
}

bool rate_win_expire(struct rate_win *w, const struct rate_spec *s, uint64_t horizon_ns)
{
	return !w->any || w->newest + s->buckets <= win_in_buckets(horizon_ns, s->bucket_ns);
}
