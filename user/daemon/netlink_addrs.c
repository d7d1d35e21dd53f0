// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "base/host_addrs.h"
#include "daemon/netlink_addrs.h"

int netlink_addrs_open(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK,
				  .nl_groups = RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, NETLINK_ROUTE);

	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

/* The address of an RTM_NEWADDR/DELADDR: IFA_LOCAL on point-to-point links, else IFA_ADDRESS. */
static bool parse_addr(const struct nlmsghdr *h, struct addr_change *c)
{
	const struct ifaddrmsg *ifa = NLMSG_DATA(h);
	int len = (int)IFA_PAYLOAD(h);
	const void *addr = NULL;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*ifa)) ||
	    (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6))
		return false;
	for (const struct rtattr *rta = IFA_RTA(ifa); RTA_OK(rta, len); rta = RTA_NEXT(rta, len)) {
		size_t want = ifa->ifa_family == AF_INET ? 4 : 16;

		if (RTA_PAYLOAD(rta) < want)
			continue;
		if (rta->rta_type == IFA_LOCAL || (rta->rta_type == IFA_ADDRESS && !addr))
			addr = RTA_DATA(rta);
	}
	if (!addr)
		return false;
	c->added = h->nlmsg_type == RTM_NEWADDR;
	c->ifindex = (int)ifa->ifa_index;
	gh_addr_from_bytes(&c->addr, ifa->ifa_family, addr);
	return true;
}

int netlink_addrs_read(int fd, void (*fn)(const struct addr_change *c, void *ctx), void *ctx)
{
	char buf[16384] __attribute__((aligned(NLMSG_ALIGNTO)));
	int changes = 0;

	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		struct nlmsghdr *h;

		if (n < 0) {
			if (errno == EAGAIN || errno == EINTR)
				break;
			/* ENOBUFS: messages were lost; whatever they said, reread. */
			gh_protected_changed();
			return -errno;
		}
		/* NLMSG_OK/NEXT, without their signed-unsigned comparisons. */
		for (size_t off = 0; off + sizeof(*h) <= (size_t)n; off += NLMSG_ALIGN(h->nlmsg_len)) {
			struct addr_change c;

			h = (struct nlmsghdr *)(buf + off);
			if (h->nlmsg_len < sizeof(*h) || off + h->nlmsg_len > (size_t)n)
				break;
			if ((h->nlmsg_type != RTM_NEWADDR && h->nlmsg_type != RTM_DELADDR) ||
			    !parse_addr(h, &c))
				continue;
			gh_protected_changed();
			changes++;
			if (fn)
				fn(&c, ctx);
		}
	}
	return changes;
}

struct serve_ctx {
	void (*log)(void *ctx, const char *line);
	void *ctx;
};

static void log_change(const struct addr_change *c, void *ctx)
{
	const struct serve_ctx *s = ctx;
	char addr[GH_CIDR_STRLEN], ifname[IF_NAMESIZE], line[160];

	gh_addr_format(&c->addr, addr, sizeof(addr));
	if (!if_indextoname((unsigned int)c->ifindex, ifname))
		snprintf(ifname, sizeof(ifname), "#%d", c->ifindex);
	snprintf(line, sizeof(line), "gatehawk: address %s %s %s: %s", addr,
		 c->added ? "added on" : "removed from", ifname,
		 c->added ? "protected from now on" : "no longer protected");
	s->log(s->ctx, line);
}

void netlink_addrs_serve(int fd, void (*log)(void *ctx, const char *line), void *ctx)
{
	struct serve_ctx s = { log, ctx };

	netlink_addrs_read(fd, log ? log_change : NULL, &s);
}
