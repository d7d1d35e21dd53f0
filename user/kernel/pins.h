/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* The pin directory on bpffs: mount, create, lock, name objects in it. */
#ifndef GATEHAWK_PINS_H
#define GATEHAWK_PINS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/inotify.h>

struct bpf_object;
struct gh_err;

#define GH_PATH_MAX 256

/*
 * Make sure the directory lives on bpffs, mounting bpffs on /sys/fs/bpf when
 * the directory is below it and nothing is mounted there yet, then create it.
 */
int gh_pin_dir_prepare(const char *dir, struct gh_err *e);
bool gh_pin_exists(const char *dir, const char *name);
/* fd of the object pinned as dir/name, or negative errno (-ENOENT: not pinned). */
int gh_pin_open(const char *dir, const char *name);
int gh_pin_path(char *buf, size_t len, const char *dir, const char *name);
/*
 * Exclusive flock on the directory: every writer of the maps takes it so
 * that two commands (or the daemon's GC) never interleave a change and the
 * trie recount that follows it. Returns the fd to pass to gh_pin_dir_unlock.
 */
int gh_pin_dir_lock(const char *dir);
void gh_pin_dir_unlock(int fd);

/*
 * An inotify watch on a pin directory for the events in mask (IN_*): pins
 * made or removed (IN_CREATE, IN_DELETE, ...), the directory opened
 * (IN_OPEN: every writer of the maps opens it to take its lock). With no
 * watch (fd -1: inotify's limits reached) it always fires, so a caller that
 * acts on it only does what it did before on every call.
 */
struct gh_pin_watch {
	int fd;
};

/* The mask for "a pin was made or removed, or the directory itself went". */
#define GH_PIN_WATCH_PINS                                                                 \
	(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

void gh_pin_watch_open(struct gh_pin_watch *w, const char *dir, uint32_t mask);
/* The events that came since the last call, drained; UINT_MAX without a watch. */
unsigned int gh_pin_watch_drain(struct gh_pin_watch *w);
void gh_pin_watch_close(struct gh_pin_watch *w);

/* Load-time sizes of the maps that have one; 0 keeps the object's default. */
struct gh_map_sizes {
	uint32_t max_blocks;  /* block_* and throttle_* maps */
	uint32_t ring_bytes;  /* events ring buffer */
};

/*
 * Point every map of an opened (not yet loaded) object at its pin under dir.
 * libbpf reuses a pinned map only when its shape matches, so a map that is
 * already pinned keeps its size (a differing request is a note in e, which
 * may be NULL): the sizes chosen when the maps were first created stay
 * until detach. A pinned per-source counter map (slot tables, their used
 * bitmaps and bookkeeping) of another type, key or value size, flags or,
 * for a slot table or bitmap, entries is unpinned so the load makes it
 * afresh, and a slot table and its bitmap are made afresh together; any
 * other map so unlike the object's is refused (-EINVAL, with a note naming
 * it). Pins
 * of maps gatehawk no longer has (src_stats, src_meta) are removed. Each
 * is a note in e; errors are returned only, e is not filled for them.
 */
int gh_pins_configure(struct bpf_object *obj, const char *dir, const struct gh_map_sizes *sizes,
		      struct gh_err *e);

#endif /* GATEHAWK_PINS_H */
