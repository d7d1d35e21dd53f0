// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Saving the daemon's state as it changes and putting it back at start (persist.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>

#include "base/clock.h"
#include "base/hash.h"
#include "daemon/persist.h"
#include "engine/engine_state.h"
#include "kernel/pins.h"
#include "kernel/throttle_maps.h"

#define NS_PER_MS 1000000ULL
#define NS_PER_S 1000000000ULL

static uint64_t random_seed(void)
{
	uint64_t seed = 0;

	if (getrandom(&seed, sizeof(seed), 0) != sizeof(seed))
		seed = gh_clock_ns(CLOCK_REALTIME) ^ gh_boottime_ns();
	return seed ? seed : 1;
}

/* The directory the file goes in, made (0700: the seed is in it) when missing. */
static int make_state_dir(const char *path, struct gh_err *e)
{
	char dir[512];
	char *slash;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir))
		return gh_err_input(e, "--state-file %s: expected a path of at most %zu bytes",
				    path, sizeof(dir) - 1);
	slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0;
	*slash = '\0';
	if (mkdir(dir, 0700) && errno != EEXIST)
		return gh_err_sys(e, -errno, "--state-file: creating %s", dir);
	return 0;
}

/* Not a state file: kept aside for a look, and the daemon starts without it. */
static int set_aside(const char *path, struct gh_err *e)
{
	char aside[600], why[GH_ERR_MSG_MAX];

	snprintf(why, sizeof(why), "%s", e->msg);
	gh_err_clear(e);
	snprintf(aside, sizeof(aside), "%s.corrupt", path);
	if (rename(path, aside))
		return gh_err_sys(e, -errno, "%s is not a state file (%s); moving it to %s", path,
				  why, aside);
	gh_err_note(e, "%s; moved to %s, starting without saved state", why, aside);
	return 0;
}

int persist_open(struct persist *p, const char *path, const char *pin_dir, struct gh_err *e)
{
	int err;

	memset(p, 0, sizeof(*p));
	p->path = path;
	p->pin_dir = pin_dir;
	state_init(&p->loaded);
	p->fresh_maps = !gh_pin_exists(pin_dir, "block_host4");
	if (!path) {
		p->seed = random_seed();
		return 0;
	}
	err = make_state_dir(path, e);
	if (err)
		return err;
	err = state_file_load(path, &p->loaded, e);
	p->from_file = !err;
	if (err == -EINVAL)
		err = set_aside(path, e);
	else if (err == -ENOENT)
		err = 0;
	if (err)
		return err;
	if (p->loaded.pin_dir[0] && strcmp(p->loaded.pin_dir, pin_dir)) {
		gh_err_input(e, "--state-file %s holds the state of the gate in %s, not %s: "
			     "give each gate its own state file", path, p->loaded.pin_dir, pin_dir);
		state_free(&p->loaded);
		return -EINVAL;
	}
	p->seed = p->loaded.hash_seed ? p->loaded.hash_seed : random_seed();
	return 0;
}

/* ---- putting it back ---- */

/* Rounded up: an entry never ends early because of a restart. */
static uint64_t ttl_left(uint64_t expires_at_ms, uint64_t real_now)
{
	uint64_t until = expires_at_ms * NS_PER_MS;

	return expires_at_ms ? (until - real_now + NS_PER_S - 1) / NS_PER_S : 0;
}

static bool over(uint64_t expires_at_ms, uint64_t real_now)
{
	return expires_at_ms && expires_at_ms * NS_PER_MS <= real_now;
}

/* The map's entry for a saved block or throttle. */
static void spec_of(struct gate_maps *m, const struct state_block *b, uint64_t real_now,
		    struct block_spec *spec)
{
	spec->cidr = b->cidr;
	spec->ttl_s = ttl_left(b->expires_at_ms, real_now);
	spec->flags = (b->automatic ? GH_BLOCK_F_AUTO : 0) | (b->fleet ? GH_BLOCK_F_FLEET : 0);
	if (gate_reason_id(m, b->reason, &spec->reason))
		spec->reason = 0; /* the reason table is full: shown as manual */
}

static void restore_blocks(struct persist *p, struct gate_maps *m, uint64_t real_now,
			   struct persist_restored *out)
{
	const struct gh_state *s = &p->loaded;
	struct block_spec *specs = calloc(s->n_blocks ? s->n_blocks : 1, sizeof(*specs));
	size_t n = 0;

	if (!specs) {
		out->failed = s->n_blocks;
		return;
	}
	for (size_t i = 0; i < s->n_blocks; i++) {
		if (over(s->blocks[i].expires_at_ms, real_now))
			out->expired++;
		else
			spec_of(m, &s->blocks[i], real_now, &specs[n++]);
	}
	/* All at once; when the map refuses the batch, one by one to keep what fits. */
	if (!gate_block_add(m, specs, n)) {
		out->blocks = n;
	} else {
		for (size_t i = 0; i < n; i++) {
			bool ok = !gate_block_add(m, &specs[i], 1);

			out->blocks += ok;
			out->failed += !ok;
		}
	}
	free(specs);
}

