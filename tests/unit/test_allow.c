// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Allow lists like operators expect, on the gate's own maps
 * (tests/lib/gate_fixture.h): an entry with a ttl expires, and then covers
 * nothing, while a wider live entry under it still does (the program's
 * fallback); adding again refreshes the expiry and keeps the hits; a batch
 * that does not fit changes nothing; the GC deletes expired allow and block
 * entries and says which. Allow files (daemon/allow_files.h): bad lines
 * named file:line and nothing loaded; their entries written marked as the
 * files', an operator's own entry left alone, the entries a file no longer
 * lists removed. The memory of blocks without the kernel
 * (daemon/block_memory.h): never shorter, bounded, expiring.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>

#include "tap.h"
#include "gate_fixture.h"
#include "base/clock.h"
#include "daemon/allow_files.h"
#include "daemon/block_memory.h"

#define NS 1000000000ULL
#define SMALL_ALLOWS 16

static struct gate_fixture fx;
static struct gate_maps *m = &fx.maps;
static char dir[] = "/tmp/gh-allow-XXXXXX";
static char logged[8][256];
static int n_logged;

static struct gh_cidr cidr(const char *s)
{
	struct gh_cidr c = { 0 };

	gh_cidr_parse(s, &c);
	return c;
}

static struct gh_addr addr(const char *s)
{
	return cidr(s).addr;
}

static int get(const char *c, struct allow_entry *e)
{
	struct gh_cidr k = cidr(c);

	return gate_allow_get(m, &k, e);
}

static int del(const char *c)
{
	struct gh_cidr k = cidr(c);

	return gate_allow_del(m, &k);
}

static bool file_covers(const struct allow_files *af, const char *a)
{
	struct gh_addr x = addr(a);

	return allow_files_cover(af, &x);
}

static int put(const char *c, uint64_t ttl_s, uint32_t flags)
{
	struct allow_spec s = { cidr(c), ttl_s, flags };

	return gate_allow_put(m, &s, 1);
}

/* Make an entry expire now, as time would. */
static void expire_allow(const char *c)
{
	struct gh_cidr k = cidr(c);
	struct allow_entry e;
	uint8_t key[20] = { 0 };
	uint32_t plen = k.prefixlen;

	gate_allow_get(m, &k, &e);
	e.expires_ns = gh_boottime_ns() - 1;
	memcpy(key, &plen, 4);
	memcpy(key + 4, k.addr.bytes, gh_addr_len(&k.addr));
	bpf_map_update_elem(k.addr.family == AF_INET ? m->allow_net4 : m->allow_net6, key, &e,
			    BPF_ANY);
}

static int count_allow(const struct allow_view *v, void *ctx)
{
	(void)v;
	(*(int *)ctx)++;
	return 0;
}

static int allow_count(void)
{
	int n = 0;

	gate_allow_foreach(m, count_allow, &n);
	return n;
}

static void test_ttl(void)
{
	struct gh_addr inside = addr("192.0.2.7");
	struct allow_entry e;
	uint64_t now = gh_boottime_ns();

	ok_eq(put("192.0.2.7", 600, 0), 0, "allow 192.0.2.7 for 10m");
	ok_eq(get("192.0.2.7", &e), 0, "the entry is there");
	ok(e.expires_ns >= now + 599 * NS && e.expires_ns <= now + 601 * NS && e.prefixlen == 32,
	   "expiring in 600 s, its prefix length stored for the program's fallback");
	ok_eq(gate_allow_covers(m, &inside), 1, "it covers the address");
	expire_allow("192.0.2.7");
	ok_eq(gate_allow_covers(m, &inside), 0, "expired, it covers nothing");
	ok_eq(put("192.0.2.0/24", 0, 0), 0, "allow 192.0.2.0/24 for good");
	ok_eq(gate_allow_covers(m, &inside), 1,
	      "an expired /32 no longer hides the live /24 around it");
	del("192.0.2.7");
	del("192.0.2.0/24");
}

