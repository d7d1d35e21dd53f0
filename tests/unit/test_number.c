// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The decimal parser: the limits of 64 bits and of max, on both sides of
 * the 19 digits it reads unchecked, leading zeros past them, and what is
 * not a number.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "base/number.h"
#include "tap.h"

static int parse(const char *s, uint64_t max, uint64_t *v)
{
	*v = 7; /* untouched on error */
	return gh_parse_u64n(s, strlen(s), max, v);
}

int main(void)
{
	uint64_t v;

	ok(!parse("0", UINT64_MAX, &v) && v == 0, "0");
	ok(!parse("404", 999, &v) && v == 404, "a status");
	ok(!parse("18446744073709551615", UINT64_MAX, &v) && v == UINT64_MAX, "UINT64_MAX");
	ok_eq(parse("18446744073709551616", UINT64_MAX, &v), -ERANGE, "UINT64_MAX + 1");
	ok_eq(parse("99999999999999999999", UINT64_MAX, &v), -ERANGE, "20 nines");
	ok_eq(parse("184467440737095516150", UINT64_MAX, &v), -ERANGE, "21 digits");
	ok(!parse("9999999999999999999", UINT64_MAX, &v) && v == 9999999999999999999ULL,
	   "19 nines: the most read unchecked");
	ok(!parse("000000000000000000000000042", UINT64_MAX, &v) && v == 42,
	   "leading zeros past 19 digits");
	ok(!parse("255", 255, &v) && v == 255, "max itself");
	ok_eq(parse("256", 255, &v), -ERANGE, "max + 1");
	ok_eq(v, 7, "... leaves the output alone");
	ok_eq(parse("99999999999999999999x", UINT64_MAX, &v), -EINVAL,
	      "a non-digit after an overflow");
	ok_eq(parse("12a", UINT64_MAX, &v), -EINVAL, "a non-digit");
	ok_eq(parse("", UINT64_MAX, &v), -EINVAL, "empty");
	ok_eq(parse("-1", UINT64_MAX, &v), -EINVAL, "a sign");
	ok_eq(gh_parse_u64(NULL, 1, &v), -EINVAL, "NULL");
	return tap_done();
}
