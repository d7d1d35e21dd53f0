/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Shared by the engine's files only (engine*.c): its state and each part's
 * entry points. Not part of the engine's interface (engine.h).
 *
 *   engine.c          entry points: feeding, ticks, stats, setup
 *   engine_groups.c   group table, LRU eviction, idle sweep, free lists, keys
 *   engine_verdict.c  cooldown, escalation, the verdict callback; match policies
 *   engine_window.c   window policies
 *   engine_rate.c     rate policies
 *   engine_profile.c  profile policies
 *   engine_render.c   verdicts that wait for a rendering (unless_rendered)
 */
#ifndef GATEHAWK_ENGINE_INTERNAL_H
#define GATEHAWK_ENGINE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/engine.h"
#include "engine/window.h"

#define NIL UINT32_MAX
#define NS 1000000000ULL
#define GC_PER_RECORD 2               /* groups looked at per record (amortized release) */
#define POOL_MAX 4096                 /* free states kept per policy, slot blocks per class */

/*
 * State layout, chosen for few cache misses per record: policies that group
 * the same way (same group_by fields and prefix; match, crs and rate
 * policies group by src_ip) form a class, and one group per class and key
 * holds a slot for each policy of the class. Match and crs policies form
 * classes apart from the others (gclass.on_fire). A record costs one hash lookup per
 * class, not one per policy, and a source's state across policies sits
 * together. Groups, their slot blocks and window states are recycled
 * through free lists, so the steady state allocates nothing.
 */

enum { LIST_MATCH, LIST_CRS, LIST_WINDOW, LIST_VERDICT, LIST_RATE, LIST_PROFILE, LIST_COUNT };

/*
 * Eviction tiers (engine.h): each has its own LRU and cap, and a full tier
 * evicts only its own. Groups of counter-fed classes start counter-only.
 */
enum { TIER_COUNTER, TIER_STATE, TIER_COUNT };

struct lru {
	uint32_t head, tail; /* most and least recently seen */
	uint32_t n, cap;
};

/* Zeroed before use, so memcmp compares it whole. */
struct gkey {
	uint64_t h;       /* hash of the group_by values other than src_ip */
	uint8_t addr[16]; /* src_ip masked to the class prefix, when grouped by it */
	uint8_t family;
	uint8_t pad;
	uint16_t cls;
	uint32_t pad2;
};

/* One policy's state in one group. */
struct slot {
	uint64_t cooldown_until;
	uint64_t last_block;
	uint32_t offenses; /* blocks within ENGINE_OFFENSE_MEMORY_NS */
	bool active;       /* counted in the policy's groups */
	void *state;       /* struct win or struct rate_win, from the policy's pool */
};

/* One cache line each, in a page-aligned slab. */
struct group {
	struct gkey key;
	uint32_t prev, next; /* LRU links; next also links the free list */
	uint32_t tag;        /* upper half of the key's hash: table tag and home slot */
	bool used;
	uint8_t tier;        /* TIER_*: which LRU it is on */
	uint64_t moved;      /* event time of the last move to the LRU head */
	struct slot *slots;  /* the class's policies, then counter totals if the class has them */
} __attribute__((aligned(64)));

struct gclass {
	uint8_t n_group;
	enum req_field group_by[POLICY_MAX_GROUP_BY];
	uint8_t prefix_v4, prefix_v6;
	bool counters; /* its groups also keep a source's last counter sample */
	/*
	 * Live, rate policies and the counter sample get classes of their own,
	 * reached only by engine_feed_counters(): groups a spoofed packet can
	 * create never carry (or cost) the slots of the policies records reach.
	 */
	bool counter_fed;
	/*
	 * Match and crs policies get classes of their own, whose groups are
	 * made only when one of them fires (their slots hold cooldowns and
	 * offenses): a source that never fires one carries none of their
	 * slots, hundreds with a signature pack, in the group every record of
	 * it reaches.
	 */
	bool on_fire;
	/*
	 * Profile policies with windows: ticks close their ended windows, but
	 * only walk this class's groups when the horizon passes profile_due,
	 * the next end of an aligned window of one of them (walking is true
	 * during that tick).
	 */
	bool profiles, walking;
	uint64_t profile_due;
	/* Its session windows' policies, chained through epolicy.next_session
	 * (index + 1; 0: none): quiet groups end them before they go. */
	uint16_t first_session;
	uint16_t npol;
	uint16_t *pols; /* policy index of each slot */
	size_t slots_size;
	void *pool; /* free slot blocks, linked through their first word */
	uint32_t pooled;
	uint32_t memo;   /* this record's group, NIL when not looked up */
	uint32_t memo_gen;
};

