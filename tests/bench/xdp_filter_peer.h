/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * xdp-filter (Debian's xdp-tools) as the peer the gate is measured against.
 * run.sh loads it on a veth in a namespace of its own with its maps pinned
 * in a private bpffs; this file fills its address maps straight from C (the
 * xdp-filter CLI adds one address per process, far too slow for 10,000) and
 * opens the program attached to the veth.
 *
 * Map layout, from xdp-tools xdp-filter/xdpfilt_prog.h and
 * common_kern_user.h: filter_ipv4 (key __u32) and filter_ipv6 (key struct
 * in6_addr), both BPF_MAP_TYPE_PERCPU_HASH of 10,000 entries, addresses in
 * network order. Each per-CPU __u64 value holds MAP_FLAG_* bits below
 * COUNTER_SHIFT and a hit counter above; the CLI writes the same flags to
 * every CPU, and so do we.
 */
#ifndef GATEHAWK_BENCH_XDP_FILTER_PEER_H
#define GATEHAWK_BENCH_XDP_FILTER_PEER_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "kernel/map_iter.h"
#include "kernel/pins.h"

#define XDPF_MAP_FLAG_SRC (1ULL << 0) /* match the packet's source address */
#define XDPF_MAX_ENTRIES 10000        /* max_entries of each address map */

struct xdpf_peer {
	int map4;
	int map6;
	int prog_fd;
	char prog_name[BPF_OBJ_NAME_LEN];
	/* libxdp's multi-program dispatcher, rather than xdp-filter's own program */
	bool dispatcher;
};

static void xdpf_init(struct xdpf_peer *p)
{
	memset(p, 0, sizeof(*p));
	p->map4 = p->map6 = p->prog_fd = -1;
}

static void xdpf_close(struct xdpf_peer *p)
{
	int fds[] = { p->map4, p->map6, p->prog_fd };

	for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		if (fds[i] >= 0)
			close(fds[i]);
	xdpf_init(p);
}

/* A pinned address map, refused unless it has the layout described above. */
static int xdpf_open_map(const char *dir, const char *name, uint32_t key_size)
{
	struct map_shape s;
	int fd = gh_pin_open(dir, name), err;

	if (fd < 0)
		return fd;
	err = map_shape_get(fd, &s);
	if (!err && (s.type != BPF_MAP_TYPE_PERCPU_HASH || s.key_size != key_size))
		err = -EPROTO;
	if (err) {
		close(fd);
		return err;
	}
	return fd;
}

/* Open the maps pinned under map_dir and the program with id prog_id. */
static int xdpf_open(struct xdpf_peer *p, const char *map_dir, uint32_t prog_id)
{
	struct bpf_prog_info info = {};
	__u32 len = sizeof(info);

	p->map4 = xdpf_open_map(map_dir, "filter_ipv4", 4);
	if (p->map4 < 0)
		return p->map4;
	p->map6 = xdpf_open_map(map_dir, "filter_ipv6", 16);
	if (p->map6 < 0)
		return p->map6;
	p->prog_fd = bpf_prog_get_fd_by_id(prog_id);
	if (p->prog_fd < 0)
		return -errno;
	if (bpf_obj_get_info_by_fd(p->prog_fd, &info, &len))
		return -errno;
	memcpy(p->prog_name, info.name, sizeof(p->prog_name));
	p->dispatcher = !strcmp(info.name, "xdp_dispatcher");
	return 0;
}

/* Add n source-address entries; keys are n packed 4- or 16-byte addresses. */
static int xdpf_add(struct xdpf_peer *p, int family, const void *keys, uint32_t n)
{
	int ncpus = libbpf_num_possible_cpus();
	size_t nvals;
	__u64 *vals;
	__u32 count = n;
	int err = 0;

	if (ncpus < 0)
		return ncpus;
	nvals = (size_t)n * (size_t)ncpus;
	vals = malloc(nvals * sizeof(*vals));
	if (!vals)
		return -ENOMEM;
	for (size_t i = 0; i < nvals; i++)
		vals[i] = XDPF_MAP_FLAG_SRC;
	if (bpf_map_update_batch(family == AF_INET ? p->map4 : p->map6, keys, vals, &count, NULL))
		err = -errno;
	free(vals);
	return err;
}

#endif /* GATEHAWK_BENCH_XDP_FILTER_PEER_H */
