/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Addresses the gate must never block by itself: loopback and this host's. */
#ifndef GATEHAWK_HOST_ADDRS_H
#define GATEHAWK_HOST_ADDRS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/addr.h"

/*
 * True when the prefix covers loopback or an address configured on this
 * host (read once per process); `why` names the address it covers.
 */
bool gh_covers_protected(const struct gh_cidr *c, char *why, size_t len);

#endif /* GATEHAWK_HOST_ADDRS_H */
