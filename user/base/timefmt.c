// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <stdio.h>
#include <time.h>

#include "base/clock.h"

void gh_format_rfc3339(uint64_t ts_ns, char *buf, size_t len)
{
	time_t secs = (time_t)(ts_ns / 1000000000ULL);
	unsigned ms = (unsigned)(ts_ns % 1000000000ULL / 1000000ULL);
	struct tm tm;

	gmtime_r(&secs, &tm);
	snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d.%03uZ", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
}
