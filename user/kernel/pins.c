// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/inotify.h>
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

void gh_pin_watch_open(struct gh_pin_watch *w, const char *dir, uint32_t mask)
{
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd >= 0 && inotify_add_watch(w->fd, dir, mask | IN_ONLYDIR) < 0) {
		close(w->fd);
		w->fd = -1;
	}
}

unsigned int gh_pin_watch_drain(struct gh_pin_watch *w)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	unsigned int events = 0;
	ssize_t n;

	if (w->fd < 0)
		return UINT_MAX;
	while ((n = read(w->fd, buf, sizeof(buf))) > 0) {
		for (ssize_t off = 0; off + (ssize_t)sizeof(struct inotify_event) <= n; events++)
			off += (ssize_t)sizeof(struct inotify_event) +
			       ((const struct inotify_event *)(buf + off))->len;
	}
	return events;
}

void gh_pin_watch_close(struct gh_pin_watch *w)
{
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
}

/* The per-source slot tables and their used-slot bitmaps (gatehawk/sources.h). */
static const struct slot_pair {
	const char *table, *used;
} slot_pairs[] = { { "src_slots", "src_slots_used" }, { "src_http_slots", "src_http_used" } };

#define N_SLOT_PAIRS (sizeof(slot_pairs) / sizeof(slot_pairs[0]))

/* Entries per CPU region of a slot table or bitmap named name; 0 for any other map. */
static uint32_t region_entries(const char *name)
{
	for (size_t i = 0; i < N_SLOT_PAIRS; i++) {
		if (!strcmp(name, slot_pairs[i].table))
			return GH_SRC_SLOTS;
		if (!strcmp(name, slot_pairs[i].used))
			return GH_SRC_USED_WORDS;
	}
	return 0;
}

/* Maps of one region per possible CPU: their entries are their layout. */
static bool is_per_cpu_regions(const char *name)
{
	return region_entries(name) != 0;
}

/*
 * Maps whose contents may start afresh when their layout changes: the
 * per-source counters and their bookkeeping. Any other map (blocks,
 * allows, throttles) is never dropped behind the operator's back.
 */
static bool is_disposable(const char *name)
{
	return is_per_cpu_regions(name) || !strcmp(name, "src_slot_meta") ||
	       !strcmp(name, "src_http_meta");
}

/* Pins an older gatehawk made for maps it no longer has (the LRU per-source tables). */
static const char *const retired_pins[] = { "src_stats", "src_meta" };

/* The requested size for a map, 0 when it has none. */
static uint32_t wanted_size(const char *name, const struct gh_map_sizes *sizes)
{
	if (!strncmp(name, "block_", 6) || !strncmp(name, "throttle_", 9))
		return sizes->max_blocks;
	if (!strcmp(name, "events"))
		return sizes->ring_bytes;
	/* One region of slots, or of their bits, per possible CPU (bpf/src_stats.h). */
	if (is_per_cpu_regions(name)) {
		int ncpu = libbpf_num_possible_cpus();

		if (ncpu <= 0)
			return 0;
		return region_entries(name) * (uint32_t)ncpu;
	}
	return 0;
}

/*
 * Whether the pinned map is what the object declares, as libbpf will
 * check before reusing it; the size is checked apart (a pinned map keeps
 * its size), except for a slot table or bitmap, whose layout is one
 * region per CPU.
 */
static bool same_layout(const struct bpf_map_info *pinned, const struct bpf_map *map,
			uint32_t want)
{
	return pinned->type == bpf_map__type(map) && pinned->key_size == bpf_map__key_size(map) &&
	       pinned->value_size == bpf_map__value_size(map) &&
	       pinned->map_flags == bpf_map__map_flags(map) &&
	       (!is_per_cpu_regions(bpf_map__name(map)) || pinned->max_entries == want);
}

/* Remove the retired pins in dir, with a note for each. */
static int remove_retired_pins(const char *dir, struct gh_err *e)
{
	char path[GH_PATH_MAX];

	for (size_t i = 0; i < sizeof(retired_pins) / sizeof(retired_pins[0]); i++) {
		int err = gh_pin_path(path, sizeof(path), dir, retired_pins[i]);

		if (err)
			return err;
		if (unlink(path)) {
			if (errno != ENOENT)
				return -errno;
			continue;
		}
		gh_err_note(e, "%s: left by an older gatehawk, removed", retired_pins[i]);
	}
	return 0;
}

/* The pinned map's info; -ENOENT when nothing is pinned at path. */
static int pinned_info(const char *path, struct bpf_map_info *info)
{
	__u32 len = sizeof(*info);
	int fd = bpf_obj_get(path), err = 0;

	if (fd < 0)
		return -errno;
	memset(info, 0, sizeof(*info));
	if (bpf_obj_get_info_by_fd(fd, info, &len))
		err = -errno;
	close(fd);
	return err;
}

/*
 * Refuse a load that would drop state before anything is touched: a pinned
 * map with another layout than this gatehawk's, and not a counter table a
 * new one may replace, means an older gatehawk still runs here.
 */
