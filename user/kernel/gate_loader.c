// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <dirent.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/if_link.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "base/err.h"
#include "kernel/gate_loader.h"
#include "gatehawk/gate.h"
#include "kernel/pins.h"
#include "xdp_gate.skel.h"

/* How long detach waits for a running daemon to let go of its links. */
#define DETACH_WAIT_MS 3000
#define DETACH_POLL_MS 50

static int gate_open_load(const char *pin_dir, const struct gh_map_sizes *sizes,
			  struct xdp_gate_bpf **out, struct gh_err *e)
{
	struct xdp_gate_bpf *skel;
	int err;

	err = gh_pin_dir_prepare(pin_dir, e);
	if (err)
		return err;
	skel = xdp_gate_bpf__open();
	if (!skel)
		return gh_err_sys(e, -errno, "opening the XDP gate object");
	err = gh_pins_configure(skel->obj, pin_dir, sizes, e);
	if (err) {
		gh_err_sys(e, err, "configuring pins under %s", pin_dir);
		goto fail;
	}
	err = xdp_gate_bpf__load(skel);
	if (err) {
		gh_err_sys(e, err, "loading the XDP gate (see libbpf messages above)");
		goto fail;
	}
	*out = skel;
	return 0;
fail:
	xdp_gate_bpf__destroy(skel);
	return err;
}

int gate_pin_maps(const char *pin_dir, uint32_t max_blocks, struct gh_err *e)
{
	struct gh_map_sizes sizes = { .max_blocks = max_blocks };
	struct xdp_gate_bpf *skel;
	int err = gate_open_load(pin_dir, &sizes, &skel, e);

	if (!err)
		xdp_gate_bpf__destroy(skel);
	return err;
}

int gate_maps_open_or_create(const char *pin_dir, uint32_t max_blocks, struct gate_maps *m,
			     struct gh_err *e)
{
	int err = gate_maps_open(pin_dir, m);

	if (err != -ENOENT)
		return err;
	err = gate_pin_maps(pin_dir, max_blocks, e);
	if (err)
		return err;
	return gate_maps_open(pin_dir, m);
}

static int link_pin_path(char *buf, size_t len, const char *pin_dir, const char *ifname)
{
	char name[64];

	snprintf(name, sizeof(name), "%s%s", GH_LINK_XDP_PREFIX, ifname);
	return gh_pin_path(buf, len, pin_dir, name);
}

static int create_link(int prog_fd, int ifindex, enum xdp_mode mode)
{
	LIBBPF_OPTS(bpf_link_create_opts, opts);
	int fd;

	if (mode == XDP_MODE_NATIVE)
		opts.flags = XDP_FLAGS_DRV_MODE;
	else if (mode == XDP_MODE_SKB)
		opts.flags = XDP_FLAGS_SKB_MODE;
	fd = bpf_link_create(prog_fd, ifindex, BPF_XDP, &opts);
	if (fd < 0 && mode == XDP_MODE_AUTO) {
		opts.flags = XDP_FLAGS_SKB_MODE;
		fd = bpf_link_create(prog_fd, ifindex, BPF_XDP, &opts);
	}
	return fd < 0 ? -errno : fd;
}

/* The interface an XDP link is on; 0 once the kernel detached it (its interface went). */
static uint32_t link_ifindex(int fd)
{
	struct bpf_link_info info = {};
	__u32 len = sizeof(info);

	if (bpf_obj_get_info_by_fd(fd, &info, &len) || info.type != BPF_LINK_TYPE_XDP)
		return 0;
	return info.xdp.ifindex;
}

static int attach_iface(int prog_fd, const char *pin_dir, const char *ifname, enum xdp_mode mode,
			struct gh_err *e)
{
	char path[GH_PATH_MAX];
	int ifindex, fd, err;
	uint32_t linked;

	ifindex = (int)if_nametoindex(ifname);
	if (!ifindex)
		return gh_err_input(e, "--iface %s: no such interface", ifname);
	err = link_pin_path(path, sizeof(path), pin_dir, ifname);
	if (err)
		return gh_err_input(e, "--iface %s: name too long", ifname);

