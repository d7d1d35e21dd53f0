// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "base/number.h"
#include "base/err.h"
#include "kernel/sensor_loader.h"
#include "sock_http.skel.h"

int gh_cgroup2_root(char *buf, size_t len)
{
	FILE *f = setmntent("/proc/mounts", "r");
	struct mntent *m;
	int err = -ENOENT;

	if (!f)
		return -errno;
	while ((m = getmntent(f))) {
		if (strcmp(m->mnt_type, "cgroup2"))
			continue;
		snprintf(buf, len, "%s", m->mnt_dir);
		err = 0;
		break;
	}
	endmntent(f);
	return err;
}

int sensor_parse_ports(const char *s, struct sensor_tunables *t, struct gh_err *e)
{
	char buf[128], *rest = buf, *tok;

	t->n_ports = 0;
	if (strlen(s) >= sizeof(buf))
		return gh_err_input(e, "--ports: expected a list such as 80,8080");
	snprintf(buf, sizeof(buf), "%s", s);
	/* strsep, not strtok: an empty item ("80,", ",80", "80,,8080") is an
	 * error, not something to skip. */
	while ((tok = strsep(&rest, ","))) {
		uint64_t port;

		if (!*tok)
			return gh_err_input(e, "--ports: empty item in '%s'; expected a list such as "
					    "80,8080", s);
		if (gh_parse_u64(tok, 65535, &port) || !port)
			return gh_err_input(e, "--ports: expected port numbers 1-65535, got '%s'",
					    tok);
		for (unsigned int i = 0; i < t->n_ports; i++)
			if (t->ports[i] == port)
				return gh_err_input(e, "--ports: port %u given twice",
						    (unsigned int)port);
		if (t->n_ports >= GH_MAX_HTTP_PORTS)
			return gh_err_input(e, "--ports: at most %d ports", GH_MAX_HTTP_PORTS);
		t->ports[t->n_ports++] = (uint16_t)port;
	}
	if (!t->n_ports)
		return gh_err_input(e, "--ports: expected a list such as 80,8080");
	return 0;
}

int sensor_set_tunables(const char *pin_dir, const struct sensor_tunables *t)
{
	struct sensor_config cfg = { .flags = GH_SENSOR_F_ENABLED };
	__u32 zero = 0;
	int fd, err;

	fd = sensor_config_open(pin_dir);
	if (fd < 0)
		return fd;
	cfg.sample_rate = t->sample_rate;
	cfg.n_ports = t->n_ports;
	memcpy(cfg.ports, t->ports, sizeof(cfg.ports));
	err = bpf_map_update_elem(fd, &zero, &cfg, BPF_ANY) ? -errno : 0;
	close(fd);
	return err;
}

int sensor_config_open(const char *pin_dir)
{
	return gh_pin_open(pin_dir, "sensor_config");
}

static int read_config(int fd, struct sensor_config *cfg)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(fd, &zero, cfg) ? -errno : 0;
}

int sensor_read_sample_rate(int cfg_fd, uint32_t *rate)
{
	struct sensor_config cfg;
	int err = read_config(cfg_fd, &cfg);

	if (!err)
		*rate = cfg.sample_rate;
	return err;
}

int sensor_get_tunables(const char *pin_dir, struct sensor_tunables *t)
{
	struct sensor_config cfg;
	int fd, err;

	fd = sensor_config_open(pin_dir);
	if (fd < 0)
		return fd;
	err = read_config(fd, &cfg);
	close(fd);
	if (err)
		return err;
	t->sample_rate = cfg.sample_rate;
	t->n_ports = cfg.n_ports < GH_MAX_HTTP_PORTS ? cfg.n_ports : GH_MAX_HTTP_PORTS;
	memcpy(t->ports, cfg.ports, sizeof(t->ports));
	return 0;
}

/* A pinned link still attached to this cgroup, or -1. */
static int reusable_link(const char *path, const struct stat *cg)
{
	struct bpf_link_info info = {};
	__u32 len = sizeof(info);
	int fd = bpf_obj_get(path);

	if (fd < 0)
		return -1;
	/* A cgroup's id is the inode number of its directory. */
	if (!bpf_obj_get_info_by_fd(fd, &info, &len) && info.type == BPF_LINK_TYPE_CGROUP &&
	    info.cgroup.cgroup_id == (__u64)cg->st_ino)
		return fd;
	close(fd);
	unlink(path);
	return -1;
}

