/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A policy's fixtures run for real: each fixture's lines are parsed as
 * access-log lines (any format replay detects by itself) and fed in order to
 * a fresh engine over the whole set, as `gatehawk replay` would; what counts
 * is how often the fixture's own policy fired.
 */
#ifndef GATEHAWK_ENGINE_POLICY_TEST_H
#define GATEHAWK_ENGINE_POLICY_TEST_H

#include <stddef.h>
#include <stdint.h>

#include "engine/policy.h"

struct fixture_result {
	uint64_t fired;  /* verdicts of the fixture's policy */
	size_t bad_line; /* first line (from 1) that did not parse; 0: all parsed */
	int file_err;    /* {"file": ...} could not be read (negative errno), or is
			  * no regular file of 1 to POLICY_MAX_FIXTURE_LINES lines (-EINVAL) */
};

/* 0, or -ENOMEM. p is one of set's policies, f one of p's fixtures. */
int policy_fixture_run(const struct policy_set *set, const struct policy *p,
		       const struct policy_fixture *f, struct fixture_result *out);

#endif /* GATEHAWK_ENGINE_POLICY_TEST_H */