struct epolicy {
	const struct policy *p;
	uint16_t cls, slot;
	uint8_t list; /* LIST_* */
	struct win_spec ws;
	struct rate_spec rs;
	uint64_t keep_ns; /* how long a group's data matters after its last record */
	bool src_grouped; /* group_by has src_ip, so a verdict has a source */
	void *pool;       /* free states, linked through their first word */
	uint32_t pooled;
	struct crs_ctx *crs; /* kind crs: this engine's scratch, made on first use */
	uint16_t next_session; /* the class's next session policy (index + 1; 0: none) */
	bool paused; /* engine_opts.sampled: gated shut, its windows never carried */
	/* A session policy whose having a session can break for good (eng_session_spoils). */
	bool spoils;
	/* spoils, and no unless_rendered watch: a settled session's records skip the filter */
	bool settles;
	uint64_t fire_from_ns; /* engine_opts.resumed_ns: no verdict before this event time */
};

/* A block verdict on its way to the input: verdicts windows, after the record. */
struct pending {
	uint64_t ts_ns;
	struct gh_addr src;
	const char *name;
};

struct engine {
	const struct policy_set *ps;
	struct engine_opts o;
	verdict_fn fn;
	void *ctx;
	struct pred_eval *ev;
	struct epolicy *pol;
	struct engine_policy_stats *pst;
	struct gclass *cls;
	uint16_t ncls, counter_cls;
	uint16_t *list[LIST_COUNT];
	size_t nlist[LIST_COUNT];
	/* Groups: a slab sized for max_groups (pages touched only as used). */
	struct group *g;
	/*
	 * Per group: idle after this (windows empty, cooldowns over, offenses
	 * forgotten). Kept apart so the sweep reads a dense array, not groups.
	 */
	uint64_t *keep;
	/*
	 * Per group of a prefix (an IPv6 /64 by default): the address of its
	 * session records' latest source, which a session's alert names as
	 * src_ip (a session ends on time, with no record to name it). Pages
	 * touched only by such groups.
	 */
	struct gh_addr *session_src;
	uint32_t gused, free_head, ngroups;
	struct lru lru[TIER_COUNT];
	/* Open addressing, linear probing: (tag << 32) | (index + 1), 0 empty; grows. */
	uint64_t *table;
	uint32_t tmask, tmax;
	uint32_t sweep, expire_at; /* cursors of the idle-group and window sweeps */
	uint64_t clock; /* newest event time admitted (engine.h) */
	uint64_t held_ns;     /* replay: the previous record, held out as too far ahead (0: none) */
	uint64_t held_max_ns; /* replay: the newest record held out that the clock has not reached */
	uint64_t entries;
	uint64_t seed;
	uint32_t gen; /* per record: memo validity */
	uint32_t fh_mask; /* per record: which field hashes are in fh */
	uint64_t fh[REQ_FIELD_COUNT];
	struct pending *pend;
	size_t npend;
	struct engine_stats st;
	trace_fn trace;
	void *trace_ctx;
	profile_sink_fn sink;
	void *sink_ctx;
	/*
	 * Match policies (where) and window policies (filter) gated by their
	 * patterns (pred_gate): the evaluation state runs their passes on
	 * every record (pred_eval_plan); a pattern id's policies (indexes in
	 * the set) are gate_pol[gate_first[id] .. + gate_cnt[id]).
	 * gated[i]: policy i waits for a hit; run[i]: the record that let it
	 * through. Per list, in list order: ungated, the policies never gated;
	 * torun (ntorun of them), those this record let through.
	 */
	uint32_t *gate_first, *gate_cnt, *gate_pol;
	bool *gated;
	uint32_t *run;
	uint16_t *ungated[LIST_COUNT], *torun[LIST_COUNT];
	uint32_t nungated[LIST_COUNT], ntorun[LIST_COUNT];
	/*
	 * Policies whose gate a request line that is not plain meets
	 * (pred_gate's unplain: alone, or beside patterns): let through by
	 * every record whose line is not plain.
	 */
	uint16_t *plain_gated;
	uint32_t nplain_gated;
	struct render *render; /* engine_render.c; NULL when no policy has unless_rendered */
	uint64_t held_due;     /* the earliest held verdict's end of wait, or sooner; UINT64_MAX: none */
	uint64_t gate_prev;    /* the cooldown eng_fire_gate last replaced (a held verdict puts it back) */
	/* Per record: its Referer names a page the source requested that a policy with
	 * unless_rendered watches (eng_render_observe): CRS scored that page then. */
	bool referer_watched;
};

