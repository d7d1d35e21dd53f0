/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Time an XDP program with BPF_PROG_RUN. The kernel runs it `repeat` times
 * on one frame and reports the mean ns per run (whole ns, so figures move in
 * steps of 1). Callers run each program several times and keep the median,
 * so that one run disturbed by an interrupt or a busy sibling CPU does not
 * move the figure; programs compared with each other are best run in turns,
 * so that a slow spell hits all of them alike.
 */
#ifndef GATEHAWK_BENCH_RUN_H
#define GATEHAWK_BENCH_RUN_H

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bench_frame.h"

#define BENCH_REPEAT 1000000
/* A shorter first run fills caches and trains the branch predictor. */
#define BENCH_WARMUP_REPEAT 100000
#define BENCH_RUNS 5

static inline int bench_cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Sorts v. */
static inline uint32_t bench_median(uint32_t *v, size_t n)
{
	qsort(v, n, sizeof(v[0]), bench_cmp_u32);
	return v[n / 2];
}

/* One BPF_PROG_RUN: mean ns per run and the verdict. A signal ends it with -EINTR. */
static inline int bench_run_once(int prog_fd, const struct bench_frame *f, uint32_t repeat, uint32_t *ns,
			  uint32_t *verdict)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = f->data, .data_size_in = f->len,
		    .repeat = repeat);

	if (bpf_prog_test_run_opts(prog_fd, &opts))
		return -errno;
	*ns = opts.duration;
	*verdict = opts.retval;
	return 0;
}

#endif /* GATEHAWK_BENCH_RUN_H */
