// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The compiled-database cache: a second compile of the same expressions is
 * read back (and scans the same), anything that changes the compile misses,
 * a damaged file, a directory others can write, or a file swapped in by a
 * symlink fall back to compiling with the same answers, old files are
 * pruned, and a policy set loaded twice through the cache matches alike.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>
#include <fcntl.h>

#include "tap.h"
#include "engine/hs_cache.h"
#include "engine/policy.h"

static char root[] = "/tmp/gh-hs-cache-XXXXXX";

static const char *const EXPRS[] = { "union\\s+select", "/etc/passwd", "<script" };
static const unsigned int FLAGS[] = { HS_FLAG_CASELESS, 0, HS_FLAG_CASELESS };
static const unsigned int IDS[] = { 0, 1, 2 };

static unsigned long hits_now(void)
{
	unsigned long h, s;

	hs_cache_counts(&h, &s);
	return h;
}

static unsigned long stores_now(void)
{
	unsigned long h, s;

	hs_cache_counts(&h, &s);
	return s;
}

static int on_match(unsigned int id, unsigned long long from, unsigned long long to,
		    unsigned int flags, void *ctx)
{
	(void)from, (void)to, (void)flags;
	*(unsigned int *)ctx |= 1U << id;
	return 0;
}

/* Bit i set when expression i matches text. */
static unsigned int scan(const hs_database_t *db, const char *text)
{
	hs_scratch_t *s = NULL;
	unsigned int got = 0;

	if (hs_alloc_scratch(db, &s) != HS_SUCCESS)
		return ~0U;
	hs_scan(db, text, (unsigned int)strlen(text), 0, s, on_match, &got);
	hs_free_scratch(s);
	return got;
}

/* Compile EXPRS (first n of them) through dir; the database's answer on text. */
static hs_error_t compile_n(const char *dir, unsigned int n, const char *text, unsigned int *got)
{
	struct hs_cache_req req = { .exprs = EXPRS, .flags = FLAGS, .ids = IDS, .n = n };
	hs_compile_error_t *cerr = NULL;
	hs_database_t *db = NULL;
	hs_error_t rc = hs_cache_compile(dir, &req, &db, &cerr);

	hs_free_compile_error(cerr);
	*got = db ? scan(db, text) : ~0U;
	hs_free_database(db);
	return rc;
}

static size_t count_files(const char *dir)
{
	struct dirent *de;
	size_t n = 0;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d)))
		n += strstr(de->d_name, ".hsdb") != NULL;
	if (d)
		closedir(d);
	return n;
}

/* The one .hsdb file in dir, into path. */
static bool only_file(const char *dir, char *path, size_t len)
{
	struct dirent *de;
	bool found = false;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d)))
		if (strstr(de->d_name, ".hsdb")) {
			snprintf(path, len, "%s/%s", dir, de->d_name);
			found = true;
		}
	if (d)
		closedir(d);
	return found;
}

static void test_hit_and_miss(void)
{
	char dir[256], file[512];
	unsigned int got;
	unsigned long h0 = hits_now(), s0 = stores_now();
	FILE *f;

	snprintf(dir, sizeof(dir), "%s/made/below", root);
	ok_eq(compile_n(dir, 3, "x' UNION  select 1", &got), HS_SUCCESS, "first compile");
	ok_eq(got, 1U, "it matches the first expression only");
	ok_eq(stores_now() - s0, 1, "and is stored");
	ok_eq(count_files(dir), 1, "as one file, in a directory made for it");
	ok_eq(hits_now() - h0, 0, "nothing was read back yet");
	ok_eq(compile_n(dir, 3, "GET /etc/passwd <SCRIPT>", &got), HS_SUCCESS, "second compile");
	ok_eq(hits_now() - h0, 1, "comes from the cache");
	ok_eq(got, 6U, "and gives the compiled answers (expressions 1 and 2)");
	ok_eq(compile_n(dir, 2, "<script", &got), HS_SUCCESS, "fewer expressions");
	ok_eq(hits_now() - h0, 1, "miss");
	ok_eq(got, 0U, "and the third expression is not in it");
	ok_eq(count_files(dir), 2, "each set has its own file");

	/* A damaged file: the same key, bytes overwritten. */
	{
		struct hs_cache_req req = { .exprs = EXPRS, .flags = FLAGS, .ids = IDS, .n = 1 };
		hs_compile_error_t *cerr = NULL;
		hs_database_t *db = NULL;
		char one[256];

		snprintf(one, sizeof(one), "%s/one", root);
		hs_cache_compile(one, &req, &db, &cerr);
		hs_free_database(db);
		ok(only_file(one, file, sizeof(file)), "a one-expression set stored");
		f = fopen(file, "r+");
		if (f) {
			/* Deep in the bytecode, where Hyperscan's own header check does not look. */
			fseek(f, -8, SEEK_END);
			fputs("garbage", f);
			fclose(f);
		}
		h0 = hits_now();
		ok_eq(compile_n(one, 1, "union select", &got), HS_SUCCESS, "a damaged file");
		ok_eq(hits_now() - h0, 0, "is not used");
		ok_eq(got, 1U, "the compile answers instead");
		ok_eq(compile_n(one, 1, "union select", &got), HS_SUCCESS, "and it was replaced");
		ok_eq(hits_now() - h0, 1, "by a good one");
	}
}

