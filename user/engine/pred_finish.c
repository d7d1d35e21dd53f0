// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Predicates finished after parsing (predicate.h, pred_finish): needs and costs, cheap children first. */
#include <math.h>

#include "engine/predicate.h"

_Static_assert(HTTP_METHOD_PATCH < PRED_QUICK_ABSENT, "known methods and absent fit pred.methods");

static uint32_t leaf_cost(const struct pred *p)
{
	uint32_t xf = p->subj >= REQ_FIELD_COUNT ? 16 : 0;

	/* page_referer parses the Referer on every ask (hundreds of instructions);
	 * a pattern's hit is mostly known from its field's one scan. */
	if (REQ_BIT(p->field) & REQ_DERIVED)
		return 48;
	switch (p->op) {
	case PRED_REGEX:
	case PRED_PHRASES: return 32 + xf;
	case PRED_CONTAINS: return 4 + xf;
	case PRED_IN:
	case PRED_CIDR: return 2 + xf + p->n / 4;
	default: return (p->type == REQ_TYPE_STR ? 2 : 1) + xf;
	}
}

static uint16_t cost_add(uint32_t a, uint32_t b)
{
	return (uint16_t)(a + b > UINT16_MAX ? UINT16_MAX : a + b);
}

static void sort_by_cost(struct pred **kids, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		struct pred *k = kids[i];
		uint32_t j = i;

		for (; j > 0 && kids[j - 1]->cost > k->cost; j--)
			kids[j] = kids[j - 1];
		kids[j] = k;
	}
}

/* A method leaf's known methods as bits (pred.methods); 0 if any value is not a known method. */
static uint16_t method_bits(const struct pred *p)
{
	const struct gh_str *v = p->op == PRED_IN ? p->u.strs : &p->u.str;
	uint32_t n = p->op == PRED_IN ? p->n : 1, bits = 0;

	if (p->field != REQ_METHOD || p->subj != REQ_METHOD ||
	    (p->op != PRED_EQ && p->op != PRED_NE && p->op != PRED_IN))
		return 0;
	for (uint32_t i = 0; i < n; i++) {
		enum http_method m = http_method_from(v[i].p, v[i].len);

		if (m == HTTP_METHOD_OTHER)
			return 0;
		bits |= 1U << m;
	}
	return (uint16_t)bits;
}

/*
 * Status classes (status / 100; 10: past 999) of the statuses from lo to
 * hi, both clamped to 0-1000: a superset of the classes that can hold.
 */
static uint16_t status_classes(double lo, double hi)
{
	uint16_t bits = 0;

	if (isnan(lo) || isnan(hi))
		return UINT16_MAX;
	lo = lo < 0 ? 0 : lo > 1000 ? 1000 : lo;
	hi = hi < 0 ? 0 : hi > 1000 ? 1000 : hi;
	for (int c = (int)(lo / 100); c <= (int)(hi / 100); c++)
		bits |= (uint16_t)(1U << c);
	return bits;
}

/* The statuses a status leaf can hold on, as pred.quick_status bits (absent: never). */
static uint16_t status_leaf_quick(const struct pred *p)
{
	uint16_t bits = 0;

	switch (p->op) {
	case PRED_EQ: return status_classes(p->u.num, p->u.num);
	case PRED_IN:
		for (uint32_t i = 0; i < p->n; i++)
			bits |= status_classes(p->u.nums[i], p->u.nums[i]);
		return bits;
	case PRED_LT:
	case PRED_LE: return status_classes(0, p->u.num);
	case PRED_GT:
	case PRED_GE: return status_classes(p->u.num, 1000);
	default: return UINT16_MAX;
	}
}

/*
 * Classes first to last (a status's class is status / 100, 10 past 999)
 * when a status leaf holds for exactly those: a bound at a class's edge,
 * at most 1000. False for any other status leaf.
 */
static bool status_leaf_exact(const struct pred *p, uint16_t *bits)
{
	double edge;
	int first = 0, last = 10;

	switch (p->op) {
	case PRED_GE:
	case PRED_LT: edge = p->u.num; break;
	case PRED_GT:
	case PRED_LE: edge = p->u.num + 1; break;
	default: return false;
	}
	if (!(edge >= 0 && edge <= 1000) || fmod(edge, 100) != 0)
		return false;
	if (p->op == PRED_GE || p->op == PRED_GT)
		first = (int)(edge / 100);
	else
		last = (int)(edge / 100) - 1;
	*bits = 0;
	for (int c = first; c <= last; c++)
		*bits |= (uint16_t)(1U << c);
	return true;
}

/* A leaf's pred.quick_*: its own field's, when it can say; all bits otherwise. */
static void leaf_quick(struct pred *p)
{
	p->quick_methods = p->quick_status = UINT16_MAX;
	/* OTHER stays: such a method is compared as text, and costs its walk. */
	if (p->methods && p->op != PRED_NE)
		p->quick_methods = (uint16_t)(p->methods | 1U << HTTP_METHOD_OTHER);
	p->status_exact = false;
	if (p->field == REQ_STATUS && p->type == REQ_TYPE_NUM &&
	    !(p->status_exact = status_leaf_exact(p, &p->quick_status)))
		p->quick_status = status_leaf_quick(p);
}

void pred_finish(struct pred *p)
{
	switch (p->op) {
	case PRED_ALL:
	case PRED_ANY:
		p->need = p->op == PRED_ANY && p->n ? ~0U : 0;
		p->cost = 0;
		/* all: what every child needs; any: what some child does */
		p->quick_methods = p->quick_status = p->op == PRED_ALL ? UINT16_MAX : 0;
		for (uint32_t i = 0; i < p->n; i++) {
			const struct pred *k = p->u.kids[i];

			pred_finish(p->u.kids[i]);
			p->cost = cost_add(p->cost, k->cost);
			if (p->op == PRED_ALL) {
				p->need |= k->need;
				p->quick_methods &= k->quick_methods;
				p->quick_status &= k->quick_status;
			} else {
				p->need &= k->need;
				p->quick_methods |= k->quick_methods;
				p->quick_status |= k->quick_status;
			}
		}
		sort_by_cost(p->u.kids, p->n);
		return;
	case PRED_NOT:
		pred_finish(p->u.kids[0]);
		p->need = 0; /* not(...) of an absent field holds */
		p->cost = p->u.kids[0]->cost;
		p->quick_methods = p->quick_status = UINT16_MAX;
		return;
	default:
		p->type = (uint8_t)req_field_type(p->field);
		p->need = p->op == PRED_EXISTS && !p->flag ? 0 : REQ_BIT(p->field);
		p->cost = cost_add(leaf_cost(p), 0);
		p->methods = method_bits(p);
		leaf_quick(p);
	}
}
