/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Independent compile jobs (Hyperscan databases) on two threads: the
 * caller's and one helper, taking jobs in index order, so a policy set's
 * seconds of compiling take about half on two cores. Without the helper
 * (it could not start) the caller runs them all.
 */
#ifndef GATEHAWK_COMPILE_JOBS_H
#define GATEHAWK_COMPILE_JOBS_H

#include <stddef.h>

#include "base/err.h"

/*
 * Run job(ctx, i, err) for i in 0..n-1, each once, any two at a time; the
 * jobs must touch disjoint state. After a job fails no new one starts; the
 * first failure's return value and err are returned. 0 when all succeed.
 */
int compile_jobs_run(size_t n, int (*job)(void *ctx, size_t i, struct gh_err *err), void *ctx,
		     struct gh_err *err);

#endif /* GATEHAWK_COMPILE_JOBS_H */