	fd = bpf_obj_get(path);
	linked = fd >= 0 ? link_ifindex(fd) : 0;
	if (fd >= 0 && !linked) {
		/* The interface was deleted (and maybe re-created): the kernel
		 * detached the link, which cannot be updated. A new one replaces it;
		 * the maps stay. */
		close(fd);
		fd = -1;
		if (unlink(path))
			return gh_err_sys(e, -errno, "removing the defunct link %s", path);
		gh_err_note(e, "%s: its XDP link was defunct (the interface was deleted); "
			    "re-created it, blocks kept", ifname);
	} else if (fd >= 0 && linked != (uint32_t)ifindex) {
		close(fd);
		return gh_err_input(e, "--iface %s: its pinned link gates ifindex %u, but %s is "
				    "ifindex %d here (renamed, or another network namespace); "
				    "use another --pin-dir, or detach first",
				    ifname, linked, ifname, ifindex);
	}
	if (fd >= 0) {
		/* Already gated: swap the program, keep the link. */
		err = bpf_link_update(fd, prog_fd, NULL) ? -errno : 0;
		close(fd);
		if (err)
			return gh_err_sys(e, err, "updating the XDP link on %s", ifname);
		return 0;
	}
	fd = create_link(prog_fd, ifindex, mode);
	if (fd < 0) {
		if (fd == -EBUSY || fd == -EEXIST)
			return gh_err_sys(e, fd, "%s already has another XDP program", ifname);
		return gh_err_sys(e, fd, "attaching XDP to %s", ifname);
	}
	err = bpf_obj_pin(fd, path) ? -errno : 0;
	close(fd);
	if (err)
		return gh_err_sys(e, err, "pinning %s", path);
	return 0;
}

/* Per-source packet and SYN counts are part of the gate's job once attached. */
static int enable_source_counts(const char *pin_dir, struct gh_err *e)
{
	struct gate_maps m;
	int err = gate_maps_open(pin_dir, &m);

	err = err ?: gate_maps_lock(&m);
	if (err)
		return gh_err_sys(e, err, "opening maps under %s", pin_dir);
	err = gate_update_flags(&m, GH_GATE_F_COUNT_SOURCES, 0);
	gate_maps_close(&m);
	return err ? gh_err_sys(e, err, "writing gate_config") : 0;
}

int gate_attach(const struct gate_attach_opts *o, struct gh_err *e)
{
	struct xdp_gate_bpf *skel;
	int err;

	/* Every name must resolve before any interface is touched. */
	for (int i = 0; i < o->n_ifaces; i++)
		if (!if_nametoindex(o->ifaces[i]))
			return gh_err_input(e, "--iface %s: no such interface", o->ifaces[i]);
	err = gate_open_load(o->pin_dir, &o->sizes, &skel, e);
	if (err)
		return err;
	for (int i = 0; i < o->n_ifaces && !err; i++)
		err = attach_iface(bpf_program__fd(skel->progs.xdp_gate), o->pin_dir, o->ifaces[i],
				   o->mode, e);
	xdp_gate_bpf__destroy(skel);
	return err ?: enable_source_counts(o->pin_dir, e);
}

int gate_links_list(const char *pin_dir, struct gate_link *out, int max, int *n)
{
	size_t plen = strlen(GH_LINK_XDP_PREFIX);
	struct dirent *de;
	DIR *d;

	*n = 0;
	d = opendir(pin_dir);
	if (!d)
		return errno == ENOENT ? 0 : -errno;
	while ((de = readdir(d)) && *n < max) {
		struct gate_link *l = &out[*n];
		char path[GH_PATH_MAX];
		int fd;

		if (strncmp(de->d_name, GH_LINK_XDP_PREFIX, plen) ||
		    strlen(de->d_name + plen) >= sizeof(l->ifname) ||
		    gh_pin_path(path, sizeof(path), pin_dir, de->d_name))
			continue;
		memset(l, 0, sizeof(*l));
		strcpy(l->ifname, de->d_name + plen);
		fd = bpf_obj_get(path);
		if (fd >= 0) {
			l->ifindex = link_ifindex(fd);
			close(fd);
		}
		l->name_ifindex = if_nametoindex(l->ifname);
		l->defunct = !l->ifindex;
		(*n)++;
	}
	closedir(d);
	return 0;
}