static void restore_throttles(struct persist *p, struct gate_maps *m, uint64_t real_now,
			      struct persist_restored *out)
{
	for (size_t i = 0; i < p->loaded.n_throttles; i++) {
		const struct state_throttle *t = &p->loaded.throttles[i];
		struct throttle_spec spec = { .limits = t->limits };
		bool ok;

		if (over(t->base.expires_at_ms, real_now)) {
			out->expired++;
			continue;
		}
		spec_of(m, &t->base, real_now, &spec.base);
		ok = !gate_throttle_add(m, &spec);
		out->throttles += ok;
		out->failed += !ok;
	}
}

static void restore_allows(struct persist *p, struct gate_maps *m, uint64_t real_now,
			   struct persist_restored *out)
{
	for (size_t i = 0; i < p->loaded.n_allows; i++) {
		const struct state_allow *a = &p->loaded.allows[i];
		struct allow_spec spec = { .cidr = a->cidr,
					   .ttl_s = ttl_left(a->expires_at_ms, real_now) };

		if (over(a->expires_at_ms, real_now))
			out->expired++;
		else
			out->allows += !gate_allow_put(m, &spec, 1);
	}
}

static void restore_maps(struct persist *p, struct gate_maps *m, struct persist_restored *out)
{
	uint64_t real_now = gh_clock_ns(CLOCK_REALTIME);

	if (gate_maps_lock(m)) {
		out->failed = p->loaded.n_blocks + p->loaded.n_throttles;
		return;
	}
	restore_blocks(p, m, real_now, out);
	restore_throttles(p, m, real_now, out);
	restore_allows(p, m, real_now, out);
	gate_maps_unlock(m);
}

/* ---- capturing ---- */

/* One capture: the state as the file would hold it, and its fingerprint. */
struct capture {
	struct gh_state *s;
	struct gate_maps *m;
	uint64_t boot_now, real_now;
	uint64_t fp;
	char (*reasons)[GH_REASON_LEN]; /* reason texts by id, read once each */
	int err;
};

/* Order-free: the maps' iteration order is not part of the state. */
static void fp_add(struct capture *c, const void *p, size_t len)
{
	c->fp += gh_hash_bytes(p, len, 0x5eed);
}

/* A boottime expiry (0: never) as wall-clock milliseconds. */
static uint64_t wall_ms(const struct capture *c, uint64_t expires_ns)
{
	return expires_ns ? (c->real_now + (expires_ns - c->boot_now)) / NS_PER_MS : 0;
}

static const char *reason_text(struct capture *c, uint32_t id)
{
	if (id >= GH_MAX_REASONS)
		return "manual";
	if (!c->reasons[id][0] &&
	    gate_reason_text(c->m, id, c->reasons[id], sizeof(c->reasons[id])))
		snprintf(c->reasons[id], sizeof(c->reasons[id]), "manual");
	return c->reasons[id];
}

/* The saved form of a live entry, hashed into the fingerprint (hits aside). */
static int capture_entry(struct capture *c, const struct gh_cidr *cidr,
			 const struct block_entry *e, const void *extra, size_t extra_len,
			 struct state_block *b)
{
	struct {
		struct gh_cidr cidr;
		uint64_t expires;
		uint32_t reason, flags;
	} key;

	if (!block_entry_live(e, c->boot_now))
		return 0;
	memset(&key, 0, sizeof(key)); /* padding too: the bytes are hashed */
	key.cidr = *cidr;
	key.expires = e->expires_ns;
	key.reason = e->reason;
	key.flags = e->flags;
	*b = (struct state_block){ .cidr = *cidr, .automatic = e->flags & GH_BLOCK_F_AUTO,
				   .fleet = e->flags & GH_BLOCK_F_FLEET,
				   .expires_at_ms = wall_ms(c, e->expires_ns) };
	snprintf(b->reason, sizeof(b->reason), "%s", reason_text(c, e->reason));
	fp_add(c, &key, sizeof(key));
	if (extra)
		fp_add(c, extra, extra_len);
	return 1;
}

static int capture_block(const struct block_view *v, void *ctx)
{
	struct capture *c = ctx;
	struct state_block b;

	return capture_entry(c, &v->cidr, &v->entry, NULL, 0, &b) > 0 ? state_add_block(c->s, &b)
								      : 0;
}

