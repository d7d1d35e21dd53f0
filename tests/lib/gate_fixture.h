/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A host's gate maps without a gate: the maps of the XDP skeleton, created
 * (programs not loaded, nothing pinned: they go with the process), so a
 * test or a benchmark can run many "hosts" side by side, each with its own
 * maps and its own lock directory. Needs CAP_BPF.
 */
#ifndef GATEHAWK_TEST_GATE_FIXTURE_H
#define GATEHAWK_TEST_GATE_FIXTURE_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/libbpf.h>

#include "kernel/gate_maps.h"
#include "xdp_gate.skel.h"

struct gate_fixture {
	struct xdp_gate_bpf *skel;
	struct gate_maps maps;
	char lock_dir[32]; /* only flock'ed */
};

/* Maps of max_blocks entries each; 0 or a negative errno. */
static inline int gate_fixture_open(struct gate_fixture *g, uint32_t max_blocks)
{
	struct bpf_program *prog;
	int err;

	memset(g, 0, sizeof(*g));
	gate_maps_init(&g->maps);
	snprintf(g->lock_dir, sizeof(g->lock_dir), "/tmp/gh-gatefix-XXXXXX");
	if (!mkdtemp(g->lock_dir))
		return -errno;
	g->skel = xdp_gate_bpf__open();
	if (!g->skel)
		return -errno;
	bpf_object__for_each_program(prog, g->skel->obj)
		bpf_program__set_autoload(prog, false);
	bpf_map__set_max_entries(g->skel->maps.block_host4, max_blocks);
	bpf_map__set_max_entries(g->skel->maps.block_host6, max_blocks);
	bpf_map__set_max_entries(g->skel->maps.block_net4, max_blocks);
	bpf_map__set_max_entries(g->skel->maps.block_net6, max_blocks);
	err = xdp_gate_bpf__load(g->skel);
	if (err)
		return err;
	g->maps.block_host4 = bpf_map__fd(g->skel->maps.block_host4);
	g->maps.block_host6 = bpf_map__fd(g->skel->maps.block_host6);
	g->maps.block_net4 = bpf_map__fd(g->skel->maps.block_net4);
	g->maps.block_net6 = bpf_map__fd(g->skel->maps.block_net6);
	g->maps.allow_net4 = bpf_map__fd(g->skel->maps.allow_net4);
	g->maps.allow_net6 = bpf_map__fd(g->skel->maps.allow_net6);
	g->maps.reasons = bpf_map__fd(g->skel->maps.reasons);
	g->maps.stats = bpf_map__fd(g->skel->maps.gate_stats);
	g->maps.config = bpf_map__fd(g->skel->maps.gate_config);
	g->maps.max_blocks = max_blocks;
	g->maps.pin_dir = g->lock_dir;
	return 0;
}

static inline void gate_fixture_close(struct gate_fixture *g)
{
	xdp_gate_bpf__destroy(g->skel);
	g->skel = NULL;
	if (g->lock_dir[0])
		rmdir(g->lock_dir);
}

#endif /* GATEHAWK_TEST_GATE_FIXTURE_H */
