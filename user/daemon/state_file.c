// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The daemon's state file (state_file.h): JSON out, JSON back in with every field checked. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/escape.h"
#include "base/json_file.h"
#include "base/vec.h"
#include "daemon/state_file.h"
#include "kernel/throttle_maps.h"

#define STATE_JSON_DEPTH 8
#define WHAT "a gatehawk state file"

void state_init(struct gh_state *s)
{
	memset(s, 0, sizeof(*s));
}

void state_free(struct gh_state *s)
{
	free(s->blocks);
	free(s->throttles);
	free(s->allows);
	free(s->offenses);
	state_init(s);
}

int state_add_block(struct gh_state *s, const struct state_block *b)
{
	int err = gh_vec_reserve((void **)&s->blocks, &s->cap_blocks, s->n_blocks,
				 sizeof(*s->blocks), 256);

	if (!err)
		s->blocks[s->n_blocks++] = *b;
	return err;
}

int state_add_throttle(struct gh_state *s, const struct state_throttle *t)
{
	int err = gh_vec_reserve((void **)&s->throttles, &s->cap_throttles, s->n_throttles,
				 sizeof(*s->throttles), 64);

	if (!err)
		s->throttles[s->n_throttles++] = *t;
	return err;
}

int state_add_allow(struct gh_state *s, const struct state_allow *a)
{
	int err = gh_vec_reserve((void **)&s->allows, &s->cap_allows, s->n_allows,
				 sizeof(*s->allows), 64);

	if (!err)
		s->allows[s->n_allows++] = *a;
	return err;
}

/* ---- writing ---- */

/* Adds v under key (or to array o when key is NULL); consumes v; false without memory. */
static bool add(struct json_object *o, const char *key, struct json_object *v)
{
	if (o && v && !(key ? json_object_object_add(o, key, v) : json_object_array_add(o, v)))
		return true;
	json_object_put(v);
	return false;
}

static struct json_object *text(const char *s)
{
	return gh_json_string(s, strlen(s));
}

static struct json_object *cidr_json(const struct gh_cidr *c)
{
	char buf[GH_CIDR_STRLEN];

	gh_cidr_format(c, buf, sizeof(buf));
	return text(buf);
}

static struct json_object *hex_json(uint64_t v)
{
	char buf[20];

	snprintf(buf, sizeof(buf), "%" PRIx64, v);
	return text(buf);
}

static struct json_object *ms_json(uint64_t ns)
{
	return json_object_new_int64((int64_t)(ns / 1000000ULL));
}

static struct json_object *u64_json(uint64_t v)
{
	return json_object_new_int64((int64_t)v);
}

static bool add_block_fields(struct json_object *o, const struct state_block *b)
{
	bool ok = add(o, "cidr", cidr_json(&b->cidr));

	ok = ok && add(o, "expires_at_ms", u64_json(b->expires_at_ms));
	ok = ok && add(o, "reason", text(b->reason));
	ok = ok && add(o, "auto", json_object_new_boolean(b->automatic));
	return ok && add(o, "fleet", json_object_new_boolean(b->fleet));
}

static struct json_object *block_json(const struct state_block *b)
{
	struct json_object *o = json_object_new_object();

	return add_block_fields(o, b) ? o : (json_object_put(o), NULL);
}

static struct json_object *throttle_json(const struct state_throttle *t)
{
	struct json_object *o = json_object_new_object();
	bool ok = add_block_fields(o, &t->base);

	ok = ok && add(o, "conns_per_s", u64_json(t->limits.conns_per_s));
	ok = ok && add(o, "conn_burst", u64_json(t->limits.conn_burst));
	ok = ok && add(o, "packets_per_s", u64_json(t->limits.packets_per_s));
	ok = ok && add(o, "packet_burst", u64_json(t->limits.packet_burst));
	return ok ? o : (json_object_put(o), NULL);
}

static struct json_object *allow_json(const struct state_allow *a)
{
	struct json_object *o = json_object_new_object();
	bool ok = add(o, "cidr", cidr_json(&a->cidr));

	ok = ok && add(o, "expires_at_ms", u64_json(a->expires_at_ms));
	return ok ? o : (json_object_put(o), NULL);
}

static struct json_object *offense_json(const struct engine_offense *f)
{
	struct json_object *o = json_object_new_object();
	bool ok = add(o, "policy", text(f->policy));

