// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <string.h>

#include "base/hash.h"

#define K0 0xa0761d6478bd642fULL
#define K1 0xe7037ed1a0b428dbULL
#define K2 0x8ebc6af09c88c6e3ULL

static inline uint64_t mix(uint64_t a, uint64_t b)
{
	__uint128_t r = (__uint128_t)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t load64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* wyhash-style: 16 bytes per multiply, both operands data-dependent. */
uint64_t gh_hash_bytes(const void *data, size_t len, uint64_t seed)
{
	const uint8_t *p = data;
	uint64_t h = seed ^ K0, a = 0, b = 0;
	size_t n = len;

	for (; n > 16; n -= 16, p += 16)
		h = mix(load64(p) ^ K1, load64(p + 8) ^ h);
	if (n > 8) {
		a = load64(p);
		memcpy(&b, p + 8, n - 8);
	} else if (n) {
		memcpy(&a, p, n);
	}
	h = mix(K2 ^ len, mix(a ^ K1, b ^ h));
	return h ? h : 1;
}