static void test_unsafe_dirs(void)
{
	char open_dir[256], link_dir[256], target[512], file[512];
	unsigned int got;
	unsigned long h0, s0;

	snprintf(open_dir, sizeof(open_dir), "%s/open", root);
	mkdir(open_dir, 0700);
	chmod(open_dir, 0777);
	s0 = stores_now();
	ok_eq(compile_n(open_dir, 3, "/etc/passwd", &got), HS_SUCCESS,
	      "a directory others can write: still compiles");
	ok_eq(got, 2U, "with the right answer");
	ok_eq(stores_now() - s0, 0, "but stores nothing there");
	ok_eq(count_files(open_dir), 0, "no file");

	snprintf(link_dir, sizeof(link_dir), "%s/link", root);
	snprintf(target, sizeof(target), "%s/made", root);
	ok(!symlink(target, link_dir), "a symlink to a directory");
	ok_eq(compile_n(link_dir, 3, "/etc/passwd", &got), HS_SUCCESS, "compiles");
	ok_eq(stores_now() - s0, 0, "and is not used as the cache");

	/* A file swapped for a symlink to another set's database. */
	snprintf(target, sizeof(target), "%s/made/below", root);
	if (only_file(target, file, sizeof(file))) {
		char swapped[600];
		struct stat st;

		snprintf(swapped, sizeof(swapped), "%s.real", file);
		rename(file, swapped);
		ok(!symlink(swapped, file), "a cache file replaced by a symlink");
		h0 = hits_now();
		compile_n(target, 3, "/etc/passwd", &got);
		compile_n(target, 2, "/etc/passwd", &got);
		ok_eq(hits_now() - h0, 1, "the symlinked one is not followed");
		ok(!lstat(file, &st) && S_ISREG(st.st_mode), "but replaced by a compiled file");
	}
	ok_eq(compile_n(NULL, 3, "/etc/passwd", &got), HS_SUCCESS, "no cache at all");
	ok_eq(got, 2U, "compiles the same");
	ok_eq(compile_n("", 3, "/etc/passwd", &got), HS_SUCCESS, "an empty name is no cache too");
}

static void write_file(const char *path, const char *text);

static void test_prune(void)
{
	const struct timespec old[2] = { { .tv_sec = 1000000000 }, { .tv_sec = 1000000000 } };
	char dir[256], pat[64], stale[300], fresh[300];
	const char *one[1] = { pat };
	unsigned int flags = 0;
	hs_compile_error_t *cerr = NULL;
	hs_database_t *db;

	snprintf(dir, sizeof(dir), "%s/prune", root);
	mkdir(dir, 0700);
	snprintf(stale, sizeof(stale), "%s/.tmp-stale1", dir);
	snprintf(fresh, sizeof(fresh), "%s/.tmp-fresh1", dir);
	write_file(stale, "half a database");
	write_file(fresh, "a database being written");
	utimensat(AT_FDCWD, stale, old, 0);
	for (int i = 0; i < HS_CACHE_MAX_FILES + 5; i++) {
		struct hs_cache_req req = { .exprs = one, .flags = &flags, .n = 1 };

		snprintf(pat, sizeof(pat), "word%d", i);
		db = NULL;
		hs_cache_compile(dir, &req, &db, &cerr);
		hs_free_database(db);
	}
	ok_eq(count_files(dir), HS_CACHE_MAX_FILES, "at most %d files are kept",
	      HS_CACHE_MAX_FILES);
	ok(access(stale, F_OK), "a temporary file a dead writer left hours ago is removed");
	ok(!access(fresh, F_OK), "one being written now is not");
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* A set loaded twice through the cache: the second load reads every database back. */
static void test_policy_set(void)
{
	struct policy_load_opts o = { 0 };
	struct policy_set *a = NULL, *b = NULL;
	char dir[256], file[512], cache[256];
	unsigned long h0;

	snprintf(dir, sizeof(dir), "%s/policies", root);
	snprintf(cache, sizeof(cache), "%s/set-cache", root);
	mkdir(dir, 0700);
	snprintf(file, sizeof(file), "%s/sqli.json", dir);
	write_file(file, "{\"name\": \"sqli\", \"description\": \"d\", \"kind\": \"match\", "
			 "\"where\": {\"any\": [{\"field\": \"query\", \"iregex\": "
			 "\"union\\\\s+select\"}, {\"field\": \"path\", \"regex\": \"/etc/passwd\"}]}, "
			 "\"action\": {\"type\": \"alert\"}}");
	o.cache_dir = cache;
	ok_eq(policy_set_load_dir(dir, &o, NULL, &a), 0, "a set loads through the cache");
	h0 = hits_now();
	ok_eq(policy_set_load_dir(dir, &o, NULL, &b), 0, "and again");
	ok_eq(hits_now() - h0, 2, "its two fields' databases come from the cache");
	if (a && b) {
		struct request_record r = { 0 };
		struct pred_eval *ev = pred_eval_new(b->regexes);

		req_set_str(&r, REQ_QUERY, &r.query, "id=1 UNION SELECT 2", 19);
		pred_eval_begin(ev, &r);
		ok(pred_match(b->policies[0].where, ev), "the read-back set matches");
		req_set_str(&r, REQ_QUERY, &r.query, "id=1", 4);
		pred_eval_begin(ev, &r);
		ok(!pred_match(b->policies[0].where, ev), "and does not match what it should not");
		pred_eval_free(ev);
	}
	policy_set_free(a);
	policy_set_free(b);
	o.cache_dir = "";
	h0 = hits_now();
	ok_eq(policy_set_load_dir(dir, &o, NULL, &a), 0, "cache_dir \"\": loads");
	ok_eq(hits_now() - h0, 0, "without the cache");
	policy_set_free(a);
}

int main(void)
{
	char cmd[128];

	if (!mkdtemp(root))
		return 1;
	test_hit_and_miss();
	test_unsafe_dirs();
	test_prune();
	test_policy_set();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	if (system(cmd))
		tap_diag("could not remove %s", root);
	return tap_done();
}
