/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Load the socket-level HTTP sensor over the shared pins and attach its
 * three programs to a cgroup v2 through pinned links (ingress, egress,
 * sock_ops), so the exact per-source counters keep counting while the
 * daemon restarts. Ports and sample rate live in the pinned config map.
 */
#ifndef GATEHAWK_SENSOR_LOADER_H
#define GATEHAWK_SENSOR_LOADER_H

#include <stdint.h>

#include "base/err.h"
#include "gatehawk/sensor.h"
#include "kernel/pins.h"

#define GH_DEFAULT_HTTP_PORTS "80,8080"

struct sensor_tunables {
	uint16_t ports[GH_MAX_HTTP_PORTS];
	uint32_t n_ports;
	uint32_t sample_rate; /* 1 in N heads sampled; 0 = none */
};

struct sensor_opts {
	const char *pin_dir;
	const char *cgroup; /* NULL: the root of the cgroup2 mount */
	struct sensor_tunables tun;
	struct gh_map_sizes sizes;
};

/* 0 or negative errno; e (may be NULL) says why, and carries notes on success too. */
int sensor_attach(const struct sensor_opts *o, struct gh_err *e);
/* Write ports and sample rate to the pinned config map: no reload needed. */
int sensor_set_tunables(const char *pin_dir, const struct sensor_tunables *t);
int sensor_get_tunables(const char *pin_dir, struct sensor_tunables *t);
/* The pinned config map, kept open to follow `gatehawk tune`: an fd or negative errno. */
int sensor_config_open(const char *pin_dir);
/* The sample rate in force (1 in N; 0 = none) from the map sensor_config_open() gave. */
int sensor_read_sample_rate(int cfg_fd, uint32_t *rate);
/* "80,8080" -> ports; -EINVAL (an input error in e) on anything else. */
int sensor_parse_ports(const char *s, struct sensor_tunables *t, struct gh_err *e);
/* Mount point of the cgroup2 hierarchy, from /proc/mounts. */
int gh_cgroup2_root(char *buf, size_t len);

#endif /* GATEHAWK_SENSOR_LOADER_H */