static int check_layouts(struct bpf_object *obj, const char *dir,
			 const struct gh_map_sizes *sizes, struct gh_err *e)
{
	char path[GH_PATH_MAX];
	struct bpf_map *map;

	bpf_object__for_each_map(map, obj) {
		const char *name = bpf_map__name(map);
		struct bpf_map_info pinned;
		int err;

		if (bpf_map__is_internal(map) || is_disposable(name))
			continue;
		err = gh_pin_path(path, sizeof(path), dir, name) ?: pinned_info(path, &pinned);
		if (err == -ENOENT)
			continue;
		if (err)
			return err;
		if (!same_layout(&pinned, map, wanted_size(name, sizes))) {
			gh_err_note(e,
				    "%s: pinned with another layout (type %u, key %u, value %u "
				    "bytes, flags %#x) than this gatehawk's (%u, %u, %u, %#x): "
				    "`gatehawk detach` the older gatehawk first",
				    name, pinned.type, pinned.key_size, pinned.value_size,
				    pinned.map_flags, bpf_map__type(map), bpf_map__key_size(map),
				    bpf_map__value_size(map), bpf_map__map_flags(map));
			return -EINVAL;
		}
	}
	return 0;
}

/* Whether the load will reuse the map pinned as name: there, and of its layout. */
static int reusable(struct bpf_object *obj, const char *dir, const char *name,
		    const struct gh_map_sizes *sizes, bool *yes)
{
	const struct bpf_map *map = bpf_object__find_map_by_name(obj, name);
	char path[GH_PATH_MAX];
	struct bpf_map_info pinned;
	int err;

	*yes = false;
	if (!map)
		return 0;
	err = gh_pin_path(path, sizeof(path), dir, name) ?: pinned_info(path, &pinned);
	if (err == -ENOENT)
		return 0;
	*yes = !err && same_layout(&pinned, map, wanted_size(name, sizes));
	return err;
}

/*
 * A slot table and its used bitmap are made afresh together: a table kept
 * beside a new, empty bitmap would have used slots no reader looks at (the
 * bits of a held slot are set only at its first claim). Unpins the one
 * that would be kept when the other will not be.
 */
static int pair_slot_bitmaps(struct bpf_object *obj, const char *dir,
			     const struct gh_map_sizes *sizes, struct gh_err *e)
{
	char path[GH_PATH_MAX];

	for (size_t i = 0; i < N_SLOT_PAIRS; i++) {
		const struct slot_pair *p = &slot_pairs[i];
		bool table_kept, used_kept;
		const char *kept;
		int err = reusable(obj, dir, p->table, sizes, &table_kept) ?:
			  reusable(obj, dir, p->used, sizes, &used_kept);

		if (err)
			return err;
		if (table_kept == used_kept || !bpf_object__find_map_by_name(obj, p->table) ||
		    !bpf_object__find_map_by_name(obj, p->used))
			continue;
		kept = table_kept ? p->table : p->used;
		err = gh_pin_path(path, sizeof(path), dir, kept);
		if (err)
			return err;
		if (unlink(path))
			return -errno;
		gh_err_note(e, "%s: made afresh with %s", kept, table_kept ? p->used : p->table);
	}
	return 0;
}

int gh_pins_configure(struct bpf_object *obj, const char *dir, const struct gh_map_sizes *sizes,
		      struct gh_err *e)
{
	char path[GH_PATH_MAX];
	struct bpf_map *map;
	int err = check_layouts(obj, dir, sizes, e) ?: remove_retired_pins(dir, e) ?:
		  pair_slot_bitmaps(obj, dir, sizes, e);

	if (err)
		return err;
	bpf_object__for_each_map(map, obj) {
		const char *name = bpf_map__name(map);
		uint32_t want = wanted_size(name, sizes);
		struct bpf_map_info pinned;
		bool is_pinned;

		if (bpf_map__is_internal(map))
			continue;
		err = gh_pin_path(path, sizeof(path), dir, name);
		err = err ?: bpf_map__set_pin_path(map, path);
		if (err)
			return err;
		err = pinned_info(path, &pinned);
		if (err && err != -ENOENT)
			return err;
		is_pinned = !err;
		/* A counter table of an older layout would fail the load: it
		 * starts afresh in a new map (the running programs keep the
		 * old until they are swapped); check_layouts() refused the rest. */
		if (is_pinned && !same_layout(&pinned, map, want)) {
			if (unlink(path))
				return -errno;
			gh_err_note(e, "%s: an older layout, made afresh", name);
			is_pinned = false;
		}
		if (is_pinned) {
			if (want && pinned.max_entries != want)
				gh_err_note(e, "%s keeps its %u entries; a new size applies after detach",
					    name, pinned.max_entries);
			want = pinned.max_entries;
		}
		if (want) {
			err = bpf_map__set_max_entries(map, want);
			if (err)
				return err;
		}
	}
	return 0;
}