static void test_refresh(void)
{
	struct gh_cidr c = cidr("2001:db8::/64");
	struct allow_entry before, after;
	uint8_t key[20] = { 0 };
	uint32_t plen = 64;

	put("2001:db8::/64", 60, 0);
	gate_allow_get(m, &c, &before);
	before.hits = 42;
	memcpy(key, &plen, 4);
	memcpy(key + 4, c.addr.bytes, 16);
	bpf_map_update_elem(m->allow_net6, key, &before, BPF_ANY);
	ok_eq(put("2001:db8::/64", 0, 0), 0, "added again without a ttl");
	gate_allow_get(m, &c, &after);
	ok(!after.expires_ns && after.hits == 42 && after.created_ns == before.created_ns,
	   "now permanent, hits and creation time kept");
	gate_allow_del(m, &c);
}

static void test_all_or_nothing(void)
{
	struct allow_spec s[SMALL_ALLOWS + 4];
	char buf[32];

	for (int i = 0; i < SMALL_ALLOWS + 4; i++) {
		snprintf(buf, sizeof(buf), "198.51.100.%d", i + 1);
		s[i] = (struct allow_spec){ cidr(buf), 0, 0 };
	}
	put("198.51.100.1", 0, 0);
	ok_eq(gate_allow_put(m, s, SMALL_ALLOWS + 4), -E2BIG,
	      "%d entries into a list of %d: -E2BIG", SMALL_ALLOWS + 4, SMALL_ALLOWS);
	ok_eq(allow_count(), 1, "and the list is as it was (the one entry before)");
	gate_allow_del(m, &s[0].cidr);
}

struct gone_log {
	int blocks, allows;
	char last[GH_CIDR_STRLEN];
};

static int block_gone(const struct block_view *v, void *ctx)
{
	struct gone_log *g = ctx;

	g->blocks++;
	gh_cidr_format(&v->cidr, g->last, sizeof(g->last));
	return 0;
}

static int allow_gone(const struct allow_view *v, void *ctx)
{
	struct gone_log *g = ctx;

	g->allows++;
	gh_cidr_format(&v->cidr, g->last, sizeof(g->last));
	return 0;
}

static void test_gc(void)
{
	struct block_spec b[2] = { { .cidr = cidr("203.0.113.9"), .ttl_s = 1 },
				   { .cidr = cidr("203.0.113.10"), .ttl_s = 3600 } };
	struct gone_log g = { 0 };
	const struct gate_gone gone = { block_gone, allow_gone, &g };
	size_t removed;
	uint64_t next = 0, t0 = gh_boottime_ns();

	gate_block_add(m, b, 2);
	put("192.0.2.50", 1, 0);
	put("192.0.2.51", 3600, 0);
	ok_eq(gate_gc(m, gh_boottime_ns() + 2 * NS, &gone, &removed, &next), 0,
	      "GC two seconds on");
	ok_eq(removed, 2, "one block and one allow entry expired and went");
	ok(next >= t0 + 3600 * NS && next <= gh_boottime_ns() + 3600 * NS,
	   "the soonest expiry left is the hour of the entries in force");
	ok(g.blocks == 1 && g.allows == 1, "each was told");
	ok_eq(allow_count(), 1, "the live allow entry stays");
	gate_block_del(m, &b[1].cidr);
	del("192.0.2.51");
}

