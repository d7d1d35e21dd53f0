/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Addresses the gate must never block by itself: loopback, this host's own
 * addresses, the gateways of its routing table, its DNS resolvers and what
 * the operator names (`run --protect`). A spoofed flood "from" any of them
 * must not cut the host off its network, its resolver or its upstreams.
 */
#ifndef GATEHAWK_HOST_ADDRS_H
#define GATEHAWK_HOST_ADDRS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/addr.h"

/* The host's list is read again when older than this (new gateways, resolvers);
 * the daemon also rereads it as soon as an address comes or goes. */
#define GH_PROTECTED_REFRESH_S 60

/* Where gateways and resolvers are read from; tests point these at fixtures. */
struct protected_sources {
	const char *route4;         /* /proc/net/route */
	const char *route6;         /* /proc/net/ipv6_route */
	const char *resolv_conf[2]; /* nameserver lines; NULL: none */
};

/*
 * True when the prefix covers (or lies inside) a protected address; `why`
 * says which, e.g. "gateway 10.0.0.1" or "resolver 2001:db8::53".
 */
bool gh_covers_protected(const struct gh_cidr *c, char *why, size_t len);
/* Protect c as well, for the rest of the process. 0 or -ENOMEM. */
int gh_protect_add(const struct gh_cidr *c);
/* The host's addresses changed (netlink said so): the next check rereads the list. */
void gh_protected_changed(void);
/* Read from s from now on (NULL: the system's files); the next check rereads. */
void gh_protected_use_sources(const struct protected_sources *s);

#endif /* GATEHAWK_HOST_ADDRS_H */
