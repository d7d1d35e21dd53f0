/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The socket sensor's object loaded as the loader sizes it: one region of
 * per-source slots per CPU (bpf/src_stats.h), for tests and benchmarks that
 * load the skeleton themselves.
 */
#ifndef GATEHAWK_TEST_SOCK_LOAD_H
#define GATEHAWK_TEST_SOCK_LOAD_H

#include <bpf/libbpf.h>

#include "gatehawk/sources.h"
#include "sock_http.skel.h"

/* The loaded skeleton, or NULL. */
static inline struct sock_http_bpf *sock_http_load(void)
{
	int ncpu = libbpf_num_possible_cpus();
	struct sock_http_bpf *skel = sock_http_bpf__open();

	if (skel && (ncpu <= 0 ||
		     bpf_map__set_max_entries(skel->maps.src_http_slots,
					      GH_SRC_SLOTS * (__u32)ncpu) ||
		     sock_http_bpf__load(skel))) {
		sock_http_bpf__destroy(skel);
		skel = NULL;
	}
	return skel;
}

#endif /* GATEHAWK_TEST_SOCK_LOAD_H */
