/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Growing an array by doubling: the one copy of that loop. */
#ifndef GATEHAWK_VEC_H
#define GATEHAWK_VEC_H

#include <errno.h>
#include <stdlib.h>

/*
 * Make room for one more element in *items (holding n of *cap): doubles the
 * capacity, starting at first_cap. Returns 0 or -ENOMEM (*items untouched).
 */
static inline int gh_vec_reserve(void **items, size_t *cap, size_t n, size_t elem_size,
				 size_t first_cap)
{
	size_t new_cap;
	void *p;

	if (n < *cap)
		return 0;
	new_cap = *cap ? *cap * 2 : first_cap;
	p = realloc(*items, new_cap * elem_size);
	if (!p)
		return -ENOMEM;
	*items = p;
	*cap = new_cap;
	return 0;
}

#endif /* GATEHAWK_VEC_H */
