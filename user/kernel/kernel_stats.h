/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Everything the kernel side counts, gathered in one place for `stats`,
 * `status` and the daemon's metrics: the gate's and the sensor's global
 * counters summed over CPUs, the per-source table's size and evictions,
 * the block, allow and throttle entries in force, and the BPF programs' run time
 * (kernel.bpf_stats_enabled).
 */
#ifndef GATEHAWK_KERNEL_STATS_H
#define GATEHAWK_KERNEL_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "gatehawk/gate.h"
#include "gatehawk/sensor.h"
#include "kernel/gate_maps.h"

struct gh_err;

struct kernel_stats {
	struct gate_stats gate;
	bool has_sensor;   /* its maps exist once `run` has loaded it */
	struct sensor_stats sensor;
	bool has_sources;  /* src_http_slots is pinned */
	uint64_t sources_tracked; /* slots in use, gate's + sensor's */
	uint64_t sources_evicted; /* idle slots taken over, gate's + sensor's */
	uint64_t sources_displaced; /* gate slots taken from the lightest of a busy window */
	uint64_t sources_displaced_packets; /* the counts those sources had, moved out */
	uint64_t sources_unslotted_packets; /* passed, in no source's slot */
	uint64_t sources_unslotted_requests; /* sensor requests counted in no source's slot */
};

/*
 * Read them through the open gate maps m (m->pin_dir names the sensor's
 * and the sources' pins). Sensor and sources are optional: their absence
 * only clears has_*. e says what failed.
 */
int kernel_stats_read(struct gate_maps *m, struct kernel_stats *out, struct gh_err *e);

/* Block, allow and throttle entries; expired blocks wait for GC but drop nothing. */
struct gate_entry_counts {
	uint64_t blocks_automatic;    /* in force, written by a policy */
	uint64_t blocks_manual;       /* in force, written by `gatehawk block` */
	uint64_t blocks_expired;
	uint64_t allows;
	uint64_t max_blocks;          /* entries each block map holds */
	uint64_t throttles_automatic; /* in force, written by a policy */
	uint64_t throttles_manual;    /* in force, written by `gatehawk throttle` */
};

int gate_entries_count(struct gate_maps *m, uint64_t now_ns, struct gate_entry_counts *out);

/* One BPF program behind the pinned links of a pin directory. */
struct bpf_prog_stat {
	char name[16]; /* BPF_OBJ_NAME_LEN */
	uint32_t id;
	uint64_t run_time_ns; /* both 0 unless kernel.bpf_stats_enabled */
	uint64_t run_cnt;
};

#define GH_MAX_PROG_STATS 32

/*
 * The programs of every pinned link under pin_dir, each once: *n fds (at
 * most max and GH_MAX_PROG_STATS), for the caller to close. A program is
 * opened by id, which takes CAP_SYS_ADMIN: the daemon opens them before it
 * gives up its capabilities (daemon/service.h); without, *n is 0.
 */
int bpf_prog_fds_open(const char *pin_dir, int *fds, int max, int *n);
/* Each program's name, id and run statistics now (*n of at most n_fds). */
void bpf_prog_stats_read(const int *fds, int n_fds, struct bpf_prog_stat *out, int *n);
/* Whether kernel.bpf_stats_enabled is on (run time and counts are kept). */
bool bpf_stats_enabled(void);

#endif /* GATEHAWK_KERNEL_STATS_H */
