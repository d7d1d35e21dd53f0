/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Nothing lost across restarts and reboots (`run --state-file`): the
 * daemon's state (state_file.h) saved as it changes and put back at start.
 *
 * At start the file is read before anything is attached. When the gate's
 * maps are not pinned yet (a reboot, or a gate detached by hand) its blocks
 * (a policy's, an operator's, the fleet's, each with its flags) and
 * throttles go back with the time they had left (those over meanwhile are
 * dropped), and its allow entries with theirs; --allow-file entries are not
 * saved, their files put them back. When the maps survived (a restart), they
 * are the truth and stay as they are, so a block deleted while the daemon
 * was down stays deleted. Either way the engine gets its escalation memory
 * back, so the next block of a source escalates as if there had been no
 * restart, and its hash seed, so that memory names the same groups.
 *
 * While running, the maps and the engine are captured again after every
 * verdict (at most once per tick, so at most once a second) and every
 * GH_GC_INTERVAL_S seconds (what `gatehawk block` and `allow` changed by
 * hand); the file is written only when what it would hold changed (hit
 * counts aside). A last save at exit. A file that is not a state file is
 * renamed to PATH.corrupt with a note and the daemon starts without it: an
 * unreadable file must not keep the gate down.
 */
#ifndef GATEHAWK_PERSIST_H
#define GATEHAWK_PERSIST_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "daemon/state_file.h"
#include "engine/engine.h"
#include "kernel/gate_maps.h"

struct persist {
	const char *path;      /* NULL: nothing saved or restored */
	const char *pin_dir;
	struct gh_state loaded; /* read at start; released once restored */
	bool fresh_maps;       /* no maps were pinned at start */
	uint64_t seed;         /* every engine's hash seed (engine_opts.hash_seed) */
	uint64_t saved_fp;     /* what the file holds, hit counts aside; 0: unknown */
	uint64_t mark;         /* the caller's change count at the last capture */
	bool live;             /* restored: from now on the maps are saved */
	bool from_file;        /* a state file was read at start */
};

/*
 * Read path (NULL: persistence off, a random seed) before the gate is
 * attached. A file saved from another pin dir is an input error.
 */
int persist_open(struct persist *p, const char *path, const char *pin_dir, struct gh_err *e);

/* What persist_restore() put back, for the operator. */
struct persist_restored {
	bool from_file;                 /* a state file was read */
	size_t blocks, throttles;       /* back in the maps */
	size_t expired, failed;         /* over meanwhile; the map refused */
	size_t allows;
	int offenses;                   /* (group, policy) entries the engine took */
};

/*
 * Once the maps are open and the engine built (engine may be NULL; m NULL
 * without the kernel, run --no-kernel: only the engine's memory is kept):
 * put the state back (above), then save, so a state file that cannot be
 * written is found at start. Every m below may be NULL the same way.
 */
int persist_restore(struct persist *p, struct gate_maps *m, struct engine *engine,
		    uint64_t event_now, struct persist_restored *out, struct gh_err *e);

/*
 * Each tick. mark: a count that moves whenever the state may have changed
 * (the enforcer's verdicts); sweep: capture anyway (hand-made changes).
 */
int persist_tick(struct persist *p, struct gate_maps *m, const struct engine *engine,
		 uint64_t event_now, uint64_t mark, bool sweep, struct gh_err *e);

/* A last save, and the memory released. */
int persist_close(struct persist *p, struct gate_maps *m, const struct engine *engine,
		  uint64_t event_now, struct gh_err *e);

/*
 * SIGHUP: into the engine replacing from, from's escalation memory, and the
 * window and rate state of the policies the reload did not change
 * (engine_state.h). from's held verdicts are given first, through its
 * callback, so none is lost and their offenses go over too. Counts of what
 * went over (negative: an error).
 */
struct persist_carried {
	int offenses; /* (group, policy) entries */
	int windows;  /* (group, policy) states */
};
struct persist_carried persist_carry(struct engine *from, struct engine *to, uint64_t event_now);

#endif /* GATEHAWK_PERSIST_H */