static inline void eng_trace(struct engine *e, const struct epolicy *ep, enum trace_stage stage,
			     const double *agg)
{
	if (e->trace)
		e->trace(&(struct engine_trace){ ep->p, stage, agg, NULL }, e->trace_ctx);
}

/* Small and on every record's path: inline here rather than a call across files. */
static inline void eng_group_keep(struct engine *e, uint32_t gi, uint64_t until)
{
	if (until > e->keep[gi])
		e->keep[gi] = until;
}

static inline uint64_t eng_horizon(const struct engine *e)
{
	return e->clock > e->o.late_tolerance_ns ? e->clock - e->o.late_tolerance_ns : 0;
}

static inline uint8_t eng_class_prefix(const struct gclass *c, const struct gh_addr *a)
{
	return a->family == AF_INET ? c->prefix_v4 : c->prefix_v6;
}

/* ---- engine_groups.c ------------------------------------------------------ */

void *eng_pool_take(void **pool, uint32_t *n);
/*
 * The group for key, created when new; NIL without memory. Moves to the LRU
 * head at most once per second of event time (now).
 */
uint32_t eng_group_get(struct engine *e, const struct gkey *k, uint64_t now);
/* eng_slot_state when the slot has no state yet. */
void *eng_slot_state_new(struct engine *e, struct epolicy *ep, struct slot *s);

/*
 * The slot's window or rate state, created (or recycled) on first use; NULL
 * without memory. Inline: every window record asks, and mostly finds it.
 */
static inline void *eng_slot_state(struct engine *e, struct epolicy *ep, struct slot *s)
{
	return s->state ? s->state : eng_slot_state_new(e, ep, s);
}
void eng_group_drop(struct engine *e, uint32_t idx, bool evicted);
/*
 * Policy ep fired in group gi (a cooldown began, maybe offenses): a
 * counter-only group becomes stateful, unless its evidence was counters
 * anyone can forge (packets, syns: counted before any handshake).
 */
void eng_group_fired(struct engine *e, struct epolicy *ep, uint32_t gi);
/* Stay under max_entries by dropping the least recently seen stateful groups other than keep. */
void eng_enforce_budget(struct engine *e, uint32_t keep);
/* Release group idx when nothing reaches it any more (keep at or before horizon). */
void eng_gc_one(struct engine *e, uint32_t idx, uint64_t horizon);
/*
 * Shed the window records no record at or after horizon can reach; a
 * counter-fed group whose cooldowns and offenses are over is counter-only again.
 */
void eng_expire_windows(struct engine *e, uint32_t idx, uint64_t horizon);
/* A few groups per record (amortized release). */
void eng_gc_step(struct engine *e);
/* The field's hash for this record (cached per record); 0 when absent. */
uint64_t eng_field_hash(struct engine *e, const struct request_record *r, enum req_field f);
/* The profile policies records run: untrained ones only while a sink takes samples. */
void eng_list_profiles(struct engine *e);
/* eng_record_group when the record has not looked the class up yet. */
uint32_t eng_record_group_lookup(struct engine *e, uint16_t ci, const struct request_record *r);
/*
 * The record's group in class ci if it has one already, NIL if not: never
 * made, for a look at a cooldown before costly work.
 */
uint32_t eng_record_group_find(struct engine *e, uint16_t ci, const struct request_record *r);

/*
 * The record's group in class ci (once per record); NIL when a group_by
 * field is absent. This and the two below are inline: every window and rate
 * policy a record reaches asks, and mostly finds the memo.
 */
static inline uint32_t eng_record_group(struct engine *e, uint16_t ci,
					const struct request_record *r)
{
	const struct gclass *c = &e->cls[ci];

	return c->memo_gen == e->gen ? c->memo : eng_record_group_lookup(e, ci, r);
}

/* The policy's slot in group gi, marked active (counted in the policy's groups). */
static inline struct slot *eng_group_slot(struct engine *e, struct epolicy *ep, uint32_t gi)
{
	struct slot *s = &e->g[gi].slots[ep->slot];

	if (!s->active) {
		s->active = true;
		e->pst[ep - e->pol].groups++;
	}
	return s;
}

/* The same in the record's group; NULL when it has none. */
static inline struct slot *eng_policy_slot(struct engine *e, struct epolicy *ep,
					   const struct request_record *r, uint32_t *gi)
{
	*gi = eng_record_group(e, ep->cls, r);
	return *gi == NIL ? NULL : eng_group_slot(e, ep, *gi);
}

/* ---- engine_verdict.c ----------------------------------------------------- */

