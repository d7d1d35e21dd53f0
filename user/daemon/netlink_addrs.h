/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * This host's addresses as they change: a netlink route socket joined to
 * the IPv4 and IPv6 address groups tells the daemon of every address added
 * to or removed from an interface (DHCP, a floating IP, a new VIP), and the
 * protected list (base/host_addrs.h) is read again before the next verdict
 * instead of up to GH_PROTECTED_REFRESH_S later. Needs no privilege.
 */
#ifndef GATEHAWK_NETLINK_ADDRS_H
#define GATEHAWK_NETLINK_ADDRS_H

#include <stdbool.h>

#include "base/addr.h"

struct addr_change {
	bool added;           /* RTM_NEWADDR; else RTM_DELADDR */
	struct gh_addr addr;
	int ifindex;
};

/* The socket (non-blocking, close-on-exec), or negative errno. */
int netlink_addrs_open(void);
/*
 * Read every message waiting: the protected list is marked stale when
 * anything changed, and each change goes to fn (NULL: not told). Returns
 * the number of changes, or -ENOBUFS when the socket overflowed (some were
 * lost: the list is marked stale anyway), or another negative errno.
 */
int netlink_addrs_read(int fd, void (*fn)(const struct addr_change *c, void *ctx), void *ctx);
/* netlink_addrs_read, each change said to log ("address A added on IF: protected ..."). */
void netlink_addrs_serve(int fd, void (*log)(void *ctx, const char *line), void *ctx);

#endif /* GATEHAWK_NETLINK_ADDRS_H */
