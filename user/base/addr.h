/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* IPv4/IPv6 addresses and CIDR prefixes: parse, format, compare. */
#ifndef GATEHAWK_ADDR_H
#define GATEHAWK_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

/* Longest text form: a full IPv6 address plus "/128". */
#define GH_CIDR_STRLEN 52

/* Bytes in network order; an IPv4 address uses bytes[0..3], the rest zero. */
struct gh_addr {
	uint8_t family; /* AF_INET or AF_INET6 */
	uint8_t bytes[16];
};

struct gh_cidr {
	struct gh_addr addr;
	uint8_t prefixlen;
};

/* Bytes an address of this family occupies: 4 or 16. */
static inline size_t gh_addr_len(const struct gh_addr *a)
{
	return a->family == AF_INET ? 4 : 16;
}

static inline uint8_t gh_addr_bits(const struct gh_addr *a)
{
	return (uint8_t)(gh_addr_len(a) * 8);
}

int gh_addr_parse(const char *s, struct gh_addr *out);
/* "A.B.C.D[/N]" or "X:Y::Z[/N]"; a bare address is /32 or /128. Host bits
 * beyond the prefix are refused (-EINVAL), as `ip route` does. */
int gh_cidr_parse(const char *s, struct gh_cidr *out);
/* Same, but masks host bits instead of refusing them. */
int gh_cidr_parse_masked(const char *s, struct gh_cidr *out);

void gh_addr_format(const struct gh_addr *a, char *buf, size_t len);
/* Bare address for a full-length prefix, "addr/len" otherwise. */
void gh_cidr_format(const struct gh_cidr *c, char *buf, size_t len);

/* Zero the bits after prefixlen. */
void gh_addr_mask(struct gh_addr *a, unsigned int prefixlen);
bool gh_addr_equal(const struct gh_addr *a, const struct gh_addr *b);
bool gh_cidr_contains(const struct gh_cidr *c, const struct gh_addr *a);
/* True when one prefix contains the other. */
bool gh_cidr_overlaps(const struct gh_cidr *a, const struct gh_cidr *b);
/* Build an address from raw network-order bytes of the given family. */
void gh_addr_from_bytes(struct gh_addr *a, int family, const void *bytes);

#endif /* GATEHAWK_ADDR_H */
