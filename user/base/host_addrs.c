// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <ifaddrs.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "base/host_addrs.h"

#define MAX_HOST_ADDRS 256

static struct gh_cidr protected_nets[MAX_HOST_ADDRS];
static size_t n_protected;
static bool loaded;

static void add_protected(const char *cidr)
{
	if (n_protected < MAX_HOST_ADDRS && !gh_cidr_parse_masked(cidr, &protected_nets[n_protected]))
		n_protected++;
}

static void load_host_addrs(void)
{
	struct ifaddrs *ifa_list, *ifa;

	loaded = true;
	add_protected("127.0.0.0/8");
	add_protected("::1");
	if (getifaddrs(&ifa_list))
		return;
	for (ifa = ifa_list; ifa && n_protected < MAX_HOST_ADDRS; ifa = ifa->ifa_next) {
		struct gh_cidr *c = &protected_nets[n_protected];
		int family = ifa->ifa_addr ? ifa->ifa_addr->sa_family : 0;

		if (family == AF_INET)
			gh_addr_from_bytes(&c->addr, AF_INET,
					   &((struct sockaddr_in *)ifa->ifa_addr)->sin_addr);
		else if (family == AF_INET6)
			gh_addr_from_bytes(&c->addr, AF_INET6,
					   &((struct sockaddr_in6 *)ifa->ifa_addr)->sin6_addr);
		else
			continue;
		c->prefixlen = gh_addr_bits(&c->addr);
		n_protected++;
	}
	freeifaddrs(ifa_list);
}

bool gh_covers_protected(const struct gh_cidr *c, char *why, size_t len)
{
	if (!loaded)
		load_host_addrs();
	for (size_t i = 0; i < n_protected; i++) {
		if (!gh_cidr_overlaps(c, &protected_nets[i]))
			continue;
		gh_cidr_format(&protected_nets[i], why, len);
		return true;
	}
	return false;
}