static int attach_one(struct bpf_program *prog, int cg_fd, const struct stat *cg,
		      const char *pin_dir, const char *pin_name)
{
	enum bpf_attach_type type = bpf_program__expected_attach_type(prog);
	char path[GH_PATH_MAX];
	int fd, err;

	err = gh_pin_path(path, sizeof(path), pin_dir, pin_name);
	if (err)
		return err;
	fd = reusable_link(path, cg);
	if (fd >= 0) {
		/* Restarted daemon: swap the program in, the counting never stops. */
		err = bpf_link_update(fd, bpf_program__fd(prog), NULL) ? -errno : 0;
		close(fd);
		return err;
	}
	fd = bpf_link_create(bpf_program__fd(prog), cg_fd, type, NULL);
	if (fd < 0)
		return -errno;
	err = bpf_obj_pin(fd, path) ? -errno : 0;
	close(fd);
	return err;
}

/*
 * The sensor's maps that hold nothing worth a failed start: scratch space,
 * per-connection state (connections open now start afresh) and its own
 * counters. A pin of another layout, left by an older gatehawk, would make
 * the load fail; it is removed so the new layout is made. The running
 * programs keep the old maps until their links are swapped below.
 */
static const char *const transient_maps[] = { "scratch", "sock_state", "sensor_stats" };

static void replace_stale_pins(struct bpf_object *obj, const char *pin_dir, struct gh_err *e)
{
	for (size_t i = 0; i < sizeof(transient_maps) / sizeof(transient_maps[0]); i++) {
		const struct bpf_map *map = bpf_object__find_map_by_name(obj, transient_maps[i]);
		struct bpf_map_info info = {};
		__u32 len = sizeof(info);
		char path[GH_PATH_MAX];
		int fd;

		if (!map || gh_pin_path(path, sizeof(path), pin_dir, transient_maps[i]))
			continue;
		fd = bpf_obj_get(path);
		if (fd < 0)
			continue;
		if (!bpf_obj_get_info_by_fd(fd, &info, &len) &&
		    (info.type != bpf_map__type(map) || info.key_size != bpf_map__key_size(map) ||
		     info.value_size != bpf_map__value_size(map)) &&
		    !unlink(path))
			gh_err_note(e, "%s: an older layout, made afresh", transient_maps[i]);
		close(fd);
	}
}

int sensor_attach(const struct sensor_opts *o, struct gh_err *e)
{
	char root[GH_PATH_MAX];
	const char *cgroup = o->cgroup;
	struct sock_http_bpf *skel;
	struct stat cg;
	int cg_fd, err;

	if (!cgroup) {
		err = gh_cgroup2_root(root, sizeof(root));
		if (err)
			return gh_err_sys(e, err, "finding the cgroup2 mount in /proc/mounts");
		cgroup = root;
	}
	cg_fd = open(cgroup, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (cg_fd < 0 || fstat(cg_fd, &cg)) {
		err = gh_err_input(e, "--cgroup %s: %s", cgroup, strerror(errno));
		if (cg_fd >= 0)
			close(cg_fd);
		return err;
	}
	skel = sock_http_bpf__open();
	if (!skel) {
		err = gh_err_sys(e, -errno, "opening the HTTP sensor object");
		goto out;
	}
	replace_stale_pins(skel->obj, o->pin_dir, e);
	err = gh_pins_configure(skel->obj, o->pin_dir, &o->sizes, e);
	err = err ?: sock_http_bpf__load(skel);
	if (err) {
		gh_err_sys(e, err, "loading the HTTP sensor (see libbpf messages above)");
		goto out;
	}
	err = attach_one(skel->progs.cgroup_skb_http_in, cg_fd, &cg, o->pin_dir, "link_cg_http_in");
	err = err ?: attach_one(skel->progs.cgroup_skb_http_out, cg_fd, &cg, o->pin_dir,
				"link_cg_http_out");
	err = err ?: attach_one(skel->progs.sockops_conn, cg_fd, &cg, o->pin_dir,
				"link_cg_sockops");
	if (err) {
		gh_err_sys(e, err, "attaching the HTTP sensor to cgroup %s", cgroup);
		goto out;
	}
	err = sensor_set_tunables(o->pin_dir, &o->tun);
	if (err)
		gh_err_sys(e, err, "writing the sensor configuration");
out:
	sock_http_bpf__destroy(skel);
	close(cg_fd);
	return err;
}
