// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "base/number.h"

int gh_parse_u64n(const char *p, size_t n, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	bool over = false;

	if (!n)
		return -EINVAL;
	for (size_t i = 0; i < n; i++) {
		unsigned int d = (unsigned char)p[i] - '0';

		if (d > 9)
			return -EINVAL;
		/*
		 * 19 digits fit 64 bits unchecked (every log line's status and
		 * bytes come through here); past them, a checked multiply and
		 * add. Keep scanning after an overflow: a later non-digit is
		 * -EINVAL.
		 */
		if (i < 19)
			v = v * 10 + d;
		else
			over = over || __builtin_mul_overflow(v, 10, &v) ||
			       __builtin_add_overflow(v, d, &v);
	}
	if (over || v > max)
		return -ERANGE;
	*out = v;
	return 0;
}

int gh_parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	return s ? gh_parse_u64n(s, strlen(s), max, out) : -EINVAL;
}