	ok = ok && add(o, "group_by", text(f->group_by));
	ok = ok && (!f->has_src || add(o, "src", cidr_json(&f->src)));
	ok = ok && add(o, "key", hex_json(f->key_hash));
	ok = ok && add(o, "offenses", json_object_new_int64(f->offenses));
	ok = ok && add(o, "last_block_ms", ms_json(f->last_block_ns));
	ok = ok && add(o, "cooldown_until_ms", ms_json(f->cooldown_until_ns));
	return ok ? o : (json_object_put(o), NULL);
}

static struct json_object *state_json(const struct gh_state *s)
{
	struct json_object *o = json_object_new_object();
	struct json_object *blocks = json_object_new_array_ext((int)s->n_blocks);
	struct json_object *throttles = json_object_new_array_ext((int)s->n_throttles);
	struct json_object *allows = json_object_new_array_ext((int)s->n_allows);
	struct json_object *offenses = json_object_new_array_ext((int)s->n_offenses);
	bool ok = add(o, "version", json_object_new_int(STATE_FILE_VERSION));

	ok = ok && add(o, "pin_dir", text(s->pin_dir));
	ok = ok && add(o, "saved_at_ms", json_object_new_int64((int64_t)s->saved_at_ms));
	ok = ok && add(o, "hash_seed", hex_json(s->hash_seed));
	for (size_t i = 0; ok && i < s->n_blocks; i++)
		ok = add(blocks, NULL, block_json(&s->blocks[i]));
	for (size_t i = 0; ok && i < s->n_throttles; i++)
		ok = add(throttles, NULL, throttle_json(&s->throttles[i]));
	for (size_t i = 0; ok && i < s->n_allows; i++)
		ok = add(allows, NULL, allow_json(&s->allows[i]));
	for (size_t i = 0; ok && i < s->n_offenses; i++)
		ok = add(offenses, NULL, offense_json(&s->offenses[i]));
	/* add() releases what it is given, on failure too. */
	ok = add(o, "blocks", blocks) && ok;
	ok = add(o, "throttles", throttles) && ok;
	ok = add(o, "allows", allows) && ok;
	ok = add(o, "offenses", offenses) && ok;
	return ok ? o : (json_object_put(o), NULL);
}

int state_file_save(const char *path, const struct gh_state *s, struct gh_err *e)
{
	struct json_object *o = state_json(s);
	int err;

	if (!o)
		return gh_err_sys(e, -ENOMEM, "%s: writing " WHAT, path);
	err = gh_json_file_save(path, o, WHAT, e);
	json_object_put(o);
	return err;
}

/* ---- reading ---- */

/* Where in the file a value is, for messages: "blocks[3].cidr". */
struct reader {
	const char *path;
	struct gh_err *e;
};

static int bad(const struct reader *r, const char *field, const char *expected)
{
	gh_err_input(r->e, "%s: %s: expected %s", r->path, field, expected);
	gh_err_at(r->e, r->path, 0);
	gh_err_field(r->e, field);
	return -EINVAL;
}

