// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A predicate's necessary condition as pattern ids (predicate.h, pred_gate). */
#include <string.h>

#include "engine/predicate.h"

/*
 * How much a gate opens, to pick the smallest among an all's children:
 * patterns over the request target (path, query) first, since that is
 * what a probe is about and most requests miss them; then patterns over
 * other fields (a browser-like User-Agent, which most requests have); the
 * line last. Fewer patterns first within each.
 */
static int rank(int k, bool unplain, bool target)
{
	return k + (unplain ? 2 : target ? 0 : 1) * (PRED_GATE_MAX + 1);
}

/* pred_gate, and *target: whether every pattern of the gate is over the path or the query. */
static int gate(const struct pred *p, struct pred_eval *ev, int *ids, int max, bool *unplain,
		bool *target)
{
	int n = -1, k;
	bool u, t;

	*unplain = false;
	*target = true;
	switch (p->op) {
	case PRED_REGEX:
	case PRED_PHRASES:
		if (max < 1)
			return -1;
		ids[0] = p->u.regex;
		*target = p->field == REQ_PATH || p->field == REQ_QUERY;
		return 1;
	case PRED_ALL: /* any child's condition is the whole's: the smallest */
		for (uint32_t i = 0; i < p->n; i++) {
			int tmp[PRED_GATE_MAX];

			k = gate(p->u.kids[i], ev, tmp, max < PRED_GATE_MAX ? max : PRED_GATE_MAX, &u,
				 &t);
			if (k >= 0 && (n < 0 || rank(k, u, t) < rank(n, *unplain, *target))) {
				n = k;
				*unplain = u;
				*target = t;
				memcpy(ids, tmp, (size_t)k * sizeof(*ids));
			}
		}
		if (n >= 0)
			return n;
		break;
	case PRED_ANY: /* every child needs one of its own: the union */
		for (uint32_t i = n = 0; i < p->n && n >= 0; i++) {
			k = gate(p->u.kids[i], ev, ids + n, max - n, &u, &t);
			n = k < 0 ? -1 : n + k;
			*unplain |= u;
			*target &= t;
		}
		if (p->n && n >= 0)
			return n;
		*unplain = false;
		break;
	}
	/* No pattern is needed: maybe a line that is not plain. */
	*target = true;
	if (ev && pred_false_when_plain(p, ev)) {
		*unplain = true;
		return 0;
	}
	return -1;
}

int pred_gate(const struct pred *p, struct pred_eval *ev, int *ids, int max, bool *unplain)
{
	bool target;

	return gate(p, ev, ids, max, unplain, &target);
}
