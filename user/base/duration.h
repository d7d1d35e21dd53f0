/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Durations as operators write them: 30s, 10m, 2h, 7d, or sums like 1h30m. */
#ifndef GATEHAWK_DURATION_H
#define GATEHAWK_DURATION_H

#include <stddef.h>
#include <stdint.h>

/* Upper bound accepted anywhere: ten years, far below any overflow. */
#define GH_DURATION_MAX_S (10ULL * 365 * 86400)

/* Whole string or -EINVAL; 0s is allowed, callers that need > 0 check. */
int gh_duration_parse(const char *s, uint64_t *seconds);
/* Largest units first, e.g. "1h30m", "45s", "0s". */
void gh_duration_format(uint64_t seconds, char *buf, size_t len);

#endif /* GATEHAWK_DURATION_H */