static struct json_object *member(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

static int get_string(const struct reader *r, struct json_object *o, const char *key,
		      const char *field, char *buf, size_t len)
{
	struct json_object *v = member(o, key);
	char expected[64];

	snprintf(expected, sizeof(expected), "a string of at most %zu bytes", len - 1);
	if (!json_object_is_type(v, json_type_string) ||
	    (size_t)json_object_get_string_len(v) >= len ||
	    strlen(json_object_get_string(v)) != (size_t)json_object_get_string_len(v))
		return bad(r, field, expected);
	memcpy(buf, json_object_get_string(v), (size_t)json_object_get_string_len(v) + 1);
	return 0;
}

static int get_u64(const struct reader *r, struct json_object *o, const char *key,
		   const char *field, uint64_t max, uint64_t *out)
{
	struct json_object *v = member(o, key);
	int64_t n;

	if (!json_object_is_type(v, json_type_int) || (n = json_object_get_int64(v)) < 0 ||
	    (uint64_t)n > max)
		return bad(r, field, "a whole number of at least 0");
	*out = (uint64_t)n;
	return 0;
}

static int get_hex(const struct reader *r, struct json_object *o, const char *key,
		   const char *field, uint64_t *out)
{
	char buf[20], *end;

	if (get_string(r, o, key, field, buf, 17))
		return -EINVAL;
	errno = 0;
	*out = strtoull(buf, &end, 16);
	if (!*buf || *end || errno || strchr(buf, '-') || strchr(buf, ' ') || strchr(buf, 'x'))
		return bad(r, field, "a hexadecimal number of at most 16 digits");
	return 0;
}

static int get_cidr(const struct reader *r, struct json_object *o, const char *key,
		    const char *field, struct gh_cidr *c)
{
	char buf[GH_CIDR_STRLEN];

	if (get_string(r, o, key, field, buf, sizeof(buf)) || gh_cidr_parse(buf, c))
		return bad(r, field, "an address or CIDR such as 203.0.113.0/24");
	return 0;
}

static int get_array(const struct reader *r, struct json_object *root, const char *key,
		     struct json_object **out)
{
	*out = member(root, key);
	return json_object_is_type(*out, json_type_array) ? 0 : bad(r, key, "an array");
}

#define MS_MAX (UINT64_MAX / 1000000ULL)

/* "throttles[2].cidr" */
static void field_name(char *buf, size_t len, const char *array, size_t i, const char *key)
{
	snprintf(buf, len, "%s[%zu].%s", array, i, key);
}

/* An optional boolean: missing is false. */
static int get_flag(const struct reader *r, struct json_object *o, const char *key,
		    const char *field, bool *out)
{
	struct json_object *v = member(o, key);

	if (v && !json_object_is_type(v, json_type_boolean))
		return bad(r, field, "true or false");
	*out = v && json_object_get_boolean(v);
	return 0;
}

/* The fields a block and a throttle share; array names the entry in messages. */
static int read_block_fields(const struct reader *r, struct json_object *o, const char *array,
			     size_t i, struct state_block *b)
{
	static const char *const keys[] = { "cidr", "expires_at_ms", "reason", "auto", "fleet" };
	char f[5][48];

	for (size_t k = 0; k < 5; k++)
		field_name(f[k], sizeof(f[k]), array, i, keys[k]);
	if (!json_object_is_type(o, json_type_object))
		return bad(r, f[0], "an object for each entry");
	if (get_cidr(r, o, "cidr", f[0], &b->cidr) ||
	    get_u64(r, o, "expires_at_ms", f[1], MS_MAX, &b->expires_at_ms) ||
	    get_string(r, o, "reason", f[2], b->reason, sizeof(b->reason)))
		return -EINVAL;
	if (!json_object_is_type(member(o, "auto"), json_type_boolean))
		return bad(r, f[3], "true or false");
	b->automatic = json_object_get_boolean(member(o, "auto"));
	return get_flag(r, o, "fleet", f[4], &b->fleet);
}

static int read_block(const struct reader *r, struct json_object *o, size_t i,
		      struct gh_state *s)
{
	struct state_block b = { 0 };

	if (read_block_fields(r, o, "blocks", i, &b))
		return -EINVAL;
	return state_add_block(s, &b) ? gh_err_sys(r->e, -ENOMEM, "%s: reading", r->path) : 0;
}

static int read_throttle(const struct reader *r, struct json_object *o, size_t i,
			 struct gh_state *s)
{
	static const char *const keys[] = { "conns_per_s", "conn_burst", "packets_per_s",
					    "packet_burst" };
	struct state_throttle t = { 0 };
	uint64_t v[4];
	char f[4][48];

	if (read_block_fields(r, o, "throttles", i, &t.base))
		return -EINVAL;
	for (size_t k = 0; k < 4; k++) {
		field_name(f[k], sizeof(f[k]), "throttles", i, keys[k]);
		if (get_u64(r, o, keys[k], f[k],
			    k % 2 ? GH_THROTTLE_MAX_BURST : GH_THROTTLE_MAX_RATE, &v[k]))
			return -EINVAL;
	}
	t.limits = (struct throttle_limits){ (uint32_t)v[0], (uint32_t)v[1], (uint32_t)v[2],
					     (uint32_t)v[3] };
	if (!throttle_limits_valid(&t.limits))
		return bad(r, f[0], "a rate above 0 with a burst of 1 or more, for connections "
				    "or packets");
	return state_add_throttle(s, &t) ? gh_err_sys(r->e, -ENOMEM, "%s: reading", r->path) : 0;
}

static int read_allow(const struct reader *r, struct json_object *o, size_t i,
		      struct gh_state *s)
{
	struct state_allow a = { 0 };
	char f[2][48];

	field_name(f[0], sizeof(f[0]), "allows", i, "cidr");
	field_name(f[1], sizeof(f[1]), "allows", i, "expires_at_ms");
	if (!json_object_is_type(o, json_type_object))
		return bad(r, f[0], "an object for each allow entry");
	if (get_cidr(r, o, "cidr", f[0], &a.cidr) ||
	    (member(o, "expires_at_ms") &&
	     get_u64(r, o, "expires_at_ms", f[1], MS_MAX, &a.expires_at_ms)))
		return -EINVAL;
	return state_add_allow(s, &a) ? gh_err_sys(r->e, -ENOMEM, "%s: reading", r->path) : 0;
}

static int read_offense(const struct reader *r, struct json_object *o, size_t i,
			struct engine_offense *f)
{
	static const char *const keys[] = { "policy", "group_by", "src", "key", "offenses",
					    "last_block_ms", "cooldown_until_ms" };
	char fld[7][64];
	uint64_t n, last, cool;

	for (size_t k = 0; k < 7; k++)
		snprintf(fld[k], sizeof(fld[k]), "offenses[%zu].%s", i, keys[k]);
	if (!json_object_is_type(o, json_type_object))
		return bad(r, fld[0], "an object for each offense");
	memset(f, 0, sizeof(*f));
	f->has_src = member(o, "src") != NULL;
	if (get_string(r, o, "policy", fld[0], f->policy, sizeof(f->policy)) ||
	    get_string(r, o, "group_by", fld[1], f->group_by, sizeof(f->group_by)) ||
	    (f->has_src && get_cidr(r, o, "src", fld[2], &f->src)) ||
	    get_hex(r, o, "key", fld[3], &f->key_hash) ||
	    get_u64(r, o, "offenses", fld[4], UINT32_MAX, &n) ||
	    get_u64(r, o, "last_block_ms", fld[5], MS_MAX, &last) ||
	    get_u64(r, o, "cooldown_until_ms", fld[6], MS_MAX, &cool))
		return -EINVAL;
	f->offenses = (uint32_t)n;
	f->last_block_ns = last * 1000000ULL;
	f->cooldown_until_ns = cool * 1000000ULL;
	return 0;
}

static int read_entries(const struct reader *r, struct json_object *root, struct gh_state *s)
{
	struct json_object *blocks, *throttles = member(root, "throttles"), *allows, *offenses;
	size_t n;
	int err = get_array(r, root, "blocks", &blocks) ?: get_array(r, root, "allows", &allows)
		  ?: get_array(r, root, "offenses", &offenses);

	if (!err && throttles)
		err = get_array(r, root, "throttles", &throttles);
	for (size_t i = 0; !err && i < json_object_array_length(blocks); i++)
		err = read_block(r, json_object_array_get_idx(blocks, i), i, s);
	for (size_t i = 0; !err && throttles && i < json_object_array_length(throttles); i++)
		err = read_throttle(r, json_object_array_get_idx(throttles, i), i, s);
	for (size_t i = 0; !err && i < json_object_array_length(allows); i++)
		err = read_allow(r, json_object_array_get_idx(allows, i), i, s);
	if (err)
		return err;
	n = json_object_array_length(offenses);
	s->offenses = calloc(n ? n : 1, sizeof(*s->offenses));
	if (!s->offenses)
		return gh_err_sys(r->e, -ENOMEM, "%s: reading", r->path);
	for (size_t i = 0; !err && i < n; i++)
		err = read_offense(r, json_object_array_get_idx(offenses, i), i, &s->offenses[i]);
	s->n_offenses = err ? 0 : n;
	return err;
}

int state_file_load(const char *path, struct gh_state *s, struct gh_err *e)
{
	const struct reader r = { path, e };
	struct json_object *root;
	uint64_t version;
	int err = gh_json_file_load(path, STATE_FILE_MAX, STATE_JSON_DEPTH, WHAT, &root, e);

	if (err == -ENOENT)
		gh_err_clear(e); /* no state yet: not an error */
	if (err)
		return err;
	err = get_u64(&r, root, "version", "version", UINT32_MAX, &version);
	if (!err && version != STATE_FILE_VERSION)
		err = bad(&r, "version", "1 (a state file of this gatehawk version)");
	err = err ?: get_string(&r, root, "pin_dir", "pin_dir", s->pin_dir, sizeof(s->pin_dir));
	err = err ?: get_u64(&r, root, "saved_at_ms", "saved_at_ms", MS_MAX, &s->saved_at_ms);
	err = err ?: get_hex(&r, root, "hash_seed", "hash_seed", &s->hash_seed);
	err = err ?: read_entries(&r, root, s);
	json_object_put(root);
	if (err)
		state_free(s);
	return err;
}
