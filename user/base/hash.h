/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* One fast seeded hash for every table: regex memo, distinct values, group keys, address sets. */
#ifndef GATEHAWK_HASH_H
#define GATEHAWK_HASH_H

#include <stddef.h>
#include <stdint.h>

/* 64-bit hash of bytes; never 0 (callers use 0 for "no value"). */
uint64_t gh_hash_bytes(const void *p, size_t len, uint64_t seed);

#endif /* GATEHAWK_HASH_H */