/* The group as text: "203.0.113.0/24", "*" for everything, "src_ip=... host=..." for several. */
struct json_object *eng_group_json(const struct gclass *c, const struct request_record *r);
/* Cooldown: true when the policy may fire for this group at ts (and the cooldown starts; the one
 * it replaced is kept in e->gate_prev). */
bool eng_fire_gate(struct engine *e, struct epolicy *ep, uint32_t gi, uint64_t ts);
/* Escalate, count and call back; takes evidence. src NULL: the group has no source. */
void eng_emit(struct engine *e, struct epolicy *ep, uint32_t gi, const struct gh_addr *src,
	      uint64_t ts, double value, double threshold, struct json_object *evidence);
void eng_run_match(struct engine *e, struct epolicy *ep, const struct request_record *r);
/* A crs policy: the CRS stage's verdict on one record (engine_crs.c). */
void eng_run_crs(struct engine *e, struct epolicy *ep, const struct request_record *r);

/* ---- engine_window.c, engine_rate.c --------------------------------------- */

/* Whether a session of the policy's can break its having for good (then records skip it). */
bool eng_session_spoils(const struct policy *p);
/*
 * Whether r finds the policy's session of its group settled: spoiled (its
 * having broke for good) and with a last record at or after r's time. r
 * could only touch it, and a touch no later than its last record changes
 * nothing (the gap runs from that one), so r's filter need not be read.
 */
bool eng_session_settled(struct engine *e, const struct epolicy *ep,
			 const struct request_record *r);
/* A record its filter let through into the policy's window. */
void eng_window_add(struct engine *e, struct epolicy *ep, const struct request_record *r);
/*
 * End group gi's sessions that have been quiet for their gap at horizon
 * (all: every one, the input is over), reading each one's having once.
 */
void eng_sessions_end(struct engine *e, uint32_t gi, uint64_t horizon, bool all);

/* The filter inline: most records fail it, and pay no call into a function that saves much. */
static inline void eng_run_window(struct engine *e, struct epolicy *ep,
				  const struct request_record *r)
{
	const struct pred *filter = ep->p->window.filter;

	if (ep->settles && !e->trace && eng_session_settled(e, ep, r))
		return;
	if (filter && !pred_match(filter, e->ev)) {
		eng_trace(e, ep, TRACE_NO_MATCH, NULL);
		return;
	}
	eng_window_add(e, ep, r);
}
/* A rate policy fed from a record (replay): what the record adds to its metric. */
void eng_run_rate(struct engine *e, struct epolicy *ep, const struct request_record *r);
/* amount more of the metric at ts in group gi; counted_from goes into the evidence. */
void eng_rate_add(struct engine *e, struct epolicy *ep, uint32_t gi,
		  const struct request_record *r, uint64_t ts, uint64_t amount,
		  const char *counted_from);

/* ---- engine_render.c: unless_rendered ------------------------------------ */

/* Its state when a policy of the set has unless_rendered; false without memory. */
bool eng_render_init(struct engine *e);
void eng_render_free(struct engine *e);
/* A window policy's record of r's URL: a rendering of it spares a verdict its window gives. */
void eng_render_watch(struct engine *e, struct epolicy *ep, const struct request_record *r);
/* CRS scored r's target: a Referer naming it is not scored again (crs_eval_marked). */
void eng_render_scored(struct engine *e, const struct request_record *r);
/* Record r (with a Referer) renders the watched page its Referer names, if any
 * (and sets referer_watched). */
void eng_render_observe(struct engine *e, const struct request_record *r);
/*
 * The verdict a policy gives on request r: emitted (eng_emit), or, when
 * holdable and the policy has unless_rendered, dropped if the source
 * rendered r's page, else held until it does or the wait ends. Takes evidence.
 */
void eng_emit_request(struct engine *e, struct epolicy *ep, uint32_t gi,
		      const struct gh_addr *src, const struct request_record *r, double value,
		      double threshold, struct json_object *evidence, bool holdable);
/*
 * The held verdict whose wait ended first by the clock (all: any), given or
 * dropped; false when none is left (and held_due set). Callers pass its
 * block on (flush_verdicts) before asking again.
 */
bool eng_render_next(struct engine *e, bool all);
/* Each tick: forget the sources whose watches all ended. */
void eng_render_tick(struct engine *e);

/* ---- engine_profile.c ---------------------------------------------------- */

size_t eng_profile_state_size(void);
void eng_run_profile(struct engine *e, struct epolicy *ep, const struct request_record *r);
/* Close group gi's profile windows that ended at or before horizon (all: every open one). */
void eng_profile_close(struct engine *e, uint32_t gi, uint64_t horizon, bool all);

#endif /* GATEHAWK_ENGINE_INTERNAL_H */
