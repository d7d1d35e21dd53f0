// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/duration.h"

static const struct {
	char suffix;
	uint64_t seconds;
} units[] = {
	{ 'd', 86400 },
	{ 'h', 3600 },
	{ 'm', 60 },
	{ 's', 1 },
};

static uint64_t unit_seconds(char c)
{
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (units[i].suffix == c)
			return units[i].seconds;
	return 0;
}

int gh_duration_parse(const char *s, uint64_t *seconds)
{
	uint64_t total = 0;

	if (!s || !*s)
		return -EINVAL;
	while (*s) {
		uint64_t n = 0, mult;
		int digits = 0;

		for (; *s >= '0' && *s <= '9'; s++, digits++) {
			n = n * 10 + (uint64_t)(*s - '0');
			if (n > GH_DURATION_MAX_S)
				return -ERANGE;
		}
		mult = unit_seconds(*s);
		if (!digits || !mult)
			return -EINVAL;
		s++;
		total += n * mult;
		if (total > GH_DURATION_MAX_S)
			return -ERANGE;
	}
	*seconds = total;
	return 0;
}

void gh_duration_format(uint64_t seconds, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]) && used < len; i++) {
		uint64_t n = seconds / units[i].seconds;

		if (!n)
			continue;
		seconds -= n * units[i].seconds;
		used += (size_t)snprintf(buf + used, len - used, "%llu%c", (unsigned long long)n,
					 units[i].suffix);
	}
	if (!buf[0])
		snprintf(buf, len, "0s");
}
