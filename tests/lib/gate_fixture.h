/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A host's gate maps without a gate: the maps of the XDP skeleton, created
 * (programs not loaded, nothing pinned: they go away with the process), so
 * entries are checked where the XDP program would read them, and a test or
 * a benchmark can run many "hosts" side by side, each with its own maps and
 * lock directory. Needs CAP_BPF; the caller skips its checks when
 * gate_fixture_open() fails.
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

/*
 * gate_fixture_prepare(), then sizes set on f->skel->maps as the test needs
 * (a small map is quick to fill), then gate_fixture_load(); or both at once
 * with gate_fixture_open().
 */
static inline int gate_fixture_prepare(struct gate_fixture *f)
{
	struct bpf_program *prog;

	memset(f, 0, sizeof(*f));
	gate_maps_init(&f->maps); /* every fd -1: closing a fixture that failed closes nothing */
	snprintf(f->lock_dir, sizeof(f->lock_dir), "/tmp/gh-gate-XXXXXX");
	if (!mkdtemp(f->lock_dir))
		return -errno;
	f->skel = xdp_gate_bpf__open();
	if (!f->skel)
		return -errno;
	bpf_object__for_each_program(prog, f->skel->obj)
		bpf_program__set_autoload(prog, false);
	return 0;
}

/* The maps created; the library's own lookup of each by name (gate_maps.h), fds duplicated. */
static inline int gate_fixture_load(struct gate_fixture *f)
{
	return xdp_gate_bpf__load(f->skel) ?:
	       gate_maps_from_object(f->skel->obj, f->lock_dir, &f->maps);
}

/* max_allows: entries of each allow trie (0: the program's own size). */
static inline int gate_fixture_open(struct gate_fixture *f, uint32_t max_blocks,
				    uint32_t max_allows)
{
	int err = gate_fixture_prepare(f);

	if (err)
		return err;
	if (max_blocks) {
		bpf_map__set_max_entries(f->skel->maps.block_host4, max_blocks);
		bpf_map__set_max_entries(f->skel->maps.block_host6, max_blocks);
		bpf_map__set_max_entries(f->skel->maps.block_net4, max_blocks);
		bpf_map__set_max_entries(f->skel->maps.block_net6, max_blocks);
	}
	if (max_allows) {
		bpf_map__set_max_entries(f->skel->maps.allow_net4, max_allows);
		bpf_map__set_max_entries(f->skel->maps.allow_net6, max_allows);
	}
	return gate_fixture_load(f);
}

static inline void gate_fixture_close(struct gate_fixture *f)
{
	gate_maps_close(&f->maps);
	xdp_gate_bpf__destroy(f->skel);
	f->skel = NULL;
	if (f->lock_dir[0])
		rmdir(f->lock_dir);
}

#endif /* GATEHAWK_TEST_GATE_FIXTURE_H */
