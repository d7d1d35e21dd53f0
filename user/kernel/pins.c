// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <linux/magic.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "base/err.h"
#include "base/private_dir.h"
#include "gatehawk/sources.h"
#include "kernel/map_iter.h"
#include "kernel/pins.h"

#define BPFFS_ROOT "/sys/fs/bpf"

static bool is_bpffs(const char *path)
{
	struct statfs st;

	return !statfs(path, &st) && st.f_type == BPF_FS_MAGIC;
}

static bool below_bpffs_root(const char *dir)
{
	size_t n = strlen(BPFFS_ROOT);

	return !strncmp(dir, BPFFS_ROOT, n) && (dir[n] == '/' || dir[n] == '\0');
}

int gh_pin_dir_prepare(const char *dir, struct gh_err *e)
{
	int err;

	if (below_bpffs_root(dir) && !is_bpffs(BPFFS_ROOT)) {
		if (mount("bpf", BPFFS_ROOT, "bpf", 0, "mode=0700"))
			return gh_err_sys(e, -errno, "mounting bpffs on %s", BPFFS_ROOT);
	}
	if (mkdir(dir, 0700) && errno != EEXIST)
		return gh_err_sys(e, -errno, "creating pin directory %s", dir);
	/* Whoever can write it can pin maps of their own in place of ours. */
	err = gh_private_dir_check(dir, e);
	if (err)
		return err;
	if (!is_bpffs(dir))
		return gh_err_input(e, "--pin-dir %s: not on a bpf filesystem (mount -t bpf)", dir);
	return 0;
}

int gh_pin_path(char *buf, size_t len, const char *dir, const char *name)
{
	int n = snprintf(buf, len, "%s/%s", dir, name);

	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

bool gh_pin_exists(const char *dir, const char *name)
{
	char path[GH_PATH_MAX];

	return !gh_pin_path(path, sizeof(path), dir, name) && !access(path, F_OK);
}

int gh_pin_open(const char *dir, const char *name)
{
	char path[GH_PATH_MAX];
	int fd;

	if (gh_pin_path(path, sizeof(path), dir, name))
		return -ENAMETOOLONG;
	fd = bpf_obj_get(path);
	return fd < 0 ? -errno : fd;
}

int gh_pin_dir_lock(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (flock(fd, LOCK_EX)) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

void gh_pin_dir_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}

/* The per-source slot tables (gatehawk/sources.h). */
static bool is_slot_table(const char *name)
{
	return !strcmp(name, "src_slots") || !strcmp(name, "src_http_slots");
}

/* The requested size for a map, 0 when it has none. */
static uint32_t wanted_size(const char *name, const struct gh_map_sizes *sizes)
{
	if (!strncmp(name, "block_", 6) || !strncmp(name, "throttle_", 9))
		return sizes->max_blocks;
	if (!strcmp(name, "events"))
		return sizes->ring_bytes;
	/* One region of slots per possible CPU (bpf/src_stats.h). */
	if (is_slot_table(name)) {
		int ncpu = libbpf_num_possible_cpus();

		return ncpu > 0 ? GH_SRC_SLOTS * (uint32_t)ncpu : 0;
	}
	return 0;
}

int gh_pins_configure(struct bpf_object *obj, const char *dir, const struct gh_map_sizes *sizes,
		      struct gh_err *e)
{
	char path[GH_PATH_MAX];
	struct bpf_map *map;

	bpf_object__for_each_map(map, obj) {
		const char *name = bpf_map__name(map);
		uint32_t want = wanted_size(name, sizes);
		struct map_shape shape;
		int fd, err;

		if (bpf_map__is_internal(map))
			continue;
		err = gh_pin_path(path, sizeof(path), dir, name);
		err = err ?: bpf_map__set_pin_path(map, path);
		if (err)
			return err;
		fd = bpf_obj_get(path);
		if (fd >= 0) {
			err = map_shape_get(fd, &shape);
			close(fd);
			if (err)
				return err;
		}
		/*
		 * A slot table of the per-CPU layout an older gatehawk pinned
		 * would fail the load: its counts start afresh in a new one
		 * (the running programs keep the old until they are swapped).
		 */
		if (fd >= 0 && is_slot_table(name) && shape.type != bpf_map__type(map)) {
			if (unlink(path))
				return -errno;
			gh_err_note(e, "%s: an older layout, made afresh", name);
			fd = -1;
		}
		if (fd >= 0) {
			if (want && shape.max_entries != want)
				gh_err_note(e, "%s keeps its %u entries; a new size applies after detach",
					    name, shape.max_entries);
			want = shape.max_entries;
		}
		if (want) {
			err = bpf_map__set_max_entries(map, want);
			if (err)
				return err;
		}
	}
	return 0;
}
