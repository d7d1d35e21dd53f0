// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The daemon's state file (daemon/state_file.h): what is saved comes back
 * field for field (blocks of both families with and without expiry, reason
 * texts with quotes, fleet blocks, throttles with their limits, allow
 * entries with and without expiry, offenses with and without a source, the
 * hash seed); a file of before throttles, fleet flags and allow expiry
 * still loads; the write is atomic (no .tmp left, a failed write leaves the
 * old file); and a file that is not a state file is refused as input
 * naming the field: bad JSON, a truncated file, another version, wrong
 * types, negative or oversized numbers, bad addresses, missing arrays.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "daemon/state_file.h"
#include "tap.h"

static char dir[] = "/tmp/gh-state-test-XXXXXX";
static char path[64];

static void write_text(const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void cidr(const char *s, struct gh_cidr *c)
{
	if (gh_cidr_parse(s, c))
		memset(c, 0, sizeof(*c));
}

static void fill(struct gh_state *s)
{
	struct state_block b1 = { .expires_at_ms = 1764470000123ULL, .automatic = true,
				  .fleet = true };
	struct state_block b2 = { .expires_at_ms = 0, .automatic = false };
	struct state_throttle t = { .base = { .expires_at_ms = 1764470000456ULL, .automatic = true },
				    .limits = { 10, 20, 0, 0 } };
	struct state_allow a = { 0 }, a2 = { .expires_at_ms = 1764470000789ULL };
	static struct engine_offense off[2];

	state_init(s);
	snprintf(s->pin_dir, sizeof(s->pin_dir), "/sys/fs/bpf/gatehawk");
	s->saved_at_ms = 1764460000000ULL;
	s->hash_seed = 0xfedcba9876543210ULL;
	cidr("203.0.113.7", &b1.cidr);
	snprintf(b1.reason, sizeof(b1.reason), "wp-login \"brute\" \\ force");
	cidr("2001:db8:1::/64", &b2.cidr);
	snprintf(b2.reason, sizeof(b2.reason), "manual");
	state_add_block(s, &b1);
	state_add_block(s, &b2);
	cidr("198.51.100.0/24", &a.cidr);
	state_add_allow(s, &a);
	cidr("2001:db8:9::/48", &a2.cidr);
	state_add_allow(s, &a2);
	cidr("192.0.2.0/28", &t.base.cidr);
	snprintf(t.base.reason, sizeof(t.base.reason), "slow-down");
	state_add_throttle(s, &t);
	memset(off, 0, sizeof(off));
	snprintf(off[0].policy, sizeof(off[0].policy), "path-traversal");
	snprintf(off[0].group_by, sizeof(off[0].group_by), "src_ip");
	off[0].has_src = true;
	cidr("203.0.113.0/24", &off[0].src);
	off[0].offenses = 3;
	off[0].last_block_ns = 1764460000123000000ULL;
	off[0].cooldown_until_ns = 1764460060123000000ULL;
	snprintf(off[1].policy, sizeof(off[1].policy), "host-scan");
	snprintf(off[1].group_by, sizeof(off[1].group_by), "host,path");
	off[1].key_hash = 0xffffffffffffffffULL;
	off[1].offenses = 1;
	off[1].last_block_ns = 1764460000000000000ULL;
	s->offenses = malloc(sizeof(off));
	if (s->offenses) {
		memcpy(s->offenses, off, sizeof(off));
		s->n_offenses = 2;
	}
}

static bool same_cidr(const struct gh_cidr *a, const struct gh_cidr *b)
{
	return a->prefixlen == b->prefixlen && gh_addr_equal(&a->addr, &b->addr);
}

static void test_round_trip(void)
{
	struct gh_state s, r;
	struct gh_err e = { 0 };
	char tmp[80];

	fill(&s);
	ok_eq(state_file_save(path, &s, &e), 0, "saved (%s)", e.msg);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	ok(access(tmp, F_OK) != 0, "no .tmp left behind");
	state_init(&r);
	ok_eq(state_file_load(path, &r, &e), 0, "loaded back (%s)", e.msg);
	ok_str(r.pin_dir, s.pin_dir, "pin dir");
	ok_eq(r.saved_at_ms, s.saved_at_ms, "saved_at_ms");
	ok(r.hash_seed == s.hash_seed, "hash seed, all 64 bits");
	ok_eq(r.n_blocks, 2, "two blocks");
	for (size_t i = 0; i < 2 && i < r.n_blocks; i++) {
		ok(same_cidr(&r.blocks[i].cidr, &s.blocks[i].cidr), "block %zu: cidr", i);
		ok_eq(r.blocks[i].expires_at_ms, s.blocks[i].expires_at_ms, "block %zu: expiry", i);
		ok_str(r.blocks[i].reason, s.blocks[i].reason, "block %zu: reason", i);
		ok_eq(r.blocks[i].automatic, s.blocks[i].automatic, "block %zu: auto", i);
		ok_eq(r.blocks[i].fleet, s.blocks[i].fleet, "block %zu: fleet", i);
	}
	ok_eq(r.n_throttles, 1, "one throttle");
	if (r.n_throttles == 1) {
		const struct state_throttle *a = &r.throttles[0], *b = &s.throttles[0];

		ok(same_cidr(&a->base.cidr, &b->base.cidr), "throttle: cidr");
		ok_eq(a->base.expires_at_ms, b->base.expires_at_ms, "throttle: expiry");
		ok_str(a->base.reason, b->base.reason, "throttle: reason");
		ok(a->base.automatic && !a->base.fleet, "throttle: auto, not fleet");
		ok(!memcmp(&a->limits, &b->limits, sizeof(a->limits)), "throttle: its limits");
	}
	ok_eq(r.n_allows, 2, "two allow entries");
	for (size_t i = 0; i < 2 && i < r.n_allows; i++) {
		ok(same_cidr(&r.allows[i].cidr, &s.allows[i].cidr), "allow %zu: cidr", i);
		ok_eq(r.allows[i].expires_at_ms, s.allows[i].expires_at_ms, "allow %zu: expiry", i);
	}
	ok_eq(r.n_offenses, 2, "two offenses");
	for (size_t i = 0; i < 2 && i < r.n_offenses; i++) {
		const struct engine_offense *a = &r.offenses[i], *b = &s.offenses[i];

		ok_str(a->policy, b->policy, "offense %zu: policy", i);
		ok_str(a->group_by, b->group_by, "offense %zu: group_by", i);
		ok_eq(a->has_src, b->has_src, "offense %zu: has a source or not", i);
		ok(!a->has_src || same_cidr(&a->src, &b->src), "offense %zu: source", i);
		ok(a->key_hash == b->key_hash, "offense %zu: key hash, all 64 bits", i);
		ok_eq(a->offenses, b->offenses, "offense %zu: count", i);
		ok_eq(a->last_block_ns, b->last_block_ns, "offense %zu: last block (ms)", i);
		ok_eq(a->cooldown_until_ns, b->cooldown_until_ns, "offense %zu: cooldown", i);
	}
	state_free(&r);
	state_free(&s);
}

/* A write that cannot happen leaves the file as it was. */
static void test_failed_write_keeps_old(void)
{
	struct gh_state s, r;
	struct gh_err e = { 0 };
	char tmp[80];

	fill(&s);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	/* A directory where the temporary file goes: the write fails. */
	ok_eq(mkdir(tmp, 0700), 0, "blocked the temporary file");
	s.saved_at_ms = 42;
	ok(state_file_save(path, &s, &e) < 0, "the save failed (%s)", e.msg);
	rmdir(tmp);
	state_init(&r);
	gh_err_clear(&e);
	ok_eq(state_file_load(path, &r, &e), 0, "the old file still loads");
	ok(r.saved_at_ms != 42 && r.n_blocks == 2, "... with the old content");
	state_free(&r);
	state_free(&s);
}

struct bad_case {
	const char *what;
	const char *text;
	const char *field; /* the error's field; "" when none */
};

#define HEAD_OK "\"version\":1,\"pin_dir\":\"/p\",\"saved_at_ms\":1,\"hash_seed\":\"1\""
#define LISTS_OK "\"blocks\":[],\"allows\":[],\"offenses\":[]"
#define BLOCK(x) "{" HEAD_OK ",\"blocks\":[" x "],\"allows\":[],\"offenses\":[]}"
#define OFFENSE(x) "{" HEAD_OK ",\"blocks\":[],\"allows\":[],\"offenses\":[" x "]}"
#define GOOD_BLOCK "{\"cidr\":\"192.0.2.1\",\"expires_at_ms\":5,\"reason\":\"r\",\"auto\":true}"
#define THROTTLE(x) "{" HEAD_OK ",\"blocks\":[],\"throttles\":[" x "],\"allows\":[],\"offenses\":[]}"
#define THROTTLE_HEAD "\"cidr\":\"192.0.2.1\",\"expires_at_ms\":5,\"reason\":\"r\",\"auto\":true"

static const struct bad_case bad[] = {
	{ "not JSON", "garbage", "" },
	{ "truncated", "{" HEAD_OK ",\"blocks\":[{\"cidr\":\"192.0", "" },
	{ "an array, not an object", "[]", "" },
	{ "empty", "", "" },
	{ "another version", "{\"version\":2,\"pin_dir\":\"/p\",\"saved_at_ms\":1,"
	  "\"hash_seed\":\"1\"," LISTS_OK "}", "version" },
	{ "no version", "{\"pin_dir\":\"/p\",\"saved_at_ms\":1,\"hash_seed\":\"1\"," LISTS_OK "}",
	  "version" },
	{ "a negative time", "{\"version\":1,\"pin_dir\":\"/p\",\"saved_at_ms\":-1,"
	  "\"hash_seed\":\"1\"," LISTS_OK "}", "saved_at_ms" },
	{ "a seed that is no hex", "{\"version\":1,\"pin_dir\":\"/p\",\"saved_at_ms\":1,"
	  "\"hash_seed\":\"xyz\"," LISTS_OK "}", "hash_seed" },
	{ "a seed over 64 bits", "{\"version\":1,\"pin_dir\":\"/p\",\"saved_at_ms\":1,"
	  "\"hash_seed\":\"1ffffffffffffffff\"," LISTS_OK "}", "hash_seed" },
	{ "a seed with a sign", "{\"version\":1,\"pin_dir\":\"/p\",\"saved_at_ms\":1,"
	  "\"hash_seed\":\"-1\"," LISTS_OK "}", "hash_seed" },
	{ "no blocks array", "{" HEAD_OK ",\"allows\":[],\"offenses\":[]}", "blocks" },
	{ "blocks not an array", "{" HEAD_OK ",\"blocks\":{},\"allows\":[],\"offenses\":[]}",
	  "blocks" },
	{ "a block that is a string", BLOCK(GOOD_BLOCK ",\"192.0.2.1\""), "blocks[1].cidr" },
	{ "a block with a bad address",
	  BLOCK("{\"cidr\":\"192.0.2.300\",\"expires_at_ms\":5,\"reason\":\"r\",\"auto\":true}"),
	  "blocks[0].cidr" },
	{ "a block with host bits set",
	  BLOCK("{\"cidr\":\"192.0.2.1/24\",\"expires_at_ms\":5,\"reason\":\"r\",\"auto\":true}"),
	  "blocks[0].cidr" },
	{ "an expiry as a string",
	  BLOCK("{\"cidr\":\"192.0.2.1\",\"expires_at_ms\":\"5\",\"reason\":\"r\",\"auto\":true}"),
	  "blocks[0].expires_at_ms" },
	{ "an expiry as a float",
	  BLOCK("{\"cidr\":\"192.0.2.1\",\"expires_at_ms\":5.5,\"reason\":\"r\",\"auto\":true}"),
	  "blocks[0].expires_at_ms" },
	{ "a reason too long",
	  BLOCK("{\"cidr\":\"192.0.2.1\",\"expires_at_ms\":5,\"reason\":"
		"\"0123456789012345678901234567890123456789012345678901234567890123\",\"auto\":true}"),
	  "blocks[0].reason" },
	{ "a reason with a NUL",
	  BLOCK("{\"cidr\":\"192.0.2.1\",\"expires_at_ms\":5,\"reason\":\"a\\u0000b\",\"auto\":true}"),
	  "blocks[0].reason" },
	{ "auto that is not a boolean",
	  BLOCK("{\"cidr\":\"192.0.2.1\",\"expires_at_ms\":5,\"reason\":\"r\",\"auto\":1}"),
	  "blocks[0].auto" },
	{ "fleet that is not a boolean",
	  BLOCK("{\"cidr\":\"192.0.2.1\",\"expires_at_ms\":5,\"reason\":\"r\",\"auto\":true,"
		"\"fleet\":\"yes\"}"),
	  "blocks[0].fleet" },
	{ "throttles not an array", "{" HEAD_OK ",\"blocks\":[],\"throttles\":{},\"allows\":[],"
	  "\"offenses\":[]}", "throttles" },
	{ "a throttle without limits", THROTTLE("{" THROTTLE_HEAD "}"), "throttles[0].conns_per_s" },
	{ "a throttle with no rate at all",
	  THROTTLE("{" THROTTLE_HEAD ",\"conns_per_s\":0,\"conn_burst\":0,\"packets_per_s\":0,"
		   "\"packet_burst\":0}"),
	  "throttles[0].conns_per_s" },
	{ "a throttle burst over the maximum",
	  THROTTLE("{" THROTTLE_HEAD ",\"conns_per_s\":5,\"conn_burst\":1000001,"
		   "\"packets_per_s\":0,\"packet_burst\":0}"),
	  "throttles[0].conn_burst" },
	{ "a throttle with a bad address",
	  THROTTLE("{\"cidr\":\"x\",\"expires_at_ms\":5,\"reason\":\"r\",\"auto\":true}"),
	  "throttles[0].cidr" },
	{ "an allow expiry as a string",
	  "{" HEAD_OK ",\"blocks\":[],\"allows\":[{\"cidr\":\"192.0.2.0/24\","
	  "\"expires_at_ms\":\"5\"}],\"offenses\":[]}", "allows[0].expires_at_ms" },
	{ "an allow entry without cidr",
	  "{" HEAD_OK ",\"blocks\":[],\"allows\":[{}],\"offenses\":[]}", "allows[0].cidr" },
	{ "an offense count over 32 bits",
	  OFFENSE("{\"policy\":\"p\",\"group_by\":\"src_ip\",\"src\":\"192.0.2.1\",\"key\":\"0\","
		  "\"offenses\":4294967296,\"last_block_ms\":1,\"cooldown_until_ms\":0}"),
	  "offenses[0].offenses" },
	{ "an offense without a policy",
	  OFFENSE("{\"group_by\":\"src_ip\",\"key\":\"0\",\"offenses\":1,\"last_block_ms\":1,"
		  "\"cooldown_until_ms\":0}"),
	  "offenses[0].policy" },
	{ "an offense with a bad source",
	  OFFENSE("{\"policy\":\"p\",\"group_by\":\"src_ip\",\"src\":7,\"key\":\"0\","
		  "\"offenses\":1,\"last_block_ms\":1,\"cooldown_until_ms\":0}"),
	  "offenses[0].src" },
	{ "a time that overflows nanoseconds",
	  OFFENSE("{\"policy\":\"p\",\"group_by\":\"src_ip\",\"key\":\"0\",\"offenses\":1,"
		  "\"last_block_ms\":9223372036854775807,\"cooldown_until_ms\":0}"),
	  "offenses[0].last_block_ms" },
};

static void test_bad_files(void)
{
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct gh_state s;
		struct gh_err e = { 0 };
		int err;

		write_text(bad[i].text);
		state_init(&s);
		err = state_file_load(path, &s, &e);
		ok_eq(err, -EINVAL, "%s: refused", bad[i].what);
		ok(e.input, "%s: as input (%s)", bad[i].what, e.msg);
		ok_str(e.file, path, "%s: the error names the file", bad[i].what);
		ok_str(e.field, bad[i].field, "%s: the error names the field", bad[i].what);
		ok(s.n_blocks == 0 && s.n_offenses == 0 && !s.blocks && !s.throttles,
		   "%s: nothing kept", bad[i].what);
		state_free(&s);
	}
}

