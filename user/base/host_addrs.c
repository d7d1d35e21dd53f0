// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <ifaddrs.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "base/host_addrs.h"
#include "base/vec.h"

/* Route flag of an entry through a next hop (linux/route.h RTF_GATEWAY). */
#define ROUTE_F_GATEWAY 0x0002

enum protected_kind { KIND_LOOPBACK, KIND_OWN, KIND_GATEWAY, KIND_RESOLVER, KIND_CONFIGURED };

static const char *const kind_names[] = { "loopback", "this host's address", "gateway",
					  "resolver", "--protect" };

struct protected_net {
	struct gh_cidr cidr;
	enum protected_kind kind;
};

struct protected_list {
	struct protected_net *items;
	size_t n, cap;
};

static const struct protected_sources system_sources = {
	.route4 = "/proc/net/route",
	.route6 = "/proc/net/ipv6_route",
	/* Behind systemd-resolved the first names 127.0.0.53, the second the upstreams. */
	.resolv_conf = { "/etc/resolv.conf", "/run/systemd/resolve/resolv.conf" },
};

static struct protected_list host_nets;       /* reread every GH_PROTECTED_REFRESH_S */
static struct protected_list configured_nets; /* gh_protect_add, kept */
static const struct protected_sources *sources = &system_sources;
static uint64_t loaded_ns;
static bool loaded;

static int list_add(struct protected_list *l, const struct gh_cidr *c, enum protected_kind kind)
{
	if (gh_vec_reserve((void **)&l->items, &l->cap, l->n, sizeof(*l->items), 16))
		return -ENOMEM;
	l->items[l->n++] = (struct protected_net){ *c, kind };
	return 0;
}

static void add_addr(int family, const void *bytes, enum protected_kind kind)
{
	struct gh_cidr c;

	gh_addr_from_bytes(&c.addr, family, bytes);
	c.prefixlen = gh_addr_bits(&c.addr);
	list_add(&host_nets, &c, kind);
}

static void add_own_addrs(void)
{
	struct ifaddrs *ifa_list, *ifa;

	if (getifaddrs(&ifa_list))
		return;
	for (ifa = ifa_list; ifa; ifa = ifa->ifa_next) {
		int family = ifa->ifa_addr ? ifa->ifa_addr->sa_family : 0;

		if (family == AF_INET)
			add_addr(AF_INET, &((struct sockaddr_in *)ifa->ifa_addr)->sin_addr, KIND_OWN);
		else if (family == AF_INET6)
			add_addr(AF_INET6, &((struct sockaddr_in6 *)ifa->ifa_addr)->sin6_addr,
				 KIND_OWN);
	}
	freeifaddrs(ifa_list);
}

/* /proc/net/route prints each address as the hex of its 32-bit word in host order. */
static void add_gateways4(const char *path)
{
	FILE *f = path ? fopen(path, "re") : NULL;
	char line[512];
	unsigned int gw, flags;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "%*s %*x %x %x", &gw, &flags) == 2 && gw &&
		    (flags & ROUTE_F_GATEWAY))
			add_addr(AF_INET, &gw, KIND_GATEWAY);
	if (f)
		fclose(f);
}

static bool hex_bytes(const char *hex, uint8_t *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned int b;

		if (sscanf(hex + 2 * i, "%2x", &b) != 1)
			return false;
		out[i] = (uint8_t)b;
	}
	return true;
}

/* /proc/net/ipv6_route: dest plen src plen next_hop metric refcnt use flags iface. */
static void add_gateways6(const char *path)
{
	static const uint8_t none[16];
	FILE *f = path ? fopen(path, "re") : NULL;
	char line[512], hop_hex[33];
	unsigned int flags;
	uint8_t hop[16];

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "%*s %*s %*s %*s %32s %*s %*s %*s %x", hop_hex, &flags) == 2 &&
		    strlen(hop_hex) == 32 && (flags & ROUTE_F_GATEWAY) &&
		    hex_bytes(hop_hex, hop, 16) && memcmp(hop, none, 16))
			add_addr(AF_INET6, hop, KIND_GATEWAY);
	if (f)
		fclose(f);
}

/* "nameserver ADDR", an IPv6 one possibly with a zone ("fe80::1%eth0"). */
static void add_resolvers(const char *path)
{
	FILE *f = path ? fopen(path, "re") : NULL;
	char line[512], addr[64];
	struct gh_cidr c;

	while (f && fgets(line, sizeof(line), f)) {
		if (sscanf(line, " nameserver %63s", addr) != 1)
			continue;
		addr[strcspn(addr, "%")] = '\0';
		if (!gh_addr_parse(addr, &c.addr)) {
			c.prefixlen = gh_addr_bits(&c.addr);
			list_add(&host_nets, &c, KIND_RESOLVER);
		}
	}
	if (f)
		fclose(f);
}

static void load_host_nets(void)
{
	struct gh_cidr c;

	host_nets.n = 0;
	if (!gh_cidr_parse("127.0.0.0/8", &c))
		list_add(&host_nets, &c, KIND_LOOPBACK);
	if (!gh_cidr_parse("::1", &c))
		list_add(&host_nets, &c, KIND_LOOPBACK);
	add_own_addrs();
	add_gateways4(sources->route4);
	add_gateways6(sources->route6);
	for (size_t i = 0; i < sizeof(sources->resolv_conf) / sizeof(sources->resolv_conf[0]); i++)
		add_resolvers(sources->resolv_conf[i]);
	loaded = true;
	loaded_ns = gh_boottime_ns();
}

static bool list_covers(const struct protected_list *l, const struct gh_cidr *c, char *why,
			size_t len)
{
	char cidr[GH_CIDR_STRLEN];

	for (size_t i = 0; i < l->n; i++) {
		if (!gh_cidr_overlaps(c, &l->items[i].cidr))
			continue;
		gh_cidr_format(&l->items[i].cidr, cidr, sizeof(cidr));
		snprintf(why, len, "%s %s", kind_names[l->items[i].kind], cidr);
		return true;
	}
	return false;
}

bool gh_covers_protected(const struct gh_cidr *c, char *why, size_t len)
{
	if (!loaded || gh_boottime_ns() - loaded_ns > GH_PROTECTED_REFRESH_S * 1000000000ULL)
		load_host_nets();
	return list_covers(&host_nets, c, why, len) || list_covers(&configured_nets, c, why, len);
}

int gh_protect_add(const struct gh_cidr *c)
{
	return list_add(&configured_nets, c, KIND_CONFIGURED);
}

void gh_protected_changed(void)
{
	loaded = false;
}

void gh_protected_use_sources(const struct protected_sources *s)
{
	sources = s ? s : &system_sources;
	loaded = false;
}