static void on_log(void *ctx, const char *line)
{
	(void)ctx;
	if (n_logged < 8)
		snprintf(logged[n_logged++], sizeof(logged[0]), "%s", line);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void test_files(void)
{
	char a[64], b[64];
	const char *paths[2] = { a, b };
	struct allow_files af = { .paths = paths, .n_paths = 2, .log = on_log };
	struct gh_err e = { 0 };
	struct allow_entry ent;

	snprintf(a, sizeof(a), "%s/a.txt", dir);
	snprintf(b, sizeof(b), "%s/b.txt", dir);
	write_file(a, "# monitors\n192.0.2.10\n\n10.0.0.0/8  # office\n");
	write_file(b, "2001:db8:1::/48\n192.0.2.300\n198.51.100.0/24 1h\n");
	ok_eq(allow_files_load(&af, &e), -EINVAL, "a file with bad lines: nothing loaded");
	ok(e.input && strstr(e.msg, b), "an input error naming the file: %s", e.msg);
	ok(n_logged == 2 && strstr(logged[0], ":2: ") && strstr(logged[1], ":3: ") &&
		   strstr(logged[1], "one CIDR a line"),
	   "each bad line said with file:line (a TTL is refused in an allow file)");
	ok_eq(af.n, 0, "no entry taken");

	write_file(b, "2001:db8:1::/48\n10.0.0.0/8\n");
	ok_eq(allow_files_load(&af, &e), 0, "fixed, the files load");
	ok_eq(af.n, 3, "three distinct entries (10.0.0.0/8 is in both)");
	ok(file_covers(&af, "10.1.2.3") && file_covers(&af, "2001:db8:1:ff::1") &&
		   file_covers(&af, "192.0.2.10") && !file_covers(&af, "192.0.2.11"),
	   "they cover their networks, nothing else");

	put("192.0.2.10", 0, 0);      /* the operator's, for good */
	put("10.0.0.0/8", 300, 0);    /* the operator's, for 5 minutes */
	ok_eq(allow_files_sync(&af, m, &e), 0, "written into the maps");
	get("192.0.2.10", &ent);
	ok(!(ent.flags & GH_ALLOW_F_FILE), "an operator's permanent entry stays the operator's");
	get("10.0.0.0/8", &ent);
	ok((ent.flags & GH_ALLOW_F_FILE) && !ent.expires_ns,
	   "an operator's expiring entry the file lists is the file's, for good");
	get("2001:db8:1::/48", &ent);
	ok(ent.flags & GH_ALLOW_F_FILE, "a new entry is marked as the files'");

	write_file(a, "192.0.2.10\n");
	write_file(b, "\n");
	n_logged = 0;
	allow_files_reload(&af, m);
	ok_eq(allow_count(), 1, "the files shrink: their entries go, the operator's stays");
	ok(n_logged == 1 && strstr(logged[0], "2 no longer listed removed"), "said: %s",
	   logged[0]);
	write_file(a, "not-an-address\n");
	n_logged = 0;
	allow_files_reload(&af, m);
	ok(af.n == 1 && n_logged == 2 && strstr(logged[1], "the allow lists in force stay"),
	   "a bad reload keeps the lists in force and says so");
	del("192.0.2.10");
	allow_files_free(&af);
	unlink(a);
	unlink(b);
}

static int ended;

static void on_ended(const struct remembered_block *b, void *ctx)
{
	(void)b;
	(void)ctx;
	ended++;
}

static void test_block_memory(void)
{
	struct block_memory mem = { .max = 2 };
	struct remembered_block a = { .cidr = cidr("203.0.113.0/24"), .until_ns = 100 * NS };
	struct remembered_block shorter = a, forever = a;
	struct remembered_block other = { .cidr = cidr("203.0.113.7"), .until_ns = 50 * NS };
	struct remembered_block third = { .cidr = cidr("198.51.100.7"), .until_ns = 50 * NS };

	shorter.until_ns = 60 * NS;
	forever.until_ns = 0;
	ok_eq(block_memory_put(&mem, &a, 10 * NS), 1, "a new block is remembered");
	ok_eq(block_memory_put(&mem, &shorter, 10 * NS), 0, "a shorter one changes nothing");
	ok_eq(block_memory_put(&mem, &forever, 10 * NS), 1, "a permanent one replaces it");
	ok_eq(block_memory_put(&mem, &a, 10 * NS), 0, "nothing shortens a permanent block");
	ok_eq(block_memory_put(&mem, &other, 10 * NS), 1, "another prefix is its own block");
	ok_eq(block_memory_put(&mem, &third, 10 * NS), -E2BIG, "beyond max: -E2BIG");
	ok_eq(block_memory_expire(&mem, 49 * NS, on_ended, NULL), 0, "nothing ends early");
	ok(block_memory_expire(&mem, 50 * NS, on_ended, NULL) == 1 && ended == 1 && mem.n == 1,
	   "at its end a block is forgotten and told");
	ok_eq(block_memory_put(&mem, &third, 50 * NS), 1, "which makes room");
	block_memory_free(&mem);
}

int main(void)
{
	int err;

	if (!mkdtemp(dir)) {
		tap_skip("no temporary directory");
		return tap_done();
	}
	test_block_memory();
	err = gate_fixture_open(&fx, 0, SMALL_ALLOWS);
	if (err) {
		tap_skip("the gate's maps cannot be created (CAP_BPF needed)");
		tap_diag("setup: %s", strerror(-err));
	} else {
		test_ttl();
		test_refresh();
		test_all_or_nothing();
		test_gc();
		test_files();
	}
	gate_fixture_close(&fx);
	rmdir(dir);
	return tap_done();
}
