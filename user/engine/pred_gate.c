// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A predicate's necessary condition as pattern ids (predicate.h, pred_gate). */
#include <string.h>

#include "engine/predicate.h"

/* Patterns before the line: a pattern opens its policy only on a hit. */
static int rank(int k, bool unplain)
{
	return k + (unplain ? PRED_GATE_MAX + 1 : 0);
}

int pred_gate(const struct pred *p, struct pred_eval *ev, int *ids, int max, bool *unplain)
{
	int n = -1, k;
	bool u;

	*unplain = false;
	switch (p->op) {
	case PRED_REGEX:
	case PRED_PHRASES:
		if (max < 1)
			return -1;
		ids[0] = p->u.regex;
		return 1;
	case PRED_ALL: /* any child's condition is the whole's: the smallest */
		for (uint32_t i = 0; i < p->n; i++) {
			int tmp[PRED_GATE_MAX];

			k = pred_gate(p->u.kids[i], ev, tmp, max < PRED_GATE_MAX ? max : PRED_GATE_MAX,
				      &u);
			if (k >= 0 && (n < 0 || rank(k, u) < rank(n, *unplain))) {
				n = k;
				*unplain = u;
				memcpy(ids, tmp, (size_t)k * sizeof(*ids));
			}
		}
		if (n >= 0)
			return n;
		break;
	case PRED_ANY: /* every child needs one of its own: the union */
		for (uint32_t i = n = 0; i < p->n && n >= 0; i++) {
			k = pred_gate(p->u.kids[i], ev, ids + n, max - n, &u);
			n = k < 0 ? -1 : n + k;
			*unplain |= u;
		}
		if (p->n && n >= 0)
			return n;
		*unplain = false;
		break;
	}
	/* No pattern is needed: maybe a line that is not plain. */
	if (ev && pred_false_when_plain(p, ev)) {
		*unplain = true;
		return 0;
	}
	return -1;
}