/* Saved before throttles, fleet flags and allow expiry: no fleet, none, never. */
static void test_older_file(void)
{
	struct gh_state s;
	struct gh_err e = { 0 };

	write_text("{" HEAD_OK ",\"blocks\":[" GOOD_BLOCK "],\"allows\":[{\"cidr\":\"192.0.2.0/24\"}],"
		   "\"offenses\":[]}");
	state_init(&s);
	ok_eq(state_file_load(path, &s, &e), 0, "an older file loads (%s)", e.msg);
	ok(s.n_blocks == 1 && !s.blocks[0].fleet, "... its block is not the fleet's");
	ok_eq(s.n_throttles, 0, "... no throttles");
	ok(s.n_allows == 1 && s.allows[0].expires_at_ms == 0, "... its allow never expires");
	state_free(&s);
}

static void test_missing(void)
{
	struct gh_state s;
	struct gh_err e = { 0 };

	unlink(path);
	state_init(&s);
	ok_eq(state_file_load(path, &s, &e), -ENOENT, "no file: -ENOENT");
	ok(!e.code && !e.input, "... and no error set");
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/state.json", dir);
	test_round_trip();
	test_failed_write_keeps_old();
	test_bad_files();
	test_older_file();
	test_missing();
	unlink(path);
	rmdir(dir);
	return tap_done();
}
