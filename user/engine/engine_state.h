/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * An engine's escalation memory out and back in: each group's offenses,
 * last block and cooldown per policy, so that a restarted daemon (or the
 * engine a SIGHUP built) escalates the n-th block of a source as the old
 * engine would have, and stays quiet through a cooldown already begun.
 *
 * A group is named by its policy, the policy's grouping (group_by and the
 * src_ip prefix) and its key: the src_ip prefix and the hash of its other
 * group_by values. That hash is the engine's seeded one, so it names the
 * same group only in an engine with the same hash_seed (engine_opts): the
 * daemon keeps one seed for its engines and saves it with the offenses.
 * A policy that is gone, or groups another way now, starts afresh.
 * Window state is not saved: only carried from engine to engine in one
 * process, for the policies a reload did not change (engine_take_windows).
 */
#ifndef GATEHAWK_ENGINE_STATE_H
#define GATEHAWK_ENGINE_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "base/addr.h"
#include "engine/engine.h"

/* "src_ip,host,path,user_agent": the longest group_by as text, and its NUL. */
#define ENGINE_GROUP_BY_TEXT 96

struct engine_offense {
	char policy[POLICY_NAME_MAX + 1];
	char group_by[ENGINE_GROUP_BY_TEXT]; /* the grouping's fields, comma-separated */
	bool has_src;          /* group_by has src_ip */
	struct gh_cidr src;    /* then: the group's source, masked to the policy's prefix */
	uint64_t key_hash;     /* the other group_by values (seeded); 0: none */
	uint32_t offenses;     /* blocks within ENGINE_OFFENSE_MEMORY_NS of last_block_ns */
	uint64_t last_block_ns;     /* event time */
	uint64_t cooldown_until_ns; /* event time; 0: none */
};

/* The seed the engine hashes group keys with (engine_opts.hash_seed, or its random one). */
uint64_t engine_hash_seed(const struct engine *e);

/*
 * Every group's slot whose offenses or cooldown still matter at now_ns
 * (event time). *out is malloc'd (caller frees), *n entries; -ENOMEM.
 */
int engine_offenses_export(const struct engine *e, uint64_t now_ns, struct engine_offense **out,
			   size_t *n);

/*
 * Put offenses back, each into its policy's group (made when missing).
 * Entries of a policy the engine does not run, or groups differently, and
 * those forgotten or over at now_ns are skipped. Returns how many were
 * taken, or -ENOMEM when a group could not be made (those before stay).
 */
int engine_offenses_import(struct engine *e, const struct engine_offense *o, size_t n,
			   uint64_t now_ns);

/*
 * A reload (SIGHUP): to, built over the new set with from's hash seed,
 * takes from's window and rate state of every policy whose definition did
 * not change (same name, same policy.def_hash), group by group, so their
 * windows go on counting where they were. The states move (from keeps
 * none of them; free it next). Profile policies and the kernel counter
 * samples rate policies read start afresh (the first sample after a reload
 * is a baseline). Returns how many (group, policy) states moved, -EINVAL
 * when the seeds or exact_aggregates (engine_opts) differ, or -ENOMEM when a
 * group could not be made (those before moved).
 */
int engine_take_windows(struct engine *to, struct engine *from, uint64_t now_ns);

#endif /* GATEHAWK_ENGINE_STATE_H */
