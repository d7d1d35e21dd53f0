/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The one decimal parser: option values, log fields and header values all
 * read numbers here. Digits only (no sign, no space, no base prefix); leading
 * zeros are fine.
 */
#ifndef GATEHAWK_BASE_NUMBER_H
#define GATEHAWK_BASE_NUMBER_H

#include <stddef.h>
#include <stdint.h>

/* n bytes at p: 0, -EINVAL (empty or not a digit), -ERANGE (above max). */
int gh_parse_u64n(const char *p, size_t n, uint64_t max, uint64_t *out);
/* The whole NUL-terminated string s, as gh_parse_u64n; NULL is -EINVAL. */
int gh_parse_u64(const char *s, uint64_t max, uint64_t *out);

#endif /* GATEHAWK_BASE_NUMBER_H */
