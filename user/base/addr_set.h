/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A set of addresses: distinct sources (replay's summary), labelled sources.
 * Open addressing, grown at half full: 24 B a slot, no allocation per insert
 * once grown.
 */
#ifndef GATEHAWK_ADDR_SET_H
#define GATEHAWK_ADDR_SET_H

#include <stdbool.h>
#include <stddef.h>

#include "base/addr.h"

struct addr_set {
	struct gh_addr *slots; /* family 0: empty */
	size_t cap, count;
};

/* 1 when a was added, 0 when already in the set, -ENOMEM. */
int addr_set_add(struct addr_set *s, const struct gh_addr *a);
bool addr_set_has(const struct addr_set *s, const struct gh_addr *a);
void addr_set_free(struct addr_set *s);

#endif /* GATEHAWK_ADDR_SET_H */
