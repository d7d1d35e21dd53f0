// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A predicate's necessary condition as pattern ids (predicate.h, pred_gate). */
#include <string.h>

#include "engine/predicate.h"

int pred_gate(const struct pred *p, int *ids, int max)
{
	int n = -1, k;

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

			k = pred_gate(p->u.kids[i], tmp, max < PRED_GATE_MAX ? max : PRED_GATE_MAX);
			if (k >= 0 && (n < 0 || k < n)) {
				n = k;
				memcpy(ids, tmp, (size_t)k * sizeof(*ids));
			}
		}
		return n;
	case PRED_ANY: /* every child needs one of its own: the union */
		for (uint32_t i = n = 0; i < p->n; i++) {
			k = pred_gate(p->u.kids[i], ids + n, max - n);
			if (k < 0)
				return -1;
			n += k;
		}
		return p->n ? n : -1;
	default:
		return -1;
	}
}
