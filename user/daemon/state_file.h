/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The daemon's saved state (`run --state-file`, /var/lib/gatehawk/state.json
 * as installed): what an XDP map cannot keep across a reboot and an engine
 * cannot keep across a restart. Blocks and throttles with their reason and
 * wall-clock expiry, allow entries with theirs, the engine's escalation
 * memory (engine_state.h) and the hash seed that names its groups. One JSON
 * object:
 *
 *   {"version": 1, "pin_dir": "/sys/fs/bpf/gatehawk", "saved_at_ms": 1764...,
 *    "hash_seed": "9f3c...",
 *    "blocks":   [{"cidr": "203.0.113.7", "expires_at_ms": 1764..., "reason":
 *                  "wp-login-bruteforce", "auto": true, "fleet": false}, ...],
 *    "throttles": [{"cidr": "198.51.100.9", "expires_at_ms": ..., "reason": ...,
 *                  "auto": true, "fleet": false, "conns_per_s": 10,
 *                  "conn_burst": 20, "packets_per_s": 0, "packet_burst": 0}, ...],
 *    "allows":   [{"cidr": "198.51.100.0/24", "expires_at_ms": 0}, ...],
 *    "offenses": [{"policy": "wp-login-bruteforce", "group_by": "src_ip",
 *                  "src": "203.0.113.7", "key": "0", "offenses": 2,
 *                  "last_block_ms": 1764..., "cooldown_until_ms": 1764...}, ...]}
 *
 * Times are wall-clock milliseconds (expires_at_ms 0: never). Written whole
 * and renamed into place (base/json_file.h), so a crash leaves the previous
 * file; read back with every field checked, since a state file is input like
 * any other: a bad one is an input error naming the file and the field.
 * "fleet", "throttles" and an allow's "expires_at_ms" came later: missing,
 * they are false, none and never.
 */
#ifndef GATEHAWK_STATE_FILE_H
#define GATEHAWK_STATE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/addr.h"
#include "base/err.h"
#include "engine/engine_state.h"
#include "gatehawk/gate.h"

#define STATE_FILE_VERSION 1
/* Four full block maps at the largest size a test or operator is likely to give. */
#define STATE_FILE_MAX (512U << 20)

struct state_block {
	struct gh_cidr cidr;
	uint64_t expires_at_ms; /* wall clock; 0: never */
	char reason[GH_REASON_LEN];
	bool automatic;         /* GH_BLOCK_F_AUTO: a policy's, not an operator's */
	bool fleet;             /* GH_BLOCK_F_FLEET: learned from the fleet */
};

/* A throttle: a block entry's fields and its limits (bucket state starts full). */
struct state_throttle {
	struct state_block base;
	struct throttle_limits limits;
};

struct state_allow {
	struct gh_cidr cidr;
	uint64_t expires_at_ms; /* wall clock; 0: never */
};

struct gh_state {
	char pin_dir[256];    /* the gate it was saved from */
	uint64_t saved_at_ms;
	uint64_t hash_seed;   /* 0: none saved */
	struct state_block *blocks;
	size_t n_blocks, cap_blocks;
	struct state_throttle *throttles;
	size_t n_throttles, cap_throttles;
	struct state_allow *allows;
	size_t n_allows, cap_allows;
	struct engine_offense *offenses;
	size_t n_offenses;
};

void state_init(struct gh_state *s);
void state_free(struct gh_state *s);
int state_add_block(struct gh_state *s, const struct state_block *b);
int state_add_throttle(struct gh_state *s, const struct state_throttle *t);
int state_add_allow(struct gh_state *s, const struct state_allow *a);

/*
 * Read path into s (state_init'ed). -ENOENT when there is no such file
 * (no error set); -EINVAL with e naming the file and field when it is not
 * a state file of this version.
 */
int state_file_load(const char *path, struct gh_state *s, struct gh_err *e);
/* Write s atomically to path (path.tmp renamed over it). */
int state_file_save(const char *path, const struct gh_state *s, struct gh_err *e);

#endif /* GATEHAWK_STATE_FILE_H */