static int capture_throttle(const struct throttle_view *v, void *ctx)
{
	struct capture *c = ctx;
	struct state_throttle t = { .limits = { v->entry.conns.per_s, v->entry.conns.burst,
						v->entry.packets.per_s, v->entry.packets.burst } };

	if (capture_entry(c, &v->cidr, &v->entry.entry, &t.limits, sizeof(t.limits), &t.base) <= 0)
		return 0;
	return state_add_throttle(c->s, &t);
}

static int capture_allow(const struct allow_view *v, void *ctx)
{
	struct capture *c = ctx;
	const struct allow_entry *e = &v->entry;
	struct state_allow a = { .cidr = v->cidr, .expires_at_ms = wall_ms(c, e->expires_ns) };
	struct {
		struct gh_cidr cidr;
		uint64_t expires;
	} key;

	/* An --allow-file entry comes back from its file; an expired one is GC's. */
	if ((e->flags & GH_ALLOW_F_FILE) || (e->expires_ns && e->expires_ns <= c->boot_now))
		return 0;
	memset(&key, 0, sizeof(key));
	key.cidr = v->cidr;
	key.expires = e->expires_ns;
	fp_add(c, &key, sizeof(key));
	return state_add_allow(c->s, &a);
}

static int capture(struct persist *p, struct gate_maps *m, const struct engine *engine,
		   uint64_t event_now, struct gh_state *s, uint64_t *fp)
{
	struct capture c = { .s = s, .m = m, .boot_now = gh_boottime_ns(),
			     .real_now = gh_clock_ns(CLOCK_REALTIME) };
	int err;

	snprintf(s->pin_dir, sizeof(s->pin_dir), "%s", p->pin_dir);
	s->saved_at_ms = c.real_now / NS_PER_MS;
	s->hash_seed = p->seed;
	c.reasons = calloc(GH_MAX_REASONS, sizeof(*c.reasons));
	if (!c.reasons)
		return -ENOMEM;
	if (m)
		err = gate_block_foreach(m, capture_block, &c) ?:
		      gate_throttle_foreach(m, capture_throttle, &c) ?:
		      gate_allow_foreach(m, capture_allow, &c);
	else
		err = 0; /* run --no-kernel: the engine's memory alone */
	free(c.reasons);
	if (!err && engine)
		err = engine_offenses_export(engine, event_now, &s->offenses, &s->n_offenses);
	for (size_t i = 0; !err && i < s->n_offenses; i++)
		fp_add(&c, &s->offenses[i], sizeof(s->offenses[i]));
	*fp = c.fp ? c.fp : 1;
	return err;
}

/* Capture, and write when it differs from the file (or always: force). */
static int save(struct persist *p, struct gate_maps *m, const struct engine *engine,
		uint64_t event_now, bool force, struct gh_err *e)
{
	struct gh_state s;
	uint64_t fp = 0;
	int err;

	if (!p->path || !p->live)
		return 0;
	state_init(&s);
	err = capture(p, m, engine, event_now, &s, &fp);
	if (err)
		gh_err_sys(e, err, "%s: reading the state to save", p->path);
	else if (force || fp != p->saved_fp)
		err = state_file_save(p->path, &s, e);
	if (!err)
		p->saved_fp = fp;
	state_free(&s);
	return err;
}

int persist_restore(struct persist *p, struct gate_maps *m, struct engine *engine,
		    uint64_t event_now, struct persist_restored *out, struct gh_err *e)
{
	memset(out, 0, sizeof(*out));
	out->from_file = p->from_file;
	if (m && p->fresh_maps)
		restore_maps(p, m, out);
	if (engine && p->loaded.n_offenses)
		out->offenses = engine_offenses_import(engine, p->loaded.offenses,
						       p->loaded.n_offenses, event_now);
	state_free(&p->loaded);
	p->live = true;
	return save(p, m, engine, event_now, true, e);
}

int persist_tick(struct persist *p, struct gate_maps *m, const struct engine *engine,
		 uint64_t event_now, uint64_t mark, bool sweep, struct gh_err *e)
{
	if (mark == p->mark && !sweep)
		return 0;
	p->mark = mark;
	return save(p, m, engine, event_now, false, e);
}

int persist_close(struct persist *p, struct gate_maps *m, const struct engine *engine,
		  uint64_t event_now, struct gh_err *e)
{
	int err = save(p, m, engine, event_now, false, e);

	state_free(&p->loaded);
	p->live = false;
	return err;
}

struct persist_carried persist_carry(struct engine *from, struct engine *to, uint64_t event_now)
{
	struct persist_carried c = { 0 };
	struct engine_offense *o;
	size_t n;

	engine_release_held(from);
	c.offenses = engine_offenses_export(from, event_now, &o, &n);
	if (!c.offenses) {
		c.offenses = engine_offenses_import(to, o, n, event_now);
		free(o);
	}
	c.windows = engine_take_windows(to, from, event_now);
	return c;
}
