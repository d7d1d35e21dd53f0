// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * This host's addresses as they change (daemon/netlink_addrs.h), in a
 * network namespace of the test's own: an address added to an interface is
 * told at once (family, bytes, interface) and is protected before the next
 * verdict, long before the list's periodic reread; removed, it is told and
 * no longer protected. Needs CAP_SYS_ADMIN (unshare) and ip(8).
 */
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>

#include "tap.h"
#include "base/host_addrs.h"
#include "daemon/netlink_addrs.h"

#define ADDR4 "192.0.2.77"
#define ADDR6 "2001:db8:77::1"

struct seen {
	int n;
	struct addr_change last[4];
};

static void record(const struct addr_change *c, void *ctx)
{
	struct seen *s = ctx;

	if (s->n < 4)
		s->last[s->n] = *c;
	s->n++;
}

static bool protected(const char *a)
{
	struct gh_cidr c;
	char why[128];

	gh_cidr_parse(a, &c);
	return gh_covers_protected(&c, why, sizeof(why));
}

/* Wait (at most 2 s) for the socket to have news, then read it all. */
static int read_news(int fd, struct seen *s)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	s->n = 0;
	if (poll(&p, 1, 2000) <= 0)
		return 0;
	usleep(50000); /* the rest of one command's messages */
	return netlink_addrs_read(fd, record, s);
}

int main(void)
{
	struct seen s = { 0 };
	char addr[GH_CIDR_STRLEN];
	int fd;

	if (unshare(CLONE_NEWNET)) {
		tap_skip("no network namespace of our own (CAP_SYS_ADMIN needed)");
		return tap_done();
	}
	if (system("ip link set lo up")) {
		tap_skip("ip(8) cannot configure the namespace");
		return tap_done();
	}
	fd = netlink_addrs_open();
	ok(fd >= 0, "netlink socket on the address groups");
	ok(!protected(ADDR4), ADDR4 " is nobody's yet (the list is read now)");
	system("ip addr add " ADDR4 "/32 dev lo");
	ok_eq(read_news(fd, &s), 1, "adding " ADDR4 " is one change");
	gh_addr_format(&s.last[0].addr, addr, sizeof(addr));
	ok(s.last[0].added && !strcmp(addr, ADDR4) && s.last[0].ifindex == (int)if_nametoindex("lo"),
	   "told: added, " ADDR4 ", on lo (got %s)", addr);
	ok(protected(ADDR4), "protected at once, not %d s later", GH_PROTECTED_REFRESH_S);

	system("ip addr add " ADDR6 "/128 dev lo nodad");
	ok(read_news(fd, &s) >= 1 && s.last[0].added && s.last[0].addr.family == AF_INET6,
	   "an IPv6 address is told too");
	ok(protected(ADDR6), ADDR6 " protected at once");

	system("ip addr del " ADDR4 "/32 dev lo");
	ok(read_news(fd, &s) == 1 && !s.last[0].added, "removing it is told");
	ok(!protected(ADDR4), "and " ADDR4 " is no longer protected");
	close(fd);
	return tap_done();
}