/* Interfaces whose XDP link is pinned here, to watch after unpinning. */
struct link_ifaces {
	int ifindex[GH_MAX_IFACES * 4];
	int n;
};

static void note_link_iface(int fd, struct link_ifaces *li)
{
	uint32_t ifindex = link_ifindex(fd);

	if (ifindex && li->n < (int)(sizeof(li->ifindex) / sizeof(li->ifindex[0])))
		li->ifindex[li->n++] = (int)ifindex;
}

static bool any_xdp_left(const struct link_ifaces *li)
{
	for (int i = 0; i < li->n; i++) {
		__u32 id = 0;

		if (!bpf_xdp_query_id(li->ifindex[i], 0, &id) && id)
			return true;
	}
	return false;
}

static void wait_for_release(const struct link_ifaces *li, struct gh_err *e)
{
	struct timespec pause = { 0, DETACH_POLL_MS * 1000000L };

	for (int waited = 0; any_xdp_left(li) && waited < DETACH_WAIT_MS; waited += DETACH_POLL_MS)
		nanosleep(&pause, NULL);
	if (any_xdp_left(li))
		gh_err_note(e, "a running process still holds the XDP link; it is removed when it exits");
}

int gate_detach(const char *pin_dir, struct gh_err *e)
{
	struct link_ifaces li = { .n = 0 };
	char path[GH_PATH_MAX];
	struct dirent *de;
	int err = 0;
	DIR *d;

	d = opendir(pin_dir);
	if (!d)
		return errno == ENOENT ? 0 : gh_err_sys(e, -errno, "opening %s", pin_dir);
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (gh_pin_path(path, sizeof(path), pin_dir, de->d_name))
			continue;
		if (!strncmp(de->d_name, GH_LINK_XDP_PREFIX, strlen(GH_LINK_XDP_PREFIX))) {
			int fd = bpf_obj_get(path);

			if (fd >= 0) {
				note_link_iface(fd, &li);
				close(fd);
			}
		}
		if (unlink(path) && errno != ENOENT)
			err = gh_err_sys(e, -errno, "removing %s", path);
	}
	closedir(d);
	if (rmdir(pin_dir) && errno != ENOENT)
		err = err ?: gh_err_sys(e, -errno, "removing %s", pin_dir);
	wait_for_release(&li, e);
	return err;
}

int gate_parse_ifaces(char *s, struct gate_attach_opts *o, struct gh_err *e)
{
	char *save = NULL;

	o->n_ifaces = 0;
	for (char *tok = strtok_r(s, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (o->n_ifaces >= GH_MAX_IFACES)
			return gh_err_input(e, "--iface: at most %d interfaces", GH_MAX_IFACES);
		if (strlen(tok) >= IF_NAMESIZE)
			return gh_err_input(e, "--iface %s: names are at most %d characters",
					    tok, IF_NAMESIZE - 1);
		o->ifaces[o->n_ifaces++] = tok;
	}
	if (!o->n_ifaces)
		return gh_err_input(e, "--iface: expected IF[,IF...]");
	return 0;
}

int gate_parse_xdp_mode(const char *s, enum xdp_mode *mode, struct gh_err *e)
{
	if (!strcmp(s, "auto"))
		*mode = XDP_MODE_AUTO;
	else if (!strcmp(s, "native"))
		*mode = XDP_MODE_NATIVE;
	else if (!strcmp(s, "skb"))
		*mode = XDP_MODE_SKB;
	else
		return gh_err_input(e, "--xdp-mode: expected native, skb or auto, got '%s'", s);
	return 0;
}
