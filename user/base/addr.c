// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/number.h"
#include "base/addr.h"

int gh_addr_parse(const char *s, struct gh_addr *out)
{
	memset(out, 0, sizeof(*out));
	if (!s)
		return -EINVAL;
	if (inet_pton(AF_INET, s, out->bytes) == 1) {
		out->family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, s, out->bytes) == 1) {
		out->family = AF_INET6;
		return 0;
	}
	return -EINVAL;
}

void gh_addr_from_bytes(struct gh_addr *a, int family, const void *bytes)
{
	memset(a, 0, sizeof(*a));
	a->family = (uint8_t)family;
	memcpy(a->bytes, bytes, gh_addr_len(a));
}

void gh_addr_mask(struct gh_addr *a, unsigned int prefixlen)
{
	size_t len = gh_addr_len(a);

	for (size_t i = 0; i < len; i++) {
		unsigned int bit = (unsigned int)i * 8;

		if (bit >= prefixlen)
			a->bytes[i] = 0;
		else if (prefixlen - bit < 8)
			a->bytes[i] &= (uint8_t)(0xff << (8 - (prefixlen - bit)));
	}
}

bool gh_addr_equal(const struct gh_addr *a, const struct gh_addr *b)
{
	return a->family == b->family && !memcmp(a->bytes, b->bytes, gh_addr_len(a));
}

static int cidr_parse(const char *s, struct gh_cidr *out, bool mask)
{
	char buf[GH_CIDR_STRLEN + 1];
	const char *slash;
	struct gh_addr masked;
	uint64_t plen;
	size_t alen;

	memset(out, 0, sizeof(*out));
	if (!s || strlen(s) > GH_CIDR_STRLEN)
		return -EINVAL;
	slash = strchr(s, '/');
	alen = slash ? (size_t)(slash - s) : strlen(s);
	memcpy(buf, s, alen);
	buf[alen] = '\0';
	if (gh_addr_parse(buf, &out->addr))
		return -EINVAL;
	plen = gh_addr_bits(&out->addr);
	if (slash && gh_parse_u64(slash + 1, gh_addr_bits(&out->addr), &plen))
		return -EINVAL;
	out->prefixlen = (uint8_t)plen;
	masked = out->addr;
	gh_addr_mask(&masked, out->prefixlen);
	if (!mask && !gh_addr_equal(&masked, &out->addr))
		return -EINVAL;
	out->addr = masked;
	return 0;
}

int gh_cidr_parse(const char *s, struct gh_cidr *out)
{
	return cidr_parse(s, out, false);
}

int gh_cidr_parse_masked(const char *s, struct gh_cidr *out)
{
	return cidr_parse(s, out, true);
}

void gh_addr_format(const struct gh_addr *a, char *buf, size_t len)
{
	if (!inet_ntop(a->family, a->bytes, buf, (socklen_t)len))
		snprintf(buf, len, "?");
}

void gh_cidr_format(const struct gh_cidr *c, char *buf, size_t len)
{
	char addr[INET6_ADDRSTRLEN];

	gh_addr_format(&c->addr, addr, sizeof(addr));
	if (c->prefixlen == gh_addr_bits(&c->addr))
		snprintf(buf, len, "%s", addr);
	else
		snprintf(buf, len, "%s/%u", addr, c->prefixlen);
}

bool gh_cidr_contains(const struct gh_cidr *c, const struct gh_addr *a)
{
	struct gh_addr m = *a;

	if (a->family != c->addr.family)
		return false;
	gh_addr_mask(&m, c->prefixlen);
	return gh_addr_equal(&m, &c->addr);
}

bool gh_cidr_overlaps(const struct gh_cidr *a, const struct gh_cidr *b)
{
	return a->prefixlen <= b->prefixlen ? gh_cidr_contains(a, &b->addr)
					    : gh_cidr_contains(b, &a->addr);
}
